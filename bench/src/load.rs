//! Load scenarios, driven by `wrk` (Debian's package) with a generated Lua script: every
//! request carries its own token, and writes carry the revision the last answer gave.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use anyhow::{Context, bail};
use serde::Deserialize;

/// One request a scenario cycles through.
#[derive(Debug, Clone)]
pub enum Target {
    Get {
        path: String,
        token: String,
    },
    /// `PATCH` a key action with `If-Match`; the script follows the roadmap's revision.
    PatchAction {
        path: String,
        token: String,
        action_id: String,
        etag: String,
    },
}

pub struct LoadParams {
    pub connections: u32,
    pub threads: u32,
    pub seconds: u32,
}

/// What wrk measured, as the script's `done` reports it.
#[derive(Debug, Clone, Deserialize)]
pub struct LoadResult {
    pub requests: u64,
    pub duration_us: u64,
    pub p50_us: u64,
    pub p99_us: u64,
    pub connect_errors: u64,
    pub read_errors: u64,
    pub write_errors: u64,
    pub timeouts: u64,
    /// Answers by status code.
    pub statuses: BTreeMap<String, u64>,
}

impl LoadResult {
    pub fn requests_per_second(&self) -> f64 {
        self.requests as f64 / (self.duration_us.max(1) as f64 / 1e6)
    }

    /// Socket errors, time-outs and every answer that is not 2xx — except 412 on writes,
    /// which is the API doing its job when two writers race (counted as conflicts).
    pub fn errors(&self) -> u64 {
        let bad_answers: u64 = self
            .statuses
            .iter()
            .filter(|(status, _)| !status.starts_with('2') && status.as_str() != "412")
            .map(|(_, n)| n)
            .sum();
        self.connect_errors + self.read_errors + self.write_errors + self.timeouts + bad_answers
    }

    pub fn conflicts(&self) -> u64 {
        self.statuses.get("412").copied().unwrap_or(0)
    }
}

fn lua_string(s: &str) -> String {
    format!("{s:?}")
}

/// The wrk script for these targets.
pub fn script(targets: &[Target], threads: u32) -> String {
    let mut entries = String::new();
    for target in targets {
        let entry = match target {
            Target::Get { path, token } => {
                format!("{{p={},t={}}},\n", lua_string(path), lua_string(token))
            }
            Target::PatchAction {
                path,
                token,
                action_id,
                etag,
            } => format!(
                "{{p={},t={},a={},etag={}}},\n",
                lua_string(path),
                lua_string(token),
                lua_string(action_id),
                lua_string(etag)
            ),
        };
        entries.push_str(&entry);
    }
    format!(
        "local entries = {{\n{entries}}}\nlocal nthreads = {threads}\n{}",
        include_str!("load.lua")
    )
}

/// Runs wrk against `base` for the scenario; the script writes its figures as one JSON line.
pub fn run(
    base: &str,
    targets: &[Target],
    params: &LoadParams,
    work_dir: &Path,
) -> anyhow::Result<LoadResult> {
    if targets.is_empty() {
        bail!("a scenario needs at least one target");
    }
    let script_path = work_dir.join("scenario.lua");
    std::fs::write(&script_path, script(targets, params.threads))?;
    let output = Command::new("wrk")
        .args([
            "-t",
            &params.threads.to_string(),
            "-c",
            &params.connections.to_string(),
            "-d",
            &format!("{}s", params.seconds),
            "--timeout",
            "5s",
            "-s",
        ])
        .arg(&script_path)
        .arg(base)
        .output()
        .context("running wrk (install it: apt-get install wrk)")?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    if !output.status.success() {
        bail!(
            "wrk failed ({}): {stdout}{}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let line = stdout
        .lines()
        .find_map(|l| l.strip_prefix("BENCH "))
        .with_context(|| format!("wrk printed no figures: {stdout}"))?;
    serde_json::from_str(line).with_context(|| format!("wrk's figures: {line}"))
}
