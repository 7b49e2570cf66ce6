//! The parts of a roadmap, edited in place: priorities, key actions, indicators. Every write
//! needs `If-Match` with the roadmap's ETag and answers the new one.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, delete, patch, post, web};
use pioneer_domain::policy::RoadmapAction;
use pioneer_domain::roadmap::validation::{
    Reference, check_action, check_indicator, check_priority,
};
use pioneer_domain::roadmap::{
    Action, ActionPatch, IndicatorPatch, NewAction, NewIndicator, NewPriority, Priority,
    PriorityPatch, RoadmapIndicator, RoadmapStatus,
};
use pioneer_domain::{ErrorBody, FieldError};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, ModelTrait,
    PaginatorTrait, QueryFilter, Set,
};
use serde_json::json;
use uuid::Uuid;

use super::roadmap_write::{Prechecked, RoadmapWrite, precheck, with_etag};
use crate::auth::CurrentUser;
use crate::entities::{roadmap_action, roadmap_indicator, roadmap_priority};
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::store::StoreResult;
use crate::store::roadmaps as store;

fn reference(state: &AppState) -> Reference<'_> {
    state.reference.reference()
}

async fn begin(
    state: &AppState,
    user: &CurrentUser,
    req: &HttpRequest,
    id: Uuid,
) -> ApiResult<RoadmapWrite> {
    let checked = precheck_edit(state, user, req, id).await?;
    RoadmapWrite::start(state, user, checked).await
}

/// The checks of an edit, before its write begins (see `RoadmapWrite::start`).
async fn precheck_edit(
    state: &AppState,
    user: &CurrentUser,
    req: &HttpRequest,
    id: Uuid,
) -> ApiResult<Prechecked> {
    precheck(
        state,
        user,
        req,
        id,
        RoadmapAction::Edit,
        RoadmapStatus::check_editable,
    )
    .await
}

fn part_response<T: serde::Serialize>(status: StatusCode, revision: i64, part: &T) -> HttpResponse {
    with_etag(HttpResponse::build(status), revision).json(part)
}

/// The next position at the end of a list of `count` parts.
fn next_position(count: u64) -> i32 {
    i32::try_from(count).unwrap_or(i32::MAX - 1) + 1
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
    let write = begin(&state, &user, &req, id.into_inner()).await?;
    let checked = check_priority(&body, &reference(&state)).map_err(ApiError::validation)?;
    let count = roadmap_priority::Entity::find()
        .filter(roadmap_priority::Column::RoadmapId.eq(write.row.id))
        .count(&write.txn)
        .await?;
    let mut model = roadmap_priority::ActiveModel {
        id: Set(Uuid::now_v7()),
        roadmap_id: Set(write.row.id),
        position: Set(next_position(count)),
        ..Default::default()
    };
    store::priority_values(&checked, &mut model);
    let priority = store::priority_dto(model.insert(&write.txn).await?)?;
    let revision = write
        .commit("priority.created", json!({"priority": priority}))
        .await?;
    Ok(part_response(StatusCode::CREATED, revision, &priority))
}

async fn find_priority(write: &RoadmapWrite, pid: Uuid) -> ApiResult<roadmap_priority::Model> {
    roadmap_priority::Entity::find_by_id(pid)
        .filter(roadmap_priority::Column::RoadmapId.eq(write.row.id))
        .one(&write.txn)
        .await?
        .ok_or_else(|| ApiError::not_found("priority"))
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
    let (id, pid) = path.into_inner();
    let write = begin(&state, &user, &req, id).await?;
    let row = find_priority(&write, pid).await?;
    let before = store::priority_dto(row.clone())?;
    let patch = body.into_inner();
    let merged = NewPriority {
        title: patch.title.unwrap_or_else(|| before.title.clone()),
        description: patch
            .description
            .unwrap_or_else(|| before.description.clone()),
        strategies: patch
            .strategies
            .unwrap_or_else(|| before.strategies.clone()),
    };
    let checked = check_priority(&merged, &reference(&state)).map_err(ApiError::validation)?;
    let mut model = row.into_active_model();
    store::priority_values(&checked, &mut model);
    let after = store::priority_dto(model.update(&write.txn).await?)?;
    let revision = write
        .commit(
            "priority.updated",
            json!({"id": pid, "changes": store::diff(&before, &after)}),
        )
        .await?;
    Ok(part_response(StatusCode::OK, revision, &after))
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
    let (id, pid) = path.into_inner();
    let write = begin(&state, &user, &req, id).await?;
    let row = find_priority(&write, pid).await?;
    let actions = roadmap_action::Entity::find()
        .filter(roadmap_action::Column::PriorityId.eq(pid))
        .all(&write.txn)
        .await?;
    let deleted = json!({
        "priority": store::priority_dto(row.clone())?,
        "actions": actions.into_iter().map(store::action_dto).collect::<StoreResult<Vec<_>>>()?,
    });
    roadmap_action::Entity::delete_many()
        .filter(roadmap_action::Column::PriorityId.eq(pid))
        .exec(&write.txn)
        .await?;
    row.delete(&write.txn).await?;
    let revision = write.commit("priority.deleted", deleted).await?;
    Ok(with_etag(HttpResponse::NoContent(), revision).finish())
}

// ---- actions ----

