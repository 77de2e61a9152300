//! Building summary.json, the overview's aggregates (`gongshi build-summary`), from the
//! validated datasets with the same core functions the pages use, so the numbers agree. The
//! file's types and its loader are in [`gongshi_core::summary`], where the app reads it.
//!
//! Privacy: relief aggregates with fewer than [`gongshi_core::relief::MIN_CELL`] people are
//! never added into a total here (a programme-year total minus the published county cells would
//! reveal them); they are only counted in `suppressed_cells`.

use gongshi_core::coverage::{self, Coverage};
use gongshi_core::figures::Figures;
use gongshi_core::ledger::{money_by_year, Disbursement, Donation};
use gongshi_core::org::{Programme, Term};
use gongshi_core::rectification::{Rectification, Status};
use gongshi_core::relief::Relief;
use gongshi_core::summary::{CoverageTotals, MoneyYear, RectificationCounts, ReliefYear, Summary, SCHEMA};
use std::collections::BTreeMap;

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
        // In the organisation's order of programmes.
        fn slot<'m>(m: &'m mut BTreeMap<(u32, u16), ReliefYear>, p: &Term<Programme>, year: u16) -> &'m mut ReliefYear {
            m.entry((p.code, year)).or_insert_with(|| ReliefYear { programme: p.key.clone(), year, ..Default::default() })
        }
        let mut m: BTreeMap<(u32, u16), ReliefYear> = BTreeMap::new();
        for x in &r.records {
            let e = slot(&mut m, &x.programme, x.date.year);
            e.records += 1;
            e.records_amount_fen += x.amount.map(|a| a.0).unwrap_or(0);
        }
        // A line's whole-area total is counted only when the line has no county cells (else
        // the people would be counted twice).
        let has_counties: std::collections::BTreeSet<(u32, u16)> =
            r.aggregates.iter().filter(|a| !a.is_whole_area()).map(|a| (a.programme.code, a.year)).collect();
        for a in &r.aggregates {
            if a.is_whole_area() && has_counties.contains(&(a.programme.code, a.year)) {
                continue;
            }
            let e = slot(&mut m, &a.programme, a.year);
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
        let sum = |f: fn(&coverage::CountyRow) -> u32| c.counties.iter().map(f).sum::<u32>();
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

#[cfg(test)]
mod tests {
    use super::*;
    use gongshi_core::ledger::{RawDisbursement, RawDonation, RawFile};
    use gongshi_core::summary::load;

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
        let d = gongshi_core::ledger::validate_donations(RawFile {
            sample: Some(false),
            records: vec![donation("D1", "2021-03-01", 39_670_000, false, "bank_transfer"), donation("D2", "2021-05-01", 10_000, true, "online_platform")],
            ..Default::default()
        });
        assert!(d.findings.is_empty(), "{:?}", d.findings);
        let x = gongshi_core::ledger::validate_disbursements(RawFile {
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
        assert!(x.findings.is_empty(), "{:?}", x.findings);
        let s = build(&Inputs { donations: Some(&d.value), disbursements: Some(&x.value), ..Default::default() });
        assert!(!s.sample && !s.money_sample);
        assert_eq!(s.money_by_year.len(), 1);
        let y = &s.money_by_year[0];
        assert_eq!((y.year, y.received_fen, y.non_directed_fen, y.online_fen), (2021, 39_680_000, 39_670_000, 10_000));
        assert_eq!((y.project_costs_fen, y.cost_cap_fen, y.over_cap_fen), (4_200_000, 2_578_550, 4_200_000 - 2_578_550));
        let text = serde_json::to_string(&s).unwrap();
        let back = load(&text, &Default::default()).unwrap();
        assert!(back.findings.is_empty(), "{:?}", back.findings);
        assert_eq!(back.value, s);
        assert!(s.coverage.is_none() && !text.contains("\"coverage\""));
    }
}
