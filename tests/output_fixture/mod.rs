//! A hand-built Arabic document for the doc-model and writer tests: quotes (one spanning two
//! sentences, one whose marks the English loses, a non-speech name), a sub-split sentence,
//! a sentence the "model" fails on, a boilerplate paragraph, and hostile text (`<script>`, `&`,
//! a control character, a tab, a bidi mark). Offsets are computed, never typed.
#![allow(dead_code)]

use tarjama::doc::{Accounting, Document, MtResult, UnitOptions};
use tarjama::text::{Analysis, Paragraph, Quote, Sentence};

/// Builds a source text and its analysis paragraph by paragraph.
#[derive(Default)]
pub struct Builder {
    pub source: String,
    pub analysis: Analysis,
}

impl Builder {
    /// Appends a paragraph made of `sentences` joined by a space; returns its index (0-based).
    pub fn paragraph(&mut self, sentences: &[&str], boilerplate: bool) -> usize {
        if !self.source.is_empty() {
            self.source.push_str("\n\n");
        }
        let start = self.source.len();
        let mut list = Vec::new();
        for (j, s) in sentences.iter().enumerate() {
            if j > 0 {
                self.source.push(' ');
            }
            let a = self.source.len();
            self.source.push_str(s);
            list.push(Sentence {
                index: j,
                text: s.to_string(),
                start: a,
                end: self.source.len(),
                parts: Vec::new(),
            });
        }
        let end = self.source.len();
        let index = self.analysis.paragraphs.len();
        self.analysis.paragraphs.push(Paragraph {
            index,
            text: self.source[start..end].to_string(),
            start,
            end,
            boilerplate,
            sentences: list,
        });
        index
    }

    /// Sub-splits sentence (p, s) right after the first occurrence of `after`.
    pub fn split(&mut self, p: usize, s: usize, after: &str) {
        let sentence = &mut self.analysis.paragraphs[p].sentences[s];
        let at = sentence.start + sentence.text.find(after).unwrap() + after.len();
        sentence.parts = vec![(sentence.start, at), (at, sentence.end)];
    }

    /// Adds a quote: `marked` is the quote with its marks, found inside paragraph `p`;
    /// `sentences` are 0-based (paragraph, sentence) pairs.
    #[allow(clippy::too_many_arguments)]
    pub fn quote(
        &mut self,
        p: usize,
        sentences: &[(usize, usize)],
        marked: &str,
        speech: bool,
        kind: &str,
        speaker: Option<&str>,
        cue: Option<&str>,
    ) {
        let para = &self.analysis.paragraphs[p];
        let start = para.start + self.source[para.start..para.end].find(marked).unwrap();
        let end = start + marked.len();
        let mut chars = marked.chars();
        chars.next();
        chars.next_back();
        let index = self.analysis.quotes.len();
        self.analysis.quotes.push(Quote {
            index,
            text: chars.as_str().to_string(),
            speech,
            kind: kind.to_string(),
            speaker: speaker.map(str::to_string),
            cue: cue.map(str::to_string),
            confidence: if speech { 0.9 } else { 0.0 },
            paragraph: p,
            paragraph_end: sentences.last().map_or(p, |&(pe, _)| pe),
            sentences: sentences.to_vec(),
            start,
            end,
            flags: Vec::new(),
        });
    }
}

/// The hostile sentence (p5.s1), sub-split after `، `.
pub const HOSTILE: &str = "وتأتي الزيارة على خلفية تقارير إعلامية <script>alert(1)</script> & حول احتمال نشر\u{1} ما يصل إلى 30 ألف جندي\u{200F}، من أجل\tاستعادة المناطق التي استولت عليها القوات.";

