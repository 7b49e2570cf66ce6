//! `/reporting-cycles/:year/tracker` (the secretariat): every country expected to report in
//! the cycle, where its report stands, when it was submitted, whether it came late or is
//! overdue; how many are at each stage; filters by region and status; the same table as CSV
//! or XLSX.

use leptos::prelude::*;
use leptos::task::spawn_local;
use pioneer_domain::ErrorCode;
use pioneer_domain::report::can_manage_cycles;
use pioneer_domain::report::reminders::Reminders;
use pioneer_domain::report::tracker::{Tracker, TrackerCounts};

use super::{DeadlineFlags, REGIONS, TRACKER_STATUSES, region_name, tracker_status_code};
use crate::api::{self, use_api, with_query};
use crate::components::{DataTable, ExportButtons, Row, StatusBadge};
use crate::i18n::{I18n, Key, use_i18n};
use crate::loader::Loader;
use crate::pages::roadmap::{country_name, load_countries};
use crate::pages::{ErrorAlert, confirm, dynamic, error_text};
use crate::router::{Route, cycle_year_in, report_href, synthesis_href, use_router};

/// The year of the cycle page shown (kept while the page goes away).
pub fn use_cycle_year(route: Route) -> Memo<Option<i32>> {
    let path = use_router().path();
    Memo::new(move |previous: Option<&Option<i32>>| {
        path.with(|p| {
            if Route::of(p) == route {
                cycle_year_in(p)
            } else {
                previous.copied().flatten()
            }
        })
    })
}

