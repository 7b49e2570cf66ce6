//! What changed since the approved version: the differences, section by section, between a
//! revision and the version it would replace. Every kind lists its sections as
//! [`SectionSnapshot`]s; the comparison is the same for all.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use uuid::Uuid;

use super::Section;

/// The approved version a revision is compared with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApprovedVersion {
    pub id: Uuid,
    pub version: i32,
    pub revision: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    Added,
    Removed,
    Modified,
}

impl ChangeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::Added => "added",
            ChangeKind::Removed => "removed",
            ChangeKind::Modified => "modified",
        }
    }
}

/// One field that differs; `null` where the field is absent or empty on that side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FieldChange {
    pub field: String,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub before: Value,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub after: Value,
}

/// A section that was added, removed or modified.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SectionChange {
    pub kind: Section,
    /// The section in this version, or in the approved one when it was removed.
    pub id: Uuid,
    /// Its title, to name it.
    pub label: String,
    pub change: ChangeKind,
    /// Absent reads as none (a client may be given a section without its fields).
    #[serde(default)]
    pub fields: Vec<FieldChange>,
}

/// `GET /{documents}/{id}/changes-since-approved`. `approved` is `null` when there is no
/// approved version to compare with (a first version); `sections` is then empty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChangesSinceApproved {
    pub approved: Option<ApprovedVersion>,
    pub sections: Vec<SectionChange>,
}

/// One section of a version, as compared: its fields as JSON, and the section of the approved
/// version it was copied from (`origin`) when the revision was started.
#[derive(Debug, Clone, PartialEq)]
pub struct SectionSnapshot {
    pub kind: Section,
    pub id: Uuid,
    pub origin: Option<Uuid>,
    pub label: String,
    pub fields: Map<String, Value>,
}

/// A field's value as compared: absent, empty text and an empty list all read as `null`, so
/// that an added section lists only what it has.
fn compared(value: Option<&Value>) -> &Value {
    match value {
        Some(Value::String(text)) if text.trim().is_empty() => &Value::Null,
        Some(Value::Array(items)) if items.is_empty() => &Value::Null,
        Some(value) => value,
        None => &Value::Null,
    }
}

/// The fields of `after` that differ from `before`, in `after`'s order then `before`'s.
fn field_changes(before: &Map<String, Value>, after: &Map<String, Value>) -> Vec<FieldChange> {
    let keys = after
        .keys()
        .chain(before.keys().filter(|k| !after.contains_key(*k)));
    keys.filter_map(|key| {
        let (old, new) = (compared(before.get(key)), compared(after.get(key)));
        (old != new).then(|| FieldChange {
            field: key.clone(),
            before: old.clone(),
            after: new.clone(),
        })
    })
    .collect()
}

