//! Full-text search over the knowledge base, the same on SQLite and PostgreSQL: an embedded
//! `tantivy` index per replica, rebuilt from the database of record.
//!
//! [`analyzers`] is how text becomes terms in each language the UI speaks.

pub mod analyzers;
pub mod index;
