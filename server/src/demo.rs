//! The demo catalog: deterministic (same seed, same shop), generated here,
//! nothing downloaded. A home, garden and outdoor retailer with real Polish
//! cities, real coordinates and stock with realistic gaps. The same generator
//! makes large data sets for benchmarks (`omnistore demo --products 100000`).

use omnistore_components::model::{make_ean13, slugify};

/// SplitMix64: tiny, fast, and identical on every platform, which is all a
/// reproducible demo needs.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next_u64() % (hi - lo + 1)
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[(self.next_u64() % items.len() as u64) as usize]
    }
}

/// A kind of product within a category.
struct Kind {
    en: &'static str,
    pl: &'static str,
    /// Base price range in whole złoty.
    price: (u64, u64),
    sizes: &'static [(&'static str, i64)],
    coloured: bool,
    feature_en: &'static str,
    feature_pl: &'static str,
}

struct CategorySpec {
    slug: &'static str,
    en: &'static str,
    pl: &'static str,
    about_en: &'static str,
    about_pl: &'static str,
    icon: &'static str,
    kinds: &'static [Kind],
}

macro_rules! kind {
    (
        $en:literal, $pl:literal, $lo:literal..$hi:literal,
        [$($s:literal => $c:literal),*],
        $col:literal, $fen:literal, $fpl:literal
    ) => {
        Kind {
            en: $en,
            pl: $pl,
            price: ($lo, $hi),
            sizes: &[$(($s, $c)),*],
            coloured: $col,
            feature_en: $fen,
            feature_pl: $fpl,
        }
    };
}

