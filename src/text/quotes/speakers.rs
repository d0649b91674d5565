//! Who is speaking: the subject phrase of a cue, titles split off, roles and surnames linked
//! to named people, and canonical names (the fullest mention in the document).
//!
//! Titles and roles (`الرئيس`, `وزير الخارجية الروسي`, `الكاتب الصحفي`) are **stripped** from
//! the canonical name: `الكاتب الصحفي زانا عمر` → `زانا عمر`. A subject made only of a role
//! (`الرئيس الروسي`) is resolved to the person the document names in that role
//! (`الرئيس بوتين` → `بوتين`); when the document names nobody in it, the role itself is the
//! speaker (`المتحدث باسم الحكومة`). Institutions and groups (`البنتاغون`, `اللاعبون`) are kept
//! as written. Indefinite subjects (`مصادر`, `خبراء`, `مندوب آخر`) are anonymous: no speaker.

use std::collections::HashMap;
use std::ops::Range;

use super::cues::cue_kind;
use super::lexicon::{
    anonymous, complementisers, indefinite_modifiers, institutions, labels, name_context,
    person_nouns, skip_before_subject, stop_words, titles, CueKind,
};
use super::words::{has_article, strip_article, Token};

/// Mentions of one name looked at when searching for its fuller forms and roles.
const MAX_OCCURRENCES: usize = 256;

/// The longest subject phrase accepted (in words); longer runs are clauses, not names.
const MAX_SUBJECT_WORDS: usize = 9;

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
        let (first, last) = (toks.first()?, toks.last()?);
        Some(Name {
            norms: toks.iter().map(|t| t.norm.clone()).collect(),
            surface: input[first.start..last.end].to_string(),
        })
    }
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

fn strip_lam(w: &str) -> &str {
    if w.chars().count() > 3 && !w.starts_with("لل") {
        w.strip_prefix('ل').unwrap_or(w)
    } else {
        w
    }
}

/// True for a word that belongs to a role: a title, an institution noun or modifier, an
/// anonymous-source noun, or any word with the definite article.
fn is_role_word(norm: &str) -> bool {
    // `والماء`, `والطاقة`: a definite word joined by `و` continues a role; no name starts so.
    let coordinated = norm
        .strip_prefix('و')
        .is_some_and(|rest| rest.starts_with("ال") && rest.chars().count() > 3);
    coordinated
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

/// True for a title word proper (not just a definite word).
fn is_title(norm: &str) -> bool {
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
const COMPOUND_SECOND: &[&str] = &[
    "الله",
    "الرحمن",
    "الرحيم",
    "العزيز",
    "الكريم",
    "الدين",
    "الحق",
];

/// Broken plurals among the anonymous source nouns (normalised).
const BROKEN_PLURAL_SOURCES: &[&str] = &[
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
];

/// First names written with the article (`الحارث إدريس`, `الطاهر بن جلون`), normalised.
const DEFINITE_FIRST_NAMES: &[&str] = &[
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
    "الباجي",
];

/// Words inside compound names (`محمد بن عبد الرحمن آل ثاني`), normalised.
const NAME_PARTICLES: &[&str] = &["بن", "ابن", "بنت", "ال", "آل", "ابو", "ابي", "عبد", "ام"];

/// Undefined nouns that continue a construct title before its genitive (`وزير خارجية …`,
/// `لاعب وسط …`), normalised.
const CONSTRUCT_NOUNS: &[&str] = &[
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
];

/// True when the name of a subject phrase starts at `toks[i]`: a word that is no role word,
/// or a definite first name followed by a word that is no title (`الحارث إدريس`, `الطاهر
/// السني`).
fn starts_name(toks: &[Token], i: usize) -> bool {
    let t = &toks[i];
    if !(t.is_word() && is_role_word(&t.norm)) {
        return true;
    }
    DEFINITE_FIRST_NAMES.contains(&t.norm.as_str())
        && toks
            .get(i + 1)
            .is_some_and(|n| n.is_word() && !ends_subject(n) && !is_title(&n.norm))
}

/// An undefined title that needs a genitive after it (`مدرب`, `رئيس`), not one with a
/// pronoun (`مدربه`) or an abbreviation (`د.`).
fn is_construct_title(t: &Token) -> bool {
    !has_article(&t.norm) && !t.suffixed && t.norm != "د" && is_title(&t.norm)
}

/// Split a subject phrase into its leading role words and the name after them.
///
/// An undefined title is in construct with what follows (`مدرب برشلونة`, `رئيس وزراء
/// إسرائيل`, `وزير خارجية إسبانيا`): the construct nouns and one genitive word after it belong
/// to the role.
pub(crate) fn split_role(toks: &[Token]) -> (&[Token], &[Token]) {
    let mut k = (0..toks.len())
        .find(|&i| starts_name(toks, i))
        .unwrap_or(toks.len());
    if k > 0 && k < toks.len() && is_construct_title(&toks[k - 1]) {
        let mut j = k;
        while j < toks.len() && CONSTRUCT_NOUNS.contains(&toks[j].norm.as_str()) {
            j += 1;
        }
        // Only the genitive left: the whole phrase is a role (`مدرب برشلونة`).
        if j + 1 >= toks.len() {
            k = toks.len();
        } else if !NAME_PARTICLES.contains(&toks[j + 1].norm.as_str()) {
            k = j + 1;
        }
    }
    let (role, mut name) = toks.split_at(k);
    // `نبيل عبد الله للصحفيين`: a `لل…` word after a name is a prepositional phrase.
    if let Some(pp) = name.iter().position(|t| t.norm.starts_with("لل")) {
        name = &name[..pp];
    }
    (role, name)
}

/// True when the last word of a subject phrase is a transitive verb's object: a definite word
/// after a definite surname (`لخص الطبيب عبد الرحمن الحداد الوضع`), unless the surname is the
/// second half of a compound name (`عبد الفتاح السيسي`).
fn ends_with_object(np: &[Token]) -> bool {
    let (_, name) = split_role(np);
    let [.., head, before, last] = name else {
        return false;
    };
    let compound = COMPOUND_SECOND.contains(&before.norm.as_str())
        || matches!(
            head.norm.as_str(),
            "عبد" | "ابو" | "ابي" | "بن" | "ابن" | "بنت" | "ام"
        );
    has_article(&last.norm) && has_article(&before.norm) && !compound
}

/// Reporting verbs that take a direct object (`لخص الوضع`, `ختم حديثه`).
fn transitive(cue: &Token) -> bool {
    super::words::lookup_forms(&cue.norm).any(|f| {
        matches!(
            f,
            "لخص"
                | "لخصت"
                | "ختم"
                | "ختمت"
                | "اختتم"
                | "اختتمت"
                | "كشف"
                | "كشفت"
                | "اعلن"
                | "اعلنت"
                | "روى"
                | "روت"
        )
    })
}

/// Classify a subject phrase.
pub(crate) fn who(input: &str, np: &[Token]) -> Option<Who> {
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
    }) && !np.iter().any(|t| has_article(&t.norm));
    // `المصدر ذاته`, `المصدر نفسه`: the anonymous source again.
    let source_again = |w: &str| matches!(strip_article(w), "مصدر" | "مصادر");
    let same_source =
        (np.len() == 2 && anonymous().contains(strip_article(&np[0].norm)) && is_same(&np[1].norm))
            || (np.len() == 1 && has_article(&np[0].norm) && source_again(&np[0].norm));
    // `اقتصاديون`, `مسؤولون أمريكيون`: an undefined plural of a nisba.
    let nisba_plural = |w: &str| !has_article(w) && (w.ends_with("يون") || w.ends_with("يين"));
    let group = np.first().is_some_and(|t| nisba_plural(&t.norm))
        && np.iter().skip(1).all(|t| nisba_plural(&t.norm));
    if indefinite || plural_source || undefined_source || same_source || group {
        return Some(Who::Anonymous);
    }
    if head_anonymous && only_adjectives {
        return Some(Who::Anonymous);
    }
    let (role, name) = split_role(np);
    if let Some(n) = Name::from_tokens(input, name) {
        return Some(Who::Named(n));
    }
    let first = role.first()?;
    if !has_article(&first.norm) && anonymous().contains(&first.norm) {
        return Some(Who::Anonymous);
    }
    Name::from_tokens(input, role).map(Who::Role)
}

