//! Two replicas on one PostgreSQL database: what one changes, the other stops serving from
//! memory at once, since it hears of the change (LISTEN/NOTIFY on `pioneer_changes`). Their
//! caches trust a row for a minute here, so only the change feed can explain what is seen.
//! With `TEST_DATABASE=postgres` only: on SQLite there is one replica per file by design.

use std::future::Future;
use std::time::{Duration, Instant};

use pioneer_api::config::Config;
use pioneer_domain::Role;
use reqwest::StatusCode;
use sea_orm::ConnectionTrait;
use serde_json::json;

use crate::helpers::{RoadmapClient, TestApp, error_code, on_postgres, spawn_app_with};

/// How soon the other replica must see a change: far below the caches' maximum age.
const AT_ONCE: Duration = Duration::from_millis(500);

fn long_max_age(config: &mut Config) {
    config.row_cache_max_age = Duration::from_secs(60);
}

/// Replicas A and B on one database, both listening; `None` on SQLite.
async fn two_replicas(test: &str) -> Option<(TestApp, TestApp)> {
    if !on_postgres() {
        eprintln!("{test}: PostgreSQL only (TEST_DATABASE=postgres); SQLite has one replica");
        return None;
    }
    let a = spawn_app_with(long_max_age).await;
    let b = a.spawn_replica(long_max_age).await;
    for app in [&a, &b] {
        let listening = || async { app.state.changes.is_listening() };
        assert!(
            eventually(Duration::from_secs(10), listening)
                .await
                .is_some(),
            "the replica listens for changes"
        );
    }
    Some((a, b))
}

