//! `/reporting-cycles/:year/synthesis`: the alliance's figures of a cycle, from its accepted
//! reports (and, on request, those submitted): key actions by status per INSPIRE strategy and
//! per region, budget planned and spent in each currency (never added across currencies),
//! indicators on track, support requested, and who reported late. Every figure leads to the
//! reports behind it; the page prints without its controls.

use std::collections::BTreeMap;

use leptos::prelude::*;
use pioneer_domain::money::parse_amount;
use pioneer_domain::reference::{Country, Strategy};
use pioneer_domain::report::synthesis::{
    ActionStatusCounts, BudgetLine, NO_STRATEGY, StatusBreakdown, Synthesis,
};
use pioneer_domain::report::{ActionStatus, SupportType};
use uuid::Uuid;

use super::charts::{BarRow, MoneyBars, MoneyRow, Series, StackedBars};
use super::region_name;
use super::tracker::use_cycle_year;
use crate::api::{self, use_api};
use crate::components::{DataTable, ExportButtons, Row};
use crate::i18n::{I18n, Key, use_i18n};
use crate::loader::Loader;
use crate::pages::roadmap::{country_name, load_countries};
use crate::pages::{ErrorAlert, dynamic, error_text};
use crate::router::{Route, report_href, tracker_href};

/// The list of the reports behind a figure.
pub fn reports_href(year: i32, ids: &[Uuid]) -> String {
    let ids: Vec<String> = ids.iter().map(Uuid::to_string).collect();
    format!("/reports?year={year}&ids={}", ids.join(","))
}

/// The series of key actions by status, in the order of `ActionStatus::ALL`.
pub fn action_series(i18n: I18n) -> Vec<Series> {
    ActionStatus::ALL
        .iter()
        .map(|s| Series {
            label: i18n.t(I18n::action_status_key(*s)).to_owned(),
            class: match s {
                ActionStatus::NotStarted => "s-not_started",
                ActionStatus::OnTrack => "s-on_track",
                ActionStatus::Delayed => "s-delayed",
                ActionStatus::Completed => "s-completed",
                ActionStatus::Cancelled => "s-cancelled",
            },
        })
        .collect()
}

/// The counts in the order of [`action_series`].
pub fn action_values(counts: &ActionStatusCounts) -> Vec<u32> {
    vec![
        counts.not_started,
        counts.on_track,
        counts.delayed,
        counts.completed,
        counts.cancelled,
    ]
}

fn cents(raw: &str) -> i64 {
    parse_amount(raw, "").map(|c| c.0).unwrap_or(0)
}

/// Budget lines by currency (each currency its own group), in the order of the lines.
fn by_currency(lines: &[BudgetLine]) -> BTreeMap<String, Vec<BudgetLine>> {
    let mut groups: BTreeMap<String, Vec<BudgetLine>> = BTreeMap::new();
    for line in lines {
        groups
            .entry(line.currency.clone())
            .or_default()
            .push(line.clone());
    }
    groups
}

/// Support tallies as one row per country, one value per support type.
fn support_rows(synthesis: &Synthesis) -> Vec<(String, Vec<u32>, Vec<Uuid>)> {
    let mut rows: Vec<(String, Vec<u32>, Vec<Uuid>)> = Vec::new();
    for tally in &synthesis.support_requests {
        let at = SupportType::ALL
            .iter()
            .position(|k| *k == tally.kind)
            .unwrap_or(0);
        let row = match rows.iter_mut().position(|r| r.0 == tally.country_code) {
            Some(i) => &mut rows[i],
            None => {
                rows.push((
                    tally.country_code.clone(),
                    vec![0; SupportType::ALL.len()],
                    Vec::new(),
                ));
                rows.last_mut().expect("just pushed")
            }
        };
        row.1[at] += tally.count;
        for id in &tally.report_ids {
            if !row.2.contains(id) {
                row.2.push(*id);
            }
        }
    }
    rows
}

