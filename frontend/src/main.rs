//! Pioneer Hub's single-page app: client-side rendered Leptos, built by trunk and served by
//! the API server with a fallback to `index.html` for every app path.

mod api;
mod components;
mod document;
mod i18n;
mod loader;
mod pages;
mod router;
mod shell;

use leptos::prelude::*;
use leptos::task::spawn_local;

use pages::dynamic;
use router::Route;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}

/// The contexts (language, API session, location) and the routes.
#[component]
fn App() -> impl IntoView {
    i18n::provide_i18n();
    let api = api::provide_api();
    let router = router::provide_router();
    let path = router.path();
    let route = Memo::new(move |_| path.with(|p| Route::of(p)));
    // Which frame the route lives in: the shell is kept while the member moves between its pages.
    let frame = Memo::new(move |_| match route.get() {
        Route::Login => Some(true),
        Route::NotFound => None,
        _ => Some(false),
    });

    let signed_in_page = move || page(route.get());
    move || match frame.get() {
        Some(true) => view! { <pages::login::LoginPage /> }.into_any(),
        None => view! { <pages::not_found::NotFoundPage /> }.into_any(),
        Some(false) => view! {
            <Transition fallback=|| ()>
                {dynamic(move || {
                    if api.signed_in() {
                        Some(view! { <shell::Shell>{dynamic(signed_in_page)}</shell::Shell> })
                    } else {
                        spawn_local(async move { router.to_login() });
                        None
                    }
                })}
            </Transition>
        }
        .into_any(),
    }
}

/// The page of a signed-in route.
fn page(route: Route) -> AnyView {
    use pages::*;
    match route {
        Route::Home => view! { <home::HomePage /> }.into_any(),
        Route::Roadmaps => view! { <roadmaps::RoadmapsPage /> }.into_any(),
        Route::Roadmap => view! { <roadmap::RoadmapPage /> }.into_any(),
        Route::ReviewQueue => view! { <review_queue::ReviewQueuePage /> }.into_any(),
        Route::Reports => view! { <report::list::ReportsPage /> }.into_any(),
        Route::Report => view! { <report::page::ReportPage /> }.into_any(),
        Route::ReportingCycles => view! { <report::cycles::CyclesPage /> }.into_any(),
        Route::Tracker => view! { <report::tracker::TrackerPage /> }.into_any(),
        Route::Synthesis => view! { <report::synthesis::SynthesisPage /> }.into_any(),
        Route::Countries => view! { <countries::CountriesPage /> }.into_any(),
        Route::CountryTrend => view! { <report::trend::TrendPage /> }.into_any(),
        Route::Users => view! { <users::UsersPage /> }.into_any(),
        Route::ApiTokens => view! { <api_tokens::ApiTokensPage /> }.into_any(),
        Route::Login | Route::NotFound => ().into_any(),
    }
}
