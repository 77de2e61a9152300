//! Checking a whole data folder the way the app will read it, before publishing.
//!
//! [`load_folder`] loads every dataset with the core loaders (the manifest says which file holds
//! which dataset); [`check_folder`] adds what only a publisher's check can see: files against the
//! manifest (missing, unlisted, SHA-256, size, record counts, date ranges, sample flags,
//! overdue publication), cross-file rules (directed money, goods out ≤ in, the 6.5% project-cost
//! cap), summary.json against the data, and the privacy gate over **every** file.
//!
//! Pure: the caller reads the folder into a map of file name → bytes and passes "today".
//!
//! `load.rs` holds the loading, `manifest_vs_files.rs` the manifest against the folder (packs
//! included), `locate.rs` the findings' places (record ids to array indices, paths to line and
//! column).

mod load;
mod locate;
mod manifest_vs_files;

pub use load::{dataset_files, load_folder, Loaded, PartLoaded, Stats, KNOWN};
pub use locate::locate;

use gongshi_core::date::PartialDate;
use gongshi_core::diag::{Diagnostic, Severity};
use gongshi_core::ledger::{self, GoodsFlag};
use gongshi_core::manifest;
use gongshi_core::org::Organisation;
use gongshi_core::privacy::{self, Finding};
use gongshi_core::relief;
use gongshi_core::summary;
use load::{relabel, text_of};
use serde_json::Value;
use std::collections::BTreeMap;

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
/// `org` names the relief programmes in the messages.
pub fn privacy_findings(file: &str, value: &Value, is_relief: bool, org: &Organisation) -> Vec<Diagnostic> {
    if is_relief {
        return relief::privacy_gate(file, value, org);
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
pub fn check_folder(files: &BTreeMap<String, Vec<u8>>, today: Option<PartialDate>) -> Report {
    let (loaded, mut out) = load_folder(files);
    let file_of: BTreeMap<String, String> = dataset_files(loaded.manifest.as_ref()).into_iter().collect();
    let org = loaded.organisation();
    let values = privacy_gate(files, &file_of, &org, &mut out);
    match &loaded.manifest {
        None if !files.contains_key(manifest::FILE) => out.push(Diagnostic::error(manifest::FILE, "", "数据目录中没有 manifest.json（数据目录清单）")),
        None => {}
        Some(m) => {
            out.extend(manifest_vs_files::Folder { files, loaded: &loaded, values: &values, today }.check(m));
            out.extend(logo(files, &m.organisation));
        }
    }
    out.extend(cross_file_rules(&loaded, &file_of));
    out.extend(summary_against_data(files, &loaded, &file_of));
    locate::place(&mut out, files, &values);
    sort_by_file(&mut out, &file_of);
    Report { files: files.keys().cloned().collect(), diagnostics: out }
}

/// The organisation's logo, when it names one: in the folder, and an SVG that runs nothing.
fn logo(files: &BTreeMap<String, Vec<u8>>, org: &Organisation) -> Vec<Diagnostic> {
    let Some(name) = org.logo.as_deref() else { return Vec::new() };
    match files.get(name) {
        Some(bytes) => gongshi_core::org::check_logo(name, bytes),
        None => vec![Diagnostic::error(manifest::FILE, "organisation.logo", format!("标志文件 {name} 不在数据目录中"))
            .en(format!("the logo file {name} is not in the data folder"))],
    }
}

/// The privacy gate over every file that parses as JSON (its findings added to `out`); a relief
/// file refused by the gate is reported once, in full (its loader's findings dropped). Returns
/// the files' JSON, by name.
fn privacy_gate<'a>(
    files: &'a BTreeMap<String, Vec<u8>>,
    file_of: &BTreeMap<String, String>,
    org: &Organisation,
    out: &mut Vec<Diagnostic>,
) -> BTreeMap<&'a str, Value> {
    let relief_file = file_of.get("relief").cloned().unwrap_or_else(|| relief::FILE.to_string());
    let mut values: BTreeMap<&str, Value> = BTreeMap::new();
    for (name, bytes) in files {
        let Ok(text) = std::str::from_utf8(bytes) else { continue };
        let Ok(value) = serde_json::from_str::<Value>(text.strip_prefix('\u{feff}').unwrap_or(text)) else { continue };
        let found = privacy_findings(name, &value, *name == relief_file, org);
        if *name == relief_file && !found.is_empty() {
            out.retain(|d| d.file != relief_file);
        }
        out.extend(found);
        values.insert(name.as_str(), value);
    }
    values
}

