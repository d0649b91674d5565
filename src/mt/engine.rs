//! The translator: model files → tokenizer, weights and model → batched search → English text.
//!
//! [`Translator`] is the library entry point of the engine, built with [`TranslatorBuilder`]:
//!
//! ```no_run
//! use tarjama::mt::Translator;
//! let translator = Translator::builder().model("models/test-opus-mt-ar-en").build()?;
//! let out = translator.translate(&["مرحبا"]);
//! # Ok::<(), tarjama::mt::EngineError>(())
//! ```
//!
//! Inputs are tokenized, sorted by length and cut into batches whose padded size stays within a
//! token budget (`batch_tokens`), so similar lengths share a batch and padding costs little;
//! results come back in input order, one per input, each its own `Result` so one bad input
//! (e.g. longer than the model's 512 positions) never fails the others.

use std::path::PathBuf;
use std::str::FromStr;

use candle_core::{DType, Device};

use crate::mt::config::{ConfigError, GenerationConfig, MarianConfig};
use crate::mt::hub::{self, HubError, ModelFiles, ModelRequest};
use crate::mt::model::{MarianModel, ModelError};
use crate::mt::search::{self, SearchOptions};
use crate::mt::tokenizer::{MarianTokenizer, PunctNorm, TokenizerError};
use crate::mt::weights::{self, WeightFormat, WeightsError};

/// Errors of building or running the translator.
#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    /// The model files could not be found or fetched (boxed: the hub errors are large).
    #[error(transparent)]
    Hub(Box<HubError>),
    /// The weights could not be read.
    #[error(transparent)]
    Weights(#[from] WeightsError),
    /// The tokenizer files could not be read.
    #[error(transparent)]
    Tokenizer(#[from] TokenizerError),
    /// config.json or generation_config.json is invalid.
    #[error(transparent)]
    Config(#[from] ConfigError),
    /// The model failed (shapes, position limit, device).
    #[error(transparent)]
    Model(#[from] ModelError),
    /// The requested device is not available in this build or machine.
    #[error("device {0}: {1}")]
    Device(String, String),
    /// An input could not be translated.
    #[error("input {index}: {reason}")]
    Input {
        /// Position of the input.
        index: usize,
        /// Why.
        reason: String,
    },
}

impl From<HubError> for EngineError {
    fn from(e: HubError) -> Self {
        EngineError::Hub(Box::new(e))
    }
}

/// Where the model runs (`--device cpu|cuda[:N]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DeviceSpec {
    /// The CPU.
    #[default]
    Cpu,
    /// A CUDA GPU by ordinal (needs the `cuda` cargo feature).
    Cuda(usize),
}

impl FromStr for DeviceSpec {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "cpu" => Ok(DeviceSpec::Cpu),
            "cuda" => Ok(DeviceSpec::Cuda(0)),
            _ => s
                .strip_prefix("cuda:")
                .and_then(|n| n.parse().ok())
                .map(DeviceSpec::Cuda)
                .ok_or_else(|| format!("unknown device {s:?} (expected cpu, cuda or cuda:N)")),
        }
    }
}

impl DeviceSpec {
    /// Opens the device, with a clear error when it is missing or this build cannot use it.
    pub fn device(self) -> Result<Device, EngineError> {
        match self {
            DeviceSpec::Cpu => Ok(Device::Cpu),
            DeviceSpec::Cuda(n) if cfg!(feature = "cuda") => Device::new_cuda(n)
                .map_err(|e| EngineError::Device(format!("cuda:{n}"), e.to_string())),
            DeviceSpec::Cuda(n) => Err(EngineError::Device(
                format!("cuda:{n}"),
                "this build has no CUDA support; rebuild with `cargo build --release \
                 --features cuda` (needs the CUDA toolkit) or use --device cpu"
                    .into(),
            )),
        }
    }
}

/// Parse `--dtype f32|f16|bf16`.
pub fn parse_dtype(s: &str) -> Result<DType, String> {
    match s {
        "f32" => Ok(DType::F32),
        "f16" => Ok(DType::F16),
        "bf16" => Ok(DType::BF16),
        _ => Err(format!("unknown dtype {s:?} (expected f32, f16 or bf16)")),
    }
}

