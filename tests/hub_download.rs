//! The hub path for real: a small HTTP server on 127.0.0.1 answers like huggingface.co (resolve
//! URLs, `x-repo-commit`, etags, LFS redirects to a CDN, ranges, 404s with `x-error-code`) and
//! serves the committed test model; `hf-hub` downloads it into a temporary cache, which then
//! serves offline.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use sha2::{Digest, Sha256};
use tarjama::mt::hub::{
    locate_model, locate_model_with, HubError, HubSettings, ModelFiles, ModelRequest, DEFAULT_MODEL,
};
use tarjama::mt::weights::{load_checkpoint, WeightFormat};

const MAIN_COMMIT: &str = "1111111111111111111111111111111111111111";
const PR_COMMIT: &str = "2222222222222222222222222222222222222222";

/// A fake hub serving one repository at a few revisions.
struct FakeHub {
    addr: SocketAddr,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
    log: Arc<Mutex<Vec<String>>>,
}

/// One revision: its name (branch or `refs/pr/N`), its commit and its files.
#[derive(Clone)]
struct Revision {
    name: &'static str,
    commit: &'static str,
    files: Vec<(String, Vec<u8>)>,
}

#[derive(Clone)]
struct Repo {
    id: &'static str,
    revisions: Vec<Revision>,
    /// LFS files whose advertised SHA-256 is not that of the bytes served (a corrupt transfer).
    corrupt_lfs: Option<&'static str>,
}

/// How long a server lives at most, whatever the test does.
const SERVER_LIFETIME: Duration = Duration::from_secs(120);

impl FakeHub {
    fn start(repo: Repo) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        listener.set_nonblocking(true).unwrap();
        let addr = listener.local_addr().unwrap();
        let stop = Arc::new(AtomicBool::new(false));
        let log = Arc::new(Mutex::new(Vec::new()));
        let thread = {
            let (stop, log) = (stop.clone(), log.clone());
            std::thread::spawn(move || {
                let started = Instant::now();
                while !stop.load(Ordering::SeqCst) && started.elapsed() < SERVER_LIFETIME {
                    match listener.accept() {
                        Ok((stream, _)) => {
                            // One request per connection (`Connection: close`): hf-hub keeps two
                            // clients, and a serial server must not wait on an idle keep-alive.
                            let _ = serve(stream, &repo, addr, &log);
                        }
                        Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                            std::thread::sleep(Duration::from_millis(2));
                        }
                        Err(_) => break,
                    }
                }
            })
        };
        Self {
            addr,
            stop,
            thread: Some(thread),
            log,
        }
    }

    fn endpoint(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Requests so far, as `METHOD path -> status`.
    fn requests(&self) -> Vec<String> {
        self.log.lock().unwrap().clone()
    }
}

impl Drop for FakeHub {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The content hash advertised for the corrupt LFS file.
fn lied_sha() -> String {
    sha256_hex(b"what the hub says the file is")
}

fn is_lfs(file: &str) -> bool {
    file.ends_with(".bin") || file.ends_with(".safetensors")
}

struct Response {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Response {
    fn error(status: u16, code: &str, commit: Option<&str>) -> Self {
        let mut headers = vec![("x-error-code".to_string(), code.to_string())];
        if let Some(commit) = commit {
            headers.push(("x-repo-commit".into(), commit.into()));
        }
        Self {
            status,
            headers,
            body: code.as_bytes().to_vec(),
        }
    }

