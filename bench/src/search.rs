//! `pioneer-bench search`: the knowledge base's search over many resources. The resources are
//! written straight into the database (as many as asked, 50 000 by default, in the four
//! languages, public and members-only); the release server then builds its index from them at
//! start (timed), and a member's searches are sent one at a time (latency without queueing):
//! words in each language, with and without accents, with filters, browsing without words.
//! Last, the cost of indexing one resource: shared and published through the API, the publish
//! answering once this replica's index holds it.

use std::time::{Duration, Instant};

use anyhow::Context;
use chrono::Utc;
use reqwest::{Method, StatusCode};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, Database, EntityTrait, QueryFilter, TransactionTrait,
};
use serde_json::json;
use uuid::Uuid;

use crate::generate::{Api, DEMO_PASSWORD};
use crate::server::ServerSetup;
use pioneer_api::entities::{resource, user};

/// Words of each language, to make texts from (with accents where the language has them).
const WORDS: [(&str, &[&str]); 4] = [
    (
        "fr",
        &[
            "école",
            "enfants",
            "violence",
            "protection",
            "famille",
            "parents",
            "prévention",
            "signalement",
            "harcèlement",
            "discipline",
            "positive",
            "santé",
            "services",
            "justice",
            "communauté",
            "éducation",
            "sécurité",
            "numérique",
            "formation",
            "enseignants",
            "écoute",
            "soutien",
            "filles",
            "garçons",
            "mariage",
            "travail",
            "loi",
            "politique",
            "budget",
            "évaluation",
        ],
    ),
    (
        "en",
        &[
            "school",
            "children",
            "violence",
            "protection",
            "family",
            "parenting",
            "prevention",
            "reporting",
            "bullying",
            "discipline",
            "positive",
            "health",
            "services",
            "justice",
            "community",
            "education",
            "safety",
            "online",
            "training",
            "teachers",
            "helpline",
            "support",
            "girls",
            "boys",
            "marriage",
            "labour",
            "law",
            "policy",
            "budget",
            "evaluation",
        ],
    ),
    (
        "es",
        &[
            "escuela",
            "niños",
            "violencia",
            "protección",
            "familia",
            "crianza",
            "prevención",
            "denuncia",
            "acoso",
            "disciplina",
            "positiva",
            "salud",
            "servicios",
            "justicia",
            "comunidad",
            "educación",
            "seguridad",
            "internet",
            "formación",
            "docentes",
            "línea",
            "apoyo",
            "niñas",
            "varones",
            "matrimonio",
            "trabajo",
            "ley",
            "política",
            "presupuesto",
            "evaluación",
        ],
    ),
    (
        "pt",
        &[
            "escola",
            "crianças",
            "violência",
            "proteção",
            "família",
            "parentalidade",
            "prevenção",
            "denúncia",
            "bullying",
            "disciplina",
            "positiva",
            "saúde",
            "serviços",
            "justiça",
            "comunidade",
            "educação",
            "segurança",
            "internet",
            "formação",
            "professores",
            "escuta",
            "apoio",
            "meninas",
            "meninos",
            "casamento",
            "trabalho",
            "lei",
            "política",
            "orçamento",
            "avaliação",
        ],
    ),
];

const KINDS: [&str; 9] = [
    "good_practice",
    "evidence",
    "tool",
    "guidance",
    "video",
    "tutorial",
    "case_study",
    "webinar_recording",
    "qa",
];
const STRATEGIES: [&str; 7] = [
    "laws",
    "norms",
    "environments",
    "parenting",
    "income",
    "services",
    "education",
];
const COUNTRIES: [&str; 8] = ["KEN", "COL", "MEX", "GHA", "NPL", "PHL", "SEN", "UGA"];

/// A cheap deterministic sequence (the texts must be the same from run to run).
struct Sequence(u64);

