//! Structured logs, and a request id on every log line and every response.

use std::time::Instant;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::middleware::Next;
use tracing::Instrument;
use tracing_subscriber::EnvFilter;

use crate::config::LogFormat;

pub const REQUEST_ID_HEADER: HeaderName = HeaderName::from_static("x-request-id");

tokio::task_local! {
    static REQUEST_ID: String;
    static QUERIES: std::cell::Cell<u32>;
}

/// Counts one database query against the request being served (the database's metric hook
/// calls it), so that every request logs how many queries it cost.
pub fn count_query() {
    let _ = QUERIES.try_with(|count| count.set(count.get() + 1));
}

pub const QUERY_COUNT_HEADER: HeaderName = HeaderName::from_static("x-query-count");

/// The id of the request being served, if any.
pub fn current_request_id() -> Option<String> {
    REQUEST_ID.try_with(Clone::clone).ok()
}

/// Logs to standard error; `RUST_LOG` filters (default `info`, sqlx quiet).
pub fn init(format: LogFormat) {
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,sea_orm=warn,actix_server=warn"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    // A second init (tests start many servers in one process) is harmless.
    let _ = match format {
        LogFormat::Json => builder
            .json()
            .flatten_event(true)
            .with_current_span(true)
            .try_init(),
        LogFormat::Text => builder.try_init(),
    };
}

/// Whether answers carry `X-Query-Count` (`Config::expose_query_count`), set on the app.
#[derive(Debug, Clone, Copy)]
pub struct ExposeQueryCount(pub bool);

/// Takes a well-formed `X-Request-Id` from the caller or makes one, runs the request inside a
/// span that carries it, answers it in the response, and logs one line per request.
pub async fn request_id(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let id = req
        .headers()
        .get(&REQUEST_ID_HEADER)
        .and_then(|v| v.to_str().ok())
        .filter(|v| is_safe_request_id(v))
        .map(str::to_owned)
        .unwrap_or_else(|| uuid::Uuid::now_v7().to_string());
    let span = tracing::info_span!("request", request_id = %id, method = %req.method(), path = %req.path());
    let started = Instant::now();
    let expose_queries = req
        .app_data::<ExposeQueryCount>()
        .is_some_and(|expose| expose.0);
    let (response, queries) = QUERIES
        .scope(std::cell::Cell::new(0), async {
            let response = REQUEST_ID
                .scope(id.clone(), next.call(req).instrument(span.clone()))
                .await;
            (response, QUERIES.with(std::cell::Cell::get))
        })
        .await;
    let mut response = response?;
    if expose_queries {
        response
            .headers_mut()
            .insert(QUERY_COUNT_HEADER, HeaderValue::from(queries));
    }
    if let Ok(value) = HeaderValue::from_str(&id) {
        response.headers_mut().insert(REQUEST_ID_HEADER, value);
    }
    let status = response.status().as_u16();
    let elapsed_ms = started.elapsed().as_secs_f64() * 1000.0;
    span.in_scope(|| tracing::info!(status, elapsed_ms, queries, "served"));
    Ok(response)
}

/// Accepts only short ids of letters, digits, `-` and `_`: they end up in logs.
fn is_safe_request_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_ids_that_could_forge_log_lines_are_replaced() {
        assert!(is_safe_request_id("0193c2a4-7f1e-7c3a-9d2e-1f2a3b4c5d6e"));
        assert!(!is_safe_request_id("abc\ninjected"));
        assert!(!is_safe_request_id(&"a".repeat(65)));
        assert!(!is_safe_request_id(""));
    }
}