/// The action's priority must belong to the same roadmap.
async fn check_priority_of(
    db: &impl ConnectionTrait,
    roadmap_id: Uuid,
    priority_id: Uuid,
) -> ApiResult<()> {
    let exists = roadmap_priority::Entity::find_by_id(priority_id)
        .filter(roadmap_priority::Column::RoadmapId.eq(roadmap_id))
        .count(db)
        .await?
        > 0;
    if exists {
        Ok(())
    } else {
        Err(ApiError::field(FieldError::new(
            "priority_id",
            "unknown_priority",
            "no priority of this roadmap has this id",
        )))
    }
}

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
    let write = begin(&state, &user, &req, id.into_inner()).await?;
    let checked = check_action(&body).map_err(ApiError::validation)?;
    check_priority_of(&write.txn, write.row.id, checked.priority_id).await?;
    let count = roadmap_action::Entity::find()
        .filter(roadmap_action::Column::RoadmapId.eq(write.row.id))
        .count(&write.txn)
        .await?;
    let mut model = roadmap_action::ActiveModel {
        id: Set(Uuid::now_v7()),
        roadmap_id: Set(write.row.id),
        position: Set(next_position(count)),
        ..Default::default()
    };
    store::action_values(&checked, &mut model);
    let action = store::action_dto(model.insert(&write.txn).await?)?;
    let revision = write
        .commit("action.created", json!({"action": action}))
        .await?;
    Ok(part_response(StatusCode::CREATED, revision, &action))
}

async fn find_action(
    db: &impl ConnectionTrait,
    roadmap_id: Uuid,
    aid: Uuid,
) -> ApiResult<roadmap_action::Model> {
    roadmap_action::Entity::find_by_id(aid)
        .filter(roadmap_action::Column::RoadmapId.eq(roadmap_id))
        .one(db)
        .await?
        .ok_or_else(|| ApiError::not_found("action"))
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
    let (id, aid) = path.into_inner();
    let prechecked = precheck_edit(&state, &user, &req, id).await?;
    // Read and checked before the write begins, so that SQLite's one writer waits less:
    // `start` succeeds only if the roadmap is still at the revision these reads saw.
    let row = find_action(&state.db, id, aid).await?;
    let before = store::action_dto(row.clone())?;
    let checked = check_action(&body.into_inner().apply(&before)).map_err(ApiError::validation)?;
    if checked.priority_id != before.priority_id {
        check_priority_of(&state.db, id, checked.priority_id).await?;
    }
    let write = RoadmapWrite::start(&state, &user, prechecked).await?;
    let mut model = row.into_active_model();
    store::action_values(&checked, &mut model);
    let after = store::action_dto(model.update(&write.txn).await?)?;
    let revision = write
        .commit(
            "action.updated",
            json!({"id": aid, "changes": store::diff(&before, &after)}),
        )
        .await?;
    Ok(part_response(StatusCode::OK, revision, &after))
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
    let (id, aid) = path.into_inner();
    let write = begin(&state, &user, &req, id).await?;
    let row = find_action(&write.txn, id, aid).await?;
    let deleted = json!({"action": store::action_dto(row.clone())?});
    row.delete(&write.txn).await?;
    let revision = write.commit("action.deleted", deleted).await?;
    Ok(with_etag(HttpResponse::NoContent(), revision).finish())
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
    let write = begin(&state, &user, &req, id.into_inner()).await?;
    let checked = check_indicator(&body, &reference(&state)).map_err(ApiError::validation)?;
    let count = roadmap_indicator::Entity::find()
        .filter(roadmap_indicator::Column::RoadmapId.eq(write.row.id))
        .count(&write.txn)
        .await?;
    let mut model = roadmap_indicator::ActiveModel {
        id: Set(Uuid::now_v7()),
        roadmap_id: Set(write.row.id),
        position: Set(next_position(count)),
        ..Default::default()
    };
    store::indicator_values(&checked, &mut model);
    let indicator = store::indicator_dto(model.insert(&write.txn).await?);
    let revision = write
        .commit("indicator.created", json!({"indicator": indicator}))
        .await?;
    Ok(part_response(StatusCode::CREATED, revision, &indicator))
}

async fn find_indicator(write: &RoadmapWrite, iid: Uuid) -> ApiResult<roadmap_indicator::Model> {
    roadmap_indicator::Entity::find_by_id(iid)
        .filter(roadmap_indicator::Column::RoadmapId.eq(write.row.id))
        .one(&write.txn)
        .await?
        .ok_or_else(|| ApiError::not_found("indicator"))
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
    let (id, iid) = path.into_inner();
    let write = begin(&state, &user, &req, id).await?;
    let row = find_indicator(&write, iid).await?;
    let before = store::indicator_dto(row.clone());
    let checked = check_indicator(&body.into_inner().apply(&before), &reference(&state))
        .map_err(ApiError::validation)?;
    let mut model = row.into_active_model();
    store::indicator_values(&checked, &mut model);
    let after = store::indicator_dto(model.update(&write.txn).await?);
    let revision = write
        .commit(
            "indicator.updated",
            json!({"id": iid, "changes": store::diff(&before, &after)}),
        )
        .await?;
    Ok(part_response(StatusCode::OK, revision, &after))
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
    let (id, iid) = path.into_inner();
    let write = begin(&state, &user, &req, id).await?;
    let row = find_indicator(&write, iid).await?;
    let deleted = json!({"indicator": store::indicator_dto(row.clone())});
    row.delete(&write.txn).await?;
    let revision = write.commit("indicator.deleted", deleted).await?;
    Ok(with_etag(HttpResponse::NoContent(), revision).finish())
}
