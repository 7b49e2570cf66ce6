//! Key actions, inside their priority: who leads them, when, and with what budget.

use leptos::prelude::*;
use pioneer_domain::FieldError;
use pioneer_domain::currency::CURRENCIES;
use pioneer_domain::roadmap::validation::{Reference, check_action};
use pioneer_domain::roadmap::{Action, ActionPatch, Money, NewAction, Roadmap, TargetKind};
use serde_json::{Map, Value, json};
use uuid::Uuid;

use super::super::PartKind;
use super::fields::text_or_null;
use super::parts::{PartHandle, PartSpec};
use crate::api::{from_value, to_value};
use crate::document::one_field;
use crate::i18n::{Key, use_i18n};

pub(super) struct Actions;

fn optional_text(raw: &str) -> Result<Value, ()> {
    Ok(text_or_null(raw))
}

/// "UNICEF, Save the Children" as the list it names.
fn partner_list(raw: &str) -> Result<Value, ()> {
    Ok(json!(
        raw.split(',')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
    ))
}

/// The amount of a money field, as typed.
fn amount(money: &Option<Money>) -> String {
    money.as_ref().map(|m| m.amount.clone()).unwrap_or_default()
}

/// An amount in `currency`, or null when none is typed.
fn money(amount: &str, currency: &str) -> Value {
    if amount.trim().is_empty() {
        Value::Null
    } else {
        json!({"amount": amount.trim(), "currency": currency})
    }
}

impl PartSpec for Actions {
    type Item = Action;

    const KIND: PartKind = PartKind::Actions;
    const TARGET: TargetKind = TargetKind::Action;
    const NAME: &'static str = "action";
    const NAME_FIELD: &'static str = "title";
    const HEADING: Key = Key::ActionsHeading;
    const NAMED: Key = Key::ActionNamed;
    const NEW_LABEL: Key = Key::NewActionTitle;
    const ADD_BUTTON: Key = Key::AddAction;
    const PARENT: Option<PartKind> = Some(PartKind::Priorities);

    fn items(roadmap: &Roadmap) -> &[Action] {
        &roadmap.actions
    }

    fn id(item: &Action) -> Uuid {
        item.id
    }

    fn name(item: &Action) -> String {
        item.title.clone()
    }

    fn parent_id(item: &Action) -> Option<Uuid> {
        Some(item.priority_id)
    }

    fn new_part(
        title: String,
        parent: Option<Uuid>,
        _reference: &Reference,
    ) -> (Option<Value>, Result<(), Vec<FieldError>>) {
        let input = NewAction {
            priority_id: parent.unwrap_or_default(),
            title,
            ..Default::default()
        };
        let result = check_action(&input).map(drop);
        (to_value(&input), result)
    }

    fn check(
        current: &Action,
        body: &Value,
        _reference: &Reference,
    ) -> Option<Result<(), Vec<FieldError>>> {
        let patch = from_value::<ActionPatch>(body)?;
        Some(check_action(&patch.apply(current)).map(drop))
    }

    fn fields(part: PartHandle<Self>) -> AnyView {
        let i18n = use_i18n();
        let budget_currency = part.memo(|a| a.budget.as_ref().map(|b| b.currency.clone()));
        // The currency chosen before any amount is typed, for the first amount.
        let chosen_currency = RwSignal::new(
            budget_currency
                .get_untracked()
                .unwrap_or_else(|| "USD".into()),
        );
        let commit_amount = move |field: &'static str| {
            Callback::new(move |raw: String| {
                part.commit(one_field(
                    field,
                    money(&raw, &chosen_currency.get_untracked()),
                ));
            })
        };
        // Both amounts move to the new currency together: the domain wants them alike.
        let commit_currency = move |currency: String| {
            chosen_currency.set(currency.clone());
            let Some(action) = part.current() else {
                return;
            };
            let mut body = Map::new();
            if let Some(budget) = action.budget {
                body.insert("budget".into(), money(&budget.amount, &currency));
            }
            if let Some(secured) = action.secured {
                body.insert("secured".into(), money(&secured.amount, &currency));
            }
            if !body.is_empty() {
                part.commit(Value::Object(body));
            }
        };
        let currency_id = part.element_id("currency");
        view! {
            {part.text(part.field("title", Key::Title, |a| a.title.clone()).wide())}
            {part.text(part.field("description", Key::Description, |a| a.description.clone()).multiline())}
            {part.text(
                part.field("lead_institution", Key::LeadInstitution, |a| a.lead_institution.clone().unwrap_or_default())
                    .write(optional_text),
            )}
            {part.text(part.field("partners", Key::Partners, |a| a.partners.join(", ")).write(partner_list))}
            {part.text(
                part.field("start_month", Key::StartMonth, |a| a.start_month.clone().unwrap_or_default())
                    .kind("month")
                    .write(optional_text),
            )}
            {part.text(
                part.field("end_month", Key::EndMonth, |a| a.end_month.clone().unwrap_or_default())
                    .kind("month")
                    .write(optional_text),
            )}
            {part.text_with(
                part.field("budget", Key::BudgetAmount, |a| amount(&a.budget)).decimal(),
                commit_amount("budget"),
            )}
            <div class="field">
                <label for=currency_id.clone()>{i18n.tx(Key::Currency)}</label>
                <select id=currency_id on:change=move |ev| commit_currency(event_target_value(&ev))>
                    {CURRENCIES
                        .iter()
                        .map(|code| {
                            let code = *code;
                            view! {
                                <option value=code prop:selected=move || chosen_currency.with(|c| c == code)>
                                    {code}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            {part.text_with(
                part.field("secured", Key::Secured, |a| amount(&a.secured)).decimal(),
                commit_amount("secured"),
            )}
            {part.text(
                part.field("funding_source", Key::FundingSource, |a| a.funding_source.clone().unwrap_or_default())
                    .write(optional_text),
            )}
        }
        .into_any()
    }
}
