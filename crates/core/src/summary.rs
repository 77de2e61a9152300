//! summary.json: the overview's aggregates, precomputed by `gongshi build-summary` so the overview
//! can show them without downloading the full ledger and relief files.
//!
//! Built by [`build`] from the validated datasets (the same core functions the pages use, so the
//! numbers agree), read back by [`load`]. Small by design (a few KB): per-year money, relief per
//! programme and year, coverage totals, rectification status counts and the key figures' ids.
//!
//! Privacy: relief aggregates with fewer than [`crate::relief::MIN_CELL`] people are never added
//! into a total here (a programme-year total minus the published county cells would reveal them);
//! they are only counted in `suppressed_cells`.

use crate::coverage::Coverage;
use crate::diag::{Checked, Diagnostic};
use crate::figures::Figures;
use crate::ledger::{money_by_year, Disbursement, Donation};
use crate::rectification::{Rectification, Status};
use crate::relief::{Programme, Relief};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

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

/// What the summary is built from; a dataset that failed to load is `None` and its section is
/// left empty.
#[derive(Clone, Copy, Default)]
pub struct Inputs<'a> {
    pub donations: Option<&'a [Donation]>,
    pub disbursements: Option<&'a [Disbursement]>,
    pub relief: Option<&'a Relief>,
    pub coverage: Option<&'a Coverage>,
    pub rectification: Option<&'a Rectification>,
    pub figures: Option<&'a Figures>,
}

/// Builds the summary from validated datasets. Deterministic: the same inputs give the same value.
pub fn build(inputs: &Inputs) -> Summary {
    let mut s = Summary { schema: SCHEMA.to_string(), ..Default::default() };
    if inputs.donations.is_some() || inputs.disbursements.is_some() {
        let d = inputs.donations.unwrap_or(&[]);
        let x = inputs.disbursements.unwrap_or(&[]);
        s.money_sample = d.iter().any(|r| r.origin.is_sample()) || x.iter().any(|r| r.origin.is_sample());
        s.money_by_year = money_by_year(d, x)
            .into_iter()
            .map(|y| MoneyYear {
                year: y.year,
                received_fen: y.received.0,
                non_directed_fen: y.non_directed.0,
                online_fen: y.online.0,
                disbursed_fen: y.disbursed.0,
                project_costs_fen: y.project_costs.0,
                cost_cap_fen: y.cost_cap.0,
                over_cap_fen: y.over_cap().0,
                non_directed_share_bp: y.non_directed_share_bp(),
                online_share_bp: y.online_share_bp(),
            })
            .collect();
    }
    if let Some(r) = inputs.relief {
        s.relief_sample = r.records.iter().any(|x| x.origin.is_sample()) || r.aggregates.iter().any(|a| a.origin.is_sample());
        fn slot(m: &mut BTreeMap<(usize, u16), ReliefYear>, p: Programme, year: u16) -> &mut ReliefYear {
            let order = Programme::ALL.iter().position(|x| *x == p).unwrap_or(usize::MAX);
            m.entry((order, year)).or_insert_with(|| ReliefYear { programme: p.key().to_string(), year, ..Default::default() })
        }
        let mut m: BTreeMap<(usize, u16), ReliefYear> = BTreeMap::new();
        for x in &r.records {
            let e = slot(&mut m, x.programme, x.date.year);
            e.records += 1;
            e.records_amount_fen += x.amount.map(|a| a.0).unwrap_or(0);
        }
        // A line's whole-area total is counted only when the line has no county cells (else
        // the people would be counted twice).
        let has_counties: std::collections::BTreeSet<(Programme, u16)> =
            r.aggregates.iter().filter(|a| a.county != crate::relief::WHOLE_AREA).map(|a| (a.programme, a.year)).collect();
        for a in &r.aggregates {
            if a.county == crate::relief::WHOLE_AREA && has_counties.contains(&(a.programme, a.year)) {
                continue;
            }
            let e = slot(&mut m, a.programme, a.year);
            match a.counts {
                None => e.suppressed_cells += 1,
                Some((people, amount)) => {
                    e.aggregate_people += people;
                    e.aggregate_amount_fen = e.aggregate_amount_fen.saturating_add(amount.0);
                }
            }
        }
        s.relief_by_programme_year = m.into_values().collect();
    }
    if let Some(c) = inputs.coverage {
        let sum = |f: fn(&crate::coverage::CountyRow) -> u32| c.counties.iter().map(f).sum::<u32>();
        s.coverage = Some(CoverageTotals {
            sample: c.counties.iter().any(|x| x.origin.is_sample()) || c.teams_after.iter().any(|t| t.origin.is_sample()),
            counties: c.counties.len() as u32,
            townships: sum(|x| x.townships),
            villages: sum(|x| x.villages),
            township_units: sum(|x| x.township_units),
            village_units: sum(|x| x.village_units),
            hospital_units: sum(|x| x.hospital_units),
            school_units: sum(|x| x.school_units),
            other_units: sum(|x| x.other_units),
            units: sum(|x| x.units()),
            village_coverage_bp: c.derived_village_coverage_bp(),
            city_units_total: c.city.units_total,
            city_village_units: c.city.village_units,
            city_village_coverage_bp: c.city.village_coverage_bp,
            teams_before: c.teams_before.total,
            teams_after: c.teams_after_total,
        });
    }
    if let Some(r) = inputs.rectification {
        let counts = r.status_counts();
        let n = |st: Status| counts.get(&st).copied().unwrap_or(0) as u32;
        s.rectification = Some(RectificationCounts {
            problems: r.problems.len() as u32,
            done: n(Status::Done),
            in_progress: n(Status::InProgress),
            not_started: n(Status::NotStarted),
            published: r.published.map(|d| d.to_string()),
        });
    }
    if let Some(f) = inputs.figures {
        s.key_figures = f.key_figures().map(|x| x.id.clone()).collect();
    }
    s.sample = s.money_sample || s.relief_sample || s.coverage.as_ref().is_some_and(|c| c.sample);
    s
}

