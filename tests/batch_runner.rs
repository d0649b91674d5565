//! The batch loop with the fake model and pipeline: outputs, repeats, the store, resume, bad
//! files, model failures, shards, the manifest.

mod batch_support;

use std::path::{Path, PathBuf};

use batch_support::{run_fake, tree, write, Opts};
use tarjama::batch::fake::{FakeBackend, FakePipeline};
use tarjama::batch::jobs::Shard;
use tarjama::batch::runner::{job_key, Backend, Pipeline};
use tarjama::batch::store::{JobStatus, Store};

fn quick_store(dir: &Path) -> Store {
    Store::open(&dir.join("store.sqlite")).unwrap()
}

#[test]
fn translates_and_writes_mirrored_outputs() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("in");
    write(&root, "a.txt", "abc def\n\n  xy  \n");
    write(&root, "sub/b.txt", "hello");
    let out = dir.path().join("out");
    let mut store = quick_store(dir.path());
    let mut backend = FakeBackend::default();
    let report = run_fake(&[root], &out, &mut store, &mut backend, &Opts::default());
    assert_eq!(report.exit_code(), 0, "{}", report.summary());
    let files = tree(&out);
    let names: Vec<&str> = files.keys().map(String::as_str).collect();
    assert_eq!(names, ["a.en.txt", "a.tsv", "sub/b.en.txt", "sub/b.tsv"]);
    // Reversed by hand; "  xy  " is normalised to "xy" before the model sees it.
    assert_eq!(files["a.en.txt"], b"fed cba\n\nyx\n");
    assert_eq!(
        files["a.tsv"],
        b"abc def\tfed cba\t-0.070\n  xy  \tyx\t-0.020\n"
    );
    assert_eq!(files["sub/b.en.txt"], b"olleh\n");
    assert_eq!(report.counts.files_done, 2);
    assert_eq!(report.counts.sentences, 3);
    assert_eq!(report.counts.translated_by_model, 3);
    // Three inputs fit one call of eight.
    assert_eq!(backend.calls, 1);
    assert!(report.manifest.as_ref().unwrap().is_file());
}

#[test]
fn repeats_across_files_are_translated_once() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("in");
    write(&root, "f1.txt", "A\nB\nA\n");
    write(&root, "f2.txt", "B\nC\n");
    write(&root, "f3.txt", "C\nD\n");
    let out = dir.path().join("out");
    let mut store = Store::in_memory().unwrap();
    let mut backend = FakeBackend::default();
    let opts = Opts {
        batch_inputs: 2,
        read_ahead: 1,
        ..Opts::default()
    };
    let report = run_fake(&[root], &out, &mut store, &mut backend, &opts);
    let c = &report.counts;
    // Seven occurrences of four distinct inputs: A, B, C, D once each by the model.
    assert_eq!(c.sentences, 7);
    assert_eq!(c.translated_by_model, 4);
    assert_eq!(c.deduplicated, 3);
    assert_eq!(c.served_from_store, 0);
    assert_eq!(backend.inputs_translated, 4);
    // Batches of two: [A, B] then [C, D].
    assert_eq!(backend.calls, 2);
    assert_eq!(c.model_calls, 2);
    let files = tree(&out);
    assert_eq!(files["f1.en.txt"], b"A\nB\nA\n");
    assert_eq!(files["f2.tsv"], b"B\tB\t-0.010\nC\tC\t-0.010\n");
}

fn corpus(root: &Path, files: usize) {
    for i in 0..files {
        let mut text = String::new();
        for j in 0..(3 + i % 4) {
            text.push_str(&format!("جملة {} من الملف {i}\n", j * 7 % 5));
            if j == 1 {
                text.push_str("حقوق النشر محفوظة\n\n"); // boilerplate in every file
            }
        }
        write(root, &format!("part{}/doc{i:02}.txt", i % 3), text);
    }
}