/// True for a word that cannot be part of a subject phrase.
fn ends_subject(t: &Token) -> bool {
    if !t.is_word() || t.in_quote {
        return true;
    }
    let w = t.norm.as_str();
    // Names have no digits: `أعلنت الوزارة تسجيل 12 إصابة`.
    if w.chars().any(|c| c.is_numeric()) {
        return true;
    }
    let bare = w.strip_prefix('و').filter(|r| r.chars().count() >= 2);
    stop_words().contains(w)
        || bare.is_some_and(|r| stop_words().contains(r))
        || cue_kind(w).is_some()
        || w.starts_with("بال")
        || w.starts_with("وبال")
        || (w.starts_with('ل')
            && matches!(
                strip_lam(w),
                "وكاله"
                    | "صحيفه"
                    | "قناه"
                    | "موقع"
                    | "برنامج"
                    | "اذاعه"
                    | "مجله"
                    | "تلفزيون"
            ))
}

/// True for a token that opens the reported statement right after a subject: a bare
/// complementiser (`إن`, `أن`, `بأن`) or a colon.
fn opens_complement(t: &Token) -> bool {
    t.punct() == Some(':') || (t.is_word() && complementisers().contains(&t.norm))
}

/// The subject phrase right after the cue at `tokens[cue]`, as a token range.
pub(crate) fn subject_after(tokens: &[Token], cue: usize, kind: CueKind) -> Option<Range<usize>> {
    let mut i = cue + 1;
    // Time words, manner adverbs (`وأضاف مبتسما`) and the audience (`وقالت للحضور`) come
    // before the subject; for "according to" forms a `لل…` word is the source itself.
    while tokens.get(i).is_some_and(|t| {
        t.is_word()
            && (skip_before_subject().contains(&t.norm)
                || is_manner_adverb(&t.norm)
                || (kind != CueKind::According && t.norm.starts_with("لل") && has_article(&t.norm)))
    }) {
        i += 1;
    }
    if kind == CueKind::According && tokens.get(i).is_some_and(|t| t.norm == "ل") {
        i += 1;
    }
    let mut start = i;
    while i < tokens.len() && !ends_subject(&tokens[i]) {
        // A pronoun-suffixed noun closing the subject is the verb's object (`جدد X دعوته إلى`);
        // one followed by more name words is a name (`خوسيه مانويل ألباريس`).
        // A name ending in `ـه` (`أليو سيسيه`) is followed by the complement or a colon.
        let closes = tokens
            .get(i + 1)
            .is_none_or(|n| ends_subject(n) || has_article(&n.norm))
            && !tokens.get(i + 1).is_some_and(opens_complement);
        if i > start && tokens[i].suffixed && closes && !is_same(&tokens[i].norm) {
            break;
        }
        // `ويضيف أبو عودة بصوت متعب`: a `بـ` phrase of manner after a name word (it goes on
        // with another word; a surname such as `بدران` closes the phrase).
        let manner = i > start
            && tokens[i].norm.starts_with('ب')
            && !NAME_PARTICLES.contains(&tokens[i].norm.as_str())
            && !is_role_word(&tokens[i - 1].norm)
            && tokens.get(i + 1).is_some_and(|n| !ends_subject(n));
        if manner {
            break;
        }
        i += 1;
        if i - start > MAX_SUBJECT_WORDS {
            return None;
        }
    }
    // `النائب عن «حزب الله» حسن فضل الله`, `المحللة في شركة "IDC" سارة لين`: a role, a
    // preposition and a quoted group, then the name.
    if i > start && split_role(&tokens[start..i]).1.is_empty() {
        if let Some(name) = after_quoted_group(tokens, i).or_else(|| after_workplace(tokens, i)) {
            start = name.start;
            i = name.end;
        }
    }
    // `وقال دفاع المتهم، المحامي خالد علي، إن …`: a named apposition after an unnamed subject.
    if i > start && tokens.get(i).and_then(Token::punct) == Some('،') {
        let (_, first_name) = split_role(&tokens[start..i]);
        {
            let a = i + 1;
            let mut b = a;
            while b < tokens.len() && b - a < MAX_SUBJECT_WORDS && !ends_subject(&tokens[b]) {
                b += 1;
            }
            let (role, name) = split_role(&tokens[a..b]);
            let closed = tokens.get(b).and_then(Token::punct) == Some('،');
            let titled = role.iter().any(|t| is_title(&t.norm));
            // `وقال محامي الأسرة، ناصر أمين، …`: a role, then the full name of its holder.
            let unnamed = first_name.is_empty() && (!role.is_empty() || name.len() >= 2);
            if closed && !name.is_empty() && (titled || unnamed) {
                start = a;
                i = b;
            }
        }
    }
    // `ونفى المعايطة وجود أي نية`: after a definite surname opening the phrase, an undefined
    // word that is no role starts the object (a name follows a title, not a surname).
    if i - start >= 2 {
        let (first, next) = (&tokens[start], &tokens[start + 1]);
        if has_article(&first.norm)
            && !is_role_head(&first.norm)
            && !has_article(&next.norm)
            && !is_role_word(&next.norm)
            && !NAME_PARTICLES.contains(&next.norm.as_str())
        {
            i = start + 1;
        }
    }
    let mut end = i;
    let object_taking = transitive(&tokens[cue])
        || kind == CueKind::Stance
        || (kind == CueKind::Describe && tokens.get(i).is_some_and(|t| t.is_word()));
    if object_taking {
        end = start + trim_construct_object(&tokens[start..end]);
    }
    let trimmed = end < i;
    if transitive(&tokens[cue]) && ends_with_object(&tokens[start..end]) {
        end -= 1;
    }
    // `وصف X الخطة بأنها …`: the describing verb's object comes between subject and `بأنها`.
    // A nisba adjective (`المحلية`, `الروسي`) belongs to the subject.
    let before_phrase = tokens.get(i).is_some_and(|t| t.is_word());
    let last = &tokens[end.max(1) - 1].norm;
    let nisba = last.ends_with('ي') || last.ends_with("يه");
    // Stance verbs take an object too (`رفضت النيابة العامة التعليق`).
    let takes_object = (kind == CueKind::Describe && before_phrase) || kind == CueKind::Stance;
    // `اتهم المتحدث باسم الخارجية الإسرائيلية الأمم المتحدة بـ…`: after a nisba adjective a
    // definite noun starts the object, however many words it has.
    if takes_object || transitive(&tokens[cue]) {
        if let Some(k) = (start + 1..end).find(|&k| {
            is_nisba(&tokens[k - 1].norm)
                && has_article(&tokens[k - 1].norm)
                && has_article(&tokens[k].norm)
                && !is_nisba(&tokens[k].norm)
        }) {
            return Some(start..k);
        }
    }
    // `أعلنت وزارة الصحة العراقية تسجيل …`: a verbal noun of the form تفعيل closing the
    // phrase after a definite word is the transitive verb's object.
    let object_noun = end - start >= 2
        && is_form_two_masdar(&tokens[end - 1].norm)
        && has_article(&tokens[end - 2].norm);
    if object_noun && (takes_object || transitive(&tokens[cue])) {
        end -= 1;
    }
    let compound = COMPOUND_SECOND.contains(&last.as_str());
    if takes_object && !trimmed && end - start >= 2 && has_article(last) && !nisba && !compound {
        end -= 1;
    }
    (end > start).then_some(start..end)
}

