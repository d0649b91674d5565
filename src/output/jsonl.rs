//! `jsonl`: one JSON object a line, every sentence in document order, then every quote.
//!
//! Sentence record (numbers are 1-based, like the ids; offsets are bytes in the input):
//!
//! ```json
//! {"type":"sentence","doc":"article","id":"p3.s1","paragraph":3,"sentence":1,
//!  "ar":"…","en":"…","score":-0.41,"flags":[],"boilerplate":false,
//!  "start":812,"end":1040,"quotes":["q2"]}
//! ```
//!
//! `en` and `score` are `null` when the sentence is untranslated (its `flags` say why).
//!
//! Quote record:
//!
//! ```json
//! {"type":"quote","doc":"article","id":"q2","ar":"…","en":"…","speaker":"…","cue":"وقال",
//!  "speech":true,"kind":"direct","confidence":0.9,"paragraph":3,"sentences":[[3,1]],
//!  "en_in_sentences":[{"sentence":"p3.s1","span":{"start":14,"end":60},"text":"…"}],
//!  "score":-0.3,"flags":[],"start":830,"end":1039}
//! ```
//!
//! `ar` is the quote's content without marks; `en` its own translation (speech only, else
//! `null`); `en_in_sentences` where it was found in the translated sentences (byte offsets in
//! each sentence's `en`).

use std::io::{self, Write};

use serde::Serialize;

use crate::doc::{Document, Flag, QuoteInEnglish};

#[derive(Serialize)]
struct SentenceRecord<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    doc: &'a str,
    id: &'a str,
    paragraph: usize,
    sentence: usize,
    ar: &'a str,
    en: Option<&'a str>,
    score: Option<f32>,
    flags: &'a [Flag],
    boilerplate: bool,
    start: usize,
    end: usize,
    quotes: Vec<&'a str>,
}

#[derive(Serialize)]
struct QuoteRecord<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    doc: &'a str,
    id: &'a str,
    ar: &'a str,
    en: Option<&'a str>,
    speaker: Option<&'a str>,
    cue: Option<&'a str>,
    speech: bool,
    #[serde(rename = "kind")]
    quote_kind: &'a str,
    confidence: f32,
    paragraph: usize,
    sentences: &'a [(usize, usize)],
    en_in_sentences: &'a [QuoteInEnglish],
    score: Option<f32>,
    flags: &'a [Flag],
    start: usize,
    end: usize,
}

/// Writes the `jsonl` format.
pub fn write(doc: &Document, out: &mut dyn Write) -> io::Result<()> {
    for (p, s) in doc.sentences() {
        let record = SentenceRecord {
            kind: "sentence",
            doc: &doc.id,
            id: &s.id,
            paragraph: s.paragraph,
            sentence: s.number,
            ar: &s.text,
            en: s.translation.as_deref(),
            score: s.score,
            flags: &s.flags,
            boilerplate: p.boilerplate,
            start: s.span.start,
            end: s.span.end,
            quotes: s.quotes.iter().map(|q| q.quote.as_str()).collect(),
        };
        line(out, &record)?;
    }
    for q in &doc.quotes {
        let record = QuoteRecord {
            kind: "quote",
            doc: &doc.id,
            id: &q.id,
            ar: &q.text,
            en: q.translation.as_deref(),
            speaker: q.speaker.as_deref(),
            cue: q.cue.as_deref(),
            speech: q.speech,
            quote_kind: &q.kind,
            confidence: q.confidence,
            paragraph: q.paragraph,
            sentences: &q.sentences,
            en_in_sentences: &q.in_translation,
            score: q.score,
            flags: &q.flags,
            start: q.span.start,
            end: q.span.end,
        };
        line(out, &record)?;
    }
    Ok(())
}

/// One record and a newline. serde_json escapes every control character and the line
/// separators stay inside strings, so a record never spans lines.
fn line(out: &mut dyn Write, record: &impl Serialize) -> io::Result<()> {
    serde_json::to_writer(&mut *out, record)?;
    out.write_all(b"\n")
}
