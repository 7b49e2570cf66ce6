//! `/account`: who the member is, and their two-factor sign-in: turning it on with an
//! authenticator app (a QR code drawn by the server, or the key typed by hand, then a code to
//! confirm), the recovery codes shown once, and turning it off with a code.
//!
//! A member whose role requires two-factor sign-in (`REQUIRE_TOTP_ROLES` on the server) and who
//! has not turned it on is brought here from every page ([`EnrolmentGate`]) until they have.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use pioneer_domain::ErrorCode;
use pioneer_domain::two_factor::{TotpSetup, TotpStatus};

use super::{ErrorAlert, error_text, focus_id};
use crate::api::{self, Api, ApiError, use_api};
use crate::i18n::{I18n, Key, use_i18n};
use crate::loader::Loader;
use crate::pages::dynamic;

/// True while the member's role requires two-factor sign-in and it is off: the shell keeps them
/// on this page.
#[derive(Debug, Clone, Copy)]
pub struct EnrolmentGate(pub RwSignal<bool>);

/// Creates the gate and asks the server once whether it must close.
pub fn provide_enrolment_gate(api: Api) -> EnrolmentGate {
    let gate = EnrolmentGate(RwSignal::new(false));
    provide_context(gate);
    spawn_local(async move {
        if let Ok(status) = api::two_factor::status(api).await {
            gate.0.set(status.required && !status.enabled);
        }
    });
    gate
}

/// Why a code was refused, kept apart from its wording so that it follows the language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CodeProblem {
    Missing,
    Invalid,
    RateLimited(u64),
}

impl CodeProblem {
    fn of(error: &ApiError) -> Option<Self> {
        match error {
            ApiError::Status {
                code: ErrorCode::InvalidTotpCode,
                ..
            } => Some(Self::Invalid),
            ApiError::Status {
                status: 429,
                retry_after,
                ..
            } => Some(Self::RateLimited(retry_after.unwrap_or(60))),
            _ => None,
        }
    }

    fn text(self, i18n: I18n) -> String {
        match self {
            Self::Missing => i18n.t(Key::ErrRequired).to_owned(),
            Self::Invalid => i18n.t(Key::TotpInvalidCode).to_owned(),
            Self::RateLimited(seconds) => {
                i18n.fmt(Key::RateLimited, &[("seconds", &seconds.to_string())])
            }
        }
    }
}

/// A base32 key in groups of four, easier to type.
fn grouped(secret: &str) -> String {
    secret
        .as_bytes()
        .chunks(4)
        .map(|chunk| String::from_utf8_lossy(chunk).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

#[component]
pub fn AccountPage() -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let user = api.user();

    let facts = move || {
        user.get().map(|user| {
            view! {
                <dl class="account-facts">
                    <dt>{i18n.tx(Key::AccountName)}</dt>
                    <dd>{user.name}</dd>
                    <dt>{i18n.tx(Key::Email)}</dt>
                    <dd>{user.email}</dd>
                    <dt>{i18n.tx(Key::Role)}</dt>
                    <dd>{i18n.role(user.role)}</dd>
                </dl>
            }
        })
    };

    view! {
        <section class="page">
            <h1>{i18n.tx(Key::AccountTitle)}</h1>
            {dynamic(facts)}
            <DigestSection />
            <TwoFactorSection />
        </section>
    }
}

/// The daily e-mail digest of unread notifications, switched on or off.
#[component]
fn DigestSection() -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let on = RwSignal::new(None::<bool>);
    let failure = RwSignal::new(None::<String>);
    let saved = RwSignal::new(false);
    spawn_local(async move {
        match api::notifications::settings(api).await {
            Ok(settings) => {
                let _ = on.try_set(Some(settings.digest));
            }
            Err(error) => {
                let _ = failure.try_set(Some(error_text(i18n, &error)));
            }
        }
    });
    let toggle = move |ev: leptos::ev::Event| {
        let digest = event_target_checked(&ev);
        saved.set(false);
        failure.set(None);
        spawn_local(async move {
            match api::notifications::set_digest(api, digest).await {
                Ok(settings) => {
                    let _ = on.try_set(Some(settings.digest));
                    let _ = saved.try_set(true);
                }
                Err(error) => {
                    let _ = failure.try_set(Some(error_text(i18n, &error)));
                }
            }
        });
    };
    view! {
        <section class="panel" aria-labelledby="digest-title" data-testid="digest-settings">
            <h2 id="digest-title">{i18n.tx(Key::DigestTitle)}</h2>
            {dynamic(move || failure.get().map(|m| view! { <ErrorAlert message=m /> }))}
            <label class="checkbox">
                <input type="checkbox" data-testid="digest-toggle"
                    disabled=move || on.get().is_none()
                    prop:checked=move || on.get().unwrap_or(false)
                    on:change=toggle />
                {i18n.tx(Key::DigestLabel)}
            </label>
            <p class="hint">{i18n.tx(Key::DigestHint)}</p>
            {dynamic(move || saved.get().then(|| view! {
                <p class="hint" role="status">{i18n.tx(Key::DigestSaved)}</p>
            }))}
        </section>
    }
}

