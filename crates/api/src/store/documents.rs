//! A reviewed document kind as the store keeps it. The write path, the access checks and the
//! stale-write answer (`routes::document_write`) are written once against this trait; a new
//! kind implements it beside its tables and gets them all, with its caching.

use std::future::Future;

use chrono::{DateTime, Utc};
use pioneer_domain::review::Reviewed;
use sea_orm::{ConnectionTrait, DbErr};
use serde_json::Value;
use uuid::Uuid;

use super::StoreResult;
use super::change_feed::Changed;
use super::row_cache::{RowCache, RowCaches};

pub trait StoredDocument: Reviewed {
    /// The document's own row (not its parts).
    type Row: Clone + 'static;

    /// Where this replica keeps recently read rows of the kind.
    fn cache(rows: &RowCaches) -> &RowCache<Self::Row>;
    /// How a change to one document is named, to forget it here and on other replicas.
    fn changed(id: Uuid) -> Changed;

    fn id(row: &Self::Row) -> Uuid;
    /// Moves with every change: the document's ETag.
    fn revision(row: &Self::Row) -> i64;
    /// The country whose team writes the document.
    fn owner(row: &Self::Row) -> &str;
    fn status(row: &Self::Row) -> StoreResult<Self::Status>;

    fn find(
        db: &impl ConnectionTrait,
        id: Uuid,
    ) -> impl Future<Output = Result<Option<Self::Row>, DbErr>>;
    /// Moves the document from revision `expected` to the next, only if nobody did first.
    fn bump_revision(
        db: &impl ConnectionTrait,
        id: Uuid,
        expected: i64,
        now: DateTime<Utc>,
    ) -> impl Future<Output = StoreResult<bool>>;
    /// The whole document as the API answers it (what a 412 carries as `current`).
    fn current(
        db: &impl ConnectionTrait,
        row: Self::Row,
    ) -> impl Future<Output = StoreResult<Value>>;
}
