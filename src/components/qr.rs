//! 二维码: the current view's permalink as a QR code (drawn by the core as SVG), to show on
//! screen, save, or print. Printed pages carry it too, so a printed table or report leads back
//! to the view it came from.

use crate::nav::{absolute_href, use_nav, Nav};
use gongshi_core::view::encode;
use leptos::prelude::*;

/// The QR code's SVG for the view on screen now, and the address it holds.
fn current(nav: Nav, title: &str) -> Option<(String, String)> {
    let view = nav.view.get_untracked();
    let url = absolute_href(&view);
    gongshi_core::qr::svg(&url, title, 200).ok().map(|svg| (svg, url))
}

fn data_url(svg: &str) -> String {
    format!("data:image/svg+xml;charset=utf-8,{}", encode(svg))
}

/// A fold under the page: open it to see the QR code of the view on screen (drawn when it is
/// opened, so typing pays nothing for it), with the address and a download. Before printing,
/// the print-only copy is drawn for the view being printed.
#[component]
pub fn ViewQr() -> impl IntoView {
    let t = crate::i18n::use_tr();
    let nav = use_nav();
    let shown = RwSignal::new(None::<(String, String)>);
    let (print_img, print_url) = (NodeRef::<leptos::html::Img>::new(), NodeRef::<leptos::html::Span>::new());
    let open = RwSignal::new(false);
    // Redrawn when the view changes while it is open.
    Effect::new(move |_| {
        nav.view.track();
        if open.get() {
            shown.set(current(nav, t.qr_title));
        }
    });
    let on_toggle = move |e: leptos::ev::Event| {
        let el: web_sys::HtmlDetailsElement = wasm_bindgen::JsCast::unchecked_into(event_target::<web_sys::Element>(&e));
        open.set(el.open());
    };
    // Set on the elements at once: the print is laid out as soon as this returns.
    let before_print = window_event_listener(leptos::ev::beforeprint, move |_| {
        if let (Some((svg, url)), Some(img), Some(span)) = (current(nav, t.qr_title), print_img.get_untracked(), print_url.get_untracked()) {
            img.set_src(&data_url(&svg));
            span.set_text_content(Some(&url));
        }
    });
    on_cleanup(move || before_print.remove());
    let download = move |_| {
        if let Some((svg, _)) = current(nav, t.qr_title) {
            let _ = crate::download::save_text(t.qr_file, "image/svg+xml", &svg);
        }
    };
    view! {
        <details class="view-qr no-print" on:toggle=on_toggle>
            <summary>{t.qr}</summary>
            {move || shown.get().map(|(svg, url)| view! {
                <figure>
                    <img src=data_url(&svg) alt=t.qr_alt width="200" height="200" />
                    <figcaption>{t.qr_caption}<br /><span class="qr-url">{url}</span></figcaption>
                </figure>
                <button type="button" class="btn small" on:click=download>{t.qr_save}</button>
            })}
        </details>
        <figure class="print-only qr-print">
            <img node_ref=print_img alt=t.qr_alt width="120" height="120" />
            <figcaption>{t.qr_caption}<br /><span node_ref=print_url></span></figcaption>
        </figure>
    }
}
