//! The document's names: named mentions, roles linked to the people holding them, and the
//! canonical name (the fullest mention) a speaker reference resolves to.

mod scan;

use scan::short_form_head;
pub(crate) use scan::{another_body_after, apposition_name, body_head, is_body_word};

use super::roles::{
    ends_subject, is_institution_noun, is_rank_grade, is_role_word, is_title, split_role,
    strip_lam, COMPOUND_SECOND, OFFICES,
};
use super::{Name, Who};
use crate::text::quotes::cues::{cue_kind, STATEMENT_NOUNS};
use crate::text::quotes::lexicon::{given_name, is_common_word, GivenName};
use crate::text::quotes::words::Token;
use crate::text::quotes::words::{has_article, strip_article, TokKind};
use std::collections::{HashMap, HashSet};
/// Mentions of one name looked at when searching for its fuller forms and roles.
const MAX_OCCURRENCES: usize = 256;

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
        .enumerate()
        .map(|(k, w)| {
            // `والطاقة` inside a role; `ووزير الخارجية` opening a coordinated one.
            let w = w
                .strip_prefix('و')
                .filter(|r| r.starts_with("ال") || (k == 0 && is_title(r)))
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

/// True when two words of role keys are the same, also a country and its nisba adjective
/// (`رئيس وزراء العراق` is `رئيس الوزراء العراقي`).
fn same_role_word(a: &str, b: &str) -> bool {
    let nisba_of = |place: &str, adj: &str| {
        let stem = adj.strip_suffix('ي');
        place.chars().count() >= 3
            && stem.is_some()
            && (stem == Some(place) || stem == place.strip_suffix('ه'))
    };
    // `التونسي` and `التونسية` (a role's adjective agrees with its noun).
    let feminine = |x: &str, y: &str| x.ends_with('ي') && y.strip_suffix('ه') == Some(x);
    a == b || nisba_of(a, b) || nisba_of(b, a) || feminine(a, b) || feminine(b, a)
}

/// True for the name of a body rather than a person (`الجيش السوداني`, `مديرية الأمن العام`):
/// it holds no office, so its spokesman stays a role.
fn is_body_name(n: &Name) -> bool {
    // (Or no name at all: `Copyright Euronews`.)
    !n.norms
        .iter()
        .any(|w| crate::text::quotes::words::has_arabic_letter(w))
        || n.norms.first().is_some_and(|w| {
            is_body_word(w)
                || (has_article(w) && !super::roles::DEFINITE_FIRST_NAMES.contains(&w.as_str()))
        })
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
    /// The head words of each named person's roles, for fast office checks.
    role_heads: HashMap<Vec<String>, HashSet<String>>,
    /// Named speakers of cues by byte offset of their mention (sorted): who a bare role most
    /// likely stands for.
    speakers: Vec<(usize, Name)>,
    /// Other people written with a title, by byte offset (sorted).
    people: Vec<(usize, Name)>,
    /// Bodies written with their full names (`وزارة الصحة السودانية`, `المفوضية العليا
    /// المستقلة للانتخابات`), by byte offset, with their head noun without the article.
    bodies: Vec<(usize, String, Name)>,
    /// Nicknames written in quote marks after a full name (`"حميدتي"`), by their words.
    aliases: HashMap<Vec<String>, Name>,
    /// The story's one speaker who is surely a person and has no role linked (see
    /// [`Names::find_lone_speaker`]).
    lone_speaker: Option<Name>,
    /// Definite surnames written somewhere right after a sure given name (`محمد الشحود`), by
    /// the surname's form: the full name of a surname no mention completes.
    given_before: HashMap<String, Name>,
    /// Head nouns of anonymous sources (`مسؤول`, `ضابط`, `مصدر`) with the byte offset of
    /// their first mention.
    anonymous_heads: HashMap<String, usize>,
    /// Roles written as the subjects of cues with no name (`وزير الشؤون الدينية`), by byte
    /// offset: the fuller form of a bare title (`الوزير`) nobody named holds.
    role_mentions: Vec<(usize, Name)>,
    /// How many times each candidate spelling was found (mentions, extensions, scans).
    support: HashMap<Vec<String>, usize>,
    /// Names written with a role set off after them (`منذر الكبير، المدير الفني`): a fuller
    /// form however its words read.
    apposed: std::collections::HashSet<Vec<String>>,
    /// Candidates already counted into `support` (the first `counted` are deduplicated).
    counted: usize,
    /// Each candidate spaced one way (see [`super::respace`]), where its page spaced it
    /// otherwise; computed once, since names are looked up for every quote.
    respaced: Vec<Option<Vec<String>>>,
    /// Canonical names already found, by the name's words and spelling.
    canonical_cache: std::cell::RefCell<HashMap<(Vec<String>, String), String>>,
}

/// The name all of `found` write (the same words each time); `None` when they are none or
/// differ.
fn the_only<'a>(mut found: impl Iterator<Item = &'a Name>) -> Option<&'a Name> {
    let first = found.next()?;
    found.all(|c| c.norms == first.norms).then_some(first)
}

/// True when every place `fuller` holds the name of two words or more `norms` follows `بن`,
/// `ابن` or `بنت`: there they name the father of the person `fuller` names (`الحسين بن
/// عبدالله الثاني`).
fn names_the_father(norms: &[String], fuller: &[String]) -> bool {
    let n = norms.len();
    // (One word is more often the person written short: `فرحان` for `فيصل بن فرحان`.)
    if n < 2 || fuller.len() <= n {
        return false;
    }
    let mut places = (1..=fuller.len() - n)
        .filter(|&p| fuller[p..p + n] == *norms)
        .peekable();
    places.peek().is_some()
        && places.all(|p| matches!(fuller[p - 1].as_str(), "بن" | "ابن" | "بنت"))
}

