//! The committed contract must be what the server serves. Regenerate it with
//! `cargo run -p pioneer-api -- openapi > api-spec/openapi.json`.

use serde_json::Value;

use crate::helpers::spawn_app;

fn committed_spec() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../api-spec/openapi.json");
    std::fs::read_to_string(path).expect("api-spec/openapi.json exists")
}

#[test]
fn the_committed_spec_is_up_to_date() {
    let generated = pioneer_api::openapi::spec_json();
    assert!(
        generated == committed_spec(),
        "api-spec/openapi.json is stale: run `cargo run -p pioneer-api -- openapi > api-spec/openapi.json`"
    );
}

#[tokio::test]
async fn the_served_spec_is_the_committed_one_and_documents_the_bearer_scheme() {
    let app = spawn_app().await;
    let served: Value = app
        .get("/api/v1/openapi.json")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let committed: Value = serde_json::from_str(&committed_spec()).unwrap();
    assert_eq!(served, committed);
    assert_eq!(
        served["components"]["securitySchemes"]["bearer"]["scheme"],
        "bearer"
    );
    for path in [
        "/api/v1/auth/login",
        "/api/v1/users/{id}",
        "/api/v1/countries",
        "/api/v1/api-tokens/{id}",
        "/ready",
    ] {
        assert!(served["paths"].get(path).is_some(), "{path} is documented");
    }
    assert!(served["components"]["schemas"].get("ErrorBody").is_some());
}

#[tokio::test]
async fn operation_ids_are_unique_and_name_their_resource() {
    let spec = pioneer_api::openapi::spec();
    let mut seen = std::collections::BTreeSet::new();
    for (path, item) in &spec.paths.paths {
        let operations = [&item.get, &item.put, &item.post, &item.delete, &item.patch];
        for operation in operations.into_iter().flatten() {
            let id = operation.operation_id.clone().unwrap_or_default();
            assert!(seen.insert(id.clone()), "{id} is used twice");
            if path.starts_with("/api/v1/roadmaps/") {
                assert!(
                    id.contains("roadmap"),
                    "{path}: `{id}` does not name roadmaps"
                );
            }
        }
    }
}

#[test]
fn the_exports_are_documented_as_a_binary_workbook_and_csv_text() {
    let spec: Value = serde_json::from_str(&pioneer_api::openapi::spec_json()).unwrap();
    let ok = |path: &str| spec["paths"][path]["get"]["responses"]["200"]["content"].clone();
    let xlsx = ok("/api/v1/roadmaps/{id}/export.xlsx");
    assert_eq!(
        xlsx["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]["schema"],
        serde_json::json!({"type": "string", "format": "binary"})
    );
    let csv = ok("/api/v1/roadmaps/{id}/export.csv");
    assert_eq!(
        csv["text/csv"]["schema"],
        serde_json::json!({"type": "string"})
    );
}
