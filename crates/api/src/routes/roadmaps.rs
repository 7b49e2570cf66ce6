//! Roadmaps: list, create, read, edit, and the workflow (submit, withdraw, revise).

use actix_web::http::header::{self, ContentType};
use actix_web::web::Bytes;
use actix_web::{HttpRequest, HttpResponse, HttpResponseBuilder, get, patch, post, web};
use pioneer_domain::policy::can_create_roadmap;
use pioneer_domain::review::{
    ChangesSinceApproved, DocumentAction, DocumentKind, Happened, HistoryEvent, Section,
};
use pioneer_domain::roadmap::validation::{check_complete, check_new_roadmap, check_roadmap_patch};
use pioneer_domain::roadmap::workflow::{RoadmapKind, RoadmapScope, Transition, hidden_history};
use pioneer_domain::roadmap::{
    BudgetSummary, HistoryEntry, NewRoadmap, Roadmap, RoadmapPatch, RoadmapStatus, RoadmapSummary,
};
use pioneer_domain::user::parse_country_code;
use pioneer_domain::{ErrorBody, ErrorCode, FieldError, Page, PageQuery};
use serde::Deserialize;
use serde_json::{Value, json};
use utoipa::IntoParams;
use uuid::Uuid;

use super::document_review::list_history;
use super::document_write::{
    DocumentWrite, Steps, actor, authorize, cached_row, not_modified, precheck, take_step,
    with_etag,
};
use crate::auth::CurrentUser;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::store::change_feed::Changed;
use crate::store::history::HistoryRecord;
use crate::store::roadmaps::{NewRoadmapRow, RoadmapList};
use crate::store::row_cache::Pages;
use crate::store::{self, roadmaps as roadmap_store};

/// An open write on one roadmap (see `DocumentWrite`).
pub type RoadmapWrite = DocumentWrite<RoadmapKind>;

fn json_response(json: Bytes) -> HttpResponse {
    HttpResponse::Ok()
        .content_type(ContentType::json())
        .body(json)
}

/// A history entry of roadmap `id`, for a write that is not a `RoadmapWrite` (a creation).
fn history_record(id: Uuid, revision: i64, happened: Happened, changes: Value) -> HistoryRecord {
    HistoryRecord {
        kind: DocumentKind::Roadmap,
        document_id: id,
        revision,
        event: HistoryEvent::new(Section::Roadmap, happened),
        changes,
    }
}

/// The whole roadmap, with its ETag.
pub async fn roadmap_response(
    state: &AppState,
    id: Uuid,
    builder: HttpResponseBuilder,
) -> ApiResult<HttpResponse> {
    let row = std::sync::Arc::unwrap_or_clone(cached_row::<RoadmapKind>(state, id).await?);
    let revision = row.revision;
    let json = state.roadmap_cache.json(&state.db, row).await?;
    Ok(with_etag(builder, revision)
        .content_type(ContentType::json())
        .body(json))
}

/// A roadmap's steps: a submission must be complete; an approval supersedes the version
/// approved before it.
impl Steps for RoadmapKind {
    async fn refusal(write: &RoadmapWrite, transition: Transition) -> ApiResult<Vec<FieldError>> {
        if transition != Transition::Submit {
            return Ok(Vec::new());
        }
        let roadmap = roadmap_store::load(write.txn(), write.row.clone()).await?;
        Ok(check_complete(&roadmap))
    }

    async fn consequences(write: &mut RoadmapWrite, next: RoadmapStatus) -> ApiResult<()> {
        if next != RoadmapStatus::Approved {
            return Ok(());
        }
        let (row, now) = (&write.row, write.now());
        let superseded = roadmap_store::supersede_previous(write.txn(), row, now, |old| {
            let changes = json!({"status": {"from": "approved", "to": "superseded"}, "by_version": row.version, "by_id": row.id});
            let event = HistoryEvent::new(Section::Roadmap, Happened::Superseded);
            write.record_on(old.id, old.revision + 1, event, changes)
        })
        .await?;
        for id in superseded {
            write.also_touched(id);
        }
        Ok(())
    }
}

