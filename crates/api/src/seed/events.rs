//! The demo's events: a webinar next week with places left (Kenya's focal point registered), a
//! small peer exchange that is full with a waiting list, a regional workshop in person, a
//! training for the "Safe schools" group, and last month's webinar with its recording in the
//! knowledge base.

use anyhow::Context;
use chrono::{DateTime, Duration, Utc};
use pioneer_domain::events::{EventKind, NewEvent, RegistrationStatus, admit};
use sea_orm::{ColumnTrait, DatabaseTransaction, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use crate::entities::resource;
use crate::markdown::Markdown;
use crate::store::events as events_store;

struct DemoEvent {
    kind: EventKind,
    title: &'static str,
    description: &'static str,
    /// From now; negative: past.
    starts_in_days: i64,
    /// The hour it starts, in its own zone's clock (approximately: UTC plus the offset below).
    utc_hour: u32,
    hours: i64,
    timezone: &'static str,
    languages: &'static [&'static str],
    interpretation: &'static [&'static str],
    capacity: Option<u32>,
    online: bool,
    location: Option<&'static str>,
    group: Option<&'static str>,
    organiser: &'static str,
    /// Who registered, in order.
    registrants: &'static [&'static str],
    with_recording: bool,
}

/// Everyone who organises or registers in the demo's events.
pub const PEOPLE: &[&str] = &[
    "secretariat@pioneer.test",
    "focal.gha@pioneer.test",
    "focal.ken@pioneer.test",
    "focal.col@pioneer.test",
    "focal.mex@pioneer.test",
    "focal.npl@pioneer.test",
    "focal.phl@pioneer.test",
    "focal.sen@pioneer.test",
    "focal.uga@pioneer.test",
    "partner@pioneer.test",
];

const EVENTS: &[DemoEvent] = &[
    DemoEvent {
        kind: EventKind::Webinar,
        title: "Positive parenting at scale: lessons from Kenya",
        description: "Kenya's national parenting programme reached **120 000 families** in two years. The team shares what it took: training facilitators, working with faith leaders, and measuring change.\n\nQuestions are welcome in advance in the general forum.",
        starts_in_days: 6,
        utc_hour: 11,
        hours: 2,
        timezone: "Africa/Nairobi",
        languages: &["en"],
        interpretation: &["fr", "es"],
        capacity: Some(100),
        online: true,
        location: None,
        group: None,
        organiser: "secretariat@pioneer.test",
        registrants: &[
            "focal.ken@pioneer.test",
            "focal.uga@pioneer.test",
            "focal.col@pioneer.test",
        ],
        with_recording: false,
    },
    DemoEvent {
        kind: EventKind::PeerExchange,
        title: "Échange entre pairs : budgétiser la feuille de route",
        description: "Un échange en petit groupe entre points focaux sur le chiffrage des actions clés et le suivi des dépenses.",
        starts_in_days: 10,
        utc_hour: 14,
        hours: 1,
        timezone: "Africa/Dakar",
        languages: &["fr"],
        interpretation: &[],
        capacity: Some(3),
        online: true,
        location: None,
        group: None,
        organiser: "secretariat@pioneer.test",
        registrants: &[
            "focal.sen@pioneer.test",
            "focal.gha@pioneer.test",
            "focal.mex@pioneer.test",
            "focal.phl@pioneer.test",
            "focal.npl@pioneer.test",
        ],
        with_recording: false,
    },
    DemoEvent {
        kind: EventKind::RegionalWorkshop,
        title: "Taller regional de América Latina: escuelas seguras",
        description: "Dos días de trabajo entre Colombia, México y los países interesados, con visitas a escuelas de Bogotá.",
        starts_in_days: 24,
        utc_hour: 13,
        hours: 30,
        timezone: "America/Bogota",
        languages: &["es"],
        interpretation: &["en"],
        capacity: Some(40),
        online: false,
        location: Some("Bogotá, Colombia — Ministerio de Educación Nacional"),
        group: None,
        organiser: "secretariat@pioneer.test",
        registrants: &["focal.mex@pioneer.test"],
        with_recording: false,
    },
    DemoEvent {
        kind: EventKind::Training,
        title: "Training of trainers: positive discipline in schools",
        description: "For the members of the Safe schools group: the training package, how to adapt it, and how to follow up in classrooms.",
        starts_in_days: 14,
        utc_hour: 9,
        hours: 3,
        timezone: "Africa/Accra",
        languages: &["en"],
        interpretation: &["fr"],
        capacity: Some(25),
        online: true,
        location: None,
        group: Some("Safe schools"),
        organiser: "focal.gha@pioneer.test",
        registrants: &["focal.sen@pioneer.test"],
        with_recording: false,
    },
    DemoEvent {
        kind: EventKind::Webinar,
        title: "Online child protection: what platforms can do",
        description: "A conversation with partners on reporting tools, age-appropriate design and cooperation with law enforcement.",
        starts_in_days: -21,
        utc_hour: 14,
        hours: 2,
        timezone: "Europe/Zurich",
        languages: &["en"],
        interpretation: &["fr", "es", "pt"],
        capacity: None,
        online: true,
        location: None,
        group: None,
        organiser: "secretariat@pioneer.test",
        registrants: &[
            "focal.mex@pioneer.test",
            "focal.npl@pioneer.test",
            "focal.phl@pioneer.test",
        ],
        with_recording: true,
    },
];

