//! Two levels of checks. Malformed values are refused at once, on every write (`check_*`);
//! completeness is checked when the roadmap is submitted ([`check_complete`]).

use rust_decimal::Decimal;
use uuid::Uuid;

use super::{
    Money, NewAction, NewIndicator, NewPriority, NewRoadmap, Roadmap, RoadmapPatch, YearMonth,
};
use crate::FieldError;
use crate::money::{Cents, parse_amount};

pub const MIN_YEAR: i32 = 2000;
pub const MAX_YEAR: i32 = 2100;
const MAX_TITLE: usize = 300;
pub(crate) const MAX_TEXT: usize = 20_000;

pub use crate::reference::{Reference, ReferenceCodes};

pub(crate) fn required_text(raw: &str, field: &str, max: usize) -> Result<String, FieldError> {
    let text = raw.trim();
    if text.is_empty() {
        return Err(FieldError::new(
            field,
            "required",
            format!("{field} is required"),
        ));
    }
    optional_text(text, field, max)
}

pub(crate) fn optional_text(raw: &str, field: &str, max: usize) -> Result<String, FieldError> {
    let text = raw.trim();
    if text.chars().count() > max {
        return Err(FieldError::new(
            field,
            "too_long",
            format!("{field} is at most {max} characters"),
        ));
    }
    Ok(text.to_owned())
}

/// Empty or blank means absent.
fn optional_line(raw: Option<&str>, field: &str) -> Result<Option<String>, FieldError> {
    match raw.map(str::trim).filter(|s| !s.is_empty()) {
        Some(text) => optional_text(text, field, MAX_TITLE).map(Some),
        None => Ok(None),
    }
}

fn check_year(year: i32, field: &str) -> Result<i32, FieldError> {
    if (MIN_YEAR..=MAX_YEAR).contains(&year) {
        Ok(year)
    } else {
        Err(FieldError::new(
            field,
            "out_of_range",
            format!("{field} must be between {MIN_YEAR} and {MAX_YEAR}"),
        ))
    }
}

/// Collects the errors of several checks, keeping the values that passed.
#[derive(Default)]
struct Errors(Vec<FieldError>);

impl Errors {
    fn take<T>(&mut self, result: Result<T, FieldError>) -> Option<T> {
        result.map_err(|e| self.0.push(e)).ok()
    }

    fn take_all<T>(&mut self, result: Result<T, Vec<FieldError>>) -> Option<T> {
        result.map_err(|e| self.0.extend(e)).ok()
    }

    fn finish<T>(self, value: impl FnOnce() -> Option<T>) -> Result<T, Vec<FieldError>> {
        if self.0.is_empty() {
            value().ok_or_else(Vec::new)
        } else {
            Err(self.0)
        }
    }
}

