//! Model and generation settings read from a checkpoint's `config.json` and
//! `generation_config.json`.
//!
//! Missing keys take the defaults of transformers' `MarianConfig` / `GenerationConfig`, so old
//! checkpoints (2020 configs without `forced_eos_token_id`, `share_encoder_decoder_embeddings`,
//! …) load the way transformers loads them.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Deserializer};

/// Why a configuration file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file could not be read.
    #[error("cannot read {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The underlying I/O error.
        source: std::io::Error,
    },
    /// The file is not valid JSON of the expected shape.
    #[error("{path} is not a valid {what}: {source}")]
    Parse {
        /// The file.
        path: PathBuf,
        /// Which kind of file was expected.
        what: &'static str,
        /// The underlying JSON error.
        source: serde_json::Error,
    },
    /// The values are readable but not supported or inconsistent.
    #[error("{what}")]
    Invalid {
        /// What is wrong, naming the key and the expected value.
        what: String,
    },
}

/// The activation used in the feed-forward blocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Activation {
    /// `x * sigmoid(x)`; transformers' "swish" and "silu".
    Silu,
    /// The exact (erf) GELU; transformers' "gelu".
    Gelu,
    /// `max(x, 0)`.
    Relu,
}

/// A single token id, or a list of them (transformers accepts both for `eos_token_id`).
fn one_or_first<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        One(u32),
        Many(Vec<u32>),
    }
    Ok(match Option::<OneOrMany>::deserialize(d)? {
        None => None,
        Some(OneOrMany::One(id)) => Some(id),
        Some(OneOrMany::Many(ids)) => ids.first().copied(),
    })
}

/// `early_stopping` in transformers: `false`, `true` or `"never"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EarlyStopping {
    /// `false` (the default): stop once the best running beam, normalised by the current
    /// length, cannot beat the worst kept hypothesis.
    #[default]
    Heuristic,
    /// `true`: stop as soon as `num_beams` hypotheses are finished.
    Eager,
    /// `"never"`: the canonical rule; with a positive length penalty the best running beam is
    /// normalised by the maximum length.
    Never,
}

impl<'de> Deserialize<'de> for EarlyStopping {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match serde_json::Value::deserialize(d)? {
            serde_json::Value::Bool(false) | serde_json::Value::Null => Ok(Self::Heuristic),
            serde_json::Value::Bool(true) => Ok(Self::Eager),
            serde_json::Value::String(s) if s == "never" => Ok(Self::Never),
            other => Err(serde::de::Error::custom(format!(
                "early_stopping must be true, false or \"never\", not {other}"
            ))),
        }
    }
}

/// The architecture of a Marian encoder-decoder (`config.json`).
#[derive(Debug, Clone, Deserialize)]
pub struct MarianConfig {
    /// Source (and, when shared, target) vocabulary size.
    #[serde(default = "defaults::vocab_size")]
    pub vocab_size: usize,
    /// Target vocabulary size when the decoder has its own embeddings.
    #[serde(default)]
    pub decoder_vocab_size: Option<usize>,
    /// Hidden size.
    #[serde(default = "defaults::d_model")]
    pub d_model: usize,
    /// Number of encoder layers.
    #[serde(default = "defaults::layers")]
    pub encoder_layers: usize,
    /// Number of decoder layers.
    #[serde(default = "defaults::layers")]
    pub decoder_layers: usize,
    /// Attention heads per encoder layer.
    #[serde(default = "defaults::heads")]
    pub encoder_attention_heads: usize,
    /// Attention heads per decoder layer.
    #[serde(default = "defaults::heads")]
    pub decoder_attention_heads: usize,
    /// Inner size of the encoder feed-forward blocks.
    #[serde(default = "defaults::ffn")]
    pub encoder_ffn_dim: usize,
    /// Inner size of the decoder feed-forward blocks.
    #[serde(default = "defaults::ffn")]
    pub decoder_ffn_dim: usize,
    /// Number of positions (sinusoidal table rows); sources and decodes longer than this fail.
    #[serde(default = "defaults::max_position_embeddings")]
    pub max_position_embeddings: usize,
    /// Feed-forward activation name ("swish", "silu", "gelu" or "relu").
    #[serde(default = "defaults::activation_function")]
    pub activation_function: String,
    /// Multiply token embeddings by √d_model.
    #[serde(default)]
    pub scale_embedding: bool,
    /// Encoder and decoder share one embedding matrix (and the output projection).
    #[serde(default = "defaults::yes")]
    pub share_encoder_decoder_embeddings: bool,
    /// Padding id (also the decoder start for opus-mt).
    #[serde(default = "defaults::pad_token_id")]
    pub pad_token_id: u32,
    /// End-of-sequence id.
    #[serde(default, deserialize_with = "one_or_first")]
    pub eos_token_id: Option<u32>,
    /// First decoder input.
    #[serde(default)]
    pub decoder_start_token_id: Option<u32>,
    /// Token forced at the last allowed position.
    #[serde(default, deserialize_with = "one_or_first")]
    pub forced_eos_token_id: Option<u32>,
    /// Token sequences that are never generated (opus-mt: `[[pad]]`).
    #[serde(default)]
    pub bad_words_ids: Option<Vec<Vec<u32>>>,
    /// Legacy generation default stored in config.json.
    #[serde(default)]
    pub num_beams: Option<usize>,
    /// Legacy generation default stored in config.json.
    #[serde(default)]
    pub max_length: Option<usize>,
}

