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
        .map_err(|e| Diagnostic::error(file, "", format!("网络错误，未能下载（{e}）。请检查网络后重试")).en(format!("Network error: the file could not be downloaded ({e}). Check the connection and retry")))?;
    if !resp.ok() {
        let (why, en) = match resp.status() {
            404 => ("文件不存在（404）".to_string(), "The file does not exist (404)".to_string()),
            s => (format!("服务器返回错误 {s} {}", resp.status_text()), format!("The server answered with error {s} {}", resp.status_text())),
        };
        return Err(Diagnostic::error(file, "", format!("{why}，未能读取")).en(format!("{en}, so it could not be read")));
    }
    resp.binary().await.map_err(|e| Diagnostic::error(file, "", format!("下载中断（{e}）。请检查网络后重试")).en(format!("The download was interrupted ({e}). Check the connection and retry")))
}

/// Bytes → text, checked against the manifest's record of the file first (when it has one).
pub fn checked_text(file: &str, bytes: Vec<u8>, expected: Option<&Dataset>) -> Result<String, Diagnostic> {
    if let Some(ds) = expected {
        gongshi_core::integrity::verify(file, &bytes, ds)?;
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to() + 1;
        Diagnostic::error(file, "", format!("文件不是 UTF-8 编码的文本（第 {at} 个字节处出错），请用 UTF-8 保存后再发布", ))
            .en(format!("The file is not UTF-8 text (error at byte {at}); save it as UTF-8 and publish again"))
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
    if file == gongshi_core::ledger::DONATIONS {
        crate::perf::mark("gongshi:ledger:start", None);
    }
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

/// How far a dataset published in parts has loaded (for the progress line).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    /// Parts to load this time, and how many are in.
    pub parts: usize,
    pub parts_done: usize,
    /// Bytes of those parts (from the manifest) and bytes received so far.
    pub bytes: u64,
    pub bytes_done: u64,
    /// Records read so far.
    pub rows: usize,
    /// Years loaded, and every year the dataset has.
    pub years_loaded: Vec<u16>,
    pub years_all: Vec<u16>,
}

impl Progress {
    /// Whether some of the dataset's years were not loaded (only the years asked for were).
    pub fn partial(&self) -> bool {
        self.years_loaded.len() < self.years_all.len()
    }
}

/// Loads the donations ledger from its parts (see `manifest::Part`), one after another, each
/// checked against its own checksum; `progress` is updated after each. The ledger is set once
/// all are in (or the first failure, which names the part file).
pub fn load_donation_parts(ds: Dataset, years: Vec<u16>, target: RwSignal<Load<Vec<gongshi_core::ledger::Donation>>>, progress: RwSignal<Progress>) {
    let parts: Vec<gongshi_core::manifest::Part> = ds.parts_for(&years).into_iter().cloned().collect();
    let mut years_all: Vec<u16> = ds.parts.iter().filter_map(|p| p.year).collect();
    years_all.dedup();
    let mut years_loaded: Vec<u16> = parts.iter().filter_map(|p| p.year).collect();
    years_loaded.dedup();
    progress.set(Progress { parts: parts.len(), bytes: parts.iter().filter_map(|p| p.bytes).sum(), years_all, years_loaded, ..Default::default() });
    target.set(Load::Loading);
    crate::perf::mark("gongshi:ledger:start", None);
    leptos::task::spawn_local(async move {
        let mut all = Vec::new();
        let mut problems = Vec::new();
        for p in &parts {
            let result = match fetch_bytes(&p.file).await {
                Ok(bytes) => gongshi_core::integrity::verify_parts(&p.file, &bytes, p.sha256.as_deref(), p.bytes)
                    .map(|_| bytes.len())
                    .and_then(|n| checked_text(&p.file, bytes, None).map(|t| (n, t)))
                    .and_then(|(n, t)| gongshi_core::ledger::load_donations_part(&p.file, &t).map(|c| (n, c))),
                Err(d) => Err(d),
            };
            match result {
                Ok((n, c)) => {
                    all.extend(c.value);
                    problems.extend(c.problems);
                    let rows = all.len();
                    progress.update(|g| {
                        g.parts_done += 1;
                        g.bytes_done += n as u64;
                        g.rows = rows;
                    });
                }
                Err(d) => {
                    target.set(Load::Failed(std::sync::Arc::new(d)));
                    return;
                }
            }
            // Let the page paint the progress between parts.
            crate::perf::yield_now().await;
        }
        target.set(Load::from_result(Ok(gongshi_core::Checked { value: all, problems })));
    });
}
