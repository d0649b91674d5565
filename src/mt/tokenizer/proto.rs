//! A hand-written reader for the parts of SentencePiece's `ModelProto` that encoding needs.
//!
//! Field numbers follow `sentencepiece_model.proto` (proto2). Unknown fields are skipped, as
//! protobuf readers do; a repeated occurrence of a nested message is merged into the first one
//! and a repeated scalar overwrites the previous value (protobuf's merge rules).

/// The kind of a vocabulary entry (`SentencePiece.Type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PieceType {
    /// An ordinary piece, found by the segmenter.
    Normal,
    /// The unknown piece (`<unk>`), exactly one per model.
    Unknown,
    /// A control symbol such as `<s>` or `</s>`; never produced from text.
    Control,
    /// A user-defined symbol, always kept whole and never normalised.
    UserDefined,
    /// A piece reserved but unused: in the vocabulary, never produced by the segmenter.
    Unused,
    /// A byte-fallback piece `<0xNN>`.
    Byte,
}

impl PieceType {
    fn from_wire(value: u64) -> Result<Self, ProtoError> {
        Ok(match value {
            1 => Self::Normal,
            2 => Self::Unknown,
            3 => Self::Control,
            4 => Self::UserDefined,
            5 => Self::Unused,
            6 => Self::Byte,
            other => return Err(ProtoError::new(format!("unknown piece type {other}"))),
        })
    }
}

/// One vocabulary entry of the model.
#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    /// The piece text (with `▁` for spaces).
    pub piece: String,
    /// The log-probability of the piece (unigram models).
    pub score: f32,
    /// What kind of entry this is.
    pub kind: PieceType,
}

/// The trainer settings that matter when encoding.
#[derive(Debug, Clone, PartialEq)]
pub struct TrainerSpec {
    /// 1 = unigram, 2 = BPE, 3 = word, 4 = char.
    pub model_type: u64,
    /// Whether `▁` is attached at the end of words rather than the start.
    pub treat_whitespace_as_suffix: bool,
    /// Whether unknown characters are spelled as byte pieces.
    pub byte_fallback: bool,
    /// What `<unk>` decodes to.
    pub unk_surface: String,
}

impl Default for TrainerSpec {
    fn default() -> Self {
        Self {
            model_type: 1,
            treat_whitespace_as_suffix: false,
            byte_fallback: false,
            unk_surface: " \u{2047} ".to_string(),
        }
    }
}

/// The normaliser settings.
#[derive(Debug, Clone, PartialEq)]
pub struct NormalizerSpec {
    /// The rule set's name, e.g. `nmt_nfkc`.
    pub name: String,
    /// The compiled character map (Darts trie + replacement strings); empty for identity.
    pub precompiled_charsmap: Vec<u8>,
    /// Prepend `▁` to the text.
    pub add_dummy_prefix: bool,
    /// Drop leading and trailing spaces and collapse runs of spaces.
    pub remove_extra_whitespaces: bool,
    /// Write spaces as `▁`.
    pub escape_whitespaces: bool,
}

impl Default for NormalizerSpec {
    fn default() -> Self {
        Self {
            name: String::new(),
            precompiled_charsmap: Vec::new(),
            add_dummy_prefix: true,
            remove_extra_whitespaces: true,
            escape_whitespaces: true,
        }
    }
}

/// The parts of a SentencePiece `ModelProto` this crate uses.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ModelProto {
    /// The vocabulary, in id order.
    pub pieces: Vec<Piece>,
    /// Trainer settings.
    pub trainer_spec: TrainerSpec,
    /// Normaliser settings.
    pub normalizer_spec: NormalizerSpec,
}

/// A malformed protobuf message: what was wrong and (usually) at which byte offset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProtoError {
    /// What went wrong.
    pub message: String,
}

impl ProtoError {
    fn new(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
        }
    }
}

impl std::fmt::Display for ProtoError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// One field value as read from the wire.
enum Value<'a> {
    Varint(u64),
    /// A 64-bit fixed-width value; no field read here uses one, so it is skipped.
    Fixed64,
    Bytes(&'a [u8]),
    Fixed32(u32),
}

/// Walks the fields of one message.
struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
    /// Offset of `data` within the whole file, for error messages.
    base: usize,
}

impl<'a> Reader<'a> {
    fn new(data: &'a [u8], base: usize) -> Self {
        Self { data, pos: 0, base }
    }

    fn error(&self, what: &str) -> ProtoError {
        ProtoError::new(format!("{what} at byte {}", self.base + self.pos))
    }

