//! Small pieces several writers share.

use crate::doc::{Document, Flag, Quote, Sentence};

/// Speakers with a confidence under this are marked for the reviewer to check: on real pages
/// held out of the confidence's calibration, fewer than a third of them are right.
pub const UNSURE: f32 = 0.5;

/// The confidence of a speech quote's speaker as the review files show it (`0.93`, or
/// `0.17 check` under [`UNSURE`]).
pub fn confidence_text(confidence: f32) -> String {
    if unsure(confidence) {
        format!("{confidence:.2} check")
    } else {
        format!("{confidence:.2}")
    }
}

/// True when a speech quote's speaker should be checked (its confidence is under [`UNSURE`]).
pub fn unsure(confidence: f32) -> bool {
    confidence < UNSURE
}

/// Flags joined by `; ` (empty when none).
pub fn flags_text(flags: &[Flag]) -> String {
    flags
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

/// What stands in for a missing translation: the reason, in brackets.
pub fn missing_translation(s: &Sentence) -> String {
    let why = s
        .flags
        .iter()
        .find(|f| matches!(f, Flag::Untranslated(_) | Flag::BoilerplateSkipped))
        .map(ToString::to_string)
        .unwrap_or_else(|| "untranslated".to_string());
    format!("[{} {why}]", s.id)
}

/// The quote's English: its own translation, else what was found in the sentences.
pub fn quote_english(q: &Quote) -> Option<String> {
    if let Some(t) = &q.translation {
        return Some(t.clone());
    }
    let pieces: Vec<&str> = q.in_translation.iter().map(|e| e.text.trim()).collect();
    (!pieces.is_empty()).then(|| pieces.join(" … "))
}

/// Ids of the sentences a quote overlaps (`p3.s1`).
pub fn quote_sentence_ids(q: &Quote) -> Vec<String> {
    q.sentences
        .iter()
        .map(|&(p, s)| crate::doc::sentence_id(p, s))
        .collect()
}

/// The one-line summary the human-readable formats start with.
pub fn summary(doc: &Document) -> String {
    let a = doc.accounting();
    let mut line = format!(
        "{} paragraphs ({} boilerplate), {} sentences: {} translated, {} untranslated",
        a.paragraphs, a.boilerplate_paragraphs, a.sentences, a.translated, a.untranslated
    );
    if a.boilerplate_skipped > 0 {
        line.push_str(&format!(" ({} boilerplate skipped)", a.boilerplate_skipped));
    }
    line.push_str(&format!(
        "; {} quotes, {} of them speech",
        a.quotes, a.speech_quotes
    ));
    line
}
