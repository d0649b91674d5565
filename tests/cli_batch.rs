//! The batch features of issue 5, end to end: the built `tarjama` binary with the small
//! random-weight test model (`models/test-opus-mt-ar-en`).
//!
//! Decoding is kept cheap (`--beam 1 --max-new-tokens 8 --threads 1`): the random model never
//! emits end-of-sentence, so every sentence costs exactly the cap.
//!
//! `TARJAMA_TEST_BIN=/path/to/tarjama` runs the tests against another build of the binary (for
//! a target directory shared by several checkouts, where `cargo` may replace the binary
//! mid-run); by default they run the one cargo built for this test.

mod batch_support;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use batch_support::{kill_and_resume, tree, write};

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn binary() -> PathBuf {
    std::env::var_os("TARJAMA_TEST_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_tarjama")))
}

fn model() -> PathBuf {
    repo().join("models/test-opus-mt-ar-en")
}

/// Lines of the sample news page (Arabic prose, headlines, quotes), blank ones left out.
fn sample_lines() -> Vec<String> {
    let text = std::fs::read_to_string(repo().join("samples/000_1fa0ea5cd19dd44f.txt"))
        .expect("the sample page");
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// `n` small Arabic files in nested folders, each a different mix of the sample's lines
/// (two or three lines each, so some lines recur across files).
fn corpus(root: &Path, n: usize) -> Vec<PathBuf> {
    let lines = sample_lines();
    (0..n)
        .map(|i| {
            let text: String = (0..2 + i % 2)
                .map(|j| format!("{}\n\n", lines[(i * 5 + j * 3) % lines.len()]))
                .collect();
            write(
                root,
                &format!("part{}/sub{}/doc{i:03}.txt", i % 3, i % 2),
                text,
            )
        })
        .collect()
}

/// `tarjama translate INPUT -o OUT/ --cache STORE -f FORMATS --model TEST` plus the cheap
/// decoding options.
fn translate(input: &Path, out: &Path, store: &Path, formats: &str) -> Command {
    translate_with(&model(), input, out, store, formats)
}

/// [`translate`] with another model folder.
fn translate_with(model: &Path, input: &Path, out: &Path, store: &Path, formats: &str) -> Command {
    let mut cmd = Command::new(binary());
    cmd.args(["translate", "-f", formats])
        .arg("--model")
        .arg(model)
        .args(["--beam", "1", "--max-new-tokens", "8", "--threads", "1"])
        .arg(input)
        .arg("-o")
        .arg(format!("{}/", out.display()))
        .arg("--cache")
        .arg(store);
    cmd
}

fn run(cmd: &mut Command) -> (i32, String) {
    let Output { status, stderr, .. } = cmd.output().expect("start tarjama");
    (
        status.code().expect("tarjama exited by a signal"),
        String::from_utf8_lossy(&stderr).into_owned(),
    )
}

fn manifest(out: &Path, name: &str) -> serde_json::Value {
    let text = std::fs::read_to_string(out.join(name)).expect("the run manifest");
    serde_json::from_str(&text).expect("manifest is JSON")
}

fn count(m: &serde_json::Value, key: &str) -> u64 {
    m["counts"][key]
        .as_u64()
        .unwrap_or_else(|| panic!("counts.{key} in {m}"))
}

#[test]
fn kill_minus_nine_then_rerun_gives_identical_outputs() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    corpus(&input, 36);
    let report = kill_and_resume(dir.path(), 4, &|out, store| {
        // Small model calls: many commits, so kills land between and inside them.
        let mut cmd = translate(&input, out, store, "text,jsonl,tmx,xliff");
        cmd.args(["--batch-sentences", "3", "--quiet"]);
        cmd
    });
    assert_eq!(report.files, 36 * 4);
    assert!(
        report.interrupted >= 1,
        "no kill landed while the process ran: {report:?}"
    );
}

/// `(kind, id, English, score)` of every unit in a JSON Lines output.
fn units(jsonl: &[u8]) -> Vec<(String, String, String, f64)> {
    String::from_utf8_lossy(jsonl)
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter(|v| v["en"].is_string())
        .map(|v| {
            (
                v["type"].to_string(),
                v["id"].to_string(),
                v["en"].as_str().unwrap_or_default().to_string(),
                v["score"].as_f64().unwrap_or(f64::NAN),
            )
        })
        .collect()
}

