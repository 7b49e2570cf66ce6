//! The one client of the Pioneer Hub REST API that every page uses.
//!
//! It holds the session (access token, refresh token and the signed-in user) in a reactive
//! context and in localStorage under [`SESSION_KEY`], so that a reload keeps the member signed
//! in. Every request carries `Authorization: Bearer <access token>`. When the server answers
//! 401, the client exchanges the refresh token once — concurrent requests share that single
//! exchange, since the server rotates refresh tokens and a second exchange with the old one
//! would fail — and retries. When the exchange is refused the session is cleared, and the
//! protected routes send the member to `/login`.
//!
//! Every path of the API is written here, and only here: pages call one typed function per
//! endpoint ([`roadmaps::create`], [`documents::step`], …). The reviewed documents (roadmaps
//! and annual reports) share their sub-paths through [`DocumentRef`].

use std::cell::RefCell;

use futures::FutureExt;
use futures::future::{LocalBoxFuture, Shared};
pub use gloo_net::http::Method;
use gloo_net::http::{RequestBuilder, Response};
use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;
use pioneer_domain::auth::{LoginRequest, RefreshRequest, TokenResponse};
use pioneer_domain::page::MAX_PER_PAGE;
use pioneer_domain::two_factor::{LoginAnswer, TotpLogin};
use pioneer_domain::user::User;
use pioneer_domain::{ErrorBody, ErrorCode, FieldError, Page};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use uuid::Uuid;

/// localStorage key of the session.
pub const SESSION_KEY: &str = "pioneer.session";

const BASE: &str = "/api/v1";

/// Lists the SPA shows whole (the country page, the pickers of countries, strategies and
/// indicators). The server pages them like every list, so [`Api::get`] reads them page after
/// page and answers one page that holds every item.
const WHOLE_LISTS: [&str; 3] = ["/countries", "/strategies", "/indicators"];

/// Whether `path` (with its query string, if any) names one of [`WHOLE_LISTS`].
fn is_whole_list(path: &str) -> bool {
    let route = path.split_once('?').map_or(path, |(route, _)| route);
    WHOLE_LISTS.contains(&route)
}

/// `path` asking for page `page` of the largest size.
fn page_path(path: &str, page: u64) -> String {
    let separator = if path.contains('?') { '&' } else { '?' };
    format!("{path}{separator}per_page={MAX_PER_PAGE}&page={page}")
}

/// A signed-in member and the tokens that prove it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    pub access_token: String,
    pub refresh_token: String,
    pub user: User,
}

impl From<TokenResponse> for Session {
    fn from(tokens: TokenResponse) -> Self {
        Self {
            access_token: tokens.access_token,
            refresh_token: tokens.refresh_token,
            user: tokens.user,
        }
    }
}

/// Where a right password leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoginStep {
    SignedIn,
    /// Two-factor sign-in is on: a code is needed, sent with this challenge.
    CodeNeeded(String),
}

/// Why a call did not give the expected answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiError {
    /// The server answered with an error status, usually with the error envelope.
    Status {
        status: u16,
        /// `Other` when the answer had no error envelope (a proxy's page, say).
        code: ErrorCode,
        message: String,
        details: Vec<FieldError>,
        /// Seconds to wait, from `Retry-After` (sent with 429).
        retry_after: Option<u64>,
        /// With a 412 (stale write): the resource as it is now.
        current: Option<Value>,
    },
    /// No answer, or an answer that could not be read.
    Network(String),
    /// The session could not be renewed; the app is on its way back to the login page.
    SessionEnded,
}

impl ApiError {
    pub fn code(&self) -> Option<ErrorCode> {
        match self {
            ApiError::Status { code, .. } => Some(*code),
            _ => None,
        }
    }

