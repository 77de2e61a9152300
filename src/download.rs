//! Saving files the user asked for (CSV, SVG) — the only place that makes Blobs.

use wasm_bindgen::JsCast;

/// Offers `content` as a download named `name`. Returns a readable error on failure.
pub fn save_text(name: &str, mime: &str, content: &str) -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(content));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts).map_err(|_| "无法生成文件")?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| "无法生成下载链接")?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a").map_err(|_| "无法生成下载链接")?.unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.set_attribute("hidden", "").ok();
    if let Some(body) = document.body() {
        body.append_child(&a).ok();
        a.click();
        body.remove_child(&a).ok();
    }
    // Revoke later: some browsers read the blob after the click returns.
    let cb = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), 30_000);
    Ok(())
}
