//! The frame of the pages that people without an account open (joining the alliance, the links
//! of mails, a country's profile): the brand, the language switcher and a way to sign in.

use leptos::ev::MouseEvent;
use leptos::prelude::*;

use crate::api::use_api;
use crate::i18n::{Key, LangSwitcher, use_i18n};
use crate::pages::dynamic;

#[component]
pub fn PublicFrame(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let main_ref = NodeRef::<leptos::html::Main>::new();
    // The router would turn "#main" into a navigation; move the focus ourselves instead.
    let skip_to_main = move |ev: MouseEvent| {
        ev.prevent_default();
        if let Some(main) = main_ref.get() {
            let _ = main.focus();
        }
    };
    view! {
        <a class="skip-link" href="#main" on:click=skip_to_main>
            {i18n.tx(Key::SkipToContent)}
        </a>
        <header class="app-header">
            <div class="header-inner">
                <a href="/" class="brand">
                    <span class="brand-mark" aria-hidden="true"></span>
                    {i18n.tx(Key::AppName)}
                </a>
                <div class="header-tools">
                    <a href="/knowledge" class="account-link" data-testid="knowledge-link">
                        {i18n.tx(Key::NavKnowledge)}
                    </a>
                    <LangSwitcher id="lang-public" />
                    {dynamic(move || {
                        if api.signed_in() {
                            view! { <a href="/" class="button button-quiet">{i18n.tx(Key::NavHome)}</a> }
                                .into_any()
                        } else {
                            view! {
                                <a href="/login" class="button button-quiet" data-testid="sign-in-link">
                                    {i18n.tx(Key::SignIn)}
                                </a>
                            }
                            .into_any()
                        }
                    })}
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
