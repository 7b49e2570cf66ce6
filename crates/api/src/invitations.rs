//! The ways into an account by mail: invitations (by the secretariat or a country's focal
//! points) and password resets; and a country's team as its focal points manage it.

use chrono::Duration;
use pioneer_domain::auth::TokenResponse;
use pioneer_domain::membership::application::parse_language;
use pioneer_domain::membership::invitation::{
    AcceptInvitation, INVITATION_TTL_DAYS, Invitation, InvitationView, LinkRefused, NewInvitation,
    NewPassword, PasswordResetRequest, RESET_TTL_MINUTES, can_invite, can_manage_team, check_link,
};
use pioneer_domain::membership::profile::{Handover, Team, can_take_over};
use pioneer_domain::review::{DocumentKind, Happened, HistoryEvent, Section};
use pioneer_domain::user::{Email, NewUser, UserChange, check_password, unknown_country};
use pioneer_domain::{ErrorCode, Role};
use serde_json::json;
use uuid::Uuid;

use crate::auth::{CurrentUser, password};
use crate::error::{ApiError, ApiResult};
use crate::jobs::enqueue_mail;
use crate::mail::compose::{self, InvitationMail};
use crate::members::{self, MemberDetails};
use crate::state::AppState;
use crate::store::history::{self, HistoryRecord};
use crate::store::invitations::NewInvitationRow;
use crate::store::{self};

/// Sends an invitation by mail: who may invite whom is the policy's (`can_invite`).
pub async fn invite(
    state: &AppState,
    user: &CurrentUser,
    input: &NewInvitation,
) -> ApiResult<Invitation> {
    let valid = input
        .validate(user.country_code.as_deref(), "en")
        .map_err(ApiError::validation)?;
    if !can_invite(
        user.role,
        user.country_code.as_deref(),
        valid.role,
        valid.country_code.as_deref(),
    ) {
        return Err(ApiError::forbidden(format!(
            "you may not invite a {} for this country",
            valid.role
        )));
    }
    if let Some(code) = valid.country_code.as_deref()
        && !store::reference::country_exists(&state.db, code).await?
    {
        return Err(ApiError::field(unknown_country(code)));
    }
    if store::users::email_taken(&state.db, valid.email.as_str()).await? {
        return Err(ApiError::conflict(
            ErrorCode::EmailTaken,
            format!("{} already has an account", valid.email.as_str()),
        ));
    }
    let write = state.write(user.id).await?;
    let now = write.now;
    let (model, token) = store::invitations::insert(
        &write.txn,
        NewInvitationRow {
            email: valid.email.as_str().to_owned(),
            role: valid.role,
            country_code: valid.country_code.clone(),
            ministry: valid.ministry.clone(),
            title: None,
            name: None,
            language: valid.language,
            invited_by: Some(user.id),
            application_id: None,
            expires_at: now + Duration::days(INVITATION_TTL_DAYS),
        },
        now,
    )
    .await?;
    let link = format!("{}/invitations/{token}", state.config.public_url);
    let mail = compose::invitation(
        &state.texts,
        &InvitationMail {
            language: valid.language,
            email: valid.email.as_str(),
            name: None,
            inviter: Some(&user.name),
            role: valid.role,
            link: &link,
            days: INVITATION_TTL_DAYS,
        },
    );
    enqueue_mail(&write.txn, &mail, None, now).await?;
    write.commit().await?;
    state.job_wake.notify_one();
    tracing::info!(invitation_id = %model.id, role = %valid.role, "invitation sent");
    Ok(store::invitations::to_invitation(&model)?)
}

/// Withdraws an invitation not yet accepted (whoever may invite for its country).
pub async fn withdraw(state: &AppState, user: &CurrentUser, id: Uuid) -> ApiResult<()> {
    let model = store::invitations::find(&state.db, id)
        .await?
        .ok_or_else(|| ApiError::not_found("invitation"))?;
    let role = model.role.parse::<Role>().map_err(ApiError::internal)?;
    if !can_invite(
        user.role,
        user.country_code.as_deref(),
        role,
        model.country_code.as_deref(),
    ) {
        return Err(ApiError::not_found("invitation"));
    }
    let write = state.write(user.id).await?;
    if !store::invitations::delete_pending(&write.txn, id).await? {
        return Err(ApiError::link(LinkRefused::Used));
    }
    write.commit().await?;
    Ok(())
}

