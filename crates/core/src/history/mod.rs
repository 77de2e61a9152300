//! Publication history (更新记录): an append-only, hash-chained log of releases kept as static
//! files under the data folder, so that anyone can check that the site serves what was announced
//! and that no earlier release was rewritten without a trace.
//!
//! ```text
//! history/index.json                 the only file that changes: every release's number, date, SHA-256
//! history/releases/000001.json       one immutable file per release (Release)
//! history/objects/<sha256>.<ext>     every version of every data file, stored once by its SHA-256
//! ```
//!
//! A release's hash is the SHA-256 of its file's exact bytes; each release names the previous
//! one's hash (`previous`), so changing one byte of a past release changes its hash, which no
//! longer matches the next release's link nor the index. The **fingerprint** is the first 16 hex
//! digits of the latest release's hash: quoted in an announcement, it pins the whole chain.
//!
//! This module is what the app needs too: the file format ([`Index`], [`Release`]), reading it
//! ([`load_index`], [`load_release`]), the check ([`verify::verify`], over any [`Store`]), and the
//! record-level diff between two versions of a dataset ([`diff`]). Writing releases is
//! gongshi-publish's (`release.rs`); reading and writing files is the caller's.

pub mod calendar;
pub mod diff;
pub mod verify;

use crate::diag::Diagnostic;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

pub use verify::{verify, Current, Log, Options};

/// The folder of the log, inside the data folder.
pub const DIR: &str = "history";
/// The log's index: the list of releases (the head is the last).
pub const INDEX: &str = "history/index.json";
/// The format ids (`"schema"`).
pub const INDEX_SCHEMA: &str = "gongshi/history/1";
pub const RELEASE_SCHEMA: &str = "gongshi/release/1";
/// Digits of the release hash quoted as the fingerprint.
pub const FINGERPRINT_DIGITS: usize = 16;

/// The path of release `number`'s file: `history/releases/000001.json`.
pub fn release_path(number: u32) -> String {
    format!("{DIR}/releases/{number:06}.json")
}

/// The path of the stored version of a data file: `history/objects/<sha256>.<ext>`, the
/// extension taken from the file's name (`json`, `pack`, `svg`) so that it is served with the
/// right type. The same bytes are stored once, whatever their name and however many releases
/// hold them.
pub fn object_path(sha256: &str, file: &str) -> String {
    let ext = file.rsplit_once('.').map(|(_, e)| e).filter(|e| !e.is_empty() && e.bytes().all(|b| b.is_ascii_alphanumeric())).unwrap_or("bin");
    format!("{DIR}/objects/{sha256}.{ext}")
}

/// The fingerprint of a release hash: its first 16 hex digits.
pub fn fingerprint(sha256: &str) -> &str {
    sha256.get(..FINGERPRINT_DIGITS).unwrap_or(sha256)
}

/// history/index.json.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, Default)]
pub struct Index {
    pub schema: String,
    /// Every release, oldest first; the last is the head.
    pub releases: Vec<IndexEntry>,
}

impl Index {
    /// An index with no release yet (what `gongshi init` and `gongshi bulk` write).
    pub fn empty() -> Index {
        Index { schema: INDEX_SCHEMA.into(), releases: Vec::new() }
    }
}

/// One release as the index lists it.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct IndexEntry {
    /// 1, 2, 3, … with no gap.
    pub number: u32,
    /// The release's date, YYYY-MM-DD.
    pub date: String,
    /// SHA-256 of the release file's exact bytes.
    pub sha256: String,
}

/// One release: history/releases/NNNNNN.json. Never changed once written.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct Release {
    pub schema: String,
    pub number: u32,
    /// YYYY-MM-DD: the day the release was published.
    pub date: String,
    /// What the release is, in the publisher's words.
    pub note: String,
    /// SHA-256 of the previous release's file; `null` for the first release.
    pub previous: Option<String>,
    /// Every file the release publishes: manifest.json and every file it lists (datasets, their
    /// parts and packs, summary.json, the logo), sorted by name.
    pub files: Vec<FileEntry>,
    /// What changed against the previous release, per dataset (records added, changed, removed,
    /// and the correction notes that cover changed or removed real records). Computed by
    /// `gongshi release`; informative — [`verify`] checks bytes, not this summary.
    #[serde(default)]
    pub changes: Vec<Change>,
}

impl Release {
    /// The entry of the data file `name`.
    pub fn file(&self, name: &str) -> Option<&FileEntry> {
        self.files.iter().find(|f| f.file == name)
    }
}

/// A data file in a release.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct FileEntry {
    /// Its name in the data folder (`donations.json`).
    pub file: String,
    /// SHA-256 of its bytes (64 lowercase hex digits).
    pub sha256: String,
    pub bytes: u64,
}

/// What changed in one dataset.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, Default)]
pub struct Change {
    /// The dataset's id in the manifest.
    pub dataset: String,
    pub added: u64,
    pub changed: u64,
    pub removed: u64,
    /// The real records changed or removed, each with its correction note.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub corrections: Vec<Corrected>,
}

/// A real record changed or removed by a release, and the note that covers it.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct Corrected {
    pub record: String,
    /// `changed` or `removed`.
    pub change: String,
    pub date: String,
    pub what: String,
    pub why: String,
}

