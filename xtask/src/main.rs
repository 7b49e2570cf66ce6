//! `cargo xtask <command>`: the project's set-up, run and test automation, in Rust so that a
//! machine with only Rust (and Node.js for the browser tooling) needs nothing else to start.
//!
//! - `run`: install the missing tools, build the SPA and the server, migrate and seed the local
//!   SQLite database with demo accounts, and serve http://127.0.0.1:8080.
//! - `test`: formatting, clippy, wasm32 checks, unit and integration tests on SQLite and on
//!   PostgreSQL, and the browser tests in Chromium.
//! - `openapi`: rewrite `api-spec/openapi.json`.
//! - `spa`: build the SPA only.
//! - `bench`: the benchmarks of `bench/` (load, memory, start-up, SPA) with their table;
//!   `soak`: ten minutes of mixed load, watching memory.

use std::env;
use std::ffi::OsString;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitCode, Stdio};
use std::time::{Duration, Instant, SystemTime};

type Result<T = ()> = std::result::Result<T, String>;

const TRUNK_VERSION: &str = "0.21.14";
const BINARYEN_VERSION: &str = "132";
const CARGO_DENY_VERSION: &str = "0.20.2";
const DEMO_PASSWORD: &str = "pioneer-demo-2026";
const DEMO_LOGINS: &[(&str, &str)] = &[
    ("admin@pioneer.test", "admin"),
    ("secretariat@pioneer.test", "secretariat"),
    ("reviewer@pioneer.test", "reviewer (Core Support Group)"),
    ("partner@pioneer.test", "partner"),
    ("focal.ken@pioneer.test", "country focal point, Kenya"),
    ("contributor.ken@pioneer.test", "country contributor, Kenya"),
    ("focal.col@pioneer.test", "country focal point, Colombia"),
];

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("run") => run(),
        Some("test") => test(&args[1..]),
        Some("spa") => ensure_tools().and_then(|()| build_spa(true)),
        Some("openapi") => openapi(),
        Some("bench") => bench(&args[1..]),
        Some("soak") => bench(&args),
        _ => Err(
            "usage: cargo xtask <run | test [--no-postgres] [--no-browser] [--no-fuzz] | spa | openapi | bench [--no-postgres] [--seconds N] | bench search [--resources N] [--no-postgres] | soak [--minutes N] [--postgres]>".into(),
        ),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

fn step(message: &str) {
    eprintln!("\n==> {message}");
}

/// PATH with the project's npm tools (wasm-opt) and cargo's bin directory first.
fn tool_path() -> OsString {
    let mut dirs = vec![root().join(".tools/node_modules/.bin")];
    if let Some(home) = env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
    {
        dirs.push(home.join("bin"));
    }
    dirs.extend(env::split_paths(&env::var_os("PATH").unwrap_or_default()));
    env::join_paths(dirs).unwrap_or_default()
}

fn command(program: &str) -> Command {
    let mut cmd = Command::new(program);
    cmd.current_dir(root()).env("PATH", tool_path());
    cmd
}

fn status(cmd: &mut Command) -> Result {
    let shown = format!("{cmd:?}");
    match cmd.status() {
        Ok(s) if s.success() => Ok(()),
        Ok(s) => Err(format!("{shown} failed ({s})")),
        Err(e) => Err(format!("{shown} could not start: {e}")),
    }
}

fn output(cmd: &mut Command) -> Option<String> {
    cmd.stderr(Stdio::null())
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
}

fn cargo() -> Command {
    command(&env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
}

/// The `wasm-bindgen` version that Cargo.lock pins: the CLI must match it exactly.
fn locked_wasm_bindgen_version() -> Result<String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|e| format!("reading Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\""
            && let Some(version) = lines.next().and_then(|l| l.strip_prefix("version = \""))
        {
            return Ok(version.trim_end_matches('"').to_owned());
        }
    }
    Err("wasm-bindgen is not in Cargo.lock".into())
}

