//! Helpers shared by the batch integration tests.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use tarjama::batch::fake::{FakeBackend, FakePipeline};
use tarjama::batch::jobs::{glob_set, plan, Shard};
use tarjama::batch::progress::{Progress, ProgressMode};
use tarjama::batch::runner::{run, RunConfig, RunReport};
use tarjama::batch::store::Store;

/// Writes `bytes` to `root/relative`, creating directories.
pub fn write(root: &Path, relative: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = root.join(relative);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, bytes).unwrap();
    path
}

/// Every file under `root` (relative path → bytes), manifests left out (they hold timestamps).
pub fn tree(root: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    if !root.exists() {
        return out;
    }
    for entry in walkdir::WalkDir::new(root) {
        let entry = entry.unwrap();
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = entry
            .path()
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        if rel.starts_with("tarjama-manifest") {
            continue;
        }
        out.insert(rel, std::fs::read(entry.path()).unwrap());
    }
    out
}

/// Options for [`run_fake`].
#[derive(Clone)]
pub struct Opts {
    pub batch_inputs: usize,
    pub read_ahead: usize,
    pub lossy: bool,
    pub shard: Option<Shard>,
    pub globs: Vec<String>,
}

impl Default for Opts {
    fn default() -> Self {
        Opts {
            batch_inputs: 8,
            read_ahead: 4,
            lossy: false,
            shard: None,
            globs: Vec::new(),
        }
    }
}

/// Plans and runs a batch with the fake pipeline, quietly.
pub fn run_fake(
    inputs: &[PathBuf],
    outdir: &Path,
    store: &mut Store,
    backend: &mut FakeBackend,
    opts: &Opts,
) -> RunReport {
    let globs = glob_set(&opts.globs).unwrap();
    let plan = plan(inputs, &globs, outdir, opts.shard).unwrap();
    let mut config = RunConfig::new(inputs.to_vec(), outdir.to_path_buf());
    config.batch_inputs = opts.batch_inputs;
    config.read_ahead = opts.read_ahead;
    config.lossy = opts.lossy;
    config.shard = opts.shard;
    let progress = Progress::new(ProgressMode::Quiet, Box::new(std::io::sink()));
    run(
        &config,
        &plan,
        &FakePipeline::default(),
        backend,
        store,
        &progress,
    )
    .unwrap()
}

/// A small xorshift generator: kill times are random, but a failing seed can be replayed
/// (`TARJAMA_KILL_SEED=<seed>`).
pub struct Rng(u64);

impl Rng {
    /// Seeded from `TARJAMA_KILL_SEED` or the clock; prints the seed.
    pub fn from_env_or_clock() -> Self {
        let seed = std::env::var("TARJAMA_KILL_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map(|d| d.as_nanos() as u64)
                    .unwrap_or(1)
            });
        eprintln!("kill-and-resume seed: TARJAMA_KILL_SEED={seed}");
        Rng(seed | 1)
    }

    /// A number in `0..bound`.
    pub fn below(&mut self, bound: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % bound.max(1)
    }
}

/// What [`kill_and_resume`] observed.
#[derive(Debug)]
pub struct KillReport {
    /// Kills that hit a running process (it had not exited yet).
    pub interrupted: usize,
    /// Files in the output tree (manifests left out).
    pub files: usize,
}

/// The kill-and-resume check for any batch command.
///
/// `command(outdir, store)` must build the full command line of one batch run writing into
/// `outdir` with the translation store at `store` (e.g. `tarjama translate IN -o OUTDIR
/// --cache STORE -f …`). The check:
///
/// 1. runs it once undisturbed into a reference directory (fresh store), expecting exit 0;
/// 2. in a second directory with its own fresh store, starts it and sends the process SIGKILL
///    after a random delay within the reference run's duration, until `kills` kills have hit
///    a running process (at most `4 × kills` tries; a try that finds the process finished
///    shortens the delays);
/// 3. runs it once more to the end (exit 0);
/// 4. asserts the two output trees are byte-identical (manifests aside) and that no temporary
///    file is left anywhere in the tree.
pub fn kill_and_resume(
    work: &Path,
    kills: usize,
    command: &dyn Fn(&Path, &Path) -> std::process::Command,
) -> KillReport {
    use std::time::{Duration, Instant};
    let reference_out = work.join("reference-out");
    let started = Instant::now();
    let status = command(&reference_out, &work.join("reference-store.sqlite"))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .expect("start the reference run");
    let reference_time = started.elapsed();
    assert_eq!(status.code(), Some(0), "reference run failed");

    let out = work.join("resumed-out");
    let store = work.join("resumed-store.sqlite");
    let mut rng = Rng::from_env_or_clock();
    let mut interrupted = 0;
    let mut span = reference_time.as_millis().max(20) as u64;
    // Run times vary on a loaded machine: a kill that finds the process already finished
    // does not count, and shortens the delays of the following attempts.
    let mut attempts = 0;
    while interrupted < kills && attempts < kills * 4 {
        attempts += 1;
        let mut child = command(&out, &store)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("start a run to kill");
        std::thread::sleep(Duration::from_millis(span / 10 + rng.below(span * 8 / 10)));
        if child.try_wait().expect("poll the child").is_none() {
            interrupted += 1;
        } else {
            span = (span * 2 / 3).max(20);
        }
        // `Child::kill` sends SIGKILL on Unix: no destructor, no flush, no cleanup runs.
        let _ = child.kill();
        let _ = child.wait();
    }
    let status = command(&out, &store)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .expect("start the resuming run");
    assert_eq!(status.code(), Some(0), "resumed run failed");

    let reference = tree(&reference_out);
    let resumed = tree(&out);
    for name in resumed.keys() {
        assert!(
            !name.contains(".tarjama-tmp-"),
            "temporary file left: {name}"
        );
    }
    assert_eq!(
        reference.keys().collect::<Vec<_>>(),
        resumed.keys().collect::<Vec<_>>(),
        "output trees list different files"
    );
    for (name, bytes) in &reference {
        assert!(
            resumed[name] == *bytes,
            "{name} differs after kill and resume"
        );
    }
    KillReport {
        interrupted,
        files: reference.len(),
    }
}
