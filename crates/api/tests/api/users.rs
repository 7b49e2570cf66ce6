use pioneer_domain::Role;
use pioneer_domain::user::User;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{Binary, PASSWORD, error_code, spawn_app};

fn new_user(email: &str, role: &str, country: Option<&str>) -> Value {
    json!({"email": email, "name": "New Member", "role": role, "country_code": country, "password": PASSWORD})
}

#[tokio::test]
async fn only_admins_and_the_secretariat_may_list_and_create_users() {
    let app = spawn_app().await;
    for role in Role::ALL {
        let country = role.is_country_role().then_some("KEN");
        let (_, token) = app.signed_in(role, country).await;
        let list = app
            .get("/api/v1/users")
            .bearer_auth(&token)
            .send()
            .await
            .unwrap();
        let email = format!("made-by-{}@example.org", role.as_str());
        let create = app
            .post("/api/v1/users")
            .bearer_auth(&token)
            .json(&new_user(&email, "partner", None))
            .send()
            .await
            .unwrap();
        let allowed = matches!(role, Role::Admin | Role::Secretariat);
        if allowed {
            assert_eq!(list.status(), StatusCode::OK, "{role} lists");
            assert_eq!(create.status(), StatusCode::CREATED, "{role} creates");
        } else {
            assert_eq!(list.status(), StatusCode::FORBIDDEN, "{role} lists");
            assert_eq!(create.status(), StatusCode::FORBIDDEN, "{role} creates");
            assert_eq!(error_code(create).await, "forbidden");
        }
    }
}

