//! A member's notifications as they read them: each one's sentence is made in the reader's
//! language from what was stored (kind, actor, subject), so that changing language changes it.

use pioneer_domain::notifications::{Notification, NotificationKind};
use pioneer_domain::page::Paging;
use uuid::Uuid;

use crate::auth::CurrentUser;
use crate::entities::notification;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::store;
use crate::store::StoreError;
use crate::texts::{TextLang, Texts};

/// The translation message of a stored notification.
fn message_id(kind: NotificationKind, detail: Option<&str>) -> &'static str {
    match (kind, detail) {
        (NotificationKind::Reply, _) => "notification-reply",
        (NotificationKind::Mention, _) => "notification-mention",
        (NotificationKind::AcceptedAnswer, _) => "notification-accepted-answer",
        (NotificationKind::GroupInvitation, _) => "notification-group-invitation",
        (NotificationKind::ModerationDecision, Some("published")) => {
            "notification-resource-published"
        }
        (NotificationKind::ModerationDecision, Some("returned")) => {
            "notification-resource-returned"
        }
        (NotificationKind::ModerationDecision, _) => "notification-resource-archived",
        (NotificationKind::EventPlace, _) => "notification-event-place",
        (NotificationKind::EventReminder, _) => "notification-event-reminder",
        (NotificationKind::JoinRequest, _) => "notification-join-request",
        (NotificationKind::JoinApproved, _) => "notification-join-approved",
        (NotificationKind::JoinDeclined, _) => "notification-join-declined",
        (NotificationKind::ContactRequest, _) => "notification-contact-request",
        (NotificationKind::ContactAccepted, _) => "notification-contact-accepted",
        (NotificationKind::ContactDeclined, _) => "notification-contact-declined",
    }
}

pub(crate) fn to_notification(
    row: notification::Model,
    actors: &std::collections::HashMap<Uuid, String>,
    texts: &Texts,
    lang: TextLang,
) -> ApiResult<Notification> {
    let kind = NotificationKind::parse(&row.kind)
        .ok_or_else(|| StoreError::corrupt("notification kind", &row.kind))?;
    let actor = row
        .actor_id
        .and_then(|id| actors.get(&id).cloned())
        .unwrap_or_else(|| texts.get(lang, "notification-someone"));
    let summary = texts.format(
        lang,
        message_id(kind, row.detail.as_deref()),
        &[("actor", &actor), ("subject", &row.subject)],
    );
    Ok(Notification {
        id: row.id,
        kind,
        read: row.read_at.is_some(),
        created_at: row.created_at,
        link: row.link,
        summary,
    })
}

pub async fn list(
    state: &AppState,
    user: &CurrentUser,
    unread_only: bool,
    lang: TextLang,
    paging: Paging,
) -> ApiResult<(Vec<Notification>, u64)> {
    let (rows, total) =
        store::notifications::page(&state.db, user.id, user.role, unread_only, paging).await?;
    let actors = store::names::names(&state.db, rows.iter().filter_map(|n| n.actor_id)).await?;
    let items = rows
        .into_iter()
        .map(|row| to_notification(row, &actors, &state.texts, lang))
        .collect::<ApiResult<_>>()?;
    Ok((items, total))
}

pub async fn unread_count(state: &AppState, user: &CurrentUser) -> ApiResult<u64> {
    Ok(store::notifications::unread_count(&state.db, user.id, user.role).await?)
}

pub async fn mark_read(state: &AppState, user: &CurrentUser, id: Uuid) -> ApiResult<()> {
    let write = state.write(user.id).await?;
    if !store::notifications::mark_read(&write.txn, user.id, user.role, id, write.now).await? {
        return Err(ApiError::not_found("notification"));
    }
    write.commit().await?;
    Ok(())
}

pub async fn mark_all_read(state: &AppState, user: &CurrentUser) -> ApiResult<u64> {
    let write = state.write(user.id).await?;
    let count = store::notifications::mark_all_read(&write.txn, user.id, write.now).await?;
    write.commit().await?;
    Ok(count)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_its_sentence_in_every_language() {
        let texts = Texts::load().expect("texts");
        for code in ["en", "fr", "es", "pt"] {
            let lang = texts.lang(code);
            for (kind, detail) in NotificationKind::ALL.into_iter().map(|k| (k, None)).chain(
                ["published", "returned", "archived"]
                    .map(|d| (NotificationKind::ModerationDecision, Some(d))),
            ) {
                let id = message_id(kind, detail);
                let text =
                    texts.format(lang, id, &[("actor", "Amina"), ("subject", "Écoles sûres")]);
                // The events' own notices name no one: the place or the day is the news. A
                // contact request's subject is its sender: the sentence names them once.
                let names_actor = !matches!(
                    kind,
                    NotificationKind::EventPlace | NotificationKind::EventReminder
                );
                let names_subject = !matches!(
                    kind,
                    NotificationKind::ContactRequest
                        | NotificationKind::ContactAccepted
                        | NotificationKind::ContactDeclined
                );
                assert!(
                    (!names_subject || text.contains("Écoles sûres"))
                        && (!names_actor || text.contains("Amina")),
                    "{code} {id}: {text}"
                );
                if code != "en" {
                    let english = texts.format(
                        texts.lang("en"),
                        id,
                        &[("actor", "Amina"), ("subject", "Écoles sûres")],
                    );
                    assert_ne!(text, english, "{code} {id} is not translated");
                }
            }
            assert_ne!(
                texts.get(lang, "notification-someone"),
                "notification-someone"
            );
        }
    }
}
