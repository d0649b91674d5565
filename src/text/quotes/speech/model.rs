//! A learned second look at speech or not.
//!
//! The rules of `speech.rs` decide from a few context words and the quote's length; where they
//! hesitate (a word or two in marks, no cue, a cue far away) annotators often read partial
//! speech that the rules call a scare quote, and the other way round. A logistic model weighs
//! the rules' verdict together with the evidence they look at (the quote's length, its cue and
//! how far it is, the complementisers, colons and prepositions around it) and learned weights
//! of single words: the two words before the opening mark, the word after the closing one, the
//! quote's first and last words and the cue. `scripts/train_speech_classifier.py` reads the
//! features from `tarjama segment --speech-features`, fits the weights on the annotated pages
//! and writes them here (`WEIGHTS`) and to `speech_weights.tsv`.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::{group_or_bare, Context, Verdict};
use crate::text::quotes::lexicon::{complementisers, given_name, looks_like_person, CueKind};
use crate::text::quotes::words::has_article;

/// Number of dense features.
pub(crate) const FEATURES: usize = 50;

/// The probability of speech from which words the rules call no speech are speech.
pub(crate) const FLIP_TO_SPEECH: f32 = 0.4;

/// The probability of speech below which words the rules call speech are not. The rules keep
/// their verdict between the two: held out by rounds (on the 14,891 marked quotes of 3,762
/// annotated pages that the model judges), this finds 137 more of the speech than the rules
/// with 78 fewer false ones (F1 0.947 → 0.957); a single threshold of 0.4 does as well (0.959),
/// but then overrules the rules on clauses such as `أن "المجلس منحل"` at 0.33, and one of 0.3
/// reads the sample page's `"قسد"`, a name, as speech.
pub(crate) const KEEP_SPEECH: f32 = 0.3;

/// Weights of the dense features (see [`features`] for their order), printed by
/// `scripts/train_speech_classifier.py --rust`.
const WEIGHTS: [f32; FEATURES] = [
    -0.158968, // bias
    -0.40144,  // the rules: speech
    0.521459,  // the rules: a name
    1.119245,  // the rules: a scare quote
    -1.239264, // the rules: a title
    -3.829881, // the rules' confidence in no speech
    -0.876785, // the cue's quoted subject
    -1.519908, // one word
    -1.11327,  // two words
    -1.317116, // three words
    -1.355996, // four words
    -0.195521, // five to seven words
    0.36324,   // words (log)
    1.512963,  // a cue
    0.01642,   // cue: a verb
    0.994837,  // cue: describing
    1.018016,  // cue: a participle
    0.233273,  // cue: a verbal noun
    -0.716556, // cue: according to
    -0.405616, // cue: an adverbial
    0.372589,  // cue: a statement
    0.0,       // cue: a stance verb
    -0.079568, // the cue after it or in another paragraph
    0.27484,   // the cue within three words
    0.103634,  // words from the cue (/20)
    1.717863,  // a headline's marked statement
    2.090367,  // in a headline's statement
    0.623429,  // after a colon
    -0.285951, // after lam
    0.452842,  // ends its clause
    0.546652,  // before a complementiser
    0.933641,  // right after a complementiser
    1.213976,  // a complementiser further back
    1.174547,  // a describing verb before
    1.102208,  // after bi-annahu
    0.006653,  // after bi-
    0.372952,  // reads as a name
    -0.004152, // the first word with the article
    -0.369858, // after a preposition
    -1.569307, // looks like a person's name
    -1.09779,  // a given name first
    -0.689087, // a digit
    -0.291068, // short: right after a complementiser
    -0.381102, // short: a complementiser further back
    0.220089,  // short: after a preposition
    -0.698552, // short: a cue
    -0.040267, // short: the cue within three words
    -1.238339, // short: ends its clause
    1.056093,  // short: after a colon
    0.401026,  // short: reads as a name
];

/// The key weights: one `key<TAB>weight` line each, `#` lines are comments.
const KEY_WEIGHTS: &str = include_str!("speech_weights.tsv");

/// The key weights, parsed once.
fn key_weights() -> &'static HashMap<String, f32> {
    static MAP: OnceLock<HashMap<String, f32>> = OnceLock::new();
    MAP.get_or_init(|| {
        KEY_WEIGHTS
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let (k, w) = l.split_once('\t')?;
                Some((k.to_string(), w.trim().parse().ok()?))
            })
            .collect()
    })
}

/// What the model reads of one quote: the dense features and the word keys.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Evidence {
    /// The dense features, in the order of [`features`].
    pub features: Vec<f32>,
    /// The word keys: `p:` and `pp:` the words before the opening mark, `n:` the word after
    /// the closing one (`<p>` for punctuation, `<end>` at the paragraph's end), `f:` and `l:`
    /// the quote's first and last words, `c:` the cue (`<none>`), and for a quote of a word or
    /// two `s:` the word before it again (such quotes read otherwise after the same word).
    pub keys: Vec<String>,
}

/// Prepositions after which a short quote names a place, a body or a topic.
const PREPOSITIONS: &[&str] = &[
    "في", "فى", "من", "مع", "لدى", "داخل", "امام", "بشان", "حول", "وفي", "عن", "على", "الى",
];