    /// The whole body, or the byte range asked for (206 with `Content-Range`).
    fn content(bytes: &[u8], range: Option<&str>, mut headers: Vec<(String, String)>) -> Self {
        headers.push(("accept-ranges".into(), "bytes".into()));
        let Some(range) = range.and_then(|r| r.strip_prefix("bytes=")) else {
            return Self {
                status: 200,
                headers,
                body: bytes.to_vec(),
            };
        };
        let (start, end) = range.split_once('-').unwrap_or((range, ""));
        let start: usize = start.parse().unwrap_or(0);
        let end: usize = end
            .parse()
            .unwrap_or(bytes.len().saturating_sub(1))
            .min(bytes.len().saturating_sub(1));
        if start >= bytes.len() || start > end {
            headers.push(("content-range".into(), format!("bytes */{}", bytes.len())));
            return Self {
                status: 416,
                headers,
                body: Vec::new(),
            };
        }
        headers.push((
            "content-range".into(),
            format!("bytes {start}-{end}/{}", bytes.len()),
        ));
        Self {
            status: 206,
            headers,
            body: bytes[start..=end].to_vec(),
        }
    }
}

/// Answers one request the way the hub (and its CDN, for LFS files) does.
fn route(repo: &Repo, addr: SocketAddr, path: &str, range: Option<&str>) -> Response {
    // CDN: /cdn/<sha256>, no repository headers.
    if let Some(sha) = path.strip_prefix("/cdn/") {
        for revision in &repo.revisions {
            for (name, bytes) in &revision.files {
                let corrupt = repo.corrupt_lfs == Some(name.as_str()) && sha == lied_sha();
                if sha256_hex(bytes) == sha || corrupt {
                    let mut served = bytes.clone();
                    if corrupt {
                        let last = served.len() - 1;
                        served[last] ^= 0x55;
                    }
                    return Response::content(&served, range, vec![]);
                }
            }
        }
        return Response::error(404, "NotFound", None);
    }
    // /<org>/<name>/resolve/<revision>/<file>
    let Some((repo_id, rest)) = path.trim_start_matches('/').split_once("/resolve/") else {
        return Response::error(404, "NotFound", None);
    };
    if repo_id != repo.id {
        return Response::error(401, "RepoNotFound", None);
    }
    let Some((revision, file)) = rest.split_once('/') else {
        return Response::error(404, "NotFound", None);
    };
    let revision = revision.replace("%2F", "/").replace("%2f", "/");
    let Some(revision) = repo
        .revisions
        .iter()
        .find(|r| r.name == revision || r.commit == revision)
    else {
        return Response::error(404, "RevisionNotFound", None);
    };
    let Some((_, bytes)) = revision.files.iter().find(|(name, _)| name == file) else {
        return Response::error(404, "EntryNotFound", Some(revision.commit));
    };
    let commit = ("x-repo-commit".to_string(), revision.commit.to_string());
    if is_lfs(file) {
        // LFS: a redirect to the CDN carrying the commit, the content hash and the size.
        let sha = if repo.corrupt_lfs == Some(file) {
            lied_sha()
        } else {
            sha256_hex(bytes)
        };
        return Response {
            status: 302,
            headers: vec![
                commit,
                ("x-linked-etag".into(), format!("\"{sha}\"")),
                ("x-linked-size".into(), bytes.len().to_string()),
                (
                    "etag".into(),
                    format!("\"{}\"", &sha256_hex(file.as_bytes())[..40]),
                ),
                ("location".into(), format!("http://{addr}/cdn/{sha}")),
            ],
            body: Vec::new(),
        };
    }
    let etag = (
        "etag".to_string(),
        format!("\"{}\"", &sha256_hex(bytes)[..40]),
    );
    Response::content(bytes, range, vec![commit, etag])
}

fn serve(
    stream: TcpStream,
    repo: &Repo,
    addr: SocketAddr,
    log: &Mutex<Vec<String>>,
) -> std::io::Result<()> {
    stream.set_nonblocking(false)?;
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    stream.set_write_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    let mut headers = HashMap::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || line.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            headers.insert(name.trim().to_ascii_lowercase(), value.trim().to_string());
        }
    }
    let mut parts = request_line.split_whitespace();
    let method = parts.next().unwrap_or("").to_string();
    let path = parts.next().unwrap_or("").to_string();
    let response = route(repo, addr, &path, headers.get("range").map(String::as_str));
    log.lock()
        .unwrap()
        .push(format!("{method} {path} -> {}", response.status));

    let mut out = stream;
    let reason = match response.status {
        200 => "OK",
        206 => "Partial Content",
        302 => "Found",
        401 => "Unauthorized",
        404 => "Not Found",
        _ => "Other",
    };
    let mut head = format!("HTTP/1.1 {} {reason}\r\n", response.status);
    for (name, value) in &response.headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str(&format!(
        "content-length: {}\r\nconnection: close\r\n\r\n",
        response.body.len()
    ));
    out.write_all(head.as_bytes())?;
    if method != "HEAD" {
        out.write_all(&response.body)?;
    }
    out.flush()
}

