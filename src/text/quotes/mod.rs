//! Quoted speech and speakers (docs §2): pair quote marks, tell speech from quoted names and
//! titles, find the reporting cue and the speaker.
//!
//! [`find_quotes`] works on the paragraphs and sentences found before it and returns every
//! quote in document order: marked quotes (speech or not) and implicit headline statements
//! (`بوتين: الغرب أراد …`).
//!
//! **Kinds.** Speech is `direct` when the quote is the whole reported statement: it follows a
//! colon or comma, a bare complementiser (`إن`, `أن`, `بأن`), the cue itself or the cue's
//! subject, or it starts its sentence. Other speech is `partial` (a fragment inside reported
//! speech: `بأنها "…"`, `قرر الغرب "…"`). An unmarked headline statement is `headline`.
//! Non-speech is `name` (outlets, groups, honorific formulas), `title` (works, programmes,
//! campaigns) or `scare`. The speech rules are listed in `speech.rs`; a learned model
//! (`speech/model.rs`) then weighs their verdict with the evidence they look at and the words
//! around the marks, and decides (on real news pages held out of its fitting it finds more of
//! the speech at the rules' precision).
//!
//! **Speakers.** The speaker is the subject of the cue (after it in verb-first clauses, past
//! time words, manner adverbs and the audience: `وأضاف مبتسما`, `وقالت للحضور`; before it in
//! `وكان X قد …`, subject-first and `أما X فـ…` clauses; the antecedent in `X، الذي وصف …`;
//! after `عن` in `نقلت وكالة عن X قوله`; after `على لسان` wherever that stands in the
//! sentence), the subject of an earlier cue in the sentence for participles, a person
//! introduced with a title earlier in the sentence by a verb that is no cue (`قدمت الكاتبة X
//! روايتها، وقالت`), or the last speaker before the quote when the cue has none (`وأضاف أن
//! "…"`) or only a description of that person (`ويضيف الرجل الستيني`). A verbal noun after a
//! preposition (`في تصريح للصحفيين`) is the occasion of a statement, not its cue. Names are canonical: titles and roles are
//! **stripped** (`الكاتب الصحفي زانا عمر` → `زانا عمر`), the fullest mention in the document
//! is used (`لافروف` → `سيرغي لافروف`), a role-only subject becomes the person the document
//! names in that role (`الرئيس الروسي` → `بوتين`; synonyms such as `الناخب الوطني` for the
//! national coach; the last title of a chain: `الأمير` for `ولي العهد … الأمير X`) or else
//! stays the role
//! (`المتحدث باسم الحكومة`); institutions and groups stay as written; anonymous sources
//! (`مصادر مطلعة`, `مسؤول أممي`) have no speaker. Details in `speakers/`.
//!
//! **Confidence** of a speech quote comes from how its speaker was found:
//! 0.9 the cue's own subject (`وقال لافروف: "…"`, `وكان X قد صرّح`, `وجاء في بيان صادر عن X`);
//! 0.8 the subject of an earlier cue in the same sentence (participles: `…، مضيفا: "…"`);
//! 0.7 a headline `X: "…"`, or a titled person introduced earlier in the sentence; 0.6 carried over from the last speaker before it (`وأضاف أن "…"`);
//! 0.5 an implicit headline statement; 0.4 an "according to" source (`بحسب X`);
//! 0.3 speech recognised by its length with no cue and no speaker.
//! It is multiplied by 0.9 when a role or surname had to be linked to a named person, and by
//! 0.8 when the quote is `unclosed` or has `mismatched_marks`. Those are the rules' confidences
//! of speech quotes (`find_quotes`, `segment --no-speaker-rerank`). For non-speech the
//! confidence is the speech model's probability that the quote is not speech (0.9 for an
//! honorific, 0.8 for words in marks with no Arabic word, which the model does not judge).
//! After the learned speaker pass (`rerank_speakers`, the default of
//! `analyze`) a speech quote's confidence is the calibrated probability that its speaker is
//! right (`rerank/calibration.rs`: on real news pages held out of its fitting, of the speakers
//! given 0.85 or more, 94 in 100 are right; of those under 0.5, 32).
//!
//! **Flags**: `unclosed`, `nested`, `spans_paragraphs`, `reversed_marks`, `mismatched_marks`,
//! `space_padded`, `implicit` (headline without marks), `anonymous_source` (the cue's subject is
//! indefinite: `مصادر`, `خبراء`).

mod cues;
mod key_weights;
mod lexicon;
mod marks;
mod name_shape;
pub mod rerank;
mod speakers;
mod speech;
mod unclosed;
mod words;

use std::ops::Range;

use crate::text::{Paragraph, Quote};
use cues::{nearest_before, right_after, Cue};
use lexicon::{complementisers, CueKind};
use marks::MarkQuote;
use speakers::{
    first_titled_person, headline_subject, loose_headline_subject, phrase_after_an,
    statement_end_at_ellipsis, subject_after, subject_before_bilqawl, subject_before_noun,
    subject_before_qad, subject_before_relative, subject_before_verb, who, Names, Who,
};
pub use speech::SpeechRow;
use speech::{classify, Context, Verdict};
use words::{
    has_arabic_letter, has_article, lookup_forms, strip_article, tokenize, TokKind, Token,
};

/// Document nouns whose issuer is the source in `بحسب تقرير صادر عن X` (normalised spelling).
const DOCUMENTS: &[&str] = &[
    "تقرير",
    "بيان",
    "دراسه",
    "وثيقه",
    "احصاءات",
    "ارقام",
    "بيانات",
    "مسح",
    "استطلاع",
];

/// Content words looked at per quote: the speech rules count up to ten.
const MAX_CONTEXT_WORDS: usize = 12;

/// Words of the clause before a quote kept for its classification (nearest last).
const MAX_BEFORE_WORDS: usize = 8;

/// Mentions looked back at for the speaker a story goes on with.
const MAX_CARRY_LOOKBACK: usize = 256;

/// Mentions looked back at for a person of a cue's gender when the last one is of the other.
const MAX_GENDER_LOOKBACK: usize = 8;

/// Words looked back at for the outlet a definite outlet noun refers to.
const MAX_OUTLET_LOOKBACK: usize = 3000;

/// Implicit headline statements have at most this many words in all.
const MAX_HEADLINE_WORDS: usize = 40;

/// A cue with an explicit subject somewhere in the document, for carrying speakers over.
struct Mention {
    /// Byte offset of the cue.
    at: usize,
    /// Paragraph (slice index).
    paragraph: usize,
    /// Token range of the subject phrase in that paragraph.
    np: Range<usize>,
    /// Who the subject is.
    who: Who,
}

/// A headline `SPEAKER: statement` at the start of a paragraph.
struct Headline {
    paragraph: usize,
    np: Range<usize>,
    /// The quote that follows the colon, when the statement is in marks.
    marked: Option<usize>,
    /// The statement's byte span, when it is not in marks.
    statement: Option<(usize, usize)>,
    /// A quote of one word opening the statement without ending it (`ترامب:
    /// "مايكروسوفت" تبدي اهتماما …`): the statement's subject, a name.
    opening_name: Option<usize>,
}

/// The byte span of the sentence of paragraph `p` containing `pos` and its index; the whole
/// paragraph when it has no sentences.
fn sentence_at(p: &Paragraph, pos: usize) -> (usize, usize, Option<usize>) {
    match p.sentences.iter().rposition(|s| s.start <= pos) {
        Some(i) => (p.sentences[i].start, p.sentences[i].end, Some(i)),
        None => (p.start, p.end, None),
    }
}

/// True when `word` (as written) is a reporting verb or participle with no `و`/`ف` before it
/// (`قالت`, `مضيفا`): after a quote closed on `؟`, `!` or `.`, such a word goes on with the
/// same sentence (`“ممكن تتجوزي تاني؟” قالت شيرين`).
pub(crate) fn attributes_quote(word: &str) -> bool {
    let n = words::norm(word);
    !n.starts_with(['و', 'ف'])
        && matches!(
            cues::cue_kind(&n),
            Some(CueKind::Verb | CueKind::Participle)
        )
}

/// Someone the page writes as speaking — the subject of a reporting cue (or a headline's
/// speaker), whether or not a quote follows — or a person or body it names otherwise, with
/// the canonical name.
#[derive(Debug, Clone, PartialEq)]
pub struct Voice {
    /// Byte offset of the cue (or of the headline's speaker, or of the mention of a person or
    /// body named without a cue) in the input.
    pub at: usize,
    /// Index of its paragraph.
    pub paragraph: usize,
    /// Canonical name, resolved where the cue or mention stands (a quote's speaker is
    /// resolved where the quote opens, so a bare title may stand for someone else there);
    /// `None` for an anonymous source or a statement whose issuer is not named.
    pub speaker: Option<String>,
    /// True for the subject of a cue (or a headline's speaker); false for a person or body
    /// the page names without one.
    pub cue: bool,
}

/// Weigh each speech quote's speaker against the page's other speakers and voices with the
/// learned re-ranker (see `rerank/`); `quotes` and `voices` are those of `input` (with its
/// `paragraphs`), in order.
pub fn rerank_speakers(
    input: &str,
    paragraphs: &[Paragraph],
    quotes: &mut [Quote],
    voices: &[Voice],
) {
    rerank::rerank(input, paragraphs, quotes, voices);
}

/// The re-ranker's candidates and features for each speech quote (for its training script):
/// per quote, its index and each candidate's speaker with its feature vector.
pub fn speaker_candidates(
    input: &str,
    paragraphs: &[Paragraph],
    quotes: &[Quote],
    voices: &[Voice],
) -> Vec<rerank::Candidates> {
    rerank::candidates(input, paragraphs, quotes, voices)
}

/// The calibration features of each speech quote's speaker as the speaker pass chooses it
/// (for its training script): per quote, its index and the chosen speaker with the features.
pub fn confidence_candidates(
    input: &str,
    paragraphs: &[Paragraph],
    quotes: &[Quote],
    voices: &[Voice],
) -> Vec<rerank::Candidates> {
    rerank::confidence_candidates(input, paragraphs, quotes, voices)
}

