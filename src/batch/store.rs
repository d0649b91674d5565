//! The persistent translation store and job journal (one SQLite file).
//!
//! * `translations`: (model key, decode-settings key, normalised MT input) → English text and
//!   score. A rerun, or a second file repeating a sentence, asks the store before the model.
//! * `journal`: per (job key, input path) the content hash, status, reason and output paths of
//!   the last attempt, so a rerun after a crash skips finished files.
//!
//! The database runs in WAL mode with `synchronous=NORMAL`: a killed process never corrupts it
//! and loses at most the transaction in flight; a power cut may lose the last few commits, never
//! consistency. A busy timeout lets two processes (say `cache stats` during a run) share a file.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{params, Connection, OpenFlags};

use super::BatchError;

/// Schema version stored in `PRAGMA user_version`; bumped on incompatible changes.
const SCHEMA_VERSION: i64 = 1;

/// How long a writer waits for another process holding the database lock.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// How often opening a store is retried when another process holds it mid-creation.
const OPEN_RETRIES: u32 = 40;

/// Whether a store error is SQLite saying another connection holds the lock.
fn is_busy(e: &BatchError) -> bool {
    matches!(e, BatchError::Store { message, .. }
        if message.contains("locked") || message.contains("busy"))
}

/// SQLite's default limit on bound parameters is 32766; stay far below it per lookup query.
const LOOKUP_CHUNK: usize = 400;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS translations (
    model    TEXT NOT NULL,
    settings TEXT NOT NULL,
    input    TEXT NOT NULL,
    output   TEXT NOT NULL,
    score    REAL NOT NULL,
    PRIMARY KEY (model, settings, input)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS journal (
    job     TEXT NOT NULL,
    path    TEXT NOT NULL,
    sha256  TEXT NOT NULL,
    status  TEXT NOT NULL,
    reason  TEXT NOT NULL,
    outputs TEXT NOT NULL,
    PRIMARY KEY (job, path)
) WITHOUT ROWID;
";

/// Which model produced a translation: hub id, revision and the sha256 of the weights file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ModelKey {
    /// Model id, e.g. `Helsinki-NLP/opus-mt-ar-en` or a local folder name.
    pub id: String,
    /// Hub revision (commit or `refs/pr/N`), or `local` for a folder.
    pub revision: String,
    /// Lower-case hex sha256 of the weights file actually loaded.
    pub weights_sha256: String,
}

impl ModelKey {
    /// The canonical string the store keys on: `id@revision#sha256`.
    pub fn store_key(&self) -> String {
        format!("{}@{}#{}", self.id, self.revision, self.weights_sha256)
    }
}

/// Decoding settings that change the model's output, in one canonical key.
///
/// Two runs share stored translations only when every field is equal. The key lists the fields
/// in a fixed order with fixed number formatting, e.g.
/// `beam=4;max=512;min=0;no_repeat=0;penalty=1;punct_norm=1;dtype=f32`.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct DecodeSettings {
    /// Beam width (1 = greedy).
    pub beam: usize,
    /// Maximum generated length in tokens.
    pub max_len: usize,
    /// Minimum generated length in tokens.
    pub min_len: usize,
    /// `no_repeat_ngram_size` (0 = off).
    pub no_repeat_ngram: usize,
    /// Repetition penalty (1.0 = off).
    pub repetition_penalty: f32,
    /// Whether punctuation normalisation runs before the model.
    pub punct_norm: bool,
    /// Compute dtype, e.g. `f32`, `f16`, `bf16`.
    pub dtype: String,
}

impl DecodeSettings {
    /// The canonical settings key (see the type docs).
    pub fn store_key(&self) -> String {
        format!(
            "beam={};max={};min={};no_repeat={};penalty={};punct_norm={};dtype={}",
            self.beam,
            self.max_len,
            self.min_len,
            self.no_repeat_ngram,
            // `{}` on f32 prints the shortest text that reads back to the same value.
            self.repetition_penalty,
            u8::from(self.punct_norm),
            self.dtype
        )
    }
}

/// A stored translation.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredTranslation {
    /// The English text.
    pub text: String,
    /// The model's score for it (mean log-probability or as the engine defines it).
    pub score: f32,
}

/// Status of one input file in the journal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum JobStatus {
    /// Known but not finished (never written by the runner today; reserved for planners).
    Pending,
    /// Outputs written.
    Done,
    /// Could not be processed; see the reason.
    Failed,
    /// Deliberately not processed (e.g. empty); see the reason.
    Skipped,
}

