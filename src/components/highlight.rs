use gongshi_core::search::{highlight_with, Query};
use leptos::prelude::*;

/// `text` with the query's matches wrapped in `<mark>` — as text nodes, never as HTML. Once the
/// pinyin table is in (a search with Latin letters), what a term spells in pinyin too.
#[component]
pub fn Highlighted(#[prop(into)] text: String, query: Query) -> impl IntoView {
    // Without the app's data (a component on its own): matches as typed only.
    let data = use_context::<crate::state::Data>();
    move || {
        let table = data.and_then(|d| d.pinyin_table());
        highlight_with(&text, &query, table.as_deref())
            .into_iter()
            .map(|(run, hit)| if hit { view! { <mark>{run}</mark> }.into_any() } else { run.into_any() })
            .collect_view()
    }
}
