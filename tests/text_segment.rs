//! Sentence, paragraph, boilerplate and hygiene tests for `tarjama::text`, plus the evaluation
//! against the hand annotations in `tests/annotations/`.

use std::collections::BTreeSet;

use proptest::prelude::*;
use tarjama::text::clean::{mt_input, Cleaned};
use tarjama::text::render::segment_text;
use tarjama::text::{analyze, Analysis, Options, ParagraphMode};

const SAMPLE: &str = include_str!("../samples/000_1fa0ea5cd19dd44f.txt");
const SAMPLE_GOLD: &str = include_str!("annotations/sample_sentences.json");
const HELDOUT_GOLD: &str = include_str!("annotations/heldout_sentences.json");

fn opts(mode: ParagraphMode) -> Options {
    Options {
        paragraphs: mode,
        ..Options::default()
    }
}

/// The sentence texts of a one-paragraph input.
fn sentences(text: &str) -> Vec<String> {
    let a = analyze(text, &opts(ParagraphMode::Blank));
    assert_eq!(a.paragraphs.len(), 1, "one paragraph expected for {text:?}");
    a.paragraphs[0]
        .sentences
        .iter()
        .map(|s| s.text.clone())
        .collect()
}

fn assert_split(text: &str, expected: &[&str]) {
    assert_eq!(sentences(text), expected, "input: {text}");
}

// ---------------------------------------------------------------- evaluation

/// Boundary counts: (true positives, found, expected).
#[derive(Default, Debug, Clone, Copy)]
struct Counts {
    tp: usize,
    found: usize,
    gold: usize,
}

impl Counts {
    fn add(&mut self, found: &BTreeSet<usize>, gold: &BTreeSet<usize>) {
        self.tp += found.intersection(gold).count();
        self.found += found.len();
        self.gold += gold.len();
    }
    fn prf(&self) -> (f64, f64, f64) {
        let p = if self.found == 0 {
            1.0
        } else {
            self.tp as f64 / self.found as f64
        };
        let r = if self.gold == 0 {
            1.0
        } else {
            self.tp as f64 / self.gold as f64
        };
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        (p, r, f)
    }
}

/// Byte offsets (in `text`) where annotated sentences start, except the first of each
/// paragraph; found by searching each annotated sentence in order.
fn gold_boundaries(text: &str, paragraphs: &[Vec<String>]) -> BTreeSet<usize> {
    let mut cursor = 0;
    let mut set = BTreeSet::new();
    for sents in paragraphs {
        for (i, s) in sents.iter().enumerate() {
            let at = cursor
                + text[cursor..]
                    .find(s.as_str())
                    .unwrap_or_else(|| panic!("annotated sentence not in text: {s}"));
            if i > 0 {
                set.insert(at);
            }
            cursor = at + s.len();
        }
    }
    set
}

fn found_boundaries(a: &Analysis) -> BTreeSet<usize> {
    a.paragraphs
        .iter()
        .flat_map(|p| p.sentences.iter().skip(1).map(|s| s.start))
        .collect()
}

fn gold_paragraphs(json: &str) -> Vec<serde_json::Value> {
    let v: serde_json::Value = serde_json::from_str(json).expect("annotation JSON");
    v["paragraphs"].as_array().expect("paragraphs").clone()
}

fn strings(v: &serde_json::Value) -> Vec<String> {
    v.as_array()
        .expect("array")
        .iter()
        .map(|s| s.as_str().expect("string").to_string())
        .collect()
}

fn report_missed(label: &str, text: &str, found: &BTreeSet<usize>, gold: &BTreeSet<usize>) {
    for &b in gold.difference(found) {
        println!("  {label} missed boundary before: {}", excerpt(text, b));
    }
    for &b in found.difference(gold) {
        println!("  {label} spurious boundary before: {}", excerpt(text, b));
    }
}

fn excerpt(text: &str, at: usize) -> String {
    let s = text[..at]
        .char_indices()
        .rev()
        .nth(20)
        .map_or(0, |(i, _)| i);
    let e = text[at..]
        .char_indices()
        .nth(20)
        .map_or(text.len(), |(i, _)| at + i);
    format!("{}│{}", &text[s..at], &text[at..e])
}

#[test]
fn evaluation_sample_page() {
    let gold = gold_paragraphs(SAMPLE_GOLD);
    let a = analyze(SAMPLE, &Options::default());
    let gold_sents: Vec<Vec<String>> = gold.iter().map(|p| strings(&p["sentences"])).collect();
    let g = gold_boundaries(SAMPLE, &gold_sents);
    let f = found_boundaries(&a);
    let mut c = Counts::default();
    c.add(&f, &g);
    report_missed("sample", SAMPLE, &f, &g);
    let (p, r, f1) = c.prf();
    println!(
        "sample page: paragraphs {} (annotated {}), boundaries found {} gold {} tp {}: P={p:.3} R={r:.3} F1={f1:.3}",
        a.paragraphs.len(),
        gold.len(),
        c.found,
        c.gold,
        c.tp
    );
    assert_eq!(a.paragraphs.len(), gold.len(), "paragraph count");
    let mut bp_right = 0;
    for (p, g) in a.paragraphs.iter().zip(&gold) {
        let want = g["boilerplate"].as_bool().expect("bool");
        if p.boilerplate == want {
            bp_right += 1;
        } else {
            println!("  boilerplate wrong (want {want}): {}", p.text);
        }
    }
    println!(
        "sample page: boilerplate flags right {bp_right}/{}",
        gold.len()
    );
    assert_eq!(bp_right, gold.len());
    // The page has 13 boundaries inside paragraphs, so one miss costs 0.04 of F1. The one known
    // miss is the inline sub-heading `تركيا والولايات المتحدة` (an <h2> flattened into the
    // teaser body with no punctuation), which no punctuation rule can see; the held-out set
    // carries the 0.98 target.
    assert!(p >= 0.98, "sample boundary precision {p:.3} < 0.98");
    assert!(f1 >= 0.95, "sample boundary F1 {f1:.3} < 0.95");
}

#[test]
fn evaluation_heldout_paragraphs() {
    let gold = gold_paragraphs(HELDOUT_GOLD);
    let mut c = Counts::default();
    for p in &gold {
        let text = p["text"].as_str().expect("text");
        let sents = strings(&p["sentences"]);
        let a = analyze(text, &opts(ParagraphMode::Blank));
        assert_eq!(a.paragraphs.len(), 1, "one paragraph: {text}");
        let g = gold_boundaries(text, std::slice::from_ref(&sents));
        let f = found_boundaries(&a);
        report_missed("heldout", text, &f, &g);
        c.add(&f, &g);
    }
    let (p, r, f1) = c.prf();
    println!(
        "held-out: {} paragraphs, boundaries found {} gold {} tp {}: P={p:.3} R={r:.3} F1={f1:.3}",
        gold.len(),
        c.found,
        c.gold,
        c.tp
    );
    assert!(f1 >= 0.98, "held-out boundary F1 {f1:.3} < 0.98");
}

// ---------------------------------------------------------------- R2 terminators

