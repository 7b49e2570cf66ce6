//! Expressions of interest: a country applies (no account needed), the secretariat decides.
//! Each step writes its mails as jobs in the same transaction, and its history.

use chrono::Duration;
use pioneer_domain::ErrorCode;
use pioneer_domain::FieldError;
use pioneer_domain::Role;
use pioneer_domain::membership::application::{
    ApplicationReceipt, ApplicationStatus, Decision, DecisionRefused, DecisionRequest,
    MembershipApplication, ValidApplication,
};
use pioneer_domain::membership::invitation::INVITATION_TTL_DAYS;
use pioneer_domain::review::{DocumentKind, Happened, HistoryEvent, Section};
use pioneer_domain::user::unknown_country;
use serde_json::json;
use uuid::Uuid;

use crate::auth::CurrentUser;
use crate::entities::membership_application;
use crate::error::{ApiError, ApiResult};
use crate::jobs::enqueue_mail;
use crate::mail::compose::{self, ApplicationMail, InvitationMail};
use crate::state::AppState;
use crate::store::history::HistoryRecord;
use crate::store::invitations::NewInvitationRow;
use crate::store::{self, write::Write};

fn mail_fields<'a>(
    app: &'a membership_application::Model,
    country: &'a str,
) -> ApplicationMail<'a> {
    ApplicationMail {
        language: &app.language,
        focal_point_email: &app.focal_point_email,
        focal_point_name: &app.focal_point_name,
        country,
        signatory: &app.signatory_name,
        id: "",
    }
}

/// Stores a checked application and its letter, and writes the acknowledgment to the nominated
/// focal point, in one transaction.
pub async fn submit(
    state: &AppState,
    valid: ValidApplication,
    letter_name: &str,
    letter: Vec<u8>,
) -> ApiResult<ApplicationReceipt> {
    let Some(country) = store::reference::find_country(&state.db, &valid.country_code).await?
    else {
        return Err(ApiError::field(unknown_country(&valid.country_code)));
    };
    let write = state.write(Uuid::nil()).await?;
    let app = store::membership::insert(&write.txn, &valid, letter_name, letter, write.now).await?;
    let id = app.id.to_string();
    let mail = compose::application_received(
        &state.texts,
        &ApplicationMail {
            id: &id,
            ..mail_fields(&app, country.name_in(&app.language))
        },
    );
    enqueue_mail(&write.txn, &mail, None, write.now).await?;
    write.commit().await?;
    state.job_wake.notify_one();
    tracing::info!(application_id = %app.id, country = %app.country_code, "membership application received");
    Ok(ApplicationReceipt {
        id: app.id,
        status: ApplicationStatus::Received,
    })
}

fn record(
    event: Happened,
    section: Section,
    id: Uuid,
    changes: serde_json::Value,
) -> HistoryRecord {
    HistoryRecord {
        kind: DocumentKind::MembershipApplication,
        document_id: id,
        revision: 1,
        event: HistoryEvent::new(section, event),
        changes,
    }
}

