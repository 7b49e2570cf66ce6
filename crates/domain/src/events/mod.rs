//! Events: webinars, trainings, regional workshops, peer exchanges, consultations and
//! conferences. An event's start and end are instants (UTC) with the organiser's IANA time zone,
//! so that each viewer sees them in their own zone and a calendar file names the zone. Places
//! are limited: registration admits until the capacity is reached and waitlists after; a
//! cancellation gives the place to the first one waiting.

pub mod ics;

use chrono::{DateTime, Datelike, Duration, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::FieldError;
use crate::classification::parse_language_codes;
use crate::discussions::{Place, PostAuthor, may_read};
use crate::knowledge::{Reader, may_moderate};
use crate::membership::application::parse_line;

pub const MAX_TITLE_CHARS: usize = 200;
pub const MAX_DESCRIPTION_CHARS: usize = 10_000;
pub const MAX_LOCATION_CHARS: usize = 300;
pub const MAX_URL_CHARS: usize = 2_000;
pub const MAX_CAPACITY: u32 = 100_000;
/// The years an event may start in.
pub const MIN_YEAR: i32 = 2000;
pub const MAX_YEAR: i32 = 2100;
/// Longer than this is a programme, not an event.
pub const MAX_DAYS: i64 = 31;

/// Time zones the event form offers, besides the organiser's own: where the alliance's
/// countries and partners are.
pub const SUGGESTED_ZONES: &[&str] = &[
    "UTC",
    "Africa/Abidjan",
    "Africa/Accra",
    "Africa/Addis_Ababa",
    "Africa/Dakar",
    "Africa/Dar_es_Salaam",
    "Africa/Johannesburg",
    "Africa/Kampala",
    "Africa/Kinshasa",
    "Africa/Lagos",
    "Africa/Nairobi",
    "America/Bogota",
    "America/Guatemala",
    "America/Lima",
    "America/Mexico_City",
    "America/New_York",
    "America/Sao_Paulo",
    "America/Santiago",
    "Asia/Jakarta",
    "Asia/Kathmandu",
    "Asia/Manila",
    "Asia/Colombo",
    "Asia/Tokyo",
    "Australia/Sydney",
    "Europe/Lisbon",
    "Europe/London",
    "Europe/Madrid",
    "Europe/Paris",
    "Europe/Stockholm",
    "Europe/Zurich",
    "Pacific/Fiji",
];

/// What kind of gathering it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    Webinar,
    Training,
    RegionalWorkshop,
    PeerExchange,
    Consultation,
    Conference,
}

impl EventKind {
    pub const ALL: [EventKind; 6] = [
        EventKind::Webinar,
        EventKind::Training,
        EventKind::RegionalWorkshop,
        EventKind::PeerExchange,
        EventKind::Consultation,
        EventKind::Conference,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Webinar => "webinar",
            EventKind::Training => "training",
            EventKind::RegionalWorkshop => "regional_workshop",
            EventKind::PeerExchange => "peer_exchange",
            EventKind::Consultation => "consultation",
            EventKind::Conference => "conference",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.as_str() == raw)
    }
}

/// Where a member stands for an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RegistrationStatus {
    /// Has a place.
    Registered,
    /// Waits for a place, in the order they registered.
    Waitlisted,
    Cancelled,
}

impl RegistrationStatus {
    pub const ALL: [RegistrationStatus; 3] = [
        RegistrationStatus::Registered,
        RegistrationStatus::Waitlisted,
        RegistrationStatus::Cancelled,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RegistrationStatus::Registered => "registered",
            RegistrationStatus::Waitlisted => "waitlisted",
            RegistrationStatus::Cancelled => "cancelled",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|status| status.as_str() == raw)
    }
}

/// `POST /events` and `PUT /events/{id}`: an event's fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewEvent {
    pub kind: EventKind,
    pub title: String,
    /// Markdown.
    #[serde(default)]
    pub description: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    /// The organiser's IANA time zone, e.g. `Africa/Nairobi`.
    #[cfg_attr(feature = "openapi", schema(example = "Africa/Nairobi"))]
    pub timezone: String,
    /// The languages it is held in (ISO 639-1 codes: `en`, `fr`, `sw`).
    #[serde(default)]
    pub languages: Vec<String>,
    /// The languages interpreted into.
    #[serde(default)]
    pub interpretation: Vec<String>,
    /// Places; none: as many as come.
    #[serde(default)]
    pub capacity: Option<u32>,
    /// The link to join online (shown to those who have a place and to its organisers).
    #[serde(default)]
    pub online_url: Option<String>,
    /// Where it is held, for those who come in person.
    #[serde(default)]
    pub location: Option<String>,
    /// The thematic group it belongs to (its members only); none: every member.
    #[serde(default)]
    pub group_id: Option<Uuid>,
    /// Its recording in the knowledge base, once held.
    #[serde(default)]
    pub recording_resource_id: Option<Uuid>,
}

