//! Learned weights of the words at a candidate speaker's edges and around its mention: the
//! words a page writes just before and after a speaker's name (`وقال`, `عن`, `التقى`, or
//! punctuation) and the first and last words of the name itself (`مصدر`, `وزارة`, `بيانا`)
//! tell speakers from people and things a page only mentions, in ways the word lists of the
//! rules do not.
//!
//! Each candidate has up to four keys (see [`keys`]); `lexical_weights.tsv` gives a weight to
//! each key seen often enough on the annotated pages (written by
//! `scripts/train_speaker_reranker.py --rust --lexical-out`), and a candidate's lexical score
//! is the sum of its keys' weights.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::mentions::Mentions;
use crate::text::quotes::lexicon::{anonymous, institutions, is_common_word, person_nouns, titles};
use crate::text::quotes::speakers::is_body_word;

/// The key weights: one `key<TAB>weight` line each, `#` lines are comments.
const WEIGHTS: &str = include_str!("lexical_weights.tsv");

/// The key weights, parsed once.
fn weights() -> &'static HashMap<String, f32> {
    static MAP: OnceLock<HashMap<String, f32>> = OnceLock::new();
    MAP.get_or_init(|| crate::text::quotes::key_weights::parse(WEIGHTS))
}

/// The lexical keys of a candidate written with the words `words` (comparable forms), whose
/// last whole-name mention before the quote is at the page's word index `mention`: the word
/// before that mention (`p:`), the word after it (`n:`), and its first (`f:`) and last (`l:`)
/// words (see [`edge_key`]); `p:<none>` alone when the page does not write the whole name
/// before the quote.
pub(super) fn keys(mentions: &Mentions, words: &[String], mention: Option<usize>) -> Vec<String> {
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return Vec::new();
    };
    let mut keys = match mention {
        Some(i) => {
            let (prev, next) = mentions.context(words, i);
            vec![format!("p:{prev}"), format!("n:{next}")]
        }
        None => vec!["p:<none>".to_string()],
    };
    keys.push(edge_key("f", first));
    keys.push(edge_key("l", last));
    keys
}

/// The key of a candidate's first or last word: the word itself when it is a common word of
/// news prose or a word of the rules' lists (titles, bodies, institutions, person nouns,
/// anonymous sources: `مصدر`, `وزارة`, `الوزير`), else `<name>` (for any other word, names
/// above all), so that the weights learn what kinds of words open and close a speaker, not
/// which people the annotated pages happen to quote most. (With names as keys, `l:لازاريني` weighed 2.6 and a page quoting
/// him and another official, each after his own `وقال`, gave him all four quotes; held out by
/// rounds, where the same famous people recur, the names were worth 42 quotes of 13,520.)
fn edge_key(slot: &str, word: &str) -> String {
    let known = is_common_word(word) || in_role_lists(word) || anonymous().contains(word);
    if known {
        format!("{slot}:{word}")
    } else {
        format!("{slot}:<name>")
    }
}

/// True for a word of the rules' lists of what names no person: titles, bodies' head nouns,
/// institutions and person nouns.
pub(super) fn in_role_lists(word: &str) -> bool {
    titles().contains(word)
        || is_body_word(word)
        || institutions().contains(word)
        || person_nouns().contains(word)
}

/// The sum of the weights of `keys` (keys without a weight count 0).
pub(super) fn score(keys: &[String]) -> f32 {
    keys.iter().filter_map(|k| weights().get(k)).sum()
}

#[cfg(test)]
mod tests {
    use super::{edge_key, keys, weights, WEIGHTS};
    use crate::text::quotes::rerank::mentions::{name_words, Mentions};

    fn keys_of(m: &Mentions, name: &str, before: usize) -> Vec<String> {
        let words = name_words(name);
        let last = m
            .phrase_at(&words)
            .into_iter()
            .take_while(|&i| m.offset(i) < before)
            .last();
        keys(m, &words, last)
    }

    #[test]
    fn keys_name_the_words_around_the_last_mention_before_the_quote() {
        let text = "التقى محمد علي الوزير. وقال محمد علي إن «الوضع صعب»";
        let m = Mentions::of_text(text);
        let quote = text.find('«').unwrap();
        // (Keys hold the page's comparable forms: `إن` is `ان`.)
        let key = |slot: &str, w: &str| format!("{slot}:{}", name_words(w)[0]);
        assert_eq!(
            keys_of(&m, "محمد علي", quote),
            [
                key("p", "وقال"),
                key("n", "إن"),
                "f:<name>".to_string(),
                "l:<name>".to_string()
            ]
        );
        let early = keys_of(&m, "محمد علي", text.find("الوزير").unwrap());
        assert_eq!(early[..2], [key("p", "التقى"), key("n", "الوزير")]);
        assert_eq!(
            keys_of(&m, "سالم", quote),
            ["p:<none>", "f:<name>", "l:<name>"]
        );
        assert!(keys_of(&m, "", quote).is_empty());
    }

    #[test]
    fn edge_keys_keep_common_words_and_titles_and_fold_names() {
        let w = |s: &str| name_words(s).remove(0);
        assert_eq!(edge_key("f", &w("وزارة")), format!("f:{}", w("وزارة")));
        assert_eq!(edge_key("f", &w("الوزير")), format!("f:{}", w("الوزير")));
        assert_eq!(edge_key("l", &w("لازاريني")), "l:<name>");
    }

    #[test]
    fn every_weight_line_parses() {
        crate::text::quotes::key_weights::check(WEIGHTS, "lexical_weights.tsv");
        assert!(!weights().is_empty());
    }
}
