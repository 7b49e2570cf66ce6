//! Events and their registrations. A page of events is a fixed number of queries whatever its
//! length: the rows, then the organisers' names, the groups' names and the reader's own
//! registrations (with their places on the waiting lists), each in one query.
//!
//! Every change to an event's registrations starts by touching the event's row ([`lock`]): on
//! PostgreSQL that row lock queues concurrent registrations for one event, on SQLite the write
//! lock does; so counting the places and taking one never interleave.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Duration, Utc};
use pioneer_domain::discussions::PostAuthor;
use pioneer_domain::events::{
    Attendee, Event, EventKind, Registration, RegistrationStatus, ValidEvent, may_manage,
};
use pioneer_domain::knowledge::Reader;
use pioneer_domain::page::Paging;
use pioneer_domain::policy::can_manage_users;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityTrait,
    IntoActiveModel, QueryFilter, QueryOrder, QuerySelect, Set,
};
use uuid::Uuid;

use super::{StoreError, StoreResult, fetch_page, json_list, list_json, names};
use crate::entities::{event, event_registration, user};

fn count(value: i32) -> u32 {
    u32::try_from(value).unwrap_or(0)
}

fn capacity(row: &event::Model) -> Option<u32> {
    row.capacity.and_then(|c| u32::try_from(c).ok())
}

fn status(raw: &str) -> StoreResult<RegistrationStatus> {
    RegistrationStatus::parse(raw).ok_or_else(|| StoreError::corrupt("registration status", raw))
}

/// The event's capacity as the domain reads it.
pub fn places(row: &event::Model) -> (Option<u32>, u32, u32) {
    (
        capacity(row),
        count(row.registered_count),
        count(row.waitlisted_count),
    )
}

