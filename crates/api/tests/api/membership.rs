//! The way in: an expression of interest to the focal point's first sign-in, declines,
//! invitations and password resets (links that work once and expire), bad uploads, the team and
//! the country profile.

use chrono::Duration as ChronoDuration;
use pioneer_domain::Role;
use reqwest::StatusCode;
use reqwest::multipart::{Form, Part};
use sea_orm::{EntityTrait, PaginatorTrait};
use serde_json::{Value, json};

use crate::helpers::{
    PASSWORD, TestApp, error_code, mails_in, spawn_app, spawn_app_with, token_in, wait_for_mails,
};
use pioneer_api::entities::{job, membership_application};

pub const PDF: &[u8] = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n";

pub fn application(country: &str, email: &str) -> Value {
    json!({
        "country_code": country,
        "entity": "Ministère des Affaires sociales",
        "signatory_name": "Véronique Tognifodé",
        "signatory_title": "Ministre",
        "commitment": "Nous nous engageons à mettre fin à la violence contre les enfants.",
        "language": "fr",
        "focal_point": {
            "name": "Awa Diallo",
            "title": "Directrice de la protection de l'enfance",
            "ministry": "Affaires sociales",
            "email": email
        }
    })
}

pub fn form(application: &Value, letter: &[u8]) -> Form {
    Form::new()
        .part(
            "application",
            Part::text(application.to_string())
                .mime_str("application/json")
                .expect("mime"),
        )
        .part(
            "letter",
            Part::bytes(letter.to_vec())
                .file_name("lettre-signée.pdf")
                .mime_str("application/pdf")
                .expect("mime"),
        )
}

pub async fn apply(app: &TestApp, form: Form) -> reqwest::Response {
    app.post("/api/v1/membership-applications")
        .multipart(form)
        .send()
        .await
        .expect("request")
}

async fn stored_applications(app: &TestApp) -> u64 {
    membership_application::Entity::find()
        .count(&app.db)
        .await
        .expect("count")
}

async fn stored_jobs(app: &TestApp) -> u64 {
    job::Entity::find().count(&app.db).await.expect("count")
}

async fn json_of(response: reqwest::Response) -> Value {
    response.json().await.expect("json")
}

