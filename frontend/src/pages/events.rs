//! Events: `/events` (those to come or past, by month, with registration state), `/events/<id>`
//! (one event in the viewer's time zone and its organiser's, registering and cancelling, the
//! calendar file, the attendee list for its organisers), `/events/new` and `/events/<id>/edit`
//! (the organiser's form), and the section of a thematic group's page.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use pioneer_domain::events::{
    Event, EventKind, MAX_TITLE_CHARS, NewEvent, RegistrationStatus, SUGGESTED_ZONES,
};
use pioneer_domain::groups::GroupRole;
use pioneer_domain::policy::can_manage_users;
use uuid::Uuid;

use crate::api::events::EventsFilter;
use crate::api::{self, use_api};
use crate::i18n::{I18n, Key, use_i18n};
use crate::loader::Loader;
use crate::pages::form::{Errors, Pager, described_by, field_message, is_invalid};
use crate::pages::{ErrorAlert, dynamic, error_text, focus_id};
use crate::router::{
    Route, event_edit_href, event_href, event_id_in, group_href, query_param, resource_href,
    use_router,
};
use crate::time::{
    format_in, local_to_utc, month_in, parse_local_input, to_local_input, viewer_zone,
};

pub fn kind_key(kind: EventKind) -> Key {
    match kind {
        EventKind::Webinar => Key::EventKindWebinar,
        EventKind::Training => Key::EventKindTraining,
        EventKind::RegionalWorkshop => Key::EventKindRegionalWorkshop,
        EventKind::PeerExchange => Key::EventKindPeerExchange,
        EventKind::Consultation => Key::EventKindConsultation,
        EventKind::Conference => Key::EventKindConference,
    }
}

fn status_key(status: RegistrationStatus) -> Key {
    match status {
        RegistrationStatus::Registered => Key::RegistrationRegistered,
        RegistrationStatus::Waitlisted => Key::RegistrationWaitlisted,
        RegistrationStatus::Cancelled => Key::RegistrationCancelled,
    }
}

/// When the event is, in `zone`: its start with the day, and its end (with the day too when
/// it ends on another).
fn span_in(i18n: I18n, event: &Event, zone: &str) -> String {
    let locale = i18n.lang().code();
    let start = format_in(&event.starts_at, locale, zone, true);
    let same_day = format_in(&event.starts_at, "en-GB", zone, true).map(|s| day_part(&s))
        == format_in(&event.ends_at, "en-GB", zone, true).map(|s| day_part(&s));
    let end = format_in(&event.ends_at, locale, zone, !same_day);
    match (start, end) {
        (Some(start), Some(end)) => format!("{start} – {end}"),
        // A zone the browser does not know: the instants in UTC.
        _ => format!(
            "{} – {}",
            i18n.date_time(&event.starts_at),
            i18n.date_time(&event.ends_at)
        ),
    }
}

/// The day of a formatted date and time (everything before its last comma).
fn day_part(formatted: &str) -> String {
    formatted
        .rsplit_once(',')
        .map_or(formatted, |(day, _)| day)
        .to_owned()
}

/// What the viewer reads about an event's places.
fn places_text(i18n: I18n, event: &Event) -> String {
    match event.capacity {
        Some(capacity) if event.registered_count >= capacity => i18n.fmt(
            Key::EventFull,
            &[("waiting", &event.waitlisted_count.to_string())],
        ),
        Some(capacity) => i18n.fmt(
            Key::EventPlacesLeft,
            &[
                ("left", &(capacity - event.registered_count).to_string()),
                ("capacity", &capacity.to_string()),
            ],
        ),
        None => i18n.fmt(
            Key::EventRegisteredCount,
            &[("count", &event.registered_count.to_string())],
        ),
    }
}

fn my_status_badge(i18n: I18n, event: &Event) -> Option<impl IntoView + use<>> {
    let registration = event
        .my_registration
        .as_ref()
        .filter(|r| r.status != RegistrationStatus::Cancelled)?;
    let class = match registration.status {
        RegistrationStatus::Registered => "badge badge-ok",
        _ => "badge badge-warn",
    };
    let label = match (registration.status, registration.waitlist_position) {
        (RegistrationStatus::Waitlisted, Some(position)) => i18n.fmt(
            Key::RegistrationWaitlistedAt,
            &[("position", &position.to_string())],
        ),
        (status, _) => i18n.t(status_key(status)).to_owned(),
    };
    Some(view! { <span class=class data-testid="my-registration">{label}</span> })
}

