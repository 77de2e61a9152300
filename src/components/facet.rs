use leptos::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacetOption {
    /// The value's identifier (as written in the URL).
    pub key: String,
    pub label: String,
    /// How many records selecting this value would show.
    pub count: usize,
    pub selected: bool,
}

/// A facet: a labelled group of checkboxes, each with its live count.
#[component]
pub fn FacetGroup(#[prop(into)] legend: String, options: Vec<FacetOption>, on_toggle: Callback<String>) -> impl IntoView {
    view! {
        <fieldset class="facet">
            <legend>{legend}</legend>
            {options
                .into_iter()
                .map(|o| {
                    let key = o.key.clone();
                    let empty = o.count == 0 && !o.selected;
                    view! {
                        <label class="facet-opt" class:none=empty data-key=o.key.clone()>
                            <input
                                type="checkbox"
                                prop:checked=o.selected
                                disabled=empty
                                on:change=move |_| on_toggle.run(key.clone())
                            />
                            <span class="facet-label">{o.label}</span>
                            <span class="count">{o.count}</span>
                        </label>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}
