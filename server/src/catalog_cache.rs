//! Catalog reads served from memory: categories, the home page's picks,
//! listings, search results, products and the store choices, shared by
//! every request and every serving thread. (Store pages are not: their
//! "open now" changes with the clock, and the store directory is in memory
//! anyway.)
//!
//! Why: a listing is several SQL queries, and browsing is most of a shop's
//! traffic; the answers change only when the catalog or stock does. A back
//! end calls [`CatalogCache::changed`] when it commits such a change (an
//! order reserves or releases units, a collection takes them off the shelf),
//! and every answer read before it is dropped. A back end whose data can
//! change behind its back (another instance, an external platform) also has
//! a time to live: an answer is never older than that.
//!
//! Concurrent misses for the same key run one load (the others wait for
//! it), and an answer loaded while a change was committed is not kept.
//! Refusals and outages are never cached.
//!
//! Usage:
//! ```
//! # use omnistore_server::catalog_cache::{CatalogCache, Key};
//! # use omnistore_components::{backend::BackendResult, i18n::Locale, model::Category};
//! # async fn categories_from_db() -> BackendResult<Vec<Category>> { Ok(vec![]) }
//! # async fn usage() -> BackendResult<()> {
//! let cache = CatalogCache::new(std::time::Duration::from_secs(60));
//! let list: Vec<Category> = cache.read(Key::Categories(Locale::En), categories_from_db).await?;
//! cache.changed(); // after committing a stock change
//! # Ok(()) }
//! ```

use omnistore_components::backend::{BackendError, BackendResult};
use omnistore_components::i18n::Locale;
use omnistore_components::model::{ListingQuery, VariantId};
use std::any::Any;
use std::future::Future;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// Most answers kept at once (a listing of 24 cards is about 10 KB).
const CAPACITY: u64 = 4_000;

/// What was asked: one variant per cached read of the back-end interface.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Key {
    Categories(Locale),
    Featured(Locale, u32),
    /// Category slug, the view of it, and the shopper's store slug.
    Listing(Locale, String, ListingQuery, Option<String>),
    /// Query text and page.
    Search(Locale, String, u32),
    /// Product slug.
    Product(Locale, String),
    SitemapPaths,
    StoreChoices,
    /// Store slug and variants: units free to sell there.
    StoreStock(String, Vec<VariantId>),
    /// Store slug, variant and how many: the nearest other stores holding it.
    NearbyStock(String, VariantId, usize),
    /// Store slug and product slug: the product's aisle there.
    Aisle(String, String),
    /// The stores with their spatial index (kept in a cache of its own,
    /// dropped when the stores change, not on every stock change).
    StoreDirectory,
    /// A back end's own intermediate answer (an external platform's
    /// collection read whole, a setting), named by the back end.
    Upstream(String),
}

#[derive(Clone)]
struct Entry {
    /// The change count when the load began.
    generation: u64,
    value: Arc<dyn Any + Send + Sync>,
}

/// See the module documentation.
pub struct CatalogCache {
    entries: moka::future::Cache<Key, Entry>,
    generation: AtomicU64,
}

impl CatalogCache {
    /// A cache whose answers live at most `ttl`.
    pub fn new(ttl: Duration) -> Self {
        CatalogCache {
            entries: moka::future::Cache::builder()
                .max_capacity(CAPACITY)
                .time_to_live(ttl)
                .build(),
            generation: AtomicU64::new(0),
        }
    }

