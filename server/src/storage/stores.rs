//! Stores: an in-memory directory with a spatial index, loaded once from the
//! `locations` tables (stores change by deployment, not by request).
//!
//! Nearest-first search walks an R*-tree (`rstar`) of points on the unit
//! sphere: straight-line (chord) distance grows with great-circle distance,
//! so the tree's nearest-neighbour order is the true order on the globe, with
//! no seam at the antimeridian and no distortion near the poles.

use super::{variant_row, SqlStore};
use crate::catalog_cache::Key;
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use chrono_tz::Tz;
use omnistore_components::backend::BackendResult;
use omnistore_components::i18n::Locale;
use omnistore_components::model::hours::{Span, WeeklyHours};
use omnistore_components::model::{
    distance_m, fold, HoursException, StockAt, StoreCard, StoreDetail, StoreRef, VariantId, WeekDay,
};
use rstar::primitives::GeomWithData;
use rstar::RTree;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

/// One store with everything needed to answer locator questions.
#[derive(Clone, Debug)]
pub struct StoreRecord {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub city: String,
    pub street: String,
    pub postcode: String,
    pub phone: String,
    pub lat: f64,
    pub lng: f64,
    pub tz: Tz,
    pub services: Vec<String>,
    pub hours: WeeklyHours,
    /// Polish notes of the exceptions (the English ones are in `hours`).
    pub notes_pl: BTreeMap<NaiveDate, String>,
    /// What an order with pickup lines pays for pickup here (minor units).
    pub pickup_fee: i64,
}

impl StoreRecord {
    pub fn store_ref(&self) -> StoreRef {
        StoreRef {
            slug: self.slug.clone(),
            name: self.name.clone(),
            city: self.city.clone(),
        }
    }

    fn note(&self, date: NaiveDate, locale: Locale) -> Option<String> {
        match locale {
            Locale::Pl => self.notes_pl.get(&date).cloned(),
            // Store notes are written in English and Polish only.
            Locale::En | Locale::Ru => self.hours.note(date).map(str::to_string),
        }
    }

    /// The card as of `now`, with the distance from `from` when given.
    pub fn card(&self, now: DateTime<Utc>, from: Option<(f64, f64)>, locale: Locale) -> StoreCard {
        let today = now.with_timezone(&self.tz).date_naive();
        StoreCard {
            slug: self.slug.clone(),
            name: self.name.clone(),
            city: self.city.clone(),
            street: self.street.clone(),
            postcode: self.postcode.clone(),
            phone: self.phone.clone(),
            lat: self.lat,
            lng: self.lng,
            services: self.services.clone(),
            distance_m: from.map(|p| distance_m(p, (self.lat, self.lng)).round() as u32),
            today: self.hours.day_text(today),
            today_note: self.note(today, locale),
            status: self.hours.status(now, self.tz),
        }
    }

    pub fn detail(&self, now: DateTime<Utc>, locale: Locale) -> StoreDetail {
        let today = now.with_timezone(&self.tz).date_naive();
        let monday = today - Duration::days(today.weekday().num_days_from_monday().into());
        let week = (0..7u8)
            .map(|d| WeekDay {
                weekday: d,
                // The usual week, not this week's exceptions (listed below it).
                hours: self.hours.week[d as usize].map(Span::text),
                today: monday + Duration::days(d.into()) == today,
            })
            .collect();
        let exceptions = self
            .hours
            .exceptions
            .range(today..today + Duration::days(60))
            .map(|(date, (span, _))| HoursException {
                date: date.to_string(),
                hours: span.map(Span::text),
                note: self.note(*date, locale).unwrap_or_default(),
            })
            .collect();
        StoreDetail {
            card: self.card(now, None, locale),
            week,
            exceptions,
            timezone: self.tz.name().to_string(),
        }
    }
}

type Indexed = GeomWithData<[f64; 3], usize>;

/// Every store, by slug and id, with the spatial index.
pub struct StoreDirectory {
    stores: Vec<StoreRecord>,
    /// Folded "name city street postcode", for text search.
    haystacks: Vec<String>,
    /// Folded city, to rank a city's own stores first.
    cities: Vec<String>,
    by_slug: HashMap<String, usize>,
    by_id: HashMap<i64, usize>,
    tree: RTree<Indexed>,
}

/// A point on the unit sphere.
fn unit_vector(lat: f64, lng: f64) -> [f64; 3] {
    let (la, lo) = (lat.to_radians(), lng.to_radians());
    [la.cos() * lo.cos(), la.cos() * lo.sin(), la.sin()]
}

