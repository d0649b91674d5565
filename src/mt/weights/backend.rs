//! A `VarBuilder` backend over a checkpoint whose errors say which file, which tensor, and what
//! shape was expected and found (candle's own `HashMap` backend names neither the file nor the
//! format).

use std::collections::HashMap;
use std::path::PathBuf;

use candle_core::{DType, Device, Shape, Tensor};
use candle_nn::var_builder::SimpleBackend;

use super::{Checkpoint, WeightFormat};

struct CheckpointBackend {
    path: PathBuf,
    format: WeightFormat,
    tensors: HashMap<String, Tensor>,
}

impl CheckpointBackend {
    fn lookup(&self, name: &str) -> candle_core::Result<&Tensor> {
        self.tensors.get(name).ok_or_else(|| {
            candle_core::Error::Msg(format!(
                "{}: the {} has no tensor `{name}` ({} tensors under canonical MarianMTModel names)",
                self.path.display(),
                self.format,
                self.tensors.len()
            ))
        })
    }
}

impl SimpleBackend for CheckpointBackend {
    fn get(
        &self,
        shape: Shape,
        name: &str,
        _init: candle_nn::Init,
        dtype: DType,
        dev: &Device,
    ) -> candle_core::Result<Tensor> {
        let tensor = self.lookup(name)?;
        if tensor.shape() != &shape {
            return Err(candle_core::Error::Msg(format!(
                "{}: tensor `{name}` has shape {:?}, the model expects {:?}",
                self.path.display(),
                tensor.dims(),
                shape.dims()
            )));
        }
        tensor.to_device(dev)?.to_dtype(dtype)
    }

    fn get_unchecked(&self, name: &str, dtype: DType, dev: &Device) -> candle_core::Result<Tensor> {
        self.lookup(name)?.to_device(dev)?.to_dtype(dtype)
    }

    fn contains_tensor(&self, name: &str) -> bool {
        self.tensors.contains_key(name)
    }
}

pub(super) fn var_builder(checkpoint: &Checkpoint) -> candle_nn::VarBuilder<'static> {
    let backend = CheckpointBackend {
        path: checkpoint.path.clone(),
        format: checkpoint.format,
        // Tensors are reference-counted: this clones handles, not data.
        tensors: checkpoint.tensors.clone(),
    };
    candle_nn::VarBuilder::from_backend(Box::new(backend), checkpoint.dtype(), checkpoint.device())
}
