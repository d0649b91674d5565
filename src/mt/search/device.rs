//! Token selection on the model's device (used off the CPU) when the processors only mask:
//! masking, log-softmax normalisation and the top-k run where the logits are, and the host
//! receives `k` (log-probability, token) pairs per row instead of the `[rows, vocab]` logits.

use candle_core::{DType, Tensor};

use super::logits::Mask;
use crate::mt::model::Result;

/// For each row of `logits` (`[rows, vocab]`, f32) with its `masks[row]`: the `k` best tokens
/// of the masked log-softmax, best first, as (log-probability, token). Forced rows give only
/// `(0, eos)`.
pub(crate) fn top_k(logits: &Tensor, masks: &[Mask], k: usize) -> Result<Vec<Vec<(f32, u32)>>> {
    let (rows, vocab) = logits.dims2()?;
    let device = logits.device();
    // Masked positions get -inf through scatter_add; short rows are padded with index 0 and
    // a 0.0 addend, which changes nothing.
    let width = masks
        .iter()
        .map(|m| match m {
            Mask::Tokens(t) => t.len(),
            Mask::Forced(_) => 0,
        })
        .max()
        .unwrap_or(0)
        .max(1);
    let mut idx = vec![0u32; rows * width];
    let mut add = vec![0f32; rows * width];
    for (r, m) in masks.iter().enumerate() {
        if let Mask::Tokens(tokens) = m {
            for (j, &t) in tokens.iter().filter(|&&t| (t as usize) < vocab).enumerate() {
                idx[r * width + j] = t;
                add[r * width + j] = f32::NEG_INFINITY;
            }
        }
    }
    let idx = Tensor::from_vec(idx, (rows, width), device)?;
    let add = Tensor::from_vec(add, (rows, width), device)?;
    let masked = logits.to_dtype(DType::F32)?.scatter_add(&idx, &add, 1)?;
    let lse = masked.log_sum_exp(1)?.unsqueeze(1)?;

    let removed = Tensor::full(f32::NEG_INFINITY, (rows, 1), device)?;
    let mut cur = masked;
    let (mut values, mut tokens) = (Vec::with_capacity(k), Vec::with_capacity(k));
    for _ in 0..k.min(vocab) {
        let best = cur.argmax_keepdim(1)?;
        values.push(cur.gather(&best, 1)?);
        cur = cur.scatter(&best, &removed, 1)?;
        tokens.push(best);
    }
    let values = Tensor::cat(&values, 1)?
        .broadcast_sub(&lse)?
        .to_vec2::<f32>()?;
    let tokens = Tensor::cat(&tokens, 1)?.to_vec2::<u32>()?;
    Ok(masks
        .iter()
        .zip(values.into_iter().zip(tokens))
        .map(|(m, (v, t))| match m {
            Mask::Forced(eos) => vec![(0.0, *eos)],
            Mask::Tokens(_) => v.into_iter().zip(t).collect(),
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mt::search::logits::{logsumexp, top_k as host_top_k, Processors};
    use candle_core::Device;

    /// The device path, run on CPU tensors, agrees with the host path.
    #[test]
    fn device_selection_matches_host_selection() {
        let (rows, vocab, k) = (5, 40, 6);
        let data: Vec<f32> = (0..rows * vocab)
            .map(|i| ((i * 7919 % 997) as f32 / 97.0).sin() * 4.0)
            .collect();
        let logits = Tensor::from_vec(data.clone(), (rows, vocab), &Device::Cpu).unwrap();
        let procs = Processors {
            repetition_penalty: 1.0,
            no_repeat_ngram: 2,
            banned: vec![39],
            eos: 0,
            min_new_tokens: 3,
            forced_eos: Some(0),
            renormalize: true,
        };
        let histories: Vec<(Vec<u32>, usize)> = vec![
            (vec![39], 10),
            (vec![39, 5, 6, 5], 10),
            (vec![39, 1, 2, 3, 4], 6), // forced EOS
            (vec![39, 7, 7, 7, 7], 20),
            (vec![39, 0, 3, 0], 20),
        ];
        let masks: Vec<Mask> = histories.iter().map(|(h, m)| procs.mask(h, *m)).collect();
        let got = top_k(&logits, &masks, k).unwrap();
        for (r, (h, m)) in histories.iter().enumerate() {
            let mut row = data[r * vocab..(r + 1) * vocab].to_vec();
            procs.apply_before_renormalize(&mut row, h, *m);
            let lse = logsumexp(&row);
            let want: Vec<(f32, u32)> = host_top_k(&row, k)
                .into_iter()
                .map(|(v, t)| (v - lse, t))
                .filter(|(v, _)| v.is_finite())
                .collect();
            let got_finite: Vec<(f32, u32)> = got[r]
                .iter()
                .copied()
                .filter(|(v, _)| v.is_finite())
                .collect();
            assert_eq!(got_finite.len(), want.len(), "row {r}");
            for ((gv, gt), (wv, wt)) in got_finite.iter().zip(&want) {
                assert_eq!(gt, wt, "row {r}");
                assert!((gv - wv).abs() < 1e-5, "row {r}: {gv} vs {wv}");
            }
        }
    }
}
