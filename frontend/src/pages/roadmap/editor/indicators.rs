//! Indicators: an SDG indicator or a national one, with its baseline and target.

use leptos::prelude::*;
use pioneer_domain::FieldError;
use pioneer_domain::roadmap::validation::{Reference, check_indicator};
use pioneer_domain::roadmap::{
    IndicatorPatch, NewIndicator, Roadmap, RoadmapIndicator, TargetKind,
};
use serde_json::Value;
use uuid::Uuid;

use super::super::{PartKind, use_refs};
use super::fields::{text_or_null, year_or_null};
use super::parts::{PartHandle, PartSpec};
use crate::api::{from_value, to_value};
use crate::document::one_field;
use crate::i18n::{Key, use_i18n};
use crate::pages::dynamic;

pub(super) struct Indicators;

fn optional_text(raw: &str) -> Result<Value, ()> {
    Ok(text_or_null(raw))
}

fn year_text(year: Option<i32>) -> String {
    year.map(|y| y.to_string()).unwrap_or_default()
}

impl PartSpec for Indicators {
    type Item = RoadmapIndicator;

    const KIND: PartKind = PartKind::Indicators;
    const TARGET: TargetKind = TargetKind::Indicator;
    const NAME: &'static str = "indicator";
    const NAME_FIELD: &'static str = "name";
    const HEADING: Key = Key::Indicators;
    const NAMED: Key = Key::IndicatorNamed;
    const NEW_LABEL: Key = Key::NewIndicatorName;
    const ADD_BUTTON: Key = Key::AddIndicator;

    fn items(roadmap: &Roadmap) -> &[RoadmapIndicator] {
        &roadmap.indicators
    }

    fn id(item: &RoadmapIndicator) -> Uuid {
        item.id
    }

    fn name(item: &RoadmapIndicator) -> String {
        item.name.clone()
    }

    fn new_part(
        name: String,
        _parent: Option<Uuid>,
        reference: &Reference,
    ) -> (Option<Value>, Result<(), Vec<FieldError>>) {
        let input = NewIndicator {
            name,
            ..Default::default()
        };
        let result = check_indicator(&input, reference).map(drop);
        (to_value(&input), result)
    }

    fn check(
        current: &RoadmapIndicator,
        body: &Value,
        reference: &Reference,
    ) -> Option<Result<(), Vec<FieldError>>> {
        let patch = from_value::<IndicatorPatch>(body)?;
        Some(check_indicator(&patch.apply(current), reference).map(drop))
    }

    fn fields(part: PartHandle<Self>) -> AnyView {
        let i18n = use_i18n();
        let code = part.memo(|i| i.indicator_code.clone().unwrap_or_default());
        let choices = use_refs().with_value(|r| r.indicators.clone());
        let select_id = part.element_id("indicator_code");
        view! {
            <div class="field field-wide">
                <label for=select_id.clone()>{i18n.tx(Key::SdgIndicator)}</label>
                <select
                    id=select_id
                    on:change=move |ev| part.commit(one_field("indicator_code", text_or_null(&event_target_value(&ev))))
                >
                    <option value="" prop:selected=move || code.with(String::is_empty)>
                        {i18n.tx(Key::NationalIndicator)}
                    </option>
                    {choices
                        .into_iter()
                        .map(|indicator| {
                            let value = indicator.code.clone();
                            let selected = indicator.code.clone();
                            view! {
                                <option value=value prop:selected=move || code.with(|c| *c == selected)>
                                    {dynamic(move || format!("{} — {}", indicator.code, i18n.name(&indicator)))}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
                {part.errors("indicator_code")}
            </div>
            {part.text(part.field("name", Key::Name, |i| i.name.clone()).wide())}
            {part.text(part.field("unit", Key::Unit, |i| i.unit.clone()))}
            {part.text(part.field("source", Key::Source, |i| i.source.clone()))}
            {part.text(
                part.field("baseline_value", Key::BaselineValue, |i| i.baseline_value.clone().unwrap_or_default())
                    .decimal()
                    .write(optional_text),
            )}
            {part.text(
                part.field("baseline_year", Key::BaselineYear, |i| year_text(i.baseline_year))
                    .kind("number")
                    .write(year_or_null),
            )}
            {part.text(
                part.field("target_value", Key::TargetValue, |i| i.target_value.clone().unwrap_or_default())
                    .decimal()
                    .write(optional_text),
            )}
            {part.text(
                part.field("target_year", Key::TargetYear, |i| year_text(i.target_year))
                    .kind("number")
                    .write(year_or_null),
            )}
        }
        .into_any()
    }
}
