use sea_orm::entity::prelude::*;

/// A durable background job (see `crate::jobs`).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "jobs")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// `mail` or `reminder`.
    pub kind: String,
    /// JSON: what the job needs to run (`crate::jobs::JobPayload`).
    pub payload: String,
    /// One line for people: a mail's recipient and subject.
    pub summary: String,
    /// A `pioneer_domain::jobs::JobStatus` name.
    pub status: String,
    pub attempts: i32,
    pub max_attempts: i32,
    pub run_at: DateTimeUtc,
    pub locked_by: Option<String>,
    pub locked_until: Option<DateTimeUtc>,
    pub last_error: Option<String>,
    /// Set for jobs that must exist once (an automatic reminder per country and cycle).
    #[sea_orm(unique)]
    pub dedupe_key: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub done_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
