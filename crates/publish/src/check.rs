//! Checking a whole data folder the way the app will read it, before publishing.
//!
//! [`load_folder`] loads every dataset with the core loaders (the manifest says which file holds
//! which dataset); [`check_folder`] adds what only a publisher's check can see: files against the
//! manifest (missing, unlisted, SHA-256, size, record counts, date ranges, sample flags,
//! overdue publication), cross-file rules (directed money, goods out ≤ in, the 6.5% project-cost
//! cap), summary.json against the data, and the privacy gate over **every** file.
//!
//! Pure: the caller reads the folder into a map of file name → bytes and passes "today".

use gongshi_core::cadence;
use gongshi_core::coverage::{self, Coverage};
use gongshi_core::date::PartialDate;
use gongshi_core::diag::{Diagnostic, Severity};
use gongshi_core::figures::{self, Figures};
use gongshi_core::integrity;
use gongshi_core::ledger::{self, Disbursement, Donation, Goods, GoodsFlag};
use gongshi_core::manifest::{self, Manifest};
use gongshi_core::privacy::{self, Finding};
use gongshi_core::rectification::{self, Rectification};
use gongshi_core::relief::{self, Relief};
use gongshi_core::summary;
use serde_json::Value;
use std::collections::BTreeMap;

/// The datasets the core has loaders for, with their default file names.
pub const KNOWN: [(&str, &str); 7] = [
    ("rectification", rectification::FILE),
    ("figures", figures::FILE),
    ("donations", ledger::DONATIONS),
    ("disbursements", ledger::DISBURSEMENTS),
    ("goods", ledger::GOODS),
    ("relief", relief::FILE),
    ("coverage", coverage::FILE),
];

/// Record count and date range of one loaded dataset (what the manifest records).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stats {
    pub file: String,
    /// Usable records as counted by the loader: problems for rectification, figures, records for
    /// the ledger files, batches + movements + write-offs for goods, records + aggregates for
    /// relief, county rows for coverage.
    pub records: u64,
    /// First and last date in the data; `None` for figures and coverage, which carry no dates.
    pub date_range: Option<(PartialDate, PartialDate)>,
}

/// Every dataset that loaded, with its stats by dataset id.
#[derive(Default)]
pub struct Loaded {
    pub manifest: Option<Manifest>,
    pub rectification: Option<Rectification>,
    pub figures: Option<Figures>,
    pub donations: Option<Vec<Donation>>,
    pub disbursements: Option<Vec<Disbursement>>,
    pub goods: Option<Goods>,
    pub relief: Option<Relief>,
    pub coverage: Option<Coverage>,
    pub stats: BTreeMap<String, Stats>,
    /// A donations ledger in parts: each part's records (a range of `donations`) and the problems
    /// its loader found, by file name.
    pub parts: BTreeMap<String, PartLoaded>,
}

/// One loaded part of a donations ledger (see [`Loaded::part`]).
#[derive(Clone, Debug, Default)]
pub struct PartLoaded {
    pub rows: std::ops::Range<usize>,
    pub problems: Vec<Diagnostic>,
}

impl Loaded {
    /// A loaded part's records and its loader's problems (what its pack must hold).
    pub fn part(&self, file: &str) -> Option<(&[Donation], &[Diagnostic])> {
        let p = self.parts.get(file)?;
        Some((self.donations.as_deref()?.get(p.rows.clone())?, &p.problems))
    }

    /// The inputs of [`crate::summary::build`].
    pub fn summary_inputs(&self) -> crate::summary::Inputs<'_> {
        crate::summary::Inputs {
            donations: self.donations.as_deref(),
            disbursements: self.disbursements.as_deref(),
            relief: self.relief.as_ref(),
            coverage: self.coverage.as_ref(),
            rectification: self.rectification.as_ref(),
            figures: self.figures.as_ref(),
        }
    }
}

/// The file of each known dataset: as the manifest says, else the default name.
pub fn dataset_files(manifest: Option<&Manifest>) -> Vec<(String, String)> {
    KNOWN
        .iter()
        .map(|(id, default)| {
            let file = manifest.and_then(|m| m.dataset(id)).map(|d| d.file.clone()).unwrap_or_else(|| default.to_string());
            (id.to_string(), file)
        })
        .collect()
}

