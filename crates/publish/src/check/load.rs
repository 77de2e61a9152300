//! Loading a data folder with the core's loaders: the manifest, a donations ledger in parts, and
//! every other known dataset, each with its record count and date range.

use gongshi_core::coverage::{self, Coverage};
use gongshi_core::date::PartialDate;
use gongshi_core::diag::Diagnostic;
use gongshi_core::figures::{self, Figures};
use gongshi_core::ledger::{self, Disbursement, Donation, Goods};
use gongshi_core::manifest::{self, Dataset, Manifest};
use gongshi_core::rectification::{self, Rectification};
use gongshi_core::relief::{self, Relief};
use std::collections::{BTreeMap, HashSet};

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
    pub findings: Vec<Diagnostic>,
}

impl Loaded {
    /// The manifest's organisation (shared), or none when there is no manifest: every division
    /// and programme is then unknown.
    pub fn organisation(&self) -> std::sync::Arc<gongshi_core::org::Organisation> {
        self.manifest.as_ref().map(|m| m.organisation.clone()).unwrap_or_default()
    }

    /// A loaded part's records and its loader's problems (what its pack must hold).
    pub fn part(&self, file: &str) -> Option<(&[Donation], &[Diagnostic])> {
        let p = self.parts.get(file)?;
        Some((self.donations.as_deref()?.get(p.rows.clone())?, &p.findings))
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

pub(super) fn text_of<'a>(file: &str, bytes: &'a [u8]) -> Result<&'a str, Diagnostic> {
    std::str::from_utf8(bytes)
        .map_err(|e| Diagnostic::error(file, "", format!("文件不是 UTF-8 编码（第 {} 字节起无法读取），请另存为 UTF-8", e.valid_up_to() + 1)))
}

/// Re-labels a loader's diagnostic with the file name actually used (the loaders name the default).
pub(super) fn relabel(mut d: Diagnostic, file: &str) -> Diagnostic {
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
    let mut l = Loaded { manifest: load_manifest(files, &mut out), ..Default::default() };
    // A donations ledger in parts: the parts, together, are the dataset.
    let in_parts = l.manifest.as_ref().and_then(|m| m.datasets.iter().enumerate().find(|(_, d)| d.id == "donations" && !d.parts.is_empty()));
    if let Some((i, d)) = in_parts {
        let (all, parts) = load_donation_parts(files, i, d, &mut out);
        l.parts = parts;
        l.stats.insert("donations".into(), Stats { file: d.file.clone(), records: all.len() as u64, date_range: range(all.iter().map(|d| d.date)) });
        l.donations = Some(all);
    }
    let in_parts = in_parts.is_some();
    for (id, file) in dataset_files(l.manifest.as_ref()) {
        if id == "donations" && in_parts {
            continue;
        }
        let Some(bytes) = files.get(&file) else { continue };
        match text_of(&file, bytes) {
            Ok(text) => load_dataset(&mut l, &id, &file, text, &mut out),
            Err(d) => out.push(d),
        }
    }
    (l, out)
}

fn load_manifest(files: &BTreeMap<String, Vec<u8>>, out: &mut Vec<Diagnostic>) -> Option<Manifest> {
    let bytes = files.get(manifest::FILE)?;
    match text_of(manifest::FILE, bytes).and_then(manifest::load) {
        Ok(c) => {
            out.extend(c.findings);
            Some(c.value)
        }
        Err(d) => {
            out.push(d);
            None
        }
    }
}

/// The parts of the donations ledger (dataset `i` of the manifest), each read once, here: its
/// own problems, and (`part_rules`) records outside its year, ids already in another part, its
/// record count against the manifest's. (Existence and checksums: `check_folder`.) Returns all
/// the parts' records and where each part's are.
fn load_donation_parts(files: &BTreeMap<String, Vec<u8>>, i: usize, d: &Dataset, out: &mut Vec<Diagnostic>) -> (Vec<Donation>, BTreeMap<String, PartLoaded>) {
    let mut all: Vec<Donation> = Vec::new();
    let mut parts = BTreeMap::new();
    let mut ids = HashSet::new();
    for (j, p) in d.parts.iter().enumerate() {
        let Some(bytes) = files.get(&p.file) else { continue };
        match text_of(&p.file, bytes).and_then(|t| ledger::load_donations_part(&p.file, t)) {
            Ok(c) => {
                parts.insert(p.file.clone(), PartLoaded { rows: all.len()..all.len() + c.value.len(), findings: c.findings.clone() });
                out.extend(c.findings);
                part_rules(p, (i, j), &c.value, &mut ids, out);
                all.extend(c.value);
            }
            Err(d) => out.push(d),
        }
    }
    (all, parts)
}

