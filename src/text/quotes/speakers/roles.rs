//! Role words and name words: titles, construct titles (`وزير خارجية …`), nisba adjectives,
//! compound-name particles and descriptions, and the split of a subject phrase into its role and
//! its name.

use super::VERBAL_NOUNS;
use crate::text::quotes::cues::cue_kind;
use crate::text::quotes::lexicon::{anonymous, institutions, person_nouns, stop_words, titles};
use crate::text::quotes::words::has_article;
use crate::text::quotes::words::strip_article;
use crate::text::quotes::words::Token;

pub(crate) fn strip_lam(w: &str) -> &str {
    if w.chars().count() > 3 && !w.starts_with("لل") {
        w.strip_prefix('ل').unwrap_or(w)
    } else {
        w
    }
}

/// True for a word that belongs to a role: a title, an institution noun or modifier, an
/// anonymous-source noun, or any word with the definite article.
pub(super) fn is_role_word(norm: &str) -> bool {
    // `والماء`, `والطاقة`: a definite word joined by `و` continues a role; no name starts so.
    let coordinated = norm
        .strip_prefix('و')
        .is_some_and(|rest| rest.starts_with("ال") && rest.chars().count() > 3);
    // `الرئيس وكبير الإداريين`: a title joined by `و` continues a chain of titles.
    let coordinated_title = norm
        .strip_prefix('و')
        .is_some_and(|rest| rest.chars().count() > 2 && is_title(rest));
    // `وزير الخارجية وشؤون المغتربين`: a construct noun joined by `و` goes on with the role.
    let coordinated_construct = norm
        .strip_prefix('و')
        .is_some_and(|rest| CONSTRUCT_NOUNS.contains(&rest));
    coordinated
        || coordinated_title
        || coordinated_construct
        || is_acting(norm)
        || norm == "غير"
        || is_title(norm)
        || has_article(norm)
        || titles().contains(norm)
        || person_nouns().contains(norm)
        || titles().contains(strip_lam(norm))
        || institutions().contains(norm)
        || institutions().contains(strip_lam(norm))
        || anonymous().contains(norm)
        || norm == "د"
}

/// True when `toks[i]` is the ordinal or grade of the military rank before it (`الفريق أول`,
/// `العماد الركن`, `العميد طيار`): part of the rank, not a first name.
pub(super) fn is_rank_grade(toks: &[Token], i: usize) -> bool {
    i > 0
        && matches!(
            toks[i].norm.as_str(),
            "اول" | "ثاني" | "ركن" | "الركن" | "طيار" | "الطيار" | "بحري" | "البحري"
        )
        && matches!(
            strip_article(&toks[i - 1].norm),
            "فريق" | "لواء" | "عميد" | "عقيد" | "عماد" | "ملازم" | "مقدم" | "رائد"
        )
}

/// True for the words of an acting official (`بالإنابة`, `بالوكالة`, `بالندب`) and of a
/// ministry's people abroad (`وزير الخارجية والتونسيين بالخارج`): the role goes on after them.
fn is_acting(norm: &str) -> bool {
    matches!(
        norm,
        "بالانابه" | "بالوكاله" | "بالندب" | "بالنيابه" | "بالخارج" | "بالمهجر"
    )
}

/// True for a title word proper (not just a definite word).
pub(super) fn is_title(norm: &str) -> bool {
    let own = strip_pronoun(norm);
    // `زوجته`, `جارته`: the ta marbuta is written ت before the pronoun.
    let feminine = own
        .strip_suffix('ت')
        .filter(|_| own.len() < norm.len())
        .map(|stem| format!("{stem}ه"));
    [norm, strip_lam(norm), own, strip_article(norm)]
        .iter()
        .any(|w| titles().contains(*w) || person_nouns().contains(*w))
        || feminine.is_some_and(|w| person_nouns().contains(&w))
}

/// True for a word that, after a name, says what the person named is and is never part of the
/// name: a title in the accusative written without its tanwin mark (`وعين البنك شريف سامي
/// رئيسا لمجلس إدارته`; `مديرا`, `وزيرا`), or the age (`غالغت البالغ من العمر 57 عاما`).
pub(crate) fn describes_the_named(w: &str) -> bool {
    let accusative_title = !has_article(w)
        && w.chars().count() >= 4
        && w.strip_suffix('ا').is_some_and(|stem| {
            titles().contains(stem) && crate::text::quotes::lexicon::given_name(w).is_none()
        });
    accusative_title || matches!(w, "البالغ" | "البالغه")
}

/// True for a noun with the pronoun `ـها` or `ـهم` (`حديثها`, `تفسيرها`): after a name it is
/// the verb's object (a given name ending so, if any, is not).
pub(super) fn possessed_by_them(w: &str) -> bool {
    !has_article(w)
        && w.chars().count() >= 5
        && (w.ends_with("ها") || w.ends_with("هم"))
        && crate::text::quotes::lexicon::given_name(w).is_none()
}

/// True for a definite plural nisba (`الصوماليين`, `الفلسطينيون`): the people a name
/// addresses or belongs to, never a word of the name (`ليون`, `نابليون` are names).
pub(crate) fn is_plural_nisba(w: &str) -> bool {
    has_article(w) && w.chars().count() >= 7 && (w.ends_with("يين") || w.ends_with("يون"))
}

/// True for a noun of speech or stance with the pronoun `ـه` (`حديثه`, `كلامه`, `موقفه`):
/// after a name it is the verb's object, never a surname.
pub(crate) fn is_his_speech(w: &str) -> bool {
    w.strip_suffix('ه').is_some_and(|stem| {
        matches!(
            stem,
            "حديث"
                | "كلام"
                | "قول"
                | "رد"
                | "راي"
                | "موقف"
                | "دعم"
                | "شكر"
                | "اسف"
                | "خطاب"
        )
    })
}

/// The word without a possessive pronoun suffix (`رئيسها` → `رئيس`).
fn strip_pronoun(w: &str) -> &str {
    for suffix in ["هما", "ها", "هم", "ه"] {
        if let Some(stem) = w.strip_suffix(suffix) {
            if stem.chars().count() >= 3 {
                return stem;
            }
        }
    }
    w
}

/// Second parts of compound first names, which carry the article (`عبد الرحمن`, `نور الدين`).
pub(super) const COMPOUND_SECOND: &[&str] = &[
    "الله",
    "الرحمن",
    "الرحيم",
    "العزيز",
    "الكريم",
    "الدين",
    "الحق",
];

/// Broken plurals among the anonymous source nouns (normalised).
pub(super) const BROKEN_PLURAL_SOURCES: &[&str] = &[
    "مصادر",
    "شهود",
    "سكان",
    "خبراء",
    "اوساط",
    "جهات",
    "اطباء",
    "تقارير",
    "وسائل",
    "اعضاء",
    "نشطاء",
    "زوار",
];

