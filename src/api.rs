//! All network code. Data files are fetched relative to the page, so the app works at any
//! sub-path of any static host.

use crate::state::Load;
use gongshi_core::manifest::Dataset;
use gongshi_core::{Checked, Diagnostic};
use leptos::prelude::*;

/// Where data files live, relative to `index.html`.
pub const DATA_DIR: &str = "data/";

/// Fetches `DATA_DIR/file` as bytes, exactly as served. Failures name the file and say why.
pub async fn fetch_bytes(file: &str) -> Result<Vec<u8>, Diagnostic> {
    let url = format!("{DATA_DIR}{file}");
    let resp = gloo_net::http::Request::get(&url)
        .send()
        .await
        // Like every Diagnostic (core validation included), these messages are Chinese in both
        // UIs for now; the English UI labels them as such.
        .map_err(|e| Diagnostic::error(file, "", format!("网络错误，未能下载（{e}）。请检查网络后重试")))?;
    if !resp.ok() {
        let why = match resp.status() {
            404 => "文件不存在（404）".to_string(),
            s => format!("服务器返回错误 {s} {}", resp.status_text()),
        };
        return Err(Diagnostic::error(file, "", format!("{why}，未能读取")));
    }
    resp.binary().await.map_err(|e| Diagnostic::error(file, "", format!("下载中断（{e}）。请检查网络后重试")))
}

/// Bytes → text, checked against the manifest's record of the file first (when it has one).
pub fn checked_text(file: &str, bytes: Vec<u8>, expected: Option<&Dataset>) -> Result<String, Diagnostic> {
    if let Some(ds) = expected {
        gongshi_core::integrity::verify(file, &bytes, ds)?;
    }
    String::from_utf8(bytes).map_err(|e| {
        Diagnostic::error(file, "", format!("文件不是 UTF-8 编码的文本（第 {} 个字节处出错），请用 UTF-8 保存后再发布", e.utf8_error().valid_up_to() + 1))
    })
}

/// Loads `file` into `target`, setting `Loading` first and the validated result after; the
/// bytes are checked against `expected` (the manifest's entry) before anything is parsed.
/// `then` runs once the result is in (used to start what waits for the manifest).
pub fn load_into<T: Send + Sync + 'static>(
    file: &'static str,
    target: RwSignal<Load<T>>,
    parse: fn(&str) -> Result<Checked<T>, Diagnostic>,
    expected: Option<Dataset>,
    then: Option<Box<dyn FnOnce()>>,
) {
    target.set(Load::Loading);
    leptos::task::spawn_local(async move {
        let result = match fetch_bytes(file).await {
            Ok(bytes) => checked_text(file, bytes, expected.as_ref()).and_then(|t| parse(&t)),
            Err(d) => Err(d),
        };
        target.set(Load::from_result(result));
        if let Some(f) = then {
            f();
        }
    });
}
