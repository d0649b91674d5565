//! The run manifest: one JSON file in the output directory describing a run (tool version,
//! model, settings, counts, timings, failures). It is the only place a batch writes wall-clock
//! times, so the translated outputs of two runs can be compared byte for byte.
//!
//! Its name is `tarjama-manifest.json`, or `tarjama-manifest.shard-K-of-N.json` under
//! `--shard`, so shards writing into one directory do not overwrite each other's manifest.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::Serialize;

use super::jobs::Shard;
use super::store::ModelKey;
use super::BatchError;

/// The manifest's file name for a run with this shard setting.
pub fn manifest_name(shard: Option<Shard>) -> String {
    match shard {
        None => "tarjama-manifest.json".into(),
        Some(s) => format!("tarjama-manifest.shard-{}-of-{}.json", s.index, s.count),
    }
}

/// Counts for one run. When no sentence failed, every MT input occurrence is exactly one of
/// `translated_by_model`, `served_from_store`, `deduplicated` or `empty_inputs`, so these add
/// up to `sentences`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Files in this run's (shard's) plan, plus unreadable directory entries.
    pub files_total: u64,
    /// Files translated and written by this run.
    pub files_done: u64,
    /// Files finished by an earlier run and left alone (journal done, outputs present, same
    /// content hash).
    pub files_resumed: u64,
    /// Files that failed.
    pub files_failed: u64,
    /// Files skipped (empty).
    pub files_skipped: u64,
    /// MT inputs (sentence occurrences) in the files this run processed.
    pub sentences: u64,
    /// Distinct MT inputs the model translated in this run.
    pub translated_by_model: u64,
    /// Occurrences answered by the store from an earlier run.
    pub served_from_store: u64,
    /// Occurrences repeating an input seen earlier in this run (translated once).
    pub deduplicated: u64,
    /// Empty MT inputs (answered with an empty translation, no model work).
    pub empty_inputs: u64,
    /// Distinct inputs the model failed on.
    pub failed_sentences: u64,
    /// Calls made to the model.
    pub model_calls: u64,
    /// Tokens the model generated.
    pub tokens_generated: u64,
}

/// Wall-clock facts about a run.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Timings {
    /// Start, RFC 3339 UTC.
    pub started: String,
    /// End, RFC 3339 UTC.
    pub finished: String,
    /// Total seconds.
    pub wall_seconds: f64,
    /// Seconds spent inside model calls.
    pub model_seconds: f64,
}

/// A failed or skipped input with its reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FileIssue {
    /// The input file.
    pub path: PathBuf,
    /// Why.
    pub reason: String,
}

/// The whole manifest.
#[derive(Debug, Clone, Serialize)]
pub struct Manifest {
    /// `tarjama`.
    pub tool: String,
    /// The crate version.
    pub version: String,
    /// The model.
    pub model: ModelKey,
    /// Decode-settings key used for the store.
    pub settings_key: String,
    /// Other settings the caller wants recorded (formats, options), as strings.
    pub settings: BTreeMap<String, String>,
    /// The inputs as given.
    pub inputs: Vec<PathBuf>,
    /// The output directory.
    pub outdir: PathBuf,
    /// `K/N` under `--shard`.
    pub shard: Option<String>,
    /// The store file, `null` with `--no-cache`.
    pub store: Option<PathBuf>,
    /// Counts.
    pub counts: Counts,
    /// Timings.
    pub timings: Timings,
    /// Every failed input.
    pub failures: Vec<FileIssue>,
    /// Every skipped input.
    pub skipped: Vec<FileIssue>,
    /// Warnings (e.g. replacement characters under `--lossy`).
    pub warnings: Vec<FileIssue>,
    /// The process exit status this run ends with.
    pub exit_code: i32,
}

impl Manifest {
    /// Writes the manifest as pretty JSON into `outdir` (atomically), returning its path.
    pub fn write(&self, outdir: &Path, shard: Option<Shard>) -> Result<PathBuf, BatchError> {
        let path = outdir.join(manifest_name(shard));
        let mut json = serde_json::to_vec_pretty(self).map_err(|e| BatchError::Io {
            path: path.clone(),
            source: std::io::Error::other(e),
        })?;
        json.push(b'\n');
        super::atomic::write_atomically(&path, &json)?;
        Ok(path)
    }
}

/// `t` as RFC 3339 UTC with second precision, e.g. `2026-11-29T11:03:09Z`.
pub fn rfc3339_utc(t: SystemTime) -> String {
    let secs = t
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem / 60 % 60,
        rem % 60
    )
}

/// Proleptic Gregorian date for a count of days since 1970-01-01, using 400-year eras
/// (146 097 days each) counted from 0000-03-01 so leap days fall at the end of a year.
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468; // days from 0000-03-01 to 1970-01-01
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153; // 0 = March
    let day = (day_of_year - (153 * month_index + 2) / 5 + 1) as u32;
    let month = if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn known_dates() {
        let at = |s| rfc3339_utc(UNIX_EPOCH + Duration::from_secs(s));
        assert_eq!(at(0), "1970-01-01T00:00:00Z");
        // 2000-02-29 12:00:00 UTC = 951825600 (a leap day in a century leap year).
        assert_eq!(at(951_825_600), "2000-02-29T12:00:00Z");
        // 2024-12-31 23:59:59 UTC = 1735689599.
        assert_eq!(at(1_735_689_599), "2024-12-31T23:59:59Z");
        // 2100-03-01 00:00:00 UTC = 4107542400 (2100 is not a leap year).
        assert_eq!(at(4_107_542_400), "2100-03-01T00:00:00Z");
    }
}
