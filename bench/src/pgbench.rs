//! PostgreSQL's own floor for writes on this machine: `pgbench`'s simple-update script (`-N`:
//! an update, a select and an insert per transaction) at the same number of connections as the
//! write scenario, on the same server with its durability settings. The write scenario is held
//! against it: a share of its transactions per second, and its p99 against pgbench's.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use anyhow::{Context, bail};

use crate::database_alone::DatabaseWrites;
use crate::server::psql;

const DATABASE: &str = "pioneer_bench_pgbench";
/// 1 000 000 accounts: 64 clients rarely touch the same row, as the bench's writers do not.
const SCALE: &str = "10";

/// Runs `pgbench -N` with `connections` clients for `seconds`, in a database of its own that
/// it drops afterwards; latencies come from its per-transaction log.
pub fn floor(
    base: &str,
    connections: u32,
    seconds: u32,
    work_dir: &Path,
) -> anyhow::Result<DatabaseWrites> {
    psql(
        base,
        &format!("DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)"),
    )?;
    psql(base, &format!("CREATE DATABASE {DATABASE}"))?;
    let url = format!("{base}/{DATABASE}");
    let init = Command::new("pgbench")
        .args(["-i", "-q", "-s", SCALE, &url])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .context("pgbench (PostgreSQL's benchmark tool)")?;
    if !init.success() {
        bail!("pgbench -i failed");
    }
    let logs = work_dir.join("pgbench");
    let _ = std::fs::remove_dir_all(&logs);
    std::fs::create_dir_all(&logs)?;
    let prefix = logs.join("log");
    let run = Command::new("pgbench")
        .args([
            "-N",
            "-c",
            &connections.to_string(),
            "-j",
            "2",
            "-T",
            &seconds.to_string(),
            "-l",
            "--log-prefix",
        ])
        .arg(&prefix)
        .arg(&url)
        .output()
        .context("pgbench -N")?;
    if !run.status.success() {
        bail!(
            "pgbench -N failed: {}",
            String::from_utf8_lossy(&run.stderr)
        );
    }
    // Each line: client, transaction, latency in µs, script, epoch seconds, µs.
    let mut latencies = Vec::new();
    for entry in std::fs::read_dir(&logs)? {
        let text = std::fs::read_to_string(entry?.path())?;
        latencies.extend(text.lines().filter_map(|line| {
            line.split_whitespace()
                .nth(2)
                .and_then(|us| us.parse::<u64>().ok())
                .map(Duration::from_micros)
        }));
    }
    psql(
        base,
        &format!("DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)"),
    )?;
    if latencies.is_empty() {
        bail!("pgbench logged no transaction");
    }
    latencies.sort_unstable();
    let at = |q: f64| latencies[((latencies.len() - 1) as f64 * q) as usize];
    Ok(DatabaseWrites {
        writes: latencies.len() as u64,
        elapsed: Duration::from_secs(u64::from(seconds)),
        p50: at(0.50),
        p99: at(0.99),
    })
}
