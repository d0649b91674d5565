//! Speech or not (docs §2.2): quoted names of outlets and groups, titles of works and
//! programmes, honorific formulas and scare quotes are not speech.
//!
//! The rules below propose a verdict; only the first is final. The learned model of
//! `speech/model.rs` then weighs the rules' verdict with the evidence they read and the words
//! around the marks, and decides (the rules' verdict stands unless the model is surer).
//!
//! The rules, in order (the first that applies gives the proposal):
//! 1. the content is an honorific formula (`حفظه الله`) or has no Arabic word (a link, a
//!    date, a foreign name) → `name`;
//! 2. the word before the quote is a title word (`برنامج`, `فيلم`, `بعنوان` …) → `title`;
//! 3. the quote is glued to `لـ` or follows an outlet/group word (`صحيفة`, `منصة`, `حركة` …)
//!    → `name`;
//! 4. it follows a "so-called" word (`ما يسمى`, `المزعوم`) → `scare`;
//! 5. it is the statement of a headline (`X: "…"`) → speech; a short quote after a
//!    preposition (`في "…"`, `بشأن "…"`) away from its cue → `name` or `scare`;
//! 6. a reporting cue stands before it in its sentence (or right after it): speech when a
//!    describing or accusing verb is within three words or the quote follows its `بـ`
//!    (`وصفته بـ"…"`, `اتهم X Y بـ"…"`), when it has at least three words, when it follows a
//!    colon (`فقال: "لا"`), when it is the predicate after a complementiser and its subject
//!    (`أن فريقه "جاهز تماما"`, `إن الحكم "مسيّس"`), or when it has two words and ends a
//!    clause or stands apart from the cue, not right after a complementiser (where it would be
//!    the clause's subject, often a name: `إن "أنصار الله" هاجموا`); otherwise not;
//! 7. no cue: speech when it has at least four words (unattributed reported wording);
//! 8. otherwise not speech: `name` when it starts with a group word (`"حزب الله"`) or no word
//!    carries the article (`"قسد"`), else `scare`.

mod model;

pub use model::SpeechRow;
pub(crate) use model::{decide, features};

use super::lexicon::{
    anonymous, complementisers, honorifics, name_context, scare_context, title_context, titles,
    CueKind,
};
use super::words::{has_arabic_letter, has_article, lookup_forms};

/// What the surroundings of a quote say.
#[derive(Debug, Clone, Default)]
pub(crate) struct Context {
    /// Normalised content words.
    pub words: Vec<String>,
    /// Normalised words before the opening mark in the same clause, nearest last (up to 8).
    pub before: Vec<String>,
    /// True when the opening mark is glued to `لـ`/`ل` or follows a standalone `لـ`.
    pub after_lam: bool,
    /// True when the closing mark is followed by punctuation, another mark or the paragraph end.
    pub ends_clause: bool,
    /// True when the closing mark is followed by a complementiser (`“وليد الركراكي” إن …`).
    pub before_complementiser: bool,
    /// The cue governing the quote and how many words lie between it and the quote.
    pub cue: Option<(CueKind, usize)>,
    /// True when the quote is a headline statement (`X: "…"`).
    pub headline: bool,
    /// True when the opening mark follows a colon (`وقال الوزير: "نعم"`).
    pub after_colon: bool,
    /// The normalised word right after the closing mark; `<p>` for punctuation or another
    /// mark, `None` at the paragraph's end.
    pub next: Option<String>,
    /// The normalised word of the cue, if any.
    pub cue_word: Option<String>,
    /// True when the quote lies in the statement of a headline (`X: … "…"`).
    pub in_statement: bool,
    /// True when the cue follows the quote or stands in another paragraph (its distance is
    /// then 0).
    pub cue_elsewhere: bool,
    /// How many words the quote holds (`words` keeps only the first ones).
    pub word_count: usize,
    /// The quote's last word, normalised.
    pub last_word: Option<String>,
}

/// The verdict on a quote.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Verdict {
    /// Someone's words.
    Speech,
    /// Not speech: the kind (`name`, `title`, `scare`) and the confidence of that decision.
    Other(&'static str, f32),
}

/// The forms of a context word to look up: prefixes and the article removed.
fn forms(w: &str) -> impl Iterator<Item = &str> {
    let lam = w.strip_prefix('ل').filter(|r| r.chars().count() > 2);
    // `ببرنامج "…"`, `بجريدة "…"`: the preposition `بـ` glued to the context word.
    let ba = w
        .strip_prefix('ب')
        .filter(|r| r.chars().count() > 2 && !r.starts_with("ال"));
    // No article stripping: `المنظمة "…"` is a full noun phrase, unlike `منظمة "…"`.
    lookup_forms(w).chain(lam).chain(ba)
}