/// Use `text` (one word per line, normalised when read; `#` comments) as the speaker pass's list of
/// common words instead of the one built in (its training script measures the pass on pages
/// held out of the list). Must come before any analysis; false when the list was already in
/// use.
#[doc(hidden)]
pub fn replace_common_words(text: &str) -> bool {
    lexicon::replace_common_words(text)
}

/// Find the quotes of a document: marked quotes and implicit headline statements, in order.
///
/// `paragraphs` are the document's paragraphs with their sentences (byte offsets into
/// `input`). Paragraphs whose spans are not inside `input`, not on character boundaries or out
/// of order are skipped. Never panics.
pub fn find_quotes(input: &str, paragraphs: &[Paragraph]) -> Vec<Quote> {
    analyse(input, paragraphs, false).0
}

/// [`find_quotes`], with the page's [`Voice`]s: who the page writes as speaking, and the people
/// and bodies it names otherwise, in document order.
pub fn find_quotes_and_voices(input: &str, paragraphs: &[Paragraph]) -> (Vec<Quote>, Vec<Voice>) {
    analyse(input, paragraphs, true)
}

/// The quotes, and the voices when `voices` is set (resolving every cue's subject costs time
/// on long pages, so only the speaker pass asks for them).
fn analyse(input: &str, paragraphs: &[Paragraph], voices: bool) -> (Vec<Quote>, Vec<Voice>) {
    let (quotes, voices, _) = analyse_with_rows(input, paragraphs, voices, false);
    (quotes, voices)
}

/// The speech model's evidence on each marked quote of a document that it judges (for its
/// training script, `segment --speech-features`), in the order the quotes are judged.
#[doc(hidden)]
pub fn speech_features(input: &str, paragraphs: &[Paragraph]) -> Vec<SpeechRow> {
    analyse_with_rows(input, paragraphs, false, true).2
}

/// [`analyse`], keeping the speech model's evidence when `rows` is set.
fn analyse_with_rows(
    input: &str,
    paragraphs: &[Paragraph],
    voices: bool,
    rows: bool,
) -> (Vec<Quote>, Vec<Voice>, Vec<SpeechRow>) {
    let mut valid = vec![false; paragraphs.len()];
    let mut after = 0;
    for (i, p) in paragraphs.iter().enumerate() {
        if marks::valid_span(input, p, after) {
            valid[i] = true;
            after = p.end;
        }
    }
    let mut toks: Vec<Vec<Token>> = paragraphs
        .iter()
        .zip(&valid)
        .map(|(p, &ok)| {
            if ok {
                tokenize(input, p.start, p.end)
            } else {
                Vec::new()
            }
        })
        .collect();
    words::unsuffix_surnames(&mut toks);
    words::read_ali_as_name(&mut toks);
    let mut mark_quotes = marks::pair_marks(input, paragraphs);
    unclosed::end_unclosed(&toks, &mut mark_quotes);
    // Nested quotes lie inside their outer quote's content: marking the outer ones is enough.
    for q in mark_quotes.iter().filter(|q| q.depth == 0) {
        for part in &q.parts {
            let t = &mut toks[part.paragraph];
            let lo = t.partition_point(|x| x.start < part.start);
            for x in t[lo..].iter_mut().take_while(|x| x.end <= part.end) {
                x.in_quote = true;
            }
        }
    }
    let mut boilerplate_before = vec![0usize; paragraphs.len() + 1];
    for (i, p) in paragraphs.iter().enumerate() {
        boilerplate_before[i + 1] = boilerplate_before[i] + usize::from(p.boilerplate);
    }
    let a = Analysis {
        input,
        paragraphs,
        toks,
        mark_quotes,
        boilerplate_before,
        speech_rows: rows.then(Default::default),
    };
    let (quotes, voices) = a.run(&valid, voices);
    let rows = a.speech_rows.map(|r| r.into_inner()).unwrap_or_default();
    (quotes, voices, rows)
}

struct Analysis<'a> {
    input: &'a str,
    paragraphs: &'a [Paragraph],
    toks: Vec<Vec<Token>>,
    mark_quotes: Vec<MarkQuote>,
    /// Number of boilerplate paragraphs before each paragraph index.
    boilerplate_before: Vec<usize>,
    /// Where the speech model's evidence on each quote is kept, when its training script asks.
    speech_rows: Option<std::cell::RefCell<Vec<SpeechRow>>>,
}

