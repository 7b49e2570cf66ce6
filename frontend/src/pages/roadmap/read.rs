//! The read view of a roadmap, for every status and everyone who may see it, and the two
//! drawings every view shares: the budget chart and the timeline, as inline SVG.

use leptos::prelude::*;
use pioneer_domain::money::parse_amount;
use pioneer_domain::roadmap::budget::summarise;
use pioneer_domain::roadmap::{Action, TargetKind, YearMonth};

use super::{use_refs, use_sync};
use crate::components::px;
use crate::document::CommentThread;
use crate::i18n::{Key, use_i18n};
use crate::pages::dynamic;

/// Colours of the bars, one per priority or strategy in turn (all dark enough for white text
/// and distinguishable for common colour blindness).
const PALETTE: [&str; 7] = [
    "#0f5b78", "#c2561b", "#1e6b3a", "#6b3fa0", "#8a6d00", "#a8261b", "#2f6fb5",
];

/// A chart label cut to fit its column of 242 px at 13 px (the full text is in the bar's
/// tooltip): 34 characters of wide letters ran past the chart's left edge.
fn fit(label: &str) -> String {
    if label.chars().count() > 30 {
        format!("{}…", label.chars().take(29).collect::<String>())
    } else {
        label.to_owned()
    }
}

fn cents(raw: &str) -> i64 {
    parse_amount(raw, "").map(|c| c.0).unwrap_or(0)
}

fn money_text(i18n: crate::i18n::I18n, money: Option<&pioneer_domain::roadmap::Money>) -> String {
    money
        .map(|m| i18n.money(&m.amount, &m.currency))
        .unwrap_or_else(|| "—".into())
}

