//! `/login`: e-mail and password; once signed in, goes to the page the member was sent here
//! from (`?next=`), or to `/`.

use std::time::Duration;

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use pioneer_domain::auth::LoginRequest;

use crate::api::{ApiError, use_api};
use crate::i18n::{Key, LangSwitcher, use_i18n};
use crate::pages::dynamic;
use crate::router::use_router;

/// Why the last attempt failed, kept apart from its wording so that it follows the language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Failure {
    InvalidCredentials,
    RateLimited(u64),
    Unreachable,
    Other,
}

impl From<ApiError> for Failure {
    fn from(error: ApiError) -> Self {
        match error {
            ApiError::Status { status: 401, .. } => Failure::InvalidCredentials,
            ApiError::Status {
                status: 429,
                retry_after,
                ..
            } => Failure::RateLimited(retry_after.unwrap_or(60)),
            ApiError::Network(_) => Failure::Unreachable,
            _ => Failure::Other,
        }
    }
}

#[component]
pub fn LoginPage() -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let router = use_router();

    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let failure = RwSignal::new(None::<Failure>);
    let pending = RwSignal::new(false);

    // Signed in (just now, or by a stored session): on to the page asked for, or home.
    Effect::new(move |_| {
        if api.signed_in() {
            router.navigate(&router.after_login(), true);
        }
    });

    // After a 429 the wait counts down each second; the form opens again at zero.
    let ticker = StoredValue::new(None::<IntervalHandle>);
    let stop_countdown = move || {
        if let Some(handle) = ticker.get_value() {
            handle.clear();
            ticker.set_value(None);
        }
    };
    let start_countdown = move || {
        stop_countdown();
        let tick = move || {
            failure.update(|f| match f {
                Some(Failure::RateLimited(seconds)) if *seconds > 1 => *seconds -= 1,
                Some(Failure::RateLimited(_)) => *f = None,
                _ => {}
            });
            if !matches!(failure.get_untracked(), Some(Failure::RateLimited(_))) {
                stop_countdown();
            }
        };
        ticker.set_value(set_interval_with_handle(tick, Duration::from_secs(1)).ok());
    };
    on_cleanup(stop_countdown);
    let waiting = move || matches!(failure.get(), Some(Failure::RateLimited(_)));

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked()
            || matches!(failure.get_untracked(), Some(Failure::RateLimited(_)))
        {
            return;
        }
        pending.set(true);
        failure.set(None);
        let request = LoginRequest {
            email: email.get_untracked().trim().to_owned(),
            password: password.get_untracked(),
        };
        spawn_local(async move {
            if let Err(error) = api.login(&request).await {
                let error = Failure::from(error);
                failure.set(Some(error));
                password.set(String::new());
                if matches!(error, Failure::RateLimited(_)) {
                    start_countdown();
                }
            }
            pending.set(false);
        });
    };

    let failure_text = move || {
        failure.get().map(|f| match f {
            Failure::InvalidCredentials => i18n.t(Key::InvalidCredentials).to_owned(),
            Failure::RateLimited(seconds) => {
                i18n.fmt(Key::RateLimited, &[("seconds", &seconds.to_string())])
            }
            Failure::Unreachable => i18n.t(Key::NetworkError).to_owned(),
            Failure::Other => i18n.t(Key::GenericError).to_owned(),
        })
    };

    view! {
        <div class="login-layout">
            <div class="login-top">
                <LangSwitcher id="lang-login" />
            </div>
            <main id="main" class="login-card">
                <p class="brand brand-large">
                    <span class="brand-mark" aria-hidden="true"></span>
                    {i18n.tx(Key::AppName)}
                </p>
                <p class="login-tagline">{i18n.tx(Key::AppTagline)}</p>
                <h1>{i18n.tx(Key::LoginTitle)}</h1>
                <form on:submit=submit novalidate>
                    {dynamic(move || {
                        failure_text()
                            .map(|text| {
                                view! {
                                    <p class="alert alert-error" role="alert" data-testid="login-error">
                                        {text}
                                    </p>
                                }
                            })
                    })}
                    <div class="field">
                        <label for="login-email">{i18n.tx(Key::Email)}</label>
                        <input
                            id="login-email"
                            name="email"
                            type="email"
                            autocomplete="username"
                            required
                            bind:value=email
                        />
                    </div>
                    <div class="field">
                        <label for="login-password">{i18n.tx(Key::Password)}</label>
                        <input
                            id="login-password"
                            name="password"
                            type="password"
                            autocomplete="current-password"
                            required
                            bind:value=password
                        />
                    </div>
                    <button type="submit" class="button button-primary button-wide" disabled=move || { pending.get() || waiting() }>
                        {dynamic(move || i18n.t(if pending.get() { Key::SigningIn } else { Key::SignIn }))}
                    </button>
                </form>
            </main>
        </div>
    }
}