pub async fn create(
    db: &impl ConnectionTrait,
    id: Uuid,
    valid: &ValidEvent,
    organiser_id: Uuid,
    description_html: String,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    event::ActiveModel {
        id: Set(id),
        kind: Set(valid.kind.as_str().to_owned()),
        title: Set(valid.title.clone()),
        description: Set(valid.description.clone()),
        description_html: Set(description_html),
        starts_at: Set(valid.starts_at),
        ends_at: Set(valid.ends_at),
        timezone: Set(valid.timezone.name().to_owned()),
        languages: Set(list_json(&valid.languages)),
        interpretation: Set(list_json(&valid.interpretation)),
        capacity: Set(valid.capacity.and_then(|c| i32::try_from(c).ok())),
        online_url: Set(valid.online_url.clone()),
        location: Set(valid.location.clone()),
        group_id: Set(valid.group_id),
        organiser_id: Set(organiser_id),
        registered_count: Set(0),
        waitlisted_count: Set(0),
        recording_resource_id: Set(valid.recording_resource_id),
        sequence: Set(0),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(db)
    .await?;
    Ok(())
}

/// Rewrites the event's fields (its group stays); calendars see a new `SEQUENCE`.
pub async fn update(
    db: &impl ConnectionTrait,
    row: event::Model,
    valid: &ValidEvent,
    description_html: String,
    now: DateTime<Utc>,
) -> StoreResult<event::Model> {
    let sequence = row.sequence + 1;
    let mut active = row.into_active_model();
    active.kind = Set(valid.kind.as_str().to_owned());
    active.title = Set(valid.title.clone());
    active.description = Set(valid.description.clone());
    active.description_html = Set(description_html);
    active.starts_at = Set(valid.starts_at);
    active.ends_at = Set(valid.ends_at);
    active.timezone = Set(valid.timezone.name().to_owned());
    active.languages = Set(list_json(&valid.languages));
    active.interpretation = Set(list_json(&valid.interpretation));
    active.capacity = Set(valid.capacity.and_then(|c| i32::try_from(c).ok()));
    active.online_url = Set(valid.online_url.clone());
    active.location = Set(valid.location.clone());
    active.recording_resource_id = Set(valid.recording_resource_id);
    active.sequence = Set(sequence);
    active.updated_at = Set(now);
    Ok(active.update(db).await?)
}

pub async fn find(db: &impl ConnectionTrait, id: Uuid) -> StoreResult<Option<event::Model>> {
    Ok(event::Entity::find_by_id(id).one(db).await?)
}

/// Takes the event's row for this transaction (see the module's note); `false`: no such event.
pub async fn lock(db: &impl ConnectionTrait, id: Uuid) -> StoreResult<bool> {
    let touched = event::Entity::update_many()
        .col_expr(
            event::Column::RegisteredCount,
            Expr::col(event::Column::RegisteredCount),
        )
        .filter(event::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(touched.rows_affected == 1)
}

/// The events `reader` may see, as a condition: every member's, and those of their groups
/// (every group's, for the secretariat). The same rule as `events::may_see`.
fn visible_to(reader: &Reader) -> Condition {
    if can_manage_users(reader.role) {
        return Condition::all();
    }
    Condition::any()
        .add(event::Column::GroupId.is_null())
        .add(event::Column::GroupId.is_in(reader.groups.keys().copied()))
}

/// Which events to list.
#[derive(Debug, Clone, Copy, Default)]
pub struct EventFilter {
    /// Ended (`true`, the most recent first) or not yet ended (`false`, the soonest first).
    pub past: bool,
    pub group_id: Option<Uuid>,
    pub kind: Option<EventKind>,
    /// Those starting in `[from, to)`, for a calendar's month.
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
}

pub async fn page(
    db: &DatabaseConnection,
    reader: &Reader,
    filter: EventFilter,
    now: DateTime<Utc>,
    paging: Paging,
) -> StoreResult<(Vec<Event>, u64)> {
    let mut select = event::Entity::find().filter(visible_to(reader));
    if let Some(group) = filter.group_id {
        select = select.filter(event::Column::GroupId.eq(group));
    }
    if let Some(kind) = filter.kind {
        select = select.filter(event::Column::Kind.eq(kind.as_str()));
    }
    if let Some(from) = filter.from {
        select = select.filter(event::Column::StartsAt.gte(from));
    }
    if let Some(to) = filter.to {
        select = select.filter(event::Column::StartsAt.lt(to));
    }
    let select = if filter.from.is_some() || filter.to.is_some() {
        select.order_by_asc(event::Column::StartsAt)
    } else if filter.past {
        select
            .filter(event::Column::EndsAt.lte(now))
            .order_by_desc(event::Column::StartsAt)
    } else {
        select
            .filter(event::Column::EndsAt.gt(now))
            .order_by_asc(event::Column::StartsAt)
    };
    let select = select.order_by_asc(event::Column::Id);
    let (rows, total) = fetch_page(db, select, paging).await?;
    Ok((to_events(db, rows, reader).await?, total))
}

/// The events as `reader` sees them (four queries for any number).
pub async fn to_events(
    db: &impl ConnectionTrait,
    rows: Vec<event::Model>,
    reader: &Reader,
) -> StoreResult<Vec<Event>> {
    let organisers = names::names(db, rows.iter().map(|e| e.organiser_id)).await?;
    let group_ids: HashSet<Uuid> = rows.iter().filter_map(|e| e.group_id).collect();
    let groups = super::groups::names(db, group_ids).await?;
    let mine = registrations_of(db, reader.user_id, rows.iter().map(|e| e.id)).await?;
    let mut events = Vec::with_capacity(rows.len());
    for row in rows {
        let my_registration = mine.get(&row.id).cloned();
        let manages = may_manage(reader, row.organiser_id, row.group_id);
        let has_place = my_registration
            .as_ref()
            .is_some_and(|r| r.status == RegistrationStatus::Registered);
        let (capacity, registered_count, waitlisted_count) = places(&row);
        events.push(Event {
            kind: EventKind::parse(&row.kind)
                .ok_or_else(|| StoreError::corrupt("event kind", &row.kind))?,
            languages: json_list("event languages", &row.languages)?,
            interpretation: json_list("event languages", &row.interpretation)?,
            online: row.online_url.is_some(),
            online_url: row.online_url.filter(|_| manages || has_place),
            organiser: PostAuthor {
                id: row.organiser_id,
                name: organisers
                    .get(&row.organiser_id)
                    .cloned()
                    .unwrap_or_default(),
            },
            group_name: row.group_id.and_then(|g| groups.get(&g).cloned()),
            id: row.id,
            title: row.title,
            description: row.description,
            description_html: row.description_html,
            starts_at: row.starts_at,
            ends_at: row.ends_at,
            timezone: row.timezone,
            capacity,
            location: row.location,
            group_id: row.group_id,
            registered_count,
            waitlisted_count,
            recording_resource_id: row.recording_resource_id,
            my_registration,
            may_manage: manages,
            created_at: row.created_at,
        });
    }
    Ok(events)
}

/// `user_id`'s registrations for `events`, with their places on the waiting lists (two
/// queries).
async fn registrations_of(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    events: impl IntoIterator<Item = Uuid>,
) -> StoreResult<HashMap<Uuid, Registration>> {
    let events: Vec<Uuid> = events.into_iter().collect();
    if events.is_empty() {
        return Ok(HashMap::new());
    }
    let rows = event_registration::Entity::find()
        .filter(event_registration::Column::UserId.eq(user_id))
        .filter(event_registration::Column::EventId.is_in(events))
        .all(db)
        .await?;
    let waiting_in: Vec<Uuid> = rows
        .iter()
        .filter(|r| r.status == RegistrationStatus::Waitlisted.as_str())
        .map(|r| r.event_id)
        .collect();
    let positions = if waiting_in.is_empty() {
        HashMap::new()
    } else {
        waitlist_positions(db, waiting_in).await?
    };
    rows.into_iter()
        .map(|row| {
            let position = positions.get(&row.id).copied();
            Ok((row.event_id, to_registration(row, position)?))
        })
        .collect()
}

/// Each waitlisted registration's place in its event's list (one query).
async fn waitlist_positions(
    db: &impl ConnectionTrait,
    events: Vec<Uuid>,
) -> StoreResult<HashMap<Uuid, u32>> {
    let waiting = event_registration::Entity::find()
        .filter(event_registration::Column::EventId.is_in(events))
        .filter(event_registration::Column::Status.eq(RegistrationStatus::Waitlisted.as_str()))
        .order_by_asc(event_registration::Column::EventId)
        .order_by_asc(event_registration::Column::CreatedAt)
        .order_by_asc(event_registration::Column::Id)
        .all(db)
        .await?;
    let mut positions = HashMap::new();
    let mut current: Option<Uuid> = None;
    let mut place = 0;
    for row in waiting {
        if current != Some(row.event_id) {
            current = Some(row.event_id);
            place = 0;
        }
        place += 1;
        positions.insert(row.id, place);
    }
    Ok(positions)
}

fn to_registration(
    row: event_registration::Model,
    waitlist_position: Option<u32>,
) -> StoreResult<Registration> {
    Ok(Registration {
        status: status(&row.status)?,
        id: row.id,
        event_id: row.event_id,
        user_id: row.user_id,
        waitlist_position,
        created_at: row.created_at,
    })
}

/// The registration as its member sees it (with their place on the waiting list).
pub async fn registration(
    db: &impl ConnectionTrait,
    row: event_registration::Model,
) -> StoreResult<Registration> {
    let position = if row.status == RegistrationStatus::Waitlisted.as_str() {
        waitlist_positions(db, vec![row.event_id])
            .await?
            .get(&row.id)
            .copied()
    } else {
        None
    };
    to_registration(row, position)
}

pub async fn find_registration(
    db: &impl ConnectionTrait,
    event_id: Uuid,
    id: Uuid,
) -> StoreResult<Option<event_registration::Model>> {
    Ok(event_registration::Entity::find_by_id(id)
        .filter(event_registration::Column::EventId.eq(event_id))
        .one(db)
        .await?)
}

pub async fn registration_of(
    db: &impl ConnectionTrait,
    event_id: Uuid,
    user_id: Uuid,
) -> StoreResult<Option<event_registration::Model>> {
    Ok(event_registration::Entity::find()
        .filter(event_registration::Column::EventId.eq(event_id))
        .filter(event_registration::Column::UserId.eq(user_id))
        .one(db)
        .await?)
}

/// Moves the event's counters by what a registration's change from `from` to `to` does.
async fn count_change(
    db: &impl ConnectionTrait,
    event_id: Uuid,
    from: Option<RegistrationStatus>,
    to: RegistrationStatus,
    how_many: i32,
) -> StoreResult<()> {
    let delta = |status: RegistrationStatus| {
        i32::from(to == status) * how_many - i32::from(from == Some(status)) * how_many
    };
    let (registered, waitlisted) = (
        delta(RegistrationStatus::Registered),
        delta(RegistrationStatus::Waitlisted),
    );
    if registered == 0 && waitlisted == 0 {
        return Ok(());
    }
    event::Entity::update_many()
        .col_expr(
            event::Column::RegisteredCount,
            Expr::col(event::Column::RegisteredCount).add(registered),
        )
        .col_expr(
            event::Column::WaitlistedCount,
            Expr::col(event::Column::WaitlistedCount).add(waitlisted),
        )
        .filter(event::Column::Id.eq(event_id))
        .exec(db)
        .await?;
    Ok(())
}

/// Registers `user_id` with `status` (a cancelled registration is taken up again, at the end
/// of the queue). The caller holds the event's [`lock`].
pub async fn register(
    db: &impl ConnectionTrait,
    event_id: Uuid,
    user_id: Uuid,
    previous: Option<event_registration::Model>,
    to: RegistrationStatus,
    now: DateTime<Utc>,
) -> StoreResult<event_registration::Model> {
    let row = match previous {
        Some(previous) => {
            let mut active = previous.into_active_model();
            active.status = Set(to.as_str().to_owned());
            active.created_at = Set(now);
            active.updated_at = Set(now);
            active.reminded_at = Set(None);
            active.update(db).await?
        }
        None => {
            event_registration::ActiveModel {
                id: Set(Uuid::now_v7()),
                event_id: Set(event_id),
                user_id: Set(user_id),
                status: Set(to.as_str().to_owned()),
                created_at: Set(now),
                updated_at: Set(now),
                reminded_at: Set(None),
            }
            .insert(db)
            .await?
        }
    };
    count_change(db, event_id, None, to, 1).await?;
    Ok(row)
}

/// Cancels the registration; answers the status it had. The caller holds the event's [`lock`].
pub async fn cancel(
    db: &impl ConnectionTrait,
    row: event_registration::Model,
    now: DateTime<Utc>,
) -> StoreResult<(event_registration::Model, RegistrationStatus)> {
    let was = status(&row.status)?;
    let mut active = row.into_active_model();
    active.status = Set(RegistrationStatus::Cancelled.as_str().to_owned());
    active.updated_at = Set(now);
    let row = active.update(db).await?;
    count_change(
        db,
        row.event_id,
        Some(was),
        RegistrationStatus::Cancelled,
        1,
    )
    .await?;
    Ok((row, was))
}

/// Gives a place to the first `how_many` on the waiting list, in the order they registered;
/// answers who they are. The caller holds the event's [`lock`].
pub async fn promote(
    db: &impl ConnectionTrait,
    event_id: Uuid,
    how_many: u32,
    now: DateTime<Utc>,
) -> StoreResult<Vec<Uuid>> {
    if how_many == 0 {
        return Ok(Vec::new());
    }
    let first: Vec<event_registration::Model> = event_registration::Entity::find()
        .filter(event_registration::Column::EventId.eq(event_id))
        .filter(event_registration::Column::Status.eq(RegistrationStatus::Waitlisted.as_str()))
        .order_by_asc(event_registration::Column::CreatedAt)
        .order_by_asc(event_registration::Column::Id)
        .limit(u64::from(how_many))
        .all(db)
        .await?;
    if first.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<Uuid> = first.iter().map(|r| r.id).collect();
    event_registration::Entity::update_many()
        .col_expr(
            event_registration::Column::Status,
            Expr::value(RegistrationStatus::Registered.as_str()),
        )
        .col_expr(event_registration::Column::UpdatedAt, Expr::value(now))
        .filter(event_registration::Column::Id.is_in(ids.clone()))
        .exec(db)
        .await?;
    let promoted = i32::try_from(ids.len()).unwrap_or(i32::MAX);
    count_change(
        db,
        event_id,
        Some(RegistrationStatus::Waitlisted),
        RegistrationStatus::Registered,
        promoted,
    )
    .await?;
    Ok(first.into_iter().map(|r| r.user_id).collect())
}

/// A page of the event's attendees: those with a place first, then the waiting list in order,
/// then the cancelled (two queries).
pub async fn attendees(
    db: &DatabaseConnection,
    event_id: Uuid,
    paging: Paging,
) -> StoreResult<(Vec<Attendee>, u64)> {
    let order =
        Expr::cust("CASE status WHEN 'registered' THEN 0 WHEN 'waitlisted' THEN 1 ELSE 2 END");
    let select = event_registration::Entity::find()
        .filter(event_registration::Column::EventId.eq(event_id))
        .order_by(order, sea_orm::Order::Asc)
        .order_by_asc(event_registration::Column::CreatedAt)
        .order_by_asc(event_registration::Column::Id);
    let (rows, total) = fetch_page(db, select, paging).await?;
    let people: HashMap<Uuid, user::Model> = user::Entity::find()
        .filter(user::Column::Id.is_in(rows.iter().map(|r| r.user_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u))
        .collect();
    let mut place = u32::try_from(paging.offset()).unwrap_or(0);
    let mut attendees = Vec::with_capacity(rows.len());
    for row in rows {
        let person = people.get(&row.user_id);
        let waiting = row.status == RegistrationStatus::Waitlisted.as_str();
        // Positions count from the page's start: waitlisted rows follow all registered ones.
        let position = waiting.then(|| {
            place += 1;
            place
        });
        attendees.push(Attendee {
            name: person.map(|p| p.name.clone()).unwrap_or_default(),
            email: person.map(|p| p.email.clone()).unwrap_or_default(),
            country_code: person.and_then(|p| p.country_code.clone()),
            registration: to_registration(row, position)?,
        });
    }
    Ok((attendees, total))
}

/// The events `user_id` is registered or waitlisted for, with that status (two queries).
pub async fn calendar_of(
    db: &impl ConnectionTrait,
    user_id: Uuid,
) -> StoreResult<Vec<(event::Model, RegistrationStatus)>> {
    let registrations = event_registration::Entity::find()
        .filter(event_registration::Column::UserId.eq(user_id))
        .filter(event_registration::Column::Status.ne(RegistrationStatus::Cancelled.as_str()))
        .all(db)
        .await?;
    let statuses: HashMap<Uuid, RegistrationStatus> = registrations
        .iter()
        .map(|r| Ok((r.event_id, status(&r.status)?)))
        .collect::<StoreResult<_>>()?;
    let events = event::Entity::find()
        .filter(event::Column::Id.is_in(statuses.keys().copied()))
        .order_by_asc(event::Column::StartsAt)
        .all(db)
        .await?;
    Ok(events
        .into_iter()
        .filter_map(|e| statuses.get(&e.id).map(|s| (e, *s)))
        .collect())
}

/// Someone to remind of an event that starts within a day.
#[derive(Debug, Clone)]
pub struct DueReminder {
    pub registration_id: Uuid,
    pub event: event::Model,
    pub user: user::Model,
}

/// The registrations (with a place) of events starting within a day whose reminder is not
/// written yet (three queries).
pub async fn due_reminders(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
) -> StoreResult<Vec<DueReminder>> {
    let events: HashMap<Uuid, event::Model> = event::Entity::find()
        .filter(event::Column::StartsAt.gt(now))
        .filter(event::Column::StartsAt.lte(now + Duration::days(1)))
        .filter(event::Column::RegisteredCount.gt(0))
        .all(db)
        .await?
        .into_iter()
        .map(|e| (e.id, e))
        .collect();
    if events.is_empty() {
        return Ok(Vec::new());
    }
    let registrations = event_registration::Entity::find()
        .filter(event_registration::Column::EventId.is_in(events.keys().copied()))
        .filter(event_registration::Column::Status.eq(RegistrationStatus::Registered.as_str()))
        .filter(event_registration::Column::RemindedAt.is_null())
        .all(db)
        .await?;
    let users: HashMap<Uuid, user::Model> = user::Entity::find()
        .filter(user::Column::Id.is_in(registrations.iter().map(|r| r.user_id)))
        .filter(user::Column::Active.eq(true))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u))
        .collect();
    Ok(registrations
        .into_iter()
        .filter_map(|r| {
            Some(DueReminder {
                registration_id: r.id,
                event: events.get(&r.event_id)?.clone(),
                user: users.get(&r.user_id)?.clone(),
            })
        })
        .collect())
}

/// Marks the reminder written; `false`: another replica did it first.
pub async fn mark_reminded(
    db: &impl ConnectionTrait,
    registration_id: Uuid,
    now: DateTime<Utc>,
) -> StoreResult<bool> {
    let done = event_registration::Entity::update_many()
        .col_expr(event_registration::Column::RemindedAt, Expr::value(now))
        .filter(event_registration::Column::Id.eq(registration_id))
        .filter(event_registration::Column::RemindedAt.is_null())
        .exec(db)
        .await?;
    Ok(done.rows_affected == 1)
}
