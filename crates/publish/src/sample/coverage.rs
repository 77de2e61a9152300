//! Sample organisation coverage: the report's city figures and statements (problems 3, 6) with
//! per-county rows and team types that add up to them.

use gongshi_core::coverage::{RawCity, RawCounty, RawCoverage, RawFact, RawTeamType, RawTeamsBefore, TEAM_TYPES};

/// The coverage file's envelope note.
pub const COVERAGE_NOTE: &str = "示例数据：各县（市、区）的乡镇（街道）数、村（社区）数和各类基层组织数是示例数字，其合计与整改报告一致，但不是真实的分县统计；各类志愿服务队的队数和人数也是示例。\
全市数字（基层组织41个、无乡镇（街道）基层组织、村（社区）基层组织38个占3.5%，志愿队整改前55个、整改后35支）和 facts 中的原文摘自整改报告（问题 3、6），是真实的。";

/// Per county: (county, townships, villages, village units, hospital units, school units).
/// Villages sum to 1,086 (38 units are 3.5% of it), village units to 38, all units to 41.
const SAMPLE_COUNTIES: [(&str, u32, u32, u32, u32, u32); 6] = [
    ("咸安区", 13, 186, 8, 0, 0),
    ("嘉鱼县", 8, 140, 4, 0, 0),
    ("通城县", 11, 190, 5, 0, 0),
    ("崇阳县", 12, 208, 6, 1, 0),
    ("通山县", 12, 189, 4, 0, 0),
    ("赤壁市", 14, 173, 11, 1, 1),
];

/// Volunteer teams after the rectification per type: (teams, members); teams sum to 35.
const SAMPLE_TEAMS: [(u32, u32); 6] = [(8, 236), (9, 268), (4, 61), (6, 142), (5, 97), (3, 58)];

/// Verbatim from the report's problem 3.
const NO_ENTERPRISE_UNITS: &str = "咸安区、嘉鱼县、通城县、通山县无医院、学校等企事业单位基层组织";

/// Real statements from the report (spaces of the PDF text removed), with their problem numbers.
pub const COVERAGE_FACTS: &[(&str, u32)] = &[
    ("全市红十字会基层组织41个，无乡镇（街道）基层组织", 3),
    ("咸安区、嘉鱼县、通城县、通山县无医院、学校等企事业单位基层组织", 3),
    ("村（社区）红十字会基层组织38个，占全市村（社区）总数的3.5%", 3),
    ("已指导咸安区、通山县分别建立全市首个乡镇级、村级红十字组织", 3),
    ("2022年12月前已指导督促赤壁市完成县域基层组织全覆盖工作", 3),
    ("2022年12月底全市6个县（市、区）红十字会均已召开会员代表大会", 3),
    ("力争在2023年底完成其他5个县级红十字会基层组织全覆盖", 3),
    ("在全市55个志愿队中，队员1人的志愿队32个，占58%，队员10人以下的志愿队44个，占80%", 6),
    ("市红十字会未按“三定方案”要求建立红十字无偿献血、红十字养老志愿服务队伍", 6),
    ("对原有的55支志愿服务队进行清理整合，建立五类（应急救援类、救护类、心理健康类、“三献”类和人道传播类）志愿服务队和养老志愿服务队", 6),
    ("现有红十字志愿服务队35支", 6),
];

