//! `/notifications`: the caller's own, newest first, read or not.

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, get, post, put, web};
use pioneer_domain::notifications::{
    Notification, NotificationFilter, NotificationSettings, UnreadCount,
};
use pioneer_domain::{ErrorBody, Page, PageQuery};
use uuid::Uuid;

use crate::auth::CurrentUser;
use crate::digests;
use crate::error::{ApiError, ApiResult};
use crate::notifications;
use crate::routes::roadmap_exports::ExportQuery;
use crate::state::AppState;

/// The caller's notifications, newest first, each with its sentence in the language asked for
/// (`lang`, else `Accept-Language`). Those about a group's content show only while the caller
/// is in the group.
#[utoipa::path(
    tag = "notifications",
    security(("bearer" = [])),
    params(NotificationFilter, ExportQuery, PageQuery),
    responses((status = 200, body = Page<Notification>), (status = 401, body = ErrorBody))
)]
#[get("/notifications")]
pub async fn list_notifications(
    state: web::Data<AppState>,
    user: CurrentUser,
    req: HttpRequest,
    filter: web::Query<NotificationFilter>,
    language: web::Query<ExportQuery>,
    paging: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let paging = paging.into_inner().parse().map_err(ApiError::validation)?;
    let accept_language = req
        .headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok());
    let lang = state
        .texts
        .choose(language.lang.as_deref(), accept_language);
    let (items, total) = notifications::list(&state, &user, filter.unread, lang, paging).await?;
    Ok(HttpResponse::Ok().json(Page::new(items, total, paging)))
}

/// How many the caller has not read (the count beside the bell).
#[utoipa::path(
    tag = "notifications",
    security(("bearer" = [])),
    responses((status = 200, body = UnreadCount), (status = 401, body = ErrorBody))
)]
#[get("/notifications/unread-count")]
pub async fn unread_notifications(
    state: web::Data<AppState>,
    user: CurrentUser,
) -> ApiResult<HttpResponse> {
    let unread = notifications::unread_count(&state, &user).await?;
    Ok(HttpResponse::Ok().json(UnreadCount { unread }))
}

#[utoipa::path(
    tag = "notifications",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    responses((status = 204), (status = 404, body = ErrorBody))
)]
#[post("/notifications/{id}/read")]
pub async fn read_notification(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    notifications::mark_read(&state, &user, *id).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Marks every notification of the caller as read.
#[utoipa::path(
    tag = "notifications",
    security(("bearer" = [])),
    responses((status = 200, body = UnreadCount, description = "Nothing is left unread"))
)]
#[post("/notifications/read-all")]
pub async fn read_all_notifications(
    state: web::Data<AppState>,
    user: CurrentUser,
) -> ApiResult<HttpResponse> {
    notifications::mark_all_read(&state, &user).await?;
    Ok(HttpResponse::Ok().json(UnreadCount { unread: 0 }))
}

/// The caller's e-mail settings: the daily digest of their unread notifications (on unless
/// they switch it off).
#[utoipa::path(
    tag = "notifications",
    security(("bearer" = [])),
    responses((status = 200, body = NotificationSettings), (status = 401, body = ErrorBody))
)]
#[get("/me/notification-settings")]
pub async fn get_notification_settings(
    state: web::Data<AppState>,
    user: CurrentUser,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(digests::settings(&state, &user).await?))
}

/// Switches the daily digest on or off. It goes out once a day after 06:00 UTC, with the
/// notifications not read since the last one, in the member's language.
#[utoipa::path(
    tag = "notifications",
    security(("bearer" = [])),
    request_body = NotificationSettings,
    responses((status = 200, body = NotificationSettings), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody))
)]
#[put("/me/notification-settings")]
pub async fn put_notification_settings(
    state: web::Data<AppState>,
    user: CurrentUser,
    body: web::Json<NotificationSettings>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(digests::update(&state, &user, body.into_inner()).await?))
}