const CATEGORIES: &[CategorySpec] = &[
    CategorySpec {
        slug: "garden-furniture",
        en: "Garden furniture",
        pl: "Meble ogrodowe",
        about_en: "Chairs, tables, loungers and sets for the garden, terrace and balcony.",
        about_pl: "Krzesła, stoły, leżaki i zestawy do ogrodu, na taras i balkon.",
        icon: "chair",
        kinds: &[
            kind!(
                "Garden chair",
                "Krzesło ogrodowe",
                89..499,
                [],
                true,
                "stackable and weather-resistant",
                "sztaplowane i odporne na warunki atmosferyczne"
            ),
            kind!(
                "Garden table", "Stół ogrodowy", 249..1899,
                ["4 seats" => 0, "6 seats" => 30000, "8 seats" => 60000],
                true, "with a powder-coated steel frame",
                "z ramą ze stali malowanej proszkowo"
            ),
            kind!(
                "Sun lounger",
                "Leżak",
                149..899,
                [],
                true,
                "with a five-position backrest",
                "z oparciem regulowanym w pięciu pozycjach"
            ),
            kind!(
                "Garden bench", "Ławka ogrodowa", 299..1299,
                ["120 cm" => 0, "150 cm" => 15000],
                false, "made of FSC-certified wood",
                "z drewna z certyfikatem FSC"
            ),
        ],
    },
    CategorySpec {
        slug: "grills",
        en: "Grills and barbecue",
        pl: "Grille i akcesoria",
        about_en: "Charcoal, gas and electric grills with everything for a barbecue.",
        about_pl: "Grille węglowe, gazowe i elektryczne oraz wszystko do grillowania.",
        icon: "grill",
        kinds: &[
            kind!(
                "Charcoal grill", "Grill węglowy", 99..1499,
                ["47 cm" => 0, "57 cm" => 20000],
                true, "with an ash catcher and lid thermometer",
                "z popielnikiem i termometrem w pokrywie"
            ),
            kind!(
                "Gas grill", "Grill gazowy", 899..4999,
                ["2 burners" => 0, "3 burners" => 50000, "4 burners" => 100000],
                false, "with cast-iron grates",
                "z rusztami żeliwnymi"
            ),
            kind!(
                "Grill tongs",
                "Szczypce do grilla",
                19..89,
                [],
                false,
                "in stainless steel",
                "ze stali nierdzewnej"
            ),
            kind!(
                "Grill cover", "Pokrowiec na grill", 49..199,
                ["S" => 0, "M" => 2000, "L" => 4000],
                false, "waterproof and UV-resistant",
                "wodoodporny i odporny na UV"
            ),
        ],
    },
    CategorySpec {
        slug: "garden-tools",
        en: "Garden tools",
        pl: "Narzędzia ogrodowe",
        about_en: "Spades, rakes, shears and power tools for every garden job.",
        about_pl: "Szpadle, grabie, sekatory i elektronarzędzia do każdej pracy w ogrodzie.",
        icon: "spade",
        kinds: &[
            kind!(
                "Spade",
                "Szpadel",
                39..189,
                [],
                false,
                "with a hardened steel blade",
                "z ostrzem z hartowanej stali"
            ),
            kind!(
                "Pruning shears",
                "Sekator",
                29..249,
                [],
                true,
                "with a bypass blade for clean cuts",
                "z ostrzem nożycowym do czystych cięć"
            ),
            kind!(
                "Lawn mower", "Kosiarka", 499..3999,
                ["32 cm" => 0, "38 cm" => 30000, "46 cm" => 60000],
                false, "with a grass box and mulching",
                "z koszem i funkcją mulczowania"
            ),
            kind!(
                "Leaf rake",
                "Grabie do liści",
                25..99,
                [],
                true,
                "light and strong",
                "lekkie i wytrzymałe"
            ),
        ],
    },
    CategorySpec {
        slug: "watering",
        en: "Watering",
        pl: "Nawadnianie",
        about_en: "Hoses, sprinklers, cans and rain barrels.",
        about_pl: "Węże, zraszacze, konewki i zbiorniki na deszczówkę.",
        icon: "hose",
        kinds: &[
            kind!(
                "Garden hose", "Wąż ogrodowy", 49..299,
                ["15 m" => 0, "25 m" => 4000, "50 m" => 9000],
                true, "kink-free with a six-layer wall",
                "nieskręcający się, o sześciowarstwowej ściance"
            ),
            kind!(
                "Watering can", "Konewka", 15..99,
                ["5 l" => 0, "10 l" => 1500],
                true, "with a removable rose",
                "ze zdejmowanym sitkiem"
            ),
            kind!(
                "Sprinkler",
                "Zraszacz",
                29..249,
                [],
                false,
                "with adjustable reach",
                "z regulowanym zasięgiem"
            ),
            kind!(
                "Rain barrel", "Zbiornik na deszczówkę", 149..799,
                ["200 l" => 0, "300 l" => 10000, "500 l" => 25000],
                true, "with a tap and a lid",
                "z kranem i pokrywą"
            ),
        ],
    },
    CategorySpec {
        slug: "plants-seeds",
        en: "Plants and seeds",
        pl: "Rośliny i nasiona",
        about_en: "Seeds, bulbs, pots and compost.",
        about_pl: "Nasiona, cebulki, doniczki i ziemia.",
        icon: "plant",
        kinds: &[
            kind!(
                "Herb seeds",
                "Nasiona ziół",
                4..19,
                [],
                false,
                "for balcony and windowsill",
                "na balkon i parapet"
            ),
            kind!(
                "Flower pot", "Doniczka", 9..199,
                ["14 cm" => 0, "20 cm" => 1000, "30 cm" => 3000],
                true, "frost-proof with a drainage hole",
                "mrozoodporna z otworem odpływowym"
            ),
            kind!(
                "Potting compost", "Ziemia do roślin", 12..59,
                ["20 l" => 0, "50 l" => 1500],
                false, "peat-free with slow-release feed",
                "bez torfu z nawozem o spowolnionym działaniu"
            ),
            kind!(
                "Tulip bulbs",
                "Cebulki tulipanów",
                15..49,
                [],
                true,
                "for spring colour",
                "na wiosenne kolory"
            ),
        ],
    },
    CategorySpec {
        slug: "lighting",
        en: "Lighting",
        pl: "Oświetlenie",
        about_en: "Indoor lamps, garden lights and solar lanterns.",
        about_pl: "Lampy do domu, oświetlenie ogrodowe i lampiony solarne.",
        icon: "lamp",
        kinds: &[
            kind!(
                "Solar lantern",
                "Lampion solarny",
                19..129,
                [],
                true,
                "that switches on at dusk",
                "włączający się o zmierzchu"
            ),
            kind!(
                "Floor lamp",
                "Lampa podłogowa",
                149..899,
                [],
                true,
                "with a linen shade",
                "z lnianym abażurem"
            ),
            kind!(
                "LED bulb", "Żarówka LED", 9..59,
                ["E27 806 lm" => 0, "E27 1521 lm" => 1000, "E14 470 lm" => 0],
                false, "warm white, A-class",
                "ciepła biel, klasa A"
            ),
            kind!(
                "String lights", "Girlanda świetlna", 39..199,
                ["5 m" => 0, "10 m" => 3000],
                false, "for the terrace, IP44",
                "na taras, IP44"
            ),
        ],
    },
    CategorySpec {
        slug: "camping",
        en: "Camping and outdoor",
        pl: "Kemping i outdoor",
        about_en: "Tents, sleeping bags, stoves and everything for a night outside.",
        about_pl: "Namioty, śpiwory, kuchenki i wszystko na noc pod gwiazdami.",
        icon: "tent",
        kinds: &[
            kind!(
                "Tent", "Namiot", 199..1999,
                ["2-person" => 0, "3-person" => 20000, "4-person" => 40000],
                true, "with a 3000 mm waterproof flysheet",
                "z tropikiem o wodoodporności 3000 mm"
            ),
            kind!(
                "Sleeping bag", "Śpiwór", 99..699,
                ["M" => 0, "L" => 5000],
                true, "comfortable down to 5 °C",
                "komfortowy do 5 °C"
            ),
            kind!(
                "Camping stove",
                "Kuchenka turystyczna",
                79..399,
                [],
                false,
                "compact with piezo ignition",
                "kompaktowa z zapalnikiem piezo"
            ),
            kind!(
                "Rain jacket", "Kurtka przeciwdeszczowa", 149..799,
                ["S" => 0, "M" => 0, "L" => 0, "XL" => 2000],
                true, "breathable with taped seams",
                "oddychająca z klejonymi szwami"
            ),
        ],
    },
    CategorySpec {
        slug: "kitchen",
        en: "Kitchen",
        pl: "Kuchnia",
        about_en: "Pans, pots, knives and storage.",
        about_pl: "Patelnie, garnki, noże i pojemniki.",
        icon: "pan",
        kinds: &[
            kind!(
                "Frying pan", "Patelnia", 59..399,
                ["24 cm" => 0, "28 cm" => 3000],
                true, "with a non-stick coating, induction-ready",
                "z powłoką nieprzywierającą, na indukcję"
            ),
            kind!(
                "Cooking pot", "Garnek", 69..449,
                ["3 l" => 0, "5 l" => 4000, "8 l" => 8000],
                false, "in stainless steel with a glass lid",
                "ze stali nierdzewnej ze szklaną pokrywką"
            ),
            kind!(
                "Chef's knife",
                "Nóż szefa kuchni",
                49..599,
                [],
                false,
                "forged with a full tang",
                "kuty z pełnym trzpieniem"
            ),
            kind!(
                "Storage box set",
                "Zestaw pojemników",
                29..149,
                [],
                true,
                "airtight and dishwasher-safe",
                "hermetyczny, do zmywarki"
            ),
        ],
    },
    CategorySpec {
        slug: "bathroom",
        en: "Bathroom",
        pl: "Łazienka",
        about_en: "Towels, mats, mirrors and accessories.",
        about_pl: "Ręczniki, dywaniki, lustra i akcesoria.",
        icon: "towel",
        kinds: &[
            kind!(
                "Bath towel", "Ręcznik kąpielowy", 29..149,
                ["50×90 cm" => 0, "70×140 cm" => 2000],
                true, "in soft 500 g/m² cotton",
                "z miękkiej bawełny 500 g/m²"
            ),
            kind!(
                "Bath mat",
                "Dywanik łazienkowy",
                39..149,
                [],
                true,
                "non-slip and quick-drying",
                "antypoślizgowy i szybkoschnący"
            ),
            kind!(
                "Bathroom mirror", "Lustro łazienkowe", 99..899,
                ["50 cm" => 0, "70 cm" => 10000],
                false, "with LED light and anti-fog",
                "z oświetleniem LED i funkcją antypary"
            ),
            kind!(
                "Soap dispenser",
                "Dozownik mydła",
                19..99,
                [],
                true,
                "refillable, 300 ml",
                "wielokrotnego użytku, 300 ml"
            ),
        ],
    },
    CategorySpec {
        slug: "paint-diy",
        en: "Paint and DIY",
        pl: "Farby i majsterkowanie",
        about_en: "Paints, brushes, drills and hand tools.",
        about_pl: "Farby, pędzle, wiertarki i narzędzia ręczne.",
        icon: "paint",
        kinds: &[
            kind!(
                "Wall paint", "Farba do ścian", 39..249,
                ["1 l" => 0, "2.5 l" => 4000, "5 l" => 9000],
                true, "matt, washable, low-odour",
                "matowa, zmywalna, o niskim zapachu"
            ),
            kind!(
                "Cordless drill",
                "Wiertarko-wkrętarka",
                199..1299,
                [],
                false,
                "18 V with two batteries",
                "18 V z dwoma akumulatorami"
            ),
            kind!(
                "Paint brush set",
                "Zestaw pędzli",
                19..89,
                [],
                false,
                "with synthetic bristles",
                "z włosiem syntetycznym"
            ),
            kind!(
                "Tape measure", "Miara zwijana", 15..79,
                ["5 m" => 0, "8 m" => 1000],
                false, "with a magnetic hook",
                "z magnetycznym haczykiem"
            ),
        ],
    },
];

