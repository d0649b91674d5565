//! Stage `batch` (see the crate docs for the pipeline).
