//! The knowledge base: sharing, moderation on the shared workflow, revisions of published
//! resources, files (directory and S3-compatible storage), confidentiality on every path by
//! which content can leave, and search in the platform's languages.

use std::process::Stdio;
use std::time::Duration;

use pioneer_api::config::{FilesConfig, S3Config};
use pioneer_domain::Role;
use reqwest::StatusCode;
use reqwest::multipart::{Form, Part};
use serde_json::{Value, json};

use crate::helpers::{TestApp, error_code, spawn_app, spawn_app_with};

pub const PDF: &[u8] =
    b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

pub(crate) fn resource(title: &str, language: &str, body: &str) -> Value {
    json!({
        "kind": "good_practice",
        "title": title,
        "summary": format!("Summary of {title}"),
        "body": body,
        "language": language,
        "strategies": ["education"],
        "countries": ["KEN"],
        "tags": ["schools"],
        "links": ["https://example.org/guide"],
        "visibility": "public",
    })
}

pub(crate) async fn send(request: reqwest::RequestBuilder) -> (StatusCode, Value, Option<String>) {
    let response = request.send().await.expect("request");
    let status = response.status();
    let etag = response
        .headers()
        .get("etag")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    (status, response.json().await.unwrap_or(Value::Null), etag)
}

pub(crate) async fn create(app: &TestApp, token: &str, body: &Value) -> Value {
    let (status, created, etag) =
        send(app.post("/api/v1/resources").bearer_auth(token).json(body)).await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    assert_eq!(
        etag.as_deref(),
        Some(format!("\"{}\"", created["revision"]).as_str())
    );
    created
}

async fn get(app: &TestApp, token: Option<&str>, path: &str) -> (StatusCode, Value) {
    let mut request = app.get(path);
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let (status, body, _) = send(request).await;
    (status, body)
}

/// A moderation step with the resource's current revision.
async fn step(
    app: &TestApp,
    token: &str,
    resource: &Value,
    step: &str,
    body: Option<Value>,
) -> (StatusCode, Value) {
    let id = resource["id"].as_str().expect("id");
    let mut request = app
        .post(&format!("/api/v1/resources/{id}/{step}"))
        .bearer_auth(token)
        .header("If-Match", format!("\"{}\"", resource["revision"]));
    if let Some(body) = body {
        request = request.json(&body);
    }
    let (status, body, _) = send(request).await;
    (status, body)
}

pub(crate) async fn publish(app: &TestApp, token: &str, resource: &Value) -> Value {
    let (status, published) = step(app, token, resource, "publish", None).await;
    assert_eq!(status, StatusCode::OK, "{published}");
    assert_eq!(published["status"], "published");
    published
}

async fn search(app: &TestApp, token: Option<&str>, query: &str) -> Value {
    let (status, found) = get(app, token, &format!("/api/v1/search?{query}")).await;
    assert_eq!(status, StatusCode::OK, "{found}");
    found
}

fn titles(found: &Value) -> Vec<String> {
    found["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|hit| {
            hit["resource"]["title"]
                .as_str()
                .unwrap_or_default()
                .to_owned()
        })
        .collect()
}

async fn upload(
    app: &TestApp,
    token: &str,
    id: &str,
    name: &str,
    bytes: Vec<u8>,
) -> reqwest::Response {
    let form = Form::new().part("file", Part::bytes(bytes).file_name(name.to_owned()));
    app.post(&format!("/api/v1/resources/{id}/files"))
        .bearer_auth(token)
        .multipart(form)
        .send()
        .await
        .expect("request")
}

