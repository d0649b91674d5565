//! The Marian tokenizer, natively: `source.spm` / `target.spm` (SentencePiece unigram models)
//! and `vocab.json`, with the encoding and decoding of transformers' `MarianTokenizer` (5.x).
//!
//! Encoding: optional OPUS-MT punctuation normalisation ([`PunctNorm::Opus`]); the literal
//! special tokens `</s>`, `<unk>`, `<pad>` are split off first; each remaining chunk loses a
//! leading `>>xx<<` language code (kept as its own token) and is segmented by the source
//! SentencePiece model; pieces map to ids through `vocab.json` (missing → `<unk>`); `</s>` ends
//! the sequence. Decoding (`skip_special_tokens=True`): `</s>`, `<unk>`, `<pad>` ids are
//! dropped, the rest map to pieces through `vocab.json` and are joined by the source model's
//! `decode_pieces`; `▁` becomes a space and the result is stripped.

mod charsmap;
mod normalizer;
mod proto;
mod punct;
mod spm;
mod trie;
mod unicode_other;
mod unigram;
mod vocab;

use std::io::{self, BufRead, Write};
use std::path::{Path, PathBuf};
use std::str::FromStr;

pub use punct::normalize_punctuation;

use normalizer::SPACE_SYMBOL;
use punct::is_python_space;
use spm::{EncodeScratch, SentencePiece};
use vocab::Vocab;

/// Which punctuation normalisation runs before SentencePiece.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PunctNorm {
    /// The OPUS-MT training preprocessing (Moses punctuation rules, control characters
    /// removed, spaces squeezed); see [`normalize_punctuation`].
    #[default]
    Opus,
    /// None: exactly what transformers' `MarianTokenizer` does.
    None,
}

impl FromStr for PunctNorm {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "opus" => Ok(Self::Opus),
            "none" => Ok(Self::None),
            other => Err(format!(
                "unknown punctuation normalisation {other:?} (expected \"opus\" or \"none\")"
            )),
        }
    }
}

/// Why the tokenizer files could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum TokenizerError {
    /// A required file does not exist.
    #[error("missing tokenizer file {path}: expected {what}")]
    MissingFile {
        /// The path looked for.
        path: PathBuf,
        /// What the file should hold.
        what: &'static str,
    },
    /// A file exists but could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: io::Error,
    },
    /// The file is not a usable SentencePiece model.
    #[error("{path} is not a usable SentencePiece unigram model: {reason}")]
    NotSentencePiece {
        /// The file.
        path: PathBuf,
        /// What was wrong.
        reason: String,
    },
    /// `vocab.json` is not a JSON object from piece to non-negative integer id.
    #[error(
        "{path} is not a Marian vocab.json (a JSON object from piece to integer id): {reason}"
    )]
    BadVocab {
        /// The file.
        path: PathBuf,
        /// What was wrong.
        reason: String,
    },
    /// `vocab.json` lacks one of the special tokens.
    #[error("{path} has no entry for the special token {token:?}")]
    MissingSpecialToken {
        /// The vocabulary file.
        path: PathBuf,
        /// The token that is missing.
        token: &'static str,
    },
}

const EOS: &str = "</s>";
const UNK: &str = "<unk>";
const PAD: &str = "<pad>";
const SPECIAL_TOKENS: [&str; 3] = [EOS, UNK, PAD];

/// A Marian tokenizer: source/target SentencePiece models and the joint vocabulary.
#[derive(Debug, Clone)]
pub struct MarianTokenizer {
    source: SentencePiece,
    target: SentencePiece,
    vocab: Vocab,
    punct: PunctNorm,
    /// Source piece id → vocabulary id (`<unk>` where `vocab.json` lacks the piece).
    source_to_vocab: Vec<u32>,
    eos_id: u32,
    unk_id: u32,
    pad_id: u32,
}

/// One chunk of input after splitting off the special tokens.
enum Chunk<'a> {
    Special(&'a str),
    Text(&'a str),
}

/// Splits `text` at literal special tokens, leftmost first (transformers' added-token trie).
fn split_special(text: &str) -> Vec<Chunk<'_>> {
    let mut chunks = Vec::new();
    let mut rest = text;
    loop {
        let next = SPECIAL_TOKENS
            .iter()
            .filter_map(|t| rest.find(t).map(|pos| (pos, *t)))
            .min_by_key(|&(pos, _)| pos);
        match next {
            Some((pos, token)) => {
                if pos > 0 {
                    chunks.push(Chunk::Text(&rest[..pos]));
                }
                chunks.push(Chunk::Special(token));
                rest = &rest[pos + token.len()..];
            }
            None => {
                if !rest.is_empty() {
                    chunks.push(Chunk::Text(rest));
                }
                return chunks;
            }
        }
    }
}

