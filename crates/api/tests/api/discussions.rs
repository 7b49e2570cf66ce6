//! Communities of practice: discussions in the general forum and in thematic groups (posts,
//! replies, accepted answers, followers, mentions) and the notifications they send, which reach
//! only those who may read what they point to.

use pioneer_domain::Role;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, TestUser, error_code, send, spawn_app};

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

async fn start(app: &TestApp, token: &str, body: Value) -> Value {
    let (status, created) = app.post_json(token, "/api/v1/discussions", body).await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    created
}

async fn reply(app: &TestApp, token: &str, discussion: &str, body: Value) -> (StatusCode, Value) {
    app.post_json(
        token,
        &format!("/api/v1/discussions/{discussion}/posts"),
        body,
    )
    .await
}

async fn notifications(app: &TestApp, token: &str) -> Vec<Value> {
    let (status, page) = app.get_json(token, "/api/v1/notifications?lang=en").await;
    assert_eq!(status, StatusCode::OK, "{page}");
    page["items"].as_array().expect("items").clone()
}

async fn unread(app: &TestApp, token: &str) -> u64 {
    let (status, count) = app
        .get_json(token, "/api/v1/notifications/unread-count")
        .await;
    assert_eq!(status, StatusCode::OK, "{count}");
    count["unread"].as_u64().expect("unread")
}

fn kinds(items: &[Value]) -> Vec<String> {
    items
        .iter()
        .map(|n| n["kind"].as_str().unwrap_or_default().to_owned())
        .collect()
}

