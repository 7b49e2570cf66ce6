//! Events as members use them: organising one (the secretariat, or a group's moderators for
//! their group), registering and cancelling, the attendee list, calendar files, and the
//! reminder of the day before. Who sees an event is the domain's one rule (`events::may_see`),
//! asked on every path; places are counted under the event's row lock (see `store::events`).

use chrono::{DateTime, Utc};
use pioneer_domain::events::ics::{self, CalendarEntry, EntryStatus};
use pioneer_domain::events::{
    Attendee, Event, NewEvent, Registration, RegistrationStatus, ValidEvent, admit, may_manage,
    may_organise, may_see, places_free, registration_open,
};
use pioneer_domain::knowledge::{Reader, may_read};
use pioneer_domain::notifications::NotificationKind;
use pioneer_domain::page::Paging;
use pioneer_domain::{ErrorCode, FieldError};
use uuid::Uuid;

use crate::auth::CurrentUser;
use crate::discussions::reader;
use crate::entities::event;
use crate::error::{ApiError, ApiResult};
use crate::jobs::enqueue_mail;
use crate::mail::compose::{self, EventReminderMail};
use crate::markdown::Markdown;
use crate::state::AppState;
use crate::store::events::{self as events_store, EventFilter};
use crate::store::notifications::NewNotification;
use crate::store::{self, StoreResult};

/// Event `id` if `reader` may see it; 404 otherwise.
async fn visible(state: &AppState, reader: &Reader, id: Uuid) -> ApiResult<event::Model> {
    events_store::find(&state.db, id)
        .await?
        .filter(|row| may_see(reader, row.group_id))
        .ok_or_else(|| ApiError::not_found("event"))
}

async fn answer(state: &AppState, reader: &Reader, row: event::Model) -> ApiResult<Event> {
    events_store::to_events(&state.db, vec![row], reader)
        .await?
        .pop()
        .ok_or_else(|| ApiError::not_found("event"))
}

pub async fn list(
    state: &AppState,
    user: &CurrentUser,
    filter: EventFilter,
    paging: Paging,
) -> ApiResult<(Vec<Event>, u64)> {
    let reader = reader(state, user).await?;
    Ok(events_store::page(&state.db, &reader, filter, state.clock.now(), paging).await?)
}

pub async fn event(state: &AppState, user: &CurrentUser, id: Uuid) -> ApiResult<Event> {
    let reader = reader(state, user).await?;
    let row = visible(state, &reader, id).await?;
    answer(state, &reader, row).await
}

/// The group and the recording an event names must exist, and be the reader's to use.
async fn check_links(state: &AppState, reader: &Reader, valid: &ValidEvent) -> ApiResult<()> {
    if let Some(group) = valid.group_id
        && store::groups::find(&state.db, group, reader.user_id)
            .await?
            .is_none()
    {
        return Err(ApiError::validation(vec![FieldError::new(
            "group_id",
            "unknown_group",
            "no thematic group has this id",
        )]));
    }
    if let Some(recording) = valid.recording_resource_id {
        let found = store::resources::find_many(&state.db, &[recording]).await?;
        let readable = match found.first() {
            Some(row) => may_read(Some(reader), &store::resources::facts(row)?),
            None => false,
        };
        if !readable {
            return Err(ApiError::validation(vec![FieldError::new(
                "recording_resource_id",
                "unknown_resource",
                "no resource of the knowledge base that you can read has this id",
            )]));
        }
    }
    Ok(())
}

pub async fn create(state: &AppState, user: &CurrentUser, input: &NewEvent) -> ApiResult<Event> {
    let valid = input.validate().map_err(ApiError::validation)?;
    let reader = reader(state, user).await?;
    check_links(state, &reader, &valid).await?;
    if !may_organise(&reader, valid.group_id) {
        return Err(ApiError::forbidden(
            "events are organised by the secretariat, and a group's by its moderators",
        ));
    }
    let html = Markdown::shared().to_html(&valid.description);
    let id = Uuid::now_v7();
    let write = state.write(user.id).await?;
    events_store::create(&write.txn, id, &valid, user.id, html, write.now).await?;
    let row = events_store::find(&write.txn, id)
        .await?
        .ok_or_else(|| ApiError::not_found("event"))?;
    write.commit().await?;
    tracing::info!(event_id = %id, "event created");
    answer(state, &reader, row).await
}

