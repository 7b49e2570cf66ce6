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
    /// Where people reach the SPA (`PUBLIC_URL`): the links in mails start with it.
    pub public_url: String,
    pub mail: MailConfig,
    pub jobs: JobsConfig,
    /// Membership applications one address may send at once, then one more per period.
    pub application_limits: LoginLimits,
    /// The largest signed letter accepted with an application (`MAX_LETTER_BYTES`).
    pub max_letter_bytes: usize,
    /// Roles whose members must sign in with a second factor (`REQUIRE_TOTP_ROLES`); none by
    /// default.
    pub require_totp_roles: Vec<pioneer_domain::Role>,
    pub files: FilesConfig,
    /// This replica's search index (`SEARCH_INDEX_DIR`, default `data/search-index`); none:
    /// in memory, rebuilt at every start.
    pub search_index_dir: Option<PathBuf>,
}

/// Where resources' files are kept: `FILES_DIR` (default `data/files`), or the S3 bucket
/// `S3_BUCKET` when it is set (`S3_ENDPOINT` for a non-AWS server, `S3_REGION`,
/// `S3_ACCESS_KEY_ID`, `S3_SECRET_ACCESS_KEY`).
#[derive(Clone, Debug)]
pub struct FilesConfig {
    pub dir: PathBuf,
    pub s3: Option<S3Config>,
}

#[derive(Clone)]
pub struct S3Config {
    pub bucket: String,
    /// e.g. `http://127.0.0.1:9000`; none: AWS itself.
    pub endpoint: Option<String>,
    pub region: String,
    pub access_key_id: String,
    pub secret_access_key: String,
}

impl std::fmt::Debug for S3Config {
    /// Never prints the secret.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("S3Config")
            .field("bucket", &self.bucket)
            .field("endpoint", &self.endpoint)
            .field("region", &self.region)
            .finish_non_exhaustive()
    }
}

impl Default for FilesConfig {
    fn default() -> Self {
        Self {
            dir: PathBuf::from("data/files"),
            s3: None,
        }
    }
}

/// How mail leaves: through SMTP when `SMTP_HOST` is set, else as `.eml` files in `MAIL_OUTBOX`.
#[derive(Clone)]
pub struct MailConfig {
    /// `MAIL_FROM`, e.g. `Pioneer Hub <no-reply@example.org>`.
    pub from: String,
    pub smtp: Option<SmtpConfig>,
    pub outbox_dir: PathBuf,
}

#[derive(Clone)]
pub struct SmtpConfig {
    pub host: String,
    pub port: u16,
    /// `SMTP_TLS`: `starttls` (default), `tls` (implicit, port 465) or `none` (a relay on
    /// loopback, and tests).
    pub tls: SmtpTls,
    pub username: Option<String>,
    pub password: Option<String>,
    pub timeout: Duration,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SmtpTls {
    None,
    StartTls,
    Tls,
}

/// The background worker of each replica.
#[derive(Debug, Clone)]
pub struct JobsConfig {
    /// `JOBS_WORKER=off` runs no worker on this replica (jobs wait for another one).
    pub worker: bool,
    /// How often an idle worker looks for due jobs (`JOB_POLL_MS`); a job written on this
    /// replica wakes it at once.
    pub poll_interval: Duration,
    /// How long a claimed job is held before another worker may take it (`JOB_LEASE_SECS`).
    pub lease: Duration,
    /// Automatic reminders go out this many days before a cycle's due date
    /// (`REMINDER_DAYS_BEFORE`; 0 turns them off).
    pub reminder_days_before: u32,
    /// How often each replica checks whether reminders are due (`REMINDER_CHECK_SECS`).
    pub reminder_check_interval: Duration,
}

impl Default for JobsConfig {
    fn default() -> Self {
        Self {
            worker: true,
            poll_interval: Duration::from_secs(1),
            lease: Duration::from_secs(120),
            reminder_days_before: 14,
            reminder_check_interval: Duration::from_secs(300),
        }
    }
}

impl Default for MailConfig {
    fn default() -> Self {
        Self {
            from: "Pioneer Hub <no-reply@pioneer-hub.local>".into(),
            smtp: None,
            outbox_dir: PathBuf::from("data/outbox"),
        }
    }
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
            public_url: format!("http://{DEFAULT_BIND}"),
            mail: MailConfig::default(),
            jobs: JobsConfig::default(),
            // Ten tries at once (a form corrected a few times), then one every six minutes.
            application_limits: LoginLimits {
                account_burst: 10,
                account_period: Duration::from_secs(360),
                ip_burst: 10,
                ip_period: Duration::from_secs(360),
            },
            max_letter_bytes: pioneer_domain::membership::application::MAX_LETTER_BYTES,
            require_totp_roles: Vec::new(),
            files: FilesConfig::default(),
            search_index_dir: Some(PathBuf::from("data/search-index")),
        }
    }
}

