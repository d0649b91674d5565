//! Word tokens with byte offsets, and the spelling normalisation used to match them against the
//! word lists (diacritics and tatweel removed, hamza-alef forms, alef maqsura and ta marbuta
//! folded). The normalised form is only ever used for matching, never shown.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokKind {
    /// A run of letters, digits, combining marks and tatweel.
    Word,
    /// One punctuation or symbol character that is not a quote mark.
    Punct(char),
    /// One quote mark.
    Mark,
}

/// A token: a byte span of the input and its normalised form (empty for non-words).
#[derive(Debug, Clone)]
pub(crate) struct Token {
    /// Byte offset of the token's start in the input.
    pub start: usize,
    /// Byte offset of the token's end in the input (exclusive).
    pub end: usize,
    /// Word, punctuation or quote mark.
    pub kind: TokKind,
    /// Normalised spelling of a word (see [`norm`]); empty for other tokens.
    pub norm: String,
    /// True when the token lies inside the content of a quote.
    pub in_quote: bool,
    /// True when the word ends in the pronoun suffix `ه` (written `ه`, not `ة`), has at least
    /// four letters and no article (`حديثه`, `دعوته`, `زيارتها`; not `المياه`, `الله`).
    pub suffixed: bool,
    /// True when the word is written with a tanwin fatha (`اعتماداً`, `ردًا`): an indefinite
    /// accusative, never a name.
    pub tanwin: bool,
}

impl Token {
    /// True for a word token.
    pub fn is_word(&self) -> bool {
        self.kind == TokKind::Word
    }
    /// The punctuation character, if the token is one.
    pub fn punct(&self) -> Option<char> {
        match self.kind {
            TokKind::Punct(c) => Some(c),
            _ => None,
        }
    }
}

/// True for the quote-mark characters the pairing knows (see `marks::family`).
pub(crate) fn is_mark_char(c: char) -> bool {
    super::marks::family(c).is_some()
}

/// Arabic combining marks (harakat, shadda, sukun, dagger alef …) that belong inside a word.
pub(crate) fn is_diacritic(c: char) -> bool {
    matches!(c, '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}')
}

/// The word that starts at byte `at` of `input`: its letters and the diacritics and tatweel
/// inside it.
pub(crate) fn word_at(input: &str, at: usize) -> Option<&str> {
    input
        .get(at..)?
        .split(|c: char| !c.is_alphabetic() && !is_diacritic(c) && c != '\u{0640}')
        .next()
}

/// True when a normalised word has a letter of the basic Arabic block (hamza to yeh): a word
/// of an Arabic story, not a link, a number or a Latin name.
pub(crate) fn has_arabic_letter(norm: &str) -> bool {
    norm.chars().any(|c| ('\u{0621}'..='\u{064A}').contains(&c))
}

/// True for a character that is part of a word.
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_diacritic(c) || c == '\u{0640}' || c == '_'
}

/// Clear the pronoun-suffix flag of a short word ending in `ـه` that the page writes right
/// after a sure given name (`مارك روته`): there it is a surname, and so it is wherever the
/// page writes it alone (`وقال روته`).
pub(crate) fn unsuffix_surnames(paragraphs: &mut [Vec<Token>]) {
    use super::lexicon::GivenName;
    let mut surnames: std::collections::HashSet<String> = std::collections::HashSet::new();
    for t in paragraphs.iter() {
        for w in t.windows(2) {
            // (Four letters at most: `عمر جابر حديثه` ends with his talk, not a name.)
            if w[1].suffixed
                && w[1].norm.chars().count() <= 4
                && w[0].is_word()
                && w[1].is_word()
                && w[1].start - w[0].end <= 1
                && super::lexicon::given_name(&w[0].norm) == Some(GivenName::Sure)
                // (`عن محمد قوله`: a noun of speech with its pronoun stays one.)
                && super::cues::cue_kind(&w[1].norm).is_none()
                && !super::speakers::is_his_speech(&w[1].norm)
            {
                surnames.insert(w[1].norm.clone());
            }
        }
    }
    if surnames.is_empty() {
        return;
    }
    for t in paragraphs.iter_mut().flatten() {
        if t.suffixed && surnames.contains(&t.norm) {
            t.suffixed = false;
        }
    }
}

