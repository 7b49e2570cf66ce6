//! In-app notifications: the list (each sentence in the reader's language), the unread count
//! beside the bell, and marking them read.

use pioneer_domain::Page;
use pioneer_domain::notifications::{Notification, NotificationSettings, UnreadCount};
use serde::de::DeserializeOwned;
use uuid::Uuid;

use super::{Api, ApiError, JSON, Method, read_json, to_json, with_query};

/// Notifications shown per page.
pub const PER_PAGE: u64 = 20;

/// Past the browser's HTTP cache: these answers change as things happen.
async fn fresh<T: DeserializeOwned>(api: Api, path: &str) -> Result<T, ApiError> {
    read_json(
        api.send_with(Method::GET, path, None, None, (JSON, true))
            .await?,
    )
    .await
}

pub fn list_path(unread_only: bool, lang: &str, page: u64) -> String {
    with_query(
        &format!("/notifications?per_page={PER_PAGE}"),
        &[
            ("unread", if unread_only { "true" } else { "" }),
            ("lang", lang),
            ("page", &page.to_string()),
        ],
    )
}

/// The reader's notifications, newest first, their sentences in `lang`.
pub async fn list(
    api: Api,
    unread_only: bool,
    lang: &str,
    page: u64,
) -> Result<Page<Notification>, ApiError> {
    fresh(api, &list_path(unread_only, lang, page)).await
}

/// How many the reader has not read.
pub async fn unread_count(api: Api) -> Result<u64, ApiError> {
    fresh::<UnreadCount>(api, "/notifications/unread-count")
        .await
        .map(|count| count.unread)
}

pub async fn mark_read(api: Api, id: Uuid) -> Result<(), ApiError> {
    api.send(Method::POST, &format!("/notifications/{id}/read"), None)
        .await
        .map(drop)
}

pub async fn mark_all_read(api: Api) -> Result<(), ApiError> {
    api.send(Method::POST, "/notifications/read-all", None)
        .await
        .map(drop)
}

/// The member's e-mail settings (the daily digest).
pub async fn settings(api: Api) -> Result<NotificationSettings, ApiError> {
    fresh(api, "/me/notification-settings").await
}

pub async fn set_digest(api: Api, digest: bool) -> Result<NotificationSettings, ApiError> {
    let settings = NotificationSettings { digest };
    read_json(
        api.send(
            Method::PUT,
            "/me/notification-settings",
            Some(to_json(&settings)?),
        )
        .await?,
    )
    .await
}
