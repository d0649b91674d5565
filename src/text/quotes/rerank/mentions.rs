//! Where a page names each candidate speaker: an index of the page's words by their
//! comparable forms, so that a candidate's mentions are looked up, not searched for.

use std::collections::HashMap;

use crate::text::quotes::words::{norm, tokenize};
use crate::text::Paragraph;

/// A word's comparable form: [`norm`], with a final `ى` read as `ي` (as speakers are folded).
pub(super) fn key(word: &str) -> String {
    let mut k = norm(word);
    if k.ends_with('ى') {
        k.pop();
        k.push('ي');
    }
    k
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
    /// Index the words of the page's paragraphs (`input` is the page).
    pub(super) fn new(input: &str, paragraphs: &[Paragraph]) -> Self {
        let mut words: Vec<(usize, String)> = Vec::new();
        for p in paragraphs {
            let ok = p.start <= p.end
                && p.end <= input.len()
                && input.is_char_boundary(p.start)
                && input.is_char_boundary(p.end);
            if !ok {
                continue;
            }
            let mut join = false;
            for t in tokenize(input, p.start, p.end) {
                if !t.is_word() {
                    join = false;
                    continue;
                }
                let k = key(&input[t.start..t.end]);
                if join {
                    if let Some(last) = words.last_mut() {
                        last.1.push_str(&k);
                    }
                    join = false;
                    continue;
                }
                join = forms(&k)
                    .iter()
                    .any(|f| matches!(f.as_str(), "عبد" | "ابو"));
                words.push((t.start, k));
            }
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
    use super::{key, Mentions};
    use crate::text::Paragraph;

    fn page(text: &str) -> Mentions {
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

    #[test]
    fn a_name_is_found_with_its_prefixes_and_spellings() {
        let text = "قال السلامي إن الفريق جاهز، وأشاد للسلامي بالجماهير وبعبدالله وعبد الله";
        let m = page(text);
        let at = |w: &str| m.of_word(&key(w));
        assert_eq!(at("السلامي").len(), 2);
        assert_eq!(m.of_word("عبدالله").len(), 2);
        assert_eq!(at("الفريق"), vec![text.find("الفريق").unwrap()]);
        let phrase: Vec<String> = ["قال", "السلامي"].iter().map(|w| key(w)).collect();
        assert_eq!(m.of_phrase(&phrase), vec![0]);
        assert!(m.of_phrase(&[key("السلامي"), key("قال")]).is_empty());
    }
}
