//! Parity of the native Marian tokenizer with transformers' `MarianTokenizer` (5.24) and
//! sacremoses, on the committed test model and reference cases written by
//! the fixtures script (`tests/fixtures/tokenizer_cases.json`).

use std::path::{Path, PathBuf};

use serde::Deserialize;
use tarjama::mt::tokenizer::{
    normalize_punctuation, tokenize_lines, MarianTokenizer, PunctNorm, TokenizerError,
};

#[derive(Deserialize)]
struct Cases {
    encode: Vec<EncodeCase>,
    encode_opus: Vec<EncodeOpusCase>,
    decode: Vec<DecodeCase>,
    decode_keep_special: Vec<DecodeCase>,
    target_spm: Vec<TargetCase>,
}

#[derive(Deserialize)]
struct EncodeCase {
    text: String,
    ids: Vec<u32>,
    pieces: Vec<String>,
}

#[derive(Deserialize)]
struct EncodeOpusCase {
    text: String,
    normalized: String,
    ids: Vec<u32>,
}

#[derive(Deserialize)]
struct DecodeCase {
    ids: Vec<u32>,
    text: String,
}

#[derive(Deserialize)]
struct TargetCase {
    text: String,
    pieces: Vec<String>,
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn model_dir() -> PathBuf {
    root().join("models/test-opus-mt-ar-en")
}

fn cases() -> Cases {
    let path = root().join("tests/fixtures/tokenizer_cases.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn vocab_pieces() -> serde_json::Map<String, serde_json::Value> {
    let path = model_dir().join("vocab.json");
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap()
}

fn tokenizer(punct: PunctNorm) -> MarianTokenizer {
    MarianTokenizer::from_dir(&model_dir(), punct).expect("test model loads")
}

/// Asserts that no case failed, listing the first few failures.
fn report(kind: &str, total: usize, failures: &[String]) {
    eprintln!("{kind}: {}/{total} match", total - failures.len());
    assert!(
        failures.is_empty(),
        "{kind}: {} of {total} cases differ; first ones:\n{}",
        failures.len(),
        failures
            .iter()
            .take(5)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
    assert!(total > 0, "{kind}: no cases in the fixture file");
}

#[test]
fn encode_matches_transformers() {
    let tok = tokenizer(PunctNorm::None);
    let cases = cases();
    let mut failures = Vec::new();
    let vocab = vocab_pieces();
    for case in &cases.encode {
        let ids = tok.encode(&case.text);
        // The fixture's pieces are `convert_ids_to_tokens(ids)`: pieces missing from
        // vocab.json read `<unk>`, and `</s>` ends the list.
        let mut pieces: Vec<String> = tok
            .encode_pieces(&case.text)
            .into_iter()
            .map(|p| {
                if vocab.contains_key(&p) {
                    p
                } else {
                    "<unk>".to_string()
                }
            })
            .collect();
        pieces.push("</s>".to_string());
        if ids != case.ids || pieces != case.pieces {
            failures.push(format!(
                "{:?}\n  want {:?} {:?}\n  got  {:?} {:?}",
                case.text, case.pieces, case.ids, pieces, ids
            ));
        }
    }
    report("encode", cases.encode.len(), &failures);
}

#[test]
fn opus_punctuation_normalisation_matches_sacremoses() {
    let tok = tokenizer(PunctNorm::Opus);
    let cases = cases();
    let mut failures = Vec::new();
    for case in &cases.encode_opus {
        let normalized = normalize_punctuation(&case.text);
        let ids = tok.encode(&case.text);
        if normalized != case.normalized || ids != case.ids {
            failures.push(format!(
                "{:?}\n  want {:?} {:?}\n  got  {:?} {:?}",
                case.text, case.normalized, case.ids, normalized, ids
            ));
        }
    }
    report("encode_opus", cases.encode_opus.len(), &failures);
}

#[test]
fn decode_matches_transformers() {
    let tok = tokenizer(PunctNorm::None);
    let cases = cases();
    let mut failures = Vec::new();
    for case in &cases.decode {
        let text = tok.decode(&case.ids);
        if text != case.text {
            failures.push(format!(
                "{:?}\n  want {:?}\n  got  {:?}",
                case.ids, case.text, text
            ));
        }
    }
    report("decode", cases.decode.len(), &failures);
}

#[test]
fn decode_keeping_special_tokens_matches_transformers() {
    let tok = tokenizer(PunctNorm::None);
    let cases = cases();
    let mut failures = Vec::new();
    for case in &cases.decode_keep_special {
        let text = tok.decode_keep_special(&case.ids);
        if text != case.text {
            failures.push(format!(
                "{:?}\n  want {:?}\n  got  {:?}",
                case.ids, case.text, text
            ));
        }
    }
    report(
        "decode_keep_special",
        cases.decode_keep_special.len(),
        &failures,
    );
}

#[test]
fn target_model_pieces_match_sentencepiece() {
    let tok = tokenizer(PunctNorm::None);
    let cases = cases();
    let mut failures = Vec::new();
    for case in &cases.target_spm {
        let pieces = tok.encode_target_pieces(&case.text);
        if pieces != case.pieces {
            failures.push(format!(
                "{:?}\n  want {:?}\n  got  {:?}",
                case.text, case.pieces, pieces
            ));
        }
    }
    report("target_spm", cases.target_spm.len(), &failures);
}

#[test]
fn special_ids_and_vocab_size() {
    let tok = tokenizer(PunctNorm::None);
    let vocab: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(model_dir().join("vocab.json")).unwrap())
            .unwrap();
    assert_eq!(tok.vocab_size(), vocab.len());
    assert_eq!(tok.eos_id(), 0);
    assert_eq!(tok.unk_id(), 1);
    assert_eq!(u64::from(tok.pad_id()), vocab["<pad>"].as_u64().unwrap());
    assert_eq!(tok.encode(""), vec![0]);
}

#[test]
fn tokenize_lines_writes_one_array_per_line() {
    let tok = tokenizer(PunctNorm::None);
    let input = "مرحبا\n\nHello\r\n";
    let mut out = Vec::new();
    tokenize_lines(&tok, input.as_bytes(), &mut out).unwrap();
    let out = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3);
    for (line, text) in lines.iter().zip(["مرحبا", "", "Hello"]) {
        let ids: Vec<u32> = serde_json::from_str(line).unwrap();
        assert_eq!(ids, tok.encode(text));
    }
}

fn copy_model(dir: &Path) {
    for name in ["source.spm", "target.spm", "vocab.json"] {
        std::fs::copy(model_dir().join(name), dir.join(name)).unwrap();
    }
}

#[test]
fn missing_files_are_named() {
    let dir = tempfile::tempdir().unwrap();
    copy_model(dir.path());
    std::fs::remove_file(dir.path().join("target.spm")).unwrap();
    let err = MarianTokenizer::from_dir(dir.path(), PunctNorm::Opus).unwrap_err();
    assert!(matches!(err, TokenizerError::MissingFile { .. }), "{err:?}");
    let message = err.to_string();
    assert!(message.contains("target.spm"), "{message}");
    assert!(message.contains("SentencePiece"), "{message}");
}

#[test]
fn garbage_model_files_are_rejected() {
    let dir = tempfile::tempdir().unwrap();
    copy_model(dir.path());
    // A JSON file where a protobuf model is expected.
    std::fs::copy(dir.path().join("vocab.json"), dir.path().join("source.spm")).unwrap();
    let err = MarianTokenizer::from_dir(dir.path(), PunctNorm::Opus).unwrap_err();
    assert!(
        matches!(err, TokenizerError::NotSentencePiece { .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains("source.spm"), "{err}");

    // An empty file parses as an empty message, which holds no pieces.
    std::fs::write(dir.path().join("source.spm"), b"").unwrap();
    let err = MarianTokenizer::from_dir(dir.path(), PunctNorm::Opus).unwrap_err();
    assert!(err.to_string().contains("no pieces"), "{err}");

    // A truncated model.
    let full = std::fs::read(model_dir().join("source.spm")).unwrap();
    std::fs::write(dir.path().join("source.spm"), &full[..full.len() / 2]).unwrap();
    let err = MarianTokenizer::from_dir(dir.path(), PunctNorm::Opus).unwrap_err();
    assert!(
        matches!(err, TokenizerError::NotSentencePiece { .. }),
        "{err:?}"
    );
}

#[test]
fn bad_vocab_files_are_rejected() {
    let dir = tempfile::tempdir().unwrap();
    copy_model(dir.path());
    let vocab = dir.path().join("vocab.json");

    std::fs::write(&vocab, "[\"</s>\", \"<unk>\"]").unwrap();
    let err = MarianTokenizer::from_dir(dir.path(), PunctNorm::Opus).unwrap_err();
    assert!(matches!(err, TokenizerError::BadVocab { .. }), "{err:?}");
    assert!(err.to_string().contains("vocab.json"), "{err}");

    std::fs::write(&vocab, r#"{"</s>": 0, "<unk>": 1, "a": 2}"#).unwrap();
    let err = MarianTokenizer::from_dir(dir.path(), PunctNorm::Opus).unwrap_err();
    assert!(
        matches!(
            err,
            TokenizerError::MissingSpecialToken { token: "<pad>", .. }
        ),
        "{err:?}"
    );

    std::fs::write(&vocab, r#"{"</s>": 0, "<pad>": 1}"#).unwrap();
    let err = MarianTokenizer::from_dir(dir.path(), PunctNorm::Opus).unwrap_err();
    assert!(err.to_string().contains("<unk>"), "{err}");

    std::fs::write(&vocab, [0xff, 0xfe]).unwrap();
    let err = MarianTokenizer::from_dir(dir.path(), PunctNorm::Opus).unwrap_err();
    assert!(matches!(err, TokenizerError::BadVocab { .. }), "{err:?}");
}

#[test]
fn tokenizer_is_shareable_across_threads() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<MarianTokenizer>();
}

#[test]
fn ids_outside_vocab_and_model_are_skipped_when_decoding() {
    // transformers raises IndexError here; we drop the id instead of failing a batch.
    let tok = tokenizer(PunctNorm::None);
    let hello = tok.encode("مرحبا");
    let mut ids = vec![u32::MAX, tok.vocab_size() as u32 + 5];
    ids.extend(&hello);
    assert_eq!(tok.decode(&ids), tok.decode(&hello));
    assert!(!tok.decode(&hello).is_empty());
}

proptest::proptest! {
    #[test]
    fn encode_and_decode_never_fail(text in "\\PC{0,60}", ids in proptest::collection::vec(0u32..20_000, 0..40)) {
        static TOK: std::sync::OnceLock<MarianTokenizer> = std::sync::OnceLock::new();
        let tok = TOK.get_or_init(|| tokenizer(PunctNorm::Opus));
        let encoded = tok.encode(&text);
        proptest::prop_assert_eq!(encoded.last().copied(), Some(tok.eos_id()));
        proptest::prop_assert!(encoded.iter().all(|&id| (id as usize) < tok.vocab_size()));
        let _ = tok.decode(&ids);
        let _ = tok.decode_keep_special(&ids);
    }
}
