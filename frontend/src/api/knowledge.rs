//! The knowledge base: resources, their search and their moderation, their files (uploaded with
//! a report of the progress) and the preview of their Markdown.

use std::cell::RefCell;
use std::rc::Rc;

use futures::channel::oneshot;
use pioneer_domain::Page;
use pioneer_domain::knowledge::{
    MarkdownPreview, NewResource, RenderedMarkdown, Resource, ResourceFile, ReturnResource,
    SearchResults,
};
use serde_json::Value;
use uuid::Uuid;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

use super::{Api, ApiError, BASE, JSON, Method, Renewal, error_of, to_value, with_query};

/// Search results shown per page.
pub const PER_PAGE: u64 = 10;
/// Resources in each of the home's short lists (the latest, the most viewed).
pub const SHORT_LIST: u64 = 5;
/// Resources of the moderation queue shown per page.
pub const QUEUE_PER_PAGE: u64 = 20;

/// The order of `GET /resources`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    Latest,
    MostViewed,
}

impl Sort {
    fn as_str(self) -> &'static str {
        match self {
            Sort::Latest => "latest",
            Sort::MostViewed => "most_viewed",
        }
    }
}

pub fn list_path(sort: Sort, page: u64, per_page: u64) -> String {
    format!(
        "/resources?page={page}&per_page={per_page}&sort={}",
        sort.as_str()
    )
}

/// Published resources the reader may read.
pub async fn list(
    api: Api,
    sort: Sort,
    page: u64,
    per_page: u64,
) -> Result<Page<Resource>, ApiError> {
    api.get(&list_path(sort, page, per_page)).await
}

/// A filter of the search, counted in the results' facets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Facet {
    Kind,
    Strategy,
    Language,
    Country,
}

impl Facet {
    pub const ALL: [Facet; 4] = [
        Facet::Kind,
        Facet::Strategy,
        Facet::Language,
        Facet::Country,
    ];

    /// Its query parameter, the same in the API and in the app's address.
    pub fn param(self) -> &'static str {
        match self {
            Facet::Kind => "kind",
            Facet::Strategy => "strategy",
            Facet::Language => "language",
            Facet::Country => "country",
        }
    }
}

/// What a search asks for: words, one value per filter (empty: any), a group, and the page.
/// The knowledge base's address carries the same parameters as `/search`, so that a link to a
/// search, back and forward give the same search.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchQuery {
    /// The words as typed (trimmed only when sent).
    pub q: String,
    pub kind: String,
    pub strategy: String,
    pub language: String,
    pub country: String,
    pub group: String,
    /// 1 and up; 0 reads as 1.
    pub page: u64,
}

impl SearchQuery {
    /// Reads a query string (`?q=…&kind=tool`, with or without its `?`); what it does not know
    /// is left out.
    pub fn parse(search: &str) -> Self {
        let mut query = SearchQuery::default();
        for pair in search.trim_start_matches('?').split('&') {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value = url_unescape(value);
            match url_unescape(name).as_str() {
                "q" => query.q = value,
                "group" => query.group = value,
                "page" => query.page = value.trim().parse().unwrap_or(1),
                other => {
                    if let Some(facet) = Facet::ALL.into_iter().find(|f| f.param() == other) {
                        *query.filter_mut(facet) = value;
                    }
                }
            }
        }
        query
    }

    /// The page asked for, from 1.
    pub fn page(&self) -> u64 {
        self.page.max(1)
    }

