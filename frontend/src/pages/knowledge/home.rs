//! `/knowledge`: the knowledge base's home. A search box whose results follow the typing (a
//! quarter of a second after the last key), filters with their counts, the results a page at a
//! time; without words nor filters, the latest and the most viewed resources. The search lives
//! in the address (`?q=…&kind=…&page=…`), so that back, forward and a shared link give it back.

use std::time::Duration;

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use pioneer_domain::knowledge::{SearchFacets, SearchResults};
use pioneer_domain::reference::{Country, Strategy};

use super::{ResourceItem, kind_name, language_name, load_strategies, strategy_name};
use crate::api::knowledge::{self, Facet, SHORT_LIST, SearchQuery, Sort};
use crate::api::{self, use_api};
use crate::i18n::{I18n, Key, use_i18n};
use crate::loader::Loader;
use crate::pages::roadmap::{country_name, load_countries};
use crate::pages::{ErrorAlert, dynamic, error_text};
use crate::router::{Route, knowledge_href, use_router};

/// How long the typing pauses before the search follows it.
const DEBOUNCE: Duration = Duration::from_millis(250);

/// The heading of a facet's filters.
fn facet_title(facet: Facet) -> Key {
    match facet {
        Facet::Kind => Key::FacetKind,
        Facet::Strategy => Key::FacetStrategy,
        Facet::Language => Key::FacetLanguage,
        Facet::Country => Key::Country,
    }
}

/// A facet's counts in the results.
fn counts(facets: &SearchFacets, facet: Facet) -> Vec<(String, u64)> {
    let counts = match facet {
        Facet::Kind => &facets.kind,
        Facet::Strategy => &facets.strategy,
        Facet::Language => &facets.language,
        Facet::Country => &facets.country,
    };
    counts
        .iter()
        .map(|(value, n)| (value.clone(), *n))
        .collect()
}

/// The values of a facet to offer, the largest counts first; the chosen value always among
/// them (with no count when the results have none), so that it can be taken away.
pub fn facet_values(counted: Vec<(String, u64)>, chosen: &str) -> Vec<(String, Option<u64>)> {
    let mut values: Vec<(String, Option<u64>)> = counted
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .map(|(value, n)| (value, Some(n)))
        .collect();
    values.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    if !chosen.is_empty() && !values.iter().any(|(value, _)| value == chosen) {
        values.insert(0, (chosen.to_owned(), None));
    }
    values
}

/// The reference lists that name the facets' values.
#[derive(Debug, Clone, Default, PartialEq)]
struct Names {
    strategies: Vec<Strategy>,
    countries: Vec<Country>,
}

impl Names {
    fn of(&self, i18n: I18n, facet: Facet, value: &str) -> String {
        match facet {
            Facet::Kind => kind_name(i18n, value),
            Facet::Strategy => strategy_name(&self.strategies, i18n, value),
            Facet::Language => language_name(value),
            Facet::Country => country_name(&self.countries, i18n, value),
        }
    }
}

