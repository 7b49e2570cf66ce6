//! Connecting to SQLite or PostgreSQL, and migrating.

use std::time::Duration;

use anyhow::Context;
use migration::{Migrator, MigratorTrait};
use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseConnection};

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
        // Fail fast when the database is down: callers get a 503 rather than a hang.
        .acquire_timeout(Duration::from_secs(3))
        .sqlx_logging(false);
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

pub async fn migrate(db: &DatabaseConnection) -> anyhow::Result<()> {
    Migrator::up(db, None)
        .await
        .context("migrating the database")
}