#[tokio::test]
async fn an_application_goes_from_the_public_form_to_the_focal_points_first_sign_in() {
    let app = spawn_app().await;
    let email = "awa.diallo@example.org";
    let response = apply(&app, form(&application("ben", email), PDF)).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let receipt = json_of(response).await;
    assert_eq!(receipt["status"], "received");
    let id = receipt["id"].as_str().expect("id").to_owned();

    // The acknowledgment, in the applicant's language, quotes the reference.
    let ack = wait_for_mails(&app.outbox, &id, 1).await;
    assert!(
        ack[0].contains("To: \"Awa Diallo\" <awa.diallo@example.org>"),
        "{}",
        ack[0]
    );
    assert!(
        ack[0].contains("Bénin"),
        "the country in French: {}",
        ack[0]
    );

    let (_, secretariat) = app.signed_in(Role::Secretariat, None).await;
    let queue: Value = json_of(
        app.get("/api/v1/membership-applications?status=received")
            .bearer_auth(&secretariat)
            .send()
            .await
            .expect("request"),
    )
    .await;
    assert_eq!(queue["total"], 1);
    assert_eq!(queue["items"][0]["id"], id.as_str());
    assert_eq!(queue["items"][0]["country_code"], "BEN");
    assert_eq!(queue["items"][0]["letter"]["name"], "lettre-signée.pdf");

    // The letter comes back as it was sent, as an attachment.
    let letter = app
        .get(&format!("/api/v1/membership-applications/{id}/letter"))
        .bearer_auth(&secretariat)
        .send()
        .await
        .expect("request");
    assert_eq!(letter.status(), StatusCode::OK);
    assert_eq!(letter.headers()["content-type"], "application/pdf");
    assert!(
        letter.headers()["content-disposition"]
            .to_str()
            .expect("ascii")
            .starts_with("attachment; filename=\"lettre-sign_e.pdf\"")
    );
    assert_eq!(letter.bytes().await.expect("bytes").as_ref(), PDF);

    // A country team member cannot read the queue.
    let (_, focal) = app.signed_in(Role::CountryFocalPoint, Some("KEN")).await;
    let refused = app
        .get("/api/v1/membership-applications")
        .bearer_auth(&focal)
        .send()
        .await
        .expect("request");
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);

    let decided = app
        .post(&format!("/api/v1/membership-applications/{id}/decision"))
        .bearer_auth(&secretariat)
        .json(&json!({"decision": "accept", "message": "Bienvenue dans l'Alliance.", "joined_on": "2026-11-20"}))
        .send()
        .await
        .expect("request");
    assert_eq!(decided.status(), StatusCode::OK);
    let decided = json_of(decided).await;
    assert_eq!(decided["status"], "accepted");
    assert_eq!(decided["decision_message"], "Bienvenue dans l'Alliance.");

    // The country is a pioneer from its joining date.
    let profile = json_of(
        app.get("/api/v1/countries/BEN/profile")
            .send()
            .await
            .expect("request"),
    )
    .await;
    assert_eq!(profile["pioneer"], true);
    assert_eq!(profile["joined_on"], "2026-11-20");

    // The invitation, read from the outbox, makes the account and signs it in.
    let invitation = wait_for_mails(&app.outbox, "/invitations/", 1).await;
    let token = token_in(&invitation[0], "invitations");
    let view = json_of(
        app.get(&format!("/api/v1/invitations/{token}"))
            .send()
            .await
            .expect("request"),
    )
    .await;
    assert_eq!(view["email"], email);
    assert_eq!(view["role"], "country_focal_point");
    assert_eq!(view["country_code"], "BEN");
    assert_eq!(view["ministry"], "Affaires sociales");
    let accepted = app
        .post(&format!("/api/v1/invitations/{token}/accept"))
        .json(&json!({"name": "Awa Diallo", "password": "un mot de passe solide"}))
        .send()
        .await
        .expect("request");
    assert_eq!(accepted.status(), StatusCode::OK);
    let tokens = json_of(accepted).await;
    assert_eq!(tokens["user"]["role"], "country_focal_point");
    assert_eq!(tokens["user"]["country_code"], "BEN");
    let me = app
        .me(tokens["access_token"].as_str().expect("token"))
        .await;
    assert_eq!(me.status(), StatusCode::OK);
    // And the password chosen signs in from now on.
    let login = app.login_response(email, "un mot de passe solide").await;
    assert_eq!(login.status(), StatusCode::OK);

    // Everything is in the application's history.
    let history = json_of(
        app.get(&format!("/api/v1/membership-applications/{id}/history"))
            .bearer_auth(&secretariat)
            .send()
            .await
            .expect("request"),
    )
    .await;
    let events: Vec<&str> = history["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|e| e["event"].as_str().expect("event"))
        .collect();
    assert_eq!(
        events,
        [
            "application.accepted",
            "invitation.created",
            "invitation.accepted"
        ]
    );
    let application = json_of(
        app.get(&format!("/api/v1/membership-applications/{id}"))
            .bearer_auth(&secretariat)
            .send()
            .await
            .expect("request"),
    )
    .await;
    assert_eq!(application["focal_point_user_id"], tokens["user"]["id"]);

    // The profile names the focal point to members only.
    let anonymous = json_of(
        app.get("/api/v1/countries/BEN/profile")
            .send()
            .await
            .expect("request"),
    )
    .await;
    assert_eq!(
        anonymous["focal_points"][0]["ministry"],
        "Affaires sociales"
    );
    assert_eq!(anonymous["focal_points"][0]["name"], Value::Null);
    let member = json_of(
        app.get("/api/v1/countries/BEN/profile")
            .bearer_auth(&focal)
            .send()
            .await
            .expect("request"),
    )
    .await;
    assert_eq!(member["focal_points"][0]["name"], "Awa Diallo");

    // A second decision is refused.
    let again = app
        .post(&format!("/api/v1/membership-applications/{id}/decision"))
        .bearer_auth(&secretariat)
        .json(&json!({"decision": "decline", "message": "no"}))
        .send()
        .await
        .expect("request");
    assert_eq!(again.status(), StatusCode::CONFLICT);
    assert_eq!(error_code(again).await, "already_decided");
}

