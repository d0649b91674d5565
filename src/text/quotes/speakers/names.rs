//! The document's names: named mentions, roles linked to the people holding them, and the
//! canonical name (the fullest mention) a speaker reference resolves to.

use super::roles::{
    ends_subject, is_nisba, is_role_word, is_title, split_role, strip_lam, COMPOUND_SECOND, OFFICES,
};
use super::subject_after::{ends_with_object, transitive};
use super::subject_before::first_titled_person;
use super::{Name, Who};
use crate::text::quotes::cues::{cue_kind, STATEMENT_NOUNS};
use crate::text::quotes::lexicon::institutions;
use crate::text::quotes::words::Token;
use crate::text::quotes::words::{has_article, strip_article, TokKind};
use std::collections::HashMap;
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
    /// Named speakers of cues by byte offset of their mention (sorted): who a bare role most
    /// likely stands for.
    speakers: Vec<(usize, Name)>,
    /// Other people written with a title, by byte offset (sorted).
    people: Vec<(usize, Name)>,
    /// Bodies written with their full names (`وزارة الصحة السودانية`, `المفوضية العليا
    /// المستقلة للانتخابات`), by byte offset, with their head noun without the article.
    bodies: Vec<(usize, String, Name)>,
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
        for np in mentions {
            let (role, name) = split_role(np);
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
        for toks in paragraphs {
            names.scan_titled_people(input, toks);
            names.scan_appositions(input, toks);
            names.scan_bodies(input, toks);
            names.scan_quoted_names(input, toks);
        }
        names.people.sort_by_key(|(at, _)| *at);
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
            }
        }
        names.dedup();
        for link in &mut names.roles {
            link.at.sort_unstable();
        }
        names
    }

    /// Record every `title … name` phrase of a paragraph (outside quotes) as a named person
    /// with its roles, before and after the name.
    fn scan_titled_people(&mut self, input: &str, toks: &[Token]) {
        let mut lo = 0;
        while lo < toks.len() {
            let hi = (lo + 120).min(toks.len());
            let Some(r) = first_titled_person(toks, lo, hi) else {
                lo = hi;
                continue;
            };
            lo = r.end.max(lo + 1);
            let np = &toks[r.clone()];
            let (role, mut name) = split_role(np);
            // `عمر الرزاز بثقة`: a manner phrase after a full name is no part of it.
            if let Some(k) = (2..name.len()).find(|&k| is_manner_phrase(&name[k].norm)) {
                name = &name[..k];
            }
            // `اتهم النائب سالم الهاجري الوزارة بـ"…"`, `وصف سمير داود الإقبال بأنه`: the
            // object of an accusing or describing verb, before its `بـ` phrase.
            let next = toks.get(r.start + role.len() + name.len());
            let before_b = name.len() >= 3
                && name.last().is_some_and(|t| has_article(&t.norm))
                && next.is_some_and(|t| t.norm.starts_with('ب') || t.kind == TokKind::Mark);
            // `لخص الطبيب عبد الرحمن الحداد الوضع`: a transitive verb's object.
            let object = r.start > 0
                && transitive(&toks[r.start - 1])
                && ends_with_object(&toks[r.start..r.start + role.len() + name.len()]);
            if before_b || object {
                name = &name[..name.len() - 1];
            }
            let Some(n) = Name::from_tokens(input, name) else {
                continue;
            };
            self.link_roles(role, &n);
            let after_name = r.start + role.len() + name.len();
            let mut e = after_name;
            while e < toks.len() && e - after_name < 6 && !ends_subject(&toks[e]) {
                e += 1;
            }
            if toks.get(after_name).is_some_and(|t| is_title(&t.norm)) {
                self.link_roles(&toks[after_name..e], &n);
            }
            // `المتحدث باسم الحكومة، الدكتور محمد المومني`: a role before a comma in apposition.
            if let Some(role_before) = role_before_comma(toks, r.start) {
                self.link_roles(&toks[role_before], &n);
            }
            self.people.push((np[0].start, n.clone()));
            self.candidates.push(n);
        }
    }

    /// Record every body written with its full name: a head noun (`وزارة`, `المنظمة`,
    /// `مفوضية`) and the definite words after it (also inside quote marks, where a document
    /// often names a body once).
    fn scan_bodies(&mut self, input: &str, toks: &[Token]) {
        for k in 0..toks.len() {
            let Some(head) = body_head(&toks[k].norm) else {
                continue;
            };
            let mut e = k + 1;
            while e < toks.len()
                && e - k < 6
                && toks[e].is_word()
                && !ends_subject_ignoring_quotes(&toks[e])
            {
                let w = toks[e].norm.as_str();
                // `المكتب الإعلامي لحكومة دبي`: an institution in the genitive and its name.
                if w.starts_with('ل')
                    && institutions().contains(strip_lam(w))
                    && toks
                        .get(e + 1)
                        .is_some_and(|n| n.is_word() && !ends_subject(n))
                {
                    e += 2;
                    continue;
                }
                if !(has_article(w) || w.starts_with("لل")) {
                    break;
                }
                e += 1;
            }
            let mut e = e.min(toks.len());
            // `نصحت وزارة البيئة السكان بـ"…"`: the verb's object before its `بـ` phrase.
            let before_b = toks.get(e).is_some_and(|t| t.norm.starts_with('ب'));
            if before_b && e - k >= 3 && !is_nisba(&toks[e - 1].norm) {
                e -= 1;
            }
            if e - k < 2 {
                continue;
            }
            if let Some(n) = Name::from_tokens(input, &toks[k..e]) {
                // `وتابع بيان الشباب` for `نادي الشباب`: a full name to extend short forms.
                if !toks[k].in_quote && !has_article(&toks[k].norm) {
                    self.candidates.push(n.clone());
                }
                self.bodies.push((toks[k].start, head, n));
            }
        }
    }

    /// Record people whose name a role introduces in quote marks (`مدرب منتخب مصر البرتغالي
    /// "كارلوس كيروش"`): the quoted name (up to four words) and the role before it.
    fn scan_quoted_names(&mut self, input: &str, toks: &[Token]) {
        for i in 1..toks.len() {
            let opens = toks[i].kind == TokKind::Mark
                && toks[i - 1].is_word()
                && !toks[i - 1].in_quote
                && is_role_word(&toks[i - 1].norm);
            if !opens {
                continue;
            }
            let words = toks[i + 1..]
                .iter()
                .take_while(|t| t.is_word() && t.in_quote)
                .count();
            let closed = toks
                .get(i + 1 + words)
                .is_some_and(|t| t.kind == TokKind::Mark);
            if !(1..=4).contains(&words) || !closed {
                continue;
            }
            let name = &toks[i + 1..i + 1 + words];
            if name
                .iter()
                .any(|t| is_role_word(&t.norm) && !has_article(&t.norm))
            {
                continue;
            }
            // The role: back to its first title within ten words, over the nouns a construct
            // title takes (`رئيس وزراء حكومة الوحدة الوطنية`).
            let mut r = i - 1;
            while r > 0 && i - r < 10 && toks[r - 1].is_word() && !toks[r - 1].in_quote {
                r -= 1;
            }
            let Some(first) = (r..i).find(|&k| is_title(&toks[k].norm)) else {
                continue;
            };
            // Only role words between (no verb or complementiser: `وزير … إن الأسعار "…"`).
            if toks[first..i].iter().any(ends_subject) {
                continue;
            }
            r = first;
            let Some(n) = Name::from_tokens(input, name) else {
                continue;
            };
            self.link_roles(&toks[r..i], &n);
            self.people.push((toks[r].start, n.clone()));
            self.candidates.push(n);
        }
    }

    /// The body named in full last before byte `at`.
    pub(crate) fn body_before(&self, at: usize) -> Option<&Name> {
        self.bodies
            .iter()
            .filter(|b| b.0 <= at)
            .max_by_key(|b| b.0)
            .map(|b| &b.2)
    }

    /// The full name of a body written short (`الوزارة`, `المفوضية`): the one with that head
    /// nearest before byte `at`, else the first after it.
    fn body_named(&self, short: &Name, at: usize) -> Option<&Name> {
        let [word] = &short.norms[..] else {
            return None;
        };
        if !has_article(word) {
            return None;
        }
        let head = body_head(word)?;
        let fits = |b: &&(usize, String, Name)| b.1 == head;
        let before = self.bodies.iter().filter(|b| b.0 <= at).rfind(fits);
        before
            .or_else(|| self.bodies.iter().filter(|b| b.0 > at).find(fits))
            .map(|b| &b.2)
    }

    /// The last named person (speaker or titled mention) written in `lo..at` (byte offsets).
    pub(crate) fn person_between(&self, lo: usize, at: usize) -> Option<&Name> {
        let last = |list: &'_ [(usize, Name)]| {
            list.iter()
                .filter(|(p, _)| (lo..at).contains(p))
                .max_by_key(|(p, _)| *p)
                .map(|(p, n)| (*p, n.clone()))
        };
        let found = match (last(&self.speakers), last(&self.people)) {
            (Some(a), Some(b)) => Some(if a.0 >= b.0 { a.1 } else { b.1 }),
            (a, b) => a.or(b).map(|x| x.1),
        }?;
        self.candidates.iter().find(|c| c.norms == found.norms)
    }

    /// Record every `role، name` apposition of a paragraph (`منسق الشؤون الإنسانية بالأمم
    /// المتحدة، مارتن غريفيث`): up to four name words after a comma that closes a role phrase.
    fn scan_appositions(&mut self, input: &str, toks: &[Token]) {
        for c in 0..toks.len() {
            if toks[c].in_quote || !matches!(toks[c].punct(), Some(',' | '،')) {
                continue;
            }
            let Some(role) = role_before_comma(toks, c + 1) else {
                continue;
            };
            let Some(span) = apposition_name(toks, c) else {
                continue;
            };
            let start = span.start;
            let Some(n) = Name::from_tokens(input, &toks[span]) else {
                continue;
            };
            self.link_roles(&toks[role], &n);
            self.people.push((toks[start].start, n.clone()));
            self.candidates.push(n);
        }
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
            if !office {
                return true;
            }
            self.roles
                .iter()
                .any(|l| l.name.norms == n.norms && l.key.first() == Some(head))
        };
        let nearest = |list: &'_ [(usize, Name)]| {
            let i = list.partition_point(|(p, _)| *p <= at);
            let before = list[..i].iter().rev().find(|(_, n)| fits(n));
            before
                .or_else(|| list[i..].iter().find(|(_, n)| fits(n)))
                .map(|(_, n)| n.clone())
        };
        let found = nearest(&self.speakers).or_else(|| nearest(&self.people))?;
        self.candidates.iter().find(|c| c.norms == found.norms)
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
        let plain = |t: &Token| {
            t.is_word()
                && !is_role_word(&t.norm)
                && !ends_subject(t)
                && !matches!(t.norm.as_str(), "كان" | "وكان")
        };
        let mut s = start;
        while s > 0 && start - s < 2 && plain(&toks[s - 1]) {
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
                    || (toks[k - 1].is_word()
                        && !toks[k - 1].in_quote
                        && (is_role_word(&toks[k - 1].norm)
                            || cue_kind(&toks[k - 1].norm).is_some()
                            // `كان أيمن يونس، نجم الزمالك`: after the verb `كان`.
                            || matches!(toks[k - 1].norm.as_str(), "كان" | "وكان"))))
        };
        if s < start && !opens_name(s) {
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
        self.candidates
            .iter()
            .filter(|c| contains_seq(&c.norms, &name.norms))
            .max_by_key(|c| {
                let longer = c.norms.len() > name.norms.len();
                let aligned = c.norms.ends_with(&name.norms) || c.norms.starts_with(&name.norms);
                (
                    // A fuller mention beginning or ending with the name, then one holding it
                    // in the middle (`مصطفى` → `سربست مصطفى رشيد`), then the name itself.
                    u8::from(longer) + u8::from(longer && aligned),
                    c.norms.len(),
                    std::cmp::Reverse(c.surface.len()),
                )
            })
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
                // `وأشار البيان`: the statement of the body named last before it; a statement
                // with no body before it is anonymous.
                if let [word] = &r.norms[..] {
                    if STATEMENT_NOUNS.contains(&word.as_str()) {
                        return (self.body_before(at).map(|b| b.surface.clone()), 0.6);
                    }
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
                (Some(r.surface.clone()), 1.0)
            }
        }
    }
}

