//! The directory: `/experts` (find an expert), `/organisations` (partner organisations; the
//! secretariat adds them), `/experts/<id>` (a profile, and the contact request), `/experts/me`
//! (one's own profile) and `/contacts` (requests received and sent, accepted or declined).
//! The search lives in the address, so that back, forward and a shared link give it back.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use pioneer_domain::experts::{
    ContactRequest, ContactStatus, DirectoryFacets, Expert, ExpertResults, Expertise,
    NewContactRequest, NewExpertProfile, NewOrganisation, Organisation, OrganisationKind,
    OrganisationResults,
};
use pioneer_domain::policy::can_manage_users;
use pioneer_domain::reference::{Country, Strategy};
use pioneer_domain::{ErrorCode, FieldError};
use uuid::Uuid;

use crate::api::experts::{self as directory, DirectorySearch};
use crate::api::{self, ApiError, use_api};
use crate::i18n::{I18n, Key, use_i18n};
use crate::loader::Loader;
use crate::pages::knowledge::country_picker::CountryPicker;
use crate::pages::knowledge::form::split_list;
use crate::pages::knowledge::{language_name, load_strategies, strategy_name};
use crate::pages::roadmap::{country_name, load_countries};
use crate::pages::{ErrorAlert, dynamic, error_text};
use crate::router::{Route, expert_href, expert_id_in, use_router};

/// The regions a profile names (the server's list).
const REGIONS: [&str; 5] = ["Africa", "Americas", "Asia", "Europe", "Oceania"];

/// The languages a profile offers as boxes to tick: the alliance's four working languages and
/// the two most spoken among its members beyond them. Others are typed as codes.
const OFFERED_LANGUAGES: [&str; 6] = ["fr", "en", "es", "pt", "ar", "sw"];

fn kind_key(kind: OrganisationKind) -> Key {
    match kind {
        OrganisationKind::UnAgency => Key::OrgKindUnAgency,
        OrganisationKind::CivilSociety => Key::OrgKindCivilSociety,
        OrganisationKind::FaithBased => Key::OrgKindFaithBased,
        OrganisationKind::SurvivorLed => Key::OrgKindSurvivorLed,
        OrganisationKind::ChildrenYouthLed => Key::OrgKindChildrenYouthLed,
        OrganisationKind::Academia => Key::OrgKindAcademia,
        OrganisationKind::PrivateSector => Key::OrgKindPrivateSector,
    }
}

/// The reference lists that name codes.
#[derive(Debug, Clone, Default, PartialEq)]
struct Names {
    strategies: Vec<Strategy>,
    countries: Vec<Country>,
}

impl Names {
    fn of(&self, i18n: I18n, filter: &str, value: &str) -> String {
        match filter {
            "strategy" => strategy_name(&self.strategies, i18n, value),
            "country" => country_name(&self.countries, i18n, value),
            "language" => language_name(value),
            "region" => i18n.region(value),
            "kind" => OrganisationKind::parse(value)
                .map_or_else(|| value.to_owned(), |k| i18n.t(kind_key(k)).to_owned()),
            _ => value.to_owned(),
        }
    }
}

fn load_names(api: api::Api) -> Loader<Names> {
    Loader::new(move || async move {
        let (strategies, countries) = futures::join!(load_strategies(api), load_countries(api));
        Names {
            strategies,
            countries,
        }
    })
}