    /// The HTTP status of an error answer.
    pub fn status(&self) -> Option<u16> {
        match self {
            ApiError::Status { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// The per-field problems of a 422 (empty for other errors).
    pub fn field_errors(&self) -> Vec<FieldError> {
        match self {
            ApiError::Status { details, .. } => details.clone(),
            _ => Vec::new(),
        }
    }
}

/// An answer with the revision its `ETag` names (roadmaps and their parts).
#[derive(Debug, Clone, PartialEq)]
pub struct Tagged<T> {
    pub value: T,
    pub revision: Option<i64>,
}

/// Reads an `ETag` such as `"7"` or `W/"7"` as the revision it names.
pub fn parse_etag(raw: &str) -> Option<i64> {
    raw.trim()
        .trim_start_matches("W/")
        .trim_matches('"')
        .parse()
        .ok()
}

fn revision_of(response: &Response) -> Option<i64> {
    response
        .headers()
        .get("ETag")
        .as_deref()
        .and_then(parse_etag)
}

/// What became of one refresh-token exchange.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Renewal {
    Renewed,
    Refused,
    Unreachable,
}

thread_local! {
    /// The refresh exchange in flight, shared by every request that waits for it.
    static RENEWAL: RefCell<Option<Shared<LocalBoxFuture<'static, Renewal>>>> = const { RefCell::new(None) };
}

/// The API client; a copyable handle to the session signal.
#[derive(Debug, Clone, Copy)]
pub struct Api {
    session: RwSignal<Option<Session>>,
    user: Memo<Option<User>>,
    signed_in: Memo<bool>,
}

/// Creates the client with the session stored by a previous visit, if any.
pub fn provide_api() -> Api {
    let stored = LocalStorage::get::<Session>(SESSION_KEY).ok();
    let session = RwSignal::new(stored);
    let api = Api {
        session,
        user: Memo::new(move |_| session.with(|s| s.as_ref().map(|s| s.user.clone()))),
        signed_in: Memo::new(move |_| session.with(Option::is_some)),
    };
    provide_context(api);
    api
}

/// Panics, naming the caller, outside the app's component tree.
#[track_caller]
pub fn use_api() -> Api {
    expect_context::<Api>()
}

impl Api {
    /// The signed-in member (tracked; unchanged by token renewals).
    pub fn user(self) -> Memo<Option<User>> {
        self.user
    }

    /// Whether someone is signed in (tracked).
    pub fn signed_in(self) -> bool {
        self.signed_in.get()
    }

    fn set_session(self, session: Option<Session>) {
        match &session {
            Some(session) => {
                let _ = LocalStorage::set(SESSION_KEY, session);
            }
            None => LocalStorage::delete(SESSION_KEY),
        }
        self.session.set(session);
    }

    fn access_token(self) -> Option<String> {
        self.session
            .with_untracked(|s| s.as_ref().map(|s| s.access_token.clone()))
    }

    /// Signs in; on success the session is stored and [`Api::signed_in`] turns true. A member
    /// with two-factor sign-in on gets a challenge instead, for [`Api::login_totp`].
    pub async fn login(self, request: &LoginRequest) -> Result<LoginStep, ApiError> {
        let response =
            send_once(Method::POST, "/auth/login", Some(&to_json(request)?), None).await?;
        match read_json(check(response).await?).await? {
            LoginAnswer::Tokens(tokens) => {
                self.set_session(Some(tokens.into()));
                Ok(LoginStep::SignedIn)
            }
            LoginAnswer::TotpRequired(answer) => Ok(LoginStep::CodeNeeded(answer.challenge)),
        }
    }

    /// The second step of signing in: the challenge and a code from the member's app (or a
    /// recovery code); on success the session is stored.
    pub async fn login_totp(self, challenge: &str, code: &str) -> Result<(), ApiError> {
        let body = TotpLogin {
            challenge: challenge.to_owned(),
            code: code.trim().to_owned(),
        };
        let body = to_json(&body)?;
        let response = send_once(Method::POST, "/auth/login/totp", Some(&body), None).await?;
        let tokens: TokenResponse = read_json(check(response).await?).await?;
        self.set_session(Some(tokens.into()));
        Ok(())
    }

    /// Reloads the member from `GET /me`, so that a changed role or name shows up (and a
    /// stale stored session is renewed or ended) as soon as the app starts.
    pub async fn reload_user(self) {
        if let Ok(user) = self.get::<User>("/me").await
            && let Some(mut session) = self.session.get_untracked()
            && session.user != user
        {
            session.user = user;
            self.set_session(Some(session));
        }
    }

    /// Ends the session on the server (best effort) and here.
    pub async fn logout(self) {
        let session = self.session.get_untracked();
        self.set_session(None);
        if let Some(session) = session {
            let body = RefreshRequest {
                refresh_token: session.refresh_token,
            };
            if let Ok(body) = to_json(&body) {
                let _ = send_once(
                    Method::POST,
                    "/auth/logout",
                    Some(&body),
                    Some(&session.access_token),
                )
                .await;
            }
        }
    }

    pub async fn get<T: DeserializeOwned>(self, path: &str) -> Result<T, ApiError> {
        if is_whole_list(path) {
            return self.get_every_page(path).await;
        }
        read_json(self.send(Method::GET, path, None).await?).await
    }

    /// Every item of a paged list, as one page: pages of [`MAX_PER_PAGE`] are read until the
    /// items reach the list's `total` (or a page comes back empty, should the list shrink).
    async fn get_every_page<T: DeserializeOwned>(self, path: &str) -> Result<T, ApiError> {
        let page = |n: u64| async move {
            let response = self.send(Method::GET, &page_path(path, n), None).await?;
            read_json::<Page<Value>>(response).await
        };
        // The first page tells how many there are; the others are asked for at once (a round
        // trip each on a slow link is what a member waits for).
        let first = page(1).await?;
        let pages = first.total.div_ceil(MAX_PER_PAGE).max(1);
        let mut items = first.items;
        for answer in futures::future::join_all((2..=pages).map(page)).await {
            items.extend(answer?.items);
        }
        let whole = to_value(&Page::whole(items))
            .ok_or_else(|| ApiError::Network("a list could not be read".into()))?;
        from_value(&whole).ok_or_else(|| ApiError::Network("a list could not be read".into()))
    }

    pub async fn post<B: Serialize, T: DeserializeOwned>(
        self,
        path: &str,
        body: &B,
    ) -> Result<T, ApiError> {
        read_json(self.send(Method::POST, path, Some(to_json(body)?)).await?).await
    }

    pub async fn patch<B: Serialize, T: DeserializeOwned>(
        self,
        path: &str,
        body: &B,
    ) -> Result<T, ApiError> {
        read_json(self.send(Method::PATCH, path, Some(to_json(body)?)).await?).await
    }

    pub async fn delete(self, path: &str) -> Result<(), ApiError> {
        self.send(Method::DELETE, path, None).await.map(drop)
    }

    /// Downloads a file of the API (a spreadsheet export) through the signed-in session, and
    /// hands it to the browser to save as `file_name`: a plain link would not carry the token.
    pub async fn download(self, path: &str, file_name: &str) -> Result<(), ApiError> {
        let response = self
            .send_with(Method::GET, path, None, None, ("*/*", false))
            .await?;
        let kind = response.headers().get("Content-Type").unwrap_or_default();
        let bytes = response.binary().await.map_err(network)?;
        save_file(&bytes, &kind, file_name)
            .map_err(|_| ApiError::Network("the file could not be saved".into()))
    }

    /// A read that also gives the revision of the `ETag` header.
    pub async fn get_tagged<T: DeserializeOwned>(self, path: &str) -> Result<Tagged<T>, ApiError> {
        self.read_tagged(path, false).await
    }

    /// [`Api::get_tagged`] past the browser's HTTP cache: for an answer that depends on its
    /// reader (what they may do with it) while its `ETag` names only the revision, so that a
    /// `304` would bring back what another reader, or the same one earlier, was answered.
    pub async fn get_tagged_fresh<T: DeserializeOwned>(
        self,
        path: &str,
    ) -> Result<Tagged<T>, ApiError> {
        self.read_tagged(path, true).await
    }

    async fn read_tagged<T: DeserializeOwned>(
        self,
        path: &str,
        no_store: bool,
    ) -> Result<Tagged<T>, ApiError> {
        let response = self
            .send_with(Method::GET, path, None, None, (JSON, no_store))
            .await?;
        let revision = revision_of(&response);
        Ok(Tagged {
            value: read_json(response).await?,
            revision,
        })
    }

    /// A write guarded by `If-Match: "<revision>"`; the answer's body (none for 204) and the
    /// new revision from its `ETag`.
    pub async fn write_tagged<T: DeserializeOwned>(
        self,
        method: Method,
        path: &str,
        body: Option<&Value>,
        revision: i64,
    ) -> Result<Tagged<Option<T>>, ApiError> {
        let body = body.map(to_json).transpose()?;
        let if_match = format!("\"{revision}\"");
        let response = self
            .send_with(method, path, body, Some(&if_match), (JSON, false))
            .await?;
        let revision = revision_of(&response);
        let value = if response.status() == 204 {
            None
        } else {
            Some(read_json(response).await?)
        };
        Ok(Tagged { value, revision })
    }

    /// Sends an authenticated request, renewing the session once on 401.
    async fn send(
        self,
        method: Method,
        path: &str,
        body: Option<String>,
    ) -> Result<Response, ApiError> {
        self.send_with(method, path, body, None, (JSON, false))
            .await
    }

    /// [`Api::send`] with an optional `If-Match` header, asking for `accept`, and bypassing
    /// the browser's HTTP cache when `no_store`.
    async fn send_with(
        self,
        method: Method,
        path: &str,
        body: Option<String>,
        if_match: Option<&str>,
        (accept, no_store): (&str, bool),
    ) -> Result<Response, ApiError> {
        let used = self.access_token();
        let response = send_raw(
            method.clone(),
            path,
            body.as_deref(),
            (used.as_deref(), if_match),
            (accept, no_store),
        )
        .await?;
        if response.status() != 401 || used.is_none() {
            return check(response).await;
        }
        // Another request may have renewed the session while this one was on its way.
        let current = self.access_token();
        let fresh = if current.is_some() && current != used {
            current
        } else {
            match self.renew().await {
                Renewal::Renewed => self.access_token(),
                Renewal::Refused => None,
                Renewal::Unreachable => {
                    return Err(ApiError::Network("session renewal failed".into()));
                }
            }
        };
        let Some(fresh) = fresh else {
            self.set_session(None);
            return Err(ApiError::SessionEnded);
        };
        let response = send_raw(
            method,
            path,
            body.as_deref(),
            (Some(&fresh), if_match),
            (accept, no_store),
        )
        .await?;
        if response.status() == 401 {
            self.set_session(None);
            return Err(ApiError::SessionEnded);
        }
        check(response).await
    }

    /// Exchanges the refresh token, joining the exchange already in flight if there is one.
    async fn renew(self) -> Renewal {
        let renewal = RENEWAL.with(|cell| {
            cell.borrow_mut()
                .get_or_insert_with(|| {
                    async move {
                        let outcome = self.exchange_refresh_token().await;
                        RENEWAL.with(|cell| cell.borrow_mut().take());
                        outcome
                    }
                    .boxed_local()
                    .shared()
                })
                .clone()
        });
        renewal.await
    }

    async fn exchange_refresh_token(self) -> Renewal {
        let Some(refresh_token) = self
            .session
            .with_untracked(|s| s.as_ref().map(|s| s.refresh_token.clone()))
        else {
            return Renewal::Refused;
        };
        let Ok(body) = to_json(&RefreshRequest { refresh_token }) else {
            return Renewal::Refused;
        };
        let Ok(response) = send_once(Method::POST, "/auth/refresh", Some(&body), None).await else {
            return Renewal::Unreachable;
        };
        if !response.ok() {
            return if response.status() >= 500 {
                Renewal::Unreachable
            } else {
                Renewal::Refused
            };
        }
        match response.json::<TokenResponse>().await {
            Ok(tokens) => {
                self.set_session(Some(tokens.into()));
                Renewal::Renewed
            }
            Err(_) => Renewal::Refused,
        }
    }
}

/// `serde_json::to_value`, through text: every type is then serialized by the one serializer
/// that requests use, instead of a second copy of its `Serialize` code for `Value` in the wasm.
pub fn to_value<T: Serialize + ?Sized>(value: &T) -> Option<Value> {
    serde_json::to_string(value)
        .ok()
        .and_then(|text| serde_json::from_str(&text).ok())
}

/// `serde_json::from_value`, through text, for the same reason as [`to_value`]: a type's
/// `Deserialize` code then exists once, for the text deserializer that answers use.
pub fn from_value<T: DeserializeOwned>(value: &Value) -> Option<T> {
    serde_json::to_string(value)
        .ok()
        .and_then(|text| serde_json::from_str(&text).ok())
}

fn to_json<B: Serialize + ?Sized>(body: &B) -> Result<String, ApiError> {
    serde_json::to_string(body).map_err(|e| ApiError::Network(e.to_string()))
}

async fn send_once(
    method: Method,
    path: &str,
    body: Option<&str>,
    access_token: Option<&str>,
) -> Result<Response, ApiError> {
    send_raw(method, path, body, (access_token, None), (JSON, false)).await
}

/// What the API answers, unless a download asks for a file.
const JSON: &str = "application/json";

/// One request: `Authorization` with the access token and `If-Match`, when given; past the
/// browser's HTTP cache when `no_store`.
async fn send_raw(
    method: Method,
    path: &str,
    body: Option<&str>,
    (access_token, if_match): (Option<&str>, Option<&str>),
    (accept, no_store): (&str, bool),
) -> Result<Response, ApiError> {
    let mut builder = RequestBuilder::new(&format!("{BASE}{path}"))
        .method(method)
        .header("Accept", accept);
    if no_store {
        builder = builder.cache(web_sys::RequestCache::NoStore);
    }
    if let Some(token) = access_token {
        builder = builder.header("Authorization", &format!("Bearer {token}"));
    }
    if let Some(tag) = if_match {
        builder = builder.header("If-Match", tag);
    }
    let request = match body {
        Some(body) => builder
            .header("Content-Type", "application/json")
            .body(body),
        None => builder.build(),
    };
    request.map_err(network)?.send().await.map_err(network)
}

/// Passes a success through; turns an error status into [`ApiError::Status`].
async fn check(response: Response) -> Result<Response, ApiError> {
    if response.ok() {
        return Ok(response);
    }
    let status = response.status();
    let retry_after = response
        .headers()
        .get("Retry-After")
        .and_then(|v| v.trim().parse().ok());
    let text = response.text().await.unwrap_or_default();
    Err(error_of(status, response.status_text(), &text, retry_after))
}

/// An error answer: its status, its status text, its body (the error envelope, or anything
/// else) and its `Retry-After`.
fn error_of(status: u16, status_text: String, text: &str, retry_after: Option<u64>) -> ApiError {
    let (code, message, details, current) = match serde_json::from_str::<ErrorBody>(text) {
        Ok(body) => (
            body.error.code,
            body.error.message,
            body.error.details,
            body.current,
        ),
        Err(_) => (ErrorCode::Other, status_text, Vec::new(), None),
    };
    ApiError::Status {
        status,
        code,
        message,
        details,
        retry_after,
        current,
    }
}

async fn read_json<T: DeserializeOwned>(response: Response) -> Result<T, ApiError> {
    response.json::<T>().await.map_err(network)
}

/// Offers `bytes` to the browser as a download named `file_name`.
fn save_file(bytes: &[u8], kind: &str, file_name: &str) -> Result<(), wasm_bindgen::JsValue> {
    use wasm_bindgen::JsCast;
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(kind);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = leptos::prelude::document();
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    link.set_href(&url);
    link.set_download(file_name);
    link.click();
    // Once the browser has started the download.
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(5),
    );
    Ok(())
}

fn network(error: gloo_net::Error) -> ApiError {
    ApiError::Network(error.to_string())
}

/// A kind of document that a country team drafts and submits and a reviewer decides on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    Roadmap,
    /// An annual progress report (`/reports/{id}`).
    Report,
    /// A country's expression of interest (`/membership-applications/{id}`): only its history
    /// goes through [`DocumentRef`].
    MembershipApplication,
    /// A knowledge resource (`/resources/{id}`; its page in the app is `/knowledge/{id}`): its
    /// comments and history go through [`DocumentRef`].
    Resource,
}

