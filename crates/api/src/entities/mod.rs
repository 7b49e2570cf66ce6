//! sea-orm entities, one module per table (kept apart from the code that queries them).

pub mod api_token;
pub mod country;
pub mod indicator;
pub mod refresh_token;
pub mod strategy;
pub mod user;
