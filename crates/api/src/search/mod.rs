//! Full-text search over the knowledge base and the directory of experts and organisations,
//! the same on SQLite and PostgreSQL: an embedded `tantivy` index per replica, rebuilt from the
//! database of record.
//!
//! [`analyzers`] is how text becomes terms in each language the UI speaks; [`entries`] is what
//! the index holds of each thing it finds.

pub mod analyzers;
pub mod entries;
pub mod index;
