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
/// words; `p:<none>` alone when the page does not write the whole name before the quote.
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
    keys.push(format!("f:{first}"));
    keys.push(format!("l:{last}"));
    keys
}

/// The sum of the weights of `keys` (keys without a weight count 0).
pub(super) fn score(keys: &[String]) -> f32 {
    keys.iter().filter_map(|k| weights().get(k)).sum()
}

#[cfg(test)]
mod tests {
    use super::{keys, weights, WEIGHTS};
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
                key("f", "محمد"),
                key("l", "علي")
            ]
        );
        let early = keys_of(&m, "محمد علي", text.find("الوزير").unwrap());
        assert_eq!(early[..2], [key("p", "التقى"), key("n", "الوزير")]);
        assert_eq!(
            keys_of(&m, "سالم", quote),
            ["p:<none>".to_string(), key("f", "سالم"), key("l", "سالم")]
        );
        assert!(keys_of(&m, "", quote).is_empty());
    }

    #[test]
    fn every_weight_line_parses() {
        crate::text::quotes::key_weights::check(WEIGHTS, "lexical_weights.tsv");
        assert!(!weights().is_empty());
    }
}