/// Asks `check` every 20 ms until it says yes, for at most `limit`: how long that took.
async fn eventually<F, Fut>(limit: Duration, mut check: F) -> Option<Duration>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = bool>,
{
    let started = Instant::now();
    loop {
        if check().await {
            return Some(started.elapsed());
        }
        if started.elapsed() > limit {
            return None;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// The roadmap's ETag as `app` answers it.
async fn etag_on(app: &TestApp, path: &str, token: &str) -> String {
    let response = app
        .get(path)
        .bearer_auth(token)
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), StatusCode::OK);
    response.headers()["etag"]
        .to_str()
        .expect("etag")
        .to_owned()
}

#[tokio::test]
async fn a_member_deactivated_through_one_replica_is_refused_by_the_other_at_once() {
    let Some((a, b)) = two_replicas("deactivation").await else {
        return;
    };
    let (_, admin) = a.signed_in(Role::Admin, None).await;
    let (member, token) = a.signed_in(Role::CountryFocalPoint, Some("KEN")).await;
    for _ in 0..2 {
        assert_eq!(
            b.me(&token).await.status(),
            StatusCode::OK,
            "B keeps the member"
        );
    }

    let response = a
        .patch(&format!("/api/v1/users/{}", member.id))
        .bearer_auth(&admin)
        .json(&json!({"active": false}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);

    let refused = || async {
        let response = b.me(&token).await;
        response.status() == StatusCode::UNAUTHORIZED
            && error_code(response).await == "account_disabled"
    };
    let took = eventually(AT_ONCE, refused).await;
    assert!(
        took.is_some(),
        "B refuses the deactivated member within {AT_ONCE:?}"
    );
}

#[tokio::test]
async fn a_roadmap_changed_through_one_replica_is_read_at_its_new_revision_on_the_other() {
    let Some((a, b)) = two_replicas("roadmap revision").await else {
        return;
    };
    let (_, focal) = a.signed_in(Role::CountryFocalPoint, Some("KEN")).await;
    let mut roadmap = RoadmapClient::create(&a, &focal).await;
    let path = roadmap.path("");
    for _ in 0..2 {
        assert_eq!(etag_on(&b, &path, &focal).await, roadmap.etag, "B keeps it");
    }
    let listed = || async {
        let response = b
            .get("/api/v1/roadmaps")
            .bearer_auth(&focal)
            .send()
            .await
            .unwrap();
        let list: serde_json::Value = response.json().await.unwrap();
        list["items"][0]["title"].as_str().map(str::to_owned)
    };
    let before = listed().await;
    assert!(before.is_some_and(|title| title != "Revised on A"));

    let old = roadmap.etag.clone();
    let (status, body) = roadmap.patch("", json!({"title": "Revised on A"})).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_ne!(roadmap.etag, old);

    let current = || async { etag_on(&b, &path, &focal).await == roadmap.etag };
    let took = eventually(AT_ONCE, current).await;
    assert!(took.is_some(), "B answers the new ETag within {AT_ONCE:?}");
    assert_eq!(
        listed().await.as_deref(),
        Some("Revised on A"),
        "and its cached list pages are not served either"
    );
}

/// Many writes at once on A: their announcements go out together (one notification carries
/// what was committed while the last was being sent), and B hears every one of them.
#[tokio::test]
async fn every_change_of_writes_made_at_once_is_heard_by_the_other_replica() {
    let Some((a, b)) = two_replicas("writes at once").await else {
        return;
    };
    let (_, focal) = a.signed_in(Role::CountryFocalPoint, Some("KEN")).await;
    let mut roadmaps = Vec::new();
    for _ in 0..12 {
        roadmaps.push(RoadmapClient::create(&a, &focal).await);
    }
    for roadmap in &roadmaps {
        let path = roadmap.path("");
        assert_eq!(etag_on(&b, &path, &focal).await, roadmap.etag, "B keeps it");
    }
    // Sent at once, each on its own task.
    let writes: Vec<_> = roadmaps
        .iter()
        .enumerate()
        .map(|(i, roadmap)| {
            let request = a
                .patch(&roadmap.path(""))
                .bearer_auth(&focal)
                .header("If-Match", &roadmap.etag)
                .json(&json!({"title": format!("Written at once {i}")}));
            tokio::spawn(async move { request.send().await.expect("request") })
        })
        .collect();
    let mut written = Vec::new();
    for (write, roadmap) in writes.into_iter().zip(&roadmaps) {
        let response = write.await.expect("the write's task");
        assert_eq!(response.status(), StatusCode::OK);
        let etag = response.headers()["etag"]
            .to_str()
            .expect("etag")
            .to_owned();
        written.push((roadmap.path(""), etag));
    }
    for (path, etag) in &written {
        let current = || async { etag_on(&b, path, &focal).await == *etag };
        assert!(
            eventually(AT_ONCE, current).await.is_some(),
            "B answers {path} at its new ETag within {AT_ONCE:?}"
        );
    }
}

/// The listener's connection drops (here PostgreSQL ends it): the replica listens again and hears
/// the next change.
#[tokio::test]
async fn a_replica_whose_listening_connection_dropped_listens_again() {
    let Some((a, b)) = two_replicas("reconnection").await else {
        return;
    };
    let (_, admin) = a.signed_in(Role::Admin, None).await;
    let (member, token) = a.signed_in(Role::CountryFocalPoint, Some("KEN")).await;
    let subscribed = b.state.changes.subscriptions();
    let ended =
        a.db.execute_unprepared(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
             WHERE datname = current_database() AND query LIKE 'LISTEN%'",
        )
        .await
        .expect("end the listeners' connections");
    assert_eq!(ended.rows_affected(), 2, "A's and B's listeners");
    let again =
        || async { b.state.changes.subscriptions() > subscribed && b.state.changes.is_listening() };
    assert!(
        eventually(Duration::from_secs(10), again).await.is_some(),
        "B listens again"
    );
    // Read only now: listening again, B forgot all it had, as it may have missed changes.
    assert_eq!(
        b.me(&token).await.status(),
        StatusCode::OK,
        "B keeps the member"
    );

    let response = a
        .patch(&format!("/api/v1/users/{}", member.id))
        .bearer_auth(&admin)
        .json(&json!({"active": false}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let refused = || async { b.me(&token).await.status() == StatusCode::UNAUTHORIZED };
    assert!(
        eventually(AT_ONCE, refused).await.is_some(),
        "B hears the change on its new connection"
    );
}

#[tokio::test]
async fn a_report_accepted_through_one_replica_changes_the_others_synthesis_at_once() {
    let Some((a, b)) = two_replicas("synthesis").await else {
        return;
    };
    let (_, secretariat) = a.signed_in(Role::Secretariat, None).await;
    let (_, reviewer) = a.signed_in(Role::Reviewer, None).await;
    let ken = crate::reports::approved_country(&a, "KEN", &reviewer).await;
    crate::reports::open_cycle(&a, &secretariat, 2025, 10).await;
    let mut report = crate::reports::start_report(&a, &ken, 2025).await;
    report.refresh().await;
    crate::reports::fill_report(&mut report, &ken).await;
    assert_eq!(report.post("/submit", json!({})).await.0, StatusCode::OK);
    let accepted_on_a = || async {
        let synthesis: serde_json::Value = a
            .get("/api/v1/reporting-cycles/2025/synthesis")
            .bearer_auth(&secretariat)
            .send()
            .await
            .expect("request")
            .json()
            .await
            .expect("a synthesis");
        synthesis["reports"].as_array().map_or(0, Vec::len) == 1
    };
    // A computes the synthesis, and keeps it: nothing accepted yet.
    assert!(!accepted_on_a().await);
    let mut on_b = crate::helpers::DocumentClient {
        app: &b,
        token: reviewer.clone(),
        base: "/api/v1/reports",
        id: report.id.clone(),
        etag: String::new(),
    };
    on_b.refresh().await;
    let (status, _) = on_b.post("/reviews", json!({"decision": "accept"})).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        eventually(AT_ONCE, accepted_on_a).await.is_some(),
        "replica A's synthesis counts the report B accepted"
    );
}
