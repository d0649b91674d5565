//! Document ids.

use sha2::{Digest, Sha256};

/// A stable document id: the file stem when there is one (characters other than letters,
/// digits, `-`, `_` and `.` replaced by `_`), otherwise `doc-` and the first 16 hex digits of
/// the SHA-256 of the text (stdin input gets the same id for the same text).
pub fn document_id(file_stem: Option<&str>, text: &str) -> String {
    let from_stem: String = file_stem
        .unwrap_or("")
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    if from_stem.chars().any(char::is_alphanumeric) {
        return from_stem;
    }
    let digest = Sha256::digest(text.as_bytes());
    let hex: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
    format!("doc-{hex}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stem_is_kept_and_sanitised() {
        assert_eq!(
            document_id(Some("000_1fa0ea5cd19dd44f"), "x"),
            "000_1fa0ea5cd19dd44f"
        );
        assert_eq!(document_id(Some("a b/c"), "x"), "a_b_c");
    }

    #[test]
    fn no_stem_uses_content_hash() {
        // SHA-256("abc") starts with ba7816bf8f01cfea (FIPS 180-2 test vector).
        assert_eq!(document_id(None, "abc"), "doc-ba7816bf8f01cfea");
        assert_eq!(document_id(Some("//"), "abc"), "doc-ba7816bf8f01cfea");
    }
}
