//! A panic anywhere shows a friendly message with a reload button instead of a frozen page.
//! The technical detail goes to the console as a warning (for whoever debugs), not an error.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The message and the button's label for a page address's query (its language); given by
/// `main.rs`, so that this platform module needs nothing of the UI's strings.
pub type Words = fn(&str) -> (&'static str, &'static str);

pub fn install(words: Words) {
    std::panic::set_hook(Box::new(move |info| {
        web_sys::console::warn_1(&format!("gongshi: internal error: {info}").into());
        show_friendly_error(words);
    }));
}

fn show_friendly_error(words: Words) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    if doc.get_element_by_id("fatal").is_some() {
        return;
    }
    let Ok(div) = doc.create_element("div") else { return };
    div.set_id("fatal");
    div.set_class_name("fatal");
    let _ = div.set_attribute("role", "alert");
    // No reactive context here (it may be what broke): the language comes from the URL.
    let search = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
    let (message, reload) = words(&search);
    let p = doc.create_element("p").ok();
    if let Some(p) = &p {
        p.set_text_content(Some(message));
        let _ = div.append_child(p);
    }
    if let Ok(btn) = doc.create_element("button") {
        btn.set_text_content(Some(reload));
        btn.set_class_name("btn");
        let _ = btn.set_attribute("type", "button");
        let cb = Closure::<dyn FnMut()>::new(|| {
            if let Some(w) = web_sys::window() {
                let _ = w.location().reload();
            }
        });
        let _ = btn.add_event_listener_with_callback("click", cb.as_ref().unchecked_ref());
        cb.forget();
        let _ = div.append_child(&btn);
    }
    if let Some(body) = doc.body() {
        let _ = body.prepend_with_node_1(&div);
    }
}
