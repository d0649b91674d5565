//! Batched greedy search; finished rows leave the batch.

use rayon::prelude::*;

use super::logits::{argmax, log_softmax_in_place, logsumexp, Processors};
use super::{device, on_device, with_host_logits, Hypothesis, SearchOptions};
use crate::mt::model::{DecoderState, MarianModel, Result};

/// Greedy search for every source of `state` (one row each); `limits[i]` is the longest
/// decoder sequence (start token included) of source `i`.
pub(crate) fn search(
    model: &MarianModel,
    mut state: DecoderState,
    limits: &[usize],
    opts: &SearchOptions,
    procs: &Processors,
) -> Result<Vec<Hypothesis>> {
    let n = limits.len();
    let eos = opts.tokens.eos;
    let mut seqs: Vec<Vec<u32>> = vec![vec![opts.tokens.decoder_start]; n];
    let mut sums = vec![0f32; n];
    let mut out: Vec<Option<Hypothesis>> = vec![None; n];
    let mut alive: Vec<usize> = (0..n).collect();
    while !alive.is_empty() {
        let tokens: Vec<u32> = alive
            .iter()
            .map(|&s| *seqs[s].last().expect("start token"))
            .collect();
        let logits = model.decode_step(&mut state, &tokens)?;
        let vocab = logits.dim(1)?;
        let picks: Vec<(u32, f32)> = if on_device(&logits, procs) {
            let masks: Vec<_> = alive
                .iter()
                .map(|&s| procs.mask(&seqs[s], limits[s]))
                .collect();
            device::top_k(&logits, &masks, 1)?
                .into_iter()
                .map(|top| {
                    top.first()
                        .map_or((eos, f32::NEG_INFINITY), |&(lp, t)| (t, lp))
                })
                .collect()
        } else {
            with_host_logits(&logits, |data| {
                data.par_chunks(vocab)
                    .zip(alive.par_iter())
                    .map(|(row, &s)| {
                        let mut scores = row.to_vec();
                        if procs.masks_only() {
                            procs.apply_before_renormalize(&mut scores, &seqs[s], limits[s]);
                            let best = argmax(&scores);
                            return (best as u32, scores[best] - logsumexp(&scores));
                        }
                        procs.apply(&mut scores, &seqs[s], limits[s]);
                        let best = argmax(&scores);
                        // The chosen token's log-probability under the processed distribution.
                        if !procs.renormalize {
                            log_softmax_in_place(&mut scores);
                        }
                        (best as u32, scores[best])
                    })
                    .collect()
            })?
        };
        let mut keep = Vec::with_capacity(alive.len());
        for (r, (&s, (tok, lp))) in alive.iter().zip(picks).enumerate() {
            seqs[s].push(tok);
            sums[s] += lp;
            if tok == eos || seqs[s].len() >= limits[s] {
                let gen = seqs[s].len() - 1;
                out[s] = Some(Hypothesis {
                    ids: seqs[s][1..].to_vec(),
                    score: sums[s] / (gen as f32).powf(opts.length_penalty),
                    mean_logprob: sums[s] / gen as f32,
                });
            } else {
                keep.push(r);
            }
        }
        if keep.len() != alive.len() {
            alive = keep.iter().map(|&r| alive[r]).collect();
            if !alive.is_empty() {
                let idx: Vec<u32> = keep.iter().map(|&r| r as u32).collect();
                state.select_rows(&idx)?;
            }
        }
    }
    Ok(out
        .into_iter()
        .map(|h| h.expect("every row finishes"))
        .collect())
}
