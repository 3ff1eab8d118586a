//! Nearest-store search over 100,000 stores: the R*-tree against a scan.
//! `cargo bench -p omnistore-server --bench nearest` (figures in the README).

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use omnistore_components::model::distance_m;
use omnistore_components::model::hours::WeeklyHours;
use omnistore_server::storage::stores::{StoreDirectory, StoreRecord};

fn stores(n: usize) -> Vec<StoreRecord> {
    // Deterministic scatter over Europe (xorshift).
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        (x % 1_000_000) as f64 / 1_000_000.0
    };
    (0..n)
        .map(|i| StoreRecord {
            id: i as i64,
            slug: format!("store-{i}"),
            name: format!("omnistore {i}"),
            city: "City".into(),
            street: "Street 1".into(),
            postcode: "00-000".into(),
            phone: String::new(),
            lat: 36.0 + next() * 34.0,
            lng: -10.0 + next() * 40.0,
            tz: chrono_tz::Europe::Warsaw,
            services: vec!["pickup".into()],
            hours: WeeklyHours::default(),
            notes_pl: Default::default(),
        })
        .collect()
}

fn nearest(c: &mut Criterion) {
    let all = stores(100_000);
    let dir = StoreDirectory::new(all.clone());
    let at = (50.0647, 19.945);
    c.bench_function("nearest 10 of 100k stores (rstar)", |b| {
        b.iter(|| dir.nearest(black_box(at)).take(10).count())
    });
    c.bench_function(
        "nearest 10 of 100k stores (full scan, for comparison)",
        |b| {
            b.iter(|| {
                let mut d: Vec<(f64, usize)> = all
                    .iter()
                    .enumerate()
                    .map(|(i, s)| (distance_m(black_box(at), (s.lat, s.lng)), i))
                    .collect();
                d.select_nth_unstable_by(10, |a, b| a.0.total_cmp(&b.0));
                d.truncate(10);
                d.len()
            })
        },
    );
    c.bench_function("build the index of 100k stores", |b| {
        b.iter(|| StoreDirectory::new(black_box(all.clone())).len())
    });
}

criterion_group!(benches, nearest);
criterion_main!(benches);
