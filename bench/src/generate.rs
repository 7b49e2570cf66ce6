//! The data generator: 200 countries, each with a focal point and a complete roadmap
//! (5 priorities, 25 actions, 8 indicators), written through the public API as a country team
//! would, and ten years of annual reports on it. Every roadmap is approved (version 1), so that
//! its country can report; then half are revised into a draft version 2 (which the write
//! scenario edits), a quarter revised and submitted (the review queue), a quarter stay as
//! approved. The reporting cycles 2014–2023 are opened, and each country reports every year,
//! oldest first (each report carries the previous year's over): five action lines, two
//! indicator values, the narrative, submitted and accepted.

use std::ops::RangeInclusive;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use futures::{StreamExt, TryStreamExt};
use reqwest::{Client, Method, StatusCode};
use serde_json::{Value, json};

pub const DEMO_PASSWORD: &str = "pioneer-demo-2026";
const FOCAL_PASSWORD: &str = "bench-focal-password";
const STRATEGIES: [&str; 7] = [
    "laws",
    "norms",
    "environments",
    "parenting",
    "income",
    "services",
    "education",
];
const INDICATORS: [&str; 8] = [
    "16.2.1", "16.2.2", "16.2.3", "16.1.3", "5.2.1", "5.3.1", "8.7.1", "4.a.1",
];
/// The reporting cycles the bench opens and every country reports in. `pioneer seed --demo`
/// has 2024 and 2025 already.
pub const REPORT_YEARS: RangeInclusive<i32> = 2014..=2023;
/// The cycle whose synthesis the bench reads: the latest, with every country's report.
pub const SYNTHESIS_YEAR: i32 = *REPORT_YEARS.end();
/// What each report writes beyond its pre-filled lines.
const ACTION_LINES_PER_REPORT: usize = 5;
const INDICATOR_VALUES_PER_REPORT: usize = 2;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Draft,
    Submitted,
    Approved,
}

/// One generated country, as the load scenarios need it.
#[derive(Debug, Clone)]
pub struct CountryRoadmap {
    pub country: String,
    /// The roadmap's latest version: the draft or submitted version 2 (`Draft`, `Submitted`),
    /// or the approved version 1 (`Approved`).
    pub roadmap_id: String,
    /// What the latest version is.
    pub outcome: Outcome,
    /// The approved version 1, which the country's reports are written against.
    pub approved_id: String,
    /// The focal point's access token.
    pub token: String,
    /// The first key action of the latest version, and that version's ETag.
    pub first_action_id: String,
    pub etag: String,
}

pub struct Dataset {
    pub roadmaps: Vec<CountryRoadmap>,
    /// Reports written, all accepted: one per country and year of `REPORT_YEARS`.
    pub reports: usize,
    pub elapsed: Duration,
    /// Every API request the generation made, sign-ins included.
    pub requests: usize,
    /// The server's peak RSS while it was generated (every focal point's password is hashed
    /// twice: when the account is made and at sign-in).
    pub peak_rss: u64,
}

pub struct Api {
    pub client: Client,
    pub base: String,
    /// Requests sent through `call`.
    sent: AtomicUsize,
}

impl Api {
    pub fn new(base: String) -> anyhow::Result<Self> {
        Ok(Self {
            client: Client::builder().timeout(Duration::from_secs(60)).build()?,
            base,
            sent: AtomicUsize::new(0),
        })
    }

    /// How many requests `call` has sent.
    pub fn sent(&self) -> usize {
        self.sent.load(Ordering::Relaxed)
    }

    /// Sends one request; fails unless the status is the expected one. Answers body and ETag.
    pub async fn call(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        if_match: Option<&str>,
        body: Option<Value>,
        expected: StatusCode,
    ) -> anyhow::Result<(Value, Option<String>)> {
        let mut request = self
            .client
            .request(method.clone(), format!("{}{path}", self.base));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        if let Some(etag) = if_match {
            request = request.header("if-match", etag);
        }
        if let Some(body) = body {
            request = request.json(&body);
        }
        self.sent.fetch_add(1, Ordering::Relaxed);
        let response = request
            .send()
            .await
            .with_context(|| format!("{method} {path}"))?;
        let status = response.status();
        let etag = response
            .headers()
            .get("etag")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let body: Value = response.json().await.unwrap_or(Value::Null);
        if status != expected {
            bail!("{method} {path}: expected {expected}, got {status}: {body}");
        }
        Ok((body, etag))
    }

