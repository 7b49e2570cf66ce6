//! The authorization matrix of every endpoint that touches country data, as one table-driven
//! test over HTTP.
//!
//! The expectation is written here in plain words ([`ENDPOINTS`], [`sees`], [`expected`]), not
//! asked of `pioneer_domain::policy`, so that a bug in the policy or in a handler shows up as a
//! row that does not hold. Every mismatching row is collected and reported at once.
//!
//! The roadmaps under test belong to Kenya: "own" callers are Kenya's team, "other" callers
//! Colombia's.

use std::fmt;
use std::time::Instant;

use pioneer_domain::Role;
use pioneer_domain::roadmap::RoadmapStatus;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{RoadmapClient, TestApp, spawn_app};

const OWN: &str = "KEN";
const OTHER: &str = "COL";

// ---- who asks ----

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Caller {
    name: &'static str,
    /// `None`: no `Authorization` header at all.
    role: Option<Role>,
    country: Option<&'static str>,
}

const fn caller(name: &'static str, role: Role, country: Option<&'static str>) -> Caller {
    Caller {
        name,
        role: Some(role),
        country,
    }
}

const ANONYMOUS: Caller = Caller {
    name: "anonymous",
    role: None,
    country: None,
};

const CALLERS: [Caller; 9] = [
    caller("admin", Role::Admin, None),
    caller("secretariat", Role::Secretariat, None),
    caller("reviewer", Role::Reviewer, None),
    caller("partner", Role::Partner, None),
    caller("own focal point", Role::CountryFocalPoint, Some(OWN)),
    caller("own contributor", Role::CountryContributor, Some(OWN)),
    caller("other focal point", Role::CountryFocalPoint, Some(OTHER)),
    caller("other contributor", Role::CountryContributor, Some(OTHER)),
    ANONYMOUS,
];

impl Caller {
    /// A focal point or contributor of `country`.
    fn is_team_of(&self, country: &str) -> bool {
        matches!(
            self.role,
            Some(Role::CountryFocalPoint | Role::CountryContributor)
        ) && self.country == Some(country)
    }

    /// Admins and the secretariat run the platform.
    fn runs_platform(&self) -> bool {
        matches!(self.role, Some(Role::Admin | Role::Secretariat))
    }

    /// The Core Support Group and the secretariat decide on submissions (admins do not).
    fn decides(&self) -> bool {
        matches!(self.role, Some(Role::Reviewer | Role::Secretariat))
    }
}

/// Whether `caller` sees a roadmap of `country` in `state`: the country's own team and the
/// platform (admins, secretariat) always; reviewers once it has been submitted (not drafts);
/// every signed-in member once it has been approved (approved or superseded). Nobody else.
fn sees(caller: &Caller, country: &str, state: RoadmapStatus) -> bool {
    use RoadmapStatus::*;
    if caller.role.is_none() {
        return false;
    }
    let team = caller.is_team_of(country);
    match state {
        Draft => team || caller.runs_platform(),
        Submitted | ChangesRequested => {
            team || caller.runs_platform() || caller.role == Some(Role::Reviewer)
        }
        Approved | Superseded => true,
    }
}

// ---- what they ask for ----

/// Who, among those who see the roadmap, may use an endpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Who {
    /// Whoever sees the roadmap.
    Readers,
    /// The country's own team: focal points and contributors.
    Team,
    /// The country's own focal point only.
    FocalPoint,
    /// Reviewers and the secretariat.
    Deciders,
    /// The country's own team, reviewers and the secretariat.
    TeamAndDeciders,
}

/// In which states the step is allowed once the caller may take it (else 409).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum When {
    Always,
    /// A draft, or a roadmap sent back with changes requested.
    Editable,
    Submitted,
    /// The approved version, while no revision of it is under way.
    Approved,
}

