//! `/notifications`: the member's notifications, newest first, the unread ones marked; opening
//! one marks it read and goes where it points. The bell of the header shows how many are
//! unread, from a count shared with this page ([`Unread`]).

use std::time::Duration;

use leptos::ev::MouseEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use pioneer_domain::notifications::Notification;
use uuid::Uuid;

use crate::api::{self, Api, use_api};
use crate::i18n::{Key, use_i18n};
use crate::loader::Loader;
use crate::pages::form::Pager;
use crate::pages::{ErrorAlert, dynamic, error_text};
use crate::router::use_router;

/// How often the bell asks for the count while the app is open.
const POLL_EVERY: Duration = Duration::from_secs(60);

/// The unread count the bell shows, shared by the shell and the pages that change it.
#[derive(Debug, Clone, Copy)]
pub struct Unread {
    count: RwSignal<Option<u64>>,
    /// Numbers the requests, so that only the answer to the last one is kept.
    asked: RwSignal<u64>,
}

impl Unread {
    /// The count once known (tracked). None too once the shell that owns it is gone: signing
    /// out disposes of it while the header's last render effects may still run.
    pub fn get(self) -> Option<u64> {
        self.count.try_get().flatten()
    }

    /// Asks the server for the count again.
    pub fn refresh(self, api: Api) {
        let Some(mine) = self.asked.try_update(|n| {
            *n += 1;
            *n
        }) else {
            return;
        };
        spawn_local(async move {
            if let Ok(count) = api::notifications::unread_count(api).await
                && self.asked.try_get_untracked() == Some(mine)
            {
                let _ = self.count.try_set(Some(count));
            }
        });
    }

    /// Sets the count the page knows (after "mark all as read"), ahead of any answer.
    pub fn set(self, count: u64) {
        self.asked.update(|n| *n += 1);
        self.count.set(Some(count));
    }
}

/// Provides the count for the signed-in shell, and keeps it fresh: at each navigation and
/// every [`POLL_EVERY`] while the shell is shown.
pub fn provide_unread(api: Api) -> Unread {
    let unread = Unread {
        count: RwSignal::new(None),
        asked: RwSignal::new(0),
    };
    provide_context(unread);
    let path = use_router().path();
    Effect::new(move |_| {
        path.track();
        unread.refresh(api);
    });
    if let Ok(handle) = set_interval_with_handle(move || unread.refresh(api), POLL_EVERY) {
        on_cleanup(move || handle.clear());
    }
    unread
}

pub fn use_unread() -> Option<Unread> {
    use_context::<Unread>()
}

/// The header's link to the notifications, with the unread count as a badge; its accessible
/// name says the count ("Notifications, 3 unread").
#[component]
pub fn Bell() -> impl IntoView {
    let i18n = use_i18n();
    let path = use_router().path();
    let unread = use_unread();
    let count = move || unread.and_then(Unread::get).unwrap_or(0);
    let label = move || i18n.fmt(Key::NotificationsBell, &[("count", &count().to_string())]);
    // `try_`: signing out disposes of the header while its last render effects still run.
    let current = move || {
        path.try_with(|p| p == "/notifications")
            .unwrap_or(false)
            .then_some("page")
    };
    view! {
        <a
            href="/notifications"
            class="bell"
            data-testid="notifications-link"
            data-unread=move || unread.and_then(Unread::get).map(|n| n.to_string())
            aria-label=label
            title=label
            aria-current=current
        >
            <svg class="bell-icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
                <path
                    fill="none"
                    stroke="currentColor"
                    stroke-width="2"
                    stroke-linecap="round"
                    stroke-linejoin="round"
                    d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9M10.3 21a1.94 1.94 0 0 0 3.4 0"
                />
            </svg>
            {move || {
                let n = count();
                (n > 0).then(|| {
                    let shown = if n > 99 { "99+".to_owned() } else { n.to_string() };
                    view! {
                        <span class="bell-count" data-testid="unread-count" aria-hidden="true">{shown}</span>
                    }
                })
            }}
        </a>
    }
}

/// Whether a notification's link is a path of this app, to be followed by the router (never
/// another site's address).
pub fn is_app_path(link: &str) -> bool {
    link.starts_with('/') && !link.starts_with("//") && !link.starts_with("/\\")
}

