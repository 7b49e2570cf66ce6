//! The countries a resource is about: chosen one by one from a list of names, shown as chips
//! that a button takes away again.

use leptos::prelude::*;
use pioneer_domain::reference::Country;

use crate::api::use_api;
use crate::i18n::{I18n, Key, use_i18n};
use crate::loader::Loader;
use crate::pages::roadmap::{country_name, load_countries};
use crate::pages::{dynamic, sort_key};

/// The countries not chosen yet, by their name in the current language.
fn choices(countries: &[Country], chosen: &[String], i18n: I18n) -> Vec<(String, String)> {
    let mut choices: Vec<(String, String)> = countries
        .iter()
        .filter(|c| !chosen.contains(&c.code))
        .map(|c| (c.code.clone(), i18n.name(c).to_owned()))
        .collect();
    choices.sort_by_cached_key(|(_, name)| sort_key(name));
    choices
}

#[component]
pub fn CountryPicker(
    chosen: RwSignal<Vec<String>>,
    #[prop(into)] invalid: Signal<bool>,
    errors: AnyView,
    /// The select's id, unique on the page (several pickers may share one).
    #[prop(optional, into)]
    id: Option<String>,
    /// The heading (the resource's countries by default).
    #[prop(optional)]
    legend: Option<Key>,
) -> impl IntoView {
    let id = id.unwrap_or_else(|| "rf-country-add".to_owned());
    let legend = legend.unwrap_or(Key::ResourceCountries);
    let api = use_api();
    let i18n = use_i18n();
    let countries = Loader::new(move || load_countries(api));
    let all = move || countries.get().unwrap_or_default();
    let add = move |ev: leptos::ev::Event| {
        let code = event_target_value(&ev);
        if !code.is_empty() {
            chosen.update(|list| {
                if !list.contains(&code) {
                    list.push(code);
                }
            });
        }
    };
    let chips = move || {
        let all = all();
        chosen
            .get()
            .into_iter()
            .map(|code| {
                let name = country_name(&all, i18n, &code);
                let label = i18n.fmt(Key::RemoveNamed, &[("name", &name)]);
                let data_code = code.clone();
                view! {
                    <li class="chip" data-code=data_code>
                        <span>{name}</span>
                        <button
                            type="button"
                            class="chip-remove"
                            aria-label=label
                            on:click=move |_| chosen.update(|list| list.retain(|c| *c != code))
                        >
                            "×"
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    let options = move || {
        let all = all();
        chosen
            .with(|chosen| choices(&all, chosen, i18n))
            .into_iter()
            .map(|(code, name)| view! { <option value=code>{name}</option> })
            .collect_view()
    };
    view! {
        <div class="field">
            <fieldset class="checkbox-group">
                <legend>{i18n.tx(legend)}</legend>
                <ul class="chips" aria-live="polite">{dynamic(chips)}</ul>
                <label for=id.clone() class="visually-hidden">{i18n.tx(Key::AddCountry)}</label>
                <select
                    id=id
                    on:change=add
                    prop:value=move || { chosen.track(); String::new() }
                    aria-invalid=move || invalid.get().then_some("true")
                >
                    <option value="">{i18n.tx(Key::ChooseOneCountry)}</option>
                    {dynamic(options)}
                </select>
            </fieldset>
            {errors}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn country(code: &str, name: &str) -> Country {
        Country {
            code: code.into(),
            name: name.into(),
            name_fr: name.into(),
            name_es: name.into(),
            name_pt: name.into(),
            region: String::new(),
            pioneer: false,
        }
    }

    #[test]
    fn the_countries_to_add_are_the_others_by_name() {
        let countries = [
            country("ZMB", "Zambia"),
            country("ECU", "Ecuador"),
            country("KEN", "Kenya"),
        ];
        let i18n = I18n::for_tests();
        let left = choices(&countries, &["KEN".to_owned()], i18n);
        assert_eq!(
            left,
            [
                ("ECU".to_owned(), "Ecuador".to_owned()),
                ("ZMB".to_owned(), "Zambia".to_owned())
            ]
        );
    }
}
