//! Where a page names each candidate speaker: an index of the page's words by their
//! comparable forms, so that a candidate's mentions are looked up, not searched for.

use std::collections::{HashMap, HashSet};

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
            let mut after_gap = HashSet::new();
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

    /// Indexes into the page's words where it writes all of `words` in a row, with no
    /// punctuation, mark or paragraph's edge between them (ascending).
    pub(super) fn phrase_at(&self, words: &[String]) -> Vec<usize> {
        let Some((first, rest)) = words.split_first() else {
            return Vec::new();
        };
        let Some(list) = self.at.get(first) else {
            return Vec::new();
        };
        list.iter()
            .copied()
            .filter(|&i| {
                rest.iter().enumerate().all(|(j, w)| {
                    let k = i + 1 + j;
                    self.words.get(k).is_some_and(|x| &x.1 == w) && !self.broken[k]
                })
            })
            .collect()
    }

    /// Byte offset of the page's word at index `i` (from [`Mentions::phrase_at`]).
    pub(super) fn offset(&self, i: usize) -> usize {
        self.words[i].0
    }

    /// The words around the mention of `words` that [`Mentions::phrase_at`] found at index
    /// `i`: the word written just before it and the one just after it ([`BREAK`] across
    /// punctuation, a quote mark or a paragraph's edge; `<و>`, `<ل>`… for a prefix the
    /// mention's first word is written with).
    pub(super) fn context(&self, words: &[String], i: usize) -> (String, String) {
        let written = &self.words[i].1;
        let prev = if words.first() != Some(written) {
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
        (prev, next)
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
        assert_eq!(m.phrase_at(&name_words("قال السلامي")), vec![0]);
        assert!(m.phrase_at(&name_words("السلامي قال")).is_empty());
    }

    #[test]
    fn a_mention_has_the_words_around_it() {
        let text = "قال السلامي إن الفريق جاهز. وأشاد السلامي، وللسلامي رأي";
        let m = Mentions::of_text(text);
        let name = name_words("السلامي");
        let at = m.phrase_at(&name);
        assert_eq!(at.len(), 3);
        assert_eq!(m.offset(at[1]), text.find("السلامي،").unwrap());
        assert_eq!(m.context(&name, at[0]), (word("قال"), word("إن")));
        assert_eq!(m.context(&name, at[1]), (word("وأشاد"), BREAK.into()));
        assert_eq!(m.context(&name, at[2]), ("<و>".into(), word("رأي")));
        let p = Mentions::of_text("الفريق جاهز");
        let team = name_words("الفريق");
        assert_eq!(p.context(&team, 0), (BREAK.into(), word("جاهز")));
    }

    #[test]
    fn a_name_is_not_mentioned_across_punctuation() {
        let m = Mentions::of_text("التقى محمد. علي قال إن محمد علي هنا");
        assert_eq!(m.phrase_at(&name_words("محمد علي")).len(), 1);
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
        let whole = m.phrase_at(&name_words("إلهام شاهين"));
        assert_eq!(
            whole.iter().map(|&i| m.offset(i)).collect::<Vec<_>>(),
            vec![at]
        );
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
