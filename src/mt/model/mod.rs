//! Our Marian encoder-decoder on candle: batched encoder with padding masks, a decoder run
//! one token per step with self-attention K/V caches, cross-attention K/V computed once per
//! batch, and cache rows that can be reordered (beams) or dropped (finished rows).
//!
//! Layout and numerics follow transformers' `MarianMTModel`: token embeddings ×√d_model plus
//! sinusoidal positions, post-norm layers, logits = hidden·sharedᵀ + `final_logits_bias`.
//! Everything runs in the weights' dtype (f32, f16 or bf16); attention softmax and the
//! returned logits are f32.

mod attention;
mod decoder;
mod embeddings;
mod encoder;

pub use embeddings::sinusoidal_positions;

use candle_core::{DType, Device, Tensor};
use candle_nn::VarBuilder;

use crate::mt::config::{ConfigError, MarianConfig};
use decoder::{select_cache_rows, Decoder, LayerCache};
use embeddings::Embeddings;
use encoder::Encoder;

/// Errors of the model forward pass.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// A tensor operation or weight lookup failed.
    #[error("model: {0}")]
    Candle(#[from] candle_core::Error),
    /// The configuration is unusable.
    #[error(transparent)]
    Config(#[from] ConfigError),
    /// A source sentence has more tokens than the model has positions.
    #[error(
        "source has {len} tokens but the model accepts at most {max} (max_position_embeddings); \
         split the input into shorter segments"
    )]
    SourceTooLong {
        /// Tokens in the source, including EOS.
        len: usize,
        /// The model's position limit.
        max: usize,
    },
    /// Decoding went past the last position of the model.
    #[error("decoder position {pos} is past the model's limit of {max} positions")]
    DecoderTooLong {
        /// The position that was asked for (0-based).
        pos: usize,
        /// The model's position limit.
        max: usize,
    },
    /// Inputs of the wrong shape or contents.
    #[error("invalid model input: {0}")]
    Input(String),
}

/// Result of model operations.
pub type Result<T> = std::result::Result<T, ModelError>;

/// A loaded Marian model (`MarianMTModel` weights under canonical transformers names).
#[derive(Debug, Clone)]
pub struct MarianModel {
    cfg: MarianConfig,
    enc_embed: Embeddings,
    dec_embed: Embeddings,
    encoder: Encoder,
    decoder: Decoder,
    lm_head: Tensor,
    final_logits_bias: Tensor,
    device: Device,
    dtype: DType,
}

/// Decoder caches for one batch of sources: per-layer self-attention K/V (growing one position
/// per step) and cross-attention K/V (computed once), plus the source padding mask.
#[derive(Debug, Clone)]
pub struct DecoderState {
    caches: Vec<LayerCache>,
    cross_mask: Tensor,
    rows: usize,
    pos: usize,
}

impl DecoderState {
    /// Number of decoder rows (sources × beams still running).
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// Tokens consumed so far (the next token goes to this position).
    pub fn position(&self) -> usize {
        self.pos
    }

    /// Keeps and reorders rows: new row `i` is old row `idx[i]` (rows may repeat or be
    /// dropped). Cross-attention caches and the source mask follow.
    pub fn select_rows(&mut self, idx: &[u32]) -> Result<()> {
        let t = Tensor::new(idx, self.cross_mask.device())?;
        select_cache_rows(&mut self.caches, &t, true)?;
        self.cross_mask = self.cross_mask.index_select(&t, 0)?;
        self.rows = idx.len();
        Ok(())
    }

    /// Reorders the self-attention caches only, for beams that stay with their source: every
    /// `idx[i]` must belong to the same source as row `i` (cross-attention rows are identical
    /// within a source, so they are left as they are).
    pub fn reorder_within_sources(&mut self, idx: &[u32]) -> Result<()> {
        if idx.len() != self.rows {
            return Err(ModelError::Input(format!(
                "reorder of {} rows given {} indices",
                self.rows,
                idx.len()
            )));
        }
        if idx.iter().enumerate().all(|(i, &j)| i as u32 == j) {
            return Ok(());
        }
        let t = Tensor::new(idx, self.cross_mask.device())?;
        select_cache_rows(&mut self.caches, &t, false)?;
        Ok(())
    }
}

fn get_first(vb: &VarBuilder, shape: (usize, usize), names: &[&str]) -> Result<Tensor> {
    let name = names
        .iter()
        .find(|n| vb.contains_tensor(n))
        .unwrap_or(&names[0]);
    Ok(vb.get(shape, name)?)
}

