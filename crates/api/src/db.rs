//! Connecting to SQLite or PostgreSQL, and migrating.

use std::time::Duration;

use anyhow::Context;
use migration::{Migrator, MigratorTrait};
use sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseBackend, DatabaseConnection,
    DatabaseTransaction, DbErr, RuntimeErr, SqliteTransactionMode, TransactionOptions,
    TransactionTrait,
};
use tokio::sync::{Mutex, MutexGuard};

use crate::config::{Config, redact_url};

pub async fn connect(config: &Config) -> anyhow::Result<DatabaseConnection> {
    if let Some(path) = config.sqlite_path()
        && let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
    {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    let mut options = ConnectOptions::new(config.database_url.clone());
    options
        .max_connections(if config.is_sqlite() { 8 } else { 16 })
        .min_connections(1)
        .connect_timeout(Duration::from_secs(3))
        // Fail fast when the database is down (the pool retries connecting until this
        // deadline): callers get a 503 within two seconds rather than a hang. A request that
        // waits this long for a free connection is better told to retry, too.
        .acquire_timeout(Duration::from_secs(2))
        .sqlx_logging(false);
    // A ping before every use is a round trip per request (on SQLite, to the connection's
    // thread, inside the one writer's turn). An embedded file cannot drop a connection; a
    // PostgreSQL connection that was idle a while may have, and is still pinged.
    if config.is_sqlite() {
        options.test_before_acquire(false);
    } else {
        options.test_before_acquire_if_idle_for(Duration::from_secs(1));
    }
    let synchronous = config.sqlite_synchronous;
    options.map_sqlx_sqlite_opts(move |sqlite| sqlite.synchronous(synchronous));
    let mut db = Database::connect(options)
        .await
        .with_context(|| format!("connecting to {}", redact_url(&config.database_url)))?;
    db.set_metric_callback(|_| crate::telemetry::count_query());
    if config.is_sqlite() {
        // WAL lets readers run beside the writer; it is a property of the file, set once.
        db.execute_unprepared("PRAGMA journal_mode=WAL;").await?;
    }
    Ok(db)
}

/// Opens the PostgreSQL pool's connections in the background, once the server listens. Each new
/// connection costs a TLS handshake and a server process; opened on demand, they made the first
/// seconds of traffic after a start wait for them. Past the pool's idle timeout, the ones not
/// in use close again. SQLite's connections are cheap and open on demand.
pub fn warm_up(db: &DatabaseConnection) {
    if db.get_database_backend() != DatabaseBackend::Postgres {
        return;
    }
    let pool = db.get_postgres_connection_pool().clone();
    tokio::spawn(async move {
        let mut opened = Vec::new();
        while opened.len() < pool.options().get_max_connections() as usize {
            match pool.acquire().await {
                Ok(connection) => opened.push(connection),
                // Down or full: the pool opens connections on demand, as before.
                Err(_) => break,
            }
        }
    });
}

/// SQLite lets one transaction write at a time. Writers wait for their turn here, in arrival
/// order, rather than in SQLite's busy handler, which polls: under load an unlucky writer would
/// starve past its timeout and fail with "database is locked". A process serves one database,
/// so one queue per process is enough.
static SQLITE_WRITERS: Mutex<()> = Mutex::const_new(());

/// A write transaction's turn (SQLite only): keep it until the transaction commits or rolls back.
#[must_use = "the turn must be held until the transaction ends"]
pub struct WriteTurn(#[allow(dead_code)] Option<MutexGuard<'static, ()>>);

/// Starts a transaction that will write. On SQLite it waits for its turn, then takes the write
/// lock at once (`BEGIN IMMEDIATE`): a deferred transaction that read first would fail when
/// another writer committed in between. PostgreSQL needs neither.
pub async fn begin_write(
    db: &DatabaseConnection,
) -> Result<(WriteTurn, DatabaseTransaction), DbErr> {
    let started = std::time::Instant::now();
    let turn = match db.get_database_backend() {
        DatabaseBackend::Sqlite => Some(SQLITE_WRITERS.lock().await),
        _ => None,
    };
    let txn = db
        .begin_with_options(TransactionOptions {
            sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
            ..TransactionOptions::default()
        })
        .await?;
    crate::metrics::write_waited(started.elapsed());
    Ok((WriteTurn(turn), txn))
}

/// Whether the error means the database cannot serve now (down, restarting, unreachable, or
/// SQLite busy) rather than a bug: the client gets a 503 and may retry.
pub fn is_unavailable(err: &DbErr) -> bool {
    use sea_orm::sqlx::Error;
    let runtime = match err {
        DbErr::ConnectionAcquire(_) => return true,
        DbErr::Conn(e) | DbErr::Exec(e) | DbErr::Query(e) => e,
        _ => return false,
    };
    let RuntimeErr::SqlxError(sqlx) = runtime else {
        return false;
    };
    match sqlx.as_ref() {
        Error::Io(_)
        | Error::Tls(_)
        | Error::PoolTimedOut
        | Error::PoolClosed
        | Error::WorkerCrashed
        | Error::Protocol(_) => true,
        Error::Database(db) => {
            let Some(code) = db.code() else {
                return false;
            };
            if db
                .try_downcast_ref::<sea_orm::sqlx::sqlite::SqliteError>()
                .is_some()
            {
                // SQLITE_BUSY (5) and SQLITE_LOCKED (6), with their extended codes.
                code.parse::<u32>().is_ok_and(|c| matches!(c & 0xff, 5 | 6))
            } else {
                // PostgreSQL: connection exceptions (08…), shutting down (57P01–57P03).
                code.starts_with("08") || matches!(code.as_ref(), "57P01" | "57P02" | "57P03")
            }
        }
        _ => false,
    }
}

/// Whether the database refused a text it cannot store: PostgreSQL has no NUL character
/// (`22021`) and refuses what its encoding cannot hold (`22P05`). A client's mistake: 422.
pub fn is_unstorable_text(err: &DbErr) -> bool {
    let (DbErr::Exec(RuntimeErr::SqlxError(sqlx)) | DbErr::Query(RuntimeErr::SqlxError(sqlx))) =
        err
    else {
        return false;
    };
    match sqlx.as_ref() {
        sea_orm::sqlx::Error::Database(db) => db
            .code()
            .is_some_and(|code| matches!(code.as_ref(), "22021" | "22P05")),
        _ => false,
    }
}

pub async fn migrate(db: &DatabaseConnection) -> anyhow::Result<()> {
    Migrator::up(db, None)
        .await
        .context("migrating the database")
}