/// True when `fuller` (holding the person's name `norms`) adds only words a name may have:
/// no definite common noun (`بايدن الشعب الكيني`, `عبد الفتاح البرهان الحديث`), no possessed
/// noun (`إليسا رأيها`), no common word of news prose (`محمد سعد تفاصيل`, see
/// [`adds_prose`]), and after the name only a given name, a particle or — after a given name — a
/// surname (`مهدي سالم`, not `بلينكن حكومة`). Bodies may take any words.
fn plausible_fuller(norms: &[String], fuller: &[String]) -> bool {
    use super::roles::{COMPOUND_SECOND, DEFINITE_FIRST_NAMES, NAME_PARTICLES};
    if fuller.len() == norms.len() {
        return true;
    }
    // A body's name opens with its head (`وزارة الصحة السودانية`; not `تعلم وزارة الصحة`).
    if norms.first().is_some_and(|w| body_head(w).is_some()) {
        return fuller.starts_with(norms);
    }
    // A person's name (opening with a given name) is no fuller for a body's name before it
    // (`حركة حماس عبد اللطيف القانوع`: the spokesman's body, then his name).
    let person = norms.first().is_some_and(|w| given_name(w).is_some())
        || (norms.len() >= 2 && given_name(&format!("{} {}", norms[0], norms[1])).is_some());
    if person && fuller.first().is_some_and(|w| body_head(w).is_some()) {
        return false;
    }
    // A body or a role (`المجلس الانتقالي الجنوبي`) may take any words.
    if fuller.first().is_some_and(|w| {
        body_head(w).is_some() || is_title(w) || (has_article(w) && is_role_word(w))
    }) {
        return true;
    }
    let Some(at) = name_at(norms, fuller) else {
        return true;
    };
    let particle = |w: &str| NAME_PARTICLES.contains(&w);
    let given_at = |k: usize| given_name(&fuller[k]).is_some();
    let nisba = |w: &str| has_article(w) && super::roles::is_nisba(w);
    let possessed = |w: &str| {
        (!has_article(w)
            && w.chars().count() >= 4
            && ["ها", "هم", "ته"].iter().any(|x| w.ends_with(x))
            && given_name(w).is_none())
            || super::roles::is_his_speech(w)
    };
    // A definite word is a name word as a nisba, a first name written with the article, the
    // second half of a compound, after a particle (`آل الشيخ`) or after a given name
    // (`محمد الأمين`, `مرزوق الغانم`).
    let definite_ok = |k: usize| {
        let w = fuller[k].as_str();
        !has_article(w)
            || nisba(w)
            || DEFINITE_FIRST_NAMES.contains(&w)
            || COMPOUND_SECOND.contains(&w)
            || (k > 0 && (particle(&fuller[k - 1]) || given_at(k - 1)))
    };
    // `حسن شيخ محمود الصوماليين`: a plural nisba is the people addressed, no name's word.
    if fuller.iter().any(|w| super::roles::is_plural_nisba(w)) {
        return false;
    }
    if adds_prose(norms, fuller) {
        return false;
    }
    // `تشبث عبد اللطيف وهبي`, `اختار عبد الإله بنكيران`: right before a compound given name
    // (`عبد …`, `أبو …`) only a given name or a particle goes on with the name.
    let before_compound = |k: usize| {
        matches!(fuller[k + 1].as_str(), "عبد" | "ابو") && !given_at(k) && !particle(&fuller[k])
    };
    let added_before =
        (0..at).all(|k| definite_ok(k) && !possessed(&fuller[k]) && !before_compound(k));
    let end = at + norms.len();
    let last_given = norms.last().is_some_and(|w| given_name(w).is_some());
    let added_after = (end..fuller.len()).all(|k| {
        let w = fuller[k].as_str();
        // (Not a noun and its adjective: `أنغام الجمهور السعودي`.)
        let phrase = has_article(w) && !nisba(w) && fuller.get(k + 1).is_some_and(|n| nisba(n));
        definite_ok(k)
            && !possessed(w)
            && !phrase
            && (given_name(w).is_some()
                || particle(w)
                || particle(&fuller[k - 1])
                || given_at(k - 1)
                || last_given
                || nisba(w))
    });
    added_before && added_after
}

/// A name without a verb in the past written before it (`عادت لويزة حنون`, `أصدرت حركة
/// الجهاد الإسلامي`): a word ending in `ت` of four letters or more that reads as no name, or
/// a reporting verb's form, before a sure given name or a body's head noun.
fn without_verb_before(surface: &str) -> String {
    let words: Vec<&str> = surface.split_whitespace().collect();
    let [first, second, ..] = &words[..] else {
        return surface.to_string();
    };
    let (first, second) = (
        crate::text::quotes::words::norm(first),
        crate::text::quotes::words::norm(second),
    );
    // (Not a word the name model reads as a name's: `جولييت توما` opens with a given name
    // the list lacks.)
    let past = first.ends_with('ت')
        && first.chars().count() >= 4
        && crate::text::quotes::name_shape::name_probability(&first) < 0.5;
    let verb = (past || cue_kind(&first).is_some())
        && given_name(&first).is_none()
        && !is_body_word(&first)
        && !is_title(&first)
        && !super::roles::NAME_PARTICLES.contains(&first.as_str());
    let opens_name = given_name(&second) == Some(GivenName::Sure) || body_head(&second).is_some();
    if verb && opens_name {
        words[1..].join(" ")
    } else {
        surface.to_string()
    }
}

/// Where `fuller` holds the words `norms`, if it does.
fn name_at(norms: &[String], fuller: &[String]) -> Option<usize> {
    (0..=fuller.len().saturating_sub(norms.len())).find(|&i| fuller[i..].starts_with(norms))
}

/// True when `fuller` adds to the person's name `norms` a common word of news prose that is
/// no sure given name (`محمد سعد تفاصيل`, `لقاء قيس سعيّد`: `لقاء` is a given name too, but
/// rarely); a body's name may add any (`وزارة التربية والتعليم`).
fn adds_prose(norms: &[String], fuller: &[String]) -> bool {
    let body = |w: &String| body_head(w).is_some() || is_title(w);
    if norms.first().is_some_and(body) || fuller.first().is_some_and(body) {
        return false;
    }
    let Some(at) = name_at(norms, fuller) else {
        return false;
    };
    // (`فخر الدين ألطون`: a compound first name in `الدين`, `الله` … is no prose, both words.)
    let compound = |k: usize| {
        COMPOUND_SECOND.contains(&fuller[k].as_str())
            || fuller
                .get(k + 1)
                .is_some_and(|n| COMPOUND_SECOND.contains(&n.as_str()))
    };
    // (`يؤمن أليو ديانج`, `تدعم قيس سعيد`: a verb in the imperfect before the name, which
    // the common words do not all hold.)
    // (Only `يـ` and `تـ`, the third person: `نويل` before `بارو` is a given name.)
    let imperfect = |k: usize| {
        let w = &fuller[k];
        k < at
            && w.starts_with(['ي', 'ت'])
            && (4..=5).contains(&w.chars().count())
            && given_name(w).is_none()
    };
    let prose = |k: usize| {
        let w = &fuller[k];
        (is_common_word(w) && given_name(w) != Some(GivenName::Sure) && !compound(k))
            || imperfect(k)
    };
    (0..at).chain(at + norms.len()..fuller.len()).any(prose)
}

