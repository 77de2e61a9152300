//! Checking the log: from history/index.json back to the first release, every release file's
//! hash against the index and the next release's `previous` link, every stored file against its
//! SHA-256, and the current files against the latest release.
//!
//! Cost: each release file is hashed and parsed once (a few hundred bytes to a few KB each);
//! stored objects are hashed once per distinct SHA-256 (and only with [`Options::objects`]); the
//! current files only with [`Current::Files`]. The app checks the chain with `objects: false`
//! and [`Current::Manifest`] (it checks every data file it loads against the manifest anyway);
//! `gongshi verify` checks everything.

use super::{fingerprint, load_index, load_release, object_path, release_path, Index, IndexEntry, Release, Store, INDEX, INDEX_SCHEMA, RELEASE_SCHEMA};
use crate::date::PartialDate;
use crate::diag::{Checked, Diagnostic};
use crate::integrity::sha256_hex;
use std::collections::BTreeMap;

/// How much of the current data folder to check against the latest release.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Current {
    /// Nothing: only the log.
    Skip,
    /// manifest.json (which records every data file's SHA-256).
    Manifest,
    /// manifest.json and every file the latest release lists.
    Files,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    /// Hash every stored object (each distinct one once).
    pub objects: bool,
    pub current: Current,
}

impl Options {
    /// Everything (what `gongshi verify` does).
    pub const ALL: Options = Options { objects: true, current: Current::Files };
    /// The chain and the current manifest (what the app can do on every visit).
    pub const CHAIN: Options = Options { objects: false, current: Current::Manifest };
}

/// A release as read from the log, with the SHA-256 of its file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verified {
    pub release: Release,
    pub sha256: String,
}

/// The log as read: the releases whose files could be read, oldest first. Whether it can be
/// trusted is in the findings (`Checked::has_errors`).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Log {
    pub releases: Vec<Verified>,
    /// Distinct stored objects hashed (0 without [`Options::objects`]).
    pub objects_checked: usize,
}

impl Log {
    /// The latest release.
    pub fn head(&self) -> Option<&Verified> {
        self.releases.last()
    }
    /// The latest release's fingerprint (first 16 hex digits of its hash).
    pub fn fingerprint(&self) -> Option<&str> {
        self.head().map(|h| fingerprint(&h.sha256))
    }
    /// Release `number`.
    pub fn release(&self, number: u32) -> Option<&Release> {
        self.releases.iter().map(|v| &v.release).find(|r| r.number == number)
    }
}

fn err(file: &str, zh: String, en: String) -> Diagnostic {
    Diagnostic::error(file, "", zh).en(en)
}

/// Checks the log in `store` (see the module docs). Every problem is an error naming the
/// release and the file; the log is good when there is none. The findings come in this order:
/// the index, each release file against the index, the index cut short, then release by release
/// its hash, its link and its date, the stored objects, and the current files.
pub fn verify(store: &dyn Store, opts: Options) -> Checked<Log> {
    let mut out = Vec::new();
    let Some(index) = read_index(store, &mut out) else {
        return Checked { value: Log::default(), findings: out };
    };
    // An index with no release yet is a folder made by `gongshi init` before its first release:
    // nothing to check (like a folder without a history).
    let chain = read_releases(store, index, &mut out);
    check_not_cut_short(store, chain.len(), &mut out);
    for i in 0..chain.len() {
        chain.check_release(i, &mut out);
    }
    let objects_checked = if opts.objects { check_objects(store, &chain.releases, &mut out) } else { 0 };
    if let (Some(Some(head)), false) = (chain.releases.last(), opts.current == Current::Skip) {
        check_current(store, head, opts.current, &mut out);
    }
    Checked { value: Log { releases: chain.verified(), objects_checked }, findings: out }
}

