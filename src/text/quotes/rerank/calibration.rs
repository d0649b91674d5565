//! The confidence of a speech quote's speaker once the learned pass has chosen it: a logistic
//! model over what the rules and the pass know about the quote (the rules' confidence, the
//! pass's probability of the speaker among its candidates, how the quote was found, how much
//! the speaker reads as a name), fitted on pages held out of training
//! (`scripts/train_speaker_reranker.py --calibration`), so that of the speakers given a
//! confidence of about 0.7, about seven in ten are right.

use crate::text::Quote;

/// How many features the calibration has (the first is a constant 1: the bias).
pub const CALIBRATION: usize = 13;

/// Weights of [`features`], printed by the training script (`--calibration --rust`) from all
/// 4,194 annotated pages, each featured with the pass's weights fitted without its round.
const WEIGHTS: [f32; CALIBRATION] = [
    -3.289079, // bias
    0.616242,  // the rules' confidence
    5.219683,  // the pass's probability of the speaker
    -0.443715, // the pass changed the speaker
    -0.772451, // nobody
    -0.769738, // partial
    -0.245611, // headline
    -0.362704, // no cue
    -1.447181, // unclosed
    -0.091112, // anonymous source
    0.557207,  // a sure given name first
    -1.133839, // the last word a common word
    -0.108448, // candidates (log)
];

/// What the pass knows about one speech quote's speaker.
pub(super) struct Evidence<'a> {
    /// The quote as the rules give it (their speaker and confidence; its kind, cue and flags).
    pub quote: &'a Quote,
    /// True when the speaker the pass chose is nobody.
    pub nobody: bool,
    /// The pass's probability of the chosen speaker among the quote's candidates.
    pub probability: f32,
    /// True when the pass replaced the rules' speaker.
    pub changed: bool,
    /// How many candidates the quote had.
    pub candidates: usize,
    /// The chosen speaker's nameness features (see `nameness.rs`; empty for nobody).
    pub nameness: &'a [f32],
}

/// The calibration features of a quote's speaker.
pub(super) fn features(e: &Evidence) -> [f32; CALIBRATION] {
    let has_flag = |f: &str| f32::from(e.quote.flags.iter().any(|x| x == f));
    let name = |i: usize| e.nameness.get(i).copied().unwrap_or(0.0);
    [
        1.0,
        e.quote.confidence,
        e.probability,
        f32::from(e.changed),
        f32::from(e.nobody),
        f32::from(e.quote.kind == "partial"),
        f32::from(e.quote.kind == "headline"),
        f32::from(e.quote.cue.is_none()),
        has_flag("unclosed"),
        has_flag("anonymous_source"),
        name(super::nameness::SURE_GIVEN_FIRST),
        name(super::nameness::LAST_WORD_COMMON),
        ((1 + e.candidates) as f32).ln() / 3.0,
    ]
}

/// The calibrated confidence of features `x` (two decimals).
pub(super) fn confidence(x: &[f32; CALIBRATION]) -> f32 {
    let z: f32 = x.iter().zip(WEIGHTS).map(|(a, w)| a * w).sum();
    let p = 1.0 / (1.0 + (-z).exp());
    (p * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::{confidence, features, Evidence};
    use crate::text::Quote;

    fn quote(flags: &[&str]) -> Quote {
        Quote {
            index: 0,
            text: "…".into(),
            speech: true,
            kind: "direct".into(),
            speaker: Some("زيد".into()),
            cue: Some("وقال".into()),
            confidence: 0.9,
            paragraph: 0,
            paragraph_end: 0,
            sentences: vec![],
            start: 0,
            end: 0,
            flags: flags.iter().map(|f| f.to_string()).collect(),
        }
    }

    fn sure(q: &Quote, probability: f32) -> f32 {
        confidence(&features(&Evidence {
            quote: q,
            nobody: false,
            probability,
            changed: false,
            candidates: 5,
            nameness: &[],
        }))
    }

    #[test]
    fn the_confidence_rises_with_the_pass_and_falls_with_an_unclosed_quote() {
        let plain = quote(&[]);
        let (low, high) = (sure(&plain, 0.2), sure(&plain, 0.9));
        assert!((0.0..=1.0).contains(&low) && low < high, "{low} {high}");
        assert!(sure(&quote(&["unclosed"]), 0.9) < high);
    }
}
