//! The batch loop: files in, translations from the store or the model, outputs and journal out.
//!
//! The runner is generic over two small traits so it can be tested without a model:
//! [`Pipeline`] turns a file's text into MT inputs and later writes its outputs; [`Backend`]
//! translates a slice of inputs. How a run goes:
//!
//! 1. A producer thread reads, hashes and prepares files in plan order, `read_ahead` at a time
//!    in parallel with rayon, while the main thread drives the model.
//! 2. A file whose journal entry says done, whose outputs all exist and whose content hash is
//!    unchanged is *resumed*: left alone, no model work.
//! 3. Each MT input is normalised ([`normalize_mt_input`]), then answered by an earlier file of
//!    this run (a repeat), by the store, or queued for the model. Inputs from many files fill one
//!    model call of `batch_inputs` inputs.
//! 4. After every model call its translations go into the store in one transaction, so a crash
//!    loses at most one call's work. A failing call is retried input by input; an input that
//!    still fails is reported to the pipeline as an error for that sentence only.
//! 5. Files whose inputs are all answered are finished (written) in groups on the rayon pool;
//!    then their journal entries are recorded.
//!
//! Exit status (see [`RunReport::exit_code`] and [`super::BatchError::exit_code`]): 0 every
//! file done or skipped, 1 some file failed, 2 usage or setup error (or the store failed).

use std::collections::hash_map::DefaultHasher;
use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};
use std::hash::{Hash, Hasher};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{sync_channel, Receiver, TryRecvError};
use std::time::{Duration, Instant, SystemTime};

use rayon::prelude::*;
use unicode_normalization::UnicodeNormalization;

use super::input::{read_input, InputOutcome};
use super::jobs::{InputFile, Plan, Shard};
use super::manifest::{manifest_name, rfc3339_utc, Counts, FileIssue, Manifest, Timings};
use super::progress::Progress;
use super::store::{JobStatus, JournalEntry, ModelKey, Store, StoredTranslation};
use super::{atomic, BatchError};

/// Errors from pipelines and backends.
pub type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// One translation from the model.
#[derive(Debug, Clone, PartialEq)]
pub struct Translation {
    /// English text.
    pub text: String,
    /// The model's score.
    pub score: f32,
    /// Tokens generated (for tokens/s).
    pub tokens: usize,
}

/// The translation engine as the runner sees it.
pub trait Backend {
    /// The model's identity (the store key and the manifest use it).
    fn model(&self) -> ModelKey;
    /// The canonical decode-settings key (see [`super::store::DecodeSettings::store_key`]).
    fn settings_key(&self) -> String;
    /// Translates `inputs`, returning one translation per input, in order.
    fn translate(&mut self, inputs: &[String]) -> Result<Vec<Translation>, BoxError>;
}

/// What [`Pipeline::prepare`] makes of one file.
#[derive(Debug)]
pub struct Prepared<S> {
    /// The MT inputs (sentences) of the file, in the order `finish` expects answers.
    pub mt_inputs: Vec<String>,
    /// Whatever the pipeline needs to write the outputs later (e.g. the document model).
    pub state: S,
}

/// The per-file work around the model: analysis before, writing after.
pub trait Pipeline: Sync {
    /// Per-file state kept between `prepare` and `finish`.
    type State: Send;

    /// Everything besides model and settings that decides the outputs (formats, options). A
    /// run resumes only files finished under the same key.
    fn config_key(&self) -> String;

    /// Analyses one file's text.
    fn prepare(&self, file: &InputFile, text: &str) -> Result<Prepared<Self::State>, BoxError>;

    /// Writes the outputs of one file, given one answer per MT input (an error string for an
    /// input the model failed on), and returns the paths written. Writes must be atomic.
    fn finish(
        &self,
        file: &InputFile,
        state: Self::State,
        translations: Vec<Result<StoredTranslation, String>>,
    ) -> Result<Vec<PathBuf>, BoxError>;
}