/// True when `fuller` adds, right after a name that opens with no given name, a word in `بـ`
/// or `لـ` that is a noun rather than a name (`بايدن بزيلينسكي`: the verb's object).
fn adds_object_after(norms: &[String], fuller: &[String]) -> bool {
    let Some(at) = name_at(norms, fuller) else {
        return false;
    };
    norms.first().is_some_and(|w| given_name(w).is_none())
        && fuller
            .get(at + norms.len())
            .is_some_and(|w| super::roles::is_prepositional_word(w))
}

/// The entry of `list` (sorted by offset) that `fits`, searching back from `split` and then
/// forward from it, within a bounded number of entries each way, so that a page with thousands
/// of quotes and names stays linear.
fn nearest_fitting(
    list: &[(usize, Name)],
    split: usize,
    fits: impl Fn(&Name) -> bool,
) -> Option<&Name> {
    let before = list[..split]
        .iter()
        .rev()
        .take(MAX_OCCURRENCES)
        .find(|(_, n)| fits(n));
    before
        .or_else(|| {
            list[split..]
                .iter()
                .take(MAX_OCCURRENCES)
                .find(|(_, n)| fits(n))
        })
        .map(|(_, n)| n)
}

/// True when `a` and `b` differ by one inserted, deleted or changed letter.
fn one_edit_apart(a: &str, b: &str) -> bool {
    // (`ى` and `ي` end names alike: `جريندى`, `جراندي`.)
    let fold = |c: char| if c == 'ى' { 'ي' } else { c };
    let (a, b): (Vec<char>, Vec<char>) =
        (a.chars().map(fold).collect(), b.chars().map(fold).collect());
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if long.len() - short.len() > 1 {
        return false;
    }
    let prefix = short
        .iter()
        .zip(long.iter())
        .take_while(|(x, y)| x == y)
        .count();
    if prefix == short.len() {
        // Equal, or the longer one has one letter more at the end.
        return true;
    }
    if short.len() == long.len() {
        short[prefix + 1..] == long[prefix + 1..]
    } else {
        short[prefix..] == long[prefix + 1..]
    }
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
    /// `named` are the named speakers of cues (and the sources behind outlets) with the byte
    /// offsets of their mentions.
    pub(crate) fn build(
        input: &str,
        paragraphs: &[Vec<Token>],
        mentions: &[&[Token]],
        named: &[(usize, Name)],
    ) -> Names {
        let mut names = Names::default();
        names
            .candidates
            .extend(named.iter().map(|(_, n)| n.clone()));
        names.speakers = named.to_vec();
        // A paragraph the page repeats (a teaser above the story, a lead written twice) adds
        // no names: copied, a form is no more a name than written once.
        let mut seen_paragraphs = std::collections::HashSet::new();
        let repeated: Vec<bool> = paragraphs
            .iter()
            .map(|toks| {
                !seen_paragraphs.insert(toks.iter().map(|t| t.norm.as_str()).collect::<Vec<_>>())
            })
            .collect();
        // (Their spans, usually none: each mention is tested against these only.)
        let repeated_spans: Vec<(usize, usize)> = paragraphs
            .iter()
            .zip(&repeated)
            .filter(|(_, &r)| r)
            .filter_map(|(toks, _)| Some((toks.first()?.start, toks.last()?.end)))
            .collect();
        let in_repeated = |at: usize| repeated_spans.iter().any(|&(s, e)| s <= at && at < e);
        for np in mentions
            .iter()
            .filter(|np| np.first().is_some_and(|t| !in_repeated(t.start)))
        {
            if let (Some(first), Some(Who::Anonymous)) = (np.first(), super::who(input, np)) {
                let head = strip_article(&first.norm).to_string();
                let pos = names.anonymous_heads.entry(head).or_insert(first.start);
                *pos = (*pos).min(first.start);
            }
            let (role, name) = split_role(np);
            if name.is_empty() && role.first().is_some_and(|t| is_title(&t.norm)) {
                if let Some(r) = Name::from_tokens(input, role) {
                    names.role_mentions.push((role[0].start, r));
                }
            }
            if let Some(n) = Name::from_tokens(input, name) {
                names.link_roles(role, &n);
                // `رامي عبد الرحمن رئيس المرصد`: the role after the name is his too.
                let after = &np[role.len() + name.len()..];
                if after.first().is_some_and(|t| is_title(&t.norm)) {
                    names.link_roles(after, &n);
                }
                names.candidates.push(n);
            } else if role.first().is_some_and(|t| !is_title(&t.norm)) {
                // An institution or group (`منظمة الصحة العالمية`): its own canonical form.
                names.candidates.extend(Name::from_tokens(input, role));
            }
        }
        // People written with a title anywhere (`ندد رئيس الوزراء مصطفى الكاظمي`), not only as
        // the subjects of cues: their full names and roles.
        for toks in paragraphs
            .iter()
            .zip(&repeated)
            .filter(|(_, r)| !**r)
            .map(|(p, _)| p)
        {
            names.scan_titled_people(input, toks);
            names.scan_appositions(input, toks);
            names.scan_bodies(input, toks);
            names.scan_quoted_names(input, toks);
            names.scan_named_before_role(input, toks);
            names.scan_given_name_people(input, toks);
            names.scan_surnames_after_given_names(input, toks);
        }
        // Both scans look for the names found so far; the first adds role links, no names.
        let known = names.full_names();
        names.scan_roles_after_names(paragraphs, &known);
        names.scan_aliases(paragraphs, &known);
        names.people.sort_by_key(|(at, _)| *at);
        names.role_mentions.sort_by_key(|(at, _)| *at);
        names.speakers.sort_by_key(|(at, _)| *at);
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
                names.extend_given(input, toks, ti, end);
            }
        }
        names.dedup();
        for link in &mut names.roles {
            link.at.sort_unstable();
        }
        for link in &names.roles {
            if let Some(head) = link.key.first() {
                names
                    .role_heads
                    .entry(link.name.norms.clone())
                    .or_default()
                    .insert(head.clone());
            }
        }
        names.lone_speaker = names.find_lone_speaker();
        names.respaced = names
            .candidates
            .iter()
            .map(|c| super::respace(&c.norms))
            .collect();
        names
    }

    /// The one speaker of cues who is surely a person (a known given name first, or a
    /// one-word surname), speaks twice and has no role linked; `None` when there are several.
    fn find_lone_speaker(&self) -> Option<Name> {
        let mut count: HashMap<&[String], usize> = HashMap::new();
        for (_, n) in &self.speakers {
            *count.entry(&n.norms[..]).or_default() += 1;
        }
        // Speaking twice (`وأضاف بدوي … وختم بدوي`): one mention may be anyone's, unless
        // the story names no other speaker.
        let alone = count.len() == 1;
        let personal = |n: &Name| {
            (alone || count.get(&n.norms[..]).copied().unwrap_or(0) >= 2)
                && (n.norms.first().is_some_and(|w| given_name(w).is_some())
                    || (n.norms.len() == 1 && !has_article(&n.norms[0])))
        };
        let mut found: Option<&Name> = None;
        for (_, n) in &self.speakers {
            if is_body_name(n) || self.role_heads.contains_key(&n.norms) || !personal(n) {
                continue;
            }
            match found {
                Some(f) if f.norms != n.norms => return None,
                _ => found = Some(n),
            }
        }
        found.cloned()
    }

    /// People written with a title or a given name, and bodies written in full, with the byte
    /// offsets of those mentions (people first, then bodies, each in order).
    pub(crate) fn named_mentions(&self) -> impl Iterator<Item = (usize, &Name)> {
        let people = self.people.iter().map(|(at, n)| (*at, n));
        people.chain(self.bodies.iter().map(|(at, _, n)| (*at, n)))
    }

    /// The body named in full last before byte `at`.
    pub(crate) fn body_before(&self, at: usize) -> Option<&Name> {
        self.bodies
            .iter()
            .filter(|b| b.0 <= at)
            .max_by_key(|b| b.0)
            .map(|b| &b.2)
    }

    /// The ministry a portfolio written alone stands for (`الخارجية البحرينية` for `وزارة
    /// خارجية مملكة البحرين`): a ministry named in full with that portfolio, nearest before
    /// byte `at`, else the first after it.
    fn ministry_named(&self, short: &Name, at: usize) -> Option<&Name> {
        const PORTFOLIOS: &[&str] = &[
            "الخارجيه",
            "الداخليه",
            "الصحه",
            "الدفاع",
            "الماليه",
            "العدل",
            "التربيه",
            "الزراعه",
            "الاعلام",
            "الثقافه",
            "النقل",
            "الطاقه",
            "الاقتصاد",
            "التجاره",
            "البيئه",
            "الاوقاف",
        ];
        let (first, rest) = short.norms.split_first()?;
        if !PORTFOLIOS.contains(&first.as_str())
            || rest.len() > 1
            || !rest.iter().all(|w| super::roles::is_nisba(w))
        {
            return None;
        }
        let bare = strip_article(first);
        self.body_near(at, |head, body| {
            head == "وزاره" && body.norms.iter().any(|w| w == first || w == bare)
        })
    }

    /// The full name of a body written short (`الوزارة`, `المفوضية`): the one with that head
    /// nearest before byte `at`, else the first after it.
    fn body_named(&self, short: &Name, at: usize) -> Option<&Name> {
        if let Some(ministry) = self.ministry_named(short, at) {
            return Some(ministry);
        }
        // `فتح` for `حركة فتح`, `الحوثي` for `جماعة الحوثي`: the name without its head noun.
        // (Not a body's own head, `الوزارة`, which stands for the ministry named before.)
        // (Nor a person's name: `نتنياهو` is not `مكتب نتنياهو`.)
        let headless = |_: &String, b: &Name| {
            b.norms.len() == short.norms.len() + 1
                && b.norms.ends_with(&short.norms)
                && body_head(&b.norms[0]).is_some()
        };
        // (Tested only once such a body is found: the page's people are many.)
        let own_head = || {
            short.norms.first().is_some_and(|w| {
                body_head(w).is_some()
                    || short_form_head(w).is_some()
                    || given_name(w) == Some(GivenName::Sure)
            }) || self
                .people
                .iter()
                .any(|(_, p)| p.norms.ends_with(&short.norms))
                || self.speakers.iter().any(|(_, p)| {
                    p.norms.len() > short.norms.len() && p.norms.ends_with(&short.norms)
                })
        };
        if let Some(full) = self.body_near(at, headless).filter(|_| !own_head()) {
            return Some(full);
        }
        let [word] = &short.norms[..] else {
            return None;
        };
        if !has_article(word) {
            return None;
        }
        let head = short_form_head(word)?;
        self.body_near(at, |h, _| *h == head)
    }

    /// The body named in full that `fits` (given its head noun and name) nearest before byte
    /// `at`, else the first after it.
    fn body_near(&self, at: usize, fits: impl Fn(&String, &Name) -> bool) -> Option<&Name> {
        let fits = |b: &&(usize, String, Name)| fits(&b.1, &b.2);
        let before = self.bodies.iter().filter(|b| b.0 <= at).rfind(fits);
        before
            .or_else(|| self.bodies.iter().filter(|b| b.0 > at).find(fits))
            .map(|b| &b.2)
    }

    /// The last named person (speaker or titled mention) written in `lo..at` (byte offsets).
    pub(crate) fn person_between(&self, lo: usize, at: usize) -> Option<&Name> {
        // The lists are sorted by offset: the last entry before `at`, if it is not before `lo`.
        let last = |list: &'_ [(usize, Name)]| {
            let i = list.partition_point(|(p, _)| *p < at);
            i.checked_sub(1)
                .map(|k| &list[k])
                .filter(|(p, _)| *p >= lo)
                .map(|(p, n)| (*p, n.clone()))
        };
        let found = match (last(&self.speakers), last(&self.people)) {
            (Some(a), Some(b)) => Some(if a.0 >= b.0 { a.1 } else { b.1 }),
            (a, b) => a.or(b).map(|x| x.1),
        }?;
        self.candidates.iter().find(|c| c.norms == found.norms)
    }

    /// The person nearest before byte `at` (else the first one after it) that a bare title
    /// (`الوزير`, `المدرب الأسترالي`) may stand for: news refers back to the person it has
    /// introduced by a role word.
    ///
    /// The speakers of cues come first: a role word in a quote's frame stands for a speaker
    /// rather than for someone the story only mentions.
    ///
    /// For an office (`الوزير`, `المتحدث باسم …`) a person qualifies when one of the roles the
    /// document gives them has the same head title (`المتحدث باسم الحكومة الأردنية` for
    /// `الناطق الرسمي باسم الحكومة`); someone written with another office is someone else
    /// (`وزير الزراعة` is not `الرئيس`). A description (`الناشط الحقوقي`) fits anyone.
    fn nearest_person(&self, role: &Name, at: usize) -> Option<&Name> {
        let key = role_key(&role.norms);
        let head = key.first()?;
        let office = OFFICES.contains(&head.as_str());

        let fits = |n: &Name| {
            !is_body_name(n)
                && (!office
                    || self
                        .role_heads
                        .get(&n.norms)
                        .is_some_and(|heads| heads.contains(head)))
                && !self.holds_other_office(n, role, &key)
        };
        let nearest = |list: &'_ [(usize, Name)]| {
            let split = list.partition_point(|(p, _)| *p <= at);
            nearest_fitting(list, split, fits).cloned()
        };
        let found = nearest(&self.speakers).or_else(|| nearest(&self.people));
        // `وقال وزير الداخلية الجزائري …` then `وأضاف بدوي`: when the document links no role
        // to any name, its one speaker without a role.
        let found = found.or_else(|| {
            // Nobody in the story has a role linked to a name (else the office could be the
            // title of someone written with another one).
            let nobody = self.role_heads.is_empty()
                || !self.role_heads.values().any(|heads| heads.contains(head));
            self.lone_speaker.clone().filter(|_| office && nobody)
        })?;
        self.candidates.iter().find(|c| c.norms == found.norms)
    }

    /// True when every role written before `n` with the head of the construct title `role`
    /// (`key`, its comparable form) governs another noun than `role` does: `رئيس اللجنة` is not
    /// `رئيس الوزراء` (a nisba or `باسم` after the head, `المدير التنفيذي`, `الناطق باسم`,
    /// compares nothing; nor does a definite title, `الوزير الحقيل`, whose next word is a name).
    fn holds_other_office(&self, n: &Name, role: &Name, key: &[String]) -> bool {
        let noun = |w: &String| w != "باسم" && !super::roles::is_nisba(w);
        let construct = role.norms.first().is_some_and(|w| !has_article(w));
        let Some(ours) = key.get(1).filter(|w| construct && noun(w)) else {
            return false;
        };
        let mut theirs = self
            .roles
            .iter()
            .filter(|link| link.name.norms == n.norms && link.key.first() == key.first())
            .peekable();
        theirs.peek().is_some()
            && theirs.all(|link| {
                link.key
                    .get(1)
                    .is_some_and(|w| noun(w) && !same_role_word(w, ours) && !key.contains(w))
            })
    }

    /// A longer role with the same head as the bare title `r` (`وزير الشؤون الدينية` for
    /// `الوزير`), written as a cue's subject nearest before byte `at`, else first after it.
    fn fuller_role(&self, r: &Name, at: usize) -> Option<&Name> {
        let key = role_key(&r.norms);
        let head = key.first()?;
        let fits =
            |n: &Name| n.norms.len() > r.norms.len() && role_key(&n.norms).first() == Some(head);
        let split = self.role_mentions.partition_point(|(pos, _)| *pos < at);
        nearest_fitting(&self.role_mentions, split, fits)
    }

    /// Link the role words written before a name to it: the whole role and, when it is a
    /// chain of titles (`ولي العهد السعودي الأمير`), also the last title on its own (`الأمير`).
    fn link_roles(&mut self, role: &[Token], name: &Name) {
        let Some(first) = role.iter().position(|t| is_title(&t.norm)) else {
            return;
        };
        let at = role[0].start;
        self.add_link(role, name, at);
        // `النائب الأول لرئيس الوزراء ووزير الخارجية`: each title joined by `و` is a role of
        // its own too.
        for k in first + 1..role.len() {
            let joined = role[k]
                .norm
                .strip_prefix('و')
                .is_some_and(|rest| rest.chars().count() > 2 && is_title(rest));
            if joined {
                self.add_link(&role[k..], name, at);
            }
        }
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

    /// Keep one candidate per spelling (the first seen), counting how often each was found.
    fn dedup(&mut self) {
        for c in &self.candidates[self.counted.min(self.candidates.len())..] {
            *self.support.entry(c.norms.clone()).or_default() += 1;
        }
        let mut seen = std::collections::HashSet::new();
        self.candidates.retain(|c| seen.insert(c.norms.clone()));
        self.counted = self.candidates.len();
    }

    /// Complete a name occurrence `toks[start..end]` with a given name the gazetteer knows:
    /// one written before it (`حاكم الزاملي`, `عبد الملك الحوثي`, also a given name that is a
    /// role word too) and, for a lone given name, the surname after it (`مهدي علي`).
    fn extend_given(&mut self, input: &str, toks: &[Token], start: usize, end: usize) {
        // Inside quote marks only with the name itself (`"استعراض العام مع فلاديمير بوتين"`).
        let quoted = toks[start].in_quote;
        let usable = |t: &Token| t.is_word() && t.in_quote == quoted && !t.tanwin;
        let compound = start >= 2
            && usable(&toks[start - 2])
            && usable(&toks[start - 1])
            && given_name(&format!(
                "{} {}",
                toks[start - 2].norm,
                toks[start - 1].norm
            ))
            .is_some();
        // A given name that is also a title (`حاكم`, `أمير`) only before a family name in
        // `ـي` (`حاكم الزاملي`, not `أمير قطر`); `باسم` before a definite word is `in the name
        // of`, `ان` a complementiser.
        let family = toks[start].norm.ends_with('ي') && has_article(&toks[start].norm);
        // `لحركة فتح جمال نزال`: the word after an institution's noun is its name, not a
        // given name.
        let institution_name = start >= 2 && is_institution_noun(&toks[start - 2]);
        let before = |t: &Token| match given_name(&t.norm) {
            None => false,
            Some(_) if matches!(t.norm.as_str(), "ان" | "باسم") => false,
            Some(GivenName::Sure) => true,
            Some(GivenName::AlsoWord) => (!is_title(&t.norm) || family) && !institution_name,
        };
        // `المتحدث باسم الحكومة باسم العوادي`: `باسم` after a word that is no role is a
        // given name before a known surname.
        let basim = start >= 2
            && toks[start - 1].norm == "باسم"
            && usable(&toks[start - 1])
            && has_article(&toks[start].norm)
            && !is_title(&toks[start].norm)
            && !is_body_word(&toks[start].norm)
            && toks[start - 2].is_word()
            && !is_role_word(&toks[start - 2].norm)
            && !is_title(&toks[start - 2].norm);
        let s = if compound {
            start - 2
        } else if basim || (start >= 1 && usable(&toks[start - 1]) && before(&toks[start - 1])) {
            start - 1
        } else {
            start
        };
        if s < start {
            if let Some(full) = Name::from_tokens(input, &toks[s..end]) {
                self.candidates.push(full);
            }
        }
        let lone_given = end == start + 1 && given_name(&toks[start].norm).is_some();
        // An undefined word that is no role, or a definite one ending like a family name
        // (`الشعيبي`) that is no title.
        // Not a verb in the imperfect (`جيرارد يحيّي`), and the phrase ends after it.
        // `منذر الكبير، المدير الفني`: a role set off by a comma after the word shows where
        // the name ends, even after a definite word of news prose.
        let apposed = toks
            .get(end + 1)
            .is_some_and(|t| matches!(t.punct(), Some(',' | '،')))
            && toks
                .get(end + 2)
                .is_some_and(|t| t.is_word() && !t.in_quote && is_title(&t.norm));
        let surname = toks.get(end).filter(|t| {
            usable(t)
                && !ends_subject(t)
                && if has_article(&t.norm) {
                    (t.norm.ends_with('ي') && !is_title(&t.norm))
                        // (A title's word too: `الكبير`.)
                        || (apposed && !is_body_word(&t.norm))
                } else {
                    // (`يوسف`, `توفيق` are names; `يحيي` is also the verb "greets".)
                    let verb_like = t.norm.starts_with(['ي', 'ت'])
                        && (given_name(&t.norm).is_none() || t.norm == "يحيي");
                    !(is_role_word(&t.norm) || verb_like)
                }
        });
        let closed = toks.get(end + 1).is_none_or(|n| {
            ends_subject(n) || is_title(&n.norm) || is_role_word(&n.norm) && has_article(&n.norm)
        });
        let surname = surname.filter(|_| closed);
        if lone_given && surname.is_some() {
            if let Some(full) = Name::from_tokens(input, &toks[s..end + 1]) {
                if apposed {
                    self.apposed.insert(full.norms.clone());
                }
                self.candidates.push(full);
            }
        }
    }

    /// Look left of a name occurrence `toks[start..end]` for first names and a role.
    fn extend_left(&mut self, input: &str, toks: &[Token], start: usize, end: usize) {
        let plain = |t: &Token| {
            t.is_word()
                && !is_role_word(&t.norm)
                && !ends_subject(t)
                && !matches!(t.norm.as_str(), "كان" | "وكان")
        };
        let mut s = start;
        // `أرجع محمد عمر`: before a given name only another given name is part of the name.
        let given_first = given_name(&toks[start].norm).is_some();
        while s > 0
            && start - s < 2
            && plain(&toks[s - 1])
            && (!given_first || given_name(&toks[s - 1].norm).is_some())
        {
            s -= 1;
        }
        // `عبد الحميد الدبيبة`: `عبد` and a definite word make one first name.
        if s == start && s >= 2 && has_article(&toks[s - 1].norm) && toks[s - 2].norm == "عبد" {
            s -= 2;
        }
        // Words taken as first names only count after a role, a quoted group (`في "حزب الله"
        // نواف الموسوي`) or a reporting verb (`قال أيمن يونس`): not after a plain word or a
        // comma (`وصف كيم، زيارة لافروف، بأنها`), whose phrase they could end.
        let opens_name = |k: usize| {
            k > 0
                && (toks[k - 1].kind == TokKind::Mark
                    // `مفوض وكالة الغوث (الأونروا) فيليب لازاريني`.
                    || toks[k - 1].punct() == Some(')')
                    || (toks[k - 1].is_word()
                        && !toks[k - 1].in_quote
                        && (is_role_word(&toks[k - 1].norm)
                            || cue_kind(&toks[k - 1].norm).is_some()
                            // `كان أيمن يونس، نجم الزمالك`: after the verb `كان`.
                            || matches!(toks[k - 1].norm.as_str(), "كان" | "وكان"))))
        };
        // `عبّر مارتن جريفيث، وكيل الأمين العام …`: a role in apposition after it shows a name.
        let apposed_after = toks
            .get(end)
            .is_some_and(|t| matches!(t.punct(), Some(',' | '،')))
            && toks
                .get(end + 1)
                .is_some_and(|t| t.is_word() && is_title(&t.norm));
        if s < start && !opens_name(s) && !apposed_after {
            s = start;
        }
        let mut r = s;
        while r > 0
            && toks[r - 1].is_word()
            && (is_role_word(&toks[r - 1].norm) || is_rank_grade(toks, r - 1))
        {
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
            t.kind == crate::text::quotes::words::TokKind::Mark
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
    ///
    /// Mentions ending with the name come first (`الرزاز` → `عمر الرزاز`, not a longer phrase
    /// that only contains it).
    pub(crate) fn canonical(&self, name: &Name) -> String {
        // (Every mention of a page is resolved: a name is looked up once.)
        let key = (name.norms.clone(), name.surface.clone());
        if let Some(found) = self.canonical_cache.borrow().get(&key) {
            return found.clone();
        }
        let found = without_verb_before(&self.canonical_uncached(name));
        self.canonical_cache.borrow_mut().insert(key, found.clone());
        found
    }

    fn canonical_uncached(&self, name: &Name) -> String {
        // `مصطفى` → `مصطفى رشيد` → `سربست مصطفى رشيد`: a fuller mention of the fuller form.
        // A nickname stands for the full name written before it (one step: no chains).
        let name = self.aliases.get(&name.norms).unwrap_or(name);
        // Later steps only add words before the name: words after it are more often a verb's
        // object taken into a mention.
        // `الشحود` for `محمد الشحود`, written once in a sentence that names nobody else.
        let given_before = || match &name.norms[..] {
            [w] => self.given_before.get(w).map(|n| n.surface.clone()),
            _ => None,
        };
        let Some(mut first) = self.fuller(&name.norms) else {
            return given_before()
                .or_else(|| self.middle_names_added(name).map(|n| n.surface.clone()))
                .unwrap_or_else(|| name.surface.clone());
        };
        if first.norms == name.norms {
            if let Some(full) = given_before() {
                return full;
            }
            if let Some(full) = self.middle_names_added(name) {
                return full.surface.clone();
            }
            // `جراندي` for `ليزا جريندى`: a foreign surname transliterated another way.
            if let Some(full) = self.variant_spelling(name) {
                return full.surface.clone();
            }
        }
        // `غزواني` for `محمد ولد الشيخ الغزواني`: a family name written without its article.
        if let [w] = &name.norms[..] {
            if !has_article(w) && given_name(w).is_none() {
                let definite = [format!("ال{w}")];
                let longer = |f: &&Name| f.norms.len() > first.norms.len();
                if let Some(full) = self.fuller(&definite).filter(longer) {
                    first = full;
                }
            }
            // `الخليل` for `محمد سامر خليل`: one written with the article it does not have,
            // the last word of a name of three words or more (not a common word: a place).
            if let Some(bare) = w.strip_prefix("ال").filter(|b| b.chars().count() >= 3) {
                let undefined = [bare.to_string()];
                let ends_full_name = |f: &&Name| {
                    f.norms.len() >= 3
                        && f.norms.last() == Some(&undefined[0])
                        && f.norms.first().is_some_and(|g| given_name(g).is_some())
                };
                if first.norms.len() == 1 && !is_common_word(w) {
                    if let Some(full) = self.fuller(&undefined).filter(ends_full_name) {
                        first = full;
                    }
                }
            }
        }
        let mut best = first;
        // (`إسماعيل ولد الشيخ` → `إسماعيل ولد الشيخ أحمد`: a given name after it goes on
        // with the name too.)
        let goes_on = |c: &Name, best: &Name| {
            c.norms.starts_with(&best.norms)
                && c.norms[best.norms.len()..]
                    .iter()
                    .all(|w| given_name(w) == Some(GivenName::Sure))
        };
        // (`قيادة العمليات` → `قيادة العمليات المشتركة`: a body's name goes on after it with
        // its adjectives and genitives, written whole in another mention.)
        let body_goes_on = |c: &Name, best: &Name| {
            best.norms.len() >= 2
                && is_body_word(&best.norms[0])
                && c.norms.starts_with(&best.norms)
                && self.support.get(&c.norms).is_some_and(|&n| n >= 1)
        };
        // (`أحمد عيد` → `أحمد عيد الحربي`: a family name in `ال…ي` after it, in a full name
        // the page writes with a role.)
        let family_goes_on = |c: &Name, best: &Name| {
            c.norms.len() == best.norms.len() + 1
                && c.norms.starts_with(&best.norms)
                && best.norms.first().is_some_and(|w| given_name(w).is_some())
                && c.norms.last().is_some_and(|w| has_article(w) && w.ends_with('ي'))
                // (Written with `ي`, not the `ى` of a noun: `فتحي باشاغا الفوضى`.)
                && c
                    .surface
                    .trim_end_matches(crate::text::quotes::words::is_diacritic)
                    .ends_with('ي')
                && self.people.iter().any(|(_, p)| p.norms == c.norms)
        };
        for _ in 0..2 {
            match self.fuller(&best.norms) {
                Some(c)
                    if c.norms.len() > best.norms.len()
                        && (c.norms.ends_with(&best.norms)
                            || goes_on(c, best)
                            || body_goes_on(c, best)
                            || family_goes_on(c, best)) =>
                {
                    best = c;
                }
                _ => break,
            }
        }
        best.surface.clone()
    }

    /// The one fuller name that adds middle names to the given name and family name `name`
    /// (`مشعل الصباح` for `مشعل الأحمد الجابر الصباح`); `None` when there is no such name or
    /// several.
    fn middle_names_added(&self, name: &Name) -> Option<&Name> {
        let [given, family] = &name.norms[..] else {
            return None;
        };
        if given_name(given).is_none() || given_name(family).is_some() {
            return None;
        }
        the_only(self.candidates.iter().filter(|c| {
            c.norms.len() > 2
                && &c.norms[0] == given
                && c.norms.last() == Some(family)
                && self.people.iter().any(|(_, p)| p.norms == c.norms)
        }))
    }

    /// The one full name (a given name first) whose last word is the lone surname `name`
    /// spelled with one letter more, less or changed (`جراندي`, `جريندي`); `None` when there
    /// is no such name or several.
    fn variant_spelling(&self, name: &Name) -> Option<&Name> {
        let [w] = &name.norms[..] else {
            return None;
        };
        if w.chars().count() < 5 || given_name(w).is_some() {
            return None;
        }
        the_only(self.candidates.iter().filter(|c| {
            c.norms.len() >= 2
                && given_name(&c.norms[0]).is_some()
                && c.norms
                    .last()
                    .is_some_and(|l| l != w && one_edit_apart(l, w))
        }))
    }

    /// The fullest candidate holding the words `norms` (see [`Names::canonical`]).
    fn fuller<'a>(&'a self, norms: &[String]) -> Option<&'a Name> {
        let respaced = super::respace(norms);
        let mention = respaced.as_deref().unwrap_or(norms);
        // A candidate's words spaced one way (`عبدالعال` in `علي عبد العال`, `بو عسكر` in
        // `فاروق بوعسكر`, and the other way round).
        let spaced = |k: usize, c: &'a Name| -> &'a [String] {
            self.respaced
                .get(k)
                .and_then(Option::as_deref)
                .unwrap_or(&c.norms)
        };
        self.candidates
            .iter()
            .enumerate()
            .filter(|&(k, c)| {
                let uneven = self.respaced.get(k).is_some_and(Option::is_some);
                // (Matched spaced one way, the candidate is judged spaced that way.)
                let (mention, whole) = if contains_seq(&c.norms, norms) {
                    (norms, &c.norms[..])
                } else if (uneven || respaced.is_some()) && contains_seq(spaced(k, c), mention) {
                    (mention, spaced(k, c))
                } else {
                    return false;
                };
                // (`عبدالله الثاني` in `الحسين بن عبدالله الثاني` is his father.)
                if names_the_father(mention, whole) {
                    return false;
                }
                // (A form written twice is a name however it reads: `شرف لقمان`, `ماو نينغ`;
                // but not with a common word added to a person's name: `لقاء قيس سعيّد`.)
                (self.support.get(&c.norms).is_some_and(|&n| n >= 2)
                    && !adds_prose(mention, whole)
                    && !adds_object_after(mention, whole))
                    || plausible_fuller(mention, whole)
                    || (self.apposed.contains(&c.norms) && whole.starts_with(mention))
            })
            .map(|(_, c)| c)
            .max_by_key(|c| {
                let longer = c.norms.len() > norms.len();
                let aligned = c.norms.ends_with(norms) || c.norms.starts_with(norms);
                // Words before a name are first names (`أنتوني بلينكن`); words after it are
                // more often a verb's object (`وشكر بلينكن حكومة قطر`).
                let before = longer && c.norms.ends_with(norms);
                // The form that opens with a given name (`قيس سعيد`, not `سعيد أكثر`; `عبد
                // الغني شهد`; `مهدي سالم`), a sure one first among equals.
                let given = match &c.norms[..] {
                    [a, b, ..] if given_name(&format!("{a} {b}")).is_some() => 2,
                    [a, ..] if STATEMENT_NOUNS.contains(&a.as_str()) => 0,
                    [a, ..] => match given_name(a) {
                        Some(GivenName::Sure) => 2,
                        Some(GivenName::AlsoWord) => 1,
                        None => 0,
                    },
                    [] => 0,
                };
                (
                    // A fuller mention beginning or ending with the name, then one holding it
                    // in the middle (`مصطفى` → `سربست مصطفى رشيد`), then the name itself.
                    u8::from(longer) + u8::from(longer && aligned),
                    given > 0,
                    before,
                    c.norms.len(),
                    given,
                    // Then the form the document writes most often.
                    self.support.get(&c.norms).copied().unwrap_or(0),
                    std::cmp::Reverse(c.surface.len()),
                )
            })
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
            .filter(|link| !is_body_name(&link.name))
            .filter_map(|link| {
                let theirs = &link.key;
                let mut n = key.len().min(theirs.len());
                let same =
                    |a: &[String], b: &[String]| a.iter().zip(b).all(|(x, y)| same_role_word(x, y));
                if n == 0 || !same(&key[..n], &theirs[..n]) {
                    // `وزير الطاقة الكويتي` for `وزير الكهرباء والماء والطاقة المتجددة
                    // الكويتي`: the same head and every word of the short role, in order.
                    let mut rest = theirs.iter();
                    let within = key.first() == theirs.first()
                        && key.iter().all(|w| rest.any(|x| same_role_word(x, w)));
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
            Who::Named(n) => match self.body_named(n, at) {
                // `وجاء في بيان للمنظمة`: the body named in full before.
                Some(body) => (Some(body.surface.clone()), 0.9),
                None => (Some(self.canonical(n)), 1.0),
            },
            Who::Role(r) => {
                if let Some(holder) = self.role_holder(r, at) {
                    return (Some(self.canonical(holder)), 0.9);
                }
                // `الوزارة` for `وزارة الصحة السودانية` written before.
                if let Some(body) = self.body_named(r, at) {
                    return (Some(body.surface.clone()), 0.9);
                }
                // `وأشار البيان`: the statement of the body named last before it (with no body
                // before it, the caller carries the story's speaker over).
                if let [word] = &r.norms[..] {
                    if STATEMENT_NOUNS.contains(&word.as_str()) {
                        return (self.body_before(at).map(|b| b.surface.clone()), 0.6);
                    }
                }
                // `قال مسؤول إسرائيلي … وأوضح المسؤول`, `ضابط … الضابط`: the anonymous source
                // introduced before, now with the article, is still anonymous.
                let head = r.norms.first().map(|w| strip_article(w));
                let introduced =
                    head.is_some_and(|h| self.anonymous_heads.get(h).is_some_and(|&pos| pos < at));
                if r.norms.len() <= 2 && introduced {
                    return (None, 1.0);
                }
                // Not a title: a surname (`الحلبي` → `سامر الحلبي`) or a short form of an
                // institution (`الصحة العالمية` → `منظمة الصحة العالمية`).
                let first = r.norms.first().map(String::as_str).unwrap_or_default();
                if !is_title(first) && !is_title(strip_article(first)) {
                    let full = self.canonical(r);
                    let factor = if full == r.surface { 1.0 } else { 0.9 };
                    return (Some(full), factor);
                }
                // `السيد` for `كريم السيد`: a lone title word that ends a full name is a surname.
                if let [word] = &r.norms[..] {
                    let surname = self
                        .candidates
                        .iter()
                        .find(|c| c.norms.len() > 1 && c.norms.last() == Some(word));
                    if let Some(full) = surname {
                        return (Some(full.surface.clone()), 0.8);
                    }
                }
                if let Some(person) = self.nearest_person(r, at) {
                    return (Some(self.canonical(person)), 0.7);
                }
                // `رد وزير الشؤون الدينية … وقال الوزير`: nobody named holds the office; the
                // fuller form the story wrote it in, nearest before (else first after).
                if let Some(full) = self.fuller_role(r, at) {
                    return (Some(full.surface.clone()), 0.9);
                }
                (Some(r.surface.clone()), 1.0)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{one_edit_apart, plausible_fuller};
    use crate::text::quotes::words::norm;

    fn words(s: &str) -> Vec<String> {
        s.split_whitespace().map(norm).collect()
    }

    #[test]
    fn a_common_word_is_no_part_of_a_fuller_name() {
        let name = words("محمد سعد");
        assert!(!plausible_fuller(&name, &words("محمد سعد تفاصيل")));
        assert!(plausible_fuller(&name, &words("محمد سعد الهاشمي")));
        // A given name before the name makes it fuller; a common word before it does not,
        // not even in a form the page writes twice.
        assert!(plausible_fuller(&words("نؤاس"), &words("محمد نؤاس")));
        // A body's name may add any word.
        assert!(!super::adds_prose(
            &words("التربية"),
            &words("وزارة التربية والتعليم")
        ));
        // (`لقاء` is a given name too, so only `adds_prose` refuses it.)
        assert!(super::adds_prose(
            &words("قيس سعيد"),
            &words("لقاء قيس سعيد")
        ));
    }

    #[test]
    fn spellings_one_letter_apart() {
        assert!(one_edit_apart("جراندي", "جريندي"));
        assert!(one_edit_apart("جريندى", "جريندي"));
        assert!(one_edit_apart("بوقدم", "بوقادم"));
        assert!(one_edit_apart("بوقادم", "بوقدم"));
        assert!(one_edit_apart("الرمحي", "الرميحي"));
        assert!(!one_edit_apart("جراندي", "جرينده"));
        assert!(!one_edit_apart("بوقدم", "بوقادمي"));
    }
}