mod defaults {
    // transformers' MarianConfig defaults.
    pub fn vocab_size() -> usize {
        58101
    }
    pub fn d_model() -> usize {
        1024
    }
    pub fn layers() -> usize {
        12
    }
    pub fn heads() -> usize {
        16
    }
    pub fn ffn() -> usize {
        4096
    }
    pub fn max_position_embeddings() -> usize {
        1024
    }
    pub fn activation_function() -> String {
        "gelu".into()
    }
    pub fn yes() -> bool {
        true
    }
    pub fn pad_token_id() -> u32 {
        58100
    }
}

fn read_json<T: for<'de> Deserialize<'de>>(
    path: &Path,
    what: &'static str,
) -> Result<T, ConfigError> {
    let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
        path: path.to_owned(),
        source,
    })?;
    serde_json::from_str(&text).map_err(|source| ConfigError::Parse {
        path: path.to_owned(),
        what,
        source,
    })
}

impl MarianConfig {
    /// Reads and checks `config.json`.
    pub fn from_file(path: &Path) -> Result<Self, ConfigError> {
        let cfg: Self = read_json(path, "Marian config.json")?;
        cfg.validate()?;
        Ok(cfg)
    }

    /// Parses and checks a `config.json` text.
    pub fn from_json(text: &str) -> Result<Self, ConfigError> {
        let cfg: Self = serde_json::from_str(text).map_err(|source| ConfigError::Parse {
            path: PathBuf::from("config.json"),
            what: "Marian config.json",
            source,
        })?;
        cfg.validate()?;
        Ok(cfg)
    }

    fn validate(&self) -> Result<(), ConfigError> {
        self.activation()?;
        let invalid = |what: String| Err(ConfigError::Invalid { what });
        for (name, d, h) in [
            ("encoder", self.d_model, self.encoder_attention_heads),
            ("decoder", self.d_model, self.decoder_attention_heads),
        ] {
            if h == 0 || d % h != 0 {
                return invalid(format!(
                    "config.json: d_model {d} is not divisible by {name}_attention_heads {h}"
                ));
            }
        }
        if self.d_model == 0 || self.vocab_size == 0 || self.max_position_embeddings == 0 {
            return invalid(
                "config.json: d_model, vocab_size and max_position_embeddings must be positive"
                    .into(),
            );
        }
        if self.pad_token_id as usize >= self.target_vocab_size() {
            return invalid(format!(
                "config.json: pad_token_id {} is outside the target vocabulary of {}",
                self.pad_token_id,
                self.target_vocab_size()
            ));
        }
        Ok(())
    }

    /// The feed-forward activation.
    pub fn activation(&self) -> Result<Activation, ConfigError> {
        match self.activation_function.as_str() {
            "swish" | "silu" => Ok(Activation::Silu),
            "gelu" => Ok(Activation::Gelu),
            "relu" => Ok(Activation::Relu),
            other => Err(ConfigError::Invalid {
                what: format!(
                    "config.json: activation_function {other:?} is not supported (expected swish, silu, gelu or relu)"
                ),
            }),
        }
    }

