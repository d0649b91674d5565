//! A learned second look at the speakers of a page's speech quotes.
//!
//! The rules attribute each quote on its own; this pass weighs each rule-given speaker against
//! the speakers of nearby quotes, the people the page writes as speaking just before the quote
//! (its voices: the subjects of reporting cues, quoted or not) and nobody, with a logistic
//! model over features of the page's sequence of speakers and voices. The features are
//! computed here only; `scripts/train_speaker_reranker.py` reads them from `tarjama segment
//! --speaker-features`, fits the weights and measures the pass on rounds of pages held out of
//! training.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use crate::text::quotes::Voice;
use crate::text::Quote;

/// How many speech quotes before and after a quote give it candidate speakers.
const WINDOW: usize = 50;

/// Weights of the features (in the order of [`features`]), printed by the training script
/// (`--rust`) from all 2,034 annotated pages. Held out by rounds, the pass lifts speaker
/// accuracy on every round (all six: 0.762 → 0.771).
const WEIGHTS: [f32; FEATURES] = [
    0.709994,  // the rules' own speaker
    2.585763,  // … times the rules' confidence
    0.388577,  // the quote has no cue
    0.111112,  // nobody
    0.487577,  // the candidate's share of the page's speech quotes
    -0.369951, // distance to its last quote before
    0.055773,  // distance to its next quote after
    0.539623,  // the previous quote's speaker
    0.696486,  // the next quote's speaker
    0.993437,  // words in the candidate (/5)
    -2.192899, // the candidate opens with a title
    1.1265,    // the rules' speaker opens with a title
    0.437844,  // the rules' own speaker, no cue
    -1.015255, // the previous quote's speaker, no cue
    1.63122,   // the rules found nobody
    -0.800565, // the rules' own speaker, opening with a title
    -0.096078, // rank among the voices just before
    -0.068487, // a voice in the quote's paragraph before it
    2.700851,  // the candidate's share of the page's voices
];
/// The model's bias.
const BIAS: f32 = -3.857907;

/// Title and statement words that open a role rather than a name.
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

/// How many features each candidate has.
pub const FEATURES: usize = 19;

/// How many distinct voices before a quote give it candidate speakers.
const VOICES_BEFORE: usize = 8;

/// How many voices back the search for them goes (a bound for pages of thousands).
const VOICES_LOOKBACK: usize = 64;

/// The candidate speakers of one speech quote with their features, the rules' own first.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Candidates {
    /// Index of the quote among the page's quotes.
    pub quote: usize,
    /// Each candidate: the speaker as the page writes it (`None` for nobody) and its features.
    pub candidates: Vec<(Option<String>, Vec<f32>)>,
}

/// A page's speakers and voices, folded, for computing features.
struct Page {
    /// Folded speaker of each speech quote, in order.
    spk: Vec<Option<String>>,
    /// Quotes given to each folded speaker.
    counts: HashMap<String, usize>,
    /// Voices: byte offset, paragraph, folded speaker and as written.
    voices: Vec<(usize, usize, Option<String>, Option<String>)>,
    /// Voices of each folded speaker.
    voice_counts: HashMap<String, usize>,
}

/// The features of candidate `c` for the speech quote `quote` at position `k` of the page's
/// speakers (`before_voices`: the distinct folded speakers of the voices just before the
/// quote, the nearest first; `paragraph_voices`: those of its paragraph before it).
fn features(
    page: &Page,
    quote: &Quote,
    k: usize,
    before_voices: &[Option<&str>],
    paragraph_voices: &[Option<&str>],
    c: Option<&str>,
) -> [f32; FEATURES] {
    let spk = &page.spk;
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
        page.counts.get(c).copied().unwrap_or(0) as f32 / spk.len().max(1) as f32
    });
    let voice_rank = before_voices
        .iter()
        .position(|&v| v == c)
        .unwrap_or(VOICES_BEFORE);
    let in_paragraph = paragraph_voices.contains(&c);
    let voice_share = c.map_or(0.0, |c| {
        page.voice_counts.get(c).copied().unwrap_or(0) as f32 / page.voices.len().max(1) as f32
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
        voice_rank as f32 / VOICES_BEFORE as f32,
        flag(in_paragraph),
        voice_share,
    ]
}

fn score(f: &[f32]) -> f32 {
    BIAS + f.iter().zip(WEIGHTS).map(|(x, w)| x * w).sum::<f32>()
}

