//! Who is speaking: the subject phrase of a cue, titles split off, roles and surnames linked
//! to named people, and canonical names (the fullest mention in the document).
//!
//! Titles and roles (`الرئيس`, `وزير الخارجية الروسي`, `الكاتب الصحفي`) are **stripped** from
//! the canonical name: `الكاتب الصحفي زانا عمر` → `زانا عمر`. A subject made only of a role
//! (`الرئيس الروسي`) is resolved to the person the document names in that role
//! (`الرئيس بوتين` → `بوتين`); when the document names nobody in it, the role itself is the
//! speaker (`المتحدث باسم الحكومة`). Institutions and groups (`البنتاغون`, `اللاعبون`) are kept
//! as written. Indefinite subjects (`مصادر`, `خبراء`, `مندوب آخر`) are anonymous: no speaker.
//!
//! Names have no capital letters in Arabic, so a gazetteer of given names (`given_names.txt`,
//! written for this project) tells a first name from a common word: it completes surnames
//! (`الزاملي` → `حاكم الزاملي`, also when the first name is a title word too), lone first names
//! (`مهدي` → `مهدي سالم`), and keeps a verb or object out of a name (`أرجع محمد عمر`); a
//! foreign given name the list lacks is read by its letters (`فابريزيو`, `name_shape.rs`) where
//! a name is looked for among unknown words. A name
//! ends after a definite family name before an undefined word (`هيا الشعيبي رسالة`) and at a
//! word with tanwin; a spokesman of a body (`المتحدث باسم الجيش`) stays a role, never the body.

mod names;
mod roles;
mod subject_after;
mod subject_before;

pub(crate) use names::{another_body_after, apposition_name, body_head, is_body_word, Names};
pub(crate) use roles::{
    is_description, is_his_speech, is_nisba, is_place, is_title_word, looks_imperfect, split_role,
    strip_lam,
};
pub(crate) use subject_after::{relative_about_antecedent, subject_after, subject_before_relative};
pub(crate) use subject_before::{
    first_titled_person, headline_subject, issuer_before_resumptive, loose_headline_subject,
    opening_role, phrase_after_an, statement_end_at_ellipsis, subject_before_bilqawl,
    subject_before_noun, subject_before_qad, subject_before_verb,
};

use crate::text::quotes::cues::{cue_kind, STATEMENT_NOUNS};
use crate::text::quotes::lexicon::{anonymous, indefinite_modifiers};
use crate::text::quotes::words::has_article;
use crate::text::quotes::words::strip_article;
use crate::text::quotes::words::Token;
use roles::{is_same, is_title, BROKEN_PLURAL_SOURCES};

/// A name or role as words: normalised forms for matching and the original surface text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Name {
    /// Normalised words.
    pub norms: Vec<String>,
    /// The original text of the span.
    pub surface: String,
}

impl Name {
    /// The name of a phrase whose first word carries the preposition `لـ` (`لوزارة الخارجية
    /// القطرية` → `وزارة الخارجية القطرية`).
    pub(crate) fn after_lam(input: &str, toks: &[Token]) -> Option<Name> {
        let mut n = Name::from_tokens(input, toks)?;
        // (`لحماس محمود مرداوي`: the word with `لـ` was a place before the name, dropped.)
        if place_before_person(toks) > 0 {
            return Some(n);
        }
        let first = n.norms.first_mut()?;
        if first.chars().count() < 3 {
            return None;
        }
        // `للجيش` is `لـ` + `الجيش` with the article's alif dropped.
        let (norm, surface) = match first.strip_prefix("لل") {
            Some(rest) => (
                format!("ال{rest}"),
                format!("ا{}", n.surface.strip_prefix('ل')?),
            ),
            None => (
                first.strip_prefix('ل')?.to_string(),
                n.surface.strip_prefix('ل')?.to_string(),
            ),
        };
        *first = norm;
        n.surface = surface;
        Some(n)
    }

