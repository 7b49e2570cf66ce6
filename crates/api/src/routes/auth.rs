//! Sign-in, token rotation, sign-out, and who am I.

use actix_web::{HttpRequest, HttpResponse, get, post, web};
use pioneer_domain::ErrorBody;
use pioneer_domain::auth::{LoginRequest, RefreshRequest, TokenResponse};
use pioneer_domain::two_factor::{LoginAnswer, TotpChallenge};
use pioneer_domain::user::User;
use uuid::Uuid;

use crate::auth::{CurrentUser, password};
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::store;
use pioneer_domain::ErrorCode;

fn invalid_credentials() -> ApiError {
    ApiError::unauthorized(
        ErrorCode::InvalidCredentials,
        "e-mail or password is incorrect",
    )
}

fn invalid_refresh() -> ApiError {
    ApiError::unauthorized(
        ErrorCode::InvalidRefreshToken,
        "the refresh token is invalid or expired; sign in again",
    )
}

pub(crate) async fn token_pair(
    state: &AppState,
    user: User,
    family_id: Uuid,
    refresh_token: Option<String>,
) -> ApiResult<TokenResponse> {
    let now = state.clock.now();
    let refresh_token = match refresh_token {
        Some(token) => token,
        None => {
            store::tokens::issue_refresh(
                &state.db,
                user.id,
                family_id,
                state.config.refresh_token_ttl,
                now,
            )
            .await?
        }
    };
    let access_token = state.jwt.issue(user.id, now).map_err(ApiError::internal)?;
    Ok(TokenResponse {
        access_token,
        refresh_token,
        token_type: "Bearer".into(),
        expires_in: state.jwt.ttl.as_secs(),
        user,
    })
}

/// Signs in with e-mail and password. A wrong e-mail and a wrong password get the same answer;
/// attempts are limited per account and per IP address. When the member has two-factor sign-in
/// on, the answer is `{totp_required: true, challenge}` instead of tokens: the sign-in goes on
/// at `POST /auth/login/totp` within five minutes.
#[utoipa::path(
    tag = "auth",
    request_body = LoginRequest,
    responses(
        (status = 200, description = "Tokens, or a two-factor challenge", body = LoginAnswer),
        (status = 401, description = "Wrong e-mail or password, or account deactivated", body = ErrorBody),
        (status = 429, description = "Too many attempts; see `Retry-After`", body = ErrorBody),
    )
)]
#[post("/auth/login")]
pub async fn login(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: web::Json<LoginRequest>,
) -> ApiResult<HttpResponse> {
    let LoginRequest { email, password } = body.into_inner();
    let email = email.trim().to_lowercase();
    let ip = req.peer_addr().map(|addr| addr.ip());
    state
        .login_limiter
        .check(&email, ip)
        .map_err(|retry_after| {
            crate::metrics::rate_limited("login");
            ApiError::rate_limited(retry_after)
        })?;

    let credentials = store::users::credentials(&state.db, &email).await?;
    // Verify against a fixed hash when the account does not exist, so that the answer takes as
    // long and says nothing about which e-mails are registered.
    let stored_hash = credentials.as_ref().map_or_else(
        || state.decoy_password_hash.clone(),
        |c| c.password_hash.clone(),
    );
    let password_ok = password::verify_blocking(password, stored_hash)
        .await
        .map_err(ApiError::internal)?;
    let (user, totp_enabled) = match credentials {
        Some(credentials) if password_ok && credentials.user.active => {
            (credentials.user, credentials.totp_enabled)
        }
        _ => {
            tracing::info!("login refused");
            crate::metrics::login_failed();
            return Err(invalid_credentials());
        }
    };
    if totp_enabled {
        let challenge = state
            .jwt
            .issue_challenge(user.id, state.clock.now())
            .map_err(ApiError::internal)?;
        tracing::info!(user_id = %user.id, "password right: second factor asked");
        let answer = LoginAnswer::TotpRequired(TotpChallenge {
            totp_required: true,
            challenge,
        });
        return Ok(HttpResponse::Ok().json(answer));
    }
    tracing::info!(user_id = %user.id, "signed in");
    Ok(HttpResponse::Ok().json(token_pair(&state, user, Uuid::now_v7(), None).await?))
}

/// Exchanges a refresh token for a new pair. Each refresh token works once; presenting a used
/// one again revokes its whole family (the signs of a stolen token).
#[utoipa::path(
    tag = "auth",
    request_body = RefreshRequest,
    responses((status = 200, body = TokenResponse), (status = 401, body = ErrorBody))
)]
#[post("/auth/refresh")]
pub async fn refresh(
    state: web::Data<AppState>,
    body: web::Json<RefreshRequest>,
) -> ApiResult<HttpResponse> {
    let now = state.clock.now();
    let presented = store::tokens::find_refresh(&state.db, body.refresh_token.trim())
        .await?
        .ok_or_else(invalid_refresh)?;
    if presented.revoked_at.is_some() || presented.expires_at <= now {
        return Err(invalid_refresh());
    }
    let reused = || async {
        tracing::warn!(family_id = %presented.family_id, user_id = %presented.user_id, "refresh token reused: family revoked");
        store::tokens::revoke_refresh_family(&state.db, presented.family_id, now).await?;
        Ok::<_, ApiError>(ApiError::unauthorized(
            ErrorCode::RefreshTokenReused,
            "this refresh token was already used; sign in again",
        ))
    };
    if presented.used_at.is_some() {
        return Err(reused().await?);
    }
    let Some(user) = store::users::find_active(&state.db, presented.user_id).await? else {
        return Err(invalid_refresh());
    };
    let Some(next) =
        store::tokens::rotate_refresh(&state.db, &presented, state.config.refresh_token_ttl, now)
            .await?
    else {
        return Err(reused().await?);
    };
    Ok(HttpResponse::Ok().json(token_pair(&state, user, presented.family_id, Some(next)).await?))
}

/// Signs out: the refresh token's family is revoked. Answers 204 whatever the token, so that
/// signing out twice is harmless.
#[utoipa::path(tag = "auth", request_body = RefreshRequest, responses((status = 204, description = "Signed out")))]
#[post("/auth/logout")]
pub async fn logout(
    state: web::Data<AppState>,
    body: web::Json<RefreshRequest>,
) -> ApiResult<HttpResponse> {
    if let Some(token) = store::tokens::find_refresh(&state.db, body.refresh_token.trim()).await? {
        store::tokens::revoke_refresh_family(&state.db, token.family_id, state.clock.now()).await?;
    }
    Ok(HttpResponse::NoContent().finish())
}

/// The signed-in member.
#[utoipa::path(
    tag = "auth",
    security(("bearer" = [])),
    responses((status = 200, body = User), (status = 401, body = ErrorBody))
)]
#[get("/me")]
pub async fn get_me(user: CurrentUser) -> HttpResponse {
    HttpResponse::Ok().json(user.to_user())
}