const BRANDS: &[&str] = &[
    "Verdo", "Nordkap", "Tatra", "Solano", "Brava", "Lumo", "Kestrel", "Orzo", "Wisła", "Hjem",
];
const MODELS: &[&str] = &[
    "Riva", "Lund", "Oslo", "Bora", "Nida", "Sola", "Mira", "Kora", "Vento", "Aster", "Linde",
    "Fjord", "Sosna", "Brzoza", "Kalmar", "Porto", "Delta", "Siena", "Orion", "Vega", "Mazur",
    "Hel", "Roztocze", "Pieniny", "Odra", "Warta",
];
/// (English, Polish, hex).
const COLOURS: &[(&str, &str, &str)] = &[
    ("Green", "Zielony", "#2e7d32"),
    ("Anthracite", "Antracytowy", "#37474f"),
    ("Natural", "Naturalny", "#a1887f"),
    ("White", "Biały", "#eceff1"),
    ("Blue", "Niebieski", "#1565c0"),
    ("Red", "Czerwony", "#c62828"),
    ("Yellow", "Żółty", "#f9a825"),
    ("Grey", "Szary", "#757575"),
    ("Black", "Czarny", "#212121"),
    ("Terracotta", "Terakota", "#bf5b3a"),
];

/// Fixed clock for "created at", so the demo is the same whenever it is generated.
const EPOCH_DAY: i64 = 20_454; // 2026-01-01 as days since 1970-01-01

pub struct Category {
    pub slug: String,
    pub name_en: String,
    pub name_pl: String,
    pub description_en: String,
    pub description_pl: String,
    pub icon: String,
}

pub struct Variant {
    pub sku: String,
    pub ean: String,
    pub price: i64,
    pub compare_at: Option<i64>,
    pub size: Option<String>,
    pub colour: Option<(String, String, String)>,
    pub image: String,
}