    pub async fn login(&self, email: &str, password: &str) -> anyhow::Result<String> {
        let (body, _) = self
            .call(
                Method::POST,
                "/api/v1/auth/login",
                None,
                None,
                Some(json!({"email": email, "password": password})),
                StatusCode::OK,
            )
            .await?;
        body["access_token"]
            .as_str()
            .map(str::to_owned)
            .context("login answered no access_token")
    }
}

/// Writes the dataset; `countries` of them (at most the 249 the reference data has).
pub async fn generate(api: &Api, countries: usize) -> anyhow::Result<Dataset> {
    let started = Instant::now();
    let sent_before = api.sent();
    let admin = api.login("admin@pioneer.test", DEMO_PASSWORD).await?;
    let reviewer = api.login("reviewer@pioneer.test", DEMO_PASSWORD).await?;
    // The list is paged like every list: a hundred at a time.
    let mut codes: Vec<String> = Vec::new();
    for page in 1..=3 {
        let (list, _) = api
            .call(
                Method::GET,
                &format!("/api/v1/countries?per_page=100&page={page}"),
                Some(&admin),
                None,
                None,
                StatusCode::OK,
            )
            .await?;
        codes.extend(
            list["items"]
                .as_array()
                .context("countries: no items")?
                .iter()
                .filter_map(|c| c["code"].as_str().map(str::to_owned)),
        );
    }
    codes.truncate(countries);
    if codes.len() < countries {
        bail!(
            "only {} countries in the reference data, {countries} asked",
            codes.len()
        );
    }
    let roadmaps: Vec<CountryRoadmap> = futures::stream::iter(codes.into_iter().enumerate())
        .map(|(i, code)| country_roadmap(api, &admin, &reviewer, i, code))
        .buffered(8)
        .try_collect()
        .await?;
    for year in REPORT_YEARS {
        api.call(
            Method::POST,
            "/api/v1/reporting-cycles",
            Some(&admin),
            None,
            Some(
                json!({"year": year, "opens_on": format!("{}-01-15", year + 1),
                        "due_on": format!("{}-03-31", year + 1)}),
            ),
            StatusCode::CREATED,
        )
        .await?;
    }
    let reports: Vec<usize> = futures::stream::iter(roadmaps.iter().enumerate())
        .map(|(i, roadmap)| country_reports(api, &reviewer, i, roadmap))
        .buffered(8)
        .try_collect()
        .await?;
    Ok(Dataset {
        roadmaps,
        reports: reports.into_iter().sum(),
        elapsed: started.elapsed(),
        requests: api.sent() - sent_before,
        peak_rss: 0,
    })
}

