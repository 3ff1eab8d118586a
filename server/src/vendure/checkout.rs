//! Checkout and orders on Vendure. The shopper's active order becomes a
//! placed Vendure order: the shopper as its customer, a shipping address (the
//! pickup store's for a pickup-only order), a shipping method (omnistore's
//! "pickup at a store" one, created in Vendure on first use, or the
//! cheapest delivery method), then a payment through Vendure's first
//! eligible payment method.
//!
//! omnistore keeps its own half (number, slot, pickup code, who may see it)
//! in its database, written before Vendure is asked so that the slot's place
//! is held, and dropped if Vendure refuses. The staff desk's moves are made
//! in Vendure too: "ready" is a fulfilment of the pickup lines, "collected"
//! settles the payment and delivers that fulfilment, "cancelled" and an
//! expired pickup cancel the Vendure order (its stock is released there).

use super::cart::owner_key;
use super::client::VendureError;
use super::customers::split_name;
use super::Vendure;
use crate::storage::platform_orders::{PlatformLine, PlatformOrder, PlatformRef};
use omnistore_components::backend::{
    is_token, new_token, BackendError, BackendResult, CartChanged, CartOwner, OrderBackend,
    OrderViewer, PlacedOrder,
};
use omnistore_components::i18n::Locale;
use omnistore_components::model::{
    Cart, CheckoutForm, Currency, Decline, Fulfilment, Money, OrderLine, OrderStatus, OrderView,
    Problem, ShortLine,
};
use serde::Deserialize;
use serde_json::{json, Value};
use std::collections::BTreeMap;

/// The code of the shipping method omnistore creates for pickup orders.
pub const PICKUP_METHOD: &str = "omnistore-pickup";

/// The order fields every call on the active order answers with.
const PLACED: &str = "id code state totalWithTax currencyCode";

/// A placed (or about to be placed) Vendure order.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Placed {
    id: String,
    code: String,
    state: String,
    total_with_tax: i64,
    currency_code: String,
}