impl StoreDirectory {
    /// The stores nearest to `home` (itself excluded) where `units` finds
    /// some of an item, with their distances: "also at" under a product.
    pub(crate) fn nearby_holding(
        &self,
        home: &StoreRecord,
        limit: usize,
        units: impl Fn(&StoreRecord) -> Option<u32>,
    ) -> Vec<StockAt> {
        let from = (home.lat, home.lng);
        self.nearest(from)
            .filter(|s| s.id != home.id)
            .filter_map(|s| {
                units(s).filter(|&n| n > 0).map(|units| StockAt {
                    store: s.store_ref(),
                    units,
                    distance_m: Some(distance_m(from, (s.lat, s.lng)).round() as u32),
                })
            })
            .take(limit)
            .collect()
    }

    pub fn new(stores: Vec<StoreRecord>) -> Self {
        let tree = RTree::bulk_load(
            stores
                .iter()
                .enumerate()
                .map(|(i, s)| Indexed::new(unit_vector(s.lat, s.lng), i))
                .collect(),
        );
        StoreDirectory {
            cities: stores.iter().map(|s| fold(&s.city)).collect(),
            haystacks: stores
                .iter()
                .map(|s| {
                    fold(&format!(
                        "{} {} {} {}",
                        s.name, s.city, s.street, s.postcode
                    ))
                })
                .collect(),
            by_slug: stores
                .iter()
                .enumerate()
                .map(|(i, s)| (s.slug.clone(), i))
                .collect(),
            by_id: stores.iter().enumerate().map(|(i, s)| (s.id, i)).collect(),
            stores,
            tree,
        }
    }

    pub fn len(&self) -> usize {
        self.stores.len()
    }

    pub fn is_empty(&self) -> bool {
        self.stores.is_empty()
    }

    pub fn slugs(&self) -> Vec<String> {
        self.stores.iter().map(|s| s.slug.clone()).collect()
    }

    pub fn get(&self, slug: &str) -> Option<&StoreRecord> {
        self.by_slug.get(slug).map(|&i| &self.stores[i])
    }

    pub fn by_id(&self, id: i64) -> Option<&StoreRecord> {
        self.by_id.get(&id).map(|&i| &self.stores[i])
    }

    /// Stores nearest first from a point, lazily (take what you need).
    pub fn nearest(&self, at: (f64, f64)) -> impl Iterator<Item = &StoreRecord> + '_ {
        self.tree
            .nearest_neighbor_iter(&unit_vector(at.0, at.1))
            .map(|e| &self.stores[e.data])
    }

    /// The locator's answer: stores whose name, city, street or postcode
    /// contain every word of `q` (when given), nearest first from `near`
    /// (when given, else by city and name), at most `limit`.
    pub fn search(
        &self,
        q: Option<&str>,
        near: Option<(f64, f64)>,
        limit: usize,
    ) -> Vec<&StoreRecord> {
        let words: Vec<String> = q
            .map(|q| fold(q).split_whitespace().map(str::to_string).collect())
            .unwrap_or_default();
        let matches = |i: usize| words.iter().all(|w| self.haystacks[i].contains(w.as_str()));
        match near {
            // Nearest first straight from the index: only as many stores are
            // visited as it takes to find `limit` matches.
            Some(at) => self
                .tree
                .nearest_neighbor_iter(&unit_vector(at.0, at.1))
                .filter(|e| matches(e.data))
                .take(limit)
                .map(|e| &self.stores[e.data])
                .collect(),
            None => {
                // Stores in a city named by the query first ("Kraków" before
                // "al. Krakowska" in Warszawa), then by city and name.
                let query = words.join(" ");
                let mut found: Vec<(bool, usize)> = (0..self.stores.len())
                    .filter(|&i| matches(i))
                    .map(|i| (query.is_empty() || !self.cities[i].starts_with(&query), i))
                    .collect();
                found.sort_by(|a, b| {
                    let (x, y) = (&self.stores[a.1], &self.stores[b.1]);
                    a.0.cmp(&b.0)
                        .then(x.city.cmp(&y.city))
                        .then(x.name.cmp(&y.name))
                });
                found.truncate(limit);
                found.into_iter().map(|(_, i)| &self.stores[i]).collect()
            }
        }
    }
}

impl SqlStore {
    /// The store directory, loaded on first use.
    pub async fn directory(&self) -> BackendResult<Arc<StoreDirectory>> {
        let load = || async { self.load_directory().await.map(Arc::new) };
        self.directory.read(Key::StoreDirectory, load).await
    }