/// history/index.json, parsed; `None` (and why, in `out`) when there is none or it cannot be
/// read. A wrong format id is reported and the index still used.
fn read_index(store: &dyn Store, out: &mut Vec<Diagnostic>) -> Option<Index> {
    let Some(index_bytes) = store.read(INDEX) else {
        out.push(err(
            INDEX,
            "没有发布记录：history/index.json 不存在（用 gongshi release 发布第一版）".into(),
            "there is no publication history: history/index.json does not exist".into(),
        ));
        return None;
    };
    let index = match load_index(&index_bytes) {
        Ok(i) => i,
        Err(d) => {
            out.push(d);
            return None;
        }
    };
    if index.schema != INDEX_SCHEMA {
        out.push(err(
            INDEX,
            format!("格式版本应为 {INDEX_SCHEMA}，实为“{}”", index.schema),
            format!("the format must be {INDEX_SCHEMA}, not “{}”", index.schema),
        ));
    }
    Some(index)
}

/// The release files the index lists, beside it: entry `i` is release `i + 1`.
struct Chain {
    index: Index,
    /// Each release file's SHA-256 (the store's, else computed); `None` when the file is missing.
    hashes: Vec<Option<String>>,
    /// Each release file parsed; `None` when it is missing or cannot be read.
    releases: Vec<Option<Release>>,
}

/// Reads, hashes and parses every release file the index lists, each checked against its entry
/// in the index (number, format, date).
fn read_releases(store: &dyn Store, index: Index, out: &mut Vec<Diagnostic>) -> Chain {
    let n = index.releases.len();
    let mut hashes = Vec::with_capacity(n);
    let mut releases = Vec::with_capacity(n);
    for (i, entry) in index.releases.iter().enumerate() {
        let (hash, release) = read_release(store, i as u32 + 1, entry, out);
        hashes.push(hash);
        releases.push(release);
    }
    Chain { index, hashes, releases }
}

/// Release `number`'s file: its hash and its contents, as far as they can be read.
fn read_release(store: &dyn Store, number: u32, entry: &IndexEntry, out: &mut Vec<Diagnostic>) -> (Option<String>, Option<Release>) {
    let path = release_path(number);
    if entry.number != number {
        out.push(err(
            INDEX,
            format!("索引的第 {number} 项编号为 {}，应为 {number}：版本缺失或顺序被改动", entry.number),
            format!("entry {number} of the index is numbered {}, not {number}: a release is missing or the order was changed", entry.number),
        ));
    }
    let Some(bytes) = store.read(&path) else {
        out.push(err(
            &path,
            format!("第 {number} 版的文件 {path} 不存在：发布记录被删除"),
            format!("release {number}: {path} does not exist: a release was removed"),
        ));
        return (None, None);
    };
    let hash = store.sha256(&path).unwrap_or_else(|| sha256_hex(&bytes));
    match load_release(&path, &bytes) {
        Ok(r) => {
            check_against_index(&r, number, entry, &path, out);
            (Some(hash), Some(r))
        }
        Err(d) => {
            out.push(err(
                &path,
                format!("第 {number} 版的文件无法读取：{}", d.message),
                format!("release {number}'s file cannot be read: {}", d.message_en.as_deref().unwrap_or(&d.message)),
            ));
            (Some(hash), None)
        }
    }
}

/// A release file's format, number and date against what the index says of it.
fn check_against_index(r: &Release, number: u32, entry: &IndexEntry, path: &str, out: &mut Vec<Diagnostic>) {
    if r.schema != RELEASE_SCHEMA {
        out.push(err(path, format!("第 {number} 版：格式版本应为 {RELEASE_SCHEMA}"), format!("release {number}: the format must be {RELEASE_SCHEMA}")));
    }
    if r.number != number {
        out.push(err(path, format!("第 {number} 版的文件写的编号是 {}", r.number), format!("release {number}'s file says it is number {}", r.number)));
    }
    if r.date != entry.date {
        out.push(err(
            path,
            format!("第 {number} 版的日期 {} 与 history/index.json 记录的 {} 不符", r.date, entry.date),
            format!("release {number}'s date {} differs from the index's {}", r.date, entry.date),
        ));
    }
}