/// Reads summary.json and checks it is internally consistent.
pub fn load(text: &str) -> Result<Checked<Summary>, Diagnostic> {
    let raw: Summary = crate::json::parse(FILE, text)?;
    Ok(validate(raw))
}

pub fn validate(s: Summary) -> Checked<Summary> {
    let mut out = Vec::new();
    if s.schema != SCHEMA {
        out.push(Diagnostic::warning(FILE, "schema", format!("格式版本“{}”不是 {SCHEMA}", s.schema)));
    }
    let mut prev: Option<u16> = None;
    for (i, y) in s.money_by_year.iter().enumerate() {
        let path = format!("money_by_year[{i}]");
        if prev.is_some_and(|p| p >= y.year) {
            out.push(Diagnostic::error(FILE, format!("{path}.year"), format!("年份 {} 重复或没有按先后排列", y.year)));
        }
        prev = Some(y.year);
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
                out.push(Diagnostic::error(FILE, format!("{path}.{k}"), format!("{} 年的金额为负数", y.year)));
            }
        }
        if y.non_directed_fen > y.received_fen || y.online_fen > y.received_fen {
            out.push(Diagnostic::error(FILE, path.clone(), format!("{} 年非定向或网络捐赠多于捐赠总额", y.year)));
        }
        if y.over_cap_fen != (y.project_costs_fen - y.cost_cap_fen).max(0) {
            out.push(Diagnostic::error(FILE, format!("{path}.over_cap_fen"), format!("{} 年超出上限的金额与项目费用、上限不符", y.year)));
        }
    }
    for (i, r) in s.relief_by_programme_year.iter().enumerate() {
        if Programme::parse(&r.programme).is_none() {
            out.push(Diagnostic::error(
                FILE,
                format!("relief_by_programme_year[{i}].programme"),
                format!("救助项目“{}”无法识别（应为 {}）", r.programme, Programme::keys()),
            ));
        }
    }
    if let Some(r) = &s.rectification {
        if r.done + r.in_progress + r.not_started != r.problems {
            out.push(Diagnostic::error(FILE, "rectification", "各状态问题数之和与问题总数不符"));
        }
    }
    Checked { value: s, problems: out }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::{RawDisbursement, RawDonation, RawFile};

    fn donation(id: &str, date: &str, fen: i64, directed: bool, channel: &str) -> RawDonation {
        RawDonation {
            id: Some(id.into()),
            date: Some(date.into()),
            donor: Some("某公司".into()),
            donor_kind: Some("enterprise".into()),
            amount_fen: Some(fen.into()),
            directed: Some(directed),
            directed_to: directed.then(|| "防汛".to_string()),
            channel: Some(channel.into()),
            project: Some("防汛救灾".into()),
            status: Some("received".into()),
            origin: Some("published".into()),
            ..Default::default()
        }
    }

    #[test]
    fn money_by_year_and_round_trip() {
        let d = crate::ledger::validate_donations(RawFile {
            sample: Some(false),
            records: vec![donation("D1", "2021-03-01", 39_670_000, false, "bank_transfer"), donation("D2", "2021-05-01", 10_000, true, "online_platform")],
            ..Default::default()
        });
        assert!(d.problems.is_empty(), "{:?}", d.problems);
        let x = crate::ledger::validate_disbursements(RawFile {
            sample: Some(false),
            records: vec![RawDisbursement {
                id: Some("X1".into()),
                date: Some("2021-06-01".into()),
                purpose: Some("项目执行".into()),
                project: Some("防汛救灾".into()),
                recipient: Some("咸安区红十字会".into()),
                amount_fen: Some(4_200_000.into()),
                category: Some("project_cost".into()),
                origin: Some("published".into()),
                ..Default::default()
            }],
            ..Default::default()
        });
        assert!(x.problems.is_empty(), "{:?}", x.problems);
        let s = build(&Inputs { donations: Some(&d.value), disbursements: Some(&x.value), ..Default::default() });
        assert!(!s.sample && !s.money_sample);
        assert_eq!(s.money_by_year.len(), 1);
        let y = &s.money_by_year[0];
        assert_eq!((y.year, y.received_fen, y.non_directed_fen, y.online_fen), (2021, 39_680_000, 39_670_000, 10_000));
        assert_eq!((y.project_costs_fen, y.cost_cap_fen, y.over_cap_fen), (4_200_000, 2_578_550, 4_200_000 - 2_578_550));
        let text = serde_json::to_string(&s).unwrap();
        let back = load(&text).unwrap();
        assert!(back.problems.is_empty(), "{:?}", back.problems);
        assert_eq!(back.value, s);
        assert!(s.coverage.is_none() && !text.contains("\"coverage\""));
    }

    #[test]
    fn validation_catches_inconsistent_files() {
        let bad = r#"{"schema":"gongshi/summary/1","money_by_year":[{"year":2021,"received_fen":5,"non_directed_fen":9,"over_cap_fen":1},{"year":2020}],
            "relief_by_programme_year":[{"programme":"nope","year":2020}],"rectification":{"problems":21,"done":20}}"#;
        let c = load(bad).unwrap();
        let paths: Vec<&str> = c.problems.iter().map(|p| p.path.as_str()).collect();
        assert!(paths.contains(&"money_by_year[0]"), "{paths:?}");
        assert!(paths.contains(&"money_by_year[0].over_cap_fen"), "{paths:?}");
        assert!(paths.contains(&"money_by_year[1].year"), "{paths:?}");
        assert!(paths.contains(&"relief_by_programme_year[0].programme"), "{paths:?}");
        assert!(paths.contains(&"rectification"), "{paths:?}");
    }
}