#[tokio::test]
async fn a_declined_application_tells_the_applicant_why_and_the_country_stays_out() {
    let app = spawn_app().await;
    let id =
        json_of(apply(&app, form(&application("NIC", "fp@example.org"), PDF)).await).await["id"]
            .as_str()
            .expect("id")
            .to_owned();
    let (_, secretariat) = app.signed_in(Role::Secretariat, None).await;
    let decide = |body: Value| {
        app.post(&format!("/api/v1/membership-applications/{id}/decision"))
            .bearer_auth(&secretariat)
            .json(&body)
            .send()
    };
    let without_reason = decide(json!({"decision": "decline", "message": " "}))
        .await
        .expect("request");
    assert_eq!(without_reason.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let declined = decide(json!({"decision": "decline", "message": "La lettre n'est pas signée."}))
        .await
        .expect("request");
    assert_eq!(declined.status(), StatusCode::OK);
    assert_eq!(json_of(declined).await["status"], "declined");
    let mail = wait_for_mails(&app.outbox, "La lettre n'est pas signée.", 1).await;
    assert!(mail[0].contains("To: \"Awa Diallo\" <fp@example.org>"));
    let profile = json_of(
        app.get("/api/v1/countries/NIC/profile")
            .send()
            .await
            .expect("request"),
    )
    .await;
    assert_eq!(profile["joined_on"], Value::Null);
    // No invitation was sent.
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert!(
        mails_in(&app.outbox)
            .iter()
            .all(|m| !m.contains("/invitations/"))
    );
}

#[tokio::test]
async fn bad_uploads_get_a_clear_4xx_and_nothing_is_stored() {
    let app = spawn_app_with(|config| config.max_letter_bytes = 2_000).await;
    let good = application("BEN", "fp@example.org");

    let exe = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00 This program cannot be run in DOS mode.";
    let response = apply(&app, form(&good, exe)).await;
    assert_eq!(response.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let body = json_of(response).await;
    assert_eq!(body["error"]["details"][0]["field"], "letter");

    let mut big = PDF.to_vec();
    big.resize(3_000, b' ');
    big.extend_from_slice(b"\n%%EOF\n");
    let response = apply(&app, form(&good, &big)).await;
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);

    let cut_off = &PDF[..20];
    assert_eq!(
        apply(&app, form(&good, cut_off)).await.status(),
        StatusCode::UNSUPPORTED_MEDIA_TYPE
    );

    let only_letter = Form::new().part("letter", Part::bytes(PDF.to_vec()).file_name("l.pdf"));
    let response = apply(&app, only_letter).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        json_of(response).await["error"]["details"][0]["field"],
        "application"
    );

    let only_form = Form::new().part("application", Part::text(good.to_string()));
    assert_eq!(
        apply(&app, only_form).await.status(),
        StatusCode::BAD_REQUEST
    );

    let malformed = Form::new()
        .part("application", Part::text("{\"country_code\": "))
        .part("letter", Part::bytes(PDF.to_vec()).file_name("l.pdf"));
    let response = apply(&app, malformed).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert_eq!(error_code(response).await, "malformed_json");

    let mut injected = good.clone();
    injected["signatory_name"] = json!("Eve\r\nBcc: victim@example.org");
    injected["focal_point"]["name"] = json!("Mallory\nX-Header: x");
    let response = apply(&app, form(&injected, PDF)).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let fields: Vec<String> = json_of(response).await["error"]["details"]
        .as_array()
        .expect("details")
        .iter()
        .map(|d| d["field"].as_str().expect("field").to_owned())
        .collect();
    assert_eq!(fields, ["signatory_name", "focal_point.name"]);

    let mut unknown_country = good.clone();
    unknown_country["country_code"] = json!("XYZ");
    assert_eq!(
        apply(&app, form(&unknown_country, PDF)).await.status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );

    let not_multipart = app
        .post("/api/v1/membership-applications")
        .json(&good)
        .send()
        .await
        .expect("request");
    assert_eq!(not_multipart.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);

    // A robot that fills the hidden field is told "received", and nothing is kept or sent.
    let mut robot = good.clone();
    robot["website"] = json!("http://spam.example");
    assert_eq!(
        apply(&app, form(&robot, PDF)).await.status(),
        StatusCode::CREATED
    );

    assert_eq!(stored_applications(&app).await, 0);
    assert_eq!(stored_jobs(&app).await, 0);
}