/// The links between the directory's pages.
#[component]
fn DirectoryTabs(current: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let tabs = [
        ("/experts", Key::NavExperts),
        ("/organisations", Key::OrganisationsTitle),
        ("/experts/me", Key::MyExpertProfile),
        ("/contacts", Key::ContactsTitle),
    ];
    view! {
        <nav class="subnav" aria-label=i18n.tx(Key::DirectoryNav)>
            <ul>
                {tabs
                    .into_iter()
                    .map(|(href, key)| {
                        let here = (href == current).then_some("page");
                        view! { <li><a href=href aria-current=here>{i18n.tx(key)}</a></li> }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}

/// The search of the address, while `route` is shown (kept as it was when it goes away).
fn search_of(route: Route) -> Memo<DirectorySearch> {
    let router = use_router();
    let path = router.path();
    let search = router.search();
    Memo::new(move |previous: Option<&DirectorySearch>| {
        if path.with(|p| Route::of(p) == route) {
            search.with(|s| DirectorySearch::parse(s))
        } else {
            previous.cloned().unwrap_or_default()
        }
    })
}

/// The search box and the filters (each with the counts of the current results).
#[component]
fn SearchForm(
    path: &'static str,
    search: Memo<DirectorySearch>,
    facets: Signal<DirectoryFacets>,
    filters: &'static [&'static str],
    /// What names the filters' values (the page loads it once for its results too).
    names: Loader<Names>,
) -> impl IntoView {
    let i18n = use_i18n();
    let router = use_router();
    let words = RwSignal::new(search.get_untracked().q);
    Effect::new(move |_| {
        let q = search.with(|s| s.q.clone());
        if words.with_untracked(|w| *w != q) {
            words.set(q);
        }
    });
    let go = move |next: DirectorySearch| router.set_query(&next.href(path), false);
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        go(search.get_untracked().with("q", &words.get_untracked()));
    };
    let title = |filter: &str| match filter {
        "strategy" => Key::FacetStrategy,
        "language" => Key::DirectoryLanguage,
        "country" => Key::Country,
        "region" => Key::Region,
        _ => Key::OrganisationKind,
    };
    let selects = move || {
        let facets = facets.get();
        let names = names.get().unwrap_or_default();
        let current = search.get();
        filters
            .iter()
            .map(|filter| {
                let filter: &'static str = filter;
                let counts = match filter {
                    "strategy" => &facets.strategy,
                    "language" => &facets.language,
                    "country" => &facets.country,
                    "region" => &facets.region,
                    _ => &facets.kind,
                };
                let chosen = current.get(filter).to_owned();
                let mut values: Vec<(String, Option<u64>)> = match filter {
                    "region" => REGIONS
                        .iter()
                        .map(|r| ((*r).to_owned(), counts.get(*r).copied()))
                        .collect(),
                    "kind" => OrganisationKind::ALL
                        .iter()
                        .map(|k| (k.as_str().to_owned(), counts.get(k.as_str()).copied()))
                        .collect(),
                    _ => counts.iter().map(|(v, n)| (v.clone(), Some(*n))).collect(),
                };
                if !chosen.is_empty() && !values.iter().any(|(v, _)| *v == chosen) {
                    values.insert(0, (chosen.clone(), None));
                }
                let options = values
                    .into_iter()
                    .map(|(value, count)| {
                        let label = names.of(i18n, filter, &value);
                        let label = match count {
                            Some(n) => format!("{label} ({n})"),
                            None => label,
                        };
                        let selected = value == chosen;
                        view! { <option value=value selected=selected>{label}</option> }
                    })
                    .collect_view();
                let id = format!("dir-{filter}");
                let on_change = move |ev: leptos::ev::Event| {
                    go(search
                        .get_untracked()
                        .with(filter, &event_target_value(&ev)));
                };
                view! {
                    <div class="field">
                        <label for=id.clone()>{i18n.tx(title(filter))}</label>
                        <select id=id data-testid=format!("filter-{filter}") on:change=on_change>
                            <option value="">{i18n.tx(Key::AnyValue)}</option>
                            {options}
                        </select>
                    </div>
                }
            })
            .collect_view()
    };
    let clear = move || {
        search.with(DirectorySearch::has_filters).then(|| {
            view! {
                <button type="button" class="link-button" data-testid="clear-filters"
                    on:click=move |_| go(search.get_untracked().without_filters())>
                    {i18n.tx(Key::ClearFilters)}
                </button>
            }
        })
    };
    view! {
        <form class="search-box" role="search" on:submit=on_submit>
            <label for="dir-q">{i18n.tx(Key::DirectorySearchLabel)}</label>
            <div class="search-line">
                <input id="dir-q" type="search" autocomplete="off" data-testid="directory-search"
                    prop:value=move || words.get()
                    on:input=move |ev| words.set(event_target_value(&ev)) />
                <button type="submit" class="button button-primary">{i18n.tx(Key::SearchButton)}</button>
            </div>
        </form>
        <details class="facets" open=wide_screen()>
            <summary><h2>{i18n.tx(Key::Filters)}</h2></summary>
            <div class="form-grid">{dynamic(selects)}</div>
            {dynamic(clear)}
        </details>
    }
}

/// Filters are open on a wide screen; folded on a phone, where the results come first.
fn wide_screen() -> bool {
    web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|w| w.as_f64())
        .is_none_or(|width| width > 640.0)
}

/// A directory's results: how many, the cards of this page, and the pages.
fn found_view(
    i18n: I18n,
    total_key: Key,
    path: &'static str,
    search: &DirectorySearch,
    total: u64,
    cards: AnyView,
) -> AnyView {
    view! {
        <p class="search-total" role="status" data-testid="directory-total">
            {i18n.fmt(total_key, &[("count", &total.to_string())])}
        </p>
        <ul class="cards">{cards}</ul>
        {pager(i18n, path, search, total)}
    }
    .into_any()
}

/// The pager of a directory list.
fn pager(i18n: I18n, path: &'static str, search: &DirectorySearch, total: u64) -> impl IntoView {
    let page = search.page.max(1);
    let pages = total.div_ceil(directory::PER_PAGE).max(1);
    let href = {
        let search = search.clone();
        move |page: u64| search.at_page(page).href(path)
    };
    (pages > 1).then(|| {
        view! {
            <nav class="pager" aria-label=i18n.tx(Key::Pagination)>
                {(page > 1).then(|| view! {
                    <a class="button button-small" href=href(page - 1) rel="prev">{i18n.tx(Key::Previous)}</a>
                })}
                <span>{i18n.fmt(Key::PageOf, &[("page", &page.to_string()), ("pages", &pages.to_string())])}</span>
                {(page < pages).then(|| view! {
                    <a class="button button-small" href=href(page + 1) rel="next">{i18n.tx(Key::Next)}</a>
                })}
            </nav>
        }
    })
}

/// Strategies, languages and places of a profile, as chips.
fn expertise_chips(
    i18n: I18n,
    names: &Names,
    strategies: &[String],
    languages: &[String],
    countries: &[String],
    regions: &[String],
) -> AnyView {
    let chips = strategies
        .iter()
        .map(|s| ("strategy", s))
        .chain(languages.iter().map(|l| ("language", l)))
        .chain(countries.iter().map(|c| ("country", c)))
        .chain(regions.iter().map(|r| ("region", r)))
        .map(|(filter, value)| {
            let label = names.of(i18n, filter, value);
            view! { <li class=format!("chip chip-{filter}")>{label}</li> }
        })
        .collect_view();
    view! { <ul class="chips">{chips}</ul> }.into_any()
}

fn organisation_line(i18n: I18n, expert: &Expert) -> Option<String> {
    expert.organisation.as_ref().map(|o| match o.kind {
        Some(kind) => format!("{} · {}", o.name, i18n.t(kind_key(kind))),
        None => o.name.clone(),
    })
}

#[component]
pub fn ExpertsPage() -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let search = search_of(Route::Experts);
    let results = Loader::new(move || {
        let search = search.get();
        async move { directory::experts(api, &search).await }
    });
    let names = load_names(api);
    let facets = Signal::derive(move || {
        results
            .get()
            .and_then(Result::ok)
            .map(|r| r.facets)
            .unwrap_or_default()
    });
    let list = move || match results.get() {
        None => view! { <p class="muted">{i18n.tx(Key::Loading)}</p> }.into_any(),
        Some(Err(error)) => view! { <ErrorAlert message=error_text(i18n, &error) /> }.into_any(),
        Some(Ok(found)) => {
            experts_list(i18n, &names.get().unwrap_or_default(), found, &search.get()).into_any()
        }
    };
    view! {
        <section class="page directory" data-testid="experts-page">
            <h1>{i18n.tx(Key::ExpertsTitle)}</h1>
            <DirectoryTabs current="/experts" />
            <p class="lead">{i18n.tx(Key::ExpertsIntro)}</p>
            <SearchForm path="/experts" search=search facets=facets names=names
                filters=&["strategy", "language", "country", "region", "kind"] />
            {dynamic(list)}
        </section>
    }
}

