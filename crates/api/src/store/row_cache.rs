//! Rows that nearly every request reads — the member behind the token, an integrator's API
//! token, the roadmap the path names — kept in memory, so that a read answered from the roadmap
//! cache touches no database.
//!
//! A change is not served stale by the replica that made it: every write says which cached rows
//! it touched, and `store::write` forgets them once its transaction has ended (through a guard,
//! so a request cancelled on its way forgets too). A reader that raced such a change — it read the
//! old row, and the forgetting happened before it stored what it read — notices that the
//! generation moved on and drops its copy. On PostgreSQL the writer also announces the change
//! and the other replicas forget it as they hear it (`store::change_feed`). Whatever that misses
//! is bounded by a maximum age (`Config::row_cache_max_age`, a second by default), after which
//! an entry is read again: the safety net for a deactivation or a new revision made elsewhere,
//! and for any race the above misses.

use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use bytes::Bytes;
use quick_cache::Weighter;
use quick_cache::sync::Cache;
use sea_orm::{ConnAcquireErr, DbErr};
use uuid::Uuid;

use super::{StoreError, StoreResult};
use crate::db::is_unavailable;
use crate::store::single_flight::SingleFlight;

pub struct RowCache<T> {
    /// How the metrics name it.
    name: &'static str,
    rows: Cache<Uuid, (Instant, Arc<T>)>,
    /// How long a row is trusted without reading it again; zero turns the cache off.
    max_age: Duration,
    /// Bumped by every `forget`: a reader keeps what it read only if it did not move.
    generation: AtomicU64,
    loads: SingleFlight<Uuid>,
}

impl<T> RowCache<T> {
    pub fn new(name: &'static str, capacity: usize, max_age: Duration) -> Self {
        Self {
            name,
            rows: Cache::new(capacity),
            max_age,
            generation: AtomicU64::new(0),
            loads: SingleFlight::default(),
        }
    }

    /// The row `id`, from memory if it is fresh, else from `load` (a query, run only then, and
    /// by one request at a time: the others wait for it and take what it read). A row past half
    /// its maximum age is read again by the one request that finds it so, while the others
    /// are still served from memory: under steady traffic no request waits for a row to expire.
    pub async fn get(
        &self,
        id: Uuid,
        load: impl Future<Output = Result<Option<T>, DbErr>>,
    ) -> Result<Option<Arc<T>>, DbErr> {
        if self.max_age.is_zero() {
            return Ok(load.await?.map(Arc::new));
        }
        if let Some((read_at, row)) = self.fresh(id) {
            crate::metrics::cache_lookup(self.name, true);
            if read_at.elapsed() < self.max_age / 2 {
                return Ok(Some(row));
            }
            let Some(mut flight) = self.loads.try_lock(&id) else {
                return Ok(Some(row));
            };
            // The copy in memory is still within its age: better served than an error.
            let refreshed = flight.load(self.load(id, load), is_unavailable).await;
            return Ok(refreshed.unwrap_or(Some(row)));
        }
        // A stale read is dropped inside the load, so a request that waited never takes it.
        let cached = || self.fresh(id).map(|(_, row)| Some(row));
        let down = || DbErr::ConnectionAcquire(ConnAcquireErr::Timeout);
        self.loads
            .load_once(&id, cached, self.load(id, load), is_unavailable, down)
            .await
    }

    /// Reads the row and keeps it, unless a change ended meanwhile.
    async fn load(
        &self,
        id: Uuid,
        load: impl Future<Output = Result<Option<T>, DbErr>>,
    ) -> Result<Option<Arc<T>>, DbErr> {
        crate::metrics::cache_lookup(self.name, false);
        let generation = self.generation.load(Ordering::Acquire);
        let read_at = Instant::now();
        let row = load.await?.map(Arc::new);
        match &row {
            Some(row) => {
                self.rows.insert(id, (read_at, row.clone()));
                // A change ended while we read: what we read may predate it.
                if self.generation.load(Ordering::Acquire) != generation {
                    self.rows.remove(&id);
                }
            }
            None => {
                self.rows.remove(&id);
            }
        }
        Ok(row)
    }

    fn fresh(&self, id: Uuid) -> Option<(Instant, Arc<T>)> {
        self.rows
            .get(&id)
            .filter(|(read_at, _)| read_at.elapsed() < self.max_age)
    }

    /// Moves on with every `forget`: what was read at one generation may be stale at the next.
    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::Acquire)
    }

    /// Forgets the row `id`; call it once a transaction that changed (or created) it has ended.
    /// Forgets every row; what readers in flight are about to store is dropped too.
    pub fn forget_every(&self) {
        self.generation.fetch_add(1, Ordering::AcqRel);
        self.rows.clear();
    }

    pub fn forget(&self, id: Uuid) {
        self.generation.fetch_add(1, Ordering::AcqRel);
        self.rows.remove(&id);
    }
}

/// At most this many bytes of list pages (a page of 100 summaries is about 40 KB).
const PAGES_CAPACITY_BYTES: u64 = 4 * 1024 * 1024;

