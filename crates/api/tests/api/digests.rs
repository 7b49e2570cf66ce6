//! The daily digest: one mail a day with the notifications not yet read, only those the member
//! may still see, in their language; none for a member who switched it off.

use chrono::{Duration, Timelike};
use pioneer_domain::Role;
use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::{TestApp, send, spawn_app, wait_for_mails_with};

/// Moves the server's clock to the next 06:30 UTC (the digest's hour has come).
fn to_next_digest_hour(app: &TestApp) {
    let now = app.state.clock.now();
    let mut target = now
        .date_naive()
        .and_hms_opt(6, 30, 0)
        .expect("a time")
        .and_utc();
    if target <= now {
        target += Duration::days(1);
    }
    app.state.clock.advance(target - now);
    assert_eq!(app.state.clock.now().hour(), 6);
}

#[tokio::test]
async fn a_member_gets_one_digest_a_day_of_what_they_may_still_read_unless_switched_off() {
    let app = spawn_app().await;
    let (_, secretariat) = app.signed_in(Role::Secretariat, None).await;
    let (asker, asker_token) = app.signed_in(Role::CountryFocalPoint, Some("KEN")).await;
    let (replier_user, replier) = app.signed_in(Role::CountryFocalPoint, Some("COL")).await;

    // On by default.
    let (status, settings) = send(
        app.get("/api/v1/me/notification-settings")
            .bearer_auth(&asker_token),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(settings, json!({"digest": true}));

    // A reply to the asker's question, and an invitation into a group they are then taken
    // out of: the digest tells the first only.
    let (status, thread) = send(
        app.post("/api/v1/discussions")
            .bearer_auth(&asker_token)
            .json(&json!({"title": "Budget lines for monitoring?", "body": "How do you cost it?"})),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{thread}");
    let thread_id = thread["id"].as_str().expect("id");
    let (status, _) = send(
        app.post(&format!("/api/v1/discussions/{thread_id}/posts"))
            .bearer_auth(&replier)
            .json(&json!({"body": "We keep 5% of each action's budget."})),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    let (_, group) = send(
        app.post("/api/v1/groups")
            .bearer_auth(&secretariat)
            .json(&json!({"name": "Confidential working group"})),
    )
    .await;
    let group_id = group["id"].as_str().expect("id");
    let (status, _) = send(
        app.post(&format!("/api/v1/groups/{group_id}/members"))
            .bearer_auth(&secretariat)
            .json(&json!({"user_email": asker.email, "role": "member"})),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    let (status, _) = send(
        app.delete(&format!("/api/v1/groups/{group_id}/members/{}", asker.id))
            .bearer_auth(&secretariat),
    )
    .await;
    assert_eq!(status, StatusCode::NO_CONTENT);

    to_next_digest_hour(&app);
    assert_eq!(
        pioneer_api::digests::write_due(&app.state)
            .await
            .expect("runs"),
        1
    );
    assert_eq!(
        pioneer_api::digests::write_due(&app.state)
            .await
            .expect("runs"),
        0,
        "once a day"
    );
    let mails = wait_for_mails_with(
        &app.outbox,
        &[&asker.email, "Pioneer Hub: 1 new notification"],
        1,
    )
    .await;
    assert_eq!(mails.len(), 1, "one digest");
    let mail = &mails[0];
    assert!(mail.contains("Budget lines for monitoring?"), "{mail}");
    assert!(
        mail.contains(&format!("/discussions/{thread_id}")),
        "{mail}"
    );
    assert!(!mail.contains("Confidential working group"), "{mail}");

    // Switched off: the next day's reply brings no mail.
    let asker_token = app.login(&asker).await.access_token;
    let (status, settings) = send(
        app.put("/api/v1/me/notification-settings")
            .bearer_auth(&asker_token)
            .json(&json!({"digest": false})),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(settings, json!({"digest": false}));
    let (status, _) = send(
        app.put("/api/v1/me/notification-settings")
            .bearer_auth(&asker_token)
            .json(&json!({"digest": "sometimes"})),
    )
    .await;
    assert!(status.is_client_error(), "{status}");
    let replier = app.login(&replier_user).await.access_token;
    let (status, _) = send(
        app.post(&format!("/api/v1/discussions/{thread_id}/posts"))
            .bearer_auth(&replier)
            .json(&json!({"body": "And 2% for the evaluation."})),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    let (_, settings) = send(
        app.get("/api/v1/me/notification-settings")
            .bearer_auth(&asker_token),
    )
    .await;
    assert_eq!(settings, json!({"digest": false}), "kept");
    app.state.clock.advance(Duration::days(1));
    assert_eq!(
        pioneer_api::digests::write_due(&app.state)
            .await
            .expect("runs"),
        0
    );
}
