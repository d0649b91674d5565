//! Word lists for quote analysis, normalised once (see [`super::words::norm`]) on first use.
//!
//! The lists follow docs §2.2–§2.3 (reporting verbs, participles, "according to" forms,
//! speaker-switch adverbials, title and outlet context words, honorific formulas). Given names
//! live in `given_names.txt`, in two sections: names that are never ordinary words, and names
//! that also are (`حسن`, `أمل`, `حاكم`), which the rules trust less.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use super::words::{lookup_forms, norm};

/// What kind of reporting cue a word is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CueKind {
    /// A finite reporting verb (`قال`, `أضافت`, `يقول`); its subject follows it.
    Verb,
    /// A verb that describes, accuses or advises (`وصف`, `وصفته`, `اتهم`, `نصح`): its object
    /// comes before the `بأنه`/`بـ` phrase.
    Describe,
    /// A circumstantial participle (`مضيفا`, `معتبرة`, `مؤكدين`); the speaker is the subject of
    /// the main clause.
    Participle,
    /// A verbal noun (`تأكيد`, `تصريح`, `القول`); the speaker follows it as a genitive.
    Noun,
    /// An "according to" form (`بحسب`, `وفقا لـ`, `نقلا عن`); it attributes the report.
    According,
    /// A speaker-switch adverbial (`بدوره`, `من جهته`); weakest cue, used when no other is found.
    Adverbial,
    /// The impersonal frame `وجاء في بيان (صادر عن X)`; the speaker is the issuer, if named.
    Statement,
    /// A stance verb (`رحب`, `اتهم`, `جدد`): not a quote cue, but its subject is the most recent
    /// speaker for the quotes that follow without a subject of their own.
    Stance,
}

/// Perfect-tense reporting verbs (3rd masculine singular); the usual inflections are generated.
const VERBS: &[&str] = &[
    "قال",
    // Chants and slogans (`ردد المحامون شعارات`).
    "ردد",
    "هتف",
    "أضاف",
    "أكد",
    "أوضح",
    "أشار",
    "صرح",
    "لفت",
    "اعتبر",
    "شدد",
    "أعلن",
    "ذكر",
    "أفاد",
    "كشف",
    "أردف",
    "استطرد",
    "استدرك",
    "استكمل",
    "لخص",
    "ختم",
    "علق",
    "رد",
    "حذر",
    "أعرب",
    "نوه",
    "أشاد",
    "تساءل",
    "أجاب",
    "كتب",
    "غرد",
    "نقل",
    "عبر",
    "طالب",
    "تابع",
    "أقر",
    "نفى",
    "دعا",
    "روى",
    "أكمل",
    "واصل",
    "اختتم",
    "أقسم",
];

/// Reporting verbs that take an `أن` complement (generated like [`VERBS`]).
const MORE_VERBS: &[&str] = &["توقع", "رجح", "استبعد", "اعترف", "تعهد", "هدد", "وعد"];

/// Stance verbs: their subjects are remembered as speakers (see [`CueKind::Stance`]).
const STANCE_VERBS: &[&str] = &[
    "رحب",
    "اتهم",
    "جدد",
    "استشهد",
    "ندد",
    "أدان",
    "انتقد",
    "هاجم",
    "رفض",
    "شكر",
    "ناشد",
    "حث",
    "أبدى",
    "طمأن",
    "حمل",
    "اقترح",
    "أثنى",
    "امتدح",
    "استنكر",
    "تحدث",
];

/// Generated verb forms that are far more often another word (`عبر` "via", `ردا` "in reply",
/// `تابع` "affiliated", `طالب` "student").
const NOT_CUES: &[&str] = &[
    "عبر",
    "عبرا",
    "ردا",
    "تابع",
    "تابعا",
    "طالب",
    "طالبا",
    "كتبا",
    "نقلا",
];

/// Verb forms the generator cannot produce (weak verbs, imperfects).
const VERB_FORMS: &[&str] = &[
    // `بيّنت` ("she explained"); the bare `بين` is mostly the preposition.
    "بينت",
    "وبينت",
    "رأى",
    "ورأى",
    "قالها",
    "قاله",
    "قالته",
    "قالتها",
    "قالوها",
    "نفت",
    "نفوا",
    "دعت",
    "دعوا",
    "روت",
    "رووا",
    "يروي",
    "تروي",
    "رأت",
    "رأوا",
    "تابعت",
    "تابعوا",
    "يقول",
    "تقول",
    "يقولون",
    "يرى",
    "ترى",
    "يرون",
    "يضيف",
    "تضيف",
    "يؤكد",
    "تؤكد",
    "يؤكدون",
    "يوضح",
    "توضح",
    "يشير",
    "تشير",
    "يعتبر",
    "تعتبر",
    "يتابع",
    "تحذر",
    "يحذر",
    "تطالب",
    "يطالب",
    "تدعو",
    "يدعو",
    "تعلن",
    "يعلن",
    "تنفي",
    "ينفي",
    "تكشف",
    "يكشف",
    "تشدد",
    "يشدد",
    "تتابع",
    "وتابع",
    "فتابع",
    "وتابعت",
];

/// Forms of "to describe", with object pronouns.
const DESCRIBE_FORMS: &[&str] = &[
    "وصف",
    "وصفت",
    "وصفوا",
    "وصفه",
    "وصفها",
    "وصفهم",
    "وصفته",
    "وصفتها",
    "وصفتهم",
    "وصفوه",
    "وصفوها",
    "يصف",
    "تصف",
    "يصفه",
    "تصفه",
    "يصفها",
    "تصفها",
    "نصح",
    "نصحت",
    "نصحوا",
    "ينصح",
    "تنصح",
    "اتهم",
    "اتهمت",
    "اتهموا",
    "يتهم",
    "تتهم",
    "اتهمه",
    "اتهمها",
    "اتهمهم",
    "اتهمته",
    "اتهمتها",
    "سماه",
    "سمته",
    "سموه",
    "يسميه",
    "تسميه",
];