/// Settings of one run.
#[derive(Debug, Clone)]
pub struct RunConfig {
    /// The inputs as given (recorded in the manifest).
    pub inputs: Vec<PathBuf>,
    /// The output directory.
    pub outdir: PathBuf,
    /// `--shard K/N` (recorded in the manifest and its file name).
    pub shard: Option<Shard>,
    /// `--lossy`: decode invalid UTF-8 with replacement characters.
    pub lossy: bool,
    /// MT inputs per model call.
    pub batch_inputs: usize,
    /// Files read and prepared ahead of the model.
    pub read_ahead: usize,
    /// Other settings to record in the manifest.
    pub settings: BTreeMap<String, String>,
    /// Whether to write the manifest into `outdir`.
    pub write_manifest: bool,
}

impl RunConfig {
    /// Defaults: 64 inputs per call, 16 files read ahead, strict UTF-8, manifest written.
    pub fn new(inputs: Vec<PathBuf>, outdir: PathBuf) -> Self {
        RunConfig {
            inputs,
            outdir,
            shard: None,
            lossy: false,
            batch_inputs: 64,
            read_ahead: 16,
            settings: BTreeMap::new(),
            write_manifest: true,
        }
    }
}

/// What a run did.
#[derive(Debug, Clone)]
pub struct RunReport {
    /// Counts (as in the manifest).
    pub counts: Counts,
    /// Failed inputs with reasons, in plan order.
    pub failures: Vec<FileIssue>,
    /// Skipped inputs with reasons, in plan order.
    pub skipped: Vec<FileIssue>,
    /// Warnings per input.
    pub warnings: Vec<FileIssue>,
    /// Where the manifest was written.
    pub manifest: Option<PathBuf>,
    /// Seconds inside model calls.
    pub model_seconds: f64,
}

impl RunReport {
    /// 0 when no file failed, 1 otherwise.
    pub fn exit_code(&self) -> i32 {
        i32::from(!self.failures.is_empty())
    }

    /// The end-of-run summary: counts, then every failed and skipped file with its reason.
    pub fn summary(&self) -> String {
        let c = &self.counts;
        // Short lines: they end an overnight log and must read well in an 80-column terminal.
        let mut s = format!(
            "tarjama: {} of {} files done ({} by this run, {} earlier), {} failed, {} skipped\n\
             sentences: {}; {} by the model, {} from the store, {} repeats, {} failed\n\
             model: {} calls, {} tokens, {:.1} s\n",
            c.files_done + c.files_resumed,
            c.files_total,
            c.files_done,
            c.files_resumed,
            c.files_failed,
            c.files_skipped,
            c.sentences,
            c.translated_by_model,
            c.served_from_store,
            c.deduplicated,
            c.failed_sentences,
            c.model_calls,
            c.tokens_generated,
            self.model_seconds
        );
        for (title, list) in [("failed", &self.failures), ("skipped", &self.skipped)] {
            if !list.is_empty() {
                s.push_str(&format!("{title} ({}):\n", list.len()));
                for issue in list {
                    s.push_str(&format!("  {}: {}\n", issue.path.display(), issue.reason));
                }
            }
        }
        s
    }
}

/// The form of an MT input used for the store key, deduplication and the model: Unicode NFC,
/// whitespace runs collapsed to one space, trimmed. (Marian's SentencePiece normaliser applies
/// NFKC and collapses whitespace itself, so this does not change what the model sees.)
pub fn normalize_mt_input(input: &str) -> String {
    let collapsed = input.split_whitespace().collect::<Vec<_>>().join(" ");
    collapsed.nfc().collect()
}

/// The journal key of a run: output directory, model, settings and pipeline configuration.
pub fn job_key(outdir: &Path, model: &ModelKey, settings_key: &str, config_key: &str) -> String {
    format!(
        "out={}|model={}|settings={}|pipeline={}",
        outdir.display(),
        model.store_key(),
        settings_key,
        config_key
    )
}

