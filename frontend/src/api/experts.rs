//! The directory of experts and partner organisations, one's own expert profile, and contact
//! requests.

use pioneer_domain::Page;
use pioneer_domain::experts::{
    ContactDecision, ContactRequest, Expert, ExpertResults, NewContactRequest, NewExpertProfile,
    NewOrganisation, Organisation, OrganisationResults,
};
use serde::de::DeserializeOwned;
use uuid::Uuid;

use super::knowledge::url_unescape;
use super::{Api, ApiError, JSON, Method, read_json, to_json, with_query};

/// Experts or organisations shown per page.
pub const PER_PAGE: u64 = 20;

/// What the directory looks for: words and filters, each empty when unused.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DirectorySearch {
    pub q: String,
    /// By their place in [`Self::PARAMS`].
    filters: [String; 6],
    pub page: u64,
}

impl DirectorySearch {
    const PARAMS: [&'static str; 6] = [
        "strategy",
        "language",
        "country",
        "region",
        "kind",
        "organisation_id",
    ];

    fn place(name: &str) -> Option<usize> {
        Self::PARAMS.iter().position(|param| *param == name)
    }

    fn slot(&mut self, name: &str) -> Option<&mut String> {
        if name == "q" {
            return Some(&mut self.q);
        }
        Self::place(name).map(|at| &mut self.filters[at])
    }

    /// The words (`q`) or a filter's value; empty when unset.
    pub fn get(&self, name: &str) -> &str {
        if name == "q" {
            return &self.q;
        }
        Self::place(name).map_or("", |at| &self.filters[at])
    }

    /// Reads an address's query (`?q=…&strategy=…&page=2`).
    pub fn parse(search: &str) -> Self {
        let mut found = Self::default();
        for pair in search.trim_start_matches('?').split('&') {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value = url_unescape(value);
            if name == "page" {
                found.page = value.parse().unwrap_or(0);
            } else if let Some(slot) = found.slot(name) {
                *slot = value;
            }
        }
        found
    }

    /// The same search with `name` set to `value` (empty: unset), from its first page.
    pub fn with(&self, name: &str, value: &str) -> Self {
        let mut next = self.clone();
        if let Some(slot) = next.slot(name) {
            *slot = value.to_owned();
        }
        next.page = 0;
        next
    }

    pub fn at_page(&self, page: u64) -> Self {
        let mut next = self.clone();
        next.page = page;
        next
    }

    pub fn has_filters(&self) -> bool {
        Self::PARAMS.iter().any(|name| !self.get(name).is_empty())
    }

    /// The words, without the filters.
    pub fn without_filters(&self) -> Self {
        Self {
            q: self.q.clone(),
            ..Self::default()
        }
    }