/// Circumstantial participles (masculine accusative); feminine and plural forms are generated.
const PARTICIPLES: &[&str] = &[
    "قائلا",
    "مضيفا",
    "مؤكدا",
    "مشيرا",
    "موضحا",
    "لافتا",
    "معتبرا",
    "متابعا",
    "مشددا",
    "معقبا",
    "متسائلا",
    "محذرا",
    "منوها",
    "مبينا",
    "مستدركا",
    "مردفا",
    "معربا",
    "مطالبا",
    "داعيا",
    "كاشفا",
    "واصفا",
];

/// Verbal nouns that introduce a quote.
const NOUNS: &[&str] = &[
    "تأكيد",
    "تصريح",
    "تصريحات",
    "قول",
    "القول",
    "إعلان",
    "تحذير",
    "تأكيده",
    "تصريحه",
    "تصريحاته",
    "قوله",
    "إشارته",
    "تأكيدها",
    "تصريحها",
    "قولها",
    "إشارة",
];

/// "According to" forms.
const ACCORDING: &[&str] = &["بحسب", "حسب", "وفقا", "وفق", "نقلا", "لسان", "طبقا"];

/// Speaker-switch adverbials.
const ADVERBIALS: &[&str] = &[
    "بدوره",
    "بدورها",
    "بدورهم",
    "جهته",
    "جهتها",
    "جهتهم",
    "جانبه",
    "جانبها",
    "جانبهم",
];

/// Words that start a role or title in front of a name (`الرئيس بوتين`, `وزير الخارجية …`).
const TITLES: &[&str] = &[
    "رئيس",
    "رئيسة",
    // A pilot's or captain's title (`الكابتن ناصر محمود`).
    "كابتن",
    "الكابتن",
    "وزير",
    "وزيرة",
    "الرئيس",
    "الرئيسة",
    "الوزير",
    "الوزيرة",
    "السيد",
    "السيدة",
    "الشيخ",
    "الشيخة",
    "الدكتور",
    "الدكتورة",
    "د",
    "المتحدث",
    "المتحدثة",
    "متحدث",
    "الناطق",
    "ناطق",
    "السفير",
    "القنصل",
    "السفيرة",
    "سفير",
    "الأمين",
    "أمين",
    "الكاتب",
    "الكاتبة",
    "الصحفي",
    "الصحفية",
    "المحلل",
    "الخبير",
    "الخبيرة",
    "النائب",
    "نائب",
    "النائبة",
    "المستشار",
    "مستشار",
    "مدير",
    "مديرة",
    "المدير",
    "المديرة",
    "قائد",
    "القائد",
    "الملك",
    "ملك",
    "الأمير",
    "أمير",
    // `سلطان عُمان` (also a first name: see `starts_name`).
    "سلطان",
    "ولي",
    "المبعوث",
    "مبعوث",
    "الممثل",
    "ممثل",
    "عضو",
    "زعيم",
    "الزعيم",
    "المندوب",
    "المندوبة",
    "مندوب",
    "نقيب",
    "النقيب",
    "مدرب",
    "المدرب",
    "محافظ",
    "المحافظ",
    "عمدة",
    "العمدة",
    "رئيس",
    "المعارض",
    "المعارضة",
    "الجنرال",
    "اللواء",
    "العميد",
    "العقيد",
    "الفريق",
    "المشير",
    "القاضي",
    "البروفيسور",
    "الأستاذ",
    "الأستاذة",
    "المحامي",
    "فخامة",
    "سمو",
    "صاحب",
    "معالي",
    "سعادة",
    "جلالة",
    "المرشد",
    "الباحث",
    "الباحثة",
    "الناشط",
    "الناشطة",
    "المسؤول",
    "مسؤول",
    "كبير",
    "كبيرة",
    "الداعية",
    "البابا",
    // Church titles before a name (`البطريرك الماروني الكاردينال مار بشارة بطرس الراعي`).
    "البطريرك",
    "الكاردينال",
    "المطران",
    "الأنبا",
    "مار",
    "الحاخام",
    "المحللة",
    "محللة",
    "الناخب",
    "منسق",
    "المنسق",
    "والي",
    "الوالي",
    "المفوض",
    "مفوض",
    "حاكم",
    "الحاكم",
    "وكيل",
    "الوكيل",
    "بروفيسور",
    "بروفسور",
    "دكتور",
    "دكتورة",
    "مفتي",
    "المفتي",
    "رئيسة",
    "عضوة",
    "العضو",
];

