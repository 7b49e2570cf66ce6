//! `/invitations/<token>` (public): the link of an invitation mail. Shows what the invitation is
//! for; the invitee chooses their name and password, and is signed in as signing in does.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use pioneer_domain::membership::invitation::{AcceptInvitation, InvitationView};
use pioneer_domain::{ErrorCode, FieldError};

use crate::api::{self, ApiError, use_api};
use crate::i18n::{I18n, Key, use_i18n};
use crate::loader::Loader;
use crate::pages::form::{
    Errors, NewPasswordFields, check_new_password, described_by, field_message, is_invalid,
};
use crate::pages::roadmap::{country_name, load_countries};
use crate::pages::{dynamic, error_text};
use crate::router::{Route, token_in, use_router};

/// What a link that does not work says, and whether it offers to sign in.
pub fn link_problem(i18n: I18n, error: &ApiError, expired: Key) -> (String, bool) {
    match (error.status(), error.code()) {
        (Some(410), Some(ErrorCode::LinkUsed)) => (i18n.t(Key::LinkUsed).to_owned(), true),
        (Some(410), _) => (i18n.t(expired).to_owned(), false),
        (Some(404), _) => (i18n.t(Key::LinkUnknown).to_owned(), false),
        (Some(409), Some(ErrorCode::EmailTaken)) => {
            (i18n.t(Key::InvitationEmailTaken).to_owned(), true)
        }
        _ => (error_text(i18n, error), false),
    }
}

/// The link's token (kept while the page goes away).
pub fn use_token(route: Route, prefix: &'static str) -> Memo<Option<String>> {
    let path = use_router().path();
    Memo::new(move |previous: Option<&Option<String>>| {
        path.with(|p| {
            if Route::of(p) == route {
                token_in(p, prefix)
            } else {
                previous.cloned().flatten()
            }
        })
    })
}

/// A link that does not work: why, and what to do.
#[component]
pub fn LinkProblem(message: String, sign_in: bool) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="alert alert-error" role="alert" data-testid="link-problem">
            <p>{message}</p>
            {sign_in.then(|| view! { <p><a href="/login">{i18n.tx(Key::GoToSignIn)}</a></p> })}
        </div>
    }
}

#[component]
pub fn InvitationPage() -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let token = use_token(Route::Invitation, "/invitations/");
    let invitation = Loader::new(move || {
        let token = token.get();
        async move {
            match token {
                Some(token) => api::membership::invitations::view(api, &token)
                    .await
                    .map(Some),
                None => Ok(None),
            }
        }
    });

    let body = move || match invitation.get() {
        None => view! { <p class="muted">{i18n.tx(Key::Loading)}</p> }.into_any(),
        Some(Ok(None)) => {
            view! { <LinkProblem message=i18n.t(Key::LinkUnknown).to_owned() sign_in=false /> }
                .into_any()
        }
        Some(Err(error)) => {
            let (message, sign_in) = link_problem(i18n, &error, Key::InvitationExpired);
            view! { <LinkProblem message=message sign_in=sign_in /> }.into_any()
        }
        Some(Ok(Some(view))) => {
            let token = token.get_untracked().unwrap_or_default();
            view! { <AcceptForm invitation=view token=token /> }.into_any()
        }
    };

    view! {
        <section class="page narrow" data-testid="invitation">
            <h1>{i18n.tx(Key::InvitationTitle)}</h1>
            {dynamic(body)}
        </section>
    }
}

#[component]
fn AcceptForm(invitation: InvitationView, token: String) -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let router = use_router();
    let countries = Loader::new(move || load_countries(api));
    let name = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    let errors: Errors = RwSignal::new(Vec::new());
    let failure = RwSignal::new(None::<(String, bool)>);
    let pending = RwSignal::new(false);
    let token = StoredValue::new(token);

    let role = invitation.role;
    let code = invitation.country_code.clone();
    let summary = move || {
        let role = i18n.role(role);
        match &code {
            Some(code) => {
                let list = countries.get().unwrap_or_default();
                let country = country_name(&list, i18n, code);
                i18n.fmt(Key::InvitedAsFor, &[("role", role), ("country", &country)])
            }
            None => i18n.fmt(Key::InvitedAs, &[("role", role)]),
        }
    };
    let expires = invitation.expires_at;

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let mut problems = Vec::new();
        if name.get_untracked().trim().is_empty() {
            problems.push(FieldError::new("name", "required", "required"));
        }
        problems.extend(check_new_password(
            &password.get_untracked(),
            &confirm.get_untracked(),
        ));
        errors.set(problems);
        if !errors.with_untracked(Vec::is_empty) {
            return;
        }
        failure.set(None);
        pending.set(true);
        let answer = AcceptInvitation {
            password: password.get_untracked(),
            name: name.get_untracked().trim().to_owned(),
        };
        spawn_local(async move {
            let token = token.get_value();
            match api::membership::invitations::accept(api, &token, &answer).await {
                Ok(()) => router.navigate("/", true),
                Err(error) if !error.field_errors().is_empty() => {
                    errors.set(error.field_errors());
                }
                Err(error) => {
                    failure.set(Some(link_problem(i18n, &error, Key::InvitationExpired)));
                }
            }
            pending.set(false);
        });
    };

    view! {
        <div class="panel">
            <p class="lead" data-testid="invitation-summary">{summary}</p>
            <dl class="details">
                <dt>{i18n.tx(Key::Email)}</dt>
                <dd data-testid="invitation-email">{invitation.email.clone()}</dd>
                {invitation.ministry.clone().map(|m| view! {
                    <dt>{i18n.tx(Key::JoinMinistry)}</dt>
                    <dd>{m}</dd>
                })}
                {invitation.invited_by.clone().map(|who| view! {
                    <dt>{i18n.tx(Key::InvitedBy)}</dt>
                    <dd>{who}</dd>
                })}
                <dt>{i18n.tx(Key::LinkValidUntil)}</dt>
                <dd>{move || i18n.date_time(&expires)}</dd>
            </dl>
        </div>
        <form class="panel" on:submit=submit novalidate data-testid="accept-invitation">
            <h2>{i18n.tx(Key::CreateYourAccount)}</h2>
            {dynamic(move || failure.get().map(|(message, sign_in)| view! { <LinkProblem message=message sign_in=sign_in /> }))}
            // For the browser's password manager: the account's address.
            <input type="email" class="visually-hidden" autocomplete="username" tabindex="-1" aria-hidden="true" prop:value=invitation.email.clone() readonly />
            <div class="field">
                <label for="invitation-name">{i18n.tx(Key::YourName)}</label>
                <input
                    id="invitation-name"
                    type="text"
                    autocomplete="name"
                    required
                    bind:value=name
                    aria-invalid=is_invalid(errors, "name")
                    aria-describedby=described_by(errors, "name", "invitation-name-error")
                />
                {field_message(i18n, errors, "name", "invitation-name-error")}
            </div>
            <NewPasswordFields id="invitation" password=password confirm=confirm errors=errors />
            <div class="form-actions">
                <button type="submit" class="button button-primary" disabled=move || pending.get() data-testid="accept-submit">
                    {i18n.tx(Key::AcceptInvitation)}
                </button>
            </div>
        </form>
    }
}