    /// Its parameters, those set.
    pub fn params(&self) -> Vec<(&'static str, String)> {
        let mut params: Vec<(&'static str, String)> = std::iter::once("q")
            .chain(Self::PARAMS)
            .filter(|name| !self.get(name).trim().is_empty())
            .map(|name| (name, self.get(name).trim().to_owned()))
            .collect();
        if self.page > 1 {
            params.push(("page", self.page.to_string()));
        }
        params
    }

    /// `path` with this search as its query.
    pub fn href(&self, path: &str) -> String {
        let params = self.params();
        let params: Vec<(&str, &str)> = params.iter().map(|(k, v)| (*k, v.as_str())).collect();
        with_query(path, &params)
    }
}

/// Past the browser's HTTP cache: profiles and requests change as members answer.
async fn fresh<T: DeserializeOwned>(api: Api, path: &str) -> Result<T, ApiError> {
    read_json(
        api.send_with(Method::GET, path, None, None, (JSON, true))
            .await?,
    )
    .await
}

fn api_path(path: &str, search: &DirectorySearch) -> String {
    let mut params = search.params();
    params.push(("per_page", PER_PAGE.to_string()));
    let params: Vec<(&str, &str)> = params.iter().map(|(k, v)| (*k, v.as_str())).collect();
    with_query(path, &params)
}

pub async fn experts(api: Api, search: &DirectorySearch) -> Result<ExpertResults, ApiError> {
    fresh(api, &api_path("/experts", search)).await
}

pub async fn organisations(
    api: Api,
    search: &DirectorySearch,
) -> Result<OrganisationResults, ApiError> {
    fresh(api, &api_path("/organisations", search)).await
}

/// The directory's organisations, the first hundred by name (to offer as a member types).
pub async fn all_organisations(api: Api) -> Result<Vec<Organisation>, ApiError> {
    let found: OrganisationResults = fresh(api, "/organisations?per_page=100").await?;
    Ok(found.items)
}

pub async fn create_organisation(
    api: Api,
    organisation: &NewOrganisation,
) -> Result<Organisation, ApiError> {
    api.post("/organisations", organisation).await
}

pub async fn update_organisation(
    api: Api,
    id: Uuid,
    organisation: &NewOrganisation,
) -> Result<Organisation, ApiError> {
    let path = format!("/organisations/{id}");
    read_json(
        api.send(Method::PUT, &path, Some(to_json(organisation)?))
            .await?,
    )
    .await
}

pub async fn expert(api: Api, id: Uuid) -> Result<Expert, ApiError> {
    fresh(api, &format!("/experts/{id}")).await
}

/// The signed-in member's profile; `None` while they have none.
pub async fn my_profile(api: Api) -> Result<Option<Expert>, ApiError> {
    match fresh(api, "/me/expert-profile").await {
        Ok(expert) => Ok(Some(expert)),
        Err(ApiError::Status { status: 404, .. }) => Ok(None),
        Err(error) => Err(error),
    }
}

pub async fn save_profile(api: Api, profile: &NewExpertProfile) -> Result<Expert, ApiError> {
    read_json(
        api.send(Method::PUT, "/me/expert-profile", Some(to_json(profile)?))
            .await?,
    )
    .await
}

pub async fn delete_profile(api: Api) -> Result<(), ApiError> {
    api.delete("/me/expert-profile").await
}

pub async fn send_request(
    api: Api,
    request: &NewContactRequest,
) -> Result<ContactRequest, ApiError> {
    api.post("/contact-requests", request).await
}

/// The member's requests, `received` or `sent`, a page at a time.
pub async fn requests(
    api: Api,
    mailbox: &str,
    page: u64,
) -> Result<Page<ContactRequest>, ApiError> {
    let page = page.max(1).to_string();
    let path = with_query(
        &format!("/contact-requests?per_page={PER_PAGE}"),
        &[("box", mailbox), ("page", &page)],
    );
    fresh(api, &path).await
}

pub async fn decide(api: Api, id: Uuid, accept: bool) -> Result<ContactRequest, ApiError> {
    api.post(
        &format!("/contact-requests/{id}/decision"),
        &ContactDecision { accept },
    )
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_search_reads_back_from_its_address() {
        let search = DirectorySearch::parse("?q=child%20safety&language=fr&region=Africa&page=3");
        assert_eq!(search.get("q"), "child safety");
        assert_eq!(search.get("language"), "fr");
        assert_eq!(search.get("region"), "Africa");
        assert_eq!(search.get("country"), "");
        assert_eq!(search.get("unknown"), "");
        assert_eq!(search.page, 3);
        assert!(search.has_filters());
        // The address's query (`location.search`) gives the same search back.
        assert_eq!(DirectorySearch::parse(&search.href("")), search);

        // A filter changed starts again from the first page; without filters, the words stay.
        let narrower = search.with("country", "KEN");
        assert_eq!((narrower.get("country"), narrower.page), ("KEN", 0));
        let words = search.without_filters();
        assert_eq!(words.get("q"), "child safety");
        assert!(!words.has_filters());
        assert_eq!(words.href("/experts"), "/experts?q=child%20safety");
    }
}
