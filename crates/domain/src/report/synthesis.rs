//! The alliance's annual synthesis, computed from the accepted reports of a cycle (and, when
//! asked, the submitted ones): actions by status per INSPIRE strategy and per region, budget
//! planned and spent per strategy and per country in each currency (never added across
//! currencies), indicators on track, support requested, and who reported late. Every figure
//! names the reports behind it.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::progress::on_track;
use super::{ActionProgress, ActionStatus, Report, ReportStatus, SupportType};
use crate::money::Money;
use crate::money::{Cents, parse_amount};

/// A report the synthesis reads, with its country's region.
#[derive(Debug, Clone)]
pub struct RegionalReport<'a> {
    pub report: &'a Report,
    pub region: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActionStatusCounts {
    pub not_started: u32,
    pub on_track: u32,
    pub delayed: u32,
    pub completed: u32,
    pub cancelled: u32,
    pub total: u32,
}

/// Key actions by status under one heading (a strategy code, or a region).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StatusBreakdown {
    pub key: String,
    pub counts: ActionStatusCounts,
    pub report_ids: Vec<Uuid>,
}

/// Budget planned and spent under one heading, in one currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BudgetLine {
    /// A strategy code, or a country code.
    pub key: String,
    pub currency: String,
    pub planned: Money,
    pub spent: Money,
    pub report_ids: Vec<Uuid>,
}

