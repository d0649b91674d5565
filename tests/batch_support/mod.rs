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
