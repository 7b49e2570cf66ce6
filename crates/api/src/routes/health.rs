use actix_web::{HttpResponse, get, web};
use serde::Serialize;
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
