//! `tmx`: TMX 1.4b, one `<tu>` per sentence (bilingual ar → en).
//!
//! ```xml
//! <tmx version="1.4">
//!   <header creationtool="tarjama" creationtoolversion="…" segtype="sentence" o-tmf="tarjama"
//!           adminlang="en" srclang="ar" datatype="plaintext">
//!     <prop type="x-document">article</prop>
//!   </header>
//!   <body>
//!     <tu tuid="article:p3.s1">
//!       <prop type="x-paragraph">p3</prop>
//!       <prop type="x-sentence">p3.s1</prop>
//!       <prop type="x-score">-0.4100</prop>          (when translated)
//!       <prop type="x-flags">sub-split</prop>        (when flagged)
//!       <prop type="x-boilerplate">yes</prop>        (boilerplate paragraphs)
//!       <prop type="x-quote">q2</prop>               (one per overlapping quote)
//!       <tuv xml:lang="ar"><seg>…</seg></tuv>
//!       <tuv xml:lang="en"><seg>…</seg></tuv>        (left out when untranslated)
//!     </tu>
//!   </body>
//! </tmx>
//! ```
//!
//! Every sentence has its `tu`, so ids in = ids out; an untranslated one has only its Arabic
//! `tuv` (the DTD allows one or more). No creation date is written (outputs are reproducible).
//! Text is escaped and characters XML 1.0 forbids are dropped.

use std::io::{self, Write};

use super::common::flags_text;
use super::escape::{xml_attr, xml_text};
use crate::doc::Document;

/// Writes the `tmx` format.
pub fn write(doc: &Document, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(out, r#"<tmx version="1.4">"#)?;
    writeln!(
        out,
        r#"  <header creationtool="tarjama" creationtoolversion="{}" segtype="sentence" o-tmf="tarjama" adminlang="en" srclang="ar" datatype="plaintext">"#,
        env!("CARGO_PKG_VERSION")
    )?;
    writeln!(
        out,
        r#"    <prop type="x-document">{}</prop>"#,
        xml_text(&doc.id)
    )?;
    writeln!(out, "  </header>")?;
    writeln!(out, "  <body>")?;
    for (p, s) in doc.sentences() {
        writeln!(
            out,
            r#"    <tu tuid="{}">"#,
            xml_attr(&format!("{}:{}", doc.id, s.id))
        )?;
        prop(out, "x-paragraph", &p.id)?;
        prop(out, "x-sentence", &s.id)?;
        if let Some(score) = s.score {
            prop(out, "x-score", &format!("{score:.4}"))?;
        }
        if !s.flags.is_empty() {
            prop(out, "x-flags", &flags_text(&s.flags))?;
        }
        if p.boilerplate {
            prop(out, "x-boilerplate", "yes")?;
        }
        for q in &s.quotes {
            prop(out, "x-quote", &q.quote)?;
        }
        tuv(out, "ar", &s.text)?;
        if let Some(english) = &s.translation {
            tuv(out, "en", english)?;
        }
        writeln!(out, "    </tu>")?;
    }
    writeln!(out, "  </body>")?;
    writeln!(out, "</tmx>")
}

fn prop(out: &mut dyn Write, kind: &str, value: &str) -> io::Result<()> {
    writeln!(
        out,
        r#"      <prop type="{}">{}</prop>"#,
        xml_attr(kind),
        xml_text(value)
    )
}

fn tuv(out: &mut dyn Write, lang: &str, text: &str) -> io::Result<()> {
    // No indentation inside <seg>: its whitespace is content.
    writeln!(
        out,
        r#"      <tuv xml:lang="{lang}"><seg>{}</seg></tuv>"#,
        xml_text(text)
    )
}
