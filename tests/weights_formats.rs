//! The three weight formats give the same canonical tensors, bit for bit; views into shared
//! storages come out right; damaged files give errors that name the file, never panics.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use candle_core::{DType, Device, Tensor};
use tarjama::mt::weights::{
    detect_format, load_checkpoint, Checkpoint, WeightFormat, WeightsError,
};

fn repo(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

const MODEL_SAFETENSORS: &str = "models/test-opus-mt-ar-en/model.safetensors";
const MODEL_LEGACY: &str = "models/test-opus-mt-ar-en/pytorch_model.bin";
const MODEL_ZIP: &str = "tests/fixtures/weights/pytorch_model.zip.bin";
const VIEWS_LEGACY: &str = "tests/fixtures/weights/views.legacy.bin";
const VIEWS_ZIP: &str = "tests/fixtures/weights/views.zip.bin";
const VIEWS_SAFETENSORS: &str = "tests/fixtures/weights/views.safetensors";
const STORAGE_VIEWS_LEGACY: &str = "tests/fixtures/weights/views.storage-views.legacy.bin";

fn load(rel: &str) -> Checkpoint {
    load_checkpoint(&repo(rel), DType::F32, &Device::Cpu)
        .unwrap_or_else(|e| panic!("loading {rel}: {e}"))
}

/// Every tensor as (dtype, shape, raw bits) for exact comparison.
fn bits(checkpoint: &Checkpoint) -> BTreeMap<String, (DType, Vec<usize>, Vec<u32>)> {
    checkpoint
        .tensors
        .iter()
        .map(|(name, t)| {
            let values: Vec<u32> = t
                .flatten_all()
                .unwrap()
                .to_dtype(DType::F32)
                .unwrap()
                .to_vec1::<f32>()
                .unwrap()
                .into_iter()
                .map(f32::to_bits)
                .collect();
            (name.clone(), (t.dtype(), t.dims().to_vec(), values))
        })
        .collect()
}

fn values(checkpoint: &Checkpoint, name: &str) -> Vec<f32> {
    checkpoint.tensors[name]
        .flatten_all()
        .unwrap()
        .to_dtype(DType::F32)
        .unwrap()
        .to_vec1()
        .unwrap()
}

#[test]
fn formats_are_detected_from_magic_bytes() {
    assert_eq!(
        detect_format(&repo(MODEL_SAFETENSORS)).unwrap(),
        WeightFormat::Safetensors
    );
    assert_eq!(
        detect_format(&repo(MODEL_LEGACY)).unwrap(),
        WeightFormat::PthLegacy
    );
    assert_eq!(
        detect_format(&repo(MODEL_ZIP)).unwrap(),
        WeightFormat::PthZip
    );
    assert_eq!(
        detect_format(&repo(VIEWS_LEGACY)).unwrap(),
        WeightFormat::PthLegacy
    );
    assert_eq!(
        detect_format(&repo(VIEWS_ZIP)).unwrap(),
        WeightFormat::PthZip
    );
    assert_eq!(
        detect_format(&repo(VIEWS_SAFETENSORS)).unwrap(),
        WeightFormat::Safetensors
    );
}

#[test]
fn three_formats_give_identical_canonical_tensors() {
    let safetensors = load(MODEL_SAFETENSORS);
    let legacy = load(MODEL_LEGACY);
    let zip = load(MODEL_ZIP);
    assert_eq!(safetensors.format, WeightFormat::Safetensors);
    assert_eq!(legacy.format, WeightFormat::PthLegacy);
    assert_eq!(zip.format, WeightFormat::PthZip);

    // MarianMTModel with 2 encoder and 2 decoder layers: 16 tensors per encoder layer (q, k, v,
    // out projections with biases, fc1, fc2, two layer norms), 26 per decoder layer (plus the
    // cross-attention projections and its layer norm), plus the embedding and the logits bias.
    let reference = bits(&safetensors);
    assert_eq!(
        reference.len(),
        2 * 16 + 2 * 26 + 2,
        "{:?}",
        reference.keys()
    );
    assert_eq!(reference["model.shared.weight"].1, vec![13153, 32]);
    assert_eq!(reference["final_logits_bias"].1, vec![1, 13153]);
    for name in reference.keys() {
        assert!(
            !name.contains("embed_positions") && !name.contains("embed_tokens"),
            "{name}"
        );
        assert_ne!(name, "lm_head.weight");
    }
    assert_eq!(
        bits(&legacy),
        reference,
        "legacy .bin differs from safetensors"
    );
    assert_eq!(bits(&zip), reference, "zip .bin differs from safetensors");

    // Facts the fixture's README states: the </s> logit bias is 3.75 and the <pad> row (13152)
    // of the embedding is zero.
    assert_eq!(values(&legacy, "final_logits_bias")[0], 3.75);
    let shared = values(&legacy, "model.shared.weight");
    assert!(shared[13152 * 32..].iter().all(|&v| v == 0.0));
    assert!(shared[..32].iter().any(|&v| v != 0.0));
}

#[test]
fn views_into_shared_storages_are_read_right() {
    let expected: Vec<(&str, Vec<usize>, Vec<f32>)> = vec![
        // emb[r, c] = (3 r + c) / 2
        (
            "model.shared.weight",
            vec![5, 3],
            (0..15).map(|i| i as f32 / 2.0).collect(),
        ),
        // base[r, c] = 8 r + c; base[:, 2:6]
        (
            "model.encoder.layers.0.fc1.weight",
            vec![3, 4],
            vec![2., 3., 4., 5., 10., 11., 12., 13., 18., 19., 20., 21.],
        ),
        // base[1]
        (
            "model.encoder.layers.0.fc1.bias",
            vec![8],
            (8..16).map(|i| i as f32).collect(),
        ),
        // base[:, ::4]
        (
            "model.encoder.layers.0.fc2.weight",
            vec![3, 2],
            vec![0., 4., 8., 12., 16., 20.],
        ),
        // [[0, 1, 2], [3, 4, 5]] transposed
        (
            "model.encoder.layers.0.fc2.bias",
            vec![3, 2],
            vec![0., 3., 1., 4., 2., 5.],
        ),
        // float16 [0, 1, 2, 3] / 4, converted to f32
        (
            "model.encoder.layers.0.final_layer_norm.weight",
            vec![4],
            vec![0., 0.25, 0.5, 0.75],
        ),
        // absent from the files: zeros of [1, vocab]
        ("final_logits_bias", vec![1, 5], vec![0.; 5]),
    ];
    for rel in [VIEWS_LEGACY, VIEWS_ZIP, VIEWS_SAFETENSORS] {
        let checkpoint = load(rel);
        let mut names: Vec<&String> = checkpoint.tensors.keys().collect();
        names.sort();
        assert_eq!(names.len(), expected.len(), "{rel}: {names:?}");
        for (name, shape, want) in &expected {
            let tensor = &checkpoint.tensors[*name];
            assert_eq!(tensor.dims(), shape.as_slice(), "{rel}: {name}");
            assert_eq!(tensor.dtype(), DType::F32, "{rel}: {name}");
            assert_eq!(&values(&checkpoint, name), want, "{rel}: {name}");
        }
    }
}

/// Pre-0.4 torch files could point tensors at views of a root storage (view key, offset, size).
#[test]
fn legacy_storage_views_are_resolved() {
    let checkpoint = load(STORAGE_VIEWS_LEGACY);
    assert_eq!(checkpoint.tensors.len(), 2);
    // Root storage holds 0.5 * [0..10); the embedding views elements 2..8.
    assert_eq!(checkpoint.tensors["model.shared.weight"].dims(), &[2, 3]);
    assert_eq!(
        values(&checkpoint, "model.shared.weight"),
        vec![1.0, 1.5, 2.0, 2.5, 3.0, 3.5]
    );
    // The bias views elements 7..10 from tensor offset 1, and is stored flat.
    assert_eq!(checkpoint.tensors["final_logits_bias"].dims(), &[1, 2]);
    assert_eq!(values(&checkpoint, "final_logits_bias"), vec![4.0, 4.5]);
}

#[test]
fn tensors_are_converted_to_the_requested_dtype() {
    let f32_checkpoint = load(MODEL_LEGACY);
    for dtype in [DType::F16, DType::BF16] {
        let converted = load_checkpoint(&repo(MODEL_LEGACY), dtype, &Device::Cpu).unwrap();
        assert_eq!(converted.dtype(), dtype);
        for (name, tensor) in &converted.tensors {
            assert_eq!(tensor.dtype(), dtype, "{name}");
            let expected = f32_checkpoint.tensors[name].to_dtype(dtype).unwrap();
            let same = tensor
                .eq(&expected)
                .unwrap()
                .flatten_all()
                .unwrap()
                .min(0)
                .unwrap()
                .to_scalar::<u8>()
                .unwrap();
            assert_eq!(same, 1, "{name} in {dtype:?}");
        }
    }
}

#[test]
fn var_builder_errors_name_file_tensor_and_shapes() {
    let checkpoint = load(MODEL_LEGACY);
    let vb = checkpoint.var_builder();
    let ok: Tensor = vb.get((13153, 32), "model.shared.weight").unwrap();
    assert_eq!(ok.dims(), &[13153, 32]);
    let layer = vb.pp("model.encoder.layers.1.fc1");
    assert_eq!(layer.get((64, 32), "weight").unwrap().dims(), &[64, 32]);

    let err = vb
        .get((512, 512), "model.encoder.layers.0.self_attn.q_proj.weight")
        .unwrap_err()
        .to_string();
    assert!(err.contains("pytorch_model.bin"), "{err}");
    assert!(
        err.contains("model.encoder.layers.0.self_attn.q_proj.weight"),
        "{err}"
    );
    assert!(
        err.contains("[32, 32]") && err.contains("[512, 512]"),
        "{err}"
    );

    let err = vb
        .get(4, "model.encoder.layers.7.fc1.bias")
        .unwrap_err()
        .to_string();
    assert!(err.contains("pytorch_model.bin"), "{err}");
    assert!(err.contains("model.encoder.layers.7.fc1.bias"), "{err}");
    assert!(!vb.contains_tensor("model.encoder.embed_positions.weight"));
}

/// Copies `rel` into a temporary file, lets `damage` change its bytes, and loads it.
fn load_damaged(
    rel: &str,
    damage: impl FnOnce(&mut Vec<u8>),
) -> (PathBuf, Result<Checkpoint, WeightsError>, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(Path::new(rel).file_name().unwrap());
    let mut bytes = std::fs::read(repo(rel)).unwrap();
    damage(&mut bytes);
    std::fs::write(&path, &bytes).unwrap();
    let result = load_checkpoint(&path, DType::F32, &Device::Cpu);
    (path, result, dir)
}

#[test]
fn truncated_files_give_errors_naming_the_file() {
    for rel in [MODEL_SAFETENSORS, MODEL_LEGACY, MODEL_ZIP] {
        let len = std::fs::metadata(repo(rel)).unwrap().len() as usize;
        for keep in [len - 1, len / 2, 4096, 100, 20, 3] {
            let (path, result, _dir) = load_damaged(rel, |b| b.truncate(keep));
            let err = match result {
                Ok(_) => panic!("{rel} cut to {keep} bytes loaded"),
                Err(err) => err,
            };
            let text = err.to_string();
            assert!(
                text.contains(&path.display().to_string()),
                "{rel} @ {keep}: {text}"
            );
            // Cut anywhere after the magic bytes, the legacy and safetensors readers say it is
            // truncated (the zip reader only sees a damaged archive).
            if keep >= 20 && rel != MODEL_ZIP {
                assert!(
                    matches!(err, WeightsError::Truncated { .. }),
                    "{rel} @ {keep}: {text}"
                );
                assert!(
                    text.contains(&format!("({keep} bytes)")),
                    "{rel} @ {keep}: {text}"
                );
            }
        }
    }
}

#[test]
fn garbage_gives_errors() {
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("empty", vec![]),
        ("html", b"<!DOCTYPE html><html>Not Found</html>".to_vec()),
        (
            "lfs",
            b"version https://git-lfs.github.com/spec/v1\noid sha256:ab\nsize 308\n".to_vec(),
        ),
        (
            "random",
            (0..4096u32)
                .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
                .collect(),
        ),
    ];
    for (what, bytes) in cases {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pytorch_model.bin");
        std::fs::write(&path, &bytes).unwrap();
        let err = load_checkpoint(&path, DType::F32, &Device::Cpu).unwrap_err();
        assert!(
            matches!(err, WeightsError::UnknownFormat { .. }),
            "{what}: {err}"
        );
        assert!(
            err.to_string().contains(&path.display().to_string()),
            "{what}: {err}"
        );
    }
    // The right magic followed by junk.
    let (_, result, _dir) = load_damaged(VIEWS_LEGACY, |b| {
        for byte in b.iter_mut().skip(15) {
            *byte = 0xee;
        }
    });
    assert!(matches!(result, Err(WeightsError::Corrupt { .. })));
    let (_, result, _dir) = load_damaged(VIEWS_ZIP, |b| {
        let n = b.len();
        for byte in b.iter_mut().skip(4).take(n - 30) {
            *byte = 0x5a;
        }
    });
    assert!(result.is_err());
}

/// Every single-byte change of the small files either loads or fails with an error: no panic,
/// whatever the byte hits (pickle opcodes, lengths, storage counts, zip headers, JSON). 0xff makes
/// lengths huge, 0x8a is the LONG1 opcode.
#[test]
fn single_byte_damage_never_panics() {
    let dir = tempfile::tempdir().unwrap();
    for rel in [
        VIEWS_LEGACY,
        VIEWS_ZIP,
        VIEWS_SAFETENSORS,
        STORAGE_VIEWS_LEGACY,
    ] {
        let original = std::fs::read(repo(rel)).unwrap();
        let path = dir.path().join(Path::new(rel).file_name().unwrap());
        for at in 0..original.len() {
            for value in [0xffu8, 0x8a] {
                let mut bytes = original.clone();
                bytes[at] = value;
                std::fs::write(&path, &bytes).unwrap();
                let outcome = std::panic::catch_unwind(|| {
                    load_checkpoint(&path, DType::F32, &Device::Cpu).map(|_| ())
                });
                assert!(
                    outcome.is_ok(),
                    "{rel}: byte {at} set to {value:#04x} panicked"
                );
            }
        }
    }
}