fn text_of<'a>(file: &str, bytes: &'a [u8]) -> Result<&'a str, Diagnostic> {
    std::str::from_utf8(bytes)
        .map_err(|e| Diagnostic::error(file, "", format!("文件不是 UTF-8 编码（第 {} 字节起无法读取），请另存为 UTF-8", e.valid_up_to() + 1)))
}

/// Re-labels a loader's diagnostic with the file name actually used (the loaders name the default).
fn relabel(mut d: Diagnostic, file: &str) -> Diagnostic {
    d.file = file.to_string();
    d
}

fn range<I: IntoIterator<Item = PartialDate>>(dates: I) -> Option<(PartialDate, PartialDate)> {
    let mut it = dates.into_iter();
    let first = it.next()?;
    Some(it.fold((first, first), |(lo, hi), d| (lo.min(d), hi.max(d))))
}

fn year(y: u16) -> PartialDate {
    PartialDate { year: y, month: None, day: None }
}

/// Loads the manifest (when present) and every known dataset present in `files`.
/// Problems found while loading are returned with the file names as in the folder.
pub fn load_folder(files: &BTreeMap<String, Vec<u8>>) -> (Loaded, Vec<Diagnostic>) {
    let mut out = Vec::new();
    let mut l = Loaded::default();
    if let Some(bytes) = files.get(manifest::FILE) {
        match text_of(manifest::FILE, bytes).and_then(manifest::load) {
            Ok(c) => {
                out.extend(c.problems);
                l.manifest = Some(c.value);
            }
            Err(d) => out.push(d),
        }
    }
    // A donations ledger in parts: the parts, together, are the dataset. Each is read once, here:
    // its own problems, records outside its year, ids already in another part, and its record
    // count against the manifest's. (Existence and checksums: `check_folder`.)
    let in_parts = l.manifest.as_ref().and_then(|m| m.datasets.iter().enumerate().find(|(_, d)| d.id == "donations" && !d.parts.is_empty()));
    let parts: Vec<manifest::Part> = in_parts.map(|(_, d)| d.parts.clone()).unwrap_or_default();
    if let Some((i, d)) = in_parts {
        let mut all: Vec<Donation> = Vec::new();
        let mut ids = std::collections::HashSet::new();
        for (j, p) in d.parts.iter().enumerate() {
            let Some(bytes) = files.get(&p.file) else { continue };
            match text_of(&p.file, bytes).and_then(|t| ledger::load_donations_part(&p.file, t)) {
                Ok(c) => {
                    l.parts.insert(p.file.clone(), PartLoaded { rows: all.len()..all.len() + c.value.len(), problems: c.problems.clone() });
                    out.extend(c.problems);
                    for don in &c.value {
                        if p.year.is_some_and(|y| y != don.date.year) {
                            out.push(Diagnostic::error(
                                &p.file,
                                "",
                                format!("记录 {} 的日期 {} 不在分卷标明的 {} 年", don.id, don.date, p.year.unwrap_or_default()),
                            ));
                        }
                        if !ids.insert(don.id.clone()) {
                            out.push(
                                Diagnostic::error(&p.file, "", format!("编号“{}”在另一个分卷中已出现", don.id))
                                    .en(format!("The id “{}” already appears in another part", don.id)),
                            );
                        }
                    }
                    if let Some(n) = p.records.filter(|n| *n != c.value.len() as u64) {
                        out.push(Diagnostic::error(
                            manifest::FILE,
                            format!("datasets[{i}].parts[{j}].records"),
                            format!("清单记录分卷 {} 有 {n} 条记录，实际可用 {} 条", p.file, c.value.len()),
                        ));
                    }
                    all.extend(c.value);
                }
                Err(d) => out.push(d),
            }
        }
        l.stats.insert("donations".into(), Stats { file: d.file.clone(), records: all.len() as u64, date_range: range(all.iter().map(|d| d.date)) });
        l.donations = Some(all);
    }
    for (id, file) in dataset_files(l.manifest.as_ref()) {
        if id == "donations" && !parts.is_empty() {
            continue;
        }
        let Some(bytes) = files.get(&file) else { continue };
        let text = match text_of(&file, bytes) {
            Ok(t) => t,
            Err(d) => {
                out.push(d);
                continue;
            }
        };
        macro_rules! take {
            ($result:expr, $records:expr, $dates:expr, $slot:expr) => {
                match $result {
                    Ok(c) => {
                        out.extend(c.problems.into_iter().map(|d| relabel(d, &file)));
                        let v = c.value;
                        let records: u64 = $records(&v) as u64;
                        let date_range = $dates(&v);
                        l.stats.insert(id.clone(), Stats { file: file.clone(), records, date_range });
                        $slot = Some(v);
                    }
                    Err(d) => out.push(relabel(d, &file)),
                }
            };
        }
        match id.as_str() {
            "rectification" => take!(
                rectification::load(text),
                |r: &Rectification| r.problems.len(),
                |r: &Rectification| range(
                    r.inspection.start.into_iter().chain(r.published).chain(r.problems.iter().flat_map(|p| p.dates.iter().map(|d| d.date)))
                ),
                l.rectification
            ),
            "figures" => take!(figures::load(text), |f: &Figures| f.figures.len(), |_: &Figures| None, l.figures),
            "donations" => take!(ledger::load_donations(text), |v: &Vec<Donation>| v.len(), |v: &Vec<Donation>| range(v.iter().map(|d| d.date)), l.donations),
            "disbursements" => {
                take!(
                    ledger::load_disbursements(text),
                    |v: &Vec<Disbursement>| v.len(),
                    |v: &Vec<Disbursement>| range(v.iter().map(|d| d.date)),
                    l.disbursements
                )
            }
            "goods" => take!(
                ledger::load_goods(text),
                |g: &Goods| g.batches.len() + g.movements.len() + g.writeoffs.len(),
                |g: &Goods| range(g.batches.iter().map(|b| b.date).chain(g.movements.iter().map(|m| m.date)).chain(g.writeoffs.iter().filter_map(|w| w.date))),
                l.goods
            ),
            "relief" => take!(
                relief::load(text),
                |r: &Relief| r.records.len() + r.aggregates.len(),
                |r: &Relief| range(r.records.iter().map(|x| x.date).chain(r.aggregates.iter().map(|a| year(a.year)))),
                l.relief
            ),
            "coverage" => take!(coverage::load(text), |c: &Coverage| c.counties.len(), |_: &Coverage| None, l.coverage),
            _ => {}
        }
    }
    (l, out)
}

