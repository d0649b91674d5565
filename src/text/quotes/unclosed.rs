//! Where a quote whose closing mark was never typed really ends.
//!
//! A writer who forgets the closer goes on with the story inside the "quote": `إن "وجود
//! المفتشين ضروري، مضيفًا: "لا يمكن …".` or `"نريد معرفة ما يحدث، مؤكدة أنه …`. The quote
//! ends before the comma that introduces the next reporting cue, and a quote opened after that
//! cue stands on its own.

use super::cues::cue_kind;
use super::lexicon::CueKind;
use super::marks::{MarkQuote, Part};
use super::words::{TokKind, Token};

/// Words a quote keeps before a cut: a cue right after the opening is left alone.
const MIN_WORDS_BEFORE_CUT: usize = 3;

/// Shorten the outermost unclosed quotes of `quotes` (ordered by opening mark) at the first
/// comma followed by a reporting verb, participle or "according to" form; quotes nested in the
/// cut-off tail become outermost. `toks` are the tokens of each paragraph.
pub(crate) fn end_unclosed(toks: &[Vec<Token>], quotes: &mut [MarkQuote]) {
    for i in 0..quotes.len() {
        let q = &quotes[i];
        if q.depth != 0 || !q.flags.contains(&"unclosed") {
            continue;
        }
        let Some((part, cut)) = cut_point(toks, q) else {
            trim_stray_tail(toks, &mut quotes[i]);
            continue;
        };
        let q = &mut quotes[i];
        let old_end = q.end;
        q.parts.truncate(part + 1);
        q.parts[part].end = cut;
        q.flags.retain(|f| *f != "spans_paragraphs");
        q.end = cut;
        // Quotes opened after the cut were nested only because this one never closed.
        for inner in quotes[i + 1..].iter_mut() {
            if inner.open < cut || inner.open >= old_end {
                continue;
            }
            inner.depth = inner.depth.saturating_sub(1);
            if inner.depth == 0 {
                inner.flags.retain(|f| *f != "nested");
            }
        }
    }
}

/// The part index and byte offset at which quote `q` ends early, if a cue follows a comma in
/// its content.
fn cut_point(paragraph_toks: &[Vec<Token>], q: &MarkQuote) -> Option<(usize, usize)> {
    let mut words = 0;
    for (pi, part) in q.parts.iter().enumerate() {
        let toks = part_tokens(paragraph_toks, part);
        for (k, t) in toks.iter().enumerate() {
            if t.is_word() {
                words += 1;
                continue;
            }
            if !matches!(t.punct(), Some('،' | ',')) || words < MIN_WORDS_BEFORE_CUT {
                continue;
            }
            let Some(next) = toks.get(k + 1).filter(|n| n.is_word()) else {
                continue;
            };
            // A verb goes on with the story only as `وأضاف`, `فقال`: an unprefixed one may be
            // the speaker's own (`… لها، تؤكد استخفافهم`, `… المملكة، أعتبر نفسي`).
            let story_verb = next.norm.starts_with(['و', 'ف']);
            let goes_on = match cue_kind(&next.norm) {
                Some(CueKind::Participle | CueKind::According) => true,
                Some(CueKind::Verb) => story_verb,
                _ => false,
            };
            if goes_on {
                // The quote ends with the token before the comma (a comma opening a later
                // paragraph's part leaves that part empty).
                let end = k.checked_sub(1).map_or(part.start, |b| toks[b].end);
                return Some((pi, end));
            }
        }
    }
    None
}

/// `… معاه مو زين”.` at the end of a paragraph that an unclosed quote runs to: the marks (and
/// `|`) after the last word, with the full stop among them, are no part of the quote's words
/// (a full stop alone is: the sentence's end inside the quote). Stops at `؟` and `!`, which
/// are the speaker's.
fn trim_stray_tail(paragraph_toks: &[Vec<Token>], q: &mut MarkQuote) {
    let Some(last) = q.parts.last_mut() else {
        return;
    };
    let toks = part_tokens(paragraph_toks, last);
    let tail = toks
        .iter()
        .rev()
        .take_while(|t| t.kind == TokKind::Mark || matches!(t.punct(), Some('.' | '|' | ':')))
        .count();
    let stray = toks[toks.len() - tail..]
        .iter()
        .any(|t| t.kind == TokKind::Mark || t.punct() == Some('|'));
    // (Also a mark that might close one opened inside the quote, `… “مو زين”.`: the writer
    // more often meant it to close the quote itself.)
    if !stray || tail == toks.len() {
        return;
    }
    let end = toks[toks.len() - tail - 1].end;
    last.end = end;
    q.end = end;
}

/// The tokens of a quote's `part` (within its paragraph's tokens).
fn part_tokens<'t>(paragraph_toks: &'t [Vec<Token>], part: &Part) -> &'t [Token] {
    let pt = &paragraph_toks[part.paragraph];
    let lo = pt.partition_point(|x| x.start < part.start);
    let hi = lo + pt[lo..].iter().take_while(|x| x.end <= part.end).count();
    &pt[lo..hi]
}
