//! Text analysis: hygiene → paragraphs → sentences → quoted speech and speakers.
//!
//! [`analyze`] turns an Arabic document into an [`Analysis`]: paragraphs (with boilerplate
//! flags), sentences inside them, and quotes with their speakers. Every span is a pair of byte
//! offsets into the *original* input; the original text is never altered. The serialised form of
//! [`Analysis`] is the stable JSON contract printed by `tarjama segment --format json`.
//!
//! Guarantees of the contract: paragraphs are in order and do not overlap; each paragraph's
//! sentences are in order and cover it (only whitespace, or characters hygiene removes, lies
//! between them); every `text` is `input[start..end]`, trimmed, on UTF-8 boundaries; flagged
//! boilerplate paragraphs are kept, never dropped. The rules are those of
//! the research notes (arabic-text.md §1.3, R1–R12, and §5); see [`sentences`].

use serde::{Deserialize, Serialize};

pub mod boilerplate;
pub mod clean;
pub mod paragraphs;
pub mod quotes;
pub mod render;
pub mod sentences;

/// Options of the analysis.
#[derive(Debug, Clone)]
pub struct Options {
    /// How lines become paragraphs.
    pub paragraphs: ParagraphMode,
    /// Sentences longer than this many characters are sub-split at secondary points so the
    /// model never sees input past its position limit.
    pub max_sentence_chars: usize,
    /// Weigh each speech quote's speaker against the page's other speakers with the learned
    /// re-ranker (on by default; off to see the rules' own speakers, as its training does).
    pub rerank_speakers: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            paragraphs: ParagraphMode::Auto,
            max_sentence_chars: 600,
            rerank_speakers: true,
        }
    }
}

/// How lines become paragraphs (`--paragraphs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ParagraphMode {
    /// Decide per block from line lengths and endings.
    #[default]
    Auto,
    /// Every line is a paragraph (scraped pages).
    Lines,
    /// Only blank lines end paragraphs; single newlines are soft wraps.
    Blank,
}

/// Analyse a document: paragraphs, sentences, quotes. Never fails; strange input is flagged.
///
/// Stages: [`clean::Cleaned`] (hygiene with an offset map) → [`paragraphs::split`] →
/// [`sentences::split`] (and [`sentences::sub_split`] for sentences longer than
/// [`Options::max_sentence_chars`]) → [`boilerplate::flag`] → quotes. All spans are found in the
/// cleaned text and mapped back to byte offsets of `input`.
pub fn analyze(input: &str, options: &Options) -> Analysis {
    analyze_with_voices(input, options, options.rerank_speakers).0
}

/// [`analyze`], with the page's voices (who it writes as speaking) for the speaker pass.
fn analyze_with_voices(
    input: &str,
    options: &Options,
    voices: bool,
) -> (Analysis, Vec<quotes::Voice>) {
    let paragraphs = paragraphs_of(input, options);
    let (mut quotes, voices) = if voices {
        quotes::find_quotes_and_voices(input, &paragraphs)
    } else {
        (quotes::find_quotes(input, &paragraphs), Vec::new())
    };
    if options.rerank_speakers {
        quotes::rerank_speakers(input, &paragraphs, &mut quotes, &voices);
    }
    (Analysis { paragraphs, quotes }, voices)
}

/// The paragraphs of `input` with their sentences and boilerplate flags: every stage of
/// [`analyze`] before the quotes.
fn paragraphs_of(input: &str, options: &Options) -> Vec<Paragraph> {
    let cleaned = clean::Cleaned::new(input);
    let para_spans = paragraphs::split(&cleaned.text, options.paragraphs);
    let para_texts: Vec<&str> = para_spans
        .iter()
        .map(|&(s, e)| &cleaned.text[s..e])
        .collect();
    let furniture = boilerplate::flag(&para_texts);
    let mut paragraphs = Vec::with_capacity(para_spans.len());
    for (&(ps, pe), (&ptext, &boilerplate)) in
        para_spans.iter().zip(para_texts.iter().zip(&furniture))
    {
        let Some((start, end)) = original_span(input, &cleaned, ps, pe) else {
            continue;
        };
        // (original start, original end, cleaned start, cleaned end) per sentence.
        let mut spans: Vec<(usize, usize, usize, usize)> = Vec::new();
        for (s, e) in sentences::split(ptext) {
            if let Some((ss, se)) = original_span(input, &cleaned, ps + s, ps + e) {
                match spans.last_mut() {
                    // One original character may clean to several (`ﷺ`); a cut inside them
                    // has no original offset, so such pieces merge.
                    Some(last) if ss < last.1 => {
                        last.1 = last.1.max(se);
                        last.3 = ps + e;
                    }
                    _ => spans.push((ss, se, ps + s, ps + e)),
                }
            }
        }
        let mut sentences = Vec::with_capacity(spans.len());
        for (ss, se, cs, ce) in spans {
            let sentence_text = &cleaned.text[cs..ce];
            let mut parts: Vec<(usize, usize)> = Vec::new();
            if sentence_text.chars().count() > options.max_sentence_chars {
                for (a, b) in sentences::sub_split(sentence_text, options.max_sentence_chars) {
                    if let Some((pa, pb)) = original_span(input, &cleaned, cs + a, cs + b) {
                        match parts.last_mut() {
                            Some(last) if pa < last.1 => last.1 = last.1.max(pb),
                            _ => parts.push((pa, pb)),
                        }
                    }
                }
                if parts.len() < 2 {
                    parts.clear();
                }
            }
            sentences.push(Sentence {
                index: sentences.len(),
                text: input[ss..se].to_string(),
                start: ss,
                end: se,
                parts,
            });
        }
        paragraphs.push(Paragraph {
            index: paragraphs.len(),
            text: input[start..end].to_string(),
            start,
            end,
            boilerplate,
            sentences,
        });
    }
    paragraphs
}

