//! The way into the alliance and what the secretariat runs around it: expressions of interest,
//! invitations, password resets, a country's profile and team, the outbox of background jobs,
//! and the reminders of a reporting cycle.

use serde::Serialize;

use super::{Api, ApiError, BASE, JSON, Method, check, network, read_json, to_json, url_escape};

impl Api {
    /// A `POST` whose answer has no body (202, 204).
    async fn post_no_content<B: Serialize>(self, path: &str, body: &B) -> Result<(), ApiError> {
        self.send(Method::POST, path, Some(to_json(body)?))
            .await
            .map(drop)
    }
}

/// A token from a mail's link, as one path segment.
fn token_segment(token: &str) -> String {
    url_escape(token.trim())
}

/// Expressions of interest: the public form, the secretariat's list and decisions.
pub mod applications {
    use pioneer_domain::Page;
    use pioneer_domain::membership::application::{
        ApplicationForm, ApplicationReceipt, DecisionRequest, MembershipApplication,
    };
    use uuid::Uuid;
    use wasm_bindgen::JsValue;

    use super::super::{RequestBuilder, with_query};
    use super::{Api, ApiError, BASE, JSON, Method, check, network, read_json, to_json};

    /// Applications shown per page.
    pub const PER_PAGE: u64 = 20;

    /// `/membership-applications` with the status filter (empty: any) and the page.
    pub fn list_path(status: &str, page: u64) -> String {
        with_query(
            &format!("/membership-applications?per_page={PER_PAGE}"),
            &[("status", status), ("page", &page.to_string())],
        )
    }

    pub async fn list(
        api: Api,
        status: &str,
        page: u64,
    ) -> Result<Page<MembershipApplication>, ApiError> {
        api.get(&list_path(status, page)).await
    }

    pub async fn get(api: Api, id: Uuid) -> Result<MembershipApplication, ApiError> {
        api.get(&format!("/membership-applications/{id}")).await
    }

    pub async fn decide(
        api: Api,
        id: Uuid,
        decision: &DecisionRequest,
    ) -> Result<MembershipApplication, ApiError> {
        api.post(&format!("/membership-applications/{id}/decision"), decision)
            .await
    }

    /// Saves the signed letter, fetched with the session's token, as `name`.
    pub async fn download_letter(api: Api, id: Uuid, name: &str) -> Result<(), ApiError> {
        api.download(&format!("/membership-applications/{id}/letter"), name)
            .await
    }

    fn js_error(_: JsValue) -> ApiError {
        ApiError::Network("the form could not be prepared".into())
    }

    /// Sends the form as `multipart/form-data`: the part `application` is the JSON of `form`,
    /// the part `letter` the file. No session is needed (nor sent).
    pub async fn submit(
        form: &ApplicationForm,
        letter: &web_sys::File,
    ) -> Result<ApplicationReceipt, ApiError> {
        let json = to_json(form)?;
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(JSON);
        let parts = js_sys::Array::of1(&JsValue::from_str(&json));
        let application =
            web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(js_error)?;
        let data = web_sys::FormData::new().map_err(js_error)?;
        data.append_with_blob_and_filename("application", &application, "application.json")
            .map_err(js_error)?;
        data.append_with_blob_and_filename("letter", letter, &letter.name())
            .map_err(js_error)?;
        // No Content-Type: the browser writes it, with the parts' boundary.
        let response = RequestBuilder::new(&format!("{BASE}/membership-applications"))
            .method(Method::POST)
            .header("Accept", JSON)
            .body(data)
            .map_err(network)?
            .send()
            .await
            .map_err(network)?;
        read_json(check(response).await?).await
    }
}

/// Invitations into the platform, and the links that invitees open.
pub mod invitations {
    use pioneer_domain::auth::TokenResponse;
    use pioneer_domain::membership::invitation::{
        AcceptInvitation, Invitation, InvitationView, NewInvitation,
    };
    use uuid::Uuid;

    use super::{Api, ApiError, token_segment};

    /// What the invitation of the link says.
    pub async fn view(api: Api, token: &str) -> Result<InvitationView, ApiError> {
        api.get(&format!("/invitations/{}", token_segment(token)))
            .await
    }

    /// Creates the account and signs its new member in, as signing in does.
    pub async fn accept(api: Api, token: &str, answer: &AcceptInvitation) -> Result<(), ApiError> {
        let tokens: TokenResponse = api
            .post(
                &format!("/invitations/{}/accept", token_segment(token)),
                answer,
            )
            .await?;
        api.set_session(Some(tokens.into()));
        Ok(())
    }