/// The role phrase ending right before a comma at `toks[at - 1]` (`رئيس مجلس إدارة المؤسسة
/// الوطنية للنفط في ليبيا، مصطفى صنع الله`): from its first title word to the comma, within
/// ten words.
fn role_before_comma(toks: &[Token], at: usize) -> Option<std::ops::Range<usize>> {
    let comma = at.checked_sub(1)?;
    if !matches!(toks[comma].punct(), Some(',' | '،')) {
        return None;
    }
    let mut k = comma;
    while k > 0 && comma - k < 10 && toks[k - 1].is_word() && !toks[k - 1].in_quote {
        k -= 1;
    }
    let title = |w: &str| is_title(w) || w.strip_prefix('و').is_some_and(is_title);
    let first = (k..comma).find(|&i| title(&toks[i].norm))?;
    Some(first..comma)
}

/// True for a `بـ` phrase of manner (`بثقة`, `بصراحة`, `بالقول`): `ب` and a feminine or
/// definite noun, which no name word is.
fn is_manner_phrase(norm: &str) -> bool {
    norm.strip_prefix('ب').is_some_and(|rest| {
        rest.chars().count() >= 3
            && (rest.ends_with('ة') || rest.ends_with('ه') || rest.starts_with("ال"))
    })
}

/// Head nouns of bodies, bare (normalised, no article): a short definite form (`الوزارة`)
/// stands for the body named in full.
const BODY_HEADS: &[&str] = &[
    "مكتب",
    "مركز",
    "اتحاد",
    "حزب",
    "جهاز",
    "مرصد",
    "ديوان",
    "امانه",
    "قياده",
    "صندوق",
    "جامعه",
    "بلديه",
    "شبكه",
    "وزاره",
    "منظمه",
    "مفوضيه",
    "هيئه",
    "مؤسسه",
    "شركه",
    "وكاله",
    "لجنه",
    "نقابه",
    "جمعيه",
    "حركه",
    "بنك",
    "مصرف",
    "نادي",
    "محكمه",
    "نيابه",
    "سلطه",
    "حكومه",
    "رئاسه",
    "مديريه",
];

