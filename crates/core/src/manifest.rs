//! manifest.json: who publishes, and which datasets there are.

use crate::cadence::Cadence;
use crate::date::PartialDate;
use crate::diag::{Checked, Diagnostic};
use crate::validate::{Ctx, English, Item};
use serde::{Deserialize, Serialize};

pub const FILE: &str = "manifest.json";

#[derive(Serialize, Deserialize, Default, Clone, Debug, PartialEq)]
#[serde(default)]
pub struct RawManifest {
    pub organisation: Option<Organisation>,
    pub datasets: Vec<RawDataset>,
    /// The overview's aggregates (summary.json), with its checksum; written by
    /// `gongshi manifest` when the file exists.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<RawFileRef>,
}

/// A derived file listed in the manifest with its checksum (summary.json).
#[derive(Serialize, Deserialize, Default, Clone, Debug, PartialEq, Eq)]
#[serde(default)]
pub struct RawFileRef {
    pub file: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sha256: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bytes: Option<u64>,
}

use crate::org::in_lang;
pub use crate::org::Organisation;

#[derive(Serialize, Deserialize, Default, Clone, Debug, PartialEq)]
#[serde(default)]
pub struct RawDataset {
    pub id: Option<String>,
    pub file: Option<String>,
    pub title: Option<String>,
    pub title_en: Option<String>,
    pub last_updated: Option<String>,
    pub source: Option<String>,
    /// The source in English, for the English pages and charts (the Chinese when absent).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_en: Option<String>,
    pub records: Option<u64>,
    pub sample: Option<bool>,
    /// SHA-256 of the file's bytes, lowercase hex (64 characters).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sha256: Option<String>,
    /// The file's size in bytes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bytes: Option<u64>,
    /// First and last date in the data, ISO: `["2019-01-05", "2023-12-31"]`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_range: Option<Vec<String>>,
    /// How often the law requires the dataset to be published.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cadence: Option<Cadence>,
    /// A large dataset published in parts (one file per year, or per part of a year): each
    /// part has the same format as the whole file. When present, the app loads the parts it
    /// needs instead of `file`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parts: Option<Vec<RawPart>>,
    /// 捐赠查询's answer shards of a ledger in parts ([`crate::ledger::shard`]), written by
    /// `gongshi manifest`: how many buckets (files `lookup-0000.json` …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lookup: Option<RawLookup>,
}

/// The donations' lookup shards: `{"buckets": 1024}`.
#[derive(Serialize, Deserialize, Default, Clone, Debug, PartialEq, Eq)]
#[serde(default)]
pub struct RawLookup {
    pub buckets: Option<u32>,
}

/// One part of a partitioned dataset.
#[derive(Serialize, Deserialize, Default, Clone, Debug, PartialEq, Eq)]
#[serde(default)]
pub struct RawPart {
    pub file: Option<String>,
    /// The year all its records fall in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<u16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub records: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sha256: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bytes: Option<u64>,
    /// The part's compact companion ([`crate::pack`]), written by `gongshi manifest`: the same
    /// records, already validated, for a faster load. The JSON stays the source of truth.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pack: Option<RawFileRef>,
}

/// One part of a partitioned dataset (validated).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Part {
    pub file: String,
    pub year: Option<u16>,
    pub records: Option<u64>,
    pub sha256: Option<String>,
    pub bytes: Option<u64>,
    /// Its pack, when one was written. The app reads it instead of the JSON only when both
    /// checksums are recorded (see [`Part::usable_pack`]).
    pub pack: Option<FileRef>,
}

impl Part {
    /// The pack to read instead of the JSON: only with the JSON's checksum recorded (the pack
    /// must have been made from exactly those bytes) and the pack's own.
    pub fn usable_pack(&self) -> Option<&FileRef> {
        self.sha256.as_ref()?;
        self.pack.as_ref().filter(|p| p.sha256.is_some())
    }
}

impl Dataset {
    /// The title in `lang` (`title_en` when the manifest gives one).
    pub fn title_in(&self, lang: crate::i18n::Lang) -> &str {
        in_lang(lang, &self.title, self.title_en.as_deref())
    }

