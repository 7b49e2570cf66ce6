//! Reporting cycles (opened, changed and closed by the secretariat), and what is followed per
//! cycle: the tracker of who reported and the alliance's synthesis, each also as CSV and XLSX;
//! and a country's trend over the cycles.

use actix_web::http::header::ContentType;
use actix_web::web::Bytes;
use actix_web::{HttpResponse, get, patch, post, web};
use pioneer_domain::report::cycle::{check_new, patched};
use pioneer_domain::report::synthesis::{RegionalReport, Synthesis, synthesise};
use pioneer_domain::report::tracker::{Tracker, TrackerFilter, TrackerStatus, tracker};
use pioneer_domain::report::trend::{CountryTrend, trend};
use pioneer_domain::report::{
    NewReportingCycle, ReportStatus, ReportingCycle, ReportingCyclePatch, can_follow_reporting,
    can_manage_cycles,
};
use pioneer_domain::review::{Scope, WorkflowError};
use pioneer_domain::{ErrorBody, ErrorCode, Page, PageQuery};
use serde::Deserialize;
use utoipa::IntoParams;

use super::document_write::actor;
use super::export_files::{Table, csv_response, xlsx_response};
use crate::auth::CurrentUser;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::store::change_feed::Changed;
use crate::store::row_cache::Pages;
use crate::store::{self, reporting_cycles as cycles, reports as report_store};

fn cycle_not_found() -> ApiError {
    ApiError::not_found("reporting cycle")
}

async fn find_cycle(state: &AppState, year: i32) -> ApiResult<ReportingCycle> {
    cycles::find(&state.db, year)
        .await?
        .ok_or_else(cycle_not_found)
}

/// The reporting cycles, newest first (every member: they say when reports are due).
#[utoipa::path(
    tag = "reporting cycles",
    security(("bearer" = [])),
    params(PageQuery),
    responses((status = 200, body = Page<ReportingCycle>), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody))
)]
#[get("/reporting-cycles")]
pub async fn list_reporting_cycles(
    state: web::Data<AppState>,
    _user: CurrentUser,
    paging: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let paging = paging.into_inner().parse().map_err(ApiError::validation)?;
    Ok(HttpResponse::Ok().json(cycles::page(&state.db, paging).await?))
}

/// Opens the reporting cycle of a year (the secretariat): every country with an approved
/// roadmap is then expected to report by its due date.
#[utoipa::path(
    tag = "reporting cycles",
    security(("bearer" = [])),
    request_body = NewReportingCycle,
    responses(
        (status = 201, body = ReportingCycle),
        (status = 403, body = ErrorBody),
        (status = 409, description = "The year has a cycle already", body = ErrorBody),
        (status = 422, body = ErrorBody),
    )
)]
#[post("/reporting-cycles")]
pub async fn create_reporting_cycle(
    state: web::Data<AppState>,
    user: CurrentUser,
    body: web::Json<NewReportingCycle>,
) -> ApiResult<HttpResponse> {
    if !can_manage_cycles(user.role) {
        return Err(ApiError::forbidden(
            "the secretariat opens reporting cycles",
        ));
    }
    let cycle = check_new(&body).map_err(ApiError::validation)?;
    let mut write = state.write(user.id).await?;
    // What was cached about the year (that it had no cycle) is forgotten.
    write.touched(Changed::ReportingCycle(cycle.year));
    if !cycles::insert(&write.txn, &cycle, write.now).await? {
        return Err(ApiError::conflict(
            ErrorCode::CycleExists,
            format!("{} has a reporting cycle already", cycle.year),
        ));
    }
    write.commit().await?;
    Ok(HttpResponse::Created().json(cycle))
}

#[utoipa::path(
    tag = "reporting cycles",
    security(("bearer" = [])),
    params(("year" = i32, Path)),
    responses((status = 200, body = ReportingCycle), (status = 404, body = ErrorBody))
)]
#[get("/reporting-cycles/{year}")]
pub async fn get_reporting_cycle(
    state: web::Data<AppState>,
    _user: CurrentUser,
    year: web::Path<i32>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(find_cycle(&state, year.into_inner()).await?))
}

