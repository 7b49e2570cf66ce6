//! The controls every document editor is made of: a labelled field saved on change, and its
//! errors by path (`actions.<id>.end_month`), for roadmaps and reports alike.
//!
//! The errors live in the document's [`Drafts`](super::Drafts), which provides them to the
//! page as a [`FieldErrorList`]: these components know no document kind, so they are compiled
//! once for every kind.

use leptos::prelude::*;
use pioneer_domain::FieldError;

use crate::i18n::{Key, use_i18n};
use crate::pages::dynamic;

/// The field problems of the document being edited, by full path (a context).
#[derive(Debug, Clone, Copy)]
pub struct FieldErrorList(pub RwSignal<Vec<FieldError>>);

impl FieldErrorList {
    /// The problems of the field at `path` (its own and those of its sub-fields), tracked.
    pub fn at(self, path: &str) -> Vec<FieldError> {
        self.0.with(|errors| {
            errors
                .iter()
                .filter(|e| e.field == path || e.field.starts_with(&format!("{path}.")))
                .cloned()
                .collect()
        })
    }

    /// Puts the problems of a local check at their paths (`prefix` + each field), after
    /// clearing those that `fields` had; true when there are none.
    pub fn check(self, prefix: &str, fields: &[&str], result: Result<(), Vec<FieldError>>) -> bool {
        let paths: Vec<String> = fields.iter().map(|f| format!("{prefix}{f}")).collect();
        self.0.update(|errors| {
            errors.retain(|e| {
                !paths
                    .iter()
                    .any(|p| e.field == *p || e.field.starts_with(&format!("{p}.")))
            });
        });
        match result {
            Ok(()) => true,
            Err(problems) => {
                self.0.update(|errors| {
                    errors.extend(problems.into_iter().map(|mut e| {
                        e.field = format!("{prefix}{}", e.field);
                        e
                    }));
                });
                false
            }
        }
    }
}

/// The field errors of the document of the page (provided by its `Drafts`).
pub fn use_field_errors() -> FieldErrorList {
    expect_context::<FieldErrorList>()
}

/// The field errors at `path`, in the current language.
#[component]
pub fn FieldErrors(#[prop(into)] path: String, #[prop(into)] id: String) -> impl IntoView {
    let errors = use_field_errors();
    let i18n = use_i18n();
    dynamic(move || {
        let errors = errors.at(&path);
        (!errors.is_empty()).then(|| {
            view! {
                <div id=id.clone()>
                    {errors
                        .iter()
                        .map(|e| view! { <p class="field-error">{i18n.field_error(e)}</p> })
                        .collect_view()}
                </div>
            }
        })
    })
}

/// `aria-invalid` and `aria-describedby` of the control whose errors are at `path`.
pub fn invalid_attrs(
    path: String,
    error_id: String,
) -> (
    impl Fn() -> Option<&'static str> + Send + Sync + 'static,
    impl Fn() -> Option<String> + Send + Sync + 'static,
) {
    let errors = use_field_errors();
    let invalid = {
        let path = path.clone();
        move || (!errors.at(&path).is_empty()).then_some("true")
    };
    let described = move || (!errors.at(&path).is_empty()).then(|| error_id.clone());
    (invalid, described)
}

/// A labelled input (or textarea) saved on change.
#[component]
pub fn Field(
    /// The element id, unique in the page.
    #[prop(into)]
    id: String,
    label: Key,
    /// The error path, e.g. `actions.<id>.end_month`.
    #[prop(into)]
    path: String,
    #[prop(into)] value: Signal<String>,
    on_commit: Callback<String>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] multiline: bool,
    #[prop(optional)] wide: bool,
    #[prop(optional_no_strip)] inputmode: Option<&'static str>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error_id = format!("{id}-error");
    let (invalid, described) = invalid_attrs(path.clone(), error_id.clone());
    let control = if multiline {
        view! {
            <textarea
                id=id.clone()
                rows="4"
                prop:value=move || value.get()
                aria-invalid=invalid
                aria-describedby=described
                on:change=move |ev| on_commit.run(event_target_value(&ev))
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                id=id.clone()
                type=kind
                inputmode=inputmode
                prop:value=move || value.get()
                aria-invalid=invalid
                aria-describedby=described
                on:change=move |ev| on_commit.run(event_target_value(&ev))
            />
        }
        .into_any()
    };
    view! {
        <div class=if wide { "field field-wide" } else { "field" }>
            <label for=id.clone()>{i18n.tx(label)}</label>
            {control}
            <FieldErrors path=path id=error_id />
        </div>
    }
}
