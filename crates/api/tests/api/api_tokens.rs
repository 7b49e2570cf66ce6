use std::time::Duration;

use pioneer_domain::Role;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, error_code, query_count, spawn_app, spawn_app_with};

/// Makes an API token as the member signed in with `access`: its JSON, secret included.
async fn create_token(app: &TestApp, access: &str, body: Value) -> Value {
    let response = app
        .post("/api/v1/api-tokens")
        .bearer_auth(access)
        .json(&body)
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), StatusCode::CREATED);
    response.json().await.expect("the token as JSON")
}

#[tokio::test]
async fn an_api_token_is_shown_once_and_acts_as_its_creator() {
    let app = spawn_app().await;
    let (user, access) = app.signed_in(Role::CountryFocalPoint, Some("KEN")).await;

    let created = app
        .post("/api/v1/api-tokens")
        .bearer_auth(&access)
        .json(&json!({"name": "National dashboard"}))
        .send()
        .await
        .unwrap();

    assert_eq!(created.status(), StatusCode::CREATED);
    let created: Value = created.json().await.unwrap();
    let secret = created["token"].as_str().unwrap().to_owned();
    assert!(secret.starts_with("phk_"));
    assert_eq!(created["name"], "National dashboard");
    assert!(created["last_used_at"].is_null());

    let me: Value = app.me(&secret).await.json().await.unwrap();
    assert_eq!(
        me["id"],
        user.id.to_string(),
        "the token acts as the user who made it"
    );

    let list: Value = app
        .get("/api/v1/api-tokens")
        .bearer_auth(&access)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(list["total"], 1);
    let listed = &list["items"][0];
    assert!(
        listed.get("token").is_none(),
        "the secret is never shown again: {listed}"
    );
    assert!(listed["last_used_at"].is_string(), "use is recorded");
}

/// An integrator polling with a token costs no query for it: the token's row and its member's
/// come from memory, as a signed-in member's do.
#[tokio::test]
async fn an_api_token_in_use_is_checked_from_memory() {
    // Rows trusted long enough that a slow machine does not see them age during the test.
    let app = spawn_app_with(|config| config.row_cache_max_age = Duration::from_secs(60)).await;
    let (_, access) = app.signed_in(Role::Reviewer, None).await;
    let created = create_token(&app, &access, json!({"name": "Dashboard"})).await;
    let secret = created["token"].as_str().unwrap();

    let first = app.me(secret).await;
    assert_eq!(first.status(), StatusCode::OK);
    assert!(
        query_count(&first) >= 1,
        "the first use reads the token and records its use"
    );
    // Recording the use made the server read the token once more, with its new `last_used_at`.
    assert_eq!(query_count(&app.me(secret).await), 1);
    for _ in 0..3 {
        let again = app.me(secret).await;
        assert_eq!(again.status(), StatusCode::OK);
        assert_eq!(query_count(&again), 0, "the token is known now");
    }
}

#[tokio::test]
async fn a_revoked_api_token_stops_working() {
    let app = spawn_app().await;
    let (_, access) = app.signed_in(Role::Reviewer, None).await;
    let created = create_token(&app, &access, json!({"name": "ETL"})).await;
    let secret = created["token"].as_str().unwrap();
    assert_eq!(app.me(secret).await.status(), StatusCode::OK);

    let deleted = app
        .delete(&format!(
            "/api/v1/api-tokens/{}",
            created["id"].as_str().unwrap()
        ))
        .bearer_auth(&access)
        .send()
        .await
        .unwrap();

    assert_eq!(deleted.status(), StatusCode::NO_CONTENT);
    assert_eq!(app.me(secret).await.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn nobody_revokes_or_sees_another_members_tokens() {
    let app = spawn_app().await;
    let (_, owner) = app.signed_in(Role::Partner, None).await;
    let (_, other) = app.signed_in(Role::Admin, None).await;
    let created = create_token(&app, &owner, json!({"name": "mine"})).await;

    let deleted = app
        .delete(&format!(
            "/api/v1/api-tokens/{}",
            created["id"].as_str().unwrap()
        ))
        .bearer_auth(&other)
        .send()
        .await
        .unwrap();
    let listed: Value = app
        .get("/api/v1/api-tokens")
        .bearer_auth(&other)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();

    assert_eq!(deleted.status(), StatusCode::NOT_FOUND);
    assert_eq!(listed["total"], 0);
    assert_eq!(
        app.me(created["token"].as_str().unwrap()).await.status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn an_expired_api_token_is_refused() {
    let app = spawn_app().await;
    let (_, access) = app.signed_in(Role::Partner, None).await;
    let expires_at = app.state.clock.now() + chrono::Duration::hours(1);
    let created = create_token(
        &app,
        &access,
        json!({"name": "short-lived", "expires_at": expires_at}),
    )
    .await;
    let secret = created["token"].as_str().unwrap();
    assert_eq!(app.me(secret).await.status(), StatusCode::OK);
    app.state.clock.advance(chrono::Duration::hours(1));
    let response = app.me(secret).await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(error_code(response).await, "token_expired");
}

#[tokio::test]
async fn an_api_token_needs_a_name_and_a_future_expiry() {
    let app = spawn_app().await;
    let (_, access) = app.signed_in(Role::Partner, None).await;
    let response = app
        .post("/api/v1/api-tokens")
        .bearer_auth(&access)
        .json(&json!({"name": "  ", "expires_at": "2020-01-01T00:00:00Z"}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = response.json().await.unwrap();
    let fields: Vec<&str> = body["error"]["details"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["name", "expires_at"]);
}

#[tokio::test]
async fn an_unknown_api_token_is_refused() {
    let app = spawn_app().await;
    let response = app.me("phk_this-token-does-not-exist").await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(error_code(response).await, "invalid_token");
}