/// Moves the dates of an open cycle, or closes it (its reports become read-only) or reopens it.
#[utoipa::path(
    tag = "reporting cycles",
    security(("bearer" = [])),
    params(("year" = i32, Path)),
    request_body = ReportingCyclePatch,
    responses(
        (status = 200, body = ReportingCycle),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 409, description = "The cycle is closed: reopen it to change its dates", body = ErrorBody),
        (status = 422, body = ErrorBody),
    )
)]
#[patch("/reporting-cycles/{year}")]
pub async fn update_reporting_cycle(
    state: web::Data<AppState>,
    user: CurrentUser,
    year: web::Path<i32>,
    body: web::Json<ReportingCyclePatch>,
) -> ApiResult<HttpResponse> {
    if !can_manage_cycles(user.role) {
        return Err(ApiError::forbidden(
            "the secretariat changes reporting cycles",
        ));
    }
    let current = find_cycle(&state, year.into_inner()).await?;
    let cycle = patched(&current, &body).map_err(|problem| match problem {
        Some(details) => ApiError::validation(details),
        None => ApiError::workflow(WorkflowError {
            code: ErrorCode::CycleClosed,
            message: "the cycle is closed: reopen it to change its dates".into(),
        }),
    })?;
    let mut write = state.write(user.id).await?;
    cycles::update(&write.txn, &cycle, write.now).await?;
    // Late and overdue flags, and what may be written, follow the cycle.
    write.touched(Changed::ReportingCycle(cycle.year));
    write.commit().await?;
    Ok(HttpResponse::Ok().json(cycle))
}

/// 403 unless the caller follows the alliance's reporting.
fn follows_reporting(user: &CurrentUser) -> ApiResult<()> {
    if can_follow_reporting(user.role) {
        Ok(())
    } else {
        Err(ApiError::forbidden(
            "the secretariat and the Core Support Group follow the reporting",
        ))
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TrackerQuery {
    /// Only the countries of this region (as `/countries` names them).
    pub region: Option<String>,
    pub status: Option<TrackerStatus>,
}

async fn tracker_of(state: &AppState, year: i32, query: &TrackerQuery) -> ApiResult<Tracker> {
    let cycle = find_cycle(state, year).await?;
    let regions = report_store::regions(&state.db).await?;
    let expected = report_store::expected_countries(&state.db, &regions).await?;
    let reports = report_store::report_states(&state.db, year, &regions).await?;
    let filter = TrackerFilter {
        region: query.region.clone(),
        status: query.status,
    };
    Ok(tracker(
        &cycle,
        &expected,
        &reports,
        state.clock.now().date_naive(),
        &filter,
    ))
}

/// Who reported in the cycle: each expected country with its report's status, submission
/// date, late and overdue flags, and the counts per status (the secretariat, reviewers).
#[utoipa::path(
    tag = "reporting cycles",
    security(("bearer" = [])),
    params(("year" = i32, Path), TrackerQuery),
    responses((status = 200, body = Tracker), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody))
)]
#[get("/reporting-cycles/{year}/tracker")]
pub async fn get_reporting_cycle_tracker(
    state: web::Data<AppState>,
    user: CurrentUser,
    year: web::Path<i32>,
    query: web::Query<TrackerQuery>,
) -> ApiResult<HttpResponse> {
    follows_reporting(&user)?;
    Ok(HttpResponse::Ok().json(tracker_of(&state, year.into_inner(), &query).await?))
}

fn tracker_tables(tracker: &Tracker) -> Vec<Table> {
    let flag = |b: bool| if b { "yes" } else { "no" }.to_owned();
    let rows = tracker
        .rows
        .iter()
        .map(|row| {
            vec![
                row.country_code.clone(),
                row.region.clone().unwrap_or_default(),
                status_name(row.status),
                row.submitted_at
                    .map(|at| at.to_rfc3339())
                    .unwrap_or_default(),
                flag(row.late),
                flag(row.overdue),
                row.report_id.map(|id| id.to_string()).unwrap_or_default(),
                row.roadmap_id.to_string(),
            ]
        })
        .collect();
    let c = &tracker.counts;
    let counts = [
        ("expected", c.expected),
        ("not_started", c.not_started),
        ("draft", c.draft),
        ("submitted", c.submitted),
        ("changes_requested", c.changes_requested),
        ("accepted", c.accepted),
        ("late", c.late),
        ("overdue", c.overdue),
    ]
    .into_iter()
    .map(|(name, n)| vec![name.to_owned(), n.to_string()])
    .collect();
    vec![
        Table {
            name: "tracker",
            columns: vec![
                "country_code",
                "region",
                "status",
                "submitted_at",
                "late",
                "overdue",
                "report_id",
                "roadmap_id",
            ],
            amounts: vec![],
            counts: vec![],
            rows,
        },
        Table {
            name: "counts",
            columns: vec!["status", "countries"],
            amounts: vec![],
            counts: vec!["countries"],
            rows: counts,
        },
    ]
}

