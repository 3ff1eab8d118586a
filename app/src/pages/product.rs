//! `/p/{product}`: images, description, breadcrumbs, a variant picker whose
//! choices are links (`?variant=`, followed in place by `nav.js`), and
//! schema.org Product JSON-LD with one offer per variant.

use super::{AddIsland, ErrorPage};
use crate::api::load::load;
use crate::api::stores::{get_local_stock, LocalStock};
use crate::api::{get_bought_together, get_product, ShopError};
use crate::pages::not_found::NotFound;
#[cfg(feature = "ssr")]
use crate::seo::site_origin;
use crate::seo::PageMeta;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};
use omnistore_components::i18n::{t, use_locale, Msg};
use omnistore_components::model::{format_distance, ProductDetail, StockAt, StockState, VariantId};
use omnistore_components::{
    Breadcrumbs, Crumb, Price, RecommendationBlock, VariantPicker, WishButton,
};

#[component]
pub fn ProductPage() -> impl IntoView {
    let locale = use_locale();
    let params = use_params_map();
    let query = use_query_map();
    let slug = move || params.with(|p| p.get("product").unwrap_or_default());
    // Keyed on the slug only: choosing a variant changes the query, not the
    // data. One resource loads the product and then the stock at my store:
    // two resources (or one created inside the other's Suspend) read by
    // nested Suspense boundaries can leave a server render waiting forever
    // (a lost wake-up in leptos 0.8 SSR, seen under load), and the session
    // resource is not read here for the same reason.
    let product = load(slug, move |slug| async move {
        let Some(p) = get_product(locale, slug.clone()).await? else {
            return Ok((None, None, None));
        };
        let ids = p
            .variants
            .iter()
            .map(|v| v.id.to_string())
            .collect::<Vec<_>>()
            .join(",");
        // Stock at my store is extra: the page still works without it.
        let local = get_local_stock(ids, Some(slug.clone()))
            .await
            .ok()
            .flatten();
        // So are the recommendations (one resource: see above).
        let recs = get_bought_together(locale, slug).await.ok().flatten();
        Ok::<_, ShopError>((Some(p), local, recs))
    });
    // The server renders every choice: a variant is a link to its URL.
    let variant = move || {
        query.with_untracked(|q| q.get("variant").and_then(|v| v.parse::<VariantId>().ok()))
    };
    // "Add to wishlist" just answered (a plain form's `?done=`).
    let saved = move || query.with_untracked(|q| q.get("done").as_deref() == Some("wished"));
    view! {
        <Suspense fallback=|| {
            view! { <p>{t(Msg::Loading)}</p> }
        }>
            {move || Suspend::new(async move {
                match product.await {
                    Ok((Some(p), local, recs)) => {
                        view! {
                            <ProductView product=p local saved=saved() variant=variant() />
                            {recs.map(|block| view! { <RecommendationBlock block /> })}
                        }
                            .into_any()
                    }
                    Ok((None, ..)) => {
                        view! { <NotFound detail=t(Msg::ProductNotFound) /> }.into_any()
                    }
                    Err(_) => view! { <ErrorPage /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The page for one variant of the product (the one named in the URL, else
/// the default): title and meta, JSON-LD, breadcrumbs and the product, all
/// rendered by the server. Only "Add to cart" is an island (the one cards
/// use): a variant is a link (`?variant=`) that `nav.js` follows in place,
/// so the page needs no wasm of its own.
#[component]
fn ProductView(
    /// The product with all its variants.
    product: ProductDetail,
    /// Stock per variant at my store (`None` without a store).
    local: Option<LocalStock>,
    /// Whether the selected variant was just put on the wishlist.
    saved: bool,
    /// `?variant=` from the URL, as the page was requested.
    variant: Option<VariantId>,
) -> impl IntoView {
    let base = format!("/p/{}", product.slug);
    let short = product.description.chars().take(155).collect::<String>();
    // JSON-LD is for crawlers, which read the server's HTML; hydration keeps
    // the server's script text, so the browser never builds it (and the wasm
    // carries no serde_json::Value).
    #[cfg(feature = "ssr")]
    let json_ld = product_json_ld(&product, &site_origin());
    #[cfg(not(feature = "ssr"))]
    let json_ld = String::new();
    let crumbs = vec![
        Crumb::link(t(Msg::Home), "/"),
        Crumb::link(
            product.category.name.clone(),
            format!("/c/{}", product.category.slug),
        ),
        Crumb::here(product.name.clone()),
    ];
    let name = product.name.clone();
    let selected = product
        .variant_or_default(variant.as_ref())
        .cloned()
        .expect("a product has at least one variant");
    let wish_slug = product.slug.clone();
    let wish_variant = selected.id.clone();
    let href = Callback::new(move |id: VariantId| format!("/p/{}?variant={id}", product.slug));
    let description = match &product.description_html {
        // The catalog's HTML, sanitised by the server before it was stored or sent.
        Some(html) => leptos::either::Either::Left(
            view! { <div class="os-product__description" inner_html=html.clone()></div> },
        ),
        None => leptos::either::Either::Right(
            view! { <p class="os-product__description">{product.description.clone()}</p> },
        ),
    };
    let stock_text = match StockState::from_units(selected.online_stock) {
        StockState::InStock(_) => t(Msg::DeliveryAvailable).to_string(),
        StockState::Low(n) => format!(
            "{}: {} ({})",
            t(Msg::Delivery),
            t(Msg::LowStock),
            Msg::UnitsLeft.count(n, use_locale())
        ),
        StockState::Out => t(Msg::DeliveryUnavailable).to_string(),
    };
    let stores_text = match selected.stores_with_stock {
        0 => t(Msg::NotInStores).to_string(),
        n => Msg::StoresCount.count(n, use_locale()),
    };
    let local_units = local.as_ref().and_then(|l| {
        l.variants
            .iter()
            .find(|v| v.variant_id == selected.id)
            .map(|v| v.units)
    });
    let unavailable = selected.online_stock == 0 && local_units.is_none_or(|u| u == 0);
    let pickup_store = local.as_ref().map(|l| l.store.name.clone());
    view! {
        <PageMeta title=name.clone() description=short canonical=base />
        <script type="application/ld+json" inner_html=json_ld></script>
        <Breadcrumbs items=crumbs />
        <div class="os-product">
            <div class="os-product__media">
                <img
                    class="os-product__image"
                    src=selected.image.clone()
                    alt=format!("{name} — {}", selected.label())
                    width="480"
                    height="480"
                />
            </div>
            <div class="os-product__info">
                <p class="os-product__brand">{product.brand}</p>
                <h1 class="os-product__title">{name}</h1>
                <div class="os-product__price">
                    <Price price=selected.price compare_at=selected.compare_at />
                </div>
                <VariantPicker variants=product.variants selected=selected.id.clone() href />
                <dl class="os-product__facts">
                    <div>
                        <dt>{t(Msg::Sku)}</dt>
                        <dd class="os-product__sku">{selected.sku}</dd>
                    </div>
                    <div>
                        <dt>{t(Msg::Ean)}</dt>
                        <dd>{selected.ean}</dd>
                    </div>
                </dl>
                <LocalStockView local selected=selected.id.clone() />
                <p class="os-product__stock">{stock_text}</p>
                // Its form works before the wasm: hydrated when the shopper
                // comes near it (see `islands.js`).
                <os-intent>
                    <AddIsland
                        variant_id=selected.id
                        unavailable
                        product_name=None
                        with_quantity=true
                        pickup_store
                    />
                </os-intent>
                // Whether it is on this shopper's list is not shown: the page
                // is kept for every visitor (page_cache), and adding again
                // changes nothing.
                <WishButton product_slug=wish_slug variant_id=wish_variant wished=false saved />
                <p class="os-product__stores">{stores_text}</p>
                <h2>{t(Msg::Description)}</h2>
                {description}
            </div>
        </div>
    }
}

/// Stock of the selected variant at "my store", and the nearest other stores
/// that have it.
#[component]
fn LocalStockView(
    /// Stock per variant at my store (`None` without a store).
    local: Option<LocalStock>,
    /// The selected variant.
    selected: VariantId,
) -> impl IntoView {
    let Some(l) = local else {
        return view! {
            <p class="os-product__local">
                <a href="/stores">{t(Msg::ChooseStoreForStock)}</a>
            </p>
        }
        .into_any();
    };
    let Some(v) = l.variants.into_iter().find(|v| v.variant_id == selected) else {
        return ().into_any();
    };
    let store = l.store.name;
    // A kiosk is in the store: it says where, not which store.
    if crate::kiosk::kiosk_store().is_some() {
        let text = if v.units == 0 {
            t(Msg::KioskNotOnShelf).to_string()
        } else {
            let place = l.aisle.map(|a| format!("{a} · ")).unwrap_or_default();
            format!(
                "{}: {place}{} {}",
                t(Msg::KioskOnShelfAisle),
                v.units,
                t(Msg::KioskInStock)
            )
        };
        return view! {
            <div class="os-product__local">
                <p
                    class="os-product__local-stock os-product__local-stock--kiosk"
                    data-units=v.units
                >
                    {text}
                </p>
            </div>
        }
        .into_any();
    }
    let text = match StockState::from_units(v.units) {
        StockState::InStock(n) => format!("{} {store}: {n}", t(Msg::InStockAt)),
        StockState::Low(n) => format!("{} {store}: {n}", t(Msg::LowStockAt)),
        StockState::Out => format!("{} {store}", t(Msg::OutOfStockAt)),
    };
    view! {
        <div class="os-product__local">
            <p class="os-product__local-stock" data-units=v.units>
                {text}
            </p>
            {(!v.nearby.is_empty())
                .then(|| {
                    view! {
                        <ul class="os-product__nearby">
                            {v.nearby.into_iter().map(nearby_store).collect_view()}
                        </ul>
                    }
                })}
        </div>
    }
    .into_any()
}

#[cfg(feature = "ssr")]
/// schema.org Product with an Offer per variant. `<` is escaped so that no
/// catalog text can close the script element.
fn product_json_ld(p: &ProductDetail, origin: &str) -> String {
    let offers: Vec<serde_json::Value> = p
        .variants
        .iter()
        .map(|v| {
            let availability = if v.online_stock > 0 || v.stores_with_stock > 0 {
                "https://schema.org/InStock"
            } else {
                "https://schema.org/OutOfStock"
            };
            serde_json::json!({
                "@type": "Offer",
                "sku": v.sku,
                "gtin13": v.ean,
                "price": v.price.decimal(),
                "priceCurrency": v.price.currency.code(),
                "availability": availability,
                "url": format!("{origin}/p/{}?variant={}", p.slug, v.id),
            })
        })
        .collect();
    let doc = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "Product",
        "name": p.name,
        "brand": { "@type": "Brand", "name": p.brand },
        "description": p.description,
        "image": p.variants.first().map(|v| format!("{origin}{}", v.image)),
        "sku": p.variants.first().map(|v| v.sku.clone()),
        "category": p.category.name,
        "offers": offers,
    });
    doc.to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// A store near the shopper's that has the variant, with how far it is.
fn nearby_store(n: StockAt) -> impl IntoView {
    let distance = n.distance_m.map(|d| format!(", {}", format_distance(d)));
    view! {
        <li>
            {t(Msg::AvailableAt)}" " <a href=format!("/stores/{}", n.store.slug)>{n.store.name}</a>
            {distance}
        </li>
    }
}
