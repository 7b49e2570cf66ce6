//! Expressions of interest: the public form, and the secretariat's queue and decisions.

use actix_multipart::Multipart;
use actix_web::http::StatusCode;
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use futures_util::StreamExt;
use pioneer_domain::membership::application::{
    ApplicationForm, ApplicationReceipt, ApplicationStatus, DecisionRequest, LetterCheck,
    MembershipApplication, check_letter,
};
use pioneer_domain::review::{DocumentKind, HistoryEntry};
use pioneer_domain::{ErrorBody, ErrorCode, FieldError, Page, PageQuery};
use serde::Deserialize;
use uuid::Uuid;

use super::uploads::{attachment, clean_file_name, missing, multipart_error, read_part, too_large};
use crate::applications;
use crate::auth::CurrentUser;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::store;

/// The application's JSON part is small; anything larger is not a form.
const MAX_APPLICATION_JSON: usize = 64 * 1024;

const APPLICATION_PARTS: &str = "the parts `application` and `letter`";

/// A country's expression of interest (no account needed): the form as the JSON part
/// `application`, the signed letter as the PDF part `letter`. The letter's type is read from its
/// bytes. Limited per address; the nominated focal point gets an acknowledgment by mail.
#[utoipa::path(
    tag = "membership",
    request_body(content = crate::schemas::ApplicationUpload, content_type = "multipart/form-data"),
    responses(
        (status = 201, body = ApplicationReceipt),
        (status = 400, description = "A part is missing, or the JSON part does not parse", body = ErrorBody),
        (status = 413, description = "The letter is over 5 MB", body = ErrorBody),
        (status = 415, description = "Not multipart, or the letter is not a PDF", body = ErrorBody),
        (status = 422, description = "A field is invalid", body = ErrorBody),
        (status = 429, description = "Too many applications from this address; see `Retry-After`", body = ErrorBody),
    )
)]
#[post("/membership-applications")]
pub async fn create_membership_application(
    state: web::Data<AppState>,
    req: HttpRequest,
    mut body: Multipart,
) -> ApiResult<HttpResponse> {
    let ip = req.peer_addr().map(|addr| addr.ip());
    let sender = ip.map_or_else(String::new, |ip| ip.to_string());
    state
        .application_limiter
        .check(&sender, ip)
        .map_err(|wait| {
            crate::metrics::rate_limited("membership_application");
            ApiError::rate_limited(wait)
        })?;
    let max_letter = state.config.max_letter_bytes;
    let mut form: Option<ApplicationForm> = None;
    let mut letter: Option<(String, Vec<u8>)> = None;
    while let Some(field) = body.next().await {
        let mut field = field.map_err(|e| multipart_error(&e, APPLICATION_PARTS))?;
        match field.name() {
            Some("application") => {
                let bytes = read_part(&mut field, "application", MAX_APPLICATION_JSON).await?;
                let parsed = serde_json::from_slice::<ApplicationForm>(&bytes).map_err(|e| {
                    if e.is_data() {
                        ApiError::new(
                            StatusCode::UNPROCESSABLE_ENTITY,
                            ErrorCode::InvalidBody,
                            format!("the part `application` does not fit: {e}"),
                        )
                    } else {
                        ApiError::bad_request(
                            ErrorCode::MalformedJson,
                            format!("the part `application` is not valid JSON: {e}"),
                        )
                    }
                })?;
                form = Some(parsed);
            }
            Some("letter") => {
                let name = clean_file_name(
                    field.content_disposition().and_then(|d| d.get_filename()),
                    "letter.pdf",
                );
                let bytes = read_part(&mut field, "letter", max_letter).await?;
                letter = Some((name, bytes));
            }
            other => {
                return Err(ApiError::bad_request(
                    ErrorCode::InvalidBody,
                    format!(
                        "unexpected part `{}`: send `application` and `letter`",
                        other.unwrap_or("")
                    ),
                ));
            }
        }
    }
    let form = form.ok_or_else(|| missing("application"))?;
    let (letter_name, letter) = letter.ok_or_else(|| missing("letter"))?;
    if form.is_from_a_robot() {
        // Answered like a success, so that the robot learns nothing; nothing is stored or sent.
        tracing::info!("membership application with the honeypot filled: dropped");
        return Ok(HttpResponse::Created().json(ApplicationReceipt {
            id: Uuid::now_v7(),
            status: ApplicationStatus::Received,
        }));
    }
    let valid = form.validate().map_err(ApiError::validation)?;
    match check_letter(&letter) {
        LetterCheck::Pdf if letter.len() <= max_letter => {}
        LetterCheck::TooLarge | LetterCheck::Pdf => return Err(too_large("letter", max_letter)),
        LetterCheck::Empty => {
            return Err(ApiError::field(FieldError::new(
                "letter",
                "required",
                "the letter is empty",
            )));
        }
        LetterCheck::NotPdf => {
            return Err(ApiError::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                ErrorCode::UnsupportedMediaType,
                "the letter must be a PDF",
            )
            .with_details(vec![FieldError::new(
                "letter",
                "not_pdf",
                "the file is not a PDF",
            )]));
        }
    }
    let receipt = applications::submit(&state, valid, &letter_name, letter).await?;
    Ok(HttpResponse::Created().json(receipt))
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ApplicationQuery {
    pub status: Option<ApplicationStatus>,
}