/// A file after the producer looked at it.
enum Loaded<S> {
    Resumed,
    Skipped {
        reason: String,
        sha256: String,
    },
    Failed {
        reason: String,
        sha256: Option<String>,
    },
    Ready {
        sha256: String,
        warnings: Vec<String>,
        inputs: Vec<String>,
        state: S,
    },
}

/// A prepared file waiting for its translations.
struct Waiting<S> {
    file: InputFile,
    sha256: String,
    inputs: Vec<String>,
    distinct: Vec<String>,
    state: S,
}

/// Runs the batch `plan` (see the module docs). Per-file problems end up in the report; an
/// `Err` means the run could not go on (output directory or store unusable).
pub fn run<P: Pipeline, B: Backend>(
    config: &RunConfig,
    plan: &Plan,
    pipeline: &P,
    backend: &mut B,
    store: &mut Store,
    progress: &Progress,
) -> Result<RunReport, BatchError> {
    let started_at = SystemTime::now();
    let started = Instant::now();
    let outdir = std::path::absolute(&config.outdir).map_err(|source| BatchError::Io {
        path: config.outdir.clone(),
        source,
    })?;
    std::fs::create_dir_all(&outdir).map_err(|source| BatchError::Io {
        path: outdir.clone(),
        source,
    })?;
    let model = backend.model();
    let settings_key = backend.settings_key();
    let job = job_key(&outdir, &model, &settings_key, &pipeline.config_key());
    let journal = store.journal_load(&job)?;
    sweep_temps(&plan.files);
    let manifest_stem = manifest_name(config.shard)
        .trim_end_matches(".json")
        .to_string();
    atomic::sweep_stale_temps(&outdir, &[manifest_stem]);

    let mut state = Loop::new(config, &model, &settings_key, &job);
    state.counts.files_total = (plan.files.len() + plan.problems.len()) as u64;
    progress.start(state.counts.files_total);
    for problem in &plan.problems {
        state.counts.files_failed += 1;
        progress.file_failed(&problem.path, &problem.reason);
        state.failures.push(FileIssue {
            path: problem.path.clone(),
            reason: problem.reason.clone(),
        });
    }

    let read_ahead = config.read_ahead.max(1);
    let (tx, rx) = sync_channel::<(InputFile, Loaded<P::State>)>(read_ahead);
    let lossy = config.lossy;
    let result = std::thread::scope(|scope| {
        let journal = &journal;
        scope.spawn(move || {
            for chunk in plan.files.chunks(read_ahead) {
                let loaded: Vec<_> = chunk
                    .par_iter()
                    .map(|file| (file.clone(), load(file, pipeline, journal, lossy)))
                    .collect();
                for item in loaded {
                    if tx.send(item).is_err() {
                        return; // the consumer stopped (store error)
                    }
                }
            }
        });
        state.consume(rx, pipeline, backend, store, progress)
    });
    result?;

    let report = RunReport {
        counts: state.counts,
        failures: state.failures,
        skipped: state.skipped,
        warnings: state.warnings,
        manifest: None,
        model_seconds: state.model_time.as_secs_f64(),
    };
    let mut report = report;
    if config.write_manifest {
        let manifest = Manifest {
            tool: "tarjama".into(),
            version: env!("CARGO_PKG_VERSION").into(),
            model,
            settings_key,
            settings: config.settings.clone(),
            inputs: config.inputs.clone(),
            outdir: outdir.clone(),
            shard: config.shard.map(|s| s.to_string()),
            store: store
                .path()
                .map(|p| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf())),
            counts: report.counts.clone(),
            timings: Timings {
                started: rfc3339_utc(started_at),
                finished: rfc3339_utc(SystemTime::now()),
                wall_seconds: started.elapsed().as_secs_f64(),
                model_seconds: report.model_seconds,
            },
            failures: report.failures.clone(),
            skipped: report.skipped.clone(),
            warnings: report.warnings.clone(),
            exit_code: report.exit_code(),
        };
        report.manifest = Some(manifest.write(&outdir, config.shard)?);
    }
    progress.finish(
        &report.summary(),
        !report.failures.is_empty() || !report.skipped.is_empty(),
    );
    Ok(report)
}