/// The tiles of the counts: what each one counts, and its number.
fn count_tiles(counts: &TrackerCounts) -> [(Key, &'static str, u32); 8] {
    [
        (Key::Expected, "expected", counts.expected),
        (Key::StatusNotStarted, "not_started", counts.not_started),
        (Key::StatusDraft, "draft", counts.draft),
        (Key::StatusSubmitted, "submitted", counts.submitted),
        (
            Key::StatusChangesRequested,
            "changes_requested",
            counts.changes_requested,
        ),
        (Key::StatusAccepted, "accepted", counts.accepted),
        (Key::Late, "late", counts.late),
        (Key::Overdue, "overdue", counts.overdue),
    ]
}

#[component]
pub fn TrackerPage() -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let year = use_cycle_year(Route::Tracker);
    let region = RwSignal::new(String::new());
    let status = RwSignal::new(String::new());
    let countries = Loader::new(move || load_countries(api));
    let tracker = Loader::new(move || {
        let (year, region, status) = (year.get(), region.get(), status.get());
        async move {
            match year {
                Some(year) => api::cycles::tracker(api, year, &region, &status)
                    .await
                    .map(Some),
                None => Ok(None),
            }
        }
    });
    let export = Signal::derive(move || {
        let year = year.get().unwrap_or_default();
        let query = with_query("", &[("region", &region.get()), ("status", &status.get())]);
        (
            api::cycles::tracker_path(year, "", "", ""),
            query,
            format!("tracker-{year}"),
        )
    });

    let body = move || match tracker.get() {
        None => view! { <p class="muted">{i18n.tx(Key::Loading)}</p> }.into_any(),
        Some(Err(error)) => view! { <ErrorAlert message=error_text(i18n, &error) /> }.into_any(),
        Some(Ok(None)) => view! { <p>{i18n.tx(Key::NotFoundBody)}</p> }.into_any(),
        Some(Ok(Some(tracker))) => {
            let countries = countries.get().unwrap_or_default();
            view! { <TrackerView tracker=tracker countries=countries /> }.into_any()
        }
    };

    view! {
        <section class="page" data-testid="tracker">
            <div class="page-head">
                <h1>{move || i18n.fmt(Key::TrackerTitle, &[("year", &year.get().unwrap_or_default().to_string())])}</h1>
                {move || year.get().map(|y| view! { <a href=synthesis_href(y)>{i18n.tx(Key::Synthesis)}</a> })}
            </div>
            <div class="filters form-inline">
                <div class="field">
                    <label for="tracker-region">{i18n.tx(Key::Region)}</label>
                    <select id="tracker-region" on:change=move |ev| region.set(event_target_value(&ev))>
                        <option value="">{i18n.tx(Key::AllRegions)}</option>
                        {REGIONS
                            .into_iter()
                            .map(|r| view! { <option value=r>{move || i18n.region(r)}</option> })
                            .collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="tracker-status">{i18n.tx(Key::Status)}</label>
                    <select id="tracker-status" on:change=move |ev| status.set(event_target_value(&ev))>
                        <option value="">{i18n.tx(Key::AllStatuses)}</option>
                        {TRACKER_STATUSES
                            .into_iter()
                            .map(|s| {
                                view! { <option value=tracker_status_code(s)>{i18n.tx(I18n::tracker_status_key(s))}</option> }
                            })
                            .collect_view()}
                    </select>
                </div>
                <ExportButtons target=export />
            </div>
            {move || year.get().map(|year| view! { <RemindCountries year=year /> })}
            {dynamic(body)}
        </section>
    }
}

#[component]
fn TrackerView(
    tracker: Tracker,
    countries: Vec<pioneer_domain::reference::Country>,
) -> impl IntoView {
    let i18n = use_i18n();
    let due = tracker.cycle.due_on;
    let tiles = count_tiles(&tracker.counts)
        .into_iter()
        .map(|(key, code, count)| {
            view! {
                <div class=format!("tile tile-{code}") data-testid=format!("count-{code}")>
                    <dt>{i18n.tx(key)}</dt>
                    <dd>{count}</dd>
                </div>
            }
        })
        .collect_view();
    let table = if tracker.rows.is_empty() {
        view! { <p class="muted">{i18n.tx(Key::TrackerEmpty)}</p> }.into_any()
    } else {
        let rows: Vec<Row> = tracker
            .rows
            .into_iter()
            .map(|row| {
                let name = country_name(&countries, i18n, &row.country_code);
                let country = match row.report_id {
                    Some(id) => view! { <a href=report_href(id)>{name}</a> }.into_any(),
                    None => name.into_any(),
                };
                let region = row
                    .region
                    .as_deref()
                    .map(|r| region_name(i18n, r))
                    .unwrap_or_else(|| "—".into());
                vec![
                    country,
                    region.into_any(),
                    view! {
                        <StatusBadge status=tracker_status_code(row.status) label=I18n::tracker_status_key(row.status) />
                    }
                    .into_any(),
                    row.submitted_at
                        .map(|t| i18n.date(&t))
                        .unwrap_or_else(|| "—".into())
                        .into_any(),
                    view! { <DeadlineFlags late=row.late overdue=row.overdue /> }.into_any(),
                ]
            })
            .collect();
        view! {
            <DataTable
                testid="tracker-table"
                caption=Key::TrackerCaption
                columns=vec![Key::Country, Key::Region, Key::Status, Key::SubmittedOn, Key::Deadline]
                rows=rows
            />
        }
        .into_any()
    };
    view! {
        <p class="muted">
            {move || i18n.fmt(Key::DueOnDate, &[("date", &i18n.day(&due))])}
        </p>
        <dl class="tiles" aria-label=move || i18n.t(Key::TrackerCounts) data-testid="tracker-counts">{tiles}</dl>
        {table}
    }
}

/// The secretariat's button that reminds the countries that owe their report, and whom it
/// reached (a country without a focal point's account is flagged: it must be reached otherwise).
#[component]
fn RemindCountries(year: i32) -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let user = api.user();
    let allowed = move || user.with(|u| u.as_ref().is_some_and(|u| can_manage_cycles(u.role)));
    let working = RwSignal::new(false);
    let failure = RwSignal::new(None::<String>);
    let sent = RwSignal::new(None::<Reminders>);
    let remind = move |_| {
        if !confirm(&i18n.fmt(Key::RemindConfirm, &[("year", &year.to_string())])) {
            return;
        }
        working.set(true);
        failure.set(None);
        spawn_local(async move {
            match api::membership::reminders::send(api, year).await {
                Ok(reminders) => sent.set(Some(reminders)),
                Err(error) if error.code() == Some(ErrorCode::CycleClosed) => {
                    failure.set(Some(i18n.t(Key::RemindCycleClosed).to_owned()));
                }
                Err(error) => failure.set(Some(error_text(i18n, &error))),
            }
            working.set(false);
        });
    };
    let result = move || {
        sent.get().map(|reminders| {
            if reminders.countries.is_empty() {
                return view! { <p class="alert alert-ok" role="status" data-testid="reminded">{i18n.tx(Key::RemindNobody)}</p> }
                    .into_any();
            }
            let count = reminders.countries.len().to_string();
            view! {
                <div class="alert alert-ok" role="status" data-testid="reminded">
                    <p>{i18n.fmt(Key::RemindedCount, &[("count", &count)])}</p>
                    <ul class="reminded">
                        {reminders
                            .countries
                            .into_iter()
                            .map(|c| {
                                let recipients = c.recipients.to_string();
                                view! {
                                    <li data-testid="reminded-country" data-code=c.country_code.clone()>
                                        <strong>{c.name}</strong> " — "
                                        {if c.recipients == 0 {
                                            view! { <span class="badge badge-warn">{i18n.t(Key::NoFocalPointAccount)}</span> }.into_any()
                                        } else {
                                            i18n.fmt(Key::RecipientsCount, &[("count", &recipients)]).into_any()
                                        }}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </div>
            }
            .into_any()
        })
    };
    view! {
        <Show when=allowed>
            <div class="remind no-print">
                <button
                    type="button"
                    class="button"
                    data-testid="remind"
                    disabled=move || working.get()
                    on:click=remind
                >
                    {i18n.tx(Key::RemindCountries)}
                </button>
                {dynamic(move || failure.get().map(|m| view! { <ErrorAlert message=m /> }))}
                {dynamic(result)}
            </div>
        </Show>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tiles_count_every_status_and_the_flags() {
        let counts = TrackerCounts {
            expected: 5,
            not_started: 1,
            draft: 1,
            submitted: 1,
            changes_requested: 1,
            accepted: 1,
            late: 2,
            overdue: 1,
        };
        let tiles = count_tiles(&counts);
        let statuses: u32 = tiles[1..6].iter().map(|t| t.2).sum();
        assert_eq!(statuses, counts.expected);
        assert_eq!(tiles[6], (Key::Late, "late", 2));
    }
}
