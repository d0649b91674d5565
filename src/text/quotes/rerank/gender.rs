//! Whether a candidate speaker agrees in grammatical gender with the quote's cue: `وقالت`
//! and `مضيفة` report a woman or a body with a feminine name (`الوزارة`), `وقال` and
//! `مضيفا` a man or a body with a masculine one (`المجلس`). A person's gender comes from the
//! given name (`lexicon::given_name_gender`) or, for names the lists do not know (`أورسولا
//! فون دير لاين`, `ماو نينغ`), from the cues the page writes the person as the subject of; a
//! body's or a role's from its first word. Bodies follow the rule less strictly than people
//! (`وأضاف شرطة …` is written), so the two disagree in features of their own.

use std::collections::HashMap;

use super::fold;
use crate::text::quotes::cues::cue_gender_at;
use crate::text::quotes::lexicon::{given_name_gender, masculine_heads, Gender};
use crate::text::quotes::words::{is_diacritic, norm};
use crate::text::quotes::Voice;

/// How many gender features each candidate has.
pub(super) const GENDER: usize = 4;

/// The genders the page's cues give their subjects: for each folded speaker, how many
/// feminine and how many masculine cues it is the subject of.
pub(super) struct PageGenders {
    votes: HashMap<String, (u32, u32)>,
}

impl PageGenders {
    /// Count the cue of each voice that has one (`at` is the cue's offset in `input`).
    pub(super) fn new(input: &str, voices: &[Voice]) -> PageGenders {
        let mut votes: HashMap<String, (u32, u32)> = HashMap::new();
        for v in voices.iter().filter(|v| v.cue) {
            let (Some(speaker), Some(g)) = (&v.speaker, cue_gender_at(input, v.at)) else {
                continue;
            };
            let e = votes.entry(fold(speaker)).or_default();
            match g {
                Gender::Feminine => e.0 += 1,
                Gender::Masculine => e.1 += 1,
            }
        }
        PageGenders { votes }
    }

    /// The gender most of the page's cues give the folded speaker `f`, if any do.
    fn of(&self, f: &str) -> Option<Gender> {
        let &(fem, masc) = self.votes.get(f)?;
        match fem.cmp(&masc) {
            std::cmp::Ordering::Greater => Some(Gender::Feminine),
            std::cmp::Ordering::Less => Some(Gender::Masculine),
            std::cmp::Ordering::Equal => None,
        }
    }
}

/// A candidate's gender, and whether it is a person's (rather than a body's or a role's).
fn candidate_gender(surface: &str, folded: &str, page: &PageGenders) -> Option<(Gender, bool)> {
    let first = surface.split_whitespace().next()?;
    if let Some(g) = given_name_gender(first) {
        return Some((g, true));
    }
    // A body's or a role's first word before the page's cues: a body is often the subject of
    // a verb in the masculine (`وأضاف البيان` for the ministry).
    if first
        .trim_end_matches(|c| is_diacritic(c) || c == '\u{0640}')
        .ends_with('ة')
    {
        return Some((Gender::Feminine, false));
    }
    if masculine_heads().contains(&norm(first)) {
        return Some((Gender::Masculine, false));
    }
    page.of(folded).map(|g| (g, true))
}

/// The gender features of a candidate (`surface` as the page writes it, `folded`; `None`
/// for nobody) for a quote whose cue has the gender `want` (see [`cue_gender`]): a person
/// agrees; a person disagrees; a body or role agrees; a body or role disagrees.
pub(super) fn features(
    want: Option<Gender>,
    surface: Option<&str>,
    folded: Option<&str>,
    page: &PageGenders,
) -> [f32; GENDER] {
    let have = surface
        .zip(folded)
        .and_then(|(s, f)| candidate_gender(s, f, page));
    match (want, have) {
        (Some(w), Some((g, true))) if w == g => [1.0, 0.0, 0.0, 0.0],
        (Some(_), Some((_, true))) => [0.0, 1.0, 0.0, 0.0],
        (Some(w), Some((g, false))) if w == g => [0.0, 0.0, 1.0, 0.0],
        (Some(_), Some((_, false))) => [0.0, 0.0, 0.0, 1.0],
        _ => [0.0; GENDER],
    }
}

/// The gender of a quote's cue as written (`وقالت`), if it has one.
pub(super) fn cue_gender(cue: Option<&str>) -> Option<Gender> {
    cue.and_then(|c| crate::text::quotes::lexicon::cue_gender(&norm(c)))
}

#[cfg(test)]
mod tests {
    use super::{cue_gender, features, PageGenders};
    use crate::text::quotes::Voice;

    fn voice(at: usize, speaker: &str) -> Voice {
        Voice {
            at,
            paragraph: 0,
            speaker: Some(speaker.to_string()),
            cue: true,
        }
    }

    #[test]
    fn people_and_bodies_agree_or_not() {
        let none = PageGenders::new("", &[]);
        let f = |cue: &str, who: &str| features(cue_gender(Some(cue)), Some(who), Some(who), &none);
        // A person of the cue's gender, and of the other.
        assert_eq!(f("وقالت", "سارة العلي"), [1.0, 0.0, 0.0, 0.0]);
        assert_eq!(f("وقالت", "عادل عبد المهدي"), [0.0, 1.0, 0.0, 0.0]);
        // A body by its first word: in `ة` feminine, `المجلس` masculine.
        assert_eq!(f("وقالت", "وزارة الخارجية"), [0.0, 0.0, 1.0, 0.0]);
        assert_eq!(f("مضيفة", "المجلس الوطني"), [0.0, 0.0, 0.0, 1.0]);
        // No gender: an "according to" cue, a name no list knows, nobody.
        assert_eq!(f("بحسب", "سارة العلي"), [0.0; 4]);
        assert_eq!(f("وقالت", "ماو نينغ"), [0.0; 4]);
        assert_eq!(
            features(cue_gender(Some("وقالت")), None, None, &none),
            [0.0; 4]
        );
    }

    #[test]
    fn the_page_s_cues_give_a_name_its_gender() {
        // `قالت ماو نينغ …` twice and `قال` once: the page writes her as a woman.
        let input = "قالت ماو نينغ قالت ماو نينغ قال ماو نينغ";
        let at = |n: usize| input.match_indices("قال").nth(n).unwrap().0;
        let voices = [
            voice(at(0), "ماو نينغ"),
            voice(at(1), "ماو نينغ"),
            voice(at(2), "ماو نينغ"),
        ];
        let page = PageGenders::new(input, &voices);
        let want = cue_gender(Some("وأضافت"));
        let f = features(want, Some("ماو نينغ"), Some("ماو نينغ"), &page);
        assert_eq!(f, [1.0, 0.0, 0.0, 0.0]);
    }
}
