//! Options shared by every subcommand that loads a model.

use clap::Args;
use tarjama::mt::hub::{ModelRequest, DEFAULT_MODEL};
use tarjama::mt::tokenizer::PunctNorm;

/// Which model, from where (`--model`, `--revision`, `--offline`, `--punct-norm`).
#[derive(Debug, Clone, Args)]
pub struct ModelArgs {
    /// A Hugging Face hub id or a local folder in the hub layout.
    #[arg(long, default_value = DEFAULT_MODEL)]
    pub model: String,
    /// Hub revision: branch, tag, commit or `refs/pr/N`.
    #[arg(long)]
    pub revision: Option<String>,
    /// Use only the local Hugging Face cache (also `HF_HUB_OFFLINE=1`).
    #[arg(long)]
    pub offline: bool,
    /// Punctuation normalisation before tokenizing: `opus` (as the OPUS-MT models were
    /// trained) or `none` (exactly transformers' MarianTokenizer).
    #[arg(long, default_value = "opus", value_parser = parse_punct)]
    pub punct_norm: PunctNorm,
}

fn parse_punct(s: &str) -> Result<PunctNorm, String> {
    s.parse()
}

impl ModelArgs {
    /// The hub request these options describe.
    pub fn request(&self) -> ModelRequest {
        ModelRequest {
            model: self.model.clone(),
            revision: self.revision.clone(),
            offline: self.offline,
        }
    }
}
