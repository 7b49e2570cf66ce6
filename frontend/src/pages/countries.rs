//! `/countries`: the pioneer countries by default, or every ISO 3166-1 country.

use leptos::prelude::*;
use pioneer_domain::reference::Country;

use super::{ErrorAlert, error_text, sort_key};
use crate::api::{self, use_api};
use crate::i18n::{Key, use_i18n};
use crate::loader::Loader;
use crate::pages::dynamic;

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
            .map(|c| (i18n.pick(&c.name, &c.name_fr).to_owned(), c))
            .collect();
        rows.sort_by_cached_key(|(name, _)| sort_key(name));
        let count = rows.len().to_string();
        view! {
            <p class="muted" aria-live="polite">{i18n.fmt(Key::CountriesCount, &[("count", &count)])}</p>
            <div class="table-wrap">
                <table data-testid="countries-table">
                    <caption class="visually-hidden">{i18n.tx(Key::CountriesTitle)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{i18n.tx(Key::Name)}</th>
                            <th scope="col">{i18n.tx(Key::Code)}</th>
                            <th scope="col">{i18n.tx(Key::Region)}</th>
                            <th scope="col">{i18n.tx(Key::Pioneer)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {rows
                            .into_iter()
                            .map(|(name, country)| {
                                let pioneer = if country.pioneer { Key::Yes } else { Key::No };
                                view! {
                                    <tr>
                                        <th scope="row">{name}</th>
                                        <td><code>{country.code}</code></td>
                                        <td>{i18n.region(&country.region)}</td>
                                        <td>
                                            <span class=if country.pioneer { "badge badge-accent" } else { "badge" }>
                                                {i18n.t(pioneer)}
                                            </span>
                                        </td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
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