/// Decoding settings that override the model's `generation_config.json`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DecodeOverrides {
    /// Beam width (1 = greedy).
    pub beams: Option<usize>,
    /// Cap on generated tokens.
    pub max_new_tokens: Option<usize>,
    /// Minimum generated tokens before EOS is allowed.
    pub min_new_tokens: Option<usize>,
    /// Ban repeated n-grams of this size.
    pub no_repeat_ngram: Option<usize>,
    /// Repetition penalty (> 1 discourages repeats).
    pub repetition_penalty: Option<f32>,
}

/// Builds a [`Translator`].
#[derive(Debug, Clone)]
pub struct TranslatorBuilder {
    request: ModelRequest,
    weights: Option<PathBuf>,
    device: DeviceSpec,
    dtype: DType,
    punct: PunctNorm,
    decode: DecodeOverrides,
    batch_tokens: usize,
}

/// Default token budget of one batch (padded source tokens).
///
/// Measured on a full-size opus-mt-ar-en-shaped model, fp32, 2 threads, 64 news sentences of
/// 41 tokens on average, 32 forced new tokens: 1024 took the least CPU time for greedy and beam 4
/// (256 cost 1.2–1.8× more, 2048 and 4096 1.1–1.2× more and up to 1.6× the memory for beam 4).
pub const DEFAULT_BATCH_TOKENS: usize = 1024;

impl Default for TranslatorBuilder {
    fn default() -> Self {
        TranslatorBuilder {
            request: ModelRequest {
                model: hub::DEFAULT_MODEL.to_string(),
                revision: None,
                offline: false,
            },
            weights: None,
            device: DeviceSpec::Cpu,
            dtype: DType::F32,
            punct: PunctNorm::Opus,
            decode: DecodeOverrides::default(),
            batch_tokens: DEFAULT_BATCH_TOKENS,
        }
    }
}

impl TranslatorBuilder {
    /// A hub id (`Helsinki-NLP/opus-mt-ar-en`) or a local folder in the hub layout.
    pub fn model(mut self, model: impl Into<String>) -> Self {
        self.request.model = model.into();
        self
    }
    /// A hub revision (branch, tag or commit), e.g. `refs/pr/1`.
    pub fn revision(mut self, revision: Option<String>) -> Self {
        self.request.revision = revision;
        self
    }
    /// Never touch the network; use the local cache only.
    pub fn offline(mut self, offline: bool) -> Self {
        self.request.offline = offline;
        self
    }
    /// Use this weight file instead of the one found in the model folder.
    pub fn weights(mut self, path: Option<PathBuf>) -> Self {
        self.weights = path;
        self
    }
    /// Where to run.
    pub fn device(mut self, device: DeviceSpec) -> Self {
        self.device = device;
        self
    }
    /// Compute dtype.
    pub fn dtype(mut self, dtype: DType) -> Self {
        self.dtype = dtype;
        self
    }
    /// Punctuation normalisation before tokenizing.
    pub fn punct_norm(mut self, punct: PunctNorm) -> Self {
        self.punct = punct;
        self
    }
    /// Decoding settings over the model's defaults.
    pub fn decode(mut self, decode: DecodeOverrides) -> Self {
        self.decode = decode;
        self
    }
    /// Token budget per batch (padded source tokens × rows).
    pub fn batch_tokens(mut self, tokens: usize) -> Self {
        self.batch_tokens = tokens.max(1);
        self
    }

