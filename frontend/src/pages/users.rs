//! `/users` (admins and the secretariat): the paged list of members, a form to add one, and
//! activation per member. The form checks its input with the domain's own `NewUser::validate`
//! before sending, and shows the server's 422 details next to the fields they concern.

use std::str::FromStr;

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use pioneer_domain::policy::{can_manage_role, can_manage_users};
use pioneer_domain::user::{NewUser, User, UserPatch};
use pioneer_domain::{ErrorCode, FieldError, Role};

use super::{ErrorAlert, error_text, sort_key};
use crate::api::{self, ApiError, use_api};
use crate::components::{DataTable, Row};
use crate::i18n::{Key, use_i18n};
use crate::loader::Loader;
use crate::pages::dynamic;

const PER_PAGE: u64 = 20;

#[component]
pub fn UsersPage() -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let me = api.user();
    dynamic(move || match me.get() {
        Some(me) if can_manage_users(me.role) => view! { <UsersAdmin me=me /> }.into_any(),
        _ => view! {
            <section class="page">
                <h1>{i18n.tx(Key::UsersTitle)}</h1>
                <p class="alert alert-info">{i18n.tx(Key::Forbidden)}</p>
            </section>
        }
        .into_any(),
    })
}

#[component]
fn UsersAdmin(me: User) -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let page = RwSignal::new(1_u64);
    let reload = RwSignal::new(0_u32);
    let row_error = RwSignal::new(None::<ApiError>);

    let users = Loader::new(move || {
        let (page, _) = (page.get(), reload.get());
        api::users::list(api, page, PER_PAGE)
    });

    let toggle = move |user: User| {
        row_error.set(None);
        spawn_local(async move {
            let patch = UserPatch {
                active: Some(!user.active),
                ..UserPatch::default()
            };
            match api::users::update(api, user.id, &patch).await {
                Ok(_) => reload.update(|n| *n += 1),
                Err(error) => row_error.set(Some(error)),
            }
        });
    };

    let me_id = me.id;
    let my_role = me.role;
    let list = move || {
        let page_data = match users.get() {
            None => return view! { <p class="muted">{i18n.tx(Key::Loading)}</p> }.into_any(),
            Some(Err(error)) => {
                return view! { <ErrorAlert message=error_text(i18n, &error) /> }.into_any();
            }
            Some(Ok(page_data)) => page_data,
        };
        let pages = page_data.total.div_ceil(page_data.per_page.max(1)).max(1);
        let current = page_data.page;
        let total = page_data.total.to_string();
        let rows = page_data
            .items
            .into_iter()
            .map(|user| {
                let is_me = user.id == me_id;
                let can_toggle = !is_me && can_manage_role(my_role, user.role);
                let status = if user.active { Key::Active } else { Key::Inactive };
                let action = if user.active { Key::Deactivate } else { Key::Activate };
                let label = format!("{} — {}", i18n.t(action), user.name);
                let button_user = user.clone();
                let badge = if user.active { "badge badge-ok" } else { "badge" };
                let toggle_button = can_toggle.then(|| {
                    view! {
                        <button
                            type="button"
                            class="button button-small"
                            aria-label=label
                            on:click=move |_| toggle(button_user.clone())
                        >
                            {i18n.t(action)}
                        </button>
                    }
                });
                vec![
                    view! {
                        {user.name.clone()}
                        {is_me.then(|| view! { " " <span class="muted">{i18n.tx(Key::You)}</span> })}
                    }
                    .into_any(),
                    user.email.clone().into_any(),
                    i18n.role(user.role).into_any(),
                    user.country_code.clone().unwrap_or_default().into_any(),
                    view! { <span class=badge>{i18n.t(status)}</span> }.into_any(),
                    toggle_button.into_any(),
                ]
            })
            .collect::<Vec<Row>>();
        view! {
            <p class="muted">{i18n.fmt(Key::UsersCount, &[("count", &total)])}</p>
            <DataTable
                testid="users-table"
                caption=Key::UsersTitle
                columns=vec![Key::Name, Key::Email, Key::Role, Key::Country, Key::Status, Key::Actions]
                rows=rows
            />
            <nav class="pager" aria-label=i18n.tx(Key::Pagination)>
                <button
                    type="button"
                    class="button button-small"
                    disabled={current <= 1}
                    on:click=move |_| page.update(|p| *p = p.saturating_sub(1).max(1))
                >
                    {i18n.tx(Key::Previous)}
                </button>
                <span>{i18n.fmt(Key::PageOf, &[("page", &current.to_string()), ("pages", &pages.to_string())])}</span>
                <button
                    type="button"
                    class="button button-small"
                    disabled={current >= pages}
                    on:click=move |_| page.update(|p| *p += 1)
                >
                    {i18n.tx(Key::Next)}
                </button>
            </nav>
        }
        .into_any()
    };

    view! {
        <section class="page">
            <h1>{i18n.tx(Key::UsersTitle)}</h1>
            {dynamic(move || row_error.get().map(|e| view! { <ErrorAlert message=error_text(i18n, &e) /> }))}
            {dynamic(list)}
            <NewUserForm actor=my_role on_created=move || reload.update(|n| *n += 1) />
        </section>
    }
}