/// The secretariat's queue: applications of a status (those received, oldest first).
#[utoipa::path(
    tag = "membership",
    security(("bearer" = [])),
    params(ApplicationQuery, PageQuery),
    responses((status = 200, body = Page<MembershipApplication>), (status = 403, body = ErrorBody))
)]
#[get("/membership-applications")]
pub async fn list_membership_applications(
    state: web::Data<AppState>,
    user: CurrentUser,
    query: web::Query<ApplicationQuery>,
    paging: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    user.require_secretariat("membership applications")?;
    let paging = paging.into_inner().parse().map_err(ApiError::validation)?;
    let (items, total) = store::membership::page(&state.db, query.status, paging).await?;
    Ok(HttpResponse::Ok().json(Page::new(items, total, paging)))
}

#[utoipa::path(
    tag = "membership",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    responses((status = 200, body = MembershipApplication), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody))
)]
#[get("/membership-applications/{id}")]
pub async fn get_membership_application(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    user.require_secretariat("membership applications")?;
    let application = store::membership::find_view(&state.db, id.into_inner())
        .await?
        .ok_or_else(|| ApiError::not_found("membership application"))?;
    Ok(HttpResponse::Ok().json(application))
}

/// The signed letter, as an attachment.
#[utoipa::path(
    tag = "membership",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    responses(
        (status = 200, content_type = "application/pdf", body = inline(crate::schemas::Binary)),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody)
    )
)]
#[get("/membership-applications/{id}/letter")]
pub async fn get_membership_application_letter(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    user.require_secretariat("membership applications")?;
    let id = id.into_inner();
    let application = store::membership::find(&state.db, id)
        .await?
        .ok_or_else(|| ApiError::not_found("membership application"))?;
    let bytes = store::membership::letter(&state.db, id)
        .await?
        .ok_or_else(|| ApiError::not_found("letter"))?;
    Ok(HttpResponse::Ok()
        .content_type("application/pdf")
        .insert_header(attachment(&application.letter_name))
        .insert_header((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .body(bytes))
}

/// What happened to the application: the decision, the invitation, the account.
#[utoipa::path(
    tag = "membership",
    security(("bearer" = [])),
    params(("id" = Uuid, Path), PageQuery),
    responses((status = 200, body = Page<HistoryEntry>), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody))
)]
#[get("/membership-applications/{id}/history")]
pub async fn list_membership_application_history(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
    paging: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    user.require_secretariat("membership applications")?;
    let paging = paging.into_inner().parse().map_err(ApiError::validation)?;
    let id = id.into_inner();
    if store::membership::find(&state.db, id).await?.is_none() {
        return Err(ApiError::not_found("membership application"));
    }
    let page = store::history::page(
        &state.db,
        DocumentKind::MembershipApplication,
        id,
        &[],
        paging,
    )
    .await?;
    Ok(HttpResponse::Ok().json(page))
}

/// Accepts or declines (with a message, required to decline). Accepting makes the country a
/// pioneer from `joined_on` (the day of the decision by default), invites the nominated focal
/// point (or links their existing account) and tells the applicant.
#[utoipa::path(
    tag = "membership",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    request_body = DecisionRequest,
    responses(
        (status = 200, body = MembershipApplication),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 409, description = "Already decided (`already_decided`)", body = ErrorBody)
    )
)]
#[post("/membership-applications/{id}/decision")]
pub async fn decide_membership_application(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
    body: web::Json<DecisionRequest>,
) -> ApiResult<HttpResponse> {
    user.require_secretariat("membership applications")?;
    let decided = applications::decide(&state, &user, id.into_inner(), &body).await?;
    Ok(HttpResponse::Ok().json(decided))
}
