//! `/account`: profile and "my store", saved addresses, orders, signed-in
//! devices, password and account deletion. A server-rendered page with no
//! wasm of its own: every form is a plain form, and the server sends it back
//! here with what came of it (`?done=what`, or `?form=which&error=…`), which
//! the page shows beside that form. The forms that change nothing outside
//! this page (addresses, devices, password) are marked `data-swap`, which
//! `nav.js` posts and answers in place; the profile (language, my store),
//! signing out everywhere and deleting the account change the header, so
//! the browser loads the page they lead to. Without a live session the page
//! answers 401 and offers to sign in.

use crate::api::account::{
    get_account, AccountData, ChangePassword, DeleteAccount, DeleteAddress, EndSession,
    LogoutEverywhere, SaveAddress, SetReminders, UpdateProfile,
};
use crate::api::load::load;
use crate::seo::PageMeta;
use crate::shopper::merge_message;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_query_map;
use omnistore_components::field::Input;
use omnistore_components::i18n::{t, use_locale, Locale, Msg};
use omnistore_components::model::{Address, LoyaltyView, MergeReport, PointsKind};
use omnistore_components::register_form::NEW_PASSWORD;
use omnistore_components::{AddressForm, Field, QrCode};

/// What the server's redirect after a form says came of it.
#[derive(Clone, Default)]
struct Outcome {
    /// `?done=`: what was done.
    done: Option<String>,
    /// `?form=`: the form that was refused, with the refusal worded.
    refused: Option<(String, String)>,
}

impl Outcome {
    fn from_query() -> Outcome {
        let (done, form) = use_query_map().with_untracked(|q| (q.get("done"), q.get("form")));
        Outcome {
            done,
            refused: form.zip(super::refusal_from_query()),
        }
    }

    /// The refusal of `form`, if it was the one sent back.
    fn refusal(&self, form: &str) -> Option<String> {
        self.refused
            .as_ref()
            .filter(|(f, _)| f == form)
            .map(|(_, text)| text.clone())
    }

    /// The alert for `form`'s refusal, or the status line of what was done
    /// (`done`: each `?done=` this form's section answers, with its words).
    fn view(&self, form: &str, done: &[(&str, Msg)]) -> impl IntoView {
        let refused = self.refusal(form).map(|text| {
            view! {
                <p class="os-auth-form__error" role="alert">
                    {text}
                </p>
            }
        });
        let done = done
            .iter()
            .find(|(what, _)| self.done.as_deref() == Some(*what))
            .map(|(_, msg)| {
                view! {
                    <p class="os-notice" role="status" data-outcome="">
                        {t(*msg)}
                    </p>
                }
            });
        (refused, done)
    }
}

const CURRENT_PASSWORD: Input = Input::new("current", Msg::CurrentPassword)
    .kind("password")
    .autocomplete("current-password");
const CHANGED_PASSWORD: Input = NEW_PASSWORD.posted_as("new_password", Msg::NewPassword);

#[component]
pub fn AccountPage() -> impl IntoView {
    let locale = use_locale();
    let query = use_query_map();
    let data = load(|| (), |_| get_account());
    let merged = move || {
        query
            .with(|q| q.get("merged"))
            .and_then(|m| MergeReport::from_query(&m))
            .filter(|r| !r.is_empty())
            .map(|r| merge_message(&r, locale))
    };
    let outcome = Outcome::from_query();
    view! {
        <PageMeta
            title=t(Msg::MyAccount).to_string()
            description=t(Msg::MyAccount).to_string()
            canonical="/account".to_string()
        />
        <h1 class="os-page-title">{t(Msg::MyAccount)}</h1>
        {move || {
            merged()
                .map(|m| {
                    view! {
                        <p class="os-notice" role="status">
                            {t(Msg::Welcome)}
                            ". "
                            {m}
                        </p>
                    }
                })
        }}
        <Suspense fallback=|| {
            view! { <p>{t(Msg::Loading)}</p> }
        }>
            {move || Suspend::new({
                let outcome = outcome.clone();
                async move {
                    match data.await {
                        Err(_) => {
                            view! {
                                <section class="os-message">
                                    <p>{t(Msg::SignInNeeded)}</p>
                                    <p>
                                        <a class="os-button" href="/login?next=/account">
                                            {t(Msg::SignIn)}
                                        </a>
                                    </p>
                                </section>
                            }
                                .into_any()
                        }
                        Ok(data) => account_view(data, &outcome).into_any(),
                    }
                }
            })}
        </Suspense>
    }
}

