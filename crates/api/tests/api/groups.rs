//! Thematic groups: the secretariat creates them and names members and moderators; members
//! see the groups and, in their own, who else is in it.

use pioneer_domain::Role;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, error_code, spawn_app};

async fn create_group(app: &TestApp, token: &str, name: &str) -> reqwest::Response {
    app.post("/api/v1/groups")
        .bearer_auth(token)
        .json(&json!({"name": name, "description": "Positive parenting programmes and their evidence."}))
        .send()
        .await
        .expect("request")
}

async fn put_member(
    app: &TestApp,
    token: &str,
    group: &str,
    email: &str,
    role: &str,
) -> reqwest::Response {
    app.post(&format!("/api/v1/groups/{group}/members"))
        .bearer_auth(token)
        .json(&json!({"user_email": email, "role": role}))
        .send()
        .await
        .expect("request")
}

async fn get_json(app: &TestApp, token: &str, path: &str) -> (StatusCode, Value) {
    let response = app
        .get(path)
        .bearer_auth(token)
        .send()
        .await
        .expect("request");
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn the_secretariat_creates_a_group_and_names_its_members_and_moderators() {
    let app = spawn_app().await;
    let (_, secretariat) = app.signed_in(Role::Secretariat, None).await;
    let (moderator, moderator_token) = app.signed_in(Role::Partner, None).await;
    let (member, member_token) = app.signed_in(Role::CountryFocalPoint, Some("KEN")).await;
    let (_, outsider_token) = app.signed_in(Role::CountryFocalPoint, Some("COL")).await;

    let response = create_group(&app, &secretariat, "  Parenting support  ").await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let location = response.headers()["location"]
        .to_str()
        .expect("ascii")
        .to_owned();
    let group: Value = response.json().await.expect("json");
    let id = group["id"].as_str().expect("id").to_owned();
    assert_eq!(location, format!("/api/v1/groups/{id}"));
    assert_eq!(group["name"], "Parenting support");
    assert_eq!(group["members_count"], 0);
    assert_eq!(group["my_role"], Value::Null);

    // Names are unique; nothing is created twice.
    let again = create_group(&app, &secretariat, "Parenting support").await;
    assert_eq!(again.status(), StatusCode::CONFLICT);
    assert_eq!(error_code(again).await, "group_name_taken");

    let added = put_member(
        &app,
        &secretariat,
        &id,
        &moderator.email.to_uppercase(),
        "moderator",
    )
    .await;
    assert_eq!(added.status(), StatusCode::CREATED);
    let added: Value = added.json().await.expect("json");
    assert_eq!(added["role"], "moderator");
    assert_eq!(added["user_id"], moderator.id.to_string());
    assert_eq!(
        put_member(&app, &secretariat, &id, &member.email, "moderator")
            .await
            .status(),
        StatusCode::CREATED
    );
    // Named again: their role changes, they are not added twice.
    assert_eq!(
        put_member(&app, &secretariat, &id, &member.email, "member")
            .await
            .status(),
        StatusCode::OK
    );

    let (status, group) = get_json(&app, &member_token, &format!("/api/v1/groups/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(group["members_count"], 2);
    assert_eq!(group["moderators_count"], 1);
    assert_eq!(group["my_role"], "member");

    // Members see who is in their group, moderators first; others do not.
    let (status, members) =
        get_json(&app, &member_token, &format!("/api/v1/groups/{id}/members")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(members["total"], 2);
    assert_eq!(members["items"][0]["user_id"], moderator.id.to_string());
    assert_eq!(members["items"][0]["role"], "moderator");
    assert_eq!(members["items"][1]["role"], "member");
    let (status, _) = get_json(
        &app,
        &outsider_token,
        &format!("/api/v1/groups/{id}/members"),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    // Every member sees the list of groups, with their own role in each.
    let (status, list) = get_json(&app, &outsider_token, "/api/v1/groups").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(list["total"], 1);
    assert_eq!(list["items"][0]["my_role"], Value::Null);
    let (_, list) = get_json(&app, &moderator_token, "/api/v1/groups").await;
    assert_eq!(list["items"][0]["my_role"], "moderator");

    // Taken out: gone from the list of members at once.
    let removed = app
        .delete(&format!("/api/v1/groups/{id}/members/{}", member.id))
        .bearer_auth(&secretariat)
        .send()
        .await
        .expect("request");
    assert_eq!(removed.status(), StatusCode::NO_CONTENT);
    let (status, _) = get_json(&app, &member_token, &format!("/api/v1/groups/{id}/members")).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let again = app
        .delete(&format!("/api/v1/groups/{id}/members/{}", member.id))
        .bearer_auth(&secretariat)
        .send()
        .await
        .expect("request");
    assert_eq!(again.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn only_the_secretariat_runs_groups_and_bad_input_is_refused() {
    let app = spawn_app().await;
    let (_, secretariat) = app.signed_in(Role::Secretariat, None).await;
    let (_, partner) = app.signed_in(Role::Partner, None).await;
    let (gone, _) = app.signed_in(Role::Partner, None).await;

    let refused = create_group(&app, &partner, "Partners' own").await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let (_, list) = get_json(&app, &secretariat, "/api/v1/groups").await;
    assert_eq!(list["total"], 0, "nothing was created");

    let unauthenticated = app.get("/api/v1/groups").send().await.expect("request");
    assert_eq!(unauthenticated.status(), StatusCode::UNAUTHORIZED);

    for (body, field) in [
        (json!({"name": ""}), "name"),
        (json!({"name": "Two\nlines"}), "name"),
        (json!({"name": "x".repeat(121)}), "name"),
        (
            json!({"name": "Ok", "description": "d".repeat(2001)}),
            "description",
        ),
    ] {
        let response = app
            .post("/api/v1/groups")
            .bearer_auth(&secretariat)
            .json(&body)
            .send()
            .await
            .expect("request");
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{body}"
        );
        let error: Value = response.json().await.expect("json");
        assert_eq!(error["error"]["details"][0]["field"], field, "{body}");
    }

    let group: Value = create_group(&app, &secretariat, "Online safety")
        .await
        .json()
        .await
        .expect("json");
    let id = group["id"].as_str().expect("id");
    assert_eq!(
        put_member(&app, &partner, id, "someone@example.org", "member")
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    let unknown = put_member(&app, &secretariat, id, "nobody@example.org", "member").await;
    assert_eq!(unknown.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let error: Value = unknown.json().await.expect("json");
    assert_eq!(error["error"]["details"][0]["code"], "unknown_member");
    let malformed = put_member(&app, &secretariat, id, "not an address", "member").await;
    assert_eq!(malformed.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let bad_role = put_member(&app, &secretariat, id, &gone.email, "owner").await;
    assert!(bad_role.status().is_client_error(), "{}", bad_role.status());
    let missing = put_member(
        &app,
        &secretariat,
        "0b7e0c1a-0000-4000-8000-000000000000",
        &gone.email,
        "member",
    )
    .await;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    let (_, members) = get_json(&app, &secretariat, &format!("/api/v1/groups/{id}/members")).await;
    assert_eq!(members["total"], 0, "nobody was added by a refused request");
}