/// Rules across files: directed money used as directed and the project-cost cap (findings on
/// the disbursements), goods batches balanced.
fn cross_file_rules(loaded: &Loaded, file_of: &BTreeMap<String, String>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let dis_file = file_of.get("disbursements").cloned().unwrap_or_default();
    let goods_file = file_of.get("goods").cloned().unwrap_or_default();
    if let (Some(d), Some(x)) = (&loaded.donations, &loaded.disbursements) {
        out.extend(ledger::check_cross(d, x).into_iter().map(|p| relabel(p, &dis_file)));
        // Published up to the earlier of the two ledgers' last updates (as the app reads it).
        let published =
            loaded.manifest.as_ref().and_then(|m| ["donations", "disbursements"].iter().filter_map(|id| m.dataset(id).and_then(|d| d.last_updated)).min());
        out.extend(cost_cap(d, x, &dis_file, published));
    }
    if let Some(g) = &loaded.goods {
        out.extend(goods_balances(g, &goods_file));
    }
    out
}

/// A warning per year whose project costs pass 6.5% of its non-directed donations. The cap is
/// annual: a year the data does not cover to its end (`published`, the ledgers' last update,
/// before its 12-31) is not judged, as on the donations page (年度未完，年末再判断).
fn cost_cap(donations: &[ledger::Donation], disbursements: &[ledger::Disbursement], dis_file: &str, published: Option<PartialDate>) -> Vec<Diagnostic> {
    let zh = gongshi_core::format::money_zh;
    ledger::money_by_year(donations, disbursements)
        .into_iter()
        .filter(|y| y.over_cap() > gongshi_core::Fen::ZERO)
        .filter(|y| published.is_none_or(|p| ledger::is_complete_year(y.year, p)))
        .map(|y| {
            let message = format!(
                "{} 年项目费用 {} 超过当年非定向捐赠 {} 的 6.5%（上限 {}），超出 {}",
                y.year,
                zh(y.project_costs),
                zh(y.non_directed),
                zh(y.cost_cap),
                zh(y.over_cap())
            );
            Diagnostic::warning(dis_file, "", message)
        })
        .collect()
}

/// Goods batches issued beyond what came in (errors), cancelled but not written off or written
/// off without a reason (warnings).
fn goods_balances(g: &ledger::Goods, goods_file: &str) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for b in g.balances() {
        for f in &b.flags {
            let msg = format!("批次 {}：{}（入库 {}，出库 {}，核销 {}）", b.batch, f.zh(), b.received, b.out, b.written_off);
            match f {
                GoodsFlag::OverIssued => out.push(Diagnostic::error(goods_file, b.batch.clone(), msg)),
                GoodsFlag::CancelledNotWrittenOff | GoodsFlag::WriteOffNoReason => out.push(Diagnostic::warning(goods_file, b.batch.clone(), msg)),
                GoodsFlag::NoOutgoing => {}
            }
        }
    }
    out
}

/// summary.json, when present: it loads, and (when every dataset present loaded) it is what
/// `gongshi build-summary` would write now.
fn summary_against_data(files: &BTreeMap<String, Vec<u8>>, loaded: &Loaded, file_of: &BTreeMap<String, String>) -> Vec<Diagnostic> {
    let Some(bytes) = files.get(summary::FILE) else { return Vec::new() };
    let org = loaded.organisation();
    let c = match text_of(summary::FILE, bytes).and_then(|t| summary::load(t, &org)) {
        Err(d) => return vec![d],
        Ok(c) => c,
    };
    let mut out = c.findings;
    let all_loaded = KNOWN.iter().all(|(id, _)| {
        let file = &file_of[*id];
        !files.contains_key(file) || loaded.stats.contains_key(*id)
    });
    if all_loaded && c.value != crate::summary::build(&loaded.summary_inputs()) {
        out.push(Diagnostic::error(summary::FILE, "", "summary.json 与数据文件不一致，概览会显示过时的数字（请运行 gongshi build-summary）"));
    }
    out
}

/// Findings grouped by file: the manifest, the datasets in their order, summary.json, then any
/// other file by name (each file's findings in the order found).
fn sort_by_file(out: &mut [Diagnostic], file_of: &BTreeMap<String, String>) {
    let order: BTreeMap<&str, usize> = std::iter::once(manifest::FILE)
        .chain(KNOWN.iter().map(|(id, _)| file_of[*id].as_str()))
        .chain(std::iter::once(summary::FILE))
        .enumerate()
        .map(|(i, f)| (f, i))
        .collect();
    out.sort_by_key(|d| (order.get(d.file.as_str()).copied().unwrap_or(usize::MAX), d.file.clone()));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn privacy_severity_outside_relief() {
        let v: Value = serde_json::json!({"contact": {"phone": "0715-8111755", "email": "1024209303@qq.com"},
            "records": [{"note": "13800138000"}, {"note": "6222021234567890128"}, {"note": "11010519491231002X"}]});
        let found = privacy_findings("x.json", &v, false, &Organisation::default());
        let got: Vec<(&str, Severity)> = found.iter().map(|d| (d.path.as_str(), d.severity)).collect();
        assert_eq!(got, vec![("records[0].note", Severity::Error), ("records[1].note", Severity::Warning), ("records[2].note", Severity::Error)]);
        assert!(found.iter().all(|d| !d.message.contains("13800138000")), "never repeats the number");
    }
}