/// Removes temporary files a killed earlier run left beside this run's outputs.
fn sweep_temps(files: &[InputFile]) {
    let mut by_dir: BTreeMap<&Path, Vec<String>> = BTreeMap::new();
    for f in files {
        if let (Some(dir), Some(name)) = (f.output_stem.parent(), f.output_stem.file_name()) {
            by_dir
                .entry(dir)
                .or_default()
                .push(name.to_string_lossy().into_owned());
        }
    }
    for (dir, names) in by_dir {
        atomic::sweep_stale_temps(dir, &names);
    }
}

/// Reads, checks and prepares one file (producer side; runs on the rayon pool).
fn load<P: Pipeline>(
    file: &InputFile,
    pipeline: &P,
    journal: &HashMap<String, JournalEntry>,
    lossy: bool,
) -> Loaded<P::State> {
    let (text, sha256, warnings) = match read_input(&file.path, lossy) {
        InputOutcome::Text {
            text,
            sha256,
            warnings,
        } => (text, sha256, warnings),
        InputOutcome::Skipped { reason, sha256 } => return Loaded::Skipped { reason, sha256 },
        InputOutcome::Failed { reason, sha256 } => return Loaded::Failed { reason, sha256 },
    };
    if let Some(entry) = journal.get(&*file.path.to_string_lossy()) {
        if entry.status == JobStatus::Done
            && entry.sha256 == sha256
            && !entry.outputs.is_empty()
            && entry.outputs.iter().all(|p| p.is_file())
        {
            return Loaded::Resumed;
        }
    }
    match catch_unwind(AssertUnwindSafe(|| pipeline.prepare(file, &text))) {
        Ok(Ok(prepared)) => Loaded::Ready {
            sha256,
            warnings,
            inputs: prepared
                .mt_inputs
                .iter()
                .map(|s| normalize_mt_input(s))
                .collect(),
            state: prepared.state,
        },
        Ok(Err(e)) => Loaded::Failed {
            reason: format!("analysis failed: {}", error_chain(e.as_ref())),
            sha256: Some(sha256),
        },
        Err(panic) => Loaded::Failed {
            reason: format!("analysis failed: internal error: {}", panic_message(&panic)),
            sha256: Some(sha256),
        },
    }
}

/// An answer some waiting file needs: `None` while queued for the model.
struct Slot {
    answer: Option<Result<StoredTranslation, String>>,
    /// Waiting files that need it.
    refs: usize,
}

/// The consumer's state (main thread).
struct Loop<'a> {
    batch_inputs: usize,
    /// Waiting files that trigger a finishing round without a model call.
    finish_group: usize,
    model_key: String,
    settings_key: &'a str,
    job: &'a str,
    counts: Counts,
    failures: Vec<FileIssue>,
    skipped: Vec<FileIssue>,
    warnings: Vec<FileIssue>,
    model_time: Duration,
    /// Answers (or places for them) needed by waiting files.
    slots: HashMap<String, Slot>,
    /// Inputs queued for the model, in arrival order.
    pending: VecDeque<String>,
    /// Hashes of every input met in this run (for the repeat count only).
    seen: HashSet<u64>,
}

impl<'a> Loop<'a> {
    fn new(config: &RunConfig, model: &ModelKey, settings_key: &'a str, job: &'a str) -> Self {
        Loop {
            batch_inputs: config.batch_inputs.max(1),
            finish_group: config.read_ahead.max(1),
            model_key: model.store_key(),
            settings_key,
            job,
            counts: Counts::default(),
            failures: Vec::new(),
            skipped: Vec::new(),
            warnings: Vec::new(),
            model_time: Duration::ZERO,
            slots: HashMap::new(),
            pending: VecDeque::new(),
            seen: HashSet::new(),
        }
    }

