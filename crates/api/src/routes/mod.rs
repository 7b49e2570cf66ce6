//! HTTP handlers, named `<verb>_<resource>`, one module per resource. Each is registered
//! through utoipa's actix integration, so the served routes and the spec cannot drift.

pub mod api_tokens;
pub mod auth;
pub mod health;
pub mod reference;
pub mod users;

use utoipa_actix_web::service_config::ServiceConfig;

/// Everything under `/api/v1`.
pub fn api_v1(cfg: &mut ServiceConfig) {
    cfg.service(auth::login)
        .service(auth::refresh)
        .service(auth::logout)
        .service(auth::get_me)
        .service(api_tokens::list_api_tokens)
        .service(api_tokens::create_api_token)
        .service(api_tokens::delete_api_token)
        .service(users::list_users)
        .service(users::create_user)
        .service(users::get_user)
        .service(users::update_user)
        .service(reference::list_countries)
        .service(reference::get_country)
        .service(reference::list_strategies)
        .service(reference::list_indicators);
}

/// Probes at the root, outside the versioned API.
pub fn probes(cfg: &mut ServiceConfig) {
    cfg.service(health::health).service(health::ready);
}
