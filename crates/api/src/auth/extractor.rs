//! `CurrentUser`: the member behind the request's bearer token (access JWT or API token).
//!
//! The member is read again on every request (from the row cache, which forgets a member as soon
//! as this replica changes it, and trusts a row for at most a second), so a deactivated member
//! or a role change takes effect at once, whatever tokens are in circulation.
//!
//! A member whose role requires two-factor sign-in (`REQUIRE_TOTP_ROLES`) and who has not turned
//! it on gets 403 `totp_enrolment_required` with a session token everywhere but `/me`,
//! `/me/totp…` and `/auth/…`, until they have.

use std::future::Future;
use std::pin::Pin;

use actix_web::http::{Method, StatusCode, header};
use actix_web::{FromRequest, HttpRequest, web};
use pioneer_domain::Role;
use pioneer_domain::user::User;
use uuid::Uuid;

use super::secret::API_TOKEN_PREFIX;
use crate::error::ApiError;
use crate::state::AppState;
use crate::store;
use pioneer_domain::auth::{ApiScope, TokenUse, check_scopes};
use pioneer_domain::two_factor;
use pioneer_domain::{ErrorCode, FieldError};

/// How stale `last_used_at` of an API token may get before it is written again.
const LAST_USED_RESOLUTION: chrono::Duration = chrono::Duration::minutes(1);

#[derive(Debug, Clone)]
pub struct CurrentUser {
    pub id: Uuid,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub country_code: Option<String>,
}

impl CurrentUser {
    /// 403 unless the member runs the alliance's membership (the secretariat or an admin):
    /// `what` says what was out of reach, e.g. "background jobs".
    pub fn require_secretariat(&self, what: &str) -> Result<(), ApiError> {
        if pioneer_domain::policy::can_manage_users(self.role) {
            Ok(())
        } else {
            Err(ApiError::forbidden(format!(
                "{what} are for the secretariat"
            )))
        }
    }

    pub fn to_user(&self) -> User {
        User {
            id: self.id,
            email: self.email.clone(),
            name: self.name.clone(),
            role: self.role,
            country_code: self.country_code.clone(),
            active: true,
        }
    }
}

fn invalid_token() -> ApiError {
    ApiError::unauthorized(
        ErrorCode::InvalidToken,
        "the access token is missing, invalid or expired",
    )
}

impl FromRequest for CurrentUser {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, _: &mut actix_web::dev::Payload) -> Self::Future {
        let state = req.app_data::<web::Data<AppState>>().cloned();
        let token_use = token_use(req);
        let open_before_enrolment = open_before_enrolment(req.path());
        let bearer = req
            .headers()
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| {
                v.strip_prefix("Bearer ")
                    .or_else(|| v.strip_prefix("bearer "))
            })
            .map(|t| t.trim().to_owned());
        Box::pin(async move {
            let state = state
                .ok_or_else(|| ApiError::internal(anyhow::anyhow!("application state missing")))?;
            let token = bearer.ok_or_else(|| {
                ApiError::unauthorized(
                    ErrorCode::MissingToken,
                    "sign in: send `Authorization: Bearer <token>`",
                )
            })?;
            let (user, session) = if token.starts_with(API_TOKEN_PREFIX) {
                (user_of_api_token(&state, &token, token_use).await?, false)
            } else {
                let claims = state
                    .jwt
                    .verify(&token, state.clock.now())
                    .map_err(|_| invalid_token())?;
                (member(&state, claims.sub).await?, true)
            };
            if !user.active {
                return Err(ApiError::unauthorized(
                    ErrorCode::AccountDisabled,
                    "this account has been deactivated",
                ));
            }
            if session && !open_before_enrolment {
                check_enrolment(&state, &user).await?;
            }
            Ok(CurrentUser {
                id: user.id,
                email: user.email,
                name: user.name,
                role: user.role,
                country_code: user.country_code,
            })
        })
    }
}

/// What a session of a member who must still turn two-factor sign-in on may reach: who they
/// are, the enrolment itself, and signing in and out.
fn open_before_enrolment(path: &str) -> bool {
    path == "/api/v1/me"
        || path == "/api/v1/me/totp"
        || path.starts_with("/api/v1/me/totp/")
        || path.starts_with("/api/v1/auth/")
}

/// 403 `totp_enrolment_required` when the member's role requires two-factor sign-in
/// (`REQUIRE_TOTP_ROLES`) and they have not turned it on yet.
async fn check_enrolment(state: &AppState, user: &User) -> Result<(), ApiError> {
    let required = &state.config.require_totp_roles;
    if !two_factor::required_for(user.role, required) {
        return Ok(());
    }
    let enabled = store::two_factor::enabled_cached(&state.rows, &state.db, user.id).await?;
    if two_factor::must_enrol(user.role, required, enabled) {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            ErrorCode::TotpEnrolmentRequired,
            "your role requires two-factor sign-in: turn it on first (POST /api/v1/me/totp)",
        ));
    }
    Ok(())
}

/// What the request asks of an API token: the one write a scope allows is an indicator value.
fn token_use(req: &HttpRequest) -> TokenUse {
    let method = req.method();
    if method == Method::GET || method == Method::HEAD {
        TokenUse::Read
    } else if method == Method::PUT
        && req
            .match_pattern()
            .is_some_and(|p| p.ends_with("/reports/{id}/indicators/{indicator_id}"))
    {
        TokenUse::PushIndicatorValue
    } else {
        TokenUse::OtherWrite
    }
}

/// 403 `insufficient_scope` unless the token's scopes cover the request.
fn check_token_scopes(scopes: &[ApiScope], token_use: TokenUse) -> Result<(), ApiError> {
    check_scopes(scopes, token_use).map_err(|missing| {
        let message = match missing {
            Some(scope) => format!("this API token lacks the scope `{}`", scope.as_str()),
            None => "API tokens cannot make this change: sign in as a member".to_owned(),
        };
        let mut error = ApiError::new(StatusCode::FORBIDDEN, ErrorCode::InsufficientScope, message);
        if let Some(scope) = missing {
            error = error.with_details(vec![FieldError::new(
                "scopes",
                scope.as_str(),
                "the scope this request needs",
            )]);
        }
        error
    })
}

/// The member behind an API token, if its scopes cover `token_use`. The token's row and the
/// member's come from the row cache, so an integrator's requests cost no query for them;
/// revoking a token forgets its row.
async fn user_of_api_token(
    state: &AppState,
    token: &str,
    token_use: TokenUse,
) -> Result<User, ApiError> {
    let now = state.clock.now();
    let api_token = store::tokens::find_api_token_cached(&state.rows, &state.db, token)
        .await?
        .ok_or_else(invalid_token)?;
    if api_token.expires_at.is_some_and(|at| at <= now) {
        return Err(ApiError::unauthorized(
            ErrorCode::TokenExpired,
            "this API token has expired",
        ));
    }
    check_token_scopes(&api_token.scopes(), token_use)?;
    if api_token
        .last_used_at
        .is_none_or(|at| now - at > LAST_USED_RESOLUTION)
    {
        let write = state.write(api_token.user_id).await?;
        store::tokens::touch_api_token(write, &api_token).await?;
    }
    member(state, api_token.user_id).await
}

/// The member a token names, from the row cache; gone, the token is worth nothing.
async fn member(state: &AppState, id: Uuid) -> Result<User, ApiError> {
    store::users::find_cached(&state.rows, &state.db, id)
        .await?
        .ok_or_else(invalid_token)
}
