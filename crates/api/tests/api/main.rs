//! Integration tests: each starts the real server on a random port with its own database and
//! speaks HTTP to it. `TEST_DATABASE=postgres` runs them on PostgreSQL (see helpers.rs).

mod api_tokens;
mod auth;
mod authorization;
mod crash;
mod digests;
mod discussions;
mod events;
mod experts;
mod fuzz_regressions;
mod group_requests;
mod groups;
mod helpers;
mod jobs;
mod knowledge;
mod limits;
mod logs;
mod membership;
mod metrics;
mod migrations;
mod openapi;
mod outage;
mod platform;
mod reference;
mod replicas;
mod reports;
mod resource_comments;
mod roadmaps;
mod two_factor;
mod users;
