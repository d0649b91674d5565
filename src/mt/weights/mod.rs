//! Reading Marian checkpoints: `model.safetensors`, the PyTorch zip `pytorch_model.bin` and the
//! legacy (pre-1.6, non-zip) PyTorch pickle `pytorch_model.bin`.
//!
//! Every format is first read into [`raw::RawTensor`]s (dtype, shape, contiguous little-endian
//! bytes, borrowed from the memory map where possible), then the names are brought to the
//! canonical set of transformers' `MarianMTModel` ([`names`]), then turned into candle tensors.

mod backend;
mod error;
mod format;
mod names;
mod pickle;
mod pth_legacy;
mod pth_zip;
mod raw;
mod safetensors;

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use candle_core::{DType, Device, Tensor};

pub use error::WeightsError;
#[cfg(test)]
pub(crate) use format::LEGACY_MAGIC;
pub use format::{detect_format, WeightFormat};
pub use names::{EMBEDDING_NAMES, FINAL_LOGITS_BIAS, SHARED_EMBEDDING};

/// A checkpoint read into memory under the canonical `MarianMTModel` names.
///
/// Canonical means: `model.shared.weight` holds the (tied) embedding matrix and no tied duplicate
/// (`model.{encoder,decoder}.embed_tokens.weight`, `lm_head.weight`) is kept unless it differs
/// from it; stored sinusoidal `embed_positions` are dropped (the model computes them);
/// `final_logits_bias` is always present (`[1, vocab]`, zeros when the file has none).
#[derive(Debug, Clone)]
pub struct Checkpoint {
    /// The file the tensors were read from (named in every error).
    pub path: PathBuf,
    /// The format detected from the file's first bytes.
    pub format: WeightFormat,
    /// The tensors by canonical name; floating-point tensors are in the requested dtype.
    pub tensors: HashMap<String, Tensor>,
}

/// Reads a checkpoint in any supported format (detected from its magic bytes), converts its
/// floating-point tensors to `dtype` on `device` and canonicalises the tensor names.
pub fn load_checkpoint(
    path: &Path,
    dtype: DType,
    device: &Device,
) -> Result<Checkpoint, WeightsError> {
    let format = detect_format(path)?;
    let file = std::fs::File::open(path).map_err(|source| WeightsError::io(path, source))?;
    // SAFETY: the map is only read, and dropped before this function returns (every tensor is
    // copied out of it). A file truncated by another process while mapped could fault; model
    // files are not expected to change under a running reader.
    let map =
        unsafe { memmap2::Mmap::map(&file) }.map_err(|source| WeightsError::io(path, source))?;
    let bytes: &[u8] = &map;
    let raw = match format {
        WeightFormat::Safetensors => safetensors::read(path, bytes)?,
        WeightFormat::PthZip => pth_zip::read(path, bytes)?,
        WeightFormat::PthLegacy => pth_legacy::read(path, bytes)?,
    };
    let raw = names::canonicalize(path, raw)?;
    let mut tensors = HashMap::with_capacity(raw.len());
    for (name, tensor) in raw {
        let tensor = tensor
            .to_tensor(dtype, device)
            .map_err(|source| WeightsError::Tensor {
                path: path.to_path_buf(),
                tensor: name.clone(),
                source: Box::new(source),
            })?;
        tensors.insert(name, tensor);
    }
    Ok(Checkpoint {
        path: path.to_path_buf(),
        format,
        tensors,
    })
}

impl Checkpoint {
    /// A `VarBuilder` over the canonical tensors whose errors name this checkpoint's file, the
    /// tensor, and the expected and found shapes.
    pub fn var_builder(&self) -> candle_nn::VarBuilder<'static> {
        backend::var_builder(self)
    }

    /// The element type of the floating-point tensors (that of `model.shared.weight`).
    pub fn dtype(&self) -> DType {
        self.tensors
            .get(SHARED_EMBEDDING)
            .map(Tensor::dtype)
            .unwrap_or(DType::F32)
    }

    /// The device the tensors live on.
    pub fn device(&self) -> Device {
        self.tensors
            .get(SHARED_EMBEDDING)
            .map(|t| t.device().clone())
            .unwrap_or(Device::Cpu)
    }
}

/// The SHA-256 of a file's contents as lowercase hex, read in chunks (never whole in memory).
pub fn sha256_file(path: &Path) -> std::io::Result<String> {
    use sha2::{Digest, Sha256};
    let mut file = std::fs::File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    let digest = hasher.finalize();
    let mut hex = String::with_capacity(64);
    for byte in digest {
        hex.push_str(&format!("{byte:02x}"));
    }
    Ok(hex)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn sha256_of_known_strings() {
        let dir = tempfile::tempdir().unwrap();
        let empty = dir.path().join("empty");
        std::fs::File::create(&empty).unwrap();
        // FIPS 180-2 test vectors.
        assert_eq!(
            sha256_file(&empty).unwrap(),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        let abc = dir.path().join("abc");
        std::fs::File::create(&abc)
            .unwrap()
            .write_all(b"abc")
            .unwrap();
        assert_eq!(
            sha256_file(&abc).unwrap(),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