#[component]
pub fn KnowledgePage() -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let router = use_router();
    let path = router.path();
    let search = router.search();
    let here = move || path.with_untracked(|p| Route::of(p) == Route::Knowledge);
    // The search of the address; kept while the page goes away.
    let query = Memo::new(move |previous: Option<&SearchQuery>| {
        if path.with(|p| Route::of(p) == Route::Knowledge) {
            search.with(|s| SearchQuery::parse(s))
        } else {
            previous.cloned().unwrap_or_default()
        }
    });
    let browsing = Memo::new(move |_| query.with(SearchQuery::is_browsing));

    // The box follows the address (back and forward); the address follows the box.
    let words = RwSignal::new(query.get_untracked().q);
    Effect::new(move |_| {
        let q = query.with(|q| q.q.clone());
        if words.with_untracked(|w| *w != q) {
            words.set(q);
        }
    });
    let go = move |next: SearchQuery, replace: bool| {
        if here() {
            router.set_query(&knowledge_href(&next.to_query()), replace);
        }
    };
    let commit = move || {
        let (Some(typed), Some(now)) = (words.try_get_untracked(), query.try_get_untracked())
        else {
            return;
        };
        if typed != now.q {
            // A new search is a step back can return from; refining it is not.
            let replace = !now.q.trim().is_empty();
            go(now.with_words(&typed), replace);
        }
    };
    let typed = StoredValue::new(0u64);
    let on_input = move |ev: leptos::ev::Event| {
        words.set(event_target_value(&ev));
        typed.update_value(|n| *n += 1);
        let mine = typed.get_value();
        set_timeout(
            move || {
                if typed.try_get_value() == Some(mine) {
                    commit();
                }
            },
            DEBOUNCE,
        );
    };
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        typed.update_value(|n| *n += 1);
        commit();
    };

    let results = Loader::new(move || {
        let query = query.get();
        async move { knowledge::search(api, &query).await }
    });
    let names = Loader::new(move || async move {
        let (strategies, countries) = futures::join!(load_strategies(api), load_countries(api));
        Names {
            strategies,
            countries,
        }
    });

    let share = move || {
        if api.signed_in() {
            view! {
                <a class="button button-primary" href="/knowledge/new" data-testid="share-resource">
                    {i18n.tx(Key::ShareResource)}
                </a>
            }
            .into_any()
        } else {
            view! { <p class="muted"><a href="/login?next=%2Fknowledge%2Fnew">{i18n.tx(Key::SignInToShare)}</a></p> }
                .into_any()
        }
    };

    view! {
        <section class="page knowledge" data-testid="knowledge">
            <div class="page-head">
                <h1>{i18n.tx(Key::KnowledgeTitle)}</h1>
                {dynamic(share)}
            </div>
            <p class="lead">{i18n.tx(Key::KnowledgeIntro)}</p>
            <form class="search-box" role="search" on:submit=on_submit>
                <label for="knowledge-q">{i18n.tx(Key::KnowledgeSearchLabel)}</label>
                <div class="search-line">
                    <input
                        id="knowledge-q"
                        type="search"
                        autocomplete="off"
                        data-testid="knowledge-search"
                        aria-describedby="knowledge-q-hint"
                        prop:value=move || words.get()
                        on:input=on_input
                    />
                    <button type="submit" class="button button-primary">{i18n.tx(Key::SearchButton)}</button>
                </div>
                <p class="hint" id="knowledge-q-hint">{i18n.tx(Key::KnowledgeSearchHint)}</p>
            </form>
            <div class="knowledge-layout">
                <Transition fallback=move || view! { <p class="muted">{i18n.tx(Key::Loading)}</p> }>
                    {dynamic(move || view! {
                        <Filters results=results names=names query=query go=Callback::new(move |next| go(next, false)) />
                    })}
                    <div class="knowledge-main">
                        {dynamic(move || {
                            if browsing.get() {
                                view! { <Browse /> }.into_any()
                            } else {
                                view! { <Results results=results query=query /> }.into_any()
                            }
                        })}
                    </div>
                </Transition>
            </div>
        </section>
    }
}

/// The filters of every facet, with the counts of the current results.
#[component]
fn Filters(
    results: Loader<Result<SearchResults, api::ApiError>>,
    names: Loader<Names>,
    query: Memo<SearchQuery>,
    go: Callback<SearchQuery>,
) -> impl IntoView {
    let i18n = use_i18n();
    let facets = move || {
        results
            .get()
            .and_then(Result::ok)
            .map(|r| r.facets)
            .unwrap_or_default()
    };
    // Open on a wide screen; folded on a phone, where the results come first.
    let open = web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|w| w.as_f64())
        .is_none_or(|width| width > 640.0);
    let groups = move || {
        let facets = facets();
        let names = names.get().unwrap_or_default();
        let query = query.get();
        Facet::ALL
            .into_iter()
            .map(|facet| {
                let chosen = query.filter(facet).to_owned();
                let values = facet_values(counts(&facets, facet), &chosen);
                let items = values
                    .into_iter()
                    .map(|(value, count)| {
                        let label = names.of(i18n, facet, &value);
                        let pressed = value == chosen;
                        let next = query.toggled(facet, &value);
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class="facet-value"
                                    data-value=value.clone()
                                    aria-pressed=pressed.to_string()
                                    on:click=move |_| go.run(next.clone())
                                >
                                    <span class="facet-label">{label}</span>
                                    {count.map(|n| view! { <span class="facet-count">{n}</span> })}
                                </button>
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <div class="facet" data-testid=format!("facet-{}", facet.param())>
                        <h3 class="facet-title">{i18n.tx(facet_title(facet))}</h3>
                        <ul class="facet-values">{items}</ul>
                    </div>
                }
            })
            .collect_view()
    };
    let clear = move || {
        query.with(SearchQuery::has_filters).then(|| {
            view! {
                <button type="button" class="link-button" data-testid="clear-filters" on:click=move |_| go.run(query.get_untracked().without_filters())>
                    {i18n.tx(Key::ClearFilters)}
                </button>
            }
        })
    };
    view! {
        <details class="facets" open=open>
            <summary><h2>{i18n.tx(Key::Filters)}</h2></summary>
            {dynamic(clear)}
            {dynamic(groups)}
        </details>
    }
}

