//! Embed mode: a class on `<body>` that strips chrome (and, for one chart, everything but that
//! chart), and the page's height posted to the host page so its optional script can size the
//! iframe. A plain iframe with a fixed height works without any script on the host.

use gongshi_core::view::Embed;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The message the host script (public/embed.js) listens for.
pub const HEIGHT_MESSAGE: &str = "gongshi:height";

pub fn install(embed: Memo<Embed>) {
    Effect::new(move |_| {
        let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) else { return };
        let list = body.class_list();
        let e = embed.get();
        let _ = list.toggle_with_force("embed", e != Embed::None);
        let _ = list.toggle_with_force("embed-chart", matches!(e, Embed::Chart(_)));
        if e != Embed::None {
            observe_height(&body);
        }
    });
}

fn post_height(height: f64) {
    let Some(w) = web_sys::window() else { return };
    let Ok(Some(parent)) = w.parent() else { return };
    if parent == w {
        return;
    }
    let msg = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&msg, &"type".into(), &HEIGHT_MESSAGE.into());
    let _ = js_sys::Reflect::set(&msg, &"height".into(), &JsValue::from_f64(height.ceil()));
    // The height is not a secret; the host script checks where the message comes from.
    let _ = parent.post_message(&msg, "*");
}

fn observe_height(body: &web_sys::HtmlElement) {
    thread_local! {
        static OBSERVING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if OBSERVING.with(|o| o.replace(true)) {
        return;
    }
    let cb = Closure::<dyn FnMut(js_sys::Array)>::new(move |_entries: js_sys::Array| {
        if let Some(doc) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
            post_height(doc.scroll_height() as f64);
        }
    });
    if let Ok(obs) = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()) {
        obs.observe(body);
    }
    cb.forget();
}
