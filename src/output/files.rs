//! Writing rendered formats to standard output, a file, or a folder, atomically.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::{render, Format, OutputError, Rendered};
use crate::doc::Document;

/// Where outputs go (`-o`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// Standard output (no `-o`).
    Stdout,
    /// `-o FILE`: with one single-file format, exactly this file; otherwise the file's stem
    /// with each format's extension, next to it (`-o out/a.html -f html,tmx` writes
    /// `out/a.html` and `out/a.tmx`).
    File(PathBuf),
    /// `-o DIR`: `<DIR>/<stem>.<ext>` for each format, `<stem>` being the document's.
    Dir(PathBuf),
}

impl Target {
    /// Reads `-o`: none is stdout; a path ending in `/` or naming an existing folder is a
    /// folder; anything else a file.
    pub fn from_arg(arg: Option<&Path>) -> Target {
        match arg {
            None => Target::Stdout,
            Some(p) if p.is_dir() || p.as_os_str().to_string_lossy().ends_with('/') => {
                Target::Dir(p.to_path_buf())
            }
            Some(p) => Target::File(p.to_path_buf()),
        }
    }
}

/// Writes `doc` in every format of `formats` to `target`; returns the files written (none for
/// stdout).
///
/// Files are written to temporary files in their folder first and renamed into place only when
/// all of them were written, so a failure leaves no half-written output behind. `stem` names the
/// files in a folder target (usually the input's file stem or the document id).
pub fn write_outputs(
    doc: &Document,
    formats: &[Format],
    target: &Target,
    stem: &str,
) -> Result<Vec<PathBuf>, OutputError> {
    if formats.is_empty() {
        return Err(OutputError::NoFormat);
    }
    let (dir, stem, exact) = match target {
        Target::Stdout => return write_stdout(doc, formats).map(|()| Vec::new()),
        Target::Dir(dir) => (dir.clone(), stem.to_string(), None),
        Target::File(file) => {
            let dir = file.parent().map(Path::to_path_buf).unwrap_or_default();
            let file_stem = file
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_else(|| stem.to_string());
            let exact = (formats.len() == 1 && formats[0] != Format::Parallel).then_some(file);
            (dir, file_stem, exact)
        }
    };
    let dir = if dir.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        dir
    };
    fs::create_dir_all(&dir).map_err(|source| OutputError::Io {
        path: dir.clone(),
        source,
    })?;

    let mut staged = Vec::new();
    for &format in formats {
        for Rendered { extension, bytes } in render(doc, format) {
            let path = match exact {
                Some(file) => file.clone(),
                None => dir.join(format!("{stem}.{extension}")),
            };
            let io_err = |source| OutputError::Io {
                path: path.clone(),
                source,
            };
            let mut tmp = crate::batch::atomic::output_temp_builder()
                .tempfile_in(&dir)
                .map_err(io_err)?;
            tmp.write_all(&bytes).map_err(io_err)?;
            tmp.as_file().sync_all().map_err(io_err)?;
            staged.push((tmp, path));
        }
    }
    let mut written = Vec::new();
    for (tmp, path) in staged {
        tmp.persist(&path).map_err(|e| OutputError::Io {
            path: path.clone(),
            source: e.error,
        })?;
        written.push(path);
    }
    Ok(written)
}

fn write_stdout(doc: &Document, formats: &[Format]) -> Result<(), OutputError> {
    if formats.contains(&Format::Parallel) {
        return Err(OutputError::ParallelNeedsPath);
    }
    let stdout = io::stdout();
    let mut out = stdout.lock();
    for &format in formats {
        for rendered in render(doc, format) {
            out.write_all(&rendered.bytes)
                .map_err(OutputError::Stdout)?;
        }
    }
    out.flush().map_err(OutputError::Stdout)
}