/// An event's fields, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidEvent {
    pub kind: EventKind,
    pub title: String,
    pub description: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub timezone: Tz,
    pub languages: Vec<String>,
    pub interpretation: Vec<String>,
    pub capacity: Option<u32>,
    pub online_url: Option<String>,
    pub location: Option<String>,
    pub group_id: Option<Uuid>,
    pub recording_resource_id: Option<Uuid>,
}

/// An IANA time zone name (`Africa/Nairobi`, `UTC`).
pub fn parse_timezone(field: &str, raw: &str) -> Result<Tz, FieldError> {
    raw.trim().parse::<Tz>().map_err(|_| {
        FieldError::new(
            field,
            "unknown_timezone",
            "an IANA time zone name, such as Africa/Nairobi or America/Bogota",
        )
    })
}

/// An `http(s)://` address without spaces or control characters.
pub fn parse_url(field: &str, raw: &str) -> Result<String, FieldError> {
    let url = raw.trim();
    let scheme_ok = url
        .get(..8)
        .is_some_and(|s| s.eq_ignore_ascii_case("https://"))
        || url
            .get(..7)
            .is_some_and(|s| s.eq_ignore_ascii_case("http://"));
    if !scheme_ok
        || url.len() > MAX_URL_CHARS
        || url.chars().any(|c| c.is_whitespace() || c.is_control())
        || url.trim_start_matches(|c| c != '/').len() <= 2
    {
        return Err(FieldError::new(
            field,
            "invalid_url",
            "an address starting with https:// (or http://)",
        ));
    }
    Ok(url.to_owned())
}

/// The value, or `None` with its problem noted.
fn keep<T>(errors: &mut Vec<FieldError>, result: Result<T, FieldError>) -> Option<T> {
    result.map_err(|e| errors.push(e)).ok()
}

impl NewEvent {
    /// Checks every field and reports every problem at once.
    pub fn validate(&self) -> Result<ValidEvent, Vec<FieldError>> {
        let mut errors = Vec::new();
        let title = keep(
            &mut errors,
            parse_line("title", &self.title, MAX_TITLE_CHARS),
        );
        let description = self.description.trim().to_owned();
        let timezone = keep(&mut errors, parse_timezone("timezone", &self.timezone));
        let languages = keep(
            &mut errors,
            parse_language_codes("languages", &self.languages),
        );
        let interpretation = keep(
            &mut errors,
            parse_language_codes("interpretation", &self.interpretation),
        );
        let online_url = match self.online_url.as_deref().map(str::trim) {
            None | Some("") => Some(None),
            Some(raw) => keep(&mut errors, parse_url("online_url", raw).map(Some)),
        };
        let location = match self.location.as_deref().map(str::trim) {
            None | Some("") => Some(None),
            Some(raw) => keep(
                &mut errors,
                parse_line("location", raw, MAX_LOCATION_CHARS).map(Some),
            ),
        };
        if description.chars().count() > MAX_DESCRIPTION_CHARS {
            errors.push(FieldError::new(
                "description",
                "too_long",
                format!("a description is at most {MAX_DESCRIPTION_CHARS} characters"),
            ));
        }
        if !(MIN_YEAR..=MAX_YEAR).contains(&self.starts_at.year()) {
            errors.push(FieldError::new(
                "starts_at",
                "out_of_range",
                format!("an event starts between {MIN_YEAR} and {MAX_YEAR}"),
            ));
        } else if self.ends_at <= self.starts_at {
            errors.push(FieldError::new(
                "ends_at",
                "before_start",
                "an event ends after it starts",
            ));
        } else if self.ends_at - self.starts_at > Duration::days(MAX_DAYS) {
            errors.push(FieldError::new(
                "ends_at",
                "too_long",
                format!("an event lasts at most {MAX_DAYS} days"),
            ));
        }
        if let Some(capacity) = self.capacity
            && !(1..=MAX_CAPACITY).contains(&capacity)
        {
            errors.push(FieldError::new(
                "capacity",
                "out_of_range",
                format!("capacity is between 1 and {MAX_CAPACITY}, or none for no limit"),
            ));
        }
        if matches!((&online_url, &location), (Some(None), Some(None))) {
            errors.push(FieldError::new(
                "location",
                "required",
                "say where it is held, or give the link to join online",
            ));
        }
        match (
            title,
            timezone,
            languages,
            interpretation,
            online_url,
            location,
        ) {
            (
                Some(title),
                Some(timezone),
                Some(languages),
                Some(interpretation),
                Some(online_url),
                Some(location),
            ) if errors.is_empty() => Ok(ValidEvent {
                kind: self.kind,
                title,
                description,
                starts_at: self.starts_at,
                ends_at: self.ends_at,
                timezone,
                languages,
                interpretation,
                capacity: self.capacity,
                online_url,
                location,
                group_id: self.group_id,
                recording_resource_id: self.recording_resource_id,
            }),
            _ => Err(errors),
        }
    }
}

