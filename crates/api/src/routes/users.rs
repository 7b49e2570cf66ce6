//! Membership, run by admins and the secretariat.

use actix_web::{HttpResponse, get, patch, post, web};
use pioneer_domain::user::{
    NewUser, User, UserPatch, check_role_country, parse_country_code, parse_name,
};
use pioneer_domain::{ErrorBody, FieldError, Page, PageQuery, Role, policy};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder, Set,
};
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;

use crate::auth::{CurrentUser, password};
use crate::entities::user;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::store;
use crate::store::StoreResult;
use crate::store::change_feed::Changed;
use pioneer_domain::ErrorCode;

fn require_user_manager(actor: &CurrentUser) -> ApiResult<()> {
    if policy::can_manage_users(actor.role) {
        Ok(())
    } else {
        Err(ApiError::forbidden(
            "only admins and the secretariat manage users",
        ))
    }
}

fn require_role_manager(actor: &CurrentUser, role: Role) -> ApiResult<()> {
    if policy::can_manage_role(actor.role, role) {
        Ok(())
    } else {
        Err(ApiError::forbidden(format!(
            "your role cannot manage {role} accounts"
        )))
    }
}

async fn require_known_country(state: &AppState, code: Option<&str>) -> ApiResult<()> {
    match code {
        Some(code) if !store::country_exists(&state.db, code).await? => {
            Err(ApiError::field(FieldError::new(
                "country_code",
                "unknown_country",
                format!("no country has the code {code}"),
            )))
        }
        _ => Ok(()),
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UserFilter {
    /// Only users with this role.
    pub role: Option<Role>,
    /// Only users of this country (ISO alpha-3).
    pub country: Option<String>,
    /// Only active (`true`) or deactivated (`false`) users.
    pub active: Option<bool>,
}

/// Members, sorted by e-mail. Admins and the secretariat only.
#[utoipa::path(
    tag = "users",
    security(("bearer" = [])),
    params(PageQuery, UserFilter),
    responses((status = 200, body = Page<User>), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody))
)]
#[get("/users")]
pub async fn list_users(
    state: web::Data<AppState>,
    actor: CurrentUser,
    paging: web::Query<PageQuery>,
    filter: web::Query<UserFilter>,
) -> ApiResult<HttpResponse> {
    require_user_manager(&actor)?;
    let paging = paging.into_inner().parse().map_err(ApiError::validation)?;
    let mut select = user::Entity::find();
    if let Some(role) = filter.role {
        select = select.filter(user::Column::Role.eq(role.as_str()));
    }
    if let Some(country) = &filter.country {
        select = select.filter(store::country_is(
            user::Column::CountryCode,
            store::country_code(country),
        ));
    }
    if let Some(active) = filter.active {
        select = select.filter(user::Column::Active.eq(active));
    }
    let (rows, total) =
        store::fetch_page(&state.db, select.order_by_asc(user::Column::Email), paging).await?;
    let items = rows
        .into_iter()
        .map(store::user_dto)
        .collect::<StoreResult<Vec<_>>>()?;
    Ok(HttpResponse::Ok().json(Page::new(items, total, paging)))
}

/// Creates a member. The secretariat cannot create admins.
#[utoipa::path(
    tag = "users",
    security(("bearer" = [])),
    request_body = NewUser,
    responses(
        (status = 201, body = User),
        (status = 403, body = ErrorBody),
        (status = 409, description = "The e-mail is already registered", body = ErrorBody),
        (status = 422, body = ErrorBody),
    )
)]
#[post("/users")]
pub async fn create_user(
    state: web::Data<AppState>,
    actor: CurrentUser,
    body: web::Json<NewUser>,
) -> ApiResult<HttpResponse> {
    require_user_manager(&actor)?;
    let new_user = body.into_inner();
    require_role_manager(&actor, new_user.role)?;
    let valid = new_user.validate().map_err(ApiError::validation)?;
    require_known_country(&state, valid.country_code.as_deref()).await?;
    let hash = password::hash_blocking(new_user.password).await?;
    let created = store::insert_user(
        &state.db,
        valid.email.as_str(),
        &valid.name,
        valid.role,
        valid.country_code,
        hash,
        state.clock.now(),
    )
    .await?
    .ok_or_else(|| {
        ApiError::conflict(
            ErrorCode::EmailTaken,
            "a user with this e-mail already exists",
        )
    })?;
    tracing::info!(actor = %actor.id, user_id = %created.id, role = %valid.role, "user created");
    Ok(HttpResponse::Created().json(store::user_dto(created)?))
}