impl DocumentKind {
    /// The collection's path segment, the same in the API and in the app's addresses.
    pub fn collection(self) -> &'static str {
        match self {
            DocumentKind::Roadmap => "roadmaps",
            DocumentKind::Report => "reports",
            DocumentKind::MembershipApplication => "membership-applications",
            DocumentKind::Resource => "resources",
        }
    }

    /// The kind in one word, for keys such as localStorage's.
    pub fn as_str(self) -> &'static str {
        match self {
            DocumentKind::Roadmap => "roadmap",
            DocumentKind::Report => "report",
            DocumentKind::MembershipApplication => "membership_application",
            DocumentKind::Resource => "resource",
        }
    }
}

/// One reviewed document: where it and its review sub-resources live.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DocumentRef {
    pub kind: DocumentKind,
    pub id: Uuid,
}

/// The page size of lists that the app reads whole (comments, history, versions).
const WHOLE_LIST: &str = "per_page=100";

impl DocumentRef {
    pub fn roadmap(id: Uuid) -> Self {
        Self {
            kind: DocumentKind::Roadmap,
            id,
        }
    }

    pub fn report(id: Uuid) -> Self {
        Self {
            kind: DocumentKind::Report,
            id,
        }
    }

    pub fn membership_application(id: Uuid) -> Self {
        Self {
            kind: DocumentKind::MembershipApplication,
            id,
        }
    }

