use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, get, web};
use serde::Serialize;
use subtle::ConstantTimeEq;
use utoipa::ToSchema;

use crate::state::AppState;
use crate::store;

#[derive(Serialize, ToSchema)]
pub struct Status {
    /// `ok`, or `unavailable` when a dependency does not answer.
    status: &'static str,
}

/// The process is up.
#[utoipa::path(tag = "health", responses((status = 200, body = Status)))]
#[get("/health")]
pub async fn health() -> HttpResponse {
    HttpResponse::Ok().json(Status { status: "ok" })
}

/// The process is up and its database answers.
#[utoipa::path(tag = "health", responses((status = 200, body = Status), (status = 503, body = Status)))]
#[get("/ready")]
pub async fn ready(state: web::Data<AppState>) -> HttpResponse {
    match store::ping(&state.db).await {
        Ok(()) => HttpResponse::Ok().json(Status { status: "ok" }),
        Err(err) => {
            tracing::warn!(error = %err, "database does not answer");
            HttpResponse::ServiceUnavailable().json(Status {
                status: "unavailable",
            })
        }
    }
}

/// `GET /metrics`, for operators (not in the API's spec): Prometheus' text format behind a bearer
/// token of its own. Without `METRICS_TOKEN` there is no such endpoint (404); without the right
/// token, 401.
pub async fn metrics(state: web::Data<AppState>, req: HttpRequest) -> HttpResponse {
    let Some(expected) = state.config.metrics_token.as_deref() else {
        return HttpResponse::NotFound().finish();
    };
    let presented = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or_default();
    if !bool::from(presented.as_bytes().ct_eq(expected.as_bytes())) {
        return HttpResponse::Unauthorized()
            .insert_header((header::WWW_AUTHENTICATE, "Bearer realm=\"metrics\""))
            .finish();
    }
    if let Some(pool) = store::pool_state(&state.db) {
        crate::metrics::record_pool(pool.size, pool.idle, pool.max);
    }
    HttpResponse::Ok()
        .content_type("text/plain; version=0.0.4; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(crate::metrics::render())
}
