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
    // comment) nothing tells `لأول` from a surname (`مرة` ends a subject by itself).
    assert_eq!(
        speakers(dir.path(), text, &[]),
        [Some("بلقيس فتحي".to_string())]
    );
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "# no words\n").unwrap();
    let empty = empty.to_str().unwrap();
    assert_eq!(
        speakers(dir.path(), text, &["--common-words", empty]),
        [Some("بلقيس فتحي لأول".to_string())]
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

#[test]
fn confidence_features_give_one_speaker_and_thirteen_features_per_speech_quote() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.txt");
    let text = "قال زيد بن علي إن \"الوضع صعب\".\nوقالت مصادر مطلعة إن \"الاتفاق قريب\".\n";
    std::fs::write(&page, text).unwrap();
    let out = Command::new(binary())
        .args(["segment", "--confidence-features"])
        .arg(&page)
        .output()
        .unwrap();
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let quotes = json.as_array().unwrap();
    assert_eq!(quotes.len(), 2);
    for q in quotes {
        let candidates = q["candidates"].as_array().unwrap();
        assert_eq!(candidates.len(), 1);
        let features = candidates[0][1].as_array().unwrap();
        assert_eq!(features.len(), 13);
        assert_eq!(features[0], 1.0);
    }
    // The anonymous source's quote has nobody as its speaker and its flag set.
    assert!(quotes[1]["candidates"][0][0].is_null());
    assert_eq!(quotes[1]["candidates"][0][1][9], 1.0);
    // The two hidden dumps cannot be asked for together.
    let both = Command::new(binary())
        .args(["segment", "--confidence-features", "--speaker-features"])
        .arg(&page)
        .output()
        .unwrap();
    assert!(!both.status.success());
}
