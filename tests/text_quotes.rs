//! Quoted speech and speakers: targeted cases for every quote pattern and cue, evaluation
//! against the hand annotations in `tests/annotations/`, and property tests.

use proptest::prelude::*;
use serde::Deserialize;
use tarjama::text::quotes::find_quotes;
use tarjama::text::{analyze, Options, Paragraph, ParagraphMode, Quote, Sentence};

// ---------------------------------------------------------------------------------------------
// A tiny test-only segmenter: one paragraph per non-blank line, sentences at `. ! ? ؟` runs
// (not at `..` ellipses) followed by any closing marks and then a space or the line end.
// ---------------------------------------------------------------------------------------------

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '«' | '»' | '‘' | '’' | ')' | ']')
}

fn trimmed(input: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let s = &input[start..end];
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    (!t.is_empty()).then(|| (start + lead, start + lead + t.len()))
}

fn sentences(input: &str, start: usize, end: usize) -> Vec<Sentence> {
    let text = &input[start..end];
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut from = 0;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        if matches!(c, '.' | '!' | '?' | '؟') {
            let run_start = i;
            while i < chars.len() && matches!(chars[i].1, '.' | '!' | '?' | '؟') {
                i += 1;
            }
            let dots = chars[run_start..i]
                .iter()
                .filter(|(_, c)| *c == '.')
                .count();
            let ellipsis = dots >= 2 && dots == i - run_start;
            while i < chars.len() && is_closer(chars[i].1) {
                i += 1;
            }
            let at_end = i == chars.len() || chars[i].1.is_whitespace();
            if !ellipsis && at_end {
                let cut = chars.get(i).map_or(text.len(), |(b, _)| *b);
                if let Some((s, e)) = trimmed(input, start + from, start + cut) {
                    out.push(Sentence {
                        index: out.len(),
                        text: input[s..e].into(),
                        start: s,
                        end: e,
                        parts: vec![],
                    });
                }
                from = cut;
            }
            continue;
        }
        i += 1;
    }
    if let Some((s, e)) = trimmed(input, start + from, end) {
        out.push(Sentence {
            index: out.len(),
            text: input[s..e].into(),
            start: s,
            end: e,
            parts: vec![],
        });
    }
    out
}

fn segment(input: &str) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in input.split('\n') {
        let line_end = line_start + line.len();
        if let Some((s, e)) = trimmed(input, line_start, line_end) {
            out.push(Paragraph {
                index: out.len(),
                text: input[s..e].into(),
                start: s,
                end: e,
                boilerplate: false,
                sentences: sentences(input, s, e),
            });
        }
        line_start = line_end + 1;
    }
    out
}

fn quotes(input: &str) -> Vec<Quote> {
    find_quotes(input, &segment(input))
}

/// The only quote of `input` whose text is `text`.
fn quote<'a>(qs: &'a [Quote], text: &str) -> &'a Quote {
    let found: Vec<&Quote> = qs.iter().filter(|q| q.text == text).collect();
    assert_eq!(found.len(), 1, "quote {text:?} in {qs:#?}");
    found[0]
}

fn speech(qs: &[Quote], text: &str, kind: &str, speaker: Option<&str>, cue: Option<&str>) {
    let q = quote(qs, text);
    assert!(q.speech, "{q:#?}");
    assert_eq!(q.kind, kind, "{q:#?}");
    assert_eq!(q.speaker.as_deref(), speaker, "{q:#?}");
    assert_eq!(q.cue.as_deref(), cue, "{q:#?}");
}

fn not_speech(qs: &[Quote], text: &str, kind: &str) {
    let q = quote(qs, text);
    assert!(!q.speech, "{q:#?}");
    assert_eq!(q.kind, kind, "{q:#?}");
    assert_eq!(q.speaker, None);
}

// ---------------------------------------------------------------------------------------------
// Marks
// ---------------------------------------------------------------------------------------------

#[test]
fn ascii_quotes_after_colon() {
    let s = "وقال الوزير: \"لن نتراجع عن هذا القرار\".";
    let qs = quotes(s);
    assert_eq!(qs.len(), 1);
    assert_eq!(&s[qs[0].start..qs[0].end], "\"لن نتراجع عن هذا القرار\"");
    speech(
        &qs,
        "لن نتراجع عن هذا القرار",
        "direct",
        Some("الوزير"),
        Some("وقال"),
    );
    assert_eq!(qs[0].sentences, [(0, 0)]);
}

#[test]
fn curly_quotes_in_both_orders() {
    for (open, close, reversed) in [('“', '”', false), ('”', '“', true), ('”', '”', true)]
    {
        let s = format!("وقالت المتحدثة ليلى حسن: {open}سنواصل العمل مع الجميع{close}.");
        let qs = quotes(&s);
        speech(
            &qs,
            "سنواصل العمل مع الجميع",
            "direct",
            Some("ليلى حسن"),
            Some("وقالت"),
        );
        assert_eq!(
            qs[0].flags.contains(&"reversed_marks".to_string()),
            reversed,
            "{open}{close}"
        );
    }
}

#[test]
fn guillemets_in_both_orders() {
    for (open, close) in [('«', '»'), ('»', '«')] {
        let s = format!("وأضاف سامي يوسف: {open}الوضع لا يحتمل التأجيل{close}.");
        let qs = quotes(&s);
        speech(
            &qs,
            "الوضع لا يحتمل التأجيل",
            "direct",
            Some("سامي يوسف"),
            Some("وأضاف"),
        );
    }
}

#[test]
fn space_padded_marks() {
    let s = "وقال المدير العام: \" لن نغلق المصنع هذا العام \" ثم غادر.";
    let qs = quotes(s);
    let q = quote(&qs, "لن نغلق المصنع هذا العام");
    assert!(q.flags.contains(&"space_padded".to_string()));
    assert!(q.speech);
}

#[test]
fn verb_subject_quote_without_colon() {
    let s = "وقال الوزير سمير عطية \"لن نرفع الأسعار هذا العام\" ثم غادر القاعة.";
    let qs = quotes(s);
    speech(
        &qs,
        "لن نرفع الأسعار هذا العام",
        "direct",
        Some("سمير عطية"),
        Some("وقال"),
    );
}

#[test]
fn an_undefined_title_after_a_full_name_opens_its_role() {
    // `رئيس نادي …` in apposition without a comma: no part of the name.
    let s = "وقال نواف بن سعد رئيس نادي الهلال إن «الفريق قدم مباراة كبيرة».";
    let qs = quotes(s);
    speech(
        &qs,
        "الفريق قدم مباراة كبيرة",
        "direct",
        Some("نواف بن سعد"),
        Some("وقال"),
    );
    let s = "أعرب مرتضى منصور رئيس نادي الزمالك عن سعادته.\n\nوقال: «الفريق قدم مباراة كبيرة».";
    let qs = quotes(s);
    speech(
        &qs,
        "الفريق قدم مباراة كبيرة",
        "direct",
        Some("مرتضى منصور"),
        Some("وقال"),
    );
}

#[test]
fn a_name_set_off_before_a_role_is_its_full_form() {
    // `منذر الكبير، المدير الفني`: the comma and the role show the name ends after `الكبير`,
    // a word of news prose too.
    let s = "تحدث منذر الكبير، المدير الفني للمنتخب، عن جاهزية فريقه.\n\nوقال منذر في المؤتمر: «مستوى تونس في نسق تصاعدي».";
    let qs = quotes(s);
    let q = quote(&qs, "مستوى تونس في نسق تصاعدي");
    assert_eq!(q.speaker.as_deref(), Some("منذر الكبير"), "{q:#?}");
    // `عيد` → `أحمد عيد` → `أحمد عيد الحربي`: a family name in `ـي` after the name the page
    // writes with a role.
    let s = "قدم رئيس الاتحاد السعودي لكرة القدم، أحمد عيد الحربي، الشكر للأمير.\n\nوأكد عيد في تصريحات: “راضي كل الرضا عن ما قدمته”.";
    let qs = quotes(s);
    let q = quote(&qs, "راضي كل الرضا عن ما قدمته");
    assert_eq!(q.speaker.as_deref(), Some("أحمد عيد الحربي"), "{q:#?}");
}

#[test]
fn a_title_in_the_accusative_or_an_age_ends_a_name() {
    // `شريف سامي رئيسا`: what the bank made him, no family name.
    let s = "وعين البنك حينها شريف سامي رئيسا لمجلس إدارته.\n\nوقال شريف سامي إن \"الملاحظات عولجت كلها\".";
    let qs = quotes(s);
    let q = quote(&qs, "الملاحظات عولجت كلها");
    assert_eq!(q.speaker.as_deref(), Some("شريف سامي"), "{q:#?}");
    // `غالغت البالغ من العمر 57 عاما`: the age after the surname.
    let s = "فاز الروائي دايمون غالغت بالجائزة.\n\nوقال غالغت البالغ من العمر 57 عاما: \"أنا ممتن جدا\".";
    let qs = quotes(s);
    let q = quote(&qs, "أنا ممتن جدا");
    assert_eq!(q.speaker.as_deref(), Some("دايمون غالغت"), "{q:#?}");
}

#[test]
fn a_bodys_definite_noun_after_a_body_named_in_full_is_the_object() {
    // `دعت منظمة العفو الدولية الشرطة`: the police are asked, the organisation speaks.
    let s = "دعت منظمة العفو الدولية الشرطة في تيمور الشرقية إلى \"احترام حق الأشخاص في التظاهر\".";
    let qs = quotes(s);
    let q = quote(&qs, "احترام حق الأشخاص في التظاهر");
    assert_eq!(q.speaker.as_deref(), Some("منظمة العفو الدولية"), "{q:#?}");
    // A `لـ` phrase goes on with the body.
    let s = "وأكد المكتب الفدرالي للاتحاد الجزائري \"الدعم التام للناخب الوطني\".";
    let qs = quotes(s);
    let q = quote(&qs, "الدعم التام للناخب الوطني");
    assert_eq!(
        q.speaker.as_deref(),
        Some("المكتب الفدرالي للاتحاد الجزائري"),
        "{q:#?}"
    );
}

#[test]
fn a_headline_speaker_after_a_section_and_a_dash() {
    // A section or outlet of any length, a dash, then the speaker and the colon.
    let s = "أولمبياد طوكيو 2020 - مدرب الأرجنتين: مباراة مصر صعبة وفرصة للاستمرار في السباق\n\nقال فيرناندو باتيستا مدرب الأرجنتين إن الفريق جاهز.";
    let qs = quotes(s);
    let q = quote(&qs, "مباراة مصر صعبة وفرصة للاستمرار في السباق");
    assert!(q.speech, "{q:#?}");
    assert_eq!(q.speaker.as_deref(), Some("فيرناندو باتيستا"), "{q:#?}");
    // A match-up or a topic before the colon is nobody speaking.
    for s in [
        "مصر - السودان: مباراة حاسمة الليلة في الدوحة",
        "نتيجة مباراة مصر - السودان: فوز الفراعنة بهدفين",
        "كأس العالم 2022 - الأرجنتين ضد فرنسا: موعد المباراة والقنوات",
        "ارتفاع الأسعار - التضخم: أرقام جديدة تظهر تراجعا كبيرا",
    ] {
        assert!(quotes(s).is_empty(), "{s}: {:#?}", quotes(s));
    }
}

#[test]
fn a_headline_verb_with_no_subject_after_it_is_the_speakers_own() {
    // `ترامب: تحدثت مع …`: "I spoke", no dateline.
    let s = "ترامب: تحدثت مع السيسي من أجل تهجير سكان غزة\n\nقال الرئيس الأمريكي دونالد ترامب إنه تحدث مع نظيره المصري.";
    let qs = quotes(s);
    let q = quote(&qs, "تحدثت مع السيسي من أجل تهجير سكان غزة");
    assert!(q.speech, "{q:#?}");
    assert_eq!(q.speaker.as_deref(), Some("دونالد ترامب"), "{q:#?}");
    // A dateline's verb has its subject after it: no headline statement.
    let s = "القاهرة: قال وزير الخارجية المصري إن المحادثات مستمرة\n\nوجاء ذلك في مؤتمر صحفي.";
    assert!(quotes(s).is_empty(), "{:#?}", quotes(s));
    // Nor is a verb that cannot be the speaker's own "I", or one after a place.
    for s in [
        "بيروت: أكد في بيان أن المحادثات مستمرة",
        "القاهرة: قالت إن المحادثات مستمرة بين الطرفين",
    ] {
        assert!(quotes(s).is_empty(), "{s}: {:#?}", quotes(s));
    }
}

#[test]
fn a_call_or_a_demand_takes_an_object_after_its_subject() {
    // `تدعو X السلطات الجزائرية إلى`: the authorities are called on.
    let s = "وحيال ذلك، تدعو حركة مجتمع السلم السلطات الجزائرية إلى \"اتخاذ الإجراءات الفعلية\".";
    let qs = quotes(s);
    let q = quote(&qs, "اتخاذ الإجراءات الفعلية");
    assert_eq!(q.speaker.as_deref(), Some("حركة مجتمع السلم"), "{q:#?}");
    // A `لـ` genitive after a nisba goes on with the body.
    let s = "دعت النقابة الوطنية للتعليم العالي مكتبها التنفيذي إلى اجتماع طارئ، بعد ما وصفته بـ\"الاستخفاف بها ومغالطة الرأي العام\".";
    let qs = quotes(s);
    let q = quote(&qs, "الاستخفاف بها ومغالطة الرأي العام");
    assert_eq!(
        q.speaker.as_deref(),
        Some("النقابة الوطنية للتعليم العالي"),
        "{q:#?}"
    );
    // Adjectives go on with the body after such a verb.
    for (s, who) in [
        (
            "دعت الحكومة الليبية المؤقتة إلى \"وقف القتال فورا\".",
            "الحكومة الليبية المؤقتة",
        ),
        (
            "طالبت المنظمة العربية الحرة بـ\"وقف القتال فورا\".",
            "المنظمة العربية الحرة",
        ),
    ] {
        let qs = quotes(s);
        let q = quote(&qs, "وقف القتال فورا");
        assert_eq!(q.speaker.as_deref(), Some(who), "{q:#?}");
    }
}

#[test]
fn a_conjunction_written_apart_joins_the_word_after_it() {
    // `حزب الأصالة و المعاصرة`, `و قال`: the conjunction as a word of its own.
    let s = "و قال حزب الأصالة و المعاصرة في بلاغ إن \"الحكومة فشلت في مهامها\".";
    let qs = quotes(s);
    let q = quote(&qs, "الحكومة فشلت في مهامها");
    assert_eq!(q.speaker.as_deref(), Some("حزب الأصالة والمعاصرة"), "{q:#?}");
    assert!(q.speech, "{q:#?}");
}

#[test]
fn a_given_name_and_family_name_stand_for_the_name_with_middle_names() {
    // `مشعل الصباح` for `مشعل الأحمد الجابر الصباح`, the one fuller name with both ends.
    let s = "أصدر أمير الكويت الشيخ مشعل الأحمد الجابر الصباح أمرا بحل البرلمان.\n\
             وفي كلمة متلفزة، قال مشعل الصباح: \"أمرنا بحل مجلس الأمة\".";
    let qs = quotes(s);
    let q = quote(&qs, "أمرنا بحل مجلس الأمة");
    assert_eq!(
        q.speaker.as_deref(),
        Some("مشعل الأحمد الجابر الصباح"),
        "{q:#?}"
    );
}

#[test]
fn a_foreign_surname_shaped_like_a_word_of_prose_goes_on_with_the_name() {
    // `موكوينا` has the shape of a participle of manner (`مبتسما`), `إنجرام` that of a verbal
    // noun (`انسحاب`): no common word, and spelled as names are, they are surnames.
    let s = "وتابع رولاني موكوينا: \"مسؤوليتنا الأولى كانت تحقيق الفوز\".";
    assert_eq!(
        speaker_of(&quotes(s), "مسؤوليتنا الأولى كانت تحقيق الفوز"),
        Some("رولاني موكوينا")
    );
    let s = "قالت تيس إنجرام، المتحدثة باسم منظمة اليونيسيف: \"الأطفال تضرروا من كل الزوايا\".";
    assert_eq!(
        speaker_of(&quotes(s), "الأطفال تضرروا من كل الزوايا"),
        Some("تيس إنجرام")
    );
    // A participle of manner and a verbal noun after a name still end it.
    let s = "وقال جبالي مبتسما: \"الجلسة انتهت\".";
    assert_eq!(speaker_of(&quotes(s), "الجلسة انتهت"), Some("جبالي"));
    let s = "وأكد محمد انسحاب: \"الجيش محايد\".";
    assert_eq!(speaker_of(&quotes(s), "الجيش محايد"), Some("محمد"));
    // Adverbs of five letters read as names by their letters too: they still end the name.
    let s = "وقال السيسي مرارا إن \"مصر لن تسمح بذلك\".";
    assert_eq!(speaker_of(&quotes(s), "مصر لن تسمح بذلك"), Some("السيسي"));
}

#[test]
fn first_names_that_are_words_too_after_titles() {
    // `السعيد` (happy) is a first name written with the article, after a rank.
    let s = "أكد الفريق السعيد شنقريحة رئيس أركان الجيش: \"الجيش محايد\".";
    assert_eq!(
        speaker_of(&quotes(s), "الجيش محايد"),
        Some("السعيد شنقريحة")
    );
    let s = "وقال الدكتور خالد السعيد وزير الصحة: \"الوضع مستقر\".";
    assert_eq!(speaker_of(&quotes(s), "الوضع مستقر"), Some("خالد السعيد"));
    // `باسم` after an honorific is the first name, not "on behalf of"; the later surname
    // alone is his.
    let s = "أدان د. باسم نعيم، عضو المكتب السياسي في حركة حماس، العدوان.\n\
             وقال نعيم: \"نترحم على الشهداء\".";
    assert_eq!(
        speaker_of(&quotes(s), "نترحم على الشهداء"),
        Some("باسم نعيم")
    );
    let s = "وقال المتحدث باسم الحكومة باسم العوادي: \"الموازنة جاهزة\".";
    assert_eq!(
        speaker_of(&quotes(s), "الموازنة جاهزة"),
        Some("باسم العوادي")
    );
    // `والي` (governor) is a family name after a given name, not `و` and a misspelt `إلى`.
    let s = "وقالت وزيرة التضامن الدكتورة غادة والي: \"الدعم مستمر\".";
    assert_eq!(speaker_of(&quotes(s), "الدعم مستمر"), Some("غادة والي"));
    let s = "وقال والي الخرطوم: \"الدعم مستمر\".";
    assert_eq!(speaker_of(&quotes(s), "الدعم مستمر"), Some("والي الخرطوم"));
}

#[test]
fn a_delegate_of_a_country_is_no_anonymous_source() {
    // `مندوب` alone is "a delegate"; with a country after it, that country's one delegate,
    // a role the page names as written.
    let s = "وقال مندوب روسيا إن \"النص لم يراع موقف لبنان\".";
    assert_eq!(
        speaker_of(&quotes(s), "النص لم يراع موقف لبنان"),
        Some("مندوب روسيا")
    );
    let s = "وقال مندوب غربي إن \"النص لم يراع موقف لبنان\".";
    assert_eq!(speaker_of(&quotes(s), "النص لم يراع موقف لبنان"), None);
}

#[test]
fn armed_wings_are_bodies() {
    // `سرايا`, `كتائب` head a body's name, and its short form stands for the whole.
    let s = "قالت سرايا القدس إن «الجهاد المسلح هو الخيار الوحيد».";
    assert_eq!(
        speaker_of(&quotes(s), "الجهاد المسلح هو الخيار الوحيد"),
        Some("سرايا القدس")
    );
    let s = "وقالت كتائب حزب الله العراق في بيان إن «القرار نهائي».\nورأت الكتائب أن «التنظيم مدعوم من الخارج».";
    assert_eq!(
        speaker_of(&quotes(s), "التنظيم مدعوم من الخارج"),
        Some("كتائب حزب الله العراق")
    );
}

#[test]
fn a_definite_first_name_opens_a_lineage() {
    // `المياسة` before `بنت` and a given name is her first name, not a role's adjective.
    let s = "وأكدت الشيخة المياسة بنت حمد بن خليفة آل ثاني أن \"الثقافة القطرية استطاعت الكثير\".";
    assert_eq!(
        speaker_of(&quotes(s), "الثقافة القطرية استطاعت الكثير"),
        Some("المياسة بنت حمد بن خليفة آل ثاني")
    );
    // A nisba before `بن` stays with the role.
    let s = "وقال الرئيس التونسي بن علي: \"الثقافة القطرية استطاعت الكثير\".";
    assert_eq!(
        speaker_of(&quotes(s), "الثقافة القطرية استطاعت الكثير"),
        Some("بن علي")
    );
    // A definite first name the lists know stays after a title.
    let s = "وقال الشيخ المعتصم بن علي: \"الاستثمار مستمر\".";
    assert_eq!(
        speaker_of(&quotes(s), "الاستثمار مستمر"),
        Some("المعتصم بن علي")
    );
}

#[test]
fn names_after_long_roles_and_lineages_stay_whole() {
    // A father's name after `بن` and the family name are no object of `أعلن`.
    let s = "أعلن ياسر بن عثمان الرميان أن \"الطرح قريب جدا\".";
    assert_eq!(
        speaker_of(&quotes(s), "الطرح قريب جدا"),
        Some("ياسر بن عثمان الرميان")
    );
    // An object in construct after a name is still cut.
    let s = "انتقد النائب سجاد سالم أداء الحكومة، وقال إن \"الوضع كارثي\".";
    assert_eq!(speaker_of(&quotes(s), "الوضع كارثي"), Some("سجاد سالم"));
    // An honorific between a body's name and the person's is the role's.
    let s = "قال المتحدث باسم مستشفى الشفاء د. خليل دقران إن \"الوضع كارثي\".";
    assert_eq!(speaker_of(&quotes(s), "الوضع كارثي"), Some("خليل دقران"));
    // A body's name of two words, then a given name that is a word too and a surname.
    let s = "قال المتحدث باسم مستشفى شهداء الأقصى خليل دقران إن \"الوضع كارثي\".";
    assert_eq!(speaker_of(&quotes(s), "الوضع كارثي"), Some("خليل دقران"));
    // A definite word of prose after a lineage is the object.
    let s = "واتهم الوزير فيصل بن فرحان الاحتلال، وقال: \"نعم\".";
    assert_eq!(speaker_of(&quotes(s), "نعم"), Some("فيصل بن فرحان"));
    // A state or province after a governor's title is its genitive.
    let s = "وقال والي ولاية القضارف: \"الوضع مستقر\".";
    assert_eq!(
        speaker_of(&quotes(s), "الوضع مستقر"),
        Some("والي ولاية القضارف")
    );
}

#[test]
fn a_hyphenated_surname_is_one_word_of_the_name() {
    // `هينيس-بلاسخارت` is one surname; the page's later `بلاسخارت` is the same person.
    let s = "وأكدت المنسقة الخاصة جينين هينيس-بلاسخارت، اليوم الخميس، أن \"الوضع صعب\".\n\
             وقالت بلاسخارت إن \"الحرب مدمرة\".";
    let qs = quotes(s);
    assert_eq!(speaker_of(&qs, "الوضع صعب"), Some("جينين هينيس-بلاسخارت"));
    assert_eq!(speaker_of(&qs, "الحرب مدمرة"), Some("جينين هينيس-بلاسخارت"));
    // An unspaced dash around an aside or before a word of prose joins nothing.
    let s = "وقال الوزير-في تصريح صحفي-إن \"الأمور مستقرة\".";
    assert_eq!(speaker_of(&quotes(s), "الأمور مستقرة"), Some("الوزير"));
    let s = "وقالت النائبة رشيدة طليب-الديمقراطية: \"نعم\".";
    assert_eq!(speaker_of(&quotes(s), "نعم"), Some("رشيدة طليب"));
}

#[test]
fn an_association_s_genitive_is_no_audience() {
    // `للصحفيين` is the audience after a speaker, but the genitive of a union's name when a
    // plural nisba follows it.
    let s = "واعتبرت النقابة الوطنية للصحفيين التونسيين أن \"الوضع صعب\".";
    assert_eq!(
        speaker_of(&quotes(s), "الوضع صعب"),
        Some("النقابة الوطنية للصحفيين التونسيين")
    );
    let s = "وقالت وزارة الخارجية للصحفيين المصريين إن \"الوضع صعب\".";
    assert_eq!(speaker_of(&quotes(s), "الوضع صعب"), Some("وزارة الخارجية"));
    // After a role, the audience stays the audience.
    let s = "وقال رئيس المركز للصحفيين المصريين: \"نعم\".";
    assert_eq!(speaker_of(&quotes(s), "نعم"), Some("رئيس المركز"));
    // Also after the role's head.
    let s = "وقال نقيب النقابة الوطنية للصحفيين التونسيين \"الوضع صعب\".";
    assert_eq!(
        speaker_of(&quotes(s), "الوضع صعب"),
        Some("نقيب النقابة الوطنية للصحفيين التونسيين")
    );
}

#[test]
fn a_name_set_off_by_commas_after_a_group_in_marks() {
    // The spokesman's group in marks, then his name between commas: the name, not the group.
    let s = "أكد المتحدث باسم حركة “فتح”، عبد الفتاح دولة، أن حركته “لن تكون عائقا أمام أي اسم”.";
    assert_eq!(
        speaker_of(&quotes(s), "لن تكون عائقا أمام أي اسم"),
        Some("عبد الفتاح دولة")
    );
}

#[test]
fn sabah_before_a_definite_family_name_is_a_name() {
    // `صباح` (morning) between a given name and a family name is the father's name.
    let s = "أكد سمو الشيخ الدكتور محمد صباح السالم الصباح رئيس مجلس الوزراء أن \"الحكومة تعمل\".";
    assert_eq!(
        speaker_of(&quotes(s), "الحكومة تعمل"),
        Some("محمد صباح السالم الصباح")
    );
    // Before a day it is the morning.
    let s = "وقال محمد صباح الخميس إن \"الحكومة تعمل\".";
    assert_eq!(speaker_of(&quotes(s), "الحكومة تعمل"), Some("محمد"));
}

#[test]
fn objects_brackets_and_second_roles_around_subjects() {
    // An undefined noun with a definite genitive after a body's adjective is the object.
    let s = "واعلنت الحكومة الاردنية حالة الطوارئ القصوى، وقالت إن \"الوضع خطير\".";
    assert_eq!(
        speaker_of(&quotes(s), "الوضع خطير"),
        Some("الحكومة الاردنية")
    );
    // A body's short name in brackets, then the name of the role's holder.
    let s = "أكد المتحدث باسم حركة المقاومة الإسلامية (حماس) حازم قاسم، اليوم، أن \"الاحتلال يماطل\".";
    assert_eq!(speaker_of(&quotes(s), "الاحتلال يماطل"), Some("حازم قاسم"));
    let s = "وقالت منظمة الأمم المتحدة للطفولة (يونيسف) إن \"الأطفال يعانون\".";
    assert_eq!(
        speaker_of(&quotes(s), "الأطفال يعانون"),
        Some("منظمة الأمم المتحدة للطفولة")
    );
    // An institution's one-word name, then a second role, then the name.
    let s = "قال عضو اللجنة المركزية لحركة فتح وزير الشؤون المدنية حسين الشيخ إن \"الاحتلال يماطل\".";
    assert_eq!(speaker_of(&quotes(s), "الاحتلال يماطل"), Some("حسين الشيخ"));
    // A description in brackets names the relative after it, not the speaker.
    let s = "وقالت زوجة الأسير (المريض) وليد دقة \"الوضع صعب\".";
    assert_eq!(speaker_of(&quotes(s), "الوضع صعب"), Some("زوجة الأسير"));
    // A name in the second role's genitive is no speaker.
    let s = "وقال عضو اللجنة المركزية لحركة فتح مستشار الرئيس محمود عباس \"الوضع صعب\".";
    assert_ne!(speaker_of(&quotes(s), "الوضع صعب"), Some("محمود عباس"));
}

#[test]
fn wasil_before_a_name_is_a_first_name() {
    // `واصل` ("went on") is a reporting verb's form and a first name: after a role, before
    // `أبو`, it opens the name, and the cue is the verb before it.
    let s = "وقال عضو اللجنة التنفيذية واصل أبو يوسف إن \"الوضع صعب\".";
    let qs = quotes(s);
    let q = quote(&qs, "الوضع صعب");
    assert_eq!(q.speaker.as_deref(), Some("واصل أبو يوسف"), "{q:#?}");
    assert_eq!(q.cue.as_deref(), Some("وقال"), "{q:#?}");
    // Before a role it is the verb.
    let s = "وقال الوزير في كلمته: \"الوضع صعب\". ثم واصل الوزير حديثه قائلا: \"لن نتراجع\".";
    assert_eq!(speaker_of(&quotes(s), "لن نتراجع"), Some("الوزير"));
}

#[test]
fn a_long_chain_of_roles_keeps_the_whole_name_after_it() {
    // Two offices and an honorific before a name of four words: twelve words of subject.
    let s = "نفى نائب رئيس مجلس الوزراء وزير المالية الكويتى الشيخ سالم عبد العزيز الصباح \
             مزاعم تناقلتها مؤخرا بعض القنوات. وأكد الشيخ سالم فى تصريح أنه “لا حقيقة لوجود رسالة”.";
    assert_eq!(
        speaker_of(&quotes(s), "لا حقيقة لوجود رسالة"),
        Some("سالم عبد العزيز الصباح")
    );
}

#[test]
fn a_verb_before_a_name_is_no_part_of_it() {
    // `استهلت` ("opened") is the verb of the clause, not part of the name.
    let s = "حيث استهلت ليلى مصطفى حديثها بالقول: “بعد الإعلان عن الحملة”.";
    assert_eq!(
        speaker_of(&quotes(s), "بعد الإعلان عن الحملة"),
        Some("ليلى مصطفى")
    );
    // A given name the list lacks, ending in `ت`, stays.
    let s = "وقالت جولييت توما إن \"الوضع صعب\".";
    assert_eq!(speaker_of(&quotes(s), "الوضع صعب"), Some("جولييت توما"));
}

