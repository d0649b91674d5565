//! Progress reporting for long batches.
//!
//! On a terminal: `indicatif` bars (files with ETA, sentences with tokens per second). On
//! anything else (an overnight log file): a plain status line at most every `interval`, plus a
//! line for every failed or skipped file as it happens. `--quiet`: nothing while running; the
//! end-of-run summary is still printed when some file failed or was skipped.
//!
//! [`Progress`] is shared by reference between the runner's threads; every method takes `&self`.

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How progress is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProgressMode {
    /// Live bars on stderr (a terminal).
    Bars,
    /// Plain lines, at most one status line per `interval`.
    Lines {
        /// Minimum time between two status lines.
        interval: Duration,
    },
    /// Nothing but a summary of failures.
    Quiet,
}

impl ProgressMode {
    /// Bars when stderr is a terminal, lines otherwise, nothing under `quiet`.
    pub fn auto(quiet: bool, interval: Duration) -> Self {
        if quiet {
            ProgressMode::Quiet
        } else if std::io::stderr().is_terminal() {
            ProgressMode::Bars
        } else {
            ProgressMode::Lines { interval }
        }
    }
}

#[derive(Debug, Default)]
struct Counters {
    total_files: u64,
    files_finished: u64,
    failed: u64,
    skipped: u64,
    sentences_total: u64,
    sentences_done: u64,
    tokens: u64,
    last_line: Option<Instant>,
}

struct Bars {
    // Kept so the bars stay attached to one draw target.
    _multi: MultiProgress,
    files: ProgressBar,
    sentences: ProgressBar,
}

/// The progress reporter the runner calls (see the module docs).
pub struct Progress {
    mode: ProgressMode,
    started: Instant,
    counters: Mutex<Counters>,
    sink: Mutex<Box<dyn Write + Send>>,
    bars: Option<Bars>,
}

impl std::fmt::Debug for Progress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Progress")
            .field("mode", &self.mode)
            .finish()
    }
}

impl Progress {
    /// A reporter writing to stderr in the given mode.
    pub fn stderr(mode: ProgressMode) -> Self {
        Self::new(mode, Box::new(std::io::stderr()))
    }

    /// A reporter writing plain lines (and summaries) to `sink`; in [`ProgressMode::Bars`]
    /// the bars draw on stderr and `sink` only receives the summary.
    pub fn new(mode: ProgressMode, sink: Box<dyn Write + Send>) -> Self {
        let bars = (mode == ProgressMode::Bars).then(|| {
            let multi = MultiProgress::with_draw_target(ProgressDrawTarget::stderr());
            let files = multi.add(ProgressBar::new(0));
            files.set_style(
                ProgressStyle::with_template(
                    "files     {bar:30} {pos}/{len} [{elapsed_precise}, ETA {eta}] {msg}",
                )
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
            );
            let sentences = multi.add(ProgressBar::new(0));
            sentences.set_style(
                ProgressStyle::with_template("sentences {bar:30} {pos}/{len} {msg}")
                    .unwrap_or_else(|_| ProgressStyle::default_bar()),
            );
            Bars {
                _multi: multi,
                files,
                sentences,
            }
        });
        Progress {
            mode,
            started: Instant::now(),
            counters: Mutex::new(Counters::default()),
            sink: Mutex::new(sink),
            bars,
        }
    }

    /// The mode in use.
    pub fn mode(&self) -> ProgressMode {
        self.mode
    }

    /// The batch has `total_files` files.
    pub fn start(&self, total_files: u64) {
        self.with(|c| c.total_files = total_files);
        if let Some(b) = &self.bars {
            b.files.set_length(total_files);
        }
        self.emit(true);
    }

    /// Work on `path` begins.
    pub fn file_started(&self, path: &Path) {
        if let Some(b) = &self.bars {
            b.files.set_message(short_name(path));
        }
    }

    /// `path` was translated and written.
    pub fn file_done(&self, _path: &Path) {
        self.with(|c| c.files_finished += 1);
        if let Some(b) = &self.bars {
            b.files.inc(1);
        }
        self.emit(false);
    }

    /// `path` was finished by an earlier run (journal says done, outputs present).
    pub fn file_resumed(&self, path: &Path) {
        self.file_done(path);
    }

    /// `path` was skipped, with the reason.
    pub fn file_skipped(&self, path: &Path, reason: &str) {
        self.with(|c| {
            c.files_finished += 1;
            c.skipped += 1;
        });
        self.event_line(&format!("skipped {}: {reason}", path.display()));
        if let Some(b) = &self.bars {
            b.files.inc(1);
        }
        self.emit(false);
    }

    /// `path` failed, with the reason.
    pub fn file_failed(&self, path: &Path, reason: &str) {
        self.with(|c| {
            c.files_finished += 1;
            c.failed += 1;
        });
        self.event_line(&format!("FAILED {}: {reason}", path.display()));
        if let Some(b) = &self.bars {
            b.files.inc(1);
        }
        self.emit(false);
    }

    /// A warning about `path` that does not stop it (e.g. replacement characters).
    pub fn warn(&self, path: &Path, message: &str) {
        self.event_line(&format!("warning {}: {message}", path.display()));
    }

    /// `n` more sentences are known (a file was prepared).
    pub fn sentences_queued(&self, n: u64) {
        self.with(|c| c.sentences_total += n);
        if let Some(b) = &self.bars {
            b.sentences.inc_length(n);
        }
    }

