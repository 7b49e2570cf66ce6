//! The parts of a roadmap, edited in place: priorities, key actions, indicators. Every write
//! needs `If-Match` with the roadmap's ETag and answers the new one. The three operations are
//! written once (`create_part`, `update_part`, `delete_part`) for every part; the handlers below
//! only name the part and document the endpoint.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, delete, patch, post, web};
use pioneer_domain::ErrorBody;
use pioneer_domain::review::{DocumentAction, Happened};
use pioneer_domain::roadmap::parts::Part;
use pioneer_domain::roadmap::workflow::RoadmapKind;
use pioneer_domain::roadmap::{
    Action, ActionPatch, IndicatorPatch, NewAction, NewIndicator, NewPriority, Priority,
    PriorityPatch, RoadmapIndicator, RoadmapStatus,
};
use serde_json::json;
use uuid::Uuid;

use super::document_write::{DocumentWrite, Prechecked, precheck, with_etag};
use crate::auth::CurrentUser;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::store::roadmap_parts::StoredPart;
use crate::store::roadmaps::diff;

/// The checks of an edit, before its write begins (see `DocumentWrite::start`).
async fn precheck_edit(
    state: &AppState,
    user: &CurrentUser,
    req: &HttpRequest,
    id: Uuid,
) -> ApiResult<Prechecked<RoadmapKind>> {
    precheck(
        state,
        user,
        req,
        id,
        DocumentAction::Edit,
        RoadmapStatus::check_editable,
    )
    .await
}

fn not_found<P: Part>() -> ApiError {
    ApiError::not_found(P::SECTION.as_str())
}

/// Checks the new part, then adds it at the end of its list.
async fn create_part<P: StoredPart>(
    state: &AppState,
    user: &CurrentUser,
    req: &HttpRequest,
    id: Uuid,
    input: &P::New,
) -> ApiResult<HttpResponse> {
    let prechecked = precheck_edit(state, user, req, id).await?;
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
/// starts only if the roadmap is still at the revision these reads saw.
async fn update_part<P: StoredPart>(
    state: &AppState,
    user: &CurrentUser,
    req: &HttpRequest,
    (id, part_id): (Uuid, Uuid),
    patch: P::Patch,
) -> ApiResult<HttpResponse> {
    let prechecked = precheck_edit(state, user, req, id).await?;
    let before = P::find(&state.db, id, part_id)
        .await?
        .ok_or_else(not_found::<P>)?;
    let checked = P::check(&P::patched(patch, &before), &state.reference.reference())
        .map_err(ApiError::validation)?;
    if let Some(problem) = P::check_links(&state.db, id, &checked, Some(&before)).await? {
        return Err(ApiError::field(problem));
    }
    let write = DocumentWrite::start(state, user, prechecked).await?;
    let after = P::update(write.txn(), part_id, &checked)
        .await?
        .ok_or_else(not_found::<P>)?;
    let changes = json!({"id": part_id, "changes": diff(&before, &after)});
    let revision = write.commit(P::SECTION, Happened::Updated, changes).await?;
    Ok(with_etag(HttpResponse::Ok(), revision).json(after))
}

/// Deletes the part, recording what it was.
async fn delete_part<P: StoredPart>(
    state: &AppState,
    user: &CurrentUser,
    req: &HttpRequest,
    (id, part_id): (Uuid, Uuid),
) -> ApiResult<HttpResponse> {
    let prechecked = precheck_edit(state, user, req, id).await?;
    let write = DocumentWrite::start(state, user, prechecked).await?;
    let deleted = P::delete(write.txn(), id, part_id)
        .await?
        .ok_or_else(not_found::<P>)?;
    let revision = write.commit(P::SECTION, Happened::Deleted, deleted).await?;
    Ok(with_etag(HttpResponse::NoContent(), revision).finish())
}

// ---- priorities ----

/// Adds a priority, tied to INSPIRE strategies.
#[utoipa::path(
    tag = "roadmap parts",
    security(("bearer" = [])),
    params(("id" = Uuid, Path), ("If-Match" = String, Header)),
    request_body = NewPriority,
    responses((status = 201, body = Priority), (status = 403, description = "The caller sees the roadmap but may not edit it", body = ErrorBody), (status = 409, body = ErrorBody), (status = 412, body = ErrorBody), (status = 422, body = ErrorBody), (status = 428, body = ErrorBody))
)]
#[post("/roadmaps/{id}/priorities")]
pub async fn create_roadmap_priority(
    state: web::Data<AppState>,
    user: CurrentUser,
    req: HttpRequest,
    id: web::Path<Uuid>,
    body: web::Json<NewPriority>,
) -> ApiResult<HttpResponse> {
    create_part::<Priority>(&state, &user, &req, id.into_inner(), &body).await
}

