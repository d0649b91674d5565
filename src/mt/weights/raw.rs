//! The format-independent middle step: a tensor as dtype, shape and contiguous little-endian
//! bytes, plus gathering such bytes out of a PyTorch storage through offset and strides.

use std::borrow::Cow;

use candle_core::{DType, Device, Tensor};

/// One tensor's data as stored, in row-major order, not yet a candle tensor.
#[derive(Debug, Clone)]
pub(crate) struct RawTensor<'a> {
    pub dtype: DType,
    pub shape: Vec<usize>,
    /// Exactly `numel * dtype.size_in_bytes()` bytes, little-endian.
    pub data: Cow<'a, [u8]>,
}

impl RawTensor<'_> {
    /// Number of elements.
    pub fn numel(&self) -> usize {
        self.shape.iter().product()
    }

    /// Same dtype, shape and bytes: a tied duplicate.
    pub fn same_as(&self, other: &RawTensor<'_>) -> bool {
        self.dtype == other.dtype && self.shape == other.shape && self.data == other.data
    }

    /// A zero tensor.
    pub fn zeros(dtype: DType, shape: Vec<usize>) -> RawTensor<'static> {
        let len = shape.iter().product::<usize>() * dtype.size_in_bytes();
        RawTensor {
            dtype,
            shape,
            data: Cow::Owned(vec![0u8; len]),
        }
    }

    /// The candle tensor on `device`; floating-point data is converted to `dtype`, integer data
    /// keeps its type.
    pub fn to_tensor(&self, dtype: DType, device: &Device) -> candle_core::Result<Tensor> {
        let tensor = Tensor::from_raw_buffer(&self.data, self.dtype, &self.shape, device)?;
        if self.dtype.is_float() && self.dtype != dtype {
            tensor.to_dtype(dtype)
        } else {
            Ok(tensor)
        }
    }
}

/// A view into a storage as PyTorch describes it: start offset, sizes and strides, all counted in
/// elements.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct StridedView {
    pub offset: usize,
    pub shape: Vec<usize>,
    pub stride: Vec<usize>,
}

impl StridedView {
    /// The bytes of the view, in row-major order, out of `storage` (the whole storage's bytes,
    /// `elem` bytes per element). Borrowed when the view is contiguous; gathered otherwise.
    /// `Err` says what does not fit.
    pub fn gather<'a>(&self, storage: &'a [u8], elem: usize) -> Result<Cow<'a, [u8]>, String> {
        if self.shape.len() != self.stride.len() {
            return Err(format!(
                "size {:?} and stride {:?} differ in rank",
                self.shape, self.stride
            ));
        }
        let numel =
            checked_numel(&self.shape).ok_or_else(|| format!("size {:?} overflows", self.shape))?;
        let storage_numel = storage.len() / elem;
        if numel == 0 {
            return Ok(Cow::Borrowed(&[]));
        }
        // The largest element index the view touches must lie inside the storage.
        let mut last = self.offset;
        for (&size, &stride) in self.shape.iter().zip(&self.stride) {
            last = (size - 1)
                .checked_mul(stride)
                .and_then(|span| last.checked_add(span))
                .ok_or_else(|| format!("view {self:?} overflows"))?;
        }
        if last >= storage_numel {
            return Err(format!(
                "view (offset {}, size {:?}, stride {:?}) reaches element {last} of a storage of \
                 {storage_numel} elements",
                self.offset, self.shape, self.stride
            ));
        }
        if self.is_contiguous() {
            let start = self.offset * elem;
            return Ok(Cow::Borrowed(&storage[start..start + numel * elem]));
        }
        let mut out = Vec::with_capacity(numel * elem);
        let mut index = vec![0usize; self.shape.len()];
        for _ in 0..numel {
            let at: usize = self.offset
                + index
                    .iter()
                    .zip(&self.stride)
                    .map(|(i, s)| i * s)
                    .sum::<usize>();
            out.extend_from_slice(&storage[at * elem..(at + 1) * elem]);
            // Advance the row-major odometer.
            for dim in (0..index.len()).rev() {
                index[dim] += 1;
                if index[dim] < self.shape[dim] {
                    break;
                }
                index[dim] = 0;
            }
        }
        Ok(Cow::Owned(out))
    }

    /// Row-major contiguous (dimensions of size 1 may have any stride).
    fn is_contiguous(&self) -> bool {
        let mut expected = 1usize;
        for (&size, &stride) in self.shape.iter().zip(&self.stride).rev() {
            if size != 1 && stride != expected {
                return false;
            }
            expected = expected.saturating_mul(size);
        }
        true
    }
}

fn checked_numel(shape: &[usize]) -> Option<usize> {
    shape.iter().try_fold(1usize, |acc, &d| acc.checked_mul(d))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn storage(values: &[u16]) -> Vec<u8> {
        values.iter().flat_map(|v| v.to_le_bytes()).collect()
    }

    fn values(bytes: &[u8]) -> Vec<u16> {
        bytes
            .chunks(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect()
    }

    #[test]
    fn contiguous_view_is_borrowed() {
        let s = storage(&[0, 1, 2, 3, 4, 5, 6, 7]);
        let view = StridedView {
            offset: 2,
            shape: vec![2, 3],
            stride: vec![3, 1],
        };
        let got = view.gather(&s, 2).unwrap();
        assert!(matches!(got, Cow::Borrowed(_)));
        assert_eq!(values(&got), vec![2, 3, 4, 5, 6, 7]);
    }

    #[test]
    fn transposed_and_sliced_views_are_gathered() {
        // Storage holds a 3x4 matrix m[r][c] = 10 r + c.
        let s = storage(&[0, 1, 2, 3, 10, 11, 12, 13, 20, 21, 22, 23]);
        let transposed = StridedView {
            offset: 0,
            shape: vec![4, 3],
            stride: vec![1, 4],
        };
        assert_eq!(
            values(&transposed.gather(&s, 2).unwrap()),
            vec![0, 10, 20, 1, 11, 21, 2, 12, 22, 3, 13, 23]
        );
        // Columns 1..3 of every row: m[:, 1:3].
        let columns = StridedView {
            offset: 1,
            shape: vec![3, 2],
            stride: vec![4, 1],
        };
        assert_eq!(
            values(&columns.gather(&s, 2).unwrap()),
            vec![1, 2, 11, 12, 21, 22]
        );
    }

    #[test]
    fn views_outside_the_storage_are_errors() {
        let s = storage(&[0, 1, 2, 3]);
        let view = StridedView {
            offset: 2,
            shape: vec![3],
            stride: vec![1],
        };
        assert!(view
            .gather(&s, 2)
            .unwrap_err()
            .contains("reaches element 4"));
        let huge = StridedView {
            offset: 0,
            shape: vec![usize::MAX, 2],
            stride: vec![1, 1],
        };
        assert!(huge.gather(&s, 2).is_err());
        let ranks = StridedView {
            offset: 0,
            shape: vec![2],
            stride: vec![1, 1],
        };
        assert!(ranks.gather(&s, 2).is_err());
    }

    #[test]
    fn empty_views_are_fine() {
        let view = StridedView {
            offset: 7,
            shape: vec![0, 5],
            stride: vec![5, 1],
        };
        assert!(view.gather(&[], 4).unwrap().is_empty());
    }
}
