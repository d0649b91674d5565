//! Escaping and character hygiene shared by the writers.

/// Characters XML 1.0 forbids in a document (§2.2 `Char`): C0 controls other than tab,
/// newline and carriage return, and the noncharacters U+FFFE and U+FFFF. Surrogates cannot
/// occur in a Rust `str`.
pub fn xml_forbidden(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}')
}

/// Characters dropped from plain-text outputs (text, Markdown, TSV, parallel) and HTML:
/// everything XML forbids plus DEL and the C1 controls, which are invisible junk from scraping.
/// Bidi marks and joiners are kept: they are part of the Arabic original.
pub fn junk_control(c: char) -> bool {
    xml_forbidden(c) || matches!(c, '\u{7F}'..='\u{9F}')
}

/// Text for XML character data: forbidden characters dropped, `& < >` escaped, and a
/// carriage return written as a reference so that parsers keep it.
pub fn xml_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_xml_text(&mut out, c);
    }
    out
}

/// One character of [`xml_text`], appended to `out`.
fn push_xml_text(out: &mut String, c: char) {
    match c {
        '&' => out.push_str("&amp;"),
        '<' => out.push_str("&lt;"),
        '>' => out.push_str("&gt;"),
        '\r' => out.push_str("&#13;"),
        c if xml_forbidden(c) => {}
        c => out.push(c),
    }
}

/// Text for a double-quoted XML attribute value: like [`xml_text`], plus `"` escaped and
/// tab/newline written as references (parsers would turn them into spaces otherwise).
pub fn xml_attr(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' => out.push_str("&quot;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            c => push_xml_text(&mut out, c),
        }
    }
    out
}

/// Text for HTML (content or a double-quoted attribute): junk controls dropped and
/// `& < > " '` escaped, so input such as `<script>` shows as text.
pub fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if junk_control(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// Characters that break a line in some reader (LF, CR, NEL, LINE/PARAGRAPH SEPARATOR,
/// vertical tab, form feed).
fn line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}' | '\u{B}' | '\u{C}'
    )
}

/// Text kept on one line: every line break and tab becomes a space, junk controls are dropped.
pub fn one_line(s: &str) -> String {
    s.chars()
        .filter_map(|c| {
            if line_break(c) || c == '\t' {
                Some(' ')
            } else if junk_control(c) {
                None
            } else {
                Some(c)
            }
        })
        .collect()
}

/// Plain text with junk controls dropped (line breaks kept).
pub fn plain(s: &str) -> String {
    s.chars()
        .filter(|&c| c == '\n' || c == '\t' || !junk_control(c))
        .collect()
}

/// A TSV field: `\` → `\\`, tab → `\t`, newline → `\n`, carriage return → `\r`; other line
/// breaks become spaces and junk controls are dropped.
pub fn tsv_field(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if line_break(c) => out.push(' '),
            c if junk_control(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// Markdown inline text (e.g. a table cell): on one line, with the characters that start
/// Markdown or HTML syntax backslash-escaped (CommonMark allows escaping any ASCII punctuation).
pub fn markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in one_line(s).chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '~' | '&' | '!' | '$'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_drops_forbidden_and_escapes() {
        assert_eq!(xml_text("a\u{1}b<&>\u{FFFF}"), "ab&lt;&amp;&gt;");
        assert_eq!(xml_attr("\"x\"\ty"), "&quot;x&quot;&#9;y");
        assert_eq!(xml_text("\u{200F}ok\t"), "\u{200F}ok\t");
    }

    #[test]
    fn html_escapes_script() {
        assert_eq!(
            html("<script>alert('x')</script>"),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"
        );
    }

    #[test]
    fn tsv_and_line_escapes() {
        assert_eq!(tsv_field("a\tb\nc\\d"), "a\\tb\\nc\\\\d");
        assert_eq!(one_line("a\r\nb\u{2028}c\td"), "a  b c d");
        assert_eq!(markdown("a|b *c* <i>"), "a\\|b \\*c\\* \\<i\\>");
    }
}
