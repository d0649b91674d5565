//! Machine translation with opus-mt Marian checkpoints on candle.
//!
//! The stages, each in its own module, in the order a sentence meets them: [`hub`] locates the
//! model files (local folder or Hugging Face hub cache), [`weights`] reads the checkpoint
//! (safetensors, PyTorch zip or legacy pickle), [`tokenizer`] turns text into ids natively from
//! the SentencePiece models, [`model`] runs the Marian encoder-decoder ([`config`] holds its
//! settings), [`search`] picks tokens (greedy or beam) with transformers' semantics. [`Translator`]
//! ties them together behind a builder.

pub mod config;
mod engine;
pub mod hub;
pub mod model;
pub mod search;
pub mod tokenizer;
pub mod weights;

pub use engine::{
    parse_dtype, DecodeOverrides, DeviceSpec, EngineError, ModelInfo, Translation, Translator,
    TranslatorBuilder, DEFAULT_BATCH_TOKENS,
};
