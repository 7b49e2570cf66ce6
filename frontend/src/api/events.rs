//! Events: the list, one event, organising and changing one, registering and cancelling, the
//! attendee list and the calendar files.

use pioneer_domain::Page;
use pioneer_domain::events::{Attendee, Event, EventKind, NewEvent, NewRegistration, Registration};
use pioneer_domain::page::MAX_PER_PAGE;
use serde::de::DeserializeOwned;
use uuid::Uuid;

use super::{Api, ApiError, JSON, Method, read_json, to_json, with_query};

/// Events shown per page.
pub const PER_PAGE: u64 = 20;

/// Which events a list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct EventsFilter {
    pub past: bool,
    pub group_id: Option<Uuid>,
    pub kind: Option<EventKind>,
}

pub fn list_path(filter: EventsFilter, page: u64) -> String {
    let mut params: Vec<(&str, String)> = vec![("page", page.to_string())];
    if filter.past {
        params.push(("past", "true".to_owned()));
    }
    if let Some(group) = filter.group_id {
        params.push(("group_id", group.to_string()));
    }
    if let Some(kind) = filter.kind {
        params.push(("kind", kind.as_str().to_owned()));
    }
    let params: Vec<(&str, &str)> = params.iter().map(|(k, v)| (*k, v.as_str())).collect();
    with_query(&format!("/events?per_page={PER_PAGE}"), &params)
}

/// Past the browser's HTTP cache: places and the reader's registration change all the time.
async fn fresh<T: DeserializeOwned>(api: Api, path: &str) -> Result<T, ApiError> {
    read_json(
        api.send_with(Method::GET, path, None, None, (JSON, true))
            .await?,
    )
    .await
}

pub async fn list(api: Api, filter: EventsFilter, page: u64) -> Result<Page<Event>, ApiError> {
    fresh(api, &list_path(filter, page)).await
}

pub async fn get(api: Api, id: Uuid) -> Result<Event, ApiError> {
    fresh(api, &format!("/events/{id}")).await
}

pub async fn create(api: Api, event: &NewEvent) -> Result<Event, ApiError> {
    api.post("/events", event).await
}

pub async fn update(api: Api, id: Uuid, event: &NewEvent) -> Result<Event, ApiError> {
    let path = format!("/events/{id}");
    read_json(api.send(Method::PUT, &path, Some(to_json(event)?)).await?).await
}

pub async fn register(api: Api, id: Uuid) -> Result<Registration, ApiError> {
    api.post(&format!("/events/{id}/registrations"), &NewRegistration {})
        .await
}

pub async fn cancel(api: Api, id: Uuid, registration_id: Uuid) -> Result<Registration, ApiError> {
    let path = format!("/events/{id}/registrations/{registration_id}");
    read_json(api.send(Method::DELETE, &path, None).await?).await
}

/// The first page of the attendee list, of the largest size.
pub async fn attendees(api: Api, id: Uuid) -> Result<Page<Attendee>, ApiError> {
    fresh(
        api,
        &format!("/events/{id}/registrations?per_page={MAX_PER_PAGE}"),
    )
    .await
}

/// Saves the event's calendar file.
pub async fn download_ics(api: Api, id: Uuid) -> Result<(), ApiError> {
    api.download(&format!("/events/{id}.ics"), &format!("event-{id}.ics"))
        .await
}

/// Saves the member's calendar: the events they hold a place in or wait for.
pub async fn download_calendar(api: Api) -> Result<(), ApiError> {
    api.download("/me/calendar.ics", "pioneer-hub.ics").await
}
