//! Logits processors with transformers' semantics and order, applied to one row at a time:
//! repetition penalty, no-repeat-n-gram, banned tokens (pad, bad words), EOS ban before
//! `min_new_tokens`, forced EOS at the last position, and renormalisation (log-softmax).

/// The processors of one search, configured once.
#[derive(Debug, Clone)]
pub(crate) struct Processors {
    pub repetition_penalty: f32,
    pub no_repeat_ngram: usize,
    pub banned: Vec<u32>,
    pub eos: u32,
    pub min_new_tokens: usize,
    pub forced_eos: Option<u32>,
    pub renormalize: bool,
}

impl Processors {
    /// Processes `scores` (one row over the vocabulary) for a sequence `history` (starting
    /// with the decoder start token) whose length limit, start token included, is `max_len`.
    pub fn apply(&self, scores: &mut [f32], history: &[u32], max_len: usize) {
        self.apply_before_renormalize(scores, history, max_len);
        if self.renormalize {
            log_softmax_in_place(scores);
        }
    }

    /// True when every processor only removes tokens (or forces EOS) and the scores are
    /// renormalised. Then `log_softmax → processors → log_softmax` equals masking the raw
    /// logits and one log-softmax, and the top tokens of the masked raw logits are the top
    /// tokens of the result: the search can skip whole passes over the vocabulary.
    pub fn masks_only(&self) -> bool {
        self.renormalize && self.repetition_penalty == 1.0
    }

    /// Every processor except the final renormalisation.
    pub fn apply_before_renormalize(&self, scores: &mut [f32], history: &[u32], max_len: usize) {
        let vocab = scores.len();
        if self.repetition_penalty != 1.0 {
            // transformers gathers every id in the sequence (the start token included) once.
            let mut seen: Vec<u32> = history.to_vec();
            seen.sort_unstable();
            seen.dedup();
            for &t in &seen {
                if let Some(s) = scores.get_mut(t as usize) {
                    *s = if *s < 0.0 {
                        *s * self.repetition_penalty
                    } else {
                        *s / self.repetition_penalty
                    };
                }
            }
        }
        match self.mask(history, max_len) {
            Mask::Forced(eos) => {
                if (eos as usize) < vocab {
                    scores.fill(f32::NEG_INFINITY);
                    scores[eos as usize] = 0.0;
                }
            }
            Mask::Tokens(tokens) => {
                for t in tokens {
                    if let Some(s) = scores.get_mut(t as usize) {
                        *s = f32::NEG_INFINITY;
                    }
                }
            }
        }
    }

    /// What the masking processors do to the next token of `history`: either only EOS is
    /// allowed (the last position, with `forced_eos`), or these tokens are removed
    /// (no-repeat-n-gram completions, banned tokens, EOS before `min_new_tokens`).
    pub fn mask(&self, history: &[u32], max_len: usize) -> Mask {
        if let Some(forced) = self.forced_eos {
            if history.len() + 1 == max_len {
                return Mask::Forced(forced);
            }
        }
        let mut tokens = self.banned.clone();
        let n = self.no_repeat_ngram;
        if n > 0 && history.len() >= n {
            let prefix = &history[history.len() + 1 - n..];
            tokens.extend(
                history
                    .windows(n)
                    .filter(|w| &w[..n - 1] == prefix)
                    .map(|w| w[n - 1]),
            );
        }
        if history.len() - 1 < self.min_new_tokens {
            tokens.push(self.eos);
        }
        Mask::Tokens(tokens)
    }
}

/// The effect of the masking processors on one row.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Mask {
    /// Only this token (EOS) is allowed, with log-probability 0.
    Forced(u32),
    /// These tokens get `-inf` (repeats possible).
    Tokens(Vec<u32>),
}

/// `exp(x)` in f32 without a libm call, so that loops over it vectorise (Cephes' `expf`
/// polynomial after a Cody-Waite reduction; relative error below 3e-7, see the tests).
/// Inputs below -87.3 (where f32 results are subnormal) and `-inf` give 0.
#[inline(always)]
fn exp_f32(x: f32) -> f32 {
    const LOG2E: f32 = std::f32::consts::LOG2_E;
    const LN2_HI: f32 = 0.693_359_4;
    const LN2_LO: f32 = -2.121_944_4e-4;
    const ROUND: f32 = 12_582_912.0; // 1.5·2^23: adding and subtracting it rounds to an integer
    let c = x.clamp(-87.3, 88.7);
    let n = (c * LOG2E + ROUND) - ROUND;
    let r = c - n * LN2_HI - n * LN2_LO;
    let p = ((((1.987_569_1e-4 * r + 1.398_199_9e-3) * r + 8.333_452e-3) * r + 4.166_579_6e-2) * r
        + 0.166_666_65)
        * r
        + 0.5;
    let e = (p * r * r + r + 1.0) * f32::from_bits(((n as i32 + 127) << 23) as u32);
    if x < -87.3 {
        0.0
    } else {
        e
    }
}

