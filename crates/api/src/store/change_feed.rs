//! Telling the other replicas what changed, so that they forget it at once (PostgreSQL only).
//!
//! The replica that writes forgets the rows it changed once its transaction has ended (see
//! `store::row_cache`), then announces them after the commit: a `NOTIFY` on [`CHANNEL`] names
//! every change that one task of the replica has gathered since its last one, so that under
//! load one notification carries the changes of many writes (each `NOTIFY` is a transaction of
//! its own, and PostgreSQL serialises their commits). Each replica listens on its own connection
//! and forgets what it hears. Notifications are not durable: those sent while a listener is
//! disconnected are lost, so on every (re)connection it forgets everything it holds. Whatever
//! still slips through (a failed notify, a listener down) is bounded by the caches' maximum age
//! (`ROW_CACHE_MAX_AGE_MS`), the safety net. On SQLite there is one process per file: nothing is
//! sent and nobody listens.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use sea_orm::sqlx::postgres::PgListener;
use sea_orm::{ConnectionTrait, DatabaseBackend, DatabaseConnection, Statement};
use serde::{Deserialize, Serialize};
use tokio::sync::Notify;
use tokio::task::JoinHandle;
use uuid::Uuid;

use crate::store::row_cache::RowCaches;

/// The PostgreSQL channel the replicas of one database speak on.
pub const CHANNEL: &str = "pioneer_changes";

/// PostgreSQL refuses a `NOTIFY` payload of 8000 bytes or more.
const MAX_PAYLOAD_BYTES: usize = 7999;

/// The first wait before connecting again after a failure; it doubles up to [`MAX_BACKOFF`].
const MIN_BACKOFF: Duration = Duration::from_millis(100);
const MAX_BACKOFF: Duration = Duration::from_secs(5);

/// A cached row that a write changed (or created). A new cached kind adds a variant; a replica
/// that does not know it forgets everything (see [`ChangeFeed::listen`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "t", content = "id", rename_all = "snake_case")]
pub enum Changed {
    User(Uuid),
    /// The row-cache key of the token: `auth::secret::api_token_key` of its hash.
    ApiToken(Uuid),
    Roadmap(Uuid),
    Report(Uuid),
    /// A knowledge resource (its search entry follows the log in the database, not this).
    Resource(Uuid),
    /// An expert profile (by its member's id) and an organisation: nothing cached, but their
    /// search entries follow the log like a resource's.
    Expert(Uuid),
    Organisation(Uuid),
    /// A reporting cycle (by year): what is read of its reports changes with it.
    ReportingCycle(i32),
}

impl Changed {
    /// Forgets what this names in `rows`, as the replica that made the change did: a roadmap
    /// also moves the generation of the cached list pages on.
    pub fn forget_in(&self, rows: &RowCaches) {
        match *self {
            Changed::User(id) => rows.users.forget(id),
            Changed::ApiToken(key) => rows.api_tokens.forget(key),
            Changed::Roadmap(id) => rows.roadmaps.forget(id),
            Changed::Report(id) => rows.reports.forget(id),
            Changed::Resource(id) => rows.resources.forget(id),
            Changed::ReportingCycle(_) => rows.reports.forget_every(),
            Changed::Expert(_) | Changed::Organisation(_) => {}
        }
    }
}

/// What one notification carries: who sent it (a replica skips its own: it forgot already)
/// and what changed, e.g. `{"from":"…","changes":[{"t":"roadmap","id":"…"}]}`.
#[derive(Debug, Serialize, Deserialize)]
struct Payload {
    from: Uuid,
    changes: Vec<Changed>,
}

/// This replica's end of the feed; cheap to clone.
#[derive(Clone)]
pub struct ChangeFeed {
    /// Names this replica in what it sends.
    replica: Uuid,
    postgres: bool,
    listening: Arc<AtomicBool>,
    /// How many times the listener subscribed (it does again after losing its connection).
    subscriptions: Arc<AtomicU64>,
    outbox: Arc<Outbox>,
}

/// The changes committed and not yet announced, for the announcing task.
#[derive(Default)]
struct Outbox {
    pending: Mutex<Vec<Changed>>,
    /// Wakes the task; a wake-up while it is busy is kept for when it is done.
    wake: Notify,
    /// Whether the task runs: without it nothing is kept (nobody would send it).
    running: AtomicBool,
}

impl Outbox {
    /// What is pending, leaving nothing.
    fn take(&self) -> Vec<Changed> {
        std::mem::take(&mut *self.pending.lock().unwrap_or_else(PoisonError::into_inner))
    }
}

impl ChangeFeed {
    /// The feed of a replica on `backend`: it only speaks on PostgreSQL.
    pub fn new(backend: DatabaseBackend) -> Self {
        Self {
            replica: Uuid::now_v7(),
            postgres: backend == DatabaseBackend::Postgres,
            listening: Arc::default(),
            subscriptions: Arc::default(),
            outbox: Arc::default(),
        }
    }

