//! Performance marks for the benchmark (`make bench` reads them), and yielding to the browser.

use wasm_bindgen::JsCast;

/// `performance.mark(name, {detail: {rows}})`; silently nothing where marks are unsupported.
pub fn mark(name: &str, rows: Option<usize>) {
    let Some(perf) = web_sys::window().and_then(|w| w.performance()) else { return };
    // performance.mark(name, {detail}) — the options form is not in web-sys' stable API.
    let Ok(f) = js_sys::Reflect::get(&perf, &"mark".into()).and_then(|f| f.dyn_into::<js_sys::Function>()) else { return };
    let opts = js_sys::Object::new();
    if let Some(n) = rows {
        let detail = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&detail, &"rows".into(), &(n as f64).into());
        let _ = js_sys::Reflect::set(&opts, &"detail".into(), &detail);
    }
    let _ = f.call2(&perf, &name.into(), &opts);
}

/// Resolves on the next macrotask, so the browser can render and handle input in between.
pub async fn yield_now() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(resolve.unchecked_ref(), 0);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// `performance.now()` (0 where unavailable).
pub fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map(|p| p.now()).unwrap_or(0.0)
}

/// `performance.measure(name, {start})`: from `start` (a [`now`] reading) to now.
pub fn measure_since(name: &str, start: f64) {
    let Some(perf) = web_sys::window().and_then(|w| w.performance()) else { return };
    let Ok(f) = js_sys::Reflect::get(&perf, &"measure".into()).and_then(|f| f.dyn_into::<js_sys::Function>()) else { return };
    let opts = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&opts, &"start".into(), &start.into());
    let _ = f.call2(&perf, &name.into(), &opts);
}