#[component]
fn TwoFactorSection() -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let gate = use_context::<EnrolmentGate>();
    let reload = RwSignal::new(0_u32);
    let status = Loader::new(move || {
        reload.track();
        api::two_factor::status(api)
    });
    let setup = RwSignal::new(None::<TotpSetup>);
    let recovery = RwSignal::new(None::<Vec<String>>);
    let copied = RwSignal::new(false);
    let code = RwSignal::new(String::new());
    let code_problem = RwSignal::new(None::<CodeProblem>);
    let failure = RwSignal::new(None::<ApiError>);
    let pending = RwSignal::new(false);

    let start = move |_| {
        if pending.get_untracked() {
            return;
        }
        pending.set(true);
        failure.set(None);
        spawn_local(async move {
            match api::two_factor::start(api).await {
                Ok(answer) => {
                    code.set(String::new());
                    code_problem.set(None);
                    setup.set(Some(answer));
                    focus_id("totp-setup-title");
                }
                Err(error) => failure.set(Some(error)),
            }
            pending.set(false);
        });
    };

    let confirm = move |ev: SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let typed = code.get_untracked();
        if typed.trim().is_empty() {
            code_problem.set(Some(CodeProblem::Missing));
            focus_id("totp-confirm-code");
            return;
        }
        pending.set(true);
        failure.set(None);
        code_problem.set(None);
        spawn_local(async move {
            match api::two_factor::confirm(api, &typed).await {
                Ok(answer) => {
                    setup.set(None);
                    copied.set(false);
                    recovery.set(Some(answer.recovery_codes));
                    if let Some(gate) = gate {
                        gate.0.set(false);
                    }
                    reload.update(|n| *n += 1);
                    focus_id("recovery-codes-title");
                }
                Err(error) => match CodeProblem::of(&error) {
                    Some(problem) => {
                        code_problem.set(Some(problem));
                        code.set(String::new());
                        focus_id("totp-confirm-code");
                    }
                    None => failure.set(Some(error)),
                },
            }
            pending.set(false);
        });
    };

    let copy_codes = move |codes: String| {
        if let Some(window) = web_sys::window() {
            let _ = window.navigator().clipboard().write_text(&codes);
            copied.set(true);
        }
    };

    let recovery_panel = move || {
        let codes = recovery.get()?;
        let for_copy = codes.join("\n");
        let items = codes
            .into_iter()
            .map(|c| view! { <li><code>{c}</code></li> })
            .collect_view();
        Some(view! {
            <div class="panel panel-secret" role="status" data-testid="recovery-codes">
                <h3 id="recovery-codes-title" tabindex="-1">{i18n.tx(Key::TotpRecoveryTitle)}</h3>
                <p class="alert alert-info">{i18n.tx(Key::TotpRecoveryWarning)}</p>
                <ol class="recovery-codes">{items}</ol>
                <div class="form-actions">
                    <button type="button" class="button" on:click=move |_| copy_codes(for_copy.clone())>
                        {dynamic(move || i18n.t(if copied.get() { Key::Copied } else { Key::Copy }))}
                    </button>
                    <button type="button" class="button button-quiet" on:click=move |_| recovery.set(None)>
                        {i18n.tx(Key::TotpRecoverySaved)}
                    </button>
                </div>
            </div>
        })
    };

    let setup_panel = move || {
        let TotpSetup { secret, qr_svg, .. } = setup.get()?;
        Some(view! {
            <div class="totp-setup" data-testid="totp-setup">
                <h3 id="totp-setup-title" tabindex="-1">{i18n.tx(Key::TotpSetupTitle)}</h3>
                <ol class="totp-steps">
                    <li>
                        <p>{i18n.tx(Key::TotpScan)}</p>
                        // An SVG the server drew from the otpauth:// address: generated, not
                        // user content.
                        <div class="totp-qr" role="img" aria-label=i18n.tx(Key::TotpQrLabel) inner_html=qr_svg></div>
                    </li>
                    <li>
                        <p>{i18n.tx(Key::TotpManualEntry)}</p>
                        <p><code class="totp-secret" data-testid="totp-secret">{grouped(&secret)}</code></p>
                    </li>
                    <li>
                        <form on:submit=confirm novalidate>
                            <div class="field">
                                <label for="totp-confirm-code">{i18n.tx(Key::TotpConfirmLabel)}</label>
                                <input
                                    id="totp-confirm-code"
                                    name="code"
                                    type="text"
                                    inputmode="numeric"
                                    autocomplete="one-time-code"
                                    maxlength="7"
                                    aria-invalid=move || code_problem.get().is_some().then_some("true")
                                    aria-describedby="totp-confirm-error"
                                    bind:value=code
                                />
                                <div id="totp-confirm-error">
                                    {dynamic(move || code_problem.get().map(|p| view! {
                                        <p class="field-error" role="alert">{p.text(i18n)}</p>
                                    }))}
                                </div>
                            </div>
                            <div class="form-actions">
                                <button type="submit" class="button button-primary" disabled=pending>
                                    {i18n.tx(Key::TotpConfirm)}
                                </button>
                                <button type="button" class="button button-quiet" on:click=move |_| setup.set(None)>
                                    {i18n.tx(Key::Cancel)}
                                </button>
                            </div>
                        </form>
                    </li>
                </ol>
            </div>
        })
    };

    let body = move || {
        let current: TotpStatus = match status.get() {
            None => return view! { <p class="muted">{i18n.tx(Key::Loading)}</p> }.into_any(),
            Some(Err(error)) => {
                return view! { <ErrorAlert message=error_text(i18n, &error) /> }.into_any();
            }
            Some(Ok(current)) => current,
        };
        if current.enabled {
            let left = current.recovery_codes_left.to_string();
            view! {
                <p data-testid="totp-status">
                    <strong>{i18n.tx(Key::TotpOn)}</strong>
                    " "
                    {move || i18n.fmt(Key::TotpRecoveryLeft, &[("count", &left)])}
                </p>
                {if current.required {
                    view! { <p class="hint">{i18n.tx(Key::TotpRequiredCannotTurnOff)}</p> }.into_any()
                } else {
                    view! { <TurnOffForm on_done=move || reload.update(|n| *n += 1) /> }.into_any()
                }}
            }
            .into_any()
        } else {
            view! {
                {current.required.then(|| view! {
                    <p class="alert alert-info" role="alert" data-testid="totp-required">{i18n.tx(Key::TotpRequiredNotice)}</p>
                })}
                <p data-testid="totp-status"><strong>{i18n.tx(Key::TotpOff)}</strong></p>
                {dynamic(move || {
                    if setup.with(Option::is_some) {
                        setup_panel().into_any()
                    } else {
                        view! {
                            <button type="button" class="button button-primary" data-testid="totp-turn-on" disabled=pending on:click=start>
                                {i18n.tx(Key::TotpTurnOn)}
                            </button>
                        }
                        .into_any()
                    }
                })}
            }
            .into_any()
        }
    };

    view! {
        <section class="panel" aria-labelledby="totp-title">
            <h2 id="totp-title">{i18n.tx(Key::TotpTitle)}</h2>
            <p>{i18n.tx(Key::TotpIntro)}</p>
            {dynamic(move || failure.get().map(|e| view! { <ErrorAlert message=error_text(i18n, &e) /> }))}
            {dynamic(recovery_panel)}
            {dynamic(body)}
        </section>
    }
}

