//! The order e-mails' words, made from the i18n layer in the customer's
//! language. Storage gathers the facts ([`OrderMail`]); this module words
//! them; `outbox` builds and delivers the message with lettre.

use omnistore_components::i18n::{Locale, Msg};
use omnistore_components::model::{Money, OrderStatus};

/// What an order e-mail tells.
#[derive(Clone, Debug)]
pub struct OrderMail {
    pub number: i64,
    /// The customer's name as given at checkout.
    pub name: String,
    pub status: OrderStatus,
    /// Where and when to collect it, for open pickup orders.
    pub pickup: Option<PickupMail>,
    pub total: Money,
}

#[derive(Clone, Debug)]
pub struct PickupMail {
    pub store: String,
    pub street: String,
    pub city: String,
    /// The slot's start in the store's time zone.
    pub slot: String,
    pub code: String,
}

/// Subject and plain-text body of the e-mail about `mail`, in `locale`.
pub fn order_status(mail: &OrderMail, locale: Locale) -> (String, String) {
    let l = locale;
    let number = mail.number.to_string();
    let subject = match mail.status {
        OrderStatus::Placed => Msg::MailPlaced,
        OrderStatus::Ready => Msg::MailReady,
        OrderStatus::Collected => Msg::MailCollected,
        OrderStatus::Cancelled => Msg::MailCancelled,
        OrderStatus::Expired => Msg::MailExpired,
    }
    .fill(l, &[("number", &number)]);
    let mut body = format!(
        "{}\n\n{subject}.\n",
        Msg::MailGreeting.fill(l, &[("name", &mail.name)])
    );
    if let Some(p) = &mail.pickup {
        body.push('\n');
        body.push_str(&Msg::MailPickup.fill(
            l,
            &[
                ("store", &p.store),
                ("street", &p.street),
                ("city", &p.city),
                ("slot", &p.slot),
                ("code", &p.code),
            ],
        ));
        body.push('\n');
    }
    body.push('\n');
    body.push_str(&Msg::MailTotal.fill(l, &[("total", &mail.total.format(l))]));
    body.push('\n');
    (subject, body)
}

/// What a "back at your store" e-mail tells.
#[derive(Clone, Debug)]
pub struct BackInStockMail {
    pub name: String,
    /// The product's name in the customer's language.
    pub product: String,
    pub store: String,
    pub city: String,
    /// The product's page, absolute (it opens on any device).
    pub link: String,
}

/// Subject and plain-text body of a "back at your store" e-mail, in `locale`.
pub fn back_in_stock(mail: &BackInStockMail, locale: Locale) -> (String, String) {
    let l = locale;
    let subject =
        Msg::MailBackSubject.fill(l, &[("product", &mail.product), ("store", &mail.store)]);
    let body = format!(
        "{}\n\n{}\n",
        Msg::MailGreeting.fill(l, &[("name", &mail.name)]),
        Msg::MailBackBody.fill(
            l,
            &[
                ("store", &mail.store),
                ("city", &mail.city),
                ("link", &mail.link)
            ]
        )
    );
    (subject, body)
}

/// What the "return accepted" e-mail tells.
#[derive(Clone, Debug)]
pub struct ReturnMail {
    pub number: i64,
    pub code: String,
    pub name: String,
    /// Where the money goes, worded ("45,99 zł goes back the way you paid.").
    pub refund: String,
}

/// Subject and plain-text body of the e-mail about an accepted return.
pub fn return_accepted(mail: &ReturnMail, locale: Locale) -> (String, String) {
    let l = locale;
    let subject = Msg::MailReturnSubject.fill(
        l,
        &[("code", &mail.code), ("number", &mail.number.to_string())],
    );
    let body = format!(
        "{}\n\n{}\n",
        Msg::MailGreeting.fill(l, &[("name", &mail.name)]),
        Msg::MailReturnBody.fill(l, &[("refund", &mail.refund)])
    );
    (subject, body)
}

/// What a cart reminder tells.
#[derive(Clone, Debug)]
pub struct CartReminderMail {
    pub name: String,
    /// (quantity, product, variant label) in the customer's language.
    pub lines: Vec<(u32, String, String)>,
    /// The cart page, absolute (it opens the same cart on any device).
    pub link: String,
    /// The one-click unsubscribe page.
    pub unsubscribe: String,
}

