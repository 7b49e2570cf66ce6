//! What is particular to a roadmap's review: its versions, and the priorities and key actions
//! changed since the previous version.

use leptos::prelude::*;

use super::{StatusBadge, use_sync};
use crate::api;
use crate::i18n::{Key, use_i18n};
use crate::loader::Loader;
use crate::pages::{ErrorAlert, dynamic, error_text};
use crate::router::{A, roadmap_href};

/// Added, removed and changed items between two lists, matched by title.
pub fn diff_by_title<T>(
    before: &[T],
    after: &[T],
    title: impl Fn(&T) -> &str,
    same: impl Fn(&T, &T) -> bool,
) -> (Vec<String>, Vec<String>, Vec<String>) {
    let find = |list: &[T], t: &str| list.iter().position(|x| title(x) == t);
    let added = after
        .iter()
        .filter(|a| find(before, title(a)).is_none())
        .map(|a| title(a).to_owned())
        .collect();
    let removed = before
        .iter()
        .filter(|b| find(after, title(b)).is_none())
        .map(|b| title(b).to_owned())
        .collect();
    let changed = after
        .iter()
        .filter_map(|a| {
            let b = &before[find(before, title(a))?];
            (!same(a, b)).then(|| title(a).to_owned())
        })
        .collect();
    (added, removed, changed)
}

/// The priorities and actions added, removed or changed since the previous version.
#[component]
pub fn VersionDiff() -> impl IntoView {
    let sync = use_sync();
    let i18n = use_i18n();
    let api = sync.api();
    let id = sync.doc.id;
    let previous = Loader::new(move || async move {
        let versions = api::roadmaps::versions(api, id).await.ok()?;
        let at = versions.items.iter().position(|v| v.id == id)?;
        let before = versions.items.get(at.checked_sub(1)?)?;
        api::roadmaps::get(api, before.id)
            .await
            .ok()
            .map(|t| t.value)
    });
    dynamic(move || {
        let before = previous.get().flatten()?;
        let now = sync.view.get();
        let (pa, pr, pc) = diff_by_title(
            &before.priorities,
            &now.priorities,
            |p| p.title.as_str(),
            |a, b| a.description == b.description && a.strategies == b.strategies,
        );
        let same_action = |a: &pioneer_domain::roadmap::Action,
                           b: &pioneer_domain::roadmap::Action| {
            let mut b = b.clone();
            b.id = a.id;
            b.priority_id = a.priority_id;
            *a == b
        };
        let (aa, ar, ac) = diff_by_title(
            &before.actions,
            &now.actions,
            |a| a.title.as_str(),
            same_action,
        );
        let groups = [
            (Key::Priorities, pa, pr, pc),
            (Key::ActionsHeading, aa, ar, ac),
        ];
        let nothing = groups
            .iter()
            .all(|(_, a, r, c)| a.is_empty() && r.is_empty() && c.is_empty());
        let list = move |key: Key, class: &'static str, items: Vec<String>| {
            (!items.is_empty()).then(|| {
                items
                    .into_iter()
                    .map(|t| view! { <li class=class><span class="badge">{i18n.t(key)}</span> " " {t}</li> })
                    .collect_view()
            })
        };
        Some(view! {
            <section class="panel" data-testid="version-diff">
                <h2>{i18n.fmt(Key::ChangesSince, &[("n", &before.version.to_string())])}</h2>
                {if nothing {
                    view! { <p class="muted">{i18n.tx(Key::NoChanges)}</p> }.into_any()
                } else {
                    groups
                        .into_iter()
                        .map(|(heading, added, removed, changed)| {
                            view! {
                                <h3>{i18n.t(heading)}</h3>
                                <ul class="diff">
                                    {list(Key::Added, "diff-added", added)}
                                    {list(Key::Removed, "diff-removed", removed)}
                                    {list(Key::Changed, "diff-changed", changed)}
                                </ul>
                            }
                        })
                        .collect_view()
                        .into_any()
                }}
            </section>
        })
    })
}

/// The versions of the roadmap, folded.
#[component]
pub fn Versions() -> impl IntoView {
    let sync = use_sync();
    let i18n = use_i18n();
    let api = sync.api();
    let id = sync.doc.id;
    let versions = Loader::new(move || api::roadmaps::versions(api, id));
    view! {
        <details class="panel" id="versions" data-testid="versions">
            <summary><h2>{i18n.tx(Key::Versions)}</h2></summary>
            {dynamic(move || match versions.get() {
                None => view! { <p class="muted">{i18n.tx(Key::Loading)}</p> }.into_any(),
                Some(Err(e)) => view! { <ErrorAlert message=error_text(i18n, &e) /> }.into_any(),
                Some(Ok(page)) => view! {
                    <ul class="versions">
                        {page
                            .items
                            .into_iter()
                            .map(|v| {
                                let label = i18n.fmt(Key::VersionN, &[("n", &v.version.to_string())]);
                                let current = v.id == id;
                                view! {
                                    <li>
                                        <A href=roadmap_href(v.id) attr:aria-current=current.then_some("page")>
                                            {label}
                                        </A>
                                        " "
                                        <StatusBadge status=v.status />
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                .into_any(),
            })}
        </details>
    }
}

#[cfg(test)]
mod tests {
    use super::diff_by_title;

    #[test]
    fn items_are_matched_by_title() {
        let before = [("A", 1), ("B", 2), ("C", 3)];
        let after = [("A", 1), ("B", 5), ("D", 4)];
        let (added, removed, changed) = diff_by_title(&before, &after, |x| x.0, |a, b| a.1 == b.1);
        assert_eq!(added, ["D"]);
        assert_eq!(removed, ["C"]);
        assert_eq!(changed, ["B"]);
    }
}
