//! Integration tests: each starts the real server on a random port with its own database and
//! speaks HTTP to it. `TEST_DATABASE=postgres` runs them on PostgreSQL (see helpers.rs).

mod api_tokens;
mod auth;
mod crash;
mod helpers;
mod logs;
mod openapi;
mod platform;
mod reference;
mod roadmaps;
mod users;
