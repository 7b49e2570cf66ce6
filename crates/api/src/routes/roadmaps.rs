//! Roadmaps: list, create, read, edit, and the workflow (submit, withdraw, revise).

use actix_web::http::StatusCode;
use actix_web::http::header::{self, ContentType};
use actix_web::web::Bytes;
use actix_web::{HttpRequest, HttpResponse, get, patch, post, web};
use pioneer_domain::page::Paging;
use pioneer_domain::policy::{RoadmapAction, can_create_roadmap};
use pioneer_domain::review::{ChangesSinceApproved, DocumentKind, Happened, HistoryEvent, Section};
use pioneer_domain::roadmap::validation::{check_complete, check_new_roadmap, check_roadmap_patch};
use pioneer_domain::roadmap::workflow::{RoadmapScope, Transition};
use pioneer_domain::roadmap::{
    BudgetSummary, HistoryEntry, NewRoadmap, Roadmap, RoadmapPatch, RoadmapStatus, RoadmapSummary,
};
use pioneer_domain::user::parse_country_code;
use pioneer_domain::{ErrorBody, Page, PageQuery};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder, Select,
    Set,
};
use serde::Deserialize;
use serde_json::json;
use utoipa::IntoParams;
use uuid::Uuid;

use super::roadmap_write::{
    RoadmapWrite, actor, authorize, not_modified, precheck, roadmap_response, with_etag,
};
use crate::auth::CurrentUser;
use crate::entities::roadmap;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::store::StoreResult;
use crate::store::change_feed::Changed;
use crate::store::{self, history, roadmaps as roadmap_store};
use pioneer_domain::ErrorCode;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RoadmapFilter {
    /// ISO alpha-3 code of the country.
    pub country: Option<String>,
    pub status: Option<RoadmapStatus>,
}

/// Roadmaps the caller may see, newest first.
#[utoipa::path(
    tag = "roadmaps",
    security(("bearer" = [])),
    params(PageQuery, RoadmapFilter),
    responses((status = 200, body = Page<RoadmapSummary>), (status = 401, body = ErrorBody))
)]
#[get("/roadmaps")]
pub async fn list_roadmaps(
    state: web::Data<AppState>,
    user: CurrentUser,
    paging: web::Query<PageQuery>,
    filter: web::Query<RoadmapFilter>,
) -> ApiResult<HttpResponse> {
    let paging = paging.into_inner().parse().map_err(ApiError::validation)?;
    let country = filter.country.as_deref().map(store::country_code);
    let scope = RoadmapScope::of(&actor(&user));
    let key = format!(
        "roadmaps {} {:?} {:?} {} {}",
        scope.key(),
        country,
        filter.status,
        paging.page,
        paging.per_page
    );
    let json = state
        .rows
        .roadmap_page(key, async {
            let mut select = roadmap::Entity::find().filter(roadmap_store::in_scope(&scope));
            if let Some(code) = &country {
                select = select.filter(store::country_is(
                    roadmap::Column::CountryCode,
                    code.clone(),
                ));
            }
            if let Some(status) = filter.status {
                select = select.filter(roadmap::Column::Status.eq(status.as_str()));
            }
            summary_page(
                &state,
                select
                    .order_by_desc(roadmap::Column::UpdatedAt)
                    .order_by_asc(roadmap::Column::Id),
                paging,
            )
            .await
        })
        .await?;
    Ok(HttpResponse::Ok()
        .content_type(ContentType::json())
        .body(json))
}

/// One page of roadmap summaries, as JSON.
async fn summary_page(
    state: &AppState,
    select: Select<roadmap::Entity>,
    paging: Paging,
) -> StoreResult<Bytes> {
    let (rows, total) = store::fetch_page(&state.db, select, paging).await?;
    let items = rows
        .iter()
        .map(roadmap_store::summary_dto)
        .collect::<StoreResult<Vec<_>>>()?;
    serde_json::to_vec(&Page::new(items, total, paging))
        .map(Bytes::from)
        .map_err(|e| crate::store::StoreError::corrupt("roadmap page", e))
}