pub struct Product {
    pub category: usize,
    pub slug: String,
    pub brand: String,
    pub name_en: String,
    pub name_pl: String,
    pub description_en: String,
    pub description_pl: String,
    pub created_at: String,
    pub featured: bool,
    pub variants: Vec<Variant>,
}

pub struct Location {
    pub slug: String,
    pub kind: &'static str,
    pub name: String,
    pub city: String,
    pub street: String,
    pub postcode: String,
    pub lat: f64,
    pub lng: f64,
    pub phone: String,
    pub services: String,
    /// (weekday 0=Mon, opens, closes); a missing weekday is closed.
    pub hours: Vec<(u8, &'static str, &'static str)>,
    pub exceptions: Vec<HoursException>,
    /// What an order with pickup lines pays for pickup there (minor units).
    pub pickup_fee: i64,
}

/// The demo stores' pickup fee, waived from [`FREE_PICKUP_FROM`] (a demo
/// promotion).
pub const DEMO_PICKUP_FEE: i64 = 499;
/// What an order's items must cost for free pickup in the demo.
pub const FREE_PICKUP_FROM: i64 = 10_000;

/// A date whose hours differ from the week's: (date, opens, closes, note en,
/// note pl); `None` times mean closed all day.
pub type HoursException = (
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
    &'static str,
    &'static str,
);

pub struct Catalog {
    pub categories: Vec<Category>,
    pub products: Vec<Product>,
    pub locations: Vec<Location>,
    /// (location index, product index, variant index, units on hand).
    pub stock: Vec<(usize, usize, usize, u32)>,
    /// Promotions running from the moment of seeding (their `starts_at`
    /// is taken as "now").
    pub promotions: Vec<omnistore_components::model::Promotion>,
    /// Past orders, collected or delivered, so that recommendations have
    /// something to go by from the first start.
    pub orders: Vec<DemoOrder>,
}

/// A past order of the demo shop.
pub struct DemoOrder {
    /// The pickup store (a location index), or `None` for delivery.
    pub store: Option<usize>,
    pub channel: &'static str,
    pub days_ago: u32,
    /// (product index, variant index, quantity).
    pub lines: Vec<(usize, usize, u32)>,
}

/// Orders in which products go together the way they would in a shop:
/// each starts from one of a category's first products (its bestsellers),
/// often with the next one of that category, sometimes with one of
/// another category.
fn demo_orders(rng: &mut Rng, products: &[Product], store_count: usize) -> Vec<DemoOrder> {
    let mut by_category: Vec<Vec<usize>> = vec![Vec::new(); CATEGORIES.len()];
    for (i, p) in products.iter().enumerate() {
        by_category[p.category].push(i);
    }
    by_category.retain(|c| c.len() >= 2);
    if by_category.is_empty() || store_count == 0 {
        return Vec::new();
    }
    let top = |c: &Vec<usize>| c.len().min(8);
    (0..400)
        .map(|_| {
            let c = rng.pick(&by_category).clone();
            let anchor = rng.range(0, top(&c) as u64 - 1) as usize;
            let mut picked = vec![c[anchor]];
            if rng.chance(70) {
                picked.push(c[(anchor + 1) % top(&c)]);
            }
            if rng.chance(30) {
                let other = rng.pick(&by_category).clone();
                let extra = other[rng.range(0, top(&other) as u64 - 1) as usize];
                if !picked.contains(&extra) {
                    picked.push(extra);
                }
            }
            picked.dedup();
            DemoOrder {
                store: rng
                    .chance(65)
                    .then(|| 1 + rng.range(0, store_count as u64 - 1) as usize),
                channel: rng.pick(&["web", "web", "pwa", "kiosk"]),
                days_ago: rng.range(1, 59) as u32,
                lines: picked
                    .into_iter()
                    .map(|p| {
                        let v = rng.range(0, products[p].variants.len() as u64 - 1) as usize;
                        (p, v, rng.range(1, 2) as u32)
                    })
                    .collect(),
            }
        })
        .collect()
}

