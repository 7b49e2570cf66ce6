//! "What changed since the approved version": the sections of a document added, removed or
//! modified since its last approved version, field by field, as the server compares them
//! (`GET /<documents>/{id}/changes-since-approved`).
//!
//! The answer's types live here until the domain crate has them (then they move there).

use leptos::prelude::*;
use pioneer_domain::roadmap::TargetKind;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use uuid::Uuid;

use super::show_value;
use crate::i18n::{I18n, Key, use_i18n};

/// The approved version that the changes are counted from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApprovedVersion {
    pub id: Uuid,
    pub version: i32,
    pub revision: i64,
}

/// The changes of a document since its approved version; `approved` is `None` when there is
/// none to compare with (a first version).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChangesSinceApproved {
    pub approved: Option<ApprovedVersion>,
    #[serde(default)]
    pub sections: Vec<SectionChange>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    Added,
    Removed,
    Modified,
}

impl ChangeKind {
    fn as_str(self) -> &'static str {
        match self {
            ChangeKind::Added => "added",
            ChangeKind::Removed => "removed",
            ChangeKind::Modified => "modified",
        }
    }

    fn key(self) -> Key {
        match self {
            ChangeKind::Added => Key::Added,
            ChangeKind::Removed => Key::Removed,
            ChangeKind::Modified => Key::Changed,
        }
    }
}

/// One section (the document itself or one of its parts) that changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SectionChange {
    /// The same kinds as comments are anchored to.
    pub kind: TargetKind,
    /// The part in this version, or in the approved one when it was removed.
    pub id: Uuid,
    /// The part's title (the document's own title for the document).
    pub label: String,
    pub change: ChangeKind,
    #[serde(default)]
    pub fields: Vec<FieldChange>,
}

/// One field's value in the approved version and now (`null` where it had none).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FieldChange {
    pub field: String,
    #[serde(default)]
    pub before: Value,
    #[serde(default)]
    pub after: Value,
}

/// What a field change shows: the value struck out and the value put in, each only when that
/// side had a value (a field filled in shows only what was put in).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShownChange {
    pub before: Option<String>,
    pub after: Option<String>,
}

fn is_blank(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::String(text) => text.trim().is_empty(),
        Value::Array(items) => items.is_empty(),
        _ => false,
    }
}

impl FieldChange {
    pub fn shown(&self) -> ShownChange {
        let side = |value: &Value| (!is_blank(value)).then(|| show_value(Some(value)));
        ShownChange {
            before: side(&self.before),
            after: side(&self.after),
        }
    }
}

impl ChangesSinceApproved {
    /// The approved version's number, when there is one to compare with.
    pub fn compared_with(&self) -> Option<i32> {
        self.approved.as_ref().map(|a| a.version)
    }
}

/// Whether a document of this version may have an approved version before it.
pub fn has_approved_before(version: i32) -> bool {
    version > 1
}

fn kind_key(kind: TargetKind) -> Key {
    match kind {
        TargetKind::Roadmap => Key::SectionRoadmap,
        TargetKind::Priority => Key::SectionPriority,
        TargetKind::Action => Key::SectionAction,
        TargetKind::Indicator => Key::SectionIndicator,
    }
}

