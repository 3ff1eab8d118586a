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
    /// Gives `amount` of the payment `payment` (what `charge` answered)
    /// back the way it was paid. `key` is unique per refund: providers
    /// take it as their idempotency key, so a retried call refunds once.
    /// The provider's reference of the refund.
    async fn refund(&self, payment: &str, amount: Money, key: &str) -> Result<String, Decline>;
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

    async fn refund(&self, payment: &str, amount: Money, key: &str) -> Result<String, Decline> {
        // Only its own payments can be refunded, and never more than was paid.
        let paid = payment
            .strip_prefix("test-")
            .and_then(|p| p.rsplit_once('-'))
            .and_then(|(_, minor)| minor.parse::<i64>().ok())
            .ok_or(Decline::NoMethod)?;
        if amount.minor > paid || amount.minor < 0 {
            return Err(Decline::Declined);
        }
        Ok(format!("test-refund-{key}-{}", amount.minor))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn the_test_provider_refunds_its_own_payments_up_to_what_was_paid() {
        let p = TestPayments;
        let paid = p.charge("order-7", Money::pln(5_000), "card-ok").await;
        let paid = paid.expect("card-ok pays");
        assert_eq!(
            p.refund(&paid, Money::pln(2_000), "OSR-1").await.as_deref(),
            Ok("test-refund-OSR-1-2000")
        );
        assert_eq!(
            p.refund(&paid, Money::pln(5_001), "OSR-2").await,
            Err(Decline::Declined)
        );
        assert_eq!(
            p.refund("someone-else", Money::pln(1), "OSR-3").await,
            Err(Decline::NoMethod)
        );
    }
}
