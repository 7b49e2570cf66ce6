//! Two-factor sign-in (TOTP): enrolment, signing in with a code that works once, recovery codes,
//! rate limits, turning it off, and roles that require it (`REQUIRE_TOTP_ROLES`).

use pioneer_domain::Role;
use pioneer_domain::auth::TokenResponse;
use reqwest::{Response, StatusCode};
use serde_json::{Value, json};
use totp_rs::{Builder, Secret};

use crate::helpers::{PASSWORD, TestApp, TestUser, error_code, send, spawn_app, spawn_app_with};

/// The code an authenticator app with `secret` shows at the server's present time.
fn code_now(app: &TestApp, secret: &str) -> String {
    let totp = Builder::new()
        .with_secret(Secret::try_from_base32(secret).expect("a base32 secret"))
        .build()
        .expect("a TOTP");
    let now = u64::try_from(app.state.clock.now().timestamp()).expect("after 1970");
    totp.generate(now).to_string()
}

/// Moves the server's clock to the next 30-second step, as a member waits for a new code.
fn next_step(app: &TestApp) {
    app.state.clock.advance(chrono::Duration::seconds(30));
}

/// Turns two-factor sign-in on for the holder of `token`; answers the secret and the recovery
/// codes.
async fn enrol(app: &TestApp, token: &str) -> (String, Vec<String>) {
    let (status, setup) = send(app.post("/api/v1/me/totp").bearer_auth(token)).await;
    assert_eq!(status, StatusCode::OK, "{setup}");
    let secret = setup["secret"].as_str().expect("secret").to_owned();
    let (status, body) = send(
        app.post("/api/v1/me/totp/confirm")
            .bearer_auth(token)
            .json(&json!({"code": code_now(app, &secret)})),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "confirm: {body}");
    let codes = body["recovery_codes"]
        .as_array()
        .expect("recovery codes")
        .iter()
        .map(|c| c.as_str().expect("a code").to_owned())
        .collect();
    (secret, codes)
}

/// Signs in with the password; answers the challenge a member with two-factor sign-in gets.
async fn challenge_of(app: &TestApp, user: &TestUser) -> String {
    let response = app.login_response(&user.email, PASSWORD).await;
    assert_eq!(response.status(), StatusCode::OK);
    let body: Value = response.json().await.expect("JSON");
    assert_eq!(body["totp_required"], true, "{body}");
    assert!(body.get("access_token").is_none(), "no tokens yet: {body}");
    body["challenge"].as_str().expect("challenge").to_owned()
}

async fn login_totp(app: &TestApp, challenge: &str, code: &str) -> Response {
    app.post("/api/v1/auth/login/totp")
        .json(&json!({"challenge": challenge, "code": code}))
        .send()
        .await
        .expect("request")
}