/// A release file beyond the `n` the index lists: the index was cut short.
fn check_not_cut_short(store: &dyn Store, n: usize, out: &mut Vec<Diagnostic>) {
    let next = release_path(n as u32 + 1);
    if store.read(&next).is_some() {
        out.push(err(
            INDEX,
            format!("{next} 存在，但 history/index.json 只列到第 {n} 版：索引被截短（最新的版本被隐去）"),
            format!("{next} exists but the index lists only {n} releases: the index was cut short"),
        ));
    }
}

impl Chain {
    fn len(&self) -> usize {
        self.hashes.len()
    }

    /// Release `i + 1` among its neighbours: its hash against the index, its link to the
    /// previous release, its date after the previous one's (nothing when its file is missing;
    /// the hash only when it cannot be read).
    fn check_release(&self, i: usize, out: &mut Vec<Diagnostic>) {
        let Some(hash) = &self.hashes[i] else { return };
        self.check_hash(i, hash, out);
        let Some(r) = &self.releases[i] else { return };
        self.check_link(i, r, out);
        self.check_date(i, r, out);
    }

    /// The file's hash against the index; the next release's link tells which of the two was
    /// changed.
    fn check_hash(&self, i: usize, hash: &str, out: &mut Vec<Diagnostic>) {
        let number = i as u32 + 1;
        let path = release_path(number);
        let listed = &self.index.releases[i].sha256;
        if hash.eq_ignore_ascii_case(listed) {
            return;
        }
        let next_link = self.releases.get(i + 1).and_then(|r| r.as_ref()).map(|r| r.previous.as_deref());
        match next_link {
            Some(Some(link)) if link == hash => out.push(err(
                INDEX,
                format!("history/index.json 记录的第 {number} 版 SHA-256 与 {path} 不符，而第 {} 版的链接与该文件相符：索引被改动", number + 1),
                format!("the index's SHA-256 of release {number} does not match {path}, while release {}'s link does: the index was edited", number + 1),
            )),
            Some(Some(link)) if link == listed => out.push(err(
                &path,
                format!("第 {number} 版的文件 {path} 被改动：其 SHA-256 与 history/index.json 和第 {} 版的链接都不符", number + 1),
                format!("release {number}: {path} was altered: its SHA-256 matches neither the index nor release {}'s link", number + 1),
            )),
            _ => out.push(err(
                &path,
                format!("第 {number} 版的文件 {path} 与 history/index.json 记录的 SHA-256 不符：该文件或索引被改动"),
                format!("release {number}: {path} does not match the SHA-256 in history/index.json: the file or the index was altered"),
            )),
        }
    }

    /// The `previous` link: none for release 1, the previous file's hash for every other.
    fn check_link(&self, i: usize, r: &Release, out: &mut Vec<Diagnostic>) {
        let number = i as u32 + 1;
        let path = release_path(number);
        match (i, &r.previous) {
            (0, None) => {}
            (0, Some(_)) => out.push(err(&path, "第 1 版不应有 previous 链接".into(), "release 1 must have no previous link".into())),
            (_, None) => out.push(err(
                &path,
                format!("第 {number} 版缺少指向第 {} 版的 previous 链接：链接被改写", number - 1),
                format!("release {number} has no previous link to release {}: the link was rewritten", number - 1),
            )),
            (_, Some(link)) => {
                // Reported only when the previous file itself is consistent with the index (an
                // altered previous file is reported by its hash check, once).
                if let Some(prev) = &self.hashes[i - 1] {
                    if link != prev && prev.eq_ignore_ascii_case(&self.index.releases[i - 1].sha256) {
                        out.push(err(
                            &path,
                            format!("第 {number} 版的 previous 链接与第 {} 版文件的 SHA-256 不符：链接被改写", number - 1),
                            format!("release {number}'s previous link does not match release {}'s SHA-256: the link was rewritten", number - 1),
                        ));
                    }
                }
            }
        }
    }

