//! Pioneer Hub's single-page app: client-side rendered Leptos, built by trunk and served by
//! the API server with a fallback to `index.html` for every app path.

mod api;
mod i18n;
mod pages;
mod shell;

use leptos::prelude::*;
use leptos_router::components::{ProtectedParentRoute, Route, Router, Routes};
use leptos_router::path;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}

/// The contexts (language, API session) and the routes.
#[component]
fn App() -> impl IntoView {
    i18n::provide_i18n();
    let api = api::provide_api();

    view! {
        <Router>
            <Routes fallback=pages::not_found::NotFoundPage>
                <Route path=path!("/login") view=pages::login::LoginPage />
                <ProtectedParentRoute
                    path=path!("")
                    view=shell::Shell
                    condition=move || Some(api.signed_in())
                    redirect_path=|| "/login"
                >
                    <Route path=path!("") view=pages::home::HomePage />
                    <Route path=path!("roadmaps") view=pages::roadmaps::RoadmapsPage />
                    <Route path=path!("roadmaps/:id") view=pages::roadmap::RoadmapPage />
                    <Route path=path!("review-queue") view=pages::review_queue::ReviewQueuePage />
                    <Route path=path!("countries") view=pages::countries::CountriesPage />
                    <Route path=path!("users") view=pages::users::UsersPage />
                    <Route path=path!("api-tokens") view=pages::api_tokens::ApiTokensPage />
                </ProtectedParentRoute>
            </Routes>
        </Router>
    }
}
