//! Times the Marian engine on synthetic sources with a forced decode length.
//!
//! `cargo run --release --example engine_bench -- MODEL_DIR [N] [NEW_TOKENS] [BEAMS] [BATCH] [SRC_LEN]`
//! (defaults 64 32 1 16 30). Sources are deterministic pseudo-random ids of length
//! SRC_LEN ± 50 % ending in EOS; every sentence generates exactly NEW_TOKENS tokens
//! (min = max new tokens), as in the peer benchmark of transformers and CTranslate2.
//! Threads: set `RAYON_NUM_THREADS`.

use std::path::PathBuf;
use std::time::Instant;

use candle_core::{DType, Device};
use candle_nn::VarBuilder;
use tarjama::mt::config::{GenerationConfig, MarianConfig};
use tarjama::mt::model::MarianModel;
use tarjama::mt::search::{generate, SearchOptions};

fn arg(args: &[String], i: usize, default: usize) -> usize {
    args.get(i)
        .map(|a| a.parse().expect("a number"))
        .unwrap_or(default)
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let dir = PathBuf::from(
        args.get(1)
            .expect("usage: engine_bench MODEL_DIR [N] [NEW] [BEAMS] [BATCH] [SRC_LEN]"),
    );
    let (n, new, beams, batch, src_len) = (
        arg(&args, 2, 64),
        arg(&args, 3, 32),
        arg(&args, 4, 1),
        arg(&args, 5, 16),
        arg(&args, 6, 30),
    );
    let cfg = MarianConfig::from_file(&dir.join("config.json"))?;
    let gen = GenerationConfig::from_file(Some(&dir.join("generation_config.json")), &cfg)?;
    // SAFETY: the weights file is not modified while mapped.
    let vb = unsafe {
        VarBuilder::from_mmaped_safetensors(
            &[dir.join("model.safetensors")],
            DType::F32,
            &Device::Cpu,
        )?
    };
    let model = MarianModel::new(&cfg, vb)?;
    let opts = SearchOptions {
        beams,
        max_new_tokens: Some(new),
        min_new_tokens: new,
        ..SearchOptions::from_generation_config(&gen)
    };
    let mut seed = 0x2545F4914F6CDD1Du64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let vocab = cfg.vocab_size as u64 - 2;
    let sources: Vec<Vec<u32>> = (0..n)
        .map(|_| {
            let len = src_len / 2 + (next() % (src_len as u64 + 1)) as usize;
            let mut s: Vec<u32> = (0..len.max(1))
                .map(|_| 2 + (next() % vocab) as u32)
                .collect();
            s.push(cfg.eos_token_id.unwrap_or(0));
            s
        })
        .collect();
    // Warm-up on one batch, then the timed run.
    generate(&model, &sources[..batch.min(n)], &opts)?;
    let t = Instant::now();
    let mut tokens = 0;
    for chunk in sources.chunks(batch) {
        tokens += generate(&model, chunk, &opts)?
            .iter()
            .map(|h| h.ids.len())
            .sum::<usize>();
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "beams {beams} batch {batch} n {n} new {new}: {secs:.2} s, {:.2} sent/s, {:.1} gen tok/s ({tokens} tokens)",
        n as f64 / secs,
        tokens as f64 / secs
    );
    Ok(())
}
