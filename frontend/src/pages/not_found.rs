//! Any path the app does not know.

use leptos::prelude::*;

use crate::i18n::{Key, use_i18n};
use crate::router::A;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <main id="main" class="page narrow">
            <h1>{i18n.tx(Key::NotFoundTitle)}</h1>
            <p>{i18n.tx(Key::NotFoundBody)}</p>
            <p>
                <A href="/">{i18n.tx(Key::BackHome)}</A>
            </p>
        </main>
    }
}
