//! Scans of the whole document for people and bodies named in full: `title … name`
//! phrases, `role، name` appositions, bodies with their full names and names a role introduces
//! in quote marks.

use super::super::roles::{
    ends_subject, is_day_word, is_manner_adverb, is_nisba, is_role_word, is_title, is_title_word,
    split_role, strip_lam, word_ends_subject, COMPOUND_SECOND,
};
use super::super::subject_after::{
    body_without_object, construct_before, ends_with_object, government_opening,
    takes_object_with_bi, transitive,
};
use super::super::subject_before::first_titled_person;
use super::super::Name;
use super::Names;
use crate::text::quotes::lexicon::{given_name, given_name_by_shape, institutions};
use crate::text::quotes::words::{has_article, strip_article, TokKind, Token};

impl Names {
    /// Record every `title … name` phrase of a paragraph (outside quotes) as a named person
    /// with its roles, before and after the name.
    pub(super) fn scan_titled_people(&mut self, input: &str, toks: &[Token]) {
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
            // `عمر الرزاز بثقة`, `محمد عريبي الخليفة مخاطبا`: a manner phrase or participle
            // after a full name is no part of it.
            if let Some(k) = (2..name.len())
                .find(|&k| is_manner_phrase(&name[k].norm) || is_manner_adverb(&name[k].norm))
            {
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
            // `أكد الرئيس التركي رجب طيب أردوغان إصرار بلاده`: a noun of prose in the
            // construct state opens the object.
            let construct = name.len() >= 3
                && next.is_some_and(|n| name.last().is_some_and(|l| construct_before(l, n)));
            if !name.is_empty() && (before_b || object || construct) {
                name = &name[..name.len() - 1];
            }
            let Some(n) = Name::from_tokens(input, name) else {
                continue;
            };
            self.link_roles(role, &n);
            let after_name = r.start + role.len() + name.len();
            let e = phrase_end(toks, after_name, 6);
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
    pub(super) fn scan_bodies(&mut self, input: &str, toks: &[Token]) {
        for k in 0..toks.len() {
            // (Named in full, a body of `SHORT_FORM_HEADS` is a referent for its short form
            // only.)
            let (head, short_only) = match body_head(&toks[k].norm) {
                Some(head) => (head, false),
                None => match short_only_head(&toks[k].norm) {
                    Some(head) if !has_article(&toks[k].norm) => (head, true),
                    _ => continue,
                },
            };
            // `مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية`, `الهيئة الوطنية العليا لمسيرة
            // العودة`: a `لـ` noun and its definite genitive go on with the name.
            let lam_genitive = |e: usize| {
                let w = toks[e].norm.as_str();
                e > k + 1
                    && w.starts_with('ل')
                    && !w.starts_with("لل")
                    && super::super::roles::is_prepositional_word(w)
                    && toks
                        .get(e + 1)
                        .is_some_and(|n| n.is_word() && has_article(&n.norm) && !ends_subject(n))
            };
            let mut e = k + 1;
            // `نقابة أطباء السودان`, `غرفة تجارة دمشق`, `أمانة بغداد`: up to two undefined
            // words in the genitive right after an undefined head.
            if !has_article(&toks[k].norm) {
                let plain = |t: &Token| {
                    t.is_word()
                        && !t.in_quote
                        && !t.tanwin
                        && !t.suffixed
                        && !has_article(&t.norm)
                        && !ends_subject(t)
                        && !is_title(&t.norm)
                        // (`بلدية يناشد`: a verb in the imperfect.)
                        && (!t.norm.starts_with('ي')
                            || given_name_by_shape(&t.norm).is_some())
                };
                // (Not a person's name after it: `أمانة بغداد عدي …`.)
                while e < toks.len()
                    && e - k <= 2
                    && plain(&toks[e])
                    && (e == k + 1 || given_name_by_shape(&toks[e].norm).is_none())
                {
                    e += 1;
                }
            }
            // (A government unit's parent government goes on with its name, after no verb
            // whose object takes `بـ`: `ورحبت الجامعة العربية بحكومة الوحدة` welcomes that
            // government.)
            let unit = matches!(
                head.as_str(),
                "وزاره" | "مديريه" | "هيئه" | "دائره" | "مكتب" | "مصلحه" | "جهاز"
            ) || toks[k].norm.ends_with("اداره");
            let has_parent = unit && !(k > 0 && takes_object_with_bi(&toks[k - 1].norm));
            let mut extended = false;
            while e < toks.len() && e - k < 8 && toks[e].is_word() {
                // `الرابطة التونسية للدفاع عن حقوق الإنسان`, `بعثة الأمم المتحدة للدعم في
                // ليبيا`: the object of a verbal noun after `لل` goes on with the name.
                let object_of_lam = e > k + 1
                    && toks[e - 1].norm.starts_with("لل")
                    && toks.get(e + 1).is_some_and(|n| n.is_word() && !n.in_quote)
                    && match toks[e].norm.as_str() {
                        // (Not `الهيئة العامة للاستثمار عن إطلاق`: `أعلن عن`.)
                        "عن" => {
                            matches!(toks[e - 1].norm.as_str(), "للدفاع" | "للبحث" | "للكشف")
                                && (has_article(&toks[e + 1].norm)
                                    || toks.get(e + 2).is_some_and(|n| has_article(&n.norm)))
                        }
                        "في" => {
                            toks[e - 1].norm == "للدعم"
                                && super::super::roles::is_place(&toks[e + 1].norm)
                        }
                        _ => false,
                    };
                // `وزارة الصحة بحكومة الوحدة الوطنية`, `إدارة الإعلام في وزارة الدفاع`: the
                // government or ministry a body belongs to.
                let parent = if e > k + 1 && has_parent {
                    government_opening(toks, e)
                } else {
                    0
                };
                let skip = if object_of_lam { 2 } else { parent };
                if skip > 0 {
                    e += skip;
                    extended = true;
                    continue;
                }
                let genitive = lam_genitive(e);
                // `… والتونسيين بالخارج`: abroad, part of a ministry's name.
                let abroad = e > k + 1 && matches!(toks[e].norm.as_str(), "بالخارج" | "بالمهجر");
                if ends_subject_ignoring_quotes(&toks[e]) && !genitive && !abroad {
                    break;
                }
                let w = toks[e].norm.as_str();
                if genitive {
                    e += 2;
                    continue;
                }
                // `وزارة الخارجية والتعاون الدولي`: a definite word joined by `و`.
                if e > k + 1
                    && w.strip_prefix('و').is_some_and(|r| r.starts_with("ال"))
                    && !ends_subject(&toks[e])
                {
                    e += 1;
                    continue;
                }
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
                if e > k + 1 && another_body_after(&toks[e - 1].norm, w) {
                    break;
                }
                e += 1;
            }
            let mut e = e.min(toks.len());
            // `ووصفت الوزارة الخطوة`: after a verb that takes an object, the object.
            let object_verb = k > 0
                && toks[k - 1].is_word()
                && (transitive(&toks[k - 1])
                    || matches!(
                        crate::text::quotes::cues::cue_kind(&toks[k - 1].norm),
                        Some(crate::text::quotes::lexicon::CueKind::Describe)
                            | Some(crate::text::quotes::lexicon::CueKind::Stance)
                    ));
            if object_verb {
                e = k + body_without_object(&toks[k..e]);
            }
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
                // `المرصد السوري لحقوق الإنسان`, named in full only inside a role (`مدير
                // المرصد …`), is the full name of `المرصد السوري` too.
                if !toks[k].in_quote
                    && !short_only
                    && (!has_article(&toks[k].norm) || extended || (k + 2..e).any(lam_genitive))
                {
                    self.candidates.push(n.clone());
                }
                self.bodies.push((toks[k].start, head, n));
            }
        }
    }

    /// Record people whose name a role introduces in quote marks (`مدرب منتخب مصر البرتغالي
    /// "كارلوس كيروش"`): the quoted name (up to four words) and the role before it.
    pub(super) fn scan_quoted_names(&mut self, input: &str, toks: &[Token]) {
        for i in 1..toks.len() {
            let opens = toks[i].kind == TokKind::Mark
                && toks[i - 1].is_word()
                && !toks[i - 1].in_quote
                && is_role_word(&toks[i - 1].norm);
            if !opens {
                continue;
            }
            let Some(words) = closed_quote_words(toks, i).filter(|w| (1..=4).contains(w)) else {
                continue;
            };
            let name = &toks[i + 1..i + 1 + words];
            // A name, not words someone said (`وأضاف المتحدث "لا صحة لهذه الأنباء".`): no
            // function or reporting word in it, and the sentence goes on after it with a
            // comma, a complementiser or a reporting word.
            // (A given name first is a name even when it is a word too: `صباح البزوني`.)
            let wordy = name.iter().enumerate().any(|(k, t)| {
                let given = k == 0 && name.len() > 1 && given_name_by_shape(&t.norm).is_some();
                !given
                    && ((is_role_word(&t.norm) && !has_article(&t.norm))
                        || ends_subject_ignoring_quotes(t))
            });
            let goes_on = toks.get(i + 2 + words).is_some_and(|t| {
                matches!(t.punct(), Some(',' | '،')) || (t.is_word() && ends_subject(t))
            });
            if wordy || !goes_on {
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

    /// Record every `role، name` apposition of a paragraph (`منسق الشؤون الإنسانية بالأمم
    /// المتحدة، مارتن غريفيث`): up to four name words after a comma that closes a role phrase.
    pub(super) fn scan_appositions(&mut self, input: &str, toks: &[Token]) {
        for c in 0..toks.len() {
            if toks[c].in_quote || !matches!(toks[c].punct(), Some(',' | '،')) {
                continue;
            }
            // `وزير الثقافة، في الحكومة الموريتانية، الحسين ولد مدو،`: where the role is held,
            // set off by commas of its own, between the role and the name.
            let aside = || {
                let c0 = (c.saturating_sub(6)..c)
                    .rev()
                    .find(|&k| matches!(toks[k].punct(), Some(',' | '،')))?;
                let words = &toks[c0 + 1..c];
                (words.len() >= 2
                    && words.iter().all(Token::is_word)
                    && matches!(words[0].norm.as_str(), "في" | "فى" | "لدى"))
                .then(|| role_before_comma(toks, c0 + 1))
                .flatten()
            };
            let Some(role) = role_before_comma(toks, c + 1).or_else(aside) else {
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
}

impl Names {
    /// The candidates of two words or more, by their words.
    pub(super) fn full_names(&self) -> FullNames {
        self.candidates
            .iter()
            .filter(|c| c.norms.len() >= 2)
            .map(|c| (c.norms.clone(), c.clone()))
            .collect()
    }

    /// Record nicknames written in quote marks right after a known full name (`محمد حمدان
    /// دقلو "حميدتي"`): the nickname alone later stands for the full name.
    pub(super) fn scan_aliases(&mut self, paragraphs: &[Vec<Token>], known: &FullNames) {
        let mut found = Vec::new();
        for toks in paragraphs {
            for open in 2..toks.len() {
                if toks[open].kind != TokKind::Mark || toks[open - 1].in_quote {
                    continue;
                }
                let Some(words) = closed_quote_words(toks, open).filter(|w| (1..=2).contains(w))
                else {
                    continue;
                };
                let full = known_before(toks, open, known);
                let alias: Vec<String> = toks[open + 1..open + 1 + words]
                    .iter()
                    .map(|t| t.norm.clone())
                    .collect();
                if let Some(full) = full {
                    found.push((alias, full));
                }
            }
        }
        for (alias, full) in found {
            self.aliases.entry(alias).or_insert(full);
        }
    }

    /// Record a person written as a given name and surname set off before a role by a comma
    /// (`وجه حسن عبدالله، محافظ البنك المركزي، الشكر`), though no cue names them: the name as
    /// a candidate and the role linked to it.
    pub(super) fn scan_named_before_role(&mut self, input: &str, toks: &[Token]) {
        use crate::text::quotes::lexicon::GivenName;
        for c in 2..toks.len() {
            if toks[c].in_quote
                || !matches!(toks[c].punct(), Some(',' | '،'))
                || !toks
                    .get(c + 1)
                    .is_some_and(|t| t.is_word() && !t.in_quote && is_title(&t.norm))
            {
                continue;
            }
            // After the given name only name words: another given name, a particle, a nisba
            // surname or a word after `عبد`/`ابو` (`طارق عبد الحميد`); not `محمد وأحمد`.
            let name_word = |k: usize| {
                let t = &toks[k];
                let w = t.norm.as_str();
                t.is_word()
                    && !t.in_quote
                    && !ends_subject(t)
                    && (given_name_by_shape(w).is_some()
                        || super::super::roles::NAME_PARTICLES.contains(&w)
                        || (has_article(w) && w.ends_with('ي'))
                        || (k > 0 && matches!(toks[k - 1].norm.as_str(), "عبد" | "ابو")))
            };
            let Some(len) = [3, 2].into_iter().find(|&len| {
                c >= len
                    && toks[c - len].is_word()
                    && !toks[c - len].in_quote
                    && (c - len + 1..c).all(name_word)
                    && matches!(given_name(&toks[c - len].norm), Some(GivenName::Sure))
                    // The name opens its clause: after a verb, punctuation or the start.
                    && (c == len
                        || !toks[c - len - 1].is_word()
                        || given_name_by_shape(&toks[c - len - 1].norm).is_none())
            }) else {
                continue;
            };
            let Some(n) = Name::from_tokens(input, &toks[c - len..c]) else {
                continue;
            };
            let start = c + 1;
            let e = phrase_end(toks, start, 10);
            // Only a role with no name in it (`وهنأ محمد علي، الرئيس الفرنسي إيمانويل ماكرون`
            // names the person congratulated).
            if !super::super::roles::split_role(&toks[start..e])
                .1
                .is_empty()
            {
                continue;
            }
            self.link_roles(&toks[start..e], &n);
            self.people.push((toks[c - len].start, n.clone()));
            self.candidates.push(n);
        }
    }

    /// Record each definite surname written right after a sure given name (`محمد الشحود`),
    /// the first such full name per surname: what a lone surname no mention completes stands
    /// for.
    pub(super) fn scan_surnames_after_given_names(&mut self, input: &str, toks: &[Token]) {
        use crate::text::quotes::lexicon::GivenName;
        for k in 1..toks.len() {
            let (g, w) = (&toks[k - 1], &toks[k]);
            let surname =
                w.is_word() && !w.in_quote && has_article(&w.norm) && !names_no_person(&w.norm);
            if surname && g.is_word() && !g.in_quote && given_name(&g.norm) == Some(GivenName::Sure)
            {
                if let Some(n) = Name::from_tokens(input, &toks[k - 1..=k]) {
                    self.given_before.entry(w.norm.clone()).or_insert(n);
                }
            }
        }
    }

    /// Record people written with neither title nor cue (`التمس مهدي علي مدرب …`, `أعلن هيثم
    /// بن طارق، …`): a sure given name (or `عبد`/`أبو` and the word after) opening a name of up
    /// to two more words besides particles, whose other words
    /// are name words (given names, particles, family names, or an undefined word that is no
    /// verb, adverb, preposition or `و` + word), closed by punctuation, a role or a reporting word.
    pub(super) fn scan_given_name_people(&mut self, input: &str, toks: &[Token]) {
        use crate::text::quotes::cues::cue_kind;
        use crate::text::quotes::lexicon::GivenName;
        // `محمد الحداد`: a definite word right after the given name that is no title, body,
        // institution, person noun or common word (not a third word: `فاطمة عزيز المصرية`).
        let family_name = |k: usize, w: &str| {
            k > 0
                && given_name(&toks[k - 1].norm) == Some(GivenName::Sure)
                && !names_no_person(w)
                // (`وحيا محمد الحضور`: a common word of news prose is the verb's object.)
                && !crate::text::quotes::lexicon::is_common_word(w)
        };
        let name_word = |k: usize| {
            let t = &toks[k];
            let w = t.norm.as_str();
            if !t.is_word() || t.in_quote || t.tanwin || t.suffixed || ends_subject(t) {
                return false;
            }
            // (`انتقد نتنياهو إدارة الرئيس`: a noun of prose before its own genitive.)
            if toks.get(k + 1).is_some_and(|n| construct_before(t, n)) {
                return false;
            }
            if is_title(w)
                || super::super::roles::describes_the_named(w)
                || cue_kind(w).is_some()
                || is_manner_adverb(w)
                || super::super::looks_like_verbal_noun(w)
            {
                return false;
            }
            // (`بولاية الخرطوم`: `بـ` and a place.)
            let place = w.starts_with('ب') && toks.get(k + 1).is_some_and(|n| has_article(&n.norm));
            let plain = !has_article(w)
                && !w.starts_with(['ي', 'ت', 'و'])
                && w.chars().count() >= 3
                && !place;
            given_name_by_shape(w).is_some()
                || super::super::roles::NAME_PARTICLES.contains(&w)
                || (has_article(w) && (w.ends_with('ي') || family_name(k, w)))
                || matches!(toks[k - 1].norm.as_str(), "عبد" | "ابو")
                || plain
        };
        let mut k = 0;
        while k + 1 < toks.len() {
            let t = &toks[k];
            // (A given name that is a word too, `مهدي`, before a second given name: `مهدي
            // علي`.)
            let given = match given_name_by_shape(&t.norm) {
                Some(GivenName::Sure) => true,
                // (Not at a clause's start, where it is rather the verb: `وفضل مصطفى
                // الخلفي`; not `باسم`, "on behalf of".)
                Some(GivenName::AlsoWord) => {
                    k > 0
                        && toks[k - 1].is_word()
                        && t.norm != "باسم"
                        && !crate::text::quotes::lexicon::complementisers().contains(&t.norm)
                        // (Nor an institution's name after its noun: `لحركة فتح جمال نزال`.)
                        && !super::super::roles::is_institution_noun(&toks[k - 1])
                        && toks.get(k + 1).is_some_and(|n| {
                            n.is_word() && !has_article(&n.norm) && given_name_by_shape(&n.norm).is_some()
                        })
                }
                None => false,
            };
            // `عبد الحليم علام`, `أبو علي العسكري`: a given name of two words.
            let second = toks.get(k + 1).filter(|n| n.is_word() && !n.in_quote);
            let compound = match t.norm.as_str() {
                "عبد" => second.is_some_and(|n| {
                    has_article(&n.norm) || given_name(&n.norm) == Some(GivenName::Sure)
                }),
                "ابو" => second.is_some_and(|n| {
                    !has_article(&n.norm) && given_name(&n.norm) == Some(GivenName::Sure)
                }),
                _ => false,
            };
            let first = if compound { 2 } else { 1 };
            let opens = t.is_word()
                && !t.in_quote
                && (given || compound)
                && (k == 0 || given_name_by_shape(&toks[k - 1].norm).is_none());
            if !opens {
                k += 1;
                continue;
            }
            let mut e = k + first;
            // (A family name with the article is the last word: `ليلى الكعبي رسالة`.)
            // (Particles do not count: `عبد اللطيف بن راشد الزياني`.)
            let particles = |e: usize| {
                toks[k + first..e]
                    .iter()
                    .filter(|t| super::super::roles::NAME_PARTICLES.contains(&t.norm.as_str()))
                    .count()
            };
            while e < toks.len()
                && e - k < first + 2 + particles(e)
                && name_word(e)
                && (e == k + first || !has_article(&toks[e - 1].norm))
            {
                e += 1;
            }
            // The name must end where a name ends: at punctuation, a role, a reporting word
            // or an adverb (`فلاديمير بيتكوفيتش مؤتمرًا`), not before more of a clause.
            // (Not before a comma, a title and another name: `وهنأ طارق علي، الرئيس الفرنسي
            // جان …` names the person congratulated.)
            let apposed = toks
                .get(e)
                .is_some_and(|n| matches!(n.punct(), Some(',' | '،')))
                && toks.get(e + 1).is_some_and(|n| is_title(&n.norm))
                && !split_role(&toks[e + 1..phrase_end(toks, e + 1, 10)])
                    .1
                    .is_empty();
            let closed = !apposed
                && toks.get(e).is_none_or(|n| {
                    !n.is_word()
                        || n.tanwin
                        || is_role_word(&n.norm)
                        || cue_kind(&n.norm).is_some()
                        || is_manner_adverb(&n.norm)
                        // (`توعد عبد الملك الحوثي في أحدث خطبه`: a preposition after it.)
                        || matches!(n.norm.as_str(), "في" | "فى" | "خلال" | "امام")
                });
            if e - k > first && closed {
                if let Some(n) = Name::from_tokens(input, &toks[k..e]) {
                    self.people.push((t.start, n.clone()));
                    self.candidates.push(n);
                }
            }
            k = e;
        }
    }

    /// Record the roles written after a known name, with or without a comma (`أكد محمد شياع
    /// السوداني، رئيس الوزراء العراقي، أن`): the phrase from the title to the next comma or
    /// clause word.
    pub(super) fn scan_roles_after_names(&mut self, paragraphs: &[Vec<Token>], known: &FullNames) {
        if known.is_empty() {
            return;
        }
        let surnames = by_surname(known);
        for toks in paragraphs {
            for c in 1..toks.len() {
                // `فاروق حسنى وزير الثقافة`: with no comma too, right after a full name.
                let comma = matches!(toks[c].punct(), Some(',' | '،'));
                if toks[c].in_quote || !(comma || toks[c].is_word()) {
                    continue;
                }
                let role_at = if comma { c + 1 } else { c };
                if !toks
                    .get(role_at)
                    .is_some_and(|t| t.is_word() && !t.in_quote && is_title(&t.norm))
                {
                    continue;
                }
                // `قال الشيخ "X"، النائب الأول …`: also a name in quote marks.
                let quoted = c >= 2 && toks[c - 1].kind == TokKind::Mark;
                // A surname alone that ends exactly one known full name, as the subject of a
                // reporting verb or set off by a comma (`واضافت بوشوشة مديرة المهرجان` after
                // `درة بوشوشة`; not `والتقى ماكرون وزير الخارجية`, where the role is the
                // object's).
                let surname = || {
                    let last = toks.get(c - 1).filter(|t| t.is_word())?;
                    let subject = comma
                        || (c >= 2
                            && crate::text::quotes::cues::cue_at(toks, c - 2)
                                == Some(crate::text::quotes::lexicon::CueKind::Verb));
                    if !subject {
                        return None;
                    }
                    surnames.get(last.norm.as_str()).copied().flatten().cloned()
                };
                let found = known_before(toks, c, known)
                    .or_else(|| quoted.then(|| known_before(toks, c - 1, known)).flatten())
                    .or_else(surname);
                let Some(n) = found else {
                    continue;
                };
                let start = role_at;
                self.link_roles(&toks[start..phrase_end(toks, start, 10)], &n);
            }
        }
    }
}

/// The end of the phrase starting at `toks[start]`: at the first word that ends a subject,
/// at most `max` words on (the role written after a name).
fn phrase_end(toks: &[Token], start: usize, max: usize) -> usize {
    let mut e = start;
    while e < toks.len() && e - start < max && !ends_subject(&toks[e]) {
        e += 1;
    }
    e
}

/// The document's full names (two words or more), by their words.
pub(super) type FullNames = std::collections::HashMap<Vec<String>, Name>;

/// The known full name (two to four words) written right before `toks[at]`, the longest.
fn known_before(toks: &[Token], at: usize, known: &FullNames) -> Option<Name> {
    (2..=4.min(at)).rev().find_map(|len| {
        let words = &toks[at - len..at];
        let norms: Vec<String> = words.iter().map(|t| t.norm.clone()).collect();
        words
            .iter()
            .all(Token::is_word)
            .then(|| known.get(&norms).cloned())
            .flatten()
    })
}

/// The known full names by their last word, `None` where two names share it.
fn by_surname(known: &FullNames) -> std::collections::HashMap<&str, Option<&Name>> {
    let mut out: std::collections::HashMap<&str, Option<&Name>> = std::collections::HashMap::new();
    for n in known.values() {
        if let Some(last) = n.norms.last() {
            out.entry(last.as_str())
                .and_modify(|e| *e = None)
                .or_insert(Some(n));
        }
    }
    out
}

/// The number of words of a quote that opens at mark `toks[open]` and closes right after
/// them (`"حميدتي"`), or `None` when something else comes before its closing mark.
fn closed_quote_words(toks: &[Token], open: usize) -> Option<usize> {
    let words = toks[open + 1..]
        .iter()
        .take_while(|t| t.is_word() && t.in_quote)
        .count();
    toks.get(open + 1 + words)
        .is_some_and(|t| t.kind == TokKind::Mark)
        .then_some(words)
}

/// The role phrase ending right before a comma at `toks[at - 1]` (`رئيس مجلس إدارة المؤسسة
/// الوطنية للنفط في ليبيا، مصطفى صنع الله`): from its first title word to the comma, within
/// ten words.
pub(super) fn role_before_comma(toks: &[Token], at: usize) -> Option<std::ops::Range<usize>> {
    let comma = at.checked_sub(1)?;
    if !matches!(toks[comma].punct(), Some(',' | '،')) {
        return None;
    }
    let mut k = comma;
    // Not across a clause word (`قال رئيس البلدية X إن خسائر …، جراء …`).
    let clause_word = |t: &Token| {
        crate::text::quotes::lexicon::complementisers().contains(&t.norm)
            || crate::text::quotes::cues::cue_kind(&t.norm).is_some()
    };
    while k > 0
        && comma - k < 10
        && toks[k - 1].is_word()
        && !toks[k - 1].in_quote
        && !clause_word(&toks[k - 1])
    {
        k -= 1;
    }
    let first = (k..comma).find(|&i| is_title_word(&toks[i].norm))?;
    Some(first..comma)
}

/// True for a `بـ` phrase of manner (`بثقة`, `بصراحة`, `بالقول`): `ب` and a feminine or
/// definite noun, which no name word is.
///
/// Maghrebi surnames in `بو…` (`بوريطة`, `بوحجة`) are names, not manner phrases.
pub(super) fn is_manner_phrase(norm: &str) -> bool {
    // (Not `بولاية`, `بوزارة`, `بوساطة`: `بـ` and a body or means.)
    let surname = norm.starts_with("بو")
        && norm.chars().count() >= 5
        && !is_body_word(&norm[2..])
        && !matches!(
            norm,
            "بوصفه"
                | "بوقاحه"
                | "بوتيره"
                | "بوضوح"
                | "بولايه"
                | "بوساطه"
                | "بوسيله"
                | "بوثيقه"
        );
    !surname
        && norm.strip_prefix('ب').is_some_and(|rest| {
            rest.chars().count() >= 3 && (rest.ends_with('ه') || rest.starts_with("ال"))
        })
}

/// Head nouns of bodies, bare (normalised, no article): a short definite form (`الوزارة`)
/// stands for the body named in full.
const BODY_HEADS: &[&str] = &[
    "شرطه",
    "كتله",
    "جبهه",
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
    "خليه",
    "تجمع",
    "تكتل",
    "تحالف",
    "ائتلاف",
    "دائره",
    "غرفه",
    "قنصليه",
    "رابطه",
    "معهد",
    "مفتشيه",
    "بعثه",
    "تيار",
    "مجمع",
    "شعبه",
    "مصلحه",
    // `المنسقية العامة للنازحين`.
    "منسقيه",
    // Armed wings: `سرايا القدس`, `كتائب القسام`.
    "سرايا",
    "كتائب",
];

/// The bare head noun of a body for a word (`الوزارة` → `وزاره`), when it is one.
pub(crate) fn body_head(norm: &str) -> Option<String> {
    // `والوزارة` is `و` + `الوزارة`; `وزارة` itself starts with a root `و`.
    let unjoined = norm
        .strip_prefix('و')
        .filter(|r| r.starts_with("ال"))
        .unwrap_or(norm);
    let bare = strip_article(unjoined);
    BODY_HEADS.contains(&bare).then(|| bare.to_string())
}

/// Head nouns of bodies that only a body's short form takes (`المجلس` for `مجلس بنك المغرب`,
/// `الجيش`, `السلطنة`): written in full, they often open a role (`رئيس مجلس النواب`) or a
/// longer phrase, so they are no body word elsewhere.
const SHORT_FORM_HEADS: &[&str] = &["مجلس", "جيش", "سلطنه"];

/// The bare head noun of a body for a word, also one of [`SHORT_FORM_HEADS`].
pub(super) fn short_form_head(norm: &str) -> Option<String> {
    body_head(norm).or_else(|| short_only_head(norm))
}

/// The bare head noun for a word whose head is one of [`SHORT_FORM_HEADS`].
fn short_only_head(norm: &str) -> Option<String> {
    let bare = strip_article(norm);
    SHORT_FORM_HEADS.contains(&bare).then(|| bare.to_string())
}

/// Like `ends_subject`, but a word inside quote marks may continue a body's name.
fn ends_subject_ignoring_quotes(t: &Token) -> bool {
    !t.is_word() || word_ends_subject(&t.norm)
}

/// The name in apposition after the comma at `toks[comma]` (`…، مارتن غريفيث بأن`): two to
/// four name words, after which the clause goes on (a comma, a complementiser, a preposition
/// or a reporting word) — not the middle of a list.
pub(crate) fn apposition_name(toks: &[Token], comma: usize) -> Option<std::ops::Range<usize>> {
    let mut start = comma + 1;
    // `الناطق باسم الجيش، العقيد الركن، نزيه جريح،`: a rank set off by commas before the name.
    let mut ranks = toks[start.min(toks.len())..]
        .iter()
        .take(3)
        .take_while(|t| t.is_word() && !t.in_quote && is_title(&t.norm))
        .count();
    // `الفريق أول`, `العميد الركن`: the grade of a rank goes with it.
    while ranks > 0
        && start + ranks < toks.len()
        && super::super::roles::is_rank_grade(toks, start + ranks)
    {
        ranks += 1;
    }
    if ranks > 0
        && toks
            .get(start + ranks)
            .is_some_and(|t| matches!(t.punct(), Some(',' | '،')))
    {
        start += ranks + 1;
    } else if ranks > 0
        // (`، د. جبريل إبراهيم،`: the abbreviated title of a doctor too.)
        && toks[start..start + ranks]
            .iter()
            .all(|t| has_article(&t.norm) || t.norm == "د")
        && toks
            .get(start + ranks)
            .is_some_and(|t| t.is_word() && !is_role_word(&t.norm) && !ends_subject(t))
    {
        // `، اللواء منصور التركي،`: a rank or title right before the name.
        start += ranks;
    }
    let mut e = start;
    // The first word is a first name (no role word; `أمين` is both); later words may be
    // definite surnames (`أمين الناصر`) but no titles or institutions.
    // `صباح النعمان`: the time word `صباح` is a first name unless a day or time follows.
    let morning_name = |k: usize| {
        toks[k].norm == "صباح"
            && toks
                .get(k + 1)
                .is_some_and(|n| n.is_word() && !is_day_word(&n.norm))
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
                // (`حوارًا مفتوحًا`: no name word is written with tanwin.)
                && !t.tanwin
                && if first {
                    (!is_role_word(&t.norm)
                        || FIRST_NAME_TITLES.contains(&t.norm.as_str())
                        // `الحسين ولد مدو`: a first name written with the article.
                        || super::super::roles::DEFINITE_FIRST_NAMES.contains(&t.norm.as_str()))
                        && !super::super::VERBAL_NOUNS.contains(&t.norm.as_str())
                } else {
                    !is_title(&t.norm) && !institutions().contains(strip_article(&t.norm))
                })
    };
    // `مسؤول، طلب عدم الكشف عن هويته، إن`: the clause of an anonymous source, no name.
    let anonymity = toks.get(start).is_some_and(|t| {
        matches!(
            t.norm.as_str(),
            "طلب" | "رفض" | "فضل" | "اشترط" | "مفضلا" | "طالبا"
        )
    }) || toks.get(start + 1).is_some_and(|t| t.norm == "عدم");
    if anonymity {
        return None;
    }
    // `راشد بن عبد الله آل خليفة`: lineage words (`بن`, `آل`) and the second part of a
    // compound name do not count towards the four words.
    let mut words = 0;
    while e < toks.len() && words < 4 && name_word(&toks[e], e == start) {
        if !(e > start
            && (is_lineage_word(&toks[e].norm) || COMPOUND_SECOND.contains(&toks[e].norm.as_str())))
        {
            words += 1;
        }
        e += 1;
    }
    let closes = toks.get(e).is_none_or(|t| {
        matches!(t.punct(), Some(',' | '،' | ':')) || (t.is_word() && ends_subject(t))
    });
    (e - start >= 2 && closes).then_some(start..e)
}

/// True for a word that links the parts of a lineage name (`بن`, `بنت`, `آل`, `ولد`).
fn is_lineage_word(norm: &str) -> bool {
    matches!(norm, "بن" | "بنت" | "ابن" | "ال" | "ولد")
}

/// Title words that are common first names too (normalised).
const FIRST_NAME_TITLES: &[&str] = &["امين", "نائب", "عميد", "سفير", "ملك", "سلطان", "امير"];

/// True for a word that, after a given name, is no family name: a title, a body's word, an
/// institution or a person noun (`محمد الوزير`, `محمد الوزارة`).
fn names_no_person(norm: &str) -> bool {
    is_title(norm)
        || is_body_word(norm)
        || crate::text::quotes::lexicon::institutions().contains(norm)
        || crate::text::quotes::lexicon::person_nouns().contains(norm)
}

/// True when the definite word `w` after `prev`, a definite word closing a body's name, is
/// another body's noun (`منظمة العفو الدولية الشرطة`): the verb's object, no more of the name.
/// (A `لـ` genitive goes on with the name: `المكتب الفدرالي للاتحاد الجزائري`.)
pub(crate) fn another_body_after(prev: &str, w: &str) -> bool {
    w.starts_with("ال") && has_article(prev) && is_body_word(w)
}

/// True for a word that is a body's head noun, also after `لـ` (`للمنظمة`).
pub(crate) fn is_body_word(norm: &str) -> bool {
    let after_lam = norm.strip_prefix("لل").map(|r| format!("ال{r}"));
    body_head(norm).is_some() || after_lam.is_some_and(|w| body_head(&w).is_some())
}