/// City, store label, street, postcode, latitude, longitude. Real cities,
/// real coordinates (city centres or the named shopping area).
const STORES: &[(&str, &str, &str, &str, f64, f64)] = &[
    (
        "Warszawa",
        "Mokotów",
        "ul. Wołoska 12",
        "02-675",
        52.1803,
        21.0038,
    ),
    (
        "Warszawa",
        "Targówek",
        "ul. Głębocka 15",
        "03-287",
        52.2902,
        21.0566,
    ),
    (
        "Warszawa",
        "Okęcie",
        "al. Krakowska 61",
        "02-183",
        52.1829,
        20.9617,
    ),
    (
        "Kraków",
        "Bonarka",
        "ul. Kamieńskiego 11",
        "30-644",
        50.0285,
        19.9520,
    ),
    (
        "Kraków",
        "Czyżyny",
        "al. Pokoju 44",
        "31-564",
        50.0702,
        20.0056,
    ),
    (
        "Łódź",
        "Centrum",
        "ul. Piotrkowska 153",
        "90-440",
        51.7592,
        19.4560,
    ),
    (
        "Wrocław",
        "Krzyki",
        "ul. Karkonoska 59",
        "53-015",
        51.0740,
        17.0066,
    ),
    (
        "Poznań",
        "Franowo",
        "ul. Szwedzka 6",
        "61-285",
        52.3958,
        16.9905,
    ),
    (
        "Gdańsk",
        "Przymorze",
        "al. Grunwaldzka 472",
        "80-309",
        54.4035,
        18.5706,
    ),
    (
        "Gdynia",
        "Chwarzno",
        "ul. Kwiatkowskiego 7",
        "81-156",
        54.5189,
        18.5305,
    ),
    (
        "Szczecin",
        "Gumieńce",
        "ul. Ku Słońcu 67",
        "71-047",
        53.4285,
        14.5528,
    ),
    (
        "Bydgoszcz",
        "Fordon",
        "ul. Fordońska 141",
        "85-739",
        53.1235,
        18.0084,
    ),
    (
        "Lublin",
        "Felin",
        "ul. Witosa 32",
        "20-315",
        51.2465,
        22.5684,
    ),
    (
        "Białystok",
        "Centrum",
        "ul. Sienkiewicza 5",
        "15-092",
        53.1325,
        23.1688,
    ),
    (
        "Katowice",
        "Załęże",
        "ul. Gliwicka 234",
        "40-860",
        50.2649,
        19.0238,
    ),
    (
        "Częstochowa",
        "Północ",
        "al. Wojska Polskiego 207",
        "42-202",
        50.8118,
        19.1203,
    ),
    (
        "Radom",
        "Centrum",
        "ul. Żeromskiego 52",
        "26-600",
        51.4027,
        21.1471,
    ),
    (
        "Toruń",
        "Rubinkowo",
        "ul. Szosa Lubicka 27",
        "87-100",
        53.0138,
        18.5984,
    ),
    (
        "Sosnowiec",
        "Pogoń",
        "ul. Staszica 8",
        "41-200",
        50.2863,
        19.1041,
    ),
    (
        "Rzeszów",
        "Krakowska",
        "al. Rejtana 65",
        "35-326",
        50.0412,
        21.9991,
    ),
    (
        "Kielce",
        "Centrum",
        "ul. Warszawska 26",
        "25-312",
        50.8661,
        20.6286,
    ),
    (
        "Gliwice",
        "Trynek",
        "ul. Pszczyńska 315",
        "44-100",
        50.2945,
        18.6714,
    ),
    (
        "Olsztyn",
        "Pieczewo",
        "al. Piłsudskiego 16",
        "10-576",
        53.7784,
        20.4801,
    ),
    (
        "Zabrze",
        "Centrum",
        "ul. Wolności 273",
        "41-800",
        50.3249,
        18.7857,
    ),
    (
        "Bielsko-Biała",
        "Wapienica",
        "ul. Warszawska 2",
        "43-300",
        49.8224,
        19.0584,
    ),
    (
        "Bytom",
        "Centrum",
        "ul. Katowicka 32",
        "41-902",
        50.3484,
        18.9157,
    ),
    (
        "Zielona Góra",
        "Centrum",
        "ul. Wrocławska 17",
        "65-427",
        51.9356,
        15.5062,
    ),
    (
        "Rybnik",
        "Centrum",
        "ul. Gliwicka 45",
        "44-200",
        50.0971,
        18.5463,
    ),
    (
        "Ruda Śląska",
        "Bielszowice",
        "ul. 1 Maja 310",
        "41-710",
        50.2558,
        18.8556,
    ),
    (
        "Opole",
        "Zaodrze",
        "ul. Wrocławska 152",
        "45-837",
        50.6751,
        17.9213,
    ),
    (
        "Tychy",
        "Czułów",
        "ul. Towarowa 2",
        "43-100",
        50.1372,
        18.9664,
    ),
    (
        "Gorzów Wielkopolski",
        "Centrum",
        "ul. Myśliborska 34",
        "66-400",
        52.7368,
        15.2288,
    ),
    (
        "Elbląg",
        "Centrum",
        "ul. Płk. Dąbka 152",
        "82-300",
        54.1561,
        19.4045,
    ),
    (
        "Płock",
        "Podolszyce",
        "ul. Wyszogrodzka 144",
        "09-410",
        52.5468,
        19.7064,
    ),
    (
        "Dąbrowa Górnicza",
        "Centrum",
        "ul. Jana III Sobieskiego 6",
        "41-300",
        50.3217,
        19.1949,
    ),
    (
        "Wałbrzych",
        "Centrum",
        "ul. 1 Maja 64",
        "58-300",
        50.7714,
        16.2843,
    ),
    (
        "Włocławek",
        "Zazamcze",
        "ul. Kruszyńska 17",
        "87-800",
        52.6483,
        19.0677,
    ),
    (
        "Tarnów",
        "Centrum",
        "ul. Krakowska 92",
        "33-100",
        50.0121,
        20.9858,
    ),
    (
        "Koszalin",
        "Centrum",
        "ul. Paderewskiego 1",
        "75-736",
        54.1944,
        16.1714,
    ),
    (
        "Kalisz",
        "Dobrzec",
        "ul. Górnośląska 82",
        "62-800",
        51.7611,
        18.0910,
    ),
    (
        "Legnica",
        "Centrum",
        "ul. Jaworzyńska 42",
        "59-220",
        51.2070,
        16.1553,
    ),
    (
        "Słupsk",
        "Centrum",
        "ul. Szczecińska 58",
        "76-200",
        54.4641,
        17.0287,
    ),
    (
        "Nowy Sącz",
        "Centrum",
        "ul. Lwowska 80",
        "33-300",
        49.6218,
        20.6970,
    ),
    (
        "Zakopane",
        "Centrum",
        "ul. Kościuszki 25",
        "34-500",
        49.2992,
        19.9496,
    ),
    (
        "Suwałki",
        "Centrum",
        "ul. Utrata 1",
        "16-400",
        54.1118,
        22.9309,
    ),
];

