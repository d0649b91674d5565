//! Subject phrases written before a cue or in a frame around it: `وكان X قد قال`,
//! subject-first clauses, `اكتفى X بالقول`, `نقلت وكالة عن X قوله`, `بيان صادر عن X`,
//! titled people and headline speakers (`X: …`).

use super::roles::{
    ends_subject, is_construct_title, is_morning_name, is_nisba, is_prepositional_word,
    is_role_word, is_title, split_role, COMPOUND_SECOND, NAME_PARTICLES,
};
use super::subject_after::{
    cut_after_surname, trim_construct_object, MAX_SUBJECT_WORDS, RELATIVES,
};
use crate::text::quotes::cues::cue_kind;
use crate::text::quotes::lexicon::{labels, CueKind};
use crate::text::quotes::words::has_article;
use crate::text::quotes::words::{has_arabic_letter, TokKind, Token};
use std::ops::Range;

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
        while e < hi
            && e - k < MAX_SUBJECT_WORDS
            && (!ends_subject(&tokens[e]) || is_morning_name(tokens, e))
            // `الدكتور هادي نصار بتصريح`: a `بـ` phrase after a name word ends it (not `لـ`:
            // `لعمامرة`, `لقمان` are surnames).
            && !(e > k
                && !is_role_word(&tokens[e - 1].norm)
                && tokens[e].norm.starts_with('ب')
                && is_prepositional_word(&tokens[e].norm))
        {
            e += 1;
        }
        let (role, name) = split_role(&tokens[k..e]);
        // Only the name and the role: a pronoun-suffixed object after it is not part of it.
        let possessed = |x: &Token| {
            // `لولا دا سيلفا بكاءً`: no name word has tanwin.
            x.tanwin
                || x.suffixed
                || (!has_article(&x.norm)
                    && x.norm.chars().count() >= 5
                    && (x.norm.ends_with("ها") || x.norm.ends_with("هم")))
        };
        let name_end = name.iter().position(possessed).unwrap_or(name.len());
        // `القاضي محمد السعيد الشربيني تأجيل الجلسة`: the verb's object after the name.
        let kept = trim_construct_object(&tokens[k..k + role.len() + name_end]);
        let kept = cut_after_surname(&tokens[k..k + kept]);
        let first_name = tokens.get(k + role.len()).filter(|_| kept > role.len());
        (kept > role.len() && first_name.is_none_or(|w| !reads_as_object(w))).then(|| k..k + kept)
    })
}

/// True for an undefined word after a role that reads as the verb's object rather than a
/// first name: a feminine noun in `ـة` (`وجه رئيس المجلس رسالة طمأنة`) or an elative
/// (`سرد الوزير أكبر التهديدات`) that the gazetteer does not know as a given name.
fn reads_as_object(t: &Token) -> bool {
    let w = t.norm.as_str();
    let n = w.chars().count();
    let feminine = n >= 4 && w.ends_with('ه');
    let elative = n == 4 && w.starts_with('ا');
    !has_article(w)
        && (feminine || elative)
        && crate::text::quotes::lexicon::given_name(w).is_none()
}

/// The titled subject right after the first word of a sentence (its verb) in `tokens[lo..hi]`:
/// `وقد عبر الرئيس التونسي عن …`, `كما تحدث رئيس الاتحاد عن …`, as the range of the role
/// (with the name when one follows it).
pub(crate) fn opening_role(tokens: &[Token], lo: usize, hi: usize) -> Option<Range<usize>> {
    let hi = hi.min(tokens.len());
    let mut k = lo;
    // `وقد`, `كما`, `فيما` before the verb.
    while k < hi
        && matches!(
            tokens[k].norm.as_str(),
            "وقد" | "قد" | "كما" | "فيما" | "ثم"
        )
    {
        k += 1;
    }
    let start = k + 1;
    let first = tokens
        .get(start)
        .filter(|t| start < hi && t.is_word() && !t.in_quote)?;
    let titled = (has_article(&first.norm) && is_title(&first.norm)) || is_construct_title(first);
    if !titled || !tokens[k].is_word() {
        return None;
    }
    // With the name after the role, the whole titled person.
    if let Some(r) = first_titled_person(tokens, start, hi).filter(|r| r.start == start) {
        return Some(r);
    }
    let mut e = start + 1;
    while e < hi && e - start < 6 && is_role_word(&tokens[e].norm) && !ends_subject(&tokens[e]) {
        e += 1;
    }
    let (role, name) = split_role(&tokens[start..e]);
    (name.is_empty() && !role.is_empty()).then_some(start..e)
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
    if range.is_empty() {
        return None;
    }
    match tokens[range.clone()].iter().position(ends_subject) {
        None => Some(range),
        // `وكان رئيس اللجنة الأمنية في البصرة جبار الساعدي قد أكد`: a role, its workplace,
        // then the name.
        Some(p) => {
            let stop = range.start + p;
            let role_only = p > 0 && split_role(&tokens[range.start..stop]).1.is_empty();
            role_only
                .then(|| super::subject_after::after_workplace(tokens, stop))
                .flatten()
                .filter(|name| name.end <= range.end)
        }
    }
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
                // `فإن بايدن قال`
                | "فان"
                | "لان"
        )
    {
        s += 1;
    }
    Some(s)
}