impl Analysis<'_> {
    /// Index of the mark quote whose opening mark is at byte `at`.
    fn quote_opening_at(&self, at: usize) -> Option<usize> {
        let i = self.mark_quotes.partition_point(|q| q.open < at);
        (i < self.mark_quotes.len() && self.mark_quotes[i].open == at).then_some(i)
    }

    /// Index of the token starting at byte `at` in paragraph `pi`.
    fn token_at(&self, pi: usize, at: usize) -> Option<usize> {
        let t = &self.toks[pi];
        let i = t.partition_point(|x| x.start < at);
        (i < t.len() && t[i].start == at).then_some(i)
    }

    /// True when the speaker phrase `np` of paragraph `pi` opens with a role or a body's
    /// noun, or ends with a surname that another paragraph writes after a given name or a
    /// title (outside quotes).
    fn known_speaker(&self, pi: usize, np: &[Token]) -> bool {
        let (Some(first), Some(last)) = (np.first(), np.last()) else {
            return false;
        };
        if speakers::is_title_word(&first.norm) || speakers::is_body_word(&first.norm) {
            return true;
        }
        // (A given name of three letters or more, `إن الأسعار` is no `آن الأسعار`; and no
        // definite word of news prose.)
        let surname = &last.norm;
        surname.chars().count() >= 3
            && !speakers::is_place(surname)
            && !(has_article(surname) && lexicon::is_common_word(surname))
            && self.named_elsewhere(pi, surname, 3)
    }

    /// True when a paragraph other than `pi` writes `surname` (outside quotes) right after a
    /// given name of `min_given` letters or more, or after a title.
    fn named_elsewhere(&self, pi: usize, surname: &str, min_given: usize) -> bool {
        let given = |w: &str| w.chars().count() >= min_given && lexicon::given_name(w).is_some();
        self.toks.iter().enumerate().any(|(pj, other)| {
            pj != pi
                && other.windows(2).any(|w| {
                    !w[1].in_quote
                        && w[1].norm == surname
                        && (given(&w[0].norm) || speakers::is_title_word(&w[0].norm))
                })
        })
    }

    /// The person whose subject phrase in a story's cue (outside paragraph `pi`) holds the
    /// title and its genitive of the headline role `role`, resolved; `None` when no such
    /// phrase names someone.
    fn holder_in_story(
        &self,
        pi: usize,
        role: &speakers::Name,
        mentions: &[Mention],
        names: &Names,
    ) -> Option<String> {
        let [title, genitive, ..] = &role.norms[..] else {
            return None;
        };
        if !speakers::is_title_word(title) {
            return None;
        }
        // (Its genitive with or without the article, `وزير خارجية قطر` for `وزير الخارجية
        // القطري`, or its last word, `قائممقام قضاء سنجار` for `قائممقام سنجار`, within a few
        // words after the title.)
        let last = role.norms.last().unwrap_or(genitive);
        let same = |w: &str| {
            strip_article(w) == strip_article(genitive) || (role.norms.len() > 2 && w == last)
        };
        mentions
            .iter()
            .filter(|m| m.paragraph != pi && matches!(m.who, Who::Named(_)))
            .find(|m| {
                // (The phrase from the cue on: the role may stand before the name the
                // subject was cut to, `قال وزير الصحة في حكومة تصريف الأعمال فراس أبيض`.)
                let t = &self.toks[m.paragraph];
                let from = t.partition_point(|x| x.start < m.at);
                // (Not a deputy's or an adviser's title, `نائب وزير الصحة`.)
                from < m.np.end
                    && m.np.end - from <= 16
                    && (from + 1..m.np.end).any(|j| {
                        t[j].norm == *title
                            && !speakers::is_title_word(&t[j - 1].norm)
                            && t[j + 1..m.np.end.min(j + 5)].iter().any(|x| same(&x.norm))
                    })
            })
            .and_then(|m| names.resolve(&m.who, m.at).0)
            // (A person, not the workplace of the role, `مجمع الشفاء` for `مدير مستشفى
            // الشفاء`: no word of the role in the name.)
            .filter(|holder| {
                let words: Vec<&str> = role.surface.split_whitespace().collect();
                !holder.split_whitespace().any(|w| words.contains(&w))
            })
    }

    fn headlines(&self, valid: &[bool]) -> Vec<Headline> {
        let mut out = Vec::new();
        let first_valid = valid.iter().position(|&v| v);
        // (The title line's text, to know its copies further down.)
        let title_text = first_valid.map(|f| self.paragraphs[f].text.trim());
        for (pi, p) in self.paragraphs.iter().enumerate() {
            let t = &self.toks[pi];
            if !valid[pi] {
                continue;
            }
            // (The first paragraph the analysis reads is the page's title, which may end with
            // the site's name.)
            let title = Some(pi) == first_valid;
            // (A speaker with a longer aside before the colon only when it is a role or a
            // body, or a person named elsewhere on the page.)
            let Some(np) = headline_subject(t, title).or_else(|| {
                loose_headline_subject(t).filter(|np| self.known_speaker(pi, &t[np.clone()]))
            }) else {
                continue;
            };
            // `https://…`, `Tel: …`: a link or a label in Latin letters, no speaker.
            if !t[np.clone()].iter().all(|x| has_arabic_letter(&x.norm)) {
                continue;
            }
            // The colon after the speaker (a page label before it may have its own).
            let Some(colon) = t[np.end..]
                .iter()
                .position(|x| x.punct() == Some(':'))
                .map(|k| np.end + k)
            else {
                continue;
            };
            let Some(next) = t.get(colon + 1) else {
                continue;
            };
            // `وزير الأوقاف: «تقدير المصلحة» موضوع خطبة الجمعة`: a quote that opens the
            // statement but does not end it is part of it, not the statement itself.
            let marked = (next.kind == TokKind::Mark)
                .then(|| self.quote_opening_at(next.start))
                .flatten();
            let whole = marked.is_some_and(|qi| {
                let close = t.partition_point(|x| x.start < self.mark_quotes[qi].end);
                t[close..].iter().filter(|x| x.is_word()).count() == 0
            });
            if next.kind == TokKind::Mark && (whole || marked.is_none()) {
                if let Some(qi) = marked {
                    out.push(Headline {
                        paragraph: pi,
                        np,
                        marked: Some(qi),
                        statement: None,
                        opening_name: None,
                    });
                }
                continue;
            }
            let opening_name = marked.filter(|&qi| {
                let q = &self.mark_quotes[qi];
                let words = self.input[q.content_start()..q.content_end()]
                    .split_whitespace()
                    .count();
                q.parts.len() == 1 && words == 1
            });
            let words = t.iter().filter(|x| x.is_word()).count();
            let statement_words = t[colon + 1..].iter().filter(|x| x.is_word()).count();
            let text_end = p.start + without_media_tag(&self.input[p.start..p.end], title);
            // (`… العمومية! (فيديو)`: a media tag after the statement is no sentence of it.)
            let one_sentence = p.sentences.iter().filter(|s| s.start < text_end).count() <= 1;
            // `القاهرة: قضت محكمة … .`: a dateline before a report, not a headline statement.
            // A headline has no full stop, and its statement does not open with a reporting verb.
            let text = &self.input[..text_end];
            // (A verbal noun may open it: `مساعد الرئيس: تصريحات الوزير لا تعبر عن الموقف`;
            // after a title, a verb is the speaker's own: `رئيس البرلمان: تعهدت بالدفاع …`.)
            let titled = speakers::is_title_word(&t[np.start].norm);
            let at_place = t[np.clone()].iter().any(|x| speakers::is_place(&x.norm));
            // (A reporting verb in the first person with no subject after it is the
            // speaker's own: `ترامب: تحدثت مع السيسي …`. A dateline's verb has its subject,
            // `القاهرة: قال وزير …`, or a place speaks for nobody: `القاهرة: قالت إن …`.)
            let reported = cues::cue_kind(&next.norm)
                .filter(|&k| k != CueKind::Noun)
                .is_some_and(|k| {
                    let own = next.norm.ends_with('ت')
                        && !at_place
                        && speakers::subject_after(t, colon + 1, k).is_none_or(|r| r.is_empty());
                    !own
                });
            // (`الفايز : الأردن مقدر ومحترم في كل أنحاء العالم.`: a statement may end with a
            // full stop after a name the page writes elsewhere after a given name or a title,
            // a person's; not after a place, `صعدة: سقط …`, or a role, `رئيس التحرير: …`.)
            let surname = &t[np.end - 1].norm;
            let named_elsewhere = !titled
                && np.len() <= 3
                && !at_place
                && surname.chars().count() >= 3
                && self.named_elsewhere(pi, surname, 0);
            // (On the page's title line a statement may end with a full stop after a role or a
            // body too: `وزارة الدفاع الأوكرانية: هجمات جوية روسية من أراضي بيلاروسيا.`.)
            // (Not after a bare name: `نصر المجالي: أمرت محكمة …` is a byline and a report.)
            let role_or_body = titled || speakers::is_body_word(&t[np.start].norm);
            let titled_statement = title && role_or_body && !at_place && statement_words >= 4;
            let full_stop = text.ends_with('.') && !named_elsewhere && !titled_statement;
            let dateline = full_stop || (!titled && reported);
            // (A statement of two words, `نحن أقوى`, only on the title line or a copy of it:
            // further down, `القاهرة: هبة علي` is a byline, `شعبة الآداب: 37.25%` a figure.)
            let on_title = title || title_text == Some(p.text.trim());
            let short_ok = statement_words >= 3
                || (statement_words == 2
                    && on_title
                    // (`الخرطوم: اشتباكات عنيفة`: a place and a topic; `أمير قطر: نحن أقوى` is
                    // a role.)
                    && !speakers::is_place(&t[np.start].norm)
                    && !t[colon + 1..].iter().any(|x| {
                        x.norm.chars().any(char::is_numeric) || matches!(x.punct(), Some('(' | ')'))
                    })
                    // (`الرباط: إلياس الزاهدي`, `محمد علي: غرفة الأخبار`: bylines.)
                    && crate::text::quotes::lexicon::given_name(&next.norm).is_none()
                    && !(np.len() >= 2
                        && np.end == colon
                        && crate::text::quotes::lexicon::given_name(&t[np.start].norm).is_some()));
            if words <= MAX_HEADLINE_WORDS
                && short_ok
                && one_sentence
                && !text.ends_with(':')
                && !dateline
            {
                out.push(Headline {
                    paragraph: pi,
                    np,
                    marked: None,
                    // (The statement's full stop is no part of the words quoted.)
                    statement: Some((
                        next.start,
                        match statement_end_at_ellipsis(t, colon + 1) {
                            Some(k) => self.input[..t[k].start].trim_end().len(),
                            None => text.trim_end_matches('.').trim_end().len(),
                        },
                    )),
                    opening_name,
                });
            }
        }
        out
    }

    fn mentions(&self, heads: &[Headline]) -> Vec<Mention> {
        let mut out = Vec::new();
        for (pi, t) in self.toks.iter().enumerate() {
            for (ti, x) in t.iter().enumerate() {
                if !x.is_word() || x.in_quote {
                    continue;
                }
                let Some(kind) = cues::cue_at(t, ti) else {
                    continue;
                };
                if !matches!(
                    kind,
                    CueKind::Verb | CueKind::Describe | CueKind::Noun | CueKind::Stance
                ) || (kind == CueKind::Noun && cues::is_occasion(t, ti))
                {
                    continue;
                }
                if let Some((np, w)) = self.subject_of(pi, ti, kind) {
                    // `وهاجم الثورات`: a stance verb's object follows when its subject was
                    // written before; only a title, a full name or a body is a subject.
                    // `يتابع قضية الأسرى`, `يعتبر بمختلف أروقة`: a verb in the imperfect with
                    // its subject after it often reports nothing; the subject names someone
                    // or it is no mention. (`ت` also opens perfects such as `تابع`, `تحدث`.)
                    let bare = x.norm.strip_prefix(['و', 'ف']).unwrap_or(&x.norm);
                    let imperfect = np.start > ti && bare.starts_with('ي') && kind == CueKind::Verb;
                    if (kind == CueKind::Stance || imperfect)
                        && !speakers::names_someone(&t[np.clone()])
                    {
                        continue;
                    }
                    // `ووصف الموازنة العامة بأنها …`: what is described is nobody's mention.
                    if self.described_object(pi, ti, kind, &np) {
                        continue;
                    }
                    // `القمتين اللتين دعا إليهما الملك`: a clause describing its antecedent.
                    if speakers::relative_about_antecedent(t, ti) {
                        continue;
                    }
                    // `وخاطب التجمع أطرافا إقليمية`: an object or a clause is nobody either.
                    if speakers::implausible_subject(&t[np.clone()]) {
                        continue;
                    }
                    out.push(Mention {
                        at: x.start,
                        paragraph: pi,
                        np,
                        who: w,
                    });
                }
            }
        }
        for h in heads {
            let t = &self.toks[h.paragraph];
            if let Some(w) = who(self.input, &t[h.np.clone()]) {
                out.push(Mention {
                    at: t[h.np.start].start,
                    paragraph: h.paragraph,
                    np: h.np.clone(),
                    who: w,
                });
            }
        }
        out.sort_by_key(|m| m.at);
        out
    }

    fn run(&self, valid: &[bool], want_voices: bool) -> (Vec<Quote>, Vec<Voice>) {
        let heads = self.headlines(valid);
        let mentions = self.mentions(&heads);
        let mut slices: Vec<&[Token]> = mentions
            .iter()
            .map(|m| &self.toks[m.paragraph][m.np.clone()])
            .collect();
        // Sources of "according to" forms name people too (`وفقا للباحثة … هدى الشمري`).
        for t in &self.toks {
            for (ti, x) in t.iter().enumerate() {
                if x.is_word() && !x.in_quote && cues::cue_at(t, ti) == Some(CueKind::According) {
                    slices.extend(subject_after(t, ti, CueKind::According).map(|r| &t[r]));
                }
            }
        }
        // A source behind an outlet (`نقلت صحيفة عن الشمري`) is named apart from its phrase.
        // Teasers of related stories name other stories' speakers: no one the story goes on with.
        let sources: Vec<(usize, speakers::Name)> = mentions
            .iter()
            .filter(|m| !self.paragraphs[m.paragraph].boilerplate)
            .filter_map(|m| match &m.who {
                Who::Named(n) => Some((m.at, n.clone())),
                _ => None,
            })
            .collect();
        let names = Names::build(self.input, &self.toks, &slices, &sources);
        let head_of: std::collections::HashMap<usize, usize> = heads
            .iter()
            .enumerate()
            .filter_map(|(h, head)| head.marked.map(|qi| (qi, h)))
            .collect();
        let mut out: Vec<Quote> = Vec::new();
        let statements: Vec<(usize, usize)> = heads.iter().filter_map(|h| h.statement).collect();
        let opening_names: Vec<usize> = heads.iter().filter_map(|h| h.opening_name).collect();
        for (qi, q) in self.mark_quotes.iter().enumerate() {
            let head = head_of.get(&qi).map(|&h| &heads[h]);
            // `X: الوضع في القطاع "لا يحتمل"`: marks ending an unmarked headline statement.
            // (Statements are one per paragraph, in order: only the last one opening before
            // the quote can hold it.)
            let k = statements.partition_point(|&(s, _)| s <= q.open);
            let in_statement = k > 0 && {
                let (_, e) = statements[k - 1];
                q.end <= e && self.input[q.end..e].chars().all(|c| !c.is_alphanumeric())
            };
            if let Some(mut quote) = self.mark_quote(q, head, in_statement, &mentions, &names) {
                if opening_names.contains(&qi) {
                    quote.speech = false;
                    quote.kind = "name".into();
                    quote.speaker = None;
                    quote.cue = None;
                }
                out.push(quote);
            }
        }
        for h in &heads {
            let Some((start, end)) = h.statement else {
                continue;
            };
            let t = &self.toks[h.paragraph];
            let (speaker, factor) = match who(self.input, &t[h.np.clone()]) {
                Some(w) => match (names.resolve(&w, start), &w) {
                    // `وزير الصحة: …` over a story whose cue names `وزير الصحة في حكومة
                    // تصريف الأعمال فراس أبيض`: the role's holder, found in the story.
                    ((Some(s), f), Who::Role(role)) if s == role.surface => self
                        .holder_in_story(h.paragraph, role, &mentions, &names)
                        .map_or((Some(s), f), |n| (Some(n), 0.8 * f)),
                    (found, _) => found,
                },
                None => (None, 1.0),
            };
            // `أمين الناصر: أرامكو باتت "أقوى من ذي قبل"`: marks around part of the statement
            // make that part the quote, in the headline speaker's words; the statement itself
            // is not listed again.
            let mut marked_inside = false;
            for q in out
                .iter_mut()
                .filter(|q| q.speech && q.start >= start && q.end <= end)
            {
                marked_inside = true;
                if q.cue.is_none() {
                    q.speaker.clone_from(&speaker);
                    q.kind = "partial".into();
                    q.confidence = 0.5 * factor;
                }
            }
            if marked_inside {
                continue;
            }
            let pi = h.paragraph;
            out.push(Quote {
                index: 0,
                text: self.input[start..end].to_string(),
                speech: true,
                kind: "headline".into(),
                speaker,
                cue: None,
                confidence: 0.5 * factor,
                paragraph: self.paragraphs[pi].index,
                paragraph_end: self.paragraphs[pi].index,
                sentences: self.overlapping(pi, pi, start, end),
                start,
                end,
                flags: vec!["implicit".into()],
            });
        }
        out.sort_by_key(|q| (q.start, std::cmp::Reverse(q.end)));
        for (i, q) in out.iter_mut().enumerate() {
            q.index = i;
        }
        if !want_voices {
            return (out, Vec::new());
        }
        // Boilerplate paragraphs keep their voices: quotes in related-story teasers are given
        // speakers too (the sample page's teasers quote Putin), and the learned pass weighs
        // them by where they stand.
        let mut voices: Vec<Voice> = mentions
            .iter()
            .map(|m| Voice {
                at: m.at,
                paragraph: self.paragraphs[m.paragraph].index,
                speaker: names.resolve(&m.who, m.at).0,
                cue: true,
            })
            .collect();
        // People and bodies the page names without a cue: who else may have spoken.
        for (at, name) in names.named_mentions() {
            let pi = self.paragraphs.partition_point(|p| p.end <= at);
            if pi < self.paragraphs.len() {
                voices.push(Voice {
                    at,
                    paragraph: self.paragraphs[pi].index,
                    speaker: Some(names.canonical(name)),
                    cue: false,
                });
            }
        }
        voices.sort_by_key(|v| v.at);
        (out, voices)
    }

    /// The (paragraph index, sentence index) pairs overlapping `start..end`.
    fn overlapping(&self, p0: usize, p1: usize, start: usize, end: usize) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for p in &self.paragraphs[p0..=p1] {
            let lo = p.sentences.partition_point(|s| s.end <= start);
            for s in p.sentences[lo..].iter().take_while(|s| s.start < end) {
                if start < s.end {
                    out.push((p.index, s.index));
                }
            }
        }
        out
    }

    /// The cue of a quote opening at token `oi` of paragraph `pi`: the nearest one before it in
    /// its sentence (or in the sentence before, when that ends with a colon and the quote starts
    /// its own), else one right after it.
    fn find_cue(&self, q: &MarkQuote, pi: usize, oi: usize) -> Option<Cue> {
        let p = &self.paragraphs[pi];
        let (s_start, _, sidx) = sentence_at(p, q.open);
        let t = &self.toks[pi];
        let lo = t.partition_point(|x| x.start < s_start);
        let starts_sentence = !t[lo..oi].iter().any(|x| x.is_word() && !x.in_quote);
        if let Some((token, kind)) = nearest_before(t, lo, oi) {
            return Some(Cue {
                paragraph: pi,
                token,
                kind,
                after: false,
            });
        }
        if starts_sentence {
            if let Some((ppi, ps, pe)) = self.previous_sentence(pi, sidx, s_start) {
                if self.input[ps..pe].trim_end().ends_with(':') {
                    let pt = &self.toks[ppi];
                    let plo = pt.partition_point(|x| x.start < ps);
                    let phi = pt.partition_point(|x| x.start < pe);
                    if let Some((token, kind)) = nearest_before(pt, plo, phi) {
                        return Some(Cue {
                            paragraph: ppi,
                            token,
                            kind,
                            after: false,
                        });
                    }
                }
            }
        }
        // A cue after a quote that opens its sentence: `"…"، قالت X`.
        if !starts_sentence {
            return None;
        }
        let last = q.parts.last()?.paragraph;
        let lt = &self.toks[last];
        let after_close = lt.partition_point(|x| x.start < q.end);
        let (token, kind) = right_after(lt, after_close)?;
        Some(Cue {
            paragraph: last,
            token,
            kind,
            after: true,
        })
    }

    /// The sentence before the one starting at `s_start` (in this paragraph or the last one of
    /// the previous valid paragraph) as (paragraph, start, end).
    fn previous_sentence(
        &self,
        pi: usize,
        sidx: Option<usize>,
        s_start: usize,
    ) -> Option<(usize, usize, usize)> {
        let p = &self.paragraphs[pi];
        let (ppi, s) = match sidx.filter(|&i| i > 0) {
            Some(i) => (pi, p.sentences.get(i - 1)),
            None => {
                let ppi = (0..pi).rev().find(|&j| !self.toks[j].is_empty())?;
                (ppi, self.paragraphs[ppi].sentences.last())
            }
        };
        let pp = &self.paragraphs[ppi];
        // Sentence spans come from elsewhere: keep them inside the (valid) paragraph span.
        let (lo, hi) = (pp.start, pp.end.min(s_start.max(pp.start)));
        let span = s.map(|s| (s.start.clamp(lo, hi), s.end.clamp(lo, hi)));
        match span {
            Some((a, b))
                if a < b && self.input.is_char_boundary(a) && self.input.is_char_boundary(b) =>
            {
                Some((ppi, a, b))
            }
            _ => Some((ppi, lo, hi)),
        }
    }

    /// The last mention before byte `at` that paragraph `pi` may go on with: for a story
    /// paragraph the last one in a story paragraph, for page furniture one in the same block.
    fn carried<'m>(&self, mentions: &'m [Mention], at: usize, pi: usize) -> Option<&'m Mention> {
        let k = mentions.partition_point(|m| m.at < at);
        // An outlet passing a report on (`حسبما نقلت وكالة "…"`) is not the speaker the
        // story goes on with.
        let outlet = |m: &Mention| {
            self.toks[m.paragraph]
                .get(m.np.start)
                .is_some_and(|t| lexicon::OUTLET_NOUNS.contains(&t.norm.as_str()))
        };
        // A story paragraph goes on with the story's last speaker, across a block of related
        // stories in the middle of the page but not from inside it.
        // (Within a bounded number of mentions back, so that a page of thousands of
        // quotes after a long block of furniture stays linear.)
        if !self.paragraphs[pi].boilerplate {
            let mut story = mentions[..k]
                .iter()
                .rev()
                .take(MAX_CARRY_LOOKBACK)
                .filter(|m| !outlet(m) && !self.paragraphs[m.paragraph].boilerplate);
            let last = story.next()?;
            // `وقالت` does not go on with a man, nor `وقال` with a woman: then with the last
            // person of the cue's gender a few mentions back, if there is one.
            let want = cues::cue_gender_at(self.input, at);
            let other = |m: &Mention| want.zip(self.person_gender(m)).is_some_and(|(w, g)| w != g);
            if other(last) {
                let agreeing = story
                    .take(MAX_GENDER_LOOKBACK)
                    .find(|m| want == self.person_gender(m));
                return Some(agreeing.unwrap_or(last));
            }
            return Some(last);
        }
        // A boilerplate paragraph only from a mention in the same block of furniture.
        let m = mentions[..k].iter().rev().find(|m| !outlet(m))?;
        let (a, b) = (m.paragraph.min(pi), m.paragraph.max(pi));
        // Boilerplate paragraphs in a..=b, from prefix counts.
        let furniture = self.boilerplate_before[b + 1] - self.boilerplate_before[a];
        (furniture == b + 1 - a).then_some(m)
    }

    /// The gender of the person a mention names: by the given name of a named one, or by its
    /// own cue for a role (`وقالت المتحدثة`); `None` for bodies and the anonymous.
    fn person_gender(&self, m: &Mention) -> Option<lexicon::Gender> {
        match &m.who {
            Who::Named(n) => {
                let first = n.surface.split_whitespace().next()?;
                lexicon::given_name_gender(first)
            }
            Who::Role(_) => cues::cue_gender_at(self.input, m.at),
            Who::Anonymous => None,
        }
    }

    fn mark_quote(
        &self,
        q: &MarkQuote,
        head: Option<&Headline>,
        in_statement: bool,
        mentions: &[Mention],
        names: &Names,
    ) -> Option<Quote> {
        let input = self.input;
        let pi = q.parts.first()?.paragraph;
        let pj = q.parts.last()?.paragraph;
        let t = &self.toks[pi];
        let oi = self.token_at(pi, q.open)?;
        let cue = if head.is_some() {
            None
        } else {
            self.find_cue(q, pi, oi)
        };

        // The context of the quote.
        let mut ctx = Context::default();
        for part in &q.parts {
            let pt = &self.toks[part.paragraph];
            let lo = pt.partition_point(|x| x.start < part.start);
            let words = pt[lo..]
                .iter()
                .take_while(|x| x.end <= part.end)
                .filter(|x| x.is_word());
            ctx.words.extend(
                words
                    .clone()
                    .take(MAX_CONTEXT_WORDS)
                    .map(|x| x.norm.clone()),
            );
            ctx.word_count += words.clone().count();
            if let Some(last) = words.last() {
                ctx.last_word = Some(last.norm.clone());
            }
        }
        for x in t[..oi].iter().rev() {
            if !x.is_word() || ctx.before.len() == MAX_BEFORE_WORDS {
                break;
            }
            ctx.before.insert(0, x.norm.clone());
        }
        ctx.after_lam = ctx.before.last().is_some_and(|w| w == "ل");
        ctx.after_colon = t[..oi].last().and_then(Token::punct) == Some(':');
        // The token right after the closing mark (a paragraph's tokens lie inside it).
        let lt = &self.toks[pj];
        let after = lt.get(lt.partition_point(|x| x.start < q.end));
        ctx.ends_clause = after.is_none_or(|x| !x.is_word());
        ctx.before_complementiser =
            after.is_some_and(|x| x.is_word() && complementisers().contains(&x.norm));
        ctx.cue = cue.map(|c| {
            let dist = if c.after || c.paragraph != pi {
                0
            } else {
                t[c.token + 1..oi].iter().filter(|x| x.is_word()).count()
            };
            (c.kind, dist)
        });
        ctx.headline = head.is_some();
        // The headline's speaker governs marks that end its statement as a cue would, when
        // they hold the statement's predicate (`القطاع "لا يحتمل"`, `عون "خانو التعبير"`),
        // not a name after a preposition or with the article (`على "سرايا عابدين"`,
        // `هزيمة "الدعم السريع"`).
        // (No name with a number: `في بطولة "خليجي 25"`.)
        let predicate_words = ctx.words.first().is_some_and(|w| !has_article(w))
            && !ctx.words.iter().any(|w| w.chars().any(|c| c.is_numeric()))
            && !ctx
                .before
                .last()
                .is_some_and(|w| lexicon::PREPOSITIONS.contains(&w.as_str()));
        if in_statement && ctx.cue.is_none() && predicate_words {
            ctx.cue = Some((CueKind::Verb, 1));
        }

        let mut flags: Vec<String> = q.flags.iter().map(|f| f.to_string()).collect();
        let base =
            |speech: bool, kind: &str, speaker: Option<String>, cue: Option<String>, conf: f32| {
                Quote {
                    index: 0,
                    text: q.text(input),
                    speech,
                    kind: kind.to_string(),
                    speaker,
                    cue,
                    // Two decimals: the factors are decimal (0.9 × 0.9), and the JSON contract
                    // should read 0.81, not 0.80999994.
                    confidence: (conf * 100.0).round() / 100.0,
                    paragraph: self.paragraphs[pi].index,
                    paragraph_end: self.paragraphs[pj].index,
                    sentences: self.overlapping(pi, pj, q.open, q.end),
                    start: q.open,
                    end: q.end,
                    flags: Vec::new(),
                }
            };
        // `أعلنت "المفوضية العليا المستقلة للانتخابات" في العراق عن أن …`: the quoted name
        // right after the verb is its subject.
        let subject_name = cue.is_some_and(|c| {
            matches!(c.kind, CueKind::Verb | CueKind::Describe)
                && !c.after
                && c.paragraph == pi
                && c.token + 1 == oi
        }) && self.quoted_subject(pi, oi).is_some();
        ctx.cue_elsewhere = cue.is_some_and(|c| c.after || c.paragraph != pi);
        ctx.in_statement = in_statement;
        ctx.next = after.map(|x| {
            if x.is_word() {
                x.norm.clone()
            } else {
                "<p>".to_string()
            }
        });
        ctx.cue_word = cue.map(|c| self.toks[c.paragraph][c.token].norm.clone());
        // The rules judge first; the learned model has the last word, unless the quote is
        // surely no speech (or the cue's quoted subject, whose speaker would be the quote).
        let surely = if subject_name {
            Some(Verdict::Other("name", 0.8))
        } else {
            speech::surely_not_speech(&ctx)
        };
        let verdict = match surely {
            Some(v) => v,
            None => {
                let rules = classify(&ctx);
                let evidence = speech::features(&ctx, rules);
                let verdict = speech::decide(&ctx, rules, &evidence);
                if let Some(rows) = &self.speech_rows {
                    rows.borrow_mut().push(SpeechRow {
                        start: q.open,
                        text: q.text(input),
                        rules_speech: rules == Verdict::Speech,
                        evidence,
                    });
                }
                verdict
            }
        };
        if let Verdict::Other(kind, conf) = verdict {
            let mut quote = base(false, kind, None, None, conf);
            quote.flags = flags;
            return Some(quote);
        }

        // Speech: who said it, and how sure that is.
        // A quote standing on its own (nothing of the sentence written before its mark), or at
        // least not the object of a preposition (`تقارير عن "…"`).
        let (s_open, _, _) = sentence_at(&self.paragraphs[pi], q.open);
        let after_preposition = t[..oi].last().is_some_and(|x| {
            matches!(
                x.norm.as_str(),
                "عن" | "حول" | "بشان" | "من" | "في" | "على" | "الى" | "إلى" | "مع"
            )
        });
        let stands_alone = !t[..oi]
            .iter()
            .any(|x| x.start >= s_open && x.is_word() && !x.in_quote);
        let attributable = stands_alone || !after_preposition;
        let labelled = (cue.is_none() && head.is_none())
            .then(|| self.label_name(pi, oi))
            .flatten();
        let (mut who_ref, mut conf, subject_end) = match labelled {
            Some(n) => (Some(Who::Named(n)), 0.6, None),
            None => self.speaker_of(pi, cue, head, mentions, attributable),
        };
        // `دفعت التخوفات وزير الصحة، سعد جابر، إلى القسم … قائلا "…"`: with no speaker
        // mention before it, a participle's subject is the person the paragraph introduced.
        let participle = cue.is_some_and(|c| {
            matches!(c.kind, CueKind::Participle | CueKind::Adverbial) && c.paragraph == pi
        });
        if who_ref.is_none() && participle {
            if let Some(n) = names.person_between(self.paragraphs[pi].start, q.open) {
                who_ref = Some(Who::Named(n.clone()));
                conf = 0.5;
            }
        }
        // `قدم المبعوث الأممي هانس جروندبرج إحاطة … وقال في إحاطته إن "…"`: a cue with no
        // subject and no speaker before it speaks for the person the story introduced.
        let subjectless = cue.is_some_and(|c| {
            matches!(
                c.kind,
                CueKind::Verb | CueKind::Participle | CueKind::Adverbial | CueKind::Describe
            )
        });
        if who_ref.is_none() && subjectless {
            if let Some(n) = names.person_between(0, q.open) {
                who_ref = Some(Who::Named(n.clone()));
                conf = 0.4;
            }
        }
        if matches!(who_ref, Some(Who::Anonymous)) {
            flags.push("anonymous_source".into());
        }
        let (mut speaker, mut factor) = who_ref
            .as_ref()
            .map_or((None, 1.0), |w| names.resolve(w, q.open));
        // `وأضافت الصحيفة` after `لصحيفة "الشرق الأوسط"`: the outlet named before.
        if let Some(Who::Role(r)) = &who_ref {
            if let [word] = &r.norms[..] {
                if let Some(name) = self.outlet_named_before(word, pi, q.open) {
                    (speaker, factor) = (Some(name), 0.8);
                }
            }
        }
        // `وأضاف البيان` with no body named before it: the speaker the story carries.
        let bare_statement = matches!(&who_ref, Some(Who::Role(r))
            if r.norms.len() == 1 && cues::STATEMENT_NOUNS.contains(&r.norms[0].as_str()));
        // `وجاء في البيان: "…"`: the statement of the body named last before it.
        let statement_cue = cue.is_some_and(|c| c.kind == CueKind::Statement);
        if speaker.is_none() && statement_cue && !flags.iter().any(|f| f == "anonymous_source") {
            if let Some(body) = names.body_before(q.open) {
                (speaker, factor) = (Some(body.surface.clone()), 0.6);
            }
        }
        if speaker.is_none() && bare_statement {
            let k = mentions.partition_point(|m| m.at < q.open);
            let earlier = mentions[..k].iter().rev().find_map(|m| {
                let (s, f) = names.resolve(&m.who, q.open);
                s.map(|s| (s, f))
            });
            if let Some((s, f)) = earlier {
                (speaker, factor) = (Some(s), f * 0.8);
            }
        }
        conf *= factor;
        if q.flags
            .iter()
            .any(|f| *f == "unclosed" || *f == "mismatched_marks")
        {
            conf *= 0.8;
        }

        // Direct or partial.
        let (s_start, _, _) = sentence_at(&self.paragraphs[pi], q.open);
        let prev = t[..oi].last().filter(|x| x.start >= s_start);
        let direct = head.is_some()
            || match prev {
                None => true,
                Some(x) => {
                    matches!(x.punct(), Some(':' | '،' | ','))
                        || (x.is_word() && complementisers().contains(&x.norm))
                        || cue.is_some_and(|c| c.paragraph == pi && !c.after && c.token + 1 == oi)
                        || subject_end == Some(oi)
                }
            };
        let cue_text = cue.map(|c| {
            let x = &self.toks[c.paragraph][c.token];
            input[x.start..x.end].to_string()
        });
        let kind = if direct { "direct" } else { "partial" };
        let mut quote = base(true, kind, speaker, cue_text, conf);
        quote.flags = flags;
        Some(quote)
    }

    /// The speaker reference of a speech quote, the base confidence, and (for a subject right
    /// after the cue in the quote's paragraph) the token index where that subject ends.
    fn speaker_of(
        &self,
        pi: usize,
        cue: Option<Cue>,
        head: Option<&Headline>,
        mentions: &[Mention],
        attributable: bool,
    ) -> (Option<Who>, f32, Option<usize>) {
        if let Some(h) = head {
            let t = &self.toks[h.paragraph];
            return (who(self.input, &t[h.np.clone()]), 0.7, None);
        }
        let Some(c) = cue else {
            // A quote standing on its own with no cue goes on with the story's last speaker (a
            // paragraph of an interview); at the top of the story, before anyone is named, it
            // is the first speaker's (a lead quote attributed below). One inside a sentence
            // (`تقارير عن "…"`) is nobody's in particular.
            if !attributable {
                return (None, 0.3, None);
            }
            let at = self.toks[pi]
                .first()
                .map_or(self.paragraphs[pi].start, |t| t.start);
            if let Some(m) = self.carried(mentions, at, pi) {
                return (Some(m.who.clone()), 0.3, None);
            }
            let first_after = mentions
                .iter()
                .find(|m| m.at >= at && !matches!(m.who, Who::Anonymous));
            return (first_after.map(|m| m.who.clone()), 0.2, None);
        };
        let t = &self.toks[c.paragraph];
        let cue_at = t[c.token].start;
        match c.kind {
            CueKind::According => {
                let mut i = c.token + 1;
                if t.get(i).is_some_and(|x| x.norm == "ل") {
                    i += 1;
                }
                // `وفقا لـ"وكالة …"`: the quoted name is the source.
                if let Some(x) = t.get(i).filter(|x| x.kind == TokKind::Mark) {
                    if let Some(w) = self.quoted_name(c.paragraph, x.start) {
                        return (Some(w), 0.4, None);
                    }
                }
                let np = subject_after(t, c.token, c.kind);
                // `بحسب تقرير صادر عن X`: the document's issuer is the source.
                if let Some(r) = np
                    .clone()
                    .filter(|r| DOCUMENTS.contains(&t[r.start].norm.as_str()))
                {
                    if let Some(w) = self.source_after_an(c.paragraph, r.start) {
                        return (Some(w), 0.4, None);
                    }
                }
                return (np.and_then(|r| who(self.input, &t[r])), 0.4, None);
            }
            CueKind::Verb | CueKind::Describe | CueKind::Noun => {
                // `ويضيف الرجل الستيني`: a description of the person just quoted is no name.
                // `قالت الوزارة …، واتهمت الجيش بـ"…"`: a lone word between a describing verb
                // and its `بـ` phrase is the object when the sentence has a speaker already.
                let (s_start, _, _) = sentence_at(&self.paragraphs[c.paragraph], cue_at);
                let earlier = self
                    .carried(mentions, cue_at, pi)
                    .filter(|m| m.at >= s_start && m.paragraph == c.paragraph);
                // `ووصف الوضع بأنه …`: a definite common noun is the object even with no speaker
                // in the sentence (the story's speaker is carried over).
                let common = |x: &Token| {
                    words::has_article(&x.norm)
                        && !speakers::is_title_word(&x.norm)
                        && !speakers::is_body_word(&x.norm)
                        && !speakers::is_nisba(&x.norm)
                };
                let object_only = |np: &Range<usize>| {
                    (c.kind == CueKind::Describe
                        && np.len() == 1
                        && (earlier.is_some() || common(&t[np.start]))
                        && t.get(np.end).is_some_and(|x| x.norm.starts_with('ب')))
                        || self.described_object(c.paragraph, c.token, c.kind, np)
                };
                // `مضيفا انه يرى المستقبل …`: an imperfect verb after `أنه` has the pronoun as
                // its subject; what follows is its object.
                let pronoun_subject = c.token > 0
                    && matches!(
                        t[c.token - 1].norm.as_str(),
                        "انه" | "انها" | "انهم" | "بانه" | "بانها"
                    )
                    && t[c.token]
                        .norm
                        .strip_prefix(['و', 'ف'])
                        .unwrap_or(&t[c.token].norm)
                        .starts_with(['ي', 'ت']);
                let subject = self
                    .subject_of(c.paragraph, c.token, c.kind)
                    .filter(|_| !pronoun_subject)
                    .filter(|(np, _)| !speakers::is_description(&t[np.clone()]))
                    .filter(|(np, _)| !object_only(np));
                // `وقال المتحدث` with no body after it: the one speaking, i.e. the speaker
                // quoted before, when there is one.
                let bare_speaker = subject.as_ref().is_some_and(|(np, _)| {
                    np.len() == 1 && matches!(t[np.start].norm.as_str(), "المتحدث" | "المتحدثه")
                });
                if let Some(m) = self.carried(mentions, cue_at, pi).filter(|_| bare_speaker) {
                    return (Some(m.who.clone()), 0.8, None);
                }
                if let Some((np, w)) = subject {
                    let right_after = c.paragraph == pi && !c.after && np.start > c.token;
                    return (Some(w), 0.9, right_after.then_some(np.end));
                }
            }
            CueKind::Statement => {
                // `أصدر النائب X بيانًا، جاء فيه`: the statement's issuer before it.
                if let Some(r) = speakers::issuer_before_resumptive(t, c.token) {
                    if let Some(w) = who(self.input, &t[r]) {
                        return (Some(w), 0.9, None);
                    }
                }
                // `وجاء في بيان لوزارة الخارجية القطرية`: the issuer after `لـ`.
                // `للمنظّمة` (`لـ` + `المنظمة`) too, when the word is a body.
                let issuer = t
                    .get(c.token + 3)
                    .filter(|x| {
                        x.is_word()
                            && x.norm.starts_with('ل')
                            && (!x.norm.starts_with("لل") || speakers::is_body_word(&x.norm))
                    })
                    .and_then(|_| subject_after(t, c.token + 2, CueKind::Verb))
                    .and_then(|r| speakers::Name::after_lam(self.input, &t[r]));
                if let Some(n) = issuer {
                    return (Some(Who::Named(n)), 0.9, None);
                }
                return (self.source_after_an(c.paragraph, c.token), 0.9, None);
            }
            CueKind::Participle | CueKind::Adverbial | CueKind::Stance => {}
        }
        let (s_start, _, _) = sentence_at(&self.paragraphs[c.paragraph], cue_at);
        let carried = self.carried(mentions, cue_at, pi);
        if let Some(m) = carried.filter(|m| m.at >= s_start && m.paragraph == c.paragraph) {
            return (Some(m.who.clone()), 0.8, None);
        }
        // `قدمت الكاتبة سحر خليفة روايتها، وقالت: "…"`: a person introduced with a title
        // earlier in the sentence, by a verb that is no cue, is the subject of the cue.
        let lo = t.partition_point(|x| x.start < s_start);
        // `وقد عبر الرئيس التونسي عن سعادته … قائلا`, `كما تحدث رئيس الاتحاد عن مستقبل
        // المدرب X، … عندما قال`: the titled subject of the sentence's first verb.
        if let Some(r) = speakers::opening_role(t, lo, c.token) {
            if let Some(w) = who(self.input, &t[r]) {
                return (Some(w), 0.7, None);
            }
        }
        if let Some(r) = first_titled_person(t, lo, c.token) {
            if let Some(w) = who(self.input, &t[r]) {
                return (Some(w), 0.7, None);
            }
        }
        match carried {
            Some(m) => (Some(m.who.clone()), 0.6, None),
            None => (None, 0.3, None),
        }
    }
}