    pub async fn create(api: Api, invitation: &NewInvitation) -> Result<Invitation, ApiError> {
        api.post("/invitations", invitation).await
    }

    /// Withdraws a pending invitation: its link stops working.
    pub async fn cancel(api: Api, id: Uuid) -> Result<(), ApiError> {
        api.delete(&format!("/invitations/{id}")).await
    }
}

/// Forgotten passwords.
pub mod password_resets {
    use pioneer_domain::membership::invitation::{NewPassword, PasswordResetRequest};

    use super::{Api, ApiError, token_segment};

    /// Asks for a link by mail; answered the same whether the address is a member's or not.
    pub async fn request(api: Api, request: &PasswordResetRequest) -> Result<(), ApiError> {
        api.post_no_content("/password-resets", request).await
    }

    pub async fn reset(api: Api, token: &str, password: &NewPassword) -> Result<(), ApiError> {
        api.post_no_content(
            &format!("/password-resets/{}", token_segment(token)),
            password,
        )
        .await
    }
}

/// A country's public profile and its team.
pub mod teams {
    use pioneer_domain::membership::profile::{CountryProfile, Handover, Team};
    use uuid::Uuid;

    use super::super::reference::country_path;
    use super::{Api, ApiError};

    pub async fn profile(api: Api, code: &str) -> Result<CountryProfile, ApiError> {
        api.get(&format!("{}/profile", country_path(code))).await
    }

    pub async fn team(api: Api, code: &str) -> Result<Team, ApiError> {
        api.get(&format!("{}/team", country_path(code))).await
    }

    /// Makes a contributor a focal point; the one handing over stays a contributor unless
    /// `keep_role`.
    pub async fn handover(
        api: Api,
        code: &str,
        member: Uuid,
        keep_role: bool,
    ) -> Result<Team, ApiError> {
        api.post(
            &format!("{}/team/{member}/handover", country_path(code)),
            &Handover { keep_role },
        )
        .await
    }

    pub async fn deactivate(api: Api, code: &str, member: Uuid) -> Result<(), ApiError> {
        api.delete(&format!("{}/team/{member}", country_path(code)))
            .await
    }
}

/// The background jobs: mails and reminders, and the failed ones to retry.
pub mod jobs {
    use pioneer_domain::Page;
    use pioneer_domain::jobs::Job;
    use uuid::Uuid;

    use super::super::with_query;
    use super::{Api, ApiError};

    /// Jobs shown per page.
    pub const PER_PAGE: u64 = 20;

    pub fn list_path(status: &str, kind: &str, page: u64) -> String {
        with_query(
            &format!("/jobs?per_page={PER_PAGE}"),
            &[
                ("status", status),
                ("kind", kind),
                ("page", &page.to_string()),
            ],
        )
    }

    pub async fn list(
        api: Api,
        status: &str,
        kind: &str,
        page: u64,
    ) -> Result<Page<Job>, ApiError> {
        api.get(&list_path(status, kind, page)).await
    }

    pub async fn retry(api: Api, id: Uuid) -> Result<Job, ApiError> {
        api.post(&format!("/jobs/{id}/retry"), &serde_json::json!({}))
            .await
    }
}

/// Reminders to the countries that have not submitted their report.
pub mod reminders {
    use pioneer_domain::report::reminders::Reminders;

    use super::{Api, ApiError};

    pub async fn send(api: Api, year: i32) -> Result<Reminders, ApiError> {
        api.post(
            &format!("/reporting-cycles/{year}/reminders"),
            &serde_json::json!({}),
        )
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_paths_carry_their_filters_and_page() {
        assert_eq!(
            applications::list_path("received", 2),
            "/membership-applications?per_page=20&status=received&page=2"
        );
        assert_eq!(
            applications::list_path("", 1),
            "/membership-applications?per_page=20&page=1"
        );
        assert_eq!(
            jobs::list_path("failed", "", 1),
            "/jobs?per_page=20&status=failed&page=1"
        );
        assert_eq!(
            jobs::list_path("done", "mail", 3),
            "/jobs?per_page=20&status=done&kind=mail&page=3"
        );
    }

    #[test]
    fn a_link_s_token_stays_one_path_segment() {
        assert_eq!(token_segment(" abc-DEF_123 "), "abc-DEF_123");
        assert_eq!(token_segment("a/../b"), "a%2F..%2Fb");
    }
}
