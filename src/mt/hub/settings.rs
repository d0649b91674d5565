//! Where the hub and its cache are, read from the same environment variables as Python's
//! `huggingface_hub`, or given explicitly (tests, embedding applications).

use std::path::PathBuf;

/// The public Hugging Face hub.
pub const DEFAULT_ENDPOINT: &str = "https://huggingface.co";

/// Hub endpoint, cache folder, offline switch and token for [`super::locate_model_with`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HubSettings {
    /// Base URL of the hub (`HF_ENDPOINT`), without a trailing slash.
    pub endpoint: String,
    /// The hub cache folder holding `models--org--name/` (`HF_HUB_CACHE`, else `$HF_HOME/hub`).
    pub cache_dir: PathBuf,
    /// Never contact the hub (`HF_HUB_OFFLINE`); `ModelRequest::offline` also turns this on.
    pub offline: bool,
    /// Access token for private or gated repositories (`HF_TOKEN` or the saved token file).
    pub token: Option<String>,
    /// Show download progress bars on stderr.
    pub progress: bool,
}

impl HubSettings {
    /// Settings from the process environment, as `huggingface_hub` reads them:
    /// `HF_ENDPOINT`; `HF_HUB_CACHE` (or the older `HUGGINGFACE_HUB_CACHE`), else `$HF_HOME/hub`,
    /// else `$XDG_CACHE_HOME/huggingface/hub`, else `~/.cache/huggingface/hub`; `HF_HUB_OFFLINE`
    /// (`1`, `ON`, `YES`, `TRUE`); `HF_TOKEN`, else the file `HF_TOKEN_PATH` or `$HF_HOME/token`.
    pub fn from_env() -> Self {
        let mut settings = Self::from_lookup(|name| std::env::var(name).ok());
        if settings.token.is_none() {
            settings.token = token_file(|name| std::env::var(name).ok())
                .and_then(|path| std::fs::read_to_string(path).ok())
                .map(|token| token.trim().to_string())
                .filter(|token| !token.is_empty());
        }
        settings
    }

    /// Settings from any variable lookup (the environment in [`Self::from_env`]); the token file
    /// is not read here.
    pub fn from_lookup(var: impl Fn(&str) -> Option<String>) -> Self {
        let set = |name: &str| var(name).filter(|v| !v.is_empty());
        let endpoint = set("HF_ENDPOINT")
            .map(|e| e.trim_end_matches('/').to_string())
            .unwrap_or_else(|| DEFAULT_ENDPOINT.to_string());
        let cache_dir = set("HF_HUB_CACHE")
            .or_else(|| set("HUGGINGFACE_HUB_CACHE"))
            .map(PathBuf::from)
            .unwrap_or_else(|| hf_home(&set).join("hub"));
        let offline = set("HF_HUB_OFFLINE").is_some_and(|v| is_true(&v));
        let token = set("HF_TOKEN").or_else(|| set("HUGGING_FACE_HUB_TOKEN"));
        Self {
            endpoint,
            cache_dir,
            offline,
            token,
            progress: true,
        }
    }

    /// These settings with another endpoint.
    pub fn with_endpoint(mut self, endpoint: impl Into<String>) -> Self {
        self.endpoint = endpoint.into().trim_end_matches('/').to_string();
        self
    }

    /// These settings with another cache folder (the one holding `models--org--name/`).
    pub fn with_cache_dir(mut self, cache_dir: impl Into<PathBuf>) -> Self {
        self.cache_dir = cache_dir.into();
        self
    }

    /// These settings, offline or not.
    pub fn with_offline(mut self, offline: bool) -> Self {
        self.offline = offline;
        self
    }

    /// These settings with another token.
    pub fn with_token(mut self, token: Option<String>) -> Self {
        self.token = token;
        self
    }

    /// These settings with progress bars on or off.
    pub fn with_progress(mut self, progress: bool) -> Self {
        self.progress = progress;
        self
    }
}

/// `$HF_HOME`, else `$XDG_CACHE_HOME/huggingface`, else `~/.cache/huggingface`.
fn hf_home(set: &impl Fn(&str) -> Option<String>) -> PathBuf {
    if let Some(home) = set("HF_HOME") {
        return PathBuf::from(home);
    }
    let cache = set("XDG_CACHE_HOME").map(PathBuf::from).unwrap_or_else(|| {
        let home = set("HOME")
            .or_else(|| set("USERPROFILE"))
            .unwrap_or_else(|| ".".to_string());
        PathBuf::from(home).join(".cache")
    });
    cache.join("huggingface")
}

fn token_file(var: impl Fn(&str) -> Option<String>) -> Option<PathBuf> {
    let set = |name: &str| var(name).filter(|v| !v.is_empty());
    set("HF_TOKEN_PATH")
        .map(PathBuf::from)
        .or_else(|| Some(hf_home(&set).join("token")))
}

/// `huggingface_hub`'s reading of boolean variables.
fn is_true(value: &str) -> bool {
    matches!(
        value.trim().to_ascii_uppercase().as_str(),
        "1" | "ON" | "YES" | "TRUE"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn settings(vars: &[(&str, &str)]) -> HubSettings {
        let vars: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        HubSettings::from_lookup(|name| vars.get(name).cloned())
    }

    #[test]
    fn defaults_follow_home() {
        let s = settings(&[("HOME", "/home/u")]);
        assert_eq!(s.endpoint, "https://huggingface.co");
        assert_eq!(s.cache_dir, PathBuf::from("/home/u/.cache/huggingface/hub"));
        assert!(!s.offline);
        assert_eq!(s.token, None);
    }

    #[test]
    fn cache_precedence() {
        let s = settings(&[("HOME", "/h"), ("XDG_CACHE_HOME", "/x")]);
        assert_eq!(s.cache_dir, PathBuf::from("/x/huggingface/hub"));
        let s = settings(&[("HOME", "/h"), ("XDG_CACHE_HOME", "/x"), ("HF_HOME", "/hf")]);
        assert_eq!(s.cache_dir, PathBuf::from("/hf/hub"));
        let s = settings(&[("HF_HOME", "/hf"), ("HUGGINGFACE_HUB_CACHE", "/old")]);
        assert_eq!(s.cache_dir, PathBuf::from("/old"));
        let s = settings(&[
            ("HF_HOME", "/hf"),
            ("HUGGINGFACE_HUB_CACHE", "/old"),
            ("HF_HUB_CACHE", "/new"),
        ]);
        assert_eq!(s.cache_dir, PathBuf::from("/new"));
    }

    #[test]
    fn endpoint_offline_and_token() {
        let s = settings(&[
            ("HF_ENDPOINT", "http://127.0.0.1:9/"),
            ("HF_HUB_OFFLINE", "yes"),
            ("HF_TOKEN", "hf_x"),
        ]);
        assert_eq!(s.endpoint, "http://127.0.0.1:9");
        assert!(s.offline);
        assert_eq!(s.token.as_deref(), Some("hf_x"));
        for off in ["0", "false", "no", ""] {
            assert!(!settings(&[("HF_HUB_OFFLINE", off)]).offline, "{off}");
        }
        for on in ["1", "ON", "True"] {
            assert!(settings(&[("HF_HUB_OFFLINE", on)]).offline, "{on}");
        }
    }

    #[test]
    fn token_file_location() {
        let vars = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(
            token_file(vars(&[("HF_HOME", "/hf")])),
            Some(PathBuf::from("/hf/token"))
        );
        assert_eq!(
            token_file(vars(&[("HF_HOME", "/hf"), ("HF_TOKEN_PATH", "/t")])),
            Some(PathBuf::from("/t"))
        );
    }
}
