//! Returns: started from the order page by its owner (or the holder of its
//! guest link), accepted at a store's desk by staff.

use super::ShopError;
use leptos::prelude::*;
use omnistore_components::model::{AcceptedReturn, ReturnView};
use std::collections::HashMap;

/// Starts a return from the order page's form: `units[i]` units of the
/// page's returnable line `i`, `method` "store" or "courier", `key` the
/// form's (a resent form starts one return), `order_key` a guest's order
/// link key. A plain form goes back to the order page with the return's
/// code (`?returned=`), or with why not (`?error=`).
#[server(endpoint = "orders/return")]
pub async fn start_return(
    number: i64,
    key: String,
    method: String,
    order_key: Option<String>,
    units: Option<HashMap<String, String>>,
) -> Result<ReturnView, ShopError> {
    use super::ssr::*;
    use omnistore_components::backend::{hash_token, is_token, OrderViewer};
    use omnistore_components::model::{ReturnMethod, ReturnRequest};
    let who = identity()?;
    let order_key = order_key.filter(|k| is_token(k));
    let page = match &order_key {
        Some(k) => format!("/orders/{number}?key={k}"),
        None => format!("/orders/{number}"),
    };
    let bad = |p: Problem| back_with(&page, refuse(p));
    let method = ReturnMethod::parse(&method).ok_or_else(|| {
        bad(Problem::UnknownReturnMethod {
            method: method.clone(),
        })
    })?;
    let mut lines = Vec::new();
    for (line, n) in units.unwrap_or_default() {
        let n = n.trim();
        if n.is_empty() {
            continue;
        }
        let index = line
            .parse::<u32>()
            .map_err(|_| bad(Problem::NothingToReturn))?;
        let n = n.parse::<u32>().map_err(|_| {
            bad(Problem::NotANumber {
                value: n.to_string(),
            })
        })?;
        lines.push((index, n));
    }
    lines.sort_unstable();
    let viewer = OrderViewer {
        customer: who.customer,
        guest_key_hash: order_key.as_deref().map(hash_token),
    };
    let req = ReturnRequest { lines, method, key };
    let started = backend()?
        .start_return(number, &viewer, &req)
        .await
        .map_err(|e| back_with(&page, fail(e)))?;
    done_to(&format!(
        "{}#return-{}",
        with_query(&page, &format!("returned={}", started.code)),
        started.code
    ));
    Ok(started)
}

/// Staff of `store` accept the return `code`: back to the desk with what
/// happened (`?accepted=code&refund=minor&state=…&again=0|1`).
#[server(endpoint = "staff/return/accept")]
pub async fn staff_accept_return(store: String, code: String) -> Result<AcceptedReturn, ShopError> {
    use super::ssr::*;
    use omnistore_components::model::RefundState;
    super::checkout::ssr::staff_of(&store).await?;
    let back = format!("/staff/{store}/orders");
    let done = backend()?
        .accept_return(&store, &code)
        .await
        .map_err(|e| back_with(&back, fail(e)))?;
    let state = match done.refund_state {
        RefundState::Waiting => "waiting",
        RefundState::Refunded => "refunded",
        RefundState::AtCounter => "counter",
        RefundState::Pending => "pending",
    };
    done_to(&format!(
        "{back}?accepted={}&refund={}&state={state}&again={}",
        done.code,
        done.refund.minor,
        u8::from(done.repeated)
    ));
    Ok(done)
}
