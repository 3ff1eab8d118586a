//! `omnistore import`: a merchant's Shopify product export (and a stock
//! file per store) imported by the binary, then seen by shoppers over HTTP.

use super::stores::{add_pickup, checkout_view, pickup_guest, place};
use super::{client, json_ld, omnistore, serve};
use omnistore_components::model::{is_valid_ean13, make_ean13};
use omnistore_server::storage::SqlStore;
use omnistore_server::ServeConfig;
use reqwest::StatusCode;
use std::process::Output;

fn text(out: &[u8]) -> String {
    String::from_utf8_lossy(out).into_owned()
}

/// Shopify's column order, a byte-order mark as Excel saves it, a
/// description with a comma, a line break and a link, extra image rows,
/// a product without options and a UPC-A barcode, and a draft.
const PRODUCTS: &str = "\u{feff}Handle,Title,Body (HTML),Vendor,Product Category,Type,Tags,Published,Option1 Name,Option1 Value,Option2 Name,Option2 Value,Option3 Name,Option3 Value,Variant SKU,Variant Grams,Variant Inventory Tracker,Variant Inventory Qty,Variant Inventory Policy,Variant Fulfillment Service,Variant Price,Variant Compare At Price,Variant Requires Shipping,Variant Taxable,Variant Barcode,Image Src,Image Position,Status
teak-bench-kobe,Teak bench Kobe,\"<p>Solid <strong>teak</strong>, oiled.</p>
<p>See <a href=\"\"/stores\"\">our stores</a>.</p>\",Nordwood,Home & Garden > Lawn & Garden > Outdoor Furniture,Garden Benches,bench,TRUE,Length,120 cm,Color,Honey,,,TK-120-H,9000,shopify,8,deny,manual,899.00,999.00,TRUE,TRUE,5901234123457,https://cdn.example.com/kobe-1.jpg,1,active
teak-bench-kobe,,,,,,,,,150 cm,,Honey,,,TK-150-H,11000,shopify,0,deny,manual,1099.00,,TRUE,TRUE,,https://cdn.example.com/kobe-2.jpg,2,active
teak-bench-kobe,,,,,,,,,,,,,,,,,,,,,,,,,https://cdn.example.com/kobe-3.jpg,3,
rain-gauge,Rain gauge,Plain words & numbers < 100,Pluvia,,Garden Tools,,TRUE,Title,Default Title,,,,,RG-1,200,shopify,40,deny,manual,24.99,,TRUE,TRUE,036000291452,,,active
old-stool,Old stool,,,,Garden Benches,,FALSE,Title,Default Title,,,,,OS-1,,,1,,,5.00,,,,,,,draft
";

struct Shop {
    dir: tempfile::TempDir,
    db: String,
}

impl Shop {
    /// A demo shop (3 stores) in a database of its own, or an empty one.
    fn new(demo: bool) -> Shop {
        let dir = tempfile::tempdir().unwrap();
        let db = crate::test_database(dir.path(), "shop");
        if demo {
            let made = omnistore(&[
                "demo",
                "--database-url",
                &db,
                "--products",
                "24",
                "--stores",
                "3",
            ]);
            assert!(made.status.success(), "{}", text(&made.stderr));
        }
        Shop { dir, db }
    }

    fn file(&self, name: &str, content: &str) -> String {
        let path = self.dir.path().join(name);
        std::fs::write(&path, content).unwrap();
        path.display().to_string()
    }

    fn path(&self, name: &str) -> String {
        self.dir.path().join(name).display().to_string()
    }

    fn import(&self, args: &[&str]) -> Output {
        omnistore(&[&["import", "--database-url", &self.db][..], args].concat())
    }

    async fn scalar(&self, sql: &str) -> String {
        let store = SqlStore::connect(&self.db).await.unwrap();
        sqlx::query_scalar::<_, String>(sql)
            .fetch_one(store.pool())
            .await
            .unwrap()
    }