#[tokio::test]
async fn a_shared_resource_waits_for_moderation_then_anyone_finds_it_without_accents() {
    let app = spawn_app().await;
    let (author, author_token) = app.signed_in(Role::CountryFocalPoint, Some("KEN")).await;
    let (_, other_token) = app.signed_in(Role::CountryFocalPoint, Some("COL")).await;
    let (_, secretariat) = app.signed_in(Role::Secretariat, None).await;

    let created = create(
        &app,
        &author_token,
        &resource(
            "Écoles sûres : prévenir les violences",
            "fr",
            "Les **écoles** protègent les enfants.\n\n[x](javascript:alert(1))\n\n<script>alert(1)</script>",
        ),
    )
    .await;
    let id = created["id"].as_str().expect("id").to_owned();
    assert_eq!(created["status"], "pending");
    assert_eq!(created["author"]["id"], author.id.to_string());
    assert_eq!(
        created["permissions"],
        json!({"edit": true, "moderate": false})
    );
    let html = created["body_html"].as_str().expect("html");
    assert!(html.contains("<strong>écoles</strong>"), "{html}");
    assert!(
        !html.contains("<script") && !html.contains("href=\"javascript"),
        "{html}"
    );

    // Waiting: only its author and the moderators see it, on every path.
    assert_eq!(
        get(&app, Some(&other_token), &format!("/api/v1/resources/{id}"))
            .await
            .0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        get(&app, None, &format!("/api/v1/resources/{id}")).await.0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        search(&app, Some(&other_token), "q=ecoles").await["total"],
        0
    );
    let (_, queue) = get(&app, Some(&secretariat), "/api/v1/moderation-queue").await;
    assert_eq!(queue["total"], 1);
    assert_eq!(queue["items"][0]["id"], id.as_str());
    assert_eq!(queue["items"][0]["permissions"]["moderate"], true);
    let (_, nothing) = get(&app, Some(&other_token), "/api/v1/moderation-queue").await;
    assert_eq!(nothing["total"], 0);

    // The author cannot publish their own; a stale revision is refused; the secretariat publishes.
    assert_eq!(
        step(&app, &author_token, &created, "publish", None).await.0,
        StatusCode::FORBIDDEN
    );
    let mut stale = created.clone();
    stale["revision"] = json!(99);
    assert_eq!(
        step(&app, &secretariat, &stale, "publish", None).await.0,
        StatusCode::PRECONDITION_FAILED
    );
    let published = publish(&app, &secretariat, &created).await;
    assert!(published["published_at"].is_string());
    assert_eq!(
        step(&app, &secretariat, &published, "publish", None)
            .await
            .0,
        StatusCode::CONFLICT
    );

    // Found by another member, and by a visitor, without accents and by another ending.
    for query in [
        "q=ecoles%20surs%20violence",
        "q=ECOLE",
        "q=violences",
        "q=prevenir",
    ] {
        let found = search(&app, Some(&other_token), query).await;
        assert_eq!(
            titles(&found),
            ["Écoles sûres : prévenir les violences"],
            "{query}"
        );
        assert!(found["items"][0]["score"].as_f64().expect("score") > 0.0);
    }
    let found = search(&app, None, "q=ecoles").await;
    assert_eq!(found["total"], 1);
    let snippet = found["items"][0]["snippet"].as_str().expect("snippet");
    assert!(snippet.contains("<mark>"), "{snippet}");
    assert!(!snippet.contains("<script"), "{snippet}");
    assert_eq!(found["facets"]["kind"]["good_practice"], 1);
    assert_eq!(found["facets"]["language"]["fr"], 1);
    assert_eq!(found["facets"]["strategy"]["education"], 1);
    assert_eq!(found["facets"]["country"]["KEN"], 1);
    assert_eq!(search(&app, None, "q=ecoles&kind=tool").await["total"], 0);
    assert_eq!(search(&app, None, "q=ecoles&language=en").await["total"], 0);

    // Its page counts views; lists show it; the history tells the story.
    let (status, page) = get(&app, None, &format!("/api/v1/resources/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        page["permissions"],
        json!({"edit": false, "moderate": false})
    );
    let (_, again) = get(&app, Some(&other_token), &format!("/api/v1/resources/{id}")).await;
    assert_eq!(
        again["views"].as_i64(),
        Some(page["views"].as_i64().expect("views") + 1)
    );
    let (_, latest) = get(&app, None, "/api/v1/resources?sort=most_viewed").await;
    assert_eq!(latest["total"], 1);
    let (_, history) = get(
        &app,
        Some(&author_token),
        &format!("/api/v1/resources/{id}/history"),
    )
    .await;
    let events: Vec<&str> = history["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|e| e["event"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(events, ["resource.submitted", "resource.approved"]);
}

#[tokio::test]
async fn a_returned_resource_carries_the_comment_and_comes_back_after_changes() {
    let app = spawn_app().await;
    let (_, author) = app.signed_in(Role::CountryContributor, Some("KEN")).await;
    let (_, secretariat) = app.signed_in(Role::Secretariat, None).await;
    let created = create(&app, &author, &resource("Parenting guide", "en", "Draft")).await;
    let id = created["id"].as_str().expect("id").to_owned();

    let (status, _) = step(
        &app,
        &secretariat,
        &created,
        "return",
        Some(json!({"comment": "  "})),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, returned) = step(
        &app,
        &secretariat,
        &created,
        "return",
        Some(json!({"comment": "Cite the evaluation, please."})),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{returned}");
    assert_eq!(returned["status"], "returned");
    let (_, comments) = get(
        &app,
        Some(&author),
        &format!("/api/v1/resources/{id}/comments"),
    )
    .await;
    assert_eq!(comments["items"][0]["body"], "Cite the evaluation, please.");

    // The author changes it (If-Match required) and sends it again.
    let response = app
        .put(&format!("/api/v1/resources/{id}"))
        .bearer_auth(&author)
        .json(&resource("Parenting guide", "en", "With the evaluation"))
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), StatusCode::PRECONDITION_REQUIRED);
    let (status, changed, _) = send(
        app.put(&format!("/api/v1/resources/{id}"))
            .bearer_auth(&author)
            .header("If-Match", format!("\"{}\"", returned["revision"]))
            .json(&resource(
                "Parenting guide (evaluated)",
                "en",
                "With the evaluation",
            )),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{changed}");
    assert_eq!(changed["title"], "Parenting guide (evaluated)");
    let (status, resubmitted) = step(&app, &author, &changed, "submit", None).await;
    assert_eq!(status, StatusCode::OK, "{resubmitted}");
    assert_eq!(resubmitted["status"], "pending");

    // Archived: nothing moves any more.
    let (status, archived) = step(&app, &secretariat, &resubmitted, "archive", None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(archived["status"], "archived");
    let (status, _) = step(&app, &secretariat, &archived, "archive", None).await;
    assert_eq!(status, StatusCode::CONFLICT);
}

#[tokio::test]
async fn editing_a_published_resource_proposes_a_revision_while_it_stays_visible() {
    let app = spawn_app().await;
    let (_, author) = app.signed_in(Role::CountryFocalPoint, Some("KEN")).await;
    let (_, reader) = app.signed_in(Role::Partner, None).await;
    let (_, secretariat) = app.signed_in(Role::Secretariat, None).await;
    let created = create(
        &app,
        &author,
        &resource("Helpline toolkit", "en", "First edition"),
    )
    .await;
    let id = created["id"].as_str().expect("id").to_owned();
    let published = publish(&app, &secretariat, &created).await;

    let (status, revision, _) = send(
        app.put(&format!("/api/v1/resources/{id}"))
            .bearer_auth(&author)
            .header("If-Match", format!("\"{}\"", published["revision"]))
            .json(&resource(
                "Helpline toolkit, second edition",
                "en",
                "Second edition",
            )),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{revision}");
    assert_eq!(revision["revision_of"], id.as_str());
    assert_eq!(revision["status"], "pending");
    let revision_id = revision["id"].as_str().expect("id").to_owned();

    // The published one is unchanged for readers; its author sees the change waiting.
    let (_, seen) = get(&app, Some(&reader), &format!("/api/v1/resources/{id}")).await;
    assert_eq!(seen["title"], "Helpline toolkit");
    assert_eq!(seen["pending_revision"], Value::Null);
    let (_, own) = get(&app, Some(&author), &format!("/api/v1/resources/{id}")).await;
    assert_eq!(own["pending_revision"], revision_id.as_str());
    assert_eq!(
        get(
            &app,
            Some(&reader),
            &format!("/api/v1/resources/{revision_id}")
        )
        .await
        .0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        titles(&search(&app, Some(&reader), "q=helpline").await),
        ["Helpline toolkit"]
    );

    // One proposed change at a time.
    let (status, _, _) = send(
        app.put(&format!("/api/v1/resources/{id}"))
            .bearer_auth(&author)
            .header("If-Match", format!("\"{}\"", own["revision"]))
            .json(&resource("Third", "en", "x")),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);

    // Published, the change replaces the content at the same address.
    let (status, merged) = step(&app, &secretariat, &revision, "publish", None).await;
    assert_eq!(status, StatusCode::OK, "{merged}");
    assert_eq!(merged["id"], id.as_str());
    assert_eq!(merged["title"], "Helpline toolkit, second edition");
    assert!(merged["revision"].as_i64() > published["revision"].as_i64());
    assert_eq!(
        titles(&search(&app, Some(&reader), "q=helpline").await),
        ["Helpline toolkit, second edition"]
    );
    assert_eq!(search(&app, Some(&reader), "q=first").await["total"], 0);
    let (_, history) = get(
        &app,
        Some(&author),
        &format!("/api/v1/resources/{id}/history"),
    )
    .await;
    assert_eq!(
        history["items"]
            .as_array()
            .expect("items")
            .last()
            .expect("entry")["event"],
        "resource.updated"
    );
}

#[tokio::test]
async fn confidential_content_never_leaves_on_any_path() {
    let app = spawn_app().await;
    let (_, secretariat) = app.signed_in(Role::Secretariat, None).await;
    let (author, author_token) = app.signed_in(Role::CountryFocalPoint, Some("KEN")).await;
    let (insider_user, insider) = app.signed_in(Role::CountryFocalPoint, Some("GHA")).await;
    let (_, outsider) = app.signed_in(Role::CountryFocalPoint, Some("COL")).await;

    // A group with the author and one more member.
    let (status, group, _) = send(
        app.post("/api/v1/groups")
            .bearer_auth(&secretariat)
            .json(&json!({"name": "Online safety", "description": "Protecting children online"})),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    let group_id = group["id"].as_str().expect("id").to_owned();
    for email in [author.email.as_str(), insider_user.email.as_str()] {
        let (status, _, _) = send(
            app.post(&format!("/api/v1/groups/{group_id}/members"))
                .bearer_auth(&secretariat)
                .json(&json!({"user_email": email, "role": "member"})),
        )
        .await;
        assert_eq!(status, StatusCode::CREATED);
    }

    // One resource per tier, each with a file, all published.
    let mut ids = Vec::new();
    for (tier, group) in [
        ("public", None),
        ("members", None),
        ("group", Some(group_id.clone())),
    ] {
        let mut body = resource(
            &format!("Cyberbullying {tier} note"),
            "en",
            "Online safety at school",
        );
        body["visibility"] = json!(tier);
        body["group_id"] = json!(group);
        let created = create(&app, &author_token, &body).await;
        let id = created["id"].as_str().expect("id").to_owned();
        let response = upload(
            &app,
            &author_token,
            &id,
            &format!("{tier}.pdf"),
            PDF.to_vec(),
        )
        .await;
        assert_eq!(response.status(), StatusCode::CREATED);
        let file: Value = response.json().await.expect("json");
        let (_, current) = get(
            &app,
            Some(&author_token),
            &format!("/api/v1/resources/{id}"),
        )
        .await;
        publish(&app, &secretariat, &current).await;
        ids.push((tier, id, file["id"].as_str().expect("file id").to_owned()));
    }

    // Who sees which tier: a visitor the public one, any member two, the group's members and
    // the secretariat all three.
    let readers: [(&str, Option<&str>, usize); 4] = [
        ("visitor", None, 1),
        ("outsider", Some(&outsider), 2),
        ("group member", Some(&insider), 3),
        ("secretariat", Some(&secretariat), 3),
    ];
    for (who, token, visible) in readers {
        let found = search(&app, token, "q=cyberbullying").await;
        assert_eq!(found["total"], visible, "{who}: search total");
        assert_eq!(
            found["items"].as_array().expect("items").len(),
            visible,
            "{who}: hits"
        );
        assert_eq!(
            found["facets"]["kind"]["good_practice"], visible,
            "{who}: facet counts"
        );
        assert_eq!(
            search(&app, token, "").await["total"],
            visible,
            "{who}: browse"
        );
        let (_, list) = get(&app, token, "/api/v1/resources").await;
        assert_eq!(list["total"], visible, "{who}: list");
        for (i, (tier, id, file)) in ids.iter().enumerate() {
            let allowed = i < visible;
            let expected = if allowed {
                StatusCode::OK
            } else {
                StatusCode::NOT_FOUND
            };
            assert_eq!(
                get(&app, token, &format!("/api/v1/resources/{id}")).await.0,
                expected,
                "{who}: {tier} page"
            );
            let mut download = app.get(&format!("/api/v1/resources/{id}/files/{file}"));
            if let Some(token) = token {
                download = download.bearer_auth(token);
            }
            let response = download.send().await.expect("request");
            assert_eq!(response.status(), expected, "{who}: {tier} file");
            if allowed {
                assert_eq!(response.headers()["content-type"], "application/pdf");
                assert!(
                    response.headers()["content-disposition"]
                        .to_str()
                        .expect("ascii")
                        .starts_with("attachment")
                );
                assert_eq!(response.headers()["x-content-type-options"], "nosniff");
                assert_eq!(response.bytes().await.expect("bytes").as_ref(), PDF);
            }
            if let Some(token) = token {
                let comments = get(
                    &app,
                    Some(token),
                    &format!("/api/v1/resources/{id}/comments"),
                )
                .await
                .0;
                assert_eq!(comments, expected, "{who}: {tier} comments");
                let history = get(
                    &app,
                    Some(token),
                    &format!("/api/v1/resources/{id}/history"),
                )
                .await
                .0;
                assert_eq!(history, expected, "{who}: {tier} history");
            }
        }
    }
    // Filtering by a group one is not in finds nothing, and says nothing about it.
    assert_eq!(
        search(
            &app,
            Some(&outsider),
            &format!("q=cyberbullying&group={group_id}")
        )
        .await["total"],
        0
    );
    assert_eq!(
        search(
            &app,
            Some(&insider),
            &format!("q=cyberbullying&group={group_id}")
        )
        .await["total"],
        1
    );
    // Outsiders cannot share with the group.
    let mut body = resource("Not mine to share", "en", "x");
    body["visibility"] = json!("group");
    body["group_id"] = json!(group_id);
    let (status, _, _) = send(
        app.post("/api/v1/resources")
            .bearer_auth(&outsider)
            .json(&body),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_group_moderator_moderates_the_group_content_only() {
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
        send(
            app.post(&format!("/api/v1/groups/{group_id}/members"))
                .bearer_auth(&secretariat)
                .json(&json!({"user_email": email, "role": role})),
        )
        .await;
    }
    let mut body = resource("Group tip", "en", "x");
    body["visibility"] = json!("group");
    body["group_id"] = json!(group_id);
    let in_group = create(&app, &author_token, &body).await;
    let alliance = create(&app, &author_token, &resource("Alliance tip", "en", "x")).await;

    let (_, queue) = get(&app, Some(&moderator_token), "/api/v1/moderation-queue").await;
    assert_eq!(queue["total"], 1);
    assert_eq!(queue["items"][0]["title"], "Group tip");
    assert_eq!(
        step(&app, &moderator_token, &alliance, "publish", None)
            .await
            .0,
        StatusCode::NOT_FOUND
    );
    let published = publish(&app, &moderator_token, &in_group).await;
    assert_eq!(published["group_name"], "Parenting");
}

#[tokio::test]
async fn uploads_are_checked_by_their_bytes() {
    let app = spawn_app().await;
    let (_, author) = app.signed_in(Role::CountryFocalPoint, Some("KEN")).await;
    let (_, other) = app.signed_in(Role::CountryFocalPoint, Some("COL")).await;
    let created = create(&app, &author, &resource("Files", "en", "x")).await;
    let id = created["id"].as_str().expect("id").to_owned();

    let executable = b"MZ\x90\0\x03\0\0\0\x04\0\0\0\xff\xff".to_vec();
    let cases: [(&str, Vec<u8>, StatusCode, &str); 5] = [
        (
            "report.pdf",
            executable,
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
        ),
        (
            "page.pdf",
            b"<!DOCTYPE html><script>alert(1)</script>".to_vec(),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
        ),
        (
            "cut.pdf",
            PDF[..30].to_vec(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
        ),
        (
            "empty.pdf",
            Vec::new(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
        ),
        (
            "big.pdf",
            {
                let mut big = PDF.to_vec();
                big.resize(26 * 1024 * 1024, b' ');
                big
            },
            StatusCode::PAYLOAD_TOO_LARGE,
            "payload_too_large",
        ),
    ];
    for (name, bytes, status, code) in cases {
        let response = upload(&app, &author, &id, name, bytes).await;
        assert_eq!(response.status(), status, "{name}");
        assert_eq!(error_code(response).await, code, "{name}");
    }
    // Not multipart, and no `file` part.
    let response = app
        .post(&format!("/api/v1/resources/{id}/files"))
        .bearer_auth(&author)
        .body(PDF.to_vec())
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let form = Form::new().text("other", "x");
    let response = app
        .post(&format!("/api/v1/resources/{id}/files"))
        .bearer_auth(&author)
        .multipart(form)
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    // Nothing was kept of all that: no row, no file.
    let (_, page) = get(&app, Some(&author), &format!("/api/v1/resources/{id}")).await;
    assert_eq!(page["files"], json!([]));
    let stored: usize = walk(&app.state.config.files.dir);
    assert_eq!(stored, 0, "no file left behind");

    // Someone else's resource: hidden; a real PDF: kept, listed, and removable.
    assert_eq!(
        upload(&app, &other, &id, "a.pdf", PDF.to_vec())
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    let response = upload(&app, &author, &id, "Évaluation finale.pdf", PDF.to_vec()).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let file: Value = response.json().await.expect("json");
    assert_eq!(file["content_type"], "application/pdf");
    assert_eq!(file["size"], PDF.len());
    let response = app
        .get(&format!(
            "/api/v1/resources/{id}/files/{}",
            file["id"].as_str().expect("id")
        ))
        .bearer_auth(&author)
        .send()
        .await
        .expect("request");
    let disposition = response.headers()["content-disposition"]
        .to_str()
        .expect("ascii")
        .to_owned();
    assert!(
        disposition.contains("filename*=UTF-8''%C3%89valuation"),
        "{disposition}"
    );
    assert_eq!(walk(&app.state.config.files.dir), 1);
    let response = app
        .delete(&format!(
            "/api/v1/resources/{id}/files/{}",
            file["id"].as_str().expect("id")
        ))
        .bearer_auth(&author)
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    assert_eq!(walk(&app.state.config.files.dir), 0);
}

/// How many files are under `dir`.
fn walk(dir: &std::path::Path) -> usize {
    std::fs::read_dir(dir).map_or(0, |entries| {
        entries
            .filter_map(Result::ok)
            .map(|e| {
                let path = e.path();
                if path.is_dir() {
                    walk(&path)
                } else {
                    usize::from(
                        !path
                            .file_name()
                            .is_some_and(|n| n.to_string_lossy().starts_with('.')),
                    )
                }
            })
            .sum()
    })
}

#[tokio::test]
async fn search_ranks_in_french_english_and_spanish() {
    let app = spawn_app().await;
    let (_, author) = app.signed_in(Role::CountryFocalPoint, Some("KEN")).await;
    let (_, secretariat) = app.signed_in(Role::Secretariat, None).await;
    let fixture = [
        (
            "Écoles sans violence",
            "fr",
            "Les écoles protègent les enfants contre la violence à l'école.",
        ),
        (
            "Soutien aux parents",
            "fr",
            "Des visites à domicile pour les familles.",
        ),
        (
            "Positive parenting programmes",
            "en",
            "Parents learn non-violent discipline.",
        ),
        (
            "Safe schools toolkit",
            "en",
            "Teachers and school staff prevent bullying.",
        ),
        (
            "Niños protegidos en la escuela",
            "es",
            "Programas para que cada niño esté seguro.",
        ),
        ("Violencia en línea", "es", "Prevenir el acoso en internet."),
    ];
    for (title, language, body) in fixture {
        let created = create(&app, &author, &resource(title, language, body)).await;
        publish(&app, &secretariat, &created).await;
    }
    let expectations = [
        ("q=ecole", "Écoles sans violence"),
        ("q=parenting", "Positive parenting programmes"),
        ("q=parents", "Positive parenting programmes"),
        ("q=ninos", "Niños protegidos en la escuela"),
        ("q=nino%20escuela", "Niños protegidos en la escuela"),
        ("q=acoso", "Violencia en línea"),
        ("q=school", "Safe schools toolkit"),
        ("q=familles", "Soutien aux parents"),
    ];
    for (query, top) in expectations {
        let found = search(&app, Some(&author), query).await;
        assert_eq!(
            titles(&found).first().map(String::as_str),
            Some(top),
            "{query}: {:?}",
            titles(&found)
        );
    }
    // The title weighs more than the body.
    let found = search(&app, Some(&author), "q=violence").await;
    assert_eq!(
        titles(&found).first().map(String::as_str),
        Some("Écoles sans violence")
    );
    // Paging: two pages of three, newest first when there are no words.
    let first = search(&app, None, "per_page=3").await;
    let second = search(&app, None, "per_page=3&page=2").await;
    assert_eq!(
        (first["total"].as_u64(), second["total"].as_u64()),
        (Some(6), Some(6))
    );
    assert_eq!(titles(&first)[0], "Violencia en línea");
    let mut all = titles(&first);
    all.extend(titles(&second));
    all.sort();
    all.dedup();
    assert_eq!(all.len(), 6);
    assert_eq!(
        first["facets"]["language"],
        json!({"en": 2, "es": 2, "fr": 2})
    );
    // Bad input is told, not failed on.
    let (status, _) = get(&app, None, "/api/v1/search?kind=poem").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let found = search(&app, None, "q=%22unbalanced%20AND%20(").await;
    assert!(found["total"].is_u64());
}

#[tokio::test]
async fn bad_resources_get_field_errors_and_nothing_is_kept() {
    let app = spawn_app().await;
    let (_, author) = app.signed_in(Role::CountryFocalPoint, Some("KEN")).await;
    let mut body = resource("", "xx", "x");
    body["strategies"] = json!(["astrology"]);
    body["links"] = json!(["javascript:alert(1)"]);
    body["visibility"] = json!("group");
    let (status, error, _) = send(
        app.post("/api/v1/resources")
            .bearer_auth(&author)
            .json(&body),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields: Vec<&str> = error["error"]["details"]
        .as_array()
        .expect("details")
        .iter()
        .map(|d| d["field"].as_str().unwrap_or_default())
        .collect();
    for field in ["title", "language", "strategies[0]", "links[0]", "group_id"] {
        assert!(fields.contains(&field), "{field} in {fields:?}");
    }
    let mut unknown_group = resource("Lost", "en", "x");
    unknown_group["visibility"] = json!("group");
    unknown_group["group_id"] = json!(uuid::Uuid::now_v7());
    let (status, error, _) = send(
        app.post("/api/v1/resources")
            .bearer_auth(&author)
            .json(&unknown_group),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error["error"]["details"][0]["code"], "unknown_group");
    let (_, mine) = get(&app, Some(&author), "/api/v1/moderation-queue").await;
    assert_eq!(mine["total"], 0);
    // The preview renders what the page will show, sanitised.
    let (status, preview, _) = send(
        app.post("/api/v1/markdown-preview")
            .bearer_auth(&author)
            .json(&json!({"markdown": "# Titre\n<img src=x onerror=alert(1)>"})),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let html = preview["html"].as_str().expect("html");
    assert!(
        html.contains("<h1>Titre</h1>") && !html.contains("onerror"),
        "{html}"
    );
}

/// A server's search index survives its death: what was written before is found after.
#[tokio::test]
async fn the_index_catches_up_after_a_kill_and_a_restart() {
    use crate::helpers::Binary;
    let binary = Binary::new(&[]).await;
    binary.seed_demo();
    let (mut child, _) = binary.serve(Stdio::null()).await;
    let client = reqwest::Client::new();
    let login = |email: &str| {
        client
            .post(format!("{}/api/v1/auth/login", binary.base))
            .json(&json!({"email": email, "password": "pioneer-demo-2026"}))
            .send()
    };
    let token = |response: reqwest::Response| async move {
        let body: Value = response.json().await.expect("json");
        body["access_token"].as_str().expect("token").to_owned()
    };
    let author = token(login("focal.ken@pioneer.test").await.expect("login")).await;
    let secretariat = token(login("secretariat@pioneer.test").await.expect("login")).await;
    let created: Value = client
        .post(format!("{}/api/v1/resources", binary.base))
        .bearer_auth(&author)
        .json(&resource("Kintsugi helpline", "en", "Phone support"))
        .send()
        .await
        .expect("create")
        .json()
        .await
        .expect("json");
    let id = created["id"].as_str().expect("id");
    let response = client
        .post(format!("{}/api/v1/resources/{id}/publish", binary.base))
        .bearer_auth(&secretariat)
        .header("If-Match", "\"1\"")
        .send()
        .await
        .expect("publish");
    assert_eq!(response.status(), StatusCode::OK);
    child.kill().expect("killed");
    child.wait().expect("dead");

    let (mut child, _) = binary.serve(Stdio::null()).await;
    let found: Value = client
        .get(format!("{}/api/v1/search?q=kintsugi", binary.base))
        .send()
        .await
        .expect("search")
        .json()
        .await
        .expect("json");
    child.kill().ok();
    child.wait().ok();
    assert_eq!(titles(&found), ["Kintsugi helpline"]);
}

struct S3Server(std::process::Child);

impl Drop for S3Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// moto in server mode on loopback (tools/s3/server), with one bucket.
async fn start_s3(bucket: &str) -> (S3Server, String) {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .expect("port")
        .local_addr()
        .expect("addr")
        .port();
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tools/s3/server");
    let child = std::process::Command::new(script)
        .arg(port.to_string())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("tools/s3/server starts");
    let server = S3Server(child);
    let endpoint = format!("http://127.0.0.1:{port}");
    let client = reqwest::Client::new();
    for _ in 0..1800 {
        if let Ok(response) = client.put(format!("{endpoint}/{bucket}")).send().await
            && response.status().is_success()
        {
            return (server, endpoint);
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the S3 server did not answer on {port} within 180 s");
}

#[tokio::test]
async fn files_live_in_s3_compatible_storage_when_configured() {
    let (_s3, endpoint) = start_s3("pioneer-files").await;
    let app = spawn_app_with(|config| {
        config.files = FilesConfig {
            dir: std::path::PathBuf::from("/nonexistent"),
            s3: Some(S3Config {
                bucket: "pioneer-files".into(),
                endpoint: Some(endpoint.clone()),
                region: "us-east-1".into(),
                access_key_id: "testing".into(),
                secret_access_key: "testing".into(),
            }),
        };
    })
    .await;
    let (_, author) = app.signed_in(Role::CountryFocalPoint, Some("KEN")).await;
    let (_, reader) = app.signed_in(Role::CountryFocalPoint, Some("COL")).await;
    let (_, secretariat) = app.signed_in(Role::Secretariat, None).await;
    let created = create(&app, &author, &resource("Stored in S3", "en", "x")).await;
    let id = created["id"].as_str().expect("id").to_owned();
    let lying = upload(&app, &author, &id, "x.pdf", b"MZ\x90\0".to_vec()).await;
    assert_eq!(lying.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let response = upload(&app, &author, &id, "guide.pdf", PDF.to_vec()).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let file: Value = response.json().await.expect("json");
    let (_, current) = get(&app, Some(&author), &format!("/api/v1/resources/{id}")).await;
    publish(&app, &secretariat, &current).await;
    let response = app
        .get(&format!(
            "/api/v1/resources/{id}/files/{}",
            file["id"].as_str().expect("id")
        ))
        .bearer_auth(&reader)
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.bytes().await.expect("bytes").as_ref(), PDF);
    // The object is in the bucket, under the resource.
    let listing = reqwest::get(format!("{endpoint}/pioneer-files?list-type=2"))
        .await
        .expect("list")
        .text()
        .await
        .expect("text");
    assert!(listing.contains(&format!("resources/{id}/")), "{listing}");
}

/// Two replicas of one database, each with its own index: what one publishes, the other finds
/// within moments, without being told (it follows the log).
#[tokio::test]
async fn replicas_each_keep_an_index_and_converge() {
    let a = spawn_app().await;
    let b = a.spawn_replica(|_| {}).await;
    let (_, author) = a.signed_in(Role::CountryFocalPoint, Some("KEN")).await;
    let (_, secretariat) = a.signed_in(Role::Secretariat, None).await;
    let created = create(&a, &author, &resource("Mangrove safe spaces", "en", "x")).await;
    let published = publish(&a, &secretariat, &created).await;
    assert_eq!(
        search(&a, None, "q=mangrove").await["total"],
        1,
        "its own write, at once"
    );
    let mut seen = 0;
    for _ in 0..100 {
        seen = search(&b, None, "q=mangrove").await["total"]
            .as_u64()
            .unwrap_or_default();
        if seen == 1 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(seen, 1, "the other replica follows within 5 s");
    // Archived on the other replica: gone from the first one's results too.
    let (status, _) = step(&b, &secretariat, &published, "archive", None).await;
    assert_eq!(status, StatusCode::OK);
    let mut left = 1;
    for _ in 0..100 {
        left = search(&a, None, "q=mangrove").await["total"]
            .as_u64()
            .unwrap_or(1);
        if left == 0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(left, 0);
}
