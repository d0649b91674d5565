//! Reporting cues (docs §2.3): verbs, describing verbs, participles, verbal nouns, "according
//! to" forms and speaker-switch adverbials, recognised in any of their `و`/`ف`-prefixed,
//! feminine, plural and tanwīn spellings.

use super::lexicon::{cues, CueKind};
use super::words::{lookup_forms, Token};

/// The cue kind of a normalised word, trying its prefix-stripped forms.
pub(crate) fn cue_kind(norm: &str) -> Option<CueKind> {
    lookup_forms(norm).find_map(|f| cues().get(f).copied())
}

/// True for `واصل` ("went on"), a reporting verb's form that is a first name too, at
/// `tokens[i]` before `أبو` or a sure given name (`واصل أبو يوسف`): there it opens a name.
pub(crate) fn first_name_not_cue(tokens: &[Token], i: usize) -> bool {
    tokens[i].norm == "واصل"
        && tokens.get(i + 1).is_some_and(|n| {
            n.norm == "ابو"
                || super::lexicon::given_name(&n.norm) == Some(super::lexicon::GivenName::Sure)
        })
}

/// The cue kind of the word at `tokens[i]`, in context: `طلب عدم ذكر اسمه` ("asked not to be
/// named") is no cue.
pub(crate) fn cue_at(tokens: &[Token], i: usize) -> Option<CueKind> {
    let t = tokens.get(i)?;
    // `فحسب` is "only", not `فـ` + `حسب` ("according to").
    if !t.is_word() || (i > 0 && tokens[i - 1].norm == "عدم") || t.norm == "فحسب" {
        return None;
    }
    // `رد فعل`, `ردود فعل`: a reaction, not a reply.
    if tokens
        .get(i + 1)
        .is_some_and(|n| matches!(n.norm.as_str(), "فعل" | "الفعل" | "افعال"))
    {
        return None;
    }
    // `عبر سيموني إنزاجي عن صعوبة …`: `عبّر` ("expressed") opening its clause, with its
    // subject and then `عن`; elsewhere the word is mostly `عبر` ("via").
    if matches!(t.norm.as_str(), "عبر" | "وعبر") && expressed_about(tokens, i) {
        return Some(CueKind::Verb);
    }
    if is_statement_frame(tokens, i) {
        return Some(CueKind::Statement);
    }
    let kind = cue_kind(&t.norm)?;
    // `عضو اللجنة التنفيذية واصل أبو يوسف`, `وقال د. واصل أبو يوسف`: after a role's word, an
    // honorific or a cue, the verb's form opens a name (see [`first_name_not_cue`]).
    let before_name = |p: &Token| {
        p.is_word()
            && (super::words::has_article(&p.norm)
                || super::speakers::is_title_word(&p.norm)
                || super::words::is_name_honorific(&p.norm)
                || cue_kind(&p.norm).is_some())
    };
    if i > 0 && before_name(&tokens[i - 1]) && first_name_not_cue(tokens, i) {
        return None;
    }
    // `صلاح حسب الله`: `حسب` before `الله` is a compound family name, not "according to".
    if kind == CueKind::According && tokens.get(i + 1).is_some_and(|n| n.norm == "الله") {
        return None;
    }
    if kind == CueKind::Noun && evaluated_statement(tokens, i) {
        return None;
    }
    // `شدد على رفض الأردن …`: after a preposition the word is a verbal noun, not a verb.
    let after_preposition = i > 0
        && matches!(
            tokens[i - 1].norm.as_str(),
            "على"
                | "في"
                | "من"
                | "الى"
                | "إلى"
                | "عن"
                | "مع"
                | "حول"
                | "بعد"
                | "قبل"
                | "خلال"
        );
    if after_preposition && matches!(kind, CueKind::Verb | CueKind::Stance | CueKind::Describe) {
        return None;
    }
    Some(kind)
}

/// True when `عبر` at `tokens[i]` opens its clause (the start, punctuation or `و`) and `عن`
/// follows its subject within a few words, with no punctuation between: `عبّر X عن`.
fn expressed_about(tokens: &[Token], i: usize) -> bool {
    let opens = i == 0 || !tokens[i - 1].is_word() || tokens[i].norm.starts_with('و');
    let subject_then_an = tokens
        .iter()
        .skip(i + 1)
        .take(8)
        .take_while(|t| t.is_word() && !t.in_quote)
        .position(|t| t.norm == "عن");
    opens && subject_then_an.is_some_and(|k| k >= 1)
}

