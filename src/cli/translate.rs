//! `tarjama translate`: documents (files, folders, stdin) to bilingual outputs, or `--lines`.

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{bail, Context};
use clap::Args as ClapArgs;
use tarjama::batch::jobs::{glob_set, plan, Shard};
use tarjama::batch::progress::{Progress, ProgressMode};
use tarjama::batch::runner::{run as run_batch, RunConfig};
use tarjama::batch::store::{open_store, StoredTranslation};
use tarjama::doc::{document_id, UnitOptions};
use tarjama::mt::Translator;
use tarjama::output::{write_outputs, Format, Target};
use tarjama::pipeline::{translate_text, DocumentPipeline, TranslatorBackend};
use tarjama::text;

use super::decode_args::EngineArgs;
use super::model_args::ModelArgs;
use super::segment::{read_input, Paragraphs};
use super::Outcome;

/// Arguments of `tarjama translate`.
#[derive(Debug, ClapArgs)]
pub struct Args {
    /// Input files or folders (searched recursively); none or `-` reads standard input.
    pub inputs: Vec<PathBuf>,
    /// One segment per input line, one translation per output line, same order, nothing split
    /// or merged (the marian-decoder convention). Reads the one input (or stdin).
    #[arg(long)]
    pub lines: bool,
    /// Output formats, comma-separated: text, html, md, jsonl, tsv, tmx, xliff, parallel.
    #[arg(short = 'f', long = "format", default_value = "text")]
    pub formats: String,
    /// Output: a folder (ends in `/`, exists, or several inputs) or a file; stdout if absent.
    #[arg(short = 'o', long = "output")]
    pub output: Option<PathBuf>,
    /// Which files to take from input folders (glob on the path relative to the folder).
    #[arg(long = "glob", default_value = "*.txt")]
    pub globs: Vec<String>,
    /// Take only shard K of N of the input files (`K/N`, K from 1), for job arrays.
    #[arg(long)]
    pub shard: Option<Shard>,
    /// Decode invalid UTF-8 with replacement characters (with a warning) instead of failing.
    #[arg(long)]
    pub lossy: bool,
    /// Leave boilerplate paragraphs (page furniture) untranslated; they are kept and marked.
    #[arg(long)]
    pub skip_boilerplate: bool,
    /// How lines become paragraphs.
    #[arg(long, value_enum, default_value_t = Paragraphs::Auto)]
    pub paragraphs: Paragraphs,
    /// Translation store (SQLite); default in the platform cache folder.
    #[arg(long)]
    pub cache: Option<PathBuf>,
    /// Do not read or write the translation store.
    #[arg(long)]
    pub no_cache: bool,
    /// No progress output, only the summary of problems.
    #[arg(long, short = 'q')]
    pub quiet: bool,
    /// Seconds between progress lines when stderr is not a terminal.
    #[arg(long, default_value_t = 30.0)]
    pub progress_interval: f64,
    /// Sentences per model call in batch runs (gathered across files).
    #[arg(long, default_value_t = 256)]
    pub batch_sentences: usize,
    /// The model.
    #[command(flatten)]
    pub model: ModelArgs,
    /// The engine.
    #[command(flatten)]
    pub engine: EngineArgs,
}

/// Run `tarjama translate`.
pub fn run(args: Args) -> anyhow::Result<Outcome> {
    args.engine.apply_threads();
    let formats = Format::parse_list(&args.formats)?;
    if args.lines {
        return run_lines(&args);
    }
    let pipeline = DocumentPipeline {
        text: text::Options {
            paragraphs: args.paragraphs.into(),
            ..text::Options::default()
        },
        units: UnitOptions {
            skip_boilerplate: args.skip_boilerplate,
        },
        formats,
    };
    let stdin = args.inputs.is_empty() || args.inputs.iter().any(|p| p.as_os_str() == "-");
    let to_folder = args.output.as_deref().is_some_and(|o| {
        o.is_dir()
            || o.as_os_str().to_string_lossy().ends_with('/')
            || args.inputs.len() > 1
            || args.inputs.iter().any(|i| i.is_dir())
    });
    if stdin || !to_folder {
        return run_single(&args, &pipeline, stdin);
    }
    run_folder(&args, pipeline)
}

fn load(args: &Args) -> anyhow::Result<Translator> {
    let translator = args
        .engine
        .builder(&args.model)
        .build()
        .with_context(|| format!("loading model {}", args.model.model))?;
    if !args.quiet {
        let info = translator.info();
        // The weights file by name only: its folder is the model's (or was given by --weights).
        let weights = info.weights.file_name().map_or_else(
            || info.weights.display().to_string(),
            |n| n.to_string_lossy().into(),
        );
        eprintln!(
            "tarjama: model {} ({}), weights {} ({:?}), {} on {}",
            info.model,
            info.revision.as_deref().unwrap_or("local"),
            weights,
            info.weights_format,
            format!("{:?}", info.dtype).to_lowercase(),
            format!("{:?}", info.device).to_lowercase()
        );
    }
    Ok(translator)
}

