use gongshi_core::search::{highlight, Query};
use leptos::prelude::*;

/// `text` with the query's matches wrapped in `<mark>` — as text nodes, never as HTML.
#[component]
pub fn Highlighted(#[prop(into)] text: String, query: Query) -> impl IntoView {
    highlight(&text, &query).into_iter().map(|(run, hit)| if hit { view! { <mark>{run}</mark> }.into_any() } else { run.into_any() }).collect_view()
}
