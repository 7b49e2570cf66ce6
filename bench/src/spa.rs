//! The SPA as the browser gets it: file sizes (raw and gzip) and time to the first interactive
//! page in headless Chromium.

use std::io::Write;
use std::path::Path;
use std::process::Command;

use anyhow::{Context, bail};
use flate2::Compression;
use flate2::write::GzEncoder;
use serde::Deserialize;

pub struct SpaFile {
    pub name: String,
    pub raw: u64,
    pub gzip: u64,
    /// The brotli copy the build wrote beside it (`<file>.br`), which the server sends to
    /// browsers that accept brotli.
    pub brotli: Option<u64>,
}

/// The wasm, JS and CSS files of `frontend/dist` (what the browser downloads for any page).
pub fn files(dist: &Path) -> anyhow::Result<Vec<SpaFile>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dist).with_context(|| format!("reading {}", dist.display()))? {
        let path = entry?.path();
        let wanted = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| matches!(e, "wasm" | "js" | "css"));
        if !wanted {
            continue;
        }
        let bytes = std::fs::read(&path)?;
        let mut gzip = GzEncoder::new(Vec::new(), Compression::best());
        gzip.write_all(&bytes)?;
        let mut copy = path.clone().into_os_string();
        copy.push(".br");
        let brotli = std::fs::metadata(copy).ok().map(|m| m.len());
        files.push(SpaFile {
            brotli,
            name: path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            raw: bytes.len() as u64,
            gzip: gzip.finish()?.len() as u64,
        });
    }
    if files.is_empty() {
        bail!(
            "no SPA files in {}: build it first (cargo xtask spa)",
            dist.display()
        );
    }
    files.sort_by_key(|f| std::cmp::Reverse(f.raw));
    Ok(files)
}

#[derive(Debug, Deserialize)]
pub struct Interactive {
    pub cold_ms: f64,
    pub warm_ms: f64,
    /// Bytes the browser downloaded for a cold load (compressed as the server sent them).
    pub transfer_bytes: u64,
    /// The same on an emulated slow mobile link, and a signed-in member's roadmap page.
    pub slow: Option<SlowLink>,
}

#[derive(Debug, Deserialize)]
pub struct SlowLink {
    pub signin_cold_ms: f64,
    pub signin_warm_ms: f64,
    pub roadmap_cold_ms: f64,
    pub roadmap_warm_ms: f64,
    /// What the browser fetched for the roadmap page, cold.
    pub files: Vec<SentFile>,
}

#[derive(Debug, Deserialize)]
pub struct SentFile {
    pub path: String,
    pub raw: u64,
    pub sent: u64,
}

/// Runs `end2end/measure/tti.mjs` against a running server.
pub fn time_to_interactive(root: &Path, base: &str) -> anyhow::Result<Interactive> {
    let end2end = root.join("end2end");
    if !end2end.join("node_modules/playwright-core").exists() {
        let status = Command::new("npm")
            .current_dir(&end2end)
            .args(["ci", "--no-audit", "--no-fund"])
            .status()
            .context("npm ci in end2end/")?;
        if !status.success() {
            bail!("npm ci in end2end/ failed");
        }
    }
    let output = Command::new("node")
        .current_dir(&end2end)
        .arg("measure/tti.mjs")
        .env("PIONEER_URL", base)
        .output()
        .context("running node measure/tti.mjs")?;
    if !output.status.success() {
        bail!(
            "measuring time to interactive failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let stdout = String::from_utf8_lossy(&output.stdout);
    let line = stdout.lines().last().unwrap_or_default();
    serde_json::from_str(line).with_context(|| format!("tti.mjs printed {line}"))
}
