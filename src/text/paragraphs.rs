//! Paragraphs (rule R1 of arabic-text.md): blank lines end paragraphs; a single newline is a
//! paragraph break in scraped pages (one HTML block per line) or a soft wrap in hard-wrapped
//! text. [`ParagraphMode::Auto`] decides per block.

use super::sentences::{bullet_marker_len, is_terminator};
use super::ParagraphMode;

/// Split cleaned text into paragraphs: byte spans, trimmed, in order, never empty.
pub fn split(text: &str, mode: ParagraphMode) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut block: Vec<(usize, usize)> = Vec::new();
    let mut line_start = 0;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), '\n')))
    {
        if c != '\n' {
            continue;
        }
        match trim_span(text, line_start, i) {
            Some(line) => block.push(line),
            None => flush_block(text, &mut block, mode, &mut out),
        }
        line_start = i + 1;
    }
    flush_block(text, &mut block, mode, &mut out);
    out
}

/// Turn one block of non-blank lines into paragraphs.
fn flush_block(
    text: &str,
    block: &mut Vec<(usize, usize)>,
    mode: ParagraphMode,
    out: &mut Vec<(usize, usize)>,
) {
    if block.is_empty() {
        return;
    }
    let wrapped = match mode {
        ParagraphMode::Lines => false,
        ParagraphMode::Blank => true,
        ParagraphMode::Auto => looks_wrapped(text, block),
    };
    if !wrapped {
        out.append(block);
        return;
    }
    if mode == ParagraphMode::Blank {
        out.push((block[0].0, block[block.len() - 1].1));
        block.clear();
        return;
    }
    // Auto-detected wrapped text: a short line that ends a sentence also ends its paragraph
    // (the classic unwrapping cue), otherwise lines join.
    let median = median_len(text, block);
    let mut start = block[0].0;
    for (k, &(s, e)) in block.iter().enumerate() {
        let last = k + 1 == block.len();
        let short_end = char_len(text, s, e) * 10 < median * 8 && ends_sentence(&text[s..e]);
        if last || short_end {
            out.push((start, e));
            if let Some(next) = block.get(k + 1) {
                start = next.0;
            }
        }
    }
    block.clear();
}

/// Shortest median line length (chars) of hard-wrapped text; shorter lines are labels.
const MIN_WRAP_WIDTH: usize = 25;

/// R1 auto rule: ≥3 lines, not a list, most lines (except the last) end without a terminator,
/// and those open lines are within ±20% of their median length (lines that end a sentence may
/// be short: they end a paragraph inside the block).
fn looks_wrapped(text: &str, block: &[(usize, usize)]) -> bool {
    if block.len() < 3 {
        return false;
    }
    let bullets = block
        .iter()
        .filter(|&&(s, e)| bullet_marker_len(&text[s..e]).is_some())
        .count();
    if bullets * 2 >= block.len() {
        return false;
    }
    let body = &block[..block.len() - 1];
    let open: Vec<(usize, usize)> = body
        .iter()
        .copied()
        .filter(|&(s, e)| !ends_sentence(&text[s..e]))
        .collect();
    if open.len() < 2 || open.len() * 2 <= body.len() {
        return false;
    }
    let median = median_len(text, &open);
    median >= MIN_WRAP_WIDTH
        && open.iter().all(|&(s, e)| {
            let n = char_len(text, s, e);
            n * 10 >= median * 8 && n * 10 <= median * 12
        })
}

/// Whether a line ends with a terminator, possibly followed by closing marks.
fn ends_sentence(line: &str) -> bool {
    line.chars()
        .rev()
        .find(|&c| !super::sentences::is_closer(c))
        .is_some_and(is_terminator)
}

fn median_len(text: &str, lines: &[(usize, usize)]) -> usize {
    let mut lens: Vec<usize> = lines.iter().map(|&(s, e)| char_len(text, s, e)).collect();
    lens.sort_unstable();
    lens.get(lens.len() / 2).copied().unwrap_or(0)
}

fn char_len(text: &str, s: usize, e: usize) -> usize {
    text[s..e].chars().count()
}

/// Trim whitespace from a byte span; `None` when nothing is left.
pub(crate) fn trim_span(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let slice = &text[start..end];
    let trimmed_start = slice.len() - slice.trim_start().len();
    let trimmed = slice.trim();
    if trimmed.is_empty() {
        None
    } else {
        Some((start + trimmed_start, start + trimmed_start + trimmed.len()))
    }
}
