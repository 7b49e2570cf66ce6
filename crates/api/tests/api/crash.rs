//! The server killed with SIGKILL while clients write: every write it acknowledged survives,
//! the database is sound, and the restarted server serves again at once.

use std::process::Stdio;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use reqwest::StatusCode;
use sea_orm::{ConnectionTrait, Database, Statement};
use serde_json::{Value, json};

use crate::helpers::Binary;

#[tokio::test]
async fn acknowledged_writes_survive_a_sigkill() {
    let binary = Binary::new(&[]).await;
    binary.seed_demo();
    let (mut server, _) = binary.serve(Stdio::null()).await;
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap();
    let login = client
        .post(format!("{}/api/v1/auth/login", binary.base))
        .json(&json!({"email": "focal.ken@pioneer.test", "password": "pioneer-demo-2026"}))
        .send()
        .await
        .unwrap();
    let token = login.json::<Value>().await.unwrap()["access_token"]
        .as_str()
        .unwrap()
        .to_owned();

    // 32 writers create roadmaps until the server dies under them.
    let acknowledged = Arc::new(Mutex::new(Vec::<String>::new()));
    let writers: Vec<_> = (0..32)
        .map(|writer| {
            let (client, token, base, acknowledged) = (
                client.clone(),
                token.clone(),
                binary.base.clone(),
                acknowledged.clone(),
            );
            tokio::spawn(async move {
                for n in 0.. {
                    let title = format!("Crash test {writer}-{n}");
                    let sent = client
                        .post(format!("{base}/api/v1/roadmaps"))
                        .bearer_auth(&token)
                        .json(&json!({"title": title, "period_start": 2025, "period_end": 2030}))
                        .send()
                        .await;
                    match sent {
                        Ok(response) if response.status() == StatusCode::CREATED => {
                            acknowledged.lock().unwrap().push(title)
                        }
                        Ok(response) => panic!(
                            "a write was refused before the crash: {}",
                            response.status()
                        ),
                        Err(_) => return,
                    }
                }
            })
        })
        .collect();
    tokio::time::sleep(Duration::from_millis(1500)).await;
    server.kill().unwrap(); // SIGKILL: no graceful shutdown, no flush.
    server.wait().unwrap();
    for writer in writers {
        writer.await.unwrap();
    }
    let acknowledged = acknowledged.lock().unwrap().clone();
    assert!(
        acknowledged.len() > 32,
        "the writers wrote before the crash ({})",
        acknowledged.len()
    );

    let (mut server, ready_after) = binary.serve(Stdio::null()).await;
    println!(
        "ready {} ms after restart; {} writes acknowledged before the crash",
        ready_after.as_millis(),
        acknowledged.len()
    );
    assert!(
        ready_after < Duration::from_secs(2),
        "serves again within 2 s (took {ready_after:?})"
    );

    let mut stored = Vec::new();
    for page in 1.. {
        let body: Value = client
            .get(format!(
                "{}/api/v1/roadmaps?per_page=100&page={page}",
                binary.base
            ))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let items = body["items"].as_array().unwrap();
        stored.extend(
            items
                .iter()
                .map(|r| r["title"].as_str().unwrap().to_owned()),
        );
        if items.len() < 100 {
            break;
        }
    }
    let missing: Vec<_> = acknowledged
        .iter()
        .filter(|t| !stored.contains(t))
        .collect();
    assert!(
        missing.is_empty(),
        "acknowledged writes lost in the crash: {missing:?}"
    );
    server.kill().unwrap();
    server.wait().unwrap();

    let db = Database::connect(&binary.database_url).await.unwrap();
    if binary.database_url.starts_with("sqlite:") {
        let row = db
            .query_one_raw(Statement::from_string(
                db.get_database_backend(),
                "PRAGMA integrity_check",
            ))
            .await
            .unwrap()
            .unwrap();
        assert_eq!(row.try_get_by_index::<String>(0).unwrap(), "ok");
    } else {
        let row = db
            .query_one_raw(Statement::from_string(
                db.get_database_backend(),
                // The test's own roadmaps: the demo's are not all the focal point's to read.
                "SELECT count(*) AS n FROM roadmaps WHERE title LIKE 'Crash test %'",
            ))
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            row.try_get_by_index::<i64>(0).unwrap() as usize,
            stored
                .iter()
                .filter(|t| t.starts_with("Crash test "))
                .count(),
            "every row is readable"
        );
    }
}
