//! Greedy and beam search over [`MarianModel`] with transformers' `generate` semantics.
//!
//! - Decoding starts from `decoder_start_token_id` (pad for opus-mt); pad and the single-token
//!   `bad_words_ids` are never generated.
//! - Per step, in this order: repetition penalty, no-repeat-n-gram, banned tokens, EOS banned
//!   while fewer than `min_new_tokens` are generated, EOS forced at the last allowed position,
//!   then log-softmax again (`renormalize_logits`). Greedy applies them to the raw logits, beam
//!   search to the log-probabilities (as transformers does).
//! - Beam search keeps the top `2·beams` continuations over beams×vocab, scores finished
//!   hypotheses `sum_logprobs / generated_len^length_penalty` (generated_len counts EOS, not the
//!   start token) and stops with transformers' `early_stopping` rule.
//!
//! **Length limit.** The decoder sequence, start token included, is at most
//! `min(1 + max_new_tokens, max_length, max_position_embeddings)` long; at the last position
//! EOS is forced (`forced_eos_token_id`). Without an explicit `max_new_tokens` each source gets
//! a default cap of `2 × source_tokens + 10` new tokens ([`default_max_new_tokens`]), so a
//! looping model cannot run on to 511 tokens.

mod beam;
mod device;
mod greedy;
mod logits;

use candle_core::{DType, Device, Tensor};

use crate::mt::config::{EarlyStopping, GenerationConfig};
use crate::mt::model::{MarianModel, ModelError, Result};
use logits::Processors;

/// Special token ids the search needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpecialTokens {
    /// First decoder input.
    pub decoder_start: u32,
    /// End of sequence.
    pub eos: u32,
    /// Padding: pads source batches and is never generated.
    pub pad: u32,
    /// Forced at the last allowed position, when set.
    pub forced_eos: Option<u32>,
    /// Further tokens that are never generated.
    pub banned: Vec<u32>,
}

/// How to search.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchOptions {
    /// Beam width; 1 means greedy search.
    pub beams: usize,
    /// Cap on generated tokens (EOS included); `None` = [`default_max_new_tokens`] per source.
    pub max_new_tokens: Option<usize>,
    /// EOS is banned until this many tokens are generated.
    pub min_new_tokens: usize,
    /// n-grams of this size may occur only once in a hypothesis (0 = off).
    pub no_repeat_ngram: usize,
    /// Repetition penalty (1 = off): scores of tokens already in the sequence are divided by
    /// it when positive and multiplied when negative.
    pub repetition_penalty: f32,
    /// Exponent of the length normalisation of beam scores.
    pub length_penalty: f32,
    /// Beam stopping rule.
    pub early_stopping: EarlyStopping,
    /// Log-softmax again after the processors (`renormalize_logits`).
    pub renormalize_logits: bool,
    /// Longest decoder sequence, start token included (`max_length`).
    pub max_length: usize,
    /// Token ids.
    pub tokens: SpecialTokens,
}

impl SearchOptions {
    /// The defaults of a model's `generation_config.json` (beam 4 for opus-mt).
    pub fn from_generation_config(g: &GenerationConfig) -> Self {
        Self {
            beams: g.num_beams.max(1),
            max_new_tokens: g.max_new_tokens,
            min_new_tokens: g.min_new_tokens,
            no_repeat_ngram: g.no_repeat_ngram_size,
            repetition_penalty: g.repetition_penalty,
            length_penalty: g.length_penalty,
            early_stopping: g.early_stopping,
            renormalize_logits: g.renormalize_logits,
            max_length: g.max_length,
            tokens: SpecialTokens {
                decoder_start: g.decoder_start_token_id,
                eos: g.eos_token_id,
                pad: g.pad_token_id,
                forced_eos: g.forced_eos_token_id,
                banned: g.bad_token_ids.clone(),
            },
        }
    }