/// Edits a priority; the fields present change.
#[utoipa::path(
    tag = "roadmap parts",
    security(("bearer" = [])),
    params(("id" = Uuid, Path), ("pid" = Uuid, Path), ("If-Match" = String, Header)),
    request_body = PriorityPatch,
    responses((status = 200, body = Priority), (status = 404, body = ErrorBody), (status = 403, description = "The caller sees the roadmap but may not edit it", body = ErrorBody), (status = 409, body = ErrorBody), (status = 412, body = ErrorBody), (status = 422, body = ErrorBody), (status = 428, body = ErrorBody))
)]
#[patch("/roadmaps/{id}/priorities/{pid}")]
pub async fn update_roadmap_priority(
    state: web::Data<AppState>,
    user: CurrentUser,
    req: HttpRequest,
    path: web::Path<(Uuid, Uuid)>,
    body: web::Json<PriorityPatch>,
) -> ApiResult<HttpResponse> {
    update_part::<Priority>(&state, &user, &req, path.into_inner(), body.into_inner()).await
}

/// Deletes a priority and its key actions.
#[utoipa::path(
    tag = "roadmap parts",
    security(("bearer" = [])),
    params(("id" = Uuid, Path), ("pid" = Uuid, Path), ("If-Match" = String, Header)),
    responses((status = 204, description = "Deleted"), (status = 404, body = ErrorBody), (status = 403, description = "The caller sees the roadmap but may not edit it", body = ErrorBody), (status = 409, body = ErrorBody), (status = 412, body = ErrorBody), (status = 428, body = ErrorBody))
)]
#[delete("/roadmaps/{id}/priorities/{pid}")]
pub async fn delete_roadmap_priority(
    state: web::Data<AppState>,
    user: CurrentUser,
    req: HttpRequest,
    path: web::Path<(Uuid, Uuid)>,
) -> ApiResult<HttpResponse> {
    delete_part::<Priority>(&state, &user, &req, path.into_inner()).await
}

// ---- actions ----

/// Adds a key action under a priority.
#[utoipa::path(
    tag = "roadmap parts",
    security(("bearer" = [])),
    params(("id" = Uuid, Path), ("If-Match" = String, Header)),
    request_body = NewAction,
    responses((status = 201, body = Action), (status = 403, description = "The caller sees the roadmap but may not edit it", body = ErrorBody), (status = 409, body = ErrorBody), (status = 412, body = ErrorBody), (status = 422, body = ErrorBody), (status = 428, body = ErrorBody))
)]
#[post("/roadmaps/{id}/actions")]
pub async fn create_roadmap_action(
    state: web::Data<AppState>,
    user: CurrentUser,
    req: HttpRequest,
    id: web::Path<Uuid>,
    body: web::Json<NewAction>,
) -> ApiResult<HttpResponse> {
    create_part::<Action>(&state, &user, &req, id.into_inner(), &body).await
}

/// Edits a key action: absent fields stay, `null` clears.
#[utoipa::path(
    tag = "roadmap parts",
    security(("bearer" = [])),
    params(("id" = Uuid, Path), ("aid" = Uuid, Path), ("If-Match" = String, Header)),
    request_body = ActionPatch,
    responses((status = 200, body = Action), (status = 404, body = ErrorBody), (status = 403, description = "The caller sees the roadmap but may not edit it", body = ErrorBody), (status = 409, body = ErrorBody), (status = 412, body = ErrorBody), (status = 422, body = ErrorBody), (status = 428, body = ErrorBody))
)]
#[patch("/roadmaps/{id}/actions/{aid}")]
pub async fn update_roadmap_action(
    state: web::Data<AppState>,
    user: CurrentUser,
    req: HttpRequest,
    path: web::Path<(Uuid, Uuid)>,
    body: web::Json<ActionPatch>,
) -> ApiResult<HttpResponse> {
    update_part::<Action>(&state, &user, &req, path.into_inner(), body.into_inner()).await
}

