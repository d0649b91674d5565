//! Token embeddings (scaled by √d_model) plus sinusoidal positions.

use candle_core::{DType, Device, Result, Tensor};

/// The fixed sinusoidal position table of Marian: row `pos` holds `sin(pos·f_i)` in the first
/// half and `cos(pos·f_i)` in the second (not interleaved), `f_i = 10000^(-2i/dim)`.
///
/// Computed in f64 like transformers (numpy), then cast, so positions near 511 match to the last
/// bit of f32 instead of drifting by ~1e-5.
pub fn sinusoidal_positions(
    n_pos: usize,
    dim: usize,
    dtype: DType,
    device: &Device,
) -> Result<Tensor> {
    let sin_cols = dim.div_ceil(2);
    let mut table = vec![0f32; n_pos * dim];
    for pos in 0..n_pos {
        let row = &mut table[pos * dim..(pos + 1) * dim];
        for (j, cell) in row.iter_mut().enumerate() {
            // Column j of transformers' angle matrix uses the frequency of j / 2.
            let angle = |j: usize| pos as f64 / 10000f64.powf((2 * (j / 2)) as f64 / dim as f64);
            *cell = if j < sin_cols {
                angle(2 * j).sin() as f32
            } else {
                angle(2 * (j - sin_cols) + 1).cos() as f32
            };
        }
    }
    Tensor::from_vec(table, (n_pos, dim), device)?.to_dtype(dtype)
}

/// Scaled token embeddings plus positions.
#[derive(Debug, Clone)]
pub struct Embeddings {
    tokens: Tensor,
    scale: f64,
    positions: Tensor,
}

impl Embeddings {
    /// `tokens` is the `[vocab, d_model]` matrix, `positions` the sinusoidal table.
    pub fn new(tokens: Tensor, scale: f64, positions: Tensor) -> Self {
        Self {
            tokens,
            scale,
            positions,
        }
    }

    /// Embeds `ids` (`[batch, len]`, u32) placed at positions `start..start + len`:
    /// `[batch, len, d_model]`. The caller checks that the positions exist.
    pub fn forward(&self, ids: &Tensor, start: usize) -> Result<Tensor> {
        let (batch, len) = ids.dims2()?;
        let d = self.tokens.dim(1)?;
        let tok = self.tokens.index_select(&ids.flatten_all()?, 0)?;
        let tok = if self.scale != 1.0 {
            (tok * self.scale)?
        } else {
            tok
        };
        let pos = self.positions.narrow(0, start, len)?;
        tok.reshape((batch, len, d))?.broadcast_add(&pos)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_sin_then_cos_halves() {
        let t = sinusoidal_positions(4, 6, DType::F32, &Device::Cpu).unwrap();
        let v = t.to_vec2::<f32>().unwrap();
        assert_eq!(v[0], vec![0.0, 0.0, 0.0, 1.0, 1.0, 1.0]);
        // pos 3, column 1: sin(3 / 10000^(2/6)); column 4: cos of the same angle.
        let a = 3.0f64 / 10000f64.powf(2.0 / 6.0);
        assert!((v[3][1] as f64 - a.sin()).abs() < 1e-7);
        assert!((v[3][4] as f64 - a.cos()).abs() < 1e-7);
        assert!((v[3][0] as f64 - 3f64.sin()).abs() < 1e-7);
    }

    #[test]
    fn odd_dimension_has_one_more_sine_column() {
        let t = sinusoidal_positions(2, 5, DType::F32, &Device::Cpu).unwrap();
        let v = t.to_vec2::<f32>().unwrap();
        assert_eq!(v[0], vec![0.0, 0.0, 0.0, 1.0, 1.0]);
    }
}
