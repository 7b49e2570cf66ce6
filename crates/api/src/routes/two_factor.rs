//! Two-factor sign-in (TOTP, RFC 6238): the second step of signing in, and turning it on and
//! off from the member's account.
//!
//! A code works once: the time step it was accepted at is kept, and a code of the same or an
//! earlier step is refused. Attempts are limited like passwords (per member and per address).

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, delete, get, post, web};
use pioneer_domain::two_factor::{
    RecoveryCodes, TotpCode, TotpLogin, TotpSetup, TotpStatus, TypedCode, may_turn_off,
    required_for,
};
use pioneer_domain::{ErrorBody, ErrorCode, FieldError};
use uuid::Uuid;

use crate::auth::{CurrentUser, totp};
use crate::error::{ApiError, ApiResult};
use crate::routes::auth::token_pair;
use crate::state::AppState;
use crate::store;
use crate::store::write::Write;

fn invalid_challenge() -> ApiError {
    ApiError::unauthorized(
        ErrorCode::InvalidChallenge,
        "the sign-in challenge is invalid or expired; sign in again",
    )
}

fn code_detail() -> Vec<FieldError> {
    vec![FieldError::new(
        "code",
        ErrorCode::InvalidTotpCode.as_str(),
        "wrong, expired or already used",
    )]
}

/// A wrong code when signing in: the sign-in is refused (401).
fn wrong_code_at_login() -> ApiError {
    ApiError::unauthorized(
        ErrorCode::InvalidTotpCode,
        "the code is wrong, expired or already used",
    )
    .with_details(code_detail())
}

/// A wrong code from a signed-in member: their session stays good (422).
fn wrong_code() -> ApiError {
    ApiError::new(
        StatusCode::UNPROCESSABLE_ENTITY,
        ErrorCode::InvalidTotpCode,
        "the code is wrong, expired or already used",
    )
    .with_details(code_detail())
}

/// Counts an attempt at a code for `user_id` against the login limits: 429 past them.
fn limit(state: &AppState, user_id: Uuid, req: &HttpRequest) -> ApiResult<()> {
    let ip = req.peer_addr().map(|addr| addr.ip());
    state
        .login_limiter
        .check(&format!("totp:{user_id}"), ip)
        .map_err(|retry_after| {
            crate::metrics::rate_limited("totp");
            ApiError::rate_limited(retry_after)
        })
}

/// Uses up `raw` for the member in `write`: six digits right for `secret` at a time step later
/// than the last one accepted, or (when `recovery` allows it) a recovery code not used yet.
async fn use_code(
    write: &mut Write,
    user_id: Uuid,
    secret: &str,
    raw: &str,
    recovery: bool,
) -> ApiResult<bool> {
    Ok(match TypedCode::parse(raw) {
        Some(TypedCode::Totp(code)) => match totp::matching_step(secret, &code, write.now) {
            Some(step) => store::two_factor::accept_step(write, user_id, step).await?,
            None => false,
        },
        Some(TypedCode::Recovery(code)) if recovery => {
            store::two_factor::use_recovery_code(write, user_id, &code).await?
        }
        _ => false,
    })
}

