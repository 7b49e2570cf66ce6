//! Joining a thematic group on request: a member asks, the group's moderators (or the
//! secretariat) approve or decline, and everyone concerned is told; a moderator takes members
//! (not other moderators) out of their group, who lose access at once.

use pioneer_domain::Role;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, TestUser, error_code, spawn_app};

async fn delete(app: &TestApp, token: &str, path: &str) -> StatusCode {
    app.delete(path)
        .bearer_auth(token)
        .send()
        .await
        .expect("request")
        .status()
}

/// A group with these members (the secretariat adds them).
async fn group_with(
    app: &TestApp,
    secretariat: &str,
    name: &str,
    members: &[(&TestUser, &str)],
) -> String {
    let (status, group) = app
        .post_json(
            secretariat,
            "/api/v1/groups",
            json!({"name": name, "description": "Peer learning"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{group}");
    let id = group["id"].as_str().expect("id").to_owned();
    for (member, role) in members {
        let (status, body) = app
            .post_json(
                secretariat,
                &format!("/api/v1/groups/{id}/members"),
                json!({"user_email": member.email, "role": role}),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
    }
    id
}

async fn notifications(app: &TestApp, token: &str) -> Vec<Value> {
    let (status, page) = app.get_json(token, "/api/v1/notifications?lang=en").await;
    assert_eq!(status, StatusCode::OK, "{page}");
    page["items"].as_array().expect("items").clone()
}

fn kinds(items: &[Value]) -> Vec<String> {
    items
        .iter()
        .map(|n| n["kind"].as_str().unwrap_or_default().to_owned())
        .collect()
}

async fn ask(app: &TestApp, token: &str, group: &str, message: &str) -> (StatusCode, Value) {
    app.post_json(
        token,
        &format!("/api/v1/groups/{group}/join"),
        json!({"message": message}),
    )
    .await
}

async fn decide(
    app: &TestApp,
    token: &str,
    group: &str,
    request: &str,
    approve: bool,
) -> (StatusCode, Value) {
    app.post_json(
        token,
        &format!("/api/v1/groups/{group}/requests/{request}/decision"),
        json!({"approve": approve}),
    )
    .await
}

async fn start_thread(app: &TestApp, token: &str, group: &str) -> String {
    let (status, thread) = app.post_json(token,
        "/api/v1/discussions",
        json!({"title": "Training teachers", "body": "What worked for you?", "group_id": group}),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{thread}");
    thread["id"].as_str().expect("id").to_owned()
}

#[tokio::test]
async fn a_member_asks_to_join_a_moderator_approves_and_the_member_reads_the_group() {
    let app = spawn_app().await;
    let (_, secretariat) = app.signed_in(Role::Secretariat, None).await;
    let (moderator, moderator_token) = app.signed_in(Role::Partner, None).await;
    let (other_moderator, other_moderator_token) = app.signed_in(Role::Partner, None).await;
    let (member, member_token) = app.signed_in(Role::CountryFocalPoint, Some("COL")).await;
    let (asker, asker_token) = app.signed_in(Role::CountryFocalPoint, Some("KEN")).await;
    let group = group_with(
        &app,
        &secretariat,
        "Safe schools",
        &[
            (&moderator, "moderator"),
            (&other_moderator, "moderator"),
            (&member, "member"),
        ],
    )
    .await;
    let thread = start_thread(&app, &member_token, &group).await;
    let before = notifications(&app, &moderator_token).await.len();

    // Not in the group: its threads are out of reach, and nothing is asked yet.
    let (status, _) = app
        .get_json(&asker_token, &format!("/api/v1/discussions/{thread}"))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (_, seen) = app
        .get_json(&asker_token, &format!("/api/v1/groups/{group}"))
        .await;
    assert_eq!(seen["join_requested"], false);
    assert_eq!(seen["my_role"], Value::Null);

    let (status, request) = ask(
        &app,
        &asker_token,
        &group,
        "  I run the programme in Kenya. ",
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{request}");
    assert_eq!(request["status"], "pending");
    assert_eq!(request["group_id"], group);
    assert_eq!(request["user_id"], asker.id.to_string());
    assert_eq!(request["message"], "I run the programme in Kenya.");
    assert_eq!(request["country_code"], "KEN");
    assert_eq!(request["name"], "Test Member");
    assert_eq!(request["decided_at"], Value::Null);
    let request_id = request["id"].as_str().expect("id").to_owned();

    // Asking again while it waits answers the same request.
    let (status, again) = ask(&app, &asker_token, &group, "Another note").await;
    assert_eq!(status, StatusCode::OK, "{again}");
    assert_eq!(again["id"], request_id.as_str());
    assert_eq!(again["message"], "I run the programme in Kenya.");

    // The reader sees their own request waiting, in the group and in the list.
    let (_, seen) = app
        .get_json(&asker_token, &format!("/api/v1/groups/{group}"))
        .await;
    assert_eq!(seen["join_requested"], true);
    let (_, list) = app.get_json(&asker_token, "/api/v1/groups").await;
    assert_eq!(list["items"][0]["join_requested"], true);
    let (_, others) = app
        .get_json(&member_token, &format!("/api/v1/groups/{group}"))
        .await;
    assert_eq!(others["join_requested"], false);

    // Both moderators are told, once (asking again told nobody); a member is not.
    for token in [&moderator_token, &other_moderator_token] {
        let told = notifications(&app, token).await;
        let asks: Vec<&Value> = told
            .iter()
            .filter(|n| n["kind"] == "join_request")
            .collect();
        assert_eq!(asks.len(), 1, "{told:?}");
        assert_eq!(asks[0]["link"], format!("/groups/{group}"));
        let summary = asks[0]["summary"].as_str().unwrap_or_default();
        assert!(summary.contains("asks to join"), "{summary}");
        assert!(summary.contains("Safe schools"), "{summary}");
    }
    assert_eq!(
        notifications(&app, &moderator_token).await.len(),
        before + 1
    );
    assert!(!kinds(&notifications(&app, &member_token).await).contains(&"join_request".into()));

    // The moderator and the secretariat see the waiting request; the pending list is the default.
    for token in [&moderator_token, &secretariat] {
        let (status, page) = app
            .get_json(token, &format!("/api/v1/groups/{group}/requests"))
            .await;
        assert_eq!(status, StatusCode::OK, "{page}");
        assert_eq!(page["total"], 1);
        assert_eq!(page["items"][0]["id"], request_id.as_str());
        assert_eq!(page["items"][0]["status"], "pending");
    }
    let (_, approved) = app
        .get_json(
            &moderator_token,
            &format!("/api/v1/groups/{group}/requests?status=approved"),
        )
        .await;
    assert_eq!(approved["total"], 0);

    let (status, decided) = decide(&app, &moderator_token, &group, &request_id, true).await;
    assert_eq!(status, StatusCode::OK, "{decided}");
    assert_eq!(decided["status"], "approved");
    assert!(decided["decided_at"].is_string(), "{decided}");

    // In the group as a member, reading its threads.
    let (_, seen) = app
        .get_json(&asker_token, &format!("/api/v1/groups/{group}"))
        .await;
    assert_eq!(seen["my_role"], "member");
    assert_eq!(seen["join_requested"], false);
    assert_eq!(seen["members_count"], 4);
    let (status, threads) = app
        .get_json(
            &asker_token,
            &format!("/api/v1/discussions?group_id={group}"),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{threads}");
    assert_eq!(threads["total"], 1);
    assert_eq!(threads["items"][0]["id"], thread.as_str());
    let (status, _) = app
        .get_json(&asker_token, &format!("/api/v1/discussions/{thread}"))
        .await;
    assert_eq!(status, StatusCode::OK);

    // They are told.
    let told = notifications(&app, &asker_token).await;
    assert_eq!(kinds(&told), ["join_approved"]);
    assert_eq!(told[0]["link"], format!("/groups/{group}"));
    let summary = told[0]["summary"].as_str().unwrap_or_default();
    assert!(summary.contains("accepted you in the group"), "{summary}");
    assert!(summary.contains("Safe schools"), "{summary}");

    // The request moved lists, and is answered once.
    let (_, pending) = app
        .get_json(&secretariat, &format!("/api/v1/groups/{group}/requests"))
        .await;
    assert_eq!(pending["total"], 0);
    let (_, approved) = app
        .get_json(
            &secretariat,
            &format!("/api/v1/groups/{group}/requests?status=approved"),
        )
        .await;
    assert_eq!(approved["total"], 1);
    assert_eq!(approved["items"][0]["id"], request_id.as_str());
    let response = app
        .post(&format!(
            "/api/v1/groups/{group}/requests/{request_id}/decision"
        ))
        .bearer_auth(&other_moderator_token)
        .json(&json!({"approve": false}))
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), StatusCode::CONFLICT);
    assert_eq!(error_code(response).await, "already_decided");
    let (_, seen) = app
        .get_json(&asker_token, &format!("/api/v1/groups/{group}"))
        .await;
    assert_eq!(
        seen["my_role"], "member",
        "the second answer changed nothing"
    );

    // Now a member: asking again is a conflict.
    let response = app
        .post(&format!("/api/v1/groups/{group}/join"))
        .bearer_auth(&asker_token)
        .json(&json!({}))
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), StatusCode::CONFLICT);
    assert_eq!(error_code(response).await, "already_member");
    let response = app
        .post(&format!("/api/v1/groups/{group}/join"))
        .bearer_auth(&moderator_token)
        .json(&json!({"message": "hello"}))
        .send()
        .await
        .expect("request");
    assert_eq!(error_code(response).await, "already_member");
}

#[tokio::test]
async fn a_declined_member_is_told_and_may_ask_again() {
    let app = spawn_app().await;
    let (_, secretariat) = app.signed_in(Role::Secretariat, None).await;
    let (moderator, moderator_token) = app.signed_in(Role::Partner, None).await;
    let (_, asker_token) = app.signed_in(Role::CountryContributor, Some("NPL")).await;
    let group = group_with(
        &app,
        &secretariat,
        "Online safety",
        &[(&moderator, "moderator")],
    )
    .await;

    // No note at all is fine.
    let (status, request) = app
        .post_json(
            &asker_token,
            &format!("/api/v1/groups/{group}/join"),
            json!({}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{request}");
    assert_eq!(request["message"], "");
    let request_id = request["id"].as_str().expect("id").to_owned();

    let (status, decided) = decide(&app, &moderator_token, &group, &request_id, false).await;
    assert_eq!(status, StatusCode::OK, "{decided}");
    assert_eq!(decided["status"], "declined");

    // Not in the group, yet told (the notification is not tied to the group they are out of).
    let (_, seen) = app
        .get_json(&asker_token, &format!("/api/v1/groups/{group}"))
        .await;
    assert_eq!(seen["my_role"], Value::Null);
    assert_eq!(seen["join_requested"], false);
    assert_eq!(seen["members_count"], 1);
    let told = notifications(&app, &asker_token).await;
    assert_eq!(kinds(&told), ["join_declined"]);
    let summary = told[0]["summary"].as_str().unwrap_or_default();
    assert!(
        summary.contains("declined your request to join"),
        "{summary}"
    );
    assert!(summary.contains("Online safety"), "{summary}");
    let (_, declined) = app
        .get_json(
            &moderator_token,
            &format!("/api/v1/groups/{group}/requests?status=declined"),
        )
        .await;
    assert_eq!(declined["total"], 1);
    assert_eq!(declined["items"][0]["id"], request_id.as_str());

    // A second decision on it is refused.
    let (status, body) = decide(&app, &moderator_token, &group, &request_id, true).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(body["error"]["code"], "already_decided");

    // Asking again reopens the same request, and the moderator hears of it again.
    let (status, again) = ask(&app, &asker_token, &group, "We started a pilot since").await;
    assert_eq!(status, StatusCode::CREATED, "{again}");
    assert_eq!(again["id"], request_id.as_str());
    assert_eq!(again["status"], "pending");
    assert_eq!(again["message"], "We started a pilot since");
    assert_eq!(again["decided_at"], Value::Null);
    let asks = kinds(&notifications(&app, &moderator_token).await)
        .into_iter()
        .filter(|k| k == "join_request")
        .count();
    assert_eq!(asks, 2);
    let (_, pending) = app
        .get_json(
            &moderator_token,
            &format!("/api/v1/groups/{group}/requests?status=pending"),
        )
        .await;
    assert_eq!(pending["total"], 1);
    let (_, declined) = app
        .get_json(
            &moderator_token,
            &format!("/api/v1/groups/{group}/requests?status=declined"),
        )
        .await;
    assert_eq!(declined["total"], 0);

    // The secretariat answers too.
    let (status, decided) = decide(&app, &secretariat, &group, &request_id, true).await;
    assert_eq!(status, StatusCode::OK, "{decided}");
    let (_, seen) = app
        .get_json(&asker_token, &format!("/api/v1/groups/{group}"))
        .await;
    assert_eq!(seen["my_role"], "member");
}

#[tokio::test]
async fn only_the_groups_moderators_and_the_secretariat_answer_requests() {
    let app = spawn_app().await;
    let (_, secretariat) = app.signed_in(Role::Secretariat, None).await;
    let (moderator, moderator_token) = app.signed_in(Role::Partner, None).await;
    let (member, member_token) = app.signed_in(Role::CountryFocalPoint, Some("COL")).await;
    let (elsewhere, elsewhere_token) = app.signed_in(Role::Partner, None).await;
    let (_, asker_token) = app.signed_in(Role::CountryFocalPoint, Some("KEN")).await;
    let group = group_with(
        &app,
        &secretariat,
        "Parenting support",
        &[(&moderator, "moderator"), (&member, "member")],
    )
    .await;
    // A moderator of another group moderates only that one.
    group_with(
        &app,
        &secretariat,
        "Data and evidence",
        &[(&elsewhere, "moderator")],
    )
    .await;
    let (status, request) = ask(&app, &asker_token, &group, "").await;
    assert_eq!(status, StatusCode::CREATED, "{request}");
    let request_id = request["id"].as_str().expect("id").to_owned();

    for token in [&member_token, &elsewhere_token, &asker_token] {
        let (status, body) = app
            .get_json(token, &format!("/api/v1/groups/{group}/requests"))
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
        let (status, body) = decide(&app, token, &group, &request_id, true).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    }
    let (_, seen) = app
        .get_json(&asker_token, &format!("/api/v1/groups/{group}"))
        .await;
    assert_eq!(seen["my_role"], Value::Null, "the asker let themselves in");
    let (_, pending) = app
        .get_json(
            &moderator_token,
            &format!("/api/v1/groups/{group}/requests"),
        )
        .await;
    assert_eq!(pending["total"], 1, "still waiting");

    // Unknown group, unknown request, a request of another group.
    let unknown = "0b7e0c1a-0000-4000-8000-000000000000";
    let (status, _) = app
        .get_json(&secretariat, &format!("/api/v1/groups/{unknown}/requests"))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = decide(&app, &secretariat, unknown, &request_id, true).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = decide(&app, &moderator_token, &group, unknown, true).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = ask(&app, &asker_token, unknown, "").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let other = group_with(&app, &secretariat, "Other group", &[]).await;
    let (status, _) = decide(&app, &secretariat, &other, &request_id, true).await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // Bad input.
    let (status, body) = ask(&app, &asker_token, &other, &"x".repeat(1001)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["error"]["details"][0]["field"], "message");
    let (status, _) = app
        .get_json(&secretariat, &format!("/api/v1/groups/{other}/requests"))
        .await;
    assert_eq!(status, StatusCode::OK);
    let (_, none) = app
        .get_json(&secretariat, &format!("/api/v1/groups/{other}/requests"))
        .await;
    assert_eq!(none["total"], 0, "the refused request was not written");
    let (status, _) = app
        .get_json(
            &secretariat,
            &format!("/api/v1/groups/{group}/requests?status=maybe"),
        )
        .await;
    assert!(status.is_client_error(), "{status}");
    let (status, _) = app
        .post_json(
            &moderator_token,
            &format!("/api/v1/groups/{group}/requests/{request_id}/decision"),
            json!({"approve": "perhaps"}),
        )
        .await;
    assert!(status.is_client_error(), "{status}");
    let (_, pending) = app
        .get_json(
            &moderator_token,
            &format!("/api/v1/groups/{group}/requests"),
        )
        .await;
    assert_eq!(pending["total"], 1, "still waiting after bad input");
    let unauthenticated = app
        .post(&format!("/api/v1/groups/{group}/join"))
        .json(&json!({}))
        .send()
        .await
        .expect("request");
    assert_eq!(unauthenticated.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_group_without_moderators_tells_nobody_and_the_secretariat_answers() {
    let app = spawn_app().await;
    let (_, secretariat) = app.signed_in(Role::Secretariat, None).await;
    let (member, member_token) = app.signed_in(Role::Partner, None).await;
    let (_, asker_token) = app.signed_in(Role::Partner, None).await;
    let group = group_with(
        &app,
        &secretariat,
        "Violence prevention",
        &[(&member, "member")],
    )
    .await;
    let before = notifications(&app, &member_token).await.len();
    let (status, request) = ask(&app, &asker_token, &group, "Hello").await;
    assert_eq!(status, StatusCode::CREATED, "{request}");
    assert_eq!(notifications(&app, &member_token).await.len(), before);
    assert!(notifications(&app, &secretariat).await.is_empty());
    let (_, pending) = app
        .get_json(&secretariat, &format!("/api/v1/groups/{group}/requests"))
        .await;
    assert_eq!(pending["total"], 1);
    assert_eq!(pending["items"][0]["message"], "Hello");
}

#[tokio::test]
async fn a_moderator_takes_a_member_out_not_another_moderator() {
    let app = spawn_app().await;
    let (_, secretariat) = app.signed_in(Role::Secretariat, None).await;
    let (moderator, moderator_token) = app.signed_in(Role::Partner, None).await;
    let (other_moderator, other_moderator_token) = app.signed_in(Role::Partner, None).await;
    let (member, member_token) = app.signed_in(Role::CountryFocalPoint, Some("KEN")).await;
    let (peer, peer_token) = app.signed_in(Role::CountryFocalPoint, Some("COL")).await;
    let group = group_with(
        &app,
        &secretariat,
        "Safe schools",
        &[
            (&moderator, "moderator"),
            (&other_moderator, "moderator"),
            (&member, "member"),
            (&peer, "member"),
        ],
    )
    .await;
    let thread = start_thread(&app, &peer_token, &group).await;
    let (status, _) = app
        .get_json(&member_token, &format!("/api/v1/discussions/{thread}"))
        .await;
    assert_eq!(status, StatusCode::OK);

    // A plain member takes nobody out.
    let status = delete(
        &app,
        &peer_token,
        &format!("/api/v1/groups/{group}/members/{}", member.id),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    // A moderator does not take out another moderator.
    let status = delete(
        &app,
        &moderator_token,
        &format!("/api/v1/groups/{group}/members/{}", other_moderator.id),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (_, seen) = app
        .get_json(&other_moderator_token, &format!("/api/v1/groups/{group}"))
        .await;
    assert_eq!(seen["my_role"], "moderator", "still a moderator");

    // A moderator takes a member out: their access ends at once.
    let status = delete(
        &app,
        &moderator_token,
        &format!("/api/v1/groups/{group}/members/{}", member.id),
    )
    .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, _) = app
        .get_json(&member_token, &format!("/api/v1/discussions/{thread}"))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (_, seen) = app
        .get_json(&member_token, &format!("/api/v1/groups/{group}"))
        .await;
    assert_eq!(seen["my_role"], Value::Null);
    assert_eq!(seen["members_count"], 3);
    let status = delete(
        &app,
        &moderator_token,
        &format!("/api/v1/groups/{group}/members/{}", member.id),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND, "already out");

    // Taken out, they may ask to come back.
    let (status, request) = ask(&app, &member_token, &group, "Sorry").await;
    assert_eq!(status, StatusCode::CREATED, "{request}");

    // The secretariat takes out a moderator.
    let status = delete(
        &app,
        &secretariat,
        &format!("/api/v1/groups/{group}/members/{}", other_moderator.id),
    )
    .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (_, seen) = app
        .get_json(&other_moderator_token, &format!("/api/v1/groups/{group}"))
        .await;
    assert_eq!(seen["my_role"], Value::Null);
    // Taken out, the former moderator answers nothing any more.
    let request_id = request["id"].as_str().expect("id");
    let (status, _) = decide(&app, &other_moderator_token, &group, request_id, true).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_member_put_in_by_the_secretariat_has_their_request_answered() {
    let app = spawn_app().await;
    let (_, secretariat) = app.signed_in(Role::Secretariat, None).await;
    let (asker, asker_token) = app.signed_in(Role::Partner, None).await;
    let group = group_with(&app, &secretariat, "Positive parenting", &[]).await;
    let (status, _) = ask(&app, &asker_token, &group, "").await;
    assert_eq!(status, StatusCode::CREATED);
    let (status, body) = app
        .post_json(
            &secretariat,
            &format!("/api/v1/groups/{group}/members"),
            json!({"user_email": asker.email, "role": "moderator"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let (_, pending) = app
        .get_json(&secretariat, &format!("/api/v1/groups/{group}/requests"))
        .await;
    assert_eq!(pending["total"], 0);
    let (_, seen) = app
        .get_json(&asker_token, &format!("/api/v1/groups/{group}"))
        .await;
    assert_eq!(seen["my_role"], "moderator");
    assert_eq!(seen["join_requested"], false);
}
