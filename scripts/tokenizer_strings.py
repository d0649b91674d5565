"""Input strings for the parity fixtures (used by make_references.py).

Invisible and unusual characters are written as escapes so the source says what they are.
"""

# Extra sentences for reference.json (after the sample page lines and three Qur'an verses).
EXTRA_SENTENCES = [
    "مرحبا",
    "عام 2024 كان صعباً على 3 ملايين شخص في غزة.",
    "قال الوزير: «سنواصل العمل معاً» وأضاف: \"الوضع صعب\".",
    "وصل ٣٥٠ مشاركاً إلى المؤتمر في ١٢ أكتوبر ٢٠٢٣، بحسب ما أعلنت وكالة AFP.",
    "هل تعرف أين المكتبة؟",
    "كَتَبَ الطَّالِبُ الدَّرْسَ فِي الْمَدْرَسَةِ.",
]

DIACRITICS = [
    "بِسْمِ اللَّهِ الرَّحْمَٰنِ الرَّحِيمِ",
    "كَتَبَ الطَّالِبُ الدَّرْسَ",
    "مُحَمَّدٌ رَسُولُ اللَّهِ",
    "الْقُرْآنُ الْكَرِيمُ",
    "\u0634\u064e\u0651\u0645\u0633",  # fatha before shadda
    "\u0634\u0651\u064e\u0645\u0633",  # shadda before fatha (canonical order differs)
    "\u0627\u0654\u0645\u0644",  # alef + combining hamza above (composes to U+0623)
    "\u0627\u0653\u0645\u0646",  # alef + maddah above (composes to U+0622)
    "\u064a\u0654",  # yeh + hamza above (composes to U+0626)
    "ذَٰلِكَ الْكِتَابُ لَا رَيْبَ ۛ فِيهِ ۛ هُدًى لِّلْمُتَّقِينَ",
    "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652",  # marks with no base letter
    "ٱلْحَمْدُ لِلَّهِ رَبِّ ٱلْعَٰلَمِينَ",  # alef wasla
    "صَلَّى ٱللَّهُ عَلَيْهِ وَسَلَّمَ",
]

TATWEEL = [
    "مـــرحبـــا",
    "الـعـربـيـة",
    "\u0640",
    "\u0640\u0640\u0640\u0640\u0640\u0640",
    "كـتـاب جـديـد",
    "اللـه",
]

PRESENTATION_FORMS = [
    "\ufefb",  # lam-alef ligature isolated
    "\ufdf2",  # Allah ligature
    "\ufdfa",  # sallallahu alayhi wasallam ligature (NFKC expands to a phrase)
    "\ufdfb",  # jallajalalouhou
    "\ufdfd",  # bismillah ligature
    "\ufee3\ufeae\ufea3\ufe92\ufe8e",  # marhaba written with contextual forms
    "\ufe8d\ufedf\ufeb4\ufefc\ufee1 \ufecb\ufee0\ufef4\ufedc\ufee2",  # as-salamu alaykum
    "\ufb50\ufb51",  # alef wasla forms
    "\ufb8e\ufb90\ufbfc\ufbfe",  # keheh and farsi yeh forms
    "\ufd3e\u0622\u064a\u0629\ufd3f",  # ornate parentheses around a word
    "\ufdf0\ufdf1",
    "\ufe70\ufe71\ufe72\ufe74\ufe76\ufe77\ufe78\ufe7c\ufe7d\ufe7e",  # isolated harakat forms
    "\ufe80\ufe81\ufe82\ufe83",  # hamza and alef forms
    "\ufef5\ufef6\ufef7\ufef8\ufef9\ufefa",  # lam-alef with madda/hamza
    "\ufc5e\ufc5f\ufc60\ufc61\ufc62",  # shadda ligatures
    "\ufd88\ufdf3\ufdf4",
    "كتب \ufefb يعرف",
]

DIGITS = [
    "٠١٢٣٤٥٦٧٨٩",
    "عام ٢٠٢٤",
    "\u0663\u066b\u0661\u0664",  # 3.14 with Arabic decimal separator
    "\u0661\u066c\u0660\u0660\u0660",  # 1,000 with Arabic thousands separator
    "\u066a\u0665\u0660",  # Arabic percent sign
    "۰۱۲۳۴۵۶۷۸۹",
    "سال ۱۴۰۳",
    "0123456789",
    "قتل 12 شخصاً وأصيب 34 آخرون",
    "الساعة 10:30 صباحاً",
    "1.5 مليار دولار",
    "\u00bd \u00bc \u00b2 \u2460 \u2155",  # vulgar fractions, superscript, circled digit
]

