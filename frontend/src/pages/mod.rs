//! One module per page of the app.

pub mod account;
pub mod api_tokens;
pub mod applications;
pub mod countries;
pub mod country;
pub mod discussions;
pub mod events;
pub mod experts;
pub mod form;
pub mod groups;
pub mod home;
pub mod invitation;
pub mod join;
pub mod knowledge;
pub mod login;
pub mod not_found;
pub mod notifications;
pub mod outbox;
pub mod password;
pub mod public;
pub mod report;
pub mod review_queue;
pub mod roadmap;
pub mod roadmaps;
pub mod users;

use std::sync::{Arc, Mutex};

use leptos::prelude::*;
use leptos::tachys::reactive_graph::SharedReactiveFunction;

use crate::api::ApiError;
use crate::i18n::{I18n, Key};

/// The message to show for a failed call that has no more specific handling.
pub fn error_text(i18n: I18n, error: &ApiError) -> String {
    match error {
        ApiError::Network(_) => i18n.t(Key::NetworkError).to_owned(),
        ApiError::Status {
            code: pioneer_domain::ErrorCode::TotpEnrolmentRequired,
            ..
        } => i18n.t(Key::TotpEnrolmentRequired).to_owned(),
        ApiError::Status { status: 403, .. } => i18n.t(Key::Forbidden).to_owned(),
        _ => i18n.t(Key::GenericError).to_owned(),
    }
}

/// A part of a view that follows signals, behind the one type that every such part shares: the
/// code that keeps it up to date is then compiled once, instead of once per closure.
pub fn dynamic<V: IntoView + 'static>(
    mut view: impl FnMut() -> V + Send + 'static,
) -> SharedReactiveFunction<AnyView> {
    Arc::new(Mutex::new(move || view().into_any()))
}

/// An alert that announces itself to screen readers.
#[component]
pub fn ErrorAlert(message: String) -> impl IntoView {
    view! { <p class="alert alert-error" role="alert">{message}</p> }
}

/// Moves the keyboard focus to the element with `id`, if it is there.
pub fn focus_id(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(element) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}

/// Asks the member to confirm (a delete, say); false when the browser cannot ask.
pub fn confirm(text: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.confirm_with_message(text).ok())
        .unwrap_or(false)
}

/// Folds case and the accents of Latin letters, so that "Émirats" sorts with the E's.
pub fn sort_key(name: &str) -> String {
    name.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
            'ç' => 'c',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ñ' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ý' | 'ÿ' => 'y',
            other => other,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::sort_key;

    #[test]
    fn accented_names_sort_with_their_base_letter() {
        let mut names = vec!["Zambie", "Équateur", "Espagne", "Côte d’Ivoire", "Colombie"];
        names.sort_by_cached_key(|n| sort_key(n));
        assert_eq!(
            names,
            ["Colombie", "Côte d’Ivoire", "Équateur", "Espagne", "Zambie"]
        );
    }
}
