//! `/moderation`: the resources waiting for a moderator that the reader may moderate (the
//! secretariat: all of them; a group's moderators: their group's), each leading to its page,
//! where the moderator publishes, returns or archives it.

use leptos::prelude::*;

use super::kind_key;
use crate::api::knowledge::QUEUE_PER_PAGE;
use crate::api::{self, use_api};
use crate::components::{DataTable, Row};
use crate::i18n::{Key, use_i18n};
use crate::loader::Loader;
use crate::pages::form::Pager;
use crate::pages::{ErrorAlert, dynamic, error_text};
use crate::router::resource_href;

#[component]
pub fn ModerationPage() -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let page = RwSignal::new(1u64);
    let queue = Loader::new(move || {
        let page = page.get();
        async move { api::knowledge::moderation_queue(api, page).await }
    });
    let total = Signal::derive(move || {
        queue
            .get()
            .and_then(Result::ok)
            .map(|p| p.total)
            .unwrap_or(0)
    });
    let table = move || {
        let items = match queue.get() {
            None => return view! { <p class="muted">{i18n.tx(Key::Loading)}</p> }.into_any(),
            Some(Err(error)) => {
                return view! { <ErrorAlert message=error_text(i18n, &error) /> }.into_any();
            }
            Some(Ok(page)) => page.items,
        };
        if items.is_empty() {
            return view! { <p class="muted" data-testid="moderation-empty">{i18n.tx(Key::ModerationEmpty)}</p> }
                .into_any();
        }
        let rows: Vec<Row> = items
            .into_iter()
            .map(|r| {
                let change = r.revision_of.map(|_| {
                    view! { " " <span class="badge badge-warn" data-testid="revision-badge">{i18n.tx(Key::RevisionBadge)}</span> }
                });
                let submitted = r.created_at;
                vec![
                    view! {
                        <a href=resource_href(r.id) lang=r.language.clone()>{r.title.clone()}</a>
                        {change}
                    }
                    .into_any(),
                    i18n.t(kind_key(r.kind)).to_owned().into_any(),
                    r.author.name.clone().into_any(),
                    view! { <time datetime=submitted.to_rfc3339()>{move || i18n.date_time(&submitted)}</time> }
                        .into_any(),
                    r.group_name.clone().unwrap_or_default().into_any(),
                ]
            })
            .collect();
        view! {
            <DataTable
                testid="moderation-queue"
                caption=Key::ModerationQueue
                columns=vec![Key::Title, Key::ResourceKind, Key::ResourceAuthor, Key::SubmittedOn, Key::ResourceGroup]
                rows=rows
            />
        }
        .into_any()
    };
    view! {
        <section class="page" data-testid="moderation">
            <h1>{i18n.tx(Key::ModerationTitle)}</h1>
            <p class="lead">{i18n.tx(Key::ModerationIntro)}</p>
            {dynamic(table)}
            <Pager page=page total=total per_page=QUEUE_PER_PAGE />
        </section>
    }
}