    pub(crate) fn from_tokens(input: &str, toks: &[Token]) -> Option<Name> {
        let toks = &toks[place_before_person(toks)..];
        let toks = &toks[..person_name_end(toks)];
        let (first, last) = (toks.first()?, toks.last()?);
        // `رجب طيب #أردوغان`: the hashtag sign is no part of the name.
        let mut surface = input[first.start..last.end].replace('#', "");
        // `حزب الأصالة و المعاصرة`: a conjunction written apart is joined in the name shown.
        if toks.iter().any(|t| input[t.start..t.end].starts_with("و ")) {
            surface = surface.replace(" و ", " و");
        }
        let mut norms: Vec<String> = toks.iter().map(|t| t.norm.clone()).collect();
        // `… والقاضي: …`: the conjunction joined to a title or a body is no part of it.
        let joined = first.norm.strip_prefix('و').filter(|rest| {
            rest.starts_with("ال")
                && rest.chars().count() >= 4
                && (is_title(rest) || is_body_word(rest))
        });
        if let Some(rest) = joined {
            norms[0] = rest.to_string();
            surface = surface.strip_prefix('و')?.to_string();
        }
        // `بهيئة المصل واللقاح`: the preposition `بـ` joined to the head noun of a body's name
        // of two words or more is no part of the name (`لـ` is taken off where a name after
        // it is wanted: [`Name::after_lam`]).
        let preposition = norms[0]
            .strip_prefix('ب')
            .filter(|rest| toks.len() >= 2 && !rest.starts_with("ال") && is_body_word(rest))
            .map(str::to_string);
        if let Some(rest) = preposition {
            let letter = surface.chars().next()?;
            norms[0] = rest;
            surface = surface.strip_prefix(letter)?.to_string();
        }
        // `هينيس-بلاسخارت`: each half of a hyphenated name is a word of it (the page may
        // write `بلاسخارت` alone), shown as written.
        if norms.iter().any(|w| w.contains('-')) {
            norms = norms
                .iter()
                .flat_map(|w| w.split('-').filter(|p| !p.is_empty()).map(str::to_string))
                .collect();
        }
        Some(Name { norms, surface })
    }
}

/// The number of words before a person's name that are the place or group of a role written
/// before it (`دمشق عامر الشيخ`, `لصنعاء عبدالقادر المرتضى`, `حماس محمود مرداوي`): one or two
/// places, then a given name and another word; else 0.
fn place_before_person(toks: &[Token]) -> usize {
    use crate::text::quotes::lexicon::given_name;
    let place = |t: &Token| {
        let w = t.norm.as_str();
        let bare = w.strip_prefix('ل').unwrap_or(w);
        given_name(w).is_none()
            && (roles::is_place(w) || roles::is_place(bare) || matches!(w, "حماس" | "لحماس"))
    };
    let given = |t: &Token| given_name(&t.norm).is_some();
    (1..3.min(toks.len().saturating_sub(1)))
        .find(|&g| given(&toks[g]) && toks[..g].iter().all(place))
        .unwrap_or(0)
}

/// Where a person's name (a given name, `عبد` or `أبو` first) ends among `toks`: before the
/// first word after its second that no name goes on with (`قيس سعيد رفضه`, `حسن الهيدوس
/// إدارة النادي`, `أمين شري وحسن …`, `محمد محيي لشبكة`): a noun with a pronoun, a verbal noun,
/// a `لـ`/`بـ` phrase, or another person's given name or title joined by `و`.
fn person_name_end(toks: &[Token]) -> usize {
    use crate::text::quotes::lexicon::{given_name, is_common_word};
    // (Or a compound given name: `عبد المجيد عطار بخصوص …`.)
    let person = toks.first().is_some_and(|t| {
        t.is_word() && (given_name(&t.norm).is_some() || matches!(t.norm.as_str(), "عبد" | "ابو"))
    });
    if !person || toks.len() < 3 {
        return toks.len();
    }
    let ends = |k: usize| {
        let t = &toks[k];
        let w = t.norm.as_str();
        if !t.is_word()
            || given_name(w).is_some()
            || roles::NAME_PARTICLES.contains(&w)
            || roles::COMPOUND_SECOND.contains(&w)
        {
            return false;
        }
        // (Followed by more of that person: `رامي أمين واصف،` ends with a surname.)
        let joined = w
            .strip_prefix('و')
            .is_some_and(|rest| given_name(rest).is_some() || is_title(rest))
            && toks.get(k + 1).is_some_and(Token::is_word);
        // (`وختمت رولا سعد قائلة`: a reporting word is no part of the name.)
        (t.suffixed && is_common_word(w))
            || crate::text::quotes::cues::cue_kind(w).is_some()
            || VERBAL_NOUNS.contains(&w)
            || looks_like_verbal_noun(w)
            || roles::is_prose_after_preposition(w)
            || joined
    };
    (2..toks.len()).find(|&k| ends(k)).unwrap_or(toks.len())
}

