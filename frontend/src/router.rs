//! The app's client-side router, written for its handful of fixed paths.
//!
//! `leptos_router` cost about 120 KB of wasm (50 KB gzip) for what the app needs: a path signal fed
//! by `popstate` (back and forward) and by same-origin `<a>` clicks, `navigate`, and links that
//! mark the current page with `aria-current`. [`Route::of`] is the route table.

use leptos::ev::MouseEvent;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::HtmlAnchorElement;

use crate::api::DocumentRef;

/// A page of the app, as its path names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    Login,
    Home,
    Roadmaps,
    /// `/roadmaps/<id>`; the id is read by the page from [`Router::path`].
    Roadmap,
    ReviewQueue,
    /// `/reports`: annual progress reports.
    Reports,
    /// `/reports/<id>`.
    Report,
    /// `/reporting-cycles` (the secretariat).
    ReportingCycles,
    /// `/reporting-cycles/<year>/tracker`.
    Tracker,
    /// `/reporting-cycles/<year>/synthesis`.
    Synthesis,
    Countries,
    /// `/countries/<code>/trend`.
    CountryTrend,
    Users,
    ApiTokens,
    /// `/account`: the member's own account and two-factor sign-in.
    Account,
    /// `/join` (public): a country's expression of interest.
    Join,
    /// `/membership-applications` (the secretariat).
    MembershipApplications,
    /// `/membership-applications/<id>`.
    MembershipApplication,
    /// `/invitations/<token>` (public): the link of an invitation mail.
    Invitation,
    /// `/forgot-password` (public).
    ForgotPassword,
    /// `/reset-password/<token>` (public): the link of a password-reset mail.
    ResetPassword,
    /// `/countries/<code>` (public): a country's profile.
    CountryProfile,
    /// `/countries/<code>/team`: the country's focal points and contributors.
    CountryTeam,
    /// `/outbox` (the secretariat): background jobs.
    Outbox,
    /// `/groups`: the thematic groups.
    Groups,
    /// `/groups/<id>`: a group and its members.
    Group,
    /// `/knowledge` (public, and in the shell for a member): search and the latest resources.
    Knowledge,
    /// `/knowledge/<id>` (public when the resource is, and in the shell for a member).
    Resource,
    /// `/knowledge/new`: the form to share a resource.
    NewResource,
    /// `/knowledge/<id>/edit`.
    EditResource,
    /// `/moderation`: the resources waiting for a moderator.
    Moderation,
    /// `/discussions`: the general forum.
    Discussions,
    /// `/discussions/<id>`: a thread, in the general forum or a group.
    Discussion,
    /// `/notifications`: the member's notifications.
    Notifications,
    /// `/events`: events to come and past.
    Events,
    /// `/events/<id>`: one event.
    Event,
    /// `/events/new`: the organiser's form.
    NewEvent,
    /// `/events/<id>/edit`.
    EditEvent,
    /// `/experts`: the directory of experts.
    Experts,
    /// `/experts/<id>`: an expert's profile, and the contact request.
    Expert,
    /// `/experts/me`: one's own expert profile.
    MyExpertProfile,
    /// `/organisations`: the partner organisations.
    Organisations,
    /// `/contacts`: contact requests received and sent.
    Contacts,
    NotFound,
}