pub async fn demo_events(
    txn: &DatabaseTransaction,
    people: &[(&str, Uuid)],
    groups: &[(&str, Uuid)],
    now: DateTime<Utc>,
) -> anyhow::Result<()> {
    let who = |email: &str| {
        people
            .iter()
            .find(|(e, _)| *e == email)
            .map(|(_, id)| *id)
            .with_context(|| format!("the demo account {email} is missing"))
    };
    // A published resource of the knowledge base, standing for last month's recording.
    let recording = resource::Entity::find()
        .filter(resource::Column::Status.eq("published"))
        .filter(resource::Column::GroupId.is_null())
        .filter(resource::Column::RevisionOf.is_null())
        .order_by_asc(resource::Column::CreatedAt)
        .one(txn)
        .await?
        .map(|r| r.id);
    let today = now.date_naive();
    for demo in EVENTS {
        let group_id = match demo.group {
            Some(name) => Some(
                groups
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, id)| *id)
                    .with_context(|| format!("the demo group {name} is missing"))?,
            ),
            None => None,
        };
        let starts_at = (today + Duration::days(demo.starts_in_days))
            .and_hms_opt(demo.utc_hour, 0, 0)
            .context("a demo hour")?
            .and_utc();
        let valid = NewEvent {
            kind: demo.kind,
            title: demo.title.into(),
            description: demo.description.into(),
            starts_at,
            ends_at: starts_at + Duration::hours(demo.hours),
            timezone: demo.timezone.into(),
            languages: demo.languages.iter().map(|l| (*l).to_owned()).collect(),
            interpretation: demo
                .interpretation
                .iter()
                .map(|l| (*l).to_owned())
                .collect(),
            capacity: demo.capacity,
            online_url: demo
                .online
                .then(|| "https://meet.example.org/pioneer-hub-demo".to_owned()),
            location: demo.location.map(str::to_owned),
            group_id,
            recording_resource_id: recording.filter(|_| demo.with_recording),
        }
        .validate()
        .map_err(|e| anyhow::anyhow!("demo event {}: {e:?}", demo.title))?;
        let id = Uuid::now_v7();
        let created = now - Duration::days(20);
        let html = Markdown::shared().to_html(&valid.description);
        events_store::create(txn, id, &valid, who(demo.organiser)?, html, created).await?;
        let mut registered = 0;
        for (index, email) in demo.registrants.iter().enumerate() {
            let status = admit(demo.capacity, registered);
            if status == RegistrationStatus::Registered {
                registered += 1;
            }
            let at = created + Duration::hours(i64::try_from(index).unwrap_or(0) + 1);
            events_store::register(txn, id, who(email)?, None, status, at).await?;
        }
    }
    Ok(())
}