    pub fn resource(id: Uuid) -> Self {
        Self {
            kind: DocumentKind::Resource,
            id,
        }
    }

    /// `/roadmaps/{id}`: the document in the API, and its page in the app.
    pub fn path(self) -> String {
        format!("/{}/{}", self.kind.collection(), self.id)
    }

    fn sub(self, tail: &str) -> String {
        format!("{}/{tail}", self.path())
    }

    pub fn comments_path(self) -> String {
        self.sub("comments")
    }

    pub fn reviews_path(self) -> String {
        self.sub("reviews")
    }

    pub fn history_path(self) -> String {
        self.sub(&format!("history?{WHOLE_LIST}"))
    }

    pub fn step_path(self, step: Step) -> String {
        self.sub(step.segment())
    }

    pub fn changes_since_approved_path(self) -> String {
        self.sub("changes-since-approved")
    }

    /// A part list of the document (`segment`, e.g. `priorities`) or one of its parts; the
    /// document itself when `segment` is `None`.
    pub fn part_path(self, segment: Option<&str>, part: Option<Uuid>) -> String {
        match (segment, part) {
            (None, _) => self.path(),
            (Some(segment), None) => self.sub(segment),
            (Some(segment), Some(part)) => self.sub(&format!("{segment}/{part}")),
        }
    }
}

/// A workflow step that every reviewed document takes the same way: `POST` with `If-Match`,
/// answered with the whole document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Submit,
    Withdraw,
}

impl Step {
    fn segment(self) -> &'static str {
        match self {
            Step::Submit => "submit",
            Step::Withdraw => "withdraw",
        }
    }
}

/// A reviewer's decision, as the API takes it: a roadmap is approved, a report accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Approve,
    Accept,
    RequestChanges,
}

/// `POST /{documents}/{id}/reviews`.
#[derive(Debug, Clone, Serialize)]
pub struct Review {
    pub decision: Verdict,
    /// Required when requesting changes.
    pub comment: Option<String>,
}