fn in_set(w: &str, set: &std::collections::HashSet<String>) -> bool {
    forms(w).any(|f| set.contains(f))
}

/// The verdict on a quote that is surely no speech, whatever else the context says: an
/// honorific formula, or no Arabic word at all.
pub(crate) fn surely_not_speech(ctx: &Context) -> Option<Verdict> {
    if honorifics().contains(&ctx.words.join(" ")) {
        return Some(Verdict::Other("name", 0.9));
    }
    // `"//telegram.me/…"`, `"Content is protected"`, `"2017/12/11"`: no Arabic word, so page
    // furniture, a link or a foreign name, never the reported words of an Arabic story.
    if !ctx.words.iter().any(|w| has_arabic_letter(w)) {
        return Some(Verdict::Other("name", 0.8));
    }
    None
}

/// Decide by the rules whether a quote is speech.
pub(crate) fn classify(ctx: &Context) -> Verdict {
    let n = ctx.words.len();
    if let Some(v) = surely_not_speech(ctx) {
        return v;
    }
    let prev = ctx.before.last().map(String::as_str);
    let prev2 = ctx.before.iter().rev().nth(1).map(String::as_str);
    if n <= 10 && prev.is_some_and(|w| in_set(w, title_context())) {
        return Verdict::Other("title", 0.9);
    }
    if n <= 6 && (ctx.after_lam || prev.is_some_and(|w| in_set(w, name_context()))) {
        return Verdict::Other("name", 0.9);
    }
    // `مدير "سي آي إيه"`, `رئيس "حزب الأمة"`, `مصادر "بيت الوسط"`: the body a title or a
    // source heads.
    // Not when the noun is the cue's own subject (`وقال مصدر "لا صحة لهذه الأنباء"`).
    let heads_body = |w: &str| !has_article(w) && (in_set(w, titles()) || in_set(w, anonymous()));
    let cue_subject = ctx.cue.is_some_and(|(_, d)| d <= 2);
    // (`أشار عضو "كتلة الوفاء للمقاومة" النائب …`: a group's noun opening the marks is the
    // body even right after the cue.)
    let group_named = ctx.words.first().is_some_and(|w| in_set(w, name_context()));
    if n <= 4 && (!cue_subject || group_named) && prev.is_some_and(heads_body) {
        return Verdict::Other("name", 0.8);
    }
    if n <= 6
        && (prev.is_some_and(|w| in_set(w, scare_context()))
            || prev2.is_some_and(|w| in_set(w, scare_context())))
    {
        return Verdict::Other("scare", 0.9);
    }
    if ctx.headline {
        return Verdict::Speech;
    }
    // `وقال رئيس مجلس المحافظة "صباح البزوني"، …`: a person's name in quote marks after the
    // role of the cue's subject.
    // After a title word (`قال الشيخ "صباح خالد الحمد الصباح"، …`) any given name will do.
    let after_title = prev.is_some_and(|w| has_article(w) && in_set(w, titles()));
    // (`سلام`, `أمل`, `نور` are words too: a given name that is also a word counts only when
    // every word reads as part of a name — given names, definite family names, `بن`/`ولد` —
    // not in `وقال الرئيس "سلام عادل وشامل"`.)
    let first_given =
        ctx.words
            .first()
            .is_some_and(|w| match super::lexicon::given_name_by_shape(w) {
                Some(super::lexicon::GivenName::Sure) => true,
                Some(super::lexicon::GivenName::AlsoWord) => ctx.words.iter().all(|x| {
                    super::lexicon::given_name_by_shape(x).is_some()
                        || (has_article(x) && !x.starts_with("بال"))
                        || matches!(x.as_str(), "بن" | "ولد" | "بنت" | "ابن" | "ال" | "آل")
                }),
                None => false,
            });
    if (2..=4).contains(&n)
        && ctx.cue.is_some_and(|(_, d)| d > 0)
        && prev.is_some_and(has_article)
        && (ctx.ends_clause || ctx.before_complementiser)
        && (super::lexicon::looks_like_person(&ctx.words) || (after_title && first_given))
    {
        return Verdict::Other("name", 0.7);
    }
    // `في "مفوضية الانتخابات العراقية"`, `بشأن "حادثة البحر الميت"`: a short quote after a
    // preposition names a place, a body or a topic.
    if n <= 4
        && prev.is_some_and(|w| {
            matches!(
                w,
                "في" | "فى"
                    | "من"
                    | "مع"
                    | "لدى"
                    | "داخل"
                    | "امام"
                    | "بشان"
                    | "حول"
                    | "وفي"
            ) || (w == "عن" && n == 1)
        })
        && ctx.cue.is_some_and(|(_, d)| d > 0)
    {
        return Verdict::Other(if group_or_bare(ctx) { "name" } else { "scare" }, 0.7);
    }
    // A complementiser right before the quote makes a short quote its subject (`إن "حزب الله"
    // …`); one further back, with the subject between, makes it the predicate (`أن فريقه
    // "جاهز تماما"`, `إن الحكم "مسيّس"`).
    let right_after_compl = right_after_complementiser(ctx);
    let predicate = complementiser_further_back(ctx);
    let group = ctx.words.first().is_some_and(|w| in_set(w, name_context()));
    let describing = describing(ctx);
    let by_that = after_by_that(ctx);
    match ctx.cue {
        Some(_) if n <= 3 && ((describing && prev == Some("ب")) || by_that) => {
            return Verdict::Speech
        }
        Some((CueKind::Describe, d)) if d <= 3 => return Verdict::Speech,
        // `اتهم X Y بـ"…"`, `وصف X Y بـ"…"`: the describing phrase, however far the verb.
        Some((CueKind::Describe, _)) if prev == Some("ب") => return Verdict::Speech,
        Some(_) if n >= 3 || (n >= 1 && ctx.after_colon) => return Verdict::Speech,
        Some(_) if n == 2 && (ctx.ends_clause || predicate) => return Verdict::Speech,
        Some((_, d)) if n == 2 && d > 0 && !right_after_compl && !group => return Verdict::Speech,
        // `إن المعلومات المتداولة "شائعات"`, `أن أوكرانيا "أخرجت" خطة …`: a word of the
        // reported clause itself.
        Some(_) if n == 1 && predicate => return Verdict::Speech,
        None if n >= 4 => return Verdict::Speech,
        _ => {}
    }
    if group_or_bare(ctx) {
        Verdict::Other("name", 0.6)
    } else {
        Verdict::Other("scare", 0.6)
    }
}

