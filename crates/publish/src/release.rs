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
use gongshi_core::diag::{Checked, Diagnostic, Severity};
use gongshi_core::history::diff::{self, DatasetDiff};
use gongshi_core::history::{
    self, datasets_at, object_path, published_files, read_at, release_path, At, Change, Corrected, FileEntry, Index, IndexEntry, Options, Release, Store,
    INDEX, RELEASE_SCHEMA,
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
    check_note_and_date(note, date)?;
    let (mut index, latest) = log_so_far(store)?;
    let files = published_now(store)?;
    let number = latest.as_ref().map_or(1, |l| l.number + 1);
    if let Some(l) = &latest {
        check_against_latest(l, &files, date)?;
    }
    let (changes, diffs) = changes_since(store, latest.as_ref(), &files, date)?;
    let release = Release {
        schema: RELEASE_SCHEMA.to_string(),
        number,
        date: date.to_string(),
        note: note.trim().to_string(),
        previous: index.releases.last().map(|e| e.sha256.clone()),
        files,
        changes,
    };
    let release_bytes = pretty_json(&release);
    let sha256 = sha256_hex(&release_bytes);
    index.releases.push(IndexEntry { number, date: release.date.clone(), sha256: sha256.clone() });
    let index_bytes = pretty_json(&index);
    let new_objects = objects_to_store(store, &release.files);
    Ok(Prepared { release, release_bytes, sha256, index_bytes, new_objects, diffs })
}

/// A note that says something, and a full date.
fn check_note_and_date(note: &str, date: PartialDate) -> Result<(), Vec<Diagnostic>> {
    if note.trim().is_empty() {
        return Err(error(INDEX, "发布说明（--note）不能为空".into(), "the release note (--note) must not be empty".into()));
    }
    if date.day.is_none() {
        return Err(error(INDEX, "发布日期应为完整日期 YYYY-MM-DD".into(), "the release date must be a full date".into()));
    }
    Ok(())
}

/// The log so far: its index and its latest release (an empty index and none before the first
/// release). Refused with the log's errors when it does not verify.
fn log_so_far(store: &dyn Store) -> Result<(Index, Option<Release>), Vec<Diagnostic>> {
    if !store.exists(INDEX) {
        return Ok((Index::empty(), None));
    }
    let log = history::verify(store, Options { objects: false, current: history::Current::Skip });
    if log.has_errors() {
        return Err(log.findings.into_iter().filter(|d| d.severity == Severity::Error).collect());
    }
    let index = history::load_index(&store.read(INDEX).unwrap_or_default()).map_err(|d| vec![d])?;
    Ok((index, log.value.releases.last().map(|v| v.release.clone())))
}

/// Every file the current manifest publishes, with its SHA-256 and size, sorted by name.
fn published_now(store: &dyn Store) -> Result<Vec<FileEntry>, Vec<Diagnostic>> {
    let mbytes = read_at(store, At::Current, manifest::FILE).map_err(|d| vec![d])?;
    let mtext = std::str::from_utf8(&mbytes).map_err(|_| error(manifest::FILE, "不是 UTF-8 文本".into(), "not UTF-8 text".into()))?;
    let m = manifest::load(mtext).map_err(|d| vec![d])?.value;
    let mut files = Vec::new();
    for name in published_files(&m) {
        let bytes = read_at(store, At::Current, &name).map_err(|d| vec![d])?;
        files.push(FileEntry { sha256: sha256_hex(&bytes), bytes: bytes.len() as u64, file: name });
    }
    files.sort_by(|a, b| a.file.cmp(&b.file));
    Ok(files)
}

/// Something to release after the latest release `l`: other data, dated on or after it.
fn check_against_latest(l: &Release, files: &[FileEntry], date: PartialDate) -> Result<(), Vec<Diagnostic>> {
    if l.files == files {
        return Err(error(
            INDEX,
            format!("数据与第 {} 版（{}）完全相同，没有发布新版", l.number, l.date),
            format!("the data is the same as release {} ({}): nothing to release", l.number, l.date),
        ));
    }
    if date < release_date(l)? {
        return Err(error(
            INDEX,
            format!("发布日期 {date} 早于第 {} 版的 {}", l.number, l.date),
            format!("the release date {date} is before release {}'s {}", l.number, l.date),
        ));
    }
    Ok(())
}

/// A release's date, parsed.
fn release_date(r: &Release) -> Result<PartialDate, Vec<Diagnostic>> {
    PartialDate::parse(&r.date).map_err(|e| error(&release_path(r.number), e, String::new()))
}

