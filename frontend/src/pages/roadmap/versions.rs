//! What is particular to a roadmap's review: its versions. (What changed since the approved
//! version is the server's comparison, shown by `document::changes`.)

use leptos::prelude::*;

use super::{StatusBadge, use_sync};
use crate::api;
use crate::i18n::{Key, use_i18n};
use crate::loader::Loader;
use crate::pages::{ErrorAlert, dynamic, error_text};
use crate::router::{A, roadmap_href};

/// The versions of the roadmap, folded.
#[component]
pub fn Versions() -> impl IntoView {
    let sync = use_sync();
    let i18n = use_i18n();
    let api = sync.api();
    let id = sync.doc.id;
    let versions = Loader::new(move || api::roadmaps::versions(api, id));
    view! {
        <details class="panel" id="versions" data-testid="versions">
            <summary><h2>{i18n.tx(Key::Versions)}</h2></summary>
            // A transition of its own: the page does not wait for the versions.
            <Transition fallback=move || view! { <p class="muted">{i18n.tx(Key::Loading)}</p> }>
            {dynamic(move || match versions.get() {
                None => ().into_any(),
                Some(Err(e)) => view! { <ErrorAlert message=error_text(i18n, &e) /> }.into_any(),
                Some(Ok(page)) => view! {
                    <ul class="versions">
                        {page
                            .items
                            .into_iter()
                            .map(|v| {
                                let label = i18n.fmt(Key::VersionN, &[("n", &v.version.to_string())]);
                                let current = v.id == id;
                                view! {
                                    <li>
                                        <A href=roadmap_href(v.id) attr:aria-current=current.then_some("page")>
                                            {label}
                                        </A>
                                        " "
                                        <StatusBadge status=v.status />
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                .into_any(),
            })}
            </Transition>
        </details>
    }
}
