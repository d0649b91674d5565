//! `tarjama segment`: print the text analysis of Arabic files.

use std::io::{Read, Write};
use std::path::PathBuf;

use anyhow::Context;
use clap::{Args as ClapArgs, ValueEnum};
use tarjama::batch::input::{decode_input, InputOutcome};
use tarjama::text::{self, Options, ParagraphMode};

use super::Outcome;

/// Arguments of `tarjama segment`.
#[derive(Debug, ClapArgs)]
pub struct Args {
    /// Input files (UTF-8 text); none or `-` reads standard input.
    pub files: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = SegmentFormat::Json)]
    pub format: SegmentFormat,
    /// How lines become paragraphs.
    #[arg(long, value_enum, default_value_t = Paragraphs::Auto)]
    pub paragraphs: Paragraphs,
    /// Keep the rules' own speakers: skip the learned re-ranker (its training script uses this).
    #[arg(long)]
    pub no_speaker_rerank: bool,
    /// Print the speaker re-ranker's candidates and features for each speech quote instead of
    /// the analysis (one JSON array per file; for `scripts/train_speaker_reranker.py`).
    #[arg(long, hide = true)]
    pub speaker_features: bool,
    /// Print the calibration features of each speech quote's chosen speaker instead of the
    /// analysis (one JSON array per file; for `scripts/train_speaker_reranker.py
    /// --calibration`).
    #[arg(long, hide = true, conflicts_with = "speaker_features")]
    pub confidence_features: bool,
    /// Print the speech model's evidence on each marked quote instead of the analysis (one
    /// JSON array per file; for `scripts/train_speech_classifier.py`).
    #[arg(long, hide = true, conflicts_with_all = ["speaker_features", "confidence_features"])]
    pub speech_features: bool,
    /// Use this list of common words (the format of `src/text/quotes/common_words.txt`)
    /// instead of the one built in (for `scripts/train_speaker_reranker.py`).
    #[arg(long, hide = true, value_name = "FILE")]
    pub common_words: Option<PathBuf>,
}

/// Output format of `segment`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum SegmentFormat {
    /// The documented JSON contract, one object per input file (one per line when several).
    Json,
    /// A human-readable view: a paragraph per block, a sentence per line.
    Text,
}

/// `--paragraphs` values.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Paragraphs {
    /// Decide per block from line lengths and endings.
    Auto,
    /// Every line is a paragraph.
    Lines,
    /// Only blank lines end paragraphs.
    Blank,
}

impl From<Paragraphs> for ParagraphMode {
    fn from(p: Paragraphs) -> Self {
        match p {
            Paragraphs::Auto => ParagraphMode::Auto,
            Paragraphs::Lines => ParagraphMode::Lines,
            Paragraphs::Blank => ParagraphMode::Blank,
        }
    }
}

/// Read one input (a path or `-` for stdin) with the batch reader's checks (UTF-8, binary,
/// UTF-16), so a single file gets the same clear reasons as a file in a batch. An empty input is
/// returned as empty text.
pub fn read_input(path: &std::path::Path) -> anyhow::Result<String> {
    let bytes = if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .context("reading standard input")?;
        bytes
    } else {
        std::fs::read(path).with_context(|| format!("reading {}", path.display()))?
    };
    match decode_input(&bytes, false) {
        InputOutcome::Text { text, .. } => Ok(text),
        InputOutcome::Skipped { .. } => Ok(String::new()),
        InputOutcome::Failed { reason, .. } => {
            let name = if path.as_os_str() == "-" {
                "standard input".to_string()
            } else {
                path.display().to_string()
            };
            Err(anyhow::anyhow!("{name}: {reason}"))
        }
    }
}

/// Run `tarjama segment`.
pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let files = if args.files.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.files
    };
    if let Some(path) = &args.common_words {
        let list = std::fs::read_to_string(path)
            .with_context(|| format!("reading the common-word list {}", path.display()))?;
        if !text::quotes::replace_common_words(&list) {
            anyhow::bail!("the common-word list was already in use");
        }
    }
    let options = Options {
        paragraphs: args.paragraphs.into(),
        rerank_speakers: !args.no_speaker_rerank,
        ..Options::default()
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut outcome = Outcome::Done;
    for path in &files {
        let input = match read_input(path) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("tarjama: error: {e:#}");
                outcome = Outcome::SomeFailed;
                continue;
            }
        };
        if args.speaker_features {
            serde_json::to_writer(&mut out, &text::speaker_candidates(&input, &options))?;
            writeln!(out)?;
            continue;
        }
        if args.speech_features {
            serde_json::to_writer(&mut out, &text::speech_features(&input, &options))?;
            writeln!(out)?;
            continue;
        }
        if args.confidence_features {
            serde_json::to_writer(&mut out, &text::confidence_candidates(&input, &options))?;
            writeln!(out)?;
            continue;
        }
        let analysis = text::analyze(&input, &options);
        match args.format {
            SegmentFormat::Json => {
                serde_json::to_writer(&mut out, &analysis)?;
                writeln!(out)?;
            }
            SegmentFormat::Text => {
                if files.len() > 1 {
                    writeln!(out, "== {}", path.display())?;
                }
                out.write_all(text::render::segment_text(&analysis).as_bytes())?;
            }
        }
    }
    Ok(outcome)
}
