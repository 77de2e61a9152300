//! What changed between two versions of a dataset, record by record: added, changed (field by
//! field, old → new) and removed, each record known by its key; and whether every changed or
//! removed real record has its correction note (更正说明, [`crate::correction`]).
//!
//! What a record is, per dataset (its key is what a correction note's `record` names):
//!
//! | dataset | records (array → key) | other records (key = field name) |
//! |---|---|---|
//! | donations, disbursements | `records` → `id` | |
//! | goods | `batches`, `movements`, `writeoffs` → `id` | |
//! | relief | `records` → `id`; `aggregates` → `programme/county/year` | |
//! | coverage | `counties` → `county`; `teams_after` → `type` | `city`, `teams_before`, `teams_after_total`, `facts` |
//! | rectification | `problems` → `no` ("9") | `title`, `publisher`, `published`, `inspection`, `declared`, `organisation_of_work`, `aspects`, `next_steps`, `contact`, `transcription_notes` |
//! | figures | `figures` → `id` | |
//! | any other | the whole file, keyed by its name | |
//!
//! A record is real unless its `origin` is `sample`; records with no `origin` (the report, its
//! figures, coverage's city figures) are real. A file's `schema`, `sample` and `note` are not
//! records. A dataset in parts is the records of all its files.
//!
//! Records are compared as their JSON text first; only records whose text differs are parsed,
//! so an unchanged 100k-row ledger costs little more than reading it.

use crate::correction::{self, Note, RawNote};
use crate::date::PartialDate;
use crate::diag::{Checked, Diagnostic};
use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::Value;
use std::collections::{BTreeMap, HashMap, HashSet};

#[derive(Clone, Copy)]
enum KeyRule {
    Field(&'static str),
    /// relief aggregates: programme/county/year.
    Aggregate,
}

struct Spec {
    arrays: &'static [(&'static str, KeyRule)],
    singletons: &'static [&'static str],
}

fn spec(dataset: &str) -> Option<Spec> {
    use KeyRule::*;
    Some(match dataset {
        "donations" | "disbursements" => Spec { arrays: &[("records", Field("id"))], singletons: &[] },
        "goods" => Spec { arrays: &[("batches", Field("id")), ("movements", Field("id")), ("writeoffs", Field("id"))], singletons: &[] },
        "relief" => Spec { arrays: &[("records", Field("id")), ("aggregates", Aggregate)], singletons: &[] },
        "coverage" => Spec {
            arrays: &[("counties", Field("county")), ("teams_after", Field("type"))],
            singletons: &["city", "teams_before", "teams_after_total", "facts"],
        },
        "rectification" => Spec {
            arrays: &[("problems", Field("no"))],
            singletons: &[
                "title",
                "publisher",
                "published",
                "inspection",
                "declared",
                "organisation_of_work",
                "aspects",
                "next_steps",
                "contact",
                "transcription_notes",
            ],
        },
        "figures" => Spec { arrays: &[("figures", Field("id"))], singletons: &[] },
        _ => return None,
    })
}

/// One record of a dataset version: its key, the part of the file it is in (`records`,
/// `aggregates`, `city`, …), whether it is real, and its JSON text as published.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rec<'a> {
    pub key: String,
    pub section: &'static str,
    pub real: bool,
    pub json: &'a str,
}

/// A dataset version's records and correction notes (from all its files).
#[derive(Clone, Debug, Default)]
pub struct Records<'a> {
    pub records: Vec<Rec<'a>>,
    /// The valid correction notes of its files (invalid ones are the validators' findings).
    pub notes: Vec<Note>,
}

#[derive(Deserialize)]
struct Probe<'a> {
    #[serde(borrow, default)]
    id: Option<&'a RawValue>,
    #[serde(borrow, default)]
    no: Option<&'a RawValue>,
    #[serde(borrow, default)]
    county: Option<&'a RawValue>,
    #[serde(borrow, default, rename = "type")]
    kind: Option<&'a RawValue>,
    #[serde(borrow, default)]
    programme: Option<&'a RawValue>,
    #[serde(borrow, default)]
    year: Option<&'a RawValue>,
    #[serde(borrow, default)]
    origin: Option<&'a RawValue>,
}