fn status_name(status: TrackerStatus) -> String {
    serde_json::to_value(status)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// The tracker as CSV: a line per country.
#[utoipa::path(
    tag = "reporting cycles",
    security(("bearer" = [])),
    params(("year" = i32, Path), TrackerQuery),
    responses((status = 200, content_type = "text/csv", body = String), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody))
)]
#[get("/reporting-cycles/{year}/tracker.csv")]
pub async fn export_reporting_cycle_tracker_csv(
    state: web::Data<AppState>,
    user: CurrentUser,
    year: web::Path<i32>,
    query: web::Query<TrackerQuery>,
) -> ApiResult<HttpResponse> {
    follows_reporting(&user)?;
    let year = year.into_inner();
    let tracker = tracker_of(&state, year, &query).await?;
    csv_response(&tracker_tables(&tracker)[0], &format!("tracker-{year}.csv"))
}

/// The tracker as a workbook: the countries, and the counts.
#[utoipa::path(
    tag = "reporting cycles",
    security(("bearer" = [])),
    params(("year" = i32, Path), TrackerQuery),
    responses(
        (status = 200, content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body = inline(crate::schemas::Binary)),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
    )
)]
#[get("/reporting-cycles/{year}/tracker.xlsx")]
pub async fn export_reporting_cycle_tracker_xlsx(
    state: web::Data<AppState>,
    user: CurrentUser,
    year: web::Path<i32>,
    query: web::Query<TrackerQuery>,
) -> ApiResult<HttpResponse> {
    follows_reporting(&user)?;
    let year = year.into_inner();
    let tracker = tracker_of(&state, year, &query).await?;
    xlsx_response(&tracker_tables(&tracker), &format!("tracker-{year}.xlsx"))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SynthesisQuery {
    /// Also read the reports submitted and not yet accepted.
    #[serde(default)]
    pub include_submitted: bool,
}

/// The synthesis as JSON, from the cache while no report, roadmap or cycle changed since it
/// was computed: `null` when the year has no cycle (the cycle is read with the rest, so a
/// cached answer costs no query).
async fn synthesis_json(state: &AppState, year: i32, include_submitted: bool) -> ApiResult<Bytes> {
    let today = state.clock.now().date_naive();
    let load = async {
        if cycles::find(&state.db, year).await?.is_none() {
            return Ok(Bytes::from_static(b"null"));
        }
        let statuses: &[ReportStatus] = if include_submitted {
            &[ReportStatus::Accepted, ReportStatus::Submitted]
        } else {
            &[ReportStatus::Accepted]
        };
        let (reports, regions) =
            report_store::reports_of_cycle(&state.db, year, statuses, today).await?;
        let regional: Vec<RegionalReport<'_>> = reports
            .iter()
            .map(|report| RegionalReport {
                report,
                region: regions.get(&report.country_code).cloned(),
            })
            .collect();
        let synthesis = synthesise(year, include_submitted, &regional);
        serde_json::to_vec(&synthesis)
            .map(Bytes::from)
            .map_err(|e| store::StoreError::corrupt("synthesis", e))
    };
    let key = format!("synthesis {year} {include_submitted} {today}");
    let json = state.rows.page(Pages::Reports, key, load).await?;
    if json.as_ref() == b"null" {
        return Err(cycle_not_found());
    }
    Ok(json)
}

/// The alliance's synthesis for the cycle, from its accepted reports (and the submitted ones
/// when asked): actions by status per INSPIRE strategy and per region, budget planned and spent
/// per strategy and per country in each currency, indicators on track, support requested and
/// late reports. Each figure names the reports behind it.
#[utoipa::path(
    tag = "reporting cycles",
    security(("bearer" = [])),
    params(("year" = i32, Path), SynthesisQuery),
    responses((status = 200, body = Synthesis), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody))
)]
#[get("/reporting-cycles/{year}/synthesis")]
pub async fn get_reporting_cycle_synthesis(
    state: web::Data<AppState>,
    user: CurrentUser,
    year: web::Path<i32>,
    query: web::Query<SynthesisQuery>,
) -> ApiResult<HttpResponse> {
    follows_reporting(&user)?;
    let json = synthesis_json(&state, year.into_inner(), query.include_submitted).await?;
    Ok(HttpResponse::Ok()
        .content_type(ContentType::json())
        .body(json))
}

async fn synthesis_of(
    state: &AppState,
    year: i32,
    include_submitted: bool,
) -> ApiResult<Synthesis> {
    let json = synthesis_json(state, year, include_submitted).await?;
    serde_json::from_slice(&json).map_err(ApiError::internal)
}

