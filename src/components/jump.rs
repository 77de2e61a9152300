//! Sections a thumb can jump between on a long page, and the one test for a phone-width screen.

use leptos::prelude::*;

/// True on a phone-width screen (under 600 CSS px), where charts stack and tables become cards.
pub fn narrow_screen() -> bool {
    web_sys::window().and_then(|w| w.inner_width().ok()).and_then(|v| v.as_f64()).is_some_and(|w| w < 600.0)
}

/// A row of buttons, one per section (`(element id, label)`), each scrolling its section into
/// view. Buttons, not `#id` links: the address holds the view state and stays as it is.
#[component]
pub fn JumpNav(targets: Vec<(&'static str, &'static str)>) -> impl IntoView {
    let t = crate::i18n::use_tr();
    view! {
        <nav class="jump" aria-label=t.jump_label>
            {targets
                .into_iter()
                .map(|(id, label)| {
                    let go = move |_| {
                        if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id)) {
                            el.scroll_into_view();
                        }
                    };
                    view! { <button type="button" class="chip" on:click=go>{label}</button> }
                })
                .collect_view()}
        </nav>
    }
}