/// Splits a leading `>>xx<<` language code off a chunk (`remove_language_code`).
fn split_language_code(text: &str) -> (Option<&str>, &str) {
    if text.starts_with(">>") {
        if let Some(end) = text.find("<<") {
            return (Some(&text[..end + 2]), &text[end + 2..]);
        }
    }
    (None, text)
}

fn read_file(path: &Path, what: &'static str) -> Result<Vec<u8>, TokenizerError> {
    std::fs::read(path).map_err(|source| {
        if source.kind() == io::ErrorKind::NotFound {
            TokenizerError::MissingFile {
                path: path.to_path_buf(),
                what,
            }
        } else {
            TokenizerError::Io {
                path: path.to_path_buf(),
                source,
            }
        }
    })
}

fn load_spm(path: &Path) -> Result<SentencePiece, TokenizerError> {
    let data = read_file(path, "a SentencePiece model (.spm)")?;
    SentencePiece::from_bytes(&data).map_err(|reason| TokenizerError::NotSentencePiece {
        path: path.to_path_buf(),
        reason,
    })
}

impl MarianTokenizer {
    /// Loads `source.spm`, `target.spm` and `vocab.json` from a model folder.
    pub fn from_dir(dir: &Path, punct: PunctNorm) -> Result<Self, TokenizerError> {
        Self::from_files(
            &dir.join("source.spm"),
            &dir.join("target.spm"),
            &dir.join("vocab.json"),
            punct,
        )
    }

    /// Loads the tokenizer from explicit file paths.
    pub fn from_files(
        source_spm: &Path,
        target_spm: &Path,
        vocab_json: &Path,
        punct: PunctNorm,
    ) -> Result<Self, TokenizerError> {
        let source = load_spm(source_spm)?;
        let target = load_spm(target_spm)?;
        let vocab_bytes = read_file(vocab_json, "the Marian vocabulary (vocab.json)")?;
        let bad_vocab = |reason: String| TokenizerError::BadVocab {
            path: vocab_json.to_path_buf(),
            reason,
        };
        let text =
            std::str::from_utf8(&vocab_bytes).map_err(|e| bad_vocab(format!("not UTF-8 ({e})")))?;
        let vocab = Vocab::from_json(text).map_err(|e| bad_vocab(e.to_string()))?;
        let special = |token: &'static str| {
            vocab
                .id(token)
                .ok_or_else(|| TokenizerError::MissingSpecialToken {
                    path: vocab_json.to_path_buf(),
                    token,
                })
        };
        let (eos_id, unk_id, pad_id) = (special(EOS)?, special(UNK)?, special(PAD)?);
        let source_to_vocab = (0..source.len() as u32)
            .map(|id| {
                source
                    .id_to_piece(id)
                    .and_then(|p| vocab.id(p))
                    .unwrap_or(unk_id)
            })
            .collect();
        Ok(Self {
            source,
            target,
            vocab,
            punct,
            source_to_vocab,
            eos_id,
            unk_id,
            pad_id,
        })
    }

    fn prepare<'a>(&self, text: &'a str) -> std::borrow::Cow<'a, str> {
        match self.punct {
            PunctNorm::Opus => normalize_punctuation(text).into(),
            PunctNorm::None => text.into(),
        }
    }

    /// Walks the tokens of `text` (without the final `</s>`): `emit(piece, id)`.
    fn tokenize(&self, text: &str, mut emit: impl FnMut(&str, u32)) {
        let text = self.prepare(text);
        let mut scratch = EncodeScratch::default();
        for chunk in split_special(&text) {
            match chunk {
                Chunk::Special(token) => {
                    emit(token, self.vocab.id(token).unwrap_or(self.unk_id));
                }
                Chunk::Text(chunk) => {
                    let (code, rest) = split_language_code(chunk);
                    if let Some(code) = code {
                        emit(code, self.vocab.id(code).unwrap_or(self.unk_id));
                    }
                    self.source.encode_into(rest, &mut scratch);
                    let source_unk = self.source.unk_id();
                    for seg in &scratch.segments {
                        let bytes = &scratch.normalized[seg.start..seg.end];
                        // Normalised text is valid UTF-8: input and map outputs are.
                        let piece = std::str::from_utf8(bytes).unwrap_or("\u{fffd}");
                        let id = if seg.id == source_unk {
                            self.vocab.id(piece).unwrap_or(self.unk_id)
                        } else {
                            self.source_to_vocab[seg.id as usize]
                        };
                        emit(piece, id);
                    }
                }
            }
        }
    }

    /// Source-side ids of `text`, ending with `</s>` (transformers' `input_ids`).
    pub fn encode(&self, text: &str) -> Vec<u32> {
        let mut ids = Vec::new();
        self.tokenize(text, |_, id| ids.push(id));
        ids.push(self.eos_id);
        ids
    }

    /// Source-side token strings of `text` (transformers' `tokenize`; no `</s>` appended).
    pub fn encode_pieces(&self, text: &str) -> Vec<String> {
        let mut pieces = Vec::new();
        self.tokenize(text, |piece, _| pieces.push(piece.to_string()));
        pieces
    }

    /// Pieces of `text` from the target SentencePiece model alone (no punctuation
    /// normalisation, no special-token handling).
    pub fn encode_target_pieces(&self, text: &str) -> Vec<String> {
        self.target.encode_pieces(text)
    }

    /// Text of `ids` with transformers' `decode(ids, skip_special_tokens=True)`.
    ///
    /// Ids outside both the vocabulary and the source model (where transformers raises
    /// `IndexError`) are skipped.
    pub fn decode(&self, ids: &[u32]) -> String {
        self.decode_impl(ids, true)
    }

    /// Text of `ids` with `decode(ids, skip_special_tokens=False)`: `</s>`, `<unk>` and
    /// `<pad>` stay in the text, each followed by a space.
    pub fn decode_keep_special(&self, ids: &[u32]) -> String {
        self.decode_impl(ids, false)
    }

    fn decode_impl(&self, ids: &[u32], skip_special: bool) -> String {
        let mut out = String::new();
        let mut run: Vec<&str> = Vec::new();
        for &id in ids {
            let is_special = id == self.eos_id || id == self.unk_id || id == self.pad_id;
            if is_special && skip_special {
                continue;
            }
            let token = if id == self.eos_id {
                Some(EOS)
            } else if id == self.unk_id {
                Some(UNK)
            } else if id == self.pad_id {
                Some(PAD)
            } else {
                self.vocab.piece(id).or_else(|| self.source.id_to_piece(id))
            };
            let Some(token) = token else {
                continue;
            };
            // Special-token text is never passed to SentencePiece.
            if SPECIAL_TOKENS.contains(&token) {
                self.source.decode_pieces(&run, &mut out);
                run.clear();
                out.push_str(token);
                out.push(' ');
            } else {
                run.push(token);
            }
        }
        self.source.decode_pieces(&run, &mut out);
        let out = out.replace(SPACE_SYMBOL, " ");
        out.trim_matches(is_python_space).to_string()
    }

    /// The id of `</s>`, which ends every encoded sequence.
    pub fn eos_id(&self) -> u32 {
        self.eos_id
    }

    /// The id of `<pad>`, also the decoder's start token.
    pub fn pad_id(&self) -> u32 {
        self.pad_id
    }

    /// The id of `<unk>`.
    pub fn unk_id(&self) -> u32 {
        self.unk_id
    }

    /// Number of entries in `vocab.json`.
    pub fn vocab_size(&self) -> usize {
        self.vocab.len()
    }

    /// The punctuation normalisation applied before encoding.
    pub fn punct_norm(&self) -> PunctNorm {
        self.punct
    }
}

