//! Batched beam search with transformers' scoring and stopping rule.
//!
//! Each source keeps `beams` running hypotheses (rows `i*beams..` of the decoder state) and up
//! to `beams` finished ones. Per step the top `2·beams` continuations over beams×vocab are
//! taken; those ending in EOS (or at the length limit) among the first `beams` become finished
//! candidates scored `sum / len^length_penalty`, the best `beams` others keep running.
//! Sources that are done leave the batch.

use rayon::prelude::*;

use super::logits::{log_softmax_in_place, logsumexp, top_k, Processors};
use super::{device, on_device, with_host_logits, Hypothesis, SearchOptions};
use crate::mt::config::EarlyStopping;
use crate::mt::model::{DecoderState, MarianModel, Result};

/// Score offset transformers uses to rule out beams (initial beams 1.., finished rows).
const BLOCKED: f32 = -1.0e9;

#[derive(Debug, Clone)]
struct Running {
    seq: Vec<u32>,
    score: f32,
}

#[derive(Debug, Clone)]
struct Finished {
    seq: Vec<u32>,
    score: f32,
    sum: f32,
}

#[derive(Debug)]
struct Source {
    index: usize,
    max_len: usize,
    running: Vec<Running>,
    finished: Vec<Finished>,
    /// transformers' `is_early_stop_heuristic_unsatisfied`.
    improvable: bool,
}

impl Source {
    /// Adds a finished candidate, keeping the best `beams` (earlier entries win ties).
    fn add_finished(&mut self, cand: Finished, beams: usize) {
        let at = self
            .finished
            .iter()
            .position(|f| cand.score > f.score)
            .unwrap_or(self.finished.len());
        if at < beams {
            self.finished.insert(at, cand);
            self.finished.truncate(beams);
        }
    }

    /// transformers' worst kept score: -1e9 while fewer than `beams` are finished.
    fn worst_finished(&self, beams: usize) -> f32 {
        if self.finished.len() < beams {
            BLOCKED
        } else {
            self.finished
                .iter()
                .map(|f| f.score)
                .fold(f32::INFINITY, f32::min)
        }
    }

    fn best(&self) -> Hypothesis {
        let (seq, score, sum) = match self.finished.first() {
            Some(f) => (&f.seq, f.score, f.sum),
            None => (
                &self.running[0].seq,
                self.running[0].score,
                self.running[0].score,
            ),
        };
        let gen = (seq.len() - 1).max(1);
        Hypothesis {
            ids: seq[1..].to_vec(),
            score,
            mean_logprob: sum / gen as f32,
        }
    }
}

/// `len^length_penalty`, computed in f64 (Python floats) and applied to f32 scores.
fn length_norm(len: usize, length_penalty: f32) -> f32 {
    (len as f64).powf(length_penalty as f64) as f32
}

/// One continuation: accumulated score, source beam, token.
type Candidate = (f32, usize, u32);

