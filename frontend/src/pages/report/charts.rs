//! The drawings of the synthesis and of a country's trend, as inline SVG (no chart library):
//! stacked bars, bars of money planned and spent, and a line over the years.
//!
//! Bars are rows of HTML (a label, which may be a link to the reports behind the figure, the
//! bar, and its figures in words) so that they wrap on a phone and print as they are; each bar
//! is an image whose text alternative says its figures. The line chart is one SVG with its
//! `<title>` and `<desc>`, and a visually hidden table of its values.

use leptos::prelude::*;

use crate::components::px;
use crate::i18n::{Key, use_i18n};

/// A decimal string (`"-12.5"`) in thousandths, without going through floats (whose parser
/// and formatter would weigh on the wasm); `None` when it is not a number.
pub fn milli(raw: &str) -> Option<i64> {
    let raw = raw.trim();
    let (negative, digits) = match raw.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, raw.strip_prefix('+').unwrap_or(raw)),
    };
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    if int.is_empty() && frac.is_empty()
        || !int.bytes().all(|b| b.is_ascii_digit())
        || !frac.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let int: i64 = if int.is_empty() { 0 } else { int.parse().ok()? };
    let mut thousandths = 0i64;
    for (at, digit) in frac.bytes().take(3).enumerate() {
        thousandths += i64::from(digit - b'0') * [100, 10, 1][at];
    }
    let value = int.checked_mul(1000)?.checked_add(thousandths)?;
    Some(if negative { -value } else { value })
}

/// One series of a stacked bar: its name and its colour (a CSS class, so that the legend and
/// print share it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Series {
    pub label: String,
    pub class: &'static str,
}

/// One bar: what it is about, the page of the reports behind it, and a value per series.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BarRow {
    pub label: String,
    pub href: Option<String>,
    pub values: Vec<u32>,
}

/// "Kenya: On track 3, Delayed 1 (4 in all)": the figures of a row in words.
pub fn row_summary(series: &[Series], row: &BarRow, total_text: &str) -> String {
    let parts: Vec<String> = series
        .iter()
        .zip(&row.values)
        .filter(|(_, v)| **v > 0)
        .map(|(s, v)| format!("{} {v}", s.label))
        .collect();
    if parts.is_empty() {
        format!("{}: {total_text}", row.label)
    } else {
        format!("{}: {} ({total_text})", row.label, parts.join(", "))
    }
}