/// The evidence on a quote with context `ctx`, which the rules judged `verdict`.
pub(crate) fn features(ctx: &Context, verdict: Verdict) -> Evidence {
    let n = ctx.words.len();
    let prev = ctx.before.last().map(String::as_str);
    let (rules_speech, kind, conf) = match verdict {
        Verdict::Speech => (true, "", 0.0),
        Verdict::Other(kind, conf) => (false, kind, conf),
    };
    let cue_kind = |k: CueKind| f32::from(ctx.cue.is_some_and(|(c, _)| c == k));
    let distance = ctx.cue.map_or(0, |(_, d)| d);
    let compl = |w: &String| complementisers().contains(w);
    let right_after_compl = ctx.before.last().is_some_and(compl);
    let describing = ctx
        .before
        .iter()
        .any(|w| w.starts_with("وصف") || w.starts_with("واصف") || w == "يصف");
    let flag = f32::from;
    let short = n <= 2;
    let features = vec![
        1.0,
        flag(rules_speech),
        flag(kind == "name"),
        flag(kind == "scare"),
        flag(kind == "title"),
        conf,
        flag(ctx.subject_name),
        flag(n == 1),
        flag(n == 2),
        flag(n == 3),
        flag(n == 4),
        flag((5..=7).contains(&n)),
        (1.0 + n as f32).ln(),
        flag(ctx.cue.is_some()),
        cue_kind(CueKind::Verb),
        cue_kind(CueKind::Describe),
        cue_kind(CueKind::Participle),
        cue_kind(CueKind::Noun),
        cue_kind(CueKind::According),
        cue_kind(CueKind::Adverbial),
        cue_kind(CueKind::Statement),
        cue_kind(CueKind::Stance),
        flag(ctx.cue.is_some() && distance == 0),
        flag(ctx.cue.is_some() && (1..=3).contains(&distance)),
        distance.min(20) as f32 / 20.0,
        flag(ctx.headline),
        flag(ctx.in_statement),
        flag(ctx.after_colon),
        flag(ctx.after_lam),
        flag(ctx.ends_clause),
        flag(ctx.before_complementiser),
        flag(right_after_compl),
        flag(!right_after_compl && ctx.before.iter().any(compl)),
        flag(describing),
        flag(prev.is_some_and(|w| matches!(w, "بانه" | "بانها" | "بانهم"))),
        flag(prev == Some("ب")),
        flag(group_or_bare(ctx)),
        flag(ctx.words.first().is_some_and(|w| has_article(w))),
        flag(prev.is_some_and(|w| PREPOSITIONS.contains(&w))),
        flag(looks_like_person(&ctx.words)),
        flag(ctx.words.first().is_some_and(|w| given_name(w).is_some())),
        flag(ctx.words.iter().any(|w| w.chars().any(char::is_numeric))),
        // A word or two in marks reads otherwise than a clause: right after a complementiser
        // it is the reported clause's subject (`أن "قسد" تمر`), not its words.
        flag(short && right_after_compl),
        flag(short && !right_after_compl && ctx.before.iter().any(compl)),
        flag(short && prev.is_some_and(|w| PREPOSITIONS.contains(&w))),
        flag(short && ctx.cue.is_some()),
        flag(short && ctx.cue.is_some() && (1..=3).contains(&distance)),
        flag(short && ctx.ends_clause),
        flag(short && ctx.after_colon),
        flag(short && group_or_bare(ctx)),
    ];
    debug_assert_eq!(features.len(), FEATURES);
    let or_none = |w: Option<&String>| w.map_or("<none>", String::as_str).to_string();
    let mut keys = vec![
        format!("p:{}", or_none(ctx.before.last())),
        format!("pp:{}", or_none(ctx.before.iter().rev().nth(1))),
        format!("n:{}", ctx.next.as_deref().unwrap_or("<end>")),
        format!("c:{}", or_none(ctx.cue_word.as_ref())),
    ];
    if let (Some(first), Some(last)) = (ctx.words.first(), ctx.words.last()) {
        keys.push(format!("f:{first}"));
        if n >= 2 {
            keys.push(format!("l:{last}"));
        }
    }
    if short {
        keys.push(format!("s:{}", or_none(ctx.before.last())));
    }
    Evidence { features, keys }
}

/// The model's probability that the quote with this evidence is speech.
pub(crate) fn probability(e: &Evidence) -> f32 {
    let dense: f32 = e.features.iter().zip(WEIGHTS).map(|(x, w)| x * w).sum();
    let words: f32 = e.keys.iter().filter_map(|k| key_weights().get(k)).sum();
    1.0 / (1.0 + (-(dense + words)).exp())
}

