//! StoreMap: the stores on a map we draw ourselves (SVG, no external tiles):
//! a simplified outline of Poland and a numbered marker per store, numbered
//! as in the list. Markers are links to the store's card, so they are in the
//! tab order and have names for screen readers; the selected one is larger.
//!
//! Usage:
//! ```
//! # use leptos::prelude::*;
//! # use omnistore_components::{model::StoreCard, StoreMap};
//! # fn usage(
//! #     cards: Signal<Vec<StoreCard>>,
//! #     selected: Signal<Option<String>>,
//! #     select: Callback<String>,
//! # ) -> impl IntoView {
//! view! { <StoreMap stores=cards selected=selected on_select=select /> }
//! # }
//! ```
//!
//! Server-side rendering: complete SVG; a marker is a plain `#store-…` link
//! that scrolls to the card (highlighted by CSS as the `:target`), and is
//! itself `#marker-…`, the target of a card's "Show on map" link. After
//! hydration `on_select` highlights both.

use crate::i18n::{t, Msg};
use crate::model::{format_distance, StoreCard};
use leptos::prelude::*;

/// Poland's border, simplified to ~40 points (longitude, latitude).
const OUTLINE: &[(f64, f64)] = &[
    (14.12, 53.92),
    (14.85, 54.05),
    (16.0, 54.26),
    (16.9, 54.58),
    (17.9, 54.82),
    (18.35, 54.83),
    (18.6, 54.43),
    (19.0, 54.36),
    (19.65, 54.45),
    (20.9, 54.38),
    (22.2, 54.34),
    (22.79, 54.36),
    (23.35, 54.2),
    (23.52, 53.95),
    (23.8, 53.3),
    (23.92, 52.7),
    (23.2, 52.35),
    (23.65, 52.05),
    (23.7, 51.6),
    (24.1, 50.86),
    (23.96, 50.4),
    (23.45, 50.25),
    (22.68, 49.58),
    (22.9, 49.08),
    (22.55, 49.08),
    (21.85, 49.38),
    (21.1, 49.4),
    (20.35, 49.4),
    (19.8, 49.2),
    (19.4, 49.6),
    (18.85, 49.52),
    (18.55, 49.9),
    (17.85, 49.98),
    (17.65, 50.27),
    (16.9, 50.45),
    (16.2, 50.63),
    (16.33, 50.66),
    (15.0, 51.0),
    (14.82, 50.87),
    (15.0, 51.3),
    (14.6, 51.8),
    (14.75, 52.1),
    (14.55, 52.6),
    (14.2, 52.98),
    (14.45, 53.27),
    (14.12, 53.92),
];

const SIZE: f64 = 400.0;

/// Maps degrees to the SVG square: equirectangular, with longitude shrunk by
/// cos(latitude) so that shapes keep their proportions at these latitudes.
struct Projection {
    lng0: f64,
    lat1: f64,
    k: f64,
    shrink: f64,
}

impl Projection {
    fn fit(points: &[(f64, f64)]) -> Projection {
        let (mut lat0, mut lat1, mut lng0, mut lng1) = (90.0f64, -90.0f64, 180.0f64, -180.0f64);
        for &(lat, lng) in points {
            lat0 = lat0.min(lat);
            lat1 = lat1.max(lat);
            lng0 = lng0.min(lng);
            lng1 = lng1.max(lng);
        }
        if points.is_empty() {
            (lat0, lat1, lng0, lng1) = (49.0, 54.9, 14.1, 24.2);
        }
        // Room around the markers, and never closer than ~50 km across.
        let pad = ((lat1 - lat0).max(lng1 - lng0) * 0.12).max(0.25);
        let (lat0, lat1, lng0, lng1) = (lat0 - pad, lat1 + pad, lng0 - pad, lng1 + pad);
        let shrink = ((lat0 + lat1) / 2.0).to_radians().cos();
        let k = SIZE / ((lng1 - lng0) * shrink).max(lat1 - lat0);
        Projection {
            lng0,
            lat1,
            k,
            shrink,
        }
    }