/// One document (a file or stdin) to stdout or to `-o FILE`.
fn run_single(args: &Args, pipeline: &DocumentPipeline, stdin: bool) -> anyhow::Result<Outcome> {
    if args.inputs.len() > 1 {
        bail!("several inputs need -o DIR/ (a folder)");
    }
    let path = if stdin {
        PathBuf::from("-")
    } else {
        args.inputs[0].clone()
    };
    if path.is_dir() {
        bail!(
            "{} is a folder: give -o DIR/ for its outputs",
            path.display()
        );
    }
    let input = read_input(&path)?;
    let translator = load(args)?;
    let stem = if stdin {
        None
    } else {
        path.file_stem().and_then(|s| s.to_str())
    };
    let doc_id = document_id(stem, &input);
    let mut failed = false;
    let doc = translate_text(pipeline, &doc_id, &input, |inputs| {
        translator
            .translate(inputs)
            .into_iter()
            .map(|r| match r {
                Ok(t) => Ok(StoredTranslation {
                    text: t.text,
                    score: t.mean_logprob,
                }),
                Err(e) => {
                    failed = true;
                    Err(e.to_string())
                }
            })
            .collect()
    })
    .map_err(|e| anyhow::anyhow!("{e}"))?;
    let target = Target::from_arg(args.output.as_deref());
    let out_stem = stem.map(str::to_string).unwrap_or_else(|| doc.id.clone());
    write_outputs(&doc, &pipeline.formats, &target, &out_stem)?;
    let accounting = doc.accounting();
    if !args.quiet {
        eprintln!("tarjama: {accounting:?}");
    }
    Ok(if failed {
        Outcome::SomeFailed
    } else {
        Outcome::Done
    })
}

/// Files and folders to an output folder, through the batch runner (store, journal, resume).
fn run_folder(args: &Args, pipeline: DocumentPipeline) -> anyhow::Result<Outcome> {
    let outdir = args.output.clone().expect("folder mode has -o");
    let globs = glob_set(&args.globs)?;
    let plan = plan(&args.inputs, &globs, &outdir, args.shard)?;
    let mut store = open_store(args.cache.as_deref(), args.no_cache)?;
    let translator = load(args)?;
    let mut backend =
        TranslatorBackend::new(translator).context("hashing the weights file for the store")?;
    let mut config = RunConfig::new(args.inputs.clone(), outdir);
    config.shard = args.shard;
    config.lossy = args.lossy;
    config.batch_inputs = args.batch_sentences.max(1);
    config
        .settings
        .insert("formats".into(), args.formats.clone());
    config
        .settings
        .insert("model".into(), backend.translator().files().describe());
    let interval = Duration::from_secs_f64(args.progress_interval.max(0.1));
    let progress = Progress::stderr(ProgressMode::auto(args.quiet, interval));
    let report = run_batch(
        &config,
        &plan,
        &pipeline,
        &mut backend,
        &mut store,
        &progress,
    )?;
    // The summary was printed by `progress` (under --quiet only when something failed).
    Ok(if report.exit_code() == 0 {
        Outcome::Done
    } else {
        Outcome::SomeFailed
    })
}

/// `--lines`: one translation per input line.
fn run_lines(args: &Args) -> anyhow::Result<Outcome> {
    if args.inputs.len() > 1 {
        bail!("--lines reads one input (a file or -)");
    }
    let path = args.inputs.first().cloned().unwrap_or_else(|| "-".into());
    let lines = read_lines(&path)?;
    let translator = load(args)?;
    // Blank lines stay blank (nothing to translate), and keep their place.
    let (idx, texts): (Vec<usize>, Vec<&str>) = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| (i, l.as_str()))
        .unzip();
    let mut out_lines = vec![String::new(); lines.len()];
    let mut failed = 0usize;
    for (i, result) in idx.into_iter().zip(translator.translate(&texts)) {
        match result {
            Ok(t) => out_lines[i] = t.text.replace(['\n', '\r'], " "),
            Err(e) => {
                failed += 1;
                // The engine's input index counts non-blank lines only; name the line instead.
                let reason = match e {
                    tarjama::mt::EngineError::Input { reason, .. } => reason,
                    other => other.to_string(),
                };
                eprintln!("tarjama: line {}: {reason}", i + 1);
            }
        }
    }
    let mut buf = Vec::new();
    for l in &out_lines {
        writeln!(buf, "{l}")?;
    }
    match &args.output {
        Some(p) => tarjama::batch::atomic::write_atomically(p, &buf)?,
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(&buf)?;
            out.flush()?;
        }
    }
    if failed > 0 {
        eprintln!("tarjama: {failed} line(s) could not be translated (left empty)");
        return Ok(Outcome::SomeFailed);
    }
    Ok(Outcome::Done)
}

fn read_lines(path: &Path) -> anyhow::Result<Vec<String>> {
    if path.as_os_str() == "-" {
        let stdin = std::io::stdin();
        return stdin
            .lock()
            .lines()
            .collect::<Result<_, _>>()
            .context("reading standard input as UTF-8 lines");
    }
    Ok(read_input(path)?.lines().map(str::to_string).collect())
}