/// The events a filter lists, under their months (in the viewer's zone), with a pager.
#[component]
pub fn EventList(
    #[prop(into)] filter: Signal<EventsFilter>,
    /// Inside a section with its own heading: the months are one level below it.
    #[prop(optional)]
    nested: bool,
) -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let page = RwSignal::new(1u64);
    let zone = viewer_zone();
    let list = Loader::new(move || {
        let (filter, page) = (filter.get(), page.get());
        async move { api::events::list(api, filter, page).await }
    });
    let total = Signal::derive(move || list.get().and_then(Result::ok).map_or(0, |p| p.total));
    let items = move || match list.get() {
        None => view! { <p class="muted">{i18n.tx(Key::Loading)}</p> }.into_any(),
        Some(Err(error)) => view! { <ErrorAlert message=error_text(i18n, &error) /> }.into_any(),
        Some(Ok(page)) if page.items.is_empty() => {
            view! { <p class="muted" data-testid="events-empty">{i18n.tx(Key::EventsEmpty)}</p> }
                .into_any()
        }
        Some(Ok(page)) => {
            let locale = i18n.lang().code();
            let mut months: Vec<(String, Vec<Event>)> = Vec::new();
            for event in page.items {
                let month = month_in(&event.starts_at, locale, &zone)
                    .unwrap_or_else(|| i18n.date(&event.starts_at));
                match months.last_mut() {
                    Some((last, events)) if *last == month => events.push(event),
                    _ => months.push((month, vec![event])),
                }
            }
            months
                .into_iter()
                .map(|(month, events)| {
                    let zone = zone.clone();
                    let heading = if nested {
                        view! { <h3 class="month-heading">{month}</h3> }.into_any()
                    } else {
                        view! { <h2 class="month-heading">{month}</h2> }.into_any()
                    };
                    view! {
                        {heading}
                        <ul class="results" data-testid="events">
                            {events.into_iter().map(|e| event_item(i18n, e, &zone)).collect_view()}
                        </ul>
                    }
                })
                .collect_view()
                .into_any()
        }
    };
    view! {
        {dynamic(items)}
        <Pager page=page total=total per_page=api::events::PER_PAGE />
    }
}

fn event_item(i18n: I18n, event: Event, zone: &str) -> impl IntoView + use<> {
    let when = span_in(i18n, &event, zone);
    let places = places_text(i18n, &event);
    let group = event.group_name.clone().map(|name| view! { " · " {name} });
    let mine = my_status_badge(i18n, &event);
    view! {
        <li class="result event-item" data-testid="event-item">
            <p class="result-meta"><span class="badge">{i18n.tx(kind_key(event.kind))}</span> " " {mine}</p>
            <h3 class="result-title"><a href=event_href(event.id)>{event.title.clone()}</a></h3>
            <p class="result-meta" data-testid="event-when">{when}</p>
            <p class="result-meta">{places} {group}</p>
        </li>
    }
}

/// Whether the signed-in member runs the platform (organises every member's events).
fn runs_platform(api: api::Api) -> bool {
    api.user()
        .with(|u| u.as_ref().is_some_and(|u| can_manage_users(u.role)))
}