/// An order as the Admin API shows it, for the order page and staff moves.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct AdminOrder {
    id: String,
    total_with_tax: i64,
    currency_code: String,
    lines: Vec<AdminLine>,
    payments: Vec<Stateful>,
    fulfillments: Vec<Stateful>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct AdminLine {
    id: String,
    quantity: u32,
    unit_price_with_tax: i64,
    product_variant: AdminVariant,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct AdminVariant {
    id: String,
    sku: String,
    options: Vec<Named>,
    product: Named,
}

#[derive(Debug, Deserialize)]
struct Named {
    name: String,
}

#[derive(Debug, Deserialize)]
struct Stateful {
    id: String,
    state: String,
}

const ADMIN_ORDER: &str = "id totalWithTax currencyCode
    lines { id quantity unitPriceWithTax
            productVariant { id sku options { name } product { name } } }
    payments { id state } fulfillments { id state }";

fn currency(code: &str) -> BackendResult<Currency> {
    Currency::from_code(code)
        .ok_or_else(|| VendureError::Unusable(format!("orders in {code}")).into())
}

/// What Vendure's error result on the active order means to the shopper;
/// the rest is an outage of the shop (logged with Vendure's words).
fn refusal(code: &str, message: &str) -> BackendError {
    match code {
        "PAYMENT_DECLINED_ERROR" | "PAYMENT_FAILED_ERROR" => Problem::PaymentDeclined {
            reason: Decline::Declined,
        }
        .into(),
        "INELIGIBLE_PAYMENT_METHOD_ERROR" => Problem::PaymentDeclined {
            reason: Decline::NoMethod,
        }
        .into(),
        "NO_ACTIVE_ORDER_ERROR" => Problem::CartEmpty.into(),
        // A Vendure account has this e-mail: Vendure wants it signed in.
        "EMAIL_ADDRESS_CONFLICT_ERROR" => Problem::EmailTaken.into(),
        _ => VendureError::Refused {
            code: code.to_string(),
            message: message.to_string(),
        }
        .into(),
    }
}

/// Units short for each line the shop cannot fill, with what is left.
fn short_lines(cart: &Cart) -> Vec<ShortLine> {
    cart.lines
        .iter()
        .filter(|l| l.quantity > l.available)
        .map(|l| {
            let shelf = l.store_units.unwrap_or(0);
            ShortLine {
                name: if l.variant_label.is_empty() {
                    l.product_name.clone()
                } else {
                    format!("{} ({})", l.product_name, l.variant_label)
                },
                wanted: l.quantity,
                online: l.available.saturating_sub(shelf),
                at_store: l.store_units,
            }
        })
        .collect()
}

/// omnistore's pickup split of a cart, by Vendure variant.
fn platform_lines(cart: &Cart) -> Vec<PlatformLine> {
    let mut by_variant: BTreeMap<String, PlatformLine> = BTreeMap::new();
    for l in &cart.lines {
        let variant = l.variant_id.to_string();
        let line = by_variant
            .entry(variant.clone())
            .or_insert_with(|| PlatformLine {
                variant,
                pickup: 0,
                from_warehouse: false,
            });
        if l.fulfilment == Fulfilment::Pickup {
            line.pickup += l.quantity;
            line.from_warehouse |= l.store_units.unwrap_or(0) < l.quantity;
        }
    }
    by_variant.into_values().collect()
}

impl Vendure {
    /// The calls that turn the active order into a placed one. A refusal
    /// after the order left "adding items" puts it back there, so the
    /// shopper's cart can still be changed.
    async fn submit(
        &self,
        token: &str,
        order: &PlatformOrder<'_>,
        signed_in: bool,
        number: i64,
    ) -> BackendResult<Placed> {
        let (form, store, delivery, locale) =
            (order.form, order.store, order.delivery, order.locale);
        if !signed_in {
            let (first, last) = split_name(&form.name);
            self.order_call(
                token,
                locale,
                "($i: CreateCustomerInput!) { r: setCustomerForOrder(input: $i)",
                json!({ "i": { "firstName": first, "lastName": last,
                               "emailAddress": form.email, "phoneNumber": form.phone } }),
            )
            .await?;
        }
        let (street, postcode, city) = if delivery {
            (
                form.street.clone(),
                form.postcode.clone(),
                form.city.clone(),
            )
        } else {
            let dir = self.own.directory().await?;
            let s = store
                .and_then(|slug| dir.get(slug))
                .ok_or(Problem::ChooseStoreFirst)?;
            (s.street.clone(), s.postcode.clone(), s.city.clone())
        };
        let country = self.country(locale).await?;
        self.order_call(
            token,
            locale,
            "($i: CreateAddressInput!) { r: setOrderShippingAddress(input: $i)",
            json!({ "i": { "fullName": form.name, "streetLine1": street, "postalCode": postcode,
                           "city": city, "countryCode": country, "phoneNumber": form.phone } }),
        )
        .await?;
        let method = self.shipping_method(token, delivery, locale).await?;
        self.order_call(
            token,
            locale,
            "($m: ID!) { r: setOrderShippingMethod(shippingMethodId: [$m])",
            json!({ "m": method }),
        )
        .await?;
        self.order_call(
            token,
            locale,
            " { r: transitionOrderToState(state: \"ArrangingPayment\")",
            json!({}),
        )
        .await?;
        let paid = self.pay(token, form, delivery, number, locale).await;
        if paid.is_err() {
            if let Err(e) = self
                .order_call(
                    token,
                    locale,
                    " { r: transitionOrderToState(state: \"AddingItems\")",
                    json!({}),
                )
                .await
            {
                tracing::warn!(number, error = %e, "the refused Vendure order stays in ArrangingPayment");
            }
        }
        paid
    }

    async fn pay(
        &self,
        token: &str,
        form: &CheckoutForm,
        delivery: bool,
        number: i64,
        locale: Locale,
    ) -> BackendResult<Placed> {
        #[derive(Deserialize)]
        #[serde(rename_all = "camelCase")]
        struct Methods {
            eligible_payment_methods: Vec<Method>,
        }
        #[derive(Deserialize)]
        #[serde(rename_all = "camelCase")]
        struct Method {
            code: String,
            is_eligible: bool,
        }
        let (methods, _): (Methods, _) = self
            .client
            .shop_session(
                "{ eligiblePaymentMethods { code isEligible } }",
                json!({}),
                locale,
                Some(token),
            )
            .await?;
        let method = methods
            .eligible_payment_methods
            .into_iter()
            .find(|m| m.is_eligible)
            .ok_or(Problem::PaymentDeclined {
                reason: Decline::NoMethod,
            })?;
        // What the shopper chose goes to Vendure's payment method as its
        // metadata. Vendure's test method (the dummy handler) declines when
        // told to: that is how "card-decline" is tried on it.
        let metadata = json!({
            "omnistoreOrder": number,
            "method": form.payment,
            "payAtPickup": !delivery,
            "shouldDecline": delivery && form.payment == "card-decline",
        });
        let answer = self
            .order_call(
                token,
                locale,
                "($i: PaymentInput!) { r: addPaymentToOrder(input: $i)",
                json!({ "i": { "method": method.code, "metadata": metadata } }),
            )
            .await?;
        serde_json::from_value(answer)
            .map_err(|e| VendureError::Unusable(format!("the placed order: {e}")).into())
    }

    /// A mutation on the shopper's active order (`call` opens it, with the
    /// variables it declares; the answer's fields are added here): the
    /// order, or Vendure's error result as the shopper's problem.
    async fn order_call(
        &self,
        token: &str,
        locale: Locale,
        call: &str,
        variables: Value,
    ) -> BackendResult<Value> {
        #[derive(Deserialize)]
        struct Answer {
            r: Option<Value>,
        }
        let query = format!(
            "mutation{call} {{ __typename ... on Order {{ {PLACED} }}
               ... on ErrorResult {{ errorCode message }} }} }}"
        );
        let (answer, _): (Answer, _) = self
            .client
            .shop_session(&query, variables, locale, Some(token))
            .await?;
        let r = answer.r.unwrap_or_default();
        if let Some(code) = r.get("errorCode").and_then(Value::as_str) {
            let message = r.get("message").and_then(Value::as_str).unwrap_or("");
            tracing::info!(code, message, "Vendure refused a checkout step");
            return Err(refusal(code, message));
        }
        Ok(r)
    }

    /// The country of addresses sent to Vendure: omnistore's stores are in
    /// Poland; a Vendure without it gets its first enabled country.
    pub(super) async fn country(&self, locale: Locale) -> BackendResult<String> {
        #[derive(Deserialize)]
        #[serde(rename_all = "camelCase")]
        struct Countries {
            available_countries: Vec<Code>,
        }
        #[derive(Deserialize)]
        struct Code {
            code: String,
        }
        let countries: Countries = self
            .client
            .shop_read("{ availableCountries { code } }", json!({}), locale)
            .await?;
        let codes = countries.available_countries;
        codes
            .iter()
            .find(|c| c.code == "PL")
            .or(codes.first())
            .map(|c| c.code.clone())
            .ok_or_else(|| VendureError::Unusable("Vendure has no country enabled".into()).into())
    }

    /// The shipping method's id: omnistore's pickup method for a pickup-only
    /// order, else Vendure's cheapest eligible delivery method.
    async fn shipping_method(
        &self,
        token: &str,
        delivery: bool,
        locale: Locale,
    ) -> BackendResult<String> {
        if !delivery {
            return self.pickup_method().await;
        }
        #[derive(Deserialize)]
        #[serde(rename_all = "camelCase")]
        struct Quotes {
            eligible_shipping_methods: Vec<Quote>,
        }
        #[derive(Deserialize)]
        #[serde(rename_all = "camelCase")]
        struct Quote {
            id: String,
            code: String,
            price_with_tax: i64,
        }
        let (quotes, _): (Quotes, _) = self
            .client
            .shop_session(
                "{ eligibleShippingMethods { id code priceWithTax } }",
                json!({}),
                locale,
                Some(token),
            )
            .await?;
        quotes
            .eligible_shipping_methods
            .into_iter()
            .filter(|q| q.code != PICKUP_METHOD)
            .min_by_key(|q| q.price_with_tax)
            .map(|q| q.id)
            .ok_or_else(|| {
                VendureError::Unusable("Vendure offers no delivery for this order".into()).into()
            })
    }

    /// omnistore's "pickup at a store" shipping method in Vendure (free,
    /// fulfilled by hand at the counter), created on first use.
    async fn pickup_method(&self) -> BackendResult<String> {
        let mut known = self.pickup_method.lock().await;
        if let Some(id) = known.as_ref() {
            return Ok(id.clone());
        }
        let found: Value = self
            .client
            .admin_read(
                "query($c: String!) { shippingMethods(options: { filter: { code: { eq: $c } } }) {
                   items { id } } }",
                json!({ "c": PICKUP_METHOD }),
            )
            .await?;
        let id = match found["shippingMethods"]["items"][0]["id"].as_str() {
            Some(id) => id.to_string(),
            None => {
                let created: Value = self
                    .client
                    .admin_write(
                        "mutation($i: CreateShippingMethodInput!) { createShippingMethod(input: $i) { id } }",
                        json!({ "i": {
                            "code": PICKUP_METHOD,
                            "fulfillmentHandler": "manual-fulfillment",
                            "checker": { "code": "default-shipping-eligibility-checker",
                                         "arguments": [{ "name": "orderMinimum", "value": "0" }] },
                            "calculator": { "code": "default-shipping-calculator",
                                            "arguments": [{ "name": "rate", "value": "0" },
                                                          { "name": "includesTax", "value": "auto" },
                                                          { "name": "taxRate", "value": "0" }] },
                            "translations": [{ "languageCode": "en", "name": "Pickup at a store",
                                               "description": "Collected at the store the shopper chose (omnistore)." }]
                        } }),
                    )
                    .await?;
                created["createShippingMethod"]["id"]
                    .as_str()
                    .ok_or_else(|| {
                        VendureError::Unusable("the new pickup method has no id".into())
                    })?
                    .to_string()
            }
        };
        *known = Some(id.clone());
        Ok(id)
    }

    /// Tells Vendure's admin which omnistore order this is, and where and
    /// when it is collected.
    async fn note_on_order(
        &self,
        id: &str,
        number: i64,
        store: Option<&str>,
    ) -> Result<(), VendureError> {
        let note = match store {
            Some(store) => format!("omnistore order {number}: pickup at store '{store}'"),
            None => format!("omnistore order {number}: delivery"),
        };
        let _: Value = self
            .client
            .admin_write(
                "mutation($i: AddNoteToOrderInput!) { addNoteToOrder(input: $i) { id } }",
                json!({ "i": { "id": id, "note": note, "isPublic": false } }),
            )
            .await?;
        Ok(())
    }

    async fn admin_order(&self, id: &str) -> BackendResult<AdminOrder> {
        #[derive(Deserialize)]
        struct Found {
            order: Option<AdminOrder>,
        }
        let found: Found = self
            .client
            .admin_read(
                &format!("query($id: ID!) {{ order(id: $id) {{ {ADMIN_ORDER} }} }}"),
                json!({ "id": id }),
            )
            .await?;
        found
            .order
            .ok_or_else(|| VendureError::Unusable(format!("Vendure has no order {id}")).into())
    }

    async fn move_in_vendure(
        &self,
        mine: &PlatformRef,
        store: &str,
        to: OrderStatus,
    ) -> BackendResult<()> {
        let order = self.admin_order(&mine.id).await?;
        match to {
            OrderStatus::Ready => {
                // The pickup lines are put aside: a fulfilment, handed out
                // by hand against the pickup code.
                let lines: Vec<Value> = order
                    .lines
                    .iter()
                    .filter_map(|l| {
                        let pickup = mine.lines.get(&l.product_variant.id)?.pickup;
                        (pickup > 0).then(
                            || json!({ "orderLineId": l.id, "quantity": pickup.min(l.quantity) }),
                        )
                    })
                    .collect();
                self.admin_result(
                    "($i: FulfillOrderInput!) { r: addFulfillmentToOrder(input: $i) { ... on Fulfillment { id }",
                    json!({ "i": { "lines": lines, "handler": { "code": "manual-fulfillment",
                        "arguments": [{ "name": "method", "value": format!("Pickup at {store}") },
                                      { "name": "trackingCode", "value": mine.pickup_code }] } } }),
                )
                .await?;
            }
            OrderStatus::Collected => {
                // Paid at the counter, then handed over.
                for p in order.payments.iter().filter(|p| p.state == "Authorized") {
                    self.admin_result(
                        "($id: ID!) { r: settlePayment(id: $id) { ... on Payment { id }",
                        json!({ "id": p.id }),
                    )
                    .await?;
                }
                for f in &order.fulfillments {
                    let steps: &[&str] = match f.state.as_str() {
                        "Pending" => &["Shipped", "Delivered"],
                        "Shipped" => &["Delivered"],
                        _ => &[],
                    };
                    for next in steps {
                        self.admin_result(
                            "($id: ID!, $s: String!) { r: transitionFulfillmentToState(id: $id, state: $s) { ... on Fulfillment { id }",
                            json!({ "id": f.id, "s": next }),
                        )
                        .await?;
                    }
                }
            }
            OrderStatus::Cancelled | OrderStatus::Expired => {
                self.cancel_in_vendure(&order.id, to).await?;
            }
            OrderStatus::Placed => {}
        }
        Ok(())
    }

    async fn cancel_in_vendure(&self, id: &str, why: OrderStatus) -> BackendResult<()> {
        let reason = match why {
            OrderStatus::Expired => "Not collected in time (omnistore)",
            _ => "Cancelled at the store (omnistore)",
        };
        self.admin_result(
            "($i: CancelOrderInput!) { r: cancelOrder(input: $i) { ... on Order { id }",
            json!({ "i": { "orderId": id, "reason": reason, "cancelShipping": true } }),
        )
        .await
    }

    /// An Admin API mutation whose answer is a success type or an error
    /// result (`call` opens the selection of the success type).
    async fn admin_result(&self, call: &str, variables: Value) -> BackendResult<()> {
        #[derive(Deserialize)]
        struct Answer {
            r: Value,
        }
        let answer: Answer = self
            .client
            .admin_write(
                &format!("mutation{call} ... on ErrorResult {{ errorCode message }} }} }}"),
                variables,
            )
            .await?;
        match answer.r.get("errorCode").and_then(Value::as_str) {
            None => Ok(()),
            Some(code) => Err(VendureError::Refused {
                code: code.to_string(),
                message: answer.r["message"].as_str().unwrap_or("").to_string(),
            }
            .into()),
        }
    }
}

