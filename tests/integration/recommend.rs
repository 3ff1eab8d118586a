//! Recommendations over HTTP, from the demo's orders and new ones: "often
//! bought together" on product pages (else the category's newest), "because
//! you bought" for a customer and "popular at" a shopper's store on the home
//! page, none for an anonymous visitor; each block says why.

use super::accounts::{db, unique_email, Shopper};
use super::stores::place_delivery;
use super::{server, start_server_configured};
use reqwest::StatusCode;

/// The demo product most often bought with others: slug and name.
async fn most_paired(pool: &sqlx::AnyPool) -> (i64, String, String) {
    sqlx::query_as(
        "SELECT p.id, p.slug, p.name_en FROM order_lines a
         JOIN order_lines b ON b.order_id = a.order_id AND b.variant_id != a.variant_id
         JOIN variants va ON va.id = a.variant_id JOIN variants vb ON vb.id = b.variant_id
         JOIN products p ON p.id = va.product_id
         WHERE va.product_id != vb.product_id
         GROUP BY p.id, p.slug, p.name_en ORDER BY COUNT(*) DESC, p.id LIMIT 1",
    )
    .fetch_one(pool)
    .await
    .unwrap()
}

/// The recommendation block of `page` (empty when there is none).
fn block<'a>(page: &'a str, why: &str) -> &'a str {
    page.split(&format!(r#"data-why="{why}""#))
        .nth(1)
        .and_then(|rest| rest.split("</section>").next())
        .unwrap_or("")
}

#[tokio::test]
async fn product_pages_say_what_is_bought_together_else_what_is_new() {
    let own = server();
    let pool = db(own).await;
    let (_, slug, name) = most_paired(&pool).await;
    let (st, page) = Shopper::visit(&own.base)
        .await
        .get(&format!("/p/{slug}"))
        .await;
    assert_eq!(st, StatusCode::OK);
    let together = block(&page, "together");
    assert!(!together.is_empty(), "a block on {slug}");
    assert!(page.contains(&format!("Often bought together with {name}")));
    assert!(together.matches(r#"href="/p/"#).count() >= 1, "{together}");
    assert!(
        !together.contains(&format!(r#"href="/p/{slug}""#)),
        "not itself"
    );
    // A product nobody ordered: its category's newest, said so.
    let (lonely, category): (String, String) = sqlx::query_as(
        "SELECT p.slug, c.name_en FROM products p JOIN categories c ON c.id = p.category_id
         WHERE NOT EXISTS (SELECT 1 FROM variants v JOIN order_lines l ON l.variant_id = v.id
                           WHERE v.product_id = p.id)
         ORDER BY p.id LIMIT 1",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    let (_, page) = Shopper::visit(&own.base)
        .await
        .get(&format!("/p/{lonely}"))
        .await;
    assert!(page.contains(&format!("New in {category}")), "{lonely}");
    assert!(!block(&page, "new").is_empty());
}

#[tokio::test]
async fn the_home_page_recommends_by_what_a_customer_bought_and_at_their_store() {
    let own = server();
    let pool = db(own).await;
    let base = &own.base;
    let anonymous = Shopper::visit(base).await;
    let (_, page) = anonymous.get("/").await;
    assert!(
        !page.contains("os-recs"),
        "nothing personal on everybody's page"
    );

    // The store with the most pickups in the demo's orders.
    let (store, store_name): (String, String) = sqlx::query_as(
        "SELECT l.slug, l.name FROM orders o JOIN locations l ON l.id = o.pickup_location_id
         GROUP BY l.slug, l.name ORDER BY COUNT(*) DESC, l.slug LIMIT 1",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    let shopper = Shopper::visit(base).await;
    shopper.form("/api/my-store", &[("store", &store)]).await;
    let (_, page) = shopper.get("/").await;
    assert!(
        page.contains(&format!("Popular at {store_name}")),
        "{store}"
    );
    assert!(!block(&page, "popular").is_empty());

    // A customer who bought the most paired product.
    let (id, _, name) = most_paired(&pool).await;
    let variant: i64 = sqlx::query_scalar(
        "SELECT v.id FROM variants v JOIN stock s ON s.variant_id = v.id
         JOIN locations l ON l.id = s.location_id
         WHERE v.product_id = $1 AND l.slug = 'online' AND s.on_hand - s.reserved > 0
         ORDER BY v.id LIMIT 1",
    )
    .bind(id)
    .fetch_one(&pool)
    .await
    .unwrap();
    let customer = Shopper::visit(base).await;
    customer.register(&unique_email("recs")).await;
    let (_, page) = customer.get("/").await;
    assert!(
        !page.contains(r#"data-why="because""#),
        "nothing bought yet"
    );
    assert!(customer.add(variant, 1).await.0.is_success());
    let (st, body) = place_delivery(&customer).await;
    assert_eq!(st, StatusCode::CREATED, "{body}");
    let (_, page) = customer.get("/").await;
    assert!(
        page.contains(&format!("Because you bought {name}")),
        "{page}"
    );
    assert!(!block(&page, "because").is_empty());
}

#[tokio::test]
async fn new_orders_teach_what_goes_together() {
    let own = start_server_configured(|c| {
        c.recommend_refresh = std::time::Duration::from_millis(200);
    });
    let pool = db(&own).await;
    // Two products nobody has ordered yet, bought together twice.
    let fresh: Vec<(i64, String)> = sqlx::query_as(
        "SELECT v.id, p.slug FROM variants v JOIN products p ON p.id = v.product_id
         JOIN stock s ON s.variant_id = v.id JOIN locations l ON l.id = s.location_id
         WHERE l.slug = 'online' AND s.on_hand - s.reserved >= 5 AND p.variant_count = 1
           AND NOT EXISTS (SELECT 1 FROM variants w JOIN order_lines ol ON ol.variant_id = w.id
                           WHERE w.product_id = p.id)
         ORDER BY p.id LIMIT 2",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(fresh.len(), 2);
    for _ in 0..2 {
        let s = Shopper::visit(&own.base).await;
        for (variant, _) in &fresh {
            assert!(s.add(*variant, 1).await.0.is_success());
        }
        let (st, body) = place_delivery(&s).await;
        assert_eq!(st, StatusCode::CREATED, "{body}");
    }
    let (a, b, base) = (&fresh[0].1, &fresh[1].1, &own.base);
    super::eventually(100, || async move {
        let (_, page) = Shopper::visit(base).await.get(&format!("/p/{a}")).await;
        block(&page, "together")
            .contains(&format!(r#"href="/p/{b}""#))
            .then_some(())
    })
    .await
    .expect("the next count never saw the new orders");
}
