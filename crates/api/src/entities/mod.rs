//! sea-orm entities, one module per table (kept apart from the code that queries them).

pub mod api_token;
pub mod country;
pub mod document_comment;
pub mod document_history;
pub mod indicator;
pub mod refresh_token;
pub mod report;
pub mod report_action;
pub mod report_indicator;
pub mod report_support_request;
pub mod reporting_cycle;
pub mod roadmap;
pub mod roadmap_action;
pub mod roadmap_indicator;
pub mod roadmap_priority;
pub mod strategy;
pub mod user;