/// The wasm32 target, which clippy's check of the SPA needs before anything is built.
fn ensure_wasm_target() -> Result {
    let targets =
        output(command("rustup").args(["target", "list", "--installed"])).unwrap_or_default();
    if !targets
        .lines()
        .any(|t| t.trim() == "wasm32-unknown-unknown")
    {
        step("installing the wasm32-unknown-unknown target");
        status(command("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    }
    Ok(())
}

/// Installs what is missing, and only that: the wasm32 target, trunk, the wasm-bindgen CLI of
/// Cargo.lock's version, and wasm-opt (npm's binaryen: Debian's is too old for Rust's output).
fn ensure_tools() -> Result {
    ensure_wasm_target()?;
    let trunk = output(command("trunk").arg("--version")).unwrap_or_default();
    if !trunk.contains(TRUNK_VERSION) {
        step(&format!(
            "installing trunk {TRUNK_VERSION} (a few minutes, once)"
        ));
        status(cargo().args(["install", "trunk", "--version", TRUNK_VERSION, "--locked"]))?;
    }
    let wanted = locked_wasm_bindgen_version()?;
    let installed = output(command("wasm-bindgen").arg("--version")).unwrap_or_default();
    if !installed.split_whitespace().any(|w| w == wanted) {
        step(&format!(
            "installing wasm-bindgen-cli {wanted} (a few minutes, once)"
        ));
        // Not --locked: its lockfile pins a crate release the registry does not serve.
        status(cargo().args(["install", "wasm-bindgen-cli", "--version", &wanted]))?;
    }
    let wasm_opt = root().join(".tools/node_modules/.bin/wasm-opt");
    let wasm_opt_version =
        output(command(&wasm_opt.to_string_lossy()).arg("--version")).unwrap_or_default();
    if !wasm_opt_version.contains(&format!("version {BINARYEN_VERSION}")) {
        step(&format!(
            "installing wasm-opt (npm binaryen@{BINARYEN_VERSION}) into .tools/"
        ));
        status(
            command("npm")
                .args([
                    "install",
                    "--no-save",
                    "--no-audit",
                    "--no-fund",
                    "--prefix",
                    ".tools",
                ])
                .arg(format!("binaryen@{BINARYEN_VERSION}")),
        )?;
    }
    Ok(())
}

fn newest_mtime(path: &Path) -> SystemTime {
    let Ok(meta) = std::fs::metadata(path) else {
        return SystemTime::UNIX_EPOCH;
    };
    let own = meta.modified().unwrap_or(SystemTime::UNIX_EPOCH);
    if !meta.is_dir() {
        return own;
    }
    std::fs::read_dir(path)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| newest_mtime(&e.path()))
                .fold(own, SystemTime::max)
        })
        .unwrap_or(own)
}

/// Builds `frontend/dist` unless it is newer than every source it comes from.
fn build_spa(force: bool) -> Result {
    let root = root();
    let built = std::fs::metadata(root.join("frontend/dist/index.html"))
        .and_then(|m| m.modified())
        .ok();
    let sources = [
        "frontend/src",
        "frontend/index.html",
        "frontend/style.css",
        "frontend/Cargo.toml",
        "frontend/Trunk.toml",
        "crates/domain",
        "Cargo.lock",
    ]
    .iter()
    .map(|p| newest_mtime(&root.join(p)))
    .fold(SystemTime::UNIX_EPOCH, SystemTime::max);
    if !force && built.is_some_and(|b| b > sources) {
        eprintln!("SPA is up to date (frontend/dist)");
        return Ok(());
    }
    step("building the SPA (trunk, release)");
    status(
        command("trunk")
            .current_dir(root.join("frontend"))
            .args(["build", "--release"]),
    )?;
    precompress(&root.join("frontend/dist"))
}

/// Writes `<file>.br` (brotli, quality 11) and `<file>.gz` (gzip -9) beside each wasm, JS and
/// CSS file of `dist`, which the server sends as they are to browsers that accept them: the
/// strongest compression, paid once here rather than at a lower level on every download.
fn precompress(dist: &Path) -> Result {
    use std::io::Write;
    let entries =
        std::fs::read_dir(dist).map_err(|e| format!("reading {}: {e}", dist.display()))?;
    for path in entries.flatten().map(|e| e.path()) {
        let compressible = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| matches!(e, "wasm" | "js" | "css"));
        if !compressible {
            continue;
        }
        let failed = |e: std::io::Error| format!("compressing {}: {e}", path.display());
        let bytes = std::fs::read(&path).map_err(failed)?;
        let mut brotli = Vec::new();
        let params = brotli::enc::BrotliEncoderParams {
            quality: 11,
            lgwin: 24,
            ..Default::default()
        };
        brotli::BrotliCompress(&mut bytes.as_slice(), &mut brotli, &params).map_err(failed)?;
        let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gzip.write_all(&bytes).map_err(failed)?;
        let gzip = gzip.finish().map_err(failed)?;
        for (extension, compressed) in [("br", brotli), ("gz", gzip)] {
            let mut name = path.clone().into_os_string();
            name.push(format!(".{extension}"));
            std::fs::write(&name, compressed).map_err(failed)?;
        }
    }
    Ok(())
}

fn build_server() -> Result {
    step("building the server (release)");
    status(cargo().args([
        "build",
        "--release",
        "-p",
        "pioneer-api",
        "--bin",
        "pioneer",
    ]))
}