/// True for an honorific or rank written right before a person's name, never before a
/// genitive or a preposition's object (`الدكتور`, `المستشار`, `اللواء`, `د.`), normalised.
pub(crate) fn is_name_honorific(norm: &str) -> bool {
    matches!(
        norm,
        "د" | "الدكتور"
            | "الدكتوره"
            | "المستشار"
            | "المهندس"
            | "المهندسه"
            | "اللواء"
            | "العميد"
            | "الفريق"
            | "الشيخ"
            | "الكابتن"
            | "الاستاذ"
            | "الاستاذه"
            | "الحاج"
    )
}

/// Read `على` as the given name `علي` (so Egyptian pages spell it) before a word the page
/// writes after an honorific and `على` (`الدكتور على عبدالعال`, `المهندس على المصيلحي`), there
/// and wherever else the page writes the two together (`وقال على المصيلحي`). An honorific
/// followed by the preposition (`حصل الدكتور على جائزة`) is told apart by the word after it,
/// which must read as a name.
pub(crate) fn read_ali_as_name(paragraphs: &mut [Vec<Token>]) {
    use super::lexicon::{given_name_by_shape, is_common_word};
    let name_like = |n: &str| {
        n.chars().count() >= 3
            && (n.starts_with("عبد")
                || given_name_by_shape(n).is_some()
                || (has_article(n) && n.ends_with('ي') && !is_common_word(n)))
    };
    let mut surnames: std::collections::HashSet<String> = std::collections::HashSet::new();
    for t in paragraphs.iter() {
        for w in t.windows(3) {
            // (Only an honorific that writes a name after it: `ورد المتحدث على التركي`,
            // `تغلب اللاعب على الياباني` have a role and the preposition.)
            let honorific = is_name_honorific(&w[0].norm);
            if w.iter().all(Token::is_word)
                && w[1].norm == "على"
                && honorific
                && name_like(&w[2].norm)
            {
                surnames.insert(w[2].norm.clone());
            }
        }
    }
    if surnames.is_empty() {
        return;
    }
    for t in paragraphs.iter_mut() {
        for k in 1..t.len() {
            if t[k - 1].norm == "على" && t[k].is_word() && surnames.contains(&t[k].norm) {
                t[k - 1].norm = "علي".to_string();
            }
        }
    }
}

/// Join `بلا حدود` ("without borders"), written on one line of `input`, into one word: it
/// closes the names of bodies (`أطباء بلا حدود`, `مراسلون بلا حدود`) that would otherwise end
/// at the preposition. Join a conjunction `و` written as a word of its own to the word after it,
/// and two halves of a hyphenated surname.
fn join_split_words(input: &str, t: &mut Vec<Token>) {
    let mut k = 0;
    while k + 1 < t.len() {
        let joined = t[k].is_word()
            && t[k + 1].is_word()
            && t[k].norm == "بلا"
            && t[k + 1].norm == "حدود"
            && input[t[k].end..t[k + 1].start].chars().all(|c| c == ' ');
        if joined {
            let next = t.remove(k + 1);
            t[k].end = next.end;
            t[k].norm = "بلا حدود".to_string();
        }
        // `حزب الأصالة و المعاصرة`, `و قال`: some sites write the conjunction as a word of its
        // own; it is read as the prefix it is.
        let spaced_waw = k + 1 < t.len()
            && t[k].is_word()
            && t[k + 1].is_word()
            && &input[t[k].start..t[k].end] == "و"
            && has_arabic_letter(&t[k + 1].norm)
            && input[t[k].end..t[k + 1].start].chars().all(|c| c == ' ');
        if spaced_waw {
            let norm = format!("و{}", t[k + 1].norm);
            absorb(t, k, k + 1, norm);
        }
        // `جينين هينيس-بلاسخارت`: two words of no prose joined by a hyphen, no space on
        // either side, are one surname (not `الوزير-في تصريح`, `المصرية-القطرية`).
        let name_part = |t: &Token| {
            t.is_word()
                && has_arabic_letter(&t.norm)
                && !super::lexicon::is_common_word(&t.norm)
                && !super::lexicon::stop_words().contains(t.norm.as_str())
                && !has_article(&t.norm)
        };
        let hyphenated = k + 2 < t.len()
            && t[k + 1].punct() == Some('-')
            && t[k].end == t[k + 1].start
            && t[k + 1].end == t[k + 2].start
            && name_part(&t[k])
            && name_part(&t[k + 2]);
        if hyphenated {
            let norm = format!("{}-{}", t[k].norm, t[k + 2].norm);
            absorb(t, k, k + 2, norm);
        }
        k += 1;
    }
}

