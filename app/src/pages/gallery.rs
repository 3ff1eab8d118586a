//! `/components`: every reusable component rendered live with example props,
//! so frontend teams can see (and test) what they get.

use crate::seo::PageMeta;
use leptos::prelude::*;
use omnistore_components::i18n::{t, Msg};
use omnistore_components::model::{
    image_url, Address, Cart, CartLine as Line, Fulfilment, HoursException, LocalMoment, Money,
    OpenStatus, PickupSlot, ProductSummary, StoreCard as StoreCardData, StoreRef, Variant,
    VariantId, Viewer, WeekDay,
};
use omnistore_components::{
    AccountMenu, AddToCart, AddressForm, Breadcrumbs, CartBadge, CartLine, CartSummary, Crumb,
    LoginForm, MiniCart, MyStoreBadge, OpeningHours, Pagination, PickupSlots, Price, ProductCard,
    QrCode, RegisterForm, SearchBox, StoreCard, StoreLocator, StoreMap, VariantPicker,
};

fn example_line(
    id: i64,
    name: &str,
    qty: u32,
    price: i64,
    was: Option<i64>,
    available: u32,
) -> Line {
    Line {
        variant_id: format!("gallery-line-{id}").parse().expect("a valid id"),
        fulfilment: Fulfilment::Delivery,
        quantity: qty,
        product_slug: "gallery-example".into(),
        product_name: name.into(),
        variant_label: "M / Green".into(),
        sku: format!("GAL-{id:04}"),
        image: image_url("chair", id as u32, "2e7d32"),
        unit_price: Money::pln(price),
        price_was: was.map(Money::pln),
        available,
        store_units: None,
    }
}

fn example_store(i: usize) -> StoreCardData {
    let (city, lat, lng) = [
        ("Kraków", 50.0647, 19.945),
        ("Warszawa", 52.2297, 21.0122),
        ("Gdańsk", 54.352, 18.6466),
    ][i % 3];
    StoreCardData {
        slug: format!("gallery-{i}"),
        name: format!("omnistore {city} (example)"),
        city: city.into(),
        street: "ul. Przykładowa 1".into(),
        postcode: "00-001".into(),
        phone: "+48 12 000 00 00".into(),
        lat,
        lng,
        services: vec!["pickup".into(), "kiosk".into()],
        distance_m: Some(2_100 + 250_000 * i as u32),
        today: Some(("10:00".into(), "21:00".into())),
        today_note: None,
        status: if i == 1 {
            OpenStatus::Closed {
                next: Some(LocalMoment {
                    days_ahead: 1,
                    weekday: 2,
                    time: "10:00".into(),
                }),
            }
        } else {
            OpenStatus::Open {
                closes: "21:00".into(),
                minutes_left: 45 + 200 * i as u32,
            }
        },
    }
}

fn example_week() -> Vec<WeekDay> {
    (0..7u8)
        .map(|d| WeekDay {
            weekday: d,
            hours: (d < 6).then(|| ("08:00".to_string(), "21:00".to_string())),
            today: d == 2,
        })
        .collect()
}

fn example_slots() -> Vec<PickupSlot> {
    (0..6)
        .map(|i| PickupSlot {
            starts_at: 1_800_000_000 + i * 3600,
            at: LocalMoment {
                days_ahead: 1 + (i as u32 / 3),
                weekday: 3,
                time: format!("{}:00", 10 + i % 3),
            },
            until: format!("{}:00", 11 + i % 3),
            left: 3,
        })
        .collect()
}

fn example_variant(id: i64, size: &str, colour: &str, hex: &str, price: i64) -> Variant {
    Variant {
        // Ids are opaque text: the gallery's are not numbers.
        id: format!("gallery-{id}").parse().expect("a valid id"),
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

/// A QR code's module path for the gallery: three finder squares and a
/// few modules.
const EXAMPLE_QR: &str = "M4 4h7v7h-7zM5 5v5h5v-5zM6 6h3v3h-3zM14 4h7v7h-7zM15 5v5h5v-5z\
    M16 6h3v3h-3zM4 14h7v7h-7zM5 15v5h5v-5zM6 16h3v3h-3zM13 13h2v2h-2zM16 16h2v2h-2z\
    M19 13h2v2h-2z";

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
            <h2 id=id.clone()>
                <code>{name}</code>
            </h2>
            <p>{about}</p>
            <div class="os-gallery__demo">{children()}</div>
        </section>
    }
}

#[component]
pub fn GalleryPage() -> impl IntoView {
    view! {
        <PageMeta
            title=t(Msg::ComponentsTitle)
            description=t(Msg::ComponentsIntro)
            canonical="/components"
        />
        <h1>{t(Msg::ComponentsTitle)}</h1>
        <p>{t(Msg::ComponentsIntro)}</p>
        <GalleryIsland />
    }
}

