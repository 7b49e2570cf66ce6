//! Comments and history of a reviewed document, the same for every kind: reading them needs to
//! see the document; commenting is for its team and its reviewers, anchored to one of its
//! sections, threaded; a comment's author edits it, and its author or the document's
//! moderators (whoever may review it) remove it.

use actix_web::HttpResponse;
use pioneer_domain::page::Paging;
use pioneer_domain::review::{
    Access, CommentTarget, DocumentAction, EditRefused, EditedComment, Happened, HistoryEvent,
    NewComment, check_comment_body, may_edit_comment, may_remove_comment,
};
use pioneer_domain::{ErrorCode, FieldError};
use serde_json::json;
use uuid::Uuid;

use super::document_write::{actor, authorize, comment_author};
use crate::auth::CurrentUser;
use crate::entities::document_comment;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::store::comments::{self, NewCommentRow};
use crate::store::documents::StoredDocument;
use crate::store::history::{self, HistoryRecord};

/// All comments on the document, oldest first; `parent_id` makes the threads.
pub async fn list_comments<K: StoredDocument>(
    state: &AppState,
    user: &CurrentUser,
    id: Uuid,
    paging: Paging,
) -> ApiResult<HttpResponse> {
    let row = authorize::<K>(state, user, id, DocumentAction::Read).await?;
    let page = comments::page(&state.db, K::KIND, K::id(&row), paging).await?;
    Ok(HttpResponse::Ok().json(page))
}

/// A comment on the document or one of its sections (422 when the target or the parent names
/// nothing of this document).
pub async fn create_comment<K: StoredDocument>(
    state: &AppState,
    user: &CurrentUser,
    id: Uuid,
    input: NewComment,
) -> ApiResult<HttpResponse> {
    let row = authorize::<K>(state, user, id, DocumentAction::Comment).await?;
    let id = K::id(&row);
    let text = check_comment_body(&input.body).map_err(ApiError::field)?;
    let target = input.target.unwrap_or(CommentTarget {
        kind: K::SECTIONS[0],
        id,
    });
    if !K::SECTIONS.contains(&target.kind) || !K::has_section(&state.db, id, target).await? {
        return Err(ApiError::field(FieldError::new(
            "target",
            "unknown_target",
            format!("this {} has no such part", K::KIND),
        )));
    }
    if let Some(parent) = input.parent_id
        && !comments::exists(&state.db, K::KIND, id, parent).await?
    {
        return Err(ApiError::field(FieldError::new(
            "parent_id",
            "unknown_comment",
            format!("no comment of this {} has this id", K::KIND),
        )));
    }
    let comment = NewCommentRow {
        kind: K::KIND,
        document_id: id,
        author: comment_author(user),
        target,
        parent_id: input.parent_id,
        body: text,
    };
    let comment = comments::insert(&state.db, comment, state.clock.now()).await?;
    Ok(HttpResponse::Created().json(comment))
}

/// The document's comment `comment_id`: 404 when the document has none of that id.
async fn stored_comment<K: StoredDocument>(
    state: &AppState,
    document_id: Uuid,
    comment_id: Uuid,
) -> ApiResult<document_comment::Model> {
    comments::find(&state.db, K::KIND, document_id, comment_id)
        .await?
        .ok_or_else(|| ApiError::not_found("comment"))
}

fn comment_removed() -> ApiError {
    ApiError::conflict(
        ErrorCode::CommentRemoved,
        "this comment was removed: it can no longer be edited",
    )
}

/// Its author's new text for a comment, while they may still read the document (403 for
/// anyone else, 409 once the comment is removed).
pub async fn edit_comment<K: StoredDocument>(
    state: &AppState,
    user: &CurrentUser,
    id: Uuid,
    comment_id: Uuid,
    input: EditedComment,
) -> ApiResult<HttpResponse> {
    let row = authorize::<K>(state, user, id, DocumentAction::Read).await?;
    let id = K::id(&row);
    let stored = stored_comment::<K>(state, id, comment_id).await?;
    may_edit_comment(user.id, stored.author_id, stored.removed_at.is_some()).map_err(
        |refused| match refused {
            EditRefused::NotTheAuthor => ApiError::forbidden("only its author edits a comment"),
            EditRefused::Removed => comment_removed(),
        },
    )?;
    let text = check_comment_body(&input.body).map_err(ApiError::field)?;
    let write = state.write(user.id).await?;
    if !comments::edit(&write.txn, comment_id, &text, write.now).await? {
        return Err(comment_removed());
    }
    write.commit().await?;
    let edited = stored_comment::<K>(state, id, comment_id).await?;
    Ok(HttpResponse::Ok().json(comments::answer(&state.db, edited).await?))
}

/// Removes a comment (its author, or whoever may review the document): its text is gone from
/// every answer, its replies stay, and the document's history records who removed whose
/// comment. Removing it again answers the same.
pub async fn remove_comment<K: StoredDocument>(
    state: &AppState,
    user: &CurrentUser,
    id: Uuid,
    comment_id: Uuid,
) -> ApiResult<HttpResponse> {
    let row = authorize::<K>(state, user, id, DocumentAction::Read).await?;
    let id = K::id(&row);
    let stored = stored_comment::<K>(state, id, comment_id).await?;
    let moderates = stored.author_id != user.id
        && K::access(
            &state.db,
            user.id,
            &actor(user),
            &row,
            DocumentAction::Review,
        )
        .await?
            == Access::Allowed;
    if !may_remove_comment(user.id, stored.author_id, moderates) {
        return Err(ApiError::forbidden(format!(
            "only its author or the {}'s moderators remove a comment",
            K::KIND
        )));
    }
    if stored.removed_at.is_none() {
        let write = state.write(user.id).await?;
        // Whoever removed it first records it; a second removal writes nothing.
        if comments::remove(&write.txn, comment_id, user.id, write.now).await? {
            let author = comments::answer(&write.txn, stored.clone()).await?.author;
            write
                .record(HistoryRecord {
                    kind: K::KIND,
                    document_id: id,
                    revision: K::revision(&row),
                    event: HistoryEvent::new(K::SECTIONS[0], Happened::CommentRemoved),
                    changes: json!({"comment_id": comment_id, "author": author}),
                })
                .await?;
            write.commit().await?;
        }
    }
    let removed = stored_comment::<K>(state, id, comment_id).await?;
    Ok(HttpResponse::Ok().json(comments::answer(&state.db, removed).await?))
}

/// Who changed what and when, oldest first, without the events in `hidden`.
pub async fn list_history<K: StoredDocument>(
    state: &AppState,
    user: &CurrentUser,
    id: Uuid,
    paging: Paging,
    hidden: impl FnOnce(&K::Row) -> Vec<HistoryEvent>,
) -> ApiResult<HttpResponse> {
    let row = authorize::<K>(state, user, id, DocumentAction::Read).await?;
    let page = history::page(&state.db, K::KIND, K::id(&row), &hidden(&row), paging).await?;
    Ok(HttpResponse::Ok().json(page))
}
