//! `/components`: every reusable component with example props, so frontend
//! teams can see (and test) what they get. The index renders each one as
//! the server sends it (what a shopper without JavaScript gets), and
//! `/components/{name}` has it live: one small island per component, so no
//! page of the gallery needs the code of all of them.

use crate::seo::PageMeta;
use leptos::prelude::*;
use omnistore_components::i18n::{t, Msg};
use omnistore_components::model::{
    image_url, price_with_fee as price_cart, Address, Cart, CartLine as Line, CouponRefusal,
    CouponState, Fulfilment, HoursException, LocalMoment, Money, Offer, OpenStatus, PickupSlot,
    ProductSummary, Promotion, Recommendations, StoreCard as StoreCardData, StoreRef, Variant,
    VariantId, Viewer, WeekDay, Why, WishedItem,
};
use omnistore_components::{
    AccountMenu, AddToCart, AddressForm, Breadcrumbs, CartBadge, CartLine, CartSummary, CouponForm,
    Crumb, LoginForm, MyStoreBadge, OpeningHours, Pagination, PickupSlots, Price, ProductCard,
    QrCode, RecommendationBlock, RegisterForm, ReturnCard, ReturnForm, SearchBox, StoreCard,
    StoreLocator, StoreMap, VariantPicker, WishButton, WishlistItem,
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
        category: "garden".into(),
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

/// A live example's status line: what a callback received.
fn status_line(said: RwSignal<Option<String>>) -> impl IntoView {
    view! {
        <p class="os-gallery__selected" role="status">
            {move || said.get()}
        </p>
    }
}

/// A cart that lives only in its page, so the cart components can be tried
/// without touching the real cart.
fn demo_cart() -> RwSignal<Cart> {
    RwSignal::new(Cart {
        lines: vec![
            example_line(1, "Teak garden chair", 2, 34_900, None, 10),
            example_line(2, "Garden hose 25 m", 3, 8_999, Some(7_999), 3),
        ],
        version: 1,
        pickup_store: None,
        pricing: Default::default(),
    })
}

fn price() -> impl IntoView {
    view! {
        <Price price=Money::pln(129_900) />
        " · "
        <Price price=Money::pln(7_499) compare_at=Some(Money::pln(9_999)) />
        " · "
        <Price price=Money::pln(1_999) from=true />
    }
}

fn wish_button() -> impl IntoView {
    view! {
        <WishButton
            product_slug="gallery-example".to_string()
            variant_id=VariantId::from(1)
            wished=false
            back="/components/wishbutton"
        />
        <WishButton
            product_slug="gallery-example".to_string()
            variant_id=VariantId::from(2)
            wished=true
            back="/components/wishbutton"
        />
    }
}

fn wishlist_item() -> impl IntoView {
    let item = |variant: i64, online_stock: u32, store_units: Option<u32>, alert| WishedItem {
        product_slug: "gallery-example".into(),
        variant_id: VariantId::from(variant),
        name: "Teak garden chair".into(),
        brand: "Verdo".into(),
        variant_label: "Natural".into(),
        image: image_url("chair", 1, "8d6e63"),
        price: Money::pln(34_900),
        compare_at: None,
        online_stock,
        store_units,
        alert,
    };
    view! {
        <ul class="os-wishlist">
            <WishlistItem item=item(1, 12, Some(3), false) />
            <WishlistItem item=item(2, 0, Some(0), false) />
            <WishlistItem item=item(3, 0, Some(0), true) />
        </ul>
    }
}

fn recommendation_block() -> impl IntoView {
    let product = |slug: &str, name: &str, minor: i64, icon: &str| ProductSummary {
        slug: slug.into(),
        name: name.into(),
        brand: "Verdo".into(),
        category_slug: "garden-furniture".into(),
        price: Money::pln(minor),
        compare_at: None,
        price_varies: false,
        image: image_url(icon, 1, "8d6e63"),
        in_stock_online: true,
        variant_count: 2,
        single_variant: None,
        store_units: None,
    };
    let block = Recommendations {
        why: Why::BoughtTogether {
            product: "Teak garden chair".into(),
        },
        products: vec![
            product("gallery-table", "Teak garden table", 89_900, "chair"),
            product("gallery-cushion", "Seat cushion", 4_999, "chair"),
        ],
    };
    view! { <RecommendationBlock block /> }
}

fn product_card() -> impl IntoView {
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
    view! {
        <div class="os-gallery__card">
            <ProductCard product=card />
        </div>
    }
}

fn pagination() -> impl IntoView {
    view! {
        <Pagination
            page=5
            pages=25
            href=Callback::new(|p: u32| format!("/components/pagination?page={p}"))
        />
    }
}

fn search_box() -> impl IntoView {
    view! { <SearchBox id="os-gallery-search" /> }
}

fn breadcrumbs() -> impl IntoView {
    view! {
        <Breadcrumbs items=vec![
            Crumb::link("Home", "/"),
            Crumb::link("Garden furniture", "/c/garden-furniture"),
            Crumb::here("Teak garden chair"),
        ] />
    }
}

fn variant_picker() -> impl IntoView {
    let variants = vec![
        example_variant(1, "S", "Green", "#2e7d32", 19_900),
        example_variant(2, "M", "Green", "#2e7d32", 21_900),
        example_variant(3, "M", "Grey", "#757575", 22_900),
    ];
    let ids: Vec<VariantId> = variants.iter().map(|v| v.id.clone()).collect();
    let (selected, set_selected) = signal(ids[0].clone());
    view! {
        <VariantPicker
            variants=variants
            selected=selected
            href=Callback::new(|id: VariantId| format!("/components/variantpicker?variant={id}"))
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
    }
}

fn add_to_cart() -> impl IntoView {
    let cart = demo_cart();
    let add = Callback::new(move |(_, q, _): (VariantId, u32, Fulfilment)| {
        cart.update(|c| {
            if let Some(l) = c.lines.first_mut() {
                l.quantity = (l.quantity + q).min(99);
            }
        })
    });
    view! {
        <AddToCart
            variant_id=VariantId::from(900_001)
            with_quantity=true
            on_add=Some(add)
            pickup_store=Some("omnistore Kraków Bonarka".to_string())
        />
        {units(cart)}
    }
}

fn cart_badge() -> impl IntoView {
    let cart = demo_cart();
    let said = RwSignal::new(None::<String>);
    view! {
        <CartBadge
            count=Signal::derive(move || cart.with(Cart::item_count))
            href="/components/cartbadge"
            on_open=Callback::new(move |()| said.set(Some("CartBadge: open the cart".into())))
        />
        {status_line(said)}
    }
}

/// One line whose controls say what they would do.
fn cart_line() -> impl IntoView {
    let said = RwSignal::new(None::<String>);
    let set = Callback::new(move |(_, _, q): (VariantId, Fulfilment, u32)| {
        said.set(Some(format!("CartLine: quantity {q}")))
    });
    let remove =
        Callback::new(move |_: (VariantId, Fulfilment)| said.set(Some("CartLine: remove".into())));
    let switch = Callback::new(move |(_, _, to): (VariantId, Fulfilment, Fulfilment)| {
        said.set(Some(format!("CartLine: {}", to.as_str())))
    });
    view! {
        <ul class="os-cart__lines">
            <CartLine
                line=example_line(2, "Garden hose 25 m", 3, 8_999, Some(7_999), 3)
                on_set=set
                on_remove=remove
                on_move=switch
                pickup_store="omnistore Kraków Bonarka".to_string()
            />
        </ul>
        {status_line(said)}
    }
}

/// How many units the demo cart holds, as a status line.
fn units(cart: RwSignal<Cart>) -> impl IntoView {
    view! {
        <p class="os-gallery__selected" role="status">
            "Demo cart: "
            {move || cart.with(Cart::item_count)}
            " units"
        </p>
    }
}

fn cart_summary() -> impl IntoView {
    // The same cart with an automatic promotion on it, priced by the
    // shop's one pricing function.
    let cart = demo_cart();
    let promotion =
        Promotion::automatic(1, "Garden week: 10% off", Offer::PercentOff { percent: 10 })
            .in_category("garden");
    // Picked up at a store that charges for it, under the free-pickup minimum.
    let free = Promotion {
        min_spend: 1_000_000,
        ..Promotion::automatic(2, "Free pickup from 10 000 zł", Offer::FreePickup)
    };
    cart.update(|c| c.pricing = price_cart(&c.priceable(), 499, &[&promotion, &free], None));
    view! { <CartSummary cart=cart /> }
}

fn coupon_form() -> impl IntoView {
    view! {
        <CouponForm coupon=None />
        <CouponForm coupon=Some(CouponState {
            code: "WELCOME10".into(),
            refused: None,
        }) />
        <CouponForm coupon=Some(CouponState {
            code: "TOOLS20".into(),
            refused: Some(CouponRefusal::BelowMinimum {
                min: 15_000,
            }),
        }) />
    }
}

/// The header's own drawer (its code comes when it first opens), on a
/// demo cart.
fn mini_cart() -> impl IntoView {
    let cart = demo_cart();
    let open = RwSignal::new(false);
    view! {
        <button class="os-button" type="button" on:click=move |_| open.set(true)>
            "Open the mini-cart"
        </button>
        <crate::layout::LazyMiniCart
            cart=cart
            open=open
            message=Signal::derive(|| Some("Added to your cart".to_string()))
            cart_href="/components/minicart"
            offline=Signal::stored(false)
        />
    }
}

fn account_menu() -> impl IntoView {
    let signed_in = RwSignal::new(true);
    let viewer = Signal::derive(move || {
        signed_in.get().then(|| Viewer {
            name: "Ala Kowalska".into(),
            email: "ala@example.com".into(),
        })
    });
    view! {
        <AccountMenu viewer=viewer on_sign_out=Callback::new(move |()| signed_in.set(false)) />
        <button
            class="os-button os-button--secondary"
            type="button"
            on:click=move |_| signed_in.update(|s| *s = !*s)
        >
            "Toggle signed in"
        </button>
    }
}

fn login_form() -> impl IntoView {
    let said = RwSignal::new(None::<String>);
    let submit = Callback::new(move |(email, _): (String, String)| {
        said.set(Some(format!("LoginForm submitted for {email}")))
    });
    view! {
        <LoginForm on_submit=submit />
        {status_line(said)}
    }
}

fn register_form() -> impl IntoView {
    let said = RwSignal::new(None::<String>);
    let submit = Callback::new(
        move |(name, _, _, reminders): (String, String, String, bool)| {
            said.set(Some(format!(
                "RegisterForm submitted for {name} (cart reminders: {reminders})"
            )))
        },
    );
    view! {
        <RegisterForm on_submit=submit />
        {status_line(said)}
    }
}

fn address_form() -> impl IntoView {
    let said = RwSignal::new(None::<String>);
    let save = Callback::new(move |a: Address| {
        said.set(Some(match a.validated() {
            Ok(v) => format!("AddressForm: {}, {} {}", v.street, v.postcode, v.city),
            Err(e) => format!("AddressForm: {} field(s) to fix", e.len()),
        }))
    });
    view! {
        <AddressForm address=Address::default() on_save=save />
        {status_line(said)}
    }
}

fn store_card() -> impl IntoView {
    let said = RwSignal::new(None::<String>);
    view! {
        <StoreCard
            store=example_store(0)
            on_choose=Callback::new(move |s: String| {
                said.set(Some(format!("StoreCard: my store = {s}")))
            })
        />
        {status_line(said)}
    }
}

fn opening_hours() -> impl IntoView {
    view! {
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
    }
}

fn store_map() -> impl IntoView {
    let selected = RwSignal::new(None::<String>);
    view! {
        <StoreMap
            stores=Signal::stored((0..3).map(example_store).collect::<Vec<_>>())
            selected=selected
            on_select=Callback::new(move |s: String| selected.set(Some(s)))
        />
    }
}

/// As the shop's `/stores` has it: markup (cards and markers select each
/// other by links), with "Use my location" an island of its own.
fn store_locator() -> impl IntoView {
    view! {
        <StoreLocator
            stores=Signal::stored((0..3).map(example_store).collect::<Vec<_>>())
            my_store=Signal::stored(Some("gallery-1".to_string()))
            plain=true
        >
            <os-intent>
                <LocateLive />
            </os-intent>
        </StoreLocator>
    }
}

/// The locator's "Use my location", live: says what it would do.
#[island(lazy)]
fn LocateLive() -> impl IntoView {
    crate::shopper::island_context(None);
    let said = RwSignal::new(None::<String>);
    view! {
        <button
            class="os-button os-button--secondary os-store-locator__locate"
            type="button"
            on:click=move |_| said.set(Some("StoreLocator: on_locate".into()))
        >
            {t(Msg::UseMyLocation)}
        </button>
        {status_line(said)}
    }
}

fn my_store_badge() -> impl IntoView {
    view! {
        <MyStoreBadge store=Signal::stored(
            Some(StoreRef {
                slug: "gallery-0".into(),
                name: "omnistore Kraków Bonarka".into(),
                city: "Kraków".into(),
            }),
        ) />
        " · "
        <MyStoreBadge store=Signal::stored(None) />
    }
}

fn pickup_slots() -> impl IntoView {
    view! { <PickupSlots slots=example_slots() /> }
}

fn return_form() -> impl IntoView {
    use omnistore_components::model::ReturnableLine;
    let lines = vec![
        ReturnableLine {
            index: 0,
            product_name: "Garden hose".into(),
            variant_label: "25 m".into(),
            left: 2,
        },
        ReturnableLine {
            index: 2,
            product_name: "Pruning shears".into(),
            variant_label: String::new(),
            left: 1,
        },
    ];
    view! {
        <ReturnForm
            number=1042
            lines
            until="2026-12-23".to_string()
            at_store_only=false
            form_key="gallery-example-key".to_string()
            order_key=None
        />
    }
}

fn return_card() -> impl IntoView {
    use omnistore_components::model::{RefundState, ReturnLineView, ReturnMethod, ReturnView};
    let open = ReturnView {
        order: 1042,
        code: "OSR-AB23CD45".into(),
        method: ReturnMethod::Store,
        accepted: false,
        started_at: "2026-11-27 10:15".into(),
        lines: vec![ReturnLineView {
            product_name: "Garden hose".into(),
            variant_label: "25 m".into(),
            quantity: 1,
        }],
        refund: Money::pln(8_999),
        points_back: 500,
        points_reversed: 0,
        refund_state: RefundState::Waiting,
        accepted_at_store: None,
        qr_path: EXAMPLE_QR.to_string(),
        qr_size: 25,
    };
    let done = ReturnView {
        code: "OSR-XY34ZW56".into(),
        method: ReturnMethod::Courier,
        accepted: true,
        points_reversed: 89,
        refund_state: RefundState::Refunded,
        ..open.clone()
    };
    view! {
        <ReturnCard ret=open />
        <ReturnCard ret=done />
    }
}

fn qr_code() -> impl IntoView {
    view! { <QrCode path=EXAMPLE_QR.to_string() size=25 label="Example code" /> }
}

/// One component of the gallery: its name (also its page, lower-cased),
/// what it is for, and its example.
struct Entry {
    name: &'static str,
    about: &'static str,
    /// The example, rendered by the server only (the index).
    still: fn() -> AnyView,
    /// The example live on its page: an island of its own, or (a component
    /// that is markup with islands inside) the example itself.
    live: fn() -> AnyView,
}

impl Entry {
    fn slug(&self) -> String {
        self.name.to_lowercase()
    }
}

/// Declares the islands and the table of entries. An entry is
/// `(name, island, example, about)`: the island renders the example live,
/// with only that component's code in its pack; `_` for a component that is
/// markup (its page is the server's render, as the shop uses it) or has its
/// islands inside. Each island costs every page a little (an export of the
/// main module), so only components that react in the browser have one.
macro_rules! entries {
    (@live _, $example:ident) => { || $example().into_any() };
    (@live $island:ident, $example:ident) => { || view! { <$island /> }.into_any() };
    (@island _, $example:ident) => {};
    (@island $island:ident, $example:ident) => {
        /// A component's example, live.
        #[island(lazy)]
        fn $island() -> impl IntoView {
            crate::shopper::island_context(None);
            $example()
        }
    };
    ($(($name:literal, $island:tt, $example:ident, $about:literal)),* $(,)?) => {
        $(entries!(@island $island, $example);)*

        const ENTRIES: &[Entry] = &[
            $(Entry {
                name: $name,
                about: $about,
                still: || $example().into_any(),
                live: entries!(@live $island, $example),
            }),*
        ];
    };
}

entries![
    (
        "Price",
        _,
        price,
        "Locale-formatted price in minor units, with compare-at and saving."
    ),
    (
        "ProductCard",
        _,
        product_card,
        "A product in a listing: image, brand, linked name, price, stock."
    ),
    (
        "RecommendationBlock",
        _,
        recommendation_block,
        "Products from the shop's own orders, under a heading that says why."
    ),
    (
        "Pagination",
        _,
        pagination,
        "Crawlable page links with a window around the current page."
    ),
    (
        "SearchBox",
        _,
        search_box,
        "GET search form; exact SKU or EAN goes straight to the product."
    ),
    (
        "Breadcrumbs",
        _,
        breadcrumbs,
        "Where the page sits, as an ordered list of links."
    ),
    (
        "VariantPicker",
        VariantPickerLive,
        variant_picker,
        "Size and colour choices as links to ?variant=."
    ),
    (
        "AddToCart",
        AddToCartLive,
        add_to_cart,
        "Form that adds a variant; posts without JavaScript, calls back with it."
    ),
    (
        "CartBadge",
        CartBadgeLive,
        cart_badge,
        "Header link to the cart whose accessible name includes the count."
    ),
    (
        "CartLine",
        CartLineLive,
        cart_line,
        "One cart line: quantity and remove forms, price-change and stock notes."
    ),
    (
        "CartSummary",
        _,
        cart_summary,
        "Units, subtotal, each promotion's discount and the total to pay."
    ),
    (
        "CouponForm",
        _,
        coupon_form,
        "The cart's coupon code: apply, remove, and why a code takes nothing off."
    ),
    (
        "MiniCart",
        MiniCartLive,
        mini_cart,
        "Drawer with the cart, opened after adding (or from the badge)."
    ),
    (
        "AccountMenu",
        AccountMenuLive,
        account_menu,
        "Sign-in link for guests; name and sign-out for customers."
    ),
    (
        "LoginForm",
        LoginFormLive,
        login_form,
        "E-mail and password with the server's error in an alert."
    ),
    (
        "RegisterForm",
        RegisterFormLive,
        register_form,
        "Name, e-mail and a password of at least 10 characters."
    ),
    (
        "AddressForm",
        AddressFormLive,
        address_form,
        "A delivery address with the model's validation."
    ),
    (
        "StoreCard",
        StoreCardLive,
        store_card,
        "A store: address, distance, open now in its time zone, Set as my store."
    ),
    (
        "OpeningHours",
        _,
        opening_hours,
        "The usual week with today highlighted, and holiday exceptions."
    ),
    (
        "StoreMap",
        StoreMapLive,
        store_map,
        "Our own SVG map: numbered, focusable markers in sync with a list."
    ),
    (
        "StoreLocator",
        _,
        store_locator,
        "Search by city or postcode, or use my location; list and map select each other."
    ),
    (
        "MyStoreBadge",
        _,
        my_store_badge,
        "The header's my store, or a link to choose one."
    ),
    (
        "PickupSlots",
        _,
        pickup_slots,
        "Free pickup slots by day as radio buttons; full slots are not offered."
    ),
    (
        "ReturnForm",
        _,
        return_form,
        "Start a return on the order page: units per line, at a store or by courier."
    ),
    (
        "ReturnCard",
        _,
        return_card,
        "A return: its code and QR while on its way, what comes back, where the money is."
    ),
    (
        "QrCode",
        _,
        qr_code,
        "A QR code as SVG from server-made module data."
    ),
    (
        "WishButton",
        _,
        wish_button,
        "Add to or remove from the wishlist: a plain form, kept on the server."
    ),
    (
        "WishlistItem",
        _,
        wishlist_item,
        "A wished item priced and stocked now, with Move to cart and Remove."
    ),
];

/// `/components`: every component as the server renders it, each with a
/// link to its live page. No wasm of its own.
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
        <div class="os-gallery">
            {ENTRIES
                .iter()
                .map(|e| {
                    let id = format!("os-gallery-{}", e.slug());
                    let heading = id.clone();
                    view! {
                        <section class="os-gallery__entry" aria-labelledby=id>
                            <h2 id=heading>
                                <a href=format!("/components/{}", e.slug())>
                                    <code>{e.name}</code>
                                </a>
                            </h2>
                            <p>{e.about}</p>
                            <div class="os-gallery__demo">{(e.still)()}</div>
                        </section>
                    }
                })
                .collect_view()}
        </div>
    }
}

/// `/components/{name}`: one component live (its island), or 404.
#[component]
pub fn GalleryEntryPage() -> impl IntoView {
    let params = leptos_router::hooks::use_params_map();
    let slug = params.with_untracked(|p| p.get("name").unwrap_or_default());
    let Some(entry) = ENTRIES.iter().find(|e| e.slug() == slug) else {
        return view! { <super::not_found::NotFound /> }.into_any();
    };
    view! {
        <PageMeta
            title=format!("{} — {}", entry.name, t(Msg::ComponentsTitle))
            description=entry.about.to_string()
            canonical=format!("/components/{slug}")
        />
        <p>
            <a href="/components">{t(Msg::ComponentsTitle)}</a>
        </p>
        <h1>
            <code>{entry.name}</code>
        </h1>
        <p>{entry.about}</p>
        <div class="os-gallery__demo">{(entry.live)()}</div>
    }
    .into_any()
}
