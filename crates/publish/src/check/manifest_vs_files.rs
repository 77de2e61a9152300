//! The manifest against the folder: every listed file present and matching its checksum, a
//! ledger's parts and their packs, record counts, date ranges and sample flags as in the files,
//! publication not overdue, summary.json listed and current, no file left unlisted.

use super::load::Loaded;
use super::KNOWN;
use gongshi_core::cadence;
use gongshi_core::date::PartialDate;
use gongshi_core::diag::Diagnostic;
use gongshi_core::integrity;
use gongshi_core::ledger::Donation;
use gongshi_core::manifest::{self, Dataset, Manifest};
use gongshi_core::summary;
use serde_json::Value;
use std::collections::BTreeMap;

/// What the manifest is checked against.
pub(super) struct Folder<'a> {
    pub files: &'a BTreeMap<String, Vec<u8>>,
    pub loaded: &'a Loaded,
    /// Each file that parsed as JSON.
    pub values: &'a BTreeMap<&'a str, Value>,
    /// When given, publication overdue is a warning.
    pub today: Option<PartialDate>,
}

impl Folder<'_> {
    /// Every finding about the manifest `m`: per dataset in its order, then summary.json, then
    /// the files it does not list.
    pub(super) fn check(&self, m: &Manifest) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        for (i, d) in m.datasets.iter().enumerate() {
            self.dataset(&format!("datasets[{i}]"), d, &mut out);
        }
        self.summary_listed(m, &mut out);
        self.lookup_shards(m, &mut out);
        self.unlisted_files(m, &mut out);
        out
    }

    /// 捐赠查询's shards, when the manifest says there are some: each one exactly what
    /// `gongshi manifest` would write from the parts and the disbursements as they are now (a
    /// stale shard is not used by the app, which then reads the year; an error here says so).
    fn lookup_shards(&self, m: &Manifest, out: &mut Vec<Diagnostic>) {
        let path = "datasets[donations].lookup";
        let again = "（运行 gongshi manifest 重新生成；在此之前网页读取问题所属的年度）";
        let again_en = " (run gongshi manifest to write them again; until then the app reads the year a question names)";
        let Some((d, buckets)) = m.dataset("donations").and_then(|d| Some((d, d.lookup_buckets?))) else { return };
        let Some((_, sources)) = m.lookup_sources() else {
            out.push(
                Diagnostic::error(manifest::FILE, path, format!("捐赠查询文件需要捐赠分卷和支出文件的校验值{again}"))
                    .en(format!("the lookup files need the checksums of the donations parts and of the disbursements file{again_en}")),
            );
            return;
        };
        let x = m.dataset("disbursements").map(|x| x.file.as_str()).unwrap_or_default();
        // In the manifest's part order (the records' order in the shards).
        let parts: Vec<(String, String)> = d.parts.iter().map(|p| (p.file.clone(), sources[&p.file].clone())).collect();
        let mut wrong = Vec::new();
        let compare = |name: String, text: String| {
            if self.files.get(&name).is_none_or(|b| b != text.as_bytes()) {
                wrong.push(name);
            }
            Ok(())
        };
        match crate::shard::for_folder(&parts, (x, &sources[x]), self.files, compare) {
            Ok(n) if n == buckets => {}
            Ok(n) => {
                out.push(
                    Diagnostic::error(manifest::FILE, path, format!("捐赠查询文件应分 {n} 组，清单记录 {buckets} 组{again}"))
                        .en(format!("the lookup files should be {n} buckets, the manifest says {buckets}{again_en}")),
                );
                return;
            }
            Err(e) => {
                out.push(Diagnostic::error(manifest::FILE, path, format!("无法计算捐赠查询文件：{e}")).en(format!("the lookup files cannot be computed: {e}")));
                return;
            }
        }
        if let Some(first) = wrong.first() {
            out.push(
                Diagnostic::error(first, "", format!("{} 个捐赠查询文件缺失或与现在的捐赠、支出文件不一致{again}", wrong.len()))
                    .en(format!("{} lookup files are missing or differ from the current donations and disbursements{again_en}", wrong.len())),
            );
        }
    }

    /// One listed dataset (`path`: its place in the manifest); nothing more once its file is missing.
    fn dataset(&self, path: &str, d: &Dataset, out: &mut Vec<Diagnostic>) {
        let Some(bytes) = self.files.get(&d.file) else {
            out.push(Diagnostic::error(manifest::FILE, format!("{path}.file"), format!("清单列出的文件“{}”不存在", d.file)));
            return;
        };
        if let Err(e) = integrity::verify(&d.file, bytes, d) {
            out.push(e);
        }
        let part_records = self.parts(path, d, out);
        if let (Some(total), Some(n)) = (part_records, d.records) {
            if total != n {
                out.push(Diagnostic::error(manifest::FILE, format!("{path}.records"), format!("清单记录 {} 共有 {n} 条记录，各分卷实际可用 {total} 条", d.id)));
            }
        }
        if !KNOWN.iter().any(|(id, _)| *id == d.id) {
            out.push(Diagnostic::warning(manifest::FILE, format!("{path}.id"), format!("数据集“{}”没有对应的检查规则，只检查了校验值和隐私", d.id)));
        }
        if part_records.is_none() {
            self.count_and_range(path, d, out);
        }
        self.sample_flag(path, d, out);
        self.overdue(path, d, out);
    }

    /// A dataset in parts: every part exists and matches its checksum (its content was checked by
    /// `load_folder`), and so does its pack. The records of all parts (donations only: other
    /// datasets in parts are a warning, and `None`).
    fn parts(&self, path: &str, d: &Dataset, out: &mut Vec<Diagnostic>) -> Option<u64> {
        if d.parts.is_empty() {
            return None;
        }
        for (j, part) in d.parts.iter().enumerate() {
            let Some(bytes) = self.files.get(&part.file) else {
                out.push(
                    Diagnostic::error(manifest::FILE, format!("{path}.parts[{j}].file"), format!("清单列出的分卷“{}”不存在", part.file))
                        .en(format!("The part “{}” listed in the manifest does not exist", part.file)),
                );
                continue;
            };
            if let Err(e) = integrity::verify_parts(&part.file, bytes, part.sha256.as_deref(), part.bytes) {
                out.push(e);
            }
            if let (Some(pk), "donations") = (&part.pack, d.id.as_str()) {
                out.extend(check_pack(&format!("{path}.parts[{j}].pack"), &part.file, bytes, pk, self.files, self.loaded.part(&part.file)));
            }
        }
        if d.id == "donations" {
            self.loaded.stats.get(&d.id).map(|s| s.records)
        } else {
            out.push(Diagnostic::warning(manifest::FILE, format!("{path}.parts"), "目前只有捐赠台账（donations）支持分卷，这些分卷不会被网页读取"));
            None
        }
    }

    /// The record count and date range the manifest records, against the loaded file's.
    fn count_and_range(&self, path: &str, d: &Dataset, out: &mut Vec<Diagnostic>) {
        let Some(stats) = self.loaded.stats.get(&d.id) else { return };
        if let Some(n) = d.records.filter(|n| *n != stats.records) {
            out.push(Diagnostic::error(
                manifest::FILE,
                format!("{path}.records"),
                format!("清单记录 {} 有 {n} 条记录，文件中实际可用 {} 条（请运行 gongshi manifest）", d.file, stats.records),
            ));
        }
        if let Some((a, b)) = d.date_range.filter(|r| Some(*r) != stats.date_range) {
            let actual = stats.date_range.map(|(x, y)| format!("{x} 至 {y}")).unwrap_or_else(|| "无日期".into());
            out.push(Diagnostic::error(
                manifest::FILE,
                format!("{path}.date_range"),
                format!("清单记录 {} 的日期范围为 {a} 至 {b}，文件中实际为 {actual}（请运行 gongshi manifest）", d.file),
            ));
        }
    }

    /// The manifest's sample flag against the file's own.
    fn sample_flag(&self, path: &str, d: &Dataset, out: &mut Vec<Diagnostic>) {
        let Some(file_sample) = self.values.get(d.file.as_str()).and_then(|v| v.get("sample")).and_then(Value::as_bool) else { return };
        if file_sample && !d.sample {
            out.push(Diagnostic::error(manifest::FILE, format!("{path}.sample"), format!("清单标为真实数据，但 {} 标明含示例数据", d.file)));
        } else if !file_sample && d.sample {
            out.push(Diagnostic::warning(manifest::FILE, format!("{path}.sample"), format!("清单标为示例数据，但 {} 标明是真实数据", d.file)));
        }
    }

    /// Real data not updated within its legal cadence.
    fn overdue(&self, path: &str, d: &Dataset, out: &mut Vec<Diagnostic>) {
        let (Some(today), Some(last), Some(c), false) = (self.today, d.last_updated, d.cadence.as_ref(), d.sample) else { return };
        if cadence::overdue(last, c, today) {
            out.push(Diagnostic::warning(
                manifest::FILE,
                format!("{path}.last_updated"),
                format!("“{}”已超过法定公开周期：上次更新 {last}，应在 {} 前更新（每 {} 天；{}）", d.title, cadence::next_due(last, c), c.every_days, c.basis),
            ));
        }
    }

    /// summary.json, when listed: present and matching its checksum.
    fn summary_listed(&self, m: &Manifest, out: &mut Vec<Diagnostic>) {
        let Some(s) = &m.summary else { return };
        match self.files.get(&s.file) {
            Some(bytes) => {
                if let Err(e) = integrity::verify_parts(&s.file, bytes, s.sha256.as_deref(), s.bytes) {
                    out.push(e);
                }
            }
            None => out.push(Diagnostic::error(manifest::FILE, "summary.file", format!("清单列出的汇总文件“{}”不存在", s.file))),
        }
    }

    /// A file the manifest does not list (the manifest, summary.json and the logo aside) is never read.
    fn unlisted_files(&self, m: &Manifest, out: &mut Vec<Diagnostic>) {
        let listed: Vec<&str> = m
            .datasets
            .iter()
            .flat_map(|d| {
                std::iter::once(d.file.as_str())
                    .chain(d.parts.iter().flat_map(|p| std::iter::once(p.file.as_str()).chain(p.pack.as_ref().map(|k| k.file.as_str()))))
            })
            .chain(m.summary.as_ref().map(|s| s.file.as_str()))
            .chain(m.organisation.logo.as_deref())
            .collect();
        let shards = m.dataset("donations").and_then(|d| d.lookup_buckets).unwrap_or(0);
        let is_shard = |name: &str| (0..shards).any(|b| gongshi_core::ledger::shard::file_name(b) == name);
        for name in self.files.keys() {
            if name != manifest::FILE && name != summary::FILE && !listed.contains(&name.as_str()) && !is_shard(name) {
                out.push(Diagnostic::warning(name, "", "这个文件没有列在 manifest.json 中，网页不会读取它"));
            }
        }
    }
}

