//! The JSON of whole roadmaps, kept by revision. Every change to a roadmap — its fields, its
//! parts, its status, even being superseded — bumps its revision, so `(id, revision)` names one
//! content exactly: a reader that has checked the current revision in the database (it must,
//! for access) can be answered from here without loading the parts or serialising again. Each
//! replica keeps its own; nothing is ever invalidated, only evicted.

use bytes::Bytes;
use quick_cache::Weighter;
use quick_cache::sync::Cache;
use sea_orm::ConnectionTrait;
use uuid::Uuid;

use super::{StoreError, StoreResult};
use crate::entities::roadmap;
use crate::store::single_flight::SingleFlight;

/// At most this many bytes of JSON (a full roadmap of 25 actions is about 17 KB).
const CAPACITY_BYTES: u64 = 8 * 1024 * 1024;

#[derive(Clone)]
struct ByLength;

impl Weighter<Uuid, (i64, Bytes)> for ByLength {
    fn weight(&self, _: &Uuid, (_, json): &(i64, Bytes)) -> u64 {
        json.len() as u64 + 64
    }
}

pub struct RoadmapCache {
    json: Cache<Uuid, (i64, Bytes), ByLength>,
    /// A new revision read by many at once is loaded and serialised once.
    loads: SingleFlight<Uuid>,
}

impl Default for RoadmapCache {
    fn default() -> Self {
        Self {
            json: Cache::with_weighter(512, CAPACITY_BYTES, ByLength),
            loads: SingleFlight::default(),
        }
    }
}

impl RoadmapCache {
    /// The roadmap of `row` (read just now, access already checked) as JSON.
    pub async fn json(&self, db: &impl ConnectionTrait, row: roadmap::Model) -> StoreResult<Bytes> {
        let (id, revision) = (row.id, row.revision);
        let cached = || {
            self.json
                .get(&id)
                .filter(|(cached, _)| *cached == revision)
                .map(|(_, json)| json)
        };
        if let Some(json) = cached() {
            crate::metrics::cache_lookup("roadmap_json", true);
            return Ok(json);
        }
        let load = async {
            crate::metrics::cache_lookup("roadmap_json", false);
            let roadmap = super::roadmaps::load(db, row).await?;
            let json = Bytes::from(
                serde_json::to_vec(&roadmap).map_err(|e| StoreError::corrupt("roadmap", e))?,
            );
            self.json.insert(id, (revision, json.clone()));
            Ok(json)
        };
        self.loads
            .load_once(
                &id,
                cached,
                load,
                StoreError::is_unavailable,
                StoreError::unavailable,
            )
            .await
    }
}
