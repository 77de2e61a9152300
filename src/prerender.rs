//! The prerendered first views: `make dist` (scripts/prerender.mjs) writes every page, as this
//! app renders it at 390 px, as static HTML (the Chinese overview inside `index.html`, the
//! others in `first/PAGE.LANG.html`, which an inline script in `index.html` fetches for a plain
//! link to that page), so the first view paints before the wasm has loaded. Any other URL gets
//! no static view. When one applies, the app mounts into a detached element and [`reveal`] puts
//! it in place of the static view once the page's data is in (`app.rs`): same markup, so nothing
//! flashes or moves; what the visitor typed or ticked meanwhile is carried over. The loader
//! (see scripts/prerender.mjs) starts the app on the visitor's first interaction, or at once when
//! the data changed since the view was made.

use wasm_bindgen::JsCast;

const PRERENDER_ID: &str = "prerender";
/// Set on `<html>` by the inline script when the prerendered view does not fit the URL.
const NOT_APPLICABLE: &str = "no-prerender";
/// Set on `<html>` by the inline script while a page's view (`first/PAGE.LANG.html`) is fetched.
const WAITING_FOR_VIEW: &str = "prerender-wait";

fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

/// Set on `<html>` by the loader when the data changed since the views were made: the app shows
/// at once (its own progress) rather than leaving old figures on screen while the new ones load.
const STALE: &str = "prerender-stale";

/// Whether a prerendered view is showing for this URL, and still fits the data.
pub fn showing() -> bool {
    let Some(doc) = document() else { return false };
    let applies = doc.document_element().is_some_and(|h| !h.class_list().contains(NOT_APPLICABLE) && !h.class_list().contains(STALE));
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
        if let Some(doc) = document() {
            if let Some(pre) = doc.get_element_by_id(PRERENDER_ID) {
                pre.remove();
            }
            if let Some(html) = doc.document_element() {
                let _ = html.class_list().remove_1(WAITING_FOR_VIEW);
            }
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
    if let Some(html) = doc.document_element() {
        // A page's view still on its way (index.html's loader) is not wanted any more.
        let _ = html.class_list().remove_1(WAITING_FOR_VIEW);
    }
    match doc.get_element_by_id(PRERENDER_ID) {
        Some(pre) => {
            let typed = Typed::read(&pre);
            let _ = pre.replace_with_with_node_1(&host);
            typed.replay(&host);
        }
        None => {
            if let Some(body) = doc.body() {
                let _ = body.append_child(&host);
            }
        }
    }
    replay_tap(&host);
}

/// What the visitor did to the static view's form fields before the app took over (typed a
/// search, ticked a box, had a field focused): the app's fields at the same index get the same
/// (same markup, same order), with the events its handlers listen to.
struct Typed {
    fields: Vec<(u32, Field)>,
    focused: Option<u32>,
}

enum Field {
    Text(String),
    Checked(bool),
}

const FIELDS: &str = "input, select, textarea";

impl Typed {
    fn read(pre: &web_sys::Element) -> Typed {
        let mut fields = Vec::new();
        let mut focused = None;
        let active = document().and_then(|d| d.active_element());
        if let Ok(list) = pre.query_selector_all(FIELDS) {
            for i in 0..list.length() {
                let Some(node) = list.item(i) else { continue };
                if active.as_ref().is_some_and(|a| a.is_same_node(Some(&node))) {
                    focused = Some(i);
                }
                let Ok(input) = node.dyn_into::<web_sys::HtmlInputElement>() else { continue };
                match input.type_().as_str() {
                    "checkbox" | "radio" => {
                        if input.checked() != input.default_checked() {
                            fields.push((i, Field::Checked(input.checked())));
                        }
                    }
                    _ => {
                        if input.value() != input.default_value() {
                            fields.push((i, Field::Text(input.value())));
                        }
                    }
                }
            }
        }
        Typed { fields, focused }
    }

    fn replay(self, host: &web_sys::HtmlElement) {
        let Ok(list) = host.query_selector_all(FIELDS) else { return };
        for (i, field) in self.fields {
            let Some(input) = list.item(i).and_then(|n| n.dyn_into::<web_sys::HtmlInputElement>().ok()) else { continue };
            match field {
                Field::Text(v) => {
                    input.set_value(&v);
                    if let Ok(ev) = web_sys::Event::new_with_event_init_dict("input", &{
                        let init = web_sys::EventInit::new();
                        init.set_bubbles(true);
                        init
                    }) {
                        let _ = input.dispatch_event(&ev);
                    }
                }
                Field::Checked(on) => {
                    if input.checked() != on {
                        input.click();
                    }
                }
            }
        }
        if let Some(el) = self.focused.and_then(|i| list.item(i)).and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = el.focus();
        }
    }
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