/// First names written with the article (`الحارث إدريس`, `الطاهر بن جلون`), normalised.
pub(super) const DEFINITE_FIRST_NAMES: &[&str] = &[
    "الحارث",
    "الحسن",
    "الحسين",
    "العباس",
    "الطاهر",
    "الهادي",
    "الصادق",
    "المنصف",
    "البشير",
    "الطيب",
    "المختار",
    "الفاضل",
    "الحبيب",
    "المنجي",
    "الوليد",
    "المعتصم",
    "المنذر",
    "السعيد",
    "الباجي",
    "الفاتح",
    "المهدي",
    "الميلودي",
    "الحافظ",
    "المرسي",
    // Not the article at all: `إلياس` written without its hamza, `إلهام`.
    "الياس",
    "الهام",
    "الناني",
];

/// Words inside compound names (`محمد بن عبد الرحمن آل ثاني`), normalised.
pub(super) const NAME_PARTICLES: &[&str] = &[
    "بن", "ابن", "بنت", "ال", "آل", "ابو", "ابي", "عبد", "ام",
    "ولد", // Amazigh `آيت` (sons of).
    "ايت",
];

/// Undefined nouns that continue a construct title before its genitive (`وزير خارجية …`,
/// `لاعب وسط …`), normalised.
pub(super) const CONSTRUCT_NOUNS: &[&str] = &[
    "خارجيه",
    "داخليه",
    "دفاع",
    "ماليه",
    "وزراء",
    "وسط",
    "خط",
    "هجوم",
    "مرمى",
    "منتخب",
    "نادي",
    "فريق",
    "حكومه",
    "اداره",
    "ملف",
    "شؤون",
    // `مدير شعبة الإعلام`, `رئيس قسم الطوارئ`: a unit of a body and its genitive.
    "شعبه",
    "قسم",
    "دائره",
    "مديريه",
    "وحده",
    "قطاع",
    "فرع",
    "مصلحه",
    // `قائد عمليات البصرة`: the command of an area.
    "عمليات",
    // `مدير مستشفى بعلبك الحكومي`: a place of work and its name.
    "مستشفي",
    "جامعه",
    "بلديه",
    "مدرسه",
    "مطار",
    "ميناء",
    "سجن",
    // `والي ولاية القضارف`, `محافظ محافظة البصرة`: an administrative unit and its name.
    "ولايه",
    "محافظه",
    "اقليم",
    // `رئيس جنوب أفريقيا`: a compass word and its place.
    "جنوب",
    "شمال",
    "شرق",
    "غرب",
];

/// True for a word that is `لـ` or `بـ` and a noun rather than a name (`لحقوق`, `بمجلس`,
/// `لمشايخ`): not a given name, not a Maghrebi surname in `بو…`/`بن…`.
pub(super) fn is_prepositional_word(w: &str) -> bool {
    let rest = w.strip_prefix('ل').or_else(|| w.strip_prefix('ب'));
    // A long vowel ا or و after the first letter is a transliterated name (`بايدن`, `لافروف`,
    // `لودريان`, `باتيلي`).
    rest.is_some_and(|r| r.chars().count() >= 3 && !r.starts_with(['ل', 'ا', 'و']))
        && !w.starts_with("بو")
        && !w.starts_with("بن")
        && crate::text::quotes::lexicon::given_name(w).is_none()
}

/// True when the name of a subject phrase starts at `toks[i]`: a word that is no role word,
/// or a definite first name followed by a word that is no title (`الحارث إدريس`, `الطاهر
/// السني`).
pub(super) fn starts_name(toks: &[Token], i: usize) -> bool {
    let t = &toks[i];
    // (`أطباء بلا حدود`: "without borders" closes a body's name; see
    // `words::join_split_words`.)
    if is_rank_grade(toks, i) || t.norm == "بلا حدود" {
        return false;
    }
    // `آية الله علي خامنئي`, `حجة الإسلام …`: a cleric's honorific of two words is no name.
    let honorific = |a: &str, b: &str| matches!((a, b), ("ايه", "الله") | ("حجه", "الاسلام"));
    if toks.get(i + 1).is_some_and(|n| honorific(&t.norm, &n.norm))
        || (i > 0 && honorific(&toks[i - 1].norm, &t.norm))
    {
        return false;
    }
    // `أشاد باسم قاسم`: `باسم` (as in `الناطق باسم الحكومة`) is a first name before an
    // undefined word.
    if t.norm == "باسم"
        && toks
            .get(i + 1)
            .is_some_and(|n| n.is_word() && !has_article(&n.norm) && !is_role_word(&n.norm))
    {
        return true;
    }
    // `أمين الناصر`: the title word `أمين` is a first name before a definite surname that is
    // no role word (`أمين عام`, `أمين الصندوق` are titles).
    // `سلطان الجابر`, `سلطان بن سلمان`: the title `سلطان` is a first name before a
    // surname or `بن`.
    if t.norm == "سلطان"
        && toks.get(i + 1).is_some_and(|n| {
            n.is_word()
                && (matches!(n.norm.as_str(), "بن" | "ابن")
                        // `سلطان ناصر السويدي`; not `سلطان قابوس`, a ruler's title.
                        // (`سلطان أحمد الجابر`: a definite surname that is no title.)
                        || (crate::text::quotes::lexicon::given_name(&n.norm).is_some()
                            && toks.get(i + 2).is_some_and(|m| {
                                (m.is_word() && !ends_subject(m) && !is_role_word(&m.norm))
                                    || (has_article(&m.norm) && m.norm.ends_with('ي'))
                                    || (m.is_word()
                                        && has_article(&m.norm)
                                        && !ends_subject(m)
                                        && !is_title(&m.norm)
                                        && !institutions().contains(strip_article(&m.norm)))
                            })))
        })
    {
        return true;
    }
    // `أمير حسين زماني نيا`: the title `أمير` is a first name before a sure given name
    // (`أمير قطر`, `أمير منطقة الرياض` are titles).
    if t.norm == "امير"
        && toks.get(i + 1).is_some_and(|n| {
            n.is_word()
                && crate::text::quotes::lexicon::given_name(&n.norm)
                    == Some(crate::text::quotes::lexicon::GivenName::Sure)
        })
    {
        return true;
    }
    // `المحامي أمين سيدهم`: `أمين` before an undefined word that is no role is a first name
    // (`أمين عام`, `أمين سر` are titles).
    if t.norm == "امين"
        && toks.get(i + 1).is_some_and(|n| {
            n.is_word() && amin_names_before(n) && !ends_subject(n) && n.norm != "عاصمه"
        })
    {
        return true;
    }
    if matches!(t.norm.as_str(), "امين" | "سلطان")
        && toks.get(i + 1).is_some_and(|n| {
            n.is_word()
                && has_article(&n.norm)
                && !is_title(&n.norm)
                && !institutions().contains(strip_article(&n.norm))
                && !matches!(strip_article(&n.norm), "عام" | "صندوق" | "سر")
        })
    {
        return true;
    }
    // `نائب رئيس مجلس السيادة مالك عقار`: a given name that is a role word too (`مالك`,
    // owner) after the role's definite genitive and before an undefined surname.
    if i > 0
        && has_article(&toks[i - 1].norm)
        && !titles().contains(&t.norm)
        && crate::text::quotes::lexicon::given_name(&t.norm).is_some()
        && toks.get(i + 1).is_some_and(|n| {
            n.is_word() && !has_article(&n.norm) && !is_role_word(&n.norm) && !ends_subject(n)
        })
    {
        return true;
    }
    // `رئيس اللجنة حاكم الزاملي`: a title that is a given name too (`حاكم`, governor) after a
    // construct title and its genitive, before a last definite word that is a family name
    // (no title, body or common word, a nisba that is none: not `رئيس الدولة حاكم الشارقة`).
    // The genitive may be a place's name (`محافظ نينوى نجم الجبوري`).
    if i >= 2
        && i + 2 == toks.len()
        && is_construct_title(&toks[i - 2])
        && (has_article(&toks[i - 1].norm) || !is_role_word(&toks[i - 1].norm))
        && crate::text::quotes::lexicon::given_name(&t.norm).is_some()
        && toks[i + 1].is_word()
        && has_article(&toks[i + 1].norm)
        && !is_title(&toks[i + 1].norm)
        && !institutions().contains(strip_article(&toks[i + 1].norm))
        && !crate::text::quotes::lexicon::is_common_word(&toks[i + 1].norm)
        && !super::is_body_word(&toks[i + 1].norm)
    {
        return true;
    }
    if !(t.is_word() && is_role_word(&t.norm)) {
        return true;
    }
    // `الشيخة المياسة بنت حمد`: a definite word before `بن`/`بنت` and a given name is
    // the first name of a lineage (no title or body: `الرئيس بن علي`).
    let lineage = has_article(&t.norm)
        && !is_title(&t.norm)
        && !is_nisba(&t.norm)
        && !super::is_body_word(&t.norm)
        && toks
            .get(i + 1)
            .is_some_and(|n| matches!(n.norm.as_str(), "بن" | "بنت"))
        && toks
            .get(i + 2)
            .is_some_and(|n| crate::text::quotes::lexicon::given_name(&n.norm).is_some());
    lineage
        || (DEFINITE_FIRST_NAMES.contains(&t.norm.as_str())
            && toks
                .get(i + 1)
                .is_some_and(|n| n.is_word() && !ends_subject(n) && !is_title(&n.norm)))
}