/// A name's words spaced one way whichever way the page spaced them, so that its mentions
/// match: `عبدالعال` as `عبد العال`, `بو عسكر` as `بوعسكر`.
pub(crate) fn respace(norms: &[String]) -> Option<Vec<String>> {
    let uneven = norms
        .iter()
        .any(|w| w == "بو" || (w.starts_with("عبدال") && w.chars().count() >= 7));
    if !uneven {
        return None;
    }
    let mut out: Vec<String> = Vec::with_capacity(norms.len() + 1);
    let mut joined = false;
    for w in norms {
        if joined {
            out.last_mut().expect("a word before").push_str(w);
            joined = false;
            continue;
        }
        if let Some(rest) = w
            .strip_prefix("عبد")
            .filter(|r| r.starts_with("ال") && r.chars().count() >= 4)
        {
            out.push("عبد".to_string());
            out.push(rest.to_string());
        } else {
            joined = w == "بو";
            out.push(w.clone());
        }
    }
    Some(out)
}

/// A speaker reference before resolution.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Who {
    /// A person or body named in the text (titles split off).
    Named(Name),
    /// Only a role or a definite description (`الرئيس الروسي`, `البنتاغون`, `الحلبي`).
    Role(Name),
    /// An indefinite source (`مصادر`, `خبراء`).
    Anonymous,
}

/// True for a word that makes a noun phrase definite: the article, or the name of a country or
/// city (`مندوب روسيا` is Russia's one delegate, not "a delegate").
fn definite_word(t: &Token) -> bool {
    has_article(&t.norm) || roles::is_place(&t.norm)
}

