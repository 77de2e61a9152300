use crate::components::{DataTable, FacetPanel, Pager};
use crate::nav::use_nav;
use gongshi_core::csv;
use gongshi_core::index::Index;
use gongshi_core::table::{Outcome, Record, Sort, TableState};
use leptos::prelude::*;
use std::sync::Arc;

/// Search box, facets, result count with CSV download, a totals slot, the table and paging —
/// the one implementation every dataset page uses. All state is the URL's `TableState`.
#[component]
pub fn SearchableTable<R>(
    rows: Arc<Vec<R>>,
    state: Memo<TableState>,
    outcome: Memo<Option<Arc<Outcome>>>,
    default_sort: Sort<R::Col>,
    /// Short dataset name for the CSV file name (捐赠, 救助…).
    #[prop(into)]
    dataset: String,
    #[prop(into)] search_label: String,
    #[prop(into)] placeholder: String,
    #[prop(into)] caption: String,
    /// The totals line for the filtered rows.
    totals: TotalsView<R>,
) -> impl IntoView
where
    R: Record + Send + Sync + 'static,
{
    let nav = use_nav();
    let t = crate::i18n::use_tr();
    // A dataset with no records yet: what will appear, not an empty table and a search box.
    if rows.is_empty() {
        return view! { <p class="notice empty" role="note">{t.no_records_yet}</p> }.into_any();
    }
    let input_id = format!("search-{dataset}");
    // A Latin letter in the search (typed, or in the link): the pinyin table is wanted.
    let data = crate::state::use_data();
    Effect::new(move |_| {
        if state.with(|s| gongshi_core::pinyin::wants_table(&s.query)) {
            data.want_pinyin();
        }
    });
    let pinyin_failed = move || state.with(|s| gongshi_core::pinyin::wants_table(&s.query)) && data.pinyin.with(|p| matches!(p, crate::state::Load::Failed(_)));
    let on_input = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        nav.edit(|v| {
            v.table.query = value;
            v.table.page = 0;
        });
    };
    let on_toggle = Callback::new(move |(f, val): (String, String)| nav.edit_push(|v| v.table.toggle(&f, &val)));
    let on_sort = Callback::new(move |col: R::Col| nav.edit_push(|v| v.table.click_sort(col, default_sort)));
    let results_id = format!("results-{dataset}");
    let rid = results_id.clone();
    let on_page = Callback::new(move |p: usize| {
        nav.edit_push(|v| v.table.page = p);
        if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(&rid)) {
            el.scroll_into_view();
        }
    });
    let wide = web_sys::window().and_then(|w| w.inner_width().ok()).and_then(|v| v.as_f64()).is_some_and(|w| w >= 720.0);
    let filters_open = wide || state.with_untracked(|s| s.facets.values().any(|v| !v.is_empty()));
    let active = move || state.with(|s| s.facets.values().map(|v| v.len()).sum::<usize>());
    // Shown while anything is filtered; a memo, so typing does not rebuild the button each time.
    let show_clear = Memo::new(move |_| active() > 0 || state.with(|s| !s.query.is_empty()));
    let facet_panel = view! { <FacetPanel<R> outcome=outcome on_toggle=on_toggle /> };
    let table_rows = rows.clone();

    let printing = crate::state::use_printing();
    // Each part of the results follows only what it shows, so a keystroke that leaves the first
    // page as it was (or changes only the count) redraws no table rows, and the header redraws
    // only when the sort changes.
    let ready = Memo::new(move |_| outcome.with(Option::is_some));
    let count = Memo::new(move |_| outcome.with(|o| o.as_ref().map_or((0, 0), |o| (o.rows.len(), o.sample_rows))));
    let page_of = move |o: &Outcome| state.with(|s| s.page).min(o.pages() - 1);
    let page_rows = Memo::new(move |_| {
        let all = printing.get();
        outcome.with(|o| o.as_ref().map(|o| if all { o.rows.clone() } else { o.page(page_of(o)).to_vec() }).unwrap_or_default())
    });
    let pager = Memo::new(move |_| if printing.get() { None } else { outcome.with(|o| o.as_ref().map(|o| (page_of(o), o.pages()))) });
    let sort = Memo::new(move |_| state.with(|s| s.sort_or(default_sort)));
    let csv_rows = rows.clone();
    let csv_data = crate::state::use_data();
    let download = move |_| {
        let (Some(o), st) = (outcome.get_untracked(), state.get_untracked()) else { return };
        let text = csv::to_csv(&csv_rows, &o.rows, &csv_data.organisation());
        let mut parts: Vec<String> = st.facets.iter().map(|(k, v)| format!("{k}-{}", v.iter().cloned().collect::<Vec<_>>().join("+"))).collect();
        parts.insert(0, st.query.trim().to_string());
        let name = csv::file_name_in(t.lang, &dataset, &parts, o.rows.len());
        if let Err(e) = crate::download::save_text(&name, "text/csv;charset=utf-8", &text) {
            leptos::logging::warn!("CSV download failed: {e}");
        }
    };
    let totals_rows = rows.clone();
    let results = move || {
        ready.get().then(|| {
            let totals = totals.clone();
            let rows = totals_rows.clone();
            view! {
                <div class="result-bar" id=results_id.clone()>
                    <p class="result-count" role="status" aria-live="polite">
                        {move || t.count_rows(count.get().0)}
                        {move || (count.get().1 > 0).then(|| view! { <span class="muted">{t.sample_rows(count.get().1)}</span> })}
                    </p>
                    // The count is in the result line beside it, so on a phone the button says
                    // only what it does (it wrapped to three lines in English); its name keeps
                    // the count.
                    <button type="button" class="btn small csv" aria-label=move || t.download_csv(count.get().0) on:click=download.clone()>
                        <span class="csv-long">{move || t.download_csv(count.get().0)}</span>
                        <span class="csv-short" aria-hidden="true">{t.download_csv_short()}</span>
                    </button>
                </div>
                {move || outcome.with(|o| o.as_ref().map(|o| totals(&rows, &o.rows)))}
                {move || (count.get().0 == 0).then(|| view! { <p class="empty">{t.no_rows}</p> })}
                <DataTable rows=table_rows.clone() indices=page_rows caption=caption.clone() sort=sort on_sort=on_sort query=Signal::derive(move || state.with(|s| s.query.clone())) />
                {move || pager.get().map(|(page, pages)| view! { <Pager page=page pages=pages on_page=on_page /> })}
            }
        })
    };

    view! {
        <div class="search">
            <label for=input_id.clone()>{search_label}</label>
            <input
                id=input_id
                type="search"
                placeholder=placeholder
                autocomplete="off"
                prop:value=move || state.with(|s| s.query.clone())
                on:input=on_input
            />
            {move || pinyin_failed().then(|| view! { <p class="hint pinyin-failed" role="status">{t.pinyin_failed}</p> })}
        </div>
        <details class="filters" open=filters_open>
            <summary>{t.filters} {move || (active() > 0).then(|| t.selected(active()))}</summary>
            <div class="facets grid">{facet_panel}</div>
            {move || show_clear.get().then(|| view! {
                <button type="button" class="btn small" on:click=move |_| nav.edit_push(|v| v.table = Default::default())>{t.clear_all_filters}</button>
            })}
        </details>
        {results}
    }
    .into_any()
}