impl Config {
    /// Reads `DATABASE_URL`, `BIND`, `JWT_SECRET`, `CORS_ORIGINS` (comma-separated),
    /// `LOG_FORMAT` (`text` or `json`), `SPA_DIR`, `LOGIN_BURST_PER_IP` (login attempts one
    /// address may make at once: raise it when a whole office signs in from behind one NAT),
    /// `LOGIN_BURST_PER_ACCOUNT` (sign-ins one account may make at once),
    /// `ROW_CACHE_MAX_AGE_MS` (how long another replica's change may go unseen; 0 turns the
    /// row cache off), `METRICS_TOKEN` (the bearer token of `GET /metrics`), `PUBLIC_URL`,
    /// the mail settings (`MAIL_FROM`, `MAIL_OUTBOX`, `SMTP_HOST`, `SMTP_PORT`, `SMTP_TLS`,
    /// `SMTP_USERNAME`, `SMTP_PASSWORD`), the worker's (`JOBS_WORKER`, `JOB_POLL_MS`,
    /// `JOB_LEASE_SECS`, `REMINDER_DAYS_BEFORE`, `REMINDER_CHECK_SECS`),
    /// `APPLICATIONS_PER_HOUR_PER_IP` and `REQUIRE_TOTP_ROLES` (comma-separated role names,
    /// e.g. `admin,secretariat`, whose members must turn two-factor sign-in on; an unknown name
    /// stops the start), the files' store (see [`FilesConfig`]) and `SEARCH_INDEX_DIR`
    /// (`memory` keeps the index in memory).
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
        let burst_of = |name: &str, raw: &str| -> anyhow::Result<u32> {
            raw.trim()
                .parse()
                .ok()
                .filter(|&n| n > 0)
                .with_context(|| format!("{name} must be a positive number, not `{raw}`"))
        };
        if let Some(burst) = var("LOGIN_BURST_PER_IP") {
            config.login_limits.ip_burst = burst_of("LOGIN_BURST_PER_IP", &burst)?;
        }
        if let Some(burst) = var("LOGIN_BURST_PER_ACCOUNT") {
            config.login_limits.account_burst = burst_of("LOGIN_BURST_PER_ACCOUNT", &burst)?;
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
        config.public_url = match var("PUBLIC_URL") {
            Some(url) => url.trim().trim_end_matches('/').to_owned(),
            None => format!("http://{}", config.bind),
        };
        if let Some(from) = var("MAIL_FROM") {
            from.parse::<lettre::message::Mailbox>()
                .with_context(|| format!("MAIL_FROM must be an address such as `Pioneer Hub <no-reply@example.org>`, not `{from}`"))?;
            config.mail.from = from;
        }
        if let Some(dir) = var("MAIL_OUTBOX") {
            config.mail.outbox_dir = PathBuf::from(dir);
        }
        if let Some(dir) = var("FILES_DIR") {
            config.files.dir = PathBuf::from(dir);
        }
        if let Some(bucket) = var("S3_BUCKET") {
            let required = |name: &str| {
                var(name).with_context(|| format!("{name} is required when S3_BUCKET is set"))
            };
            config.files.s3 = Some(S3Config {
                bucket,
                endpoint: var("S3_ENDPOINT"),
                region: var("S3_REGION").unwrap_or_else(|| "us-east-1".into()),
                access_key_id: required("S3_ACCESS_KEY_ID")?,
                secret_access_key: required("S3_SECRET_ACCESS_KEY")?,
            });
        }
        match var("SEARCH_INDEX_DIR").as_deref() {
            Some("memory") => config.search_index_dir = None,
            Some(dir) => config.search_index_dir = Some(PathBuf::from(dir)),
            None => {}
        }
        if let Some(host) = var("SMTP_HOST") {
            let tls = match var("SMTP_TLS").as_deref() {
                None | Some("starttls") => SmtpTls::StartTls,
                Some("tls") => SmtpTls::Tls,
                Some("none") => SmtpTls::None,
                Some(other) => bail!("SMTP_TLS must be `starttls`, `tls` or `none`, not `{other}`"),
            };
            let default_port = match tls {
                SmtpTls::Tls => 465,
                SmtpTls::StartTls => 587,
                SmtpTls::None => 25,
            };
            config.mail.smtp = Some(SmtpConfig {
                host,
                port: positive(var("SMTP_PORT"), "SMTP_PORT")?.unwrap_or(default_port),
                tls,
                username: var("SMTP_USERNAME"),
                password: var("SMTP_PASSWORD"),
                timeout: Duration::from_secs(20),
            });
        }
        config.jobs.worker = var("JOBS_WORKER").is_none_or(|v| v != "off" && v != "false");
        if let Some(ms) = positive::<u64>(var("JOB_POLL_MS"), "JOB_POLL_MS")? {
            config.jobs.poll_interval = Duration::from_millis(ms);
        }
        if let Some(secs) = positive::<u64>(var("JOB_LEASE_SECS"), "JOB_LEASE_SECS")? {
            config.jobs.lease = Duration::from_secs(secs);
        }
        if let Some(days) = var("REMINDER_DAYS_BEFORE") {
            config.jobs.reminder_days_before = days.trim().parse().ok().with_context(|| {
                format!("REMINDER_DAYS_BEFORE must be a number of days, not `{days}`")
            })?;
        }
        if let Some(secs) = positive::<u64>(var("REMINDER_CHECK_SECS"), "REMINDER_CHECK_SECS")? {
            config.jobs.reminder_check_interval = Duration::from_secs(secs);
        }
        if let Some(per_hour) = positive::<u32>(
            var("APPLICATIONS_PER_HOUR_PER_IP"),
            "APPLICATIONS_PER_HOUR_PER_IP",
        )? {
            let period =
                Duration::from_secs(3600 / u64::from(per_hour)).max(Duration::from_millis(1));
            config.application_limits = LoginLimits {
                account_burst: per_hour,
                account_period: period,
                ip_burst: per_hour,
                ip_period: period,
            };
        }
        if let Some(roles) = var("REQUIRE_TOTP_ROLES") {
            config.require_totp_roles = pioneer_domain::two_factor::parse_required_roles(&roles)
                .map_err(|unknown| {
                    anyhow::anyhow!(
                        "REQUIRE_TOTP_ROLES: {unknown}; the roles are {}",
                        pioneer_domain::Role::ALL.map(|r| r.as_str()).join(", ")
                    )
                })?;
        }
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

/// A positive number from an environment variable, if it is set.
fn positive<T: std::str::FromStr + PartialOrd + Default>(
    raw: Option<String>,
    name: &str,
) -> anyhow::Result<Option<T>> {
    raw.map(|raw| {
        raw.trim()
            .parse::<T>()
            .ok()
            .filter(|n| *n > T::default())
            .with_context(|| format!("{name} must be a positive number, not `{raw}`"))
    })
    .transpose()
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