/// Classify a subject phrase.
pub(crate) fn who(input: &str, np: &[Token]) -> Option<Who> {
    if !can_open_subject(np.first()?) {
        return None;
    }
    // `وأضاف البيان`, `وتابع بيان الشباب`: the statement speaks for its issuer, named after it
    // or (when it is not) the speaker the story carries.
    if STATEMENT_NOUNS.contains(&np[0].norm.as_str()) {
        // A statement alone (`وأشار البيان`) speaks for the body that issued it, found when
        // the name is resolved.
        if np.len() == 1 {
            return Name::from_tokens(input, np).map(Who::Role);
        }
        return who(input, &np[1..]);
    }
    // `وأضاف المتحدث ذاته`, `المسؤول سالف الذكر`: the person just quoted, carried over.
    let aforementioned = |rest: &[Token]| match rest {
        [x] => is_same(&x.norm) || matches!(x.norm.as_str(), "المذكور" | "المذكوره"),
        [x, y] => x.norm == "سالف" && y.norm == "الذكر",
        _ => false,
    };
    if np.len() >= 2
        && has_article(&np[0].norm)
        && is_title(strip_article(&np[0].norm))
        && aforementioned(&np[1..])
    {
        return None;
    }
    // `نفس الوزير`, `ذات المتحدث`: the same person again.
    if np.len() == 2 && matches!(np[0].norm.as_str(), "نفس" | "ذات") && is_title(&np[1].norm)
    {
        return None;
    }

    // `عدد من السيدات`, `بعض المواطنين`: a quantity of people, nobody in particular; so is
    // one of them (`أحد سكان شمال سوريا`).
    if matches!(
        np[0].norm.as_str(),
        "عدد" | "بعض" | "عشرات" | "مئات" | "الاف" | "كثير" | "غالبيه" | "معظم"
    ) || (np.len() >= 2 && matches!(np[0].norm.as_str(), "احد" | "احدى" | "احدي"))
    {
        return Some(Who::Anonymous);
    }
    // `مسؤول أممي`, `مصرفي كبير`: an indefinite phrase with an adjective of origin or rank.
    let indefinite = !np.iter().any(|t| has_article(&t.norm))
        && np
            .iter()
            .skip(1)
            .any(|t| indefinite_modifiers().contains(&t.norm));
    // `مصدر طبي`, `مسؤول عسكري`: an anonymous noun with only nisba adjectives after it.
    let head_anonymous = np
        .first()
        .is_some_and(|t| !has_article(&t.norm) && anonymous().contains(&t.norm));
    let only_adjectives = np.iter().skip(1).all(|t| {
        !has_article(&t.norm) && (is_nisba(&t.norm) || indefinite_modifiers().contains(&t.norm))
    });
    // `شهود عيان`, `مصادر حكومية`: an undefined plural source noun and no definite word.
    let plural_source = np.first().is_some_and(|t| {
        let w = t.norm.as_str();
        anonymous().contains(w)
            && (w.ends_with("ون") || w.ends_with("ين") || BROKEN_PLURAL_SOURCES.contains(&w))
    }) && !np.iter().any(|t| has_article(&t.norm));
    // `دراسة حديثة نشرتها مجلة`: an undefined source noun (no title) and nothing definite.
    let undefined_source = np.first().is_some_and(|t| {
        anonymous().contains(&t.norm) && !is_title(&t.norm) && !has_article(&t.norm)
    }) && !np.iter().any(definite_word);
    // `المصدر ذاته`, `المصدر نفسه`: the anonymous source again.
    let source_again = |w: &str| matches!(strip_article(w), "مصدر" | "مصادر");
    let same_source =
        (np.len() == 2 && anonymous().contains(strip_article(&np[0].norm)) && is_same(&np[1].norm))
            || (np.len() == 1 && has_article(&np[0].norm) && source_again(&np[0].norm));
    // `اقتصاديون`, `مسؤولون أمريكيون`: an undefined plural of a nisba.
    let nisba_plural = |w: &str| !has_article(w) && (w.ends_with("يون") || w.ends_with("يين"));
    let group = np.first().is_some_and(|t| nisba_plural(&t.norm))
        && np.iter().skip(1).all(|t| nisba_plural(&t.norm));
    // `المصدر المصري رفيع المستوى`: the (anonymous) source again, with its adjectives.
    let source_described = np.len() >= 2
        && source_again(&np[0].norm)
        && has_article(&np[0].norm)
        && np[1..].iter().all(|t| {
            is_nisba(&t.norm)
                || indefinite_modifiers().contains(&t.norm)
                || indefinite_modifiers().contains(strip_article(&t.norm))
                || matches!(strip_article(&t.norm), "مستوي" | "مطلع" | "مسؤول" | "رسمي")
        });
    // `وردد المحتجون`, `قال المتظاهرون من الحمرا`: an unnamed crowd is no one in particular.
    let crowd = np.first().is_some_and(|t| {
        has_article(&t.norm)
            && matches!(
                strip_article(&t.norm),
                "متظاهرون"
                    | "متظاهرين"
                    | "متظاهرات"
                    | "محتجون"
                    | "محتجين"
                    | "محتجات"
                    | "مضربون"
                    | "مضربين"
                    | "معتصمون"
                    | "معتصمين"
            )
    }) && np[1..].iter().all(|t| is_nisba(&t.norm));
    if indefinite
        || plural_source
        || undefined_source
        || same_source
        || group
        || source_described
        || crowd
    {
        return Some(Who::Anonymous);
    }
    if head_anonymous && only_adjectives {
        return Some(Who::Anonymous);
    }
    // `ودعا البرهان الرئيس الأمريكي دونالد ترمب …`: a definite surname, then the verb's
    // object with its own title.
    let np = match np {
        [first, second, ..]
            if has_article(&first.norm)
                && !is_title(&first.norm)
                && !is_nisba(&first.norm)
                && is_title(&second.norm)
                && has_article(&second.norm) =>
        {
            &np[..1]
        }
        _ => np,
    };
    let (role, mut name) = split_role(np);
    // `منظمة أطباء بلا حدود`, `شركة أرامكو`: a body's head noun, then words that open no
    // person's name (no given name among them): the whole phrase is the body's name.
    if role.first().is_some_and(|t| is_body_word(&t.norm))
        && !name.is_empty()
        && !name
            .iter()
            .any(|t| crate::text::quotes::lexicon::given_name(&t.norm).is_some())
    {
        return Name::from_tokens(input, np).map(Who::Role);
    }
    // `مصطفى عبد الجليل رئيس "المجلس الوطني"`: a title after the name starts the role.
    // (Not after `بن`: `عبدالله بن مساعد`.)
    while name.len() >= 3
        && name
            .last()
            .is_some_and(|t| is_title(&t.norm) && !has_article(&t.norm))
        && !roles::NAME_PARTICLES.contains(&name[name.len() - 2].norm.as_str())
    {
        name = &name[..name.len() - 1];
    }
    // `ونقد`, `عبارة الحكومة`: words of news prose only (no given name, title or body's
    // word) name nobody; the speaker is carried over instead.
    let prose_word = |t: &Token| {
        let w = t.norm.as_str();
        let bare = w
            .strip_prefix('و')
            .filter(|r| r.chars().count() >= 3)
            .unwrap_or(w);
        (crate::text::quotes::lexicon::is_common_word(w)
            || crate::text::quotes::lexicon::is_common_word(bare))
            && crate::text::quotes::lexicon::given_name(w).is_none()
            && !is_title(w)
            && !is_body_word(w)
            // (`لوزارة الاقتصاد الأردنية`: a body's word after a joined preposition.)
            && !w.strip_prefix(['ل', 'ب']).is_some_and(is_body_word)
    };
    if role.is_empty() && !name.is_empty() && name.iter().all(prose_word) {
        return None;
    }
    if let Some(n) = Name::from_tokens(input, name) {
        return Some(Who::Named(n));
    }
    let first = role.first()?;
    // `متحدث الأرصاد` is definite by its genitive: a role, not an anonymous source.
    // `متحدث باسم وزارة الصحة` is a spokesman, not the spokesman: anonymous.
    let on_behalf = role.get(1).is_some_and(|t| roles::speaks_for(&t.norm));
    let definite = is_title(&first.norm) && !on_behalf && role.iter().any(definite_word);
    if !has_article(&first.norm) && anonymous().contains(&first.norm) && !definite {
        return Some(Who::Anonymous);
    }
    Name::from_tokens(input, role).map(Who::Role)
}

