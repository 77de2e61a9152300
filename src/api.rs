//! All network code. Data files are fetched relative to the page, so the app works at any
//! sub-path of any static host.

use crate::state::Load;
use gongshi_core::{Checked, Diagnostic};
use leptos::prelude::*;

/// Where data files live, relative to `index.html`.
pub const DATA_DIR: &str = "data/";

/// Fetches `DATA_DIR/file` as text. Failures name the file and say why, in Chinese.
pub async fn fetch_text(file: &str) -> Result<String, Diagnostic> {
    let url = format!("{DATA_DIR}{file}");
    let resp = gloo_net::http::Request::get(&url)
        .send()
        .await
        .map_err(|e| Diagnostic::error(file, "", format!("网络错误，未能下载（{e}）。请检查网络后重试")))?;
    if !resp.ok() {
        let why = match resp.status() {
            404 => "文件不存在（404）".to_string(),
            s => format!("服务器返回错误 {s} {}", resp.status_text()),
        };
        return Err(Diagnostic::error(file, "", format!("{why}，未能读取")));
    }
    resp.text()
        .await
        .map_err(|e| Diagnostic::error(file, "", format!("下载中断或内容不是文本（{e}）")))
}

/// Loads `file` into `target`, setting `Loading` first and the validated result after.
pub fn load_into<T: Send + Sync + 'static>(
    file: &'static str,
    target: RwSignal<Load<T>>,
    parse: fn(&str) -> Result<Checked<T>, Diagnostic>,
) {
    target.set(Load::Loading);
    leptos::task::spawn_local(async move {
        let result = match fetch_text(file).await {
            Ok(text) => parse(&text),
            Err(d) => Err(d),
        };
        target.set(Load::from_result(result));
    });
}
