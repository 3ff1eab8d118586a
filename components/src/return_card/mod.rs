//! ReturnCard: one return as its shopper sees it — the return code with its
//! QR code while the items are on their way, what it gives back (money,
//! spent points) and, once staff accepted it, the points taken back and
//! where the money is.
//!
//! Usage:
//! ```
//! # use leptos::prelude::*;
//! # use omnistore_components::ReturnCard;
//! # use omnistore_components::model::ReturnView;
//! # fn usage(r: ReturnView) -> impl IntoView {
//! view! { <ReturnCard ret=r /> }
//! # }
//! ```
//!
//! Server-side rendering: markup only, no island. Its words are the
//! server's (left out of the browser's tables): render it on the server.

use crate::i18n::{t, use_locale, Msg};
use crate::model::{line_label, RefundState, ReturnMethod, ReturnView};
use crate::QrCode;
use leptos::prelude::*;

#[component]
pub fn ReturnCard(
    /// The return (`order.returns`).
    ret: ReturnView,
) -> impl IntoView {
    let locale = use_locale();
    let code = ret.code.clone();
    let heading = format!("{}: {}", t(Msg::ReturnCode), ret.code);
    let points = |msg: Msg, n: i64| {
        (n > 0).then(|| view! { <p>{msg.fill(locale, &[("points", &n.to_string())])}</p> })
    };
    let how = match ret.method {
        ReturnMethod::Store => Msg::ReturnShowCode,
        ReturnMethod::Courier => Msg::ReturnCourierHow,
    };
    let refund = match ret.refund_state {
        RefundState::Waiting => None,
        RefundState::Refunded => Some(Msg::ReturnRefunded),
        RefundState::AtCounter => Some(Msg::ReturnAtCounter),
        RefundState::Pending => Some(Msg::ReturnPending),
    };
    view! {
        <article
            class="os-return-card"
            id=format!("return-{code}")
            data-accepted=ret.accepted.to_string()
        >
            <h3 class="os-return-card__code">{heading}</h3>
            <p class="os-return-card__status">
                {if ret.accepted { t(Msg::ReturnAccepted) } else { t(Msg::ReturnWaiting) }} " · "
                {ret.started_at.clone()}
            </p>
            <ul class="os-return-card__lines">
                {ret
                    .lines
                    .iter()
                    .map(|l| {
                        view! {
                            <li>{line_label(l.quantity, &l.product_name, &l.variant_label)}</li>
                        }
                    })
                    .collect_view()}
            </ul>
            <p class="os-return-card__money">
                {Msg::ReturnMoney.fill(locale, &[("amount", &ret.refund.format(locale))])}
            </p>
            {points(Msg::ReturnPointsBack, ret.points_back)}
            {points(Msg::ReturnPointsReversed, ret.points_reversed)}
            {refund.map(|m| view! { <p class="os-return-card__refund">{t(m)}</p> })}
            {(!ret.accepted)
                .then(|| {
                    view! {
                        <p>{t(how)}</p>
                        <QrCode path=ret.qr_path.clone() size=ret.qr_size label=code.clone() />
                    }
                })}
        </article>
    }
}