#[component]
pub fn ReadView() -> impl IntoView {
    let sync = use_sync();
    let i18n = use_i18n();
    let refs = use_refs();
    let roadmap = sync.view;

    let consultation = move || {
        roadmap.with(|r| {
            let c = &r.consultation;
            let groups = c
                .stakeholder_groups
                .iter()
                .map(|g| i18n.stakeholder_group(*g))
                .collect::<Vec<_>>()
                .join(", ");
            view! {
                <dl class="facts">
                    <div class="fact">
                        <dt>{i18n.tx(Key::HeldOn)}</dt>
                        <dd>{c.held_on.map(|d| d.to_string()).unwrap_or_else(|| "—".into())}</dd>
                    </div>
                    <div class="fact">
                        <dt>{i18n.tx(Key::Participants)}</dt>
                        <dd>{c.participants.map(|n| n.to_string()).unwrap_or_else(|| "—".into())}</dd>
                    </div>
                    <div class="fact">
                        <dt>{i18n.tx(Key::StakeholderGroups)}</dt>
                        <dd>{if groups.is_empty() { "—".to_owned() } else { groups }}</dd>
                    </div>
                </dl>
            }
        })
    };

    let priorities = move || {
        let r = roadmap.get();
        r.priorities
            .iter()
            .map(|p| {
                let actions: Vec<Action> = r
                    .actions
                    .iter()
                    .filter(|a| a.priority_id == p.id)
                    .cloned()
                    .collect();
                let strategies = p
                    .strategies
                    .iter()
                    .map(|code| {
                        let name = refs.with_value(|refs| refs.strategy_name(i18n, code));
                        view! { <li class="badge badge-accent">{name}</li> }
                    })
                    .collect_view();
                let pid = p.id;
                view! {
                    <article class="panel priority" data-testid="priority">
                        <div class="with-comments">
                            <div class="section-body">
                                <h3>{p.title.clone()}</h3>
                                <p>{p.description.clone()}</p>
                                <ul class="tags" aria-label=i18n.t(Key::Strategies)>{strategies}</ul>
                            </div>
                            <CommentThread kind=TargetKind::Priority id=pid />
                        </div>
                        <h4>{i18n.tx(Key::ActionsHeading)}</h4>
                        {actions
                            .into_iter()
                            .map(|a| {
                                let aid = a.id;
                                let months = format!(
                                    "{} → {}",
                                    a.start_month.clone().unwrap_or_else(|| "—".into()),
                                    a.end_month.clone().unwrap_or_else(|| "—".into())
                                );
                                view! {
                                    <div class="action with-comments" data-testid="action">
                                        <div class="section-body">
                                            <h5>{a.title.clone()}</h5>
                                            {(!a.description.is_empty()).then(|| view! { <p>{a.description.clone()}</p> })}
                                            <dl class="details">
                                                <dt>{i18n.tx(Key::LeadInstitution)}</dt>
                                                <dd>{a.lead_institution.clone().unwrap_or_else(|| "—".into())}</dd>
                                                <dt>{i18n.tx(Key::PartnersShort)}</dt>
                                                <dd>{if a.partners.is_empty() { "—".to_owned() } else { a.partners.join(", ") }}</dd>
                                                <dt>{i18n.tx(Key::Period)}</dt>
                                                <dd>{months}</dd>
                                                <dt>{i18n.tx(Key::BudgetAmount)}</dt>
                                                <dd>{money_text(i18n, a.budget.as_ref())}</dd>
                                                <dt>{i18n.tx(Key::Secured)}</dt>
                                                <dd>{money_text(i18n, a.secured.as_ref())}</dd>
                                                <dt>{i18n.tx(Key::FundingSource)}</dt>
                                                <dd>{a.funding_source.clone().unwrap_or_else(|| "—".into())}</dd>
                                            </dl>
                                        </div>
                                        <CommentThread kind=TargetKind::Action id=aid />
                                    </div>
                                }
                            })
                            .collect_view()}
                    </article>
                }
            })
            .collect_view()
    };

    let indicators = move || {
        roadmap
            .get()
            .indicators
            .into_iter()
            .map(|ind| {
                let iid = ind.id;
                let code = ind
                    .indicator_code
                    .clone()
                    .unwrap_or_else(|| i18n.t(Key::NationalIndicator).to_owned());
                let baseline = format!(
                    "{} ({})",
                    ind.baseline_value.clone().unwrap_or_else(|| "—".into()),
                    ind.baseline_year
                        .map(|y| y.to_string())
                        .unwrap_or_else(|| "—".into())
                );
                let target = format!(
                    "{} ({})",
                    ind.target_value.clone().unwrap_or_else(|| "—".into()),
                    ind.target_year
                        .map(|y| y.to_string())
                        .unwrap_or_else(|| "—".into())
                );
                view! {
                    <article class="panel indicator with-comments" data-testid="indicator">
                        <div class="section-body">
                            <h3>{ind.name.clone()}</h3>
                            <dl class="details">
                                <dt>{i18n.tx(Key::SdgIndicator)}</dt>
                                <dd>{code}</dd>
                                <dt>{i18n.tx(Key::Unit)}</dt>
                                <dd>{ind.unit.clone()}</dd>
                                <dt>{i18n.tx(Key::BaselineValue)}</dt>
                                <dd>{baseline}</dd>
                                <dt>{i18n.tx(Key::TargetValue)}</dt>
                                <dd>{target}</dd>
                                <dt>{i18n.tx(Key::Source)}</dt>
                                <dd>{ind.source.clone()}</dd>
                            </dl>
                        </div>
                        <CommentThread kind=TargetKind::Indicator id=iid />
                    </article>
                }
            })
            .collect_view()
    };

    view! {
        <div class="read-view" data-testid="read-view">
            <div class="panel with-comments">
                <div class="section-body">
                    <h2>{i18n.tx(Key::Summary)}</h2>
                    <p class="prose" data-testid="summary">{dynamic(move || roadmap.with(|r| r.summary.clone()))}</p>
                    <h3>{i18n.tx(Key::Consultation)}</h3>
                    {dynamic(consultation)}
                </div>
                <CommentThread kind=TargetKind::Roadmap id=sync.doc.id />
            </div>
            <h2>{i18n.tx(Key::Priorities)}</h2>
            {dynamic(priorities)}
            <h2>{i18n.tx(Key::Indicators)}</h2>
            {dynamic(indicators)}
        </div>
    }
}

const CHART_WIDTH: f64 = 720.0;

const LABEL_WIDTH: f64 = 250.0;
const ROW: f64 = 30.0;