/// A key value as text: a string's content, a number's digits.
fn key_text(v: Option<&RawValue>) -> String {
    match v {
        None => String::new(),
        Some(r) => serde_json::from_str::<String>(r.get()).unwrap_or_else(|_| r.get().to_string()),
    }
}

/// Reads a dataset version: `files` are its files' `(name, bytes)` (the dataset's file, then its
/// parts). Errors name the file; a record without a key is an error too (the folder check
/// refuses such files before a release).
pub fn records<'a>(dataset: &str, files: &[(&str, &'a [u8])]) -> Result<Records<'a>, Diagnostic> {
    let mut out = Records::default();
    for (file, bytes) in files {
        let text = std::str::from_utf8(bytes).map_err(|_| Diagnostic::error(file, "", "不是 UTF-8 文本").en("not UTF-8 text"))?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let bad = |e: serde_json::Error| Diagnostic::error(file, "", format!("JSON 无法读取：{e}")).en(format!("the JSON cannot be read: {e}"));
        let top: BTreeMap<String, &'a RawValue> = serde_json::from_str(text).map_err(bad)?;
        if let Some(c) = top.get(correction::FIELD) {
            let raw: Vec<RawNote> = serde_json::from_str(c.get()).map_err(bad)?;
            out.notes.extend(correction::check(file, &raw).value);
        }
        let Some(spec) = spec(dataset) else {
            let sample = top.get("sample").is_some_and(|v| v.get() == "true");
            out.records.push(Rec { key: (*file).to_string(), section: "file", real: !sample, json: text });
            continue;
        };
        for &(section, rule) in spec.arrays {
            let Some(arr) = top.get(section) else { continue };
            let items: Vec<&'a RawValue> = serde_json::from_str(arr.get()).map_err(bad)?;
            for (i, item) in items.into_iter().enumerate() {
                let p: Probe<'a> = serde_json::from_str(item.get()).map_err(bad)?;
                let key = match rule {
                    KeyRule::Field("id") => key_text(p.id),
                    KeyRule::Field("no") => key_text(p.no),
                    KeyRule::Field("county") => key_text(p.county),
                    KeyRule::Field(_) => key_text(p.kind),
                    KeyRule::Aggregate => format!("{}/{}/{}", key_text(p.programme), key_text(p.county), key_text(p.year)),
                };
                if key.is_empty() {
                    return Err(Diagnostic::error(file, format!("{section}[{i}]"), "记录没有编号，无法比较版本")
                        .en("a record has no key, so versions cannot be compared"));
                }
                let real = key_text(p.origin) != "sample";
                out.records.push(Rec { key, section, real, json: item.get() });
            }
        }
        for &name in spec.singletons {
            if let Some(v) = top.get(name).filter(|v| v.get() != "null") {
                out.records.push(Rec { key: name.to_string(), section: name, real: true, json: v.get() });
            }
        }
    }
    Ok(out)
}

/// A record added or removed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub key: String,
    pub section: &'static str,
    /// Real (not sample) in the version it is from.
    pub real: bool,
}

/// One field of a changed record: `None` when the field is absent in that version. Nested
/// objects are flattened (`cancelled.date`); arrays and values are compact JSON, strings as their
/// text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldChange {
    pub field: String,
    pub old: Option<String>,
    pub new: Option<String>,
}

/// A record whose content changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Changed {
    pub key: String,
    pub section: &'static str,
    /// The earlier version was real: the change needs a correction note.
    pub real: bool,
    pub fields: Vec<FieldChange>,
}

/// The difference between two versions of one dataset, in the new version's order (removed
/// records in the old version's).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct DatasetDiff {
    pub dataset: String,
    pub added: Vec<Row>,
    pub changed: Vec<Changed>,
    pub removed: Vec<Row>,
}

impl DatasetDiff {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.changed.is_empty() && self.removed.is_empty()
    }
}

fn flatten(prefix: &str, v: &Value, out: &mut BTreeMap<String, String>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                let p = if prefix.is_empty() { k.clone() } else { format!("{prefix}.{k}") };
                flatten(&p, x, out);
            }
        }
        Value::String(s) => {
            out.insert(prefix.to_string(), s.clone());
        }
        other => {
            out.insert(if prefix.is_empty() { "（值）".to_string() } else { prefix.to_string() }, other.to_string());
        }
    }
}

