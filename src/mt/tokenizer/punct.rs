//! The punctuation normalisation the OPUS-MT models were trained with (`--punct-norm opus`).
//!
//! OPUS-MT's `preprocess.sh` runs Moses' `replace-unicode-punctuation.perl`,
//! `remove-non-printing-char.perl` and `normalize-punctuation.perl -l <lang>`, then squeezes
//! runs of spaces and trims. The reference here is sacremoses'
//! `MosesPunctNormalizer(lang="ar", pre_replace_unicode_punct=True,
//! post_remove_control_chars=True).normalize` (rules applied in its order, each over the whole
//! text, Python `re` semantics), followed by `sed 's/  */ /g;s/^ *//;s/ *$//'`.

use std::sync::LazyLock;

use regex::Regex;

use super::unicode_other::is_other;

/// Python's `str.isspace`: Unicode White_Space plus the four information separators.
pub fn is_python_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// `replace-unicode-punctuation.perl`: each character maps to fixed ASCII text; `。` and `．`
/// also swallow the whitespace after them. None of the outputs is matched by another rule, so
/// one pass over the characters equals applying the rules one after another.
fn replace_unicode_punct(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let replacement = match c {
            '，' | '、' => ",",
            '。' | '．' => {
                while chars.next_if(|&n| is_python_space(n)).is_some() {}
                ". "
            }
            '”' | '“' | '《' | '》' | '」' | '「' => "\"",
            '∶' | '：' => ":",
            '？' => "?",
            '）' => ")",
            '！' => "!",
            '（' => "(",
            '；' => ";",
            '０'..='９' => {
                out.push(char::from(b'0' + (c as u32 - '０' as u32) as u8));
                continue;
            }
            '～' => "~",
            '’' => "'",
            '…' => "...",
            '━' => "-",
            '〈' => "<",
            '〉' => ">",
            '【' => "[",
            '】' => "]",
            '％' => "%",
            _ => {
                out.push(c);
                continue;
            }
        };
        out.push_str(replacement);
    }
    out
}

/// `normalize-punctuation.perl` as sacremoses orders it for a language other than en, de, es,
/// fr, cs (Penn quotes on, numbers normalised): `(pattern, replacement)`.
const RULES: &[(&str, &str)] = &[
    // Extra whitespace.
    (r"\r", ""),
    (r"\(", " ("),
    (r"\)", ") "),
    (r" +", " "),
    (r"\) ([.!:?;,])", ")$1"),
    (r"\( ", "("),
    (r" \)", ")"),
    (r"(\d) %", "$1%"),
    (r" :", ":"),
    (r" ;", ";"),
    // Penn quotes.
    (r"`", "'"),
    (r"''", " \" "),
    // Unicode punctuation.
    (r"„", "\""),
    (r"“", "\""),
    (r"”", "\""),
    (r"–", "-"),
    (r"—", " - "),
    (r" +", " "),
    (r"´", "'"),
    (r"([a-zA-Z])‘([a-zA-Z])", "$1'$2"),
    (r"([a-zA-Z])’([a-zA-Z])", "$1'$2"),
    (r"‘", "'"),
    (r"‚", "'"),
    (r"’", "'"),
    (r"''", "\""),
    (r"´´", "\""),
    (r"…", "..."),
    // French quotes.
    ("\u{a0}«\u{a0}", "\""),
    ("«\u{a0}", "\""),
    ("«", "\""),
    ("\u{a0}»\u{a0}", "\""),
    ("\u{a0}»", "\""),
    ("»", "\""),
    // Pseudo-spaces.
    ("\u{a0}%", "%"),
    ("nº\u{a0}", "nº "),
    ("\u{a0}:", ":"),
    ("\u{a0}ºC", " ºC"),
    ("\u{a0}cm", " cm"),
    ("\u{a0}\\?", "?"),
    ("\u{a0}!", "!"),
    ("\u{a0};", ";"),
    (",\u{a0}", ", "),
    (r" +", " "),
    // Numbers: a no-break space between digits is a thousands separator.
    ("(\\d)\u{a0}(\\d)", "$1.$2"),
];

static COMPILED: LazyLock<Vec<(Regex, &'static str)>> = LazyLock::new(|| {
    RULES
        .iter()
        .map(|&(pattern, replacement)| {
            (
                Regex::new(pattern).expect("punctuation rules are valid regexes"),
                replacement,
            )
        })
        .collect()
});

/// Applies OPUS-MT's punctuation normalisation to one line of source text.
pub fn normalize_punctuation(text: &str) -> String {
    let mut text = replace_unicode_punct(text);
    for (regex, replacement) in COMPILED.iter() {
        if let std::borrow::Cow::Owned(changed) = regex.replace_all(&text, *replacement) {
            text = changed;
        }
    }
    // remove-non-printing-char: drop every character of category C.
    let text: String = text.chars().filter(|&c| !is_other(c)).collect();
    let text = text.trim_matches(is_python_space);
    // sed 's/  */ /g;s/^ *//;s/ *$//'
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c == ' ' && out.ends_with(' ') {
            continue;
        }
        out.push(c);
    }
    out.trim_matches(' ').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unicode_punctuation_becomes_ascii() {
        assert_eq!(normalize_punctuation("（１２）：ok？"), "(12):ok?");
        assert_eq!(normalize_punctuation("a。\u{3000} b．c"), "a. b. c");
        assert_eq!(normalize_punctuation("«\u{a0}salut\u{a0}»"), "\"salut\"");
    }

    #[test]
    fn quotes_dashes_and_ellipsis() {
        assert_eq!(normalize_punctuation("„a“ – b—c…"), "\"a\" - b - c...");
        assert_eq!(normalize_punctuation("don’t ‘x’"), "don't 'x'");
        assert_eq!(normalize_punctuation("``a''"), "\" a \"");
    }

    #[test]
    fn spaces_brackets_and_numbers() {
        assert_eq!(normalize_punctuation("  a  ( b ) , c ;  "), "a (b), c;");
        assert_eq!(normalize_punctuation("50 %"), "50%");
        assert_eq!(normalize_punctuation("1\u{a0}000\u{a0}000"), "1.000.000");
        assert_eq!(normalize_punctuation("٣\u{a0}٤"), "٣.٤");
    }

    #[test]
    fn control_and_format_characters_are_removed() {
        assert_eq!(
            normalize_punctuation("\u{200f}مرحبا\u{200e}\tبكم\u{feff}"),
            "مرحبابكم"
        );
        assert_eq!(normalize_punctuation("a\r\nb"), "ab");
        assert_eq!(normalize_punctuation(""), "");
        assert_eq!(normalize_punctuation(" \u{3000} "), "");
    }
}
