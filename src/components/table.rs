use gongshi_core::table::html::{rows_html_spans, RowAsk, RowWords};
use gongshi_core::table::{ColKind, Column, Record, Sort};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::{JsCast, JsValue};

/// A real `<table>` of `rows[indices]`: sortable header buttons (with `aria-sort`), a sample
/// badge on generated rows, and each row's notes (flags, corrections) shown beside it.
#[component]
pub fn DataTable<R>(
    rows: Arc<Vec<R>>,
    /// The rows shown, as row numbers into `rows`.
    #[prop(into)]
    indices: Signal<Vec<u32>>,
    #[prop(into)] caption: String,
    #[prop(into)] sort: Signal<(String, bool)>,
    on_sort: Callback<R::Col>,
    /// The search, marked in the rows' text (and what it spells in pinyin once the table is in).
    #[prop(optional, into)]
    query: Option<Signal<String>>,
) -> impl IntoView
where
    R: Record + Send + Sync + 'static,
{
    let cols = R::Col::ALL;
    let t = crate::i18n::use_tr();
    // The organisation names its divisions' column.
    let data = crate::state::use_data();
    let org = data.organisation();
    let org2 = org.clone();
    let region_label = caption.clone();
    // 对此有疑问 on each record, when the organisation publishes an address: an e-mail naming
    // the record, with the link that finds it on this page.
    let nav = crate::nav::use_nav();
    let ask_to = org.email.clone().filter(|m| gongshi_core::feedback::is_email(m));
    let ask_href = move |id: &str| {
        let to = ask_to.as_deref()?;
        let mut v = gongshi_core::view::View::page_in(nav.view.with_untracked(|v| v.page), t.lang);
        v.table.query = id.to_string();
        let (subject, body) = t.ask_record_email(id, &crate::nav::absolute_href(&v));
        gongshi_core::feedback::mailto(to, &subject, &body)
    };
    let header = move || {
        let sort = sort.get();
        cols.iter()
            .map(|&c| {
                let key = c.key();
                let (aria, arrow) = match (sort.0 == key, sort.1) {
                    (false, _) => ("none", ""),
                    (true, true) => ("descending", " ↓"),
                    (true, false) => ("ascending", " ↑"),
                };
                let unit = if c.kind() == ColKind::Money { t.money_unit } else { "" };
                let label = c.def().heading(t.lang, &org).to_string();
                view! {
                    <th scope="col" aria-sort=aria class=format!("col-{key}")>
                        <button type="button" class="sort" on:click=move |_| on_sort.run(c)>
                            {format!("{label}{unit}{arrow}")}
                        </button>
                    </th>
                }
            })
            .collect_view()
    };
    // The rows: one string per page of rows, every piece of data escaped (see rows_html), set
    // through the app's one Trusted Types policy (see trusted_html); only the rows and cells
    // that differ from those on screen are changed (super::table_rows).
    let body = NodeRef::<leptos::html::Tbody>::new();
    let html = move || {
        let q = gongshi_core::search::Query::new(&query.map(|q| q.get()).unwrap_or_default());
        let pinyin = if q.is_empty() { None } else { data.pinyin_table() };
        let words = RowWords {
            ask: Some(RowAsk { label: t.ask_record, href: &ask_href }),
            mark: (!q.is_empty()).then_some((&q, pinyin.as_deref())),
            ..RowWords::new(t.sample_badge, t.row_more, &org2)
        };
        indices.with(|ix| rows_html_spans(&rows, ix, t.lang, words))
    };
    // The first rows are in the body as it is built (as the page first shows); then each change
    // is patched in.
    let first = untrack(&html);
    let first_html = trusted_html(&first.html);
    let shown = StoredValue::new_local(super::table_rows::Shown::of(first));
    Effect::new(move |_| {
        let next = html();
        let Some(tbody) = body.get() else { return };
        shown.update_value(|s| super::table_rows::show(&tbody, s, next, trusted_html));
    });
    view! {
        <div class="table-wrap data" tabindex="0" role="region" aria-label=region_label>
            <table class="data-table">
                <caption>{caption}</caption>
                <thead>
                    // On phones the header is a row of sort chips, introduced by this label.
                    <tr data-sort-label=t.sort_by>{header}</tr>
                </thead>
                <tbody node_ref=body on:click=move |e| toggle_row(e, t) prop:innerHTML=first_html></tbody>
            </table>
        </div>
    }
}

/// On a phone a row is a card showing its first columns; its button (`row-more`, written by
/// rows_html) opens the card to show the rest, and closes it again.
fn toggle_row(e: web_sys::MouseEvent, t: &'static crate::i18n::Tr) {
    let Some(button) = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|el| el.closest("button.row-more").ok().flatten()) else {
        return;
    };
    let Some(row) = button.closest("tr").ok().flatten() else { return };
    let open = row.class_list().toggle("open").unwrap_or(false);
    let _ = button.set_attribute("aria-expanded", if open { "true" } else { "false" });
    button.set_text_content(Some(if open { t.row_less } else { t.row_more }));
}

/// The name of the app's one Trusted Types policy; the header set allows exactly this name
/// (`trusted-types gongshi-rows`, scripts/headers.mjs) with `require-trusted-types-for 'script'`.
pub const TRUSTED_TYPES_POLICY: &str = "gongshi-rows";

thread_local! {
    /// Created once (the CSP allows one policy of that name). Its rule: rows_html's output is
    /// already escaped text and markup the core wrote, so it passes through; its only caller is
    /// this file's table body.
    static POLICY: crate::trusted::Policy = crate::trusted::Policy::create(TRUSTED_TYPES_POLICY, "createHTML", |s| s);
}

/// `html` as a TrustedHTML from the rows' policy, or the plain string without Trusted Types.
fn trusted_html(html: &str) -> JsValue {
    POLICY.with(|p| p.apply(html))
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
pub fn effective_sort<C: Column>(sort: &Option<(String, bool)>, default: Sort<C>) -> (String, bool) {
    sort.clone().unwrap_or((default.column.key().to_string(), default.descending))
}