/// An undefined title that needs a genitive after it (`مدرب`, `رئيس`), not one with a
/// pronoun (`مدربه`) or an abbreviation (`د.`).
pub(super) fn is_construct_title(t: &Token) -> bool {
    // Honorifics stand before a name, not a genitive (`دكتور خالد السعيد`).
    let honorific = matches!(
        t.norm.as_str(),
        "د" | "دكتور"
            | "دكتوره"
            | "مهندس"
            | "مهندسه"
            | "سيد"
            | "سيده"
            | "شيخ"
            | "استاذ"
    );
    // `رئيستها`, `مديرهم`: a title with a pronoun takes no genitive either.
    let pronoun = ["ها", "هم", "هما"].iter().any(|x| {
        t.norm
            .strip_suffix(x)
            .is_some_and(|stem| stem.chars().count() >= 3)
    });
    !has_article(&t.norm) && !t.suffixed && !pronoun && !honorific && is_title(&t.norm)
}

/// True when `أمين` before `next` is a first name, not a title: `next` is an undefined word
/// that is no role and none of the genitives the title takes (`أمين عام`, `أمين سر`).
fn amin_names_before(next: &Token) -> bool {
    !has_article(&next.norm)
        && !is_role_word(&next.norm)
        && !matches!(next.norm.as_str(), "عام" | "سر" | "صندوق" | "مال")
}

/// True when `w`, opening with `لـ` or `بـ`, reads as the preposition and a noun: any word in
/// `لـ`; in `بـ` a noun of prose, of a role or of a place the news names often (`بمنظمة`,
/// `بغزة`), not a name that opens so (`براك الشيتان`, `بلينكن`).
fn preposition_phrase(w: &str) -> bool {
    // (Names that open with `ل` are given names, which the caller knows: `لطفي`.)
    let Some(stem) = w.strip_prefix('ب') else {
        return true;
    };
    crate::text::quotes::lexicon::is_common_word(w)
        || crate::text::quotes::lexicon::is_common_word(stem)
        || is_role_word(stem)
        || super::is_body_word(stem)
}

/// True for a word of news prose with `لـ` or `بـ` joined to it (`لشبكة`, `برئيس`, `بخصوص`):
/// no name goes on with it, unlike a surname in `ب` (`بدوي`, `بركات`).
pub(super) fn is_prose_after_preposition(w: &str) -> bool {
    use crate::text::quotes::lexicon::is_common_word;
    is_prepositional_word(w)
        && (is_common_word(w)
            || w.strip_prefix(['ل', 'ب']).is_some_and(|rest| {
                is_common_word(rest) || is_title(rest) || super::is_body_word(rest)
            }))
}

/// True for `باسم` or `بلسان` ("speaking for") after a role: the body it speaks for follows.
pub(crate) fn speaks_for(w: &str) -> bool {
    matches!(w, "باسم" | "بلسان")
}

/// True when `toks[k]` is an undefined noun joined by `و` with a definite genitive after it,
/// and a name after both (see [`split_role`]).
fn coordinated_construct(toks: &[Token], k: usize) -> bool {
    let Some(w) = toks.get(k).map(|t| &t.norm) else {
        return false;
    };
    k + 2 < toks.len()
        && toks[k].is_word()
        && !has_article(w)
        && w.strip_prefix('و').is_some_and(|r| r.chars().count() >= 4)
        && crate::text::quotes::lexicon::given_name_by_shape(w).is_none()
        && toks[k + 1].is_word()
        && has_article(&toks[k + 1].norm)
}