impl Analysis<'_> {
    /// True when `np`, after the describing verb at token `ti` of paragraph `pi`, is what the
    /// verb describes rather than who: a definite common noun opens it and a `بـ` phrase
    /// follows it (`ووصف الموازنة العامة للدولة بأنها`).
    fn described_object(&self, pi: usize, ti: usize, kind: CueKind, np: &Range<usize>) -> bool {
        let t = &self.toks[pi];
        let Some(first) = t.get(np.start) else {
            return false;
        };
        // (`وصفته الصحافة المحلية بأنه`: with its object a pronoun, the phrase is the subject.)
        let pronoun_object = t[ti].norm.ends_with(['ه', 'م', 'ن']) || t[ti].norm.ends_with("ها");
        kind == CueKind::Describe
            && np.start > ti
            && !pronoun_object
            && words::has_article(&first.norm)
            && !speakers::is_title_word(&first.norm)
            && !speakers::is_body_word(&first.norm)
            && !speakers::is_nisba(&first.norm)
            // (A year in brackets may come between: `للعام المقبل (2014) بأنها`.)
            && t[np.end..]
                .iter()
                .take(4)
                .find(|x| x.is_word() && !x.norm.chars().all(|c| c.is_ascii_digit()))
                .is_some_and(|x| x.norm.starts_with('ب'))
    }

    /// The subject phrase of the cue at token `ti` of paragraph `pi` and who it is: `وكان X قد
    /// <cue>`, then the phrase after the cue, then `عن X قوله` for suffixed verbal nouns. A group
    /// or outlet word followed by its quoted name (`حركة "حماس"`) stands for that name.
    fn subject_of(&self, pi: usize, ti: usize, kind: CueKind) -> Option<(Range<usize>, Who)> {
        let t = &self.toks[pi];
        let noun = kind == CueKind::Noun;
        let verb = matches!(kind, CueKind::Verb | CueKind::Describe);
        // `فيما قالت "الدعم السريع" إنها …`: a short quoted name right after the verb and
        // before the complement is its subject.
        if verb {
            if let Some(found) = self.quoted_subject(pi, ti + 1) {
                return Some(found);
            }
        }
        // `دعا، مسعد بولس، مستشار …`: the subject set off by commas right after the verb.
        if verb
            && t.get(ti + 1)
                .is_some_and(|x| matches!(x.punct(), Some(',' | '،')))
        {
            if let Some(name) = speakers::apposition_name(t, ti + 1) {
                if let Some(n) = speakers::Name::from_tokens(self.input, &t[name.clone()]) {
                    return Some((name, Who::Named(n)));
                }
            }
        }
        let np = speakers::issuer_before_resumptive(t, ti)
            .or_else(|| subject_before_relative(t, ti))
            .or_else(|| subject_before_qad(t, ti))
            .or_else(|| subject_after(t, ti, kind))
            .or_else(|| noun.then(|| subject_before_noun(t, ti)).flatten())
            .or_else(|| {
                (noun || verb)
                    .then(|| subject_before_bilqawl(t, ti))
                    .flatten()
            })
            .or_else(|| verb.then(|| subject_before_verb(t, ti)).flatten())?;
        // `دعا مقدمي البرامج إلى …`: the person called on, not the caller.
        let calls_on = lookup_forms(&t[ti].norm).any(|f| {
            matches!(
                f,
                "دعا" | "دعت" | "طالب" | "طالبت" | "حث" | "حثت" | "ناشد" | "ناشدت"
            )
        });
        let then_to = t.get(np.end).is_some_and(|x| {
            matches!(x.norm.as_str(), "الى" | "إلى" | "على") || x.norm.starts_with('ب')
        });
        if verb && np.start > ti && calls_on && then_to && !speakers::names_someone(&t[np.clone()])
        {
            return None;
        }
        // `بدون تصريح مسبق`, `وجود رد قوي وسريع`: a statement noun negated, or followed by
        // its adjectives, has no speaker after it.
        if (noun || verb) && np.start > ti && self.noun_without_speaker(pi, ti, &np, noun) {
            return None;
        }
        // `نقلت صحيفة X عن مصادر …`: the words are the source's, not the outlet's.
        if lookup_forms(&t[ti].norm)
            .any(|f| matches!(f, "نقل" | "نقلت" | "نقلوا" | "ينقل" | "تنقل"))
        {
            if let Some(w) = self.source_after_an(pi, np.end.max(1) - 1) {
                return Some((np, w));
            }
        }
        let named = t
            .get(np.end)
            .filter(|x| x.kind == TokKind::Mark && np.len() == 1);
        if let Some(mark) = named.filter(|_| lexicon::name_context().contains(&t[np.start].norm)) {
            if let Some(w) = self.quoted_name(pi, mark.start) {
                return Some((np, w));
            }
        }
        // `وقال بيان للجيش الإسرائيلي`: a statement speaks for its issuer after `لـ`.
        if np.len() >= 2 && cues::STATEMENT_NOUNS.contains(&t[np.start].norm.as_str()) {
            if let Some(n) = speakers::Name::after_lam(self.input, &t[np.start + 1..np.end]) {
                return Some((np, Who::Named(n)));
            }
            // `وقال بيان صادر عن شرطة مليلية`: the issuer after `صادر عن`.
            let issued = np.len() == 2
                && matches!(t[np.start + 1].norm.as_str(), "صادر" | "الصادر")
                && t.get(np.end).is_some_and(|x| x.norm == "عن");
            if issued {
                if let Some(w) = self.source_after_an(pi, np.start) {
                    return Some((np, w));
                }
            }
        }
        // `قال الرئيس التنفيذي لشركة أرامكو، أمين الناصر، إن`: a role, a comma and the name.
        // The words from the cue (or the subject written before it) to the subject's end.
        let from = if np.start > ti { ti + 1 } else { np.start };
        let titled = t[from..np.end]
            .iter()
            .any(|x| speakers::is_title_word(&x.norm));
        if titled {
            if let Some(found) = self.apposed_name(pi, np.clone()) {
                return Some(found);
            }
        }
        let w = who(self.input, &t[np.clone()])?;
        Some((np, w))
    }

    /// The name set off by commas after a role-only subject `np` of paragraph `pi` (`قال
    /// الرئيس التنفيذي لشركة أرامكو، أمين الناصر، إن`), past a quoted body, the rest of a long
    /// role or a workplace between them.
    fn apposed_name(&self, pi: usize, np: Range<usize>) -> Option<(Range<usize>, Who)> {
        let t = &self.toks[pi];
        // `المتحدث باسم إمارة منطقة مكة، سلطان الدوسري،`: a name found in the role that does
        // not open with a given name gives way to a person set off by commas whose name does.
        let named = speakers::split_role(&t[np.clone()]).1;
        if named
            .first()
            .is_some_and(|x| lexicon::given_name_by_shape(&x.norm).is_some())
        {
            return None;
        }
        // `قال الأمين العام لـ«الهيئة العربية للمسرح»، إسماعيل عبد الله،`: the body the role
        // heads, in quote marks, before the comma.
        let mut comma = np.end;
        if t.get(comma).is_some_and(|x| x.norm == "ل") {
            comma += 1;
        }
        if t.get(comma).is_some_and(|x| x.kind == TokKind::Mark) {
            if let Some(close) =
                (comma + 1..t.len().min(comma + 8)).find(|&k| t[k].kind == TokKind::Mark)
            {
                comma = close + 1;
            }
        }
        // `قال وزير الثقافة، في الحكومة الموريتانية، الحسين ولد مدو، إن`: a workplace set off
        // by commas between the role and the name.
        let is_comma = |k: usize| {
            t.get(k)
                .is_some_and(|x| matches!(x.punct(), Some(',' | '،')))
        };
        // `وزير الثقافة والعلاقات مع البرلمان، …`: the rest of a long role before its comma.
        if !is_comma(comma) {
            if let Some(next) = (comma..t.len().min(comma + 4)).find(|&k| !t[k].is_word()) {
                let plain = t[comma..next].iter().all(|x| {
                    !complementisers().contains(&x.norm) && cues::cue_kind(&x.norm).is_none()
                });
                if is_comma(next) && plain {
                    comma = next;
                }
            }
        }
        if !is_comma(comma) {
            return None;
        }
        let workplace = t
            .get(comma + 1)
            .is_some_and(|x| matches!(x.norm.as_str(), "في" | "فى" | "لدى" | "ب"));
        let after_workplace = || {
            let next = (comma + 2..t.len().min(comma + 7)).find(|&k| !t[k].is_word())?;
            is_comma(next)
                .then(|| speakers::apposition_name(t, next))
                .flatten()
        };
        let name = workplace
            .then(after_workplace)
            .flatten()
            .or_else(|| speakers::apposition_name(t, comma))?;
        if !named.is_empty() && lexicon::given_name_by_shape(&t[name.start].norm).is_none() {
            return None;
        }
        let n = speakers::Name::from_tokens(self.input, &t[name.clone()])?;
        Some((name, Who::Named(n)))
    }

    /// True when the noun cue at token `ti` of paragraph `pi` names no speaker in `np` after
    /// it: the noun is negated (`بدون تصريح`, `دون تعليق`), an undefined participle follows it
    /// (`تصريح مسبق`), or two short adjectives joined by `و` do (`رد قوي وسريع`).
    /// (A verb form that is also a verbal noun, `رد`, is tested for the adjectives only.)
    fn noun_without_speaker(&self, pi: usize, ti: usize, np: &Range<usize>, noun: bool) -> bool {
        let t = &self.toks[pi];
        let negated = noun && ti > 0 && matches!(t[ti - 1].norm.as_str(), "بدون" | "دون" | "بلا");
        let plain = |w: &str| {
            !words::has_article(w)
                && lexicon::given_name_by_shape(w).is_none()
                && !speakers::is_title_word(w)
                && !speakers::is_body_word(w)
        };
        // `مسبق`, `مباشر`: a participle of the form مُفعَل or مُفاعِل (not `ميسي`, `مرسي`:
        // no long vowel after the `م` and no final `ي`).
        let participle = |w: &str| {
            let c: Vec<char> = w.chars().collect();
            plain(w)
                && (4..=5).contains(&c.len())
                && c[0] == 'م'
                && !matches!(c[1], 'ي' | 'و')
                && !matches!(c[c.len() - 1], 'ي' | 'ه' | 'ا')
        };
        // `قوي`, `سريع`: short adjectives of the forms فعيل and فعِيّ (not a surname such as
        // `بري` on its own: only two of them joined by `و` count).
        let short_adjective = |w: &str| {
            let c: Vec<char> = w.chars().collect();
            plain(w) && (3..=4).contains(&c.len()) && c[2] == 'ي'
        };
        let first = t[np.start].norm.as_str();
        let coordinated = np.len() >= 2
            && short_adjective(first)
            && t[np.start + 1]
                .norm
                .strip_prefix('و')
                .is_some_and(short_adjective);
        negated || (noun && np.len() == 1 && participle(first)) || coordinated
    }

    /// The source named after `عن` following token `from` (`صادر عن X`, `نقلت وكالة عن X`),
    /// also when it is a quoted name (`عن منظمة "غرينبيس"`).
    fn source_after_an(&self, pi: usize, from: usize) -> Option<Who> {
        let t = &self.toks[pi];
        let (an, r) = phrase_after_an(t, from)?;
        // `عن منظمة "غرينبيس"`, `عن "X"`: the quoted name.
        let mark = (an + 1..=an + 2).find(|&k| t.get(k).is_some_and(|x| x.kind == TokKind::Mark));
        if let Some(w) = mark.and_then(|k| self.quoted_name(pi, t[k].start)) {
            return Some(w);
        }
        // `نقلت الوكالة عن المتحدث الأمني في الوزارة، اللواء X، أن`: the name in apposition.
        let titled = t[r.clone()]
            .iter()
            .any(|x| speakers::is_title_word(&x.norm));
        if titled {
            if let Some((_, w)) = self.apposed_name(pi, r.clone()) {
                return Some(w);
            }
        }
        who(self.input, &t[r]).map(|w| match w {
            Who::Role(n) => Who::Named(n),
            other => other,
        })
    }

    /// The quoted name opening at token `oi` of paragraph `pi` when a complement (`إن`, `أن`,
    /// a colon) follows its closing mark: the content's token range and who it is.
    fn quoted_subject(&self, pi: usize, oi: usize) -> Option<(Range<usize>, Who)> {
        let t = &self.toks[pi];
        let open = t.get(oi).filter(|x| x.kind == TokKind::Mark)?;
        let nq = &self.mark_quotes[self.quote_opening_at(open.start)?];
        let lo = t.partition_point(|y| y.start < nq.content_start());
        let hi = t.partition_point(|y| y.start < nq.content_end());
        let after = t.partition_point(|y| y.start < nq.end);
        // `أكد "مصطفى بايتاس"، الوزير المنتدب …`: a quoted name, a comma and the role.
        // `أعلنت "المفوضية …" في العراق عن أن`, `وأوضح "عبد الكريم"، في مداخلة، أن`: a
        // place, time or occasion between the subject and the statement.
        let setting = |x: &Token| {
            x.is_word()
                && matches!(
                    x.norm.as_str(),
                    "في" | "فى" | "عن" | "خلال" | "اليوم" | "امس" | "مساء" | "صباح" | "لدى"
                )
        };
        let apposed = t
            .get(after)
            .is_some_and(|x| matches!(x.punct(), Some(',' | '،')))
            && t.get(after + 1)
                .is_some_and(|x| speakers::is_title_word(&x.norm) || setting(x));
        // `وأضاف "التركي" أن`, `وشدد «عوض» على`, `ودعا "الجعفري" الأمم المتحدة`: the clause
        // goes on with a preposition or a definite object.
        // (Only after a name-like quote: not a definite noun, `قالت "المقامرة" الحوثية`.)
        let name_like = t[lo..hi]
            .iter()
            .all(|y| !words::has_article(&y.norm) || y.norm.ends_with('ي'));
        let goes_on = |x: &Token| {
            name_like
                && x.is_word()
                && (matches!(x.norm.as_str(), "على" | "علي" | "الى") || words::has_article(&x.norm))
        };
        let complement = apposed
            || t.get(after).is_some_and(setting)
            || t.get(after).is_some_and(goes_on)
            || t.get(after).is_some_and(|x| {
                x.punct() == Some(':')
                    || (x.is_word()
                        && (complementisers().contains(&x.norm)
                            || matches!(
                                x.norm.as_str(),
                                "انه" | "انها" | "انهم" | "بانه" | "بانها" | "بانهم"
                            )))
            });
        // `وعبرت "أم محمد" لـ"…"`, `علق "أحمد علي" قائلا`: a person's name needs no
        // complement after it.
        let person = hi - lo <= 4 && {
            let words: Vec<&str> = t[lo..hi].iter().map(|x| x.norm.as_str()).collect();
            lexicon::looks_like_person(&words)
        };
        if !(complement || person) || hi <= lo {
            return None;
        }
        let w = self.quoted_name(pi, open.start)?;
        Some((lo..hi, w))
    }

    /// The person's name labelling a quote that opens at token `oi` of paragraph `pi` with no
    /// cue: the paragraph is a bullet or dash, a name, perhaps an age, then the quote (street
    /// interviews: `< أحمد حسن 38 سنة «…»`).
    fn label_name(&self, pi: usize, oi: usize) -> Option<speakers::Name> {
        let t = &self.toks[pi];
        let mut lo = 0;
        while lo < oi && !t[lo].is_word() {
            lo += 1;
        }
        let mut hi = oi;
        // Punctuation before the mark and the age (`أحمد حسن، 38 عاما:`).
        let age_or_mark = |x: &Token| {
            !x.is_word()
                || x.norm.chars().all(|c| c.is_numeric())
                || matches!(x.norm.as_str(), "سنه" | "عاما" | "عام" | "سنوات")
        };
        while hi > lo && age_or_mark(&t[hi - 1]) {
            hi -= 1;
        }
        // After a bullet or with an age, any given name will do (`محمود`, also a word).
        let listed = lo > 0 || t[hi..oi].iter().any(Token::is_word);
        let words = &t[lo..hi];
        let plain = words.iter().all(|x| x.is_word() && !x.in_quote);
        if !(2..=4).contains(&words.len()) || !plain {
            return None;
        }
        let norms: Vec<&str> = words.iter().map(|x| x.norm.as_str()).collect();
        let person = if listed {
            lexicon::given_name_by_shape(norms[0]).is_some()
        } else {
            lexicon::looks_like_person(&norms)
        };
        if norms.iter().any(|w| cues::cue_kind(w).is_some()) || !person {
            return None;
        }
        speakers::Name::from_tokens(self.input, words)
    }

    /// The name in marks of the outlet that a definite outlet noun (`الصحيفة`, `القناة`)
    /// refers back to: the last `صحيفة "…"` or `لصحيفة "…"` written before byte `at`, within
    /// [`MAX_OUTLET_LOOKBACK`] words (so that a page of thousands of such quotes stays linear).
    fn outlet_named_before(&self, word: &str, pi: usize, at: usize) -> Option<String> {
        let head = word.strip_prefix("ال")?;
        if !matches!(head, "صحيفه" | "جريده" | "قناه" | "مجله" | "اذاعه") {
            return None;
        }
        let mut budget = MAX_OUTLET_LOOKBACK;
        for p in (0..=pi).rev() {
            let t = &self.toks[p];
            let hi = t.partition_point(|x| x.start < at);
            for k in (0..hi.saturating_sub(1)).rev() {
                budget = budget.checked_sub(1)?;
                let w = t[k].norm.as_str();
                let bare = w.strip_prefix('ل').filter(|r| *r == head).unwrap_or(w);
                if bare != head || t[k + 1].kind != TokKind::Mark {
                    continue;
                }
                let Some(nq) = self
                    .quote_opening_at(t[k + 1].start)
                    .map(|i| &self.mark_quotes[i])
                else {
                    continue;
                };
                let lo = t.partition_point(|y| y.start < nq.content_start());
                let end = t.partition_point(|y| y.start < nq.content_end());
                if (1..=4).contains(&(end - lo)) && t[lo..end].iter().all(Token::is_word) {
                    return Some(self.input[t[lo].start..t[end - 1].end].to_string());
                }
            }
        }
        None
    }

    /// The short quote opening at byte `at` in paragraph `pi`, as a name.
    fn quoted_name(&self, pi: usize, at: usize) -> Option<Who> {
        let nq = &self.mark_quotes[self.quote_opening_at(at)?];
        let t = &self.toks[pi];
        let lo = t.partition_point(|y| y.start < nq.content_start());
        let hi = t.partition_point(|y| y.start < nq.content_end());
        if hi - lo > 4 {
            return None;
        }
        who(self.input, &t[lo..hi]).map(|w| match w {
            Who::Role(n) => Who::Named(n),
            other => other,
        })
    }
}

