//! The one client of the Pioneer Hub REST API that every page uses.
//!
//! It holds the session (access token, refresh token and the signed-in user) in a reactive
//! context and in localStorage under [`SESSION_KEY`], so that a reload keeps the member signed
//! in. Every request carries `Authorization: Bearer <access token>`. When the server answers
//! 401, the client exchanges the refresh token once — concurrent requests share that single
//! exchange, since the server rotates refresh tokens and a second exchange with the old one
//! would fail — and retries. When the exchange is refused the session is cleared, and the
//! protected routes send the member to `/login`.

use std::cell::RefCell;

use futures::FutureExt;
use futures::future::{LocalBoxFuture, Shared};
pub use gloo_net::http::Method;
use gloo_net::http::{RequestBuilder, Response};
use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;
use pioneer_domain::auth::{LoginRequest, RefreshRequest, TokenResponse};
use pioneer_domain::user::User;
use pioneer_domain::{ErrorBody, ErrorCode, FieldError};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::loader::Loader;

/// localStorage key of the session.
pub const SESSION_KEY: &str = "pioneer.session";

const BASE: &str = "/api/v1";

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

    /// Signs in; on success the session is stored and [`Api::signed_in`] turns true.
    pub async fn login(self, request: &LoginRequest) -> Result<(), ApiError> {
        let response =
            send_once(Method::POST, "/auth/login", Some(&to_json(request)?), None).await?;
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
        read_json(self.send(Method::GET, path, None).await?).await
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

    /// A read that also gives the revision of the `ETag` header.
    pub async fn get_tagged<T: DeserializeOwned>(self, path: &str) -> Result<Tagged<T>, ApiError> {
        let response = self.send(Method::GET, path, None).await?;
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
        let response = self.send_with(method, path, body, Some(&if_match)).await?;
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
        self.send_with(method, path, body, None).await
    }

    /// [`Api::send`] with an optional `If-Match` header.
    async fn send_with(
        self,
        method: Method,
        path: &str,
        body: Option<String>,
        if_match: Option<&str>,
    ) -> Result<Response, ApiError> {
        let used = self.access_token();
        let response = send_raw(
            method.clone(),
            path,
            body.as_deref(),
            used.as_deref(),
            if_match,
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
        let response = send_raw(method, path, body.as_deref(), Some(&fresh), if_match).await?;
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

/// A [`Loader`] of `GET <path()>`, fetched again whenever what `path` reads changes.
pub fn get_resource<T: DeserializeOwned + Clone + 'static>(
    api: Api,
    path: impl Fn() -> String + 'static,
) -> Loader<Result<T, ApiError>> {
    Loader::new(move || {
        let path = path();
        async move { api.get::<T>(&path).await }
    })
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
    send_raw(method, path, body, access_token, None).await
}

async fn send_raw(
    method: Method,
    path: &str,
    body: Option<&str>,
    access_token: Option<&str>,
    if_match: Option<&str>,
) -> Result<Response, ApiError> {
    let mut builder = RequestBuilder::new(&format!("{BASE}{path}"))
        .method(method)
        .header("Accept", "application/json");
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
    let (code, message, details, current) = match serde_json::from_str::<ErrorBody>(&text) {
        Ok(body) => (
            body.error.code,
            body.error.message,
            body.error.details,
            body.current,
        ),
        Err(_) => (ErrorCode::Other, response.status_text(), Vec::new(), None),
    };
    Err(ApiError::Status {
        status,
        code,
        message,
        details,
        retry_after,
        current,
    })
}

async fn read_json<T: DeserializeOwned>(response: Response) -> Result<T, ApiError> {
    response.json::<T>().await.map_err(network)
}

fn network(error: gloo_net::Error) -> ApiError {
    ApiError::Network(error.to_string())
}
