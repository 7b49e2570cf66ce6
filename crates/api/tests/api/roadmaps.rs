use std::io::Read;
use std::time::Duration;

use pioneer_domain::Role;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{RoadmapClient, error_code, query_count, spawn_app, spawn_app_with};

fn fields(body: &Value) -> Vec<String> {
    body["error"]["details"]
        .as_array()
        .map(|d| {
            d.iter()
                .map(|e| e["field"].as_str().unwrap_or_default().to_owned())
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn the_full_life_of_a_roadmap_from_draft_to_superseded() {
    let app = spawn_app().await;
    let (_, focal) = app.signed_in(Role::CountryFocalPoint, Some("KEN")).await;
    let (_, reviewer) = app.signed_in(Role::Reviewer, None).await;
    let mut team = RoadmapClient::create(&app, &focal).await;

    // An empty draft cannot be submitted: every gap is named.
    let (status, body) = team.post("/submit", json!({})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let missing = fields(&body);
    for field in [
        "summary",
        "consultation.held_on",
        "priorities",
        "indicators",
    ] {
        assert!(
            missing.contains(&field.to_owned()),
            "{field} in {missing:?}"
        );
    }

    let (_, actions) = team.fill().await;
    // An action without a lead institution, ending outside the period, over-secured.
    let (status, _) = team
        .patch(&format!("/actions/{}", actions[2]), json!({"lead_institution": null, "end_month": "2031-06", "secured": {"amount": "90000", "currency": "USD"}}))
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, body) = team.post("/submit", json!({})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let at = format!("actions.{}", actions[2]);
    assert_eq!(
        fields(&body),
        [
            format!("{at}.lead_institution"),
            format!("{at}.end_month"),
            format!("{at}.secured.amount")
        ]
    );

    let (status, _) = team
        .patch(&format!("/actions/{}", actions[2]), json!({"lead_institution": "Ministry of Transport", "end_month": "2027-06", "secured": {"amount": "10000", "currency": "USD"}}))
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, body) = team.post("/submit", json!({})).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["status"], "submitted");

    // Submitted: read-only for the team.
    let (status, body) = team.patch("", json!({"title": "Changed"})).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(body["error"]["code"], "roadmap_not_editable");

    // The reviewer asks for changes; a comment is required.
    let mut review = RoadmapClient {
        base: "/api/v1/roadmaps",
        app: &app,
        token: reviewer.clone(),
        id: team.id.clone(),
        etag: team.etag.clone(),
    };
    let (status, _) = review
        .post("/reviews", json!({"decision": "request_changes"}))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, body) = review.post("/reviews", json!({"decision": "request_changes", "comment": "Add a budget line for data collection."})).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["status"], "changes_requested");

    // The team answers the comment in its thread, fixes, resubmits.
    let (_, comments) = team.get("/comments").await;
    let first = comments["items"][0]["id"].as_str().unwrap().to_owned();
    assert_eq!(
        comments["items"][0]["body"],
        "Add a budget line for data collection."
    );
    let answer = app
        .post(&team.path("/comments"))
        .bearer_auth(&focal)
        .json(&json!({"body": "Added under safe schools.", "parent_id": first}))
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), StatusCode::CREATED);
    team.etag = review.etag.clone();
    let (status, _) = team
        .patch(
            &format!("/actions/{}", actions[2]),
            json!({"description": "Includes data collection."}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = team.post("/submit", json!({})).await;
    assert_eq!(status, StatusCode::OK);

    // Approval.
    review.etag = team.etag.clone();
    let (status, body) = review
        .post("/reviews", json!({"decision": "approve"}))
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["status"], "approved");
    team.etag = review.etag.clone();
    let (status, body) = team.patch("", json!({"title": "Changed"})).await;
    assert_eq!(
        status,
        StatusCode::CONFLICT,
        "an approved roadmap is read-only"
    );
    assert_eq!(body["error"]["code"], "roadmap_not_editable");

    // A revision: a new draft version with the content copied; the approved one stays current.
    let (status, revision) = team.post("/revise", json!({})).await;
    assert_eq!(status, StatusCode::CREATED, "{revision}");
    assert_eq!(
        (revision["version"].as_i64(), revision["status"].as_str()),
        (Some(2), Some("draft"))
    );
    assert_eq!(revision["actions"].as_array().unwrap().len(), 3);
    assert_eq!(revision["priorities"].as_array().unwrap().len(), 2);
    assert_ne!(
        revision["actions"][0]["id"],
        json!(actions[0]),
        "parts are copies"
    );
    let (_, original) = team.get("").await;
    team.etag = format!("\"{}\"", original["revision"]);
    let (status, again) = team.post("/revise", json!({})).await;
    assert_eq!(status, StatusCode::CONFLICT, "{again}");
    let (_, original) = team.get("").await;
    assert_eq!(original["status"], "approved");
    // Outside the team the draft does not exist: not even the approved version's history
    // tells of it.
    let (_, partner) = app.signed_in(Role::Partner, None).await;
    let outside: Value = app
        .get(&team.path("/history"))
        .bearer_auth(&partner)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let new_id = revision["id"].as_str().unwrap();
    assert!(
        !outside.to_string().contains(new_id),
        "the draft's id stays with its team: {outside}"
    );

    let mut v2 = RoadmapClient {
        base: "/api/v1/roadmaps",
        app: &app,
        token: focal.clone(),
        id: revision["id"].as_str().unwrap().to_owned(),
        etag: format!("\"{}\"", revision["revision"]),
    };
    let (status, _) = v2
        .patch("", json!({"title": "National roadmap, revised 2026"}))
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = v2.post("/submit", json!({})).await;
    assert_eq!(status, StatusCode::OK);
    let mut review2 = RoadmapClient {
        base: "/api/v1/roadmaps",
        app: &app,
        token: reviewer.clone(),
        id: v2.id.clone(),
        etag: v2.etag.clone(),
    };
    let (status, _) = review2
        .post("/reviews", json!({"decision": "approve"}))
        .await;
    assert_eq!(status, StatusCode::OK);

    let (_, original) = team.get("").await;
    assert_eq!(
        original["status"], "superseded",
        "the old version is superseded once the revision is approved"
    );
    let (_, versions) = team.get("/versions").await;
    let statuses: Vec<&str> = versions["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["superseded", "approved"]);

    let (_, history) = team.get("/history").await;
    let events: Vec<&str> = history["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["event"].as_str().unwrap())
        .collect();
    for event in [
        "roadmap.created",
        "priority.created",
        "action.updated",
        "roadmap.submitted",
        "roadmap.changes_requested",
        "roadmap.approved",
        "roadmap.revised",
        "roadmap.superseded",
    ] {
        assert!(events.contains(&event), "{event} in {events:?}");
    }
    let entry = history["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["event"] == "action.updated")
        .unwrap();
    assert!(entry["actor"]["name"].is_string());
    assert!(
        entry["changes"]["changes"].is_object(),
        "what changed is recorded: {entry}"
    );
}

#[tokio::test]
async fn a_stale_write_is_refused_with_the_current_state_and_loses_nothing() {
    let app = spawn_app().await;
    let (_, focal) = app.signed_in(Role::CountryFocalPoint, Some("KEN")).await;
    let (_, contributor) = app.signed_in(Role::CountryContributor, Some("KEN")).await;
    let mut alice = RoadmapClient::create(&app, &focal).await;
    let mut bob = RoadmapClient {
        base: "/api/v1/roadmaps",
        app: &app,
        token: contributor,
        id: alice.id.clone(),
        etag: alice.etag.clone(),
    };

    let (status, _) = alice.patch("", json!({"summary": "Alice's vision"})).await;
    assert_eq!(status, StatusCode::OK);
    let (status, body) = bob.patch("", json!({"summary": "Bob's vision"})).await;

    assert_eq!(status, StatusCode::PRECONDITION_FAILED);
    assert_eq!(body["error"]["code"], "stale_revision");
    assert_eq!(
        body["current"]["summary"], "Alice's vision",
        "the refusal carries the current state"
    );
    let (_, now) = alice.get("").await;
    assert_eq!(now["summary"], "Alice's vision", "the first write is kept");

    let no_if_match = app
        .patch(&alice.path(""))
        .bearer_auth(&focal)
        .json(&json!({"title": "x"}))
        .send()
        .await
        .unwrap();
    assert_eq!(no_if_match.status(), StatusCode::PRECONDITION_REQUIRED);
    assert_eq!(error_code(no_if_match).await, "if_match_required");

    // With the current ETag (from the 412), Bob's merge goes through.
    bob.etag = format!("\"{}\"", body["current"]["revision"]);
    let (status, merged) = bob
        .patch(
            "",
            json!({"summary": "Alice's vision, with Bob's additions"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(merged["revision"].as_i64(), Some(3));
}

#[tokio::test]
async fn malformed_values_are_refused_at_once() {
    let app = spawn_app().await;
    let (_, focal) = app.signed_in(Role::CountryFocalPoint, Some("KEN")).await;
    let bad = app
        .post("/api/v1/roadmaps")
        .bearer_auth(&focal)
        .json(&json!({"title": " ", "period_start": 2030, "period_end": 2025}))
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = bad.json().await.unwrap();
    assert_eq!(fields(&body), ["title", "period_end"]);

    let mut team = RoadmapClient::create(&app, &focal).await;
    let (status, body) = team
        .post(
            "/priorities",
            json!({"title": "P", "strategies": ["laws", "nonsense"]}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["error"]["details"][0]["code"], "unknown_strategy");
    let (_, priority) = team
        .post("/priorities", json!({"title": "P", "strategies": ["laws"]}))
        .await;
    let (status, body) = team
        .post("/actions", json!({"priority_id": priority["id"], "title": "A", "start_month": "2025-13", "budget": {"amount": "12.345", "currency": "XYZ"}}))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        fields(&body),
        ["start_month", "budget.amount", "budget.currency"]
    );
    let (status, body) = team
        .post(
            "/actions",
            json!({"priority_id": uuid::Uuid::now_v7(), "title": "A"}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["error"]["details"][0]["code"], "unknown_priority");
    // Refused writes change nothing: the revision is the one before them.
    let (_, roadmap) = team.get("").await;
    assert_eq!(roadmap["revision"].as_i64(), Some(2));
    assert_eq!(roadmap["actions"].as_array().unwrap().len(), 0);
}

#[tokio::test]
async fn the_budget_is_summed_per_currency_with_secured_and_gap() {
    let app = spawn_app().await;
    let (_, focal) = app.signed_in(Role::CountryFocalPoint, Some("KEN")).await;
    let mut team = RoadmapClient::create(&app, &focal).await;
    let (priorities, _) = team.fill().await;
    let (status, _) = team
        .post("/actions", json!({"priority_id": priorities[0], "title": "Local action", "budget": {"amount": "1000000", "currency": "KES"}}))
        .await;
    assert_eq!(status, StatusCode::CREATED);

    let (status, budget) = team.get("/budget").await;

    assert_eq!(status, StatusCode::OK);
    let currencies = budget["currencies"].as_array().unwrap();
    assert_eq!(currencies.len(), 2, "KES and USD are never added together");
    let usd = currencies.iter().find(|c| c["currency"] == "USD").unwrap();
    assert_eq!(
        (
            usd["total"].as_str(),
            usd["secured"].as_str(),
            usd["gap"].as_str()
        ),
        (Some("530000.50"), Some("350000.50"), Some("180000.00"))
    );
    let by_year: Vec<(Value, &str)> = usd["by_year"]
        .as_array()
        .unwrap()
        .iter()
        .map(|y| (y["year"].clone(), y["amount"].as_str().unwrap()))
        .collect();
    assert_eq!(
        by_year
            .iter()
            .map(|y| y.1.parse::<f64>().unwrap())
            .sum::<f64>(),
        530000.5
    );
    let (_, roadmap) = team.get("").await;
    assert_eq!(
        roadmap["budget"], budget,
        "the roadmap carries the same summary"
    );
}

#[tokio::test]
async fn csv_and_xlsx_exports_have_one_row_per_action() {
    let app = spawn_app().await;
    let (_, focal) = app.signed_in(Role::CountryFocalPoint, Some("KEN")).await;
    let mut team = RoadmapClient::create(&app, &focal).await;
    team.fill().await;

    let csv = app
        .get(&team.path("/export.csv"))
        .bearer_auth(&focal)
        .send()
        .await
        .unwrap();
    assert_eq!(csv.status(), StatusCode::OK);
    assert!(
        csv.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    assert!(
        csv.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .contains("roadmap-ken-v1.csv")
    );
    let text = csv.text().await.unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 4, "header and three actions:\n{text}");
    assert!(lines[0].starts_with("priority,strategies,action,"));
    assert!(
        lines[2].contains("\"Train 5,000 teachers in positive discipline\""),
        "{}",
        lines[2]
    );
    assert!(
        lines[1].contains(",150000.00,USD,50000.00,100000.00,"),
        "{}",
        lines[1]
    );

    let xlsx = app
        .get(&team.path("/export.xlsx"))
        .bearer_auth(&focal)
        .send()
        .await
        .unwrap();
    assert_eq!(xlsx.status(), StatusCode::OK);
    let bytes = xlsx.bytes().await.unwrap();
    let mut archive =
        zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).expect("an xlsx is a zip");
    let mut strings = String::new();
    archive
        .by_name("xl/sharedStrings.xml")
        .expect("shared strings")
        .read_to_string(&mut strings)
        .unwrap();
    assert!(strings.contains("Safe school transport pilots"));
    let mut sheet = String::new();
    archive
        .by_name("xl/worksheets/sheet1.xml")
        .expect("sheet")
        .read_to_string(&mut sheet)
        .unwrap();
    assert!(
        sheet.contains("<v>150000</v>"),
        "amounts are numbers in the sheet"
    );
    assert!(
        strings.contains("Lead institution"),
        "English headings by default"
    );

    // For people: the headings in the language asked for, by `?lang=` or the browser's.
    for (query, accept, heading, sheet_name) in [
        ("?lang=es", "fr", "Presupuesto", "Acciones clave"),
        ("", "pt-BR,pt;q=0.9", "Orçamento", "Ações-chave"),
    ] {
        let xlsx = app
            .get(&team.path(&format!("/export.xlsx{query}")))
            .bearer_auth(&focal)
            .header("accept-language", accept)
            .send()
            .await
            .unwrap();
        assert_eq!(xlsx.status(), StatusCode::OK);
        let bytes = xlsx.bytes().await.unwrap();
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).unwrap();
        let mut strings = String::new();
        archive
            .by_name("xl/sharedStrings.xml")
            .unwrap()
            .read_to_string(&mut strings)
            .unwrap();
        assert!(strings.contains(heading), "{heading} in {strings}");
        let mut workbook = String::new();
        archive
            .by_name("xl/workbook.xml")
            .unwrap()
            .read_to_string(&mut workbook)
            .unwrap();
        assert!(workbook.contains(sheet_name), "{sheet_name} in {workbook}");
    }
}

/// A country filter that cannot name a country finds nothing, whatever the backend: text that
/// PostgreSQL cannot hold (a NUL) gets the same empty page as on SQLite, not an error.
#[tokio::test]
async fn a_country_filter_that_names_no_country_finds_nothing() {
    let app = spawn_app().await;
    let (_, focal) = app.signed_in(Role::CountryFocalPoint, Some("KEN")).await;
    let (_, admin) = app.signed_in(Role::Admin, None).await;
    RoadmapClient::create(&app, &focal).await;
    let total = |path: String| {
        let request = app.get(&path).bearer_auth(&admin);
        async move {
            let response = request.send().await.expect("request");
            assert_eq!(response.status(), StatusCode::OK, "{path}");
            let page: Value = response.json().await.expect("a page");
            page["total"].as_u64().expect("a total")
        }
    };
    for (country, expected) in [
        ("ken", 1),
        ("%20KEN%20", 1),
        ("COL", 0),
        ("%00", 0),
        ("KE%00N", 0),
        ("Kenya", 0),
        ("K%C3%89N", 0),
    ] {
        assert_eq!(
            total(format!("/api/v1/roadmaps?country={country}")).await,
            expected,
            "roadmaps of {country}"
        );
        assert_eq!(
            total(format!("/api/v1/users?country={country}")).await,
            expected,
            "members of {country}"
        );
    }
}

#[tokio::test]
async fn the_review_queue_lists_submissions_oldest_first_for_reviewers_only() {
    let app = spawn_app().await;
    let (_, kenya) = app.signed_in(Role::CountryFocalPoint, Some("KEN")).await;
    let (_, colombia) = app.signed_in(Role::CountryFocalPoint, Some("COL")).await;
    let (_, reviewer) = app.signed_in(Role::Reviewer, None).await;
    let mut first = RoadmapClient::create(&app, &colombia).await;
    first.fill().await;
    let mut second = RoadmapClient::create(&app, &kenya).await;
    second.fill().await;
    let mut draft = RoadmapClient::create(&app, &kenya).await;
    draft.fill().await;
    assert_eq!(first.post("/submit", json!({})).await.0, StatusCode::OK);
    assert_eq!(second.post("/submit", json!({})).await.0, StatusCode::OK);

    let queue: Value = app
        .get("/api/v1/review-queue")
        .bearer_auth(&reviewer)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let ids: Vec<&str> = queue["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, [first.id.as_str(), second.id.as_str()]);
    let denied = app
        .get("/api/v1/review-queue")
        .bearer_auth(&kenya)
        .send()
        .await
        .unwrap();
    assert_eq!(denied.status(), StatusCode::FORBIDDEN);
}

/// Fifty clients change the same action from the same revision at once: exactly one wins, the
/// others are told their copy is stale, and what is stored is the winner's change.
#[tokio::test]
async fn concurrent_writers_of_one_revision_have_exactly_one_winner() {
    let app = spawn_app().await;
    let (_, focal) = app.signed_in(Role::CountryFocalPoint, Some("KEN")).await;
    let mut team = RoadmapClient::create(&app, &focal).await;
    let (_, actions) = team.fill().await;
    let url = app.url(&team.path(&format!("/actions/{}", actions[0])));

    let writers: Vec<_> = (0..50)
        .map(|n| {
            let request = app
                .client
                .patch(&url)
                .bearer_auth(&focal)
                .header("if-match", &team.etag)
                .json(&json!({"title": format!("Writer {n}")}));
            tokio::spawn(async move {
                let response = request.send().await.expect("request");
                (n, response.status())
            })
        })
        .collect();
    let mut outcomes = Vec::new();
    for writer in writers {
        outcomes.push(writer.await.expect("writer task"));
    }

    let winners: Vec<usize> = outcomes
        .iter()
        .filter(|(_, s)| *s == StatusCode::OK)
        .map(|(n, _)| *n)
        .collect();
    assert_eq!(winners.len(), 1, "exactly one winner: {outcomes:?}");
    assert!(
        outcomes.iter().all(|(_, s)| *s == StatusCode::OK
            || *s == StatusCode::PRECONDITION_FAILED
            || *s == StatusCode::CONFLICT),
        "the others are refused cleanly: {outcomes:?}"
    );
    let (_, roadmap) = team.get("").await;
    let stored = roadmap["actions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == json!(actions[0]))
        .unwrap();
    assert_eq!(stored["title"], format!("Writer {}", winners[0]));
    let expected_revision: i64 = team.etag.trim_matches('"').parse::<i64>().unwrap() + 1;
    assert_eq!(
        roadmap["revision"].as_i64(),
        Some(expected_revision),
        "one write, one revision"
    );
}

/// A client that has the current revision gets a 304 without a body; after any change, even
/// to one part, every reader gets the new content (the server keeps whole roadmaps by revision).
#[tokio::test]
async fn reads_answer_not_modified_for_the_current_revision_and_never_a_stale_copy() {
    let app = spawn_app().await;
    let (_, focal) = app.signed_in(Role::CountryFocalPoint, Some("KEN")).await;
    let mut team = RoadmapClient::create(&app, &focal).await;
    let (_, actions) = team.fill().await;
    let path = team.path("");
    let read = |if_none_match: Option<String>| {
        let mut request = app.get(&path).bearer_auth(&focal);
        if let Some(tag) = if_none_match {
            request = request.header("if-none-match", tag);
        }
        request.send()
    };

    let first = read(None).await.unwrap();
    assert_eq!(first.status(), StatusCode::OK);
    let etag = first.headers()["etag"].to_str().unwrap().to_owned();
    let body: Value = first.json().await.unwrap();
    let again = read(Some(etag.clone())).await.unwrap();
    assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
    assert_eq!(again.headers()["etag"].to_str().unwrap(), etag);
    assert!(
        again.bytes().await.unwrap().is_empty(),
        "no body with a 304"
    );
    let weak_in_a_list = read(Some(format!("\"0\", W/{etag}"))).await.unwrap();
    assert_eq!(weak_in_a_list.status(), StatusCode::NOT_MODIFIED);

    let (status, _) = team
        .patch(
            &format!("/actions/{}", actions[0]),
            json!({"title": "Renamed action"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let changed = read(Some(etag.clone())).await.unwrap();
    assert_eq!(
        changed.status(),
        StatusCode::OK,
        "the old revision is stale"
    );
    assert_ne!(changed.headers()["etag"].to_str().unwrap(), etag);
    let changed: Value = changed.json().await.unwrap();
    assert_eq!(changed["actions"][0]["title"], "Renamed action");
    assert_eq!(
        changed["revision"].as_i64(),
        body["revision"].as_i64().map(|r| r + 1)
    );
}

/// Teams writing their own roadmaps at the same moment never get in each other's way: every
/// write succeeds (on SQLite, writers queue for their turn instead of failing with "database is
/// locked").
#[tokio::test]
async fn concurrent_writers_of_different_roadmaps_all_succeed() {
    let app = spawn_app().await;
    let (_, focal) = app.signed_in(Role::CountryFocalPoint, Some("KEN")).await;
    let mut writers = Vec::new();
    for _ in 0..24 {
        let team = RoadmapClient::create(&app, &focal).await;
        let (url, mut etag) = (app.url(&team.path("")), team.etag.clone());
        let client = app.client.clone();
        let token = focal.clone();
        writers.push(tokio::spawn(async move {
            let mut statuses = Vec::new();
            for n in 0..8 {
                let response = client
                    .patch(&url)
                    .bearer_auth(&token)
                    .header("if-match", &etag)
                    .json(&json!({"summary": format!("Edit {n}")}))
                    .send()
                    .await
                    .expect("request");
                statuses.push(response.status());
                if let Some(next) = response.headers().get("etag") {
                    etag = next.to_str().expect("etag").to_owned();
                }
            }
            statuses
        }));
    }
    for writer in writers {
        let statuses = writer.await.expect("writer task");
        assert!(
            statuses.iter().all(|s| *s == StatusCode::OK),
            "every write succeeds: {statuses:?}"
        );
    }
}

/// No request issues a number of queries that grows with the roadmap: the server answers how
/// many it made in `X-Query-Count` (enabled for tests).
#[tokio::test]
async fn query_counts_do_not_grow_with_the_number_of_parts_or_roadmaps() {
    // Every request reads its member and roadmap rows again, as with a cold cache.
    let app = spawn_app_with(|config| config.row_cache_max_age = Duration::ZERO).await;
    let (_, focal) = app.signed_in(Role::CountryFocalPoint, Some("KEN")).await;
    let (_, reviewer) = app.signed_in(Role::Reviewer, None).await;
    let mut small = RoadmapClient::create(&app, &focal).await;
    small.fill().await;
    let mut large = RoadmapClient::create(&app, &focal).await;
    large.fill().await;
    let (large_priorities, _) = large.fill().await;
    for n in 0..20 {
        let (status, _) = large
            .post("/actions", json!({"priority_id": large_priorities[n % 2], "title": format!("Action {n}"), "budget": {"amount": "10", "currency": "EUR"}}))
            .await;
        assert_eq!(status, StatusCode::CREATED);
    }

    for rest in [
        "",
        "/budget",
        "/history",
        "/comments",
        "/versions",
        "/export.csv",
    ] {
        let a = app
            .get(&small.path(rest))
            .bearer_auth(&focal)
            .send()
            .await
            .unwrap();
        let b = app
            .get(&large.path(rest))
            .bearer_auth(&focal)
            .send()
            .await
            .unwrap();
        assert_eq!(
            query_count(&a),
            query_count(&b),
            "GET {rest}: same queries for 3 and 26 actions"
        );
        assert!(
            (2..=8).contains(&query_count(&a)),
            "GET {rest} makes {} queries (the caller, then the roadmap)",
            query_count(&a)
        );
    }
    let list_two = app
        .get("/api/v1/roadmaps")
        .bearer_auth(&focal)
        .send()
        .await
        .unwrap();
    for _ in 0..5 {
        RoadmapClient::create(&app, &focal).await;
    }
    let list_seven = app
        .get("/api/v1/roadmaps")
        .bearer_auth(&focal)
        .send()
        .await
        .unwrap();
    assert_eq!(
        query_count(&list_two),
        query_count(&list_seven),
        "lists cost the same whatever their length"
    );
    let queue = app
        .get("/api/v1/review-queue")
        .bearer_auth(&reviewer)
        .send()
        .await
        .unwrap();
    assert!(
        query_count(&queue) <= 4,
        "the review queue makes {} queries",
        query_count(&queue)
    );
}

#[tokio::test]
async fn a_repeated_read_makes_no_query_and_every_change_is_read_at_once() {
    let app = spawn_app_with(|config| config.row_cache_max_age = Duration::from_secs(60)).await;
    let (_, focal) = app.signed_in(Role::CountryFocalPoint, Some("KEN")).await;
    let mut roadmap = RoadmapClient::create(&app, &focal).await;
    let path = roadmap.path("");
    let read = || async {
        let response = app.get(&path).bearer_auth(&focal).send().await.unwrap();
        let queries = query_count(&response);
        let etag = response.headers()["etag"].to_str().unwrap().to_owned();
        let body: Value = response.json().await.unwrap();
        (queries, etag, body)
    };
    let _ = read().await;
    let (queries, _, _) = read().await;
    assert_eq!(
        queries, 0,
        "the member, the roadmap and its JSON come from memory"
    );

    let (status, _) = roadmap.patch("", json!({"title": "Revised title"})).await;
    assert_eq!(status, StatusCode::OK);
    let (_, etag, body) = read().await;
    assert_eq!(
        body["title"], "Revised title",
        "the writer reads its own write"
    );
    assert_eq!(etag, roadmap.etag);

    let (priorities, _) = roadmap.fill().await;
    let (_, etag, body) = read().await;
    assert_eq!(
        etag, roadmap.etag,
        "parts bump the revision, and it is seen"
    );
    assert_eq!(
        body["priorities"].as_array().map(Vec::len),
        Some(priorities.len())
    );
    let (_, reviewer) = app.signed_in(Role::Reviewer, None).await;
    let list = |path: &'static str, token: String| {
        let app = &app;
        async move {
            let response = app.get(path).bearer_auth(token).send().await.unwrap();
            let queries = query_count(&response);
            (queries, response.json::<Value>().await.unwrap())
        }
    };
    let (_, queue) = list("/api/v1/review-queue", reviewer.clone()).await;
    assert_eq!(queue["total"], 0);
    let (_, mine) = list("/api/v1/roadmaps", focal.clone()).await;
    assert_eq!(mine["items"][0]["status"], "draft");

    let (status, _) = roadmap.post("/submit", json!({})).await;
    assert_eq!(status, StatusCode::OK);
    let (_, _, body) = read().await;
    assert_eq!(
        body["status"], "submitted",
        "a status change is seen at once"
    );
    let (_, queue) = list("/api/v1/review-queue", reviewer.clone()).await;
    assert_eq!(
        queue["total"], 1,
        "the cached queue page is not served after a change"
    );
    let (queries, again) = list("/api/v1/review-queue", reviewer.clone()).await;
    assert_eq!((queries, &again), (0, &queue), "then it is");
    let (_, mine) = list("/api/v1/roadmaps", focal.clone()).await;
    assert_eq!(mine["items"][0]["status"], "submitted");

    let second = RoadmapClient::create(&app, &focal).await;
    let (_, mine) = list("/api/v1/roadmaps", focal.clone()).await;
    assert_eq!(mine["total"], 2, "a new roadmap is listed at once");
    assert_eq!(mine["items"][0]["id"], second.id.as_str());
}

#[tokio::test]
async fn a_replica_with_an_older_row_in_memory_takes_a_write_of_the_current_revision() {
    let mut database_url = String::new();
    let long = Duration::from_secs(60);
    let a = spawn_app_with(|config| {
        config.row_cache_max_age = long;
        database_url = config.database_url.clone();
    })
    .await;
    let b = spawn_app_with(|config| {
        config.row_cache_max_age = long;
        config.database_url = database_url.clone();
    })
    .await;
    let (_, focal) = a.signed_in(Role::CountryFocalPoint, Some("KEN")).await;
    let mut on_a = RoadmapClient::create(&a, &focal).await;
    let mut on_b = RoadmapClient {
        base: "/api/v1/roadmaps",
        app: &b,
        token: focal.clone(),
        id: on_a.id.clone(),
        etag: on_a.etag.clone(),
    };
    let (status, _) = on_b.get("").await;
    assert_eq!(status, StatusCode::OK, "B now keeps revision 1 in memory");
    let (status, _) = on_a.patch("", json!({"title": "Edited on A"})).await;
    assert_eq!(status, StatusCode::OK);

    on_b.etag = on_a.etag.clone();
    let (status, body) = on_b.patch("", json!({"summary": "Edited on B"})).await;
    assert_eq!(
        status,
        StatusCode::OK,
        "the current revision is taken: {body}"
    );
    assert_eq!(
        body["title"], "Edited on A",
        "and nothing of A's edit is lost"
    );
    let (_, read) = on_b.get("").await;
    assert_eq!(read["summary"], "Edited on B");

    on_a.etag = "\"1\"".into();
    let (status, body) = on_a.patch("", json!({"title": "Stale"})).await;
    assert_eq!(status, StatusCode::PRECONDITION_FAILED);
    assert_eq!(body["current"]["revision"], 3, "{body}");
}

#[tokio::test]
async fn a_revision_shows_what_changed_since_the_approved_version_section_by_section() {
    let app = spawn_app().await;
    let (_, focal) = app.signed_in(Role::CountryFocalPoint, Some("KEN")).await;
    let (_, reviewer) = app.signed_in(Role::Reviewer, None).await;
    let mut team = RoadmapClient::create(&app, &focal).await;
    team.fill().await;
    let (status, first) = team.get("/changes-since-approved").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        first,
        json!({"approved": null, "sections": []}),
        "a first version has nothing to compare with"
    );
    let (status, _) = team.post("/submit", json!({})).await;
    assert_eq!(status, StatusCode::OK);
    let mut review = RoadmapClient {
        base: "/api/v1/roadmaps",
        app: &app,
        token: reviewer.clone(),
        id: team.id.clone(),
        etag: team.etag.clone(),
    };
    let (status, approved) = review
        .post("/reviews", json!({"decision": "approve"}))
        .await;
    assert_eq!(status, StatusCode::OK, "{approved}");
    team.etag = review.etag.clone();
    let (status, revision) = team.post("/revise", json!({})).await;
    assert_eq!(status, StatusCode::CREATED, "{revision}");
    let mut v2 = RoadmapClient {
        base: "/api/v1/roadmaps",
        app: &app,
        token: focal.clone(),
        id: revision["id"].as_str().unwrap().to_owned(),
        etag: format!("\"{}\"", revision["revision"]),
    };
    let (status, unchanged) = v2.get("/changes-since-approved").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(unchanged["approved"]["id"], json!(team.id));
    assert_eq!(
        unchanged["sections"],
        json!([]),
        "a fresh copy changes nothing"
    );

    let copied_action = revision["actions"][0]["id"].as_str().unwrap().to_owned();
    let copied_indicator = revision["indicators"][0]["id"].as_str().unwrap().to_owned();
    let (status, _) = v2
        .patch("", json!({"title": "National roadmap, revised"}))
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = v2
        .patch(
            &format!("/actions/{copied_action}"),
            json!({"lead_institution": "National Child Protection Agency"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = v2
        .write(
            reqwest::Method::DELETE,
            &format!("/indicators/{copied_indicator}"),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, added) = v2
        .post("/priorities", json!({"title": "Online safety", "description": "Children safe online.", "strategies": ["environments"]}))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{added}");

    let (status, changes) = v2.get("/changes-since-approved").await;
    assert_eq!(status, StatusCode::OK, "{changes}");
    let summary: Vec<(String, String)> = changes["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["kind"].as_str().unwrap().to_owned(),
                s["change"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let expect = |kind: &str, change: &str| (kind.to_owned(), change.to_owned());
    assert_eq!(
        summary,
        [
            expect("roadmap", "modified"),
            expect("priority", "added"),
            expect("action", "modified"),
            expect("indicator", "removed"),
        ]
    );
    let sections = changes["sections"].as_array().unwrap();
    assert_eq!(
        sections[0]["fields"],
        json!([{"field": "title", "before": "National roadmap to end violence against children", "after": "National roadmap, revised"}])
    );
    assert_eq!(sections[2]["id"], json!(copied_action));
    assert_eq!(sections[2]["fields"][0]["field"], "lead_institution");
    assert_eq!(
        sections[2]["fields"][0]["after"],
        "National Child Protection Agency"
    );
    let (_, approved_now) = team.get("").await;
    assert_eq!(
        sections[3]["id"], approved_now["indicators"][0]["id"],
        "a removed section is named by its id in the approved version"
    );

    // A draft is its team's alone: neither reviewers nor partners see it, nor its changes.
    let as_reviewer = app
        .get(&v2.path("/changes-since-approved"))
        .bearer_auth(&reviewer)
        .send()
        .await
        .unwrap();
    assert_eq!(
        as_reviewer.status(),
        StatusCode::NOT_FOUND,
        "a draft is not the reviewers' yet"
    );
    let (_, partner) = app.signed_in(Role::Partner, None).await;
    let as_partner = app
        .get(&v2.path("/changes-since-approved"))
        .bearer_auth(&partner)
        .send()
        .await
        .unwrap();
    assert_eq!(as_partner.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn comments_history_and_versions_are_paged_like_every_list() {
    let app = spawn_app().await;
    let (_, focal) = app.signed_in(Role::CountryFocalPoint, Some("KEN")).await;
    let mut team = RoadmapClient::create(&app, &focal).await;
    for n in 1..=5 {
        let (status, _) = team
            .post("/comments", json!({"body": format!("Note {n}")}))
            .await;
        assert_eq!(status, StatusCode::CREATED);
    }
    for n in 1..=4 {
        let (status, _) = team.patch("", json!({"title": format!("Title {n}")})).await;
        assert_eq!(status, StatusCode::OK);
    }

    let (_, page) = team.get("/comments?per_page=2&page=2").await;
    let bodies: Vec<&str> = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["body"].as_str().unwrap())
        .collect();
    assert_eq!(bodies, ["Note 3", "Note 4"]);
    assert_eq!(
        (page["total"].as_u64(), page["per_page"].as_u64()),
        (Some(5), Some(2))
    );

    // Created, then four edits: five entries, oldest first, with the member's name.
    let (_, page) = team.get("/history?per_page=3&page=2").await;
    assert_eq!(page["total"], 5);
    let revisions: Vec<i64> = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["revision"].as_i64().unwrap())
        .collect();
    assert_eq!(revisions, [4, 5]);
    assert_eq!(page["items"][0]["event"], "roadmap.updated");
    assert!(
        !page["items"][0]["actor"]["name"]
            .as_str()
            .unwrap()
            .is_empty()
    );

    let (_, page) = team.get("/versions?per_page=1").await;
    assert_eq!(
        (
            page["total"].as_u64(),
            page["items"].as_array().map(Vec::len)
        ),
        (Some(1), Some(1))
    );
    let response = app
        .get(&team.path("/history?per_page=101"))
        .bearer_auth(&focal)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
}