    fn params(&self) -> [(&'static str, &str); 6] {
        [
            ("q", self.q.as_str()),
            ("kind", self.kind.as_str()),
            ("strategy", self.strategy.as_str()),
            ("language", self.language.as_str()),
            ("country", self.country.as_str()),
            ("group", self.group.as_str()),
        ]
    }

    /// The query string of the app's address (without `?`; empty for the plain knowledge
    /// base): only what is chosen, and the page after the first.
    pub fn to_query(&self) -> String {
        let page = self.page().to_string();
        let page = if self.page() > 1 { page.as_str() } else { "" };
        let mut params: Vec<(&str, &str)> = self.params().to_vec();
        params.push(("page", page));
        with_query("", &params).trim_start_matches('?').to_owned()
    }

    /// The value chosen for `facet` (empty: any).
    pub fn filter(&self, facet: Facet) -> &str {
        match facet {
            Facet::Kind => &self.kind,
            Facet::Strategy => &self.strategy,
            Facet::Language => &self.language,
            Facet::Country => &self.country,
        }
    }

    fn filter_mut(&mut self, facet: Facet) -> &mut String {
        match facet {
            Facet::Kind => &mut self.kind,
            Facet::Strategy => &mut self.strategy,
            Facet::Language => &mut self.language,
            Facet::Country => &mut self.country,
        }
    }

    /// The search with `value` of `facet` chosen, or no longer chosen when it was; from its
    /// first page.
    pub fn toggled(&self, facet: Facet, value: &str) -> Self {
        let mut next = self.clone();
        let filter = next.filter_mut(facet);
        if filter == value {
            filter.clear();
        } else {
            *filter = value.to_owned();
        }
        next.page = 1;
        next
    }

    /// The search for other words, from its first page.
    pub fn with_words(&self, q: &str) -> Self {
        Self {
            q: q.to_owned(),
            page: 1,
            ..self.clone()
        }
    }

    /// The same search at `page`.
    pub fn at_page(&self, page: u64) -> Self {
        Self {
            page: page.max(1),
            ..self.clone()
        }
    }

    /// The same words without any filter.
    pub fn without_filters(&self) -> Self {
        Self {
            q: self.q.clone(),
            ..Self::default()
        }
    }

    /// Whether a filter (or a group) is chosen.
    pub fn has_filters(&self) -> bool {
        Facet::ALL.into_iter().any(|f| !self.filter(f).is_empty()) || !self.group.is_empty()
    }

    /// Neither words nor filters: the home shows the latest and the most viewed resources.
    pub fn is_browsing(&self) -> bool {
        self.q.trim().is_empty() && !self.has_filters()
    }
}

/// `/search` for `query`.
pub fn search_path(query: &SearchQuery) -> String {
    let mut params: Vec<(&str, &str)> = query.params().to_vec();
    params[0].1 = query.q.trim();
    let page = query.page().to_string();
    params.push(("page", &page));
    with_query(&format!("/search?per_page={PER_PAGE}"), &params)
}

pub async fn search(api: Api, query: &SearchQuery) -> Result<SearchResults, ApiError> {
    api.get(&search_path(query)).await
}

/// Decodes a query string's value: `%XX` escapes (UTF-8) and `+` for a space; a broken escape
/// is kept as it is.
pub fn url_unescape(raw: &str) -> String {
    fn hex(digit: u8) -> Option<u8> {
        char::from(digit)
            .to_digit(16)
            .and_then(|d| u8::try_from(d).ok())
    }
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        let escaped = (bytes[at] == b'%')
            .then(|| Some((hex(*bytes.get(at + 1)?)?, hex(*bytes.get(at + 2)?)?)))
            .flatten();
        match (bytes[at], escaped) {
            (_, Some((high, low))) => {
                out.push(high * 16 + low);
                at += 3;
            }
            (b'+', None) => {
                out.push(b' ');
                at += 1;
            }
            (byte, None) => {
                out.push(byte);
                at += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn resource_path(id: Uuid) -> String {
    format!("/resources/{id}")
}

/// A resource, with the revision of its `ETag`. Each read counts a view. Never from the
/// browser's cache: its permissions and its waiting change depend on the reader, not only on
/// its revision.
pub async fn get(api: Api, id: Uuid) -> Result<Resource, ApiError> {
    let tagged = api.get_tagged_fresh::<Resource>(&resource_path(id)).await?;
    let mut resource = tagged.value;
    if let Some(revision) = tagged.revision {
        resource.revision = revision;
    }
    Ok(resource)
}

/// Shares a resource: it waits for a moderator (`pending`).
pub async fn create(api: Api, resource: &NewResource) -> Result<Resource, ApiError> {
    api.post("/resources", resource).await
}

/// A write guarded by `If-Match`, answered with a resource.
async fn write(
    api: Api,
    method: Method,
    path: &str,
    body: Option<&Value>,
    revision: i64,
) -> Result<Resource, ApiError> {
    api.write_tagged::<Resource>(method, path, body, revision)
        .await?
        .value
        .ok_or_else(|| ApiError::Network("the answer had no resource".into()))
}

/// Edits a resource seen at `revision`. A pending or returned one changes in place; a published
/// one stays as it is, and the answer is a new resource: the proposed change (`revision_of`),
/// waiting for a moderator.
pub async fn update(
    api: Api,
    id: Uuid,
    revision: i64,
    resource: &NewResource,
) -> Result<Resource, ApiError> {
    let body = to_value(resource);
    write(
        api,
        Method::PUT,
        &resource_path(id),
        body.as_ref(),
        revision,
    )
    .await
}

/// A step of the moderation, taken on the revision seen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The author sends a returned resource back to moderation.
    Submit,
    Publish,
    Archive,
}

impl Step {
    fn segment(self) -> &'static str {
        match self {
            Step::Submit => "submit",
            Step::Publish => "publish",
            Step::Archive => "archive",
        }
    }
}

pub fn step_path(id: Uuid, step: Step) -> String {
    format!("{}/{}", resource_path(id), step.segment())
}

pub async fn step(api: Api, id: Uuid, step: Step, revision: i64) -> Result<Resource, ApiError> {
    write(api, Method::POST, &step_path(id, step), None, revision).await
}

/// Sends a pending resource back to its author with `comment` (shown as a comment on it).
pub async fn return_to_author(
    api: Api,
    id: Uuid,
    revision: i64,
    comment: &str,
) -> Result<Resource, ApiError> {
    let body = to_value(&ReturnResource {
        comment: comment.trim().to_owned(),
    });
    let path = format!("{}/return", resource_path(id));
    write(api, Method::POST, &path, body.as_ref(), revision).await
}

/// The pending resources the reader may moderate.
pub async fn moderation_queue(api: Api, page: u64) -> Result<Page<Resource>, ApiError> {
    api.get(&format!(
        "/moderation-queue?page={page}&per_page={QUEUE_PER_PAGE}"
    ))
    .await
}

/// The sanitised HTML that `markdown` would show as a resource's text.
pub async fn preview(api: Api, markdown: &str) -> Result<String, ApiError> {
    let body = MarkdownPreview {
        markdown: markdown.to_owned(),
    };
    let rendered: RenderedMarkdown = api.post("/markdown-preview", &body).await?;
    Ok(rendered.html)
}

pub fn file_path(id: Uuid, file_id: Uuid) -> String {
    format!("{}/files/{file_id}", resource_path(id))
}

/// Saves a file of a resource, fetched with the session's token (if any), under its name.
pub async fn download(api: Api, id: Uuid, file: &ResourceFile) -> Result<(), ApiError> {
    api.download(&file_path(id, file.id), &file.name).await
}

pub async fn delete_file(api: Api, id: Uuid, file_id: Uuid) -> Result<(), ApiError> {
    api.delete(&file_path(id, file_id)).await
}

/// How far an upload is, in whole percents (0 while the size is unknown).
pub fn percent(sent: f64, total: f64) -> i32 {
    if total <= 0.0 || !sent.is_finite() || !total.is_finite() {
        return 0;
    }
    ((sent / total) * 100.0).floor().clamp(0.0, 100.0) as i32
}

/// Attaches `file` to the resource (`multipart/form-data`, one part `file`), telling
/// `progress` how many percent are sent as it goes. `XMLHttpRequest` rather than `fetch`: only
/// it reports an upload's progress. The session is renewed once on 401, as every call does.
pub async fn upload(
    api: Api,
    id: Uuid,
    file: &web_sys::File,
    progress: Rc<dyn Fn(i32)>,
) -> Result<ResourceFile, ApiError> {
    let url = format!("{BASE}{}/files", resource_path(id));
    let used = api.access_token();
    let mut answer = send_file(&url, file, used.as_deref(), progress.clone()).await?;
    if answer.status == 401 && used.is_some() {
        // Another request may have renewed the session while this one was on its way.
        let current = api.access_token();
        let fresh = if current.is_some() && current != used {
            current
        } else {
            match api.renew().await {
                Renewal::Renewed => api.access_token(),
                Renewal::Refused => None,
                Renewal::Unreachable => {
                    return Err(ApiError::Network("session renewal failed".into()));
                }
            }
        };
        let Some(fresh) = fresh else {
            api.set_session(None);
            return Err(ApiError::SessionEnded);
        };
        answer = send_file(&url, file, Some(&fresh), progress).await?;
    }
    if (200..300).contains(&answer.status) {
        serde_json::from_str(&answer.text).map_err(|e| ApiError::Network(e.to_string()))
    } else {
        Err(error_of(
            answer.status,
            answer.status_text,
            &answer.text,
            None,
        ))
    }
}

/// What an `XMLHttpRequest` answered.
struct XhrAnswer {
    status: u16,
    status_text: String,
    text: String,
}

fn not_sent(_: wasm_bindgen::JsValue) -> ApiError {
    ApiError::Network("the file could not be sent".into())
}

/// One upload: resolves when the request ends (loaded, failed, aborted or timed out).
async fn send_file(
    url: &str,
    file: &web_sys::File,
    token: Option<&str>,
    progress: Rc<dyn Fn(i32)>,
) -> Result<XhrAnswer, ApiError> {
    let data = web_sys::FormData::new().map_err(not_sent)?;
    data.append_with_blob_and_filename("file", file, &file.name())
        .map_err(not_sent)?;
    let xhr = web_sys::XmlHttpRequest::new().map_err(not_sent)?;
    xhr.open_with_async("POST", url, true).map_err(not_sent)?;
    xhr.set_request_header("Accept", JSON).map_err(not_sent)?;
    if let Some(token) = token {
        xhr.set_request_header("Authorization", &format!("Bearer {token}"))
            .map_err(not_sent)?;
    }

    let (sender, ended) = oneshot::channel::<bool>();
    let sender = Rc::new(RefCell::new(Some(sender)));
    let end = |loaded: bool| {
        let sender = sender.clone();
        Closure::<dyn FnMut()>::new(move || {
            if let Some(sender) = sender.borrow_mut().take() {
                let _ = sender.send(loaded);
            }
        })
    };
    let on_load = end(true);
    let on_failure = end(false);
    let on_progress =
        Closure::<dyn FnMut(web_sys::ProgressEvent)>::new(move |event: web_sys::ProgressEvent| {
            if event.length_computable() {
                progress(percent(event.loaded(), event.total()));
            }
        });
    let upload = xhr.upload().map_err(not_sent)?;
    upload.set_onprogress(Some(on_progress.as_ref().unchecked_ref()));
    xhr.set_onload(Some(on_load.as_ref().unchecked_ref()));
    xhr.set_onerror(Some(on_failure.as_ref().unchecked_ref()));
    xhr.set_onabort(Some(on_failure.as_ref().unchecked_ref()));
    xhr.set_ontimeout(Some(on_failure.as_ref().unchecked_ref()));
    xhr.send_with_opt_form_data(Some(&data)).map_err(not_sent)?;
    let loaded = ended.await.unwrap_or(false);
    // The handlers are dropped below: the request must no longer call them.
    upload.set_onprogress(None);
    xhr.set_onload(None);
    xhr.set_onerror(None);
    xhr.set_onabort(None);
    xhr.set_ontimeout(None);
    drop((on_load, on_failure, on_progress));
    if !loaded {
        return Err(ApiError::Network("the upload was interrupted".into()));
    }
    Ok(XhrAnswer {
        status: xhr.status().unwrap_or(0),
        status_text: xhr.status_text().unwrap_or_default(),
        text: xhr.response_text().ok().flatten().unwrap_or_default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_search_reads_back_from_the_address_it_writes() {
        let query = SearchQuery {
            q: "écoles sûres & violence".into(),
            kind: "good_practice".into(),
            country: "KEN".into(),
            page: 2,
            ..SearchQuery::default()
        };
        let written = query.to_query();
        assert_eq!(
            written,
            "q=%C3%A9coles%20s%C3%BBres%20%26%20violence&kind=good_practice&country=KEN&page=2"
        );
        assert_eq!(SearchQuery::parse(&format!("?{written}")), query);
        assert_eq!(SearchQuery::default().to_query(), "");
        assert_eq!(SearchQuery::default().at_page(1).to_query(), "");
    }

    #[test]
    fn an_address_typed_by_hand_is_read_as_well_as_it_can_be() {
        let query = SearchQuery::parse("?q=ecoles+surs&kind=tool&page=x&unknown=1&strategy");
        assert_eq!(query.q, "ecoles surs");
        assert_eq!(query.kind, "tool");
        assert_eq!(query.page(), 1);
        assert_eq!(query.strategy, "");
        assert_eq!(url_unescape("100%"), "100%");
        assert_eq!(url_unescape("%zz%41"), "%zzA");
        assert_eq!(url_unescape("caf%C3%A9"), "café");
        assert_eq!(url_unescape("%E9t%E9"), "\u{fffd}t\u{fffd}");
    }

    #[test]
    fn a_facet_value_toggles_and_the_search_starts_again_from_its_first_page() {
        let query = SearchQuery {
            q: "violence".into(),
            page: 3,
            ..SearchQuery::default()
        };
        let chosen = query.toggled(Facet::Language, "fr");
        assert_eq!(chosen.language, "fr");
        assert_eq!(chosen.page(), 1);
        assert!(chosen.has_filters());
        let other = chosen.toggled(Facet::Language, "es");
        assert_eq!(other.language, "es");
        let cleared = other.toggled(Facet::Language, "es");
        assert_eq!(cleared.language, "");
        assert!(!cleared.has_filters());
        let both = chosen.toggled(Facet::Kind, "tool");
        assert_eq!((both.kind.as_str(), both.language.as_str()), ("tool", "fr"));
        assert_eq!(both.without_filters().to_query(), "q=violence");
        assert_eq!(both.with_words("schools").page(), 1);
        assert_eq!(both.with_words("schools").kind, "tool");
    }

    #[test]
    fn browsing_is_a_search_without_words_or_filters() {
        assert!(SearchQuery::default().is_browsing());
        assert!(SearchQuery::parse("q=%20%20").is_browsing());
        assert!(!SearchQuery::parse("q=x").is_browsing());
        assert!(!SearchQuery::parse("country=KEN").is_browsing());
        assert!(!SearchQuery::parse("group=abc").is_browsing());
    }

    #[test]
    fn the_api_is_asked_for_the_trimmed_words_and_the_chosen_filters() {
        let query = SearchQuery::parse("q=%20ecoles%20&kind=tool&page=2");
        assert_eq!(
            search_path(&query),
            "/search?per_page=10&q=ecoles&kind=tool&page=2"
        );
        assert_eq!(
            search_path(&SearchQuery::default()),
            "/search?per_page=10&page=1"
        );
        assert_eq!(
            list_path(Sort::MostViewed, 1, 5),
            "/resources?page=1&per_page=5&sort=most_viewed"
        );
        let id = Uuid::from_u128(7);
        assert_eq!(
            step_path(id, Step::Publish),
            format!("/resources/{id}/publish")
        );
        assert_eq!(
            file_path(id, Uuid::from_u128(9)),
            format!("/resources/{id}/files/{}", Uuid::from_u128(9))
        );
    }

    #[test]
    fn upload_progress_is_a_whole_percent_between_0_and_100() {
        assert_eq!(percent(0.0, 0.0), 0);
        assert_eq!(percent(512.0, 1024.0), 50);
        assert_eq!(percent(1023.0, 1024.0), 99);
        assert_eq!(percent(1024.0, 1024.0), 100);
        assert_eq!(percent(2048.0, 1024.0), 100);
        assert_eq!(percent(f64::NAN, 1024.0), 0);
    }
}
