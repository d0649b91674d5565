//! `vocab.json`: the Marian vocabulary, a JSON object from piece to id.
//!
//! Read the way Python's `json.load` + dict comprehensions read it: a repeated key keeps its
//! last id, and the id → piece map keeps the last piece (in file order) for a repeated id.

use std::collections::HashMap;
use std::fmt;

use serde::de::{Deserializer, MapAccess, Visitor};

/// The piece ↔ id maps of a Marian vocabulary.
#[derive(Debug, Clone)]
pub struct Vocab {
    ids: HashMap<String, u32>,
    pieces: HashMap<u32, String>,
}

/// The entries of a JSON object, in file order, duplicates kept.
struct Entries(Vec<(String, u32)>);

impl<'de> serde::Deserialize<'de> for Entries {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct EntriesVisitor;
        impl<'de> Visitor<'de> for EntriesVisitor {
            type Value = Entries;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a JSON object mapping each piece to a non-negative integer id")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Entries, A::Error> {
                let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(0));
                while let Some((key, id)) = map.next_entry::<String, u32>()? {
                    entries.push((key, id));
                }
                Ok(Entries(entries))
            }
        }
        deserializer.deserialize_map(EntriesVisitor)
    }
}

impl Vocab {
    /// Parses the text of a `vocab.json`.
    pub fn from_json(text: &str) -> Result<Self, serde_json::Error> {
        let Entries(entries) = serde_json::from_str(text)?;
        Ok(Self::from_entries(entries))
    }

    /// Builds the maps from `(piece, id)` pairs in file order.
    pub fn from_entries(entries: Vec<(String, u32)>) -> Self {
        // Python dict semantics: first insertion fixes the order, the last value wins.
        let mut order: Vec<String> = Vec::with_capacity(entries.len());
        let mut ids: HashMap<String, u32> = HashMap::with_capacity(entries.len());
        for (piece, id) in entries {
            if ids.insert(piece.clone(), id).is_none() {
                order.push(piece);
            }
        }
        let mut pieces = HashMap::with_capacity(order.len());
        for piece in order {
            pieces.insert(ids[&piece], piece);
        }
        Self { ids, pieces }
    }

    /// The id of `piece`.
    pub fn id(&self, piece: &str) -> Option<u32> {
        self.ids.get(piece).copied()
    }

    /// The piece with this id.
    pub fn piece(&self, id: u32) -> Option<&str> {
        self.pieces.get(&id).map(String::as_str)
    }

    /// Number of pieces (`len(vocab)` in transformers).
    pub fn len(&self) -> usize {
        self.ids.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_inverts() {
        let v = Vocab::from_json(r#"{"</s>": 0, "<unk>": 1, "▁a": 2, "<pad>": 3}"#).unwrap();
        assert_eq!(v.len(), 4);
        assert_eq!(v.id("▁a"), Some(2));
        assert_eq!(v.piece(3), Some("<pad>"));
        assert_eq!(v.id("b"), None);
        assert_eq!(v.piece(9), None);
    }

    #[test]
    fn duplicates_follow_python_dict_rules() {
        let v = Vocab::from_json(r#"{"a": 0, "b": 0, "a": 5}"#).unwrap();
        assert_eq!(v.len(), 2);
        assert_eq!(v.id("a"), Some(5));
        assert_eq!(v.piece(0), Some("b"));
        assert_eq!(v.piece(5), Some("a"));
    }

    #[test]
    fn rejects_non_objects_and_bad_ids() {
        assert!(Vocab::from_json("[1, 2]").is_err());
        assert!(Vocab::from_json(r#"{"a": -1}"#).is_err());
        assert!(Vocab::from_json(r#"{"a": "1"}"#).is_err());
        assert!(Vocab::from_json("{").is_err());
    }
}