/// `tarjama tokenize`: one JSON array of ids per input line, in input order.
pub fn tokenize_lines(
    tok: &MarianTokenizer,
    input: impl BufRead,
    mut out: impl Write,
) -> io::Result<()> {
    for line in input.lines() {
        let ids = tok.encode(&line?);
        let mut text = String::with_capacity(ids.len() * 6 + 2);
        text.push('[');
        for (i, id) in ids.iter().enumerate() {
            if i > 0 {
                text.push(',');
            }
            text.push_str(&id.to_string());
        }
        text.push_str("]\n");
        out.write_all(text.as_bytes())?;
    }
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'a>(chunks: &[Chunk<'a>]) -> Vec<(bool, &'a str)> {
        chunks
            .iter()
            .map(|c| match c {
                Chunk::Special(t) => (true, *t),
                Chunk::Text(t) => (false, *t),
            })
            .collect()
    }

    #[test]
    fn special_tokens_are_split_off() {
        assert_eq!(
            texts(&split_special("a</s>b<unk><pad> c")),
            vec![
                (false, "a"),
                (true, "</s>"),
                (false, "b"),
                (true, "<unk>"),
                (true, "<pad>"),
                (false, " c")
            ]
        );
        assert!(split_special("").is_empty());
        assert_eq!(texts(&split_special("<unk")), vec![(false, "<unk")]);
    }

    #[test]
    fn language_codes_only_at_the_start() {
        assert_eq!(split_language_code(">>fra<< x"), (Some(">>fra<<"), " x"));
        assert_eq!(split_language_code(">><<"), (Some(">><<"), ""));
        assert_eq!(split_language_code("x >>fra<<"), (None, "x >>fra<<"));
        assert_eq!(split_language_code(">>fra"), (None, ">>fra"));
    }

    #[test]
    fn punct_norm_parses() {
        assert_eq!("opus".parse::<PunctNorm>(), Ok(PunctNorm::Opus));
        assert_eq!("none".parse::<PunctNorm>(), Ok(PunctNorm::None));
        assert!("moses".parse::<PunctNorm>().is_err());
        assert_eq!(PunctNorm::default(), PunctNorm::Opus);
    }
}
