//! Parity of our Marian model and search with transformers 5.24 on the committed random-weight
//! test model (`models/test-opus-mt-ar-en`, references in `tests/fixtures/reference.json`).
//! Ids in, ids out: no tokenizer involved. `TARJAMA_TEST_DEVICE=cuda` runs them on a GPU.

use std::path::PathBuf;

use candle_core::{DType, Tensor};
use candle_nn::VarBuilder;
use serde_json::Value;
use tarjama::mt::config::{GenerationConfig, MarianConfig};
use tarjama::mt::model::{MarianModel, ModelError};
use tarjama::mt::search::{generate, Hypothesis, SearchOptions};

mod device_support;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn load(dtype: DType) -> (MarianModel, SearchOptions) {
    let dir = root().join("models/test-opus-mt-ar-en");
    let cfg = MarianConfig::from_file(&dir.join("config.json")).unwrap();
    let gen = GenerationConfig::from_file(Some(&dir.join("generation_config.json")), &cfg).unwrap();
    // SAFETY: the fixture file is not modified while mapped.
    let vb = unsafe {
        VarBuilder::from_mmaped_safetensors(
            &[dir.join("model.safetensors")],
            dtype,
            &device_support::device(),
        )
    }
    .unwrap();
    (
        MarianModel::new(&cfg, vb).unwrap(),
        SearchOptions::from_generation_config(&gen),
    )
}