/// The secretariat's decision. Accepting flags the country as a pioneer with its joining date,
/// makes the nominated focal point's account (by invitation) or links the existing one, and
/// tells the applicant; declining tells them why. One transaction, in the history.
pub async fn decide(
    state: &AppState,
    user: &CurrentUser,
    id: Uuid,
    request: &DecisionRequest,
) -> ApiResult<MembershipApplication> {
    let app = store::membership::find(&state.db, id)
        .await?
        .ok_or_else(|| ApiError::not_found("membership application"))?;
    let status = ApplicationStatus::parse(&app.status)
        .ok_or_else(|| ApiError::internal(anyhow::anyhow!("stored status {}", app.status)))?;
    let already = |status: ApplicationStatus| {
        ApiError::conflict(
            ErrorCode::AlreadyDecided,
            format!("this application was already {}", status.as_str()),
        )
    };
    let message = request.check(status).map_err(|refused| match refused {
        DecisionRefused::AlreadyDecided(status) => already(status),
        DecisionRefused::Invalid(errors) => ApiError::validation(errors),
    })?;
    let country = store::reference::find_country(&state.db, &app.country_code)
        .await?
        .ok_or_else(|| ApiError::not_found("country"))?;
    let country_name = country.name_in(&app.language).to_owned();
    let accepted = request.decision == Decision::Accept;
    let new_status = if accepted {
        ApplicationStatus::Accepted
    } else {
        ApplicationStatus::Declined
    };

    let mut write = state.write(user.id).await?;
    if !store::membership::decide(&write.txn, id, new_status, &message, user.id, write.now).await? {
        return Err(already(new_status));
    }
    let joined_on = request.joined_on.unwrap_or(write.now.date_naive());
    let happened = if accepted {
        Happened::Accepted
    } else {
        Happened::Declined
    };
    let mut changes = json!({ "message": message });
    if accepted {
        changes["joined_on"] = json!(joined_on);
    }
    write
        .record(record(happened, Section::Application, id, changes))
        .await?;
    let decision_mail = compose::application_decided(
        &state.texts,
        &mail_fields(&app, &country_name),
        accepted,
        &message,
    );
    enqueue_mail(&write.txn, &decision_mail, None, write.now).await?;
    if accepted {
        store::membership::mark_joined(&write.txn, &app.country_code, joined_on).await?;
        welcome_focal_point(state, &mut write, &app, &country_name).await?;
    }
    write.commit().await?;
    state.job_wake.notify_one();
    tracing::info!(application_id = %id, decision = new_status.as_str(), "membership application decided");
    store::membership::find_view(&state.db, id)
        .await?
        .ok_or_else(|| ApiError::not_found("membership application"))
}

/// The nominated focal point's way in: their existing account becomes the country's focal point
/// (unless it runs the platform or works for another country, which it keeps), or an invitation
/// is sent to make one.
async fn welcome_focal_point(
    state: &AppState,
    write: &mut Write,
    app: &membership_application::Model,
    country_name: &str,
) -> ApiResult<()> {
    let now = write.now;
    if let Some(member) = store::users::find_by_email(&write.txn, &app.focal_point_email).await? {
        let takes_the_role = match member.role.parse::<Role>() {
            Ok(role) if role.is_country_role() => member
                .country_code
                .as_deref()
                .is_none_or(|c| c == app.country_code),
            _ => false,
        };
        if takes_the_role {
            store::users::make_focal_point(
                write,
                member.id,
                &app.country_code,
                &app.focal_point_ministry,
                &app.focal_point_title,
            )
            .await?;
        }
        store::membership::link_focal_point(&write.txn, app.id, member.id, now).await?;
        let changes = json!({ "focal_point_user_id": member.id, "role_given": takes_the_role });
        write
            .record(record(
                Happened::Updated,
                Section::Application,
                app.id,
                changes,
            ))
            .await?;
        let link = format!("{}/login", state.config.public_url);
        let mail = compose::account_linked(
            &state.texts,
            &app.language,
            &member.email,
            &member.name,
            country_name,
            &link,
        );
        enqueue_mail(&write.txn, &mail, None, now).await?;
        return Ok(());
    }
    let language =
        pioneer_domain::membership::application::parse_language("language", &app.language)
            .map_err(|e: FieldError| ApiError::internal(anyhow::anyhow!(e.message)))?;
    let (invitation, token) = store::invitations::insert(
        &write.txn,
        NewInvitationRow {
            email: app.focal_point_email.clone(),
            role: Role::CountryFocalPoint,
            country_code: Some(app.country_code.clone()),
            ministry: Some(app.focal_point_ministry.clone()),
            title: Some(app.focal_point_title.clone()),
            name: Some(app.focal_point_name.clone()),
            language,
            invited_by: None,
            application_id: Some(app.id),
            expires_at: now + Duration::days(INVITATION_TTL_DAYS),
        },
        now,
    )
    .await?;
    let changes = json!({ "invitation_id": invitation.id, "email": invitation.email });
    write
        .record(record(
            Happened::Created,
            Section::Invitation,
            app.id,
            changes,
        ))
        .await?;
    let link = format!("{}/invitations/{token}", state.config.public_url);
    let mail = compose::invitation(
        &state.texts,
        &InvitationMail {
            language,
            email: &app.focal_point_email,
            name: Some(&app.focal_point_name),
            inviter: None,
            role: Role::CountryFocalPoint,
            link: &link,
            days: INVITATION_TTL_DAYS,
        },
    );
    enqueue_mail(&write.txn, &mail, None, now).await?;
    Ok(())
}
