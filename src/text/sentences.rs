//! Sentence boundaries inside a paragraph (rules R2–R12 of arabic-text.md §1.3).
//!
//! A single left-to-right scan over the cleaned paragraph text: terminator runs (`. ! ? ؟ ۔`)
//! end sentences when whitespace or an Arabic letter follows (after absorbing closing quotes and
//! brackets); ellipses, decimals, dates, abbreviations (`د.`, `أ.د.`, `ص.ب`, `U.S.`, `Dr.`) and
//! list numbers do not; `: ، ؛` never do; a bullet at a line start opens a new sentence.

use super::clean::starts_cluster;

/// Longest token looked at behind a full stop; longer tokens are never abbreviations.
const MAX_TOKEN_CHARS: usize = 24;

/// Latin titles and abbreviations that do not end a sentence (R7c).
const LATIN_ABBREVIATIONS: &[&str] = &[
    "Dr", "Mr", "Mrs", "Ms", "Prof", "St", "Jr", "Sr", "No", "vs", "etc", "Inc", "Ltd", "Co",
    "Gen", "Gov", "Sen", "Rep", "Fig", "approx", "Mt", "Ave", "Corp", "Capt", "Col", "Lt", "Sgt",
];

/// Characters of a terminator run (R2), including the ellipsis forms (R8).
pub fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '؟' | '۔' | '…' | '‼' | '⁇' | '⁈' | '⁉')
}

/// Closing marks that stay with the sentence before them (R3); both directions count.
pub fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '“'
            | '”'
            | '«'
            | '»'
            | '\''
            | '‘'
            | '’'
            | ')'
            | ']'
            | '}'
            | '﴾'
            | '﴿'
            | '‹'
            | '›'
    )
}

/// Quote marks (for space-padded closing quotes).
fn is_quote_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '”' | '«' | '»' | '‘' | '’' | '‹' | '›'
    )
}

/// Arabic-script letter (the notes' "letter" class).
pub fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{064A}' | '\u{0671}'..='\u{06D3}' | '\u{06FA}'..='\u{06FC}')
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}')
}

/// The byte length of a bullet or list marker at the start of `line` (R11), if there is one:
/// `• ▪ ◦ ► ● ■ ◆ ·`, `- – — *` before a space, `1-`, `١.`, `2)` before a space or a letter, `(3)`.
pub fn bullet_marker_len(line: &str) -> Option<usize> {
    let mut chars = line.char_indices();
    let (_, first) = chars.next()?;
    let after = |i: usize| line[i..].chars().next();
    match first {
        '•' | '▪' | '◦' | '►' | '●' | '■' | '◆' | '·' | '○' | '➢' | '✓' => {
            Some(first.len_utf8())
        }
        '-' | '–' | '—' | '*' => {
            let n = first.len_utf8();
            after(n).filter(|c| c.is_whitespace()).map(|_| n)
        }
        '(' => {
            let digits: usize = line[1..]
                .chars()
                .take_while(|&c| is_digit(c))
                .map(char::len_utf8)
                .sum();
            let close = 1 + digits;
            (digits > 0 && after(close) == Some(')')).then_some(close + 1)
        }
        c if is_digit(c) => {
            let mut digits = 0;
            let mut end = 0;
            for (i, c) in line.char_indices() {
                if !is_digit(c) {
                    break;
                }
                digits += 1;
                end = i + c.len_utf8();
            }
            let sep = after(end)?;
            if digits > 3 || !matches!(sep, '-' | '.' | ')') {
                return None;
            }
            let n = end + 1;
            after(n)
                .filter(|&c| c.is_whitespace() || is_arabic_letter(c))
                .map(|_| n)
        }
        _ => None,
    }
}

/// What a terminator run is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Run {
    /// Ends with `! ? ؟ ۔` (possibly after other marks): a full end.
    Strong,
    /// `..`, `...`, `…` (also after `!`/`؟`): a pause, not an end (R8).
    Ellipsis,
    /// A single `.`: an end unless number, abbreviation or list marker.
    Dot,
}

