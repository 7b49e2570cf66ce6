//! `/api-tokens`: a member's long-lived tokens for integrations; the secret is shown once,
//! right after creation.

use chrono::{DateTime, NaiveDate, Utc};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use pioneer_domain::FieldError;
use pioneer_domain::auth::{ApiToken, NewApiToken};

use super::{ErrorAlert, error_text};
use crate::api::{self, ApiError, use_api};
use crate::components::{DataTable, Row};
use crate::i18n::{Key, use_i18n};
use crate::loader::Loader;
use crate::pages::dynamic;

/// The end of the chosen day (UTC), from a date input's `YYYY-MM-DD`.
fn end_of_day(raw: &str) -> Option<DateTime<Utc>> {
    let mut parts = raw.trim().splitn(3, '-').map(str::parse::<u32>);
    let (Some(Ok(year)), Some(Ok(month)), Some(Ok(day))) =
        (parts.next(), parts.next(), parts.next())
    else {
        return None;
    };
    let year = i32::try_from(year).ok()?;
    Some(
        NaiveDate::from_ymd_opt(year, month, day)?
            .and_hms_opt(23, 59, 59)?
            .and_utc(),
    )
}

#[component]
pub fn ApiTokensPage() -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let reload = RwSignal::new(0_u32);
    let failure = RwSignal::new(None::<ApiError>);

    let tokens = Loader::new(move || {
        reload.track();
        api::api_tokens::list(api)
    });

    let revoke = move |token: ApiToken| {
        let question = i18n.fmt(Key::RevokeConfirm, &[("name", &token.name)]);
        let confirmed = web_sys::window()
            .and_then(|w| w.confirm_with_message(&question).ok())
            .unwrap_or(false);
        if !confirmed {
            return;
        }
        failure.set(None);
        spawn_local(async move {
            match api::api_tokens::revoke(api, token.id).await {
                Ok(()) => reload.update(|n| *n += 1),
                Err(error) => failure.set(Some(error)),
            }
        });
    };

    let list = move || {
        let page = match tokens.get() {
            None => return view! { <p class="muted">{i18n.tx(Key::Loading)}</p> }.into_any(),
            Some(Err(error)) => {
                return view! { <ErrorAlert message=error_text(i18n, &error) /> }.into_any();
            }
            Some(Ok(page)) => page,
        };
        if page.items.is_empty() {
            return view! { <p class="muted">{i18n.tx(Key::Empty)}</p> }.into_any();
        }
        let rows = page
            .items
            .into_iter()
            .map(|token| {
                let label = i18n.fmt(Key::RevokeNamed, &[("name", &token.name)]);
                let never = i18n.t(Key::Never).to_owned();
                let expires = token
                    .expires_at
                    .as_ref()
                    .map(|at| i18n.date(at))
                    .unwrap_or_else(|| never.clone());
                let last_used = token
                    .last_used_at
                    .as_ref()
                    .map(|at| i18n.date(at))
                    .unwrap_or(never);
                let created = i18n.date(&token.created_at);
                let name = token.name.clone();
                let revoke_button = view! {
                    <button
                        type="button"
                        class="button button-small button-danger"
                        aria-label=label
                        on:click=move |_| revoke(token.clone())
                    >
                        {i18n.t(Key::Revoke)}
                    </button>
                };
                vec![
                    name.into_any(),
                    created.into_any(),
                    expires.into_any(),
                    last_used.into_any(),
                    revoke_button.into_any(),
                ]
            })
            .collect::<Vec<Row>>();
        view! {
            <DataTable
                testid="tokens-table"
                caption=Key::ApiTokensTitle
                columns=vec![Key::TokenName, Key::CreatedOn, Key::Expires, Key::LastUsed, Key::Actions]
                rows=rows
            />
        }
        .into_any()
    };

    view! {
        <section class="page">
            <h1>{i18n.tx(Key::ApiTokensTitle)}</h1>
            <p class="lead">{i18n.tx(Key::ApiTokensIntro)}</p>
            {dynamic(move || failure.get().map(|e| view! { <ErrorAlert message=error_text(i18n, &e) /> }))}
            <NewTokenForm on_created=move || reload.update(|n| *n += 1) />
            {dynamic(list)}
        </section>
    }
}