/// The length of a headline without what a scraped page adds after its statement: trailing
/// spaces, a lone bar, a site name or date after a dash, and a media tag (`(فيديو)`, `(صور)`,
/// which says what the page shows). In the page's title (`title`), any one or two words after
/// its last dash are the site's name or section (`… - خارجيات`, `… - ستاد العرب`).
fn without_media_tag(s: &str, title: bool) -> usize {
    let mut end = input_trim_end(s);
    // A lone bar closing a scraped headline (`… بالأمطار |`).
    if let Some(before) = s[..end].strip_suffix('|') {
        end = input_trim_end(before);
    }
    // `… – موقع قناة المنار – لبنان`, `… - اخبارك الان`, `… - 2023/04/17`: the site's name or
    // a date after a dash. The first dash whose tail (to the end) is such a name.
    let mut site_named = false;
    for sep in [" – ", " - ", " | "] {
        let site = |at: usize| {
            let tail = &s[at + sep.len()..end];
            // The segment up to the next dash names the site (`موقع قناة المنار`).
            let segment = tail.split(sep).next().unwrap_or(tail);
            // (Short tails only, tested first: a page full of dashes stays linear.)
            tail.split_whitespace().nth(6).is_none()
                && !tail.contains(['"', '«', '»', '“', '”'])
                && (segment
                    .split_whitespace()
                    .any(|w| matches!(w, "موقع" | "اخبار" | "أخبار" | "اخبارك" | "أخبارك"))
                    || tail
                        .chars()
                        .all(|c| c.is_numeric() || matches!(c, '/' | '-' | ' ' | ':')))
        };
        let found = s[..end]
            .match_indices(sep)
            .map(|(at, _)| at)
            .find(|&at| site(at));
        if let Some(at) = found {
            end = input_trim_end(&s[..at]);
            site_named = true;
        }
    }
    if title && !site_named {
        let last_dash = s[..end].rfind(" - ").max(s[..end].rfind(" – "));
        if let Some(at) = last_dash {
            let tail = s[at..end].trim_start_matches([' ', '-', '–']);
            let words = tail.split_whitespace().count();
            let plain = tail
                .chars()
                .all(|c| c.is_alphabetic() || c == ' ' || words::is_diacritic(c));
            if (1..=2).contains(&words) && plain {
                end = input_trim_end(&s[..at]);
            }
        }
    }
    // `… ولا وقت لتجربة أو خطأ.. فيديو`: a media tag after an ellipsis or a dash.
    for tag in MEDIA_TAGS {
        if let Some(before) = s[..end].strip_suffix(tag) {
            let lead = before.trim_end();
            if let Some(stem) = lead
                .strip_suffix("..")
                .or_else(|| lead.strip_suffix('…'))
                .or_else(|| lead.strip_suffix('-'))
                .or_else(|| lead.strip_suffix('|'))
            {
                end = input_trim_end(stem.trim_end_matches('.'));
                break;
            }
        }
    }
    let text = &s[..end];
    let Some(open) = text.rfind('(') else {
        return end;
    };
    let tag = text[open + 1..].trim_end_matches(')').trim();
    let media = matches!(
        tag,
        "فيديو"
            | "صور"
            | "شاهد"
            | "بالفيديو"
            | "بالصور"
            | "فيديو وصور"
            | "صور وفيديو"
            | "فيديوجراف"
            | "إنفوجراف"
            | "انفوجراف"
    );
    // `(فيديو إرم)`: a media word and the outlet that made it.
    let mut words = tag.split_whitespace();
    let media = media
        || (words
            .next()
            .is_some_and(|w| matches!(w, "فيديو" | "صور" | "بالفيديو" | "بالصور"))
            && words.count() <= 2);
    if media {
        input_trim_end(&text[..open])
    } else {
        end
    }
}

/// Media tags a scraped headline may end with after an ellipsis or a dash.
const MEDIA_TAGS: &[&str] = &["فيديو", "بالفيديو", "صور", "بالصور", "شاهد", "فيديو وصور"];

/// Length of `s` without trailing whitespace.
fn input_trim_end(s: &str) -> usize {
    s.trim_end().len()
}