    fn processors(&self) -> Processors {
        let mut banned = self.tokens.banned.clone();
        banned.push(self.tokens.pad);
        banned.sort_unstable();
        banned.dedup();
        Processors {
            repetition_penalty: self.repetition_penalty,
            no_repeat_ngram: self.no_repeat_ngram,
            banned,
            eos: self.tokens.eos,
            min_new_tokens: self.min_new_tokens,
            forced_eos: self.tokens.forced_eos,
            renormalize: self.renormalize_logits,
        }
    }
}

/// The default cap on new tokens for a source of `src_len` tokens: `2 × src_len + 10`.
pub fn default_max_new_tokens(src_len: usize) -> usize {
    2 * src_len + 10
}

/// The best hypothesis for one source.
#[derive(Debug, Clone, PartialEq)]
pub struct Hypothesis {
    /// Generated tokens: EOS included (when generated), the start token excluded.
    pub ids: Vec<u32>,
    /// Beam score (transformers' `sequences_scores`): summed log-probabilities over
    /// `ids.len()^length_penalty`. Greedy search reports the same quantity.
    pub score: f32,
    /// Mean log-probability per generated token (processed, renormalised scores).
    pub mean_logprob: f32,
}

/// Translates a batch: `src` rows are token ids ending in EOS (no padding). Rows are padded
/// here, encoded together, searched together, and returned in input order.
pub fn generate(
    model: &MarianModel,
    src: &[Vec<u32>],
    opts: &SearchOptions,
) -> Result<Vec<Hypothesis>> {
    if src.is_empty() {
        return Ok(Vec::new());
    }
    let max_pos = model.max_positions();
    let src_vocab = model.config().vocab_size;
    if opts.beams == 0 || 2 * opts.beams > model.vocab_size() {
        return Err(ModelError::Input(format!(
            "beam width {} must be at least 1 and at most half the vocabulary ({})",
            opts.beams,
            model.vocab_size()
        )));
    }
    let mut limits = Vec::with_capacity(src.len());
    for (i, row) in src.iter().enumerate() {
        if row.is_empty() {
            return Err(ModelError::Input(format!(
                "source {i} has no tokens (expected at least EOS)"
            )));
        }
        if let Some(bad) = row.iter().find(|&&t| t as usize >= src_vocab) {
            return Err(ModelError::Input(format!(
                "source {i} has token id {bad}, outside the vocabulary of {src_vocab}"
            )));
        }
        if row.len() > max_pos {
            return Err(ModelError::SourceTooLong {
                len: row.len(),
                max: max_pos,
            });
        }
        let new = opts
            .max_new_tokens
            .unwrap_or_else(|| default_max_new_tokens(row.len()));
        limits.push((1 + new).min(opts.max_length).min(max_pos).max(2));
    }
    let (ids, mask) = pad_batch(src, opts.tokens.pad, model.device())?;
    let encoded = model.encode(&ids, &mask)?;
    let procs = opts.processors();
    if opts.beams == 1 {
        let state = model.start_decoding(&encoded, &mask, 1)?;
        greedy::search(model, state, &limits, opts, &procs)
    } else {
        let state = model.start_decoding(&encoded, &mask, opts.beams)?;
        beam::search(model, state, &limits, opts, &procs)
    }
}

/// Right-pads `src` with `pad`: ids `[b, s]` (u32) and keep-mask `[b, s]` (u8).
pub fn pad_batch(src: &[Vec<u32>], pad: u32, device: &Device) -> Result<(Tensor, Tensor)> {
    let s = src.iter().map(Vec::len).max().unwrap_or(0);
    let mut ids = Vec::with_capacity(src.len() * s);
    let mut mask = Vec::with_capacity(src.len() * s);
    for row in src {
        ids.extend_from_slice(row);
        ids.extend(std::iter::repeat_n(pad, s - row.len()));
        mask.extend(std::iter::repeat_n(1u8, row.len()));
        mask.extend(std::iter::repeat_n(0u8, s - row.len()));
    }
    let ids = Tensor::from_vec(ids, (src.len(), s), device)?;
    let mask = Tensor::from_vec(mask, (src.len(), s), device)?;
    Ok((ids, mask))
}

