//! Pioneer Hub's single-page app: client-side rendered Leptos, built by trunk and served by
//! the API server with a fallback to `index.html` for every app path.

mod api;
mod components;
mod document;
mod i18n;
mod intl;
mod loader;
mod pages;
mod router;
mod shell;
mod time;

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
    // Which frame the route lives in: the shell is kept while the member moves between its
    // pages. A country's profile and the knowledge base are public, and shown in the shell to a
    // member.
    let frame = Memo::new(move |_| match route.get() {
        Route::Login => Frame::Login,
        Route::NotFound => Frame::NotFound,
        shared if shared.is_shared() && api.signed_in() => Frame::SignedIn,
        public if public.is_public() => Frame::Public,
        _ => Frame::SignedIn,
    });

    // A frame shows only its own routes: when the route moves to another frame, the page
    // inside the old one may run once more before the frame is replaced, and must not build
    // the new page there (its contexts are already gone).
    let page_in = move |wanted: Frame| move || (frame.get() == wanted).then(|| page(route.get()));
    let signed_in_page = page_in(Frame::SignedIn);
    let public_page = page_in(Frame::Public);
    move || match frame.get() {
        Frame::Login => view! { <pages::login::LoginPage /> }.into_any(),
        Frame::NotFound => view! { <pages::not_found::NotFoundPage /> }.into_any(),
        Frame::Public => view! {
            <pages::public::PublicFrame>
                <Transition fallback=|| ()>{dynamic(public_page)}</Transition>
            </pages::public::PublicFrame>
        }
        .into_any(),
        Frame::SignedIn => view! {
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

/// What surrounds a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Frame {
    Login,
    NotFound,
    /// The pages of people without an account: no navigation, a link to sign in.
    Public,
    /// The shell with the member's navigation.
    SignedIn,
}

/// The page of a route.
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
        Route::Account => view! { <account::AccountPage /> }.into_any(),
        Route::Join => view! { <join::JoinPage /> }.into_any(),
        Route::MembershipApplications => view! { <applications::ApplicationsPage /> }.into_any(),
        Route::MembershipApplication => view! { <applications::ApplicationPage /> }.into_any(),
        Route::Invitation => view! { <invitation::InvitationPage /> }.into_any(),
        Route::ForgotPassword => view! { <password::ForgotPasswordPage /> }.into_any(),
        Route::ResetPassword => view! { <password::ResetPasswordPage /> }.into_any(),
        Route::CountryProfile => view! { <country::CountryProfilePage /> }.into_any(),
        Route::CountryTeam => view! { <country::TeamPage /> }.into_any(),
        Route::Outbox => view! { <outbox::OutboxPage /> }.into_any(),
        Route::Groups => view! { <groups::GroupsPage /> }.into_any(),
        Route::Group => view! { <groups::GroupPage /> }.into_any(),
        Route::Knowledge => view! { <knowledge::home::KnowledgePage /> }.into_any(),
        Route::Resource => view! { <knowledge::resource::ResourcePage /> }.into_any(),
        Route::NewResource | Route::EditResource => {
            view! { <knowledge::form::ResourceFormPage /> }.into_any()
        }
        Route::Moderation => view! { <knowledge::moderation::ModerationPage /> }.into_any(),
        Route::Discussions => view! { <discussions::DiscussionsPage /> }.into_any(),
        Route::Discussion => view! { <discussions::DiscussionPage /> }.into_any(),
        Route::Notifications => view! { <notifications::NotificationsPage /> }.into_any(),
        Route::Events => view! { <events::EventsPage /> }.into_any(),
        Route::Event => view! { <events::EventPage /> }.into_any(),
        Route::NewEvent | Route::EditEvent => view! { <events::EventFormPage /> }.into_any(),
        Route::Experts => view! { <experts::ExpertsPage /> }.into_any(),
        Route::Expert => view! { <experts::ExpertPage /> }.into_any(),
        Route::MyExpertProfile => view! { <experts::MyExpertProfilePage /> }.into_any(),
        Route::Organisations => view! { <experts::OrganisationsPage /> }.into_any(),
        Route::Contacts => view! { <experts::ContactsPage /> }.into_any(),
        Route::Login | Route::NotFound => ().into_any(),
    }
}