/// True for an undefined accusative participle of manner (`مبتسما`, `ساخرا`, `غاضبا`): no
/// subject is written with the final alif of tanwin.
fn is_manner_adverb(norm: &str) -> bool {
    let c: Vec<char> = norm.chars().collect();
    let n = c.len();
    c.last() == Some(&'ا')
        && !has_article(norm)
        && ((c[0] == 'م' && n >= 5) || (n == 5 && c[1] == 'ا'))
}

/// The length of a subject phrase without an object in construct after its name (`النائب
/// سجاد سالم أداء الحكومة` → `النائب سجاد سالم`): an undefined noun and a definite one
/// closing a name of at least two more words, unless they form a compound name (`عبد الله`,
/// `أبو الغيط`, `نور الدين`).
fn trim_construct_object(np: &[Token]) -> usize {
    let (role, name) = split_role(np);
    let n = name.len();
    if n < 4 {
        return np.len();
    }
    let (x, y) = (&name[n - 2], &name[n - 1]);
    let compound = NAME_PARTICLES.contains(&x.norm.as_str())
        || COMPOUND_SECOND.contains(&y.norm.as_str())
        || DEFINITE_FIRST_NAMES.contains(&y.norm.as_str());
    // A masculine nisba closes many surnames (`محمد شياع السوداني`); a feminine one does not.
    if !has_article(&x.norm) && has_article(&y.norm) && !y.norm.ends_with('ي') && !compound {
        role.len() + n - 2
    } else {
        np.len()
    }
}