    /// The source in `lang` (`source_en` when the manifest gives one).
    pub fn source_in(&self, lang: crate::i18n::Lang) -> &str {
        in_lang(lang, &self.source, self.source_en.as_deref())
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dataset {
    pub id: String,
    pub file: String,
    pub title: String,
    pub title_en: Option<String>,
    pub last_updated: Option<PartialDate>,
    pub source: String,
    pub source_en: Option<String>,
    pub records: Option<u64>,
    /// Generated records, not real ones. Always shown as such.
    pub sample: bool,
    /// SHA-256 of the file, lowercase hex; check downloads with [`crate::integrity::verify`].
    pub sha256: Option<String>,
    /// The file's size in bytes.
    pub bytes: Option<u64>,
    /// First and last date in the data.
    pub date_range: Option<(PartialDate, PartialDate)>,
    /// The legal publication cadence; see [`crate::cadence::next_due`] and [`crate::cadence::overdue`].
    pub cadence: Option<Cadence>,
    /// The dataset's parts, when it is published in parts (empty otherwise).
    pub parts: Vec<Part>,
    /// How many lookup shards there are ([`crate::ledger::shard`]), when the publisher wrote them.
    pub lookup_buckets: Option<u32>,
}

impl Dataset {
    /// The parts to load for `years` (all parts when `years` is empty; parts without a year
    /// are always loaded).
    pub fn parts_for(&self, years: &[u16]) -> Vec<&Part> {
        self.parts.iter().filter(|p| years.is_empty() || p.year.is_none_or(|y| years.contains(&y))).collect()
    }
}

/// A derived file with its checksum (summary.json).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileRef {
    pub file: String,
    pub sha256: Option<String>,
    pub bytes: Option<u64>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Manifest {
    /// Shared: the app hands it to every table run and facet panel without copying it.
    pub organisation: std::sync::Arc<Organisation>,
    pub datasets: Vec<Dataset>,
    /// summary.json, when listed.
    pub summary: Option<FileRef>,
}

impl Manifest {
    /// What 捐赠查询's shards must have been made from, with how many buckets there are: the
    /// SHA-256 of every donations part and of the disbursements file, by file name
    /// ([`crate::ledger::shard::read`]). `None` without shards, or when a checksum is missing.
    pub fn lookup_sources(&self) -> Option<(u32, std::collections::BTreeMap<String, String>)> {
        let d = self.dataset("donations")?;
        let buckets = d.lookup_buckets?;
        let x = self.dataset("disbursements")?;
        let mut sources = std::collections::BTreeMap::new();
        for p in &d.parts {
            sources.insert(p.file.clone(), p.sha256.clone()?);
        }
        sources.insert(x.file.clone(), x.sha256.clone()?);
        (!d.parts.is_empty()).then_some((buckets, sources))
    }

    pub fn dataset(&self, id: &str) -> Option<&Dataset> {
        self.datasets.iter().find(|d| d.id == id)
    }

    /// The newest `last_updated` over the real datasets (sample data does not make a site
    /// "updated"); over all datasets when none is real.
    pub fn last_updated(&self) -> Option<PartialDate> {
        let real = self.datasets.iter().filter(|d| !d.sample).filter_map(|d| d.last_updated).max();
        real.or_else(|| self.datasets.iter().filter_map(|d| d.last_updated).max())
    }
}

pub fn load(text: &str) -> Result<Checked<Manifest>, Diagnostic> {
    let raw: RawManifest = crate::json::parse(FILE, text)?;
    Ok(validate(raw))
}

/// The organisation ([`Organisation::check_into`]), every dataset ([`dataset`]), the summary's
/// file, and the lists the relief and coverage datasets need.
pub fn validate(raw: RawManifest) -> Checked<Manifest> {
    let mut ctx = Ctx::new(FILE);
    let organisation = raw.organisation.unwrap_or_default();
    organisation.check_into(&mut ctx);
    let mut datasets: Vec<Dataset> = Vec::new();
    for (i, d) in raw.datasets.into_iter().enumerate() {
        if let Some(d) = dataset(&mut ctx, &Item::new(&"datasets", i), d, &datasets) {
            datasets.push(d);
        }
    }
    let summary = match raw.summary {
        None => None,
        Some(RawFileRef { file: Some(file), sha256, bytes }) if is_safe_file(&file) => {
            let sha256 = check_sha256(&mut ctx, sha256, &"summary.sha256");
            Some(FileRef { file, sha256, bytes })
        }
        Some(_) => {
            ctx.error_en(&"summary.file", "汇总文件缺少文件名，或文件名不安全", "the summary file has no name, or its name is not safe");
            None
        }
    };
    check_lists(&mut ctx, &organisation, &datasets);
    ctx.finish(Manifest { organisation: std::sync::Arc::new(organisation), datasets, summary })
}

/// One dataset: an id (not listed before in `earlier`) and a safe file name (else it is left
/// out), then its date, sample flag, checksum, date range, cadence and parts.
fn dataset(ctx: &mut Ctx, at: &Item, d: RawDataset, earlier: &[Dataset]) -> Option<Dataset> {
    let (Some(id), Some(file)) = (d.id, d.file) else {
        ctx.error_en(at, "数据集缺少 id 或 file", "a dataset has no id or no file");
        return None;
    };
    if earlier.iter().any(|x| x.id == id) {
        ctx.error_en(&at.field("id"), format!("数据集“{id}”重复"), format!("the dataset “{id}” is listed twice"));
        return None;
    }
    if file.contains("..") || file.starts_with('/') || file.contains("://") {
        ctx.error_en(
            &at.field("file"),
            format!("文件名“{file}”不安全：只能是 data/ 目录中的文件"),
            format!("the file name “{file}” is not safe: it must be a file in the data/ folder"),
        );
        return None;
    }
    let last_updated = ctx.opt_date(d.last_updated.as_deref(), &at.field("last_updated"), "", English::No).flatten();
    let sample = match d.sample {
        Some(s) => s,
        None => {
            ctx.warning_en(
                &at.field("sample"),
                format!("数据集“{id}”没有说明是否为示例数据，按示例数据显示"),
                format!("the dataset “{id}” does not say whether it is sample data, so it is shown as sample data"),
            );
            true
        }
    };
    let sha256 = check_sha256(ctx, d.sha256, &at.field("sha256"));
    let date_range = date_range(ctx, d.date_range.as_deref(), &at.field("date_range"));
    let cadence = match d.cadence {
        Some(c) if c.every_days == 0 || c.emergency_every_days == Some(0) => {
            ctx.error_en(&at.field("cadence"), "公开周期的天数应为正整数", "the publication cadence must be a positive number of days");
            None
        }
        c => c,
    };
    let parts_list = at.field("parts");
    let mut parts = Vec::new();
    for (j, p) in d.parts.into_iter().flatten().enumerate() {
        parts.extend(part(ctx, &Item::new(&parts_list, j), p));
    }
    let lookup_buckets = match d.lookup {
        None => None,
        Some(RawLookup { buckets: Some(n) }) if (1..=crate::ledger::shard::MAX_BUCKETS).contains(&n) => Some(n),
        Some(_) => {
            ctx.warning_en(
                &at.field("lookup"),
                format!("捐赠查询文件的组数应为 1 至 {}；网页将读取整个年度", crate::ledger::shard::MAX_BUCKETS),
                format!("the number of lookup buckets must be 1 to {}; the app reads the whole year", crate::ledger::shard::MAX_BUCKETS),
            );
            None
        }
    };
    Some(Dataset {
        lookup_buckets,
        parts,
        title: d.title.unwrap_or_else(|| id.clone()),
        id,
        file,
        title_en: d.title_en,
        last_updated,
        source: d.source.unwrap_or_default(),
        source_en: d.source_en,
        records: d.records,
        sample,
        sha256,
        bytes: d.bytes,
        date_range,
        cadence,
    })
}

/// A dataset's date range: two dates that exist, the first not after the second.
fn date_range(ctx: &mut Ctx, v: Option<&[String]>, path: &dyn std::fmt::Display) -> Option<(PartialDate, PartialDate)> {
    match v? {
        [a, b] => match (PartialDate::parse(a), PartialDate::parse(b)) {
            (Ok(a), Ok(b)) if a <= b => Some((a, b)),
            (Ok(_), Ok(_)) => {
                ctx.error_en(path, format!("日期范围“{a}”至“{b}”起止颠倒"), format!("the date range “{a}” to “{b}” ends before it starts"));
                None
            }
            (Err(e), _) | (_, Err(e)) => {
                ctx.error(path, e);
                None
            }
        },
        _ => {
            ctx.error_en(path, "日期范围应为两个日期：[起, 止]", "the date range must be two dates: [from, to]");
            None
        }
    }
}

/// One part of a dataset published in parts: a safe file name, its checksum, and its pack (a
/// pack without a safe name of its own is dropped with a warning: the app reads the JSON).
fn part(ctx: &mut Ctx, at: &Item, p: RawPart) -> Option<Part> {
    match p.file {
        Some(f) if is_safe_file(&f) => {
            let sha256 = check_sha256(ctx, p.sha256, &at.field("sha256"));
            let pack_at = at.field("pack");
            let pack = match p.pack {
                None => None,
                Some(RawFileRef { file: Some(file), sha256, bytes }) if is_safe_file(&file) && file != f => {
                    let sha256 = check_sha256(ctx, sha256, &pack_at.field("sha256"));
                    Some(FileRef { file, sha256, bytes })
                }
                Some(_) => {
                    ctx.warning_en(
                        &pack_at,
                        "分卷的快速加载文件缺少文件名，或文件名不安全；网页将读取 JSON",
                        "the part's fast-load file has no name, or its name is not safe; the app reads the JSON",
                    );
                    None
                }
            };
            Some(Part { file: f, year: p.year, records: p.records, sha256, bytes: p.bytes, pack })
        }
        Some(f) => {
            ctx.error_en(
                &at.field("file"),
                format!("文件名“{f}”不安全：只能是 data/ 目录中的文件"),
                format!("the file name “{f}” is not safe: it must be a file in the data/ folder"),
            );
            None
        }
        None => {
            ctx.error_en(at, "分卷缺少 file", "a part has no file");
            None
        }
    }
}

/// Relief and coverage are checked against the organisation's divisions and programmes: a
/// manifest listing them needs the lists (one finding per list, none when the list already
/// has one).
fn check_lists(ctx: &mut Ctx, organisation: &Organisation, datasets: &[Dataset]) {
    for (id, empty, zh, en) in [
        (
            "relief",
            organisation.divisions.is_empty(),
            "救助数据按行政区划核对：请在 organisation.divisions 中列出本会的行政区划",
            "relief records are checked against the divisions: list them in organisation.divisions",
        ),
        (
            "coverage",
            organisation.divisions.is_empty(),
            "组织覆盖数据按行政区划核对：请在 organisation.divisions 中列出本会的行政区划",
            "coverage rows are checked against the divisions: list them in organisation.divisions",
        ),
        (
            "relief",
            organisation.programmes.is_empty(),
            "救助数据按救助项目核对：请在 organisation.programmes 中列出本会的救助项目",
            "relief records are checked against the programmes: list them in organisation.programmes",
        ),
    ] {
        let path = if zh.contains("divisions") { "organisation.divisions" } else { "organisation.programmes" };
        if empty && datasets.iter().any(|d| d.id == id) && !ctx.findings().iter().any(|d| d.path == path) {
            ctx.error_en(&path, zh, en);
        }
    }
}

fn is_safe_file(file: &str) -> bool {
    !(file.is_empty() || file.contains("..") || file.starts_with('/') || file.contains("://"))
}

/// A SHA-256 must be 64 hex digits; kept in lowercase.
fn check_sha256(ctx: &mut Ctx, v: Option<String>, path: &dyn std::fmt::Display) -> Option<String> {
    match v {
        Some(h) if h.len() == 64 && h.bytes().all(|b| b.is_ascii_hexdigit()) => Some(h.to_ascii_lowercase()),
        Some(h) => {
            ctx.error_en(
                path,
                format!("校验值“{h}”格式不对（应为 64 位十六进制 SHA-256）"),
                format!("the checksum “{h}” is not a SHA-256 (64 hexadecimal digits)"),
            );
            None
        }
        None => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unsafe_paths_and_missing_sample_flag() {
        let c = load(
            r#"{"organisation":{"name":"咸宁市红十字会"},"datasets":[
              {"id":"a","file":"../secret.json"},
              {"id":"b","file":"b.json","last_updated":"2023-09-18"},
              {"id":"c","file":"c.json","sample":false,"last_updated":"2024-01-02"},
              {"id":"d","file":"d.json","sample":true,"last_updated":"2025-01-02"}]}"#,
        )
        .unwrap();
        assert!(c.findings.iter().any(|d| d.path == "datasets[0].file"));
        // Every manifest problem has an English text for the English page.
        assert!(c.findings.iter().all(|d| d.message_in(crate::i18n::Lang::En).1), "{:?}", c.findings);
        let unsafe_file = c.findings.iter().find(|d| d.path == "datasets[0].file").unwrap();
        assert!(unsafe_file.message_in(crate::i18n::Lang::En).0.ends_with("it must be a file in the data/ folder"));
        assert!(c.value.dataset("b").unwrap().sample, "unspecified means sample");
        assert_eq!(c.value.last_updated().unwrap().to_string(), "2024-01-02");
    }

    #[test]
    fn integrity_range_and_cadence_fields_are_optional_and_checked() {
        let hash = "ab".repeat(32);
        let c = load(&format!(
            r#"{{"organisation":{{"name":"咸宁市红十字会"}},"datasets":[
              {{"id":"a","file":"a.json","sample":false,"sha256":"{}","bytes":12,"date_range":["2019-01-05","2023-12"],
                "cadence":{{"every_days":90,"emergency_every_days":5,"basis":"慈善法"}}}},
              {{"id":"b","file":"b.json","sample":false,"sha256":"xyz","date_range":["2023-12-31","2019-01-01"],"cadence":{{"every_days":0}}}},
              {{"id":"c","file":"c.json","sample":false,"date_range":["2019-01-01"]}}],
              "summary":{{"file":"summary.json","sha256":"{}","bytes":3}}}}"#,
            hash.to_uppercase(),
            hash
        ))
        .unwrap();
        let a = c.value.dataset("a").unwrap();
        assert_eq!(a.sha256.as_deref(), Some(hash.as_str()), "kept in lowercase");
        assert_eq!(a.bytes, Some(12));
        assert_eq!(a.date_range.map(|(x, y)| (x.to_string(), y.to_string())), Some(("2019-01-05".into(), "2023-12".into())));
        assert_eq!(a.cadence.as_ref().map(|c| (c.every_days, c.emergency_every_days)), Some((90, Some(5))));
        let b = c.value.dataset("b").unwrap();
        assert_eq!((b.sha256.as_ref(), b.date_range, b.cadence.as_ref()), (None, None, None));
        let paths: Vec<&str> = c.findings.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(paths, vec!["datasets[1].sha256", "datasets[1].date_range", "datasets[1].cadence", "datasets[2].date_range"]);
        assert_eq!(c.value.summary.as_ref().map(|s| (s.file.as_str(), s.bytes)), Some(("summary.json", Some(3))));
        // An old manifest, without any of them, still loads as before.
        let old = load(r#"{"organisation":{"name":"x"},"datasets":[{"id":"a","file":"a.json","sample":true}]}"#).unwrap();
        assert!(old.findings.is_empty());
        let a = old.value.dataset("a").unwrap();
        assert_eq!((a.sha256.as_ref(), a.bytes, a.date_range, a.cadence.as_ref()), (None, None, None, None));
        assert_eq!(old.value.summary, None);
    }

    #[test]
    fn raw_manifest_round_trips_through_json() {
        let text = r#"{"organisation":{"name":"咸宁市红十字会","name_en":null,"website":null},"datasets":[{"id":"a","file":"a.json","title":"甲","title_en":null,"last_updated":"2023-09-18","source":"s","records":3,"sample":false,"sha256":"00","bytes":1,"date_range":["2020","2021"],"cadence":{"every_days":365,"basis":"b"}}]}"#;
        let raw: RawManifest = serde_json::from_str(text).unwrap();
        assert_eq!(serde_json::to_string(&raw).unwrap(), text);
    }
}
