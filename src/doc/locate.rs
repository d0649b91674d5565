//! Finding a quote in the English sentence by its marks (arabic-text.md §3.3, step 3 (i)).
//!
//! The model is given straight `"` for every Arabic quote mark. When the English has exactly as
//! many marks as the model input, the k-th mark of the Arabic sentence is the k-th mark of the
//! English one, so a quote's English is the text between its two marks.

use super::Span;

/// Quote marks as they appear in Arabic input: the ones `text::clean::mt_input` turns into `"`.
const SOURCE_MARKS: &[char] = &[
    '"', '«', '»', '“', '”', '„', '‟', '‘', '’', '‹', '›', '〝', '〞', '＂',
];

/// Quote marks the model may write in English.
const ENGLISH_MARKS: &[char] = &['"', '“', '”', '„', '«', '»'];

/// Byte offsets and lengths of the marks in `text`.
fn marks(text: &str, set: &[char]) -> Vec<(usize, usize)> {
    text.char_indices()
        .filter(|(_, c)| set.contains(c))
        .map(|(i, c)| (i, c.len_utf8()))
        .collect()
}

/// Number of straight quote marks in the model input.
pub(super) fn input_marks(mt_input: &str) -> usize {
    mt_input.matches('"').count()
}

/// Number of quote marks in the English.
pub(super) fn english_marks(english: &str) -> usize {
    marks(english, ENGLISH_MARKS).len()
}

/// A quote inside one sentence, as [`locate`] needs it.
pub(super) struct QuotePlace {
    /// The quote's span in the Arabic sentence text, marks included.
    pub ar: Span,
    /// Its opening mark is in this sentence.
    pub opens: bool,
    /// It ends in this sentence.
    pub closes: bool,
}

/// The quote's span in `english` (between its marks), or `None` when the marks do not line up.
///
/// `input_marks` is the number of `"` in the model input of the whole sentence.
pub(super) fn locate(
    arabic: &str,
    english: &str,
    input_marks: usize,
    place: &QuotePlace,
) -> Option<Span> {
    let ar_marks = marks(arabic, SOURCE_MARKS);
    let en_marks = marks(english, ENGLISH_MARKS);
    if ar_marks.len() != input_marks || en_marks.len() != input_marks {
        return None;
    }
    let start = if place.opens {
        let k = ar_marks.iter().position(|&(at, _)| at == place.ar.start)?;
        let (at, len) = en_marks[k];
        at + len
    } else {
        0
    };
    let closing = ar_marks
        .iter()
        .position(|&(at, len)| at + len == place.ar.end)
        .filter(|_| place.closes);
    let end = match closing {
        Some(k) => en_marks[k].0,
        // Unclosed, or closing in a later sentence: the quote runs to the end.
        None => english.len(),
    };
    (start <= end).then_some(Span { start, end })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(arabic: &str, quoted: &str) -> QuotePlace {
        let start = arabic.find(quoted).unwrap();
        QuotePlace {
            ar: Span {
                start,
                end: start + quoted.len(),
            },
            opens: true,
            closes: true,
        }
    }

    #[test]
    fn second_quote_maps_to_second_pair() {
        let ar = "قال \"أ\" ثم قال «ب».";
        let en = "He said \"A\" then said \"B\".";
        let span = locate(ar, en, 4, &place(ar, "«ب»")).unwrap();
        assert_eq!(&en[span.start..span.end], "B");
        let span = locate(ar, en, 4, &place(ar, "\"أ\"")).unwrap();
        assert_eq!(&en[span.start..span.end], "A");
    }

    #[test]
    fn lost_marks_give_no_span() {
        let ar = "قال \"أ\".";
        assert!(locate(ar, "He said A.", 2, &place(ar, "\"أ\"")).is_none());
    }

    #[test]
    fn quote_continuing_into_next_sentence_runs_to_the_end() {
        let ar = "قال: \"لن نتراجع.";
        let en = "He said: \"We will not retreat.";
        let mut p = place(ar, "\"لن نتراجع.");
        p.closes = false;
        let span = locate(ar, en, 1, &p).unwrap();
        assert_eq!(&en[span.start..span.end], "We will not retreat.");
    }
}
