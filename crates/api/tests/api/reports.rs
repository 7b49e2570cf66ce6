//! Annual reports over HTTP: a whole cycle from its opening to the synthesis, the report's
//! rules (pre-filling, validation, workflow, closed cycles), API token scopes, who may do what,
//! exports read back, and query counts that do not grow with countries or actions.

use chrono::{Duration, NaiveDate};
use pioneer_domain::Role;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{
    DocumentClient, RoadmapClient, TestApp, TestUser, error_code, query_count, spawn_app,
    spawn_app_with,
};

const REPORTS: &str = "/api/v1/reports";

fn today(app: &TestApp) -> NaiveDate {
    app.state.clock.now().date_naive()
}

/// Opens the cycle of `year` (as the secretariat), due `due_in` days from today.
pub(crate) async fn open_cycle(app: &TestApp, secretariat: &str, year: i32, due_in: i64) -> Value {
    let today = today(app);
    let response = app
        .post("/api/v1/reporting-cycles")
        .bearer_auth(secretariat)
        .json(&json!({"year": year, "opens_on": today - Duration::days(30), "due_on": today + Duration::days(due_in)}))
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), StatusCode::CREATED);
    response.json().await.expect("a cycle")
}

/// A country team (focal point and contributor) with an approved roadmap: its id, the team's
/// tokens, and the ids of the roadmap's key actions.
pub(crate) struct Country {
    pub focal_user: TestUser,
    pub focal: String,
    pub contributor: String,
    pub roadmap_id: String,
    pub priorities: Vec<String>,
    pub actions: Vec<String>,
}

pub(crate) async fn approved_country(app: &TestApp, code: &'static str, reviewer: &str) -> Country {
    let (focal_user, focal) = app.signed_in(Role::CountryFocalPoint, Some(code)).await;
    let (_, contributor) = app.signed_in(Role::CountryContributor, Some(code)).await;
    let mut roadmap = RoadmapClient::create(app, &focal).await;
    let (priorities, actions) = roadmap.fill().await;
    let (status, body) = roadmap.post("/submit", json!({})).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let mut review = roadmap.as_member(reviewer).await;
    let (status, body) = review
        .post("/reviews", json!({"decision": "approve"}))
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    Country {
        focal_user,
        focal,
        contributor,
        roadmap_id: roadmap.id,
        priorities,
        actions,
    }
}

pub(crate) async fn start_report<'a>(
    app: &'a TestApp,
    country: &Country,
    year: i32,
) -> DocumentClient<'a> {
    DocumentClient::create_at(
        app,
        &country.focal,
        REPORTS,
        json!({"roadmap_id": country.roadmap_id, "year": year}),
    )
    .await
}

fn detail_fields(body: &Value) -> Vec<String> {
    body["error"]["details"]
        .as_array()
        .map(|details| {
            details
                .iter()
                .map(|d| d["field"].as_str().unwrap_or_default().to_owned())
                .collect()
        })
        .unwrap_or_default()
}