    fn serve(&self) -> String {
        serve(ServeConfig {
            addr: "127.0.0.1:0".parse().unwrap(),
            database_url: self.db.clone(),
            pool: Default::default(),
            demo: false,
            public_url: None,
            site_root: "target/site".into(),
            mail_dir: self.dir.path().join("mail"),
            smtp: None,
            release: None,
            catalog_poll: std::time::Duration::from_millis(20),
            stock_alert_poll: std::time::Duration::from_secs(3600),
            reminder_poll: std::time::Duration::from_secs(3600),
            recommend_refresh: std::time::Duration::from_secs(3600),
            page_cache: true,
            vendure: None,
            trusted_proxies: Vec::new(),
        })
    }
}

/// A demo shop with [`PRODUCTS`] imported, and a stock file (stock.csv) of
/// `rows` ("sku,quantity") at its first store: (shop, that store's slug,
/// the products file, what the import said).
async fn demo_with_products(rows: &[&str]) -> (Shop, String, String, Output) {
    let shop = Shop::new(true);
    let store = shop
        .scalar("SELECT slug FROM locations WHERE kind = 'store' ORDER BY slug LIMIT 1")
        .await;
    let products = shop.file("products.csv", PRODUCTS);
    let stock: String = rows
        .iter()
        .map(|row| {
            let (sku, units) = row.split_once(',').unwrap();
            format!("{sku},{store},{units}\n")
        })
        .collect();
    let stock = shop.file("stock.csv", &format!("sku,store,quantity\n{stock}"));
    let out = shop.import(&[&products, "--stock", &stock]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    (shop, store, products, out)
}

async fn page(base: &str, path: &str) -> (StatusCode, String) {
    let res = client().get(format!("{base}{path}")).send().await.unwrap();
    (res.status(), res.text().await.unwrap())
}

#[tokio::test]
async fn a_shopify_export_becomes_the_shop_and_a_second_import_changes_nothing() {
    let (shop, _, products, out) = demo_with_products(&["TK-150-H,3", "rg-1,0"]).await;
    let stock = shop.path("stock.csv");
    let said = text(&out.stdout);
    assert!(
        said.contains("2 products new, 0 updated; 3 variants new, 0 updated; 1 categories new; 2 store stock rows; 1 drafts or archived products skipped"),
        "{said}"
    );

    let base = shop.serve();
    let (status, html) = page(&base, "/p/teak-bench-kobe").await;
    assert_eq!(status, StatusCode::OK);
    // The description's HTML, sanitised (links get rel), its text in JSON-LD.
    assert!(
        html.contains("Solid <strong>teak</strong>, oiled."),
        "{html}"
    );
    assert!(
        html.contains("<a href=\"/stores\" rel=\"noopener noreferrer\">our stores</a>"),
        "{html}"
    );
    let ld = json_ld(&html);
    assert_eq!(ld["name"], "Teak bench Kobe");
    assert_eq!(ld["brand"]["name"], "Nordwood");
    assert_eq!(ld["description"], "Solid teak, oiled. See our stores.");
    let offers = ld["offers"].as_array().unwrap();
    let by_sku = |sku: &str| offers.iter().find(|o| o["sku"] == sku).unwrap().clone();
    assert_eq!(by_sku("TK-120-H")["price"], "899.00");
    assert_eq!(by_sku("TK-120-H")["gtin13"], "5901234123457");
    // Out online, on the shelf of one store: still for sale (pickup).
    assert_eq!(by_sku("TK-150-H")["price"], "1099.00");
    // Options: the length is the size axis, the colour its own.
    assert!(html.contains("150 cm") && html.contains("Honey"));
    // No photograph is fetched from the merchant's CDN: a drawing.
    assert!(!html.contains("cdn.example.com"));

    // The category from Type, with its products; a UPC became an EAN-13
    // that the search box finds.
    let (status, listing) = page(&base, "/c/garden-benches").await;
    assert_eq!(status, StatusCode::OK);
    assert!(listing.contains("href=\"/p/teak-bench-kobe\""));
    // A draft is not for sale.
    assert!(!listing.contains("old-stool"));
    assert_eq!(page(&base, "/p/old-stool").await.0, StatusCode::NOT_FOUND);
    let (_, gauge) = page(&base, "/p/rain-gauge").await;
    assert_eq!(json_ld(&gauge)["offers"][0]["gtin13"], "0036000291452");
    // Plain text is text: "&" and "<" are escaped, nothing became a tag.
    assert!(
        gauge.contains("Plain words &amp; numbers &lt; 100"),
        "{gauge}"
    );
    let found = client()
        .get(format!("{base}/search?q=0036000291452"))
        .send()
        .await
        .unwrap();
    assert_eq!(found.status(), StatusCode::FOUND);
    assert!(found.headers()["location"]
        .to_str()
        .unwrap()
        .starts_with("/p/rain-gauge"));

    // The same files again: nothing new, nothing lost; a changed price is
    // an update of the same variant.
    let out = shop.import(&[&products, "--stock", &stock]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout)
            .contains("0 products new, 2 updated; 0 variants new, 3 updated; 0 categories new"),
        "{}",
        text(&out.stdout)
    );
    let cheaper = shop.file("cheaper.csv", &PRODUCTS.replace("899.00", "849.00"));
    assert!(shop.import(&[&cheaper]).status.success());
    let n = shop
        .scalar("SELECT CAST(COUNT(*) AS TEXT) FROM variants WHERE sku LIKE 'TK-%'")
        .await;
    assert_eq!(n, "2");
    // Catalog pages follow the database (the server polls its version).
    let mut price = String::new();
    for _ in 0..100 {
        let (_, html) = page(&base, "/p/teak-bench-kobe").await;
        price = html;
        if price.contains("849.00") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(price.contains("849.00"), "the new price never showed");
}

#[tokio::test]
async fn a_bad_file_is_refused_whole_with_every_bad_row_named() {
    let shop = Shop::new(true);
    let taken = shop
        .scalar("SELECT sku FROM variants ORDER BY id LIMIT 1")
        .await;
    let taken_ean = shop
        .scalar("SELECT ean FROM variants ORDER BY id DESC LIMIT 1")
        .await;
    let bad = format!(
        "{PRODUCTS}\
         evil,Evil,<p>hi</p><script>alert(1)</script>,,,,,,,,,,,,EV-1,,,1,,,5.00,,,,,,,\n\
         cheap,Cheap,,,,,,,,,,,,,CH-1,,,1,,,free,,,,,,,\n\
         dupe,Dupe,,,,,,,,,,,,,RG-1,,,1,,,5.00,,,,,,,\n\
         thief,Thief,,,,,,,,,,,,,{taken},,,1,,,5.00,,,,,,,\n\
         twin,Twin,,,,,,,,,,,,,TW-1,,,1,,,5.00,,,,{taken_ean},,,\n"
    );
    let products = shop.file("bad.csv", &bad);
    let stock = shop.file(
        "stock.csv",
        "sku,store,quantity\nTK-120-H,no-such-store,1\n",
    );
    // Rows that cannot be read at all are reported before the shop is asked.
    let out = shop.import(&[&products, "--stock", &stock]);
    assert!(!out.status.success());
    let said = text(&out.stderr);
    for expected in [
        "bad.csv: line 8: HTML that is not allowed in a description: <script>",
        "bad.csv: line 9: bad Variant Price: \"free\" (not a price)",
        "bad.csv: line 10: SKU \"RG-1\" is already on line 6",
        "nothing was imported: 3 rows of",
    ] {
        assert!(said.contains(expected), "{expected}\n{said}");
    }
    // Rows the shop refuses (a SKU or an EAN of another product's, an
    // unknown store).
    let readable: String = bad
        .lines()
        .filter(|l| !l.starts_with("evil,") && !l.starts_with("cheap,") && !l.starts_with("dupe,"))
        .map(|l| format!("{l}\n"))
        .collect();
    let products = shop.file("refused.csv", &readable);
    let out = shop.import(&[&products, "--stock", &stock]);
    assert!(!out.status.success());
    let said = text(&out.stderr);
    assert!(
        said.contains(&format!(
            "refused.csv: line 8: SKU {taken:?} belongs to another product"
        )),
        "{said}"
    );
    assert!(
        said.contains(&format!(
            "refused.csv: line 9: EAN {taken_ean:?} belongs to another variant in the shop"
        )),
        "{said}"
    );
    assert!(
        said.contains("stock.csv: line 2: no store \"no-such-store\""),
        "{said}"
    );
    // Nothing of either file is in the shop.
    let base = shop.serve();
    for path in [
        "/p/teak-bench-kobe",
        "/p/thief",
        "/p/twin",
        "/p/evil",
        "/p/old-stool",
    ] {
        assert_eq!(page(&base, path).await.0, StatusCode::NOT_FOUND, "{path}");
    }
}

#[tokio::test]
async fn an_empty_shop_gets_its_catalog_and_online_warehouse_from_the_import() {
    let shop = Shop::new(false);
    let products = shop.file("products.csv", PRODUCTS);
    let out = shop.import(&[&products]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    // Not a terminal: plain progress lines instead of a bar.
    assert!(
        text(&out.stderr).contains("2 of 2 products"),
        "{}",
        text(&out.stderr)
    );
    let base = shop.serve();
    let (status, html) = page(&base, "/p/rain-gauge").await;
    assert_eq!(status, StatusCode::OK);
    // 40 in the online warehouse: for sale online.
    assert!(!html.contains("Out of stock"), "{html}");
    let (status, menu) = page(&base, "/").await;
    assert_eq!(status, StatusCode::OK);
    assert!(menu.contains("/c/garden-benches") && menu.contains("/c/garden-tools"));
}

/// `n` products of two variants each, without barcodes but for one (the
/// first in-store number the shop would give, named by the last product).
fn many_products(n: usize, in_store: &str) -> String {
    let mut csv = String::from(
        "Handle,Title,Type,Option1 Name,Option1 Value,Variant SKU,Variant Price,Variant Barcode,Variant Inventory Qty\n",
    );
    for i in 0..n {
        let barcode = if i == n - 1 { in_store } else { "" };
        csv.push_str(&format!(
            "lamp-{i:05},Lamp {i},Lamps,Size,S,LA-{i:05}-S,{}.00,,2\n\
             lamp-{i:05},,,,M,LA-{i:05}-M,{}.50,{barcode},\n",
            10 + i % 90,
            11 + i % 90,
        ));
    }
    csv
}

#[tokio::test]
async fn a_catalog_larger_than_a_batch_is_imported_whole_and_again_as_updates() {
    let shop = Shop::new(true);
    // The shop's first in-store number, named by a row of the file: the
    // variants without a barcode get the numbers after it.
    let first_in_store = make_ean13(200_000_000_000);
    let n = 1_201;
    let products = shop.file("lamps.csv", &many_products(n, &first_in_store));
    let out = shop.import(&[&products]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains(&format!(
            "{n} products new, 0 updated; {} variants new, 0 updated; 1 categories new",
            2 * n
        )),
        "{}",
        text(&out.stdout)
    );
    let base = shop.serve();
    // The last batch's products, found by their codes.
    for (code, product) in [
        ("LA-01200-S", "/p/lamp-01200"),
        (first_in_store.as_str(), "/p/lamp-01200"),
        ("LA-00000-M", "/p/lamp-00000"),
    ] {
        let found = client()
            .get(format!("{base}/search?q={code}"))
            .send()
            .await
            .unwrap();
        assert_eq!(found.status(), StatusCode::FOUND, "{code}");
        let to = found.headers()["location"].to_str().unwrap();
        assert!(to.starts_with(product), "{code}: {to}");
    }
    // Every variant got a number of its own, each a valid EAN-13.
    let numbered = shop
        .scalar(
            "SELECT CAST(COUNT(DISTINCT ean) AS TEXT) FROM variants v
             JOIN products p ON p.id = v.product_id WHERE p.slug LIKE 'lamp-%'",
        )
        .await;
    assert_eq!(numbered, (2 * n).to_string());
    let (status, html) = page(&base, "/p/lamp-00601").await;
    assert_eq!(status, StatusCode::OK);
    let ld = json_ld(&html);
    let offers = ld["offers"].as_array().unwrap();
    assert_eq!(offers.len(), 2);
    assert!(offers
        .iter()
        .all(|o| is_valid_ean13(o["gtin13"].as_str().unwrap())));
    // 10 + 601 % 90
    assert_eq!(offers[0]["price"], "71.00");
    // The listing sorts by the cheapest variant's price: 99.00 first, the
    // price of every 90th lamp from the 89th.
    assert_eq!(dearest_lamp(&base).await % 90, 89);

    // Again, with both sizes of one lamp now the dearest: every row an
    // update, and the listing follows the new prices.
    let dearer = many_products(n, &first_in_store)
        .replacen("LA-00000-S,10.00", "LA-00000-S,500.00", 1)
        .replacen("LA-00000-M,11.50", "LA-00000-M,500.50", 1);
    let products = shop.file("lamps.csv", &dearer);
    let out = shop.import(&[&products]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains(&format!(
            "0 products new, {n} updated; 0 variants new, {} updated; 0 categories new",
            2 * n
        )),
        "{}",
        text(&out.stdout)
    );
    let again = shop
        .scalar("SELECT CAST(COUNT(*) AS TEXT) FROM variants WHERE sku LIKE 'LA-%'")
        .await;
    assert_eq!(again, (2 * n).to_string());
    let mut first = 0;
    for _ in 0..100 {
        first = dearest_lamp(&base).await;
        if first == 0 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(first, 0, "the listing never showed the new price");
}

/// The number of the first lamp of the lamps listed dearest first.
async fn dearest_lamp(base: &str) -> usize {
    let (status, listing) = page(base, "/c/lamps?sort=price-desc").await;
    assert_eq!(status, StatusCode::OK);
    let link = "href=\"/p/lamp-";
    let at = listing.find(link).expect("a lamp listed") + link.len();
    listing[at..at + 5].parse().unwrap()
}

#[tokio::test]
async fn stock_under_what_orders_hold_is_refused_with_its_line() {
    let (shop, store, products, _) = demo_with_products(&["TK-150-H,3"]).await;
    let variant: i64 = shop
        .scalar("SELECT CAST(id AS TEXT) FROM variants WHERE sku = 'TK-150-H'")
        .await
        .parse()
        .unwrap();
    // A shopper holds two of the three for pickup.
    let base = shop.serve();
    let guest = pickup_guest(&base, &store, variant).await;
    add_pickup(&guest, variant).await;
    let view = checkout_view(&guest).await;
    let slot = view["pickup"]["slots"][0]["starts_at"].as_i64();
    let (status, body) = place(&guest, view["key"].as_str().unwrap(), slot, &[]).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");

    let lower = shop.file(
        "lower.csv",
        &format!("sku,store,quantity\ntk-150-h,{store},1\nNO-SUCH-SKU,{store},4\n"),
    );
    let out = shop.import(&[&products, "--stock", &lower]);
    assert!(!out.status.success());
    let said = text(&out.stderr);
    for expected in [
        "lower.csv: line 2: 2 units of \"tk-150-h\" are reserved for orders, more than 1"
            .to_string(),
        "lower.csv: line 3: no variant with SKU \"NO-SUCH-SKU\"".to_string(),
    ] {
        assert!(said.contains(&expected), "{expected}\n{said}");
    }
    // Nothing changed: the store still has its three.
    let on_hand = shop
        .scalar(&format!(
            "SELECT CAST(s.on_hand AS TEXT) FROM stock s JOIN locations l ON l.id = s.location_id
             WHERE l.slug = '{store}' AND s.variant_id = {variant}"
        ))
        .await;
    assert_eq!(on_hand, "3");
    // As many as orders hold is accepted.
    let exact = shop.file(
        "exact.csv",
        &format!("sku,store,quantity\nTK-150-H,{store},2\n"),
    );
    let out = shop.import(&[&products, "--stock", &exact]);
    assert!(out.status.success(), "{}", text(&out.stderr));
}
