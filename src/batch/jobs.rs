//! Input discovery and planning: which files a batch translates, in which order, where their
//! outputs go, and which of them this shard owns.
//!
//! * A file named on the command line is always taken. A directory is walked recursively and a
//!   file under it is taken when its path relative to that directory matches one of the
//!   `--glob` patterns (default `*.txt`; `*` also crosses `/`, so `*.txt` finds `a/b/c.txt`).
//!   Symbolic links to files are taken; links to directories are not followed (no loops).
//! * Files are sorted by their relative path (bytewise), so every run and every machine sees the
//!   same order.
//! * Outputs mirror the input tree: `DIR/sub/a.txt` → `OUTDIR/sub/a.<suffix>` (the relative
//!   path with its extension replaced by each writer's suffix); a named file `x/a.txt` →
//!   `OUTDIR/a.<suffix>`. Two inputs that would share an output stem are a usage error.
//! * The output directory (and anything under it) is never taken as input.
//! * `--shard K/N` keeps the files whose relative path hashes to `K-1` modulo `N` (64-bit
//!   FNV-1a over the path's UTF-8 bytes with `/` separators). The hash is fixed by this
//!   documentation, not by the Rust version, so N machines running K = 1..N each get a
//!   disjoint part and together all files, and adding a file never moves the others.

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};

use super::BatchError;

/// The glob used when no `--glob` is given.
pub const DEFAULT_GLOB: &str = "*.txt";

/// One input file of the batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputFile {
    /// The file to read (absolute).
    pub path: PathBuf,
    /// Its path relative to the input it was found under, `/`-separated; the output tree
    /// mirrors it and the shard hash reads it.
    pub relative: String,
    /// Output path without extension: `OUTDIR/<relative minus extension>`. Writers append
    /// `.<suffix>` (see [`output_path`]).
    pub output_stem: PathBuf,
}

/// Something under an input directory that could not be looked at (e.g. an unreadable
/// subdirectory); the runner reports it as a failed input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiscoveryProblem {
    /// The path concerned.
    pub path: PathBuf,
    /// What went wrong.
    pub reason: String,
}

/// The planned batch: files in order plus problems met while walking.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    /// Files this shard translates, in processing order.
    pub files: Vec<InputFile>,
    /// Files found in total before sharding.
    pub total_before_shard: usize,
    /// Unreadable parts of the input trees.
    pub problems: Vec<DiscoveryProblem>,
}

/// `--shard K/N`: this machine's part of the batch (1-based `index`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// K, from 1 to `count`.
    pub index: u32,
    /// N, at least 1.
    pub count: u32,
}

impl std::str::FromStr for Shard {
    type Err = BatchError;

    /// Parses `K/N` with `1 <= K <= N`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || BatchError::Usage(format!("--shard expects K/N with 1 <= K <= N, got {s:?}"));
        let (k, n) = s.split_once('/').ok_or_else(bad)?;
        let index: u32 = k.trim().parse().map_err(|_| bad())?;
        let count: u32 = n.trim().parse().map_err(|_| bad())?;
        if count == 0 || index == 0 || index > count {
            return Err(bad());
        }
        Ok(Shard { index, count })
    }
}