fn classify(run: &[char]) -> Run {
    let last = run[run.len() - 1];
    if last != '.' && last != '…' {
        return Run::Strong;
    }
    let ellipsis = run.contains(&'…') || run.windows(2).any(|w| w == ['.', '.']);
    if ellipsis {
        Run::Ellipsis
    } else if run.len() > 1 {
        // `؟.` or `!.`: the dot only doubles the end.
        Run::Strong
    } else {
        Run::Dot
    }
}

/// The token right before a full stop, with where it starts; `None` if it is too long to matter.
fn token_before(text: &str, dot: usize) -> Option<(usize, &str)> {
    let mut start = dot;
    for (count, (i, c)) in text[..dot].char_indices().rev().enumerate() {
        if c.is_whitespace() {
            break;
        }
        if count >= MAX_TOKEN_CHARS {
            return None;
        }
        start = i;
    }
    Some((start, &text[start..dot]))
}

/// The last dot-separated piece of a token, without opening marks.
fn last_piece(token: &str) -> &str {
    let token = token.trim_start_matches(|c: char| is_closer(c) || c == '(' || c == '[');
    token.rsplit('.').next().unwrap_or(token)
}

/// True for a piece that is a joined `و`, `ف`, `لـ` or `بـ` (and maybe a quote mark) before a
/// Latin letter's name (`لإي` in `لإي.إن.إن`, `و"إم` in `و"إم.بي.سي"`).
fn is_letter_name_after_particle(piece: &str) -> bool {
    piece
        .strip_prefix(['و', 'ف', 'ل', 'ب'])
        .is_some_and(|rest| is_letter_name(rest.trim_start_matches(is_quote_mark)))
}

/// R7: a single letter (`د.`, `U.S.`), a chain of single letters, or a Latin title.
fn is_abbreviation(piece: &str) -> bool {
    let mut chars = piece.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => c.is_alphabetic(),
        _ => LATIN_ABBREVIATIONS.contains(&piece),
    }
}

/// `م` (AD / pm), `ه` (AH, tatweel already removed), `ص` (am).
fn is_era_letter(token: &str) -> bool {
    matches!(token, "م" | "ه" | "ص")
}

/// Whether the token before byte `start` (across spaces) is a number, date or time.
fn follows_number(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end();
    let token: String = before
        .chars()
        .rev()
        .take_while(|c| !c.is_whitespace())
        .take(MAX_TOKEN_CHARS)
        .collect();
    token.chars().any(is_digit)
        && token
            .chars()
            .all(|c| is_digit(c) || matches!(c, ':' | '/' | '.' | '-' | '٫'))
}

/// Latin letters spelled in Arabic script (`آر`, `بي`, `جي`), as in `آر.بي.جي` (RPG) or
/// `سي.إن.إن` (CNN).
fn is_letter_name(word: &str) -> bool {
    matches!(
        word,
        "إيه"
            | "ايه"
            | "بي"
            | "سي"
            | "دي"
            | "إي"
            | "إف"
            | "اف"
            | "جي"
            | "إتش"
            | "اتش"
            | "آي"
            | "أي"
            | "اي"
            | "جيه"
            | "كيه"
            | "كي"
            | "إل"
            | "إم"
            | "ام"
            | "إن"
            | "أو"
            | "كيو"
            | "آر"
            | "ار"
            | "إس"
            | "اس"
            | "تي"
            | "يو"
            | "دبليو"
            | "إكس"
            | "اكس"
            | "واي"
            | "زد"
            | "زي"
    )
}

/// The letters right after byte `at`, up to the first character that is not a letter.
fn word_after(text: &str, at: usize) -> &str {
    let rest = &text[at..];
    let end = rest
        .char_indices()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(rest.len(), |(i, _)| i);
    &rest[..end]
}

fn is_etc(piece: &str) -> bool {
    piece == "إلخ" || piece == "الخ"
}

