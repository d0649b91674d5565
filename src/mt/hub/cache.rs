//! The Hugging Face hub cache layout, shared with Python's `huggingface_hub` and `hf-hub`:
//!
//! ```text
//! <cache>/models--<org>--<name>/
//!     refs/<revision>                 the commit a branch or tag pointed to when last fetched
//!     snapshots/<commit>/<file>       symlinks into blobs/
//!     blobs/<etag>                    file contents
//!     .no_exist/<commit>/<file>       empty marker: the hub said 404 for this file
//! ```

use std::path::{Path, PathBuf};

/// One repository's folder inside the cache.
#[derive(Debug, Clone)]
pub(crate) struct RepoCache {
    dir: PathBuf,
}

impl RepoCache {
    /// The cache folder of model `repo_id` under `cache_dir`.
    pub fn new(cache_dir: &Path, repo_id: &str) -> Self {
        Self {
            dir: cache_dir.join(format!("models--{}", repo_id.replace('/', "--"))),
        }
    }

    /// The repository's folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The commit `revision` resolves to in the cache: the revision itself when it is a full
    /// commit hash with a snapshot, else what `refs/<revision>` holds.
    pub fn commit_for(&self, revision: &str) -> Option<String> {
        if is_commit_hash(revision) && self.snapshot(revision).is_dir() {
            return Some(revision.to_string());
        }
        let commit = std::fs::read_to_string(self.dir.join("refs").join(revision)).ok()?;
        let commit = commit.trim();
        is_commit_hash(commit).then(|| commit.to_string())
    }

    /// Records that `revision` points at `commit` (what `huggingface_hub` writes after a fetch).
    pub fn write_ref(&self, revision: &str, commit: &str) -> std::io::Result<()> {
        let path = self.dir.join("refs").join(revision);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(path, commit)
    }

    /// The snapshot folder of `commit`.
    pub fn snapshot(&self, commit: &str) -> PathBuf {
        self.dir.join("snapshots").join(commit)
    }

    /// Whether the hub is known to lack `file` at `commit`.
    pub fn known_missing(&self, commit: &str, file: &str) -> bool {
        self.dir.join(".no_exist").join(commit).join(file).is_file()
    }

    /// Remembers that the hub lacks `file` at `commit`, so later runs need not ask again.
    pub fn mark_missing(&self, commit: &str, file: &str) -> std::io::Result<()> {
        let dir = self.dir.join(".no_exist").join(commit);
        std::fs::create_dir_all(&dir)?;
        std::fs::write(dir.join(file), b"")
    }
}

/// A full 40-digit lowercase hex git commit hash.
pub(crate) fn is_commit_hash(s: &str) -> bool {
    s.len() == 40
        && s.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// The commit a cached file belongs to: the name of its `snapshots/<commit>/` folder.
pub(crate) fn snapshot_commit(file: &Path) -> Option<String> {
    let snapshot = file.parent()?;
    if snapshot.parent()?.file_name()? != "snapshots" {
        return None;
    }
    let commit = snapshot.file_name()?.to_str()?;
    is_commit_hash(commit).then(|| commit.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHA: &str = "0123456789abcdef0123456789abcdef01234567";

    #[test]
    fn resolves_refs_and_hashes() {
        let tmp = tempfile::tempdir().unwrap();
        let cache = RepoCache::new(tmp.path(), "Org/model-x");
        assert_eq!(cache.dir(), tmp.path().join("models--Org--model-x"));
        assert_eq!(cache.commit_for("main"), None);
        cache.write_ref("main", SHA).unwrap();
        cache.write_ref("refs/pr/1", SHA).unwrap();
        assert_eq!(cache.commit_for("main").as_deref(), Some(SHA));
        assert_eq!(cache.commit_for("refs/pr/1").as_deref(), Some(SHA));
        // A hash resolves to itself only when its snapshot exists.
        let other = "fedcba9876543210fedcba9876543210fedcba98";
        assert_eq!(cache.commit_for(other), None);
        std::fs::create_dir_all(cache.snapshot(other)).unwrap();
        assert_eq!(cache.commit_for(other).as_deref(), Some(other));
    }

    #[test]
    fn remembers_missing_files() {
        let tmp = tempfile::tempdir().unwrap();
        let cache = RepoCache::new(tmp.path(), "m");
        assert!(!cache.known_missing(SHA, "model.safetensors"));
        cache.mark_missing(SHA, "model.safetensors").unwrap();
        assert!(cache.known_missing(SHA, "model.safetensors"));
    }

    #[test]
    fn commit_of_snapshot_files() {
        let file = PathBuf::from(format!("/c/models--m/snapshots/{SHA}/config.json"));
        assert_eq!(snapshot_commit(&file).as_deref(), Some(SHA));
        assert_eq!(snapshot_commit(Path::new("/some/dir/config.json")), None);
        assert!(!is_commit_hash("main"));
        assert!(!is_commit_hash(&SHA.to_uppercase()));
    }
}
