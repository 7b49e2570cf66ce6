//! `/review-queue` (reviewers and the secretariat): submitted roadmaps, oldest first.

use leptos::prelude::*;

use super::roadmap::{country_name, load_countries};
use super::{ErrorAlert, error_text};
use crate::api::{self, use_api};
use crate::components::{DataTable, Row};
use crate::i18n::{Key, use_i18n};
use crate::loader::Loader;
use crate::pages::dynamic;
use crate::router::{A, roadmap_href};

#[component]
pub fn ReviewQueuePage() -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let queue = Loader::new(move || api::roadmaps::review_queue(api));
    let countries = Loader::new(move || load_countries(api));

    let table = move || {
        let items = match queue.get() {
            None => return view! { <p class="muted">{i18n.tx(Key::Loading)}</p> }.into_any(),
            Some(Err(error)) => {
                return view! { <ErrorAlert message=error_text(i18n, &error) /> }.into_any();
            }
            Some(Ok(page)) => page.items,
        };
        if items.is_empty() {
            return view! { <p class="muted">{i18n.tx(Key::QueueEmpty)}</p> }.into_any();
        }
        let countries = countries.get().unwrap_or_default();
        let rows: Vec<Row> = items
            .into_iter()
            .map(|r| {
                let submitted = r
                    .submitted_at
                    .map(|t| i18n.date_time(&t))
                    .unwrap_or_default();
                vec![
                    country_name(&countries, i18n, &r.country_code).into_any(),
                    view! { <A href=roadmap_href(r.id)>{r.title.clone()}</A> }.into_any(),
                    r.version.into_any(),
                    submitted.into_any(),
                ]
            })
            .collect();
        view! {
            <DataTable
                testid="review-queue"
                caption=Key::ReviewQueueTitle
                columns=vec![Key::Country, Key::Title, Key::Version, Key::SubmittedOn]
                rows=rows
            />
        }
        .into_any()
    };

    view! {
        <section class="page">
            <h1>{i18n.tx(Key::ReviewQueueTitle)}</h1>
            {dynamic(table)}
        </section>
    }
}
