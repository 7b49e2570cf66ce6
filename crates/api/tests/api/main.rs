//! Integration tests: each starts the real server on a random port with its own database and
//! speaks HTTP to it. `TEST_DATABASE=postgres` runs them on PostgreSQL (see helpers.rs).

mod api_tokens;
mod auth;
mod authorization;
mod crash;
mod fuzz_regressions;
mod helpers;
mod limits;
mod logs;
mod metrics;
mod migrations;
mod openapi;
mod outage;
mod platform;
mod reference;
mod replicas;
mod reports;
mod roadmaps;
mod users;
