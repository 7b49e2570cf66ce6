//! Limits hold under load: many oversized bodies at once are all refused and change nothing;
//! many login attempts at once get exactly the allowance, no more.

use pioneer_domain::Role;
use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::{RoadmapClient, spawn_app, spawn_app_with};

#[tokio::test]
async fn concurrent_oversized_bodies_are_all_refused_and_change_nothing() {
    let app = spawn_app().await;
    let (_, focal) = app.signed_in(Role::CountryFocalPoint, Some("KEN")).await;
    let team = RoadmapClient::create(&app, &focal).await;
    let url = app.url(&team.path(""));
    // 1 MiB of summary: four times the 256 KiB limit.
    let body = json!({"summary": "x".repeat(1024 * 1024)}).to_string();

    let senders: Vec<_> = (0..32)
        .map(|_| {
            let request = app
                .client
                .patch(&url)
                .bearer_auth(&focal)
                .header("if-match", &team.etag)
                .header("content-type", "application/json")
                .body(body.clone());
            tokio::spawn(async move { request.send().await.map(|r| r.status()) })
        })
        .collect();
    for sender in senders {
        match sender.await.expect("task") {
            Ok(status) => assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE),
            // The server may close the connection before reading a body it refused.
            Err(e) => assert!(
                e.is_request() || e.is_body(),
                "only a refused upload may fail: {e}"
            ),
        }
    }

    let response = app
        .get(&team.path(""))
        .bearer_auth(&focal)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK, "still serving");
    assert_eq!(
        response.headers()["etag"].to_str().unwrap(),
        team.etag,
        "nothing was written"
    );
}

#[tokio::test]
async fn concurrent_logins_get_exactly_the_allowance() {
    let app = spawn_app().await;
    let (user, _) = app.signed_in(Role::Partner, None).await;
    // The sign-in above used one attempt of the account's five.
    let attempts: Vec<_> = (0..40)
        .map(|_| {
            let request = app
                .post("/api/v1/auth/login")
                .json(&json!({"email": user.email, "password": "not the password"}));
            tokio::spawn(async move { request.send().await.unwrap().status() })
        })
        .collect();
    let mut statuses = Vec::new();
    for attempt in attempts {
        statuses.push(attempt.await.unwrap());
    }
    let let_through = statuses
        .iter()
        .filter(|s| **s == StatusCode::UNAUTHORIZED)
        .count();
    let limited = statuses
        .iter()
        .filter(|s| **s == StatusCode::TOO_MANY_REQUESTS)
        .count();
    assert_eq!(
        let_through, 4,
        "the rest of the account's burst: {statuses:?}"
    );
    assert_eq!(limited, 36, "{statuses:?}");
}

#[tokio::test]
async fn concurrent_logins_from_one_address_get_exactly_its_allowance() {
    let app = spawn_app_with(|config| {
        config.login_limits.ip_burst = 10;
    })
    .await;
    // Forty different (unknown) accounts at once from this one address.
    let attempts: Vec<_> = (0..40)
        .map(|n| {
            let request = app.post("/api/v1/auth/login").json(
                &json!({"email": format!("nobody{n}@example.org"), "password": "whatever it is"}),
            );
            tokio::spawn(async move { request.send().await.unwrap().status() })
        })
        .collect();
    let mut statuses = Vec::new();
    for attempt in attempts {
        statuses.push(attempt.await.unwrap());
    }
    let let_through = statuses
        .iter()
        .filter(|s| **s == StatusCode::UNAUTHORIZED)
        .count();
    assert!(
        (10..=11).contains(&let_through),
        "the address's burst of 10 (one more may have been replenished): {statuses:?}"
    );
    assert_eq!(
        statuses.len() - let_through,
        statuses
            .iter()
            .filter(|s| **s == StatusCode::TOO_MANY_REQUESTS)
            .count(),
        "everything else is 429"
    );
}
