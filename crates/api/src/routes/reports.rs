//! Annual progress reports: list, start, read, write (narrative, a key action's progress, an
//! indicator's value, support requests), the workflow (submit, withdraw, review), comments and
//! history — all through the machinery every reviewed document shares.

use actix_web::http::header;
use actix_web::{
    HttpRequest, HttpResponse, HttpResponseBuilder, delete, get, patch, post, put, web,
};
use pioneer_domain::report::cycle::check_reported_on;
use pioneer_domain::report::validation::{check_complete, check_narrative};
use pioneer_domain::report::{
    ActionProgress, ActionProgressInput, IndicatorProgress, IndicatorValueInput, NewReport,
    NewReportReview, NewSupportRequest, Report, ReportKind, ReportPatch, ReportStatus,
    ReportSummary, SupportRequest, SupportRequestPatch,
};
use pioneer_domain::review::{
    Comment, DocumentAction, DocumentKind, Happened, HistoryEntry, HistoryEvent, NewComment,
    Reviewed, Scope, Section, Transition, check_editable,
};
use pioneer_domain::roadmap::workflow::RoadmapKind;
use pioneer_domain::{ErrorBody, ErrorCode, FieldError, Page, PageQuery};
use serde::Deserialize;
use serde_json::json;
use utoipa::IntoParams;
use uuid::Uuid;

use super::document_parts::{create_part, delete_part, update_part};
use super::document_review::{create_comment, list_comments, list_history};
use super::document_write::{
    DocumentWrite, Steps, actor, authorize, not_modified, take_step, with_etag,
};
use crate::auth::CurrentUser;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::store::history::HistoryRecord;
use crate::store::reports::{NewReportRow, ReportFilter};
use crate::store::roadmaps::status_of as roadmap_status_of;
use crate::store::{self, reporting_cycles, reports as report_store};

/// An open write on one report (see `DocumentWrite`).
pub type ReportWrite = DocumentWrite<ReportKind>;

/// A report is submitted once its narrative says what was achieved and what stood in the way.
impl Steps for ReportKind {
    async fn refusal(write: &ReportWrite, transition: Transition) -> ApiResult<Vec<FieldError>> {
        if transition != Transition::Submit {
            return Ok(Vec::new());
        }
        let report =
            report_store::load(write.txn(), write.row.clone(), write.now().date_naive()).await?;
        Ok(check_complete(&report))
    }
}

/// The whole report, with its ETag.
async fn report_response(
    state: &AppState,
    id: Uuid,
    builder: HttpResponseBuilder,
) -> ApiResult<HttpResponse> {
    let row = report_store::find(&state.db, id)
        .await?
        .ok_or_else(|| ApiError::not_found("report"))?;
    let revision = row.revision;
    let report = report_store::load(&state.db, row, state.clock.now().date_naive()).await?;
    Ok(with_etag(builder, revision).json(report))
}

/// A step of the report's workflow, answered with the whole report.
async fn step_and_answer(
    state: &AppState,
    user: &CurrentUser,
    req: &HttpRequest,
    id: Uuid,
    transition: Transition,
    comment: Option<String>,
) -> ApiResult<HttpResponse> {
    let id = take_step::<ReportKind>(state, user, req, id, transition, comment).await?;
    report_response(state, id, HttpResponse::Ok()).await
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReportListFilter {
    /// The reporting cycle's year.
    pub year: Option<i32>,
    /// ISO alpha-3 code of the country.
    pub country: Option<String>,
    pub status: Option<ReportStatus>,
}

/// The reports the caller may see, newest cycle first.
#[utoipa::path(
    tag = "reports",
    security(("bearer" = [])),
    params(PageQuery, ReportListFilter),
    responses((status = 200, body = Page<ReportSummary>), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody))
)]
#[get("/reports")]
pub async fn list_reports(
    state: web::Data<AppState>,
    user: CurrentUser,
    paging: web::Query<PageQuery>,
    filter: web::Query<ReportListFilter>,
) -> ApiResult<HttpResponse> {
    let paging = paging.into_inner().parse().map_err(ApiError::validation)?;
    let filter = filter.into_inner();
    let filter = ReportFilter {
        scope: Scope::of(&actor(&user)),
        year: filter.year,
        country: filter.country.as_deref().map(store::country_code),
        status: filter.status,
    };
    let today = state.clock.now().date_naive();
    let page = report_store::summaries(&state.db, &filter, paging, today).await?;
    Ok(HttpResponse::Ok().json(page))
}

