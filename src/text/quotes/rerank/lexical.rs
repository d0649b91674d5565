//! Learned weights of the words at a candidate speaker's edges and around its mention: the
//! words a page writes just before and after a speaker's name (`وقال`, `عن`, `التقى`, a comma)
//! and the first and last words of the name itself (`مصدر`, `وزارة`, `بيانا`) tell speakers
//! from people and things a page only mentions, in ways the word lists of the rules do not.
//!
//! Each candidate has four keys (see [`keys`]); `lexical_weights.tsv` gives a weight to each
//! key seen often enough on the annotated pages (written by `scripts/train_speaker_reranker.py
//! --lexical-out`), and a candidate's lexical score is the sum of its keys' weights.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::mentions::{name_words, Mentions};

/// The key weights: one `key<TAB>weight` line each, `#` lines are comments.
const WEIGHTS: &str = include_str!("lexical_weights.tsv");

/// The key weights, parsed once.
fn weights() -> &'static HashMap<String, f32> {
    static MAP: OnceLock<HashMap<String, f32>> = OnceLock::new();
    MAP.get_or_init(|| {
        WEIGHTS
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let (k, w) = l.split_once('\t')?;
                Some((k.to_string(), w.trim().parse().ok()?))
            })
            .collect()
    })
}

/// The lexical keys of the candidate written `surface`, for a quote starting at byte
/// `before`: the word before its last whole-name mention before the quote (`p:`), the word
/// after it (`n:`), and its first (`f:`) and last (`l:`) words; `p:<none>` and `n:<none>` when
/// the page does not write the whole name before the quote. Nobody has no keys.
pub(super) fn keys(mentions: &Mentions, surface: Option<&str>, before: usize) -> Vec<String> {
    let Some(surface) = surface else {
        return Vec::new();
    };
    let words = name_words(surface);
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return Vec::new();
    };
    let (prev, next) = mentions
        .context(&words, before)
        .unwrap_or_else(|| ("<none>".into(), "<none>".into()));
    vec![
        format!("p:{prev}"),
        format!("n:{next}"),
        format!("f:{first}"),
        format!("l:{last}"),
    ]
}

/// The sum of the weights of `keys` (keys without a weight count 0).
pub(super) fn score(keys: &[String]) -> f32 {
    keys.iter().filter_map(|k| weights().get(k)).sum()
}

#[cfg(test)]
mod tests {
    use super::{keys, weights};
    use crate::text::quotes::rerank::mentions::{name_words, Mentions};

    #[test]
    fn keys_name_the_words_around_the_last_mention_before_the_quote() {
        let text = "التقى محمد علي الوزير. وقال محمد علي إن «الوضع صعب»";
        let m = Mentions::of_text(text);
        let quote = text.find('«').unwrap();
        // (Keys hold the page's comparable forms: `إن` is `ان`.)
        let key = |slot: &str, w: &str| format!("{slot}:{}", name_words(w)[0]);
        let k = keys(&m, Some("محمد علي"), quote);
        assert_eq!(
            k,
            [
                key("p", "وقال"),
                key("n", "إن"),
                key("f", "محمد"),
                key("l", "علي")
            ]
        );
        let early = keys(&m, Some("محمد علي"), text.find("الوزير").unwrap());
        assert_eq!(early[..2], [key("p", "التقى"), key("n", "الوزير")]);
        let absent = keys(&m, Some("سالم"), quote);
        assert_eq!(absent[..2], ["p:<none>", "n:<none>"]);
        assert!(keys(&m, None, quote).is_empty());
    }

    #[test]
    fn the_weights_parse() {
        assert!(weights().len() > 100);
        assert!(weights().values().all(|w| w.is_finite()));
    }
}