    /// Whether the listener is connected and subscribed, so that a change made elsewhere from
    /// now on is heard (always `false` on SQLite).
    pub fn is_listening(&self) -> bool {
        self.listening.load(Ordering::Acquire)
    }

    /// How many times the listener has subscribed so far: more than once after a reconnection.
    pub fn subscriptions(&self) -> u64 {
        self.subscriptions.load(Ordering::Acquire)
    }

    /// Tells the other replicas that `changes` happened, soon and without waiting: call it once
    /// the transaction has committed. The announcing task (started by [`ChangeFeed::listen`])
    /// sends them with whatever else was committed meanwhile.
    pub fn announce_later(&self, changes: &[Changed]) {
        if !self.postgres || changes.is_empty() || !self.outbox.running.load(Ordering::Acquire) {
            return;
        }
        {
            let mut pending = self
                .outbox
                .pending
                .lock()
                .unwrap_or_else(PoisonError::into_inner);
            for changed in changes {
                if !pending.contains(changed) {
                    pending.push(*changed);
                }
            }
        }
        self.outbox.wake.notify_one();
    }

    /// Sends `changes` now. A failure is logged, never returned: the caches' maximum age is the
    /// safety net.
    async fn announce(&self, db: &DatabaseConnection, changes: &[Changed]) {
        for payload in payloads(self.replica, changes) {
            let notify = Statement::from_sql_and_values(
                DatabaseBackend::Postgres,
                "SELECT pg_notify($1, $2)",
                [CHANNEL.into(), payload.into()],
            );
            if let Err(error) = db.execute_raw(notify).await {
                tracing::warn!(%error, changes = changes.len(), "could not tell the other replicas of a change; they see it within ROW_CACHE_MAX_AGE_MS");
                return;
            }
        }
    }

    /// The announcing task: each turn sends everything committed since the last one, so that
    /// the number of notifications follows the database's pace rather than the writes'.
    async fn announcing(self, db: DatabaseConnection) {
        loop {
            self.outbox.wake.notified().await;
            let changes = self.outbox.take();
            if !changes.is_empty() {
                self.announce(&db, &changes).await;
            }
        }
    }

    /// Listens to the other replicas on a connection of its own to `database_url` and forgets
    /// in `rows` what they announce, and announces this replica's changes through `db`, until
    /// the answer is dropped. Does nothing on SQLite.
    pub fn listen(
        &self,
        db: &DatabaseConnection,
        database_url: &str,
        rows: Arc<RowCaches>,
    ) -> Listener {
        if !self.postgres {
            return Listener(Vec::new());
        }
        let feed = self.clone();
        let url = database_url.to_owned();
        let listening = tokio::spawn(async move { feed.run(url, rows).await });
        self.outbox.running.store(true, Ordering::Release);
        let announcing = tokio::spawn(self.clone().announcing(db.clone()));
        Listener(vec![listening, announcing])
    }

    async fn run(self, url: String, rows: Arc<RowCaches>) {
        let mut backoff = MIN_BACKOFF;
        loop {
            let mut listener = match subscribe(&url).await {
                Ok(listener) => listener,
                Err(error) => {
                    tracing::warn!(%error, retry_in_ms = backoff.as_millis() as u64, "cannot listen for changes made by other replicas");
                    tokio::time::sleep(backoff).await;
                    backoff = (backoff * 2).min(MAX_BACKOFF);
                    continue;
                }
            };
            backoff = MIN_BACKOFF;
            self.connected(&rows);
            loop {
                match listener.try_recv().await {
                    Ok(Some(notification)) => self.heard(&rows, notification.payload()),
                    // The connection dropped and the listener subscribed again on a new one.
                    Ok(None) => {
                        tracing::warn!(
                            "lost the connection that listens for changes; listening again"
                        );
                        self.connected(&rows);
                    }
                    Err(error) => {
                        self.listening.store(false, Ordering::Release);
                        tracing::warn!(%error, "lost the connection that listens for changes");
                        break;
                    }
                }
            }
        }
    }

    /// Subscribed (again): whatever was announced while nobody listened is lost, so everything
    /// cached may be stale. Only now that the subscription is in place, so nothing falls between.
    fn connected(&self, rows: &RowCaches) {
        rows.forget_all();
        self.listening.store(true, Ordering::Release);
        self.subscriptions.fetch_add(1, Ordering::AcqRel);
        tracing::debug!(
            channel = CHANNEL,
            "listening for changes made by other replicas"
        );
    }

    fn heard(&self, rows: &RowCaches, payload: &str) {
        match serde_json::from_str::<Payload>(payload) {
            Ok(payload) if payload.from == self.replica => {}
            Ok(payload) => {
                for changed in &payload.changes {
                    changed.forget_in(rows);
                }
            }
            // From a newer replica (a kind this one does not know) or garbled: forget it all.
            Err(error) => {
                tracing::warn!(%error, "an announced change this replica cannot read; forgetting every cached row");
                rows.forget_all();
            }
        }
    }
}

