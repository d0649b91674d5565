//! `text`: plain text for reading.
//!
//! ```text
//! tarjama: <doc id>
//! <summary line>
//!
//! [p1]
//! <Arabic paragraph, as in the input>
//! <English: the paragraph's sentences joined by spaces>
//! flags: p1.s2 sub-split
//!
//! [p12] boilerplate
//! …
//!
//! Quoted speech
//! =============
//!
//! [q1] <speaker> — <Arabic quote> — <English quote>
//!     (p2.s1; direct; cue وقال; quote-marks-lost)
//!
//! Other quoted terms
//! ==================
//!
//! [q3] name — <Arabic> (p4.s1)
//! ```
//!
//! An untranslated sentence shows as `[p1.s2 untranslated: <reason>]` in the English. The flags
//! line is left out when no sentence of the paragraph has a flag.

use std::io::{self, Write};

use super::common::{flags_text, missing_translation, quote_english, quote_sentence_ids, summary};
use super::escape::{one_line, plain};
use crate::doc::Document;

/// Writes the `text` format.
pub fn write(doc: &Document, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "tarjama: {}", one_line(&doc.id))?;
    writeln!(out, "{}", summary(doc))?;
    for p in &doc.paragraphs {
        let label = if p.boilerplate { " boilerplate" } else { "" };
        writeln!(out, "\n[{}]{label}", p.id)?;
        writeln!(out, "{}", plain(&p.text))?;
        let english: Vec<String> = p
            .sentences
            .iter()
            .map(|s| match &s.translation {
                Some(t) => one_line(t),
                None => missing_translation(s),
            })
            .collect();
        writeln!(out, "{}", english.join(" "))?;
        let flagged: Vec<String> = p
            .sentences
            .iter()
            .filter(|s| !s.flags.is_empty())
            .map(|s| format!("{} {}", s.id, one_line(&flags_text(&s.flags))))
            .collect();
        if !flagged.is_empty() {
            writeln!(out, "flags: {}", flagged.join(" | "))?;
        }
    }

    let (speech, other): (Vec<_>, Vec<_>) = doc.quotes.iter().partition(|q| q.speech);
    if !speech.is_empty() {
        writeln!(out, "\nQuoted speech\n=============\n")?;
        for q in speech {
            let speaker = q.speaker.as_deref().unwrap_or("(speaker unknown)");
            let english = quote_english(q).unwrap_or_else(|| "[untranslated]".to_string());
            writeln!(
                out,
                "[{}] {} — {} — {}",
                q.id,
                one_line(speaker),
                one_line(&q.text),
                one_line(&english)
            )?;
            let mut about = vec![quote_sentence_ids(q).join(" "), one_line(&q.kind)];
            if let Some(cue) = &q.cue {
                about.push(format!("cue {}", one_line(cue)));
            }
            if !q.flags.is_empty() {
                about.push(one_line(&flags_text(&q.flags)));
            }
            writeln!(out, "    ({})", about.join("; "))?;
        }
    }
    if !other.is_empty() {
        writeln!(out, "\nOther quoted terms\n==================\n")?;
        for q in other {
            writeln!(
                out,
                "[{}] {} — {} ({})",
                q.id,
                one_line(&q.kind),
                one_line(&q.text),
                quote_sentence_ids(q).join(" ")
            )?;
        }
    }
    Ok(())
}