#[tokio::test]
async fn a_question_in_a_group_is_answered_accepted_and_everyone_concerned_hears_of_it() {
    let app = spawn_app().await;
    let (_, secretariat) = app.signed_in(Role::Secretariat, None).await;
    let (asker, asker_token) = app.signed_in(Role::CountryFocalPoint, Some("KEN")).await;
    let (answerer, answerer_token) = app.signed_in(Role::CountryFocalPoint, Some("COL")).await;
    let (outsider, outsider_token) = app.signed_in(Role::CountryFocalPoint, Some("GHA")).await;
    let group = group_with(
        &app,
        &secretariat,
        "Safe schools",
        &[(&asker, "member"), (&answerer, "member")],
    )
    .await;

    // Being added to the group is a notification of its own.
    let added = notifications(&app, &asker_token).await;
    assert_eq!(kinds(&added), ["group_invitation"]);
    assert!(
        added[0]["summary"]
            .as_str()
            .unwrap_or_default()
            .contains("Safe schools")
    );
    assert_eq!(added[0]["link"], format!("/groups/{group}"));

    let question = start(
        &app,
        &asker_token,
        json!({
            "title": "How do you train teachers in positive discipline?",
            "body": format!("We start in January. @{} what did you do? And @{}?", answerer.email, outsider.email),
            "group_id": group,
        }),
    )
    .await;
    let id = question["id"].as_str().expect("id").to_owned();
    assert_eq!(question["group_id"], group.as_str());
    assert_eq!(question["group_name"], "Safe schools");
    assert_eq!(question["posts_count"], 1);
    assert_eq!(question["subscribed"], true);
    assert_eq!(question["accepted_post_id"], Value::Null);
    assert_eq!(question["author"]["id"], asker.id.to_string());

    // The member it mentions hears of it; the outsider it mentions does not (they may not read it).
    let mentioned = notifications(&app, &answerer_token).await;
    assert_eq!(kinds(&mentioned), ["mention", "group_invitation"]);
    assert!(
        mentioned[0]["link"]
            .as_str()
            .unwrap_or_default()
            .starts_with(&format!("/discussions/{id}#post-"))
    );
    assert!(notifications(&app, &outsider_token).await.is_empty());

    // The outsider sees nothing of the group's thread, on any path.
    let (status, listed) = app.get_json(&outsider_token, "/api/v1/discussions").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(listed["total"], 0);
    for path in [
        format!("/api/v1/discussions/{id}"),
        format!("/api/v1/discussions/{id}/posts"),
    ] {
        let (status, _) = app.get_json(&outsider_token, &path).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
    }
    let (status, _) = reply(&app, &outsider_token, &id, json!({"body": "Let me in"})).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = app
        .post_json(
            &outsider_token,
            &format!("/api/v1/discussions/{id}/subscribe"),
            json!({}),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, listed) = app
        .get_json(
            &answerer_token,
            &format!("/api/v1/discussions?group_id={group}"),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(listed["total"], 1);

    // The answer: its author now follows the thread, and the asker (who follows it) hears of it.
    let before = unread(&app, &asker_token).await;
    let (status, answer) = reply(
        &app,
        &answerer_token,
        &id,
        json!({"body": "We used the **INSPIRE** handbook, with coaching in class."}),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{answer}");
    assert_eq!(answer["discussion_id"], id.as_str());
    assert_eq!(answer["parent_id"], Value::Null);
    assert!(
        answer["body_html"]
            .as_str()
            .unwrap_or_default()
            .contains("<strong>INSPIRE</strong>")
    );
    assert_eq!(unread(&app, &asker_token).await, before + 1);
    assert_eq!(kinds(&notifications(&app, &asker_token).await)[0], "reply");

    // Only the asker (or a moderator) accepts, and only a reply.
    let answer_id = answer["id"].as_str().expect("id");
    let (status, _) = app
        .post_json(
            &answerer_token,
            &format!("/api/v1/discussions/{id}/accept"),
            json!({"post_id": answer_id}),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (_, posts) = app
        .get_json(&asker_token, &format!("/api/v1/discussions/{id}/posts"))
        .await;
    assert_eq!(posts["total"], 2);
    let opening = posts["items"][0]["id"].as_str().expect("id");
    let (status, refused) = app
        .post_json(
            &asker_token,
            &format!("/api/v1/discussions/{id}/accept"),
            json!({"post_id": opening}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
    assert_eq!(refused["error"]["details"][0]["field"], "post_id");
    let (status, accepted) = app
        .post_json(
            &asker_token,
            &format!("/api/v1/discussions/{id}/accept"),
            json!({"post_id": answer_id}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{accepted}");
    assert_eq!(accepted["accepted_post_id"], answer_id);
    assert_eq!(accepted["posts_count"], 2);
    let told = notifications(&app, &answerer_token).await;
    assert_eq!(told[0]["kind"], "accepted_answer");
    assert!(
        told[0]["summary"]
            .as_str()
            .unwrap_or_default()
            .contains("accepted your answer")
    );

    // Reading: one, then all; the count follows.
    let count = unread(&app, &answerer_token).await;
    assert_eq!(count, 3);
    let first = told[0]["id"].as_str().expect("id");
    let response = app
        .post(&format!("/api/v1/notifications/{first}/read"))
        .bearer_auth(&answerer_token)
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    assert_eq!(unread(&app, &answerer_token).await, 2);
    assert_eq!(notifications(&app, &answerer_token).await[0]["read"], true);
    let (status, _) = app
        .get_json(&answerer_token, "/api/v1/notifications?unread=true")
        .await;
    assert_eq!(status, StatusCode::OK);
    // Nobody marks another's notification: it is not theirs to find.
    let response = app
        .post(&format!("/api/v1/notifications/{first}/read"))
        .bearer_auth(&asker_token)
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    let (status, all) = app
        .post_json(&answerer_token, "/api/v1/notifications/read-all", json!({}))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(all["unread"], 0);
    assert_eq!(unread(&app, &answerer_token).await, 0);

    // In the reader's language.
    let (_, french) = app
        .get_json(&answerer_token, "/api/v1/notifications?lang=fr")
        .await;
    assert!(
        french["items"][0]["summary"]
            .as_str()
            .unwrap_or_default()
            .contains("a accepté votre réponse"),
        "{french}"
    );
}

#[tokio::test]
async fn a_member_taken_out_of_a_group_loses_its_threads_and_their_notifications_at_once() {
    let app = spawn_app().await;
    let (_, secretariat) = app.signed_in(Role::Secretariat, None).await;
    let (asker, asker_token) = app.signed_in(Role::CountryFocalPoint, Some("KEN")).await;
    let (member, member_token) = app.signed_in(Role::CountryFocalPoint, Some("NPL")).await;
    let group = group_with(
        &app,
        &secretariat,
        "Online safety",
        &[(&asker, "member"), (&member, "member")],
    )
    .await;
    let thread = start(
        &app,
        &asker_token,
        json!({"title": "Reporting tools", "body": format!("@{} have you seen this?", member.email), "group_id": group}),
    )
    .await;
    let id = thread["id"].as_str().expect("id");
    assert_eq!(unread(&app, &member_token).await, 2);

    let response = app
        .delete(&format!("/api/v1/groups/{group}/members/{}", member.id))
        .bearer_auth(&secretariat)
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), StatusCode::NO_CONTENT);

    let (status, _) = app
        .get_json(&member_token, &format!("/api/v1/discussions/{id}"))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (_, listed) = app.get_json(&member_token, "/api/v1/discussions").await;
    assert_eq!(listed["total"], 0);
    assert_eq!(unread(&app, &member_token).await, 0);
    assert!(notifications(&app, &member_token).await.is_empty());

    // A reply in the thread they followed no longer reaches them.
    let (status, _) = reply(&app, &asker_token, id, json!({"body": "Anyone?"})).await;
    assert_eq!(status, StatusCode::CREATED);
    let (_, all) = app.get_json(&secretariat, "/api/v1/discussions").await;
    assert_eq!(
        all["total"], 1,
        "the secretariat reads every group's threads"
    );
    assert_eq!(unread(&app, &member_token).await, 0);
}

#[tokio::test]
async fn the_general_forum_is_every_members_and_posts_are_sanitised_and_edited_by_their_author() {
    let app = spawn_app().await;
    let (author, author_token) = app.signed_in(Role::CountryFocalPoint, Some("KEN")).await;
    let (_, other_token) = app.signed_in(Role::Partner, None).await;

    let thread = start(
        &app,
        &author_token,
        json!({"title": "  Budget lines for helplines  ", "body": "Hello <script>alert(1)</script> [guide](https://example.org/g)"}),
    )
    .await;
    let id = thread["id"].as_str().expect("id");
    assert_eq!(thread["title"], "Budget lines for helplines");
    assert_eq!(thread["group_id"], Value::Null);
    let (status, listed) = app
        .get_json(&other_token, "/api/v1/discussions?forum=general")
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(listed["items"][0]["id"], id);
    assert_eq!(listed["items"][0]["subscribed"], false);
    assert_eq!(listed["items"][0]["may_accept"], false);

    let (_, posts) = app
        .get_json(&other_token, &format!("/api/v1/discussions/{id}/posts"))
        .await;
    let opening = &posts["items"][0];
    let html = opening["body_html"].as_str().unwrap_or_default();
    assert!(!html.contains("<script"), "{html}");
    assert!(html.contains("rel=\"noopener noreferrer\""), "{html}");
    assert_eq!(opening["author"]["id"], author.id.to_string());

    // A reply to a post; a parent from elsewhere is refused.
    let opening_id = opening["id"].as_str().expect("id");
    let (status, nested) = reply(
        &app,
        &other_token,
        id,
        json!({"body": "Which country?", "parent_id": opening_id}),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{nested}");
    assert_eq!(nested["parent_id"], opening_id);
    let (status, refused) = reply(
        &app,
        &other_token,
        id,
        json!({"body": "x", "parent_id": id}),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(refused["error"]["details"][0]["field"], "parent_id");

    // Only its author edits a post.
    let path = format!("/api/v1/discussions/{id}/posts/{opening_id}");
    let (status, _) = send(
        app.put(&path)
            .bearer_auth(&other_token)
            .json(&json!({"body": "mine now"})),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, edited) = send(
        app.put(&path)
            .bearer_auth(&author_token)
            .json(&json!({"body": "Hello, *all*"})),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{edited}");
    assert_eq!(edited["body_markdown"], "Hello, *all*");
    assert!(
        edited["body_html"]
            .as_str()
            .unwrap_or_default()
            .contains("<em>all</em>")
    );
    assert!(edited["edited_at"].is_string());

    // Following: the replier follows from their reply on; unfollowing stops the replies.
    let (_, shown) = app
        .get_json(&other_token, &format!("/api/v1/discussions/{id}"))
        .await;
    assert_eq!(shown["subscribed"], true);
    let response = app
        .delete(&format!("/api/v1/discussions/{id}/subscribe"))
        .bearer_auth(&other_token)
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), StatusCode::OK);
    let before = unread(&app, &other_token).await;
    let (status, _) = reply(&app, &author_token, id, json!({"body": "Kenya"})).await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(unread(&app, &other_token).await, before);
}

#[tokio::test]
async fn bad_input_gets_a_clear_answer() {
    let app = spawn_app().await;
    let (_, secretariat) = app.signed_in(Role::Secretariat, None).await;
    let (_, token) = app.signed_in(Role::CountryFocalPoint, Some("KEN")).await;
    let group = group_with(&app, &secretariat, "Parenting", &[]).await;

    let (status, body) = app
        .post_json(
            &token,
            "/api/v1/discussions",
            json!({"title": " ", "body": ""}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields: Vec<_> = body["error"]["details"]
        .as_array()
        .expect("details")
        .iter()
        .map(|d| d["field"].clone())
        .collect();
    assert_eq!(fields, [json!("title"), json!("body")]);
    let unknown = uuid::Uuid::now_v7();
    let (status, body) = app
        .post_json(
            &token,
            "/api/v1/discussions",
            json!({"title": "t", "body": "b", "group_id": unknown}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["error"]["details"][0]["code"], "unknown_group");
    let response = app
        .post("/api/v1/discussions")
        .bearer_auth(&token)
        .json(&json!({"title": "t", "body": "b", "group_id": group}))
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert_eq!(error_code(response).await, "forbidden");
    let (status, _) = app
        .get_json(&token, &format!("/api/v1/discussions/{unknown}"))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let response = app
        .get("/api/v1/discussions")
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    let (status, _) = app
        .post_json(
            &token,
            &format!("/api/v1/notifications/{unknown}/read"),
            json!({}),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_moderators_decision_reaches_the_resources_author() {
    let app = spawn_app().await;
    let (_, secretariat) = app.signed_in(Role::Secretariat, None).await;
    let (_, author_token) = app.signed_in(Role::CountryFocalPoint, Some("KEN")).await;
    let (status, created) = app
        .post_json(
            &author_token,
            "/api/v1/resources",
            json!({
                "kind": "tool", "title": "Helpline script", "summary": "s", "body": "b",
                "language": "en", "strategies": [], "countries": [], "tags": [], "links": [],
                "visibility": "members",
            }),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let id = created["id"].as_str().expect("id");
    let response = app
        .post(&format!("/api/v1/resources/{id}/publish"))
        .bearer_auth(&secretariat)
        .header("If-Match", format!("\"{}\"", created["revision"]))
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), StatusCode::OK);
    let told = notifications(&app, &author_token).await;
    assert_eq!(kinds(&told), ["moderation_decision"]);
    assert_eq!(told[0]["link"], format!("/knowledge/{id}"));
    assert!(
        told[0]["summary"]
            .as_str()
            .unwrap_or_default()
            .contains("published your resource “Helpline script”"),
        "{}",
        told[0]
    );
    // The moderator's own decisions tell them nothing.
    assert!(notifications(&app, &secretariat).await.is_empty());
}

/// A newcomer's first run shows the forum at work: an answered question in the general forum,
/// group threads that only the group's members see, and a bell with something in it.
#[tokio::test]
async fn the_demo_has_threads_and_unread_notifications_for_the_right_people() {
    use crate::helpers::Binary;
    let binary = Binary::new(&[]).await;
    binary.seed_demo();
    let (mut child, _) = binary.serve(std::process::Stdio::null()).await;
    let client = reqwest::Client::new();
    let token = |email: &'static str| {
        let request = client
            .post(format!("{}/api/v1/auth/login", binary.base))
            .json(&json!({"email": email, "password": "pioneer-demo-2026"}));
        async move {
            let body: Value = request
                .send()
                .await
                .expect("login")
                .json()
                .await
                .expect("json");
            body["access_token"].as_str().expect("token").to_owned()
        }
    };
    let get = |token: String, path: String| {
        let request = client
            .get(format!("{}/api/v1{path}", binary.base))
            .bearer_auth(token);
        async move {
            request
                .send()
                .await
                .expect("get")
                .json::<Value>()
                .await
                .expect("json")
        }
    };
    let asker = token("focal.col@pioneer.test").await;
    let outsider = token("focal.gha@pioneer.test").await;
    let titles = |page: &Value| -> Vec<String> {
        page["items"]
            .as_array()
            .expect("items")
            .iter()
            .map(|d| d["title"].as_str().expect("title").to_owned())
            .collect()
    };
    let mine = get(asker.clone(), "/discussions".into()).await;
    let theirs = get(outsider.clone(), "/discussions".into()).await;
    let fathers = "Reaching fathers in parenting programmes";
    assert!(titles(&mine).iter().any(|t| t == fathers), "{mine}");
    assert!(!titles(&theirs).iter().any(|t| t == fathers), "{theirs}");
    let general = get(outsider.clone(), "/discussions?forum=general".into()).await;
    let answered = general["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|d| d["accepted_post_id"].is_string())
        .expect("an answered question in the general forum");
    assert!(answered["posts_count"].as_i64().expect("count") >= 2);

    let unread = get(asker.clone(), "/notifications?unread=true".into()).await;
    let kinds: Vec<&str> = unread["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|n| n["kind"].as_str().expect("kind"))
        .collect();
    assert!(
        kinds.contains(&"mention") && kinds.contains(&"reply"),
        "{unread}"
    );
    let count = get(asker, "/notifications/unread-count".into()).await;
    assert_eq!(
        count["unread"].as_u64(),
        Some(kinds.len() as u64),
        "{count}"
    );
    let answerer = token("focal.ken@pioneer.test").await;
    let theirs = get(answerer, "/notifications".into()).await;
    assert_eq!(theirs["items"][0]["kind"], "accepted_answer", "{theirs}");
    child.kill().ok();
    child.wait().ok();
}