/// Nouns in front of a name that say who the person is (`رجل الأعمال`, `نجم الهلال`,
/// `زوجته`), without the article.
const PERSON_NOUNS: &[&str] = &[
    "رجل",
    // `تيسير نصرالله القيادي في حركة فتح`: a party's leading member, after a name.
    "قيادي",
    "نجم",
    "نجمة",
    "لاعب",
    "لاعبة",
    "حارس",
    "مهاجم",
    "مدافع",
    "زوج",
    "زوجة",
    "زوجته",
    "زوجها",
    "ابن",
    "ابنة",
    "ابنه",
    "ابنها",
    "والد",
    "والدة",
    "والده",
    "والدته",
    "شقيق",
    "شقيقة",
    "شقيقه",
    "شقيقته",
    "مالك",
    "مؤسس",
    "مراسل",
    "مراسلة",
    "كاتب",
    // `مساعد وزير الخارجية`.
    "مساعد",
    "مساعدة",
    // `المرشح محمد ولد الشيخ الغزواني`.
    "مرشح",
    "مرشحة",
    "كاتبة",
    "صحفي",
    "صحفية",
    "فنان",
    "فنانة",
    "مخرج",
    "مخرجة",
    "ممثلة",
    "مغني",
    "مغنية",
    "محامي",
    "محامية",
    "رئيسة",
    "نائبة",
    "مديرة",
    "وزيرة",
    "عضوة",
    "خبير",
    "خبيرة",
    "أستاذ",
    "أستاذة",
    "شيخ",
    "روائي",
    "روائية",
    "شاعر",
    "شاعرة",
    "أديب",
    "أديبة",
    "مؤرخ",
    "مفكر",
    "ناقد",
    "ناقدة",
    "رسام",
    "ملحن",
    "موسيقار",
    "جار",
    "جارة",
    "صديق",
    "صديقة",
    "زميل",
    "زميلة",
    "رجل",
    "امرأة",
    "سيدة",
    "شاب",
    "شابة",
    "فتاة",
    "نازح",
    "نازحة",
    "مواطن",
    "مواطنة",
    "لاجئ",
    "لاجئة",
    "طبيب",
    "طبيبة",
    "مهندس",
    "معلم",
    "معلمة",
    "مزارع",
    "تاجر",
    "مسعف",
    "ممرضة",
    // `وقالت الطالبة فاطمة`: a student or pupil named after the noun. (Not `الحاج`, which
    // is as often inside a family name: `حسين الحاج حسن`.)
    "طالب",
    "طالبة",
    "تلميذ",
    "تلميذة",
];

/// Adjectives that make a subject indefinite (`مسؤول أممي`, `مصرفي كبير`): anonymous sources.
const INDEFINITE_MODIFIERS: &[&str] = &[
    "كبير",
    "كبيرة",
    "رفيع",
    "رفيعة",
    "بارز",
    "بارزة",
    "مطلع",
    "مطلعة",
    "مطلعون",
    "مطلعين",
    "أممي",
    "أممية",
    "غربي",
    "غربية",
    "غربيون",
    "أمريكي",
    "أميركي",
    "أمريكية",
    "أميركية",
    "إسرائيلي",
    "إسرائيلية",
    "روسي",
    "روسية",
    "إيراني",
    "إيرانية",
    "أوروبي",
    "أوروبية",
    "عربي",
    "عربية",
    "مصري",
    "مصرية",
    "حكومي",
    "حكومية",
    "عسكري",
    "عسكرية",
    "أمني",
    "أمنية",
    "دبلوماسي",
    "دبلوماسية",
    "رسمي",
    "رسمية",
    "سابق",
    "سابقة",
    "محلي",
    "محلية",
    "آخر",
    "أخرى",
    "آخرون",
    "آخرين",
    "مقرب",
    "مقربة",
    "مسؤول",
    "رفيعو",
];

/// Institution nouns that continue a role (`الأمين العام لجامعة الدول العربية`).
const INSTITUTIONS: &[&str] = &[
    "وكالة",
    "صحيفة",
    "قناة",
    "موقع",
    "إذاعة",
    "مجلة",
    "شبكة",
    "تلفزيون",
    "رئاسة",
    "أمانة",
    "بلدية",
    "محكمة",
    "نيابة",
    "جامعة",
    "وزارة",
    "هيئة",
    "مجلس",
    "منظمة",
    "حركة",
    "حزب",
    "اتحاد",
    "نقابة",
    "شركة",
    "مكتب",
    "مركز",
    "دائرة",
    "مؤسسة",
    "لجنة",
    "جماعة",
    "كتلة",
    "الأمم",
    "جمعية",
    "باسم",
    // `الناطق بلسان الجيش`: "speaking for", as `باسم`.
    "بلسان",
    "عام",
    "بعثة",
    "قوات",
    "جيش",
    "حكومة",
    "إدارة",
    "سلطة",
    "بنك",
    "مصرف",
    "جبهة",
    "إقليم",
    "تحالف",
    "تيار",
    "ائتلاف",
    "مهرجان",
    "مهرجانات",
    "صندوق",
    "برلمان",
    "دولة",
    "آخر",
    "أخرى",
    "آخرون",
    "آخرين",
    "كبار",
    "رفيع",
    "رفيعة",
    "رفيعو",
    "المستوى",
    "مطلع",
    "مطلعة",
    "مطلعون",
    "مطلعين",
    "بارز",
    "بارزة",
    "سابق",
    "سابقة",
    "حكومي",
    "حكومية",
    "أمني",
    "أمنية",
    "عسكري",
    "عسكرية",
    "دبلوماسي",
    "دبلوماسية",
    "محلي",
    "محلية",
    "غربي",
    "غربية",
];

/// Indefinite subjects that do not name anyone (anonymous sources).
const ANONYMOUS: &[&str] = &[
    "مصدر",
    "مصادر",
    "مسؤول",
    "مسؤولون",
    "مسؤولين",
    "خبراء",
    "خبير",
    "مندوب",
    "دبلوماسي",
    "دبلوماسيون",
    "دبلوماسيين",
    "شهود",
    "شاهد",
    "ناشطون",
    "ناشطين",
    "ناشط",
    "محللون",
    "محللين",
    "محلل",
    "مراقبون",
    "مراقبين",
    "مراقب",
    "سكان",
    "مواطنون",
    "مواطنين",
    "مواطن",
    "أوساط",
    "جهات",
    "مقربون",
    "مقربين",
    "عضو",
    "أعضاء",
    "متحدث",
    "موظف",
    "موظفون",
    "طبيب",
    "أطباء",
    "تقارير",
    "تقرير",
    "دراسة",
    "دراسات",
    "استطلاع",
    "وسائل",
    "أحدهم",
    "أحدهن",
    "بعضهم",
    "أحد",
    "آخرون",
    "آخرين",
    // `قيادي في الإطار التنسيقي`, `زائر بحريني`, `معلومات صحفية`, `نشطاء معارضون`.
    "قيادي",
    "قياديون",
    "قياديين",
    "زائر",
    "زوار",
    "نشطاء",
    "معلومات",
    "متظاهرون",
    "متظاهرين",
    "محتجون",
    "محتجين",
    "مشاركون",
    "مشاركين",
];