#[tokio::test]
async fn applications_are_limited_per_address() {
    let app = spawn_app_with(|config| {
        config.application_limits.ip_burst = 2;
        config.application_limits.account_burst = 2;
        config.application_limits.ip_period = std::time::Duration::from_secs(3600);
    })
    .await;
    for _ in 0..2 {
        let response = apply(&app, form(&application("BEN", "fp@example.org"), PDF)).await;
        assert_eq!(response.status(), StatusCode::CREATED);
    }
    let third = apply(&app, form(&application("BEN", "fp@example.org"), PDF)).await;
    assert_eq!(third.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(third.headers().contains_key("retry-after"));
    assert_eq!(stored_applications(&app).await, 2);
}

#[tokio::test]
async fn invitation_links_work_once_and_expire() {
    let app = spawn_app().await;
    let (_, secretariat) = app.signed_in(Role::Secretariat, None).await;
    let invite = |email: &'static str| {
        app.post("/api/v1/invitations")
            .bearer_auth(&secretariat)
            .json(&json!({"email": email, "role": "reviewer", "language": "pt"}))
            .send()
    };
    let first = invite("first@example.org").await.expect("request");
    assert_eq!(first.status(), StatusCode::CREATED);
    let mail = wait_for_mails(&app.outbox, "first@example.org", 1).await;
    assert!(mail[0].contains("Subject:"), "{}", mail[0]);
    assert!(mail[0].contains("revisor/a"), "in Portuguese: {}", mail[0]);
    let token = token_in(&mail[0], "invitations");

    // Fifteen days later the link has expired.
    app.state.clock.advance(ChronoDuration::days(15));
    let expired = app
        .post(&format!("/api/v1/invitations/{token}/accept"))
        .json(&json!({"name": "Late", "password": PASSWORD}))
        .send()
        .await
        .expect("request");
    assert_eq!(expired.status(), StatusCode::GONE);
    assert_eq!(error_code(expired).await, "link_expired");

    let (_, secretariat) = app.signed_in(Role::Secretariat, None).await;
    let invite = |email: &'static str| {
        app.post("/api/v1/invitations")
            .bearer_auth(&secretariat)
            .json(&json!({"email": email, "role": "reviewer"}))
            .send()
    };
    let second = invite("second@example.org").await.expect("request");
    assert_eq!(second.status(), StatusCode::CREATED);
    let mail = wait_for_mails(&app.outbox, "second@example.org", 1).await;
    let token = token_in(&mail[0], "invitations");
    let accept = || {
        app.post(&format!("/api/v1/invitations/{token}/accept"))
            .json(&json!({"name": "Second", "password": PASSWORD}))
            .send()
    };
    assert_eq!(accept().await.expect("request").status(), StatusCode::OK);
    let reused = accept().await.expect("request");
    assert_eq!(reused.status(), StatusCode::GONE);
    assert_eq!(error_code(reused).await, "link_used");
    let unknown = app
        .get("/api/v1/invitations/not-a-token")
        .send()
        .await
        .expect("request");
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);

    // An address that has an account is not invited again.
    let taken = invite("second@example.org").await.expect("request");
    assert_eq!(taken.status(), StatusCode::CONFLICT);
    assert_eq!(error_code(taken).await, "email_taken");
}

