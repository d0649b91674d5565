//! `tarjama tokenize`: source-side token ids, one JSON array per input line.

use anyhow::Context;
use clap::Args as ClapArgs;
use tarjama::mt::hub::locate_model;
use tarjama::mt::tokenizer::{tokenize_lines, MarianTokenizer};

use super::model_args::ModelArgs;
use super::Outcome;

/// Arguments of `tarjama tokenize`.
#[derive(Debug, ClapArgs)]
pub struct Args {
    /// The model whose tokenizer to use.
    #[command(flatten)]
    pub model: ModelArgs,
}

/// Run `tarjama tokenize`: lines on stdin, one JSON array of ids per line on stdout.
pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let files = locate_model(&args.model.request())?;
    let tok = MarianTokenizer::from_files(
        &files.source_spm,
        &files.target_spm,
        &files.vocab,
        args.model.punct_norm,
    )?;
    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    tokenize_lines(&tok, stdin.lock(), stdout.lock()).context("tokenizing standard input")?;
    Ok(Outcome::Done)
}
