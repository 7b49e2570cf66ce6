//! The daily e-mail digest: once a day, after [`DIGEST_HOUR_UTC`], each member who has not
//! switched it off and has unread notifications since their last digest gets one mail listing
//! them, in their language, through the background jobs (once a day whatever the replicas: the
//! mail's key is the member and the day).
//!
//! [`DIGEST_HOUR_UTC`]: pioneer_domain::notifications::DIGEST_HOUR_UTC

use pioneer_domain::notifications::NotificationSettings;

use crate::auth::CurrentUser;
use crate::error::ApiResult;
use crate::jobs::enqueue_mail;
use crate::mail::compose::{self, DigestMail};
use crate::notifications::to_notification;
use crate::state::AppState;
use crate::store::{self, StoreResult};

pub async fn settings(state: &AppState, user: &CurrentUser) -> ApiResult<NotificationSettings> {
    Ok(NotificationSettings {
        digest: store::digests::digest_on(&state.db, user.id).await?,
    })
}

pub async fn update(
    state: &AppState,
    user: &CurrentUser,
    input: NotificationSettings,
) -> ApiResult<NotificationSettings> {
    let write = state.write(user.id).await?;
    store::digests::set_digest(&write.txn, user.id, input.digest, write.now).await?;
    write.commit().await?;
    Ok(input)
}

/// Writes the digests that are due; answers how many.
pub async fn write_due(state: &AppState) -> StoreResult<usize> {
    let now = state.clock.now();
    let due = store::digests::due(&state.db, now).await?;
    if due.is_empty() {
        return Ok(0);
    }
    let actor_ids: Vec<uuid::Uuid> = due
        .iter()
        .flat_map(|d| d.notifications.iter().filter_map(|n| n.actor_id))
        .collect();
    let actors = store::names::names(&state.db, actor_ids).await?;
    let (_turn, txn) = crate::db::begin_write(&state.db).await?;
    let day = now.format("%Y-%m-%d").to_string();
    let link = format!("{}/notifications", state.config.public_url);
    let settings = format!("{}/account", state.config.public_url);
    for digest in &due {
        let lang = state.texts.lang(&digest.user.language);
        let mut lines = Vec::with_capacity(digest.notifications.len());
        for row in &digest.notifications {
            // A row this build cannot read is left out of the mail, not the reason it fails.
            if let Ok(notice) = to_notification(row.clone(), &actors, &state.texts, lang) {
                lines.push(format!(
                    "- {}\n  {}{}",
                    notice.summary, state.config.public_url, notice.link
                ));
            }
        }
        let count = lines.len().to_string();
        let mail = compose::digest(
            &state.texts,
            &DigestMail {
                language: &digest.user.language,
                email: &digest.user.email,
                name: &digest.user.name,
                count: &count,
                lines: &lines.join("\n"),
                link: &link,
                settings: &settings,
            },
        );
        let key = format!("digest:{}:{day}", digest.user.id);
        enqueue_mail(&txn, &mail, Some(key), now).await?;
        store::digests::mark_sent(&txn, digest.user.id, now).await?;
    }
    txn.commit().await?;
    state.job_wake.notify_one();
    Ok(due.len())
}