impl When {
    fn allows(self, state: State) -> bool {
        match self {
            When::Always => true,
            When::Editable => matches!(state, State::Draft | State::ChangesRequested),
            When::Submitted => state == State::Submitted,
            When::Approved => state == State::Approved,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Body {
    None,
    Title,
    Priority,
    Action,
    Indicator,
    IndicatorName,
    Approve,
    RequestChanges,
    Comment,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verb {
    Get,
    Post,
    Patch,
    Delete,
}

impl Verb {
    fn method(self) -> Method {
        match self {
            Verb::Get => Method::GET,
            Verb::Post => Method::POST,
            Verb::Patch => Method::PATCH,
            Verb::Delete => Method::DELETE,
        }
    }
}

#[derive(Clone, Copy)]
struct Endpoint {
    method: Verb,
    /// After `/api/v1/roadmaps/{id}`; `{pid}`, `{aid}`, `{iid}` name a priority, action,
    /// indicator of the roadmap.
    rest: &'static str,
    who: Who,
    when: When,
    /// The status of a success.
    ok: u16,
    /// Writes that need `If-Match` (428 without, 412 stale).
    if_match: bool,
    /// A success changes the roadmap's status, starts a new version, or leaves the roadmap unfit
    /// to submit (a priority without actions): the roadmap of that state is built again for the
    /// next case.
    rebuild: bool,
    body: Body,
}

const fn read(rest: &'static str) -> Endpoint {
    Endpoint {
        method: Verb::Get,
        rest,
        who: Who::Readers,
        when: When::Always,
        ok: 200,
        if_match: false,
        rebuild: false,
        body: Body::None,
    }
}

const fn edit(method: Verb, rest: &'static str, ok: u16, body: Body) -> Endpoint {
    Endpoint {
        method,
        rest,
        who: Who::Team,
        when: When::Editable,
        ok,
        if_match: true,
        rebuild: false,
        body,
    }
}

const fn step(rest: &'static str, who: Who, when: When, ok: u16, body: Body) -> Endpoint {
    Endpoint {
        method: Verb::Post,
        rest,
        who,
        when,
        ok,
        if_match: true,
        rebuild: true,
        body,
    }
}

/// Every endpoint on one roadmap, with who may use it and when.
const ENDPOINTS: [Endpoint; 23] = [
    read(""),
    read("/versions"),
    read("/history"),
    read("/budget"),
    read("/comments"),
    read("/export.csv"),
    read("/export.xlsx"),
    edit(Verb::Patch, "", 200, Body::Title),
    Endpoint {
        rebuild: true,
        ..edit(Verb::Post, "/priorities", 201, Body::Priority)
    },
    edit(Verb::Patch, "/priorities/{pid}", 200, Body::Title),
    edit(Verb::Delete, "/priorities/{pid}", 204, Body::None),
    edit(Verb::Post, "/actions", 201, Body::Action),
    edit(Verb::Patch, "/actions/{aid}", 200, Body::Title),
    edit(Verb::Delete, "/actions/{aid}", 204, Body::None),
    edit(Verb::Post, "/indicators", 201, Body::Indicator),
    edit(Verb::Patch, "/indicators/{iid}", 200, Body::IndicatorName),
    edit(Verb::Delete, "/indicators/{iid}", 204, Body::None),
    step("/submit", Who::FocalPoint, When::Editable, 200, Body::None),
    step("/withdraw", Who::Team, When::Submitted, 200, Body::None),
    step("/revise", Who::Team, When::Approved, 201, Body::None),
    step(
        "/reviews",
        Who::Deciders,
        When::Submitted,
        200,
        Body::Approve,
    ),
    step(
        "/reviews",
        Who::Deciders,
        When::Submitted,
        200,
        Body::RequestChanges,
    ),
    // Comments need no `If-Match` and are allowed in every state the caller sees.
    Endpoint {
        method: Verb::Post,
        rest: "/comments",
        who: Who::TeamAndDeciders,
        when: When::Always,
        ok: 201,
        if_match: false,
        rebuild: false,
        body: Body::Comment,
    },
];

/// The `If-Match` a write is sent with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Precondition {
    Current,
    Missing,
    /// The ETag of the roadmap as created (revision 1), long since changed.
    Stale,
}

impl fmt::Display for Precondition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Precondition::Current => "current If-Match",
            Precondition::Missing => "no If-Match",
            Precondition::Stale => "stale If-Match",
        })
    }
}

