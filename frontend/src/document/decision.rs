//! The reviewer's decision on a submitted document.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{Comments, Document, Drafts};
use crate::api::{self, Review, Verdict};
use crate::i18n::{Key, use_i18n};
use crate::pages::{ErrorAlert, dynamic, error_text, focus_id};

/// Approve (accept, for a report: the kind says), or request changes with a comment.
#[component]
pub fn DecisionPanel<D: Document>(sync: Drafts<D>) -> impl IntoView {
    let i18n = use_i18n();
    let comments = expect_context::<Comments>();
    let api = sync.api();
    let comment = RwSignal::new(String::new());
    let missing = RwSignal::new(false);
    let failure = RwSignal::new(None::<String>);
    let working = RwSignal::new(false);

    let (approval, approve_label) = D::APPROVAL;
    let decide = move |decision: Verdict| {
        let text = comment.get_untracked().trim().to_owned();
        if decision == Verdict::RequestChanges && text.is_empty() {
            missing.set(true);
            focus_id("decision-comment");
            return;
        }
        missing.set(false);
        failure.set(None);
        working.set(true);
        spawn_local(async move {
            let review = Review {
                decision,
                comment: (!text.is_empty()).then_some(text),
            };
            match api::documents::review::<D>(api, sync.doc, sync.revision(), &review).await {
                Ok(tagged) => {
                    if let Some(document) = tagged.value {
                        sync.replace(document, tagged.revision);
                    }
                    comment.set(String::new());
                    // The decision's comment is now one of the document's comments.
                    comments.reload();
                }
                Err(error) => {
                    if error.status() == Some(412) {
                        sync.reload().await;
                    }
                    failure.set(Some(error_text(i18n, &error)));
                }
            }
            working.set(false);
        });
    };

    view! {
        <section class="panel panel-decision no-print" aria-labelledby="decision-heading" data-testid="decision">
            <h2 id="decision-heading">{i18n.tx(Key::Decision)}</h2>
            <div class="field">
                <label for="decision-comment">{i18n.tx(Key::DecisionComment)}</label>
                <textarea
                    id="decision-comment"
                    rows="3"
                    bind:value=comment
                    on:input=move |_| missing.set(false)
                    aria-invalid=move || missing.get().then_some("true")
                    aria-describedby="decision-hint"
                ></textarea>
                <p class="hint" id="decision-hint">{i18n.tx(Key::DecisionHint)}</p>
                <Show when=move || missing.get()>
                    <p class="field-error">{i18n.tx(Key::ErrRequired)}</p>
                </Show>
            </div>
            {dynamic(move || failure.get().map(|m| view! { <ErrorAlert message=m /> }))}
            <div class="form-actions">
                <button
                    type="button"
                    class="button button-primary"
                    disabled=move || working.get()
                    data-testid="approve"
                    on:click=move |_| decide(approval)
                >
                    {i18n.tx(approve_label)}
                </button>
                <button
                    type="button"
                    class="button button-danger"
                    disabled=move || working.get()
                    data-testid="request-changes"
                    on:click=move |_| decide(Verdict::RequestChanges)
                >
                    {i18n.tx(Key::RequestChanges)}
                </button>
            </div>
        </section>
    }
}