/// `/events`.
#[component]
pub fn EventsPage() -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let past = RwSignal::new(false);
    let kind = RwSignal::new(String::new());
    let failure = RwSignal::new(None::<String>);
    let filter = Signal::derive(move || EventsFilter {
        past: past.get(),
        group_id: None,
        kind: EventKind::parse(&kind.get()),
    });
    let download = move |_| {
        spawn_local(async move {
            if let Err(error) = api::events::download_calendar(api).await {
                let _ = failure.try_set(Some(error_text(i18n, &error)));
            }
        });
    };
    view! {
        <section class="page events-page" data-testid="events-page">
            <div class="page-title">
                <h1>{i18n.tx(Key::EventsTitle)}</h1>
                <Show when=move || runs_platform(api)>
                    <a class="button button-primary" href="/events/new" data-testid="new-event">
                        {i18n.tx(Key::OrganiseEvent)}
                    </a>
                </Show>
            </div>
            <p class="lead">{i18n.tx(Key::EventsIntro)}</p>
            <p class="hint">{i18n.fmt(Key::EventsTimesIn, &[("zone", &viewer_zone())])}</p>
            {dynamic(move || failure.get().map(|m| view! { <ErrorAlert message=m /> }))}
            <div class="toolbar">
                <div class="segmented" role="group" aria-label=i18n.tx(Key::EventsWhen)>
                    <button type="button" class="button" aria-pressed=move || (!past.get()).to_string()
                        on:click=move |_| past.set(false) data-testid="events-upcoming">
                        {i18n.tx(Key::EventsUpcoming)}
                    </button>
                    <button type="button" class="button" aria-pressed=move || past.get().to_string()
                        on:click=move |_| past.set(true) data-testid="events-past">
                        {i18n.tx(Key::EventsPast)}
                    </button>
                </div>
                <label class="inline-field">
                    {i18n.tx(Key::EventKindLabel)} " "
                    <select bind:value=kind data-testid="events-kind">
                        <option value="">{i18n.tx(Key::AllKinds)}</option>
                        {EventKind::ALL.into_iter().map(|k| view! {
                            <option value=k.as_str()>{i18n.tx(kind_key(k))}</option>
                        }).collect_view()}
                    </select>
                </label>
                <button type="button" class="button button-quiet" on:click=download data-testid="my-calendar">
                    {i18n.tx(Key::DownloadMyCalendar)}
                </button>
            </div>
            <EventList filter=filter />
        </section>
    }
}

/// A thematic group's events, on its page; its moderators (and the secretariat) organise one.
#[component]
pub fn GroupEvents(
    #[prop(into)] group_id: Signal<Option<Uuid>>,
    #[prop(into)] my_role: Signal<Option<GroupRole>>,
) -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let filter = Signal::derive(move || EventsFilter {
        past: false,
        group_id: group_id.get(),
        kind: None,
    });
    let organises = move || runs_platform(api) || my_role.get() == Some(GroupRole::Moderator);
    view! {
        <section class="group-events" data-testid="group-events" aria-labelledby="group-events-title">
            <h2 id="group-events-title">{i18n.tx(Key::GroupEvents)}</h2>
            <Show when=move || group_id.get().is_some()>
                <EventList filter=filter nested=true />
            </Show>
            <Show when=organises>
                <p>
                    <a class="button" data-testid="new-group-event"
                        href=move || format!("/events/new?group_id={}", group_id.get().unwrap_or_default())>
                        {i18n.tx(Key::OrganiseGroupEvent)}
                    </a>
                </p>
            </Show>
        </section>
    }
}

/// The event a page is about, kept while the page leaves (nothing loads for another path).
fn event_id(route: Route) -> Memo<Option<Uuid>> {
    let path = use_router().path();
    Memo::new(move |previous: Option<&Option<Uuid>>| {
        path.with(|p| {
            if Route::of(p) == route {
                event_id_in(p)
            } else {
                previous.copied().flatten()
            }
        })
    })
}

