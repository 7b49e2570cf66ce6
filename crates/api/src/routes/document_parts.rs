//! The parts of a reviewed document (a roadmap's priorities, actions and indicators), added,
//! edited and deleted the same way for every part of every kind: the edit's checks, the part's
//! own rules, the write that bumps the document's revision, and the history entry.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse};
use pioneer_domain::review::parts::Part;
use pioneer_domain::review::{DocumentAction, Happened, check_editable};
use serde_json::json;
use uuid::Uuid;

use super::document_write::{DocumentWrite, Prechecked, precheck, with_etag};
use crate::auth::CurrentUser;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::store::documents::{StoredDocument, StoredListPart, StoredPart};
use crate::store::roadmaps::diff;

/// The checks of an edit, before its write begins (see `DocumentWrite::start`).
async fn precheck_edit<K: StoredDocument>(
    state: &AppState,
    user: &CurrentUser,
    req: &HttpRequest,
    id: Uuid,
) -> ApiResult<Prechecked<K>> {
    precheck::<K>(
        state,
        user,
        req,
        id,
        DocumentAction::Edit,
        check_editable::<K>,
    )
    .await
}

fn not_found<P: Part>() -> ApiError {
    ApiError::not_found(P::SECTION.as_str())
}

/// Checks the new part, then adds it at the end of its list.
pub async fn create_part<P: StoredListPart>(
    state: &AppState,
    user: &CurrentUser,
    req: &HttpRequest,
    id: Uuid,
    input: &P::New,
) -> ApiResult<HttpResponse> {
    let prechecked = precheck_edit::<P::Document>(state, user, req, id).await?;
    let checked = P::check(input, &state.reference.reference()).map_err(ApiError::validation)?;
    let write = DocumentWrite::start(state, user, prechecked).await?;
    if let Some(problem) = P::check_links(write.txn(), id, &checked, None).await? {
        return Err(ApiError::field(problem));
    }
    let part = P::insert(write.txn(), id, &checked).await?;
    let created = json!({ P::SECTION.as_str(): part });
    let revision = write.commit(P::SECTION, Happened::Created, created).await?;
    Ok(with_etag(HttpResponse::build(StatusCode::CREATED), revision).json(part))
}

/// Applies the patch to the part, checks the result like a new part, and stores it. The part is
/// read and checked before the write begins, so that SQLite's one writer waits less: the write
/// starts only if the document is still at the revision these reads saw.
pub async fn update_part<P: StoredPart>(
    state: &AppState,
    user: &CurrentUser,
    req: &HttpRequest,
    (id, part_id): (Uuid, Uuid),
    patch: P::Patch,
) -> ApiResult<HttpResponse> {
    let prechecked = precheck_edit::<P::Document>(state, user, req, id).await?;
    let before = P::find(&state.db, id, part_id)
        .await?
        .ok_or_else(not_found::<P>)?;
    let checked = P::check(&P::patched(patch, &before), &state.reference.reference())
        .map_err(ApiError::validation)?;
    if let Some(problem) = P::check_links(&state.db, id, &checked, Some(&before)).await? {
        return Err(ApiError::field(problem));
    }
    let write = DocumentWrite::start(state, user, prechecked).await?;
    let after = P::update(write.txn(), id, part_id, &checked)
        .await?
        .ok_or_else(not_found::<P>)?;
    let changes = json!({"id": part_id, "changes": diff(&before, &after)});
    let revision = write.commit(P::SECTION, Happened::Updated, changes).await?;
    Ok(with_etag(HttpResponse::Ok(), revision).json(after))
}

/// Deletes the part, recording what it was.
pub async fn delete_part<P: StoredListPart>(
    state: &AppState,
    user: &CurrentUser,
    req: &HttpRequest,
    (id, part_id): (Uuid, Uuid),
) -> ApiResult<HttpResponse> {
    let prechecked = precheck_edit::<P::Document>(state, user, req, id).await?;
    let write = DocumentWrite::start(state, user, prechecked).await?;
    let deleted = P::delete(write.txn(), id, part_id)
        .await?
        .ok_or_else(not_found::<P>)?;
    let revision = write.commit(P::SECTION, Happened::Deleted, deleted).await?;
    Ok(with_etag(HttpResponse::NoContent(), revision).finish())
}