/// The result of [`check_folder`].
#[derive(Clone, Debug, Default)]
pub struct Report {
    /// The files looked at, in name order.
    pub files: Vec<String>,
    /// Every finding, grouped by file; located by line and column where the path can be found.
    pub diagnostics: Vec<Diagnostic>,
}

impl Report {
    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.severity == Severity::Error).count()
    }
    pub fn warnings(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.severity == Severity::Warning).count()
    }
    /// `check: 0 errors, 2 warnings in 8 files`.
    pub fn summary_line(&self) -> String {
        format!("check: {} errors, {} warnings in {} files", self.errors(), self.warnings(), self.files.len())
    }
}

/// The privacy gate over one file. relief.json gets the relief gate (numbers, unmasked recipient
/// names, forbidden fields, street addresses; all errors). Every other file is scanned for ID,
/// mobile and bank-card numbers: ID and mobile numbers are errors; a possible bank-card number is
/// a warning, since about one arbitrary long number in ten passes the Luhn check.
pub fn privacy_findings(file: &str, value: &Value, is_relief: bool) -> Vec<Diagnostic> {
    if is_relief {
        return relief::privacy_gate(file, value);
    }
    privacy::scan_json(value)
        .into_iter()
        .map(|(path, finding, shown)| match finding {
            Finding::BankCard => Diagnostic::warning(file, path, format!("可能含有{}（{shown}）：请核对，个人银行卡号不得公开", finding.zh())),
            _ => Diagnostic::error(file, path, format!("含有{}（{shown}）：个人信息不得公开", finding.zh())),
        })
        .collect()
}

