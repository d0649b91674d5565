//! Finding a model's files: a local folder in the hub layout, or a Hugging Face hub id fetched
//! into (or found offline in) the standard hub cache.
//!
//! ```no_run
//! use tarjama::mt::hub::{locate_model, ModelRequest};
//! let files = locate_model(&ModelRequest::default())?;
//! println!("{} ({})", files.describe(), files.weights.display());
//! # Ok::<(), tarjama::mt::hub::HubError>(())
//! ```

mod cache;
mod download;
mod error;
mod layout;
mod settings;

use std::path::{Path, PathBuf};

pub use error::HubError;
pub use settings::{HubSettings, DEFAULT_ENDPOINT};

/// The model used when none is given.
pub const DEFAULT_MODEL: &str = "Helsinki-NLP/opus-mt-ar-en";

/// The revision used when none is given.
pub const DEFAULT_REVISION: &str = "main";

/// What the user asked for: `--model ID|DIR`, `--revision REV`, `--offline`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelRequest {
    /// A folder in the hub layout, or a hub id such as `Helsinki-NLP/opus-mt-ar-en`.
    pub model: String,
    /// Branch, tag, `refs/pr/N` or commit hash on the hub (default `main`); not for folders.
    pub revision: Option<String>,
    /// Use only the local cache, never the network.
    pub offline: bool,
}

impl Default for ModelRequest {
    fn default() -> Self {
        Self {
            model: DEFAULT_MODEL.to_string(),
            revision: None,
            offline: false,
        }
    }
}

/// The files of one model, all present and checked (JSON parses, SentencePiece and weight files
/// start as they should).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelFiles {
    /// The folder holding the files (a cache snapshot for hub models).
    pub dir: PathBuf,
    /// The hub id, for hub models.
    pub repo_id: Option<String>,
    /// The commit hash the files come from, for hub models (and for folders that are cache
    /// snapshots).
    pub revision: Option<String>,
    /// `config.json`.
    pub config: PathBuf,
    /// `generation_config.json`, when the model has one.
    pub generation_config: Option<PathBuf>,
    /// `tokenizer_config.json`, when the model has one.
    pub tokenizer_config: Option<PathBuf>,
    /// `source.spm`.
    pub source_spm: PathBuf,
    /// `target.spm`.
    pub target_spm: PathBuf,
    /// `vocab.json`.
    pub vocab: PathBuf,
    /// `model.safetensors` when present, else `pytorch_model.bin`.
    pub weights: PathBuf,
}

impl ModelFiles {
    /// The weight file's name (`model.safetensors` or `pytorch_model.bin`).
    pub fn weights_file_name(&self) -> &str {
        self.weights
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
    }

    /// One line for logs and reports: `id@commit, weights file` or `folder, weights file`.
    pub fn describe(&self) -> String {
        let source = match (&self.repo_id, &self.revision) {
            (Some(id), Some(rev)) => format!("{id}@{rev}"),
            (Some(id), None) => id.clone(),
            (None, Some(rev)) => format!("{}@{rev}", self.dir.display()),
            (None, None) => self.dir.display().to_string(),
        };
        format!("{source}, weights {}", self.weights_file_name())
    }
}

/// Locates the model with settings from the environment ([`HubSettings::from_env`]).
pub fn locate_model(req: &ModelRequest) -> Result<ModelFiles, HubError> {
    locate_model_with(req, &HubSettings::from_env())
}

/// Locates the model: an existing folder is used as is; anything else must be a hub id, looked up
/// in `settings.cache_dir` and, unless offline, downloaded into it.
///
/// Online, files already in the cache are used without asking the hub (so `main` stays at the
/// commit first fetched until a file missing from the cache is downloaded; pass a commit hash
/// as the revision to pin one). When the hub cannot be reached at all, a complete cached
/// snapshot of the revision is used instead, as `huggingface_hub` does.
pub fn locate_model_with(
    req: &ModelRequest,
    settings: &HubSettings,
) -> Result<ModelFiles, HubError> {
    let folder = Path::new(&req.model);
    if folder.is_dir() {
        if let Some(revision) = &req.revision {
            return Err(HubError::RevisionForFolder {
                dir: folder.to_path_buf(),
                revision: revision.clone(),
            });
        }
        return local_folder(folder);
    }
    check_repo_id(&req.model)?;
    let revision = req.revision.as_deref().unwrap_or(DEFAULT_REVISION);
    if revision.is_empty() || revision.contains("..") || revision.starts_with('/') {
        return Err(HubError::InvalidModel {
            model: req.model.clone(),
            reason: format!("`{revision}` is not a valid revision"),
        });
    }
    if req.offline || settings.offline {
        from_cache(&req.model, revision, settings)
    } else {
        download::fetch(&req.model, revision, settings)
    }
}

