//! Rows that nearly every request reads — the member behind the token, the roadmap the path
//! names — kept in memory, so that a read answered from the roadmap cache touches no database.
//!
//! A change is not served stale by the replica that made it: the code that writes a cached
//! table forgets the row once its transaction has ended (roadmap writes through a guard, so a
//! request cancelled on its way forgets too). A reader that raced such a change — it read the
//! old row, and the forgetting happened before it stored what it read — notices that the
//! generation moved on and drops its copy. Other replicas learn nothing of the change: entries
//! expire after a maximum age (`Config::row_cache_max_age`, a second by default), which bounds
//! how long a deactivation or a new revision made elsewhere takes to be seen, and any race the
//! above misses.

use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use actix_web::web::Bytes;
use quick_cache::Weighter;
use quick_cache::sync::Cache;
use sea_orm::DbErr;
use uuid::Uuid;

use crate::error::ApiResult;

pub struct RowCache<T> {
    rows: Cache<Uuid, (Instant, Arc<T>)>,
    /// How long a row is trusted without reading it again; zero turns the cache off.
    max_age: Duration,
    /// Bumped by every `forget`: a reader keeps what it read only if it did not move.
    generation: AtomicU64,
}

impl<T> RowCache<T> {
    pub fn new(capacity: usize, max_age: Duration) -> Self {
        Self {
            rows: Cache::new(capacity),
            max_age,
            generation: AtomicU64::new(0),
        }
    }

    /// The row `id`, from memory if it is fresh, else from `load` (a query, run only then).
    pub async fn get(
        &self,
        id: Uuid,
        load: impl Future<Output = Result<Option<T>, DbErr>>,
    ) -> Result<Option<Arc<T>>, DbErr> {
        if self.max_age.is_zero() {
            return Ok(load.await?.map(Arc::new));
        }
        if let Some((read_at, row)) = self.rows.get(&id)
            && read_at.elapsed() < self.max_age
        {
            return Ok(Some(row));
        }
        let generation = self.generation.load(Ordering::Acquire);
        let read_at = Instant::now();
        let row = load.await?.map(Arc::new);
        if let Some(row) = &row {
            self.rows.insert(id, (read_at, row.clone()));
            // A change ended while we read: what we read may predate it.
            if self.generation.load(Ordering::Acquire) != generation {
                self.rows.remove(&id);
            }
        }
        Ok(row)
    }

    /// Moves on with every `forget`: what was read at one generation may be stale at the next.
    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::Acquire)
    }

    /// Forgets the row `id`; call it once a transaction that changed (or created) it has ended.
    pub fn forget(&self, id: Uuid) {
        self.generation.fetch_add(1, Ordering::AcqRel);
        self.rows.remove(&id);
    }
}

/// At most this many bytes of list pages (a page of 100 summaries is about 40 KB).
const PAGES_CAPACITY_BYTES: u64 = 4 * 1024 * 1024;

#[derive(Clone)]
struct PageWeight;

impl Weighter<String, (u64, Instant, Bytes)> for PageWeight {
    fn weight(&self, key: &String, (_, _, json): &(u64, Instant, Bytes)) -> u64 {
        (key.len() + json.len() + 64) as u64
    }
}

/// The cached rows of each table, and pages of roadmap lists.
pub struct RowCaches {
    pub users: RowCache<crate::entities::user::Model>,
    pub roadmaps: RowCache<crate::entities::roadmap::Model>,
    /// Lists of roadmaps as JSON, by what names the page (see `roadmap_page`).
    roadmap_pages: Cache<String, (u64, Instant, Bytes), PageWeight>,
    max_age: Duration,
}

impl RowCaches {
    pub fn new(max_age: Duration) -> Self {
        Self {
            users: RowCache::new(10_000, max_age),
            roadmaps: RowCache::new(10_000, max_age),
            roadmap_pages: Cache::with_weighter(1_000, PAGES_CAPACITY_BYTES, PageWeight),
            max_age,
        }
    }