/// What the invitation page shows; a link that no longer works says why.
pub async fn view(state: &AppState, token: &str) -> ApiResult<InvitationView> {
    let model = store::invitations::find_by_token(&state.db, token)
        .await?
        .ok_or(ApiError::link(LinkRefused::Unknown))?;
    check_link(model.expires_at, model.accepted_at, state.clock.now()).map_err(ApiError::link)?;
    let invited_by = match model.invited_by {
        Some(id) => store::users::find(&state.db, id).await?.map(|u| u.name),
        None => None,
    };
    Ok(InvitationView {
        email: model.email,
        role: model.role.parse().map_err(ApiError::internal)?,
        country_code: model.country_code,
        ministry: model.ministry,
        language: model.language,
        invited_by,
        expires_at: model.expires_at,
    })
}

/// Makes the account the invitation was for, with the password chosen, and signs it in. The
/// link works once: of two acceptances at once, one makes the account and the other is told.
pub async fn accept(
    state: &AppState,
    token: &str,
    input: AcceptInvitation,
) -> ApiResult<TokenResponse> {
    let model = store::invitations::find_by_token(&state.db, token)
        .await?
        .ok_or(ApiError::link(LinkRefused::Unknown))?;
    check_link(model.expires_at, model.accepted_at, state.clock.now()).map_err(ApiError::link)?;
    let role = model.role.parse::<Role>().map_err(ApiError::internal)?;
    let language = parse_language("language", &model.language).unwrap_or("en");
    let write = state.write(Uuid::nil()).await?;
    let now = write.now;
    let user = members::create_member(
        &write.txn,
        NewUser {
            email: model.email.clone(),
            name: input.name,
            role,
            country_code: model.country_code.clone(),
            password: input.password,
        },
        MemberDetails {
            ministry: model.ministry.clone(),
            title: model.title.clone(),
            language,
        },
        now,
    )
    .await?;
    if !store::invitations::mark_accepted(&write.txn, model.id, user.id, now).await? {
        return Err(ApiError::link(LinkRefused::Used));
    }
    if let Some(application_id) = model.application_id {
        store::membership::link_focal_point(&write.txn, application_id, user.id, now).await?;
        let entry = HistoryRecord {
            kind: DocumentKind::MembershipApplication,
            document_id: application_id,
            revision: 1,
            event: HistoryEvent::new(Section::Invitation, Happened::Accepted),
            changes: json!({ "focal_point_user_id": user.id }),
        };
        history::record(&write.txn, entry, user.id, now).await?;
    }
    write.commit().await?;
    tracing::info!(user_id = %user.id, invitation_id = %model.id, "invitation accepted");
    crate::routes::auth::token_pair(state, user, Uuid::now_v7(), None).await
}

/// Sends a reset link if the address is an active member's; the answer is the same either way
/// (and attempts are limited per address and per IP, as sign-in is).
pub async fn request_reset(
    state: &AppState,
    input: &PasswordResetRequest,
    ip: Option<std::net::IpAddr>,
) -> ApiResult<()> {
    let Ok(email) = Email::parse(&input.email) else {
        return Err(ApiError::field(pioneer_domain::FieldError::new(
            "email",
            "invalid_format",
            "not a valid e-mail address",
        )));
    };
    state
        .login_limiter
        .check(&format!("reset:{}", email.as_str()), ip)
        .map_err(|wait| {
            crate::metrics::rate_limited("password_reset");
            ApiError::rate_limited(wait)
        })?;
    let Some(member) = store::users::find_by_email(&state.db, email.as_str()).await? else {
        tracing::info!("password reset asked for an unknown address");
        return Ok(());
    };
    if !member.active {
        return Ok(());
    }
    let language = input
        .language
        .as_deref()
        .and_then(|l| parse_language("language", l).ok())
        .unwrap_or(member.language.as_str());
    let write = state.write(member.id).await?;
    let now = write.now;
    let token = store::invitations::insert_reset(
        &write.txn,
        member.id,
        now + Duration::minutes(RESET_TTL_MINUTES),
        now,
    )
    .await?;
    let link = format!("{}/reset-password/{token}", state.config.public_url);
    let mail = compose::password_reset(
        &state.texts,
        language,
        &member.email,
        &member.name,
        &link,
        RESET_TTL_MINUTES,
    );
    enqueue_mail(&write.txn, &mail, None, now).await?;
    write.commit().await?;
    state.job_wake.notify_one();
    Ok(())
}