fn ids(ids: &[uuid::Uuid]) -> String {
    ids.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The synthesis's tables, each as it is in the JSON.
fn synthesis_tables(synthesis: &Synthesis) -> Vec<Table> {
    let status_columns = vec![
        "key",
        "not_started",
        "on_track",
        "delayed",
        "completed",
        "cancelled",
        "total",
        "report_ids",
    ];
    let status_counts = vec![
        "not_started",
        "on_track",
        "delayed",
        "completed",
        "cancelled",
        "total",
    ];
    let breakdown = |rows: &[pioneer_domain::report::synthesis::StatusBreakdown]| {
        rows.iter()
            .map(|b| {
                let c = &b.counts;
                vec![
                    b.key.clone(),
                    c.not_started.to_string(),
                    c.on_track.to_string(),
                    c.delayed.to_string(),
                    c.completed.to_string(),
                    c.cancelled.to_string(),
                    c.total.to_string(),
                    ids(&b.report_ids),
                ]
            })
            .collect()
    };
    let budget = |rows: &[pioneer_domain::report::synthesis::BudgetLine]| {
        rows.iter()
            .map(|b| {
                vec![
                    b.key.clone(),
                    b.currency.clone(),
                    b.planned.amount.clone(),
                    b.spent.amount.clone(),
                    ids(&b.report_ids),
                ]
            })
            .collect()
    };
    let budget_columns = vec!["key", "currency", "planned", "spent", "report_ids"];
    vec![
        Table {
            name: "actions_by_strategy",
            columns: status_columns.clone(),
            amounts: vec![],
            counts: status_counts.clone(),
            rows: breakdown(&synthesis.actions_by_strategy),
        },
        Table {
            name: "actions_by_region",
            columns: status_columns,
            amounts: vec![],
            counts: status_counts,
            rows: breakdown(&synthesis.actions_by_region),
        },
        Table {
            name: "budget_by_strategy",
            columns: budget_columns.clone(),
            amounts: vec!["planned", "spent"],
            counts: vec![],
            rows: budget(&synthesis.budget_by_strategy),
        },
        Table {
            name: "budget_by_country",
            columns: budget_columns,
            amounts: vec!["planned", "spent"],
            counts: vec![],
            rows: budget(&synthesis.budget_by_country),
        },
        Table {
            name: "indicators",
            columns: vec![
                "country_code",
                "on_track",
                "off_track",
                "no_data",
                "report_ids",
            ],
            amounts: vec![],
            counts: vec!["on_track", "off_track", "no_data"],
            rows: synthesis
                .indicators
                .iter()
                .map(|t| {
                    vec![
                        t.country_code.clone(),
                        t.on_track.to_string(),
                        t.off_track.to_string(),
                        t.no_data.to_string(),
                        ids(&t.report_ids),
                    ]
                })
                .collect(),
        },
        Table {
            name: "support_requests",
            columns: vec!["type", "country_code", "count", "report_ids"],
            amounts: vec![],
            counts: vec!["count"],
            rows: synthesis
                .support_requests
                .iter()
                .map(|t| {
                    vec![
                        t.kind.as_str().to_owned(),
                        t.country_code.clone(),
                        t.count.to_string(),
                        ids(&t.report_ids),
                    ]
                })
                .collect(),
        },
        Table {
            name: "late_reports",
            columns: vec!["report_id", "country_code", "submitted_at"],
            amounts: vec![],
            counts: vec![],
            rows: synthesis
                .late_reports
                .iter()
                .map(|l| {
                    vec![
                        l.report_id.to_string(),
                        l.country_code.clone(),
                        l.submitted_at.map(|at| at.to_rfc3339()).unwrap_or_default(),
                    ]
                })
                .collect(),
        },
    ]
}

/// The synthesis as one CSV: its tables one after the other, each line naming its table in
/// the first column, with the table's own columns after it.
fn synthesis_csv_table(tables: Vec<Table>) -> Table {
    let width = tables.iter().map(|t| t.columns.len()).max().unwrap_or(0);
    let mut rows = Vec::new();
    for table in tables {
        let mut header = vec!["table".to_owned()];
        header.extend(table.columns.iter().map(|c| (*c).to_owned()));
        header.resize(width + 1, String::new());
        rows.push(header);
        for row in table.rows {
            let mut line = vec![table.name.to_owned()];
            line.extend(row);
            line.resize(width + 1, String::new());
            rows.push(line);
        }
    }
    let mut columns = vec!["table"];
    columns.extend(std::iter::repeat_n("", width));
    Table {
        name: "synthesis",
        columns,
        amounts: vec![],
        counts: vec![],
        rows,
    }
}

/// The synthesis as CSV: each table after its own heading line, every line naming its table.
#[utoipa::path(
    tag = "reporting cycles",
    security(("bearer" = [])),
    params(("year" = i32, Path), SynthesisQuery),
    responses((status = 200, content_type = "text/csv", body = String), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody))
)]
#[get("/reporting-cycles/{year}/synthesis.csv")]
pub async fn export_reporting_cycle_synthesis_csv(
    state: web::Data<AppState>,
    user: CurrentUser,
    year: web::Path<i32>,
    query: web::Query<SynthesisQuery>,
) -> ApiResult<HttpResponse> {
    follows_reporting(&user)?;
    let year = year.into_inner();
    let synthesis = synthesis_of(&state, year, query.include_submitted).await?;
    let table = synthesis_csv_table(synthesis_tables(&synthesis));
    csv_response(&table, &format!("synthesis-{year}.csv"))
}

