//! Stage `output` (see the crate docs for the pipeline).