/// False for a word no speaker phrase starts with: a pronoun-suffixed noun (`رسالته`,
/// `سعادته`), a manner phrase (`بقوله`, `بثقة`), a reporting verb (`مضى`, `وأكمل`), a
/// preposition with the article (`للحقوق`) or a pronoun (`علينا`), a time adverb, or a
/// personal pronoun.
fn can_open_subject(t: &Token) -> bool {
    let w = t.norm.as_str();
    let bare = w
        .strip_prefix('و')
        .filter(|r| r.chars().count() >= 3)
        .unwrap_or(w);
    let suffixed = |x: &str| {
        !has_article(x)
            && x.chars().count() >= 5
            && (x.ends_with("ته") || x.ends_with("ها") || x.ends_with("هم") || x.ends_with("تها"))
    };
    // `وأكد دعم مصر الكامل`: a verbal noun opens the verb's object, the subject is unwritten.
    if VERBAL_NOUNS.contains(&bare) {
        return false;
    }
    // `وقال الطبيب بتصريح`, `ببيان`: `بـ` and a noun of statement; `ووعد ببذل الجهد`: `بـ`
    // and a verbal noun (a name never opens with `بب`).
    if bare
        .strip_prefix('ب')
        .is_some_and(|r| cue_kind(r).is_some() || r.starts_with('ب'))
    {
        return false;
    }
    // `وقالت بصوت متألم`, `وأعلن بتهميش دوره`: `بـ` and a word of news prose or a verbal
    // noun (not a given name, `بدر`, `براك`, nor a body, `بلدية`).
    if crate::text::quotes::lexicon::given_name(bare).is_none()
        && !is_body_word(bare)
        && bare.strip_prefix('ب').is_some_and(|r| {
            r.chars().count() >= 3
                && (crate::text::quotes::lexicon::is_common_word(r) || looks_like_verbal_noun(r))
                && !is_body_word(r)
                && !is_title(r)
        })
    {
        return false;
    }
    // `وأضاف هناك تواطؤ`: "there is", the reported clause itself.
    if matches!(bare, "هناك" | "هنالك" | "هنا") {
        return false;
    }
    // (`بلدية غزة` is a body whose `ة` reads `ـه` once normalised.)
    let manner = !is_body_word(w)
        && bare.strip_prefix('ب').is_some_and(|r| {
            r.chars().count() >= 3
                && (r.ends_with('ه') || r.starts_with("ال") || r.starts_with("قول"))
        });
    if is_title(w) || is_title(bare) {
        return true;
    }
    // `ووصف وضع الدينار`, `كشف تفاصيل عملية`: a verbal noun by its pattern opens the object.
    if looks_like_verbal_noun(w) {
        return false;
    }
    // `اعتماداً`, `نصاً`: an indefinite accusative (written tanwin) is no name.
    if t.tanwin {
        return false;
    }
    // `لوكالة`, `لمجلس`: `لـ` and a body or outlet noun (Maghrebi names such as `لعمامرة`
    // start with `ل` too).
    let lam_noun = w.strip_prefix('ل').is_some_and(|r| {
        r.chars().count() >= 3
            && (is_body_word(r)
                || crate::text::quotes::lexicon::institutions().contains(r)
                || crate::text::quotes::lexicon::OUTLET_NOUNS.contains(&r))
    });
    !(t.suffixed
        || lam_noun
        || suffixed(bare)
        || manner
        || cue_kind(bare).is_some()
        || cue_kind(w).is_some()
        || bare.starts_with("لل")
        || matches!(
            bare,
            "نحن"
                | "هو"
                | "هي"
                | "هم"
                | "انا"
                | "انت"
                | "رغم"
                | "برغم"
                | "كان"
                | "كانت"
                | "مضى"
                | "مضت"
                | "اننا"
                | "انني"
                | "بما"
                | "مما"
                | "لما"
                | "فيما"
                | "كما"
                | "لنا"
                | "بحد"
                | "حسب"
                | "بهذا"
                | "بهذه"
                | "بخصوص"
                | "جراء"
                | "لذلك"
                | "كذلك"
                | "ايضا"
                | "كل"
                | "كافه"
                | "جميع"
                // Prepositions with a pronoun (`علينا`, `منهم`) and time adverbs (`أحيانا`).
                | "علينا"
                | "عليهم"
                | "عليه"
                | "عليها"
                | "لهم"
                | "له"
                | "لها"
                | "منا"
                | "منهم"
                | "منه"
                | "منها"
                | "عنا"
                | "عنهم"
                | "عنه"
                | "عنها"
                | "معنا"
                | "معهم"
                | "معه"
                | "معها"
                | "الينا"
                | "اليهم"
                | "اليه"
                | "اليها"
                | "احيانا"
                | "دائما"
                | "غالبا"
                | "حينذاك"
                | "انذاك"
                | "حينها"
        ))
}

