//! What every endpoint shares: probes, request ids, the error envelope, body limits, the SPA.

use reqwest::StatusCode;
use serde_json::Value;

use crate::helpers::{error_code, spawn_app, spawn_app_with};

#[tokio::test]
async fn health_and_ready_answer_ok() {
    let app = spawn_app().await;
    for path in ["/health", "/ready"] {
        let response = app.get(path).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        assert_eq!(response.json::<Value>().await.unwrap()["status"], "ok");
    }
}

#[tokio::test]
async fn every_response_carries_a_request_id_and_a_safe_one_is_kept() {
    let app = spawn_app().await;
    let generated = app.get("/health").send().await.unwrap();
    let id = generated.headers()["x-request-id"].to_str().unwrap();
    assert_eq!(uuid::Uuid::parse_str(id).unwrap().get_version_num(), 7);

    let kept = app
        .get("/api/v1/nope")
        .header("x-request-id", "trace-42")
        .send()
        .await
        .unwrap();
    assert_eq!(kept.headers()["x-request-id"], "trace-42");
    let replaced = app
        .get("/health")
        .header("x-request-id", "bad id with spaces")
        .send()
        .await
        .unwrap();
    assert_ne!(replaced.headers()["x-request-id"], "bad id with spaces");
}

#[tokio::test]
async fn malformed_json_is_a_400_in_the_error_shape() {
    let app = spawn_app().await;
    let response = app
        .post("/api/v1/auth/login")
        .header("content-type", "application/json")
        .body(r#"{"email": "a@b.org", "#)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert_eq!(error_code(response).await, "malformed_json");

    let wrong_type = app
        .post("/api/v1/auth/login")
        .header("content-type", "application/json")
        .body(r#"{"email": 42, "password": "x"}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(wrong_type.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error_code(wrong_type).await, "invalid_body");

    let not_json = app
        .post("/api/v1/auth/login")
        .header("content-type", "text/plain")
        .body("hello")
        .send()
        .await
        .unwrap();
    assert_eq!(not_json.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
}

#[tokio::test]
async fn a_body_over_the_limit_is_a_413() {
    let app = spawn_app_with(|c| c.json_limit = 1024).await;
    let huge = format!(
        r#"{{"email": "a@b.org", "password": "{}"}}"#,
        "x".repeat(4096)
    );
    let response = app
        .post("/api/v1/auth/login")
        .header("content-type", "application/json")
        .body(huge)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(error_code(response).await, "payload_too_large");
}

/// A directory of SPA files with these names and contents.
fn built_spa(files: &[(&str, &str)]) -> std::path::PathBuf {
    let spa = std::env::temp_dir().join(format!("pioneer-spa-{}", uuid::Uuid::now_v7()));
    std::fs::create_dir_all(&spa).expect("a temporary SPA directory");
    for (name, content) in files {
        std::fs::write(spa.join(name), content).expect("a file of the SPA");
    }
    spa
}

#[tokio::test]
async fn unknown_api_paths_are_json_404s_and_other_paths_serve_the_spa() {
    let spa = built_spa(&[
        (
            "index.html",
            "<!doctype html><title>Pioneer Hub</title><script type=\"module\">boot()</script>",
        ),
        ("app-0123456789abcdef.js", "console.log('hi')"),
    ]);
    let app = spawn_app_with(|c| c.spa_dir = spa.clone()).await;

    let api = app.get("/api/v1/does-not-exist").send().await.unwrap();
    assert_eq!(api.status(), StatusCode::NOT_FOUND);
    assert_eq!(error_code(api).await, "not_found");

    for path in ["/", "/users", "/roadmaps/123/edit"] {
        let page = app.get(path).send().await.unwrap();
        assert_eq!(page.status(), StatusCode::OK, "{path}");
        assert_eq!(
            page.headers()["cache-control"],
            "no-cache",
            "{path}: index.html is never cached"
        );
        let csp = page.headers()["content-security-policy"]
            .to_str()
            .unwrap()
            .to_owned();
        assert!(
            csp.contains("'sha256-") && !csp.contains("script-src 'self' 'unsafe-inline'"),
            "{csp}"
        );
        assert!(
            page.text()
                .await
                .unwrap()
                .contains("<title>Pioneer Hub</title>"),
            "{path}"
        );
    }
    let asset = app.get("/app-0123456789abcdef.js").send().await.unwrap();
    assert_eq!(
        asset.headers()["cache-control"],
        "public, max-age=31536000, immutable"
    );
    assert_eq!(asset.text().await.unwrap(), "console.log('hi')");

    for path in ["/", "/users", "/app-0123456789abcdef.js"] {
        let post = app.post(path).send().await.unwrap();
        assert_eq!(post.status(), StatusCode::METHOD_NOT_ALLOWED, "{path}");
        assert_eq!(post.headers()["allow"], "GET, HEAD", "{path}");
    }
}

#[tokio::test]
async fn the_spa_files_compressed_at_build_time_are_sent_as_they_are() {
    let (wasm, css) = ("app-0123456789abcdef_bg.wasm", "style-0123456789abcdef.css");
    let spa = built_spa(&[
        ("index.html", "<!doctype html><title>Pioneer Hub</title>"),
        (wasm, "the module"),
        ("app-0123456789abcdef_bg.wasm.br", "the module, brotli"),
        ("app-0123456789abcdef_bg.wasm.gz", "the module, gzip"),
        // Only a gzip copy: a client that prefers brotli gets that, or the middleware's own.
        (css, "body{}"),
        ("style-0123456789abcdef.css.gz", "the style, gzip"),
    ]);
    let app = spawn_app_with(|c| c.spa_dir = spa.clone()).await;

    let fetch = |path: String, accept: Option<&'static str>| {
        let mut request = app.get(&path);
        if let Some(accept) = accept {
            request = request.header("accept-encoding", accept);
        }
        async move {
            let response = request.send().await.unwrap();
            let header = |name: &str| {
                response
                    .headers()
                    .get_all(name)
                    .iter()
                    .map(|v| v.to_str().unwrap().to_owned())
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let encoding = header("content-encoding");
            let (kind, cache, vary) = (
                header("content-type"),
                header("cache-control"),
                header("vary"),
            );
            (encoding, kind, cache, vary, response.text().await.unwrap())
        }
    };

    let (encoding, kind, cache, vary, body) =
        fetch(format!("/{wasm}"), Some("gzip, deflate, br, zstd")).await;
    assert_eq!(
        (encoding.as_str(), body.as_str()),
        ("br", "the module, brotli")
    );
    assert_eq!(
        kind, "application/wasm",
        "the type of the file, not of its copy"
    );
    assert_eq!(cache, "public, max-age=31536000, immutable");
    assert!(vary.contains("accept-encoding"), "{vary}");

    let (encoding, _, _, _, body) = fetch(format!("/{wasm}"), Some("gzip")).await;
    assert_eq!(
        (encoding.as_str(), body.as_str()),
        ("gzip", "the module, gzip")
    );
    let (encoding, _, _, _, body) = fetch(format!("/{wasm}"), Some("br;q=0, gzip")).await;
    assert_eq!(
        (encoding.as_str(), body.as_str()),
        ("gzip", "the module, gzip")
    );
    for accept in [None, Some("identity")] {
        let (encoding, _, _, _, body) = fetch(format!("/{wasm}"), accept).await;
        assert_eq!(
            (encoding.as_str(), body.as_str()),
            ("", "the module"),
            "{accept:?}"
        );
    }

    let (encoding, kind, _, _, body) = fetch(format!("/{css}"), Some("br, gzip")).await;
    assert_eq!(
        (encoding.as_str(), body.as_str()),
        ("gzip", "the style, gzip")
    );
    let (encoding, original_kind, _, _, body) = fetch(format!("/{css}"), Some("identity")).await;
    assert_eq!((encoding.as_str(), body.as_str()), ("", "body{}"));
    assert!(
        kind.starts_with("text/css") && kind == original_kind,
        "{kind} / {original_kind}"
    );
    // Copies are only the build's own: no file is served under a name it does not have.
    let (_, kind, _, _, body) = fetch(format!("/{wasm}.br"), Some("identity")).await;
    assert_eq!(body, "the module, brotli");
    assert_ne!(kind, "application/wasm");
}

#[tokio::test]
async fn responses_carry_security_headers() {
    let app = spawn_app().await;
    let response = app.get("/health").send().await.unwrap();
    assert_eq!(response.headers()["x-content-type-options"], "nosniff");
    assert_eq!(response.headers()["x-frame-options"], "DENY");
    assert!(response.headers().contains_key("referrer-policy"));
}

#[tokio::test]
async fn cors_is_granted_to_configured_origins_only() {
    let app =
        spawn_app_with(|c| c.cors_origins = vec!["https://dashboard.example.org".into()]).await;
    let allowed = app
        .get("/health")
        .header("origin", "https://dashboard.example.org")
        .send()
        .await
        .unwrap();
    assert_eq!(
        allowed.headers()["access-control-allow-origin"],
        "https://dashboard.example.org"
    );
    let other = app
        .get("/health")
        .header("origin", "https://evil.example.com")
        .send()
        .await
        .unwrap();
    assert!(!other.headers().contains_key("access-control-allow-origin"));
}

#[tokio::test]
async fn swagger_ui_is_served_by_the_server_itself() {
    let app = spawn_app().await;
    let page = app.get("/api/docs/").send().await.unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.unwrap();
    assert!(html.contains("swagger-ui"), "Swagger UI page");
    assert!(
        !html.contains("unpkg.com") && !html.contains("cdn"),
        "no CDN"
    );
}

#[tokio::test]
async fn the_docs_address_without_its_trailing_slash_leads_to_the_docs() {
    let app = spawn_app().await;
    let not_following = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let redirect = not_following
        .get(app.url("/api/docs"))
        .send()
        .await
        .unwrap();
    assert_eq!(redirect.status(), StatusCode::PERMANENT_REDIRECT);
    assert_eq!(redirect.headers()["location"], "/api/docs/");

    let followed = app.get("/api/docs").send().await.unwrap();
    assert_eq!(followed.status(), StatusCode::OK);
    assert!(followed.url().path().ends_with("/api/docs/"));
    assert!(followed.text().await.unwrap().contains("swagger-ui"));
}
