//! A country's profile (public, names for members only) and its team (for its focal points and
//! the secretariat).

use actix_web::{HttpResponse, delete, get, post, web};
use pioneer_domain::ErrorBody;
use pioneer_domain::membership::profile::{CountryProfile, Handover, Team};
use pioneer_domain::review::Scope;
use uuid::Uuid;

use super::document_write::actor;
use crate::auth::CurrentUser;
use crate::error::{ApiError, ApiResult};
use crate::invitations;
use crate::state::AppState;
use crate::store;

fn code_of(raw: &str) -> ApiResult<String> {
    store::country_code(raw).ok_or_else(|| ApiError::not_found("country"))
}

/// The country in the alliance: joining date, focal points per ministry (their names for
/// members only), its current roadmap and its reports by year, as far as the reader may see.
#[utoipa::path(
    tag = "membership",
    params(("code" = String, Path, example = "KEN")),
    responses((status = 200, body = CountryProfile), (status = 404, body = ErrorBody))
)]
#[get("/countries/{code}/profile")]
pub async fn get_country_profile(
    state: web::Data<AppState>,
    user: Option<CurrentUser>,
    code: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let code = code_of(&code)?;
    let scope = user
        .as_ref()
        .map_or(Scope::Published, |u| Scope::of(&actor(u)));
    let profile = store::profiles::profile(&state.db, &code, &scope, user.is_some())
        .await?
        .ok_or_else(|| ApiError::not_found("country"))?;
    Ok(HttpResponse::Ok().json(profile))
}

/// The country's team and the invitations waiting.
#[utoipa::path(
    tag = "membership",
    security(("bearer" = [])),
    params(("code" = String, Path, example = "KEN")),
    responses((status = 200, body = Team), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody))
)]
#[get("/countries/{code}/team")]
pub async fn get_country_team(
    state: web::Data<AppState>,
    user: CurrentUser,
    code: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let code = code_of(&code)?;
    Ok(HttpResponse::Ok().json(invitations::team(&state, &user, &code).await?))
}

/// Hands the focal-point role to a contributor of the country; the focal point who hands it over
/// becomes a contributor unless `keep_role`.
#[utoipa::path(
    tag = "membership",
    security(("bearer" = [])),
    params(("code" = String, Path, example = "KEN"), ("user_id" = Uuid, Path)),
    request_body = Handover,
    responses((status = 200, body = Team), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody))
)]
#[post("/countries/{code}/team/{user_id}/handover")]
pub async fn hand_over_focal_point(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<(String, Uuid)>,
    body: web::Json<Handover>,
) -> ApiResult<HttpResponse> {
    let (code, member) = path.into_inner();
    let code = code_of(&code)?;
    Ok(HttpResponse::Ok().json(invitations::handover(&state, &user, &code, member, &body).await?))
}

/// Removes a member from the country's team: the account is deactivated and its sessions end.
#[utoipa::path(
    tag = "membership",
    security(("bearer" = [])),
    params(("code" = String, Path, example = "KEN"), ("user_id" = Uuid, Path)),
    responses((status = 204, description = "Deactivated"), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody))
)]
#[delete("/countries/{code}/team/{user_id}")]
pub async fn remove_team_member(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<(String, Uuid)>,
) -> ApiResult<HttpResponse> {
    let (code, member) = path.into_inner();
    let code = code_of(&code)?;
    invitations::remove(&state, &user, &code, member).await?;
    Ok(HttpResponse::NoContent().finish())
}
