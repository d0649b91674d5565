//! The files of an opus-mt model folder (hub layout) and the cheap checks that catch a wrong,
//! empty or placeholder file before anything tries to use it.

use std::collections::HashMap;
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};

use super::{HubError, ModelFiles};
use crate::mt::weights::detect_format;

/// What kind of content a file must have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A JSON object.
    JsonObject,
    /// A SentencePiece model (protobuf `ModelProto`).
    SentencePiece,
    /// Weights in one of the formats `weights` reads.
    Weights,
}

/// One file of the model folder.
#[derive(Debug, Clone, Copy)]
pub(crate) struct FileSpec {
    pub name: &'static str,
    pub expected: &'static str,
    pub kind: Kind,
}

pub(crate) const CONFIG: FileSpec = FileSpec {
    name: "config.json",
    expected: "the model configuration, a JSON object",
    kind: Kind::JsonObject,
};
pub(crate) const GENERATION_CONFIG: FileSpec = FileSpec {
    name: "generation_config.json",
    expected: "the generation defaults, a JSON object",
    kind: Kind::JsonObject,
};
pub(crate) const TOKENIZER_CONFIG: FileSpec = FileSpec {
    name: "tokenizer_config.json",
    expected: "the tokenizer settings, a JSON object",
    kind: Kind::JsonObject,
};
pub(crate) const SOURCE_SPM: FileSpec = FileSpec {
    name: "source.spm",
    expected: "the source-language SentencePiece model",
    kind: Kind::SentencePiece,
};
pub(crate) const TARGET_SPM: FileSpec = FileSpec {
    name: "target.spm",
    expected: "the target-language SentencePiece model",
    kind: Kind::SentencePiece,
};
pub(crate) const VOCAB: FileSpec = FileSpec {
    name: "vocab.json",
    expected: "the piece-to-id vocabulary, a JSON object",
    kind: Kind::JsonObject,
};
pub(crate) const SAFETENSORS: FileSpec = FileSpec {
    name: "model.safetensors",
    expected: "the model weights in safetensors format",
    kind: Kind::Weights,
};
pub(crate) const PYTORCH_BIN: FileSpec = FileSpec {
    name: "pytorch_model.bin",
    expected: "the model weights as a PyTorch checkpoint",
    kind: Kind::Weights,
};

/// Files every model needs besides its weights.
pub(crate) const REQUIRED: [FileSpec; 4] = [CONFIG, SOURCE_SPM, TARGET_SPM, VOCAB];
/// Files used when present.
pub(crate) const OPTIONAL: [FileSpec; 2] = [GENERATION_CONFIG, TOKENIZER_CONFIG];
/// Weight files in order of preference.
pub(crate) const WEIGHTS: [FileSpec; 2] = [SAFETENSORS, PYTORCH_BIN];
/// What to say when neither weight file is there.
pub(crate) const WEIGHTS_EXPECTED: &str =
    "the model weights: model.safetensors or pytorch_model.bin";

/// The model files of a folder in the hub layout (a local folder or a cache snapshot), each
/// checked. `missing` builds the error for an absent file (it differs between a user's folder and
/// the cache).
pub(crate) fn resolve_folder(
    dir: &Path,
    repo_id: Option<String>,
    revision: Option<String>,
    missing: impl Fn(&str, &str) -> HubError,
) -> Result<ModelFiles, HubError> {
    let required = |spec: FileSpec| -> Result<PathBuf, HubError> {
        let path = dir.join(spec.name);
        if !path.is_file() {
            return Err(missing(spec.name, spec.expected));
        }
        check(&path, spec)?;
        Ok(path)
    };
    let optional = |spec: FileSpec| -> Result<Option<PathBuf>, HubError> {
        let path = dir.join(spec.name);
        if !path.is_file() {
            return Ok(None);
        }
        check(&path, spec)?;
        Ok(Some(path))
    };
    Ok(ModelFiles {
        dir: dir.to_path_buf(),
        repo_id,
        revision,
        config: required(CONFIG)?,
        generation_config: optional(GENERATION_CONFIG)?,
        tokenizer_config: optional(TOKENIZER_CONFIG)?,
        source_spm: required(SOURCE_SPM)?,
        target_spm: required(TARGET_SPM)?,
        vocab: required(VOCAB)?,
        weights: match WEIGHTS.iter().find(|spec| dir.join(spec.name).is_file()) {
            Some(&spec) => required(spec)?,
            None => {
                return Err(missing(
                    "model.safetensors / pytorch_model.bin",
                    WEIGHTS_EXPECTED,
                ))
            }
        },
    })
}

