//! A SentencePiece unigram processor: normaliser + segmenter, and `decode_pieces`.

use std::collections::HashMap;

use super::normalizer::{Normalizer, SPACE_SYMBOL};
use super::proto::{parse_model, ModelProto, PieceType};
use super::unigram::{Segment, Unigram};

/// One loaded `.spm` model.
#[derive(Debug, Clone)]
pub struct SentencePiece {
    normalizer: Normalizer,
    unigram: Unigram,
    pieces: Vec<String>,
    kinds: Vec<PieceType>,
    /// `PieceToId`: reserved pieces (control, unknown) first, then the others.
    piece_ids: HashMap<String, u32>,
    unk_surface: String,
    /// Whether a leading `▁` of the first decoded piece is dropped.
    strip_leading_space: bool,
}

/// Reusable buffers for [`SentencePiece::encode_into`].
#[derive(Debug, Default)]
pub struct EncodeScratch {
    /// The normalised text of the last call.
    pub normalized: Vec<u8>,
    /// The segments of the last call, indexing `normalized`.
    pub segments: Vec<Segment>,
}

impl SentencePiece {
    /// Parses and checks a serialised model.
    pub fn from_bytes(data: &[u8]) -> Result<Self, String> {
        let model = parse_model(data).map_err(|e| e.to_string())?;
        Self::from_proto(model)
    }

    /// Builds the processor from a parsed model.
    pub fn from_proto(model: ModelProto) -> Result<Self, String> {
        if model.pieces.is_empty() {
            return Err("the model holds no pieces".to_string());
        }
        if model.trainer_spec.model_type != 1 {
            return Err(format!(
                "model type {} is not supported (only unigram, type 1)",
                model.trainer_spec.model_type
            ));
        }
        if model.trainer_spec.byte_fallback {
            return Err("byte-fallback models are not supported".to_string());
        }
        let unigram = Unigram::new(&model.pieces)?;
        let user_defined: Vec<&str> = model
            .pieces
            .iter()
            .filter(|p| p.kind == PieceType::UserDefined)
            .map(|p| p.piece.as_str())
            .collect();
        let normalizer = Normalizer::new(
            &model.normalizer_spec,
            model.trainer_spec.treat_whitespace_as_suffix,
            &user_defined,
        )?;
        let mut piece_ids = HashMap::with_capacity(model.pieces.len());
        // Reserved pieces take precedence in `PieceToId`.
        for reserved in [true, false] {
            for (id, p) in model.pieces.iter().enumerate() {
                let is_reserved = matches!(p.kind, PieceType::Control | PieceType::Unknown);
                if is_reserved == reserved {
                    piece_ids.entry(p.piece.clone()).or_insert(id as u32);
                }
            }
        }
        let spec = &model.normalizer_spec;
        Ok(Self {
            normalizer,
            unigram,
            pieces: model.pieces.iter().map(|p| p.piece.clone()).collect(),
            kinds: model.pieces.iter().map(|p| p.kind).collect(),
            piece_ids,
            unk_surface: model.trainer_spec.unk_surface.clone(),
            strip_leading_space: spec.add_dummy_prefix || spec.remove_extra_whitespaces,
        })
    }

    /// Number of pieces in the model.
    pub fn len(&self) -> usize {
        self.pieces.len()
    }

    /// The piece with this id.
    pub fn id_to_piece(&self, id: u32) -> Option<&str> {
        self.pieces.get(id as usize).map(String::as_str)
    }

    /// The id of the unknown piece.
    pub fn unk_id(&self) -> u32 {
        self.unigram.unk_id()
    }

    /// Normalises and segments `text`; the result is in `scratch`.
    pub fn encode_into(&self, text: &str, scratch: &mut EncodeScratch) {
        self.normalizer.normalize(text, &mut scratch.normalized);
        self.unigram
            .encode(&scratch.normalized, &mut scratch.segments);
    }

    /// The piece strings of `text` (`encode(text, out_type=str)`).
    pub fn encode_pieces(&self, text: &str) -> Vec<String> {
        let mut scratch = EncodeScratch::default();
        self.encode_into(text, &mut scratch);
        scratch
            .segments
            .iter()
            .map(|s| String::from_utf8_lossy(&scratch.normalized[s.start..s.end]).into_owned())
            .collect()
    }

    /// Joins pieces back into text (`decode_pieces`): control pieces vanish, `<unk>` becomes
    /// the unknown surface, pieces the model does not know are copied verbatim, `▁` is a space
    /// and the first piece loses one leading `▁`.
    pub fn decode_pieces<S: AsRef<str>>(&self, pieces: &[S], out: &mut String) {
        let start = out.len();
        for piece in pieces {
            let piece = piece.as_ref();
            let id = self
                .piece_ids
                .get(piece)
                .copied()
                .unwrap_or_else(|| self.unk_id());
            match self.kinds[id as usize] {
                PieceType::Control => {}
                PieceType::Unknown => {
                    if self.pieces[id as usize] == piece {
                        out.push_str(&self.unk_surface);
                    } else {
                        out.push_str(piece);
                    }
                }
                _ => {
                    let mut piece = piece;
                    if out.len() == start && self.strip_leading_space {
                        piece = piece.strip_prefix(SPACE_SYMBOL).unwrap_or(piece);
                    }
                    for (i, part) in piece.split(SPACE_SYMBOL).enumerate() {
                        if i > 0 {
                            out.push(' ');
                        }
                        out.push_str(part);
                    }
                }
            }
        }
    }
}