/// A step of the roadmap's workflow, answered with the whole roadmap.
pub async fn step_and_answer(
    state: &AppState,
    user: &CurrentUser,
    req: &HttpRequest,
    id: Uuid,
    transition: Transition,
    comment: Option<String>,
) -> ApiResult<HttpResponse> {
    let id = take_step::<RoadmapKind>(state, user, req, id, transition, comment).await?;
    roadmap_response(state, id, HttpResponse::Ok()).await
}

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
    let scope = RoadmapScope::of(&actor(&user));
    let country = filter.country.as_deref().map(store::country_code);
    let status = filter.status;
    let key = format!(
        "roadmaps {} {country:?} {status:?} {} {}",
        scope.key(),
        paging.page,
        paging.per_page
    );
    let list = RoadmapList::Visible {
        scope,
        country,
        status,
    };
    let json = state
        .rows
        .page(
            Pages::Roadmaps,
            key,
            roadmap_store::summaries(&state.db, &list, paging),
        )
        .await?;
    Ok(json_response(json))
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
    let mut write = state.write(user.id).await?;
    let new = NewRoadmapRow {
        country,
        checked,
        input: &input,
        created_by: user.id,
    };
    let id = roadmap_store::insert_new(&write.txn, new, write.now).await?;
    // A new roadmap changes the lists: touching it moves the cached pages' generation on.
    write.touched(Changed::Roadmap(id));
    let created = json!({"title": input.title});
    write
        .record(history_record(id, 1, Happened::Created, created))
        .await?;
    write.commit().await?;
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
    let row =
        authorize::<RoadmapKind>(&state, &user, id.into_inner(), DocumentAction::Read).await?;
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
        DocumentAction::Edit,
        RoadmapStatus::check_editable,
    )
    .await?;
    check_roadmap_patch(&patch, (write.row.period_start, write.row.period_end))
        .map_err(ApiError::validation)?;
    let changes =
        roadmap_store::update_fields(write.txn(), &write.row, &patch, write.revision, write.now())
            .await?;
    let id = write.row.id;
    write
        .commit(Section::Roadmap, Happened::Updated, changes)
        .await?;
    roadmap_response(&state, id, HttpResponse::Ok()).await
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
    step_and_answer(
        &state,
        &user,
        &req,
        id.into_inner(),
        Transition::Submit,
        None,
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
    step_and_answer(
        &state,
        &user,
        &req,
        id.into_inner(),
        Transition::Withdraw,
        None,
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
    let checked = precheck::<RoadmapKind>(
        &state,
        &user,
        &req,
        id.into_inner(),
        DocumentAction::Revise,
        RoadmapStatus::check_revisable,
    )
    .await?;
    let source = checked.row();
    let mut write = state.write(user.id).await?;
    if roadmap_store::has_newer_version(&write.txn, source).await? {
        return Err(ApiError::conflict(
            ErrorCode::RevisionInProgress,
            "a revision of this roadmap is already under way",
        ));
    }
    let new_id = roadmap_store::insert_revision(&write.txn, source, user.id, write.now).await?;
    write.touched(Changed::Roadmap(new_id));
    let started = json!({"from_version": source.version, "from_id": source.id});
    write
        .record(history_record(
            new_id,
            1,
            Happened::RevisionStarted,
            started,
        ))
        .await?;
    let revised = json!({"new_version": source.version + 1, "new_id": new_id});
    write
        .record(history_record(
            source.id,
            source.revision,
            Happened::Revised,
            revised,
        ))
        .await?;
    write.commit().await?;
    let mut builder = HttpResponse::Created();
    builder.insert_header((header::LOCATION, format!("/api/v1/roadmaps/{new_id}")));
    roadmap_response(&state, new_id, builder).await
}

/// Every version of this roadmap that the caller may see, oldest first.
#[utoipa::path(
    tag = "roadmaps",
    security(("bearer" = [])),
    params(("id" = Uuid, Path), PageQuery),
    responses((status = 200, body = Page<RoadmapSummary>), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody))
)]
#[get("/roadmaps/{id}/versions")]
pub async fn list_roadmap_versions(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
    paging: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let paging = paging.into_inner().parse().map_err(ApiError::validation)?;
    let row =
        authorize::<RoadmapKind>(&state, &user, id.into_inner(), DocumentAction::Read).await?;
    let scope = RoadmapScope::of(&actor(&user));
    let page = roadmap_store::versions(&state.db, &row, &scope, paging).await?;
    Ok(HttpResponse::Ok().json(page))
}

/// Who changed what and when, oldest first.
#[utoipa::path(
    tag = "roadmaps",
    security(("bearer" = [])),
    params(("id" = Uuid, Path), PageQuery),
    responses((status = 200, body = Page<HistoryEntry>), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody))
)]
#[get("/roadmaps/{id}/history")]
pub async fn list_roadmap_history(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
    paging: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let paging = paging.into_inner().parse().map_err(ApiError::validation)?;
    let scope = RoadmapScope::of(&actor(&user));
    list_history::<RoadmapKind>(&state, &user, id.into_inner(), paging, |row| {
        hidden_history(&scope, &row.country_code)
    })
    .await
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
    let row =
        authorize::<RoadmapKind>(&state, &user, id.into_inner(), DocumentAction::Read).await?;
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
    let row =
        authorize::<RoadmapKind>(&state, &user, id.into_inner(), DocumentAction::Read).await?;
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
    let list = roadmap_store::summaries(&state.db, &RoadmapList::ReviewQueue, paging);
    let json = state.rows.page(Pages::Roadmaps, key, list).await?;
    Ok(json_response(json))
}