#[async_trait::async_trait]
impl OrderBackend for Vendure {
    async fn pickup_plan(
        &self,
        cart: &Cart,
    ) -> BackendResult<Option<omnistore_components::model::PickupPlan>> {
        self.own
            .plan_pickup(cart, |variants| self.shelves(variants))
            .await
    }
    /// The owner's cart as a placed Vendure order.
    async fn place_order(
        &self,
        owner: &CartOwner,
        customer: Option<i64>,
        form: &CheckoutForm,
        locale: Locale,
    ) -> BackendResult<PlacedOrder> {
        if !is_token(&form.key) {
            return Err(Problem::FormExpired.into());
        }
        let key = owner_key(owner);
        // One checkout or cart change of a cart at a time.
        let lock = self.carts.of(&key);
        let _held = lock.lock().await;
        let guest_key = customer.is_none().then(new_token);
        if let Some(number) = self
            .own
            .placed_before(owner, &form.key, guest_key.as_deref())
            .await?
        {
            return Ok(PlacedOrder { number, guest_key });
        }
        let row = self.cart_row(&key).await?;
        let token = match row.token.as_deref() {
            Some(token) if !row.merged => token,
            _ => return Err(Problem::CartEmpty.into()),
        };
        let order = self.active_order(Some(token), locale).await?;
        let cart = self.build_cart(&key, &row, order).await?;
        if cart.lines.is_empty() {
            return Err(Problem::CartEmpty.into());
        }
        let pickup = cart.has(Fulfilment::Pickup);
        let delivery = cart.has(Fulfilment::Delivery);
        let store = form
            .check_for(pickup, delivery, cart.pickup_store.as_ref())?
            .map(|s| s.slug.as_str());
        // Vendure's stock is the truth; the shopper is told what is left.
        let short = short_lines(&cart);
        if !short.is_empty() {
            return Err(Problem::NotEnoughStock {
                lines: short,
                store: cart.pickup_store.as_ref().map(|s| s.name.clone()),
            }
            .into());
        }
        let lines = platform_lines(&cart);
        let order = PlatformOrder {
            owner,
            customer,
            form,
            locale,
            store,
            from_warehouse: lines.iter().any(|l| l.from_warehouse),
            delivery,
            total: cart.subtotal(),
            lines,
        };
        let number = self
            .own
            .open_platform_order(&order, guest_key.as_deref())
            .await?;
        // A customer's cart session is signed in to Vendure as them: the
        // order is already theirs.
        let signed_in = match owner {
            CartOwner::Customer(id) => self.own.platform_customer_of(*id).await?.is_some(),
            CartOwner::Guest(_) => false,
        };
        let placed = match self.submit(token, &order, signed_in, number).await {
            Ok(placed) => placed,
            Err(e) => {
                self.own.drop_platform_order(number).await?;
                return Err(e);
            }
        };
        let total = Money {
            minor: placed.total_with_tax,
            currency: currency(&placed.currency_code)?,
        };
        self.own
            .confirm_platform_order(number, &placed.id, &placed.code, total, delivery)
            .await?;
        tracing::info!(number, vendure = %placed.code, state = %placed.state, "order placed in Vendure");
        if let Err(e) = self.note_on_order(&placed.id, number, store).await {
            // The order stands; only Vendure's admin misses the note.
            tracing::warn!(number, error = %e, "could not add omnistore's note to the Vendure order");
        }
        // Vendure's next active order starts empty; so does omnistore's half.
        let version = self.cart_emptied(&key).await?;
        let _ = self.changes.send(CartChanged {
            owner: owner.clone(),
            version,
        });
        Ok(PlacedOrder { number, guest_key })
    }

