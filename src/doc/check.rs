//! The accounting check: the document has exactly the ids its analysis implies.

use super::{paragraph_id, quote_id, sentence_id, DocError, Document};
use crate::text::Analysis;

impl Document {
    /// Checks that the document holds exactly the paragraphs, sentences and quotes of
    /// `analysis`, with the ids they imply (a paragraph without sentences counts as one
    /// sentence, see the module docs). Fails on the first difference, naming it.
    pub fn check_against(&self, analysis: &Analysis) -> Result<(), DocError> {
        let fail = |detail: String| {
            Err(DocError::Accounting {
                doc: self.id.clone(),
                detail,
            })
        };
        if self.paragraphs.len() != analysis.paragraphs.len() {
            return fail(format!(
                "{} paragraphs in, {} out",
                analysis.paragraphs.len(),
                self.paragraphs.len()
            ));
        }
        for (i, (ours, theirs)) in self.paragraphs.iter().zip(&analysis.paragraphs).enumerate() {
            if ours.id != paragraph_id(i + 1) {
                return fail(format!("paragraph {} has id {}", i + 1, ours.id));
            }
            let expected = theirs.sentences.len().max(1);
            if ours.sentences.len() != expected {
                return fail(format!(
                    "{}: {expected} sentences in, {} out",
                    ours.id,
                    ours.sentences.len()
                ));
            }
            for (j, s) in ours.sentences.iter().enumerate() {
                if s.id != sentence_id(i + 1, j + 1) {
                    return fail(format!("{} sentence {} has id {}", ours.id, j + 1, s.id));
                }
            }
        }
        if self.quotes.len() != analysis.quotes.len() {
            return fail(format!(
                "{} quotes in, {} out",
                analysis.quotes.len(),
                self.quotes.len()
            ));
        }
        for (k, q) in self.quotes.iter().enumerate() {
            if q.id != quote_id(k + 1) {
                return fail(format!("quote {} has id {}", k + 1, q.id));
            }
        }
        Ok(())
    }
}
