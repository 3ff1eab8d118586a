//! StoreLocator: find a store by city, postcode or any text, or by "Use my
//! location"; results nearest first as StoreCards beside a StoreMap, kept in
//! sync (choosing a card highlights its marker and the other way round).
//!
//! Usage:
//! ```
//! # use leptos::prelude::*;
//! # use omnistore_components::{model::StoreCard, StoreLocator};
//! # fn usage(
//! #     found: Signal<Vec<StoreCard>>,
//! #     q: Signal<String>,
//! #     mine: Signal<Option<String>>,
//! #     locate: Callback<()>,
//! #     msg: Signal<Option<String>>,
//! # ) -> impl IntoView {
//! view! { <StoreLocator stores=found query=q my_store=mine on_locate=locate message=msg /> }
//! # }
//! ```
//!
//! Server-side rendering: a GET form to `/stores` (works without
//! JavaScript) and the results; "Use my location" needs the browser's
//! geolocation, so `on_locate` runs only after hydration. With `plain` the
//! locator needs no hydration at all: cards and markers select each other
//! with links (`:target`), "Set as my store" is a plain form that comes back
//! to `back`, and "Use my location" can be a small island of its own in
//! `children`.

use crate::i18n::{t, Msg};
use crate::model::StoreCard as Card;
use crate::store_card::StoreCard;
use crate::store_map::StoreMap;
use leptos::prelude::*;

#[component]
pub fn StoreLocator(
    /// The stores found (nearest first when a position is known).
    #[prop(into)]
    stores: Signal<Vec<Card>>,
    /// The text searched for, to keep in the field.
    #[prop(into, optional)]
    query: Signal<String>,
    /// Slug of the shopper's store.
    #[prop(into, optional)]
    my_store: Signal<Option<String>>,
    /// Asks the browser for the shopper's position ("Use my location").
    #[prop(optional)]
    on_locate: Option<Callback<()>>,
    /// A message about the search or the location (e.g. permission denied).
    #[prop(into, optional)]
    message: Signal<Option<String>>,
    /// Receives the slug for "Set as my store" when JavaScript runs.
    #[prop(optional)]
    on_choose: Option<Callback<String>>,
    /// Cards and markers select each other by links, for a page that does
    /// not hydrate the locator.
    #[prop(optional)]
    plain: bool,
    /// Where "Set as my store" returns when posted as a plain form.
    #[prop(into, optional)]
    back: Option<String>,
    /// More controls under the search field (e.g. a "Use my location" island).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let selected = RwSignal::new(None::<String>);
    let select = Callback::new(move |slug: String| selected.set(Some(slug)));
    view! {
        <section class="os-store-locator" aria-label=t(Msg::FindAStore)>
            <form class="os-store-locator__search" method="get" action="/stores" role="search">
                <label class="os-store-locator__label" for="os-store-locator-q">
                    {t(Msg::StoreSearchLabel)}
                </label>
                <div class="os-store-locator__row">
                    <input
                        class="os-store-locator__input"
                        id="os-store-locator-q"
                        type="search"
                        name="q"
                        maxlength="100"
                        autocomplete="address-level2"
                        prop:value=move || query.get()
                        value=move || query.get()
                    />
                    <button class="os-button" type="submit">
                        {t(Msg::Search)}
                    </button>
                    {on_locate
                        .map(|cb| {
                            view! {
                                <button
                                    class="os-button os-button--secondary os-store-locator__locate"
                                    type="button"
                                    on:click=move |_| cb.run(())
                                >
                                    {t(Msg::UseMyLocation)}
                                </button>
                            }
                        })}
                </div>
                {children.map(|c| c())}
            </form>
            <p class="os-store-locator__message" role="status" aria-live="polite">
                {move || message.get()}
            </p>
            <div class="os-store-locator__results">
                <h2 class="os-visually-hidden">{t(Msg::StoresFound)}</h2>
                <ol class="os-store-locator__list" aria-label=t(Msg::StoresFound)>
                    {move || {
                        let mine = my_store.get();
                        stores
                            .get()
                            .into_iter()
                            .map(|s| {
                                let slug = s.slug.clone();
                                let is_mine = mine.as_deref() == Some(slug.as_str());
                                view! {
                                    <li>
                                        <StoreCard
                                            store=s
                                            mine=is_mine
                                            selected=Signal::derive(move || {
                                                selected.get().as_deref() == Some(slug.as_str())
                                            })
                                            on_select=select
                                            map_link=plain
                                            on_choose=on_choose.unwrap_or(Callback::new(|_| {}))
                                            back=back.clone()
                                        />
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ol>
                <StoreMap stores=stores selected=selected on_select=select />
            </div>
        </section>
    }
}