#[component]
pub fn NotificationsPage() -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let router = use_router();
    let unread = use_unread();
    let unread_only = RwSignal::new(false);
    let page = RwSignal::new(1u64);
    let reload = RwSignal::new(0u32);
    let failure = RwSignal::new(None::<String>);
    let notice = RwSignal::new(None::<Key>);
    let working = RwSignal::new(false);
    let list = Loader::new(move || {
        reload.track();
        let (only, page, lang) = (unread_only.get(), page.get(), i18n.lang());
        async move { api::notifications::list(api, only, lang.code(), page).await }
    });
    let total = Signal::derive(move || list.get().and_then(Result::ok).map_or(0, |p| p.total));
    let refresh_count = move || {
        if let Some(unread) = unread {
            unread.refresh(api);
        }
    };

    let open = move |ev: MouseEvent, notification: Notification| {
        let plain_click =
            ev.button() == 0 && !(ev.meta_key() || ev.ctrl_key() || ev.shift_key() || ev.alt_key());
        if plain_click {
            ev.prevent_default();
        }
        let Notification { id, read, link, .. } = notification;
        spawn_local(async move {
            if !read && let Err(error) = api::notifications::mark_read(api, id).await {
                let _ = failure.try_set(Some(error_text(i18n, &error)));
            }
            refresh_count();
            if plain_click && is_app_path(&link) {
                router.navigate(&link, false);
            } else {
                let _ = reload.try_update(|n| *n += 1);
            }
        });
    };
    let mark_one = move |id: Uuid| {
        spawn_local(async move {
            match api::notifications::mark_read(api, id).await {
                Ok(()) => {
                    let _ = reload.try_update(|n| *n += 1);
                }
                Err(error) => {
                    let _ = failure.try_set(Some(error_text(i18n, &error)));
                }
            }
            refresh_count();
        });
    };
    let mark_all = move |_| {
        working.set(true);
        failure.set(None);
        notice.set(None);
        spawn_local(async move {
            match api::notifications::mark_all_read(api).await {
                Ok(()) => {
                    if let Some(unread) = unread {
                        unread.set(0);
                    }
                    let _ = notice.try_set(Some(Key::AllReadNotice));
                    let _ = reload.try_update(|n| *n += 1);
                }
                Err(error) => {
                    let _ = failure.try_set(Some(error_text(i18n, &error)));
                }
            }
            let _ = working.try_set(false);
        });
    };
    let nothing_unread = move || unread.and_then(Unread::get) == Some(0);

    let items = move || {
        match list.get() {
        None => view! { <p class="muted">{i18n.tx(Key::Loading)}</p> }.into_any(),
        Some(Err(error)) => view! { <ErrorAlert message=error_text(i18n, &error) /> }.into_any(),
        Some(Ok(page)) if page.items.is_empty() => {
            let key = if unread_only.get_untracked() {
                Key::NotificationsNoneUnread
            } else {
                Key::NotificationsEmpty
            };
            view! { <p class="muted" data-testid="notifications-empty">{i18n.tx(key)}</p> }
                .into_any()
        }
        Some(Ok(page)) => view! {
            <ul class="notifications" data-testid="notifications">
                {page.items.into_iter().map(|n| {
                    let unread_class = if n.read { "notification" } else { "notification notification-unread" };
                    let when = i18n.date_time(&n.created_at);
                    let badge = (!n.read).then(|| view! {
                        <span class="badge badge-accent">{i18n.tx(Key::NotificationUnread)}</span>
                    });
                    let id = n.id;
                    let mark = (!n.read).then(|| view! {
                        <button
                            type="button"
                            class="button button-small button-quiet"
                            data-testid="mark-read"
                            on:click=move |_| mark_one(id)
                        >
                            {i18n.tx(Key::MarkRead)}
                        </button>
                    });
                    let summary = n.summary.clone();
                    let link = if is_app_path(&n.link) { n.link.clone() } else { "/notifications".to_owned() };
                    let read = n.read;
                    let kind = n.kind.as_str();
                    let datetime = n.created_at.to_rfc3339();
                    view! {
                        <li class=unread_class data-testid="notification" data-read=read.to_string() data-kind=kind>
                            <p class="notification-summary">
                                <a href=link on:click=move |ev| open(ev, n.clone())>{summary}</a>
                            </p>
                            <p class="notification-meta">
                                {badge}
                                <time datetime=datetime>{when}</time>
                            </p>
                            {mark}
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
        .into_any(),
    }
    };

    view! {
        <section class="page" data-testid="notifications-page">
            <h1>{i18n.tx(Key::NotificationsTitle)}</h1>
            <p class="lead">{i18n.tx(Key::NotificationsIntro)}</p>
            <div class="toolbar">
                <label class="checkbox">
                    <input
                        type="checkbox"
                        data-testid="unread-only"
                        prop:checked=move || unread_only.get()
                        on:change=move |ev| {
                            unread_only.set(event_target_checked(&ev));
                            page.set(1);
                        }
                    />
                    {i18n.tx(Key::UnreadOnly)}
                </label>
                <button
                    type="button"
                    class="button button-quiet"
                    data-testid="mark-all-read"
                    disabled=move || working.get() || nothing_unread()
                    on:click=mark_all
                >
                    {i18n.tx(Key::MarkAllRead)}
                </button>
            </div>
            {dynamic(move || failure.get().map(|m| view! { <ErrorAlert message=m /> }))}
            {dynamic(move || notice.get().map(|key| view! {
                <p class="alert alert-ok" role="status">{i18n.tx(key)}</p>
            }))}
            {dynamic(items)}
            <Pager page=page total=total per_page=api::notifications::PER_PAGE />
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::is_app_path;

    #[test]
    fn only_paths_of_the_app_are_followed() {
        assert!(is_app_path("/discussions/1#post-2"));
        assert!(!is_app_path("//evil.example/x"));
        assert!(!is_app_path("/\\evil.example"));
        assert!(!is_app_path("https://evil.example/"));
        assert!(!is_app_path("javascript:alert(1)"));
    }
}