/// Starts a roadmap, as a draft, for the caller's country (country teams only).
#[utoipa::path(
    tag = "roadmaps",
    security(("bearer" = [])),
    request_body = NewRoadmap,
    responses(
        (status = 201, body = Roadmap, headers(("ETag" = String, description = "The revision, for If-Match"))),
        (status = 403, body = ErrorBody),
        (status = 422, body = ErrorBody),
    )
)]
#[post("/roadmaps")]
pub async fn create_roadmap(
    state: web::Data<AppState>,
    user: CurrentUser,
    body: web::Json<NewRoadmap>,
) -> ApiResult<HttpResponse> {
    let input = body.into_inner();
    let country = match input
        .country_code
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty())
    {
        Some(raw) => parse_country_code(raw).map_err(ApiError::field)?,
        None => user
            .country_code
            .clone()
            .ok_or_else(|| ApiError::forbidden("only country teams write roadmaps"))?,
    };
    if !can_create_roadmap(&actor(&user), &country) {
        return Err(ApiError::forbidden(
            "country teams write roadmaps for their own country only",
        ));
    }
    let checked = check_new_roadmap(&input).map_err(ApiError::validation)?;
    let now = state.clock.now();
    let id = Uuid::now_v7();
    let (_turn, txn) = crate::db::begin_write(&state.db).await?;
    roadmap::ActiveModel {
        id: Set(id),
        lineage_id: Set(Uuid::now_v7()),
        version: Set(1),
        country_code: Set(country),
        title: Set(checked.title),
        summary: Set(checked.summary),
        period_start: Set(input.period_start),
        period_end: Set(input.period_end),
        status: Set(RoadmapStatus::Draft.as_str().to_owned()),
        revision: Set(1),
        consultation_held_on: Set(input.consultation.held_on),
        consultation_groups: Set(roadmap_store::to_json_text(
            &input.consultation.stakeholder_groups,
        )),
        consultation_participants: Set(input
            .consultation
            .participants
            .and_then(|n| i32::try_from(n).ok())),
        created_by: Set(user.id),
        submitted_at: Set(None),
        decided_at: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&txn)
    .await?;
    roadmap_store::record_history(
        &txn,
        id,
        1,
        user.id,
        "roadmap.created",
        json!({"title": input.title}),
        now,
    )
    .await?;
    let committed = txn.commit().await;
    // A new roadmap changes the lists: move the generation of the cached pages on.
    state.rows.roadmaps.forget(id);
    committed?;
    state.announce(&[Changed::Roadmap(id)]).await;
    let mut builder = HttpResponse::Created();
    builder.insert_header((header::LOCATION, format!("/api/v1/roadmaps/{id}")));
    roadmap_response(&state, id, builder).await
}

/// The whole roadmap: priorities, actions, indicators and budget summary.
#[utoipa::path(
    tag = "roadmaps",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    responses(
        (status = 200, body = Roadmap, headers(("ETag" = String, description = "The revision, for If-Match"))),
        (status = 304, description = "`If-None-Match` names the current revision: your copy is current"),
        (status = 404, description = "No such roadmap, or not visible to the caller", body = ErrorBody),
    )
)]
#[get("/roadmaps/{id}")]
pub async fn get_roadmap(
    state: web::Data<AppState>,
    user: CurrentUser,
    req: HttpRequest,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let row = authorize(&state, &user, id.into_inner(), RoadmapAction::Read).await?;
    let revision = row.revision;
    if not_modified(&req, revision) {
        return Ok(with_etag(HttpResponse::NotModified(), revision).finish());
    }
    let json = state.roadmap_cache.json(&state.db, row).await?;
    Ok(with_etag(HttpResponse::Ok(), revision)
        .content_type(ContentType::json())
        .body(json))
}