/// Words that end a subject noun phrase: prepositions, complementisers, conjunctions,
/// particles and pronouns.
const STOP: &[&str] = &[
    // `رونالدو كان …`: the verb "was" after a name.
    "كان",
    "كانت",
    // `تصريحات أدلى بها`: the verb of a relative clause.
    "أدلى",
    "أدلت",
    "يدلي",
    // `نتيجة تعطيل`, `تتابع معها`: "as a result", a preposition with a pronoun.
    "نتيجة",
    "معها",
    "معه",
    "معهم",
    "عليه",
    "عليها",
    "عليهم",
    // `وحذّر الحوثي مما أسماه`: `ما` with a preposition.
    "مما",
    "عما",
    "بما",
    "فيما",
    "عنه",
    "عنها",
    "عنهم",
    "له",
    "لها",
    "لهم",
    "فيه",
    "فيها",
    "منه",
    "منها",
    "اننا",
    "انني",
    "إننا",
    "إنني",
    "أننا",
    "أنني",
    "مضت",
    "ومضت",
    "مضى",
    "ومضى",
    "أي",
    "اي",
    "في",
    "فى",
    "خلال",
    "عبر",
    "أمام",
    "على",
    "من",
    "إلى",
    "الى",
    "عن",
    "مع",
    "لدى",
    "بعد",
    "قبل",
    "حول",
    "إن",
    "أن",
    "ان",
    "أنه",
    "أنها",
    "أنهم",
    "أنهن",
    "إنه",
    "إنها",
    "إنهم",
    "بأن",
    "بأنه",
    "بأنها",
    "بأنهم",
    "لأن",
    "كما",
    "حيث",
    "الذي",
    "التي",
    "الذين",
    // The Egyptian spelling with ى.
    "الذى",
    "التى",
    "حينما",
    "عندما",
    // `إلى` misspelt, as often on the web (`لفتت الأمانة الي أنها`).
    "الي",
    // `الشهر الماضي`, `الأسبوع المقبل`: time, not a name.
    "الشهر",
    "الأسبوع",
    // Quantifiers open an object (`دعا X كافة الأنصار`).
    "كافة",
    "جميع",
    "حسبما",
    "مثلما",
    "طالما",
    "ربما",
    "ثم",
    "لكن",
    "و",
    "أو",
    "إلا",
    "الا",
    "قد",
    "لقد",
    // `فقد أشار قائلا`, `وإذ تساءل`: particles opening a clause, before its verb.
    "فقد",
    "إذ",
    "إذا",
    "فإذا",
    "ما",
    "لا",
    "لم",
    "لن",
    "هو",
    "هي",
    "هم",
    "هذا",
    "هذه",
    "ذلك",
    "تلك",
    "إنّ",
    "فإن",
    "وأن",
    "وإن",
    "أيضا",
    "كذلك",
    "مجددا",
    // `وشدد بري مرة أخرى على`: "once again".
    "مرة",
    "اليوم",
    "أمس",
    // `وتقول اللجنة الآن إنها`: "now".
    "الآن",
    "حاليا",
    "الأحد",
    "الاثنين",
    "الإثنين",
    "الثلاثاء",
    "الأربعاء",
    "الخميس",
    "الجمعة",
    "السبت",
    "مساء",
    "صباح",
    "فجر",
    "ظهر",
    "عقب",
    "إثر",
    "بينما",
    "فيما",
    "وفق",
    "وفقا",
    "حسب",
    "بحسب",
    "ضمن",
    "تجاه",
    // `… حيال بعض الاضطرابات في إيران، قائلاً`, `مهما كانت المغريات`: "regarding",
    // "however", "because of", "despite".
    "حيال",
    "مهما",
    "جراء",
    "بسبب",
    "رغم",
    "برغم",
    "بشأن",
    "إزاء",
    "منذ",
    "حتى",
    "عند",
    "أثناء",
    "لـ",
    "ل",
    "ب",
    "بـ",
    "ك",
    "يوم",
    "فيه",
    "فيها",
    "له",
    "لها",
    "لهم",
    "به",
    "بها",
    "نحو",
    "بين",
    "دون",
];

/// Words a subject phrase may start with and that are skipped (time adverbs, resumptive
/// pronouns after `وقت`).
const SKIP_BEFORE_SUBJECT: &[&str] = &[
    "عنه",
    "عنها",
    "عنهم",
    "عليه",
    "عليها",
    "عليهم",
    "له",
    "لها",
    "لهم",
    "فيه",
    "فيها",
    // `"…" هذا ما صرّح به البابا`: what X said it.
    "به",
    "بها",
    "اليوم",
    "أمس",
    "أيضا",
    "كذلك",
    "مجددا",
    // `ونوه مرة أخرى بموقف …`: "once again".
    "مرة",
    "أخرى",
    "بدوره",
    "بدورها",
    "الأحد",
    "الاثنين",
    "الإثنين",
    "الثلاثاء",
    "الأربعاء",
    "الخميس",
    "الجمعة",
    "السبت",
];

/// Prepositions, normalised: a quoted name follows one (`الهجوم على "سرايا عابدين"`), so marks
/// after one hold no headline's predicate.
pub(crate) const PREPOSITIONS: &[&str] = &[
    "على", "علي", "في", "فى", "من", "عن", "الى", "مع", "حول", "بشان", "ضد", "لدى", "عبر", "بين",
    "ضمن", "داخل", "امام", "خلال", "بعد", "قبل", "نحو",
];

