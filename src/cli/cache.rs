//! `tarjama cache`: look into, export and merge translation stores.
//!
//! * `stats`: counts per model and settings, journal entries per status, size on disk;
//! * `export --format tmx`: every stored translation as a TMX 1.4 translation memory (stdout or
//!   `-o FILE`), for CAT tools;
//! * `merge OTHER…`: add the entries of other stores (e.g. one per shard) that this one lacks;
//!   existing entries win, so merging twice changes nothing.
//!
//! The store is the one `tarjama translate` uses: `--cache PATH`, or the default location.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{bail, Context};
use clap::{Args as ClapArgs, Subcommand, ValueEnum};
use tarjama::batch::store::{default_store_path, Store};

use super::Outcome;

/// Arguments of `tarjama cache`.
#[derive(Debug, ClapArgs)]
pub struct Args {
    /// The translation store (SQLite); default in the platform cache folder.
    #[arg(long, global = true)]
    pub cache: Option<PathBuf>,
    /// What to do with it.
    #[command(subcommand)]
    pub action: Action,
}

/// The `tarjama cache` subcommands.
#[derive(Debug, Subcommand)]
pub enum Action {
    /// Counts per model and settings, journal entries per status, size on disk.
    Stats {
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Write every stored translation as a translation memory.
    Export {
        /// The format of the memory.
        #[arg(long, value_enum, default_value_t = ExportFormat::Tmx)]
        format: ExportFormat,
        /// Write to this file (atomically) instead of standard output.
        #[arg(short = 'o', long = "output")]
        output: Option<PathBuf>,
    },
    /// Add the translations and journal entries of other stores that this store lacks.
    Merge {
        /// Stores to merge in (e.g. one per shard).
        #[arg(required = true)]
        others: Vec<PathBuf>,
    },
}

/// Formats `tarjama cache export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// TMX 1.4b (`srclang="ar"`, one `<tu>` per stored translation).
    Tmx,
}

/// Run `tarjama cache`.
pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let path = match args.cache {
        Some(p) => p,
        None => default_store_path().context("no platform cache directory; pass --cache PATH")?,
    };
    // Reading commands must not create an empty store at a mistyped path.
    if !matches!(args.action, Action::Merge { .. }) && !path.is_file() {
        bail!("no translation store at {}", path.display());
    }
    let mut store = Store::open(&path)?;
    match args.action {
        Action::Stats { json } => {
            let stats = store.stats()?;
            if json {
                println!("{}", serde_json::to_string_pretty(&stats)?);
            } else {
                print!("{}", stats.to_text());
            }
        }
        Action::Export { format, output } => {
            let ExportFormat::Tmx = format;
            let mut buf = Vec::new();
            let n = store.export_tmx(&mut buf)?;
            match output {
                Some(p) => tarjama::batch::atomic::write_atomically(&p, &buf)?,
                None => {
                    let mut out = std::io::stdout().lock();
                    out.write_all(&buf)?;
                    out.flush()?;
                }
            }
            eprintln!("tarjama: exported {n} translations");
        }
        Action::Merge { others } => {
            for other in others {
                let added = store.merge_from(&other)?;
                eprintln!(
                    "tarjama: merged {}: {} new translations, {} new journal entries",
                    other.display(),
                    added.translations,
                    added.journal
                );
            }
        }
    }
    Ok(Outcome::Done)
}