/// Builds the SPA, the release server and the benchmark, installs wrk and Chromium when
/// missing, and runs `pioneer-bench` with `args`.
fn bench(args: &[String]) -> Result {
    ensure_tools()?;
    build_spa(false)?;
    step("building the server and the benchmark (release)");
    status(cargo().args([
        "build",
        "--release",
        "-p",
        "pioneer-api",
        "-p",
        "pioneer-bench",
        // Every binary of both: `--bin pioneer` alone would leave out the benchmark's own.
        "--bins",
    ]))?;
    // `wrk --version` exits with 1: only whether it starts matters.
    let mut missing = Vec::new();
    if command("wrk").arg("--version").output().is_err() {
        missing.push("wrk");
    }
    // The SPA's time to interactive is measured in Debian's Chromium.
    if !Path::new("/usr/bin/chromium").exists() {
        missing.push("chromium");
    }
    if !missing.is_empty() {
        step(&format!(
            "installing {} (Debian's packages)",
            missing.join(", ")
        ));
        let apt = |args: &[&str]| {
            let mut cmd = if output(command("id").arg("-u")).is_some_and(|u| u.trim() == "0") {
                command("apt-get")
            } else {
                let mut sudo = command("sudo");
                sudo.arg("apt-get");
                sudo
            };
            status(cmd.args(args).env("DEBIAN_FRONTEND", "noninteractive"))
        };
        apt(&["update", "-qq"])?;
        apt(&[&["install", "-y", "-qq"][..], &missing].concat())?;
    }
    status(
        command(
            &root()
                .join("target/release/pioneer-bench")
                .to_string_lossy(),
        )
        .args(args),
    )
}

fn server_binary() -> PathBuf {
    root().join("target/release/pioneer")
}

fn run() -> Result {
    ensure_tools()?;
    build_spa(false)?;
    build_server()?;
    let embedded = env::var("DATABASE_URL").map_or(true, |url| {
        url.trim().is_empty() || url.starts_with("sqlite:")
    });
    if embedded {
        step("migrating the local database and creating the demo accounts it lacks");
        status(command(&server_binary().to_string_lossy()).args(["seed", "--demo"]))?;
    }
    let bind = env::var("BIND").unwrap_or_else(|_| "127.0.0.1:8080".into());
    eprintln!("\nPioneer Hub: http://{bind}  (API docs: http://{bind}/api/docs/)");
    if embedded {
        eprintln!("Demo logins, password `{DEMO_PASSWORD}` for all:");
        for (email, role) in DEMO_LOGINS {
            eprintln!("  {email:<30} {role}");
        }
    }
    eprintln!("Stop with Ctrl-C; data stays in data/pioneer.db.\n");
    status(command(&server_binary().to_string_lossy()).arg("serve"))
}

fn openapi() -> Result {
    let out = cargo()
        .args([
            "run",
            "--quiet",
            "-p",
            "pioneer-api",
            "--bin",
            "pioneer",
            "--",
            "openapi",
        ])
        .output()
        .map_err(|e| format!("cargo run: {e}"))?;
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr).into_owned());
    }
    std::fs::write(root().join("api-spec/openapi.json"), out.stdout)
        .map_err(|e| format!("writing the spec: {e}"))?;
    eprintln!("api-spec/openapi.json rewritten");
    Ok(())
}