    /// An order for its viewer: omnistore's half, with the lines and total
    /// as Vendure has them now.
    async fn order(
        &self,
        number: i64,
        viewer: &OrderViewer,
        locale: Locale,
    ) -> BackendResult<Option<OrderView>> {
        let Some(mut view) = self.own.order(number, viewer, locale).await? else {
            return Ok(None);
        };
        let Some(mine) = self.own.platform_order(number).await? else {
            return Ok(Some(view));
        };
        let order = self.admin_order(&mine.id).await?;
        let currency = currency(&order.currency_code)?;
        view.total = Money {
            minor: order.total_with_tax,
            currency,
        };
        view.lines.clear();
        // Returns of a platform's order are the platform's (see ReturnBackend).
        view.returnable.clear();
        view.return_until = None;
        for l in &order.lines {
            let v = &l.product_variant;
            let kept = mine.lines.get(&v.id);
            let pickup = kept.map_or(0, |k| k.pickup).min(l.quantity);
            for (fulfilment, quantity) in [
                (Fulfilment::Pickup, pickup),
                (Fulfilment::Delivery, l.quantity - pickup),
            ] {
                if quantity == 0 {
                    continue;
                }
                view.lines.push(OrderLine {
                    product_name: v.product.name.clone(),
                    variant_label: v
                        .options
                        .iter()
                        .map(|o| o.name.as_str())
                        .collect::<Vec<_>>()
                        .join(" / "),
                    sku: v.sku.clone(),
                    quantity,
                    unit_price: Money {
                        minor: l.unit_price_with_tax,
                        currency,
                    },
                    fulfilment,
                    from_warehouse: fulfilment == Fulfilment::Pickup
                        && kept.is_some_and(|k| k.from_warehouse),
                    // Vendure's own promotions are in its total.
                    discount: 0,
                });
            }
        }
        Ok(Some(view))
    }