#[component]
fn NewTokenForm(on_created: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let name = RwSignal::new(String::new());
    let expires = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let failure = RwSignal::new(None::<ApiError>);
    let created = RwSignal::new(None::<ApiToken>);
    let copied = RwSignal::new(false);
    let pending = RwSignal::new(false);

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        failure.set(None);
        let token_name = name.get_untracked().trim().to_owned();
        let raw_expiry = expires.get_untracked();
        let mut problems = Vec::new();
        if token_name.is_empty() {
            problems.push(FieldError::new("name", "required", "name is required"));
        }
        let expires_at = if raw_expiry.trim().is_empty() {
            None
        } else {
            let parsed = end_of_day(&raw_expiry);
            if parsed.is_none() {
                problems.push(FieldError::new(
                    "expires_at",
                    "invalid_format",
                    "not a date",
                ));
            }
            parsed
        };
        errors.set(problems.clone());
        if !problems.is_empty() {
            return;
        }
        pending.set(true);
        let request = NewApiToken {
            name: token_name,
            expires_at,
            // The server's default: reading.
            scopes: None,
        };
        spawn_local(async move {
            match api::api_tokens::create(api, &request).await {
                Ok(token) => {
                    copied.set(false);
                    created.set(Some(token));
                    name.set(String::new());
                    expires.set(String::new());
                    on_created();
                }
                Err(error) if !error.field_errors().is_empty() => errors.set(error.field_errors()),
                Err(error) => failure.set(Some(error)),
            }
            pending.set(false);
        });
    };

    let copy = move |secret: String| {
        if let Some(window) = web_sys::window() {
            let _ = window.navigator().clipboard().write_text(&secret);
            copied.set(true);
        }
    };

    let error_of = move |field: &'static str| {
        move || {
            errors.with(|es| {
                es.iter()
                    .find(|e| e.field == field)
                    .map(|e| i18n.field_error(e))
            })
        }
    };

    let secret_panel = move || {
        let token = created.get()?;
        let secret = token.token.clone().unwrap_or_default();
        let secret_for_copy = secret.clone();
        Some(view! {
            <div class="panel panel-secret" role="status" data-testid="token-secret-panel">
                <h3>{i18n.fmt(Key::TokenCreated, &[("name", &token.name)])}</h3>
                <p>{i18n.tx(Key::TokenShownOnce)}</p>
                <pre class="secret"><code data-testid="token-secret">{secret}</code></pre>
                <div class="form-actions">
                    <button type="button" class="button" on:click=move |_| copy(secret_for_copy.clone())>
                        {dynamic(move || i18n.t(if copied.get() { Key::Copied } else { Key::Copy }))}
                    </button>
                    <button type="button" class="button button-quiet" on:click=move |_| created.set(None)>
                        {i18n.tx(Key::Dismiss)}
                    </button>
                </div>
            </div>
        })
    };

    view! {
        {dynamic(secret_panel)}
        <section class="panel" aria-labelledby="new-token-title">
            <h2 id="new-token-title">{i18n.tx(Key::NewTokenTitle)}</h2>
            {dynamic(move || failure.get().map(|e| view! { <ErrorAlert message=error_text(i18n, &e) /> }))}
            <form on:submit=submit novalidate class="form-inline">
                <div class="field">
                    <label for="token-name">{i18n.tx(Key::TokenName)}</label>
                    <input
                        id="token-name"
                        type="text"
                        autocomplete="off"
                        bind:value=name
                        aria-describedby="token-name-hint"
                        aria-invalid=move || error_of("name")().is_some().then_some("true")
                    />
                    <p class="hint" id="token-name-hint">{i18n.tx(Key::TokenNameHint)}</p>
                    {dynamic(move || error_of("name")().map(|t| view! { <p class="field-error">{t}</p> }))}
                </div>
                <div class="field">
                    <label for="token-expires">{i18n.tx(Key::ExpiresOn)}</label>
                    <input
                        id="token-expires"
                        type="date"
                        bind:value=expires
                        aria-invalid=move || error_of("expires_at")().is_some().then_some("true")
                    />
                    {dynamic(move || error_of("expires_at")().map(|t| view! { <p class="field-error">{t}</p> }))}
                </div>
                <div class="form-actions">
                    <button type="submit" class="button button-primary" disabled=pending>
                        {i18n.tx(Key::CreateToken)}
                    </button>
                </div>
            </form>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_input_means_the_end_of_that_day_in_utc() {
        let at = end_of_day("2026-12-31").expect("valid date");
        assert_eq!(at.to_rfc3339(), "2026-12-31T23:59:59+00:00");
        assert_eq!(end_of_day("2026-02-30"), None);
        assert_eq!(end_of_day("tomorrow"), None);
    }
}