/// Inline numbered lists (`1. زيادة الرواتب 2. خفض …`): when the paragraph starts with list
/// number n, the next numbers n+1, n+2… after a space start new segments. Returns their offsets.
fn inline_list_starts(text: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    let Some(len) = bullet_marker_len(text) else {
        return starts;
    };
    let number: String = text[..len].chars().filter(|&c| is_digit(c)).collect();
    let Some(mut expected) = parse_digits(&number) else {
        return starts;
    };
    let mut from = len;
    loop {
        expected += 1;
        let found = text[from..].char_indices().find_map(|(i, c)| {
            let at = from + i;
            (c.is_whitespace() && !text[at..].starts_with('\n'))
                .then(|| at + c.len_utf8())
                .filter(|&p| {
                    bullet_marker_len(&text[p..]).is_some_and(|l| {
                        let n: String = text[p..p + l].chars().filter(|&c| is_digit(c)).collect();
                        parse_digits(&n) == Some(expected)
                    })
                })
        });
        match found {
            Some(p) => {
                starts.push(p);
                from = p;
            }
            None => return starts,
        }
    }
}

fn parse_digits(digits: &str) -> Option<u32> {
    if digits.is_empty() || digits.chars().count() > 3 {
        return None;
    }
    digits.chars().try_fold(0u32, |acc, c| {
        let d = c
            .to_digit(10)
            .or_else(|| {
                ('\u{0660}'..='\u{0669}')
                    .contains(&c)
                    .then(|| c as u32 - 0x0660)
            })
            .or_else(|| {
                ('\u{06F0}'..='\u{06F9}')
                    .contains(&c)
                    .then(|| c as u32 - 0x06F0)
            })?;
        Some(acc * 10 + d)
    })
}

/// Words that introduce a quoted title (`برنامج "من سيربح المليون؟"`, `كتاب "لماذا نفشل؟"`).
const TITLE_WORDS: &[&str] = &[
    "فيلم",
    "برنامج",
    "كتاب",
    "كتابه",
    "كتابها",
    "رواية",
    "مسلسل",
    "أغنية",
    "قصيدة",
    "مقال",
    "مقالة",
    "عنوان",
    "شعار",
    "حملة",
    "وسم",
    "هاشتاغ",
    "مبادرة",
    "مؤتمر",
    "منتدى",
    "مهرجان",
    "معرض",
    "مسرحية",
    "صحيفة",
    "مجلة",
    "قناة",
    "موقع",
    "منصة",
    "تطبيق",
    "عملية",
    "ألبوم",
];

/// Proclitics (and the article) a title word may carry.
const TITLE_PREFIXES: &[&str] = &[
    "", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "ال", "وال", "بال", "لل", "ولل", "فال",
];

/// Longest quoted title looked at, in characters.
const MAX_TITLE_CHARS: usize = 60;