#[test]
fn a_headline_after_a_breadcrumb_trail_with_arrows_is_a_statement() {
    let s = "جريدة المدى > سياسية > العمليات المشتركة: لن نسمح بأن يكون العراق ساحة لأي صراع\n\nوقالت قيادة العمليات المشتركة في بيان إن الوضع مستقر.";
    let qs = quotes(s);
    let q = quote(&qs, "لن نسمح بأن يكون العراق ساحة لأي صراع");
    assert!(q.speech);
    assert_eq!(q.speaker.as_deref(), Some("قيادة العمليات المشتركة"));
    // A dash after the last arrow is judged as any dash: a match-up names no speaker.
    let qs = quotes("رياضة > مصر - السودان: مباراة حاسمة الليلة في القاهرة");
    assert!(qs.iter().all(|q| !q.speech));
}

#[test]
fn a_named_headline_speaker_may_take_a_long_aside_before_the_colon() {
    let s = "ميدفيديف تعليقا على استهداف سفينة نفط روسية: أوكرانيا لا تفهم إلا لغة القوة\n\nوقال الرئيس الروسي السابق دميتري ميدفيديف إن الرد سيكون قاسيا.";
    let qs = quotes(s);
    assert_eq!(
        speaker_of(&qs, "أوكرانيا لا تفهم إلا لغة القوة"),
        Some("دميتري ميدفيديف")
    );
    // A topic before an aside names nobody the story names: no statement.
    let s = "ارتفاع الأسعار في مصر خلال شهر رمضان: التجار يرفعون الأسعار بلا رقابة\n\nوقال مواطنون إن الأسعار ارتفعت.";
    assert!(quotes(s).iter().all(|q| q.kind != "headline"));
}

#[test]
fn a_two_word_statement_counts_on_the_title_line_only() {
    let s = "تبون: الجزائر قوية\n\nقال الرئيس الجزائري عبد المجيد تبون إن البلاد بخير.\n\nالقاهرة: هبة علي";
    let qs = quotes(s);
    assert_eq!(speaker_of(&qs, "الجزائر قوية"), Some("عبد المجيد تبون"));
    assert!(qs.iter().all(|q| q.text != "هبة علي"));
    // A place and a topic are no statement; nor is a name over its desk.
    assert!(quotes("الخرطوم: اشتباكات عنيفة").is_empty());
    assert!(
        quotes("محمد علي: غرفة الأخبار\n\nوقال محمد علي إن الأمر جيد.")
            .iter()
            .all(|q| q.kind != "headline")
    );
}

#[test]
fn a_headline_statement_stops_before_the_pages_words_after_an_ellipsis() {
    let qs = quotes("يوسف بن علوي: لم نهرب السلاح إلى اليمن .. ويرد على أسباب عدم المشاركة");
    assert_eq!(
        speaker_of(&qs, "لم نهرب السلاح إلى اليمن"),
        Some("يوسف بن علوي")
    );
    // The speaker's own words go on after it.
    let qs = quotes("الرميد للمحامين: أنا منكم وأنتم مني.. وأعتذر إذا أخطأت في حقكم");
    assert!(quote(&qs, "أنا منكم وأنتم مني.. وأعتذر إذا أخطأت في حقكم").speech);
    let qs = quotes("الوزير: هذه أرضنا.. وهذه حدودنا لن نتنازل عنها");
    assert!(quote(&qs, "هذه أرضنا.. وهذه حدودنا لن نتنازل عنها").speech);
    let qs = quotes("الرئيس: مصر لن تقبل بالضغوط.. وترفض أي تدخل");
    assert!(quote(&qs, "مصر لن تقبل بالضغوط.. وترفض أي تدخل").speech);
    // An ellipsis opening the statement ends nothing (and breaks nothing).
    for s in [
        "وزير الخارجية: .. وهذه أسباب زيارته المفاجئة",
        "وزير الخارجية: … وهذه أسباب زيارته المفاجئة",
        "وزير الخارجية: .. ووزير المالية: لا شيء",
    ] {
        assert!(quotes(s).iter().all(|q| q.start < q.end), "{s}");
    }
}

#[test]
fn whom_a_headline_speaker_addresses_is_no_part_of_the_name() {
    let s = "لوبان لماكرون: لم يتبق عليك سوى حل الجمعية الوطنية\n\nوقالت زعيمة اليمين الفرنسي مارين لوبان إن الحكومة فشلت.";
    let qs = quotes(s);
    assert_eq!(
        speaker_of(&qs, "لم يتبق عليك سوى حل الجمعية الوطنية"),
        Some("مارين لوبان")
    );
}

#[test]
fn a_headline_role_is_the_person_the_story_names_with_it() {
    let s = "وزير الصحة: نتوقع ارتفاعا بحالات الكوليرا في لبنان\n\nقال وزير الصحة في حكومة تصريف الأعمال فراس أبيض: \"نتعاون مع النقابات\".";
    let qs = quotes(s);
    assert_eq!(
        speaker_of(&qs, "نتوقع ارتفاعا بحالات الكوليرا في لبنان"),
        Some("فراس أبيض")
    );
    // Not the deputy, nor the workplace named after another title.
    let s = "وزير الصحة: لا إصابات جديدة في البلاد اليوم\n\nوقال نائب وزير الصحة في حكومة تصريف الأعمال أحمد سالم إن الوضع مستقر.";
    let qs = quotes(s);
    assert_eq!(
        speaker_of(&qs, "لا إصابات جديدة في البلاد اليوم"),
        Some("وزير الصحة")
    );
    let s = "مدير مستشفى الشفاء: لا وقود لدينا منذ أيام\n\nوأشار مدير مجمع الشفاء إلى أن الوضع صعب.";
    let qs = quotes(s);
    assert_eq!(
        speaker_of(&qs, "لا وقود لدينا منذ أيام"),
        Some("مدير مستشفى الشفاء")
    );
}

#[test]
fn a_title_line_statement_of_a_body_may_end_with_a_full_stop() {
    let qs = quotes("وزارة الدفاع الأوكرانية: هجمات جوية روسية من أراضي بيلاروسيا والقرم.");
    assert_eq!(
        speaker_of(&qs, "هجمات جوية روسية من أراضي بيلاروسيا والقرم"),
        Some("وزارة الدفاع الأوكرانية")
    );
    // After a bare name it is a byline and a report.
    let qs = quotes("نصر المجالي: أمرت محكمة عمانية بإغلاق صحيفة يومية في السلطنة.");
    assert!(qs.iter().all(|q| q.kind != "headline"));
}

#[test]
fn church_titles_and_a_pilot_rank_come_before_the_name() {
    let qs = quotes(
        "أكد البطريرك الماروني الكاردينال مار بشارة بطرس الراعي أننا \"ندعم الجيش والقوى الأمنية\".",
    );
    assert_eq!(
        speaker_of(&qs, "ندعم الجيش والقوى الأمنية"),
        Some("بشارة بطرس الراعي")
    );
    let qs = quotes("أشار العميد طيار نصير زادة إلى القواسم المشتركة، وقال إن \"العلاقات قوية\".");
    assert_eq!(speaker_of(&qs, "العلاقات قوية"), Some("نصير زادة"));
}

#[test]
fn a_regnal_number_of_two_words_stays_with_the_name() {
    let qs =
        quotes("أعرب البابا ليو الرابع عشر عن تضامن الكنيسة، وقال: \"الشعوب بحاجة إلى السلام\".");
    assert_eq!(
        speaker_of(&qs, "الشعوب بحاجة إلى السلام"),
        Some("ليو الرابع عشر")
    );
}

#[test]
fn a_noun_in_the_construct_state_after_a_name_opens_the_object() {
    // `إصرار بلاده`: his country's insistence, the verb's object.
    let s = "أكد الرئيس التركي رجب طيب أردوغان إصرار بلاده على مكافحة الإرهاب، قائلا: \"لا نريد أن تصبح أمريكا مأوى للإرهابيين\".";
    let qs = quotes(s);
    assert_eq!(
        speaker_of(&qs, "لا نريد أن تصبح أمريكا مأوى للإرهابيين"),
        Some("رجب طيب أردوغان")
    );
}

#[test]
fn this_is_what_someone_said_after_a_quote_names_the_speaker() {
    let s = "“السلام هو العطية الأعظم” هذا ما صرّح به البابا فرنسيس أثناء المقابلة العامة.\nوقال وزير الصحة خالد عبد الغفار: \"الوضع مستقر\".";
    let qs = quotes(s);
    assert_eq!(speaker_of(&qs, "السلام هو العطية الأعظم"), Some("فرنسيس"));
    assert_eq!(
        quote(&qs, "السلام هو العطية الأعظم").cue.as_deref(),
        Some("صرّح")
    );
}

#[test]
fn one_of_a_places_people_is_nobody_in_particular() {
    let qs = quotes("وقال أحد سكان شمال سوريا: \"نعيش في صحراء\".");
    assert_eq!(speaker_of(&qs, "نعيش في صحراء"), None);
}

#[test]
fn abroad_goes_on_with_a_role_before_its_holder() {
    let s =
        "وقال وزير الخارجية والهجرة والتونسيين بالخارج نبيل عمار: \"نرتبط بإفريقيا بتاريخ طويل\".";
    let qs = quotes(s);
    assert_eq!(
        speaker_of(&qs, "نرتبط بإفريقيا بتاريخ طويل"),
        Some("نبيل عمار")
    );
}

#[test]
fn a_student_or_pupil_before_a_given_name_is_that_person() {
    let qs = quotes("وقالت الطالبة فاطمة، «وقفنا منذ الساعة السادسة».");
    assert_eq!(speaker_of(&qs, "وقفنا منذ الساعة السادسة"), Some("فاطمة"));
    let qs = quotes("وقال التلميذ علي: \"نحن هنا منذ الفجر\".");
    assert_eq!(speaker_of(&qs, "نحن هنا منذ الفجر"), Some("علي"));
}

#[test]
fn ali_spelled_ala_after_a_title_is_a_given_name() {
    // Egyptian pages write `علي` as `على`: after a title and before a name it is the name,
    // there and wherever the page writes the same two words.
    let s = "قال الدكتور على عبدالعال، رئيس مجلس النواب، إن \"هناك ضغوطا كبيرة على المجلس\".";
    let qs = quotes(s);
    let q = quote(&qs, "هناك ضغوطا كبيرة على المجلس");
    assert_eq!(q.speaker.as_deref(), Some("على عبدالعال"), "{q:#?}");
    let s = "وقال على المصيلحي، وزير التموين، إن \"الدعم مستمر للمستحقين\".\n\
             وكشف الدكتور على المصيلحي عن خطة جديدة للبطاقات.";
    let qs = quotes(s);
    let q = quote(&qs, "الدعم مستمر للمستحقين");
    assert_eq!(q.speaker.as_deref(), Some("على المصيلحي"), "{q:#?}");
    // The preposition after a title stays one: the speaker is the minister named before.
    let s = "وقال وزير المالية محمد معيط إن \"الموازنة متوازنة\".\n\
             ووافق الوزير على المقترح، وقال: \"سنبدأ التنفيذ فورا\".";
    let qs = quotes(s);
    let q = quote(&qs, "سنبدأ التنفيذ فورا");
    assert_eq!(q.speaker.as_deref(), Some("محمد معيط"), "{q:#?}");
    // Only after an honorific: a role and the preposition before a nationality stay so.
    let s = "ورد المتحدث على التركي قائلا \"إن بلاده لن تقبل الإملاءات\".";
    let qs = quotes(s);
    let q = quote(&qs, "إن بلاده لن تقبل الإملاءات");
    assert_eq!(q.speaker.as_deref(), Some("المتحدث"), "{q:#?}");
}

#[test]
fn a_delegation_or_the_media_after_a_name_is_the_audience() {
    // `وقال عون لوفد …`, `لوسائل الإعلام`: no part of the name.
    let s = "اعتبر رئيس الجمهورية جوزاف عون أن \"ما حصل أثر سلبا على لبنان\".\n\
             وقال عون لوفد الرابطة المارونية: \"نحن مع حرية التعبير السلمي\".";
    let qs = quotes(s);
    let q = quote(&qs, "نحن مع حرية التعبير السلمي");
    assert_eq!(q.speaker.as_deref(), Some("جوزاف عون"), "{q:#?}");
    // A body's own `لـ` noun is no audience: `الهيئة العليا لوسائل الإعلام`, `لجمع التبرعات`.
    let s = "وقال رئيس الهيئة العليا لوسائل الإعلام خالد يوسف \"إن القانون الجديد يحمي الصحفيين\".";
    let qs = quotes(s);
    let q = quote(&qs, "إن القانون الجديد يحمي الصحفيين");
    assert_eq!(q.speaker.as_deref(), Some("خالد يوسف"), "{q:#?}");
    let s = "وقالت الحملة الوطنية لجمع التبرعات في بيان \"إن التبرعات تجاوزت المليون\".";
    let qs = quotes(s);
    let q = quote(&qs, "إن التبرعات تجاوزت المليون");
    assert_eq!(
        q.speaker.as_deref(),
        Some("الحملة الوطنية لجمع التبرعات"),
        "{q:#?}"
    );
}

#[test]
fn a_ministry_joined_by_waw_goes_on_with_the_role() {
    // `وزيرة البريد وتكنولوجيات الإعلام والاتصال إيمان هدى فرعون`: the role, then the name.
    let s = "وأكدت وزيرة البريد وتكنولوجيات الإعلام والاتصال إيمان هدى فرعون أن الجزائر \
             \"حسنت شبكتها\".";
    let qs = quotes(s);
    let q = quote(&qs, "حسنت شبكتها");
    assert_eq!(q.speaker.as_deref(), Some("إيمان هدى فرعون"), "{q:#?}");
    // A given name in `و…` is the name: `الناخب الوطني وليد الركراكي`.
    let s = "وقال الناخب الوطني وليد الركراكي إن \"المنتخب جاهز للمباراة\".";
    let qs = quotes(s);
    let q = quote(&qs, "المنتخب جاهز للمباراة");
    assert_eq!(q.speaker.as_deref(), Some("وليد الركراكي"), "{q:#?}");
}

#[test]
fn a_headline_statement_may_end_with_a_full_stop_after_a_name() {
    // A page of statements, `الفايز : … .`, the speaker named in the story: the full stop is
    // no part of the statement.
    let s = "الفايز : الأردن مقدر ومحترم في كل أنحاء العالم.\n\
             قال رئيس مجلس الأعيان فيصل الفايز إن الهجمة على العشائر مرفوضة.";
    let qs = quotes(s);
    let q = quote(&qs, "الأردن مقدر ومحترم في كل أنحاء العالم");
    assert_eq!(q.speaker.as_deref(), Some("فيصل الفايز"), "{q:#?}");
    assert_eq!(q.kind, "headline", "{q:#?}");
    // A place before the colon is a dateline: `القاهرة: قضت المحكمة … .`
    let s = "القاهرة: قضت محكمة جنايات القاهرة اليوم بالسجن على المتهمين.\n\
             وقال محامي المتهمين إن الحكم قابل للطعن في القاهرة.";
    let qs = quotes(s);
    assert!(qs.iter().all(|q| !q.speech), "{qs:#?}");
    // Nor after a town the page names again, or a role (a masthead line).
    for s in [
        "صعدة: سقط عدد من الضحايا في غارة استهدفت سوقا شعبيا.\n\
         وقال مسؤول محلي في صعدة إن الغارة استهدفت المدنيين.",
        "رئيس التحرير: محمد أحمد حسن.\n\
         وقال رئيس التحرير في افتتاحية العدد إن الصحافة تمر بأزمة.",
    ] {
        let qs = quotes(s);
        assert!(qs.iter().all(|q| !q.speech), "{qs:#?}");
    }
}

#[test]
fn a_body_name_goes_on_with_the_object_of_its_verbal_noun_and_its_government() {
    // `للدفاع عن حقوق الإنسان`, `للدعم في ليبيا`, `بحكومة الوحدة الوطنية`.
    let s = "أكدت الرابطة التونسية للدفاع عن حقوق الإنسان أن \"الوضع خطير\".";
    let qs = quotes(s);
    let q = quote(&qs, "الوضع خطير");
    assert_eq!(
        q.speaker.as_deref(),
        Some("الرابطة التونسية للدفاع عن حقوق الإنسان"),
        "{q:#?}"
    );
    let s = "قالت بعثة الأمم المتحدة للدعم في ليبيا إنها \"تتابع بقلق تجدد العنف\".";
    let qs = quotes(s);
    let q = quote(&qs, "تتابع بقلق تجدد العنف");
    assert_eq!(
        q.speaker.as_deref(),
        Some("بعثة الأمم المتحدة للدعم في ليبيا"),
        "{q:#?}"
    );
    // The verb's object after the government's name is still no part of it.
    let s = "ودعت وزارة الداخلية بحكومة الوحدة الوطنية المواطنين إلى \"البقاء في منازلهم\".";
    let qs = quotes(s);
    let q = quote(&qs, "البقاء في منازلهم");
    assert_eq!(
        q.speaker.as_deref(),
        Some("وزارة الداخلية بحكومة الوحدة الوطنية"),
        "{q:#?}"
    );
    // Not after a verb whose object takes `بـ`, nor for a body that is no government unit's;
    // `أعلن عن` is no name's, nor `في بيان`.
    let s = "ورحبت الجامعة العربية بحكومة الوحدة الجديدة وقالت \"إن هذه خطوة مهمة\".";
    let qs = quotes(s);
    let q = quote(&qs, "إن هذه خطوة مهمة");
    assert_eq!(q.speaker.as_deref(), Some("الجامعة العربية"), "{q:#?}");
    let s = "وأعلنت الهيئة العامة للاستثمار عن إطلاق البرنامج الجديد، وقالت \"إن البرنامج يدعم \
             الشركات\".";
    let qs = quotes(s);
    let q = quote(&qs, "إن البرنامج يدعم الشركات");
    assert_eq!(
        q.speaker.as_deref(),
        Some("الهيئة العامة للاستثمار"),
        "{q:#?}"
    );
    let s = "وقال الصندوق الوطني للدعم في بيان \"إن المنح ستصرف\".";
    let qs = quotes(s);
    let q = quote(&qs, "إن المنح ستصرف");
    assert_eq!(q.speaker.as_deref(), Some("الصندوق الوطني للدعم"), "{q:#?}");
}

#[test]
fn a_reporting_participle_after_a_name_is_no_part_of_it() {
    // `وختمت رولا سعد قائلة:`: the participle is the cue, not a third name.
    let s = "وختمت رولا سعد قائلة: \"أنا أتيت إلى الدراما اللبنانية\".";
    let qs = quotes(s);
    let q = quote(&qs, "أنا أتيت إلى الدراما اللبنانية");
    assert_eq!(q.speaker.as_deref(), Some("رولا سعد"), "{q:#?}");
}

#[test]
fn a_name_after_bin_is_the_father_not_the_person() {
    // `عبدالله الثاني` is not `الحسين بن عبدالله الثاني`, his son.
    let s = "وأكد ولي العهد الأمير الحسين بن عبدالله الثاني دعم الأردن للبنان.\n\
             وقال الملك عبدالله الثاني إن \"الأردن يقف مع لبنان\".";
    let qs = quotes(s);
    let q = quote(&qs, "الأردن يقف مع لبنان");
    assert_eq!(q.speaker.as_deref(), Some("عبدالله الثاني"), "{q:#?}");
    // `بن سلمان` is still `محمد بن سلمان`.
    let s = "استقبل ولي العهد الأمير محمد بن سلمان الوفد.\n\
             وقال بن سلمان إن \"المملكة ماضية في الإصلاح\".";
    let qs = quotes(s);
    let q = quote(&qs, "المملكة ماضية في الإصلاح");
    assert_eq!(q.speaker.as_deref(), Some("محمد بن سلمان"), "{q:#?}");
    // One word after `بن` is more often the person written short: `فرحان`.
    let s = "التقى وزير الخارجية السعودي الأمير فيصل بن فرحان نظيره الأمريكي.\n\
             وأضاف فرحان أن \"المباحثات كانت مثمرة\".";
    let qs = quotes(s);
    let q = quote(&qs, "المباحثات كانت مثمرة");
    assert_eq!(q.speaker.as_deref(), Some("فيصل بن فرحان"), "{q:#?}");
}

#[test]
fn a_lone_surname_is_written_as_the_one_full_name_among_the_candidates() {
    // Through the learned pass, whose candidates these are: `الغرسلي` for `محمد ناجم الغرسلي`, named between commas after his role (`ناجم` is no
    // given name the list knows).
    let s = "وقال وزير الداخلية التونسي، محمد ناجم الغرسلي، على هامش لقاء نظمته وزارته إن \
             الوضع مستقر.\nوفي سياق آخر أوضح الغرسلي أن \"هذا إجراء عادي ومعمول به\".";
    let qs = analyzed_quotes(s);
    let q = quote(&qs, "هذا إجراء عادي ومعمول به");
    assert_eq!(q.speaker.as_deref(), Some("محمد ناجم الغرسلي"), "{q:#?}");
    // A participle after the name is no surname: `عباس موجها` stays `محمود عباس`.
    let s = "قال رئيس السلطة الفلسطينية محمود عباس إن \"القدس عاصمة فلسطين\".\n\
             وأضاف عباس موجها كلامه للاحتلال: \"لن نقبل ببقاء الاحتلال\".";
    let qs = analyzed_quotes(s);
    let q = quote(&qs, "لن نقبل ببقاء الاحتلال");
    assert_eq!(q.speaker.as_deref(), Some("محمود عباس"), "{q:#?}");
}

#[test]
fn a_headline_role_may_close_with_where_it_is_held() {
    // `مديرة الاتصال بالأونروا: …`: the role's workplace in `بال…`, then the colon; the
    // speaker is the person the story names in that role.
    let s = "بعد حظرها.. مديرة الاتصال بالأونروا: إسرائيل لا تمتلك بديلا عن الوكالة في غزة\n\
             قالت مديرة الاتصال في الأونروا جولييت توما إن الوكالة مستمرة في عملها.";
    let qs = analyzed_quotes(s);
    let q = quote(&qs, "إسرائيل لا تمتلك بديلا عن الوكالة في غزة");
    assert!(q.speech, "{q:#?}");
    assert_eq!(q.speaker.as_deref(), Some("جولييت توما"), "{q:#?}");
}

#[test]
fn undefined_journalists_after_a_cue_are_the_audience() {
    // `وقال لصحافيين`: no subject, the speaker goes on from the sentence before.
    let s =
        "وقال محمد الماضي في مؤتمر صحافي إن الأسعار تراجعت.\nوقال لصحافيين: «نحن مستمرون في العمل».";
    let qs = quotes(s);
    let q = quote(&qs, "نحن مستمرون في العمل");
    assert_eq!(q.speaker.as_deref(), Some("محمد الماضي"), "{q:#?}");
}

#[test]
fn one_word_in_marks_opening_a_headline_statement_is_its_subject() {
    // `ترامب: "مايكروسوفت" تبدي …`: the company is the statement's subject, a name; the
    // statement is the headline's.
    let s = "ترامب: \"مايكروسوفت\" تبدي اهتماما بشراء منصة تيك توك\n\nقال الرئيس الأمريكي دونالد ترامب إن الصفقة ممكنة.";
    let qs = quotes(s);
    let name = quote(&qs, "مايكروسوفت");
    assert!(!name.speech, "{name:#?}");
    assert_eq!(name.kind, "name");
    let q = quote(&qs, "\"مايكروسوفت\" تبدي اهتماما بشراء منصة تيك توك");
    assert!(q.speech, "{q:#?}");
    assert_eq!(q.speaker.as_deref(), Some("دونالد ترامب"), "{q:#?}");
}

#[test]
fn a_headline_body_without_its_head_noun_is_the_body_named_in_full() {
    // `فتح:` in the headline, `حركة فتح` in the story: the fullest form.
    let s = "فتح: جهود مصرية تبذل الآن مع حماس بشأن المصالحة\n\nذكرت حركة فتح مساء الأربعاء، إن هناك \"جهود مصرية تبذل الآن\".";
    let qs = quotes(s);
    let q = quote(&qs, "جهود مصرية تبذل الآن مع حماس بشأن المصالحة");
    assert_eq!(q.speaker.as_deref(), Some("حركة فتح"), "{q:#?}");
    // (`الوزارة` keeps standing for the ministry named before it.)
    let s = "وقالت وزارة الصحة السودانية إن الوضع مستقر.\n\nوأضافت الوزارة أن \"الإمدادات وصلت\".";
    let qs = quotes(s);
    let q = quote(&qs, "الإمدادات وصلت");
    assert_eq!(
        q.speaker.as_deref(),
        Some("وزارة الصحة السودانية"),
        "{q:#?}"
    );
}

#[test]
fn more_first_names_written_with_the_article() {
    // `الفاتح`, `المهدي`: a first name after a title, not a definite noun.
    let s = "وأكد المتحدث الفاتح قرشي أن قوات الدعم السريع لم ترتكب أي انتهاك.\n\nوقال قرشي: \"نحن نطلب تحقيقا دوليا\".";
    let qs = quotes(s);
    let q = quote(&qs, "نحن نطلب تحقيقا دوليا");
    assert_eq!(q.speaker.as_deref(), Some("الفاتح قرشي"), "{q:#?}");
}

#[test]
fn the_place_of_a_role_is_no_first_name() {
    // `محافظ ريف دمشق عامر الشيخ`, `القيادي في حماس محمود مرداوي`, `وزير خارجية سلطنة عمان
    // بدر …`: the role's place or group, then the name.
    for (s, text, speaker) in [
        (
            "أكد محافظ ريف دمشق عامر الشيخ أن \"المحافظة ما زالت بخير\".",
            "المحافظة ما زالت بخير",
            "عامر الشيخ",
        ),
        (
            "وقال القيادي في حماس محمود مرداوي في بيان، إن \"اقتحام الأقصى جريمة\".",
            "اقتحام الأقصى جريمة",
            "محمود مرداوي",
        ),
        (
            "قال وزير خارجية سلطنة عمان بدر بن حمد البوسعيدي، إن \"الحل قريب\".",
            "الحل قريب",
            "بدر بن حمد البوسعيدي",
        ),
    ] {
        let qs = quotes(s);
        let q = quote(&qs, text);
        assert_eq!(q.speaker.as_deref(), Some(speaker), "{q:#?}");
    }
}

#[test]
fn a_person_name_ends_before_words_no_name_goes_on_with() {
    // A `لـ` phrase (`لشبكة`), a preposition with a title (`برئيس`), another person joined
    // by `و`: no part of the name; a surname in `ب` is (`نور الدين بدوي`).
    for (s, text, speaker) in [
        (
            "وذكر المتحدث باسم الحركة محمد محيي لشبكة (رويترز) “نحن ما قمنا بذلك”.",
            "نحن ما قمنا بذلك",
            "محمد محيي",
        ),
        (
            "قال النائب أمين شري وحسن عز الدين في مؤتمر صحفي: \"هذه المدينة صامدة\".",
            "هذه المدينة صامدة",
            "أمين شري",
        ),
        (
            "وقال رئيس الوزراء نور الدين بدوي إن \"الجزائر دفعت ثمنا باهظا\".",
            "الجزائر دفعت ثمنا باهظا",
            "نور الدين بدوي",
        ),
        // A compound given name first; `بخصوص`, a word of news prose.
        (
            "قال وزير الطاقة، عبد المجيد عطار بخصوص عقود الغاز، “أمضينا عقودا”.",
            "أمضينا عقودا",
            "عبد المجيد عطار",
        ),
        // `براك`, a given name, not `بـ` and a word.
        (
            "قال وزير المالية الكويتى براك الشيتان، اليوم الأربعاء، إن بلاده تواجه أزمة.\n\nوتابع: \"قانون الدين العام ضروري\".",
            "قانون الدين العام ضروري",
            "براك الشيتان",
        ),
    ] {
        let qs = quotes(s);
        let q = quote(&qs, text);
        assert_eq!(q.speaker.as_deref(), Some(speaker), "{q:#?}");
    }
}

#[test]
fn a_ba_phrase_of_manner_or_a_verbal_noun_opens_no_subject() {
    // `وقالت بصوت متألم`: the manner, not the speaker, who is carried over.
    let s = "قالت الفنانة شيرين عبد الوهاب إنها سعيدة.\n\nوقالت بصوت متألم ونبرة حزينة: \"أبويا كان واحشني\".";
    let qs = quotes(s);
    let q = quote(&qs, "أبويا كان واحشني");
    assert_eq!(q.speaker.as_deref(), Some("شيرين عبد الوهاب"), "{q:#?}");
}

#[test]
fn name_end_rules_keep_surnames_and_people() {
    for (s, text, speaker) in [
        // A surname in `ب` is no `بـ` phrase.
        (
            "وقال أحمد محمد بركات إن \"الوضع صعب\".",
            "الوضع صعب",
            "أحمد محمد بركات",
        ),
        // `لحماس` dropped as a group before the name; the given name keeps its `ل`.
        (
            "وقال بيان لحماس لطفي الزعبي: \"الوضع صعب\".",
            "الوضع صعب",
            "لطفي الزعبي",
        ),
        // A person is not the office named after them.
        (
            "قال رئيس الوزراء بنيامين نتنياهو إن الحرب مستمرة.\n\nوقال مكتب نتنياهو في بيان إن الوضع مستقر.\n\nوأضاف نتنياهو: \"لن نتوقف\".",
            "لن نتوقف",
            "بنيامين نتنياهو",
        ),
        // A family name in `ـيّ`, with its shadda.
        (
            "وقال أحمد عيد الحربيّ رئيس الاتحاد إن الفريق جاهز.\n\nوأكد عيد: \"راض عن الأداء\".",
            "راض عن الأداء",
            "أحمد عيد الحربيّ",
        ),
    ] {
        let qs = quotes(s);
        let q = quote(&qs, text);
        assert_eq!(q.speaker.as_deref(), Some(speaker), "{q:#?}");
    }
}