/// Checks every file of a data folder. `files` maps each file name in the folder (JSON files at
/// its top level) to its bytes; `today`, when given, turns on the overdue-publication warnings.
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

pub fn check_folder(files: &BTreeMap<String, Vec<u8>>, today: Option<PartialDate>) -> Report {
    let (loaded, mut out) = load_folder(files);
    let file_of: BTreeMap<String, String> = dataset_files(loaded.manifest.as_ref()).into_iter().collect();
    let relief_file = file_of.get("relief").cloned().unwrap_or_else(|| relief::FILE.to_string());

    // Privacy over every file; a relief file refused by the gate is reported once, in full.
    let mut values: BTreeMap<&str, Value> = BTreeMap::new();
    for (name, bytes) in files {
        let Ok(text) = std::str::from_utf8(bytes) else { continue };
        let Ok(value) = serde_json::from_str::<Value>(text.strip_prefix('\u{feff}').unwrap_or(text)) else { continue };
        let found = privacy_findings(name, &value, *name == relief_file);
        if *name == relief_file && !found.is_empty() {
            out.retain(|d| d.file != relief_file);
        }
        out.extend(found);
        values.insert(name.as_str(), value);
    }

    // The manifest against the folder.
    match &loaded.manifest {
        None if !files.contains_key(manifest::FILE) => out.push(Diagnostic::error(manifest::FILE, "", "数据目录中没有 manifest.json（数据目录清单）")),
        None => {}
        Some(m) => {
            for (i, d) in m.datasets.iter().enumerate() {
                let path = format!("datasets[{i}]");
                let Some(bytes) = files.get(&d.file) else {
                    out.push(Diagnostic::error(manifest::FILE, format!("{path}.file"), format!("清单列出的文件“{}”不存在", d.file)));
                    continue;
                };
                if let Err(e) = integrity::verify(&d.file, bytes, d) {
                    out.push(e);
                }
                // A dataset in parts: every part exists and matches its checksum (its content was
                // checked by load_folder); the records add up to the manifest's count.
                let mut part_records: Option<u64> = None;
                if !d.parts.is_empty() {
                    for (j, part) in d.parts.iter().enumerate() {
                        let Some(bytes) = files.get(&part.file) else {
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
                            out.extend(check_pack(&format!("{path}.parts[{j}].pack"), &part.file, bytes, pk, files, loaded.part(&part.file)));
                        }
                    }
                    if d.id == "donations" {
                        part_records = loaded.stats.get(&d.id).map(|s| s.records);
                    } else {
                        out.push(Diagnostic::warning(manifest::FILE, format!("{path}.parts"), "目前只有捐赠台账（donations）支持分卷，这些分卷不会被网页读取"));
                    }
                }
                if let (Some(total), Some(n)) = (part_records, d.records) {
                    if total != n {
                        out.push(Diagnostic::error(
                            manifest::FILE,
                            format!("{path}.records"),
                            format!("清单记录 {} 共有 {n} 条记录，各分卷实际可用 {total} 条", d.id),
                        ));
                    }
                }
                if !KNOWN.iter().any(|(id, _)| *id == d.id) {
                    out.push(Diagnostic::warning(manifest::FILE, format!("{path}.id"), format!("数据集“{}”没有对应的检查规则，只检查了校验值和隐私", d.id)));
                }
                if let Some(stats) = loaded.stats.get(&d.id).filter(|_| part_records.is_none()) {
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
                if let Some(file_sample) = values.get(d.file.as_str()).and_then(|v| v.get("sample")).and_then(Value::as_bool) {
                    if file_sample && !d.sample {
                        out.push(Diagnostic::error(manifest::FILE, format!("{path}.sample"), format!("清单标为真实数据，但 {} 标明含示例数据", d.file)));
                    } else if !file_sample && d.sample {
                        out.push(Diagnostic::warning(manifest::FILE, format!("{path}.sample"), format!("清单标为示例数据，但 {} 标明是真实数据", d.file)));
                    }
                }
                if let (Some(today), Some(last), Some(c), false) = (today, d.last_updated, d.cadence.as_ref(), d.sample) {
                    if cadence::overdue(last, c, today) {
                        out.push(Diagnostic::warning(
                            manifest::FILE,
                            format!("{path}.last_updated"),
                            format!(
                                "“{}”已超过法定公开周期：上次更新 {last}，应在 {} 前更新（每 {} 天；{}）",
                                d.title,
                                cadence::next_due(last, c),
                                c.every_days,
                                c.basis
                            ),
                        ));
                    }
                }
            }
            if let Some(s) = &m.summary {
                match files.get(&s.file) {
                    Some(bytes) => {
                        if let Err(e) = integrity::verify_parts(&s.file, bytes, s.sha256.as_deref(), s.bytes) {
                            out.push(e);
                        }
                    }
                    None => out.push(Diagnostic::error(manifest::FILE, "summary.file", format!("清单列出的汇总文件“{}”不存在", s.file))),
                }
            }
            let listed: Vec<&str> = m
                .datasets
                .iter()
                .flat_map(|d| {
                    std::iter::once(d.file.as_str())
                        .chain(d.parts.iter().flat_map(|p| std::iter::once(p.file.as_str()).chain(p.pack.as_ref().map(|k| k.file.as_str()))))
                })
                .chain(m.summary.as_ref().map(|s| s.file.as_str()))
                .collect();
            for name in files.keys() {
                if name != manifest::FILE && name != summary::FILE && !listed.contains(&name.as_str()) {
                    out.push(Diagnostic::warning(name, "", "这个文件没有列在 manifest.json 中，网页不会读取它"));
                }
            }
        }
    }

    // Cross-file rules.
    let dis_file = file_of.get("disbursements").cloned().unwrap_or_default();
    let goods_file = file_of.get("goods").cloned().unwrap_or_default();
    if let (Some(d), Some(x)) = (&loaded.donations, &loaded.disbursements) {
        out.extend(ledger::check_cross(d, x).into_iter().map(|p| relabel(p, &dis_file)));
        for y in ledger::money_by_year(d, x) {
            if y.over_cap() > gongshi_core::Fen::ZERO {
                out.push(Diagnostic::warning(
                    &dis_file,
                    "",
                    format!(
                        "{} 年项目费用 {} 超过当年非定向捐赠 {} 的 6.5%（上限 {}），超出 {}",
                        y.year,
                        gongshi_core::format::money_zh(y.project_costs),
                        gongshi_core::format::money_zh(y.non_directed),
                        gongshi_core::format::money_zh(y.cost_cap),
                        gongshi_core::format::money_zh(y.over_cap())
                    ),
                ));
            }
        }
    }
    if let Some(g) = &loaded.goods {
        for b in g.balances() {
            for f in &b.flags {
                let msg = format!("批次 {}：{}（入库 {}，出库 {}，核销 {}）", b.batch, f.zh(), b.received, b.out, b.written_off);
                match f {
                    GoodsFlag::OverIssued => out.push(Diagnostic::error(&goods_file, b.batch.clone(), msg)),
                    GoodsFlag::CancelledNotWrittenOff | GoodsFlag::WriteOffNoReason => out.push(Diagnostic::warning(&goods_file, b.batch.clone(), msg)),
                    GoodsFlag::NoOutgoing => {}
                }
            }
        }
    }

    // summary.json against the data.
    if let Some(bytes) = files.get(summary::FILE) {
        match text_of(summary::FILE, bytes).and_then(summary::load) {
            Err(d) => out.push(d),
            Ok(c) => {
                out.extend(c.problems);
                let all_loaded = KNOWN.iter().all(|(id, _)| {
                    let file = &file_of[*id];
                    !files.contains_key(file) || loaded.stats.contains_key(*id)
                });
                if all_loaded && c.value != crate::summary::build(&loaded.summary_inputs()) {
                    out.push(Diagnostic::error(summary::FILE, "", "summary.json 与数据文件不一致，概览会显示过时的数字（请运行 gongshi build-summary）"));
                }
            }
        }
    }

    // Paths to places: record ids to array indices, then to line and column.
    for d in &mut out {
        if d.line.is_some() || d.path.is_empty() {
            continue;
        }
        let Some(value) = values.get(d.file.as_str()) else { continue };
        if let Some(p) = resolve_id_path(value, &d.path) {
            d.path = p;
        }
        if let Some(text) = files.get(&d.file).and_then(|b| std::str::from_utf8(b).ok()) {
            if let Some((line, column)) = locate(text, &d.path) {
                d.line = Some(line);
                d.column = Some(column);
            }
        }
    }
    let order: BTreeMap<&str, usize> = std::iter::once(manifest::FILE)
        .chain(KNOWN.iter().map(|(id, _)| file_of[*id].as_str()))
        .chain(std::iter::once(summary::FILE))
        .enumerate()
        .map(|(i, f)| (f, i))
        .collect();
    out.sort_by_key(|d| (order.get(d.file.as_str()).copied().unwrap_or(usize::MAX), d.file.clone()));
    Report { files: files.keys().cloned().collect(), diagnostics: out }
}

/// `X2020-00001.from_donations` → `records[17].from_donations` when a top-level array holds an
/// element with that id; `None` when the path does not start with a known id.
fn resolve_id_path(value: &Value, path: &str) -> Option<String> {
    let segs = parse_path(path)?;
    let Some(Seg::Key(first)) = segs.first() else { return None };
    if value.get(first).is_some() {
        return None;
    }
    let obj = value.as_object()?;
    for (key, v) in obj {
        if let Some(items) = v.as_array() {
            if let Some(i) = items.iter().position(|x| x.get("id").and_then(Value::as_str) == Some(first.as_str())) {
                let rest = &path[path.find(['.', '[']).unwrap_or(path.len())..];
                return Some(format!("{key}[{i}]{rest}"));
            }
        }
    }
    None
}

#[derive(Debug, PartialEq, Eq)]
enum Seg {
    Key(String),
    Index(usize),
}

/// `records[3].note`, `["a.b"][0]`, `city.village_coverage_bp` → segments.
fn parse_path(path: &str) -> Option<Vec<Seg>> {
    let mut segs = Vec::new();
    let b = path.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'.' => i += 1,
            b'[' if b.get(i + 1) == Some(&b'"') => {
                let end = string_end(path, i + 1)?;
                segs.push(Seg::Key(serde_json::from_str(&path[i + 1..=end]).ok()?));
                if b.get(end + 1) != Some(&b']') {
                    return None;
                }
                i = end + 2;
            }
            b'[' => {
                let close = i + path[i..].find(']')?;
                segs.push(Seg::Index(path[i + 1..close].parse().ok()?));
                i = close + 1;
            }
            _ => {
                let end = path[i..].find(['.', '[']).map(|e| i + e).unwrap_or(path.len());
                segs.push(Seg::Key(path[i..end].to_string()));
                i = end;
            }
        }
    }
    Some(segs)
}