fn experts_list(
    i18n: I18n,
    names: &Names,
    found: ExpertResults,
    search: &DirectorySearch,
) -> impl IntoView {
    let total = found.total;
    let items = found
        .items
        .into_iter()
        .map(|expert| {
            let href = expert_href(expert.id);
            let organisation = organisation_line(i18n, &expert);
            let place = expert
                .country_code
                .as_deref()
                .map(|c| names.of(i18n, "country", c));
            let chips = expertise_chips(
                i18n,
                names,
                &expert.expertise.strategies,
                &expert.expertise.languages,
                &expert.expertise.countries,
                &expert.expertise.regions,
            );
            view! {
                <li class="card expert-card" data-testid="expert-card">
                    <h2 class="card-title"><a href=href>{expert.name.clone()}</a></h2>
                    {organisation.map(|o| view! { <p class="muted">{o}</p> })}
                    {place.map(|p| view! { <p class="muted">{p}</p> })}
                    <p class="bio">{expert.bio.clone()}</p>
                    {chips}
                </li>
            }
        })
        .collect_view();
    found_view(
        i18n,
        Key::ExpertsTotal,
        "/experts",
        search,
        total,
        items.into_any(),
    )
}

#[component]
pub fn OrganisationsPage() -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let search = search_of(Route::Organisations);
    let reload = RwSignal::new(0u32);
    let results = Loader::new(move || {
        reload.track();
        let search = search.get();
        async move { directory::organisations(api, &search).await }
    });
    let names = load_names(api);
    let facets = Signal::derive(move || {
        results
            .get()
            .and_then(Result::ok)
            .map(|r| r.facets)
            .unwrap_or_default()
    });
    let runs = move || {
        api.user()
            .with(|u| u.as_ref().is_some_and(|u| can_manage_users(u.role)))
    };
    let strategies = Loader::new(move || load_strategies(api));
    let saved = Callback::new(move |_: Organisation| reload.update(|n| *n += 1));
    // The secretariat's forms, once the strategies they offer are there.
    let editing = move || runs().then(|| strategies.get()).flatten();
    let list = move || match results.get() {
        None => view! { <p class="muted">{i18n.tx(Key::Loading)}</p> }.into_any(),
        Some(Err(error)) => view! { <ErrorAlert message=error_text(i18n, &error) /> }.into_any(),
        Some(Ok(found)) => organisations_list(
            i18n,
            &names.get().unwrap_or_default(),
            found,
            &search.get(),
            editing().map(|strategies| (strategies, saved)),
        )
        .into_any(),
    };
    view! {
        <section class="page directory" data-testid="organisations-page">
            <h1>{i18n.tx(Key::OrganisationsTitle)}</h1>
            <DirectoryTabs current="/organisations" />
            <p class="lead">{i18n.tx(Key::OrganisationsIntro)}</p>
            {dynamic(move || editing().map(|strategies| view! {
                <details class="panel" data-testid="add-organisation">
                    <summary>{i18n.tx(Key::AddOrganisation)}</summary>
                    <OrganisationForm existing=None strategies=strategies on_saved=saved />
                </details>
            }))}
            <SearchForm path="/organisations" search=search facets=facets names=names
                filters=&["kind", "strategy", "country", "region"] />
            {dynamic(list)}
        </section>
    }
}

fn organisations_list(
    i18n: I18n,
    names: &Names,
    found: OrganisationResults,
    search: &DirectorySearch,
    // For the secretariat: the strategies its forms offer, and what follows a change.
    editing: Option<(Vec<Strategy>, Callback<Organisation>)>,
) -> impl IntoView {
    let total = found.total;
    let items = found
        .items
        .into_iter()
        .map(|organisation: Organisation| {
            let experts = DirectorySearch::default()
                .with("organisation_id", &organisation.id.to_string())
                .href("/experts");
            let chips = expertise_chips(
                i18n,
                names,
                &organisation.expertise.strategies,
                &organisation.expertise.languages,
                &organisation.expertise.countries,
                &organisation.expertise.regions,
            );
            let website = organisation.website.clone().map(|url| {
                let href = url.clone();
                view! { <p><a href=href rel="noopener noreferrer nofollow" target="_blank">{url}</a></p> }
            });
            let count = organisation.experts_count;
            let edit = editing.clone().map(|(strategies, saved)| {
                let existing = organisation.clone();
                view! {
                    <details class="edit-organisation">
                        <summary>{i18n.tx(Key::EditOrganisation)}</summary>
                        <OrganisationForm existing=Some(existing) strategies=strategies on_saved=saved />
                    </details>
                }
            });
            view! {
                <li class="card organisation-card" data-testid="organisation-card">
                    <h2 class="card-title">{organisation.name.clone()}</h2>
                    <p class="muted">{i18n.t(kind_key(organisation.kind))}</p>
                    <p>{organisation.description.clone()}</p>
                    {website}
                    {chips}
                    {(count > 0).then(|| view! {
                        <p><a href=experts>{i18n.fmt(Key::OrganisationExperts, &[("count", &count.to_string())])}</a></p>
                    })}
                    {edit}
                </li>
            }
        })
        .collect_view();
    found_view(
        i18n,
        Key::OrganisationsTotal,
        "/organisations",
        search,
        total,
        items.into_any(),
    )
}

