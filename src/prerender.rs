//! The prerendered first view: `make dist` (scripts/prerender.mjs) writes the overview, as this
//! app renders it, into `index.html` as static HTML, so the first view paints before the wasm
//! has loaded. An inline script in `index.html` hides it for any other URL (another page, the
//! English UI, an embed). When it applies, the app mounts into a detached element and [`reveal`]
//! puts it in place of the static view once the overview's data is in: same markup, so nothing
//! flashes or moves. The loader (see scripts/prerender.mjs) starts the app on the visitor's first
//! interaction, or at once when the data changed since the view was made.

use wasm_bindgen::JsCast;

const PRERENDER_ID: &str = "prerender";
/// Set on `<html>` by the inline script when the prerendered view does not fit the URL.
const NOT_APPLICABLE: &str = "no-prerender";

fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

/// Whether a prerendered view is showing for this URL.
pub fn showing() -> bool {
    let Some(doc) = document() else { return false };
    let applies = doc.document_element().is_some_and(|h| !h.class_list().contains(NOT_APPLICABLE));
    doc.get_element_by_id(PRERENDER_ID).is_some() && applies
}

thread_local! {
    /// The app's host while it waits, detached, behind the static view.
    static WAITING: std::cell::RefCell<Option<web_sys::HtmlElement>> = const { std::cell::RefCell::new(None) };
}

/// Before mounting: when the prerendered view shows, keep the app's host detached until
/// [`reveal`] (returns true); otherwise drop a prerendered view that does not apply.
pub fn hold(host: &web_sys::HtmlElement) -> bool {
    if showing() {
        WAITING.with(|w| *w.borrow_mut() = Some(host.clone()));
        // Never leave the visitor on a view that does not respond: show the app after 8 s
        // whatever its data is doing.
        if let Some(w) = web_sys::window() {
            let cb = wasm_bindgen::closure::Closure::once_into_js(reveal);
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), 8000);
        }
        true
    } else {
        if let Some(pre) = document().and_then(|d| d.get_element_by_id(PRERENDER_ID)) {
            pre.remove();
        }
        false
    }
}

/// Puts the app in place of the prerendered view (idempotent). The overview calls it once its
/// data has settled; the page keeps its scroll position (same markup, same height).
pub fn reveal() {
    crate::perf::mark("gongshi:app:shown", None);
    let Some(host) = WAITING.with(|w| w.borrow_mut().take()) else { return };
    let Some(doc) = document() else { return };
    match doc.get_element_by_id(PRERENDER_ID) {
        Some(pre) => {
            let _ = pre.replace_with_with_node_1(&host);
        }
        None => {
            if let Some(body) = doc.body() {
                let _ = body.append_child(&host);
            }
        }
    }
    replay_tap(&host);
}

/// The loader records which of the static view's buttons the visitor tapped to start the app
/// (`window.gongshiReplay`, its index among the view's buttons); the app's button at the same
/// index gets the click (same markup, same order).
fn replay_tap(host: &web_sys::HtmlElement) {
    let Some(w) = web_sys::window() else { return };
    let Some(i) = js_sys::Reflect::get(&w, &"gongshiReplay".into()).ok().and_then(|v| v.as_f64()).filter(|i| *i >= 0.0) else { return };
    let _ = js_sys::Reflect::set(&w, &"gongshiReplay".into(), &wasm_bindgen::JsValue::UNDEFINED);
    if let Some(b) = host.query_selector_all("button").ok().and_then(|l| l.item(i as u32)).and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok()) {
        b.click();
    }
}
