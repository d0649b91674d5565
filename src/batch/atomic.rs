//! Atomic file writes: a temporary file beside the target, flushed to disk, then renamed over
//! it, so a reader (or a rerun after `kill -9`) sees either the old file or the complete new
//! one, never a partial one.
//!
//! Temporary files are named `.<target name>.tarjama-tmp-<random>`. A process killed between
//! creating and renaming one leaves it behind; [`sweep_stale_temps`] removes those for the
//! targets a run owns before it writes them again.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::BatchError;

/// The marker between a temporary file's target name and its random tail.
pub const TEMP_MARKER: &str = ".tarjama-tmp-";

/// A temporary-file builder whose files become ordinary outputs once renamed: readable by
/// everyone (`0644`, less the umask on creation) rather than tempfile's private `0600`.
pub fn output_temp_builder<'a, 'b>() -> tempfile::Builder<'a, 'b> {
    let mut builder = tempfile::Builder::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o644));
    }
    builder
}

/// Writes `bytes` to `path` atomically (creating parent directories).
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), BatchError> {
    let io = |source| BatchError::Io {
        path: path.to_path_buf(),
        source,
    };
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(io)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut tmp = output_temp_builder()
        .prefix(&format!(".{name}{TEMP_MARKER}"))
        .tempfile_in(dir)
        .map_err(io)?;
    tmp.write_all(bytes).map_err(io)?;
    tmp.as_file().sync_all().map_err(io)?;
    tmp.persist(path).map_err(|e| io(e.error))?;
    Ok(())
}

/// Removes temporary files left by killed writers in `dir` whose target name starts with one
/// of `stem_names` followed by `.` (so only outputs of this run's inputs are touched, never
/// those of another shard writing into the same directory). Returns what was removed.
pub fn sweep_stale_temps(dir: &Path, stem_names: &[String]) -> Vec<PathBuf> {
    let mut removed = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return removed;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(target) = name
            .strip_prefix('.')
            .and_then(|rest| rest.split_once(TEMP_MARKER))
            .map(|(target, _)| target)
        else {
            continue;
        };
        let ours = stem_names
            .iter()
            .any(|stem| target.len() > stem.len() + 1 && target.starts_with(&format!("{stem}.")));
        if ours && std::fs::remove_file(entry.path()).is_ok() {
            removed.push(entry.path());
        }
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_and_replaces() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/a.txt");
        write_atomically(&path, b"one").unwrap();
        write_atomically(&path, b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        let names: Vec<_> = std::fs::read_dir(dir.path().join("sub"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("a.txt")]);
    }

    #[cfg(unix)]
    #[test]
    fn outputs_are_readable_by_others() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.html");
        write_atomically(&path, b"x").unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o044, 0o044, "mode {mode:o}");
    }

    #[test]
    fn sweeps_only_owned_temps() {
        let dir = tempfile::tempdir().unwrap();
        for name in [
            ".a.html.tarjama-tmp-x1",
            ".ab.html.tarjama-tmp-x2",
            ".b.txt.tarjama-tmp-x3",
            "a.html",
        ] {
            std::fs::write(dir.path().join(name), b"").unwrap();
        }
        let removed = sweep_stale_temps(dir.path(), &["a".to_string()]);
        assert_eq!(removed, vec![dir.path().join(".a.html.tarjama-tmp-x1")]);
        assert!(dir.path().join(".ab.html.tarjama-tmp-x2").exists());
        assert!(dir.path().join("a.html").exists());
    }
}