/// The secretariat's form to add an organisation (`existing`: to change one).
#[component]
fn OrganisationForm(
    existing: Option<Organisation>,
    strategies: Vec<Strategy>,
    on_saved: Callback<Organisation>,
) -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let id = existing.as_ref().map(|o| o.id);
    let prefix = id.map_or_else(|| "org-new".to_owned(), |id| format!("org-{id}"));
    let name = RwSignal::new(
        existing
            .as_ref()
            .map(|o| o.name.clone())
            .unwrap_or_default(),
    );
    let initial_kind = existing
        .as_ref()
        .map_or(OrganisationKind::CivilSociety, |o| o.kind);
    let kind = RwSignal::new(initial_kind.as_str().to_owned());
    let description = RwSignal::new(
        existing
            .as_ref()
            .map(|o| o.description.clone())
            .unwrap_or_default(),
    );
    let website = RwSignal::new(
        existing
            .as_ref()
            .and_then(|o| o.website.clone())
            .unwrap_or_default(),
    );
    let lists = ExpertiseLists::new(
        &existing
            .as_ref()
            .map(|o| o.expertise.clone())
            .unwrap_or_default(),
    );
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let failure = RwSignal::new(None::<String>);
    let pending = RwSignal::new(false);
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let Some(kind) = OrganisationKind::parse(&kind.get_untracked()) else {
            return;
        };
        let expertise = lists.read();
        let body = NewOrganisation {
            name: name.get_untracked(),
            kind,
            description: description.get_untracked(),
            website: Some(website.get_untracked()).filter(|w| !w.trim().is_empty()),
            strategies: expertise.strategies,
            tags: expertise.tags,
            languages: expertise.languages,
            countries: expertise.countries,
            regions: expertise.regions,
        };
        pending.set(true);
        spawn_local(async move {
            let saved = match id {
                Some(id) => directory::update_organisation(api, id, &body).await,
                None => directory::create_organisation(api, &body).await,
            };
            match saved {
                Ok(organisation) => {
                    if id.is_none() {
                        let _ = name.try_set(String::new());
                        let _ = description.try_set(String::new());
                        let _ = website.try_set(String::new());
                    }
                    let _ = errors.try_set(Vec::new());
                    let _ = failure.try_set(None);
                    on_saved.run(organisation);
                }
                Err(error) => {
                    let _ = errors.try_set(error.field_errors());
                    let _ = failure.try_set(Some(error_text(i18n, &error)));
                }
            }
            let _ = pending.try_set(false);
        });
    };
    let error_of = {
        let prefix = prefix.clone();
        move |field: &'static str| errors_of(i18n, errors, &prefix, field)
    };
    let field_id = {
        let prefix = prefix.clone();
        move |field: &str| format!("{prefix}-{field}")
    };
    let submit = if id.is_some() {
        Key::SaveOrganisation
    } else {
        Key::AddOrganisation
    };
    view! {
        <form class="form-grid" on:submit=on_submit data-testid="organisation-form">
            {dynamic(move || failure.get().map(|m| view! { <ErrorAlert message=m /> }))}
            <div class="field">
                <label for=field_id("name")>{i18n.tx(Key::Name)}</label>
                <input id=field_id("name") type="text" required bind:value=name />
                {dynamic(error_of("name"))}
            </div>
            <div class="field">
                <label for=field_id("kind")>{i18n.tx(Key::OrganisationKind)}</label>
                <select id=field_id("kind") on:change=move |ev| kind.set(event_target_value(&ev))>
                    {OrganisationKind::ALL.into_iter().map(|k| {
                        let selected = k == initial_kind;
                        view! { <option value=k.as_str() selected=selected>{i18n.tx(kind_key(k))}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="field field-wide">
                <label for=field_id("description")>{i18n.tx(Key::OrganisationDescription)}</label>
                <textarea id=field_id("description") rows="3" bind:value=description></textarea>
                {dynamic(error_of("description"))}
            </div>
            <div class="field">
                <label for=field_id("website")>{i18n.tx(Key::OrganisationWebsite)}</label>
                <input id=field_id("website") type="url" bind:value=website />
                {dynamic(error_of("website"))}
            </div>
            <ExpertiseFields prefix=prefix.clone() lists=lists strategies=strategies errors=errors />
            <div class="form-actions">
                <button type="submit" class="button button-primary" disabled=move || pending.get()>
                    {i18n.tx(submit)}
                </button>
            </div>
        </form>
    }
}

/// `/experts/<id>`: a profile, with the contact request between the reader and the expert.
#[component]
pub fn ExpertPage() -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let router = use_router();
    let path = router.path();
    let id = Memo::new(move |previous: Option<&Option<Uuid>>| {
        path.with(|p| {
            if Route::of(p) == Route::Expert {
                expert_id_in(p)
            } else {
                previous.copied().flatten()
            }
        })
    });
    let reload = RwSignal::new(0u32);
    let expert = Loader::new(move || {
        reload.track();
        let id = id.get();
        async move {
            match id {
                Some(id) => directory::expert(api, id).await.map(Some),
                None => Ok(None),
            }
        }
    });
    let names = load_names(api);
    let body = move || match expert.get() {
        None => view! { <p class="muted">{i18n.tx(Key::Loading)}</p> }.into_any(),
        Some(Err(ApiError::Status { status: 404, .. })) | Some(Ok(None)) => {
            view! { <p>{i18n.tx(Key::NotFoundBody)}</p> }.into_any()
        }
        Some(Err(error)) => view! { <ErrorAlert message=error_text(i18n, &error) /> }.into_any(),
        Some(Ok(Some(expert))) => {
            let mine = api
                .user()
                .with(|u| u.as_ref().is_some_and(|u| u.id == expert.id));
            let names = names.get().unwrap_or_default();
            let organisation = organisation_line(i18n, &expert);
            let chips = expertise_chips(
                i18n,
                &names,
                &expert.expertise.strategies,
                &expert.expertise.languages,
                &expert.expertise.countries,
                &expert.expertise.regions,
            );
            let tags = (!expert.expertise.tags.is_empty()).then(|| {
                view! { <p class="muted">{expert.expertise.tags.join(" · ")}</p> }
            });
            let email = expert.email.clone().map(|email| {
                let href = format!("mailto:{email}");
                view! { <p data-testid="expert-email">{i18n.tx(Key::ExpertEmail)} " " <a href=href>{email}</a></p> }
            });
            let contact = if mine {
                view! { <p><a class="button" href="/experts/me">{i18n.tx(Key::EditExpertProfile)}</a></p> }.into_any()
            } else {
                view! { <ContactPanel expert=expert.clone() reload=reload /> }.into_any()
            };
            view! {
                <article class="card expert-profile" data-testid="expert-profile">
                    <h1>{expert.name.clone()}</h1>
                    {organisation.map(|o| view! { <p class="muted">{o}</p> })}
                    <p class="bio">{expert.bio.clone()}</p>
                    {chips}
                    {tags}
                    {email}
                </article>
                {contact}
            }
            .into_any()
        }
    };
    view! {
        <section class="page directory" data-testid="expert-page">
            <p><a href="/experts">{i18n.tx(Key::AllExperts)}</a></p>
            {dynamic(body)}
        </section>
    }
}

/// Where the reader stands with this expert, and the form to ask them to be in touch.
#[component]
fn ContactPanel(expert: Expert, reload: RwSignal<u32>) -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let message = RwSignal::new(String::new());
    let failure = RwSignal::new(None::<String>);
    let pending = RwSignal::new(false);
    let expert_id = expert.id;
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let body = NewContactRequest {
            expert_id,
            message: message.get_untracked(),
        };
        pending.set(true);
        spawn_local(async move {
            match directory::send_request(api, &body).await {
                Ok(_) => {
                    let _ = reload.try_update(|n| *n += 1);
                }
                Err(error) => {
                    let text = match &error {
                        ApiError::Status {
                            code: ErrorCode::RecentlyDeclined,
                            ..
                        } => i18n.t(Key::ContactRecentlyDeclined).to_owned(),
                        ApiError::Status {
                            code: ErrorCode::AlreadyInContact,
                            ..
                        } => i18n.t(Key::ContactAlreadyAccepted).to_owned(),
                        _ => match error.field_errors().first() {
                            Some(field) => i18n.field_error(field),
                            None => error_text(i18n, &error),
                        },
                    };
                    let _ = failure.try_set(Some(text));
                }
            }
            let _ = pending.try_set(false);
        });
    };
    let status = expert.contact.map(|c| {
        let key = match (c.status, c.sent) {
            (ContactStatus::Pending, true) => Key::ContactPendingSent,
            (ContactStatus::Pending, false) => Key::ContactPendingReceived,
            (ContactStatus::Accepted, _) => Key::ContactAcceptedNote,
            (ContactStatus::Declined, _) => Key::ContactDeclinedNote,
        };
        view! { <p class="notice" role="status" data-testid="contact-status">{i18n.tx(key)}</p> }
    });
    let may_ask = expert
        .contact
        .is_none_or(|c| c.status == ContactStatus::Declined);
    let name = expert.name.clone();
    view! {
        <section class="panel" aria-labelledby="contact-title">
            <h2 id="contact-title">{i18n.tx(Key::ContactTitle)}</h2>
            {status}
            {dynamic(move || failure.get().map(|m| view! { <ErrorAlert message=m /> }))}
            {may_ask.then(|| view! {
                <form on:submit=on_submit data-testid="contact-form">
                    <div class="field field-wide">
                        <label for="contact-message">{i18n.fmt(Key::ContactMessageLabel, &[("name", &name)])}</label>
                        <textarea id="contact-message" rows="4" maxlength="2000" required
                            aria-describedby="contact-hint" bind:value=message></textarea>
                        <p class="hint" id="contact-hint">{i18n.tx(Key::ContactHint)}</p>
                    </div>
                    <div class="form-actions">
                        <button type="submit" class="button button-primary" data-testid="send-contact" disabled=move || pending.get()>
                            {i18n.tx(Key::SendContactRequest)}
                        </button>
                    </div>
                </form>
            })}
        </section>
    }
}

