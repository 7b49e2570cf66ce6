//! One load at a time per cache key. When a cached entry expires (or a new revision is asked
//! for) under load, every request that arrives before it is back would otherwise run the same
//! query at once: on PostgreSQL they queue for the pool's connections, and that queue was the
//! tail of the read latency. With this, one request reads; the others wait for it, then find the
//! entry in the cache.
//!
//! When the database is down, a load fails only after the pool's acquire timeout. The requests
//! that waited for it fail with it, at once, rather than each trying (and waiting) in turn.

use std::future::Future;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::time::Instant;

use tokio::sync::{Mutex, MutexGuard};

/// Keys share a lock only when their hashes fall in the same stripe; a miss is rare and a load
/// short, so that costs little and keeps the memory fixed.
const STRIPES: usize = 64;

/// Each stripe remembers when a load under it last failed for want of the database.
pub struct SingleFlight([Mutex<Option<Instant>>; STRIPES]);

impl Default for SingleFlight {
    fn default() -> Self {
        Self(std::array::from_fn(|_| Mutex::new(None)))
    }
}

impl SingleFlight {
    /// The right to load `key`, once the load under way (if any) has ended. Whoever gets it
    /// must look in the cache again first: the request it waited for may have filled it.
    pub async fn lock(&self, key: &impl Hash) -> Flight<'_> {
        let asked = Instant::now();
        Flight {
            last_failure: self.stripe(key).lock().await,
            asked,
        }
    }

    /// The right to load `key`, if no load of it (or of a key sharing its stripe) is under way.
    pub fn try_lock(&self, key: &impl Hash) -> Option<Flight<'_>> {
        let asked = Instant::now();
        let last_failure = self.stripe(key).try_lock().ok()?;
        Some(Flight {
            last_failure,
            asked,
        })
    }

    fn stripe(&self, key: &impl Hash) -> &Mutex<Option<Instant>> {
        let mut hasher = DefaultHasher::new();
        key.hash(&mut hasher);
        &self.0[(hasher.finish() % STRIPES as u64) as usize]
    }
}

pub struct Flight<'a> {
    last_failure: MutexGuard<'a, Option<Instant>>,
    asked: Instant,
}

impl Flight<'_> {
    /// Whether a load that this request waited for failed for want of the database: trying
    /// again now would only wait as long, so the caller answers that error instead.
    pub fn waited_for_a_failure(&self) -> bool {
        self.last_failure.is_some_and(|at| at >= self.asked)
    }

    /// Runs `load`, remembering whether it failed for want of the database.
    pub async fn load<T, E>(
        &mut self,
        load: impl Future<Output = Result<T, E>>,
        unavailable: impl FnOnce(&E) -> bool,
    ) -> Result<T, E> {
        let result = load.await;
        if result.as_ref().is_err_and(unavailable) {
            *self.last_failure = Some(Instant::now());
        }
        result
    }
}
