//! The OpenAPI document, generated from the same registrations that serve the routes.

use actix_web::App;
use utoipa::openapi::path::{Operation, ParameterIn};
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::openapi::{ContentBuilder, Ref, RefOr, ResponseBuilder};
use utoipa::{Modify, OpenApi};
use utoipa_actix_web::{AppExt, scope};

use crate::routes;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Pioneer Hub API",
        description = "National roadmaps, progress reports and knowledge sharing for the alliance of \
            pioneer countries to end violence against children.\n\nSign in with `POST /api/v1/auth/login`, \
            or create an API token, and send it as `Authorization: Bearer <token>`. Errors are \
            `{\"error\": {\"code\", \"message\", \"details\"}}`; lists are `{items, total, page, per_page}`.",
        license(name = "MIT OR Apache-2.0")
    ),
    modifiers(&BearerAuth),
    components(schemas(pioneer_domain::ErrorBody, pioneer_domain::ErrorDetail, pioneer_domain::FieldError)),
    tags(
        (name = "auth", description = "Sign in (with a second factor when two-factor sign-in is on), refresh, sign out; turning two-factor sign-in on and off"),
        (name = "api-tokens", description = "Long-lived tokens for integrators"),
        (name = "users", description = "Membership (admins and the secretariat)"),
        (name = "roadmaps", description = "National roadmaps: drafting, workflow, versions, history, budget, exports"),
        (name = "roadmap parts", description = "Priorities, key actions and indicators, edited in place (If-Match required)"),
        (name = "reviews", description = "Review decisions, comments, the review queue"),
        (name = "reference", description = "Countries, INSPIRE strategies, SDG indicators"),
        (name = "membership", description = "Expressions of interest, invitations, country profiles and teams"),
        (name = "groups", description = "Thematic groups, their members and moderators"),
        (name = "knowledge", description = "The knowledge base: resources, their moderation and files, search"),
        (name = "discussions", description = "Forum threads in the general forum and thematic groups: posts, replies, accepted answers, followers, @mentions"),
        (name = "events", description = "Webinars, trainings, workshops and other events: registration with a waiting list, attendees, iCalendar files"),
        (name = "experts", description = "The directory of experts and partner organisations, and contact requests between members"),
        (name = "notifications", description = "A member's notifications: replies, mentions, accepted answers, group invitations, moderation decisions, event places and reminders"),
        (name = "jobs", description = "Background jobs (mail, reminders): failures and retries"),
        (name = "health", description = "Probes for orchestrators"),
    )
)]
pub struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        let mut scheme = Http::new(HttpAuthScheme::Bearer);
        scheme.description =
            Some("An access token from /auth/login, or an API token (`phk_…`)".into());
        components.add_security_scheme("bearer", SecurityScheme::Http(scheme));
    }
}

/// The whole spec, as served at `/api/v1/openapi.json` and printed by `pioneer openapi`.
pub fn spec() -> utoipa::openapi::OpenApi {
    let (_, spec) = App::new()
        .into_utoipa_app()
        .openapi(ApiDoc::openapi())
        .configure(routes::probes)
        .service(scope("/api/v1").configure(routes::api_v1))
        .split_for_parts();
    let mut spec = spec;
    document_common_responses(&mut spec);
    spec
}

/// Answers that the extractors and middleware give before any handler runs, added to every
/// operation they can happen on, so that no annotation can forget one:
/// - a bearer-secured operation answers 401 when the token is missing, invalid or expired;
/// - one with a JSON body answers 400 (not JSON), 413 (too large), 415 (not
///   `application/json`) and 422 (JSON that does not fit the schema);
/// - one with query parameters answers 400 when the query string does not parse;
/// - a paged list answers 422 when `page` or `per_page` is out of range;
/// - one with path parameters answers 404 when a parameter does not parse (a malformed id
///   names nothing that exists).
///
/// An answer that an annotation documents already keeps its description.
fn document_common_responses(spec: &mut utoipa::openapi::OpenApi) {
    for item in spec.paths.paths.values_mut() {
        let operations = [
            &mut item.get,
            &mut item.put,
            &mut item.post,
            &mut item.delete,
            &mut item.patch,
        ];
        for operation in operations.into_iter().flatten() {
            let secured = operation.security.as_ref().is_some_and(|s| !s.is_empty());
            let params = operation.parameters.as_deref().unwrap_or_default();
            let in_query = params
                .iter()
                .any(|p| matches!(p.parameter_in, ParameterIn::Query));
            let in_path = params
                .iter()
                .any(|p| matches!(p.parameter_in, ParameterIn::Path));
            let paged = params
                .iter()
                .any(|p| p.name == "page" || p.name == "per_page");
            let with_body = operation.request_body.is_some();
            if secured {
                add_error(
                    operation,
                    401,
                    "Not signed in: the bearer token is missing, invalid or expired",
                );
            }
            if with_body {
                add_error(operation, 400, "The body is not valid JSON");
                add_error(operation, 413, "The body is too large");
                add_error(operation, 415, "The body is not `application/json`");
                add_error(
                    operation,
                    422,
                    "The body does not fit the schema, or a field is invalid",
                );
            }
            if in_query {
                add_error(operation, 400, "The query string does not parse");
            }
            if paged {
                add_error(operation, 422, "`page` or `per_page` is out of range");
            }
            if in_path {
                add_error(
                    operation,
                    404,
                    "Not found (a malformed id names nothing that exists)",
                );
            }
        }
    }
}

fn add_error(operation: &mut Operation, status: u16, description: &str) {
    operation
        .responses
        .responses
        .entry(status.to_string())
        .or_insert_with(|| {
            RefOr::T(
                ResponseBuilder::new()
                    .description(description)
                    .content(
                        "application/json",
                        ContentBuilder::new()
                            .schema(Some(Ref::from_schema_name("ErrorBody")))
                            .build(),
                    )
                    .build(),
            )
        });
}

/// The spec as committed in `api-spec/openapi.json`: pretty JSON with a final newline.
pub fn spec_json() -> String {
    let mut json = spec()
        .to_pretty_json()
        .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    json.push('\n');
    json
}
