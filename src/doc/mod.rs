//! Stage `doc` (see the crate docs for the pipeline).
