//! PostgreSQL stops under load: requests get a quick 503 (no hang, no crash), `/ready` says so,
//! and service comes back by itself when the database does. The test runs its own PostgreSQL
//! cluster (initdb into a temporary folder, on a free port) so that stopping it disturbs no
//! other test. With `TEST_DATABASE=postgres` only: SQLite is embedded, there is no server to stop.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::{Binary, on_postgres};

/// A private PostgreSQL cluster, stopped and removed when dropped.
struct Cluster {
    bin: PathBuf,
    data: PathBuf,
    port: u16,
}

fn postgres_bin() -> PathBuf {
    let mut versions: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .expect("PostgreSQL's binaries in /usr/lib/postgresql")
        .flatten()
        .map(|e| e.path().join("bin"))
        .filter(|bin| bin.join("pg_ctl").exists())
        .collect();
    versions.sort();
    versions.pop().expect("a PostgreSQL version with pg_ctl")
}

/// Runs a PostgreSQL tool; as root, as the `postgres` user (PostgreSQL refuses to run as root).
fn pg_tool(bin: &Path, tool: &str, args: &[&str]) -> std::process::ExitStatus {
    let program = bin.join(tool);
    let mut cmd = if is_root() {
        let mut cmd = Command::new("runuser");
        cmd.args(["-u", "postgres", "--"]).arg(&program);
        cmd
    } else {
        Command::new(&program)
    };
    cmd.args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .unwrap_or_else(|e| panic!("{tool} runs: {e}"))
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

impl Cluster {
    fn create() -> Cluster {
        let bin = postgres_bin();
        let data = std::env::temp_dir().join(format!("pioneer-outage-{}", uuid::Uuid::now_v7()));
        std::fs::create_dir_all(&data).expect("cluster folder");
        if is_root() {
            let status = Command::new("chown")
                .args(["postgres:postgres"])
                .arg(&data)
                .status()
                .expect("chown runs");
            assert!(status.success(), "chown the cluster folder to postgres");
        }
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .expect("free port")
            .local_addr()
            .expect("addr")
            .port();
        let data_arg = data.to_string_lossy().into_owned();
        let status = pg_tool(
            &bin,
            "initdb",
            &[
                "-D",
                &data_arg,
                "-U",
                "postgres",
                "--auth=trust",
                "-E",
                "UTF8",
            ],
        );
        assert!(status.success(), "initdb");
        let cluster = Cluster { bin, data, port };
        cluster.start();
        cluster
    }

    fn start(&self) {
        let data = self.data.to_string_lossy();
        let options = format!(
            "-p {} -k {data} -c listen_addresses=127.0.0.1 -c fsync=off",
            self.port
        );
        let status = pg_tool(
            &self.bin,
            "pg_ctl",
            &["-D", &data, "-o", &options, "-w", "-t", "30", "start"],
        );
        assert!(status.success(), "pg_ctl start");
    }

    /// Stops it the way an operator or a crash would: connections are cut at once.
    fn stop(&self) {
        let data = self.data.to_string_lossy();
        let status = pg_tool(
            &self.bin,
            "pg_ctl",
            &["-D", &data, "-m", "immediate", "-w", "stop"],
        );
        assert!(status.success(), "pg_ctl stop");
    }

    fn url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let data = self.data.to_string_lossy().into_owned();
        pg_tool(
            &self.bin,
            "pg_ctl",
            &["-D", &data, "-m", "immediate", "stop"],
        );
        let _ = std::fs::remove_dir_all(&self.data);
    }
}

/// What the load saw: when each request started, how long it took and its status.
type Outcome = (Instant, Duration, Option<StatusCode>);

