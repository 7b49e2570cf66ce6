//! The frame around every signed-in page: skip link, header with the sections the member's
//! role opens (decided by `pioneer_domain::policy::sections`), language switcher, logout.

use leptos::ev::{KeyboardEvent, MouseEvent};
use leptos::prelude::*;
use leptos::task::spawn_local;
use pioneer_domain::Role;
use pioneer_domain::groups::GroupRole;
use pioneer_domain::policy::{Section, can_manage_users, sections};

use crate::api::{self, use_api};
use crate::i18n::{Key, LangSwitcher, use_i18n};
use crate::pages::account::provide_enrolment_gate;
use crate::pages::dynamic;
use crate::pages::notifications::{Bell, provide_unread};
use crate::router::{A, Route, use_router};

/// Where a section lives and what the navigation calls it.
pub fn section_link(section: Section) -> (&'static str, Key) {
    match section {
        Section::Home => ("/", Key::NavHome),
        Section::Roadmaps => ("/roadmaps", Key::NavRoadmaps),
        Section::Reports => ("/reports", Key::NavReports),
        Section::ReviewQueue => ("/review-queue", Key::NavReviewQueue),
        Section::ReportingCycles => ("/reporting-cycles", Key::NavReportingCycles),
        Section::Countries => ("/countries", Key::NavCountries),
        Section::Groups => ("/groups", Key::NavGroups),
        Section::Users => ("/users", Key::NavUsers),
        Section::MembershipApplications => ("/membership-applications", Key::NavApplications),
        Section::Outbox => ("/outbox", Key::NavOutbox),
        Section::ApiTokens => ("/api-tokens", Key::NavApiTokens),
    }
}

/// One entry of the navigation: where it leads, what it is called, and what the home page
/// says of it (none for the home page itself).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NavEntry {
    pub href: &'static str,
    pub title: Key,
    pub blurb: Option<Key>,
}

fn blurb(section: Section) -> Option<Key> {
    Some(match section {
        Section::Home => return None,
        Section::Roadmaps => Key::RoadmapsBlurb,
        Section::Reports => Key::ReportsBlurb,
        Section::ReviewQueue => Key::ReviewQueueBlurb,
        Section::ReportingCycles => Key::ReportingCyclesBlurb,
        Section::Countries => Key::CountriesBlurb,
        Section::Groups => Key::GroupsBlurb,
        Section::Users => Key::UsersBlurb,
        Section::MembershipApplications => Key::ApplicationsBlurb,
        Section::Outbox => Key::OutboxBlurb,
        Section::ApiTokens => Key::ApiTokensBlurb,
    })
}

/// The navigation of a role, in order.
pub fn nav_entries(role: Role) -> Vec<NavEntry> {
    nav_entries_for(role, false)
}

/// The navigation of a role, in order, with the knowledge base after the groups and, for those
/// who moderate it (the secretariat, and `moderates_a_group`: a group's moderators), its
/// moderation queue; then the discussions.
pub fn nav_entries_for(role: Role, moderates_a_group: bool) -> Vec<NavEntry> {
    let mut entries = Vec::new();
    for section in sections(role) {
        let (href, title) = section_link(section);
        entries.push(NavEntry {
            href,
            title,
            blurb: blurb(section),
        });
        if section == Section::Groups {
            entries.push(NavEntry {
                href: "/knowledge",
                title: Key::NavKnowledge,
                blurb: Some(Key::KnowledgeBlurb),
            });
            if can_manage_users(role) || moderates_a_group {
                entries.push(NavEntry {
                    href: "/moderation",
                    title: Key::NavModeration,
                    blurb: Some(Key::ModerationBlurb),
                });
            }
            entries.push(NavEntry {
                href: "/discussions",
                title: Key::NavDiscussions,
                blurb: Some(Key::DiscussionsBlurb),
            });
            entries.push(NavEntry {
                href: "/events",
                title: Key::NavEvents,
                blurb: Some(Key::EventsBlurb),
            });
            entries.push(NavEntry {
                href: "/experts",
                title: Key::NavExperts,
                blurb: Some(Key::ExpertsBlurb),
            });
        }
    }
    entries
}

