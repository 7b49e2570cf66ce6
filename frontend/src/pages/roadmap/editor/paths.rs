//! Field paths (`actions.<id>.end_month`, as the domain's checks and the server name them) in
//! words, and the input each one leads to.

use pioneer_domain::roadmap::Roadmap;
use uuid::Uuid;

use crate::i18n::{I18n, Key};

/// The id of the input that a completeness path names.
pub(super) fn element_for_path(path: &str) -> String {
    let parts: Vec<&str> = path.split('.').collect();
    match parts.as_slice() {
        ["summary"] => "rm-summary".into(),
        ["consultation", "held_on"] => "rm-held-on".into(),
        ["consultation", "participants"] => "rm-participants".into(),
        ["consultation", _] => "rm-held-on".into(),
        ["priorities"] => "new-priority".into(),
        ["indicators"] => "new-indicator".into(),
        ["priorities", id, "actions"] => format!("new-action-{id}"),
        ["priorities", id, "strategies"] => format!("{id}-title"),
        ["actions", id, "budget", ..] => format!("{id}-budget"),
        ["actions", id, "secured", ..] => format!("{id}-secured"),
        [_, id, field, ..] => format!("{id}-{}", field.replace('_', "-")),
        _ => "rm-title".into(),
    }
}

fn field_key(field: &str) -> Option<Key> {
    Some(match field {
        "title" => Key::Title,
        "summary" => Key::Summary,
        "period_start" => Key::PeriodStart,
        "period_end" => Key::PeriodEnd,
        "consultation" => Key::Consultation,
        "held_on" => Key::HeldOn,
        "participants" => Key::Participants,
        "stakeholder_groups" => Key::StakeholderGroups,
        "priorities" => Key::Priorities,
        "indicators" => Key::Indicators,
        "strategies" => Key::Strategies,
        "actions" => Key::ActionsHeading,
        "description" => Key::Description,
        "lead_institution" => Key::LeadInstitution,
        "partners" => Key::Partners,
        "start_month" => Key::StartMonth,
        "end_month" => Key::EndMonth,
        "budget" => Key::BudgetAmount,
        "secured" => Key::Secured,
        "funding_source" => Key::FundingSource,
        "indicator_code" => Key::SdgIndicator,
        "name" => Key::Name,
        "unit" => Key::Unit,
        "baseline_value" => Key::BaselineValue,
        "baseline_year" => Key::BaselineYear,
        "target_value" => Key::TargetValue,
        "target_year" => Key::TargetYear,
        "source" => Key::Source,
        _ => return None,
    })
}

/// A field's name in words: `end_month` → "End month" (the name itself when unknown).
pub fn field_label(i18n: I18n, field: &str) -> String {
    field_key(field)
        .map(|k| i18n.t(k).to_owned())
        .unwrap_or_else(|| field.to_owned())
}

/// A field's name as a heading, without the typing hints of its input's label.
pub fn field_heading(i18n: I18n, field: &str) -> String {
    match field {
        "partners" => i18n.t(Key::PartnersShort).to_owned(),
        _ => field_label(i18n, field),
    }
}

/// A field path in words: "Key action “Train teachers” — End month".
pub fn describe_path(i18n: I18n, roadmap: &Roadmap, path: &str) -> String {
    let parts: Vec<&str> = path.split('.').collect();
    let word = |f: &str| field_label(i18n, f);
    let part_name = |kind: &str, id: &str| -> Option<String> {
        let id = Uuid::parse_str(id).ok()?;
        Some(match kind {
            "priorities" => {
                let name = roadmap
                    .priorities
                    .iter()
                    .find(|p| p.id == id)?
                    .title
                    .clone();
                i18n.fmt(Key::PriorityNamed, &[("name", &name)])
            }
            "actions" => {
                let name = roadmap.actions.iter().find(|a| a.id == id)?.title.clone();
                i18n.fmt(Key::ActionNamed, &[("name", &name)])
            }
            "indicators" => {
                let name = roadmap.indicators.iter().find(|i| i.id == id)?.name.clone();
                i18n.fmt(Key::IndicatorNamed, &[("name", &name)])
            }
            _ => return None,
        })
    };
    match parts.as_slice() {
        [
            kind @ ("priorities" | "actions" | "indicators"),
            id,
            field,
            ..,
        ] => match part_name(kind, id) {
            Some(name) => format!("{name} — {}", word(field)),
            None => word(field),
        },
        ["consultation", field] => format!("{} — {}", i18n.t(Key::Consultation), word(field)),
        [field, ..] => word(field),
        [] => String::new(),
    }
}