/// Turning two-factor sign-in off, with a current code or a recovery code.
#[component]
fn TurnOffForm(on_done: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let code = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<CodeProblem>);
    let failure = RwSignal::new(None::<ApiError>);
    let pending = RwSignal::new(false);

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let typed = code.get_untracked();
        if typed.trim().is_empty() {
            problem.set(Some(CodeProblem::Missing));
            focus_id("totp-off-code");
            return;
        }
        pending.set(true);
        failure.set(None);
        problem.set(None);
        spawn_local(async move {
            match api::two_factor::turn_off(api, &typed).await {
                Ok(()) => on_done(),
                Err(error) => match CodeProblem::of(&error) {
                    Some(found) => {
                        problem.set(Some(found));
                        code.set(String::new());
                        focus_id("totp-off-code");
                    }
                    None => failure.set(Some(error)),
                },
            }
            pending.set(false);
        });
    };

    view! {
        <form on:submit=submit novalidate class="totp-off" data-testid="totp-off-form">
            <h3>{i18n.tx(Key::TotpTurnOffTitle)}</h3>
            {dynamic(move || failure.get().map(|e| view! { <ErrorAlert message=error_text(i18n, &e) /> }))}
            <div class="field">
                <label for="totp-off-code">{i18n.tx(Key::TotpCodeLabel)}</label>
                <input
                    id="totp-off-code"
                    name="code"
                    type="text"
                    autocomplete="one-time-code"
                    autocapitalize="none"
                    spellcheck="false"
                    maxlength="32"
                    aria-invalid=move || problem.get().is_some().then_some("true")
                    aria-describedby="totp-off-error"
                    bind:value=code
                />
                <div id="totp-off-error">
                    {dynamic(move || problem.get().map(|p| view! {
                        <p class="field-error" role="alert">{p.text(i18n)}</p>
                    }))}
                </div>
            </div>
            <div class="form-actions">
                <button type="submit" class="button button-danger" disabled=pending>
                    {i18n.tx(Key::TotpTurnOff)}
                </button>
            </div>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::grouped;

    #[test]
    fn a_key_is_shown_in_groups_of_four() {
        assert_eq!(grouped("JBSWY3DPEHPK3PXP"), "JBSW Y3DP EHPK 3PXP");
        assert_eq!(grouped("ABCDEF"), "ABCD EF");
        assert_eq!(grouped(""), "");
    }
}
