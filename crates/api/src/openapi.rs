//! The OpenAPI document, generated from the same registrations that serve the routes.

use actix_web::App;
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
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
        (name = "auth", description = "Sign in, refresh, sign out"),
        (name = "api-tokens", description = "Long-lived tokens for integrators"),
        (name = "users", description = "Membership (admins and the secretariat)"),
        (name = "roadmaps", description = "National roadmaps: drafting, workflow, versions, history, budget, exports"),
        (name = "roadmap parts", description = "Priorities, key actions and indicators, edited in place (If-Match required)"),
        (name = "reviews", description = "Review decisions, comments, the review queue"),
        (name = "reference", description = "Countries, INSPIRE strategies, SDG indicators"),
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
    spec
}

/// The spec as committed in `api-spec/openapi.json`: pretty JSON with a final newline.
pub fn spec_json() -> String {
    let mut json = spec()
        .to_pretty_json()
        .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    json.push('\n');
    json
}
