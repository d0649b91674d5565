//! The PyTorch ≥ 1.6 zip checkpoint: `<dir>/data.pkl` holds the pickled state dict, and
//! `<dir>/data/<key>` each storage's raw little-endian bytes (stored uncompressed by torch, so they
//! are borrowed straight from the memory map).

use std::borrow::Cow;
use std::collections::HashMap;
use std::io::{Cursor, Read};
use std::path::Path;

use zip::result::ZipError;
use zip::{CompressionMethod, ZipArchive};

use super::pickle::{read_pickle, state_dict_records};
use super::raw::RawTensor;
use super::WeightsError;

/// Reads every tensor of a zip checkpoint whose whole contents are `bytes`.
pub(crate) fn read<'a>(
    path: &Path,
    bytes: &'a [u8],
) -> Result<Vec<(String, RawTensor<'a>)>, WeightsError> {
    let mut archive = ZipArchive::new(Cursor::new(bytes)).map_err(|e| zip_error(path, "", e))?;
    let pickle_name = archive
        .file_names()
        .filter_map(Result::ok)
        .find(|name| name.ends_with("data.pkl"))
        .map(|name| name.to_string())
        .ok_or_else(|| WeightsError::corrupt(path, "the zip archive has no data.pkl"))?;
    let prefix = pickle_name.trim_end_matches("data.pkl").to_string();

    if let Some(order) = read_entry_if_present(path, &mut archive, &format!("{prefix}byteorder"))? {
        if order.trim_ascii() != b"little" {
            return Err(WeightsError::corrupt(
                path,
                format!(
                    "byte order {:?} is not supported (only little-endian)",
                    String::from_utf8_lossy(&order)
                ),
            ));
        }
    }

    let pickle = read_entry_if_present(path, &mut archive, &pickle_name)?
        .ok_or_else(|| WeightsError::corrupt(path, "the zip archive has no data.pkl"))?;
    let records = state_dict_records(
        path,
        read_pickle(path, bytes.len() as u64, "data.pkl", &mut pickle.as_slice())?,
    )?;

    let mut storages: HashMap<String, Cow<'a, [u8]>> = HashMap::new();
    for record in &records {
        let key = &record.storage.key;
        if storages.contains_key(key) {
            continue;
        }
        let entry = format!("{prefix}data/{key}");
        let data = storage_entry(path, &mut archive, bytes, &entry)?;
        let needed = record.storage.numel as u64 * record.storage.dtype.size_in_bytes() as u64;
        if (data.len() as u64) < needed {
            return Err(WeightsError::corrupt(
                path,
                format!(
                    "zip entry {entry} holds {} bytes, its storage needs {needed}",
                    data.len()
                ),
            ));
        }
        storages.insert(key.clone(), data);
    }

    let mut tensors = Vec::with_capacity(records.len());
    for record in records {
        let elem = record.storage.dtype.size_in_bytes();
        let gathered = match &storages[&record.storage.key] {
            Cow::Borrowed(storage) => record.view.gather(storage, elem),
            Cow::Owned(storage) => record
                .view
                .gather(storage, elem)
                .map(|data| Cow::Owned(data.into_owned())),
        };
        let data = gathered.map_err(|detail| {
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

/// A storage's bytes: borrowed from `bytes` when stored uncompressed, else decompressed.
fn storage_entry<'a>(
    path: &Path,
    archive: &mut ZipArchive<Cursor<&'a [u8]>>,
    bytes: &'a [u8],
    name: &str,
) -> Result<Cow<'a, [u8]>, WeightsError> {
    let mut file = archive
        .by_name(name)
        .map_err(|e| zip_error(path, name, e))?;
    if file.compression() == CompressionMethod::Stored && !file.encrypted() {
        if let Some(start) = file.data_start() {
            let end = start.checked_add(file.size());
            return match end {
                Some(end) if end <= bytes.len() as u64 => {
                    Ok(Cow::Borrowed(&bytes[start as usize..end as usize]))
                }
                _ => Err(WeightsError::truncated(
                    path,
                    &format!("zip entry {name}"),
                    end.unwrap_or(u64::MAX),
                    bytes.len() as u64,
                )),
            };
        }
    }
    let mut data = Vec::new();
    file.read_to_end(&mut data)
        .map_err(|e| WeightsError::corrupt(path, format!("zip entry {name}: {e}")))?;
    Ok(Cow::Owned(data))
}

fn read_entry_if_present(
    path: &Path,
    archive: &mut ZipArchive<Cursor<&[u8]>>,
    name: &str,
) -> Result<Option<Vec<u8>>, WeightsError> {
    let mut file = match archive.by_name(name) {
        Ok(file) => file,
        Err(ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(zip_error(path, name, e)),
    };
    let mut data = Vec::new();
    file.read_to_end(&mut data)
        .map_err(|e| WeightsError::corrupt(path, format!("zip entry {name}: {e}")))?;
    Ok(Some(data))
}

fn zip_error(path: &Path, entry: &str, err: ZipError) -> WeightsError {
    let what = if entry.is_empty() {
        "the zip archive".to_string()
    } else {
        format!("zip entry {entry}")
    };
    let hint = match err {
        ZipError::InvalidArchive(_) => " (truncated or damaged download?)",
        _ => "",
    };
    WeightsError::corrupt(path, format!("{what}: {err}{hint}"))
}
