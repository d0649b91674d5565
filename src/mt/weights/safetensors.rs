//! `model.safetensors`, read through the memory map without copying until the tensors are built.

use std::borrow::Cow;
use std::path::Path;

use candle_core::DType;
use safetensors::{Dtype, SafeTensorError, SafeTensors};

use super::raw::RawTensor;
use super::WeightsError;

/// Reads every tensor of a safetensors file whose whole contents are `bytes`.
pub(crate) fn read<'a>(
    path: &Path,
    bytes: &'a [u8],
) -> Result<Vec<(String, RawTensor<'a>)>, WeightsError> {
    let file = SafeTensors::deserialize(bytes).map_err(|err| header_error(path, bytes, err))?;
    let mut tensors = Vec::with_capacity(file.len());
    for (name, view) in file.iter() {
        let dtype = candle_dtype(view.dtype()).ok_or_else(|| WeightsError::UnsupportedDtype {
            path: path.to_path_buf(),
            tensor: name.to_string(),
            dtype: format!("{:?}", view.dtype()),
        })?;
        tensors.push((
            name.to_string(),
            RawTensor {
                dtype,
                shape: view.shape().to_vec(),
                data: Cow::Borrowed(view.data()),
            },
        ));
    }
    Ok(tensors)
}

fn candle_dtype(dtype: Dtype) -> Option<DType> {
    Some(match dtype {
        Dtype::F32 => DType::F32,
        Dtype::F16 => DType::F16,
        Dtype::BF16 => DType::BF16,
        Dtype::F64 => DType::F64,
        Dtype::U8 => DType::U8,
        Dtype::I16 => DType::I16,
        Dtype::I32 => DType::I32,
        Dtype::U32 => DType::U32,
        Dtype::I64 => DType::I64,
        _ => return None,
    })
}

/// A header error, told as truncation (with the byte counts) when that is what it is.
fn header_error(path: &Path, bytes: &[u8], err: SafeTensorError) -> WeightsError {
    if let Some(header_len) = bytes.get(..8).and_then(|b| b.try_into().ok()) {
        let header_end = u64::from_le_bytes(header_len).saturating_add(8);
        if header_end > bytes.len() as u64 {
            return WeightsError::truncated(
                path,
                "the JSON header",
                header_end,
                bytes.len() as u64,
            );
        }
    }
    if let Some(needed) = promised_length(bytes) {
        if needed > bytes.len() as u64 {
            return WeightsError::truncated(
                path,
                "the tensor data listed in the header",
                needed,
                bytes.len() as u64,
            );
        }
    }
    WeightsError::corrupt(path, format!("invalid safetensors header: {err}"))
}

/// The file length the header implies (8 + header + the largest data end offset), if the header
/// itself is readable.
fn promised_length(bytes: &[u8]) -> Option<u64> {
    let header_len = u64::from_le_bytes(bytes.get(..8)?.try_into().ok()?);
    let header_end = 8usize.checked_add(usize::try_from(header_len).ok()?)?;
    let header: serde_json::Map<String, serde_json::Value> =
        serde_json::from_slice(bytes.get(8..header_end)?).ok()?;
    let data_end = header
        .values()
        .filter_map(|info| info.get("data_offsets")?.get(1)?.as_u64())
        .max()
        .unwrap_or(0);
    Some(header_end as u64 + data_end)
}
