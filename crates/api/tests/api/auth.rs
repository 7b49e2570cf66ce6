use std::time::Duration;

use pioneer_api::auth::jwt::JwtKeys;
use pioneer_domain::Role;
use pioneer_domain::auth::TokenResponse;
use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::{JWT_SECRET, PASSWORD, error_code, spawn_app, spawn_app_with};

#[tokio::test]
async fn login_with_the_right_password_returns_a_token_pair_and_the_user() {
    let app = spawn_app().await;
    let user = app.create_user(Role::CountryFocalPoint, Some("KEN")).await;

    let response = app
        .login_response(&user.email.to_uppercase(), PASSWORD)
        .await;

    assert_eq!(response.status(), StatusCode::OK);
    let tokens: TokenResponse = response.json().await.unwrap();
    assert_eq!(tokens.token_type, "Bearer");
    assert_eq!(tokens.expires_in, 900);
    assert_eq!(tokens.user.email, user.email);
    assert_eq!(tokens.user.country_code.as_deref(), Some("KEN"));
    let me = app.me(&tokens.access_token).await;
    assert_eq!(me.status(), StatusCode::OK);
    let me: serde_json::Value = me.json().await.unwrap();
    assert_eq!(me["id"], user.id.to_string());
    assert_eq!(me["role"], "country_focal_point");
}

