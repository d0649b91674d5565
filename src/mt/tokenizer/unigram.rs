//! The unigram segmenter: Viterbi over the model's pieces (unigram_model.cc `EncodeOptimized`).
//!
//! Rules kept from sentencepiece: only NORMAL, USER_DEFINED and UNUSED pieces are in the trie;
//! UNUSED pieces are never chosen; a USER_DEFINED piece scores `length * max_score - 0.1`; a
//! character no piece covers becomes the unknown piece at
//! `min_score - 10`; consecutive unknown segments are fused into one.

use std::collections::HashSet;

use super::normalizer::utf8_len;
use super::proto::{Piece, PieceType};
use super::trie::PieceTrie;

/// sentencepiece's penalty for an unknown character (`kUnkPenalty`).
const UNK_PENALTY: f32 = 10.0;

/// A piece of the segmentation: bytes `start..end` of the normalised text and the piece id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    /// First byte in the normalised text.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The piece id (the unknown id for an unknown run).
    pub id: u32,
}

/// A unigram language model over pieces.
#[derive(Debug, Clone)]
pub struct Unigram {
    trie: PieceTrie,
    kinds: Vec<PieceType>,
    scores: Vec<f32>,
    unk_id: u32,
    min_score: f32,
    max_score: f32,
}

#[derive(Debug, Clone, Copy)]
struct BestPath {
    id: u32,
    score: f32,
    /// Where the best piece ending here starts; `usize::MAX` when nothing ends here yet.
    starts_at: usize,
}

const NO_PATH: BestPath = BestPath {
    id: 0,
    score: 0.0,
    starts_at: usize::MAX,
};

impl Unigram {
    /// Builds the model from the vocabulary, checking sentencepiece's invariants.
    pub fn new(pieces: &[Piece]) -> Result<Self, String> {
        let mut normal = HashSet::new();
        let mut reserved = HashSet::new();
        let mut unk_id = None;
        for (id, p) in pieces.iter().enumerate() {
            if p.piece.is_empty() {
                return Err(format!("piece {id} is empty"));
            }
            let in_trie = matches!(
                p.kind,
                PieceType::Normal | PieceType::UserDefined | PieceType::Unused
            );
            let set = if in_trie { &mut normal } else { &mut reserved };
            if !set.insert(p.piece.as_str()) {
                return Err(format!("piece {:?} is defined twice", p.piece));
            }
            match p.kind {
                PieceType::Unknown if unk_id.is_some() => {
                    return Err("more than one unknown piece".to_string())
                }
                PieceType::Unknown => unk_id = Some(id as u32),
                PieceType::Byte => {
                    return Err(format!(
                        "byte piece {:?} found: byte-fallback models are not supported",
                        p.piece
                    ))
                }
                _ => {}
            }
        }
        let unk_id = unk_id.ok_or("the model has no unknown piece")?;
        let (mut min_score, mut max_score) = (f32::MAX, f32::MIN_POSITIVE);
        for p in pieces.iter().filter(|p| p.kind == PieceType::Normal) {
            min_score = min_score.min(p.score);
            max_score = max_score.max(p.score);
        }
        let trie = PieceTrie::new(pieces.iter().enumerate().filter_map(|(id, p)| {
            matches!(
                p.kind,
                PieceType::Normal | PieceType::UserDefined | PieceType::Unused
            )
            .then_some((p.piece.as_bytes(), id as u32))
        }));
        Ok(Self {
            trie,
            kinds: pieces.iter().map(|p| p.kind).collect(),
            scores: pieces.iter().map(|p| p.score).collect(),
            unk_id,
            min_score,
            max_score,
        })
    }

    /// The unknown piece's id.
    pub fn unk_id(&self) -> u32 {
        self.unk_id
    }