async fn find_user(state: &AppState, id: Uuid) -> ApiResult<user::Model> {
    user::Entity::find_by_id(id)
        .one(&state.db)
        .await?
        .ok_or_else(|| ApiError::not_found("user"))
}

/// One member.
#[utoipa::path(
    tag = "users",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    responses((status = 200, body = User), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody))
)]
#[get("/users/{id}")]
pub async fn get_user(
    state: web::Data<AppState>,
    actor: CurrentUser,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    require_user_manager(&actor)?;
    Ok(HttpResponse::Ok().json(store::user_dto(find_user(&state, id.into_inner()).await?)?))
}

/// Changes a member's name, role, country or whether the account is active. Deactivating an
/// account ends its sessions at once. Nobody changes their own role or deactivates themselves.
#[utoipa::path(
    tag = "users",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    request_body = UserPatch,
    responses(
        (status = 200, body = User),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody),
    )
)]
#[patch("/users/{id}")]
pub async fn update_user(
    state: web::Data<AppState>,
    actor: CurrentUser,
    id: web::Path<Uuid>,
    body: web::Json<UserPatch>,
) -> ApiResult<HttpResponse> {
    require_user_manager(&actor)?;
    let patch = body.into_inner();
    let existing = find_user(&state, id.into_inner()).await?;
    let current_role = existing
        .role
        .parse::<Role>()
        .map_err(|e| ApiError::internal(anyhow::anyhow!("stored {e}")))?;
    require_role_manager(&actor, current_role)?;
    let own_account = existing.id == actor.id;
    if own_account && (patch.role.is_some_and(|r| r != current_role) || patch.active == Some(false))
    {
        return Err(ApiError::forbidden(
            "you cannot change your own role or deactivate your own account",
        ));
    }

    let role = patch.role.unwrap_or(current_role);
    require_role_manager(&actor, role)?;
    let mut errors = Vec::new();
    let name = match &patch.name {
        Some(raw) => parse_name(raw).map_err(|e| errors.push(e)).ok(),
        None => None,
    };
    let country_code = match &patch.country_code {
        // Absent: keep the country, unless the new role carries none.
        None if !role.is_country_role() => None,
        None => existing.country_code.clone(),
        Some(None) => None,
        Some(Some(raw)) => parse_country_code(raw).map_err(|e| errors.push(e)).ok(),
    };
    if errors.is_empty()
        && let Err(e) = check_role_country(role, country_code.as_deref())
    {
        errors.push(e);
    }
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    require_known_country(&state, country_code.as_deref()).await?;

    let now = state.clock.now();
    let deactivating = existing.active && patch.active == Some(false);
    let mut model = existing.into_active_model();
    if let Some(name) = name {
        model.name = Set(name);
    }
    model.role = Set(role.as_str().to_owned());
    model.country_code = Set(country_code);
    if let Some(active) = patch.active {
        model.active = Set(active);
    }
    model.updated_at = Set(now);
    let (_turn, txn) = crate::db::begin_write(&state.db).await?;
    let updated = model.update(&txn).await?;
    if deactivating {
        store::revoke_user_refresh_tokens(&txn, updated.id, now).await?;
    }
    let committed = txn.commit().await;
    state.rows.users.forget(updated.id);
    committed?;
    state.announce(&[Changed::User(updated.id)]).await;
    tracing::info!(actor = %actor.id, user_id = %updated.id, "user updated");
    Ok(HttpResponse::Ok().json(store::user_dto(updated)?))
}