/// A member's registration for an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Registration {
    pub id: Uuid,
    pub event_id: Uuid,
    pub user_id: Uuid,
    pub status: RegistrationStatus,
    /// Their place in the waiting list (1: next to get a place), while waitlisted.
    pub waitlist_position: Option<u32>,
    pub created_at: DateTime<Utc>,
}

/// `POST /events/{id}/registrations`: nothing to say, the member registers themself (an
/// empty JSON object; serde alone would also take an empty array).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(try_from = "serde_json::Map<String, serde_json::Value>")]
pub struct NewRegistration {}

impl TryFrom<serde_json::Map<String, serde_json::Value>> for NewRegistration {
    type Error = String;

    fn try_from(_: serde_json::Map<String, serde_json::Value>) -> Result<Self, String> {
        Ok(Self {})
    }
}

/// One line of an event's attendee list (for its organisers).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Attendee {
    #[serde(flatten)]
    pub registration: Registration,
    pub name: String,
    pub email: String,
    pub country_code: Option<String>,
}

/// An event as a member sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Event {
    pub id: Uuid,
    pub kind: EventKind,
    pub title: String,
    /// Markdown.
    pub description: String,
    /// Rendered and sanitised.
    pub description_html: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    /// The organiser's IANA time zone.
    pub timezone: String,
    pub languages: Vec<String>,
    pub interpretation: Vec<String>,
    pub capacity: Option<u32>,
    /// Shown to those with a place and to organisers; `null` to others (see `online`).
    pub online_url: Option<String>,
    /// Whether it can be joined online.
    pub online: bool,
    pub location: Option<String>,
    pub group_id: Option<Uuid>,
    pub group_name: Option<String>,
    pub organiser: PostAuthor,
    pub registered_count: u32,
    pub waitlisted_count: u32,
    pub recording_resource_id: Option<Uuid>,
    /// The reader's own registration, if any (a cancelled one included).
    pub my_registration: Option<Registration>,
    /// Whether the reader may edit it and see its attendees.
    pub may_manage: bool,
    pub created_at: DateTime<Utc>,
}

/// Where an event lives, which decides who sees it: the same rule as discussions.
pub fn may_see(reader: &Reader, group_id: Option<Uuid>) -> bool {
    may_read(reader, Place { group_id })
}

/// Who organises events: the secretariat anywhere, a group's moderators in their group.
pub fn may_organise(reader: &Reader, group_id: Option<Uuid>) -> bool {
    may_moderate(reader, group_id)
}

/// Who manages an event (edits it, sees its attendees): its organiser and those who organise
/// in its place.
pub fn may_manage(reader: &Reader, organiser_id: Uuid, group_id: Option<Uuid>) -> bool {
    reader.user_id == organiser_id || may_organise(reader, group_id)
}

/// Whether registration is still open: until the event starts.
pub fn registration_open(starts_at: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    now < starts_at
}

/// The status a new registration gets: a place while there is one, the waiting list after.
pub fn admit(capacity: Option<u32>, registered: u32) -> RegistrationStatus {
    match capacity {
        Some(capacity) if registered >= capacity => RegistrationStatus::Waitlisted,
        _ => RegistrationStatus::Registered,
    }
}

/// How many of the waiting list get a place when `registered` hold one of `capacity`.
pub fn places_free(capacity: Option<u32>, registered: u32, waiting: u32) -> u32 {
    match capacity {
        Some(capacity) => capacity.saturating_sub(registered).min(waiting),
        None => waiting,
    }
}

/// Whether an event still holds the reminder the day before: it starts within a day.
pub fn reminder_due(starts_at: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    now < starts_at && starts_at - now <= Duration::days(1)
}

#[cfg(test)]
mod tests;