impl std::fmt::Display for Shard {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

impl Shard {
    /// Whether the file with this relative path belongs to this shard.
    pub fn owns(&self, relative: &str) -> bool {
        fnv1a64(relative.as_bytes()) % u64::from(self.count) == u64::from(self.index - 1)
    }
}

/// 64-bit FNV-1a (offset basis 0xcbf29ce484222325, prime 0x100000001b3).
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// Builds the glob set for `--glob` patterns (the default when `patterns` is empty).
pub fn glob_set(patterns: &[String]) -> Result<GlobSet, BatchError> {
    let mut builder = GlobSetBuilder::new();
    let defaults = [DEFAULT_GLOB.to_string()];
    let patterns = if patterns.is_empty() {
        &defaults[..]
    } else {
        patterns
    };
    for p in patterns {
        let glob = Glob::new(p).map_err(|e| BatchError::Usage(format!("bad --glob {p:?}: {e}")))?;
        builder.add(glob);
    }
    builder
        .build()
        .map_err(|e| BatchError::Usage(format!("bad --glob patterns: {e}")))
}

/// The output file for one input and one writer suffix (e.g. `html`, `en.txt`).
pub fn output_path(stem: &Path, suffix: &str) -> PathBuf {
    let mut name = stem.as_os_str().to_owned();
    name.push(".");
    name.push(suffix);
    PathBuf::from(name)
}

/// Finds and orders the input files (see the module docs), applies the shard, and maps each to
/// its output stem under `outdir`.
///
/// A missing input, a bad pattern or two inputs sharing an output stem is a usage error; an
/// unreadable subdirectory is a [`DiscoveryProblem`] and the rest of the batch goes on.
pub fn plan(
    inputs: &[PathBuf],
    globs: &GlobSet,
    outdir: &Path,
    shard: Option<Shard>,
) -> Result<Plan, BatchError> {
    if inputs.is_empty() {
        return Err(BatchError::Usage("no inputs given".into()));
    }
    let outdir_abs = absolute(outdir)?;
    let mut found: Vec<(String, PathBuf)> = Vec::new();
    let mut problems = Vec::new();
    for input in inputs {
        let meta = std::fs::metadata(input)
            .map_err(|e| BatchError::Usage(format!("input {}: {e}", input.display())))?;
        let root = absolute(input)?;
        if meta.is_dir() {
            walk(&root, globs, &outdir_abs, &mut found, &mut problems);
        } else {
            let name = root
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .ok_or_else(|| {
                    BatchError::Usage(format!("input {} has no file name", input.display()))
                })?;
            found.push((name, root));
        }
    }
    found.sort();
    found.dedup_by(|a, b| a.1 == b.1);

    // Two inputs mapping to one output stem would overwrite each other's outputs.
    let mut stems: BTreeMap<String, &Path> = BTreeMap::new();
    for (relative, path) in &found {
        let stem = strip_extension(relative);
        if let Some(other) = stems.insert(stem.clone(), path) {
            return Err(BatchError::Usage(format!(
                "{} and {} would write the same outputs ({}.*); rename one or translate them \
                 in separate runs",
                other.display(),
                path.display(),
                stem
            )));
        }
    }
    let total_before_shard = found.len();
    let files = found
        .into_iter()
        .filter(|(relative, _)| shard.is_none_or(|s| s.owns(relative)))
        .map(|(relative, path)| InputFile {
            output_stem: outdir_abs.join(strip_extension(&relative)),
            path,
            relative,
        })
        .collect();
    Ok(Plan {
        files,
        total_before_shard,
        problems,
    })
}

fn walk(
    root: &Path,
    globs: &GlobSet,
    outdir: &Path,
    found: &mut Vec<(String, PathBuf)>,
    problems: &mut Vec<DiscoveryProblem>,
) {
    let walker = walkdir::WalkDir::new(root)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| !e.path().starts_with(outdir));
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                let path = e
                    .path()
                    .map_or_else(|| root.to_path_buf(), Path::to_path_buf);
                problems.push(DiscoveryProblem {
                    path,
                    reason: format!("cannot read directory: {e}"),
                });
                continue;
            }
        };
        if entry.file_type().is_dir() {
            continue;
        }
        // Links to directories are not followed; links to files (or dangling ones, which then
        // fail to read and are reported) are taken like files.
        if entry.path_is_symlink() && entry.path().is_dir() {
            continue;
        }
        let Ok(rel) = entry.path().strip_prefix(root) else {
            continue;
        };
        let relative = rel
            .components()
            .filter_map(|c| match c {
                Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
                _ => None,
            })
            .collect::<Vec<_>>()
            .join("/");
        if globs.is_match(&relative) {
            found.push((relative, entry.path().to_path_buf()));
        }
    }
}

/// `sub/a.txt` → `sub/a`; `sub/.hidden` and `sub/noext` stay as they are.
fn strip_extension(relative: &str) -> String {
    let (dir, name) = match relative.rsplit_once('/') {
        Some((d, n)) => (Some(d), n),
        None => (None, relative),
    };
    let stem = match name.rfind('.') {
        Some(i) if i > 0 => &name[..i],
        _ => name,
    };
    match dir {
        Some(d) => format!("{d}/{stem}"),
        None => stem.to_string(),
    }
}

fn absolute(path: &Path) -> Result<PathBuf, BatchError> {
    std::path::absolute(path).map_err(|source| BatchError::Io {
        path: path.to_path_buf(),
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a_matches_published_vectors() {
        // Test vectors from the FNV reference (draft-eastlake-fnv): "" and "a".
        assert_eq!(fnv1a64(b""), 0xcbf29ce484222325);
        assert_eq!(fnv1a64(b"a"), 0xaf63dc4c8601ec8c);
        assert_eq!(fnv1a64(b"foobar"), 0x85944171f73967e8);
    }

    #[test]
    fn shard_parsing() {
        assert_eq!(
            "2/5".parse::<Shard>().unwrap(),
            Shard { index: 2, count: 5 }
        );
        for bad in ["0/3", "4/3", "1/0", "x/2", "3", ""] {
            assert!(bad.parse::<Shard>().is_err(), "{bad}");
        }
    }

    #[test]
    fn extension_stripping() {
        assert_eq!(strip_extension("a.txt"), "a");
        assert_eq!(strip_extension("d/e/a.b.txt"), "d/e/a.b");
        assert_eq!(strip_extension("d.x/noext"), "d.x/noext");
        assert_eq!(strip_extension(".hidden"), ".hidden");
    }
}
