//! The text of a resource in Markdown, with a Preview tab that shows it as its page will (the
//! server renders and sanitises it).

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{self, use_api};
use crate::i18n::{Key, use_i18n};
use crate::pages::error_text;

/// What the Preview tab shows.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Preview {
    Loading,
    Html(String),
    Failed(String),
}

/// A tab of the field: its button, and the panel it shows.
#[component]
fn Tab(
    id: &'static str,
    panel: &'static str,
    label: Key,
    selected: Signal<bool>,
    on_select: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <button
            type="button"
            role="tab"
            class="tab"
            id=id
            aria-controls=panel
            aria-selected=move || selected.get().to_string()
            tabindex=move || if selected.get() { "0" } else { "-1" }
            on:click=move |_| on_select.run(())
        >
            {i18n.tx(label)}
        </button>
    }
}

/// The labelled textarea of the text, its Write and Preview tabs, its hint and errors.
#[component]
pub fn MarkdownField(
    value: RwSignal<String>,
    /// The control's id (its label and the form's focus on an error name it).
    id: &'static str,
    label: Key,
    #[prop(into)] invalid: Signal<bool>,
    /// The field's errors, under it.
    errors: AnyView,
) -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let previewing = RwSignal::new(false);
    let preview = RwSignal::new(Preview::Loading);
    let asked = StoredValue::new(0u64);

    let write = Callback::new(move |()| previewing.set(false));
    let show_preview = Callback::new(move |()| {
        previewing.set(true);
        let markdown = value.get_untracked();
        if markdown.trim().is_empty() {
            preview.set(Preview::Html(String::new()));
            return;
        }
        preview.set(Preview::Loading);
        asked.update_value(|n| *n += 1);
        let mine = asked.get_value();
        spawn_local(async move {
            let shown = match api::knowledge::preview(api, &markdown).await {
                Ok(html) => Preview::Html(html),
                Err(error) => Preview::Failed(error_text(i18n, &error)),
            };
            // Only the answer to the last request.
            if asked.try_get_value() == Some(mine) {
                let _ = preview.try_set(shown);
            }
        });
    });
    let on_preview = Signal::derive(move || previewing.get());
    let on_write = Signal::derive(move || !previewing.get());
    let panel = move || match preview.get() {
        Preview::Loading => view! { <p class="muted">{i18n.tx(Key::Loading)}</p> }.into_any(),
        Preview::Failed(message) => view! { <p class="field-error">{message}</p> }.into_any(),
        Preview::Html(html) if html.trim().is_empty() => {
            view! { <p class="muted">{i18n.tx(Key::PreviewEmpty)}</p> }.into_any()
        }
        Preview::Html(html) => view! { <div class="markdown" inner_html=html></div> }.into_any(),
    };
    let hint_id = format!("{id}-hint");
    view! {
        <div class="field field-wide">
            <div class="tabbed-label">
                <label for=id>{i18n.tx(label)}</label>
                <div class="tabs" role="tablist" aria-label=i18n.tx(label)>
                    <Tab id="rf-write-tab" panel="rf-write" label=Key::WriteTab selected=on_write on_select=write />
                    <Tab id="rf-preview-tab" panel="rf-preview" label=Key::PreviewTab selected=on_preview on_select=show_preview />
                </div>
            </div>
            <div id="rf-write" role="tabpanel" aria-labelledby="rf-write-tab" hidden=move || previewing.get()>
                <textarea
                    id=id
                    rows="12"
                    bind:value=value
                    aria-invalid=move || invalid.get().then_some("true")
                    aria-describedby=hint_id.clone()
                ></textarea>
                <p class="hint" id=hint_id>{i18n.tx(Key::MarkdownHint)}</p>
            </div>
            <div
                id="rf-preview"
                role="tabpanel"
                class="preview"
                aria-labelledby="rf-preview-tab"
                aria-live="polite"
                data-testid="markdown-preview"
                hidden=move || !previewing.get()
            >
                {panel}
            </div>
            {errors}
        </div>
    }
}