/// Starts the country's report for a cycle, on its approved roadmap (the country team):
/// a line per key action and indicator, with last cycle's values where there are some.
#[utoipa::path(
    tag = "reports",
    security(("bearer" = [])),
    request_body = NewReport,
    responses(
        (status = 201, body = Report, headers(("ETag" = String, description = "The revision, for If-Match"))),
        (status = 403, body = ErrorBody),
        (status = 404, description = "No such roadmap, or not visible to the caller", body = ErrorBody),
        (status = 409, description = "The roadmap is not the approved version, the cycle is closed, or the country has a report for it", body = ErrorBody),
        (status = 422, description = "No reporting cycle for the year", body = ErrorBody),
    )
)]
#[post("/reports")]
pub async fn create_report(
    state: web::Data<AppState>,
    user: CurrentUser,
    body: web::Json<NewReport>,
) -> ApiResult<HttpResponse> {
    let input = body.into_inner();
    let roadmap =
        authorize::<RoadmapKind>(&state, &user, input.roadmap_id, DocumentAction::Read).await?;
    if !ReportKind::allowed(&actor(&user), DocumentAction::Edit, &roadmap.country_code) {
        return Err(ApiError::forbidden(
            "country teams write their own country's reports",
        ));
    }
    let cycle = reporting_cycles::find(&state.db, input.year)
        .await?
        .ok_or_else(|| {
            ApiError::field(FieldError::new(
                "year",
                "unknown_cycle",
                format!("no reporting cycle is open for {}", input.year),
            ))
        })?;
    cycle.check_open().map_err(ApiError::workflow)?;
    check_reported_on(roadmap_status_of(&roadmap)?).map_err(ApiError::workflow)?;
    let country = roadmap.country_code.clone();
    let mut write = state.write(user.id).await?;
    let new = NewReportRow {
        roadmap,
        year: input.year,
        created_by: user.id,
    };
    let Some(id) = report_store::insert_new(&write.txn, new, write.now).await? else {
        return Err(ApiError::conflict(
            ErrorCode::ReportExists,
            format!("{country} has a report for {} already", input.year),
        ));
    };
    write.touched(store::change_feed::Changed::Report(id));
    write
        .record(HistoryRecord {
            kind: DocumentKind::Report,
            document_id: id,
            revision: 1,
            event: HistoryEvent::new(Section::Report, Happened::Created),
            changes: json!({"year": input.year, "roadmap_id": input.roadmap_id}),
        })
        .await?;
    write.commit().await?;
    let mut builder = HttpResponse::Created();
    builder.insert_header((header::LOCATION, format!("/api/v1/reports/{id}")));
    report_response(&state, id, builder).await
}

/// The whole report: per key action, per indicator, the narrative and the support requested.
#[utoipa::path(
    tag = "reports",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    responses(
        (status = 200, body = Report, headers(("ETag" = String, description = "The revision, for If-Match"))),
        (status = 304, description = "`If-None-Match` names the current revision: your copy is current"),
        (status = 404, description = "No such report, or not visible to the caller", body = ErrorBody),
    )
)]
#[get("/reports/{id}")]
pub async fn get_report(
    state: web::Data<AppState>,
    user: CurrentUser,
    req: HttpRequest,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let row = authorize::<ReportKind>(&state, &user, id.into_inner(), DocumentAction::Read).await?;
    let revision = row.revision;
    if not_modified(&req, revision) {
        return Ok(with_etag(HttpResponse::NotModified(), revision).finish());
    }
    let report = report_store::load(&state.db, row, state.clock.now().date_naive()).await?;
    Ok(with_etag(HttpResponse::Ok(), revision).json(report))
}

/// Writes narrative sections of a draft; those present change. Needs `If-Match`.
#[utoipa::path(
    tag = "reports",
    security(("bearer" = [])),
    params(("id" = Uuid, Path), ("If-Match" = String, Header, description = "The ETag last read")),
    request_body = ReportPatch,
    responses(
        (status = 200, body = Report),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 409, description = "Not editable in its status, or its cycle is closed", body = ErrorBody),
        (status = 412, description = "Stale: `current` holds the report as it is", body = ErrorBody),
        (status = 422, body = ErrorBody),
        (status = 428, description = "If-Match missing", body = ErrorBody),
    )
)]
#[patch("/reports/{id}")]
pub async fn update_report(
    state: web::Data<AppState>,
    user: CurrentUser,
    req: HttpRequest,
    id: web::Path<Uuid>,
    body: web::Json<ReportPatch>,
) -> ApiResult<HttpResponse> {
    let narrative = check_narrative(&body.narrative).map_err(ApiError::validation)?;
    let write = ReportWrite::begin(
        &state,
        &user,
        &req,
        id.into_inner(),
        DocumentAction::Edit,
        check_editable::<ReportKind>,
    )
    .await?;
    let changes = report_store::update_narrative(
        write.txn(),
        &write.row,
        &narrative,
        write.revision,
        write.now(),
    )
    .await?;
    let id = write.row.id;
    write
        .commit(Section::Report, Happened::Updated, changes)
        .await?;
    report_response(&state, id, HttpResponse::Ok()).await
}

