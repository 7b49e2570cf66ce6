//! Pioneer Hub's domain: the types the server and the SPA share, their validation
//! ("parse, don't validate"), and the access policy.
//!
//! Pure Rust: no clock, randomness, I/O, actix or sea-orm. It compiles for wasm32 so that
//! the SPA validates with the same rules as the server.

pub mod auth;
pub mod classification;
pub mod currency;
pub mod discussions;
pub mod error;
pub mod events;
pub mod experts;
pub mod groups;
pub mod jobs;
pub mod knowledge;
pub mod languages;
pub mod membership;
pub mod money;
pub mod notifications;
pub mod page;
pub mod policy;
pub mod reference;
pub mod report;
pub mod review;
pub mod roadmap;
pub mod two_factor;
pub mod user;

pub use auth::Role;
pub use error::{ErrorBody, ErrorCode, ErrorDetail, FieldError};
pub use page::{Page, PageQuery};
