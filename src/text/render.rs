//! The `--format text` view of an [`Analysis`]: paragraph by paragraph, one sentence per line.

use super::Analysis;

/// Render an analysis as plain text: a `¶N` header per paragraph (`¶N [boilerplate]` for page
/// furniture), then its sentences one per line, each prefixed with its index; sub-split parts
/// of long sentences follow their sentence, indented and marked `…`. Paragraphs are separated by
/// a blank line. Line breaks inside a sentence (soft wraps) are shown as spaces.
pub fn segment_text(analysis: &Analysis) -> String {
    let mut out = String::new();
    for (i, p) in analysis.paragraphs.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&format!("¶{}", p.index));
        if p.boilerplate {
            out.push_str(" [boilerplate]");
        }
        out.push('\n');
        for s in &p.sentences {
            out.push_str(&format!("  {}. {}\n", s.index, one_line(&s.text)));
            for &(a, b) in &s.parts {
                let offset = a.saturating_sub(s.start);
                let len = b.saturating_sub(a);
                let part = s.text.get(offset..offset + len).unwrap_or("");
                out.push_str(&format!("     … {}\n", one_line(part)));
            }
        }
    }
    out
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