#[test]
fn r2_each_terminator_ends_a_sentence() {
    assert_split(
        "وصل الوفد. وبدأت المحادثات",
        &["وصل الوفد.", "وبدأت المحادثات"],
    );
    assert_split("ماذا حدث؟ لا أحد يعرف", &["ماذا حدث؟", "لا أحد يعرف"]);
    assert_split("Is it over? Nobody knows", &["Is it over?", "Nobody knows"]);
    assert_split("يا للهول! ثم سكت", &["يا للهول!", "ثم سكت"]);
    assert_split(
        "يقول المثل ۔ وهذا آخر الكلام۔ ثم انتهى",
        &["يقول المثل ۔", "وهذا آخر الكلام۔", "ثم انتهى"],
    );
}

#[test]
fn r2_runs_of_terminators_are_one_end() {
    assert_split("هل انتهى الأمر؟! لا", &["هل انتهى الأمر؟!", "لا"]);
    assert_split(
        "رائع!! ثم ماذا؟؟ لا شيء?!",
        &["رائع!!", "ثم ماذا؟؟", "لا شيء?!"],
    );
}

#[test]
fn r2_colon_and_commas_never_end_a_sentence() {
    let one = "الخرطوم، السودان؛ وكالات: أعلن الجيش, مساء الأحد; سيطرته على مواقع - جديدة – وأكثر";
    assert_split(one, &[one]);
}

// ---------------------------------------------------------------- R3 closers, R4 starts

#[test]
fn r3_closing_marks_stay_with_their_sentence() {
    assert_split(
        "وقال: \"لن نتراجع.\" وأضاف أمرا",
        &["وقال: \"لن نتراجع.\"", "وأضاف أمرا"],
    );
    assert_split(
        "وقال: \"والجيش الروسي\". وأضاف",
        &["وقال: \"والجيش الروسي\".", "وأضاف"],
    );
    assert_split("قال: «إلى متى؟» ثم صمت", &["قال: «إلى متى؟»", "ثم صمت"]);
    assert_split("قال: “كفى!” ثم خرج", &["قال: “كفى!”", "ثم خرج"]);
    assert_split("قال: ”كفى!“ ثم خرج", &["قال: ”كفى!“", "ثم خرج"]);
    assert_split("(وهذا مهم.) ثم تابع", &["(وهذا مهم.)", "ثم تابع"]);
}

#[test]
fn r3_an_attribution_after_a_closed_quote_is_the_same_sentence() {
    assert_split(
        "سألها متابع: “هل تعودين إلى المسرح؟” قالت سلمى: “ربما”. ثم ضحكت.",
        &[
            "سألها متابع: “هل تعودين إلى المسرح؟” قالت سلمى: “ربما”.",
            "ثم ضحكت.",
        ],
    );
    // With `و` the next sentence starts.
    assert_split(
        "قال: “إلى متى؟” وقالت الوزيرة إنها ستتابع",
        &["قال: “إلى متى؟”", "وقالت الوزيرة إنها ستتابع"],
    );
    // An elision mark in brackets, also with a space inside them, ends nothing.
    assert_split(
        "ارتفع الدين في العام المنصرم ( ..) وبالرغم من ذلك صمد القطاع.",
        &["ارتفع الدين في العام المنصرم ( ..) وبالرغم من ذلك صمد القطاع."],
    );
}

#[test]
fn r3_space_padded_closing_quote_stays_left() {
    assert_split(
        "قال: \" لن نتراجع. \" وأضاف أمرا",
        &["قال: \" لن نتراجع. \"", "وأضاف أمرا"],
    );
}

#[test]
fn r4_next_sentence_starts_at_next_non_space() {
    let text = "أولا.   \t ثانيا.";
    let a = analyze(text, &opts(ParagraphMode::Blank));
    let s = &a.paragraphs[0].sentences;
    assert_eq!(s.len(), 2);
    assert_eq!(s[1].start, text.find("ثانيا").unwrap());
    assert_eq!(s[0].end, text.find(".").unwrap() + 1);
}

// ---------------------------------------------------------------- R5 missing space

#[test]
fn r5_missing_space_after_full_stop_is_a_boundary() {
    assert_split("في العاصمة.وأضاف أن", &["في العاصمة.", "وأضاف أن"]);
    // The space typed before the stop instead of after it.
    assert_split(
        "سوى انقاذ البلاد، .ودعا رئيس الحكومة",
        &["سوى انقاذ البلاد، .", "ودعا رئيس الحكومة"],
    );
    assert_split(
        "\"الوضع مستقر\".وأضاف أن",
        &["\"الوضع مستقر\".", "وأضاف أن"],
    );
    assert_split(
        "\"الوضع مستقر.\"وأضاف أن",
        &["\"الوضع مستقر.\"", "وأضاف أن"],
    );
    assert_split("انتهى الاجتماع؟وقال آخر", &["انتهى الاجتماع؟", "وقال آخر"]);
}

#[test]
fn r5_no_boundary_inside_dotted_abbreviations_domains_or_numbers() {
    for one in [
        "وأوضح أ.د محمد",
        "شركة ج.م.ع للنقل",
        "موقع aljazeera.net الإخباري",
        "بلغ 3.5 في المئة",
        "كتب ab.cd مرة",
    ] {
        assert_split(one, &[one]);
    }
}

// ---------------------------------------------------------------- R6 numbers, dates, times

#[test]
fn r6_decimals_dates_and_times_are_not_boundaries() {
    for one in [
        "ارتفع المؤشر 3.5 في المئة يوم 24.6.2025 عند الساعة 10.30 صباحا",
        "بلغ العدد 1.000.000 نسمة في 2022/4/26 وبنسبة 12,5 في المئة",
        "بلغت النسبة ٩٨٫٥ في المئة عند 11:45 مساء",
    ] {
        assert_split(one, &[one]);
    }
}

#[test]
fn r6_era_letters_attached_to_digits_end_a_sentence() {
    assert_split(
        "بدأت الحرب عام 2023م. وما زالت",
        &["بدأت الحرب عام 2023م.", "وما زالت"],
    );
    assert_split("قطع مسافة 30كم. ثم توقف", &["قطع مسافة 30كم.", "ثم توقف"]);
    assert_split(
        "وانتهى ذلك عام 2025. وبعدها",
        &["وانتهى ذلك عام 2025.", "وبعدها"],
    );
}

#[test]
fn r6_era_or_time_letter_after_a_number_ends_a_sentence() {
    assert_split(
        "ولد عام 1950 م. ودرس في القاهرة",
        &["ولد عام 1950 م.", "ودرس في القاهرة"],
    );
    assert_split(
        "توفي سنة 1420 هـ. ودفن في مكة",
        &["توفي سنة 1420 هـ.", "ودفن في مكة"],
    );
    assert_split("وصل عند 10:30 ص. ثم غادر", &["وصل عند 10:30 ص.", "ثم غادر"]);
    // A title letter after a word is still an abbreviation.
    let one = "وقال المهندس م. أحمد";
    assert_split(one, &[one]);
}

#[test]
fn r6_line_initial_list_number_is_not_a_boundary() {
    assert_split("1. زيادة الرواتب", &["1. زيادة الرواتب"]);
    assert_split("١. زيادة الرواتب", &["١. زيادة الرواتب"]);
}

