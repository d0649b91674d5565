//! Multi-head attention with separate key/value projection, so callers can cache K/V.

use candle_core::{DType, Module, Result, Storage, Tensor};
use candle_nn::VarBuilder;

use crate::mt::config::Activation;

/// Up to this many rows a CPU dense layer computes `(W·xᵀ)ᵀ` (measured faster for 16–64 rows,
/// slower for hundreds).
const SMALL_BATCH_ROWS: usize = 128;

/// A dense layer `y = x·Wᵀ + b` with a PyTorch-layout weight `[out, in]`.
#[derive(Debug, Clone)]
pub struct Dense {
    weight: Tensor,
    bias: Tensor,
}

impl Dense {
    /// Loads `weight` `[out, in]` and `bias` `[out]` under `vb`.
    pub fn new(vb: VarBuilder, d_in: usize, d_out: usize) -> Result<Self> {
        Ok(Self {
            weight: vb.get((d_out, d_in), "weight")?,
            bias: vb.get(d_out, "bias")?,
        })
    }
}

impl Dense {
    /// `x·Wᵀ` as one `[rows, out]` matrix, plus the output shape (`x`'s with the last
    /// dimension replaced).
    fn product(&self, x: &Tensor) -> Result<(Tensor, Vec<usize>)> {
        let dims = x.dims();
        let d_in = dims[dims.len() - 1];
        let rows = x.elem_count() / d_in;
        let x2 = if x.is_contiguous() {
            x.reshape((rows, d_in))?
        } else {
            x.contiguous()?.reshape((rows, d_in))?
        };
        let y = if rows <= SMALL_BATCH_ROWS && x.device().is_cpu() {
            // Few rows (decoder steps): W·xᵀ keeps the weight as the left operand, which the
            // CPU gemm does not repack per call; transposing the small result back is cheap.
            self.weight.matmul(&x2.t()?)?.t()?.contiguous()?
        } else {
            x2.matmul(&self.weight.t()?)?
        };
        let mut out_dims = dims.to_vec();
        *out_dims.last_mut().expect("non-scalar input") = self.bias.dim(0)?;
        Ok((y, out_dims))
    }

    /// `act(x·Wᵀ + b)`. For f32 on the CPU the bias and a SiLU/ReLU are one pass over the
    /// product instead of two candle element-wise ops (each of which wakes candle's thread pool
    /// on large tensors); the arithmetic is the same as candle's.
    pub fn forward_activated(&self, x: &Tensor, act: Activation) -> Result<Tensor> {
        let (y, out_dims) = self.product(x)?;
        let fused = y.device().is_cpu() && y.dtype() == DType::F32 && act != Activation::Gelu;
        let y = if fused {
            let out = y.dim(1)?;
            let (ys, yl) = y.storage_and_layout();
            let (bs, bl) = self.bias.storage_and_layout();
            let (Storage::Cpu(yc), Storage::Cpu(bc)) = (&*ys, &*bs) else {
                return Err(candle_core::Error::Msg(
                    "CPU tensor without CPU storage".into(),
                ));
            };
            let yv = &yc.as_slice::<f32>()?[yl.start_offset()..][..y.elem_count()];
            let bv = &bc.as_slice::<f32>()?[bl.start_offset()..][..out];
            let mut res = Vec::with_capacity(yv.len());
            for row in yv.chunks(out) {
                res.extend(row.iter().zip(bv).map(|(&v, &b)| {
                    let v = v + b;
                    match act {
                        Activation::Silu => v / (1.0 + (-v).exp()),
                        _ => v.max(0.0),
                    }
                }));
            }
            Tensor::from_vec(res, y.shape(), y.device())?
        } else {
            let y = y.broadcast_add(&self.bias)?;
            match act {
                Activation::Silu => y.silu()?,
                Activation::Gelu => y.gelu_erf()?,
                Activation::Relu => y.relu()?,
            }
        };
        y.reshape(out_dims)
    }
}

