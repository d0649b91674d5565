//! Reading one input file in isolation: whatever is wrong with it becomes a reason string for
//! the end-of-run summary, never an error that stops the batch.
//!
//! * unreadable (permissions, a dangling link, a directory where a file was expected) → failed;
//! * a UTF-16 byte-order mark → failed, named as UTF-16; a NUL byte → failed as binary;
//! * invalid UTF-8 → failed with the byte offset and line, or with `lossy` decoded with
//!   U+FFFD replacement characters and a warning;
//! * empty or whitespace-only → skipped;
//! * anything else, however long its lines, is text (the text stage splits long sentences).

use std::path::Path;

use sha2::{Digest, Sha256};

/// What reading one input produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputOutcome {
    /// Text to translate.
    Text {
        /// The decoded text (a leading UTF-8 byte-order mark removed).
        text: String,
        /// sha256 of the file's bytes, lower-case hex.
        sha256: String,
        /// Things the user should know (e.g. replacement characters under `--lossy`).
        warnings: Vec<String>,
    },
    /// Nothing to translate.
    Skipped {
        /// Why.
        reason: String,
        /// sha256 of the file's bytes.
        sha256: String,
    },
    /// The file cannot be translated.
    Failed {
        /// Why.
        reason: String,
        /// sha256 of the bytes when they could be read.
        sha256: Option<String>,
    },
}

/// Lower-case hex sha256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(64);
    for b in digest {
        out.push_str(&format!("{b:02x}"));
    }
    out
}

/// Reads and decodes one input file (see the module docs).
pub fn read_input(path: &Path, lossy: bool) -> InputOutcome {
    if path.is_dir() {
        return InputOutcome::Failed {
            reason: "is a directory, not a file".into(),
            sha256: None,
        };
    }
    match std::fs::read(path) {
        Ok(bytes) => decode_input(&bytes, lossy),
        Err(e) => InputOutcome::Failed {
            reason: format!("cannot read: {e}"),
            sha256: None,
        },
    }
}

/// Decodes the bytes of one input file (see the module docs).
pub fn decode_input(bytes: &[u8], lossy: bool) -> InputOutcome {
    let sha256 = sha256_hex(bytes);
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return InputOutcome::Failed {
            reason: "UTF-16 text (has a UTF-16 byte-order mark); convert it to UTF-8".into(),
            sha256: Some(sha256),
        };
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return InputOutcome::Failed {
            reason: format!("binary file (NUL byte at byte offset {offset})"),
            sha256: Some(sha256),
        };
    }
    let mut warnings = Vec::new();
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(e) => {
            let offset = e.valid_up_to();
            let line = 1 + bytes[..offset].iter().filter(|&&b| b == b'\n').count();
            let place = format!("byte offset {offset} (line {line})");
            if !lossy {
                return InputOutcome::Failed {
                    reason: format!("invalid UTF-8 at {place}; --lossy decodes it anyway"),
                    sha256: Some(sha256),
                };
            }
            let decoded = String::from_utf8_lossy(bytes).into_owned();
            let replaced = decoded.matches('\u{FFFD}').count()
                - String::from_utf8_lossy(&bytes[..offset])
                    .matches('\u{FFFD}')
                    .count();
            warnings.push(format!(
                "invalid UTF-8 from {place}: {replaced} replacement character(s) inserted (--lossy)"
            ));
            decoded
        }
    };
    let text = match text.strip_prefix('\u{FEFF}') {
        Some(rest) => rest.to_string(),
        None => text,
    };
    if text.trim().is_empty() {
        let reason = if bytes.is_empty() {
            "empty file"
        } else {
            "only whitespace"
        };
        return InputOutcome::Skipped {
            reason: reason.into(),
            sha256,
        };
    }
    InputOutcome::Text {
        text,
        sha256,
        warnings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_of_abc_is_the_fips_vector() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn invalid_utf8_reports_offset_and_line() {
        let bytes = b"\xd8\xa7\n\xd8\xa8 x\xff y";
        match decode_input(bytes, false) {
            InputOutcome::Failed { reason, .. } => {
                assert!(reason.contains("byte offset 7 (line 2)"), "{reason}");
            }
            other => panic!("{other:?}"),
        }
        match decode_input(bytes, true) {
            InputOutcome::Text { text, warnings, .. } => {
                assert_eq!(text, "\u{627}\n\u{628} x\u{FFFD} y");
                assert_eq!(warnings.len(), 1);
                assert!(warnings[0].contains("1 replacement"), "{warnings:?}");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn nul_bytes_and_utf16_fail_even_when_lossy() {
        assert!(matches!(
            decode_input(b"ab\0cd", true),
            InputOutcome::Failed { reason, .. } if reason.contains("offset 2")
        ));
        assert!(matches!(
            decode_input(b"\xff\xfe'\x06", false),
            InputOutcome::Failed { reason, .. } if reason.contains("UTF-16")
        ));
    }

    #[test]
    fn empty_whitespace_and_bom_only_are_skipped() {
        for bytes in [&b""[..], b" \n\t\r\n", b"\xef\xbb\xbf\n"] {
            assert!(
                matches!(decode_input(bytes, false), InputOutcome::Skipped { .. }),
                "{bytes:?}"
            );
        }
    }
}