impl Sequence {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % below.max(1)
    }

    fn words(&mut self, vocabulary: &[&str], count: usize) -> String {
        (0..count)
            .map(|_| vocabulary[self.next(vocabulary.len())])
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// What the search bench measured.
pub struct SearchRun {
    pub backend: &'static str,
    pub resources: usize,
    pub insert: Duration,
    /// The server's start, the index built from the database included.
    pub ready: Duration,
    pub searches: usize,
    pub p50: Duration,
    pub p95: Duration,
    pub max: Duration,
    /// Browsing without words (newest first), with facets.
    pub browse_p95: Duration,
    /// Sharing then publishing one resource through the API, the index updated before the
    /// publish answers.
    pub publish_p50: Duration,
    pub create_p50: Duration,
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[index.min(sorted.len() - 1)]
}

/// Writes `count` published resources straight into the database, 1000 per transaction.
async fn insert(database_url: &str, count: usize) -> anyhow::Result<Duration> {
    let db = Database::connect(database_url).await?;
    let author = user::Entity::find()
        .filter(user::Column::Email.eq("focal.ken@pioneer.test"))
        .one(&db)
        .await?
        .context("the demo account focal.ken is missing: seed first")?
        .id;
    let started = Instant::now();
    let mut sequence = Sequence(7);
    let now = Utc::now();
    for start in (0..count).step_by(1000) {
        let txn = db.begin().await?;
        let rows = (start..count.min(start + 1000)).map(|i| {
            let (language, vocabulary) = WORDS[i % WORDS.len()];
            let at = now - chrono::Duration::minutes(i as i64);
            resource::ActiveModel {
                id: Set(Uuid::now_v7()),
                revision_of: Set(None),
                author_id: Set(Some(author)),
                kind: Set(KINDS[sequence.next(KINDS.len())].into()),
                title: Set(sequence.words(vocabulary, 6)),
                summary: Set(sequence.words(vocabulary, 25)),
                body: Set(sequence.words(vocabulary, 150)),
                language: Set(language.into()),
                strategies: Set(json!([STRATEGIES[sequence.next(STRATEGIES.len())]]).to_string()),
                countries: Set(json!([COUNTRIES[sequence.next(COUNTRIES.len())]]).to_string()),
                tags: Set("[]".into()),
                links: Set("[]".into()),
                visibility: Set(if i % 4 == 0 { "members" } else { "public" }.into()),
                group_id: Set(None),
                status: Set("published".into()),
                revision: Set(2),
                views: Set((i % 97) as i64),
                created_at: Set(at),
                updated_at: Set(at),
                submitted_at: Set(at),
                published_at: Set(Some(at)),
            }
        });
        resource::Entity::insert_many(rows).exec(&txn).await?;
        txn.commit().await?;
    }
    db.close().await?;
    Ok(started.elapsed())
}

/// The searches a member sends, in turn.
fn queries() -> Vec<String> {
    let mut queries = Vec::new();
    for (_, vocabulary) in WORDS {
        for pair in vocabulary.chunks(2) {
            queries.push(format!("q={}", pair.join("%20")));
            queries.push(format!("q={}", pair[0]));
        }
    }
    // Without accents, with other endings, with filters.
    queries.extend(
        [
            "q=ecoles%20violences",
            "q=ninos%20escuela",
            "q=criancas",
            "q=parents&language=en",
            "q=violence&kind=tool",
            "q=protection&strategy=parenting&country=KEN",
            "q=securite%20numerique&page=3",
        ]
        .map(String::from),
    );
    queries
}

async fn timed(api: &Api, token: &str, path: &str) -> anyhow::Result<Duration> {
    let started = Instant::now();
    api.call(Method::GET, path, Some(token), None, None, StatusCode::OK)
        .await?;
    Ok(started.elapsed())
}

pub async fn run(
    backend: &'static str,
    setup: ServerSetup,
    count: usize,
) -> anyhow::Result<SearchRun> {
    setup.seed()?;
    eprintln!("[{backend}] writing {count} resources into the database…");
    let insert = insert(&setup.database_url, count).await?;
    let (server, ready) = setup.start()?;
    eprintln!(
        "[{backend}] server ready in {:.1} s (index built)",
        ready.as_secs_f64()
    );
    let api = Api::new(setup.base())?;
    let member = api.login("focal.col@pioneer.test", DEMO_PASSWORD).await?;
    let queries = queries();
    // Warm-up: the first searches load the index's files into the page cache.
    for query in queries.iter().take(10) {
        timed(&api, &member, &format!("/api/v1/search?{query}")).await?;
    }
    let mut times = Vec::new();
    for _ in 0..5 {
        for query in &queries {
            times.push(timed(&api, &member, &format!("/api/v1/search?{query}")).await?);
        }
    }
    times.sort();
    let mut browse = Vec::new();
    for page in 1..=50 {
        browse.push(timed(&api, &member, &format!("/api/v1/search?page={page}")).await?);
    }
    browse.sort();

    let author = api.login("focal.ken@pioneer.test", DEMO_PASSWORD).await?;
    let secretariat = api.login("secretariat@pioneer.test", DEMO_PASSWORD).await?;
    let mut creates = Vec::new();
    let mut publishes = Vec::new();
    for i in 0..20 {
        let body = json!({
            "kind": "tool", "title": format!("Benchmark toolkit {i}"), "summary": "Indexing one resource",
            "body": "Measured.", "language": "en", "visibility": "public",
        });
        let started = Instant::now();
        let (created, etag) = api
            .call(
                Method::POST,
                "/api/v1/resources",
                Some(&author),
                None,
                Some(body),
                StatusCode::CREATED,
            )
            .await?;
        creates.push(started.elapsed());
        let id = created["id"].as_str().context("id")?;
        let started = Instant::now();
        api.call(
            Method::POST,
            &format!("/api/v1/resources/{id}/publish"),
            Some(&secretariat),
            etag.as_deref(),
            None,
            StatusCode::OK,
        )
        .await?;
        publishes.push(started.elapsed());
    }
    creates.sort();
    publishes.sort();
    drop(server);
    Ok(SearchRun {
        backend,
        resources: count,
        insert,
        ready,
        searches: times.len(),
        p50: percentile(&times, 0.5),
        p95: percentile(&times, 0.95),
        max: times.last().copied().unwrap_or_default(),
        browse_p95: percentile(&browse, 0.95),
        publish_p50: percentile(&publishes, 0.5),
        create_p50: percentile(&creates, 0.5),
    })
}

fn ms(d: Duration) -> String {
    format!("{:.1}", d.as_secs_f64() * 1000.0)
}

/// The table the run prints (and `bench/results/search.md` keeps).
pub fn table(runs: &[SearchRun]) -> String {
    let mut out = String::from(
        "| backend | resources | written in | server ready (index built) | searches | p50 ms | p95 ms | max ms | browse p95 ms | share p50 ms | publish (index updated) p50 ms | p95 ≤ 50 ms |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n",
    );
    for run in runs {
        out.push_str(&format!(
            "| {} | {} | {:.1} s | {:.1} s | {} | {} | {} | {} | {} | {} | {} | {} |\n",
            run.backend,
            run.resources,
            run.insert.as_secs_f64(),
            run.ready.as_secs_f64(),
            run.searches,
            ms(run.p50),
            ms(run.p95),
            ms(run.max),
            ms(run.browse_p95),
            ms(run.create_p50),
            ms(run.publish_p50),
            if run.p95 <= Duration::from_millis(50) && run.browse_p95 <= Duration::from_millis(50) {
                "✅"
            } else {
                "❌"
            },
        ));
    }
    out
}