impl Route {
    /// The route of a path (without query or fragment).
    pub fn of(path: &str) -> Route {
        let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        match segments.as_slice() {
            ["login"] => Route::Login,
            [] => Route::Home,
            ["roadmaps"] => Route::Roadmaps,
            ["roadmaps", _] => Route::Roadmap,
            ["review-queue"] => Route::ReviewQueue,
            ["reports"] => Route::Reports,
            ["reports", _] => Route::Report,
            ["reporting-cycles"] => Route::ReportingCycles,
            ["reporting-cycles", _, "tracker"] => Route::Tracker,
            ["reporting-cycles", _, "synthesis"] => Route::Synthesis,
            ["countries"] => Route::Countries,
            ["countries", _, "trend"] => Route::CountryTrend,
            ["users"] => Route::Users,
            ["api-tokens"] => Route::ApiTokens,
            ["account"] => Route::Account,
            ["join"] => Route::Join,
            ["membership-applications"] => Route::MembershipApplications,
            ["membership-applications", _] => Route::MembershipApplication,
            ["invitations", _] => Route::Invitation,
            ["forgot-password"] => Route::ForgotPassword,
            ["reset-password", _] => Route::ResetPassword,
            ["countries", _] => Route::CountryProfile,
            ["countries", _, "team"] => Route::CountryTeam,
            ["outbox"] => Route::Outbox,
            ["groups"] => Route::Groups,
            ["groups", _] => Route::Group,
            ["knowledge"] => Route::Knowledge,
            ["knowledge", "new"] => Route::NewResource,
            ["knowledge", _] => Route::Resource,
            ["knowledge", _, "edit"] => Route::EditResource,
            ["moderation"] => Route::Moderation,
            ["discussions"] => Route::Discussions,
            ["discussions", _] => Route::Discussion,
            ["notifications"] => Route::Notifications,
            ["events"] => Route::Events,
            ["events", "new"] => Route::NewEvent,
            ["events", _] => Route::Event,
            ["events", _, "edit"] => Route::EditEvent,
            ["experts"] => Route::Experts,
            ["experts", "me"] => Route::MyExpertProfile,
            ["experts", _] => Route::Expert,
            ["organisations"] => Route::Organisations,
            ["contacts"] => Route::Contacts,
            _ => Route::NotFound,
        }
    }

    /// A page for people without an account: it works signed out.
    pub fn is_public(self) -> bool {
        matches!(
            self,
            Route::Join
                | Route::Invitation
                | Route::ForgotPassword
                | Route::ResetPassword
                | Route::CountryProfile
                | Route::Knowledge
                | Route::Resource
        )
    }

    /// A public page that a signed-in member sees in the shell, with their navigation.
    pub fn is_shared(self) -> bool {
        matches!(
            self,
            Route::CountryProfile | Route::Knowledge | Route::Resource
        )
    }
}

/// The app's page of a roadmap.
pub fn roadmap_href(id: uuid::Uuid) -> String {
    document_href(DocumentRef::roadmap(id))
}

/// The roadmap a path such as `/roadmaps/<id>` names.
pub fn roadmap_id_in(path: &str) -> Option<uuid::Uuid> {
    let raw = path.strip_prefix("/roadmaps/")?.trim_end_matches('/');
    uuid::Uuid::parse_str(raw).ok()
}

/// The app's page of an annual report.
pub fn report_href(id: uuid::Uuid) -> String {
    document_href(DocumentRef::report(id))
}

/// The report a path such as `/reports/<id>` names.
pub fn report_id_in(path: &str) -> Option<uuid::Uuid> {
    let raw = path.strip_prefix("/reports/")?.trim_end_matches('/');
    uuid::Uuid::parse_str(raw).ok()
}

/// The secretariat's tracker of a reporting cycle.
pub fn tracker_href(year: i32) -> String {
    format!("/reporting-cycles/{year}/tracker")
}

/// The synthesis of a reporting cycle.
pub fn synthesis_href(year: i32) -> String {
    format!("/reporting-cycles/{year}/synthesis")
}

/// The cycle a path such as `/reporting-cycles/2025/tracker` names.
pub fn cycle_year_in(path: &str) -> Option<i32> {
    let rest = path.strip_prefix("/reporting-cycles/")?;
    rest.split('/').next()?.parse().ok()
}

/// A country's progress over the years.
pub fn trend_href(code: &str) -> String {
    let code: String = code.chars().filter(char::is_ascii_alphanumeric).collect();
    format!("/countries/{code}/trend")
}

/// The country a path such as `/countries/KEN/trend` names.
pub fn trend_code_in(path: &str) -> Option<String> {
    let code = path.strip_prefix("/countries/")?.split('/').next()?;
    (!code.is_empty() && code.chars().all(|c| c.is_ascii_alphanumeric())).then(|| code.to_owned())
}

/// A country's public profile.
pub fn country_href(code: &str) -> String {
    let code: String = code.chars().filter(char::is_ascii_alphanumeric).collect();
    format!("/countries/{code}")
}

/// A country's team, as its focal points manage it.
pub fn team_href(code: &str) -> String {
    format!("{}/team", country_href(code))
}

