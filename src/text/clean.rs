//! Text hygiene: what the analysis and the model see, never what the outputs quote.
//!
//! [`Cleaned::new`] runs one character-level transducer over the original text and records, for
//! every output character, the byte range of the original it came from. Spans found in the
//! cleaned text are mapped back with [`Cleaned::to_original`], so every output points into the
//! untouched input.
//!
//! Steps (arabic-text.md §5): HTML entities decoded; bidi controls, zero-width characters, the
//! soft hyphen, tatweel (with a stop between tatweels inside a word, `حـ.ـشود`) and C0/C1
//! controls (except newline and tab) removed; CR/LF and the Unicode
//! line and paragraph separators turned into `\n`; exotic spaces made U+0020; Arabic presentation
//! forms (and only those) replaced by their NFKC form; then NFC per combining cluster.

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfc, is_nfc_quick, IsNormalized, UnicodeNormalization};

/// One character of the cleaned text and the original bytes it stands for.
#[derive(Debug, Clone, Copy)]
struct Origin {
    /// Byte offset of the character in the cleaned text.
    clean: usize,
    /// Start of its source in the original (inclusive).
    start: usize,
    /// End of its source in the original (exclusive).
    end: usize,
}

/// Cleaned text with a map back to the original's byte offsets.
#[derive(Debug, Clone)]
pub struct Cleaned {
    /// The cleaned text the analysis works on.
    pub text: String,
    origins: Vec<Origin>,
    original_len: usize,
}

impl Cleaned {
    /// Clean `original`, keeping the offset map.
    pub fn new(original: &str) -> Cleaned {
        let mut raw = Transducer::default();
        let bytes = original.as_bytes();
        let mut i = 0;
        while i < original.len() {
            let c = original[i..].chars().next().unwrap_or('\u{FFFD}');
            let len = c.len_utf8();
            if c == '&' {
                if let Some((decoded, used)) = decode_entity(&original[i..]) {
                    raw.feed(decoded, i, i + used, None);
                    i += used;
                    continue;
                }
            }
            // `حـ.ـشود`: a stop between tatweels inside a word (written to slip past content
            // filters) goes with them, so that the word is whole again.
            if c == '.'
                && original[..i].ends_with('\u{0640}')
                && original[i + 1..].starts_with('\u{0640}')
            {
                i += len;
                continue;
            }
            let next = bytes.get(i + len).copied();
            raw.feed(c, i, i + len, next);
            i += len;
        }
        let (text, origins) = compose_nfc(raw.chars);
        Cleaned {
            text,
            origins,
            original_len: original.len(),
        }
    }

    /// Map a byte span of the cleaned text (on char boundaries) to the byte span of the original
    /// it came from. An empty span maps to an empty span at the corresponding position.
    pub fn to_original(&self, start: usize, end: usize) -> (usize, usize) {
        let first = self.origins.partition_point(|o| o.clean < start);
        let orig_start = self
            .origins
            .get(first)
            .map_or(self.original_len, |o| o.start);
        if end <= start {
            return (orig_start, orig_start);
        }
        let past = self.origins.partition_point(|o| o.clean < end);
        let orig_end = if past == 0 {
            orig_start
        } else {
            self.origins[past - 1].end
        };
        (orig_start, orig_end.max(orig_start))
    }
}

/// Builds the cleaned characters, each with its source range.
#[derive(Default)]
struct Transducer {
    chars: Vec<(char, usize, usize)>,
}

impl Transducer {
    /// Feed one source character (or decoded entity) spanning `start..end` of the original;
    /// `next` is the following original byte (to fold CR LF).
    fn feed(&mut self, c: char, start: usize, end: usize, next: Option<u8>) {
        if is_removed(c) {
            return;
        }
        match c {
            '\r' => {
                if next != Some(b'\n') {
                    self.chars.push(('\n', start, end));
                }
            }
            '\u{2028}' | '\u{0085}' => self.chars.push(('\n', start, end)),
            '\u{2029}' => {
                self.chars.push(('\n', start, end));
                self.chars.push(('\n', start, end));
            }
            _ if is_exotic_space(c) => self.chars.push((' ', start, end)),
            _ if is_presentation_form(c) => {
                for d in std::iter::once(c).nfkc() {
                    if !is_removed(d) {
                        self.chars.push((d, start, end));
                    }
                }
            }
            _ => self.chars.push((c, start, end)),
        }
    }
}

/// Characters dropped from the analysis and MT text.
fn is_removed(c: char) -> bool {
    matches!(c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{FEFF}' | '\u{00AD}' | '\u{2060}'..='\u{2064}'
        | '\u{0640}')
        || (c.is_control() && !matches!(c, '\n' | '\t' | '\r' | '\u{0085}'))
}

/// Spaces other than U+0020 that scraped pages carry.
fn is_exotic_space(c: char) -> bool {
    matches!(
        c,
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
    )
}

