//! A learned second look at the speakers of a page's speech quotes.
//!
//! The rules attribute each quote on its own; this pass weighs each rule-given speaker against
//! the other speakers of nearby quotes (and nobody), with a logistic model over a few features
//! of the page's sequence of speakers: how close the candidate's other quotes are, whether the
//! quote has a cue, whether the candidate reads as a role. The weights were trained on
//! annotated real-news pages by `scripts/train_speaker_reranker.py`, which also measures the
//! pass on rounds of pages held out of training. The features and the folding of names below
//! must stay exactly those of that script.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use crate::text::Quote;

/// How many speech quotes before and after a quote give it candidate speakers.
const WINDOW: usize = 50;

/// Weights of the features (in the order of [`features`]), printed by the training script
/// (`--rust`) from all 2,034 annotated pages; held out by rounds, the pass lifted speaker
/// accuracy on every round (all six: 0.762 → 0.768).
const WEIGHTS: [f32; 16] = [
    0.510738,  // the rules' own speaker
    3.094707,  // … times the rules' confidence
    0.505921,  // the quote has no cue
    0.233651,  // nobody
    2.388585,  // the candidate's share of the page's speech quotes
    -0.726363, // distance to the candidate's last quote before
    -0.153298, // distance to its next quote after
    0.400508,  // the previous quote's speaker
    0.619302,  // the next quote's speaker
    1.006744,  // words in the candidate (/5)
    -2.40621,  // the candidate opens with a title
    1.181065,  // the rules' speaker opens with a title
    0.650252,  // the rules' own speaker, no cue
    -1.022544, // the previous quote's speaker, no cue
    1.07819,   // the rules found nobody
    -0.698652, // the rules' own speaker, opening with a title
];
/// The model's bias.
const BIAS: f32 = -3.444467;

/// Title and statement words that open a role rather than a name (as in the training script).
const TITLE_WORDS: &[&str] = &[
    "الرئيس",
    "الوزير",
    "وزير",
    "رئيس",
    "الناطق",
    "المتحدث",
    "مدير",
    "المدير",
    "السفير",
    "الأمين",
    "أمين",
    "نائب",
    "النائب",
    "القائد",
    "قائد",
    "المستشار",
    "مستشار",
    "الأمير",
    "الملك",
    "العاهل",
    "المفوض",
    "المبعوث",
    "المندوب",
    "محافظ",
    "المحافظ",
    "مساعد",
    "الشيخ",
    "رئيسة",
    "وزيرة",
    "الوزيرة",
    "مديرة",
    "عضو",
    "اللواء",
    "العقيد",
    "العميد",
    "المدرب",
    "مدرب",
    "اللاعب",
    "لاعب",
    "الصحيفة",
    "الوكالة",
    "البيان",
    "الوزارة",
];

fn title_words() -> &'static HashSet<String> {
    static SET: OnceLock<HashSet<String>> = OnceLock::new();
    SET.get_or_init(|| TITLE_WORDS.iter().map(|w| fold(w)).collect())
}

/// A speaker's spelling folded for comparison: no diacritics or tatweel, one alef, `ى` as `ي`,
/// Persian letters as Arabic ones, `عبد`/`ابو` joined to the next word, single spaces.
fn fold(s: &str) -> String {
    let letters: String = s
        .chars()
        .filter(|&c| {
            !matches!(c, '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}')
                && !matches!(c, '\u{06D6}'..='\u{06ED}' | '\u{0640}')
        })
        .map(|c| match c {
            'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
            'ى' => 'ي',
            'ک' => 'ك',
            'ی' => 'ي',
            c => c,
        })
        .collect();
    let mut out = String::with_capacity(letters.len());
    let mut join = false;
    for w in letters.split_whitespace() {
        if !out.is_empty() && !join {
            out.push(' ');
        }
        out.push_str(w);
        join = !join && matches!(w, "عبد" | "ابو");
    }
    out
}

/// The features of candidate `c` for the speech quote at position `k` of the page's speakers
/// `spk` (folded; `None` for nobody).
fn features(
    spk: &[Option<String>],
    counts: &HashMap<&str, usize>,
    quote: &Quote,
    k: usize,
    c: Option<&str>,
) -> [f32; 16] {
    let s0 = spk[k].as_deref();
    let (lo, hi) = (k.saturating_sub(WINDOW), (k + WINDOW + 1).min(spk.len()));
    let is = |j: usize| spk[j].as_deref() == c;
    let before = (lo..k).rev().find(|&j| is(j)).map_or(WINDOW, |j| k - j);
    let after = (k + 1..hi).find(|&j| is(j)).map_or(WINDOW, |j| j - k);
    let titled = |x: Option<&str>| {
        x.and_then(|x| x.split(' ').next())
            .is_some_and(|w| title_words().contains(w))
    };
    let flag = |b: bool| if b { 1.0 } else { 0.0 };
    let pick = flag(c == s0);
    let no_cue = flag(quote.cue.is_none());
    let previous = flag(k > 0 && is(k - 1));
    let next = flag(k + 1 < spk.len() && is(k + 1));
    let share = c.map_or(0.0, |c| {
        counts.get(c).copied().unwrap_or(0) as f32 / spk.len().max(1) as f32
    });
    [
        pick,
        pick * quote.confidence,
        no_cue,
        flag(c.is_none()),
        share,
        before.min(WINDOW) as f32 / WINDOW as f32,
        after.min(WINDOW) as f32 / WINDOW as f32,
        previous,
        next,
        c.map_or(0, |c| c.split(' ').count()) as f32 / 5.0,
        flag(titled(c)),
        flag(titled(s0)),
        pick * no_cue,
        previous * no_cue,
        flag(s0.is_none()),
        pick * flag(titled(s0)),
    ]
}