// ---------------------------------------------------------------------------------------------

fn test_model_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("models/test-opus-mt-ar-en")
}

/// The committed test model's files, optionally without some.
fn model_files(without: &[&str]) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(test_model_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| (p.file_name().unwrap().to_string_lossy().to_string(), p))
        .filter(|(name, _)| !without.contains(&name.as_str()))
        .map(|(name, p)| (name, std::fs::read(p).unwrap()))
        .collect();
    files.sort();
    files
}

/// opus-mt-ar-en as on the hub: `main` without safetensors, `refs/pr/1` with it.
fn opus_repo() -> Repo {
    Repo {
        id: DEFAULT_MODEL,
        revisions: vec![
            Revision {
                name: "main",
                commit: MAIN_COMMIT,
                files: model_files(&["model.safetensors"]),
            },
            Revision {
                name: "refs/pr/1",
                commit: PR_COMMIT,
                files: model_files(&[]),
            },
        ],
        corrupt_lfs: None,
    }
}

/// Tests share the process environment (ureq reads proxy variables; one test sets HF_*): run
/// them one at a time, with no proxy in the way of 127.0.0.1.
fn serial() -> MutexGuard<'static, ()> {
    static LOCK: Mutex<()> = Mutex::new(());
    let guard = LOCK.lock().unwrap_or_else(|e| e.into_inner());
    for var in [
        "ALL_PROXY",
        "all_proxy",
        "HTTPS_PROXY",
        "https_proxy",
        "HTTP_PROXY",
        "http_proxy",
    ] {
        std::env::remove_var(var);
    }
    guard
}

fn settings(hub: &str, cache: &Path) -> HubSettings {
    HubSettings::from_lookup(|_| None)
        .with_endpoint(hub)
        .with_cache_dir(cache)
        .with_progress(false)
}

fn request(revision: Option<&str>, offline: bool) -> ModelRequest {
    ModelRequest {
        model: DEFAULT_MODEL.to_string(),
        revision: revision.map(str::to_string),
        offline,
    }
}

fn snapshot(cache: &Path, commit: &str) -> PathBuf {
    cache
        .join("models--Helsinki-NLP--opus-mt-ar-en")
        .join("snapshots")
        .join(commit)
}

/// Every located file has the bytes of the committed model.
fn assert_same_bytes(files: &ModelFiles) {
    let mut paths = vec![
        &files.config,
        &files.source_spm,
        &files.target_spm,
        &files.vocab,
        &files.weights,
    ];
    paths.extend(files.generation_config.iter());
    paths.extend(files.tokenizer_config.iter());
    for path in paths {
        let name = path.file_name().unwrap();
        assert_eq!(
            std::fs::read(path).unwrap(),
            std::fs::read(test_model_dir().join(name)).unwrap(),
            "{}",
            path.display()
        );
    }
}

