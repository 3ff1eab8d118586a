//! `/login` and `/register`: sign in or create an account. After either, the
//! guest cart is merged into the account's cart and the next page says what
//! changed. With JavaScript off the forms post and the server redirects.

use crate::api::account::{login, register};
use crate::api::ShopError;
use crate::seo::PageMeta;
use crate::shopper::{error_text, use_shopper, Shopper};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_query_map;
use omnistore_components::i18n::{t, use_locale, Msg};
use omnistore_components::model::Problem;
use omnistore_components::{LoginForm, RegisterForm};
use std::future::Future;

/// The words for `?error=`, set by the server when a form posted without
/// JavaScript failed (see `back_to_form`). A field the registration form
/// refused gets the form's own hint, which names what each field needs.
fn form_error() -> Option<String> {
    let code = use_query_map().with_untracked(|q| q.get("error"))?;
    if code == Problem::INVALID_CODE {
        return Some(t(Msg::RegisterInvalid).to_string());
    }
    Problem::code_text(&code, use_locale()).map(String::from)
}

/// `?next=` when it is a path on this site.
fn next_path() -> Option<String> {
    use_query_map()
        .with_untracked(|q| q.get("next"))
        .filter(|p| omnistore_components::model::is_local_path(p))
}

/// What the sign-in and registration forms share: the error shown, whether
/// a request is under way, and what follows it.
#[derive(Clone, Copy)]
struct Sender {
    shopper: Shopper,
    error: RwSignal<Option<String>>,
    pending: RwSignal<bool>,
}

impl Sender {
    /// In an island's set-up: `error` is the one the page came with.
    fn new(error: Option<String>) -> Self {
        crate::shopper::island_context(None);
        Sender {
            shopper: use_shopper(),
            error: RwSignal::new(error),
            pending: RwSignal::new(false),
        }
    }

    /// Sends the form. On success the server's redirect takes the page
    /// onwards and the header learns who is signed in now.
    fn send<T: 'static>(self, call: impl Future<Output = Result<T, ShopError>> + 'static) {
        self.pending.set(true);
        spawn_local(async move {
            match call.await {
                Ok(_) => self.shopper.refresh(),
                Err(e) => self.error.set(Some(error_text(&e))),
            }
            self.pending.set(false);
        });
    }
}

#[component]
pub fn LoginPage() -> impl IntoView {
    let next = next_path();
    let error = form_error();
    let register_href = match &next {
        Some(n) => format!(
            "/register?next={}",
            omnistore_components::model::encode_query_value(n)
        ),
        None => "/register".into(),
    };
    view! {
        <PageMeta
            title=t(Msg::SignIn).to_string()
            description=t(Msg::SignIn).to_string()
            canonical="/login".to_string()
        />
        <section class="os-auth">
            <h1 class="os-page-title">{t(Msg::SignIn)}</h1>
            <LoginIsland next error />
            <p>{t(Msg::NoAccountYet)} " " <a href=register_href>{t(Msg::Register)}</a></p>
        </section>
    }
}

/// The sign-in form, sent without leaving the page (an island).
#[island(lazy)]
fn LoginIsland(
    /// Where to go after signing in.
    next: Option<String>,
    /// Why the last attempt failed (from `?error=`).
    error: Option<String>,
) -> impl IntoView {
    let form = Sender::new(error);
    let submit = {
        let next = next.clone();
        Callback::new(move |(email, password): (String, String)| {
            form.send(login(email, password, next.clone()))
        })
    };
    view! { <LoginForm next=next on_submit=submit error=form.error pending=form.pending /> }
}

#[component]
pub fn RegisterPage() -> impl IntoView {
    let next = next_path();
    let error = form_error();
    view! {
        <PageMeta
            title=t(Msg::Register).to_string()
            description=t(Msg::Register).to_string()
            canonical="/register".to_string()
        />
        <section class="os-auth">
            <h1 class="os-page-title">{t(Msg::Register)}</h1>
            <RegisterIsland next error />
            <p>{t(Msg::HaveAccount)} " " <a href="/login">{t(Msg::SignIn)}</a></p>
        </section>
    }
}

/// The registration form, sent without leaving the page (an island).
#[island(lazy)]
fn RegisterIsland(
    /// Where to go after registering.
    next: Option<String>,
    /// Why the last attempt failed (from `?error=`).
    error: Option<String>,
) -> impl IntoView {
    let form = Sender::new(error);
    let submit = {
        let next = next.clone();
        Callback::new(
            move |(name, email, password, reminders): (String, String, String, bool)| {
                form.send(register(
                    name,
                    email,
                    password,
                    next.clone(),
                    reminders.then(|| "on".into()),
                ))
            },
        )
    };
    view! { <RegisterForm next=next on_submit=submit error=form.error pending=form.pending /> }
}