#[tokio::test]
async fn postgres_outage_gives_quick_503s_and_service_resumes_by_itself() {
    if !on_postgres() {
        eprintln!("the outage test is about PostgreSQL: it runs with TEST_DATABASE=postgres");
        return;
    }
    let cluster = Cluster::create();
    let binary = Binary::on(cluster.url(), &[]);
    binary.seed_demo();
    let (mut server, _) = binary.serve(Stdio::null()).await;
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(15))
        .build()
        .expect("client");
    let login: serde_json::Value = client
        .post(format!("{}/api/v1/auth/login", binary.base))
        .json(&json!({"email": "focal.ken@pioneer.test", "password": "pioneer-demo-2026"}))
        .send()
        .await
        .expect("login")
        .json()
        .await
        .expect("token");
    let token = login["access_token"].as_str().expect("token").to_owned();

    // Eight clients read without pause through the whole test.
    let running = Arc::new(AtomicBool::new(true));
    let mut clients = Vec::new();
    for n in 0..8 {
        let (client, running, token) = (client.clone(), running.clone(), token.clone());
        let url = if n % 2 == 0 {
            format!("{}/api/v1/roadmaps", binary.base)
        } else {
            format!("{}/api/v1/me", binary.base)
        };
        clients.push(tokio::spawn(async move {
            let mut seen: Vec<Outcome> = Vec::new();
            while running.load(Ordering::Relaxed) {
                let started = Instant::now();
                let status = client
                    .get(&url)
                    .bearer_auth(&token)
                    .send()
                    .await
                    .ok()
                    .map(|r| r.status());
                seen.push((started, started.elapsed(), status));
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
            seen
        }));
    }
    let ready = |client: reqwest::Client, base: String| async move {
        client
            .get(format!("{base}/ready"))
            .send()
            .await
            .ok()
            .map(|r| r.status())
    };

    tokio::time::sleep(Duration::from_secs(1)).await;
    cluster.stop();
    let stopped = Instant::now();
    tokio::time::sleep(Duration::from_secs(4)).await;
    assert_eq!(
        ready(client.clone(), binary.base.clone()).await,
        Some(StatusCode::SERVICE_UNAVAILABLE),
        "/ready reports the outage"
    );
    assert!(
        server.try_wait().expect("server status").is_none(),
        "the server is still running"
    );

    let restarting = Instant::now();
    cluster.start();
    let restarted = Instant::now();
    let mut recovered = None;
    while restarted.elapsed() < Duration::from_secs(20) {
        if ready(client.clone(), binary.base.clone()).await == Some(StatusCode::OK) {
            recovered = Some(restarted.elapsed());
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let recovered = recovered.expect("/ready says ok again within 20 s, without a restart");
    tokio::time::sleep(Duration::from_secs(1)).await;
    running.store(false, Ordering::Relaxed);
    let mut outcomes: Vec<Outcome> = Vec::new();
    for client in clients {
        outcomes.extend(client.await.expect("client task"));
    }
    let _ = server.kill();
    let _ = server.wait();

    // Requests sent while the database was down, once what the server had read before the
    // stop was past its maximum age (a second; until then it may serve it from memory): each
    // answered 503, and none hung.
    let row_max_age = Duration::from_secs(1);
    let during: Vec<&Outcome> = outcomes
        .iter()
        .filter(|(at, took, _)| *at > stopped + row_max_age && *at + *took < restarting)
        .collect();
    assert!(during.len() >= 8, "the load went on during the outage");
    for (_, took, status) in &during {
        assert!(
            matches!(*status, Some(StatusCode::SERVICE_UNAVAILABLE)),
            "a request during the outage got {status:?}"
        );
        assert!(
            *took < Duration::from_millis(2500),
            "a request during the outage took {took:?}"
        );
    }
    let slowest = during.iter().map(|(_, took, _)| *took).max();
    // And after recovery, everything is served again.
    let after: Vec<&Outcome> = outcomes
        .iter()
        .filter(|(at, _, _)| *at > restarted + recovered + Duration::from_millis(200))
        .collect();
    assert!(!after.is_empty(), "requests after recovery");
    assert!(
        after.iter().all(|(_, _, s)| *s == Some(StatusCode::OK)),
        "served again after recovery: {:?}",
        after.iter().map(|(_, _, s)| *s).collect::<Vec<_>>()
    );
    eprintln!(
        "outage: {} requests answered 503, the slowest in {slowest:?}; ready again {recovered:?} after PostgreSQL restarted",
        during.len()
    );
}