async fn country_roadmap(
    api: &Api,
    admin: &str,
    reviewer: &str,
    index: usize,
    country: String,
) -> anyhow::Result<CountryRoadmap> {
    let email = format!("focal.{}@bench.test", country.to_lowercase());
    api.call(
        Method::POST,
        "/api/v1/users",
        Some(admin),
        None,
        Some(json!({"email": email, "name": format!("Focal point {country}"),
                    "role": "country_focal_point", "country_code": country, "password": FOCAL_PASSWORD})),
        StatusCode::CREATED,
    )
    .await?;
    let token = api.login(&email, FOCAL_PASSWORD).await?;
    let mut writer = Writer {
        api,
        token: &token,
        path: String::new(),
        etag: String::new(),
    };
    let (roadmap, etag) = api
        .call(
            Method::POST,
            "/api/v1/roadmaps",
            Some(&token),
            None,
            Some(json!({
                "title": format!("National roadmap to end violence against children ({country})"),
                "summary": "Every child safe at home, at school, online and in the community by 2030, through laws, services and changed norms.",
                "period_start": 2025, "period_end": 2030,
                "consultation": {"held_on": "2025-02-14", "stakeholder_groups": ["government", "civil_society", "children_and_young_people"], "participants": 120}
            })),
            StatusCode::CREATED,
        )
        .await?;
    let roadmap_id = roadmap["id"].as_str().context("roadmap id")?.to_owned();
    writer.path = format!("/api/v1/roadmaps/{roadmap_id}");
    writer.etag = etag.context("roadmap ETag")?;

    let mut first_action_id = None;
    for p in 0..5 {
        let priority = writer
            .post(
                "/priorities",
                json!({"title": format!("Priority {}: safer homes, schools and communities", p + 1),
                       "description": "Protect children from violence where they live, learn and play.",
                       "strategies": [STRATEGIES[p % 7], STRATEGIES[(p + 3) % 7]]}),
            )
            .await?;
        let priority_id = priority["id"].as_str().context("priority id")?.to_owned();
        for a in 0..5 {
            let action = writer
                .post(
                    "/actions",
                    json!({"priority_id": priority_id,
                           "title": format!("Key action {}.{}: train front-line workers", p + 1, a + 1),
                           "description": "Train and supervise social workers, teachers and health staff in positive discipline and referral.",
                           "lead_institution": "Ministry of Social Protection",
                           "partners": ["UNICEF", "National child helpline"],
                           "start_month": format!("{}-0{}", 2025 + a, p + 1), "end_month": format!("{}-12", 2026 + a),
                           "budget": {"amount": format!("{}.50", 100_000 + 1_000 * (p * 5 + a)), "currency": "USD"},
                           "secured": {"amount": "50000.00", "currency": "USD"},
                           "funding_source": "National budget"}),
                )
                .await?;
            if first_action_id.is_none() {
                first_action_id = action["id"].as_str().map(str::to_owned);
            }
        }
    }
    for (i, code) in INDICATORS.iter().enumerate() {
        writer
            .post(
                "/indicators",
                json!({"indicator_code": code, "name": format!("Indicator {}", i + 1), "unit": "%",
                       "baseline_value": "64.5", "baseline_year": 2022, "target_value": "40",
                       "target_year": 2030, "source": "MICS"}),
            )
            .await?;
    }
    let outcome = match index % 4 {
        0 | 1 => Outcome::Draft,
        2 => Outcome::Submitted,
        _ => Outcome::Approved,
    };
    // Version 1 is approved, whatever comes after: every country reports on it.
    writer.post("/submit", json!({})).await?;
    writer.token = reviewer;
    writer
        .post(
            "/reviews",
            json!({"decision": "approve", "comment": "Complete and costed."}),
        )
        .await?;
    writer.token = &token;
    let approved_id = roadmap_id.clone();
    let mut latest_id = roadmap_id;
    if outcome != Outcome::Approved {
        // A revision: version 2, a draft with copies of every part (new ids).
        let revised = writer.post("/revise", json!({})).await?;
        latest_id = revised["id"].as_str().context("revision id")?.to_owned();
        writer.path = format!("/api/v1/roadmaps/{latest_id}");
        first_action_id = revised["actions"][0]["id"].as_str().map(str::to_owned);
        if outcome == Outcome::Submitted {
            writer.post("/submit", json!({})).await?;
        }
    }
    let etag = writer.etag;
    Ok(CountryRoadmap {
        country,
        roadmap_id: latest_id,
        outcome,
        approved_id,
        token,
        first_action_id: first_action_id.context("no action created")?,
        etag,
    })
}

