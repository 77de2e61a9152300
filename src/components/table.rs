use gongshi_core::format;
use gongshi_core::table::{Cell, ColKind, Record, Sort};
use leptos::prelude::*;
use std::sync::Arc;

fn cell_text(c: Cell<'_>) -> String {
    match c {
        Cell::Text(s) => s.into_owned(),
        Cell::Money(f) => format::yuan_grouped(f),
        Cell::Date(d) => d.to_string(),
        Cell::Int(n) => n.to_string(),
        Cell::Empty => "—".to_string(),
    }
}

/// A real `<table>` of `rows[indices]`: sortable header buttons (with `aria-sort`), a sample
/// badge on generated rows, and each row's notes (flags, corrections) shown beside it.
#[component]
pub fn DataTable<R>(
    rows: Arc<Vec<R>>,
    indices: Vec<u32>,
    #[prop(into)] caption: String,
    sort: (String, bool),
    on_sort: Callback<&'static str>,
) -> impl IntoView
where
    R: Record + Send + Sync + 'static,
{
    let cols = R::columns();
    let t = crate::i18n::use_tr();
    let notes_col = R::notes_column();
    let region_label = caption.clone();
    view! {
        <div class="table-wrap data" tabindex="0" role="region" aria-label=region_label>
            <table class="data-table">
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        {cols
                            .iter()
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
                            .collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {indices
                        .into_iter()
                        .map(|i| {
                            let r = &rows[i as usize];
                            let sample = r.is_sample();
                            let notes = r.notes();
                            view! {
                                <tr class:sample=sample>
                                    {(0..cols.len())
                                        .map(|c| {
                                            let kind = cols[c].kind;
                                            let text = cell_text(r.cell_lang(c, t.lang));
                                            let cls = match kind { ColKind::Money | ColKind::Int => "num", _ => "" };
                                            let extra = (c == notes_col && (!notes.is_empty() || sample)).then(|| {
                                                view! {
                                                    {sample.then(|| view! { <span class="badge sample">{t.sample_badge}</span> })}
                                                    {(!notes.is_empty()).then(|| view! {
                                                        <ul class="row-notes">{notes.iter().map(|n| view! { <li class:flag=n.starts_with('⚠')>{n.clone()}</li> }).collect_view()}</ul>
                                                    })}
                                                }
                                            });
                                            if c == 0 {
                                                view! { <th scope="row" class=cls>{text}{extra}</th> }.into_any()
                                            } else {
                                                view! { <td class=cls>{text}{extra}</td> }.into_any()
                                            }
                                        })
                                        .collect_view()}
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
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
