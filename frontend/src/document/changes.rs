//! "What changed since the approved version": the sections of a document added, removed or
//! modified since its last approved version, field by field, as the server compares them
//! (`GET /<documents>/{id}/changes-since-approved`).
//!
//! The answer's types are the domain's (`pioneer_domain::review::changes`).

use leptos::prelude::*;
use pioneer_domain::review::{ChangeKind, ChangesSinceApproved, FieldChange};
use serde_json::Value;

use super::show_value;
use crate::i18n::{I18n, Key, use_i18n};

/// The badge of a change, in the member's words.
fn change_key(change: ChangeKind) -> Key {
    match change {
        ChangeKind::Added => Key::Added,
        ChangeKind::Removed => Key::Removed,
        ChangeKind::Modified => Key::Changed,
    }
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

/// What `change` shows of each side.
pub fn shown(change: &FieldChange) -> ShownChange {
    let side = |value: &Value| (!is_blank(value)).then(|| show_value(Some(value)));
    ShownChange {
        before: side(&change.before),
        after: side(&change.after),
    }
}

/// Whether a document of this version may have an approved version before it.
pub fn has_approved_before(version: i32) -> bool {
    version > 1
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
    let version = changes.approved.as_ref().map(|a| a.version)?;
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
                        let shown = shown(field);
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
                            <span class="badge change-badge">{i18n.tx(change_key(change))}</span>
                            <span class="change-kind">{i18n.tx(I18n::section_key(section.kind))}</span>
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
    use pioneer_domain::roadmap::TargetKind;
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
        assert_eq!(changes.approved.as_ref().map(|a| a.version), Some(1));
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
            first.approved.as_ref().map(|a| a.version),
            None,
            "a first version has nothing to compare"
        );
    }

    #[test]
    fn a_field_shows_what_was_struck_out_and_what_was_put_in() {
        let changes = answer();
        let modified = shown(&changes.sections[0].fields[0]);
        assert_eq!(modified.before.as_deref(), Some("Old vision"));
        assert_eq!(modified.after.as_deref(), Some("New vision"));
        let filled = shown(&changes.sections[1].fields[0]);
        assert_eq!(filled.before, None, "nothing to strike out");
        assert_eq!(filled.after.as_deref(), Some("95000.00 USD"));
        let cleared = shown(&FieldChange {
            field: "partners".into(),
            before: json!(["UNICEF", "WHO"]),
            after: json!([]),
        });
        assert_eq!(cleared.before.as_deref(), Some("UNICEF, WHO"));
        assert_eq!(cleared.after, None);
    }

    #[test]
    fn only_a_later_version_has_an_approved_one_before_it() {
        assert!(!has_approved_before(1));
        assert!(has_approved_before(2));
    }
}
