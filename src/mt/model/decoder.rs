//! The post-norm Transformer decoder, run one token per step with K/V caches.

use candle_core::{Module, Result, Tensor};
use candle_nn::{LayerNorm, VarBuilder};

use super::attention::Attention;
use super::encoder::{layer_norm, FeedForward};
use crate::mt::config::Activation;

/// One decoder layer: causal self-attention, cross-attention, feed-forward, each post-norm.
#[derive(Debug, Clone)]
struct DecoderLayer {
    self_attn: Attention,
    self_attn_norm: LayerNorm,
    cross_attn: Attention,
    cross_attn_norm: LayerNorm,
    ffn: FeedForward,
    final_norm: LayerNorm,
}

/// Cached keys and values of one layer, `[rows, heads, len, head_dim]` each.
#[derive(Debug, Clone)]
pub(crate) struct LayerCache {
    self_kv: Option<(Tensor, Tensor)>,
    cross_kv: (Tensor, Tensor),
}

impl LayerCache {
    fn select(&mut self, idx: &Tensor, with_cross: bool) -> Result<()> {
        if let Some((k, v)) = &self.self_kv {
            self.self_kv = Some((k.index_select(idx, 0)?, v.index_select(idx, 0)?));
        }
        if with_cross {
            let (k, v) = &self.cross_kv;
            self.cross_kv = (k.index_select(idx, 0)?, v.index_select(idx, 0)?);
        }
        Ok(())
    }
}

/// The decoder stack (no final LayerNorm, as in Marian).
#[derive(Debug, Clone)]
pub struct Decoder {
    layers: Vec<DecoderLayer>,
}

impl Decoder {
    /// Loads `layers.{i}.*` under `vb` (normally `model.decoder`).
    pub fn new(
        vb: VarBuilder,
        n_layers: usize,
        d: usize,
        heads: usize,
        ffn: usize,
        act: Activation,
    ) -> Result<Self> {
        let layers = (0..n_layers)
            .map(|i| {
                let vb = vb.pp(format!("layers.{i}"));
                Ok(DecoderLayer {
                    self_attn: Attention::new(vb.pp("self_attn"), d, heads)?,
                    self_attn_norm: layer_norm(vb.pp("self_attn_layer_norm"), d)?,
                    cross_attn: Attention::new(vb.pp("encoder_attn"), d, heads)?,
                    cross_attn_norm: layer_norm(vb.pp("encoder_attn_layer_norm"), d)?,
                    ffn: FeedForward::new(&vb, d, ffn, act)?,
                    final_norm: layer_norm(vb.pp("final_layer_norm"), d)?,
                })
            })
            .collect::<Result<_>>()?;
        Ok(Self { layers })
    }

    /// Cross-attention keys/values of every layer for `encoded` (`[rows, s, d]`), computed once.
    pub(crate) fn cross_caches(&self, encoded: &Tensor) -> Result<Vec<LayerCache>> {
        self.layers
            .iter()
            .map(|l| {
                Ok(LayerCache {
                    self_kv: None,
                    cross_kv: l.cross_attn.key_values(encoded)?,
                })
            })
            .collect()
    }

    /// One step: `x` is the embedded current token `[rows, 1, d]`; appends its keys/values to
    /// the caches and returns the last hidden state `[rows, 1, d]`.
    pub(crate) fn step(
        &self,
        x: &Tensor,
        caches: &mut [LayerCache],
        cross_mask: &Tensor,
    ) -> Result<Tensor> {
        let mut x = x.clone();
        for (layer, cache) in self.layers.iter().zip(caches.iter_mut()) {
            let (k, v) = layer.self_attn.key_values(&x)?;
            let (k, v) = match &cache.self_kv {
                Some((pk, pv)) => (Tensor::cat(&[pk, &k], 2)?, Tensor::cat(&[pv, &v], 2)?),
                None => (k, v),
            };
            // One query position attending to all earlier ones: no causal mask needed.
            let h = layer.self_attn.attend(&x, &k, &v, None)?;
            cache.self_kv = Some((k, v));
            x = layer.self_attn_norm.forward(&(x + h)?)?;
            let (ck, cv) = &cache.cross_kv;
            let h = layer.cross_attn.attend(&x, ck, cv, Some(cross_mask))?;
            x = layer.cross_attn_norm.forward(&(x + h)?)?;
            let h = layer.ffn.forward(&x)?;
            x = layer.final_norm.forward(&(x + h)?)?;
        }
        Ok(x)
    }
}

/// Selects cache rows: new row `i` is old row `idx[i]`; cross-attention caches too when
/// `with_cross` (rows dropped or sources changed).
pub(crate) fn select_cache_rows(
    caches: &mut [LayerCache],
    idx: &Tensor,
    with_cross: bool,
) -> Result<()> {
    caches
        .iter_mut()
        .try_for_each(|c| c.select(idx, with_cross))
}
