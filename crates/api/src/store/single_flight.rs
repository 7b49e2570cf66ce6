//! One load at a time per cache key. When a cached entry expires (or a new revision is asked
//! for) under load, every request that arrives before it is back would otherwise run the same
//! query at once: on PostgreSQL they queue for the pool's connections, and that queue was the
//! tail of the read latency. With this, one request reads; the others wait for it, then find the
//! entry in the cache. Only requests for the same key wait for each other: loads of different
//! keys never queue behind one another (they did with a fixed set of locks shared by hash, and
//! writes, which make the next request load their roadmap again, queued for hundreds of ms).
//!
//! When the database is down, a load fails only after the pool's acquire timeout. The requests
//! that waited for it fail with it, at once, rather than each trying (and waiting) in turn.

use std::collections::HashMap;
use std::future::Future;
use std::hash::Hash;
use std::sync::Arc;
use std::time::Instant;

use tokio::sync::{Mutex, OwnedMutexGuard};

/// A key's lock, holding when a load of it last failed for want of the database.
type Slot = Arc<Mutex<Option<Instant>>>;

/// The keys being loaded (or waited for) now; a key's entry goes when its last user is done.
pub struct SingleFlight<K> {
    slots: std::sync::Mutex<HashMap<K, Slot>>,
}

impl<K> Default for SingleFlight<K> {
    fn default() -> Self {
        Self {
            slots: std::sync::Mutex::new(HashMap::new()),
        }
    }
}

impl<K: Hash + Eq + Clone> SingleFlight<K> {
    /// `cached()` if it holds once the load of `key` under way (if any) has ended; else `load`
    /// (which stores what it read), run by this request alone. If the load this request waited
    /// for found the database down, it fails at once with `down()`.
    pub async fn load_once<T, E>(
        &self,
        key: &K,
        cached: impl FnOnce() -> Option<T>,
        load: impl Future<Output = Result<T, E>>,
        unavailable: impl FnOnce(&E) -> bool,
        down: impl FnOnce() -> E,
    ) -> Result<T, E> {
        let mut flight = self.lock(key).await;
        if let Some(value) = cached() {
            return Ok(value);
        }
        if flight.waited_for_a_failure() {
            return Err(down());
        }
        flight.load(load, unavailable).await
    }

    /// The right to load `key`, once the load under way (if any) has ended.
    async fn lock(&self, key: &K) -> Flight<'_, K> {
        let asked = Instant::now();
        let slot = self.slot(key);
        self.flight(key, slot.lock_owned().await, asked)
    }

    /// The right to load `key`, if no load of it is under way.
    pub fn try_lock(&self, key: &K) -> Option<Flight<'_, K>> {
        let asked = Instant::now();
        let guard = self.slot(key).try_lock_owned().ok();
        match guard {
            Some(guard) => Some(self.flight(key, guard, asked)),
            None => {
                self.release(key);
                None
            }
        }
    }

    fn slot(&self, key: &K) -> Slot {
        let mut slots = self.slots.lock().unwrap_or_else(|e| e.into_inner());
        slots.entry(key.clone()).or_default().clone()
    }

    fn flight(
        &self,
        key: &K,
        last_failure: OwnedMutexGuard<Option<Instant>>,
        asked: Instant,
    ) -> Flight<'_, K> {
        Flight {
            flights: self,
            key: key.clone(),
            last_failure: Some(last_failure),
            asked,
        }
    }

    /// Forgets `key`'s lock when no one else holds or awaits it.
    fn release(&self, key: &K) {
        let mut slots = self.slots.lock().unwrap_or_else(|e| e.into_inner());
        if slots
            .get(key)
            .is_some_and(|slot| Arc::strong_count(slot) == 1)
        {
            slots.remove(key);
        }
    }
}

pub struct Flight<'a, K: Hash + Eq + Clone> {
    flights: &'a SingleFlight<K>,
    key: K,
    last_failure: Option<OwnedMutexGuard<Option<Instant>>>,
    asked: Instant,
}

impl<K: Hash + Eq + Clone> Flight<'_, K> {
    /// Whether a load that this request waited for failed for want of the database: trying
    /// again now would only wait as long, so the caller answers that error instead.
    fn waited_for_a_failure(&self) -> bool {
        self.last_failure
            .as_deref()
            .is_some_and(|last| last.is_some_and(|at| at >= self.asked))
    }

    /// Runs `load`, remembering whether it failed for want of the database.
    pub async fn load<T, E>(
        &mut self,
        load: impl Future<Output = Result<T, E>>,
        unavailable: impl FnOnce(&E) -> bool,
    ) -> Result<T, E> {
        let result = load.await;
        if result.as_ref().is_err_and(unavailable)
            && let Some(last_failure) = self.last_failure.as_deref_mut()
        {
            *last_failure = Some(Instant::now());
        }
        result
    }
}

impl<K: Hash + Eq + Clone> Drop for Flight<'_, K> {
    fn drop(&mut self) {
        // Unlocked first, so that the count below no longer includes this flight.
        self.last_failure = None;
        self.flights.release(&self.key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_load_holds_up_its_own_key_only_and_leaves_nothing_behind() {
        let flights = SingleFlight::<u32>::default();
        let loading = flights.lock(&0).await;
        assert!(flights.try_lock(&0).is_none());
        assert!((1..1000).all(|key| flights.try_lock(&key).is_some()));
        drop(loading);
        assert!(flights.try_lock(&0).is_some());
        assert!(flights.slots.lock().unwrap().is_empty());
    }
}