/// `/experts/me`: the member's own profile.
#[component]
pub fn MyExpertProfilePage() -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let reload = RwSignal::new(0u32);
    let mine = Loader::new(move || {
        reload.track();
        async move { directory::my_profile(api).await }
    });
    let strategies = Loader::new(move || load_strategies(api));
    let organisations =
        Loader::new(
            move || async move { directory::all_organisations(api).await.unwrap_or_default() },
        );
    let body = move || {
        match (mine.get(), strategies.get(), organisations.get()) {
        (Some(Ok(profile)), Some(strategies), Some(organisations)) => view! {
            <ProfileForm profile=profile strategies=strategies organisations=organisations reload=reload />
        }
        .into_any(),
        (Some(Err(error)), _, _) => {
            view! { <ErrorAlert message=error_text(i18n, &error) /> }.into_any()
        }
        _ => view! { <p class="muted">{i18n.tx(Key::Loading)}</p> }.into_any(),
    }
    };
    view! {
        <section class="page directory" data-testid="my-expert-profile">
            <h1>{i18n.tx(Key::MyExpertProfile)}</h1>
            <DirectoryTabs current="/experts/me" />
            <p class="lead">{i18n.tx(Key::MyExpertProfileIntro)}</p>
            {dynamic(body)}
        </section>
    }
}