#[test]
fn main_falls_back_to_the_bin_and_then_works_offline() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let cache = tmp.path().join("hub");
    let hub = FakeHub::start(opus_repo());
    let online = settings(&hub.endpoint(), &cache);

    let files = locate_model_with(&request(None, false), &online).unwrap();
    assert_eq!(files.repo_id.as_deref(), Some(DEFAULT_MODEL));
    assert_eq!(files.revision.as_deref(), Some(MAIN_COMMIT));
    assert_eq!(files.weights_file_name(), "pytorch_model.bin");
    assert_eq!(files.dir, snapshot(&cache, MAIN_COMMIT));
    assert!(files.generation_config.is_some() && files.tokenizer_config.is_some());
    assert_same_bytes(&files);
    assert_eq!(
        files.describe(),
        format!("{DEFAULT_MODEL}@{MAIN_COMMIT}, weights pytorch_model.bin")
    );
    let log = hub.requests();
    assert!(
        log.iter()
            .any(|r| r.contains("/resolve/main/model.safetensors -> 404")),
        "{log:#?}"
    );
    assert!(log.iter().any(|r| r.starts_with("GET /cdn/")), "{log:#?}");
    let checkpoint = load_checkpoint(
        &files.weights,
        candle_core::DType::F32,
        &candle_core::Device::Cpu,
    )
    .unwrap();
    assert_eq!(checkpoint.format, WeightFormat::PthLegacy);

    // Warm cache: the same answer without a single request (the 404 is remembered).
    let before = hub.requests().len();
    assert_eq!(
        locate_model_with(&request(None, false), &online).unwrap(),
        files
    );
    assert_eq!(
        hub.requests().len(),
        before,
        "{:#?}",
        &hub.requests()[before..]
    );

    // The hub is gone: offline by request, offline by setting, and even online all work.
    drop(hub);
    assert_eq!(
        locate_model_with(&request(None, true), &online).unwrap(),
        files
    );
    let offline = online.clone().with_offline(true);
    assert_eq!(
        locate_model_with(&request(None, false), &offline).unwrap(),
        files
    );
    assert_eq!(
        locate_model_with(&request(Some("main"), false), &online).unwrap(),
        files
    );
    assert_eq!(
        locate_model_with(&request(Some(MAIN_COMMIT), true), &online).unwrap(),
        files
    );
    // Without the remembered 404, online asks for model.safetensors, cannot connect, and falls
    // back to the complete cached snapshot.
    let no_exist = cache.join("models--Helsinki-NLP--opus-mt-ar-en/.no_exist");
    assert!(no_exist
        .join(MAIN_COMMIT)
        .join("model.safetensors")
        .is_file());
    std::fs::remove_dir_all(&no_exist).unwrap();
    assert_eq!(
        locate_model_with(&request(None, false), &online).unwrap(),
        files
    );

    // A revision never fetched is not in the cache.
    let err = locate_model_with(&request(Some("refs/pr/1"), true), &online).unwrap_err();
    assert!(matches!(err, HubError::NotCached { .. }), "{err}");
    assert!(err.to_string().contains("refs/pr/1"), "{err}");
}

#[test]
fn pull_request_revision_has_safetensors() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let cache = tmp.path().join("hub");
    let hub = FakeHub::start(opus_repo());
    let online = settings(&hub.endpoint(), &cache);

    let files = locate_model_with(&request(Some("refs/pr/1"), false), &online).unwrap();
    assert_eq!(files.revision.as_deref(), Some(PR_COMMIT));
    assert_eq!(files.weights_file_name(), "model.safetensors");
    assert_eq!(files.dir, snapshot(&cache, PR_COMMIT));
    assert_same_bytes(&files);
    let log = hub.requests();
    assert!(
        log.iter().all(|r| !r.contains("pytorch_model.bin")),
        "{log:#?}"
    );
    assert!(
        log.iter().any(|r| r.contains("/resolve/refs%2Fpr%2F1/")),
        "{log:#?}"
    );
    drop(hub);

    // Offline by branch name or by commit; main was never fetched.
    assert_eq!(
        locate_model_with(&request(Some("refs/pr/1"), true), &online).unwrap(),
        files
    );
    assert_eq!(
        locate_model_with(&request(Some(PR_COMMIT), true), &online).unwrap(),
        files
    );
    let err = locate_model_with(&request(None, true), &online).unwrap_err();
    assert!(err.to_string().contains("main"), "{err}");
}

#[test]
fn missing_files_and_unknown_repos_are_named() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let mut repo = opus_repo();
    repo.revisions[0]
        .files
        .retain(|(name, _)| name != "target.spm");
    let hub = FakeHub::start(repo);
    let online = settings(&hub.endpoint(), &tmp.path().join("hub"));

    let err = locate_model_with(&request(None, false), &online).unwrap_err();
    let text = err.to_string();
    assert!(matches!(err, HubError::NotOnHub { .. }), "{text}");
    assert!(
        text.contains("target.spm") && text.contains("SentencePiece"),
        "{text}"
    );
    assert!(
        text.contains(DEFAULT_MODEL) && text.contains("main"),
        "{text}"
    );

    let err = locate_model_with(&request(Some("v9"), false), &online).unwrap_err();
    assert!(err.to_string().contains("there is no revision v9"), "{err}");

    let other = ModelRequest {
        model: "Helsinki-NLP/opus-mt-xx-yy".into(),
        revision: None,
        offline: false,
    };
    let err = locate_model_with(&other, &online).unwrap_err();
    let text = err.to_string();
    assert!(matches!(err, HubError::Http { status: 401, .. }), "{text}");
    assert!(
        text.contains("opus-mt-xx-yy") && text.contains("does not exist"),
        "{text}"
    );
}

