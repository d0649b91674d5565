//! Errors from reading a weights file; each names the file and, where there is one, the tensor.

use std::path::{Path, PathBuf};

/// Why a weights file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum WeightsError {
    /// The file could not be opened, mapped or read.
    #[error("cannot read weights file {path}: {source}")]
    Io {
        /// The weights file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The first bytes match none of the supported formats.
    #[error(
        "{path} is not a weights file tarjama can read: expected safetensors, a PyTorch zip \
         checkpoint or a legacy PyTorch pickle, found {found}"
    )]
    UnknownFormat {
        /// The weights file.
        path: PathBuf,
        /// What the first bytes look like.
        found: String,
    },
    /// The file ends before the data its header promises.
    #[error("{path} is truncated ({available} bytes): {detail}")]
    Truncated {
        /// The weights file.
        path: PathBuf,
        /// What is cut off, and up to which byte it should reach when known.
        detail: String,
        /// The file's length.
        available: u64,
    },
    /// The file's structure is damaged or not what a checkpoint holds.
    #[error("{path} is corrupt or not a checkpoint: {detail}")]
    Corrupt {
        /// The weights file.
        path: PathBuf,
        /// What was wrong.
        detail: String,
    },
    /// A tensor has an element type we cannot load.
    #[error("{path}: tensor `{tensor}` has unsupported element type {dtype}")]
    UnsupportedDtype {
        /// The weights file.
        path: PathBuf,
        /// The tensor name as stored.
        tensor: String,
        /// The element type as the file names it.
        dtype: String,
    },
    /// A tensor's shape is not the one expected.
    #[error("{path}: tensor `{tensor}` has shape {found:?}, expected {expected}")]
    Shape {
        /// The weights file.
        path: PathBuf,
        /// The tensor name.
        tensor: String,
        /// What was expected, in words or as a shape.
        expected: String,
        /// The shape found.
        found: Vec<usize>,
    },
    /// A tensor the model needs is not in the file.
    #[error("{path}: no tensor {expected} (the file has {count} tensors)")]
    Missing {
        /// The weights file.
        path: PathBuf,
        /// The names looked for.
        expected: String,
        /// How many tensors the file has.
        count: usize,
    },
    /// Turning the bytes into a candle tensor failed.
    #[error("{path}: tensor `{tensor}`: {source}")]
    Tensor {
        /// The weights file.
        path: PathBuf,
        /// The tensor name.
        tensor: String,
        /// candle's error (boxed: it is large).
        source: Box<candle_core::Error>,
    },
}

impl WeightsError {
    pub(crate) fn io(path: &Path, source: std::io::Error) -> Self {
        Self::Io {
            path: path.to_path_buf(),
            source,
        }
    }

    pub(crate) fn corrupt(path: &Path, detail: impl Into<String>) -> Self {
        Self::Corrupt {
            path: path.to_path_buf(),
            detail: detail.into(),
        }
    }

    pub(crate) fn truncated(path: &Path, what: &str, needed: u64, available: u64) -> Self {
        Self::Truncated {
            path: path.to_path_buf(),
            detail: format!("{what} needs bytes up to {needed}"),
            available,
        }
    }
}