/// The form that adds a member.
#[component]
fn NewUserForm(actor: Role, on_created: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let roles: Vec<Role> = Role::ALL
        .into_iter()
        .filter(|r| can_manage_role(actor, *r))
        .collect();
    let default_role = if roles.contains(&Role::CountryFocalPoint) {
        Role::CountryFocalPoint
    } else {
        Role::Partner
    };

    let email = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let role = RwSignal::new(default_role);
    let country = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let failure = RwSignal::new(None::<ApiError>);
    let created = RwSignal::new(None::<String>);
    let pending = RwSignal::new(false);

    let countries = Loader::new(move || api::reference::countries_kept(api));

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        created.set(None);
        failure.set(None);
        let role_now = role.get_untracked();
        let new_user = NewUser {
            email: email.get_untracked(),
            name: name.get_untracked(),
            role: role_now,
            country_code: Some(country.get_untracked())
                .filter(|c| role_now.is_country_role() && !c.is_empty()),
            password: password.get_untracked(),
        };
        // The same rules as the server's, checked before a round trip.
        if let Err(problems) = new_user.validate() {
            errors.set(problems);
            return;
        }
        errors.set(Vec::new());
        pending.set(true);
        spawn_local(async move {
            match api::users::create(api, &new_user).await {
                Ok(user) => {
                    created.set(Some(user.name));
                    email.set(String::new());
                    name.set(String::new());
                    password.set(String::new());
                    on_created();
                }
                Err(error) if error.code() == Some(ErrorCode::EmailTaken) => {
                    errors.set(vec![FieldError::new(
                        "email",
                        "email_taken",
                        "e-mail taken",
                    )]);
                }
                Err(error) if !error.field_errors().is_empty() => errors.set(error.field_errors()),
                Err(error) => failure.set(Some(error)),
            }
            pending.set(false);
        });
    };

    let has_error =
        move |field: &'static str| errors.with(|es| es.iter().any(|e| e.field == field));
    let invalid = move |field: &'static str| move || has_error(field).then_some("true");
    let described = move |field: &'static str, hint: Option<&'static str>| {
        move || {
            let mut ids = Vec::new();
            if has_error(field) {
                ids.push(format!("new-user-{field}-error"));
            }
            if let Some(hint) = hint {
                ids.push(hint.to_owned());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };

    let country_options = move || match countries.get() {
        Some(Ok(page)) => {
            let mut options: Vec<(String, String)> = page
                .items
                .into_iter()
                .map(|c| (i18n.name(&c).to_owned(), c.code))
                .collect();
            options.sort_by_cached_key(|(name, _)| sort_key(name));
            options
                .into_iter()
                .map(|(label, code)| {
                    let selected_code = code.clone();
                    view! {
                        <option value=code prop:selected=move || country.get() == selected_code>
                            {label}
                        </option>
                    }
                })
                .collect_view()
                .into_any()
        }
        _ => ().into_any(),
    };

    view! {
        <section class="panel" aria-labelledby="new-user-title">
            <h2 id="new-user-title">{i18n.tx(Key::NewUserTitle)}</h2>
            <form on:submit=submit novalidate class="form-grid">
                {dynamic(move || {
                    (!errors.with(Vec::is_empty))
                        .then(|| view! { <p class="alert alert-error" role="alert">{i18n.tx(Key::FormHasErrors)}</p> })
                })}
                {dynamic(move || failure.get().map(|e| view! { <ErrorAlert message=error_text(i18n, &e) /> }))}
                {dynamic(move || {
                    created
                        .get()
                        .map(|who| {
                            view! {
                                <p class="alert alert-ok" role="status">
                                    {i18n.fmt(Key::UserCreated, &[("name", &who)])}
                                </p>
                            }
                        })
                })}
                <div class="field">
                    <label for="new-user-email">{i18n.tx(Key::Email)}</label>
                    <input
                        id="new-user-email"
                        type="email"
                        autocomplete="off"
                        bind:value=email
                        aria-invalid=invalid("email")
                        aria-describedby=described("email", None)
                    />
                    <FieldMessage errors=errors field="email" />
                </div>
                <div class="field">
                    <label for="new-user-name">{i18n.tx(Key::Name)}</label>
                    <input
                        id="new-user-name"
                        type="text"
                        autocomplete="off"
                        bind:value=name
                        aria-invalid=invalid("name")
                        aria-describedby=described("name", None)
                    />
                    <FieldMessage errors=errors field="name" />
                </div>
                <div class="field">
                    <label for="new-user-role">{i18n.tx(Key::Role)}</label>
                    <select
                        id="new-user-role"
                        aria-invalid=invalid("role")
                        aria-describedby=described("role", None)
                        on:change=move |ev| {
                            if let Ok(r) = Role::from_str(&event_target_value(&ev)) {
                                role.set(r);
                            }
                        }
                    >
                        {roles
                            .into_iter()
                            .map(|r| {
                                view! {
                                    <option value=r.as_str() prop:selected=move || role.get() == r>
                                        {dynamic(move || i18n.role(r))}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                    <FieldMessage errors=errors field="role" />
                </div>
                <Show when=move || role.get().is_country_role()>
                    <div class="field">
                        <label for="new-user-country">{i18n.tx(Key::Country)}</label>
                        <select
                            id="new-user-country"
                            aria-invalid=invalid("country_code")
                            aria-describedby=described("country_code", None)
                            on:change=move |ev| country.set(event_target_value(&ev))
                        >
                            <option value="" prop:selected=move || country.get().is_empty()>
                                {i18n.tx(Key::ChooseCountry)}
                            </option>
                            {dynamic(country_options)}
                        </select>
                        <FieldMessage errors=errors field="country_code" />
                    </div>
                </Show>
                <div class="field">
                    <label for="new-user-password">{i18n.tx(Key::Password)}</label>
                    <input
                        id="new-user-password"
                        type="password"
                        autocomplete="new-password"
                        bind:value=password
                        aria-invalid=invalid("password")
                        aria-describedby=described("password", Some("new-user-password-hint"))
                    />
                    <p class="hint" id="new-user-password-hint">{i18n.tx(Key::PasswordHint)}</p>
                    <FieldMessage errors=errors field="password" />
                </div>
                <div class="form-actions">
                    <button type="submit" class="button button-primary" disabled=pending>
                        {i18n.tx(Key::CreateUser)}
                    </button>
                </div>
            </form>
        </section>
    }
}

/// The error of one field, if it has one, with the id its input points at.
#[component]
fn FieldMessage(errors: RwSignal<Vec<FieldError>>, field: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    dynamic(move || {
        errors
            .with(|es| {
                es.iter()
                    .find(|e| e.field == field)
                    .map(|e| i18n.field_error(e))
            })
            .map(|text| {
                view! {
                    <p class="field-error" id=format!("new-user-{field}-error")>
                        {text}
                    </p>
                }
            })
    })
}