#[test]
fn batch_composition_changes_no_text_and_scores_only_in_the_last_digits() {
    // A resumed run makes the same model calls as an undisturbed one for the rest of the
    // work: the runner commits whole calls and queues inputs in plan order (the kill test
    // checks the bytes). Across *different* batch sizes the engine is not bit-exact: a
    // sentence's encoder output depends in its last bits on how many token rows (batch ×
    // padded length) go through the dense layers together, because the CPU matrix multiply
    // picks its kernel and blocking by shape (up to 8 token rows the bits match; two copies of
    // a 5-token sentence in one batch already differ). Padded positions themselves are
    // harmless: masked keys get exactly 0 from the softmax. So scores move in the last digits,
    // and a near-tie could flip a token; on this corpus the texts stay the same. This pins
    // both facts down.
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    corpus(&input, 12);
    let mut trees = Vec::new();
    for batch in ["1", "5", "64"] {
        let out = dir.path().join(format!("out-{batch}"));
        let mut cmd = translate(&input, &out, &dir.path().join("unused"), "jsonl");
        cmd.args(["--no-cache", "--quiet", "--batch-sentences", batch]);
        assert_eq!(run(&mut cmd).0, 0);
        trees.push((batch, tree(&out)));
    }
    let (_, alone) = &trees[0];
    for (batch, t) in &trees[1..] {
        assert_eq!(
            alone.keys().collect::<Vec<_>>(),
            t.keys().collect::<Vec<_>>()
        );
        for (name, bytes) in alone {
            let (a, b) = (units(bytes), units(&t[name]));
            assert_eq!(a.len(), b.len(), "{name}");
            for (x, y) in a.iter().zip(&b) {
                assert_eq!(
                    (&x.0, &x.1, &x.2),
                    (&y.0, &y.1, &y.2),
                    "{name}, batch {batch}"
                );
                assert!(
                    (x.3 - y.3).abs() <= 1e-5 * x.3.abs().max(1.0),
                    "{name} {}: score {} alone, {} in batches of {batch}",
                    x.1,
                    x.3,
                    y.3
                );
            }
        }
    }
}