/// A part's records are of its year, their ids not in an earlier part (`ids`), and as many as the
/// manifest says (`at`: the dataset's and the part's index in the manifest).
fn part_rules(p: &manifest::Part, at: (usize, usize), records: &[Donation], ids: &mut HashSet<String>, out: &mut Vec<Diagnostic>) {
    for don in records {
        if p.year.is_some_and(|y| y != don.date.year) {
            out.push(Diagnostic::error(&p.file, "", format!("记录 {} 的日期 {} 不在分卷标明的 {} 年", don.id, don.date, p.year.unwrap_or_default())));
        }
        if !ids.insert(don.id.clone()) {
            out.push(
                Diagnostic::error(&p.file, "", format!("编号“{}”在另一个分卷中已出现", don.id))
                    .en(format!("The id “{}” already appears in another part", don.id)),
            );
        }
    }
    if let Some(n) = p.records.filter(|n| *n != records.len() as u64) {
        let (i, j) = at;
        out.push(Diagnostic::error(
            manifest::FILE,
            format!("datasets[{i}].parts[{j}].records"),
            format!("清单记录分卷 {} 有 {n} 条记录，实际可用 {} 条", p.file, records.len()),
        ));
    }
}

/// Loads the dataset `id` from `text` into its slot of `l`, with its stats; its problems go to
/// `out`, named after `file`.
/// Relief and coverage are checked against the manifest's organisation (with no manifest,
/// against none: every division and programme is then unknown).
fn load_dataset(l: &mut Loaded, id: &str, file: &str, text: &str, out: &mut Vec<Diagnostic>) {
    let org = l.organisation();
    macro_rules! take {
        ($result:expr, $records:expr, $dates:expr, $slot:expr) => {
            match $result {
                Ok(c) => {
                    out.extend(c.findings.into_iter().map(|d| relabel(d, file)));
                    let v = c.value;
                    let records: u64 = $records(&v) as u64;
                    let date_range = $dates(&v);
                    l.stats.insert(id.to_string(), Stats { file: file.to_string(), records, date_range });
                    $slot = Some(v);
                }
                Err(d) => out.push(relabel(d, file)),
            }
        };
    }
    match id {
        "rectification" => take!(
            rectification::load(text),
            |r: &Rectification| r.problems.len(),
            |r: &Rectification| range(r.inspection.start.into_iter().chain(r.published).chain(r.problems.iter().flat_map(|p| p.dates.iter().map(|d| d.date)))),
            l.rectification
        ),
        "figures" => take!(figures::load(text), |f: &Figures| f.figures.len(), |_: &Figures| None, l.figures),
        "donations" => take!(ledger::load_donations(text), |v: &Vec<Donation>| v.len(), |v: &Vec<Donation>| range(v.iter().map(|d| d.date)), l.donations),
        "disbursements" => {
            take!(ledger::load_disbursements(text), |v: &Vec<Disbursement>| v.len(), |v: &Vec<Disbursement>| range(v.iter().map(|d| d.date)), l.disbursements)
        }
        "goods" => take!(
            ledger::load_goods(text),
            |g: &Goods| g.batches.len() + g.movements.len() + g.writeoffs.len(),
            |g: &Goods| range(g.batches.iter().map(|b| b.date).chain(g.movements.iter().map(|m| m.date)).chain(g.writeoffs.iter().filter_map(|w| w.date))),
            l.goods
        ),
        "relief" => take!(
            relief::load(text, &org),
            |r: &Relief| r.records.len() + r.aggregates.len(),
            |r: &Relief| range(r.records.iter().map(|x| x.date).chain(r.aggregates.iter().map(|a| year(a.year)))),
            l.relief
        ),
        "coverage" => take!(coverage::load(text, &org), |c: &Coverage| c.counties.len(), |_: &Coverage| None, l.coverage),
        _ => {}
    }
}
