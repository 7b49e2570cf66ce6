//! Comments on knowledge resources: Markdown rendered and sanitised, threaded, edited by their
//! author only, removed by the resource's moderators (or their author) with the removal in the
//! resource's history and the text gone from every answer.

use pioneer_api::entities::document_comment;
use pioneer_domain::Role;
use reqwest::StatusCode;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::helpers::{TestApp, spawn_app};
use crate::knowledge::{create, publish, resource, send};

/// A public resource by `author_token`, published by `moderator_token`; its id.
async fn published(
    app: &TestApp,
    author_token: &str,
    moderator_token: &str,
    body: &Value,
) -> String {
    let created = create(app, author_token, body).await;
    let published = publish(app, moderator_token, &created).await;
    published["id"].as_str().expect("id").to_owned()
}

async fn comment(app: &TestApp, token: &str, id: &str, body: Value) -> (StatusCode, Value) {
    let (status, answer, _) = send(
        app.post(&format!("/api/v1/resources/{id}/comments"))
            .bearer_auth(token)
            .json(&body),
    )
    .await;
    (status, answer)
}

async fn edit(
    app: &TestApp,
    token: &str,
    id: &str,
    comment_id: &str,
    body: &str,
) -> (StatusCode, Value) {
    let (status, answer, _) = send(
        app.put(&format!("/api/v1/resources/{id}/comments/{comment_id}"))
            .bearer_auth(token)
            .json(&json!({"body": body})),
    )
    .await;
    (status, answer)
}

/// The DELETE's status and its body as text (to look for a text anywhere in it).
async fn remove(app: &TestApp, token: &str, id: &str, comment_id: &str) -> (StatusCode, String) {
    let response = app
        .delete(&format!("/api/v1/resources/{id}/comments/{comment_id}"))
        .bearer_auth(token)
        .send()
        .await
        .expect("request");
    let status = response.status();
    (status, response.text().await.expect("body"))
}

/// The list of comments as text and as JSON.
async fn list(app: &TestApp, token: &str, id: &str) -> (String, Value) {
    let response = app
        .get(&format!("/api/v1/resources/{id}/comments"))
        .bearer_auth(token)
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), StatusCode::OK);
    let text = response.text().await.expect("body");
    let json = serde_json::from_str(&text).expect("JSON");
    (text, json)
}

fn id_of(value: &Value) -> String {
    value["id"].as_str().expect("id").to_owned()
}

