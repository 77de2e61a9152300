//! The URL is the view: reading it, writing it, following back/forward.

use gongshi_core::view::View;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

#[derive(Clone, Copy)]
pub struct Nav {
    pub view: RwSignal<View>,
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

impl Nav {
    /// Reads the current URL and follows back/forward from now on.
    pub fn install() -> Nav {
        let nav = Nav { view: RwSignal::new(View::from_query(&location_search())) };
        let _ = window_event_listener(leptos::ev::popstate, move |_| {
            nav.view.set(View::from_query(&location_search()));
        });
        Effect::new(move |_| {
            let (page, lang) = nav.view.with(|v| (v.page, v.lang));
            if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
                doc.set_title(&crate::i18n::tr(lang).page_title(page));
                if let Some(html) = doc.document_element() {
                    let _ = html.set_attribute("lang", lang.html());
                }
            }
        });
        nav
    }

    fn write(url: &str, push: bool) {
        if let Some(h) = web_sys::window().and_then(|w| w.history().ok()) {
            let _ = if push {
                h.push_state_with_url(&JsValue::NULL, "", Some(url))
            } else {
                h.replace_state_with_url(&JsValue::NULL, "", Some(url))
            };
        }
    }

    /// Goes to a new view, as a new history entry (page changes, facet clicks).
    pub fn go(self, view: View) {
        if view != self.view.get_untracked() {
            Self::write(&href(&view), true);
            self.view.set(view);
        }
    }

    /// Edits the current view in place (typing in the search box, expanding a problem).
    pub fn edit(self, f: impl FnOnce(&mut View)) {
        let mut v = self.view.get_untracked();
        f(&mut v);
        Self::write(&href(&v), false);
        self.view.set(v);
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