    /// Size of the output vocabulary (the logits' last dimension).
    pub fn target_vocab_size(&self) -> usize {
        self.decoder_vocab_size.unwrap_or(self.vocab_size)
    }
}

/// Decoding defaults (`generation_config.json`, falling back to `config.json`).
#[derive(Debug, Clone)]
pub struct GenerationConfig {
    /// Beam width (1 = greedy).
    pub num_beams: usize,
    /// Longest decoder sequence including the start token.
    pub max_length: usize,
    /// Cap on generated tokens, when set.
    pub max_new_tokens: Option<usize>,
    /// EOS is banned until this many tokens are generated.
    pub min_new_tokens: usize,
    /// Exponent of the length normalisation of finished beams.
    pub length_penalty: f32,
    /// Beam stopping rule.
    pub early_stopping: EarlyStopping,
    /// n-grams of this size may occur only once (0 = off).
    pub no_repeat_ngram_size: usize,
    /// CTRL-style repetition penalty (1 = off).
    pub repetition_penalty: f32,
    /// Log-softmax again after the logits processors.
    pub renormalize_logits: bool,
    /// First decoder input.
    pub decoder_start_token_id: u32,
    /// End-of-sequence id.
    pub eos_token_id: u32,
    /// Padding id; never generated.
    pub pad_token_id: u32,
    /// Token forced at the last allowed position.
    pub forced_eos_token_id: Option<u32>,
    /// Single tokens that are never generated (from `bad_words_ids`).
    pub bad_token_ids: Vec<u32>,
}

#[derive(Deserialize, Default)]
struct RawGeneration {
    num_beams: Option<usize>,
    max_length: Option<usize>,
    max_new_tokens: Option<usize>,
    min_new_tokens: Option<usize>,
    length_penalty: Option<f32>,
    early_stopping: Option<EarlyStopping>,
    no_repeat_ngram_size: Option<usize>,
    repetition_penalty: Option<f32>,
    renormalize_logits: Option<bool>,
    decoder_start_token_id: Option<u32>,
    #[serde(default, deserialize_with = "one_or_first")]
    eos_token_id: Option<u32>,
    pad_token_id: Option<u32>,
    #[serde(default, deserialize_with = "one_or_first")]
    forced_eos_token_id: Option<u32>,
    bad_words_ids: Option<Vec<Vec<u32>>>,
}

impl GenerationConfig {
    /// Reads `generation_config.json` when `path` is given, filling missing keys from `model`.
    pub fn from_file(path: Option<&Path>, model: &MarianConfig) -> Result<Self, ConfigError> {
        let raw = match path {
            Some(p) => read_json(p, "generation_config.json")?,
            None => RawGeneration::default(),
        };
        Self::merge(raw, model)
    }

    /// Parses a `generation_config.json` text, filling missing keys from `model`.
    pub fn from_json(text: &str, model: &MarianConfig) -> Result<Self, ConfigError> {
        let raw = serde_json::from_str(text).map_err(|source| ConfigError::Parse {
            path: PathBuf::from("generation_config.json"),
            what: "generation_config.json",
            source,
        })?;
        Self::merge(raw, model)
    }

    /// Defaults taken from `config.json` alone (no `generation_config.json`).
    pub fn from_model_config(model: &MarianConfig) -> Result<Self, ConfigError> {
        Self::merge(RawGeneration::default(), model)
    }

