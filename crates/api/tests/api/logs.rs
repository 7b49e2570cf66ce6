//! The real binary's logs, read back: secrets never appear in them.

use std::process::Stdio;

use serde_json::{Value, json};

use crate::helpers::Binary;

const SECRET: &str = "log-test-jwt-secret-that-must-never-be-printed";
const DEMO_PASSWORD: &str = "pioneer-demo-2026";
const WRONG_PASSWORD: &str = "a-wrong-password-typed-by-mistake";

#[tokio::test]
async fn secrets_never_appear_in_the_logs() {
    let dir = std::env::temp_dir().join(format!("pioneer-logs-{}", uuid::Uuid::now_v7()));
    std::fs::create_dir_all(&dir).unwrap();
    let log_path = dir.join("server.log");
    let binary = Binary::new(&[
        ("JWT_SECRET", SECRET),
        ("RUST_LOG", "debug"),
        ("LOG_FORMAT", "json"),
    ])
    .await;
    binary.seed_demo();
    let (mut server, _) = binary
        .serve(Stdio::from(std::fs::File::create(&log_path).unwrap()))
        .await;
    let base = binary.base.clone();
    let client = reqwest::Client::new();

    let login = |password: &'static str| {
        client
            .post(format!("{base}/api/v1/auth/login"))
            .json(&json!({"email": "focal.ken@pioneer.test", "password": password}))
            .send()
    };
    assert_eq!(login(WRONG_PASSWORD).await.unwrap().status(), 401);
    let tokens: Value = login(DEMO_PASSWORD).await.unwrap().json().await.unwrap();
    let access = tokens["access_token"].as_str().unwrap().to_owned();
    let refresh = tokens["refresh_token"].as_str().unwrap().to_owned();
    let api_token: Value = client
        .post(format!("{base}/api/v1/api-tokens"))
        .bearer_auth(&access)
        .json(&json!({"name": "logs"}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let api_token = api_token["token"].as_str().unwrap().to_owned();
    assert_eq!(
        client
            .get(format!("{base}/api/v1/me"))
            .bearer_auth(&api_token)
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    let refreshed: Value = client
        .post(format!("{base}/api/v1/auth/refresh"))
        .json(&json!({"refresh_token": refresh}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let new_refresh = refreshed["refresh_token"].as_str().unwrap().to_owned();

    server.kill().unwrap();
    server.wait().unwrap();
    let log = std::fs::read_to_string(&log_path).unwrap();
    assert!(
        log.contains("\"request_id\""),
        "the log was written:\n{log}"
    );
    for (what, secret) in [
        ("the JWT secret", SECRET),
        ("the password", DEMO_PASSWORD),
        ("a wrong password", WRONG_PASSWORD),
        ("an access token", access.as_str()),
        ("a refresh token", refresh.as_str()),
        ("a rotated refresh token", new_refresh.as_str()),
        ("an API token", api_token.as_str()),
    ] {
        assert!(!log.contains(secret), "{what} appears in the log");
    }
    let _ = std::fs::remove_dir_all(&dir);
}