/// The results of a search, with their total and the pages.
#[component]
fn Results(
    results: Loader<Result<SearchResults, api::ApiError>>,
    query: Memo<SearchQuery>,
) -> impl IntoView {
    let i18n = use_i18n();
    move || match results.get() {
        None => view! { <p class="muted">{i18n.tx(Key::Loading)}</p> }.into_any(),
        Some(Err(error)) => view! { <ErrorAlert message=error_text(i18n, &error) /> }.into_any(),
        Some(Ok(found)) => {
            let total = found.total;
            let page = found.page.max(1);
            let pages = total.div_ceil(found.per_page.max(1)).max(1);
            let query = query.get();
            let href = move |page: u64| knowledge_href(&query.at_page(page).to_query());
            let list = if found.items.is_empty() {
                view! { <p class="muted" data-testid="search-empty">{i18n.tx(Key::SearchNoResult)}</p> }
                    .into_any()
            } else {
                view! {
                    <ol class="results" data-testid="search-results" aria-label=i18n.tx(Key::SearchResults)>
                        {found
                            .items
                            .into_iter()
                            .map(|hit| view! {
                                <ResourceItem resource=hit.resource snippet=hit.snippet testid="search-result" />
                            })
                            .collect_view()}
                    </ol>
                }
                .into_any()
            };
            let pager = (pages > 1).then(|| {
                view! {
                    <nav class="pager" aria-label=i18n.tx(Key::Pagination)>
                        {(page > 1).then(|| view! {
                            <a class="button button-small" href=href(page - 1) rel="prev">{i18n.tx(Key::Previous)}</a>
                        })}
                        <span>{move || i18n.fmt(Key::PageOf, &[("page", &page.to_string()), ("pages", &pages.to_string())])}</span>
                        {(page < pages).then(|| view! {
                            <a class="button button-small" href=href(page + 1) rel="next">{i18n.tx(Key::Next)}</a>
                        })}
                    </nav>
                }
            });
            view! {
                <p class="search-total" role="status" data-testid="search-total">
                    {move || i18n.fmt(Key::SearchTotal, &[("count", &total.to_string())])}
                </p>
                {list}
                {pager}
            }
            .into_any()
        }
    }
}

/// Without words nor filters: the latest resources and the most viewed.
#[component]
fn Browse() -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let latest = Loader::new(move || knowledge::list(api, Sort::Latest, 1, SHORT_LIST));
    let most_viewed = Loader::new(move || knowledge::list(api, Sort::MostViewed, 1, SHORT_LIST));
    let list = move |loader: Loader<
        Result<pioneer_domain::Page<pioneer_domain::knowledge::Resource>, api::ApiError>,
    >,
                     testid: &'static str| {
        move || {
            match loader.get() {
            None => view! { <p class="muted">{i18n.tx(Key::Loading)}</p> }.into_any(),
            Some(Err(error)) => view! { <ErrorAlert message=error_text(i18n, &error) /> }.into_any(),
            Some(Ok(page)) if page.items.is_empty() => {
                view! { <p class="muted">{i18n.tx(Key::NoResourceYet)}</p> }.into_any()
            }
            Some(Ok(page)) => view! {
                <ol class="results" data-testid=testid>
                    {page.items.into_iter().map(|r| view! { <ResourceItem resource=r /> }).collect_view()}
                </ol>
            }
            .into_any(),
        }
        }
    };
    view! {
        <div class="browse">
            <section>
                <h2>{i18n.tx(Key::LatestResources)}</h2>
                {dynamic(list(latest, "latest-resources"))}
            </section>
            <section>
                <h2>{i18n.tx(Key::MostViewedResources)}</h2>
                {dynamic(list(most_viewed, "most-viewed-resources"))}
            </section>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facet_values_come_largest_first_and_keep_the_chosen_one() {
        let counted = vec![
            ("en".to_owned(), 2),
            ("fr".to_owned(), 5),
            ("es".to_owned(), 0),
            ("pt".to_owned(), 2),
        ];
        assert_eq!(
            facet_values(counted.clone(), ""),
            [
                ("fr".to_owned(), Some(5)),
                ("en".to_owned(), Some(2)),
                ("pt".to_owned(), Some(2))
            ]
        );
        assert_eq!(
            facet_values(counted.clone(), "es")[0],
            ("es".to_owned(), None)
        );
        assert_eq!(facet_values(counted, "fr").len(), 3);
    }
}
