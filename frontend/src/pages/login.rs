//! `/login`: e-mail and password, then a code from the authenticator app when two-factor
//! sign-in is on; once signed in, goes to the page the member was sent here from (`?next=`), or
//! to `/`.

use std::time::Duration;

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use pioneer_domain::ErrorCode;
use pioneer_domain::auth::LoginRequest;

use crate::api::{ApiError, LoginStep, use_api};
use crate::i18n::{Key, LangSwitcher, use_i18n};
use crate::pages::{dynamic, focus_id};
use crate::router::use_router;

/// Why the last attempt failed, kept apart from its wording so that it follows the language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Failure {
    InvalidCredentials,
    /// The second step's code is wrong, expired or already used.
    InvalidCode,
    /// The second step waited too long: back to the password.
    ChallengeExpired,
    RateLimited(u64),
    Unreachable,
    Other,
}

impl From<ApiError> for Failure {
    fn from(error: ApiError) -> Self {
        match error {
            ApiError::Status {
                code: ErrorCode::InvalidTotpCode,
                ..
            } => Failure::InvalidCode,
            ApiError::Status {
                code: ErrorCode::InvalidChallenge,
                ..
            } => Failure::ChallengeExpired,
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
    // The second step: the challenge a right password got, and the code typed for it.
    let challenge = RwSignal::new(None::<String>);
    let code = RwSignal::new(String::new());

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
            match api.login(&request).await {
                Ok(LoginStep::SignedIn) => {}
                Ok(LoginStep::CodeNeeded(issued)) => {
                    password.set(String::new());
                    code.set(String::new());
                    challenge.set(Some(issued));
                    focus_id("login-code");
                }
                Err(error) => {
                    let error = Failure::from(error);
                    failure.set(Some(error));
                    password.set(String::new());
                    if matches!(error, Failure::RateLimited(_)) {
                        start_countdown();
                    }
                }
            }
            pending.set(false);
        });
    };

    let submit_code = move |ev: SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked()
            || matches!(failure.get_untracked(), Some(Failure::RateLimited(_)))
        {
            return;
        }
        let Some(issued) = challenge.get_untracked() else {
            return;
        };
        let typed = code.get_untracked();
        if typed.trim().is_empty() {
            failure.set(Some(Failure::InvalidCode));
            focus_id("login-code");
            return;
        }
        pending.set(true);
        failure.set(None);
        spawn_local(async move {
            if let Err(error) = api.login_totp(&issued, &typed).await {
                let error = Failure::from(error);
                failure.set(Some(error));
                code.set(String::new());
                match error {
                    Failure::RateLimited(_) => start_countdown(),
                    Failure::ChallengeExpired => {
                        challenge.set(None);
                        focus_id("login-password");
                    }
                    _ => focus_id("login-code"),
                }
            }
            pending.set(false);
        });
    };

    let back_to_password = move |_| {
        challenge.set(None);
        code.set(String::new());
        if !waiting_now(failure) {
            failure.set(None);
        }
    };

    let failure_text = move || {
        failure.get().map(|f| match f {
            Failure::InvalidCredentials => i18n.t(Key::InvalidCredentials).to_owned(),
            Failure::InvalidCode => i18n.t(Key::TotpInvalidCode).to_owned(),
            Failure::ChallengeExpired => i18n.t(Key::TotpChallengeExpired).to_owned(),
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
                {dynamic(move || {
                    challenge.with(Option::is_some).then(|| view! {
                        <form on:submit=submit_code novalidate data-testid="login-code-form">
                            {dynamic(move || {
                                // The code's own error is shown at the field.
                                failure_text()
                                    .filter(|_| failure.get() != Some(Failure::InvalidCode))
                                    .map(|text| view! {
                                        <p class="alert alert-error" role="alert" data-testid="login-error">{text}</p>
                                    })
                            })}
                            <div class="field">
                                <label for="login-code">{i18n.tx(Key::TotpCodeLabel)}</label>
                                <input
                                    id="login-code"
                                    name="code"
                                    type="text"
                                    autocomplete="one-time-code"
                                    autocapitalize="none"
                                    spellcheck="false"
                                    maxlength="32"
                                    required
                                    aria-describedby="login-code-hint"
                                    aria-invalid=move || (failure.get() == Some(Failure::InvalidCode)).then_some("true")
                                    bind:value=code
                                />
                                <p class="hint" id="login-code-hint">{i18n.tx(Key::TotpCodeHint)}</p>
                                {dynamic(move || {
                                    (failure.get() == Some(Failure::InvalidCode)).then(|| view! {
                                        <p class="field-error" role="alert" data-testid="login-code-error">
                                            {i18n.t(Key::TotpInvalidCode)}
                                        </p>
                                    })
                                })}
                            </div>
                            <button type="submit" class="button button-primary button-wide" disabled=move || { pending.get() || waiting() }>
                                {dynamic(move || i18n.t(if pending.get() { Key::SigningIn } else { Key::TotpVerify }))}
                            </button>
                            <button type="button" class="button button-quiet button-wide" on:click=back_to_password>
                                {i18n.tx(Key::TotpBackToPassword)}
                            </button>
                        </form>
                    })
                })}
                <form on:submit=submit novalidate hidden=move || challenge.with(Option::is_some)>
                    {dynamic(move || {
                        failure_text()
                            .filter(|_| challenge.with(Option::is_none))
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
                <p class="login-links" hidden=move || challenge.with(Option::is_some)>
                    <a href="/forgot-password" data-testid="forgot-password-link">{i18n.tx(Key::ForgotPasswordLink)}</a>
                </p>
                <p class="login-links">
                    <a href="/join" data-testid="join-link">{i18n.tx(Key::JoinLink)}</a>
                </p>
                <p class="login-links">
                    <a href="/knowledge" data-testid="knowledge-link">{i18n.tx(Key::BrowseKnowledge)}</a>
                </p>
            </main>
        </div>
    }
}

/// Whether a 429's countdown is running (it survives going back to the password).
fn waiting_now(failure: RwSignal<Option<Failure>>) -> bool {
    matches!(failure.get_untracked(), Some(Failure::RateLimited(_)))
}