#[component]
pub fn SynthesisPage() -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let year = use_cycle_year(Route::Synthesis);
    let include_submitted = RwSignal::new(false);
    let countries = Loader::new(move || load_countries(api));
    let strategies = Loader::new(move || async move {
        api::reference::strategies(api)
            .await
            .map(|p| p.items)
            .unwrap_or_default()
    });
    let synthesis = Loader::new(move || {
        let (year, include) = (year.get(), include_submitted.get());
        async move {
            match year {
                Some(year) => api::cycles::synthesis(api, year, include).await.map(Some),
                None => Ok(None),
            }
        }
    });
    let export = Signal::derive(move || {
        let year = year.get().unwrap_or_default();
        (
            format!("/reporting-cycles/{year}/synthesis"),
            format!("?include_submitted={}", include_submitted.get()),
            format!("synthesis-{year}"),
        )
    });
    let print = move |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    };
    let body = move || match synthesis.get() {
        None => view! { <p class="muted">{i18n.tx(Key::Loading)}</p> }.into_any(),
        Some(Err(error)) => view! { <ErrorAlert message=error_text(i18n, &error) /> }.into_any(),
        Some(Ok(None)) => view! { <p>{i18n.tx(Key::NotFoundBody)}</p> }.into_any(),
        Some(Ok(Some(synthesis))) => view! {
            <SynthesisView
                synthesis=synthesis
                countries=countries.get().unwrap_or_default()
                strategies=strategies.get().unwrap_or_default()
            />
        }
        .into_any(),
    };

    view! {
        <section class="page synthesis" data-testid="synthesis">
            <div class="page-head">
                <h1>{move || i18n.fmt(Key::SynthesisTitle, &[("year", &year.get().unwrap_or_default().to_string())])}</h1>
                {move || year.get().map(|y| view! { <a href=tracker_href(y)>{i18n.tx(Key::Tracker)}</a> })}
            </div>
            <div class="toolbar no-print">
                <label class="checkbox">
                    <input type="checkbox" data-testid="include-submitted" bind:checked=include_submitted />
                    {i18n.tx(Key::IncludeSubmitted)}
                </label>
                <button type="button" class="button button-quiet" on:click=print>{i18n.tx(Key::Print)}</button>
                <ExportButtons target=export />
            </div>
            <Transition fallback=move || view! { <p class="muted">{i18n.tx(Key::Loading)}</p> }>
                {dynamic(body)}
            </Transition>
        </section>
    }
}