/// `path` with the query parameters that have a value, escaped.
pub fn with_query(path: &str, params: &[(&str, &str)]) -> String {
    let mut path = path.to_owned();
    for (name, value) in params {
        if value.is_empty() {
            continue;
        }
        let separator = if path.contains('?') { '&' } else { '?' };
        path.push(separator);
        path.push_str(name);
        path.push('=');
        path.push_str(&url_escape(value));
    }
    path
}

/// Escapes what a query value may not hold as it is (the filters are codes, but a code is
/// still input).
fn url_escape(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                char::from(b).to_string()
            }
            other => format!("%{other:02X}"),
        })
        .collect()
}

/// The endpoints that every reviewed document shares.
pub mod documents {
    use pioneer_domain::Page;
    use pioneer_domain::roadmap::{Comment, HistoryEntry, NewComment};
    use serde::de::DeserializeOwned;
    use serde_json::Value;

    use super::{
        Api, ApiError, DocumentRef, Method, Review, Step, Tagged, WHOLE_LIST, read_json, to_json,
        to_value,
    };
    use pioneer_domain::review::{ChangesSinceApproved, EditedComment};
    use uuid::Uuid;

    /// The document with the revision its `ETag` names.
    pub async fn get<D: DeserializeOwned>(
        api: Api,
        doc: DocumentRef,
    ) -> Result<Tagged<D>, ApiError> {
        api.get_tagged(&doc.path()).await
    }

    /// Every comment on the document (the first hundred).
    pub async fn comments(api: Api, doc: DocumentRef) -> Result<Vec<Comment>, ApiError> {
        let path = format!("{}?{WHOLE_LIST}", doc.comments_path());
        api.get::<Page<Comment>>(&path).await.map(|page| page.items)
    }

    pub async fn post_comment(
        api: Api,
        doc: DocumentRef,
        comment: &NewComment,
    ) -> Result<Comment, ApiError> {
        api.post(&doc.comments_path(), comment).await
    }

    /// Its author's new text of a comment.
    pub async fn edit_comment(
        api: Api,
        doc: DocumentRef,
        id: Uuid,
        body: &str,
    ) -> Result<Comment, ApiError> {
        let edited = EditedComment {
            body: body.to_owned(),
        };
        let path = format!("{}/{id}", doc.comments_path());
        read_json(
            api.send(Method::PUT, &path, Some(to_json(&edited)?))
                .await?,
        )
        .await
    }

    /// Removes a comment (a moderator, or its author): it stays in its thread without its text.
    pub async fn remove_comment(api: Api, doc: DocumentRef, id: Uuid) -> Result<Comment, ApiError> {
        let path = format!("{}/{id}", doc.comments_path());
        read_json(api.send(Method::DELETE, &path, None).await?).await
    }

    /// A reviewer's decision on the revision they saw.
    pub async fn review<D: DeserializeOwned>(
        api: Api,
        doc: DocumentRef,
        revision: i64,
        review: &Review,
    ) -> Result<Tagged<Option<D>>, ApiError> {
        let body = to_value(review);
        api.write_tagged(Method::POST, &doc.reviews_path(), body.as_ref(), revision)
            .await
    }

    pub async fn step<D: DeserializeOwned>(
        api: Api,
        doc: DocumentRef,
        step: Step,
        revision: i64,
    ) -> Result<Tagged<Option<D>>, ApiError> {
        api.write_tagged(Method::POST, &doc.step_path(step), None, revision)
            .await
    }

    /// What changed since the document's approved version.
    pub async fn changes_since_approved(
        api: Api,
        doc: DocumentRef,
    ) -> Result<ChangesSinceApproved, ApiError> {
        api.get(&doc.changes_since_approved_path()).await
    }

    pub async fn history(api: Api, doc: DocumentRef) -> Result<Page<HistoryEntry>, ApiError> {
        api.get(&doc.history_path()).await
    }

    /// One write to the document or to one of its parts, guarded by `If-Match`.
    pub async fn write_part(
        api: Api,
        doc: DocumentRef,
        (segment, part): (Option<&str>, Option<uuid::Uuid>),
        method: Method,
        body: Option<&Value>,
        revision: i64,
    ) -> Result<Tagged<Option<Value>>, ApiError> {
        api.write_tagged(method, &doc.part_path(segment, part), body, revision)
            .await
    }
}

/// Roadmaps: the lists, creation, versions and revision.
pub mod roadmaps {
    use pioneer_domain::Page;
    use pioneer_domain::roadmap::{NewRoadmap, Roadmap, RoadmapSummary};
    use uuid::Uuid;

    use super::{Api, ApiError, DocumentRef, Method, Tagged, WHOLE_LIST, with_query};

    /// `/roadmaps` filtered by country and status (empty: any).
    pub fn list_path(country: &str, status: &str) -> String {
        with_query(
            &format!("/roadmaps?{WHOLE_LIST}"),
            &[("country", country), ("status", status)],
        )
    }

    pub async fn list(
        api: Api,
        country: &str,
        status: &str,
    ) -> Result<Page<RoadmapSummary>, ApiError> {
        api.get(&list_path(country, status)).await
    }

    pub async fn create(api: Api, roadmap: &NewRoadmap) -> Result<Roadmap, ApiError> {
        api.post("/roadmaps", roadmap).await
    }

    pub async fn get(api: Api, id: Uuid) -> Result<Tagged<Roadmap>, ApiError> {
        super::documents::get(api, DocumentRef::roadmap(id)).await
    }

    pub fn versions_path(id: Uuid) -> String {
        format!("{}/versions?{WHOLE_LIST}", DocumentRef::roadmap(id).path())
    }

    /// Every version of the roadmap, the first one first.
    pub async fn versions(api: Api, id: Uuid) -> Result<Page<RoadmapSummary>, ApiError> {
        api.get(&versions_path(id)).await
    }

