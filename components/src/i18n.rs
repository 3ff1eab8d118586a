//! The i18n layer: every string a shopper sees is a [`Msg`], in English and
//! Polish. Keys are an enum so a missing translation is a compile error, not
//! a blank on the page.
//!
//! Usage:
//! ```
//! use omnistore_components::i18n::{Locale, Msg};
//! assert_eq!(Msg::Search.text(Locale::Pl), "Szukaj");
//! ```
//!
//! During server-side rendering the locale comes from the `lang` cookie, else
//! from `Accept-Language` (see [`negotiate`]); the page's `<html lang>` carries
//! it to the browser, which reads it back when hydrating (see [`provide_locale`]).

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Locale {
    #[default]
    En,
    Pl,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::En, Locale::Pl];

    /// BCP 47 tag, as in `<html lang>` and the `lang` cookie.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Pl => "pl",
        }
    }

    pub fn from_tag(tag: &str) -> Option<Locale> {
        let primary = tag.split(['-', '_']).next()?.trim().to_ascii_lowercase();
        Locale::ALL.into_iter().find(|l| l.tag() == primary)
    }

    /// The language's own name, for the switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::Pl => "Polski",
        }
    }
}

/// Name of the cookie that keeps the shopper's language choice.
pub const LANG_COOKIE: &str = "lang";

/// Chooses the locale from the `lang` cookie, else the best `Accept-Language`
/// entry we speak (by q-value), else English.
pub fn negotiate(cookie_header: Option<&str>, accept_language: Option<&str>) -> Locale {
    if let Some(l) = cookie_header
        .and_then(|c| cookie_value(c, LANG_COOKIE))
        .and_then(Locale::from_tag)
    {
        return l;
    }
    let mut best: Option<(u16, Locale)> = None;
    for entry in accept_language.unwrap_or("").split(',') {
        let mut parts = entry.split(';');
        let Some(locale) = parts.next().and_then(Locale::from_tag) else {
            continue;
        };
        let q = parts
            .find_map(|p| p.trim().strip_prefix("q="))
            .and_then(|q| q.trim().parse::<f32>().ok())
            .unwrap_or(1.0);
        // q-values have at most three decimals: compare them as integers.
        let q = (q.clamp(0.0, 1.0) * 1000.0) as u16;
        if q > 0 && best.is_none_or(|(bq, _)| q > bq) {
            best = Some((q, locale));
        }
    }
    best.map(|(_, l)| l).unwrap_or_default()
}

/// The value of one cookie in a `Cookie` header.
pub fn cookie_value<'a>(header: &'a str, name: &str) -> Option<&'a str> {
    header.split(';').find_map(|kv| {
        let (k, v) = kv.trim().split_once('=')?;
        (k == name).then_some(v.trim_matches('"'))
    })
}

/// Puts the locale in context for every component below. On the server the
/// caller passes the negotiated locale; in the browser pass `None` and it is
/// read from `<html lang>`, which the server wrote, so hydration matches.
pub fn provide_locale(server_side: Option<Locale>) -> Locale {
    let locale = server_side.unwrap_or_else(document_locale);
    provide_context(locale);
    locale
}

fn document_locale() -> Locale {
    #[cfg(feature = "hydrate")]
    {
        if let Some(lang) = leptos::prelude::document()
            .document_element()
            .and_then(|e| e.get_attribute("lang"))
        {
            return Locale::from_tag(&lang).unwrap_or_default();
        }
    }
    Locale::default()
}

/// The locale in context (English when none was provided, e.g. in a gallery test).
pub fn use_locale() -> Locale {
    use_context::<Locale>().unwrap_or_default()
}

/// Shorthand used by components: the text of `msg` in the current locale.
pub fn t(msg: Msg) -> &'static str {
    msg.text(use_locale())
}

/// "3 items" / "3 produkty": a count with the noun in the right plural form
/// (Polish has three: 1 produkt, 2-4 produkty, 5+ and 12-14 produktów).
pub fn items(n: u32, locale: Locale) -> String {
    counted(n, locale, ITEMS)
}

/// "item" in its three forms.
const ITEMS: [Msg; 3] = [Msg::CartItemsOne, Msg::CartItemsMany, Msg::CartItemsMany5];

/// "{n} {the form of `forms` for n}": see [`plural`].
pub fn counted(n: u32, locale: Locale, forms: [Msg; 3]) -> String {
    format!("{n} {}", plural(n, locale, forms))
}

/// The noun of [`items`] alone ("items", "produkty"), for markup that shows
/// the number separately.
pub fn items_noun(n: u32, locale: Locale) -> &'static str {
    plural(n, locale, ITEMS)
}

/// The text of the form of `forms` (one, few, many) that goes with the count
/// `n`. English uses "few" for every count but 1; Polish "few" for 2-4,
/// 22-24, … (not 12-14) and "many" for the rest.
pub fn plural(n: u32, locale: Locale, forms: [Msg; 3]) -> &'static str {
    let [one, few, many] = forms;
    let msg = match locale {
        _ if n == 1 => one,
        Locale::Pl if (2..=4).contains(&(n % 10)) && !(12..=14).contains(&(n % 100)) => few,
        Locale::Pl => many,
        Locale::En => few,
    };
    msg.text(locale)
}

