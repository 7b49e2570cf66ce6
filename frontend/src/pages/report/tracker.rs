//! `/reporting-cycles/:year/tracker` (the secretariat): every country expected to report in
//! the cycle, where its report stands, when it was submitted, whether it came late or is
//! overdue; how many are at each stage; filters by region and status; the same table as CSV
//! or XLSX.

use leptos::prelude::*;
use pioneer_domain::report::tracker::{Tracker, TrackerCounts};

use super::{DeadlineFlags, REGIONS, TRACKER_STATUSES, region_name, tracker_status_code};
use crate::api::{self, use_api, with_query};
use crate::components::{DataTable, ExportButtons, Row, StatusBadge};
use crate::i18n::{I18n, Key, use_i18n};
use crate::loader::Loader;
use crate::pages::roadmap::{country_name, load_countries};
use crate::pages::{ErrorAlert, dynamic, error_text};
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
