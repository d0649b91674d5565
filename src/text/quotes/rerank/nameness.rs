//! How much a candidate speaker reads as a name: the rules sometimes take a verb's object or
//! a phrase for a cue's subject (`يفوز برئاسة`, `بيانا`, `صورة`); the word lists of the rules
//! (given names, and foreign ones read by their letters: `name_shape.rs`), and the list of
//! common words of news prose the annotated pages never write in a name, tell such phrases from
//! people and bodies.

use crate::text::quotes::lexicon::{
    anonymous, complementisers, cues, given_name, given_name_by_shape, indefinite_modifiers,
    institutions, is_common_word, person_nouns, stop_words, titles, GivenName, PREPOSITIONS,
};
use crate::text::quotes::words::{lookup_forms, strip_article};

/// How many features [`nameness`] gives.
pub(super) const NAMENESS: usize = 10;

/// Index (among [`nameness`]'s features) of: a sure given name first.
pub(super) const SURE_GIVEN_FIRST: usize = 0;

/// Index (among [`nameness`]'s features) of: its last word is a common word.
pub(super) const LAST_WORD_COMMON: usize = 8;

/// Features of a candidate's words (each normalised by `norm`, as the word lists are); all 0
/// for nobody.
pub(super) fn nameness(words: &[String]) -> [f32; NAMENESS] {
    let Some(first) = words.first() else {
        return [0.0; NAMENESS];
    };
    let given = |w: &str| given_name_by_shape(w).is_some();
    let sure_first = given_name(first) == Some(GivenName::Sure)
        || (matches!(first.as_str(), "ابو" | "ام") && words.get(1).is_some_and(|w| given(w)))
        || first
            .strip_prefix("ابو")
            .or_else(|| first.strip_prefix("عبد"))
            .is_some_and(given)
        || words
            .get(1)
            .is_some_and(|w| given_name(&format!("{first} {w}")) == Some(GivenName::Sure));
    let any_given = words.iter().any(|w| given(w));
    let institution = institutions().contains(first.as_str())
        || institutions().contains(strip_article(first))
        || institutions().contains(&format!("ال{first}"));
    let title = [first.clone(), format!("ال{first}")]
        .iter()
        .any(|w| titles().contains(w) || person_nouns().contains(w));
    let not_a_name = words.iter().any(|w| {
        stop_words().contains(w)
            || PREPOSITIONS.contains(&w.as_str())
            || complementisers().contains(w)
            || anonymous().contains(w)
            || indefinite_modifiers().contains(w)
            || lookup_forms(w).any(|f| cues().contains_key(f))
    });
    let plain = !any_given && !institution;
    // Words of news prose the pages never write in a name (`صورة`, `لأول مرة`).
    let common = |w: &String| is_common_word(w);
    let common_share = words.iter().filter(|w| common(w)).count() as f32 / words.len() as f32;
    [
        f32::from(sure_first),
        f32::from(any_given),
        f32::from(institution),
        f32::from(title),
        f32::from(not_a_name),
        // `بيانا`, `اجتماعا`: an indefinite accusative.
        f32::from(first.ends_with('ا') && first.chars().count() > 3 && plain),
        f32::from(words.len() == 1 && plain && !title),
        common_share,
        f32::from(words.last().is_some_and(common)),
        f32::from(common(first)),
    ]
}

#[cfg(test)]
mod tests {
    use super::nameness;
    use crate::text::quotes::words::norm;

    fn of(s: &str) -> [f32; super::NAMENESS] {
        let words: Vec<String> = s.split_whitespace().map(norm).collect();
        nameness(&words)
    }

    #[test]
    fn people_bodies_and_phrases_read_apart() {
        assert_eq!(of("محمد أبو سلمية")[0], 1.0);
        assert_eq!(of("أبو محمد")[0], 1.0);
        assert_eq!(of("وزارة الصحة")[2], 1.0);
        assert_eq!(of("المتحدث باسم الحكومة")[3], 1.0);
        // A phrase taken for a subject.
        let phrase = of("بيانا");
        assert_eq!(phrase[0] + phrase[1] + phrase[2], 0.0);
        assert_eq!((phrase[5], phrase[6]), (1.0, 1.0));
        assert_eq!(of("يفوز برئاسة")[1], 0.0);
        // Common words of news prose: their share, the last word, the first word.
        let phrase = of("بلقيس فتحي لأول مرة");
        assert_eq!(phrase[super::LAST_WORD_COMMON], 1.0);
        assert_eq!((phrase[7], phrase[9]), (0.5, 0.0));
        assert_eq!(of("صورة")[7..], [1.0, 1.0, 1.0]);
        assert_eq!(of("كيم جونغ أون")[7..], [0.0, 0.0, 0.0]);
        assert_eq!(nameness(&[]), [0.0; super::NAMENESS]);
    }
}
