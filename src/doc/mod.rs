//! The aligned bilingual document: the one thing every output writer reads.
//!
//! A [`Document`] is built from the text stage's [`Analysis`](crate::text::Analysis) with
//! [`Document::from_analysis`], filled with translations through [`Document::mt_units`],
//! [`Document::apply`] and [`Document::mark_failed`], and closed with [`Document::finish`],
//! which joins sub-split parts, sets flags and returns the [`Accounting`].
//!
//! ```
//! use tarjama::doc::{Document, MtResult, UnitOptions};
//! use tarjama::text::{Analysis, Paragraph, Sentence};
//!
//! let source = "قال الوزير: \"لن نتراجع\".";
//! let sentence = Sentence { index: 0, text: source.into(), start: 0, end: source.len(), parts: vec![] };
//! let paragraph = Paragraph {
//!     index: 0, text: source.into(), start: 0, end: source.len(), boilerplate: false,
//!     sentences: vec![sentence],
//! };
//! let analysis = Analysis { paragraphs: vec![paragraph], quotes: vec![] };
//!
//! let mut doc = Document::from_analysis("example", source, &analysis);
//! let options = UnitOptions::default();
//! for unit in doc.mt_units(&options) {
//!     // The engine translates unit.input; here, a fixed answer.
//!     let result = MtResult { text: "The minister said: \"We will not retreat.\"".into(), score: -0.4 };
//!     doc.apply(unit.key, result).unwrap();
//! }
//! let accounting = doc.finish(&options);
//! assert_eq!((accounting.sentences, accounting.translated), (1, 1));
//! assert_eq!(doc.paragraphs[0].sentences[0].id, "p1.s1");
//! doc.check_against(&analysis).unwrap();
//! ```
//!
//! # Ids
//!
//! Ids are **1-based** everywhere (ids, `number` fields, [`UnitKey`], the pairs in
//! [`Quote::sentences`]), unlike the text stage's 0-based indices:
//!
//! * paragraph `p{N}`: the N-th paragraph of the analysis (`p1` is the first);
//! * sentence `p{N}.s{M}`: the M-th sentence of paragraph N;
//! * quote `q{K}`: the K-th quote of the analysis, in document order;
//! * the document id is chosen by the caller (see [`document_id`]).
//!
//! # Accounting
//!
//! N paragraphs and M sentences in give the same N paragraphs and M sentences, with the same
//! ids, out: nothing is dropped or merged ([`Document::check_against`] verifies it). A sentence that could not be translated is kept with
//! `translation: None` and an `untranslated: <reason>` [`Flag`]. The one repair: a paragraph for
//! which the text stage found no sentence gets one sentence covering the whole paragraph
//! (flag `whole-paragraph`), because every writer works sentence by sentence.

use serde::{Deserialize, Serialize};

mod build;
mod check;
mod finish;
mod flag;
mod id;
mod locate;
mod units;

pub use flag::Flag;
pub use id::document_id;
pub use units::{MtResult, MtUnit, UnitKey, UnitOptions};

/// Errors of the document model.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum DocError {
    /// A translation result came back for a unit the document does not have.
    #[error("document {doc}: no translation unit {key}")]
    UnknownUnit {
        /// The document id.
        doc: String,
        /// The unit that was not found.
        key: UnitKey,
    },
    /// The document does not hold the ids its analysis implies.
    #[error("document {doc}: accounting mismatch: {detail}")]
    Accounting {
        /// The document id.
        doc: String,
        /// What differs.
        detail: String,
    },
    /// A second result came back for a unit that already has one.
    #[error("document {doc}: unit {key} already has a result")]
    AlreadyResolved {
        /// The document id.
        doc: String,
        /// The unit that already has a result.
        key: UnitKey,
    },
}

/// A byte range `[start, end)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// The aligned bilingual document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// The document id (see [`document_id`]).
    pub id: String,
    /// Paragraphs in document order; `paragraphs[i].number == i + 1`.
    pub paragraphs: Vec<Paragraph>,
    /// Quotes in document order; `quotes[k].number == k + 1`.
    pub quotes: Vec<Quote>,
}

/// One paragraph: its Arabic text and its sentences.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Paragraph {
    /// `p{N}`.
    pub id: String,
    /// N, from 1.
    pub number: usize,
    /// Byte span in the input.
    pub span: Span,
    /// The original Arabic text (trimmed).
    pub text: String,
    /// Page furniture (timestamps, widgets, teasers…) as decided by the text stage.
    pub boilerplate: bool,
    /// Sentences in order (at least one).
    pub sentences: Vec<Sentence>,
}

/// One Arabic sentence and its English.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sentence {
    /// `p{N}.s{M}`.
    pub id: String,
    /// N, the paragraph's number.
    pub paragraph: usize,
    /// M, from 1 within the paragraph.
    pub number: usize,
    /// Byte span in the input.
    pub span: Span,
    /// The original Arabic text (trimmed), quote marks as in the input.
    pub text: String,
    /// What the model is given: one part, or several when the sentence was sub-split.
    pub parts: Vec<Part>,
    /// The English, parts joined by a space; `None` when untranslated (see `flags`).
    pub translation: Option<String>,
    /// Mean log-probability of the output tokens (mean over parts when sub-split).
    pub score: Option<f32>,
    /// What happened to the sentence.
    pub flags: Vec<Flag>,
    /// The quotes overlapping this sentence, with where they fall in each language.
    pub quotes: Vec<QuoteInSentence>,
}

/// One model input of a sentence (the whole sentence unless it was sub-split).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Part {
    /// Byte span in the input.
    pub span: Span,
    /// The model input (cleaned, quote marks straight ASCII); empty means nothing to translate.
    pub mt_input: String,
    /// The model's output for this part.
    pub translation: Option<String>,
    /// Mean log-probability of this part's output tokens.
    pub score: Option<f32>,
    /// Why this part could not be translated.
    pub failure: Option<String>,
}

