//! What the store answers when it cannot: the database failed, or a stored value does not read
//! back. Mapped to HTTP in one place (`crate::error`); the store itself knows nothing of HTTP.

use sea_orm::DbErr;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database failed (down, busy, or refused the statement).
    #[error(transparent)]
    Database(#[from] DbErr),
    /// A value the database holds does not read back as its type: a bug or a hand edit.
    #[error("stored {what}: {problem}")]
    Corrupt { what: String, problem: String },
}

impl StoreError {
    pub fn corrupt(what: &str, problem: impl std::fmt::Display) -> Self {
        Self::Corrupt {
            what: what.to_owned(),
            problem: problem.to_string(),
        }
    }

    /// Whether the database could not serve now (the caller may retry).
    pub fn is_unavailable(&self) -> bool {
        matches!(self, Self::Database(err) if crate::db::is_unavailable(err))
    }

    /// What a query that found the database down would answer.
    pub fn unavailable() -> Self {
        Self::Database(DbErr::ConnectionAcquire(sea_orm::ConnAcquireErr::Timeout))
    }
}

pub type StoreResult<T> = Result<T, StoreError>;
