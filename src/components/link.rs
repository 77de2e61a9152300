use crate::nav::{href, use_nav};
use gongshi_core::view::View;
use leptos::prelude::*;

/// A real link to a view (works with open-in-new-tab and copy-link), handled in-app on a plain click.
#[component]
pub fn ViewLink(view: View, #[prop(optional, into)] class: String, #[prop(optional, into)] current: Signal<bool>, children: Children) -> impl IntoView {
    let nav = use_nav();
    // Links keep the language and text size the reader chose.
    let view = nav.view.with_untracked(|v| v.carry_settings(view));
    let url = href(&view);
    let on_click = move |ev: leptos::ev::MouseEvent| {
        if ev.button() == 0 && !ev.ctrl_key() && !ev.meta_key() && !ev.shift_key() && !ev.alt_key() {
            ev.prevent_default();
            nav.go(view.clone());
            if let Some(w) = web_sys::window() {
                w.scroll_to_with_x_and_y(0.0, 0.0);
            }
        }
    };
    view! {
        <a href=url class=class on:click=on_click aria-current=move || current.get().then_some("page")>
            {children()}
        </a>
    }
}
