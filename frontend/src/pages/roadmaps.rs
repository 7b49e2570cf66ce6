//! `/roadmaps`: the roadmaps the member may see, filtered by country and status, and the form
//! with which a country team starts a new one.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use pioneer_domain::FieldError;
use pioneer_domain::policy::{Actor, can_create_roadmap};
use pioneer_domain::roadmap::validation::check_new_roadmap;
use pioneer_domain::roadmap::{Consultation, NewRoadmap, RoadmapStatus};

use super::roadmap::{StatusBadge, country_name, load_countries};
use super::{ErrorAlert, error_text, sort_key};
use crate::api::{self, use_api};
use crate::components::{DataTable, Row};
use crate::i18n::{Key, use_i18n};
use crate::loader::Loader;
use crate::pages::dynamic;
use crate::router::{A, roadmap_href, use_router};

#[component]
pub fn RoadmapsPage() -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let user = api.user();
    let country = RwSignal::new(String::new());
    let status = RwSignal::new(String::new());
    let countries = Loader::new(move || load_countries(api));

    let roadmaps = Loader::new(move || {
        let (country, status) = (country.get(), status.get());
        async move { api::roadmaps::list(api, &country, &status).await }
    });

    let own_country = Memo::new(move |_| {
        user.with(|u| {
            u.as_ref().and_then(|u| {
                let actor = Actor {
                    role: u.role,
                    country_code: u.country_code.clone(),
                };
                let code = u.country_code.clone()?;
                can_create_roadmap(&actor, &code).then_some(code)
            })
        })
    });
    let form_open = RwSignal::new(false);

    let country_options = move || {
        let mut countries: Vec<(String, String)> = countries
            .get()
            .unwrap_or_default()
            .iter()
            .filter(|c| c.pioneer)
            .map(|c| (c.code.clone(), i18n.name(c).to_owned()))
            .collect();
        countries.sort_by_cached_key(|(_, name)| sort_key(name));
        countries
            .into_iter()
            .map(|(code, name)| view! { <option value=code>{name}</option> })
            .collect_view()
    };

    let table = move || {
        let (items, total) = match roadmaps.get() {
            None => return view! { <p class="muted">{i18n.tx(Key::Loading)}</p> }.into_any(),
            Some(Err(error)) => {
                return view! { <ErrorAlert message=error_text(i18n, &error) /> }.into_any();
            }
            Some(Ok(page)) => (page.items, page.total),
        };
        let countries = countries.get().unwrap_or_default();
        if items.is_empty() {
            return view! { <p class="muted">{i18n.tx(Key::Empty)}</p> }.into_any();
        }
        // The list shows the most recently updated page; say so when there are more.
        let count = match total {
            1 => i18n.fmt(Key::RoadmapsCountOne, &[]),
            n if n > items.len() as u64 => i18n.fmt(
                Key::RoadmapsCountShown,
                &[
                    ("count", &n.to_string()),
                    ("shown", &items.len().to_string()),
                ],
            ),
            n => i18n.fmt(Key::RoadmapsCount, &[("count", &n.to_string())]),
        };
        let rows: Vec<Row> = items
            .into_iter()
            .map(|r| {
                vec![
                    view! { <A href=roadmap_href(r.id)>{r.title.clone()}</A> }.into_any(),
                    country_name(&countries, i18n, &r.country_code).into_any(),
                    format!("{}–{}", r.period_start, r.period_end).into_any(),
                    r.version.into_any(),
                    view! { <StatusBadge status=r.status /> }.into_any(),
                    i18n.date(&r.updated_at).into_any(),
                ]
            })
            .collect();
        view! {
            <p class="muted" aria-live="polite">{count}</p>
            <DataTable
                testid="roadmaps-table"
                caption=Key::RoadmapsTitle
                columns=vec![Key::Title, Key::Country, Key::Period, Key::Version, Key::Status, Key::UpdatedOn]
                rows=rows
            />
        }
        .into_any()
    };

    view! {
        <section class="page">
            <div class="page-head">
                <h1>{i18n.tx(Key::RoadmapsTitle)}</h1>
                <Show when=move || own_country.with(Option::is_some) && !form_open.get()>
                    <button
                        type="button"
                        class="button button-primary"
                        data-testid="new-roadmap"
                        on:click=move |_| form_open.set(true)
                    >
                        {i18n.tx(Key::NewRoadmap)}
                    </button>
                </Show>
            </div>
            <Show when=move || form_open.get()>
                <NewRoadmapForm on_cancel=Callback::new(move |()| form_open.set(false)) />
            </Show>
            <div class="filters form-inline">
                <div class="field">
                    <label for="filter-country">{i18n.tx(Key::Country)}</label>
                    <select id="filter-country" on:change=move |ev| country.set(event_target_value(&ev))>
                        <option value="">{i18n.tx(Key::AllCountries)}</option>
                        {dynamic(country_options)}
                    </select>
                </div>
                <div class="field">
                    <label for="filter-status">{i18n.tx(Key::Status)}</label>
                    <select id="filter-status" on:change=move |ev| status.set(event_target_value(&ev))>
                        <option value="">{i18n.tx(Key::AllStatuses)}</option>
                        {RoadmapStatus::ALL
                            .into_iter()
                            .map(|s| view! { <option value=s.as_str()>{dynamic(move || i18n.status(s))}</option> })
                            .collect_view()}
                    </select>
                </div>
            </div>
            {dynamic(table)}
        </section>
    }
}

