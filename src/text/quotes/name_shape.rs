//! How much a word no list knows reads as a person's name by its letters alone.
//!
//! The gazetteer of given names cannot list every foreign name a page transliterates
//! (`فيليبرتو`, `رافاييلا`, `بريجيت`), and such names are spelled unlike the words of Arabic
//! prose: their letter sequences are rare in news words. A logistic model over a word's
//! character 1- to 4-grams (`^` and `$` mark its ends), fitted by `scripts/train_name_shape.py`
//! on the repository's own lists (the sure given names against the common words of news
//! prose), gives the probability that a word is a name; [`reads_as_name`] asks for a high one.

use std::collections::HashMap;
use std::sync::OnceLock;

/// The n-gram weights and the intercept (`<bias>`), as the training script writes them.
const WEIGHTS: &str = include_str!("name_shape_weights.tsv");

/// How sure the model must be. Cross-validated on its lists, 0.97 takes 16% of given names
/// and 6% of common words for names; it is asked only about words neither list holds.
const THRESHOLD: f32 = 0.97;

fn weights() -> &'static HashMap<String, f32> {
    static MAP: OnceLock<HashMap<String, f32>> = OnceLock::new();
    MAP.get_or_init(|| super::key_weights::parse(WEIGHTS))
}

/// The model's probability that the normalised word `w` is a name.
pub(crate) fn name_probability(w: &str) -> f32 {
    let weights = weights();
    let chars: Vec<char> = std::iter::once('^')
        .chain(w.chars())
        .chain(std::iter::once('$'))
        .collect();
    let mut score = weights.get("<bias>").copied().unwrap_or(0.0);
    let mut gram = String::new();
    for n in 1..=4 {
        for window in chars.windows(n) {
            gram.clear();
            gram.extend(window);
            score += weights.get(gram.as_str()).copied().unwrap_or(0.0);
        }
    }
    1.0 / (1.0 + (-score).exp())
}

/// True when the normalised word `w` reads as a name by its letters: four letters or more, no
/// article, not the shape of a verb in the imperfect (`يفوز`, `يبحثان`, `تعمل`, which the
/// common words do not all hold), and the model at [`THRESHOLD`] or more. Callers ask only
/// about words that no list knows.
pub(crate) fn reads_as_name(w: &str) -> bool {
    w.chars().count() >= 4
        && !super::speakers::looks_imperfect(w)
        && !super::words::has_article(w)
        && w.chars().all(|c| ('\u{0621}'..='\u{064A}').contains(&c))
        && name_probability(w) >= THRESHOLD
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::quotes::words::norm;

    #[test]
    fn the_weight_file_parses() {
        crate::text::quotes::key_weights::check(WEIGHTS, "name_shape_weights.tsv");
        assert!(weights().contains_key("<bias>"));
    }

    #[test]
    fn foreign_names_read_as_names_and_prose_does_not() {
        // Names neither list holds (the model never saw them).
        for name in ["فيليبرتو", "رافاييلا", "بريجيت", "سابرينا"] {
            assert!(reads_as_name(&norm(name)), "{name}");
        }
        // Words of prose neither list holds, which the model itself reads as no names.
        for word in ["منزعجا", "مضطرة", "سياراتهم", "باعتبارها", "تحقيقاتها"]
        {
            assert!(name_probability(&norm(word)) < 0.5, "{word}");
            assert!(!reads_as_name(&norm(word)), "{word}");
        }
        // A verb in the imperfect is not asked.
        assert!(!reads_as_name(&norm("يفوز")));
    }
}