/// Subject-first order (`لكن محللين في القطاع رأوا أن …`): the phrase that opens the cue's
/// clause.
pub(crate) fn subject_before_verb(tokens: &[Token], cue: usize) -> Option<Range<usize>> {
    // `في حمص التي قال إنها …`: a relative clause whose subject is not its antecedent;
    // `مع ما سماه "…"`: the story's speaker named what he named.
    if cue > 0
        && (RELATIVES.contains(&tokens[cue - 1].norm.as_str())
            || matches!(
                tokens[cue - 1].norm.as_str(),
                "ما" | "عما" | "مما" | "بما" | "لما" | "فيما"
                // `تحدث رئيس الاتحاد عن …، عندما قال`: the main clause's subject.
                | "عندما" | "حينما" | "حين" | "بعدما"
            ))
    {
        return None;
    }
    // `وجه المدرب رسالة قال فيها: …`: a clause describing the noun before it (its pronoun
    // after the verb); the subject is the sentence's, not that noun.
    if tokens
        .get(cue + 1)
        .is_some_and(|t| matches!(t.norm.as_str(), "فيها" | "فيه" | "عنها" | "عنه"))
        && cue > 0
        && tokens[cue - 1].is_word()
        && !has_article(&tokens[cue - 1].norm)
    {
        return None;
    }
    let mut s = clause_start(tokens, cue)?;
    // `وتدخل القاضي ورد على الدفاع قائلا`: a verb joined by `و` before its definite subject.
    if s + 2 <= cue
        && tokens[s].norm.starts_with('و')
        && !has_article(&tokens[s].norm)
        && !is_title(&tokens[s].norm)
        && tokens
            .get(s + 1)
            .is_some_and(|t| t.is_word() && has_article(&t.norm))
    {
        s += 1;
    }
    // `وأتم إيهاب أبو جزر قائلا`: a verb joined by `و` before a given name.
    if s + 1 < cue
        && tokens[s].norm.starts_with('و')
        && crate::text::quotes::lexicon::given_name(&tokens[s].norm).is_none()
        && crate::text::quotes::lexicon::given_name(&tokens[s + 1].norm).is_some()
    {
        s += 1;
    }
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
    phrase_before_cue(tokens, s, cue)
}

/// The issuer in `أصدرت الهيئة المستقلة للانتخابات بيانا أعلنت فيه أن …`, `أصدر النائب X
/// بيانًا، جاء فيه: …`, `نشر X بيانا قال من خلاله`: the cue at `tokens[cue]` speaks from a
/// statement (its pronoun after the cue), and the subject of the verb that issued that
/// statement is the speaker.
pub(crate) fn issuer_before_resumptive(tokens: &[Token], cue: usize) -> Option<Range<usize>> {
    let resumptive = match tokens.get(cue + 1).map(|t| t.norm.as_str()) {
        Some("فيه" | "فيها") => true,
        Some("من") => tokens.get(cue + 2).is_some_and(|t| t.norm == "خلاله"),
        _ => false,
    };
    if !resumptive || cue == 0 {
        return None;
    }
    // The statement noun, perhaps set off by a comma (`بيانًا، جاء فيه`).
    let mut noun = cue - 1;
    if tokens[noun].punct().is_some() && noun > 0 {
        noun -= 1;
    }
    let statement = matches!(
        tokens[noun].norm.as_str(),
        "بيانا" | "بيان" | "رساله" | "تغريده" | "منشورا" | "كلمه" | "تصريحا"
    );
    if !statement {
        return None;
    }
    let lo = noun.saturating_sub(MAX_SUBJECT_WORDS);
    let verb = (lo..noun).rev().find(|&k| {
        crate::text::quotes::words::lookup_forms(&tokens[k].norm).any(|f| {
            matches!(
                f,
                "اصدر"
                    | "اصدرت"
                    | "نشر"
                    | "نشرت"
                    | "وجه"
                    | "وجهت"
                    | "بعث"
                    | "بعثت"
                    | "وزع"
                    | "وزعت"
            )
        })
    })?;
    // Time words between the issuer and the statement (`اليوم الجمعة`) end the phrase.
    let mut e = verb + 1;
    while e < noun
        && !ends_subject(&tokens[e])
        && !crate::text::quotes::lexicon::skip_before_subject().contains(&tokens[e].norm)
    {
        e += 1;
    }
    (e > verb + 1).then_some(verb + 1..e)
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
    let s = clause_start(tokens, cue)?;
    // `لكن المنصوري عاد ليقول`: the subject before the verb (`عاد`, "went on") that the
    // purpose verb follows.
    let verb_before = cue > s + 1
        && purpose
        && matches!(
            tokens[cue - 1].norm.as_str(),
            "عاد" | "عادت" | "خرج" | "خرجت" | "رجع" | "رجعت"
        );
    if verb_before {
        return phrase_before_cue(tokens, s, cue - 1);
    }
    phrase_before_cue(tokens, s + 1, cue)
}

