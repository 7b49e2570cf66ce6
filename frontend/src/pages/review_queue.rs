//! `/review-queue` (reviewers and the secretariat): what waits for a decision, oldest first —
//! submitted roadmaps, then submitted annual reports.

use leptos::prelude::*;

use super::roadmap::{country_name, load_countries};
use super::{ErrorAlert, error_text};
use crate::api::{self, use_api};
use crate::components::{DataTable, Row};
use crate::i18n::{Key, use_i18n};
use crate::loader::Loader;
use crate::pages::dynamic;
use crate::router::{A, report_href, roadmap_href};

#[component]
pub fn ReviewQueuePage() -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let queue = Loader::new(move || api::roadmaps::review_queue(api));
    let countries = Loader::new(move || load_countries(api));
    let reports = Loader::new(move || api::reports::list(api, "", "", "submitted"));

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
                caption=Key::QueueRoadmaps
                columns=vec![Key::Country, Key::Title, Key::Version, Key::SubmittedOn]
                rows=rows
            />
        }
        .into_any()
    };

    let report_table = move || {
        let mut items = match reports.get() {
            None => return view! { <p class="muted">{i18n.tx(Key::Loading)}</p> }.into_any(),
            Some(Err(error)) => {
                return view! { <ErrorAlert message=error_text(i18n, &error) /> }.into_any();
            }
            Some(Ok(page)) => page.items,
        };
        if items.is_empty() {
            return view! { <p class="muted">{i18n.tx(Key::QueueReportsEmpty)}</p> }.into_any();
        }
        items.sort_by_key(|r| r.submitted_at);
        let countries = countries.get().unwrap_or_default();
        let rows: Vec<Row> = items
            .into_iter()
            .map(|r| {
                let submitted = r
                    .submitted_at
                    .map(|t| i18n.date_time(&t))
                    .unwrap_or_default();
                let title = i18n.fmt(Key::ReportTitle, &[("year", &r.year.to_string())]);
                vec![
                    country_name(&countries, i18n, &r.country_code).into_any(),
                    view! { <A href=report_href(r.id)>{title}</A> }.into_any(),
                    submitted.into_any(),
                ]
            })
            .collect();
        view! {
            <DataTable
                testid="review-queue-reports"
                caption=Key::QueueReports
                columns=vec![Key::Country, Key::Title, Key::SubmittedOn]
                rows=rows
            />
        }
        .into_any()
    };

    view! {
        <section class="page">
            <h1>{i18n.tx(Key::ReviewQueueTitle)}</h1>
            <h2>{i18n.tx(Key::QueueRoadmaps)}</h2>
            {dynamic(table)}
            <h2>{i18n.tx(Key::QueueReports)}</h2>
            {dynamic(report_table)}
        </section>
    }
}