/// Edits the title, summary, period or consultation of a draft. Needs `If-Match`.
#[utoipa::path(
    tag = "roadmaps",
    security(("bearer" = [])),
    params(("id" = Uuid, Path), ("If-Match" = String, Header, description = "The ETag last read")),
    request_body = RoadmapPatch,
    responses(
        (status = 200, body = Roadmap),
        (status = 403, description = "The caller sees the roadmap but may not edit it", body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 409, description = "Not editable in its status", body = ErrorBody),
        (status = 412, description = "Stale: `current` holds the roadmap as it is", body = ErrorBody),
        (status = 422, body = ErrorBody),
        (status = 428, description = "If-Match missing", body = ErrorBody),
    )
)]
#[patch("/roadmaps/{id}")]
pub async fn update_roadmap(
    state: web::Data<AppState>,
    user: CurrentUser,
    req: HttpRequest,
    id: web::Path<Uuid>,
    body: web::Json<RoadmapPatch>,
) -> ApiResult<HttpResponse> {
    let patch = body.into_inner();
    let write = RoadmapWrite::begin(
        &state,
        &user,
        &req,
        id.into_inner(),
        RoadmapAction::Edit,
        RoadmapStatus::check_editable,
    )
    .await?;
    check_roadmap_patch(&patch, (write.row.period_start, write.row.period_end))
        .map_err(ApiError::validation)?;
    let before = editable_fields(&write.row);
    let mut model = write.row.clone().into_active_model();
    if let Some(title) = &patch.title {
        model.title = Set(title.trim().to_owned());
    }
    if let Some(summary) = &patch.summary {
        model.summary = Set(summary.trim().to_owned());
    }
    if let Some(start) = patch.period_start {
        model.period_start = Set(start);
    }
    if let Some(end) = patch.period_end {
        model.period_end = Set(end);
    }
    if let Some(consultation) = &patch.consultation {
        model.consultation_held_on = Set(consultation.held_on);
        model.consultation_groups = Set(roadmap_store::to_json_text(
            &consultation.stakeholder_groups,
        ));
        model.consultation_participants = Set(consultation
            .participants
            .and_then(|n| i32::try_from(n).ok()));
    }
    model.revision = Set(write.revision);
    model.updated_at = Set(write.now);
    let after = model.clone().update(&write.txn).await?;
    let changes = roadmap_store::diff(&before, &editable_fields(&after));
    write
        .commit_with_roadmap(&state, "roadmap.updated", changes, StatusCode::OK)
        .await
}

/// The fields `PATCH /roadmaps/{id}` can change, as the history records them.
fn editable_fields(row: &roadmap::Model) -> serde_json::Value {
    let groups: serde_json::Value =
        serde_json::from_str(&row.consultation_groups).unwrap_or_default();
    json!({
        "title": row.title, "summary": row.summary,
        "period_start": row.period_start, "period_end": row.period_end,
        "consultation": {"held_on": row.consultation_held_on, "stakeholder_groups": groups, "participants": row.consultation_participants},
    })
}

/// Sends the roadmap for review (the focal point). Answers 422 with a detail per missing or
/// inconsistent field when it is not complete.
#[utoipa::path(
    tag = "roadmaps",
    security(("bearer" = [])),
    params(("id" = Uuid, Path), ("If-Match" = String, Header)),
    responses(
        (status = 200, body = Roadmap),
        (status = 403, body = ErrorBody),
        (status = 409, body = ErrorBody),
        (status = 412, body = ErrorBody),
        (status = 422, description = "Incomplete: one detail per field", body = ErrorBody),
        (status = 428, body = ErrorBody),
    )
)]
#[post("/roadmaps/{id}/submit")]
pub async fn submit_roadmap(
    state: web::Data<AppState>,
    user: CurrentUser,
    req: HttpRequest,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let write = RoadmapWrite::begin(
        &state,
        &user,
        &req,
        id.into_inner(),
        RoadmapAction::Submit,
        |s| s.apply(Transition::Submit).map(drop),
    )
    .await?;
    let roadmap = roadmap_store::load(&write.txn, write.row.clone()).await?;
    let problems = check_complete(&roadmap);
    if !problems.is_empty() {
        return Err(ApiError::validation(problems));
    }
    roadmap_store::set_status(
        &write.txn,
        write.row.id,
        RoadmapStatus::Submitted,
        true,
        write.now,
    )
    .await?;
    write
        .commit_with_roadmap(
            &state,
            "roadmap.submitted",
            json!({"status": {"from": roadmap.status, "to": "submitted"}}),
            StatusCode::OK,
        )
        .await
}

