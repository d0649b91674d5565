//! From a pickled PyTorch state dict to tensor records (name, storage, view), for both PyTorch
//! formats. The pickle itself is parsed by candle's `pickle::Stack`; what the objects mean is
//! decided here, without panicking on unexpected shapes of data.

use std::io::BufRead;
use std::path::Path;

use candle_core::pickle::{Object, Stack};
use candle_core::DType;

use super::raw::StridedView;
use super::WeightsError;

/// A storage as a persistent id names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct StorageRef {
    /// The key its bytes are filed under (`data/<key>` in a zip, the key list in legacy files).
    pub key: String,
    /// The element type (from the `torch.XxxStorage` class).
    pub dtype: DType,
    /// Its length in elements.
    pub numel: usize,
    /// Legacy "view" storages: the root storage's key and the element offset into it.
    pub view_of: Option<(String, usize)>,
}

/// One entry of the state dict.
#[derive(Debug, Clone)]
pub(crate) struct TensorRecord {
    pub name: String,
    pub storage: StorageRef,
    pub view: StridedView,
}

/// Parses one pickle from `reader`, stopping after its `STOP` opcode (`file_len` is only for the
/// message when the pickle is cut off).
pub(crate) fn read_pickle<R: BufRead>(
    path: &Path,
    file_len: u64,
    what: &str,
    reader: &mut R,
) -> Result<Object, WeightsError> {
    // candle's parser can panic on malformed input (e.g. an over-long LONG1): turn that into an
    // error rather than taking the process down.
    let parsed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let mut stack = Stack::empty();
        stack.read_loop(reader)?;
        stack.finalize()
    }));
    match parsed {
        Ok(Ok(object)) => Ok(object),
        Ok(Err(candle_core::Error::Io(err))) if err.kind() == std::io::ErrorKind::UnexpectedEof => {
            Err(WeightsError::Truncated {
                path: path.to_path_buf(),
                detail: format!("the file ends inside the {what} pickle"),
                available: file_len,
            })
        }
        Ok(Err(err)) => Err(WeightsError::corrupt(
            path,
            format!("cannot parse the {what} pickle: {err}"),
        )),
        Err(_) => Err(WeightsError::corrupt(
            path,
            format!("malformed {what} pickle"),
        )),
    }
}

/// The tensors of a pickled state dict (an `OrderedDict` or dict of name → tensor). Entries that
/// are not tensors (such as `_metadata`) are skipped.
pub(crate) fn state_dict_records(
    path: &Path,
    object: Object,
) -> Result<Vec<TensorRecord>, WeightsError> {
    let entries = match object {
        Object::Dict(entries) => entries,
        other => {
            return Err(WeightsError::corrupt(
                path,
                format!(
                    "expected a state dict (name → tensor), found {}",
                    kind(&other)
                ),
            ))
        }
    };
    let mut records = Vec::with_capacity(entries.len());
    for (key, value) in entries {
        let Object::Unicode(name) = key else {
            continue;
        };
        if let Some(record) = tensor_record(path, &name, value)? {
            records.push(record);
        }
    }
    Ok(records)
}

/// `Some` when `value` is a tensor rebuild call, `None` when it is some other object.
fn tensor_record(
    path: &Path,
    name: &str,
    value: Object,
) -> Result<Option<TensorRecord>, WeightsError> {
    let bad = |detail: String| WeightsError::corrupt(path, format!("tensor `{name}`: {detail}"));
    let Object::Reduce { callable, args } = value else {
        return Ok(None);
    };
    let Object::Class {
        module_name,
        class_name,
    } = *callable
    else {
        return Ok(None);
    };
    let args = match *args {
        Object::Tuple(args) => args,
        other => return Err(bad(format!("rebuild arguments are {}", kind(&other)))),
    };
    match (module_name.as_str(), class_name.as_str()) {
        // (storage, storage_offset, size, stride, requires_grad, backward_hooks[, metadata])
        ("torch._utils", "_rebuild_tensor_v2") | ("torch._utils", "_rebuild_tensor") => {
            let mut args = args.into_iter();
            let (Some(storage), Some(offset), Some(size), Some(stride)) =
                (args.next(), args.next(), args.next(), args.next())
            else {
                return Err(bad("too few rebuild arguments".into()));
            };
            let storage = storage_ref(storage).map_err(&bad)?;
            let view = StridedView {
                offset: non_negative(offset).map_err(&bad)?,
                shape: usize_tuple(size).map_err(&bad)?,
                stride: usize_tuple(stride).map_err(&bad)?,
            };
            Ok(Some(TensorRecord {
                name: name.to_string(),
                storage,
                view,
            }))
        }
        // nn.Parameter(data, requires_grad, hooks): the data is itself a rebuild call.
        ("torch._utils", "_rebuild_parameter")
        | ("torch._utils", "_rebuild_parameter_with_state") => match args.into_iter().next() {
            Some(inner) => tensor_record(path, name, inner),
            None => Err(bad("empty parameter".into())),
        },
        // Tensor subclasses: (func, type, args, state).
        ("torch._tensor", "_rebuild_from_type_v2") => {
            let mut args = args.into_iter();
            let (Some(func), _, Some(inner_args)) = (args.next(), args.next(), args.next()) else {
                return Err(bad("too few _rebuild_from_type_v2 arguments".into()));
            };
            tensor_record(
                path,
                name,
                Object::Reduce {
                    callable: Box::new(func),
                    args: Box::new(inner_args),
                },
            )
        }
        (module, class) if module.starts_with("torch") && class.starts_with("_rebuild") => {
            Err(WeightsError::UnsupportedDtype {
                path: path.to_path_buf(),
                tensor: name.to_string(),
                dtype: format!("{module}.{class} (only dense tensors are supported)"),
            })
        }
        _ => Ok(None),
    }
}

