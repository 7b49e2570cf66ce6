//! What a report's parts must be: a progress percentage between 0 and 100, money spent in the
//! currency of the action's budget, indicator values that are numbers with a year and a source.
//! Every problem is reported, one detail per field.

use uuid::Uuid;

use super::{
    ActionProgressInput, ActionStatus, IndicatorValueInput, NarrativePatch, NewSupportRequest,
    Report, SupportType,
};
use crate::FieldError;
use crate::money::Cents;
use crate::roadmap::validation::{
    MAX_TEXT, check_indicator_year, check_value, optional_text, required_text,
};

const MAX_NOTE: usize = 2_000;
const MAX_SOURCE: usize = 500;

/// The narrative sections a patch sets, trimmed.
pub fn check_narrative(patch: &NarrativePatch) -> Result<NarrativePatch, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut check = |raw: &Option<String>, field: &str| {
        raw.as_deref().and_then(|text| {
            optional_text(text, &format!("narrative.{field}"), MAX_TEXT)
                .map_err(|e| errors.push(e))
                .ok()
        })
    };
    let checked = NarrativePatch {
        achievements: check(&patch.achievements, "achievements"),
        challenges: check(&patch.challenges, "challenges"),
        lessons_learned: check(&patch.lessons_learned, "lessons_learned"),
        children_participation: check(&patch.children_participation, "children_participation"),
    };
    if errors.is_empty() {
        Ok(checked)
    } else {
        Err(errors)
    }
}

/// A key action's progress, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedActionProgress {
    pub status: ActionStatus,
    pub progress_percent: u8,
    pub spent: Option<(Cents, String)>,
    pub note: String,
}

pub fn check_action_progress(
    input: &ActionProgressInput,
) -> Result<CheckedActionProgress, Vec<FieldError>> {
    let mut errors = Vec::new();
    let progress = u8::try_from(input.progress_percent)
        .ok()
        .filter(|p| *p <= 100);
    if progress.is_none() {
        errors.push(FieldError::new(
            "progress_percent",
            "out_of_range",
            "the progress is a percentage, from 0 to 100",
        ));
    }
    let spent = match input.spent.as_ref().map(|m| m.parse("spent")) {
        None => None,
        Some(Err(problems)) => {
            errors.extend(problems);
            None
        }
        Some(Ok((cents, currency))) => {
            if cents.0 < 0 {
                errors.push(FieldError::new(
                    "spent.amount",
                    "negative",
                    "the amount spent cannot be negative",
                ));
            }
            match &input.budget_currency {
                Some(budget) if *budget != currency => errors.push(FieldError::new(
                    "spent.currency",
                    "currency_mismatch",
                    format!(
                        "the action's budget is in {budget}: report what was spent in {budget}"
                    ),
                )),
                _ => {}
            }
            Some((cents, currency))
        }
    };
    let note = optional_text(&input.note, "note", MAX_NOTE)
        .map_err(|e| errors.push(e))
        .ok();
    match (progress, note) {
        (Some(progress_percent), Some(note)) if errors.is_empty() => Ok(CheckedActionProgress {
            status: input.status,
            progress_percent,
            spent,
            note,
        }),
        _ => Err(errors),
    }
}

/// An indicator's value, as stored: the number normalised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedIndicatorValue {
    pub value: String,
    pub year: i32,
    pub source: String,
}

pub fn check_indicator_value(
    input: &IndicatorValueInput,
) -> Result<CheckedIndicatorValue, Vec<FieldError>> {
    let mut errors = Vec::new();
    let value = match check_value(Some(&input.value), "value") {
        Ok(Some(value)) => Some(value),
        Ok(None) => {
            errors.push(FieldError::new("value", "required", "value is required"));
            None
        }
        Err(e) => {
            errors.push(e);
            None
        }
    };
    let year = check_indicator_year(Some(input.year), "year")
        .map_err(|e| errors.push(e))
        .ok()
        .flatten();
    let source = required_text(&input.source, "source", MAX_SOURCE)
        .map_err(|e| errors.push(e))
        .ok();
    match (value, year, source) {
        (Some(value), Some(year), Some(source)) => Ok(CheckedIndicatorValue {
            value,
            year,
            source,
        }),
        _ => Err(errors),
    }
}

/// A support request, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedSupportRequest {
    pub kind: SupportType,
    pub description: String,
    pub priority_id: Option<Uuid>,
    pub action_id: Option<Uuid>,
}

pub fn check_support_request(
    input: &NewSupportRequest,
) -> Result<CheckedSupportRequest, Vec<FieldError>> {
    let description =
        required_text(&input.description, "description", MAX_NOTE).map_err(|e| vec![e])?;
    Ok(CheckedSupportRequest {
        kind: input.kind,
        description,
        priority_id: input.priority_id,
        action_id: input.action_id,
    })
}

/// What a report needs before it is submitted: its main achievements and its challenges, in
/// words. Everything else may honestly be unknown (an indicator without a new value).
pub fn check_complete(report: &Report) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let narrative = &report.narrative;
    for (field, text) in [
        ("narrative.achievements", &narrative.achievements),
        ("narrative.challenges", &narrative.challenges),
    ] {
        if text.trim().is_empty() {
            errors.push(FieldError::new(
                field,
                "required",
                "write this section before submitting",
            ));
        }
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::Money;

    fn progress(
        percent: i64,
        spent: Option<(&str, &str)>,
        budget: Option<&str>,
    ) -> ActionProgressInput {
        ActionProgressInput {
            status: ActionStatus::OnTrack,
            progress_percent: percent,
            spent: spent.map(|(amount, currency)| Money {
                amount: amount.into(),
                currency: currency.into(),
            }),
            note: "  On schedule. ".into(),
            budget_currency: budget.map(Into::into),
        }
    }

    #[test]
    fn a_percentage_outside_0_to_100_and_another_currency_are_one_detail_each() {
        let errors =
            check_action_progress(&progress(140, Some(("10.00", "EUR")), Some("USD"))).unwrap_err();
        let fields: Vec<_> = errors
            .iter()
            .map(|e| (e.field.as_str(), e.code.as_str()))
            .collect();
        assert_eq!(
            fields,
            [
                ("progress_percent", "out_of_range"),
                ("spent.currency", "currency_mismatch")
            ]
        );
        assert!(check_action_progress(&progress(-1, None, None)).is_err());
    }

    #[test]
    fn spending_in_the_budget_currency_is_kept_in_cents() {
        let checked =
            check_action_progress(&progress(40, Some(("1500.5", "usd")), Some("USD"))).unwrap();
        assert_eq!(checked.spent, Some((Cents(150_050), "USD".to_owned())));
        assert_eq!(checked.progress_percent, 40);
        assert_eq!(checked.note, "On schedule.");
        // An action without a budget takes spending in any currency.
        assert!(check_action_progress(&progress(100, Some(("3", "KES")), None)).is_ok());
    }

    #[test]
    fn an_indicator_value_needs_a_number_a_year_and_a_source() {
        let errors = check_indicator_value(&IndicatorValueInput {
            value: "about ten".into(),
            year: 1200,
            source: " ".into(),
        })
        .unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["value", "year", "source"]);
        let ok = check_indicator_value(&IndicatorValueInput {
            value: "12.50".into(),
            year: 2025,
            source: "DHS 2025".into(),
        })
        .unwrap();
        assert_eq!(ok.value, "12.5");
    }
}