impl JobStatus {
    fn as_str(self) -> &'static str {
        match self {
            JobStatus::Pending => "pending",
            JobStatus::Done => "done",
            JobStatus::Failed => "failed",
            JobStatus::Skipped => "skipped",
        }
    }

    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "pending" => JobStatus::Pending,
            "done" => JobStatus::Done,
            "failed" => JobStatus::Failed,
            "skipped" => JobStatus::Skipped,
            _ => return None,
        })
    }
}

/// One journal row: the last recorded outcome for an input file under a job key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JournalEntry {
    /// The input file (absolute path as planned).
    pub path: String,
    /// sha256 of the file's bytes when it was processed.
    pub sha256: String,
    /// Outcome.
    pub status: JobStatus,
    /// Why it failed or was skipped (empty when done).
    pub reason: String,
    /// The output files written for it.
    pub outputs: Vec<PathBuf>,
}

/// Counts and size reported by `tarjama cache stats`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct StoreStats {
    /// The database file, or `None` for an in-memory store.
    pub path: Option<PathBuf>,
    /// Stored translations in total.
    pub translations: u64,
    /// Stored translations per model key × settings key.
    pub by_model: BTreeMap<String, u64>,
    /// Journal rows per status.
    pub journal: BTreeMap<String, u64>,
    /// Bytes on disk: the database plus its WAL file (0 in memory).
    pub bytes: u64,
}

impl StoreStats {
    /// The human-readable form `tarjama cache stats` prints.
    pub fn to_text(&self) -> String {
        let mut s = format!(
            "store: {}\nsize: {} bytes\ntranslations: {}\n",
            describe_path(self.path.as_deref()),
            self.bytes,
            self.translations
        );
        for (model, n) in &self.by_model {
            s.push_str(&format!("  {model}: {n}\n"));
        }
        let files: u64 = self.journal.values().sum();
        s.push_str(&format!("journal: {files} file entries\n"));
        for (status, n) in &self.journal {
            s.push_str(&format!("  {status}: {n}\n"));
        }
        s
    }
}

/// Rows added by [`Store::merge_from`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct MergeCounts {
    /// Translations that were new to this store.
    pub translations: u64,
    /// Journal rows that were new to this store.
    pub journal: u64,
}

/// The translation store and journal (see the module docs).
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

/// The default store location: `<platform cache dir>/tarjama/store.sqlite`
/// (`~/.cache/tarjama/store.sqlite` on Linux), or `None` where the platform has no cache dir.
pub fn default_store_path() -> Option<PathBuf> {
    dirs::cache_dir().map(|d| d.join("tarjama").join("store.sqlite"))
}

/// Opens the store the command line asks for: in memory with `--no-cache`, `--cache PATH`, or
/// the default location.
pub fn open_store(cache: Option<&Path>, no_cache: bool) -> Result<Store, BatchError> {
    if no_cache {
        return Store::in_memory();
    }
    match cache {
        Some(path) => Store::open(path),
        None => match default_store_path() {
            Some(path) => Store::open(&path),
            None => Err(BatchError::Usage(
                "no platform cache directory; pass --cache PATH or --no-cache".into(),
            )),
        },
    }
}