#[tokio::test]
async fn a_wrong_password_and_an_unknown_email_get_the_same_401() {
    let app = spawn_app().await;
    let user = app.create_user(Role::Reviewer, None).await;

    let wrong_password = app.login_response(&user.email, "not the password").await;
    let unknown_email = app.login_response("nobody@example.org", PASSWORD).await;

    assert_eq!(wrong_password.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(unknown_email.status(), StatusCode::UNAUTHORIZED);
    let (a, b): (serde_json::Value, serde_json::Value) = (
        wrong_password.json().await.unwrap(),
        unknown_email.json().await.unwrap(),
    );
    assert_eq!(a, b, "the two refusals must not be told apart");
    assert_eq!(a["error"]["code"], "invalid_credentials");
}

#[tokio::test]
async fn me_without_a_token_is_401_in_the_error_shape() {
    let app = spawn_app().await;
    let response = app.get("/api/v1/me").send().await.unwrap();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(response.headers()["www-authenticate"], "Bearer");
    assert_eq!(error_code(response).await, "missing_token");
}

#[tokio::test]
async fn refresh_rotates_the_pair_and_the_new_tokens_work() {
    let app = spawn_app().await;
    let user = app.create_user(Role::Partner, None).await;
    let first = app.login(&user).await;

    let response = app.refresh(&first.refresh_token).await;

    assert_eq!(response.status(), StatusCode::OK);
    let second: TokenResponse = response.json().await.unwrap();
    assert_ne!(second.refresh_token, first.refresh_token);
    assert_ne!(second.access_token, first.access_token);
    assert_eq!(app.me(&second.access_token).await.status(), StatusCode::OK);
    let third = app.refresh(&second.refresh_token).await;
    assert_eq!(
        third.status(),
        StatusCode::OK,
        "the rotated token refreshes in turn"
    );
}

#[tokio::test]
async fn a_reused_refresh_token_revokes_its_whole_family() {
    let app = spawn_app().await;
    let user = app.create_user(Role::Partner, None).await;
    let first = app.login(&user).await;
    let second: TokenResponse = app
        .refresh(&first.refresh_token)
        .await
        .json()
        .await
        .unwrap();

    let replay = app.refresh(&first.refresh_token).await;

    assert_eq!(replay.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(error_code(replay).await, "refresh_token_reused");
    let legit = app.refresh(&second.refresh_token).await;
    assert_eq!(
        legit.status(),
        StatusCode::UNAUTHORIZED,
        "the thief's copy and the owner's are both revoked"
    );
    // Another session of the same user, in another family, is untouched.
    let other_session = app.login(&user).await;
    assert_eq!(
        app.refresh(&other_session.refresh_token).await.status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn logout_revokes_the_refresh_token() {
    let app = spawn_app().await;
    let user = app.create_user(Role::Reviewer, None).await;
    let tokens = app.login(&user).await;

    let response = app
        .post("/api/v1/auth/logout")
        .json(&json!({"refresh_token": tokens.refresh_token}))
        .send()
        .await
        .unwrap();

    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        app.refresh(&tokens.refresh_token).await.status(),
        StatusCode::UNAUTHORIZED
    );
    let again = app
        .post("/api/v1/auth/logout")
        .json(&json!({"refresh_token": tokens.refresh_token}))
        .send()
        .await
        .unwrap();
    assert_eq!(
        again.status(),
        StatusCode::NO_CONTENT,
        "signing out twice is harmless"
    );
}

#[tokio::test]
async fn an_unknown_refresh_token_is_refused() {
    let app = spawn_app().await;
    let response = app.refresh("not-a-token").await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(error_code(response).await, "invalid_refresh_token");
}

#[tokio::test]
async fn expired_tampered_unsigned_and_foreign_access_tokens_are_refused() {
    let app = spawn_app().await;
    let user = app.create_user(Role::Reviewer, None).await;
    let keys = JwtKeys::new(JWT_SECRET, Duration::from_secs(60));
    let valid = keys.issue(user.id, app.state.clock.now()).unwrap();
    assert_eq!(
        app.me(&valid).await.status(),
        StatusCode::OK,
        "control: a fresh token works"
    );

    let expired = keys
        .issue(
            user.id,
            app.state.clock.now() - chrono::Duration::minutes(10),
        )
        .unwrap();
    let not_yet_valid = keys
        .issue(
            user.id,
            app.state.clock.now() + chrono::Duration::minutes(10),
        )
        .unwrap();
    let foreign = JwtKeys::new(
        "another-secret-another-secret-another",
        Duration::from_secs(60),
    )
    .issue(user.id, app.state.clock.now())
    .unwrap();
    let mut parts: Vec<String> = valid.split('.').map(str::to_owned).collect();
    parts[1] = format!("{}x", &parts[1][..parts[1].len() - 1]);
    let tampered = parts.join(".");
    use base64::Engine;
    let b64 = |s: &str| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(s);
    let payload = valid.split('.').nth(1).unwrap();
    let unsigned = format!("{}.{payload}.", b64(r#"{"alg":"none","typ":"JWT"}"#));

    for (what, token) in [
        ("expired", expired),
        ("not yet valid", not_yet_valid),
        ("signed with another secret", foreign),
        ("tampered", tampered),
        ("alg none", unsigned),
    ] {
        let response = app.me(&token).await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "{what}");
        assert_eq!(error_code(response).await, "invalid_token", "{what}");
    }
}

#[tokio::test]
async fn login_is_rate_limited_per_account_with_retry_after() {
    let app = spawn_app().await;
    let user = app.create_user(Role::Partner, None).await;
    for _ in 0..5 {
        assert_eq!(
            app.login_response(&user.email, "wrong password!")
                .await
                .status(),
            StatusCode::UNAUTHORIZED
        );
    }

    let limited = app.login_response(&user.email, PASSWORD).await;

    assert_eq!(
        limited.status(),
        StatusCode::TOO_MANY_REQUESTS,
        "even the right password waits"
    );
    let retry_after: u64 = limited.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&retry_after), "Retry-After {retry_after}");
    assert_eq!(error_code(limited).await, "rate_limited");
    let other = app.create_user(Role::Partner, None).await;
    assert_eq!(
        app.login_response(&other.email, PASSWORD).await.status(),
        StatusCode::OK,
        "other accounts still sign in"
    );
}

#[tokio::test]
async fn login_is_rate_limited_per_ip_across_accounts() {
    let app = spawn_app_with(|c| c.login_limits.ip_burst = 3).await;
    for n in 0..3 {
        let response = app
            .login_response(&format!("guess{n}@example.org"), "whatever password")
            .await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    }
    let response = app
        .login_response("guess9@example.org", "whatever password")
        .await;
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(response.headers().contains_key("retry-after"));
}

#[tokio::test]
async fn an_access_token_stops_working_once_the_server_clock_passes_its_lifetime() {
    let app = spawn_app().await;
    let (_, access) = app.signed_in(Role::Reviewer, None).await;
    assert_eq!(app.me(&access).await.status(), StatusCode::OK);
    app.state.clock.advance(chrono::Duration::minutes(14));
    assert_eq!(
        app.me(&access).await.status(),
        StatusCode::OK,
        "still within its 15 minutes"
    );
    app.state.clock.advance(chrono::Duration::minutes(2));
    let response = app.me(&access).await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(error_code(response).await, "invalid_token");
}