/// The country a path such as `/countries/KEN` or `/countries/KEN/team` names.
pub fn country_code_in(path: &str) -> Option<String> {
    trend_code_in(path)
}

/// A thematic group's page.
pub fn group_href(id: uuid::Uuid) -> String {
    format!("/groups/{id}")
}

/// The group a path such as `/groups/<id>` names.
pub fn group_id_in(path: &str) -> Option<uuid::Uuid> {
    let raw = path.strip_prefix("/groups/")?.trim_end_matches('/');
    uuid::Uuid::parse_str(raw).ok()
}

/// The app's page of a knowledge resource.
pub fn resource_href(id: uuid::Uuid) -> String {
    format!("/knowledge/{id}")
}

/// The form that edits a knowledge resource.
pub fn resource_edit_href(id: uuid::Uuid) -> String {
    format!("/knowledge/{id}/edit")
}

/// The resource a path such as `/knowledge/<id>` or `/knowledge/<id>/edit` names.
pub fn resource_id_in(path: &str) -> Option<uuid::Uuid> {
    let raw = path.strip_prefix("/knowledge/")?.split('/').next()?;
    uuid::Uuid::parse_str(raw).ok()
}

/// The knowledge base at the search of `query` (a query string without `?`; empty: none).
pub fn knowledge_href(query: &str) -> String {
    if query.is_empty() {
        "/knowledge".to_owned()
    } else {
        format!("/knowledge?{query}")
    }
}

/// A discussion's thread.
pub fn discussion_href(id: uuid::Uuid) -> String {
    format!("/discussions/{id}")
}

/// The discussion a path such as `/discussions/<id>` names.
pub fn discussion_id_in(path: &str) -> Option<uuid::Uuid> {
    let raw = path.strip_prefix("/discussions/")?.trim_end_matches('/');
    uuid::Uuid::parse_str(raw).ok()
}

/// An event's page.
pub fn event_href(id: uuid::Uuid) -> String {
    format!("/events/{id}")
}

/// The form that changes an event.
pub fn event_edit_href(id: uuid::Uuid) -> String {
    format!("/events/{id}/edit")
}

/// The event a path such as `/events/<id>` or `/events/<id>/edit` names.
pub fn event_id_in(path: &str) -> Option<uuid::Uuid> {
    let raw = path.strip_prefix("/events/")?.split('/').next()?;
    uuid::Uuid::parse_str(raw).ok()
}

/// An expert's page.
pub fn expert_href(id: uuid::Uuid) -> String {
    format!("/experts/{id}")
}

/// The expert a path such as `/experts/<id>` names.
pub fn expert_id_in(path: &str) -> Option<uuid::Uuid> {
    let raw = path.strip_prefix("/experts/")?.trim_end_matches('/');
    uuid::Uuid::parse_str(raw).ok()
}

/// The secretariat's page of an expression of interest.
pub fn application_href(id: uuid::Uuid) -> String {
    format!("/membership-applications/{id}")
}

/// The application a path such as `/membership-applications/<id>` names.
pub fn application_id_in(path: &str) -> Option<uuid::Uuid> {
    let raw = path
        .strip_prefix("/membership-applications/")?
        .trim_end_matches('/');
    uuid::Uuid::parse_str(raw).ok()
}

/// The token of a mail's link such as `/invitations/<token>` (`prefix`: `/invitations/`).
pub fn token_in(path: &str, prefix: &str) -> Option<String> {
    let token = path.strip_prefix(prefix)?.trim_end_matches('/');
    (!token.is_empty() && !token.contains('/')).then(|| token.to_owned())
}

/// The value of the query parameter `name` of the current location, decoded.
pub fn query_param(name: &str) -> Option<String> {
    let search = window().location().search().ok()?;
    search
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(key, _)| *key == name)
        .and_then(|(_, value)| js_sys::decode_uri_component(&value.replace('+', " ")).ok())
        .and_then(|value| value.as_string())
}

/// The app's page of a reviewed document: the same path as the document's in the API.
pub fn document_href(doc: DocumentRef) -> String {
    doc.path()
}

/// The current location; a copyable handle.
#[derive(Debug, Clone, Copy)]
pub struct Router {
    path: RwSignal<String>,
    /// The query string of the current location, with its `?` (empty when none).
    search: RwSignal<String>,
}