/// Subject and plain-text body of a cart reminder, in `locale`.
pub fn cart_reminder(mail: &CartReminderMail, locale: Locale) -> (String, String) {
    let l = locale;
    let mut body = format!(
        "{}\n\n{}\n",
        Msg::MailGreeting.fill(l, &[("name", &mail.name)]),
        Msg::MailCartBody.text(l)
    );
    for (quantity, product, label) in &mail.lines {
        body.push_str(&format!(
            "- {}\n",
            omnistore_components::model::line_label(*quantity, product, label)
        ));
    }
    body.push('\n');
    body.push_str(&Msg::MailCartOpen.fill(l, &[("link", &mail.link)]));
    body.push_str("\n\n-- \n");
    body.push_str(&Msg::MailUnsubscribe.fill(l, &[("link", &mail.unsubscribe)]));
    body.push('\n');
    (Msg::MailCartSubject.text(l).to_string(), body)
}

/// Subject and plain-text body of "your pickup slot is today", in `locale`.
pub fn slot_today(
    number: i64,
    name: &str,
    pickup: &PickupMail,
    locale: Locale,
) -> (String, String) {
    let l = locale;
    let subject = Msg::MailSlotSubject.fill(l, &[("number", &number.to_string())]);
    let body = format!(
        "{}\n\n{}\n",
        Msg::MailGreeting.fill(l, &[("name", name)]),
        Msg::MailSlotBody.fill(
            l,
            &[
                ("slot", &pickup.slot),
                ("store", &pickup.store),
                ("street", &pickup.street),
                ("city", &pickup.city),
                ("code", &pickup.code),
            ]
        )
    );
    (subject, body)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mail(status: OrderStatus) -> OrderMail {
        OrderMail {
            number: 42,
            name: "Zofia Łukasiewicz".into(),
            status,
            pickup: Some(PickupMail {
                store: "omnistore Mokotów".into(),
                street: "Puławska 1".into(),
                city: "Warszawa".into(),
                slot: "2026-11-28 10:00".into(),
                code: "K7Q2".into(),
            }),
            total: Money::pln(12_999),
        }
    }

    #[test]
    fn the_mail_speaks_the_customers_language() {
        let (subject, body) = order_status(&mail(OrderStatus::Ready), Locale::Pl);
        assert_eq!(subject, "Zamówienie nr 42 jest gotowe do odbioru");
        assert!(body.starts_with("Dzień dobry, Zofia Łukasiewicz"), "{body}");
        assert!(body.contains("K7Q2") && body.contains("129,99"), "{body}");
        let (subject, _) = order_status(&mail(OrderStatus::Placed), Locale::En);
        assert_eq!(subject, "Your order #42 has been placed");
        let (subject, body) = order_status(&mail(OrderStatus::Ready), Locale::Ru);
        assert_eq!(subject, "Ваш заказ № 42 готов к получению");
        assert!(body.contains("Код получения: K7Q2"), "{body}");
        assert!(body.contains("129,99\u{a0}PLN"), "{body}");
    }

    #[test]
    fn the_back_in_stock_mail_names_product_store_and_link() {
        let mail = BackInStockMail {
            name: "Zofia".into(),
            product: "Lampa stołowa".into(),
            store: "omnistore Mokotów".into(),
            city: "Warszawa".into(),
            link: "https://shop.example/p/lampa?variant=7".into(),
        };
        let (subject, body) = back_in_stock(&mail, Locale::Pl);
        assert_eq!(subject, "Lampa stołowa znów w sklepie omnistore Mokotów");
        assert!(body.starts_with("Dzień dobry, Zofia,"), "{body}");
        assert!(
            body.contains("(Warszawa): https://shop.example/p/lampa?variant=7\n"),
            "{body}"
        );
        let (subject, _) = back_in_stock(&mail, Locale::En);
        assert_eq!(subject, "Lampa stołowa is back at omnistore Mokotów");
    }

    #[test]
    fn the_cart_reminder_lists_the_lines_and_both_links() {
        let mail = CartReminderMail {
            name: "Zofia".into(),
            lines: vec![(2, "Lampa stołowa".into(), "M / Zielony".into())],
            link: "https://shop.example/cart".into(),
            unsubscribe: "https://shop.example/unsubscribe?token=t".into(),
        };
        let (subject, body) = cart_reminder(&mail, Locale::Pl);
        assert_eq!(subject, "Twój koszyk na Ciebie czeka");
        assert!(body.contains("Lampa stołowa"), "{body}");
        assert!(body.contains("https://shop.example/cart"), "{body}");
        assert!(body.contains("(jedno kliknięcie): https://shop.example/unsubscribe?token=t"));
        let (_, pickup) = (0, mail_pickup());
        let (subject, body) = slot_today(42, "Zofia", &pickup, Locale::En);
        assert_eq!(subject, "Pick up order #42 today");
        assert!(
            body.contains("2026-11-28 10:00") && body.contains("K7Q2"),
            "{body}"
        );
    }

    fn mail_pickup() -> PickupMail {
        mail(OrderStatus::Ready).pickup.unwrap()
    }
}
