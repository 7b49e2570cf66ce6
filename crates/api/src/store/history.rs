//! The history of any reviewed document: one table (`document_history`) for every kind.

use chrono::{DateTime, Utc};
use pioneer_domain::Page;
use pioneer_domain::page::Paging;
use pioneer_domain::review::{CommentAuthor, DocumentKind, HistoryEntry, HistoryEvent};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, Set,
};
use serde_json::Value;
use uuid::Uuid;

use super::{StoreError, StoreResult, fetch_page, names};
use crate::entities::document_history;

/// One entry of a document's history, written inside the write's transaction.
pub struct HistoryRecord {
    pub kind: DocumentKind,
    pub document_id: Uuid,
    /// The document's revision this change produced.
    pub revision: i64,
    pub event: HistoryEvent,
    pub changes: Value,
}

/// Writes one entry, in the caller's transaction (see `store::write::Write::record`).
pub async fn record(
    db: &impl ConnectionTrait,
    entry: HistoryRecord,
    actor_id: Uuid,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    document_history::Entity::insert(document_history::ActiveModel {
        id: Set(Uuid::now_v7()),
        document_kind: Set(entry.kind.as_str().to_owned()),
        document_id: Set(entry.document_id),
        revision: Set(entry.revision),
        actor_id: Set(actor_id),
        event: Set(entry.event.to_string()),
        changes: Set(entry.changes.to_string()),
        created_at: Set(now),
    })
    .exec_without_returning(db)
    .await?;
    Ok(())
}

/// One page of the document's history, oldest first, without the events in `hidden`, with
/// each actor's name (two queries).
pub async fn page(
    db: &DatabaseConnection,
    kind: DocumentKind,
    document_id: Uuid,
    hidden: &[HistoryEvent],
    paging: Paging,
) -> StoreResult<Page<HistoryEntry>> {
    let select = document_history::Entity::find()
        .filter(document_history::Column::DocumentKind.eq(kind.as_str()))
        .filter(document_history::Column::DocumentId.eq(document_id))
        .filter(document_history::Column::Event.is_not_in(hidden.iter().map(ToString::to_string)))
        .order_by_asc(document_history::Column::Revision)
        .order_by_asc(document_history::Column::Id);
    let (rows, total) = fetch_page(db, select, paging).await?;
    let names = names::names(db, rows.iter().map(|entry| entry.actor_id)).await?;
    let items = rows
        .into_iter()
        .map(|entry| {
            Ok(HistoryEntry {
                id: entry.id,
                revision: entry.revision,
                actor: CommentAuthor {
                    id: entry.actor_id,
                    name: names.get(&entry.actor_id).cloned().unwrap_or_default(),
                },
                event: entry
                    .event
                    .parse()
                    .map_err(|e| StoreError::corrupt("history event", e))?,
                changes: serde_json::from_str(&entry.changes).unwrap_or_default(),
                created_at: entry.created_at,
            })
        })
        .collect::<StoreResult<Vec<_>>>()?;
    Ok(Page::new(items, total, paging))
}
