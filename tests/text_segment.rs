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
    a.paragraphs[0].sentences.iter().map(|s| s.text.clone()).collect()
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
        let p = if self.found == 0 { 1.0 } else { self.tp as f64 / self.found as f64 };
        let r = if self.gold == 0 { 1.0 } else { self.tp as f64 / self.gold as f64 };
        let f = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
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
    let s = text[..at].char_indices().rev().nth(20).map_or(0, |(i, _)| i);
    let e = text[at..].char_indices().nth(20).map_or(text.len(), |(i, _)| at + i);
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
    println!("sample page: boilerplate flags right {bp_right}/{}", gold.len());
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
