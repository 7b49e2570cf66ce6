//! Comments on any reviewed document, anchored to one of its sections and threaded: one table
//! (`document_comments`) for every kind.

use chrono::{DateTime, Utc};
use pioneer_domain::Page;
use pioneer_domain::page::Paging;
use pioneer_domain::review::{Comment, CommentAuthor, CommentTarget, DocumentKind};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, Set,
};
use uuid::Uuid;

use super::{StoreError, StoreResult, fetch_page, names};
use crate::entities::document_comment;

/// A comment to store; its body already checked (`review::check_comment_body`).
pub struct NewCommentRow {
    pub kind: DocumentKind,
    pub document_id: Uuid,
    pub author: CommentAuthor,
    pub target: CommentTarget,
    pub parent_id: Option<Uuid>,
    pub body: String,
}

pub async fn insert(
    db: &impl ConnectionTrait,
    comment: NewCommentRow,
    now: DateTime<Utc>,
) -> StoreResult<Comment> {
    let row = document_comment::ActiveModel {
        id: Set(Uuid::now_v7()),
        document_kind: Set(comment.kind.as_str().to_owned()),
        document_id: Set(comment.document_id),
        author_id: Set(comment.author.id),
        target_kind: Set(comment.target.kind.as_str().to_owned()),
        target_id: Set(comment.target.id),
        parent_id: Set(comment.parent_id),
        body: Set(comment.body),
        created_at: Set(now),
    }
    .insert(db)
    .await?;
    Ok(Comment {
        id: row.id,
        body: row.body,
        author: comment.author,
        target: comment.target,
        parent_id: comment.parent_id,
        created_at: now,
    })
}

/// One page of the document's comments, oldest first, with their authors' names (two queries).
pub async fn page(
    db: &DatabaseConnection,
    kind: DocumentKind,
    document_id: Uuid,
    paging: Paging,
) -> StoreResult<Page<Comment>> {
    let select = document_comment::Entity::find()
        .filter(document_comment::Column::DocumentKind.eq(kind.as_str()))
        .filter(document_comment::Column::DocumentId.eq(document_id))
        .order_by_asc(document_comment::Column::CreatedAt)
        .order_by_asc(document_comment::Column::Id);
    let (rows, total) = fetch_page(db, select, paging).await?;
    let names = names::names(db, rows.iter().map(|c| c.author_id)).await?;
    let items = rows
        .into_iter()
        .map(|c| {
            Ok(Comment {
                id: c.id,
                body: c.body,
                author: CommentAuthor {
                    id: c.author_id,
                    name: names.get(&c.author_id).cloned().unwrap_or_default(),
                },
                target: CommentTarget {
                    kind: c
                        .target_kind
                        .parse()
                        .map_err(|e| StoreError::corrupt("comment target", e))?,
                    id: c.target_id,
                },
                parent_id: c.parent_id,
                created_at: c.created_at,
            })
        })
        .collect::<StoreResult<Vec<_>>>()?;
    Ok(Page::new(items, total, paging))
}

/// Whether the document has a comment `id` (a reply's parent must be one of its own).
pub async fn exists(
    db: &impl ConnectionTrait,
    kind: DocumentKind,
    document_id: Uuid,
    id: Uuid,
) -> StoreResult<bool> {
    Ok(document_comment::Entity::find_by_id(id)
        .filter(document_comment::Column::DocumentKind.eq(kind.as_str()))
        .filter(document_comment::Column::DocumentId.eq(document_id))
        .count(db)
        .await?
        > 0)
}
