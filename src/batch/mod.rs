//! Batch runs: many files through the pipeline, overnight, safely.
//!
//! * [`jobs`]: which files, in which order, where their outputs go, `--shard K/N`.
//! * [`input`]: reading one file in isolation (bad files fail alone, with a reason).
//! * [`store`]: the persistent translation store and job journal (SQLite, WAL).
//! * [`runner`]: the batch loop over a [`runner::Pipeline`] and a [`runner::Backend`].
//! * [`progress`]: bars on a terminal, plain lines in a log, `--quiet`.
//! * [`manifest`]: the run manifest in the output directory (the only place for timestamps).
//! * [`atomic`]: write-to-temporary-then-rename, so no partial output is ever visible.
//! * [`fake`]: deterministic stand-ins for the model and the pipeline (tests, examples).
//!
//! # Exit status of `tarjama translate`
//!
//! * `0`: every file was translated (or skipped as empty, or finished by an earlier run);
//! * `1`: the batch ran to the end but some file failed (the summary and the manifest name each
//!   one with its reason);
//! * `2`: usage or setup error before any work (bad arguments, missing input, unusable output
//!   directory or store), or the store failed mid-run. See [`BatchError::exit_code`].

pub mod atomic;
pub mod fake;
pub mod input;
pub mod jobs;
pub mod manifest;
pub mod progress;
pub mod runner;
pub mod store;

use std::path::PathBuf;

/// Errors that stop a batch (per-file problems never do; they go into the report).
#[derive(Debug, thiserror::Error)]
pub enum BatchError {
    /// Bad arguments or inputs (exit status 2).
    #[error("{0}")]
    Usage(String),
    /// The translation store could not be used.
    #[error("translation store {path}: {message}")]
    Store {
        /// The store file (`<memory>` for `--no-cache`).
        path: String,
        /// What SQLite or the check said.
        message: String,
    },
    /// A file or directory the batch itself needs (output directory, manifest) failed.
    #[error("{}: {source}", path.display())]
    Io {
        /// The path concerned.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
}

impl BatchError {
    /// The process exit status for this error: always 2 (usage or setup error).
    pub fn exit_code(&self) -> i32 {
        2
    }
}
