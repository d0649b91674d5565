//! Pairing quote marks by position and family, whatever their code-point direction (docs §2.1).
//!
//! Marks are grouped into families (`"`; `“ ” „ ‟`; `« »`; `‘ ’ ‚`; `'` and `''`; `﴾ ﴿`;
//! `‹ ›`). Whether a mark
//! opens or closes is decided from its neighbours, not its code point, because right-to-left
//! text is often typed with mirrored marks (`»…«`, `”…“`). A stack per document handles nesting,
//! mismatched families, quotes that run over paragraph ends and quotes that never close.

use crate::text::Paragraph;

/// Quotes nested deeper than this are not tracked (their marks are ignored).
const MAX_DEPTH: usize = 8;

/// A family of quote marks that pair with each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Family {
    /// ASCII `"`.
    Double,
    /// `“ ” „ ‟`.
    Curly,
    /// `« »`.
    Guillemet,
    /// `‘ ’ ‚`.
    Single,
    /// ASCII `'`, also doubled (`''…''`): quote marks in Arabic text, where no word has an
    /// apostrophe; between two letters it is an apostrophe and no mark.
    Apostrophe,
    /// Ornate parentheses `﴾ ﴿` (Qur'anic citations).
    Ornate,
    /// `‹ ›`.
    Angle,
}

/// The direction a mark's code point nominally has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Nominal {
    Opening,
    Closing,
    Neutral,
}

fn family_dir(c: char) -> Option<(Family, Nominal)> {
    use Family::*;
    use Nominal::*;
    Some(match c {
        '"' => (Double, Neutral),
        '\'' => (Apostrophe, Neutral),
        '\u{201C}' | '\u{201E}' | '\u{201F}' => (Curly, Opening),
        '\u{201D}' => (Curly, Closing),
        '\u{00AB}' => (Guillemet, Opening),
        '\u{00BB}' => (Guillemet, Closing),
        '\u{2018}' | '\u{201A}' => (Single, Opening),
        '\u{2019}' => (Single, Closing),
        '\u{FD3F}' => (Ornate, Opening),
        '\u{FD3E}' => (Ornate, Closing),
        '\u{2039}' => (Angle, Opening),
        '\u{203A}' => (Angle, Closing),
        // A double prime: what WordPress makes of a closing `"` typed after a digit
        // (`“… عام 1948″`); see [`marks_in`].
        DOUBLE_PRIME => (Curly, Closing),
        _ => return None,
    })
}

/// `″`, a quote mark only where it closes an open curly quote after a digit.
const DOUBLE_PRIME: char = '\u{2033}';

/// The family of a quote-mark character, or `None` for any other character.
pub(crate) fn family(c: char) -> Option<Family> {
    family_dir(c).map(|(f, _)| f)
}

/// What a mark's neighbours say it does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Opener,
    Closer,
    /// Both or neither: the stack decides (close an open quote of the family, else open).
    Ambiguous,
}

#[derive(Debug, Clone, Copy)]
struct Mark {
    at: usize,
    ch: char,
    /// Length in bytes (2 for a doubled apostrophe `''`).
    len: usize,
    family: Family,
    role: Role,
    /// Glued to the word before and spaced from the one after (`أن" نص"`): a closer by
    /// position, but an opener typed with the space on the wrong side when no quote is open
    /// and the next mark of its family in the paragraph does not open.
    misplaced_opener: bool,
}

/// The content of a quote inside one paragraph (byte offsets, trimmed, marks excluded).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Part {
    /// Index of the paragraph in the slice given to [`pair_marks`].
    pub paragraph: usize,
    /// Byte offset of the content's start.
    pub start: usize,
    /// Byte offset of the content's end (exclusive).
    pub end: usize,
}

/// A quote delimited by marks.
#[derive(Debug, Clone)]
pub(crate) struct MarkQuote {
    /// Byte offset of the opening mark.
    pub open: usize,
    /// Byte offset just after the closing mark, or the end of the last part when unclosed.
    pub end: usize,
    /// Content per paragraph, in order (never empty).
    pub parts: Vec<Part>,
    /// Nesting depth: 0 for an outermost quote.
    pub depth: usize,
    /// Flags: `unclosed`, `nested`, `spans_paragraphs`, `reversed_marks`, `mismatched_marks`,
    /// `space_padded`.
    pub flags: Vec<&'static str>,
}