    /// Starts the next version of an approved roadmap; answered with the new draft.
    pub async fn revise(
        api: Api,
        id: Uuid,
        revision: i64,
    ) -> Result<Tagged<Option<Roadmap>>, ApiError> {
        let path = format!("{}/revise", DocumentRef::roadmap(id).path());
        api.write_tagged(Method::POST, &path, None, revision).await
    }

    /// Submitted roadmaps, oldest first.
    pub async fn review_queue(api: Api) -> Result<Page<RoadmapSummary>, ApiError> {
        api.get(&format!("/review-queue?{WHOLE_LIST}")).await
    }
}

/// Annual progress reports: the list, starting one, the parts of one.
pub mod reports {
    use pioneer_domain::Page;
    use pioneer_domain::report::{NewReport, Report, ReportSummary};
    use pioneer_domain::roadmap::Roadmap;
    use uuid::Uuid;

    use super::{Api, ApiError, DocumentRef, Tagged, WHOLE_LIST, with_query};

    /// `/reports` filtered by year, country and status (empty: any).
    pub fn list_path(year: &str, country: &str, status: &str) -> String {
        with_query(
            &format!("/reports?{WHOLE_LIST}"),
            &[("year", year), ("country", country), ("status", status)],
        )
    }

    pub async fn list(
        api: Api,
        year: &str,
        country: &str,
        status: &str,
    ) -> Result<Page<ReportSummary>, ApiError> {
        api.get(&list_path(year, country, status)).await
    }

    /// Starts the team's report of a cycle, pre-filled from its roadmap and last year's report.
    pub async fn create(api: Api, report: &NewReport) -> Result<Report, ApiError> {
        api.post("/reports", report).await
    }

    pub async fn get(api: Api, id: Uuid) -> Result<Tagged<Report>, ApiError> {
        super::documents::get(api, DocumentRef::report(id)).await
    }

    /// The roadmap a report is on (for the names of its priorities).
    pub async fn roadmap(api: Api, id: Uuid) -> Result<Roadmap, ApiError> {
        api.get(&DocumentRef::roadmap(id).path()).await
    }
}

/// Reporting cycles, and what the secretariat follows of each: the tracker and the synthesis.
pub mod cycles {
    use pioneer_domain::Page;
    use pioneer_domain::report::synthesis::Synthesis;
    use pioneer_domain::report::tracker::Tracker;
    use pioneer_domain::report::{NewReportingCycle, ReportingCycle, ReportingCyclePatch};

    use super::{Api, ApiError, WHOLE_LIST, with_query};

    /// Every cycle, the newest first.
    pub async fn list(api: Api) -> Result<Page<ReportingCycle>, ApiError> {
        api.get(&format!("/reporting-cycles?{WHOLE_LIST}")).await
    }

    pub async fn create(api: Api, cycle: &NewReportingCycle) -> Result<ReportingCycle, ApiError> {
        api.post("/reporting-cycles", cycle).await
    }

    pub async fn get(api: Api, year: i32) -> Result<ReportingCycle, ApiError> {
        api.get(&format!("/reporting-cycles/{year}")).await
    }

    pub async fn update(
        api: Api,
        year: i32,
        patch: &ReportingCyclePatch,
    ) -> Result<ReportingCycle, ApiError> {
        api.patch(&format!("/reporting-cycles/{year}"), patch).await
    }

    /// The tracker of `year` (`extension`: `""` for JSON, `".csv"`, `".xlsx"`), filtered by
    /// region and status (empty: any).
    pub fn tracker_path(year: i32, extension: &str, region: &str, status: &str) -> String {
        with_query(
            &format!("/reporting-cycles/{year}/tracker{extension}"),
            &[("region", region), ("status", status)],
        )
    }

    pub async fn tracker(
        api: Api,
        year: i32,
        region: &str,
        status: &str,
    ) -> Result<Tracker, ApiError> {
        api.get(&tracker_path(year, "", region, status)).await
    }

    /// The synthesis of `year` (`extension` as for [`tracker_path`]).
    pub fn synthesis_path(year: i32, extension: &str, include_submitted: bool) -> String {
        format!(
            "/reporting-cycles/{year}/synthesis{extension}?include_submitted={include_submitted}"
        )
    }

    pub async fn synthesis(
        api: Api,
        year: i32,
        include_submitted: bool,
    ) -> Result<Synthesis, ApiError> {
        api.get(&synthesis_path(year, "", include_submitted)).await
    }
}

/// The reference lists: countries, INSPIRE strategies, SDG indicators.
pub mod reference {
    use gloo_storage::{LocalStorage, Storage};
    use pioneer_domain::Page;
    use pioneer_domain::reference::{Country, Indicator, Strategy};
    use pioneer_domain::report::trend::CountryTrend;
    use serde::de::DeserializeOwned;
    use serde::{Deserialize, Serialize};

    use super::{Api, ApiError};

    /// How long a list kept in the browser is used without asking again: reference data
    /// changes with a release, not from day to day.
    const KEPT_FOR_MS: f64 = 24.0 * 60.0 * 60.0 * 1000.0;

    #[derive(Serialize, Deserialize)]
    struct Kept<T> {
        stored_at_ms: f64,
        page: Page<T>,
    }

    /// A whole reference list, from the browser's storage when it was read there within
    /// [`KEPT_FOR_MS`], else from the server (and kept): pages that open with pickers of
    /// strategies, indicators and countries then wait for no round trip of theirs.
    async fn kept<T: Serialize + DeserializeOwned>(
        api: Api,
        path: &str,
    ) -> Result<Page<T>, ApiError> {
        let key = format!("pioneer.reference:{path}");
        let now = js_sys::Date::now();
        if let Ok(kept) = LocalStorage::get::<Kept<T>>(&key)
            && (0.0..KEPT_FOR_MS).contains(&(now - kept.stored_at_ms))
        {
            return Ok(kept.page);
        }
        let page: Page<T> = api.get(path).await?;
        let kept = Kept {
            stored_at_ms: now,
            page,
        };
        // Full storage only costs the next visit a request.
        let _ = LocalStorage::set(&key, &kept);
        Ok(kept.page)
    }