/// Every component with example props, live (one island: the examples
/// share a demo cart and a status line).
#[island(lazy)]
fn GalleryIsland() -> impl IntoView {
    crate::shopper::island_context(None);
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
        single_variant: None,
        store_units: Some(4),
    };
    let variants = vec![
        example_variant(1, "S", "Green", "#2e7d32", 19_900),
        example_variant(2, "M", "Green", "#2e7d32", 21_900),
        example_variant(3, "M", "Grey", "#757575", 22_900),
    ];
    let ids: Vec<VariantId> = variants.iter().map(|v| v.id.clone()).collect();
    let (selected, set_selected) = signal(ids[0].clone());
    // A cart that lives only in this page, so the cart components can be
    // tried without touching the real cart.
    let demo_cart = RwSignal::new(Cart {
        lines: vec![
            example_line(1, "Teak garden chair", 2, 34_900, None, 10),
            example_line(2, "Garden hose 25 m", 3, 8_999, Some(7_999), 3),
        ],
        version: 1,
        pickup_store: None,
    });
    let set_line = Callback::new(move |(id, _, q): (VariantId, Fulfilment, u32)| {
        demo_cart.update(|c| {
            c.lines.retain(|l| q > 0 || l.variant_id != id);
            if let Some(l) = c.lines.iter_mut().find(|l| l.variant_id == id) {
                l.quantity = q;
            }
        })
    });
    let remove_line = Callback::new(move |(id, _): (VariantId, Fulfilment)| {
        demo_cart.update(|c| c.lines.retain(|l| l.variant_id != id))
    });
    let move_line = Callback::new(move |(id, _, to): (VariantId, Fulfilment, Fulfilment)| {
        demo_cart.update(|c| {
            if let Some(l) = c.lines.iter_mut().find(|l| l.variant_id == id) {
                l.fulfilment = to;
                l.store_units = (to == Fulfilment::Pickup).then_some(1);
            }
        })
    });
    let add_demo = Callback::new(move |(_, q, _): (VariantId, u32, Fulfilment)| {
        demo_cart.update(|c| {
            if let Some(l) = c.lines.first_mut() {
                l.quantity = (l.quantity + q).min(99);
            }
        })
    });
    let drawer = RwSignal::new(false);
    let map_selected = RwSignal::new(None::<String>);
    let signed_in = RwSignal::new(true);
    let viewer = Signal::derive(move || {
        signed_in.get().then(|| Viewer {
            name: "Ala Kowalska".into(),
            email: "ala@example.com".into(),
        })
    });
    let submitted = RwSignal::new(None::<String>);
    let login_demo = Callback::new(move |(email, _): (String, String)| {
        submitted.set(Some(format!("LoginForm submitted for {email}")))
    });
    let register_demo = Callback::new(move |(name, _, _): (String, String, String)| {
        submitted.set(Some(format!("RegisterForm submitted for {name}")))
    });
    let address_demo = Callback::new(move |a: Address| {
        submitted.set(Some(match a.validated() {
            Ok(v) => format!("AddressForm: {}, {} {}", v.street, v.postcode, v.city),
            Err(e) => format!("AddressForm: {} field(s) to fix", e.len()),
        }))
    });
    view! {
        <div class="os-gallery">
            <Entry
                name="Price"
                about="Locale-formatted price in minor units, with compare-at and saving."
            >
                <Price price=Money::pln(129_900) />
                " · "
                <Price price=Money::pln(7_499) compare_at=Some(Money::pln(9_999)) />
                " · "
                <Price price=Money::pln(1_999) from=true />
            </Entry>
            <Entry
                name="ProductCard"
                about="A product in a listing: image, brand, linked name, price, stock."
            >
                <div class="os-gallery__card">
                    <ProductCard product=card />
                </div>
            </Entry>
            <Entry
                name="Pagination"
                about="Crawlable page links with a window around the current page."
            >
                <Pagination
                    page=5
                    pages=25
                    href=Callback::new(|p: u32| format!("/components?page={p}"))
                />
            </Entry>
            <Entry
                name="SearchBox"
                about="GET search form; exact SKU or EAN goes straight to the product."
            >
                <SearchBox id="os-gallery-search" />
            </Entry>
            <Entry name="Breadcrumbs" about="Where the page sits, as an ordered list of links.">
                <Breadcrumbs items=vec![
                    Crumb::link("Home", "/"),
                    Crumb::link("Garden furniture", "/c/garden-furniture"),
                    Crumb::here("Teak garden chair"),
                ] />
            </Entry>
            <Entry name="VariantPicker" about="Size and colour choices as links to ?variant=.">
                <VariantPicker
                    variants=variants.clone()
                    selected=selected
                    href=Callback::new(|id: VariantId| format!("/components?variant={id}"))
                />
                <p>
                    <button
                        class="os-button"
                        type="button"
                        on:click=move |_| {
                            set_selected
                                .update(|s| {
                                    let at = ids.iter().position(|id| id == s).unwrap_or(0);
                                    *s = ids[(at + 1) % ids.len()].clone();
                                })
                        }
                    >
                        "Select next variant"
                    </button>
                    " "
                    <span class="os-gallery__selected">
                        "Selected: "{move || selected.get().to_string()}
                    </span>
                </p>
            </Entry>
            <Entry
                name="AddToCart"
                about="Form that adds a variant; posts without JavaScript, calls back with it."
            >
                <AddToCart
                    variant_id=VariantId::from(900_001)
                    with_quantity=true
                    on_add=Some(add_demo)
                    pickup_store=Some("omnistore Kraków Bonarka".to_string())
                />
            </Entry>
            <Entry
                name="CartBadge"
                about="Header link to the cart whose accessible name includes the count."
            >
                <CartBadge
                    count=Signal::derive(move || demo_cart.with(Cart::item_count))
                    href="/components"
                    on_open=Callback::new(move |()| drawer.set(true))
                />
            </Entry>
            <Entry
                name="CartLine"
                about="One cart line: quantity and remove forms, price-change and stock notes."
            >
                <ul class="os-cart__lines">
                    {move || {
                        demo_cart
                            .get()
                            .lines
                            .into_iter()
                            .map(|line| {
                                view! {
                                    <CartLine
                                        line
                                        on_set=set_line
                                        on_remove=remove_line
                                        on_move=move_line
                                        pickup_store="omnistore Kraków Bonarka".to_string()
                                    />
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </Entry>
            <Entry name="CartSummary" about="Units and subtotal at today's prices.">
                <CartSummary cart=demo_cart />
            </Entry>
            <Entry
                name="MiniCart"
                about="Drawer with the cart, opened after adding (or from the badge)."
            >
                <button class="os-button" type="button" on:click=move |_| drawer.set(true)>
                    "Open the mini-cart"
                </button>
                <MiniCart
                    cart=demo_cart
                    open=drawer
                    message=Signal::derive(|| Some("Added to your cart".to_string()))
                    cart_href="/components"
                />
            </Entry>
            <Entry
                name="AccountMenu"
                about="Sign-in link for guests; name and sign-out for customers."
            >
                <AccountMenu
                    viewer=viewer
                    on_sign_out=Callback::new(move |()| signed_in.set(false))
                />
                <button
                    class="os-button os-button--secondary"
                    type="button"
                    on:click=move |_| signed_in.update(|s| *s = !*s)
                >
                    "Toggle signed in"
                </button>
            </Entry>
            <Entry
                name="LoginForm"
                about="E-mail and password with the server's error in an alert."
            >
                <LoginForm on_submit=login_demo />
            </Entry>
            <Entry
                name="RegisterForm"
                about="Name, e-mail and a password of at least 10 characters."
            >
                <RegisterForm on_submit=register_demo />
            </Entry>
            <Entry name="AddressForm" about="A delivery address with the model's validation.">
                <AddressForm address=Address::default() on_save=address_demo />
            </Entry>
            <Entry
                name="StoreCard"
                about="A store: address, distance, open now in its time zone, Set as my store."
            >
                <StoreCard
                    store=example_store(0)
                    on_choose=Callback::new(move |s: String| {
                        submitted.set(Some(format!("StoreCard: my store = {s}")))
                    })
                />
            </Entry>
            <Entry
                name="OpeningHours"
                about="The usual week with today highlighted, and holiday exceptions."
            >
                <OpeningHours
                    week=example_week()
                    exceptions=vec![
                        HoursException {
                            date: "2026-12-24".into(),
                            hours: Some(("08:00".into(), "14:00".into())),
                            note: "Christmas Eve".into(),
                        },
                    ]
                />
            </Entry>
            <Entry
                name="StoreMap"
                about="Our own SVG map: numbered, focusable markers in sync with a list."
            >
                <StoreMap
                    stores=Signal::stored((0..3).map(example_store).collect::<Vec<_>>())
                    selected=map_selected
                    on_select=Callback::new(move |s: String| map_selected.set(Some(s)))
                />
            </Entry>
            <Entry
                name="StoreLocator"
                about="Search by city or postcode, or use my location; list and map in sync."
            >
                <StoreLocator
                    stores=Signal::stored((0..3).map(example_store).collect::<Vec<_>>())
                    my_store=Signal::stored(Some("gallery-1".to_string()))
                />
            </Entry>
            <Entry name="MyStoreBadge" about="The header's my store, or a link to choose one.">
                <MyStoreBadge store=Signal::stored(
                    Some(StoreRef {
                        slug: "gallery-0".into(),
                        name: "omnistore Kraków Bonarka".into(),
                        city: "Kraków".into(),
                    }),
                ) />
                " · "
                <MyStoreBadge store=Signal::stored(None) />
            </Entry>
            <Entry
                name="PickupSlots"
                about="Free pickup slots by day as radio buttons; full slots are not offered."
            >
                <PickupSlots slots=example_slots() />
            </Entry>
            <Entry name="QrCode" about="A QR code as SVG from server-made module data.">
                <QrCode path=EXAMPLE_QR.to_string() size=25 label="Example code" />
            </Entry>
            <p class="os-gallery__selected" role="status">
                {move || submitted.get()}
            </p>
        </div>
    }
}
