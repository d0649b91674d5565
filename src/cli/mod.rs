//! Command-line interface: argument parsing and one module per subcommand.
//!
//! Exit codes (documented in the README): 0 everything done, 1 some inputs failed (the run went on
//! past them and reported them), 2 usage or setup error (bad arguments, model not found, …).

use clap::{Parser, Subcommand};

pub mod bench;
pub mod cache;
pub mod decode_args;
pub mod model_args;
pub mod segment;
pub mod tokenize;
pub mod translate;

/// Batch Arabic → English translation with local MarianMT models, writing bilingual review files.
#[derive(Debug, Parser)]
#[command(name = "tarjama", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Analyse Arabic text: paragraphs, sentences, quoted speech and speakers (no model needed).
    Segment(segment::Args),
    /// Translate Arabic documents (files, folders, stdin) into bilingual outputs.
    Translate(Box<translate::Args>),
    /// Measure translation speed on a fixed workload (forced decode length), peer-comparable.
    Bench(Box<bench::Args>),
    /// Print source-side token ids, one JSON array per input line (stdin → stdout).
    Tokenize(tokenize::Args),
    /// Inspect, export (TMX) and merge translation stores.
    Cache(cache::Args),
}

/// How a run ended, as the process exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Everything done.
    Done = 0,
    /// Some inputs failed; the rest were done.
    SomeFailed = 1,
}

/// Run the parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<Outcome> {
    match cli.command {
        Command::Segment(args) => segment::run(args),
        Command::Tokenize(args) => tokenize::run(args),
        Command::Bench(args) => bench::run(*args),
        Command::Translate(args) => translate::run(*args),
        Command::Cache(args) => cache::run(args),
    }
}
