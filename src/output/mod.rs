//! Output writers, one module per format, all reading the aligned [`Document`].
//!
//! | format     | file(s)                      | content |
//! |------------|------------------------------|---------|
//! | `text`     | `<stem>.ar-en.txt`           | each Arabic paragraph then its English, then the quotes ([`text`]) |
//! | `html`     | `<stem>.html`                | self-contained side-by-side review page ([`html`]) |
//! | `md`       | `<stem>.md`                  | the same content as Markdown tables ([`md`]) |
//! | `jsonl`    | `<stem>.jsonl`               | one record per sentence, then one per quote ([`jsonl`]) |
//! | `tsv`      | `<stem>.tsv`                 | id, Arabic, English, score, flags ([`tsv`]) |
//! | `tmx`      | `<stem>.tmx`                 | TMX 1.4b, one `tu` per sentence ([`tmx`]) |
//! | `xliff`    | `<stem>.xlf`                 | XLIFF 2.0, unit = paragraph, segment = sentence ([`xliff`]) |
//! | `parallel` | `<stem>.ar` and `<stem>.en`  | one sentence a line, line-aligned ([`parallel`]) |
//!
//! The text output is `<stem>.ar-en.txt`, not `<stem>.txt`, so that writing next to an Arabic
//! `<stem>.txt` input never overwrites it. No output holds a timestamp: the same document gives
//! byte-identical files on every run.

use std::fmt;
use std::io::{self, Write};
use std::path::PathBuf;
use std::str::FromStr;

use crate::doc::Document;

mod common;
pub mod escape;
mod files;
pub mod html;
pub mod jsonl;
pub mod md;
pub mod parallel;
pub mod text;
pub mod tmx;
pub mod tsv;
pub mod xliff;

pub use files::{write_outputs, Target};

/// Errors of the output stage.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    /// A format name that is not one of [`Format::ALL`].
    #[error("unknown output format {name:?} (expected one of text, html, md, jsonl, tsv, tmx, xliff, parallel)")]
    UnknownFormat {
        /// The name given.
        name: String,
    },
    /// An empty format list.
    #[error("no output format given")]
    NoFormat,
    /// `parallel` writes two files, which standard output cannot hold.
    #[error("format parallel writes two files (.ar and .en): give -o FILE or -o DIR")]
    ParallelNeedsPath,
    /// Writing to standard output failed.
    #[error("writing to standard output: {0}")]
    Stdout(#[source] io::Error),
    /// Creating or writing a file failed.
    #[error("writing {path}: {source}")]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: io::Error,
    },
}

/// An output format (`-f/--format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Plain text: paragraphs in both languages, then quotes.
    Text,
    /// Side-by-side HTML review page.
    Html,
    /// Markdown.
    Md,
    /// JSON lines.
    Jsonl,
    /// Tab-separated values.
    Tsv,
    /// TMX 1.4b.
    Tmx,
    /// XLIFF 2.0.
    Xliff,
    /// Line-aligned `.ar` / `.en` files.
    Parallel,
}

impl Format {
    /// Every format, in the order of the table in the module docs.
    pub const ALL: [Format; 8] = [
        Format::Text,
        Format::Html,
        Format::Md,
        Format::Jsonl,
        Format::Tsv,
        Format::Tmx,
        Format::Xliff,
        Format::Parallel,
    ];

    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
            Format::Md => "md",
            Format::Jsonl => "jsonl",
            Format::Tsv => "tsv",
            Format::Tmx => "tmx",
            Format::Xliff => "xliff",
            Format::Parallel => "parallel",
        }
    }

    /// The file extensions written, without the dot (two for `parallel`).
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            Format::Text => &["ar-en.txt"],
            Format::Html => &["html"],
            Format::Md => &["md"],
            Format::Jsonl => &["jsonl"],
            Format::Tsv => &["tsv"],
            Format::Tmx => &["tmx"],
            Format::Xliff => &["xlf"],
            Format::Parallel => &["ar", "en"],
        }
    }

    /// Parses a comma-separated list (`text,html`); repeats are dropped, order is kept.
    pub fn parse_list(list: &str) -> Result<Vec<Format>, OutputError> {
        let mut formats = Vec::new();
        for name in list.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            let f: Format = name.parse()?;
            if !formats.contains(&f) {
                formats.push(f);
            }
        }
        if formats.is_empty() {
            return Err(OutputError::NoFormat);
        }
        Ok(formats)
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Format {
    type Err = OutputError;

    /// Accepts the names of [`Format::name`], any case, and `markdown`, `txt`, `xlf`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let lower = s.trim().to_ascii_lowercase();
        let found = match lower.as_str() {
            "markdown" => Some(Format::Md),
            "txt" => Some(Format::Text),
            "xlf" | "xliff2" => Some(Format::Xliff),
            name => Format::ALL.into_iter().find(|f| f.name() == name),
        };
        found.ok_or_else(|| OutputError::UnknownFormat {
            name: s.to_string(),
        })
    }
}

/// One rendered file: its extension (see [`Format::extensions`]) and bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    /// Extension without the dot.
    pub extension: &'static str,
    /// The file's content.
    pub bytes: Vec<u8>,
}

/// Renders `doc` in `format`: one file, or two for `parallel`.
pub fn render(doc: &Document, format: Format) -> Vec<Rendered> {
    let one = |write: fn(&Document, &mut dyn Write) -> io::Result<()>| {
        let mut bytes = Vec::new();
        write(doc, &mut bytes).expect("writing to a Vec cannot fail");
        vec![Rendered {
            extension: format.extensions()[0],
            bytes,
        }]
    };
    match format {
        Format::Text => one(text::write),
        Format::Html => one(html::write),
        Format::Md => one(md::write),
        Format::Jsonl => one(jsonl::write),
        Format::Tsv => one(tsv::write),
        Format::Tmx => one(tmx::write),
        Format::Xliff => one(xliff::write),
        Format::Parallel => {
            let (mut ar, mut en) = (Vec::new(), Vec::new());
            parallel::write(doc, &mut ar, &mut en).expect("writing to a Vec cannot fail");
            vec![
                Rendered {
                    extension: "ar",
                    bytes: ar,
                },
                Rendered {
                    extension: "en",
                    bytes: en,
                },
            ]
        }
    }
}