/// Bars by INSPIRE strategy, and secured against still to find, one chart per currency.
#[component]
pub fn BudgetChart() -> impl IntoView {
    let sync = use_sync();
    let i18n = use_i18n();
    let refs = use_refs();
    let summary = Memo::new(move |_| sync.view.with(|r| summarise(&r.priorities, &r.actions)));
    dynamic(move || {
        let summary = summary.get();
        let body = if summary.currencies.is_empty() {
            view! { <p class="muted">{i18n.tx(Key::NoBudget)}</p> }.into_any()
        } else {
            summary
                .currencies
                .into_iter()
                .map(|budget| {
                    let currency = budget.currency.clone();
                    let max = budget
                        .by_strategy
                        .iter()
                        .map(|s| cents(&s.amount))
                        .max()
                        .unwrap_or(0)
                        .max(1);
                    let bar_space = CHART_WIDTH - LABEL_WIDTH - 120.0;
                    let rows = budget.by_strategy.len();
                    let height = ROW * rows as f64 + 8.0;
                    let title_id = format!("budget-{currency}-title");
                    let bars = budget
                        .by_strategy
                        .iter()
                        .enumerate()
                        .map(|(i, s)| {
                            let y = ROW * i as f64 + 4.0;
                            let width = (cents(&s.amount) as f64 / max as f64 * bar_space).max(2.0);
                            let name = match &s.strategy {
                                Some(code) => refs.with_value(|r| r.strategy_name(i18n, code)),
                                None => i18n.t(Key::NoStrategy).to_owned(),
                            };
                            let amount = i18n.number(&s.amount);
                            let tip = format!("{name}: {}", i18n.money(&s.amount, &currency));
                            view! {
                                <g>
                                    <title>{tip}</title>
                                    <text x=px(LABEL_WIDTH - 8.0) y=px(y + 18.0) text-anchor="end" class="chart-label">{fit(&name)}</text>
                                    <rect x=px(LABEL_WIDTH) y=px(y + 4.0) width=px(width) height=px(ROW - 10.0) rx="3" fill=PALETTE[i % PALETTE.len()] />
                                    <text x=px(LABEL_WIDTH + width + 6.0) y=px(y + 18.0) class="chart-value">{amount}</text>
                                </g>
                            }
                        })
                        .collect_view();
                    let total = cents(&budget.total).max(1);
                    let secured = cents(&budget.secured);
                    let secured_width = (secured as f64 / total as f64 * (CHART_WIDTH - 2.0)).clamp(0.0, CHART_WIDTH - 2.0);
                    let secured_text = format!("{}: {}", i18n.t(Key::Secured), i18n.money(&budget.secured, &currency));
                    let gap_text = format!("{}: {}", i18n.t(Key::Gap), i18n.money(&budget.gap, &currency));
                    let total_text = format!("{}: {}", i18n.t(Key::Total), i18n.money(&budget.total, &currency));
                    let gap_title = format!("budget-{currency}-gap");
                    view! {
                        <figure class="chart" data-testid="budget-chart">
                            <figcaption id=title_id.clone()>
                                {i18n.fmt(Key::BudgetByStrategy, &[("currency", &currency)])}
                            </figcaption>
                            <svg
                                role="img"
                                aria-labelledby=title_id
                                viewBox=format!("0 0 {} {}", px(CHART_WIDTH), px(height))
                                width="100%"
                                preserveAspectRatio="xMinYMin meet"
                            >
                                {bars}
                            </svg>
                            <figcaption id=gap_title.clone()>
                                {i18n.fmt(Key::SecuredAndGap, &[("currency", &currency)])}
                            </figcaption>
                            <svg
                                role="img"
                                aria-labelledby=gap_title
                                viewBox=format!("0 0 {} 34", px(CHART_WIDTH))
                                width="100%"
                                preserveAspectRatio="xMinYMin meet"
                            >
                                <rect x="1" y="4" width=px(CHART_WIDTH - 2.0) height="26" rx="4" fill="#f6d9c6" stroke="#c2561b" />
                                <rect x="1" y="4" width=px(secured_width) height="26" rx="4" fill="#1e6b3a" />
                            </svg>
                            <ul class="legend">
                                <li><span class="swatch swatch-secured" aria-hidden="true"></span>{secured_text}</li>
                                <li><span class="swatch swatch-gap" aria-hidden="true"></span>{gap_text}</li>
                                <li><strong>{total_text}</strong></li>
                            </ul>
                        </figure>
                    }
                })
                .collect_view()
                .into_any()
        };
        view! {
            <section class="panel" aria-labelledby="budget-heading">
                <h2 id="budget-heading">{i18n.tx(Key::BudgetTitle)}</h2>
                {body}
            </section>
        }
    })
}

/// One action of the timeline: its title, its months (when scheduled) and its colour.
type TimelineRow = (String, Option<(YearMonth, YearMonth)>, usize);