/// `/events/<id>`.
#[component]
pub fn EventPage() -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let id = event_id(Route::Event);
    let reload = RwSignal::new(0u32);
    let working = RwSignal::new(false);
    let failure = RwSignal::new(None::<String>);
    let notice = RwSignal::new(None::<Key>);
    let event = Loader::new(move || {
        reload.track();
        let id = id.get();
        async move {
            match id {
                Some(id) => api::events::get(api, id).await.map(Some),
                None => Ok(None),
            }
        }
    });
    let act = move |id: Uuid, cancel: Option<Uuid>| {
        if working.get_untracked() {
            return;
        }
        working.set(true);
        failure.set(None);
        spawn_local(async move {
            let done = match cancel {
                Some(registration) => api::events::cancel(api, id, registration).await,
                None => api::events::register(api, id).await,
            };
            match done {
                Ok(registration) => {
                    let _ = notice.try_set(Some(match registration.status {
                        RegistrationStatus::Registered => Key::RegisteredNotice,
                        RegistrationStatus::Waitlisted => Key::WaitlistedNotice,
                        RegistrationStatus::Cancelled => Key::CancelledNotice,
                    }));
                    let _ = reload.try_update(|n| *n += 1);
                }
                Err(error) => {
                    let _ = failure.try_set(Some(error_text(i18n, &error)));
                }
            }
            let _ = working.try_set(false);
        });
    };
    let download = move |id: Uuid| {
        spawn_local(async move {
            if let Err(error) = api::events::download_ics(api, id).await {
                let _ = failure.try_set(Some(error_text(i18n, &error)));
            }
        });
    };

    let body = move || match event.get() {
        None => view! { <p class="muted">{i18n.tx(Key::Loading)}</p> }.into_any(),
        Some(Err(error)) => view! { <ErrorAlert message=error_text(i18n, &error) /> }.into_any(),
        Some(Ok(None)) => view! { <p>{i18n.tx(Key::NotFoundBody)}</p> }.into_any(),
        Some(Ok(Some(event))) => event_view(i18n, event, working, act, download).into_any(),
    };
    view! {
        <section class="page event-page" data-testid="event-page">
            <p><a href="/events">{i18n.tx(Key::AllEvents)}</a></p>
            {dynamic(move || notice.get().map(|key| view! {
                <p class="notice" role="status" data-testid="event-notice">{i18n.tx(key)}</p>
            }))}
            {dynamic(move || failure.get().map(|m| view! { <ErrorAlert message=m /> }))}
            {dynamic(body)}
        </section>
    }
}

fn event_view(
    i18n: I18n,
    event: Event,
    working: RwSignal<bool>,
    act: impl Fn(Uuid, Option<Uuid>) + Copy + 'static,
    download: impl Fn(Uuid) + Copy + 'static,
) -> impl IntoView {
    let zone = viewer_zone();
    let when = span_in(i18n, &event, &zone);
    let organiser_time = (event.timezone != zone).then(|| {
        let theirs = span_in(i18n, &event, &event.timezone);
        view! {
            <p class="muted" data-testid="event-organiser-time">
                {i18n.fmt(Key::EventOrganiserTime, &[("time", &theirs), ("zone", &event.timezone)])}
            </p>
        }
    });
    let id = event.id;
    let now = chrono::DateTime::from_timestamp_millis(js_sys::Date::now() as i64)
        .unwrap_or(event.starts_at);
    let open = now < event.starts_at;
    let past = now >= event.ends_at;
    let held = event
        .my_registration
        .as_ref()
        .filter(|r| r.status != RegistrationStatus::Cancelled)
        .map(|r| r.id);
    let full = event
        .capacity
        .is_some_and(|capacity| event.registered_count >= capacity);
    let action = match (held, open) {
        (Some(registration), true) => Some(
            view! {
                <button type="button" class="button" data-testid="cancel-registration"
                    disabled=working on:click=move |_| act(id, Some(registration))>
                    {i18n.tx(Key::CancelRegistration)}
                </button>
            }
            .into_any(),
        ),
        (None, true) => Some(
            view! {
                <button type="button" class="button button-primary" data-testid="register"
                    disabled=working on:click=move |_| act(id, None)>
                    {i18n.tx(if full { Key::JoinWaitlist } else { Key::RegisterForEvent })}
                </button>
            }
            .into_any(),
        ),
        (_, false) => {
            Some(view! { <p class="muted">{i18n.tx(Key::RegistrationClosedNote)}</p> }.into_any())
        }
    };
    let languages = (!event.languages.is_empty()).then(|| {
        let mut text = event.languages.join(", ").to_uppercase();
        if !event.interpretation.is_empty() {
            text = i18n.fmt(
                Key::EventInterpretation,
                &[
                    ("languages", &text),
                    (
                        "interpreted",
                        &event.interpretation.join(", ").to_uppercase(),
                    ),
                ],
            );
        }
        view! { <dt>{i18n.tx(Key::EventLanguages)}</dt><dd>{text}</dd> }
    });
    let online = match (&event.online_url, event.online) {
        (Some(url), _) => Some(view! {
            <dt>{i18n.tx(Key::EventOnline)}</dt>
            <dd><a href=url.clone() rel="noopener noreferrer" target="_blank" data-testid="online-url">{url.clone()}</a></dd>
        }.into_any()),
        (None, true) => Some(view! {
            <dt>{i18n.tx(Key::EventOnline)}</dt><dd class="muted">{i18n.tx(Key::EventLinkForRegistered)}</dd>
        }.into_any()),
        (None, false) => None,
    };
    let location = event.location.clone().map(|place| {
        view! {
            <dt>{i18n.tx(Key::EventLocation)}</dt><dd>{place}</dd>
        }
    });
    let group = event.group_id.map(|group| {
        view! {
            <dt>{i18n.tx(Key::EventGroup)}</dt>
            <dd><a href=group_href(group)>{event.group_name.clone().unwrap_or_default()}</a></dd>
        }
    });
    let recording = event.recording_resource_id.filter(|_| past).map(|resource| view! {
        <p><a class="button" href=resource_href(resource) data-testid="recording">{i18n.tx(Key::EventRecording)}</a></p>
    });
    let manage = event.may_manage.then(|| view! {
        <p><a class="button button-quiet" href=event_edit_href(id) data-testid="edit-event">{i18n.tx(Key::EditEvent)}</a></p>
        <Attendees id=id />
    });
    view! {
        <div class="page-title">
            <h1 data-testid="event-title">{event.title.clone()}</h1>
            <span class="badge">{i18n.tx(kind_key(event.kind))}</span>
            {my_status_badge(i18n, &event)}
        </div>
        <p class="lead" data-testid="event-when">{when}</p>
        <p class="hint">{i18n.fmt(Key::EventsTimesIn, &[("zone", &zone)])}</p>
        {organiser_time}
        <dl class="details event-facts">
            <dt>{i18n.tx(Key::EventPlaces)}</dt><dd data-testid="event-places">{places_text(i18n, &event)}</dd>
            {languages}
            {online}
            {location}
            {group}
            <dt>{i18n.tx(Key::EventOrganiser)}</dt><dd>{event.organiser.name.clone()}</dd>
        </dl>
        <div class="form-actions">
            {action}
            <button type="button" class="button button-quiet" data-testid="download-ics" on:click=move |_| download(id)>
                {i18n.tx(Key::AddToCalendar)}
            </button>
        </div>
        {recording}
        <div class="markdown" data-testid="event-description" inner_html=event.description_html.clone()></div>
        {manage}
    }
}