/// The sections of `current` that differ from `approved`: a section of `current` matches the
/// approved section it was copied from (its `origin`; the document's own section names the
/// approved version). What matches nothing was added or removed.
pub fn changes_between(
    approved: &[SectionSnapshot],
    current: &[SectionSnapshot],
) -> Vec<SectionChange> {
    let find_old = |new: &SectionSnapshot| {
        approved
            .iter()
            .find(|old| old.kind == new.kind && new.origin == Some(old.id))
    };
    let mut changes = Vec::new();
    let mut matched = Vec::new();
    for new in current {
        match find_old(new) {
            Some(old) => {
                matched.push(old.id);
                let fields = field_changes(&old.fields, &new.fields);
                if !fields.is_empty() {
                    changes.push(SectionChange {
                        kind: new.kind,
                        id: new.id,
                        label: new.label.clone(),
                        change: ChangeKind::Modified,
                        fields,
                    });
                }
            }
            None => changes.push(SectionChange {
                kind: new.kind,
                id: new.id,
                label: new.label.clone(),
                change: ChangeKind::Added,
                fields: field_changes(&Map::new(), &new.fields),
            }),
        }
    }
    for old in approved.iter().filter(|old| !matched.contains(&old.id)) {
        changes.push(SectionChange {
            kind: old.kind,
            id: old.id,
            label: old.label.clone(),
            change: ChangeKind::Removed,
            fields: field_changes(&old.fields, &Map::new()),
        });
    }
    changes
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    /// Distinct ids, in order (the domain has no randomness).
    fn ids<const N: usize>() -> [Uuid; N] {
        std::array::from_fn(|i| Uuid::from_u128(i as u128 + 1))
    }

    fn snapshot(kind: Section, id: Uuid, origin: Option<Uuid>, fields: Value) -> SectionSnapshot {
        let Value::Object(fields) = fields else {
            panic!("fields are an object")
        };
        SectionSnapshot {
            kind,
            id,
            origin,
            label: fields
                .get("title")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned(),
            fields,
        }
    }

    #[test]
    fn a_revision_lists_what_it_added_removed_and_modified_and_nothing_else() {
        let [
            doc_v1,
            doc_v2,
            kept,
            changed,
            dropped,
            kept_copy,
            changed_copy,
            added,
        ] = ids();
        let approved = [
            snapshot(
                Section::Roadmap,
                doc_v1,
                None,
                json!({"title": "Plan", "summary": "old"}),
            ),
            snapshot(Section::Priority, kept, None, json!({"title": "Schools"})),
            snapshot(
                Section::Action,
                changed,
                None,
                json!({"title": "Train", "budget": "10"}),
            ),
            snapshot(
                Section::Indicator,
                dropped,
                None,
                json!({"title": "16.2.1"}),
            ),
        ];
        let current = [
            snapshot(
                Section::Roadmap,
                doc_v2,
                Some(doc_v1),
                json!({"title": "Plan", "summary": "new"}),
            ),
            snapshot(
                Section::Priority,
                kept_copy,
                Some(kept),
                json!({"title": "Schools"}),
            ),
            snapshot(
                Section::Action,
                changed_copy,
                Some(changed),
                json!({"title": "Train", "budget": "12"}),
            ),
            snapshot(Section::Action, added, None, json!({"title": "Helpline"})),
        ];
        let changes = changes_between(&approved, &current);
        let summary: Vec<_> = changes.iter().map(|c| (c.kind, c.id, c.change)).collect();
        assert_eq!(
            summary,
            [
                (Section::Roadmap, doc_v2, ChangeKind::Modified),
                (Section::Action, changed_copy, ChangeKind::Modified),
                (Section::Action, added, ChangeKind::Added),
                (Section::Indicator, dropped, ChangeKind::Removed),
            ]
        );
        assert_eq!(
            changes[1].fields,
            [FieldChange {
                field: "budget".into(),
                before: json!("10"),
                after: json!("12")
            }]
        );
        assert_eq!(changes[3].fields[0].after, Value::Null);
    }

    #[test]
    fn an_added_section_lists_only_the_fields_it_has() {
        let [part] = ids();
        let current = [snapshot(
            Section::Priority,
            part,
            None,
            json!({"title": "Online safety", "description": "", "strategies": [], "note": null}),
        )];
        let changes = changes_between(&[], &current);
        let fields: Vec<&str> = changes[0].fields.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(fields, ["title"]);
    }

    #[test]
    fn an_unchanged_revision_has_no_changes() {
        let [doc, part, doc_copy, part_copy] = ids();
        let approved = [
            snapshot(Section::Roadmap, doc, None, json!({"title": "Plan"})),
            snapshot(Section::Priority, part, None, json!({"title": "A"})),
        ];
        let current = [
            snapshot(
                Section::Roadmap,
                doc_copy,
                Some(doc),
                json!({"title": "Plan"}),
            ),
            snapshot(
                Section::Priority,
                part_copy,
                Some(part),
                json!({"title": "A"}),
            ),
        ];
        assert!(changes_between(&approved, &current).is_empty());
    }
}