/// `('storage', torch.XxxStorage, key, location, numel[, view_metadata])`.
fn storage_ref(object: Object) -> Result<StorageRef, String> {
    let Object::PersistentLoad(id) = object else {
        return Err(format!("storage is {}, not a persistent id", kind(&object)));
    };
    let Object::Tuple(fields) = *id else {
        return Err("storage id is not a tuple".into());
    };
    if fields.len() < 5 {
        return Err(format!(
            "storage id has {} fields, expected 5 or 6",
            fields.len()
        ));
    }
    let mut fields = fields.into_iter();
    let tag = fields.next();
    if tag != Some(Object::Unicode("storage".into())) {
        return Err(format!(
            "persistent id tagged {}, expected 'storage'",
            kind_of(&tag)
        ));
    }
    let class = match fields.next() {
        Some(Object::Class { class_name, .. }) => class_name,
        other => return Err(format!("storage type is {}", kind_of(&other))),
    };
    let dtype = storage_dtype(&class).ok_or_else(|| format!("unsupported storage type {class}"))?;
    let key = match fields.next() {
        Some(Object::Unicode(key)) => key,
        other => return Err(format!("storage key is {}", kind_of(&other))),
    };
    let _location = fields.next();
    let numel = non_negative(fields.next().unwrap_or(Object::None))?;
    // Legacy view storages: (view_key, offset, view_size) or None.
    let view_of = match fields.next() {
        Some(Object::Tuple(view)) if view.len() == 3 => {
            let mut view = view.into_iter();
            let view_key = match view.next() {
                Some(Object::Unicode(k)) => k,
                other => return Err(format!("storage view key is {}", kind_of(&other))),
            };
            let offset = non_negative(view.next().unwrap_or(Object::None))?;
            // The view's own key names it; its bytes live in the root storage `key`.
            return Ok(StorageRef {
                key: view_key,
                dtype,
                numel: non_negative(view.next().unwrap_or(Object::None))?,
                view_of: Some((key, offset)),
            });
        }
        Some(Object::None) | None => None,
        Some(other) => return Err(format!("storage view metadata is {}", kind(&other))),
    };
    Ok(StorageRef {
        key,
        dtype,
        numel,
        view_of,
    })
}

/// The element type of a `torch.XxxStorage` class.
fn storage_dtype(class: &str) -> Option<DType> {
    Some(match class {
        "FloatStorage" => DType::F32,
        "DoubleStorage" => DType::F64,
        "HalfStorage" => DType::F16,
        "BFloat16Storage" => DType::BF16,
        "ByteStorage" => DType::U8,
        "ShortStorage" => DType::I16,
        "IntStorage" => DType::I32,
        "LongStorage" => DType::I64,
        _ => return None,
    })
}

fn non_negative(object: Object) -> Result<usize, String> {
    match object {
        Object::Int(v) if v >= 0 => Ok(v as usize),
        Object::Long(v) if v >= 0 => usize::try_from(v).map_err(|e| e.to_string()),
        other => Err(format!(
            "expected a non-negative integer, found {}",
            kind(&other)
        )),
    }
}

fn usize_tuple(object: Object) -> Result<Vec<usize>, String> {
    match object {
        Object::Tuple(items) | Object::List(items) => items.into_iter().map(non_negative).collect(),
        other => Err(format!("expected a tuple of sizes, found {}", kind(&other))),
    }
}

/// [`kind`] of an optional object ("nothing" when absent).
fn kind_of(object: &Option<Object>) -> String {
    object.as_ref().map_or_else(|| "nothing".to_string(), kind)
}