impl MarkQuote {
    /// The content without marks: the parts' texts joined by one space.
    pub fn text(&self, input: &str) -> String {
        let texts: Vec<&str> = self.parts.iter().map(|p| &input[p.start..p.end]).collect();
        texts.join(" ")
    }
    /// Byte offset of the content's start.
    pub fn content_start(&self) -> usize {
        self.parts.first().map_or(self.open, |p| p.start)
    }
    /// Byte offset of the content's end.
    pub fn content_end(&self) -> usize {
        self.parts.last().map_or(self.end, |p| p.end)
    }
}

fn opens_after(c: char) -> bool {
    c.is_whitespace() || "([{:،,؛;-–—/|".contains(c) || family(c).is_some() || c == '\u{0640}'
}

fn closes_before(c: char) -> bool {
    c.is_whitespace() || ".،,:؛;!?؟)]}…-–—/|".contains(c) || family(c).is_some()
}

/// True when the characters between the last space and the mark are only proclitics
/// (`و"`, `ل«`, `بـ"`, `وب"`).
fn proclitic_before(before: &str) -> bool {
    let mut n = 0;
    for c in before.chars().rev() {
        if c.is_whitespace() {
            break;
        }
        if !matches!(c, 'و' | 'ف' | 'ب' | 'ل' | 'ك' | '\u{0640}') {
            return false;
        }
        n += 1;
        if n > 3 {
            return false;
        }
    }
    n > 0
}

/// The marks of one paragraph span with their positional roles.
fn marks_in(input: &str, start: usize, end: usize) -> Vec<Mark> {
    let text = &input[start..end];
    let mut out = Vec::new();
    let mut skip_to = 0;
    for (i, ch) in text.char_indices() {
        if i < skip_to {
            continue;
        }
        let Some((family, _)) = family_dir(ch) else {
            continue;
        };
        // `''` is one mark.
        let len = if ch == '\'' && text[i + 1..].starts_with('\'') {
            2
        } else {
            ch.len_utf8()
        };
        skip_to = i + len;
        let prev = text[..i].chars().next_back();
        let next = text[i + len..].chars().next();
        // Inches and seconds (`6.5″`) are no marks; the pairing drops one that closes nothing.
        if ch == DOUBLE_PRIME && !prev.is_some_and(|c| c.is_ascii_digit()) {
            continue;
        }
        let left_open = prev.is_none_or(opens_after) || proclitic_before(&text[..i]);
        let right_close = next.is_none_or(closes_before);
        let role = match (left_open, right_close) {
            (true, false) => Role::Opener,
            (false, true) => Role::Closer,
            (true, true) if prev.is_none() || prev == Some(':') => Role::Opener,
            (true, true) => Role::Ambiguous,
            // A letter on both sides: for single marks that is an apostrophe.
            (false, false) if matches!(family, Family::Single | Family::Apostrophe) => continue,
            (false, false) => Role::Ambiguous,
        };
        let misplaced_opener = role == Role::Closer
            && prev.is_some_and(char::is_alphabetic)
            && next.is_some_and(char::is_whitespace);
        out.push(Mark {
            at: start + i,
            ch,
            len,
            family,
            role,
            misplaced_opener,
        });
    }
    out
}

struct Open {
    mark: Mark,
    parts: Vec<Part>,
    part_start: usize,
    paragraph: usize,
    depth: usize,
    flags: Vec<&'static str>,
}