    fn consume<P: Pipeline, B: Backend>(
        &mut self,
        rx: Receiver<(InputFile, Loaded<P::State>)>,
        pipeline: &P,
        backend: &mut B,
        store: &mut Store,
        progress: &Progress,
    ) -> Result<(), BatchError> {
        let mut waiting: Vec<Waiting<P::State>> = Vec::new();
        loop {
            // Finish ready files in groups (their writes then run in parallel), and whenever
            // the producer has nothing new yet rather than idling.
            let (file, loaded) = match rx.try_recv() {
                Ok(item) => item,
                Err(TryRecvError::Disconnected) => break,
                Err(TryRecvError::Empty) => {
                    self.finish_ready(&mut waiting, pipeline, store, progress)?;
                    match rx.recv() {
                        Ok(item) => item,
                        Err(_) => break,
                    }
                }
            };
            progress.file_started(&file.path);
            match loaded {
                Loaded::Resumed => {
                    self.counts.files_resumed += 1;
                    progress.file_resumed(&file.path);
                }
                Loaded::Skipped { reason, sha256 } => {
                    self.record(store, &file, &sha256, JobStatus::Skipped, &reason, &[])?;
                    self.counts.files_skipped += 1;
                    progress.file_skipped(&file.path, &reason);
                    self.skipped.push(issue(&file, reason));
                }
                Loaded::Failed { reason, sha256 } => {
                    let sha = sha256.unwrap_or_default();
                    self.record(store, &file, &sha, JobStatus::Failed, &reason, &[])?;
                    self.counts.files_failed += 1;
                    progress.file_failed(&file.path, &reason);
                    self.failures.push(issue(&file, reason));
                }
                Loaded::Ready {
                    sha256,
                    warnings,
                    inputs,
                    state,
                } => {
                    for w in warnings {
                        progress.warn(&file.path, &w);
                        self.warnings.push(issue(&file, w));
                    }
                    progress.sentences_queued(inputs.len() as u64);
                    let distinct = self.enqueue(store, &inputs)?;
                    waiting.push(Waiting {
                        file,
                        sha256,
                        inputs,
                        distinct,
                        state,
                    });
                }
            }
            let mut called = false;
            while self.pending.len() >= self.batch_inputs {
                self.model_call(backend, store, progress)?;
                called = true;
            }
            if called || waiting.len() >= self.finish_group {
                self.finish_ready(&mut waiting, pipeline, store, progress)?;
            }
        }
        while !self.pending.is_empty() {
            self.model_call(backend, store, progress)?;
        }
        self.finish_ready(&mut waiting, pipeline, store, progress)?;
        debug_assert!(waiting.is_empty());
        Ok(())
    }

    /// Answers a new file's inputs from this run or the store, queueing the rest for the
    /// model; returns the file's distinct inputs (the file holds one reference to each slot).
    fn enqueue(&mut self, store: &Store, inputs: &[String]) -> Result<Vec<String>, BatchError> {
        let mut distinct: Vec<String> = Vec::new();
        let mut in_file = HashSet::new();
        let mut first_in_run: HashSet<&str> = HashSet::new();
        for input in inputs {
            self.counts.sentences += 1;
            if input.is_empty() {
                self.counts.empty_inputs += 1;
            } else if self.seen.insert(hash_of(input)) {
                first_in_run.insert(input);
            } else {
                self.counts.deduplicated += 1;
            }
            if in_file.insert(input.as_str()) {
                distinct.push(input.clone());
            }
        }
        let mut lookup: Vec<&str> = Vec::new();
        for input in &distinct {
            if let Some(slot) = self.slots.get_mut(input) {
                slot.refs += 1;
            } else if input.is_empty() {
                // Nothing to translate: answered directly, never stored.
                let empty = StoredTranslation {
                    text: String::new(),
                    score: 0.0,
                };
                self.slots.insert(
                    String::new(),
                    Slot {
                        answer: Some(Ok(empty)),
                        refs: 1,
                    },
                );
            } else {
                lookup.push(input);
            }
        }
        let found = store.get_many(&self.model_key, self.settings_key, &lookup)?;
        for (input, hit) in lookup.iter().zip(found) {
            let answer = match hit {
                Some(t) => {
                    if first_in_run.contains(input) {
                        self.counts.served_from_store += 1;
                    }
                    Some(Ok(t))
                }
                None => {
                    self.pending.push_back(input.to_string());
                    None
                }
            };
            self.slots
                .insert(input.to_string(), Slot { answer, refs: 1 });
        }
        Ok(distinct)
    }

