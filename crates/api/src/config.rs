//! Configuration from environment variables, with defaults that run the product on a laptop.

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context, bail};
use base64::Engine;
use rand::RngCore;
use sea_orm::sqlx::sqlite::SqliteSynchronous;

pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/pioneer.db?mode=rwc";
pub const DEFAULT_BIND: &str = "127.0.0.1:8080";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    Text,
    Json,
}

/// How many login attempts are let through before answering 429.
#[derive(Debug, Clone, Copy)]
pub struct LoginLimits {
    /// Attempts allowed at once for one account, then one more per `account_period`.
    pub account_burst: u32,
    pub account_period: Duration,
    /// Attempts allowed at once from one IP address, then one more per `ip_period`.
    pub ip_burst: u32,
    pub ip_period: Duration,
}

impl Default for LoginLimits {
    fn default() -> Self {
        Self {
            account_burst: 5,
            account_period: Duration::from_secs(60),
            ip_burst: 30,
            ip_period: Duration::from_secs(2),
        }
    }
}

#[derive(Clone)]
pub struct Config {
    pub database_url: String,
    pub bind: String,
    /// Absent: generated and kept next to the SQLite file (see [`Config::jwt_secret`]).
    pub jwt_secret: Option<String>,
    pub cors_origins: Vec<String>,
    pub log_format: LogFormat,
    pub spa_dir: PathBuf,
    pub access_token_ttl: Duration,
    pub refresh_token_ttl: Duration,
    pub login_limits: LoginLimits,
    /// Largest JSON body accepted, in bytes.
    pub json_limit: usize,
    /// Answer `X-Query-Count` (database queries the request made): for tests and profiling.
    pub expose_query_count: bool,
    /// How long a member's or a roadmap's row is trusted without reading it again, on a
    /// replica that did not change it (zero: read it on every request).
    pub row_cache_max_age: Duration,
    /// When SQLite syncs to disk (see `SQLITE_SYNCHRONOUS`).
    pub sqlite_synchronous: SqliteSynchronous,
    /// The bearer token that `GET /metrics` asks for (`METRICS_TOKEN`); none: no `/metrics`.
    pub metrics_token: Option<String>,
}

impl std::fmt::Debug for Config {
    /// Never prints the secret.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("database_url", &redact_url(&self.database_url))
            .field("bind", &self.bind)
            .field("jwt_secret", &self.jwt_secret.as_ref().map(|_| "<set>"))
            .field("cors_origins", &self.cors_origins)
            .field(
                "metrics_token",
                &self.metrics_token.as_ref().map(|_| "<set>"),
            )
            .field("spa_dir", &self.spa_dir)
            .finish_non_exhaustive()
    }
}

impl Default for Config {
    fn default() -> Self {
        Self {
            database_url: DEFAULT_DATABASE_URL.into(),
            bind: DEFAULT_BIND.into(),
            jwt_secret: None,
            cors_origins: Vec::new(),
            log_format: LogFormat::Text,
            spa_dir: PathBuf::from("frontend/dist"),
            access_token_ttl: Duration::from_secs(15 * 60),
            refresh_token_ttl: Duration::from_secs(30 * 24 * 3600),
            login_limits: LoginLimits::default(),
            json_limit: 256 * 1024,
            expose_query_count: false,
            row_cache_max_age: Duration::from_secs(1),
            sqlite_synchronous: SqliteSynchronous::Full,
            metrics_token: None,
        }
    }
}

impl Config {
    /// Reads `DATABASE_URL`, `BIND`, `JWT_SECRET`, `CORS_ORIGINS` (comma-separated),
    /// `LOG_FORMAT` (`text` or `json`), `SPA_DIR`, `LOGIN_BURST_PER_IP` (login attempts one
    /// address may make at once: raise it when a whole office signs in from behind one NAT),
    /// `ROW_CACHE_MAX_AGE_MS` (how long another replica's change may go unseen; 0 turns the
    /// row cache off), `METRICS_TOKEN` (the bearer token of `GET /metrics`).
    pub fn from_env() -> anyhow::Result<Self> {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
        let mut config = Self::default();
        if let Some(url) = var("DATABASE_URL") {
            config.database_url = url;
        }
        if let Some(bind) = var("BIND") {
            config.bind = bind;
        }
        config.jwt_secret = var("JWT_SECRET");
        if let Some(origins) = var("CORS_ORIGINS") {
            config.cors_origins = origins
                .split(',')
                .map(|o| o.trim().to_owned())
                .filter(|o| !o.is_empty())
                .collect();
        }
        config.log_format = match var("LOG_FORMAT").as_deref() {
            None | Some("text") => LogFormat::Text,
            Some("json") => LogFormat::Json,
            Some(other) => bail!("LOG_FORMAT must be `text` or `json`, not `{other}`"),
        };
        config.expose_query_count =
            var("EXPOSE_QUERY_COUNT").is_some_and(|v| v == "true" || v == "1");
        if let Some(dir) = var("SPA_DIR") {
            config.spa_dir = PathBuf::from(dir);
        }
        if let Some(burst) = var("LOGIN_BURST_PER_IP") {
            config.login_limits.ip_burst = burst
                .trim()
                .parse()
                .ok()
                .filter(|&n| n > 0)
                .with_context(|| {
                    format!("LOGIN_BURST_PER_IP must be a positive number, not `{burst}`")
                })?;
        }
        if let Some(ms) = var("ROW_CACHE_MAX_AGE_MS") {
            config.row_cache_max_age = ms
                .trim()
                .parse()
                .map(Duration::from_millis)
                .ok()
                .with_context(|| {
                    format!("ROW_CACHE_MAX_AGE_MS must be a number of milliseconds, not `{ms}`")
                })?;
        }
        config.metrics_token = var("METRICS_TOKEN");
        if config
            .metrics_token
            .as_ref()
            .is_some_and(|t| t.trim().len() < 16)
        {
            bail!("METRICS_TOKEN must be at least 16 characters long");
        }
        config.sqlite_synchronous = match var("SQLITE_SYNCHRONOUS").as_deref() {
            None | Some("full") => SqliteSynchronous::Full,
            Some("normal") => SqliteSynchronous::Normal,
            Some(other) => bail!("SQLITE_SYNCHRONOUS must be `full` or `normal`, not `{other}`"),
        };
        Ok(config)
    }