#[tokio::test]
async fn comments_are_markdown_threaded_edited_by_their_author_and_removed_by_moderators() {
    let app = spawn_app().await;
    let (secretariat_user, secretariat) = app.signed_in(Role::Secretariat, None).await;
    let (author, author_token) = app.signed_in(Role::CountryFocalPoint, Some("KEN")).await;
    let (reader, reader_token) = app.signed_in(Role::CountryFocalPoint, Some("COL")).await;
    let (_, stranger_token) = app.signed_in(Role::CountryFocalPoint, Some("PER")).await;
    let id = published(
        &app,
        &author_token,
        &secretariat,
        &resource("Safe schools", "en", "Body"),
    )
    .await;

    // Markdown in, rendered and sanitised out, once, when written.
    let (status, first) = comment(
        &app,
        &reader_token,
        &id,
        json!({"body": "  A **wombat** guide <script>alert('x')</script>  "}),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{first}");
    let markdown = "A **wombat** guide <script>alert('x')</script>";
    assert_eq!(first["body_markdown"], markdown);
    assert_eq!(first["body"], markdown, "`body` stays, as the Markdown");
    let html = first["body_html"].as_str().expect("html");
    assert!(html.contains("<strong>wombat</strong>"), "{html}");
    assert!(
        !html.contains("<script") && !html.contains("alert"),
        "{html}"
    );
    assert_eq!(first["removed"], false);
    assert_eq!(first["edited_at"], Value::Null);
    assert_eq!(first["author"]["id"], reader.id.to_string());
    let first_id = id_of(&first);

    // A reply, in the thread.
    let (status, reply) = comment(
        &app,
        &author_token,
        &id,
        json!({"body": "Thanks, _platypus_.", "parent_id": first_id}),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{reply}");
    assert_eq!(reply["parent_id"], first_id.as_str());
    let reply_id = id_of(&reply);
    let (_, comments) = list(&app, &reader_token, &id).await;
    assert_eq!(comments["total"], 2);
    assert_eq!(comments["items"][0]["body_html"], first["body_html"]);
    assert_eq!(comments["items"][1]["id"], reply_id.as_str());
    assert_eq!(comments["items"][1]["parent_id"], first_id.as_str());
    assert!(
        comments["items"][1]["body_html"]
            .as_str()
            .expect("html")
            .contains("<em>platypus</em>")
    );

    // Only the author edits, with text that is not empty.
    let (status, _) = edit(&app, &author_token, &id, &first_id, "Hijacked").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, refused) = edit(&app, &reader_token, &id, &first_id, " \n ").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
    assert_eq!(refused["error"]["details"][0]["field"], "body");
    let (status, edited) = edit(&app, &reader_token, &id, &first_id, "Now *quokka* text").await;
    assert_eq!(status, StatusCode::OK, "{edited}");
    assert_eq!(edited["id"], first_id.as_str());
    assert_eq!(edited["body_markdown"], "Now *quokka* text");
    assert_eq!(edited["body"], "Now *quokka* text");
    assert!(
        edited["body_html"]
            .as_str()
            .expect("html")
            .contains("<em>quokka</em>")
    );
    assert!(edited["edited_at"].is_string(), "{edited}");
    assert_eq!(edited["created_at"], first["created_at"]);
    let (text, comments) = list(&app, &stranger_token, &id).await;
    assert_eq!(comments["items"][0]["body_markdown"], "Now *quokka* text");
    assert_eq!(comments["items"][0]["edited_at"], edited["edited_at"]);
    assert!(!text.contains("wombat"), "the old text is gone: {text}");
    assert!(!text.contains("Hijacked"), "{text}");

    // Unknown comments, and comments of another resource, are not this resource's.
    let other = published(
        &app,
        &author_token,
        &secretariat,
        &resource("Other", "en", "x"),
    )
    .await;
    let (_, elsewhere) = comment(&app, &reader_token, &other, json!({"body": "Elsewhere"})).await;
    for missing in [Uuid::now_v7().to_string(), id_of(&elsewhere)] {
        let (status, _) = edit(&app, &reader_token, &id, &missing, "x").await;
        assert_eq!(status, StatusCode::NOT_FOUND, "edit {missing}");
        let (status, _) = remove(&app, &secretariat, &id, &missing).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "remove {missing}");
    }
    let (_, elsewhere_list) = list(&app, &reader_token, &other).await;
    assert_eq!(elsewhere_list["items"][0]["body"], "Elsewhere");
    assert_eq!(elsewhere_list["items"][0]["removed"], false);

    // A member who moderates nothing may not remove someone else's comment.
    let (status, _) = remove(&app, &stranger_token, &id, &first_id).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = remove(&app, &author_token, &id, &first_id).await;
    assert_eq!(
        status,
        StatusCode::FORBIDDEN,
        "the resource's author is no moderator"
    );
    let (_, comments) = list(&app, &reader_token, &id).await;
    assert_eq!(comments["items"][0]["removed"], false);

    // A moderator removes it: the text is gone from every answer, the reply stays.
    let (status, removed) = remove(&app, &secretariat, &id, &first_id).await;
    assert_eq!(status, StatusCode::OK, "{removed}");
    assert!(!removed.contains("quokka"), "{removed}");
    let removed: Value = serde_json::from_str(&removed).expect("JSON");
    assert_eq!(removed["id"], first_id.as_str());
    assert_eq!(removed["removed"], true);
    for field in ["body", "body_markdown", "body_html"] {
        assert_eq!(removed[field], "", "{field}");
    }
    for token in [&reader_token, &secretariat, &author_token] {
        let (text, comments) = list(&app, token, &id).await;
        assert!(!text.contains("quokka"), "{text}");
        assert_eq!(comments["total"], 2);
        assert_eq!(comments["items"][0], removed);
        assert_eq!(comments["items"][1]["parent_id"], first_id.as_str());
        assert_eq!(comments["items"][1]["body_markdown"], "Thanks, _platypus_.");
        assert_eq!(comments["items"][1]["removed"], false);
    }
    let stored = document_comment::Entity::find_by_id(first_id.parse::<Uuid>().expect("uuid"))
        .one(&app.state.db)
        .await
        .expect("query")
        .expect("the row stays");
    assert_eq!((stored.body.as_str(), stored.body_html.as_str()), ("", ""));
    assert!(stored.removed_at.is_some());
    assert_eq!(stored.removed_by, Some(secretariat_user.id));

    // Removing again answers the same and records nothing more.
    let (status, again) = remove(&app, &secretariat, &id, &first_id).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        serde_json::from_str::<Value>(&again).expect("JSON"),
        removed
    );
    let (status, history, _) = send(
        app.get(&format!("/api/v1/resources/{id}/history"))
            .bearer_auth(&secretariat),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{history}");
    let removals: Vec<&Value> = history["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter(|entry| entry["event"] == "resource.comment_removed")
        .collect();
    assert_eq!(removals.len(), 1, "{history}");
    assert_eq!(removals[0]["changes"]["comment_id"], first_id.as_str());
    assert_eq!(
        removals[0]["changes"]["author"]["id"],
        reader.id.to_string()
    );
    assert_eq!(
        removals[0]["actor"]["id"],
        stored.removed_by.expect("by").to_string()
    );
    assert!(!history.to_string().contains("quokka"), "{history}");

    // A removed comment cannot be edited, even by its author.
    let (status, refused) = edit(&app, &reader_token, &id, &first_id, "Back again").await;
    assert_eq!(status, StatusCode::CONFLICT, "{refused}");
    assert_eq!(refused["error"]["code"], "comment_removed");
    let (text, _) = list(&app, &reader_token, &id).await;
    assert!(!text.contains("Back again"), "{text}");

    // Its author removes their own.
    let (status, own) = remove(&app, &author_token, &id, &reply_id).await;
    assert_eq!(status, StatusCode::OK, "{own}");
    assert!(!own.contains("platypus"), "{own}");
    let (text, comments) = list(&app, &reader_token, &id).await;
    assert_eq!(comments["items"][1]["removed"], true);
    assert!(!text.contains("platypus"), "{text}");
    assert_eq!(author.id.to_string(), comments["items"][1]["author"]["id"]);
}

#[tokio::test]
async fn a_group_moderator_removes_comments_on_the_group_resources_only() {
    let app = spawn_app().await;
    let (_, secretariat) = app.signed_in(Role::Secretariat, None).await;
    let (moderator, moderator_token) = app.signed_in(Role::Partner, None).await;
    let (author, author_token) = app.signed_in(Role::CountryFocalPoint, Some("KEN")).await;
    let (_, group, _) = send(
        app.post("/api/v1/groups")
            .bearer_auth(&secretariat)
            .json(&json!({"name": "Parenting", "description": ""})),
    )
    .await;
    let group_id = group["id"].as_str().expect("id").to_owned();
    for (email, role) in [
        (moderator.email.as_str(), "moderator"),
        (author.email.as_str(), "member"),
    ] {
        let (status, _, _) = send(
            app.post(&format!("/api/v1/groups/{group_id}/members"))
                .bearer_auth(&secretariat)
                .json(&json!({"user_email": email, "role": role})),
        )
        .await;
        assert!(status.is_success(), "{status}");
    }
    let mut body = resource("Group tip", "en", "x");
    body["visibility"] = json!("group");
    body["group_id"] = json!(group_id);
    let in_group = published(&app, &author_token, &moderator_token, &body).await;
    let alliance = published(
        &app,
        &author_token,
        &secretariat,
        &resource("Alliance tip", "en", "x"),
    )
    .await;
    let (_, on_group) = comment(
        &app,
        &author_token,
        &in_group,
        json!({"body": "Group words"}),
    )
    .await;
    let (_, on_alliance) = comment(
        &app,
        &author_token,
        &alliance,
        json!({"body": "Alliance words"}),
    )
    .await;

    // The group's moderator moderates the group's resource, not the alliance's.
    let (status, _) = remove(&app, &moderator_token, &alliance, &id_of(&on_alliance)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, removed) = remove(&app, &moderator_token, &in_group, &id_of(&on_group)).await;
    assert_eq!(status, StatusCode::OK, "{removed}");
    assert!(!removed.contains("Group words"), "{removed}");
    let (text, _) = list(&app, &author_token, &in_group).await;
    assert!(!text.contains("Group words"), "{text}");
    let (text, _) = list(&app, &author_token, &alliance).await;
    assert!(text.contains("Alliance words"), "{text}");
}

#[tokio::test]
async fn comments_written_before_their_html_was_kept_are_rendered_on_read() {
    let app = spawn_app().await;
    let (_, secretariat) = app.signed_in(Role::Secretariat, None).await;
    let (_, author_token) = app.signed_in(Role::CountryFocalPoint, Some("KEN")).await;
    let id = published(
        &app,
        &author_token,
        &secretariat,
        &resource("Old", "en", "x"),
    )
    .await;
    let (_, old) = comment(&app, &author_token, &id, json!({"body": "An **old** one"})).await;
    // As the rows written before the migration are: no HTML kept.
    document_comment::Entity::update_many()
        .col_expr(document_comment::Column::BodyHtml, Expr::value(""))
        .filter(
            document_comment::Column::Id.eq(old["id"]
                .as_str()
                .expect("id")
                .parse::<Uuid>()
                .expect("uuid")),
        )
        .exec(&app.state.db)
        .await
        .expect("update");
    let (_, comments) = list(&app, &author_token, &id).await;
    assert_eq!(
        comments["items"][0]["body_html"],
        "<p>An <strong>old</strong> one</p>\n"
    );
}