/// The verdict on a quote after the model's look: speech when its probability reaches
/// [`FLIP_TO_SPEECH`] ([`KEEP_SPEECH`] for words the rules call speech); otherwise the rules' kind (or, where the rules said speech, `name` for a
/// quote that reads as a name and `scare` else), with the confidence that it is not speech.
pub(crate) fn decide(ctx: &Context, rules: Verdict, e: &Evidence) -> Verdict {
    let p = probability(e);
    let needed = if rules == Verdict::Speech {
        KEEP_SPEECH
    } else {
        FLIP_TO_SPEECH
    };
    if p >= needed {
        return Verdict::Speech;
    }
    let kind = match rules {
        Verdict::Other(kind, _) => kind,
        Verdict::Speech if group_or_bare(ctx) => "name",
        Verdict::Speech => "scare",
    };
    Verdict::Other(kind, 1.0 - p)
}

/// One quote's evidence as the training script reads it (`tarjama segment --speech-features`).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct SpeechRow {
    /// Byte offset of the quote's opening mark in the input.
    pub start: usize,
    /// The quote's content, as [`crate::text::Quote::text`] gives it.
    pub text: String,
    /// The rules' own verdict: speech or not.
    pub rules_speech: bool,
    /// What the model reads.
    #[serde(flatten)]
    pub evidence: Evidence,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::quotes::speech::classify;
    use crate::text::quotes::words::norm;

    fn ctx(content: &str, before: &[&str], cue: Option<(CueKind, usize, &str)>) -> Context {
        Context {
            words: content.split_whitespace().map(norm).collect(),
            before: before.iter().map(|w| norm(w)).collect(),
            cue: cue.map(|(k, d, _)| (k, d)),
            cue_word: cue.map(|(_, _, w)| norm(w)),
            ..Context::default()
        }
    }

    /// The model's verdict after the rules'.
    fn verdict(c: &Context) -> Verdict {
        let rules = classify(c);
        decide(c, rules, &features(c, rules))
    }

    #[test]
    fn evidence_has_every_feature_and_the_documented_keys() {
        let mut c = ctx(
            "لن نتخلى عن شعبنا",
            &["وقال", "الوزير", "ان"],
            Some((CueKind::Verb, 2, "وقال")),
        );
        c.next = Some("<p>".to_string());
        let e = features(&c, classify(&c));
        assert_eq!(e.features.len(), FEATURES);
        assert!(e.features.iter().all(|x| x.is_finite()));
        let key = |slot: &str, w: &str| format!("{slot}:{}", norm(w));
        assert_eq!(
            e.keys,
            [
                key("p", "ان"),
                key("pp", "الوزير"),
                "n:<p>".to_string(),
                key("c", "وقال"),
                key("f", "لن"),
                key("l", "شعبنا"),
            ]
        );
        let bare = ctx("قسد", &[], None);
        assert_eq!(
            features(&bare, classify(&bare)).keys,
            [
                "p:<none>",
                "pp:<none>",
                "n:<end>",
                "c:<none>",
                &key("f", "قسد"),
                "s:<none>",
            ]
        );
    }

    #[test]
    fn the_model_keeps_clear_cases_as_the_rules_judge_them() {
        // A whole statement after a cue and a colon is speech.
        let mut c = ctx(
            "لن نسمح بتكرار ما حدث في المدينة مرة أخرى",
            &["وقال", "الوزير"],
            Some((CueKind::Verb, 1, "وقال")),
        );
        c.after_colon = true;
        assert_eq!(verdict(&c), Verdict::Speech);
        // What "so-called" introduces and the title of a programme are not.
        let so_called = ctx("المرحلة الانتقالية", &["ما", "يسمى"], None);
        assert!(matches!(verdict(&so_called), Verdict::Other("scare", _)));
        let programme = ctx("التاسعة", &["لبرنامج"], None);
        assert!(matches!(verdict(&programme), Verdict::Other("title", _)));
    }

    #[test]
    fn words_a_speaker_used_are_speech_where_the_rules_call_them_scare_quotes() {
        // (From a real page: the observatory's head sees Syria's future «حالكا» and denounces
        // the «نفاق» of the international community, words of his, by a participle's cue.)
        let text = "وقال رامي عبد الرحمن إن هدف المرصد هو الدفاع عن حقوق الانسان، مضيفا انه يرى \
                    المستقبل في سورية «حالكا»، ومنددا بـ «نفاق» المجموعة الدولية.";
        let options = crate::text::Options::default();
        let rows = crate::text::speech_features(text, &options);
        assert_eq!(rows.len(), 2);
        assert!(rows.iter().all(|r| !r.rules_speech), "{rows:?}");
        let quotes = crate::text::analyze(text, &options).quotes;
        for q in &quotes {
            assert!(q.speech, "{q:?}");
            assert_eq!(q.speaker.as_deref(), Some("رامي عبد الرحمن"));
        }
    }

    #[test]
    fn every_key_weight_line_parses() {
        let lines: Vec<&str> = KEY_WEIGHTS
            .lines()
            .filter(|l| !l.starts_with('#'))
            .collect();
        for (n, l) in lines.iter().enumerate() {
            let parsed = l
                .split_once('\t')
                .and_then(|(_, w)| w.trim().parse::<f32>().ok());
            assert!(
                parsed.is_some_and(f32::is_finite),
                "line {} of speech_weights.tsv: {l:?}",
                n + 1
            );
        }
        assert_eq!(key_weights().len(), lines.len());
        assert!(lines.len() > 100);
    }
}
