//! `tarjama segment` as a command: the hidden `--common-words` option the speaker pass's
//! training script uses to replace the built-in list of common words.

use std::path::PathBuf;
use std::process::Command;

fn binary() -> PathBuf {
    std::env::var_os("TARJAMA_TEST_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_tarjama")))
}

/// The rules' speakers (no learned pass) of `text`, with `extra` arguments.
fn speakers(dir: &std::path::Path, text: &str, extra: &[&str]) -> Vec<Option<String>> {
    let page = dir.join("page.txt");
    std::fs::write(&page, text).unwrap();
    let out = Command::new(binary())
        .args(["segment", "--format", "json", "--no-speaker-rerank"])
        .args(extra)
        .arg(&page)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    json["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["speaker"].as_str().map(str::to_string))
        .collect()
}

#[test]
fn a_replaced_common_word_list_changes_where_names_end() {
    let dir = tempfile::tempdir().unwrap();
    let text = "وقالت بلقيس فتحي لأول مرة إن \"الأغنية جاهزة للطرح\".\n";
    // With the built-in list `لأول مرة` is no part of the name; with an empty list (only a
    // comment) nothing tells it from a surname.
    assert_eq!(
        speakers(dir.path(), text, &[]),
        [Some("بلقيس فتحي".to_string())]
    );
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "# no words\n").unwrap();
    let empty = empty.to_str().unwrap();
    assert_eq!(
        speakers(dir.path(), text, &["--common-words", empty]),
        [Some("بلقيس فتحي لأول مرة".to_string())]
    );
    // A list naming the words (unnormalised: `مرة` with its ta marbuta) works as the built-in.
    let list = dir.path().join("list.txt");
    std::fs::write(&list, "لأول\nمرة\n").unwrap();
    assert_eq!(
        speakers(
            dir.path(),
            text,
            &["--common-words", list.to_str().unwrap()]
        ),
        [Some("بلقيس فتحي".to_string())]
    );
}

#[test]
fn a_missing_common_word_list_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.txt");
    std::fs::write(&page, "قال زيد: \"نعم\".\n").unwrap();
    let out = Command::new(binary())
        .args(["segment", "--common-words"])
        .arg(dir.path().join("missing.txt"))
        .arg(&page)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("common-word list"), "{err}");
}