// ---------------------------------------------------------------- R7 abbreviations

#[test]
fn r7_arabic_single_letter_titles() {
    for one in [
        "وقال د. أحمد زكي إن الوضع مستقر",
        "وقال المهندس م. أحمد",
        "وأوضح أ. محمود السيد",
        "ونقل ع. الخطيب الرسالة",
    ] {
        assert_split(one, &[one]);
    }
}

#[test]
fn r7_dotted_chains() {
    for one in [
        "وأوضح أ.د. محمد علي",
        "وأوضح ا.د. محمد علي",
        "وعنوانه ص.ب. 1234 عمان",
        "وعنوانه ص.ب 1234 عمان",
        "شركة ج.م.ع. في القاهرة",
        "عام 300 ق.م. أسس الملك",
        "in the U.S. Department of State",
    ] {
        assert_split(one, &[one]);
    }
}

#[test]
fn r7_latin_titles() {
    for one in [
        "التقى Dr. John Miller أمس",
        "التقى Prof. Smith و Mr. Brown",
        "apples vs. oranges etc. and more",
    ] {
        assert_split(one, &[one]);
    }
}

#[test]
fn r7_etc_ends_a_sentence_unless_inside_brackets_or_a_clause() {
    assert_split(
        "الطرق والجسور إلخ. وبعدها",
        &["الطرق والجسور إلخ.", "وبعدها"],
    );
    let one = "الطرق (والجسور إلخ.) وبعدها";
    assert_split(one, &[one]);
    let one = "الطرق والجسور إلخ.، وبعدها";
    assert_split(one, &[one]);
}

// ---------------------------------------------------------------- R8 ellipses

#[test]
fn r8_every_ellipsis_form_is_not_a_boundary() {
    for one in [
        "لافروف ينقل رسالة من بوتين إلى كيم جونغ أون.. ماذا جاء فيها",
        "انتظر الجميع... ثم جاء الخبر",
        "انتظر الجميع.... ثم جاء الخبر",
        "وكان صادما… لم يتوقعه أحد",
        "يا للمفاجأة!.. وكان في استقبالها حشد",
        "أين هم؟.. لا أحد يعرف",
        "المصالح المشتركة..وذلك في إطار",
        "فيلم \"روسيا.. الكرملين.. بوتين.. 25 عاما\" الجديد",
    ] {
        assert_split(one, &[one]);
    }
}

#[test]
fn r8_ellipsis_before_a_quote_glued_to_its_word_is_not_a_boundary() {
    // The mark after the ellipsis opens the quote (`«المالية»`), it closes nothing.
    let one = "بالفيديو..«المالية»: لا توجد مطالب لإلغاء الدعم";
    assert_split(one, &[one]);
    // After a stop, a mark glued to the next word still closes its quote.
    assert_split(
        "وقال إن \"الخبر عار عن الصحة تماما.\"وأضاف أن الأمر انتهى",
        &[
            "وقال إن \"الخبر عار عن الصحة تماما.\"",
            "وأضاف أن الأمر انتهى",
        ],
    );
}

#[test]
fn dates_with_spaced_stops_and_space_padded_brackets() {
    // `29 . 10 . 2017`: a date written with spaced stops.
    let one = "السيمر / الاحد 29 . 10 . 2017 — كشف محافظ كركوك عن خطة جديدة";
    assert_split(one, &[one]);
    // A closing bracket after a space stays with the sentence it closes.
    assert_split(
        "[امرأة تطالب القوات بالخروج من المدينة. ] وقال الشهود إن الوضع هادئ.",
        &[
            "[امرأة تطالب القوات بالخروج من المدينة. ]",
            "وقال الشهود إن الوضع هادئ.",
        ],
    );
}

#[test]
fn initialisms_placeholders_and_as_she_put_it() {
    // `يو.بي.أي`: an agency's initials spelled in Arabic letters.
    let one = "القاهرة ـ يو.بي.أي ـ أعلنت الحكومة خطة جديدة";
    assert_split(one, &[one]);
    // A missing space before a bracketed placeholder still ends the sentence.
    assert_split(
        "زرع الأفكار المتشددة في عقول أطفالهن.[ads3] وقالت الوزيرة إن الخطة جاهزة.",
        &[
            "زرع الأفكار المتشددة في عقول أطفالهن.",
            "[ads3] وقالت الوزيرة إن الخطة جاهزة.",
        ],
    );
    // `على حد تعبيرها` ("as she put it") after a closed quote goes on with its sentence.
    let one = "وصفت الحملة بأنها \"تشجيع على خرق القانون..\" على حد تعبيرها.";
    assert_split(one, &[one]);
}

#[test]
fn r8_ellipsis_then_closer_then_space_is_a_boundary() {
    assert_split("قال: \"سنرى...\" ثم غادر", &["قال: \"سنرى...\"", "ثم غادر"]);
}

#[test]
fn r8_question_after_ellipsis_still_ends() {
    assert_split("وماذا بعد...؟ لا شيء", &["وماذا بعد...؟", "لا شيء"]);
}

// ---------------------------------------------------------------- R9 quotes

#[test]
fn r9_sentences_inside_a_multi_sentence_quote_are_split() {
    assert_split(
        "قال: \"هذا غير مقبول. نحن نرفض ذلك.\" ثم غادر.",
        &["قال: \"هذا غير مقبول.", "نحن نرفض ذلك.\"", "ثم غادر."],
    );
    assert_split(
        "وأضاف «لماذا نتبع القواعد؟ حسنا، سنعيش وفقا لقواعدنا». ثم صمت",
        &[
            "وأضاف «لماذا نتبع القواعد؟",
            "حسنا، سنعيش وفقا لقواعدنا».",
            "ثم صمت",
        ],
    );
}

#[test]
fn r9_question_inside_a_quoted_title_does_not_end_the_sentence() {
    for one in [
        "وظهر في برنامج \"من سيربح المليون؟\" الذي يبث مساء الجمعة",
        "صدر كتاب «لماذا تفشل الأمم؟» للمرة الثالثة",
        "ضمن حملة \"لا للعنف!\" التي أطلقتها الوزارة",
    ] {
        assert_split(one, &[one]);
    }
    // Speech after a title is still split.
    assert_split(
        "وقال في برنامج \"الحدث\": \"هل نحن مستعدون؟\" ثم صمت",
        &["وقال في برنامج \"الحدث\": \"هل نحن مستعدون؟\"", "ثم صمت"],
    );
}

#[test]
fn r9_colon_before_quote_is_not_a_boundary() {
    let one = "وقال كيم، خلال لقائه مع لافروف: إن \"زيارتكم مهمة\"";
    assert_split(one, &[one]);
}

// ---------------------------------------------------------------- R10 paragraph end

#[test]
fn r10_paragraph_end_is_a_boundary_without_punctuation() {
    let a = analyze(
        "رئيس الدولة والرئيس التركي يبحثان هاتفياً علاقات التعاون\nوبحث الجانبان القضايا",
        &opts(ParagraphMode::Lines),
    );
    assert_eq!(a.paragraphs.len(), 2);
    assert_eq!(a.paragraphs[0].sentences.len(), 1);
}