/// The speaker re-ranker's candidates and features for each speech quote of `input`, before
/// it chooses (what `scripts/train_speaker_reranker.py` trains on; `segment
/// --speaker-features`).
pub fn speaker_candidates(input: &str, options: &Options) -> Vec<quotes::rerank::Candidates> {
    let (analysis, voices) = rules_with_voices(input, options);
    quotes::speaker_candidates(input, &analysis.paragraphs, &analysis.quotes, &voices)
}

/// The calibration features of each speech quote's speaker as the speaker pass chooses it
/// (what `scripts/train_speaker_reranker.py --calibration` trains on; `segment
/// --confidence-features`).
pub fn confidence_candidates(input: &str, options: &Options) -> Vec<quotes::rerank::Candidates> {
    let (analysis, voices) = rules_with_voices(input, options);
    quotes::confidence_candidates(input, &analysis.paragraphs, &analysis.quotes, &voices)
}

/// The speech model's evidence on each marked quote of `input` (what
/// `scripts/train_speech_classifier.py` trains on; `segment --speech-features`).
pub fn speech_features(input: &str, options: &Options) -> Vec<quotes::SpeechRow> {
    quotes::speech_features(input, &paragraphs_of(input, options))
}

/// The rules' analysis of `input` (no learned speaker pass) with the page's voices: what the
/// speaker pass starts from.
fn rules_with_voices(input: &str, options: &Options) -> (Analysis, Vec<quotes::Voice>) {
    let options = Options {
        rerank_speakers: false,
        ..options.clone()
    };
    analyze_with_voices(input, &options, true)
}

/// Map a span of the cleaned text to the original and trim it; `None` if nothing is left.
fn original_span(
    input: &str,
    cleaned: &clean::Cleaned,
    start: usize,
    end: usize,
) -> Option<(usize, usize)> {
    let (s, e) = cleaned.to_original(start, end);
    paragraphs::trim_span(input, s, e)
}

/// The analysis of one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Analysis {
    /// Paragraphs in document order.
    pub paragraphs: Vec<Paragraph>,
    /// Quotes (speech and non-speech) in document order.
    pub quotes: Vec<Quote>,
}

/// One paragraph of the input.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Paragraph {
    /// Position in the document, from 0.
    pub index: usize,
    /// The original text of the paragraph's span, trimmed.
    pub text: String,
    /// Byte offset of the span's start in the input.
    pub start: usize,
    /// Byte offset of the span's end in the input (exclusive).
    pub end: usize,
    /// Page furniture (timestamps, comment widgets, hashtags, related-story teasers, …).
    pub boilerplate: bool,
    /// Sentences in order; they cover the paragraph.
    pub sentences: Vec<Sentence>,
}

/// One sentence inside a paragraph.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sentence {
    /// Position in its paragraph, from 0.
    pub index: usize,
    /// The original text of the sentence's span, trimmed.
    pub text: String,
    /// Byte offset of the span's start in the input.
    pub start: usize,
    /// Byte offset of the span's end in the input (exclusive).
    pub end: usize,
    /// When the sentence was longer than [`Options::max_sentence_chars`]: the byte spans (into
    /// the input) of its parts, in order, each trimmed; the first starts at `start`, the last
    /// ends at `end`, and only whitespace (or characters hygiene removes) lies between them.
    /// Empty when it was not sub-split. Serialised as `"parts": [[start, end], …]`, omitted when
    /// empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<(usize, usize)>,
}

/// A quoted span: speech (with speaker) or a quoted name, title or scare quote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// Position among the document's quotes, from 0.
    pub index: usize,
    /// The quoted content without its marks.
    pub text: String,
    /// True when the quote is someone speaking.
    pub speech: bool,
    /// `direct`, `partial` (speech) or another kind for non-speech (`name`, `title`, `scare`).
    pub kind: String,
    /// Canonical speaker name (the fullest mention in the document), if found.
    pub speaker: Option<String>,
    /// The reporting cue (e.g. `وقال`), if found.
    pub cue: Option<String>,
    /// Confidence of the speech/speaker decision, 0..=1. For a speech quote after the learned
    /// speaker pass (the default), the calibrated probability that it is speech by this
    /// speaker, and without the pass the rules' confidence; for other quotes the speech
    /// model's probability that they are not speech (see `text::quotes`).
    pub confidence: f32,
    /// Paragraph where the quote starts.
    pub paragraph: usize,
    /// Paragraph where the quote ends.
    pub paragraph_end: usize,
    /// The (paragraph, sentence) pairs the quote overlaps.
    pub sentences: Vec<(usize, usize)>,
    /// Byte offset of the quote's start (at its opening mark) in the input.
    pub start: usize,
    /// Byte offset of the quote's end (after its closing mark) in the input (exclusive).
    pub end: usize,
    /// Flags such as `unclosed`.
    pub flags: Vec<String>,
}
