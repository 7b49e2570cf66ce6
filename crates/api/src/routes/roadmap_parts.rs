//! The parts of a roadmap, edited in place: priorities, key actions, indicators. Every write
//! needs `If-Match` with the roadmap's ETag and answers the new one. The three operations are
//! written once for every part of every document (`document_parts`); the handlers here only
//! name the part and document the endpoint.

use actix_web::{HttpRequest, HttpResponse, delete, patch, post, web};
use pioneer_domain::ErrorBody;
use pioneer_domain::roadmap::{
    Action, ActionPatch, IndicatorPatch, NewAction, NewIndicator, NewPriority, Priority,
    PriorityPatch, RoadmapIndicator,
};
use uuid::Uuid;

use super::document_parts::{create_part, delete_part, update_part};
use crate::auth::CurrentUser;
use crate::error::ApiResult;
use crate::state::AppState;

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
