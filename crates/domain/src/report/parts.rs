//! The parts of a report, edited through the same path as a roadmap's: a key action's progress
//! and an indicator's value are replaced whole (`PUT`); support requests are added, patched and
//! deleted.

use super::validation::{
    CheckedActionProgress, CheckedIndicatorValue, CheckedSupportRequest, check_action_progress,
    check_indicator_value, check_support_request,
};
use super::{
    ActionProgress, ActionProgressInput, IndicatorProgress, IndicatorValueInput, NewSupportRequest,
    SupportRequest, SupportRequestPatch,
};
use crate::FieldError;
use crate::reference::Reference;
use crate::review::Section;
use crate::review::parts::Part;

impl Part for ActionProgress {
    type New = ActionProgressInput;
    type Patch = ActionProgressInput;
    type Checked = CheckedActionProgress;
    const SECTION: Section = Section::Action;

    fn check(
        input: &ActionProgressInput,
        _: &Reference<'_>,
    ) -> Result<CheckedActionProgress, Vec<FieldError>> {
        check_action_progress(input)
    }

    /// The new values, checked against the currency of the line's budget.
    fn patched(patch: ActionProgressInput, current: &ActionProgress) -> ActionProgressInput {
        ActionProgressInput {
            budget_currency: current.budget.as_ref().map(|b| b.currency.clone()),
            ..patch
        }
    }
}

impl Part for IndicatorProgress {
    type New = IndicatorValueInput;
    type Patch = IndicatorValueInput;
    type Checked = CheckedIndicatorValue;
    const SECTION: Section = Section::Indicator;

    fn check(
        input: &IndicatorValueInput,
        _: &Reference<'_>,
    ) -> Result<CheckedIndicatorValue, Vec<FieldError>> {
        check_indicator_value(input)
    }

    fn patched(patch: IndicatorValueInput, _: &IndicatorProgress) -> IndicatorValueInput {
        patch
    }
}

impl Part for SupportRequest {
    type New = NewSupportRequest;
    type Patch = SupportRequestPatch;
    type Checked = CheckedSupportRequest;
    const SECTION: Section = Section::SupportRequest;

    fn check(
        input: &NewSupportRequest,
        _: &Reference<'_>,
    ) -> Result<CheckedSupportRequest, Vec<FieldError>> {
        check_support_request(input)
    }

    fn patched(patch: SupportRequestPatch, current: &SupportRequest) -> NewSupportRequest {
        NewSupportRequest {
            kind: patch.kind.unwrap_or(current.kind),
            description: patch
                .description
                .unwrap_or_else(|| current.description.clone()),
            priority_id: patch.priority_id.unwrap_or(current.priority_id),
            action_id: patch.action_id.unwrap_or(current.action_id),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::Money;
    use crate::report::{ActionStatus, SupportType};
    use uuid::Uuid;

    #[test]
    fn a_progress_line_is_checked_against_its_own_budget_currency() {
        let current = ActionProgress {
            action_id: Uuid::nil(),
            priority_id: Uuid::nil(),
            title: "Helpline".into(),
            strategies: vec!["R".into()],
            status: ActionStatus::NotStarted,
            progress_percent: 0,
            spent: None,
            budget: Some(Money {
                amount: "1000.00".into(),
                currency: "KES".into(),
            }),
            note: String::new(),
            carried_over: false,
        };
        let input = ActionProgressInput {
            status: ActionStatus::OnTrack,
            progress_percent: 10,
            spent: Some(Money {
                amount: "5".into(),
                currency: "USD".into(),
            }),
            note: String::new(),
            budget_currency: Some("USD".into()),
        };
        let checked = ActionProgress::patched(input, &current);
        assert_eq!(checked.budget_currency.as_deref(), Some("KES"));
    }

    #[test]
    fn a_support_request_patch_can_clear_what_it_concerns() {
        let current = SupportRequest {
            id: Uuid::nil(),
            kind: SupportType::Technical,
            description: "Data system".into(),
            priority_id: Some(Uuid::nil()),
            action_id: None,
        };
        let patch: SupportRequestPatch =
            serde_json::from_str(r#"{"priority_id": null, "type": "financial"}"#).unwrap();
        let after = SupportRequest::patched(patch, &current);
        assert_eq!(after.priority_id, None);
        assert_eq!(after.kind, SupportType::Financial);
        assert_eq!(after.description, "Data system");
    }
}