/// The source text and its analysis: 7 paragraphs, 10 sentences, 4 quotes.
pub fn source_and_analysis() -> (String, Analysis) {
    let mut b = Builder::default();
    b.paragraph(
        &["لافروف ينقل رسالة من بوتين إلى كيم جونغ أون.. ماذا جاء فيها؟"],
        false,
    );
    let p2 = b.paragraph(
        &[
            "وأضاف لافروف: \"يتطلع الرئيس بوتين لاستمرار الاتصالات المباشرة معكم في المستقبل القريب\".",
            "وقال كيم: «زيارتكم تمثل محطة مهمة للغاية».",
        ],
        false,
    );
    let p3 = b.paragraph(
        &["وقال الوزير: \"لن نتراجع.", "سنواصل العمل مع الحلفاء\"."],
        false,
    );
    let p4 = b.paragraph(&["وأشاد الوزير بالتحالف مع \"قسد\" في المنطقة."], false);
    let p5 = b.paragraph(&[HOSTILE], false);
    b.paragraph(
        &[
            "وكان كيم جونغ أون قد حضر مراسم اختتام أعمال البناء.",
            "هذه الجملة تفشل في الترجمة.",
        ],
        false,
    );
    b.paragraph(&["هاشتاغز"], true);
    b.split(p5, 0, "، ");
    b.quote(
        p2,
        &[(p2, 0)],
        "\"يتطلع الرئيس بوتين لاستمرار الاتصالات المباشرة معكم في المستقبل القريب\"",
        true,
        "direct",
        Some("سيرغي لافروف"),
        Some("وأضاف"),
    );
    b.quote(
        p2,
        &[(p2, 1)],
        "«زيارتكم تمثل محطة مهمة للغاية»",
        true,
        "direct",
        Some("كيم جونغ أون"),
        Some("وقال"),
    );
    b.quote(
        p3,
        &[(p3, 0), (p3, 1)],
        "\"لن نتراجع. سنواصل العمل مع الحلفاء\"",
        true,
        "direct",
        Some("الوزير"),
        Some("وقال"),
    );
    b.quote(p4, &[(p4, 0)], "\"قسد\"", false, "name", None, None);
    (b.source, b.analysis)
}

/// Marks an input the fake model fails on.
pub const FAILS: &str = "تفشل";

/// The fake model: the first entry whose key the input contains gives the English.
const ENGLISH: &[(&str, &str)] = &[
    ("ينقل رسالة", "Lavrov conveys a message from Putin to Kim Jong Un.. what did it say?"),
    ("وأضاف", "Lavrov added: \"President Putin looks forward to continuing direct contacts with you in the near future.\""),
    ("يتطلع الرئيس", "President Putin looks forward to continuing direct contacts with you in the near future"),
    ("وقال كيم", "Kim said: \"Your visit is a very important milestone.\""),
    ("زيارتكم", "Your visit is a very important milestone"),
    ("وقال الوزير", "The minister said: \"We will not retreat."),
    ("لن نتراجع", "We will not retreat. We will continue working with the allies"),
    ("سنواصل", "We will continue working with the allies\"."),
    ("قسد", "The minister praised the alliance with the SDF in the region."),
    ("وتأتي الزيارة", "The visit comes amid media reports <script>alert(1)</script> & about deploying up to 30,000 soldiers,"),
    ("من أجل", "in order to recover the areas seized by the forces."),
    ("مراسم اختتام", "Kim Jong Un had attended the closing ceremony of the construction works."),
    ("هاشتاغز", "Hashtags"),
];

/// The fake model's English for an input.
pub fn english_for(input: &str) -> &'static str {
    ENGLISH
        .iter()
        .find(|(key, _)| input.contains(key))
        .map(|(_, en)| *en)
        .unwrap_or_else(|| panic!("the fake model has no English for {input:?}"))
}

/// The fake model's score: minus a hundredth per input character.
pub fn score_for(input: &str) -> f32 {
    -(input.chars().count() as f32) / 100.0
}

/// Runs every unit through the fake model and finishes the document.
pub fn translate(doc: &mut Document, options: &UnitOptions) -> Accounting {
    for unit in doc.mt_units(options) {
        if unit.input.contains(FAILS) {
            doc.mark_failed(unit.key, "model error: out of memory")
                .unwrap();
        } else {
            let result = MtResult {
                text: english_for(&unit.input).to_string(),
                score: score_for(&unit.input),
            };
            doc.apply(unit.key, result).unwrap();
        }
    }
    doc.finish(options)
}

/// The fixture, translated with default options (boilerplate translated).
pub fn document() -> Document {
    let (source, analysis) = source_and_analysis();
    let mut doc = Document::from_analysis("sample-page", &source, &analysis);
    translate(&mut doc, &UnitOptions::default());
    doc
}

/// Every sentence id in document order, as the analysis implies (1-based).
pub fn expected_sentence_ids() -> Vec<String> {
    let (_, analysis) = source_and_analysis();
    let mut ids = Vec::new();
    for (i, p) in analysis.paragraphs.iter().enumerate() {
        for j in 0..p.sentences.len() {
            ids.push(format!("p{}.s{}", i + 1, j + 1));
        }
    }
    ids
}