/// Bare complementisers: a quote right after one is the whole reported statement.
const COMPLEMENTISERS: &[&str] = &["إن", "أن", "ان", "وأن", "وإن", "فإن", "بأن", "وبأن", "لأن"];

/// Words before a quote that make it a title of a work, programme, event or campaign.
const TITLE_CONTEXT: &[&str] = &[
    "برنامج",
    "فيلم",
    "كتاب",
    "كتابه",
    "كتابها",
    "رواية",
    "مسلسل",
    "أغنية",
    "مسرحية",
    "مهرجان",
    "معرض",
    "عملية",
    "حملة",
    "مبادرة",
    "شعار",
    "وسم",
    "هاشتاغ",
    "هاشتاج",
    "عنوان",
    "بعنوان",
    "قصيدة",
    "ألبوم",
    "مسابقة",
    "جائزة",
    "خطة",
    "وثيقة",
    "اتفاق",
    "اتفاقية",
    "منتدى",
    "مؤتمر",
    "قمة",
    "مشروع",
    "فيلمه",
    "برامج",
    "سلسلة",
    "تقرير",
    "دراسة",
    "مقال",
    "مقالة",
    "صفحة",
    "تحت",
    "المعنون",
    "المعنونة",
    "عرض",
    "مناورات",
    "تمرين",
];

/// Words before a quote that make it the name of an outlet, organisation, group or platform.
const NAME_CONTEXT: &[&str] = &[
    "جريدة",
    "وزارة",
    "مديرية",
    "فضائية",
    "فندق",
    "مفوضية",
    "منتخب",
    "مصرف",
    "بنك",
    "مستشفى",
    "جامعة",
    "مدرسة",
    "مخيم",
    "ملتقى",
    "دار",
    "صحيفة",
    "وكالة",
    "قناة",
    "موقع",
    "منصة",
    "حركة",
    "تنظيم",
    "جماعة",
    "حزب",
    "شركة",
    "تحالف",
    "شبكة",
    "إذاعة",
    "مجلة",
    "تطبيق",
    "فصيل",
    "فصائل",
    "ميليشيا",
    "مليشيا",
    "كتيبة",
    "كتائب",
    "مجموعة",
    "جبهة",
    "تيار",
    "ائتلاف",
    "كتلة",
    "تكتل",
    "مركز",
    "مؤسسة",
    "نادي",
    "فريق",
    "تلفزيون",
    "باسم",
    "بلسان",
    "لواء",
    "قوات",
    "منظمة",
    "جمعية",
    "هيئة",
    "حساب",
    "صفحة",
    "مجمع",
    "سفينة",
    "صاروخ",
    "طائرة",
    "مسيرة",
    "شعبة",
    "وحدة",
    "فرقة",
    "ملعب",
    "مطار",
    "مستشفى",
    "مدرسة",
];

/// Words before a quote that mark a so-called term (scare quotes).
const SCARE_CONTEXT: &[&str] = &[
    "يسمى",
    "يسمي",
    "تسمى",
    "المسمى",
    "المسماة",
    "يعرف",
    "تعرف",
    "المعروف",
    "المعروفة",
    "المزعوم",
    "المزعومة",
    "بما",
    "سمي",
    "يطلق",
    "اسم",
    "مصطلح",
    "كلمة",
    "عبارة",
];

/// Honorific formulas that are quoted after a name.
const HONORIFICS: &[&str] = &[
    "حفظه الله",
    "حفظها الله",
    "رحمه الله",
    "رحمها الله",
    "رضي الله عنه",
    "رضي الله عنها",
    "عليه السلام",
    "صلى الله عليه وسلم",
    "يرعاه الله",
    "أيده الله",
    "حفظه الله ورعاه",
    "طيب الله ثراه",
    "قدس سره",
];

/// Words that start a page label rather than a speaker (`المصدر: …`, `آخر تحديث: …`).
const LABELS: &[&str] = &[
    "نرشح",
    "المصدر",
    "مصدر",
    "كتب",
    "كتبت",
    "تحديث",
    "آخر",
    "نشر",
    "بتاريخ",
    "تاريخ",
    "الكاتب",
    "المحرر",
    "وسوم",
    "اقرأ",
    "شارك",
    "مشاركة",
    "التعليقات",
    "تعليقات",
    "الوسوم",
    "إعداد",
    "ترجمة",
    "تصوير",
    "المراسل",
    "متابعة",
    "تقرير",
    "عاجل",
    "فيديو",
    "شاهد",
    "صور",
    "أيضا",
    "انظر",
    "ملاحظة",
    "تنويه",
    "هاشتاغز",
    "الرابط",
    "رابط",
    "المزيد",
];

fn set(words: &[&str]) -> HashSet<String> {
    words.iter().map(|w| norm(w)).collect()
}

/// The cue table: normalised word form → cue kind.
pub(crate) fn cues() -> &'static HashMap<String, CueKind> {
    static CUES: OnceLock<HashMap<String, CueKind>> = OnceLock::new();
    CUES.get_or_init(|| {
        let mut m = HashMap::new();
        let not_cues = set(NOT_CUES);
        for v in VERBS {
            let v = norm(v);
            for suffix in ["", "ت", "وا", "ا", "تا"] {
                let form = format!("{v}{suffix}");
                if !not_cues.contains(&form) {
                    m.insert(form, CueKind::Verb);
                }
            }
        }
        for v in MORE_VERBS {
            let v = norm(v);
            for suffix in ["", "ت", "وا"] {
                m.insert(format!("{v}{suffix}"), CueKind::Verb);
            }
        }
        for v in STANCE_VERBS {
            let v = norm(v);
            for suffix in ["", "ت", "وا", "ا", "تا"] {
                m.entry(format!("{v}{suffix}")).or_insert(CueKind::Stance);
            }
        }
        for v in VERB_FORMS {
            m.insert(norm(v), CueKind::Verb);
        }
        for p in PARTICIPLES {
            let p = norm(p);
            let stem = p.strip_suffix('ا').unwrap_or(&p).to_string();
            for suffix in ["ا", "ه", "ين", "ات", "تين", "ان", "ون"] {
                m.insert(format!("{stem}{suffix}"), CueKind::Participle);
            }
        }
        for n in NOUNS {
            m.insert(norm(n), CueKind::Noun);
        }
        for a in ACCORDING {
            m.insert(norm(a), CueKind::According);
        }
        for a in ADVERBIALS {
            m.insert(norm(a), CueKind::Adverbial);
        }
        // Describing verbs last: they override the generated `وصف` forms.
        for d in DESCRIBE_FORMS {
            m.insert(norm(d), CueKind::Describe);
        }
        m
    })
}