#[derive(Clone)]
struct PageWeight;

impl Weighter<String, ((u64, u64), Instant, Bytes)> for PageWeight {
    fn weight(&self, key: &String, (_, _, json): &((u64, u64), Instant, Bytes)) -> u64 {
        (key.len() + json.len() + 64) as u64
    }
}

/// What a cached page is computed from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pages {
    /// Lists of roadmaps.
    Roadmaps,
    /// What is computed from reports (and the roadmaps they report on): a cycle's tracker and
    /// synthesis.
    Reports,
}

impl Pages {
    fn metric(self) -> &'static str {
        match self {
            Pages::Roadmaps => "roadmap_pages",
            Pages::Reports => "report_pages",
        }
    }
}

/// The cached rows of each table, and pages computed from them.
pub struct RowCaches {
    pub users: RowCache<crate::entities::user::Model>,
    /// API tokens, by `auth::secret::api_token_key` of their hash.
    pub api_tokens: RowCache<crate::entities::api_token::Model>,
    pub roadmaps: RowCache<crate::entities::roadmap::Model>,
    pub reports: RowCache<crate::entities::report::Model>,
    pub resources: RowCache<crate::entities::resource::Model>,
    /// Lists of roadmaps, and what is computed from reports, as JSON, by what names the page
    /// (see `page`).
    pages: Cache<String, ((u64, u64), Instant, Bytes), PageWeight>,
    page_loads: SingleFlight<String>,
    max_age: Duration,
}

impl RowCaches {
    pub fn new(max_age: Duration) -> Self {
        Self {
            users: RowCache::new("users", 10_000, max_age),
            api_tokens: RowCache::new("api_tokens", 10_000, max_age),
            roadmaps: RowCache::new("roadmaps", 10_000, max_age),
            reports: RowCache::new("reports", 10_000, max_age),
            resources: RowCache::new("resources", 10_000, max_age),
            pages: Cache::with_weighter(1_000, PAGES_CAPACITY_BYTES, PageWeight),
            page_loads: SingleFlight::default(),
            max_age,
        }
    }

    /// What a page of `pages` was read at: it is current while this does not move.
    fn generation(&self, pages: Pages) -> (u64, u64) {
        match pages {
            Pages::Roadmaps => (self.roadmaps.generation(), 0),
            Pages::Reports => (self.roadmaps.generation(), self.reports.generation()),
        }
    }

    /// A page of a roadmap list, or of what is computed from reports, as JSON. `key` must
    /// name everything the page depends on (the list, what the caller may see, filters,
    /// paging). The page is served again only while no roadmap (and, for `Pages::Reports`, no
    /// report) has changed since it was read (the rows' generations, which every change and
    /// creation moves) and for no longer than the rows' maximum age.
    pub async fn page(
        &self,
        pages: Pages,
        key: String,
        load: impl Future<Output = StoreResult<Bytes>>,
    ) -> StoreResult<Bytes> {
        if self.max_age.is_zero() {
            return load.await;
        }
        let key = format!("{pages:?} {key}");
        // The page's age, if it is still current (nothing it reads changed since).
        let current = || {
            let generation = self.generation(pages);
            self.pages
                .get(&key)
                .filter(|(read_at_generation, _, _)| *read_at_generation == generation)
                .map(|(_, read_at, json)| (read_at.elapsed(), json))
                .filter(|(age, _)| *age < self.max_age)
        };
        if let Some((age, json)) = current() {
            crate::metrics::cache_lookup(pages.metric(), true);
            if age < self.max_age / 2 {
                return Ok(json);
            }
            // As for rows: past half its age, one request reads the page again.
            let Some(mut flight) = self.page_loads.try_lock(&key) else {
                return Ok(json);
            };
            let refreshed = flight.load(
                self.load_page(pages, &key, load),
                StoreError::is_unavailable,
            );
            return Ok(refreshed.await.unwrap_or(json));
        }
        let cached = || current().map(|(_, json)| json);
        let load = self.load_page(pages, &key, load);
        self.page_loads
            .load_once(
                &key,
                cached,
                load,
                StoreError::is_unavailable,
                StoreError::unavailable,
            )
            .await
    }

    /// Forgets every row and page, e.g. when changes announced meanwhile may have been missed.
    /// Moving each generation on also drops what readers in flight are about to store.
    pub fn forget_all(&self) {
        self.users.forget_every();
        self.api_tokens.forget_every();
        self.roadmaps.forget_every();
        self.reports.forget_every();
        self.pages.clear();
    }

