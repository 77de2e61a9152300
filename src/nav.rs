//! The URL is the view: reading it, writing it, following back/forward.

use crate::debounce::Debounce;
use gongshi_core::view::{Page, View};
use leptos::prelude::*;
use wasm_bindgen::JsValue;

#[derive(Clone, Copy)]
pub struct Nav {
    pub view: RwSignal<View>,
    /// The pages this build of the app draws (`routes::Routes`); a view of any other page is
    /// a page load (the document's loader then starts the build that draws it).
    pub pages: &'static [Page],
}

fn location_search() -> String {
    web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default()
}

fn pathname() -> String {
    web_sys::window().and_then(|w| w.location().pathname().ok()).unwrap_or_default()
}

/// The link for a view: this document's path plus the view's query string.
pub fn href(view: &View) -> String {
    let q = view.to_query();
    if q.is_empty() {
        pathname()
    } else {
        format!("{}?{q}", pathname())
    }
}

/// The absolute link for a view (for embed snippets and citations).
pub fn absolute_href(view: &View) -> String {
    let origin = web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default();
    format!("{origin}{}", href(view))
}

/// How long after the last in-place edit the address bar is updated.
pub const URL_DELAY_MS: u64 = 100;

thread_local! {
    /// The address bar's write for an in-place edit, once typing pauses.
    static URL_WRITE: Debounce = Debounce::new(std::time::Duration::from_millis(URL_DELAY_MS));
}

fn replace_url(url: &str) {
    if let Some(h) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(url));
    }
}

impl Nav {
    /// Reads the current URL and follows back/forward from now on; `pages` are those this
    /// build draws.
    pub fn install(pages: &'static [Page]) -> Nav {
        let nav = Nav { view: RwSignal::new(View::from_query(&location_search())), pages };
        let _ = window_event_listener(leptos::ev::popstate, move |_| {
            // Back/forward: an in-place write still waiting belonged to the entry left behind.
            URL_WRITE.with(Debounce::cancel);
            let view = View::from_query(&location_search());
            if !nav.draws(view.page) {
                // Back to a page another build draws: load it (the address is already its own).
                if let Some(w) = web_sys::window() {
                    let _ = w.location().reload();
                }
                return;
            }
            nav.view.set(view);
        });
        // Only when the page or the language changes: writing `lang` on <html>, even the same
        // value, makes the browser restyle the whole document (`:lang()`), which on every
        // keystroke cost a few ms of each frame.
        let lang = Memo::new(move |_| nav.view.with(|v| v.lang));
        Effect::new(move |_| {
            let lang = lang.get();
            if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
                if let Some(html) = doc.document_element() {
                    if html.get_attribute("lang").as_deref() != Some(lang.html()) {
                        let _ = html.set_attribute("lang", lang.html());
                    }
                }
            }
        });
        nav
    }

    /// A new history entry, after any in-place edit still waiting (which belongs to the entry
    /// being left).
    fn push(url: &str) {
        URL_WRITE.with(Debounce::flush);
        if let Some(h) = web_sys::window().and_then(|w| w.history().ok()) {
            let _ = h.push_state_with_url(&JsValue::NULL, "", Some(url));
        }
    }

    /// Whether this build of the app draws `page` (else a link to it is a page load).
    pub fn draws(self, page: Page) -> bool {
        self.pages.contains(&page)
    }

    /// Goes to a new view, as a new history entry (page changes, facet clicks); a page this
    /// build does not draw is loaded as a new document.
    pub fn go(self, view: View) {
        if !self.draws(view.page) {
            URL_WRITE.with(Debounce::flush);
            if let Some(w) = web_sys::window() {
                let _ = w.location().assign(&href(&view));
            }
            return;
        }
        if view != self.view.get_untracked() {
            Self::push(&href(&view));
            self.view.set(view);
        }
    }

    /// Edits the current view in place (typing in the search box, expanding a problem). The
    /// address bar follows when typing pauses ([`URL_DELAY_MS`]): writing it costs about a
    /// millisecond, on every keystroke, before the results could show.
    pub fn edit(self, f: impl FnOnce(&mut View)) {
        let mut v = self.view.get_untracked();
        f(&mut v);
        let url = href(&v);
        self.view.set(v);
        URL_WRITE.with(|d| d.call(move || replace_url(&url)));
    }

    /// Like [`Nav::edit`], but as a new history entry.
    pub fn edit_push(self, f: impl FnOnce(&mut View)) {
        let mut v = self.view.get_untracked();
        f(&mut v);
        self.go(v);
    }
}

pub fn use_nav() -> Nav {
    expect_context::<Nav>()
}