/// First words of bodies and roles with a masculine name that does not end in `ة` (`المجلس`,
/// `الوزير`): a verb of reporting agrees with them in the masculine.
const MASCULINE_HEADS: &[&str] = &[
    "مجلس",
    "المجلس",
    "جيش",
    "الجيش",
    "حزب",
    "الحزب",
    "مكتب",
    "المكتب",
    "اتحاد",
    "الاتحاد",
    "البيت",
    "مرصد",
    "المرصد",
    "بنك",
    "البنك",
    "صندوق",
    "الصندوق",
    "مركز",
    "المركز",
    "التحالف",
    "تحالف",
    "ائتلاف",
    "الائتلاف",
    "تيار",
    "التيار",
    "ديوان",
    "الديوان",
    "الحرس",
    "منتخب",
    "المنتخب",
    "نادي",
    "النادي",
    "فريق",
    "الفريق",
    "تنظيم",
    "التنظيم",
    "برنامج",
    "البرنامج",
    "معهد",
    "المعهد",
    "الكرملين",
    "البنتاغون",
    "وزير",
    "الوزير",
    "رئيس",
    "الرئيس",
    "مدير",
    "المدير",
    "المتحدث",
    "متحدث",
    "الناطق",
    "ناطق",
    "السفير",
    "سفير",
    "الأمين",
    "أمين",
    "النائب",
    "نائب",
    "القائد",
    "قائد",
    "المستشار",
    "مستشار",
    "المبعوث",
    "مبعوث",
    "المندوب",
    "مندوب",
    "المحافظ",
    "محافظ",
    "مساعد",
    "الشيخ",
    "الأمير",
    "الملك",
    "العاهل",
    "المدرب",
    "مدرب",
    "اللاعب",
    "لاعب",
];

macro_rules! word_set {
    ($fn_name:ident, $list:ident, $doc:literal) => {
        #[doc = $doc]
        pub(crate) fn $fn_name() -> &'static HashSet<String> {
            static SET: OnceLock<HashSet<String>> = OnceLock::new();
            SET.get_or_init(|| set($list))
        }
    };
}

word_set!(titles, TITLES, "Title and role words (normalised).");
word_set!(
    person_nouns,
    PERSON_NOUNS,
    "Nouns that say who a named person is."
);
word_set!(
    indefinite_modifiers,
    INDEFINITE_MODIFIERS,
    "Adjectives of indefinite sources."
);
word_set!(
    institutions,
    INSTITUTIONS,
    "Institution nouns that continue a role."
);
word_set!(
    anonymous,
    ANONYMOUS,
    "Indefinite subjects that name nobody."
);
word_set!(stop_words, STOP, "Words that end a subject noun phrase.");
word_set!(
    masculine_heads,
    MASCULINE_HEADS,
    "First words of bodies and roles with a masculine name (see `rerank/gender.rs`)."
);
word_set!(
    skip_before_subject,
    SKIP_BEFORE_SUBJECT,
    "Words skipped before a subject."
);
word_set!(complementisers, COMPLEMENTISERS, "Bare complementisers.");
word_set!(title_context, TITLE_CONTEXT, "Words before a quoted title.");
word_set!(name_context, NAME_CONTEXT, "Words before a quoted name.");
word_set!(
    scare_context,
    SCARE_CONTEXT,
    "Words before a so-called term."
);
word_set!(
    honorifics,
    HONORIFICS,
    "Honorific formulas (whole quote content)."
);
word_set!(labels, LABELS, "Page-label words that are not speakers.");

/// Nouns of outlets (normalised): the subject of a report passed on, not a speaker.
pub(crate) const OUTLET_NOUNS: &[&str] = &[
    "وكاله",
    "صحيفه",
    "قناه",
    "موقع",
    "اذاعه",
    "مجله",
    "شبكه",
    "تلفزيون",
    "فضائيه",
];

/// Given names, one per line (`given_names.txt`): a section of names that are never ordinary
/// words and a section of names that are also common words (`حسن`, `أمل`, `حاكم`).
const GIVEN_NAMES: &str = include_str!("given_names.txt");

/// How sure a word is a given name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum GivenName {
    /// Never an ordinary word in news prose (`محمد`, `فلاديمير`).
    Sure,
    /// Also a common word (`حسن`, `صباح`).
    AlsoWord,
}

/// The given-name table: normalised form (compounds such as `عبد الله` as one key with a
/// space) → how sure.
pub(crate) fn given_names() -> &'static HashMap<String, GivenName> {
    static NAMES: OnceLock<HashMap<String, GivenName>> = OnceLock::new();
    NAMES.get_or_init(|| {
        let mut m = HashMap::new();
        let mut kind = GivenName::Sure;
        for line in GIVEN_NAMES.lines().map(str::trim) {
            if let Some(comment) = line.strip_prefix('#') {
                if comment.contains("also common") {
                    kind = GivenName::AlsoWord;
                }
                continue;
            }
            if line.is_empty() {
                continue;
            }
            let key: Vec<String> = line.split_whitespace().map(norm).collect();
            m.entry(key.join(" ")).or_insert(kind);
        }
        m
    })
}

