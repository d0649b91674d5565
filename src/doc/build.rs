//! Building a [`Document`] from the text stage's analysis.

use super::{
    flag, paragraph_id, quote_id, sentence_id, Document, Flag, Paragraph, Part, Quote,
    QuoteInSentence, Sentence, Span,
};
use crate::text::{self, clean::mt_input};

impl Document {
    /// Builds the document for `source` (the original input) from its analysis.
    ///
    /// Ids follow the analysis order (see the module docs). Spans that do not fit `source`
    /// (wrong offsets, not on character boundaries) never fail the build: sub-split parts fall
    /// back to the whole sentence (flag `bad-part-spans`) and quote highlights are left out.
    pub fn from_analysis(doc_id: &str, source: &str, analysis: &text::Analysis) -> Document {
        let mut paragraphs: Vec<Paragraph> = analysis
            .paragraphs
            .iter()
            .enumerate()
            .map(|(i, p)| build_paragraph(i + 1, source, p))
            .collect();
        let quotes = analysis
            .quotes
            .iter()
            .enumerate()
            .map(|(k, q)| build_quote(k + 1, source, q, &mut paragraphs))
            .collect();
        Document {
            id: doc_id.to_string(),
            paragraphs,
            quotes,
        }
    }
}

fn build_paragraph(number: usize, source: &str, p: &text::Paragraph) -> Paragraph {
    let span = Span {
        start: p.start,
        end: p.end,
    };
    let mut sentences: Vec<Sentence> = p
        .sentences
        .iter()
        .enumerate()
        .map(|(j, s)| build_sentence(number, j + 1, source, s))
        .collect();
    if sentences.is_empty() {
        let whole = text::Sentence {
            index: 0,
            text: p.text.clone(),
            start: p.start,
            end: p.end,
            parts: Vec::new(),
        };
        let mut s = build_sentence(number, 1, source, &whole);
        s.flags.push(Flag::WholeParagraph);
        sentences.push(s);
    }
    Paragraph {
        id: paragraph_id(number),
        number,
        span,
        text: p.text.clone(),
        boilerplate: p.boilerplate,
        sentences,
    }
}

fn build_sentence(paragraph: usize, number: usize, source: &str, s: &text::Sentence) -> Sentence {
    let mut flags = Vec::new();
    let whole = || Part::new(s.start, s.end, mt_input(&s.text));
    let parts = if s.parts.is_empty() {
        vec![whole()]
    } else {
        let fitted: Option<Vec<Part>> = s
            .parts
            .iter()
            .map(|&(a, b)| {
                let inside = s.start <= a && a <= b && b <= s.end;
                let piece = source.get(a..b).filter(|_| inside)?;
                Some(Part::new(a, b, mt_input(piece)))
            })
            .collect();
        match fitted {
            Some(parts) => {
                if parts.len() > 1 {
                    flags.push(Flag::SubSplit);
                }
                parts
            }
            None => {
                flags.push(Flag::BadPartSpans);
                vec![whole()]
            }
        }
    };
    Sentence {
        id: sentence_id(paragraph, number),
        paragraph,
        number,
        span: Span {
            start: s.start,
            end: s.end,
        },
        text: s.text.clone(),
        parts,
        translation: None,
        score: None,
        flags,
        quotes: Vec::new(),
    }
}

impl Part {
    fn new(start: usize, end: usize, mt_input: String) -> Part {
        Part {
            span: Span { start, end },
            mt_input,
            translation: None,
            score: None,
            failure: None,
        }
    }
}

fn build_quote(
    number: usize,
    source: &str,
    q: &text::Quote,
    paragraphs: &mut [Paragraph],
) -> Quote {
    let id = quote_id(number);
    let mut sentences = Vec::new();
    for &(pi, si) in &q.sentences {
        let Some(s) = paragraphs.get_mut(pi).and_then(|p| p.sentences.get_mut(si)) else {
            continue; // A pair naming no sentence: the analysis is inconsistent; skip the link.
        };
        sentences.push((pi + 1, si + 1));
        let ar = arabic_span(source, s, q.start, q.end);
        s.quotes.push(QuoteInSentence {
            quote: id.clone(),
            ar,
            opens: s.span.start <= q.start,
            closes: q.end <= s.span.end,
            en: None,
        });
    }
    let mut flags = Vec::new();
    for f in &q.flags {
        flag::add(&mut flags, f.parse().unwrap_or_else(|never| match never {}));
    }
    let mt = if q.speech {
        Some(mt_input(&q.text))
    } else {
        None
    };
    Quote {
        id,
        number,
        text: q.text.clone(),
        speech: q.speech,
        kind: q.kind.clone(),
        speaker: q.speaker.clone(),
        cue: q.cue.clone(),
        confidence: q.confidence,
        paragraph: q.paragraph + 1,
        paragraph_end: q.paragraph_end + 1,
        sentences,
        span: Span {
            start: q.start,
            end: q.end,
        },
        mt_input: mt.filter(|m| !m.is_empty()),
        translation: None,
        score: None,
        failure: None,
        in_translation: Vec::new(),
        flags,
    }
}

/// Where the text's first byte lies in `source`, when the sentence's span really holds its text.
pub(super) fn text_origin(source: &str, s: &Sentence) -> Option<usize> {
    let raw = source.get(s.span.start..s.span.end)?;
    let lead = raw.len() - raw.trim_start().len();
    let origin = s.span.start + lead;
    (source.get(origin..origin + s.text.len())? == s.text).then_some(origin)
}

/// The part of the quote `[start, end)` inside the sentence, relative to its text.
fn arabic_span(source: &str, s: &Sentence, start: usize, end: usize) -> Option<Span> {
    let origin = text_origin(source, s)?;
    let a = start.max(origin) - origin;
    let b = end.min(origin + s.text.len()).checked_sub(origin)?;
    let valid = a < b && s.text.is_char_boundary(a) && s.text.is_char_boundary(b);
    valid.then_some(Span { start: a, end: b })
}