/// True for an undefined word with the shape of a verbal noun of a derived verb (`استقرار`,
/// `اعتقال`, `انسحاب`, `تنفيذ`, `مشاركة`, `تفاصيل`), which opens a verb's
/// object or ends a name before it (`رياض سلامه استقرار الليرة`). Given names of those shapes
/// (`توفيق`, `انتصار`, `إيمان`), titles and bodies are excluded.
pub(crate) fn looks_like_verbal_noun(w: &str) -> bool {
    let c: Vec<char> = w.chars().collect();
    let shaped = match c.len() {
        // تفعيل (not إفعال, the shape of the plural أفعال in `أنصار الله`, `أطباء بلا حدود`;
        // not تفاعل, the shape of `ترامب`)
        5 => c[0] == 'ت' && c[3] == 'ي',
        // افتعال, انفعال, مفاعلة, تفاعيل
        6 => {
            (c[0] == 'ا' && c[4] == 'ا' && (c[2] == 'ت' || c[1] == 'ن'))
                || (c[0] == 'م' && c[2] == 'ا' && c[5] == 'ه')
                || (c[0] == 'ت' && c[2] == 'ا' && c[4] == 'ي')
        }
        // استفعال
        7 => w.starts_with("است") && c[5] == 'ا',
        _ => false,
    };
    shaped
        && !has_article(w)
        && crate::text::quotes::lexicon::given_name(w).is_none()
        && !is_title(w)
        && !is_body_word(w)
        && !crate::text::quotes::lexicon::institutions().contains(w)
}

