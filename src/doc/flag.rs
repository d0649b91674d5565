//! Flags: short, stable labels that tell a reader what happened to a sentence or a quote.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// What happened to a sentence or quote on its way through the pipeline.
///
/// Flags serialise as plain strings (`"sub-split"`, `"untranslated: model failed"`), the same
/// text every output format shows.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Flag {
    /// The sentence was too long for the model and was translated in parts, then rejoined.
    SubSplit,
    /// The source had straight quote marks but the English has fewer: a quote's marks were lost.
    QuoteMarksLost,
    /// No translation; the reason says why (model error, nothing to translate, no result).
    Untranslated(String),
    /// A boilerplate paragraph left untranslated on request (`--skip-boilerplate`).
    BoilerplateSkipped,
    /// The text stage gave this paragraph no sentences; the whole paragraph became one sentence.
    WholeParagraph,
    /// A sub-split part span did not fit the sentence; the sentence was translated whole.
    BadPartSpans,
    /// A flag carried over from the text stage (e.g. a quote's `unclosed`).
    Other(String),
}

impl Flag {
    /// The reason of an [`Flag::Untranslated`] flag, if this is one.
    pub fn untranslated_reason(&self) -> Option<&str> {
        match self {
            Flag::Untranslated(reason) => Some(reason),
            _ => None,
        }
    }
}

impl fmt::Display for Flag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Flag::SubSplit => f.write_str("sub-split"),
            Flag::QuoteMarksLost => f.write_str("quote-marks-lost"),
            Flag::Untranslated(reason) => write!(f, "untranslated: {reason}"),
            Flag::BoilerplateSkipped => f.write_str("boilerplate-skipped"),
            Flag::WholeParagraph => f.write_str("whole-paragraph"),
            Flag::BadPartSpans => f.write_str("bad-part-spans"),
            Flag::Other(text) => f.write_str(text),
        }
    }
}

impl FromStr for Flag {
    type Err = std::convert::Infallible;

    /// Parses the [`fmt::Display`] form back; unknown labels become [`Flag::Other`].
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(match s {
            "sub-split" => Flag::SubSplit,
            "quote-marks-lost" => Flag::QuoteMarksLost,
            "boilerplate-skipped" => Flag::BoilerplateSkipped,
            "whole-paragraph" => Flag::WholeParagraph,
            "bad-part-spans" => Flag::BadPartSpans,
            other => match other.strip_prefix("untranslated: ") {
                Some(reason) => Flag::Untranslated(reason.to_string()),
                None => Flag::Other(other.to_string()),
            },
        })
    }
}

impl Serialize for Flag {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Flag {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Ok(text.parse().unwrap_or_else(|never| match never {}))
    }
}

/// Adds `flag` to `flags` unless it is already there (flags are a set kept in insertion order).
pub(crate) fn add(flags: &mut Vec<Flag>, flag: Flag) {
    if !flags.contains(&flag) {
        flags.push(flag);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_and_parse_round_trip() {
        for flag in [
            Flag::SubSplit,
            Flag::QuoteMarksLost,
            Flag::Untranslated("model failed: out of memory".into()),
            Flag::BoilerplateSkipped,
            Flag::WholeParagraph,
            Flag::BadPartSpans,
            Flag::Other("unclosed".into()),
        ] {
            let text = flag.to_string();
            assert_eq!(text.parse::<Flag>().unwrap(), flag, "{text}");
        }
        assert_eq!(
            Flag::Untranslated("x".into()).to_string(),
            "untranslated: x"
        );
    }
}