fn reference() -> Value {
    let text = std::fs::read_to_string(root().join("tests/fixtures/reference.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn ids(v: &Value) -> Vec<u32> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_u64().unwrap() as u32)
        .collect()
}

/// Reference sequences hold the start token and, in padded batches, trailing pads.
fn generated(reference: &Value, pad: u32) -> Vec<u32> {
    let mut v = ids(reference);
    v.remove(0);
    while v.len() > 1 && v.last() == Some(&pad) {
        v.pop();
    }
    v
}

fn sources(r: &Value) -> Vec<Vec<u32>> {
    r["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| ids(&s["input_ids"]))
        .collect()
}

fn with(opts: &SearchOptions, beams: usize, max_new: usize) -> SearchOptions {
    SearchOptions {
        beams,
        max_new_tokens: Some(max_new),
        ..opts.clone()
    }
}

fn first_step_logits(model: &MarianModel, src: &[u32], start: u32) -> Vec<f32> {
    let ids = Tensor::new(src, &device_support::device())
        .unwrap()
        .unsqueeze(0)
        .unwrap();
    let mask = ids.ones_like().unwrap();
    let enc = model.encode(&ids, &mask).unwrap();
    let mut state = model.start_decoding(&enc, &mask, 1).unwrap();
    let logits = model.decode_step(&mut state, &[start]).unwrap();
    logits.squeeze(0).unwrap().to_vec1().unwrap()
}

/// First-step logits against transformers' (full vectors for 8 sentences, top 20 for the rest).
///
/// This random model has sharpened attention (q/k gain 6), which makes it ill-conditioned:
/// transformers' own f32 logits differ from its f64 logits by up to 1.4e-3 on sentence 9. So the
/// test counts sentences within 1e-4 and requires every error below 1e-3.
#[test]
fn first_step_logits_match() {
    let r = reference();
    let (model, opts) = load(DType::F32);
    let mut errors = Vec::new();
    for (i, s) in r["sentences"].as_array().unwrap().iter().enumerate() {
        let got = first_step_logits(&model, &ids(&s["input_ids"]), opts.tokens.decoder_start);
        let (want_ids, want): (Vec<u32>, Vec<f64>) = match s.get("first_step_logits") {
            Some(full) => full
                .as_array()
                .unwrap()
                .iter()
                .enumerate()
                .map(|(j, x)| (j as u32, x.as_f64().unwrap()))
                .unzip(),
            None => {
                let t = &s["first_step_top"];
                (
                    ids(&t["ids"]),
                    t["logits"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|x| x.as_f64().unwrap())
                        .collect(),
                )
            }
        };
        if s.get("first_step_logits").is_some() {
            assert_eq!(got.len(), want.len());
        }
        let worst = want_ids
            .iter()
            .zip(&want)
            .map(|(&id, w)| (got[id as usize] as f64 - w).abs())
            .fold(0.0, f64::max);
        let best = got
            .iter()
            .enumerate()
            .fold(0, |b, (j, v)| if *v > got[b] { j } else { b });
        if s.get("first_step_top").is_some() {
            assert_eq!(best as u32, want_ids[0], "sentence {i}: best first token");
        }
        errors.push(worst);
    }
    let within = errors.iter().filter(|e| **e < 1e-4).count();
    let max = errors.iter().copied().fold(0.0, f64::max);
    eprintln!(
        "first-step logits: {within}/{} sentences within 1e-4, max error {max:.2e}",
        errors.len()
    );
    eprintln!(
        "per sentence: {:?}",
        errors
            .iter()
            .map(|e| format!("{e:.1e}"))
            .collect::<Vec<_>>()
    );
    assert!(max < 1e-3, "max first-step logit error {max}");
}

fn one_by_one(model: &MarianModel, src: &[Vec<u32>], opts: &SearchOptions) -> Vec<Hypothesis> {
    src.iter()
        .map(|s| {
            generate(model, std::slice::from_ref(s), opts)
                .unwrap()
                .remove(0)
        })
        .collect()
}

#[test]
fn greedy_and_beam4_match_transformers_one_by_one_and_batched() {
    let r = reference();
    let (model, opts) = load(DType::F32);
    let max_new = r["max_new_tokens"].as_u64().unwrap() as usize;
    let pad = opts.tokens.pad;
    let src = sources(&r);
    let sents = r["sentences"].as_array().unwrap();
    let mut failures = Vec::new();
    for (beams, key) in [(1, "greedy_ids"), (4, "beam4_ids")] {
        let o = with(&opts, beams, max_new);
        let single = one_by_one(&model, &src, &o);
        let batched = generate(&model, &src, &o).unwrap();
        let batch_key = &r["batched"][key];
        let (mut same, mut same_batched, mut same_ref_batch, mut score_ok) = (0, 0, 0, 0);
        for (i, s) in sents.iter().enumerate() {
            let want = generated(&s[key], pad);
            if single[i].ids == want {
                same += 1;
            } else {
                failures.push(format!(
                    "{key} sentence {i}: got {:?}, want {want:?}",
                    single[i].ids
                ));
            }
            if batched[i] == single[i] || batched[i].ids == single[i].ids {
                same_batched += 1;
            } else {
                failures.push(format!(
                    "{key} sentence {i}: batched {:?} != single {:?}",
                    batched[i].ids, single[i].ids
                ));
            }
            if batched[i].ids == generated(&batch_key[i], pad) {
                same_ref_batch += 1;
            } else {
                failures.push(format!(
                    "{key} sentence {i}: batched differs from transformers' batch"
                ));
            }
            if beams == 4 {
                let want = s["beam4_score"].as_f64().unwrap();
                let err = (single[i].score as f64 - want).abs();
                let err_b = (batched[i].score as f64 - want).abs();
                if err < 1e-4 && err_b < 1e-4 {
                    score_ok += 1;
                } else {
                    failures.push(format!(
                        "beam score sentence {i}: {} / {} vs {want}",
                        single[i].score, batched[i].score
                    ));
                }
            }
        }
        let scores = if beams == 4 {
            format!(", beam scores within 1e-4: {score_ok}/{}", sents.len())
        } else {
            String::new()
        };
        eprintln!(
            "{key}: {same}/{n} identical one by one, {same_batched}/{n} batched == single, \
             {same_ref_batch}/{n} == transformers' batch{scores}",
            n = sents.len()
        );
    }
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn generation_options_match_transformers() {
    let r = reference();
    let (model, opts) = load(DType::F32);
    let src = sources(&r);
    let pad = opts.tokens.pad;
    let cases = r["options"].as_array().unwrap();
    let mut failures = Vec::new();
    for (n, case) in cases.iter().enumerate() {
        let st = &case["settings"];
        let o = SearchOptions {
            beams: st["num_beams"].as_u64().unwrap() as usize,
            max_new_tokens: Some(st["max_new_tokens"].as_u64().unwrap() as usize),
            min_new_tokens: st["min_new_tokens"].as_u64().unwrap() as usize,
            no_repeat_ngram: st["no_repeat_ngram_size"].as_u64().unwrap() as usize,
            repetition_penalty: st["repetition_penalty"].as_f64().unwrap() as f32,
            ..opts.clone()
        };
        let s = &src[case["sentence"].as_u64().unwrap() as usize];
        let got = generate(&model, std::slice::from_ref(s), &o)
            .unwrap()
            .remove(0);
        let want = generated(&case["ids"], pad);
        if got.ids != want {
            failures.push(format!("case {n} {st}: got {:?}, want {want:?}", got.ids));
        }
        if let Some(score) = case["score"].as_f64() {
            if (got.score as f64 - score).abs() >= 1e-4 {
                failures.push(format!("case {n} {st}: score {} vs {score}", got.score));
            }
        }
    }
    eprintln!(
        "options: {}/{} cases identical",
        cases.len() - failures.len(),
        cases.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn position_limits_give_clear_errors() {
    let (model, opts) = load(DType::F32);
    let too_long = vec![5u32; 513];
    let err = generate(&model, &[too_long], &opts).unwrap_err();
    assert!(
        matches!(err, ModelError::SourceTooLong { len: 513, max: 512 }),
        "{err}"
    );
    assert!(err.to_string().contains("513"), "{err}");

    // 512 source tokens are fine; the decoder refuses its 513th position.
    let src = Tensor::new(vec![5u32; 512].as_slice(), &device_support::device())
        .unwrap()
        .unsqueeze(0)
        .unwrap();
    let mask = src.ones_like().unwrap();
    let enc = model.encode(&src, &mask).unwrap();
    let mut state = model.start_decoding(&enc, &mask, 1).unwrap();
    for _ in 0..512 {
        model.decode_step(&mut state, &[7]).unwrap();
    }
    let err = model.decode_step(&mut state, &[7]).unwrap_err();
    assert!(
        matches!(err, ModelError::DecoderTooLong { pos: 512, max: 512 }),
        "{err}"
    );
}

#[test]
fn default_cap_stops_a_long_decode_and_forces_eos() {
    let (model, opts) = load(DType::F32);
    // min_new_tokens above the cap: the decode runs to the cap and ends with the forced EOS.
    let o = SearchOptions {
        beams: 1,
        max_new_tokens: None,
        min_new_tokens: 1000,
        ..opts.clone()
    };
    let src = vec![100u32, 200, 0];
    let h = generate(&model, std::slice::from_ref(&src), &o)
        .unwrap()
        .remove(0);
    assert_eq!(
        h.ids.len(),
        tarjama::mt::search::default_max_new_tokens(src.len())
    );
    assert_eq!(h.ids.last(), Some(&opts.tokens.eos));
}

/// f16 and bf16 run the same code path; on this ill-conditioned random model they can only be
/// compared loosely: relative L2 error of the first-step logits, and a well-formed beam result.
/// On sentence 0, `scripts/bench/half_precision_gap.py` measures transformers' own f16 error at
/// 0.011 on the CPU and 0.014 on an H200 (bf16: 0.25 on both); ours was 0.018 and 0.021. The f16
/// bound is about twice transformers' CUDA figure.
#[test]
fn half_precision_runs_close_to_f32() {
    let r = reference();
    let (m32, opts) = load(DType::F32);
    let s = ids(&r["sentences"][0]["input_ids"]);
    let want = first_step_logits(&m32, &s, opts.tokens.decoder_start);
    let norm = want.iter().map(|w| w * w).sum::<f32>().sqrt();
    for (dtype, tolerance) in [(DType::F16, 0.03), (DType::BF16, 0.6)] {
        let (m, _) = load(dtype);
        let got = first_step_logits(&m, &s, opts.tokens.decoder_start);
        assert!(
            got.iter().all(|v| v.is_finite()),
            "{dtype:?}: non-finite logits"
        );
        let err = got
            .iter()
            .zip(&want)
            .map(|(g, w)| (g - w) * (g - w))
            .sum::<f32>()
            .sqrt()
            / norm;
        eprintln!("{dtype:?}: relative L2 error of first-step logits {err:.4}");
        assert!(err < tolerance, "{dtype:?}: relative error {err}");
        let h = generate(&m, std::slice::from_ref(&s), &with(&opts, 4, 8))
            .unwrap()
            .remove(0);
        assert!(
            h.ids.len() <= 8 && h.ids.last() == Some(&opts.tokens.eos),
            "{dtype:?}: {:?}",
            h.ids
        );
    }
}

/// Length penalties, the three `early_stopping` rules, no renormalisation, wider beams, each
/// one by one and as one padded batch (`tests/fixtures/search_reference.json`, made by
/// `scripts/make_search_references.py`).
#[test]
fn search_settings_match_transformers() {
    use tarjama::mt::config::EarlyStopping;
    let r = reference();
    let text =
        std::fs::read_to_string(root().join("tests/fixtures/search_reference.json")).unwrap();
    let extra: Value = serde_json::from_str(&text).unwrap();
    let (model, opts) = load(DType::F32);
    let pad = opts.tokens.pad;
    let src: Vec<Vec<u32>> = extra["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| ids(&r["sentences"][i.as_u64().unwrap() as usize]["input_ids"]))
        .collect();
    let (mut total, mut failures) = (0, Vec::new());
    for case in extra["cases"].as_array().unwrap() {
        let st = &case["settings"];
        let f = |k: &str, d: f64| st.get(k).and_then(Value::as_f64).unwrap_or(d);
        let o = SearchOptions {
            beams: st["num_beams"].as_u64().unwrap() as usize,
            max_new_tokens: Some(st["max_new_tokens"].as_u64().unwrap() as usize),
            length_penalty: f("length_penalty", 1.0) as f32,
            repetition_penalty: f("repetition_penalty", 1.0) as f32,
            renormalize_logits: st
                .get("renormalize_logits")
                .and_then(Value::as_bool)
                .unwrap_or(true),
            early_stopping: match st.get("early_stopping") {
                Some(Value::Bool(true)) => EarlyStopping::Eager,
                Some(Value::String(s)) if s == "never" => EarlyStopping::Never,
                _ => EarlyStopping::Heuristic,
            },
            ..opts.clone()
        };
        let batched = generate(&model, &src, &o).unwrap();
        for (i, s) in src.iter().enumerate() {
            total += 1;
            let got = generate(&model, std::slice::from_ref(s), &o)
                .unwrap()
                .remove(0);
            let want = &case["single"][i];
            if got.ids != generated(&want["ids"], pad) {
                failures.push(format!(
                    "{st} sentence {i}: got {:?}, want {}",
                    got.ids, want["ids"]
                ));
            }
            if let Some(score) = want["score"].as_f64() {
                if (got.score as f64 - score).abs() >= 1e-4 {
                    failures.push(format!("{st} sentence {i}: score {} vs {score}", got.score));
                }
            }
            if batched[i].ids != generated(&case["batched"][i], pad) {
                failures.push(format!("{st} sentence {i}: batched {:?}", batched[i].ids));
            }
        }
    }
    eprintln!(
        "search settings: {}/{total} identical (one by one and batched)",
        total - failures.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn bad_inputs_are_errors_not_panics() {
    let (model, opts) = load(DType::F32);
    let vocab = model.config().vocab_size as u32;
    let err = generate(&model, &[vec![vocab, 0]], &opts).unwrap_err();
    assert!(err.to_string().contains(&vocab.to_string()), "{err}");
    assert!(generate(&model, &[vec![]], &opts).is_err());
    let zero_beams = SearchOptions {
        beams: 0,
        ..opts.clone()
    };
    assert!(generate(&model, &[vec![5, 0]], &zero_beams).is_err());
    assert!(generate(&model, &[], &opts).unwrap().is_empty());
}
