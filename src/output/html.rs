//! `html`: a self-contained side-by-side review page.
//!
//! * A table with one row per sentence (`<tr id="p3.s1">`), grouped by paragraph
//!   (`<tbody id="p3">`): id, Arabic (`lang="ar" dir="rtl"`), English (`lang="en" dir="ltr"`)
//!   with its score and flags.
//! * Quotes highlighted in both columns as `<mark class="q" data-q="q2">` (speech) or
//!   `<mark class="q term">` (names, titles), and listed in a panel (`<aside id="quotes">`,
//!   rows `<tr id="q2">`) with speaker, cue, Arabic, English and links to their sentences.
//!   A speech quote's confidence (the calibrated probability that its speaker is right) is
//!   shown beside it, and a speaker under `common::UNSURE` (0.5) is marked for the reviewer to
//!   check.
//! * Boilerplate paragraphs are greyed and labelled; a checkbox hides them (CSS only).
//! * No script, no external asset; fonts are the system's (Arabic-capable families first).
//! * All text is escaped: input holding `<script>` shows as text. Metadata beside text
//!   (ids, speakers) is wrapped in `<bdi>` so that it does not reorder its neighbours.
//!
//! The markup is also well-formed XML (void elements self-closed, no unescaped `&` or `<`),
//! so tests and tools can read it with an XML parser.

use std::io::{self, Write};

use super::common::{quote_english, quote_sentence_ids, summary, unsure};
use super::escape::html as esc;
use crate::doc::{Document, Flag, Paragraph, Quote, Sentence, Span};

