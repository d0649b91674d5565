//! Machine translation with opus-mt Marian checkpoints on candle.
//!
//! The stages, each in its own module: locate the model files (local folder or Hugging Face hub
//! cache), read the weights (safetensors, PyTorch zip or legacy pickle), tokenize natively with
//! the SentencePiece models, run the Marian encoder-decoder, search (greedy or beam) with
//! transformers' semantics. [`Translator`] ties them together behind a builder.

pub mod config;
pub mod model;
pub mod search;