/// The country's report for every year of `REPORT_YEARS`, oldest first (each is pre-filled
/// from the year before): five action lines and two indicator values updated, the narrative
/// written, submitted by the focal point and accepted by the reviewer. Answers how many.
async fn country_reports(
    api: &Api,
    reviewer: &str,
    index: usize,
    roadmap: &CountryRoadmap,
) -> anyhow::Result<usize> {
    let mut written = 0;
    for (y, year) in REPORT_YEARS.enumerate() {
        let (report, etag) = api
            .call(
                Method::POST,
                "/api/v1/reports",
                Some(&roadmap.token),
                None,
                Some(json!({"roadmap_id": roadmap.approved_id, "year": year})),
                StatusCode::CREATED,
            )
            .await?;
        let report_id = report["id"].as_str().context("report id")?;
        let ids = |lines: &str, key: &str| -> anyhow::Result<Vec<String>> {
            report[lines]
                .as_array()
                .with_context(|| format!("a report without {lines}"))?
                .iter()
                .map(|line| line[key].as_str().map(str::to_owned))
                .collect::<Option<Vec<_>>>()
                .with_context(|| format!("a line of {lines} without {key}"))
        };
        let actions = ids("actions", "action_id")?;
        let indicators = ids("indicators", "indicator_id")?;
        if actions.len() < ACTION_LINES_PER_REPORT || indicators.len() < INDICATOR_VALUES_PER_REPORT
        {
            bail!(
                "the {year} report of {} has {} action and {} indicator lines",
                roadmap.country,
                actions.len(),
                indicators.len()
            );
        }
        let mut writer = Writer {
            api,
            token: &roadmap.token,
            path: format!("/api/v1/reports/{report_id}"),
            etag: etag.context("report ETag")?,
        };
        // One action of each priority, a different one each year.
        for k in 0..ACTION_LINES_PER_REPORT {
            let action_id =
                &actions[(k * actions.len() / ACTION_LINES_PER_REPORT + y) % actions.len()];
            writer
                .send(
                    Method::PUT,
                    &format!("/actions/{action_id}"),
                    action_progress(index, y, k),
                    StatusCode::OK,
                )
                .await?;
        }
        for k in 0..INDICATOR_VALUES_PER_REPORT {
            let indicator_id = &indicators[(y + k * indicators.len() / 2) % indicators.len()];
            // From the 64.5 % baseline toward the 40 % target, a little each year.
            let value = 64.5 - 1.8 * (y + 1) as f64 - 0.1 * (index % 10) as f64 - k as f64;
            writer
                .send(
                    Method::PUT,
                    &format!("/indicators/{indicator_id}"),
                    json!({"value": format!("{value:.1}"), "year": year,
                           "source": format!("MICS {year}")}),
                    StatusCode::OK,
                )
                .await?;
        }
        writer
            .send(
                Method::PATCH,
                "",
                json!({"narrative": {
                    "achievements": format!("In {year}, {} front-line workers trained in positive discipline and referral; the child helpline now answers around the clock.", 400 + 25 * y),
                    "challenges": "Staff turnover in rural districts, and a budget released late in the year.",
                    "lessons_learned": "Training supervisors first makes the training of their teams stick.",
                    "children_participation": "A children's advisory group of 24 members reviewed the year's plan."
                }}),
                StatusCode::OK,
            )
            .await?;
        writer.post("/submit", json!({})).await?;
        writer.token = reviewer;
        writer
            .post("/reviews", json!({"decision": "accept"}))
            .await?;
        written += 1;
    }
    Ok(written)
}

/// A key action's line for year `y` (0 = the first year): varied statuses, progress growing
/// over the years, spending in the budget's currency (USD) as it goes.
fn action_progress(index: usize, y: usize, k: usize) -> Value {
    let ramp = (10 * (y as i64 + 1)).min(100);
    let (status, progress) = match (index + y + k) % 10 {
        0..=4 => ("on_track", ramp.min(95)),
        5 | 6 => ("delayed", ramp / 2),
        7 => ("completed", 100),
        8 => ("not_started", 0),
        _ => ("cancelled", ramp / 3),
    };
    let spent = (progress > 0).then(|| {
        json!({"amount": format!("{}.00", 1_000 * progress + 37 * (index as i64 % 100)),
               "currency": "USD"})
    });
    json!({"status": status, "progress_percent": progress, "spent": spent,
           "note": format!("Year {}: {status}.", y + 1)})
}

/// Writes to one roadmap or report, carrying its ETag from each answer to the next `If-Match`.
struct Writer<'a> {
    api: &'a Api,
    token: &'a str,
    path: String,
    etag: String,
}

impl Writer<'_> {
    async fn post(&mut self, rest: &str, body: Value) -> anyhow::Result<Value> {
        let expected = match rest {
            "/submit" | "/reviews" => StatusCode::OK,
            _ => StatusCode::CREATED,
        };
        self.send(Method::POST, rest, body, expected).await
    }

    async fn send(
        &mut self,
        method: Method,
        rest: &str,
        body: Value,
        expected: StatusCode,
    ) -> anyhow::Result<Value> {
        let (body, etag) = self
            .api
            .call(
                method.clone(),
                &format!("{}{rest}", self.path),
                Some(self.token),
                Some(&self.etag),
                Some(body),
                expected,
            )
            .await?;
        self.etag = etag.with_context(|| format!("no ETag from {method} {}{rest}", self.path))?;
        Ok(body)
    }
}