#[test]
fn warm_rerun_does_no_model_work() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("in");
    corpus(&root, 12);
    let out = dir.path().join("out");
    let opts = Opts::default();

    let mut store = quick_store(dir.path());
    let mut cold = FakeBackend::default();
    let first = run_fake(
        std::slice::from_ref(&root),
        &out,
        &mut store,
        &mut cold,
        &opts,
    );
    assert_eq!(first.counts.files_done, 12);
    assert!(cold.calls > 0);
    let distinct = first.counts.translated_by_model;
    assert_eq!(
        first.counts.sentences,
        distinct + first.counts.deduplicated + first.counts.served_from_store
    );
    let outputs = tree(&out);
    drop(store);

    // Same command again: every file is resumed from the journal.
    let mut store = quick_store(dir.path());
    let mut warm = FakeBackend::default();
    let second = run_fake(
        std::slice::from_ref(&root),
        &out,
        &mut store,
        &mut warm,
        &opts,
    );
    assert_eq!(warm.calls, 0);
    assert_eq!(second.counts.files_resumed, 12);
    assert_eq!(second.counts.files_done, 0);
    assert_eq!(second.counts.translated_by_model, 0);
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(second.manifest.unwrap()).unwrap()).unwrap();
    assert_eq!(manifest["counts"]["translated_by_model"], 0);
    assert_eq!(manifest["counts"]["files_resumed"], 12);

    // Outputs gone (say a new OUTDIR): files are redone, every sentence from the store.
    std::fs::remove_dir_all(&out).unwrap();
    let mut warm = FakeBackend::default();
    let third = run_fake(
        std::slice::from_ref(&root),
        &out,
        &mut store,
        &mut warm,
        &opts,
    );
    assert_eq!(warm.calls, 0);
    assert_eq!(third.counts.files_done, 12);
    assert_eq!(third.counts.served_from_store, distinct);
    assert_eq!(third.counts.translated_by_model, 0);
    assert_eq!(tree(&out), outputs);

    // One file changed: only it is redone, only its new sentence goes to the model.
    let changed = root.join("part1/doc04.txt");
    let mut text = std::fs::read_to_string(&changed).unwrap();
    text.push_str("سطر جديد تماما\n");
    std::fs::write(&changed, text).unwrap();
    let mut warm = FakeBackend::default();
    let fourth = run_fake(&[root], &out, &mut store, &mut warm, &opts);
    assert_eq!(fourth.counts.files_done, 1);
    assert_eq!(fourth.counts.files_resumed, 11);
    assert_eq!(warm.inputs_translated, 1);
    assert!(tree(&out)["part1/doc04.en.txt"].ends_with("امامت ديدج رطس\n".as_bytes()));
}