async fn get_json(app: &TestApp, path: &str, token: &str) -> (StatusCode, Value) {
    let response = app
        .get(path)
        .bearer_auth(token)
        .send()
        .await
        .expect("request");
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

/// Writes what a submission needs and a first year's progress.
pub(crate) async fn fill_report(report: &mut DocumentClient<'_>, country: &Country) -> Value {
    let (status, body) = report
        .put(
            &format!("/actions/{}", country.actions[0]),
            json!({"status": "completed", "progress_percent": 100, "spent": {"amount": "140000.00", "currency": "USD"}, "note": "Law adopted in March."}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, body) = report
        .patch(
            "",
            json!({"narrative": {"achievements": "Corporal punishment banned.", "challenges": "Funding for schools."}}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body
}

#[tokio::test]
async fn a_cycle_from_its_opening_to_the_synthesis() {
    let app = spawn_app().await;
    let (_, secretariat) = app.signed_in(Role::Secretariat, None).await;
    let (_, reviewer) = app.signed_in(Role::Reviewer, None).await;
    let ken = approved_country(&app, "KEN", &reviewer).await;
    let col = approved_country(&app, "COL", &reviewer).await;
    open_cycle(&app, &secretariat, 2025, 10).await;

    // The team starts its report: a line per key action and indicator of the roadmap.
    let mut report = start_report(&app, &ken, 2025).await;
    let body = report.refresh().await;
    assert_eq!(body["status"], "draft");
    assert_eq!(body["year"], 2025);
    assert_eq!(body["roadmap_id"], ken.roadmap_id.as_str());
    let actions = body["actions"].as_array().unwrap();
    assert_eq!(actions.len(), 3);
    assert_eq!(actions[0]["action_id"], ken.actions[0].as_str());
    assert_eq!(actions[0]["status"], "not_started");
    assert_eq!(actions[0]["budget"]["currency"], "USD");
    assert_eq!(actions[0]["carried_over"], false);
    let indicator_id = body["indicators"][0]["indicator_id"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(body["indicators"][0]["baseline_value"], "64.5");

    // A second report for the same cycle is refused.
    let again = app
        .post(REPORTS)
        .bearer_auth(&ken.focal)
        .json(&json!({"roadmap_id": ken.roadmap_id, "year": 2025}))
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), StatusCode::CONFLICT);
    assert_eq!(error_code(again).await, "report_exists");

    // Bad input: one detail per field, nothing written.
    let revision_before = report.etag.clone();
    let (status, body) = report
        .put(
            &format!("/actions/{}", ken.actions[1]),
            json!({"status": "on_track", "progress_percent": 140, "spent": {"amount": "10.00", "currency": "EUR"}}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(detail_fields(&body), ["progress_percent", "spent.currency"]);
    assert_eq!(report.etag, revision_before);

    // Submission needs the narrative.
    let (status, body) = report.post("/submit", json!({})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        detail_fields(&body),
        ["narrative.achievements", "narrative.challenges"]
    );

    fill_report(&mut report, &ken).await;
    let (status, body) = report
        .put(
            &format!("/indicators/{indicator_id}"),
            json!({"value": "52.25", "year": 2025, "source": "MICS 2025"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    // 64.5 → 40: 12.25 of 24.5 is half the way.
    assert_eq!(body["progress_to_target"], 50);
    let (status, body) = report
        .post(
            "/support-requests",
            json!({"type": "technical", "description": "Help with the data system.", "priority_id": ken.priorities[1]}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let (status, body) = report
        .post(
            "/support-requests",
            json!({"type": "financial", "description": "x", "priority_id": col.priorities[0]}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(detail_fields(&body), ["priority_id"]);

    // A contributor writes but does not submit.
    let mut contributor = report.as_member(&ken.contributor).await;
    let (status, _) = contributor.post("/submit", json!({})).await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    let (status, body) = report.post("/submit", json!({})).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["status"], "submitted");
    assert_eq!(body["late"], false);

    // The reviewer asks for changes with a comment on a narrative section.
    let mut review = report.as_member(&reviewer).await;
    let (status, _) = review
        .post("/reviews", json!({"decision": "request_changes"}))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, body) = review
        .post(
            "/reviews",
            json!({"decision": "request_changes", "comment": "Say which schools."}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["status"], "changes_requested");
    let comment = app
        .post(&report.path("/comments"))
        .bearer_auth(&reviewer)
        .json(&json!({"body": "Which budget line?", "target": {"kind": "challenges", "id": report.id}}))
        .send()
        .await
        .unwrap();
    assert_eq!(comment.status(), StatusCode::CREATED);
    let wrong = app
        .post(&report.path("/comments"))
        .bearer_auth(&reviewer)
        .json(&json!({"body": "?", "target": {"kind": "priority", "id": ken.priorities[0]}}))
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // The team answers and resubmits; the reviewer accepts.
    report.refresh().await;
    let (status, _) = report
        .patch(
            "",
            json!({"narrative": {"challenges": "Funding for 120 rural schools."}}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = report.post("/submit", json!({})).await;
    assert_eq!(status, StatusCode::OK);
    review.refresh().await;
    let (status, body) = review.post("/reviews", json!({"decision": "accept"})).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["status"], "accepted");

    // Accepted: read-only, and visible to every member.
    report.refresh().await;
    let (status, body) = report
        .patch("", json!({"narrative": {"achievements": "More"}}))
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(body["error"]["code"], "report_not_editable");
    let (status, _) = get_json(&app, &report.path(""), &col.focal).await;
    assert_eq!(status, StatusCode::OK);

    // The history tells the story, in order.
    let (_, history) = get_json(&app, &report.path("/history?per_page=100"), &secretariat).await;
    let events: Vec<&str> = history["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["event"].as_str().unwrap())
        .collect();
    assert_eq!(events.first(), Some(&"report.created"));
    assert!(events.contains(&"action.updated"));
    assert!(events.contains(&"indicator.updated"));
    assert!(events.contains(&"support_request.created"));
    assert!(events.contains(&"report.changes_requested"));
    assert_eq!(events.last(), Some(&"report.accepted"));

    // The tracker: KEN accepted, COL not started.
    let (status, tracker) =
        get_json(&app, "/api/v1/reporting-cycles/2025/tracker", &secretariat).await;
    assert_eq!(status, StatusCode::OK, "{tracker}");
    assert_eq!(tracker["counts"]["expected"], 2);
    assert_eq!(tracker["counts"]["accepted"], 1);
    assert_eq!(tracker["counts"]["not_started"], 1);
    let rows = tracker["rows"].as_array().unwrap();
    assert_eq!(rows[0]["country_code"], "COL");
    assert_eq!(rows[0]["status"], "not_started");
    assert_eq!(rows[1]["status"], "accepted");
    assert_eq!(rows[1]["report_id"], report.id.as_str());

    // The synthesis reads the accepted report.
    let (status, synthesis) = get_json(
        &app,
        "/api/v1/reporting-cycles/2025/synthesis",
        &secretariat,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{synthesis}");
    assert_eq!(synthesis["reports"].as_array().unwrap().len(), 1);
    let laws = synthesis["actions_by_strategy"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["key"] == "laws")
        .expect("the laws strategy");
    assert_eq!(laws["counts"]["completed"], 1);
    assert_eq!(laws["report_ids"], json!([report.id]));
    let ken_budget = synthesis["budget_by_country"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["key"] == "KEN")
        .unwrap();
    assert_eq!(ken_budget["currency"], "USD");
    assert_eq!(ken_budget["planned"]["amount"], "530000.50");
    assert_eq!(ken_budget["spent"]["amount"], "140000.00");
    assert_eq!(synthesis["support_requests"][0]["type"], "technical");

    // Partners and country teams do not follow the alliance's reporting.
    let (status, _) = get_json(&app, "/api/v1/reporting-cycles/2025/synthesis", &ken.focal).await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    // The country's trend.
    let (status, trend) = get_json(&app, "/api/v1/countries/KEN/trend", &col.focal).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(trend["years"][0]["year"], 2025);
    assert_eq!(trend["years"][0]["actions"]["completed"], 1);
    assert_eq!(trend["indicators"][0]["points"][0]["value"], "52.25");
}

#[tokio::test]
async fn next_year_starts_from_last_years_values_clearly_marked() {
    let app = spawn_app().await;
    let (_, secretariat) = app.signed_in(Role::Secretariat, None).await;
    let (_, reviewer) = app.signed_in(Role::Reviewer, None).await;
    let ken = approved_country(&app, "KEN", &reviewer).await;
    open_cycle(&app, &secretariat, 2024, 10).await;
    open_cycle(&app, &secretariat, 2025, 40).await;
    let mut first = start_report(&app, &ken, 2024).await;
    first.refresh().await;
    fill_report(&mut first, &ken).await;

    let mut second = start_report(&app, &ken, 2025).await;
    let body = second.refresh().await;
    assert_eq!(body["previous_report_id"], first.id.as_str());
    let carried = &body["actions"][0];
    assert_eq!(carried["status"], "completed");
    assert_eq!(carried["spent"]["amount"], "140000.00");
    assert_eq!(carried["carried_over"], true);
    assert_eq!(body["actions"][1]["carried_over"], true);
    // Changed this year: no longer carried over.
    let (status, body) = second
        .put(
            &format!("/actions/{}", ken.actions[1]),
            json!({"status": "delayed", "progress_percent": 20, "spent": null, "note": "Strike."}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["carried_over"], false);
    // The narrative starts empty each year.
    assert_eq!(second.refresh().await["narrative"]["achievements"], "");
}

#[tokio::test]
async fn late_overdue_and_closed_cycles() {
    let app = spawn_app().await;
    let (secretariat_user, secretariat) = app.signed_in(Role::Secretariat, None).await;
    let (reviewer_user, reviewer) = app.signed_in(Role::Reviewer, None).await;
    let ken = approved_country(&app, "KEN", &reviewer).await;
    let col = approved_country(&app, "COL", &reviewer).await;
    let phl = approved_country(&app, "PHL", &reviewer).await;
    open_cycle(&app, &secretariat, 2025, 5).await;
    let mut on_time = start_report(&app, &ken, 2025).await;
    on_time.refresh().await;
    fill_report(&mut on_time, &ken).await;
    assert_eq!(on_time.post("/submit", json!({})).await.0, StatusCode::OK);
    let mut late = start_report(&app, &col, 2025).await;
    late.refresh().await;
    fill_report(&mut late, &col).await;

    // A week later, past the due date (and past every access token: sign in again).
    app.state.clock.advance(Duration::days(7));
    let secretariat = app.login(&secretariat_user).await.access_token;
    let reviewer = app.login(&reviewer_user).await.access_token;
    let col = Country {
        focal: app.login(&col.focal_user).await.access_token,
        ..col
    };
    let phl = Country {
        focal: app.login(&phl.focal_user).await.access_token,
        ..phl
    };
    late.token = col.focal.clone();
    let (_, body) = get_json(&app, &late.path(""), &col.focal).await;
    assert_eq!(body["overdue"], true);
    assert_eq!(late.post("/submit", json!({})).await.0, StatusCode::OK);
    let (_, tracker) = get_json(&app, "/api/v1/reporting-cycles/2025/tracker", &reviewer).await;
    let by_country = |code: &str| {
        tracker["rows"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["country_code"] == code)
            .cloned()
            .unwrap()
    };
    assert_eq!(by_country("KEN")["late"], false);
    assert_eq!(by_country("COL")["late"], true);
    assert_eq!(by_country("COL")["overdue"], false);
    assert_eq!(by_country("PHL")["overdue"], true);
    assert_eq!(by_country("PHL")["status"], "not_started");
    assert_eq!(tracker["counts"]["late"], 1);
    assert_eq!(tracker["counts"]["overdue"], 1);
    let (_, filtered) = get_json(
        &app,
        "/api/v1/reporting-cycles/2025/tracker?status=submitted",
        &reviewer,
    )
    .await;
    assert_eq!(filtered["rows"].as_array().unwrap().len(), 2);
    assert_eq!(filtered["counts"]["expected"], 3);

    // Moving the due date clears the flags; a closed cycle is read-only.
    let response = app
        .patch("/api/v1/reporting-cycles/2025")
        .bearer_auth(&secretariat)
        .json(&json!({"due_on": today(&app) + Duration::days(1)}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let (_, body) = get_json(&app, &late.path(""), &col.focal).await;
    assert_eq!(body["late"], false);
    let response = app
        .patch("/api/v1/reporting-cycles/2025")
        .bearer_auth(&secretariat)
        .json(&json!({"status": "closed"}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let mut withdraw = late.as_member(&col.focal).await;
    let (status, body) = withdraw.post("/withdraw", json!({})).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(body["error"]["code"], "cycle_closed");
    let response = app
        .post(REPORTS)
        .bearer_auth(&phl.focal)
        .json(&json!({"roadmap_id": phl.roadmap_id, "year": 2025}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CONFLICT);
    assert_eq!(error_code(response).await, "cycle_closed");
    let response = app
        .patch("/api/v1/reporting-cycles/2025")
        .bearer_auth(&secretariat)
        .json(&json!({"due_on": "2026-01-01"}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CONFLICT);
    // Only the secretariat runs cycles; a cycle's year is unique.
    let response = app
        .post("/api/v1/reporting-cycles")
        .bearer_auth(&reviewer)
        .json(&json!({"year": 2026, "opens_on": "2027-01-15", "due_on": "2027-03-31"}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let response = app
        .post("/api/v1/reporting-cycles")
        .bearer_auth(&secretariat)
        .json(&json!({"year": 2025, "opens_on": "2027-01-15", "due_on": "2027-03-31"}))
        .send()
        .await
        .unwrap();
    assert_eq!(error_code(response).await, "cycle_exists");
    let response = app
        .post("/api/v1/reporting-cycles")
        .bearer_auth(&secretariat)
        .json(&json!({"year": 2026, "opens_on": "2027-03-15", "due_on": "2027-01-31"}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

/// Creates an API token with `scopes` (absent: the default) for the holder of `token`.
async fn api_token(app: &TestApp, token: &str, scopes: Option<Value>) -> (StatusCode, Value) {
    let mut body = json!({"name": "Statistics office"});
    if let Some(scopes) = scopes {
        body["scopes"] = scopes;
    }
    let response = app
        .post("/api/v1/api-tokens")
        .bearer_auth(token)
        .json(&body)
        .send()
        .await
        .expect("request");
    let status = response.status();
    (status, response.json().await.expect("JSON"))
}

#[tokio::test]
async fn api_tokens_do_no_more_than_their_scopes() {
    let app = spawn_app().await;
    let (_, secretariat) = app.signed_in(Role::Secretariat, None).await;
    let (_, reviewer) = app.signed_in(Role::Reviewer, None).await;
    let ken = approved_country(&app, "KEN", &reviewer).await;
    let col = approved_country(&app, "COL", &reviewer).await;
    open_cycle(&app, &secretariat, 2025, 10).await;
    let mut report = start_report(&app, &ken, 2025).await;
    let indicator = report.refresh().await["indicators"][0]["indicator_id"]
        .as_str()
        .unwrap()
        .to_owned();

    let (status, read) = api_token(&app, &ken.focal, None).await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(read["scopes"], json!(["read"]));
    let (status, push) = api_token(&app, &ken.focal, Some(json!(["write:indicators"]))).await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(push["scopes"], json!(["write:indicators"]));
    let (status, _) = api_token(&app, &ken.focal, Some(json!(["admin"]))).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let read = read["token"].as_str().unwrap();
    let push = push["token"].as_str().unwrap();

    // A read token reads, and pushes nothing.
    assert_eq!(
        get_json(&app, &report.path(""), read).await.0,
        StatusCode::OK
    );
    let value = json!({"value": "50.1", "year": 2025, "source": "KNBS"});
    let mut as_read = report.as_member(read).await;
    let (status, body) = as_read
        .put(&format!("/indicators/{indicator}"), value.clone())
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(body["error"]["code"], "insufficient_scope");
    assert_eq!(body["error"]["details"][0]["code"], "write:indicators");

    // The statistics system pushes values, with the same rules as the team (If-Match, 422).
    let mut system = report.as_member(push).await;
    let (status, _) = system
        .put(
            &format!("/indicators/{indicator}"),
            json!({"value": "many", "year": 2025, "source": "KNBS"}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, body) = system
        .put(&format!("/indicators/{indicator}"), value.clone())
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let stale = app
        .client
        .put(app.url(&report.path(&format!("/indicators/{indicator}"))))
        .bearer_auth(push)
        .header("if-match", "\"1\"")
        .json(&value)
        .send()
        .await
        .unwrap();
    assert_eq!(stale.status(), StatusCode::PRECONDITION_FAILED);
    // Nothing else: not the narrative, not a submission, not another country's report.
    let (status, body) = system
        .patch("", json!({"narrative": {"achievements": "x"}}))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(body["error"]["code"], "insufficient_scope");
    assert_eq!(
        system.post("/submit", json!({})).await.0,
        StatusCode::FORBIDDEN
    );
    let mut col_report = start_report(&app, &col, 2025).await;
    let col_indicator = col_report.refresh().await["indicators"][0]["indicator_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let (status, _) = get_json(&app, &col_report.path(""), push).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "another country's draft");
    let response = app
        .client
        .put(app.url(&col_report.path(&format!("/indicators/{col_indicator}"))))
        .bearer_auth(push)
        .header("if-match", &col_report.etag)
        .json(&value)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    // A token never makes tokens.
    let (status, _) = api_token(&app, push, None).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

/// Who may do what on a report, cell by cell: the focal point and a contributor of its country,
/// another country's focal point, a reviewer, the secretariat, an admin, a partner; on a draft,
/// a submitted and an accepted report.
#[tokio::test]
async fn who_may_do_what_on_a_report() {
    let app = spawn_app().await;
    let (_, secretariat) = app.signed_in(Role::Secretariat, None).await;
    let (_, reviewer) = app.signed_in(Role::Reviewer, None).await;
    let (_, admin) = app.signed_in(Role::Admin, None).await;
    let (_, partner) = app.signed_in(Role::Partner, None).await;
    let ken = approved_country(&app, "KEN", &reviewer).await;
    let col = approved_country(&app, "COL", &reviewer).await;
    open_cycle(&app, &secretariat, 2025, 10).await;
    let mut report = start_report(&app, &ken, 2025).await;
    report.refresh().await;
    fill_report(&mut report, &ken).await;

    let callers = [
        ("own focal point", ken.focal.clone()),
        ("own contributor", ken.contributor.clone()),
        ("other country", col.focal.clone()),
        ("reviewer", reviewer.clone()),
        ("secretariat", secretariat.clone()),
        ("admin", admin.clone()),
        ("partner", partner.clone()),
    ];
    // Expected: read, edit the narrative, comment, on each status.
    let expected = |status: &str, who: &str| -> (u16, u16, u16) {
        let team = who.starts_with("own");
        let reviews = matches!(who, "reviewer" | "secretariat");
        let staff = matches!(who, "secretariat" | "admin");
        let sees = match status {
            "draft" => team || staff,
            "submitted" => team || staff || who == "reviewer",
            _ => true,
        };
        if !sees {
            return (404, 404, 404);
        }
        let edit = match (team, status) {
            (true, "draft") => 200,
            (true, _) => 409,
            _ => 403,
        };
        let comment = if team || reviews { 201 } else { 403 };
        (200, edit, comment)
    };
    for status in ["draft", "submitted", "accepted"] {
        if status == "submitted" {
            report.refresh().await;
            assert_eq!(report.post("/submit", json!({})).await.0, StatusCode::OK);
        }
        if status == "accepted" {
            let mut review = report.as_member(&reviewer).await;
            assert_eq!(
                review
                    .post("/reviews", json!({"decision": "accept"}))
                    .await
                    .0,
                StatusCode::OK
            );
        }
        for (who, token) in &callers {
            let (read, edit, comment) = expected(status, who);
            let got_read = app
                .get(&report.path(""))
                .bearer_auth(token)
                .send()
                .await
                .unwrap();
            assert_eq!(
                got_read.status().as_u16(),
                read,
                "{who} reads a {status} report"
            );
            let etag = got_read
                .headers()
                .get("etag")
                .map(|v| v.to_str().unwrap().to_owned())
                .unwrap_or_else(|| "\"1\"".into());
            let got_edit = app
                .patch(&report.path(""))
                .bearer_auth(token)
                .header("if-match", etag)
                .json(&json!({"narrative": {"lessons_learned": format!("{who} was here")}}))
                .send()
                .await
                .unwrap();
            assert_eq!(
                got_edit.status().as_u16(),
                edit,
                "{who} edits a {status} report"
            );
            let got_comment = app
                .post(&report.path("/comments"))
                .bearer_auth(token)
                .json(&json!({"body": "A remark."}))
                .send()
                .await
                .unwrap();
            assert_eq!(
                got_comment.status().as_u16(),
                comment,
                "{who} comments a {status} report"
            );
            for part in ["/history", "/comments"] {
                let got = app
                    .get(&report.path(part))
                    .bearer_auth(token)
                    .send()
                    .await
                    .unwrap();
                assert_eq!(
                    got.status().as_u16(),
                    read,
                    "{who} reads {part} of a {status} report"
                );
            }
            // The parts are edited as the narrative is.
            let etag = app
                .get(&report.path(""))
                .bearer_auth(token)
                .send()
                .await
                .unwrap()
                .headers()
                .get("etag")
                .map(|v| v.to_str().unwrap().to_owned())
                .unwrap_or_else(|| "\"1\"".into());
            let got = app
                .client
                .put(app.url(&report.path(&format!("/actions/{}", ken.actions[2]))))
                .bearer_auth(token)
                .header("if-match", &etag)
                .json(&json!({"status": "on_track", "progress_percent": 10, "spent": null, "note": who}))
                .send()
                .await
                .unwrap();
            assert_eq!(
                got.status().as_u16(),
                edit,
                "{who} writes an action line of a {status} report"
            );
            let etag = got
                .headers()
                .get("etag")
                .map_or(etag.clone(), |v| v.to_str().unwrap().to_owned());
            let got = app
                .post(&report.path("/support-requests"))
                .bearer_auth(token)
                .header("if-match", &etag)
                .json(&json!({"type": "technical", "description": "Help.", "priority_id": null, "action_id": null}))
                .send()
                .await
                .unwrap();
            let created = if edit == 200 { 201 } else { edit };
            assert_eq!(
                got.status().as_u16(),
                created,
                "{who} asks for support on a {status} report"
            );
            // The steps, for those they are not the workflow's next one (that would move it on).
            let reviews = matches!(*who, "reviewer" | "secretariat");
            if *who != "own focal point" {
                let got = app
                    .post(&report.path("/submit"))
                    .bearer_auth(token)
                    .header("if-match", "\"1\"")
                    .send()
                    .await
                    .unwrap();
                let expected = if read == 404 { 404 } else { 403 };
                assert_eq!(
                    got.status().as_u16(),
                    expected,
                    "{who} submits a {status} report"
                );
            }
            if !(reviews && status == "submitted") {
                let current = app
                    .get(&report.path(""))
                    .bearer_auth(&secretariat)
                    .send()
                    .await
                    .unwrap();
                let etag = current.headers()["etag"].to_str().unwrap().to_owned();
                let got = app
                    .post(&report.path("/reviews"))
                    .bearer_auth(token)
                    .header("if-match", etag)
                    .json(&json!({"decision": "accept"}))
                    .send()
                    .await
                    .unwrap();
                let expected = match (read, reviews) {
                    (404, _) => 404,
                    (_, true) => 409,
                    _ => 403,
                };
                assert_eq!(
                    got.status().as_u16(),
                    expected,
                    "{who} accepts a {status} report"
                );
            }
            let listed = get_json(&app, &format!("{REPORTS}?year=2025&country=KEN"), token)
                .await
                .1;
            assert_eq!(
                listed["total"].as_u64().unwrap() == 1,
                read == 200,
                "{who} lists a {status} report"
            );
        }
    }
    // Reviews: reviewers and the secretariat only, and only what is submitted.
    let mut review = report.as_member(&reviewer).await;
    let (status, body) = review.post("/reviews", json!({"decision": "accept"})).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    let mut team_review = report.as_member(&ken.focal).await;
    assert_eq!(
        team_review
            .post("/reviews", json!({"decision": "accept"}))
            .await
            .0,
        StatusCode::FORBIDDEN
    );
    // Starting a report: the country's own team, on its approved roadmap.
    for (token, expected) in [
        (&col.focal, StatusCode::FORBIDDEN),
        (&reviewer, StatusCode::FORBIDDEN),
        (&partner, StatusCode::FORBIDDEN),
    ] {
        let response = app
            .post(REPORTS)
            .bearer_auth(token)
            .json(&json!({"roadmap_id": ken.roadmap_id, "year": 2025}))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), expected);
    }
}

/// Writes the exports and reads them back: the same figures as the JSON.
#[tokio::test]
async fn exports_read_back_as_the_json_and_query_counts_stay_flat() {
    // Every request reads its member's row again, as with a cold cache.
    let app = spawn_app_with(|config| config.row_cache_max_age = std::time::Duration::ZERO).await;
    let (_, secretariat) = app.signed_in(Role::Secretariat, None).await;
    let (_, reviewer) = app.signed_in(Role::Reviewer, None).await;
    open_cycle(&app, &secretariat, 2025, 10).await;
    let mut counts = Vec::new();
    for code in ["KEN", "COL", "PHL"] {
        let country = approved_country(&app, code, &reviewer).await;
        let mut report = start_report(&app, &country, 2025).await;
        report.refresh().await;
        fill_report(&mut report, &country).await;
        assert_eq!(report.post("/submit", json!({})).await.0, StatusCode::OK);
        let mut review = report.as_member(&reviewer).await;
        assert_eq!(
            review
                .post("/reviews", json!({"decision": "accept"}))
                .await
                .0,
            StatusCode::OK
        );
        let mut queries = Vec::new();
        for path in [
            "/api/v1/reporting-cycles/2025/tracker".to_owned(),
            "/api/v1/reporting-cycles/2025/synthesis".to_owned(),
            report.path(""),
            format!("{REPORTS}?year=2025"),
        ] {
            let response = app
                .get(&path)
                .bearer_auth(&secretariat)
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), StatusCode::OK, "{path}");
            queries.push(query_count(&response));
        }
        counts.push(queries);
    }
    // One, two or three countries: the same number of queries for each read.
    assert_eq!(
        counts[1], counts[2],
        "queries per read with 2 and 3 countries: {counts:?}"
    );

    let (_, tracker) = get_json(&app, "/api/v1/reporting-cycles/2025/tracker", &secretariat).await;
    let csv = app
        .get("/api/v1/reporting-cycles/2025/tracker.csv")
        .bearer_auth(&secretariat)
        .send()
        .await
        .unwrap();
    assert_eq!(csv.status(), StatusCode::OK);
    let text = csv.text().await.unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let lines: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let rows = tracker["rows"].as_array().unwrap();
    assert_eq!(lines.len(), rows.len());
    for (line, row) in lines.iter().zip(rows) {
        assert_eq!(&line[0], row["country_code"].as_str().unwrap());
        assert_eq!(&line[2], row["status"].as_str().unwrap());
        assert_eq!(&line[6], row["report_id"].as_str().unwrap_or_default());
    }

    let (_, synthesis) = get_json(
        &app,
        "/api/v1/reporting-cycles/2025/synthesis",
        &secretariat,
    )
    .await;
    let csv = app
        .get("/api/v1/reporting-cycles/2025/synthesis.csv")
        .bearer_auth(&secretariat)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(csv.as_bytes());
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let budget: Vec<&csv::StringRecord> = records
        .iter()
        .filter(|r| &r[0] == "budget_by_country" && &r[1] != "key")
        .collect();
    let json_budget = synthesis["budget_by_country"].as_array().unwrap();
    assert_eq!(budget.len(), json_budget.len());
    for (line, json) in budget.iter().zip(json_budget) {
        assert_eq!(&line[1], json["key"].as_str().unwrap());
        assert_eq!(&line[2], json["currency"].as_str().unwrap());
        assert_eq!(&line[3], json["planned"]["amount"].as_str().unwrap());
        assert_eq!(&line[4], json["spent"]["amount"].as_str().unwrap());
    }
    let strategies: Vec<&csv::StringRecord> = records
        .iter()
        .filter(|r| &r[0] == "actions_by_strategy" && &r[1] != "key")
        .collect();
    for (line, json) in strategies
        .iter()
        .zip(synthesis["actions_by_strategy"].as_array().unwrap())
    {
        assert_eq!(&line[1], json["key"].as_str().unwrap());
        assert_eq!(
            line[5].parse::<u64>().unwrap(),
            json["counts"]["completed"].as_u64().unwrap()
        );
        assert_eq!(
            line[7].parse::<u64>().unwrap(),
            json["counts"]["total"].as_u64().unwrap()
        );
    }

    let xlsx = app
        .get("/api/v1/reporting-cycles/2025/synthesis.xlsx")
        .bearer_auth(&secretariat)
        .send()
        .await
        .unwrap();
    assert_eq!(xlsx.status(), StatusCode::OK);
    let bytes = xlsx.bytes().await.unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let mut read = |name: &str| {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut archive.by_name(name).unwrap(), &mut text).unwrap();
        text
    };
    let workbook = read("xl/workbook.xml");
    let names: Vec<&str> = workbook
        .split("<sheet name=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .collect();
    assert_eq!(
        names,
        [
            "actions_by_strategy",
            "actions_by_region",
            "budget_by_strategy",
            "budget_by_country",
            "indicators",
            "support_requests",
            "late_reports"
        ]
    );
    // The budget sheet holds the amounts as numbers.
    let sheet = read("xl/worksheets/sheet4.xml");
    for json in json_budget {
        let planned: f64 = json["planned"]["amount"].as_str().unwrap().parse().unwrap();
        assert!(
            sheet.contains(&format!("<v>{planned}</v>")),
            "{planned} in {sheet}"
        );
    }
}

/// `pioneer seed --demo` gives a newcomer the product at work: roadmaps in every status, an open
/// cycle with reports in every status, a closed one before it; run again, it adds nothing.
#[tokio::test]
async fn the_demo_shows_every_status() {
    let binary = crate::helpers::Binary::new(&[]).await;
    binary.seed_demo();
    binary.seed_demo();
    let (mut server, _) = binary.serve(std::process::Stdio::null()).await;
    let client = reqwest::Client::new();
    let login = client
        .post(format!("{}/api/v1/auth/login", binary.base))
        .json(&json!({"email": "secretariat@pioneer.test", "password": "pioneer-demo-2026"}))
        .send()
        .await
        .unwrap();
    let token = login.json::<Value>().await.unwrap()["access_token"]
        .as_str()
        .unwrap()
        .to_owned();
    let get = |path: String| {
        let request = client
            .get(format!("{}/api/v1{path}", binary.base))
            .bearer_auth(&token);
        async move { request.send().await.unwrap().json::<Value>().await.unwrap() }
    };
    let roadmaps = get("/roadmaps?per_page=100".into()).await;
    let mut statuses: Vec<&str> = roadmaps["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["status"].as_str().unwrap())
        .collect();
    statuses.sort_unstable();
    statuses.dedup();
    assert_eq!(
        statuses,
        ["approved", "changes_requested", "draft", "submitted"]
    );
    assert_eq!(roadmaps["total"], 8, "seeding twice adds nothing");
    let cycles = get("/reporting-cycles".into()).await;
    assert_eq!(cycles["items"][0]["status"], "open");
    assert_eq!(cycles["items"][1]["status"], "closed");
    let year = cycles["items"][0]["year"].as_i64().unwrap();
    let tracker = get(format!("/reporting-cycles/{year}/tracker")).await;
    for status in [
        "not_started",
        "draft",
        "submitted",
        "changes_requested",
        "accepted",
    ] {
        assert!(
            tracker["counts"][status].as_u64().unwrap() >= 1,
            "a report {status}: {tracker}"
        );
    }
    let last_year = get(format!("/reporting-cycles/{}/synthesis", year - 1)).await;
    assert_eq!(last_year["late_reports"][0]["country_code"], "MEX");
    let comments = get(format!(
        "/reports/{}/comments",
        tracker["rows"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["status"] == "changes_requested")
            .unwrap()["report_id"]
            .as_str()
            .unwrap()
    ))
    .await;
    assert_eq!(comments["total"], 1, "the reviewer said what to change");
    server.kill().unwrap();
    server.wait().unwrap();
}

/// A year without a cycle has no synthesis and no tracker (404); once its cycle is opened, it
/// has them at once (what was kept of the year is forgotten), and so has a country its trend.
#[tokio::test]
async fn a_cycle_opened_has_its_synthesis_at_once() {
    let app =
        spawn_app_with(|config| config.row_cache_max_age = std::time::Duration::from_secs(60))
            .await;
    let (_, secretariat) = app.signed_in(Role::Secretariat, None).await;
    for path in [
        "/api/v1/reporting-cycles/2030/synthesis",
        "/api/v1/countries/XYZ/trend",
    ] {
        let (status, _) = get_json(&app, path, &secretariat).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
    }
    let response = app
        .post("/api/v1/reporting-cycles")
        .bearer_auth(&secretariat)
        .json(&json!({"year": 2030, "opens_on": "2031-01-15", "due_on": "2031-03-31"}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
    let (status, synthesis) = get_json(
        &app,
        "/api/v1/reporting-cycles/2030/synthesis",
        &secretariat,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(synthesis["year"], 2030);
    let (status, trend) = get_json(&app, "/api/v1/countries/KEN/trend", &secretariat).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(trend["years"], json!([]));
}
