//! Invitations by mail, and password resets: the links a mail carries and what they do.

use actix_web::{HttpRequest, HttpResponse, delete, get, post, web};
use pioneer_domain::ErrorBody;
use pioneer_domain::auth::TokenResponse;
use pioneer_domain::membership::invitation::{
    AcceptInvitation, Invitation, InvitationView, NewInvitation, NewPassword, PasswordResetRequest,
};
use uuid::Uuid;

use crate::auth::CurrentUser;
use crate::error::ApiResult;
use crate::invitations;
use crate::state::AppState;

/// Invites someone by mail with a role: admins anyone, the secretariat anyone but an admin, a
/// country's focal points their own country's team. The link works once, for 14 days.
#[utoipa::path(
    tag = "membership",
    security(("bearer" = [])),
    request_body = NewInvitation,
    responses(
        (status = 201, body = Invitation),
        (status = 403, body = ErrorBody),
        (status = 409, description = "The address already has an account (`email_taken`)", body = ErrorBody)
    )
)]
#[post("/invitations")]
pub async fn create_invitation(
    state: web::Data<AppState>,
    user: CurrentUser,
    body: web::Json<NewInvitation>,
) -> ApiResult<HttpResponse> {
    let invitation = invitations::invite(&state, &user, &body).await?;
    Ok(HttpResponse::Created().json(invitation))
}

/// Withdraws an invitation that was not accepted yet. The path names it by its `id` (as
/// `POST /invitations` answered it); it shares its shape with the link's `GET`, hence the name.
#[utoipa::path(
    tag = "membership",
    security(("bearer" = [])),
    params(("token" = Uuid, Path, description = "The invitation's id")),
    responses((status = 204, description = "Withdrawn"), (status = 404, body = ErrorBody), (status = 410, description = "Already accepted", body = ErrorBody))
)]
#[delete("/invitations/{token}")]
pub async fn delete_invitation(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    invitations::withdraw(&state, &user, id.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// What an invitation link is for (no account needed: the token is the key).
#[utoipa::path(
    tag = "membership",
    params(("token" = String, Path)),
    responses(
        (status = 200, body = InvitationView),
        (status = 404, body = ErrorBody),
        (status = 410, description = "Expired (`link_expired`) or already used (`link_used`)", body = ErrorBody)
    )
)]
#[get("/invitations/{token}")]
pub async fn get_invitation(
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(invitations::view(&state, &token).await?))
}

/// Accepts an invitation: the account is made with this name and password, and signed in.
#[utoipa::path(
    tag = "membership",
    params(("token" = String, Path)),
    request_body = AcceptInvitation,
    responses(
        (status = 200, body = TokenResponse),
        (status = 404, body = ErrorBody),
        (status = 409, description = "The address got an account meanwhile (`email_taken`)", body = ErrorBody),
        (status = 410, description = "Expired (`link_expired`) or already used (`link_used`)", body = ErrorBody)
    )
)]
#[post("/invitations/{token}/accept")]
pub async fn accept_invitation(
    state: web::Data<AppState>,
    token: web::Path<String>,
    body: web::Json<AcceptInvitation>,
) -> ApiResult<HttpResponse> {
    let tokens = invitations::accept(&state, &token, body.into_inner()).await?;
    Ok(HttpResponse::Ok().json(tokens))
}

/// Sends a password-reset link to the address if it is a member's. The answer is the same
/// whether or not it is; attempts are limited per address and per IP.
#[utoipa::path(
    tag = "auth",
    request_body = PasswordResetRequest,
    responses(
        (status = 202, description = "If the address is a member's, a link is on its way"),
        (status = 429, body = ErrorBody)
    )
)]
#[post("/password-resets")]
pub async fn create_password_reset(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: web::Json<PasswordResetRequest>,
) -> ApiResult<HttpResponse> {
    let ip = req.peer_addr().map(|addr| addr.ip());
    invitations::request_reset(&state, &body, ip).await?;
    Ok(HttpResponse::Accepted().json(serde_json::json!({})))
}

/// Sets a new password through a reset link (once, within the hour); every session of the
/// account ends.
#[utoipa::path(
    tag = "auth",
    params(("token" = String, Path)),
    request_body = NewPassword,
    responses(
        (status = 204, description = "Password changed"),
        (status = 404, body = ErrorBody),
        (status = 410, description = "Expired (`link_expired`) or already used (`link_used`)", body = ErrorBody)
    )
)]
#[post("/password-resets/{token}")]
pub async fn complete_password_reset(
    state: web::Data<AppState>,
    token: web::Path<String>,
    body: web::Json<NewPassword>,
) -> ApiResult<HttpResponse> {
    invitations::reset_password(&state, &token, body.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}