    fn xy(&self, lat: f64, lng: f64) -> (f64, f64) {
        (
            (lng - self.lng0) * self.shrink * self.k,
            (self.lat1 - lat) * self.k,
        )
    }
}

#[component]
pub fn StoreMap(
    /// The stores to mark, in list order (marker numbers follow it).
    #[prop(into)]
    stores: Signal<Vec<StoreCard>>,
    /// Slug of the selected store.
    #[prop(into, optional)]
    selected: Signal<Option<String>>,
    /// Called with a store's slug when its marker is chosen.
    #[prop(optional)]
    on_select: Option<Callback<String>>,
) -> impl IntoView {
    view! {
        <figure class="os-store-map">
            {move || {
                let list = stores.get();
                let points: Vec<(f64, f64)> = list.iter().map(|s| (s.lat, s.lng)).collect();
                let p = Projection::fit(&points);
                let outline: String = OUTLINE
                    .iter()
                    .enumerate()
                    .map(|(i, &(lng, lat))| {
                        let (x, y) = p.xy(lat, lng);
                        format!("{}{x:.1} {y:.1}", if i == 0 { "M" } else { "L" })
                    })
                    .collect::<String>() + "Z";
                let markers = list
                    .into_iter()
                    .enumerate()
                    .map(|(i, s)| {
                        let (x, y) = p.xy(s.lat, s.lng);
                        let slug = s.slug.clone();
                        let is_selected = {
                            let slug = slug.clone();
                            move || selected.get().as_deref() == Some(slug.as_str())
                        };
                        let is_selected2 = is_selected.clone();
                        let label = format!(
                            "{}. {}{}",
                            i + 1,
                            s.name,
                            s
                                .distance_m
                                .map(|d| format!(", {}", format_distance(d)))
                                .unwrap_or_default(),
                        );
                        view! {
                            <a
                                class="os-store-map__marker"
                                class:os-store-map__marker--selected=is_selected
                                id=format!("marker-{slug}")
                                href=format!("#store-{slug}")
                                aria-label=label
                                aria-current=move || is_selected2().then_some("true")
                                on:click=move |_| {
                                    if let Some(cb) = on_select {
                                        cb.run(slug.clone());
                                    }
                                }
                            >
                                <circle cx=format!("{x:.1}") cy=format!("{y:.1}") r="11" />
                                <text
                                    x=format!("{x:.1}")
                                    y=format!("{:.1}", y + 4.0)
                                    text-anchor="middle"
                                    aria-hidden="true"
                                >
                                    {i + 1}
                                </text>
                            </a>
                        }
                    })
                    .collect_view();
                view! {
                    <svg
                        class="os-store-map__svg"
                        viewBox=format!("0 0 {SIZE} {SIZE}")
                        role="group"
                        aria-label=t(Msg::StoreMap)
                        preserveAspectRatio="xMidYMid meet"
                    >
                        <rect
                            class="os-store-map__sea"
                            width=SIZE.to_string()
                            height=SIZE.to_string()
                        />
                        <path class="os-store-map__land" d=outline />
                        {markers}
                    </svg>
                }
            }} <figcaption class="os-visually-hidden">{t(Msg::StoreMapCaption)}</figcaption>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn projection_keeps_points_inside_and_north_up() {
        let pts = [(54.35, 18.65), (50.06, 19.94), (52.23, 21.01)];
        let p = Projection::fit(&pts);
        for &(lat, lng) in &pts {
            let (x, y) = p.xy(lat, lng);
            assert!((0.0..=SIZE).contains(&x) && (0.0..=SIZE).contains(&y));
        }
        // Gdańsk (north) is above Kraków; Warszawa (east) right of Gdańsk.
        assert!(p.xy(54.35, 18.65).1 < p.xy(50.06, 19.94).1);
        assert!(p.xy(52.23, 21.01).0 > p.xy(54.35, 18.65).0);
        // One store still gets a sensible frame.
        let one = Projection::fit(&[(50.0, 20.0)]);
        let (x, y) = one.xy(50.0, 20.0);
        assert!((x - y).abs() < SIZE && x > 0.0 && y > 0.0);
    }
}
