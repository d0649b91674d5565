//! Page furniture (arabic-text.md §5.1): timestamps, comment widgets, share and tag lines,
//! related-story blocks and their teasers, UI promos and non-Arabic lines. Paragraphs are only
//! flagged, never removed, so a reviewer can overrule. A related-story block placed in the
//! middle of a page ends where the story resumes with a subjectless reporting verb
//! (`وتابع "…"`).

use std::sync::OnceLock;

use regex::Regex;

/// Headers after which the rest of the page is related-story teasers.
const RELATED_HEADERS: &[&str] = &[
    "أخبار ذات صلة",
    "اخبار ذات صلة",
    "مقالات ذات صلة",
    "مواضيع ذات صلة",
    "موضوعات ذات صلة",
    "أخبار متعلقة",
    "اخبار متعلقة",
    "أخبار مشابهة",
    "المزيد من الأخبار",
    "الأكثر قراءة",
    "الأكثر مشاهدة",
    "المشاركات الشائعة",
    "قد يعجبك أيضا",
    "قد يهمك أيضا",
    "you might also like",
    "related news",
    "related articles",
    "related",
];

/// Headers followed by exactly one teaser line (mid-article "read also").
const READ_ALSO: &[&str] = &[
    "اقرأ أيضا",
    "إقرأ أيضا",
    "اقرأ ايضا",
    "اقرأ كذلك",
    "اقرأ أيضًا",
];

/// Whole lines that are widgets.
const WIDGET_LINES: &[&str] = &[
    "التعليقات",
    "تعليقات",
    "تعليق",
    "اترك تعليقا",
    "أضف تعليقا",
    "أضف تعليق",
    "اكتب تعليقك",
    "هاشتاغز",
    "هاشتاغ",
    "هاشتاج",
    "الوسوم",
    "وسوم",
    "كلمات مفتاحية",
    "الكلمات المفتاحية",
    "الكلمات الدلالية",
    "شارك",
    "مشاركة",
    "شارك الخبر",
    "شارك المقال",
    "شارك هذا المقال",
    "انشر",
    "طباعة",
    "نسخ الرابط",
    "تم نسخ الرابط",
    "زر الذهاب إلى الأعلى",
    "اقرأ المزيد",
    "المزيد",
    "إعلان",
    "ads",
    "advertisement",
    "انتهى",
    "/انتهى",
    "discussion about this post",
    "tags",
    "share",
    "comments",
];

/// Line prefixes that mark widgets or credits.
const WIDGET_PREFIXES: &[&str] = &[
    "لا يوجد تعليقات",
    "لا توجد تعليقات",
    "لا تعليقات",
    "التعليقات مغلقة",
    "كن أول من يعلق",
    "جميع الحقوق محفوظة",
    "حقوق النشر محفوظة",
    "آخر تحديث",
    "تاريخ النشر",
    "نشر بتاريخ",
    "تاريخ النشر:",
    "وسوم:",
    "الوسوم:",
    "شارك على",
    "شاركها على",
    "تابعونا على",
    "تابعنا على",
    "ليصلك المزيد",
    "انضم إلى قناتنا",
    "اشترك في قناتنا",
    "اشترك بقناتنا",
    "حمل تطبيق",
    "حمّل تطبيق",
    "جرب ميزات",
    "اكتشف ما يمكن",
];

/// Imperatives that open UI promo lines (short lines without a sentence end).
const UI_VERBS: &[&str] = &[
    "جرب",
    "اكتشف",
    "اشترك",
    "انضم",
    "تابعونا",
    "تابعنا",
    "حمل",
    "اضغط",
    "سجل",
    "اقرأ",
];

fn relative_time() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"^(منذ|قبل)\s+([0-9٠-٩]+\s+)?(ثانية|ثوان|ثوانٍ|دقيقة|دقيقتين|دقائق|ساعة|ساعتين|ساعات|يوم|يومين|أيام|ايام|أسبوع|أسبوعين|أسابيع|شهر|شهرين|أشهر|سنة|سنتين|سنوات|عام|عامين|أعوام)(\s+(واحدة|واحد|فقط))?$",
        )
        .expect("static regex")
    })
}

fn date_line() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let months = "يناير|فبراير|مارس|أبريل|ابريل|مايو|ماي|يونيو|يونيه|يوليو|يوليه|يوليوز|أغسطس|اغسطس|غشت|سبتمبر|شتنبر|أكتوبر|اكتوبر|نوفمبر|نونبر|ديسمبر|دجنبر|كانون|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|تشرين|الأول|الثاني|محرم|صفر|ربيع|جمادى|رجب|شعبان|رمضان|شوال|ذو|القعدة|الحجة|الآخر|الآخرة";
        let days = "السبت|الأحد|الاحد|الاثنين|الإثنين|الثلاثاء|الثلثاء|الأربعاء|الاربعاء|الخميس|الجمعة";
        let latin = "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|am|pm|date|[a-z]{3,9}day";
        Regex::new(&format!(
            r"(?i)^((\d+|[٠-٩]+|{months}|{days}|{latin}|ص|م|صباحا|مساء|هـ|[-/:.,،|])\s*)+$"
        ))
        .expect("static regex")
    })
}

/// A line stripped for matching: no harakat, no trailing punctuation, single spaces, lowercase.
fn normalize(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    for word in line.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(
            word.chars()
                .filter(|&c| !matches!(c, '\u{064B}'..='\u{0652}' | '\u{0670}'))
                .flat_map(char::to_lowercase),
        );
    }
    let trimmed = out
        .trim_end_matches([':', '.', '…', '!', '؟', '-', '|', ' '])
        .trim_start_matches(['-', '–', '—', '•', ' ']);
    trimmed.to_string()
}

