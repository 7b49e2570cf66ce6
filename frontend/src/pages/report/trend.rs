//! `/countries/:code/trend`: a country's progress over the reporting cycles: how its key
//! actions stood at each cycle (a stacked bar per year), and each indicator's values over time
//! against its baseline and target (a small line chart per indicator).

use leptos::prelude::*;
use pioneer_domain::report::trend::{CountryTrend, IndicatorSeries};

use super::charts::{BarRow, Level, LineChart, Point, StackedBars, milli};
use super::synthesis::{action_series, action_values};
use crate::api::{self, use_api};
use crate::i18n::{I18n, Key, use_i18n};
use crate::loader::Loader;
use crate::pages::roadmap::CountryName;
use crate::pages::{ErrorAlert, dynamic, error_text};
use crate::router::{Route, report_href, trend_code_in, use_router};

/// The years an indicator's chart spans: the cycles, the baseline's and the target's.
fn span(trend: &CountryTrend, series: &IndicatorSeries) -> (i32, i32) {
    let years = trend
        .years
        .iter()
        .map(|y| y.year)
        .chain(series.points.iter().map(|p| p.year));
    let (first, last) = years.fold((i32::MAX, i32::MIN), |(lo, hi), y| (lo.min(y), hi.max(y)));
    if first > last { (0, 0) } else { (first, last) }
}

/// An indicator's chart: its points, its levels and its words.
fn indicator_chart(
    i18n: I18n,
    trend: &CountryTrend,
    series: &IndicatorSeries,
    at: usize,
) -> impl IntoView + use<> {
    let points: Vec<Point> = series
        .points
        .iter()
        .filter_map(|p| {
            Some(Point {
                year: p.year,
                milli: milli(&p.value)?,
                text: i18n.number(&p.value),
            })
        })
        .collect();
    let level = |label: Key, value: &Option<String>, year: Option<i32>, class| {
        let value = value.as_ref()?;
        let shown = i18n.number(value);
        let text = match year {
            Some(year) => format!("{shown} ({year})"),
            None => shown.clone(),
        };
        Some(Level {
            label: i18n.t(label).to_owned(),
            milli: milli(value)?,
            value: shown,
            text,
            class,
        })
    };
    let levels: Vec<Level> = [
        level(
            Key::Baseline,
            &series.baseline_value,
            series.baseline_year,
            "level-baseline",
        ),
        level(
            Key::Target,
            &series.target_value,
            series.target_year,
            "level-target",
        ),
    ]
    .into_iter()
    .flatten()
    .collect();
    let name = match &series.indicator_code {
        Some(code) => format!("{code} — {}", series.name),
        None => series.name.clone(),
    };
    let unit = if series.unit.is_empty() {
        String::new()
    } else {
        format!(" ({})", series.unit)
    };
    let values: Vec<String> = points
        .iter()
        .map(|p| format!("{}: {}", p.year, p.text))
        .collect();
    let described = |l: Option<&Level>| l.map_or_else(|| "—".to_owned(), |l| l.text.clone());
    let description = i18n.fmt(
        Key::TrendDesc,
        &[
            ("values", &values.join(", ")),
            (
                "baseline",
                &described(levels.iter().find(|l| l.class == "level-baseline")),
            ),
            (
                "target",
                &described(levels.iter().find(|l| l.class == "level-target")),
            ),
        ],
    );
    let title = format!("{name}{unit}");
    view! {
        <article class="panel trend-indicator" data-testid="trend-indicator">
            <h3>{title.clone()}</h3>
            <LineChart
                id=format!("trend-indicator-{at}")
                title=title
                description=description
                value_heading=i18n.t(Key::Value).to_owned()
                points=points
                levels=levels
                years=span(trend, series)
            />
        </article>
    }
}