/// The fields that differ between two records' JSON texts (empty when they say the same thing
/// in different spacing or order).
pub fn field_changes(old: &str, new: &str) -> Vec<FieldChange> {
    let parse = |s: &str| serde_json::from_str::<Value>(s).unwrap_or(Value::Null);
    let (mut a, mut b) = (BTreeMap::new(), BTreeMap::new());
    flatten("", &parse(old), &mut a);
    flatten("", &parse(new), &mut b);
    let mut out = Vec::new();
    for (k, v) in &a {
        match b.get(k) {
            Some(w) if w == v => {}
            w => out.push(FieldChange { field: k.clone(), old: Some(v.clone()), new: w.cloned() }),
        }
    }
    for (k, w) in &b {
        if !a.contains_key(k) {
            out.push(FieldChange { field: k.clone(), old: None, new: Some(w.clone()) });
        }
    }
    out
}

/// Compares two versions of `dataset`.
pub fn diff(dataset: &str, old: &Records<'_>, new: &Records<'_>) -> DatasetDiff {
    let by_key: HashMap<(&str, &str), &Rec<'_>> = old.records.iter().map(|r| ((r.section, r.key.as_str()), r)).collect();
    let mut d = DatasetDiff { dataset: dataset.to_string(), ..Default::default() };
    let mut seen: HashSet<(&str, &str)> = HashSet::with_capacity(new.records.len());
    for r in &new.records {
        let k = (r.section, r.key.as_str());
        if !seen.insert(k) {
            continue;
        }
        match by_key.get(&k) {
            None => d.added.push(Row { key: r.key.clone(), section: r.section, real: r.real }),
            Some(o) if o.json == r.json => {}
            Some(o) => {
                let fields = field_changes(o.json, r.json);
                if !fields.is_empty() {
                    d.changed.push(Changed { key: r.key.clone(), section: r.section, real: o.real, fields });
                }
            }
        }
    }
    let mut gone = HashSet::new();
    for o in &old.records {
        let k = (o.section, o.key.as_str());
        if !seen.contains(&k) && gone.insert(k) {
            d.removed.push(Row { key: o.key.clone(), section: o.section, real: o.real });
        }
    }
    d
}

/// A changed record's fields as one line: `amount_fen：50000 → 500000；status：（无）→ refunded`.
pub fn describe(fields: &[FieldChange]) -> String {
    const MAX: usize = 60;
    let cut = |s: &Option<String>| match s {
        None => "（无）".to_string(),
        Some(s) if s.chars().count() > MAX => format!("{}…", s.chars().take(MAX).collect::<String>()),
        Some(s) => s.clone(),
    };
    fields.iter().map(|f| format!("{}：{} → {}", f.field, cut(&f.old), cut(&f.new))).collect::<Vec<_>>().join("；")
}

/// The correction notes that cover `diff`'s changed and removed real records, or an error for
/// each one without a note. A note covers a record when it names it and is dated after
/// `previous` (the release that published the earlier version: its number and date) and not
/// after `date` (the new release's). `file` is the dataset's file, named in the errors.
pub fn corrections(diff: &DatasetDiff, notes: &[Note], previous: (u32, PartialDate), date: PartialDate, file: &str) -> Checked<Vec<super::Corrected>> {
    let (prev_no, prev_date) = previous;
    let mut out = Vec::new();
    let mut found = Vec::new();
    let needs = diff
        .changed
        .iter()
        .filter(|c| c.real)
        .map(|c| (&c.key, "changed", Some(&c.fields)))
        .chain(diff.removed.iter().filter(|r| r.real).map(|r| (&r.key, "removed", None)));
    for (key, change, fields) in needs {
        let note = notes.iter().filter(|n| &n.record == key && n.date > prev_date && n.date <= date).max_by_key(|n| n.date);
        match note {
            Some(n) => out.push(super::Corrected {
                record: key.clone(),
                change: change.to_string(),
                date: n.date.to_string(),
                what: n.what.clone(),
                why: n.why.clone(),
            }),
            None => {
                let (what, what_en) = match fields {
                    Some(f) => (format!("更改了 {}", describe(f)), format!("changed {}", describe(f))),
                    None => ("删除了这条记录".to_string(), "removed it".to_string()),
                };
                found.push(
                    Diagnostic::error(
                        file,
                        "",
                        format!(
                            "{}：记录“{key}”是第 {prev_no} 版公布的真实记录，本次{what}，但没有更正说明。请在 {file} 的 corrections 中加入 {{\"record\": \"{key}\", \"date\": \"YYYY-MM-DD\", \"what\": \"更正了什么\", \"why\": \"为什么\"}}，日期晚于第 {prev_no} 版的 {prev_date}、不晚于本版的 {date}",
                            diff.dataset
                        ),
                    )
                    .en(format!(
                        "{}: the record “{key}” was published as a real record by release {prev_no}; this release {what_en} without a correction note. Add {{\"record\": \"{key}\", \"date\": \"YYYY-MM-DD\", \"what\": \"…\", \"why\": \"…\"}} to the corrections of {file}, dated after {prev_date} and not after {date}",
                        diff.dataset
                    )),
                );
            }
        }
    }
    Checked { value: out, findings: found }
}

