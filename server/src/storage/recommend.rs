//! Recommendations on the built-in back end, from the shop's own orders:
//! which products share orders, and what each store's pickup orders hold.
//! The counting is done in the background (every refresh, see
//! [`SqlStore::refresh_recommendations`]) into a snapshot in memory, so a
//! page asks a map, not the order history.

use super::{now, suffix, SqlStore};
use async_trait::async_trait;
use omnistore_components::backend::{BackendResult, RecommendBackend};
use omnistore_components::i18n::Locale;
use omnistore_components::model::{ProductSummary, Recommendations, Why, RECOMMENDED};
use std::collections::HashMap;
use std::sync::Arc;

/// Orders older than this do not count for "bought together".
const TOGETHER_WINDOW_SECS: i64 = 365 * 86_400;
/// Orders older than this do not count for "popular at a store".
const POPULAR_WINDOW_SECS: i64 = 90 * 86_400;
/// Products kept per entry of the snapshot.
const KEPT: usize = 12;

/// What the last count found: product id → the products most often in its
/// orders; store (location id) → its most picked-up products.
#[derive(Default, PartialEq, Eq)]
pub struct Snapshot {
    together: HashMap<i64, Vec<i64>>,
    popular: HashMap<i64, Vec<i64>>,
}

/// Orders that count: not cancelled, expired or declined.
const COUNTED: &str = "o.status NOT IN ('cancelled', 'expired') AND o.payment != 'declined'";

fn top(mut counts: Vec<(i64, i64)>) -> Vec<i64> {
    // Most first; ties by id, so every instance shows the same.
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    counts.into_iter().take(KEPT).map(|(id, _)| id).collect()
}

impl SqlStore {
    /// Counts again from the orders and swaps the snapshot in.
    pub async fn refresh_recommendations(&self) -> BackendResult<()> {
        let at = now();
        let pairs: Vec<(i64, i64, i64)> = sqlx::query_as(&format!(
            "SELECT va.product_id, vb.product_id, COUNT(DISTINCT a.order_id)
             FROM order_lines a
             JOIN order_lines b ON b.order_id = a.order_id AND b.variant_id != a.variant_id
             JOIN variants va ON va.id = a.variant_id
             JOIN variants vb ON vb.id = b.variant_id
             JOIN orders o ON o.id = a.order_id
             WHERE va.product_id != vb.product_id AND o.created_at > $1 AND {COUNTED}
             GROUP BY va.product_id, vb.product_id"
        ))
        .bind(at - TOGETHER_WINDOW_SECS)
        .fetch_all(&self.pool)
        .await?;
        let mut together: HashMap<i64, Vec<(i64, i64)>> = HashMap::new();
        for (a, b, n) in pairs {
            together.entry(a).or_default().push((b, n));
        }
        let sold: Vec<(i64, i64, i64)> = sqlx::query_as(&format!(
            "SELECT o.pickup_location_id, v.product_id, CAST(SUM(l.quantity) AS BIGINT)
             FROM order_lines l JOIN orders o ON o.id = l.order_id
             JOIN variants v ON v.id = l.variant_id
             WHERE o.pickup_location_id IS NOT NULL AND l.fulfilment = 'pickup'
               AND o.created_at > $1 AND {COUNTED}
             GROUP BY o.pickup_location_id, v.product_id"
        ))
        .bind(at - POPULAR_WINDOW_SECS)
        .fetch_all(&self.pool)
        .await?;
        let mut popular: HashMap<i64, Vec<(i64, i64)>> = HashMap::new();
        for (store, product, n) in sold {
            popular.entry(store).or_default().push((product, n));
        }
        let snapshot = Snapshot {
            together: together.into_iter().map(|(k, v)| (k, top(v))).collect(),
            popular: popular.into_iter().map(|(k, v)| (k, top(v))).collect(),
        };
        if *self.snapshot() != snapshot {
            *self.recs.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(snapshot);
            // Product and home pages kept in memory show the old blocks.
            self.catalog.changed();
        }
        Ok(())
    }