    pub async fn strategies(api: Api) -> Result<Page<Strategy>, ApiError> {
        kept(api, "/strategies").await
    }

    pub async fn indicators(api: Api) -> Result<Page<Indicator>, ApiError> {
        kept(api, "/indicators").await
    }

    /// Every country, for pickers and names (kept: the countries page reads them afresh).
    pub async fn countries_kept(api: Api) -> Result<Page<Country>, ApiError> {
        kept(api, "/countries").await
    }

    /// Every ISO 3166-1 country, or only the pioneer countries.
    pub async fn countries(api: Api, pioneer_only: bool) -> Result<Page<Country>, ApiError> {
        let path = if pioneer_only {
            "/countries?pioneer=true"
        } else {
            "/countries"
        };
        api.get(path).await
    }

    pub async fn country(api: Api, code: &str) -> Result<Country, ApiError> {
        api.get(&country_path(code)).await
    }

    pub fn country_path(code: &str) -> String {
        // A code is three letters; anything else could not name a country anyway.
        let code: String = code.chars().filter(char::is_ascii_alphanumeric).collect();
        format!("/countries/{code}")
    }

    /// How the country's reports went over the years.
    pub async fn trend(api: Api, code: &str) -> Result<CountryTrend, ApiError> {
        api.get(&format!("{}/trend", country_path(code))).await
    }
}

/// Members (admins and the secretariat).
pub mod users {
    use pioneer_domain::Page;
    use pioneer_domain::user::{NewUser, User, UserPatch};
    use uuid::Uuid;

    use super::{Api, ApiError};

    pub fn list_path(page: u64, per_page: u64) -> String {
        format!("/users?page={page}&per_page={per_page}")
    }

    pub async fn list(api: Api, page: u64, per_page: u64) -> Result<Page<User>, ApiError> {
        api.get(&list_path(page, per_page)).await
    }

    pub async fn create(api: Api, user: &NewUser) -> Result<User, ApiError> {
        api.post("/users", user).await
    }

    pub async fn update(api: Api, id: Uuid, patch: &UserPatch) -> Result<User, ApiError> {
        api.patch(&format!("/users/{id}"), patch).await
    }
}

/// The signed-in member's API tokens.
pub mod api_tokens {
    use pioneer_domain::Page;
    use pioneer_domain::auth::{ApiToken, NewApiToken};
    use uuid::Uuid;

    use super::{Api, ApiError, WHOLE_LIST};

    pub async fn list(api: Api) -> Result<Page<ApiToken>, ApiError> {
        api.get(&format!("/api-tokens?{WHOLE_LIST}")).await
    }

    /// Creates a token; the answer is the only one that holds its secret.
    pub async fn create(api: Api, token: &NewApiToken) -> Result<ApiToken, ApiError> {
        api.post("/api-tokens", token).await
    }

    pub async fn revoke(api: Api, id: Uuid) -> Result<(), ApiError> {
        api.delete(&format!("/api-tokens/{id}")).await
    }
}

/// The signed-in member's two-factor sign-in.
pub mod two_factor {
    use pioneer_domain::two_factor::{RecoveryCodes, TotpCode, TotpSetup, TotpStatus};

    use super::{Api, ApiError, Method, to_json};

    const PATH: &str = "/me/totp";

    pub async fn status(api: Api) -> Result<TotpStatus, ApiError> {
        api.get(PATH).await
    }

    /// A new secret and its QR code; in force once [`confirm`]ed.
    pub async fn start(api: Api) -> Result<TotpSetup, ApiError> {
        api.post(PATH, &serde_json::json!({})).await
    }

    /// Turns it on with a code from the app; answers the recovery codes, shown once.
    pub async fn confirm(api: Api, code: &str) -> Result<RecoveryCodes, ApiError> {
        let body = TotpCode {
            code: code.trim().to_owned(),
        };
        api.post(&format!("{PATH}/confirm"), &body).await
    }

    /// Turns it off with a current code (or a recovery code).
    pub async fn turn_off(api: Api, code: &str) -> Result<(), ApiError> {
        let body = TotpCode {
            code: code.trim().to_owned(),
        };
        api.send(Method::DELETE, PATH, Some(to_json(&body)?))
            .await
            .map(drop)
    }
}

pub mod discussions;
pub mod events;
pub mod experts;
pub mod knowledge;
pub mod membership;
pub mod notifications;

/// Thematic groups and their members.
pub mod groups {
    use pioneer_domain::Page;
    use pioneer_domain::groups::{
        Group, GroupMember, JoinDecision, JoinRequest, NewGroup, NewGroupMember, NewJoinRequest,
    };
    use uuid::Uuid;

    use super::{Api, ApiError, with_query};

    /// Groups, and members of a group, shown per page.
    pub const PER_PAGE: u64 = 50;

    pub async fn list(api: Api, page: u64) -> Result<Page<Group>, ApiError> {
        let path = with_query(
            &format!("/groups?per_page={PER_PAGE}"),
            &[("page", &page.to_string())],
        );
        api.get(&path).await
    }

    pub async fn get(api: Api, id: Uuid) -> Result<Group, ApiError> {
        api.get(&format!("/groups/{id}")).await
    }

    pub async fn create(api: Api, group: &NewGroup) -> Result<Group, ApiError> {
        api.post("/groups", group).await
    }

    pub async fn members(api: Api, id: Uuid, page: u64) -> Result<Page<GroupMember>, ApiError> {
        let path = with_query(
            &format!("/groups/{id}/members?per_page={PER_PAGE}"),
            &[("page", &page.to_string())],
        );
        api.get(&path).await
    }

    pub async fn put_member(
        api: Api,
        id: Uuid,
        member: &NewGroupMember,
    ) -> Result<GroupMember, ApiError> {
        api.post(&format!("/groups/{id}/members"), member).await
    }

    pub async fn remove_member(api: Api, id: Uuid, user_id: Uuid) -> Result<(), ApiError> {
        api.delete(&format!("/groups/{id}/members/{user_id}")).await
    }