/// The answer to `caller` using `endpoint` on Kenya's roadmap in `state`, in the order the
/// checks must run: who asks (401), whether they may know it exists (404), whether they may act
/// (403), `If-Match` (428, 412), the workflow (409). A caller who is refused learns nothing
/// about revisions.
fn expected(caller: &Caller, endpoint: &Endpoint, state: State, precondition: Precondition) -> u16 {
    if caller.role.is_none() {
        return 401;
    }
    if !sees(caller, OWN, state.status()) {
        return 404;
    }
    let may = match endpoint.who {
        Who::Readers => true,
        Who::Team => caller.is_team_of(OWN),
        Who::FocalPoint => caller.is_team_of(OWN) && caller.role == Some(Role::CountryFocalPoint),
        Who::Deciders => caller.decides(),
        Who::TeamAndDeciders => caller.is_team_of(OWN) || caller.decides(),
    };
    if !may {
        return 403;
    }
    if endpoint.if_match {
        match precondition {
            Precondition::Missing => return 428,
            Precondition::Stale => return 412,
            Precondition::Current => {}
        }
    }
    if !endpoint.when.allows(state) {
        return 409;
    }
    endpoint.ok
}

// ---- the roadmaps under test ----

/// The states a roadmap goes through; an approved roadmap whose revision is under way (a new
/// draft version exists) is one more.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Draft,
    Submitted,
    ChangesRequested,
    Approved,
    Revising,
    Superseded,
}

const STATES: [State; 6] = [
    State::Draft,
    State::Submitted,
    State::ChangesRequested,
    State::Approved,
    State::Revising,
    State::Superseded,
];

impl State {
    fn status(self) -> RoadmapStatus {
        match self {
            State::Draft => RoadmapStatus::Draft,
            State::Submitted => RoadmapStatus::Submitted,
            State::ChangesRequested => RoadmapStatus::ChangesRequested,
            State::Approved | State::Revising => RoadmapStatus::Approved,
            State::Superseded => RoadmapStatus::Superseded,
        }
    }
}

impl fmt::Display for State {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            State::Revising => f.write_str("approved (revision under way)"),
            other => write!(f, "{}", other.status()),
        }
    }
}

/// A complete Kenyan roadmap in one state, with one of each part.
#[derive(Debug, Clone)]
struct Fixture {
    id: String,
    pid: String,
    aid: String,
    iid: String,
    /// Every version of its lineage (itself included), with its status.
    versions: Vec<(String, &'static str, RoadmapStatus)>,
}

struct Tokens {
    owner: String,
    reviewer: String,
    admin: String,
}

async fn decide(app: &TestApp, team: &mut RoadmapClient<'_>, reviewer: &str, review: Value) {
    let mut decider = RoadmapClient {
        base: "/api/v1/roadmaps",
        app,
        token: reviewer.to_owned(),
        id: team.id.clone(),
        etag: team.etag.clone(),
    };
    let (status, body) = decider.post("/reviews", review).await;
    assert_eq!(status, StatusCode::OK, "review: {body}");
    team.etag = decider.etag;
}

async fn submit(team: &mut RoadmapClient<'_>) {
    let (status, body) = team.write(Method::POST, "/submit", None).await;
    assert_eq!(status, StatusCode::OK, "submit: {body}");
}

/// Builds a complete roadmap of the owner's country in `state`, as its team and a reviewer
/// would. Answers the roadmap and its newer version, if any.
async fn build(
    app: &TestApp,
    owner: &str,
    reviewer: &str,
    state: State,
) -> (Value, Option<(String, RoadmapStatus)>) {
    let approve = json!({"decision": "approve"});
    let mut team = RoadmapClient::create(app, owner).await;
    team.fill().await;
    if state != State::Draft {
        submit(&mut team).await;
    }
    let mut newer = None;
    match state {
        State::ChangesRequested => {
            let review = json!({"decision": "request_changes", "comment": "Cost the actions."});
            decide(app, &mut team, reviewer, review).await;
        }
        State::Approved => decide(app, &mut team, reviewer, approve).await,
        State::Revising | State::Superseded => {
            decide(app, &mut team, reviewer, approve.clone()).await;
            let (status, body) = team.write(Method::POST, "/revise", None).await;
            assert_eq!(status, StatusCode::CREATED, "revise: {body}");
            let mut revision = RoadmapClient {
                base: "/api/v1/roadmaps",
                app,
                token: owner.to_owned(),
                id: body["id"].as_str().expect("id").to_owned(),
                etag: team.etag.clone(),
            };
            newer = Some((revision.id.clone(), RoadmapStatus::Draft));
            if state == State::Superseded {
                submit(&mut revision).await;
                decide(app, &mut revision, reviewer, approve).await;
                newer = Some((revision.id.clone(), RoadmapStatus::Approved));
            }
        }
        State::Draft | State::Submitted => {}
    }
    let (status, body) = team.get("").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        body["status"],
        state.status().as_str(),
        "built a {state} roadmap"
    );
    (body, newer)
}