/// The subject phrase starting at `tokens[s]` before the cue at `tokens[cue]`: up to five words,
/// ending at a clause word or at a pronoun-suffixed or tanwin word after its first.
fn phrase_before_cue(tokens: &[Token], s: usize, cue: usize) -> Option<Range<usize>> {
    // `وتابعت الرابحي تفسيرها`, `وخاطب ترامب الحشد`: a possessed noun, or a definite common
    // noun after an undefined name word, is the verb's object.
    let object = |e: usize| {
        let (w, before) = (tokens[e].norm.as_str(), tokens[e - 1].norm.as_str());
        let possessed = super::roles::possessed_by_them(w);
        let definite_object = has_article(w)
            && !has_article(before)
            && !is_nisba(w)
            && !is_title(w)
            && !is_title(before)
            && !is_role_word(before)
            && !super::is_body_word(w)
            && !super::is_body_word(before)
            && !NAME_PARTICLES.contains(&before)
            && !COMPOUND_SECOND.contains(&w)
            && crate::text::quotes::lexicon::given_name(before).is_none();
        possessed || definite_object
    };
    let mut e = s;
    while e < cue
        && e - s < 5
        && !ends_subject(&tokens[e])
        && !(e > s && (tokens[e].suffixed || tokens[e].tanwin || object(e)))
    {
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
    // (`عن شرطة مليلية نشرته وسائل إعلام`: a verb with an object pronoun ends the issuer.)
    while i < tokens.len()
        && i - start < MAX_SUBJECT_WORDS
        && !ends_subject(&tokens[i])
        && !(i > start + 1 && tokens[i].suffixed)
    {
        i += 1;
    }
    Some((an, start..i))
}

/// The speaker phrase of a headline `SPEAKER: statement` (or `SPEAKER لـ"OUTLET": …`): the
/// words at the start of a paragraph before its first colon. `title`: the paragraph is the
/// page's title line, where a lone surname may open with `و` (`وهدان: …`).
pub(crate) fn headline_subject(all: &[Token], title: bool) -> Option<Range<usize>> {
    let lead = headline_lead(all);
    // The fallbacks below look for the speaker's start before the colon.
    let colon = all[lead..]
        .iter()
        .position(|t| t.punct() == Some(':'))
        .map(|c| c + lead);
    subject_at(all, lead, title)
        .or_else(|| {
            // `بعد الوقوف دقيقة حداد.. إسرائيل: …`: a clause before the speaker, closed by an
            // ellipsis (not a comma: `…، معلقا: …` goes on with the story).
            let colon = colon?;
            let mut k = (lead..colon).rev().find(|&k| {
                all[k].punct() == Some('.') && k > 0 && all[k - 1].punct() == Some('.')
            })? + 1;
            while all.get(k).is_some_and(|t| t.punct() == Some('.')) {
                k += 1;
            }
            subject_at(all, k, title)
        })
        .or_else(|| {
            // `أولمبياد طوكيو 2020 - مدرب الأرجنتين: …`, `وكالة خبر للانباء - عالية نصيف: …`: a
            // section or outlet of any length before a dash or bar; the speaker follows the last.
            let colon = colon?;
            let k = (lead..colon)
                .rev()
                .find(|&k| matches!(all[k].punct(), Some('-' | '–' | '—' | '|')))?;
            // (Not a match-up or a topic, `مصر - السودان: …`, `ارتفاع الأسعار - التضخم: …`:
            // the speaker after the dash opens with a title, a body's noun or a given name, or
            // it has two words or more after a section of two words or more, and no `ضد`:
            // `الأقباط متحدون - المصريين الأحرار: …`.)
            let first = &all.get(k + 1)?.norm;
            let speaker_like = is_title(first)
                || super::names::is_body_word(first)
                || crate::text::quotes::lexicon::given_name(first).is_some();
            let words = |r: std::ops::Range<usize>| all[r].iter().filter(|t| t.is_word()).count();
            let named_after_section = words(lead..k) >= 2
                && words(k + 1..colon) >= 2
                && !all[k + 1..colon].iter().any(|t| t.norm == "ضد");
            (k > lead && (speaker_like || named_after_section)).then_some(())?;
            subject_at(all, k + 1, title)
        })
}

/// Where a headline's speaker may start: after a scraped date or time, a tag, a breadcrumb
/// trail, a bullet or a page label (see [`headline_subject`]).
fn headline_lead(all: &[Token]) -> usize {
    // `date 2026-03-10 …`, `- 18:05خبير …`: a scraped date or time before the headline.
    let stamp = all
        .iter()
        .take_while(|t| !has_arabic_letter(&t.norm) && t.kind != TokKind::Mark)
        .count();
    if stamp > 0
        && all[..stamp]
            .iter()
            .any(|t| t.norm.chars().any(|c| c.is_ascii_digit()))
    {
        return stamp + headline_lead(&all[stamp..]);
    }
    // A leading tag such as `#عاجل |` or `عاجل -` is skipped.
    // (The `#` of a hashtag is no token: a single word before `|` is such a tag.)
    // `أوكرانيا بالعربية | ميركل: …`: a section name of up to three words before `|` too.
    let separator = all
        .iter()
        .take(4)
        .position(|t| matches!(t.punct(), Some('|' | '-' | '–' | '/')));
    let bar = separator.is_some_and(|k| k >= 1 && all[k].punct() == Some('|'));
    let tagged = all.first().is_some_and(|t| labels().contains(&t.norm)) || bar;
    let mut lead = separator.filter(|_| tagged).map_or(0, |k| k + 1);
    // `الرئيسية / مجلس الجالية / رئيس البرلمان الليبي: …`: a breadcrumb trail from the home
    // page; the headline follows its last separator.
    // (`الصفحة الرئيسية / الداخلية: …` too. A trail of `>` arrows, `جريدة المدى > سياسية >
    // العمليات المشتركة: …`, ends at its last arrow: a dash after it may be the headline's own,
    // `رياضة > مصر - السودان: …`, and is judged as below.)
    let home = match all {
        [a, ..] if a.norm == "الرئيسيه" => true,
        [a, b, ..] => a.norm == "الصفحه" && b.norm == "الرئيسيه",
        _ => false,
    };
    let separates = |c: char| {
        if home {
            matches!(c, '/' | '-' | '–' | '|' | '»' | '>')
        } else {
            c == '>'
        }
    };
    let colon = all.iter().take(16).position(|t| t.punct() == Some(':'));
    if let Some(last) = (1..colon.unwrap_or(0))
        .rev()
        .find(|&k| all[k].punct().is_some_and(separates))
    {
        lead = last + 1;
    }
    // `- إيران: …`, `• هايف: …`, `| وزير الإعلام: …`: a bullet, dash or bar before the
    // headline.
    while all
        .get(lead)
        .is_some_and(|t| matches!(t.punct(), Some('-' | '–' | '•' | '*' | '>' | '<' | '|')))
    {
        lead += 1;
    }
    // `#عاجل مركز مكافحة الأوبئة: …`: a breaking-news tag written straight before the speaker.
    if all
        .get(lead)
        .is_some_and(|t| matches!(t.norm.as_str(), "عاجل" | "بالفيديو" | "بالصور"))
        && all.get(lead + 1).is_some_and(|t| t.is_word())
    {
        lead += 1;
    }
    // `بالفيديو.. وزير المالية: …`, `عاجل.. متحدث الصحة: …`: a label and an ellipsis.
    if let Some(dots) = (lead + 1..all.len().min(lead + 3)).find(|&k| {
        all[k].punct() == Some('.') && all.get(k + 1).is_some_and(|n| n.punct() == Some('.'))
    }) {
        let labelled = all[lead..dots].iter().all(|t| {
            t.is_word()
                && (labels().contains(&t.norm) || matches!(t.norm.as_str(), "بالفيديو" | "بالصور"))
        });
        if labelled {
            lead = dots;
            while all.get(lead).is_some_and(|t| t.punct() == Some('.')) {
                lead += 1;
            }
        }
    }
    // `نرشح لك: محافظ البنك المركزي: …`: a page label and its colon before the headline.
    let label_colon = all[lead..]
        .iter()
        .take(3)
        .position(|t| t.punct() == Some(':'))
        .filter(|&k| {
            k > 0
                && all[lead..lead + k]
                    .iter()
                    .any(|t| labels().contains(&t.norm))
        });
    if let Some(k) = label_colon {
        lead += k + 1;
    }
    lead
}

/// The speaker phrase of a headline whose speaker starts at `all[lead]` (see
/// [`headline_subject`]).
fn subject_at(all: &[Token], lead: usize, title: bool) -> Option<Range<usize>> {
    let tokens = &all[lead..];
    let colon = tokens
        .iter()
        .take(12)
        .position(|t| t.punct() == Some(':'))?;
    // `«مفوضية اللاجئين»: …`: a speaker in quote marks.
    if tokens[0].kind == crate::text::quotes::words::TokKind::Mark
        && colon >= 3
        && tokens[colon - 1].kind == crate::text::quotes::words::TokKind::Mark
        && tokens[1..colon - 1].iter().all(Token::is_word)
        && colon - 2 <= 4
    {
        return Some(lead + 1..lead + colon - 1);
    }
    // `مدرب الزمالك عن قرارات القمة: …`: the speaker, then what the statement is about.
    // (Not after a definite common noun: `الإفراج عن المعتقلين: …`; a surname, a title or a
    // body speaks: `السيسي عن سد النهضة: …`.)
    let first = tokens[0].norm.as_str();
    let speaker_first = !has_article(first)
        || is_title(first)
        || super::names::is_body_word(first)
        || super::roles::is_nisba(first);
    let topic = (1..colon.min(5)).find(|&k| {
        speaker_first
            && matches!(tokens[k].norm.as_str(), "عن" | "حول" | "بشان")
            && tokens[..k].iter().all(Token::is_word)
            && tokens[k + 1..colon].iter().all(Token::is_word)
            && colon - k <= 5
    });
    let aside = speaker_before_aside(tokens, colon);
    // `الرئيس السيسي مطمئنًا المصريين: …`: a participle of manner and its object after the
    // speaker.
    let manner = (1..colon).find(|&k| {
        let w = &tokens[k].norm;
        // (Not a name of that shape: `الملكة ماريا تيريزا: …`.)
        let participle = tokens[k].tanwin
            || (w.starts_with('م')
                && w.ends_with('ا')
                && w.chars().count() >= 5
                && crate::text::quotes::lexicon::given_name_by_shape(w).is_none());
        participle && k + 1 < colon && colon - k <= 3 && tokens[k..colon].iter().all(Token::is_word)
    });
    let mut np_end = speaker_from_place(tokens, colon)
        .or(topic)
        .or(aside)
        .or(manner)
        .unwrap_or_else(|| {
            tokens[..colon]
                .iter()
                .position(|t| !t.is_word() || t.norm == "ل")
                .unwrap_or(colon)
        });
    // `الأمم المتحدة تحذر: …`: a reporting verb closing the speaker phrase.
    let verb_end = np_end;
    while np_end > 1 && cue_kind(&tokens[np_end - 1].norm).is_some() {
        np_end -= 1;
    }
    // `ماكرون يرد على ترامب: …`: a reporting verb and its addressee after the speaker.
    // (`بري ردا على باسيل: …`, `تعليقا على`: a verbal noun of response too.)
    // (`ماكرون يرد على ترامب`: a verb in the imperfect, whose perfect is a cue.)
    // The cue kind of a verb in the imperfect whose perfect (of at least `min` letters) is a
    // cue (`يرد`, `يهاجم`).
    let imperfect_cue = |k: usize, min: usize| {
        tokens[k]
            .norm
            .strip_prefix(['ي', 'ت'])
            .filter(|rest| rest.chars().count() >= min)
            .and_then(cue_kind)
    };
    let responds = |k: usize| {
        let w = tokens[k].norm.as_str();
        cue_kind(w).is_some() || matches!(w, "ردا" | "تعليقا") || imperfect_cue(k, 2).is_some()
    };
    if let Some(v) = (1..np_end).find(|&k| responds(k)) {
        // (`لترامب`, not `لن`/`لا`/`لم`.)
        let addressee = matches!(
            tokens.get(v + 1).map(|t| t.norm.as_str()),
            Some("على" | "الى")
        ) || tokens
            .get(v + 1)
            .is_some_and(|t| t.norm.starts_with('ل') && t.norm.chars().count() >= 4);
        if addressee && np_end - v <= 4 {
            np_end = v;
        }
    }
    // `وزير الإعلام السوري يهاجم دعوة مظلوم عبدي: …`: a stance verb in the imperfect and its
    // object after the speaker.
    if let Some(v) = (1..np_end).find(|&k| imperfect_cue(k, 3) == Some(CueKind::Stance)) {
        if np_end - v <= 5 {
            np_end = v;
        }
    }
    // (`سمير بالطيب: …`: a surname in `بال…` after a given name.)
    let surname_bal = |k: usize| {
        k > 0
            && tokens[k].norm.starts_with("بال")
            && crate::text::quotes::lexicon::given_name(&tokens[k - 1].norm).is_some()
    };
    // (`مديرة الاتصال بالأونروا: …`, `وكيل التربية والتعليم بالقليوبية: …`: where a role is
    // held, in `بال…` closing it.)
    let workplace_bal = |k: usize, end: usize| {
        k + 1 == end && k >= 1 && tokens[k].norm.starts_with("بال") && is_role_word(&tokens[0].norm)
    };
    // `الرئيس البرازيلي الجديد باكياً: …`: a manner adverb (tanwin) after the speaker.
    while np_end > 1 && tokens[np_end - 1].tanwin {
        np_end -= 1;
    }
    // A role or a body may take six words (`الهيئة العامة للطيران المدني اللبناني`).
    let longest = if is_role_word(&tokens[0].norm) || super::names::is_body_word(&tokens[0].norm) {
        6
    } else {
        4
    };
    if np_end == 0
        || np_end > longest
        || (0..np_end).any(|k| ends_subject(&tokens[k]) && !surname_bal(k) && !workplace_bal(k, np_end))
        // (No speaker's name has tanwin: `الديوانية الأكثر تضرراً الدفاع المدني: …`.)
        || tokens[..np_end].iter().any(|t| t.tanwin)
    {
        return None;
    }
    // `وأتم إيهاب أبو جزر تصريحاته قائلا: …`: a paragraph opening with `و` and a verb is the
    // story going on, not a headline (`وزير الخارجية: …` is one; so is `ولد عباس: …`, the
    // particle of a Maghreb family name).
    let first = &tokens[0].norm;
    // (`وهدان: …`, `وهبي: …`: a lone surname that opens with `و`, no word of prose or cue, on
    // the title line; further down, `وزاد: …` goes on with the story.)
    let surname_in_waw = title
        && colon == 1
        && first.chars().count() >= 4
        && cue_kind(first).is_none()
        && !crate::text::quotes::lexicon::is_common_word(first)
        // (`وختاما: …`: a word of prose after `و`.)
        && first.strip_prefix('و').is_some_and(|bare| {
            cue_kind(bare).is_none() && !crate::text::quotes::lexicon::is_common_word(bare)
        });
    let particle_ould = first == "ولد" && np_end >= 2;
    if first.starts_with('و')
        && !surname_in_waw
        && !particle_ould
        && !is_role_word(first)
        && crate::text::quotes::lexicon::given_name(first).is_none()
        && !super::names::is_body_word(first)
    {
        return None;
    }
    if tokens[..np_end]
        .iter()
        .any(|t| t.norm.chars().any(|c| c.is_numeric()))
        || (labels().contains(&tokens[0].norm) && !described_source(&tokens[..np_end]))
    {
        return None;
    }
    // Whatever stands between the name and the colon must be `لـ"OUTLET"` or a place it
    // speaks from (`يونان من روما: …`).
    let rest = &tokens[verb_end..colon];
    let outlet_ok = rest.is_empty()
        || speaker_from_place(tokens, colon) == Some(verb_end)
        || topic == Some(verb_end)
        || aside == Some(verb_end)
        || manner == Some(verb_end)
        || (rest[0].norm == "ل"
            && rest.len() >= 3
            && rest[1].kind == crate::text::quotes::words::TokKind::Mark
            && rest[rest.len() - 1].kind == crate::text::quotes::words::TokKind::Mark)
        // `محمد بن سلمان لـ"سي بي إس" الأمريكية: …`: and the outlet's nisba.
        || (rest[0].norm == "ل"
            && rest.len() >= 4
            && rest[1].kind == crate::text::quotes::words::TokKind::Mark
            && rest[rest.len() - 2].kind == crate::text::quotes::words::TokKind::Mark
            && is_feminine_nisba(&rest[rest.len() - 1].norm))
        // `الشرطة السويدية لـCNN: …`: an outlet in Latin letters needs no marks.
        || (rest.len() == 2
            && rest[0].norm == "ل"
            && rest[1].is_word()
            && rest[1].norm.chars().all(|c| c.is_ascii_alphanumeric()))
        // `سمية بعلبكي لـ"النهار" في موركس دور: …`: and where it was said.
        || (rest[0].norm == "ل"
            && rest.len() >= 5
            && rest[1].kind == crate::text::quotes::words::TokKind::Mark
            && rest[2..].iter().position(|t| t.kind == crate::text::quotes::words::TokKind::Mark).is_some_and(|c| {
                let after = &rest[2 + c + 1..];
                (2..=5).contains(&after.len())
                    && matches!(after[0].norm.as_str(), "في" | "فى" | "من" | "خلال")
                    && after[1..].iter().all(Token::is_word)
            }))
        // `أمين عام «أوبك»: …`: the body a title heads, in quote marks.
        // (`رئيس منظمة “بدر” العراقية: …`: and its nisba.)
        || ({
            let nisba = rest.len() >= 4 && is_feminine_nisba(&rest[rest.len() - 1].norm);
            let rest = if nisba { &rest[..rest.len() - 1] } else { rest };
            rest.len() >= 3
                && rest[0].kind == crate::text::quotes::words::TokKind::Mark
                && rest[rest.len() - 1].kind == crate::text::quotes::words::TokKind::Mark
                && rest[1..rest.len() - 1].iter().all(Token::is_word)
                && tokens[..verb_end].iter().any(|t| is_title(&t.norm))
        });
    outlet_ok.then_some(lead..lead + np_end)
}

/// `يونان من روما: …`: the speaker phrase before `من` and a one-word place right before the
/// colon at `tokens[colon]` (as the length of the phrase).
fn speaker_from_place(tokens: &[Token], colon: usize) -> Option<usize> {
    speaker_from_one_word_place(tokens, colon)
        .or_else(|| speaker_before_circumstance(tokens, colon))
}

/// `وزير الخارجية أمام «الأمم المتحدة»: …`, `الرئيس اللبناني على المنصة الأممية: …`,
/// `وزير الإعلام بعد جلسة مجلس الوزراء: …`: a titled speaker or a body, then where or when
/// it spoke (a preposition and up to five words or marks) before the colon.
fn speaker_before_circumstance(tokens: &[Token], colon: usize) -> Option<usize> {
    let first = tokens.first()?;
    if !(is_title(&first.norm) || super::names::is_body_word(&first.norm)) {
        return named_speaker_before_occasion(tokens, colon);
    }
    let k = (1..colon.min(7)).find(|&k| {
        tokens[k].is_word()
            && matches!(
                tokens[k].norm.as_str(),
                "امام"
                    | "على"
                    | "علي"
                    | "بعد"
                    | "خلال"
                    | "عقب"
                    | "في"
                    | "فى"
                    | "من"
                    | "مع"
            )
    })?;
    let ok = tokens[..k].iter().all(Token::is_word)
        && colon - k <= 6
        && tokens[k + 1..colon].iter().any(Token::is_word)
        && tokens[k + 1..colon]
            .iter()
            .all(|t| t.is_word() || t.kind == crate::text::quotes::words::TokKind::Mark);
    ok.then_some(k)
}

/// A nisba in the feminine (`الأمريكية`, `العراقية`), as after an outlet's or a group's name;
/// not a family name in `ي` (`العامري`).
fn is_feminine_nisba(w: &str) -> bool {
    w.ends_with("يه") && super::roles::is_nisba(w)
}

/// `فريد زهران بعد فوزه برئاسة الحزب: …`: a person named with a given name first (two or
/// three words, no common word of prose after the given name), then when it spoke (`بعد`,
/// `عقب`, `خلال`, `أمام` and up to six tokens, words or quote marks) before the colon at
/// `tokens[colon]`.
fn named_speaker_before_occasion(tokens: &[Token], colon: usize) -> Option<usize> {
    use crate::text::quotes::lexicon::{given_name, is_common_word};
    given_name(&tokens.first()?.norm)?;
    let k = (2..colon.min(4))
        .find(|&k| matches!(tokens[k].norm.as_str(), "بعد" | "عقب" | "خلال" | "امام"))?;
    let named = tokens[1..k]
        .iter()
        .all(|t| t.is_word() && !t.tanwin && !t.suffixed && !is_common_word(&t.norm));
    let occasion = &tokens[k + 1..colon];
    let ok = named
        && (1..=6).contains(&occasion.len())
        && occasion
            .iter()
            .all(|t| t.is_word() || t.kind == crate::text::quotes::words::TokKind::Mark);
    ok.then_some(k)
}

/// `مصدر رفيع المستوى: …`, `مصدر دبلوماسي روسي: …`: an anonymous source described by
/// undefined adjectives, not the label `مصدر: …` (or `مصدر الصورة: …`) of a page.
fn described_source(np: &[Token]) -> bool {
    matches!(np, [first, second, ..] if first.norm == "مصدر" && second.is_word() && !has_article(&second.norm))
}

/// `لازاريني في غزة: …`, `رامي عبد الرحمن لصوت لبنان: …`: a name of one to three words,
/// none of them a common word of news prose, then where or to whom it spoke (`في`, `من` or a
/// `لـ` word and up to three words) before the colon at `tokens[colon]`; the length of the
/// name. (`أسباب الانقطاع في تونس: …` is a topic: its words are common words.)
fn speaker_before_aside(tokens: &[Token], colon: usize) -> Option<usize> {
    let k = (1..colon.min(4)).find(|&k| {
        let w = tokens[k].norm.as_str();
        matches!(w, "في" | "فى" | "من")
            || (w.starts_with('ل') && w.chars().count() >= 4 && !has_article(w))
    })?;
    let named = tokens[..k].iter().all(|t| {
        t.is_word()
            && !t.tanwin
            && !t.suffixed
            && !ends_subject(t)
            && !crate::text::quotes::lexicon::is_common_word(&t.norm)
            && cue_kind(&t.norm).is_none()
            && !matches!(t.norm.as_str(), "جاء" | "وجاء" | "ورد" | "وورد")
    });
    // (`أحمد في غزة: قصة طفل …`: a lone given name heads a feature, not a statement.)
    let lone_given = k == 1 && crate::text::quotes::lexicon::given_name(&tokens[0].norm).is_some();
    // (`منى واصف تغني في "جرش": …`: a verb in the imperfect after the name.)
    let verb_last = k >= 2
        && tokens[k - 1].norm.starts_with(['ي', 'ت'])
        && crate::text::quotes::lexicon::given_name(&tokens[k - 1].norm).is_none();
    let aside = &tokens[k + 1..colon];
    // (`لوبان لماكرون: …`: whom it was said to may be all there is.)
    // (Not the end of a name, `أورسولا فون دير لايين`.)
    let addressee = tokens[k].norm.starts_with("لل")
        || tokens[k]
            .norm
            .strip_prefix('ل')
            .is_some_and(|rest| rest.chars().count() >= 4 && !rest.starts_with(['ا', 'ي', 'و']));
    let short = (usize::from(!addressee)..=3)
        .contains(&aside.iter().filter(|t| t.is_word()).count())
        && aside.iter().all(|t| t.is_word() || t.kind == TokKind::Mark);
    (named && !lone_given && !verb_last && short).then_some(k)
}

fn speaker_from_one_word_place(tokens: &[Token], colon: usize) -> Option<usize> {
    let from = colon.checked_sub(2).filter(|&m| m >= 1)?;
    // `يونان من روما: …`, `وزارة الصحة في غزة: …`.
    // (After `في` only a body or a role speaks: not `أسباب الانقطاع في تونس: …`.)
    let place_ok = tokens[from].norm == "من"
        || (matches!(tokens[from].norm.as_str(), "في" | "فى")
            && (super::names::is_body_word(&tokens[0].norm) || is_title(&tokens[0].norm)));
    (place_ok && tokens[from + 1].is_word() && tokens[..from].iter().all(Token::is_word))
        .then_some(from)
}

/// Verbs in the imperfect that headlines put between a speaker and the colon (`أمير قطر يلمح
/// إلى قرار مفاجئ: …`), besides the imperfects of reporting verbs.
const HEADLINE_VERBS: &[&str] = &[
    "يلمح",
    "تلمح",
    "يكشف",
    "تكشف",
    "يعلن",
    "تعلن",
    "يدعو",
    "تدعو",
    "يرد",
    "ترد",
    "ينتقد",
    "تنتقد",
    "يحذر",
    "تحذر",
    "يؤكد",
    "تؤكد",
    "يطالب",
    "تطالب",
    "يهاجم",
    "تهاجم",
    "يعلق",
    "تعلق",
    "يوجه",
    "توجه",
    "يرفض",
    "ترفض",
    "يشيد",
    "تشيد",
    "يتحدث",
    "تتحدث",
    "يصف",
    "تصف",
    "يكتب",
    "تكتب",
    "يتهم",
    "تتهم",
    "ينفي",
    "تنفي",
    "يوضح",
    "توضح",
    "يعترف",
    "تعترف",
    "يطمئن",
    "تطمئن",
];

/// The speaker phrase of a headline whose speaker is followed by a longer aside than
/// [`headline_subject`] takes before the colon: where or when it was said, to whom, about
/// what, or a verb and its object (`مدرب النصر السعودي بعد الفوز على الخلود: …`, `ميدفيديف
/// تعليقا على استهداف سفينة نفط روسية: …`, `السيّد يدعو إلى إصدار مراسيم تشكيل الحكومة: …`).
/// Such a phrase may as well be a topic (`ارتفاع الأسعار في مصر: …`): the caller takes it
/// only for a role, a body, or a person the page names elsewhere.
pub(crate) fn loose_headline_subject(all: &[Token]) -> Option<Range<usize>> {
    use crate::text::quotes::lexicon::given_name;
    let lead = headline_lead(all);
    let tokens = &all[lead..];
    let colon = tokens
        .iter()
        .take(24)
        .position(|t| t.punct() == Some(':'))?;
    let first = &tokens.first()?.norm;
    let role = is_role_word(first) || super::names::is_body_word(first);
    let opens_aside = |t: &Token| {
        let w = t.norm.as_str();
        matches!(
            w,
            "في" | "فى"
                | "من"
                | "عن"
                | "حول"
                | "بشان"
                | "بعد"
                | "قبل"
                | "خلال"
                | "امام"
                | "عقب"
                | "ل"
        ) || (w.starts_with('ل') && w.chars().count() >= 4 && !has_article(w))
            || t.tanwin
            || matches!(w, "ردا" | "تعليقا")
            || cue_kind(w).is_some()
            || HEADLINE_VERBS.contains(&w)
    };
    let longest = if role { 6 } else { 4 };
    let end = (1..colon.min(longest + 1)).find(|&k| opens_aside(&tokens[k]))?;
    let speaker = &tokens[..end];
    let aside = &tokens[end..colon];
    let named = speaker
        .iter()
        .all(|t| t.is_word() && !t.tanwin && !t.suffixed && !ends_subject(t))
        && !labels().contains(first)
        // (`وأكد الوزير خلال …: …` goes on with the story.)
        && (!first.starts_with('و') || role || given_name(first).is_some());
    // (The aside is one clause: no sentence's end, comma or bar in it.)
    let one_clause = aside.len() <= 12
        && !aside.iter().any(|t| {
            matches!(
                t.punct(),
                Some('.' | '!' | '?' | '؟' | '،' | ',' | '؛' | '|')
            )
        });
    (named && one_clause).then_some(lead..lead + end)
}

/// Where an unmarked headline statement in `tokens[from..]` stops before the page's own words
/// after an ellipsis: the index of the ellipsis's first dot. The page goes on with `و` and a
/// verb of its own (`لم نهرب السلاح إلى اليمن .. ويرد على …`), a pointer (`.. وهذه أسباب
/// زيارته`) or a second speaker and statement (`.. ووزير الخارجية: …`); not with the
/// speaker's own words (`أنا منكم وأنتم مني.. وأعتذر …`).
pub(crate) fn statement_end_at_ellipsis(tokens: &[Token], from: usize) -> Option<usize> {
    let dot = |k: usize| {
        tokens
            .get(k)
            .is_some_and(|t| matches!(t.punct(), Some('.' | '…')))
    };
    let mut k = from;
    while k < tokens.len() {
        let ellipsis = tokens[k].punct() == Some('…') || (dot(k) && dot(k + 1));
        if !ellipsis {
            k += 1;
            continue;
        }
        let mut n = k;
        while dot(n) {
            n += 1;
        }
        let next = tokens.get(n).filter(|t| t.is_word())?;
        // (A verb of the third person masculine, `ويرد`: `وترفض` may be the speaker's own
        // subject going on, `مصر لن تقبل بالضغوط.. وترفض …`; `وهذه` before no word of the
        // speaker's, `.. وهذه حدودنا`; a second speaker is a title, a body or a given name.)
        let after = tokens.get(n + 1).map_or("", |t| t.norm.as_str());
        let page_goes_on = next.norm.strip_prefix('و').is_some_and(|bare| {
            (HEADLINE_VERBS.contains(&bare) && bare.starts_with('ي'))
                || (bare == "هذه" && !after.ends_with("نا") && !after.ends_with('ي'))
                || ((is_title(bare)
                    || super::names::is_body_word(bare)
                    || crate::text::quotes::lexicon::given_name(bare).is_some())
                    && tokens[n + 1..]
                        .iter()
                        .take(6)
                        .any(|t| t.punct() == Some(':')))
        });
        // (The statement has a word before it.)
        let words_before = tokens[from..k].iter().any(Token::is_word);
        if page_goes_on && words_before {
            return Some(k);
        }
        k = n;
    }
    None
}