/// Verbal nouns that often follow a reporting verb as its object (`أكد دعم مصر`, `شدد على
/// رفض …`), normalised: never the first word of a speaker.
pub(super) const VERBAL_NOUNS: &[&str] = &[
    "دعم",
    "وجود",
    "ادخال",
    "اصدار",
    "ارسال",
    "ادانه",
    "رفض",
    "ضروره",
    "اهميه",
    "استعداد",
    "حرص",
    "تمسك",
    "التزام",
    "استمرار",
    "عدم",
    "شن",
    "تكثيف",
    "رغبه",
    "تاييد",
    "ترحيب",
    "قلق",
    "تضامن",
    "وقوف",
    "مواصله",
];

/// True when a subject phrase opens with a word no speaker's name opens with: a word with
/// tanwin (`أطرافاً`, `حسماً`), a verb in the imperfect of the forms تفعّل/تفاعل (`يتفق`,
/// `تتحدث`), a long verbal noun (`استقرار`) or a word ending in the pronoun `نا` (`صمتنا`,
/// `بلادنا`: our). Such a phrase is a verb's object or clause taken for its subject.
pub(crate) fn implausible_subject(np: &[Token]) -> bool {
    let Some(first) = np.first() else {
        return false;
    };
    let w = first.norm.as_str();
    if has_article(w)
        || crate::text::quotes::lexicon::given_name(w).is_some()
        || is_title(w)
        || is_body_word(w)
        || STATEMENT_NOUNS.contains(&w)
    {
        return false;
    }
    let n = w.chars().count();
    first.tanwin
        || (n >= 4 && (w.starts_with("يت") || w.starts_with("تت")))
        || (n >= 6 && looks_like_verbal_noun(w))
        // (Given names ending so, `رنا`, `لينا`, were let through above.)
        || (n >= 5 && w.ends_with("نا"))
}

/// True when a subject phrase names someone: a title in it, a name of two words or more, or
/// a body (`وزارة …`, `الجيش`) — not a bare noun such as a verb's object (`الثورات`).
pub(crate) fn names_someone(np: &[Token]) -> bool {
    let (role, name) = split_role(np);
    // A name (`مهدي`) but not a bare definite noun (`الثورات`).
    name.len() >= 2
        || name
            .first()
            .is_some_and(|t| name.len() == 1 && !has_article(&t.norm))
        || np.iter().any(|t| roles::is_title_word(&t.norm))
        || role.first().is_some_and(|t| {
            crate::text::quotes::lexicon::institutions().contains(strip_article(&t.norm))
        })
}
