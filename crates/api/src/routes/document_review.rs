//! Comments and history of a reviewed document, the same for every kind: reading them needs to
//! see the document; commenting is for its team and its reviewers, anchored to one of its
//! sections, threaded.

use actix_web::HttpResponse;
use pioneer_domain::FieldError;
use pioneer_domain::page::Paging;
use pioneer_domain::review::{
    CommentTarget, DocumentAction, HistoryEvent, NewComment, check_comment_body,
};
use uuid::Uuid;

use super::document_write::{authorize, comment_author};
use crate::auth::CurrentUser;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::store::comments::{self, NewCommentRow};
use crate::store::documents::StoredDocument;
use crate::store::history;

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