#[component]
fn ProfileForm(
    profile: Option<Expert>,
    strategies: Vec<Strategy>,
    /// The directory's organisations, offered as the member types.
    organisations: Vec<Organisation>,
    reload: RwSignal<u32>,
) -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    // Whether the member is in the directory: "leave" shows once a first profile is saved.
    let listed = RwSignal::new(profile.is_some());
    let expertise = profile
        .as_ref()
        .map(|p| p.expertise.clone())
        .unwrap_or_default();
    let bio = RwSignal::new(profile.as_ref().map(|p| p.bio.clone()).unwrap_or_default());
    let organisation = RwSignal::new(
        profile
            .as_ref()
            .and_then(|p| p.organisation.as_ref())
            .map(|o| o.name.clone())
            .unwrap_or_default(),
    );
    let prefix = "ep".to_owned();
    let directory_ids: Vec<(String, Uuid)> = organisations
        .iter()
        .map(|o| (o.name.clone(), o.id))
        .collect();
    let lists = ExpertiseLists::new(&expertise);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let failure = RwSignal::new(None::<String>);
    let saved = RwSignal::new(false);
    let pending = RwSignal::new(false);
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let name = organisation.get_untracked();
        let expertise = lists.read();
        let body = NewExpertProfile {
            bio: bio.get_untracked(),
            // A name of the directory links the profile to that organisation.
            organisation_id: directory_ids
                .iter()
                .find(|(known, _)| known.to_lowercase() == name.trim().to_lowercase())
                .map(|(_, id)| *id),
            organisation: Some(name).filter(|n| !n.trim().is_empty()),
            strategies: expertise.strategies,
            tags: expertise.tags,
            languages: expertise.languages,
            countries: expertise.countries,
            regions: expertise.regions,
        };
        pending.set(true);
        saved.set(false);
        spawn_local(async move {
            match directory::save_profile(api, &body).await {
                Ok(_) => {
                    let _ = errors.try_set(Vec::new());
                    let _ = failure.try_set(None);
                    let _ = saved.try_set(true);
                    let _ = listed.try_set(true);
                }
                Err(error) => {
                    let details = error.field_errors();
                    let text = if details.is_empty() {
                        error_text(i18n, &error)
                    } else {
                        i18n.t(Key::FormHasErrors).to_owned()
                    };
                    let _ = errors.try_set(details);
                    let _ = failure.try_set(Some(text));
                }
            }
            let _ = pending.try_set(false);
        });
    };
    let remove = move |_| {
        spawn_local(async move {
            match directory::delete_profile(api).await {
                Ok(()) => {
                    let _ = reload.try_update(|n| *n += 1);
                }
                Err(error) => {
                    let _ = failure.try_set(Some(error_text(i18n, &error)));
                }
            }
        });
    };
    let error_of = {
        let prefix = prefix.clone();
        move |field: &'static str| errors_of(i18n, errors, &prefix, field)
    };
    view! {
        <form class="form-grid" on:submit=on_submit data-testid="expert-profile-form">
            {dynamic(move || failure.get().map(|m| view! { <ErrorAlert message=m /> }))}
            {dynamic(move || saved.get().then(|| view! {
                <p class="notice" role="status" data-testid="profile-saved">{i18n.tx(Key::ExpertProfileSaved)}</p>
            }))}
            <div class="field field-wide">
                <label for="ep-bio">{i18n.tx(Key::ExpertBio)}</label>
                <textarea id="ep-bio" rows="5" maxlength="2000" required bind:value=bio></textarea>
                {dynamic(error_of("bio"))}
            </div>
            <div class="field">
                <label for="ep-organisation">{i18n.tx(Key::ExpertOrganisation)}</label>
                <input id="ep-organisation" type="text" list="ep-organisations" autocomplete="off"
                    aria-describedby="ep-organisation-hint" bind:value=organisation />
                <datalist id="ep-organisations">
                    {organisations.iter().map(|o| view! { <option value=o.name.clone()></option> }).collect_view()}
                </datalist>
                <p class="hint" id="ep-organisation-hint">{i18n.tx(Key::ExpertOrganisationHint)}</p>
                {dynamic(error_of("organisation"))}
            </div>
            <ExpertiseFields prefix="ep".to_owned() lists=lists strategies=strategies errors=errors />
            <div class="form-actions">
                <button type="submit" class="button button-primary" data-testid="save-expert-profile" disabled=move || pending.get()>
                    {i18n.tx(Key::SaveExpertProfile)}
                </button>
                {dynamic(move || listed.get().then(|| view! {
                    <button type="button" class="button button-quiet" data-testid="delete-expert-profile" on:click=remove>
                        {i18n.tx(Key::LeaveDirectory)}
                    </button>
                }))}
            </div>
        </form>
    }
}

/// The lists of expertise that a profile and an organisation share, as their forms edit them.
#[derive(Clone, Copy)]
struct ExpertiseLists {
    strategies: RwSignal<Vec<String>>,
    /// Typed as text, separated by commas.
    tags: RwSignal<String>,
    /// Those of [`OFFERED_LANGUAGES`] that are ticked.
    languages: RwSignal<Vec<String>>,
    /// The others, typed as codes separated by commas.
    other_languages: RwSignal<String>,
    countries: RwSignal<Vec<String>>,
    regions: RwSignal<Vec<String>>,
}

