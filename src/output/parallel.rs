//! `parallel`: two line-aligned files, `<stem>.ar` and `<stem>.en` (Moses/OPUS style).
//!
//! Line N of each file is the N-th sentence of the document in order (the order of the `tsv`
//! and `jsonl` outputs, so line N there names its id). Every line break and tab inside a
//! sentence becomes a space, and control characters are dropped, so both files have exactly
//! one line per sentence. An untranslated sentence is an empty line in `.en`.

use std::io::{self, Write};

use super::escape::one_line;
use crate::doc::Document;

/// Writes the Arabic lines to `ar` and the English lines to `en`.
pub fn write(doc: &Document, ar: &mut dyn Write, en: &mut dyn Write) -> io::Result<()> {
    for (_, s) in doc.sentences() {
        writeln!(ar, "{}", one_line(&s.text))?;
        writeln!(en, "{}", one_line(s.translation.as_deref().unwrap_or("")))?;
    }
    Ok(())
}