/// True when a complementiser stands right before the quote (`إن "حزب الله" …`): a short
/// quote there is the reported clause's subject.
fn right_after_complementiser(ctx: &Context) -> bool {
    ctx.before
        .last()
        .is_some_and(|w| complementisers().contains(w))
}

/// True when a complementiser stands further back, with the clause's subject between (`أن
/// فريقه "جاهز تماما"`): the quote is the predicate.
fn complementiser_further_back(ctx: &Context) -> bool {
    !right_after_complementiser(ctx) && ctx.before.iter().any(|w| complementisers().contains(w))
}

/// True when a describing verb stands before the quote in its clause (`واصفا إياها
/// بـ"الكاذبة"`, `وصف … بأنه "سامّ"`).
fn describing(ctx: &Context) -> bool {
    ctx.before.iter().any(|w| {
        lookup_forms(w).any(|f| f.starts_with("وصف") || f.starts_with("واصف") || f == "يصف")
    })
}

/// True when the quote follows `بأنه` (`برر اقتراحه بأنه "لإحراج" …`).
fn after_by_that(ctx: &Context) -> bool {
    ctx.before
        .last()
        .is_some_and(|w| matches!(w.as_str(), "بانه" | "بانها" | "بانهم"))
}

/// True for a quote that reads as a name: it starts with a group word (`"حزب الله"`) or no
/// word carries the article (`"قسد"`).
fn group_or_bare(ctx: &Context) -> bool {
    ctx.words.first().is_some_and(|w| in_set(w, name_context()))
        || !ctx.words.iter().any(|w| has_article(w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::quotes::words::norm;

    fn ctx(content: &str, before: &[&str]) -> Context {
        Context {
            words: content.split_whitespace().map(norm).collect(),
            before: before.iter().map(|w| norm(w)).collect(),
            ..Context::default()
        }
    }

    #[test]
    fn sample_non_speech() {
        assert_eq!(
            classify(&ctx("حفظه الله", &["الدولة"])),
            Verdict::Other("name", 0.9)
        );
        assert_eq!(
            classify(&ctx("التاسعة", &["لبرنامج"])),
            Verdict::Other("title", 0.9)
        );
        assert_eq!(
            classify(&ctx("روسيا.. الكرملين.. بوتين.. 25 عاما", &["في", "فيلم"])),
            Verdict::Other("title", 0.9)
        );
        assert_eq!(classify(&ctx("قسد", &["عن"])), Verdict::Other("name", 0.6));
        assert_eq!(
            classify(&ctx("المرحلة الانتقالية", &["ما", "يسمى"])),
            Verdict::Other("scare", 0.9)
        );
    }

    #[test]
    fn cue_makes_speech() {
        let mut c = ctx("لن تغلق أي مستشفى", &["الوزارة"]);
        c.cue = Some((CueKind::Verb, 1));
        assert_eq!(classify(&c), Verdict::Speech);
        let mut c = ctx("التحول الواقعي", &["وصفته", "بـ"]);
        c.cue = Some((CueKind::Describe, 1));
        assert_eq!(classify(&c), Verdict::Speech);
    }
}