impl Store {
    /// Opens (creating if needed, with its parent directories) the store at `path`.
    pub fn open(path: &Path) -> Result<Self, BatchError> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|source| BatchError::Io {
                path: parent.to_path_buf(),
                source,
            })?;
        }
        // Two processes opening a new store at once race to create it and switch it to WAL;
        // SQLite answers some of those races with an immediate SQLITE_BUSY that the busy
        // timeout does not cover, so the loser retries the whole open for a while.
        let mut attempt = 0;
        loop {
            let conn = Connection::open(path).map_err(|e| store_err(Some(path), e))?;
            let store = Store {
                conn,
                path: Some(path.to_path_buf()),
            };
            match store.init(true) {
                Ok(()) => return Ok(store),
                Err(e) if attempt < OPEN_RETRIES && is_busy(&e) => {
                    attempt += 1;
                    drop(store);
                    std::thread::sleep(Duration::from_millis(50 * attempt as u64));
                }
                Err(e) => return Err(e),
            }
        }
    }

    /// A store that lives in memory for this process only (`--no-cache`).
    pub fn in_memory() -> Result<Self, BatchError> {
        let conn = Connection::open_in_memory().map_err(|e| store_err(None, e))?;
        let store = Store { conn, path: None };
        store.init(false)?;
        Ok(store)
    }

    /// The database file, `None` in memory.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    fn err(&self, e: rusqlite::Error) -> BatchError {
        store_err(self.path.as_deref(), e)
    }

    fn init(&self, on_disk: bool) -> Result<(), BatchError> {
        self.conn
            .busy_timeout(BUSY_TIMEOUT)
            .map_err(|e| self.err(e))?;
        if on_disk {
            let mode: String = self
                .conn
                .query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))
                .map_err(|e| self.err(e))?;
            if !mode.eq_ignore_ascii_case("wal") {
                return Err(BatchError::Store {
                    path: self.describe(),
                    message: format!("could not switch to WAL mode (journal_mode is {mode})"),
                });
            }
            self.conn
                .execute_batch("PRAGMA synchronous=NORMAL;")
                .map_err(|e| self.err(e))?;
        }
        let version: i64 = self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| self.err(e))?;
        if version > SCHEMA_VERSION {
            return Err(BatchError::Store {
                path: self.describe(),
                message: format!(
                    "schema version {version} is newer than this tarjama understands ({SCHEMA_VERSION})"
                ),
            });
        }
        self.conn.execute_batch(SCHEMA).map_err(|e| self.err(e))?;
        self.conn
            .execute_batch(&format!("PRAGMA user_version={SCHEMA_VERSION};"))
            .map_err(|e| self.err(e))?;
        Ok(())
    }

    fn describe(&self) -> String {
        describe_path(self.path.as_deref())
    }

    /// The SQLite journal mode in effect (`wal` on disk, `memory` in memory).
    pub fn journal_mode(&self) -> Result<String, BatchError> {
        self.conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .map_err(|e| self.err(e))
    }

    /// Looks up many inputs at once; the answer is aligned with `inputs`.
    pub fn get_many(
        &self,
        model: &str,
        settings: &str,
        inputs: &[&str],
    ) -> Result<Vec<Option<StoredTranslation>>, BatchError> {
        let mut out = vec![None; inputs.len()];
        for (chunk_index, chunk) in inputs.chunks(LOOKUP_CHUNK).enumerate() {
            let placeholders = vec!["?"; chunk.len()].join(",");
            let sql = format!(
                "SELECT input, output, score FROM translations \
                 WHERE model = ? AND settings = ? AND input IN ({placeholders})"
            );
            let mut stmt = self.conn.prepare_cached(&sql).map_err(|e| self.err(e))?;
            let mut values: Vec<&dyn rusqlite::ToSql> = vec![&model, &settings];
            values.extend(chunk.iter().map(|s| s as &dyn rusqlite::ToSql));
            let rows = stmt
                .query_map(values.as_slice(), |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, f64>(2)?,
                    ))
                })
                .map_err(|e| self.err(e))?;
            let mut found = std::collections::HashMap::new();
            for row in rows {
                let (input, text, score) = row.map_err(|e| self.err(e))?;
                found.insert(
                    input,
                    StoredTranslation {
                        text,
                        score: score as f32,
                    },
                );
            }
            for (i, input) in chunk.iter().enumerate() {
                out[chunk_index * LOOKUP_CHUNK + i] = found.get(*input).cloned();
            }
        }
        Ok(out)
    }

    /// Stores many translations in one transaction (an existing entry is replaced).
    pub fn put_many(
        &mut self,
        model: &str,
        settings: &str,
        entries: &[(&str, &StoredTranslation)],
    ) -> Result<(), BatchError> {
        let path = self.path.clone();
        // IMMEDIATE: take the write lock up front (waiting under the busy timeout); a deferred
        // transaction upgraded later can fail at once when another process wrote meanwhile.
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(|e| store_err(path.as_deref(), e))?;
        {
            let mut stmt = tx
                .prepare_cached(
                    "INSERT OR REPLACE INTO translations (model, settings, input, output, score) \
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                )
                .map_err(|e| store_err(path.as_deref(), e))?;
            for (input, t) in entries {
                stmt.execute(params![model, settings, input, t.text, f64::from(t.score)])
                    .map_err(|e| store_err(path.as_deref(), e))?;
            }
        }
        tx.commit().map_err(|e| store_err(path.as_deref(), e))
    }

    /// Records the outcome for one input file under a job key.
    pub fn journal_record(&self, job: &str, entry: &JournalEntry) -> Result<(), BatchError> {
        let outputs: Vec<String> = entry
            .outputs
            .iter()
            .map(|p| p.to_string_lossy().into_owned())
            .collect();
        let outputs = serde_json::to_string(&outputs).unwrap_or_else(|_| "[]".into());
        self.conn
            .execute(
                "INSERT OR REPLACE INTO journal (job, path, sha256, status, reason, outputs) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    job,
                    entry.path,
                    entry.sha256,
                    entry.status.as_str(),
                    entry.reason,
                    outputs
                ],
            )
            .map_err(|e| self.err(e))?;
        Ok(())
    }

    /// Every journal row for a job key, by input path.
    pub fn journal_load(
        &self,
        job: &str,
    ) -> Result<std::collections::HashMap<String, JournalEntry>, BatchError> {
        let mut stmt = self
            .conn
            .prepare("SELECT path, sha256, status, reason, outputs FROM journal WHERE job = ?1")
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([job], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                ))
            })
            .map_err(|e| self.err(e))?;
        let mut map = std::collections::HashMap::new();
        for row in rows {
            let (path, sha256, status, reason, outputs) = row.map_err(|e| self.err(e))?;
            // A row this version cannot read is treated as absent: the file is simply redone.
            let Some(status) = JobStatus::parse(&status) else {
                continue;
            };
            let outputs: Vec<String> = serde_json::from_str(&outputs).unwrap_or_default();
            map.insert(
                path.clone(),
                JournalEntry {
                    path,
                    sha256,
                    status,
                    reason,
                    outputs: outputs.into_iter().map(PathBuf::from).collect(),
                },
            );
        }
        Ok(map)
    }

    /// Counts and size for `tarjama cache stats`.
    pub fn stats(&self) -> Result<StoreStats, BatchError> {
        let translations: i64 = self
            .conn
            .query_row("SELECT COUNT(*) FROM translations", [], |r| r.get(0))
            .map_err(|e| self.err(e))?;
        let mut by_model = BTreeMap::new();
        let mut stmt = self
            .conn
            .prepare("SELECT model, settings, COUNT(*) FROM translations GROUP BY model, settings")
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, i64>(2)?,
                ))
            })
            .map_err(|e| self.err(e))?;
        for row in rows {
            let (model, settings, n) = row.map_err(|e| self.err(e))?;
            by_model.insert(format!("{model} [{settings}]"), n as u64);
        }
        let mut journal = BTreeMap::new();
        let mut stmt = self
            .conn
            .prepare("SELECT status, COUNT(*) FROM journal GROUP BY status")
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))
            .map_err(|e| self.err(e))?;
        for row in rows {
            let (status, n) = row.map_err(|e| self.err(e))?;
            journal.insert(status, n as u64);
        }
        let bytes = match &self.path {
            None => 0,
            Some(p) => {
                let mut wal = p.as_os_str().to_owned();
                wal.push("-wal");
                file_len(p) + file_len(Path::new(&wal))
            }
        };
        Ok(StoreStats {
            path: self.path.clone(),
            translations: translations as u64,
            by_model,
            journal,
            bytes,
        })
    }

    /// Writes every stored translation as a TMX 1.4b translation memory (`srclang="ar"`, one
    /// `<tu>` per entry, ordered by model, settings and input so the file is reproducible).
    ///
    /// Text is XML-escaped; characters XML 1.0 forbids (C0 controls other than tab, line feed
    /// and carriage return, U+FFFE, U+FFFF) are dropped. Model, settings and score go into
    /// `<prop>` elements.
    pub fn export_tmx(&self, out: &mut dyn Write) -> Result<u64, BatchError> {
        let io = |source: std::io::Error| BatchError::Io {
            path: PathBuf::from("<tmx output>"),
            source,
        };
        writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>").map_err(io)?;
        writeln!(out, "<tmx version=\"1.4\">").map_err(io)?;
        writeln!(
            out,
            "  <header creationtool=\"tarjama\" creationtoolversion=\"{}\" segtype=\"sentence\" \
             o-tmf=\"tarjama-store\" adminlang=\"en\" srclang=\"ar\" datatype=\"plaintext\"/>",
            xml_escape(env!("CARGO_PKG_VERSION"))
        )
        .map_err(io)?;
        writeln!(out, "  <body>").map_err(io)?;
        let mut stmt = self
            .conn
            .prepare(
                "SELECT model, settings, input, output, score FROM translations \
                 ORDER BY model, settings, input",
            )
            .map_err(|e| self.err(e))?;
        let mut rows = stmt.query([]).map_err(|e| self.err(e))?;
        let mut count = 0u64;
        while let Some(row) = rows.next().map_err(|e| self.err(e))? {
            let get = |i| row.get::<_, String>(i);
            let (model, settings, input, output) = (
                get(0).map_err(|e| self.err(e))?,
                get(1).map_err(|e| self.err(e))?,
                get(2).map_err(|e| self.err(e))?,
                get(3).map_err(|e| self.err(e))?,
            );
            let score: f64 = row.get(4).map_err(|e| self.err(e))?;
            write!(
                out,
                "    <tu>\n      <prop type=\"x-tarjama-model\">{}</prop>\n      \
                 <prop type=\"x-tarjama-settings\">{}</prop>\n      \
                 <prop type=\"x-tarjama-score\">{}</prop>\n      \
                 <tuv xml:lang=\"ar\"><seg>{}</seg></tuv>\n      \
                 <tuv xml:lang=\"en\"><seg>{}</seg></tuv>\n    </tu>\n",
                xml_escape(&model),
                xml_escape(&settings),
                score as f32,
                xml_escape(&input),
                xml_escape(&output)
            )
            .map_err(io)?;
            count += 1;
        }
        writeln!(out, "  </body>\n</tmx>").map_err(io)?;
        Ok(count)
    }

    /// Adds every translation and journal row of the store at `other` that this store lacks.
    /// Existing entries win, so merging the same file twice changes nothing the second time.
    pub fn merge_from(&mut self, other: &Path) -> Result<MergeCounts, BatchError> {
        if self.path.as_deref().is_some_and(|p| same_file(p, other)) {
            return Err(BatchError::Usage(format!(
                "cannot merge the store {} into itself",
                other.display()
            )));
        }
        // Open the other store read-only first: this checks that it exists and is a tarjama
        // store (ATTACH would silently create an empty database for a mistyped path).
        let probe = Connection::open_with_flags(other, OpenFlags::SQLITE_OPEN_READ_ONLY)
            .map_err(|e| store_err(Some(other), e))?;
        let tables: i64 = probe
            .query_row(
                "SELECT COUNT(*) FROM sqlite_master WHERE type='table' \
                 AND name IN ('translations','journal')",
                [],
                |r| r.get(0),
            )
            .map_err(|e| store_err(Some(other), e))?;
        let version: i64 = probe
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| store_err(Some(other), e))?;
        drop(probe);
        if tables != 2 || version > SCHEMA_VERSION {
            return Err(BatchError::Store {
                path: other.display().to_string(),
                message: "not a tarjama translation store (or one from a newer version)".into(),
            });
        }
        let path = self.path.clone();
        let e = |err| store_err(path.as_deref(), err);
        self.conn
            .execute(
                "ATTACH DATABASE ?1 AS other",
                [other.to_string_lossy().as_ref()],
            )
            .map_err(e)?;
        let result = (|| {
            let tx = self
                .conn
                .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let translations = tx.execute(
                "INSERT OR IGNORE INTO main.translations (model, settings, input, output, score) \
                 SELECT model, settings, input, output, score FROM other.translations",
                [],
            )?;
            let journal = tx.execute(
                "INSERT OR IGNORE INTO main.journal (job, path, sha256, status, reason, outputs) \
                 SELECT job, path, sha256, status, reason, outputs FROM other.journal",
                [],
            )?;
            tx.commit()?;
            Ok(MergeCounts {
                translations: translations as u64,
                journal: journal as u64,
            })
        })();
        let detached = self.conn.execute("DETACH DATABASE other", []);
        let counts = result.map_err(e)?;
        detached.map_err(e)?;
        Ok(counts)
    }
}

fn describe_path(path: Option<&Path>) -> String {
    path.map_or_else(|| "<memory>".to_string(), |p| p.display().to_string())
}

fn store_err(path: Option<&Path>, e: rusqlite::Error) -> BatchError {
    BatchError::Store {
        path: describe_path(path),
        message: e.to_string(),
    }
}

fn file_len(path: &Path) -> u64 {
    std::fs::metadata(path).map(|m| m.len()).unwrap_or(0)
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Escapes text for XML element content and attribute values, dropping characters XML 1.0
/// does not allow at all.
pub fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if crate::output::escape::xml_forbidden(c) => {}
            c => out.push(c),
        }
    }
    out
}
