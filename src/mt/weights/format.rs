//! Telling the weight formats apart by their first bytes (never by the file name: the hub calls
//! both PyTorch formats `pytorch_model.bin`).

use std::io::Read;
use std::path::Path;

use super::WeightsError;

/// The on-disk format of a weights file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WeightFormat {
    /// `model.safetensors`: an 8-byte header length, a JSON header, raw tensor data.
    Safetensors,
    /// A PyTorch ≥ 1.6 checkpoint: a zip archive with `*/data.pkl` and `*/data/<key>` entries.
    PthZip,
    /// A PyTorch < 1.6 checkpoint: a sequence of protocol-2 pickles followed by raw storages.
    PthLegacy,
}

impl WeightFormat {
    /// A short human-readable name.
    pub fn describe(self) -> &'static str {
        match self {
            Self::Safetensors => "safetensors",
            Self::PthZip => "PyTorch zip checkpoint",
            Self::PthLegacy => "legacy PyTorch pickle checkpoint",
        }
    }
}

impl std::fmt::Display for WeightFormat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.describe())
    }
}

/// The zip local-file-header signature.
const ZIP_MAGIC: &[u8] = b"PK\x03\x04";

/// What `torch.save` writes first in the legacy format: pickle protocol 2, `LONG1` of 10 bytes
/// holding 0x1950a86a20f9469cfc6c (torch's `MAGIC_NUMBER`), `STOP`.
pub(crate) const LEGACY_MAGIC: [u8; 15] = [
    0x80, 0x02, 0x8a, 0x0a, 0x6c, 0xfc, 0x9c, 0x46, 0xf9, 0x20, 0x6a, 0xa8, 0x50, 0x19, 0x2e,
];

/// The largest header the safetensors crate accepts.
const MAX_SAFETENSORS_HEADER: u64 = 100_000_000;

/// The first line of a Git LFS pointer, what a clone without `git lfs` leaves in place of weights.
const LFS_POINTER: &[u8] = b"version https://git-lfs";

/// Reads the first bytes of `path` and says which weights format it is in.
pub fn detect_format(path: &Path) -> Result<WeightFormat, WeightsError> {
    let mut file = std::fs::File::open(path).map_err(|e| WeightsError::io(path, e))?;
    let len = file
        .metadata()
        .map_err(|e| WeightsError::io(path, e))?
        .len();
    let mut head = [0u8; 16];
    let mut filled = 0;
    while filled < head.len() {
        let n = file
            .read(&mut head[filled..])
            .map_err(|e| WeightsError::io(path, e))?;
        if n == 0 {
            break;
        }
        filled += n;
    }
    classify(&head[..filled]).ok_or_else(|| WeightsError::UnknownFormat {
        path: path.to_path_buf(),
        found: describe_head(&head[..filled], len),
    })
}

/// The format of a file that starts with `head`, if it is one we read.
fn classify(head: &[u8]) -> Option<WeightFormat> {
    if head.starts_with(ZIP_MAGIC) {
        return Some(WeightFormat::PthZip);
    }
    if head.starts_with(&LEGACY_MAGIC) {
        return Some(WeightFormat::PthLegacy);
    }
    // safetensors: u64 little-endian header size (at most 100 MB), then a JSON object. Whether
    // the file is long enough is the reader's business (it reports truncation).
    if head.len() >= 9 && head[8] == b'{' {
        let header_len = u64::from_le_bytes(head[..8].try_into().ok()?);
        if (2..=MAX_SAFETENSORS_HEADER).contains(&header_len) {
            return Some(WeightFormat::Safetensors);
        }
    }
    None
}

fn describe_head(head: &[u8], len: u64) -> String {
    if len == 0 {
        return "an empty file".to_string();
    }
    if head.starts_with(LFS_POINTER) {
        return "a Git LFS pointer instead of the weights (fetch them with `git lfs pull`)"
            .to_string();
    }
    let hex: Vec<String> = head.iter().map(|b| format!("{b:02x}")).collect();
    format!("{len} bytes starting {}", hex.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_by_magic_bytes() {
        assert_eq!(classify(b"PK\x03\x04rest"), Some(WeightFormat::PthZip));
        assert_eq!(classify(&LEGACY_MAGIC), Some(WeightFormat::PthLegacy));
        let mut st = 10u64.to_le_bytes().to_vec();
        st.extend_from_slice(b"{\"a\":1}   ");
        assert_eq!(classify(&st), Some(WeightFormat::Safetensors));
        // A cut-off file is still recognised (and then reported as truncated).
        assert_eq!(classify(&st), Some(WeightFormat::Safetensors));
        let mut huge = u64::MAX.to_le_bytes().to_vec();
        huge.extend_from_slice(b"{\"a\":1}");
        assert_eq!(classify(&huge), None);
        assert_eq!(classify(b"<!DOCTYPE html>"), None);
        assert_eq!(classify(b""), None);
        // A protocol-2 pickle that is not torch's legacy magic.
        assert_eq!(classify(&[0x80, 0x02, 0x7d, 0x71, 0x00, 0x2e]), None);
    }

    #[test]
    fn describes_unknown_heads() {
        assert_eq!(describe_head(b"", 0), "an empty file");
        assert!(describe_head(b"version https://git-lfs.github.com/spec/v1", 130).contains("LFS"));
        assert_eq!(describe_head(b"\x00\x01", 2), "2 bytes starting 00 01");
    }
}
