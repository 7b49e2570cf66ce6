//! The frame around every signed-in page: skip link, header with the sections the member's
//! role opens (decided by `pioneer_domain::policy::sections`), language switcher, logout.

use leptos::ev::MouseEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use pioneer_domain::policy::{Section, sections};

use crate::api::use_api;
use crate::i18n::{Key, LangSwitcher, use_i18n};
use crate::pages::dynamic;
use crate::router::{A, use_router};

/// Where a section lives and what the navigation calls it.
pub fn section_link(section: Section) -> (&'static str, Key) {
    match section {
        Section::Home => ("/", Key::NavHome),
        Section::Roadmaps => ("/roadmaps", Key::NavRoadmaps),
        Section::ReviewQueue => ("/review-queue", Key::NavReviewQueue),
        Section::Countries => ("/countries", Key::NavCountries),
        Section::Users => ("/users", Key::NavUsers),
        Section::ApiTokens => ("/api-tokens", Key::NavApiTokens),
    }
}

#[component]
pub fn Shell(children: Children) -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let user = api.user();
    let main_ref = NodeRef::<leptos::html::Main>::new();

    // The router would turn "#main" into a navigation; move the focus ourselves instead.
    let skip_to_main = move |ev: MouseEvent| {
        ev.prevent_default();
        if let Some(main) = main_ref.get() {
            let _ = main.focus();
        }
    };
    // Once per mount of the signed-in app: the stored user may be out of date.
    spawn_local(api.reload_user());
    // To the sign-in page itself: one who logs out on purpose is not brought back here.
    let router = use_router();
    let logout = move |_: MouseEvent| {
        spawn_local(api.logout());
        router.navigate("/login", false);
    };
    let role = Memo::new(move |_| user.with(|u| u.as_ref().map(|u| u.role)));

    view! {
        <a class="skip-link" href="#main" on:click=skip_to_main>
            {i18n.tx(Key::SkipToContent)}
        </a>
        <header class="app-header">
            <div class="header-inner">
                <A href="/" attr:class="brand">
                    <span class="brand-mark" aria-hidden="true"></span>
                    {i18n.tx(Key::AppName)}
                </A>
                <nav class="main-nav" aria-label=i18n.tx(Key::MainNav)>
                    <ul>
                        {dynamic(move || {
                            role.get()
                                .map(sections)
                                .unwrap_or_default()
                                .into_iter()
                                .map(|section| {
                                    let (href, key) = section_link(section);
                                    view! {
                                        <li>
                                            <A href=href exact=true>
                                                {i18n.tx(key)}
                                            </A>
                                        </li>
                                    }
                                })
                                .collect_view()
                        })}
                    </ul>
                </nav>
                <div class="header-tools">
                    <p class="signed-in">
                        <span class="visually-hidden">{i18n.tx(Key::SignedInAs)} " "</span>
                        <span data-testid="user-name">
                            {dynamic(move || user.with(|u| u.as_ref().map(|u| u.name.clone())))}
                        </span>
                    </p>
                    <LangSwitcher id="lang-header" />
                    <button type="button" class="button button-quiet" data-testid="logout" on:click=logout>
                        {i18n.tx(Key::Logout)}
                    </button>
                </div>
            </div>
        </header>
        <main id="main" tabindex="-1" node_ref=main_ref>
            {children()}
        </main>
        <footer class="app-footer">
            <p>{i18n.tx(Key::AppTagline)}</p>
        </footer>
    }
}