async fn status_of(app: &TestApp, token: &str) -> Value {
    let (status, body) = send(app.get("/api/v1/me/totp").bearer_auth(token)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body
}

#[tokio::test]
async fn enrolment_then_sign_in_with_a_code_that_works_once() {
    let app = spawn_app().await;
    let user = app.create_user(Role::CountryFocalPoint, Some("KEN")).await;
    let token = app.login(&user).await.access_token;
    assert_eq!(
        status_of(&app, &token).await,
        json!({"enabled": false, "required": false, "recovery_codes_left": 0})
    );

    let (status, setup) = send(app.post("/api/v1/me/totp").bearer_auth(&token)).await;
    assert_eq!(status, StatusCode::OK, "{setup}");
    let secret = setup["secret"].as_str().unwrap().to_owned();
    let url = setup["otpauth_url"].as_str().unwrap();
    assert!(url.starts_with("otpauth://totp/Pioneer%20Hub:"), "{url}");
    assert!(url.contains(&format!("secret={secret}")), "{url}");
    assert!(setup["qr_svg"].as_str().unwrap().contains("<svg"));
    assert_eq!(
        app.login(&user).await.user.id,
        user.id,
        "not in force before it is confirmed"
    );

    let (status, body) = send(
        app.post("/api/v1/me/totp/confirm")
            .bearer_auth(&token)
            .json(&json!({"code": "000000"})),
    )
    .await;
    if code_now(&app, &secret) != "000000" {
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert_eq!(body["error"]["code"], "invalid_totp_code");
        assert_eq!(body["error"]["details"][0]["field"], "code");
    }
    let (status, body) = send(
        app.post("/api/v1/me/totp/confirm")
            .bearer_auth(&token)
            .json(&json!({"code": code_now(&app, &secret)})),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let codes = body["recovery_codes"].as_array().unwrap();
    assert_eq!(codes.len(), 10);
    assert!(codes.iter().all(|c| c.as_str().unwrap().len() == 14));
    assert_eq!(
        status_of(&app, &token).await,
        json!({"enabled": true, "required": false, "recovery_codes_left": 10})
    );
    let (status, body) = send(app.post("/api/v1/me/totp").bearer_auth(&token)).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(body["error"]["code"], "totp_already_enabled");

    // The code that confirmed is used: signing in waits for the next one.
    let challenge = challenge_of(&app, &user).await;
    let reused = login_totp(&app, &challenge, &code_now(&app, &secret)).await;
    assert_eq!(reused.status(), StatusCode::UNAUTHORIZED);
    next_step(&app);
    let code = code_now(&app, &secret);
    let response = login_totp(&app, &challenge, &code).await;
    assert_eq!(response.status(), StatusCode::OK);
    let tokens: TokenResponse = response.json().await.unwrap();
    assert_eq!(tokens.user.id, user.id);
    assert_eq!(app.me(&tokens.access_token).await.status(), StatusCode::OK);
    assert_eq!(
        app.refresh(&tokens.refresh_token).await.status(),
        StatusCode::OK,
        "refresh tokens are unchanged"
    );

    let replayed = login_totp(&app, &challenge_of(&app, &user).await, &code).await;
    assert_eq!(replayed.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(error_code(replayed).await, "invalid_totp_code");
}

#[tokio::test]
async fn the_same_code_sent_twice_at_once_signs_in_once() {
    let app = spawn_app().await;
    let user = app.create_user(Role::Reviewer, None).await;
    let token = app.login(&user).await.access_token;
    let (secret, _) = enrol(&app, &token).await;
    next_step(&app);
    let (first, second) = (
        challenge_of(&app, &user).await,
        challenge_of(&app, &user).await,
    );
    let code = code_now(&app, &secret);

    let (a, b) = tokio::join!(
        login_totp(&app, &first, &code),
        login_totp(&app, &second, &code)
    );

    let mut statuses = [a.status(), b.status()];
    statuses.sort();
    assert_eq!(statuses, [StatusCode::OK, StatusCode::UNAUTHORIZED]);
}

#[tokio::test]
async fn wrong_codes_are_rate_limited_like_passwords() {
    let app = spawn_app().await;
    let user = app.create_user(Role::Partner, None).await;
    let token = app.login(&user).await.access_token;
    let (secret, _) = enrol(&app, &token).await;
    next_step(&app);
    let right = code_now(&app, &secret);
    let wrong = if right == "123456" {
        "654321"
    } else {
        "123456"
    };
    let challenge = challenge_of(&app, &user).await;
    // The confirmation was the first attempt of five.
    for _ in 0..4 {
        let response = login_totp(&app, &challenge, wrong).await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        assert_eq!(error_code(response).await, "invalid_totp_code");
    }

    let limited = login_totp(&app, &challenge, &right).await;

    assert_eq!(
        limited.status(),
        StatusCode::TOO_MANY_REQUESTS,
        "even the right code waits"
    );
    let retry_after: u64 = limited.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&retry_after), "Retry-After {retry_after}");
    assert_eq!(error_code(limited).await, "rate_limited");
    assert_eq!(
        app.me(&token).await.status(),
        StatusCode::OK,
        "sessions already open are not affected"
    );
}

#[tokio::test]
async fn a_recovery_code_signs_in_once() {
    let app = spawn_app().await;
    let user = app.create_user(Role::Partner, None).await;
    let token = app.login(&user).await.access_token;
    let (_, codes) = enrol(&app, &token).await;

    let challenge = challenge_of(&app, &user).await;
    let response = login_totp(&app, &challenge, &codes[0]).await;
    assert_eq!(response.status(), StatusCode::OK);
    let again = login_totp(&app, &challenge, &codes[0]).await;
    assert_eq!(again.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(error_code(again).await, "invalid_totp_code");
    // Typed without dashes, in capitals: still a recovery code.
    let typed = codes[1].replace('-', "").to_uppercase();
    assert_eq!(
        login_totp(&app, &challenge, &typed).await.status(),
        StatusCode::OK
    );

    assert_eq!(status_of(&app, &token).await["recovery_codes_left"], 8);
}

#[tokio::test]
async fn a_challenge_is_not_an_access_token_nor_the_reverse_and_it_expires() {
    let app = spawn_app().await;
    let user = app.create_user(Role::Partner, None).await;
    let token = app.login(&user).await.access_token;
    let (secret, _) = enrol(&app, &token).await;
    let challenge = challenge_of(&app, &user).await;

    let response = app.me(&challenge).await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(error_code(response).await, "invalid_token");
    let response = login_totp(&app, &token, "123456").await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(error_code(response).await, "invalid_challenge");

    app.state.clock.advance(chrono::Duration::minutes(6));
    let response = login_totp(&app, &challenge, &code_now(&app, &secret)).await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(error_code(response).await, "invalid_challenge");
}

#[tokio::test]
async fn turning_it_off_needs_a_current_code() {
    let app = spawn_app().await;
    let user = app.create_user(Role::CountryContributor, Some("KEN")).await;
    let token = app.login(&user).await.access_token;
    let (secret, _) = enrol(&app, &token).await;
    next_step(&app);
    let right = code_now(&app, &secret);
    let wrong = if right == "123456" {
        "654321"
    } else {
        "123456"
    };

    let (status, body) = send(
        app.delete("/api/v1/me/totp")
            .bearer_auth(&token)
            .json(&json!({"code": wrong})),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["error"]["code"], "invalid_totp_code");
    let response = app
        .delete("/api/v1/me/totp")
        .bearer_auth(&token)
        .json(&json!({"code": right}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NO_CONTENT);

    assert_eq!(
        status_of(&app, &token).await,
        json!({"enabled": false, "required": false, "recovery_codes_left": 0})
    );
    assert_eq!(
        app.login(&user).await.user.id,
        user.id,
        "the password alone signs in again"
    );
    let (status, body) = send(
        app.delete("/api/v1/me/totp")
            .bearer_auth(&token)
            .json(&json!({"code": right})),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(body["error"]["code"], "totp_not_enabled");
}

#[tokio::test]
async fn a_role_that_requires_it_is_refused_until_enrolled() {
    let app = spawn_app_with(|c| c.require_totp_roles = vec![Role::Admin, Role::Secretariat]).await;
    let admin = app.create_user(Role::Admin, None).await;
    let token = app.login(&admin).await.access_token;

    let refused = app
        .get("/api/v1/users")
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    assert_eq!(error_code(refused).await, "totp_enrolment_required");
    let (status, body) = send(
        app.post("/api/v1/api-tokens")
            .bearer_auth(&token)
            .json(&json!({"name": "dashboard", "scopes": ["read"]})),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "no way around it: {body}");
    assert_eq!(app.me(&token).await.status(), StatusCode::OK);
    assert_eq!(
        status_of(&app, &token).await,
        json!({"enabled": false, "required": true, "recovery_codes_left": 0})
    );
    let (other, other_token) = app.signed_in(Role::Reviewer, None).await;
    assert_eq!(
        app.get("/api/v1/roadmaps")
            .bearer_auth(&other_token)
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::OK,
        "roles not listed are not asked ({})",
        other.email
    );

    let (secret, _) = enrol(&app, &token).await;

    let response = app
        .get("/api/v1/users")
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK, "open once enrolled");
    next_step(&app);
    let (status, body) = send(
        app.delete("/api/v1/me/totp")
            .bearer_auth(&token)
            .json(&json!({"code": code_now(&app, &secret)})),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(body["error"]["code"], "totp_required");
    let challenge = challenge_of(&app, &admin).await;
    assert_eq!(
        login_totp(&app, &challenge, &code_now(&app, &secret))
            .await
            .status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn confirming_without_starting_is_a_conflict() {
    let app = spawn_app().await;
    let (_, token) = app.signed_in(Role::Partner, None).await;
    let (status, body) = send(
        app.post("/api/v1/me/totp/confirm")
            .bearer_auth(&token)
            .json(&json!({"code": "123456"})),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(body["error"]["code"], "totp_not_started");
}