/// Checks that `path` plausibly holds what `spec` says, without reading more than needed.
pub(crate) fn check(path: &Path, spec: FileSpec) -> Result<(), HubError> {
    let corrupt = |detail: String| HubError::CorruptFile {
        path: path.to_path_buf(),
        expected: spec.expected.to_string(),
        detail,
    };
    let io = |source| HubError::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut head = Vec::with_capacity(64);
    std::fs::File::open(path)
        .map_err(io)?
        .take(64)
        .read_to_end(&mut head)
        .map_err(io)?;
    if head.is_empty() {
        return Err(corrupt("the file is empty".into()));
    }
    if head.starts_with(b"version https://git-lfs") {
        return Err(corrupt(
            "it is a Git LFS pointer, not the file itself (fetch it with `git lfs pull`)".into(),
        ));
    }
    match spec.kind {
        Kind::JsonObject => {
            let reader = BufReader::new(std::fs::File::open(path).map_err(io)?);
            serde_json::from_reader::<_, HashMap<String, serde::de::IgnoredAny>>(reader)
                .map_err(|e| corrupt(format!("invalid JSON object: {e}")))?;
        }
        Kind::SentencePiece => {
            // A ModelProto starts with field 1 (the pieces), length-delimited: tag byte 0x0a.
            if head[0] != 0x0a {
                return Err(corrupt(format!(
                    "it does not start like a SentencePiece protobuf (first byte {:#04x})",
                    head[0]
                )));
            }
        }
        Kind::Weights => {
            detect_format(path).map_err(|e| corrupt(e.to_string()))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, bytes: &[u8]) {
        std::fs::write(dir.join(name), bytes).unwrap();
    }

    /// A folder with plausible heads for every file (not a usable model).
    fn folder(with_safetensors: bool) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "config.json", br#"{"d_model": 512}"#);
        write(dir.path(), "vocab.json", br#"{"</s>": 0, "<unk>": 1}"#);
        write(dir.path(), "source.spm", b"\x0a\x05\x0a\x01a\x15\x00");
        write(dir.path(), "target.spm", b"\x0a\x05\x0a\x01b\x15\x00");
        let mut legacy = crate::mt::weights::LEGACY_MAGIC.to_vec();
        legacy.extend_from_slice(b"rest");
        write(dir.path(), "pytorch_model.bin", &legacy);
        if with_safetensors {
            let mut st = 2u64.to_le_bytes().to_vec();
            st.extend_from_slice(b"{}");
            write(dir.path(), "model.safetensors", &st);
        }
        dir
    }

    fn missing(file: &str, expected: &str) -> HubError {
        HubError::MissingFile {
            file: file.into(),
            expected: expected.into(),
            dir: PathBuf::from("<test>"),
        }
    }

    #[test]
    fn prefers_safetensors_and_finds_optional_files() {
        let dir = folder(true);
        let files = resolve_folder(dir.path(), None, None, missing).unwrap();
        assert_eq!(files.weights, dir.path().join("model.safetensors"));
        assert_eq!(files.generation_config, None);
        write(dir.path(), "generation_config.json", br#"{"num_beams": 4}"#);
        std::fs::remove_file(dir.path().join("model.safetensors")).unwrap();
        let files = resolve_folder(dir.path(), None, None, missing).unwrap();
        assert_eq!(files.weights, dir.path().join("pytorch_model.bin"));
        assert_eq!(
            files.generation_config,
            Some(dir.path().join("generation_config.json"))
        );
    }

    #[test]
    fn missing_and_corrupt_files_are_named() {
        let dir = folder(false);
        std::fs::remove_file(dir.path().join("target.spm")).unwrap();
        let err = resolve_folder(dir.path(), None, None, missing).unwrap_err();
        assert!(err.to_string().contains("target.spm"), "{err}");
        assert!(err.to_string().contains("SentencePiece"), "{err}");

        let dir = folder(false);
        write(dir.path(), "vocab.json", b"[1, 2]");
        let err = resolve_folder(dir.path(), None, None, missing).unwrap_err();
        assert!(err.to_string().contains("vocab.json"), "{err}");
        assert!(err.to_string().contains("JSON object"), "{err}");

        let dir = folder(false);
        write(
            dir.path(),
            "pytorch_model.bin",
            b"version https://git-lfs.github.com/spec/v1\noid sha256:00\nsize 3\n",
        );
        let err = resolve_folder(dir.path(), None, None, missing).unwrap_err();
        assert!(err.to_string().contains("pytorch_model.bin"), "{err}");
        assert!(err.to_string().contains("LFS"), "{err}");

        let dir = folder(false);
        write(dir.path(), "source.spm", b"");
        let err = resolve_folder(dir.path(), None, None, missing).unwrap_err();
        assert!(err.to_string().contains("source.spm"), "{err}");
        assert!(err.to_string().contains("empty"), "{err}");

        let dir = folder(false);
        std::fs::remove_file(dir.path().join("pytorch_model.bin")).unwrap();
        let err = resolve_folder(dir.path(), None, None, missing).unwrap_err();
        assert!(
            err.to_string()
                .contains("model.safetensors or pytorch_model.bin"),
            "{err}"
        );
    }
}
