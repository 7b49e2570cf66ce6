//! `/reports`: the annual reports the member sees, filtered by year and status, and for a
//! country team the way to start its report of an open cycle (on its approved roadmap).
//!
//! The synthesis links each figure here with `?year=<year>&ids=<id>,<id>`: the list then shows
//! only the reports behind that figure.

use leptos::prelude::*;
use leptos::task::spawn_local;
use pioneer_domain::policy::Actor;
use pioneer_domain::report::{CycleStatus, NewReport, ReportStatus, ReportingCycle};
use pioneer_domain::review::is_own_team;
use pioneer_domain::roadmap::RoadmapSummary;
use uuid::Uuid;

use super::{DeadlineFlags, ReportBadge};
use crate::api::{self, Api, ApiError, use_api};
use crate::components::{DataTable, Row};
use crate::i18n::{I18n, Key, use_i18n};
use crate::loader::Loader;
use crate::pages::roadmap::{country_name, load_countries};
use crate::pages::{ErrorAlert, dynamic, error_text};
use crate::router::{query_param, report_href, use_router};

/// What a country team may start: the open cycles it has no report for yet, with the
/// roadmap the report will be on (`None`: no approved roadmap).
#[derive(Debug, Clone, PartialEq)]
struct Startable {
    cycle: ReportingCycle,
    roadmap: Option<Uuid>,
}

/// The approved roadmap a new report is on: the latest approved version.
fn approved_roadmap(roadmaps: &[RoadmapSummary]) -> Option<Uuid> {
    roadmaps
        .iter()
        .filter(|r| r.status == pioneer_domain::roadmap::RoadmapStatus::Approved)
        .max_by_key(|r| (r.version, r.updated_at))
        .map(|r| r.id)
}

/// The open cycles that `country` has no report for, newest first.
async fn startable(api: Api, country: String) -> Vec<Startable> {
    let (cycles, roadmaps, reports) = futures::join!(
        api::cycles::list(api),
        api::roadmaps::list(api, &country, "approved"),
        api::reports::list(api, "", &country, ""),
    );
    let (Ok(cycles), Ok(reports)) = (cycles, reports) else {
        return Vec::new();
    };
    let roadmap = roadmaps.ok().and_then(|page| approved_roadmap(&page.items));
    cycles
        .items
        .into_iter()
        .filter(|c| c.status == CycleStatus::Open)
        .filter(|c| !reports.items.iter().any(|r| r.year == c.year))
        .map(|cycle| Startable { cycle, roadmap })
        .collect()
}

/// The ids a figure of the synthesis names (`?ids=a,b`); empty when none.
fn ids_filter(raw: Option<String>) -> Vec<Uuid> {
    raw.unwrap_or_default()
        .split(',')
        .filter_map(|id| Uuid::parse_str(id.trim()).ok())
        .collect()
}

#[component]
pub fn ReportsPage() -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let user = api.user();
    let year = RwSignal::new(query_param("year").unwrap_or_default());
    let status = RwSignal::new(String::new());
    let only = RwSignal::new(ids_filter(query_param("ids")));
    let countries = Loader::new(move || load_countries(api));
    let cycles = Loader::new(move || api::cycles::list(api));
    let reports = Loader::new(move || {
        let (year, status) = (year.get(), status.get());
        async move { api::reports::list(api, &year, "", &status).await }
    });
    // A country team's own country, when it may start reports.
    let team_country = Memo::new(move |_| {
        user.with(|u| {
            let u = u.as_ref()?;
            let code = u.country_code.clone()?;
            let actor = Actor {
                role: u.role,
                country_code: Some(code.clone()),
            };
            is_own_team(&actor, &code).then_some(code)
        })
    });
    let starts = Loader::new(move || {
        let country = team_country.get();
        async move {
            match country {
                Some(country) => startable(api, country).await,
                None => Vec::new(),
            }
        }
    });

    let year_options = move || {
        cycles
            .get()
            .and_then(Result::ok)
            .map(|page| page.items)
            .unwrap_or_default()
            .into_iter()
            .map(|c| {
                let value = c.year.to_string();
                let selected = value.clone();
                view! { <option value=value prop:selected=move || year.with(|y| *y == selected)>{c.year}</option> }
            })
            .collect_view()
    };

    let table = move || {
        let items = match reports.get() {
            None => return view! { <p class="muted">{i18n.tx(Key::Loading)}</p> }.into_any(),
            Some(Err(error)) => {
                return view! { <ErrorAlert message=error_text(i18n, &error) /> }.into_any();
            }
            Some(Ok(page)) => page.items,
        };
        let only = only.get();
        let items: Vec<_> = items
            .into_iter()
            .filter(|r| only.is_empty() || only.contains(&r.id))
            .collect();
        if items.is_empty() {
            return view! { <p class="muted">{i18n.tx(Key::ReportsEmpty)}</p> }.into_any();
        }
        let countries = countries.get().unwrap_or_default();
        let count = i18n.fmt(Key::ReportsCount, &[("count", &items.len().to_string())]);
        let rows: Vec<Row> = items
            .into_iter()
            .map(|r| {
                let name = country_name(&countries, i18n, &r.country_code);
                vec![
                    view! { <a href=report_href(r.id)>{name}</a> }.into_any(),
                    r.year.into_any(),
                    view! { <ReportBadge status=r.status /> }.into_any(),
                    view! { <DeadlineFlags late=r.late overdue=r.overdue /> }.into_any(),
                    r.submitted_at
                        .map(|t| i18n.date(&t))
                        .unwrap_or_else(|| "—".into())
                        .into_any(),
                    i18n.date(&r.updated_at).into_any(),
                ]
            })
            .collect();
        view! {
            <p class="muted" aria-live="polite">{count}</p>
            <DataTable
                testid="reports-table"
                caption=Key::ReportsTitle
                columns=vec![Key::Country, Key::Year, Key::Status, Key::Deadline, Key::SubmittedOn, Key::UpdatedOn]
                rows=rows
            />
        }
        .into_any()
    };

    view! {
        <section class="page">
            <div class="page-head">
                <h1>{i18n.tx(Key::ReportsTitle)}</h1>
            </div>
            <Transition fallback=|| ()>
                {dynamic(move || {
                    starts
                        .get()
                        .unwrap_or_default()
                        .into_iter()
                        .map(|s| view! { <StartReport startable=s /> })
                        .collect_view()
                })}
            </Transition>
            {dynamic(move || {
                (!only.with(Vec::is_empty)).then(|| view! {
                    <p class="alert alert-info" data-testid="figure-filter">
                        {i18n.tx(Key::ReportsOfFigure)} " "
                        <button type="button" class="link-button" on:click=move |_| only.set(Vec::new())>
                            {i18n.tx(Key::ShowAllReports)}
                        </button>
                    </p>
                })
            })}
            <div class="filters form-inline">
                <div class="field">
                    <label for="filter-year">{i18n.tx(Key::Year)}</label>
                    <select id="filter-year" on:change=move |ev| year.set(event_target_value(&ev))>
                        <option value="">{i18n.tx(Key::AllYears)}</option>
                        {dynamic(year_options)}
                    </select>
                </div>
                <div class="field">
                    <label for="filter-status">{i18n.tx(Key::Status)}</label>
                    <select id="filter-status" on:change=move |ev| status.set(event_target_value(&ev))>
                        <option value="">{i18n.tx(Key::AllStatuses)}</option>
                        {ReportStatus::ALL
                            .into_iter()
                            .map(|s| view! { <option value=s.as_str()>{i18n.tx(I18n::report_status_key(s))}</option> })
                            .collect_view()}
                    </select>
                </div>
            </div>
            {dynamic(table)}
        </section>
    }
}

