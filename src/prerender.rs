//! The prerendered first view: `make dist` (scripts/prerender.mjs) writes the overview, as this
//! app renders it, into `index.html` as static HTML, so the first view paints before the wasm
//! has loaded. An inline script in `index.html` hides it for any other URL (another page, the
//! English UI, an embed). When it applies, the app mounts hidden and [`reveal`] swaps it in
//! once the overview's data is in: same markup, so nothing flashes or moves.

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

/// Before mounting: hide the app's host while the prerendered view shows; drop a prerendered
/// view that does not apply.
pub fn hold(host: &web_sys::HtmlElement) {
    if showing() {
        host.set_hidden(true);
        // Never leave the visitor on a view that does not respond: show the app after 8 s
        // whatever its data is doing.
        if let Some(w) = web_sys::window() {
            let cb = wasm_bindgen::closure::Closure::once_into_js(reveal);
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), 8000);
        }
    } else if let Some(pre) = document().and_then(|d| d.get_element_by_id(PRERENDER_ID)) {
        pre.remove();
    }
}

/// Swaps the app in for the prerendered view (idempotent). The overview calls it once its
/// data has settled; the page keeps its scroll position.
pub fn reveal() {
    crate::perf::mark("gongshi:app:shown", None);
    let Some(doc) = document() else { return };
    let Some(pre) = doc.get_element_by_id(PRERENDER_ID) else { return };
    pre.remove();
    if let Some(host) = doc.get_element_by_id("app").and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok()) {
        host.set_hidden(false);
    }
}