/// Sends the report for review (the focal point). Answers 422 with a detail per missing
/// section when it is not complete.
#[utoipa::path(
    tag = "reports",
    security(("bearer" = [])),
    params(("id" = Uuid, Path), ("If-Match" = String, Header)),
    responses(
        (status = 200, body = Report),
        (status = 403, body = ErrorBody),
        (status = 409, body = ErrorBody),
        (status = 412, body = ErrorBody),
        (status = 422, description = "Incomplete: one detail per field", body = ErrorBody),
        (status = 428, body = ErrorBody),
    )
)]
#[post("/reports/{id}/submit")]
pub async fn submit_report(
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
    tag = "reports",
    security(("bearer" = [])),
    params(("id" = Uuid, Path), ("If-Match" = String, Header)),
    responses((status = 200, body = Report), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody), (status = 412, body = ErrorBody), (status = 428, body = ErrorBody))
)]
#[post("/reports/{id}/withdraw")]
pub async fn withdraw_report(
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

/// Accepts the report or sends it back for changes (a comment is required then).
#[utoipa::path(
    tag = "reports",
    security(("bearer" = [])),
    params(("id" = Uuid, Path), ("If-Match" = String, Header)),
    request_body = NewReportReview,
    responses(
        (status = 200, body = Report),
        (status = 403, body = ErrorBody),
        (status = 409, description = "Not submitted", body = ErrorBody),
        (status = 412, body = ErrorBody),
        (status = 422, description = "A request for changes without a comment", body = ErrorBody),
        (status = 428, body = ErrorBody),
    )
)]
#[post("/reports/{id}/reviews")]
pub async fn create_report_review(
    state: web::Data<AppState>,
    user: CurrentUser,
    req: HttpRequest,
    id: web::Path<Uuid>,
    body: web::Json<NewReportReview>,
) -> ApiResult<HttpResponse> {
    let (transition, comment) = body.checked().map_err(ApiError::field)?;
    step_and_answer(&state, &user, &req, id.into_inner(), transition, comment).await
}

/// All comments on the report, oldest first; `parent_id` makes the threads.
#[utoipa::path(
    tag = "reports",
    security(("bearer" = [])),
    params(("id" = Uuid, Path), PageQuery),
    responses((status = 200, body = Page<Comment>), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody))
)]
#[get("/reports/{id}/comments")]
pub async fn list_report_comments(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
    paging: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let paging = paging.into_inner().parse().map_err(ApiError::validation)?;
    list_comments::<ReportKind>(&state, &user, id.into_inner(), paging).await
}

/// Comments on the report, one of its narrative sections, a key action's or an indicator's
/// line (by the action's or indicator's id) or a support request, or answers a comment.
#[utoipa::path(
    tag = "reports",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    request_body = NewComment,
    responses((status = 201, body = Comment), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody))
)]
#[post("/reports/{id}/comments")]
pub async fn create_report_comment(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
    body: web::Json<NewComment>,
) -> ApiResult<HttpResponse> {
    create_comment::<ReportKind>(&state, &user, id.into_inner(), body.into_inner()).await
}

/// Who changed what and when, oldest first.
#[utoipa::path(
    tag = "reports",
    security(("bearer" = [])),
    params(("id" = Uuid, Path), PageQuery),
    responses((status = 200, body = Page<HistoryEntry>), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody))
)]
#[get("/reports/{id}/history")]
pub async fn list_report_history(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
    paging: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let paging = paging.into_inner().parse().map_err(ApiError::validation)?;
    list_history::<ReportKind>(&state, &user, id.into_inner(), paging, |_| Vec::new()).await
}