/// Completes a sign-in with the challenge `POST /auth/login` answered and a code from the
/// member's app, or one of their recovery codes; answers tokens like `POST /auth/login`. A code
/// works once; attempts are limited per member and per IP address.
#[utoipa::path(
    tag = "auth",
    request_body = TotpLogin,
    responses(
        (status = 200, body = pioneer_domain::auth::TokenResponse),
        (status = 401, description = "Wrong, expired or reused code (`invalid_totp_code`), or an invalid or expired challenge (`invalid_challenge`)", body = ErrorBody),
        (status = 429, description = "Too many attempts; see `Retry-After`", body = ErrorBody),
    )
)]
#[post("/auth/login/totp")]
pub async fn login_totp(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: web::Json<TotpLogin>,
) -> ApiResult<HttpResponse> {
    let TotpLogin { challenge, code } = body.into_inner();
    let user_id = state
        .jwt
        .verify_challenge(challenge.trim(), state.clock.now())
        .map_err(|_| invalid_challenge())?;
    limit(&state, user_id, &req)?;
    let Some(current) = store::two_factor::state_of(&state.db, user_id).await? else {
        return Err(invalid_challenge());
    };
    let user = store::users::to_user(&current.user)?;
    // Turned off, or the account deactivated, since the password was checked.
    let Some(secret) = current.user.totp_secret.filter(|_| user.active) else {
        return Err(invalid_challenge());
    };
    let mut write = state.write(user_id).await?;
    if !use_code(&mut write, user_id, &secret, &code, true).await? {
        drop(write);
        tracing::info!(user_id = %user_id, "second factor refused");
        crate::metrics::login_failed();
        return Err(wrong_code_at_login());
    }
    write.commit().await?;
    tracing::info!(user_id = %user_id, "signed in with a second factor");
    Ok(HttpResponse::Ok().json(token_pair(&state, user, Uuid::now_v7(), None).await?))
}

/// Where the member stands: on or off, required by their role, recovery codes left.
#[utoipa::path(
    tag = "auth",
    security(("bearer" = [])),
    responses((status = 200, body = TotpStatus), (status = 401, body = ErrorBody))
)]
#[get("/me/totp")]
pub async fn get_totp(state: web::Data<AppState>, actor: CurrentUser) -> ApiResult<HttpResponse> {
    let current = store::two_factor::state_of(&state.db, actor.id)
        .await?
        .ok_or_else(|| ApiError::not_found("member"))?;
    Ok(HttpResponse::Ok().json(TotpStatus {
        enabled: current.user.totp_secret.is_some(),
        required: required_for(actor.role, &state.config.require_totp_roles),
        recovery_codes_left: u32::try_from(current.recovery_codes_left).unwrap_or(u32::MAX),
    }))
}

/// Starts turning two-factor sign-in on: a new secret, with its `otpauth://` address and that
/// address as a QR code (SVG), to add to an authenticator app. Nothing changes at sign-in until
/// `POST /me/totp/confirm` proves the app has it; asking again replaces the secret.
#[utoipa::path(
    tag = "auth",
    security(("bearer" = [])),
    responses(
        (status = 200, body = TotpSetup),
        (status = 401, body = ErrorBody),
        (status = 409, description = "Already on (`totp_already_enabled`): turn it off first", body = ErrorBody),
    )
)]
#[post("/me/totp")]
pub async fn create_totp(
    state: web::Data<AppState>,
    actor: CurrentUser,
) -> ApiResult<HttpResponse> {
    let current = store::two_factor::state_of(&state.db, actor.id)
        .await?
        .ok_or_else(|| ApiError::not_found("member"))?;
    if current.user.totp_secret.is_some() {
        return Err(already_enabled());
    }
    let secret = totp::new_secret();
    let (otpauth_url, qr_svg) =
        totp::enrolment(&secret, &actor.email).map_err(ApiError::internal)?;
    let mut write = state.write(actor.id).await?;
    store::two_factor::set_pending(&mut write, actor.id, &secret).await?;
    write.commit().await?;
    Ok(HttpResponse::Ok().json(TotpSetup {
        secret,
        otpauth_url,
        qr_svg,
    }))
}

fn already_enabled() -> ApiError {
    ApiError::conflict(
        ErrorCode::TotpAlreadyEnabled,
        "two-factor sign-in is already on",
    )
}