async fn build_fixture(app: &TestApp, tokens: &Tokens, state: State) -> Fixture {
    let (body, newer) = build(app, &tokens.owner, &tokens.reviewer, state).await;
    let id = |v: &Value| v["id"].as_str().expect("id").to_owned();
    let mut versions = vec![(id(&body), OWN, state.status())];
    if let Some((newer, status)) = newer {
        versions.push((newer, OWN, status));
    }
    Fixture {
        id: id(&body),
        pid: id(&body["priorities"][0]),
        aid: id(&body["actions"][0]),
        iid: id(&body["indicators"][0]),
        versions,
    }
}

fn body(kind: Body, fixture: &Fixture) -> Option<Value> {
    Some(match kind {
        Body::None => return None,
        Body::Title => json!({"title": "Probe"}),
        Body::Priority => json!({"title": "Probe", "strategies": ["laws"]}),
        // Complete parts, so that the roadmap can still be submitted.
        Body::Action => json!({
            "priority_id": fixture.pid, "title": "Probe", "lead_institution": "Ministry of Health",
            "start_month": "2025-03", "end_month": "2026-12",
            "budget": {"amount": "1000", "currency": "USD"},
            "secured": {"amount": "0", "currency": "USD"}, "funding_source": "National budget",
        }),
        Body::Indicator => json!({
            "indicator_code": "16.2.1", "name": "Probe", "unit": "%", "source": "MICS",
            "baseline_value": "64.5", "baseline_year": 2022, "target_value": "40", "target_year": 2030,
        }),
        Body::IndicatorName => json!({"name": "Probe"}),
        Body::Approve => json!({"decision": "approve"}),
        Body::RequestChanges => {
            json!({"decision": "request_changes", "comment": "Probe: say who leads each action."})
        }
        Body::Comment => json!({"body": "Probe"}),
    })
}

fn label(endpoint: &Endpoint) -> String {
    let decision = match endpoint.body {
        Body::Approve => " (approve)",
        Body::RequestChanges => " (request_changes)",
        _ => "",
    };
    format!(
        "{} /roadmaps/{{id}}{}{decision}",
        endpoint.method.method(),
        endpoint.rest
    )
}

async fn send(
    app: &TestApp,
    token: Option<&str>,
    method: Method,
    path: &str,
    if_match: Option<&str>,
    body: Option<Value>,
) -> reqwest::Response {
    let mut request = app.client.request(method, app.url(path));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    if let Some(etag) = if_match {
        request = request.header("if-match", etag);
    }
    if let Some(body) = body {
        request = request.json(&body);
    }
    request.send().await.expect("request")
}

/// The roadmap's current ETag and status, as the platform reads them.
async fn current(app: &TestApp, admin: &str, id: &str) -> (String, String) {
    let response = send(
        app,
        Some(admin),
        Method::GET,
        &format!("/api/v1/roadmaps/{id}"),
        None,
        None,
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK);
    let etag = response.headers()["etag"]
        .to_str()
        .expect("etag")
        .to_owned();
    let body: Value = response.json().await.expect("roadmap");
    (etag, body["status"].as_str().unwrap_or_default().to_owned())
}

/// A part made for the delete cases on an editable roadmap, so that a successful delete does
/// not take away what later cases need. Answers its id.
async fn scratch_part(app: &TestApp, tokens: &Tokens, fixture: &Fixture, rest: &str) -> String {
    let (etag, _) = current(app, &tokens.admin, &fixture.id).await;
    let (list, kind) = match rest {
        r if r.starts_with("/priorities") => ("/priorities", Body::Priority),
        r if r.starts_with("/actions") => ("/actions", Body::Action),
        _ => ("/indicators", Body::Indicator),
    };
    let response = send(
        app,
        Some(&tokens.owner),
        Method::POST,
        &format!("/api/v1/roadmaps/{}{list}", fixture.id),
        Some(&etag),
        body(kind, fixture),
    )
    .await;
    assert_eq!(response.status(), StatusCode::CREATED, "scratch part");
    let created: Value = response.json().await.expect("part");
    created["id"].as_str().expect("id").to_owned()
}