/// The candidates of every speech quote of one page (quotes and voices in document order).
pub(crate) fn candidates(quotes: &[Quote], voices: &[Voice]) -> Vec<Candidates> {
    let speech: Vec<usize> = (0..quotes.len()).filter(|&i| quotes[i].speech).collect();
    let spk: Vec<Option<String>> = speech
        .iter()
        .map(|&i| quotes[i].speaker.as_deref().map(fold))
        .collect();
    let mut counts: HashMap<String, usize> = HashMap::new();
    for s in spk.iter().flatten() {
        *counts.entry(s.clone()).or_default() += 1;
    }
    let mut voice_counts: HashMap<String, usize> = HashMap::new();
    let voices: Vec<(usize, usize, Option<String>, Option<String>)> = voices
        .iter()
        .map(|v| {
            let folded = v.speaker.as_deref().map(fold);
            if let Some(f) = &folded {
                *voice_counts.entry(f.clone()).or_default() += 1;
            }
            (v.at, v.paragraph, folded, v.speaker.clone())
        })
        .collect();
    let page = Page {
        spk,
        counts,
        voices,
        voice_counts,
    };
    let mut out = Vec::with_capacity(speech.len());
    for (k, &qi) in speech.iter().enumerate() {
        let quote = &quotes[qi];
        // Words in marks inside a sentence with no cue (`تقارير عن "…"`), which the rules give
        // to nobody in particular, are left so; so are an anonymous source's (`وقال مسؤول
        // إسرائيلي`).
        let nobodys = quote.speaker.is_none() && quote.cue.is_none() && quote.confidence <= 0.3;
        let anonymous = quote.flags.iter().any(|f| f == "anonymous_source");
        if nobodys || anonymous {
            out.push(Candidates {
                quote: qi,
                candidates: vec![(None, features(&page, quote, k, &[], &[], None).to_vec())],
            });
            continue;
        }
        let spk = &page.spk;
        let (lo, hi) = (k.saturating_sub(WINDOW), (k + WINDOW + 1).min(spk.len()));
        // The voices just before the quote: their distinct speakers, the nearest first.
        let vlo = page.voices.partition_point(|v| v.0 < quote.start);
        let mut before_voices: Vec<Option<&str>> = Vec::new();
        let mut voice_surface: Vec<Option<&str>> = Vec::new();
        let paragraph_voices: Vec<Option<&str>> = page.voices[..vlo]
            .iter()
            .rev()
            .take(VOICES_LOOKBACK)
            .take_while(|v| v.1 == quote.paragraph)
            .map(|v| v.2.as_deref())
            .collect();
        for v in page.voices[..vlo].iter().rev().take(VOICES_LOOKBACK) {
            if before_voices.len() == VOICES_BEFORE {
                break;
            }
            if !before_voices.contains(&v.2.as_deref()) {
                before_voices.push(v.2.as_deref());
                voice_surface.push(v.3.as_deref());
            }
        }
        // Candidates with the page's spelling: the rules' own, the speakers of nearby quotes
        // (the nearest first), the voices before it, and nobody.
        let mut cands: Vec<(Option<&str>, Option<&str>)> =
            vec![(spk[k].as_deref(), quote.speaker.as_deref())];
        let mut near: Vec<usize> = (lo..hi).filter(|&j| j != k).collect();
        near.sort_by_key(|&j| j.abs_diff(k));
        for j in near {
            let f = spk[j].as_deref();
            if f.is_some() && !cands.iter().any(|c| c.0 == f) {
                cands.push((f, quotes[speech[j]].speaker.as_deref()));
            }
        }
        for (&f, &surface) in before_voices.iter().zip(&voice_surface) {
            if f.is_some() && !cands.iter().any(|c| c.0 == f) {
                cands.push((f, surface));
            }
        }
        if !cands.iter().any(|c| c.0.is_none()) {
            cands.push((None, None));
        }
        out.push(Candidates {
            quote: qi,
            candidates: cands
                .into_iter()
                .map(|(f, surface)| {
                    let x = features(&page, quote, k, &before_voices, &paragraph_voices, f);
                    (surface.map(str::to_string), x.to_vec())
                })
                .collect(),
        });
    }
    out
}

/// Re-rank the speakers of the speech quotes of one page (quotes and voices in document
/// order).
///
/// A quote keeps its speaker unless another candidate scores strictly higher; a changed
/// speaker is written as the page wrote it, with the model's probability as the quote's
/// confidence.
pub(crate) fn rerank(quotes: &mut [Quote], voices: &[Voice]) {
    for c in candidates(quotes, voices) {
        let mut best: Option<(f32, usize)> = None;
        for (i, (_, x)) in c.candidates.iter().enumerate() {
            let s = score(x);
            if best.is_none_or(|(b, _)| s > b) {
                best = Some((s, i));
            }
        }
        if let Some((s, i)) = best.filter(|&(_, i)| i > 0) {
            let p = 1.0 / (1.0 + (-s).exp());
            quotes[c.quote].speaker = c.candidates[i].0.clone();
            quotes[c.quote].confidence = (p * 100.0).round() / 100.0;
        }
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
        rerank(&mut qs, &[]);
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
        rerank(&mut qs, &[]);
        assert_eq!(qs, before);
    }

    #[test]
    fn speakers_fold_to_one_spelling() {
        assert_eq!(fold("أحمد  عبد الله"), "احمد عبدالله");
        assert_eq!(fold("عبد العزيز بن سلمان"), "عبدالعزيز بن سلمان");
        assert_eq!(fold("زيلينسكى"), "زيلينسكي");
        assert_eq!(fold("مُحَمَّد"), "محمد");
    }
}