/// Turns two-factor sign-in on with a code from the app that has the new secret; answers ten
/// recovery codes, shown this once (each signs in once, instead of a code, when the app is
/// lost). From now on, signing in asks for a code.
#[utoipa::path(
    tag = "auth",
    security(("bearer" = [])),
    request_body = TotpCode,
    responses(
        (status = 200, body = RecoveryCodes),
        (status = 401, body = ErrorBody),
        (status = 409, description = "Already on (`totp_already_enabled`), or no secret to confirm (`totp_not_started`)", body = ErrorBody),
        (status = 422, description = "Wrong or expired code (`invalid_totp_code`)", body = ErrorBody),
        (status = 429, description = "Too many attempts; see `Retry-After`", body = ErrorBody),
    )
)]
#[post("/me/totp/confirm")]
pub async fn confirm_totp(
    state: web::Data<AppState>,
    req: HttpRequest,
    actor: CurrentUser,
    body: web::Json<TotpCode>,
) -> ApiResult<HttpResponse> {
    limit(&state, actor.id, &req)?;
    let current = store::two_factor::state_of(&state.db, actor.id)
        .await?
        .ok_or_else(|| ApiError::not_found("member"))?;
    if current.user.totp_secret.is_some() {
        return Err(already_enabled());
    }
    let Some(pending) = current.user.totp_pending_secret else {
        return Err(ApiError::conflict(
            ErrorCode::TotpNotStarted,
            "there is no secret to confirm: start with POST /api/v1/me/totp",
        ));
    };
    let step = match TypedCode::parse(&body.code) {
        Some(TypedCode::Totp(code)) => totp::matching_step(&pending, &code, state.clock.now()),
        _ => None,
    }
    .ok_or_else(wrong_code)?;
    let recovery_codes = totp::recovery_codes();
    let mut write = state.write(actor.id).await?;
    if !store::two_factor::enable(&mut write, actor.id, &pending, step, &recovery_codes).await? {
        return Err(already_enabled());
    }
    write.commit().await?;
    tracing::info!(user_id = %actor.id, "two-factor sign-in turned on");
    Ok(HttpResponse::Ok().json(RecoveryCodes { recovery_codes }))
}

/// Turns two-factor sign-in off, with a current code (or a recovery code); the secret and the
/// recovery codes are gone. Refused when the member's role requires it.
#[utoipa::path(
    tag = "auth",
    security(("bearer" = [])),
    request_body = TotpCode,
    responses(
        (status = 204, description = "Turned off"),
        (status = 401, body = ErrorBody),
        (status = 403, description = "The member's role requires it (`totp_required`)", body = ErrorBody),
        (status = 409, description = "It is not on (`totp_not_enabled`)", body = ErrorBody),
        (status = 422, description = "Wrong, expired or reused code (`invalid_totp_code`)", body = ErrorBody),
        (status = 429, description = "Too many attempts; see `Retry-After`", body = ErrorBody),
    )
)]
#[delete("/me/totp")]
pub async fn delete_totp(
    state: web::Data<AppState>,
    req: HttpRequest,
    actor: CurrentUser,
    body: web::Json<TotpCode>,
) -> ApiResult<HttpResponse> {
    if !may_turn_off(actor.role, &state.config.require_totp_roles) {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            ErrorCode::TotpRequired,
            "your role requires two-factor sign-in: it cannot be turned off",
        ));
    }
    limit(&state, actor.id, &req)?;
    let current = store::two_factor::state_of(&state.db, actor.id)
        .await?
        .ok_or_else(|| ApiError::not_found("member"))?;
    let Some(secret) = current.user.totp_secret else {
        return Err(ApiError::conflict(
            ErrorCode::TotpNotEnabled,
            "two-factor sign-in is not on",
        ));
    };
    let mut write = state.write(actor.id).await?;
    if !use_code(&mut write, actor.id, &secret, &body.code, true).await? {
        return Err(wrong_code());
    }
    store::two_factor::disable(&mut write, actor.id).await?;
    write.commit().await?;
    tracing::info!(user_id = %actor.id, "two-factor sign-in turned off");
    Ok(HttpResponse::NoContent().finish())
}