/// A donations part's pack ([`gongshi_core::pack`]): present, matching its checksum, made from the
/// part's JSON as it is now by this version's validation, and holding exactly what the JSON
/// gives (`part`: its records and problems as `load_folder` read them; `None` when the JSON
/// could not be read, which is reported with the JSON). Every finding tells the publisher to
/// write the packs again (`gongshi manifest`).
fn check_pack(
    path: &str,
    json_file: &str,
    json: &[u8],
    pk: &manifest::FileRef,
    files: &BTreeMap<String, Vec<u8>>,
    part: Option<(&[Donation], &[Diagnostic])>,
) -> Vec<Diagnostic> {
    let again = "（运行 gongshi manifest 重新生成；在此之前网页读取 JSON）";
    let again_en = " (run gongshi manifest to write it again; until then the app reads the JSON)";
    let Some(bytes) = files.get(&pk.file) else {
        return vec![Diagnostic::error(manifest::FILE, format!("{path}.file"), format!("清单列出的快速加载文件“{}”不存在{again}", pk.file))
            .en(format!("The fast-load file “{}” listed in the manifest does not exist{again_en}", pk.file))];
    };
    if let Err(e) = integrity::verify_parts(&pk.file, bytes, pk.sha256.as_deref(), pk.bytes) {
        return vec![e];
    }
    let decoded = match gongshi_core::pack::decode_donations(bytes, &integrity::sha256_hex(json)) {
        Ok(c) => c,
        Err(e) => {
            let (zh, en) = e.reason();
            return vec![Diagnostic::error(&pk.file, "", format!("{json_file} 的快速加载文件不能用：{zh}{again}"))
                .en(format!("The fast-load file of {json_file} cannot be used: {en}{again_en}"))];
        }
    };
    let Some((records, problems)) = part else { return Vec::new() };
    if !problems.is_empty() {
        return vec![Diagnostic::error(&pk.file, "", format!("{json_file} 有问题，不应有快速加载文件（网页会拒绝它）{again}"))
            .en(format!("{json_file} has problems, so it should have no fast-load file (the app refuses it){again_en}"))];
    }
    if decoded.value != records {
        let first = decoded.value.iter().zip(records).position(|(a, b)| a != b).unwrap_or(decoded.value.len().min(records.len()));
        return vec![Diagnostic::error(&pk.file, "", format!("快速加载文件与 {json_file} 的内容不一致（从第 {} 条记录起）{again}", first + 1))
            .en(format!("The fast-load file differs from {json_file} (from record {}){again_en}", first + 1))];
    }
    Vec::new()
}
