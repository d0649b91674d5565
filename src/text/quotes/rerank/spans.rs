//! People the page names by a given name that no rule of `speakers/` records: loose name
//! spans, so that the learned pass may weigh them as speakers too.
//!
//! The rules record a person named without a title only where the name is closed by
//! punctuation, a role or a cue (`names/scan.rs`); a name followed by more of its clause
//! (`التقى جوزيف الحداد بالوفد`, `قدم مساعد الزويهري شكره`) is left out, and a quote after it
//! with no subject of its own (`وأضاف: "…"`) has its speaker among nobody's candidates. Here
//! a span is a sure given name (or `عبد`/`أبو` and the word after) and up to three words after
//! it, besides particles, that are given names or no common word of news prose nor of the
//! rules' lists; a word with tanwin or a family name with the article ends it. Spans already
//! among a quote's candidates (spelled the same) are not added again.

use super::lexical::in_role_lists;
use crate::text::quotes::lexicon::{given_name, is_common_word, stop_words, GivenName};
use crate::text::quotes::marks::valid_span;
use crate::text::quotes::words::lookup_forms;
use crate::text::quotes::words::{has_article, tokenize, Token};
use crate::text::Paragraph;

/// How many name words after the first a span takes at most (particles not counted).
const MAX_MORE: usize = 3;

/// Particles inside a name (`بن`, `ولد`, `آل`, and `عبد`, `أبو` before the rest of a name), normalised.
const PARTICLES: &[&str] = &["بن", "ابن", "بنت", "ال", "آل", "ولد", "ايت", "عبد", "ابو"];

/// One loose name span: where it starts, the paragraph's position among the page's
/// paragraphs, and the name as the page writes it.
pub(super) struct Span {
    /// Byte offset of its first word in the page.
    pub at: usize,
    /// Position of its paragraph among the page's paragraphs.
    pub paragraph: usize,
    /// The name as the page writes it.
    pub surface: String,
}

/// The loose name spans of the page (`input`, its `paragraphs`), outside the byte ranges of
/// `quoted` (the quotes with their marks, ascending by start), in order.
pub(super) fn name_spans(
    input: &str,
    paragraphs: &[Paragraph],
    quoted: &[(usize, usize)],
) -> Vec<Span> {
    let mut out = Vec::new();
    let mut after = 0;
    for (pi, p) in paragraphs.iter().enumerate() {
        if !valid_span(input, p, after) {
            continue;
        }
        after = p.end;
        let toks = tokenize(input, p.start, p.end);
        let inside = |t: &Token| {
            let i = quoted.partition_point(|q| q.0 <= t.start);
            quoted[..i].iter().rev().take(8).any(|q| t.start < q.1)
        };
        let mut k = 0;
        while k < toks.len() {
            let Some(len) = span_at(&toks, k, &inside) else {
                k += 1;
                continue;
            };
            out.push(Span {
                at: toks[k].start,
                paragraph: pi,
                surface: input[toks[k].start..toks[k + len - 1].end].to_string(),
            });
            k += len;
        }
    }
    out
}

/// True for a word of the rules' lists: stop words, titles, bodies, institutions and person
/// nouns.
fn listed(w: &str) -> bool {
    stop_words().contains(w) || in_role_lists(w)
}

/// The number of tokens of a loose name span opening at `toks[k]`, if one does.
fn span_at(toks: &[Token], k: usize, inside: &impl Fn(&Token) -> bool) -> Option<usize> {
    let word = |i: usize| toks.get(i).filter(|t| t.is_word() && !inside(t));
    let t = word(k)?;
    // (Inside a name already: `محمد علي` is one span, not `علي` again.)
    if k > 0 && toks[k - 1].is_word() && given_name(&toks[k - 1].norm).is_some() {
        return None;
    }
    let first = match t.norm.as_str() {
        "عبد" | "ابو" => {
            let n = word(k + 1)?;
            (has_article(&n.norm) || given_name(&n.norm).is_some()).then_some(2)?
        }
        w if given_name(w) == Some(GivenName::Sure) => 1,
        _ => return None,
    };
    let mut e = k + first;
    let mut more = 0;
    while more < MAX_MORE {
        let Some(n) = word(e) else { break };
        let w = n.norm.as_str();
        let particle = PARTICLES.contains(&w);
        // A word of the rules' lists ends the name, and so does one of them or a common word
        // of news prose after `و`, `ف` or `بال` (`ورئيس`, `بالوفد`) unless the word is a given
        // name (`وليد`).
        let prose = |f: &str| is_common_word(f) || listed(f);
        let ends =
            listed(w) || (!particle && given_name(w).is_none() && lookup_forms(w).any(prose));
        if n.tanwin || ends {
            break;
        }
        // (A family name with the article closes the name: `ليلى الكعبي رسالة`.)
        let closes = has_article(w) && !particle;
        e += 1;
        if !particle {
            more += 1;
        }
        if closes {
            break;
        }
    }
    // (A particle is no name's last word.)
    while e > k + first && PARTICLES.contains(&toks[e - 1].norm.as_str()) {
        e -= 1;
    }
    (e > k + first).then_some(e - k)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one_paragraph(text: &str) -> Vec<Paragraph> {
        vec![Paragraph {
            index: 0,
            text: text.to_string(),
            start: 0,
            end: text.len(),
            boilerplate: false,
            sentences: Vec::new(),
        }]
    }

    fn spans(text: &str) -> Vec<String> {
        name_spans(text, &one_paragraph(text), &[])
            .into_iter()
            .map(|s| s.surface)
            .collect()
    }

    #[test]
    fn a_given_name_and_its_family_name_before_more_of_the_clause() {
        assert_eq!(spans("التقى جوزيف الحداد بالوفد أمس."), ["جوزيف الحداد"]);
    }

    #[test]
    fn a_title_or_a_common_word_after_a_conjunction_or_preposition_ends_the_name() {
        assert_eq!(
            spans("استقبل جوزيف عون ورئيس الحكومة الوفد."),
            ["جوزيف عون"]
        );
        assert_eq!(spans("والتقى ميشال عون بالوفد أمس."), ["ميشال عون"]);
    }

    #[test]
    fn a_compound_given_name_and_a_particle() {
        assert_eq!(
            spans("وأكد عبد اللطيف بن راشد الزياني أن القمة ناجحة."),
            ["عبد اللطيف بن راشد الزياني"]
        );
    }

    #[test]
    fn a_given_name_alone_or_inside_quotes_is_no_span() {
        assert!(spans("قال محمد إن الوضع مستقر.").is_empty());
        let text = "قال \"جوزيف الحداد\" أمس.";
        let p = one_paragraph(text);
        let open = text.find('"').unwrap() + 1;
        let close = text.rfind('"').unwrap();
        assert!(name_spans(text, &p, &[(open, close)]).is_empty());
    }
}