/// The period's shape: years in range, end not before start.
pub fn check_period(start: i32, end: i32) -> Result<(), Vec<FieldError>> {
    let mut errors = Errors::default();
    let start = errors.take(check_year(start, "period_start"));
    let end = errors.take(check_year(end, "period_end"));
    if let (Some(start), Some(end)) = (start, end)
        && end < start
    {
        errors.0.push(FieldError::new(
            "period_end",
            "before_start",
            "the period cannot end before it starts",
        ));
    }
    errors.finish(|| Some(()))
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedRoadmap {
    pub title: String,
    pub summary: String,
}

pub fn check_new_roadmap(input: &NewRoadmap) -> Result<CheckedRoadmap, Vec<FieldError>> {
    let mut errors = Errors::default();
    let title = errors.take(required_text(&input.title, "title", MAX_TITLE));
    let summary = errors.take(optional_text(&input.summary, "summary", MAX_TEXT));
    errors.take_all(check_period(input.period_start, input.period_end));
    errors.take(check_consultation_participants(
        input.consultation.participants,
    ));
    errors.finish(|| {
        Some(CheckedRoadmap {
            title: title?,
            summary: summary?,
        })
    })
}

fn check_consultation_participants(participants: Option<u32>) -> Result<(), FieldError> {
    match participants {
        Some(n) if n > 10_000_000 => Err(FieldError::new(
            "consultation.participants",
            "out_of_range",
            "too many participants",
        )),
        _ => Ok(()),
    }
}

/// Checks a patch against the roadmap's current period (a patch may move one end only).
pub fn check_roadmap_patch(
    patch: &RoadmapPatch,
    period: (i32, i32),
) -> Result<(), Vec<FieldError>> {
    let mut errors = Errors::default();
    if let Some(title) = &patch.title {
        errors.take(required_text(title, "title", MAX_TITLE));
    }
    if let Some(summary) = &patch.summary {
        errors.take(optional_text(summary, "summary", MAX_TEXT));
    }
    if patch.period_start.is_some() || patch.period_end.is_some() {
        errors.take_all(check_period(
            patch.period_start.unwrap_or(period.0),
            patch.period_end.unwrap_or(period.1),
        ));
    }
    if let Some(consultation) = &patch.consultation {
        errors.take(check_consultation_participants(consultation.participants));
    }
    errors.finish(|| Some(()))
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedPriority {
    pub title: String,
    pub description: String,
    pub strategies: Vec<String>,
}

pub fn check_priority(
    input: &NewPriority,
    reference: &Reference<'_>,
) -> Result<CheckedPriority, Vec<FieldError>> {
    let mut errors = Errors::default();
    let title = errors.take(required_text(&input.title, "title", MAX_TITLE));
    let description = errors.take(optional_text(&input.description, "description", MAX_TEXT));
    let mut strategies = Vec::new();
    for (i, code) in input.strategies.iter().enumerate() {
        let code = code.trim();
        if !reference.strategies.contains(code) {
            errors.0.push(FieldError::new(
                format!("strategies[{i}]"),
                "unknown_strategy",
                format!("`{code}` is not an INSPIRE strategy code"),
            ));
        } else if !strategies.iter().any(|s| s == code) {
            strategies.push(code.to_owned());
        }
    }
    errors.finish(|| {
        Some(CheckedPriority {
            title: title?,
            description: description?,
            strategies,
        })
    })
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedAction {
    pub priority_id: Uuid,
    pub title: String,
    pub description: String,
    pub lead_institution: Option<String>,
    pub partners: Vec<String>,
    pub start_month: Option<YearMonth>,
    pub end_month: Option<YearMonth>,
    pub budget: Option<(Cents, String)>,
    pub secured: Option<(Cents, String)>,
    pub funding_source: Option<String>,
}

fn check_money(
    money: Option<&Money>,
    field: &str,
) -> Result<Option<(Cents, String)>, Vec<FieldError>> {
    money.map(|m| m.parse(field)).transpose()
}

fn check_month(raw: Option<&str>, field: &str) -> Result<Option<YearMonth>, FieldError> {
    raw.map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|m| YearMonth::parse(m, field))
        .transpose()
}

/// Shape only; whether the action is complete and fits the period is [`check_complete`]'s job.
pub fn check_action(input: &NewAction) -> Result<CheckedAction, Vec<FieldError>> {
    let mut errors = Errors::default();
    let title = errors.take(required_text(&input.title, "title", MAX_TITLE));
    let description = errors.take(optional_text(&input.description, "description", MAX_TEXT));
    let lead_institution = errors.take(optional_line(
        input.lead_institution.as_deref(),
        "lead_institution",
    ));
    let mut partners = Vec::new();
    for (i, partner) in input.partners.iter().enumerate() {
        if let Some(Some(p)) = errors.take(optional_line(Some(partner), &format!("partners[{i}]")))
        {
            partners.push(p);
        }
    }
    let start_month = errors.take(check_month(input.start_month.as_deref(), "start_month"));
    let end_month = errors.take(check_month(input.end_month.as_deref(), "end_month"));
    let budget = errors.take_all(check_money(input.budget.as_ref(), "budget"));
    let secured = errors.take_all(check_money(input.secured.as_ref(), "secured"));
    let funding_source = errors.take(optional_line(
        input.funding_source.as_deref(),
        "funding_source",
    ));
    errors.finish(|| {
        Some(CheckedAction {
            priority_id: input.priority_id,
            title: title?,
            description: description?,
            lead_institution: lead_institution?,
            partners,
            start_month: start_month?,
            end_month: end_month?,
            budget: budget?,
            secured: secured?,
            funding_source: funding_source?,
        })
    })
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedIndicator {
    pub indicator_code: Option<String>,
    pub name: String,
    pub unit: String,
    pub baseline_value: Option<String>,
    pub baseline_year: Option<i32>,
    pub target_value: Option<String>,
    pub target_year: Option<i32>,
    pub source: String,
}

pub(crate) fn check_value(raw: Option<&str>, field: &str) -> Result<Option<String>, FieldError> {
    let Some(raw) = raw.map(str::trim).filter(|s| !s.is_empty()) else {
        return Ok(None);
    };
    let value: Decimal = raw.parse().map_err(|_| {
        FieldError::new(
            field,
            "invalid_number",
            format!("{field} is a decimal number, e.g. 42.5"),
        )
    })?;
    Ok(Some(value.normalize().to_string()))
}

pub(crate) fn check_indicator_year(
    year: Option<i32>,
    field: &str,
) -> Result<Option<i32>, FieldError> {
    match year {
        Some(y) if !(1950..=MAX_YEAR).contains(&y) => Err(FieldError::new(
            field,
            "out_of_range",
            format!("{field} must be between 1950 and {MAX_YEAR}"),
        )),
        other => Ok(other),
    }
}

pub fn check_indicator(
    input: &NewIndicator,
    reference: &Reference<'_>,
) -> Result<CheckedIndicator, Vec<FieldError>> {
    let mut errors = Errors::default();
    let indicator_code = match input
        .indicator_code
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty())
    {
        Some(code) if reference.indicators.contains(code) => Some(code.to_owned()),
        Some(code) => {
            errors.0.push(FieldError::new(
                "indicator_code",
                "unknown_indicator",
                format!("`{code}` is not an SDG indicator of the reference list; leave it empty for a national indicator"),
            ));
            None
        }
        None => None,
    };
    let name = errors.take(required_text(&input.name, "name", MAX_TITLE));
    let unit = errors.take(optional_text(&input.unit, "unit", 100));
    let baseline_value = errors.take(check_value(
        input.baseline_value.as_deref(),
        "baseline_value",
    ));
    let baseline_year = errors.take(check_indicator_year(input.baseline_year, "baseline_year"));
    let target_value = errors.take(check_value(input.target_value.as_deref(), "target_value"));
    let target_year = errors.take(check_indicator_year(input.target_year, "target_year"));
    let source = errors.take(optional_text(&input.source, "source", MAX_TITLE));
    errors.finish(|| {
        Some(CheckedIndicator {
            indicator_code,
            name: name?,
            unit: unit?,
            baseline_value: baseline_value?,
            baseline_year: baseline_year?,
            target_value: target_value?,
            target_year: target_year?,
            source: source?,
        })
    })
}

/// Everything a roadmap needs before review; one detail per problem, with the path of the
/// field (`actions.<id>.lead_institution`), so that the editor can show it in place.
pub fn check_complete(roadmap: &Roadmap) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let mut missing =
        |field: String, message: &str| errors.push(FieldError::new(field, "required", message));
    if roadmap.summary.trim().is_empty() {
        missing("summary".into(), "write the vision and summary");
    }
    if roadmap.consultation.held_on.is_none() {
        missing(
            "consultation.held_on".into(),
            "say when the national consultation was held",
        );
    }
    if roadmap.consultation.stakeholder_groups.is_empty() {
        missing(
            "consultation.stakeholder_groups".into(),
            "say which stakeholder groups took part",
        );
    }
    if roadmap.consultation.participants.is_none_or(|n| n == 0) {
        missing(
            "consultation.participants".into(),
            "say how many people took part",
        );
    }
    if roadmap.priorities.is_empty() {
        missing("priorities".into(), "a roadmap needs at least one priority");
    }
    for priority in &roadmap.priorities {
        let at = format!("priorities.{}", priority.id);
        if priority.strategies.is_empty() {
            missing(
                format!("{at}.strategies"),
                "tie the priority to at least one INSPIRE strategy",
            );
        }
        if !roadmap.actions.iter().any(|a| a.priority_id == priority.id) {
            missing(
                format!("{at}.actions"),
                "a priority needs at least one key action",
            );
        }
    }
    if roadmap.indicators.is_empty() {
        missing(
            "indicators".into(),
            "a roadmap needs at least one indicator",
        );
    }
    for indicator in &roadmap.indicators {
        let at = format!("indicators.{}", indicator.id);
        for (field, present) in [
            ("unit", !indicator.unit.trim().is_empty()),
            ("baseline_value", indicator.baseline_value.is_some()),
            ("baseline_year", indicator.baseline_year.is_some()),
            ("target_value", indicator.target_value.is_some()),
            ("target_year", indicator.target_year.is_some()),
            ("source", !indicator.source.trim().is_empty()),
        ] {
            if !present {
                missing(format!("{at}.{field}"), "required before submission");
            }
        }
    }
    for action in &roadmap.actions {
        check_action_complete(roadmap, action, &mut errors);
    }
    for indicator in &roadmap.indicators {
        if let (Some(baseline), Some(target)) = (indicator.baseline_year, indicator.target_year)
            && target < baseline
        {
            errors.push(FieldError::new(
                format!("indicators.{}.target_year", indicator.id),
                "before_baseline",
                "the target year cannot come before the baseline year",
            ));
        }
    }
    errors
}

fn check_action_complete(roadmap: &Roadmap, action: &super::Action, errors: &mut Vec<FieldError>) {
    let at = format!("actions.{}", action.id);
    let mut push = |field: &str, code: &str, message: String| {
        errors.push(FieldError::new(format!("{at}.{field}"), code, message))
    };
    if action
        .lead_institution
        .as_deref()
        .is_none_or(|l| l.trim().is_empty())
    {
        push(
            "lead_institution",
            "required",
            "name the institution responsible".into(),
        );
    }
    let month =
        |raw: &Option<String>, field| raw.as_deref().and_then(|m| YearMonth::parse(m, field).ok());
    let (start, end) = (
        month(&action.start_month, "start_month"),
        month(&action.end_month, "end_month"),
    );
    for (field, value) in [("start_month", start), ("end_month", end)] {
        match value {
            None => push(field, "required", "give the month".into()),
            Some(m) if m.year < roadmap.period_start || m.year > roadmap.period_end => push(
                field,
                "outside_period",
                format!(
                    "{m} is outside the roadmap's period {}–{}",
                    roadmap.period_start, roadmap.period_end
                ),
            ),
            Some(_) => {}
        }
    }
    if let (Some(start), Some(end)) = (start, end)
        && end < start
    {
        push(
            "end_month",
            "before_start",
            "the action cannot end before it starts".into(),
        );
    }
    let amount = |m: &Option<Money>| m.as_ref().and_then(|m| parse_amount(&m.amount, "").ok());
    match (&action.budget, amount(&action.budget)) {
        (None, _) | (_, None) => push("budget", "required", "give the budget".into()),
        (_, Some(cents)) if cents.0 < 0 => push(
            "budget.amount",
            "negative",
            "a budget cannot be negative".into(),
        ),
        _ => {}
    }
    if let Some(secured) = &action.secured {
        let secured_cents = amount(&action.secured);
        if secured_cents.is_some_and(|c| c.0 < 0) {
            push(
                "secured.amount",
                "negative",
                "a secured amount cannot be negative".into(),
            );
        }
        if let Some(budget) = &action.budget {
            if secured.currency != budget.currency {
                push(
                    "secured.currency",
                    "currency_mismatch",
                    format!(
                        "secured funds are counted in the budget's currency, {}",
                        budget.currency
                    ),
                );
            } else if let (Some(s), Some(b)) = (secured_cents, amount(&action.budget))
                && s > b
            {
                push(
                    "secured.amount",
                    "exceeds_budget",
                    "more is secured than the budget".into(),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use chrono::{TimeZone, Utc};
    use uuid::Uuid;

    use super::*;
    use crate::roadmap::{
        Action, Consultation, Priority, RoadmapIndicator, RoadmapStatus, StakeholderGroup,
    };

    fn codes(list: &[&str]) -> BTreeSet<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    fn fields(errors: &[FieldError]) -> Vec<&str> {
        errors.iter().map(|e| e.field.as_str()).collect()
    }

    fn new_roadmap(title: &str, start: i32, end: i32) -> NewRoadmap {
        NewRoadmap {
            country_code: None,
            title: title.into(),
            summary: String::new(),
            period_start: start,
            period_end: end,
            consultation: Consultation::default(),
        }
    }

    #[test]
    fn a_roadmap_needs_a_title_and_a_period_that_does_not_end_before_it_starts() {
        assert!(check_new_roadmap(&new_roadmap("Roadmap", 2025, 2030)).is_ok());
        assert!(
            check_new_roadmap(&new_roadmap("Roadmap", 2025, 2025)).is_ok(),
            "one year is a period"
        );
        let errors = check_new_roadmap(&new_roadmap("  ", 2030, 2025)).unwrap_err();
        assert_eq!(fields(&errors), ["title", "period_end"]);
        assert_eq!(errors[1].code, "before_start");
        let errors = check_new_roadmap(&new_roadmap("R", 1999, 2101)).unwrap_err();
        assert_eq!(fields(&errors), ["period_start", "period_end"]);
    }

    #[test]
    fn a_patch_is_checked_against_the_other_end_of_the_period() {
        let patch = RoadmapPatch {
            period_end: Some(2024),
            ..RoadmapPatch::default()
        };
        assert_eq!(
            check_roadmap_patch(&patch, (2025, 2030)).unwrap_err()[0].code,
            "before_start"
        );
        let patch = RoadmapPatch {
            title: Some(String::new()),
            ..RoadmapPatch::default()
        };
        assert_eq!(
            check_roadmap_patch(&patch, (2025, 2030)).unwrap_err()[0].field,
            "title"
        );
    }

    #[test]
    fn priorities_name_known_strategies_once_each() {
        let strategies = codes(&["laws", "norms"]);
        let indicators = codes(&[]);
        let reference = Reference {
            strategies: &strategies,
            indicators: &indicators,
        };
        let ok = check_priority(
            &NewPriority {
                title: "P".into(),
                description: String::new(),
                strategies: vec!["laws".into(), "laws".into()],
            },
            &reference,
        )
        .unwrap();
        assert_eq!(ok.strategies, ["laws"]);
        let errors = check_priority(
            &NewPriority {
                title: "P".into(),
                description: String::new(),
                strategies: vec!["laws".into(), "magic".into()],
            },
            &reference,
        )
        .unwrap_err();
        assert_eq!(
            (errors[0].field.as_str(), errors[0].code.as_str()),
            ("strategies[1]", "unknown_strategy")
        );
    }

    #[test]
    fn actions_refuse_malformed_months_amounts_and_currencies() {
        let action = NewAction {
            priority_id: Uuid::nil(),
            title: "A".into(),
            start_month: Some("2025-3".into()),
            end_month: Some("2026-12".into()),
            budget: Some(Money {
                amount: "1.234".into(),
                currency: "EURO".into(),
            }),
            secured: Some(Money {
                amount: "10".into(),
                currency: "EUR".into(),
            }),
            ..NewAction::default()
        };
        let errors = check_action(&action).unwrap_err();
        assert_eq!(
            fields(&errors),
            ["start_month", "budget.amount", "budget.currency"]
        );
    }

    #[test]
    fn a_valid_action_is_normalised() {
        let action = NewAction {
            priority_id: Uuid::nil(),
            title: " Train teachers ".into(),
            lead_institution: Some("  ".into()),
            partners: vec![" UNICEF ".into(), String::new()],
            start_month: Some("2025-03".into()),
            budget: Some(Money {
                amount: "1500.5".into(),
                currency: "usd".into(),
            }),
            ..NewAction::default()
        };
        let checked = check_action(&action).unwrap();
        assert_eq!(checked.title, "Train teachers");
        assert_eq!(checked.lead_institution, None, "blank means absent");
        assert_eq!(checked.partners, ["UNICEF"]);
        assert_eq!(checked.budget, Some((Cents(150_050), "USD".into())));
    }

    #[test]
    fn indicators_name_known_sdg_codes_or_none() {
        let strategies = codes(&[]);
        let indicators = codes(&["16.2.1"]);
        let reference = Reference {
            strategies: &strategies,
            indicators: &indicators,
        };
        let national = NewIndicator {
            name: "National helpline calls".into(),
            baseline_value: Some("1200".into()),
            ..NewIndicator::default()
        };
        assert_eq!(
            check_indicator(&national, &reference)
                .unwrap()
                .indicator_code,
            None
        );
        let unknown = NewIndicator {
            indicator_code: Some("99.9.9".into()),
            name: "X".into(),
            ..NewIndicator::default()
        };
        assert_eq!(
            check_indicator(&unknown, &reference).unwrap_err()[0].code,
            "unknown_indicator"
        );
        let bad_value = NewIndicator {
            name: "X".into(),
            target_value: Some("lots".into()),
            target_year: Some(1800),
            ..NewIndicator::default()
        };
        assert_eq!(
            fields(&check_indicator(&bad_value, &reference).unwrap_err()),
            ["target_value", "target_year"]
        );
    }

    fn complete_roadmap() -> Roadmap {
        let priority = Priority {
            id: Uuid::from_u128(1),
            title: "P".into(),
            description: String::new(),
            strategies: vec!["laws".into()],
        };
        let action = Action {
            id: Uuid::from_u128(2),
            priority_id: priority.id,
            title: "A".into(),
            description: String::new(),
            lead_institution: Some("Ministry".into()),
            partners: vec![],
            start_month: Some("2025-01".into()),
            end_month: Some("2026-06".into()),
            budget: Some(Money {
                amount: "100.00".into(),
                currency: "USD".into(),
            }),
            secured: Some(Money {
                amount: "40.00".into(),
                currency: "USD".into(),
            }),
            funding_source: None,
        };
        let indicator = RoadmapIndicator {
            id: Uuid::from_u128(3),
            indicator_code: Some("16.2.1".into()),
            name: "I".into(),
            unit: "%".into(),
            baseline_value: Some("60".into()),
            baseline_year: Some(2022),
            target_value: Some("30".into()),
            target_year: Some(2030),
            source: "MICS".into(),
        };
        let at = Utc.with_ymd_and_hms(2025, 1, 1, 0, 0, 0).unwrap();
        Roadmap {
            id: Uuid::from_u128(9),
            country_code: "KEN".into(),
            title: "R".into(),
            summary: "Vision".into(),
            period_start: 2025,
            period_end: 2030,
            status: RoadmapStatus::Draft,
            version: 1,
            revision: 1,
            consultation: Consultation {
                held_on: chrono::NaiveDate::from_ymd_opt(2025, 2, 1),
                stakeholder_groups: vec![StakeholderGroup::Government],
                participants: Some(40),
            },
            priorities: vec![priority],
            actions: vec![action],
            indicators: vec![indicator],
            budget: Default::default(),
            created_at: at,
            updated_at: at,
        }
    }

    #[test]
    fn a_complete_roadmap_passes() {
        assert_eq!(check_complete(&complete_roadmap()), []);
    }

    #[test]
    fn an_empty_roadmap_lists_every_gap() {
        let mut roadmap = complete_roadmap();
        roadmap.summary = " ".into();
        roadmap.consultation = Consultation::default();
        roadmap.priorities.clear();
        roadmap.actions.clear();
        roadmap.indicators.clear();
        assert_eq!(
            fields(&check_complete(&roadmap)),
            [
                "summary",
                "consultation.held_on",
                "consultation.stakeholder_groups",
                "consultation.participants",
                "priorities",
                "indicators"
            ]
        );
    }

    type BreakAction = fn(&mut Action);

    #[test]
    fn each_incomplete_action_rule_is_reported_on_its_field() {
        let at = "actions.00000000-0000-0000-0000-000000000002";
        let cases: [(&str, BreakAction, &str); 7] = [
            (
                "lead_institution",
                |a| a.lead_institution = None,
                "required",
            ),
            (
                "start_month",
                |a| a.start_month = Some("2024-12".into()),
                "outside_period",
            ),
            (
                "end_month",
                |a| a.end_month = Some("2031-01".into()),
                "outside_period",
            ),
            (
                "end_month",
                |a| a.end_month = Some("2024-12".into()),
                "outside_period",
            ),
            (
                "budget.amount",
                |a| {
                    a.budget = Some(Money {
                        amount: "-1".into(),
                        currency: "USD".into(),
                    })
                },
                "negative",
            ),
            (
                "secured.amount",
                |a| {
                    a.secured = Some(Money {
                        amount: "100.01".into(),
                        currency: "USD".into(),
                    })
                },
                "exceeds_budget",
            ),
            (
                "secured.currency",
                |a| {
                    a.secured = Some(Money {
                        amount: "1".into(),
                        currency: "EUR".into(),
                    })
                },
                "currency_mismatch",
            ),
        ];
        for (field, break_it, code) in cases {
            let mut roadmap = complete_roadmap();
            break_it(&mut roadmap.actions[0]);
            let errors = check_complete(&roadmap);
            assert!(
                errors
                    .iter()
                    .any(|e| e.field == format!("{at}.{field}") && e.code == code),
                "{field}/{code} in {errors:?}"
            );
        }
        let mut roadmap = complete_roadmap();
        roadmap.actions[0].start_month = Some("2026-01".into());
        roadmap.actions[0].end_month = Some("2025-06".into());
        assert_eq!(check_complete(&roadmap)[0].code, "before_start");
        roadmap.actions[0].budget = None;
        assert!(
            check_complete(&roadmap)
                .iter()
                .any(|e| e.field == format!("{at}.budget"))
        );
    }

    #[test]
    fn priorities_need_a_strategy_and_an_action_and_indicators_need_their_values() {
        let mut roadmap = complete_roadmap();
        roadmap.priorities[0].strategies.clear();
        roadmap.actions.clear();
        roadmap.indicators[0].target_value = None;
        roadmap.indicators[0].target_year = Some(2020);
        let errors = check_complete(&roadmap);
        let found = fields(&errors);
        let p = "priorities.00000000-0000-0000-0000-000000000001";
        let i = "indicators.00000000-0000-0000-0000-000000000003";
        assert!(
            found.contains(&format!("{p}.strategies").as_str()),
            "{found:?}"
        );
        assert!(
            found.contains(&format!("{p}.actions").as_str()),
            "{found:?}"
        );
        assert!(
            found.contains(&format!("{i}.target_value").as_str()),
            "{found:?}"
        );
        assert!(
            errors.iter().any(|e| e.code == "before_baseline"),
            "{found:?}"
        );
    }
}