/// Sets the new password through a reset link (once); the member's sessions end.
pub async fn reset_password(state: &AppState, token: &str, input: NewPassword) -> ApiResult<()> {
    let reset = store::invitations::find_reset(&state.db, token)
        .await?
        .ok_or(ApiError::link(LinkRefused::Unknown))?;
    check_link(reset.expires_at, reset.used_at, state.clock.now()).map_err(ApiError::link)?;
    check_password(&input.password).map_err(ApiError::field)?;
    let hash = password::hash_blocking(input.password)
        .await
        .map_err(ApiError::internal)?;
    let mut write = state.write(reset.user_id).await?;
    if !store::invitations::use_reset(&write.txn, &reset, write.now).await? {
        return Err(ApiError::link(LinkRefused::Used));
    }
    store::users::set_password(&mut write, reset.user_id, hash).await?;
    write.commit().await?;
    tracing::info!(user_id = %reset.user_id, "password reset");
    Ok(())
}

fn team_access(user: &CurrentUser, code: &str) -> ApiResult<()> {
    if can_manage_team(user.role, user.country_code.as_deref(), code) {
        Ok(())
    } else {
        Err(ApiError::forbidden(
            "only the country's focal points and the secretariat manage its team",
        ))
    }
}

/// The country's team and its pending invitations.
pub async fn team(state: &AppState, user: &CurrentUser, code: &str) -> ApiResult<Team> {
    team_access(user, code)?;
    if !store::reference::country_exists(&state.db, code).await? {
        return Err(ApiError::not_found("country"));
    }
    Ok(Team {
        country_code: code.to_owned(),
        members: store::profiles::team(&state.db, code).await?,
        invitations: store::invitations::pending_of_country(&state.db, code, state.clock.now())
            .await?,
    })
}

/// A contributor of the country becomes one of its focal points; the one handing over becomes a
/// contributor unless they keep their role (or run the platform).
pub async fn handover(
    state: &AppState,
    user: &CurrentUser,
    code: &str,
    member_id: Uuid,
    input: &Handover,
) -> ApiResult<Team> {
    team_access(user, code)?;
    let member = store::users::find(&state.db, member_id)
        .await?
        .filter(|m| m.country_code.as_deref() == Some(code))
        .ok_or_else(|| ApiError::not_found("team member"))?;
    if !can_take_over(
        member.role,
        member.country_code.as_deref(),
        member.active,
        code,
    ) {
        return Err(ApiError::conflict(
            ErrorCode::Other,
            "only an active contributor of the country can take over the focal-point role",
        ));
    }
    let mut write = state.write(user.id).await?;
    store::profiles::set_role(&write.txn, member.id, Role::CountryFocalPoint, write.now).await?;
    write.touched(crate::store::change_feed::Changed::User(member.id));
    if user.role == Role::CountryFocalPoint && !input.keep_role {
        store::profiles::set_role(&write.txn, user.id, Role::CountryContributor, write.now).await?;
        write.touched(crate::store::change_feed::Changed::User(user.id));
    }
    write.commit().await?;
    tracing::info!(from = %user.id, to = %member.id, country = code, "focal-point role handed over");
    team(state, user, code).await
}

/// Deactivates a member of the country's team (their sessions end); not oneself.
pub async fn remove(
    state: &AppState,
    user: &CurrentUser,
    code: &str,
    member_id: Uuid,
) -> ApiResult<()> {
    team_access(user, code)?;
    let member = store::users::find(&state.db, member_id)
        .await?
        .filter(|m| m.country_code.as_deref() == Some(code) && m.role.is_country_role())
        .ok_or_else(|| ApiError::not_found("team member"))?;
    let change = UserChange {
        name: None,
        role: member.role,
        country_code: member.country_code.clone(),
        active: Some(false),
    };
    if member.id == user.id {
        return Err(ApiError::conflict(
            ErrorCode::Other,
            "you cannot remove yourself from the team",
        ));
    }
    let write = state.write(user.id).await?;
    store::users::update(write, &member, &change).await?;
    // They leave the directory of experts at once on this replica.
    state.search.catch_up(&state.db).await;
    Ok(())
}
