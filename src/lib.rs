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
pub mod routes;
pub mod state;

pub use app::App;

/// Mounts the app on `<body>`, replacing the static boot message.
pub fn mount() {
    if let Some(boot) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("boot")) {
        boot.remove();
    }
    leptos::mount::mount_to_body(App);
}
