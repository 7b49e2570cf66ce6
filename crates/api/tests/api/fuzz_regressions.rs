//! Bugs that fuzzing the API from its own spec found (tools/schemathesis/run), one test each.

use pioneer_domain::Role;
use reqwest::{Method, StatusCode};
use serde_json::Value;

use crate::helpers::{error_code, spawn_app};

/// A page number near `u64::MAX` made an offset that does not fit the database's signed
/// integer: the SQLite driver panicked and the connection was dropped without an answer.
#[tokio::test]
async fn a_huge_page_number_is_a_422_not_a_dropped_connection() {
    let app = spawn_app().await;
    let (_, token) = app.signed_in(Role::Admin, None).await;
    for path in [
        "/api/v1/roadmaps?page=9223372036854775807",
        "/api/v1/users?page=18446744073709551615&per_page=100",
        "/api/v1/api-tokens?page=1000001",
        "/api/v1/roadmaps?page=9223372036854775808&per_page=1",
    ] {
        let response = app.get(path).bearer_auth(&token).send().await.unwrap();
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{path}"
        );
        let body: Value = response.json().await.unwrap();
        assert_eq!(body["error"]["code"], "validation_failed", "{path}");
        assert_eq!(body["error"]["details"][0]["field"], "page", "{path}");
    }
    let last = app
        .get("/api/v1/roadmaps?page=1000000&per_page=100")
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(
        last.status(),
        StatusCode::OK,
        "the last allowed page answers"
    );
}

/// A documented path called with a method it does not have answered 404 (under /api/v1) or a
/// bare 405 without `Allow` (the probes); RFC 9110 wants 405 with `Allow`.
#[tokio::test]
async fn a_known_path_with_an_unknown_method_is_a_405_with_allow() {
    let app = spawn_app().await;
    let (_, token) = app.signed_in(Role::Admin, None).await;
    let cases = [
        (Method::PUT, "/api/v1/users", "GET, POST"),
        (Method::DELETE, "/api/v1/roadmaps", "GET, POST"),
        (
            Method::PUT,
            "/api/v1/roadmaps/0190c1a2-0000-7000-8000-000000000000/priorities/x",
            "PATCH, DELETE",
        ),
        (Method::TRACE, "/health", "GET"),
        (Method::POST, "/ready", "GET"),
        (Method::GET, "/api/v1/auth/login", "POST"),
    ];
    for (method, path, allow) in cases {
        let response = app
            .client
            .request(method.clone(), app.url(path))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap();
        assert_eq!(
            response.status(),
            StatusCode::METHOD_NOT_ALLOWED,
            "{method} {path}"
        );
        assert_eq!(response.headers()["allow"], allow, "{method} {path}");
        assert_eq!(error_code(response).await, "method_not_allowed");
    }
    // Paths the spec does not know stay JSON 404s.
    let unknown = app
        .client
        .request(Method::PUT, app.url("/api/v1/no-such-thing"))
        .send()
        .await
        .unwrap();
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
    assert_eq!(error_code(unknown).await, "not_found");
    // The documented methods still reach their handlers.
    let health = app.get("/health").send().await.unwrap();
    assert_eq!(health.status(), StatusCode::OK);
}

/// The spec left out answers that the extractors give before any handler runs (401 for a
/// missing token, 400/413/415/422 for a body, 422 for paging) and the 403 a country team's
/// roadmap writes give to other roles.
#[test]
fn the_spec_documents_every_answer_the_extractors_and_the_policy_give() {
    let spec = serde_json::to_value(pioneer_api::openapi::spec()).unwrap();
    let paths = spec["paths"].as_object().unwrap();
    for (path, item) in paths {
        for (method, operation) in item.as_object().unwrap() {
            let responses = operation["responses"].as_object().unwrap();
            let has = |status: &str| responses.contains_key(status);
            let label = format!("{method} {path}");
            if operation.get("security").is_some() {
                assert!(has("401"), "{label}: 401");
            }
            if operation.get("requestBody").is_some() {
                for status in ["400", "413", "415", "422"] {
                    assert!(has(status), "{label}: {status}");
                }
            }
            let params = operation["parameters"]
                .as_array()
                .cloned()
                .unwrap_or_default();
            if params.iter().any(|p| p["name"] == "per_page") {
                assert!(has("422"), "{label}: 422");
            }
            if params.iter().any(|p| p["in"] == "path") {
                assert!(has("404"), "{label}: 404");
            }
            let roadmap_write = path.starts_with("/api/v1/roadmaps/{id}")
                && params.iter().any(|p| p["name"] == "If-Match");
            if roadmap_write {
                assert!(has("403"), "{label}: 403");
            }
        }
    }
}

