//! Integrators' long-lived tokens. Each acts with the rights of the member who created it.

use actix_web::{HttpResponse, delete, get, post, web};
use pioneer_domain::auth::{ApiToken, NewApiToken};
use pioneer_domain::{ErrorBody, Page, PageQuery};
use uuid::Uuid;

use crate::auth::CurrentUser;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::store;

/// The caller's API tokens, newest first (secrets are never shown again).
#[utoipa::path(
    tag = "api-tokens",
    security(("bearer" = [])),
    params(PageQuery),
    responses((status = 200, body = Page<ApiToken>), (status = 401, body = ErrorBody))
)]
#[get("/api-tokens")]
pub async fn list_api_tokens(
    state: web::Data<AppState>,
    actor: CurrentUser,
    paging: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let paging = paging.into_inner().parse().map_err(ApiError::validation)?;
    let (items, total) = store::tokens::list_api_tokens(&state.db, actor.id, paging).await?;
    Ok(HttpResponse::Ok().json(Page::new(items, total, paging)))
}

/// Creates an API token. The answer carries the secret `token`: it is shown this once.
#[utoipa::path(
    tag = "api-tokens",
    security(("bearer" = [])),
    request_body = NewApiToken,
    responses((status = 201, body = ApiToken), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody))
)]
#[post("/api-tokens")]
pub async fn create_api_token(
    state: web::Data<AppState>,
    actor: CurrentUser,
    body: web::Json<NewApiToken>,
) -> ApiResult<HttpResponse> {
    let now = state.clock.now();
    let valid = body.validate(now).map_err(ApiError::validation)?;
    let created = store::tokens::create_api_token(&state.db, actor.id, valid, now).await?;
    tracing::info!(user_id = %actor.id, token_id = %created.id, "API token created");
    Ok(HttpResponse::Created().json(created))
}

/// Revokes one of the caller's API tokens; it stops working at once (on other replicas, within
/// `ROW_CACHE_MAX_AGE_MS`).
#[utoipa::path(
    tag = "api-tokens",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    responses((status = 204, description = "Revoked"), (status = 404, body = ErrorBody))
)]
#[delete("/api-tokens/{id}")]
pub async fn delete_api_token(
    state: web::Data<AppState>,
    actor: CurrentUser,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let write = state.write(actor.id).await?;
    if !store::tokens::delete_api_token(write, id.into_inner()).await? {
        return Err(ApiError::not_found("API token"));
    }
    Ok(HttpResponse::NoContent().finish())
}