#[tokio::test]
async fn focal_points_manage_their_own_countrys_team_only() {
    let app = spawn_app().await;
    let (focal, focal_token) = app.signed_in(Role::CountryFocalPoint, Some("KEN")).await;
    let (contributor, contributor_token) =
        app.signed_in(Role::CountryContributor, Some("KEN")).await;
    let invite = |token: &str, body: Value| {
        app.post("/api/v1/invitations")
            .bearer_auth(token)
            .json(&body)
            .send()
    };
    let created = invite(
        &focal_token,
        json!({"email": "justice@example.org", "role": "country_contributor", "ministry": "Justice"}),
    )
    .await
    .expect("request");
    assert_eq!(created.status(), StatusCode::CREATED);
    assert_eq!(json_of(created).await["country_code"], "KEN");
    for (token, body) in [
        (
            &focal_token,
            json!({"email": "a@example.org", "role": "country_contributor", "country_code": "COL"}),
        ),
        (
            &focal_token,
            json!({"email": "b@example.org", "role": "secretariat"}),
        ),
        (
            &contributor_token,
            json!({"email": "c@example.org", "role": "country_contributor"}),
        ),
    ] {
        assert_eq!(
            invite(token, body).await.expect("request").status(),
            StatusCode::FORBIDDEN
        );
    }

    let team = json_of(
        app.get("/api/v1/countries/KEN/team")
            .bearer_auth(&focal_token)
            .send()
            .await
            .expect("request"),
    )
    .await;
    assert_eq!(team["members"].as_array().expect("members").len(), 2);
    assert_eq!(team["invitations"][0]["email"], "justice@example.org");
    let other_country = app
        .get("/api/v1/countries/COL/team")
        .bearer_auth(&focal_token)
        .send()
        .await
        .expect("request");
    assert_eq!(other_country.status(), StatusCode::FORBIDDEN);

    // Handing over the role: the contributor becomes focal point, the focal point a contributor.
    let handed = app
        .post(&format!(
            "/api/v1/countries/KEN/team/{}/handover",
            contributor.id
        ))
        .bearer_auth(&focal_token)
        .json(&json!({"keep_role": false}))
        .send()
        .await
        .expect("request");
    assert_eq!(handed.status(), StatusCode::OK);
    let me = json_of(app.me(&contributor_token).await).await;
    assert_eq!(me["role"], "country_focal_point");
    let former = json_of(app.me(&focal_token).await).await;
    assert_eq!(former["role"], "country_contributor");

    // The new focal point removes the former one: the account is deactivated.
    let removed = app
        .delete(&format!("/api/v1/countries/KEN/team/{}", focal.id))
        .bearer_auth(&contributor_token)
        .send()
        .await
        .expect("request");
    assert_eq!(removed.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        app.me(&focal_token).await.status(),
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn a_password_reset_answers_the_same_for_any_address_and_works_once() {
    let app = spawn_app().await;
    let member = app.create_user(Role::Partner, None).await;
    let session = app.login(&member).await;

    let unknown = app
        .post("/api/v1/password-resets")
        .json(&json!({"email": "nobody@example.org"}))
        .send()
        .await
        .expect("request");
    assert_eq!(unknown.status(), StatusCode::ACCEPTED);
    let known = app
        .post("/api/v1/password-resets")
        .json(&json!({"email": member.email, "language": "es"}))
        .send()
        .await
        .expect("request");
    assert_eq!(known.status(), StatusCode::ACCEPTED);
    assert_eq!(
        unknown.text().await.expect("body"),
        known.text().await.expect("body"),
        "the same answer"
    );
    let mail = wait_for_mails(&app.outbox, "/reset-password/", 1).await;
    assert_eq!(mail.len(), 1, "no mail for the unknown address");
    assert!(mail[0].contains(&member.email) && mail[0].contains("contraseña"));
    let token = token_in(&mail[0], "reset-password");

    let reset = |password: &str| {
        app.post(&format!("/api/v1/password-resets/{token}"))
            .json(&json!({"password": password}))
            .send()
    };
    let short = reset("short").await.expect("request");
    assert_eq!(short.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        reset("a brand new password")
            .await
            .expect("request")
            .status(),
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        app.login_response(&member.email, PASSWORD).await.status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        app.login_response(&member.email, "a brand new password")
            .await
            .status(),
        StatusCode::OK
    );
    // The sessions of before the reset are over.
    assert_eq!(
        app.refresh(&session.refresh_token).await.status(),
        StatusCode::UNAUTHORIZED
    );
    let reused = reset("another new password").await.expect("request");
    assert_eq!(reused.status(), StatusCode::GONE);
    assert_eq!(error_code(reused).await, "link_used");

    // A link expires after an hour.
    app.post("/api/v1/password-resets")
        .json(&json!({"email": member.email}))
        .send()
        .await
        .expect("request");
    let mails = wait_for_mails(&app.outbox, "/reset-password/", 2).await;
    let late = token_in(&mails[1], "reset-password");
    app.state.clock.advance(ChronoDuration::minutes(61));
    let expired = app
        .post(&format!("/api/v1/password-resets/{late}"))
        .json(&json!({"password": "too late password"}))
        .send()
        .await
        .expect("request");
    assert_eq!(expired.status(), StatusCode::GONE);
    assert_eq!(error_code(expired).await, "link_expired");
}
