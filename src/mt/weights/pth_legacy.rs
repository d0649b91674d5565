//! The legacy (PyTorch < 1.6) `torch.save` format, which candle cannot read.
//!
//! Layout (torch `serialization.py`, `_legacy_save`): five protocol-2 pickles back to back —
//! the magic number (a 10-byte LONG1, matched as fixed bytes because candle's LONG1 decoder
//! overflows on it), the protocol version 1001, a `sys_info` dict, the state dict whose tensors
//! refer to storages by key, and the list of storage keys — then, for each key in that list's
//! order, an int64 little-endian element count and the storage's raw little-endian bytes.

use std::collections::HashMap;
use std::path::Path;

use candle_core::pickle::Object;

use super::format::LEGACY_MAGIC;
use super::pickle::{kind, read_pickle, state_dict_records, TensorRecord};
use super::raw::RawTensor;
use super::WeightsError;

/// The protocol version torch writes after the magic number.
const PROTOCOL_VERSION: i64 = 1001;

/// Reads every tensor of a legacy checkpoint whose whole contents are `bytes`.
pub(crate) fn read<'a>(
    path: &Path,
    bytes: &'a [u8],
) -> Result<Vec<(String, RawTensor<'a>)>, WeightsError> {
    let len = bytes.len() as u64;
    let mut rest = bytes
        .strip_prefix(&LEGACY_MAGIC[..])
        .ok_or_else(|| WeightsError::corrupt(path, "missing the legacy PyTorch magic number"))?;

    match read_pickle(path, len, "protocol version", &mut rest)? {
        Object::Int(v) if i64::from(v) == PROTOCOL_VERSION => {}
        Object::Long(v) if v == PROTOCOL_VERSION => {}
        other => {
            return Err(WeightsError::corrupt(
                path,
                format!(
                    "protocol version is {}, expected {PROTOCOL_VERSION}",
                    kind(&other)
                ),
            ))
        }
    }
    check_sys_info(path, read_pickle(path, len, "sys_info", &mut rest)?)?;
    let records = state_dict_records(path, read_pickle(path, len, "state dict", &mut rest)?)?;
    let keys = storage_keys(path, read_pickle(path, len, "storage key list", &mut rest)?)?;

    let storages = locate_storages(path, bytes, bytes.len() - rest.len(), &keys, &records)?;
    let mut tensors = Vec::with_capacity(records.len());
    for record in records {
        let storage = storage_bytes(path, &storages, &record)?;
        let elem = record.storage.dtype.size_in_bytes();
        let data = record.view.gather(storage, elem).map_err(|detail| {
            WeightsError::corrupt(path, format!("tensor `{}`: {detail}", record.name))
        })?;
        tensors.push((
            record.name,
            RawTensor {
                dtype: record.storage.dtype,
                shape: record.view.shape,
                data,
            },
        ));
    }
    Ok(tensors)
}

/// Only little-endian files are supported (every file torch writes on x86 and ARM).
fn check_sys_info(path: &Path, info: Object) -> Result<(), WeightsError> {
    let Object::Dict(entries) = info else {
        return Err(WeightsError::corrupt(path, "sys_info is not a dict"));
    };
    for (key, value) in entries {
        if key == Object::Unicode("little_endian".into()) && value == Object::Bool(false) {
            return Err(WeightsError::corrupt(
                path,
                "the checkpoint was written on a big-endian machine, which is not supported",
            ));
        }
    }
    Ok(())
}

fn storage_keys(path: &Path, list: Object) -> Result<Vec<String>, WeightsError> {
    let items = match list {
        Object::List(items) | Object::Tuple(items) => items,
        _ => {
            return Err(WeightsError::corrupt(
                path,
                "the storage key list is not a list",
            ))
        }
    };
    items
        .into_iter()
        .map(|item| match item {
            Object::Unicode(key) => Ok(key),
            other => Err(WeightsError::corrupt(
                path,
                format!("storage key {} is not a string", kind(&other)),
            )),
        })
        .collect()
}

/// Walks the raw storage section starting at `start`, returning each root storage's bytes.
fn locate_storages<'a>(
    path: &Path,
    bytes: &'a [u8],
    start: usize,
    keys: &[String],
    records: &[TensorRecord],
) -> Result<HashMap<String, &'a [u8]>, WeightsError> {
    // Element sizes come from the tensors that use each root storage.
    let mut elem_sizes: HashMap<&str, usize> = HashMap::new();
    for record in records {
        let root = match &record.storage.view_of {
            Some((root, _)) => root.as_str(),
            None => record.storage.key.as_str(),
        };
        let elem = record.storage.dtype.size_in_bytes();
        if let Some(&previous) = elem_sizes.get(root) {
            if previous != elem {
                return Err(WeightsError::corrupt(
                    path,
                    format!("storage {root} is used with two element sizes"),
                ));
            }
        }
        elem_sizes.insert(root, elem);
    }

    let total = bytes.len() as u64;
    let mut at = start;
    let mut storages = HashMap::with_capacity(keys.len());
    for key in keys {
        let elem = *elem_sizes.get(key.as_str()).ok_or_else(|| {
            WeightsError::corrupt(
                path,
                format!("storage {key} is listed but no tensor uses it"),
            )
        })?;
        let header_end = at + 8;
        if header_end > bytes.len() {
            return Err(WeightsError::truncated(
                path,
                &format!("the length of storage {key}"),
                header_end as u64,
                total,
            ));
        }
        let numel = u64::from_le_bytes(bytes[at..header_end].try_into().expect("8 bytes"));
        let data_end = numel
            .checked_mul(elem as u64)
            .and_then(|len| len.checked_add(header_end as u64))
            .ok_or_else(|| {
                WeightsError::corrupt(path, format!("storage {key} claims {numel} elements"))
            })?;
        if data_end > total {
            return Err(WeightsError::truncated(
                path,
                &format!("storage {key} ({numel} elements of {elem} bytes)"),
                data_end,
                total,
            ));
        }
        // data_end <= total, so it fits in usize.
        let data_end = data_end as usize;
        storages.insert(key.clone(), &bytes[header_end..data_end]);
        at = data_end;
    }
    for record in records {
        let root = record
            .storage
            .view_of
            .as_ref()
            .map_or(&record.storage.key, |(root, _)| root);
        if !storages.contains_key(root) {
            return Err(WeightsError::corrupt(
                path,
                format!(
                    "tensor `{}` uses storage {root}, which the file does not hold",
                    record.name
                ),
            ));
        }
    }
    Ok(storages)
}

/// The bytes of the storage a record points at (a slice of its root for legacy views).
fn storage_bytes<'a>(
    path: &Path,
    storages: &HashMap<String, &'a [u8]>,
    record: &TensorRecord,
) -> Result<&'a [u8], WeightsError> {
    let elem = record.storage.dtype.size_in_bytes();
    match &record.storage.view_of {
        None => Ok(storages[&record.storage.key]),
        Some((root, offset)) => {
            let root_bytes = storages[root];
            let start = offset.checked_mul(elem);
            let end = offset
                .checked_add(record.storage.numel)
                .and_then(|e| e.checked_mul(elem));
            match (start, end) {
                (Some(start), Some(end)) if end <= root_bytes.len() => Ok(&root_bytes[start..end]),
                _ => Err(WeightsError::corrupt(
                    path,
                    format!(
                        "tensor `{}`: storage view at {offset} of {} elements lies outside storage {root}",
                        record.name, record.storage.numel
                    ),
                )),
            }
        }
    }
}