/// The attendee list, for the event's organisers.
#[component]
fn Attendees(id: Uuid) -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let list = Loader::new(move || async move { api::events::attendees(api, id).await });
    let table = move || match list.get() {
        None => view! { <p class="muted">{i18n.tx(Key::Loading)}</p> }.into_any(),
        Some(Err(error)) => view! { <ErrorAlert message=error_text(i18n, &error) /> }.into_any(),
        Some(Ok(page)) if page.items.is_empty() => {
            view! { <p class="muted">{i18n.tx(Key::NoAttendees)}</p> }.into_any()
        }
        Some(Ok(page)) => {
            let rows: Vec<_> = page
                .items
                .into_iter()
                .map(|a| {
                    let status = match (a.registration.status, a.registration.waitlist_position) {
                        (RegistrationStatus::Waitlisted, Some(position)) => i18n.fmt(
                            Key::RegistrationWaitlistedAt,
                            &[("position", &position.to_string())],
                        ),
                        (status, _) => i18n.t(status_key(status)).to_owned(),
                    };
                    vec![
                        view! { <strong>{a.name}</strong> }.into_any(),
                        view! { <a href=format!("mailto:{}", a.email)>{a.email.clone()}</a> }
                            .into_any(),
                        a.country_code.unwrap_or_default().into_any(),
                        status.into_any(),
                    ]
                })
                .collect();
            view! {
                <crate::components::DataTable
                    testid="attendees"
                    caption=Key::Attendees
                    columns=vec![Key::Name, Key::Email, Key::Country, Key::RegistrationStatusLabel]
                    rows=rows
                />
            }
            .into_any()
        }
    };
    view! {
        <section aria-labelledby="attendees-title">
            <h2 id="attendees-title">{i18n.tx(Key::Attendees)}</h2>
            {dynamic(table)}
        </section>
    }
}