// ---------------------------------------------------------------- R11 bullets

#[test]
fn r11_bullets_start_segments_in_a_wrapped_paragraph() {
    let text = "وتضمنت القرارات ما يلي:\n- رفع الأجور\n• خفض الضرائب\n* دعم الشباب\n1- توسيع المدارس\n٢) بناء المستشفيات\n(3) تطوير الطرق";
    assert_eq!(
        sentences(text),
        [
            "وتضمنت القرارات ما يلي:",
            "- رفع الأجور",
            "• خفض الضرائب",
            "* دعم الشباب",
            "1- توسيع المدارس",
            "٢) بناء المستشفيات",
            "(3) تطوير الطرق"
        ]
    );
}

#[test]
fn r11_inline_numbered_list_splits_before_each_number() {
    assert_split(
        "1. زيادة الرواتب 2. خفض الأسعار 3. دعم الصادرات",
        &["1. زيادة الرواتب", "2. خفض الأسعار", "3. دعم الصادرات"],
    );
}

#[test]
fn r11_inline_dash_and_line_initial_negative_number_are_not_bullets() {
    let one = "مدينة وونسان - كالما السياحية";
    assert_split(one, &[one]);
    assert_split("بلغت الحرارة\n-5 درجات", &["بلغت الحرارة\n-5 درجات"]);
}

// ---------------------------------------------------------------- R12 sub-splitting

/// Analyse one paragraph with a small length limit; return the single sentence.
fn long_sentence(text: &str, max: usize) -> tarjama::text::Sentence {
    let a = analyze(
        text,
        &Options {
            paragraphs: ParagraphMode::Blank,
            max_sentence_chars: max,
            ..Options::default()
        },
    );
    assert_eq!(a.paragraphs[0].sentences.len(), 1, "stays one sentence");
    a.paragraphs[0].sentences[0].clone()
}

fn part_texts<'a>(text: &'a str, s: &tarjama::text::Sentence) -> Vec<&'a str> {
    s.parts.iter().map(|&(a, b)| &text[a..b]).collect()
}

/// Parts are in order, trimmed, within the sentence, and cover it except whitespace.
fn assert_parts_cover(text: &str, s: &tarjama::text::Sentence) {
    assert_eq!(s.parts.first().unwrap().0, s.start);
    assert_eq!(s.parts.last().unwrap().1, s.end);
    for w in s.parts.windows(2) {
        assert!(w[0].1 <= w[1].0);
        assert!(text[w[0].1..w[1].0].trim().is_empty());
    }
}

#[test]
fn r12_short_sentence_has_no_parts() {
    let s = long_sentence("جملة قصيرة.", 600);
    assert!(s.parts.is_empty());
}

#[test]
fn r12_prefers_ellipsis_then_semicolon_then_colon_then_comma_wa() {
    let text = "بدأ الاجتماع صباحا، ثم توقف قليلا؛ وعاد الوفد إلى القاعة.. وناقش الملفات كلها";
    let s = long_sentence(text, 60);
    assert_eq!(
        part_texts(text, &s),
        [
            "بدأ الاجتماع صباحا، ثم توقف قليلا؛ وعاد الوفد إلى القاعة..",
            "وناقش الملفات كلها"
        ]
    );
    let text = "بدأ الاجتماع صباحا، ثم توقف قليلا؛ وعاد الوفد إلى القاعة وناقش الملفات كلها";
    let s = long_sentence(text, 60);
    assert_eq!(
        part_texts(text, &s),
        [
            "بدأ الاجتماع صباحا، ثم توقف قليلا؛",
            "وعاد الوفد إلى القاعة وناقش الملفات كلها"
        ]
    );
    let text = "أعلنت الحكومة القرارات التالية: رفع الأجور، وخفض الضرائب على الشركات الصغيرة";
    let s = long_sentence(text, 60);
    assert_eq!(
        part_texts(text, &s),
        [
            "أعلنت الحكومة القرارات التالية:",
            "رفع الأجور، وخفض الضرائب على الشركات الصغيرة"
        ]
    );
}

#[test]
fn r12_colon_before_a_quote_is_not_a_split_point() {
    let text = "وقال وزير الخارجية في المؤتمر الصحفي: \"سنواصل العمل، ونحن مستعدون للحوار\"";
    let s = long_sentence(text, 60);
    assert_eq!(
        part_texts(text, &s),
        [
            "وقال وزير الخارجية في المؤتمر الصحفي: \"سنواصل العمل،",
            "ونحن مستعدون للحوار\""
        ]
    );
}

#[test]
fn r12_falls_back_to_spaces_and_never_truncates() {
    let words: Vec<String> = (0..120).map(|i| format!("كلمة{i}")).collect();
    let text = words.join(" ");
    let s = long_sentence(&text, 50);
    assert!(s.parts.len() > 10);
    assert_parts_cover(&text, &s);
    for p in part_texts(&text, &s) {
        assert!(p.chars().count() <= 50, "part too long: {p}");
    }
    let rejoined: Vec<&str> = part_texts(&text, &s)
        .iter()
        .flat_map(|p| p.split_whitespace())
        .collect();
    assert_eq!(rejoined, text.split_whitespace().collect::<Vec<_>>());
}

#[test]
fn r12_a_word_longer_than_the_limit_is_cut_but_kept() {
    let text = "ب".repeat(25);
    let s = long_sentence(&text, 10);
    assert_parts_cover(&text, &s);
    assert_eq!(part_texts(&text, &s).concat(), text);
}

// ---------------------------------------------------------------- paragraph modes

const SCRAPED: &str =
    "عنوان الخبر الرئيسي\nوقال الوزير إن الوضع مستقر.\nوأضاف أن الحكومة ستعمل.\n\nالتعليقات\n";

const WRAPPED: &str = "وقال وزير الخارجية في مؤتمر صحفي عقده في العاصمة مساء\nالخميس إن بلاده لن تقبل بأي تسوية تنتقص من حقوق شعبها\nوإنها منفتحة على الحوار مع جميع الأطراف المعنية بالأزمة\nالحالية.\n\nوأضاف أن الوفد سيعود إلى العاصمة مساء الخميس المقبل.";

fn para_texts(a: &Analysis) -> Vec<&str> {
    a.paragraphs.iter().map(|p| p.text.as_str()).collect()
}

#[test]
fn paragraphs_lines_mode_every_line_is_a_paragraph() {
    let a = analyze(WRAPPED, &opts(ParagraphMode::Lines));
    assert_eq!(a.paragraphs.len(), 5);
    let a = analyze(SCRAPED, &opts(ParagraphMode::Lines));
    assert_eq!(
        para_texts(&a),
        [
            "عنوان الخبر الرئيسي",
            "وقال الوزير إن الوضع مستقر.",
            "وأضاف أن الحكومة ستعمل.",
            "التعليقات"
        ]
    );
}