    /// The answer for `key`, from memory or from `load` (which runs once for
    /// all the requests that miss at the same time).
    pub async fn read<T, F, Fut>(&self, key: Key, load: F) -> BackendResult<T>
    where
        T: Clone + Send + Sync + 'static,
        F: Fn() -> Fut,
        Fut: Future<Output = BackendResult<T>>,
    {
        loop {
            let generation = self.generation.load(Ordering::Acquire);
            let entry = self
                .entries
                .try_get_with(key.clone(), async {
                    let value = load().await?;
                    Ok::<_, BackendError>(Entry {
                        generation,
                        value: Arc::new(value),
                    })
                })
                .await
                .map_err(|e| match &*e {
                    BackendError::Refused(p) => BackendError::Refused(p.clone()),
                    BackendError::Unavailable(s) => BackendError::Unavailable(s.clone()),
                })?;
            // Loaded before a change was committed: read again.
            if entry.generation < self.generation.load(Ordering::Acquire) {
                self.entries.invalidate(&key).await;
                continue;
            }
            return entry
                .value
                .downcast_ref::<T>()
                .cloned()
                .ok_or_else(|| BackendError::Unavailable(format!("cache: {key:?} type")));
        }
    }

    /// How many changes have been committed: an answer made from reads
    /// begun at a lower count is stale (the page cache keeps it with its pages).
    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::Acquire)
    }

    /// The catalog or stock changed: nothing read before counts any more.
    pub fn changed(&self) {
        self.generation.fetch_add(1, Ordering::AcqRel);
        self.entries.invalidate_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicU32;

    fn cache() -> CatalogCache {
        CatalogCache::new(Duration::from_secs(60))
    }

    #[tokio::test]
    async fn a_second_read_does_not_load_again() {
        let cache = cache();
        let loads = AtomicU32::new(0);
        let load = || async { Ok(loads.fetch_add(1, Ordering::SeqCst) + 1) };
        assert_eq!(cache.read(Key::SitemapPaths, load).await.unwrap(), 1);
        assert_eq!(cache.read(Key::SitemapPaths, load).await.unwrap(), 1);
        assert_eq!(loads.load(Ordering::SeqCst), 1);
        // Another key is another answer.
        assert_eq!(cache.read(Key::StoreChoices, load).await.unwrap(), 2);
    }

    #[tokio::test]
    async fn a_change_drops_what_was_read_before() {
        let cache = cache();
        let loads = AtomicU32::new(0);
        let load = || async { Ok(loads.fetch_add(1, Ordering::SeqCst) + 1) };
        assert_eq!(cache.read(Key::SitemapPaths, load).await.unwrap(), 1);
        cache.changed();
        assert_eq!(cache.read(Key::SitemapPaths, load).await.unwrap(), 2);
    }

    #[tokio::test]
    async fn an_answer_loaded_across_a_change_is_not_kept() {
        let cache = cache();
        let loads = AtomicU32::new(0);
        // The first load sees the change committed while it ran.
        let load = || async {
            let n = loads.fetch_add(1, Ordering::SeqCst) + 1;
            if n == 1 {
                cache.changed();
            }
            Ok(n)
        };
        assert_eq!(cache.read(Key::SitemapPaths, load).await.unwrap(), 2);
        assert_eq!(cache.read(Key::SitemapPaths, load).await.unwrap(), 2);
    }

    #[tokio::test]
    async fn refusals_are_not_cached() {
        let cache = cache();
        let loads = AtomicU32::new(0);
        let load = || async {
            loads.fetch_add(1, Ordering::SeqCst);
            Err::<u32, _>(BackendError::Unavailable("down".into()))
        };
        assert!(cache.read(Key::SitemapPaths, load).await.is_err());
        assert!(cache.read(Key::SitemapPaths, load).await.is_err());
        assert_eq!(loads.load(Ordering::SeqCst), 2);
    }

    #[tokio::test]
    async fn answers_expire() {
        let cache = CatalogCache::new(Duration::from_millis(50));
        let loads = AtomicU32::new(0);
        let load = || async { Ok(loads.fetch_add(1, Ordering::SeqCst) + 1) };
        assert_eq!(cache.read(Key::SitemapPaths, load).await.unwrap(), 1);
        tokio::time::sleep(Duration::from_millis(120)).await;
        assert_eq!(cache.read(Key::SitemapPaths, load).await.unwrap(), 2);
    }
}