#[tokio::test]
async fn a_created_user_can_sign_in_with_normalised_fields() {
    let app = spawn_app().await;
    let (_, admin) = app.signed_in(Role::Admin, None).await;

    let response = app
        .post("/api/v1/users")
        .bearer_auth(&admin)
        .json(&new_user(
            " New.Focal@Example.org ",
            "country_focal_point",
            Some("col"),
        ))
        .send()
        .await
        .unwrap();

    assert_eq!(response.status(), StatusCode::CREATED);
    let user: User = response.json().await.unwrap();
    assert_eq!(user.email, "new.focal@example.org");
    assert_eq!(user.country_code.as_deref(), Some("COL"));
    assert!(user.active);
    assert_eq!(
        app.login_response("new.focal@example.org", PASSWORD)
            .await
            .status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn the_secretariat_cannot_create_or_change_admins() {
    let app = spawn_app().await;
    let (_, secretariat) = app.signed_in(Role::Secretariat, None).await;
    let admin = app.create_user(Role::Admin, None).await;

    let create = app
        .post("/api/v1/users")
        .bearer_auth(&secretariat)
        .json(&new_user("boss@example.org", "admin", None))
        .send()
        .await
        .unwrap();
    let change = app
        .patch(&format!("/api/v1/users/{}", admin.id))
        .bearer_auth(&secretariat)
        .json(&json!({"active": false}))
        .send()
        .await
        .unwrap();

    assert_eq!(create.status(), StatusCode::FORBIDDEN);
    assert_eq!(change.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn invalid_users_are_refused_with_a_detail_per_field() {
    let app = spawn_app().await;
    let (_, admin) = app.signed_in(Role::Admin, None).await;

    let response = app
        .post("/api/v1/users")
        .bearer_auth(&admin)
        .json(&json!({"email": "not-an-email", "name": " ", "role": "country_contributor", "country_code": null, "password": "short"}))
        .send()
        .await
        .unwrap();

    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["error"]["code"], "validation_failed");
    let fields: Vec<&str> = body["error"]["details"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["email", "name", "password", "country_code"]);
}

#[tokio::test]
async fn an_unknown_country_or_role_is_refused() {
    let app = spawn_app().await;
    let (_, admin) = app.signed_in(Role::Admin, None).await;
    let unknown_country = app
        .post("/api/v1/users")
        .bearer_auth(&admin)
        .json(&new_user(
            "a@example.org",
            "country_focal_point",
            Some("XYZ"),
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(unknown_country.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = unknown_country.json().await.unwrap();
    assert_eq!(body["error"]["details"][0]["code"], "unknown_country");

    let unknown_role = app
        .post("/api/v1/users")
        .bearer_auth(&admin)
        .json(&new_user("b@example.org", "king", None))
        .send()
        .await
        .unwrap();
    assert_eq!(unknown_role.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error_code(unknown_role).await, "invalid_body");
}

#[tokio::test]
async fn a_taken_email_is_a_conflict() {
    let app = spawn_app().await;
    let (_, admin) = app.signed_in(Role::Admin, None).await;
    let existing = app.create_user(Role::Partner, None).await;
    let response = app
        .post("/api/v1/users")
        .bearer_auth(&admin)
        .json(&new_user(&existing.email.to_uppercase(), "partner", None))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CONFLICT);
    assert_eq!(error_code(response).await, "email_taken");
}

#[tokio::test]
async fn a_deactivated_user_is_locked_out_at_once() {
    let app = spawn_app().await;
    let (_, admin) = app.signed_in(Role::Admin, None).await;
    let member = app.create_user(Role::CountryContributor, Some("KEN")).await;
    let session = app.login(&member).await;
    let api_token: Value = app
        .post("/api/v1/api-tokens")
        .bearer_auth(&session.access_token)
        .json(&json!({"name": "dashboard"}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let api_token = api_token["token"].as_str().unwrap().to_owned();

    let response = app
        .patch(&format!("/api/v1/users/{}", member.id))
        .bearer_auth(&admin)
        .json(&json!({"active": false}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert!(!response.json::<User>().await.unwrap().active);

    let access = app.me(&session.access_token).await;
    assert_eq!(
        access.status(),
        StatusCode::UNAUTHORIZED,
        "the unexpired access token stops working"
    );
    assert_eq!(error_code(access).await, "account_disabled");
    assert_eq!(
        app.me(&api_token).await.status(),
        StatusCode::UNAUTHORIZED,
        "so do their API tokens"
    );
    assert_eq!(
        app.refresh(&session.refresh_token).await.status(),
        StatusCode::UNAUTHORIZED,
        "and refresh"
    );
    assert_eq!(
        app.login_response(&member.email, PASSWORD).await.status(),
        StatusCode::UNAUTHORIZED,
        "and login"
    );
}

#[tokio::test]
async fn a_role_change_needs_a_consistent_country() {
    let app = spawn_app().await;
    let (_, admin) = app.signed_in(Role::Admin, None).await;
    let member = app.create_user(Role::Partner, None).await;
    let path = format!("/api/v1/users/{}", member.id);

    let missing = app
        .patch(&path)
        .bearer_auth(&admin)
        .json(&json!({"role": "country_focal_point"}))
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), StatusCode::UNPROCESSABLE_ENTITY);

    let ok = app
        .patch(&path)
        .bearer_auth(&admin)
        .json(&json!({"role": "country_focal_point", "country_code": "JAM"}))
        .send()
        .await
        .unwrap();
    assert_eq!(ok.status(), StatusCode::OK);
    let user: User = ok.json().await.unwrap();
    assert_eq!(
        (user.role, user.country_code.as_deref()),
        (Role::CountryFocalPoint, Some("JAM"))
    );

    let back = app
        .patch(&path)
        .bearer_auth(&admin)
        .json(&json!({"role": "reviewer"}))
        .send()
        .await
        .unwrap();
    let user: User = back.json().await.unwrap();
    assert_eq!(
        (user.role, user.country_code),
        (Role::Reviewer, None),
        "a non-country role drops the country"
    );
}

#[tokio::test]
async fn nobody_deactivates_themselves() {
    let app = spawn_app().await;
    let (admin, token) = app.signed_in(Role::Admin, None).await;
    let response = app
        .patch(&format!("/api/v1/users/{}", admin.id))
        .bearer_auth(&token)
        .json(&json!({"active": false}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn users_are_listed_in_pages_with_filters() {
    let app = spawn_app().await;
    let (_, admin) = app.signed_in(Role::Admin, None).await;
    for _ in 0..3 {
        app.create_user(Role::Reviewer, None).await;
    }
    app.create_user(Role::CountryFocalPoint, Some("KEN")).await;

    let page: Value = app
        .get("/api/v1/users?per_page=2&page=2")
        .bearer_auth(&admin)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        (
            page["total"].as_u64(),
            page["page"].as_u64(),
            page["per_page"].as_u64()
        ),
        (Some(5), Some(2), Some(2))
    );
    assert_eq!(page["items"].as_array().unwrap().len(), 2);

    let reviewers: Value = app
        .get("/api/v1/users?role=reviewer")
        .bearer_auth(&admin)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(reviewers["total"], 3);
    let kenya: Value = app
        .get("/api/v1/users?country=ken")
        .bearer_auth(&admin)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(kenya["total"], 1);

    let too_big = app
        .get("/api/v1/users?per_page=500")
        .bearer_auth(&admin)
        .send()
        .await
        .unwrap();
    assert_eq!(too_big.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let not_a_number = app
        .get("/api/v1/users?page=abc")
        .bearer_auth(&admin)
        .send()
        .await
        .unwrap();
    assert_eq!(not_a_number.status(), StatusCode::BAD_REQUEST);
    assert_eq!(error_code(not_a_number).await, "invalid_query");
}

#[tokio::test]
async fn an_unknown_or_malformed_user_id_is_404() {
    let app = spawn_app().await;
    let (_, admin) = app.signed_in(Role::Admin, None).await;
    let unknown = app
        .get(&format!("/api/v1/users/{}", uuid::Uuid::now_v7()))
        .bearer_auth(&admin)
        .send()
        .await
        .unwrap();
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
    let malformed = app
        .get("/api/v1/users/not-a-uuid")
        .bearer_auth(&admin)
        .send()
        .await
        .unwrap();
    assert_eq!(malformed.status(), StatusCode::NOT_FOUND);
    assert_eq!(error_code(malformed).await, "not_found");
}

#[tokio::test]
async fn the_command_line_creates_members_with_the_checks_of_the_api() {
    let binary = Binary::new(&[]).await;
    let create = |email: &str, country: &str| {
        let args = [
            "create-user",
            "--email",
            email,
            "--role",
            "country_focal_point",
            "--country",
            country,
            "--password-stdin",
        ];
        binary.run(&args, &format!("{PASSWORD}\n"))
    };
    let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();

    let unknown = create("cli.focal@example.org", "XXX");
    assert!(!unknown.status.success());
    assert!(
        text(&unknown.stderr).contains("no country has the code XXX"),
        "{}",
        text(&unknown.stderr)
    );

    let malformed = create("not an e-mail", "K3N");
    assert!(!malformed.status.success());
    let said = text(&malformed.stderr);
    assert!(
        said.contains("email: ") && said.contains("country_code: "),
        "{said}"
    );

    let created = create(" CLI.Focal@Example.org ", "ken");
    assert!(created.status.success(), "{}", text(&created.stderr));
    assert!(text(&created.stdout).contains("created cli.focal@example.org (country_focal_point)"));

    let again = create("cli.focal@example.org", "KEN");
    assert!(!again.status.success());
    assert!(text(&again.stderr).contains("already exists"));

    let (mut server, _) = binary.serve(std::process::Stdio::null()).await;
    let login = reqwest::Client::new()
        .post(format!("{}/api/v1/auth/login", binary.base))
        .json(&json!({"email": "cli.focal@example.org", "password": PASSWORD}))
        .send()
        .await
        .unwrap();
    let _ = server.kill();
    let _ = server.wait();
    assert_eq!(login.status(), StatusCode::OK);
    let body: Value = login.json().await.unwrap();
    assert_eq!(body["user"]["country_code"], "KEN");
}

#[tokio::test]
async fn the_demo_seed_creates_its_accounts_once() {
    let binary = Binary::new(&[]).await;
    let first = binary.run(&["seed", "--demo"], "");
    assert!(first.status.success());
    let created = format!(
        "{} demo account(s) created",
        pioneer_api::seed::DEMO_ACCOUNTS.len()
    );
    assert_eq!(pioneer_api::seed::DEMO_ACCOUNTS.len(), 13);
    assert!(String::from_utf8_lossy(&first.stdout).starts_with(&created));
    let second = binary.run(&["seed", "--demo"], "");
    assert!(second.status.success());
    assert!(String::from_utf8_lossy(&second.stdout).starts_with("0 demo account(s) created"));
}