#[test]
fn paragraphs_blank_mode_only_blank_lines_end_paragraphs() {
    let a = analyze(WRAPPED, &opts(ParagraphMode::Blank));
    assert_eq!(a.paragraphs.len(), 2);
    assert_eq!(
        a.paragraphs[0].sentences.len(),
        1,
        "soft wraps do not end sentences"
    );
    assert!(a.paragraphs[0].text.ends_with("الحالية."));
    // The unpunctuated headline line is read as a soft wrap into the next sentence.
    let a = analyze(SCRAPED, &opts(ParagraphMode::Blank));
    assert_eq!(a.paragraphs.len(), 2);
    let s: Vec<&str> = a.paragraphs[0]
        .sentences
        .iter()
        .map(|s| s.text.as_str())
        .collect();
    assert_eq!(
        s,
        [
            "عنوان الخبر الرئيسي\nوقال الوزير إن الوضع مستقر.",
            "وأضاف أن الحكومة ستعمل."
        ]
    );
}

#[test]
fn paragraphs_auto_mode_decides_per_block() {
    let a = analyze(WRAPPED, &Options::default());
    assert_eq!(a.paragraphs.len(), 2, "hard-wrapped block joined");
    let a = analyze(SCRAPED, &Options::default());
    assert_eq!(a.paragraphs.len(), 4, "scraped lines kept apart");
    let both = format!("{SCRAPED}\n{WRAPPED}");
    let a = analyze(&both, &Options::default());
    assert_eq!(a.paragraphs.len(), 6);
}

#[test]
fn paragraphs_auto_mode_short_sentence_end_line_closes_a_wrapped_paragraph() {
    let text = "وقال وزير الخارجية في مؤتمر صحفي عقده في العاصمة مساء\nالخميس إن بلاده لن تقبل بأي تسوية تنتقص من حقوق شعبها\nوإنها منفتحة على الحوار.\nوأضاف أن الوفد سيعود إلى العاصمة مساء الخميس لاستكمال\nالمباحثات مع الجانب الآخر في أقرب وقت ممكن حسب قوله.";
    let a = analyze(text, &Options::default());
    assert_eq!(a.paragraphs.len(), 2);
    assert!(a.paragraphs[0].text.ends_with("الحوار."));
}

#[test]
fn paragraphs_crlf_and_unicode_separators() {
    let text = "سطر أول.\r\nسطر ثان.\r\n\r\nفقرة\u{2029}أخرى";
    let a = analyze(text, &opts(ParagraphMode::Blank));
    assert_eq!(para_texts(&a), ["سطر أول.\r\nسطر ثان.", "فقرة", "أخرى"]);
}

// ---------------------------------------------------------------- boilerplate

fn flags(text: &str) -> Vec<(String, bool)> {
    analyze(text, &opts(ParagraphMode::Lines))
        .paragraphs
        .into_iter()
        .map(|p| (p.text, p.boilerplate))
        .collect()
}

fn assert_flagged(lines: &[&str], expected: bool) {
    for line in lines {
        let text = format!("وقال الوزير إن الحكومة ستواصل العمل على تنفيذ الخطة.\n{line}");
        let f = flags(&text);
        assert!(!f[0].1, "article line flagged before {line:?}");
        assert_eq!(f[1].1, expected, "line {line:?}");
    }
}

#[test]
fn boilerplate_timestamps() {
    assert_flagged(
        &[
            "منذ 6 دقائق",
            "منذ 17 دقائق",
            "منذ ساعة واحدة",
            "منذ يومين",
            "منذ ٣ ساعات",
            "آخر تحديث: 2025-06-14 10:15",
            "2025-06-14 10:15",
            "الجمعة 11 يوليو 2025",
            "Feb 23 25|19:51PM",
        ],
        true,
    );
}

#[test]
fn boilerplate_comment_widgets_share_lines_and_tags() {
    assert_flagged(
        &[
            "التعليقات",
            "لا يوجد تعليقات بعد...",
            "لا توجد تعليقات",
            "اترك تعليقاً",
            "التعليقات مغلقة لهذا المقال",
            "شارك",
            "مشاركة :",
            "شارك على فيسبوك",
            "هاشتاغز",
            "وسوم: روسيا، كوريا الشمالية",
            "#روسيا #كوريا_الشمالية",
            "زر الذهاب إلى الأعلى",
            "جميع الحقوق محفوظة 2024",
        ],
        true,
    );
}

#[test]
fn boilerplate_ui_and_non_arabic_lines() {
    assert_flagged(
        &[
            "جرب ميزات الذكاء الاصطناعي لدينا",
            "اكتشف ما يمكن أن يفعله Daily8 AI من أجلك:",
            "ليصلك المزيد من الأخبار اشترك بقناتنا على التليغرام",
            "You might also like these stories",
            "Discussion about this post",
        ],
        true,
    );
}

#[test]
fn boilerplate_related_block_flags_its_teasers() {
    let text = "وقال الوزير إن الوضع مستقر.\nأخبار ذات صلة\nالإمارات اليوم\nمنذ 6 دقائق\n- الإمارات اليوم\nرئيس الدولة والرئيس التركي يبحثان هاتفياً علاقات التعاون\nبحث صاحب السمو الشيخ محمد بن زايد آل نهيان التعاون. وشدد الجانبان على أهمية الحوار.";
    let f = flags(text);
    assert_eq!(f.len(), 7);
    assert!(!f[0].1);
    assert!(f[1..].iter().all(|(_, b)| *b), "{f:?}");
}

#[test]
fn boilerplate_outlet_lines_around_a_timestamp() {
    let text = "وقال الوزير إن الوضع مستقر.\nسكاي نيوز عربية\nمنذ ساعة واحدة\n- سكاي نيوز عربية\nبوتين: الغرب أراد تحقيق مزايا جيوسياسية على حساب روسيا";
    let f = flags(text);
    let got: Vec<bool> = f.iter().map(|(_, b)| *b).collect();
    assert_eq!(got, [false, true, true, true, false]);
}

#[test]
fn boilerplate_read_also_flags_one_teaser() {
    let text = "وقال الوزير إن الوضع مستقر.\nاقرأ أيضا\nالحكومة تعلن خطة طوارئ جديدة\nوأضاف الوزير أن العمل مستمر.";
    let got: Vec<bool> = flags(text).iter().map(|(_, b)| *b).collect();
    assert_eq!(got, [false, true, true, false]);
}

#[test]
fn boilerplate_article_text_is_not_flagged() {
    assert_flagged(
        &[
            "بوتين: الغرب أراد تحقيق مزايا جيوسياسية على حساب روسيا",
            "لافروف ينقل رسالة من بوتين إلى كيم جونغ أون.. ماذا جاء فيها؟",
            "اكتشف العلماء نوعا جديدا من الأسماك في البحر الأحمر.",
            "وقالت شركة Apple إن أرباحها ارتفعت.",
            "تركيا والولايات المتحدة",
            "- رفع الحد الأدنى للأجور بنسبة 10 في المئة.",
        ],
        false,
    );
}

// ---------------------------------------------------------------- hygiene

#[test]
fn hygiene_removes_controls_tatweel_and_decodes_entities() {
    let original =
        "\u{FEFF}قال\u{200F} الـــرئيس&nbsp;&quot;نعم&quot;\u{0007} &#1604;&#x627;\u{200B}";
    let c = Cleaned::new(original);
    assert_eq!(c.text, "قال الرئيس \"نعم\" لا");
}