/// Beam search for every source of `state` (`opts.beams` rows each).
pub(crate) fn search(
    model: &MarianModel,
    mut state: DecoderState,
    limits: &[usize],
    opts: &SearchOptions,
    procs: &Processors,
) -> Result<Vec<Hypothesis>> {
    let beams = opts.beams;
    let keep_k = 2 * beams;
    let start = opts.tokens.decoder_start;
    let mut sources: Vec<Source> = limits
        .iter()
        .enumerate()
        .map(|(index, &max_len)| Source {
            index,
            max_len,
            running: (0..beams)
                .map(|j| Running {
                    seq: vec![start],
                    score: if j == 0 { 0.0 } else { BLOCKED },
                })
                .collect(),
            finished: Vec::new(),
            improvable: true,
        })
        .collect();
    let mut out: Vec<Option<Hypothesis>> = vec![None; limits.len()];
    while !sources.is_empty() {
        let tokens: Vec<u32> = sources
            .iter()
            .flat_map(|s| s.running.iter().map(|b| *b.seq.last().expect("start")))
            .collect();
        let logits = model.decode_step(&mut state, &tokens)?;
        let vocab = logits.dim(1)?;
        // Per row: log-softmax, processors, + running score, top 2·beams.
        let row_tops: Vec<Vec<(f32, u32)>> = if on_device(&logits, procs) {
            let masks: Vec<_> = (0..tokens.len())
                .map(|r| {
                    let src = &sources[r / beams];
                    procs.mask(&src.running[r % beams].seq, src.max_len)
                })
                .collect();
            let tops = device::top_k(&logits, &masks, keep_k)?;
            tops.into_iter()
                .enumerate()
                .map(|(r, top)| {
                    let score = sources[r / beams].running[r % beams].score;
                    top.into_iter().map(|(lp, t)| (lp + score, t)).collect()
                })
                .collect()
        } else {
            with_host_logits(&logits, |data| {
                data.par_chunks(vocab)
                    .enumerate()
                    .map(|(r, row)| {
                        let src = &sources[r / beams];
                        let beam = &src.running[r % beams];
                        let mut lp = row.to_vec();
                        if procs.masks_only() {
                            procs.apply_before_renormalize(&mut lp, &beam.seq, src.max_len);
                            let lse = logsumexp(&lp);
                            return top_k(&lp, keep_k)
                                .into_iter()
                                .map(|(v, t)| ((v - lse) + beam.score, t))
                                .collect();
                        }
                        log_softmax_in_place(&mut lp);
                        procs.apply(&mut lp, &beam.seq, src.max_len);
                        for v in lp.iter_mut() {
                            *v += beam.score;
                        }
                        top_k(&lp, keep_k)
                    })
                    .collect()
            })?
        };

        let mut reorder: Vec<u32> = Vec::with_capacity(tokens.len());
        let mut still: Vec<bool> = Vec::with_capacity(sources.len());
        for (a, src) in sources.iter_mut().enumerate() {
            let cur_len = src.running[0].seq.len();
            // Merge the per-beam tops: best first, lower flat index (beam, token) on ties.
            let mut cands: Vec<Candidate> = (0..beams)
                .flat_map(|j| row_tops[a * beams + j].iter().map(move |&(s, t)| (s, j, t)))
                .collect();
            cands.sort_by(|x, y| {
                y.0.total_cmp(&x.0)
                    .then((x.1 * vocab + x.2 as usize).cmp(&(y.1 * vocab + y.2 as usize)))
            });
            cands.truncate(keep_k);
            let at_limit = cur_len + 1 >= src.max_len;
            let hits: Vec<bool> = cands
                .iter()
                .map(|c| c.2 == opts.tokens.eos || at_limit)
                .collect();

            // Finished candidates: only among the first `beams`, only while improvement is possible.
            let full = opts.early_stopping == EarlyStopping::Eager && src.finished.len() == beams;
            if src.improvable && !full {
                let norm = length_norm(cur_len, opts.length_penalty);
                for (c, _) in cands.iter().zip(&hits).take(beams).filter(|(_, &h)| h) {
                    let mut seq = src.running[c.1].seq.clone();
                    seq.push(c.2);
                    src.add_finished(
                        Finished {
                            seq,
                            score: c.0 / norm,
                            sum: c.0,
                        },
                        beams,
                    );
                }
            }

            // Next running beams: the best continuations that did not finish.
            let mut order: Vec<(f32, usize)> = cands
                .iter()
                .zip(&hits)
                .enumerate()
                .map(|(i, (c, &h))| (c.0 + if h { BLOCKED } else { 0.0 }, i))
                .collect();
            order.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
            let base = (a * beams) as u32;
            let next: Vec<Running> = order
                .iter()
                .take(beams)
                .map(|&(score, i)| {
                    let (_, j, t) = cands[i];
                    reorder.push(base + j as u32);
                    let mut seq = src.running[j].seq.clone();
                    seq.push(t);
                    Running { seq, score }
                })
                .collect();
            src.running = next;

            // Stopping rule (transformers' early-stop heuristic).
            let gen_len = cur_len; // tokens generated after this step
            let hypothetical =
                if opts.early_stopping == EarlyStopping::Never && opts.length_penalty > 0.0 {
                    src.max_len - 1
                } else {
                    gen_len
                };
            let best_possible =
                src.running[0].score / length_norm(hypothetical, opts.length_penalty);
            src.improvable = src.improvable && best_possible > src.worst_finished(beams);
            let eager_done =
                opts.early_stopping == EarlyStopping::Eager && src.finished.len() == beams;
            let done = !src.improvable || hits.iter().all(|&h| h) || eager_done;
            still.push(!done);
        }

        // Emit finished sources, then reorder/drop cache rows.
        let mut kept_rows: Vec<u32> = Vec::with_capacity(reorder.len());
        let mut kept_sources = Vec::with_capacity(sources.len());
        for (a, (src, keep)) in sources.drain(..).zip(&still).enumerate() {
            if *keep {
                kept_rows.extend_from_slice(&reorder[a * beams..(a + 1) * beams]);
                kept_sources.push(src);
            } else {
                out[src.index] = Some(src.best());
            }
        }
        sources = kept_sources;
        if sources.is_empty() {
            break;
        }
        if kept_rows.len() == reorder.len() {
            state.reorder_within_sources(&kept_rows)?;
        } else {
            state.select_rows(&kept_rows)?;
        }
    }
    Ok(out
        .into_iter()
        .map(|h| h.expect("every source finishes"))
        .collect())
}