#[component]
fn NewRoadmapForm(on_cancel: Callback<()>) -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let router = use_router();
    let title = RwSignal::new(String::new());
    let start = RwSignal::new(String::new());
    let end = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let failure = RwSignal::new(None::<String>);

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        failure.set(None);
        let year = |raw: String| raw.trim().parse::<i32>().unwrap_or(0);
        let input = NewRoadmap {
            country_code: None,
            title: title.get_untracked(),
            summary: String::new(),
            period_start: year(start.get_untracked()),
            period_end: year(end.get_untracked()),
            consultation: Consultation::default(),
        };
        if let Err(problems) = check_new_roadmap(&input) {
            errors.set(problems);
            return;
        }
        errors.set(Vec::new());
        spawn_local(async move {
            match api::roadmaps::create(api, &input).await {
                Ok(roadmap) => router.navigate(&roadmap_href(roadmap.id), false),
                Err(error) if error.status() == Some(422) => errors.set(error.field_errors()),
                Err(error) => failure.set(Some(error_text(i18n, &error))),
            }
        });
    };
    let field_error = move |field: &'static str| {
        move || {
            errors.with(|errs| {
                errs.iter()
                    .find(|e| e.field == field)
                    .map(|e| view! { <p class="field-error" id=format!("new-roadmap-{field}-error")>{i18n.field_error(e)}</p> })
            })
        }
    };
    let invalid = move |field: &'static str| {
        move || {
            errors
                .with(|e| e.iter().any(|e| e.field == field))
                .then_some("true")
        }
    };

    view! {
        <form class="panel" on:submit=submit data-testid="new-roadmap-form" novalidate>
            <h2>{i18n.tx(Key::NewRoadmap)}</h2>
            <div class="form-grid">
                {dynamic(move || failure.get().map(|m| view! { <ErrorAlert message=m /> }))}
                <div class="field">
                    <label for="new-roadmap-title">{i18n.tx(Key::Title)}</label>
                    <input id="new-roadmap-title" type="text" bind:value=title aria-invalid=invalid("title") />
                    {field_error("title")}
                </div>
                <div class="field">
                    <label for="new-roadmap-start">{i18n.tx(Key::PeriodStart)}</label>
                    <input id="new-roadmap-start" type="number" min="2000" max="2100" bind:value=start aria-invalid=invalid("period_start") />
                    {field_error("period_start")}
                </div>
                <div class="field">
                    <label for="new-roadmap-end">{i18n.tx(Key::PeriodEnd)}</label>
                    <input id="new-roadmap-end" type="number" min="2000" max="2100" bind:value=end aria-invalid=invalid("period_end") />
                    {field_error("period_end")}
                </div>
                <div class="form-actions">
                    <button type="submit" class="button button-primary">{i18n.tx(Key::CreateRoadmap)}</button>
                    <button type="button" class="button button-quiet" on:click=move |_| on_cancel.run(())>
                        {i18n.tx(Key::Cancel)}
                    </button>
                </div>
            </div>
        </form>
    }
}
