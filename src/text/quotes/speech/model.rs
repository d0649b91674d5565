//! A learned second look at speech or not.
//!
//! The rules of `speech.rs` decide from a few context words and the quote's length; where they
//! hesitate (a word or two in marks, no cue, a cue far away) annotators often read partial
//! speech that the rules call a scare quote, and the other way round. A logistic model weighs
//! the rules' verdict together with the evidence they look at (the quote's length, its cue and
//! how far it is, the complementisers, colons and prepositions around it) and learned weights
//! of single words: the two words before the opening mark, the word after the closing one, the
//! quote's first and last words, the cue, and for a quote of a word or two the word before it
//! again. `scripts/train_speech_classifier.py` reads the features from `tarjama segment
//! --speech-features`, fits the weights on the annotated pages, prints the dense ones to paste
//! here (`WEIGHTS`) and writes the words' to `speech_weights.tsv`.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::{
    after_by_that, complementiser_further_back, describing, group_or_bare,
    right_after_complementiser, Context, Verdict,
};
use crate::text::quotes::lexicon::{given_name, looks_like_person, CueKind, PREPOSITIONS};
use crate::text::quotes::words::has_article;

/// Number of dense features.
pub(crate) const FEATURES: usize = 49;

/// The probability of speech from which words the rules call no speech are speech.
pub(crate) const FLIP_TO_SPEECH: f32 = 0.4;

/// The probability of speech below which words the rules call speech are not. The rules keep
/// their verdict between the two: held out by rounds (on the 16,272 marked quotes of 4,194
/// annotated pages that the model judges), this finds 139 more of the speech than the rules
/// with 88 fewer false ones (F1 0.949 → 0.958). A single threshold of 0.3 finds 56 more
/// (F1 0.957; 2 more speakers right on batches 53–54 and 57–58) but reads a scare quote inside
/// a reported clause (`إن الحديث عن "الجحيم" مبالغ فيه`) as speech; one of 0.4 overrules the
/// rules on clauses such as `أن "المجلس منحل"`.
pub(crate) const KEEP_SPEECH: f32 = 0.3;

/// Weights of the dense features (see [`features`] for their order), printed by
/// `scripts/train_speech_classifier.py --rust`.
const WEIGHTS: [f32; FEATURES] = [
    1.867315,  // bias
    -0.367145, // the rules: speech
    0.592313,  // the rules: a name
    1.126335,  // the rules: a scare quote
    -1.351502, // the rules: a title
    -3.924664, // the rules' confidence in no speech
    -2.909958, // one word
    -2.213737, // two words
    -2.241485, // three words
    -2.075638, // four words
    -0.749379, // five to seven words
    -0.433582, // words (log)
    1.46915,   // a cue
    0.098132,  // cue: a verb
    0.939984,  // cue: describing
    1.14085,   // cue: a participle
    0.339322,  // cue: a verbal noun
    -0.6962,   // cue: according to
    -0.32974,  // cue: an adverbial
    -0.023197, // cue: a statement
    -0.609933, // the cue after it or in another paragraph
    0.002197,  // the cue right before it
    0.365044,  // the cue within three words
    0.12311,   // words from the cue (/20)
    1.585027,  // a headline's marked statement
    2.122529,  // in a headline's statement
    0.575889,  // after a colon
    -0.302465, // after lam
    0.497948,  // ends its clause
    0.272559,  // before a complementiser
    1.04879,   // right after a complementiser
    1.323519,  // a complementiser further back
    1.184255,  // a describing verb before
    1.109639,  // after bi-annahu
    -0.06394,  // after bi-
    0.287134,  // reads as a name
    -0.122679, // the first word with the article
    -0.632651, // after a preposition
    -1.581458, // looks like a person's name
    -1.087476, // a given name first
    -0.643414, // a digit
    -0.343788, // short: right after a complementiser
    -0.406796, // short: a complementiser further back
    0.129949,  // short: after a preposition
    -0.774017, // short: a cue
    -0.116248, // short: the cue within three words
    -1.297303, // short: ends its clause
    1.083851,  // short: after a colon
    0.407577,  // short: reads as a name
];

/// The key weights: one `key<TAB>weight` line each, `#` lines are comments.
const KEY_WEIGHTS: &str = include_str!("speech_weights.tsv");

/// The key weights, parsed once.
fn key_weights() -> &'static HashMap<String, f32> {
    static MAP: OnceLock<HashMap<String, f32>> = OnceLock::new();
    MAP.get_or_init(|| crate::text::quotes::key_weights::parse(KEY_WEIGHTS))
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

