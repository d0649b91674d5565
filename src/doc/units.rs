//! Translation plumbing: the document hands out model inputs and takes results back by key.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::{DocError, Document};

/// Which units [`Document::mt_units`] hands out.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct UnitOptions {
    /// Leave boilerplate paragraphs (and quotes starting in them) untranslated.
    pub skip_boilerplate: bool,
}

/// The address of one model input. Numbers are 1-based, like the ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum UnitKey {
    /// Part `part` of sentence `p{paragraph}.s{sentence}` (part 1 when it was not sub-split).
    Part {
        /// Paragraph number.
        paragraph: usize,
        /// Sentence number within the paragraph.
        sentence: usize,
        /// Part number within the sentence.
        part: usize,
    },
    /// The own translation of quote `q{quote}`.
    Quote {
        /// Quote number.
        quote: usize,
    },
}

impl fmt::Display for UnitKey {
    /// `p3.s1/1` for a sentence part, `q2` for a quote.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UnitKey::Part {
                paragraph,
                sentence,
                part,
            } => write!(f, "p{paragraph}.s{sentence}/{part}"),
            UnitKey::Quote { quote } => write!(f, "q{quote}"),
        }
    }
}

/// One model input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MtUnit {
    /// Where the result goes.
    pub key: UnitKey,
    /// The text to translate (already cleaned for the model).
    pub input: String,
}

/// What the model returned for one unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MtResult {
    /// The English.
    pub text: String,
    /// Mean log-probability of the output tokens.
    pub score: f32,
}

/// The slots of one unit: translation, score, failure.
struct Slot<'a> {
    translation: &'a mut Option<String>,
    score: &'a mut Option<f32>,
    failure: &'a mut Option<String>,
}

impl Document {
    /// Every model input, sentence parts first (document order), then speech quotes.
    ///
    /// Parts with an empty input (nothing left after cleaning) are not handed out;
    /// [`Document::finish`] flags their sentences.
    pub fn mt_units(&self, options: &UnitOptions) -> Vec<MtUnit> {
        let mut units = Vec::new();
        for p in &self.paragraphs {
            if p.boilerplate && options.skip_boilerplate {
                continue;
            }
            for s in &p.sentences {
                for (k, part) in s.parts.iter().enumerate() {
                    if !part.mt_input.is_empty() {
                        units.push(MtUnit {
                            key: UnitKey::Part {
                                paragraph: p.number,
                                sentence: s.number,
                                part: k + 1,
                            },
                            input: part.mt_input.clone(),
                        });
                    }
                }
            }
        }
        for q in &self.quotes {
            if self.quote_skipped(q, options) {
                continue;
            }
            if let Some(input) = &q.mt_input {
                units.push(MtUnit {
                    key: UnitKey::Quote { quote: q.number },
                    input: input.clone(),
                });
            }
        }
        units
    }

    /// Stores the model's result for `key`.
    pub fn apply(&mut self, key: UnitKey, result: MtResult) -> Result<(), DocError> {
        let doc = self.id.clone();
        let slot = self.slot(key)?;
        if slot.translation.is_some() || slot.failure.is_some() {
            return Err(DocError::AlreadyResolved { doc, key });
        }
        *slot.translation = Some(result.text.trim().to_string());
        *slot.score = Some(result.score);
        Ok(())
    }

    /// Records that `key` could not be translated, and why.
    pub fn mark_failed(&mut self, key: UnitKey, reason: &str) -> Result<(), DocError> {
        let doc = self.id.clone();
        let slot = self.slot(key)?;
        if slot.translation.is_some() || slot.failure.is_some() {
            return Err(DocError::AlreadyResolved { doc, key });
        }
        *slot.failure = Some(reason.to_string());
        Ok(())
    }

    pub(super) fn quote_skipped(&self, q: &super::Quote, options: &UnitOptions) -> bool {
        options.skip_boilerplate
            && self
                .paragraphs
                .get(q.paragraph.wrapping_sub(1))
                .is_some_and(|p| p.boilerplate)
    }

    fn slot(&mut self, key: UnitKey) -> Result<Slot<'_>, DocError> {
        let unknown = DocError::UnknownUnit {
            doc: self.id.clone(),
            key,
        };
        match key {
            UnitKey::Part {
                paragraph,
                sentence,
                part,
            } => {
                let part = self
                    .paragraphs
                    .get_mut(paragraph.wrapping_sub(1))
                    .and_then(|p| p.sentences.get_mut(sentence.wrapping_sub(1)))
                    .and_then(|s| s.parts.get_mut(part.wrapping_sub(1)))
                    .filter(|part| !part.mt_input.is_empty())
                    .ok_or(unknown)?;
                Ok(Slot {
                    translation: &mut part.translation,
                    score: &mut part.score,
                    failure: &mut part.failure,
                })
            }
            UnitKey::Quote { quote } => {
                let q = self
                    .quotes
                    .get_mut(quote.wrapping_sub(1))
                    .filter(|q| q.mt_input.is_some())
                    .ok_or(unknown)?;
                Ok(Slot {
                    translation: &mut q.translation,
                    score: &mut q.score,
                    failure: &mut q.failure,
                })
            }
        }
    }
}