/// The form's fields, as typed.
#[derive(Clone, Copy)]
struct Fields {
    kind: RwSignal<String>,
    title: RwSignal<String>,
    description: RwSignal<String>,
    starts: RwSignal<String>,
    ends: RwSignal<String>,
    timezone: RwSignal<String>,
    languages: RwSignal<String>,
    interpretation: RwSignal<String>,
    capacity: RwSignal<String>,
    online_url: RwSignal<String>,
    location: RwSignal<String>,
    recording: RwSignal<String>,
}

impl Fields {
    fn new() -> Self {
        Self {
            kind: RwSignal::new(EventKind::Webinar.as_str().to_owned()),
            title: RwSignal::new(String::new()),
            description: RwSignal::new(String::new()),
            starts: RwSignal::new(String::new()),
            ends: RwSignal::new(String::new()),
            timezone: RwSignal::new(viewer_zone()),
            languages: RwSignal::new(String::new()),
            interpretation: RwSignal::new(String::new()),
            capacity: RwSignal::new(String::new()),
            online_url: RwSignal::new(String::new()),
            location: RwSignal::new(String::new()),
            recording: RwSignal::new(String::new()),
        }
    }

    fn fill(self, event: &Event) {
        self.kind.set(event.kind.as_str().to_owned());
        self.title.set(event.title.clone());
        self.description.set(event.description.clone());
        self.starts
            .set(to_local_input(&event.starts_at, &event.timezone));
        self.ends
            .set(to_local_input(&event.ends_at, &event.timezone));
        self.timezone.set(event.timezone.clone());
        self.languages.set(event.languages.join(", "));
        self.interpretation.set(event.interpretation.join(", "));
        self.capacity
            .set(event.capacity.map(|c| c.to_string()).unwrap_or_default());
        self.online_url
            .set(event.online_url.clone().unwrap_or_default());
        self.location
            .set(event.location.clone().unwrap_or_default());
        self.recording.set(
            event
                .recording_resource_id
                .map(|id| id.to_string())
                .unwrap_or_default(),
        );
    }

    /// The event to send, or the problems the form can see itself.
    fn read(self, group_id: Option<Uuid>) -> Result<NewEvent, Vec<pioneer_domain::FieldError>> {
        use pioneer_domain::FieldError;
        let mut errors = Vec::new();
        let zone = self.timezone.get_untracked();
        let mut instant = |field: &str, raw: String| {
            let at = parse_local_input(&raw).and_then(|local| local_to_utc(local, &zone));
            if at.is_none() {
                errors.push(FieldError::new(
                    field,
                    "required",
                    "choose a day and a time",
                ));
            }
            at
        };
        let starts_at = instant("starts_at", self.starts.get_untracked());
        let ends_at = instant("ends_at", self.ends.get_untracked());
        let list = |raw: String| -> Vec<String> {
            raw.split([',', ' '])
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect()
        };
        let capacity = match self.capacity.get_untracked().trim() {
            "" => None,
            raw => match raw.parse::<u32>() {
                Ok(n) => Some(n),
                Err(_) => {
                    errors.push(FieldError::new(
                        "capacity",
                        "out_of_range",
                        "a whole number",
                    ));
                    None
                }
            },
        };
        let recording = self.recording.get_untracked();
        let recording = recording.trim();
        let recording_resource_id = if recording.is_empty() {
            None
        } else {
            // The resource's id, or its address in the knowledge base.
            let raw = recording
                .rsplit('/')
                .find(|s| !s.is_empty())
                .unwrap_or(recording);
            match Uuid::parse_str(raw) {
                Ok(id) => Some(id),
                Err(_) => {
                    errors.push(FieldError::new(
                        "recording_resource_id",
                        "unknown_resource",
                        "paste the address of a resource of the knowledge base",
                    ));
                    None
                }
            }
        };
        let optional = |raw: String| Some(raw.trim().to_owned()).filter(|s| !s.is_empty());
        match (starts_at, ends_at) {
            (Some(starts_at), Some(ends_at)) if errors.is_empty() => Ok(NewEvent {
                kind: EventKind::parse(&self.kind.get_untracked()).unwrap_or(EventKind::Webinar),
                title: self.title.get_untracked(),
                description: self.description.get_untracked(),
                starts_at,
                ends_at,
                timezone: zone,
                languages: list(self.languages.get_untracked()),
                interpretation: list(self.interpretation.get_untracked()),
                capacity,
                online_url: optional(self.online_url.get_untracked()),
                location: optional(self.location.get_untracked()),
                group_id,
                recording_resource_id,
            }),
            _ => Err(errors),
        }
    }
}