/// Common words of Arabic news that are no names (`common_words.txt`, made by
/// `scripts/make_common_words.py` from the annotated real-news pages).
const COMMON_WORDS: &str = include_str!("common_words.txt");

static COMMON: OnceLock<HashSet<String>> = OnceLock::new();

/// The common-word list: words one per line (normalised here, as the page's words are),
/// `#` comments.
fn parse_common_words(text: &str) -> HashSet<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(norm)
        .collect()
}

/// Use `text` (the format of `common_words.txt`) as the common-word list instead of the one
/// built in, for the training script to measure the speaker pass on pages held out of the
/// list. The list is one for the whole process: this must come before any analysis, and
/// returns false when the list was already in use.
pub(crate) fn replace_common_words(text: &str) -> bool {
    COMMON.set(parse_common_words(text)).is_ok()
}

/// True when the normalised word `w` is a common word of news prose, not a name (`صوره`,
/// `استقرار`, `لجميع`).
pub(crate) fn is_common_word(w: &str) -> bool {
    COMMON
        .get_or_init(|| parse_common_words(COMMON_WORDS))
        .contains(w)
}

/// How sure the normalised word `w` is a given name, if it is one.
pub(crate) fn given_name(w: &str) -> Option<GivenName> {
    given_names().get(w).copied()
}

/// [`given_name`], or for a word neither the given names nor the common words hold, a name
/// by its letters (`فابريزيو`, see `name_shape.rs`): not a sure given name, since it may be a
/// family name as well.
pub(crate) fn given_name_by_shape(w: &str) -> Option<GivenName> {
    given_name(w).or_else(|| {
        (!is_common_word(w) && super::name_shape::reads_as_name(w)).then_some(GivenName::AlsoWord)
    })
}

/// True for normalised words that read as a person's name: a sure given name first (also after
/// `أبو`/`أم`: `أم محمد`), or a given name that is also a word before a family name in `ال…ي`
/// (`صباح البزوني`).
pub(crate) fn looks_like_person<S: AsRef<str>>(words: &[S]) -> bool {
    let words: Vec<&str> = words.iter().map(AsRef::as_ref).collect();
    let (first, rest) = match &words[..] {
        // A kunya: any given name (`أم خالد`).
        [kin, name, ..] if matches!(*kin, "ابو" | "ام") => return given_name(name).is_some(),
        [first, rest @ ..] => (*first, rest),
        [] => return false,
    };
    let family = rest
        .last()
        .is_some_and(|w| super::words::has_article(w) && w.ends_with('ي'));
    match given_name(first) {
        Some(GivenName::Sure) => true,
        Some(GivenName::AlsoWord) => family,
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_common_word_list_holds_normalised_words_and_no_sure_given_name() {
        let list = parse_common_words(COMMON_WORDS);
        assert!(list.len() > 1000, "the list has {} words", list.len());
        for w in &list {
            assert_eq!(&norm(w), w, "{w} is not normalised");
            assert_ne!(
                given_name(w),
                Some(GivenName::Sure),
                "{w} is a sure given name"
            );
        }
        assert!(is_common_word(&norm("صورة")) && is_common_word(&norm("لأول")));
        assert!(!is_common_word(&norm("بوتين")) && !is_common_word(&norm("أنقرة")));
        let parsed = parse_common_words("# a comment\n\nصوره\n  استقرار \n");
        assert_eq!(parsed.len(), 2);
        assert!(parsed.contains("استقرار"));
    }

    /// A name normalised into both sections would silently be "sure" (the first wins).
    #[test]
    fn no_given_name_is_in_both_sections() {
        let mut section = 0;
        let mut sure = HashSet::new();
        let mut both = Vec::new();
        for line in GIVEN_NAMES.lines().map(str::trim) {
            if line.starts_with('#') {
                section += 1;
                continue;
            }
            if line.is_empty() {
                continue;
            }
            let key: Vec<String> = line.split_whitespace().map(norm).collect();
            let key = key.join(" ");
            if section == 1 {
                sure.insert(key);
            } else if sure.contains(&key) {
                both.push(line.to_string());
            }
        }
        assert_eq!(section, 2, "two sections");
        assert!(both.is_empty(), "in both sections: {both:?}");
        assert_eq!(given_name("اياد"), Some(GivenName::AlsoWord));
        assert_eq!(given_name("محمد"), Some(GivenName::Sure));
    }
}

/// The grammatical gender a reporting cue agrees in with its subject, and a name's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gender {
    /// `قال`, `مضيفا`, `يقول`; a man, or a body with a masculine name (`المجلس`).
    Masculine,
    /// `قالت`, `مضيفة`, `تقول`; a woman, or a body with a feminine name (`الوزارة`).
    Feminine,
}

/// The gender of a listed cue form (`VERB_FORMS`, `DESCRIBE_FORMS`) from its shape: with any
/// object pronoun taken off, a perfect in `ـت` or an imperfect in `تـ` is feminine, one in
/// `يـ` or a bare perfect masculine; plurals have none.
fn form_gender(form: &str) -> Option<Gender> {
    let bare = ["ها", "هم", "ه"]
        .iter()
        .find_map(|p| form.strip_suffix(p).filter(|r| r.chars().count() >= 3))
        .unwrap_or(form);
    if bare.ends_with('و') || bare.ends_with("وا") || bare.ends_with("ون") {
        return None;
    }
    if bare.ends_with('ت') || (bare.starts_with('ت') && bare != "تابع") {
        return Some(Gender::Feminine);
    }
    Some(Gender::Masculine)
}