/// The changes as a list of sections, each with its change badge and, field by field, the
/// approved value struck out (red) and the current value inserted (green). Nothing when there
/// is no approved version to compare with.
#[component]
pub fn ChangesSinceApprovedView(
    changes: ChangesSinceApproved,
    /// A field's name in the member's words (`end_month` → "End month").
    field_label: fn(I18n, &str) -> String,
) -> impl IntoView {
    let i18n = use_i18n();
    let version = changes.compared_with()?;
    let sections = changes.sections;
    let body = if sections.is_empty() {
        view! { <p class="muted">{i18n.tx(Key::NoChangesSinceApproved)}</p> }.into_any()
    } else {
        let items = sections
            .into_iter()
            .map(|section| {
                let change = section.change;
                let fields = section
                    .fields
                    .iter()
                    .map(|field| {
                        let shown = field.shown();
                        let before = shown.before.map(|text| {
                            view! {
                                <del class="value-before">
                                    <span class="visually-hidden">{i18n.tx(Key::ValueBefore)} " "</span>
                                    {text}
                                </del>
                            }
                        });
                        let after = shown.after.map(|text| {
                            view! {
                                <ins class="value-after">
                                    <span class="visually-hidden">{i18n.tx(Key::ValueAfter)} " "</span>
                                    {text}
                                </ins>
                            }
                        });
                        let name = field.field.clone();
                        view! {
                            <div class="field-change" data-field=field.field.clone()>
                                <dt>{move || field_label(i18n, &name)}</dt>
                                <dd>{before} " " {after}</dd>
                            </div>
                        }
                    })
                    .collect_view();
                view! {
                    <li class=format!("change change-{}", change.as_str()) data-testid="section-change" data-change=change.as_str()>
                        <h3 class="change-head">
                            <span class="badge change-badge">{i18n.tx(change.key())}</span>
                            <span class="change-kind">{i18n.tx(kind_key(section.kind))}</span>
                            <span class="change-label">{section.label}</span>
                        </h3>
                        {(!section.fields.is_empty()).then(|| view! { <dl class="field-changes">{fields}</dl> })}
                    </li>
                }
            })
            .collect_view();
        view! { <ol class="change-list">{items}</ol> }.into_any()
    };
    Some(view! {
        <section class="panel changes" data-testid="changes-since-approved" aria-labelledby="changes-heading">
            <h2 id="changes-heading">
                {move || i18n.fmt(Key::ChangesSinceApproved, &[("n", &version.to_string())])}
            </h2>
            {body}
        </section>
    })
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn answer() -> ChangesSinceApproved {
        serde_json::from_value(json!({
            "approved": {"id": "0190a000-0000-7000-8000-000000000001", "version": 1, "revision": 7},
            "sections": [
                {"kind": "roadmap", "id": "0190a000-0000-7000-8000-000000000001",
                 "label": "Kenya roadmap", "change": "modified",
                 "fields": [{"field": "summary", "before": "Old vision", "after": "New vision"}]},
                {"kind": "action", "id": "0190a000-0000-7000-8000-000000000002",
                 "label": "Hotline", "change": "added",
                 "fields": [{"field": "budget", "before": null,
                             "after": {"amount": "95000.00", "currency": "USD"}}]},
                {"kind": "priority", "id": "0190a000-0000-7000-8000-000000000003",
                 "label": "Safer schools", "change": "removed"}
            ]
        }))
        .expect("the server's shape")
    }

    #[test]
    fn the_server_s_answer_reads_with_its_kinds_and_changes() {
        let changes = answer();
        assert_eq!(changes.compared_with(), Some(1));
        let kinds: Vec<_> = changes
            .sections
            .iter()
            .map(|s| (s.kind, s.change))
            .collect();
        assert_eq!(
            kinds,
            [
                (TargetKind::Roadmap, ChangeKind::Modified),
                (TargetKind::Action, ChangeKind::Added),
                (TargetKind::Priority, ChangeKind::Removed),
            ]
        );
        assert!(
            changes.sections[2].fields.is_empty(),
            "fields may be left out"
        );
        let first: ChangesSinceApproved =
            serde_json::from_value(json!({"approved": null, "sections": []})).expect("valid");
        assert_eq!(
            first.compared_with(),
            None,
            "a first version has nothing to compare"
        );
    }

    #[test]
    fn a_field_shows_what_was_struck_out_and_what_was_put_in() {
        let changes = answer();
        let modified = changes.sections[0].fields[0].shown();
        assert_eq!(modified.before.as_deref(), Some("Old vision"));
        assert_eq!(modified.after.as_deref(), Some("New vision"));
        let filled = changes.sections[1].fields[0].shown();
        assert_eq!(filled.before, None, "nothing to strike out");
        assert_eq!(filled.after.as_deref(), Some("95000.00 USD"));
        let cleared = FieldChange {
            field: "partners".into(),
            before: json!(["UNICEF", "WHO"]),
            after: json!([]),
        }
        .shown();
        assert_eq!(cleared.before.as_deref(), Some("UNICEF, WHO"));
        assert_eq!(cleared.after, None);
    }

    #[test]
    fn only_a_later_version_has_an_approved_one_before_it() {
        assert!(!has_approved_before(1));
        assert!(has_approved_before(2));
    }
}
