//! The history of a document: every change, who made it and when.

use leptos::prelude::*;

use crate::api::{self, DocumentRef, use_api};
use crate::i18n::{Key, use_i18n};
use crate::loader::Loader;
use crate::pages::{ErrorAlert, dynamic, error_text};

/// The history, folded; read again whenever `revision` changes.
#[component]
pub fn HistoryPanel(doc: DocumentRef, #[prop(into)] revision: Signal<i64>) -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let history = Loader::new(move || {
        revision.track();
        api::documents::history(api, doc)
    });
    view! {
        <details class="panel" data-testid="history">
            <summary><h2>{i18n.tx(Key::History)}</h2></summary>
            // A transition of its own: the page does not wait for the history.
            <Transition fallback=move || view! { <p class="muted">{i18n.tx(Key::Loading)}</p> }>
            {dynamic(move || match history.get() {
                None => ().into_any(),
                Some(Err(e)) => view! { <ErrorAlert message=error_text(i18n, &e) /> }.into_any(),
                Some(Ok(page)) => view! {
                    <ol class="history">
                        {page
                            .items
                            .into_iter()
                            .map(|h| {
                                let when = i18n.date_time(&h.created_at);
                                let event = i18n.event(&h.event);
                                view! {
                                    <li>
                                        <time datetime=h.created_at.to_rfc3339()>{when}</time>
                                        " · " <strong>{h.actor.name}</strong> " · " <span title=h.event.to_string()>{event}</span>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ol>
                }
                .into_any(),
            })}
            </Transition>
        </details>
    }
}