/// Split a subject phrase into its leading role words and the name after them.
///
/// An undefined title is in construct with what follows (`مدرب برشلونة`, `رئيس وزراء
/// إسرائيل`, `وزير خارجية إسبانيا`): the construct nouns and one genitive word after it belong
/// to the role.
pub(crate) fn split_role(toks: &[Token]) -> (&[Token], &[Token]) {
    let mut k = (0..toks.len())
        .find(|&i| starts_name(toks, i) && !genitive_of_institution(toks, i))
        .unwrap_or(toks.len());
    // `عضو اللجنة المركزية لحركة فتح وزير الشؤون المدنية حسين الشيخ`: an institution's
    // one-word name, then a second role: the name starts after that role.
    if k > 0
        && k + 2 < toks.len()
        && is_institution_noun(&toks[k - 1])
        && !has_article(&toks[k].norm)
        && is_title(&toks[k + 1].norm)
        && !has_article(&toks[k + 1].norm)
        // (`سلطان أبو العينين`: a title that is a given name too opens the name.)
        && crate::text::quotes::lexicon::given_name(&toks[k + 1].norm).is_none()
    {
        // (Not a name in the second role's genitive: `مستشار الرئيس محمود عباس` is the
        // unnamed adviser.)
        if let Some(j) =
            (k + 2..toks.len()).find(|&j| starts_name(toks, j) && !genitive_of_institution(toks, j))
        {
            if j + 1 < toks.len() && !is_title(&toks[j - 1].norm) {
                k = j;
            }
        }
    }
    // `مديرة الاتصال بالأونروا`: where the role is held, in `بال…`, closes it; no name.
    if k + 1 == toks.len() && k > 0 && toks[k].norm.starts_with("بال") {
        k = toks.len();
    }
    // `وزيرة البريد وتكنولوجيات الإعلام والاتصال إيمان …`: an undefined noun joined by `و`
    // and its definite genitive go on with a role, and so does a definite word joined by `و`
    // after them (a given name in `و…` does not: `وليد`).
    if k > 0 && toks[..k].iter().any(|t| is_title_word(&t.norm)) {
        let mut j = k;
        while coordinated_construct(toks, j) {
            j += 2;
            while toks.get(j).is_some_and(|t| {
                t.norm.strip_prefix('و').is_some_and(has_article) && j + 1 < toks.len()
            }) {
                j += 1;
            }
        }
        k = j;
    }
    if k > 0 && k < toks.len() && is_construct_title(&toks[k - 1]) {
        let mut j = k;
        while j < toks.len() && CONSTRUCT_NOUNS.contains(&toks[j].norm.as_str()) {
            j += 1;
        }
        // Only the genitive left: the whole phrase is a role (`مدرب برشلونة`).
        if j + 1 >= toks.len() {
            k = toks.len();
        } else if !matches!(
            toks[j + 1].norm.as_str(),
            // Particles that go on with a name; `عبد`, `ابو`, `ام` start a new one
            // (`رئيس مصر عبد الفتاح السيسي`).
            "بن" | "ابن" | "بنت" | "ال" | "آل" | "ولد"
        ) {
            k = j + 1;
            // `مدرب مصر الإسباني روبرتو …`: adjectives of the role after its genitive; a last
            // nisba too (`مدير مستشفى بعلبك الحكومي`), or a last definite word joined by `و`
            // (`مدير قسم العلاقات والإعلام`: no name starts so).
            let coordinated = |w: &str| w.strip_prefix('و').is_some_and(has_article);
            while k < toks.len()
                && (k + 1 < toks.len() || is_nisba(&toks[k].norm) || coordinated(&toks[k].norm))
                && is_role_word(&toks[k].norm)
                && !starts_name(toks, k)
            {
                k += 1;
            }
        }
    }
    // `الناطق الإعلامي باسم مديرية الأمن العام`: `باسم` (on behalf of) after a role goes on
    // with the body it speaks for, its head and definite words; a name may follow.
    // `المتحدث باسم الحكومة العراقية باسم العوادي`: no name found, but the body spoken for
    // ends before a second `باسم`, the given name.
    let mut second_basim = false;
    if k == toks.len() {
        if let Some(b) =
            (1..toks.len()).find(|&b| speaks_for(&toks[b].norm) && is_role_word(&toks[b - 1].norm))
        {
            let mut j = b + 1;
            while toks.get(j).is_some_and(|t| has_article(&t.norm)) {
                j += 1;
            }
            if j > b + 1 && j + 1 < toks.len() && toks[j].norm == "باسم" {
                k = j;
                second_basim = true;
            }
        }
    }
    // (Not after an honorific: `الدكتور باسم نعيم` is a doctor named `باسم`.)
    if !second_basim
        && k > 0
        && k < toks.len()
        && speaks_for(&toks[k].norm)
        && is_role_word(&toks[k - 1].norm)
        && !crate::text::quotes::words::is_name_honorific(&toks[k - 1].norm)
    {
        let mut j = k + 1;
        if toks.get(j).is_some_and(|t| !has_article(&t.norm)) {
            j += 1;
            // `المتحدث باسم حركة فتح حسين حمايل`: the institution's one-word name after its
            // noun, then a sure given name.
            let named_institution = institutions().contains(&toks[j - 1].norm)
                && toks
                    .get(j)
                    .is_some_and(|t| t.is_word() && !has_article(&t.norm))
                && toks.get(j + 1).is_some_and(|t| {
                    crate::text::quotes::lexicon::given_name(&t.norm)
                        == Some(crate::text::quotes::lexicon::GivenName::Sure)
                });
            if named_institution {
                j += 1;
            }
        }
        while toks.get(j).is_some_and(|t| has_article(&t.norm)) {
            j += 1;
        }
        k = j.min(toks.len());
    }
    // `رئيس المرصد السوري لحقوق الإنسان`, `مدرب المنتخب العراقي بكرة القدم`: a `لـ`/`بـ`
    // phrase between definite words of a role (not `و`: `الناخب الوطني وليد الركراكي`).
    while k > 0
        && k + 1 < toks.len()
        && (toks[k].norm.starts_with('ل') || toks[k].norm.starts_with('ب'))
        && !toks[k].norm.starts_with("لل")
        && !toks[k].norm.starts_with("بال")
        // `بدر البوسعيدي`, `بشار الأسد`: a given name, not a preposition; nor a word that
        // is none after the preposition (`براك الشيتان`: no `راك`).
        && crate::text::quotes::lexicon::given_name(&toks[k].norm).is_none()
        && preposition_phrase(&toks[k].norm)
        && has_article(&toks[k - 1].norm)
        && !is_title(&toks[k - 1].norm)
    {
        if has_article(&toks[k + 1].norm) {
            k += 2;
            while k < toks.len() && !starts_name(toks, k) {
                k += 1;
            }
        } else if let Some(g) = (k + 2..toks.len().saturating_sub(1).min(k + 5)).find(|&g| {
            // `الأمين العام لحلف شمال الأطلسي مارك روته`: a place of several words, then a
            // name opening with a sure given name.
            crate::text::quotes::lexicon::given_name(&toks[g].norm)
                == Some(crate::text::quotes::lexicon::GivenName::Sure)
                && toks[k + 1..g].iter().all(|t| !is_title(&t.norm))
        }) {
            k = g;
            break;
        } else if toks.len() - k >= 3 && toks[k + 1..].iter().all(|t| !is_role_word(&t.norm)) {
            // `نائب رئيس هيئة النازحين بدارفور آدم عبدالله`: a place, then the name.
            k += 1;
            break;
        } else {
            break;
        }
    }
    // `مدير وكالة ناسا`, `رئيس شركة أرامكو`: one word after an institution's noun ending the
    // phrase is that institution's name, part of the role; also one that is a word too
    // besides a given name (`المكتب السياسي لحركة أمل`), after a title or a body's word.
    if k + 1 == toks.len()
        && k >= 2
        && !has_article(&toks[k].norm)
        && !has_article(&toks[k - 1].norm)
        && (institutions().contains(strip_lam(&toks[k - 1].norm))
            || super::is_body_word(&toks[k - 1].norm))
        && crate::text::quotes::lexicon::given_name(&toks[k].norm)
            != Some(crate::text::quotes::lexicon::GivenName::Sure)
        && toks[..k - 1]
            .iter()
            .any(|t| is_title(&t.norm) || super::is_body_word(&t.norm))
    {
        k = toks.len();
    }
    // `امين عام عصائب اهل الحق الشيخ قيس الخزعلي`: a body's name after a title, then a
    // definite title and a sure given name: the name starts after that title (not after a
    // person's name with a title in it, `إسماعيل ولد الشيخ أحمد`).
    if k > 0 && toks[..k].iter().any(|t| is_title(&t.norm)) {
        let person_word = |t: &Token| {
            crate::text::quotes::lexicon::given_name(&t.norm).is_some()
                || NAME_PARTICLES.contains(&t.norm.as_str())
        };
        if let Some(j) = (k + 1..toks.len().saturating_sub(1)).find(|&j| {
            has_article(&toks[j].norm)
                && is_title(&toks[j].norm)
                && crate::text::quotes::lexicon::given_name(&toks[j + 1].norm)
                    == Some(crate::text::quotes::lexicon::GivenName::Sure)
        }) {
            if !toks[k..j].iter().any(person_word) {
                k = j + 1;
            }
        }
    }
    // `محافظ ريف دمشق عامر الشيخ`, `القيادي في حماس محمود مرداوي`: one or two words of the
    // role's place that are no given names, then a full name opening with a sure given name.
    if k > 0 && toks[..k].iter().any(|t| is_role_word(&t.norm)) {
        let sure = |t: &Token| {
            crate::text::quotes::lexicon::given_name(&t.norm)
                == Some(crate::text::quotes::lexicon::GivenName::Sure)
        };
        let place = |t: &Token| {
            t.is_word()
                && !t.in_quote
                && crate::text::quotes::lexicon::given_name(&t.norm).is_none()
                && !NAME_PARTICLES.contains(&t.norm.as_str())
                && !is_title(&t.norm)
        };
        // (Any given name before a last word no common word: `شهداء الأقصى خليل دقران`.)
        let named_at = |g: usize| {
            sure(&toks[g])
                || (g + 2 == toks.len()
                    && has_article(&toks[g - 1].norm)
                    // (Not a lineage: `الشيخ المعتصم بن علي`.)
                    && !NAME_PARTICLES.contains(&toks[g].norm.as_str())
                    && !DEFINITE_FIRST_NAMES.contains(&toks[g - 1].norm.as_str())
                    && crate::text::quotes::lexicon::given_name(&toks[g].norm).is_some()
                    && !has_article(&toks[g + 1].norm)
                    && !crate::text::quotes::lexicon::is_common_word(&toks[g + 1].norm))
        };
        if let Some(g) = (k + 1..(k + 3).min(toks.len().saturating_sub(1))).find(|&g| named_at(g)) {
            if toks[k..g].iter().all(place) && toks[g + 1].is_word() {
                k = g;
            }
        }
    }
    // `المتحدث باسم مستشفى الشفاء د. خليل دقران`: an honorific opening the name is the
    // role's last word.
    while k + 1 < toks.len() && crate::text::quotes::words::is_name_honorific(&toks[k].norm) {
        k += 1;
    }
    let (role, mut name) = toks.split_at(k.min(toks.len()));
    // `رئيس المرصد السوري لحقوق`, `رئيس فريق الحزب بمجلس`: a word with the preposition
    // `لـ`/`بـ` after a role goes on with the role's place; it is no name.
    if !role.is_empty() && name.first().is_some_and(|t| is_prepositional_word(&t.norm)) {
        name = &name[..0];
    }
    // `النجم المصري سعادته`: a possessed noun after a role is the verb's object.
    let possessed = |t: &Token| {
        t.suffixed
            && !is_title(&t.norm)
            && (t.norm.ends_with("ته") || t.norm.ends_with("ها") || t.norm.ends_with("هم"))
    };
    if name.first().is_some_and(possessed) {
        name = &name[..0];
    }
    // `أبدى بري استغرابه`, `قيس سعيد لقائه`: a possessed noun after the name is the verb's
    // object (a long word or a clear suffix; `نبيه`, `خوسيه` end in `ه` too).
    let object = |t: &Token| {
        t.suffixed
            && !is_title(&t.norm)
            && (t.norm.chars().count() >= 6
                || ["ته", "ها", "هم", "ائه", "اءه"]
                    .iter()
                    .any(|x| t.norm.ends_with(x))
                // `واستهل غزواني حديثه`: a noun of speech with his pronoun.
                || is_his_speech(&t.norm))
    };
    // `قيس سعيد رفضه`: a noun with his pronoun after a given name and a surname.
    let his = |k: usize| {
        k >= 2
            && name[k].suffixed
            && name[k].norm.ends_with('ه')
            && crate::text::quotes::lexicon::given_name(&name[0].norm)
                == Some(crate::text::quotes::lexicon::GivenName::Sure)
            && crate::text::quotes::lexicon::given_name(&name[k].norm).is_none()
    };
    // (`مارك روته`: a short word right after a sure given name is its surname.)
    let surname = |k: usize| {
        k == 1
            && name[k].norm.chars().count() <= 4
            && crate::text::quotes::lexicon::given_name(&name[0].norm)
                == Some(crate::text::quotes::lexicon::GivenName::Sure)
    };
    if let Some(k) = (1..name.len()).find(|&k| (object(&name[k]) || his(k)) && !surname(k)) {
        name = &name[..k];
    }
    // `نبيل عبد الله للصحفيين`: a `لل…` word after a name is a prepositional phrase.
    if let Some(pp) = name.iter().position(|t| t.norm.starts_with("لل")) {
        name = &name[..pp];
    }
    // `باراك أوباما التقدم الاقتصادي`, `بايدن الشعب الكيني`: a definite noun and its nisba
    // adjective after an undefined name word are the verb's object.
    if let Some(k) = (1..name.len().saturating_sub(1)).find(|&k| {
        let (before, w, next) = (&name[k - 1].norm, &name[k].norm, &name[k + 1].norm);
        !has_article(before)
            && !NAME_PARTICLES.contains(&before.as_str())
            // (`رئيس المرصد السوري` is a role; `محمد الأمين الصبيحي` a compound first name.)
            && !is_role_word(before)
            && !is_title(before)
            && crate::text::quotes::lexicon::given_name(before).is_none()
            && !institutions().contains(strip_article(&name[0].norm))
            && !crate::text::quotes::speakers::is_body_word(&name[0].norm)
            && has_article(w)
            && !is_nisba(w)
            && !DEFINITE_FIRST_NAMES.contains(&w.as_str())
            && !COMPOUND_SECOND.contains(&w.as_str())
            && has_article(next)
            && is_nisba(next)
    }) {
        name = &name[..k];
    }
    if let Some(cut) = trailing_role(name) {
        name = &name[..cut];
    }
    // `فاطمة عزيز المصرية`: a feminine nisba right after a person's name describes her
    // (family names take the masculine form; `وزير الداخلية` is a role, cut above).
    // (Only a given name and a surname before it: `القضية` in `… تأجيل القضية` is an object,
    // trimmed below.)
    if name.len() == 3
        && crate::text::quotes::lexicon::given_name(&name[0].norm).is_some()
        && !is_role_word(&name[name.len() - 2].norm)
        && name
            .last()
            .is_some_and(|t| has_article(&t.norm) && t.norm.ends_with("يه"))
    {
        name = &name[..name.len() - 1];
    }
    // `وتوقع الوزير السعودي استمرار نمو …`, `واعتبر ميقاتي إدخال المحروقات`: a verbal
    // noun opens the object, not a name.
    if let Some(v) = name
        .iter()
        .position(|t| VERBAL_NOUNS.contains(&t.norm.as_str()))
    {
        name = &name[..v];
    }
    // `دعا أردوغان الناخبين الأتراك إلى …`: a definite plural after a one-word name is the
    // verb's object.
    let plural = |t: &Token| {
        // Long enough to be a plural noun, not a surname such as `الزين` or `الحسين`.
        has_article(&t.norm)
            && t.norm.chars().count() >= 7
            && ["ين", "ون", "ات"].iter().any(|x| t.norm.ends_with(x))
            && !is_nisba(&t.norm)
    };
    if name.len() >= 2 && !has_article(&name[0].norm) && plural(&name[1]) {
        name = &name[..1];
    }
    // `دعا الوزير راشد بن عبدالله آل خليفة إيران إلى`, `وهاجم الوزير السعودي طهران`: a
    // country or capital after the subject is the verb's object.
    if name
        .last()
        .is_some_and(|t| PLACES.contains(&t.norm.as_str()))
        && (name.len() >= 3 || (name.len() == 1 && !role.is_empty()))
    {
        name = &name[..name.len() - 1];
    }
    // `وزير الإعلام السوري يهاجم دعوة …`, `ماكرون ينتقد ترامب`: a verb in the imperfect ends
    // the name (and a role before it is the whole subject).
    // (Not right after a lone given name: `أندريه يرماك` is a surname.)
    let after_given = |v: usize| {
        v == 1
            && crate::text::quotes::lexicon::given_name(&name[0].norm)
                == Some(crate::text::quotes::lexicon::GivenName::Sure)
    };
    // (Nor a lone word: `وقال يرماك`.)
    let lone = name.len() == 1;
    if let Some(v) =
        (0..name.len()).find(|&v| is_imperfect_verb(&name[v].norm) && !after_given(v) && !lone)
    {
        name = &name[..v];
    }
    (role, name)
}