    async fn orders_of(
        &self,
        customer: i64,
    ) -> BackendResult<Vec<omnistore_components::model::OrderSummary>> {
        self.own.orders_of(customer).await
    }
    async fn staff_stores(&self, customer: i64) -> BackendResult<Vec<String>> {
        self.own.staff_stores(customer).await
    }
    async fn store_orders(
        &self,
        store: &str,
    ) -> BackendResult<Vec<omnistore_components::model::OrderSummary>> {
        self.own.store_orders(store).await
    }
    /// A staff move, made in Vendure first, then in omnistore (which
    /// refuses a move its status does not allow, as on the built-in back
    /// end).
    async fn move_order(&self, store: &str, number: i64, to: OrderStatus) -> BackendResult<()> {
        if let Some(mine) = self.own.platform_order(number).await? {
            if mine.store.as_deref() == Some(store) && mine.status.can_move_to(to) {
                self.move_in_vendure(&mine, store, to).await?;
            }
        }
        self.own.move_order(store, number, to).await
    }

    /// Expires uncollected pickup orders: each Vendure order is cancelled
    /// first (its stock goes back there); one Vendure does not cancel now
    /// stays open until the next round.
    async fn expire_orders(&self, now: i64) -> BackendResult<u32> {
        let mut expiring = Vec::new();
        for (id, platform) in self.own.orders_due(now).await? {
            match platform {
                None => expiring.push(id),
                Some(order) => match self.cancel_in_vendure(&order, OrderStatus::Expired).await {
                    Ok(()) => expiring.push(id),
                    Err(e) => {
                        tracing::warn!(number = id, error = %e, "could not cancel an expired order in Vendure")
                    }
                },
            }
        }
        self.own.expire(&expiring, now).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_split_for_vendure_at_its_last_space() {
        assert_eq!(split_name("Ola Nowak"), ("Ola", "Nowak"));
        assert_eq!(
            split_name(" Anna Maria  Kowalska "),
            ("Anna Maria", "Kowalska")
        );
        assert_eq!(split_name("Cher"), ("Cher", ""));
    }

    #[test]
    fn vendures_error_results_are_the_shoppers_problems() {
        let problem = |code| match refusal(code, "") {
            BackendError::Refused(p) => Some(p),
            _ => None,
        };
        assert_eq!(
            problem("PAYMENT_DECLINED_ERROR"),
            Some(Problem::PaymentDeclined {
                reason: Decline::Declined
            })
        );
        assert_eq!(problem("NO_ACTIVE_ORDER_ERROR"), Some(Problem::CartEmpty));
        assert_eq!(
            problem("EMAIL_ADDRESS_CONFLICT_ERROR"),
            Some(Problem::EmailTaken)
        );
        // Anything else is the shop's outage, not the shopper's mistake.
        assert!(matches!(
            refusal("ORDER_STATE_TRANSITION_ERROR", "no"),
            BackendError::Unavailable(_)
        ));
    }
}
