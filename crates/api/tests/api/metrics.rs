//! `GET /metrics`: Prometheus' text format, for operators only.

use pioneer_domain::Role;
use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::{RoadmapClient, spawn_app, spawn_app_with};

const TOKEN: &str = "metrics-token-for-tests-0123456789";

/// The value of the series `name{labels}` whose labels include every one of `labels`; the sum
/// when several match. The recorder is the process's, shared by the tests that run at once, so
/// tests compare before and after rather than expect exact totals.
fn value(text: &str, name: &str, labels: &[(&str, &str)]) -> f64 {
    text.lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| {
            let (series, value) = line.rsplit_once(' ')?;
            let (series_name, rest) = series.split_once('{').unwrap_or((series, "}"));
            (series_name == name
                && labels
                    .iter()
                    .all(|(k, v)| rest.contains(&format!("{k}=\"{v}\""))))
            .then(|| value.parse::<f64>().ok())
            .flatten()
        })
        .sum()
}

async fn scrape(app: &crate::helpers::TestApp) -> String {
    let response = app
        .get("/metrics")
        .bearer_auth(TOKEN)
        .send()
        .await
        .expect("scrape");
    assert_eq!(response.status(), StatusCode::OK);
    let kind = response.headers()["content-type"]
        .to_str()
        .expect("content type")
        .to_owned();
    assert!(kind.starts_with("text/plain; version=0.0.4"), "{kind}");
    response.text().await.expect("metrics text")
}

#[tokio::test]
async fn metrics_need_their_own_token_and_do_not_exist_without_one() {
    let app = spawn_app_with(|c| c.metrics_token = Some(TOKEN.into())).await;
    let anonymous = app.get("/metrics").send().await.unwrap();
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
    let wrong = app
        .get("/metrics")
        .bearer_auth("not-the-token")
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), StatusCode::UNAUTHORIZED);
    // A member's access token is not the operators' token.
    let (_, member) = app.signed_in(Role::Admin, None).await;
    let signed_in = app
        .get("/metrics")
        .bearer_auth(&member)
        .send()
        .await
        .unwrap();
    assert_eq!(signed_in.status(), StatusCode::UNAUTHORIZED);

    let unconfigured = spawn_app().await;
    let response = unconfigured
        .get("/metrics")
        .bearer_auth(TOKEN)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn counters_move_with_the_requests_served() {
    let app = spawn_app_with(|c| c.metrics_token = Some(TOKEN.into())).await;
    let (_, focal) = app.signed_in(Role::CountryFocalPoint, Some("KEN")).await;
    let team = RoadmapClient::create(&app, &focal).await;
    let route = [
        ("route", "/api/v1/roadmaps/{id}"),
        ("method", "GET"),
        ("status", "200"),
    ];
    let before = scrape(&app).await;

    for _ in 0..3 {
        let (status, _) = team.get("").await;
        assert_eq!(status, StatusCode::OK);
    }
    let refused = app
        .post("/api/v1/auth/login")
        .json(&json!({"email": "nobody@example.org", "password": "wrong password"}))
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), StatusCode::UNAUTHORIZED);

    let after = scrape(&app).await;
    let requests = "pioneer_http_requests_total";
    assert!(
        value(&after, requests, &route) >= value(&before, requests, &route) + 3.0,
        "{after}"
    );
    // Requests are named by their route template, never by an id.
    assert!(!after.contains(&team.id), "a series names a roadmap id");
    let latency = "pioneer_http_request_duration_seconds_count";
    let timed = [("route", "/api/v1/roadmaps/{id}"), ("method", "GET")];
    assert!(value(&after, latency, &timed) >= value(&before, latency, &timed) + 3.0);
    let failures = "pioneer_login_failures_total";
    assert!(value(&after, failures, &[]) >= value(&before, failures, &[]) + 1.0);
    // The second and third reads were answered from memory.
    let hits = [("cache", "roadmaps"), ("result", "hit")];
    let lookups = "pioneer_cache_lookups_total";
    assert!(value(&after, lookups, &hits) >= value(&before, lookups, &hits) + 2.0);
    assert!(value(&after, "pioneer_db_pool_max_connections", &[]) >= 1.0);
    assert!(after.contains("pioneer_db_write_wait_seconds_bucket"));
}