impl Msg {
    /// The text with each `{name}` placeholder replaced by its value, so a
    /// translation puts the values where its grammar wants them.
    pub fn fill(self, locale: Locale, args: &[(&str, &str)]) -> String {
        let mut text = self.text(locale).to_string();
        for (name, value) in args {
            text = text.replace(&format!("{{{name}}}"), value);
        }
        text
    }
}

macro_rules! messages {
    ($($key:ident => $en:literal, $pl:literal;)*) => {
        /// Every fixed string of the storefront.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Msg { $($key),* }

        impl Msg {
            pub const ALL: &'static [Msg] = &[$(Msg::$key),*];

            pub fn text(self, locale: Locale) -> &'static str {
                // Tables indexed by the variant, not a match: a few hundred
                // arms per language compiled to that much code in the wasm.
                const EN: &[&str] = &[$($en),*];
                const PL: &[&str] = &[$($pl),*];
                match locale {
                    Locale::En => EN[self as usize],
                    Locale::Pl => PL[self as usize],
                }
            }
        }
    };
}

messages! {
    ShopName => "omnistore", "omnistore";
    Tagline => "Home, garden and outdoor — online and in 40+ stores", "Dom, ogród i outdoor — online i w ponad 40 sklepach";
    SkipToContent => "Skip to content", "Przejdź do treści";
    Home => "Home", "Strona główna";
    Categories => "Categories", "Kategorie";
    MainNavigation => "Main navigation", "Nawigacja główna";
    Search => "Search", "Szukaj";
    SearchLabel => "Search products, SKU or EAN", "Szukaj produktów, SKU lub EAN";
    SearchPlaceholder => "What are you looking for?", "Czego szukasz?";
    SearchResultsFor => "Search results for", "Wyniki wyszukiwania dla";
    SearchEmpty => "Type a product name, SKU or barcode.", "Wpisz nazwę produktu, SKU lub kod kreskowy.";
    NoResults => "Nothing matches your search. Try fewer or different words.", "Brak wyników. Spróbuj innych lub mniej słów.";
    ResultsCount => "results", "wyników";
    ProductsCount => "products", "produktów";
    ProductsHeading => "Products", "Produkty";
    Language => "Language", "Język";
    FeaturedCategories => "Shop by category", "Kategorie";
    FeaturedProducts => "Featured products", "Polecane produkty";
    SortBy => "Sort by", "Sortuj";
    SortNewest => "Newest", "Najnowsze";
    SortPriceAsc => "Price: low to high", "Cena: od najniższej";
    SortPriceDesc => "Price: high to low", "Cena: od najwyższej";
    SortName => "Name", "Nazwa";
    Filters => "Filters", "Filtry";
    PriceFrom => "Price from (zł)", "Cena od (zł)";
    PriceTo => "Price to (zł)", "Cena do (zł)";
    InStockOnline => "In stock online", "Dostępne online";
    Apply => "Apply", "Zastosuj";
    ClearFilters => "Clear filters", "Wyczyść filtry";
    NoProductsInView => "No products match these filters.", "Żaden produkt nie pasuje do filtrów.";
    Pagination => "Pages", "Strony";
    PreviousPage => "Previous page", "Poprzednia strona";
    NextPage => "Next page", "Następna strona";
    Page => "Page", "Strona";
    Of => "of", "z";
    Breadcrumbs => "Breadcrumbs", "Ścieżka nawigacji";
    From => "from", "od";
    WasPrice => "Was", "Poprzednio";
    NowPrice => "Now", "Teraz";
    Off => "off", "taniej";
    Size => "Size", "Rozmiar";
    Colour => "Colour", "Kolor";
    Sku => "SKU", "SKU";
    Ean => "EAN", "EAN";
    Description => "Description", "Opis";
    InStock => "In stock online", "Dostępny online";
    LowStock => "Low stock online", "Ostatnie sztuki online";
    OutOfStock => "Out of stock online", "Niedostępny online";
    UnitsLeft => "left", "szt.";
    InStores => "In stock in stores", "Dostępny w sklepach";
    StoresCount => "stores", "sklepach";
    NotInStores => "Not in stores", "Brak w sklepach";
    Variants => "options", "warianty";
    NotFoundTitle => "Page not found", "Nie znaleziono strony";
    NotFoundText => "We could not find that page. It may have moved, or the link may be wrong.", "Nie znaleźliśmy tej strony. Mogła zostać przeniesiona albo link jest błędny.";
    ProductNotFound => "This product does not exist or is no longer sold.", "Ten produkt nie istnieje lub nie jest już sprzedawany.";
    BackHome => "Back to the home page", "Wróć na stronę główną";
    ErrorTitle => "Something went wrong", "Coś poszło nie tak";
    ErrorText => "Please try again in a moment.", "Spróbuj ponownie za chwilę.";
    BadRequestTitle => "That link is not valid", "Ten link jest nieprawidłowy";
    Loading => "Loading…", "Ładowanie…";
    HomeMetaDescription => "omnistore: home, garden and outdoor products online, with stock in 40+ stores across Poland.", "omnistore: dom, ogród i outdoor online, z dostępnością w ponad 40 sklepach w Polsce.";
    ComponentsTitle => "Component gallery", "Galeria komponentów";
    ComponentsIntro => "Every reusable component, rendered live with example props.", "Wszystkie komponenty wielokrotnego użytku z przykładowymi danymi.";
    Footer => "omnistore — open-source omnichannel storefront", "omnistore — otwarty sklep wielokanałowy";
    ViewProduct => "View product", "Zobacz produkt";
    SearchTooLong => "Search text is too long (at most 200 characters).", "Tekst wyszukiwania jest za długi (maksymalnie 200 znaków).";
    Cart => "Cart", "Koszyk";
    CartTitle => "Your cart", "Twój koszyk";
    CartEmpty => "Your cart is empty.", "Twój koszyk jest pusty.";
    CartItemsOne => "item", "produkt";
    CartItemsMany => "items", "produkty";
    CartItemsMany5 => "items (many)", "produktów";
    AddToCart => "Add to cart", "Dodaj do koszyka";
    ChooseOptions => "Choose options", "Wybierz wariant";
    Adding => "Adding…", "Dodawanie…";
    AddedToCart => "Added to your cart", "Dodano do koszyka";
    Quantity => "Quantity", "Ilość";
    Update => "Update", "Zmień";
    Remove => "Remove", "Usuń";
    ClearCart => "Empty the cart", "Opróżnij koszyk";
    Subtotal => "Subtotal", "Suma";
    Delivery => "Delivery", "Dostawa";
    LineTotal => "Total", "Razem";
    PriceChangedFrom => "Price changed since you added it; it was", "Cena zmieniła się od dodania; wcześniej";
    AllWeHave => "that is all we have", "to wszystko, co mamy";
    OnlyAvailable => "Only this many are available:", "Dostępna liczba sztuk:";
    ReducedTo => "quantity reduced to", "ilość zmniejszona do";
    ItemUnavailable => "Sorry, this item is not available right now.", "Niestety ten produkt jest teraz niedostępny.";
    MergedAddedOne => "item from your visit was added to your cart", "produkt z Twojej wizyty dodano do koszyka";
    MergedAdded => "items from your visit were added to your cart", "produkty z Twojej wizyty dodano do koszyka";
    MergedAddedMany => "items from your visit were added to your cart", "produktów z Twojej wizyty dodano do koszyka";
    MergedDroppedOne => "item from your visit is no longer available", "produkt z Twojej wizyty jest już niedostępny";
    MergedDropped => "items from your visit are no longer available", "produkty z Twojej wizyty są już niedostępne";
    MergedDroppedMany => "items from your visit are no longer available", "produktów z Twojej wizyty jest już niedostępnych";
    Welcome => "Welcome back", "Witaj ponownie";
    ContinueShopping => "Continue shopping", "Kontynuuj zakupy";
    ViewCart => "View cart", "Zobacz koszyk";
    CloseCart => "Close", "Zamknij";
    OfflineQueued => "You are offline. The change is saved and will be sent when you are back online.", "Jesteś offline. Zmiana została zapisana i zostanie wysłana po odzyskaniu połączenia.";
    SyncedAfterOffline => "Back online: your cart is up to date.", "Połączenie przywrócone: koszyk jest aktualny.";
    Account => "Account", "Konto";
    MyAccount => "My account", "Moje konto";
    SignIn => "Sign in", "Zaloguj się";
    SignOut => "Sign out", "Wyloguj się";
    Register => "Create an account", "Załóż konto";
    Email => "E-mail", "E-mail";
    Password => "Password", "Hasło";
    NewPassword => "New password", "Nowe hasło";
    CurrentPassword => "Current password", "Obecne hasło";
    PasswordHint => "At least 10 characters.", "Co najmniej 10 znaków.";
    Name => "Name", "Imię i nazwisko";
    NoAccountYet => "New here?", "Nie masz konta?";
    HaveAccount => "Already have an account?", "Masz już konto?";
    WrongCredentials => "Wrong e-mail or password.", "Nieprawidłowy e-mail lub hasło.";
    TooManyAttempts => "Too many failed sign-in attempts. Wait 15 minutes and try again.", "Zbyt wiele nieudanych prób logowania. Odczekaj 15 minut i spróbuj ponownie.";
    EmailTaken => "An account with this e-mail address already exists.", "Konto z tym adresem e-mail już istnieje.";
    RegisterInvalid => "Check the form: your name, a valid e-mail address and a password of at least 10 characters.", "Sprawdź formularz: imię i nazwisko, poprawny adres e-mail i hasło o długości co najmniej 10 znaków.";
    Profile => "Profile", "Profil";
    Save => "Save", "Zapisz";
    Saved => "Saved.", "Zapisano.";
    Addresses => "Addresses", "Adresy";
    AddAddress => "Add an address", "Dodaj adres";
    Street => "Street and number", "Ulica i numer";
    Postcode => "Postcode", "Kod pocztowy";
    City => "City", "Miejscowość";
    Phone => "Phone", "Telefon";
    Edit => "Edit", "Edytuj";
    Delete => "Delete", "Usuń";
    NoAddresses => "No saved addresses yet.", "Brak zapisanych adresów.";
    PreferredStore => "My store", "Mój sklep";
    NoStoreChosen => "No store chosen", "Nie wybrano sklepu";
    Orders => "Orders", "Zamówienia";
    NoOrders => "You have no orders yet.", "Nie masz jeszcze zamówień.";
    Sessions => "Signed-in devices", "Zalogowane urządzenia";
    ThisDevice => "this device", "to urządzenie";
    LastSeen => "last active", "ostatnio aktywne";
    SignOutEverywhere => "Sign out everywhere", "Wyloguj ze wszystkich urządzeń";
    SignOutDevice => "Sign out", "Wyloguj";
    ChangePassword => "Change password", "Zmień hasło";
    PasswordChanged => "Password changed. Your other devices were signed out.", "Hasło zmienione. Pozostałe urządzenia zostały wylogowane.";
    DeleteAccount => "Delete account", "Usuń konto";
    DeleteAccountWarning => "This deletes your account, addresses and cart for good.", "To trwale usunie konto, adresy i koszyk.";
    Language2 => "Language of e-mails", "Język wiadomości";
    SignInNeeded => "Please sign in to see your account.", "Zaloguj się, aby zobaczyć swoje konto.";
    PickUpAt => "Pick up at", "Odbiór w";
    PickUpChooseStore => "Pick up in a store (choose your store)", "Odbiór w sklepie (wybierz sklep)";
    DeliverInstead => "Deliver instead", "Zamiast tego dostawa";
    NotOnShelfTransfer => "Not on this store's shelf: we bring it from our warehouse, ready in 2 days.", "Brak na półce w tym sklepie: przywieziemy z magazynu, gotowe za 2 dni.";
    HowToGetIt => "How to get it", "Sposób odbioru";
    Monday => "Monday", "Poniedziałek";
    Tuesday => "Tuesday", "Wtorek";
    Wednesday => "Wednesday", "Środa";
    Thursday => "Thursday", "Czwartek";
    Friday => "Friday", "Piątek";
    Saturday => "Saturday", "Sobota";
    Sunday => "Sunday", "Niedziela";
    Today => "today", "dziś";
    Tomorrow => "tomorrow", "jutro";
    At => "at", "o";
    OpenNow => "Open", "Otwarte";
    ClosesIn => "closes in", "zamknięcie za";
    ClosesAt => "closes at", "zamknięcie o";
    ClosedNow => "Closed", "Zamknięte";
    Opens => "opens", "otwarcie";
    TodayHours => "Today", "Dziś";
    ClosedAllDay => "closed", "nieczynne";
    ServicePickup => "Click & collect", "Odbiór osobisty";
    ServiceKiosk => "Self-service kiosk", "Kiosk samoobsługowy";
    ShowOnMap => "Show on map", "Pokaż na mapie";
    ThisIsMyStore => "Your store", "Twój sklep";
    SetAsMyStore => "Set as my store", "Ustaw jako mój sklep";
    OpeningHours => "Opening hours", "Godziny otwarcia";
    SpecialHours => "Special opening hours", "Zmienione godziny otwarcia";
    StoreMap => "Map of the stores found", "Mapa znalezionych sklepów";
    StoreMapCaption => "Numbered markers match the numbered list of stores.", "Numery na mapie odpowiadają numerom na liście sklepów.";
    FindAStore => "Find a store", "Znajdź sklep";
    StoreSearchLabel => "City, postcode or street", "Miasto, kod pocztowy lub ulica";
    UseMyLocation => "Use my location", "Użyj mojej lokalizacji";
    StoresFound => "Stores found", "Znalezione sklepy";
    ChooseYourStore => "Choose your store", "Wybierz swój sklep";
    PickupTime => "Pickup time", "Termin odbioru";
    StoresTitle => "Our stores", "Nasze sklepy";
    StoresIntro => "Find a store near you, see its hours and pick up your order there.", "Znajdź sklep w pobliżu, sprawdź godziny otwarcia i odbierz tam zamówienie.";
    NoStoresFound => "No store matches. Try a city name or a postcode.", "Brak pasujących sklepów. Wpisz nazwę miasta lub kod pocztowy.";
    Locating => "Finding your location…", "Ustalamy Twoją lokalizację…";
    LocationDenied => "Location is off for this site. Search by city or postcode instead.", "Lokalizacja jest wyłączona dla tej strony. Wyszukaj po mieście lub kodzie pocztowym.";
    LocationUnavailable => "Your location is not available right now. Search by city or postcode instead.", "Lokalizacja jest teraz niedostępna. Wyszukaj po mieście lub kodzie pocztowym.";
    NearestToYou => "Nearest to you", "Najbliżej Ciebie";
    StoreAddress => "Address", "Adres";
    StoreServices => "Services", "Usługi";
    TimeZone => "Time zone", "Strefa czasowa";
    MyStoreSet => "This is now your store.", "To jest teraz Twój sklep.";
    InStockAt => "In stock at", "Dostępne w";
    LowStockAt => "Low stock at", "Ostatnie sztuki w";
    OutOfStockAt => "Out of stock at", "Brak w";
    AvailableAt => "Available at", "Dostępne w";
    DeliveryAvailable => "Home delivery: in stock", "Dostawa do domu: dostępne";
    DeliveryUnavailable => "Home delivery: out of stock", "Dostawa do domu: niedostępne";
    AvailableAtMyStore => "Available at", "Dostępne w";
    StockAtMyStore => "Stock at your store", "Stan w Twoim sklepie";
    ChooseStoreForStock => "Choose your store to see its stock.", "Wybierz swój sklep, aby zobaczyć jego stan.";
    CheckoutTitle => "Checkout", "Zamówienie";
    GoToCheckout => "Go to checkout", "Przejdź do zamówienia";
    ReadyFrom => "Ready", "Gotowe";
    PickupAtStore => "Pickup at", "Odbiór w";
    StoreLacks => "Your store does not have everything on its shelf.", "Twój sklep nie ma wszystkiego na półce.";
    HasEverything => "has everything", "ma wszystko";
    SwitchStore => "Pick up there", "Odbierz tam";
    Contact => "Contact details", "Dane kontaktowe";
    DeliveryAddress => "Delivery address", "Adres dostawy";
    Payment => "Payment", "Płatność";
    PayAtPickup => "Pay at pickup (card or cash in the store)", "Płatność przy odbiorze (karta lub gotówka w sklepie)";
    TestCardOk => "Test card — approved (no money moves)", "Karta testowa — zaakceptowana (bez obciążenia)";
    TestCardDecline => "Test card — declined", "Karta testowa — odrzucona";
    PlaceOrder => "Place order", "Złóż zamówienie";
    PlacingOrder => "Placing your order…", "Składamy zamówienie…";
    NoSlots => "No pickup slots are free in the next 7 days at this store. Choose another store or delivery.", "Brak wolnych terminów odbioru w tym sklepie w ciągu 7 dni. Wybierz inny sklep lub dostawę.";
    ChooseStoreFirst => "Choose the store where you will pick up.", "Wybierz sklep, w którym odbierzesz zamówienie.";
    OrderTitle => "Order", "Zamówienie";
    OrderStatusLabel => "Status", "Stan zamówienia";
    StatusPlaced => "Placed — we are preparing it", "Złożone — przygotowujemy je";
    StatusReady => "Ready for pickup", "Gotowe do odbioru";
    StatusCollected => "Collected", "Odebrane";
    StatusCancelled => "Cancelled", "Anulowane";
    StatusExpired => "Expired (not collected in time)", "Wygasło (nieodebrane w terminie)";
    PickupCode => "Pickup code", "Kod odbioru";
    ShowCodeAtCounter => "Show this code at the counter.", "Pokaż ten kod przy kasie.";
    Slot => "Pickup slot", "Termin odbioru";
    PlacedAt => "Placed", "Złożone";
    Channel => "Channel", "Kanał";
    Total => "Total", "Razem";
    PaymentPaid => "Paid", "Opłacone";
    OrderPlacedThanks => "Thank you! Your order is placed. We sent a confirmation by e-mail.", "Dziękujemy! Zamówienie zostało złożone. Potwierdzenie wysłaliśmy e-mailem.";
    OrderNotFound => "We could not find this order. Sign in with the account that placed it, or open the link from your confirmation e-mail.", "Nie znaleziono zamówienia. Zaloguj się na konto, z którego je złożono, lub otwórz link z e-maila.";
    StaffOrdersTitle => "Pickup orders", "Zamówienia do odbioru";
    StaffOnly => "This page is for the store's staff. Sign in with a staff account.", "Ta strona jest dla pracowników sklepu. Zaloguj się kontem pracownika.";
    MarkReady => "Mark ready", "Oznacz jako gotowe";
    MarkCollected => "Mark collected", "Oznacz jako odebrane";
    CancelOrder => "Cancel", "Anuluj";
    NoStoreOrders => "No pickup orders at the moment.", "Brak zamówień do odbioru.";
    Customer => "Customer", "Klient";
    ErrorStock => "Some items are no longer in stock in that quantity. The cart shows what is available now.", "Części produktów nie ma już w tej ilości. Koszyk pokazuje, co jest dostępne.";
    ErrorSlot => "That pickup slot is no longer available. Choose another one.", "Ten termin odbioru jest już niedostępny. Wybierz inny.";
    KioskWelcome => "Welcome! Find anything in the store, check what is on the shelf here, or order for pickup or delivery.", "Witamy! Znajdź dowolny produkt, sprawdź, co jest na półce w tym sklepie, albo zamów z odbiorem lub dostawą.";
    KioskTouchToStart => "Touch to start", "Dotknij, aby zacząć";
    KioskScanLabel => "Scan a barcode or type a product code", "Zeskanuj kod kreskowy lub wpisz kod produktu";
    KioskFind => "Find", "Znajdź";
    KioskOnShelf => "On the shelf here", "Na półce w tym sklepie";
    KioskEverything => "Everything (order for pickup or delivery)", "Wszystko (zamów z odbiorem lub dostawą)";
    KioskStartOver => "Start over", "Zacznij od nowa";
    KioskStaff => "Staff", "Obsługa";
    KioskSendToPhone => "Send to my phone", "Wyślij na mój telefon";
    KioskScanWithPhone => "Scan this code with your phone's camera: your cart moves to your phone. The link works once, for 10 minutes.", "Zeskanuj ten kod aparatem telefonu: koszyk przejdzie na Twój telefon. Link działa raz, przez 10 minut.";
    KioskStillThere => "Are you still there?", "Czy nadal tu jesteś?";
    KioskResetIn => "For your privacy this kiosk starts over in", "Dla Twojej prywatności kiosk zacznie od nowa za";
    KioskSeconds => "seconds", "s";
    KioskStillHere => "I'm still here", "Jestem tutaj";
    KioskPin => "Staff PIN", "PIN obsługi";
    KioskStartKiosk => "Start kiosk mode", "Włącz tryb kiosku";
    KioskExit => "Exit kiosk mode", "Wyłącz tryb kiosku";
    KioskAssist => "Assist a customer (pause the reset for 15 minutes)", "Pomoc klientowi (wstrzymaj reset na 15 minut)";
    KioskSettings => "Save timing", "Zapisz czasy";
    KioskIdleSeconds => "Seconds without input before asking", "Sekundy bez dotyku przed pytaniem";
    KioskCountdownSeconds => "Seconds to answer", "Sekundy na odpowiedź";
    KioskNotStarted => "This kiosk is not started. Staff: enter the store's PIN to start kiosk mode on this device.", "Kiosk nie jest uruchomiony. Obsługa: wpisz PIN sklepu, aby włączyć tryb kiosku na tym urządzeniu.";
    KioskNoPin => "This store has no kiosk PIN yet. Set one with: omnistore kiosk-pin --store", "Ten sklep nie ma jeszcze PIN-u kiosku. Ustaw go poleceniem: omnistore kiosk-pin --store";
    KioskWrongPin => "That PIN is not right.", "Nieprawidłowy PIN.";
    KioskThrottled => "Too many wrong PINs. Try again in 15 minutes.", "Zbyt wiele błędnych PIN-ów. Spróbuj za 15 minut.";
    KioskOnShelfAisle => "On the shelf here", "Na półce w tym sklepie";
    KioskInStock => "in stock", "szt. dostępne";
    KioskNotOnShelf => "Not on the shelf here: order it for pickup later or delivery.", "Brak na półce w tym sklepie: zamów z odbiorem później lub dostawą.";
    PwaDescription => "Home, garden and outdoor: shop online, pick up in a store near you.", "Dom, ogród i wypoczynek: kupuj online, odbieraj w sklepie w pobliżu.";
    OfflineTitle => "You are offline", "Jesteś offline";
    OfflineBody => "This page has not been saved on this device yet. Pages you have visited before open without a connection; this one will when you are back online.", "Ta strona nie została jeszcze zapisana na tym urządzeniu. Strony odwiedzone wcześniej działają bez połączenia; ta otworzy się, gdy wrócisz do sieci.";
    OfflineHome => "Go to the home page", "Przejdź do strony głównej";
    OfflineBanner => "You are offline: this is a copy saved on this device. Prices marked * may be out of date; we check them again at checkout.", "Jesteś offline: to kopia zapisana na tym urządzeniu. Ceny oznaczone * mogą być nieaktualne; sprawdzimy je ponownie przy zamówieniu.";
    UpdateAvailable => "A new version is available", "Dostępna jest nowa wersja";
    UpdateReload => "Reload", "Odśwież";
    HandoffTitle => "Your cart from the kiosk", "Twój koszyk z kiosku";
    HandoffOffer => "waiting for you at the kiosk in", "czekają na Ciebie w kiosku w sklepie";
    HandoffTake => "Add them to my cart", "Dodaj do mojego koszyka";
    HandoffUsed => "This link was used already. Each link works once: ask the kiosk for a new one.", "Ten link został już użyty. Każdy link działa raz: poproś kiosk o nowy.";
    HandoffExpired => "This link has expired (links last 10 minutes). Ask the kiosk for a new one.", "Link wygasł (działa 10 minut). Poproś kiosk o nowy.";
    HandoffUnknown => "This link is not one of ours. Scan the code on the kiosk again.", "To nie jest nasz link. Zeskanuj kod w kiosku ponownie.";
    HandoffAdded => "Your cart from the kiosk is here.", "Twój koszyk z kiosku jest tutaj.";
    ErrorPayment => "The payment did not go through; nothing was charged and your cart is as it was.", "Płatność nie powiodła się; nic nie pobrano, a koszyk jest bez zmian.";
    ErrorInvalid => "Please check the form: a field is missing or not valid.", "Sprawdź formularz: brakuje pola lub jest niepoprawne.";
    ErrorUnavailable => "Something went wrong on our side. Please try again.", "Coś poszło nie tak po naszej stronie. Spróbuj ponownie.";
    AvailableAtMyStoreFilter => "Only on the shelf at my store", "Tylko dostępne w moim sklepie";
    AtMyStore => "At my store", "W moim sklepie";
    NotAtMyStore => "Not at my store", "Brak w moim sklepie";
    // Why a request was refused (see `model::Problem`); `{name}` is a placeholder.
    PFieldError => "{field}: {error}", "{field}: {error}";
    PPageOutOfRange => "The page must be a whole number from 1 to {max}.", "Numer strony musi być liczbą całkowitą od 1 do {max}.";
    PQueryTooLong => "The search text is too long (at most {max} characters).", "Tekst wyszukiwania jest za długi (najwyżej {max} znaków).";
    PQuantityOutOfRange => "The quantity must be between {min} and {max}.", "Liczba sztuk musi wynosić od {min} do {max}.";
    PUnknownStore => "There is no store \"{store}\".", "Nie ma sklepu „{store}”.";
    PUnknownStatus => "There is no order status \"{status}\".", "Nie ma statusu zamówienia „{status}”.";
    PTooManyVariants => "Ask for at most {max} variants at once.", "Można zapytać o najwyżej {max} wariantów naraz.";
    PAddressLimit => "You can save at most {max} addresses; delete one first.", "Można zapisać najwyżej {max} adresów; najpierw usuń jeden.";
    PNoCustomer => "No customer has the e-mail {email}; they must register first.", "Żaden klient nie ma adresu {email}; musi się najpierw zarejestrować.";
    PTooManyPins => "Too many wrong PINs: try again in {minutes} minutes.", "Zbyt wiele błędnych PIN-ów: spróbuj ponownie za {minutes} minut.";
    PNoSuchStoreOrder => "There is no order #{number} at this store.", "W tym sklepie nie ma zamówienia nr {number}.";
    PHandoffExpired => "This link has expired (links last {minutes} minutes): ask the kiosk for a new one.", "Link wygasł (linki działają {minutes} minut): poproś kiosk o nowy.";
    PStatusChange => "Order #{number} is “{from}” and cannot become “{to}”.", "Zamówienie nr {number} ma status „{from}” i nie może przejść w „{to}”.";
    PShortLineAtStore => "{name} (you asked for {wanted}): {left} left at {store} and {online} online", "{name} (zamówiono {wanted}): w sklepie {store} zostało {left}, online {online}";
    PShortLine => "{name} (you asked for {wanted}): {online} left online", "{name} (zamówiono {wanted}): online zostało {online}";
    PNotEnoughStock => "Not enough stock, so the order was not placed — {lines}. Lower the quantity or remove the line and try again.", "Za mało towaru, więc zamówienie nie zostało złożone — {lines}. Zmniejsz liczbę sztuk lub usuń pozycję i spróbuj ponownie.";
    PPaymentDeclined => "The payment did not go through (the card was declined); nothing was charged and your cart is as it was.", "Płatność nie przeszła (karta odrzucona); nic nie pobrano, a koszyk jest taki jak był.";
    PPaymentNoMethod => "The payment did not go through (choose a payment method); nothing was charged and your cart is as it was.", "Płatność nie przeszła (wybierz metodę płatności); nic nie pobrano, a koszyk jest taki jak był.";
    PNotANumber => "\"{value}\" is not a number.", "„{value}” nie jest liczbą.";
    PLimitOutOfRange => "The limit must be a whole number from 1 to {max}.", "Limit musi być liczbą całkowitą od 1 do {max}.";
    PUnknownStaffAction => "There is no staff action \"{action}\".", "Nie ma czynności obsługi „{action}”.";
    PUnknownChannel => "There is no channel \"{channel}\".", "Nie ma kanału „{channel}”.";
    PUnknownParameter => "Unknown parameter \"{name}\" (use near, q, limit).", "Nieznany parametr „{name}” (dozwolone: near, q, limit).";
    PNearOrQuery => "Give near=lat,lng or q=text.", "Podaj near=szer,dł albo q=tekst.";
    PBadContentLength => "Content-Length is not a number.", "Content-Length nie jest liczbą.";
    PIncompleteBody => "The request body did not arrive whole.", "Treść żądania nie dotarła w całości.";
    PCrossSite => "Cross-site request refused: this form may only be sent from this shop.", "Odrzucono żądanie z innej strony: ten formularz można wysłać tylko z tego sklepu.";
    PVisitEnded => "This kiosk visit has ended; open the page again to start afresh.", "Ta wizyta przy kiosku się zakończyła; otwórz stronę ponownie, aby zacząć od nowa.";
    PBadNear => "Give the place as \"latitude,longitude\", e.g. 50.06,19.94.", "Podaj miejsce jako „szerokość,długość”, np. 50.06,19.94.";
    PLatitudeOutOfRange => "The latitude must be between -90 and 90.", "Szerokość geograficzna musi wynosić od -90 do 90.";
    PLongitudeOutOfRange => "The longitude must be between -180 and 180.", "Długość geograficzna musi wynosić od -180 do 180.";
    PBadKioskTiming => "Kiosk settings need an idle time and a countdown within their ranges.", "Ustawienia kiosku wymagają czasu bezczynności i odliczania w dozwolonych zakresach.";
    PBadSlot => "The pickup slot is not one we offered.", "Ten termin odbioru nie pochodzi z naszej listy.";
    PUnknownVariant => "There is no such product variant.", "Nie ma takiego wariantu produktu.";
    PUnknownFulfilment => "Choose delivery or pickup.", "Wybierz dostawę albo odbiór.";
    PUnknownLanguage => "Unknown language; choose one from the list.", "Nieznany język; wybierz jeden z listy.";
    PBadChangeKey => "The change key must be 8-64 letters, digits, '-' or '_'.", "Klucz zmiany musi mieć 8-64 litery, cyfry, '-' lub '_'.";
    PBadVariantList => "Variants must be ids like 1,2,3.", "Warianty podaje się jako numery, np. 1,2,3.";
    PFormExpired => "The checkout form has expired; reload the page and try again.", "Formularz zamówienia wygasł; odśwież stronę i spróbuj ponownie.";
    PCartEmpty => "Your cart is empty: add something first.", "Koszyk jest pusty: najpierw coś dodaj.";
    PChooseStoreFirst => "Choose your store first (Stores → Set as my store).", "Najpierw wybierz swój sklep (Sklepy → Ustaw jako mój sklep).";
    PChooseSlot => "Choose a pickup slot.", "Wybierz termin odbioru.";
    PDeliveryAddressMissing => "Enter the delivery address (street, postcode and city).", "Podaj adres dostawy (ulica, kod pocztowy i miejscowość).";
    PNotOurLink => "This link is not one of ours: scan the code on the kiosk again.", "To nie jest nasz link: zeskanuj kod z kiosku jeszcze raz.";
    PNotAKiosk => "Only a store's kiosk does this.", "To może zrobić tylko kiosk w sklepie.";
    PUseYourPhone => "Open this link on your phone, not on the kiosk.", "Otwórz ten link na telefonie, nie na kiosku.";
    PSignInFirst => "Please sign in (your session has ended).", "Zaloguj się (sesja wygasła).";
    PWrongPassword => "That is not your current password.", "To nie jest Twoje obecne hasło.";
    PWrongPin => "That PIN is not right.", "Nieprawidłowy PIN.";
    PStaffOnly => "This page is for the store's staff.", "Ta strona jest dla obsługi sklepu.";
    PAccountGone => "This account no longer exists.", "To konto już nie istnieje.";
    PNoSuchOrder => "There is no such order here (signed in as someone else, or the link is incomplete?).", "Nie ma tu takiego zamówienia (zalogowano na inne konto albo link jest niepełny?).";
    PNoSuchStore => "There is no such store.", "Nie ma takiego sklepu.";
    PNoSuchAddress => "There is no such address.", "Nie ma takiego adresu.";
    PNoSuchSession => "There is no such session.", "Nie ma takiej sesji.";
    PNoSuchHandoff => "There is no such handoff.", "Nie ma takiego przekazania koszyka.";
    PCartMoved => "This cart was moved to your account when you signed in; reload the page to see it.", "Ten koszyk trafił na Twoje konto przy logowaniu; odśwież stronę, aby go zobaczyć.";
    PSlotTooEarly => "That pickup slot is too early: some items come from our warehouse and are ready in 2 days; choose a later slot.", "Ten termin odbioru jest za wczesny: część produktów przyjedzie z magazynu i będzie gotowa za 2 dni; wybierz późniejszy.";
    PSlotUnavailable => "That pickup slot is not available; choose another.", "Ten termin odbioru jest niedostępny; wybierz inny.";
    PSlotFull => "That pickup slot has just filled up; choose another one.", "Ten termin odbioru właśnie się zapełnił; wybierz inny.";
    PHandoffUsed => "This cart was already taken with this link; each link works once.", "Ten koszyk został już przejęty tym linkiem; każdy link działa raz.";
    // What is wrong with a form field (see `model::FieldError`).
    FEmail => "enter a valid e-mail address", "podaj prawidłowy adres e-mail";
    FPasswordTooShort => "the password needs at least {min} characters", "hasło musi mieć co najmniej {min} znaków";
    FPasswordTooLong => "the password is too long", "hasło jest za długie";
    FRequired => "this field is required", "to pole jest wymagane";
    FTooLong => "this field is too long", "to pole jest za długie";
    FControlCharacter => "this field may not contain control characters (tabs, line breaks and the like)", "to pole nie może zawierać znaków sterujących (tabulatorów, końców linii itp.)";
    FPostcode => "enter a postcode like 00-950", "podaj kod pocztowy w formacie 00-950";
    FPin => "a PIN is 4 to 8 digits", "PIN ma od 4 do 8 cyfr";
    FPhone => "enter a phone number of 9 to 15 digits", "podaj numer telefonu z 9 do 15 cyfr";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_has_both_languages() {
        for m in Msg::ALL {
            for l in Locale::ALL {
                assert!(!m.text(l).trim().is_empty(), "{m:?} is empty in {l:?}");
            }
        }
        // A copy-pasted English string in the Polish column is a missing translation.
        let same: Vec<_> = Msg::ALL
            .iter()
            .filter(|m| m.text(Locale::En) == m.text(Locale::Pl))
            .filter(|m| {
                !matches!(
                    m,
                    Msg::ShopName | Msg::Sku | Msg::Ean | Msg::Email | Msg::PFieldError
                )
            })
            .collect();
        assert!(same.is_empty(), "untranslated: {same:?}");
        // Every translation takes the same placeholders.
        let names = |text: &str| {
            let mut v: Vec<String> = text
                .split('{')
                .skip(1)
                .filter_map(|p| p.split_once('}').map(|(n, _)| n.to_string()))
                .collect();
            v.sort();
            v
        };
        for m in Msg::ALL {
            for l in Locale::ALL {
                assert_eq!(
                    names(m.text(l)),
                    names(m.text(Locale::En)),
                    "{m:?} in {l:?}"
                );
            }
        }
    }

    #[test]
    fn negotiation() {
        assert_eq!(negotiate(None, None), Locale::En);
        assert_eq!(negotiate(None, Some("pl-PL,pl;q=0.9,en;q=0.8")), Locale::Pl);
        assert_eq!(
            negotiate(None, Some("de-DE, en;q=0.5, pl;q=0.7")),
            Locale::Pl
        );
        assert_eq!(negotiate(None, Some("de-DE")), Locale::En);
        assert_eq!(negotiate(None, Some("pl;q=0")), Locale::En);
        assert_eq!(negotiate(Some("a=b; lang=en"), Some("pl")), Locale::En);
        assert_eq!(negotiate(Some("lang=pl"), None), Locale::Pl);
        assert_eq!(negotiate(Some("lang=xx"), Some("pl")), Locale::Pl);
    }

    #[test]
    fn plural_items() {
        assert_eq!(items(1, Locale::En), "1 item");
        assert_eq!(items(0, Locale::En), "0 items");
        assert_eq!(items(3, Locale::En), "3 items");
        assert_eq!(items(1, Locale::Pl), "1 produkt");
        assert_eq!(items(3, Locale::Pl), "3 produkty");
        assert_eq!(items(5, Locale::Pl), "5 produktów");
        assert_eq!(items(12, Locale::Pl), "12 produktów");
        assert_eq!(items(22, Locale::Pl), "22 produkty");
        assert_eq!(items(0, Locale::Pl), "0 produktów");
    }

    #[test]
    fn cookies() {
        assert_eq!(cookie_value("a=1; lang=pl; b=2", "lang"), Some("pl"));
        assert_eq!(cookie_value("xlang=pl", "lang"), None);
    }
}
