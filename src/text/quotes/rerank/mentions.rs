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

/// The context word of a mention at a paragraph's edge or next to punctuation or a mark.
pub(super) const BREAK: &str = "<p>";

/// The page's words in order and where each form of them occurs.
pub(super) struct Mentions {
    /// Each word: byte offset of its start, and its comparable form (`عبد`/`ابو` joined to
    /// the next word, as speakers are folded).
    words: Vec<(usize, String)>,
    /// For each word, true when punctuation, a quote mark or a paragraph's start comes
    /// between it and the word before.
    broken: Vec<bool>,
    /// Indexes into `words` of each form (ascending).
    at: HashMap<String, Vec<usize>>,
}

impl Mentions {
    /// Index the words of the page's paragraphs (`input` is the page; paragraphs out of
    /// order, overlapping or not on character boundaries are skipped).
    pub(super) fn new(input: &str, paragraphs: &[Paragraph]) -> Self {
        let mut words: Vec<(usize, String)> = Vec::new();
        let mut broken: Vec<bool> = Vec::new();
        let mut after = 0;
        for p in paragraphs {
            if !valid_span(input, p, after) {
                continue;
            }
            after = p.end;
            let toks = tokenize(input, p.start, p.end);
            // Offsets of the words that follow a non-word token (or open the paragraph).
            let mut gap = true;
            let mut after_gap = std::collections::HashSet::new();
            for t in &toks {
                if t.is_word() {
                    if gap {
                        after_gap.insert(t.start);
                    }
                    gap = false;
                } else {
                    gap = true;
                }
            }
            let joined = join_connectors(
                toks.into_iter()
                    .filter(|t| t.is_word())
                    .map(|t| (t.start, t.norm)),
            );
            broken.extend(joined.iter().map(|(at, _)| after_gap.contains(at)));
            words.extend(joined);
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
        Mentions { words, broken, at }
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
        self.phrase_at(words).map(|i| self.words[i].0).collect()
    }

    /// Indexes into `words` where the page writes all of `words` in a row.
    fn phrase_at<'a>(&'a self, words: &'a [String]) -> impl Iterator<Item = usize> + 'a {
        let (first, rest) = words
            .split_first()
            .map_or((None, &[][..]), |(f, r)| (Some(f), r));
        first
            .and_then(|f| self.at.get(f))
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .copied()
            .filter(move |&i| {
                rest.iter()
                    .enumerate()
                    .all(|(j, w)| self.words.get(i + 1 + j).is_some_and(|x| &x.1 == w))
            })
    }

    /// The words around the last mention of the whole of `words` that starts before byte
    /// `before`: the word written just before it and the one just after it ([`BREAK`] across
    /// punctuation, a mark or a paragraph's edge; `<و>`, `<ل>`… for a prefix the mention's
    /// first word is written with). `None` when there is no such mention.
    pub(super) fn context(&self, words: &[String], before: usize) -> Option<(String, String)> {
        let i = self
            .phrase_at(words)
            .take_while(|&i| self.words[i].0 < before)
            .last()?;
        let written = &self.words[i].1;
        let prev = if written != &words[0] {
            format!("<{}>", written.chars().next().unwrap_or('?'))
        } else if i == 0 || self.broken[i] {
            BREAK.to_string()
        } else {
            self.words[i - 1].1.clone()
        };
        let e = i + words.len();
        let next = match self.words.get(e) {
            Some((_, w)) if !self.broken[e] => w.clone(),
            _ => BREAK.to_string(),
        };
        Some((prev, next))
    }
}

#[cfg(test)]
mod tests {
    use super::{name_words, Mentions, BREAK};
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
    fn a_mention_has_the_words_around_it() {
        let text = "قال السلامي إن الفريق جاهز. وأشاد السلامي، وللسلامي رأي";
        let m = Mentions::of_text(text);
        let name = name_words("السلامي");
        let ctx = |before: usize| m.context(&name, before);
        assert_eq!(ctx(text.len()), Some(("<و>".into(), word("رأي"))));
        let second = text.find("السلامي،").unwrap();
        assert_eq!(ctx(second + 1), Some((word("وأشاد"), BREAK.into())));
        assert_eq!(ctx(second), Some((word("قال"), word("إن"))));
        assert_eq!(ctx(4), None);
        let p = Mentions::of_text("الفريق جاهز");
        assert_eq!(
            p.context(&name_words("الفريق"), 99),
            Some((BREAK.into(), word("جاهز")))
        );
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