    pub fn is_sqlite(&self) -> bool {
        self.database_url.starts_with("sqlite:")
    }

    /// The SQLite file the URL names, if it names one (not `:memory:`).
    pub fn sqlite_path(&self) -> Option<PathBuf> {
        let rest = self
            .database_url
            .strip_prefix("sqlite://")
            .or_else(|| self.database_url.strip_prefix("sqlite:"))?;
        let path = rest.split('?').next().unwrap_or(rest);
        (!path.is_empty() && !path.contains(":memory:")).then(|| PathBuf::from(path))
    }

    /// `JWT_SECRET` when set; otherwise a random secret generated once and kept in a
    /// `jwt_secret` file beside the SQLite database (readable by its owner only). A PostgreSQL
    /// deployment must set `JWT_SECRET`: replicas have to share it.
    pub fn jwt_secret(&self) -> anyhow::Result<String> {
        if let Some(secret) = &self.jwt_secret {
            if secret.len() < 32 {
                bail!("JWT_SECRET must be at least 32 characters long");
            }
            return Ok(secret.clone());
        }
        let Some(db_path) = self.sqlite_path() else {
            bail!("JWT_SECRET is not set: it is required unless the database is a SQLite file");
        };
        let dir = db_path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        read_or_create_secret(&dir.join("jwt_secret"))
    }
}

fn read_or_create_secret(path: &Path) -> anyhow::Result<String> {
    if let Ok(secret) = std::fs::read_to_string(path) {
        let secret = secret.trim().to_owned();
        if secret.len() >= 32 {
            return Ok(secret);
        }
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    let mut bytes = [0u8; 48];
    rand::rng().fill_bytes(&mut bytes);
    let secret = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
    write_private(path, &secret).with_context(|| format!("writing {}", path.display()))?;
    Ok(secret)
}

#[cfg(unix)]
fn write_private(path: &Path, contents: &str) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(path)?;
    file.write_all(contents.as_bytes())
}

#[cfg(not(unix))]
fn write_private(path: &Path, contents: &str) -> std::io::Result<()> {
    std::fs::write(path, contents)
}

/// A database URL with its password hidden, for logs.
pub fn redact_url(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            let credentials = &url[scheme_end + 3..at];
            match credentials.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..scheme_end + 3], &url[at..]),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_paths_are_read_from_the_url() {
        let config = Config {
            database_url: "sqlite://data/pioneer.db?mode=rwc".into(),
            ..Config::default()
        };
        assert_eq!(config.sqlite_path(), Some(PathBuf::from("data/pioneer.db")));
        let memory = Config {
            database_url: "sqlite::memory:".into(),
            ..Config::default()
        };
        assert_eq!(memory.sqlite_path(), None);
    }

    #[test]
    fn passwords_are_hidden_in_logged_urls() {
        assert_eq!(
            redact_url("postgres://app:s3cret@db:5432/pioneer"),
            "postgres://app:***@db:5432/pioneer"
        );
        assert_eq!(
            redact_url("sqlite://data/pioneer.db"),
            "sqlite://data/pioneer.db"
        );
    }

    #[test]
    fn a_generated_secret_is_kept_and_reused() {
        let dir = std::env::temp_dir().join(format!("pioneer-secret-{}", uuid::Uuid::now_v7()));
        let config = Config {
            database_url: format!("sqlite://{}/db.sqlite?mode=rwc", dir.display()),
            ..Config::default()
        };
        let first = config.jwt_secret().unwrap();
        assert!(first.len() >= 32);
        assert_eq!(config.jwt_secret().unwrap(), first);
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn postgres_without_a_secret_is_refused() {
        let config = Config {
            database_url: "postgres://localhost/pioneer".into(),
            ..Config::default()
        };
        assert!(config.jwt_secret().is_err());
    }
}
