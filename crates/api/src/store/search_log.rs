//! The ordered log of changes the search indexes follow: every change of a resource, an expert
//! profile or an organisation is an entry, numbered in the order of the commits.

use chrono::{DateTime, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseBackend, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set, Statement,
};
use uuid::Uuid;

use super::StoreResult;
use crate::entities::search_change;

/// Appends the changes of `ids` (resources, expert profiles, organisations) to the log, in the
/// transaction that made them. On PostgreSQL the log is locked until the commit, so that the
/// entries become visible in the order of their numbers: an index that has read entry `n`
/// never finds an entry below `n` later. (They change at the pace of people: the
/// writers of the log waiting for each other costs nothing.)
pub async fn log_changes(
    db: &impl ConnectionTrait,
    ids: &[Uuid],
    now: DateTime<Utc>,
) -> StoreResult<()> {
    if ids.is_empty() {
        return Ok(());
    }
    if db.get_database_backend() == DatabaseBackend::Postgres {
        db.execute_raw(Statement::from_string(
            DatabaseBackend::Postgres,
            "LOCK TABLE search_changes IN EXCLUSIVE MODE",
        ))
        .await?;
    }
    search_change::Entity::insert_many(ids.iter().map(|id| search_change::ActiveModel {
        subject_id: Set(*id),
        changed_at: Set(now),
        ..Default::default()
    }))
    .exec(db)
    .await?;
    Ok(())
}

/// The log's entries after `after`, oldest first.
pub async fn changes_since(
    db: &impl ConnectionTrait,
    after: i32,
    limit: u64,
) -> StoreResult<Vec<(i32, Uuid)>> {
    Ok(search_change::Entity::find()
        .select_only()
        .column(search_change::Column::Seq)
        .column(search_change::Column::SubjectId)
        .filter(search_change::Column::Seq.gt(after))
        .order_by_asc(search_change::Column::Seq)
        .limit(limit)
        .into_tuple()
        .all(db)
        .await?)
}

/// The number of the log's last entry (0: none).
pub async fn last_change(db: &impl ConnectionTrait) -> StoreResult<i32> {
    let last: Option<i32> = search_change::Entity::find()
        .select_only()
        .column(search_change::Column::Seq)
        .order_by_desc(search_change::Column::Seq)
        .limit(1)
        .into_tuple()
        .one(db)
        .await?;
    Ok(last.unwrap_or(0))
}
