//! `/events`: webinars, trainings, workshops and other gatherings, registration with a waiting
//! list, attendee lists and calendar files.

use actix_web::{HttpResponse, delete, get, post, put, web};
use chrono::{DateTime, Utc};
use pioneer_domain::events::{Attendee, Event, EventKind, NewEvent, NewRegistration, Registration};
use pioneer_domain::{ErrorBody, Page, PageQuery};
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;

use crate::auth::CurrentUser;
use crate::error::{ApiError, ApiResult};
use crate::events;
use crate::state::AppState;
use crate::store::events::EventFilter;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EventQuery {
    /// `true`: the events that have ended, the most recent first; otherwise those not ended
    /// yet, the soonest first.
    #[serde(default)]
    pub past: bool,
    /// A thematic group's id: its events only.
    pub group_id: Option<Uuid>,
    pub kind: Option<EventKind>,
    /// With `to`: the events starting in `[from, to)` (a calendar's month), in order; an empty
    /// range finds none.
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
}

impl EventQuery {
    fn filter(&self) -> EventFilter {
        // A range that ends where (or before) it starts holds no event: it finds none.
        EventFilter {
            past: self.past,
            group_id: self.group_id,
            kind: self.kind,
            from: self.from,
            to: self.to,
        }
    }
}

fn calendar_file(body: String, name: &str) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/calendar; charset=utf-8")
        .insert_header((
            "Content-Disposition",
            format!("attachment; filename=\"{name}\""),
        ))
        .body(body)
}

/// The events the caller may see (every member's and their groups'), those to come first.
#[utoipa::path(
    tag = "events",
    security(("bearer" = [])),
    params(EventQuery, PageQuery),
    responses((status = 200, body = Page<Event>), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody))
)]
#[get("/events")]
pub async fn list_events(
    state: web::Data<AppState>,
    user: CurrentUser,
    query: web::Query<EventQuery>,
    paging: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let paging = paging.into_inner().parse().map_err(ApiError::validation)?;
    let filter = query.filter();
    let (items, total) = events::list(&state, &user, filter, paging).await?;
    Ok(HttpResponse::Ok().json(Page::new(items, total, paging)))
}

/// Organises an event: the secretariat for every member, a group's moderators for their
/// group. Start and end are instants; `timezone` is the organiser's IANA zone.
#[utoipa::path(
    tag = "events",
    security(("bearer" = [])),
    request_body = NewEvent,
    responses(
        (status = 201, body = Event),
        (status = 403, body = ErrorBody),
        (status = 422, body = ErrorBody),
    )
)]
#[post("/events")]
pub async fn create_event(
    state: web::Data<AppState>,
    user: CurrentUser,
    body: web::Json<NewEvent>,
) -> ApiResult<HttpResponse> {
    let created = events::create(&state, &user, &body).await?;
    Ok(HttpResponse::Created()
        .insert_header(("Location", format!("/api/v1/events/{}", created.id)))
        .json(created))
}

/// The event as an iCalendar file (RFC 5545), in the organiser's time zone.
#[utoipa::path(
    tag = "events",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    responses((status = 200, content_type = "text/calendar", body = String), (status = 404, body = ErrorBody))
)]
#[get("/events/{id}.ics")]
pub async fn get_event_ics(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let body = events::ics_file(&state, &user, *id).await?;
    Ok(calendar_file(body, &format!("event-{id}.ics")))
}

#[utoipa::path(
    tag = "events",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    responses((status = 200, body = Event), (status = 404, body = ErrorBody))
)]
#[get("/events/{id}")]
pub async fn get_event(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(events::event(&state, &user, *id).await?))
}

/// Changes the event (its organiser, the group's moderators, the secretariat). The capacity
/// cannot fall below those who hold a place; new places go to the waiting list, in order.
#[utoipa::path(
    tag = "events",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    request_body = NewEvent,
    responses(
        (status = 200, body = Event),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody),
    )
)]
#[put("/events/{id}")]
pub async fn update_event(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
    body: web::Json<NewEvent>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(events::update(&state, &user, *id, &body).await?))
}

/// Registers the caller: `registered` while places remain, `waitlisted` after (never over
/// capacity, however many register at once). 201 for a new registration; 200 with the one
/// they have when they are registered or waiting already.
#[utoipa::path(
    tag = "events",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    request_body = NewRegistration,
    responses(
        (status = 201, description = "Registered or waitlisted", body = Registration),
        (status = 200, description = "Already registered or waiting", body = Registration),
        (status = 404, body = ErrorBody),
        (status = 409, description = "The event has started (`registration_closed`)", body = ErrorBody),
    )
)]
#[post("/events/{id}/registrations")]
pub async fn create_event_registration(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
    _body: web::Json<NewRegistration>,
) -> ApiResult<HttpResponse> {
    let (registration, created) = events::register(&state, &user, *id).await?;
    Ok(if created {
        HttpResponse::Created().json(registration)
    } else {
        HttpResponse::Ok().json(registration)
    })
}

/// The attendee list (the event's organisers): those with a place, then the waiting list in
/// order, then those who cancelled.
#[utoipa::path(
    tag = "events",
    security(("bearer" = [])),
    params(("id" = Uuid, Path), PageQuery),
    responses(
        (status = 200, body = Page<Attendee>),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
    )
)]
#[get("/events/{id}/registrations")]
pub async fn list_event_registrations(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
    paging: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let paging = paging.into_inner().parse().map_err(ApiError::validation)?;
    let (items, total) = events::attendees(&state, &user, *id, paging).await?;
    Ok(HttpResponse::Ok().json(Page::new(items, total, paging)))
}

/// Cancels a registration (its member, or the event's organisers). A place it frees goes to
/// the first on the waiting list, who is notified. Answers the cancelled registration.
#[utoipa::path(
    tag = "events",
    security(("bearer" = [])),
    params(("id" = Uuid, Path), ("registration_id" = Uuid, Path)),
    responses((status = 200, body = Registration), (status = 404, body = ErrorBody))
)]
#[delete("/events/{id}/registrations/{registration_id}")]
pub async fn cancel_event_registration(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<(Uuid, Uuid)>,
) -> ApiResult<HttpResponse> {
    let (id, registration_id) = path.into_inner();
    Ok(HttpResponse::Ok().json(events::cancel(&state, &user, id, registration_id).await?))
}

/// The caller's events as an iCalendar feed (RFC 5545): those they hold a place in
/// (`CONFIRMED`) and wait for (`TENTATIVE`), each in its organiser's time zone.
#[utoipa::path(
    tag = "events",
    security(("bearer" = [])),
    responses((status = 200, content_type = "text/calendar", body = String), (status = 401, body = ErrorBody))
)]
#[get("/me/calendar.ics")]
pub async fn get_my_calendar(
    state: web::Data<AppState>,
    user: CurrentUser,
) -> ApiResult<HttpResponse> {
    let body = events::calendar(&state, &user).await?;
    Ok(calendar_file(body, "pioneer-hub.ics"))
}