/// The invitation to start the report of an open cycle, or why it cannot start yet.
#[component]
fn StartReport(startable: Startable) -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let router = use_router();
    let failure = RwSignal::new(None::<String>);
    let working = RwSignal::new(false);
    let year = startable.cycle.year;
    let due = startable.cycle.due_on;
    let hint = move || {
        let date = i18n.day(&due);
        i18n.fmt(
            Key::StartReportHint,
            &[("year", &year.to_string()), ("date", &date)],
        )
    };
    let Some(roadmap_id) = startable.roadmap else {
        return view! {
            <div class="panel panel-check" data-testid="start-report">
                <p>{hint}</p>
                <p class="alert alert-info">{i18n.tx(Key::NoApprovedRoadmap)}</p>
            </div>
        }
        .into_any();
    };
    let start = move |_| {
        working.set(true);
        failure.set(None);
        spawn_local(async move {
            let new = NewReport { roadmap_id, year };
            match api::reports::create(api, &new).await {
                Ok(report) => router.navigate(&report_href(report.id), false),
                Err(error) => {
                    failure.set(Some(start_error(i18n, &error)));
                    working.set(false);
                }
            }
        });
    };
    view! {
        <div class="panel panel-check" data-testid="start-report">
            <p>{hint}</p>
            {dynamic(move || failure.get().map(|m| view! { <ErrorAlert message=m /> }))}
            <button
                type="button"
                class="button button-primary"
                data-testid="start-report-button"
                disabled=move || working.get()
                on:click=start
            >
                {move || i18n.fmt(Key::StartReport, &[("year", &year.to_string())])}
            </button>
        </div>
    }
    .into_any()
}

fn start_error(i18n: I18n, error: &ApiError) -> String {
    use pioneer_domain::ErrorCode;
    match error.code() {
        Some(ErrorCode::ReportExists) => i18n.t(Key::ReportExists).to_owned(),
        Some(ErrorCode::RoadmapNotApproved) => i18n.t(Key::NoApprovedRoadmap).to_owned(),
        Some(ErrorCode::CycleClosed) => i18n.t(Key::CycleClosedError).to_owned(),
        _ => error_text(i18n, error),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_figure_filter_keeps_the_ids_it_can_read() {
        let a = Uuid::from_u128(1);
        let b = Uuid::from_u128(2);
        assert_eq!(ids_filter(Some(format!("{a},{b}"))), vec![a, b]);
        assert_eq!(ids_filter(Some(format!("{a},nonsense"))), vec![a]);
        assert!(ids_filter(None).is_empty());
    }

    #[test]
    fn a_report_is_on_the_latest_approved_version() {
        let summary = |id: u128, version, status| -> RoadmapSummary {
            serde_json::from_value(serde_json::json!({
                "id": Uuid::from_u128(id), "country_code": "KEN", "title": "T",
                "period_start": 2025, "period_end": 2027, "status": status,
                "version": version, "revision": 1, "submitted_at": null,
                "created_at": "2025-01-01T00:00:00Z", "updated_at": "2025-01-01T00:00:00Z"
            }))
            .expect("a roadmap summary")
        };
        let roadmaps = [
            summary(1, 1, "superseded"),
            summary(2, 2, "approved"),
            summary(3, 3, "draft"),
        ];
        assert_eq!(approved_roadmap(&roadmaps), Some(Uuid::from_u128(2)));
        assert_eq!(approved_roadmap(&roadmaps[2..]), None);
    }
}
