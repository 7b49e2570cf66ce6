//! A write's database work alone: the statements the server runs for `PATCH` of an action,
//! through the server's own pool, transaction and SQLite writer queue (`pioneer_api::db`), by as
//! many tasks as wrk has connections, with no HTTP, JSON or authentication around them. Its p99
//! is the floor under the write scenario's: what the database and its driver cost on this
//! machine, whatever the server does on top.

use std::time::{Duration, Instant};

use anyhow::Context;
use chrono::Utc;
use pioneer_api::config::Config;
use pioneer_api::db;
use pioneer_api::entities::{roadmap, roadmap_action, user};
use pioneer_api::store::history;
use pioneer_api::store::history::HistoryRecord;
use pioneer_api::store::roadmaps::bump_revision;
use pioneer_domain::review::{DocumentKind, Happened, HistoryEvent, Section};
use sea_orm::sqlx::sqlite::SqliteSynchronous;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, IntoActiveModel, QueryFilter,
    Set,
};
use serde_json::json;
use uuid::Uuid;

/// What the tasks measured together.
#[derive(Debug, Clone)]
pub struct DatabaseWrites {
    pub writes: u64,
    pub elapsed: Duration,
    pub p50: Duration,
    pub p99: Duration,
}

impl DatabaseWrites {
    pub fn per_second(&self) -> f64 {
        self.writes as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }
}

/// One roadmap's action that a task edits over and over.
#[derive(Clone, Copy)]
pub struct ActionRef {
    pub roadmap_id: Uuid,
    pub action_id: Uuid,
}

/// Runs `tasks` writers for `seconds` on the database at `database_url`, each on its own action
/// (they take the actions in turn, so two share a roadmap only when there are fewer actions
/// than tasks; a write that finds its revision moved reads again and counts nothing).
pub async fn run(
    database_url: &str,
    actions: &[ActionRef],
    tasks: u32,
    seconds: u32,
) -> anyhow::Result<DatabaseWrites> {
    if actions.is_empty() {
        anyhow::bail!("no actions to write");
    }
    let config = Config {
        database_url: database_url.to_owned(),
        // As the bench's server runs: the default, every commit on disk before it answers.
        sqlite_synchronous: SqliteSynchronous::Full,
        ..Config::default()
    };
    let db = db::connect(&config).await?;
    let actor = user::Entity::find()
        .one(&db)
        .await?
        .context("no user in the database")?
        .id;
    let deadline = Instant::now() + Duration::from_secs(u64::from(seconds));
    let started = Instant::now();
    let handles: Vec<_> = (0..tasks as usize)
        .map(|task| {
            let db = db.clone();
            let action = actions[task % actions.len()];
            tokio::spawn(async move { writer(db, action, actor, deadline).await })
        })
        .collect();
    let mut latencies = Vec::new();
    for handle in handles {
        latencies.extend(handle.await??);
    }
    let elapsed = started.elapsed();
    db.close().await?;
    latencies.sort_unstable();
    let at = |quantile: f64| {
        let index = ((latencies.len() as f64 * quantile) as usize).min(latencies.len() - 1);
        latencies.get(index).copied().unwrap_or_default()
    };
    Ok(DatabaseWrites {
        writes: latencies.len() as u64,
        elapsed,
        p50: at(0.50),
        p99: at(0.99),
    })
}

/// One task: the handler's statements in the handler's order, until the deadline.
async fn writer(
    db: DatabaseConnection,
    action: ActionRef,
    actor: Uuid,
    deadline: Instant,
) -> anyhow::Result<Vec<Duration>> {
    let mut latencies = Vec::new();
    let mut round = 0u64;
    while Instant::now() < deadline {
        round += 1;
        let started = Instant::now();
        if write_once(&db, action, actor, round).await? {
            latencies.push(started.elapsed());
        }
    }
    Ok(latencies)
}

/// Whether the write went through (false: another task moved the revision first).
async fn write_once(
    db: &DatabaseConnection,
    action: ActionRef,
    actor: Uuid,
    round: u64,
) -> anyhow::Result<bool> {
    // The server reads the roadmap again after each write (its cached row was forgotten),
    // and the action before the write's turn.
    let row = roadmap::Entity::find_by_id(action.roadmap_id)
        .one(db)
        .await?
        .context("the roadmap is gone")?;
    let found = roadmap_action::Entity::find_by_id(action.action_id)
        .filter(roadmap_action::Column::RoadmapId.eq(action.roadmap_id))
        .one(db)
        .await?
        .context("the action is gone")?;
    let now = Utc::now();
    let (turn, txn) = db::begin_write(db).await?;
    if !bump_revision(&txn, row.id, row.revision, now).await? {
        txn.rollback().await?;
        drop(turn);
        return Ok(false);
    }
    let title = format!("Alone {round}");
    let before = found.title.clone();
    let mut model = found.into_active_model();
    model.title = Set(title.clone());
    model.update(&txn).await?;
    let entry = HistoryRecord {
        kind: DocumentKind::Roadmap,
        document_id: row.id,
        revision: row.revision + 1,
        event: HistoryEvent::new(Section::Action, Happened::Updated),
        changes: json!({"id": action.action_id, "changes": {"title": {"from": before, "to": title}}}),
    };
    history::record(&txn, entry, actor, now).await?;
    txn.commit().await?;
    drop(turn);
    Ok(true)
}