/// Reports a key action's progress: its status, how far along (0–100), what was spent (in the
/// budget's currency) and a note. The line is replaced whole.
#[utoipa::path(
    tag = "report parts",
    security(("bearer" = [])),
    params(("id" = Uuid, Path), ("action_id" = Uuid, Path), ("If-Match" = String, Header)),
    request_body = ActionProgressInput,
    responses((status = 200, body = ActionProgress), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 412, body = ErrorBody), (status = 422, description = "One detail per field: a percentage outside 0–100, spending in another currency than the budget's", body = ErrorBody), (status = 428, body = ErrorBody))
)]
#[put("/reports/{id}/actions/{action_id}")]
pub async fn update_report_action(
    state: web::Data<AppState>,
    user: CurrentUser,
    req: HttpRequest,
    path: web::Path<(Uuid, Uuid)>,
    body: web::Json<ActionProgressInput>,
) -> ApiResult<HttpResponse> {
    update_part::<ActionProgress>(&state, &user, &req, path.into_inner(), body.into_inner()).await
}

/// Reports an indicator's latest value, its year and its source (also what a national
/// statistics system pushes, with an API token of scope `write:indicators`).
#[utoipa::path(
    tag = "report parts",
    security(("bearer" = [])),
    params(("id" = Uuid, Path), ("indicator_id" = Uuid, Path), ("If-Match" = String, Header)),
    request_body = IndicatorValueInput,
    responses((status = 200, body = IndicatorProgress), (status = 403, description = "Not the country's team, or a token without `write:indicators`", body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 412, body = ErrorBody), (status = 422, body = ErrorBody), (status = 428, body = ErrorBody))
)]
#[put("/reports/{id}/indicators/{indicator_id}")]
pub async fn update_report_indicator(
    state: web::Data<AppState>,
    user: CurrentUser,
    req: HttpRequest,
    path: web::Path<(Uuid, Uuid)>,
    body: web::Json<IndicatorValueInput>,
) -> ApiResult<HttpResponse> {
    update_part::<IndicatorProgress>(&state, &user, &req, path.into_inner(), body.into_inner())
        .await
}

/// Asks the alliance for support: technical, financial, peer exchange or capacity building,
/// about a priority or a key action of the roadmap.
#[utoipa::path(
    tag = "report parts",
    security(("bearer" = [])),
    params(("id" = Uuid, Path), ("If-Match" = String, Header)),
    request_body = NewSupportRequest,
    responses((status = 201, body = SupportRequest), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 412, body = ErrorBody), (status = 422, body = ErrorBody), (status = 428, body = ErrorBody))
)]
#[post("/reports/{id}/support-requests")]
pub async fn create_report_support_request(
    state: web::Data<AppState>,
    user: CurrentUser,
    req: HttpRequest,
    id: web::Path<Uuid>,
    body: web::Json<NewSupportRequest>,
) -> ApiResult<HttpResponse> {
    create_part::<SupportRequest>(&state, &user, &req, id.into_inner(), &body).await
}

/// Edits a support request; the fields present change (`null` clears what it concerns).
#[utoipa::path(
    tag = "report parts",
    security(("bearer" = [])),
    params(("id" = Uuid, Path), ("sid" = Uuid, Path), ("If-Match" = String, Header)),
    request_body = SupportRequestPatch,
    responses((status = 200, body = SupportRequest), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 412, body = ErrorBody), (status = 422, body = ErrorBody), (status = 428, body = ErrorBody))
)]
#[patch("/reports/{id}/support-requests/{sid}")]
pub async fn update_report_support_request(
    state: web::Data<AppState>,
    user: CurrentUser,
    req: HttpRequest,
    path: web::Path<(Uuid, Uuid)>,
    body: web::Json<SupportRequestPatch>,
) -> ApiResult<HttpResponse> {
    update_part::<SupportRequest>(&state, &user, &req, path.into_inner(), body.into_inner()).await
}

/// Withdraws a support request.
#[utoipa::path(
    tag = "report parts",
    security(("bearer" = [])),
    params(("id" = Uuid, Path), ("sid" = Uuid, Path), ("If-Match" = String, Header)),
    responses((status = 204, description = "Deleted"), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 412, body = ErrorBody), (status = 428, body = ErrorBody))
)]
#[delete("/reports/{id}/support-requests/{sid}")]
pub async fn delete_report_support_request(
    state: web::Data<AppState>,
    user: CurrentUser,
    req: HttpRequest,
    path: web::Path<(Uuid, Uuid)>,
) -> ApiResult<HttpResponse> {
    delete_part::<SupportRequest>(&state, &user, &req, path.into_inner()).await
}
