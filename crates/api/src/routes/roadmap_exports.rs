//! Spreadsheet exports of a roadmap: one row per key action, as CSV or XLSX.

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, get, web};
use pioneer_domain::ErrorBody;
use pioneer_domain::money::parse_amount;
use pioneer_domain::policy::RoadmapAction;
use pioneer_domain::roadmap::Roadmap;
use pioneer_domain::roadmap::budget::action_funding;
use pioneer_domain::roadmap::workflow::RoadmapKind;
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;

use super::document_write::authorize;
use super::export_files::defuse;
use crate::auth::CurrentUser;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::store::roadmaps as store;

const COLUMNS: [&str; 14] = [
    "priority",
    "strategies",
    "action",
    "description",
    "lead_institution",
    "partners",
    "start_month",
    "end_month",
    "budget",
    "currency",
    "secured",
    "gap",
    "funding_source",
    "action_id",
];

/// One row per action, as text; amounts stay decimal strings.
fn rows(roadmap: &Roadmap) -> Vec<[String; 14]> {
    roadmap
        .actions
        .iter()
        .map(|action| {
            let priority = roadmap
                .priorities
                .iter()
                .find(|p| p.id == action.priority_id);
            let budget = action.budget.as_ref();
            let funding = action_funding(action).map(|(funding, _)| funding);
            // Secured money in another currency than the budget's does not count.
            let secured = funding.map(|f| f.secured.to_decimal_string());
            let gap = funding.map(|f| f.gap.to_decimal_string());
            [
                priority.map(|p| p.title.clone()).unwrap_or_default(),
                priority
                    .map(|p| p.strategies.join("; "))
                    .unwrap_or_default(),
                action.title.clone(),
                action.description.clone(),
                action.lead_institution.clone().unwrap_or_default(),
                action.partners.join("; "),
                action.start_month.clone().unwrap_or_default(),
                action.end_month.clone().unwrap_or_default(),
                budget.map(|b| b.amount.clone()).unwrap_or_default(),
                budget.map(|b| b.currency.clone()).unwrap_or_default(),
                secured.unwrap_or_default(),
                gap.unwrap_or_default(),
                action.funding_source.clone().unwrap_or_default(),
                action.id.to_string(),
            ]
        })
        .collect()
}

fn file_name(roadmap: &Roadmap, extension: &str) -> String {
    format!(
        "roadmap-{}-v{}.{extension}",
        roadmap.country_code.to_lowercase(),
        roadmap.version
    )
}

async fn load(state: &AppState, user: &CurrentUser, id: Uuid) -> ApiResult<Roadmap> {
    let row = authorize::<RoadmapKind>(state, user, id, RoadmapAction::Read).await?;
    Ok(store::load(&state.db, row).await?)
}

/// The roadmap's key actions as CSV (UTF-8), one row per action.
#[utoipa::path(
    tag = "roadmaps",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    responses((status = 200, content_type = "text/csv", body = String), (status = 404, body = ErrorBody))
)]
#[get("/roadmaps/{id}/export.csv")]
pub async fn export_roadmap_csv(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let roadmap = load(&state, &user, id.into_inner()).await?;
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(COLUMNS).map_err(ApiError::internal)?;
    for row in rows(&roadmap) {
        writer
            .write_record(row.iter().map(|c| defuse(c)))
            .map_err(ApiError::internal)?;
    }
    let body = writer
        .into_inner()
        .map_err(|e| ApiError::internal(anyhow::anyhow!("{e}")))?;
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{}\"", file_name(&roadmap, "csv")),
        ))
        .body(body))
}

/// Which language a workbook for people is written in.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ExportQuery {
    /// `en`, `fr`, `es` or `pt`; without it, the best language of `Accept-Language`, else
    /// English.
    pub lang: Option<String>,
}

/// The roadmap's key actions as an Excel workbook, one row per action, with its headings in
/// the language asked for (the CSV keeps the stable column names, for programs).
#[utoipa::path(
    tag = "roadmaps",
    security(("bearer" = [])),
    params(("id" = Uuid, Path), ExportQuery),
    responses(
        (status = 200, content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body = inline(crate::schemas::Binary)),
        (status = 404, body = ErrorBody),
    )
)]
#[get("/roadmaps/{id}/export.xlsx")]
pub async fn export_roadmap_xlsx(
    state: web::Data<AppState>,
    user: CurrentUser,
    req: HttpRequest,
    id: web::Path<Uuid>,
    query: web::Query<ExportQuery>,
) -> ApiResult<HttpResponse> {
    let roadmap = load(&state, &user, id.into_inner()).await?;
    let accept_language = req
        .headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok());
    let lang = state.texts.choose(query.lang.as_deref(), accept_language);
    let headings = Headings {
        sheet: state.texts.get(lang, "export-sheet"),
        columns: COLUMNS.map(|column| {
            state
                .texts
                .get(lang, &format!("export-{}", column.replace('_', "-")))
        }),
    };
    let name = file_name(&roadmap, "xlsx");
    let bytes = web::block(move || xlsx(&roadmap, &headings))
        .await?
        .map_err(ApiError::internal)?;
    Ok(HttpResponse::Ok()
        .content_type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{name}\""),
        ))
        .body(bytes))
}

/// The workbook's words for people, in the language asked for.
struct Headings {
    sheet: String,
    /// One per entry of [`COLUMNS`].
    columns: [String; 14],
}

fn xlsx(roadmap: &Roadmap, headings: &Headings) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name(&headings.sheet)?;
    let bold = Format::new().set_bold();
    let money = Format::new().set_num_format("#,##0.00");
    for (col, title) in (0u16..).zip(&headings.columns) {
        sheet.write_string_with_format(0, col, title, &bold)?;
    }
    for (row, cells) in (1u32..).zip(rows(roadmap)) {
        for (col, cell) in (0u16..).zip(cells.iter()) {
            // Amounts are numbers in the sheet (so it can sum them); hundredths are exact in a double.
            let is_amount = matches!(COLUMNS[usize::from(col)], "budget" | "secured" | "gap");
            match parse_amount(cell, "").ok().filter(|_| is_amount) {
                Some(cents) => {
                    sheet.write_number_with_format(row, col, cents.0 as f64 / 100.0, &money)?
                }
                None => sheet.write_string(row, col, cell)?,
            };
        }
    }
    sheet.autofit();
    workbook.save_to_buffer()
}