    /// Locate the files, read them and build the model.
    pub fn build(self) -> Result<Translator, EngineError> {
        let files = hub::locate_model(&self.request)?;
        let device = self.device.device()?;
        let config = MarianConfig::from_file(&files.config)?;
        let generation = GenerationConfig::from_file(files.generation_config.as_deref(), &config)?;
        let tokenizer = MarianTokenizer::from_files(
            &files.source_spm,
            &files.target_spm,
            &files.vocab,
            self.punct,
        )?;
        let weights_path = self
            .weights
            .clone()
            .unwrap_or_else(|| files.weights.clone());
        let checkpoint = weights::load_checkpoint(&weights_path, self.dtype, &device)?;
        let model = MarianModel::new(&config, checkpoint.var_builder())?;
        let mut search = SearchOptions::from_generation_config(&generation);
        let d = &self.decode;
        if let Some(b) = d.beams {
            search.beams = b.max(1);
        }
        if d.max_new_tokens.is_some() {
            search.max_new_tokens = d.max_new_tokens;
        }
        if let Some(m) = d.min_new_tokens {
            search.min_new_tokens = m;
        }
        if let Some(n) = d.no_repeat_ngram {
            search.no_repeat_ngram = n;
        }
        if let Some(p) = d.repetition_penalty {
            search.repetition_penalty = p;
        }
        Ok(Translator {
            info: ModelInfo {
                model: self.request.model.clone(),
                repo_id: files.repo_id.clone(),
                revision: files.revision.clone(),
                weights: weights_path,
                weights_format: checkpoint.format,
                dtype: self.dtype,
                device: self.device,
            },
            files,
            tokenizer,
            model,
            search,
            batch_tokens: self.batch_tokens,
        })
    }
}

/// What model a translator runs, for reports and manifests.
#[derive(Debug, Clone)]
pub struct ModelInfo {
    /// The model as requested (hub id or folder).
    pub model: String,
    /// The hub repository, when fetched from the hub.
    pub repo_id: Option<String>,
    /// The commit the files came from, when known.
    pub revision: Option<String>,
    /// The weight file read.
    pub weights: PathBuf,
    /// Its format.
    pub weights_format: WeightFormat,
    /// Compute dtype.
    pub dtype: DType,
    /// Device.
    pub device: DeviceSpec,
}

/// One translated input.
#[derive(Debug, Clone, PartialEq)]
pub struct Translation {
    /// The English text.
    pub text: String,
    /// Generated token ids (EOS included when generated, start token excluded).
    pub ids: Vec<u32>,
    /// Beam score (transformers' `sequences_scores`).
    pub score: f32,
    /// Mean log-probability of the generated tokens.
    pub mean_logprob: f32,
    /// Source tokens (EOS included).
    pub source_tokens: usize,
}

impl Translation {
    /// The translation of an input with nothing to translate.
    fn empty(source_tokens: usize) -> Self {
        Translation {
            text: String::new(),
            ids: Vec::new(),
            score: 0.0,
            mean_logprob: 0.0,
            source_tokens,
        }
    }
}

/// A loaded model ready to translate.
pub struct Translator {
    info: ModelInfo,
    files: ModelFiles,
    tokenizer: MarianTokenizer,
    model: MarianModel,
    search: SearchOptions,
    batch_tokens: usize,
}

impl Translator {
    /// Start building a translator (default model `Helsinki-NLP/opus-mt-ar-en`).
    pub fn builder() -> TranslatorBuilder {
        TranslatorBuilder::default()
    }

    /// The model this translator runs.
    pub fn info(&self) -> &ModelInfo {
        &self.info
    }

    /// The located model files.
    pub fn files(&self) -> &ModelFiles {
        &self.files
    }

    /// The tokenizer.
    pub fn tokenizer(&self) -> &MarianTokenizer {
        &self.tokenizer
    }

    /// The search settings in force.
    pub fn search_options(&self) -> &SearchOptions {
        &self.search
    }

    /// Translate texts; one result per input, in input order.
    ///
    /// An input with nothing to translate (empty, or whitespace only: it tokenizes to the lone
    /// `</s>`) gives an empty [`Translation`] without running the model; transformers would
    /// generate from the bare `</s>` and produce text out of nothing.
    pub fn translate<S: AsRef<str>>(&self, inputs: &[S]) -> Vec<Result<Translation, EngineError>> {
        let ids: Vec<Vec<u32>> = inputs
            .iter()
            .map(|s| self.tokenizer.encode(s.as_ref()))
            .collect();
        self.run(&ids, Some(self.tokenizer.eos_id()))
    }

    /// Translate token-id sources (each ending in EOS); one result per input, in input order.
    ///
    /// Unlike [`translate`](Self::translate), a source of the lone EOS is translated like any
    /// other (as transformers would); an empty source is an error for that input alone.
    pub fn translate_ids(&self, sources: &[Vec<u32>]) -> Vec<Result<Translation, EngineError>> {
        self.run(sources, None)
    }