/// The diffs as CSV, like the app's tables' CSVs (BOM, CRLF, text fields neutralised against
/// formulas): one line per added or removed record, one per changed field.
pub fn to_csv(diffs: &[DatasetDiff]) -> String {
    use crate::csv::text_field;
    let mut s = String::from("\u{feff}数据集,记录,所在部分,真实/示例,变化,字段,原值,新值\r\n");
    let kind = |real: bool| if real { "真实记录" } else { "示例数据" };
    let mut line = |cells: [&str; 8]| {
        s.push_str(&cells.iter().map(|c| text_field(c)).collect::<Vec<_>>().join(","));
        s.push_str("\r\n");
    };
    for d in diffs {
        for r in &d.added {
            line([&d.dataset, &r.key, r.section, kind(r.real), "新增", "", "", ""]);
        }
        for c in &d.changed {
            for f in &c.fields {
                line([&d.dataset, &c.key, c.section, kind(c.real), "更改", &f.field, f.old.as_deref().unwrap_or(""), f.new.as_deref().unwrap_or("")]);
            }
        }
        for r in &d.removed {
            line([&d.dataset, &r.key, r.section, kind(r.real), "删除", "", "", ""]);
        }
    }
    s
}

/// The diff of every dataset (or only `dataset`) between two versions of the folder in `store`
/// (each read from its stored objects, checked against its release). Datasets whose files are
/// byte for byte the same in both are left out without being read.
pub fn between(store: &dyn super::Store, from: super::At<'_>, to: super::At<'_>, dataset: Option<&str>) -> Result<Vec<DatasetDiff>, Diagnostic> {
    use super::{datasets_at, read_at, At};
    let old_sets = datasets_at(store, from)?;
    let new_sets = datasets_at(store, to)?;
    let mut ids: Vec<&str> = new_sets.iter().map(|(id, _)| id.as_str()).collect();
    ids.extend(old_sets.iter().map(|(id, _)| id.as_str()).filter(|id| !new_sets.iter().any(|(n, _)| n == id)));
    let files_of = |sets: &[(String, Vec<String>)], id: &str| sets.iter().find(|(x, _)| x == id).map(|(_, f)| f.clone()).unwrap_or_default();
    let hash_of = |at: At<'_>, f: &str| match at {
        At::Release(r) => r.file(f).map(|e| e.sha256.clone()),
        At::Current => None,
    };
    let mut out = Vec::new();
    for id in ids.into_iter().filter(|id| dataset.is_none_or(|d| d == *id)) {
        let (old_files, new_files) = (files_of(&old_sets, id), files_of(&new_sets, id));
        if old_files == new_files && new_files.iter().all(|f| hash_of(from, f).is_some() && hash_of(from, f) == hash_of(to, f)) {
            continue;
        }
        let read = |at: At<'_>, names: &[String]| -> Result<Vec<(String, std::borrow::Cow<'_, [u8]>)>, Diagnostic> {
            names.iter().map(|n| read_at(store, at, n).map(|b| (n.clone(), b))).collect()
        };
        let (ob, nb) = (read(from, &old_files)?, read(to, &new_files)?);
        let o: Vec<(&str, &[u8])> = ob.iter().map(|(n, b)| (n.as_str(), b.as_ref())).collect();
        let n: Vec<(&str, &[u8])> = nb.iter().map(|(n, b)| (n.as_str(), b.as_ref())).collect();
        let d = diff(id, &records(id, &o)?, &records(id, &n)?);
        if !d.is_empty() {
            out.push(d);
        }
    }
    Ok(out)
}
