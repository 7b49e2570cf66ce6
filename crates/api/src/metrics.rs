//! What operators scrape (`GET /metrics`, served by `routes::health`), in Prometheus' text
//! format.
//!
//! The figures are recorded with the `metrics` crate where they happen — requests by route
//! template and status with their latency (the middleware below), the database pool and the
//! wait for a write transaction, cache hits and misses, refused logins and rate-limit
//! refusals — and rendered by its Prometheus exporter. The recorder is global: installed once
//! per process, shared by every server the process starts (tests start many).

use std::sync::OnceLock;
use std::time::{Duration, Instant};

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use metrics::{
    Unit, counter, describe_counter, describe_gauge, describe_histogram, gauge, histogram,
};
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};

pub const REQUESTS: &str = "pioneer_http_requests_total";
pub const REQUEST_SECONDS: &str = "pioneer_http_request_duration_seconds";
pub const POOL_CONNECTIONS: &str = "pioneer_db_pool_connections";
pub const POOL_MAX: &str = "pioneer_db_pool_max_connections";
pub const WRITE_WAIT_SECONDS: &str = "pioneer_db_write_wait_seconds";
pub const CACHE_LOOKUPS: &str = "pioneer_cache_lookups_total";
pub const LOGIN_FAILURES: &str = "pioneer_login_failures_total";
pub const RATE_LIMITED: &str = "pioneer_rate_limited_total";
pub const JOBS_RUN: &str = "pioneer_jobs_run_total";

/// Latency buckets, in seconds: from a cached read (≈1 ms) to a slow export.
const BUCKETS: &[f64] = &[
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];

/// The process's recorder, installed on first use.
pub fn handle() -> &'static PrometheusHandle {
    static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();
    HANDLE.get_or_init(|| {
        let builder = PrometheusBuilder::new()
            .set_buckets_for_metric(Matcher::Suffix("_seconds".into()), BUCKETS)
            .unwrap_or_else(|_| PrometheusBuilder::new());
        let handle = match builder.install_recorder() {
            Ok(handle) => handle,
            // Another recorder is installed (an embedding program's): render ours unshared.
            Err(_) => PrometheusBuilder::new().build_recorder().handle(),
        };
        describe();
        handle
    })
}

fn describe() {
    describe_counter!(
        REQUESTS,
        "HTTP requests answered, by method, route template and status"
    );
    describe_histogram!(
        REQUEST_SECONDS,
        Unit::Seconds,
        "Time to answer, by method and route template"
    );
    describe_gauge!(
        POOL_CONNECTIONS,
        "Database connections open, by state (idle, in_use)"
    );
    describe_gauge!(
        POOL_MAX,
        "Largest number of database connections the pool opens"
    );
    describe_histogram!(
        WRITE_WAIT_SECONDS,
        Unit::Seconds,
        "Wait for a write transaction: a pooled connection, SQLite's writer turn and BEGIN"
    );
    describe_counter!(
        CACHE_LOOKUPS,
        "Lookups in the in-memory caches, by cache and result (hit, miss)"
    );
    describe_counter!(
        LOGIN_FAILURES,
        "Sign-ins refused for a wrong e-mail or password, or a deactivated account"
    );
    describe_counter!(
        JOBS_RUN,
        "Background jobs run, by kind and result (a failed one may be retried)"
    );
    describe_counter!(
        RATE_LIMITED,
        "Requests refused with 429, by what was limited"
    );
}

/// A lookup in the cache `cache` found (`hit`) or had to read (`miss`).
pub fn cache_lookup(cache: &'static str, hit: bool) {
    let result = if hit { "hit" } else { "miss" };
    counter!(CACHE_LOOKUPS, "cache" => cache, "result" => result).increment(1);
}

/// A background job of `kind` ran, and succeeded or failed (it may be retried).
pub fn job_done(kind: &str, succeeded: bool) {
    let result = if succeeded { "done" } else { "failed" };
    counter!(JOBS_RUN, "kind" => kind.to_owned(), "result" => result).increment(1);
}

pub fn login_failed() {
    counter!(LOGIN_FAILURES).increment(1);
}

pub fn rate_limited(what: &'static str) {
    counter!(RATE_LIMITED, "limit" => what).increment(1);
}

pub fn write_waited(waited: Duration) {
    histogram!(WRITE_WAIT_SECONDS).record(waited.as_secs_f64());
}

/// Counts and times every request by its route template (`/api/v1/roadmaps/{id}`), never by
/// its path: ids would make a series per roadmap.
pub async fn record_requests(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let started = Instant::now();
    let method = req.method().as_str().to_owned();
    let response = next.call(req).await?;
    let route = match response.request().match_pattern() {
        Some(pattern) => pattern,
        None if response.request().path().starts_with("/api/") => "unmatched".to_owned(),
        // The web app's pages and files.
        None => "spa".to_owned(),
    };
    let status = response.status().as_u16().to_string();
    let labels = [("method", method), ("route", route)];
    histogram!(REQUEST_SECONDS, &labels).record(started.elapsed().as_secs_f64());
    let [method, route] = labels;
    counter!(REQUESTS, &[method, route, ("status", status)]).increment(1);
    Ok(response)
}

/// The pool's state, as read at scrape time: connections open, idle, and the most it opens.
pub fn record_pool(size: u32, idle: u32, max: u32) {
    let idle = idle.min(size);
    gauge!(POOL_CONNECTIONS, "state" => "idle").set(f64::from(idle));
    gauge!(POOL_CONNECTIONS, "state" => "in_use").set(f64::from(size - idle));
    gauge!(POOL_MAX).set(f64::from(max));
}

/// Everything recorded so far, in Prometheus' text format.
pub fn render() -> String {
    handle().render()
}