#[test]
fn bad_files_fail_alone_and_are_named_in_the_summary() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    corpus(&input, 3);
    write(
        &input,
        "bad/latin1.txt",
        b"\xd8\xa7\xd9\x84 caf\xe9 \xd8\xa7\n",
    );
    write(&input, "bad/binary.txt", b"\xd8\xa7\0\x01\x02");
    write(&input, "bad/empty.txt", b"");
    // One line of about 40 000 characters with no sentence end: the text stage splits it,
    // and every part must reach the output (nothing truncated). The words differ (numbered)
    // so no two parts are repeats.
    let words: Vec<String> = (0..5000).map(|i| format!("كلمة{i}")).collect();
    let huge = format!("{} نهاية\n", words.join(" "));
    write(&input, "big/one-line.txt", &huge);
    let out = dir.path().join("out");
    let (code, log) = run(
        translate(&input, &out, &dir.path().join("s.sqlite"), "jsonl")
            .args(["--progress-interval", "0"]),
    );
    assert_eq!(code, 1, "{log}");
    let summary = &log[log.find("tarjama: 4 of 7 files done").expect(&log)..];
    assert!(summary.contains("2 failed, 1 skipped"), "{log}");
    assert!(
        summary.contains("bad/binary.txt: binary file (NUL byte at byte offset 2)"),
        "{log}"
    );
    assert!(
        summary.contains("bad/latin1.txt: invalid UTF-8 at byte offset 8 (line 1)"),
        "{log}"
    );
    assert!(summary.contains("bad/empty.txt: empty file"), "{log}");
    let m = manifest(&out, "tarjama-manifest.json");
    assert_eq!(m["exit_code"], 1);
    assert_eq!(m["failures"].as_array().unwrap().len(), 2);
    assert_eq!(m["skipped"].as_array().unwrap().len(), 1);

    // The huge line is there in full: every word of the source reappears in the output's
    // source side, in order, and it took more than one model input.
    let jsonl = std::fs::read_to_string(out.join("big/one-line.jsonl")).unwrap();
    let mut sources = String::new();
    let mut units = 0;
    for line in jsonl.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        if v["type"] != "sentence" {
            continue;
        }
        if let Some(src) = v["ar"].as_str() {
            sources.push_str(src);
            sources.push(' ');
            units += 1;
        }
    }
    let seen: Vec<&str> = sources.split_whitespace().collect();
    let expected: Vec<&str> = huge.split_whitespace().collect();
    assert_eq!(seen, expected, "the one-line file lost or changed words");
    assert_eq!(units, 1, "one line, no sentence end: one sentence");
    // …which went to the model in parts of at most 600 characters (alone again: all parts
    // now come from the store).
    let big_out = dir.path().join("big-out");
    let (code, log) = run(&mut translate(
        &input.join("big"),
        &big_out,
        &dir.path().join("s.sqlite"),
        "jsonl",
    ));
    assert_eq!(code, 0, "{log}");
    let m = manifest(&big_out, "tarjama-manifest.json");
    let parts = count(&m, "sentences");
    assert!(parts >= huge.chars().count() as u64 / 600, "{m}");
    assert_eq!(count(&m, "translated_by_model"), 0, "{m}");
    assert!(!out.join("bad").exists(), "failed files wrote outputs");

    // --lossy: the invalid UTF-8 file is translated, with a warning naming it.
    let lossy_in = dir.path().join("lossy-in");
    std::fs::create_dir_all(&lossy_in).unwrap();
    std::fs::copy(input.join("bad/latin1.txt"), lossy_in.join("latin1.txt")).unwrap();
    let lossy_out = dir.path().join("lossy-out");
    let (code, log) =
        run(translate(&lossy_in, &lossy_out, &dir.path().join("s.sqlite"), "jsonl").arg("--lossy"));
    assert_eq!(code, 0, "{log}");
    assert!(
        log.contains("warning") && log.contains("latin1.txt") && log.contains("replacement"),
        "{log}"
    );
    let m = manifest(&lossy_out, "tarjama-manifest.json");
    assert_eq!(m["warnings"].as_array().unwrap().len(), 1, "{m}");
    let jsonl = std::fs::read_to_string(lossy_out.join("latin1.jsonl")).unwrap();
    assert!(jsonl.contains("caf\u{FFFD}"), "{jsonl}");
}

#[test]
fn warm_rerun_does_no_model_work_and_lost_outputs_come_from_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    corpus(&input, 6);
    let out = dir.path().join("out");
    let store = dir.path().join("store.sqlite");
    let cold = || translate(&input, &out, &store, "text,html");
    assert_eq!(run(&mut cold()).0, 0);
    let first = manifest(&out, "tarjama-manifest.json");
    let sentences = count(&first, "sentences");
    assert!(count(&first, "translated_by_model") > 0);
    assert_eq!(count(&first, "files_done"), 6);
    let outputs = tree(&out);

    // Warm: every file finished by the first run, nothing read from the model.
    assert_eq!(run(&mut cold()).0, 0);
    let warm = manifest(&out, "tarjama-manifest.json");
    assert_eq!(count(&warm, "files_resumed"), 6, "{warm}");
    assert_eq!(count(&warm, "files_done"), 0, "{warm}");
    assert_eq!(count(&warm, "translated_by_model"), 0, "{warm}");
    assert_eq!(count(&warm, "model_calls"), 0, "{warm}");

    // Outputs deleted: every file is written again, every sentence from the store.
    std::fs::remove_dir_all(&out).unwrap();
    assert_eq!(run(&mut cold()).0, 0);
    let again = manifest(&out, "tarjama-manifest.json");
    assert_eq!(count(&again, "files_done"), 6, "{again}");
    assert_eq!(count(&again, "translated_by_model"), 0, "{again}");
    assert_eq!(count(&again, "model_calls"), 0, "{again}");
    assert_eq!(count(&again, "sentences"), sentences);
    assert_eq!(
        count(&again, "served_from_store") + count(&again, "deduplicated"),
        sentences,
        "{again}"
    );
    assert_eq!(tree(&out), outputs);
}