fn window() -> web_sys::Window {
    leptos::prelude::window()
}

fn current_path() -> String {
    window().location().pathname().unwrap_or_default()
}

fn current_search() -> String {
    window().location().search().unwrap_or_default()
}

fn current_full_path() -> String {
    let location = window().location();
    let mut full = location.pathname().unwrap_or_default();
    full.push_str(&location.search().unwrap_or_default());
    full.push_str(&location.hash().unwrap_or_default());
    full
}

/// Starts following the location: back/forward and clicks on same-origin links.
pub fn provide_router() -> Router {
    let router = Router {
        path: RwSignal::new(current_path()),
        search: RwSignal::new(current_search()),
    };
    let _ = window_event_listener(leptos::ev::popstate, move |_| router.sync());
    let _ = window_event_listener(leptos::ev::click, move |ev| router.follow_link(&ev));
    provide_context(router);
    router
}

pub fn use_router() -> Router {
    expect_context::<Router>()
}

impl Router {
    /// The path of the current location (tracked).
    pub fn path(self) -> ReadSignal<String> {
        self.path.read_only()
    }

    /// The query string of the current location, with its `?` (tracked): pages that keep
    /// their state in it (the knowledge base's search) follow back and forward with it.
    pub fn search(self) -> ReadSignal<String> {
        self.search.read_only()
    }

    fn sync(self) {
        let now = current_path();
        let search = current_search();
        if self.search.with_untracked(|s| *s != search) {
            self.search.set(search);
        }
        if self.path.with_untracked(|p| *p != now) {
            self.path.set(now);
        }
    }

    /// Goes to `to` like [`Router::navigate`], but stays where the page is scrolled: for a
    /// change of the query string of the page shown (a filter, the words of a search).
    pub fn set_query(self, to: &str, replace: bool) {
        self.go(to, replace, false);
    }

    /// Goes to `to` (a path with an optional query and fragment), adding a history entry
    /// unless `replace`; then shows the element the fragment names, or the top of the page.
    pub fn navigate(self, to: &str, replace: bool) {
        self.go(to, replace, true);
    }

    fn go(self, to: &str, replace: bool, scroll: bool) {
        if let Ok(history) = window().history() {
            let _ = if replace {
                history.replace_state_with_url(&JsValue::NULL, "", Some(to))
            } else if current_full_path() != to {
                history.push_state_with_url(&JsValue::NULL, "", Some(to))
            } else {
                Ok(())
            };
        }
        self.sync();
        scroll_to_fragment(scroll);
    }

    /// Sends a signed-out visitor to the sign-in page, which brings them back here afterwards
    /// (`/login?next=…`). The page they asked for is replaced, so Back does not loop.
    pub fn to_login(self) {
        if Route::of(&current_path()) == Route::Login {
            return;
        }
        let here = current_full_path();
        let next = if here == "/" {
            String::new()
        } else {
            format!(
                "?next={}",
                String::from(js_sys::encode_uri_component(&here))
            )
        };
        self.navigate(&format!("/login{next}"), true);
    }

    /// Where the sign-in page goes once signed in: the `next` it was given, or home.
    pub fn after_login(self) -> String {
        let search = window().location().search().unwrap_or_default();
        search
            .trim_start_matches('?')
            .split('&')
            .find_map(|pair| pair.strip_prefix("next="))
            .and_then(|next| js_sys::decode_uri_component(next).ok())
            .and_then(|next| next.as_string())
            .and_then(|next| local_path(&next).map(str::to_owned))
            .unwrap_or_else(|| "/".to_owned())
    }

