//! `tarjama bench`: translation speed on a fixed workload, comparable with the peer engines.
//!
//! The workload is the one of the peer benchmark (`scripts/bench/peers.py`): the input text's
//! lines split after `.`, `؟` and `!`, sentences of at least three words, cycled to `--n`; every
//! sentence decoded to exactly `--len` new tokens (min = max new tokens), in consecutive chunks
//! of `--batch` sentences, one model call per chunk. Tokenization happens before the clock; one
//! warm-up pass, then the median of `--runs` timed passes. Results are printed as a table and as
//! `RESULT {json}` lines with the peer script's keys.

use std::path::PathBuf;
use std::time::Instant;

use anyhow::{bail, Context};
use clap::Args as ClapArgs;
use serde_json::json;
use tarjama::mt::DecodeOverrides;

use super::decode_args::EngineArgs;
use super::model_args::ModelArgs;
use super::Outcome;

/// Arguments of `tarjama bench`.
#[derive(Debug, ClapArgs)]
pub struct Args {
    /// Text to take the sentences from (UTF-8).
    #[arg(long)]
    pub input: PathBuf,
    /// Number of sentences per pass.
    #[arg(long, default_value_t = 64)]
    pub n: usize,
    /// New tokens per sentence (forced: min = max).
    #[arg(long = "len", default_value_t = 32)]
    pub new_tokens: usize,
    /// Beam widths to measure, comma-separated.
    #[arg(long, default_value = "1,4")]
    pub beams: String,
    /// Batch sizes (sentences per model call) to measure, comma-separated.
    #[arg(long, default_value = "1,16")]
    pub batches: String,
    /// Timed passes per configuration (the median is reported).
    #[arg(long, default_value_t = 3)]
    pub runs: usize,
    /// Name of this engine in the results.
    #[arg(long, default_value = "tarjama")]
    pub name: String,
    /// The model.
    #[command(flatten)]
    pub model: ModelArgs,
    /// The engine (its --beam, --max-new-tokens and --min-new-tokens are set by the bench).
    #[command(flatten)]
    pub engine: EngineArgs,
}

fn list(s: &str, what: &str) -> anyhow::Result<Vec<usize>> {
    s.split(',')
        .map(|x| {
            x.trim()
                .parse::<usize>()
                .ok()
                .filter(|&v| v > 0)
                .with_context(|| format!("bad {what} {x:?}"))
        })
        .collect()
}

/// The peer benchmark's sentences: split after `.`, `؟`, `!` + whitespace, ≥ 3 words, cycled.
pub fn workload(text: &str, n: usize) -> Vec<String> {
    let mut sentences = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        let mut start = 0;
        let mut chars = line.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let next_is_space = chars.peek().is_some_and(|&(_, n)| n.is_whitespace());
            if matches!(c, '.' | '؟' | '!') && next_is_space {
                sentences.push(line[start..i + c.len_utf8()].to_string());
                while chars.peek().is_some_and(|&(_, n)| n.is_whitespace()) {
                    chars.next();
                }
                start = chars.peek().map_or(line.len(), |&(j, _)| j);
            }
        }
        sentences.push(line[start..].to_string());
    }
    sentences.retain(|s| s.split_whitespace().count() >= 3);
    if sentences.is_empty() {
        return Vec::new();
    }
    (0..n)
        .map(|i| sentences[i % sentences.len()].clone())
        .collect()
}

fn peak_rss_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

/// Run `tarjama bench`.
pub fn run(args: Args) -> anyhow::Result<Outcome> {
    args.engine.apply_threads();
    let text = std::fs::read_to_string(&args.input)
        .with_context(|| format!("reading {}", args.input.display()))?;
    let sentences = workload(&text, args.n);
    if sentences.is_empty() {
        bail!(
            "{} has no sentence of three words or more",
            args.input.display()
        );
    }
    let threads = args
        .engine
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    println!(
        "{:<12} {:>4} {:>5} {:>8} {:>8} {:>10} {:>9}",
        "engine", "beam", "batch", "wall s", "sent/s", "gen tok/s", "RSS MiB"
    );
    for beam in list(&args.beams, "beam")? {
        let load_start = Instant::now();
        let translator = args
            .engine
            .builder(&args.model)
            .decode(DecodeOverrides {
                beams: Some(beam),
                max_new_tokens: Some(args.new_tokens),
                min_new_tokens: Some(args.new_tokens),
                ..DecodeOverrides::default()
            })
            // One model call per chunk, like the peers' generate/translate_batch.
            .batch_tokens(usize::MAX)
            .build()
            .with_context(|| format!("loading model {}", args.model.model))?;
        let load_s = load_start.elapsed().as_secs_f64();
        let ids: Vec<Vec<u32>> = sentences
            .iter()
            .map(|s| translator.tokenizer().encode(s))
            .collect();
        let mean_src = ids.iter().map(Vec::len).sum::<usize>() as f64 / ids.len() as f64;
        for batch in list(&args.batches, "batch")? {
            let one_pass = || -> anyhow::Result<usize> {
                let mut generated = 0;
                for chunk in ids.chunks(batch) {
                    for r in translator.translate_ids(chunk) {
                        let t = r?;
                        if t.ids.len() != args.new_tokens {
                            bail!(
                                "expected {} new tokens, got {}",
                                args.new_tokens,
                                t.ids.len()
                            );
                        }
                        generated += t.ids.len();
                    }
                }
                Ok(generated)
            };
            let warm = Instant::now();
            one_pass()?;
            let warmup_s = warm.elapsed().as_secs_f64();
            let mut times = Vec::with_capacity(args.runs);
            for _ in 0..args.runs.max(1) {
                let t = Instant::now();
                one_pass()?;
                times.push(t.elapsed().as_secs_f64());
            }
            times.sort_by(f64::total_cmp);
            let median = times[times.len() / 2];
            let n = sentences.len();
            let sent_s = n as f64 / median;
            let tok_s = (n * args.new_tokens) as f64 / median;
            let rss = peak_rss_mib();
            println!(
                "{:<12} {:>4} {:>5} {:>8.2} {:>8.2} {:>10.1} {:>9.0}",
                args.name, beam, batch, median, sent_s, tok_s, rss
            );
            let result = json!({
                "engine": args.name, "beam": beam, "batch": batch, "new_tokens": args.new_tokens,
                "sentences": n, "threads": threads,
                "runs_s": times.iter().map(|t| (t * 1000.0).round() / 1000.0).collect::<Vec<_>>(),
                "warmup_s": warmup_s, "wall_s": median, "sent_per_s": sent_s,
                "gen_tok_per_s": tok_s, "load_s": load_s, "peak_rss_mib": rss,
                "mean_src_tokens": mean_src,
                "dtype": format!("{:?}", args.engine.dtype).to_lowercase(),
            });
            println!("RESULT {result}");
        }
    }
    Ok(Outcome::Done)
}

#[cfg(test)]
mod tests {
    use super::workload;

    #[test]
    fn workload_splits_like_the_peer_script() {
        let text = "جملة أولى هنا. جملة ثانية هنا؟ قصيرة. ثالثة بلا نهاية هنا\nسطر آخر من كلمات!";
        let w = workload(text, 5);
        assert_eq!(
            w,
            vec![
                "جملة أولى هنا.",
                "جملة ثانية هنا؟",
                "ثالثة بلا نهاية هنا",
                "سطر آخر من كلمات!",
                "جملة أولى هنا.",
            ]
        );
    }
}
