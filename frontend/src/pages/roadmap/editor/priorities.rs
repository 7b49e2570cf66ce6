//! Priorities: a title, a description and INSPIRE strategies; each holds its key actions.

use leptos::prelude::*;
use pioneer_domain::FieldError;
use pioneer_domain::roadmap::validation::{Reference, check_priority};
use pioneer_domain::roadmap::{NewPriority, Priority, PriorityPatch, Roadmap, TargetKind};
use serde_json::{Value, json};
use uuid::Uuid;

use super::super::{PartKind, use_refs};
use super::actions::Actions;
use super::parts::{PartHandle, PartSpec, part_list};
use crate::api::{from_value, to_value};
use crate::document::one_field;
use crate::i18n::{Key, use_i18n};
use crate::pages::dynamic;

pub(super) struct Priorities;

impl PartSpec for Priorities {
    type Item = Priority;

    const KIND: PartKind = PartKind::Priorities;
    const TARGET: TargetKind = TargetKind::Priority;
    const NAME: &'static str = "priority";
    const NAME_FIELD: &'static str = "title";
    const HEADING: Key = Key::Priorities;
    const NAMED: Key = Key::PriorityNamed;
    const NEW_LABEL: Key = Key::NewPriorityTitle;
    const ADD_BUTTON: Key = Key::AddPriority;

    fn items(roadmap: &Roadmap) -> &[Priority] {
        &roadmap.priorities
    }

    fn id(item: &Priority) -> Uuid {
        item.id
    }

    fn name(item: &Priority) -> String {
        item.title.clone()
    }

    fn new_part(
        title: String,
        _parent: Option<Uuid>,
        reference: &Reference,
    ) -> (Option<Value>, Result<(), Vec<FieldError>>) {
        let input = NewPriority {
            title,
            description: String::new(),
            strategies: Vec::new(),
        };
        let result = check_priority(&input, reference).map(drop);
        (to_value(&input), result)
    }

    fn check(
        current: &Priority,
        body: &Value,
        reference: &Reference,
    ) -> Option<Result<(), Vec<FieldError>>> {
        let patch = from_value::<PriorityPatch>(body)?;
        let next = NewPriority {
            title: patch.title.unwrap_or_else(|| current.title.clone()),
            description: patch
                .description
                .unwrap_or_else(|| current.description.clone()),
            strategies: patch
                .strategies
                .unwrap_or_else(|| current.strategies.clone()),
        };
        Some(check_priority(&next, reference).map(drop))
    }

    fn fields(part: PartHandle<Self>) -> AnyView {
        let i18n = use_i18n();
        let strategies = part.memo(|p| p.strategies.clone());
        let choices = use_refs().with_value(|r| r.strategies.clone());
        view! {
            {part.text(part.field("title", Key::Title, |p| p.title.clone()).wide())}
            {part.text(part.field("description", Key::Description, |p| p.description.clone()).multiline())}
            <fieldset class="field field-wide checkbox-group">
                <legend>{i18n.tx(Key::Strategies)}</legend>
                <div class="checkbox-grid">
                    {choices
                        .into_iter()
                        .map(|strategy| {
                            let code = strategy.code.clone();
                            let code_check = code.clone();
                            view! {
                                <label class="checkbox">
                                    <input
                                        type="checkbox"
                                        value=code.clone()
                                        prop:checked=move || strategies.with(|s| s.contains(&code_check))
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            let mut list = strategies.get_untracked();
                                            list.retain(|c| *c != code);
                                            if on {
                                                list.push(code.clone());
                                            }
                                            part.commit(one_field("strategies", json!(list)));
                                        }
                                    />
                                    {dynamic(move || i18n.name(&strategy).to_owned())}
                                </label>
                            }
                        })
                        .collect_view()}
                </div>
                {part.errors("strategies")}
            </fieldset>
        }
        .into_any()
    }

    fn below(part: PartHandle<Self>) -> Option<AnyView> {
        Some(part_list::<Actions>(Some(part.id)))
    }
}
