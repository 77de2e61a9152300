//! summary.json: the overview's aggregates, precomputed by `gongshi build-summary` so the overview
//! can show them without downloading the full ledger and relief files.
//!
//! The file's types and [`load`] (with its consistency checks) are here, where the app reads it;
//! the publisher tool builds it from the validated datasets (`gongshi_publish::summary::build`,
//! the same core functions the pages use, so the numbers agree). Small by design (a few KB):
//! per-year money, relief per programme and year, coverage totals, rectification status counts
//! and the key figures' ids.
//!
//! Privacy: relief aggregates with fewer than [`crate::relief::MIN_CELL`] people are never added
//! into a total (a programme-year total minus the published county cells would reveal them);
//! they are only counted in `suppressed_cells`.

use crate::diag::{Checked, Diagnostic};
use crate::org::Organisation;
use crate::validate::{Ctx, Item};
use serde::{Deserialize, Serialize};

pub const FILE: &str = "summary.json";
pub const SCHEMA: &str = "gongshi/summary/1";

/// The whole file.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq)]
#[serde(default)]
pub struct Summary {
    /// Always `gongshi/summary/1`.
    pub schema: String,
    /// Whether any number below comes from sample (generated) records.
    pub sample: bool,
    /// Whether the money figures come from sample records.
    pub money_sample: bool,
    /// Money per year from donations.json and disbursements.json, oldest first.
    pub money_by_year: Vec<MoneyYear>,
    /// Whether the relief figures come from sample records.
    pub relief_sample: bool,
    /// Relief per programme and year (programme order as in the app, then year).
    pub relief_by_programme_year: Vec<ReliefYear>,
    /// Organisation coverage totals, when coverage.json is available.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub coverage: Option<CoverageTotals>,
    /// Rectification status counts, when rectification.json is available.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rectification: Option<RectificationCounts>,
    /// Ids of the key figures in figures.json, in file order.
    pub key_figures: Vec<String>,
}

/// One year of money, all in fen.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq)]
#[serde(default)]
pub struct MoneyYear {
    pub year: u16,
    /// Donations received (status `received` only).
    pub received_fen: i64,
    pub non_directed_fen: i64,
    pub online_fen: i64,
    pub disbursed_fen: i64,
    /// Disbursements of category `project_cost`.
    pub project_costs_fen: i64,
    /// 6.5% of the non-directed donations.
    pub cost_cap_fen: i64,
    /// How far project costs exceed the cap (0 when within it).
    pub over_cap_fen: i64,
    /// Non-directed share of received, in basis points (hundredths of a percent).
    pub non_directed_share_bp: Option<i64>,
    /// Online share of received, in basis points.
    pub online_share_bp: Option<i64>,
}

/// Relief of one programme in one year.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq)]
#[serde(default)]
pub struct ReliefYear {
    /// Programme key (`temporary_aid`, `little_angel`, …).
    pub programme: String,
    pub year: u16,
    /// Individual (masked) relief records.
    pub records: u32,
    /// Money paid in those records, fen.
    pub records_amount_fen: i64,
    /// People in the published aggregate cells (cells of 5 or more people only).
    pub aggregate_people: u32,
    /// Money in those published cells, fen.
    pub aggregate_amount_fen: i64,
    /// Aggregate cells left out because they have fewer than 5 people.
    pub suppressed_cells: u32,
}

/// Coverage totals over the county rows, with the published city figures beside them.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq)]
#[serde(default)]
pub struct CoverageTotals {
    pub sample: bool,
    pub counties: u32,
    pub townships: u32,
    pub villages: u32,
    pub township_units: u32,
    pub village_units: u32,
    pub hospital_units: u32,
    pub school_units: u32,
    pub other_units: u32,
    pub units: u32,
    /// Village units ÷ villages over the county rows, basis points.
    pub village_coverage_bp: Option<i64>,
    /// As published for the whole city (real, from the report).
    pub city_units_total: Option<u32>,
    pub city_village_units: Option<u32>,
    pub city_village_coverage_bp: Option<i64>,
    pub teams_before: Option<u32>,
    pub teams_after: Option<u32>,
}

