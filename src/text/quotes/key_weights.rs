//! Learned weights of single words, as the training scripts write them: one `key<TAB>weight`
//! line per key, `#` lines are comments (`rerank/lexical_weights.tsv`,
//! `speech/speech_weights.tsv`).

use std::collections::HashMap;

/// The weights of a weight file's lines. A line that does not parse, or whose weight is not a
/// finite number, gives no weight (the files' tests check that there is none).
pub(crate) fn parse(text: &str) -> HashMap<String, f32> {
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let (k, w) = l.split_once('\t')?;
            let w: f32 = w.trim().parse().ok()?;
            w.is_finite().then(|| (k.to_string(), w))
        })
        .collect()
}

/// Panics (for tests) unless every line of the weight file `name` parses to a finite weight,
/// no key is written twice and there are more than a hundred keys.
#[cfg(test)]
pub(crate) fn check(text: &str, name: &str) {
    let lines: Vec<&str> = text.lines().filter(|l| !l.starts_with('#')).collect();
    for (n, l) in lines.iter().enumerate() {
        let parsed = l
            .split_once('\t')
            .and_then(|(_, w)| w.trim().parse::<f32>().ok());
        assert!(
            parsed.is_some_and(f32::is_finite),
            "line {} of {name}: {l:?}",
            n + 1
        );
    }
    assert_eq!(
        parse(text).len(),
        lines.len(),
        "a key written twice in {name}"
    );
    assert!(lines.len() > 100, "{name} has {} keys", lines.len());
}

#[cfg(test)]
mod tests {
    #[test]
    fn lines_that_are_no_weights_give_none() {
        let w = super::parse("# comment\na\t1.5\nb\tNaN\nc\tinf\nd 2\ne\t-0.25\n");
        assert_eq!(w.len(), 2);
        assert_eq!(w["a"], 1.5);
        assert_eq!(w["e"], -0.25);
    }
}
