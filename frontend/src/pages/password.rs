//! `/forgot-password` (public): asks for a link to choose a new password; the answer is the same
//! whether the address is a member's or not. `/reset-password/<token>`: the link of that mail.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use pioneer_domain::FieldError;
use pioneer_domain::membership::invitation::{NewPassword, PasswordResetRequest};

use crate::api::{self, ApiError, use_api};
use crate::i18n::{Key, use_i18n};
use crate::pages::form::{
    Errors, NewPasswordFields, check_new_password, described_by, field_message, is_invalid, minutes,
};
use crate::pages::invitation::{LinkProblem, link_problem, use_token};
use crate::pages::{ErrorAlert, dynamic, error_text};
use crate::router::Route;

#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let email = RwSignal::new(String::new());
    let errors: Errors = RwSignal::new(Vec::new());
    let failure = RwSignal::new(None::<String>);
    let sent = RwSignal::new(false);
    let pending = RwSignal::new(false);

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let address = email.get_untracked().trim().to_owned();
        if address.is_empty() || !address.contains('@') {
            let code = if address.is_empty() {
                "required"
            } else {
                "invalid_format"
            };
            errors.set(vec![FieldError::new("email", code, "e-mail")]);
            return;
        }
        errors.set(Vec::new());
        failure.set(None);
        pending.set(true);
        let request = PasswordResetRequest {
            email: address,
            language: Some(i18n.lang().code().to_owned()),
        };
        spawn_local(async move {
            match api::membership::password_resets::request(api, &request).await {
                Ok(()) => sent.set(true),
                Err(ApiError::Status {
                    status: 429,
                    retry_after,
                    ..
                }) => failure.set(Some(i18n.fmt(
                    Key::TryAgainInMinutes,
                    &[("minutes", &minutes(retry_after.unwrap_or(60)).to_string())],
                ))),
                Err(error) if !error.field_errors().is_empty() => errors.set(error.field_errors()),
                Err(error) => failure.set(Some(error_text(i18n, &error))),
            }
            pending.set(false);
        });
    };

    view! {
        <section class="page narrow" data-testid="forgot-password">
            <h1>{i18n.tx(Key::ForgotPasswordTitle)}</h1>
            <Show
                when=move || !sent.get()
                fallback=move || view! {
                    <div class="alert alert-ok" role="status" data-testid="reset-requested">
                        <p>{i18n.tx(Key::ResetRequested)}</p>
                        <p><a href="/login">{i18n.tx(Key::GoToSignIn)}</a></p>
                    </div>
                }
            >
                <p class="lead">{i18n.tx(Key::ForgotPasswordIntro)}</p>
                <form class="panel" on:submit=submit novalidate>
                    {dynamic(move || failure.get().map(|m| view! { <ErrorAlert message=m /> }))}
                    <div class="field">
                        <label for="forgot-email">{i18n.tx(Key::Email)}</label>
                        <input
                            id="forgot-email"
                            type="email"
                            autocomplete="username"
                            required
                            bind:value=email
                            aria-invalid=is_invalid(errors, "email")
                            aria-describedby=described_by(errors, "email", "forgot-email-error")
                        />
                        {field_message(i18n, errors, "email", "forgot-email-error")}
                    </div>
                    <div class="form-actions">
                        <button type="submit" class="button button-primary" disabled=move || pending.get()>
                            {i18n.tx(Key::SendResetLink)}
                        </button>
                        <a href="/login">{i18n.tx(Key::BackToSignIn)}</a>
                    </div>
                </form>
            </Show>
        </section>
    }
}

#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let token = use_token(Route::ResetPassword, "/reset-password/");
    let password = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    let errors: Errors = RwSignal::new(Vec::new());
    let failure = RwSignal::new(None::<(String, bool)>);
    let changed = RwSignal::new(false);
    let pending = RwSignal::new(false);

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let problems = check_new_password(&password.get_untracked(), &confirm.get_untracked());
        if !problems.is_empty() {
            errors.set(problems);
            return;
        }
        errors.set(Vec::new());
        failure.set(None);
        let Some(token) = token.get_untracked() else {
            failure.set(Some((i18n.t(Key::LinkUnknown).to_owned(), false)));
            return;
        };
        pending.set(true);
        let body = NewPassword {
            password: password.get_untracked(),
        };
        spawn_local(async move {
            match api::membership::password_resets::reset(api, &token, &body).await {
                Ok(()) => {
                    password.set(String::new());
                    confirm.set(String::new());
                    changed.set(true);
                }
                Err(error) if !error.field_errors().is_empty() => errors.set(error.field_errors()),
                Err(error) => failure.set(Some(link_problem(i18n, &error, Key::ResetExpired))),
            }
            pending.set(false);
        });
    };

    view! {
        <section class="page narrow" data-testid="reset-password">
            <h1>{i18n.tx(Key::ResetPasswordTitle)}</h1>
            <Show
                when=move || !changed.get()
                fallback=move || view! {
                    <div class="alert alert-ok" role="status" data-testid="password-changed">
                        <p>{i18n.tx(Key::PasswordChanged)}</p>
                        <p><a href="/login">{i18n.tx(Key::GoToSignIn)}</a></p>
                    </div>
                }
            >
                <form class="panel" on:submit=submit novalidate>
                    {dynamic(move || failure.get().map(|(message, sign_in)| view! { <LinkProblem message=message sign_in=sign_in /> }))}
                    <NewPasswordFields id="reset" password=password confirm=confirm errors=errors />
                    <div class="form-actions">
                        <button type="submit" class="button button-primary" disabled=move || pending.get()>
                            {i18n.tx(Key::ChangePassword)}
                        </button>
                        <a href="/forgot-password">{i18n.tx(Key::AskNewLink)}</a>
                    </div>
                </form>
            </Show>
        </section>
    }
}