/// Organisation coverage: the report's city figures and statements (problems 3, 6) with
/// sample per-county rows and team types consistent with them. No seed: it is fixed.
pub fn generate_coverage() -> RawCoverage {
    let counties = SAMPLE_COUNTIES
        .iter()
        .map(|&(county, townships, villages, vu, hospital, school)| {
            let note = if NO_ENTERPRISE_UNITS.contains(county) {
                Some(format!("原文：{NO_ENTERPRISE_UNITS}（问题3）"))
            } else if county == "赤壁市" {
                Some("原文：2022年12月前已指导督促赤壁市完成县域基层组织全覆盖工作（问题3）。表中为整改前的示例数字".to_string())
            } else {
                None
            };
            RawCounty {
                county: Some(county.into()),
                townships: Some(townships),
                villages: Some(villages),
                township_units: Some(0),
                village_units: Some(vu),
                hospital_units: Some(hospital),
                school_units: Some(school),
                other_units: Some(0),
                note,
                origin: Some("sample".into()),
                problem: None,
            }
        })
        .collect();
    let teams_after = TEAM_TYPES
        .iter()
        .zip(SAMPLE_TEAMS)
        .map(|(kind, (teams, members))| RawTeamType { kind: Some(kind.to_string()), teams: Some(teams), members: Some(members), origin: Some("sample".into()) })
        .collect();
    RawCoverage {
        schema: Some(gongshi_core::coverage::SCHEMA.into()),
        sample: Some(true),
        note: Some(COVERAGE_NOTE.into()),
        city: RawCity { units_total: Some(41), township_units: Some(0), village_units: Some(38), village_coverage_bp: Some(350), problem: Some(3) },
        teams_before: RawTeamsBefore { total: Some(55), one_member: Some(32), under_ten: Some(44), problem: Some(6) },
        teams_after_total: Some(35),
        teams_after,
        counties,
        facts: COVERAGE_FACTS.iter().map(|&(t, p)| RawFact { text: Some(t.into()), problem: Some(p) }).collect(),
        corrections: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sample_coverage_validates_and_adds_up_to_the_report() {
        let raw = generate_coverage();
        assert_eq!(raw, generate_coverage(), "no seed: always the same");
        let text = serde_json::to_string(&raw).unwrap();
        let c = gongshi_core::coverage::load(&text, &super::super::organisation()).unwrap();
        assert!(c.findings.is_empty(), "{:?}", c.findings);
        let cov = c.value;
        assert_eq!(raw.schema.as_deref(), Some(gongshi_core::coverage::SCHEMA));
        assert_eq!(raw.sample, Some(true));
        assert_eq!(cov.counties.len(), 6);
        assert_eq!(cov.counties.iter().map(|c| c.village_units).sum::<u32>(), 38);
        assert_eq!(cov.counties.iter().map(|c| c.villages).sum::<u32>(), 1086);
        assert_eq!(cov.counties.iter().map(|c| c.units()).sum::<u32>(), 41);
        assert_eq!(cov.city.units_total, Some(41));
        assert_eq!(cov.derived_village_coverage_bp(), Some(350));
        assert!(cov.counties.iter().all(|c| c.township_units == 0 && (8..=20).contains(&c.townships) && c.origin.is_sample()));
        for c in &cov.counties {
            let none = ["咸安区", "嘉鱼县", "通城县", "通山县"].contains(&c.county.name.as_str());
            assert_eq!(c.hospital_units + c.school_units + c.other_units == 0, none, "{c:?}");
            if none {
                assert!(c.note.as_deref().unwrap().contains(NO_ENTERPRISE_UNITS));
            }
        }
        assert_eq!(cov.teams_after.iter().map(|t| t.teams).sum::<u32>(), 35);
        assert_eq!(cov.teams_after_total, Some(35));
        assert_eq!(cov.teams_after.iter().map(|t| t.kind.as_str()).collect::<Vec<_>>(), TEAM_TYPES.to_vec());
        assert!(cov.teams_after.iter().all(|t| t.members >= t.teams * 3 && t.origin.is_sample()));
        assert_eq!(
            (cov.teams_before.total, cov.teams_before.one_member, cov.teams_before.under_ten, cov.teams_before.problem),
            (Some(55), Some(32), Some(44), Some(6))
        );
    }

    #[test]
    fn sample_coverage_facts_quote_the_report() {
        let report = include_str!("../../../../docs/source/xianning-red-cross-rectification-2023.txt");
        let flat: String = report.chars().filter(|c| !c.is_whitespace()).collect();
        let raw = generate_coverage();
        assert!(raw.facts.len() >= 7);
        for f in &raw.facts {
            let t = f.text.as_deref().unwrap();
            assert!(flat.contains(t), "not in the report: {t}");
            assert!(matches!(f.problem, Some(3 | 6)));
        }
        for c in &raw.counties {
            if let Some(note) = &c.note {
                let quote = note.strip_prefix("原文：").unwrap().split("（问题").next().unwrap();
                assert!(flat.contains(quote), "not in the report: {quote}");
            }
        }
    }
}
