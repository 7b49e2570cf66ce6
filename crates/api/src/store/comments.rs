//! Comments on any reviewed document, anchored to one of its sections and threaded: one table
//! (`document_comments`) for every kind. The Markdown is rendered and sanitised once, when
//! written; a removed comment keeps its row (its replies stay in their thread) but not its text.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use pioneer_domain::Page;
use pioneer_domain::page::Paging;
use pioneer_domain::review::{Comment, CommentAuthor, CommentTarget, DocumentKind};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, Set,
};
use uuid::Uuid;

use super::{StoreError, StoreResult, fetch_page, names};
use crate::entities::document_comment;
use crate::markdown::Markdown;

/// A comment to store; its body already checked (`review::check_comment_body`).
pub struct NewCommentRow {
    pub kind: DocumentKind,
    pub document_id: Uuid,
    pub author: CommentAuthor,
    pub target: CommentTarget,
    pub parent_id: Option<Uuid>,
    pub body: String,
}

/// A stored comment as every answer shows it: without its text once removed, rendered on read
/// when it was written before the HTML was kept.
fn comment(row: document_comment::Model, names: &HashMap<Uuid, String>) -> StoreResult<Comment> {
    let target = CommentTarget {
        kind: row
            .target_kind
            .parse()
            .map_err(|e| StoreError::corrupt("comment target", e))?,
        id: row.target_id,
    };
    let body_html = if row.body_html.is_empty() && !row.body.is_empty() {
        Markdown::shared().to_html(&row.body)
    } else {
        row.body_html
    };
    let comment = Comment {
        id: row.id,
        body_markdown: row.body.clone(),
        body: row.body,
        body_html,
        author: CommentAuthor {
            id: row.author_id,
            name: names.get(&row.author_id).cloned().unwrap_or_default(),
        },
        target,
        parent_id: row.parent_id,
        created_at: row.created_at,
        edited_at: row.edited_at,
        removed: false,
    };
    Ok(if row.removed_at.is_some() {
        comment.without_text()
    } else {
        comment
    })
}

/// One stored comment with its author's name.
pub async fn answer(
    db: &impl ConnectionTrait,
    row: document_comment::Model,
) -> StoreResult<Comment> {
    let names = names::names(db, [row.author_id]).await?;
    comment(row, &names)
}

pub async fn insert(
    db: &impl ConnectionTrait,
    comment: NewCommentRow,
    now: DateTime<Utc>,
) -> StoreResult<Comment> {
    let body_html = Markdown::shared().to_html(&comment.body);
    let row = document_comment::ActiveModel {
        id: Set(Uuid::now_v7()),
        document_kind: Set(comment.kind.as_str().to_owned()),
        document_id: Set(comment.document_id),
        author_id: Set(comment.author.id),
        target_kind: Set(comment.target.kind.as_str().to_owned()),
        target_id: Set(comment.target.id),
        parent_id: Set(comment.parent_id),
        body: Set(comment.body),
        body_html: Set(body_html),
        created_at: Set(now),
        edited_at: Set(None),
        removed_at: Set(None),
        removed_by: Set(None),
    }
    .insert(db)
    .await?;
    Ok(Comment {
        id: row.id,
        body: row.body.clone(),
        body_markdown: row.body,
        body_html: row.body_html,
        author: comment.author,
        target: comment.target,
        parent_id: comment.parent_id,
        // As stored (PostgreSQL keeps microseconds): the same as every later answer.
        created_at: row.created_at,
        edited_at: None,
        removed: false,
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
        .map(|row| comment(row, &names))
        .collect::<StoreResult<Vec<_>>>()?;
    Ok(Page::new(items, total, paging))
}

/// The document's comment `id`, if it has one.
pub async fn find(
    db: &impl ConnectionTrait,
    kind: DocumentKind,
    document_id: Uuid,
    id: Uuid,
) -> StoreResult<Option<document_comment::Model>> {
    Ok(document_comment::Entity::find_by_id(id)
        .filter(document_comment::Column::DocumentKind.eq(kind.as_str()))
        .filter(document_comment::Column::DocumentId.eq(document_id))
        .one(db)
        .await?)
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

/// The author's new text (already checked), rendered; `false` when the comment was removed
/// meanwhile (nothing is written then).
pub async fn edit(
    db: &impl ConnectionTrait,
    id: Uuid,
    body: &str,
    now: DateTime<Utc>,
) -> StoreResult<bool> {
    let done = document_comment::Entity::update_many()
        .col_expr(document_comment::Column::Body, Expr::value(body))
        .col_expr(
            document_comment::Column::BodyHtml,
            Expr::value(Markdown::shared().to_html(body)),
        )
        .col_expr(document_comment::Column::EditedAt, Expr::value(now))
        .filter(document_comment::Column::Id.eq(id))
        .filter(document_comment::Column::RemovedAt.is_null())
        .exec(db)
        .await?;
    Ok(done.rows_affected == 1)
}

/// Removes the comment: its text is gone, when and by whom is kept. `false` when it was
/// removed already (nothing is written then).
pub async fn remove(
    db: &impl ConnectionTrait,
    id: Uuid,
    by: Uuid,
    now: DateTime<Utc>,
) -> StoreResult<bool> {
    let done = document_comment::Entity::update_many()
        .col_expr(document_comment::Column::Body, Expr::value(""))
        .col_expr(document_comment::Column::BodyHtml, Expr::value(""))
        .col_expr(document_comment::Column::RemovedAt, Expr::value(now))
        .col_expr(document_comment::Column::RemovedBy, Expr::value(by))
        .filter(document_comment::Column::Id.eq(id))
        .filter(document_comment::Column::RemovedAt.is_null())
        .exec(db)
        .await?;
    Ok(done.rows_affected == 1)
}