impl MarianModel {
    /// Builds the model from `cfg` and weights under transformers' names (`model.shared.weight`,
    /// `model.encoder.layers.0.self_attn.q_proj.weight`, `final_logits_bias`, …). The dtype and
    /// device are the VarBuilder's. Missing `final_logits_bias` counts as zeros.
    pub fn new(cfg: &MarianConfig, vb: VarBuilder) -> Result<Self> {
        let act = cfg.activation()?;
        let (d, v_src, v_tgt) = (cfg.d_model, cfg.vocab_size, cfg.target_vocab_size());
        let device = vb.device().clone();
        let dtype = vb.dtype();
        let scale = if cfg.scale_embedding {
            (d as f64).sqrt()
        } else {
            1.0
        };
        let positions = sinusoidal_positions(cfg.max_position_embeddings, d, dtype, &device)?;
        let (enc_tokens, dec_tokens, lm_head) = if cfg.share_encoder_decoder_embeddings {
            let shared = get_first(
                &vb,
                (v_src, d),
                &[
                    "model.shared.weight",
                    "model.encoder.embed_tokens.weight",
                    "model.decoder.embed_tokens.weight",
                ],
            )?;
            (shared.clone(), shared.clone(), shared)
        } else {
            let enc = get_first(
                &vb,
                (v_src, d),
                &["model.encoder.embed_tokens.weight", "model.shared.weight"],
            )?;
            let dec = vb.get((v_tgt, d), "model.decoder.embed_tokens.weight")?;
            let head = get_first(
                &vb,
                (v_tgt, d),
                &["lm_head.weight", "model.decoder.embed_tokens.weight"],
            )?;
            (enc, dec, head)
        };
        let final_logits_bias = if vb.contains_tensor("final_logits_bias") {
            vb.get((1, v_tgt), "final_logits_bias")?
        } else {
            Tensor::zeros((1, v_tgt), dtype, &device)?
        };
        let m = vb.pp("model");
        Ok(Self {
            cfg: cfg.clone(),
            enc_embed: Embeddings::new(enc_tokens, scale, positions.clone()),
            dec_embed: Embeddings::new(dec_tokens, scale, positions),
            encoder: Encoder::new(
                m.pp("encoder"),
                cfg.encoder_layers,
                d,
                cfg.encoder_attention_heads,
                cfg.encoder_ffn_dim,
                act,
            )?,
            decoder: Decoder::new(
                m.pp("decoder"),
                cfg.decoder_layers,
                d,
                cfg.decoder_attention_heads,
                cfg.decoder_ffn_dim,
                act,
            )?,
            lm_head,
            final_logits_bias,
            device,
            dtype,
        })
    }

    /// The configuration the model was built from.
    pub fn config(&self) -> &MarianConfig {
        &self.cfg
    }

    /// The device the weights live on.
    pub fn device(&self) -> &Device {
        &self.device
    }

    /// The compute dtype (the weights').
    pub fn dtype(&self) -> DType {
        self.dtype
    }

    /// Size of the output vocabulary.
    pub fn vocab_size(&self) -> usize {
        self.cfg.target_vocab_size()
    }

    /// Most positions the model can take, for the source and for the decoder sequence.
    pub fn max_positions(&self) -> usize {
        self.cfg.max_position_embeddings
    }

    /// Encodes a padded batch: `ids` `[b, s]` (u32), `mask` `[b, s]` (1 = token, 0 = padding,
    /// any dtype). Returns the encoder output `[b, s, d_model]`.
    pub fn encode(&self, ids: &Tensor, mask: &Tensor) -> Result<Tensor> {
        let (_, s) = ids.dims2()?;
        if s > self.max_positions() {
            return Err(ModelError::SourceTooLong {
                len: s,
                max: self.max_positions(),
            });
        }
        if mask.dims() != ids.dims() {
            return Err(ModelError::Input(format!(
                "mask shape {:?} != ids shape {:?}",
                mask.dims(),
                ids.dims()
            )));
        }
        let x = self.enc_embed.forward(ids, 0)?;
        let additive = attention::padding_mask(mask)?;
        Ok(self.encoder.forward(&x, &additive)?)
    }

