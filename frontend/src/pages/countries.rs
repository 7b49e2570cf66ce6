//! `/countries`: the pioneer countries by default, or every ISO 3166-1 country.

use leptos::prelude::*;
use pioneer_domain::reference::Country;

use super::{ErrorAlert, error_text, sort_key};
use crate::api::{self, use_api};
use crate::components::{DataTable, Row};
use crate::i18n::{Key, use_i18n};
use crate::loader::Loader;
use crate::pages::dynamic;
use crate::router::{country_href, trend_href};

#[component]
pub fn CountriesPage() -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let pioneer_only = RwSignal::new(true);

    let countries = Loader::new(move || {
        let pioneer_only = pioneer_only.get();
        async move { api::reference::countries(api, pioneer_only).await }
    });

    let table = move || {
        let countries = match countries.get() {
            None => return view! { <p class="muted">{i18n.tx(Key::Loading)}</p> }.into_any(),
            Some(Err(error)) => {
                return view! { <ErrorAlert message=error_text(i18n, &error) /> }.into_any();
            }
            Some(Ok(page)) => page.items,
        };
        let mut rows: Vec<(String, Country)> = countries
            .into_iter()
            .map(|c| (i18n.name(&c).to_owned(), c))
            .collect();
        rows.sort_by_cached_key(|(name, _)| sort_key(name));
        let count = rows.len().to_string();
        let rows: Vec<Row> = rows
            .into_iter()
            .map(|(name, country)| {
                let pioneer = if country.pioneer { Key::Yes } else { Key::No };
                let badge = if country.pioneer {
                    "badge badge-accent"
                } else {
                    "badge"
                };
                // A pioneer country reports every year: its progress over the years.
                let hidden_name = name.clone();
                let trend = country.pioneer.then(|| {
                    view! {
                        <a href=trend_href(&country.code)>
                            {i18n.t(Key::TrendLink)}
                            <span class="visually-hidden">" — " {hidden_name}</span>
                        </a>
                    }
                });
                let profile = view! { <a href=country_href(&country.code)>{name}</a> };
                vec![
                    profile.into_any(),
                    view! { <code>{country.code}</code> }.into_any(),
                    i18n.region(&country.region).into_any(),
                    view! { <span class=badge>{i18n.t(pioneer)}</span> }.into_any(),
                    trend.into_any(),
                ]
            })
            .collect();
        view! {
            <p class="muted" aria-live="polite">{i18n.fmt(Key::CountriesCount, &[("count", &count)])}</p>
            <DataTable
                testid="countries-table"
                caption=Key::CountriesTitle
                columns=vec![Key::Name, Key::Code, Key::Region, Key::Pioneer, Key::Trend]
                rows=rows
            />
        }
        .into_any()
    };

    view! {
        <section class="page">
            <div class="page-head">
                <h1>{i18n.tx(Key::CountriesTitle)}</h1>
                <label class="checkbox">
                    <input type="checkbox" data-testid="pioneer-only" bind:checked=pioneer_only />
                    {i18n.tx(Key::PioneerOnly)}
                </label>
            </div>
            {dynamic(table)}
        </section>
    }
}