/// The evidence on a quote with context `ctx`, which the rules judged `verdict`.
pub(crate) fn features(ctx: &Context, verdict: Verdict) -> Evidence {
    let n = ctx.word_count;
    let prev = ctx.before.last().map(String::as_str);
    let (rules_speech, kind, conf) = match verdict {
        Verdict::Speech => (true, "", 0.0),
        Verdict::Other(kind, conf) => (false, kind, conf),
    };
    let cue_kind = |k: CueKind| f32::from(ctx.cue.is_some_and(|(c, _)| c == k));
    let cue = ctx.cue.is_some();
    let distance = ctx.cue.map_or(0, |(_, d)| d);
    let right_after_compl = right_after_complementiser(ctx);
    let further_back = complementiser_further_back(ctx);
    let after_preposition = prev.is_some_and(|w| PREPOSITIONS.contains(&w));
    let reads_as_name = group_or_bare(ctx);
    let flag = f32::from;
    let short = n <= 2;
    let features: [f32; FEATURES] = [
        1.0,
        flag(rules_speech),
        flag(kind == "name"),
        flag(kind == "scare"),
        flag(kind == "title"),
        conf,
        flag(n == 1),
        flag(n == 2),
        flag(n == 3),
        flag(n == 4),
        flag((5..=7).contains(&n)),
        (1.0 + n as f32).ln(),
        flag(cue),
        cue_kind(CueKind::Verb),
        cue_kind(CueKind::Describe),
        cue_kind(CueKind::Participle),
        cue_kind(CueKind::Noun),
        cue_kind(CueKind::According),
        cue_kind(CueKind::Adverbial),
        cue_kind(CueKind::Statement),
        flag(ctx.cue_elsewhere),
        flag(cue && !ctx.cue_elsewhere && distance == 0),
        flag(cue && (1..=3).contains(&distance)),
        distance.min(20) as f32 / 20.0,
        flag(ctx.headline),
        flag(ctx.in_statement),
        flag(ctx.after_colon),
        flag(ctx.after_lam),
        flag(ctx.ends_clause),
        flag(ctx.before_complementiser),
        flag(right_after_compl),
        flag(further_back),
        flag(describing(ctx)),
        flag(after_by_that(ctx)),
        flag(prev == Some("ب")),
        flag(reads_as_name),
        flag(ctx.words.first().is_some_and(|w| has_article(w))),
        flag(after_preposition),
        flag(looks_like_person(&ctx.words)),
        flag(ctx.words.first().is_some_and(|w| given_name(w).is_some())),
        flag(ctx.words.iter().any(|w| w.chars().any(char::is_numeric))),
        // A word or two in marks reads otherwise than a clause: right after a complementiser
        // it is the reported clause's subject (`أن "قسد" تمر`), not its words.
        flag(short && right_after_compl),
        flag(short && further_back),
        flag(short && after_preposition),
        flag(short && cue),
        flag(short && cue && (1..=3).contains(&distance)),
        flag(short && ctx.ends_clause),
        flag(short && ctx.after_colon),
        flag(short && reads_as_name),
    ];
    let or_none = |w: Option<&String>| w.map_or("<none>", String::as_str).to_string();
    // (A headline's statement governs its marks as a cue would, with no cue word: `c:<none>`
    // beside "a cue".)
    let mut keys = vec![
        format!("p:{}", or_none(ctx.before.last())),
        format!("pp:{}", or_none(ctx.before.iter().rev().nth(1))),
        format!("n:{}", ctx.next.as_deref().unwrap_or("<end>")),
        format!("c:{}", or_none(ctx.cue_word.as_ref())),
    ];
    if let Some(first) = ctx.words.first() {
        keys.push(format!("f:{first}"));
    }
    if let (true, Some(last)) = (n >= 2, &ctx.last_word) {
        keys.push(format!("l:{last}"));
    }
    if short {
        keys.push(format!("s:{}", or_none(ctx.before.last())));
    }
    Evidence {
        features: features.to_vec(),
        keys,
    }
}

/// The model's probability that the quote with this evidence is speech.
pub(crate) fn probability(e: &Evidence) -> f32 {
    let dense: f32 = e.features.iter().zip(WEIGHTS).map(|(x, w)| x * w).sum();
    let words: f32 = e.keys.iter().filter_map(|k| key_weights().get(k)).sum();
    1.0 / (1.0 + (-(dense + words)).exp())
}

/// The verdict on a quote after the model's look: speech when its probability reaches
/// [`FLIP_TO_SPEECH`] ([`KEEP_SPEECH`] for words the rules call speech); otherwise the rules'
/// kind (or, where the rules said speech, `name` for a quote that reads as a name and `scare`
/// else), with the confidence that it is not speech.
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
        let words: Vec<String> = content.split_whitespace().map(norm).collect();
        Context {
            word_count: words.len(),
            last_word: words.last().cloned(),
            words,
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
    fn the_training_script_names_the_features_in_their_order() {
        // (The script reads the features by position: a name out of place there would fit
        // one feature's weight to another.)
        let script = include_str!("../../../../scripts/train_speech_classifier.py");
        let list = &script[script.find("FEATURES = [").expect("the script's FEATURES")..];
        let list = &list[..list.find("\n]").expect("the end of FEATURES")];
        let names: Vec<&str> = list.split('"').skip(1).step_by(2).collect();
        let source = include_str!("model.rs");
        let block = &source[source.find("const WEIGHTS: [f32; FEATURES] = [").unwrap()..];
        let block = &block[..block.find("];").unwrap()];
        let commented: Vec<&str> = block
            .lines()
            .filter_map(|l| l.split_once("// ").map(|(_, name)| name.trim()))
            .collect();
        assert_eq!(names.len(), FEATURES);
        assert_eq!(commented, names);
    }

    #[test]
    fn every_key_weight_line_parses() {
        crate::text::quotes::key_weights::check(KEY_WEIGHTS, "speech_weights.tsv");
        assert!(!key_weights().is_empty());
    }
}
