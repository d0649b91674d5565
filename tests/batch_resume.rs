//! Crash safety with a real process: SIGKILL at random moments, then the same command again
//! must finish with outputs byte-identical to an undisturbed run.
//!
//! The process is the `batch_fake` example (the batch runner with the fake model, slowed
//! down so kills land mid-run). [`batch_support::kill_and_resume`] takes any command, so the
//! same check can drive `tarjama translate` with a real model.

mod batch_support;

use std::path::{Path, PathBuf};
use std::process::Command;

use batch_support::{kill_and_resume, write};

/// The `batch_fake` example binary, built next to this test (a plain `cargo test` builds
/// examples; a filtered run may not have, so build it then).
fn batch_fake() -> PathBuf {
    let exe = std::env::current_exe().expect("test binary path");
    // target/<profile>/deps/<test> → target/<profile>/examples/batch_fake
    let profile_dir = exe.parent().and_then(Path::parent).expect("target layout");
    let example = profile_dir
        .join("examples")
        .join(format!("batch_fake{}", std::env::consts::EXE_SUFFIX));
    if !example.is_file() {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let target_dir = profile_dir.parent().expect("target dir");
        let mut build = Command::new(cargo);
        build
            .args(["build", "--example", "batch_fake", "--target-dir"])
            .arg(target_dir)
            .current_dir(env!("CARGO_MANIFEST_DIR"));
        if profile_dir.file_name().is_some_and(|n| n == "release") {
            build.arg("--release");
        }
        let status = build
            .status()
            .expect("run cargo build --example batch_fake");
        assert!(status.success(), "building the batch_fake example failed");
    }
    example
}

fn corpus(root: &Path) {
    for i in 0..30 {
        let mut text = String::new();
        for j in 0..(2 + i % 5) {
            text.push_str(&format!("السطر {j} من الوثيقة رقم {i}\n"));
            if j % 2 == 1 {
                text.push_str("جميع الحقوق محفوظة\n\n");
            }
        }
        write(root, &format!("set{}/doc{i:02}.txt", i % 4), text);
    }
    write(root, "bad/binary.txt", b"\0\x01");
    write(root, "bad/empty.txt", b"");
}

#[test]
fn kill_minus_nine_then_rerun_gives_identical_outputs() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    corpus(&input);
    // Leave the bad files out: this check wants exit status 0 from every finished run.
    std::fs::remove_dir_all(input.join("bad")).unwrap();
    let program = batch_fake();
    let report = kill_and_resume(dir.path(), 4, &|out, store| {
        let mut cmd = Command::new(&program);
        cmd.arg(&input)
            .arg("-o")
            .arg(out)
            .arg("--cache")
            .arg(store)
            .args(["--batch", "4", "--delay-ms", "15", "--quiet"]);
        cmd
    });
    assert_eq!(report.files, 60);
    assert!(
        report.interrupted >= 1,
        "no kill landed while the process ran: {report:?}"
    );
}

#[test]
fn bad_files_give_exit_status_one_and_usage_errors_two() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    corpus(&input);
    let out = dir.path().join("out");
    let program = batch_fake();
    let output = Command::new(&program)
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .args(["--no-cache", "--progress-interval", "0"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let log = String::from_utf8_lossy(&output.stderr);
    // Plain progress lines (stderr is a pipe here, not a terminal) and the summary.
    assert!(log.contains("files 32/32 (1 failed, 1 skipped)"), "{log}");
    assert!(
        log.contains("binary.txt: binary file (NUL byte at byte offset 0)"),
        "{log}"
    );
    assert!(log.contains("empty.txt: empty file"), "{log}");

    let missing = Command::new(&program)
        .arg(dir.path().join("does-not-exist"))
        .arg("-o")
        .arg(&out)
        .arg("--no-cache")
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(2));
    let bad_shard = Command::new(&program)
        .arg(&input)
        .args(["-o", "x", "--no-cache", "--shard", "4/3"])
        .output()
        .unwrap();
    assert_eq!(bad_shard.status.code(), Some(2));
}

#[test]
fn two_processes_can_share_one_store() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    corpus(&input);
    std::fs::remove_dir_all(input.join("bad")).unwrap();
    let program = batch_fake();
    let store = dir.path().join("shared.sqlite");
    let out = dir.path().join("out");
    let children: Vec<_> = (1..=2)
        .map(|k| {
            Command::new(&program)
                .arg(&input)
                .arg("-o")
                .arg(&out)
                .arg("--cache")
                .arg(&store)
                .args(["--batch", "2", "--quiet", "--shard", &format!("{k}/2")])
                .spawn()
                .unwrap()
        })
        .collect();
    for mut child in children {
        assert_eq!(child.wait().unwrap().code(), Some(0));
    }
    let full = dir.path().join("full");
    let status = Command::new(&program)
        .arg(&input)
        .arg("-o")
        .arg(&full)
        .args(["--no-cache", "--quiet"])
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(0));
    assert_eq!(batch_support::tree(&out), batch_support::tree(&full));
}