fn trimmed(input: &str, start: usize, end: usize) -> (usize, usize) {
    let s = &input[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead == s.len() {
        return (start, start);
    }
    (start + lead, end - trail)
}

fn add_flag(flags: &mut Vec<&'static str>, flag: &'static str) {
    if !flags.contains(&flag) {
        flags.push(flag);
    }
}

/// Finish an open quote at `content_end`; `close` is the closing mark when there is one.
fn finish(
    input: &str,
    mut open: Open,
    content_end: usize,
    close: Option<Mark>,
) -> Option<MarkQuote> {
    let (s, mut e) = trimmed(input, open.part_start, content_end.max(open.part_start));
    // `… التي منيت […]`: an unclosed quote that runs into the page's own cut mark stops
    // before it.
    if close.is_none() {
        for cut in ["[…]", "[...]", "(…)", "(...)"] {
            if let Some(before) = input[s..e].strip_suffix(cut) {
                e = s + before.trim_end().len();
                break;
            }
        }
    }
    if e > s {
        open.parts.push(Part {
            paragraph: open.paragraph,
            start: s,
            end: e,
        });
    }
    if open.parts.is_empty() {
        return None;
    }
    let opener_nominal = family_dir(open.mark.ch).map(|(_, n)| n);
    let mut flags = open.flags;
    match close {
        Some(c) => {
            let closer_nominal = family_dir(c.ch).map(|(_, n)| n);
            if opener_nominal == Some(Nominal::Closing) || closer_nominal == Some(Nominal::Opening)
            {
                add_flag(&mut flags, "reversed_marks");
            }
            if c.family != open.mark.family {
                add_flag(&mut flags, "mismatched_marks");
            }
            if input[..c.at].ends_with(char::is_whitespace) {
                add_flag(&mut flags, "space_padded");
            }
        }
        None => {
            add_flag(&mut flags, "unclosed");
            if opener_nominal == Some(Nominal::Closing) {
                add_flag(&mut flags, "reversed_marks");
            }
        }
    }
    if input[open.mark.at + open.mark.len..].starts_with(char::is_whitespace) {
        add_flag(&mut flags, "space_padded");
    }
    if open.depth > 0 {
        add_flag(&mut flags, "nested");
    }
    if open.parts.len() > 1 {
        add_flag(&mut flags, "spans_paragraphs");
    }
    let end = close.map_or_else(
        || open.parts.last().map_or(open.mark.at, |p| p.end),
        |c| c.at + c.len,
    );
    Some(MarkQuote {
        open: open.mark.at,
        end,
        parts: open.parts,
        depth: open.depth,
        flags,
    })
}

/// True when paragraph `marks` continue a quote of `family` left open by the paragraph before:
/// it opens with a mark of the family (the repeated-opener convention), or it has a closer of
/// the family that nothing in it opened. Returns the mark to skip in the first case.
fn continues(marks: &[Mark], family: Family, para_text_start: usize) -> Option<Option<usize>> {
    if let Some(first) = marks.first() {
        if first.at == para_text_start && first.family == family && first.role != Role::Closer {
            return Some(Some(0));
        }
    }
    let mut depth = 0usize;
    for m in marks.iter().filter(|m| m.family == family) {
        match m.role {
            Role::Opener => depth += 1,
            Role::Closer if depth == 0 => return Some(None),
            Role::Closer => depth -= 1,
            Role::Ambiguous if depth > 0 => depth -= 1,
            Role::Ambiguous => depth += 1,
        }
    }
    None
}

/// The first non-space byte offset of `input[start..end]`.
fn text_start(input: &str, start: usize, end: usize) -> usize {
    let s = &input[start..end];
    start + (s.len() - s.trim_start().len())
}

/// True when the paragraph's span is usable: inside the input, on character boundaries, and
/// after the previous paragraph.
pub(crate) fn valid_span(input: &str, p: &Paragraph, after: usize) -> bool {
    p.start <= p.end
        && p.end <= input.len()
        && p.start >= after
        && input.is_char_boundary(p.start)
        && input.is_char_boundary(p.end)
}

/// Pair the quote marks of a document. Returns quotes ordered by their opening mark.
pub(crate) fn pair_marks(input: &str, paragraphs: &[Paragraph]) -> Vec<MarkQuote> {
    let mut valid = vec![false; paragraphs.len()];
    let mut after = 0;
    for (i, p) in paragraphs.iter().enumerate() {
        if valid_span(input, p, after) {
            valid[i] = true;
            after = p.end;
        }
    }
    let marks: Vec<Vec<Mark>> = paragraphs
        .iter()
        .zip(&valid)
        .map(|(p, &ok)| {
            if ok {
                marks_in(input, p.start, p.end)
            } else {
                Vec::new()
            }
        })
        .collect();

    let mut out = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    let mut skip: Option<usize> = None;
    for (pi, p) in paragraphs.iter().enumerate() {
        if !valid[pi] {
            continue;
        }
        for (mi, &m) in marks[pi].iter().enumerate() {
            if skip.take_if(|s| *s == mi).is_some() {
                continue;
            }
            let same = stack.iter().rposition(|o| o.mark.family == m.family);
            let reopens = stack.is_empty()
                && m.misplaced_opener
                && marks[pi][mi + 1..]
                    .iter()
                    .find(|n| n.family == m.family)
                    .is_some_and(|n| n.role != Role::Opener);
            let close_at = match (m.role, same) {
                _ if m.ch == DOUBLE_PRIME && same.is_none() => continue,
                // (Only where the curly marks after it leave a quote to close: in `“… و30″
                // فقط”` the closer that follows is the quote's own and `″` reads seconds; in
                // `“… “القرار 1701″ كاملة”` two quotes are open and one closer follows.)
                _ if m.ch == DOUBLE_PRIME => {
                    let open = stack.iter().filter(|o| o.mark.family == m.family).count();
                    let closers = marks[pi][mi + 1..]
                        .iter()
                        .filter(|n| n.family == m.family && n.ch != DOUBLE_PRIME)
                        .take_while(|n| n.role != Role::Opener)
                        .count();
                    if closers >= open {
                        continue;
                    }
                    same
                }
                _ if reopens => None,
                (Role::Opener, _) | (Role::Ambiguous, None) => None,
                (Role::Closer | Role::Ambiguous, Some(i)) => Some(i),
                (Role::Closer, None) if !stack.is_empty() => Some(stack.len() - 1),
                (Role::Closer, None) => continue, // a stray closer
            };
            match close_at {
                Some(i) => {
                    // Quotes opened inside the one being closed never closed themselves.
                    while stack.len() > i + 1 {
                        let inner = stack.pop().expect("len checked");
                        out.extend(finish(input, inner, m.at, None));
                    }
                    let open = stack.pop().expect("index from the stack");
                    out.extend(finish(input, open, m.at, Some(m)));
                }
                // Deeper nesting than any real text has: ignore the mark rather than let
                // every level copy the rest of the paragraph.
                None if stack.len() >= MAX_DEPTH => {}
                None => stack.push(Open {
                    mark: m,
                    parts: Vec::new(),
                    part_start: m.at + m.len,
                    paragraph: pi,
                    depth: stack.len(),
                    flags: Vec::new(),
                }),
            }
        }
        if stack.is_empty() {
            continue;
        }
        // The paragraph ends with quotes open: carry the outermost one into the next paragraph
        // when that paragraph continues it; close everything else as unclosed.
        let next = (pi + 1..paragraphs.len()).find(|&j| valid[j]);
        let carry = next.and_then(|j| {
            let np = &paragraphs[j];
            if np.boilerplate && !p.boilerplate {
                return None;
            }
            let ts = text_start(input, np.start, np.end);
            continues(&marks[j], stack[0].mark.family, ts).map(|s| (j, s))
        });
        while stack.len() > usize::from(carry.is_some()) {
            let inner = stack.pop().expect("len checked");
            out.extend(finish(input, inner, p.end, None));
        }
        if let (Some((j, skip_mark)), Some(open)) = (carry, stack.first_mut()) {
            let (s, e) = trimmed(input, open.part_start, p.end.max(open.part_start));
            if e > s {
                open.parts.push(Part {
                    paragraph: open.paragraph,
                    start: s,
                    end: e,
                });
            }
            let np = &paragraphs[j];
            open.paragraph = j;
            open.part_start = match skip_mark {
                Some(k) => marks[j][k].at + marks[j][k].len,
                None => np.start,
            };
            skip = skip_mark;
        }
    }
    let last_end = paragraphs
        .iter()
        .zip(&valid)
        .rev()
        .find(|(_, &ok)| ok)
        .map_or(0, |(p, _)| p.end);
    while let Some(open) = stack.pop() {
        out.extend(finish(input, open, last_end, None));
    }
    out.sort_by_key(|q| (q.open, q.depth));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(input: &str) -> Vec<Paragraph> {
        let mut out = Vec::new();
        let mut start = 0;
        for line in input.split('\n') {
            let end = start + line.len();
            out.push(Paragraph {
                index: out.len(),
                text: line.to_string(),
                start,
                end,
                boilerplate: false,
                sentences: Vec::new(),
            });
            start = end + 1;
        }
        out
    }

    fn texts(input: &str) -> Vec<(String, Vec<&'static str>)> {
        pair_marks(input, &para(input))
            .iter()
            .map(|q| (q.text(input), q.flags.clone()))
            .collect()
    }

    #[test]
    fn reversed_guillemets_pair() {
        let t = texts("قال إنها »خطوة مهمة« أمس");
        assert_eq!(t, [("خطوة مهمة".to_string(), vec!["reversed_marks"])]);
    }

    #[test]
    fn nested_same_glyph() {
        let t = texts("قال: \"نرفض ما يسمى \"الحل المؤقت\" رفضا قاطعا\".");
        assert_eq!(t.len(), 2);
        assert_eq!(t[0].0, "نرفض ما يسمى \"الحل المؤقت\" رفضا قاطعا");
        assert_eq!(t[1].0, "الحل المؤقت");
        assert_eq!(t[1].1, ["nested"]);
    }

    #[test]
    fn opener_with_the_space_on_the_wrong_side() {
        let t = texts("وأضاف أن\" المكتب يحقق في القضية منذ أشهر\".");
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].0, "المكتب يحقق في القضية منذ أشهر");
        assert_eq!(t[0].1, ["space_padded"]);
        let t = texts("وأضاف” سنعمل على بناء أوسع جبهة”");
        assert_eq!(t[0].0, "سنعمل على بناء أوسع جبهة");
        // Inside an open quote such a mark still closes it, and with no closer after it, it
        // is a stray mark.
        let t = texts("عن \"أرقام لا تكذب” كاشفا عن \"مخصصات مالية” للدفاع");
        assert_eq!(t.len(), 2);
        assert_eq!(t[0].0, "أرقام لا تكذب");
        assert_eq!(t[1].0, "مخصصات مالية");
        assert!(texts("قالوا إنها الحقيقة” وانتهى الأمر").is_empty());
    }

    #[test]
    fn double_prime_after_a_digit_closes_a_curly_quote() {
        let t = texts("وقال إن “غزة تعرضت لنكبة أسوأ من نكبة 1948″، مضيفاً: “ما نملكه قليل”");
        assert_eq!(t.len(), 2);
        assert_eq!(t[0].0, "غزة تعرضت لنكبة أسوأ من نكبة 1948");
        assert_eq!(t[1].0, "ما نملكه قليل");
        // Nothing open, or after no digit: inches and seconds, no mark.
        assert!(texts("شاشة بحجم 6.5″ وسعر مرتفع").is_empty());
        // Seconds inside a quote its own closer ends.
        let t = texts("قال “الوقت 5 دقائق و30″ فقط” أمس");
        assert_eq!(t[0].0, "الوقت 5 دقائق و30″ فقط");
        assert_eq!(t.len(), 1);
        // Two quotes open, one closer after it: `″` closes the inner one.
        let t = texts("وأكد “أن لبنان نفذ كل بنود “القرار 1701″ كاملة” أمس");
        assert_eq!(t[0].0, "أن لبنان نفذ كل بنود “القرار 1701″ كاملة");
        assert_eq!(t[1].0, "القرار 1701");
    }

    #[test]
    fn comma_inside_closer() {
        let t = texts("أشاد بـ\"الشراكة،\" وقال");
        assert_eq!(t[0].0, "الشراكة،");
    }
}