/// A short description of an object for error messages (never its whole contents).
pub(crate) fn kind(object: &Object) -> String {
    match object {
        Object::Class {
            module_name,
            class_name,
        } => format!("class {module_name}.{class_name}"),
        Object::Int(v) => format!("int {v}"),
        Object::Long(v) => format!("int {v}"),
        Object::Float(v) => format!("float {v}"),
        Object::Unicode(s) => format!("string {:?}", s.chars().take(40).collect::<String>()),
        Object::Bool(b) => format!("bool {b}"),
        Object::None => "None".into(),
        Object::Tuple(t) => format!("a tuple of {}", t.len()),
        Object::List(l) => format!("a list of {}", l.len()),
        Object::Mark => "a mark".into(),
        Object::Dict(d) => format!("a dict of {}", d.len()),
        Object::Reduce { callable, .. } => format!("a call of {}", kind(callable)),
        Object::Build { callable, .. } => format!("a built {}", kind(callable)),
        Object::PersistentLoad(_) => "a persistent id".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn class(module: &str, name: &str) -> Object {
        Object::Class {
            module_name: module.into(),
            class_name: name.into(),
        }
    }

    fn storage_id(class_name: &str, key: &str, numel: i32) -> Object {
        Object::PersistentLoad(Box::new(Object::Tuple(vec![
            Object::Unicode("storage".into()),
            class("torch", class_name),
            Object::Unicode(key.into()),
            Object::Unicode("cpu".into()),
            Object::Int(numel),
            Object::None,
        ])))
    }

    fn rebuild(storage: Object, offset: i32, size: &[i32], stride: &[i32]) -> Object {
        let ints = |v: &[i32]| Object::Tuple(v.iter().map(|&i| Object::Int(i)).collect());
        Object::Reduce {
            callable: Box::new(class("torch._utils", "_rebuild_tensor_v2")),
            args: Box::new(Object::Tuple(vec![
                storage,
                Object::Int(offset),
                ints(size),
                ints(stride),
                Object::Bool(false),
                Object::Dict(vec![]),
            ])),
        }
    }

    #[test]
    fn reads_records_and_skips_non_tensors() {
        let dict = Object::Dict(vec![
            (
                Object::Unicode("a".into()),
                rebuild(storage_id("FloatStorage", "7", 12), 2, &[2, 3], &[4, 1]),
            ),
            (Object::Unicode("_metadata".into()), Object::Dict(vec![])),
        ]);
        let records = state_dict_records(Path::new("x.bin"), dict).unwrap();
        assert_eq!(records.len(), 1);
        let r = &records[0];
        assert_eq!(r.name, "a");
        assert_eq!(r.storage.key, "7");
        assert_eq!(r.storage.dtype, DType::F32);
        assert_eq!(r.storage.numel, 12);
        assert_eq!(r.view.offset, 2);
        assert_eq!(r.view.shape, vec![2, 3]);
        assert_eq!(r.view.stride, vec![4, 1]);
    }

    #[test]
    fn malformed_records_are_errors_not_panics() {
        let short = Object::Reduce {
            callable: Box::new(class("torch._utils", "_rebuild_tensor_v2")),
            args: Box::new(Object::Tuple(vec![Object::Int(1)])),
        };
        let dict = Object::Dict(vec![(Object::Unicode("w".into()), short)]);
        let err = state_dict_records(Path::new("x.bin"), dict).unwrap_err();
        assert!(err.to_string().contains("tensor `w`"), "{err}");

        let odd_type = rebuild(storage_id("ComplexFloatStorage", "1", 4), 0, &[4], &[1]);
        let dict = Object::Dict(vec![(Object::Unicode("w".into()), odd_type)]);
        let err = state_dict_records(Path::new("x.bin"), dict).unwrap_err();
        assert!(err.to_string().contains("ComplexFloatStorage"), "{err}");

        let negative = rebuild(storage_id("FloatStorage", "1", 4), -1, &[4], &[1]);
        let dict = Object::Dict(vec![(Object::Unicode("w".into()), negative)]);
        assert!(state_dict_records(Path::new("x.bin"), dict).is_err());

        assert!(state_dict_records(Path::new("x.bin"), Object::List(vec![])).is_err());
    }

    #[test]
    fn garbage_pickles_are_errors() {
        for bytes in [
            &b""[..],
            &b"\x80\x02\xff"[..],
            // LONG1 of 200 bytes: overflows candle's decoder.
            &[0x80, 0x02, 0x8a, 200, 1, 2, 3][..],
            &b"\x80\x02}q\x00(X\xff\xff\xff\x7f"[..],
        ] {
            let mut reader = bytes;
            assert!(read_pickle(Path::new("x.bin"), 0, "test", &mut reader).is_err());
        }
    }
}
