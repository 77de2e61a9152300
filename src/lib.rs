//! gongshi (公示): the Leptos UI over `gongshi-core`. Thin by design: pages read typed context
//! (`state::Data`, `nav::Nav`), call core functions, and render.

pub mod api;
pub mod app;
pub mod components;
pub mod download;
pub mod embed;
pub mod i18n;
pub mod nav;
pub mod offline;
pub mod panic;
pub mod perf;
pub mod prerender;
pub mod routes;
pub mod state;

pub use app::App;

/// Mounts the app in `<div id="app">`, replacing the static boot message. When `index.html`
/// carries a prerendered first view that applies to this URL (see [`prerender`]), the app is
/// mounted hidden and takes over once its data is in, without a flash.
pub fn mount() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    if let Some(boot) = doc.get_element_by_id("boot") {
        boot.remove();
    }
    let Some(body) = doc.body() else { return };
    let host = doc.get_element_by_id("app").or_else(|| {
        let el = doc.create_element("div").ok()?;
        el.set_id("app");
        body.append_child(&el).ok()?;
        Some(el)
    });
    let Some(host) = host.and_then(|h| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(h).ok()) else {
        leptos::mount::mount_to_body(App);
        return;
    };
    prerender::hold(&host);
    leptos::mount::mount_to(host, App).forget();
}
