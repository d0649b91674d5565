//! Closing a document after translation: join parts, set flags, find quotes in the English.

use super::locate::{self, QuotePlace};
use super::{flag, Accounting, Document, Flag, QuoteInEnglish, Sentence, UnitOptions};

/// Flags that [`Document::finish`] computes (and recomputes when called again).
fn computed(f: &Flag) -> bool {
    matches!(
        f,
        Flag::QuoteMarksLost | Flag::Untranslated(_) | Flag::BoilerplateSkipped
    )
}

impl Document {
    /// Joins sub-split parts, flags what could not be translated, finds each quote in its
    /// translated sentences, and returns the counts.
    ///
    /// `options` must be the ones given to [`Document::mt_units`]: they tell a skipped
    /// boilerplate paragraph from a missing result. Calling it again recomputes everything.
    pub fn finish(&mut self, options: &UnitOptions) -> Accounting {
        for p in &mut self.paragraphs {
            let skipped = p.boilerplate && options.skip_boilerplate;
            for s in &mut p.sentences {
                finish_sentence(s, skipped);
            }
        }
        for k in 0..self.quotes.len() {
            let skipped = self.quote_skipped(&self.quotes[k], options);
            let mut found = Vec::new();
            let mut lost = false;
            for &(pn, sn) in &self.quotes[k].sentences {
                let Some(s) = self.sentence(pn, sn) else {
                    continue;
                };
                lost |= s.flags.contains(&Flag::QuoteMarksLost);
                let here = s.quotes.iter().filter(|qs| qs.quote == self.quotes[k].id);
                for span in here.filter_map(|qs| qs.en) {
                    let english = s.translation.as_deref().unwrap_or("");
                    found.push(QuoteInEnglish {
                        sentence: s.id.clone(),
                        span,
                        text: english[span.start..span.end].to_string(),
                    });
                }
            }
            let q = &mut self.quotes[k];
            q.flags.retain(|f| !computed(f));
            q.in_translation = found;
            if lost {
                flag::add(&mut q.flags, Flag::QuoteMarksLost);
            }
            if q.speech && q.translation.is_none() {
                let why = if q.mt_input.is_none() {
                    Flag::Untranslated("nothing to translate".into())
                } else if skipped && q.failure.is_none() {
                    Flag::BoilerplateSkipped
                } else {
                    let reason = q.failure.as_deref().unwrap_or("no translation received");
                    Flag::Untranslated(reason.to_string())
                };
                flag::add(&mut q.flags, why);
            }
        }
        self.accounting()
    }
}

fn finish_sentence(s: &mut Sentence, skipped: bool) {
    s.flags.retain(|f| !computed(f));
    s.translation = None;
    s.score = None;
    for qs in &mut s.quotes {
        qs.en = None;
    }
    let total = s.parts.len();
    let live: Vec<(usize, &super::Part)> = s
        .parts
        .iter()
        .enumerate()
        .filter(|(_, p)| !p.mt_input.is_empty())
        .collect();
    if live.is_empty() {
        let why = if skipped {
            Flag::BoilerplateSkipped
        } else {
            Flag::Untranslated("nothing to translate".into())
        };
        s.flags.push(why);
        return;
    }
    if let Some(&(k, missing)) = live.iter().find(|(_, p)| p.translation.is_none()) {
        let untouched = live
            .iter()
            .all(|(_, p)| p.translation.is_none() && p.failure.is_none());
        let why = if skipped && untouched {
            Flag::BoilerplateSkipped
        } else {
            let reason = missing
                .failure
                .as_deref()
                .unwrap_or("no translation received");
            if total > 1 {
                Flag::Untranslated(format!("part {}/{total}: {reason}", k + 1))
            } else {
                Flag::Untranslated(reason.to_string())
            }
        };
        s.flags.push(why);
        return;
    }
    let pieces: Vec<&str> = live
        .iter()
        .filter_map(|(_, p)| p.translation.as_deref())
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .collect();
    if pieces.is_empty() {
        s.flags
            .push(Flag::Untranslated("model returned empty output".into()));
        return;
    }
    let english = pieces.join(" ");
    let scores: Vec<f32> = live.iter().filter_map(|(_, p)| p.score).collect();
    s.score = (!scores.is_empty()).then(|| scores.iter().sum::<f32>() / scores.len() as f32);

    let input_marks: usize = live
        .iter()
        .map(|(_, p)| locate::input_marks(&p.mt_input))
        .sum();
    if input_marks > 0 && locate::english_marks(&english) < input_marks {
        s.flags.push(Flag::QuoteMarksLost);
    }
    for qs in &mut s.quotes {
        let Some(ar) = qs.ar else { continue };
        let place = QuotePlace {
            ar,
            opens: qs.opens,
            closes: qs.closes,
        };
        qs.en = locate::locate(&s.text, &english, input_marks, &place);
    }
    s.translation = Some(english);
}