/// Deletes a key action.
#[utoipa::path(
    tag = "roadmap parts",
    security(("bearer" = [])),
    params(("id" = Uuid, Path), ("aid" = Uuid, Path), ("If-Match" = String, Header)),
    responses((status = 204, description = "Deleted"), (status = 404, body = ErrorBody), (status = 403, description = "The caller sees the roadmap but may not edit it", body = ErrorBody), (status = 409, body = ErrorBody), (status = 412, body = ErrorBody), (status = 428, body = ErrorBody))
)]
#[delete("/roadmaps/{id}/actions/{aid}")]
pub async fn delete_roadmap_action(
    state: web::Data<AppState>,
    user: CurrentUser,
    req: HttpRequest,
    path: web::Path<(Uuid, Uuid)>,
) -> ApiResult<HttpResponse> {
    delete_part::<Action>(&state, &user, &req, path.into_inner()).await
}

// ---- indicators ----

/// Adds an indicator: an SDG indicator of the reference list, or a national one.
#[utoipa::path(
    tag = "roadmap parts",
    security(("bearer" = [])),
    params(("id" = Uuid, Path), ("If-Match" = String, Header)),
    request_body = NewIndicator,
    responses((status = 201, body = RoadmapIndicator), (status = 403, description = "The caller sees the roadmap but may not edit it", body = ErrorBody), (status = 409, body = ErrorBody), (status = 412, body = ErrorBody), (status = 422, body = ErrorBody), (status = 428, body = ErrorBody))
)]
#[post("/roadmaps/{id}/indicators")]
pub async fn create_roadmap_indicator(
    state: web::Data<AppState>,
    user: CurrentUser,
    req: HttpRequest,
    id: web::Path<Uuid>,
    body: web::Json<NewIndicator>,
) -> ApiResult<HttpResponse> {
    create_part::<RoadmapIndicator>(&state, &user, &req, id.into_inner(), &body).await
}

/// Edits an indicator: absent fields stay, `null` clears.
#[utoipa::path(
    tag = "roadmap parts",
    security(("bearer" = [])),
    params(("id" = Uuid, Path), ("iid" = Uuid, Path), ("If-Match" = String, Header)),
    request_body = IndicatorPatch,
    responses((status = 200, body = RoadmapIndicator), (status = 404, body = ErrorBody), (status = 403, description = "The caller sees the roadmap but may not edit it", body = ErrorBody), (status = 409, body = ErrorBody), (status = 412, body = ErrorBody), (status = 422, body = ErrorBody), (status = 428, body = ErrorBody))
)]
#[patch("/roadmaps/{id}/indicators/{iid}")]
pub async fn update_roadmap_indicator(
    state: web::Data<AppState>,
    user: CurrentUser,
    req: HttpRequest,
    path: web::Path<(Uuid, Uuid)>,
    body: web::Json<IndicatorPatch>,
) -> ApiResult<HttpResponse> {
    update_part::<RoadmapIndicator>(&state, &user, &req, path.into_inner(), body.into_inner()).await
}

/// Deletes an indicator.
#[utoipa::path(
    tag = "roadmap parts",
    security(("bearer" = [])),
    params(("id" = Uuid, Path), ("iid" = Uuid, Path), ("If-Match" = String, Header)),
    responses((status = 204, description = "Deleted"), (status = 404, body = ErrorBody), (status = 403, description = "The caller sees the roadmap but may not edit it", body = ErrorBody), (status = 409, body = ErrorBody), (status = 412, body = ErrorBody), (status = 428, body = ErrorBody))
)]
#[delete("/roadmaps/{id}/indicators/{iid}")]
pub async fn delete_roadmap_indicator(
    state: web::Data<AppState>,
    user: CurrentUser,
    req: HttpRequest,
    path: web::Path<(Uuid, Uuid)>,
) -> ApiResult<HttpResponse> {
    delete_part::<RoadmapIndicator>(&state, &user, &req, path.into_inner()).await
}
