//! SentencePiece's text normaliser (normalizer.cc `Normalize`): character-map rules, the dummy
//! `▁` prefix, whitespace collapsing and `▁` escaping, byte for byte.

use super::charsmap::CharsMap;
use super::proto::NormalizerSpec;
use super::trie::PieceTrie;

/// The whitespace marker SentencePiece writes for a space (U+2581).
pub const SPACE_SYMBOL: &str = "\u{2581}";

/// Normalises raw text into the form the segmenter reads.
#[derive(Debug, Clone)]
pub struct Normalizer {
    charsmap: Option<CharsMap>,
    /// User-defined symbols pass through whole and unnormalised.
    user_defined: Option<PieceTrie>,
    add_dummy_prefix: bool,
    remove_extra_whitespaces: bool,
    escape_whitespaces: bool,
    treat_whitespace_as_suffix: bool,
}

/// Length of the UTF-8 sequence starting with `lead` (sentencepiece `OneCharLen`).
pub fn utf8_len(lead: u8) -> usize {
    const LEN: [u8; 16] = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 3, 4];
    usize::from(LEN[usize::from(lead >> 4)])
}

impl Normalizer {
    /// Builds the normaliser from the model's spec; `user_defined` are the model's
    /// USER_DEFINED pieces.
    pub fn new(
        spec: &NormalizerSpec,
        treat_whitespace_as_suffix: bool,
        user_defined: &[&str],
    ) -> Result<Self, String> {
        let charsmap = if spec.precompiled_charsmap.is_empty() {
            None
        } else {
            Some(CharsMap::from_blob(&spec.precompiled_charsmap)?)
        };
        let user_defined = if user_defined.is_empty() {
            None
        } else {
            Some(PieceTrie::new(
                user_defined.iter().map(|s| (s.as_bytes(), 0)),
            ))
        };
        Ok(Self {
            charsmap,
            user_defined,
            add_dummy_prefix: spec.add_dummy_prefix,
            remove_extra_whitespaces: spec.remove_extra_whitespaces,
            escape_whitespaces: spec.escape_whitespaces,
            treat_whitespace_as_suffix,
        })
    }

    /// The normalised form of the next rule or character: `(output, bytes consumed)`.
    fn normalize_prefix<'a>(&'a self, input: &'a [u8]) -> (&'a [u8], usize) {
        if let Some(matcher) = &self.user_defined {
            if let Some((len, _)) = matcher.longest_prefix(input) {
                return (&input[..len], len);
            }
        }
        if let Some(map) = &self.charsmap {
            if let Some((len, replacement)) = map.longest_match(input) {
                return (replacement, len);
            }
        }
        // Input comes from a `&str`, so it is valid UTF-8: copy one character as is.
        let len = utf8_len(input[0]).min(input.len());
        (&input[..len], len)
    }

    fn add_space(&self, out: &mut Vec<u8>) {
        if self.escape_whitespaces {
            out.extend_from_slice(SPACE_SYMBOL.as_bytes());
        } else {
            out.push(b' ');
        }
    }

    /// Normalises `input`, replacing the contents of `out`.
    pub fn normalize(&self, input: &str, out: &mut Vec<u8>) {
        out.clear();
        let mut input = input.as_bytes();
        if self.remove_extra_whitespaces {
            while !input.is_empty() {
                let (text, consumed) = self.normalize_prefix(input);
                if text != b" " {
                    break;
                }
                input = &input[consumed..];
            }
        }
        if input.is_empty() {
            return;
        }
        if !self.treat_whitespace_as_suffix && self.add_dummy_prefix {
            self.add_space(out);
        }
        let mut is_prev_space = self.remove_extra_whitespaces;
        while !input.is_empty() {
            let (mut text, consumed) = self.normalize_prefix(input);
            if is_prev_space {
                while let [b' ', rest @ ..] = text {
                    text = rest;
                }
            }
            if !text.is_empty() {
                for &byte in text {
                    if self.escape_whitespaces && byte == b' ' {
                        out.extend_from_slice(SPACE_SYMBOL.as_bytes());
                    } else {
                        out.push(byte);
                    }
                }
                is_prev_space = text.ends_with(b" ");
            }
            input = &input[consumed..];
            if !self.remove_extra_whitespaces {
                is_prev_space = false;
            }
        }
        if self.remove_extra_whitespaces {
            let space: &[u8] = if self.escape_whitespaces {
                SPACE_SYMBOL.as_bytes()
            } else {
                b" "
            };
            while out.ends_with(space) {
                out.truncate(out.len() - space.len());
            }
        }
        if self.treat_whitespace_as_suffix && self.add_dummy_prefix {
            self.add_space(out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::charsmap::tests::hand_made_blob;
    use super::*;

    fn spec(charsmap: Vec<u8>) -> NormalizerSpec {
        NormalizerSpec {
            precompiled_charsmap: charsmap,
            ..NormalizerSpec::default()
        }
    }

    fn run(n: &Normalizer, text: &str) -> String {
        let mut out = Vec::new();
        n.normalize(text, &mut out);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn whitespace_rules_without_charsmap() {
        let n = Normalizer::new(&spec(Vec::new()), false, &[]).unwrap();
        assert_eq!(run(&n, "  hello   world  "), "▁hello▁world");
        assert_eq!(run(&n, "x"), "▁x");
        assert_eq!(run(&n, "   "), "");
        assert_eq!(run(&n, ""), "");
        // Only ASCII spaces count without a character map.
        assert_eq!(run(&n, "a\tb"), "▁a\tb");
    }

    #[test]
    fn charsmap_rules_apply_longest_first() {
        let n = Normalizer::new(&spec(hand_made_blob()), false, &[]).unwrap();
        assert_eq!(run(&n, "ab a c"), "▁XY▁b▁c");
    }

    #[test]
    fn user_defined_symbols_are_not_normalised() {
        let n = Normalizer::new(&spec(hand_made_blob()), false, &["ab"]).unwrap();
        assert_eq!(run(&n, "ab a"), "▁ab▁b");
    }

    #[test]
    fn settings_switch_rules_off() {
        let s = NormalizerSpec {
            add_dummy_prefix: false,
            remove_extra_whitespaces: false,
            escape_whitespaces: false,
            ..NormalizerSpec::default()
        };
        let n = Normalizer::new(&s, false, &[]).unwrap();
        assert_eq!(run(&n, " a  b "), " a  b ");
        let n = Normalizer::new(&spec(Vec::new()), true, &[]).unwrap();
        assert_eq!(run(&n, " a  b "), "a▁b▁");
    }
}
