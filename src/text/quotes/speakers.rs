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
    anonymous, indefinite_modifiers, institutions, labels, person_nouns, skip_before_subject,
    stop_words, titles, CueKind,
};
use super::words::{has_article, strip_article, Token};

/// Mentions of one name looked at when searching for its fuller forms and roles.
const MAX_OCCURRENCES: usize = 256;

/// The longest subject phrase accepted (in words); longer runs are clauses, not names.
const MAX_SUBJECT_WORDS: usize = 7;

/// A name or role as words: normalised forms for matching and the original surface text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Name {
    /// Normalised words.
    pub norms: Vec<String>,
    /// The original text of the span.
    pub surface: String,
}

impl Name {
    fn from_tokens(input: &str, toks: &[Token]) -> Option<Name> {
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
    is_title(norm)
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
    [norm, strip_lam(norm), own]
        .iter()
        .any(|w| titles().contains(*w) || person_nouns().contains(*w))
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

/// Split a subject phrase into its leading role words and the name after them.
pub(crate) fn split_role(toks: &[Token]) -> (&[Token], &[Token]) {
    let k = toks
        .iter()
        .position(|t| !(t.is_word() && is_role_word(&t.norm)))
        .unwrap_or(toks.len());
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
    if indefinite {
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

/// The subject phrase right after the cue at `tokens[cue]`, as a token range.
pub(crate) fn subject_after(tokens: &[Token], cue: usize, kind: CueKind) -> Option<Range<usize>> {
    let mut i = cue + 1;
    while tokens
        .get(i)
        .is_some_and(|t| t.is_word() && skip_before_subject().contains(&t.norm))
    {
        i += 1;
    }
    if kind == CueKind::According && tokens.get(i).is_some_and(|t| t.norm == "ل") {
        i += 1;
    }
    let mut start = i;
    while i < tokens.len() && !ends_subject(&tokens[i]) {
        // A pronoun-suffixed noun closing the subject is the verb's object (`جدد X دعوته إلى`);
        // one followed by more name words is a name (`خوسيه مانويل ألباريس`).
        let closes = tokens
            .get(i + 1)
            .is_none_or(|n| ends_subject(n) || has_article(&n.norm));
        if i > start && tokens[i].suffixed && closes {
            break;
        }
        i += 1;
        if i - start > MAX_SUBJECT_WORDS {
            return None;
        }
    }
    // `النائب عن «حزب الله» حسن فضل الله`, `المحللة في شركة "IDC" سارة لين`: a role, a
    // preposition and a quoted group, then the name.
    if i > start && tokens[start..i].iter().all(|t| is_role_word(&t.norm)) {
        if let Some(name) = after_quoted_group(tokens, i) {
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
            let unnamed = first_name.is_empty() && !role.is_empty();
            if closed && !name.is_empty() && (titled || unnamed) {
                start = a;
                i = b;
            }
        }
    }
    let mut end = i;
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
    if takes_object && end - start >= 2 && has_article(last) && !nisba {
        end -= 1;
    }
    (end > start).then_some(start..end)
}

/// The name after `عن «GROUP»` or `في شركة "GROUP"` starting at `tokens[i]`.
fn after_quoted_group(tokens: &[Token], i: usize) -> Option<Range<usize>> {
    use super::words::TokKind::Mark;
    if !matches!(
        tokens.get(i)?.norm.as_str(),
        "عن" | "في" | "من" | "لدى" | "ب"
    ) {
        return None;
    }
    // The opening mark, after at most two words (`في شركة "…"`).
    let open = (i + 1..tokens.len().min(i + 4)).find(|&k| !tokens[k].is_word())?;
    if tokens[open].kind != Mark {
        return None;
    }
    let close = (open + 1..tokens.len().min(open + 7)).find(|&k| tokens[k].kind == Mark)?;
    let start = close + 1;
    let mut end = start;
    while end < tokens.len() && end - start < 4 && !ends_subject(&tokens[end]) {
        end += 1;
    }
    (end > start).then_some(start..end)
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
    // `لكنه حذر`: a pronoun subject, resolved by carrying the last speaker over.
    if tokens.get(s).is_some_and(|t| t.suffixed) {
        return None;
    }
    let mut e = s;
    while e < cue && e - s < 5 && !ends_subject(&tokens[e]) && !(e > s && tokens[e].suffixed) {
        e += 1;
    }
    (e > s).then_some(s..e)
}

/// The subject in `اكتفى X بالقول`, `وختم X حديثه بالقول`: the phrase after the clause's verb.
pub(crate) fn subject_before_bilqawl(tokens: &[Token], cue: usize) -> Option<Range<usize>> {
    if !tokens[cue].norm.contains("بال") {
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

/// A role linked to a named person (`الرئيس` → `بوتين`), found at byte offset `at`.
#[derive(Debug, Clone)]
struct RoleLink {
    role: Vec<String>,
    name: Name,
    at: usize,
}

/// The document's names: every named mention (the canonical-name candidates) and every role
/// seen in front of a name.
#[derive(Debug, Default)]
pub(crate) struct Names {
    candidates: Vec<Name>,
    roles: Vec<RoleLink>,
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
    pub(crate) fn build(input: &str, paragraphs: &[Vec<Token>], mentions: &[&[Token]]) -> Names {
        let mut names = Names::default();
        for np in mentions {
            let (role, name) = split_role(np);
            if let Some(n) = Name::from_tokens(input, name) {
                if role.iter().any(|t| is_title(&t.norm)) {
                    names.roles.push(RoleLink {
                        role: role.iter().map(|t| t.norm.clone()).collect(),
                        name: n.clone(),
                        at: np[0].start,
                    });
                }
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
        names
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
        let Some(full) = Name::from_tokens(input, &toks[s..end]) else {
            return;
        };
        if toks[r..s].iter().any(|t| is_title(&t.norm)) {
            self.roles.push(RoleLink {
                role: toks[r..s].iter().map(|t| t.norm.clone()).collect(),
                name: full.clone(),
                at: toks[r].start,
            });
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
        let key: Vec<&str> = role.norms.iter().map(|w| strip_article(w)).collect();
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
                let theirs: Vec<&str> = link
                    .role
                    .iter()
                    .map(|w| strip_article(strip_lam(w)))
                    .collect();
                let n = key.len().min(theirs.len());
                (n > 0 && key[..n] == theirs[..n]).then_some((n, link))
            })
            .max_by_key(|(n, link)| {
                (
                    *n,
                    link.at <= at,
                    if link.at <= at {
                        link.at
                    } else {
                        usize::MAX - link.at
                    },
                )
            })
            .map(|(_, link)| &link.name)
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