/// The organiser changes the event. Its group stays; its capacity cannot fall below those who
/// hold a place, and a larger one gives the new places to the waiting list, in order.
pub async fn update(
    state: &AppState,
    user: &CurrentUser,
    id: Uuid,
    input: &NewEvent,
) -> ApiResult<Event> {
    let valid = input.validate().map_err(ApiError::validation)?;
    let reader = reader(state, user).await?;
    let row = visible(state, &reader, id).await?;
    if !may_manage(&reader, row.organiser_id, row.group_id) {
        return Err(ApiError::forbidden(
            "an event is changed by its organiser or the group's moderators",
        ));
    }
    if valid.group_id != row.group_id {
        return Err(ApiError::validation(vec![FieldError::new(
            "group_id",
            "fixed",
            "an event stays in the group it was created in",
        )]));
    }
    check_links(state, &reader, &valid).await?;
    let html = Markdown::shared().to_html(&valid.description);
    let write = state.write(user.id).await?;
    events_store::lock(&write.txn, id).await?;
    let row = events_store::find(&write.txn, id)
        .await?
        .ok_or_else(|| ApiError::not_found("event"))?;
    let (_, registered, _) = events_store::places(&row);
    if let Some(capacity) = valid.capacity
        && capacity < registered
    {
        return Err(ApiError::validation(vec![FieldError::new(
            "capacity",
            "below_registered",
            format!("{registered} members hold a place: the capacity cannot be smaller"),
        )]));
    }
    let row = events_store::update(&write.txn, row, &valid, html, write.now).await?;
    let (capacity, registered, waiting) = events_store::places(&row);
    let promoted = events_store::promote(
        &write.txn,
        id,
        places_free(capacity, registered, waiting),
        write.now,
    )
    .await?;
    tell_promoted(&write.txn, &row, user.id, promoted, write.now).await?;
    let row = events_store::find(&write.txn, id)
        .await?
        .ok_or_else(|| ApiError::not_found("event"))?;
    write.commit().await?;
    answer(state, &reader, row).await
}

async fn tell_promoted(
    db: &impl store::Connection,
    row: &event::Model,
    actor_id: Uuid,
    promoted: Vec<Uuid>,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    let notices = promoted
        .into_iter()
        .map(|user_id| NewNotification {
            user_id,
            kind: NotificationKind::EventPlace,
            actor_id: Some(actor_id),
            subject: row.title.clone(),
            detail: None,
            link: format!("/events/{}", row.id),
            group_id: row.group_id,
        })
        .collect();
    store::notifications::insert_many(db, notices, now).await
}

/// Registers the member: a place while there is one, the waiting list after. Registering again
/// answers the registration they have (`false`: nothing new).
pub async fn register(
    state: &AppState,
    user: &CurrentUser,
    id: Uuid,
) -> ApiResult<(Registration, bool)> {
    let reader = reader(state, user).await?;
    let row = visible(state, &reader, id).await?;
    let closed = || {
        ApiError::conflict(
            ErrorCode::RegistrationClosed,
            "registration closed when the event started",
        )
    };
    if !registration_open(row.starts_at, state.clock.now()) {
        return Err(closed());
    }
    let write = state.write(user.id).await?;
    events_store::lock(&write.txn, id).await?;
    let row = events_store::find(&write.txn, id)
        .await?
        .ok_or_else(|| ApiError::not_found("event"))?;
    if !registration_open(row.starts_at, write.now) {
        return Err(closed());
    }
    let previous = events_store::registration_of(&write.txn, id, user.id).await?;
    if let Some(existing) = previous
        .as_ref()
        .filter(|r| r.status != RegistrationStatus::Cancelled.as_str())
    {
        let existing = events_store::registration(&write.txn, existing.clone()).await?;
        return Ok((existing, false));
    }
    let (capacity, registered, _) = events_store::places(&row);
    let status = admit(capacity, registered);
    let saved =
        events_store::register(&write.txn, id, user.id, previous, status, write.now).await?;
    let registration = events_store::registration(&write.txn, saved).await?;
    write.commit().await?;
    tracing::info!(event_id = %id, status = status.as_str(), "registration");
    Ok((registration, true))
}

/// Cancels a registration (its member, or the event's organisers); a place it frees goes to
/// the first on the waiting list, who is told.
pub async fn cancel(
    state: &AppState,
    user: &CurrentUser,
    id: Uuid,
    registration_id: Uuid,
) -> ApiResult<Registration> {
    let reader = reader(state, user).await?;
    let row = visible(state, &reader, id).await?;
    let manages = may_manage(&reader, row.organiser_id, row.group_id);
    let write = state.write(user.id).await?;
    events_store::lock(&write.txn, id).await?;
    let found = events_store::find_registration(&write.txn, id, registration_id)
        .await?
        .filter(|r| manages || r.user_id == user.id)
        .ok_or_else(|| ApiError::not_found("registration"))?;
    if found.status == RegistrationStatus::Cancelled.as_str() {
        return Ok(events_store::registration(&write.txn, found).await?);
    }
    let (cancelled, was) = events_store::cancel(&write.txn, found, write.now).await?;
    if was == RegistrationStatus::Registered {
        let row = events_store::find(&write.txn, id)
            .await?
            .ok_or_else(|| ApiError::not_found("event"))?;
        let (capacity, registered, waiting) = events_store::places(&row);
        let promoted = events_store::promote(
            &write.txn,
            id,
            places_free(capacity, registered, waiting),
            write.now,
        )
        .await?;
        tell_promoted(&write.txn, &row, user.id, promoted, write.now).await?;
    }
    let registration = events_store::registration(&write.txn, cancelled).await?;
    write.commit().await?;
    Ok(registration)
}