    /// A page of a roadmap list as JSON. `key` must name everything the page depends on (the
    /// list, what the caller may see, filters, paging). The page is served again only while no
    /// roadmap has changed since it was read (the roadmap rows' generation, which every change
    /// and creation moves) and for no longer than the rows' maximum age.
    pub async fn roadmap_page(
        &self,
        key: String,
        load: impl Future<Output = ApiResult<Bytes>>,
    ) -> ApiResult<Bytes> {
        if self.max_age.is_zero() {
            return load.await;
        }
        let generation = self.roadmaps.generation();
        if let Some((read_at_generation, read_at, json)) = self.roadmap_pages.get(&key)
            && read_at_generation == generation
            && read_at.elapsed() < self.max_age
        {
            return Ok(json);
        }
        let read_at = Instant::now();
        let json = load.await?;
        self.roadmap_pages
            .insert(key, (generation, read_at, json.clone()));
        Ok(json)
    }
}

/// Forgets the roadmaps it names when dropped: after a commit, a rollback or a cancellation.
pub struct ForgetRoadmaps {
    caches: Arc<RowCaches>,
    ids: Vec<Uuid>,
}

impl ForgetRoadmaps {
    pub fn new(caches: Arc<RowCaches>, id: Uuid) -> Self {
        Self {
            caches,
            ids: vec![id],
        }
    }

    /// Another roadmap changed in the same transaction.
    pub fn also(&mut self, id: Uuid) {
        self.ids.push(id);
    }
}

impl Drop for ForgetRoadmaps {
    fn drop(&mut self) {
        for id in &self.ids {
            self.caches.roadmaps.forget(*id);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_reader_that_raced_a_change_does_not_keep_the_old_row() {
        let cache = RowCache::<&str>::new(10, Duration::from_secs(60));
        let id = Uuid::now_v7();
        // The change ends (and forgets) while the reader's query is in flight.
        let read = cache
            .get(id, async {
                cache.forget(id);
                Ok(Some("old"))
            })
            .await;
        assert_eq!(read.ok().flatten().as_deref(), Some(&"old"));
        let next = cache.get(id, async { Ok(Some("new")) }).await;
        assert_eq!(next.ok().flatten().as_deref(), Some(&"new"));
    }

    #[tokio::test]
    async fn a_fresh_row_is_served_from_memory_and_a_forgotten_one_is_read_again() {
        let cache = RowCache::<u32>::new(10, Duration::from_secs(60));
        let id = Uuid::now_v7();
        let first = cache.get(id, async { Ok(Some(1)) }).await;
        assert_eq!(first.ok().flatten().as_deref(), Some(&1));
        let cached = cache.get(id, async { Ok(Some(2)) }).await;
        assert_eq!(cached.ok().flatten().as_deref(), Some(&1));
        cache.forget(id);
        let reread = cache.get(id, async { Ok(Some(3)) }).await;
        assert_eq!(reread.ok().flatten().as_deref(), Some(&3));
    }

    #[tokio::test]
    async fn rows_older_than_the_maximum_age_and_all_rows_when_it_is_zero_are_read_again() {
        let id = Uuid::now_v7();
        let brief = RowCache::<u32>::new(10, Duration::from_millis(20));
        let _ = brief.get(id, async { Ok(Some(1)) }).await;
        tokio::time::sleep(Duration::from_millis(30)).await;
        let reread = brief.get(id, async { Ok(Some(2)) }).await;
        assert_eq!(reread.ok().flatten().as_deref(), Some(&2));
        let off = RowCache::<u32>::new(10, Duration::ZERO);
        let _ = off.get(id, async { Ok(Some(1)) }).await;
        let reread = off.get(id, async { Ok(Some(2)) }).await;
        assert_eq!(reread.ok().flatten().as_deref(), Some(&2));
    }

    #[tokio::test]
    async fn absent_rows_are_not_remembered() {
        let cache = RowCache::<u32>::new(10, Duration::from_secs(60));
        let id = Uuid::now_v7();
        assert!(matches!(cache.get(id, async { Ok(None) }).await, Ok(None)));
        let created = cache.get(id, async { Ok(Some(7)) }).await;
        assert_eq!(created.ok().flatten().as_deref(), Some(&7));
    }
}