impl ExpertiseLists {
    fn new(expertise: &Expertise) -> Self {
        let (offered, others): (Vec<&String>, Vec<&String>) = expertise
            .languages
            .iter()
            .partition(|code| OFFERED_LANGUAGES.contains(&code.as_str()));
        Self {
            strategies: RwSignal::new(expertise.strategies.clone()),
            tags: RwSignal::new(expertise.tags.join(", ")),
            languages: RwSignal::new(offered.into_iter().cloned().collect()),
            other_languages: RwSignal::new(
                others.into_iter().cloned().collect::<Vec<_>>().join(", "),
            ),
            countries: RwSignal::new(expertise.countries.clone()),
            regions: RwSignal::new(expertise.regions.clone()),
        }
    }

    /// What the form holds, as the API takes it.
    fn read(self) -> Expertise {
        Expertise {
            strategies: self.strategies.get_untracked(),
            tags: split_list(&self.tags.get_untracked(), ','),
            languages: self
                .languages
                .get_untracked()
                .into_iter()
                .chain(split_list(&self.other_languages.get_untracked(), ','))
                .collect(),
            countries: self.countries.get_untracked(),
            regions: self.regions.get_untracked(),
        }
    }
}

/// A box to tick for each of `values`, ticked while `list` holds it.
fn checkboxes(
    list: RwSignal<Vec<String>>,
    values: &'static [&'static str],
    name: impl Fn(&'static str) -> String + Copy + Send + Sync + 'static,
) -> impl IntoView {
    values
        .iter()
        .map(|&value| {
            view! {
                <label class="checkbox">
                    <input type="checkbox"
                        prop:checked=move || list.with(|items| items.iter().any(|x| x == value))
                        on:change=move |_| toggle(list, value) />
                    {move || name(value)}
                </label>
            }
        })
        .collect_view()
}

/// Adds `value` to the list, or takes it out.
fn toggle(list: RwSignal<Vec<String>>, value: &str) {
    list.update(|items| {
        if let Some(at) = items.iter().position(|item| item == value) {
            items.remove(at);
        } else {
            items.push(value.to_owned());
        }
    });
}

/// The fields of [`ExpertiseLists`]: strategies, tags, languages, countries and regions.
#[component]
fn ExpertiseFields(
    /// Makes the fields' ids unique on the page.
    prefix: String,
    lists: ExpertiseLists,
    strategies: Vec<Strategy>,
    errors: RwSignal<Vec<FieldError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error_of = {
        let prefix = prefix.clone();
        move |field: &'static str| errors_of(i18n, errors, &prefix, field)
    };
    let invalid = move |field: &'static str| {
        Signal::derive(move || {
            errors.with(|e| e.iter().any(|e| e.field.split('[').next() == Some(field)))
        })
    };
    let strategy_boxes = strategies
        .into_iter()
        .map(|strategy| {
            let code = strategy.code.clone();
            let checked = {
                let code = code.clone();
                move || lists.strategies.with(|c| c.contains(&code))
            };
            view! {
                <label class="checkbox">
                    <input type="checkbox" prop:checked=checked on:change=move |_| toggle(lists.strategies, &code) />
                    {move || i18n.name(&strategy).to_owned()}
                </label>
            }
        })
        .collect_view();
    let region_boxes = checkboxes(lists.regions, &REGIONS, move |region| i18n.region(region));
    let language_boxes = checkboxes(lists.languages, &OFFERED_LANGUAGES, language_name);
    view! {
        <fieldset class="field field-wide">
            <legend>{i18n.tx(Key::FacetStrategy)}</legend>
            <div class="checkboxes">{strategy_boxes}</div>
            {dynamic(error_of("strategies"))}
        </fieldset>
        <ListField prefix=prefix.clone() field="tags" label=Key::ResourceTags hint=Key::TagsHint value=lists.tags errors=errors />
        <fieldset class="field">
            <legend>{i18n.tx(Key::DirectoryLanguage)}</legend>
            <div class="checkboxes">{language_boxes}</div>
            // The server names a wrong code here, the only place one can be typed.
            <ListField prefix=prefix.clone() field="languages" label=Key::OtherLanguages hint=Key::ExpertLanguagesHint value=lists.other_languages errors=errors />
        </fieldset>
        <CountryPicker chosen=lists.countries invalid=invalid("countries") id=format!("{prefix}-country-add")
            legend=Key::ExpertCountries errors=view! { <span>{dynamic(error_of("countries"))}</span> }.into_any() />
        <fieldset class="field">
            <legend>{i18n.tx(Key::Region)}</legend>
            <div class="checkboxes">{region_boxes}</div>
            {dynamic(error_of("regions"))}
        </fieldset>
    }
}

/// The errors of `field` and of its items (`languages[1]`), under it.
fn errors_of(
    i18n: I18n,
    errors: RwSignal<Vec<FieldError>>,
    prefix: &str,
    field: &'static str,
) -> impl Fn() -> Option<AnyView> + Send + Sync + 'static + use<> {
    let id = format!("{prefix}-{field}-error");
    move || {
        errors.with(|e| {
            let messages: Vec<String> = e
                .iter()
                .filter(|e| e.field.split('[').next() == Some(field))
                .map(|e| i18n.field_error(e))
                .collect();
            (!messages.is_empty()).then(|| {
                view! { <p class="field-error" id=id.clone()>{messages.join(" ")}</p> }.into_any()
            })
        })
    }
}