fn score(f: &[f32; 16]) -> f32 {
    BIAS + f.iter().zip(WEIGHTS).map(|(x, w)| x * w).sum::<f32>()
}

/// Re-rank the speakers of the speech quotes of one page (quotes in document order).
///
/// A quote keeps its speaker unless another candidate scores strictly higher; a changed
/// speaker is written as the page wrote it for the nearest quote it was given to, with the
/// model's probability as the quote's confidence.
pub(crate) fn rerank(quotes: &mut [Quote]) {
    let speech: Vec<usize> = (0..quotes.len()).filter(|&i| quotes[i].speech).collect();
    let spk: Vec<Option<String>> = speech
        .iter()
        .map(|&i| quotes[i].speaker.as_deref().map(fold))
        .collect();
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for s in spk.iter().flatten() {
        *counts.entry(s.as_str()).or_default() += 1;
    }
    let mut changes: Vec<(usize, Option<String>, f32)> = Vec::new();
    for (k, &qi) in speech.iter().enumerate() {
        let quote = &quotes[qi];
        let (lo, hi) = (k.saturating_sub(WINDOW), (k + WINDOW + 1).min(spk.len()));
        let own = spk[k].as_deref();
        let mut candidates: Vec<Option<&str>> = vec![own];
        for s in spk[lo..hi].iter().flatten() {
            if !candidates.contains(&Some(s.as_str())) {
                candidates.push(Some(s.as_str()));
            }
        }
        if !candidates.contains(&None) {
            candidates.push(None);
        }
        let mut best = (score(&features(&spk, &counts, quote, k, own)), own);
        for &c in &candidates[1..] {
            let s = score(&features(&spk, &counts, quote, k, c));
            if s > best.0 {
                best = (s, c);
            }
        }
        if best.1 != own {
            // The page's own spelling of the chosen speaker, from its nearest quote.
            let surface = best.1.and_then(|c| {
                (lo..hi)
                    .filter(|&j| spk[j].as_deref() == Some(c))
                    .min_by_key(|&j| j.abs_diff(k))
                    .and_then(|j| quotes[speech[j]].speaker.clone())
            });
            let p = 1.0 / (1.0 + (-best.0).exp());
            changes.push((qi, surface, (p * 100.0).round() / 100.0));
        }
    }
    for (qi, speaker, confidence) in changes {
        quotes[qi].speaker = speaker;
        quotes[qi].confidence = confidence;
    }
}

#[cfg(test)]
mod tests {
    use super::{fold, rerank};
    use crate::text::Quote;

    fn quote(speaker: Option<&str>, cue: Option<&str>, confidence: f32) -> Quote {
        Quote {
            index: 0,
            text: "…".into(),
            speech: true,
            kind: "direct".into(),
            speaker: speaker.map(str::to_string),
            cue: cue.map(str::to_string),
            confidence,
            paragraph: 0,
            paragraph_end: 0,
            sentences: vec![],
            start: 0,
            end: 0,
            flags: vec![],
        }
    }

    #[test]
    fn a_bare_role_among_a_named_speakers_quotes_becomes_that_speaker() {
        let name = Some("محمد أبو سلمية");
        let mut qs = vec![
            quote(name, Some("وقال"), 0.9),
            quote(name, Some("وأضاف"), 0.6),
            quote(Some("المدير"), Some("وتابع"), 0.6),
            quote(name, Some("وأوضح"), 0.9),
        ];
        rerank(&mut qs);
        assert_eq!(qs[2].speaker.as_deref(), name);
        // The confidence is now the model's.
        assert!((0.0..=1.0).contains(&qs[2].confidence) && qs[2].confidence != 0.6);
        // Confident speakers of their own cues stay.
        assert_eq!(qs[0].speaker.as_deref(), name);
        assert_eq!(qs[3].confidence, 0.9);
    }

    #[test]
    fn two_speakers_each_with_their_cues_keep_their_quotes() {
        let (a, b) = (Some("محمد أبو سلمية"), Some("فيليب لازاريني"));
        let mut qs = vec![
            quote(a, Some("وقال"), 0.9),
            quote(b, Some("وقال"), 0.9),
            quote(a, Some("وأضاف"), 0.9),
            quote(b, Some("وأضاف"), 0.9),
        ];
        let before = qs.clone();
        rerank(&mut qs);
        assert_eq!(qs, before);
    }

    #[test]
    fn folding_matches_the_training_script() {
        assert_eq!(fold("أحمد  عبد الله"), "احمد عبدالله");
        assert_eq!(fold("عبد العزيز بن سلمان"), "عبدالعزيز بن سلمان");
        assert_eq!(fold("زيلينسكى"), "زيلينسكي");
        assert_eq!(fold("مُحَمَّد"), "محمد");
    }
}