/// True for a verbal noun of the form تفعيل (`تسجيل`, `تقديم`, `توقيع`).
fn is_form_two_masdar(norm: &str) -> bool {
    let c: Vec<char> = norm.chars().collect();
    c.len() == 5 && c[0] == 'ت' && c[3] == 'ي'
}

/// True for a definite word that can head a role or an institution (`الرئيس`, `الجيش`,
/// `الأمين`), as opposed to a definite surname (`المعايطة`): a title, an institution noun or a
/// nisba adjective.
fn is_role_head(norm: &str) -> bool {
    let bare = strip_article(norm);
    is_title(norm)
        || institutions().contains(bare)
        || institutions().contains(norm)
        || is_nisba(norm)
        || DEFINITE_FIRST_NAMES.contains(&norm)
}

/// True for the emphatic `نفسه`/`ذاته` ("the same"), which is no possessed object.
fn is_same(norm: &str) -> bool {
    matches!(
        norm,
        "ذاته" | "ذاتها" | "نفسه" | "نفسها" | "ذاتهم" | "انفسهم"
    )
}

/// True for a nisba adjective (`الروسي`, `الإسرائيلية`, `الوطني`).
fn is_nisba(norm: &str) -> bool {
    norm.ends_with('ي') || norm.ends_with("يه")
}

/// The name after `عن «GROUP»` or `في شركة "GROUP"` starting at `tokens[i]`.
fn after_quoted_group(tokens: &[Token], i: usize) -> Option<Range<usize>> {
    use super::words::TokKind::Mark;
    // `الرئيس التنفيذي لشركة "كريم" مدثر شيخة`: the mark right after a `لـ` institution word.
    // Only after a person's title (`المتحدث باسم جماعة "…" X`), not after an outlet or a
    // group that is itself the subject (`ذكرت صحيفة "ماركا" الإسبانية`).
    let titled = tokens[..i]
        .iter()
        .rev()
        .take_while(|t| t.is_word() && is_role_word(&t.norm))
        .any(|t| is_title(&t.norm));
    let glued = tokens.get(i)?.kind == Mark
        && i > 0
        && titled
        && (name_context().contains(&tokens[i - 1].norm)
            || (tokens[i - 1].norm.starts_with('ل')
                && institutions().contains(strip_lam(&tokens[i - 1].norm))));
    let open = if glued {
        i
    } else {
        if !matches!(
            tokens.get(i)?.norm.as_str(),
            "عن" | "في" | "من" | "لدى" | "ب"
        ) {
            return None;
        }
        // The opening mark, after at most two words (`في شركة "…"`).
        (i + 1..tokens.len().min(i + 4)).find(|&k| !tokens[k].is_word())?
    };
    if tokens[open].kind != Mark {
        return None;
    }
    let close = (open + 1..tokens.len().min(open + 7)).find(|&k| tokens[k].kind == Mark)?;
    let start = close + 1;
    if !tokens
        .get(start)
        .is_some_and(|t| t.is_word() && starts_name(tokens, start))
    {
        return None;
    }
    let mut end = start;
    while end < tokens.len() && end - start < 4 && !ends_subject(&tokens[end]) {
        end += 1;
    }
    (end > start).then_some(start..end)
}

/// The name after a role's workplace starting at `tokens[i]` (`كبير الاقتصاديين في بنك
/// أبوظبي الأول سايمون ويليامز`): the words after the last definite word of the place, when
/// the phrase goes on with undefined words after it.
fn after_workplace(tokens: &[Token], i: usize) -> Option<Range<usize>> {
    if !matches!(
        tokens.get(i)?.norm.as_str(),
        "في" | "لدى" | "ب" | "من" | "إلى" | "الى"
    ) {
        return None;
    }
    let a = i + 1;
    let mut b = a;
    while b < tokens.len() && b - a < MAX_SUBJECT_WORDS + 2 && !ends_subject(&tokens[b]) {
        b += 1;
    }
    // The name starts at an undefined, non-role word right after a definite one; or, after a
    // one-word place (`إلى ليبيا عبد الله باتيلي`), right after that word.
    let place = &tokens[a];
    let envoy = matches!(tokens[i].norm.as_str(), "إلى" | "الى" | "لدى")
        && b > a + 2
        && !has_article(&place.norm)
        && !is_role_word(&place.norm);
    let k = if envoy {
        a + 1
    } else {
        (a + 1..b).find(|&k| has_article(&tokens[k - 1].norm) && starts_name(tokens, k))?
    };
    // A first mention after a workplace is a full name: two to four words.
    let (_, name) = split_role(&tokens[k..b]);
    (name.len() == b - k && (2..=4).contains(&name.len())).then_some(k..b)
}

