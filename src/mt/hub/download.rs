//! Fetching a model's files from the hub into the cache with `hf-hub` (blocking client).
//!
//! `hf-hub`'s `get` answers from the cache when `refs/<revision>` names a snapshot holding the
//! file, and downloads otherwise; so a warm cache needs no network. A 404 for an optional file
//! (notably `model.safetensors`, absent on the `main` branch of most opus-mt repos) is remembered
//! in `.no_exist/`, as `huggingface_hub` does, and the next weight format is tried.

use std::cell::Cell;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use hf_hub::api::sync::{ApiBuilder, ApiError, ApiRepo};
use hf_hub::{Cache, Repo, RepoType};

use super::cache::{is_commit_hash, snapshot_commit, RepoCache};
use super::layout::{self, FileSpec, OPTIONAL, REQUIRED, WEIGHTS, WEIGHTS_EXPECTED};
use super::{HubError, HubSettings, ModelFiles};
use crate::mt::weights::sha256_file;

/// What one online resolution needs to know.
struct Fetcher<'a> {
    repo_id: &'a str,
    revision: &'a str,
    settings: &'a HubSettings,
    api: ApiRepo,
    cache: RepoCache,
    /// Set when a request failed below HTTP (connection refused, DNS, TLS, timeout).
    unreachable: Cell<bool>,
}

/// Makes sure the model's files for `revision` are in the cache (downloading what is missing)
/// and returns them, checked.
pub(crate) fn fetch(
    repo_id: &str,
    revision: &str,
    settings: &HubSettings,
) -> Result<ModelFiles, HubError> {
    let api = ApiBuilder::from_cache(Cache::new(settings.cache_dir.clone()))
        .with_endpoint(settings.endpoint.clone())
        .with_token(settings.token.clone())
        .with_progress(settings.progress)
        .build()
        .map_err(|e| HubError::Download {
            repo_id: repo_id.to_string(),
            revision: revision.to_string(),
            file: "-".into(),
            endpoint: settings.endpoint.clone(),
            detail: format!("cannot set up the HTTP client: {e}"),
        })?;
    let fetcher = Fetcher {
        repo_id,
        revision,
        settings,
        api: api.repo(Repo::with_revision(
            repo_id.to_string(),
            RepoType::Model,
            revision.to_string(),
        )),
        cache: RepoCache::new(&settings.cache_dir, repo_id),
        unreachable: Cell::new(false),
    };
    // If the branch moved since some files were cached, a fresh download lands in a new snapshot
    // and moves refs/<revision> there; one more pass then fetches the rest of that snapshot.
    let mut commits = BTreeSet::new();
    for _ in 0..2 {
        commits = match fetcher.fetch_all() {
            Ok(commits) => commits,
            // Hub unreachable: a complete cached snapshot will do, as in huggingface_hub.
            Err(err) if fetcher.unreachable.get() => {
                return super::from_cache(repo_id, revision, settings).map_err(|_| err)
            }
            Err(err) => return Err(err),
        };
        if commits.len() == 1 {
            break;
        }
    }
    let mut commits = commits.into_iter();
    let commit = match (commits.next(), commits.next()) {
        (Some(commit), None) => commit,
        (None, _) => {
            return Err(fetcher.download_error("-", "the files are not in a cache snapshot".into()))
        }
        (Some(first), Some(second)) => {
            return Err(fetcher.download_error(
                "-",
                format!(
                    "the cached files belong to different commits ({first}, {second}, ...); \
                     pass --revision <commit> or clear {}",
                    fetcher.cache.dir().display()
                ),
            ))
        }
    };
    if !is_commit_hash(revision) {
        // hf-hub records refs only for what it downloads; keep the ref in step with the snapshot
        // actually used, so offline runs find it.
        fetcher
            .cache
            .write_ref(revision, &commit)
            .map_err(|source| HubError::Io {
                path: fetcher.cache.dir().join("refs").join(revision),
                source,
            })?;
    }
    let snapshot = fetcher.cache.snapshot(&commit);
    layout::resolve_folder(
        &snapshot,
        Some(repo_id.to_string()),
        Some(commit.clone()),
        |file, expected| HubError::MissingFile {
            file: file.to_string(),
            expected: expected.to_string(),
            dir: snapshot.clone(),
        },
    )
}