// ---- lists ----

/// Checks one list answer: every item is one `caller` may see and matches the filter, and every
/// roadmap of `known` that they may see and that matches the filter is there.
fn check_list(
    items: &Value,
    caller: &Caller,
    known: &[(String, &str, RoadmapStatus)],
    matches: impl Fn(&str, RoadmapStatus) -> bool,
) -> Result<(), String> {
    let total = items["total"].as_u64();
    let items = items["items"].as_array().ok_or("no items")?;
    if total.is_some_and(|total| total > items.len() as u64) {
        return Err("does not fit on one page".into());
    }
    let mut listed = Vec::new();
    for item in items {
        let country = item["country_code"].as_str().unwrap_or_default();
        let status: RoadmapStatus =
            serde_json::from_value(item["status"].clone()).map_err(|e| e.to_string())?;
        if !sees(caller, country, status) {
            return Err(format!("lists a {status} roadmap of {country}"));
        }
        if !matches(country, status) {
            return Err(format!(
                "lists a {status} roadmap of {country}, outside the filter"
            ));
        }
        listed.push(item["id"].as_str().unwrap_or_default());
    }
    for (id, country, status) in known {
        if sees(caller, country, *status) && matches(country, *status) && !listed.contains(&&**id) {
            return Err(format!("misses the {status} roadmap of {country}"));
        }
    }
    Ok(())
}

