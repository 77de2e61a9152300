use crate::components::{FacetGroup, FacetOption};
use gongshi_core::table::{FacetCounts, Record};
use leptos::prelude::*;
use std::marker::PhantomData;

/// Every facet of a table, from the engine's counts. `on_toggle(facet key, value key)`.
#[component]
pub fn FacetPanel<R>(facets: Vec<FacetCounts>, on_toggle: Callback<(String, String)>, #[prop(optional)] _marker: PhantomData<R>) -> impl IntoView
where
    R: Record + Send + Sync + 'static,
{
    let lang = crate::i18n::use_lang();
    facets
        .into_iter()
        .enumerate()
        .filter(|(_, fc)| fc.values.len() > 1 || fc.values.iter().any(|v| v.2))
        .map(|(f, fc)| {
            let key = fc.facet.key.to_string();
            let options = fc
                .values
                .iter()
                .map(|(code, n, sel)| FacetOption { key: R::facet_key(f, *code), label: R::facet_label_lang(f, *code, lang), count: *n, selected: *sel })
                .collect();
            let cb = Callback::new(move |v: String| on_toggle.run((key.clone(), v)));
            view! { <FacetGroup legend=lang.pick(fc.facet.label, fc.facet.en) options=options on_toggle=cb /> }
        })
        .collect_view()
}
