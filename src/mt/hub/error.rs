//! Errors from locating a model; each names the model, the file and what was expected of it.

use std::path::PathBuf;

/// Why the model files could not be found or fetched.
#[derive(Debug, thiserror::Error)]
pub enum HubError {
    /// The `--model` value is neither an existing folder nor a valid hub id.
    #[error("`{model}` is not a model folder or a Hugging Face model id: {reason}")]
    InvalidModel {
        /// The value given.
        model: String,
        /// What is wrong with it.
        reason: String,
    },
    /// `--revision` was given together with a local folder.
    #[error("--revision {revision} applies to hub models, but {dir} is a local folder")]
    RevisionForFolder {
        /// The folder.
        dir: PathBuf,
        /// The revision given.
        revision: String,
    },
    /// A file the model needs is not in its folder (or cache snapshot).
    #[error("{file} ({expected}) is missing from {dir}")]
    MissingFile {
        /// The file name.
        file: String,
        /// What the file should be.
        expected: String,
        /// The folder that lacks it.
        dir: PathBuf,
    },
    /// A file is there but is not what it should be.
    #[error("{path} is not {expected}: {detail}")]
    CorruptFile {
        /// The file.
        path: PathBuf,
        /// What the file should be.
        expected: String,
        /// What is wrong.
        detail: String,
    },
    /// Offline, and the cache does not hold the model at that revision.
    #[error(
        "{repo_id} at revision {revision} is not in the Hugging Face cache {cache_dir}{detail} \
         (offline: run once with network access, or pass a local folder to --model)"
    )]
    NotCached {
        /// The hub id.
        repo_id: String,
        /// The revision asked for.
        revision: String,
        /// The cache folder searched.
        cache_dir: PathBuf,
        /// What exactly is missing (starts with "; " when present).
        detail: String,
    },
    /// The hub answered that a file needed does not exist at that revision.
    #[error("{repo_id} at revision {revision} has no {file} ({expected}) on {endpoint}")]
    NotOnHub {
        /// The hub id.
        repo_id: String,
        /// The revision asked for.
        revision: String,
        /// The file name.
        file: String,
        /// What the file should be.
        expected: String,
        /// The hub endpoint asked.
        endpoint: String,
    },
    /// The hub refused or did not find the repository or revision.
    #[error(
        "{endpoint} answered HTTP {status} for {file} of {repo_id} at revision {revision}{hint}"
    )]
    Http {
        /// The hub id.
        repo_id: String,
        /// The revision asked for.
        revision: String,
        /// The file being fetched.
        file: String,
        /// The HTTP status.
        status: u16,
        /// The hub endpoint asked.
        endpoint: String,
        /// A hint on what the status usually means.
        hint: String,
    },
    /// The download failed for another reason (network, disk, odd answer).
    #[error(
        "downloading {file} of {repo_id} (revision {revision}) from {endpoint} failed: {detail}"
    )]
    Download {
        /// The hub id.
        repo_id: String,
        /// The revision asked for.
        revision: String,
        /// The file being fetched.
        file: String,
        /// The hub endpoint asked.
        endpoint: String,
        /// What failed.
        detail: String,
    },
    /// Reading the cache or a folder failed.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The path.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
}