    /// Handles a click on a same-origin link in the app without reloading the page.
    fn follow_link(self, ev: &MouseEvent) {
        if ev.default_prevented()
            || ev.button() != 0
            || ev.meta_key()
            || ev.alt_key()
            || ev.ctrl_key()
            || ev.shift_key()
        {
            return;
        }
        let Some(a) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("a").ok().flatten())
            .and_then(|el| el.dyn_into::<HtmlAnchorElement>().ok())
        else {
            return;
        };
        let href = a.href();
        if !a.target().is_empty()
            || href.is_empty()
            || a.has_attribute("download")
            || a.get_attribute("rel")
                .is_some_and(|rel| rel.split([' ', '\t']).any(|p| p == "external"))
        {
            return;
        }
        let Ok(url) = web_sys::Url::new(&href) else {
            return;
        };
        if window().location().origin().ok() != Some(url.origin()) {
            return;
        }
        ev.prevent_default();
        let to = format!("{}{}{}", url.pathname(), url.search(), url.hash());
        let scroll = !a.has_attribute("noscroll") && !a.has_attribute("data-noscroll");
        self.go(&to, false, scroll);
    }
}

fn scroll_to_fragment(scroll: bool) {
    let window = window();
    if let Ok(hash) = window.location().hash()
        && let Some(id) = hash.strip_prefix('#')
    {
        let id = js_sys::decode_uri(id)
            .ok()
            .and_then(|decoded| decoded.as_string())
            .unwrap_or_else(|| id.to_owned());
        if let Some(el) = document().get_element_by_id(&id) {
            el.scroll_into_view();
            return;
        }
    }
    if scroll {
        window.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// `next` if it is a path of this app, so that a crafted link cannot send a member who signs
/// in to another site (`//host`, `/\\host` and absolute URLs are refused), nor back to `/login`.
fn local_path(next: &str) -> Option<&str> {
    let path = next.split(['?', '#']).next().unwrap_or_default();
    (next.starts_with('/')
        && !next.chars().any(char::is_control)
        && !next.starts_with("//")
        && !next.starts_with("/\\")
        && Route::of(path) != Route::Login)
        .then_some(next)
}

/// Whether a link to `href` leads to the page at `location` or inside it (segment by segment,
/// so `/roadmaps` is not current at `/roadmaps-old`, and `/` only at `/`).
fn is_active_for(href: &str, location: &str) -> bool {
    let mut href_parts = href.split('/');
    std::iter::zip(location.split('/'), href_parts.by_ref())
        .enumerate()
        .all(|(i, (loc, part))| loc == part || part.is_empty() && i > 1)
        && matches!(href_parts.next(), None | Some(""))
}

/// A link within the app; `aria-current="page"` when it leads to the current page (`exact`:
/// only to exactly this path).
#[component]
pub fn A(
    #[prop(into)] href: String,
    #[prop(optional)] exact: bool,
    children: Children,
) -> impl IntoView {
    let path = use_router().path;
    let current = {
        let href = href.clone();
        move || {
            path.with(|loc| {
                if exact {
                    *loc == href
                } else {
                    is_active_for(&href, loc)
                }
            })
            .then_some("page")
        }
    };
    view! {
        <a href=href aria-current=current>
            {children()}
        </a>
    }
}

#[cfg(test)]
mod tests {
    use super::{
        Route, cycle_year_in, is_active_for, local_path, report_href, report_id_in, roadmap_href,
        roadmap_id_in, synthesis_href, tracker_href, trend_code_in, trend_href,
    };
    use super::{
        application_href, application_id_in, country_code_in, group_href, group_id_in, team_href,
        token_in,
    };
    use super::{discussion_href, discussion_id_in, event_edit_href, event_href, event_id_in};
    use super::{expert_href, expert_id_in};
    use super::{knowledge_href, resource_edit_href, resource_href, resource_id_in};

    #[test]
    fn discussions_and_notifications_have_their_routes() {
        let id = uuid::Uuid::from_u128(42);
        assert_eq!(Route::of("/discussions"), Route::Discussions);
        assert_eq!(Route::of(&discussion_href(id)), Route::Discussion);
        assert_eq!(Route::of("/notifications"), Route::Notifications);
        assert_eq!(Route::of("/events"), Route::Events);
        assert_eq!(Route::of("/events/new"), Route::NewEvent);
        assert_eq!(Route::of("/experts/me"), Route::MyExpertProfile);
        let expert = uuid::Uuid::from_u128(42);
        assert_eq!(Route::of(&expert_href(expert)), Route::Expert);
        assert_eq!(expert_id_in(&expert_href(expert)), Some(expert));
        assert_eq!(Route::of("/contacts"), Route::Contacts);
        assert_eq!(Route::of(&event_href(id)), Route::Event);
        assert_eq!(Route::of(&event_edit_href(id)), Route::EditEvent);
        assert_eq!(event_id_in(&event_edit_href(id)), Some(id));
        assert_eq!(event_id_in("/events/new"), None);
        assert_eq!(discussion_id_in(&discussion_href(id)), Some(id));
        assert_eq!(discussion_id_in("/discussions/nope"), None);
        assert_eq!(discussion_id_in("/groups/x"), None);
        for route in [Route::Discussions, Route::Discussion, Route::Notifications] {
            assert!(!route.is_public() && !route.is_shared(), "{route:?}");
        }
    }

    #[test]
    fn the_knowledge_base_has_its_routes_and_its_public_pages() {
        let id = uuid::Uuid::from_u128(42);
        assert_eq!(Route::of("/knowledge"), Route::Knowledge);
        assert_eq!(Route::of("/knowledge/new"), Route::NewResource);
        assert_eq!(Route::of(&resource_href(id)), Route::Resource);
        assert_eq!(Route::of(&resource_edit_href(id)), Route::EditResource);
        assert_eq!(Route::of("/moderation"), Route::Moderation);
        assert_eq!(resource_id_in(&resource_href(id)), Some(id));
        assert_eq!(resource_id_in(&resource_edit_href(id)), Some(id));
        assert_eq!(resource_id_in("/knowledge/new"), None);
        assert_eq!(resource_id_in("/groups/x"), None);
        assert!(Route::Knowledge.is_public() && Route::Knowledge.is_shared());
        assert!(Route::Resource.is_public() && Route::Resource.is_shared());
        for route in [Route::NewResource, Route::EditResource, Route::Moderation] {
            assert!(!route.is_public() && !route.is_shared(), "{route:?}");
        }
        assert_eq!(knowledge_href(""), "/knowledge");
        assert_eq!(knowledge_href("q=a"), "/knowledge?q=a");
    }

    #[test]
    fn membership_pages_give_back_their_country_application_and_token() {
        let id = uuid::Uuid::from_u128(42);
        assert_eq!(application_id_in(&application_href(id)), Some(id));
        assert_eq!(application_id_in("/membership-applications/x"), None);
        assert_eq!(team_href("KEN"), "/countries/KEN/team");
        assert_eq!(country_code_in("/countries/KEN").as_deref(), Some("KEN"));
        assert_eq!(country_code_in(&team_href("KEN")).as_deref(), Some("KEN"));
        assert_eq!(
            token_in("/invitations/abc_DEF-1", "/invitations/").as_deref(),
            Some("abc_DEF-1")
        );
        assert_eq!(token_in("/invitations/", "/invitations/"), None);
        assert_eq!(token_in("/invitations/a/b", "/invitations/"), None);
    }

    #[test]
    fn the_pages_for_people_without_an_account_are_public() {
        for (path, route) in [
            ("/join", Route::Join),
            ("/invitations/abc", Route::Invitation),
            ("/forgot-password", Route::ForgotPassword),
            ("/reset-password/abc", Route::ResetPassword),
            ("/countries/KEN", Route::CountryProfile),
        ] {
            assert_eq!(Route::of(path), route);
            assert!(route.is_public(), "{path}");
        }
        for path in [
            "/countries/KEN/team",
            "/membership-applications",
            "/outbox",
            "/countries",
            "/",
        ] {
            assert!(!Route::of(path).is_public(), "{path}");
        }
        assert_eq!(
            Route::of("/membership-applications/0b7e0c1a-0000-4000-8000-000000000000"),
            Route::MembershipApplication
        );
        assert_eq!(Route::of("/countries/KEN/team"), Route::CountryTeam);
        assert_eq!(Route::of("/outbox"), Route::Outbox);
        assert_eq!(Route::of("/groups"), Route::Groups);
        let id = uuid::Uuid::from_u128(7);
        assert_eq!(Route::of(&group_href(id)), Route::Group);
        assert_eq!(group_id_in(&group_href(id)), Some(id));
        assert_eq!(group_id_in("/groups/nope"), None);
        assert!(!Route::Group.is_public());
    }

    #[test]
    fn a_roadmap_s_address_gives_back_its_id() {
        let id = uuid::Uuid::from_u128(42);
        assert_eq!(roadmap_id_in(&roadmap_href(id)), Some(id));
        assert_eq!(roadmap_id_in(&format!("{}/", roadmap_href(id))), Some(id));
        assert_eq!(roadmap_id_in("/roadmaps/not-an-id"), None);
        assert_eq!(roadmap_id_in("/users"), None);
        assert_eq!(report_id_in(&report_href(id)), Some(id));
        assert_eq!(report_id_in(&roadmap_href(id)), None);
    }

    #[test]
    fn cycle_and_country_pages_give_back_their_year_and_code() {
        assert_eq!(cycle_year_in(&tracker_href(2025)), Some(2025));
        assert_eq!(cycle_year_in(&synthesis_href(2026)), Some(2026));
        assert_eq!(cycle_year_in("/reporting-cycles/x/tracker"), None);
        assert_eq!(trend_href("KEN"), "/countries/KEN/trend");
        assert_eq!(trend_href("K/../EN"), "/countries/KEN/trend");
        assert_eq!(
            trend_code_in("/countries/KEN/trend").as_deref(),
            Some("KEN")
        );
        assert_eq!(trend_code_in("/countries//trend"), None);
    }

    #[test]
    fn every_path_of_the_app_has_its_route() {
        assert_eq!(Route::of("/login"), Route::Login);
        assert_eq!(Route::of("/"), Route::Home);
        assert_eq!(Route::of(""), Route::Home);
        assert_eq!(Route::of("/roadmaps"), Route::Roadmaps);
        assert_eq!(Route::of("/roadmaps/"), Route::Roadmaps);
        assert_eq!(
            Route::of("/roadmaps/0b7e0c1a-0000-4000-8000-000000000000"),
            Route::Roadmap
        );
        assert_eq!(Route::of("/review-queue"), Route::ReviewQueue);
        assert_eq!(Route::of("/countries"), Route::Countries);
        assert_eq!(Route::of("/countries/KEN/trend"), Route::CountryTrend);
        assert_eq!(Route::of("/reports"), Route::Reports);
        assert_eq!(
            Route::of("/reports/0b7e0c1a-0000-4000-8000-000000000000"),
            Route::Report
        );
        assert_eq!(Route::of("/reporting-cycles"), Route::ReportingCycles);
        assert_eq!(Route::of("/reporting-cycles/2025/tracker"), Route::Tracker);
        assert_eq!(
            Route::of("/reporting-cycles/2025/synthesis"),
            Route::Synthesis
        );
        assert_eq!(Route::of("/reporting-cycles/2025"), Route::NotFound);
        assert_eq!(Route::of("/users"), Route::Users);
        assert_eq!(Route::of("/api-tokens"), Route::ApiTokens);
        assert_eq!(Route::of("/account"), Route::Account);
        assert_eq!(Route::of("/nowhere"), Route::NotFound);
        assert_eq!(Route::of("/roadmaps/a/b"), Route::NotFound);
    }

    #[test]
    fn only_paths_of_this_app_are_followed_after_sign_in() {
        assert_eq!(
            local_path("/roadmaps/1?tab=2#actions"),
            Some("/roadmaps/1?tab=2#actions")
        );
        assert_eq!(local_path("/"), Some("/"));
        assert_eq!(local_path("//evil.example/x"), None);
        assert_eq!(local_path("/\\evil.example"), None);
        assert_eq!(local_path("https://evil.example/"), None);
        assert_eq!(local_path("javascript:alert(1)"), None);
        assert_eq!(local_path("/login?next=/"), None);
        assert_eq!(local_path("/\t/evil.example"), None);
        assert_eq!(local_path(""), None);
    }

    #[test]
    fn links_are_current_for_their_page_and_the_pages_inside_it() {
        assert!(is_active_for("/", "/"));
        assert!(!is_active_for("/", "/roadmaps"));
        assert!(is_active_for("/roadmaps", "/roadmaps"));
        assert!(is_active_for("/roadmaps", "/roadmaps/1"));
        assert!(!is_active_for("/roadmaps", "/roadmaps-old"));
        assert!(!is_active_for("/roadmaps/1", "/roadmaps"));
    }
}