    /// Sends the next `batch_inputs` pending inputs to the model and stores the answers.
    fn model_call<B: Backend>(
        &mut self,
        backend: &mut B,
        store: &mut Store,
        progress: &Progress,
    ) -> Result<(), BatchError> {
        let n = self.batch_inputs.min(self.pending.len());
        let batch: Vec<String> = self.pending.drain(..n).collect();
        let t0 = Instant::now();
        self.counts.model_calls += 1;
        let answers: Vec<Result<Translation, String>> = match call(backend, &batch) {
            Ok(v) => v.into_iter().map(Ok).collect(),
            Err(e) if batch.len() == 1 => vec![Err(e)],
            // Retry one by one so a single bad input fails alone.
            Err(_) => batch
                .iter()
                .map(|input| {
                    self.counts.model_calls += 1;
                    call(backend, std::slice::from_ref(input)).map(|mut v| v.remove(0))
                })
                .collect(),
        };
        self.model_time += t0.elapsed();
        let mut to_store = Vec::new();
        let mut tokens = 0u64;
        for (input, answer) in batch.iter().zip(answers) {
            let answer = match answer {
                Ok(t) => {
                    self.counts.translated_by_model += 1;
                    tokens += t.tokens as u64;
                    let stored = StoredTranslation {
                        text: t.text,
                        score: t.score,
                    };
                    to_store.push((input.as_str(), stored.clone()));
                    Ok(stored)
                }
                Err(e) => {
                    self.counts.failed_sentences += 1;
                    Err(e)
                }
            };
            if let Some(slot) = self.slots.get_mut(input) {
                slot.answer = Some(answer);
            }
        }
        let refs: Vec<(&str, &StoredTranslation)> = to_store.iter().map(|(i, t)| (*i, t)).collect();
        store.put_many(&self.model_key, self.settings_key, &refs)?;
        self.counts.tokens_generated += tokens;
        progress.tokens_generated(tokens);
        Ok(())
    }