#[test]
fn clause_particles_before_a_verb_are_no_subject() {
    // `فقد أشار قائلا`, `وإذ تساءل`: the speaker is carried over, not the particle.
    let s = "وقال محافظ البنك جمال نجم إن الدولار مستقر، فقد أشار قائلا “أمر مثير للدهشة والغرابة”.";
    let qs = quotes(s);
    let q = quote(&qs, "أمر مثير للدهشة والغرابة");
    assert_eq!(q.speaker.as_deref(), Some("جمال نجم"), "{q:#?}");
    let s = "وقال النائب فيصل الكندري إن الوزارة مقصرة.\n\nوإذ تساءل حول السبب في «تفريغ مخازن الأدوية»، أشار الكندري إلى أن «تصريحات الوزير غير موثوق فيها».";
    let qs = quotes(s);
    let q = quote(&qs, "تفريغ مخازن الأدوية");
    assert_eq!(q.speaker.as_deref(), Some("فيصل الكندري"), "{q:#?}");
}

#[test]
fn single_curly_quotes_and_apostrophes() {
    let s = "وفي تصريحات لصحيفة ‘الأهرام’، قال الخبير عباس شراقي إن السد \"يتم دون تنسيق\". وقالت O’Neil شيئا آخر.";
    let qs = quotes(s);
    not_speech(&qs, "الأهرام", "name");
    speech(
        &qs,
        "يتم دون تنسيق",
        "partial",
        Some("عباس شراقي"),
        Some("قال"),
    );
    assert_eq!(qs.len(), 2, "{qs:#?}");
}

#[test]
fn guillemets_nested_in_ascii_quotes() {
    let s = "وقال المحلل رامي خوري: \"ما يسمى «صفقة القرن» انتهى إلى غير رجعة\".";
    let qs = quotes(s);
    speech(
        &qs,
        "ما يسمى «صفقة القرن» انتهى إلى غير رجعة",
        "direct",
        Some("رامي خوري"),
        Some("وقال"),
    );
    not_speech(&qs, "صفقة القرن", "scare");
}

#[test]
fn nested_quote_is_tracked_inside_speech() {
    let s = "وقال المتحدث: “نرفض ما يسمى “الحل المؤقت” رفضا قاطعا”.";
    let qs = quotes(s);
    assert_eq!(qs.len(), 2);
    speech(
        &qs,
        "نرفض ما يسمى “الحل المؤقت” رفضا قاطعا",
        "direct",
        Some("المتحدث"),
        Some("وقال"),
    );
    not_speech(&qs, "الحل المؤقت", "scare");
    assert!(quote(&qs, "الحل المؤقت")
        .flags
        .contains(&"nested".to_string()));
    assert!(qs[0].start < qs[1].start && qs[1].end < qs[0].end);
}

#[test]
fn mismatched_families_close_and_are_flagged() {
    let s = "وقال حسام نور: \"الأنوار كلها مطفية» في المدينة.";
    let qs = quotes(s);
    let q = quote(&qs, "الأنوار كلها مطفية");
    assert!(q.flags.contains(&"mismatched_marks".to_string()));
    assert_eq!(q.speaker.as_deref(), Some("حسام نور"));
}

#[test]
fn unclosed_quote_is_flagged_and_ends_at_its_paragraph() {
    let s = "وقال المحافظ رامي سعد إن \"المدينة لن تغرق هذا العام\nوفي سياق آخر، أعلنت البلدية عن خطة جديدة.";
    let qs = quotes(s);
    let q = quote(&qs, "المدينة لن تغرق هذا العام");
    assert!(q.flags.contains(&"unclosed".to_string()));
    assert_eq!((q.paragraph, q.paragraph_end), (0, 0));
    assert!(q.confidence < 0.9);
    assert_eq!(q.speaker.as_deref(), Some("رامي سعد"));
}

#[test]
fn quote_spanning_paragraphs_with_repeated_opener() {
    let s = "وكتب الناشط عادل منير:\n\"لن نصمت بعد اليوم.\n\"وسنواصل النضال حتى النهاية.\"\nوانتهى البيان.";
    let qs = quotes(s);
    assert_eq!(qs.len(), 1, "{qs:#?}");
    let q = &qs[0];
    assert_eq!(q.text, "لن نصمت بعد اليوم. وسنواصل النضال حتى النهاية.");
    assert_eq!((q.paragraph, q.paragraph_end), (1, 2));
    assert_eq!(q.sentences, [(1, 0), (2, 0)]);
    assert!(q.flags.contains(&"spans_paragraphs".to_string()));
    assert_eq!(q.speaker.as_deref(), Some("عادل منير"));
    assert_eq!(q.cue.as_deref(), Some("وكتب"));
}

#[test]
fn quote_spanning_paragraphs_closed_in_the_next_one() {
    let s = "وقال الطبيب: «الوضع خطير\nولا بد من التحرك الآن» وفق تعبيره.";
    let qs = quotes(s);
    assert_eq!(qs.len(), 1);
    assert_eq!(qs[0].text, "الوضع خطير ولا بد من التحرك الآن");
    assert_eq!((qs[0].paragraph, qs[0].paragraph_end), (0, 1));
}

#[test]
fn quote_spanning_sentences_lists_them() {
    let s = "قال عمرو صالح: \"هذا غير مقبول. نحن نرفض ذلك.\" ثم غادر.";
    let qs = quotes(s);
    assert_eq!(qs[0].sentences, [(0, 0), (0, 1)]);
}

// ---------------------------------------------------------------------------------------------
// Speech or not
// ---------------------------------------------------------------------------------------------

#[test]
fn names_titles_honorifics_and_scare_quotes_are_not_speech() {
    let s = "بحث رئيس الدولة \"حفظه الله\" مع وفد من صحيفة \"الأيام\" برنامج \"صباح الخير\" وهل تخلت واشنطن عن \"قسد\"؟\nوقال المتحدث لـ\"الأناضول\" إن الحديث عن \"الجحيم\" مبالغ فيه.";
    let qs = quotes(s);
    not_speech(&qs, "حفظه الله", "name");
    not_speech(&qs, "الأيام", "name");
    not_speech(&qs, "صباح الخير", "title");
    not_speech(&qs, "قسد", "name");
    not_speech(&qs, "الأناضول", "name");
    not_speech(&qs, "الجحيم", "scare");
}

#[test]
fn film_title_with_ellipses_is_a_title() {
    let s =
        "وقال الرئيس في فيلم \"روسيا.. الكرملين.. بوتين.. 25 عاما\": \"لقد تغير العالم كثيرا\".";
    let qs = quotes(s);
    not_speech(&qs, "روسيا.. الكرملين.. بوتين.. 25 عاما", "title");
    speech(
        &qs,
        "لقد تغير العالم كثيرا",
        "direct",
        Some("الرئيس"),
        Some("وقال"),
    );
}

#[test]
fn short_name_after_a_cue_is_not_speech() {
    let s = "وأشار زياد عمران إلى أن \"قسد\" تمر بمرحلة صعبة.";
    let qs = quotes(s);
    not_speech(&qs, "قسد", "name");
}

#[test]
fn long_unattributed_quote_is_speech_without_speaker() {
    let s = "جاء ذلك بعد تقارير عن \"انكماش الدعم العسكري والسياسي للحلفاء\" في المنطقة.";
    let qs = quotes(s);
    let q = quote(&qs, "انكماش الدعم العسكري والسياسي للحلفاء");
    assert!(q.speech && q.speaker.is_none() && q.cue.is_none());
    assert!((q.confidence - 0.3).abs() < 1e-6);
}

// ---------------------------------------------------------------------------------------------
// Cues and speakers
// ---------------------------------------------------------------------------------------------

#[test]
fn every_reporting_verb_with_its_prefixes() {
    for cue in [
        "قال",
        "وقال",
        "فقال",
        "أضاف",
        "وأضاف",
        "أكد",
        "وأكد",
        "أوضح",
        "وأوضح",
        "صرّح",
        "وشدد",
        "وأعلن",
        "وتابع",
    ] {
        let s = format!("{cue} الوزير خالد ناصر إن \"الحكومة ستدعم المزارعين هذا العام\".");
        let qs = quotes(&s);
        speech(
            &qs,
            "الحكومة ستدعم المزارعين هذا العام",
            "direct",
            Some("خالد ناصر"),
            Some(cue),
        );
        assert!((qs[0].confidence - 0.9).abs() < 1e-6, "{cue}");
    }
}

#[test]
fn feminine_and_plural_verbs() {
    let s = "وقالت الوزيرة منى سالم إن \"الموازنة جاهزة للتصويت\". وأكد النواب أن \"التصويت سيجري غدا صباحا\".";
    let qs = quotes(s);
    speech(
        &qs,
        "الموازنة جاهزة للتصويت",
        "direct",
        Some("منى سالم"),
        Some("وقالت"),
    );
    speech(
        &qs,
        "التصويت سيجري غدا صباحا",
        "direct",
        Some("النواب"),
        Some("وأكد"),
    );
}

#[test]
fn pointing_verbs_with_ila_anna() {
    let s =
        "وأشار هشام بركات إلى أن \"الاقتصاد بدأ يتعافى ببطء\"، ولفت إلى أن \"الأسعار ستستقر قريبا\".";
    let qs = quotes(s);
    speech(
        &qs,
        "الاقتصاد بدأ يتعافى ببطء",
        "direct",
        Some("هشام بركات"),
        Some("وأشار"),
    );
    speech(
        &qs,
        "الأسعار ستستقر قريبا",
        "direct",
        Some("هشام بركات"),
        Some("ولفت"),
    );
}

#[test]
fn participles_inherit_the_main_subject() {
    let s = "قال السفير ماجد حداد إن \"العلاقات ممتازة\"، مضيفا: \"سنوقع اتفاقا جديدا قريبا\"، ومؤكدا أن \"التعاون سيتوسع\"، قائلا: \"هذه بداية فقط\".";
    let qs = quotes(s);
    for (text, cue) in [
        ("سنوقع اتفاقا جديدا قريبا", "مضيفا"),
        ("التعاون سيتوسع", "ومؤكدا"),
        ("هذه بداية فقط", "قائلا"),
    ] {
        speech(&qs, text, "direct", Some("ماجد حداد"), Some(cue));
        assert!((quote(&qs, text).confidence - 0.8).abs() < 1e-6);
    }
}

#[test]
fn feminine_and_plural_participles() {
    let s = "وقالت النائبة سلوى عيسى إن \"القانون ظالم\"، معتبرة أن \"تعديله ضرورة وطنية\".\nوتظاهر الطلاب أمام الوزارة مؤكدين أن \"حقوقهم لن تضيع أبدا\".";
    let qs = quotes(s);
    speech(
        &qs,
        "تعديله ضرورة وطنية",
        "direct",
        Some("سلوى عيسى"),
        Some("معتبرة"),
    );
    // The demonstrators are not the subject of a reporting verb: the speaker is carried over.
    assert!(quote(&qs, "حقوقهم لن تضيع أبدا").speech);
}

#[test]
fn describing_verb_gives_a_partial_quote() {
    let s = "بدوره وصف رئيس الوزراء علي الحسن، الزيارة، بأنها \"تمثل نقطة تحول مهمة\".";
    let qs = quotes(s);
    speech(
        &qs,
        "تمثل نقطة تحول مهمة",
        "partial",
        Some("علي الحسن"),
        Some("وصف"),
    );
    let s = "فيما وصف رئيس النادي سمير داود الإقبال بأنه \"غير مسبوق\".";
    speech(
        &quotes(s),
        "غير مسبوق",
        "partial",
        Some("سمير داود"),
        Some("وصف"),
    );
    let s = "وعبرت أنقرة عن ارتياحها لما وصفته بـ\"التحول الواقعي\" في الموقف.";
    speech(
        &quotes(s),
        "التحول الواقعي",
        "partial",
        Some("أنقرة"),
        Some("وصفته"),
    );
}

#[test]
fn speaker_switch_adverbials() {
    let s =
        "من جهته، قال نبيل فارس إن \"المفاوضات متعثرة\". بدورها، أكدت هند مراد أن \"الحل ممكن\".";
    let qs = quotes(s);
    speech(
        &qs,
        "المفاوضات متعثرة",
        "direct",
        Some("نبيل فارس"),
        Some("قال"),
    );
    speech(&qs, "الحل ممكن", "direct", Some("هند مراد"), Some("أكدت"));
}

#[test]
fn bare_continuation_carries_the_last_speaker_over() {
    let s = "قال الكاتب الصحفي زانا عمر إن \"الإدارة لم تعلن شيئا رسميا\".\nوأضاف أن \"التعاون عسكري فقط\".\nوأضاف \"لا شيء تغير في الواقع\".";
    let qs = quotes(s);
    speech(
        &qs,
        "الإدارة لم تعلن شيئا رسميا",
        "direct",
        Some("زانا عمر"),
        Some("قال"),
    );
    speech(
        &qs,
        "التعاون عسكري فقط",
        "direct",
        Some("زانا عمر"),
        Some("وأضاف"),
    );
    speech(
        &qs,
        "لا شيء تغير في الواقع",
        "direct",
        Some("زانا عمر"),
        Some("وأضاف"),
    );
    assert!((quote(&qs, "التعاون عسكري فقط").confidence - 0.6).abs() < 1e-6);
}

#[test]
fn canonical_name_is_the_fullest_mention() {
    let s = "ووصل وزير الخارجية الروسي سيرغي لافروف إلى بيونغ يانغ.\nوقال لافروف: \"العلاقات في أفضل حالاتها\".\nبدوره وصف كيم جونغ أون، الزيارة، بأنها \"تاريخية بكل المقاييس\".\nوقال كيم: \"نحن حلفاء إلى الأبد\".";
    let qs = quotes(s);
    speech(
        &qs,
        "العلاقات في أفضل حالاتها",
        "direct",
        Some("سيرغي لافروف"),
        Some("وقال"),
    );
    speech(
        &qs,
        "نحن حلفاء إلى الأبد",
        "direct",
        Some("كيم جونغ أون"),
        Some("وقال"),
    );
}

#[test]
fn role_only_subject_resolves_to_the_named_holder() {
    let s = "وأكد الرئيس بوتين أن \"روسيا لن تتراجع\".\nوقال الرئيس الروسي: \"الغرب أخطأ في حساباته\".\nوقال وزير الزراعة: \"المحصول وفير هذا العام\".";
    let qs = quotes(s);
    speech(
        &qs,
        "الغرب أخطأ في حساباته",
        "direct",
        Some("بوتين"),
        Some("وقال"),
    );
    // Nobody is named as minister of agriculture: the role is the speaker.
    speech(
        &qs,
        "المحصول وفير هذا العام",
        "direct",
        Some("وزير الزراعة"),
        Some("وقال"),
    );
}

#[test]
fn surname_resolves_to_the_full_name() {
    let s = "وقال نقيب الأطباء سامر الحلبي إن \"الخطة ناقصة\".\nوقال الحلبي: \"نحتاج إلى ألف طبيب إضافي\".";
    let qs = quotes(s);
    speech(
        &qs,
        "نحتاج إلى ألف طبيب إضافي",
        "direct",
        Some("سامر الحلبي"),
        Some("وقال"),
    );
}

#[test]
fn anonymous_sources_have_no_speaker() {
    let s = "وقالت مصادر مطلعة إن \"الاتفاق بات قريبا جدا\".";
    let qs = quotes(s);
    let q = quote(&qs, "الاتفاق بات قريبا جدا");
    assert!(q.speech && q.speaker.is_none());
    assert!(q.flags.contains(&"anonymous_source".to_string()));
}

#[test]
fn according_to_forms() {
    let s = "وبحسب وكالة الأنباء الرسمية، فإن الحكومة \"ماضية في الإصلاحات\".\nووفقا لـ\"وكالة المغرب العربي\"، فإن الوزارة \"ستتكفل بالنقل مجانا\".\nوحسب مصادر في الوزارة، فإن اللجنة \"أنهت عملها أمس\".";
    let qs = quotes(s);
    speech(
        &qs,
        "ماضية في الإصلاحات",
        "partial",
        Some("وكالة الأنباء الرسمية"),
        Some("وبحسب"),
    );
    speech(
        &qs,
        "ستتكفل بالنقل مجانا",
        "partial",
        Some("وكالة المغرب العربي"),
        Some("ووفقا"),
    );
    speech(&qs, "أنهت عملها أمس", "partial", None, Some("وحسب"));
    assert!((quote(&qs, "ماضية في الإصلاحات").confidence - 0.4).abs() < 1e-6);
    not_speech(&qs, "وكالة المغرب العربي", "name");
}

#[test]
fn pluperfect_kana_qad_subject() {
    let s = "وكان وزير الخارجية المصري قد صرّح أمس بأن القاهرة “ترفض أي حلول مؤقتة”.";
    let qs = quotes(s);
    speech(
        &qs,
        "ترفض أي حلول مؤقتة",
        "partial",
        Some("وزير الخارجية المصري"),
        Some("صرّح"),
    );
}

#[test]
fn fronted_quote_with_cue_after_it() {
    let s = "\"سنعود أقوى من قبل\"، قالت المدربة رنا الخطيب بعد المباراة.";
    let qs = quotes(s);
    speech(
        &qs,
        "سنعود أقوى من قبل",
        "direct",
        Some("رنا الخطيب"),
        Some("قالت"),
    );
}

#[test]
fn verbal_noun_cue() {
    let s = "جاء ذلك بعد تأكيد البنتاغون أن \"التعاون لا يعني دعما سياسيا\".";
    let qs = quotes(s);
    speech(
        &qs,
        "التعاون لا يعني دعما سياسيا",
        "direct",
        Some("البنتاغون"),
        Some("تأكيد"),
    );
}

#[test]
fn impersonal_statement_frame() {
    let s = "وجاء في بيان صادر عن وزارة الداخلية: \"لن نتهاون مع أي خرق أمني\".\nوجاء في البيان أيضا: \"الأوضاع تحت السيطرة الكاملة\".";
    let qs = quotes(s);
    speech(
        &qs,
        "لن نتهاون مع أي خرق أمني",
        "direct",
        Some("وزارة الداخلية"),
        Some("وجاء"),
    );
    // The statement named again is the ministry's (annotators of real news agree); before the
    // real-news sets it was left anonymous.
    speech(
        &qs,
        "الأوضاع تحت السيطرة الكاملة",
        "direct",
        Some("وزارة الداخلية"),
        Some("وجاء"),
    );
    let s = "وجاء في البيان: \"الأوضاع تحت السيطرة الكاملة\".";
    assert_eq!(
        quote(&quotes(s), "الأوضاع تحت السيطرة الكاملة").speaker,
        None
    );
}

#[test]
fn role_for_a_quoted_group_then_the_name() {
    let s = "ورأى النائب عن «حزب الله» حسن فضل الله أن الحكومة «تتسرع في قرارات مصيرية».";
    let qs = quotes(s);
    not_speech(&qs, "حزب الله", "name");
    speech(
        &qs,
        "تتسرع في قرارات مصيرية",
        "partial",
        Some("حسن فضل الله"),
        Some("ورأى"),
    );
}

#[test]
fn object_after_the_subject_is_not_part_of_the_name() {
    let s = "\"لم نعد نملك الأدوية الكافية\"، هكذا لخص الطبيب عبد الرحمن الحداد الوضع في المستشفى.\nوتابع الحداد: «نستقبل خمسين حالة يوميا».";
    let qs = quotes(s);
    speech(
        &qs,
        "لم نعد نملك الأدوية الكافية",
        "direct",
        Some("عبد الرحمن الحداد"),
        Some("لخص"),
    );
    speech(
        &qs,
        "نستقبل خمسين حالة يوميا",
        "direct",
        Some("عبد الرحمن الحداد"),
        Some("وتابع"),
    );
}

#[test]
fn subject_before_the_verb_and_bilqawl_frames() {
    let s = "أعلنت الشركة عن منتجها الجديد.\nلكن محللين في القطاع رأوا أن المنتج \"لا يحمل جديدا\".\nوردا على سؤال، اكتفى المدير سامح فوزي بالقول: \"سنرى النتائج قريبا\".";
    let qs = quotes(s);
    let q = quote(&qs, "لا يحمل جديدا");
    assert!(q.speech && q.speaker.is_none(), "{q:#?}");
    speech(
        &qs,
        "سنرى النتائج قريبا",
        "direct",
        Some("سامح فوزي"),
        Some("بالقول"),
    );
}

#[test]
fn suffixed_titles_and_nisba_adjectives() {
    let s = "ووصفه رئيسها التنفيذي تيم كوك بأنه \"الأذكى في تاريخ الشركة\".\nفي عمل وصفته الصحافة المحلية بأنه \"حدث الموسم\".";
    let qs = quotes(s);
    speech(
        &qs,
        "الأذكى في تاريخ الشركة",
        "partial",
        Some("تيم كوك"),
        Some("ووصفه"),
    );
    speech(
        &qs,
        "حدث الموسم",
        "partial",
        Some("الصحافة المحلية"),
        Some("وصفته"),
    );
}

#[test]
fn sources_behind_outlets_documents_and_appositions() {
    let s = "نقلت صحيفة \"الوطن\" عن مصادر مطلعة أن الاتفاق \"بات وشيكا جدا\".\nوبحسب تقرير صادر عن منظمة \"غرينبيس\"، فإن الحرارة \"ارتفعت بشكل غير مسبوق\".\nوقال دفاع المتهم، المحامي خالد علي، إن الحكم \"قاس ولا يتناسب مع الأدلة\".\nالأمم المتحدة تحذر: \"العالم يسير نحو كارثة\"";
    let qs = quotes(s);
    speech(&qs, "بات وشيكا جدا", "partial", None, Some("نقلت"));
    speech(
        &qs,
        "ارتفعت بشكل غير مسبوق",
        "partial",
        Some("غرينبيس"),
        Some("وبحسب"),
    );
    speech(
        &qs,
        "قاس ولا يتناسب مع الأدلة",
        "partial",
        Some("خالد علي"),
        Some("وقال"),
    );
    speech(
        &qs,
        "العالم يسير نحو كارثة",
        "direct",
        Some("الأمم المتحدة"),
        None,
    );
}

#[test]
fn names_ending_like_a_pronoun_suffix_and_definite_family_names() {
    let s = "أعرب وزير الخارجية الإسباني خوسيه مانويل ألباريس عن \"قلق بلاده العميق\" إزاء الأوضاع.\nوقال المتحدث باسم الوزارة محمد العبد العالي لقناة \"الإخبارية\" إن \"الوضع تحت السيطرة\".";
    let qs = quotes(s);
    speech(
        &qs,
        "قلق بلاده العميق",
        "partial",
        Some("خوسيه مانويل ألباريس"),
        Some("أعرب"),
    );
    speech(
        &qs,
        "الوضع تحت السيطرة",
        "direct",
        Some("محمد العبد العالي"),
        Some("وقال"),
    );
}

#[test]
fn compound_names_keep_their_definite_parts() {
    let s = "قال الرئيس عبد الفتاح السيسي إن \"مصر لن تفرط في حقوقها\".\nوقال عبد الرحمن الحداد: \"الوضع صعب جدا\".";
    let qs = quotes(s);
    speech(
        &qs,
        "مصر لن تفرط في حقوقها",
        "direct",
        Some("عبد الفتاح السيسي"),
        Some("قال"),
    );
    speech(
        &qs,
        "الوضع صعب جدا",
        "direct",
        Some("عبد الرحمن الحداد"),
        Some("وقال"),
    );
}

#[test]
fn tagged_headline_and_institution_short_form() {
    let s = "#عاجل | الصحة العالمية: ارتفاع حالات الكوليرا في ثلاث دول\nحذرت منظمة الصحة العالمية من أن \"الوباء ينتشر بسرعة كبيرة\".";
    let qs = quotes(s);
    let q = quote(&qs, "ارتفاع حالات الكوليرا في ثلاث دول");
    assert_eq!(
        (q.kind.as_str(), q.speaker.as_deref()),
        ("headline", Some("منظمة الصحة العالمية"))
    );
    speech(
        &qs,
        "الوباء ينتشر بسرعة كبيرة",
        "direct",
        Some("منظمة الصحة العالمية"),
        Some("حذرت"),
    );
}

#[test]
fn implicit_headline_statement() {
    let s = "بوتين: الغرب أراد تحقيق مزايا على حساب روسيا\nوأوضح بوتين أن الغرب \"قرر العيش وفق قواعده\".";
    let qs = quotes(s);
    let q = quote(&qs, "الغرب أراد تحقيق مزايا على حساب روسيا");
    assert!(q.speech);
    assert_eq!(q.kind, "headline");
    assert_eq!(q.speaker.as_deref(), Some("بوتين"));
    assert_eq!(q.flags, ["implicit"]);
    assert_eq!(&s[q.start..q.end], q.text);
    speech(
        &qs,
        "قرر العيش وفق قواعده",
        "partial",
        Some("بوتين"),
        Some("وأوضح"),
    );
}

#[test]
fn marked_headline_and_outlet_headline() {
    let s = "وزيرة الصحة: \"لن نغلق أي مستشفى\"\nأكدت وزيرة الصحة هالة المنصوري أن \"الخطة جاهزة\".\nالمتحدث لـ\"الأناضول\": الهدنة صامدة حتى الآن";
    let qs = quotes(s);
    speech(
        &qs,
        "لن نغلق أي مستشفى",
        "direct",
        Some("هالة المنصوري"),
        None,
    );
    not_speech(&qs, "الأناضول", "name");
    let q = quote(&qs, "الهدنة صامدة حتى الآن");
    assert_eq!(
        (q.kind.as_str(), q.speaker.as_deref()),
        ("headline", Some("المتحدث"))
    );
}

#[test]
fn labels_and_questions_are_not_headline_quotes() {
    let s = "آخر تحديث: 2025-06-14 10:15\nالمصدر: وكالات الأنباء العالمية اليوم\nاكتشف ما يمكن أن يفعله Daily8 AI من أجلك:\nمستقبل الأكراد في سوريا.. هل تخلت واشنطن عن الحلفاء؟";
    assert!(quotes(s).is_empty(), "{:#?}", quotes(s));
}

#[test]
fn quotes_are_in_document_order_with_indices() {
    let s = "قال أحمد: \"أولا\" و\"ثانيا\" ثم \"ثالثا\".";
    let qs = quotes(s);
    let idx: Vec<usize> = qs.iter().map(|q| q.index).collect();
    assert_eq!(idx, [0, 1, 2]);
    assert!(qs.windows(2).all(|w| w[0].start < w[1].start));
}

// ---------------------------------------------------------------------------------------------
// Evaluation against hand annotations
// ---------------------------------------------------------------------------------------------

#[derive(Deserialize)]
struct Annotations {
    quotes: Vec<Annotated>,
}