#[test]
fn bad_files_are_reported_and_the_batch_finishes() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("in");
    write(&root, "good.txt", "fine line\n");
    write(&root, "invalid.txt", b"ok\n\xc3\x28 broken\n");
    write(&root, "binary.txt", b"text\0more");
    write(&root, "empty.txt", b"");
    write(&root, "blank.txt", b" \n\t\n");
    write(&root, "rejected.txt", "FAKE_PIPELINE_ERROR\n");
    write(&root, "panics.txt", "FAKE_PIPELINE_PANIC\n");
    let huge_line: String = "كلمة ".repeat(400_000); // 4 MB on one line
    write(&root, "huge.txt", &huge_line);
    #[cfg(unix)]
    std::os::unix::fs::symlink(root.join("missing-target"), root.join("dangling.txt")).unwrap();
    // chmod 000 stops reads unless the tests run as root; the expectation follows the OS.
    let locked = write(&root, "locked.txt", "secret line\n");
    #[cfg(unix)]
    let locked_readable = {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
        std::fs::File::open(&locked).is_ok()
    };
    #[cfg(not(unix))]
    let locked_readable = true;

    let out = dir.path().join("out");
    let mut store = quick_store(dir.path());
    let mut backend = FakeBackend::default();
    let report = run_fake(
        std::slice::from_ref(&root),
        &out,
        &mut store,
        &mut backend,
        &Opts::default(),
    );
    assert_eq!(report.exit_code(), 1);
    let reason = |list: &[tarjama::batch::manifest::FileIssue], name: &str| {
        list.iter()
            .find(|i| i.path.ends_with(name))
            .map(|i| i.reason.clone())
    };
    let failed = &report.failures;
    assert!(reason(failed, "invalid.txt")
        .unwrap()
        .contains("invalid UTF-8 at byte offset 3 (line 2)"));
    assert!(reason(failed, "binary.txt")
        .unwrap()
        .contains("NUL byte at byte offset 4"));
    assert!(reason(failed, "rejected.txt")
        .unwrap()
        .contains("rejects FAKE_PIPELINE_ERROR"));
    assert!(reason(failed, "panics.txt")
        .unwrap()
        .contains("internal error"));
    #[cfg(unix)]
    assert!(reason(failed, "dangling.txt")
        .unwrap()
        .contains("cannot read"));
    if locked_readable {
        assert!(reason(failed, "locked.txt").is_none());
    } else {
        assert!(reason(failed, "locked.txt")
            .unwrap()
            .contains("cannot read"));
    }
    assert_eq!(reason(&report.skipped, "empty.txt").unwrap(), "empty file");
    assert_eq!(
        reason(&report.skipped, "blank.txt").unwrap(),
        "only whitespace"
    );
    let expected_failed = if cfg!(unix) { 5 } else { 4 } + usize::from(!locked_readable);
    assert_eq!(failed.len(), expected_failed, "{failed:?}");
    assert_eq!(report.counts.files_failed as usize, expected_failed);
    assert_eq!(report.counts.files_skipped, 2);

    // The summary names every failed and skipped file with its reason.
    let summary = report.summary();
    for issue in report.failures.iter().chain(&report.skipped) {
        assert!(summary.contains(&format!("{}: {}", issue.path.display(), issue.reason)));
    }
    // Good files, including the huge one-line file, are complete.
    let files = tree(&out);
    assert_eq!(files["good.en.txt"], b"enil enif\n");
    let huge_out = String::from_utf8(files["huge.en.txt"].clone()).unwrap();
    assert_eq!(
        huge_out.trim_end().chars().count(),
        huge_line.trim().chars().count()
    );
    // The journal records each outcome.
    let key = job_key(
        &out,
        &backend.model(),
        &backend.settings_key(),
        &FakePipeline::default().config_key(),
    );
    let journal = store.journal_load(&key).unwrap();
    let count = |status| journal.values().filter(|e| e.status == status).count();
    assert_eq!(count(JobStatus::Failed), expected_failed);
    assert_eq!(count(JobStatus::Skipped), 2);
    assert_eq!(count(JobStatus::Done), 2 + usize::from(locked_readable));

    // Under --lossy the invalid file is translated with a warning.
    let mut backend = FakeBackend::default();
    let lossy = run_fake(
        &[root],
        &out,
        &mut store,
        &mut backend,
        &Opts {
            lossy: true,
            ..Opts::default()
        },
    );
    assert!(reason(&lossy.failures, "invalid.txt").is_none());
    assert!(reason(&lossy.warnings, "invalid.txt")
        .unwrap()
        .contains("replacement"));
    assert_eq!(
        tree(&out)["invalid.en.txt"],
        "ko\nnekorb (\u{FFFD}\n".as_bytes()
    );
}