/// True for someone's statements that the sentence judges rather than quotes: the subject of
/// a complement clause (`أن تصريحات ماكرون الأخيرة "غير مقبولة"`) or the object of a verb
/// of judging (`واصفا تصريحات القوات بأنها`, `تدين تصريحات الوزير وتعتبرها "…"`). The words
/// in marks are the judge's.
fn evaluated_statement(tokens: &[Token], i: usize) -> bool {
    let statements =
        lookup_forms(&tokens[i].norm).any(|f| matches!(f, "تصريحات" | "تصريح" | "اقوال" | "كلام"));
    let before = i.checked_sub(1).map(|k| tokens[k].norm.as_str());
    let judged = before.is_some_and(|w| {
        matches!(w, "ان" | "بان" | "وان" | "لان")
            || lookup_forms(w).any(|f| {
                matches!(
                    f,
                    "واصفا"
                        | "واصفه"
                        | "وصف"
                        | "وصفت"
                        | "اعتبر"
                        | "اعتبرت"
                        | "معتبرا"
                        | "معتبره"
                        | "تدين"
                        | "يدين"
                        | "ادان"
                        | "ادانت"
                        | "انتقد"
                        | "انتقدت"
                        | "استنكر"
                        | "استنكرت"
                        | "رفض"
                        | "رفضت"
                )
            })
    });
    statements && judged
}

/// Nouns for a written statement in `وجاء في <noun>` (docs §2.3, pattern P8).
pub(crate) const STATEMENT_NOUNS: &[&str] = &[
    "بيان",
    "البيان",
    "المذكره",
    "مذكره",
    "الرساله",
    "رساله",
    "التقرير",
    "تقرير",
    "نص",
    "تغريده",
    "التغريده",
    "منشور",
    "المنشور",
    // The body's page on a social network (`وأضافت الصفحة أن …`).
    "الصفحه",
    "كلمه",
    "البلاغ",
    "بلاغ",
    "القرار",
    "الوثيقه",
];

/// True for `جاء` in `وجاء في بيان …` ("the statement read …") and in `بيانًا، جاء فيه`.
fn is_statement_frame(tokens: &[Token], i: usize) -> bool {
    let jaa = matches!(tokens[i].norm.as_str(), "جاء" | "وجاء" | "فجاء");
    let in_statement = tokens.get(i + 1).is_some_and(|t| t.norm == "في")
        && tokens
            .get(i + 2)
            .is_some_and(|t| STATEMENT_NOUNS.contains(&t.norm.as_str()));
    // (Only after the statement itself: `أصدر X بيانًا، جاء فيه`.)
    let in_it = tokens
        .get(i + 1)
        .is_some_and(|t| matches!(t.norm.as_str(), "فيه" | "فيها"))
        && super::speakers::issuer_before_resumptive(tokens, i).is_some();
    jaa && (in_statement || in_it)
}

/// A cue found for a quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Cue {
    /// Index of the paragraph (in the slice given to `find_quotes`).
    pub paragraph: usize,
    /// Index of the cue token in that paragraph's tokens.
    pub token: usize,
    /// What kind of cue it is.
    pub kind: CueKind,
    /// True when the cue follows the quote (`"…"، قالت X`).
    pub after: bool,
}

/// How many tokens before a quote are searched for its cue.
const MAX_LOOKBACK: usize = 120;

/// The nearest cue in `tokens[lo..hi]` going backwards, outside quotes, at most
/// [`MAX_LOOKBACK`] tokens away. Adverbials count only when nothing stronger is there.
pub(crate) fn nearest_before(tokens: &[Token], lo: usize, hi: usize) -> Option<(usize, CueKind)> {
    let lo = lo.max(hi.saturating_sub(MAX_LOOKBACK));
    let mut adverbial = None;
    let mut weak = None;
    for i in (lo..hi.min(tokens.len())).rev() {
        let t = &tokens[i];
        if !t.is_word() || t.in_quote {
            continue;
        }
        match cue_at(tokens, i) {
            Some(CueKind::Adverbial) => {
                adverbial.get_or_insert((i, CueKind::Adverbial));
            }
            Some(CueKind::Stance) => {}
            // `في تصريح للصحفيين`, `خلال كلمته`: the occasion of a verb's statement, a cue of
            // its own only when no verb is there.
            Some(CueKind::Noun) if is_occasion(tokens, i) => {
                weak.get_or_insert((i, CueKind::Noun));
            }
            // `حسبما ذكرت قناة …`, `كما نقلت وكالة …`: an aside naming where the report
            // came from; the quote's cue is further back when there is one.
            Some(_) if is_source_aside(tokens, i) => {
                weak.get_or_insert((i, CueKind::Noun));
            }
            // `وقال المتحدث …، بحسب الصحيفة الرسمية، إن`: the outlet that relayed a verb's
            // statement; the verb is the cue when there is one.
            Some(CueKind::According) if outlet_after(tokens, i) => {
                weak.get_or_insert((i, CueKind::According));
            }
            // `وقالت X إن هذه الدورة تؤكد «…»`: a cue inside what an earlier cue reports.
            Some(CueKind::Verb) if embedded(tokens, lo, i) => {
                weak.get_or_insert((i, CueKind::Verb));
            }
            Some(kind) => return Some(tongue_before(tokens, lo, i).unwrap_or((i, kind))),
            None => {}
        }
    }
    weak.or(adverbial)
}