/// A list typed as text (separated by commas), with its hint and its errors.
#[component]
fn ListField(
    prefix: String,
    field: &'static str,
    label: Key,
    hint: Key,
    value: RwSignal<String>,
    errors: RwSignal<Vec<FieldError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = format!("{prefix}-{field}");
    let hint_id = format!("{prefix}-{field}-hint");
    let described = format!("{prefix}-{field}-hint {prefix}-{field}-error");
    let invalid = move || {
        errors
            .with(|e| e.iter().any(|e| e.field.split('[').next() == Some(field)))
            .then_some("true")
    };
    view! {
        <div class="field">
            <label for=id.clone()>{i18n.tx(label)}</label>
            <input id=id type="text" bind:value=value aria-describedby=described aria-invalid=invalid />
            <p class="hint" id=hint_id>{i18n.tx(hint)}</p>
            {dynamic(errors_of(i18n, errors, &prefix, field))}
        </div>
    }
}

/// `/contacts`: the requests received and sent.
#[component]
pub fn ContactsPage() -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let mailbox = RwSignal::new("received");
    let page = RwSignal::new(1u64);
    let reload = RwSignal::new(0u32);
    let failure = RwSignal::new(None::<String>);
    // With the box it was read from, so that a page is never shown as the other box's.
    let requests = Loader::new(move || {
        reload.track();
        let mailbox = mailbox.get();
        let page = page.get();
        async move { (mailbox, directory::requests(api, mailbox, page).await) }
    });
    let decide = move |id: Uuid, accept: bool| {
        spawn_local(async move {
            match directory::decide(api, id, accept).await {
                Ok(_) => {
                    let _ = failure.try_set(None);
                    let _ = reload.try_update(|n| *n += 1);
                }
                Err(error) => {
                    let _ = failure.try_set(Some(error_text(i18n, &error)));
                }
            }
        });
    };
    let tab = move |value: &'static str, key: Key| {
        view! {
            <button type="button" class="tab" role="tab"
                aria-selected=move || (mailbox.get() == value).to_string()
                data-testid=format!("contacts-{value}")
                on:click=move |_| {
                    page.set(1);
                    mailbox.set(value);
                }>
                {i18n.tx(key)}
            </button>
        }
    };
    let list = move || match requests.get() {
        None => view! { <p class="muted">{i18n.tx(Key::Loading)}</p> }.into_any(),
        Some((_, Err(error))) => {
            view! { <ErrorAlert message=error_text(i18n, &error) /> }.into_any()
        }
        Some((_, Ok(found))) if found.items.is_empty() => view! {
            <p class="muted" data-testid="contacts-empty">{i18n.tx(Key::NoContactRequests)}</p>
        }
        .into_any(),
        Some((mailbox, Ok(found))) => {
            let received = mailbox == "received";
            let pages = found.total.div_ceil(directory::PER_PAGE).max(1);
            let at = page.get_untracked();
            let pager = (pages > 1).then(|| {
                view! {
                    <nav class="pager" aria-label=i18n.tx(Key::Pagination)>
                        {(at > 1).then(|| view! {
                            <button type="button" class="button button-small" on:click=move |_| page.set(at - 1)>
                                {i18n.tx(Key::Previous)}
                            </button>
                        })}
                        <span>{i18n.fmt(Key::PageOf, &[("page", &at.to_string()), ("pages", &pages.to_string())])}</span>
                        {(at < pages).then(|| view! {
                            <button type="button" class="button button-small" on:click=move |_| page.set(at + 1)>
                                {i18n.tx(Key::Next)}
                            </button>
                        })}
                    </nav>
                }
            });
            view! {
                <ul class="cards">
                    {found.items.into_iter().map(|r| request_item(i18n, r, received, decide)).collect_view()}
                </ul>
                {pager}
            }
            .into_any()
        }
    };
    view! {
        <section class="page directory" data-testid="contacts-page">
            <h1>{i18n.tx(Key::ContactsTitle)}</h1>
            <DirectoryTabs current="/contacts" />
            <div class="tabs" role="tablist">
                {tab("received", Key::ContactsReceived)}
                {tab("sent", Key::ContactsSent)}
            </div>
            {dynamic(move || failure.get().map(|m| view! { <ErrorAlert message=m /> }))}
            {dynamic(list)}
        </section>
    }
}

fn request_item(
    i18n: I18n,
    request: ContactRequest,
    received: bool,
    decide: impl Fn(Uuid, bool) + Copy + 'static,
) -> impl IntoView {
    let other = if received { &request.from } else { &request.to };
    let who = if received {
        i18n.fmt(Key::ContactFrom, &[("name", &other.name)])
    } else {
        i18n.fmt(Key::ContactTo, &[("name", &other.name)])
    };
    let profile = (!received).then(|| expert_href(other.id));
    let status = match request.status {
        ContactStatus::Pending => Key::ContactStatusPending,
        ContactStatus::Accepted => Key::ContactStatusAccepted,
        ContactStatus::Declined => Key::ContactStatusDeclined,
    };
    let email = other.email.clone().map(|email| {
        let href = format!("mailto:{email}");
        view! { <p data-testid="contact-email"><a href=href>{email}</a></p> }
    });
    let id = request.id;
    let actions = (received && request.status == ContactStatus::Pending).then(|| {
        view! {
            <div class="form-actions">
                <button type="button" class="button button-primary" data-testid="accept-contact" on:click=move |_| decide(id, true)>
                    {i18n.tx(Key::AcceptContact)}
                </button>
                <button type="button" class="button" data-testid="decline-contact" on:click=move |_| decide(id, false)>
                    {i18n.tx(Key::DeclineContact)}
                </button>
            </div>
        }
    });
    view! {
        <li class="card contact-card" data-testid="contact-request">
            <h2 class="card-title">
                {match profile {
                    Some(href) => view! { <a href=href>{who}</a> }.into_any(),
                    None => view! { <span>{who}</span> }.into_any(),
                }}
            </h2>
            <p class="muted">{i18n.date(&request.created_at)} " · " <span data-testid="contact-status">{i18n.tx(status)}</span></p>
            <p class="message">{request.message.clone()}</p>
            {email}
            {actions}
        </li>
    }
}