LATIN = [
    "Hello world",
    "COVID-19",
    "Daily8 AI",
    "e-mail: test@example.com",
    "https://example.com/path?q=1&lang=ar",
    "\ufb01nance \ufb02ow",  # fi / fl ligatures
    "\uff26\uff55\uff4c\uff4c\uff57\uff49\uff44\uff54\uff48",  # fullwidth letters
    "café naïve",
    "cafe\u0301 nai\u0308ve",  # decomposed accents
    "ÅΩµ",
    "THE QUICK BROWN FOX jumps over the lazy dog.",
    "Привет мир",
    "Γειά σου κόσμε",
    "שלום עולם",
]

MIXED = [
    "قال Biden إن الاتفاق مهم",
    "الـ GDP ارتفع 3.5%",
    "iPhone ١٥ برو",
    "ملف PDF (٢ ميغابايت)",
    "منظمة الصحة العالمية (WHO) حذرت",
    "كوريا الشمالية North Korea",
    "abcمرحباxyz",
    "مرحبا123",
]

EMOJI = [
    "\U0001f600",
    "مرحبا \U0001f44b\U0001f3fd",
    "\U0001f468\u200d\U0001f469\u200d\U0001f467",  # ZWJ family
    "\U0001f1f8\U0001f1e6",  # flag
    "\u2764\ufe0f",  # heart + variation selector
    "\u2713 \u2714 \u2605",
    "\U0001f602\U0001f602\U0001f602 رائع",
]

BIDI = [
    "\u200fمرحبا\u200f",
    "\u200eabc\u200e",
    "\u202bنص مضمن\u202c",
    "\u202aLTR text\u202c",
    "\u202dforced\u202c \u202eمعكوس\u202c",
    "\u2066isolate\u2069 \u2067عزل\u2069 \u2068first\u2069",
    "السعر \u200e$100\u200e فقط",
    "\u061cعربي",  # Arabic letter mark
]

ZERO_WIDTH = [
    "\u200b",
    "كلمة\u200bأخرى",
    "می\u200cخواهم",
    "\u0644\u200d\u0627",
    "\ufeffمرحبا",
    "كلمة\u2060كلمة",
    "co\u00adoperation",
    "\u200b\u200c\u200d\u2060\ufeff",
]

SPACES = [
    "مرحبا\u00a0بكم",
    "a\u2002b\u2003c\u2009d",
    "عشرة\u202fآلاف",
    "\u3000全角空白\u3000",
    "x\u205fy\u1680z",
    "سطر\u0085سطر",
    "فقرة\u2028سطر\u2029فقرة",
    "a\tb",
    "مرحبا\tبكم",
    "سطر\nسطر",
    "سطر\r\nسطر",
    "\n",
    "\t\t",
    "مرحبا    بكم",
    "a  b   c",
    "  مرحبا",
    "مرحبا  ",
    "  مرحبا  ",
    " \t مرحبا \n ",
    "",
    " ",
    "     ",
]

UNKNOWN = [
    "你好世界",
    "中文 و عربي",
    "\U0001d518\U0001d52b\U0001d526\U0001d520\U0001d52c\U0001d521\U0001d522",  # fraktur
    "\u2603\u2603\u2603",
    "\u269b \u222e \u2207",
    "\U00013080",  # Egyptian hieroglyph
    "\u3131\u314f",
    "\u16a0\u16c7\u16bb",
    "\ue000\ue001",  # private use
    "a\x00b",
    "bell\x07 esc\x1b del\x7f",
    "日本語のテキストとالعربية",
    "\U0001f9ec\U0001fab8",
]

LITERAL_SPECIALS = [
    "</s>",
    "<unk>",
    "<pad>",
    "مرحبا </s> بكم",
    "<s>",
    "<pad><pad>",
    "a</s>b",
    "</S>",
    "< /s>",
    "<unk> كلمة <unk>",
    ">>en<< مرحبا",
    ">>ara<<",
    ">>",
    "<<>>",
    "\u2581\u2581",  # the SentencePiece space marker itself
    "\u2581مرحبا",
]

