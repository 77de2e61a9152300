//! gongshi (公示): the Leptos UI over `gongshi-core`. Thin by design: pages read typed context
//! (`state::Data`, `nav::Nav`), call core functions, and render.
//!
//! The modules depend one way, each only on those before it (`scripts/check-layers.mjs`, run by
//! `make lint`, reads every `crate::` path and checks it):
//! platform (`api`, `debounce`, `download`, `embed`, `offline`, `panic`, `perf`, `prerender`,
//! `trusted`) → `state` → `i18n` → `nav` → `components` → `routes` → `app`.

// Platform: the browser, no app state.
pub mod api;
pub mod debounce;
pub mod download;
pub mod embed;
pub mod offline;
pub mod panic;
pub mod perf;
pub mod prerender;
pub mod trusted;

pub mod state;

pub mod i18n;

pub mod nav;

pub mod components;

pub mod routes;

pub mod app;

use leptos::prelude::*;

pub use app::App;
pub use routes::Routes;

/// A binary's whole `main`: the panic handler (its words in the address's language), then the
/// app with the pages it draws.
pub fn start(routes: Routes) {
    panic::install(|query| {
        let t = i18n::tr(gongshi_core::view::View::from_query(query).lang);
        (t.fatal, t.reload_page)
    });
    mount(routes);
}

/// Mounts the app in `<div id="app">`, replacing the static boot message. When `index.html`
/// carries a prerendered first view that applies to this URL (see [`prerender`]), the app is
/// mounted in a detached `#app` that replaces the static view once its data is in, without a
/// flash; the document never holds both.
pub fn mount(routes: Routes) {
    perf::mark("gongshi:main", None);
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    if let Some(boot) = doc.get_element_by_id("boot") {
        boot.remove();
    }
    let host = doc.create_element("div").ok().and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el).ok());
    let (Some(host), Some(body)) = (host, doc.body()) else {
        leptos::mount::mount_to_body(move || view! { <App routes /> });
        return;
    };
    host.set_id("app");
    if !prerender::hold(&host) {
        let _ = body.append_child(&host);
    }
    leptos::mount::mount_to(host, move || view! { <App routes /> }).forget();
    perf::mark("gongshi:mounted", None);
}