/// The index of the closing quote of the JSON string starting at `start` (a `"`).
fn string_end(s: &str, start: usize) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = start + 1;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'"' => return Some(i),
            _ => i += 1,
        }
    }
    None
}

/// The 1-based line and column (in characters) where the value at `path` starts in the JSON
/// `text`; `None` when the path is not in the text. The text must be valid JSON.
pub fn locate(text: &str, path: &str) -> Option<(usize, usize)> {
    let segs = parse_path(path)?;
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let mut sc = Scanner { s: text, i: start };
    let at = sc.find(&segs)?;
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1 - usize::from(line == 1 && start == 3);
    Some((line, col))
}

struct Scanner<'a> {
    s: &'a str,
    i: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.as_bytes().get(self.i).copied()
    }
    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.i += 1;
        }
    }
    fn string(&mut self) -> Option<String> {
        let end = string_end(self.s, self.i)?;
        let v = serde_json::from_str(&self.s[self.i..=end]).ok();
        self.i = end + 1;
        v
    }
    fn skip(&mut self) -> Option<()> {
        self.ws();
        match self.peek()? {
            b'"' => {
                self.i = string_end(self.s, self.i)? + 1;
            }
            b'{' | b'[' => {
                let mut depth = 0usize;
                loop {
                    match self.peek()? {
                        b'"' => {
                            self.i = string_end(self.s, self.i)? + 1;
                            continue;
                        }
                        b'{' | b'[' => depth += 1,
                        b'}' | b']' => {
                            depth -= 1;
                            if depth == 0 {
                                self.i += 1;
                                return Some(());
                            }
                        }
                        _ => {}
                    }
                    self.i += 1;
                }
            }
            _ => {
                while !matches!(self.peek(), None | Some(b',' | b'}' | b']' | b' ' | b'\n' | b'\r' | b'\t')) {
                    self.i += 1;
                }
            }
        }
        Some(())
    }
    fn find(&mut self, segs: &[Seg]) -> Option<usize> {
        self.ws();
        let Some(first) = segs.first() else { return Some(self.i) };
        match (first, self.peek()?) {
            (Seg::Key(k), b'{') => {
                self.i += 1;
                loop {
                    self.ws();
                    if self.peek()? != b'"' {
                        return None;
                    }
                    let key = self.string()?;
                    self.ws();
                    if self.peek()? != b':' {
                        return None;
                    }
                    self.i += 1;
                    if key == *k {
                        return self.find(&segs[1..]);
                    }
                    self.skip()?;
                    self.ws();
                    if self.peek()? != b',' {
                        return None;
                    }
                    self.i += 1;
                }
            }
            (Seg::Index(n), b'[') => {
                self.i += 1;
                for k in 0.. {
                    self.ws();
                    if self.peek()? == b']' {
                        return None;
                    }
                    if k == *n {
                        return self.find(&segs[1..]);
                    }
                    self.skip()?;
                    self.ws();
                    if self.peek()? != b',' {
                        return None;
                    }
                    self.i += 1;
                }
                None
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_parse_and_locate() {
        assert_eq!(parse_path("records[3].note").unwrap(), vec![Seg::Key("records".into()), Seg::Index(3), Seg::Key("note".into())]);
        assert_eq!(parse_path("[\"a.b\"][0]").unwrap(), vec![Seg::Key("a.b".into()), Seg::Index(0)]);
        let text = "{\n  \"schema\": \"x\",\n  \"records\": [\n    {\"id\":\"a\",\"note\":\"[{}]\\\"\"},\n    {\"id\":\"b\",\"n\":{\"k\":[1,2]},\"note\":\"两\"}\n  ],\n  \"a.b\": [\"z\"]\n}\n";
        assert_eq!(locate(text, "records[1].note"), Some((5, 38)));
        assert_eq!(locate(text, "records[0].note"), Some((4, 22)));
        assert_eq!(locate(text, "records[1]"), Some((5, 5)));
        assert_eq!(locate(text, "schema"), Some((2, 13)));
        assert_eq!(locate(text, "[\"a.b\"][0]"), Some((7, 11)));
        assert_eq!(locate(text, "records[2]"), None);
        assert_eq!(locate(text, "nope"), None);
        assert_eq!(locate(text, "records[1].n.k[1]"), Some((5, 27)));
        let v: Value = serde_json::from_str(text).unwrap();
        assert_eq!(resolve_id_path(&v, "b.note").as_deref(), Some("records[1].note"));
        assert_eq!(resolve_id_path(&v, "b").as_deref(), Some("records[1]"));
        assert_eq!(resolve_id_path(&v, "records[0]"), None);
        assert_eq!(resolve_id_path(&v, "zzz.note"), None);
    }

    #[test]
    fn privacy_severity_outside_relief() {
        let v: Value = serde_json::json!({"contact": {"phone": "0715-8111755", "email": "1024209303@qq.com"},
            "records": [{"note": "13800138000"}, {"note": "6222021234567890128"}, {"note": "11010519491231002X"}]});
        let found = privacy_findings("x.json", &v, false);
        let got: Vec<(&str, Severity)> = found.iter().map(|d| (d.path.as_str(), d.severity)).collect();
        assert_eq!(got, vec![("records[0].note", Severity::Error), ("records[1].note", Severity::Warning), ("records[2].note", Severity::Error)]);
        assert!(found.iter().all(|d| !d.message.contains("13800138000")), "never repeats the number");
    }
}