/// Make `t[k]` the word written from it to `t[last]`, read as `norm`: it ends where `t[last]`
/// does and takes its suffix and tanwin flags; the tokens after `t[k]` up to `t[last]` go.
fn absorb(t: &mut Vec<Token>, k: usize, last: usize, norm: String) {
    let next = t.remove(last);
    t.drain(k + 1..last);
    t[k].end = next.end;
    t[k].norm = norm;
    t[k].suffixed = next.suffixed;
    t[k].tanwin = next.tanwin;
}

/// Split `input[start..end]` into tokens with absolute byte offsets. Whitespace separates tokens
/// and is dropped (`بلا حدود` and `و قال` are one word: see [`join_split_words`]). `start` and
/// `end` must lie on character boundaries.
pub(crate) fn tokenize(input: &str, start: usize, end: usize) -> Vec<Token> {
    let mut out = Vec::new();
    let text = &input[start..end];
    let mut word_start: Option<usize> = None;
    let flush = |out: &mut Vec<Token>, ws: &mut Option<usize>, at: usize| {
        if let Some(s) = ws.take() {
            let norm = norm(&text[s..at]);
            // A possessed noun never carries the article: `المياه` ends in a root letter.
            // `عبدالله`, `نصرالله`: names ending in `الله`, not a pronoun suffix.
            // `أبو ردينه`, `عبد ربه`: after a name's connector the word is a name part.
            let after_connector = out.last().is_some_and(|t: &Token| {
                matches!(
                    t.norm.as_str(),
                    "ابو" | "ابي" | "ابا" | "بن" | "ابن" | "بنت" | "ال" | "عبد" | "ولد"
                )
            });
            let suffixed = norm.chars().count() >= 4
                && !has_article(&norm)
                && !norm.ends_with("الله")
                && !after_connector
                && text[s..at].trim_end_matches(is_diacritic).ends_with('ه')
                // `نبيه بري`, `وجيه`: a given name ending in `ـه`.
                && super::lexicon::given_name_by_shape(&norm).is_none();
            out.push(Token {
                start: start + s,
                end: start + at,
                kind: TokKind::Word,
                norm,
                in_quote: false,
                suffixed,
                tanwin: text[s..at].contains('\u{064B}'),
            });
        }
    };
    let mut prev: Option<char> = None;
    for (i, c) in text.char_indices() {
        if is_word_char(c) {
            // `EPAوصف`: a Latin credit glued to an Arabic word is a word of its own; so is a
            // scraped time or date (`18:05خبير`).
            let script_change = prev.is_some_and(|p| {
                let arabic = crate::text::sentences::is_arabic_letter;
                word_start.is_some()
                    && (((p.is_ascii_alphabetic() || p.is_ascii_digit()) && arabic(c))
                        || (arabic(p) && c.is_ascii_alphabetic()))
            });
            if script_change {
                flush(&mut out, &mut word_start, i);
            }
            if word_start.is_none() {
                word_start = Some(i);
            }
            prev = Some(c);
            continue;
        }
        prev = Some(c);
        flush(&mut out, &mut word_start, i);
        // `متحدث #الصحة`: a hashtag sign is no token; the word after it reads as written.
        if c.is_whitespace() || c == '#' {
            continue;
        }
        // `د.أيمن أبو الرب`: the dot of the title `د.` does not cut the phrase.
        if c == '.'
            && out
                .last()
                .is_some_and(|t: &Token| t.norm == "د" && t.end == start + i)
        {
            continue;
        }
        let kind = if is_mark_char(c) {
            TokKind::Mark
        } else {
            TokKind::Punct(c)
        };
        out.push(Token {
            start: start + i,
            end: start + i + c.len_utf8(),
            kind,
            norm: String::new(),
            in_quote: false,
            suffixed: false,
            tanwin: false,
        });
    }
    flush(&mut out, &mut word_start, text.len());
    join_split_words(input, &mut out);
    out
}