#[component]
fn SynthesisView(
    synthesis: Synthesis,
    countries: Vec<Country>,
    strategies: Vec<Strategy>,
) -> impl IntoView {
    let i18n = use_i18n();
    let year = synthesis.year;
    let country = {
        let countries = countries.clone();
        move |code: &str| country_name(&countries, i18n, code)
    };
    let strategy = move |code: &str| {
        if code == NO_STRATEGY {
            return i18n.t(Key::NoStrategy).to_owned();
        }
        strategies
            .iter()
            .find(|s| s.code == code)
            .map(|s| i18n.name(s).to_owned())
            .unwrap_or_else(|| code.to_owned())
    };
    if synthesis.reports.is_empty() {
        return view! {
            <p class="alert alert-info" data-testid="synthesis-empty">{i18n.tx(Key::SynthesisEmpty)}</p>
        }
        .into_any();
    }
    let breakdown_rows =
        |rows: &[StatusBreakdown], label: &dyn Fn(&str) -> String| -> Vec<BarRow> {
            rows.iter()
                .map(|b| BarRow {
                    label: label(&b.key),
                    href: Some(reports_href(year, &b.report_ids)),
                    values: action_values(&b.counts),
                })
                .collect()
        };
    let by_strategy = breakdown_rows(&synthesis.actions_by_strategy, &strategy);
    let by_region = breakdown_rows(&synthesis.actions_by_region, &|key| region_name(i18n, key));

    // Budget: one figure per currency, by strategy; and by country, per currency.
    let money_figures = |lines: &[BudgetLine], label: &dyn Fn(&str) -> String| {
        by_currency(lines)
            .into_iter()
            .map(|(currency, lines)| {
                let rows: Vec<MoneyRow> = lines
                    .iter()
                    .map(|line| {
                        let planned = i18n.money(&line.planned.amount, &currency);
                        let spent = i18n.money(&line.spent.amount, &currency);
                        MoneyRow {
                            label: label(&line.key),
                            href: Some(reports_href(year, &line.report_ids)),
                            planned: cents(&line.planned.amount),
                            spent: cents(&line.spent.amount),
                            figures: i18n.fmt(
                                Key::PlannedSpent,
                                &[("planned", &planned), ("spent", &spent)],
                            ),
                        }
                    })
                    .collect();
                (currency, rows)
            })
            .collect::<Vec<_>>()
    };
    let budget_strategy = money_figures(&synthesis.budget_by_strategy, &strategy)
        .into_iter()
        .map(|(currency, rows)| {
            view! {
                <MoneyBars
                    id=format!("budget-strategy-{currency}")
                    caption=i18n.fmt(Key::BudgetPlannedSpent, &[("currency", &currency)])
                    planned_label=i18n.t(Key::Planned).to_owned()
                    spent_label=i18n.t(Key::Spent).to_owned()
                    rows=rows
                />
            }
        })
        .collect_view();
    // Per country, a line per currency: each amount stays in its own currency.
    let budget_country = (!synthesis.budget_by_country.is_empty()).then(|| {
        let rows: Vec<Row> = synthesis
            .budget_by_country
            .iter()
            .map(|line| {
                let name = country(&line.key);
                vec![
                    view! { <a href=reports_href(year, &line.report_ids)>{name}</a> }.into_any(),
                    view! { <code>{line.currency.clone()}</code> }.into_any(),
                    i18n.money(&line.planned.amount, &line.currency).into_any(),
                    i18n.money(&line.spent.amount, &line.currency).into_any(),
                ]
            })
            .collect();
        view! {
            <h3 class="table-title">{i18n.tx(Key::BudgetByCountry)}</h3>
            <DataTable
                testid="budget-by-country"
                caption=Key::BudgetByCountry
                columns=vec![Key::Country, Key::Currency, Key::Planned, Key::Spent]
                rows=rows
            />
        }
    });
    let no_budget = synthesis.budget_by_strategy.is_empty();

    let indicator_series = vec![
        Series {
            label: i18n.t(Key::IndicatorOnTrack).to_owned(),
            class: "s-on_track",
        },
        Series {
            label: i18n.t(Key::IndicatorOffTrack).to_owned(),
            class: "s-delayed",
        },
        Series {
            label: i18n.t(Key::IndicatorNoData).to_owned(),
            class: "s-not_started",
        },
    ];
    let indicator_rows: Vec<BarRow> = synthesis
        .indicators
        .iter()
        .map(|t| BarRow {
            label: country(&t.country_code),
            href: Some(reports_href(year, &t.report_ids)),
            values: vec![t.on_track, t.off_track, t.no_data],
        })
        .collect();

    let support_series: Vec<Series> = SupportType::ALL
        .iter()
        .map(|k| Series {
            label: i18n.t(I18n::support_type_key(*k)).to_owned(),
            class: match k {
                SupportType::Technical => "s-technical",
                SupportType::Financial => "s-financial",
                SupportType::PeerExchange => "s-peer_exchange",
                SupportType::CapacityBuilding => "s-capacity_building",
            },
        })
        .collect();
    let support: Vec<BarRow> = support_rows(&synthesis)
        .into_iter()
        .map(|(code, values, ids)| BarRow {
            label: country(&code),
            href: Some(reports_href(year, &ids)),
            values,
        })
        .collect();

    let late = if synthesis.late_reports.is_empty() {
        view! { <p class="muted">{i18n.tx(Key::NoLate)}</p> }.into_any()
    } else {
        let items = synthesis
            .late_reports
            .iter()
            .map(|late| {
                let when = late
                    .submitted_at
                    .map(|t| i18n.date(&t))
                    .unwrap_or_else(|| "—".into());
                let name = country(&late.country_code);
                view! {
                    <li>
                        <a href=report_href(late.report_id)>{name}</a>
                        " · " {i18n.tx(Key::SubmittedOn)} " " {when}
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="late-list" data-testid="late-reports">{items}</ul> }.into_any()
    };

    let read = synthesis
        .reports
        .iter()
        .map(|r| {
            let name = country(&r.country_code);
            view! {
                <li>
                    <a href=report_href(r.id)>{name}</a>
                    " "
                    <super::ReportBadge status=r.status />
                </li>
            }
        })
        .collect_view();
    let count = synthesis.reports.len().to_string();

    view! {
        <div class="synthesis-body">
            <section class="panel" aria-labelledby="synthesis-reports">
                <h2 id="synthesis-reports">{move || i18n.fmt(Key::SynthesisBasedOn, &[("count", &count)])}</h2>
                <ul class="inline-list" data-testid="synthesis-reports">{read}</ul>
            </section>
            <section class="panel" aria-labelledby="synthesis-actions">
                <h2 id="synthesis-actions">{i18n.tx(Key::ActionsHeading)}</h2>
                <StackedBars
                    id="actions-by-strategy"
                    caption=i18n.t(Key::ActionsByStrategy).to_owned()
                    series=action_series(i18n)
                    rows=by_strategy
                    testid="actions-by-strategy"
                />
                <StackedBars
                    id="actions-by-region"
                    caption=i18n.t(Key::ActionsByRegion).to_owned()
                    series=action_series(i18n)
                    rows=by_region
                    testid="actions-by-region"
                />
            </section>
            <section class="panel" aria-labelledby="synthesis-budget">
                <h2 id="synthesis-budget">{i18n.tx(Key::BudgetTitle)}</h2>
                {no_budget.then(|| view! { <p class="muted">{i18n.tx(Key::NoBudget)}</p> })}
                {budget_strategy}
                {budget_country}
            </section>
            <section class="panel" aria-labelledby="synthesis-indicators">
                <h2 id="synthesis-indicators">{i18n.tx(Key::Indicators)}</h2>
                <StackedBars
                    id="indicators-on-track"
                    caption=i18n.t(Key::IndicatorsOnTrack).to_owned()
                    series=indicator_series
                    rows=indicator_rows
                    testid="indicators-on-track"
                />
            </section>
            <section class="panel" aria-labelledby="synthesis-support">
                <h2 id="synthesis-support">{i18n.tx(Key::SupportRequests)}</h2>
                <StackedBars
                    id="support-by-type"
                    caption=i18n.t(Key::SupportByType).to_owned()
                    series=support_series
                    rows=support
                    testid="support-by-type"
                />
            </section>
            <section class="panel" aria-labelledby="synthesis-late">
                <h2 id="synthesis-late">{i18n.tx(Key::LateCountries)}</h2>
                {late}
            </section>
        </div>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn synthesis() -> Synthesis {
        serde_json::from_value(json!({
            "year": 2025, "include_submitted": false,
            "reports": [
                {"id": "0190a000-0000-7000-8000-000000000001", "country_code": "COL", "status": "accepted", "late": false},
                {"id": "0190a000-0000-7000-8000-000000000002", "country_code": "KEN", "status": "accepted", "late": true}
            ],
            "actions_by_strategy": [], "actions_by_region": [],
            "budget_by_strategy": [
                {"key": "laws", "currency": "USD", "planned": {"amount": "100.00", "currency": "USD"},
                 "spent": {"amount": "40.00", "currency": "USD"}, "report_ids": []},
                {"key": "laws", "currency": "KES", "planned": {"amount": "9000.00", "currency": "KES"},
                 "spent": {"amount": "0.00", "currency": "KES"}, "report_ids": []}
            ],
            "budget_by_country": [], "indicators": [],
            "support_requests": [
                {"type": "technical", "country_code": "KEN", "count": 2,
                 "report_ids": ["0190a000-0000-7000-8000-000000000002"]},
                {"type": "financial", "country_code": "KEN", "count": 1,
                 "report_ids": ["0190a000-0000-7000-8000-000000000002"]},
                {"type": "financial", "country_code": "COL", "count": 1,
                 "report_ids": ["0190a000-0000-7000-8000-000000000001"]}
            ],
            "late_reports": []
        }))
        .expect("the server's synthesis")
    }

    #[test]
    fn each_currency_is_its_own_group() {
        let groups = by_currency(&synthesis().budget_by_strategy);
        assert_eq!(groups.keys().collect::<Vec<_>>(), ["KES", "USD"]);
        assert!(groups.values().all(|lines| lines.len() == 1));
        assert_eq!(cents("40.00"), 4_000);
    }

    #[test]
    fn support_is_one_row_per_country_with_a_count_per_type() {
        let rows = support_rows(&synthesis());
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].0, "KEN");
        assert_eq!(rows[0].1, vec![2, 1, 0, 0]);
        assert_eq!(rows[0].2.len(), 1, "one report behind both counts");
        assert_eq!(rows[1].1, vec![0, 1, 0, 0]);
    }

    #[test]
    fn a_figure_leads_to_the_list_of_its_reports() {
        let ids = [Uuid::from_u128(1), Uuid::from_u128(2)];
        assert_eq!(
            reports_href(2025, &ids),
            format!("/reports?year=2025&ids={},{}", ids[0], ids[1])
        );
    }
}