    async fn load_page(
        &self,
        pages: Pages,
        key: &str,
        load: impl Future<Output = StoreResult<Bytes>>,
    ) -> StoreResult<Bytes> {
        crate::metrics::cache_lookup(pages.metric(), false);
        let generation = self.generation(pages);
        let read_at = Instant::now();
        let json = load.await?;
        self.pages
            .insert(key.to_owned(), (generation, read_at, json.clone()));
        Ok(json)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_reader_that_raced_a_change_does_not_keep_the_old_row() {
        let cache = RowCache::<&str>::new("test", 10, Duration::from_secs(60));
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

    /// `readers` requests for one missing row at once, each with a load that takes `took` and
    /// answers `answer()`: what each got, and how many loads ran.
    async fn at_once(
        readers: usize,
        took: Duration,
        answer: fn() -> Result<Option<u32>, DbErr>,
    ) -> (Vec<Result<Option<u32>, DbErr>>, u64) {
        let cache = Arc::new(RowCache::<u32>::new("test", 10, Duration::from_secs(60)));
        let id = Uuid::now_v7();
        let queries = Arc::new(AtomicU64::new(0));
        let handles: Vec<_> = (0..readers)
            .map(|_| {
                let (cache, queries) = (cache.clone(), queries.clone());
                tokio::spawn(async move {
                    let load = async {
                        queries.fetch_add(1, Ordering::SeqCst);
                        tokio::time::sleep(took).await;
                        answer()
                    };
                    cache.get(id, load).await.map(|row| row.map(|row| *row))
                })
            })
            .collect();
        let mut reads = Vec::new();
        for handle in handles {
            reads.push(handle.await.expect("reader"));
        }
        (reads, queries.load(Ordering::SeqCst))
    }

    #[tokio::test]
    async fn requests_that_miss_together_read_the_row_once() {
        let (reads, queries) = at_once(16, Duration::from_millis(20), || Ok(Some(5))).await;
        assert!(
            reads.iter().all(|read| matches!(read, Ok(Some(5)))),
            "{reads:?}"
        );
        assert_eq!(queries, 1);
    }

    #[tokio::test]
    async fn requests_that_waited_for_a_load_that_found_the_database_down_fail_with_it() {
        let down = || Err(DbErr::ConnectionAcquire(ConnAcquireErr::Timeout));
        let (reads, queries) = at_once(8, Duration::from_millis(50), down).await;
        assert!(
            reads
                .iter()
                .all(|read| read.as_ref().is_err_and(is_unavailable)),
            "{reads:?}"
        );
        // One waited out the timeout; the others did not each wait for it again.
        assert_eq!(queries, 1);
    }

    #[tokio::test]
    async fn a_row_past_half_its_age_is_read_again_by_one_request_while_others_are_served() {
        let cache = Arc::new(RowCache::<u32>::new("test", 10, Duration::from_secs(2)));
        let id = Uuid::now_v7();
        let first = cache.get(id, async { Ok(Some(1)) }).await;
        assert_eq!(first.ok().flatten().as_deref(), Some(&1));
        tokio::time::sleep(Duration::from_millis(1100)).await;
        let refresher = tokio::spawn({
            let cache = cache.clone();
            async move {
                let load = async {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    Ok(Some(2))
                };
                cache.get(id, load).await.ok().flatten().map(|row| *row)
            }
        });
        tokio::time::sleep(Duration::from_millis(10)).await;
        // While the refresh is under way, another request neither waits nor queries.
        let during = cache.get(id, async { Ok(Some(3)) }).await;
        assert_eq!(during.ok().flatten().as_deref(), Some(&1));
        assert_eq!(refresher.await.ok().flatten(), Some(2));
        let after = cache.get(id, async { Ok(Some(4)) }).await;
        assert_eq!(after.ok().flatten().as_deref(), Some(&2));
        // A refresh that fails serves the copy that is still within its age.
        tokio::time::sleep(Duration::from_millis(1100)).await;
        let failed = cache
            .get(id, async { Err(DbErr::Custom("down".into())) })
            .await;
        assert_eq!(failed.ok().flatten().as_deref(), Some(&2));
    }

    #[tokio::test]
    async fn a_fresh_row_is_served_from_memory_and_a_forgotten_one_is_read_again() {
        let cache = RowCache::<u32>::new("test", 10, Duration::from_secs(60));
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
        let brief = RowCache::<u32>::new("test", 10, Duration::from_millis(20));
        let _ = brief.get(id, async { Ok(Some(1)) }).await;
        tokio::time::sleep(Duration::from_millis(30)).await;
        let reread = brief.get(id, async { Ok(Some(2)) }).await;
        assert_eq!(reread.ok().flatten().as_deref(), Some(&2));
        let off = RowCache::<u32>::new("test", 10, Duration::ZERO);
        let _ = off.get(id, async { Ok(Some(1)) }).await;
        let reread = off.get(id, async { Ok(Some(2)) }).await;
        assert_eq!(reread.ok().flatten().as_deref(), Some(&2));
    }

    #[tokio::test]
    async fn absent_rows_are_not_remembered() {
        let cache = RowCache::<u32>::new("test", 10, Duration::from_secs(60));
        let id = Uuid::now_v7();
        assert!(matches!(cache.get(id, async { Ok(None) }).await, Ok(None)));
        let created = cache.get(id, async { Ok(Some(7)) }).await;
        assert_eq!(created.ok().flatten().as_deref(), Some(&7));
    }
}
