//! `gongshi release`: the next release of a data folder's publication history
//! ([`gongshi_core::history`]). Pure: it reads through a [`Store`] and returns what to write.
//!
//! The new release records every file the manifest publishes (manifest.json included) with its
//! SHA-256 and size, the date, the note and the previous release's hash; every file version not
//! yet stored is to be copied to `history/objects/` (content-addressed, so an unchanged file is
//! never stored twice); the index gains the new release. Before that, the existing log must
//! verify, and every real record the latest release published that this one changes or removes
//! must carry a correction note dated after the latest release.

use gongshi_core::date::PartialDate;
use gongshi_core::diag::{Diagnostic, Severity};
use gongshi_core::history::diff::{self, DatasetDiff};
use gongshi_core::history::{
    self, datasets_at, object_path, published_files, read_at, release_path, At, Change, FileEntry, Index, IndexEntry, Options, Release, Store, INDEX,
    INDEX_SCHEMA, RELEASE_SCHEMA,
};
use gongshi_core::integrity::sha256_hex;
use gongshi_core::manifest;
use std::borrow::Cow;

/// A release ready to be written.
#[derive(Debug)]
pub struct Prepared {
    pub release: Release,
    /// The release file's bytes, to be written to [`Prepared::release_path`].
    pub release_bytes: Vec<u8>,
    /// SHA-256 of `release_bytes`.
    pub sha256: String,
    /// The new history/index.json (write it last).
    pub index_bytes: Vec<u8>,
    /// Objects not stored yet: `(object path, data file whose current bytes it is)`.
    pub new_objects: Vec<(String, String)>,
    /// What changed per dataset against the latest release (every record added for the first).
    pub diffs: Vec<DatasetDiff>,
}

impl Prepared {
    pub fn release_path(&self) -> String {
        release_path(self.release.number)
    }
    pub fn fingerprint(&self) -> &str {
        history::fingerprint(&self.sha256)
    }
}

fn error(file: &str, zh: String, en: String) -> Vec<Diagnostic> {
    vec![Diagnostic::error(file, "", zh).en(en)]
}

