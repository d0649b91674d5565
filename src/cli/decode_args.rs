//! Engine options shared by `translate` and `bench`: decoding, batching, device, dtype.

use std::path::PathBuf;

use clap::Args;
use tarjama::mt::{parse_dtype, DecodeOverrides, DeviceSpec, TranslatorBuilder};

use super::model_args::ModelArgs;

/// How to run the model.
#[derive(Debug, Clone, Args)]
pub struct EngineArgs {
    /// Beam width (1 = greedy). Default: the model's generation_config.json (4 for opus-mt).
    #[arg(long)]
    pub beam: Option<usize>,
    /// Cap on generated tokens per sentence. Default: 2 × source tokens + 10 (so a looping
    /// model cannot run away), within the model's 512 positions.
    #[arg(long)]
    pub max_new_tokens: Option<usize>,
    /// End-of-sentence is not allowed before this many tokens.
    #[arg(long)]
    pub min_new_tokens: Option<usize>,
    /// Never repeat an n-gram of this size within one translation (0 = off).
    #[arg(long)]
    pub no_repeat_ngram: Option<usize>,
    /// Penalise tokens already generated (> 1 discourages repeats; 1 = off).
    #[arg(long)]
    pub repetition_penalty: Option<f32>,
    /// Token budget per batch: inputs are sorted by length and grouped so rows × longest row
    /// stays within it; outputs come back in input order.
    #[arg(long, default_value_t = tarjama::mt::DEFAULT_BATCH_TOKENS)]
    pub batch_tokens: usize,
    /// CPU threads for the model (default: all cores).
    #[arg(long)]
    pub threads: Option<usize>,
    /// Where the model runs: cpu, cuda or cuda:N (CUDA needs a build with `--features cuda`).
    #[arg(long, default_value = "cpu", value_parser = parse_device)]
    pub device: DeviceSpec,
    /// Compute dtype: f32, f16 or bf16.
    #[arg(long, default_value = "f32", value_parser = parse_dtype)]
    pub dtype: candle_core::DType,
    /// Read this weight file instead of the model folder's (safetensors or PyTorch .bin).
    #[arg(long)]
    pub weights: Option<PathBuf>,
}

fn parse_device(s: &str) -> Result<DeviceSpec, String> {
    s.parse()
}

impl EngineArgs {
    /// Apply `--threads` to the process (candle and rayon read it on first use).
    pub fn apply_threads(&self) {
        if let Some(n) = self.threads.filter(|&n| n > 0) {
            // Set before any rayon pool exists; candle's CPU kernels size their work by it.
            std::env::set_var("RAYON_NUM_THREADS", n.to_string());
            let _ = rayon::ThreadPoolBuilder::new()
                .num_threads(n)
                .build_global();
        }
    }

    /// A translator builder for these options and `model`.
    pub fn builder(&self, model: &ModelArgs) -> TranslatorBuilder {
        let request = model.request();
        tarjama::mt::Translator::builder()
            .model(request.model)
            .revision(request.revision)
            .offline(request.offline)
            .punct_norm(model.punct_norm)
            .weights(self.weights.clone())
            .device(self.device)
            .dtype(self.dtype)
            .batch_tokens(self.batch_tokens)
            .decode(DecodeOverrides {
                beams: self.beam,
                max_new_tokens: self.max_new_tokens,
                min_new_tokens: self.min_new_tokens,
                no_repeat_ngram: self.no_repeat_ngram,
                repetition_penalty: self.repetition_penalty,
            })
    }
}
