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
//!
//! # Crash safety and resume
//!
//! Every model call's translations are committed to the store as soon as the call returns;
//! every output is written to a temporary file and renamed; a file is marked done in the
//! journal only after all its outputs are in place. After `kill -9`, the same command again
//! skips files whose journal entry says done, whose outputs all exist and whose content hash
//! is unchanged, answers every stored sentence from the store, sweeps the temporary files the
//! killed process left beside its outputs, and writes the rest. The outputs then equal an
//! undisturbed run's byte for byte (outputs hold no timestamps; the manifest does).
//!
//! That last step relies on the resumed run making the same model calls as the undisturbed
//! one for the work left: inputs are queued in plan order and every call is committed whole,
//! so the calls after the last commit are the same calls again. It matters because the engine
//! is not bit-exact across batch shapes: a sentence translated together with a different set
//! of neighbours can get a score that differs in its last digits (and, at a near-tie, another
//! token). So outputs are byte-identical to an undisturbed run only when the rest of the run
//! is the same: same `--batch-sentences`, and no other process filling the same store with
//! the same sentences at the same time.
//!
//! # Splitting one batch over N machines
//!
//! `--shard K/N` keeps the files whose relative path hashes to `K-1` modulo `N` (see
//! [`jobs`]), so N runs with K = 1..N cover every file exactly once. Each machine uses its own
//! store; all may write into one shared output directory (outputs never collide, and each
//! shard writes `tarjama-manifest.shard-K-of-N.json`). A Slurm job array:
//!
//! ```sh
//! #SBATCH --array=1-8
//! tarjama translate corpus/ -o out/ -f html,tmx --shard ${SLURM_ARRAY_TASK_ID}/8 \
//!     --cache stores/store-${SLURM_ARRAY_TASK_ID}.sqlite
//! ```
//!
//! A Kubernetes Indexed Job (`completionMode: Indexed`, `completions: 8`) numbers its pods
//! from 0, so add one:
//!
//! ```sh
//! tarjama translate /data/corpus -o /data/out --shard $((JOB_COMPLETION_INDEX + 1))/8 \
//!     --cache /data/stores/store-${JOB_COMPLETION_INDEX}.sqlite
//! ```
//!
//! Afterwards, fold the stores into one (idempotent; existing entries win) and, if wanted,
//! export a translation memory:
//!
//! ```sh
//! for s in stores/store-*.sqlite; do tarjama cache merge "$s" --cache all.sqlite; done
//! tarjama cache export --format tmx --cache all.sqlite > memory.tmx
//! ```

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
