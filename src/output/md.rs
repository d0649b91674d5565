//! `md`: the `text` content as Markdown: a section per paragraph with a table of its
//! sentences, then the quotes.
//!
//! ```markdown
//! # tarjama: article
//!
//! <summary line>
//!
//! ## p1
//!
//! | id | Arabic | English | flags |
//! |---|---|---|---|
//! | p1.s1 | … | … | |
//!
//! ## p12 (boilerplate)
//! …
//!
//! ## Quoted speech
//!
//! | id | speaker | confidence | Arabic | English | sentences | flags |
//! |---|---|---|---|---|---|---|
//! | q1 | … | 0.93 | … | … | p2.s1 | |
//!
//! ## Other quoted terms
//!
//! | id | kind | Arabic | sentences |
//! ```
//!
//! Cell text is kept on one line and Markdown/HTML syntax characters (`\ * _ [ ] < > | # ~ & !
//! $` and backquote) are backslash-escaped, so input text never becomes markup. An untranslated
//! sentence's English cell is the reason in italics (`*[p1.s2 untranslated: …]*`).

use std::io::{self, Write};

use super::common::{
    confidence_text, flags_text, missing_translation, quote_english, quote_sentence_ids, summary,
};
use super::escape::markdown;
use crate::doc::Document;

/// Writes the `md` format.
pub fn write(doc: &Document, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "# tarjama: {}\n", markdown(&doc.id))?;
    writeln!(out, "{}", summary(doc))?;
    for p in &doc.paragraphs {
        let label = if p.boilerplate { " (boilerplate)" } else { "" };
        writeln!(out, "\n## {}{label}\n", p.id)?;
        writeln!(out, "| id | Arabic | English | flags |")?;
        writeln!(out, "|---|---|---|---|")?;
        for s in &p.sentences {
            let english = match &s.translation {
                Some(t) => markdown(t),
                None => format!("*{}*", markdown(&missing_translation(s))),
            };
            writeln!(
                out,
                "| {} | {} | {} | {} |",
                s.id,
                markdown(&s.text),
                english,
                markdown(&flags_text(&s.flags))
            )?;
        }
    }
    let (speech, other): (Vec<_>, Vec<_>) = doc.quotes.iter().partition(|q| q.speech);
    if !speech.is_empty() {
        writeln!(out, "\n## Quoted speech\n")?;
        writeln!(
            out,
            "| id | speaker | confidence | Arabic | English | sentences | flags |"
        )?;
        writeln!(out, "|---|---|---|---|---|---|---|")?;
        for q in speech {
            let english = quote_english(q)
                .map(|e| markdown(&e))
                .unwrap_or_else(|| "*\\[untranslated\\]*".to_string());
            writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} | {} |",
                q.id,
                markdown(q.speaker.as_deref().unwrap_or("(speaker unknown)")),
                confidence_text(q.confidence),
                markdown(&q.text),
                english,
                quote_sentence_ids(q).join(" "),
                markdown(&flags_text(&q.flags))
            )?;
        }
    }
    if !other.is_empty() {
        writeln!(out, "\n## Other quoted terms\n")?;
        writeln!(out, "| id | kind | Arabic | sentences |")?;
        writeln!(out, "|---|---|---|---|")?;
        for q in other {
            writeln!(
                out,
                "| {} | {} | {} | {} |",
                q.id,
                markdown(&q.kind),
                markdown(&q.text),
                quote_sentence_ids(q).join(" ")
            )?;
        }
    }
    Ok(())
}
