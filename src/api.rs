//! All network code (the platform layer: no signals, no app state). Data files are fetched
//! relative to the page, so the app works at any sub-path of any static host. What is loaded
//! into the app's state, and when, is `state::load`'s.

use gongshi_core::ledger::Donation;
use gongshi_core::manifest::Part;
use gongshi_core::{Checked, Diagnostic};

/// Where data files live, relative to `index.html`.
pub const DATA_DIR: &str = "data/";

fn network_error(file: &str, e: impl std::fmt::Display) -> Diagnostic {
    Diagnostic::error(file, "", format!("网络错误，未能下载（{e}）。请检查网络后重试"))
        .en(format!("Network error: the file could not be downloaded ({e}). Check the connection and retry"))
}

fn interrupted(file: &str, e: impl std::fmt::Display) -> Diagnostic {
    Diagnostic::error(file, "", format!("下载中断（{e}）。请检查网络后重试")).en(format!("The download was interrupted ({e}). Check the connection and retry"))
}

fn js_text(v: &wasm_bindgen::JsValue) -> String {
    v.as_string().or_else(|| js_sys::Reflect::get(v, &"message".into()).ok().and_then(|m| m.as_string())).unwrap_or_else(|| format!("{v:?}"))
}

/// A download the browser has started (the request is sent at once), to be awaited later: the
/// next part of a ledger downloads while the app reads the current one.
pub struct Download {
    file: String,
    response: futures_channel::oneshot::Receiver<Result<gloo_net::http::Response, gloo_net::Error>>,
}

/// Starts downloading `DATA_DIR/file` (gloo-net's request; its future is polled at once by
/// `spawn_local`, so the browser's fetch starts now, not when the caller awaits it).
pub fn start(file: &str) -> Download {
    start_url(format!("{DATA_DIR}{file}"), file)
}

/// The app's own data beside `index.html` (not the organisation's: the pinyin table).
pub const PINYIN_FILE: &str = "pinyin.txt";

/// Starts downloading one of the app's own files ([`PINYIN_FILE`]), relative to the page.
pub fn start_app_file(file: &str) -> Download {
    start_url(file.to_string(), file)
}

fn start_url(url: String, file: &str) -> Download {
    let (tx, response) = futures_channel::oneshot::channel();
    leptos::task::spawn_local(async move {
        let _ = tx.send(gloo_net::http::Request::get(&url).send().await);
    });
    Download { file: file.to_string(), response }
}

impl Download {
    /// The file's bytes, exactly as served, checked against the manifest's SHA-256 and size
    /// when given. The hash is computed by the browser (SubtleCrypto, native code) where it can
    /// be, else by the core. Failures name the file and say why.
    pub async fn verified(self, sha256: Option<&str>, size: Option<u64>) -> Result<Vec<u8>, Diagnostic> {
        let file = self.file.as_str();
        let resp = self.response.await.map_err(|e| network_error(file, e))?.map_err(|e| network_error(file, e))?;
        if !resp.ok() {
            let (why, en) = match resp.status() {
                404 => ("文件不存在（404）".to_string(), "The file does not exist (404)".to_string()),
                s => (format!("服务器返回错误 {s} {}", resp.status_text()), format!("The server answered with error {s} {}", resp.status_text())),
            };
            return Err(Diagnostic::error(file, "", format!("{why}，未能读取")).en(format!("{en}, so it could not be read")));
        }
        // The body as one ArrayBuffer (not gloo's `binary()`, which copies it into wasm memory
        // first): the browser hashes it where it lies, then it is copied once.
        let resp = web_sys::Response::from(resp);
        let buf = resp.array_buffer().map_err(|e| interrupted(file, js_text(&e)))?;
        let buf = wasm_bindgen_futures::JsFuture::from(buf).await.map_err(|e| interrupted(file, js_text(&e)))?;
        let bytes = js_sys::Uint8Array::new(&buf);
        let native = match sha256 {
            Some(_) => native_sha256(&bytes).await,
            None => None,
        };
        let out = bytes.to_vec();
        match (sha256, native) {
            (None, _) => gongshi_core::integrity::verify_parts(file, &out, None, size)?,
            (Some(_), Some(hex)) => gongshi_core::integrity::verify_digest(file, out.len() as u64, &hex, sha256, size)?,
            (Some(_), None) => gongshi_core::integrity::verify_parts(file, &out, sha256, size)?,
        }
        Ok(out)
    }
}

/// SHA-256 (hex) by the browser's SubtleCrypto; `None` where it is unavailable (pages served
/// over plain http from another host are not a secure context).
async fn native_sha256(bytes: &js_sys::Uint8Array) -> Option<String> {
    use wasm_bindgen::JsCast;
    let subtle = web_sys::window()?.crypto().ok()?.subtle();
    if subtle.is_undefined() {
        return None;
    }
    let p = subtle.digest_with_str_and_buffer_source("SHA-256", bytes.unchecked_ref()).ok()?;
    let digest = wasm_bindgen_futures::JsFuture::from(p).await.ok()?;
    Some(gongshi_core::integrity::hex(&js_sys::Uint8Array::new(&digest).to_vec()))
}

/// SHA-256 (hex) of `bytes` by the browser's SubtleCrypto, where it is available.
pub async fn sha256_native(bytes: &[u8]) -> Option<String> {
    native_sha256(&js_sys::Uint8Array::from(bytes)).await
}

/// Bytes → text; a file that is not UTF-8 gets a clear error.
pub fn utf8_text(file: &str, bytes: Vec<u8>) -> Result<String, Diagnostic> {
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to() + 1;
        Diagnostic::error(file, "", format!("文件不是 UTF-8 编码的文本（第 {at} 个字节处出错），请用 UTF-8 保存后再发布"))
            .en(format!("The file is not UTF-8 text (error at byte {at}); save it as UTF-8 and publish again"))
    })
}