    /// `n` sentences got their translation (model, store or a repeat).
    pub fn sentences_translated(&self, n: u64) {
        self.with(|c| c.sentences_done += n);
        if let Some(b) = &self.bars {
            b.sentences.inc(n);
        }
        self.emit(false);
    }

    /// The model generated `n` tokens.
    pub fn tokens_generated(&self, n: u64) {
        let tokens = self.with(|c| {
            c.tokens += n;
            c.tokens
        });
        if let Some(b) = &self.bars {
            let secs = self.started.elapsed().as_secs_f64().max(1e-3);
            b.sentences
                .set_message(format!("{:.1} tok/s", tokens as f64 / secs));
        }
    }

    /// The run is over: clear the bars and print `summary` (in quiet mode only when
    /// `has_problems`).
    pub fn finish(&self, summary: &str, has_problems: bool) {
        if let Some(b) = &self.bars {
            b.files.finish_and_clear();
            b.sentences.finish_and_clear();
        }
        if self.mode != ProgressMode::Quiet {
            self.emit(true);
        }
        if self.mode != ProgressMode::Quiet || has_problems {
            self.write_line(summary.trim_end());
        }
    }

    /// The current status line (also what [`ProgressMode::Lines`] prints).
    pub fn status_line(&self) -> String {
        let c = self.counters.lock().unwrap_or_else(|e| e.into_inner());
        let elapsed = self.started.elapsed();
        let secs = elapsed.as_secs_f64().max(1e-3);
        let eta = if c.files_finished > 0 && c.files_finished < c.total_files {
            let remaining = (c.total_files - c.files_finished) as f64;
            let eta = secs / c.files_finished as f64 * remaining;
            format!(", ETA {}", clock(Duration::from_secs_f64(eta)))
        } else {
            String::new()
        };
        format!(
            "[{}] files {}/{} ({} failed, {} skipped) · sentences {}/{} · {:.1} tok/s{}",
            clock(elapsed),
            c.files_finished,
            c.total_files,
            c.failed,
            c.skipped,
            c.sentences_done,
            c.sentences_total,
            c.tokens as f64 / secs,
            eta
        )
    }

    fn with<T>(&self, f: impl FnOnce(&mut Counters) -> T) -> T {
        let mut c = self.counters.lock().unwrap_or_else(|e| e.into_inner());
        f(&mut c)
    }

    /// Prints a status line in lines mode when the interval has passed (or `force`).
    fn emit(&self, force: bool) {
        let ProgressMode::Lines { interval } = self.mode else {
            return;
        };
        let due = self.with(|c| {
            let now = Instant::now();
            let due = force
                || c.last_line
                    .is_none_or(|t| now.duration_since(t) >= interval);
            if due {
                c.last_line = Some(now);
            }
            due
        });
        if due {
            let line = self.status_line();
            self.write_line(&line);
        }
    }

    fn event_line(&self, line: &str) {
        match (&self.mode, &self.bars) {
            (ProgressMode::Bars, Some(b)) => b.files.println(line),
            (ProgressMode::Lines { .. }, _) => self.write_line(line),
            _ => {}
        }
    }

    fn write_line(&self, line: &str) {
        let mut sink = self.sink.lock().unwrap_or_else(|e| e.into_inner());
        // A closed stderr must not stop the batch.
        let _ = writeln!(sink, "{line}");
        let _ = sink.flush();
    }
}

fn short_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// `h:mm:ss`.
fn clock(d: Duration) -> String {
    let s = d.as_secs();
    format!("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[derive(Clone, Default)]
    struct Shared(Arc<Mutex<Vec<u8>>>);

    impl Write for Shared {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn lines_mode_reports_counts_and_failures() {
        let sink = Shared::default();
        let p = Progress::new(
            ProgressMode::Lines {
                interval: Duration::ZERO,
            },
            Box::new(sink.clone()),
        );
        p.start(3);
        p.sentences_queued(5);
        p.sentences_translated(5);
        p.file_done(Path::new("a.txt"));
        p.file_failed(Path::new("b.txt"), "binary file");
        p.file_skipped(Path::new("c.txt"), "empty file");
        p.finish("summary here", true);
        let text = String::from_utf8(sink.0.lock().unwrap().clone()).unwrap();
        assert!(text.contains("FAILED b.txt: binary file"), "{text}");
        assert!(text.contains("skipped c.txt: empty file"), "{text}");
        assert!(
            text.contains("files 3/3 (1 failed, 1 skipped) · sentences 5/5"),
            "{text}"
        );
        assert!(text.trim_end().ends_with("summary here"), "{text}");
    }

    #[test]
    fn quiet_mode_prints_only_a_summary_with_problems() {
        let sink = Shared::default();
        let p = Progress::new(ProgressMode::Quiet, Box::new(sink.clone()));
        p.start(1);
        p.file_failed(Path::new("b.txt"), "binary");
        p.finish("all fine", false);
        assert!(sink.0.lock().unwrap().is_empty());
        p.finish("1 failed", true);
        let text = String::from_utf8(sink.0.lock().unwrap().clone()).unwrap();
        assert_eq!(text, "1 failed\n");
    }

    #[test]
    fn clock_format() {
        assert_eq!(clock(Duration::from_secs(3 * 3600 + 62)), "3:01:02");
    }
}