/// True when an outlet follows the "according to" word at `tokens[i]` (`بحسب الصحيفة`,
/// `حسب وكالة الأنباء`).
fn outlet_after(tokens: &[Token], i: usize) -> bool {
    let mut k = i + 1;
    if tokens.get(k).is_some_and(|t| t.norm == "ل") {
        k += 1;
    }
    tokens.get(k).is_some_and(|t| {
        // `لصحيفة`, `للصحيفة`, `الصحيفة`: the preposition and the article removed.
        let bare = crate::text::quotes::words::strip_article(
            crate::text::quotes::speakers::strip_lam(&t.norm),
        );
        matches!(
            bare,
            "صحيفه"
                | "وكاله"
                | "قناه"
                | "موقع"
                | "تلفزيون"
                | "اذاعه"
                | "جريده"
                | "مجله"
        )
    })
}

/// True when the verb cue at `tokens[i]` stands inside the clause an earlier verb cue of the
/// same stretch reports: after that cue and a complementiser, in the imperfect (`قال إن
/// الدورة تؤكد`) or in a condition (`وأضاف أنه إذا دعت السعودية …`).
fn embedded(tokens: &[Token], lo: usize, i: usize) -> bool {
    let w = tokens[i].norm.as_str();
    let bare = w
        .strip_prefix(['و', 'ف'])
        .filter(|r| r.chars().count() >= 3)
        .unwrap_or(w);
    // `يؤكد`, `تؤكد` (not `تابع`, `تحدث`: perfect verbs that begin with `ت`).
    let imperfect = bare.starts_with('ي')
        || bare
            .strip_prefix('ت')
            .is_some_and(|rest| cue_kind(&format!("ي{rest}")).is_some());
    let conditional = (lo.max(i.saturating_sub(3))..i)
        .any(|k| matches!(tokens[k].norm.as_str(), "اذا" | "واذا" | "لو" | "ولو"));
    if !(imperfect || conditional) {
        return false;
    }
    // The complementiser after an earlier verb cue, within twelve words, in one clause.
    let from = lo.max(i.saturating_sub(12));
    // A bare complementiser or one with a pronoun (`أنه`, `بأنها`).
    let complementiser = |w: &str| {
        let w = w.strip_prefix(['و', 'ب', 'ف']).unwrap_or(w);
        w.strip_prefix("ان")
            .is_some_and(|rest| matches!(rest, "" | "ه" | "ها" | "هم" | "نا" | "ني"))
    };
    let Some(c) = (from..i)
        .rev()
        .find(|&k| tokens[k].is_word() && complementiser(&tokens[k].norm))
    else {
        return false;
    };
    (from..c).any(|k| !tokens[k].in_quote && matches!(cue_at(tokens, k), Some(CueKind::Verb)))
        && tokens[c..i]
            .iter()
            .all(|t| t.is_word() || t.punct() == Some('،'))
}

/// A `على لسان X` ("in the words of X") in `tokens[lo..hi]`: it names whose words a quote is,
/// even when another cue stands nearer (`وعلى لسان أحد التجار، نقلت إذاعة … أن "…"`).
fn tongue_before(tokens: &[Token], lo: usize, hi: usize) -> Option<(usize, CueKind)> {
    (lo.max(1)..hi)
        .rev()
        .find(|&k| {
            !tokens[k].in_quote
                && lookup_forms(&tokens[k].norm).any(|f| f == "لسان")
                && lookup_forms(&tokens[k - 1].norm).any(|f| f == "على")
        })
        .map(|k| (k, CueKind::According))
}

/// Prepositions that make a following verbal noun the occasion of a statement.
const OCCASION: &[&str] = &[
    "في",
    "وفي",
    "فى",
    "وفى",
    "خلال",
    "وخلال",
    "عبر",
    "على",
    "وعلى",
];