/// Whether token selection runs on the logits' device: off the CPU, when the processors only
/// mask (so no `[rows, vocab]` copy to the host per step). On the CPU the host path reads the
/// logits in place.
fn on_device(logits: &Tensor, procs: &Processors) -> bool {
    procs.masks_only() && (!logits.device().is_cpu() || force_device_path())
}

/// Runs `f` on the f32 logits `[rows, vocab]` as one host slice: borrowed in place on the
/// CPU, copied once from other devices.
fn with_host_logits<R>(logits: &Tensor, f: impl FnOnce(&[f32]) -> R) -> Result<R> {
    let logits = if logits.dtype() == DType::F32 {
        logits.clone()
    } else {
        logits.to_dtype(DType::F32)?
    };
    if logits.device().is_cpu() && logits.is_contiguous() {
        let (storage, layout) = logits.storage_and_layout();
        if let candle_core::Storage::Cpu(cpu) = &*storage {
            let data = cpu.as_slice::<f32>()?;
            let start = layout.start_offset();
            return Ok(f(&data[start..start + logits.elem_count()]));
        }
    }
    let data = logits.flatten_all()?.to_vec1::<f32>()?;
    Ok(f(&data))
}

#[cfg(test)]
thread_local! {
    /// Lets unit tests run the device selection path on the CPU.
    static FORCE_DEVICE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

fn force_device_path() -> bool {
    #[cfg(test)]
    return FORCE_DEVICE.with(std::cell::Cell::get);
    #[cfg(not(test))]
    false
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use candle_core::{DType, Device};
    use candle_nn::VarBuilder;

    use super::*;
    use crate::mt::config::MarianConfig;

    /// The device selection path (used off the CPU) gives the same search results as the
    /// host path, on the committed test model.
    #[test]
    fn device_and_host_selection_agree() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("models/test-opus-mt-ar-en");
        let cfg = MarianConfig::from_file(&dir.join("config.json")).unwrap();
        let gen =
            GenerationConfig::from_file(Some(&dir.join("generation_config.json")), &cfg).unwrap();
        // SAFETY: the fixture file is not modified while mapped.
        let vb = unsafe {
            VarBuilder::from_mmaped_safetensors(
                &[dir.join("model.safetensors")],
                DType::F32,
                &Device::Cpu,
            )
        }
        .unwrap();
        let model = MarianModel::new(&cfg, vb).unwrap();
        let src: Vec<Vec<u32>> = vec![
            vec![6310, 11302, 9237, 5650, 5172, 6492, 0],
            vec![5195, 5204, 7154, 0],
            vec![7373, 7520, 5288, 5171, 6048, 5207, 5689, 7693, 5272, 0],
        ];
        for (beams, ngram, min_new) in [(1, 0, 0), (4, 0, 0), (4, 2, 5), (1, 3, 4)] {
            let opts = SearchOptions {
                beams,
                no_repeat_ngram: ngram,
                min_new_tokens: min_new,
                max_new_tokens: Some(12),
                ..SearchOptions::from_generation_config(&gen)
            };
            let host = generate(&model, &src, &opts).unwrap();
            FORCE_DEVICE.with(|f| f.set(true));
            let device = generate(&model, &src, &opts).unwrap();
            FORCE_DEVICE.with(|f| f.set(false));
            for (h, d) in host.iter().zip(&device) {
                assert_eq!(h.ids, d.ids, "beams {beams} ngram {ngram}");
                assert!(
                    (h.score - d.score).abs() < 1e-5,
                    "{} vs {}",
                    h.score,
                    d.score
                );
            }
        }
    }
}