    /// Segments `normalized` into `out` (cleared first), fusing unknown runs.
    pub fn encode(&self, normalized: &[u8], out: &mut Vec<Segment>) {
        out.clear();
        let size = normalized.len();
        if size == 0 {
            return;
        }
        let unk_score = self.min_score - UNK_PENALTY;
        let mut best = vec![NO_PATH; size + 1];
        let mut starts_at = 0;
        while starts_at < size {
            let score_here = best[starts_at].score;
            let mblen = utf8_len(normalized[starts_at]).min(size - starts_at);
            let mut has_single_node = false;
            self.trie
                .for_each_prefix(&normalized[starts_at..], |length, id| {
                    let kind = self.kinds[id as usize];
                    if kind == PieceType::Unused {
                        return;
                    }
                    // Single precision throughout, as sentencepiece's scores: sums of the
                    // same pieces in another order can round apart, which decides ties.
                    let score = if kind == PieceType::UserDefined {
                        length as f32 * self.max_score - 0.1
                    } else {
                        self.scores[id as usize]
                    };
                    let candidate = score + score_here;
                    let target = &mut best[starts_at + length];
                    if target.starts_at == usize::MAX || candidate > target.score {
                        *target = BestPath {
                            id,
                            score: candidate,
                            starts_at,
                        };
                    }
                    if length == mblen {
                        has_single_node = true;
                    }
                });
            if !has_single_node {
                let candidate = unk_score + score_here;
                let target = &mut best[starts_at + mblen];
                if target.starts_at == usize::MAX || candidate > target.score {
                    *target = BestPath {
                        id: self.unk_id,
                        score: candidate,
                        starts_at,
                    };
                }
            }
            starts_at += mblen;
        }
        let mut end = size;
        while end > 0 {
            let node = best[end];
            out.push(Segment {
                start: node.starts_at,
                end,
                id: node.id,
            });
            end = node.starts_at;
        }
        out.reverse();
        // Merge runs of unknown pieces (sentencepiece_processor.cc).
        let mut merged = 0;
        for i in 0..out.len() {
            let seg = out[i];
            if merged > 0 && seg.id == self.unk_id && out[merged - 1].id == self.unk_id {
                out[merged - 1].end = seg.end;
            } else {
                out[merged] = seg;
                merged += 1;
            }
        }
        out.truncate(merged);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn piece(text: &str, score: f32, kind: PieceType) -> Piece {
        Piece {
            piece: text.to_string(),
            score,
            kind,
        }
    }

    fn segments(model: &Unigram, text: &str) -> Vec<(String, u32)> {
        let mut out = Vec::new();
        model.encode(text.as_bytes(), &mut out);
        out.iter()
            .map(|s| (text[s.start..s.end].to_string(), s.id))
            .collect()
    }

    fn model() -> Unigram {
        Unigram::new(&[
            piece("<unk>", 0.0, PieceType::Unknown),
            piece("<s>", 0.0, PieceType::Control),
            piece("a", -1.0, PieceType::Normal),
            piece("b", -1.0, PieceType::Normal),
            piece("ab", -1.5, PieceType::Normal),
            piece("abc", -5.0, PieceType::Normal),
            piece("c", -1.0, PieceType::Normal),
            piece("bc", -0.5, PieceType::Unused),
            piece("xy", -100.0, PieceType::UserDefined),
        ])
        .unwrap()
    }

    #[test]
    fn viterbi_picks_the_best_path() {
        let m = model();
        // ab + c = -2.5 beats abc = -5 and a + b + c = -3; unused "bc" is never chosen.
        assert_eq!(
            segments(&m, "abc"),
            vec![("ab".to_string(), 4), ("c".to_string(), 6)]
        );
    }

    #[test]
    fn user_defined_pieces_win_despite_their_score() {
        let m = model();
        assert_eq!(segments(&m, "xya"), vec![("xy".into(), 8), ("a".into(), 2)]);
    }

    #[test]
    fn unknown_runs_are_fused_and_control_pieces_never_match() {
        let m = model();
        assert_eq!(
            segments(&m, "a<s>éé b"),
            vec![("a".into(), 2), ("<s>éé ".into(), 0), ("b".into(), 3)]
        );
        assert!(segments(&m, "").is_empty());
    }

    #[test]
    fn invalid_vocabularies_are_rejected() {
        let unk = piece("<unk>", 0.0, PieceType::Unknown);
        assert!(Unigram::new(&[piece("a", 0.0, PieceType::Normal)]).is_err());
        assert!(Unigram::new(&[unk.clone(), unk.clone()]).is_err());
        assert!(Unigram::new(&[
            unk.clone(),
            piece("a", 0.0, PieceType::Normal),
            piece("a", -1.0, PieceType::Normal)
        ])
        .is_err());
        assert!(Unigram::new(&[unk.clone(), piece("", 0.0, PieceType::Normal)]).is_err());
        assert!(Unigram::new(&[unk, piece("<0x00>", 0.0, PieceType::Byte)]).is_err());
    }
}