#[test]
fn corrupt_weight_download_is_rejected() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let cache = tmp.path().join("hub");
    let mut repo = opus_repo();
    repo.corrupt_lfs = Some("pytorch_model.bin");
    let hub = FakeHub::start(repo);
    let online = settings(&hub.endpoint(), &cache);

    let err = locate_model_with(&request(None, false), &online).unwrap_err();
    let text = err.to_string();
    assert!(matches!(err, HubError::CorruptFile { .. }), "{text}");
    assert!(
        text.contains("pytorch_model.bin") && text.contains("SHA-256"),
        "{text}"
    );
    // Nothing corrupt stays behind to be picked up offline.
    assert!(!snapshot(&cache, MAIN_COMMIT)
        .join("pytorch_model.bin")
        .exists());
    let err = locate_model_with(&request(None, true), &online).unwrap_err();
    assert!(err.to_string().contains("pytorch_model.bin"), "{err}");
}

#[test]
fn unreachable_hub_with_a_cold_cache_says_what_to_do() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    // Bind and drop a listener: that port now refuses connections.
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let online = settings(&format!("http://127.0.0.1:{port}"), &tmp.path().join("hub"));
    let err = locate_model_with(&request(None, false), &online).unwrap_err();
    let text = err.to_string();
    assert!(matches!(err, HubError::Download { .. }), "{text}");
    assert!(
        text.contains("config.json") && text.contains("--offline"),
        "{text}"
    );
}

#[test]
fn environment_variables_are_honoured() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let hf_home = tmp.path().join("hf-home");
    let hub = FakeHub::start(opus_repo());
    for var in [
        "HF_HUB_CACHE",
        "HUGGINGFACE_HUB_CACHE",
        "HF_HUB_OFFLINE",
        "HF_TOKEN",
    ] {
        std::env::remove_var(var);
    }
    std::env::set_var("HF_ENDPOINT", hub.endpoint());
    std::env::set_var("HF_HOME", &hf_home);

    let files = locate_model(&request(None, false));
    let cache = hf_home.join("hub");
    // Offline through HF_HUB_OFFLINE, with the hub gone.
    drop(hub);
    std::env::set_var("HF_HUB_OFFLINE", "1");
    let offline = locate_model(&request(None, false));
    // HF_HUB_CACHE wins over HF_HOME: an empty cache there.
    std::env::set_var("HF_HUB_CACHE", tmp.path().join("elsewhere"));
    let elsewhere = locate_model(&request(None, false));
    for var in ["HF_ENDPOINT", "HF_HOME", "HF_HUB_OFFLINE", "HF_HUB_CACHE"] {
        std::env::remove_var(var);
    }

    let files = files.unwrap();
    assert_eq!(files.dir, snapshot(&cache, MAIN_COMMIT));
    assert_eq!(offline.unwrap(), files);
    let err = elsewhere.unwrap_err();
    assert!(err.to_string().contains("elsewhere"), "{err}");
}

#[test]
fn local_folder_is_used_as_is() {
    let _serial = serial();
    let req = ModelRequest {
        model: test_model_dir().display().to_string(),
        revision: None,
        offline: false,
    };
    // No network settings matter for a folder.
    let files = locate_model_with(
        &req,
        &settings("http://127.0.0.1:1", Path::new("/nonexistent")),
    )
    .unwrap();
    assert_eq!(files.dir, test_model_dir());
    assert_eq!(files.repo_id, None);
    assert_eq!(files.revision, None);
    assert_eq!(files.weights_file_name(), "model.safetensors");
    assert_same_bytes(&files);
}