PUNCTUATION = [
    "«مرحبا»",
    "\u201cquoted\u201d and \u2018single\u2019",
    "\u201eلاتيني\u201c",
    "قال: \u201cلن نتراجع\u201d.",
    "«قال» ، «قالت» ؛ «قالوا» ؟",
    "هل حقاً؟!",
    "انتظر...",
    "انتظر\u2026",
    "الحرب \u2014 والسلام",
    "2010\u20132020",
    "نسبة 50 % تقريباً",
    "نسبة 50% تقريباً",
    "٥٠٪ من السكان",
    "(القاهرة) - [١] {ملاحظة}",
    "أ.د. محمد، د. علي",
    "!!! ؟؟؟ ...",
    "\u060c\u061b\u061f\u066d\u06d4",
    "\u00ab \u00bb \u2039 \u203a",
    "\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f",
    "\u2032\u2033 \u00b4 `",
    "\uff08\u5168\u89d2\uff09\uff0c\uff1a\uff1b\uff01\uff1f",
    "a\u00a0:\u00a0b ; c !d ?e",
    "  كلمة  ،  كلمة  .  ",
    "\"مزدوج\" 'مفرد'",
    "السعر: $100 أو \u20ac90 أو \u00a375",
    "\u2212 5 \u00b1 2 \u00d7 3 \u00f7 4",
    "\u2022 بند أول \u2023 بند ثان",
    "وقال لافروف: \"يتطلع الرئيس\"...",
    "\u3002\u3001",
    "ق\u0640\u0640\u0640ال: \u00ab\u00a0نعم\u00a0\u00bb",
]


def long_strings(sentences):
    joined = " ".join(sentences)
    return [
        joined,  # several thousand characters of real text
        "\n".join(sentences[:10]),
        "ا" * 3000,
        "مرحبا " * 800,
        "你" * 500,
        ("abc " * 300).strip(),
    ]


def encode_strings(sentences):
    """The encode cases: every reference sentence plus the lists above, without duplicates."""
    groups = [sentences, DIACRITICS, TATWEEL, PRESENTATION_FORMS, DIGITS, LATIN, MIXED, EMOJI,
              BIDI, ZERO_WIDTH, SPACES, UNKNOWN, LITERAL_SPECIALS, PUNCTUATION,
              long_strings(sentences)]
    return dedupe(s for g in groups for s in g)


def opus_strings(sentences):
    """Strings for the OPUS punctuation normalisation cases: punctuation-rich ones first."""
    groups = [PUNCTUATION, sentences, SPACES, BIDI, ZERO_WIDTH, DIGITS, PRESENTATION_FORMS[:6],
              UNKNOWN[-4:], LITERAL_SPECIALS[:4], TATWEEL[:2], EMOJI[:3], long_strings(sentences)[:2]]
    return dedupe(s for g in groups for s in g)


def dedupe(items):
    seen, out = set(), []
    for s in items:
        if s not in seen:
            seen.add(s)
            out.append(s)
    return out


ENGLISH_STRINGS = [
    "Hello world",
    "In the name of Allah, the Entirely Merciful, the Especially Merciful.",
    "Say, \"He is Allah, [who is] One,\"",
    "Lavrov conveys a message from Putin to Kim Jong Un.",
    "The U.S.A. and the U.K. signed the deal on 12 October 2023.",
    "don't can't won't it's",
    "COVID-19 cases rose by 3.5% in 2024.",
    "e-mail: test@example.com",
    "  leading and trailing spaces  ",
    "tab\tseparated\nnew line",
    "multiple    spaces",
    "",
    " ",
    "Ünïcödé façade café",
    "\ufb01nance \uff26\uff55\uff4c\uff4c",
    "emoji \U0001f600 \u2764\ufe0f",
    "Chinese \u4e2d\u6587 and Arabic \u0645\u0631\u062d\u0628\u0627",
    "</s> <unk> <pad>",
    "\u201cCurly quotes\u201d \u2014 and dashes \u2013 and ellipsis\u2026",
    "ALL CAPS SENTENCE",
    "Numbers 0123456789 and \u0661\u0662\u0663",
    "And when they said, \"O Moses, we will never believe you until we see Allah outright\"",
    "Indeed, Allah is Forgiving and Merciful.",
    "(parentheses) [brackets] {braces}",
    "The quick brown fox jumps over the lazy dog " * 20,
    "\u200bzero\u200bwidth",
    "a\u00a0b",
]