/// True for a word of the shape of a verb in the imperfect (`يهاجم`, `يشن`, `يتفاخر`): `ي`
/// and a consonant, no given name, title or body (`يحيى`, `يوسف` are names).
pub(crate) fn is_imperfect_verb(w: &str) -> bool {
    let mut c = w.chars();
    let (Some('ي'), Some(second)) = (c.next(), c.next()) else {
        return false;
    };
    (3..=7).contains(&w.chars().count())
        && !matches!(second, 'ا' | 'و' | 'ي' | 'ى')
        && crate::text::quotes::lexicon::given_name(w).is_none()
        && !is_title(w)
        && !super::is_body_word(w)
}

/// True for a word shaped as a verb in the imperfect: [`is_imperfect_verb`] (`يفوز`,
/// `يبحثان`), or four letters after `ت` or `ن` (`تدعم`, `نعمل`) that are no given name.
pub(crate) fn looks_imperfect(w: &str) -> bool {
    is_imperfect_verb(w)
        || (w.starts_with(['ت', 'ن'])
            && w.chars().count() == 4
            && crate::text::quotes::lexicon::given_name(w).is_none())
}

/// Countries and capitals (normalised): the object of a verb after its subject, never the
/// last word of a person's name.
const PLACES: &[&str] = &[
    "ايران",
    "طهران",
    "اسرائيل",
    "واشنطن",
    "موسكو",
    "روسيا",
    "امريكا",
    "تركيا",
    "انقره",
    "مصر",
    "القاهره",
    "الرياض",
    "قطر",
    "الدوحه",
    "لبنان",
    "بيروت",
    "سوريا",
    "دمشق",
    "العراق",
    "بغداد",
    "اليمن",
    "صنعاء",
    "ليبيا",
    "تونس",
    "الجزائر",
    "المغرب",
    "الرباط",
    "السودان",
    "الخرطوم",
    "غزه",
    "فلسطين",
    "الصين",
    "بكين",
    "فرنسا",
    "باريس",
    "بريطانيا",
    "لندن",
    "المانيا",
    "برلين",
    "اوكرانيا",
    "كييف",
    "الكويت",
    "البحرين",
    "الهند",
    "باكستان",
    "اثيوبيا",
    "السعوديه",
    "الامارات",
    "الاردن",
    "عمان",
    "مسقط",
    "المنامه",
    "ابوظبي",
    "دبي",
    "جده",
    "حلب",
    "حمص",
    "الموصل",
    "البصره",
    "اربيل",
    "كردستان",
    "بنغازي",
    "طرابلس",
    "مصراته",
    "عدن",
    "تعز",
    "الحديده",
    "مارب",
    "صنعا",
    "القدس",
    "نابلس",
    "جنين",
    "رفح",
    "الاسكندريه",
    "اسوان",
    "وهران",
    "مراكش",
    "نواكشوط",
    "دارفور",
];