#[test]
fn a_sentence_repeated_across_files_is_translated_once() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    let lines = sample_lines();
    let (a, b, c) = (&lines[2], &lines[3], &lines[5]);
    // Three files, six sentence occurrences, three distinct sentences.
    write(&input, "x/one.txt", format!("{a}\n\n{b}\n"));
    write(&input, "x/two.txt", format!("{a}\n\n{c}\n"));
    write(&input, "y/three.txt", format!("{b}\n\n{a}\n"));
    let out = dir.path().join("out");
    let (code, log) =
        run(translate(&input, &out, &dir.path().join("s.sqlite"), "jsonl").args(["--no-cache"]));
    assert_eq!(code, 0, "{log}");
    let m = manifest(&out, "tarjama-manifest.json");
    let sentences = count(&m, "sentences");
    let by_model = count(&m, "translated_by_model");
    let repeats = count(&m, "deduplicated");
    // Each chosen line is one sentence; a quoted line may add its quote as a unit of its own,
    // so count the distinct units of each line with the tool itself, line by line.
    let units_of = |line: &str| -> u64 {
        let single = dir.path().join("single");
        let _ = std::fs::remove_dir_all(&single);
        write(&single, "l.txt", format!("{line}\n"));
        let o = dir.path().join("single-out");
        let _ = std::fs::remove_dir_all(&o);
        let mut cmd = translate(&single, &o, &dir.path().join("u"), "jsonl");
        assert_eq!(run(cmd.arg("--no-cache")).0, 0);
        count(
            &manifest(&o, "tarjama-manifest.json"),
            "translated_by_model",
        )
    };
    let (ua, ub, uc) = (units_of(a), units_of(b), units_of(c));
    assert_eq!(by_model, ua + ub + uc, "{m}");
    assert_eq!(sentences, 3 * ua + 2 * ub + uc, "{m}");
    assert_eq!(repeats, 2 * ua + ub, "{m}");
    assert_eq!(count(&m, "served_from_store"), 0, "{m}");
    // The repeated sentence reads the same in every file.
    let first_translation = |name: &str| -> String {
        let text = std::fs::read_to_string(out.join(name)).unwrap();
        text.lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .find(|v| v["type"] == "sentence" && v["ar"].as_str() == Some(a.as_str()))
            .map(|v| v["en"].to_string())
            .unwrap_or_default()
    };
    let t1 = first_translation("x/one.jsonl");
    assert!(!t1.is_empty() && t1 != "null");
    assert_eq!(t1, first_translation("x/two.jsonl"));
    assert_eq!(t1, first_translation("y/three.jsonl"));
}