/// Arabic presentation forms that get NFKC: not the ornate parentheses, the rial sign (NFKC
/// gives a Persian yeh) or the basmala ligature (no decomposition).
fn is_presentation_form(c: char) -> bool {
    matches!(c, '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFC}')
        && !matches!(c, '\u{FD3E}' | '\u{FD3F}' | '\u{FDFC}' | '\u{FDFD}')
}

/// A character that may start an NFC cluster: it never composes with what precedes it. Spans
/// of the cleaned text only map back exactly when they begin and end at such characters.
pub(crate) fn starts_cluster(c: char) -> bool {
    canonical_combining_class(c) == 0 && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes
}

/// NFC per combining cluster; every output char of a cluster maps to the whole cluster's source.
fn compose_nfc(chars: Vec<(char, usize, usize)>) -> (String, Vec<Origin>) {
    let mut text = String::with_capacity(chars.len() * 2);
    let mut origins = Vec::with_capacity(chars.len());
    let mut i = 0;
    let mut cluster = String::new();
    while i < chars.len() {
        let mut j = i + 1;
        while j < chars.len() && !starts_cluster(chars[j].0) {
            j += 1;
        }
        let (start, end) = (chars[i].1, chars[j - 1].2);
        if j - i == 1 {
            origins.push(Origin {
                clean: text.len(),
                start,
                end,
            });
            text.push(chars[i].0);
        } else {
            cluster.clear();
            cluster.extend(chars[i..j].iter().map(|t| t.0));
            if is_nfc(&cluster) {
                for &(c, s, e) in &chars[i..j] {
                    origins.push(Origin {
                        clean: text.len(),
                        start: s,
                        end: e,
                    });
                    text.push(c);
                }
            } else {
                for c in cluster.nfc() {
                    origins.push(Origin {
                        clean: text.len(),
                        start,
                        end,
                    });
                    text.push(c);
                }
            }
        }
        i = j;
    }
    (text, origins)
}

/// Decode an HTML entity at the start of `s` (`&amp;`, `&#1575;`, `&#x627;`, a few named ones
/// seen in scraped news); returns the character and the entity's byte length.
fn decode_entity(s: &str) -> Option<(char, usize)> {
    let semi = s.as_bytes().iter().take(12).position(|&b| b == b';')?;
    let body = &s[1..semi];
    let c = if let Some(num) = body.strip_prefix('#') {
        let code = if let Some(hex) = num.strip_prefix(['x', 'X']) {
            u32::from_str_radix(hex, 16).ok()?
        } else {
            num.parse::<u32>().ok()?
        };
        char::from_u32(code)?
    } else {
        match body {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            "nbsp" => '\u{00A0}',
            "laquo" => '«',
            "raquo" => '»',
            "ldquo" => '“',
            "rdquo" => '”',
            "lsquo" => '‘',
            "rsquo" => '’',
            "bdquo" => '„',
            "hellip" => '…',
            "ndash" => '–',
            "mdash" => '—',
            "rlm" => '\u{200F}',
            "lrm" => '\u{200E}',
            "zwnj" => '\u{200C}',
            "zwj" => '\u{200D}',
            "shy" => '\u{00AD}',
            "thinsp" => '\u{2009}',
            "ensp" => '\u{2002}',
            "emsp" => '\u{2003}',
            _ => return None,
        }
    };
    Some((c, semi + 1))
}

/// Quote marks the model never saw: opus-mt-ar-en's training text went through Moses
/// `normalize-punctuation.perl`, which makes them ASCII `"`.
fn is_fancy_quote(c: char) -> bool {
    matches!(
        c,
        '«' | '»' | '“' | '”' | '„' | '‟' | '‘' | '’' | '‹' | '›' | '〝' | '〞' | '＂'
    )
}

/// The text the model is given for a span of original text: Unicode-normalised, control and
/// bidi characters removed, tatweel removed, HTML entities decoded, quote marks made straight
/// ASCII `"` (the model was trained on those), `…` made `...`, whitespace collapsed and trimmed.
pub fn mt_input(original: &str) -> String {
    let cleaned = Cleaned::new(original);
    let mut out = String::with_capacity(cleaned.text.len());
    let mut pending_space = false;
    for c in cleaned.text.chars() {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        match c {
            '…' => out.push_str("..."),
            _ if is_fancy_quote(c) => out.push('"'),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removed_characters_map_back_around() {
        let original = "قال\u{200F} د\u{202A}.\u{202C} أحمد";
        let cleaned = Cleaned::new(original);
        assert_eq!(cleaned.text, "قال د. أحمد");
        let at = cleaned.text.find("د.").unwrap();
        let (s, e) = cleaned.to_original(at, at + "د.".len());
        assert_eq!(&original[s..e], "د\u{202A}.");
    }

    #[test]
    fn entity_maps_to_its_whole_source() {
        let original = "a&amp;b &#1575;";
        let cleaned = Cleaned::new(original);
        assert_eq!(cleaned.text, "a&b ا");
        assert_eq!(cleaned.to_original(1, 2), (1, 6));
        assert_eq!(cleaned.to_original(4, 6), (8, 15));
    }
}