async fn subscribe(url: &str) -> Result<PgListener, sea_orm::sqlx::Error> {
    let mut listener = PgListener::connect(url).await?;
    listener.listen(CHANNEL).await?;
    Ok(listener)
}

/// The listening and announcing tasks: stopped when dropped (with the server).
pub struct Listener(Vec<JoinHandle<()>>);

impl Drop for Listener {
    fn drop(&mut self) {
        for task in &self.0 {
            task.abort();
        }
    }
}

/// `changes` as few payloads as fit, each under PostgreSQL's limit, in order.
fn payloads(from: Uuid, changes: &[Changed]) -> Vec<String> {
    let json = |changes: &[Changed]| {
        let payload = Payload {
            from,
            changes: changes.to_vec(),
        };
        serde_json::to_string(&payload).unwrap_or_default()
    };
    let empty = json(&[]).len();
    let mut out = Vec::new();
    let mut start = 0;
    // The length the payload of `changes[start..]` so far would have.
    let mut length = empty;
    for (i, changed) in changes.iter().enumerate() {
        let item = serde_json::to_string(changed).map_or(0, |s| s.len());
        let separator = usize::from(i > start);
        if i > start && length + separator + item > MAX_PAYLOAD_BYTES {
            out.push(json(&changes[start..i]));
            start = i;
            length = empty + item;
        } else {
            length += separator + item;
        }
    }
    if start < changes.len() {
        out.push(json(&changes[start..]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_is_a_compact_tagged_object() {
        let id = Uuid::nil();
        let json = serde_json::to_string(&Changed::Roadmap(id)).unwrap_or_default();
        assert_eq!(json, format!(r#"{{"t":"roadmap","id":"{id}"}}"#));
        let json = serde_json::to_string(&Changed::ApiToken(id)).unwrap_or_default();
        assert_eq!(json, format!(r#"{{"t":"api_token","id":"{id}"}}"#));
        let back: Result<Changed, _> = serde_json::from_str(&json);
        assert_eq!(back.ok(), Some(Changed::ApiToken(id)));
    }

    #[test]
    fn changes_committed_while_the_task_is_busy_go_out_together_once_each() {
        let feed = ChangeFeed::new(DatabaseBackend::Postgres);
        let roadmap = Changed::Roadmap(Uuid::now_v7());
        let user = Changed::User(Uuid::now_v7());
        feed.announce_later(&[roadmap]);
        assert!(
            feed.outbox.take().is_empty(),
            "no task to send it: nothing kept"
        );

        feed.outbox.running.store(true, Ordering::Release);
        feed.announce_later(&[roadmap]);
        feed.announce_later(&[roadmap, user]);
        assert_eq!(
            feed.outbox.take(),
            vec![roadmap, user],
            "one batch, each once"
        );
        assert!(feed.outbox.take().is_empty());

        let sqlite = ChangeFeed::new(DatabaseBackend::Sqlite);
        sqlite.outbox.running.store(true, Ordering::Release);
        sqlite.announce_later(&[roadmap]);
        assert!(sqlite.outbox.take().is_empty(), "SQLite announces nothing");
    }

    #[test]
    fn a_few_changes_go_in_one_payload() {
        let from = Uuid::now_v7();
        let changes = [
            Changed::User(Uuid::now_v7()),
            Changed::Roadmap(Uuid::now_v7()),
        ];
        let payloads = payloads(from, &changes);
        assert_eq!(payloads.len(), 1);
        let payload: Payload = serde_json::from_str(&payloads[0]).expect("a payload");
        assert_eq!(payload.from, from);
        assert_eq!(payload.changes, changes);
        assert!(super::payloads(from, &[]).is_empty(), "nothing to say");
    }

    #[test]
    fn many_changes_are_split_under_the_notify_limit_and_none_is_lost() {
        let from = Uuid::now_v7();
        let changes: Vec<Changed> = (0..1000)
            .map(|i| match i % 3 {
                0 => Changed::User(Uuid::now_v7()),
                1 => Changed::ApiToken(Uuid::now_v7()),
                _ => Changed::Roadmap(Uuid::now_v7()),
            })
            .collect();
        let payloads = payloads(from, &changes);
        assert!(payloads.len() > 1);
        let mut heard = Vec::new();
        for payload in &payloads {
            assert!(payload.len() < 8000, "{} bytes", payload.len());
            let payload: Payload = serde_json::from_str(payload).expect("a payload");
            assert_eq!(payload.from, from);
            heard.extend(payload.changes);
        }
        assert_eq!(heard, changes);
        // Each payload but the last is full: the next change would not have fitted.
        let mut next = 0;
        for payload in &payloads[..payloads.len() - 1] {
            next += serde_json::from_str::<Payload>(payload).map_or(0, |p| p.changes.len());
            let item = serde_json::to_string(&changes[next]).map_or(0, |s| s.len());
            assert!(payload.len() + 1 + item > MAX_PAYLOAD_BYTES);
        }
    }
}
