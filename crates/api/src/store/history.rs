//! The history of any reviewed document: one table (`document_history`) for every kind.

use pioneer_domain::review::{CommentAuthor, DocumentKind, HistoryEntry};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use super::{StoreError, StoreResult};
use crate::entities::{document_history, user};

/// Every entry of the document's history, oldest first, with its actor's name (one query).
pub async fn list(
    db: &impl ConnectionTrait,
    kind: DocumentKind,
    document_id: Uuid,
) -> StoreResult<Vec<HistoryEntry>> {
    let rows = document_history::Entity::find()
        .filter(document_history::Column::DocumentKind.eq(kind.as_str()))
        .filter(document_history::Column::DocumentId.eq(document_id))
        .order_by_asc(document_history::Column::Revision)
        .order_by_asc(document_history::Column::Id)
        .find_also_related(user::Entity)
        .all(db)
        .await?;
    rows.into_iter()
        .map(|(entry, actor)| {
            Ok(HistoryEntry {
                id: entry.id,
                revision: entry.revision,
                actor: CommentAuthor {
                    id: entry.actor_id,
                    name: actor.map(|a| a.name).unwrap_or_default(),
                },
                event: entry
                    .event
                    .parse()
                    .map_err(|e| StoreError::corrupt("history event", e))?,
                changes: serde_json::from_str(&entry.changes).unwrap_or_default(),
                created_at: entry.created_at,
            })
        })
        .collect()
}
