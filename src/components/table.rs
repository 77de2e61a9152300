use gongshi_core::table::html::rows_html;
use gongshi_core::table::{ColKind, Record, Sort};
use leptos::prelude::*;
use std::sync::Arc;

/// A real `<table>` of `rows[indices]`: sortable header buttons (with `aria-sort`), a sample
/// badge on generated rows, and each row's notes (flags, corrections) shown beside it.
#[component]
pub fn DataTable<R>(
    rows: Arc<Vec<R>>,
    /// The rows shown, as row numbers into `rows`.
    #[prop(into)]
    indices: Signal<Vec<u32>>,
    #[prop(into)] caption: String,
    #[prop(into)]
    sort: Signal<(String, bool)>,
    on_sort: Callback<&'static str>,
) -> impl IntoView
where
    R: Record + Send + Sync + 'static,
{
    let cols = R::columns();
    let t = crate::i18n::use_tr();
    let region_label = caption.clone();
    let header = move || {
        let sort = sort.get();
        cols.iter()
            .map(|c| {
                let key = c.key;
                let aria = if sort.0 == key { if sort.1 { "descending" } else { "ascending" } } else { "none" };
                let arrow = if sort.0 == key { if sort.1 { " ↓" } else { " ↑" } } else { "" };
                let unit = if c.kind == ColKind::Money { t.money_unit } else { "" };
                let label = t.lang.pick(c.label, c.en);
                view! {
                    <th scope="col" aria-sort=aria class=format!("col-{key}")>
                        <button type="button" class="sort" on:click=move |_| on_sort.run(key)>
                            {format!("{label}{unit}{arrow}")}
                        </button>
                    </th>
                }
            })
            .collect_view()
    };
    view! {
        <div class="table-wrap data" tabindex="0" role="region" aria-label=region_label>
            <table class="data-table">
                <caption>{caption}</caption>
                <thead>
                    <tr>{header}</tr>
                </thead>
                // One string per page of rows, every piece of data escaped (see rows_html).
                <tbody inner_html=move || indices.with(|ix| rows_html(&rows, ix, t.lang, t.sample_badge))></tbody>
            </table>
        </div>
    }
}

/// Previous / next with the page position.
#[component]
pub fn Pager(page: usize, pages: usize, on_page: Callback<usize>) -> impl IntoView {
    let page = page.min(pages.saturating_sub(1));
    let first = page == 0;
    let last = page + 1 >= pages;
    let t = crate::i18n::use_tr();
    (pages > 1).then(|| {
        view! {
            <nav class="pager" aria-label=t.pager>
                <button type="button" class="btn small" disabled=first on:click=move |_| on_page.run(page.saturating_sub(1))>{t.prev_page}</button>
                <span class="page-pos">{t.page_pos(page + 1, pages)}</span>
                <button type="button" class="btn small" disabled=last on:click=move |_| on_page.run(page + 1)>{t.next_page}</button>
            </nav>
        }
    })
}

/// The default sort, for callers that need it with a state.
pub fn effective_sort(sort: &Option<(String, bool)>, default: Sort) -> (String, bool) {
    sort.clone().unwrap_or((default.column.to_string(), default.descending))
}