#[test]
fn hygiene_nfc_and_presentation_forms_only() {
    // alef + combining hamza above composes to أ; presentation forms become letters.
    let c = Cleaned::new("ا\u{0654}حمد ﻻ ﷲ ﺍﻟﻌﺮﺑﻴﺔ");
    assert_eq!(c.text, "أحمد لا الله العربية");
    // No global NFKC: the ellipsis, superscripts, fractions, the rial sign and ornate
    // parentheses stay.
    let c = Cleaned::new("… ² ¼ ﷼ ﴾ﷺ﴿");
    assert_eq!(c.text, "… ² ¼ ﷼ ﴾صلى الله عليه وسلم﴿");
}

#[test]
fn hygiene_spans_map_back_to_exact_original_bytes() {
    let original = "وقال الرئيس\u{200F} د\u{202A}.\u{202C} أحمد&nbsp;إن الـوضع ﻣﺴﺘﻘﺮ. وأضاف";
    let c = Cleaned::new(original);
    assert_eq!(c.text, "وقال الرئيس د. أحمد إن الوضع مستقر. وأضاف");
    let find = |s: &str| {
        let at = c.text.find(s).unwrap();
        let (a, b) = c.to_original(at, at + s.len());
        &original[a..b]
    };
    assert_eq!(find("د."), "د\u{202A}.");
    assert_eq!(find("أحمد إن"), "أحمد&nbsp;إن");
    assert_eq!(find("الوضع"), "الـوضع");
    assert_eq!(find("مستقر."), "ﻣﺴﺘﻘﺮ.");
    // Through the whole analysis: the bidi-wrapped dot after a single letter is no boundary,
    // and the sentences quote the original bytes.
    let a = analyze(original, &Options::default());
    let s: Vec<&str> = a.paragraphs[0]
        .sentences
        .iter()
        .map(|s| s.text.as_str())
        .collect();
    assert_eq!(
        s,
        [
            "وقال الرئيس\u{200F} د\u{202A}.\u{202C} أحمد&nbsp;إن الـوضع ﻣﺴﺘﻘﺮ.",
            "وأضاف"
        ]
    );
    for s in &a.paragraphs[0].sentences {
        assert_eq!(&original[s.start..s.end], s.text);
    }
}

#[test]
fn hygiene_bidi_controls_around_the_full_stop_do_not_hide_a_boundary() {
    let original = "وقال الرئيس \u{202A}.\u{202C} ثم غادر";
    let a = analyze(original, &Options::default());
    let s: Vec<&str> = a.paragraphs[0]
        .sentences
        .iter()
        .map(|s| s.text.as_str())
        .collect();
    assert_eq!(s, ["وقال الرئيس \u{202A}.", "ثم غادر"]);
}

#[test]
fn mt_input_is_clean_with_straight_quotes() {
    assert_eq!(
        mt_input("  وقال\u{200F}: «لن نتراجع» و“نعم” و”لا“ والـــحوار…\n مستمر &amp; ‘هنا’ "),
        "وقال: \"لن نتراجع\" و\"نعم\" و\"لا\" والحوار... مستمر & \"هنا\""
    );
}

// ---------------------------------------------------------------- contract and views

#[test]
fn json_contract_shape() {
    let a = analyze(
        "عنوان\nوقال الوزير: \"نعم\". وأضاف أمرا.",
        &Options::default(),
    );
    let v = serde_json::to_value(&a).unwrap();
    let p = &v["paragraphs"][1];
    for key in ["index", "text", "start", "end", "boilerplate", "sentences"] {
        assert!(p.get(key).is_some(), "paragraph key {key}");
    }
    let s = &p["sentences"][1];
    for key in ["index", "text", "start", "end"] {
        assert!(s.get(key).is_some(), "sentence key {key}");
    }
    assert!(s.get("parts").is_none(), "parts omitted when empty");
    assert_eq!(s["text"], "وأضاف أمرا.");
    let q = &v["quotes"][0];
    for key in [
        "index",
        "text",
        "speech",
        "kind",
        "speaker",
        "cue",
        "confidence",
        "paragraph",
        "paragraph_end",
        "sentences",
        "start",
        "end",
        "flags",
    ] {
        assert!(q.get(key).is_some(), "quote key {key}");
    }
    assert_eq!(q["text"], "نعم");
    let back: Analysis = serde_json::from_value(v).unwrap();
    assert_eq!(back, a);
}

#[test]
fn text_view_lists_sentences_and_marks_boilerplate() {
    let a = analyze(
        "وقال الوزير: نعم. وأضاف أمرا.\nالتعليقات",
        &Options::default(),
    );
    assert_eq!(
        segment_text(&a),
        "¶0\n  0. وقال الوزير: نعم.\n  1. وأضاف أمرا.\n\n¶1 [boilerplate]\n  0. التعليقات\n"
    );
}

// ---------------------------------------------------------------- properties

/// Characters that stress the analysis: Arabic letters and marks, every terminator and closer,
/// controls, bidi and zero-width characters, presentation forms, entities' pieces, digits,
/// Latin, bullets and all kinds of whitespace.
fn tricky_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => prop::sample::select(vec![
            'ا', 'ب', 'د', 'و', 'ق', 'ل', 'م', 'ص', 'ج', 'ع', 'أ', 'ة', 'ى', 'ي', 'ه', 'ف', 'ک', 'ی',
        ]),
        3 => prop::sample::select(vec![' ', ' ', '\n', '\n', '\t', '\r', '\u{00A0}', '\u{2029}', '\u{3000}']),
        3 => prop::sample::select(vec![
            '.', '.', '!', '?', '؟', '۔', '…', ':', '،', '؛', ',', '-', '•', '*', '(', ')',
            '"', '“', '”', '«', '»', '‘', '’', '\'', '﴾', '﴿', '&', '#', ';', 'x',
        ]),
        2 => prop::sample::select(vec![
            '\u{064B}', '\u{064E}', '\u{0651}', '\u{0654}', '\u{0670}', '\u{0301}', '\u{0640}',
            '\u{200B}', '\u{200C}', '\u{200F}', '\u{202A}', '\u{202C}', '\u{2066}', '\u{FEFF}',
            '\u{0000}', '\u{0007}', '\u{0085}', '\u{2028}', 'ﻻ', 'ﷲ', '﷼', 'ﺍ', 'ﷺ', '\u{FFFD}',
        ]),
        2 => prop::sample::select(vec!['0', '1', '2', '٣', '۴', 'a', 'D', 'r', 'U', 'S', 'é', '中', '😀']),
        1 => any::<char>(),
    ]
}

fn tricky_text() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::collection::vec(tricky_char(), 0..200).prop_map(|v| v.into_iter().collect()),
        prop::collection::vec(
            prop::sample::select(vec![
                "د. ",
                "أ.د. ",
                "..",
                "...",
                "&amp;",
                "&#1575;",
                "&nbsp;",
                "&#x202E;",
                "&#10;",
                "\n- ",
                "\n1. ",
                " 2. ",
                "\n\n",
                "وقال: \"",
                "\". ",
                "؟» ",
                "U.S. ",
                "3.5 ",
                "العاصمة.وأضاف ",
                "إلخ.) ",
                "ا\u{0651}\u{064E}",
                " \u{0651}\u{064E}",
            ])
            .prop_map(str::to_string)
            .boxed()
            .prop_union(tricky_char().prop_map(String::from).boxed()),
            0..80
        )
        .prop_map(|v| v.concat()),
    ]
}

