//! `tsv`: a header line, then one line per sentence in document order.
//!
//! Columns: `id`, `ar`, `en`, `score`, `flags`. `en` and `score` are empty when the sentence
//! is untranslated; `score` has four decimals; `flags` are joined by `; `.
//!
//! Escaping inside fields (so that every record is one line of exactly five fields):
//! backslash → `\\`, tab → `\t`, newline → `\n`, carriage return → `\r`; other line breaks
//! (U+0085, U+2028, U+2029, VT, FF) become spaces and other control characters are dropped.

use std::io::{self, Write};

use super::common::flags_text;
use super::escape::tsv_field;
use crate::doc::Document;

/// Writes the `tsv` format.
pub fn write(doc: &Document, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "id\tar\ten\tscore\tflags")?;
    for (_, s) in doc.sentences() {
        let score = s.score.map(|v| format!("{v:.4}")).unwrap_or_default();
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}",
            s.id,
            tsv_field(&s.text),
            tsv_field(s.translation.as_deref().unwrap_or("")),
            score,
            tsv_field(&flags_text(&s.flags)),
        )?;
    }
    Ok(())
}