/// Prepares the next release of the folder in `store` (its current files and its history/).
/// Refused, with the reasons, when the log does not verify, the data is the same as the latest
/// release's, the date is before it, or a real record was changed or removed silently.
pub fn prepare(store: &dyn Store, note: &str, date: PartialDate) -> Result<Prepared, Vec<Diagnostic>> {
    if note.trim().is_empty() {
        return Err(error(INDEX, "发布说明（--note）不能为空".into(), "the release note (--note) must not be empty".into()));
    }
    if date.day.is_none() {
        return Err(error(INDEX, "发布日期应为完整日期 YYYY-MM-DD".into(), "the release date must be a full date".into()));
    }
    // The log so far.
    let (mut index, latest) = if store.exists(INDEX) {
        let log = history::verify(store, Options { objects: false, current: history::Current::Skip });
        if log.has_errors() {
            return Err(log.findings.into_iter().filter(|d| d.severity == Severity::Error).collect());
        }
        let index = history::load_index(&store.read(INDEX).unwrap_or_default()).map_err(|d| vec![d])?;
        (index, log.value.releases.last().map(|v| v.release.clone()))
    } else {
        (Index { schema: INDEX_SCHEMA.to_string(), releases: Vec::new() }, None)
    };
    // Every file the current manifest publishes.
    let mbytes = read_at(store, At::Current, manifest::FILE).map_err(|d| vec![d])?;
    let mtext = std::str::from_utf8(&mbytes).map_err(|_| error(manifest::FILE, "不是 UTF-8 文本".into(), "not UTF-8 text".into()))?;
    let m = manifest::load(mtext).map_err(|d| vec![d])?.value;
    let mut files = Vec::new();
    for name in published_files(&m) {
        let bytes = read_at(store, At::Current, &name).map_err(|d| vec![d])?;
        files.push(FileEntry { sha256: sha256_hex(&bytes), bytes: bytes.len() as u64, file: name });
    }
    files.sort_by(|a, b| a.file.cmp(&b.file));
    let number = latest.as_ref().map_or(1, |l| l.number + 1);
    if let Some(l) = &latest {
        if l.files == files {
            return Err(error(
                INDEX,
                format!("数据与第 {} 版（{}）完全相同，没有发布新版", l.number, l.date),
                format!("the data is the same as release {} ({}): nothing to release", l.number, l.date),
            ));
        }
        let ld = PartialDate::parse(&l.date).map_err(|e| error(&release_path(l.number), e, String::new()))?;
        if date < ld {
            return Err(error(
                INDEX,
                format!("发布日期 {date} 早于第 {} 版的 {}", l.number, l.date),
                format!("the release date {date} is before release {}'s {}", l.number, l.date),
            ));
        }
    }
    // What changed, dataset by dataset, and the correction notes that cover it.
    let new_sets = datasets_at(store, At::Current).map_err(|d| vec![d])?;
    let old_sets = match &latest {
        Some(l) => datasets_at(store, At::Release(l)).map_err(|d| vec![d])?,
        None => Vec::new(),
    };
    let mut ids: Vec<&str> = new_sets.iter().map(|(id, _)| id.as_str()).collect();
    ids.extend(old_sets.iter().map(|(id, _)| id.as_str()).filter(|id| !new_sets.iter().any(|(n, _)| n == id)));
    let mut diffs = Vec::new();
    let mut changes = Vec::new();
    let mut refused = Vec::new();
    let files_of = |sets: &[(String, Vec<String>)], id: &str| sets.iter().find(|(x, _)| x == id).map(|(_, f)| f.clone()).unwrap_or_default();
    for id in ids {
        let (old_files, new_files) = (files_of(&old_sets, id), files_of(&new_sets, id));
        if let Some(l) = &latest {
            let same =
                old_files == new_files && new_files.iter().all(|f| l.file(f).map(|e| &e.sha256) == files.iter().find(|x| &x.file == f).map(|e| &e.sha256));
            if same {
                continue;
            }
        }
        let read = |at: At<'_>, names: &[String]| -> Result<Vec<(String, Cow<'_, [u8]>)>, Vec<Diagnostic>> {
            names.iter().map(|n| read_at(store, at, n).map(|b| (n.clone(), b)).map_err(|d| vec![d])).collect()
        };
        let old_bytes = match &latest {
            Some(l) => read(At::Release(l), &old_files)?,
            None => Vec::new(),
        };
        let new_bytes = read(At::Current, &new_files)?;
        let old_refs: Vec<(&str, &[u8])> = old_bytes.iter().map(|(n, b)| (n.as_str(), b.as_ref())).collect();
        let new_refs: Vec<(&str, &[u8])> = new_bytes.iter().map(|(n, b)| (n.as_str(), b.as_ref())).collect();
        let old = diff::records(id, &old_refs).map_err(|d| vec![d])?;
        let new = diff::records(id, &new_refs).map_err(|d| vec![d])?;
        let d = diff::diff(id, &old, &new);
        if d.is_empty() {
            continue;
        }
        let mut corrected = Vec::new();
        if let Some(l) = &latest {
            let prev = PartialDate::parse(&l.date).map_err(|e| error(&release_path(l.number), e, String::new()))?;
            let file = new_files.first().or(old_files.first()).map(String::as_str).unwrap_or(id);
            let c = diff::corrections(&d, &new.notes, (l.number, prev), date, file);
            refused.extend(c.findings);
            corrected = c.value;
        }
        changes.push(Change {
            dataset: id.to_string(),
            added: d.added.len() as u64,
            changed: d.changed.len() as u64,
            removed: d.removed.len() as u64,
            corrections: corrected,
        });
        diffs.push(d);
    }
    if !refused.is_empty() {
        return Err(refused);
    }
    let release = Release {
        schema: RELEASE_SCHEMA.to_string(),
        number,
        date: date.to_string(),
        note: note.trim().to_string(),
        previous: index.releases.last().map(|e| e.sha256.clone()),
        files,
        changes,
    };
    let release_bytes = (serde_json::to_string_pretty(&release).expect("plain data") + "\n").into_bytes();
    let sha256 = sha256_hex(&release_bytes);
    index.releases.push(IndexEntry { number, date: release.date.clone(), sha256: sha256.clone() });
    let index_bytes = (serde_json::to_string_pretty(&index).expect("plain data") + "\n").into_bytes();
    let mut new_objects: Vec<(String, String)> = Vec::new();
    for f in &release.files {
        let path = object_path(&f.sha256, &f.file);
        if !store.exists(&path) && !new_objects.iter().any(|(p, _)| *p == path) {
            new_objects.push((path, f.file.clone()));
        }
    }
    Ok(Prepared { release, release_bytes, sha256, index_bytes, new_objects, diffs })
}