/// How many bytes of a ledger's parts may be downloading at once (the parts after the one being
/// read): all of a large ledger's packs, a few of its JSON parts.
const IN_FLIGHT_BYTES: u64 = 32 << 20;

/// A ledger's parts, read in order while the next ones download (as many at once as fit in
/// [`IN_FLIGHT_BYTES`] by the manifest's sizes, and always the next one).
pub struct PartDownloads<'a> {
    window: Window<'a>,
    next: usize,
}

impl<'a> PartDownloads<'a> {
    pub fn new(parts: &'a [Part]) -> Self {
        PartDownloads { window: Window { parts, downloads: Default::default(), started: 0, in_flight: 0 }, next: 0 }
    }

    /// The next part and what reading it gave: the bytes read and its records and problems
    /// (see [`read_part`]); `None` after the last.
    pub async fn next(&mut self) -> Option<(&'a Part, Result<(usize, Checked<Vec<Donation>>), Diagnostic>)> {
        self.window.fill();
        let (download, planned) = self.window.downloads.pop_front()?;
        self.window.in_flight -= planned;
        self.window.fill();
        let p = self.window.parts.get(self.next)?;
        self.next += 1;
        Some((p, read_part(p, download).await))
    }
}

/// The downloads of a ledger's parts, started in order, ahead of the part being read.
struct Window<'a> {
    parts: &'a [Part],
    /// Started and not yet read, in order, with the bytes each counts for.
    downloads: std::collections::VecDeque<(Download, u64)>,
    started: usize,
    in_flight: u64,
}

impl Window<'_> {
    /// Starts the next parts while they fit in IN_FLIGHT_BYTES (one at least).
    fn fill(&mut self) {
        while let Some(p) = self.parts.get(self.started) {
            let (file, bytes) = p.usable_pack().map_or((p.file.as_str(), p.bytes), |k| (k.file.as_str(), k.bytes));
            let bytes = bytes.unwrap_or(IN_FLIGHT_BYTES);
            if !self.downloads.is_empty() && self.in_flight + bytes > IN_FLIGHT_BYTES {
                return;
            }
            self.downloads.push_back((start(file), bytes));
            self.in_flight += bytes;
            self.started += 1;
        }
    }
}

/// One part, from `download` (its pack when usable, else its JSON); returns the bytes read and
/// the part's records and problems.
async fn read_part(p: &Part, download: Download) -> Result<(usize, Checked<Vec<Donation>>), Diagnostic> {
    let Some(pack) = p.usable_pack() else { return read_json(p, download).await };
    let (zh, en) = match download.verified(pack.sha256.as_deref(), pack.bytes).await {
        Ok(bytes) => match gongshi_core::pack::decode_donations(&bytes, p.sha256.as_deref().unwrap_or_default()) {
            Ok(c) => return Ok((bytes.len(), c)),
            Err(e) => e.reason(),
        },
        Err(d) => (d.message.clone(), d.message_en.unwrap_or(d.message)),
    };
    let warning = Diagnostic::warning(&pack.file, "", format!("未使用快速加载文件（{zh}），已改为读取 {}；运行 gongshi manifest 可重新生成", p.file))
        .en(format!("The fast-load file was not used ({en}); {} was read instead. Run gongshi manifest to write it again", p.file));
    let (n, mut c) = read_json(p, start(&p.file)).await?;
    c.findings.push(warning);
    Ok((n, c))
}

/// One part from its JSON.
async fn read_json(p: &Part, download: Download) -> Result<(usize, Checked<Vec<Donation>>), Diagnostic> {
    let bytes = download.verified(p.sha256.as_deref(), p.bytes).await?;
    let n = bytes.len();
    let text = utf8_text(&p.file, bytes)?;
    gongshi_core::ledger::load_donations_part(&p.file, &text).map(|c| (n, c))
}

/// 捐赠查询's shard for `number` (`core::ledger::shard`): the one small file whose bucket the
/// number falls in, read and checked against what the manifest says it must have been made from
/// (`buckets`, `sources`); any problem is an error, and the caller reads the ledger instead.
pub async fn lookup_shard(
    number: &str,
    buckets: u32,
    sources: &std::collections::BTreeMap<String, String>,
) -> Result<gongshi_core::ledger::shard::Shard, Diagnostic> {
    use gongshi_core::ledger::shard;
    let b = shard::bucket(number, buckets);
    let file = shard::file_name(b);
    let bytes = start(&file).verified(None, None).await?;
    shard::read(&file, &utf8_text(&file, bytes)?, b, buckets, sources)
}

/// `DATA_DIR/file` asked afresh of the host (the browser's cache may answer only once the host
/// says it is unchanged): what the history's checks read, so that no cached copy can hide an
/// alarm. `Ok(None)` when the host has no such file (404).
pub async fn fetch_fresh(file: &str) -> Result<Option<Vec<u8>>, Diagnostic> {
    let url = format!("{DATA_DIR}{file}");
    let resp = gloo_net::http::Request::get(&url).cache(web_sys::RequestCache::NoCache).send().await.map_err(|e| network_error(file, e))?;
    if resp.status() == 404 {
        return Ok(None);
    }
    if !resp.ok() {
        return Err(Diagnostic::error(file, "", format!("服务器返回错误 {}，未能读取", resp.status()))
            .en(format!("The server answered with error {}, so it could not be read", resp.status())));
    }
    resp.binary().await.map(Some).map_err(|e| interrupted(file, e))
}