#[component]
pub fn Shell(children: Children) -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let user = api.user();
    let main_ref = NodeRef::<leptos::html::Main>::new();

    // The router would turn "#main" into a navigation; move the focus ourselves instead.
    let skip_to_main = move |ev: MouseEvent| {
        ev.prevent_default();
        if let Some(main) = main_ref.get() {
            let _ = main.focus();
        }
    };
    // Once per mount of the signed-in app: the stored user may be out of date.
    spawn_local(api.reload_user());
    // To the sign-in page itself: one who logs out on purpose is not brought back here.
    let router = use_router();
    // A member whose role requires two-factor sign-in stays on their account page until it
    // is on (the server refuses everything else meanwhile).
    let gate = provide_enrolment_gate(api);
    // The bell's count, asked for at each navigation and every minute.
    provide_unread(api);
    let path = router.path();
    Effect::new(move |_| {
        if gate.0.get() && path.with(|p| Route::of(p) != Route::Account) {
            router.navigate("/account", true);
        }
    });
    let logout = move |_: MouseEvent| {
        spawn_local(api.logout());
        router.navigate("/login", false);
    };
    let role = Memo::new(move |_| user.with(|u| u.as_ref().map(|u| u.role)));
    // On a phone the sections and the member's tools fold behind one button, so that a page
    // starts with its content; each navigation folds them again.
    let menu_open = RwSignal::new(false);
    Effect::new(move |_| {
        path.track();
        menu_open.set(false);
    });
    let fold_on_escape = move |ev: KeyboardEvent| {
        if ev.key() == "Escape" && menu_open.get_untracked() {
            menu_open.set(false);
        }
    };
    // A group's moderators moderate its resources: their navigation has the queue too.
    let moderates_a_group = RwSignal::new(false);
    if role
        .get_untracked()
        .is_some_and(|role| !can_manage_users(role))
    {
        spawn_local(async move {
            if let Ok(groups) = api::groups::list(api, 1).await {
                let moderates = groups
                    .items
                    .iter()
                    .any(|g| g.my_role == Some(GroupRole::Moderator));
                let _ = moderates_a_group.try_set(moderates);
            }
        });
    }

    view! {
        <a class="skip-link" href="#main" on:click=skip_to_main>
            {i18n.tx(Key::SkipToContent)}
        </a>
        <header class="app-header" class:menu-open=move || menu_open.get() on:keydown=fold_on_escape>
            <div class="header-inner">
                <A href="/" attr:class="brand">
                    <span class="brand-mark" aria-hidden="true"></span>
                    {i18n.tx(Key::AppName)}
                </A>
                <button
                    type="button"
                    class="menu-toggle"
                    aria-controls="main-nav"
                    aria-expanded=move || if menu_open.get() { "true" } else { "false" }
                    data-testid="menu-toggle"
                    on:click=move |_| menu_open.update(|open| *open = !*open)
                >
                    <svg class="menu-icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
                        <path d="M4 6h16M4 12h16M4 18h16" stroke="currentColor" stroke-width="2" stroke-linecap="round" fill="none" />
                    </svg>
                    {i18n.tx(Key::Menu)}
                </button>
                <nav class="main-nav" id="main-nav" aria-label=i18n.tx(Key::MainNav)>
                    <ul>
                        {dynamic(move || {
                            let moderates = moderates_a_group.get();
                            role.get()
                                .map(|role| nav_entries_for(role, moderates))
                                .unwrap_or_default()
                                .into_iter()
                                .map(|entry| {
                                    view! {
                                        <li>
                                            <A href=entry.href exact=true>
                                                {i18n.tx(entry.title)}
                                            </A>
                                        </li>
                                    }
                                })
                                .collect_view()
                        })}
                    </ul>
                </nav>
                <div class="header-tools">
                    <p class="signed-in">
                        <span class="visually-hidden">{i18n.tx(Key::SignedInAs)} " "</span>
                        <span data-testid="user-name">
                            {dynamic(move || user.with(|u| u.as_ref().map(|u| u.name.clone())))}
                        </span>
                    </p>
                    <Bell />
                    <A href="/account" attr:class="account-link" attr:data-testid="account-link">
                        {i18n.tx(Key::NavAccount)}
                    </A>
                    <LangSwitcher id="lang-header" />
                    <button type="button" class="button button-quiet" data-testid="logout" on:click=logout>
                        {i18n.tx(Key::Logout)}
                    </button>
                </div>
            </div>
        </header>
        <main id="main" tabindex="-1" node_ref=main_ref>
            {children()}
        </main>
        <footer class="app-footer">
            <p>{i18n.tx(Key::AppTagline)}</p>
        </footer>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hrefs(role: Role) -> Vec<&'static str> {
        nav_entries(role).into_iter().map(|e| e.href).collect()
    }

    #[test]
    fn reports_follow_the_roadmaps_and_the_cycles_are_for_those_who_run_the_platform() {
        for role in Role::ALL {
            let hrefs = hrefs(role);
            let roadmaps = hrefs.iter().position(|h| *h == "/roadmaps");
            let reports = hrefs.iter().position(|h| *h == "/reports");
            assert_eq!(reports, roadmaps.map(|at| at + 1), "{role}");
            assert_eq!(
                hrefs.contains(&"/reporting-cycles"),
                matches!(role, Role::Admin | Role::Secretariat | Role::Reviewer),
                "{role}"
            );
        }
        let secretariat = hrefs(Role::Secretariat);
        let queue = secretariat.iter().position(|h| *h == "/review-queue");
        let cycles = secretariat.iter().position(|h| *h == "/reporting-cycles");
        assert_eq!(cycles, queue.map(|at| at + 1));
        assert!(
            nav_entries(Role::Partner)
                .iter()
                .all(|e| e.blurb.is_some() || e.href == "/")
        );
    }

    #[test]
    fn everyone_has_the_knowledge_base_and_its_moderators_the_queue() {
        for role in Role::ALL {
            let hrefs = hrefs(role);
            let groups = hrefs.iter().position(|h| *h == "/groups");
            let knowledge = hrefs.iter().position(|h| *h == "/knowledge");
            assert_eq!(knowledge, groups.map(|at| at + 1), "{role}");
            assert_eq!(
                hrefs.contains(&"/moderation"),
                matches!(role, Role::Admin | Role::Secretariat),
                "{role}"
            );
        }
        let moderator: Vec<_> = nav_entries_for(Role::CountryFocalPoint, true)
            .into_iter()
            .map(|e| e.href)
            .collect();
        let knowledge = moderator.iter().position(|h| *h == "/knowledge");
        let queue = moderator.iter().position(|h| *h == "/moderation");
        assert_eq!(queue, knowledge.map(|at| at + 1));
        let discussions = moderator.iter().position(|h| *h == "/discussions");
        assert_eq!(discussions, queue.map(|at| at + 1));
    }

    #[test]
    fn everyone_has_the_discussions_after_the_knowledge_base() {
        for role in Role::ALL {
            let hrefs = hrefs(role);
            let knowledge = hrefs.iter().position(|h| *h == "/knowledge");
            let moderation = hrefs.iter().position(|h| *h == "/moderation");
            let discussions = hrefs.iter().position(|h| *h == "/discussions");
            assert_eq!(
                discussions,
                moderation.or(knowledge).map(|at| at + 1),
                "{role}"
            );
        }
    }
}