/// Problems of the rectification report by status.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq)]
#[serde(default)]
pub struct RectificationCounts {
    pub problems: u32,
    pub done: u32,
    pub in_progress: u32,
    pub not_started: u32,
    /// The report's publication date, ISO.
    pub published: Option<String>,
}

/// Reads summary.json and checks it is internally consistent and names `org`'s programmes.
pub fn load(text: &str, org: &Organisation) -> Result<Checked<Summary>, Diagnostic> {
    let raw: Summary = crate::json::parse(FILE, text)?;
    Ok(validate(raw, org))
}

/// The format id, then the money per year, the relief programmes and the rectification counts.
pub fn validate(s: Summary, org: &Organisation) -> Checked<Summary> {
    let mut ctx = Ctx::new(FILE);
    if s.schema != SCHEMA {
        ctx.warning(&"schema", format!("格式版本“{}”不是 {SCHEMA}", s.schema));
    }
    let mut prev: Option<u16> = None;
    for (i, y) in s.money_by_year.iter().enumerate() {
        money_year(&mut ctx, &Item::new(&"money_by_year", i), y, prev);
        prev = Some(y.year);
    }
    for (i, r) in s.relief_by_programme_year.iter().enumerate() {
        if org.programme(&r.programme).is_none() {
            ctx.error(
                &Item::new(&"relief_by_programme_year", i).field("programme"),
                format!("救助项目“{}”不在本会公布的救助项目之中（应为 {}）", r.programme, org.programme_keys()),
            );
        }
    }
    if let Some(r) = &s.rectification {
        if r.done + r.in_progress + r.not_started != r.problems {
            ctx.error(&"rectification", "各状态问题数之和与问题总数不符");
        }
    }
    ctx.finish(s)
}

/// One year of money: after the year before it (`prev`), no negative amount, the shares within
/// the total, the excess over the cap as its figures give it.
fn money_year(ctx: &mut Ctx, at: &Item, y: &MoneyYear, prev: Option<u16>) {
    if prev.is_some_and(|p| p >= y.year) {
        ctx.error(&at.field("year"), format!("年份 {} 重复或没有按先后排列", y.year));
    }
    for (k, v) in [
        ("received_fen", y.received_fen),
        ("non_directed_fen", y.non_directed_fen),
        ("online_fen", y.online_fen),
        ("disbursed_fen", y.disbursed_fen),
        ("project_costs_fen", y.project_costs_fen),
        ("cost_cap_fen", y.cost_cap_fen),
        ("over_cap_fen", y.over_cap_fen),
    ] {
        if v < 0 {
            ctx.error(&at.field(k), format!("{} 年的金额为负数", y.year));
        }
    }
    if y.non_directed_fen > y.received_fen || y.online_fen > y.received_fen {
        ctx.error(at, format!("{} 年非定向或网络捐赠多于捐赠总额", y.year));
    }
    if y.over_cap_fen != (y.project_costs_fen - y.cost_cap_fen).max(0) {
        ctx.error(&at.field("over_cap_fen"), format!("{} 年超出上限的金额与项目费用、上限不符", y.year));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validation_catches_inconsistent_files() {
        let bad = r#"{"schema":"gongshi/summary/1","money_by_year":[{"year":2021,"received_fen":5,"non_directed_fen":9,"over_cap_fen":1},{"year":2020}],
            "relief_by_programme_year":[{"programme":"nope","year":2020}],"rectification":{"problems":21,"done":20}}"#;
        let c = load(bad, &Organisation::default()).unwrap();
        let paths: Vec<&str> = c.findings.iter().map(|p| p.path.as_str()).collect();
        assert!(paths.contains(&"money_by_year[0]"), "{paths:?}");
        assert!(paths.contains(&"money_by_year[0].over_cap_fen"), "{paths:?}");
        assert!(paths.contains(&"money_by_year[1].year"), "{paths:?}");
        assert!(paths.contains(&"relief_by_programme_year[0].programme"), "{paths:?}");
        assert!(paths.contains(&"rectification"), "{paths:?}");
    }
}