    /// Checks each source, sorts the good ones by length, searches them batch by batch and puts
    /// the results back in input order. Sources equal to `[blank]` get an empty translation.
    fn run(
        &self,
        sources: &[Vec<u32>],
        blank: Option<u32>,
    ) -> Vec<Result<Translation, EngineError>> {
        let max_pos = self.model.max_positions();
        let mut results: Vec<Option<Result<Translation, EngineError>>> =
            (0..sources.len()).map(|_| None).collect();
        let mut order: Vec<usize> = Vec::with_capacity(sources.len());
        for (i, src) in sources.iter().enumerate() {
            let problem = if src.is_empty() {
                Some("no source tokens (expected at least the end-of-sentence token)".to_string())
            } else if src.len() > max_pos {
                Some(format!(
                    "{} tokens is more than the model's {max_pos} positions; split the input",
                    src.len()
                ))
            } else {
                None
            };
            if let Some(reason) = problem {
                results[i] = Some(Err(EngineError::Input { index: i, reason }));
            } else if blank.is_some_and(|b| src.as_slice() == [b]) {
                results[i] = Some(Ok(Translation::empty(src.len())));
            } else {
                order.push(i);
            }
        }
        // Longest first: the first batch shows memory trouble early, and similar lengths pad
        // little. The sort is stable, so equal lengths keep their input order.
        order.sort_by_key(|&i| std::cmp::Reverse(sources[i].len()));
        for batch in token_budget_batches(&order, |i| sources[i].len(), self.batch_tokens) {
            let rows: Vec<Vec<u32>> = batch.iter().map(|&i| sources[i].clone()).collect();
            match search::generate(&self.model, &rows, &self.search) {
                Ok(hyps) => {
                    for (&i, h) in batch.iter().zip(hyps) {
                        results[i] = Some(Ok(Translation {
                            text: self.tokenizer.decode(&h.ids),
                            source_tokens: sources[i].len(),
                            ids: h.ids,
                            score: h.score,
                            mean_logprob: h.mean_logprob,
                        }));
                    }
                }
                Err(e) => {
                    let reason = e.to_string();
                    for &i in batch {
                        results[i] = Some(Err(EngineError::Input {
                            index: i,
                            reason: reason.clone(),
                        }));
                    }
                }
            }
        }
        results
            .into_iter()
            .enumerate()
            .map(|(i, r)| {
                r.unwrap_or_else(|| {
                    Err(EngineError::Input {
                        index: i,
                        reason: "no result (internal error: the batch returned too few)".into(),
                    })
                })
            })
            .collect()
    }
}

/// Cut `order` (already sorted by length, longest first) into consecutive batches whose padded
/// size (rows × longest row) stays within `budget`; a row longer than the budget goes alone.
pub fn token_budget_batches(
    order: &[usize],
    len: impl Fn(usize) -> usize,
    budget: usize,
) -> Vec<&[usize]> {
    let mut batches = Vec::new();
    let mut start = 0;
    while start < order.len() {
        let longest = len(order[start]).max(1);
        let rows = (budget / longest).max(1);
        let end = (start + rows).min(order.len());
        batches.push(&order[start..end]);
        start = end;
    }
    batches
}

#[cfg(test)]
mod tests {
    use super::token_budget_batches;

    #[test]
    fn batches_stay_within_the_budget_and_cover_every_input_once() {
        // Lengths by input index, already sorted longest first in `order`.
        let len = [9, 7, 7, 4, 3, 3, 1];
        let order: Vec<usize> = (0..len.len()).collect();
        let batches = token_budget_batches(&order, |i| len[i], 20);
        // 20 / 9 → 2 rows; then 20 / 7 → 2; then 20 / 4 → 5 (only 3 left).
        assert_eq!(batches, vec![&[0, 1][..], &[2, 3], &[4, 5, 6]]);
        for b in &batches {
            assert!(b.len() * len[b[0]] <= 20);
        }
    }

    #[test]
    fn a_row_longer_than_the_budget_goes_alone() {
        let len = [50, 40, 2];
        let order = [0, 1, 2];
        let batches = token_budget_batches(&order, |i| len[i], 10);
        assert_eq!(batches, vec![&[0][..], &[1], &[2]]);
        assert!(token_budget_batches(&[], |i| len[i], 10).is_empty());
    }
}
