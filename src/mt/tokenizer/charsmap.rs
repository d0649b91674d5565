//! SentencePiece's `precompiled_charsmap`: a Darts-clone double-array trie over UTF-8 byte
//! sequences whose values point into a block of NUL-terminated replacement strings.
//!
//! Blob layout (normalizer.cc `DecodePrecompiledCharsMap`, little-endian):
//! `[u32 trie size in bytes][trie units, u32 each][replacement strings, NUL-separated]`.
//! Lookup is sentencepiece's: the longest byte prefix among the first 32 trie matches wins.

/// sentencepiece keeps at most this many prefix matches per lookup (`kMaxTrieResultsSize`).
const MAX_TRIE_RESULTS: usize = 32;

/// A decoded character map, ready for prefix lookups.
#[derive(Debug, Clone)]
pub struct CharsMap {
    units: Vec<u32>,
    replacements: Vec<u8>,
}

// Darts-clone unit layout.
fn has_leaf(unit: u32) -> bool {
    (unit >> 8) & 1 == 1
}
fn value(unit: u32) -> u32 {
    unit & ((1 << 31) - 1)
}
fn label(unit: u32) -> u32 {
    unit & ((1 << 31) | 0xff)
}
fn offset(unit: u32) -> usize {
    ((unit >> 10) << ((unit & (1 << 9)) >> 6)) as usize
}

impl CharsMap {
    /// Decodes the blob stored in `NormalizerSpec.precompiled_charsmap`.
    pub fn from_blob(blob: &[u8]) -> Result<Self, String> {
        if blob.len() <= 4 {
            return Err(format!(
                "precompiled_charsmap is {} bytes, too short to hold a trie",
                blob.len()
            ));
        }
        let trie_size = u32::from_le_bytes([blob[0], blob[1], blob[2], blob[3]]) as usize;
        if trie_size >= blob.len() {
            return Err(format!(
                "precompiled_charsmap trie size {trie_size} exceeds the blob size {}",
                blob.len()
            ));
        }
        let rest = &blob[4..];
        if trie_size > rest.len() {
            return Err(format!(
                "precompiled_charsmap trie size {trie_size} runs past the blob end"
            ));
        }
        let (trie, replacements) = rest.split_at(trie_size);
        // Like sentencepiece, a trailing partial unit is ignored.
        let units = trie
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect::<Vec<_>>();
        if units.is_empty() {
            return Err("precompiled_charsmap has an empty trie".to_string());
        }
        Ok(Self {
            units,
            replacements: replacements.to_vec(),
        })
    }

    /// The longest rule matching a prefix of `input`: `(bytes consumed, replacement)`.
    pub fn longest_match(&self, input: &[u8]) -> Option<(usize, &[u8])> {
        let mut id = offset(self.units[0]);
        let mut found = 0usize;
        let mut best: Option<(usize, u32)> = None;
        for (i, &byte) in input.iter().enumerate() {
            id ^= usize::from(byte);
            let unit = *self.units.get(id)?;
            if label(unit) != u32::from(byte) {
                break;
            }
            id ^= offset(unit);
            if has_leaf(unit) {
                if found < MAX_TRIE_RESULTS {
                    let leaf = self.units.get(id).copied().unwrap_or(0);
                    // Later matches are longer, so the last one kept is the longest.
                    best = Some((i + 1, value(leaf)));
                }
                found += 1;
            }
        }
        let (len, start) = best?;
        let tail = self.replacements.get(start as usize..).unwrap_or(&[]);
        let end = tail.iter().position(|&b| b == 0).unwrap_or(tail.len());
        Some((len, &tail[..end]))
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A hand-built double array with the rules `a → b` and `ab → XY`.
    ///
    /// Root (unit 0) has offset 1, so the children of the root live at `1 ^ byte`. `a` (0x61)
    /// sits at 0x60 with a leaf and offset 1: its children live at `0x60 ^ 1 = 0x61`, the leaf
    /// value unit is at `0x61 ^ 0 = 0x61` and child `b` (0x62) at `0x61 ^ 0x62 = 3`. `b` has a
    /// leaf and offset 1, so its value unit is at `3 ^ 1 = 2`.
    pub(crate) fn hand_made_blob() -> Vec<u8> {
        let leaf_flag = 1 << 8;
        let value_flag = 1u32 << 31;
        let mut units = vec![0u32; 0x62];
        units[0] = 1 << 10;
        units[0x60] = (1 << 10) | leaf_flag | 0x61;
        units[0x61] = value_flag; // "b" at offset 0
        units[3] = (1 << 10) | leaf_flag | 0x62;
        units[2] = value_flag | 2; // "XY" at offset 2
        let replacements = b"b\0XY\0";
        let mut blob = ((units.len() * 4) as u32).to_le_bytes().to_vec();
        for u in units {
            blob.extend_from_slice(&u.to_le_bytes());
        }
        blob.extend_from_slice(replacements);
        blob
    }

    #[test]
    fn longest_prefix_wins() {
        let map = CharsMap::from_blob(&hand_made_blob()).unwrap();
        assert_eq!(map.longest_match(b"a"), Some((1, &b"b"[..])));
        assert_eq!(map.longest_match(b"ac"), Some((1, &b"b"[..])));
        assert_eq!(map.longest_match(b"abc"), Some((2, &b"XY"[..])));
        assert_eq!(map.longest_match(b"c"), None);
        assert_eq!(map.longest_match(b"ba"), None);
        assert_eq!(map.longest_match(b""), None);
    }

    #[test]
    fn rejects_broken_blobs() {
        assert!(CharsMap::from_blob(&[1, 0, 0]).is_err());
        assert!(CharsMap::from_blob(&[100, 0, 0, 0, 1, 2]).is_err());
        assert!(CharsMap::from_blob(&[0, 0, 0, 0, 1]).is_err());
    }

    #[test]
    fn out_of_range_units_do_not_panic() {
        // A root whose offset points far past the array.
        let mut blob = 4u32.to_le_bytes().to_vec();
        blob.extend_from_slice(&(0xffu32 << 10).to_le_bytes());
        blob.push(0);
        let map = CharsMap::from_blob(&blob).unwrap();
        assert_eq!(map.longest_match("é".as_bytes()), None);
    }
}
