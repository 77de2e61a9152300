use gongshi_core::table::{Facet, FacetValue, Outcome, Record};
use leptos::html;
use leptos::prelude::*;
use std::marker::PhantomData;
use std::sync::Arc;

/// One checkbox of the panel: its facet, its elements, and the value (code, count, selected) it
/// shows.
struct Opt {
    f: usize,
    label: NodeRef<html::Label>,
    input: NodeRef<html::Input>,
    count: NodeRef<html::Span>,
    shown: FacetValue,
}

/// Facet `f`'s value `code` in `o` (count 0, not selected, when it has none).
fn stat(o: &Outcome, f: usize, code: u32) -> FacetValue {
    o.facets.get(f).and_then(|fc| fc.values.iter().find(|v| v.code == code)).copied().unwrap_or(FacetValue { code, count: 0, selected: false })
}

/// Every facet of a table, live from the engine's counts. `on_toggle(facet key, value key)`.
///
/// The checkboxes are built once per *shape* (which facets and values show). After that one
/// effect follows the results and writes only what changed (a count's text, a box's checked
/// and disabled state): a keystroke in the search box costs a few dozen comparisons and the
/// text nodes that differ, not a reactive update per value.
#[component]
pub fn FacetPanel<R>(outcome: Memo<Option<Arc<Outcome>>>, on_toggle: Callback<(String, String)>, #[prop(optional)] _marker: PhantomData<R>) -> impl IntoView
where
    R: Record + Send + Sync + 'static,
{
    let lang = crate::i18n::use_lang();
    let data = crate::state::use_data();
    let shape = Memo::new(move |_| {
        outcome.with(|o| {
            o.as_ref()
                .map(|o| {
                    o.facets
                        .iter()
                        .enumerate()
                        .filter(|(_, fc)| fc.values.len() > 1 || fc.values.iter().any(|v| v.selected))
                        .map(|(f, fc)| (f, fc.values.iter().map(|v| v.code).collect::<Vec<u32>>()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let opts: StoredValue<Vec<Opt>> = StoredValue::new(Vec::new());
    Effect::new(move |_| {
        outcome.with(|o| {
            let Some(o) = o else { return };
            opts.update_value(|opts| {
                for opt in opts.iter_mut() {
                    let now = stat(o, opt.f, opt.shown.code);
                    if now == opt.shown {
                        continue;
                    }
                    // Not in the page yet (just rebuilt, with the current values): nothing to do.
                    let (Some(label), Some(input), Some(count)) = (opt.label.get_untracked(), opt.input.get_untracked(), opt.count.get_untracked()) else {
                        continue;
                    };
                    let empty = now.count == 0 && !now.selected;
                    if now.count != opt.shown.count {
                        count.set_text_content(Some(&now.count.to_string()));
                    }
                    input.set_checked(now.selected);
                    input.set_disabled(empty);
                    let _ = label.class_list().toggle_with_force("none", empty);
                    opt.shown = now;
                }
            });
        });
    });
    move || {
        let shape = shape.get();
        let mut built = Vec::new();
        // Division and programme values are named by the organisation.
        let org = data.org();
        let org = &*org;
        let view = {
            outcome.with_untracked(|o| {
                shape
                    .into_iter()
                    .map(|(f, codes)| {
                        let facet = R::Facet::ALL[f];
                        let def = facet.def();
                        let options = codes
                            .into_iter()
                            .map(|code| {
                                let shown = o.as_ref().map_or(FacetValue { code, count: 0, selected: false }, |o| stat(o, f, code));
                                let (label, input, count) = (NodeRef::new(), NodeRef::new(), NodeRef::new());
                                built.push(Opt { f, label, input, count, shown });
                                let empty = shown.count == 0 && !shown.selected;
                                let vkey = R::facet_key(facet, code, org);
                                let toggle = (def.key.to_string(), vkey.clone());
                                view! {
                                    <label class="facet-opt" class:none=empty data-key=vkey node_ref=label>
                                        <input
                                            type="checkbox"
                                            node_ref=input
                                            prop:checked=shown.selected
                                            disabled=empty
                                            on:change=move |_| on_toggle.run(toggle.clone())
                                        />
                                        <span class="facet-label">{R::facet_label(facet, code, lang, org)}</span>
                                        <span class="count" node_ref=count>{shown.count}</span>
                                    </label>
                                }
                            })
                            .collect_view();
                        view! {
                            <fieldset class="facet">
                                <legend>{def.heading(lang, org).to_string()}</legend>
                                {options}
                            </fieldset>
                        }
                    })
                    .collect_view()
            })
        };
        opts.set_value(built);
        view
    }
}
