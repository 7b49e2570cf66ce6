//! A roadmap's sections, as the review compares them with the approved version: the roadmap's
//! own fields, then each priority, key action and indicator.

use std::collections::HashMap;

use serde::Serialize;
use serde_json::{Map, Value};
use uuid::Uuid;

use super::Roadmap;
use crate::review::Section;
use crate::review::changes::SectionSnapshot;

/// The object's fields, without those that differ between versions by construction (ids).
fn fields(value: &impl Serialize, skip: &[&str]) -> Map<String, Value> {
    match serde_json::to_value(value) {
        Ok(Value::Object(mut map)) => {
            for key in skip {
                map.remove(*key);
            }
            map
        }
        _ => Map::new(),
    }
}

/// The sections of `roadmap`. `origins` names, for each part copied when the revision was
/// started, the part of the approved version it came from; `document_origin` is the approved
/// version itself (none for the approved version).
pub fn sections(
    roadmap: &Roadmap,
    document_origin: Option<Uuid>,
    origins: &HashMap<Uuid, Uuid>,
) -> Vec<SectionSnapshot> {
    let origin = |id: &Uuid| origins.get(id).copied();
    let priority_titles: HashMap<Uuid, &str> = roadmap
        .priorities
        .iter()
        .map(|p| (p.id, p.title.as_str()))
        .collect();
    let mut document = Map::new();
    document.insert("title".into(), Value::from(roadmap.title.clone()));
    document.insert("summary".into(), Value::from(roadmap.summary.clone()));
    document.insert("period_start".into(), Value::from(roadmap.period_start));
    document.insert("period_end".into(), Value::from(roadmap.period_end));
    document.extend(fields(&roadmap.consultation, &[]));
    let mut all = vec![SectionSnapshot {
        kind: Section::Roadmap,
        id: roadmap.id,
        origin: document_origin,
        label: roadmap.title.clone(),
        fields: document,
    }];
    all.extend(roadmap.priorities.iter().map(|p| SectionSnapshot {
        kind: Section::Priority,
        id: p.id,
        origin: origin(&p.id),
        label: p.title.clone(),
        fields: fields(p, &["id"]),
    }));
    all.extend(roadmap.actions.iter().map(|a| {
        let mut fields = fields(a, &["id", "priority_id"]);
        // A copy's priority has a new id: compare the priority it belongs to by its title.
        let priority = priority_titles
            .get(&a.priority_id)
            .copied()
            .unwrap_or_default();
        fields.insert("priority".into(), Value::from(priority));
        SectionSnapshot {
            kind: Section::Action,
            id: a.id,
            origin: origin(&a.id),
            label: a.title.clone(),
            fields,
        }
    }));
    all.extend(roadmap.indicators.iter().map(|i| SectionSnapshot {
        kind: Section::Indicator,
        id: i.id,
        origin: origin(&i.id),
        label: i.name.clone(),
        fields: fields(i, &["id"]),
    }));
    all
}