/// Mon–Sat; Sunday closed (Poland's Sunday trading ban applies to most stores).
const HOURS_STANDARD: &[(u8, &str, &str)] = &[
    (0, "08:00", "21:00"),
    (1, "08:00", "21:00"),
    (2, "08:00", "21:00"),
    (3, "08:00", "21:00"),
    (4, "08:00", "21:00"),
    (5, "08:00", "20:00"),
];
/// Mall stores: later opening, open on trading Sundays.
const HOURS_MALL: &[(u8, &str, &str)] = &[
    (0, "10:00", "21:00"),
    (1, "10:00", "21:00"),
    (2, "10:00", "21:00"),
    (3, "10:00", "21:00"),
    (4, "10:00", "21:00"),
    (5, "10:00", "21:00"),
    (6, "10:00", "20:00"),
];
const HOURS_24_7: &[(u8, &str, &str)] = &[
    (0, "00:00", "24:00"),
    (1, "00:00", "24:00"),
    (2, "00:00", "24:00"),
    (3, "00:00", "24:00"),
    (4, "00:00", "24:00"),
    (5, "00:00", "24:00"),
    (6, "00:00", "24:00"),
];

/// Sizes of the generated data set.
pub struct DemoSize {
    pub products: usize,
    pub stores: usize,
    pub seed: u64,
}

impl Default for DemoSize {
    fn default() -> Self {
        DemoSize {
            products: 640,
            stores: STORES.len(),
            seed: 2026,
        }
    }
}

fn price_ending_99(rng: &mut Rng, lo: u64, hi: u64) -> i64 {
    // Whole złoty minus one grosz: 149.99 rather than 150.00.
    (rng.range(lo, hi) as i64) * 100 - 1
}

fn days_to_date(days: i64) -> String {
    chrono::DateTime::from_timestamp(days * 86_400, 0)
        .unwrap_or_default()
        .format("%Y-%m-%d")
        .to_string()
}

