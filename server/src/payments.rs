//! Taking payment. A provider is called after the order's stock is reserved
//! and committed, never inside a transaction, so a slow provider holds no
//! lock. Real providers (Stripe, PayU, Przelewy24…) implement
//! [`PaymentProvider`]; the built-in [`TestPayments`] moves no money.

use omnistore_components::model::{Decline, Money};

#[async_trait::async_trait]
pub trait PaymentProvider: Send + Sync {
    /// Charges `amount` for `reference` (unique per order) with the shopper's
    /// chosen `method`; the provider's reference of the payment.
    async fn charge(&self, reference: &str, amount: Money, method: &str)
        -> Result<String, Decline>;
}

/// The test provider: method "card-ok" is approved, "card-decline" declined.
pub struct TestPayments;

/// The methods [`TestPayments`] knows.
pub const TEST_METHODS: [&str; 2] = ["card-ok", "card-decline"];

#[async_trait::async_trait]
impl PaymentProvider for TestPayments {
    async fn charge(
        &self,
        reference: &str,
        amount: Money,
        method: &str,
    ) -> Result<String, Decline> {
        match method {
            "card-ok" => Ok(format!("test-{reference}-{}", amount.minor)),
            "card-decline" => Err(Decline::Declined),
            _ => Err(Decline::NoMethod),
        }
    }
}