#[test]
fn shards_cover_every_file_exactly_once() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    let files = corpus(&input, 10);
    let out = dir.path().join("out");
    let mut done = 0;
    for k in 1..=3 {
        let store = dir.path().join(format!("store-{k}.sqlite"));
        let (code, log) =
            run(translate(&input, &out, &store, "text").args(["--shard", &format!("{k}/3")]));
        assert_eq!(code, 0, "{log}");
        let m = manifest(&out, &format!("tarjama-manifest.shard-{k}-of-3.json"));
        assert_eq!(count(&m, "files_total"), count(&m, "files_done"));
        done += count(&m, "files_done");
    }
    assert_eq!(done, 10);
    let written: BTreeSet<String> = tree(&out).into_keys().collect();
    let expected: BTreeSet<String> = files
        .iter()
        .map(|f| {
            let rel = f.strip_prefix(&input).unwrap().to_string_lossy();
            rel.replace(".txt", ".ar-en.txt")
        })
        .collect();
    assert_eq!(written, expected);

    // Together the shards wrote what one unsharded run writes.
    let whole = dir.path().join("whole");
    let (code, _) = run(&mut translate(
        &input,
        &whole,
        &dir.path().join("w.sqlite"),
        "text",
    ));
    assert_eq!(code, 0);
    assert_eq!(tree(&whole), tree(&out));

    // `cache merge` folds the shard stores into one holding what the unsharded run stored;
    // merging again adds nothing; `cache export` writes one <tu> per stored translation.
    let all = dir.path().join("all.sqlite");
    let mut merge = cache(&all, &["merge"]);
    for k in 1..=3 {
        merge.arg(dir.path().join(format!("store-{k}.sqlite")));
    }
    let (code, log) = run(&mut merge);
    assert_eq!(code, 0, "{log}");
    let (code, log) = run(cache(&all, &["merge"]).arg(dir.path().join("store-1.sqlite")));
    assert_eq!(code, 0, "{log}");
    assert!(
        log.contains("0 new translations, 0 new journal entries"),
        "{log}"
    );
    let stored = |store: &Path| -> u64 {
        let out = cache(store, &["stats", "--json"]).output().unwrap();
        assert_eq!(out.status.code(), Some(0));
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        v["translations"].as_u64().unwrap()
    };
    let whole_store = dir.path().join("w.sqlite");
    assert!(stored(&whole_store) > 0);
    assert_eq!(stored(&all), stored(&whole_store));
    let pairs = |store: &Path| -> BTreeSet<(String, String)> {
        let out = cache(store, &["export", "--format", "tmx"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
        let xml = String::from_utf8(out.stdout).unwrap();
        let doc = roxmltree::Document::parse(&xml).expect("well-formed TMX");
        doc.descendants()
            .filter(|n| n.has_tag_name("tu"))
            .map(|tu| {
                let segs: Vec<String> = tu
                    .descendants()
                    .filter(|n| n.has_tag_name("seg"))
                    .map(|n| n.text().unwrap_or_default().to_string())
                    .collect();
                (segs[0].clone(), segs[1].clone())
            })
            .collect()
    };
    let merged = pairs(&all);
    assert_eq!(merged.len() as u64, stored(&all));
    assert_eq!(merged, pairs(&whole_store));

    // Reading a store that is not there is a setup error, and creates nothing.
    let missing = dir.path().join("missing.sqlite");
    let (code, log) = run(&mut cache(&missing, &["stats"]));
    assert_eq!(code, 2, "{log}");
    assert!(log.contains("missing.sqlite") && !missing.exists(), "{log}");
}

/// `tarjama cache ARGS… --cache STORE`.
fn cache(store: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(binary());
    cmd.arg("cache").args(args).arg("--cache").arg(store);
    cmd
}

#[test]
fn usage_and_setup_errors_exit_with_two_and_say_what_is_wrong() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    corpus(&input, 1);
    let out = dir.path().join("out");
    let store = dir.path().join("s.sqlite");

    let missing = dir.path().join("no-such-input");
    let (code, log) = run(&mut translate(&missing, &out, &store, "text"));
    assert_eq!(code, 2, "{log}");
    assert!(log.contains("no-such-input"), "{log}");

    for bad in ["0/3", "4/3", "2", "a/b"] {
        let (code, log) = run(translate(&input, &out, &store, "text").args(["--shard", bad]));
        assert_eq!(code, 2, "--shard {bad}: {log}");
        assert!(log.contains("--shard"), "{log}");
    }

    let (code, log) = run(&mut translate(&input, &out, &store, "text,docx"));
    assert_eq!(code, 2, "{log}");
    assert!(log.contains("docx"), "{log}");

    // A model folder that does not exist, and one that lacks a file.
    let nowhere = dir.path().join("no-such-model");
    let (code, log) = run(&mut translate_with(&nowhere, &input, &out, &store, "text"));
    assert_eq!(code, 2, "{log}");
    assert!(log.contains("no-such-model"), "{log}");

    let partial = dir.path().join("partial-model");
    std::fs::create_dir_all(&partial).unwrap();
    for entry in std::fs::read_dir(model()).unwrap() {
        let entry = entry.unwrap();
        if entry.file_name() != "source.spm" {
            std::fs::copy(entry.path(), partial.join(entry.file_name())).unwrap();
        }
    }
    let (code, log) = run(&mut translate_with(&partial, &input, &out, &store, "text"));
    assert_eq!(code, 2, "{log}");
    assert!(log.contains("source.spm"), "{log}");
    assert!(
        !out.exists() || tree(&out).is_empty(),
        "setup errors wrote outputs"
    );
}