pub fn generate(size: &DemoSize) -> Catalog {
    let mut rng = Rng::new(size.seed);
    let categories = CATEGORIES
        .iter()
        .map(|c| Category {
            slug: c.slug.into(),
            name_en: c.en.into(),
            name_pl: c.pl.into(),
            description_en: c.about_en.into(),
            description_pl: c.about_pl.into(),
            icon: c.icon.into(),
        })
        .collect();

    let mut products = Vec::with_capacity(size.products);
    let mut variant_seq: u64 = 0;
    for i in 0..size.products {
        let cat_idx = i % CATEGORIES.len();
        let cat = &CATEGORIES[cat_idx];
        let kind = rng.pick(cat.kinds);
        let brand = *rng.pick(BRANDS);
        let model = *rng.pick(MODELS);
        let series = rng.range(1, 9) * 100 + (i as u64 / CATEGORIES.len() as u64) % 100;
        let name_en = format!("{brand} {} {model} {series}", kind.en);
        let name_pl = format!("{brand} {} {model} {series}", kind.pl);
        let slug = format!("{}-{}", slugify(&name_en), i + 1);
        let base = price_ending_99(&mut rng, kind.price.0, kind.price.1);
        let on_sale = rng.chance(15);
        // Some products have no variants at all: one plain item.
        let sizes: Vec<&(&str, i64)> = if kind.sizes.is_empty() || rng.chance(12) {
            Vec::new()
        } else {
            let n = rng.range(1, kind.sizes.len() as u64) as usize;
            kind.sizes
                .iter()
                .take(n.max(2).min(kind.sizes.len()))
                .collect()
        };
        let colours: Vec<&(&str, &str, &str)> = if kind.coloured && !rng.chance(10) {
            let n = rng.range(1, 3) as usize;
            let start = rng.range(0, COLOURS.len() as u64 - 1) as usize;
            (0..n)
                .map(|k| &COLOURS[(start + k * 3) % COLOURS.len()])
                .collect()
        } else {
            Vec::new()
        };
        let icon = cat.icon;
        let mut variants = Vec::new();
        let size_opts: Vec<Option<&(&str, i64)>> = if sizes.is_empty() {
            vec![None]
        } else {
            sizes.into_iter().map(Some).collect()
        };
        let colour_opts: Vec<Option<&(&str, &str, &str)>> = if colours.is_empty() {
            vec![None]
        } else {
            colours.into_iter().map(Some).collect()
        };
        for s in &size_opts {
            for c in &colour_opts {
                variant_seq += 1;
                let price = base + s.map(|s| s.1).unwrap_or(0);
                let compare_at = on_sale
                    .then(|| ((price + 1) * 5 / 4 / 100) * 100 - 1)
                    .filter(|c| *c > price);
                let hex = c.map(|c| c.2).unwrap_or("#1f5f3a");
                variants.push(Variant {
                    sku: format!(
                        "{}-{:05}-{:02}",
                        &cat.slug[..3].to_ascii_uppercase(),
                        i + 1,
                        variants.len() + 1
                    ),
                    ean: make_ean13(590_000_000_000 + variant_seq),
                    price,
                    compare_at,
                    size: s.map(|s| s.0.to_string()),
                    colour: c.map(|c| (c.0.to_string(), c.1.to_string(), c.2.to_string())),
                    image: omnistore_components::model::image_url(icon, i as u32, hex),
                });
            }
        }
        let material_en = kind.feature_en;
        let material_pl = kind.feature_pl;
        let description_en = format!(
            "The {model} {} by {brand}, {material_en}. Designed for everyday use at home and in \
                the garden, tested for durability and backed by a 2-year warranty. Available \
                online and for pickup in our stores.",
            kind.en.to_lowercase()
        );
        let description_pl = format!(
            "{} {model} marki {brand}, {material_pl}. Zaprojektowany do codziennego użytku w domu \
                i ogrodzie, sprawdzony pod kątem trwałości, z 2-letnią gwarancją. Dostępny online \
                i z odbiorem w naszych sklepach.",
            kind.pl
        );
        let age_days = rng.range(0, 730) as i64;
        products.push(Product {
            category: cat_idx,
            slug,
            brand: brand.into(),
            name_en,
            name_pl,
            description_en,
            description_pl,
            created_at: days_to_date(EPOCH_DAY - age_days),
            featured: i % 53 == 7,
            variants,
        });
    }

    let mut locations = vec![Location {
        slug: "online".into(),
        kind: "warehouse",
        name: "omnistore Online (Stryków)".into(),
        city: "Stryków".into(),
        street: "ul. Magazynowa 1".into(),
        postcode: "95-010".into(),
        lat: 51.9017,
        lng: 19.6044,
        phone: "+48 42 000 00 00".into(),
        services: "delivery".into(),
        hours: HOURS_24_7.to_vec(),
        exceptions: Vec::new(),
        pickup_fee: 0,
    }];
    for n in 0..size.stores {
        let (city, label, street, postcode, lat, lng) = STORES[n % STORES.len()];
        let round = n / STORES.len();
        // Beyond the real list (benchmarks), more stores around the same cities.
        let (lat, lng, label) = if round == 0 {
            (lat, lng, label.to_string())
        } else {
            let dlat = (rng.range(0, 20_000) as f64 - 10_000.0) / 100_000.0;
            let dlng = (rng.range(0, 20_000) as f64 - 10_000.0) / 100_000.0;
            (lat + dlat, lng + dlng, format!("{label} {}", round + 1))
        };
        let hours = if n == 2 {
            HOURS_24_7
        } else if n % 3 == 0 {
            HOURS_MALL
        } else {
            HOURS_STANDARD
        };
        let mut exceptions = vec![
            ("2026-12-25", None, None, "Christmas Day", "Boże Narodzenie"),
            (
                "2026-12-26",
                None,
                None,
                "Second day of Christmas",
                "Drugi dzień świąt",
            ),
        ];
        if n != 2 {
            exceptions.push((
                "2026-12-24",
                Some("08:00"),
                Some("14:00"),
                "Christmas Eve",
                "Wigilia",
            ));
        }
        locations.push(Location {
            slug: slugify(&format!("{city} {label}")),
            kind: "store",
            name: format!("omnistore {city} {label}"),
            city: city.into(),
            street: street.into(),
            postcode: postcode.into(),
            lat,
            lng,
            phone: format!(
                "+48 {:02} {:03} {:02} {:02}",
                12 + n % 80,
                100 + n % 900,
                n % 100,
                (n / 100) % 100
            ),
            services: if n % 4 == 0 {
                "pickup,kiosk".into()
            } else {
                "pickup".into()
            },
            hours: hours.to_vec(),
            exceptions,
            pickup_fee: DEMO_PICKUP_FEE,
        });
    }

    // Stock with realistic gaps: some variants sold out everywhere, some only
    // online, some only in a few stores, most in the warehouse and many stores.
    let mut stock = Vec::new();
    let store_count = locations.len() - 1;
    for (pi, p) in products.iter().enumerate() {
        for (vi, _) in p.variants.iter().enumerate() {
            let roll = rng.range(0, 99);
            let (online, stores): (u32, usize) = match roll {
                0..=6 => (0, 0),
                7..=16 => (rng.range(1, 120) as u32, 0),
                17..=31 => (rng.range(0, 40) as u32, rng.range(1, 3) as usize),
                _ => (
                    rng.range(0, 250) as u32,
                    (store_count * rng.range(40, 90) as usize / 100).min(40),
                ),
            };
            if online > 0 {
                stock.push((0, pi, vi, online));
            }
            for _ in 0..stores {
                let loc = 1 + (rng.next_u64() % store_count as u64) as usize;
                // Low quantities are common on shelves.
                let units = if rng.chance(15) {
                    0
                } else {
                    rng.range(1, 25) as u32
                };
                stock.push((loc, pi, vi, units));
            }
        }
    }
    stock.sort_unstable_by_key(|s| (s.0, s.1, s.2));
    stock.dedup_by_key(|s| (s.0, s.1, s.2));
    let orders = demo_orders(&mut rng, &products, store_count);

    Catalog {
        categories,
        products,
        locations,
        stock,
        promotions: demo_promotions(),
        orders,
    }
}