/// True for a verbal noun after a preposition (`في تصريح للصحفيين`, `تعليقا على تصريحات`):
/// the occasion of a statement, whose following phrase is the audience, not the speaker.
pub(crate) fn is_occasion(tokens: &[Token], i: usize) -> bool {
    i > 0 && OCCASION.contains(&tokens[i - 1].norm.as_str())
}

/// A post-posed cue right after a quote that ends at token index `from` (exclusive): commas,
/// then a reporting verb or an "according to" form.
pub(crate) fn right_after(tokens: &[Token], from: usize) -> Option<(usize, CueKind)> {
    let mut i = from;
    while i < tokens.len()
        && (matches!(tokens[i].punct(), Some('،' | ',' | '-' | '–'))
            || matches!(tokens[i].norm.as_str(), "هكذا" | "وهكذا"))
    {
        i += 1;
    }
    // `"…" هذا ما صرّح به البابا فرنسيس`: "this is what X said".
    if tokens.get(i + 1).is_some_and(|t| t.norm == "ما")
        && matches!(tokens[i].norm.as_str(), "هذا" | "ذلك" | "هذه" | "وهذا")
    {
        i += 2;
    }
    let t = tokens.get(i)?;
    if !t.is_word() || t.in_quote {
        return None;
    }
    match cue_at(tokens, i)? {
        k @ (CueKind::Verb | CueKind::According) => Some((i, k)),
        _ => None,
    }
}

/// True for a cue in an aside that names the source of a report (`حسبما ذكرت قناة`, `وفق ما
/// نقلت وكالة`, `كما أفادت صحيفة`).
fn is_source_aside(tokens: &[Token], i: usize) -> bool {
    let before = |k: usize| {
        i.checked_sub(k)
            .and_then(|j| tokens.get(j))
            .map(|t| t.norm.as_str())
    };
    matches!(
        before(1),
        Some("حسبما" | "وحسبما" | "كما" | "وفقما" | "بحسبما")
    ) || (before(1) == Some("ما")
        && matches!(before(2), Some("حسب" | "وفق" | "بحسب" | "وفقا" | "طبقا")))
}

/// The gender of the cue word that starts at byte `at` of `input` (`وقالت` feminine, `وقال`
/// masculine), if it is a singular verb or participle.
pub(crate) fn cue_gender_at(input: &str, at: usize) -> Option<super::lexicon::Gender> {
    let word = super::words::word_at(input, at)?;
    super::lexicon::cue_gender(&super::words::norm(word))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::quotes::words::norm;

    fn kind(w: &str) -> Option<CueKind> {
        cue_kind(&norm(w))
    }

    #[test]
    fn verbs_with_prefixes_and_inflections() {
        for w in [
            "قال",
            "وقال",
            "فقال",
            "قالت",
            "وقالوا",
            "وأضاف",
            "فأضافت",
            "أكد",
            "وأكدت",
            "أوضح",
            "وأوضحت",
            "أشار",
            "وأشارت",
            "لفت",
            "ولفتت",
            "صرّح",
            "حذّر",
            "يقول",
            "ويرى",
        ] {
            assert_eq!(kind(w), Some(CueKind::Verb), "{w}");
        }
    }

    #[test]
    fn participles_in_all_forms() {
        for w in [
            "مضيفا",
            "مضيفاً",
            "مضيفة",
            "قائلا",
            "قائلًا",
            "معتبرة",
            "معتبرا",
            "مؤكدين",
            "مشيرة",
            "لافتا",
            "مشددا",
        ] {
            assert_eq!(kind(w), Some(CueKind::Participle), "{w}");
        }
    }

    #[test]
    fn describe_according_adverbial_noun() {
        assert_eq!(kind("وصف"), Some(CueKind::Describe));
        assert_eq!(kind("وصفته"), Some(CueKind::Describe));
        assert_eq!(kind("بحسب"), Some(CueKind::According));
        assert_eq!(kind("وبحسب"), Some(CueKind::According));
        assert_eq!(kind("وفقًا"), Some(CueKind::According));
        assert_eq!(kind("حسب"), Some(CueKind::According));
        assert_eq!(kind("بدوره"), Some(CueKind::Adverbial));
        assert_eq!(kind("تأكيد"), Some(CueKind::Noun));
        assert_eq!(kind("بالقول"), Some(CueKind::Noun));
    }

    #[test]
    fn look_alikes_are_not_cues() {
        for w in ["عبر", "بين", "رأي", "ردا", "طالب", "قالب", "الأخبار"]
        {
            assert_eq!(kind(w), None, "{w}");
        }
    }
}