/// Where a quote falls inside one sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteInSentence {
    /// The quote's id, `q{K}`.
    pub quote: String,
    /// Byte span in [`Sentence::text`] (marks included) when the offsets could be mapped.
    pub ar: Option<Span>,
    /// The quote starts in this sentence (its opening mark is here).
    pub opens: bool,
    /// The quote ends in this sentence.
    pub closes: bool,
    /// Byte span in [`Sentence::translation`] (between the marks) when it could be found.
    pub en: Option<Span>,
}

/// A quoted span: speech with its speaker, or a quoted name or title.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// `q{K}`.
    pub id: String,
    /// K, from 1.
    pub number: usize,
    /// The Arabic content without its marks.
    pub text: String,
    /// True when someone is speaking; only speech is translated as its own unit.
    pub speech: bool,
    /// `direct`, `partial`, or a non-speech kind (`name`, `title`, `scare`).
    pub kind: String,
    /// Canonical speaker name (Arabic), if found.
    pub speaker: Option<String>,
    /// The reporting cue (e.g. `وقال`), if found.
    pub cue: Option<String>,
    /// Confidence of the speech/speaker decision, 0..=1. For a speech quote after the learned
    /// speaker pass (the default), the calibrated probability that it is speech by this
    /// speaker; otherwise the rules' confidence (see `text::quotes`).
    pub confidence: f32,
    /// Number of the paragraph where the quote starts.
    pub paragraph: usize,
    /// Number of the paragraph where the quote ends.
    pub paragraph_end: usize,
    /// `(paragraph, sentence)` numbers of the sentences the quote overlaps.
    pub sentences: Vec<(usize, usize)>,
    /// Byte span in the input, marks included.
    pub span: Span,
    /// The model input for the quote's own translation (speech only).
    pub mt_input: Option<String>,
    /// The quote content translated as its own unit.
    pub translation: Option<String>,
    /// Mean log-probability of that translation's tokens.
    pub score: Option<f32>,
    /// Why the quote's own translation failed.
    pub failure: Option<String>,
    /// Where the quote falls in the translated sentences, when that could be found.
    pub in_translation: Vec<QuoteInEnglish>,
    /// Flags from the text stage (e.g. `unclosed`) and from translation.
    pub flags: Vec<Flag>,
}

/// A piece of a quote found in one translated sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteInEnglish {
    /// The sentence id.
    pub sentence: String,
    /// Byte span in that sentence's translation.
    pub span: Span,
    /// The English text of the span.
    pub text: String,
}

/// Counts after [`Document::finish`]; `sentences == translated + untranslated`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Accounting {
    /// Paragraphs in the document.
    pub paragraphs: usize,
    /// Boilerplate paragraphs.
    pub boilerplate_paragraphs: usize,
    /// Sentences in the document.
    pub sentences: usize,
    /// Sentences with a translation.
    pub translated: usize,
    /// Sentences without one (including skipped boilerplate).
    pub untranslated: usize,
    /// Sentences of boilerplate paragraphs left untranslated on request.
    pub boilerplate_skipped: usize,
    /// Sentences whose English lost quote marks.
    pub quote_marks_lost: usize,
    /// Quotes in the document.
    pub quotes: usize,
    /// Speech quotes (translated as their own unit).
    pub speech_quotes: usize,
    /// Speech quotes with their own translation.
    pub quotes_translated: usize,
}

impl Document {
    /// Every sentence in document order, with its paragraph.
    pub fn sentences(&self) -> impl Iterator<Item = (&Paragraph, &Sentence)> {
        self.paragraphs
            .iter()
            .flat_map(|p| p.sentences.iter().map(move |s| (p, s)))
    }

    /// The sentence with numbers `(paragraph, sentence)`, both from 1.
    pub fn sentence(&self, paragraph: usize, sentence: usize) -> Option<&Sentence> {
        self.paragraphs
            .get(paragraph.checked_sub(1)?)?
            .sentences
            .get(sentence.checked_sub(1)?)
    }

    /// The quote with id `q{K}`.
    pub fn quote(&self, id: &str) -> Option<&Quote> {
        self.quotes.iter().find(|q| q.id == id)
    }

    /// Counts of paragraphs, sentences, translations and quotes as they stand now.
    pub fn accounting(&self) -> Accounting {
        let mut a = Accounting {
            paragraphs: self.paragraphs.len(),
            quotes: self.quotes.len(),
            ..Accounting::default()
        };
        for p in &self.paragraphs {
            a.boilerplate_paragraphs += usize::from(p.boilerplate);
        }
        for (_, s) in self.sentences() {
            a.sentences += 1;
            if s.translation.is_some() {
                a.translated += 1;
            } else {
                a.untranslated += 1;
            }
            a.boilerplate_skipped += usize::from(s.flags.contains(&Flag::BoilerplateSkipped));
            a.quote_marks_lost += usize::from(s.flags.contains(&Flag::QuoteMarksLost));
        }
        for q in &self.quotes {
            a.speech_quotes += usize::from(q.speech);
            a.quotes_translated += usize::from(q.speech && q.translation.is_some());
        }
        a
    }
}

/// The paragraph id for number `n` (from 1).
pub fn paragraph_id(n: usize) -> String {
    format!("p{n}")
}

/// The sentence id for paragraph `p` and sentence `s` (both from 1).
pub fn sentence_id(p: usize, s: usize) -> String {
    format!("p{p}.s{s}")
}

/// The quote id for number `k` (from 1).
pub fn quote_id(k: usize) -> String {
    format!("q{k}")
}