    /// The date: a full YYYY-MM-DD, not before the previous release's.
    fn check_date(&self, i: usize, r: &Release, out: &mut Vec<Diagnostic>) {
        let number = i as u32 + 1;
        let path = release_path(number);
        match (PartialDate::parse(&r.date), i.checked_sub(1).and_then(|j| self.releases[j].as_ref())) {
            (Ok(d), prev) if d.day.is_some() => {
                if let Some(Ok(p)) = prev.map(|p| PartialDate::parse(&p.date)) {
                    if d < p {
                        out.push(err(
                            &path,
                            format!("第 {number} 版的日期 {} 早于第 {} 版的 {}", r.date, number - 1, prev.map(|p| p.date.as_str()).unwrap_or("")),
                            format!("release {number} is dated before release {}", number - 1),
                        ));
                    }
                }
            }
            _ => out.push(err(
                &path,
                format!("第 {number} 版的日期“{}”不是 YYYY-MM-DD", r.date),
                format!("release {number}'s date “{}” is not YYYY-MM-DD", r.date),
            )),
        }
    }

    /// The releases whose files could be read and parsed, with their hashes.
    fn verified(self) -> Vec<Verified> {
        self.releases.into_iter().zip(self.hashes).filter_map(|(r, h)| Some(Verified { release: r?, sha256: h? })).collect()
    }
}

/// Stored objects: each distinct one hashed once; a bad one named with every release holding
/// it. Returns how many distinct objects were hashed.
fn check_objects(store: &dyn Store, releases: &[Option<Release>], out: &mut Vec<Diagnostic>) -> usize {
    let mut checked = 0;
    let mut holders: BTreeMap<(&str, &str), (u64, Vec<u32>)> = BTreeMap::new();
    for r in releases.iter().flatten() {
        for f in &r.files {
            holders.entry((f.sha256.as_str(), f.file.as_str())).or_insert((f.bytes, Vec::new())).1.push(r.number);
        }
    }
    let mut good: BTreeMap<&str, bool> = BTreeMap::new();
    for ((sha, file), (bytes, releases)) in &holders {
        let path = object_path(sha, file);
        let which = releases.iter().map(u32::to_string).collect::<Vec<_>>().join("、");
        let ok = match store.read(&path) {
            None => {
                out.push(err(
                    &path,
                    format!("第 {which} 版的 {file} 的存档文件 {path} 不存在"),
                    format!("release {which}: the stored copy of {file}, {path}, is missing"),
                ));
                continue;
            }
            Some(b) => *good.entry(sha).or_insert_with(|| {
                checked += 1;
                b.len() as u64 == *bytes && sha256_hex(&b) == *sha
            }),
        };
        if !ok {
            out.push(err(
                &path,
                format!("第 {which} 版的 {file} 的存档文件 {path} 被改动：与发布记录的 SHA-256 不符"),
                format!("release {which}: the stored copy of {file}, {path}, was altered: it does not match the SHA-256 the release records"),
            ));
        }
    }
    checked
}

/// The current files against the latest release (`head`): manifest.json, or every file it
/// lists with [`Current::Files`].
fn check_current(store: &dyn Store, head: &Release, current: Current, out: &mut Vec<Diagnostic>) {
    let number = head.number;
    let names: Vec<&str> = match current {
        Current::Files => head.files.iter().map(|f| f.file.as_str()).collect(),
        _ => vec![crate::manifest::FILE],
    };
    for name in names {
        let Some(entry) = head.file(name) else {
            out.push(err(name, format!("最新的第 {number} 版不含 {name}"), format!("the latest release, {number}, has no {name}")));
            continue;
        };
        match store.read(name) {
            None => out.push(err(
                name,
                format!("{name} 不存在，而最新的第 {number} 版发布了它"),
                format!("{name} does not exist, but the latest release, {number}, published it"),
            )),
            Some(b) if b.len() as u64 != entry.bytes || sha256_hex(&b) != entry.sha256 => out.push(err(
                name,
                format!("当前的 {name} 与最新的第 {number} 版发布的不符：数据改动后没有发布新版（运行 gongshi release），或文件被改动"),
                format!(
                    "the current {name} differs from what the latest release, {number}, published: changed without a release (run gongshi release), or altered"
                ),
            )),
            Some(_) => {}
        }
    }
}

