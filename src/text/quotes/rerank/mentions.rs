//! Where a page names each candidate speaker: an index of the page's words by their
//! comparable forms, so that a candidate's mentions are looked up, not searched for.

use std::collections::HashMap;

use crate::text::quotes::marks::valid_span;
use crate::text::quotes::words::{norm, tokenize};
use crate::text::Paragraph;

/// A written name's words in their comparable forms ([`norm`], as the page's words are
/// indexed), `عبد`/`ابو` joined to the next word (`عبد الله` and `عبدالله` alike).
pub(super) fn name_words(name: &str) -> Vec<String> {
    join_connectors(name.split_whitespace().map(|w| (0, norm(w))))
        .into_iter()
        .map(|(_, w)| w)
        .collect()
}

/// Join `عبد` and `ابو` (also after `و`/`ف`) to the word after them; a joined word keeps the
/// first word's offset.
fn join_connectors(words: impl Iterator<Item = (usize, String)>) -> Vec<(usize, String)> {
    let mut out: Vec<(usize, String)> = Vec::new();
    let mut join = false;
    for (at, w) in words {
        if join {
            if let Some(last) = out.last_mut() {
                last.1.push_str(&w);
            }
            join = false;
            continue;
        }
        join = forms(&w)
            .iter()
            .any(|f| matches!(f.as_str(), "عبد" | "ابو"));
        out.push((at, w));
    }
    out
}

/// The forms a written word may stand for: as written, without a conjunction (`و`, `ف`), then
/// without a preposition (`ب`, `ل`, `ك`), and `لل…` as `ال…`.
fn forms(k: &str) -> Vec<String> {
    let mut out = vec![k.to_string()];
    let long = |s: &str| s.chars().count() >= 3;
    let bare = k.strip_prefix(['و', 'ف']).filter(|r| long(r));
    if let Some(b) = bare {
        out.push(b.to_string());
    }
    let base = bare.unwrap_or(k);
    if let Some(r) = base.strip_prefix("لل").filter(|r| long(r)) {
        out.push(format!("ال{r}"));
    }
    if let Some(r) = base.strip_prefix(['ب', 'ل', 'ك']).filter(|r| long(r)) {
        out.push(r.to_string());
    }
    out
}

/// The page's words in order and where each form of them occurs.
pub(super) struct Mentions {
    /// Each word: byte offset of its start, and its comparable form (`عبد`/`ابو` joined to
    /// the next word, as speakers are folded).
    words: Vec<(usize, String)>,
    /// Indexes into `words` of each form (ascending).
    at: HashMap<String, Vec<usize>>,
}

impl Mentions {
    /// Index the words of the page's paragraphs (`input` is the page; paragraphs out of
    /// order, overlapping or not on character boundaries are skipped).
    pub(super) fn new(input: &str, paragraphs: &[Paragraph]) -> Self {
        let mut words: Vec<(usize, String)> = Vec::new();
        let mut after = 0;
        for p in paragraphs {
            if !valid_span(input, p, after) {
                continue;
            }
            after = p.end;
            let toks = tokenize(input, p.start, p.end);
            words.extend(join_connectors(
                toks.into_iter()
                    .filter(|t| t.is_word())
                    .map(|t| (t.start, t.norm)),
            ));
        }
        let mut at: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, (_, k)) in words.iter().enumerate() {
            for f in forms(k) {
                let list = at.entry(f).or_default();
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
        }
        Mentions { words, at }
    }

    /// The index of `text` as one paragraph (for tests).
    #[cfg(test)]
    pub(super) fn of_text(text: &str) -> Self {
        let p = Paragraph {
            index: 0,
            text: text.into(),
            start: 0,
            end: text.len(),
            boilerplate: false,
            sentences: vec![],
        };
        Mentions::new(text, &[p])
    }

    /// Byte offsets where the page writes `word` (a comparable form), in order.
    pub(super) fn of_word(&self, word: &str) -> Vec<usize> {
        self.at
            .get(word)
            .map_or_else(Vec::new, |l| l.iter().map(|&i| self.words[i].0).collect())
    }

    /// Byte offsets where the page writes all of `words` (comparable forms) in a row.
    pub(super) fn of_phrase(&self, words: &[String]) -> Vec<usize> {
        let Some((first, rest)) = words.split_first() else {
            return Vec::new();
        };
        let Some(list) = self.at.get(first) else {
            return Vec::new();
        };
        list.iter()
            .filter(|&&i| {
                rest.iter()
                    .enumerate()
                    .all(|(j, w)| self.words.get(i + 1 + j).is_some_and(|x| &x.1 == w))
            })
            .map(|&i| self.words[i].0)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::{name_words, Mentions};
    use crate::text::Paragraph;

    fn word(w: &str) -> String {
        name_words(w).remove(0)
    }

    #[test]
    fn a_name_is_found_with_its_prefixes_and_spellings() {
        let text = "قال السلامي إن الفريق جاهز، وأشاد للسلامي بالجماهير وبعبدالله وعبد الله";
        let m = Mentions::of_text(text);
        assert_eq!(m.of_word(&word("السلامي")).len(), 2);
        assert_eq!(m.of_word(&word("عبد الله")).len(), 2);
        assert_eq!(
            m.of_word(&word("الفريق")),
            vec![text.find("الفريق").unwrap()]
        );
        assert_eq!(m.of_phrase(&name_words("قال السلامي")), vec![0]);
        assert!(m.of_phrase(&name_words("السلامي قال")).is_empty());
    }

    #[test]
    fn a_preposition_is_no_mention_of_a_name() {
        // `على` is the preposition, `علي` the name: a short final `ى` is not folded.
        let m = Mentions::of_text("وقال على هامش اللقاء إن الوضع صعب");
        assert!(m.of_word(&word("علي")).is_empty());
    }

    #[test]
    fn a_name_opening_with_hamza_before_lam_is_found() {
        let text = "قالت الفنانة إلهام شاهين إن العمل جديد";
        let m = Mentions::of_text(text);
        let at = text.find("إلهام").unwrap();
        assert_eq!(m.of_phrase(&name_words("إلهام شاهين")), vec![at]);
        assert_eq!(m.of_word(&word("إلهام")), vec![at]);
    }

    #[test]
    fn paragraphs_out_of_order_are_skipped() {
        let text = "قال زيد. قال عمرو.";
        let para = |s: usize, e: usize| Paragraph {
            index: 0,
            text: text[s..e].into(),
            start: s,
            end: e,
            boilerplate: false,
            sentences: vec![],
        };
        let cut = text.find("قال عمرو").unwrap();
        let m = Mentions::new(text, &[para(cut, text.len()), para(0, cut)]);
        assert_eq!(m.of_word(&word("عمرو")).len(), 1);
        assert!(m.of_word(&word("زيد")).is_empty());
    }
}