/// The matrix: 9 callers × 23 endpoints on a roadmap × 6 states × (for writes) 3 `If-Match`
/// variants, then the lists with their filters, the review queue, the members list and roadmap
/// creation.
#[tokio::test]
async fn every_endpoint_on_country_data_answers_each_caller_in_each_state_as_the_rules_say() {
    let started = Instant::now();
    let app = spawn_app().await;
    let mut tokens = Vec::new();
    for caller in CALLERS {
        tokens.push(match caller.role {
            Some(role) => Some(app.signed_in(role, caller.country).await.1),
            None => None,
        });
    }
    let token_of = |name: &str| {
        let i = CALLERS.iter().position(|c| c.name == name).expect("caller");
        tokens[i].clone().expect("signed in")
    };
    let setup = Tokens {
        owner: token_of("own focal point"),
        reviewer: token_of("reviewer"),
        admin: token_of("admin"),
    };
    let mut fixtures = Vec::new();
    for state in STATES {
        fixtures.push(build_fixture(&app, &setup, state).await);
    }
    // Colombia's draft: Kenya's team must not see it, Colombia's must.
    let (colombian_draft, _) = build(
        &app,
        &token_of("other focal point"),
        &setup.reviewer,
        State::Draft,
    )
    .await;

    let mut rows = 0usize;
    let mut failures: Vec<String> = Vec::new();

    // -- Lists: which roadmaps appear for whom, with and without filters. --
    let mut known: Vec<(String, &str, RoadmapStatus)> =
        fixtures.iter().flat_map(|f| f.versions.clone()).collect();
    let colombian_draft = colombian_draft["id"].as_str().expect("id").to_owned();
    known.push((colombian_draft, OTHER, RoadmapStatus::Draft));
    let mut queries: Vec<(String, Option<&str>, Option<RoadmapStatus>)> = vec![
        (String::new(), None, None),
        ("country=KEN".into(), Some(OWN), None),
        ("country=col".into(), Some(OTHER), None),
        (
            "country=COL&status=draft".into(),
            Some(OTHER),
            Some(RoadmapStatus::Draft),
        ),
    ];
    for status in RoadmapStatus::ALL {
        queries.push((format!("status={status}"), None, Some(status)));
    }
    for (i, caller) in CALLERS.iter().enumerate() {
        for (query, country, status) in &queries {
            rows += 1;
            let response = send(
                &app,
                tokens[i].as_deref(),
                Method::GET,
                &format!("/api/v1/roadmaps?per_page=100&{query}"),
                None,
                None,
            )
            .await;
            let want = if caller.role.is_some() { 200 } else { 401 };
            let got = response.status().as_u16();
            if got != want {
                failures.push(format!(
                    "{}: GET /roadmaps?{query}: expected {want}, got {got}",
                    caller.name
                ));
                continue;
            }
            if got != 200 {
                continue;
            }
            let page: Value = response.json().await.expect("page");
            let matches = |c: &str, s: RoadmapStatus| {
                country.is_none_or(|want| want == c) && status.is_none_or(|want| want == s)
            };
            if let Err(problem) = check_list(&page, caller, &known, matches) {
                failures.push(format!("{}: GET /roadmaps?{query} {problem}", caller.name));
            }
        }
    }

    // -- The review queue: submissions waiting for a decision, for those who decide. --
    for (i, caller) in CALLERS.iter().enumerate() {
        rows += 1;
        let response = send(
            &app,
            tokens[i].as_deref(),
            Method::GET,
            "/api/v1/review-queue?per_page=100",
            None,
            None,
        )
        .await;
        let want = match caller.role {
            None => 401,
            Some(_) if caller.decides() => 200,
            Some(_) => 403,
        };
        let got = response.status().as_u16();
        if got != want {
            failures.push(format!(
                "{}: GET /review-queue: expected {want}, got {got}",
                caller.name
            ));
        } else if got == 200 {
            let page: Value = response.json().await.expect("page");
            if let Err(problem) =
                check_list(&page, caller, &known, |_, s| s == RoadmapStatus::Submitted)
            {
                failures.push(format!("{}: GET /review-queue {problem}", caller.name));
            }
        }
    }

    // -- The members list (it names each country's people): those who run the platform. --
    for (i, caller) in CALLERS.iter().enumerate() {
        rows += 1;
        let response = send(
            &app,
            tokens[i].as_deref(),
            Method::GET,
            "/api/v1/users",
            None,
            None,
        )
        .await;
        let want = match caller.role {
            None => 401,
            Some(_) if caller.runs_platform() => 200,
            Some(_) => 403,
        };
        let got = response.status().as_u16();
        if got != want {
            failures.push(format!(
                "{}: GET /users: expected {want}, got {got}",
                caller.name
            ));
        }
    }

    // -- Every endpoint on one roadmap: caller × state × endpoint × If-Match. One state after
    // the other: they would be independent, but concurrent writes are not what is tested here. --
    for (state, fixture) in STATES.into_iter().zip(fixtures) {
        let (state_rows, state_failures) =
            every_endpoint_in(&app, &setup, &tokens, state, fixture).await;
        rows += state_rows;
        failures.extend(state_failures);
    }

    // -- Creating a roadmap: a country team, for its own country only. --
    for (i, caller) in CALLERS.iter().enumerate() {
        for target in [None, Some(OWN), Some(OTHER)] {
            rows += 1;
            let mut new =
                json!({"title": "Probe roadmap", "period_start": 2025, "period_end": 2030});
            if let Some(code) = target {
                new["country_code"] = json!(code);
            }
            let response = send(
                &app,
                tokens[i].as_deref(),
                Method::POST,
                "/api/v1/roadmaps",
                None,
                Some(new),
            )
            .await;
            let want = match caller.role {
                None => 401,
                // Without a country, the roadmap is for the caller's own.
                Some(_) => match target.or(caller.country) {
                    Some(country) if caller.is_team_of(country) => 201,
                    _ => 403,
                },
            };
            let got = response.status().as_u16();
            if got != want {
                failures.push(format!(
                    "{}: POST /roadmaps for {}: expected {want}, got {got}",
                    caller.name,
                    target.unwrap_or("their own country")
                ));
            }
        }
    }

    eprintln!(
        "authorization matrix: {rows} rows in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    assert!(
        failures.is_empty(),
        "{} of {rows} rows do not hold:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Every caller × endpoint × `If-Match` on Kenya's roadmap in `state`. Answers the number of
/// rows and those that do not hold.
async fn every_endpoint_in(
    app: &TestApp,
    setup: &Tokens,
    tokens: &[Option<String>],
    state: State,
    mut fixture: Fixture,
) -> (usize, Vec<String>) {
    let mut rows = 0;
    let mut failures = Vec::new();
    // The roadmap's ETag as last seen, when known.
    let mut etag: Option<String> = None;
    for endpoint in &ENDPOINTS {
        let preconditions: &[Precondition] = if endpoint.if_match {
            &[
                Precondition::Missing,
                Precondition::Stale,
                Precondition::Current,
            ]
        } else {
            &[Precondition::Current]
        };
        // The part that the next delete case targets, on an editable roadmap.
        let mut scratch: Option<String> = None;
        for (caller, token) in CALLERS.iter().zip(tokens) {
            for &precondition in preconditions {
                rows += 1;
                let mut rest = endpoint
                    .rest
                    .replace("{pid}", &fixture.pid)
                    .replace("{aid}", &fixture.aid)
                    .replace("{iid}", &fixture.iid);
                let deletes_scratch =
                    endpoint.method == Verb::Delete && When::Editable.allows(state);
                if deletes_scratch {
                    let id = match &scratch {
                        Some(id) => id.clone(),
                        None => {
                            etag = None;
                            scratch_part(app, setup, &fixture, endpoint.rest).await
                        }
                    };
                    let (list, _) = rest.rsplit_once('/').expect("part path");
                    rest = format!("{list}/{id}");
                    scratch = Some(id);
                }
                let if_match = match precondition {
                    Precondition::Missing => None,
                    Precondition::Stale => Some("\"1\"".to_owned()),
                    Precondition::Current if endpoint.if_match => {
                        if etag.is_none() {
                            let (current, status) = current(app, &setup.admin, &fixture.id).await;
                            assert_eq!(
                                status,
                                state.status().as_str(),
                                "the {state} roadmap is intact"
                            );
                            etag = Some(current);
                        }
                        etag.clone()
                    }
                    Precondition::Current => None,
                };
                let response = send(
                    app,
                    token.as_deref(),
                    endpoint.method.method(),
                    &format!("/api/v1/roadmaps/{}{rest}", fixture.id),
                    if_match.as_deref(),
                    body(endpoint.body, &fixture),
                )
                .await;
                let got = response.status().as_u16();
                let succeeded = (200..300).contains(&got);
                if succeeded && endpoint.method != Verb::Get {
                    // A write moved the roadmap on: its answer carries the new ETag (but that
                    // of a revision is the new version's).
                    etag = response
                        .headers()
                        .get("etag")
                        .filter(|_| endpoint.rest != "/revise")
                        .and_then(|v| v.to_str().ok())
                        .map(str::to_owned);
                }
                let want = expected(caller, endpoint, state, precondition);
                if got != want {
                    let shown = response.text().await.unwrap_or_default();
                    let shown: String = shown.chars().take(160).collect();
                    let precondition = if endpoint.if_match {
                        format!(", {precondition}")
                    } else {
                        String::new()
                    };
                    failures.push(format!(
                        "{}: {} on the {state} roadmap{precondition}: expected {want}, got {got} {shown}",
                        caller.name,
                        label(endpoint)
                    ));
                } else if got == 200 && endpoint.rest == "/versions" {
                    let page: Value = response.json().await.expect("versions");
                    let lineage = &fixture.versions;
                    if let Err(problem) = check_list(&page, caller, lineage, |_, _| true) {
                        failures.push(format!(
                            "{}: GET /roadmaps/{{id}}/versions of the {state} roadmap {problem}",
                            caller.name
                        ));
                    }
                }
                if deletes_scratch && succeeded {
                    scratch = None;
                }
                if endpoint.rebuild && succeeded {
                    fixture = build_fixture(app, setup, state).await;
                    etag = None;
                }
            }
        }
        // A scratch part that no case deleted goes, so that the roadmap can be submitted.
        if let Some(id) = scratch {
            let (current, _) = current(app, &setup.admin, &fixture.id).await;
            let (list, _) = endpoint.rest.rsplit_once('/').expect("part path");
            let response = send(
                app,
                Some(&setup.owner),
                Method::DELETE,
                &format!("/api/v1/roadmaps/{}{list}/{id}", fixture.id),
                Some(&current),
                None,
            )
            .await;
            assert_eq!(response.status(), StatusCode::NO_CONTENT, "scratch part");
            etag = None;
        }
    }
    (rows, failures)
}