    async fn load_directory(&self) -> BackendResult<StoreDirectory> {
        type Row = (
            i64,
            String,
            String,
            String,
            String,
            String,
            String,
            f64,
            f64,
            String,
            String,
            i64,
        );
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT id, slug, name, city, street, postcode, phone, lat, lng, timezone, services,
                    pickup_fee
             FROM locations WHERE kind = 'store' ORDER BY id",
        )
        .fetch_all(&self.pool)
        .await?;
        let hours: Vec<(i64, i64, String, String)> =
            sqlx::query_as("SELECT location_id, weekday, opens, closes FROM opening_hours")
                .fetch_all(&self.pool)
                .await?;
        type Exception = (i64, String, Option<String>, Option<String>, String, String);
        let exceptions: Vec<Exception> = sqlx::query_as(
            "SELECT location_id, day, opens, closes, note_en, note_pl FROM hours_exceptions",
        )
        .fetch_all(&self.pool)
        .await?;
        let mut week: HashMap<i64, WeeklyHours> = HashMap::new();
        for (id, day, opens, closes) in hours {
            if let (Some(span), Some(slot)) = (
                Span::parse(&opens, &closes),
                usize::try_from(day).ok().filter(|d| *d < 7),
            ) {
                week.entry(id).or_default().week[slot] = Some(span);
            }
        }
        let mut notes_pl: HashMap<i64, BTreeMap<NaiveDate, String>> = HashMap::new();
        for (id, day, opens, closes, en, pl) in exceptions {
            let Ok(date) = NaiveDate::parse_from_str(&day, "%Y-%m-%d") else {
                continue;
            };
            let span = match (opens, closes) {
                (Some(o), Some(c)) => Span::parse(&o, &c),
                _ => None,
            };
            week.entry(id)
                .or_default()
                .exceptions
                .insert(date, (span, en));
            notes_pl.entry(id).or_default().insert(date, pl);
        }
        let stores = rows
            .into_iter()
            .map(
                |(id, slug, name, city, street, postcode, phone, lat, lng, tz, services, fee)| {
                    StoreRecord {
                        id,
                        slug,
                        name,
                        city,
                        street,
                        postcode,
                        phone,
                        lat,
                        lng,
                        // Seeded zones are valid; an unknown one falls back to
                        // the shop's home zone rather than hiding the store.
                        tz: tz.parse().unwrap_or(chrono_tz::Europe::Warsaw),
                        services: services
                            .split(',')
                            .filter(|s| !s.is_empty())
                            .map(str::to_string)
                            .collect(),
                        hours: week.remove(&id).unwrap_or_default(),
                        notes_pl: notes_pl.remove(&id).unwrap_or_default(),
                        pickup_fee: fee,
                    }
                },
            )
            .collect();
        Ok(StoreDirectory::new(stores))
    }

    async fn load_store_stock(
        &self,
        store: &str,
        variants: &[VariantId],
    ) -> BackendResult<Vec<(VariantId, u32)>> {
        let dir = self.directory().await?;
        let Some(s) = dir.get(store) else {
            return Ok(Vec::new());
        };
        let mut out = Vec::with_capacity(variants.len());
        // A handful of variants per page: one indexed lookup each.
        for v in variants {
            // An id that is no number here is no variant here: none on the shelf.
            let units: Option<i64> = match variant_row(v) {
                Some(row) => sqlx::query_scalar(
                    "SELECT on_hand - reserved FROM stock WHERE location_id = $1 AND variant_id = $2",
                )
                .bind(s.id)
                .bind(row)
                .fetch_optional(&self.pool)
                .await?,
                None => None,
            };
            out.push((v.clone(), units.unwrap_or(0).max(0) as u32));
        }
        Ok(out)
    }

    async fn load_nearby_stock(
        &self,
        store: &str,
        variant: &VariantId,
        limit: usize,
    ) -> BackendResult<Vec<StockAt>> {
        let dir = self.directory().await?;
        let (Some(home), Some(variant)) = (dir.get(store), variant_row(variant)) else {
            return Ok(Vec::new());
        };
        let held: HashMap<i64, i64> = sqlx::query_as(
            "SELECT location_id, on_hand - reserved FROM stock
             WHERE variant_id = $1 AND on_hand - reserved > 0",
        )
        .bind(variant)
        .fetch_all(&self.pool)
        .await?
        .into_iter()
        .collect();
        Ok(dir.nearby_holding(home, limit, |s| held.get(&s.id).map(|&n| n as u32)))
    }
}

#[async_trait::async_trait]
impl omnistore_components::backend::StoreBackend for SqlStore {
    async fn stores(
        &self,
        q: Option<&str>,
        near: Option<(f64, f64)>,
        limit: usize,
        locale: Locale,
    ) -> BackendResult<Vec<StoreCard>> {
        let dir = self.directory().await?;
        let now = Utc::now();
        Ok(dir
            .search(q, near, limit)
            .into_iter()
            .map(|s| s.card(now, near, locale))
            .collect())
    }