/// An admin sees every roadmap but does not edit a country team's parts: 403, as now documented.
#[tokio::test]
async fn editing_a_part_of_a_visible_roadmap_without_the_right_is_a_403() {
    let app = spawn_app().await;
    let (_, focal) = app.signed_in(Role::CountryFocalPoint, Some("KEN")).await;
    let (_, admin) = app.signed_in(Role::Admin, None).await;
    let created = app
        .post("/api/v1/roadmaps")
        .bearer_auth(&focal)
        .json(&serde_json::json!({"title": "Roadmap", "period_start": 2025, "period_end": 2027}))
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), StatusCode::CREATED);
    let etag = created.headers()["etag"].to_str().unwrap().to_owned();
    let roadmap: Value = created.json().await.unwrap();
    let id = roadmap["id"].as_str().unwrap();
    let response = app
        .post(&format!("/api/v1/roadmaps/{id}/priorities"))
        .bearer_auth(&admin)
        .header("If-Match", etag)
        .json(&serde_json::json!({"title": "A priority"}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert_eq!(error_code(response).await, "forbidden");
}

/// A NUL character in a text is the client's mistake, never a server error or an "unavailable"
/// database: PostgreSQL cannot store it (422 `invalid_text`, nothing written); SQLite can.
#[tokio::test]
async fn a_nul_character_in_a_text_is_not_a_server_error() {
    let app = spawn_app().await;
    let (_, focal) = app.signed_in(Role::CountryFocalPoint, Some("KEN")).await;
    let response = app
        .post("/api/v1/roadmaps")
        .bearer_auth(&focal)
        .json(&serde_json::json!({"title": "Roadmap\u{0}2030", "period_start": 2025, "period_end": 2030}))
        .send()
        .await
        .unwrap();
    let status = response.status();
    if crate::helpers::on_postgres() {
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(error_code(response).await, "invalid_text");
        let list: Value = app
            .get("/api/v1/roadmaps")
            .bearer_auth(&focal)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(list["total"], 0, "nothing was written");
    } else {
        assert_eq!(status, StatusCode::CREATED);
    }
}

/// `{"message": null}` asked to join a group (200): its schema says a string. A null is now
/// refused like any other wrong type, and no request is written.
#[tokio::test]
async fn a_null_join_message_is_refused_and_writes_nothing() {
    let app = spawn_app().await;
    let (_, secretariat) = app.signed_in(Role::Secretariat, None).await;
    let (_, member) = app.signed_in(Role::Partner, None).await;
    let (status, group) = app
        .post_json(
            &secretariat,
            "/api/v1/groups",
            serde_json::json!({"name": "Parenting support", "description": "Peer learning"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{group}");
    let id = group["id"].as_str().expect("id");
    let join = format!("/api/v1/groups/{id}/join");
    let requests = format!("/api/v1/groups/{id}/requests");

    for body in [r#"{"message": null}"#, r#"{"message": 3}"#, "[]"] {
        let response = app
            .post(&join)
            .bearer_auth(&member)
            .header("Content-Type", "application/json")
            .body(body)
            .send()
            .await
            .unwrap();
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{body}"
        );
        assert_eq!(error_code(response).await, "invalid_body", "{body}");
    }
    let (_, pending) = app.get_json(&secretariat, &requests).await;
    assert_eq!(pending["total"], 0, "nothing was written");

    // Without a message at all, the member asks.
    let (status, asked) = app.post_json(&member, &join, serde_json::json!({})).await;
    assert_eq!(status, StatusCode::CREATED, "{asked}");
    assert_eq!(asked["message"], "");
    let (_, pending) = app.get_json(&secretariat, &requests).await;
    assert_eq!(pending["total"], 1);
}

/// A member's name with a line break (`PATCH /users/{id}`) was taken, and the mail that later
/// named them made the job worker panic: a mail header cannot hold a line break. Names are now
/// one line, refused with 422 `invalid_characters`, and the name stays as it was.
#[tokio::test]
async fn a_name_with_a_line_break_is_refused_and_changes_nothing() {
    let app = spawn_app().await;
    let (_, admin) = app.signed_in(Role::Admin, None).await;
    let member = app.create_user(Role::Partner, None).await;
    let path = format!("/api/v1/users/{}", member.id);
    let (_, before) = app.get_json(&admin, &path).await;

    let rename = |name: &str| {
        app.patch(&path)
            .bearer_auth(&admin)
            .json(&serde_json::json!({ "name": name }))
            .send()
    };
    for name in ["Ama\r\nBcc: someone@example.org", "Ama\nOwusu", "Ama\u{7}"] {
        let response = rename(name).await.unwrap();
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{name:?}"
        );
        let body: serde_json::Value = response.json().await.unwrap();
        assert_eq!(body["error"]["details"][0]["field"], "name", "{body}");
        assert_eq!(
            body["error"]["details"][0]["code"], "invalid_characters",
            "{body}"
        );
    }
    let (_, after) = app.get_json(&admin, &path).await;
    assert_eq!(after["name"], before["name"]);

    let response = rename("Ama Owusu").await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let (_, renamed) = app.get_json(&admin, &path).await;
    assert_eq!(renamed["name"], "Ama Owusu");
}