/// The bare head noun of a body for a word (`الوزارة` → `وزاره`), when it is one.
fn body_head(norm: &str) -> Option<String> {
    // `والوزارة` is `و` + `الوزارة`; `وزارة` itself starts with a root `و`.
    let unjoined = norm
        .strip_prefix('و')
        .filter(|r| r.starts_with("ال"))
        .unwrap_or(norm);
    let bare = strip_article(unjoined);
    BODY_HEADS.contains(&bare).then(|| bare.to_string())
}

/// Like `ends_subject`, but a word inside quote marks may continue a body's name.
fn ends_subject_ignoring_quotes(t: &Token) -> bool {
    let mut t = t.clone();
    t.in_quote = false;
    ends_subject(&t)
}

/// The name in apposition after the comma at `toks[comma]` (`…، مارتن غريفيث بأن`): two to
/// four name words, after which the clause goes on (a comma, a complementiser, a preposition
/// or a reporting word) — not the middle of a list.
pub(crate) fn apposition_name(toks: &[Token], comma: usize) -> Option<std::ops::Range<usize>> {
    let start = comma + 1;
    let mut e = start;
    // The first word is a first name (no role word; `أمين` is both); later words may be
    // definite surnames (`أمين الناصر`) but no titles or institutions.
    // `صباح النعمان`: the time word `صباح` is a first name unless a day or time follows.
    let morning_name = |k: usize| {
        toks[k].norm == "صباح"
            && toks.get(k + 1).is_some_and(|n| {
                n.is_word()
                    && !matches!(
                        strip_article(&n.norm),
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
            })
    };
    if toks.get(start).is_some() && morning_name(start) {
        let mut e = start + 1;
        while e < toks.len() && e - start < 3 && toks[e].is_word() && !ends_subject(&toks[e]) {
            e += 1;
        }
        let closes = toks
            .get(e)
            .is_none_or(|t| matches!(t.punct(), Some(',' | '،' | ':')) || ends_subject(t));
        return (e - start >= 2 && closes).then_some(start..e);
    }
    let name_word = |t: &Token, first: bool| {
        COMPOUND_SECOND.contains(&t.norm.as_str())
            || (!ends_subject(t)
                && !is_manner_phrase(&t.norm)
                && !t.suffixed
                && if first {
                    (!is_role_word(&t.norm) || FIRST_NAME_TITLES.contains(&t.norm.as_str()))
                        && !super::VERBAL_NOUNS.contains(&t.norm.as_str())
                } else {
                    !is_title(&t.norm) && !institutions().contains(strip_article(&t.norm))
                })
    };
    while e < toks.len() && e - start < 4 && name_word(&toks[e], e == start) {
        e += 1;
    }
    let closes = toks.get(e).is_none_or(|t| {
        matches!(t.punct(), Some(',' | '،' | ':')) || (t.is_word() && ends_subject(t))
    });
    (e - start >= 2 && closes).then_some(start..e)
}

/// Title words that are common first names too (normalised).
const FIRST_NAME_TITLES: &[&str] = &["امين", "نائب", "عميد", "سفير", "ملك"];

/// True for a word that is a body's head noun, also after `لـ` (`للمنظمة`).
pub(crate) fn is_body_word(norm: &str) -> bool {
    let after_lam = norm.strip_prefix("لل").map(|r| format!("ال{r}"));
    body_head(norm).is_some() || after_lam.is_some_and(|w| body_head(&w).is_some())
}
