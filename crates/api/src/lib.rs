//! Pioneer Hub's server: actix-web routes, auth, OpenAPI, sea-orm storage, and the built SPA.

pub mod auth;
pub mod cli;
pub mod clock;
pub mod config;
pub mod db;
pub mod entities;
pub mod error;
pub mod members;
pub mod method_table;
pub mod metrics;
pub mod openapi;
pub mod routes;
pub mod schemas;
pub mod seed;
pub mod spa;
pub mod startup;
pub mod state;
pub mod store;
pub mod telemetry;
pub mod texts;