/// Whether the terminator at char index `k` ends a short quoted title introduced by a title
/// word: a question or exclamation inside a name does not end the sentence around it.
fn ends_quoted_title(chars: &[(usize, char)], k: usize) -> bool {
    let mut q = None;
    for i in (k.saturating_sub(MAX_TITLE_CHARS)..k).rev() {
        let c = chars[i].1;
        if is_quote_mark(c) {
            q = Some(i);
            break;
        }
        if is_terminator(c) && c != '.' && c != '…' {
            return false;
        }
    }
    let Some(q) = q else {
        return false;
    };
    let words = chars[q + 1..k]
        .split(|&(_, c)| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .count();
    if words == 0 || words > 6 {
        return false;
    }
    // The word before the opening mark, possibly glued to it (`لبرنامج"`).
    let mut end = q;
    while end > 0 && chars[end - 1].1.is_whitespace() {
        end -= 1;
    }
    let mut start = end;
    while start > 0 && !chars[start - 1].1.is_whitespace() {
        start -= 1;
    }
    let word: String = chars[start..end].iter().map(|&(_, c)| c).collect();
    TITLE_WORDS.iter().any(|t| {
        word.strip_suffix(t)
            .is_some_and(|prefix| TITLE_PREFIXES.contains(&prefix))
    })
}

/// Split a paragraph's cleaned text into sentences: byte spans relative to `text`, trimmed, in
/// order, covering the text except whitespace between them.
pub fn split(text: &str) -> Vec<(usize, usize)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let byte_at = |k: usize| chars.get(k).map_or(text.len(), |&(b, _)| b);
    let list_starts = inline_list_starts(text);
    let mut cuts: Vec<usize> = Vec::new();
    let mut run: Vec<char> = Vec::new();
    let mut k = 0;
    let mut line_start = true;
    let mut line_first = 0;
    while k < n {
        let (pos, c) = chars[k];
        if c == '\n' {
            line_start = true;
            k += 1;
            continue;
        }
        if c.is_whitespace() {
            k += 1;
            continue;
        }
        if line_start {
            line_start = false;
            line_first = pos;
            if pos > 0 && bullet_marker_len(&text[pos..]).is_some() {
                cuts.push(pos);
            }
        }
        if list_starts.binary_search(&pos).is_ok() {
            cuts.push(pos);
        }
        if !is_terminator(c) {
            k += 1;
            continue;
        }
        // The terminator run, then closers (R3).
        run.clear();
        let mut j = k;
        while j < n && is_terminator(chars[j].1) {
            run.push(chars[j].1);
            j += 1;
        }
        let kind = classify(&run);
        let mut m = j;
        while m < n && is_closer(chars[m].1) {
            m += 1;
        }
        // `بالفيديو..«المالية»`: after an ellipsis, quote marks glued to the next word open a
        // quote; they close nothing here (after a stop they do: `تماما."وأضاف`).
        if kind == Run::Ellipsis
            && m > j
            && m < n
            && is_arabic_letter(chars[m].1)
            && chars[j..m].iter().all(|&(_, c)| is_quote_mark(c))
        {
            m = j;
        }
        let closers = m > j;
        let next = chars.get(m).map(|&(_, c)| c);
        let after_run = chars.get(j).map(|&(_, c)| c);
        let token = if kind == Run::Dot {
            token_before(text, pos)
        } else {
            None
        };
        // A lone era or time letter after a number (`1950 م.`, `10 ص.`) is not a title.
        let piece = token
            .filter(|&(start, t)| !(is_era_letter(t) && follows_number(text, start)))
            .map(|(_, t)| last_piece(t));
        let is_list_marker = token.is_some_and(|(start, t)| {
            !t.is_empty()
                && t.chars().all(is_digit)
                && t.chars().count() <= 3
                && (start == line_first || list_starts.binary_search(&start).is_ok())
        });
        let etc_inside =
            piece.is_some_and(is_etc) && matches!(after_run, Some(')' | ']' | '،' | '؛' | ','));
        // `(..)`, `[...]`, `( ..)`: an elision mark inside a quote is no boundary.
        let elision = chars[..k]
            .iter()
            .rev()
            .find(|&&(_, c)| c != ' ')
            .is_some_and(|&(_, c)| matches!(c, '(' | '['));
        // `“…؟” قالت شيرين`: the attribution after a closed quote is the same sentence.
        let attributed = chars[j..m].iter().any(|&(_, c)| is_quote_mark(c)) && {
            let rest = &text[byte_at(m)..];
            let word = rest
                .trim_start_matches([' ', '\t'])
                .split(|c: char| c.is_whitespace() || !c.is_alphabetic())
                .next()
                .unwrap_or("");
            // (`..” على حد تعبيرها.`: "as she put it" goes on with the quote's sentence.)
            (!word.is_empty() && super::quotes::attributes_quote(word))
                || rest.trim_start_matches([' ', '\t']).starts_with("على حد ")
        };
        // `؟’ ، معلنا`: the sentence goes on after a comma or a colon.
        // `. »، برر`: also after a space-padded closing quote.
        let continues = {
            let first = (m..n).find(|&i| !chars[i].1.is_whitespace());
            match first.map(|i| (i, chars[i].1)) {
                Some((i, c)) if is_quote_mark(c) && i > m => (i + 1..n)
                    .find(|&x| !chars[x].1.is_whitespace())
                    .is_some_and(|x| matches!(chars[x].1, '،' | ',' | '؛' | ';')),
                Some((_, c)) => matches!(c, '،' | ',' | '؛' | ';' | ':'),
                None => false,
            }
        };
        // `مجالس.نت`: an Arabic domain name.
        let domain = kind == Run::Dot && !closers && is_arabic_domain(&text[byte_at(j)..]);
        // `آر.بي.جي`: an initialism of Latin letters spelled in Arabic; `سارة.ب:`, `سفيان.ص`:
        // a reporter's initial after the name.
        let initial = kind == Run::Dot && !closers && {
            let after = word_after(text, byte_at(j));
            // (After a joined particle only inside a chain of three: `ودي.إن الخلاف` ends a
            // sentence in `ودي`, "friendly".)
            let chained = || text[byte_at(j) + after.len()..].starts_with('.');
            (is_letter_name(after)
                && (piece.is_some_and(is_letter_name)
                    || (piece.is_some_and(is_letter_name_after_particle) && chained())))
                || (after.chars().count() == 1 && !matches!(after, "و" | "ف"))
        };
        // `“لورا. ب”`: a name's initial after the space, closing the quote it is in (not a
        // sign-off of initials after a sentence: `العمرة. ح.ع.ح/ف.ي`).
        let spaced_initial = kind == Run::Dot && !closers && next == Some(' ') && {
            let letter = word_after(text, byte_at(j) + 1);
            let after = text[byte_at(j) + 1 + letter.len()..].chars().next();
            letter.chars().count() == 1
                && letter.chars().all(is_arabic_letter)
                && !matches!(letter, "و" | "ف")
                && after.is_some_and(|c| {
                    // A closing mark (`”`, `»`), or a straight one that closes: followed by a
                    // space, punctuation or the end (`ل“الجزيرة”` opens a quote).
                    let rest = &text[byte_at(j) + 1 + letter.len() + c.len_utf8()..];
                    matches!(c, '”' | '»' | '’' | '›')
                        || (matches!(c, '"' | '\'')
                            && rest.chars().next().is_none_or(|n| !n.is_alphanumeric()))
                })
        };
        // `08. 03. 2023`: a date written with a stop and a space after each part.
        let dotted_date = kind == Run::Dot && !closers && dotted_date_at(text, pos);
        // `عبود ".وأضاف`: a space-padded closing quote before the stop ends a real sentence.
        let padded_quote = token.is_some_and(|(start, t)| {
            !t.is_empty()
                && t.chars().all(is_quote_mark)
                && text[..start].ends_with(char::is_whitespace)
        });
        // `“… بها”./انتهى`: a news agency's end mark.
        let agency_end = text[byte_at(m)..]
            .trim_start_matches('/')
            .trim_start()
            .starts_with("انتهى")
            && next == Some('/');
        let word_before = piece.is_none_or(|p| p.chars().count() >= 2 && !is_abbreviation(p));
        // `الاحد 29 . 10 . 2017`: a date written with spaced stops.
        let spaced_date = kind == Run::Dot
            && !closers
            && text[..pos]
                .trim_end_matches(' ')
                .ends_with(|c: char| c.is_ascii_digit())
            && text[..pos].ends_with(' ')
            && text[byte_at(j)..]
                .strip_prefix(' ')
                .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()));
        let boundary = match next {
            None => false,
            _ if elision
                || continues
                || domain
                || attributed
                || initial
                || spaced_initial
                || spaced_date
                || dotted_date =>
            {
                false
            }
            Some('/') => agency_end,
            // `بالنهائي.(دبي - الاتحاد)`: a missing space before a bracketed credit (or a
            // placeholder, `أطفالهن.[ads3]`).
            Some('(' | '[') => kind == Run::Dot && !closers && word_before && token.is_some(),
            Some(w) if w.is_whitespace() => match kind {
                Run::Strong => true,
                Run::Ellipsis => closers,
                Run::Dot => {
                    !etc_inside
                        && (closers || !(piece.is_some_and(is_abbreviation) || is_list_marker))
                }
            },
            Some(l) if is_arabic_letter(l) => match kind {
                Run::Strong => true,
                Run::Ellipsis => closers,
                // R5: a missing space breaks after a real word, not inside `أ.د` or `ج.م.ع`;
                // also a stop typed with the space before it (`البلاد، .ودعا`).
                Run::Dot => {
                    !etc_inside
                        && (closers
                            || padded_quote
                            || text[..pos].ends_with(char::is_whitespace)
                            || piece.is_none_or(|p| p.chars().count() >= 2 && !is_abbreviation(p)))
                }
            },
            _ => false,
        };
        let boundary = boundary
            && !(chars[j..m].iter().any(|&(_, c)| is_quote_mark(c))
                && ends_quoted_title(&chars, k));
        if boundary {
            let mut end = m;
            // A space-padded closing quote (`حدود. " وأضاف`) still belongs to the sentence.
            let mut s = m;
            while s < n && matches!(chars[s].1, ' ' | '\t') {
                s += 1;
            }
            // `مرة! “. بعد`: the padded quote may take a stop of its own.
            let mut t = s + 1;
            while t < n && is_terminator(chars[t].1) {
                t += 1;
            }
            // (`السنجار. ]`: so does a space-padded closing bracket.)
            if s > m
                && s < n
                && (is_quote_mark(chars[s].1) || matches!(chars[s].1, ')' | ']'))
                && chars.get(t).is_none_or(|&(_, c)| c.is_whitespace())
            {
                end = t;
            }
            cuts.push(byte_at(end));
            k = end;
        } else {
            k = j;
        }
    }
    // `وطهران! -`: a piece with no letter or digit (a dash, a mark left over) after a sentence
    // is no sentence of its own; it stays with the sentence before it. (One at the start of
    // the paragraph stays as it is.)
    let spans = spans_between(text, &cuts);
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(spans.len());
    for (start, end) in spans {
        let bare = !text[start..end].chars().any(char::is_alphanumeric);
        match merged.last_mut() {
            Some(last) if bare => last.1 = end,
            _ => merged.push((start, end)),
        }
    }
    merged
}

