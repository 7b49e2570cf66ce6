//! `/`: who is signed in, in which role and for which country, and the way to the sections.

use leptos::prelude::*;

use crate::api::{self, use_api};
use crate::i18n::{Key, use_i18n};
use crate::loader::Loader;
use crate::pages::dynamic;
use crate::router::{A, country_href, team_href};
use crate::shell::nav_entries;
use pioneer_domain::Role;

#[component]
pub fn HomePage() -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let user = api.user();

    let country_code =
        Memo::new(move |_| user.with(|u| u.as_ref().and_then(|u| u.country_code.clone())));
    let country = Loader::new(move || {
        let code = country_code.get();
        async move {
            match code {
                Some(code) => api::reference::country(api, &code).await.map(Some),
                None => Ok(None),
            }
        }
    });

    let name = move || user.with(|u| u.as_ref().map(|u| u.name.clone()).unwrap_or_default());
    let role = move || user.with(|u| u.as_ref().map(|u| i18n.role(u.role)).unwrap_or_default());
    let country_view = move || {
        let code = country_code.get()?;
        // Until the name arrives (or if it cannot), the code stands in for it.
        let href = country_href(&code);
        let shown = match country.get() {
            Some(Ok(Some(c))) => i18n.name(&c).to_owned(),
            _ => code,
        };
        Some(view! {
            <div class="fact">
                <dt>{i18n.tx(Key::Country)}</dt>
                <dd data-testid="home-country"><A href=href>{shown}</A></dd>
            </div>
        })
    };
    // A country's focal points manage its team: the way there starts here.
    let team_link = move || {
        let code = country_code.get()?;
        let manages = user.with(|u| {
            u.as_ref()
                .is_some_and(|u| u.role == Role::CountryFocalPoint)
        });
        manages.then(|| view! {
            <p><A href=team_href(&code) attr:data-testid="home-team-link">{i18n.tx(Key::ManageTeam)}</A></p>
        })
    };

    let cards = move || {
        user.with(|u| u.as_ref().map(|u| nav_entries(u.role)).unwrap_or_default())
            .into_iter()
            .filter_map(|entry| {
                let blurb = entry.blurb?;
                let (href, title) = (entry.href, entry.title);
                Some(view! {
                    <li class="card">
                        <h3>
                            <A href=href>{i18n.tx(title)}</A>
                        </h3>
                        <p>{i18n.tx(blurb)}</p>
                    </li>
                })
            })
            .collect_view()
    };

    view! {
        <section class="page">
            <div class="hero">
                <h1 data-testid="home-welcome">{dynamic(move || i18n.fmt(Key::Welcome, &[("name", &name())]))}</h1>
                <dl class="facts">
                    <div class="fact">
                        <dt>{i18n.tx(Key::Role)}</dt>
                        <dd data-testid="home-role">{role}</dd>
                    </div>
                    {dynamic(country_view)}
                </dl>
                {dynamic(team_link)}
                <p class="lead">{i18n.tx(Key::HomeIntro)}</p>
            </div>
            <h2>{i18n.tx(Key::YourSpaces)}</h2>
            <ul class="cards">{dynamic(cards)}</ul>
        </section>
    }
}