#[test]
fn a_failing_sentence_fails_only_its_file_and_is_retried_later() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("in");
    write(&root, "f1.txt", "ok one\nPOISON here\n");
    write(&root, "f2.txt", "ok two\n");
    let out = dir.path().join("out");
    let mut store = quick_store(dir.path());
    let mut backend = FakeBackend {
        fail_on: Some("POISON".into()),
        ..FakeBackend::default()
    };
    let report = run_fake(
        std::slice::from_ref(&root),
        &out,
        &mut store,
        &mut backend,
        &Opts::default(),
    );
    assert_eq!(report.exit_code(), 1);
    assert_eq!(report.failures.len(), 1);
    assert!(report.failures[0].path.ends_with("f1.txt"));
    assert!(report.failures[0]
        .reason
        .contains("1 of 2 sentences could not be translated"));
    assert_eq!(report.counts.failed_sentences, 1);
    // One failed call of three inputs, then three single retries.
    assert_eq!(backend.calls, 4);
    assert_eq!(tree(&out)["f2.en.txt"], b"owt ko\n");

    // With a healthy model the failed file is redone; only the poisoned sentence is new work.
    let mut healthy = FakeBackend::default();
    let again = run_fake(&[root], &out, &mut store, &mut healthy, &Opts::default());
    assert_eq!(again.exit_code(), 0);
    assert_eq!(again.counts.files_resumed, 1);
    assert_eq!(healthy.inputs_translated, 1);
    assert_eq!(tree(&out)["f1.en.txt"], b"eno ko\nereh NOSIOP\n");
}

#[test]
fn shards_together_equal_one_full_run() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("in");
    corpus(&root, 20);
    let full_out = dir.path().join("full");
    let mut backend = FakeBackend::default();
    let mut store = Store::in_memory().unwrap();
    let full = run_fake(
        std::slice::from_ref(&root),
        &full_out,
        &mut store,
        &mut backend,
        &Opts::default(),
    );
    assert_eq!(full.counts.files_done, 20);

    let shard_out = dir.path().join("shards");
    let mut done = 0;
    for k in 1..=3 {
        // Each machine has its own store.
        let mut store = Store::open(&dir.path().join(format!("store{k}.sqlite"))).unwrap();
        let mut backend = FakeBackend::default();
        let opts = Opts {
            shard: Some(Shard { index: k, count: 3 }),
            ..Opts::default()
        };
        let report = run_fake(
            std::slice::from_ref(&root),
            &shard_out,
            &mut store,
            &mut backend,
            &opts,
        );
        done += report.counts.files_done;
        assert!(shard_out
            .join(format!("tarjama-manifest.shard-{k}-of-3.json"))
            .is_file());
    }
    assert_eq!(done, 20);
    assert_eq!(tree(&shard_out), tree(&full_out));

    // The shard stores merged hold every translation the full run made.
    let mut merged = Store::open(&dir.path().join("merged.sqlite")).unwrap();
    for k in 1..=3 {
        merged
            .merge_from(&dir.path().join(format!("store{k}.sqlite")))
            .unwrap();
    }
    assert_eq!(
        merged.stats().unwrap().translations,
        full.counts.translated_by_model
    );
}

#[test]
fn stale_temporary_files_are_swept() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("in");
    write(&root, "a.txt", "x\n");
    let out = dir.path().join("out");
    let stale = write(&out, ".a.en.txt.tarjama-tmp-abc123", "partial");
    let foreign = write(&out, ".other.en.txt.tarjama-tmp-abc123", "another shard's");
    let manifest_tmp = write(&out, ".tarjama-manifest.json.tarjama-tmp-q", "{");
    let mut backend = FakeBackend::default();
    let mut store = Store::in_memory().unwrap();
    run_fake(&[root], &out, &mut store, &mut backend, &Opts::default());
    assert!(!stale.exists());
    assert!(!manifest_tmp.exists());
    assert!(foreign.exists());
}

