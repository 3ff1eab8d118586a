//! `/components`: every reusable component rendered live with example props,
//! so frontend teams can see (and test) what they get.

use crate::seo::PageMeta;
use leptos::prelude::*;
use omnistore_components::i18n::{t, Msg};
use omnistore_components::model::{image_url, Money, ProductSummary, Variant};
use omnistore_components::{
    Breadcrumbs, Crumb, Pagination, Price, ProductCard, SearchBox, VariantPicker,
};

fn example_variant(id: i64, size: &str, colour: &str, hex: &str, price: i64) -> Variant {
    Variant {
        id,
        sku: format!("GAL-{id:04}"),
        ean: omnistore_components::model::make_ean13(590_000_000_000 + id as u64),
        price: Money::pln(price),
        compare_at: None,
        size: Some(size.into()),
        colour: Some(colour.into()),
        colour_hex: Some(hex.into()),
        image: image_url("chair", id as u32, hex),
        online_stock: 5,
        stores_with_stock: 3,
    }
}

#[component]
fn Entry(
    /// Component name, also the section heading.
    name: &'static str,
    /// What it is for, one sentence.
    about: &'static str,
    /// The live example.
    children: Children,
) -> impl IntoView {
    let id = format!("os-gallery-{}", name.to_lowercase());
    view! {
        <section class="os-gallery__entry" aria-labelledby=id.clone()>
            <h2 id=id.clone()><code>{name}</code></h2>
            <p>{about}</p>
            <div class="os-gallery__demo">{children()}</div>
        </section>
    }
}

#[component]
pub fn GalleryPage() -> impl IntoView {
    let card = ProductSummary {
        slug: "gallery-example".into(),
        name: "Teak garden chair".into(),
        brand: "Verdo".into(),
        category_slug: "garden-furniture".into(),
        price: Money::pln(34_900),
        compare_at: Some(Money::pln(44_900)),
        price_varies: true,
        image: image_url("chair", 1, "8d6e63"),
        in_stock_online: true,
        variant_count: 3,
    };
    let variants = vec![
        example_variant(1, "S", "Green", "#2e7d32", 19_900),
        example_variant(2, "M", "Green", "#2e7d32", 21_900),
        example_variant(3, "M", "Grey", "#757575", 22_900),
    ];
    let (selected, set_selected) = signal(1i64);
    view! {
        <PageMeta title=t(Msg::ComponentsTitle) description=t(Msg::ComponentsIntro) canonical="/components" />
        <h1>{t(Msg::ComponentsTitle)}</h1>
        <p>{t(Msg::ComponentsIntro)}</p>
        <div class="os-gallery">
            <Entry name="Price" about="Locale-formatted price in minor units, with compare-at and saving.">
                <Price price=Money::pln(129_900) />
                " · "
                <Price price=Money::pln(7_499) compare_at=Some(Money::pln(9_999)) />
                " · "
                <Price price=Money::pln(1_999) from=true />
            </Entry>
            <Entry name="ProductCard" about="A product in a listing: image, brand, linked name, price, stock.">
                <div class="os-gallery__card"><ProductCard product=card /></div>
            </Entry>
            <Entry name="Pagination" about="Crawlable page links with a window around the current page.">
                <Pagination page=5 pages=25 href=Callback::new(|p: u32| format!("/components?page={p}")) />
            </Entry>
            <Entry name="SearchBox" about="GET search form; exact SKU or EAN goes straight to the product.">
                <SearchBox id="os-gallery-search" />
            </Entry>
            <Entry name="Breadcrumbs" about="Where the page sits, as an ordered list of links.">
                <Breadcrumbs items=vec![Crumb::link("Home", "/"), Crumb::link("Garden furniture", "/c/garden-furniture"), Crumb::here("Teak garden chair")] />
            </Entry>
            <Entry name="VariantPicker" about="Size and colour choices as links to ?variant=.">
                <VariantPicker
                    variants=variants.clone()
                    selected=selected
                    href=Callback::new(|id: i64| format!("/components?variant={id}"))
                />
                <p>
                    <button class="os-button" type="button" on:click=move |_| set_selected.update(|s| *s = if *s == 3 { 1 } else { *s + 1 })>
                        "Select next variant"
                    </button>
                    " "<span class="os-gallery__selected">"Selected: "{move || selected.get()}</span>
                </p>
            </Entry>
        </div>
    }
}
