//! Offline support: registers the service worker (public/sw.js) and tells the user when newer
//! data has arrived in the background.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The worker's script, relative to the page (so any sub-path works).
const WORKER: &str = "./sw.js";

/// The Trusted Types policy for the worker's URL (the CSP requires TrustedScriptURL for
/// `serviceWorker.register`; scripts/headers.mjs allows this name). It passes `./sw.js` only.
pub const TRUSTED_TYPES_POLICY: &str = "gongshi-sw";

thread_local! {
    static POLICY: crate::trusted::Policy = crate::trusted::Policy::create(TRUSTED_TYPES_POLICY, "createScriptURL", |u| {
        if u.as_string().as_deref() == Some(WORKER) {
            u
        } else {
            JsValue::from_str("")
        }
    });
}

/// `url` as a TrustedScriptURL where the browser has Trusted Types, else the string.
fn script_url(url: &str) -> JsValue {
    POLICY.with(|p| p.apply(url))
}

/// Registers the worker and listens for data updates.
pub fn install(updated: RwSignal<bool>) {
    let Some(w) = web_sys::window() else { return };
    let nav = w.navigator();
    let Ok(sw) = js_sys::Reflect::get(&nav, &"serviceWorker".into()) else { return };
    if sw.is_undefined() {
        return;
    }
    if let Ok(register) = js_sys::Reflect::get(&sw, &"register".into()).and_then(|f| f.dyn_into::<js_sys::Function>()) {
        if let Ok(p) = register.call1(&sw, &script_url(WORKER)) {
            if let Ok(p) = p.dyn_into::<js_sys::Promise>() {
                // A failure (e.g. file:// or a host that forbids workers) only means no offline mode.
                let noop = Closure::<dyn FnMut(JsValue)>::new(|_| {});
                let _ = p.catch(&noop);
                noop.forget();
            }
        }
    }
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
        let t = js_sys::Reflect::get(&e.data(), &"type".into()).ok().and_then(|v| v.as_string());
        if t.as_deref() == Some("gongshi:data-updated") {
            updated.set(true);
        }
    });
    if let Ok(add) = js_sys::Reflect::get(&sw, &"addEventListener".into()).and_then(|f| f.dyn_into::<js_sys::Function>()) {
        let _ = add.call2(&sw, &"message".into(), on_message.as_ref());
    }
    on_message.forget();
}