fn account_view(d: AccountData, outcome: &Outcome) -> impl IntoView {
    let locale = use_locale();
    let p = d.profile;
    let current_store = p.preferred_store.clone().unwrap_or_default();
    view! {
        <div class="os-account">
            <section class="os-account__section" aria-labelledby="os-account-profile">
                <h2 id="os-account-profile">{t(Msg::Profile)}</h2>
                <form class="os-address-form" method="post" action=UpdateProfile::url()>
                    {outcome.view("profile", &[("profile", Msg::Saved)])}
                    <Field id="os-profile-name" input=Input::NAME value=p.name.clone() />
                    <Field id="os-profile-email" input=Input::EMAIL value=p.email.clone() />
                    <div class="os-field">
                        <label class="os-field__label" for="os-profile-language">
                            {t(Msg::Language2)}
                        </label>
                        <select class="os-field__control" id="os-profile-language" name="language">
                            {Locale::ALL
                                .into_iter()
                                .map(|l| {
                                    view! {
                                        <option value=l.tag() selected=l == p.locale>
                                            {l.native_name()}
                                        </option>
                                    }
                                })
                                .collect_view()}
                        </select>
                    </div>
                    <div class="os-field">
                        <label class="os-field__label" for="os-profile-store">
                            {t(Msg::PreferredStore)}
                        </label>
                        <select class="os-field__control" id="os-profile-store" name="store">
                            <option value="" selected=current_store.is_empty()>
                                {t(Msg::NoStoreChosen)}
                            </option>
                            {d
                                .stores
                                .into_iter()
                                .map(|(slug, label)| {
                                    let selected = slug == current_store;
                                    view! {
                                        <option value=slug selected=selected>
                                            {label}
                                        </option>
                                    }
                                })
                                .collect_view()}
                        </select>
                    </div>
                    <button class="os-button" type="submit">
                        {t(Msg::Save)}
                    </button>
                </form>
            </section>

            <section class="os-account__section" aria-labelledby="os-account-addresses">
                <h2 id="os-account-addresses">{t(Msg::Addresses)}</h2>
                {outcome
                    .view(
                        "addresses",
                        &[("address", Msg::Saved), ("address-deleted", Msg::AddressDeleted)],
                    )}
                {d.addresses.is_empty().then(|| view! { <p>{t(Msg::NoAddresses)}</p> })}
                <ul class="os-account__list">
                    {d
                        .addresses
                        .into_iter()
                        .map(|a| {
                            let id = a.id.as_ref().map(|id| id.to_string()).unwrap_or_default();
                            let summary = format!(
                                "{}, {}, {} {}",
                                a.name,
                                a.street,
                                a.postcode,
                                a.city,
                            );
                            let error = outcome.refusal(&format!("address-{id}"));
                            let open = error.is_some();
                            view! {
                                <li class="os-account__item">
                                    <details open=open>
                                        <summary>{summary.clone()}</summary>
                                        <AddressForm
                                            address=a
                                            action=SaveAddress::url()
                                            error=Signal::stored(error)
                                            attr:data-swap=""
                                        />
                                    </details>
                                    <form
                                        class="os-account__inline"
                                        method="post"
                                        action=DeleteAddress::url()
                                        data-swap=""
                                    >
                                        <input type="hidden" name="id" value=id />
                                        <button
                                            class="os-button os-button--secondary"
                                            type="submit"
                                            aria-label=format!("{} — {summary}", t(Msg::Delete))
                                        >
                                            {t(Msg::Delete)}
                                        </button>
                                    </form>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
                {
                    let error = outcome.refusal("address-new");
                    let open = error.is_some();
                    view! {
                        <details open=open>
                            <summary>{t(Msg::AddAddress)}</summary>
                            <AddressForm
                                address=Address::default()
                                action=SaveAddress::url()
                                error=Signal::stored(error)
                                attr:data-swap=""
                            />
                        </details>
                    }
                }
            </section>

            <section class="os-account__section" aria-labelledby="os-account-orders">
                <h2 id="os-account-orders">{t(Msg::Orders)}</h2>
                {d.orders.is_empty().then(|| view! { <p>{t(Msg::NoOrders)}</p> })}
                <ul class="os-account__list">
                    {d
                        .orders
                        .iter()
                        .map(|o| {
                            view! {
                                <li>
                                    <a href=o.href.clone()>{format!("#{}", o.number)}</a>
                                    " · "
                                    {o.placed_at.clone()}
                                    " · "
                                    {crate::pages::order::status_name(o.status, locale)}
                                    " · "
                                    {o.total.format(locale)}
                                    " · "
                                    {o.channel.as_str()}
                                    {o.pickup_store.clone().map(|s| format!(" · {}", s.name))}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
                {d
                    .staff_stores
                    .first()
                    .cloned()
                    .map(|s| {
                        view! {
                            <p>
                                <a href=format!("/staff/{s}/orders")>{t(Msg::StaffOrdersTitle)}</a>
                            </p>
                        }
                    })}
            </section>

            {loyalty_section(d.loyalty.clone())}
            {reminders_section(d.reminders, outcome)}

            <section class="os-account__section" aria-labelledby="os-account-sessions">
                <h2 id="os-account-sessions">{t(Msg::Sessions)}</h2>
                {outcome.view("sessions", &[("session", Msg::DeviceSignedOut)])}
                <ul class="os-account__list">
                    {d
                        .sessions
                        .into_iter()
                        .map(|s| {
                            view! {
                                <li class="os-account__item" data-current=s.current.to_string()>
                                    <strong>{s.device.clone()}</strong>
                                    {s
                                        .current
                                        .then(|| {
                                            view! {
                                                " ("
                                                {t(Msg::ThisDevice)}
                                                ")"
                                            }
                                        })}
                                    " — "
                                    {t(Msg::LastSeen)}
                                    " "
                                    {s.last_seen_utc.clone()}
                                    {(!s.current)
                                        .then(|| end_session_form(s.handle.clone(), &s.device))}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
                <form method="post" action=LogoutEverywhere::url()>
                    <button class="os-button os-button--secondary" type="submit">
                        {t(Msg::SignOutEverywhere)}
                    </button>
                </form>
            </section>

            <section class="os-account__section" aria-labelledby="os-account-password">
                <h2 id="os-account-password">{t(Msg::ChangePassword)}</h2>
                <form class="os-auth-form" method="post" action=ChangePassword::url() data-swap="">
                    {outcome.view("password", &[("password", Msg::PasswordChanged)])}
                    <Field id="os-password-current" input=CURRENT_PASSWORD />
                    <Field id="os-password-new" input=CHANGED_PASSWORD />
                    <button class="os-button" type="submit">
                        {t(Msg::ChangePassword)}
                    </button>
                </form>
            </section>

            <section class="os-account__section" aria-labelledby="os-account-delete">
                <h2 id="os-account-delete">{t(Msg::DeleteAccount)}</h2>
                <p>{t(Msg::DeleteAccountWarning)}</p>
                <form class="os-auth-form" method="post" action=DeleteAccount::url()>
                    {outcome.view("delete", &[])}
                    <div class="os-field">
                        <label class="os-field__label" for="os-delete-password">
                            {t(Msg::Password)}
                        </label>
                        <input
                            class="os-field__control"
                            id="os-delete-password"
                            type="password"
                            name="password"
                            autocomplete="current-password"
                            required
                        />
                    </div>
                    <button class="os-button os-button--secondary" type="submit">
                        {t(Msg::DeleteAccount)}
                    </button>
                </form>
            </section>
        </div>
    }
}

/// Signs another device out (one of the account's sessions).
fn end_session_form(handle: String, device: &str) -> impl IntoView {
    view! {
        <form class="os-account__inline" method="post" action=EndSession::url() data-swap="">
            <input type="hidden" name="handle" value=handle />
            " "
            <button
                class="os-button os-button--secondary"
                type="submit"
                aria-label=format!("{} — {device}", t(Msg::SignOutDevice))
            >
                {t(Msg::SignOutDevice)}
            </button>
        </form>
    }
}

/// Balance, the code staff scan at the till (and the kiosk), and the
/// history with the channel of each entry.
fn loyalty_section(l: LoyaltyView) -> impl IntoView {
    let locale = use_locale();
    let kind = |k: PointsKind| match k {
        PointsKind::Earned => Msg::PointsKindEarned,
        PointsKind::Till => Msg::PointsKindTill,
        PointsKind::Redeemed => Msg::PointsKindRedeemed,
        PointsKind::Returned => Msg::PointsKindReturned,
        PointsKind::Reversed => Msg::PointsKindReversed,
    };
    let channel = |c: &str| match c {
        "pwa" => Msg::PointsChannelPwa,
        "kiosk" => Msg::PointsChannelKiosk,
        "till" => Msg::PointsChannelTill,
        "store" => Msg::PointsChannelStore,
        "courier" => Msg::PointsChannelCourier,
        _ => Msg::PointsChannelWeb,
    };
    view! {
        <section class="os-account__section" aria-labelledby="os-account-points">
            <h2 id="os-account-points">{t(Msg::PointsTitle)}</h2>
            <p class="os-account__points" data-points=l.balance>
                <strong>
                    {Msg::PointsBalance.fill(locale, &[("points", &l.balance.to_string())])}
                </strong>
            </p>
            <p>{t(Msg::PointsCode)}</p>
            // pwa.js keeps the card for /card, which the installed app opens
            // offline (see server/src/pwa).
            <div class="os-account__card" data-os-card=l.code.clone()>
                <QrCode path=l.qr_path.clone() size=l.qr_size label=l.code.clone() />
                <p class="os-account__loyalty-code">{l.code.clone()}</p>
            </div>
            <p>
                <a href="/card">{t(Msg::CardKeep)}</a>
            </p>
            <p>{t(Msg::PointsRules)}</p>
            <h3>{t(Msg::PointsHistory)}</h3>
            {l.entries.is_empty().then(|| view! { <p>{t(Msg::PointsNone)}</p> })}
            <ul class="os-account__list os-account__points-history">
                {l
                    .entries
                    .iter()
                    .map(|e| {
                        let sign = if e.points > 0 { "+" } else { "" };
                        view! {
                            <li data-kind=e
                                .kind
                                .as_str()>
                                {e.at.clone()} " · " {t(kind(e.kind))} " " {t(channel(&e.channel))}
                                {e.store.clone().map(|s| format!(" ({s})"))}
                                {e.order.map(|n| format!(" · #{n}"))} " · "
                                <strong>{format!("{sign}{}", e.points)}</strong>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}

/// Consent to cart reminders, asked at sign-up: on or off in one click.
fn reminders_section(on: bool, outcome: &Outcome) -> impl IntoView {
    let (state, label, next) = if on {
        (Msg::RemindersOn, Msg::RemindersTurnOff, "false")
    } else {
        (Msg::RemindersOff, Msg::RemindersTurnOn, "true")
    };
    view! {
        <section class="os-account__section" aria-labelledby="os-account-reminders">
            <h2 id="os-account-reminders">{t(Msg::RemindersTitle)}</h2>
            {outcome.view("reminders", &[])}
            <form method="post" action=SetReminders::url() data-swap="">
                <p data-reminders=on.to_string()>{t(state)}</p>
                <input type="hidden" name="on" value=next />
                <button class="os-button os-button--secondary" type="submit">
                    {t(label)}
                </button>
            </form>
        </section>
    }
}