#[derive(Deserialize)]
struct Annotated {
    text: String,
    speech: bool,
    kind: String,
    speaker: Option<String>,
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

struct Scores {
    precision: f64,
    recall: f64,
    f1: f64,
    speaker_accuracy: f64,
    kind_accuracy: f64,
}

fn evaluate(name: &str, text_path: &str, annotation_path: &str) -> Scores {
    evaluate_with(name, text_path, annotation_path, segment)
}

/// The crate's own segmentation (`text::analyze`, one paragraph per line as for scraped pages).
fn real_segment(input: &str) -> Vec<Paragraph> {
    let options = Options {
        paragraphs: ParagraphMode::Lines,
        ..Options::default()
    };
    analyze(input, &options).paragraphs
}

fn evaluate_with(
    name: &str,
    text_path: &str,
    annotation_path: &str,
    split: fn(&str) -> Vec<Paragraph>,
) -> Scores {
    let root = env!("CARGO_MANIFEST_DIR");
    let input = std::fs::read_to_string(format!("{root}/{text_path}")).expect("text file");
    let ann: Annotations = serde_json::from_str(
        &std::fs::read_to_string(format!("{root}/{annotation_path}")).expect("annotations"),
    )
    .expect("annotation JSON");
    let found = find_quotes(&input, &split(&input));
    let mut used = vec![false; found.len()];
    let (mut tp, mut fn_, mut speaker_ok, mut kind_ok, mut gold_speech) = (0, 0, 0, 0, 0);
    for a in &ann.quotes {
        let m = (0..found.len()).find(|&i| !used[i] && squash(&found[i].text) == squash(&a.text));
        if let Some(i) = m {
            used[i] = true;
        }
        if !a.speech {
            if let Some(i) = m.filter(|&i| found[i].speech) {
                println!("[{name}] false speech: {:?}", found[i].text);
            }
            continue;
        }
        gold_speech += 1;
        match m.map(|i| &found[i]) {
            Some(q) if q.speech => {
                tp += 1;
                if q.speaker == a.speaker {
                    speaker_ok += 1;
                } else {
                    println!(
                        "[{name}] speaker {:?} != {:?} for {:?}",
                        q.speaker, a.speaker, a.text
                    );
                }
                if q.kind == a.kind {
                    kind_ok += 1;
                } else {
                    println!("[{name}] kind {} != {} for {:?}", q.kind, a.kind, a.text);
                }
            }
            _ => {
                fn_ += 1;
                println!("[{name}] missed speech: {:?}", a.text);
            }
        }
    }
    let mut fp = 0;
    for (i, q) in found.iter().enumerate() {
        let gold = ann
            .quotes
            .iter()
            .any(|a| a.speech && squash(&a.text) == squash(&q.text));
        if q.speech && !gold {
            fp += 1;
            if !used[i] {
                println!("[{name}] unannotated speech: {:?}", q.text);
            }
        }
    }
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    let recall = tp as f64 / (tp + fn_).max(1) as f64;
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    let s = Scores {
        precision,
        recall,
        f1,
        speaker_accuracy: speaker_ok as f64 / gold_speech.max(1) as f64,
        kind_accuracy: kind_ok as f64 / gold_speech.max(1) as f64,
    };
    println!(
        "[{name}] speech quotes: gold {gold_speech}, tp {tp}, fp {fp}, fn {fn_}; P {:.3} R {:.3} F1 {:.3}; speaker accuracy {:.3} ({speaker_ok}/{gold_speech}); kind accuracy {:.3}",
        s.precision, s.recall, s.f1, s.speaker_accuracy, s.kind_accuracy
    );
    s
}

#[test]
fn evaluation_on_the_sample_page() {
    let s = evaluate(
        "sample",
        "samples/000_1fa0ea5cd19dd44f.txt",
        "tests/annotations/sample_quotes.json",
    );
    assert!(s.f1 >= 0.90, "speech-quote F1 {:.3}", s.f1);
    assert!(
        s.speaker_accuracy >= 0.85,
        "speaker accuracy {:.3}",
        s.speaker_accuracy
    );
}

#[test]
fn evaluation_on_held_out_paragraphs() {
    let s = evaluate(
        "heldout",
        "tests/annotations/heldout_quotes.txt",
        "tests/annotations/heldout_quotes.json",
    );
    assert!(s.f1 >= 0.90, "speech-quote F1 {:.3}", s.f1);
    assert!(
        s.speaker_accuracy >= 0.85,
        "speaker accuracy {:.3}",
        s.speaker_accuracy
    );
}

/// Written after the tool and annotated before its first run on it (first run: F1 0.920,
/// speaker accuracy 0.407); the tool was improved on its errors afterwards, so it is no longer
/// blind and is kept as a regression set.
#[test]
fn evaluation_on_the_blind_check_set() {
    let s = evaluate(
        "blind",
        "tests/annotations/blind_quotes.txt",
        "tests/annotations/blind_quotes.json",
    );
    assert!(s.f1 >= 0.90, "speech-quote F1 {:.3}", s.f1);
    assert!(
        s.speaker_accuracy >= 0.85,
        "speaker accuracy {:.3}",
        s.speaker_accuracy
    );
}

#[test]
fn large_and_deeply_nested_inputs() {
    let sample = std::fs::read_to_string(format!(
        "{}/samples/000_1fa0ea5cd19dd44f.txt",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("sample");
    let once = quotes(&sample).len();
    let many = sample.repeat(50);
    assert_eq!(quotes(&many).len(), 50 * once);
    // Thousands of unclosed openers: nesting is capped instead of copying the paragraph per level.
    let nested = "قال أحمد إن \"".repeat(5000) + "نعم";
    let qs = quotes(&nested);
    assert!(!qs.is_empty() && qs.len() <= 8, "{}", qs.len());
    assert!(qs.iter().all(|q| q.flags.contains(&"unclosed".to_string())));
}

/// Written and annotated after the tuning above, before the tool's first run on it (first
/// run: F1 0.955, speaker accuracy 0.609 (14/23)); fixed afterwards, now a regression set.
#[test]
fn evaluation_on_the_second_blind_set() {
    let s = evaluate(
        "blind2",
        "tests/annotations/blind2_quotes.txt",
        "tests/annotations/blind2_quotes.json",
    );
    assert!(s.f1 >= 0.90, "speech-quote F1 {:.3}", s.f1);
    assert!(
        s.speaker_accuracy >= 0.85,
        "speaker accuracy {:.3}",
        s.speaker_accuracy
    );
}

/// Written and annotated after all the tuning above, before the tool's first run on it (first
/// run: F1 1.000, speaker accuracy 0.591 (13/22)); fixed afterwards, now a regression set.
#[test]
fn evaluation_on_the_third_blind_set() {
    let s = evaluate(
        "blind3",
        "tests/annotations/blind3_quotes.txt",
        "tests/annotations/blind3_quotes.json",
    );
    assert!(s.f1 >= 0.90, "speech-quote F1 {:.3}", s.f1);
    assert!(
        s.speaker_accuracy >= 0.85,
        "speaker accuracy {:.3}",
        s.speaker_accuracy
    );
}

/// Written and annotated after all the tuning above, before the tool's first run on it (first
/// run: F1 1.000, speaker accuracy 0.650 (13/20)); fixed afterwards, now a regression set.
#[test]
fn evaluation_on_the_fourth_blind_set() {
    let s = evaluate(
        "blind4",
        "tests/annotations/blind4_quotes.txt",
        "tests/annotations/blind4_quotes.json",
    );
    assert!(s.f1 >= 0.90, "speech-quote F1 {:.3}", s.f1);
    assert!(
        s.speaker_accuracy >= 0.85,
        "speaker accuracy {:.3}",
        s.speaker_accuracy
    );
}

/// Written and annotated after all the tuning above, before the tool's first run on it (first
/// run: F1 1.000, speaker accuracy 0.706 (12/17)); fixed afterwards, now a regression set.
#[test]
fn evaluation_on_the_fifth_blind_set() {
    let s = evaluate(
        "blind5",
        "tests/annotations/blind5_quotes.txt",
        "tests/annotations/blind5_quotes.json",
    );
    assert!(s.f1 >= 0.90, "speech-quote F1 {:.3}", s.f1);
    assert!(
        s.speaker_accuracy >= 0.85,
        "speaker accuracy {:.3}",
        s.speaker_accuracy
    );
}

/// The same evaluations on paragraphs and sentences from the crate's segmenter instead of the
/// test-only one.
#[test]
fn evaluation_with_the_real_segmenter() {
    let sets = [
        (
            "sample",
            "samples/000_1fa0ea5cd19dd44f.txt",
            "sample_quotes",
        ),
        (
            "heldout",
            "tests/annotations/heldout_quotes.txt",
            "heldout_quotes",
        ),
        (
            "blind",
            "tests/annotations/blind_quotes.txt",
            "blind_quotes",
        ),
        (
            "blind2",
            "tests/annotations/blind2_quotes.txt",
            "blind2_quotes",
        ),
        (
            "blind3",
            "tests/annotations/blind3_quotes.txt",
            "blind3_quotes",
        ),
        (
            "blind4",
            "tests/annotations/blind4_quotes.txt",
            "blind4_quotes",
        ),
        (
            "blind5",
            "tests/annotations/blind5_quotes.txt",
            "blind5_quotes",
        ),
    ];
    for (name, text, ann) in sets {
        let label = format!("{name}, real segmenter");
        let s = evaluate_with(
            &label,
            text,
            &format!("tests/annotations/{ann}.json"),
            real_segment,
        );
        assert!(s.f1 >= 0.90, "{label}: speech-quote F1 {:.3}", s.f1);
        assert!(
            s.speaker_accuracy >= 0.85,
            "{label}: speaker accuracy {:.3}",
            s.speaker_accuracy
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

fn check_spans(input: &str, paragraphs: &[Paragraph]) {
    let qs = find_quotes(input, paragraphs);
    let mut last = 0;
    for (i, q) in qs.iter().enumerate() {
        assert_eq!(q.index, i);
        assert!(q.start < q.end && q.end <= input.len(), "{q:?}");
        assert!(input.is_char_boundary(q.start) && input.is_char_boundary(q.end));
        assert!(q.start >= last, "quotes out of order");
        last = q.start;
        assert!(q.paragraph <= q.paragraph_end);
        assert!((0.0..=1.0).contains(&q.confidence));
        if q.speech {
            assert!(matches!(q.kind.as_str(), "direct" | "partial" | "headline"));
        } else {
            assert!(matches!(q.kind.as_str(), "name" | "title" | "scare"));
        }
    }
}

fn arabic_news_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "وقال",
        " ",
        "لافروف",
        ":",
        "\"",
        "“",
        "”",
        "«",
        "»",
        "‘",
        "’",
        "﴾",
        "﴿",
        "‹",
        "›",
        "إن",
        "أن",
        "،",
        ".",
        "..",
        "؟",
        "\n",
        "\n\n",
        "مضيفا",
        "بحسب",
        "لـ",
        "بـ",
        "وكان",
        "قد",
        "الرئيس",
        "صرّح",
        "كيم",
        "بدوره",
        "وصف",
        "بأنها",
        "نحن",
        "هنا",
        "ـ",
        "a",
        "1",
        "\u{200f}",
        "ال",
        "و",
        "(",
        ")",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn never_panics_on_news_like_text(s in arabic_news_text()) {
        check_spans(&s, &segment(&s));
    }

    #[test]
    fn never_panics_on_any_text(s in any::<String>()) {
        check_spans(&s, &segment(&s));
    }

    #[test]
    fn never_panics_with_the_real_segmenter(s in arabic_news_text()) {
        check_spans(&s, &real_segment(&s));
    }

    #[test]
    fn never_panics_on_bad_paragraph_spans(s in arabic_news_text(), cuts in prop::collection::vec((0usize..400, 0usize..400), 0..5)) {
        // Spans out of range, reversed, off char boundaries or overlapping are skipped.
        let paragraphs: Vec<Paragraph> = cuts.iter().enumerate().map(|(i, &(a, b))| Paragraph {
            index: i, text: String::new(), start: a, end: b, boilerplate: false,
            sentences: vec![Sentence { index: 0, text: String::new(), start: b, end: a, parts: vec![] }],
        }).collect();
        check_spans(&s, &paragraphs);
    }
}

// ---------------------------------------------------------------------------------------------
// Second round of blind sets (see tests/annotations/README.md for their first-run figures)
// ---------------------------------------------------------------------------------------------

/// Evaluate a second-round set with both segmenters and check the targets.
fn second_round(name: &str) {
    let text = format!("tests/annotations/{name}_quotes.txt");
    let ann = format!("tests/annotations/{name}_quotes.json");
    for (label, split) in [
        (name.to_string(), segment as fn(&str) -> Vec<Paragraph>),
        (format!("{name}, real segmenter"), real_segment),
    ] {
        let s = evaluate_with(&label, &text, &ann, split);
        assert!(s.f1 >= 0.90, "{label}: speech-quote F1 {:.3}", s.f1);
        assert!(
            s.speaker_accuracy >= 0.85,
            "{label}: speaker accuracy {:.3}",
            s.speaker_accuracy
        );
    }
}

/// Sport, parliament, markets, courts, health (first run: see the README table).
#[test]
fn evaluation_on_blind6() {
    second_round("blind6");
}

/// UN statement, central bank and economists, hospital sources, a literary prize, football.
#[test]
fn evaluation_on_blind7() {
    second_round("blind7");
}

// ---------------------------------------------------------------------------------------------
// Rules added in the second round (each checked by hand)
// ---------------------------------------------------------------------------------------------

#[test]
fn synonymous_role_noun_resolves_to_the_named_holder() {
    let s = "قال مدرب المنتخب التونسي سامي الطرابلسي إن \"المجموعة صعبة جدا\".\nوأضاف الناخب الوطني أن \"الفريق جاهز للتحدي الكبير\".";
    let qs = quotes(s);
    speech(
        &qs,
        "الفريق جاهز للتحدي الكبير",
        "direct",
        Some("سامي الطرابلسي"),
        Some("وأضاف"),
    );
}

#[test]
fn name_after_a_role_and_its_workplace() {
    let s = "وقال كبير المحللين في بنك قطر الوطني جون سميث إن \"الأسواق ستتعافى قريبا\".";
    let qs = quotes(s);
    speech(
        &qs,
        "الأسواق ستتعافى قريبا",
        "direct",
        Some("جون سميث"),
        Some("وقال"),
    );
}

#[test]
fn construct_titles_and_definite_first_names() {
    let s = "وقال وزير خارجية إسبانيا خوسيه مانويل ألباريس إن \"الحوار هو الحل الوحيد\".\nوقال سفير ليبيا لدى الأمم المتحدة الطاهر السني إن \"بلاده ترفض التدخل\".";
    let qs = quotes(s);
    speech(
        &qs,
        "الحوار هو الحل الوحيد",
        "direct",
        Some("خوسيه مانويل ألباريس"),
        Some("وقال"),
    );
    speech(
        &qs,
        "بلاده ترفض التدخل",
        "direct",
        Some("الطاهر السني"),
        Some("وقال"),
    );
}

#[test]
fn relative_clause_subject_is_the_antecedent() {
    let s = "وأشارت الأرقام الصادرة عن الجهاز المركزي للإحصاء، الذي وصف الوضع بأنه \"مقلق للغاية\"، إلى ارتفاع البطالة.";
    let qs = quotes(s);
    let q = quote(&qs, "مقلق للغاية");
    assert!(q.speech, "{q:#?}");
    assert_eq!(
        q.speaker.as_deref(),
        Some("الجهاز المركزي للإحصاء"),
        "{q:#?}"
    );
    // A resumptive pronoun after the verb: the subject follows it.
    let s = "وعرضت القناة فيلم «الطريق» للمخرج سامي علي، الذي قال عنه النقاد إنه «عمل مدهش وجريء».";
    let qs = quotes(s);
    assert_eq!(
        quote(&qs, "عمل مدهش وجريء").speaker.as_deref(),
        Some("النقاد")
    );
}

#[test]
fn ala_lisan_names_the_source_over_a_nearer_verb() {
    let s = "وعلى لسان أحد السكان، نقلت إذاعة \"صوت المدينة\" أن \"الكهرباء مقطوعة منذ يومين\".";
    let qs = quotes(s);
    let q = quote(&qs, "الكهرباء مقطوعة منذ يومين");
    assert!(q.speech);
    assert_eq!(q.speaker, None, "{q:#?}");
}

#[test]
fn name_ending_like_a_pronoun_before_the_complement() {
    let s = "وقال المدرب أليو سيسيه إن \"الفوز كان مستحقا تماما\".";
    let qs = quotes(s);
    speech(
        &qs,
        "الفوز كان مستحقا تماما",
        "direct",
        Some("أليو سيسيه"),
        Some("وقال"),
    );
}

#[test]
fn accusation_frame_and_occasion_nouns() {
    let s = "واتهم النائب سالم الهاجري الوزارة بـ\"التقصير\".\nوأوضح الهاجري في تصريح للصحفيين أن \"الملف لم يغلق بعد\".";
    let qs = quotes(s);
    speech(
        &qs,
        "التقصير",
        "partial",
        Some("سالم الهاجري"),
        Some("واتهم"),
    );
    speech(
        &qs,
        "الملف لم يغلق بعد",
        "direct",
        Some("سالم الهاجري"),
        Some("وأوضح"),
    );
}

#[test]
fn short_speech_after_a_colon_and_short_predicates() {
    let s = "وسئل الوزير عن الاستقالة، فقال: \"لا\".\nوأكد الوزير أن فريقه \"جاهز تماما\" للمرحلة المقبلة.\nوقالت الهيئة إن الحكم \"مسيّس\".";
    let qs = quotes(s);
    assert!(quote(&qs, "لا").speech);
    assert!(quote(&qs, "جاهز تماما").speech);
    assert!(quote(&qs, "مسيّس").speech);
    // Right after a complementiser a short quote is the clause's subject, not speech.
    let qs = quotes("وقال الوزير إن \"أنصار الله\" هاجموا السفينة.");
    assert!(!quote(&qs, "أنصار الله").speech);
}

#[test]
fn anonymous_noun_with_adjectives_and_suffixed_title_first() {
    let s = "وأفاد مصدر طبي بأن \"عشرات الجرحى وصلوا إلى المستشفى\".\nأما مدربه كارلو أنشيلوتي فقال إن الفريق \"لم يقدم أفضل ما لديه\".";
    let qs = quotes(s);
    speech(
        &qs,
        "عشرات الجرحى وصلوا إلى المستشفى",
        "direct",
        None,
        Some("وأفاد"),
    );
    let q = quote(&qs, "لم يقدم أفضل ما لديه");
    assert_eq!(q.speaker.as_deref(), Some("كارلو أنشيلوتي"), "{q:#?}");
}

/// Wire datelines, a banking plan, a court, cholera figures, two foreign ministries, cinema.
#[test]
fn evaluation_on_blind8() {
    second_round("blind8");
}

#[test]
fn role_then_name_in_apposition() {
    let s = "وقال محامي العائلة، كريم نجيب، إن القرار \"غير قانوني بالمرة\".";
    let qs = quotes(s);
    speech(
        &qs,
        "غير قانوني بالمرة",
        "partial",
        Some("كريم نجيب"),
        Some("وقال"),
    );
}

#[test]
fn verbal_noun_object_and_purpose_verbs() {
    let s = "وأعلنت وزارة الداخلية المغربية تسجيل 40 حادثا، مشيرة إلى أن الوضع \"تحت السيطرة التامة\".\nوعاد الوزير سعيد بنعلي ليؤكد أن \"الطرق آمنة في كل المناطق\".";
    let qs = quotes(s);
    let q = quote(&qs, "تحت السيطرة التامة");
    assert_eq!(
        q.speaker.as_deref(),
        Some("وزارة الداخلية المغربية"),
        "{q:#?}"
    );
    let q = quote(&qs, "الطرق آمنة في كل المناطق");
    assert_eq!(q.speaker.as_deref(), Some("سعيد بنعلي"), "{q:#?}");
}

#[test]
fn dateline_is_no_headline_statement() {
    let qs = quotes("الرباط: أعلنت الحكومة المغربية رفع أسعار الوقود ابتداء من الغد.");
    assert!(qs.is_empty(), "{qs:#?}");
    let qs = quotes("عمّان: قضت محكمة أمن الدولة بسجن ثلاثة متهمين.");
    assert!(qs.is_empty(), "{qs:#?}");
}

/// Fronted quote with a cue after it, eyewitnesses, an education reform and its critics, a
/// World Bank report, a company chief and an analyst.
#[test]
fn evaluation_on_blind9() {
    second_round("blind9");
}

#[test]
fn plural_sources_and_roles_of_quoted_companies() {
    let s = "وقال شهود عيان إن \"الانفجار هز المنطقة بأكملها\".\nوقالت المديرة التنفيذية لمنظمة \"أطباء بلا حدود\" كارين سميث إن الفرق \"منهكة تماما\".";
    let qs = quotes(s);
    speech(
        &qs,
        "الانفجار هز المنطقة بأكملها",
        "direct",
        None,
        Some("وقال"),
    );
    let q = quote(&qs, "منهكة تماما");
    assert_eq!(q.speaker.as_deref(), Some("كارين سميث"), "{q:#?}");
    not_speech(&qs, "أطباء بلا حدود", "name");
}

/// A coach appointment, a court and its spokesman, a medical study, an anonymous government
/// source, economists, a book fair.
#[test]
fn evaluation_on_blind10() {
    second_round("blind10");
}

#[test]
fn manner_adverbs_and_audiences_are_no_subjects() {
    let s = "وقال المدرب جمال سلامي إن \"المباراة كانت صعبة\"، وأضاف ضاحكا: \"لكننا فزنا في النهاية\".\nوقالت الوزيرة ليلى بنعلي: \"الطاقة أولوية\". ثم قالت للحضور: \"شكرا لكم جميعا\".";
    let qs = quotes(s);
    speech(
        &qs,
        "لكننا فزنا في النهاية",
        "direct",
        Some("جمال سلامي"),
        Some("وأضاف"),
    );
    speech(
        &qs,
        "شكرا لكم جميعا",
        "direct",
        Some("ليلى بنعلي"),
        Some("قالت"),
    );
}

#[test]
fn indefinite_studies_same_source_and_nisba_plurals_are_anonymous() {
    let s = "وكشفت دراسة جديدة أجرتها جامعة أوكسفورد أن النوم \"يحمي الذاكرة\".\nوقال مصدر أمني إن الهجوم \"كان متوقعا\". وأضاف المصدر ذاته أن التحقيق \"ما زال جاريا\".\nوحذر حقوقيون من أن القانون \"يقيد الحريات العامة\".";
    let qs = quotes(s);
    for text in [
        "يحمي الذاكرة",
        "كان متوقعا",
        "ما زال جاريا",
        "يقيد الحريات العامة",
    ] {
        let q = quote(&qs, text);
        assert!(q.speech, "{q:#?}");
        assert_eq!(q.speaker, None, "{q:#?}");
    }
}

#[test]
fn sources_named_only_after_according_forms_get_their_full_name() {
    let s = "ووفقا للباحث في المرصد الدكتور سمير نصار، فإن الأرقام \"مقلقة جدا\".\nونقلت صحيفة \"النهار\" عن نصار قوله: \"الوضع يزداد سوءا كل يوم\".";
    let qs = quotes(s);
    let q = quote(&qs, "الوضع يزداد سوءا كل يوم");
    assert_eq!(q.speaker.as_deref(), Some("سمير نصار"), "{q:#?}");
}

#[test]
fn titled_person_of_an_earlier_verb_in_the_sentence() {
    let s = "وفي حفل التوقيع، قدم الروائي الليبي إبراهيم الكوني كتابه الجديد، وقال: \"الصحراء علمتني الصبر\".";
    let qs = quotes(s);
    speech(
        &qs,
        "الصحراء علمتني الصبر",
        "direct",
        Some("إبراهيم الكوني"),
        Some("وقال"),
    );
}

/// A crown prince interview, a market feature with vox pops, a ministry statement and a
/// spokesman's post, a European Commission speech.
#[test]
fn evaluation_on_blind11() {
    second_round("blind11");
}

#[test]
fn last_title_of_a_chain_links_to_the_name() {
    let s = "قال أمير دولة الكويت الشيخ مشعل الأحمد إن \"الوحدة الوطنية خط أحمر\".\nوأضاف الشيخ: \"لن نسمح بالمساس بها\".";
    let qs = quotes(s);
    speech(
        &qs,
        "لن نسمح بالمساس بها",
        "direct",
        Some("مشعل الأحمد"),
        Some("وأضاف"),
    );
}

#[test]
fn descriptions_topics_and_statement_issuers() {
    let s = "\"الأسعار نار\"، تقول أم سليم، وهي ربة منزل.\nوتضيف السيدة الخمسينية بغضب: \"لم نعد نحتمل\".\nأما زوجته سعاد علي فتقول إن الحياة \"أصبحت مستحيلة\".\nوجاء في بيان لوزارة الاقتصاد الأردنية أن الأسعار \"ستنخفض قريبا\".";
    let qs = quotes(s);
    assert_eq!(
        quote(&qs, "لم نعد نحتمل").speaker.as_deref(),
        Some("أم سليم")
    );
    assert_eq!(
        quote(&qs, "أصبحت مستحيلة").speaker.as_deref(),
        Some("سعاد علي")
    );
    assert_eq!(
        quote(&qs, "ستنخفض قريبا").speaker.as_deref(),
        Some("وزارة الاقتصاد الأردنية")
    );
}

/// A president and an opposition MP, a corruption trial, a coach's press conference, a heat
/// wave, an activist's post.
#[test]
fn evaluation_on_blind12() {
    second_round("blind12");
}

#[test]
fn objects_in_construct_after_a_name_and_advice_frames() {
    let s = "وانتقد النائب المستقل هادي جمال الدين سياسة الحكومة، وقال إن الخطة \"فاشلة تماما\".\nوقرر القاضي سمير أحمد عبد الله تأجيل القضية، قائلا: \"نحتاج إلى وقت أطول\".\nونصحت وزارة البيئة السكان بـ\"البقاء في المنازل\".";
    let qs = quotes(s);
    assert_eq!(
        quote(&qs, "فاشلة تماما").speaker.as_deref(),
        Some("هادي جمال الدين")
    );
    assert_eq!(
        quote(&qs, "نحتاج إلى وقت أطول").speaker.as_deref(),
        Some("سمير أحمد عبد الله")
    );
    assert_eq!(
        quote(&qs, "البقاء في المنازل").speaker.as_deref(),
        Some("وزارة البيئة")
    );
}

#[test]
fn construct_title_of_an_earlier_verb_is_the_speaker() {
    let s = "وسئل مدرب الوداد رولاني موكوينا عن إصابة المهاجم سامي بنعلي، فأجاب: \"سيغيب أسبوعين على الأقل\".";
    let qs = quotes(s);
    assert_eq!(
        quote(&qs, "سيغيب أسبوعين على الأقل").speaker.as_deref(),
        Some("رولاني موكوينا")
    );
}

/// A farm minister and his description, an army statement and a health ministry, a player's
/// fronted quote, an anonymous company source, a quote over two paragraphs.
#[test]
fn evaluation_on_blind13() {
    second_round("blind13");
}

#[test]
fn statements_of_an_issuer_same_source_and_official_descriptions() {
    let s = "وقال بيان للشرطة المصرية إن المشتبه به \"سلم نفسه طواعية\".\nوقالت النقابة إن الأجور \"متدنية جدا\"، واتهمت الحكومة بـ\"التهرب من التزاماتها\".\nوقال مصدر في الوزارة إن القرار \"نهائي\" تماما. وبحسب المصدر نفسه، فإن الوزير \"لن يتراجع عنه\".\nوقال وزير النقل سامح الحفني إن المطار \"سيفتتح في موعده\". وأوضح المسؤول الحكومي أن الأشغال \"تجاوزت 90 في المئة\".";
    let qs = quotes(s);
    assert_eq!(
        quote(&qs, "سلم نفسه طواعية").speaker.as_deref(),
        Some("الشرطة المصرية")
    );
    assert_eq!(
        quote(&qs, "التهرب من التزاماتها").speaker.as_deref(),
        Some("النقابة")
    );
    assert_eq!(quote(&qs, "لن يتراجع عنه").speaker, None);
    assert_eq!(
        quote(&qs, "تجاوزت 90 في المئة").speaker.as_deref(),
        Some("سامح الحفني")
    );
}

/// An IMF forecast and its regional director, two sides of a war and a doctor, two musicians
/// in one sentence, an election commission and a prime minister.
#[test]
fn evaluation_on_blind14() {
    second_round("blind14");
}

#[test]
fn quoted_group_subject_and_surname_before_an_object() {
    let s = "وقالت \"حماس\" إنها \"لن تقبل بأي شروط مسبقة\".\nونفى الحداد وجود أي خلاف داخل الحزب، مؤكدا أن \"الصف موحد\".\nوقال \"لن نتراجع أبدا\" ثم غادر القاعة.";
    let qs = quotes(s);
    assert_eq!(
        quote(&qs, "لن تقبل بأي شروط مسبقة").speaker.as_deref(),
        Some("حماس")
    );
    assert_eq!(quote(&qs, "الصف موحد").speaker.as_deref(), Some("الحداد"));
    // A short quote right after the verb that no complement follows is the speech itself.
    let q = quote(&qs, "لن نتراجع أبدا");
    assert!(q.speech);
    assert_ne!(q.speaker.as_deref(), Some("لن نتراجع أبدا"));
}

/// A UN envoy and a rebel spokesman, a tennis player, an AI company and wire sources, two MPs.
#[test]
fn evaluation_on_blind15() {
    second_round("blind15");
}

#[test]
fn titles_across_prepositions_and_quoted_groups() {
    let s = "قال المبعوث الأممي إلى ليبيا عبد الله باتيلي إن الحوار \"هو المخرج الوحيد\".\nوحذر المبعوث من أن \"الوقت ينفد\".\nوقال المتحدث باسم حركة \"فتح\" جمال نزال إن الحركة \"لن تشارك في أي حكومة\".\nورد عليه النائب عن كتلة \"الوفاء\" سمير خالد بأن الكلام \"غير مسؤول\".";
    let qs = quotes(s);
    assert_eq!(
        quote(&qs, "هو المخرج الوحيد").speaker.as_deref(),
        Some("عبد الله باتيلي")
    );
    assert_eq!(
        quote(&qs, "الوقت ينفد").speaker.as_deref(),
        Some("عبد الله باتيلي")
    );
    assert_eq!(
        quote(&qs, "لن تشارك في أي حكومة").speaker.as_deref(),
        Some("جمال نزال")
    );
    assert_eq!(
        quote(&qs, "غير مسؤول").speaker.as_deref(),
        Some("سمير خالد")
    );
    not_speech(&qs, "الوفاء", "name");
}

/// Kremlin and British prime minister, a Kuwaiti minister, a rights lawyer and a detainee,
/// a football captain.
#[test]
fn evaluation_on_blind16() {
    second_round("blind16");
}

#[test]
fn coordinated_roles_and_short_forms_of_long_roles() {
    let s = "وزير النقل المصري: لا زيادة في أسعار التذاكر هذا العام\nأكد وزير النقل والمواصلات والبنية التحتية المصري كامل الوزير أن الأسعار \"ستبقى كما هي\".\nوتروي منى، وهي موظفة، أنها \"تنفق نصف راتبها على المواصلات\".";
    let qs = quotes(s);
    assert_eq!(
        quote(&qs, "لا زيادة في أسعار التذاكر هذا العام")
            .speaker
            .as_deref(),
        Some("كامل الوزير")
    );
    assert_eq!(
        quote(&qs, "ستبقى كما هي").speaker.as_deref(),
        Some("كامل الوزير")
    );
    assert_eq!(
        quote(&qs, "تنفق نصف راتبها على المواصلات")
            .speaker
            .as_deref(),
        Some("منى")
    );
}

/// A health ministry and its director, medical sources and a displaced father, a UN report and
/// spokesman, a footballer, a judge and a prosecution source.
#[test]
fn evaluation_on_blind17() {
    second_round("blind17");
}

#[test]
fn manner_phrase_after_a_name_but_not_a_surname() {
    let s = "ويقول أحمد بدران: \"الوضع صعب جدا\".\nويضيف أبو سليم بصوت خافت: \"لم يبق لنا شيء\".";
    let qs = quotes(s);
    assert_eq!(
        quote(&qs, "الوضع صعب جدا").speaker.as_deref(),
        Some("أحمد بدران")
    );
    assert_eq!(
        quote(&qs, "لم يبق لنا شيء").speaker.as_deref(),
        Some("أبو سليم")
    );
}

// ---------------------------------------------------------------------------------------------
// Constructions met in real news pages (each rule with a sentence of our own)
// ---------------------------------------------------------------------------------------------

fn speaker_of<'a>(qs: &'a [Quote], text: &str) -> Option<&'a str> {
    quote(qs, text).speaker.as_deref()
}

#[test]
fn a_common_word_after_a_given_name_and_surname_ends_the_name() {
    // `لأول مرة` (for the first time) is an adverb of the verb, not the singer's surname.
    let s = "وقالت بلقيس فتحي لأول مرة إن \"الأغنية جاهزة للطرح\".";
    let qs = quotes(s);
    assert_eq!(speaker_of(&qs, "الأغنية جاهزة للطرح"), Some("بلقيس فتحي"));
    // A definite surname is no common word: the name keeps it.
    let s = "وقال محمد سعد الهاشمي إن \"الفريق جاهز\".";
    let qs = quotes(s);
    assert_eq!(speaker_of(&qs, "الفريق جاهز"), Some("محمد سعد الهاشمي"));
    // Nor is a given name that is also a word (`ربيع`, spring).
    let s = "وقال أحمد علي ربيع إن \"الموسم بدأ\".";
    let qs = quotes(s);
    assert_eq!(speaker_of(&qs, "الموسم بدأ"), Some("أحمد علي ربيع"));
}

#[test]
fn a_role_written_after_the_name_is_no_part_of_it() {
    let s = "وقال سليم حداد رئيس اتحاد الصناعيين إن \"المصانع تعمل بنصف طاقتها\".\nوأضاف رئيس الاتحاد: \"نحتاج إلى دعم عاجل\".";
    let qs = quotes(s);
    assert_eq!(
        speaker_of(&qs, "المصانع تعمل بنصف طاقتها"),
        Some("سليم حداد")
    );
    // The trailing role is linked to him, so the role alone resolves to his name.
    assert_eq!(speaker_of(&qs, "نحتاج إلى دعم عاجل"), Some("سليم حداد"));
}

#[test]
fn role_comma_name_appositions_give_the_full_name() {
    let s = "قال منسق الإغاثة في المنظمة، كريم منصور، إن \"المخازن فارغة تماما\".\nوتابع منصور: \"لم تصل الشحنات منذ أسبوع\".";
    let qs = quotes(s);
    assert_eq!(speaker_of(&qs, "المخازن فارغة تماما"), Some("كريم منصور"));
    assert_eq!(
        speaker_of(&qs, "لم تصل الشحنات منذ أسبوع"),
        Some("كريم منصور")
    );
}

#[test]
fn a_name_set_off_by_commas_right_after_the_verb() {
    let s = "دعا، هشام العلي، وزير النقل، السائقين إلى الحذر، وقال إن \"الطرق زلقة بعد المطر\".";
    let qs = quotes(s);
    assert_eq!(speaker_of(&qs, "الطرق زلقة بعد المطر"), Some("هشام العلي"));
}

#[test]
fn a_bare_office_resolves_to_the_speaker_holding_it() {
    let s = "أكد الناطق الرسمي باسم البلدية سامر يوسف أن \"الشوارع ستفتح غدا\".\nوأوضح المتحدث باسم البلدية أن \"الفرق تعمل طوال الليل\".";
    let qs = quotes(s);
    assert_eq!(speaker_of(&qs, "الفرق تعمل طوال الليل"), Some("سامر يوسف"));
}

#[test]
fn an_office_held_by_nobody_named_stays_as_written() {
    let s = "قال الرئيس نزار فهد إن \"البلاد بخير\".\nوقال وزير الري إن \"السدود ممتلئة\".";
    let qs = quotes(s);
    assert_eq!(speaker_of(&qs, "السدود ممتلئة"), Some("وزير الري"));
}

#[test]
fn a_short_form_of_a_body_resolves_to_its_full_name() {
    let s = "أعلنت وزارة الزراعة الأردنية، الأحد، خطة جديدة.\nالوزارة قالت في بيان: \"سنوزع البذور مجانا\".\nوجاء في بيان للمنظمة الدولية للهجرة أن \"الأعداد تتزايد\".\nوأضافت المنظمة أن \"المساعدات لا تكفي\".";
    let qs = quotes(s);
    assert_eq!(
        speaker_of(&qs, "سنوزع البذور مجانا"),
        Some("وزارة الزراعة الأردنية")
    );
}

#[test]
fn an_outlet_passing_a_report_on_is_not_the_speaker() {
    let s = "ندد رئيس الوزراء خالد الزين بالهجوم، حسبما نقلت وكالة \"الأنباء الرسمية\".\nوقال في بيان صادر عن مكتبه \"لن نسكت عن هذا الاعتداء\".";
    let qs = quotes(s);
    assert_eq!(
        speaker_of(&qs, "لن نسكت عن هذا الاعتداء"),
        Some("خالد الزين")
    );
    let s = "وأضاف الوزير عادل نصار - حسبما ذكرت قناة (الرابعة) - أنه \"لا حاجة لتعديل الخطة\".";
    assert_eq!(
        speaker_of(&quotes(s), "لا حاجة لتعديل الخطة"),
        Some("عادل نصار")
    );
}

#[test]
fn verbal_nouns_and_words_after_prepositions_open_no_subject() {
    let s = "قال وزير الخارجية ماهر سالم إن \"الحوار مستمر\".\nوأكد دعم بلاده الكامل للحل السلمي، مشددا على \"ضرورة وقف القتال\".\nوشدد سالم على رفض الأردن التدخل، مؤكدا أن البلاد \"لن تكون ساحة حرب\".";
    let qs = quotes(s);
    assert_eq!(speaker_of(&qs, "ضرورة وقف القتال"), Some("ماهر سالم"));
    assert_eq!(speaker_of(&qs, "لن تكون ساحة حرب"), Some("ماهر سالم"));
}

#[test]
fn a_participle_of_manner_takes_an_object_not_a_subject() {
    let s = "وقال رئيس الحكومة وليد حمدان: \"أمامنا عمل كثير\".\nوأضاف مخاطبا النواب: \"أبوابنا مفتوحة للجميع\".\nوقال حمدان مبتسما الصحفيين: \"هذا سؤال جيد\".";
    let qs = quotes(s);
    assert_eq!(speaker_of(&qs, "أبوابنا مفتوحة للجميع"), Some("وليد حمدان"));
}

#[test]
fn a_relative_clause_about_its_antecedent_has_another_subject() {
    let s = "وقال الطبيب نبيل عواد إن الوضع \"كارثي\"، لا سيما في المخيم الذي قال إنه \"بلا ماء منذ أيام\".";
    let qs = quotes(s);
    assert_eq!(speaker_of(&qs, "بلا ماء منذ أيام"), Some("نبيل عواد"));
}

#[test]
fn institution_genitives_and_group_names_belong_to_the_role() {
    let s = "وقال حاكم مصرف الجنوب المركزي ربيع الخطيب إن \"الليرة مستقرة\".\nوأكد الناطق باسم حركة النهضة سمير داوود أن \"الحركة لن تشارك\".\nوقال رئيس المرصد الوطني لحقوق الإنسان عمر بكري إن \"الأرقام موثقة\".";
    let qs = quotes(s);
    assert_eq!(speaker_of(&qs, "الليرة مستقرة"), Some("ربيع الخطيب"));
    assert_eq!(speaker_of(&qs, "الحركة لن تشارك"), Some("سمير داوود"));
    assert_eq!(speaker_of(&qs, "الأرقام موثقة"), Some("عمر بكري"));
}

#[test]
fn names_ending_in_allah_and_persian_letters() {
    let s = "قال المتحدث باسم الجيش العميد نبيل عبدالله، اليوم، إن \"القوات تتقدم ببطء\".\nوقال المتحدث باسم الخارجية ناصر کنعاني إن \"المحادثات مستمرة\".\nوأضاف كنعاني أن \"الوفد سيعود غدا\".";
    let qs = quotes(s);
    assert_eq!(speaker_of(&qs, "القوات تتقدم ببطء"), Some("نبيل عبدالله"));
    assert_eq!(speaker_of(&qs, "الوفد سيعود غدا"), Some("ناصر کنعاني"));
}

#[test]
fn a_hashtag_sign_does_not_cut_a_role() {
    let s = "قال متحدث #الأرصاد الدكتور فهد الشمري إن \"الأمطار ستستمر حتى الغد\".";
    let qs = quotes(s);
    assert_eq!(
        speaker_of(&qs, "الأمطار ستستمر حتى الغد"),
        Some("فهد الشمري")
    );
}

#[test]
fn one_word_quotes_inside_reported_clauses_are_partial_speech() {
    let s = "وقال المتحدث سعيد ناصر إن الأخبار المتداولة \"مفبركة\"، واصفا إياها بـ\"المضللة\".\nوأضاف ناصر أن الحكومة \"ضاعفت\" ميزانية الصحة.";
    let qs = quotes(s);
    speech(&qs, "مفبركة", "partial", Some("سعيد ناصر"), Some("وقال"));
    assert!(quote(&qs, "المضللة").speech);
    assert!(quote(&qs, "ضاعفت").speech);
}

#[test]
fn short_quotes_after_prepositions_and_quoted_subjects_are_names() {
    let s = "وقال المدير خلال تصريحات لفضائية \"الرؤية\": \"النتائج مطمئنة\".\nأعلنت \"الهيئة العليا للانتخابات\" في البلاد عن أن \"نسبة المشاركة بلغت ستين بالمئة\".\nوقال الوزير إن الموقف بشأن \"حادثة الميناء\" كان واضحا.";
    let qs = quotes(s);
    not_speech(&qs, "الرؤية", "name");
    not_speech(&qs, "الهيئة العليا للانتخابات", "name");
    assert!(!quote(&qs, "حادثة الميناء").speech);
    assert_eq!(
        speaker_of(&qs, "نسبة المشاركة بلغت ستين بالمئة"),
        Some("الهيئة العليا للانتخابات")
    );
}

#[test]
fn objects_after_a_subject_are_no_part_of_the_name() {
    let s = "دعا وزير الداخلية الشيخ فيصل بن سالم آل حمد إيران إلى \"الكف عن التدخل\".\nوهاجم الوزير طهران قائلا: \"لن نقبل التهديد\".";
    let qs = quotes(s);
    assert_eq!(
        speaker_of(&qs, "الكف عن التدخل"),
        Some("فيصل بن سالم آل حمد")
    );
    assert_eq!(
        speaker_of(&qs, "لن نقبل التهديد"),
        Some("فيصل بن سالم آل حمد")
    );
}

/// The translate path analyses the page with automatic paragraphs (not one per line): the
/// sample's speakers must hold there too (a comma before `زيارة لافروف` once made that phrase
/// Lavrov's full name).
#[test]
fn sample_page_speakers_with_automatic_paragraphs() {
    fn auto_segment(input: &str) -> Vec<Paragraph> {
        analyze(input, &Options::default()).paragraphs
    }
    let s = evaluate_with(
        "sample, automatic paragraphs",
        "samples/000_1fa0ea5cd19dd44f.txt",
        "tests/annotations/sample_quotes.json",
        auto_segment,
    );
    assert!(s.f1 >= 0.90, "speech-quote F1 {:.3}", s.f1);
    assert!(
        s.speaker_accuracy >= 0.95,
        "speaker accuracy {:.3}",
        s.speaker_accuracy
    );
}

/// A line that stops right after a role and a preposition (a truncated scraped line) once
/// indexed past the end of the paragraph while looking for a workplace.
#[test]
fn a_line_ending_in_a_role_and_a_preposition_does_not_panic() {
    for s in [
        "قال الخبير في",
        "وقال المتحدث في",
        "قال رئيس في",
        "قال المدير لدى",
        "\"كلام طويل هنا جدا\" قال الخبير في",
    ] {
        let qs = quotes(s);
        assert!(qs.iter().all(|q| q.end <= s.len()), "{s}");
        let _ = analyze(s, &Options::default());
    }
}

/// Cases a review of the real-news rules found wrong, kept right.
#[test]
fn review_cases_quoted_words_sources_hashtag_tags_and_genitives() {
    // Words in marks after a role are what the role said, not the role holder's name.
    let s = "وقال الوزير محمد علي إن الوضع صعب.\nوأضاف الوزير \"نحن مستعدون للحوار\".";
    let qs = quotes(s);
    assert_eq!(speaker_of(&qs, "نحن مستعدون للحوار"), Some("محمد علي"));
    // A source right before its words: speech, anonymous.
    let s = "وقال مصدر \"لا صحة لهذه الأنباء على الإطلاق\".";
    let q = quote(&quotes(s), "لا صحة لهذه الأنباء على الإطلاق").clone();
    assert!(q.speech && q.speaker.is_none(), "{q:#?}");
    // A hashtag tag before a headline.
    let s = "#السودان | البرهان: لن نتفاوض مع المتمردين أبدا";
    let qs = quotes(s);
    let q = qs
        .iter()
        .find(|q| q.kind == "headline")
        .expect("headline quote");
    assert_eq!(q.speaker.as_deref(), Some("البرهان"));
    // A construct title's genitive before a name opened by `عبد`.
    let s = "وقال رئيس مصر عبد الفتاح السيسي إن \"الدولة ماضية في الإصلاح\".";
    assert_eq!(
        speaker_of(&quotes(s), "الدولة ماضية في الإصلاح"),
        Some("عبد الفتاح السيسي")
    );
}

/// Quotes through the whole analysis (automatic boilerplate flags, line paragraphs).
fn analyzed_quotes(input: &str) -> Vec<Quote> {
    let options = Options {
        paragraphs: ParagraphMode::Lines,
        ..Options::default()
    };
    analyze(input, &options).quotes
}

#[test]
fn a_given_name_completes_a_surname_also_when_it_is_a_title_word() {
    // `حاكم` is also "governor"; before a family name in `ـي` it is a first name.
    let s = "أعلن النائب الأول لرئيس البرلمان حاكم الشمري، اليوم، موعد الجلسة.\nوقال الشمري: \"الجلسة ستعقد الأسبوع المقبل\".";
    assert_eq!(
        speaker_of(&quotes(s), "الجلسة ستعقد الأسبوع المقبل"),
        Some("حاكم الشمري")
    );
    // A lone first name goes on with the surname written after it elsewhere.
    let s = "التمس مهدي سالم مدرب الفريق العذر للجماهير.\nوتحدث مهدي عن المباراة المقبلة قائلا: \"سنعود أقوى\".";
    assert_eq!(speaker_of(&quotes(s), "سنعود أقوى"), Some("مهدي سالم"));
}

#[test]
fn an_undefined_word_after_a_definite_surname_is_the_verbs_object() {
    let s = "وجهت الفنانة ليلى الكعبي رسالة للجمهور بعد الحفل.\nوقالت ليلى: \"أشكركم على المحبة\".";
    assert_eq!(
        speaker_of(&quotes(s), "أشكركم على المحبة"),
        Some("ليلى الكعبي")
    );
    // No name word is written with tanwin.
    let s = "وقال المدرب جمال الحسيني ردًا على سؤال: \"الفريق جاهز\".";
    assert_eq!(speaker_of(&quotes(s), "الفريق جاهز"), Some("جمال الحسيني"));
}

#[test]
fn a_role_after_a_name_links_them_with_or_without_a_comma() {
    let s = "رئيس وزراء العراق: \"لن نسمح بالفوضى\"\nأكد محمد جاسم الربيعي، رئيس الوزراء العراقي، أن البلاد آمنة.";
    assert_eq!(
        speaker_of(&quotes(s), "لن نسمح بالفوضى"),
        Some("محمد جاسم الربيعي")
    );
    let s = "وقال أحمد حمدي السيد: \"المعرض ناجح\".\nواستمع الحضور إلى كلمة أحمد حمدي السيد وزير الثقافة.\nوقال الوزير: \"الكتاب باق\".";
    assert_eq!(
        speaker_of(&quotes(s), "الكتاب باق"),
        Some("أحمد حمدي السيد")
    );
}

#[test]
fn the_spokesman_of_a_body_stays_a_role() {
    let s = "وقال المتحدث الرسمي باسم الجيش السوداني في بيان: \"قواتنا تتصدى للهجوم\".";
    assert_eq!(
        speaker_of(&quotes(s), "قواتنا تتصدى للهجوم"),
        Some("المتحدث الرسمي باسم الجيش السوداني")
    );
    // `متحدث باسم …` is a spokesman, not the spokesman: anonymous.
    let s = "وقال متحدث باسم وزارة الصحة إن \"الوضع كارثي\".";
    let q = quote(&quotes(s), "الوضع كارثي").clone();
    assert!(q.speech && q.speaker.is_none(), "{q:#?}");
}

#[test]
fn ascii_apostrophes_and_doubled_apostrophes_are_quote_marks() {
    let s = "وقال الوزير سامي الحلبي 'إن تركيا ترتكب أفعالا عدائية في سوريا'.";
    speech(
        &quotes(s),
        "إن تركيا ترتكب أفعالا عدائية في سوريا",
        "direct",
        Some("سامي الحلبي"),
        Some("وقال"),
    );
    let s = "وقال الرئيس قيس سعيد ''ستبقى العلاقات بين البلدين علاقات حسن جوار''.";
    speech(
        &quotes(s),
        "ستبقى العلاقات بين البلدين علاقات حسن جوار",
        "direct",
        Some("قيس سعيد"),
        Some("وقال"),
    );
    // An apostrophe between two letters is no mark.
    let s = "قال المدرب: \"Kurdistan's team played well\".";
    assert_eq!(quotes(s).len(), 1);
}

#[test]
fn a_nickname_in_quote_marks_stands_for_the_full_name() {
    let s = "قال قائد القوات محمد حمدان دقلو \"حميدتي\" إن الحرب ستنتهي.\nوأضاف حميدتي: \"سنبني دولة المواطنة\".";
    assert_eq!(
        speaker_of(&quotes(s), "سنبني دولة المواطنة"),
        Some("محمد حمدان دقلو")
    );
}

#[test]
fn the_story_goes_on_after_a_related_stories_block_in_mid_page() {
    let s = "قال المتحدث باسم الجيش اللواء أحمد المسماري إن \"القوات تواصل مهامها\".\nأخبار ذات صلة\nأوروبا تدعو تركيا إلى وقف \"التحركات الأحادية\" في ليبيا\nوتابع \"المليشيات نفذت اغتيالات طالت المدنيين\".";
    let qs = analyzed_quotes(s);
    assert_eq!(
        speaker_of(&qs, "المليشيات نفذت اغتيالات طالت المدنيين"),
        Some("أحمد المسماري")
    );
}

#[test]
fn a_headline_statement_leaves_out_a_media_tag() {
    let s = "متحدث الأرصاد: نتوقع استمرار هطول الأمطار على المدينة حتى الغد (فيديو)";
    let qs = quotes(s);
    let q = qs.iter().find(|q| q.kind == "headline").expect("headline");
    assert_eq!(q.text, "نتوقع استمرار هطول الأمطار على المدينة حتى الغد");
}

#[test]
fn a_bare_speaker_word_goes_on_with_the_last_speaker() {
    let s =
        "وقال الأمين العام أحمد يوسف إن \"القمة ناجحة\".\nوقال المتحدث أن \"الجميع يعمل بإخلاص\".";
    assert_eq!(
        speaker_of(&quotes(s), "الجميع يعمل بإخلاص"),
        Some("أحمد يوسف")
    );
    let s = "وأضاف المتحدث ذاته: \"لا تراجع عن القرار\".";
    let s = format!("قال الوزير سالم العلي: \"القرار نهائي\".\n{s}");
    assert_eq!(
        speaker_of(&quotes(&s), "لا تراجع عن القرار"),
        Some("سالم العلي")
    );
}

#[test]
fn an_office_nobody_holds_is_the_storys_one_speaker_without_a_role() {
    let s = "وقال وزير الداخلية في برنامج تلفزيوني إن \"الوضع تحت السيطرة\".\nوأضاف بدوي أن \"الأمن مستتب\".\nوختم بدوي: \"سنواصل العمل\".";
    assert_eq!(speaker_of(&quotes(s), "الوضع تحت السيطرة"), Some("بدوي"));
}

#[test]
fn a_preposition_word_after_a_role_is_no_name() {
    let s = "وقال رئيس المرصد السوري رامي عبد الرحمن إن \"الأرقام موثقة\".\nووصف رئيس المرصد السوري لحقوق الإنسان ما يحدث بأنه \"جرائم حرب\".";
    assert_eq!(speaker_of(&quotes(s), "جرائم حرب"), Some("رامي عبد الرحمن"));
}

#[test]
fn the_titled_subject_of_the_first_verb_speaks_for_a_later_cue() {
    let s = "كما تحدث رئيس الاتحاد عن مستقبل المدرب الوطني جمال بلماضي عندما قال: \"عقده لا يزال ساريا\".";
    assert_eq!(
        speaker_of(&quotes(s), "عقده لا يزال ساريا"),
        Some("رئيس الاتحاد")
    );
}

/// Cases a review of this round's rules found wrong, kept right.
#[test]
fn review_cases_transliterated_names_maghrebi_names_and_bu_places() {
    // `بايدن`, `لافروف` start with `ب`/`ل` and a long vowel: names, not `بـ`/`لـ` + noun.
    let s = "وقال الرئيس الأمريكي بايدن: \"سندعم الحلفاء\".";
    assert_eq!(speaker_of(&quotes(s), "سندعم الحلفاء"), Some("بايدن"));
    let s = "وقال وزير الخارجية الروسي لافروف: \"الحوار ممكن\".";
    assert_eq!(speaker_of(&quotes(s), "الحوار ممكن"), Some("لافروف"));
    // A Maghrebi surname in `ل…` is a subject.
    let s = "وقال لعمامرة: \"الجزائر ترفض التدخل\".";
    assert_eq!(
        speaker_of(&quotes(s), "الجزائر ترفض التدخل"),
        Some("لعمامرة")
    );
    // `بولاية` is `بـ` + a province, not a surname in `بو…`.
    let s = "وقال مدير الصحة أحمد سالم بولاية الخرطوم: \"الوضع مستقر\".";
    assert_eq!(speaker_of(&quotes(s), "الوضع مستقر"), Some("أحمد سالم"));
    // A woman's name ending in `ية` that the gazetteer does not know is still a subject.
    let s = "وقالت سعدية: \"بيتنا تهدم\".";
    assert_eq!(speaker_of(&quotes(s), "بيتنا تهدم"), Some("سعدية"));
    // `وأضاف:` with the colon glued to the verb goes on after a related-stories block.
    let s = "وقال وزير الخارجية سامح شكري: \"الحل سياسي\".\nأخبار ذات صلة\nمصر تدعو إلى وقف \"التصعيد\" في المنطقة\nوأضاف: \"لا بديل عن الحوار\".";
    assert_eq!(
        speaker_of(&analyzed_quotes(s), "لا بديل عن الحوار"),
        Some("سامح شكري")
    );
    // An office nobody holds goes to the story's only named speaker, even named once
    // (`أدلى محافظ السويداء … وقال المحافظ … وأضاف بكور`) …
    let s = "وقال الوزير: \"نرفض ذلك\".\nثم قال أحمد العلي: \"تم\".";
    assert_eq!(speaker_of(&quotes(s), "نرفض ذلك"), Some("أحمد العلي"));
    // … but not when two people speak once each: either may hold it.
    let s = "وقال الوزير: \"نرفض ذلك\".\nثم قال أحمد العلي: \"تم\".\nوقال سامي الحسن: \"لا\".";
    assert_eq!(speaker_of(&quotes(s), "نرفض ذلك"), Some("الوزير"));
}

#[test]
fn a_surname_completes_with_the_given_name_before_it_not_with_an_object_after_it() {
    // `وشكر كريم عواد الحكومة` is a verb, its subject and its object; the name is
    // `سامي كريم عواد`'s short form only when written before a surname.
    let s = "وقال وزير المالية جواد بلقاسم إن \"العجز تراجع\".\nوشكر بلقاسم حكومة الجوار على دعمها.\nوأضاف بلقاسم: \"الموازنة متوازنة\".";
    assert_eq!(
        speaker_of(&quotes(s), "الموازنة متوازنة"),
        Some("جواد بلقاسم")
    );
}

#[test]
fn the_grade_of_a_military_rank_is_no_first_name() {
    let s = "وحذر قائد القوات البرية الفريق أول سالم حمدان الكعبي الملقب بـ\"الصقر\" من التصعيد.\nوقال: \"لن نسمح بأي فوضى\".";
    assert_eq!(
        speaker_of(&quotes(s), "لن نسمح بأي فوضى"),
        Some("سالم حمدان الكعبي")
    );
}

#[test]
fn a_role_its_workplace_then_the_name() {
    // A unit of a body after a construct title, the workplace, a rank and the name, then the
    // outlet with `لل…`.
    let s = "وقال مدير شعبة الإحصاء في مديرية الزراعة العامة المهندس فراس ناجي علوان للوكالة الرسمية، إن \"الموسم جيد\".";
    assert_eq!(
        speaker_of(&quotes(s), "الموسم جيد"),
        Some("فراس ناجي علوان")
    );
    // The pluperfect frame with a workplace between the role and the name.
    let s = "وكان رئيس لجنة الخدمات في الموصل نزار حمدي قد أكد أن \"المشروع سينجز قريبا\".";
    assert_eq!(
        speaker_of(&quotes(s), "المشروع سينجز قريبا"),
        Some("نزار حمدي")
    );
    // `في بيان` is the occasion, not a workplace: no name is taken from after it.
    let s = "وأكد وزير النقل في بيان لمكتبه تلقت وكالة محلية نسخة منه على \"ضرورة صيانة الطرق\".";
    assert_eq!(
        speaker_of(&quotes(s), "ضرورة صيانة الطرق"),
        Some("وزير النقل")
    );
}

#[test]
fn a_name_in_quote_marks_after_the_role_is_the_speaker_not_speech() {
    // Followed by a comma or, below, by a complementiser.
    for (s, name, speech) in [
        (
            "وقال رئيس مجلس المحافظة “صباح العبادي “،في مؤتمر صحفي “الخدمات ستتحسن قريبا”.",
            "صباح العبادي",
            "الخدمات ستتحسن قريبا",
        ),
        (
            "وقال المدرب “وليد الركراكي” إن “الفريق جاهز للمباراة”.",
            "وليد الركراكي",
            "الفريق جاهز للمباراة",
        ),
    ] {
        let qs = quotes(s);
        not_speech(&qs, name, "name");
        assert_eq!(speaker_of(&qs, speech), Some(name));
    }
}

#[test]
fn a_cue_inside_the_reported_clause_is_not_the_quote_cue() {
    // `تؤكد` (imperfect) inside what `وقالت` reports: the quote is her wording.
    let s = "وقالت سلمى حداد إن هذه الدورة تؤكد «مكانة المدينة الثقافية»، مشددة على الاستمرار.";
    assert_eq!(
        speaker_of(&quotes(s), "مكانة المدينة الثقافية"),
        Some("سلمى حداد")
    );
    // A condition inside the reported clause (`إذا دعت`).
    let s = "وقال كريم ناصر إنه إذا دعت الحكومة إلى اجتماع، «سنحضر بلا شروط».";
    assert_eq!(speaker_of(&quotes(s), "سنحضر بلا شروط"), Some("كريم ناصر"));
}

#[test]
fn according_to_what_someone_said() {
    let s = "ويبقى المعرض، بحسب ما قالت مديرته ليلى منصور، «على مستواه الرفيع رغم الأزمة».";
    assert_eq!(
        speaker_of(&quotes(s), "على مستواه الرفيع رغم الأزمة"),
        Some("ليلى منصور")
    );
}

#[test]
fn a_title_with_a_pronoun_takes_no_genitive() {
    let s = "وقالت رئيستها هالة عيسى: «الدورة ناجحة».";
    assert_eq!(speaker_of(&quotes(s), "الدورة ناجحة"), Some("هالة عيسى"));
}

#[test]
fn sultan_is_a_title_before_a_country_and_a_first_name_before_a_surname() {
    let s = "أكد سلطان بروناي، حسن البلقيه، دعم بلاده للحوار.\nوقال سلطان بروناي: «نحن مع السلام».";
    assert_eq!(speaker_of(&quotes(s), "نحن مع السلام"), Some("حسن البلقيه"));
    let s = "وقال سلطان المنصوري: «المشروع يتقدم».";
    assert_eq!(
        speaker_of(&quotes(s), "المشروع يتقدم"),
        Some("سلطان المنصوري")
    );
    let s = "وقال سلطان ناصر الكتبي: «المشروع يتقدم».";
    assert_eq!(
        speaker_of(&quotes(s), "المشروع يتقدم"),
        Some("سلطان ناصر الكتبي")
    );
}

#[test]
fn a_person_named_in_quote_marks_after_the_cue_is_its_subject() {
    let s = "وعبرت \"أم خالد\" لـ\"الموقع\"، عن معاناتها قائلة: \"الأسعار لا تطاق\".";
    let qs = quotes(s);
    not_speech(&qs, "أم خالد", "name");
    assert_eq!(speaker_of(&qs, "الأسعار لا تطاق"), Some("أم خالد"));
    let s = "حيث علق “سامر يوسف” قائلا: “الخبز صار حلما”.";
    assert_eq!(speaker_of(&quotes(s), "الخبز صار حلما"), Some("سامر يوسف"));
}

#[test]
fn egyptian_fi_before_a_statement_noun_is_an_occasion_and_fahasb_is_no_cue() {
    // `فى تصريحات صحفية`: the occasion of `أوضح`, whose subject is the quoted surname.
    let s = "وحول الملف أوضح \" الكعبي \" فى تصريحات صحفية: \"نحن مع الحل السياسي\".";
    assert_eq!(
        speaker_of(&quotes(s), "نحن مع الحل السياسي"),
        Some("الكعبي")
    );
    // `فحسب` ("only") is not `حسب` ("according to").
    let s = "أكد الوزير رامي عطية أن الأمر ليس شأنا داخليا فحسب، \"بل قضية إقليمية كبرى\".";
    let q = quote(&quotes(s), "بل قضية إقليمية كبرى").clone();
    assert_ne!(q.cue.as_deref(), Some("فحسب"));
}

#[test]
fn a_street_interview_labels_each_quote_with_a_name_and_age() {
    let s = "سألنا الناس في السوق:\n< محمود سالم 45 سنة «الأسعار ارتفعت كثيرا هذا العام».\n< سعاد كامل «لم نعد نشتري إلا الضروري».";
    let qs = quotes(s);
    assert_eq!(
        speaker_of(&qs, "الأسعار ارتفعت كثيرا هذا العام"),
        Some("محمود سالم")
    );
    assert_eq!(
        speaker_of(&qs, "لم نعد نشتري إلا الضروري"),
        Some("سعاد كامل")
    );
}

#[test]
fn a_role_heading_a_quoted_body_then_the_name_in_apposition() {
    let s = "قال الأمين العام لـ«الاتحاد العربي للمسرح»، سالم عبد الله، في كلمة الافتتاح إن «المسرح بخير».";
    assert_eq!(speaker_of(&quotes(s), "المسرح بخير"), Some("سالم عبد الله"));
}

#[test]
fn a_title_joined_by_wa_inside_a_role_is_a_role_of_its_own() {
    // The headline names him by the second of his two offices.
    let s = "وزير خارجية الكويت: نأمل أن تنجح الوساطة\nقال الشيخ \"ناصر خالد الأحمد\"، النائب الأول لرئيس الوزراء ووزير الخارجية بدولة الكويت إن القمة مهمة.";
    let qs = quotes(s);
    not_speech(&qs, "ناصر خالد الأحمد", "name");
    assert_eq!(
        speaker_of(&qs, "نأمل أن تنجح الوساطة"),
        Some("ناصر خالد الأحمد")
    );
}

#[test]
fn a_place_of_work_continues_a_construct_title() {
    let s = "مدير مستشفى صور الحكومي: ما زلنا على أتم الجهوزية\nأدلى مدير مستشفى صور الحكومي الدكتور هادي نصار بتصريح بعد الغارة.";
    assert_eq!(
        speaker_of(&quotes(s), "ما زلنا على أتم الجهوزية"),
        Some("هادي نصار")
    );
}

#[test]
fn a_verb_object_taken_into_one_mention_does_not_become_the_canonical_name() {
    // `ووصف نادر سليم الأزمة الاقتصادية` gives the mention `نادر سليم الأزمة الاقتصادية`; the
    // speaker's name stays `نادر سليم`.
    let s = "وقال نادر سليم إن \"الحوار مطلوب\".\nووصف نادر سليم الأزمة الاقتصادية بأنها \"خانقة\".\nوأضاف سليم: \"لن نتراجع\".";
    assert_eq!(speaker_of(&quotes(s), "لن نتراجع"), Some("نادر سليم"));
}

#[test]
fn a_body_name_goes_on_with_a_lam_genitive_and_coordinated_words() {
    let s = "وقال مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية في السودان، في تقرير له، إن \"الوضع خطير\".\nوأضاف المكتب الأممي: \"نحتاج إلى تمويل\".";
    assert_eq!(
        speaker_of(&quotes(s), "الوضع خطير"),
        Some("مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية")
    );
    let s = "أعلنت وزارة الخارجية والتعاون الدولي أن الوفد وصل.\nوقالت وزارة الخارجية إن \"المحادثات إيجابية\".";
    assert_eq!(
        speaker_of(&quotes(s), "المحادثات إيجابية"),
        Some("وزارة الخارجية والتعاون الدولي")
    );
}

#[test]
fn the_outlet_after_according_to_does_not_take_the_verbs_quote() {
    let s = "وقال المتحدث باسم الوزارة، سامي العلي، بحسب الصحيفة الرسمية، إن \"المحطات الجديدة ستفتتح قريبا\".";
    assert_eq!(
        speaker_of(&quotes(s), "المحطات الجديدة ستفتتح قريبا"),
        Some("سامي العلي")
    );
}

#[test]
fn a_long_role_and_a_workplace_set_off_by_commas_before_the_name() {
    let s = "قال وزير الثقافة والعلاقات مع البرلمان، في الحكومة الموريتانية، الحسين ولد أحمد، إن “الثقافة أولوية”.";
    assert_eq!(
        speaker_of(&quotes(s), "الثقافة أولوية"),
        Some("الحسين ولد أحمد")
    );
}

#[test]
fn headlines_with_a_topic_a_response_or_a_verbal_noun_statement() {
    let s = "مدرب الفيصلي عن قرارات الاتحاد: القوانين واحدة ولم تتغير\n\nوعلق المدرب على القرار.";
    let qs = quotes(s);
    assert_eq!(
        speaker_of(&qs, "القوانين واحدة ولم تتغير"),
        Some("مدرب الفيصلي")
    );
    let s = "فرنجية ردا على جعجع: من يريد أن يستقيل فليستقل\n\nرد النائب سليمان فرنجية على جعجع.";
    assert_eq!(
        speaker_of(&quotes(s), "من يريد أن يستقيل فليستقل"),
        Some("سليمان فرنجية")
    );
    // The statement may open with a verbal noun (`تصريحات`), not with a reporting verb.
    let s = "مستشار الرئيس: تصريحات الوزير حول الأزمة لا تعبر عن الموقف الرسمي\n\nوقال المستشار إن الحكومة ملتزمة.";
    assert!(
        quote(
            &quotes(s),
            "تصريحات الوزير حول الأزمة لا تعبر عن الموقف الرسمي"
        )
        .speech
    );
}

#[test]
fn more_anonymous_sources() {
    for s in [
        "أفاد قيادي في الائتلاف الحاكم بأن نوابهم \"سيحضرون الجلسة غدا\".",
        "وقال زائر كويتي: \"جئنا من بعيد لنحضر المهرجان\".",
        "وأفادت معلومات صحفية بأن \"الخلاف وصل إلى ذروته\".",
    ] {
        let qs = quotes(s);
        let q = qs.iter().find(|q| q.speech).expect("a speech quote");
        assert_eq!(q.speaker, None, "{s}");
    }
}

#[test]
fn a_definite_noun_and_its_nisba_after_a_name_are_the_object() {
    let s = "أطرى الرئيس الأمريكي جون ماكفي التقدم الاقتصادي في البلاد.\nوقال: \"قطعتم شوطا طويلا\".";
    assert_eq!(speaker_of(&quotes(s), "قطعتم شوطا طويلا"), Some("جون ماكفي"));
}

#[test]
fn a_body_named_with_undefined_genitives_and_a_rank_before_a_name_in_apposition() {
    // `النقابة` stands for `نقابة أطباء الأردن` named before.
    let s = "قالت نقابة أطباء الأردن إن مستشفى تعرض للقصف.\nوقالت النقابة في بيان: \"الوضع كارثي\".";
    assert_eq!(
        speaker_of(&quotes(s), "الوضع كارثي"),
        Some("نقابة أطباء الأردن")
    );
    // A role, its workplace, then a rank before the name, set off by commas.
    let s = "ونقلت الوكالة عن المتحدث الأمني في وزارة الداخلية، اللواء سالم الخالدي، أن \"العملية انتهت\".";
    assert_eq!(
        speaker_of(&quotes(s), "العملية انتهت"),
        Some("سالم الخالدي")
    );
}

#[test]
fn a_latin_credit_glued_to_a_cue_and_a_family_name_without_its_article() {
    // `AFPوقال`: the photo credit is no part of the cue or the name.
    let s = "مدرب المنتخب كريم الصباغ AFPوقال كريم الصباغ: \"قدم اللاعبون أداء رائعا\".";
    assert_eq!(
        speaker_of(&quotes(s), "قدم اللاعبون أداء رائعا"),
        Some("كريم الصباغ")
    );
    // `غزواني` for `الغزواني`; `حديثه` after the name is his speech, no part of it.
    let s = "قال المرشح محمد ولد الشيخ الغزواني إن \"الحضور كبير\".\nواستهل غزواني حديثه بالتحية، وقال: \"الأمن أولوية\".";
    assert_eq!(
        speaker_of(&quotes(s), "الأمن أولوية"),
        Some("محمد ولد الشيخ الغزواني")
    );
}

#[test]
fn headlines_after_a_label_or_bullet_with_a_long_role_or_a_site_name_after_them() {
    let cases = [
        (
            "بالفيديو.. وزير المالية: الموازنة العامة جاهزة للعرض",
            "الموازنة العامة جاهزة للعرض",
            "وزير المالية",
        ),
        (
            "- طهران: لا تغيير في عدد قواتنا هناك",
            "لا تغيير في عدد قواتنا هناك",
            "طهران",
        ),
        (
            "الهيئة العامة للطيران المدني اللبناني: الحركة مستمرة في المطار",
            "الحركة مستمرة في المطار",
            "الهيئة العامة للطيران المدني اللبناني",
        ),
        (
            "بوريل يرد على لافروف: أوروبا لن تقف مكتوفة الأيدي",
            "أوروبا لن تقف مكتوفة الأيدي",
            "بوريل",
        ),
        (
            "غروندبرغ: تتنامى المخاوف على الساحة اليمنية – موقع قناة الخبر – لبنان",
            "تتنامى المخاوف على الساحة اليمنية",
            "غروندبرغ",
        ),
    ];
    for (headline, statement, speaker) in cases {
        let s = format!("{headline}\n\nوقال المسؤول في بيان إن الأمور تسير.");
        let qs = quotes(&s);
        assert_eq!(speaker_of(&qs, statement), Some(speaker), "{headline}");
    }
}

#[test]
fn objects_of_describing_and_imperfect_verbs_are_not_speakers() {
    // `ووصف الوضع بأنه`: the object; the story's speaker goes on.
    let s = "وقال المتحدث سامر حداد إن \"المستشفيات ممتلئة\".\nووصف الوضع بأنه \"كارثي\".";
    assert_eq!(speaker_of(&quotes(s), "كارثي"), Some("سامر حداد"));
    // `مضيفا انه يرى المستقبل «…»`: the pronoun is the subject.
    let s = "وقال الناشط كريم سعيد إن \"القمع مستمر\"، مضيفا انه يرى المستقبل «قاتما جدا».";
    assert_eq!(speaker_of(&quotes(s), "قاتما جدا"), Some("كريم سعيد"));
    // `مما أسماه`: no speaker named `مما`.
    let s = "وحذّر زعيم الجماعة ناصر الهادي مما أسماه «الحرب الناعمة على البلاد».";
    assert_eq!(
        speaker_of(&quotes(s), "الحرب الناعمة على البلاد"),
        Some("ناصر الهادي")
    );
}

#[test]
fn a_first_name_after_a_bracketed_body_completes_the_surname() {
    let s = "قال مفوض وكالة الغوث (الأونروا) ماريو فيرنانديز، اليوم، إن المقر تضرر.\nواعتبر فيرنانديز أن \"المقر صار ساحة معركة\".";
    assert_eq!(
        speaker_of(&quotes(s), "المقر صار ساحة معركة"),
        Some("ماريو فيرنانديز")
    );
}

/// Cases a review of this round's rules found wrong, kept right.
#[test]
fn review_cases_round_three() {
    // A surname in `بـ`/`لـ` after a workplace is the name, not a preposition.
    let s = "وقال الباحث في المركز العربي سامي بيضون إن \"الوضع معقد جدا في المنطقة\".";
    assert_eq!(
        speaker_of(&quotes(s), "الوضع معقد جدا في المنطقة"),
        Some("سامي بيضون")
    );
    let s = "وكان رئيس اللجنة الأمنية في البصرة جبار لحود قد أكد أن \"الحدود آمنة تماما\".";
    assert_eq!(
        speaker_of(&quotes(s), "الحدود آمنة تماما"),
        Some("جبار لحود")
    );
    // A role after a surname that is the object of a verb is not that person's.
    let s = "قال الرئيس الفرنسي جان دوبون إن \"فرنسا تدعم الحوار بين الأطراف\".\nوالتقى دوبون وزير الخارجية الأمريكي في باريس أمس.\nوقال وزير الخارجية الأمريكي إن \"واشنطن ملتزمة بأمن أوروبا\".";
    assert_eq!(
        speaker_of(&quotes(s), "واشنطن ملتزمة بأمن أوروبا"),
        Some("وزير الخارجية الأمريكي")
    );
    // `X عن Y:` needs a speaker before `عن`, not a verbal noun.
    let s = "الإفراج عن المعتقلين: خطوة أولى نحو المصالحة الوطنية\n\nوقال المسؤول إن الأمور تسير.";
    assert!(quotes(s)
        .iter()
        .all(|q| q.text != "خطوة أولى نحو المصالحة الوطنية"
            || q.speaker.as_deref() != Some("الإفراج")));
    // Speech after a title whose first word is also a given name stays speech.
    let s = "وقال الرئيس \"سلام عادل وشامل\".";
    assert!(quote(&quotes(s), "سلام عادل وشامل").speech);
    // `وفقا لصحيفة …` is the outlet after the verb's subject.
    let s = "وقال المتحدث باسم الوزارة خالد حسن، وفقا لصحيفة الرياض، إن \"الأسعار ستنخفض قريبا\".";
    assert_eq!(
        speaker_of(&quotes(s), "الأسعار ستنخفض قريبا"),
        Some("خالد حسن")
    );
    // Only the site's name after the last dash is dropped from a headline statement.
    let s = "وزير المالية: الأسعار سترتفع قريبا - ربما - أخبار اليوم\n\nوقال المسؤول إن الأمور تسير.";
    assert!(quotes(s)
        .iter()
        .any(|q| q.text == "الأسعار سترتفع قريبا - ربما"));
}

#[test]
fn a_name_set_off_before_a_role_is_known_without_a_cue() {
    let s = "ووجه طارق عبد الحميد، محافظ البنك المركزي، الشكر لفريق العمل.\nمحافظ البنك المركزي: التضخم أشرس أمراض الاقتصاد";
    assert_eq!(
        speaker_of(&quotes(s), "التضخم أشرس أمراض الاقتصاد"),
        Some("طارق عبد الحميد")
    );
}

#[test]
fn a_body_name_keeps_its_head_first_and_drops_everyone() {
    let s = "تعلم وزارة الصحة المواطنين بأن الوضع عادي.\nوتدعو وزارة الصحة الجميع إلى \"عدم الأخذ بهذه الشائعات\".";
    let qs = quotes(s);
    assert_eq!(
        speaker_of(&qs, "عدم الأخذ بهذه الشائعات"),
        Some("وزارة الصحة")
    );
}

/// Cases a second review found wrong, kept right.
#[test]
fn review_cases_round_three_second_pass() {
    // A surname speaks about a topic in a headline.
    let s = "القرشي عن سد النهضة: \"لن نفرط في حقوقنا\"\n\nوقال المسؤول إن الأمور تسير.";
    assert_eq!(speaker_of(&quotes(s), "لن نفرط في حقوقنا"), Some("القرشي"));
    // A role with another person's name after it is not the role of the name before it.
    let s = "وهنأ طارق علي، الرئيس الفرنسي جان دوبون بفوزه. وقال الرئيس الفرنسي: \"سنعمل معا\".";
    assert_eq!(speaker_of(&quotes(s), "سنعمل معا"), Some("جان دوبون"));
    // Two people joined by `و` are no one name.
    let s = "وحضر طارق وأحمد، رئيس الفريق، الاجتماع. وقال رئيس الفريق: \"كان اجتماعا مثمرا\".";
    assert_eq!(
        speaker_of(&quotes(s), "كان اجتماعا مثمرا"),
        Some("رئيس الفريق")
    );
    // A `بـ` place with its definite genitive after the name ends it.
    let s =
        "وقال مدير الإعلام في وزارة الداخلية العقيد حيدر شاكر بمقر الوزارة إن \"الوضع مستقر تماما\".";
    assert_eq!(
        speaker_of(&quotes(s), "الوضع مستقر تماما"),
        Some("حيدر شاكر")
    );
}

#[test]
fn there_is_and_a_verbal_noun_after_ba_open_no_subject() {
    let s = "وقال زعيم الجماعة ناصر الهادي إن \"الحرب مستمرة\".\nوأضاف هناك تواطؤ من القوى الكبرى، قائلا: \"نحن في موقف القوة\".";
    assert_eq!(
        speaker_of(&quotes(s), "نحن في موقف القوة"),
        Some("ناصر الهادي")
    );
    let s = "وقال المحافظ سالم الكعبي إن \"الأمن أولوية\".\nووعد ببذل كل الجهد، مؤكدا \"لو كلفنا ذلك حياتنا\".";
    assert_eq!(
        speaker_of(&quotes(s), "لو كلفنا ذلك حياتنا"),
        Some("سالم الكعبي")
    );
}

#[test]
fn assistants_accounts_and_adjectives_after_names() {
    // `مساعد` is a title.
    let s = "قال مساعد وزير الخارجية سامي عباس: «لن نتراجع عن حقوقنا».";
    assert_eq!(
        speaker_of(&quotes(s), "لن نتراجع عن حقوقنا"),
        Some("سامي عباس")
    );
    // `أمين` inside a name before an undefined word.
    let s = "قال الدكتور رامي أمين واصف، رئيس شعبة الذهب، إن \"الأسعار ترتفع\".";
    assert_eq!(
        speaker_of(&quotes(s), "الأسعار ترتفع"),
        Some("رامي أمين واصف")
    );
    // A feminine nisba after a woman's name describes her.
    let s = "وقالت سلمى عادل المصرية إن \"السفارة تتابع التحقيق\".";
    assert_eq!(
        speaker_of(&quotes(s), "السفارة تتابع التحقيق"),
        Some("سلمى عادل")
    );
    // `تصريحات أدلى بها`: the verb of the relative clause is no speaker.
    let s = "وكرر الوزير سالم النعيمي تصريحات أدلى بها قبل أسبوع، قائلا \"لا نقص في الإمدادات\".";
    assert_eq!(
        speaker_of(&quotes(s), "لا نقص في الإمدادات"),
        Some("سالم النعيمي")
    );
}

#[test]
fn headlines_after_a_time_stamp_with_a_media_tag_or_a_verb_after_a_title() {
    let body = "\n\nوقال المسؤول في بيان إن الوضع مستقر.\n";
    // A scraped date or time before the headline.
    let s = format!("- 18:05مدرب الغابون: المغرب نموذج يحتذى به في المجال الرياضي{body}");
    assert_eq!(
        speaker_of(&quotes(&s), "المغرب نموذج يحتذى به في المجال الرياضي"),
        Some("مدرب الغابون")
    );
    let s = format!(" date 2025-09-03 نائب إطاري:البرلمان العراقي مصاب بالشلل{body}");
    assert_eq!(
        speaker_of(&quotes(&s), "البرلمان العراقي مصاب بالشلل"),
        Some("نائب إطاري")
    );
    // An exclamation mark, then a media tag.
    let s = format!("بنموسى: هناك أزمة ثقة بين المغاربة والمدرسة العمومية! (فيديو){body}");
    assert_eq!(
        speaker_of(&quotes(&s), "هناك أزمة ثقة بين المغاربة والمدرسة العمومية!"),
        Some("بنموسى")
    );
    // After a title a verb is the speaker's own; after a place it opens a report.
    let s = format!("رئيس البرلمان: تعهدت بالدفاع عن الوطن والمسار والمجلس{body}");
    assert_eq!(
        speaker_of(&quotes(&s), "تعهدت بالدفاع عن الوطن والمسار والمجلس"),
        Some("رئيس البرلمان")
    );
    let s = format!("القاهرة: أعلنت وزارة الصحة ارتفاع عدد الإصابات{body}");
    assert!(quotes(&s).is_empty());
}

#[test]
fn a_quote_never_closed_ends_where_the_story_goes_on() {
    let s = "وقال رافائيل غروسي إن \"وجود المفتشين ضروري للتوصل لاتفاق موثوق، مضيفًا: \"لا يمكن الاتفاق من دونهم\".";
    let qs = quotes(s);
    let q = quote(&qs, "وجود المفتشين ضروري للتوصل لاتفاق موثوق");
    assert!(
        q.speech && q.flags.iter().any(|f| f == "unclosed"),
        "{q:#?}"
    );
    assert_eq!(q.speaker.as_deref(), Some("رافائيل غروسي"));
    let q = quote(&qs, "لا يمكن الاتفاق من دونهم");
    assert!(!q.flags.iter().any(|f| f == "nested"), "{q:#?}");
    assert_eq!(q.speaker.as_deref(), Some("رافائيل غروسي"));
    let s =
        "وتابعت النائبة سلوى عادل: \"نريد معرفة ما يحدث في التوزيع، مؤكدة أنه يتم حذف حالات كثيرة.";
    assert_eq!(
        speaker_of(&quotes(s), "نريد معرفة ما يحدث في التوزيع"),
        Some("سلوى عادل")
    );
    // A verb in the speaker's own words does not end the quote.
    let s = "وقالت المطربة ريم سالم: \"هذا خامس حفل لي في المملكة، أعتبر نفسي محظوظة جدا.";
    let qs = quotes(s);
    assert_eq!(qs.len(), 1);
    assert!(qs[0].text.ends_with("محظوظة جدا."), "{:?}", qs[0].text);
}

#[test]
fn a_person_named_without_title_or_cue_speaks_for_a_later_bare_cue() {
    let s = "التمس سامر خليل مدرب الفريق العذر من الجماهير الغاضبة بعد الخسارة، وقال: «نعتذر عن الخسارة».";
    assert_eq!(
        speaker_of(&quotes(s), "نعتذر عن الخسارة"),
        Some("سامر خليل")
    );
    // A given name before a clause that goes on is no such name (`سامر يحمل`).
    let s = "كان سامر يحمل حقيبته حين وصل، وقال: «الطريق طويل».";
    assert_ne!(speaker_of(&quotes(s), "الطريق طويل"), Some("سامر يحمل"));
}

#[test]
fn what_a_describing_verb_describes_is_nobody_the_story_goes_on_with() {
    let s = "قال رئيس الوزراء سمير الحداد إن \"الاقتصاد يتعافى\".\nووصف الموازنة العامة للدولة للعام المقبل (2025) بأنها \"غير مسبوقة\".\nوأضاف: \"العجز تحت السيطرة\".";
    let qs = quotes(s);
    assert_eq!(speaker_of(&qs, "غير مسبوقة"), Some("سمير الحداد"));
    assert_eq!(speaker_of(&qs, "العجز تحت السيطرة"), Some("سمير الحداد"));
}

#[test]
fn crowds_are_no_one_and_an_outlet_after_a_surname_is_no_part_of_it() {
    let s = "وانطلقت المسيرة من الساحة.\nوردد المحتجون هتافات \"ارحلوا جميعا\".";
    assert_eq!(speaker_of(&quotes(s), "ارحلوا جميعا"), None);
    let s = "قال المتحدث باسم الوزارة، سامر العلي، إن الوضع صعب.\nوقال العلي للأناضول، إن \"المساعدات غير كافية\".";
    assert_eq!(
        speaker_of(&quotes(s), "المساعدات غير كافية"),
        Some("سامر العلي")
    );
}

#[test]
fn a_title_after_a_full_name_starts_the_role() {
    let s = "أعلن مصطفى عبد الجليل رئيس \"المجلس الوطني\" الليبي ان المجلس \"يمثل كل المناطق\".";
    assert_eq!(
        speaker_of(&quotes(s), "يمثل كل المناطق"),
        Some("مصطفى عبد الجليل")
    );
}

#[test]
fn adverbs_and_prepositions_with_pronouns_open_no_subject() {
    let s =
        "قال رئيس الهيئة سامي فارس إن القضاء رأى أحيانا عكس ذلك، مؤكدا أن \"النواب ليسوا متهمين\".";
    assert_eq!(
        speaker_of(&quotes(s), "النواب ليسوا متهمين"),
        Some("سامي فارس")
    );
}

#[test]
fn a_portfolio_written_alone_stands_for_its_ministry() {
    let s = "أكدت وزارة خارجية مملكة البحرين، أن التصريحات مرفوضة.\nوشددت الخارجية البحرينية، في بيان لها، على أن \"تاريخ المملكة متسم بالتعايش\".";
    assert_eq!(
        speaker_of(&quotes(s), "تاريخ المملكة متسم بالتعايش"),
        Some("وزارة خارجية مملكة البحرين")
    );
}

#[test]
fn names_with_lineage_words_kunyas_and_given_names_that_are_words() {
    // A lineage name longer than four words in apposition after a role links the role.
    let s = "صرح وزير الداخلية البحريني، راشد بن عبد الله آل خليفة، إن \"الأمن مستقر\".\nوقال الوزير \"إيران اختارت الهيمنة\".";
    assert_eq!(
        speaker_of(&quotes(s), "إيران اختارت الهيمنة"),
        Some("راشد بن عبد الله آل خليفة")
    );
    // After `أبو` a word ending in `ـه` is the kunya's second part, not a possessed noun.
    let s = "ودعا المتحدث باسم الرئاسة نبيل أبو ردينه في بيان إلى التهدئة.\nوقال أبو ردينه \"نطالب بالتوحد\".";
    assert_eq!(
        speaker_of(&quotes(s), "نطالب بالتوحد"),
        Some("نبيل أبو ردينه")
    );
    // `باسم` after a body spoken for is the spokesman's given name.
    let s = "قال المتحدث باسم الحكومة العراقية باسم العوادي، السبت، إن \"الوضع خطير\".\nوتابع العوادي \"نجدد رفضنا\".";
    assert_eq!(speaker_of(&quotes(s), "الوضع خطير"), Some("باسم العوادي"));
    assert_eq!(speaker_of(&quotes(s), "نجدد رفضنا"), Some("باسم العوادي"));
    // A surname ending in `ـه` before a role in apposition stays in the name.
    let s = "وقالت هانا تيتيه الممثلة الخاصة للأمين العام: \"أشدد على المخاطر\".";
    assert_eq!(
        speaker_of(&quotes(s), "أشدد على المخاطر"),
        Some("هانا تيتيه")
    );
}

#[test]
fn a_verbal_noun_opens_the_object_not_the_speaker() {
    // `ووصف تنفيذ الاتفاق بأنه`: the subject is unwritten, carried from the clause before.
    let s = "وقال رئيس الحكومة عبد الله النسور إن الاقتصاد يتعافى، ووصف تنفيذ الاتفاق بأنه \"مطمئن جدا\".";
    assert_eq!(speaker_of(&quotes(s), "مطمئن جدا"), Some("عبد الله النسور"));
    let s = "وقال الوزير أحمد سالم إن الحكومة ماضية.\nوكشف تفاصيل عملية الإنقاذ قائلا: \"أنقذنا الجميع\".";
    assert_eq!(speaker_of(&quotes(s), "أنقذنا الجميع"), Some("أحمد سالم"));
    // A verbal noun after a name ends the name (`رياض سلامه استقرار الليرة`).
    let s = "توقع حاكم المصرف رياض سلامه استقرار الليرة، وقال: \"المصارف سليمة\".";
    assert_eq!(speaker_of(&quotes(s), "المصارف سليمة"), Some("رياض سلامه"));
}

#[test]
fn marks_ending_a_headline_statement_are_its_speakers_words() {
    // `X : الوضع "لا يحتمل"`: the marked predicate is the headline speaker's partial quote,
    // and the statement is not listed again.
    let s = "لجنة الصليب الأحمر الدولي : الوضع في القطاع \"لا يحتمل\"\n\nقالت اللجنة في بيان إن الوضع صعب.";
    let qs = quotes(s);
    speech(
        &qs,
        "لا يحتمل",
        "partial",
        Some("لجنة الصليب الأحمر الدولي"),
        None,
    );
    assert!(!qs.iter().any(|q| q.text.starts_with("الوضع في القطاع")));
    // A name after a preposition at the end of the statement stays a name, and the statement
    // is the headline quote.
    let s = "غادة عادل: لا يشغلني الهجوم على \"سرايا عابدين\"\n\nوقالت الفنانة إن العمل ناجح.";
    let qs = quotes(s);
    assert!(!quote(&qs, "سرايا عابدين").speech);
    speech(
        &qs,
        "لا يشغلني الهجوم على \"سرايا عابدين\"",
        "headline",
        Some("غادة عادل"),
        None,
    );
}

#[test]
fn a_speaker_written_in_quote_marks_after_the_cue() {
    // Egyptian news writes a surname in marks: the clause goes on after it.
    let s = "وقال وزير الخارجية إبراهيم الجعفري في بيان إن \"الحرب مستمرة\".\nوقال المكتب الإعلامي للوزارة إن الزيارة ناجحة.\nودعا \"الجعفري\" الأمم المتحدة إلى \"زيادة حجم المساعدات\".";
    let qs = quotes(s);
    assert_eq!(
        speaker_of(&qs, "زيادة حجم المساعدات"),
        Some("إبراهيم الجعفري")
    );
    assert!(!quote(&qs, "الجعفري").speech);
    // A quote that ends the clause right after the verb is the statement itself.
    let s = "وسئل المدرب أحمد سالم عن المباراة، فقال \"سنفوز غدا\".";
    assert_eq!(speaker_of(&quotes(s), "سنفوز غدا"), Some("أحمد سالم"));
}

#[test]
fn an_undefined_feminine_noun_after_a_role_is_the_verbs_object() {
    // `وجه رئيس مجلس النواب رسالة طمأنة`: a message, not a person called `رسالة`.
    let s = "وقال رئيس مجلس النواب حنفي جبالي إن \"الجلسة مستمرة\".\nومن ناحية أخرى وجه رئيس مجلس النواب رسالة طمأنة للنواب، قائلا: \"اطمئنوا جميعا\".";
    assert_eq!(speaker_of(&quotes(s), "اطمئنوا جميعا"), Some("حنفي جبالي"));
    // A given name in `ـة` the gazetteer knows is still a name.
    let s = "وقدمت الكاتبة فاطمة الزهراء روايتها الجديدة، وقالت: \"كتبتها في عام\".";
    assert_eq!(
        speaker_of(&quotes(s), "كتبتها في عام"),
        Some("فاطمة الزهراء")
    );
}

#[test]
fn a_full_name_in_marks_after_a_role_and_a_surname_completed_from_the_text() {
    let s = "أكد وزير الطاقة السعودي الأمير “عبد العزيز بن سلمان”، أنه “لولا قيادة المملكة لما تحسنت السوق”.\nوأضاف: “لا يمكن لأي دولة ذلك”.";
    let qs = quotes(s);
    assert_eq!(
        speaker_of(&qs, "لولا قيادة المملكة لما تحسنت السوق"),
        Some("عبد العزيز بن سلمان")
    );
    assert_eq!(
        speaker_of(&qs, "لا يمكن لأي دولة ذلك"),
        Some("عبد العزيز بن سلمان")
    );
    // A surname whose full name only a sentence without a cue gives.
    let s = "يعيش الطالب السوري محمد الشحود هو وزملاؤه في المخيم.\nويقول الشحود: \"لم يتبق من العام غير شهرين\".";
    assert_eq!(
        speaker_of(&quotes(s), "لم يتبق من العام غير شهرين"),
        Some("محمد الشحود")
    );
}

#[test]
fn given_names_in_ha_and_a_person_named_right_after_the_opening_verb() {
    // `نبيه` ends in `ـه` but is a given name, not a possessed noun.
    let s = "وبعد انتخابه رئيسا للمجلس النيابي، قال نبيه بري: \"يدي ممدودة للجميع\".";
    assert_eq!(
        speaker_of(&quotes(s), "يدي ممدودة للجميع"),
        Some("نبيه بري")
    );
    // A sentence opening with a verb that is no cue and a person after it: the subject of
    // the cue later in the sentence.
    let s =
        "التمس مهدي علي مدرب شباب الأهلي العذر لجماهير فريقه بعد الخسارة، وقال: «الجمهور له الحق».";
    assert_eq!(speaker_of(&quotes(s), "الجمهور له الحق"), Some("مهدي علي"));
    // … not a complementiser read as a given name.
    let s = "وذكر التقرير أن عزت كرر لفظه مرتين، فقال: «حذرتك قبل دقيقة».";
    assert_ne!(speaker_of(&quotes(s), "حذرتك قبل دقيقة"), Some("أن عزت"));
}

#[test]
fn headline_speakers_after_a_clause_and_before_a_circumstance() {
    // A clause closed by an ellipsis before the speaker.
    let s = "بعد الوقوف دقيقة حداد على «رئيسي».. إسرائيل: مجلس الأمن أصبح تهديدا للسلام العالمي\n\nوقال المندوب إن الوضع خطير.";
    speech(
        &quotes(s),
        "مجلس الأمن أصبح تهديدا للسلام العالمي",
        "headline",
        Some("إسرائيل"),
        None,
    );
    // Where or when a titled speaker spoke, between the speaker and the colon.
    let s = "الرئيس اللبناني على المنصة الأممية: أتحدث عن السلام وبعض أهلي يقتلون\n\nوقال الرئيس إن لبنان يريد السلام.";
    speech(
        &quotes(s),
        "أتحدث عن السلام وبعض أهلي يقتلون",
        "headline",
        Some("الرئيس اللبناني"),
        None,
    );
    let s = "وزير الخارجية أمام «الأمم المتحدة»: مازلنا نسمع من إيران خطابا طائفيا\n\nوقال الوزير إن المنطقة تحتاج إلى الاستقرار.";
    let qs = quotes(s);
    assert!(qs.iter().any(|q| q.kind == "headline"
        && q.text == "مازلنا نسمع من إيران خطابا طائفيا"
        && q.speaker.as_deref() == Some("وزير الخارجية")));
    // A comma is no such boundary: `…، معلقا: …` goes on with the story.
    let s = "وتحدث الوزير أحمد سالم عن الخطة، معلقا: نحن جاهزون تماما للمرحلة المقبلة";
    assert!(quotes(s)
        .iter()
        .all(|q| q.speaker.as_deref() != Some("معلقا")));
}

#[test]
fn a_headline_after_a_breadcrumb_trail() {
    let s = "الرئيسية / مجلس الجالية / رئيس البرلمان الليبي: قيادات الإرهابيين مطلوبون محليا ودوليا\n\nوقال رئيس البرلمان إن الأمن أولوية.";
    speech(
        &quotes(s),
        "قيادات الإرهابيين مطلوبون محليا ودوليا",
        "headline",
        Some("رئيس البرلمان الليبي"),
        None,
    );
}

#[test]
fn an_anonymous_source_taken_up_with_the_article_stays_anonymous() {
    let s = "ونقلت الإذاعة عن ضابط إسرائيلي كبير قوله إن \"الهجوم مستمر\".\nوأوضح الضابط أن \"حماس تواصل محاولاتها\".";
    let qs = quotes(s);
    assert_eq!(speaker_of(&qs, "الهجوم مستمر"), None);
    assert_eq!(speaker_of(&qs, "حماس تواصل محاولاتها"), None);
    // A role nobody introduced anonymously stays the speaker as written.
    let s = "وأوضح الضابط المسؤول عن العملية أن \"حماس تواصل محاولاتها\".";
    assert!(speaker_of(&quotes(s), "حماس تواصل محاولاتها").is_some());
}

#[test]
fn ranks_bodies_in_ta_marbuta_middle_names_and_given_names_that_are_role_words() {
    // The grade of a rank goes with the rank, not the name.
    let s = "قال القائد العام للقوات المسلحة، الفريق أول عبد الفتاح البرهان، إن \"الحرب مستمرة\".";
    assert_eq!(
        speaker_of(&quotes(s), "الحرب مستمرة"),
        Some("عبد الفتاح البرهان")
    );
    // `بلدية` is a body, not `بـ` + a possessed noun.
    let s = "وقالت بلدية غزة، في بيان صحفي، إن \"المياه مقطوعة\".";
    assert_eq!(speaker_of(&quotes(s), "المياه مقطوعة"), Some("بلدية غزة"));
    // `شيخ` between a given name and another name word is a middle name.
    let s = "وقال حسن شيخ محمود إن \"الشباب خطر\".";
    assert_eq!(speaker_of(&quotes(s), "الشباب خطر"), Some("حسن شيخ محمود"));
    // `مالك` (owner) is a given name after a role's genitive and before a surname.
    let s = "قال نائب رئيس مجلس السيادة مالك عقار إن \"السلام قريب\".";
    assert_eq!(speaker_of(&quotes(s), "السلام قريب"), Some("مالك عقار"));
    // … but a title that is a given name too (`حاكم`) stays a title.
    let s = "وقال نائب رئيس الدولة حاكم دبي إن \"الإمارات قوية\".";
    assert_ne!(speaker_of(&quotes(s), "الإمارات قوية"), Some("حاكم دبي"));
}

#[test]
fn a_bare_title_nobody_named_holds_takes_its_fuller_written_form() {
    let s = "رد وزير الشؤون الدينية من وهران على التصريحات الفرنسية.\nو قال الوزير ان \"الجزائر أمة عريقة\".";
    assert_eq!(
        speaker_of(&quotes(s), "الجزائر أمة عريقة"),
        Some("وزير الشؤون الدينية")
    );
}

#[test]
fn page_cut_marks_and_media_tags_end_quotes_and_headlines() {
    // An unclosed quote stops before the page's own cut mark.
    let s = "واعتبر الجيش أن الإعلان \"دليل على الانكسار والهزيمة التي منيت […]";
    let qs = quotes(s);
    assert!(qs
        .iter()
        .any(|q| q.text == "دليل على الانكسار والهزيمة التي منيت"));
    // A headline statement ends before `.. فيديو`.
    let s =
        "رئيس الوزراء: الحكومة الحالية كتيبة محاربين.. فيديو\n\nوقال رئيس الوزراء إن العمل مستمر.";
    speech(
        &quotes(s),
        "الحكومة الحالية كتيبة محاربين",
        "headline",
        Some("رئيس الوزراء"),
        None,
    );
}

#[test]
fn once_again_and_was_are_no_part_of_a_speaker() {
    let s = "وقال مرة أخرى الوزير أحمد سالم إن \"الحل قريب\".";
    assert_eq!(speaker_of(&quotes(s), "الحل قريب"), Some("أحمد سالم"));
    let s = "وقال رونالدو كان علينا أن نفوز: \"سنعود\".";
    assert_eq!(speaker_of(&quotes(s), "سنعود"), Some("رونالدو"));
}

#[test]
fn a_short_form_takes_the_given_name_after_it_in_the_full_name() {
    let s = "كشف المبعوث الأممي إسماعيل ولد الشيخ أحمد عن أن \"الوضع يزداد مأساوية\".\nوخلال إحاطته لفت ولد الشيخ إلى أن \"السفن تتعرض للاستهداف\".";
    assert_eq!(
        speaker_of(&quotes(s), "السفن تتعرض للاستهداف"),
        Some("إسماعيل ولد الشيخ أحمد")
    );
}

#[test]
fn headline_names_with_numbers_and_speakers_with_outlet_and_place() {
    // A name with a number at the end of a headline statement stays a name.
    let s = "مدرب عمان: منتخبنا لا يهاب أحدا في بطولة \"خليجي 25\"\n\nوقال المدرب إن الفريق جاهز.";
    let qs = quotes(s);
    assert!(!quote(&qs, "خليجي 25").speech);
    assert!(qs
        .iter()
        .any(|q| q.kind == "headline" && q.speaker.as_deref() == Some("مدرب عمان")));
    // The outlet the speaker spoke to and where, between the speaker and the colon.
    let s = "سمية بعلبكي لـ\"النهار\" في موركس دور: أشعر بالألم والحزن لما حدث لوطننا\n\nوقالت الممثلة إن الجائزة لها.";
    speech(
        &quotes(s),
        "أشعر بالألم والحزن لما حدث لوطننا",
        "headline",
        Some("سمية بعلبكي"),
        None,
    );
}

#[test]
fn police_blocs_and_fronts_are_bodies_written_short_later() {
    let s = "وقالت كتلة الوفاء للمقاومة في بيان إن \"الجلسات يجب أن تستأنف\".\nوقالت الكتلة في بيانها إن \"استئناف انعقاد الجلسات مؤشر واعد\".";
    assert_eq!(
        speaker_of(&quotes(s), "استئناف انعقاد الجلسات مؤشر واعد"),
        Some("كتلة الوفاء للمقاومة")
    );
    let s = "أعلنت الشرطة الإسبانية اعتقال رجل ثالث بعد الهجوم.\nوقالت الشرطة إن \"التحقيق مستمر\".";
    assert_eq!(
        speaker_of(&quotes(s), "التحقيق مستمر"),
        Some("الشرطة الإسبانية")
    );
}

#[test]
fn a_clause_about_the_noun_before_the_cue_and_an_occasion_before_a_relative() {
    // `رسالة قال فيها`: the message is what he spoke in, not who spoke.
    let s = "قال المدرب السعودي محمد العبدلي إن \"الفريق جاهز\".\nكما وجه المدرب السعودي رسالة قال فيها: «المملكة تقود العالم».";
    assert_eq!(
        speaker_of(&quotes(s), "المملكة تقود العالم"),
        Some("محمد العبدلي")
    );
    // `زيارة وزير الاتصال الذي اعتبر`: the minister, not the visit.
    let s = "وكانت الجريدة أول محطة في زيارة وزير الاتصال محمد لعقاب الذي اعتبر هذا الصرح \"مكسبا للإعلام\".";
    assert_eq!(speaker_of(&quotes(s), "مكسبا للإعلام"), Some("محمد لعقاب"));
}

#[test]
fn a_short_surname_in_ha_after_a_given_name_and_a_place_of_several_words() {
    // `روته` ends in `ـه` like a possessed noun; after a sure given name it is a surname, and
    // so it is when the page later writes it alone.
    let s = "أشاد الأمين العام لحلف شمال الأطلسي مارك روته، اليوم الخميس، بالدور الأمريكي.\nوقال روته: \"إننا جميعا معجبون بما تفعلونه\".";
    assert_eq!(
        speaker_of(&quotes(s), "إننا جميعا معجبون بما تفعلونه"),
        Some("مارك روته")
    );
    let s = "وقال الأمين العام لحلف شمال الأطلسي مارك روته إن \"الحرب طويلة\".";
    assert_eq!(speaker_of(&quotes(s), "الحرب طويلة"), Some("مارك روته"));
}

#[test]
fn a_role_its_city_then_the_name_and_the_occasion() {
    let s = "وقال الناطق باسم غرفة العمليات في بغداد سعد معن في بيان إن \"الوضع مستقر\".";
    assert_eq!(speaker_of(&quotes(s), "الوضع مستقر"), Some("سعد معن"));
    let s = "وقال مدير الشرطة في بغداد سعد معن إن \"الوضع مستقر\".";
    assert_eq!(speaker_of(&quotes(s), "الوضع مستقر"), Some("سعد معن"));
}

#[test]
fn a_statement_issued_by_a_body_and_an_egyptian_final_ya() {
    let s = "وقال بيان صادر عن شرطة مليلية نشرته وسائل إعلام محلية، إن \"الوضع مستقر\".";
    assert_eq!(speaker_of(&quotes(s), "الوضع مستقر"), Some("شرطة مليلية"));
    // `المحامى` is `المحامي` written the Egyptian way: a title before the name.
    let s = "وقال المحامى محمد الجندى إن \"طلبات الدفاع جوهرية\".";
    assert_eq!(
        speaker_of(&quotes(s), "طلبات الدفاع جوهرية"),
        Some("محمد الجندى")
    );
}

#[test]
fn negated_statements_adjectives_after_a_cue_and_names_spaced_two_ways() {
    // `بدون تصريح مسبق` is no statement; `رد قوي وسريع` no speaker.
    let s = "وأكد البلشي على ضرورة وجود رد قوي وسريع من جانب الجماعة، مضيفًا \"سنتحرك فورا\".";
    assert_eq!(speaker_of(&quotes(s), "سنتحرك فورا"), Some("البلشي"));
    let s = "قال علي عبد العال إن \"الوضع مستقر\".\nوأضاف عبدالعال، قائلًا: \"الأمر جيد\".";
    assert_eq!(speaker_of(&quotes(s), "الأمر جيد"), Some("علي عبد العال"));
    let s = "وقال فاروق بوعسكر إن \"الوضع مستقر\".\nوأضاف بو عسكر أن \"الأمر جيد\".";
    assert_eq!(speaker_of(&quotes(s), "الأمر جيد"), Some("فاروق بوعسكر"));
}

#[test]
fn statements_the_sentence_judges_and_objects_before_bilqawl() {
    // The words in marks judge the minister's statements: they are the speaker's own.
    let s = "أكد المتحدث باسم الخارجية الإيرانية، إسماعيل بقائي، أنّ تصريحات وزير الخارجية الأميركي ماركو روبيو بشأن القدرة الصاروخية هي \"ترهات لا معنى لها\".";
    assert_eq!(
        speaker_of(&quotes(s), "ترهات لا معنى لها"),
        Some("إسماعيل بقائي")
    );
    let s = "وخاطب ترامب الحشد بالقول إن \"الحركة عظيمة\".";
    assert_eq!(speaker_of(&quotes(s), "الحركة عظيمة"), Some("ترامب"));
    let s = "وتابعت الرابحي تفسيرها بالقول \"الأسعار ارتفعت\".";
    assert_eq!(speaker_of(&quotes(s), "الأسعار ارتفعت"), Some("الرابحي"));
}

#[test]
fn a_workplace_named_with_b_and_a_surname_spelled_like_a_verb() {
    // `بعلبك` after `مستشفى` is the hospital's town, not a `بـ` phrase of manner; `شكر`
    // after a given name and before `إن` is a surname, not "thanked".
    let s = "وقال مدير مستشفى بعلبك الحكومي عباس شكر إن \"المستشفى يعمل\".";
    assert_eq!(speaker_of(&quotes(s), "المستشفى يعمل"), Some("عباس شكر"));
}

#[test]
fn headlines_to_a_latin_outlet_and_datelines() {
    let s = "الشرطة السويدية لـCNN: اعتقلنا شخصا يرجح أنه منفذ هجوم الدهس\nأعلنت الشرطة السويدية اعتقال رجل.";
    speech(
        &quotes(s),
        "اعتقلنا شخصا يرجح أنه منفذ هجوم الدهس",
        "headline",
        Some("الشرطة السويدية"),
        None,
    );
    // A dateline before a report still ends with a stop and is no headline.
    let s = "القاهرة: قضت محكمة جنايات القاهرة اليوم بسجن المتهمين عشر سنوات.";
    assert!(quotes(s).iter().all(|q| !q.speech));
}

#[test]
fn the_people_addressed_and_a_conjunction_before_a_headline_speaker() {
    let s = "دعا الرئيس حسن شيخ محمود الصوماليين إلى \"التوحد في محاربة الإرهاب\".";
    assert_eq!(
        speaker_of(&quotes(s), "التوحد في محاربة الإرهاب"),
        Some("حسن شيخ محمود")
    );
    let s = "جدل بمحاكمة «التخابر» بسبب كلمة «أيضًا».. والقاضي: أنتم مش فاهمين قانون\nنظرت المحكمة القضية أمس.";
    assert_eq!(
        speaker_of(&quotes(s), "أنتم مش فاهمين قانون"),
        Some("القاضي")
    );
}

#[test]
fn the_issuer_of_a_statement_the_cue_speaks_from() {
    let s = "أصدر النائب نبيل بدر بيانًا، جاء فيه، “إن بيروت تستحق الأفضل”.";
    assert_eq!(
        speaker_of(&quotes(s), "إن بيروت تستحق الأفضل"),
        Some("نبيل بدر")
    );
    let s = "وفي هذه الأثناء أصدرت الهيئة المستقلة للانتخابات بيانا أعلنت فيه أن «الحملة انتهت».";
    assert_eq!(
        speaker_of(&quotes(s), "الحملة انتهت"),
        Some("الهيئة المستقلة للانتخابات")
    );
}

#[test]
fn a_name_after_a_quoted_acronym_and_a_role_with_where_it_is_held() {
    let s = "اعتبر المتحدث باسم منظمة الأمم المتحدة للطفولة “اليونيسف” جيمس إلدر السبت، أنه “ليس من الطبيعي أن يعيش الأطفال في رعب”.";
    assert_eq!(
        speaker_of(&quotes(s), "ليس من الطبيعي أن يعيش الأطفال في رعب"),
        Some("جيمس إلدر")
    );
    // The minister named after `، في الحكومة …،` is the one `الوزير` stands for later.
    let s = "قال وزير الثقافة والفنون والاتصال، في الحكومة الموريتانية، الحسين ولد مدو، إن “قطاعه يستعد لتنظيم المعرض”.\nوأضاف الوزير أن “المعرض دولي”.";
    assert_eq!(
        speaker_of(&quotes(s), "المعرض دولي"),
        Some("الحسين ولد مدو")
    );
}

#[test]
fn an_institutions_name_ends_a_role_not_a_person() {
    // `ناسا` after `وكالة` names the agency the director heads: the speaker is the director,
    // not the agency.
    let s = "وقال مدير وكالة ناسا: \"نحن فخورون بالمهمة\".";
    assert_eq!(
        speaker_of(&quotes(s), "نحن فخورون بالمهمة"),
        Some("مدير وكالة ناسا")
    );
}

#[test]
fn the_newspaper_is_the_outlet_named_before() {
    let s = "وذكرت مصادر لصحيفة \"الشرق الأوسط\" أن الصفقة تعثرت.\nوأضافت الصحيفة: \"الأزمة تعود إلى ارتباك\".";
    assert_eq!(
        speaker_of(&quotes(s), "الأزمة تعود إلى ارتباك"),
        Some("الشرق الأوسط")
    );
    // With no outlet named, the newspaper stays as written.
    let s = "وأضافت الصحيفة: \"الأزمة تعود إلى ارتباك\".";
    assert_eq!(
        speaker_of(&quotes(s), "الأزمة تعود إلى ارتباك"),
        Some("الصحيفة")
    );
}

#[test]
fn a_possessed_noun_after_a_two_word_name_is_no_surname() {
    // `حديثه` (his talk) after `عمر جابر` is the verb's object, not a third name.
    let s =
        "وواصل عمر جابر حديثه قائلًا: \"كنت أعلم أننا سنتوج\".\nوأضاف جابر أن \"الجمهور ظل يشجع\".";
    assert_eq!(
        speaker_of(&quotes(s), "كنت أعلم أننا سنتوج"),
        Some("عمر جابر")
    );
    assert_eq!(speaker_of(&quotes(s), "الجمهور ظل يشجع"), Some("عمر جابر"));
}

#[test]
fn a_final_ya_written_as_alif_maqsura_in_a_long_name() {
    let s = "وقال الرئيس الأوكراني فلوديمير زيلينسكى إن \"الضمانات ضرورية\".\nوأضاف زيلينسكي أن \"الدعم مستمر\".";
    assert_eq!(
        speaker_of(&quotes(s), "الدعم مستمر"),
        Some("فلوديمير زيلينسكى")
    );
}

#[test]
fn a_relative_clause_about_its_antecedent_names_nobody() {
    // `اللتين دعا إليهما الملك سلمان` describes the summits; the speaker goes on being الجبير.
    let s = "وقال وزير الدولة عادل الجبير إن القمتين اللتين دعا إليهما الملك سلمان ستبحثان الأزمة.\nقال في مؤتمر صحفي إن «قطر أساءت إلى دول المجلس».";
    assert_eq!(
        speaker_of(&quotes(s), "قطر أساءت إلى دول المجلس"),
        Some("عادل الجبير")
    );
    // The subject after the antecedent's pronoun speaks: `الذي قال عنه النقاد`.
    let s = "وعرض الفيلم الذي قال عنه النقاد إنه \"تحفة فنية\".";
    assert_eq!(speaker_of(&quotes(s), "تحفة فنية"), Some("النقاد"));
}

#[test]
fn names_after_a_place_or_a_titled_apposition_closed_by_a_colon() {
    let s = "قالت السفيرة العمانية في واشنطن حنينة المغيري، إن بلادها \"جاهزة للتوسط\".";
    assert_eq!(
        speaker_of(&quotes(s), "جاهزة للتوسط"),
        Some("حنينة المغيري")
    );
    let s = "من جهته، قال عميد السلك، القنصل جوزف حبيس: \"الانتخابات ضرورية\".";
    assert_eq!(
        speaker_of(&quotes(s), "الانتخابات ضرورية"),
        Some("جوزف حبيس")
    );
}

#[test]
fn review_cases_surnames_speech_nouns_and_surname_pairs() {
    // `قوله` after a given name stays "his saying": the source before it speaks.
    let s = "ونقلت الوكالة عن المتحدث باسم الجيش قوله: \"الوضع مستقر\".\nونقلت عن محمد قوله: \"الأمر جيد\".";
    assert_eq!(speaker_of(&quotes(s), "الأمر جيد"), Some("محمد"));
    assert_eq!(
        speaker_of(&quotes(s), "الوضع مستقر"),
        Some("المتحدث باسم الجيش")
    );
    // Two surnames joined by `و` speak together; a surname after a statement noun speaks.
    let s = "وقال بري وميقاتي في بيان مشترك: \"الوضع خطير\".";
    assert_eq!(speaker_of(&quotes(s), "الوضع خطير"), Some("بري وميقاتي"));
    let s = "وبحسب تصريحات ميسي: \"سنفوز باللقب\".";
    assert_eq!(speaker_of(&quotes(s), "سنفوز باللقب"), Some("ميسي"));
    // A fact sheet's bulleted line and a feature headline are no statements.
    let s = "• الموقع: قاعة المؤتمرات الكبرى في فندق الشيراتون.";
    assert!(quotes(s).iter().all(|q| !q.speech));
    let s = "أحمد في غزة: قصة طفل فقد عائلته تحت الأنقاض\nفقد الطفل أحمد عائلته في القصف.";
    assert!(quotes(s).iter().all(|q| !q.speech));
}

#[test]
fn round_nine_names_and_headline_asides() {
    // A body named in full only inside a role is the full name of its short form.
    let s = "قال رامي عبد الرحمن، مدير المرصد السوري لحقوق الإنسان، إن \"هناك تقسيما\".\nوقال المرصد السوري إن \"القصف مستمر\".";
    assert_eq!(
        speaker_of(&quotes(s), "القصف مستمر"),
        Some("المرصد السوري لحقوق الإنسان")
    );
    // `سلطان` and `أمير` before a given name are first names, not titles.
    let s = "قال سلطان أحمد الجابر إن \"الشركة ناجحة\".";
    assert_eq!(
        speaker_of(&quotes(s), "الشركة ناجحة"),
        Some("سلطان أحمد الجابر")
    );
    let s = "أكد نائب وزير النفط الإيراني أمير حسين زماني نيا، أن \"دول أوبك لم تناقش\".";
    assert_eq!(
        speaker_of(&quotes(s), "دول أوبك لم تناقش"),
        Some("أمير حسين زماني نيا")
    );
    // A family name after `بن` and a given name, before a title; an object after a name
    // with `ولد` still ends it.
    let s = "أكد عثمان بن ناصر المحرج مدير الأمن العام أن \"الخطة جاهزة\".";
    assert_eq!(
        speaker_of(&quotes(s), "الخطة جاهزة"),
        Some("عثمان بن ناصر المحرج")
    );
    // A person set off by commas after a role whose genitive reads as a name.
    let s = "قال المتحدث باسم إمارة منطقة مكة، سلطان الدوسري، إن السائق بحالة “غير طبيعية”.";
    assert_eq!(speaker_of(&quotes(s), "غير طبيعية"), Some("سلطان الدوسري"));
    // A word joined by `و` goes on with a body's genitive.
    let s = "وقالت وكالة غوث وتشغيل اللاجئين الفلسطينيين إن \"المقر دمر\".";
    assert_eq!(
        speaker_of(&quotes(s), "المقر دمر"),
        Some("وكالة غوث وتشغيل اللاجئين الفلسطينيين")
    );
    // `الصباح` and a definite family name after a given name and a surname.
    let s = "أعلن ولي عهد الكويت الشيخ مشعل الأحمد الصباح، اليوم الأربعاء، أن \"المجلس منحل\".";
    assert_eq!(
        speaker_of(&quotes(s), "المجلس منحل"),
        Some("مشعل الأحمد الصباح")
    );
    let s = "وقال نؤاس صباح المنسق الإعلامي للمديرية إن \"الوضع صعب\".";
    assert_eq!(speaker_of(&quotes(s), "الوضع صعب"), Some("نؤاس صباح"));
    // ... but a describing verb's object stays out.
    let s = "وصف النائب أيمن البدادوة المجلس بـ \"مجلس حكي\".";
    assert_eq!(speaker_of(&quotes(s), "مجلس حكي"), Some("أيمن البدادوة"));
}

#[test]
fn round_nine_headline_asides_and_described_sources() {
    let first = |s: &str| quotes(s).into_iter().find(|q| q.speech);
    // Where or to whom a name spoke, between it and the colon.
    let s = "لازاريني في غزة: سنبقى مع الفلسطينيين حتى النهاية\nزار المفوض القطاع أمس.";
    let q = first(s).expect("a headline statement");
    assert_eq!(q.kind, "headline");
    assert_eq!(q.speaker.as_deref(), Some("لازاريني"));
    let s = "رامي عبد الرحمن لصوت لبنان: لولا السلاح لرأينا مجازر بالألوف\nتحدث المدير عن الوضع.";
    assert_eq!(
        first(s).and_then(|q| q.speaker).as_deref(),
        Some("رامي عبد الرحمن")
    );
    // Not a topic of common words, a verb after a name, or `جاء في`.
    let s = "أسباب الانقطاع في تونس: الشبكة قديمة والصيانة غائبة منذ سنوات\nتعاني البلاد.";
    assert!(quotes(s).iter().all(|q| !q.speech));
    let s = "جاء في بيان الخارجية: الحكومة تتابع الوضع عن كثب\nتابعت الوزارة.";
    assert!(quotes(s)
        .iter()
        .all(|q| q.speaker.as_deref() != Some("جاء")));
    // An anonymous source described by adjectives speaks (for nobody in particular); the
    // page label `مصدر` does not.
    let s = "مصدر دبلوماسي روسي: موسكو تواصل الحوار مع واشنطن بشأن التسوية\nقالت الوكالة ذلك.";
    let q = first(s).expect("an anonymous headline statement");
    assert_eq!(q.speaker, None);
    let s = "مصدر: وكالة الأنباء الرسمية والمواقع الإخبارية المحلية\nتابعت الوكالة.";
    assert!(quotes(s).iter().all(|q| !q.speech));
}

#[test]
fn unclosed_quote_leaves_a_stray_mark_and_full_stop_at_the_paragraph_end() {
    // The writer's closing mark had nothing to close: it and the full stop after it are not
    // the speaker's words.
    let s = "وقال النائب: «الطلب الوحيد لرئيس الوزراء “لا تطرشون الجبري لأن حظنا معاه مو زين”.";
    let qs = quotes(s);
    let q = qs
        .iter()
        .find(|q| q.flags.contains(&"unclosed".to_string()));
    assert!(
        q.expect("an unclosed quote").text.ends_with("مو زين"),
        "{qs:#?}"
    );
    let s = "وقال النائب إن \"الطلب الوحيد لرئيس الوزراء لا تطرشون الجبري لأن حظنا معاه مو زين |.";
    let qs = quotes(s);
    let q = qs.iter().find(|q| q.speech).expect("a speech quote");
    assert!(q.text.ends_with("مو زين"), "{q:#?}");
    // A full stop alone stays: the sentence ends inside the quote.
    let s = "وقال الوزير: \"الحكومة ماضية في خطتها ولن تتراجع عنها.";
    let qs = quotes(s);
    let q = qs.iter().find(|q| q.speech).expect("a speech quote");
    assert!(q.text.ends_with("عنها."), "{q:#?}");
    // A question mark is the speaker's.
    let s = "وقال المواطن: \"ماذا تريد الحكومة منا؟\"\"";
    let qs = quotes(s);
    assert!(qs.iter().all(|q| !q.text.ends_with('"')), "{qs:#?}");
}

#[test]
fn round_ten_short_forms_of_councils_armies_and_sultanates() {
    // `المجلس`, `الجيش`, `السلطنة` stand for the council, army or sultanate named in full.
    let s = "عقد مجلس بنك المغرب اجتماعه الفصلي اليوم.\nوقال المجلس إن \"التضخم يتراجع\".";
    assert_eq!(
        speaker_of(&quotes(s), "التضخم يتراجع"),
        Some("مجلس بنك المغرب")
    );
    let s = "أعلن جيش الاحتلال الإسرائيلي بدء عملية.\nوقال الجيش إن \"القتال مستمر\".";
    assert_eq!(
        speaker_of(&quotes(s), "القتال مستمر"),
        Some("جيش الاحتلال الإسرائيلي")
    );
    // Inside a role, `مجلس` is no body of its own: the role's holder speaks.
    let s = "قال رئيس مجلس النواب عقيلة صالح إن \"الانتخابات ممكنة\".";
    assert_eq!(
        speaker_of(&quotes(s), "الانتخابات ممكنة"),
        Some("عقيلة صالح")
    );
}

#[test]
fn round_eleven_a_doctor_set_off_by_commas_after_a_role() {
    // `وزير المالية، د. جبريل إبراهيم،`: the abbreviated title opens the name in apposition,
    // and the role stands for him later.
    let s = "كشف وزير المالية السوداني، د. جبريل إبراهيم، عن استثمارات جديدة.\nوقال وزير المالية السوداني إن \"الوضع جيد جدا في البلاد\".";
    assert_eq!(
        speaker_of(&quotes(s), "الوضع جيد جدا في البلاد"),
        Some("جبريل إبراهيم")
    );
}

#[test]
fn round_thirteen_where_names_end() {
    let speaker = |s: &str, text: &str| speaker_of(&quotes(s), text).map(str::to_string);
    // A definite title after a foreign name of two words opens an apposition.
    let s = "قال دانييلي روفينيتي الخبير في العلاقات الدولية إن \"المهمة صعبة\".";
    assert_eq!(
        speaker(s, "المهمة صعبة").as_deref(),
        Some("دانييلي روفينيتي")
    );
    // Not after a role, nor before a given name: a title and the name of the role's holder.
    let s = "وقال قائد الجيش الفريق أول عبد الفتاح البرهان إن \"الحرب ستنتهي\".";
    assert_eq!(
        speaker(s, "الحرب ستنتهي").as_deref(),
        Some("عبد الفتاح البرهان")
    );
    let s = "اعتبر امين عام عصائب اهل الحق الشيخ قيس الخزعلي ان الانتخابات مختلفة.\nوقال الامين العام لعصائب اهل الحق \"نحن امام جبهتين\".";
    assert_eq!(
        speaker(s, "نحن امام جبهتين").as_deref(),
        Some("قيس الخزعلي")
    );
    // `لـ` of purpose and a verb (`ليتحدث`) after the name.
    let s = "خرج وكيل وزارة الصحة الدكتور عبدالله بن مفرح عسيري ليتحدث عن استحقاق الفئات للقاح.\nوقال \"اللقاح آمن تماما\".";
    assert_eq!(
        speaker(s, "اللقاح آمن تماما").as_deref(),
        Some("عبدالله بن مفرح عسيري")
    );
    // After `بن X`, a common word without the article is the verb's object.
    let s = "أعلن وزير الخارجية السعودي الأمير فيصل بن فرحان مبادرة لإنهاء الحرب، وقال \"المملكة تشدد على حقها\".";
    assert_eq!(
        speaker(s, "المملكة تشدد على حقها").as_deref(),
        Some("فيصل بن فرحان")
    );
    // A verb whose object takes `بـ` ends its subject there.
    let s = "رحب بايدن بزيلينسكي في المكتب البيضاوي، قائلا إن \"الدعم مستمر\".";
    assert_eq!(speaker(s, "الدعم مستمر").as_deref(), Some("بايدن"));
    // `صباح` between two name words is a name, not the morning.
    let s = "وقال مدير قسم العلاقات والإعلام في المديرية نؤاس صباح شاكر للوكالة الرسمية، إن \"الخطة جاهزة\".";
    assert_eq!(speaker(s, "الخطة جاهزة").as_deref(), Some("نؤاس صباح شاكر"));
    // The honorific `سعادة` is a title.
    let s = "وقال سعادة سلطان بن سليم، رئيس مجلس الإدارة: \"دبي جزء من دولة الإمارات\".";
    assert_eq!(
        speaker(s, "دبي جزء من دولة الإمارات").as_deref(),
        Some("سلطان بن سليم")
    );
    // A body's head noun and words that open no person's name: the body's whole name.
    let s = "وقالت منظمة أطباء بلا حدود إن \"الهجمات تكثفت\".";
    assert_eq!(
        speaker(s, "الهجمات تكثفت").as_deref(),
        Some("منظمة أطباء بلا حدود")
    );
}

#[test]
fn round_thirteen_roles_and_their_holders() {
    let speaker = |s: &str, text: &str| speaker_of(&quotes(s), text).map(str::to_string);
    // `قائد عمليات البصرة`: the command of an area is a role; the place is no name.
    let s = "قال قائد عمليات البصرة اللواء الركن، سمير عبد الكريم امس, ان القوات ستعتقل المدعين.\nوتابع قائد عمليات البصرة \"فيما يخص النزاعات فقد تمت السيطرة عليها\".";
    assert_eq!(
        speaker(s, "فيما يخص النزاعات فقد تمت السيطرة عليها").as_deref(),
        Some("سمير عبد الكريم")
    );
    // `حاكم` (governor) is a given name before a family name after a role and its genitive.
    let s = "وقال رئيس اللجنة حاكم الزاملي، في مؤتمر صحفي، ان \"الوضع لا يطاق\".\nودعا رئيس الوزراء حيدر العبادي إلى \"التدخل شخصيا\".";
    assert_eq!(speaker(s, "الوضع لا يطاق").as_deref(), Some("حاكم الزاملي"));
    // The head of a committee is not the head of the government.
    let s =
        "وأضاف رئيس الوزراء حيدر العبادي أن الحكومة تتابع.\nوقال رئيس اللجنة إن \"التحقيق مستمر\".";
    assert_eq!(speaker(s, "التحقيق مستمر").as_deref(), Some("رئيس اللجنة"));
    // … but a bare title, or a definite one before a surname, is still its holder.
    let s = "أشار وزير الصحة فراس الأبيض إلى المساعدات.\nوقال الوزير الأبيض إن \"المستشفيات صامدة\".";
    assert_eq!(
        speaker(s, "المستشفيات صامدة").as_deref(),
        Some("فراس الأبيض")
    );
    // A noun with the pronoun `نا` (our) is nobody's name, also as a verb's subject inside a
    // headline's statement.
    let s = "عاجل | المتحدث باسم الخارجية الإثيوبية : أديس أبابا تبنت التهدئة لكن يجب ألا يعتبر صمتنا خوفاً\nكما أعلن المتحدث باسم الخارجية الإثيوبية أن أديس أبابا متمسكة بالحوار مستدركا \"لكن يجب ألا يعتبر صمتنا خوفاً\".";
    assert_eq!(
        speaker(s, "لكن يجب ألا يعتبر صمتنا خوفاً").as_deref(),
        Some("المتحدث باسم الخارجية الإثيوبية")
    );
}

#[test]
fn round_thirteen_fuller_forms_of_a_compound_name() {
    let speaker = |s: &str, text: &str| speaker_of(&quotes(s), text).map(str::to_string);
    // A verb right before a compound given name is no part of the name…
    let s = "تشبثّ عبد اللطيف وهبي، وزير العدل، بدورية إجبارية.\nوقال عبد اللطيف وهبي، في جلسة الأسئلة، إن \"النقاش جار\".";
    assert_eq!(speaker(s, "النقاش جار").as_deref(), Some("عبد اللطيف وهبي"));
    // … a given name is (`محمد عبد اللطيف` for `عبد اللطيف`).
    let s = "قال محمد عبد اللطيف إن \"الوضع جيد\".\nوأضاف عبد اللطيف: \"الهدف باق\".";
    assert_eq!(speaker(s, "الهدف باق").as_deref(), Some("محمد عبد اللطيف"));
    // A person's name is made no fuller by the body written before it.
    let s = "قال الناطق باسم حركة حماس عبد اللطيف القانوع، مساء الجمعة، \"إن الذكرى مهمة\".\nوأضاف القانوع: \"الهدف باق\".";
    assert_eq!(
        speaker(s, "الهدف باق").as_deref(),
        Some("عبد اللطيف القانوع")
    );
    // A family name written later with the article it does not have.
    let s = "قال وزير الاقتصاد محمد سامر خليل ان الموارد محدودة.\nواضاف الخليل ان \"هناك شبه اكتفاء ذاتي\".";
    assert_eq!(
        speaker(s, "هناك شبه اكتفاء ذاتي").as_deref(),
        Some("محمد سامر خليل")
    );
}

#[test]
fn round_fourteen_compound_family_names_in_allah() {
    let speaker = |s: &str, text: &str| speaker_of(&quotes(s), text).map(str::to_string);
    // A word before `الله` is half of a family name, even a person noun (`الجار`, the
    // neighbour) or "according to" (`حسب`).
    let s = "أعرب نائب وزير الخارجية الكويتي خالد الجار الله عن “قلق بلاده من الوضع في الخليج”.";
    assert_eq!(
        speaker(s, "قلق بلاده من الوضع في الخليج").as_deref(),
        Some("خالد الجار الله")
    );
    let s = "وقال المتحدث صلاح حسب الله إن «الفريضة الوطنية واجبة».";
    assert_eq!(
        speaker(s, "الفريضة الوطنية واجبة").as_deref(),
        Some("صلاح حسب الله")
    );
}

#[test]
fn round_fourteen_clause_verbs_before_the_subject_or_the_cue() {
    let speaker = |s: &str, text: &str| speaker_of(&quotes(s), text).map(str::to_string);
    // `عبّر X عن …` opening a clause names its subject; the later surname is that person.
    let s = "عبر سيموني إنزاجي المدير الفني للهلال عن صعوبة فوز فريقه.\nوقال إنزاجي: «تغلبنا على النصر بعد معاناة».";
    assert_eq!(
        speaker(s, "تغلبنا على النصر بعد معاناة").as_deref(),
        Some("سيموني إنزاجي")
    );
    // `عبر` elsewhere is "via": no cue, no subject.
    let s = "وصلت الرسالة عبر البريد عن طريق الخطأ.\nوقال محمد علي: «الرسالة وصلت».";
    assert_eq!(speaker(s, "الرسالة وصلت").as_deref(), Some("محمد علي"));
    // `عاد` ("went on") before a verb of purpose: its subject is the one before it.
    let s =
        "وتوقع المنصوري خفض التضخم، لكن المنصوري عاد ليقول ان تحقيق ذلك سيكون أشبه ب \"المعجزة\".";
    assert_eq!(speaker(s, "المعجزة").as_deref(), Some("المنصوري"));
    // A place in `في` after a role, then a given name that is also a word and a surname.
    let s = "قال المتحدث باسم وزارة الداخلية في قطاع غزة إياد البزم ، إن \"الوزارة بنيت على عقيدة وطنية\".";
    assert_eq!(
        speaker(s, "الوزارة بنيت على عقيدة وطنية").as_deref(),
        Some("إياد البزم")
    );
}

#[test]
fn round_fourteen_verbs_and_prepositions_end_names() {
    let speaker = |s: &str, text: &str| speaker_of(&quotes(s), text).map(str::to_string);
    // A verb in the imperfect after a headline's speaker opens the predicate: the speaker
    // is the role before it, not the verb and its object.
    let s = "وزير الإعلام السوري يهاجم دعوة مظلوم عبدي: «إمبراطورية على ساق دجاجة»";
    assert_eq!(
        speaker(s, "إمبراطورية على ساق دجاجة").as_deref(),
        Some("وزير الإعلام السوري")
    );
    // A given name of that shape stays a name (`يحيى`), and so does a lone surname after a
    // cue (`وقال يرماك`).
    let s = "وقال يحيى السنوار إن «الحرب طويلة».";
    assert_eq!(speaker(s, "الحرب طويلة").as_deref(), Some("يحيى السنوار"));
    let s = "وقال يرماك في منشور: «اجتماع تاريخي».";
    assert_eq!(speaker(s, "اجتماع تاريخي").as_deref(), Some("يرماك"));
    // `حيال` ("regarding") is no name's word: the rules take no subject phrase that ends
    // in it, and the page's speaker (with the learned pass) is the one who criticised.
    let s = "وانتقد أردوغان تصريحات المسؤولين الأميركيين حيال بعض الاضطرابات في إيران، قائلاً: “إننا شهدنا حملة”.";
    assert_ne!(speaker(s, "إننا شهدنا حملة").as_deref(), Some("حيال"));
    let full = analyze(s, &Options::default());
    let q = full
        .quotes
        .iter()
        .find(|q| q.text == "إننا شهدنا حملة")
        .expect("quote");
    assert_eq!(q.speaker.as_deref(), Some("أردوغان"));
}

#[test]
fn round_fourteen_a_group_in_marks_after_a_title() {
    // A body's whole name in marks right after the title is the group (no speech), and the
    // name after its own title is the speaker.
    let s = "أشار عضو \"كتلة الوفاء للمقاومة\" النائب علي المقداد، إلى أن \"المقاومة هي التي حمت لبنان\".";
    let qs = quotes(s);
    assert!(!quote(&qs, "كتلة الوفاء للمقاومة").speech);
    assert_eq!(
        speaker_of(&qs, "المقاومة هي التي حمت لبنان"),
        Some("علي المقداد")
    );
    // Words in marks right after the cue and a source noun stay its speech.
    let qs = quotes("وقال مصدر \"لا صحة لهذه الأنباء\".");
    assert!(quote(&qs, "لا صحة لهذه الأنباء").speech);
}

#[test]
fn round_fourteen_words_of_prose_and_prepositions_name_nobody() {
    // `بلسان` ("speaking for") after a role, as `باسم`: the body it speaks for follows.
    let qs = quotes("وقال الناطق بلسان الجيش الاسرائيلي إن \"العملية مستمرة\".");
    assert_eq!(
        speaker_of(&qs, "العملية مستمرة"),
        Some("الناطق بلسان الجيش الاسرائيلي")
    );
    // The preposition `بـ` joined to a body's head noun is no part of its name.
    let s = "قال الدكتور أمجد الحداد، رئيس قسم الحساسية والمناعة بهيئة المصل واللقاح، إن \"كورونا لن ينتهي\".\nالمصل واللقاح: \"العالم يستهدف تحويله لفيروس موسمي\"";
    let qs = quotes(s);
    assert_eq!(
        speaker_of(&qs, "العالم يستهدف تحويله لفيروس موسمي"),
        Some("هيئة المصل واللقاح")
    );
    // A subject of common words only (`عبارة`, "a phrase") names nobody.
    let s = "ظهرت ممثلة مجهولة على السجادة الحمراء، وكتبت عبارة \"أبحث عن دور\" على فستانها.";
    assert_ne!(speaker_of(&quotes(s), "أبحث عن دور"), Some("عبارة"));
    let full = analyze(s, &Options::default());
    let q = full
        .quotes
        .iter()
        .find(|q| q.text == "أبحث عن دور")
        .expect("quote");
    assert_eq!(q.speaker, None);
}

#[test]
fn round_fifteen_a_cue_in_the_feminine_goes_on_with_a_woman() {
    let speaker = |s: &str, text: &str| speaker_of(&quotes(s), text).map(str::to_string);
    // `وأضافت` with no subject goes on with the woman quoted before, not the man quoted last.
    let s = "قالت وزيرة الصحة سارة العلي إن \"الوضع مستقر\". وقال وزير المالية أحمد سالم إن \"الميزانية جاهزة\". وأضافت: \"سنواصل العمل\".";
    assert_eq!(speaker(s, "سنواصل العمل").as_deref(), Some("سارة العلي"));
    let s = "قالت المتحدثة باسم الحكومة ليلى حسن إن \"الوضع مستقر\".\n\nوقال وزير المالية أحمد سالم إن \"الميزانية جاهزة\".\n\nوأضافت: \"سنواصل العمل\".";
    assert_eq!(speaker(s, "سنواصل العمل").as_deref(), Some("ليلى حسن"));
    // In the masculine it goes on with the man quoted last.
    let s = "قالت وزيرة الصحة سارة العلي إن \"الوضع مستقر\". وقال وزير المالية أحمد سالم إن \"الميزانية جاهزة\". وأضاف: \"سنواصل العمل\".";
    assert_eq!(speaker(s, "سنواصل العمل").as_deref(), Some("أحمد سالم"));
    // The woman quoted just before (`أودري`, a woman's name of another language), not the
    // man the rules carry `وقالت` over from: the learned pass weighs their genders.
    let s = "قال رئيس الوزراء عادل عبد المهدي إن «الحكومة وافقت».\nوكانت المديرة العامة لمنظمة اليونسكو، أودري أزولاي، اعتبرت أن إعادة الإعمار ستكون «صعبة».\nوقالت: «إنه مشروع طموح جداً».";
    let qs = analyzed_quotes(s);
    assert_eq!(speaker_of(&qs, "إنه مشروع طموح جداً"), Some("أودري أزولاي"));
}

#[test]
fn round_fifteen_repeated_paragraphs_and_one_word_names_of_bodies() {
    let speaker = |s: &str, text: &str| speaker_of(&quotes(s), text).map(str::to_string);
    // A paragraph the page repeats does not make the word after a name part of it.
    let p = "وقال بيتر كرولي رئيس قسم مكافحة شلل الأطفال بمنظمة اليونيسيف في بيان \"لا يعد تفشي المرض أمرا عابرا\".";
    let qs = quotes(&format!("{p}\n\n{p}"));
    let speakers: Vec<Option<&str>> = qs.iter().map(|q| q.speaker.as_deref()).collect();
    assert_eq!(speakers, [Some("بيتر كرولي"), Some("بيتر كرولي")]);
    // The one-word name of a movement (`فتح`, also a given name) after its noun is no part of
    // the name that follows it.
    let s = "وقال عضو المجلس الثوري لحركة فتح جمال نزال \"لا نريد التصعيد\".";
    assert_eq!(speaker(s, "لا نريد التصعيد").as_deref(), Some("جمال نزال"));
    let s = "أكد المتحدث باسم حركة فتح حسين حمايل، أن \"القرار خطير\".";
    assert_eq!(speaker(s, "القرار خطير").as_deref(), Some("حسين حمايل"));
}

#[test]
fn round_fifteen_a_name_in_b_after_a_role_is_no_preposition() {
    // `براك` after the role opens the minister's name: no `بـ` and a word (`راك` is none), so
    // the role's holder is named without his title.
    let s = "صرح وزير المالية الكويتى براك الشيتان اليوم السبت، بأن المركز المالى لبلاده ”قوى“.\n\nوتأتى تصريحات الشيتان تعقيبا على تعديل النظرة المستقبلية.\n\nوقال وزير المالية الكويتى فى بيان صحفي إن تعديل النظرة هو ”نتيجة تلقائية“.";
    let qs = quotes(s);
    assert_eq!(speaker_of(&qs, "قوى"), Some("براك الشيتان"));
    assert_eq!(speaker_of(&qs, "نتيجة تلقائية"), Some("براك الشيتان"));
    // `بـ` and a noun of a role's phrase is still the preposition.
    let s = "وقال رئيس قسم مكافحة الأمراض بمنظمة الصحة العالمية أحمد سالم إن \"الوضع خطير\".";
    assert_eq!(speaker_of(&quotes(s), "الوضع خطير"), Some("أحمد سالم"));
}

#[test]
fn round_fifteen_a_given_name_that_is_a_person_noun_after_a_place() {
    // `نجم` (star, also a given name) after a construct title and a place's name, before a
    // family name, opens the governor's name.
    let s = "اعلن محافظ نينوى نجم الجبوري عن الشروع باعمار المشاريع.\n\nوقال ان \"المحافظة شرعت باعمار المشاريع\".";
    assert_eq!(
        speaker_of(&quotes(s), "المحافظة شرعت باعمار المشاريع"),
        Some("نجم الجبوري")
    );
}

#[test]
fn round_fifteen_middle_and_last_names_that_are_words_too() {
    let speaker = |s: &str, text: &str| speaker_of(&quotes(s), text).map(str::to_string);
    // `أمير` between a given name and a compound family name is a middle name.
    let s = "قال وزير الخارجية الإيراني حسين أمير عبد اللهيان إن \"المفاوضات مستمرة\".";
    assert_eq!(
        speaker(s, "المفاوضات مستمرة").as_deref(),
        Some("حسين أمير عبد اللهيان")
    );
    let s = "قال وزير الخارجية الإيراني حسين أمير عبداللهيان إن \"المفاوضات مستمرة\".";
    assert_eq!(
        speaker(s, "المفاوضات مستمرة").as_deref(),
        Some("حسين أمير عبداللهيان")
    );
    // `أمير قطر` is still the emir.
    let s = "وقال الرئيس التركي رجب طيب أردوغان أمير قطر إن \"العلاقات متينة\".";
    assert_ne!(
        speaker(s, "العلاقات متينة").as_deref(),
        Some("رجب طيب أردوغان أمير قطر")
    );
    // A given name closing the phrase after a definite word ends the name, not an object.
    let s = "وقال النائب حسين الحاج حسن إن \"الوضع خطير\".";
    assert_eq!(speaker(s, "الوضع خطير").as_deref(), Some("حسين الحاج حسن"));
    // An undefined noun there is the verb's object.
    let s = "وجهت هيا الشعيبي رسالة قالت فيها \"الوضع خطير\".";
    assert_eq!(speaker(s, "الوضع خطير").as_deref(), Some("هيا الشعيبي"));
}

#[test]
fn round_fifteen_a_headline_speaker_in_ould() {
    // `ولد` opening a headline is the particle of a family name, not `و` and a verb.
    let s = "ولد عباس: سنحكم الجزائر 100 عام على الأقل\n\nقال جمال ولد عباس إن الحزب سيحكم طويلا.";
    let qs = quotes(s);
    let q = quote(&qs, "سنحكم الجزائر 100 عام على الأقل");
    assert_eq!(q.kind, "headline");
    assert_eq!(q.speaker.as_deref(), Some("جمال ولد عباس"));
}

#[test]
fn round_fifteen_a_media_tag_with_its_outlet_ends_a_headline() {
    // `(فيديو إرم)`: a media word and the outlet that made it are no part of the statement.
    let qs = quotes("أمير رمسيس: أجهز لعمل جديد عن داعش (فيديو إرم)");
    let q = quote(&qs, "أجهز لعمل جديد عن داعش");
    assert_eq!(q.kind, "headline");
    assert_eq!(q.speaker.as_deref(), Some("أمير رمسيس"));
}

#[test]
fn round_fifteen_family_names_in_b_and_after_bin_and_an_object_with_his_pronoun() {
    let speaker = |s: &str, text: &str| speaker_of(&quotes(s), text).map(str::to_string);
    // A word in `بـ` ending in `ي` is a family name, not a phrase of manner.
    let s = "وقال المتحدث علي بهادري جهرمي إن \"الوضع خطير\".";
    assert_eq!(
        speaker(s, "الوضع خطير").as_deref(),
        Some("علي بهادري جهرمي")
    );
    // After `بن` a title word (`مساعد`, assistant) is the father's name.
    let s = "وقال الأمير عبدالله بن مساعد إن \"الاتحاد قوي\".";
    assert_eq!(
        speaker(s, "الاتحاد قوي").as_deref(),
        Some("عبدالله بن مساعد")
    );
    // A noun with his pronoun after a full name is the verb's object.
    let s = "أعلن الرئيس التونسي قيس سعيد رفضه \"الصلح والتفاوض\".";
    assert_eq!(speaker(s, "الصلح والتفاوض").as_deref(), Some("قيس سعيد"));
}

#[test]
fn round_fifteen_compound_first_names_and_a_cleric_s_honorific() {
    // A compound first name in `الدين` is no prose added to the surname: the later `ألطون` is
    // the fuller name's.
    let s = "وقال مدير الاتصالات فخر الدين ألطون إن \"الوضع خطير\".\n\nوأضاف ألطون أن \"الحل قريب\".";
    let qs = quotes(s);
    assert_eq!(speaker_of(&qs, "الحل قريب"), Some("فخر الدين ألطون"));
    // `آية الله` is an honorific, no part of the name.
    let s = "وقال المرشد الإيراني آية الله علي خامنئي إن \"الوضع خطير\".";
    assert_eq!(speaker_of(&quotes(s), "الوضع خطير"), Some("علي خامنئي"));
}

/// The headline statement of `s` (its first line) and its speaker.
fn headline_of(s: &str) -> Option<(String, Option<String>)> {
    quotes(s)
        .into_iter()
        .find(|q| q.kind == "headline")
        .map(|q| (q.text, q.speaker))
}

#[test]
fn round_sixteen_headline_speakers_with_what_surrounds_them() {
    let body = "\nوقال المسؤول في بيان إن الوضع يتحسن.";
    let cases = [
        // A bar before the speaker.
        (
            "| وزير الصحة السوري: المستشفيات تعمل بكامل طاقتها",
            "وزير الصحة السوري",
        ),
        // A hashtag label and a space before the colon.
        (
            "#عاجل مركز مكافحة الأوبئة : البلاد تمر بلحظات حرجة",
            "مركز مكافحة الأوبئة",
        ),
        // A surname that opens with `و` (no conjunction).
        ("وهدان: البرلمان ينحاز للمواطن في ملف الرسوم", "وهدان"),
        // A manner participle and its object after the speaker.
        (
            "الرئيس تبون مطمئنًا الجزائريين: قادرون على حماية وطننا",
            "تبون",
        ),
        // A named speaker and when he spoke.
        (
            "فريد زهران بعد فوزه برئاسة الحزب: سنشارك في الحوار الوطني",
            "فريد زهران",
        ),
        // An outlet in marks and its nisba.
        (
            "محمد بن سلمان لـ\"سي بي إس\" الأمريكية: سنعلن للعالم ما نقوم به",
            "محمد بن سلمان",
        ),
    ];
    for (headline, speaker) in cases {
        let found = headline_of(&format!("{headline}{body}"));
        let (_, who) = found.unwrap_or_else(|| panic!("no headline statement in {headline:?}"));
        assert_eq!(who.as_deref(), Some(speaker), "{headline:?}");
    }
    // A body in marks with its nisba after a title.
    let (text, _) = headline_of(&format!(
        "رئيس منظمة “بدر” العراقية: الموقف الشجاع جعله في مواجهة العدوان{body}"
    ))
    .expect("a headline statement after a quoted body");
    assert_eq!(text, "الموقف الشجاع جعله في مواجهة العدوان");
    // The site's name after a dash closes the page's title, no part of the statement.
    let (text, _) = headline_of(&format!(
        "وزير الخارجية القطري: ما زلنا على تواصل بشأن الوساطة - خارجيات{body}"
    ))
    .expect("a headline statement before the site's name");
    assert_eq!(text, "ما زلنا على تواصل بشأن الوساطة");
    // (Not a dash inside the statement: `ممر طابا - العريش` goes on with words after it.)
    let (text, _) = headline_of(&format!(
        "وزير النقل: الأردن طلب التصدير عبر ممر طابا - العريش البري الجديد{body}"
    ))
    .expect("a headline statement with a dash");
    assert_eq!(text, "الأردن طلب التصدير عبر ممر طابا - العريش البري الجديد");
}

#[test]
fn round_sixteen_foreign_given_names_roles_after_names_and_bodies_whole() {
    // A foreign given name no list holds reads as a name by its letters: the later surname
    // alone is the fuller name's.
    let s = "وقال مدير المكتب الإقليمي باللجنة فيليبرتو كاربوني \"إننا ندعو الدول إلى التحرك\".\nووصف كاربوني الظروف بأنها \"قاسية على الجميع\".";
    let qs = quotes(s);
    assert_eq!(
        speaker_of(&qs, "قاسية على الجميع"),
        Some("فيليبرتو كاربوني")
    );
    // `القيادي` after a name opens a role, no part of the name.
    let s = "وقال تيسير نصرالله القيادي في حركة فتح، في تصريح صحفي: \"المصالحة قريبة جدا\".";
    assert_eq!(
        speaker_of(&quotes(s), "المصالحة قريبة جدا"),
        Some("تيسير نصرالله")
    );
    // A group in marks, where it is, then the name.
    let s = "قال عضو اللجنة المركزية لحركة “فتح” في فلسطين محمد اشتية إن \"المصالحة قريبة جدا\".";
    assert_eq!(
        speaker_of(&quotes(s), "المصالحة قريبة جدا"),
        Some("محمد اشتية")
    );
    // A body named whole once is that body where a later mention shortens it.
    let s = "اكدت قيادة العمليات المشتركة، الاربعاء، ان \"الشرطة وحدها ستحفظ الامن\".\nوذكر بيان للعمليات ان \"القوات ستنتشر قريبا\".";
    assert_eq!(
        speaker_of(&quotes(s), "القوات ستنتشر قريبا"),
        Some("قيادة العمليات المشتركة")
    );
}

#[test]
fn round_sixteen_without_borders_closes_a_body_s_name() {
    // `بلا حدود` ("without borders") is part of the body's name, and no name of a person.
    let s = "وقالت منظمة أطباء بلا حدود في بيان إن \"الوضع كارثي\".";
    assert_eq!(
        speaker_of(&quotes(s), "الوضع كارثي"),
        Some("منظمة أطباء بلا حدود")
    );
    let s = "وقال رئيس منظمة أطباء بلا حدود جاويد عبد المنعم إن \"الوضع صعب جدا\".";
    assert_eq!(
        speaker_of(&quotes(s), "الوضع صعب جدا"),
        Some("جاويد عبد المنعم")
    );
}

#[test]
fn round_sixteen_a_verb_in_the_imperfect_before_a_name_is_no_part_of_it() {
    // The page writes `يؤمن أليو ديانج` (a verb, then its subject): the later surname alone is
    // `أليو ديانج`, not the verb with it.
    let s = "يؤمن أليو ديانج، لاعب المنتخب، أن الهدف هو الفوز باللقب.\n\nوشدد ديانج على استعداده للعمل.\n\nوقال ديانج في حواره: \"الهدف واضح\".";
    assert_eq!(speaker_of(&quotes(s), "الهدف واضح"), Some("أليو ديانج"));
}