/// True for a country, capital or city (normalised).
pub(crate) fn is_place(norm: &str) -> bool {
    PLACES.contains(&norm)
}

/// Where a role written after a name starts (`رامي عبد الرحمن رئيس المرصد`, `أنطونيو
/// غوتيريش الأمين العام`): a title followed by at least one more word, after at least one name
/// word that is no compound-name particle (`عبد الأمير` is a name). A title closing the phrase
/// is a surname (`كريم السيد`).
///
/// An office closing the phrase is a role too (`أحمد عبد الفتاح المدرب`), except one that is
/// also a family name (`الأمين`, `كامل الوزير`).
pub(crate) fn trailing_role(name: &[Token]) -> Option<usize> {
    (1..name.len()).find(|&j| {
        let t = &name[j];
        let followed = name.get(j + 1).is_some_and(|n| n.is_word());
        // Two name words before it at least: `كامل الوزير` is a name.
        let office = j >= 2
            && has_article(&t.norm)
            && OFFICES.contains(&strip_article(&t.norm))
            && strip_article(&t.norm) != "امين";
        // `محمد الأمين الصبيحي`: `الأمين` is a name unless `العام` follows; so is `أمين`
        // before an undefined word that is no role (`واصفي أمين واصف`).
        let name_amin = (t.norm == "الامين"
            && name
                .get(j + 1)
                .is_some_and(|n| strip_article(&n.norm) != "عام"))
            || (t.norm == "امين" && name.get(j + 1).is_some_and(amin_names_before));
        // `حسن شيخ محمود`, `نعمة سيد عبد`: `شيخ`, `سيد` between a given name and another
        // undefined word is a middle name (Somali and Levantine names), not a title.
        let middle = matches!(t.norm.as_str(), "شيخ" | "سيد")
            && crate::text::quotes::lexicon::given_name(&name[j - 1].norm).is_some()
            && name
                .get(j + 1)
                .is_some_and(|n| n.is_word() && !has_article(&n.norm));
        // `حسين أمير عبد اللهيان`: `أمير` between a given name and a compound family name
        // (`عبد …`, `عبداللهيان`) is a middle name (Persian names), not "prince".
        let middle = middle
            || (t.norm == "امير"
                && crate::text::quotes::lexicon::given_name(&name[j - 1].norm).is_some()
                && name
                    .get(j + 1)
                    .is_some_and(|n| n.norm == "عبد" || n.norm.starts_with("عبدال")));
        // `خالد الجار الله`: a word before `الله` is half of a compound family name.
        let before_allah = name.get(j + 1).is_some_and(|n| n.norm == "الله");
        t.is_word()
            && !name_amin
            && !middle
            && !before_allah
            && (followed || office)
            && (is_title(&t.norm) || person_nouns().contains(&t.norm))
            && !NAME_PARTICLES.contains(&name[j - 1].norm.as_str())
            && !COMPOUND_SECOND.contains(&t.norm.as_str())
    })
}