/// Lanes of the accumulators below: independent partial results let the compiler vectorise.
const LANES: usize = 8;

/// The largest value (`-inf` for an empty slice or one of only `-inf`).
fn max_f32(x: &[f32]) -> f32 {
    let mut acc = [f32::NEG_INFINITY; LANES];
    let chunks = x.chunks_exact(LANES);
    let rest = chunks.remainder();
    for c in chunks {
        for i in 0..LANES {
            acc[i] = if c[i] > acc[i] { c[i] } else { acc[i] };
        }
    }
    acc.iter()
        .chain(rest)
        .copied()
        .fold(f32::NEG_INFINITY, f32::max)
}

/// `log(sum(exp(x)))` in f32 (max-shifted); `-inf` for a row of only `-inf`.
pub(crate) fn logsumexp(x: &[f32]) -> f32 {
    let max = max_f32(x);
    if max == f32::NEG_INFINITY {
        return max;
    }
    let mut acc = [0f32; LANES];
    let chunks = x.chunks_exact(LANES);
    let rest = chunks.remainder();
    for c in chunks {
        for i in 0..LANES {
            acc[i] += exp_f32(c[i] - max);
        }
    }
    let sum: f32 = acc.iter().sum::<f32>() + rest.iter().map(|&v| exp_f32(v - max)).sum::<f32>();
    max + sum.ln()
}

/// `x ← x - logsumexp(x)`, in f32. A row of only `-inf` is left as it is.
pub(crate) fn log_softmax_in_place(x: &mut [f32]) {
    let shift = logsumexp(x);
    if shift == f32::NEG_INFINITY {
        return;
    }
    for v in x.iter_mut() {
        *v -= shift;
    }
}

/// Index of the largest value; the first one on ties (as `torch.argmax`).
pub(crate) fn argmax(x: &[f32]) -> usize {
    let mut best = 0;
    for (i, &v) in x.iter().enumerate() {
        if v > x[best] {
            best = i;
        }
    }
    best
}

/// The `k` largest values with their indices, best first; lower index first on ties.
pub(crate) fn top_k(x: &[f32], k: usize) -> Vec<(f32, u32)> {
    let mut top: Vec<(f32, u32)> = Vec::with_capacity(k + 1);
    for (i, &v) in x.iter().enumerate() {
        if top.len() == k && v.partial_cmp(&top[k - 1].0) != Some(std::cmp::Ordering::Greater) {
            continue;
        }
        // Insert after every entry that is >= v, keeping earlier indices ahead on ties.
        let at = top.iter().position(|&(w, _)| v > w).unwrap_or(top.len());
        top.insert(at, (v, i as u32));
        top.truncate(k);
    }
    top
}

#[cfg(test)]
mod tests {
    use super::*;

    fn procs() -> Processors {
        Processors {
            repetition_penalty: 1.0,
            no_repeat_ngram: 0,
            banned: vec![4],
            eos: 0,
            min_new_tokens: 0,
            forced_eos: Some(0),
            renormalize: false,
        }
    }

    #[test]
    fn pad_is_banned_and_eos_forced_at_the_limit() {
        let mut s = vec![0.5, 1.0, 2.0, 3.0, 9.0];
        procs().apply(&mut s, &[4, 2], 10);
        assert_eq!(s, vec![0.5, 1.0, 2.0, 3.0, f32::NEG_INFINITY]);
        let mut s = vec![0.5, 1.0, 2.0, 3.0, 9.0];
        procs().apply(&mut s, &[4, 2], 3); // the next token is the 3rd of at most 3
        assert_eq!(s[0], 0.0);
        assert!(s[1..].iter().all(|v| *v == f32::NEG_INFINITY));
    }

    #[test]
    fn min_new_tokens_bans_eos_until_reached() {
        let p = Processors {
            min_new_tokens: 2,
            ..procs()
        };
        let mut s = vec![5.0, 1.0, 2.0, 3.0, 0.0];
        p.apply(&mut s, &[4, 1], 10); // one token generated so far
        assert_eq!(s[0], f32::NEG_INFINITY);
        let mut s = vec![5.0, 1.0, 2.0, 3.0, 0.0];
        p.apply(&mut s, &[4, 1, 2], 10);
        assert_eq!(s[0], 5.0);
    }

