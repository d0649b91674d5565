//! The batch runner with the fake model and pipeline, as a real process: the kill-and-resume
//! test starts it, kills it with SIGKILL mid-run and starts it again.
//!
//! ```sh
//! cargo run --example batch_fake -- samples -o /tmp/out --cache /tmp/store.sqlite --delay-ms 50
//! ```
//!
//! Exit status as `tarjama translate`: 0 all done, 1 some file failed, 2 usage or setup error.

use std::path::PathBuf;
use std::time::Duration;

use clap::Parser;
use tarjama::batch::fake::{FakeBackend, FakePipeline};
use tarjama::batch::jobs::{glob_set, plan, Shard};
use tarjama::batch::progress::{Progress, ProgressMode};
use tarjama::batch::runner::{run, RunConfig};
use tarjama::batch::store::open_store;
use tarjama::batch::BatchError;

#[derive(Parser)]
struct Args {
    /// Input files and directories.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Output directory.
    #[arg(short = 'o', long = "out")]
    outdir: PathBuf,
    /// Store file.
    #[arg(long)]
    cache: Option<PathBuf>,
    /// Use an in-memory store.
    #[arg(long)]
    no_cache: bool,
    /// Only this part of the batch.
    #[arg(long)]
    shard: Option<Shard>,
    /// File patterns under directories.
    #[arg(long = "glob")]
    globs: Vec<String>,
    /// Decode invalid UTF-8 with replacement characters.
    #[arg(long)]
    lossy: bool,
    /// No progress output.
    #[arg(long)]
    quiet: bool,
    /// Seconds between progress lines on a non-terminal.
    #[arg(long, default_value_t = 10.0)]
    progress_interval: f64,
    /// Inputs per model call.
    #[arg(long, default_value_t = 8)]
    batch: usize,
    /// Files prepared ahead of the model.
    #[arg(long, default_value_t = 4)]
    read_ahead: usize,
    /// Milliseconds each fake model call sleeps.
    #[arg(long, default_value_t = 0)]
    delay_ms: u64,
}

fn main() {
    let args = match Args::try_parse() {
        Ok(args) => args,
        Err(e) => {
            let _ = e.print();
            std::process::exit(if e.use_stderr() { 2 } else { 0 });
        }
    };
    match batch(&args) {
        Ok(code) => std::process::exit(code),
        Err(e) => {
            eprintln!("batch_fake: {e}");
            std::process::exit(e.exit_code());
        }
    }
}

fn batch(args: &Args) -> Result<i32, BatchError> {
    let globs = glob_set(&args.globs)?;
    let plan = plan(&args.inputs, &globs, &args.outdir, args.shard)?;
    let mut store = open_store(args.cache.as_deref(), args.no_cache)?;
    let mut config = RunConfig::new(args.inputs.clone(), args.outdir.clone());
    config.shard = args.shard;
    config.lossy = args.lossy;
    config.batch_inputs = args.batch;
    config.read_ahead = args.read_ahead;
    let interval = Duration::from_secs_f64(args.progress_interval.max(0.0));
    let progress = Progress::stderr(ProgressMode::auto(args.quiet, interval));
    let mut backend = FakeBackend {
        delay: Duration::from_millis(args.delay_ms),
        ..FakeBackend::default()
    };
    let report = run(
        &config,
        &plan,
        &FakePipeline::default(),
        &mut backend,
        &mut store,
        &progress,
    )?;
    Ok(report.exit_code())
}