/// Every invariant of the contract.
fn check_invariants(input: &str, a: &Analysis, max: usize) {
    let cleans_to_space = |s: &str| Cleaned::new(s).text.trim().is_empty();
    let mut prev_end = 0;
    for (i, p) in a.paragraphs.iter().enumerate() {
        assert_eq!(p.index, i);
        assert!(prev_end <= p.start && p.start < p.end && p.end <= input.len());
        assert!(input.is_char_boundary(p.start) && input.is_char_boundary(p.end));
        assert_eq!(p.text, &input[p.start..p.end]);
        assert_eq!(p.text.trim(), p.text);
        assert!(!p.sentences.is_empty());
        let mut cursor = p.start;
        for (j, s) in p.sentences.iter().enumerate() {
            assert_eq!(s.index, j);
            assert!(cursor <= s.start && s.start < s.end && s.end <= p.end);
            assert!(input.is_char_boundary(s.start) && input.is_char_boundary(s.end));
            assert!(
                cleans_to_space(&input[cursor..s.start]),
                "gap before sentence"
            );
            assert_eq!(s.text, &input[s.start..s.end]);
            assert_eq!(s.text.trim(), s.text);
            if !s.parts.is_empty() {
                assert_eq!(s.parts[0].0, s.start);
                assert_eq!(s.parts[s.parts.len() - 1].1, s.end);
                let mut pc = s.start;
                for &(a0, b0) in &s.parts {
                    assert!(pc <= a0 && a0 < b0 && b0 <= s.end);
                    assert!(input.is_char_boundary(a0) && input.is_char_boundary(b0));
                    assert!(cleans_to_space(&input[pc..a0]), "gap before part");
                    assert_eq!(input[a0..b0].trim(), &input[a0..b0]);
                    pc = b0;
                }
            }
            cursor = s.end;
        }
        assert!(
            cleans_to_space(&input[cursor..p.end]),
            "gap after last sentence"
        );
        prev_end = p.end;
    }
    let _ = max;
    // Nothing but whitespace and removed characters is left outside the paragraphs.
    let mut covered = 0;
    for p in &a.paragraphs {
        assert!(
            cleans_to_space(&input[covered..p.start]),
            "text outside paragraphs"
        );
        covered = p.end;
    }
    assert!(
        cleans_to_space(&input[covered..]),
        "text after the last paragraph"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    #[test]
    fn prop_analysis_invariants_hold(
        input in tricky_text(),
        mode in prop::sample::select(vec![ParagraphMode::Auto, ParagraphMode::Lines, ParagraphMode::Blank]),
        max in 1usize..40,
    ) {
        let options = Options { paragraphs: mode, max_sentence_chars: max, ..Options::default() };
        let a = analyze(&input, &options);
        check_invariants(&input, &a, max);
        let _ = segment_text(&a);
        let _ = mt_input(&input);
    }

    #[test]
    fn prop_arbitrary_unicode_never_panics(input in any::<String>(), max in 1usize..600) {
        let a = analyze(&input, &Options { paragraphs: ParagraphMode::Auto, max_sentence_chars: max, ..Options::default() });
        check_invariants(&input, &a, max);
    }

    #[test]
    fn prop_cleaned_spans_map_to_char_boundaries(input in tricky_text()) {
        let c = Cleaned::new(&input);
        let offsets: Vec<usize> = c.text.char_indices().map(|(i, _)| i).chain([c.text.len()]).collect();
        let mut last = (0, 0);
        for w in offsets.windows(2) {
            let (a, b) = c.to_original(w[0], w[1]);
            prop_assert!(a <= b && b <= input.len());
            prop_assert!(input.is_char_boundary(a) && input.is_char_boundary(b));
            prop_assert!(a >= last.0, "monotonic starts");
            last = (a, b);
        }
    }
}

#[test]
fn sample_page_invariants_and_sub_split() {
    for max in [600, 80, 7] {
        let options = Options {
            max_sentence_chars: max,
            ..Options::default()
        };
        let a = analyze(SAMPLE, &options);
        check_invariants(SAMPLE, &a, max);
    }
}

#[test]
fn large_input_is_handled_in_one_pass() {
    // Linear-time scan: a long document, a long paragraph without spaces and one with many
    // dots, each analysed without quadratic blow-up (checked by running, not by timing).
    let doc = SAMPLE.repeat(200);
    let a = analyze(&doc, &Options::default());
    assert_eq!(a.paragraphs.len(), 32 * 200);
    let dots = "أ.".repeat(50_000);
    let a = analyze(&dots, &Options::default());
    check_invariants(&dots, &a, 600);
    let word = "ب".repeat(200_000);
    let a = analyze(&word, &Options::default());
    assert_eq!(a.paragraphs[0].sentences[0].parts.len(), 334);
}

#[test]
fn elisions_commas_after_closers_domains_and_glued_brackets() {
    // An elision mark inside a quote is no boundary.
    assert_split(
        "قال: \"نأمل أن ننجح (..) أعلم أن المهمة صعبة\".",
        &["قال: \"نأمل أن ننجح (..) أعلم أن المهمة صعبة\"."],
    );
    // A question inside marks followed by a comma goes on.
    assert_split(
        "متسائلا ‘كيف نقبل بهذا؟’ ، وأعلن رفضه.",
        &["متسائلا ‘كيف نقبل بهذا؟’ ، وأعلن رفضه."],
    );
    // An Arabic domain name.
    assert_split(
        "نشر موقع “أخبار.نت” التقرير.",
        &["نشر موقع “أخبار.نت” التقرير."],
    );
    // A full stop glued to a bracketed credit line.
    assert_split(
        "وراء فوزنا بالنهائي.(دبي - الوكالة)",
        &["وراء فوزنا بالنهائي.", "(دبي - الوكالة)"],
    );
}

#[test]
fn initialisms_reporter_initials_padded_quotes_and_agency_end_marks() {
    // Latin letters spelled in Arabic and joined by dots are one word.
    assert_split(
        "أطلقوا قذيفة آر.بي.جي على القوة.",
        &["أطلقوا قذيفة آر.بي.جي على القوة."],
    );
    // … also after a joined `لـ` or `و` and a quote mark, inside a chain of three.
    assert_split(
        "باعت الشركة حصتها لإي.إن.إن الصينية وشركة و\"إم.بي.سي\" السعودية.",
        &["باعت الشركة حصتها لإي.إن.إن الصينية وشركة و\"إم.بي.سي\" السعودية."],
    );
    // A word ending like a letter's name before a glued stop still ends its sentence
    // (`ودي`, "friendly"; `بكل ود.`, "with affection").
    assert_split(
        "تم الاتفاق بشكل ودي.إن الخلاف انتهى.",
        &["تم الاتفاق بشكل ودي.", "إن الخلاف انتهى."],
    );
    assert_split(
        "استقبله الوزير بكل ود. وأكد الجانبان عمق العلاقات.",
        &["استقبله الوزير بكل ود.", "وأكد الجانبان عمق العلاقات."],
    );
    assert_split(
        "أفادت وكالة الأنباء السعودية واس.في حين أكدت مصادر أخرى الخبر.",
        &[
            "أفادت وكالة الأنباء السعودية واس.",
            "في حين أكدت مصادر أخرى الخبر.",
        ],
    );
    // A reporter's initial after the name, before a colon or at the line end.
    assert_split(
        "الجزائر-سارة.ب: قال الوزير إن الوضع مستقر.",
        &["الجزائر-سارة.ب: قال الوزير إن الوضع مستقر."],
    );
    // … but a real word after a glued full stop still starts a sentence.
    assert_split(
        "انتهى الاجتماع.وقال الوزير",
        &["انتهى الاجتماع.", "وقال الوزير"],
    );
    // A space-padded closing quote, then a glued full stop and the next sentence.
    assert_split(
        "وأضاف أن\" الفريق جاهز \".وأضاف رشيد أن المباراة صعبة.",
        &["وأضاف أن\" الفريق جاهز \".", "وأضاف رشيد أن المباراة صعبة."],
    );
    // A padded closing mark followed by a comma continues the sentence.
    assert_split(
        "«لا نفعل شيئًا، وما إلى ذلك. »، برر نفسه في مقابلة.",
        &["«لا نفعل شيئًا، وما إلى ذلك. »، برر نفسه في مقابلة."],
    );
    // A padded closing mark with a stop of its own stays with its sentence.
    assert_split(
        "“أنت في ورطة أكبر! “. بعد الجدل قال ذلك.",
        &["“أنت في ورطة أكبر! “.", "بعد الجدل قال ذلك."],
    );
    // A news agency's end mark glued to the last sentence.
    assert_split(
        "وقال: \"ليست لدينا مشاكل\"./انتهى",
        &["وقال: \"ليست لدينا مشاكل\".", "/انتهى"],
    );
}

/// The learned speaker pass runs in `analyze` and can be switched off: the rules' own
/// speakers and confidences are what the quote finder gives.
#[test]
fn the_speaker_reranker_is_on_by_default_and_can_be_switched_off() {
    let page = "قالت منظمة العفو الدولية إن \"المحاكمة جائرة\".\nوتقول المنظمة إن \"الصحفيين أبرياء\".\nوأضافت المنظمة أن \"الحكم باطل\".";
    let on = analyze(page, &Options::default());
    let off = analyze(
        page,
        &Options {
            rerank_speakers: false,
            ..Options::default()
        },
    );
    let paragraphs = &off.paragraphs;
    let rules = tarjama::text::quotes::find_quotes(page, paragraphs);
    assert_eq!(off.quotes, rules);
    // Three quotes of one body, each with its cue: the pass leaves their speakers as they
    // are; their confidences become its calibrated probabilities.
    let speakers = |a: &Analysis| -> Vec<Option<String>> {
        a.quotes.iter().map(|q| q.speaker.clone()).collect()
    };
    assert_eq!(speakers(&on), speakers(&off));
    assert!(on
        .quotes
        .iter()
        .all(|q| (0.0..=1.0).contains(&q.confidence)));
    assert_ne!(
        on.quotes.iter().map(|q| q.confidence).collect::<Vec<_>>(),
        off.quotes.iter().map(|q| q.confidence).collect::<Vec<_>>()
    );
}

/// `tarjama segment` on the sample gives the speakers annotated for it: the learned speaker
/// pass leaves the rules' speakers of the sample page as they are (it once gave the quote in
/// `تقارير عن "انكماش الدعم …"`, nobody's, to Lavrov).
#[test]
fn the_learned_speaker_pass_keeps_the_sample_pages_speakers() {
    let speakers = |rerank_speakers: bool| -> Vec<Option<String>> {
        let options = Options {
            rerank_speakers,
            ..Options::default()
        };
        analyze(SAMPLE, &options)
            .quotes
            .into_iter()
            .map(|q| q.speaker)
            .collect()
    };
    assert_eq!(speakers(true), speakers(false));
}

/// An anonymous source between a named speaker's quotes stays anonymous after the learned pass.
#[test]
fn the_learned_speaker_pass_keeps_an_anonymous_source_anonymous() {
    let page = "قال وزير الخارجية الروسي سيرغي لافروف إن \"الوضع صعب\".\nوأضاف لافروف أن \"الحل سياسي\".\nوقال مسؤول إسرائيلي: \"لن نوافق\".\nوتابع لافروف: \"سنواصل\".\nوختم لافروف بالقول: \"الحوار مفتوح\".";
    let a = analyze(page, &Options::default());
    let q = a
        .quotes
        .iter()
        .find(|q| q.text == "لن نوافق")
        .expect("quote");
    assert!(q.speech);
    assert_eq!(q.speaker, None);
    let q = a.quotes.iter().find(|q| q.text == "سنواصل").expect("quote");
    assert_eq!(q.speaker.as_deref(), Some("سيرغي لافروف"));
}

#[test]
fn a_stop_between_tatweels_inside_a_word_is_no_boundary() {
    // `حـ.ـشود`: a word broken by a stop to slip past content filters is one word, in the
    // analysis and in the model's input; the outputs quote it as written.
    let one = "وأكد أن قوات النظام سحبت عناصـ.ـرها من عدة محاور إلى الجـ.ـبهة.";
    assert_split(
        &format!("{one} وقال القائد إن الوضع مستقر."),
        &[one, "وقال القائد إن الوضع مستقر."],
    );
    assert_eq!(mt_input("عناصـ.ـرها"), "عناصرها");
    // A stop with tatweel on one side only is still a stop.
    assert_eq!(mt_input("الجبهـ. وقال"), "الجبه. وقال");
}

#[test]
fn dotted_dates_quoted_initials_and_stray_marks_are_no_sentences() {
    // A date written with a stop and a space after each part.
    assert_split(
        "نشر في 08. 03. 2023 على الموقع.",
        &["نشر في 08. 03. 2023 على الموقع."],
    );
    // (A stop after a number before another number is a boundary otherwise.)
    assert_split(
        "وصل الوفد في الساعة 3. 5 لاعبين غابوا عن التدريب.",
        &["وصل الوفد في الساعة 3.", "5 لاعبين غابوا عن التدريب."],
    );
    // A name's initial after a space, closing its quote.
    assert_split(
        "رحب محامو المدعية “لورا. ب” بالقرار. وقال المحامي إن القرار عادل.",
        &[
            "رحب محامو المدعية “لورا. ب” بالقرار.",
            "وقال المحامي إن القرار عادل.",
        ],
    );
    // (Initials signing off after a sentence start one of their own.)
    assert_split(
        "وصلت البعثة إلى مكة. ح.ع.ح (د.ب.أ)",
        &["وصلت البعثة إلى مكة.", "ح.ع.ح (د.ب.أ)"],
    );
    // A dash left after the last sentence is no sentence of its own.
    assert_split(
        "رسائل بين واشنطن وطهران! -",
        &["رسائل بين واشنطن وطهران! -"],
    );
}
