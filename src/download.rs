//! Saving files the user asked for (CSV, SVG) — the only place that makes Blobs.

use wasm_bindgen::JsCast;

/// Offers `content` as a download named `name`. Returns a readable error on failure.
pub fn save_text(name: &str, mime: &str, content: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(content));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts).map_err(|_| "could not make the file")?;
    save_blob(name, &blob)
}

/// Renders `svg` (of `width` × `height` CSS pixels) onto a white canvas at 2× pixel density and
/// hands the PNG blob to `then` (download, clipboard…).
fn svg_to_png(svg: &str, width: u32, height: u32, then: impl FnOnce(web_sys::Blob) + 'static) -> Result<(), String> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let img = web_sys::HtmlImageElement::new().map_err(|_| "could not make the image")?;
    let canvas: web_sys::HtmlCanvasElement = document.create_element("canvas").map_err(|_| "could not make the image")?.unchecked_into();
    canvas.set_width(width * 2);
    canvas.set_height(height * 2);
    let img2 = img.clone();
    let onload = wasm_bindgen::closure::Closure::once_into_js(move || {
        let Ok(Some(ctx)) = canvas.get_context("2d") else { return };
        let ctx: web_sys::CanvasRenderingContext2d = ctx.unchecked_into();
        ctx.set_fill_style_str("#ffffff");
        ctx.fill_rect(0.0, 0.0, (width * 2) as f64, (height * 2) as f64);
        let _ = ctx.draw_image_with_html_image_element_and_dw_and_dh(&img2, 0.0, 0.0, (width * 2) as f64, (height * 2) as f64);
        let cb = wasm_bindgen::closure::Closure::once_into_js(move |blob: Option<web_sys::Blob>| {
            if let Some(b) = blob {
                then(b);
            }
        });
        let _ = canvas.to_blob(cb.unchecked_ref());
    });
    img.set_onload(Some(onload.unchecked_ref()));
    img.set_src(&format!("data:image/svg+xml;charset=utf-8,{}", gongshi_core::view::encode(svg)));
    Ok(())
}

/// Offers `blob` as a download named `name` (a hidden link clicked once).
fn save_blob(name: &str, blob: &web_sys::Blob) -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let url = web_sys::Url::create_object_url_with_blob(blob).map_err(|_| "could not make the download link")?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a").map_err(|_| "could not make the download link")?.unchecked_into();
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

/// Downloads the chart as a PNG at 2× pixel density on white.
pub fn save_png(name: &str, svg: &str, width: u32, height: u32) -> Result<(), String> {
    let name = name.to_string();
    svg_to_png(svg, width, height, move |blob| {
        if let Err(e) = save_blob(&name, &blob) {
            leptos::logging::warn!("PNG download failed: {e}");
        }
    })
}

/// Whether this browser lets a page put an image on the clipboard.
pub fn can_copy_image() -> bool {
    let Some(w) = web_sys::window() else { return false };
    let has_item = js_sys::Reflect::has(&w, &"ClipboardItem".into()).unwrap_or(false);
    let clip = js_sys::Reflect::get(&w.navigator(), &"clipboard".into()).map(|c| !c.is_undefined()).unwrap_or(false);
    has_item && clip
}

/// Copies the chart as a PNG to the clipboard; `done(ok)` is called when the browser answers.
pub fn copy_png(svg: &str, width: u32, height: u32, done: impl Fn(bool) + 'static) -> Result<(), String> {
    svg_to_png(svg, width, height, move |blob| {
        let result = (|| -> Result<js_sys::Promise, wasm_bindgen::JsValue> {
            let w = web_sys::window().ok_or(wasm_bindgen::JsValue::NULL)?;
            let ctor: js_sys::Function = js_sys::Reflect::get(&w, &"ClipboardItem".into())?.dyn_into()?;
            let data = js_sys::Object::new();
            js_sys::Reflect::set(&data, &"image/png".into(), &blob)?;
            let item = js_sys::Reflect::construct(&ctor, &js_sys::Array::of1(&data))?;
            let clipboard = js_sys::Reflect::get(&w.navigator(), &"clipboard".into())?;
            let write: js_sys::Function = js_sys::Reflect::get(&clipboard, &"write".into())?.dyn_into()?;
            write.call1(&clipboard, &js_sys::Array::of1(&item))?.dyn_into()
        })();
        match result {
            Ok(p) => wasm_bindgen_futures::spawn_local(async move {
                done(wasm_bindgen_futures::JsFuture::from(p).await.is_ok());
            }),
            Err(_) => done(false),
        }
    })
}
