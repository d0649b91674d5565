//! The post-norm Transformer encoder.

use candle_core::{Module, Result, Tensor};
use candle_nn::{LayerNorm, VarBuilder};

use super::attention::{Attention, Dense};
use crate::mt::config::Activation;

/// Loads a LayerNorm (eps 1e-5, transformers' default) under `vb`.
pub(crate) fn layer_norm(vb: VarBuilder, d: usize) -> Result<LayerNorm> {
    Ok(LayerNorm::new(
        vb.get(d, "weight")?,
        vb.get(d, "bias")?,
        1e-5,
    ))
}

/// The two-layer feed-forward block `fc2(act(fc1(x)))`.
#[derive(Debug, Clone)]
pub(crate) struct FeedForward {
    fc1: Dense,
    fc2: Dense,
    act: Activation,
}

impl FeedForward {
    pub(crate) fn new(vb: &VarBuilder, d: usize, ffn: usize, act: Activation) -> Result<Self> {
        Ok(Self {
            fc1: Dense::new(vb.pp("fc1"), d, ffn)?,
            fc2: Dense::new(vb.pp("fc2"), ffn, d)?,
            act,
        })
    }

    pub(crate) fn forward(&self, x: &Tensor) -> Result<Tensor> {
        let h = self.fc1.forward_activated(x, self.act)?;
        self.fc2.forward(&h)
    }
}

/// One encoder layer: `x = LN1(x + SelfAttn(x)); x = LN2(x + FFN(x))`.
#[derive(Debug, Clone)]
struct EncoderLayer {
    self_attn: Attention,
    self_attn_norm: LayerNorm,
    ffn: FeedForward,
    final_norm: LayerNorm,
}

impl EncoderLayer {
    fn forward(&self, x: &Tensor, mask: &Tensor) -> Result<Tensor> {
        let (k, v) = self.self_attn.key_values(x)?;
        let h = self.self_attn.attend(x, &k, &v, Some(mask))?;
        let x = self.self_attn_norm.forward(&(x + h)?)?;
        let h = self.ffn.forward(&x)?;
        self.final_norm.forward(&(x + h)?)
    }
}

/// The encoder stack (no final LayerNorm, as in Marian).
#[derive(Debug, Clone)]
pub struct Encoder {
    layers: Vec<EncoderLayer>,
}

impl Encoder {
    /// Loads `layers.{i}.*` under `vb` (normally `model.encoder`).
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
                Ok(EncoderLayer {
                    self_attn: Attention::new(vb.pp("self_attn"), d, heads)?,
                    self_attn_norm: layer_norm(vb.pp("self_attn_layer_norm"), d)?,
                    ffn: FeedForward::new(&vb, d, ffn, act)?,
                    final_norm: layer_norm(vb.pp("final_layer_norm"), d)?,
                })
            })
            .collect::<Result<_>>()?;
        Ok(Self { layers })
    }

    /// Runs the stack on embedded input `[b, s, d]` with the additive padding `mask`
    /// (`[b, 1, 1, s]`).
    pub fn forward(&self, x: &Tensor, mask: &Tensor) -> Result<Tensor> {
        let mut x = x.clone();
        for layer in &self.layers {
            x = layer.forward(&x, mask)?;
        }
        Ok(x)
    }
}
