//! The data generator: 200 countries, each with a focal point and a complete roadmap
//! (5 priorities, 25 actions, 8 indicators), written through the public API as a country team
//! would. A quarter of the roadmaps are submitted, a quarter approved, half stay drafts.

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
    pub roadmap_id: String,
    pub outcome: Outcome,
    /// The focal point's access token.
    pub token: String,
    pub first_action_id: String,
    pub etag: String,
}

pub struct Dataset {
    pub roadmaps: Vec<CountryRoadmap>,
    pub elapsed: Duration,
    pub requests: usize,
    /// The server's peak RSS while it was generated (every focal point's password is hashed
    /// twice: when the account is made and at sign-in).
    pub peak_rss: u64,
}

pub struct Api {
    pub client: Client,
    pub base: String,
}

impl Api {
    pub fn new(base: String) -> anyhow::Result<Self> {
        Ok(Self {
            client: Client::builder().timeout(Duration::from_secs(60)).build()?,
            base,
        })
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
    // Per country: user, login, roadmap, 5 + 25 + 8 parts, and submit/approve for some.
    let requests = roadmaps
        .iter()
        .map(|r| {
            41 + match r.outcome {
                Outcome::Draft => 0,
                Outcome::Submitted => 1,
                Outcome::Approved => 2,
            }
        })
        .sum();
    Ok(Dataset {
        roadmaps,
        elapsed: started.elapsed(),
        requests,
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
    if outcome != Outcome::Draft {
        writer.post("/submit", json!({})).await?;
    }
    if outcome == Outcome::Approved {
        writer.token = reviewer;
        writer
            .post(
                "/reviews",
                json!({"decision": "approve", "comment": "Complete and costed."}),
            )
            .await?;
    }
    let etag = writer.etag;
    Ok(CountryRoadmap {
        country,
        roadmap_id,
        outcome,
        token,
        first_action_id: first_action_id.context("no action created")?,
        etag,
    })
}

/// Writes to one roadmap, carrying its ETag from each answer to the next `If-Match`.
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
        let (body, etag) = self
            .api
            .call(
                Method::POST,
                &format!("{}{rest}", self.path),
                Some(self.token),
                Some(&self.etag),
                Some(body),
                expected,
            )
            .await?;
        self.etag = etag.with_context(|| format!("no ETag from POST {rest}"))?;
        Ok(body)
    }
}
