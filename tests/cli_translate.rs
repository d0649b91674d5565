//! The `tarjama` binary end to end on the committed test model: `translate --lines` gives the
//! transformers reference texts line for line (greedy and beam 4, any batch budget),
//! `tokenize` gives the reference ids, and setup errors are clear and exit with 2.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const MODEL: &str = "models/test-opus-mt-ar-en";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn reference() -> Value {
    let path = root().join("tests/fixtures/reference.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn texts(r: &Value, key: &str) -> Vec<String> {
    r["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s[key].as_str().unwrap().to_string())
        .collect()
}

/// Runs `tarjama ARGS` in the repository root with `stdin` as standard input.
fn tarjama(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tarjama"))
        .args(args)
        .current_dir(root())
        .env("HF_HUB_OFFLINE", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin.as_bytes()).unwrap();
    drop(input);
    child.wait_with_output().unwrap()
}

fn stdout_lines(out: &Output) -> Vec<String> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The reference sentences with blank lines around and between some of them.
fn input_with_blanks(sources: &[String]) -> (String, Vec<Option<usize>>) {
    let mut text = String::from("\n");
    let mut layout = vec![None];
    for (i, s) in sources.iter().enumerate() {
        text.push_str(s);
        text.push('\n');
        layout.push(Some(i));
        if i % 7 == 3 {
            text.push_str("   \n");
            layout.push(None);
        }
    }
    (text, layout)
}

fn expected_lines(layout: &[Option<usize>], texts: &[String]) -> Vec<String> {
    layout
        .iter()
        .map(|l| l.map_or(String::new(), |i| texts[i].clone()))
        .collect()
}

const BASE: [&str; 8] = [
    "translate",
    "--lines",
    "--model",
    MODEL,
    "--punct-norm",
    "none",
    "--max-new-tokens",
    "24",
];

#[test]
fn lines_give_the_reference_translations_in_order_greedy_and_beam4() {
    let r = reference();
    let sources = texts(&r, "text");
    let (input, layout) = input_with_blanks(&sources);

    // Greedy, from standard input.
    let mut args = BASE.to_vec();
    args.extend(["--beam", "1", "-"]);
    let out = tarjama(&args, &input);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout_lines(&out),
        expected_lines(&layout, &texts(&r, "greedy_text"))
    );

    // Beam 4, from a file, once with one sentence per batch and once with all in one batch.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("lines.txt");
    std::fs::write(&file, &input).unwrap();
    let want = expected_lines(&layout, &texts(&r, "beam4_text"));
    for budget in ["1", "100000"] {
        let mut args = BASE.to_vec();
        args.extend(["--beam", "4", "--batch-tokens", budget]);
        args.push(file.to_str().unwrap());
        let out = tarjama(&args, "");
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert_eq!(stdout_lines(&out), want, "--batch-tokens {budget}");
    }
}

#[test]
fn a_line_over_the_position_limit_fails_alone() {
    let r = reference();
    let too_long = r["too_long"]["text"].as_str().unwrap();
    let s0 = &r["sentences"][0];
    let first = s0["text"].as_str().unwrap();
    let input = format!("{first}\n\n{too_long}\n{first}\n");
    let mut args = BASE.to_vec();
    args.extend(["--beam", "1"]);
    let out = tarjama(&args, &input);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let want = s0["greedy_text"].as_str().unwrap();
    assert_eq!(stdout_lines(&out), vec![want, "", "", want]);
    assert!(err.contains("line 3"), "the failed line is named: {err}");
    assert!(err.contains("512"), "the limit is named: {err}");
}

#[test]
fn tokenize_gives_the_reference_ids() {
    let r = reference();
    let sources = texts(&r, "text");
    let out = tarjama(
        &["tokenize", "--model", MODEL, "--punct-norm", "none"],
        &(sources.join("\n") + "\n"),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let lines = stdout_lines(&out);
    assert_eq!(lines.len(), sources.len());
    for (line, s) in lines.iter().zip(r["sentences"].as_array().unwrap()) {
        let got: Value = serde_json::from_str(line).unwrap();
        assert_eq!(got, s["input_ids"]);
    }
}

#[test]
fn setup_errors_are_clear_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no-such-model");
    let out = tarjama(
        &["translate", "--lines", "--model", missing.to_str().unwrap()],
        "مرحبا\n",
    );
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains(missing.to_str().unwrap()), "{err}");
    assert!(out.stdout.is_empty());

    // A folder that lacks a file: the file is named.
    let partial = dir.path().join("partial");
    std::fs::create_dir(&partial).unwrap();
    std::fs::copy(
        root().join(MODEL).join("config.json"),
        partial.join("config.json"),
    )
    .unwrap();
    let out = tarjama(
        &["translate", "--lines", "--model", partial.to_str().unwrap()],
        "مرحبا\n",
    );
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("is missing from"), "{err}");

    let out = tarjama(&["tokenize", "--model", missing.to_str().unwrap()], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains(missing.to_str().unwrap()));
}

#[cfg(not(feature = "cuda"))]
#[test]
fn cuda_without_the_feature_is_a_clear_error() {
    let out = tarjama(
        &["translate", "--lines", "--model", MODEL, "--device", "cuda"],
        "مرحبا\n",
    );
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.to_lowercase().contains("cuda"), "{err}");
    assert!(
        err.contains("--features cuda"),
        "the error says how to get CUDA: {err}"
    );
}