    fn snapshot(&self) -> Arc<Snapshot> {
        self.recs.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// Cards of `ids`, in that order, leaving out `except` and products
    /// with nothing to sell online or at the store.
    async fn cards(
        &self,
        locale: Locale,
        ids: &[i64],
        except: &[i64],
    ) -> BackendResult<Vec<ProductSummary>> {
        let wanted: Vec<i64> = ids
            .iter()
            .copied()
            .filter(|id| !except.contains(id))
            .take(RECOMMENDED * 2)
            .collect();
        let mut found = self.summaries_of(locale, &wanted).await?;
        found.retain(|(_, p)| p.in_stock_online || p.store_units.unwrap_or(0) > 0);
        let mut out: Vec<ProductSummary> = Vec::new();
        for id in &wanted {
            if let Some((_, p)) = found.iter().find(|(pid, _)| pid == id) {
                out.push(p.clone());
            }
            if out.len() == RECOMMENDED {
                break;
            }
        }
        Ok(out)
    }

    /// (id, name in `locale`, category id, category name) of a product.
    async fn product_facts(
        &self,
        locale: Locale,
        slug: &str,
    ) -> BackendResult<Option<(i64, String, i64, String)>> {
        let l = suffix(locale);
        Ok(sqlx::query_as(&format!(
            "SELECT p.id, p.name_{l}, c.id, c.name_{l} FROM products p
             JOIN categories c ON c.id = p.category_id WHERE p.slug = $1"
        ))
        .bind(slug)
        .fetch_optional(&self.pool)
        .await?)
    }
}

#[async_trait]
impl RecommendBackend for SqlStore {
    async fn bought_together(
        &self,
        locale: Locale,
        product_slug: &str,
    ) -> BackendResult<Option<Recommendations>> {
        let Some((id, name, category, category_name)) =
            self.product_facts(locale, product_slug).await?
        else {
            return Ok(None);
        };
        let ids = self
            .snapshot()
            .together
            .get(&id)
            .cloned()
            .unwrap_or_default();
        let products = self.cards(locale, &ids, &[id]).await?;
        if !products.is_empty() {
            return Ok(Some(Recommendations {
                why: Why::BoughtTogether { product: name },
                products,
            }));
        }
        // Nobody bought it with anything yet: its category's newest.
        let newest: Vec<i64> = sqlx::query_scalar(
            "SELECT id FROM products WHERE category_id = $1 AND id != $2
             ORDER BY created_at DESC, id DESC LIMIT $3",
        )
        .bind(category)
        .bind(id)
        .bind((RECOMMENDED * 2) as i64)
        .fetch_all(&self.pool)
        .await?;
        let products = self.cards(locale, &newest, &[id]).await?;
        Ok((!products.is_empty()).then_some(Recommendations {
            why: Why::NewIn {
                category: category_name,
            },
            products,
        }))
    }

    async fn because_you_bought(
        &self,
        locale: Locale,
        customer: i64,
    ) -> BackendResult<Option<Recommendations>> {
        let l = suffix(locale);
        let bought: Vec<(i64, String)> = sqlx::query_as(&format!(
            "SELECT v.product_id, p.name_{l} FROM order_lines ol
             JOIN orders o ON o.id = ol.order_id
             JOIN variants v ON v.id = ol.variant_id JOIN products p ON p.id = v.product_id
             WHERE o.customer_id = $1 AND {COUNTED}
             ORDER BY o.id DESC LIMIT 20"
        ))
        .bind(customer)
        .fetch_all(&self.pool)
        .await?;
        let owned: Vec<i64> = bought.iter().map(|(id, _)| *id).collect();
        let snapshot = self.snapshot();
        // The latest purchase that others bought something with.
        for (id, name) in &bought {
            let Some(ids) = snapshot.together.get(id) else {
                continue;
            };
            let products = self.cards(locale, ids, &owned).await?;
            if !products.is_empty() {
                return Ok(Some(Recommendations {
                    why: Why::BecauseYouBought {
                        product: name.clone(),
                    },
                    products,
                }));
            }
        }
        Ok(None)
    }

    async fn popular_at(
        &self,
        locale: Locale,
        store: &str,
    ) -> BackendResult<Option<Recommendations>> {
        let dir = self.directory().await?;
        let Some(place) = dir.get(store) else {
            return Ok(None);
        };
        let ids = self
            .snapshot()
            .popular
            .get(&place.id)
            .cloned()
            .unwrap_or_default();
        let products = self.cards(locale, &ids, &[]).await?;
        Ok((!products.is_empty()).then_some(Recommendations {
            why: Why::PopularAt {
                store: place.name.clone(),
            },
            products,
        }))
    }
}

/// Counts again every `every`, for the life of the process (the first
/// count is the caller's, before serving: see `build`).
pub fn spawn(store: SqlStore, every: std::time::Duration) {
    tokio::spawn(async move {
        loop {
            tokio::time::sleep(every).await;
            if let Err(e) = store.refresh_recommendations().await {
                tracing::warn!(error = %e, "counting recommendations failed; will retry");
            }
        }
    });
}