/// Head words (bare) of offices one person holds at a time: a role with another office at
/// its head names someone else. Descriptions (`الناشط`, `الخبير`, `الشيخ`) fit anyone.
pub(super) const OFFICES: &[&str] = &[
    "رئيس",
    "رئيسه",
    "وزير",
    "وزيره",
    "امير",
    "ملك",
    "سفير",
    "مدير",
    "مديره",
    "محافظ",
    "مدرب",
    "متحدث",
    "متحدثه",
    "نائب",
    "امين",
    "قائد",
    "مبعوث",
    "مندوب",
    "ممثل",
    "عضو",
    "زعيم",
    "منسق",
    "والي",
    "مفوض",
    "مستشار",
    "قاضي",
    "عمده",
    "نقيب",
    "ولي",
];

/// True for a word that cannot be part of a subject phrase.
pub(super) fn ends_subject(t: &Token) -> bool {
    !t.is_word() || t.in_quote || word_ends_subject(&t.norm)
}

/// The word test of [`ends_subject`], whether or not the word stands inside quote marks (a
/// body's name may go on inside them).
pub(super) fn word_ends_subject(w: &str) -> bool {
    // Names have no digits: `أعلنت الوزارة تسجيل 12 إصابة`.
    if w.chars().any(|c| c.is_numeric()) {
        return true;
    }
    let bare = w.strip_prefix('و').filter(|r| r.chars().count() >= 2);
    // `لتعرض`, `ليؤكد`, `ليتحدث`: `لـ` of purpose and a verb.
    let purpose_verb = w.chars().count() >= 5
        && (w.starts_with("لت") || w.starts_with("ليؤ") || w.starts_with("ليت"));
    // `لاختيار`, `لإنتاج`, `لأعضاء`: `لـ` and a word of the pattern إفعال / افتعال /
    // استفعال (`لافروف` is a name).
    let purpose_noun = w.strip_prefix("لا").is_some_and(|rest| {
        let c: Vec<char> = rest.chars().collect();
        (4..=6).contains(&c.len()) && c[c.len() - 2] == 'ا'
    });
    // `المزروعي للصحفيين`, `لرويترز`: the audience after a name (an outlet after `لـ`,
    // `للوكالة`, is tested below).
    let audience = matches!(
        w,
        "للصحفيين"
            | "للصحافيين"
            | "للصحافه"
            | "للاعلاميين"
            | "للمراسلين"
            | "للحضور"
            | "لرويترز"
            // (Undefined: `وقال لصحافيين: …`.)
            | "لصحفيين"
            | "لصحافيين"
            | "لاعلاميين"
            | "لمراسلين"
    );
    // `محمد حمدان دقلو الملقب بـ"حميدتي"`: a nickname or a known-as phrase follows the name.
    // `برنامج الغذاء العالمي التابع للأمم المتحدة`: what a body belongs to follows its name.
    let known_as = matches!(
        w,
        "التابع"
            | "التابعه"
            | "الملقب"
            | "الملقبه"
            | "الشهير"
            | "الشهيره"
            | "المكني"
            | "المعروف"
            | "المعروفه"
    );
    // `… باسم الحكومة مباشرة بعد`: an adverb of time, no name.
    // `وتابع الوزير ردا على سؤال`: a verbal noun of response, no name.
    let adverb = matches!(
        w,
        // `وتدعو وزارة الصحة الجميع إلى`: everyone, the verb's object.
        "الجميع"
            | "مباشره"
            | "فورا"
            | "حاليا"
            | "لاحقا"
            | "سابقا"
            | "مجددا"
            | "ردا"
            | "تعليقا"
            | "تعقيبا"
    );
    purpose_verb
        || purpose_noun
        || audience
        || known_as
        || adverb
        || stop_words().contains(w)
        // (`والي` is the governor or a family name, `غادة والي`, more often than `إلى`
        // misspelt after `و`.)
        || (bare.is_some_and(|r| stop_words().contains(r)) && w != "والي")
        || cue_kind(w).is_some()
        || ((w.starts_with("بال") || w.starts_with("وبال")) && !is_acting(w))
        || (w.starts_with('ل')
            && matches!(
                // `للوكالة`: `لـ` and the article.
                w.strip_prefix("لل").unwrap_or(strip_lam(w)),
                "وكاله"
                    | "صحيفه"
                    | "قناه"
                    | "موقع"
                    | "برنامج"
                    | "اذاعه"
                    | "مجله"
                    | "تلفزيون"
                    // `ميشال عون لوفد من`: an audience (not `لوسائل`, `لجمع`: `الهيئة
                    // العليا لوسائل الإعلام`, `الحملة الوطنية لجمع التبرعات` are names).
                    | "وفد"
                    | "وفود"
                    | "مراسل"
                    | "مراسلي"
            ))
}

/// True for an undefined accusative participle of manner (`مبتسما`, `ساخرا`, `غاضبا`): no
/// subject is written with the final alif of tanwin.
pub(super) fn is_manner_adverb(norm: &str) -> bool {
    // `ردًا على`, `تعليقًا على`: "in reply to", "commenting on".
    if matches!(norm, "ردا" | "تعليقا" | "تعقيبا" | "جوابا") {
        return true;
    }
    let c: Vec<char> = norm.chars().collect();
    let n = c.len();
    c.last() == Some(&'ا')
        && !has_article(norm)
        && ((c[0] == 'م' && n >= 5) || (n == 5 && c[1] == 'ا'))
        && !spelled_as_foreign_name(norm)
}

/// True for a word of the shape of an accusative participle that is spelled as a foreign name
/// (`موكوينا`, `ميلانيا`): six letters or more, no common word or cue, and letters the name
/// model reads as a name's.
fn spelled_as_foreign_name(norm: &str) -> bool {
    // (Six letters or more: adverbs of five, `مرارا`, `مطولا`, `ماديا`, read as names too.)
    norm.chars().count() >= 6
        && !crate::text::quotes::lexicon::is_common_word(norm)
        && crate::text::quotes::cues::cue_kind(norm).is_none()
        && crate::text::quotes::name_shape::name_probability(norm) >= 0.9
}

