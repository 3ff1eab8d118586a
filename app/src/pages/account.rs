//! `/account`: profile and "my store", saved addresses, orders, signed-in
//! devices, password and account deletion. Every form is a real form (works
//! with JavaScript off); with JavaScript the page updates in place. Without a
//! live session the page answers 401 and offers to sign in.

use crate::api::account::{
    get_account, AccountData, ChangePassword, DeleteAccount, DeleteAddress, EndSession,
    LogoutEverywhere, SaveAddress, UpdateProfile,
};
use crate::api::load::load;
use crate::api::ShopError;
use crate::seo::PageMeta;
use crate::shopper::{error_text, merge_message, use_shopper};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_query_map;
use omnistore_components::field::Input;
use omnistore_components::i18n::{t, use_locale, Locale, Msg};
use omnistore_components::model::{Address, MergeReport};
use omnistore_components::register_form::NEW_PASSWORD;
use omnistore_components::{AddressForm, Field};

/// The error of an action's last run, for an alert.
fn err_of<T>(value: Option<Result<T, ShopError>>) -> Option<String> {
    value.and_then(|r| r.err()).map(|e| error_text(&e))
}

/// What a form's last submission came to: the refusal in an alert, else
/// `done` (when given) in a status line.
fn outcome<S>(action: ServerAction<S>, done: Option<Msg>) -> impl IntoView
where
    S: ServerFn<Error = ShopError> + Clone + Send + Sync + 'static,
    S::Output: Clone + Send + Sync + 'static,
{
    move || match action.value().get()? {
        Err(e) => Some(
            view! {
                <p class="os-auth-form__error" role="alert">
                    {error_text(&e)}
                </p>
            }
            .into_any(),
        ),
        Ok(_) => done.map(|m| {
            view! {
                <p class="os-notice" role="status">
                    {t(m)}
                </p>
            }
            .into_any()
        }),
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
            {move || Suspend::new(async move {
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
                    Ok(data) => view! { <AccountIsland data /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// Every form of the account page; after each change the data is loaded
/// again and the page shows it (an island).
#[island(lazy)]
fn AccountIsland(
    /// The account as the page was rendered with.
    data: AccountData,
) -> impl IntoView {
    crate::shopper::island_context(None);
    let shopper = use_shopper();
    let profile = ServerAction::<UpdateProfile>::new();
    let save_address = ServerAction::<SaveAddress>::new();
    let delete_address = ServerAction::<DeleteAddress>::new();
    let end_session = ServerAction::<EndSession>::new();
    let password = ServerAction::<ChangePassword>::new();
    let everywhere = ServerAction::<LogoutEverywhere>::new();
    let delete = ServerAction::<DeleteAccount>::new();
    let data = RwSignal::new(data);
    // After any change, the account as it is now (browser only).
    Effect::new(move |prev: Option<()>| {
        profile.version().track();
        save_address.version().track();
        delete_address.version().track();
        end_session.version().track();
        password.version().track();
        if prev.is_some() {
            leptos::task::spawn_local(async move {
                if let Ok(now) = get_account().await {
                    data.set(now);
                }
            });
        }
    });
    // Signing out everywhere or deleting the account ends this session too.
    Effect::new(move |_| {
        let done = |v: Option<Result<(), ShopError>>| matches!(v, Some(Ok(())));
        if done(everywhere.value().get()) || done(delete.value().get()) {
            shopper.refresh();
        }
    });
    let on_save = Callback::new(move |a: Address| {
        save_address.dispatch(SaveAddress {
            id: a.id.map(|id| id.to_string()),
            name: a.name,
            street: a.street,
            postcode: a.postcode,
            city: a.city,
            phone: a.phone,
        });
    });
    move || {
        account_view(
            data.get(),
            profile,
            on_save,
            save_address,
            delete_address,
            end_session,
            password,
            everywhere,
            delete,
        )
    }
}

#[allow(clippy::too_many_arguments)]
fn account_view(
    d: AccountData,
    profile: ServerAction<UpdateProfile>,
    on_save: Callback<Address>,
    save_address: ServerAction<SaveAddress>,
    delete_address: ServerAction<DeleteAddress>,
    end_session: ServerAction<EndSession>,
    password: ServerAction<ChangePassword>,
    everywhere: ServerAction<LogoutEverywhere>,
    delete: ServerAction<DeleteAccount>,
) -> impl IntoView {
    let locale = use_locale();
    let p = d.profile;
    let current_store = p.preferred_store.clone().unwrap_or_default();
    let address_error = Signal::derive(move || err_of(save_address.value().get()));
    view! {
        <div class="os-account">
            <section class="os-account__section" aria-labelledby="os-account-profile">
                <h2 id="os-account-profile">{t(Msg::Profile)}</h2>
                <ActionForm action=profile attr:class="os-address-form">
                    {outcome(profile, Some(Msg::Saved))}
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
                </ActionForm>
            </section>

            <section class="os-account__section" aria-labelledby="os-account-addresses">
                <h2 id="os-account-addresses">{t(Msg::Addresses)}</h2>
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
                            view! {
                                <li class="os-account__item">
                                    <details>
                                        <summary>{summary.clone()}</summary>
                                        <AddressForm
                                            address=a
                                            on_save=on_save
                                            error=address_error
                                        />
                                    </details>
                                    <ActionForm
                                        action=delete_address
                                        attr:class="os-account__inline"
                                    >
                                        <input type="hidden" name="id" value=id />
                                        <button
                                            class="os-button os-button--secondary"
                                            type="submit"
                                            aria-label=format!("{} — {summary}", t(Msg::Delete))
                                        >
                                            {t(Msg::Delete)}
                                        </button>
                                    </ActionForm>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
                <details>
                    <summary>{t(Msg::AddAddress)}</summary>
                    <AddressForm address=Address::default() on_save=on_save error=address_error />
                </details>
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

            <section class="os-account__section" aria-labelledby="os-account-sessions">
                <h2 id="os-account-sessions">{t(Msg::Sessions)}</h2>
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
                                        .then(|| end_session_form(end_session, s.handle.clone()))}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
                <ActionForm action=everywhere>
                    <button class="os-button os-button--secondary" type="submit">
                        {t(Msg::SignOutEverywhere)}
                    </button>
                </ActionForm>
            </section>

            <section class="os-account__section" aria-labelledby="os-account-password">
                <h2 id="os-account-password">{t(Msg::ChangePassword)}</h2>
                <ActionForm action=password attr:class="os-auth-form">
                    {outcome(password, Some(Msg::PasswordChanged))}
                    <Field id="os-password-current" input=CURRENT_PASSWORD />
                    <Field id="os-password-new" input=CHANGED_PASSWORD />
                    <button class="os-button" type="submit">
                        {t(Msg::ChangePassword)}
                    </button>
                </ActionForm>
            </section>

            <section class="os-account__section" aria-labelledby="os-account-delete">
                <h2 id="os-account-delete">{t(Msg::DeleteAccount)}</h2>
                <p>{t(Msg::DeleteAccountWarning)}</p>
                <ActionForm action=delete attr:class="os-auth-form">
                    {outcome(delete, None)}
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
                </ActionForm>
            </section>
        </div>
    }
}

/// Signs another device out (one of the account's sessions).
fn end_session_form(end_session: ServerAction<EndSession>, handle: String) -> impl IntoView {
    view! {
        <ActionForm action=end_session attr:class="os-account__inline">
            <input type="hidden" name="handle" value=handle />
            " "
            <button class="os-button os-button--secondary" type="submit">
                {t(Msg::SignOutDevice)}
            </button>
        </ActionForm>
    }
}
