//! Queries and writes that handlers share (the repository layer).

pub mod change_feed;
pub mod comments;
pub mod digests;
pub mod discussions;
pub mod documents;
pub mod error;
pub mod events;
pub mod experts;
pub mod groups;
pub mod history;
pub mod invitations;
pub mod jobs;
pub mod membership;
pub mod names;
pub mod notifications;
pub mod profiles;
pub mod reference;
pub mod report_parts;
pub mod reporting_cycles;
pub mod reports;
pub mod resources;
pub mod roadmap_cache;
pub mod roadmap_parts;
pub mod roadmaps;
pub mod row_cache;
pub mod search_log;
pub mod single_flight;
pub mod tokens;
pub mod two_factor;
pub mod users;
pub mod write;

use pioneer_domain::page::Paging;
use pioneer_domain::review::{Reviewed, Scope};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, Condition, DbErr, EntityTrait, FromQueryResult, PaginatorTrait, QueryResult,
    QuerySelect, Select,
};

pub use error::{StoreError, StoreResult};
/// The handles the store's functions take: the pool, or a write transaction that the caller
/// opened with `db::begin_write` so that several writes commit together.
pub use sea_orm::{ConnectionTrait as Connection, DatabaseConnection, DatabaseTransaction};

/// A list of strings as a text column keeps it (a JSON array, the same on both databases).
pub(crate) fn list_json(values: &[String]) -> String {
    serde_json::to_string(values).unwrap_or_else(|_| "[]".to_owned())
}

/// A list of strings read back from its text column; `what` names it in the error.
pub(crate) fn json_list(what: &str, raw: &str) -> StoreResult<Vec<String>> {
    serde_json::from_str(raw).map_err(|e| StoreError::corrupt(what, e))
}

/// Whether the database answers (the readiness probe).
pub async fn ping(db: &DatabaseConnection) -> StoreResult<()> {
    Ok(db.ping().await?)
}

/// The connection pool: connections open, idle, and the most it opens.
pub struct PoolState {
    pub size: u32,
    pub idle: u32,
    pub max: u32,
}

pub fn pool_state(db: &DatabaseConnection) -> Option<PoolState> {
    let state = |size: u32, idle: usize, max: u32| PoolState {
        size,
        idle: u32::try_from(idle).unwrap_or(u32::MAX),
        max,
    };
    match db.get_database_backend() {
        sea_orm::DatabaseBackend::Postgres => {
            let pool = db.get_postgres_connection_pool();
            Some(state(
                pool.size(),
                pool.num_idle(),
                pool.options().get_max_connections(),
            ))
        }
        sea_orm::DatabaseBackend::Sqlite => {
            let pool = db.get_sqlite_connection_pool();
            Some(state(
                pool.size(),
                pool.num_idle(),
                pool.options().get_max_connections(),
            ))
        }
        _ => None,
    }
}

/// The ISO alpha-3 code that `raw` names (any case, spaces around), or `None` if it cannot be one.
pub fn country_code(raw: &str) -> Option<String> {
    let code = raw.trim().to_ascii_uppercase();
    (code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase())).then_some(code)
}

/// The rows whose country `column` is `code`; no row when a filter named no code (see
/// [`country_code`]), on both backends alike: PostgreSQL would otherwise refuse some such values
/// (a NUL) where SQLite finds no row.
pub fn country_is(column: impl ColumnTrait, code: Option<String>) -> Condition {
    match code {
        Some(code) => Condition::all().add(column.eq(code)),
        // An empty "any of" is false.
        None => Condition::any(),
    }
}

/// Whether a statement failed on a unique index: two requests raced, and the index decided.
pub fn is_unique_violation(err: &DbErr) -> bool {
    matches!(
        err.sql_err(),
        Some(sea_orm::SqlErr::UniqueConstraintViolation(_))
    )
}

/// The documents of kind `K` that `scope` sees, as a query condition on their status and
/// country columns.
pub fn scope_condition<K: Reviewed, C: ColumnTrait>(
    scope: &Scope,
    status: C,
    country: C,
) -> Condition
where
    K::Status: std::fmt::Display,
{
    let names =
        |statuses: &[K::Status]| statuses.iter().map(ToString::to_string).collect::<Vec<_>>();
    let published = status.is_in(names(K::PUBLISHED));
    match scope {
        Scope::All => Condition::all(),
        Scope::NotDrafts => Condition::all().add(status.is_not_in(names(K::PRIVATE))),
        Scope::CountryOrPublished(code) => Condition::any()
            .add(published)
            .add(country.eq(code.as_str())),
        Scope::Published => Condition::all().add(published),
    }
}

/// One page of `select` (filtered and ordered by the caller), and how many rows it pages through.
pub async fn fetch_page<E>(
    db: &DatabaseConnection,
    select: Select<E>,
    paging: Paging,
) -> StoreResult<(Vec<E::Model>, u64)>
where
    E: EntityTrait,
    E::Model: Sync,
{
    // One query: each row carries the total (a window over the whole filtered set).
    let rows = select
        .clone()
        .column_as(Expr::cust("COUNT(*) OVER ()"), PAGE_TOTAL)
        .offset(paging.offset())
        .limit(paging.per_page)
        .into_model::<WithTotal<E::Model>>()
        .all(db)
        .await?;
    let total = match rows.first() {
        Some(first) => u64::try_from(first.total).unwrap_or_default(),
        // Past the last page (or nothing at all): the rows cannot tell how many there are.
        None if paging.offset() > 0 => select.count(db).await?,
        None => 0,
    };
    Ok((rows.into_iter().map(|r| r.row).collect(), total))
}

const PAGE_TOTAL: &str = "page_total";

/// A row of a page and the number of rows of all pages.
struct WithTotal<M> {
    row: M,
    total: i64,
}

impl<M: FromQueryResult> FromQueryResult for WithTotal<M> {
    fn from_query_result(result: &QueryResult, prefix: &str) -> Result<Self, DbErr> {
        Ok(Self {
            row: M::from_query_result(result, prefix)?,
            total: result.try_get(prefix, PAGE_TOTAL)?,
        })
    }
}