/// The gender table of cue forms: normalised form → gender (verbs, participles, and verbal
/// nouns and adverbials with a pronoun).
fn cue_genders() -> &'static HashMap<String, Gender> {
    static GENDERS: OnceLock<HashMap<String, Gender>> = OnceLock::new();
    GENDERS.get_or_init(|| {
        let mut m = HashMap::new();
        for f in VERB_FORMS.iter().chain(DESCRIBE_FORMS) {
            let f = norm(f);
            let bare = f
                .strip_prefix(['و', 'ف'])
                .filter(|r| r.chars().count() >= 3);
            if let Some(g) = form_gender(bare.unwrap_or(&f)) {
                m.insert(f, g);
            }
        }
        let verbs = VERBS.iter().chain(MORE_VERBS).chain(STANCE_VERBS);
        for v in verbs.clone() {
            m.insert(format!("{}ت", norm(v)), Gender::Feminine);
        }
        // (The bare perfects last: `لفت` is "he pointed out", not `لف` + `ت`.)
        for v in verbs {
            m.insert(norm(v), Gender::Masculine);
        }
        for p in PARTICIPLES {
            let p = norm(p);
            let stem = p.strip_suffix('ا').unwrap_or(&p);
            m.insert(format!("{stem}ا"), Gender::Masculine);
            m.insert(format!("{stem}ه"), Gender::Feminine);
        }
        // A verbal noun or adverbial with a pronoun (`قوله`, `قولها`, `بدورها`), as written:
        // `ـه` is his, `ـها` hers (`إشارة` in `ة` has none).
        for w in NOUNS.iter().chain(ADVERBIALS) {
            if w.ends_with("ها") {
                m.insert(norm(w), Gender::Feminine);
            } else if w.ends_with('ه') {
                m.insert(norm(w), Gender::Masculine);
            }
        }
        m
    })
}

/// The gender of the normalised cue word `w` (`وقالت`, `مضيفة`, `يقول`, `قولها`), if it is in
/// the singular.
pub(crate) fn cue_gender(w: &str) -> Option<Gender> {
    lookup_forms(w).find_map(|f| cue_genders().get(f).copied())
}

/// Women's given names, and men's that end in `ة` (marked `!`), one or more a line
/// (`female_names.txt`).
const FEMALE_NAMES: &str = include_str!("female_names.txt");

/// The gender of each listed given name, normalised.
fn listed_genders() -> &'static HashMap<String, Gender> {
    static GENDERS: OnceLock<HashMap<String, Gender>> = OnceLock::new();
    GENDERS.get_or_init(|| {
        let words = FEMALE_NAMES
            .lines()
            .filter(|l| !l.starts_with('#'))
            .flat_map(str::split_whitespace);
        words
            .map(|w| match w.strip_prefix('!') {
                Some(man) => (norm(man), Gender::Masculine),
                None => (norm(w), Gender::Feminine),
            })
            .collect()
    })
}

/// The gender of a person whose name opens with the word written `first` (as the page spells
/// it, `ة` and all): a listed woman's name, or a given name ending in `ة` that is no listed
/// man's, is a woman's; any other given name, and `عبد …`, `أبو …`, a man's.
pub(crate) fn given_name_gender(first: &str) -> Option<Gender> {
    let n = norm(first);
    if let Some(&g) = listed_genders().get(&n) {
        return Some(g);
    }
    match n.as_str() {
        "عبد" | "ابو" | "بن" => return Some(Gender::Masculine),
        "ام" => return Some(Gender::Feminine),
        _ => {}
    }
    given_name(&n)?;
    Some(if first.ends_with('ة') {
        Gender::Feminine
    } else {
        Gender::Masculine
    })
}

#[cfg(test)]
mod gender_tests {
    use super::{cue_gender, given_name_gender, Gender};
    use crate::text::quotes::words::norm;

    #[test]
    fn cues_agree_in_gender() {
        let g = |w: &str| cue_gender(&norm(w));
        assert_eq!(g("وقالت"), Some(Gender::Feminine));
        assert_eq!(g("وقال"), Some(Gender::Masculine));
        // `لفت` is "he pointed out", not `لف` in the feminine.
        assert_eq!(g("ولفت"), Some(Gender::Masculine));
        assert_eq!(g("ولفتت"), Some(Gender::Feminine));
        assert_eq!(g("مضيفةً"), Some(Gender::Feminine));
        assert_eq!(g("مضيفا"), Some(Gender::Masculine));
        assert_eq!(g("تقول"), Some(Gender::Feminine));
        assert_eq!(g("يقول"), Some(Gender::Masculine));
        assert_eq!(g("وتابع"), Some(Gender::Masculine));
        assert_eq!(g("وصفته"), Some(Gender::Feminine));
        // A verbal noun or adverbial with a pronoun: his or hers; `إشارة` in `ة`, none.
        assert_eq!(g("قولها"), Some(Gender::Feminine));
        assert_eq!(g("بدوره"), Some(Gender::Masculine));
        assert_eq!(g("إشارة"), None);
        // Plurals and "according to" have none.
        assert_eq!(g("وقالوا"), None);
        assert_eq!(g("بحسب"), None);
    }

    #[test]
    fn given_names_have_a_gender() {
        assert_eq!(given_name_gender("فاطمة"), Some(Gender::Feminine));
        assert_eq!(given_name_gender("زينب"), Some(Gender::Feminine));
        assert_eq!(given_name_gender("أودري"), Some(Gender::Feminine));
        assert_eq!(given_name_gender("محمد"), Some(Gender::Masculine));
        // Men's names in `ة`.
        assert_eq!(given_name_gender("حمزة"), Some(Gender::Masculine));
        assert_eq!(given_name_gender("خليفة"), Some(Gender::Masculine));
        assert_eq!(given_name_gender("عبد"), Some(Gender::Masculine));
        assert_eq!(given_name_gender("الوزارة"), None);
    }
}