/// The synthesis as a workbook, one sheet per table.
#[utoipa::path(
    tag = "reporting cycles",
    security(("bearer" = [])),
    params(("year" = i32, Path), SynthesisQuery),
    responses(
        (status = 200, content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body = inline(crate::schemas::Binary)),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
    )
)]
#[get("/reporting-cycles/{year}/synthesis.xlsx")]
pub async fn export_reporting_cycle_synthesis_xlsx(
    state: web::Data<AppState>,
    user: CurrentUser,
    year: web::Path<i32>,
    query: web::Query<SynthesisQuery>,
) -> ApiResult<HttpResponse> {
    follows_reporting(&user)?;
    let year = year.into_inner();
    let synthesis = synthesis_of(&state, year, query.include_submitted).await?;
    xlsx_response(
        &synthesis_tables(&synthesis),
        &format!("synthesis-{year}.xlsx"),
    )
}

/// A country's trend over the cycles: its key actions by status each year, and each
/// indicator's values over time against baseline and target, from the reports the caller sees.
#[utoipa::path(
    tag = "reports",
    security(("bearer" = [])),
    params(("code" = String, Path, description = "ISO alpha-3")),
    responses((status = 200, body = CountryTrend), (status = 404, body = ErrorBody))
)]
#[get("/countries/{code}/trend")]
pub async fn get_country_trend(
    state: web::Data<AppState>,
    user: CurrentUser,
    code: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let code = store::country_code(&code).ok_or_else(|| ApiError::not_found("country"))?;
    let scope = Scope::of(&actor(&user));
    let today = state.clock.now().date_naive();
    // Cached like the synthesis, per country and per view of it: `null` for no such country.
    let key = format!("trend {code} {} {today}", scope.key());
    let load = async {
        if !store::reference::country_exists(&state.db, &code).await? {
            return Ok(Bytes::from_static(b"null"));
        }
        let reports = report_store::reports_of_country(&state.db, &code, &scope, today).await?;
        serde_json::to_vec(&trend(&code, &reports))
            .map(Bytes::from)
            .map_err(|e| store::StoreError::corrupt("trend", e))
    };
    let json = state.rows.page(Pages::Reports, key, load).await?;
    if json.as_ref() == b"null" {
        return Err(ApiError::not_found("country"));
    }
    Ok(HttpResponse::Ok()
        .content_type(ContentType::json())
        .body(json))
}

/// Reminds the countries that have not submitted their report in the open cycle `year` (not
/// started, a draft, or sent back for changes): one mail to each of their focal points, in their
/// language, sent in the background. Answers the countries reminded and how many focal points
/// each has (0: none has an account yet).
#[utoipa::path(
    tag = "reporting cycles",
    security(("bearer" = [])),
    params(("year" = i32, Path)),
    responses(
        (status = 200, body = pioneer_domain::report::reminders::Reminders),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 409, description = "The cycle is closed (`cycle_closed`)", body = ErrorBody)
    )
)]
#[post("/reporting-cycles/{year}/reminders")]
pub async fn create_reporting_cycle_reminders(
    state: web::Data<AppState>,
    user: CurrentUser,
    year: web::Path<i32>,
) -> ApiResult<HttpResponse> {
    if !can_manage_cycles(user.role) {
        return Err(ApiError::forbidden("the secretariat sends reminders"));
    }
    let reminders = crate::reminders::remind(&state, year.into_inner(), user.id)
        .await
        .map_err(|err| match err {
            crate::reminders::RemindError::NoCycle(_) => cycle_not_found(),
            crate::reminders::RemindError::Closed(e) => ApiError::workflow(e),
            crate::reminders::RemindError::Store(e) => e.into(),
        })?;
    Ok(HttpResponse::Ok().json(reminders))
}
