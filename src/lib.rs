//! tarjama: batch Arabic → English translation with local MarianMT models.
//!
//! The modules follow the pipeline, in the order data flows through it:
//!
//! 1. [`text`]: clean the input, split paragraphs and sentences, find quoted speech and speakers.
//! 2. [`mt`]: load an opus-mt Marian checkpoint (weights, tokenizer) and translate sentences.
//! 3. [`doc`]: the aligned bilingual document model with stable ids, the one thing writers read.
//! 4. [`output`]: one writer per output format (text, HTML, Markdown, JSONL, TSV, TMX, XLIFF, …).
//!
//! [`batch`] runs many files through the pipeline (job list, translation store, progress);
//! the `tarjama` binary (`src/main.rs`, `src/cli/`) is the command-line edge.

pub mod batch;
pub mod doc;
pub mod mt;
pub mod output;
pub mod pipeline;
pub mod text;