/// Relative pronouns: a cue right after one has the antecedent as its subject.
const RELATIVES: &[&str] = &["الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي"];

/// The subject of a cue in a relative clause (`المعهد الوطني للإحصاء، الذي وصف الوضع …`): the
/// noun phrase before the relative pronoun. A cue carrying an object pronoun (`الذي وصفه
/// الوزير`) has its own subject after it, so it is left alone.
pub(crate) fn subject_before_relative(tokens: &[Token], cue: usize) -> Option<Range<usize>> {
    let rel = cue.checked_sub(1)?;
    if !RELATIVES.contains(&tokens[rel].norm.as_str()) {
        return None;
    }
    let w = tokens[cue].norm.as_str();
    // `الذي قال عنه النقاد`: a resumptive pronoun after the verb, so a subject of its own.
    let resumptive = tokens.get(cue + 1).is_some_and(|t| {
        matches!(
            t.norm.as_str(),
            "عنه" | "عنها" | "عنهم" | "له" | "لها" | "لهم" | "فيه" | "فيها" | "فيهم"
        )
    });
    if tokens[cue].suffixed || w.ends_with("ها") || w.ends_with("هم") || resumptive {
        return None;
    }
    let mut e = rel;
    if e > 0 && tokens[e - 1].punct() == Some('،') {
        e -= 1;
    }
    let mut s = e;
    while s > 0 && e - s < MAX_SUBJECT_WORDS && !ends_subject(&tokens[s - 1]) {
        s -= 1;
    }
    (s < e).then_some(s..e)
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

/// The first person in `tokens[lo..hi]` written with a title and a name (`الكاتبة الفلسطينية
/// سحر خليفة`), outside quotes, as the range of the whole phrase.
pub(crate) fn first_titled_person(tokens: &[Token], lo: usize, hi: usize) -> Option<Range<usize>> {
    let hi = hi.min(tokens.len());
    // Bounded, so that a long unbroken paragraph full of quotes stays linear.
    let lo = lo.max(hi.saturating_sub(120));
    (lo..hi).find_map(|k| {
        let t = &tokens[k];
        let titled = (has_article(&t.norm) && is_title(&t.norm)) || is_construct_title(t);
        if !t.is_word() || t.in_quote || !titled {
            return None;
        }
        let mut e = k;
        while e < hi && e - k < MAX_SUBJECT_WORDS && !ends_subject(&tokens[e]) {
            e += 1;
        }
        let (role, name) = split_role(&tokens[k..e]);
        // Only the name and the role: a pronoun-suffixed object after it is not part of it.
        let possessed = |x: &Token| {
            x.suffixed
                || (!has_article(&x.norm)
                    && x.norm.chars().count() >= 5
                    && (x.norm.ends_with("ها") || x.norm.ends_with("هم")))
        };
        let name_end = name.iter().position(possessed).unwrap_or(name.len());
        // `القاضي محمد السعيد الشربيني تأجيل الجلسة`: the verb's object after the name.
        let kept = trim_construct_object(&tokens[k..k + role.len() + name_end]);
        (kept > role.len()).then(|| k..k + kept)
    })
}

/// The subject of `وكان X قد <cue>`, the usual pluperfect frame of news reports.
pub(crate) fn subject_before_qad(tokens: &[Token], cue: usize) -> Option<Range<usize>> {
    if cue < 2 || tokens[cue - 1].norm != "قد" {
        return None;
    }
    let lo = cue.saturating_sub(2 + MAX_SUBJECT_WORDS);
    let kana = (lo..cue - 1).rev().find(|&k| {
        matches!(
            tokens[k].norm.as_str(),
            "كان" | "وكان" | "كانت" | "وكانت" | "فكان"
        )
    })?;
    let range = kana + 1..cue - 1;
    (!range.is_empty() && !tokens[range.clone()].iter().any(ends_subject)).then_some(range)
}

/// Where the clause holding `tokens[cue]` starts: after the nearest punctuation, mark or
/// paragraph start, and after a leading conjunction; `None` when that is more than ten words
/// back.
fn clause_start(tokens: &[Token], cue: usize) -> Option<usize> {
    let lo = cue.saturating_sub(10);
    let mut s = match (lo..cue).rev().find(|&k| !tokens[k].is_word()) {
        Some(k) => k + 1,
        None if lo == 0 => 0,
        None => return None,
    };
    while s < cue
        && matches!(
            tokens[s].norm.as_str(),
            "لكن"
                | "ولكن"
                | "بينما"
                | "فيما"
                | "كما"
                | "ثم"
                | "و"
                | "اما"
                | "واما"
                | "غير"
                | "ان"
        )
    {
        s += 1;
    }
    Some(s)
}

/// Subject-first order (`لكن محللين في القطاع رأوا أن …`): the phrase that opens the cue's
/// clause.
pub(crate) fn subject_before_verb(tokens: &[Token], cue: usize) -> Option<Range<usize>> {
    let s = clause_start(tokens, cue)?;
    // `لكنه حذر`: a pronoun subject, resolved by carrying the last speaker over; but `أما
    // مدربه كارلو أنشيلوتي فقال` names someone after a suffixed title.
    let titled_name = tokens.get(s).is_some_and(|t| is_title(&t.norm))
        && tokens
            .get(s + 1)
            .is_some_and(|n| n.is_word() && !ends_subject(n) && !is_role_word(&n.norm));
    // `أما جارته أم خالد فتقول`: the topic of `أما … فـ` is the subject.
    let topic = s > 0 && matches!(tokens[s - 1].norm.as_str(), "اما" | "واما");
    if tokens.get(s).is_some_and(|t| t.suffixed) && !titled_name && !topic {
        return None;
    }
    let mut e = s;
    while e < cue && e - s < 5 && !ends_subject(&tokens[e]) && !(e > s && tokens[e].suffixed) {
        e += 1;
    }
    (e > s).then_some(s..e)
}

/// The subject in `اكتفى X بالقول`, `وختم X حديثه بالقول`: the phrase after the clause's verb.
///
/// Also `وعاد X ليؤكد`, `خرج X ليقول`: a purpose verb after the clause's verb and subject.
pub(crate) fn subject_before_bilqawl(tokens: &[Token], cue: usize) -> Option<Range<usize>> {
    let w = tokens[cue].norm.as_str();
    let purpose = w.starts_with("لي") || w.starts_with("لت");
    if !w.contains("بال") && !purpose {
        return None;
    }
    let s = clause_start(tokens, cue)? + 1;
    let mut e = s;
    while e < cue && e - s < 5 && !ends_subject(&tokens[e]) && !(e > s && tokens[e].suffixed) {
        e += 1;
    }
    (e > s).then_some(s..e)
}

/// The source of `نقلت وكالة عن Y قوله`: the phrase between `عن` and a pronoun-suffixed verbal
/// noun cue.
pub(crate) fn subject_before_noun(tokens: &[Token], cue: usize) -> Option<Range<usize>> {
    if !tokens[cue].suffixed {
        return None;
    }
    let lo = cue.saturating_sub(MAX_SUBJECT_WORDS + 1);
    let an = (lo..cue).rev().find(|&k| tokens[k].norm == "عن")?;
    let range = an + 1..cue;
    (!range.is_empty() && !tokens[range.clone()].iter().any(ends_subject)).then_some(range)
}

/// The phrase after the first `عن` within six tokens after `tokens[from]`: the issuer in
/// `وجاء في بيان صادر عن X`, `بحسب تقرير صادر عن X`, the source in `نقلت وكالة عن X`. Returns
/// the index of `عن` too (a quoted name may follow it).
pub(crate) fn phrase_after_an(tokens: &[Token], from: usize) -> Option<(usize, Range<usize>)> {
    let hi = (from + 7).min(tokens.len());
    let an = (from + 1..hi).find(|&k| tokens[k].norm == "عن")?;
    let start = an + 1;
    let mut i = start;
    while i < tokens.len() && i - start < MAX_SUBJECT_WORDS && !ends_subject(&tokens[i]) {
        i += 1;
    }
    Some((an, start..i))
}

/// The speaker phrase of a headline `SPEAKER: statement` (or `SPEAKER لـ"OUTLET": …`): the
/// words at the start of a paragraph before its first colon.
pub(crate) fn headline_subject(all: &[Token]) -> Option<Range<usize>> {
    // A leading tag such as `#عاجل |` or `عاجل -` is skipped.
    let tagged = all
        .first()
        .is_some_and(|t| t.punct() == Some('#') || labels().contains(&t.norm));
    let lead = all
        .iter()
        .take(4)
        .position(|t| matches!(t.punct(), Some('|' | '-' | '–' | '/')))
        .filter(|_| tagged)
        .map_or(0, |k| k + 1);
    let tokens = &all[lead..];
    let colon = tokens
        .iter()
        .take(12)
        .position(|t| t.punct() == Some(':'))?;
    let mut np_end = tokens[..colon]
        .iter()
        .position(|t| !t.is_word() || t.norm == "ل")
        .unwrap_or(colon);
    // `الأمم المتحدة تحذر: …`: a reporting verb closing the speaker phrase.
    let verb_end = np_end;
    while np_end > 1 && cue_kind(&tokens[np_end - 1].norm).is_some() {
        np_end -= 1;
    }
    if np_end == 0 || np_end > 4 || tokens[..np_end].iter().any(ends_subject) {
        return None;
    }
    if tokens[..np_end]
        .iter()
        .any(|t| t.norm.chars().any(|c| c.is_numeric()))
        || labels().contains(&tokens[0].norm)
    {
        return None;
    }
    // Whatever stands between the name and the colon must be `لـ"OUTLET"`.
    let rest = &tokens[verb_end..colon];
    let outlet_ok = rest.is_empty()
        || (rest[0].norm == "ل"
            && rest.len() >= 3
            && rest[1].kind == super::words::TokKind::Mark
            && rest[rest.len() - 1].kind == super::words::TokKind::Mark);
    outlet_ok.then_some(lead..lead + np_end)
}

/// Synonymous role phrases, as bare words (no article): the first form is rewritten to the
/// second before roles are compared (`الناخب الوطني` is the national team's coach).
const ROLE_SYNONYMS: &[(&[&str], &[&str])] = &[
    (&["ناخب", "وطني"], &["مدرب", "منتخب"]),
    (&["ناخب"], &["مدرب"]),
    (&["ناطق"], &["متحدث"]),
    (&["ناطقه"], &["متحدثه"]),
    (&["عاهل"], &["ملك"]),
    (&["موفد"], &["مبعوث"]),
    (&["محام"], &["محامي"]),
    (&["مدير", "فني"], &["مدرب"]),
];

/// The comparable form of a role: articles and `لـ` removed, synonyms rewritten.
fn role_key(norms: &[String]) -> Vec<String> {
    let mut bare: Vec<String> = norms
        .iter()
        .map(|w| {
            let w = w
                .strip_prefix('و')
                .filter(|r| r.starts_with("ال"))
                .unwrap_or(w);
            strip_article(strip_lam(w)).to_string()
        })
        .collect();
    let mut out = Vec::with_capacity(bare.len());
    let mut i = 0;
    while i < bare.len() {
        let rule = ROLE_SYNONYMS.iter().find(|(from, _)| {
            bare.len() - i >= from.len() && from.iter().zip(&bare[i..]).all(|(a, b)| *a == b)
        });
        match rule {
            Some((from, to)) => {
                out.extend(to.iter().map(|w| w.to_string()));
                i += from.len();
            }
            None => {
                out.push(std::mem::take(&mut bare[i]));
                i += 1;
            }
        }
    }
    out
}

/// A role linked to a named person (`الرئيس` → `بوتين`), with the byte offsets where the
/// document writes them together (sorted), so that a long document keeps one link per pair.
#[derive(Debug, Clone)]
struct RoleLink {
    /// The role's comparable form (see [`role_key`]).
    key: Vec<String>,
    name: Name,
    at: Vec<usize>,
}

/// The document's names: every named mention (the canonical-name candidates) and every role
/// seen in front of a name.
#[derive(Debug, Default)]
pub(crate) struct Names {
    candidates: Vec<Name>,
    roles: Vec<RoleLink>,
    /// Index of each (role key, name) pair in `roles`.
    role_index: HashMap<(Vec<String>, Vec<String>), usize>,
}

fn contains_seq(hay: &[String], needle: &[String]) -> bool {
    !needle.is_empty()
        && hay.len() >= needle.len()
        && hay.windows(needle.len()).any(|w| w == needle)
}

impl Names {
    /// Collect names from the subject phrases of cues (`mentions`: the phrase tokens per
    /// mention) and extend them leftwards where the document writes them after a role
    /// (`وزير الخارجية الروسي سيرغي لافروف`).
    ///
    /// `named` are further names found elsewhere (the sources behind outlets).
    pub(crate) fn build(
        input: &str,
        paragraphs: &[Vec<Token>],
        mentions: &[&[Token]],
        named: &[Name],
    ) -> Names {
        let mut names = Names::default();
        names.candidates.extend(named.iter().cloned());
        for np in mentions {
            let (role, name) = split_role(np);
            if let Some(n) = Name::from_tokens(input, name) {
                names.link_roles(role, &n);
                names.candidates.push(n);
            } else if role.first().is_some_and(|t| !is_title(&t.norm)) {
                // An institution or group (`منظمة الصحة العالمية`): its own canonical form.
                names.candidates.extend(Name::from_tokens(input, role));
            }
        }
        // Index every word by its normalised form, to find the known names' other mentions.
        let mut index: HashMap<&str, Vec<(usize, usize)>> = HashMap::new();
        for (pi, toks) in paragraphs.iter().enumerate() {
            for (ti, t) in toks.iter().enumerate() {
                if t.is_word() {
                    index.entry(t.norm.as_str()).or_default().push((pi, ti));
                }
            }
        }
        names.dedup();
        let known: Vec<Name> = names.candidates.clone();
        for name in &known {
            let Some(first) = name.norms.first() else {
                continue;
            };
            let places = index.get(first.as_str()).map_or(&[][..], |v| &v[..]);
            for &(pi, ti) in places.iter().take(MAX_OCCURRENCES) {
                let toks = &paragraphs[pi];
                let end = ti + name.norms.len();
                if end > toks.len() || toks[ti..end].iter().map(|t| &t.norm).ne(name.norms.iter()) {
                    continue;
                }
                names.extend_left(input, toks, ti, end);
            }
        }
        names.dedup();
        for link in &mut names.roles {
            link.at.sort_unstable();
        }
        names
    }

    /// Link the role words written before a name to it: the whole role and, when it is a
    /// chain of titles (`ولي العهد السعودي الأمير`), also the last title on its own (`الأمير`).
    fn link_roles(&mut self, role: &[Token], name: &Name) {
        let Some(first) = role.iter().position(|t| is_title(&t.norm)) else {
            return;
        };
        let at = role[0].start;
        self.add_link(role, name, at);
        if let Some(last) = role
            .iter()
            .rposition(|t| is_title(&t.norm))
            .filter(|&k| k > first)
        {
            self.add_link(&role[last..], name, at);
        }
    }

    /// Record that `role` was written before `name` at byte offset `at`.
    fn add_link(&mut self, role: &[Token], name: &Name, at: usize) {
        let norms: Vec<String> = role.iter().map(|t| t.norm.clone()).collect();
        let key = role_key(&norms);
        match self.role_index.entry((key.clone(), name.norms.clone())) {
            std::collections::hash_map::Entry::Occupied(e) => self.roles[*e.get()].at.push(at),
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(self.roles.len());
                self.roles.push(RoleLink {
                    key,
                    name: name.clone(),
                    at: vec![at],
                });
            }
        }
    }

    /// Keep one candidate per spelling (the first seen).
    fn dedup(&mut self) {
        let mut seen = std::collections::HashSet::new();
        self.candidates.retain(|c| seen.insert(c.norms.clone()));
    }

    /// Look left of a name occurrence `toks[start..end]` for first names and a role.
    fn extend_left(&mut self, input: &str, toks: &[Token], start: usize, end: usize) {
        let plain = |t: &Token| t.is_word() && !is_role_word(&t.norm) && !ends_subject(t);
        let mut s = start;
        while s > 0 && start - s < 2 && plain(&toks[s - 1]) {
            s -= 1;
        }
        // Words taken as first names only count when a role stands right before them.
        let role_before =
            |k: usize| k > 0 && toks[k - 1].is_word() && is_role_word(&toks[k - 1].norm);
        if s < start && !role_before(s) {
            s = start;
        }
        let mut r = s;
        while r > 0 && toks[r - 1].is_word() && is_role_word(&toks[r - 1].norm) {
            r -= 1;
        }
        // `لاعب وسط ريال مدريد جود …`: the words a construct title takes are no first names.
        let (role, _) = split_role(&toks[r..end]);
        s = s.max(r + role.len()).min(start);
        let Some(full) = Name::from_tokens(input, &toks[s..end]) else {
            return;
        };
        self.link_roles(&toks[r..s], &full);
        // `المبعوث الأممي إلى اليمن X`, `المتحدث باسم جماعة "…" X`: a title further left,
        // across a preposition or a quoted group name.
        let bridge = |t: &Token| {
            t.kind == super::words::TokKind::Mark
                || t.in_quote
                || (t.is_word()
                    && (is_role_word(&t.norm)
                        || matches!(
                            t.norm.as_str(),
                            "في" | "لدى" | "إلى" | "الى" | "عن" | "من" | "ب"
                        )))
        };
        // A one-word place after a preposition bridges too (`إلى ليبيا`).
        let place = |k: usize| {
            k >= 2
                && toks[k - 1].is_word()
                && matches!(toks[k - 2].norm.as_str(), "إلى" | "الى" | "لدى" | "في")
        };
        let mut k = r;
        while k > r.saturating_sub(8) && (bridge(&toks[k - 1]) || place(k)) {
            k -= 1;
        }
        let run = toks[k..r]
            .iter()
            .take_while(|t| t.is_word() && !t.in_quote && is_role_word(&t.norm))
            .count();
        if run > 0 && k + run < r {
            self.link_roles(&toks[k..k + run], &full);
        }
        if s < start {
            self.candidates.push(full);
        }
    }

    /// The canonical form of a name: the longest named mention containing it.
    pub(crate) fn canonical(&self, name: &Name) -> String {
        self.candidates
            .iter()
            .filter(|c| contains_seq(&c.norms, &name.norms))
            .max_by_key(|c| (c.norms.len(), std::cmp::Reverse(c.surface.len())))
            .map_or_else(|| name.surface.clone(), |c| c.surface.clone())
    }

    /// The named person behind a role-only subject, preferring the longest matching role and,
    /// among equals, the mention nearest before `at`.
    fn role_holder(&self, role: &Name, at: usize) -> Option<&Name> {
        let key = role_key(&role.norms);
        if !role
            .norms
            .first()
            .is_some_and(|w| is_title(w) || is_title(strip_article(w)))
        {
            return None;
        }
        self.roles
            .iter()
            .filter_map(|link| {
                let theirs = &link.key;
                let mut n = key.len().min(theirs.len());
                if n == 0 || key[..n] != theirs[..n] {
                    // `وزير الطاقة الكويتي` for `وزير الكهرباء والماء والطاقة المتجددة
                    // الكويتي`: the same head and every word of the short role, in order.
                    let mut rest = theirs.iter();
                    let within =
                        key.first() == theirs.first() && key.iter().all(|w| rest.any(|x| x == w));
                    if !within {
                        return None;
                    }
                    n = key.len();
                }
                // The nearest mention before `at`, else the first one after it.
                let i = link.at.partition_point(|&p| p <= at);
                let place = match i {
                    0 => (false, usize::MAX - link.at.first().copied().unwrap_or(0)),
                    _ => (true, link.at[i - 1]),
                };
                Some((n, place, link))
            })
            .max_by_key(|(n, place, _)| (*n, *place))
            .map(|(_, _, link)| &link.name)
    }

    /// Resolve a speaker reference found at byte offset `at`: the canonical name (or role), and
    /// a confidence factor (below 1 when a role or surname had to be linked to a name).
    pub(crate) fn resolve(&self, who: &Who, at: usize) -> (Option<String>, f32) {
        match who {
            Who::Anonymous => (None, 1.0),
            Who::Named(n) => (Some(self.canonical(n)), 1.0),
            Who::Role(r) => {
                if let Some(holder) = self.role_holder(r, at) {
                    return (Some(self.canonical(holder)), 0.9);
                }
                // Not a title: a surname (`الحلبي` → `سامر الحلبي`) or a short form of an
                // institution (`الصحة العالمية` → `منظمة الصحة العالمية`).
                let first = r.norms.first().map(String::as_str).unwrap_or_default();
                if !is_title(first) && !is_title(strip_article(first)) {
                    let full = self.canonical(r);
                    let factor = if full == r.surface { 1.0 } else { 0.9 };
                    return (Some(full), factor);
                }
                (Some(r.surface.clone()), 1.0)
            }
        }
    }
}