#[component]
pub fn TrendPage() -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let path = use_router().path();
    let code = Memo::new(move |previous: Option<&Option<String>>| {
        path.with(|p| match Route::of(p) {
            Route::CountryTrend => trend_code_in(p),
            _ => previous.cloned().flatten(),
        })
    });
    let trend = Loader::new(move || {
        let code = code.get();
        async move {
            match code {
                Some(code) => api::reference::trend(api, &code).await.map(Some),
                None => Ok(None),
            }
        }
    });
    let country = Signal::derive(move || code.get().unwrap_or_default());

    let body = move || {
        match trend.get() {
        None => view! { <p class="muted">{i18n.tx(Key::Loading)}</p> }.into_any(),
        Some(Err(error)) => view! { <ErrorAlert message=error_text(i18n, &error) /> }.into_any(),
        Some(Ok(None)) => view! { <p>{i18n.tx(Key::NotFoundBody)}</p> }.into_any(),
        Some(Ok(Some(trend))) if trend.years.is_empty() => {
            view! { <p class="alert alert-info" data-testid="trend-empty">{i18n.tx(Key::TrendEmpty)}</p> }.into_any()
        }
        Some(Ok(Some(trend))) => {
            let rows: Vec<BarRow> = trend
                .years
                .iter()
                .map(|y| BarRow {
                    label: y.year.to_string(),
                    href: Some(report_href(y.report_id)),
                    values: action_values(&y.actions),
                })
                .collect();
            let charts = trend
                .indicators
                .iter()
                .enumerate()
                .map(|(at, series)| indicator_chart(i18n, &trend, series, at))
                .collect_view();
            view! {
                <section class="panel" aria-labelledby="trend-actions">
                    <h2 id="trend-actions">{i18n.tx(Key::ActionsHeading)}</h2>
                    <StackedBars
                        id="trend-actions-chart"
                        caption=i18n.t(Key::TrendActions).to_owned()
                        series=action_series(i18n)
                        rows=rows
                        testid="trend-actions"
                    />
                </section>
                <section aria-labelledby="trend-indicators">
                    <h2 id="trend-indicators">{i18n.tx(Key::TrendIndicators)}</h2>
                    {if trend.indicators.is_empty() {
                        Some(view! { <p class="muted">{i18n.tx(Key::NoIndicators)}</p> })
                    } else {
                        None
                    }}
                    <div class="trend-grid">{charts}</div>
                </section>
            }
            .into_any()
        }
    }
    };

    view! {
        <section class="page trend" data-testid="trend">
            <p class="muted eyebrow"><CountryName code=country /></p>
            <h1>{i18n.tx(Key::TrendTitle)}</h1>
            {dynamic(body)}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn an_indicator_chart_spans_every_cycle_and_its_values() {
        let trend: CountryTrend = serde_json::from_value(json!({
            "country_code": "KEN",
            "years": [
                {"year": 2025, "report_id": "0190a000-0000-7000-8000-000000000001",
                 "status": "accepted", "actions": {"not_started": 0, "on_track": 2,
                 "delayed": 1, "completed": 0, "cancelled": 0, "total": 3}},
                {"year": 2026, "report_id": "0190a000-0000-7000-8000-000000000002",
                 "status": "draft", "actions": {"not_started": 0, "on_track": 1,
                 "delayed": 0, "completed": 2, "cancelled": 0, "total": 3}}
            ],
            "indicators": [{"indicator_code": "16.2.1", "name": "Violent discipline",
                "unit": "%", "baseline_value": "40", "baseline_year": 2020,
                "target_value": "10", "target_year": 2030,
                "points": [{"year": 2024, "value_year": 2024, "value": "31",
                            "report_id": "0190a000-0000-7000-8000-000000000001"}]}]
        }))
        .expect("the server's trend");
        assert_eq!(span(&trend, &trend.indicators[0]), (2024, 2026));
        assert_eq!(action_values(&trend.years[1].actions), vec![0, 1, 0, 2, 0]);
    }
}
