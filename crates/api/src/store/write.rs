//! The one way a change is written: a transaction that knows what it changed.
//!
//! Whoever writes says which cached rows the write touched ([`Write::touched`]); the write
//! forgets them here once its transaction has ended (committed, failed or dropped by a cancelled
//! request) and, after a commit, announces them to the other replicas. No handler writes a
//! `forget`: a new table or document kind is cached correctly as soon as its writes say what
//! they touch.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use sea_orm::{DatabaseConnection, DatabaseTransaction};
use uuid::Uuid;

use super::StoreResult;
use super::change_feed::{ChangeFeed, Changed};
use super::history::{self, HistoryRecord};
use super::row_cache::RowCaches;
use crate::db::{WriteTurn, begin_write};

/// An open write transaction (on SQLite, the writer's turn is held until it ends).
pub struct Write {
    pub txn: DatabaseTransaction,
    /// The moment of the change, from the app's one clock.
    pub now: DateTime<Utc>,
    pub actor_id: Uuid,
    /// Declared after `txn`, so that the touched rows are forgotten once it has ended.
    touched: Touched,
    /// Declared after `txn`, so that the turn is released once the transaction has ended.
    _turn: WriteTurn,
    feed: ChangeFeed,
}

impl Write {
    /// Opens the transaction; `rows` and `feed` are where what it touches is forgotten and told.
    pub async fn begin(
        db: &DatabaseConnection,
        rows: &Arc<RowCaches>,
        feed: &ChangeFeed,
        actor_id: Uuid,
        now: DateTime<Utc>,
    ) -> StoreResult<Self> {
        let (turn, txn) = begin_write(db).await?;
        Ok(Self {
            txn,
            now,
            actor_id,
            touched: Touched {
                rows: rows.clone(),
                changes: Vec::new(),
            },
            _turn: turn,
            feed: feed.clone(),
        })
    }

    /// This write changed (or created) `changed`: it is forgotten and announced.
    pub fn touched(&mut self, changed: Changed) {
        if !self.touched.changes.contains(&changed) {
            self.touched.changes.push(changed);
        }
    }

    /// Writes a history entry by this write's actor, at its moment.
    pub async fn record(&self, entry: HistoryRecord) -> StoreResult<()> {
        history::record(&self.txn, entry, self.actor_id, self.now).await
    }

    /// Commits, forgets what the write touched, then tells the other replicas.
    pub async fn commit(self) -> StoreResult<()> {
        let Write {
            txn,
            touched,
            _turn,
            feed,
            now,
            ..
        } = self;
        // The search indexes follow what they index through their log, written in the same
        // transaction: a change is logged if and only if it is committed.
        let searched: Vec<Uuid> = touched
            .changes
            .iter()
            .filter_map(|changed| match changed {
                Changed::Resource(id) | Changed::Expert(id) | Changed::Organisation(id) => {
                    Some(*id)
                }
                _ => None,
            })
            .collect();
        super::search_log::log_changes(&txn, &searched, now).await?;
        let committed = txn.commit().await;
        let changes = touched.changes.clone();
        drop(touched);
        drop(_turn);
        committed?;
        // The answer does not wait for the other replicas to be told (a round trip more).
        feed.announce_later(&changes);
        Ok(())
    }
}

/// Forgets the touched rows when dropped: after a commit, a failure or a cancelled request.
struct Touched {
    rows: Arc<RowCaches>,
    changes: Vec<Changed>,
}

impl Drop for Touched {
    fn drop(&mut self) {
        for changed in &self.changes {
            changed.forget_in(&self.rows);
        }
    }
}