    /// Writes every waiting file whose inputs are all answered, records it in the journal and
    /// releases its answers.
    fn finish_ready<P: Pipeline>(
        &mut self,
        waiting: &mut Vec<Waiting<P::State>>,
        pipeline: &P,
        store: &mut Store,
        progress: &Progress,
    ) -> Result<(), BatchError> {
        let mut ready = Vec::new();
        let mut rest = Vec::new();
        for w in waiting.drain(..) {
            let answered = |i: &String| self.slots.get(i).is_some_and(|s| s.answer.is_some());
            if !w.distinct.iter().all(answered) {
                rest.push(w);
            } else {
                ready.push(w);
            }
        }
        *waiting = rest;
        if ready.is_empty() {
            return Ok(());
        }
        let jobs: Vec<_> = ready
            .into_iter()
            .map(|w| {
                let answers: Vec<Result<StoredTranslation, String>> = w
                    .inputs
                    .iter()
                    .map(
                        |i| match self.slots.get(i).and_then(|s| s.answer.as_ref()) {
                            Some(answer) => answer.clone(),
                            None => Err("internal error: translation missing".to_string()),
                        },
                    )
                    .collect();
                (w, answers)
            })
            .collect();
        let results: Vec<_> = jobs
            .into_par_iter()
            .map(|(w, answers)| {
                let failed: Vec<&String> =
                    answers.iter().filter_map(|a| a.as_ref().err()).collect();
                let sentence_problem = failed.first().map(|first| {
                    format!(
                        "{} of {} sentences could not be translated: {first}",
                        failed.len(),
                        answers.len()
                    )
                });
                let n = answers.len() as u64;
                let Waiting {
                    file,
                    sha256,
                    distinct,
                    state,
                    ..
                } = w;
                let written =
                    catch_unwind(AssertUnwindSafe(|| pipeline.finish(&file, state, answers)));
                let outcome = match written {
                    Ok(Ok(paths)) => match sentence_problem {
                        None => Ok(paths),
                        Some(reason) => Err(reason),
                    },
                    Ok(Err(e)) => Err(format!("writing failed: {}", error_chain(e.as_ref()))),
                    Err(panic) => Err(format!(
                        "writing failed: internal error: {}",
                        panic_message(&panic)
                    )),
                };
                (file, sha256, distinct, n, outcome)
            })
            .collect();
        for (file, sha256, distinct, n, outcome) in results {
            progress.sentences_translated(n);
            match outcome {
                Ok(paths) => {
                    self.record(store, &file, &sha256, JobStatus::Done, "", &paths)?;
                    self.counts.files_done += 1;
                    progress.file_done(&file.path);
                }
                Err(reason) => {
                    self.record(store, &file, &sha256, JobStatus::Failed, &reason, &[])?;
                    self.counts.files_failed += 1;
                    progress.file_failed(&file.path, &reason);
                    self.failures.push(issue(&file, reason));
                }
            }
            for input in distinct {
                self.release(&input);
            }
        }
        Ok(())
    }

    /// Drops one finished file's reference to an answer; forgets the answer when none is left.
    fn release(&mut self, input: &str) {
        if let Some(slot) = self.slots.get_mut(input) {
            slot.refs -= 1;
            if slot.refs == 0 {
                self.slots.remove(input);
            }
        }
    }

    fn record(
        &self,
        store: &Store,
        file: &InputFile,
        sha256: &str,
        status: JobStatus,
        reason: &str,
        outputs: &[PathBuf],
    ) -> Result<(), BatchError> {
        store.journal_record(
            self.job,
            &JournalEntry {
                path: file.path.to_string_lossy().into_owned(),
                sha256: sha256.to_string(),
                status,
                reason: reason.to_string(),
                outputs: outputs.to_vec(),
            },
        )
    }
}

/// One backend call with its answer count checked and panics caught.
fn call<B: Backend>(backend: &mut B, inputs: &[String]) -> Result<Vec<Translation>, String> {
    match catch_unwind(AssertUnwindSafe(|| backend.translate(inputs))) {
        Ok(Ok(v)) if v.len() == inputs.len() => Ok(v),
        Ok(Ok(v)) => Err(format!(
            "model returned {} translations for {} inputs",
            v.len(),
            inputs.len()
        )),
        Ok(Err(e)) => Err(format!("model failed: {}", error_chain(e.as_ref()))),
        Err(panic) => Err(format!(
            "model failed: internal error: {}",
            panic_message(&panic)
        )),
    }
}

fn issue(file: &InputFile, reason: String) -> FileIssue {
    FileIssue {
        path: file.path.clone(),
        reason,
    }
}

fn hash_of(s: &str) -> u64 {
    let mut h = DefaultHasher::new();
    s.hash(&mut h);
    h.finish()
}

/// `error: cause: cause …`.
fn error_chain(e: &(dyn std::error::Error + 'static)) -> String {
    let mut s = e.to_string();
    let mut source = e.source();
    while let Some(cause) = source {
        s.push_str(": ");
        s.push_str(&cause.to_string());
        source = cause.source();
    }
    s
}

fn panic_message(panic: &Box<dyn std::any::Any + Send>) -> String {
    if let Some(s) = panic.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = panic.downcast_ref::<String>() {
        s.clone()
    } else {
        "panic".to_string()
    }
}
