//! `xliff`: XLIFF 2.0 (OASIS core), one `<unit>` per paragraph, one `<segment>` per sentence.
//!
//! ```xml
//! <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="ar" trgLang="en">
//!   <file id="f1" original="article" srcDir="rtl" trgDir="ltr">
//!     <unit id="p3">
//!       <notes>
//!         <note category="boilerplate">…</note>        (boilerplate paragraphs)
//!         <note category="sentence">p3.s1: score -0.4100; flags: sub-split</note>
//!         <note category="quote" id="q2">…</note>      (quotes starting in this paragraph)
//!       </notes>
//!       <segment id="p3.s1" state="translated">
//!         <source>…</source><target>…</target>
//!       </segment>
//!       <ignorable><source> </source></ignorable>      (between sentences)
//!       <segment id="p3.s2" state="initial"><source>…</source></segment>
//!     </unit>
//!   </file>
//! </xliff>
//! ```
//!
//! A translated sentence is `state="translated"` with a `<target>`; an untranslated one is
//! `state="initial"` without one (its reason is in the sentence note). The ignorables hold the
//! space between sentences so that joining a unit's sources gives back the paragraph's
//! sentences with one space between them. A boilerplate paragraph left untranslated on request
//! gets `translate="no"`. Text is escaped and characters XML 1.0 forbids are dropped.

use std::io::{self, Write};

use super::common::{flags_text, quote_english, quote_sentence_ids};
use super::escape::{xml_attr, xml_text};
use crate::doc::{Document, Flag, Paragraph, Quote};

/// Writes the `xliff` format.
pub fn write(doc: &Document, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="ar" trgLang="en">"#
    )?;
    writeln!(
        out,
        r#"  <file id="f1" original="{}" srcDir="rtl" trgDir="ltr">"#,
        xml_attr(&doc.id)
    )?;
    for p in &doc.paragraphs {
        let skipped = p
            .sentences
            .iter()
            .all(|s| s.flags.contains(&Flag::BoilerplateSkipped));
        let translate = if skipped { r#" translate="no""# } else { "" };
        writeln!(out, r#"    <unit id="{}"{translate}>"#, xml_attr(&p.id))?;
        let quotes: Vec<&Quote> = doc
            .quotes
            .iter()
            .filter(|q| q.paragraph == p.number)
            .collect();
        notes(out, p, &quotes)?;
        for (j, s) in p.sentences.iter().enumerate() {
            if j > 0 {
                writeln!(out, "      <ignorable><source> </source></ignorable>")?;
            }
            let state = if s.translation.is_some() {
                "translated"
            } else {
                "initial"
            };
            writeln!(
                out,
                r#"      <segment id="{}" state="{state}">"#,
                xml_attr(&s.id)
            )?;
            writeln!(out, "        <source>{}</source>", xml_text(&s.text))?;
            if let Some(english) = &s.translation {
                writeln!(out, "        <target>{}</target>", xml_text(english))?;
            }
            writeln!(out, "      </segment>")?;
        }
        writeln!(out, "    </unit>")?;
    }
    writeln!(out, "  </file>")?;
    writeln!(out, "</xliff>")
}

fn notes(out: &mut dyn Write, p: &Paragraph, quotes: &[&Quote]) -> io::Result<()> {
    let mut lines = Vec::new();
    if p.boilerplate {
        lines.push((
            String::new(),
            "boilerplate",
            "page furniture (boilerplate), not article text".to_string(),
        ));
    }
    for s in &p.sentences {
        let mut about = Vec::new();
        if let Some(score) = s.score {
            about.push(format!("score {score:.4}"));
        }
        if !s.flags.is_empty() {
            about.push(format!("flags: {}", flags_text(&s.flags)));
        }
        if !about.is_empty() {
            lines.push((
                String::new(),
                "sentence",
                format!("{}: {}", s.id, about.join("; ")),
            ));
        }
    }
    for q in quotes {
        lines.push((
            format!(r#" id="{}""#, xml_attr(&q.id)),
            "quote",
            quote_note(q),
        ));
    }
    if lines.is_empty() {
        return Ok(());
    }
    writeln!(out, "      <notes>")?;
    for (id, category, text) in lines {
        writeln!(
            out,
            r#"        <note{id} category="{category}">{}</note>"#,
            xml_text(&text)
        )?;
    }
    writeln!(out, "      </notes>")
}

fn quote_note(q: &Quote) -> String {
    let mut parts = vec![format!("{} {}", q.id, q.kind)];
    if let Some(speaker) = &q.speaker {
        parts.push(format!("speaker: {speaker}"));
    }
    if let Some(cue) = &q.cue {
        parts.push(format!("cue: {cue}"));
    }
    parts.push(format!("ar: {}", q.text));
    if let Some(english) = quote_english(q) {
        parts.push(format!("en: {english}"));
    }
    parts.push(format!("sentences: {}", quote_sentence_ids(q).join(" ")));
    if !q.flags.is_empty() {
        parts.push(format!("flags: {}", flags_text(&q.flags)));
    }
    parts.join("; ")
}
