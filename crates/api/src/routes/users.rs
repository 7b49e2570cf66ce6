//! Membership, run by admins and the secretariat.

use actix_web::{HttpResponse, get, patch, post, web};
use pioneer_domain::user::{NewUser, User, UserPatch, check_own_account_change, unknown_country};
use pioneer_domain::{ErrorBody, Page, PageQuery, Role, policy};
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;

use crate::auth::CurrentUser;
use crate::error::{ApiError, ApiResult};
use crate::members;
use crate::state::AppState;
use crate::store;

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
        Some(code) if !store::reference::country_exists(&state.db, code).await? => {
            Err(ApiError::field(unknown_country(code)))
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
    let filter = filter.into_inner();
    let filter = store::users::UserFilter {
        role: filter.role,
        country: filter.country,
        active: filter.active,
    };
    let (items, total) = store::users::list(&state.db, &filter, paging).await?;
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
    let role = new_user.role;
    let created = members::create_user(&state.db, new_user, state.clock.now()).await?;
    tracing::info!(actor = %actor.id, user_id = %created.id, role = %role, "user created");
    Ok(HttpResponse::Created().json(created))
}

async fn find_user(state: &AppState, id: Uuid) -> ApiResult<User> {
    store::users::find(&state.db, id)
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
    Ok(HttpResponse::Ok().json(find_user(&state, id.into_inner()).await?))
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
    let member = find_user(&state, id.into_inner()).await?;
    require_role_manager(&actor, member.role)?;
    check_own_account_change(actor.id, &member, &patch)
        .map_err(|refused| ApiError::forbidden(refused.to_string()))?;
    require_role_manager(&actor, patch.role_after(&member))?;
    let change = patch.resolve(&member).map_err(ApiError::validation)?;
    require_known_country(&state, change.country_code.as_deref()).await?;
    let write = state.write(actor.id).await?;
    let updated = store::users::update(write, &member, &change).await?;
    // Their expert entry (name, presence) follows at once on this replica.
    state.search.catch_up(&state.db).await;
    tracing::info!(actor = %actor.id, user_id = %updated.id, "user updated");
    Ok(HttpResponse::Ok().json(updated))
}