/// What changed, dataset by dataset, since `latest` (every record added for the first release),
/// with the correction notes that cover it: the release's changes and the diffs. Refused with
/// every real record changed or removed without a note.
fn changes_since(
    store: &dyn Store,
    latest: Option<&Release>,
    files: &[FileEntry],
    date: PartialDate,
) -> Result<(Vec<Change>, Vec<DatasetDiff>), Vec<Diagnostic>> {
    let new_sets = datasets_at(store, At::Current).map_err(|d| vec![d])?;
    let old_sets = match latest {
        Some(l) => datasets_at(store, At::Release(l)).map_err(|d| vec![d])?,
        None => Vec::new(),
    };
    let mut diffs = Vec::new();
    let mut changes = Vec::new();
    let mut refused = Vec::new();
    for id in dataset_ids(&new_sets, &old_sets) {
        let (old_files, new_files) = (files_of(&old_sets, id), files_of(&new_sets, id));
        if latest.is_some_and(|l| unchanged(l, files, &old_files, &new_files)) {
            continue;
        }
        let Some((d, corrected)) = dataset_change(store, latest, id, &old_files, &new_files, date)? else { continue };
        refused.extend(corrected.findings);
        changes.push(Change {
            dataset: id.to_string(),
            added: d.added.len() as u64,
            changed: d.changed.len() as u64,
            removed: d.removed.len() as u64,
            corrections: corrected.value,
        });
        diffs.push(d);
    }
    if !refused.is_empty() {
        return Err(refused);
    }
    Ok((changes, diffs))
}

/// The datasets listed now, in the manifest's order, then those only the latest release listed.
fn dataset_ids<'s>(new_sets: &'s [(String, Vec<String>)], old_sets: &'s [(String, Vec<String>)]) -> Vec<&'s str> {
    let mut ids: Vec<&str> = new_sets.iter().map(|(id, _)| id.as_str()).collect();
    ids.extend(old_sets.iter().map(|(id, _)| id.as_str()).filter(|id| !new_sets.iter().any(|(n, _)| n == id)));
    ids
}

/// Dataset `id`'s files in `sets` (none when it is not listed).
fn files_of(sets: &[(String, Vec<String>)], id: &str) -> Vec<String> {
    sets.iter().find(|(x, _)| x == id).map(|(_, f)| f.clone()).unwrap_or_default()
}

/// Whether a dataset has the same files as in `latest`, with the same bytes (`files`: the
/// current ones).
fn unchanged(latest: &Release, files: &[FileEntry], old_files: &[String], new_files: &[String]) -> bool {
    old_files == new_files && new_files.iter().all(|f| latest.file(f).map(|e| &e.sha256) == files.iter().find(|x| &x.file == f).map(|e| &e.sha256))
}

/// Dataset `id`'s records diffed between `latest` and now (`None` when no record changed), with
/// the correction notes that cover its real records' changes and, as findings, the changes no
/// note covers.
fn dataset_change(
    store: &dyn Store,
    latest: Option<&Release>,
    id: &str,
    old_files: &[String],
    new_files: &[String],
    date: PartialDate,
) -> Result<Option<(DatasetDiff, Checked<Vec<Corrected>>)>, Vec<Diagnostic>> {
    let read = |at: At<'_>, names: &[String]| -> Result<Vec<(String, Cow<'_, [u8]>)>, Vec<Diagnostic>> {
        names.iter().map(|n| read_at(store, at, n).map(|b| (n.clone(), b)).map_err(|d| vec![d])).collect()
    };
    let old_bytes = match latest {
        Some(l) => read(At::Release(l), old_files)?,
        None => Vec::new(),
    };
    let new_bytes = read(At::Current, new_files)?;
    let old_refs: Vec<(&str, &[u8])> = old_bytes.iter().map(|(n, b)| (n.as_str(), b.as_ref())).collect();
    let new_refs: Vec<(&str, &[u8])> = new_bytes.iter().map(|(n, b)| (n.as_str(), b.as_ref())).collect();
    let old = diff::records(id, &old_refs).map_err(|d| vec![d])?;
    let new = diff::records(id, &new_refs).map_err(|d| vec![d])?;
    let d = diff::diff(id, &old, &new);
    if d.is_empty() {
        return Ok(None);
    }
    let corrected = match latest {
        Some(l) => {
            let file = new_files.first().or(old_files.first()).map(String::as_str).unwrap_or(id);
            diff::corrections(&d, &new.notes, (l.number, release_date(l)?), date, file)
        }
        None => Checked { value: Vec::new(), findings: Vec::new() },
    };
    Ok(Some((d, corrected)))
}

/// Pretty JSON and a final newline: how release files and the index are written.
fn pretty_json<T: serde::Serialize>(value: &T) -> Vec<u8> {
    (serde_json::to_string_pretty(value).expect("plain data") + "\n").into_bytes()
}

/// The objects of the release's files not stored yet, each once: `(object path, data file)`.
fn objects_to_store(store: &dyn Store, files: &[FileEntry]) -> Vec<(String, String)> {
    let mut new_objects: Vec<(String, String)> = Vec::new();
    for f in files {
        let path = object_path(&f.sha256, &f.file);
        if !store.exists(&path) && !new_objects.iter().any(|(p, _)| *p == path) {
            new_objects.push((path, f.file.clone()));
        }
    }
    new_objects
}
