//! End-to-end parity of the public [`Translator`] with transformers 5.24: Arabic text in, English
//! ids, text and beam scores out, equal to `tests/fixtures/reference.json` for every reference
//! sentence and each of the three weight files (safetensors, PyTorch zip, legacy pickle).
//!
//! All sentences go through ONE `translate` call, so tokenizing, sorting by length, cutting
//! into token-budget batches, padding and putting results back in input order are all on the
//! path; a second run with a tiny budget (one sentence per batch) must give the same results.
//! `TARJAMA_TEST_DEVICE=cuda` runs them on a GPU.

use std::path::{Path, PathBuf};

use serde_json::Value;
use tarjama::mt::tokenizer::PunctNorm;
use tarjama::mt::{DecodeOverrides, EngineError, Translation, Translator, TranslatorBuilder};

mod device_support;

const MODEL: &str = "models/test-opus-mt-ar-en";
/// The reference's `max_new_tokens` (scripts/make_references.py).
const MAX_NEW: usize = 24;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn reference() -> Value {
    let path = root().join("tests/fixtures/reference.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn ids(v: &Value) -> Vec<u32> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_u64().unwrap() as u32)
        .collect()
}

/// The reference sequences start with the decoder start token; `Translation::ids` do not.
fn generated(v: &Value) -> Vec<u32> {
    ids(v)[1..].to_vec()
}

fn builder(weights: &Path, beams: usize) -> TranslatorBuilder {
    Translator::builder()
        .model(root().join(MODEL).to_str().unwrap())
        .weights(Some(weights.to_path_buf()))
        .punct_norm(PunctNorm::None)
        .device(device_support::spec())
        .decode(DecodeOverrides {
            beams: Some(beams),
            max_new_tokens: Some(MAX_NEW),
            ..DecodeOverrides::default()
        })
}

fn weight_files() -> Vec<(&'static str, PathBuf)> {
    vec![
        ("safetensors", root().join(MODEL).join("model.safetensors")),
        ("legacy .bin", root().join(MODEL).join("pytorch_model.bin")),
        (
            "zip .bin",
            root().join("tests/fixtures/weights/pytorch_model.zip.bin"),
        ),
    ]
}

fn unwrap_all(results: Vec<Result<Translation, EngineError>>) -> Vec<Translation> {
    results
        .into_iter()
        .enumerate()
        .map(|(i, r)| r.unwrap_or_else(|e| panic!("sentence {i} failed: {e}")))
        .collect()
}

/// Counts sentences whose ids and text (and, for beam search, score) equal the reference;
/// returns the count and a description of the first mismatches.
fn compare(sentences: &[Value], out: &[Translation], beam: bool) -> (usize, Vec<String>) {
    let (ids_key, text_key) = if beam {
        ("beam4_ids", "beam4_text")
    } else {
        ("greedy_ids", "greedy_text")
    };
    let mut equal = 0;
    let mut diffs = Vec::new();
    for (i, (s, t)) in sentences.iter().zip(out).enumerate() {
        let want_ids = generated(&s[ids_key]);
        let want_text = s[text_key].as_str().unwrap();
        let mut ok = t.ids == want_ids && t.text == want_text;
        if beam {
            let want_score = s["beam4_score"].as_f64().unwrap() as f32;
            ok &= (t.score - want_score).abs() <= 1e-4;
            if !ok {
                diffs.push(format!(
                    "{i}: ids {:?} vs {want_ids:?}, text {:?} vs {want_text:?}, score {} vs {want_score}",
                    t.ids, t.text, t.score
                ));
            }
        } else if !ok {
            diffs.push(format!(
                "{i}: ids {:?} vs {want_ids:?}, text {:?} vs {want_text:?}",
                t.ids, t.text
            ));
        }
        equal += usize::from(ok);
    }
    (equal, diffs)
}

fn same_results(a: &[Translation], b: &[Translation]) {
    assert_eq!(a.len(), b.len());
    for (i, (x, y)) in a.iter().zip(b).enumerate() {
        assert_eq!(x.ids, y.ids, "sentence {i}: ids differ between batchings");
        assert_eq!(
            x.text, y.text,
            "sentence {i}: text differs between batchings"
        );
        assert_eq!(x.source_tokens, y.source_tokens);
        assert!(
            (x.score - y.score).abs() <= 1e-4,
            "sentence {i}: score {} vs {}",
            x.score,
            y.score
        );
    }
}

#[test]
fn every_weight_format_matches_transformers_greedy_and_beam4_in_one_call() {
    let r = reference();
    assert_eq!(r["max_new_tokens"].as_u64(), Some(MAX_NEW as u64));
    let sentences = r["sentences"].as_array().unwrap();
    let texts: Vec<&str> = sentences
        .iter()
        .map(|s| s["text"].as_str().unwrap())
        .collect();
    assert!(texts.len() >= 40);
    let mut report = Vec::new();
    let mut failures = Vec::new();
    for (name, path) in weight_files() {
        for (mode, beams) in [("greedy", 1), ("beam4", 4)] {
            let translator = builder(&path, beams).build().unwrap();
            assert_eq!(translator.search_options().beams, beams);
            let out = unwrap_all(translator.translate(&texts));
            assert_eq!(out.len(), texts.len());
            for (s, t) in sentences.iter().zip(&out) {
                assert_eq!(t.source_tokens, s["input_ids"].as_array().unwrap().len());
            }
            let (equal, diffs) = compare(sentences, &out, beams > 1);
            report.push(format!("{name} {mode} {equal}/{}", texts.len()));
            failures.extend(diffs.into_iter().map(|d| format!("{name} {mode} {d}")));
        }
    }
    eprintln!("parity: {}", report.join(", "));
    assert!(failures.is_empty(), "mismatches:\n{}", failures.join("\n"));
}

#[test]
fn one_sentence_per_batch_gives_the_same_results_as_one_big_batch() {
    let r = reference();
    let sentences = r["sentences"].as_array().unwrap();
    let texts: Vec<&str> = sentences
        .iter()
        .map(|s| s["text"].as_str().unwrap())
        .collect();
    let weights = root().join(MODEL).join("model.safetensors");
    for beams in [1, 4] {
        // The budget holds every sentence at once (longest 512 tokens × 40 rows) …
        let big = builder(&weights, beams)
            .batch_tokens(512 * texts.len())
            .build()
            .unwrap();
        // … or none but the shortest two together: a one-token budget forces one row per batch.
        let tiny = builder(&weights, beams).batch_tokens(1).build().unwrap();
        let all = unwrap_all(big.translate(&texts));
        let single = unwrap_all(tiny.translate(&texts));
        same_results(&all, &single);
        let (equal, diffs) = compare(sentences, &single, beams > 1);
        assert!(diffs.is_empty(), "beam {beams}: {diffs:?}");
        assert_eq!(equal, texts.len());
    }
}

#[test]
fn too_long_input_fails_alone_and_empty_input_translates_to_nothing() {
    let r = reference();
    let too_long = r["too_long"]["text"].as_str().unwrap();
    let too_long_len = r["too_long"]["input_len"].as_u64().unwrap() as usize;
    assert!(too_long_len > 512);
    let s0 = &r["sentences"][0];
    let s1 = &r["sentences"][1];
    let inputs = [
        s0["text"].as_str().unwrap(),
        too_long,
        "",
        s1["text"].as_str().unwrap(),
    ];
    let weights = root().join(MODEL).join("model.safetensors");
    let translator = builder(&weights, 4).build().unwrap();
    assert_eq!(translator.tokenizer().encode(too_long).len(), too_long_len);
    let out = translator.translate(&inputs);
    assert_eq!(out.len(), 4);

    let first = out[0].as_ref().unwrap();
    assert_eq!(first.ids, generated(&s0["beam4_ids"]));
    assert_eq!(first.text, s0["beam4_text"].as_str().unwrap());
    let last = out[3].as_ref().unwrap();
    assert_eq!(last.ids, generated(&s1["beam4_ids"]));

    let err = out[1].as_ref().unwrap_err().to_string();
    assert!(
        err.contains(&too_long_len.to_string()) && err.contains("512"),
        "the error should give the length and the limit: {err}"
    );
    assert!(matches!(out[1], Err(EngineError::Input { index: 1, .. })));

    let empty = out[2].as_ref().unwrap();
    assert_eq!(empty.text, "");
    assert!(empty.ids.is_empty());
    assert_eq!(empty.source_tokens, 1, "an empty input is the lone </s>");

    let blank = translator.translate(&[" \t "]);
    assert_eq!(blank[0].as_ref().unwrap().text, "", "whitespace only");

    // Nothing at all to translate is not an error either.
    assert!(translator.translate::<&str>(&[]).is_empty());
}

#[test]
fn builder_errors_name_the_missing_or_bad_file() {
    let dir = tempfile::tempdir().unwrap();
    let src = root().join(MODEL);
    for entry in std::fs::read_dir(&src).unwrap() {
        let entry = entry.unwrap();
        if entry.file_name() != "vocab.json" {
            std::fs::copy(entry.path(), dir.path().join(entry.file_name())).unwrap();
        }
    }
    let err = Translator::builder()
        .model(dir.path().to_str().unwrap())
        .build()
        .err()
        .expect("a folder without vocab.json must not load");
    let msg = err.to_string();
    assert!(msg.contains("vocab.json"), "{msg}");

    let garbage = dir.path().join("garbage.bin");
    std::fs::write(&garbage, b"this is not a weights file at all").unwrap();
    let err = Translator::builder()
        .model(src.to_str().unwrap())
        .weights(Some(garbage.clone()))
        .build()
        .err()
        .expect("a garbage weights file must not load");
    let msg = err.to_string();
    assert!(msg.contains(garbage.to_str().unwrap()), "{msg}");

    let missing = dir.path().join("no-such-weights.safetensors");
    let err = Translator::builder()
        .model(src.to_str().unwrap())
        .weights(Some(missing.clone()))
        .build()
        .err()
        .expect("a missing weights file must not load");
    let msg = err.to_string();
    assert!(msg.contains(missing.to_str().unwrap()), "{msg}");
}
