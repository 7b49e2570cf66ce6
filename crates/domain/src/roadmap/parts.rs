//! The parts of a roadmap (priorities, key actions, indicators) as one family: each says how a
//! new one is checked and what a patch makes of it, so that adding, editing and deleting are
//! written once for all of them.

use super::validation::{
    CheckedAction, CheckedIndicator, CheckedPriority, Reference, check_action, check_indicator,
    check_priority,
};
use super::{
    Action, ActionPatch, IndicatorPatch, NewAction, NewIndicator, NewPriority, Priority,
    PriorityPatch, RoadmapIndicator,
};
use crate::FieldError;
use crate::review::Section;
pub use crate::review::parts::Part;

impl Part for Priority {
    type New = NewPriority;
    type Patch = PriorityPatch;
    type Checked = CheckedPriority;
    const SECTION: Section = Section::Priority;

    fn check(
        input: &NewPriority,
        reference: &Reference<'_>,
    ) -> Result<CheckedPriority, Vec<FieldError>> {
        check_priority(input, reference)
    }

    fn patched(patch: PriorityPatch, current: &Priority) -> NewPriority {
        NewPriority {
            title: patch.title.unwrap_or_else(|| current.title.clone()),
            description: patch
                .description
                .unwrap_or_else(|| current.description.clone()),
            strategies: patch
                .strategies
                .unwrap_or_else(|| current.strategies.clone()),
        }
    }
}

impl Part for Action {
    type New = NewAction;
    type Patch = ActionPatch;
    type Checked = CheckedAction;
    const SECTION: Section = Section::Action;

    fn check(input: &NewAction, _: &Reference<'_>) -> Result<CheckedAction, Vec<FieldError>> {
        check_action(input)
    }

    fn patched(patch: ActionPatch, current: &Action) -> NewAction {
        patch.apply(current)
    }
}

impl Part for RoadmapIndicator {
    type New = NewIndicator;
    type Patch = IndicatorPatch;
    type Checked = CheckedIndicator;
    const SECTION: Section = Section::Indicator;

    fn check(
        input: &NewIndicator,
        reference: &Reference<'_>,
    ) -> Result<CheckedIndicator, Vec<FieldError>> {
        check_indicator(input, reference)
    }

    fn patched(patch: IndicatorPatch, current: &RoadmapIndicator) -> NewIndicator {
        patch.apply(current)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_priority_patch_changes_only_the_fields_it_names() {
        let current = Priority {
            id: uuid::Uuid::nil(),
            title: "Schools".into(),
            description: "Safe schools".into(),
            strategies: vec!["E".into()],
        };
        let patch = PriorityPatch {
            title: Some("Safe schools".into()),
            ..PriorityPatch::default()
        };
        let after = Priority::patched(patch, &current);
        assert_eq!(after.title, "Safe schools");
        assert_eq!(after.description, "Safe schools");
        assert_eq!(after.strategies, vec!["E".to_owned()]);
    }
}