/// The matching form of a word: diacritics and tatweel removed, `أ إ آ ٱ` → `ا`, `ة` → `ه`.
/// A final `ى` is kept apart from `ي` in short words (folding them would make the name `علي`
/// the preposition `على`) and read as `ي` in words of five letters or more (`المحامى`).
///
/// A hamza-alef before `ل` at the start of a word is kept (`ألباريس`, `أليو`, `ألمانيا`,
/// `آل`): folded, it would read as the definite article.
pub(crate) fn norm(word: &str) -> String {
    let mut letters = word
        .chars()
        .filter(|&c| !is_diacritic(c) && c != '\u{0640}')
        .peekable();
    let mut out = String::with_capacity(word.len());
    if let Some(&first) = letters.peek() {
        if matches!(first, 'أ' | 'إ' | 'آ') {
            letters.next();
            let keep = letters.peek() == Some(&'ل');
            out.push(if keep { first } else { 'ا' });
        }
    }
    out.extend(letters.map(|c| match c {
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ة' | 'ۀ' => 'ه',
        // Persian letters in Arabic text (`کنعاني`): the Arabic kaf and yeh.
        'ک' => 'ك',
        'ی' => 'ي',
        c => c,
    }));
    // `المحامى`, `زيلينسكى`: Egyptian pages write a final ي as ى; a long word is read with
    // ي whichever way it is written (short ones differ: `على`, `علي`).
    // (Counted without a joined `و`/`ف`, so `وأبدى` reads as `أبدى` does.)
    let stem = out.strip_prefix(['و', 'ف']).unwrap_or(&out);
    if out.ends_with('ى') && stem.chars().count() >= 5 {
        out.pop();
        out.push('ي');
    }
    out
}

/// The word without a leading definite article (`ال`, or `لل` = preposition + article).
pub(crate) fn strip_article(w: &str) -> &str {
    let n = w.chars().count();
    if n > 3 {
        if let Some(rest) = w.strip_prefix("ال") {
            return rest;
        }
        if let Some(rest) = w.strip_prefix("لل") {
            return rest;
        }
    }
    w
}

/// True when the word starts with the definite article (`ال` or `لل`).
pub(crate) fn has_article(w: &str) -> bool {
    w.chars().count() > 3 && (w.starts_with("ال") || w.starts_with("لل"))
}

/// The forms of a word to look up in a word list: as written, then without one conjunction
/// prefix (`و`, `ف`), then without a preposition-plus-article prefix (`بال`, `وبال`).
///
/// An imperfect verb after the purpose `لـ` (`ليؤكد`, `لتقول`) is looked up without it too.
pub(crate) fn lookup_forms(w: &str) -> impl Iterator<Item = &str> {
    let mut forms: [Option<&str>; 3] = [Some(w), None, None];
    if w.chars().count() >= 3 {
        forms[1] = w.strip_prefix('و').or_else(|| w.strip_prefix('ف'));
    }
    let base = forms[1].unwrap_or(w);
    if base.chars().count() > 4 {
        forms[2] = base.strip_prefix("بال");
    }
    if forms[2].is_none() && base.chars().count() >= 4 {
        forms[2] = base
            .strip_prefix('ل')
            .filter(|r| r.starts_with('ي') || r.starts_with('ت'));
    }
    forms.into_iter().flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn norm_folds_spelling_variants() {
        assert_eq!(norm("قائلاً"), "قائلا");
        assert_eq!(norm("صرّح"), "صرح");
        assert_eq!(norm("معتبرة"), "معتبره");
        assert_eq!(norm("أكّد"), "اكد");
        assert_eq!(norm("نفى"), "نفى");
        assert_ne!(norm("على"), norm("علي"));
    }

    #[test]
    fn tokenize_keeps_offsets() {
        let s = "وقال لافروف: \"لقد\"";
        let t = tokenize(s, 0, s.len());
        let texts: Vec<&str> = t.iter().map(|t| &s[t.start..t.end]).collect();
        assert_eq!(texts, ["وقال", "لافروف", ":", "\"", "لقد", "\""]);
        assert_eq!(t[3].kind, TokKind::Mark);
    }

    #[test]
    fn lookup_forms_strip_prefixes() {
        let f: Vec<&str> = lookup_forms("وبالقول").collect();
        assert_eq!(f, ["وبالقول", "بالقول", "قول"]);
    }
}