    fn merge(raw: RawGeneration, m: &MarianConfig) -> Result<Self, ConfigError> {
        let pad = raw.pad_token_id.unwrap_or(m.pad_token_id);
        let eos = raw.eos_token_id.or(m.eos_token_id).unwrap_or(0);
        let bad = raw
            .bad_words_ids
            .or_else(|| m.bad_words_ids.clone())
            .unwrap_or_default();
        let mut bad_token_ids = Vec::new();
        for seq in &bad {
            match seq.as_slice() {
                [t] if *t == eos => {} // transformers drops EOS from bad words
                [t] => bad_token_ids.push(*t),
                _ => {
                    return Err(ConfigError::Invalid {
                        what: format!("bad_words_ids: multi-token entry {seq:?} is not supported"),
                    })
                }
            }
        }
        let cfg = Self {
            num_beams: raw.num_beams.or(m.num_beams).unwrap_or(1).max(1),
            max_length: raw.max_length.or(m.max_length).unwrap_or(20),
            max_new_tokens: raw.max_new_tokens,
            min_new_tokens: raw.min_new_tokens.unwrap_or(0),
            length_penalty: raw.length_penalty.unwrap_or(1.0),
            early_stopping: raw.early_stopping.unwrap_or_default(),
            no_repeat_ngram_size: raw.no_repeat_ngram_size.unwrap_or(0),
            repetition_penalty: raw.repetition_penalty.unwrap_or(1.0),
            renormalize_logits: raw.renormalize_logits.unwrap_or(false),
            decoder_start_token_id: raw
                .decoder_start_token_id
                .or(m.decoder_start_token_id)
                .unwrap_or(pad),
            eos_token_id: eos,
            pad_token_id: pad,
            forced_eos_token_id: raw.forced_eos_token_id.or(m.forced_eos_token_id),
            bad_token_ids,
        };
        if cfg.repetition_penalty <= 0.0 || !cfg.repetition_penalty.is_finite() {
            return Err(ConfigError::Invalid {
                what: format!(
                    "repetition_penalty must be positive, not {}",
                    cfg.repetition_penalty
                ),
            });
        }
        Ok(cfg)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const OPUS: &str = r#"{"d_model": 512, "vocab_size": 62834, "decoder_vocab_size": 62834,
        "encoder_layers": 6, "decoder_layers": 6, "encoder_attention_heads": 8,
        "decoder_attention_heads": 8, "encoder_ffn_dim": 2048, "decoder_ffn_dim": 2048,
        "max_position_embeddings": 512, "activation_function": "swish", "scale_embedding": true,
        "pad_token_id": 62833, "eos_token_id": 0, "decoder_start_token_id": 62833,
        "forced_eos_token_id": 0, "bad_words_ids": [[62833]], "num_beams": 6, "max_length": 512}"#;

    #[test]
    fn generation_config_overrides_model_config() {
        let m = MarianConfig::from_json(OPUS).unwrap();
        assert_eq!(m.activation().unwrap(), Activation::Silu);
        let g = GenerationConfig::from_json(r#"{"num_beams": 4, "renormalize_logits": true}"#, &m)
            .unwrap();
        assert_eq!(g.num_beams, 4);
        assert_eq!(g.max_length, 512);
        assert!(g.renormalize_logits);
        assert_eq!(g.bad_token_ids, vec![62833]);
        assert_eq!(g.decoder_start_token_id, 62833);
        assert_eq!(g.forced_eos_token_id, Some(0));
        let legacy = GenerationConfig::from_model_config(&m).unwrap();
        assert_eq!(legacy.num_beams, 6);
        assert!(!legacy.renormalize_logits);
    }

    #[test]
    fn missing_keys_take_transformers_defaults() {
        let m = MarianConfig::from_json(
            r#"{"d_model": 64, "encoder_attention_heads": 4, "decoder_attention_heads": 4}"#,
        )
        .unwrap();
        assert_eq!(m.vocab_size, 58101);
        assert_eq!(m.pad_token_id, 58100);
        assert!(m.share_encoder_decoder_embeddings);
        assert_eq!(m.activation().unwrap(), Activation::Gelu);
    }

    #[test]
    fn bad_values_are_reported() {
        let err = MarianConfig::from_json(r#"{"d_model": 100, "encoder_attention_heads": 8}"#)
            .unwrap_err();
        assert!(err.to_string().contains("divisible"), "{err}");
        let err = MarianConfig::from_json(r#"{"activation_function": "tanh"}"#).unwrap_err();
        assert!(err.to_string().contains("tanh"), "{err}");
        let m = MarianConfig::from_json(OPUS).unwrap();
        assert!(GenerationConfig::from_json(r#"{"early_stopping": "soon"}"#, &m).is_err());
        assert!(GenerationConfig::from_json(r#"{"repetition_penalty": 0}"#, &m).is_err());
    }
}