#[test]
fn manifest_records_the_run() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("in");
    write(&root, "a.txt", "one\ntwo\n");
    write(&root, "bad.txt", b"\0");
    let out = dir.path().join("out");
    let mut backend = FakeBackend::default();
    let mut store = Store::in_memory().unwrap();
    let report = run_fake(&[root], &out, &mut store, &mut backend, &Opts::default());
    let path: PathBuf = report.manifest.clone().unwrap();
    assert_eq!(path, out.join("tarjama-manifest.json"));
    let m: serde_json::Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    assert_eq!(m["tool"], "tarjama");
    assert_eq!(m["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(m["model"]["id"], "fake/reverse");
    assert_eq!(m["model"]["weights_sha256"], "0".repeat(64));
    assert_eq!(m["settings_key"], "fake");
    assert_eq!(m["counts"]["files_done"], 1);
    assert_eq!(m["counts"]["files_failed"], 1);
    assert_eq!(m["counts"]["sentences"], 2);
    assert_eq!(m["exit_code"], 1);
    assert!(m["store"].is_null());
    assert!(m["failures"][0]["reason"]
        .as_str()
        .unwrap()
        .contains("NUL byte"));
    let started = m["timings"]["started"].as_str().unwrap();
    assert_eq!(started.len(), 20);
    assert!(started.ends_with('Z'));
    // Outputs carry no timestamps: a second run into a fresh directory is byte-identical.
    let out2 = dir.path().join("out2");
    let mut backend = FakeBackend::default();
    run_fake(
        &[dir.path().join("in")],
        &out2,
        &mut store,
        &mut backend,
        &Opts::default(),
    );
    assert_eq!(tree(&out), tree(&out2));
}

#[test]
fn inputs_are_normalised_before_the_store_and_deduplication() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("in");
    // U+0627 ALEF + U+0653 MADDAH ABOVE composes (NFC) to U+0622 ALEF WITH MADDAH ABOVE;
    // runs of spaces and tabs collapse to one space.
    write(&root, "a.txt", "\u{622}خر  الليل\n");
    write(&root, "b.txt", "\u{627}\u{653}خر \t الليل\n");
    let out = dir.path().join("out");
    let mut store = Store::in_memory().unwrap();
    let mut backend = FakeBackend::default();
    let report = run_fake(&[root], &out, &mut store, &mut backend, &Opts::default());
    assert_eq!(backend.inputs_translated, 1);
    assert_eq!(report.counts.deduplicated, 1);
    let files = tree(&out);
    assert_eq!(files["a.en.txt"], files["b.en.txt"]);
    assert_eq!(files["a.en.txt"], "ليللا رخ\u{622}\n".as_bytes());
}

/// A model that loses one answer per call.
struct LossyBackend(FakeBackend);

impl Backend for LossyBackend {
    fn model(&self) -> tarjama::batch::store::ModelKey {
        self.0.model()
    }
    fn settings_key(&self) -> String {
        self.0.settings_key()
    }
    fn translate(
        &mut self,
        inputs: &[String],
    ) -> Result<Vec<tarjama::batch::runner::Translation>, tarjama::batch::runner::BoxError> {
        let mut answers = self.0.translate(inputs)?;
        answers.pop();
        Ok(answers)
    }
}

#[test]
fn a_model_returning_too_few_answers_fails_the_files_not_the_run() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("in");
    write(&root, "a.txt", "one\ntwo\n");
    let out = dir.path().join("out");
    let mut store = Store::in_memory().unwrap();
    let mut backend = LossyBackend(FakeBackend::default());
    let globs = tarjama::batch::jobs::glob_set(&[]).unwrap();
    let plan = tarjama::batch::jobs::plan(std::slice::from_ref(&root), &globs, &out, None).unwrap();
    let config = tarjama::batch::runner::RunConfig::new(vec![root], out.clone());
    let progress = tarjama::batch::progress::Progress::new(
        tarjama::batch::progress::ProgressMode::Quiet,
        Box::new(std::io::sink()),
    );
    let report = tarjama::batch::runner::run(
        &config,
        &plan,
        &FakePipeline::default(),
        &mut backend,
        &mut store,
        &progress,
    )
    .unwrap();
    assert_eq!(report.exit_code(), 1);
    assert!(
        report.failures[0]
            .reason
            .contains("model returned 0 translations for 1 inputs"),
        "{:?}",
        report.failures
    );
    // Nothing wrong was stored.
    assert_eq!(store.stats().unwrap().translations, 0);
}