const STYLE: &str = r#"
:root { color-scheme: light; }
body { margin: 0; background: #f5f6f8; color: #1d2127;
  font-family: system-ui, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", "DejaVu Sans", sans-serif; }
[lang="ar"] { font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "Geeza Pro", "Arabic Typesetting",
  "Traditional Arabic", "Segoe UI", Tahoma, "DejaVu Sans", sans-serif; font-size: 1.12em; line-height: 1.75; }
header { padding: .8rem 1.2rem; background: #23344d; color: #fff; }
header h1 { margin: 0 0 .2rem; font-size: 1.2rem; }
header p { margin: 0; opacity: .85; font-size: .9rem; }
.controls { font-size: .9rem; color: #33415c; }
#hide-bp { margin: .7rem .4rem .7rem 1.2rem; vertical-align: middle; }
.layout { display: grid; grid-template-columns: minmax(0, 1fr) 27rem; gap: 1rem; padding: 0 1.2rem 2rem; align-items: start; }
table { border-collapse: collapse; width: 100%; background: #fff; }
table.align { table-layout: fixed; }
col.id { width: 5.5rem; }
th, td { padding: .45rem .6rem; vertical-align: top; border-bottom: 1px solid #e1e4e8; text-align: start;
  overflow-wrap: anywhere; }
thead th { background: #eef1f5; font-size: .85rem; }
tr.phead th { background: #dfe6f0; font-size: .8rem; color: #33415c; }
td.id { font-size: .75rem; color: #5b6576; white-space: nowrap; }
td.id a { color: #5b6576; }
tbody.boilerplate td, tbody.boilerplate th { background: #eeeeee; color: #7a7a7a; }
.badge { display: inline-block; font-size: .72rem; padding: 0 .45rem; border-radius: .6rem; margin: 0 .15rem;
  background: #c9ced6; color: #333; font-family: system-ui, sans-serif; }
.flag { display: inline-block; font-size: .72rem; padding: 0 .45rem; border-radius: .6rem; margin: .15rem .15rem 0 0;
  background: #fde2e1; color: #8b1d18; font-family: system-ui, sans-serif; }
.meta { margin-top: .25rem; }
.score { font-size: .72rem; color: #667085; margin-right: .4rem; }
.missing { color: #9b2c2c; font-style: italic; }
mark.q { background: #fff0a8; border-radius: 3px; padding: 0 1px; }
mark.q.term { background: #dbe7ff; }
aside { position: sticky; top: .5rem; max-height: calc(100vh - 1rem); overflow: auto; }
aside h2 { font-size: 1rem; margin: .2rem 0 .5rem; }
aside td { font-size: .85rem; }
aside td.ar { text-align: right; }
.speaker { font-weight: 600; }
.speaker.unsure { color: #9b2c2c; }
.speaker.unsure::after { content: " ?"; }
.conf { font-size: .72rem; color: #667085; }
#hide-bp:checked ~ .layout tbody.boilerplate { display: none; }
@media (max-width: 1100px) { .layout { grid-template-columns: 1fr; } aside { position: static; max-height: none; } }
"#;

/// Writes the `html` format.
pub fn write(doc: &Document, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "<!DOCTYPE html>")?;
    writeln!(out, r#"<html lang="en">"#)?;
    writeln!(out, "<head>")?;
    writeln!(out, r#"<meta charset="utf-8"/>"#)?;
    writeln!(
        out,
        r#"<meta name="viewport" content="width=device-width, initial-scale=1"/>"#
    )?;
    writeln!(out, "<title>tarjama: {}</title>", esc(&doc.id))?;
    writeln!(out, "<style>{STYLE}</style>")?;
    writeln!(out, "</head>")?;
    writeln!(out, "<body>")?;
    writeln!(
        out,
        "<header><h1>tarjama: <bdi>{}</bdi></h1><p>{}</p></header>",
        esc(&doc.id),
        esc(&summary(doc))
    )?;
    writeln!(out, r#"<input type="checkbox" id="hide-bp"/>"#)?;
    writeln!(
        out,
        r#"<label for="hide-bp" class="controls">Hide boilerplate paragraphs</label>"#
    )?;
    writeln!(out, r#"<div class="layout">"#)?;
    writeln!(out, "<main>")?;
    writeln!(out, r#"<table class="align">"#)?;
    writeln!(
        out,
        r#"<colgroup><col class="id"/><col class="ar"/><col class="en"/></colgroup>"#
    )?;
    writeln!(
        out,
        r#"<thead><tr><th>id</th><th lang="ar" dir="rtl">العربية</th><th>English</th></tr></thead>"#
    )?;
    for p in &doc.paragraphs {
        paragraph(out, doc, p)?;
    }
    writeln!(out, "</table>")?;
    writeln!(out, "</main>")?;
    quotes_panel(out, doc)?;
    writeln!(out, "</div>")?;
    writeln!(out, "</body>")?;
    writeln!(out, "</html>")
}

fn paragraph(out: &mut dyn Write, doc: &Document, p: &Paragraph) -> io::Result<()> {
    let class = if p.boilerplate {
        "para boilerplate"
    } else {
        "para"
    };
    writeln!(out, r#"<tbody id="{}" class="{class}">"#, esc(&p.id))?;
    let badge = if p.boilerplate {
        r#" <span class="badge">boilerplate</span>"#
    } else {
        ""
    };
    writeln!(
        out,
        r#"<tr class="phead"><th colspan="3"><bdi>{}</bdi>{badge}</th></tr>"#,
        esc(&p.id)
    )?;
    for s in &p.sentences {
        sentence(out, doc, s)?;
    }
    writeln!(out, "</tbody>")
}

fn sentence(out: &mut dyn Write, doc: &Document, s: &Sentence) -> io::Result<()> {
    let quote_links: Vec<String> = s
        .quotes
        .iter()
        .map(|q| format!(r##"<a href="#{0}">{0}</a>"##, esc(&q.quote)))
        .collect();
    let links = if quote_links.is_empty() {
        String::new()
    } else {
        format!("<br/>{}", quote_links.join(" "))
    };
    writeln!(
        out,
        r#"<tr id="{0}"><td class="id"><bdi>{0}</bdi>{links}</td>"#,
        esc(&s.id)
    )?;
    let ar_marks: Vec<(Span, &Quote)> = s
        .quotes
        .iter()
        .filter_map(|q| Some((q.ar?, doc.quote(&q.quote)?)))
        .collect();
    writeln!(
        out,
        r#"<td lang="ar" dir="rtl">{}</td>"#,
        highlight(&s.text, &ar_marks)
    )?;
    let english = match &s.translation {
        Some(t) => {
            let en_marks: Vec<(Span, &Quote)> = s
                .quotes
                .iter()
                .filter_map(|q| Some((q.en?, doc.quote(&q.quote)?)))
                .collect();
            highlight(t, &en_marks)
        }
        None => {
            let why = s
                .flags
                .iter()
                .find(|f| matches!(f, Flag::Untranslated(_) | Flag::BoilerplateSkipped))
                .map(|f| f.to_string())
                .unwrap_or_else(|| "untranslated".into());
            format!(r#"<span class="missing">[{}]</span>"#, esc(&why))
        }
    };
    let mut meta = String::new();
    if let Some(score) = s.score {
        meta.push_str(&format!(
            r#"<span class="score" title="mean log-probability of the output tokens">score {score:.2}</span>"#
        ));
    }
    for f in &s.flags {
        meta.push_str(&format!(
            r#"<span class="flag">{}</span>"#,
            esc(&f.to_string())
        ));
    }
    let meta = if meta.is_empty() {
        String::new()
    } else {
        format!(r#"<div class="meta">{meta}</div>"#)
    };
    writeln!(out, r#"<td lang="en" dir="ltr">{english}{meta}</td></tr>"#)
}

/// `text` escaped, with the given spans wrapped in `<mark>`; overlapping spans (nested quotes)
/// keep only the first, and spans not on character boundaries are ignored.
fn highlight(text: &str, spans: &[(Span, &Quote)]) -> String {
    let mut spans: Vec<&(Span, &Quote)> = spans
        .iter()
        .filter(|(sp, _)| sp.start < sp.end && text.get(sp.start..sp.end).is_some())
        .collect();
    spans.sort_by_key(|(sp, _)| (sp.start, std::cmp::Reverse(sp.end)));
    let mut html = String::new();
    let mut at = 0;
    for (sp, q) in spans {
        if sp.start < at {
            continue;
        }
        html.push_str(&esc(&text[at..sp.start]));
        let class = if q.speech { "q" } else { "q term" };
        let title = match &q.speaker {
            Some(speaker) => format!("{}: {}", q.id, speaker),
            None => format!("{} ({})", q.id, q.kind),
        };
        html.push_str(&format!(
            r#"<mark class="{class}" data-q="{}" title="{}">{}</mark>"#,
            esc(&q.id),
            esc(&title),
            esc(&text[sp.start..sp.end])
        ));
        at = sp.end;
    }
    html.push_str(&esc(&text[at..]));
    html
}

fn quotes_panel(out: &mut dyn Write, doc: &Document) -> io::Result<()> {
    writeln!(out, r#"<aside id="quotes">"#)?;
    let (speech, other): (Vec<&Quote>, Vec<&Quote>) = doc.quotes.iter().partition(|q| q.speech);
    writeln!(out, "<h2>Quoted speech ({})</h2>", speech.len())?;
    writeln!(out, "<table>")?;
    for q in speech {
        let speaker = q.speaker.as_deref().unwrap_or("speaker unknown");
        let cue = q
            .cue
            .as_deref()
            .map(|c| format!(r#" · <bdi lang="ar">{}</bdi>"#, esc(c)))
            .unwrap_or_default();
        let english = match quote_english(q) {
            Some(e) => esc(&e),
            None => r#"<span class="missing">[untranslated]</span>"#.to_string(),
        };
        writeln!(
            out,
            r#"<tr id="{0}"><td class="id"><bdi>{0}</bdi><br/>{1}</td><td>"#,
            esc(&q.id),
            sentence_links(q)
        )?;
        let class = if unsure(q.confidence) {
            "speaker unsure"
        } else {
            "speaker"
        };
        writeln!(
            out,
            r#"<div><span class="{class}"><bdi lang="ar">{}</bdi></span>{cue} <span class="badge">{}</span> <span class="conf" title="probability that this is speech by this speaker">{:.2}</span></div>"#,
            esc(speaker),
            esc(&q.kind),
            q.confidence
        )?;
        writeln!(
            out,
            r#"<div lang="ar" dir="rtl"><mark class="q">{}</mark></div>"#,
            esc(&q.text)
        )?;
        writeln!(out, r#"<div lang="en" dir="ltr">{english}</div>"#)?;
        for f in &q.flags {
            write!(out, r#"<span class="flag">{}</span>"#, esc(&f.to_string()))?;
        }
        writeln!(out, "</td></tr>")?;
    }
    writeln!(out, "</table>")?;
    if !other.is_empty() {
        writeln!(out, "<h2>Other quoted terms ({})</h2>", other.len())?;
        writeln!(out, "<table>")?;
        for q in other {
            writeln!(
                out,
                r#"<tr id="{0}"><td class="id"><bdi>{0}</bdi><br/>{1}</td><td><span class="badge">{2}</span> <bdi lang="ar"><mark class="q term">{3}</mark></bdi></td></tr>"#,
                esc(&q.id),
                sentence_links(q),
                esc(&q.kind),
                esc(&q.text)
            )?;
        }
        writeln!(out, "</table>")?;
    }
    writeln!(out, "</aside>")
}

fn sentence_links(q: &Quote) -> String {
    quote_sentence_ids(q)
        .iter()
        .map(|id| format!(r##"<a href="#{0}">{0}</a>"##, esc(id)))
        .collect::<Vec<_>>()
        .join(" ")
}