    /// Asks to join the group, with a note for its moderators.
    pub async fn ask_to_join(api: Api, id: Uuid, message: &str) -> Result<JoinRequest, ApiError> {
        let request = NewJoinRequest {
            message: message.to_owned(),
        };
        api.post(&format!("/groups/{id}/join"), &request).await
    }

    /// The requests waiting for an answer, oldest first (the group's moderators).
    pub async fn pending_requests(api: Api, id: Uuid) -> Result<Page<JoinRequest>, ApiError> {
        api.get(&format!(
            "/groups/{id}/requests?status=pending&per_page={PER_PAGE}"
        ))
        .await
    }

    pub async fn decide(
        api: Api,
        id: Uuid,
        request_id: Uuid,
        approve: bool,
    ) -> Result<JoinRequest, ApiError> {
        api.post(
            &format!("/groups/{id}/requests/{request_id}/decision"),
            &JoinDecision { approve },
        )
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(kind: DocumentKind) -> DocumentRef {
        DocumentRef {
            kind,
            id: Uuid::from_u128(7),
        }
    }

    #[test]
    fn a_document_s_review_paths_follow_its_kind() {
        let id = Uuid::from_u128(7);
        let roadmap = doc(DocumentKind::Roadmap);
        assert_eq!(roadmap.path(), format!("/roadmaps/{id}"));
        assert_eq!(roadmap.comments_path(), format!("/roadmaps/{id}/comments"));
        assert_eq!(roadmap.reviews_path(), format!("/roadmaps/{id}/reviews"));
        assert_eq!(
            roadmap.history_path(),
            format!("/roadmaps/{id}/history?per_page=100")
        );
        assert_eq!(
            roadmap.step_path(Step::Submit),
            format!("/roadmaps/{id}/submit")
        );
        let report = doc(DocumentKind::Report);
        assert_eq!(report, DocumentRef::report(id));
        assert_eq!(
            report.step_path(Step::Withdraw),
            format!("/reports/{id}/withdraw")
        );
        assert_eq!(report.reviews_path(), format!("/reports/{id}/reviews"));
        assert_eq!(
            report.part_path(Some("support-requests"), Some(Uuid::from_u128(9))),
            format!("/reports/{id}/support-requests/{}", Uuid::from_u128(9))
        );
        assert_eq!(
            report.changes_since_approved_path(),
            format!("/reports/{id}/changes-since-approved")
        );
        assert_eq!(
            roadmap.changes_since_approved_path(),
            format!("/roadmaps/{id}/changes-since-approved")
        );
    }

    #[test]
    fn a_review_says_its_decision_as_the_api_does() {
        let review = Review {
            decision: Verdict::Accept,
            comment: None,
        };
        assert_eq!(
            to_json(&review).ok().as_deref(),
            Some(r#"{"decision":"accept","comment":null}"#)
        );
        let review = Review {
            decision: Verdict::RequestChanges,
            comment: Some("More detail".into()),
        };
        assert_eq!(
            to_json(&review).ok().as_deref(),
            Some(r#"{"decision":"request_changes","comment":"More detail"}"#)
        );
    }

    #[test]
    fn part_paths_name_the_document_a_list_or_one_part() {
        let id = Uuid::from_u128(7);
        let part = Uuid::from_u128(9);
        let roadmap = doc(DocumentKind::Roadmap);
        assert_eq!(roadmap.part_path(None, None), format!("/roadmaps/{id}"));
        assert_eq!(
            roadmap.part_path(Some("actions"), None),
            format!("/roadmaps/{id}/actions")
        );
        assert_eq!(
            roadmap.part_path(Some("actions"), Some(part)),
            format!("/roadmaps/{id}/actions/{part}")
        );
    }

    #[test]
    fn list_filters_are_added_only_when_chosen_and_escaped() {
        assert_eq!(roadmaps::list_path("", ""), "/roadmaps?per_page=100");
        assert_eq!(
            roadmaps::list_path("KEN", "submitted"),
            "/roadmaps?per_page=100&country=KEN&status=submitted"
        );
        assert_eq!(
            roadmaps::list_path("K&N", ""),
            "/roadmaps?per_page=100&country=K%26N"
        );
        assert_eq!(reference::country_path("KEN/../x"), "/countries/KENx");
        assert_eq!(
            reports::list_path("2025", "", "submitted"),
            "/reports?per_page=100&year=2025&status=submitted"
        );
        assert_eq!(
            cycles::tracker_path(2025, ".csv", "Africa", ""),
            "/reporting-cycles/2025/tracker.csv?region=Africa"
        );
        assert_eq!(
            cycles::tracker_path(2025, "", "", "not_started"),
            "/reporting-cycles/2025/tracker?status=not_started"
        );
        assert_eq!(
            cycles::synthesis_path(2025, ".xlsx", true),
            "/reporting-cycles/2025/synthesis.xlsx?include_submitted=true"
        );
        assert_eq!(users::list_path(2, 20), "/users?page=2&per_page=20");
        assert_eq!(
            roadmaps::versions_path(Uuid::from_u128(7)),
            format!("/roadmaps/{}/versions?per_page=100", Uuid::from_u128(7))
        );
    }

    #[test]
    fn the_reference_lists_are_read_whole_with_or_without_filters() {
        assert!(is_whole_list("/countries"));
        assert!(is_whole_list("/countries?pioneer=true"));
        assert!(is_whole_list("/strategies"));
        assert!(!is_whole_list("/countries/KEN"));
        assert!(!is_whole_list("/roadmaps?country=KEN"));
    }

    #[test]
    fn a_page_is_asked_for_after_the_filters_at_the_largest_size() {
        assert_eq!(page_path("/countries", 2), "/countries?per_page=100&page=2");
        assert_eq!(
            page_path("/countries?pioneer=true", 1),
            "/countries?pioneer=true&per_page=100&page=1"
        );
    }
}