/// The legend of a chart's series.
fn legend(series: &[Series]) -> impl IntoView + use<> {
    let items = series
        .iter()
        .map(|s| {
            view! {
                <li>
                    <span class=format!("swatch {}", s.class) aria-hidden="true"></span>
                    {s.label.clone()}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="legend" aria-hidden="true">{items}</ul> }
}

/// A row's label: a link to the reports behind it when there are some.
fn row_label(label: String, href: Option<String>) -> AnyView {
    match href {
        Some(href) => view! { <a class="bar-label" href=href>{label}</a> }.into_any(),
        None => view! { <span class="bar-label">{label}</span> }.into_any(),
    }
}

/// Width of the bars' drawing: units of the `viewBox`, stretched to the column.
const BAR_WIDTH: f64 = 1000.0;

/// Horizontal bars, one per row, each split by series; the longest bar fills the column.
#[component]
pub fn StackedBars(
    /// The figure's id, for its caption.
    id: &'static str,
    caption: String,
    series: Vec<Series>,
    rows: Vec<BarRow>,
    #[prop(optional)] testid: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let max = rows
        .iter()
        .map(|r| r.values.iter().sum::<u32>())
        .max()
        .unwrap_or(0)
        .max(1);
    let caption_id = format!("{id}-caption");
    let labelled_by = caption_id.clone();
    let body = if rows.is_empty() {
        view! { <p class="muted">{i18n.tx(Key::NoData)}</p> }.into_any()
    } else {
        rows.into_iter()
            .map(|row| {
                let total: u32 = row.values.iter().sum();
                let total_text = i18n.fmt(Key::InAll, &[("count", &total.to_string())]);
                let summary = row_summary(&series, &row, &total_text);
                let mut x = 0.0;
                let rects = series
                    .iter()
                    .zip(&row.values)
                    .filter(|(_, v)| **v > 0)
                    .map(|(s, v)| {
                        let width = f64::from(*v) / f64::from(max) * BAR_WIDTH;
                        let rect = view! {
                            <rect x=px(x) y="0" width=px(width) height="24" class=s.class>
                                <title>{format!("{}: {v}", s.label)}</title>
                            </rect>
                        };
                        x += width;
                        rect
                    })
                    .collect_view();
                let words = summary
                    .split_once(": ")
                    .map(|(_, figures)| figures.to_owned())
                    .unwrap_or_default();
                view! {
                    <li class="bar-row" data-testid="bar-row">
                        {row_label(row.label.clone(), row.href.clone())}
                        <svg
                            class="bar"
                            viewBox=format!("0 0 {} 24", px(BAR_WIDTH))
                            preserveAspectRatio="none"
                            role="img"
                            aria-label=summary
                        >
                            {rects}
                        </svg>
                        <span class="bar-figures" aria-hidden="true">{words}</span>
                    </li>
                }
            })
            .collect_view()
            .into_any()
    };
    view! {
        <figure class="chart chart-bars" aria-labelledby=labelled_by data-testid=testid>
            <figcaption id=caption_id>{caption}</figcaption>
            {legend(&series)}
            <ol class="bar-rows">{body}</ol>
        </figure>
    }
}

/// One line of money bars: planned and spent, in hundredths of one currency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MoneyRow {
    pub label: String,
    pub href: Option<String>,
    pub planned: i64,
    pub spent: i64,
    /// The two amounts in words, e.g. "planned US$150,000.00, spent US$40,000.00".
    pub figures: String,
}

/// Planned against spent, one pair of bars per row, in one currency (never mixed: the caller
/// draws one figure per currency).
#[component]
pub fn MoneyBars(
    id: String,
    caption: String,
    planned_label: String,
    spent_label: String,
    rows: Vec<MoneyRow>,
) -> impl IntoView {
    let max = rows
        .iter()
        .map(|r| r.planned.max(r.spent))
        .max()
        .unwrap_or(0)
        .max(1);
    let caption_id = format!("{id}-caption");
    let labelled_by = caption_id.clone();
    let series = [
        Series {
            label: planned_label,
            class: "s-planned",
        },
        Series {
            label: spent_label,
            class: "s-spent",
        },
    ];
    let body = rows
        .into_iter()
        .map(|row| {
            let width = |cents: i64| (cents.max(0) as f64 / max as f64 * BAR_WIDTH).max(1.0);
            let summary = format!("{}: {}", row.label, row.figures);
            view! {
                <li class="bar-row" data-testid="money-row">
                    {row_label(row.label.clone(), row.href.clone())}
                    <svg
                        class="bar bar-pair"
                        viewBox=format!("0 0 {} 30", px(BAR_WIDTH))
                        preserveAspectRatio="none"
                        role="img"
                        aria-label=summary
                    >
                        <rect x="0" y="0" width=px(width(row.planned)) height="13" class="s-planned" />
                        <rect x="0" y="16" width=px(width(row.spent)) height="13" class="s-spent" />
                    </svg>
                    <span class="bar-figures" aria-hidden="true">{row.figures.clone()}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <figure class="chart chart-bars" aria-labelledby=labelled_by data-testid="money-chart">
            <figcaption id=caption_id>{caption}</figcaption>
            {legend(&series)}
            <ol class="bar-rows">{body}</ol>
        </figure>
    }
}

/// One value of a line: the year it is drawn at, its value in thousandths, and as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Point {
    pub year: i32,
    pub milli: i64,
    pub text: String,
}

/// A reference level of a line chart (baseline, target).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Level {
    pub label: String,
    pub milli: i64,
    /// The value as the axis writes it (`64.5`).
    pub value: String,
    /// The value with its year, as the legend says it (`64.5 (2022)`).
    pub text: String,
    pub class: &'static str,
}

// Small enough that its text stays readable on a phone, where it is drawn about 300 px wide.
const LINE_W: f64 = 380.0;
const LINE_H: f64 = 200.0;
const LEFT: f64 = 64.0;
const RIGHT: f64 = 26.0;
const TOP: f64 = 18.0;
const BOTTOM: f64 = 28.0;

/// The y range of a chart: every value and level, with room around them.
fn y_range(points: &[Point], levels: &[Level]) -> (i64, i64) {
    let values = points
        .iter()
        .map(|p| p.milli)
        .chain(levels.iter().map(|l| l.milli));
    let (low, high) = values.fold((i64::MAX, i64::MIN), |(lo, hi), v| (lo.min(v), hi.max(v)));
    if low > high {
        return (0, 1000);
    }
    let pad = ((high - low) / 10).max(500);
    let low = if low >= 0 {
        (low - pad).max(0)
    } else {
        low - pad
    };
    (low, high + pad)
}

/// Values over the years as a line, with the baseline and the target as dashed levels.
#[component]
pub fn LineChart(
    /// Unique in the page: the ids of the title and description.
    id: String,
    title: String,
    /// What the chart says, in words (its `<desc>`).
    description: String,
    /// The heading of the hidden table's value column.
    value_heading: String,
    points: Vec<Point>,
    levels: Vec<Level>,
    /// The years the axis spans (the reporting cycles).
    years: (i32, i32),
) -> impl IntoView {
    let i18n = use_i18n();
    let (low, high) = y_range(&points, &levels);
    let (first, last) = (years.0.min(years.1), years.0.max(years.1));
    let span = f64::from((last - first).max(1));
    let x_of = |year: i32| {
        if first == last {
            LEFT + (LINE_W - LEFT - RIGHT) / 2.0
        } else {
            LEFT + f64::from(year - first) / span * (LINE_W - LEFT - RIGHT)
        }
    };
    let y_of = |milli: i64| {
        TOP + (high - milli) as f64 / (high - low).max(1) as f64 * (LINE_H - TOP - BOTTOM)
    };
    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    let (labelled_by, described_by) = (title_id.clone(), desc_id.clone());
    let axis = (first..=last)
        .map(|year| {
            let x = x_of(year);
            view! {
                <line x1=px(x) y1=px(TOP) x2=px(x) y2=px(LINE_H - BOTTOM) class="chart-grid" />
                <text x=px(x) y=px(LINE_H - 8.0) text-anchor="middle" class="chart-axis">{year}</text>
            }
        })
        .collect_view();
    let level_lines = levels
        .iter()
        .map(|level| {
            let y = y_of(level.milli);
            view! {
                <line x1=px(LEFT) y1=px(y) x2=px(LINE_W - RIGHT) y2=px(y) class=format!("level {}", level.class) />
                <text x=px(LEFT - 6.0) y=px(y + 4.0) text-anchor="end" class="chart-value">{level.value.clone()}</text>
            }
        })
        .collect_view();
    let path: Vec<String> = points
        .iter()
        .map(|p| format!("{},{}", px(x_of(p.year)), px(y_of(p.milli))))
        .collect();
    let dots = points
        .iter()
        .map(|p| {
            view! {
                <circle cx=px(x_of(p.year)) cy=px(y_of(p.milli)) r="5" class="dot">
                    <title>{format!("{}: {}", p.year, p.text)}</title>
                </circle>
                <text x=px(x_of(p.year)) y=px(y_of(p.milli) - 9.0) text-anchor="middle" class="chart-value">{p.text.clone()}</text>
            }
        })
        .collect_view();
    let level_legend = levels
        .iter()
        .map(|l| {
            view! {
                <li>
                    <span class=format!("swatch swatch-line {}", l.class) aria-hidden="true"></span>
                    {format!("{}: {}", l.label, l.text)}
                </li>
            }
        })
        .collect_view();
    let rows = points
        .iter()
        .map(|p| view! { <tr><th scope="row">{p.year}</th><td>{p.text.clone()}</td></tr> })
        .collect_view();
    view! {
        <figure class="chart chart-line" data-testid="line-chart">
            <svg
                role="img"
                aria-labelledby=labelled_by
                aria-describedby=described_by
                viewBox=format!("0 0 {} {}", px(LINE_W), px(LINE_H))
                width="100%"
                preserveAspectRatio="xMinYMin meet"
            >
                <title id=title_id>{title.clone()}</title>
                <desc id=desc_id>{description}</desc>
                {axis}
                {level_lines}
                <polyline points=path.join(" ") class="line" />
                {dots}
            </svg>
            <ul class="legend">{level_legend}</ul>
            // In a box of its own: a table is never narrower than its text, whatever its width.
            <div class="visually-hidden">
                <table>
                    <caption>{title}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{i18n.tx(Key::Year)}</th>
                            <th scope="col">{value_heading}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_are_read_in_thousandths_without_floats() {
        assert_eq!(milli("12.5"), Some(12_500));
        assert_eq!(milli("-0.25"), Some(-250));
        assert_eq!(milli("40"), Some(40_000));
        assert_eq!(milli(".5"), Some(500));
        assert_eq!(milli("1.23456"), Some(1_234), "beyond thousandths is cut");
        assert_eq!(milli("abc"), None);
        assert_eq!(milli(""), None);
        assert_eq!(milli("1e3"), None);
        assert_eq!(milli("-"), None);
    }

    #[test]
    fn a_row_says_its_figures_in_words() {
        let series = vec![
            Series {
                label: "On track".into(),
                class: "s-on_track",
            },
            Series {
                label: "Delayed".into(),
                class: "s-delayed",
            },
        ];
        let row = BarRow {
            label: "Kenya".into(),
            href: None,
            values: vec![3, 0],
        };
        assert_eq!(
            row_summary(&series, &row, "3 in all"),
            "Kenya: On track 3 (3 in all)"
        );
        let empty = BarRow {
            values: vec![0, 0],
            ..row
        };
        assert_eq!(row_summary(&series, &empty, "0 in all"), "Kenya: 0 in all");
    }

    #[test]
    fn the_y_range_holds_every_value_and_level_with_room() {
        let point = |milli| Point {
            year: 2025,
            milli,
            text: String::new(),
        };
        let level = |milli| Level {
            label: String::new(),
            milli,
            value: String::new(),
            text: String::new(),
            class: "",
        };
        let (low, high) = y_range(&[point(30_000)], &[level(40_000), level(10_000)]);
        assert!((0..=10_000).contains(&low));
        assert!(high > 40_000);
        assert_eq!(y_range(&[], &[]), (0, 1000));
    }
}