    async fn store(&self, slug: &str, locale: Locale) -> BackendResult<Option<StoreDetail>> {
        // Not cached: "open now" and today's hours change with the clock,
        // and the directory is in memory already.
        Ok(self
            .directory()
            .await?
            .get(slug)
            .map(|s| s.detail(Utc::now(), locale)))
    }

    async fn store_ref(&self, slug: &str) -> BackendResult<Option<StoreRef>> {
        Ok(self
            .directory()
            .await?
            .get(slug)
            .map(StoreRecord::store_ref))
    }

    // Stock at a store is only shown (checkout counts again in its write
    // transaction), so it is served from the catalog cache, which every stock
    // change empties.
    async fn store_stock(
        &self,
        store: &str,
        variants: &[VariantId],
    ) -> BackendResult<Vec<(VariantId, u32)>> {
        let key = Key::StoreStock(store.into(), variants.to_vec());
        self.catalog
            .read(key, || self.load_store_stock(store, variants))
            .await
    }

    async fn nearby_stock(
        &self,
        store: &str,
        variant: &VariantId,
        limit: usize,
    ) -> BackendResult<Vec<StockAt>> {
        let key = Key::NearbyStock(store.into(), variant.clone(), limit);
        self.catalog
            .read(key, || self.load_nearby_stock(store, variant, limit))
            .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store(i: i64, city: &str, lat: f64, lng: f64) -> StoreRecord {
        StoreRecord {
            id: i,
            slug: format!("s{i}"),
            name: format!("omnistore {city}"),
            city: city.into(),
            street: "ul. Testowa 1".into(),
            postcode: format!("{:02}-000", i),
            phone: String::new(),
            lat,
            lng,
            tz: chrono_tz::Europe::Warsaw,
            services: vec!["pickup".into()],
            hours: WeeklyHours::default(),
            notes_pl: BTreeMap::new(),
            pickup_fee: 0,
        }
    }

    #[test]
    fn nearest_first_and_text_search() {
        let dir = StoreDirectory::new(vec![
            store(1, "Gdańsk", 54.352, 18.6466),
            store(2, "Kraków", 50.0647, 19.945),
            store(3, "Warszawa", 52.2297, 21.0122),
            store(4, "Łódź", 51.7592, 19.456),
            // Across the antimeridian from Fiji: still nearest to it.
            store(5, "Suva", -18.1416, 178.4419),
            store(6, "Apia", -13.8333, -171.7667),
        ]);
        let order: Vec<i64> = dir.nearest((52.2297, 21.0122)).map(|s| s.id).collect();
        assert_eq!(&order[..4], &[3, 4, 2, 1]);
        let fiji: Vec<i64> = dir.nearest((-17.7, 179.9)).take(2).map(|s| s.id).collect();
        assert_eq!(fiji, vec![5, 6]);
        let krakow: Vec<i64> = dir
            .search(Some("krakow"), None, 10)
            .iter()
            .map(|s| s.id)
            .collect();
        assert_eq!(krakow, vec![2]);
        assert_eq!(dir.search(Some("LÓDŹ"), None, 10)[0].id, 4);
        assert!(dir.search(Some("nowhere"), None, 10).is_empty());
        let near: Vec<i64> = dir
            .search(Some("omnistore"), Some((50.06, 19.94)), 2)
            .iter()
            .map(|s| s.id)
            .collect();
        assert_eq!(near, vec![2, 4]);
        assert_eq!(dir.get("s3").map(|s| s.id), Some(3));
        assert_eq!(dir.by_id(6).map(|s| s.slug.as_str()), Some("s6"));
    }

    #[test]
    fn index_order_matches_brute_force_over_many_stores() {
        // A pseudo-random scatter over Europe; the index must agree with
        // sorting every store by haversine distance.
        let mut x: u64 = 0x9e3779b97f4a7c15;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x % 1_000_000) as f64 / 1_000_000.0
        };
        let stores: Vec<StoreRecord> = (0..5_000)
            .map(|i| store(i, "X", 36.0 + next() * 34.0, -10.0 + next() * 40.0))
            .collect();
        let dir = StoreDirectory::new(stores.clone());
        for at in [(52.0, 21.0), (40.4, -3.7), (64.1, -21.9)] {
            let got: Vec<i64> = dir.nearest(at).take(10).map(|s| s.id).collect();
            let mut all: Vec<(f64, i64)> = stores
                .iter()
                .map(|s| (distance_m(at, (s.lat, s.lng)), s.id))
                .collect();
            all.sort_by(|a, b| a.0.total_cmp(&b.0));
            let want: Vec<i64> = all.iter().take(10).map(|p| p.1).collect();
            assert_eq!(got, want, "nearest 10 from {at:?}");
        }
    }
}
