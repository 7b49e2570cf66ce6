//! The processes under test: the release `pioneer` server (or the ceiling), their start-up time
//! and their memory.

use std::fs::File;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use anyhow::{Context, bail};

/// The workspace root (this crate lives in `bench/`).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

pub fn release_binary(name: &str) -> PathBuf {
    root().join("target/release").join(name)
}

pub fn free_port() -> anyhow::Result<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

/// Where the server keeps its data and writes its log, for one backend.
#[derive(Clone)]
pub struct ServerSetup {
    pub database_url: String,
    pub work_dir: PathBuf,
    pub port: u16,
}

pub const JWT_SECRET: &str = "bench-only-secret-0123456789-abcdefghijklmnopqrstuvwxyz";

impl ServerSetup {
    pub fn base(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    fn command(&self) -> Command {
        let mut cmd = Command::new(release_binary("pioneer"));
        cmd.env("DATABASE_URL", &self.database_url)
            .env("BIND", format!("127.0.0.1:{}", self.port))
            .env("JWT_SECRET", JWT_SECRET)
            .env("SPA_DIR", root().join("frontend/dist"))
            .env("FILES_DIR", self.work_dir.join("files"))
            .env("SEARCH_INDEX_DIR", self.work_dir.join("search-index"))
            // The generator signs in 200 focal points from this one address.
            .env("LOGIN_BURST_PER_IP", "100000")
            .env_remove("EXPOSE_QUERY_COUNT")
            // The caches as shipped, unless a measurement asks otherwise (`start_with_env`).
            .env_remove("ROW_CACHE_MAX_AGE_MS");
        cmd
    }

    /// `pioneer seed --demo`: migrates and creates the demo accounts (admin, reviewer, …).
    pub fn seed(&self) -> anyhow::Result<()> {
        let status = self
            .command()
            .args(["seed", "--demo"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .context("running pioneer seed")?;
        if !status.success() {
            bail!("pioneer seed --demo failed ({status})");
        }
        Ok(())
    }

    /// Starts `pioneer serve`, logging (at the default level, as in production) to a file, and
    /// answers once `/ready` says 200, with the time that took.
    pub fn start(&self) -> anyhow::Result<(Process, Duration)> {
        self.start_with_env(&[])
    }

    /// `start`, with these environment variables set besides the usual ones (a configuration
    /// that one measurement needs, such as `ROW_CACHE_MAX_AGE_MS=0`).
    pub fn start_with_env(&self, env: &[(&str, &str)]) -> anyhow::Result<(Process, Duration)> {
        let log = File::options()
            .create(true)
            .append(true)
            .open(self.work_dir.join("server.log"))?;
        let started = Instant::now();
        let child = self
            .command()
            .envs(env.iter().copied())
            .arg("serve")
            .stdout(Stdio::from(log.try_clone()?))
            .stderr(Stdio::from(log))
            .spawn()
            .context("starting pioneer serve")?;
        let process = Process(child);
        let ready = wait_ready(&format!("{}/ready", self.base()), started)?;
        Ok((process, ready))
    }
}

/// Polls `url` every 5 ms until it answers 200 (at most 120 s: a first start builds the
/// search index).
pub fn wait_ready(url: &str, started: Instant) -> anyhow::Result<Duration> {
    while started.elapsed() < Duration::from_secs(120) {
        if answers_200(url) {
            return Ok(started.elapsed());
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    bail!("{url} did not answer 200 within 120 s")
}

/// A bare HTTP/1.1 GET over a socket: the start-up measurement must not include a client
/// library's own set-up.
fn answers_200(url: &str) -> bool {
    let Some(rest) = url.strip_prefix("http://") else {
        return false;
    };
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    let Ok(mut stream) = TcpStream::connect(host) else {
        return false;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
    let request = format!("GET /{path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");
    if stream.write_all(request.as_bytes()).is_err() {
        return false;
    }
    let mut head = [0u8; 12];
    stream.read_exact(&mut head).is_ok() && head.ends_with(b"200")
}

/// A child process that is killed when dropped, however the benchmark ends.
pub struct Process(pub Child);

impl Process {
    pub fn spawn(mut cmd: Command) -> anyhow::Result<Self> {
        Ok(Self(cmd.spawn()?))
    }

    pub fn pid(&self) -> u32 {
        self.0.id()
    }

    /// Resident memory now, in bytes.
    pub fn rss(&self) -> u64 {
        rss_of(self.pid())
    }

    /// Samples the resident memory every 50 ms until the sampler is stopped.
    pub fn sample_rss(&self) -> RssSampler {
        let pid = self.pid();
        let peak = Arc::new(AtomicU64::new(rss_of(pid)));
        let stop = Arc::new(AtomicBool::new(false));
        let handle = {
            let (peak, stop) = (peak.clone(), stop.clone());
            std::thread::spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    peak.fetch_max(rss_of(pid), Ordering::Relaxed);
                    std::thread::sleep(Duration::from_millis(50));
                }
            })
        };
        RssSampler {
            peak,
            stop,
            handle: Some(handle),
        }
    }
}

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

pub struct RssSampler {
    peak: Arc<AtomicU64>,
    stop: Arc<AtomicBool>,
    handle: Option<JoinHandle<()>>,
}

impl RssSampler {
    /// Stops sampling; answers the peak, in bytes.
    pub fn finish(mut self) -> u64 {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(handle) = self.handle.take() {
            let _ = handle.join();
        }
        self.peak.load(Ordering::Relaxed)
    }
}

/// `VmRSS` of a process, from `/proc` (0 when it cannot be read).
pub fn rss_of(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find_map(|line| line.strip_prefix("VmRSS:"))
                .and_then(|kb| kb.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        })
        .map_or(0, |kb| kb * 1024)
}

/// Runs one SQL statement on the `postgres` database of the server at `base`.
pub fn psql(base: &str, sql: &str) -> anyhow::Result<()> {
    let status = Command::new("psql")
        .args([&format!("{base}/postgres"), "-qAtc", sql])
        .stdout(Stdio::null())
        .status()
        .context("psql (PostgreSQL client)")?;
    if !status.success() {
        anyhow::bail!("`{sql}` failed on {base}");
    }
    Ok(())
}