/// Automatic promotions and two codes, so that the cart shows each kind.
fn demo_promotions() -> Vec<omnistore_components::model::Promotion> {
    use omnistore_components::model::{Offer, Promotion};
    let mut tools = Promotion::automatic(
        0,
        "20 zł off garden tools from 150 zł",
        Offer::AmountOff { minor: 2_000 },
    )
    .in_category("garden-tools")
    .with_code("TOOLS20");
    tools.min_spend = 15_000;
    let mut welcome =
        Promotion::automatic(0, "Welcome: 10% off", Offer::PercentOff { percent: 10 })
            .with_code("WELCOME10");
    welcome.per_customer = Some(1);
    vec![
        Promotion::automatic(
            0,
            "3 for 2 on plants and seeds",
            Offer::BuyPay { buy: 3, pay: 2 },
        )
        .in_category("plants-seeds"),
        welcome,
        tools,
        Promotion {
            min_spend: FREE_PICKUP_FROM,
            ..Promotion::automatic(0, "Free pickup from 100 zł", Offer::FreePickup)
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use omnistore_components::model::{is_slug, is_valid_ean13};
    use std::collections::HashSet;

    #[test]
    fn demo_meets_the_brief() {
        let c = generate(&DemoSize::default());
        assert!(c.categories.len() >= 8);
        assert!(c.products.len() >= 600);
        let with_variants = c.products.iter().filter(|p| p.variants.len() > 1).count();
        assert!(
            with_variants * 2 > c.products.len(),
            "most products have variants: {with_variants}"
        );
        let mut skus = HashSet::new();
        let mut eans = HashSet::new();
        for p in &c.products {
            assert!(is_slug(&p.slug), "{}", p.slug);
            for v in &p.variants {
                assert!(is_valid_ean13(&v.ean));
                assert!(skus.insert(v.sku.clone()) && eans.insert(v.ean.clone()));
                assert!(v.price > 0);
                assert!(v.compare_at.is_none_or(|c| c > v.price));
            }
        }
        assert!(c
            .products
            .iter()
            .any(|p| p.variants.iter().any(|v| v.compare_at.is_some())));
        let stores: Vec<_> = c.locations.iter().filter(|l| l.kind == "store").collect();
        assert!(stores.len() >= 40);
        assert_eq!(
            c.locations.iter().filter(|l| l.kind == "warehouse").count(),
            1
        );
        assert!(stores.iter().any(
            |s| s.hours.len() == 7 && s.hours.iter().all(|h| h.1 == "00:00" && h.2 == "24:00")
        ));
        assert!(
            stores.iter().any(|s| !s.hours.iter().any(|h| h.0 == 6)),
            "some stores close on Sunday"
        );
        assert!(stores.iter().all(|s| !s.exceptions.is_empty()));
        let slugs: HashSet<_> = c.locations.iter().map(|l| &l.slug).collect();
        assert_eq!(slugs.len(), c.locations.len());
    }

    #[test]
    fn stock_has_gaps() {
        let c = generate(&DemoSize::default());
        let mut online = HashSet::new();
        let mut in_store: std::collections::HashMap<(usize, usize), usize> = Default::default();
        for &(loc, p, v, units) in &c.stock {
            if units == 0 {
                continue;
            }
            if loc == 0 {
                online.insert((p, v));
            } else {
                *in_store.entry((p, v)).or_default() += 1;
            }
        }
        let all: Vec<(usize, usize)> = c
            .products
            .iter()
            .enumerate()
            .flat_map(|(pi, p)| (0..p.variants.len()).map(move |vi| (pi, vi)))
            .collect();
        assert!(
            all.iter()
                .any(|k| !online.contains(k) && !in_store.contains_key(k)),
            "sold out everywhere"
        );
        assert!(
            all.iter()
                .any(|k| online.contains(k) && !in_store.contains_key(k)),
            "online only"
        );
        assert!(
            all.iter().any(|k| in_store.get(k).is_some_and(|n| *n <= 3)),
            "only in a few stores"
        );
    }

    #[test]
    fn deterministic() {
        let a = generate(&DemoSize::default());
        let b = generate(&DemoSize::default());
        assert_eq!(a.products.len(), b.products.len());
        assert!(a
            .products
            .iter()
            .zip(&b.products)
            .all(|(x, y)| x.slug == y.slug && x.variants.len() == y.variants.len()));
        assert_eq!(a.stock, b.stock);
    }

    #[test]
    fn dates() {
        assert_eq!(days_to_date(EPOCH_DAY), "2026-01-01");
        assert_eq!(days_to_date(0), "1970-01-01");
        assert_eq!(days_to_date(EPOCH_DAY - 1), "2025-12-31");
    }
}