/// Takes a submission back to draft (the country team).
#[utoipa::path(
    tag = "roadmaps",
    security(("bearer" = [])),
    params(("id" = Uuid, Path), ("If-Match" = String, Header)),
    responses((status = 200, body = Roadmap), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody), (status = 412, body = ErrorBody), (status = 428, body = ErrorBody))
)]
#[post("/roadmaps/{id}/withdraw")]
pub async fn withdraw_roadmap(
    state: web::Data<AppState>,
    user: CurrentUser,
    req: HttpRequest,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let write = RoadmapWrite::begin(
        &state,
        &user,
        &req,
        id.into_inner(),
        RoadmapAction::Withdraw,
        |s| s.apply(Transition::Withdraw).map(drop),
    )
    .await?;
    roadmap_store::set_status(
        &write.txn,
        write.row.id,
        RoadmapStatus::Draft,
        false,
        write.now,
    )
    .await?;
    write
        .commit_with_roadmap(
            &state,
            "roadmap.withdrawn",
            json!({"status": {"from": "submitted", "to": "draft"}}),
            StatusCode::OK,
        )
        .await
}

/// Starts a revision of an approved roadmap: a new draft version with the content copied.
/// The approved version stays the current one until the revision is approved.
#[utoipa::path(
    tag = "roadmaps",
    security(("bearer" = [])),
    params(("id" = Uuid, Path), ("If-Match" = String, Header)),
    responses(
        (status = 201, description = "The new draft version", body = Roadmap),
        (status = 403, body = ErrorBody),
        (status = 409, description = "Not approved, or a revision is already under way", body = ErrorBody),
        (status = 412, body = ErrorBody),
        (status = 428, body = ErrorBody),
    )
)]
#[post("/roadmaps/{id}/revise")]
pub async fn revise_roadmap(
    state: web::Data<AppState>,
    user: CurrentUser,
    req: HttpRequest,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    // The approved version is not changed by a revision: only checked.
    let checked = precheck(
        &state,
        &user,
        &req,
        id.into_inner(),
        RoadmapAction::Revise,
        RoadmapStatus::check_revisable,
    )
    .await?;
    let source = checked.row();
    let now = state.clock.now();
    let (_turn, txn) = crate::db::begin_write(&state.db).await?;
    if roadmap_store::has_newer_version(&txn, source).await? {
        return Err(ApiError::conflict(
            ErrorCode::RevisionInProgress,
            "a revision of this roadmap is already under way",
        ));
    }
    let new_id = Uuid::now_v7();
    roadmap::ActiveModel {
        id: Set(new_id),
        version: Set(source.version + 1),
        status: Set(RoadmapStatus::Draft.as_str().to_owned()),
        revision: Set(1),
        created_by: Set(user.id),
        submitted_at: Set(None),
        decided_at: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        ..source.clone().into_active_model()
    }
    .insert(&txn)
    .await?;
    roadmap_store::copy_parts(&txn, source.id, new_id).await?;
    let started = json!({"from_version": source.version, "from_id": source.id});
    roadmap_store::record_history(
        &txn,
        new_id,
        1,
        user.id,
        "roadmap.revision_started",
        started,
        now,
    )
    .await?;
    let revised = json!({"new_version": source.version + 1, "new_id": new_id});
    roadmap_store::record_history(
        &txn,
        source.id,
        source.revision,
        user.id,
        "roadmap.revised",
        revised,
        now,
    )
    .await?;
    let committed = txn.commit().await;
    state.rows.roadmaps.forget(new_id);
    committed?;
    state.announce(&[Changed::Roadmap(new_id)]).await;
    let mut builder = HttpResponse::Created();
    builder.insert_header((header::LOCATION, format!("/api/v1/roadmaps/{new_id}")));
    roadmap_response(&state, new_id, builder).await
}

