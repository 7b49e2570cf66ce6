//! What the forms of the membership pages share: a field's error under it, the pager of a
//! long list, and the new-password pair of the invitation and reset pages.

use leptos::prelude::*;
use pioneer_domain::FieldError;

use crate::i18n::{I18n, Key, use_i18n};

/// The shortest password the server accepts.
pub const MIN_PASSWORD_CHARS: usize = 10;

/// The errors of a form, by field (the server's names: `focal_point.email`…).
pub type Errors = RwSignal<Vec<FieldError>>;

/// Whether `errors` has one for `field`.
pub fn has_error(errors: &[FieldError], field: &str) -> bool {
    errors.iter().any(|e| e.field == field)
}

/// The error of `field` among `errors`, under its control (`id`: what the control's
/// `aria-describedby` names).
pub fn field_message(
    i18n: I18n,
    errors: Errors,
    field: &'static str,
    id: impl Into<String>,
) -> impl Fn() -> Option<AnyView> + Send + Sync + 'static {
    let id: String = id.into();
    move || {
        errors.with(|errs| {
            errs.iter().find(|e| e.field == field).map(|e| {
                view! { <p class="field-error" id=id.clone()>{i18n.field_error(e)}</p> }.into_any()
            })
        })
    }
}

/// `aria-invalid` of the control of `field`.
pub fn is_invalid(
    errors: Errors,
    field: &'static str,
) -> impl Fn() -> Option<&'static str> + Send + Sync + 'static {
    move || errors.with(|e| has_error(e, field)).then_some("true")
}

/// `aria-describedby` of the control of `field`: its error's id while it has one.
pub fn described_by(
    errors: Errors,
    field: &'static str,
    id: impl Into<String>,
) -> impl Fn() -> Option<String> + Send + Sync + 'static {
    let id: String = id.into();
    move || errors.with(|e| has_error(e, field)).then(|| id.clone())
}

/// A wait of `seconds` in whole minutes, at least one (for the messages of a 429).
pub fn minutes(seconds: u64) -> u64 {
    seconds.div_ceil(60).max(1)
}

/// The problems of a new password and its confirmation, before anything is sent.
pub fn check_new_password(password: &str, confirm: &str) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if password.chars().count() < MIN_PASSWORD_CHARS {
        errors.push(FieldError::new(
            "password",
            "too_short",
            "at least 10 characters",
        ));
    } else if password != confirm {
        errors.push(FieldError::new(
            "confirm",
            "mismatch",
            "the passwords differ",
        ));
    }
    errors
}

/// A new password and its confirmation, with their errors (`password`, `confirm`).
#[component]
pub fn NewPasswordFields(
    /// The prefix of the controls' ids.
    id: &'static str,
    password: RwSignal<String>,
    confirm: RwSignal<String>,
    errors: Errors,
) -> impl IntoView {
    let i18n = use_i18n();
    let password_id = format!("{id}-password");
    let confirm_id = format!("{id}-confirm");
    let hint_id = format!("{id}-password-hint");
    let password_error = move || {
        errors.with(|errs| {
            errs.iter()
                .find(|e| e.field == "password")
                .map(|e| i18n.field_error(e))
        })
    };
    let confirm_error = move || {
        errors.with(|errs| {
            errs.iter()
                .find(|e| e.field == "confirm")
                .map(|_| i18n.t(Key::PasswordsDiffer))
        })
    };
    let password_error_id = format!("{id}-password-error");
    let confirm_error_id = format!("{id}-confirm-error");
    let password_described = {
        let (hint, error) = (hint_id.clone(), password_error_id.clone());
        move || {
            if errors.with(|e| has_error(e, "password")) {
                format!("{hint} {error}")
            } else {
                hint.clone()
            }
        }
    };
    let confirm_described = {
        let error = confirm_error_id.clone();
        move || {
            errors
                .with(|e| has_error(e, "confirm"))
                .then(|| error.clone())
        }
    };
    view! {
        <div class="field">
            <label for=password_id.clone()>{i18n.tx(Key::NewPassword)}</label>
            <input
                id=password_id
                type="password"
                autocomplete="new-password"
                minlength="10"
                required
                bind:value=password
                aria-invalid=is_invalid(errors, "password")
                aria-describedby=password_described
            />
            <p class="hint" id=hint_id>{i18n.tx(Key::PasswordHint)}</p>
            {move || password_error().map(|m| view! { <p class="field-error" id=password_error_id.clone()>{m}</p> })}
        </div>
        <div class="field">
            <label for=confirm_id.clone()>{i18n.tx(Key::ConfirmPassword)}</label>
            <input
                id=confirm_id
                type="password"
                autocomplete="new-password"
                required
                bind:value=confirm
                aria-invalid=is_invalid(errors, "confirm")
                aria-describedby=confirm_described
            />
            {move || confirm_error().map(|m| view! { <p class="field-error" id=confirm_error_id.clone()>{m}</p> })}
        </div>
    }
}

/// Previous and next for a list the server pages.
#[component]
pub fn Pager(
    page: RwSignal<u64>,
    /// How many items the list has in all.
    #[prop(into)]
    total: Signal<u64>,
    per_page: u64,
) -> impl IntoView {
    let i18n = use_i18n();
    let pages = move || total.get().div_ceil(per_page).max(1);
    view! {
        <Show when=move || { pages() > 1 }>
            <nav class="pager" aria-label=i18n.tx(Key::Pagination)>
                <button
                    type="button"
                    class="button button-small"
                    disabled=move || page.get() <= 1
                    on:click=move |_| page.update(|p| *p = p.saturating_sub(1).max(1))
                >
                    {i18n.tx(Key::Previous)}
                </button>
                <span>
                    {move || {
                        i18n.fmt(
                            Key::PageOf,
                            &[("page", &page.get().to_string()), ("pages", &pages().to_string())],
                        )
                    }}
                </span>
                <button
                    type="button"
                    class="button button-small"
                    disabled=move || page.get() >= pages()
                    on:click=move |_| page.update(|p| *p += 1)
                >
                    {i18n.tx(Key::Next)}
                </button>
            </nav>
        </Show>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_password_is_long_enough_and_typed_twice_alike() {
        assert_eq!(check_new_password("short", "short")[0].field, "password");
        assert_eq!(
            check_new_password("long enough!", "long enough?")[0].field,
            "confirm"
        );
        assert!(check_new_password("long enough!", "long enough!").is_empty());
        assert_eq!(minutes(1), 1);
        assert_eq!(minutes(61), 2);
        assert_eq!(minutes(0), 1);
    }
}