/// The key actions as bars over the months of the period (a Gantt chart).
#[component]
pub fn Timeline() -> impl IntoView {
    let sync = use_sync();
    let i18n = use_i18n();
    dynamic(move || {
        let r = sync.view.get();
        let first = YearMonth {
            year: r.period_start,
            month: 1,
        };
        let last = YearMonth {
            year: r.period_end.max(r.period_start),
            month: 12,
        };
        let months = f64::from(first.months_through(last).max(1));
        let span = CHART_WIDTH - LABEL_WIDTH - 10.0;
        let x_of = |m: YearMonth| {
            LABEL_WIDTH + f64::from(first.months_through(m).saturating_sub(1)) / months * span
        };
        let parse =
            |raw: &Option<String>| raw.as_deref().and_then(|m| YearMonth::parse(m, "").ok());
        let rows: Vec<TimelineRow> = r
            .actions
            .iter()
            .map(|a| {
                let colour = r
                    .priorities
                    .iter()
                    .position(|p| p.id == a.priority_id)
                    .unwrap_or(0);
                let range = match (parse(&a.start_month), parse(&a.end_month)) {
                    (Some(s), Some(e)) if e >= s => Some((s.max(first), e.min(last))),
                    _ => None,
                };
                (a.title.clone(), range, colour)
            })
            .collect();
        let body = if rows.is_empty() {
            view! { <p class="muted">{i18n.tx(Key::NoSchedule)}</p> }.into_any()
        } else {
            let height = 28.0 + ROW * rows.len() as f64;
            let years = (r.period_start..=r.period_end.max(r.period_start))
                .map(|year| {
                    let x = x_of(YearMonth { year, month: 1 });
                    view! {
                        <g>
                            <line x1=px(x) y1="0" x2=px(x) y2=px(height) class="chart-grid" />
                            <text x=px(x + 4.0) y="16" class="chart-axis">{year}</text>
                        </g>
                    }
                })
                .collect_view();
            let bars = rows
                .into_iter()
                .enumerate()
                .map(|(i, (title, range, colour))| {
                    let y = 28.0 + ROW * i as f64;
                    let shown = fit(&title);
                    let bar = match range {
                        Some((start, end)) => {
                            let x = x_of(start);
                            let width = (f64::from(start.months_through(end)) / months * span).max(3.0);
                            let tip = format!("{title}: {start} → {end}");
                            view! {
                                <rect x=px(x) y=px(y + 5.0) width=px(width) height=px(ROW - 12.0) rx="3" fill=PALETTE[colour % PALETTE.len()]>
                                    <title>{tip}</title>
                                </rect>
                            }
                            .into_any()
                        }
                        None => view! {
                            <text x=px(LABEL_WIDTH + 4.0) y=px(y + 19.0) class="chart-muted">{i18n.t(Key::NotScheduled)}</text>
                        }
                        .into_any(),
                    };
                    view! {
                        <g>
                            <text x=px(LABEL_WIDTH - 8.0) y=px(y + 19.0) text-anchor="end" class="chart-label">{shown}</text>
                            {bar}
                        </g>
                    }
                })
                .collect_view();
            view! {
                <svg
                    role="img"
                    aria-labelledby="timeline-heading"
                    data-testid="timeline"
                    viewBox=format!("0 0 {} {}", px(CHART_WIDTH), px(height))
                    width="100%"
                    preserveAspectRatio="xMinYMin meet"
                >
                    {years}
                    {bars}
                </svg>
            }
            .into_any()
        };
        view! {
            <section class="panel" aria-labelledby="timeline-heading">
                <h2 id="timeline-heading">{i18n.tx(Key::Timeline)}</h2>
                {body}
            </section>
        }
    })
}

#[cfg(test)]
mod tests {
    use super::fit;

    #[test]
    fn a_long_label_is_cut_to_its_column_and_says_so() {
        assert_eq!(fit("Community dialogues"), "Community dialogues");
        let long = "Community dialogues (Response services)";
        let shown = fit(long);
        assert_eq!(shown.chars().count(), 30);
        assert!(shown.starts_with("Community dialogues (Response"));
        assert!(shown.ends_with('…'));
        assert_eq!(
            fit(&"é".repeat(30)),
            "é".repeat(30),
            "counted in characters, not bytes"
        );
    }
}