/// Whether the stop at byte `dot` is one of the stops of a date written `08. 03. 2023`: one or
/// two ASCII digits, a stop and a space, one or two digits, a stop and a space, two or four
/// digits. (Three such numbers in a row that are no date, `10. 11. 12`, read as one too.)
fn dotted_date_at(text: &str, dot: usize) -> bool {
    // Digits then a stop then a space, as (digit count) from byte `at`; `None` otherwise.
    let part = |at: usize| -> Option<(usize, usize)> {
        let digits = text[at..].chars().take_while(char::is_ascii_digit).count();
        let rest = &text[at + digits..];
        ((1..=2).contains(&digits) && rest.starts_with(". ")).then_some((digits, at + digits + 2))
    };
    let year = |at: usize| {
        let digits = text[at..].chars().take_while(char::is_ascii_digit).count();
        let after = text[at + digits..].chars().next();
        matches!(digits, 2 | 4) && !after.is_some_and(char::is_alphanumeric)
    };
    // The start of the digits right before byte `end`.
    let digits_before = |end: usize| {
        let n = text[..end]
            .chars()
            .rev()
            .take_while(char::is_ascii_digit)
            .count();
        let start = end - n;
        let clean = text[..start]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        (n > 0 && clean).then_some(start)
    };
    let Some(start) = digits_before(dot) else {
        return false;
    };
    // The first stop: the day, then the month and the year.
    let first = part(start)
        .and_then(|(_, next)| part(next))
        .is_some_and(|(_, y)| year(y));
    // The second stop: the month after the day.
    let second = start >= 3
        && text[..start].ends_with(". ")
        && digits_before(start - 2).is_some_and(|d| {
            part(d).is_some_and(|(_, m)| m == start) && part(start).is_some_and(|(_, y)| year(y))
        });
    first || second
}