/// Every version of this roadmap that the caller may see, oldest first.
#[utoipa::path(
    tag = "roadmaps",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    responses((status = 200, body = Page<RoadmapSummary>), (status = 404, body = ErrorBody))
)]
#[get("/roadmaps/{id}/versions")]
pub async fn list_roadmap_versions(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let row = authorize(&state, &user, id.into_inner(), RoadmapAction::Read).await?;
    let rows = roadmap_store::versions(&state.db, &row, &RoadmapScope::of(&actor(&user))).await?;
    let items = rows
        .iter()
        .map(roadmap_store::summary_dto)
        .collect::<StoreResult<Vec<_>>>()?;
    Ok(HttpResponse::Ok().json(Page::whole(items)))
}

/// Who changed what and when, oldest first.
#[utoipa::path(
    tag = "roadmaps",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    responses((status = 200, body = Page<HistoryEntry>), (status = 404, body = ErrorBody))
)]
#[get("/roadmaps/{id}/history")]
pub async fn list_roadmap_history(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let row = authorize(&state, &user, id.into_inner(), RoadmapAction::Read).await?;
    // "A revision was started" names the new draft: only those who may see drafts learn of it.
    let sees_drafts = pioneer_domain::policy::can_see_roadmap(
        &actor(&user),
        &row.country_code,
        RoadmapStatus::Draft,
    );
    let revised = HistoryEvent::new(Section::Roadmap, Happened::Revised);
    let items: Vec<HistoryEntry> = history::list(&state.db, DocumentKind::Roadmap, row.id)
        .await?
        .into_iter()
        .filter(|entry| sees_drafts || entry.event != revised)
        .collect();
    Ok(HttpResponse::Ok().json(Page::whole(items)))
}

/// What changed since the approved version that this one would replace, section by section:
/// for the reviewers of a revision and the team writing it. `approved` is `null` when there is
/// no earlier approved version.
#[utoipa::path(
    tag = "roadmaps",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    responses((status = 200, body = ChangesSinceApproved), (status = 404, body = ErrorBody))
)]
#[get("/roadmaps/{id}/changes-since-approved")]
pub async fn get_roadmap_changes_since_approved(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let row = authorize(&state, &user, id.into_inner(), RoadmapAction::Read).await?;
    let revision = row.revision;
    let changes = roadmap_store::changes_since_approved(&state.db, row).await?;
    Ok(with_etag(HttpResponse::Ok(), revision).json(changes))
}

/// Budget totals per currency: by strategy, by year, secured and gap.
#[utoipa::path(
    tag = "roadmaps",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    responses((status = 200, body = BudgetSummary), (status = 404, body = ErrorBody))
)]
#[get("/roadmaps/{id}/budget")]
pub async fn get_roadmap_budget(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let row = authorize(&state, &user, id.into_inner(), RoadmapAction::Read).await?;
    let roadmap = roadmap_store::load(&state.db, row).await?;
    Ok(with_etag(HttpResponse::Ok(), roadmap.revision).json(roadmap.budget))
}

/// Submitted roadmaps waiting for a decision, oldest submission first (reviewers and the
/// secretariat).
#[utoipa::path(
    tag = "reviews",
    security(("bearer" = [])),
    params(PageQuery),
    responses((status = 200, body = Page<RoadmapSummary>), (status = 403, body = ErrorBody))
)]
#[get("/review-queue")]
pub async fn list_review_queue(
    state: web::Data<AppState>,
    user: CurrentUser,
    paging: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    if !pioneer_domain::policy::can_review(user.role) {
        return Err(ApiError::forbidden(
            "the review queue is for reviewers and the secretariat",
        ));
    }
    let paging = paging.into_inner().parse().map_err(ApiError::validation)?;
    // The same for every caller allowed to see it.
    let key = format!("review-queue {} {}", paging.page, paging.per_page);
    let json = state
        .rows
        .roadmap_page(
            key,
            summary_page(
                &state,
                roadmap::Entity::find()
                    .filter(roadmap::Column::Status.eq(RoadmapStatus::Submitted.as_str()))
                    .order_by_asc(roadmap::Column::SubmittedAt)
                    .order_by_asc(roadmap::Column::Id),
                paging,
            ),
        )
        .await?;
    Ok(HttpResponse::Ok()
        .content_type(ContentType::json())
        .body(json))
}
