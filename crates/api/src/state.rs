//! What every handler can reach: the state the server builds once at start.

use std::sync::Arc;

use pioneer_domain::roadmap::validation::ReferenceCodes;
use sea_orm::DatabaseConnection;

use crate::auth::jwt::JwtKeys;
use crate::auth::rate_limit::LoginRateLimiter;
use crate::clock::Clock;
use crate::config::Config;
use crate::files::FileStore;
use crate::mail::Mailer;
use crate::search::index::SearchIndex;
use crate::store::StoreResult;
use crate::store::change_feed::ChangeFeed;
use crate::store::roadmap_cache::RoadmapCache;
use crate::store::row_cache::RowCaches;
use crate::store::write::Write;
use crate::texts::Texts;

/// What every handler can reach.
pub struct AppState {
    pub db: DatabaseConnection,
    pub jwt: JwtKeys,
    pub config: Config,
    pub login_limiter: LoginRateLimiter,
    /// INSPIRE and SDG codes, read once at start.
    pub reference: ReferenceCodes,
    /// Content-Security-Policy of the SPA's pages (it names the hash of trunk's loader script).
    pub spa_csp: String,
    /// A hash no password matches, verified when an e-mail is unknown so that timing says nothing.
    pub decoy_password_hash: String,
    /// Whole roadmaps as JSON, by revision.
    pub roadmap_cache: RoadmapCache,
    /// Members and roadmap rows, so that cached reads need no query.
    pub rows: Arc<RowCaches>,
    /// The one clock: no other code reads the time of day.
    pub clock: Clock,
    /// Tells the other replicas what this one changed, so that they forget it too.
    pub changes: ChangeFeed,
    /// What the server writes for people, in each language of the UI.
    pub texts: Texts,
    /// Membership applications, per address (the public form's spam guard).
    pub application_limiter: LoginRateLimiter,
    /// How mail leaves (used by the job worker only).
    pub mailer: Mailer,
    /// Wakes this replica's job worker when a request has written a job.
    pub job_wake: tokio::sync::Notify,
    /// Where resources' files are kept.
    pub files: FileStore,
    /// This replica's index of the knowledge base.
    pub search: SearchIndex,
    /// Resource page views not yet written.
    pub views: crate::store::resources::ViewCounts,
}

impl AppState {
    /// Opens a write by `actor_id`, at the clock's now (see `store::write`).
    pub async fn write(&self, actor_id: uuid::Uuid) -> StoreResult<Write> {
        Write::begin(
            &self.db,
            &self.rows,
            &self.changes,
            actor_id,
            self.clock.now(),
        )
        .await
    }
}