impl Fetcher<'_> {
    /// Fetches every file once; returns the commits of the snapshots they are in.
    fn fetch_all(&self) -> Result<BTreeSet<String>, HubError> {
        let mut paths = Vec::new();
        for spec in REQUIRED {
            match self.fetch_one(spec)? {
                Some(path) => paths.push(path),
                None => return Err(self.not_on_hub(spec.name, spec.expected)),
            }
        }
        for spec in OPTIONAL {
            paths.extend(self.fetch_one(spec)?);
        }
        let mut weights = None;
        for spec in WEIGHTS {
            weights = self.fetch_one(spec)?;
            if weights.is_some() {
                break;
            }
        }
        match weights {
            Some(path) => paths.push(path),
            None => {
                return Err(
                    self.not_on_hub("model.safetensors or pytorch_model.bin", WEIGHTS_EXPECTED)
                )
            }
        }
        Ok(paths
            .iter()
            .filter_map(|path| snapshot_commit(path))
            .collect())
    }

    /// The cached path of `spec`'s file, downloading it if needed; `None` when the hub has no
    /// such file at this revision.
    fn fetch_one(&self, spec: FileSpec) -> Result<Option<PathBuf>, HubError> {
        let cached_commit = self.cache.commit_for(self.revision);
        if let Some(commit) = &cached_commit {
            let cached = self.cache.snapshot(commit).join(spec.name);
            if cached.is_file() {
                return Ok(Some(cached));
            }
            if self.cache.known_missing(commit, spec.name) {
                return Ok(None);
            }
        }
        match self.api.get(spec.name) {
            Ok(path) => {
                self.verify_blob(&path, spec)?;
                Ok(Some(path))
            }
            Err(ApiError::RequestError(err)) => match *err {
                ureq::Error::Status(404, response) => {
                    let code = response.header("x-error-code").unwrap_or("").to_string();
                    if code.is_empty() || code == "EntryNotFound" {
                        let commit = response
                            .header("x-repo-commit")
                            .map(str::to_string)
                            .filter(|c| is_commit_hash(c))
                            .or(cached_commit);
                        if let Some(commit) = commit {
                            // Best effort: failing to write the marker only costs a request.
                            let _ = self.cache.mark_missing(&commit, spec.name);
                        }
                        Ok(None)
                    } else {
                        Err(self.http_error(spec.name, 404, &code))
                    }
                }
                ureq::Error::Status(status, response) => {
                    let code = response.header("x-error-code").unwrap_or("").to_string();
                    Err(self.http_error(spec.name, status, &code))
                }
                ureq::Error::Transport(transport) => {
                    self.unreachable.set(true);
                    Err(self.download_error(
                        spec.name,
                        format!(
                            "{transport} (to use only the local cache, pass --offline or set \
                         HF_HUB_OFFLINE=1)"
                        ),
                    ))
                }
            },
            Err(other) => Err(self.download_error(spec.name, other.to_string())),
        }
    }

    /// LFS files are cached under their SHA-256 (the hub's etag for them): check a fresh download
    /// against it, and drop it when it does not match.
    fn verify_blob(&self, pointer: &Path, spec: FileSpec) -> Result<(), HubError> {
        let Ok(blob) = std::fs::canonicalize(pointer) else {
            return Ok(());
        };
        let Some(expected) = blob.file_name().and_then(|n| n.to_str()) else {
            return Ok(());
        };
        let is_sha256 = expected.len() == 64 && expected.bytes().all(|b| b.is_ascii_hexdigit());
        if !is_sha256 || spec.kind != layout::Kind::Weights {
            return Ok(());
        }
        let found = sha256_file(&blob).map_err(|source| HubError::Io {
            path: blob.clone(),
            source,
        })?;
        if found == expected.to_ascii_lowercase() {
            return Ok(());
        }
        let _ = std::fs::remove_file(pointer);
        let _ = std::fs::remove_file(&blob);
        Err(HubError::CorruptFile {
            path: pointer.to_path_buf(),
            expected: format!("{} with SHA-256 {expected}", spec.expected),
            detail: format!("the download has SHA-256 {found}; it was deleted, try again"),
        })
    }

    fn not_on_hub(&self, file: &str, expected: &str) -> HubError {
        HubError::NotOnHub {
            repo_id: self.repo_id.to_string(),
            revision: self.revision.to_string(),
            file: file.to_string(),
            expected: expected.to_string(),
            endpoint: self.settings.endpoint.clone(),
        }
    }

    fn http_error(&self, file: &str, status: u16, code: &str) -> HubError {
        let hint = match (status, code) {
            (_, "RevisionNotFound") => format!(": there is no revision {}", self.revision),
            (_, "RepoNotFound") | (401, _) | (403, _) => format!(
                ": the repository {} does not exist, or is private or gated \
                 (set HF_TOKEN to a token with access)",
                self.repo_id
            ),
            _ if code.is_empty() => String::new(),
            _ => format!(" ({code})"),
        };
        HubError::Http {
            repo_id: self.repo_id.to_string(),
            revision: self.revision.to_string(),
            file: file.to_string(),
            status,
            endpoint: self.settings.endpoint.clone(),
            hint,
        }
    }

    fn download_error(&self, file: &str, detail: String) -> HubError {
        HubError::Download {
            repo_id: self.repo_id.to_string(),
            revision: self.revision.to_string(),
            file: file.to_string(),
            endpoint: self.settings.endpoint.clone(),
            detail,
        }
    }
}