/// Where the log and the data files are read from: paths relative to the data folder
/// (`manifest.json`, `history/index.json`, `history/objects/…`). The CLI reads the disk; the
/// app hands in what it downloaded; tests use a map.
pub trait Store {
    /// The file's bytes, or `None` when there is no such file.
    fn read(&self, path: &str) -> Option<Cow<'_, [u8]>>;
    /// Whether the file exists (a store on disk answers without reading it).
    fn exists(&self, path: &str) -> bool {
        self.read(path).is_some()
    }
    /// The SHA-256 (lowercase hex) of the file's bytes when the store already has it (the app
    /// has the browser compute it, in native code, as each file arrives); `None` and the check
    /// hashes the bytes itself.
    fn sha256(&self, path: &str) -> Option<String> {
        let _ = path;
        None
    }
}

impl Store for BTreeMap<String, Vec<u8>> {
    fn read(&self, path: &str) -> Option<Cow<'_, [u8]>> {
        self.get(path).map(|b| Cow::Borrowed(b.as_slice()))
    }
}

impl Store for HashMap<String, Vec<u8>> {
    fn read(&self, path: &str) -> Option<Cow<'_, [u8]>> {
        self.get(path).map(|b| Cow::Borrowed(b.as_slice()))
    }
}

/// Parses history/index.json.
pub fn load_index(bytes: &[u8]) -> Result<Index, Diagnostic> {
    let text = std::str::from_utf8(bytes).map_err(|_| Diagnostic::error(INDEX, "", "不是 UTF-8 文本").en("not UTF-8 text"))?;
    crate::json::parse(INDEX, text)
}

/// Parses a release file (`path` names it in problems).
pub fn load_release(path: &str, bytes: &[u8]) -> Result<Release, Diagnostic> {
    let text = std::str::from_utf8(bytes).map_err(|_| Diagnostic::error(path, "", "不是 UTF-8 文本").en("not UTF-8 text"))?;
    crate::json::parse(path, text)
}

/// Which version of the data folder to read: the files as they are now, or as a release
/// published them (from the stored objects).
#[derive(Clone, Copy, Debug)]
pub enum At<'r> {
    Current,
    Release(&'r Release),
}

/// Reads data file `file` as it is at `at`. A release's file is read from its object and
/// checked against the release's SHA-256 and size: bytes that do not match are never returned.
pub fn read_at<'s>(store: &'s dyn Store, at: At<'_>, file: &str) -> Result<Cow<'s, [u8]>, Diagnostic> {
    match at {
        At::Current => store.read(file).ok_or_else(|| Diagnostic::error(file, "", "文件不存在").en("the file does not exist")),
        At::Release(r) => {
            let Some(e) = r.file(file) else {
                return Err(Diagnostic::error(file, "", format!("第 {} 版不含此文件", r.number)).en(format!("release {} has no such file", r.number)));
            };
            let path = object_path(&e.sha256, &e.file);
            let bytes = store.read(&path).ok_or_else(|| {
                Diagnostic::error(&path, "", format!("第 {} 版的 {file} 的存档文件不存在", r.number))
                    .en(format!("the stored copy of {file} of release {} is missing", r.number))
            })?;
            if bytes.len() as u64 != e.bytes || crate::integrity::sha256_hex(&bytes) != e.sha256 {
                return Err(Diagnostic::error(&path, "", format!("第 {} 版的 {file} 的存档文件与发布记录的 SHA-256 不符：已被改动", r.number))
                    .en(format!("the stored copy of {file} of release {} does not match the SHA-256 the release records: it was altered", r.number)));
            }
            Ok(bytes)
        }
    }
}

/// The files of each dataset the manifest at `at` lists, in the manifest's order: `(id, files)`,
/// a dataset's file first, then its parts (packs are a part's other form and left out).
pub fn datasets_at(store: &dyn Store, at: At<'_>) -> Result<Vec<(String, Vec<String>)>, Diagnostic> {
    let bytes = read_at(store, at, crate::manifest::FILE)?;
    let text = std::str::from_utf8(&bytes).map_err(|_| Diagnostic::error(crate::manifest::FILE, "", "不是 UTF-8 文本").en("not UTF-8 text"))?;
    let m = crate::manifest::load(text)?.value;
    Ok(m.datasets.iter().map(|d| (d.id.clone(), std::iter::once(d.file.clone()).chain(d.parts.iter().map(|p| p.file.clone())).collect())).collect())
}

/// Every file a manifest publishes, manifest.json first: each dataset's file, its parts and their
/// packs, summary.json and the logo; what a release records.
pub fn published_files(m: &crate::manifest::Manifest) -> Vec<String> {
    let mut out = vec![crate::manifest::FILE.to_string()];
    for d in &m.datasets {
        out.push(d.file.clone());
        for p in &d.parts {
            out.push(p.file.clone());
            out.extend(p.pack.as_ref().map(|k| k.file.clone()));
        }
    }
    out.extend(m.summary.as_ref().map(|s| s.file.clone()));
    out.extend(m.organisation.logo.clone());
    let mut seen = std::collections::BTreeSet::new();
    out.retain(|f| seen.insert(f.clone()));
    out
}

#[cfg(test)]
mod tests;