/// Top-level domains written in Arabic script after a dot (`مجالس.نت`), as written.
const ARABIC_DOMAINS: &[&str] = &["نت", "كوم", "اورج", "أورج", "اورغ", "أورغ"];

/// Whether `rest` (the text right after a dot) is an Arabic top-level domain ending there.
fn is_arabic_domain(rest: &str) -> bool {
    let word: String = rest.chars().take_while(|&c| is_arabic_letter(c)).collect();
    ARABIC_DOMAINS.contains(&word.as_str())
}

/// Trimmed, non-empty spans between sorted cut points.
fn spans_between(text: &str, cuts: &[usize]) -> Vec<(usize, usize)> {
    let mut spans = Vec::with_capacity(cuts.len() + 1);
    let mut start = 0;
    for &cut in cuts.iter().chain(std::iter::once(&text.len())) {
        if cut < start {
            continue;
        }
        if let Some(span) = super::paragraphs::trim_span(text, start, cut) {
            spans.push(span);
        }
        start = cut;
    }
    spans
}

/// Rank of a secondary split point for over-long sentences (R12); lower is better.
fn secondary_rank(text: &str, chars: &[(usize, char)], k: usize) -> Option<u8> {
    let c = chars[k].1;
    let next = chars.get(k + 1).map(|&(_, c)| c);
    let next_word = chars[k + 1..]
        .iter()
        .map(|&(_, c)| c)
        .find(|c| !c.is_whitespace());
    match c {
        '…' => Some(0),
        '.' if k > 0 && chars[k - 1].1 == '.' && next != Some('.') => Some(0),
        '؛' | ';' => Some(1),
        ':' => (!next_word.is_some_and(is_quote_mark)).then_some(2),
        '،' | ',' => {
            if c == ',' && !next.is_some_and(char::is_whitespace) {
                return None;
            }
            let after = &text[chars[k].0 + c.len_utf8()..];
            let word = after.trim_start();
            let conj = (word.starts_with('و') || word.starts_with('ف'))
                && word.chars().nth(1).is_some_and(is_arabic_letter);
            Some(if conj { 3 } else { 4 })
        }
        _ if c.is_whitespace() => Some(5),
        _ => None,
    }
}