/// True for `صباح` at `tokens[k]` as a first name (`الشيخ صباح الخالد`): after a title and
/// before another name word, not the morning (`صباح اليوم`).
/// Also a family name: `صباح` before a role in apposition (`نؤاس صباح المنسق الإعلامي`) or
/// between two name words (`نؤاس صباح شاكر`), `الصباح` after a name word and before a comma
/// or a title (`مشعل الأحمد الصباح،`).
pub(super) fn is_morning_name(tokens: &[Token], k: usize) -> bool {
    if k == 0 {
        return false;
    }
    let prev = &tokens[k - 1];
    let next = tokens.get(k + 1);
    let name_word_before = prev.is_word()
        && !prev.in_quote
        && !is_title(&prev.norm)
        && !ends_subject(prev)
        && (crate::text::quotes::lexicon::given_name(&prev.norm).is_some()
            || has_article(&prev.norm)
            || !crate::text::quotes::lexicon::is_common_word(&prev.norm));
    let role_next = next.is_some_and(|n| {
        n.is_word() && has_article(&n.norm) && is_title(&n.norm) && !is_day_word(&n.norm)
    });
    let comma_next = next.is_some_and(|n| matches!(n.punct(), Some(',' | '،')));
    // (A given name or a word of no prose after it, or a definite family name that is no
    // word of prose, `محمد صباح السالم`; not `صباح هذا اليوم`.)
    let name_next = next.is_some_and(|n| {
        n.is_word()
            && !ends_subject(n)
            && !is_day_word(&n.norm)
            && if has_article(&n.norm) {
                !crate::text::quotes::lexicon::is_common_word(&n.norm) && !is_title(&n.norm)
            } else {
                crate::text::quotes::lexicon::given_name(&n.norm).is_some()
                    || !crate::text::quotes::lexicon::is_common_word(&n.norm)
            }
    });
    match tokens[k].norm.as_str() {
        "صباح" => {
            (is_title(&prev.norm)
                && next.is_some_and(|n| n.is_word() && !ends_subject(n) && !is_day_word(&n.norm)))
                || (name_word_before && !has_article(&prev.norm) && (role_next || name_next))
        }
        "الصباح" => name_word_before && (role_next || comma_next),
        _ => false,
    }
}

/// True for a day or time word after `صباح` (`صباح اليوم`, `صباح الخميس`): the morning.
pub(super) fn is_day_word(norm: &str) -> bool {
    matches!(
        crate::text::quotes::words::strip_article(norm),
        "يوم"
            | "امس"
            | "غد"
            | "احد"
            | "اثنين"
            | "ثلاثاء"
            | "اربعاء"
            | "خميس"
            | "جمعه"
            | "سبت"
    )
}

/// True for a verbal noun of the form تفعيل (`تسجيل`, `تقديم`, `توقيع`).
pub(super) fn is_form_two_masdar(norm: &str) -> bool {
    let c: Vec<char> = norm.chars().collect();
    c.len() == 5 && c[0] == 'ت' && c[3] == 'ي'
}

/// True for a definite word that can head a role or an institution (`الرئيس`, `الجيش`,
/// `الأمين`), as opposed to a definite surname (`المعايطة`): a title, an institution noun or a
/// nisba adjective.
pub(super) fn is_role_head(norm: &str) -> bool {
    let bare = strip_article(norm);
    is_title(norm)
        || institutions().contains(bare)
        || institutions().contains(norm)
        || is_nisba(norm)
        || DEFINITE_FIRST_NAMES.contains(&norm)
}

/// True for the emphatic `نفسه`/`ذاته` ("the same"), which is no possessed object.
pub(super) fn is_same(norm: &str) -> bool {
    matches!(
        norm,
        "ذاته" | "ذاتها" | "نفسه" | "نفسها" | "ذاتهم" | "انفسهم"
    )
}

/// True for a nisba adjective (`الروسي`, `الإسرائيلية`, `الوطني`).
pub(crate) fn is_nisba(norm: &str) -> bool {
    norm.ends_with('ي') || norm.ends_with("يه")
}

/// Nouns that describe a person without naming them (`الرجل الستيني`, `السيدة`), bare.
const DESCRIPTION_NOUNS: &[&str] = &[
    "رجل",
    "امراه",
    "سيده",
    "شاب",
    "شابه",
    "فتاه",
    "عجوز",
    "مسؤول",
    "مسؤوله",
    "دبلوماسي",
];

/// True for a subject that only describes a person already in the story (`الرجل الستيني`,
/// `الشابة العشرينية بحزن`): a definite description noun and no name after it (a trailing
/// `بـ…` word is a manner phrase).
pub(crate) fn is_description(np: &[Token]) -> bool {
    let Some(head) = np.first() else {
        return false;
    };
    if !has_article(&head.norm) || !DESCRIPTION_NOUNS.contains(&strip_article(&head.norm)) {
        return false;
    }
    let (_, name) = split_role(np);
    name.iter().all(|t| t.norm.starts_with('ب'))
}

/// True for a title word, also joined by `و` (`وكبير`): a role is written in the phrase.
pub(crate) fn is_title_word(norm: &str) -> bool {
    is_title(norm) || norm.strip_prefix('و').is_some_and(is_title)
}

/// True for an undefined institution's noun, also after `لـ` (`حركة`, `لحركة`): the word
/// after it is in its genitive, often the institution's own name (`لحركة فتح`).
pub(crate) fn is_institution_noun(t: &Token) -> bool {
    !has_article(&t.norm) && institutions().contains(strip_lam(&t.norm))
}

/// True when `toks[i]` is the proper-noun genitive of an institution noun before it (`مصرف
/// لبنان`, `لشركة أرامكو`, `بنك المغرب`), followed by more role words: part of the role.
///
/// Also one undefined name before a person's name of two words or more (`رئيس جبهة تقدم عبد
/// الله حمدوك`, `الناطق باسم حركة حماس حازم قاسم`).
fn genitive_of_institution(toks: &[Token], i: usize) -> bool {
    let after_institution = i > 0 && is_institution_noun(&toks[i - 1]);
    if !after_institution {
        return false;
    }
    let adjective_next = toks
        .get(i + 1)
        .is_some_and(|n| n.is_word() && has_article(&n.norm) && !is_title(&n.norm));
    let person_after = toks.len() - i > 2
        && !has_article(&toks[i].norm)
        && toks[i + 1..]
            .iter()
            .all(|n| n.is_word() && !is_title(&n.norm) && !ends_subject(n));
    // `وكالة غوث وتشغيل اللاجئين`: a word joined by `و` goes on with the body's genitive;
    // a person's name is not coordinated so.
    let coordinated_next = toks.get(i + 1).is_some_and(|n| {
        n.is_word()
            && n.norm.chars().count() >= 5
            && n.norm.starts_with('و')
            && !has_article(&n.norm)
            && crate::text::quotes::lexicon::given_name(&n.norm).is_none()
    });
    adjective_next || person_after || coordinated_next
}
