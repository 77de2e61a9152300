use gongshi_core::table::{Outcome, Record};
use leptos::prelude::*;
use std::marker::PhantomData;
use std::sync::Arc;

/// Every facet of a table, live from the engine's counts. `on_toggle(facet key, value key)`.
///
/// The checkboxes are built once per *shape* (which facets and values show) and then only their
/// counts, checked and disabled states update: a keystroke in the search box changes a few dozen
/// text nodes, not the whole panel.
#[component]
pub fn FacetPanel<R>(outcome: Memo<Option<Arc<Outcome>>>, on_toggle: Callback<(String, String)>, #[prop(optional)] _marker: PhantomData<R>) -> impl IntoView
where
    R: Record + Send + Sync + 'static,
{
    let lang = crate::i18n::use_lang();
    let shape = Memo::new(move |_| {
        outcome.with(|o| {
            o.as_ref()
                .map(|o| {
                    o.facets
                        .iter()
                        .enumerate()
                        .filter(|(_, fc)| fc.values.len() > 1 || fc.values.iter().any(|v| v.2))
                        .map(|(f, fc)| (f, fc.values.iter().map(|v| v.0).collect::<Vec<u32>>()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    move || {
        shape
            .get()
            .into_iter()
            .map(|(f, codes)| {
                let def = R::facets()[f];
                let options = codes
                    .into_iter()
                    .map(|code| {
                        // (count, selected) of this value, from the latest outcome.
                        let stat = Memo::new(move |_| {
                            outcome.with(|o| o.as_ref().and_then(|o| o.facets.get(f)?.values.iter().find(|v| v.0 == code).map(|v| (v.1, v.2))).unwrap_or((0, false)))
                        });
                        let empty = move || stat.with(|(n, sel)| *n == 0 && !*sel);
                        let (fkey, vkey) = (def.key.to_string(), R::facet_key(f, code));
                        let toggle = (fkey, vkey.clone());
                        view! {
                            <label class="facet-opt" class:none=empty data-key=vkey>
                                <input
                                    type="checkbox"
                                    prop:checked=move || stat.with(|s| s.1)
                                    disabled=empty
                                    on:change=move |_| on_toggle.run(toggle.clone())
                                />
                                <span class="facet-label">{R::facet_label_lang(f, code, lang)}</span>
                                <span class="count">{move || stat.with(|s| s.0)}</span>
                            </label>
                        }
                    })
                    .collect_view();
                view! {
                    <fieldset class="facet">
                        <legend>{lang.pick(def.label, def.en)}</legend>
                        {options}
                    </fieldset>
                }
            })
            .collect_view()
    }
}