/// Sub-split an over-long sentence (R12) into parts of at most `max_chars` characters where
/// possible: at an ellipsis, then `؛`, then `:` not before a quote, then `، و`/`، ف`, then any
/// comma, then a space; a part is cut inside a word only when it has no space at all. Returns
/// byte spans relative to `text`, trimmed, in order, covering it. Nothing is dropped.
pub fn sub_split(text: &str, max_chars: usize) -> Vec<(usize, usize)> {
    let max_chars = max_chars.max(1);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    if n <= max_chars {
        return spans_between(text, &[]);
    }
    // A cut must fall where a new combining cluster starts, or the parts would share bytes.
    let ranks: Vec<Option<u8>> = (0..n)
        .map(|k| {
            let clean_cut = chars.get(k + 1).is_none_or(|&(_, c)| starts_cluster(c));
            secondary_rank(text, &chars, k).filter(|_| clean_cut)
        })
        .collect();
    let mut cuts = Vec::new();
    let mut start = 0;
    while n - start > max_chars {
        let window_end = start + max_chars; // the part may end after char index window_end - 1
        let min_len = max_chars / 4;
        let mut best: Option<(u8, usize)> = None;
        for floor in [start + min_len, start] {
            for k in (floor..window_end).rev() {
                if let Some(r) = ranks[k] {
                    if best.is_none_or(|(br, _)| r < br) {
                        best = Some((r, k));
                    }
                }
            }
            if best.is_some() {
                break;
            }
        }
        let cut_after = match best {
            Some((_, k)) => k + 1,
            None => {
                // No space at all: cut at the window, never inside a combining cluster.
                let back = (start + 1..=window_end)
                    .rev()
                    .find(|&k| starts_cluster(chars[k].1));
                let forward = || (window_end + 1..n).find(|&k| starts_cluster(chars[k].1));
                match back.or_else(forward) {
                    Some(k) => k,
                    None => break,
                }
            }
        };
        let cut_after = cut_after.max(start + 1);
        cuts.push(chars.get(cut_after).map_or(text.len(), |&(b, _)| b));
        start = cut_after;
        while start < n && chars[start].1.is_whitespace() {
            start += 1;
        }
    }
    spans_between(text, &cuts)
}