fn word_count(line: &str) -> usize {
    line.split_whitespace().count()
}

fn ends_with_terminator(line: &str) -> bool {
    line.trim_end()
        .chars()
        .rev()
        .find(|&c| !super::sentences::is_closer(c))
        .is_some_and(|c| matches!(c, '.' | '!' | '?' | '؟' | '۔'))
        && !line.trim_end().ends_with("...")
        && !line.trim_end().ends_with("..")
}

/// A timestamp line (`منذ 6 دقائق`, `منذ ساعة واحدة`, `2025-06-14 10:15`, `الجمعة 11 يوليو 2025`).
fn is_timestamp(norm: &str) -> bool {
    relative_time().is_match(norm)
        || (word_count(norm) <= 8
            && norm.chars().any(|c| c.is_numeric())
            && date_line().is_match(norm))
}

/// Mostly Latin letters with at least three Latin words: a UI line, not Arabic text.
fn is_non_arabic(line: &str) -> bool {
    let (mut arabic, mut letters) = (0usize, 0usize);
    for c in line.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        if super::sentences::is_arabic_letter(c) {
            arabic += 1;
        }
    }
    let latin_words = line
        .split_whitespace()
        .filter(|w| w.chars().any(|c| c.is_ascii_alphabetic()))
        .count();
    letters > 0 && arabic * 10 < letters * 3 && latin_words >= 3
}

fn is_hashtag_line(line: &str) -> bool {
    let mut words = line.split_whitespace().peekable();
    words.peek().is_some()
        && words.all(|w| {
            w.starts_with('#')
                || w.starts_with('@')
                || w.starts_with("http")
                || w.starts_with("www.")
        })
}

/// A line that is furniture by itself, whatever surrounds it.
fn is_furniture(line: &str, norm: &str) -> bool {
    if WIDGET_LINES.contains(&norm)
        || WIDGET_PREFIXES.iter().any(|p| norm.starts_with(p))
        || is_timestamp(norm)
        || is_hashtag_line(line)
        || is_non_arabic(line)
    {
        return true;
    }
    let words = word_count(norm);
    let first = norm.split(' ').next().unwrap_or("");
    words <= 10 && UI_VERBS.contains(&first) && !ends_with_terminator(line)
}

/// True for a paragraph of article text rather than a teaser: it opens with a reporting verb
/// joined by `و` (`وتابع`, `وأضاف`) and no subject, so it goes on with a speaker quoted before.
fn resumes_story(norm: &str) -> bool {
    let word = norm.split(' ').next().unwrap_or("");
    // `وأضاف: "…"` with the colon glued to the verb.
    let glued = word.ends_with([':', '،']);
    let first: String = word
        .trim_end_matches([':', '،'])
        .chars()
        .map(|c| {
            if matches!(c, 'أ' | 'إ' | 'آ') {
                'ا'
            } else {
                c
            }
        })
        .collect();
    let reporting = matches!(
        first.as_str(),
        "وتابع"
            | "وتابعت"
            | "واضاف"
            | "واضافت"
            | "واردف"
            | "واردفت"
            | "وقال"
            | "وقالت"
            | "واكد"
            | "واكدت"
            | "واوضح"
            | "واوضحت"
            | "وكشف"
            | "وكشفت"
            | "واشار"
            | "واشارت"
    );
    // With no subject of its own: the words go on from the speaker before the block
    // (`وتابع "…"`, `وأردف قائلا`), not from a teaser's story (`وأوضح بوتين أنه`).
    let second = norm.split(' ').nth(1).unwrap_or("");
    let subjectless = glued
        || second.starts_with(['"', '“', '”', '«', '»', ':'])
        || matches!(
            second,
            "قائلا" | "قائلة" | "أن" | "إن" | "ان" | "بأن" | "بان"
        );
    reporting && subjectless
}

/// A short unpunctuated line, such as an outlet name above or below a timestamp.
fn is_short_label(line: &str) -> bool {
    let words = word_count(line);
    (1..=4).contains(&words) && !ends_with_terminator(line) && !line.contains(':')
}

/// Flag each paragraph (given as cleaned text) that is page furniture.
pub fn flag(paragraphs: &[&str]) -> Vec<bool> {
    let norms: Vec<String> = paragraphs.iter().map(|p| normalize(p)).collect();
    let times: Vec<bool> = norms.iter().map(|n| is_timestamp(n)).collect();
    let mut flags = vec![false; paragraphs.len()];
    let mut in_related = false;
    let mut read_also_next = false;
    for (i, (line, norm)) in paragraphs.iter().zip(&norms).enumerate() {
        // The story goes on after a related-story block placed mid-page: a paragraph opening
        // with a reporting verb joined by `و` (`وتابع "…"`) continues a speaker's words.
        if in_related && resumes_story(norm) {
            in_related = false;
        }
        if in_related || read_also_next {
            flags[i] = true;
            read_also_next = false;
            continue;
        }
        if RELATED_HEADERS.contains(&norm.as_str()) {
            flags[i] = true;
            in_related = true;
            continue;
        }
        if READ_ALSO.iter().any(|h| norm == h) {
            flags[i] = true;
            read_also_next = true;
            continue;
        }
        let near_time =
            (i.saturating_sub(2)..(i + 3).min(paragraphs.len())).any(|j| j != i && times[j]);
        flags[i] = is_furniture(line, norm) || (near_time && is_short_label(line));
    }
    flags
}