/// Draws the totals line for the filtered rows (row numbers into the dataset's rows).
pub type TotalsView<R> = Arc<dyn Fn(&[R], &[u32]) -> AnyView + Send + Sync>;

/// Runs the table engine for `rows` whenever the URL state changes: the rows are indexed once
/// (see `gongshi_core::index`), then each state is answered from the index.
pub fn use_outcome<R: Record + Send + Sync + 'static>(
    rows: Signal<Option<Arc<Vec<R>>>>,
    state: Memo<TableState>,
    default_sort: Sort<R::Col>,
) -> Memo<Option<Arc<Outcome>>> {
    let index = Memo::new_with_compare(
        move |_| rows.with(|r| r.as_ref().map(|r| (r.clone(), Arc::new(index_rows(r, default_sort))))),
        |a: Option<&Option<(Arc<Vec<R>>, Arc<Index>)>>, b: Option<&Option<(Arc<Vec<R>>, Arc<Index>)>>| match (a, b) {
            (Some(Some(a)), Some(Some(b))) => !Arc::ptr_eq(&a.0, &b.0),
            (Some(None), Some(None)) => false,
            _ => true,
        },
    );
    let data = crate::state::use_data();
    Memo::new(move |_| {
        index.with(|i| {
            i.as_ref().map(|(rows, index)| {
                data.pinyin_into(index);
                Arc::new(index.run(rows, &state.get(), default_sort, &data.org()))
            })
        })
    })
}

/// Indexes `rows` and prepares the default sort order.
pub fn index_rows<R: Record>(rows: &[R], default_sort: Sort<R::Col>) -> Index {
    let index = Index::build(rows);
    index.prepare_sort(rows, default_sort);
    index
}

/// Says how many rows are generated sample data, with a switch to show only real records.
#[component]
pub fn SampleNotice(sample: usize, real: usize, #[prop(into)] what: String, state: Memo<TableState>) -> impl IntoView {
    let nav = use_nav();
    let t = crate::i18n::use_tr();
    let only_real = move || state.with(|s| s.selected("origin").is_some_and(|v| v.len() == 1 && v.contains("real")));
    let toggle = move |_| {
        nav.edit_push(|v| {
            if v.table.selected("origin").is_some_and(|s| s.len() == 1 && s.contains("real")) {
                v.table.facets.remove("origin");
            } else {
                v.table.facets.insert("origin".into(), ["real".to_string()].into());
            }
            v.table.page = 0;
        })
    };
    (sample > 0).then(|| {
        let (strong, rest) = t.sample_notice(&what, sample, real);
        view! {
            <div class="notice sample-notice" role="note">
                <p>
                    <strong>{strong}</strong>
                    {rest}
                </p>
                <button type="button" class="btn small" aria-pressed=move || only_real().to_string() on:click=toggle>
                    {move || if only_real() { t.show_sample } else { t.only_real }}
                </button>
            </div>
        }
    })
}