impl Module for Dense {
    /// Works on any leading shape; the input is viewed as one `[rows, in]` matrix so the
    /// matmul is a single call instead of one per batch entry.
    fn forward(&self, x: &Tensor) -> Result<Tensor> {
        let (y, out_dims) = self.product(x)?;
        y.broadcast_add(&self.bias)?.reshape(out_dims)
    }
}

/// One attention block: q/k/v/out projections with bias, `head_dim^-0.5` scaling.
#[derive(Debug, Clone)]
pub struct Attention {
    q: Dense,
    k: Dense,
    v: Dense,
    out: Dense,
    heads: usize,
    head_dim: usize,
    scaling: f64,
}

impl Attention {
    /// Loads `q_proj`, `k_proj`, `v_proj` and `out_proj` under `vb`.
    pub fn new(vb: VarBuilder, d_model: usize, heads: usize) -> Result<Self> {
        let head_dim = d_model / heads;
        Ok(Self {
            q: Dense::new(vb.pp("q_proj"), d_model, d_model)?,
            k: Dense::new(vb.pp("k_proj"), d_model, d_model)?,
            v: Dense::new(vb.pp("v_proj"), d_model, d_model)?,
            out: Dense::new(vb.pp("out_proj"), d_model, d_model)?,
            heads,
            head_dim,
            scaling: (head_dim as f64).powf(-0.5),
        })
    }

    /// `[b, t, d]` → `[b, heads, t, head_dim]`, contiguous.
    fn split_heads(&self, x: &Tensor) -> Result<Tensor> {
        let (b, t, _) = x.dims3()?;
        let x = x.reshape((b, t, self.heads, self.head_dim))?;
        if t == 1 {
            // Moving a length-1 axis needs no copy.
            x.reshape((b, self.heads, 1, self.head_dim))
        } else {
            x.transpose(1, 2)?.contiguous()
        }
    }

    /// Keys and values of `x` (`[b, s, d]`), each `[b, heads, s, head_dim]`.
    pub fn key_values(&self, x: &Tensor) -> Result<(Tensor, Tensor)> {
        Ok((
            self.split_heads(&self.k.forward(x)?)?,
            self.split_heads(&self.v.forward(x)?)?,
        ))
    }

    /// Attends from `x` (`[b, t, d]`) to cached `keys`/`values` (`[b, heads, s, head_dim]`).
    /// `mask` is an additive f32 mask broadcastable to `[b, heads, t, s]` (0 keeps, a large
    /// negative value drops). The softmax runs in f32 whatever the weights' dtype.
    pub fn attend(
        &self,
        x: &Tensor,
        keys: &Tensor,
        values: &Tensor,
        mask: Option<&Tensor>,
    ) -> Result<Tensor> {
        let (b, t, d) = x.dims3()?;
        let q = self.split_heads(&self.q.forward(x)?)?;
        let scores = (q.matmul(&keys.t()?)? * self.scaling)?;
        let dtype = scores.dtype();
        let scores = scores.to_dtype(DType::F32)?;
        let scores = match mask {
            Some(m) => scores.broadcast_add(m)?,
            None => scores,
        };
        let probs = candle_nn::ops::softmax_last_dim(&scores)?.to_dtype(dtype)?;
        let ctx = probs.matmul(values)?;
        let ctx = if t == 1 {
            ctx.reshape((b, 1, d))?
        } else {
            ctx.transpose(1, 2)?.contiguous()?.reshape((b, t, d))?
        };
        self.out.forward(&ctx)
    }
}

/// Additive attention mask `[b, 1, 1, s]` (f32) from a `[b, s]` keep-mask (1 = token, 0 = pad).
pub fn padding_mask(keep: &Tensor) -> Result<Tensor> {
    let (b, s) = keep.dims2()?;
    let keep = keep.to_dtype(DType::F32)?;
    // (1 - keep) * f32::MIN: 0 where kept, the most negative float where padded (as transformers).
    let drop = keep.affine(-1.0, 1.0)?;
    (drop * f32::MIN as f64)?.reshape((b, 1, 1, s))
}
