//! Integrators' long-lived tokens. Each acts with the rights of the member who created it.

use actix_web::{HttpResponse, delete, get, post, web};
use pioneer_domain::auth::{ApiToken, NewApiToken};
use pioneer_domain::{ErrorBody, FieldError, Page, PageQuery};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, ModelTrait, QueryFilter, QueryOrder, Set,
};
use uuid::Uuid;

use crate::auth::CurrentUser;
use crate::auth::secret::{API_TOKEN_PREFIX, api_token_key, random_token, sha256_hex};
use crate::entities::api_token;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::store;
use crate::store::change_feed::Changed;

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
    let select = api_token::Entity::find().filter(api_token::Column::UserId.eq(actor.id));
    let (rows, total) = store::fetch_page(
        &state.db,
        select.order_by_desc(api_token::Column::CreatedAt),
        paging,
    )
    .await?;
    let items = rows.into_iter().map(ApiToken::from).collect();
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
    let NewApiToken { name, expires_at } = body.into_inner();
    let now = state.clock.now();
    let mut errors = Vec::new();
    let name = name.trim().to_owned();
    if name.is_empty() {
        errors.push(FieldError::new("name", "required", "name is required"));
    } else if name.chars().count() > 200 {
        errors.push(FieldError::new(
            "name",
            "too_long",
            "name is at most 200 characters",
        ));
    }
    if expires_at.is_some_and(|at| at <= now) {
        errors.push(FieldError::new(
            "expires_at",
            "in_the_past",
            "expires_at must be in the future",
        ));
    }
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    let secret = format!("{API_TOKEN_PREFIX}{}", random_token());
    let created = api_token::ActiveModel {
        id: Set(Uuid::now_v7()),
        user_id: Set(actor.id),
        name: Set(name),
        token_hash: Set(sha256_hex(&secret)),
        created_at: Set(now),
        expires_at: Set(expires_at),
        last_used_at: Set(None),
    }
    .insert(&state.db)
    .await?;
    tracing::info!(user_id = %actor.id, token_id = %created.id, "API token created");
    Ok(HttpResponse::Created().json(ApiToken {
        token: Some(secret),
        ..ApiToken::from(created)
    }))
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
    let token = api_token::Entity::find_by_id(id.into_inner())
        .filter(api_token::Column::UserId.eq(actor.id))
        .one(&state.db)
        .await?
        .ok_or_else(|| ApiError::not_found("API token"))?;
    let key = api_token_key(&token.token_hash);
    token.delete(&state.db).await?;
    state.forget_and_announce(&[Changed::ApiToken(key)]).await;
    Ok(HttpResponse::NoContent().finish())
}