/// A user's folder; when it is a cache snapshot, its commit is reported too.
fn local_folder(dir: &Path) -> Result<ModelFiles, HubError> {
    let commit = cache::snapshot_commit(&dir.join("config.json"));
    layout::resolve_folder(dir, None, commit, |file, expected| HubError::MissingFile {
        file: file.to_string(),
        expected: expected.to_string(),
        dir: dir.to_path_buf(),
    })
}

/// Offline: the snapshot `revision` points to in the cache, or a clear error.
pub(crate) fn from_cache(
    repo_id: &str,
    revision: &str,
    settings: &HubSettings,
) -> Result<ModelFiles, HubError> {
    let repo = cache::RepoCache::new(&settings.cache_dir, repo_id);
    let not_cached = |detail: String| HubError::NotCached {
        repo_id: repo_id.to_string(),
        revision: revision.to_string(),
        cache_dir: settings.cache_dir.clone(),
        detail,
    };
    let commit = repo
        .commit_for(revision)
        .ok_or_else(|| not_cached(String::new()))?;
    let snapshot = repo.snapshot(&commit);
    if !snapshot.is_dir() {
        return Err(not_cached(format!("; snapshot {commit} is gone")));
    }
    layout::resolve_folder(
        &snapshot,
        Some(repo_id.to_string()),
        Some(commit.clone()),
        |file, expected| not_cached(format!("; {file} ({expected}) was never downloaded")),
    )
}

/// Hub ids are `name` or `owner/name`, of letters, digits, `-`, `_` and `.`.
fn check_repo_id(model: &str) -> Result<(), HubError> {
    let invalid = |reason: &str| HubError::InvalidModel {
        model: model.to_string(),
        reason: reason.to_string(),
    };
    if Path::new(model).exists() {
        return Err(invalid(
            "it is a file; give the folder that holds the model files",
        ));
    }
    let looks_like_path = model.starts_with(['.', '/', '~', '\\'])
        || model.contains('\\')
        || model.matches('/').count() > 1;
    if looks_like_path {
        return Err(invalid("no such folder"));
    }
    let parts: Vec<&str> = model.split('/').collect();
    let part_ok = |p: &&str| {
        !p.is_empty()
            && p.len() <= 96
            && p.bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
            && !p.starts_with(['-', '.'])
            && !p.ends_with(['-', '.'])
            && !p.contains("--")
            && !p.contains("..")
    };
    if parts.iter().all(part_ok) {
        Ok(())
    } else {
        Err(invalid(
            "hub ids are `name` or `owner/name` made of letters, digits, `-`, `_` and `.`",
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repo_ids() {
        for ok in [
            DEFAULT_MODEL,
            "gpt2",
            "Helsinki-NLP/opus-mt-tc-big-ar-en",
            "a/b.c_d",
        ] {
            assert!(check_repo_id(ok).is_ok(), "{ok}");
        }
        for bad in [
            "",
            "a/b/c",
            "./model",
            "/abs/model",
            "a//b",
            "a/-b",
            "a b",
            "a/b--c",
            "~/m",
        ] {
            assert!(check_repo_id(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn folders_and_offline_errors() {
        let tmp = tempfile::tempdir().unwrap();
        let settings = HubSettings::from_lookup(|_| None)
            .with_cache_dir(tmp.path().join("cache"))
            .with_endpoint("http://127.0.0.1:9")
            .with_progress(false);

        // A folder with a revision is refused.
        let req = ModelRequest {
            model: tmp.path().display().to_string(),
            revision: Some("main".into()),
            offline: false,
        };
        let err = locate_model_with(&req, &settings).unwrap_err();
        assert!(matches!(err, HubError::RevisionForFolder { .. }), "{err}");

        // An empty folder names the first missing file.
        let req = ModelRequest {
            model: tmp.path().display().to_string(),
            revision: None,
            offline: false,
        };
        let err = locate_model_with(&req, &settings).unwrap_err();
        assert!(err.to_string().contains("config.json"), "{err}");

        // A path that does not exist is not taken for a hub id.
        let req = ModelRequest {
            model: tmp.path().join("nope").display().to_string(),
            revision: None,
            offline: false,
        };
        let err = locate_model_with(&req, &settings).unwrap_err();
        assert!(err.to_string().contains("no such folder"), "{err}");

        // Offline with a cold cache: says which model, revision and cache.
        let req = ModelRequest {
            offline: true,
            ..ModelRequest::default()
        };
        let err = locate_model_with(&req, &settings).unwrap_err();
        let text = err.to_string();
        assert!(matches!(err, HubError::NotCached { .. }), "{text}");
        assert!(
            text.contains(DEFAULT_MODEL) && text.contains("main"),
            "{text}"
        );
        assert!(text.contains("cache"), "{text}");
    }
}