/// `/events/new` (`?group_id=` for a group's) and `/events/<id>/edit`.
#[component]
pub fn EventFormPage() -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let router = use_router();
    let editing = event_id(Route::EditEvent);
    let fields = Fields::new();
    let group_id =
        RwSignal::new(query_param("group_id").and_then(|raw| Uuid::parse_str(&raw).ok()));
    let errors: Errors = RwSignal::new(Vec::new());
    let failure = RwSignal::new(None::<String>);
    let pending = RwSignal::new(false);
    let loaded = Loader::new(move || {
        let id = editing.get();
        async move {
            match id {
                Some(id) => api::events::get(api, id).await.map(Some),
                None => Ok(None),
            }
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(Some(event))) = loaded.get() {
            fields.fill(&event);
            group_id.set(event.group_id);
        }
    });
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let event = match fields.read(group_id.get_untracked()) {
            Ok(event) => event,
            Err(problems) => {
                if let Some(first) = problems.first() {
                    focus_id(&format!("event-{}", first.field.replace('_', "-")));
                }
                errors.set(problems);
                return;
            }
        };
        errors.set(Vec::new());
        failure.set(None);
        pending.set(true);
        let id = editing.get_untracked();
        spawn_local(async move {
            let saved = match id {
                Some(id) => api::events::update(api, id, &event).await,
                None => api::events::create(api, &event).await,
            };
            match saved {
                Ok(saved) => router.navigate(&event_href(saved.id), false),
                Err(error) if !error.field_errors().is_empty() => {
                    let problems = error.field_errors();
                    if let Some(first) = problems.first() {
                        focus_id(&format!("event-{}", first.field.replace('_', "-")));
                    }
                    let _ = errors.try_set(problems);
                }
                Err(error) => {
                    let _ = failure.try_set(Some(error_text(i18n, &error)));
                }
            }
            let _ = pending.try_set(false);
        });
    };
    let mut zones: Vec<String> = SUGGESTED_ZONES.iter().map(|z| (*z).to_owned()).collect();
    let own = viewer_zone();
    if !zones.contains(&own) {
        zones.insert(0, own);
    }
    let zone_options = move || {
        let chosen = fields.timezone.get();
        let mut all = zones.clone();
        if !all.contains(&chosen) {
            all.insert(0, chosen);
        }
        all.into_iter()
            .map(|z| view! { <option value=z.clone()>{z.clone()}</option> })
            .collect_view()
    };
    let text_field = move |id: &'static str,
                           field: &'static str,
                           label: Key,
                           value: RwSignal<String>,
                           kind: &'static str,
                           hint: Option<Key>| {
        let error_id = format!("{id}-error");
        let hint_id = format!("{id}-hint");
        let hint_view =
            hint.map(|key| view! { <p class="hint" id=hint_id.clone()>{i18n.tx(key)}</p> });
        view! {
            <div class="field">
                <label for=id>{i18n.tx(label)}</label>
                <input id=id type=kind bind:value=value
                    aria-invalid=is_invalid(errors, field)
                    aria-describedby=described_by(errors, field, error_id.clone()) />
                {hint_view}
                {field_message(i18n, errors, field, error_id)}
            </div>
        }
    };
    // Where the organiser may hold an event: everywhere for the secretariat, their groups for
    // a group's moderators.
    let groups = Loader::new(move || async move { api::groups::list(api, 1).await });
    let group_options = move || {
        let runs = runs_platform(api);
        let chosen = group_id.get();
        let mut options = Vec::new();
        if runs || chosen.is_none() {
            options.push(view! {
                <option value="" selected=chosen.is_none()>{i18n.tx(Key::EventForEveryone)}</option>
            }.into_any());
        }
        if let Some(Ok(page)) = groups.get() {
            for g in page.items {
                if runs || g.my_role == Some(GroupRole::Moderator) || Some(g.id) == chosen {
                    let selected = Some(g.id) == chosen;
                    options.push(view! {
                        <option value=g.id.to_string() selected=selected>{g.name.clone()}</option>
                    }.into_any());
                }
            }
        }
        options
    };
    let heading = move || {
        if editing.get().is_some() {
            i18n.t(Key::EditEvent)
        } else {
            i18n.t(Key::OrganiseEvent)
        }
    };
    view! {
        <section class="page" data-testid="event-form-page">
            <p><a href="/events">{i18n.tx(Key::AllEvents)}</a></p>
            <h1>{heading}</h1>
            <form class="panel" on:submit=submit novalidate data-testid="event-form">
                {dynamic(move || failure.get().map(|m| view! { <ErrorAlert message=m /> }))}
                <div class="field">
                    <label for="event-group-id">{i18n.tx(Key::EventForLabel)}</label>
                    <select id="event-group-id" disabled=move || editing.get().is_some()
                        on:change=move |ev| group_id.set(Uuid::parse_str(&event_target_value(&ev)).ok())
                        aria-describedby="event-group-id-error">
                        {group_options}
                    </select>
                    {field_message(i18n, errors, "group_id", "event-group-id-error")}
                    {dynamic(move || group_id.get().map(|g| view! {
                        <p class="hint"><a href=group_href(g)>{i18n.tx(Key::OpenGroup)}</a></p>
                    }))}
                </div>
                <div class="field">
                    <label for="event-kind">{i18n.tx(Key::EventKindLabel)}</label>
                    <select id="event-kind" bind:value=fields.kind>
                        {EventKind::ALL.into_iter().map(|k| view! {
                            <option value=k.as_str()>{i18n.tx(kind_key(k))}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="event-title">{i18n.tx(Key::EventTitleLabel)}</label>
                    <input id="event-title" type="text" maxlength=MAX_TITLE_CHARS.to_string() required
                        bind:value=fields.title
                        aria-invalid=is_invalid(errors, "title")
                        aria-describedby=described_by(errors, "title", "event-title-error") />
                    {field_message(i18n, errors, "title", "event-title-error")}
                </div>
                <div class="field">
                    <label for="event-timezone">{i18n.tx(Key::EventTimezoneLabel)}</label>
                    <select id="event-timezone" bind:value=fields.timezone>{zone_options}</select>
                    {field_message(i18n, errors, "timezone", "event-timezone-error")}
                </div>
                {text_field("event-starts-at", "starts_at", Key::EventStartsLabel, fields.starts, "datetime-local", Some(Key::EventLocalTimeHint))}
                {text_field("event-ends-at", "ends_at", Key::EventEndsLabel, fields.ends, "datetime-local", None)}
                {text_field("event-online-url", "online_url", Key::EventOnlineUrlLabel, fields.online_url, "url", None)}
                {text_field("event-location", "location", Key::EventLocationLabel, fields.location, "text", None)}
                {text_field("event-capacity", "capacity", Key::EventCapacityLabel, fields.capacity, "number", Some(Key::EventCapacityHint))}
                {text_field("event-languages", "languages", Key::EventLanguagesLabel, fields.languages, "text", Some(Key::EventLanguagesHint))}
                {text_field("event-interpretation", "interpretation", Key::EventInterpretationLabel, fields.interpretation, "text", Some(Key::EventLanguagesHint))}
                <div class="field">
                    <label for="event-description">{i18n.tx(Key::EventDescriptionLabel)}</label>
                    <textarea id="event-description" rows="6" bind:value=fields.description
                        aria-describedby="event-description-hint"></textarea>
                    <p class="hint" id="event-description-hint">{i18n.tx(Key::MarkdownHint)}</p>
                    {field_message(i18n, errors, "description", "event-description-error")}
                </div>
                <Show when=move || editing.get().is_some()>
                    {text_field("event-recording-resource-id", "recording_resource_id", Key::EventRecordingLabel, fields.recording, "text", Some(Key::EventRecordingHint))}
                </Show>
                <div class="form-actions">
                    <button type="submit" class="button button-primary" disabled=pending data-testid="save-event">
                        {i18n.tx(Key::SaveEvent)}
                    </button>
                </div>
            </form>
        </section>
    }
}