    /// Prepares decoding for `encoded` (`[b, s, d]`, from [`encode`](Self::encode)) with the
    /// same `mask`: cross-attention keys/values are computed here once, then repeated for
    /// `beams` rows per source (rows `i*beams .. (i+1)*beams` belong to source `i`).
    pub fn start_decoding(
        &self,
        encoded: &Tensor,
        mask: &Tensor,
        beams: usize,
    ) -> Result<DecoderState> {
        let (b, _, _) = encoded.dims3()?;
        let mut caches = self.decoder.cross_caches(encoded)?;
        let mut cross_mask = attention::padding_mask(mask)?;
        if beams > 1 {
            let idx: Vec<u32> = (0..b as u32)
                .flat_map(|i| std::iter::repeat_n(i, beams))
                .collect();
            let t = Tensor::new(idx.as_slice(), &self.device)?;
            select_cache_rows(&mut caches, &t, true)?;
            cross_mask = cross_mask.index_select(&t, 0)?;
        }
        Ok(DecoderState {
            caches,
            cross_mask,
            rows: b * beams.max(1),
            pos: 0,
        })
    }

    /// Feeds one token per row (`tokens`, length = `state.rows()`) and returns the next-token
    /// logits `[rows, vocab]` in f32 (hidden·sharedᵀ + `final_logits_bias`).
    pub fn decode_step(&self, state: &mut DecoderState, tokens: &[u32]) -> Result<Tensor> {
        if tokens.len() != state.rows {
            return Err(ModelError::Input(format!(
                "{} tokens for {} decoder rows",
                tokens.len(),
                state.rows
            )));
        }
        if state.pos >= self.max_positions() {
            return Err(ModelError::DecoderTooLong {
                pos: state.pos,
                max: self.max_positions(),
            });
        }
        let ids = Tensor::from_slice(tokens, (tokens.len(), 1), &self.device)?;
        let x = self.dec_embed.forward(&ids, state.pos)?;
        let h = self
            .decoder
            .step(&x, &mut state.caches, &state.cross_mask)?;
        state.pos += 1;
        let h = h.reshape((tokens.len(), self.cfg.d_model))?;
        self.logits(&h)
    }

    /// `h·sharedᵀ + final_logits_bias` as f32 `[rows, vocab]`.
    fn logits(&self, h: &Tensor) -> Result<Tensor> {
        if self.device.is_cpu() {
            // On the CPU, shared·hᵀ ([vocab, rows]) is up to twice as fast as h·sharedᵀ: the
            // 62834×512 matrix is then the left operand and is not repacked every step. A
            // blocked transpose (with the bias added) brings it back to [rows, vocab].
            let lt = self.lm_head.matmul(&h.t()?)?.to_dtype(DType::F32)?;
            let bias = self.final_logits_bias.to_dtype(DType::F32)?;
            return transpose_add_bias(&lt, &bias);
        }
        let logits = h
            .matmul(&self.lm_head.t()?)?
            .broadcast_add(&self.final_logits_bias)?;
        Ok(logits.to_dtype(DType::F32)?)
    }
}

/// `out[r][v] = lt[v][r] + bias[v]` for CPU f32 tensors `lt` `[vocab, rows]`, `bias` `[1, vocab]`.
fn transpose_add_bias(lt: &Tensor, bias: &Tensor) -> Result<Tensor> {
    const BLOCK: usize = 64;
    let (vocab, rows) = lt.dims2()?;
    let lt = lt.contiguous()?;
    let bias = bias.contiguous()?;
    let (lt_storage, lt_layout) = lt.storage_and_layout();
    let (b_storage, b_layout) = bias.storage_and_layout();
    let (candle_core::Storage::Cpu(lt_cpu), candle_core::Storage::Cpu(b_cpu)) =
        (&*lt_storage, &*b_storage)
    else {
        return Err(ModelError::Input(
            "transpose_add_bias needs CPU tensors".into(),
        ));
    };
    let src = &lt_cpu.as_slice::<f32>()?[lt_layout.start_offset()..][..vocab * rows];
    let b = &b_cpu.as_slice::<f32>()?[b_layout.start_offset()..][..vocab];
    let mut out = vec![0f32; rows * vocab];
    for v0 in (0..vocab).step_by(BLOCK) {
        let v1 = (v0 + BLOCK).min(vocab);
        for (r, row) in out.chunks_mut(vocab).enumerate() {
            for v in v0..v1 {
                row[v] = src[v * rows + r] + b[v];
            }
        }
    }
    Ok(Tensor::from_vec(out, (rows, vocab), lt.device())?)
}