/// What the app checks on every visit, from three small files: the latest release's file
/// (`head_bytes`) is the one the index names last (its SHA-256), and the current manifest is the
/// one it published. The latest release's fingerprint when they match; every mismatch an error
/// naming the file. The whole chain is [`verify`]'s, on the history page.
pub fn check_head(index_bytes: &[u8], head_bytes: &[u8], manifest_bytes: &[u8]) -> Checked<Option<String>> {
    let mut out = Vec::new();
    let index = match load_index(index_bytes) {
        Ok(i) => i,
        Err(d) => return Checked { value: None, findings: vec![d] },
    };
    let Some(last) = index.releases.last() else {
        // No release yet (a folder made by `gongshi init`): nothing to compare.
        return Checked { value: None, findings: Vec::new() };
    };
    let path = release_path(last.number);
    let sha = sha256_hex(head_bytes);
    if !sha.eq_ignore_ascii_case(&last.sha256) {
        out.push(err(
            &path,
            format!("最新的第 {} 版文件与索引记录的 SHA-256 不符：已被改动", last.number),
            format!("the latest release file, {}, does not match the SHA-256 the index records: it was altered", last.number),
        ));
    }
    match load_release(&path, head_bytes) {
        Err(d) => out.push(d),
        Ok(head) => match head.file(crate::manifest::FILE) {
            None => out.push(err(
                crate::manifest::FILE,
                format!("最新的第 {} 版不含 manifest.json", head.number),
                format!("the latest release, {}, has no manifest.json", head.number),
            )),
            Some(e) if e.bytes != manifest_bytes.len() as u64 || sha256_hex(manifest_bytes) != e.sha256 => out.push(err(
                crate::manifest::FILE,
                format!("本站当前的数据目录（manifest.json）与最新的第 {} 版发布记录不符：数据改动后没有发布新版，或文件被改动", head.number),
                format!("the site's current data (manifest.json) differs from the latest release, {}: changed without a release, or altered", head.number),
            )),
            Some(_) => {}
        },
    }
    let value = out.is_empty().then(|| fingerprint(&sha).to_string());
    Checked { value, findings: out }
}

#[cfg(test)]
mod head_tests {
    use super::*;

    #[test]
    fn the_head_check_names_what_does_not_match() {
        let manifest = br#"{"organisation":{"name":"x"}}"#.to_vec();
        let release = format!(
            r#"{{"schema":"{RELEASE_SCHEMA}","number":1,"date":"2024-01-01","note":"n","previous":null,"files":[{{"file":"manifest.json","sha256":"{}","bytes":{}}}]}}"#,
            sha256_hex(&manifest),
            manifest.len()
        );
        let index = |sha: &str| format!(r#"{{"schema":"{INDEX_SCHEMA}","releases":[{{"number":1,"date":"2024-01-01","sha256":"{sha}"}}]}}"#);
        let good = index(&sha256_hex(release.as_bytes()));
        let c = check_head(good.as_bytes(), release.as_bytes(), &manifest);
        assert!(c.findings.is_empty(), "{:?}", c.findings);
        assert_eq!(c.value.as_deref(), Some(fingerprint(&sha256_hex(release.as_bytes()))));
        // The manifest changed without a release.
        let c = check_head(good.as_bytes(), release.as_bytes(), br#"{"organisation":{"name":"y"}}"#);
        assert_eq!((c.value, c.findings.len(), c.findings[0].file.as_str()), (None, 1, "manifest.json"));
        // The release file altered.
        let altered = release.replace("\"n\"", "\"m\"");
        let c = check_head(good.as_bytes(), altered.as_bytes(), &manifest);
        assert_eq!((c.findings.len(), c.findings[0].file.as_str()), (1, "history/releases/000001.json"));
        // No release yet (a folder made by gongshi init): nothing to compare, no alarm.
        let empty = format!(r#"{{"schema":"{INDEX_SCHEMA}","releases":[]}}"#);
        let c = check_head(empty.as_bytes(), b"", &manifest);
        assert!(c.findings.is_empty() && c.value.is_none());
        // An index naming another hash.
        let c = check_head(index(&"0".repeat(64)).as_bytes(), release.as_bytes(), &manifest);
        assert!(c.value.is_none() && c.findings[0].message.contains("已被改动"));
    }
}