    #[test]
    fn repetition_penalty_divides_positive_and_multiplies_negative() {
        let p = Processors {
            repetition_penalty: 2.0,
            ..procs()
        };
        let mut s = vec![1.0, -1.0, 4.0, -3.0, 0.0];
        p.apply(&mut s, &[4, 2, 3, 2], 10);
        assert_eq!(&s[..4], &[1.0, -1.0, 2.0, -6.0]);
    }

    #[test]
    fn no_repeat_ngram_bans_completions_of_seen_ngrams() {
        let p = Processors {
            no_repeat_ngram: 2,
            ..procs()
        };
        // history 4 1 2 1: bigrams (4,1) (1,2) (2,1); prefix (1) was followed by 2.
        let mut s = vec![0.0; 5];
        p.apply(&mut s, &[4, 1, 2, 1], 10);
        assert_eq!(s[2], f32::NEG_INFINITY);
        assert_eq!(s[1], 0.0);
        let p = Processors {
            no_repeat_ngram: 3,
            ..procs()
        };
        let mut s = vec![0.0; 5];
        p.apply(&mut s, &[4, 1, 2, 3, 1, 2], 10); // (1,2) was followed by 3
        assert_eq!(s[3], f32::NEG_INFINITY);
        assert_eq!(s[1], 0.0);
    }

    #[test]
    fn renormalised_scores_are_log_probabilities() {
        let p = Processors {
            renormalize: true,
            ..procs()
        };
        let mut s = vec![1.0, 2.0, 3.0, 0.5, 7.0];
        p.apply(&mut s, &[4], 10);
        let total: f32 = s.iter().map(|v| v.exp()).sum();
        assert!((total - 1.0).abs() < 1e-6);
        assert_eq!(s[4], f32::NEG_INFINITY);
    }

    #[test]
    fn masking_then_one_log_softmax_equals_the_full_pipeline() {
        let p = Processors {
            renormalize: true,
            no_repeat_ngram: 2,
            ..procs()
        };
        assert!(p.masks_only());
        let raw = vec![0.3, -1.0, 2.5, 0.7, 1.9];
        let history = [4, 2, 4];
        let mut full = raw.clone();
        log_softmax_in_place(&mut full);
        p.apply(&mut full, &history, 10);
        let mut fast = raw.clone();
        p.apply_before_renormalize(&mut fast, &history, 10);
        let lse = logsumexp(&fast);
        for (f, q) in full.iter().zip(&fast) {
            assert!(
                (f - (q - lse)).abs() < 1e-6
                    || (*f == f32::NEG_INFINITY && *q == f32::NEG_INFINITY)
            );
        }
    }

    #[test]
    fn exp_f32_is_accurate() {
        let mut worst = 0f64;
        for i in 0..=200_000 {
            let x = -87.0 + i as f32 * (175.0 / 200_000.0);
            let want = (x as f64).exp();
            let err = ((exp_f32(x) as f64 - want) / want).abs();
            worst = worst.max(err);
        }
        assert!(worst < 3e-7, "max relative error {worst}");
        assert_eq!(exp_f32(f32::NEG_INFINITY), 0.0);
        assert_eq!(exp_f32(0.0), 1.0);
    }

    #[test]
    fn logsumexp_matches_f64() {
        let x: Vec<f32> = (0..1003)
            .map(|i| ((i * 7919) % 1000) as f32 / 50.0 - 10.0)
            .collect();
        let m = x.iter().copied().fold(f32::NEG_INFINITY, f32::max) as f64;
        let want = m + x.iter().map(|&v| (v as f64 - m).exp()).sum::<f64>().ln();
        assert!((logsumexp(&x) as f64 - want).abs() < 1e-5);
        assert_eq!(logsumexp(&[f32::NEG_INFINITY; 3]), f32::NEG_INFINITY);
        assert_eq!(max_f32(&x) as f64, m);
    }

    #[test]
    fn top_k_orders_best_first_with_stable_ties() {
        let x = [1.0, 5.0, 3.0, 5.0, -1.0, 4.0];
        assert_eq!(top_k(&x, 3), vec![(5.0, 1), (5.0, 3), (4.0, 5)]);
        assert_eq!(argmax(&x), 1);
        assert_eq!(top_k(&[2.0], 3), vec![(2.0, 0)]);
    }
}
