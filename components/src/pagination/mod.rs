//! Pagination: previous / next and a window of page links around the current
//! page, as plain links (`href` builds each one), so every page is crawlable
//! and works with JavaScript off.
//!
//! Usage:
//! ```
//! # use leptos::prelude::*;
//! # use omnistore_components::Pagination;
//! # fn usage() -> impl IntoView {
//! view! { <Pagination page=2 pages=25 href=Callback::new(|p| format!("?page={p}")) /> }
//! # }
//! ```
//!
//! Server-side rendering: static markup; renders nothing when there is one page.

use crate::i18n::{t, Msg};
use leptos::prelude::*;

/// The page numbers to show: first, last and two either side of `page`;
/// `None` marks a gap ("…").
pub fn page_window(page: u32, pages: u32) -> Vec<Option<u32>> {
    let mut out = Vec::new();
    let mut last = 0;
    for p in 1..=pages {
        if p == 1 || p == pages || p.abs_diff(page) <= 2 {
            if last != 0 && p > last + 1 {
                out.push(None);
            }
            out.push(Some(p));
            last = p;
        }
    }
    out
}

#[component]
pub fn Pagination(
    /// The current page, 1-based.
    page: u32,
    /// How many pages there are.
    pages: u32,
    /// Builds the link of a page number.
    #[prop(into)]
    href: Callback<u32, String>,
) -> impl IntoView {
    (pages > 1).then(|| {
        let items = page_window(page, pages)
            .into_iter()
            .map(|item| match item {
                Some(p) if p == page => view! {
                    <li>
                        <a
                            class="os-pagination__link os-pagination__link--current"
                            href=href.run(p)
                            aria-current="page"
                        >
                            {p}
                        </a>
                    </li>
                }
                .into_any(),
                Some(p) => view! {
                    <li>
                        <a
                            class="os-pagination__link"
                            href=href.run(p)
                            aria-label=format!("{} {p}", t(Msg::Page))
                        >
                            {p}
                        </a>
                    </li>
                }
                .into_any(),
                None => view! {
                    <li class="os-pagination__gap" aria-hidden="true">
                        "…"
                    </li>
                }
                .into_any(),
            })
            .collect_view();
        view! {
            <nav class="os-pagination" aria-label=t(Msg::Pagination)>
                <ul class="os-pagination__list">
                    {(page > 1)
                        .then(|| {
                            view! {
                                <li>
                                    <a
                                        class="os-pagination__link"
                                        href=href.run(page - 1)
                                        rel="prev"
                                    >
                                        "‹ "
                                        {t(Msg::PreviousPage)}
                                    </a>
                                </li>
                            }
                        })} {items}
                    {(page < pages)
                        .then(|| {
                            view! {
                                <li>
                                    <a
                                        class="os-pagination__link"
                                        href=href.run(page + 1)
                                        rel="next"
                                    >
                                        {t(Msg::NextPage)}
                                        " ›"
                                    </a>
                                </li>
                            }
                        })}
                </ul>
            </nav>
        }
    })
}

#[cfg(test)]
mod tests {
    use super::page_window;

    #[test]
    fn window() {
        assert_eq!(page_window(1, 1), vec![Some(1)]);
        assert_eq!(
            page_window(1, 5),
            vec![Some(1), Some(2), Some(3), None, Some(5)]
        );
        assert_eq!(
            page_window(10, 25),
            vec![
                Some(1),
                None,
                Some(8),
                Some(9),
                Some(10),
                Some(11),
                Some(12),
                None,
                Some(25)
            ]
        );
        assert_eq!(
            page_window(4, 5),
            vec![Some(1), Some(2), Some(3), Some(4), Some(5)]
        );
    }
}