pub async fn attendees(
    state: &AppState,
    user: &CurrentUser,
    id: Uuid,
    paging: Paging,
) -> ApiResult<(Vec<Attendee>, u64)> {
    let reader = reader(state, user).await?;
    let row = visible(state, &reader, id).await?;
    if !may_manage(&reader, row.organiser_id, row.group_id) {
        return Err(ApiError::forbidden(
            "the attendee list is for the event's organisers",
        ));
    }
    Ok(events_store::attendees(&state.db, id, paging).await?)
}

fn host(public_url: &str) -> &str {
    let rest = public_url.split("://").nth(1).unwrap_or(public_url);
    rest.split(['/', ':']).next().unwrap_or(rest)
}

fn entry(state: &AppState, row: &event::Model, status: EntryStatus) -> ApiResult<CalendarEntry> {
    let timezone = row
        .timezone
        .parse()
        .map_err(|_| store::StoreError::corrupt("event time zone", &row.timezone))?;
    let url = format!("{}/events/{}", state.config.public_url, row.id);
    Ok(CalendarEntry {
        id: row.id,
        title: row.title.clone(),
        description: format!("{}\n\n{url}", row.description).trim().to_owned(),
        starts_at: row.starts_at,
        ends_at: row.ends_at,
        timezone,
        location: row.location.clone().or_else(|| row.online_url.clone()),
        url,
        sequence: u32::try_from(row.sequence).unwrap_or(0),
        status,
    })
}

/// `/events/{id}.ics`: the event, for any member who sees it.
pub async fn ics_file(state: &AppState, user: &CurrentUser, id: Uuid) -> ApiResult<String> {
    let reader = reader(state, user).await?;
    let row = visible(state, &reader, id).await?;
    let entry = entry(state, &row, EntryStatus::Confirmed)?;
    let host = host(&state.config.public_url);
    Ok(ics::calendar(&row.title, &[entry], host, state.clock.now()))
}

/// `/me/calendar.ics`: the events the member holds a place for (confirmed) or waits for
/// (tentative), among those they may still see.
pub async fn calendar(state: &AppState, user: &CurrentUser) -> ApiResult<String> {
    let reader = reader(state, user).await?;
    let mut entries = Vec::new();
    for (row, status) in events_store::calendar_of(&state.db, user.id).await? {
        if !may_see(&reader, row.group_id) {
            continue;
        }
        let status = match status {
            RegistrationStatus::Registered => EntryStatus::Confirmed,
            _ => EntryStatus::Tentative,
        };
        entries.push(entry(state, &row, status)?);
    }
    let host = host(&state.config.public_url);
    Ok(ics::calendar(
        "Pioneer Hub",
        &entries,
        host,
        state.clock.now(),
    ))
}

/// Writes the reminder of the day before (a mail and a notification) for each place in an
/// event that starts within a day, once per registration whatever the replicas; answers how
/// many were written.
pub async fn write_reminders(state: &AppState) -> StoreResult<usize> {
    let now = state.clock.now();
    let due = events_store::due_reminders(&state.db, now).await?;
    if due.is_empty() {
        return Ok(0);
    }
    let (_turn, txn) = crate::db::begin_write(&state.db).await?;
    let mut written = 0;
    for reminder in due {
        if !events_store::mark_reminded(&txn, reminder.registration_id, now).await? {
            continue;
        }
        let event = &reminder.event;
        let link = format!("{}/events/{}", state.config.public_url, event.id);
        let when = match event.timezone.parse::<chrono_tz::Tz>() {
            Ok(tz) => event
                .starts_at
                .with_timezone(&tz)
                .format("%Y-%m-%d %H:%M (%Z, UTC%:z)")
                .to_string(),
            Err(_) => event.starts_at.format("%Y-%m-%d %H:%M UTC").to_string(),
        };
        let mail = compose::event_reminder(
            &state.texts,
            &EventReminderMail {
                language: &reminder.user.language,
                email: &reminder.user.email,
                name: &reminder.user.name,
                title: &event.title,
                when: &when,
                timezone: &event.timezone,
                link: &link,
            },
        );
        enqueue_mail(
            &txn,
            &mail,
            Some(format!("event-reminder:{}", reminder.registration_id)),
            now,
        )
        .await?;
        let notice = NewNotification {
            user_id: reminder.user.id,
            kind: NotificationKind::EventReminder,
            actor_id: None,
            subject: event.title.clone(),
            detail: None,
            link: format!("/events/{}", event.id),
            group_id: event.group_id,
        };
        store::notifications::insert_many(&txn, vec![notice], now).await?;
        written += 1;
    }
    txn.commit().await?;
    if written > 0 {
        state.job_wake.notify_one();
    }
    Ok(written)
}