    fn varint(&mut self) -> Result<u64, ProtoError> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let Some(&byte) = self.data.get(self.pos) else {
                return Err(self.error("truncated varint"));
            };
            self.pos += 1;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(self.error("varint longer than 10 bytes"))
    }

    fn take(&mut self, len: usize) -> Result<&'a [u8], ProtoError> {
        let end = self
            .pos
            .checked_add(len)
            .filter(|&end| end <= self.data.len())
            .ok_or_else(|| self.error("field runs past the end of the message"))?;
        let bytes = &self.data[self.pos..end];
        self.pos = end;
        Ok(bytes)
    }

    /// The next `(field number, value, offset of the value)`, or `None` at the end.
    fn next(&mut self) -> Result<Option<(u64, Value<'a>, usize)>, ProtoError> {
        if self.pos >= self.data.len() {
            return Ok(None);
        }
        let key = self.varint()?;
        let field = key >> 3;
        if field == 0 {
            return Err(self.error("field number 0"));
        }
        let start = self.base + self.pos;
        let value = match key & 7 {
            0 => Value::Varint(self.varint()?),
            1 => {
                self.take(8)?;
                Value::Fixed64
            }
            2 => {
                let len = usize::try_from(self.varint()?)
                    .map_err(|_| self.error("length does not fit in memory"))?;
                Value::Bytes(self.take(len)?)
            }
            5 => {
                let b = self.take(4)?;
                Value::Fixed32(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            }
            other => return Err(self.error(&format!("unsupported wire type {other}"))),
        };
        Ok(Some((field, value, start)))
    }
}

fn expect_bytes<'a>(value: Value<'a>, field: &str) -> Result<&'a [u8], ProtoError> {
    match value {
        Value::Bytes(b) => Ok(b),
        _ => Err(ProtoError::new(format!(
            "field {field} should be length-delimited"
        ))),
    }
}

fn expect_varint(value: Value<'_>, field: &str) -> Result<u64, ProtoError> {
    match value {
        Value::Varint(v) => Ok(v),
        _ => Err(ProtoError::new(format!("field {field} should be a varint"))),
    }
}

fn expect_string(value: Value<'_>, field: &str) -> Result<String, ProtoError> {
    let bytes = expect_bytes(value, field)?;
    String::from_utf8(bytes.to_vec())
        .map_err(|_| ProtoError::new(format!("field {field} is not valid UTF-8")))
}

fn parse_piece(data: &[u8], base: usize) -> Result<Piece, ProtoError> {
    let mut piece = Piece {
        piece: String::new(),
        score: 0.0,
        kind: PieceType::Normal,
    };
    let mut reader = Reader::new(data, base);
    while let Some((field, value, _)) = reader.next()? {
        match field {
            1 => piece.piece = expect_string(value, "SentencePiece.piece")?,
            2 => match value {
                Value::Fixed32(bits) => piece.score = f32::from_bits(bits),
                _ => return Err(ProtoError::new("SentencePiece.score should be a float")),
            },
            3 => piece.kind = PieceType::from_wire(expect_varint(value, "SentencePiece.type")?)?,
            _ => {}
        }
    }
    Ok(piece)
}

fn parse_trainer_spec(data: &[u8], base: usize, spec: &mut TrainerSpec) -> Result<(), ProtoError> {
    let mut reader = Reader::new(data, base);
    while let Some((field, value, _)) = reader.next()? {
        match field {
            3 => spec.model_type = expect_varint(value, "TrainerSpec.model_type")?,
            24 => {
                spec.treat_whitespace_as_suffix =
                    expect_varint(value, "TrainerSpec.treat_whitespace_as_suffix")? != 0
            }
            35 => spec.byte_fallback = expect_varint(value, "TrainerSpec.byte_fallback")? != 0,
            44 => spec.unk_surface = expect_string(value, "TrainerSpec.unk_surface")?,
            _ => {}
        }
    }
    Ok(())
}

fn parse_normalizer_spec(
    data: &[u8],
    base: usize,
    spec: &mut NormalizerSpec,
) -> Result<(), ProtoError> {
    let mut reader = Reader::new(data, base);
    while let Some((field, value, _)) = reader.next()? {
        match field {
            1 => spec.name = expect_string(value, "NormalizerSpec.name")?,
            2 => {
                spec.precompiled_charsmap =
                    expect_bytes(value, "NormalizerSpec.precompiled_charsmap")?.to_vec()
            }
            3 => {
                spec.add_dummy_prefix =
                    expect_varint(value, "NormalizerSpec.add_dummy_prefix")? != 0
            }
            4 => {
                spec.remove_extra_whitespaces =
                    expect_varint(value, "NormalizerSpec.remove_extra_whitespaces")? != 0
            }
            5 => {
                spec.escape_whitespaces =
                    expect_varint(value, "NormalizerSpec.escape_whitespaces")? != 0
            }
            _ => {}
        }
    }
    Ok(())
}