/// The PostgreSQL server the tests create their databases on.
fn postgres_admin_url() -> String {
    env::var("TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

/// Licences, banned and duplicate crates, and sources, by cargo-deny (installed once).
fn cargo_deny() -> Result {
    let installed = output(cargo().args(["deny", "--version"])).unwrap_or_default();
    if !installed.contains(CARGO_DENY_VERSION) {
        step(&format!(
            "installing cargo-deny {CARGO_DENY_VERSION} (a few minutes, once)"
        ));
        status(cargo().args([
            "install",
            "cargo-deny",
            "--version",
            CARGO_DENY_VERSION,
            "--locked",
        ]))?;
    }
    step("cargo deny: licences, banned and duplicate crates, sources (deny.toml)");
    status(cargo().args([
        "deny",
        "--log-level",
        "error",
        "check",
        "licenses",
        "bans",
        "sources",
    ]))
}

fn postgres_is_up() -> bool {
    TcpStream::connect_timeout(&([127, 0, 0, 1], 5432).into(), Duration::from_secs(1)).is_ok()
}

fn test(args: &[String]) -> Result {
    let ci = env::var("CI").is_ok_and(|v| v == "true" || v == "1");
    let postgres = !args.iter().any(|a| a == "--no-postgres");
    let browser = !args.iter().any(|a| a == "--no-browser");
    let fuzz = !args.iter().any(|a| a == "--no-fuzz");

    step("cargo fmt --check");
    status(cargo().args(["fmt", "--all", "--check"]))?;
    step("clippy (native, all targets)");
    status(cargo().args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))?;
    step("clippy (the SPA and the domain for wasm32)");
    // A new machine has no wasm32 target: without it this step fails on `core`.
    ensure_wasm_target()?;
    status(cargo().args([
        "clippy",
        "-p",
        "pioneer-frontend",
        "-p",
        "pioneer-domain",
        "--target",
        "wasm32-unknown-unknown",
        "--",
        "-D",
        "warnings",
    ]))?;

    cargo_deny()?;

    step("tests on SQLite (unit, integration, spec freshness)");
    status(cargo().args(["test", "--workspace"]))?;

    if postgres {
        if postgres_is_up() {
            step("integration tests on PostgreSQL");
            status(
                // `--workspace`, as above, so that dependencies keep the same features and the
                // SQLite run's build is reused, not made a second time (time and disk).
                cargo()
                    .args(["test", "--workspace", "--test", "api"])
                    .env("TEST_DATABASE", "postgres"),
            )?;
        } else if ci {
            return Err("PostgreSQL is not running on 127.0.0.1:5432 (CI requires it)".into());
        } else {
            eprintln!(
                "\n!! PostgreSQL is not running on 127.0.0.1:5432: its run is SKIPPED (CI runs it)"
            );
        }
    }
    if fuzz {
        build_server()?;
        step("fuzzing the API from its OpenAPI spec (schemathesis) on SQLite");
        status(command("tools/schemathesis/run").current_dir(root()))?;
        if postgres && postgres_is_up() {
            step("fuzzing the API from its OpenAPI spec (schemathesis) on PostgreSQL");
            status(
                command("tools/schemathesis/run")
                    .current_dir(root())
                    .env("DATABASE_URL", postgres_admin_url()),
            )?;
        }
    }
    if browser {
        browser_tests()?;
    }
    eprintln!("\nall checks passed");
    Ok(())
}

/// Kills the server when the browser tests end, however they end.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> Result<u16> {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .map_err(|e| format!("no free port: {e}"))
}

fn browser_tests() -> Result {
    ensure_tools()?;
    build_spa(false)?;
    build_server()?;
    let root = root();
    if !root.join("end2end/node_modules/playwright-core").exists() {
        step("installing playwright-core (no browser download: Debian's Chromium is used)");
        status(command("npm").current_dir(root.join("end2end")).args([
            "ci",
            "--no-audit",
            "--no-fund",
        ]))?;
    }
    let data = env::temp_dir().join(format!("pioneer-e2e-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&data);
    std::fs::create_dir_all(&data).map_err(|e| format!("creating {}: {e}", data.display()))?;
    let database_url = format!("sqlite://{}/pioneer.db?mode=rwc", data.display());
    let port = free_port()?;
    let bind = format!("127.0.0.1:{port}");
    // The tests read the invitation mails the server writes there, and follow their links.
    let outbox = data.join("outbox");
    let server_cmd = |cmd: &mut Command| {
        cmd.env("DATABASE_URL", &database_url)
            .env("BIND", &bind)
            .env("PUBLIC_URL", format!("http://{bind}"))
            .env("MAIL_OUTBOX", &outbox)
            // The tests sign the same demo accounts in, from one address, many times a minute (the
            // test of the limit itself makes more than 20 attempts).
            .env("LOGIN_BURST_PER_ACCOUNT", "20")
            .env("LOGIN_BURST_PER_IP", "1000")
            .env("SPA_DIR", root.join("frontend/dist"));
    };
    let binary = server_binary().to_string_lossy().into_owned();
    let mut seed = command(&binary);
    server_cmd(seed.args(["seed", "--demo"]));
    status(&mut seed)?;
    let mut serve = command(&binary);
    server_cmd(serve.arg("serve").stdout(Stdio::null()));
    let _server = Server(
        serve
            .spawn()
            .map_err(|e| format!("starting the server: {e}"))?,
    );
    let started = Instant::now();
    while TcpStream::connect(&bind).is_err() {
        if started.elapsed() > Duration::from_secs(20) {
            return Err("the server did not start within 20 s".into());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    step(&format!("browser tests in Chromium against http://{bind}"));
    let result = status(
        command("node")
            .current_dir(root.join("end2end"))
            .args(["--test", "tests/"])
            .env("PIONEER_URL", format!("http://{bind}"))
            .env("PIONEER_OUTBOX", &outbox),
    );
    let _ = std::fs::remove_dir_all(&data);
    result
}
