//! Bringing the key sets of old and new Marian checkpoints to one canonical set.
//!
//! Seen in the wild: 2020 `pytorch_model.bin` files store `model.shared.weight` plus both
//! `embed_tokens` (one storage), the sinusoidal `embed_positions` and `final_logits_bias`, but
//! no `lm_head.weight`; newer saves add `lm_head.weight`; the safetensors converter keeps only
//! one of the tied names; some files lack `final_logits_bias`.

use std::path::Path;

use super::raw::RawTensor;
use super::WeightsError;

/// The canonical name of the shared (tied) embedding matrix `[vocab, d_model]`.
pub const SHARED_EMBEDDING: &str = "model.shared.weight";

/// The canonical name of the output bias `[1, vocab]`.
pub const FINAL_LOGITS_BIAS: &str = "final_logits_bias";

/// Names that may hold the embedding matrix, in order of preference; tied copies of the first
/// one found are dropped.
pub const EMBEDDING_NAMES: [&str; 4] = [
    SHARED_EMBEDDING,
    "model.encoder.embed_tokens.weight",
    "model.decoder.embed_tokens.weight",
    "lm_head.weight",
];

/// Canonical names: `model.` prefix added where a bare `encoder.`/`decoder.`/`shared.` key lacks
/// it, positions dropped, tied duplicates dropped, `final_logits_bias` made `[1, vocab]`.
pub(crate) fn canonicalize<'a>(
    path: &Path,
    tensors: Vec<(String, RawTensor<'a>)>,
) -> Result<Vec<(String, RawTensor<'a>)>, WeightsError> {
    let count = tensors.len();
    let mut kept: Vec<(String, RawTensor<'a>)> = Vec::with_capacity(count);
    for (name, tensor) in tensors {
        let name = if ["encoder.", "decoder.", "shared."]
            .iter()
            .any(|p| name.starts_with(p))
        {
            format!("model.{name}")
        } else {
            name
        };
        // Sinusoidal positions are computed by the model, never loaded.
        if name.ends_with(".embed_positions.weight") {
            continue;
        }
        if kept.iter().any(|(k, _)| *k == name) {
            return Err(WeightsError::corrupt(
                path,
                format!("tensor `{name}` appears twice"),
            ));
        }
        kept.push((name, tensor));
    }

    // The embedding matrix: the first of the tied names present becomes model.shared.weight.
    let source = EMBEDDING_NAMES
        .iter()
        .find_map(|candidate| kept.iter().position(|(k, _)| k == candidate))
        .ok_or_else(|| WeightsError::Missing {
            path: path.to_path_buf(),
            expected: format!(
                "for the embedding matrix (looked for {})",
                EMBEDDING_NAMES.join(", ")
            ),
            count,
        })?;
    let (_, shared) = kept.remove(source);
    if shared.shape.len() != 2 {
        return Err(WeightsError::Shape {
            path: path.to_path_buf(),
            tensor: SHARED_EMBEDDING.into(),
            expected: "[vocab, d_model]".into(),
            found: shared.shape.clone(),
        });
    }
    // Tied copies go; an untied matrix under another name stays for the model to use.
    kept.retain(|(k, t)| !(EMBEDDING_NAMES.contains(&k.as_str()) && t.same_as(&shared)));
    let vocab = shared.shape[0];

    match kept.iter().position(|(k, _)| k == FINAL_LOGITS_BIAS) {
        Some(at) => {
            let bias = &mut kept[at].1;
            if bias.numel() != vocab || !(bias.shape == [1, vocab] || bias.shape == [vocab]) {
                return Err(WeightsError::Shape {
                    path: path.to_path_buf(),
                    tensor: FINAL_LOGITS_BIAS.into(),
                    expected: format!("[1, {vocab}] (the vocabulary size of {SHARED_EMBEDDING})"),
                    found: bias.shape.clone(),
                });
            }
            bias.shape = vec![1, vocab];
        }
        None => kept.push((
            FINAL_LOGITS_BIAS.to_string(),
            RawTensor::zeros(shared.dtype, vec![1, vocab]),
        )),
    }
    kept.push((SHARED_EMBEDDING.to_string(), shared));
    Ok(kept)
}

#[cfg(test)]
mod tests {
    use super::*;
    use candle_core::DType;
    use std::borrow::Cow;

    fn raw(shape: &[usize], fill: u8) -> RawTensor<'static> {
        let n: usize = shape.iter().product::<usize>() * 4;
        RawTensor {
            dtype: DType::F32,
            shape: shape.to_vec(),
            data: Cow::Owned(vec![fill; n]),
        }
    }

    fn names(tensors: &[(String, RawTensor<'_>)]) -> Vec<String> {
        let mut names: Vec<String> = tensors.iter().map(|(k, _)| k.clone()).collect();
        names.sort();
        names
    }

    #[test]
    fn old_key_set_is_reduced() {
        let input = vec![
            ("model.shared.weight".to_string(), raw(&[5, 2], 1)),
            (
                "model.encoder.embed_tokens.weight".to_string(),
                raw(&[5, 2], 1),
            ),
            (
                "model.decoder.embed_tokens.weight".to_string(),
                raw(&[5, 2], 1),
            ),
            (
                "model.encoder.embed_positions.weight".to_string(),
                raw(&[8, 2], 3),
            ),
            (
                "model.decoder.embed_positions.weight".to_string(),
                raw(&[8, 2], 3),
            ),
            ("final_logits_bias".to_string(), raw(&[1, 5], 2)),
            (
                "model.encoder.layers.0.fc1.weight".to_string(),
                raw(&[3, 2], 4),
            ),
        ];
        let out = canonicalize(Path::new("m.bin"), input).unwrap();
        assert_eq!(
            names(&out),
            vec![
                "final_logits_bias",
                "model.encoder.layers.0.fc1.weight",
                "model.shared.weight"
            ]
        );
    }

    #[test]
    fn shared_comes_from_lm_head_and_bias_defaults_to_zeros() {
        let input = vec![
            ("lm_head.weight".to_string(), raw(&[5, 2], 7)),
            ("encoder.layers.0.fc1.bias".to_string(), raw(&[3], 4)),
        ];
        let out = canonicalize(Path::new("m.bin"), input).unwrap();
        assert_eq!(
            names(&out),
            vec![
                "final_logits_bias",
                "model.encoder.layers.0.fc1.bias",
                "model.shared.weight"
            ]
        );
        let bias = &out.iter().find(|(k, _)| k == FINAL_LOGITS_BIAS).unwrap().1;
        assert_eq!(bias.shape, vec![1, 5]);
        assert!(bias.data.iter().all(|&b| b == 0));
        let shared = &out.iter().find(|(k, _)| k == SHARED_EMBEDDING).unwrap().1;
        assert!(shared.data.iter().all(|&b| b == 7));
    }

    #[test]
    fn untied_decoder_embeddings_are_kept() {
        let input = vec![
            ("model.shared.weight".to_string(), raw(&[5, 2], 1)),
            (
                "model.decoder.embed_tokens.weight".to_string(),
                raw(&[5, 2], 9),
            ),
            ("final_logits_bias".to_string(), raw(&[5], 0)),
        ];
        let out = canonicalize(Path::new("m.bin"), input).unwrap();
        assert!(out
            .iter()
            .any(|(k, _)| k == "model.decoder.embed_tokens.weight"));
        let bias = &out.iter().find(|(k, _)| k == FINAL_LOGITS_BIAS).unwrap().1;
        assert_eq!(bias.shape, vec![1, 5]);
    }

    #[test]
    fn bad_key_sets_are_errors() {
        let no_embedding = vec![("final_logits_bias".to_string(), raw(&[1, 5], 0))];
        let err = canonicalize(Path::new("m.bin"), no_embedding).unwrap_err();
        assert!(err.to_string().contains("model.shared.weight"), "{err}");

        let wrong_bias = vec![
            ("model.shared.weight".to_string(), raw(&[5, 2], 1)),
            ("final_logits_bias".to_string(), raw(&[1, 4], 0)),
        ];
        let err = canonicalize(Path::new("m.bin"), wrong_bias).unwrap_err();
        assert!(err.to_string().contains("[1, 4]"), "{err}");

        let flat_embedding = vec![("model.shared.weight".to_string(), raw(&[10], 1))];
        assert!(canonicalize(Path::new("m.bin"), flat_embedding).is_err());
    }
}