/// Parses a serialised `ModelProto` (the bytes of a `.spm` / `.model` file).
pub fn parse_model(data: &[u8]) -> Result<ModelProto, ProtoError> {
    let mut model = ModelProto::default();
    let mut reader = Reader::new(data, 0);
    while let Some((field, value, start)) = reader.next()? {
        match field {
            1 => {
                let bytes = expect_bytes(value, "ModelProto.pieces")?;
                model.pieces.push(parse_piece(bytes, start)?);
            }
            2 => {
                let bytes = expect_bytes(value, "ModelProto.trainer_spec")?;
                parse_trainer_spec(bytes, start, &mut model.trainer_spec)?;
            }
            3 => {
                let bytes = expect_bytes(value, "ModelProto.normalizer_spec")?;
                parse_normalizer_spec(bytes, start, &mut model.normalizer_spec)?;
            }
            // Unused here (self-test data, denormaliser) or unknown: skipped.
            _ => {}
        }
    }
    Ok(model)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Builds protobuf bytes by hand, for tests.
    #[derive(Default)]
    pub(crate) struct Writer(pub Vec<u8>);

    impl Writer {
        pub fn varint(&mut self, mut v: u64) -> &mut Self {
            loop {
                let byte = (v & 0x7f) as u8;
                v >>= 7;
                if v == 0 {
                    self.0.push(byte);
                    return self;
                }
                self.0.push(byte | 0x80);
            }
        }
        pub fn key(&mut self, field: u64, wire: u64) -> &mut Self {
            self.varint(field << 3 | wire)
        }
        pub fn bytes(&mut self, field: u64, data: &[u8]) -> &mut Self {
            self.key(field, 2).varint(data.len() as u64);
            self.0.extend_from_slice(data);
            self
        }
        pub fn uint(&mut self, field: u64, v: u64) -> &mut Self {
            self.key(field, 0).varint(v)
        }
        pub fn float(&mut self, field: u64, v: f32) -> &mut Self {
            self.key(field, 5);
            self.0.extend_from_slice(&v.to_le_bytes());
            self
        }
    }

    pub(crate) fn piece_bytes(text: &str, score: f32, kind: u64) -> Vec<u8> {
        let mut w = Writer::default();
        w.bytes(1, text.as_bytes()).float(2, score).uint(3, kind);
        w.0
    }

    #[test]
    fn reads_pieces_specs_and_defaults() {
        let mut trainer = Writer::default();
        trainer.uint(3, 1).uint(24, 1).bytes(44, b"?").uint(99, 7);
        let mut normalizer = Writer::default();
        normalizer
            .bytes(1, b"nmt_nfkc")
            .bytes(2, &[1, 2, 3])
            .uint(4, 0);
        let mut model = Writer::default();
        model
            .bytes(1, &piece_bytes("<unk>", 0.0, 2))
            .bytes(1, &piece_bytes("\u{2581}a", -1.5, 1))
            .bytes(2, &trainer.0)
            .bytes(3, &normalizer.0)
            // An unknown fixed64 field is skipped.
            .key(9, 1);
        model.0.extend_from_slice(&[0; 8]);
        // A piece without score or type gets the proto2 defaults.
        let mut bare = Writer::default();
        bare.bytes(1, b"b");
        model.bytes(1, &bare.0);

        let parsed = parse_model(&model.0).unwrap();
        assert_eq!(parsed.pieces.len(), 3);
        assert_eq!(parsed.pieces[0].kind, PieceType::Unknown);
        assert_eq!(parsed.pieces[1].piece, "\u{2581}a");
        assert_eq!(parsed.pieces[1].score, -1.5);
        assert_eq!(
            parsed.pieces[2],
            Piece {
                piece: "b".into(),
                score: 0.0,
                kind: PieceType::Normal
            }
        );
        assert!(parsed.trainer_spec.treat_whitespace_as_suffix);
        assert!(!parsed.trainer_spec.byte_fallback);
        assert_eq!(parsed.trainer_spec.unk_surface, "?");
        assert_eq!(parsed.normalizer_spec.name, "nmt_nfkc");
        assert_eq!(parsed.normalizer_spec.precompiled_charsmap, vec![1, 2, 3]);
        assert!(parsed.normalizer_spec.add_dummy_prefix);
        assert!(!parsed.normalizer_spec.remove_extra_whitespaces);
        assert!(parsed.normalizer_spec.escape_whitespaces);
    }

    #[test]
    fn defaults_when_specs_are_absent() {
        let parsed = parse_model(&[]).unwrap();
        assert!(parsed.pieces.is_empty());
        assert_eq!(parsed.trainer_spec.unk_surface, " \u{2047} ");
        assert_eq!(parsed.trainer_spec.model_type, 1);
    }

    #[test]
    fn rejects_malformed_input() {
        // '{' is field 15 with wire type 3 (a group): not in a SentencePiece model.
        assert!(parse_model(b"{\"a\": 1}").is_err());
        // Truncated length-delimited field.
        let mut w = Writer::default();
        w.key(1, 2).varint(10);
        w.0.push(0);
        let err = parse_model(&w.0).unwrap_err();
        assert!(err.message.contains("past the end"), "{err}");
        // Truncated varint.
        assert!(parse_model(&[0x08, 0x80]).is_err());
        // Bad piece type.
        let mut w = Writer::default();
        w.bytes(1, &piece_bytes("a", 0.0, 42));
        assert!(parse_model(&w.0).is_err());
        // Score with the wrong wire type.
        let mut p = Writer::default();
        p.bytes(1, b"a").uint(2, 3);
        let mut w = Writer::default();
        w.bytes(1, &p.0);
        assert!(parse_model(&w.0).is_err());
    }
}