/// A country's indicators: how many are on track toward their target.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IndicatorTally {
    pub country_code: String,
    pub on_track: u32,
    pub off_track: u32,
    /// No value, baseline or target to judge by.
    pub no_data: u32,
    pub report_ids: Vec<Uuid>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SupportTally {
    #[serde(rename = "type")]
    pub kind: SupportType,
    pub country_code: String,
    pub count: u32,
    pub report_ids: Vec<Uuid>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LateReport {
    pub report_id: Uuid,
    pub country_code: String,
    pub submitted_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SynthesisReport {
    pub id: Uuid,
    pub country_code: String,
    pub status: ReportStatus,
    pub late: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Synthesis {
    pub year: i32,
    pub include_submitted: bool,
    /// The reports read, by country code.
    pub reports: Vec<SynthesisReport>,
    pub actions_by_strategy: Vec<StatusBreakdown>,
    pub actions_by_region: Vec<StatusBreakdown>,
    pub budget_by_strategy: Vec<BudgetLine>,
    pub budget_by_country: Vec<BudgetLine>,
    pub indicators: Vec<IndicatorTally>,
    pub support_requests: Vec<SupportTally>,
    pub late_reports: Vec<LateReport>,
}

/// The synthesis of `year` from `reports` (those not accepted, or not submitted when
/// `include_submitted`, are left out).
pub fn synthesise(year: i32, include_submitted: bool, reports: &[RegionalReport<'_>]) -> Synthesis {
    let mut kept: Vec<&RegionalReport<'_>> = reports
        .iter()
        .filter(|r| r.report.year == year && is_read(r.report.status, include_submitted))
        .collect();
    kept.sort_by(|a, b| {
        (&a.report.country_code, a.report.id).cmp(&(&b.report.country_code, b.report.id))
    });

    let mut by_strategy: BTreeMap<String, Breakdown> = BTreeMap::new();
    let mut by_region: BTreeMap<String, Breakdown> = BTreeMap::new();
    let mut budget_by_strategy: BTreeMap<(String, String), Budget> = BTreeMap::new();
    let mut budget_by_country: BTreeMap<(String, String), Budget> = BTreeMap::new();
    let mut indicators: BTreeMap<String, IndicatorTally> = BTreeMap::new();
    let mut support: BTreeMap<(usize, String), SupportTally> = BTreeMap::new();

    for regional in &kept {
        let report = regional.report;
        let region = regional.region.as_deref().unwrap_or(UNKNOWN_REGION);
        for action in &report.actions {
            let mut strategies: BTreeSet<&str> =
                action.strategies.iter().map(String::as_str).collect();
            if strategies.is_empty() {
                strategies.insert(NO_STRATEGY);
            }
            for strategy in strategies {
                by_strategy
                    .entry(strategy.to_owned())
                    .or_default()
                    .add(action.status, report.id);
                add_budget(&mut budget_by_strategy, strategy, action, report.id);
            }
            by_region
                .entry(region.to_owned())
                .or_default()
                .add(action.status, report.id);
            add_budget(
                &mut budget_by_country,
                &report.country_code,
                action,
                report.id,
            );
        }

        for indicator in &report.indicators {
            let tally = indicators
                .entry(report.country_code.clone())
                .or_insert_with(|| IndicatorTally {
                    country_code: report.country_code.clone(),
                    on_track: 0,
                    off_track: 0,
                    no_data: 0,
                    report_ids: Vec::new(),
                });
            *match on_track(indicator) {
                Some(true) => &mut tally.on_track,
                Some(false) => &mut tally.off_track,
                None => &mut tally.no_data,
            } += 1;
            push_id(&mut tally.report_ids, report.id);
        }

        for request in &report.support_requests {
            let rank = SupportType::ALL
                .iter()
                .position(|kind| *kind == request.kind)
                .unwrap_or(usize::MAX);
            let tally = support
                .entry((rank, report.country_code.clone()))
                .or_insert_with(|| SupportTally {
                    kind: request.kind,
                    country_code: report.country_code.clone(),
                    count: 0,
                    report_ids: Vec::new(),
                });
            tally.count += 1;
            push_id(&mut tally.report_ids, report.id);
        }
    }

    let breakdowns = |map: BTreeMap<String, Breakdown>| -> Vec<StatusBreakdown> {
        map.into_iter()
            .map(|(key, b)| StatusBreakdown {
                key,
                counts: b.counts,
                report_ids: b.report_ids.into_iter().collect(),
            })
            .collect()
    };
    let budget_lines = |map: BTreeMap<(String, String), Budget>| -> Vec<BudgetLine> {
        map.into_iter()
            .map(|((key, currency), b)| BudgetLine {
                planned: Money::new(Cents(b.planned), &currency),
                spent: Money::new(Cents(b.spent), &currency),
                key,
                currency,
                report_ids: b.report_ids.into_iter().collect(),
            })
            .collect()
    };
    let sorted = |mut ids: Vec<Uuid>| {
        ids.sort();
        ids
    };

    Synthesis {
        year,
        include_submitted,
        reports: kept
            .iter()
            .map(|r| SynthesisReport {
                id: r.report.id,
                country_code: r.report.country_code.clone(),
                status: r.report.status,
                late: r.report.late,
            })
            .collect(),
        actions_by_strategy: breakdowns(by_strategy),
        actions_by_region: breakdowns(by_region),
        budget_by_strategy: budget_lines(budget_by_strategy),
        budget_by_country: budget_lines(budget_by_country),
        indicators: indicators
            .into_values()
            .map(|t| IndicatorTally {
                report_ids: sorted(t.report_ids),
                ..t
            })
            .collect(),
        support_requests: support
            .into_values()
            .map(|t| SupportTally {
                report_ids: sorted(t.report_ids),
                ..t
            })
            .collect(),
        late_reports: kept
            .iter()
            .filter(|r| r.report.late)
            .map(|r| LateReport {
                report_id: r.report.id,
                country_code: r.report.country_code.clone(),
                submitted_at: r.report.submitted_at,
            })
            .collect(),
    }
}

/// The heading of key actions whose priority names no strategy.
pub const NO_STRATEGY: &str = "none";
/// The heading of countries without a region.
pub const UNKNOWN_REGION: &str = "unknown";

impl ActionStatusCounts {
    /// Counts one key action.
    pub fn add(&mut self, status: ActionStatus) {
        *match status {
            ActionStatus::NotStarted => &mut self.not_started,
            ActionStatus::OnTrack => &mut self.on_track,
            ActionStatus::Delayed => &mut self.delayed,
            ActionStatus::Completed => &mut self.completed,
            ActionStatus::Cancelled => &mut self.cancelled,
        } += 1;
        self.total += 1;
    }

    /// The counts of `actions`.
    pub fn of<'a>(actions: impl IntoIterator<Item = &'a ActionProgress>) -> Self {
        let mut counts = Self::default();
        for action in actions {
            counts.add(action.status);
        }
        counts
    }
}

/// Whether the synthesis reads a report of this status.
fn is_read(status: ReportStatus, include_submitted: bool) -> bool {
    match status {
        ReportStatus::Accepted => true,
        ReportStatus::Submitted => include_submitted,
        ReportStatus::Draft | ReportStatus::ChangesRequested => false,
    }
}

fn push_id(ids: &mut Vec<Uuid>, id: Uuid) {
    if !ids.contains(&id) {
        ids.push(id);
    }
}

#[derive(Default)]
struct Breakdown {
    counts: ActionStatusCounts,
    report_ids: BTreeSet<Uuid>,
}

impl Breakdown {
    fn add(&mut self, status: ActionStatus, report_id: Uuid) {
        self.counts.add(status);
        self.report_ids.insert(report_id);
    }
}

/// Hundredths planned and spent, in one currency.
#[derive(Default)]
struct Budget {
    planned: i64,
    spent: i64,
    report_ids: BTreeSet<Uuid>,
}

/// Adds an action's budget to the planned line of its currency, and what was spent to the spent
/// line of its own currency: two currencies are never added.
fn add_budget(
    lines: &mut BTreeMap<(String, String), Budget>,
    key: &str,
    action: &ActionProgress,
    report_id: Uuid,
) {
    let amounts = [(&action.budget, true), (&action.spent, false)];
    for (money, planned) in amounts {
        let Some(money) = money else { continue };
        let Ok(Cents(cents)) = parse_amount(&money.amount, "amount") else {
            continue;
        };
        let line = lines
            .entry((key.to_owned(), money.currency.clone()))
            .or_default();
        let sum = if planned {
            &mut line.planned
        } else {
            &mut line.spent
        };
        *sum = sum.saturating_add(cents);
        line.report_ids.insert(report_id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{IndicatorProgress, Narrative, SupportRequest};
    use chrono::TimeZone;

    const USD: &str = "USD";
    const KES: &str = "KES";

    fn id(n: u128) -> Uuid {
        Uuid::from_u128(n)
    }

    fn at(y: i32, m: u32, d: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, 9, 30, 0).unwrap()
    }

    fn money(amount: &str, currency: &str) -> Option<Money> {
        Some(Money {
            amount: amount.into(),
            currency: currency.into(),
        })
    }

    fn action(
        n: u128,
        strategies: &[&str],
        status: ActionStatus,
        budget: Option<Money>,
        spent: Option<Money>,
    ) -> ActionProgress {
        ActionProgress {
            action_id: id(100 + n),
            priority_id: id(200 + n),
            title: format!("Action {n}"),
            strategies: strategies.iter().map(|s| (*s).to_owned()).collect(),
            status,
            progress_percent: 50,
            spent,
            budget,
            note: String::new(),
            carried_over: false,
        }
    }

    /// Baseline 2020, target 2030, value of 2025: on track from 50 % of the way.
    fn indicator(n: u128, progress: Option<i32>) -> IndicatorProgress {
        IndicatorProgress {
            indicator_id: id(300 + n),
            indicator_code: Some(format!("16.2.{n}")),
            name: format!("Indicator {n}"),
            unit: "%".into(),
            baseline_value: Some("40".into()),
            baseline_year: Some(2020),
            target_value: Some("10".into()),
            target_year: Some(2030),
            value: progress.map(|_| "25".into()),
            year: Some(2025),
            source: "MICS".into(),
            progress_to_target: progress,
            carried_over: false,
        }
    }

    const ON: Option<i32> = Some(60);
    const OFF: Option<i32> = Some(10);
    const NO_DATA: Option<i32> = None;

    fn support(n: u128, kind: SupportType) -> SupportRequest {
        SupportRequest {
            id: id(400 + n),
            kind,
            description: format!("Request {n}"),
            priority_id: None,
            action_id: None,
        }
    }

    fn report(n: u128, country: &str, year: i32, status: ReportStatus, late: bool) -> Report {
        let submitted = (status != ReportStatus::Draft).then(|| at(year + 1, 4, 2));
        Report {
            id: id(n),
            roadmap_id: id(50 + n),
            roadmap_version: 1,
            country_code: country.into(),
            year,
            status,
            late,
            overdue: false,
            submitted_at: submitted,
            revision: 1,
            previous_report_id: None,
            narrative: Narrative::default(),
            actions: Vec::new(),
            indicators: Vec::new(),
            support_requests: Vec::new(),
            created_at: at(year + 1, 1, 20),
            updated_at: at(year + 1, 4, 2),
        }
    }

    /// Reports 1–3 are of 2025, 5–6 of 2024, 4 is a 2025 report not yet reviewable.
    ///
    /// KEN (Africa), report 1, accepted, late:
    ///   a1  L+N   on track     budget 1 000.00 USD    spent 250.50 USD
    ///   a2  N     delayed      budget 500 000.00 KES  spent 120 000.00 KES
    ///   a3  R     completed    budget 2 000.00 USD    spent —
    ///   a4  —     not started  budget —               spent 50.00 KES
    ///   indicators: on, off, no data; support: technical ×2, financial ×1
    /// COL (Americas), report 2, accepted, on time:
    ///   c1  L     completed    budget 3 000.00 USD    spent 3 000.00 USD
    ///   c2  P+E   cancelled    budget 1 500.25 USD    spent —
    ///   c3  N     on track     budget 400.00 USD      spent 100.00 USD
    ///   indicators: on; support: financial ×1
    /// PHL (Asia), report 3, submitted (not accepted yet), late:
    ///   p1  N     delayed      budget 700.00 USD      spent 200.00 USD
    ///   p2  S     on track     budget —               spent —
    ///   indicators: off, no data; support: peer exchange ×1, technical ×1
    /// MOZ (Africa), report 4, changes requested: never read.
    ///   m1  N     completed    budget 9 999.00 USD
    /// KEN 2024, report 5, accepted, late; COL 2024, report 6, accepted.
    fn fixture() -> Vec<(Report, Option<&'static str>)> {
        use ActionStatus::*;
        let mut ken = report(1, "KEN", 2025, ReportStatus::Accepted, true);
        ken.actions = vec![
            action(
                1,
                &["L", "N"],
                OnTrack,
                money("1000.00", USD),
                money("250.50", USD),
            ),
            action(
                2,
                &["N"],
                Delayed,
                money("500000.00", KES),
                money("120000.00", KES),
            ),
            action(3, &["R"], Completed, money("2000.00", USD), None),
            action(4, &[], NotStarted, None, money("50.00", KES)),
        ];
        ken.indicators = vec![indicator(1, ON), indicator(2, OFF), indicator(3, NO_DATA)];
        ken.support_requests = vec![
            support(1, SupportType::Technical),
            support(2, SupportType::Financial),
            support(3, SupportType::Technical),
        ];

        let mut col = report(2, "COL", 2025, ReportStatus::Accepted, false);
        col.actions = vec![
            action(
                11,
                &["L"],
                Completed,
                money("3000.00", USD),
                money("3000.00", USD),
            ),
            action(12, &["P", "E"], Cancelled, money("1500.25", USD), None),
            action(
                13,
                &["N"],
                OnTrack,
                money("400.00", USD),
                money("100.00", USD),
            ),
        ];
        col.indicators = vec![indicator(11, ON)];
        col.support_requests = vec![support(11, SupportType::Financial)];

        let mut phl = report(3, "PHL", 2025, ReportStatus::Submitted, true);
        phl.actions = vec![
            action(
                21,
                &["N"],
                Delayed,
                money("700.00", USD),
                money("200.00", USD),
            ),
            action(22, &["S"], OnTrack, None, None),
        ];
        phl.indicators = vec![indicator(21, OFF), indicator(22, NO_DATA)];
        phl.support_requests = vec![
            support(21, SupportType::PeerExchange),
            support(22, SupportType::Technical),
        ];

        let mut moz = report(4, "MOZ", 2025, ReportStatus::ChangesRequested, false);
        moz.actions = vec![action(31, &["N"], Completed, money("9999.00", USD), None)];
        moz.indicators = vec![indicator(31, ON)];
        moz.support_requests = vec![support(31, SupportType::Technical)];

        let mut ken_2024 = report(5, "KEN", 2024, ReportStatus::Accepted, true);
        ken_2024.actions = vec![action(
            41,
            &["N"],
            Completed,
            money("999.00", USD),
            money("999.00", USD),
        )];
        ken_2024.indicators = vec![indicator(41, ON)];
        ken_2024.support_requests = vec![support(41, SupportType::CapacityBuilding)];

        let mut col_2024 = report(6, "COL", 2024, ReportStatus::Accepted, false);
        col_2024.actions = vec![action(51, &["L"], OnTrack, money("10.00", KES), None)];

        // Not in country order: the synthesis sorts.
        vec![
            (phl, Some("Asia")),
            (ken_2024, Some("Africa")),
            (ken, Some("Africa")),
            (moz, Some("Africa")),
            (col, Some("Americas")),
            (col_2024, Some("Americas")),
        ]
    }

    fn run(
        fixture: &[(Report, Option<&'static str>)],
        year: i32,
        include_submitted: bool,
    ) -> Synthesis {
        let regional: Vec<RegionalReport<'_>> = fixture
            .iter()
            .map(|(report, region)| RegionalReport {
                report,
                region: region.map(str::to_owned),
            })
            .collect();
        synthesise(year, include_submitted, &regional)
    }

    fn counts(
        not_started: u32,
        on_track: u32,
        delayed: u32,
        completed: u32,
        cancelled: u32,
    ) -> ActionStatusCounts {
        ActionStatusCounts {
            not_started,
            on_track,
            delayed,
            completed,
            cancelled,
            total: not_started + on_track + delayed + completed + cancelled,
        }
    }

    fn breakdown(key: &str, counts: ActionStatusCounts, ids: &[u128]) -> StatusBreakdown {
        StatusBreakdown {
            key: key.into(),
            counts,
            report_ids: ids.iter().map(|n| id(*n)).collect(),
        }
    }

    fn budget(key: &str, currency: &str, planned: &str, spent: &str, ids: &[u128]) -> BudgetLine {
        BudgetLine {
            key: key.into(),
            currency: currency.into(),
            planned: Money {
                amount: planned.into(),
                currency: currency.into(),
            },
            spent: Money {
                amount: spent.into(),
                currency: currency.into(),
            },
            report_ids: ids.iter().map(|n| id(*n)).collect(),
        }
    }

    fn tally(country: &str, on: u32, off: u32, no_data: u32, ids: &[u128]) -> IndicatorTally {
        IndicatorTally {
            country_code: country.into(),
            on_track: on,
            off_track: off,
            no_data,
            report_ids: ids.iter().map(|n| id(*n)).collect(),
        }
    }

    fn asked(kind: SupportType, country: &str, count: u32, ids: &[u128]) -> SupportTally {
        SupportTally {
            kind,
            country_code: country.into(),
            count,
            report_ids: ids.iter().map(|n| id(*n)).collect(),
        }
    }

    #[test]
    fn only_the_accepted_reports_of_the_year_are_read_by_country() {
        let s = run(&fixture(), 2025, false);
        assert_eq!((s.year, s.include_submitted), (2025, false));
        assert_eq!(
            s.reports,
            [
                SynthesisReport {
                    id: id(2),
                    country_code: "COL".into(),
                    status: ReportStatus::Accepted,
                    late: false,
                },
                SynthesisReport {
                    id: id(1),
                    country_code: "KEN".into(),
                    status: ReportStatus::Accepted,
                    late: true,
                },
            ]
        );
    }

    #[test]
    fn submitted_reports_are_read_only_when_asked() {
        let s = run(&fixture(), 2025, true);
        assert!(s.include_submitted);
        let read: Vec<_> = s
            .reports
            .iter()
            .map(|r| (r.country_code.as_str(), r.id, r.status))
            .collect();
        assert_eq!(
            read,
            [
                ("COL", id(2), ReportStatus::Accepted),
                ("KEN", id(1), ReportStatus::Accepted),
                ("PHL", id(3), ReportStatus::Submitted),
            ],
            "MOZ's report with changes requested is never read"
        );
    }

    #[test]
    fn key_actions_by_status_per_strategy() {
        let s = run(&fixture(), 2025, false);
        assert_eq!(
            s.actions_by_strategy,
            [
                // c2.
                breakdown("E", counts(0, 0, 0, 0, 1), &[2]),
                // a1 on track, c1 completed.
                breakdown("L", counts(0, 1, 0, 1, 0), &[1, 2]),
                // a1 on track, a2 delayed, c3 on track.
                breakdown("N", counts(0, 2, 1, 0, 0), &[1, 2]),
                // c2.
                breakdown("P", counts(0, 0, 0, 0, 1), &[2]),
                // a3.
                breakdown("R", counts(0, 0, 0, 1, 0), &[1]),
                // a4: no strategy.
                breakdown("none", counts(1, 0, 0, 0, 0), &[1]),
            ]
        );

        let s = run(&fixture(), 2025, true);
        let n = s.actions_by_strategy.iter().find(|b| b.key == "N").unwrap();
        // + p1 delayed.
        assert_eq!(n, &breakdown("N", counts(0, 2, 2, 0, 0), &[1, 2, 3]));
        let keys: Vec<_> = s
            .actions_by_strategy
            .iter()
            .map(|b| b.key.as_str())
            .collect();
        assert_eq!(keys, ["E", "L", "N", "P", "R", "S", "none"]);
        let strategy_s = &s.actions_by_strategy[5];
        assert_eq!(strategy_s, &breakdown("S", counts(0, 1, 0, 0, 0), &[3]));
    }

    #[test]
    fn key_actions_by_status_per_region() {
        let s = run(&fixture(), 2025, false);
        assert_eq!(
            s.actions_by_region,
            [
                // KEN: a4 not started, a1 on track, a2 delayed, a3 completed.
                breakdown("Africa", counts(1, 1, 1, 1, 0), &[1]),
                // COL: c3 on track, c1 completed, c2 cancelled.
                breakdown("Americas", counts(0, 1, 0, 1, 1), &[2]),
            ]
        );
        let s = run(&fixture(), 2025, true);
        assert_eq!(
            s.actions_by_region[2],
            // PHL: p2 on track, p1 delayed.
            breakdown("Asia", counts(0, 1, 1, 0, 0), &[3])
        );
        let total: u32 = s.actions_by_region.iter().map(|b| b.counts.total).sum();
        assert_eq!(total, 4 + 3 + 2, "every key action once");
    }

    #[test]
    fn budget_per_strategy_is_kept_per_currency() {
        let s = run(&fixture(), 2025, false);
        assert_eq!(
            s.budget_by_strategy,
            [
                // c2: 1 500.25 planned, nothing spent.
                budget("E", USD, "1500.25", "0.00", &[2]),
                // a1 1 000.00 + c1 3 000.00; spent 250.50 + 3 000.00.
                budget("L", USD, "4000.00", "3250.50", &[1, 2]),
                // a2 alone: the shilling line.
                budget("N", KES, "500000.00", "120000.00", &[1]),
                // a1 1 000.00 + c3 400.00; spent 250.50 + 100.00. Not a cent of KES.
                budget("N", USD, "1400.00", "350.50", &[1, 2]),
                budget("P", USD, "1500.25", "0.00", &[2]),
                // a3: nothing spent yet.
                budget("R", USD, "2000.00", "0.00", &[1]),
                // a4: spent without a budget: its own currency, nothing planned.
                budget("none", KES, "0.00", "50.00", &[1]),
            ]
        );

        let s = run(&fixture(), 2025, true);
        let n: Vec<_> = s
            .budget_by_strategy
            .iter()
            .filter(|l| l.key == "N")
            .collect();
        assert_eq!(
            n,
            [
                &budget("N", KES, "500000.00", "120000.00", &[1]),
                // + p1 700.00 planned, 200.00 spent.
                &budget("N", USD, "2100.00", "550.50", &[1, 2, 3]),
            ]
        );
        assert!(
            s.budget_by_strategy.iter().all(|l| l.key != "S"),
            "p2 has neither budget nor spending"
        );
    }

    #[test]
    fn budget_per_country_is_kept_per_currency() {
        let s = run(&fixture(), 2025, false);
        assert_eq!(
            s.budget_by_country,
            [
                // c1 3 000.00 + c2 1 500.25 + c3 400.00; spent c1 3 000.00 + c3 100.00.
                budget("COL", USD, "4900.25", "3100.00", &[2]),
                // a2 500 000.00; spent a2 120 000.00 + a4 50.00.
                budget("KEN", KES, "500000.00", "120050.00", &[1]),
                // a1 1 000.00 + a3 2 000.00; spent a1 250.50.
                budget("KEN", USD, "3000.00", "250.50", &[1]),
            ]
        );
        for line in s.budget_by_country.iter().chain(&s.budget_by_strategy) {
            assert_eq!(line.planned.currency, line.currency);
            assert_eq!(line.spent.currency, line.currency);
        }

        let s = run(&fixture(), 2025, true);
        assert_eq!(
            s.budget_by_country.last(),
            Some(&budget("PHL", USD, "700.00", "200.00", &[3]))
        );
    }

    #[test]
    fn indicators_on_track_per_country() {
        let s = run(&fixture(), 2025, false);
        assert_eq!(
            s.indicators,
            [tally("COL", 1, 0, 0, &[2]), tally("KEN", 1, 1, 1, &[1])]
        );
        let s = run(&fixture(), 2025, true);
        assert_eq!(
            s.indicators,
            [
                tally("COL", 1, 0, 0, &[2]),
                tally("KEN", 1, 1, 1, &[1]),
                tally("PHL", 0, 1, 1, &[3]),
            ]
        );
    }

    #[test]
    fn support_requested_per_type_and_country() {
        use SupportType::*;
        let s = run(&fixture(), 2025, false);
        assert_eq!(
            s.support_requests,
            [
                asked(Technical, "KEN", 2, &[1]),
                asked(Financial, "COL", 1, &[2]),
                asked(Financial, "KEN", 1, &[1]),
            ]
        );
        let s = run(&fixture(), 2025, true);
        assert_eq!(
            s.support_requests,
            [
                asked(Technical, "KEN", 2, &[1]),
                asked(Technical, "PHL", 1, &[3]),
                asked(Financial, "COL", 1, &[2]),
                asked(Financial, "KEN", 1, &[1]),
                asked(PeerExchange, "PHL", 1, &[3]),
            ]
        );
    }

    #[test]
    fn late_reports_by_country() {
        let s = run(&fixture(), 2025, false);
        assert_eq!(
            s.late_reports,
            [LateReport {
                report_id: id(1),
                country_code: "KEN".into(),
                submitted_at: Some(at(2026, 4, 2)),
            }]
        );
        let s = run(&fixture(), 2025, true);
        let late: Vec<_> = s
            .late_reports
            .iter()
            .map(|l| (l.country_code.as_str(), l.report_id))
            .collect();
        assert_eq!(late, [("KEN", id(1)), ("PHL", id(3))]);
    }

    #[test]
    fn another_year_reads_only_its_own_reports() {
        let s = run(&fixture(), 2024, true);
        let ids: Vec<_> = s.reports.iter().map(|r| r.id).collect();
        assert_eq!(ids, [id(6), id(5)], "COL then KEN of 2024");
        assert_eq!(
            s.actions_by_strategy,
            [
                breakdown("L", counts(0, 1, 0, 0, 0), &[6]),
                breakdown("N", counts(0, 0, 0, 1, 0), &[5]),
            ]
        );
        assert_eq!(
            s.budget_by_country,
            [
                budget("COL", KES, "10.00", "0.00", &[6]),
                budget("KEN", USD, "999.00", "999.00", &[5]),
            ]
        );
        assert_eq!(s.indicators, [tally("KEN", 1, 0, 0, &[5])]);
        assert_eq!(
            s.support_requests,
            [asked(SupportType::CapacityBuilding, "KEN", 1, &[5])]
        );
        assert_eq!(s.late_reports.len(), 1);
        assert_eq!(s.late_reports[0].report_id, id(5));

        let empty = run(&fixture(), 2023, true);
        assert!(empty.reports.is_empty());
        assert!(empty.actions_by_strategy.is_empty() && empty.budget_by_country.is_empty());
        assert!(empty.indicators.is_empty() && empty.late_reports.is_empty());
    }

    #[test]
    fn every_figure_names_only_the_reports_read() {
        let fixture = fixture();
        for include_submitted in [false, true] {
            let s = run(&fixture, 2025, include_submitted);
            let read: BTreeSet<Uuid> = s.reports.iter().map(|r| r.id).collect();
            let named = s
                .actions_by_strategy
                .iter()
                .chain(&s.actions_by_region)
                .flat_map(|b| &b.report_ids)
                .chain(
                    s.budget_by_strategy
                        .iter()
                        .chain(&s.budget_by_country)
                        .flat_map(|l| &l.report_ids),
                )
                .chain(s.indicators.iter().flat_map(|t| &t.report_ids))
                .chain(s.support_requests.iter().flat_map(|t| &t.report_ids));
            for report_id in named {
                assert!(read.contains(report_id), "{report_id} was not read");
            }
        }
    }

    #[test]
    fn a_region_less_country_and_a_strategy_named_twice() {
        let mut report = report(7, "XKX", 2025, ReportStatus::Accepted, false);
        report.actions = vec![
            action(
                61,
                &["N", "N"],
                ActionStatus::OnTrack,
                money("10.00", USD),
                None,
            ),
            // An amount that does not parse is left out (they are stored normalised).
            action(
                62,
                &["N"],
                ActionStatus::Delayed,
                money("oops", USD),
                money("1.10", USD),
            ),
        ];
        let s = run(&[(report, None)], 2025, false);
        assert_eq!(
            s.actions_by_strategy,
            [breakdown("N", counts(0, 1, 1, 0, 0), &[7])]
        );
        assert_eq!(
            s.actions_by_region,
            [breakdown("unknown", counts(0, 1, 1, 0, 0), &[7])]
        );
        assert_eq!(
            s.budget_by_strategy,
            [budget("N", USD, "10.00", "1.10", &[7])]
        );
    }

    #[test]
    fn action_status_counts_add_up() {
        use ActionStatus::*;
        let actions = [
            action(1, &[], Completed, None, None),
            action(2, &[], Completed, None, None),
            action(3, &[], Cancelled, None, None),
        ];
        assert_eq!(ActionStatusCounts::of(&actions), counts(0, 0, 0, 2, 1));
        assert_eq!(ActionStatusCounts::of(&[]), ActionStatusCounts::default());
    }
}
