//! Organisation coverage (组织覆盖): grassroots Red Cross units per county against the number of
//! townships and villages, and volunteer teams before and after the rectification.

use crate::diag::{Checked, Diagnostic};
use crate::ledger::Origin;
use crate::org::{Division, Organisation, Term};
use crate::search::normalize;
use crate::table::{Cell, Record};
use crate::validate::{Ctx, Item, Origins};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

pub const FILE: &str = "coverage.json";
/// The file's format id (`"schema"`) as this version writes it.
pub const SCHEMA: &str = "gongshi/coverage/1";

/// Volunteer team types after the rectification (problem 6).
pub const TEAM_TYPES: [&str; 6] = ["应急救援", "救护", "心理健康", "三献", "人道传播", "养老"];

#[derive(Serialize, Deserialize, Default, Clone, Debug, PartialEq)]
#[serde(default)]
pub struct RawCounty {
    pub county: Option<String>,
    /// Denominators: townships/streets and villages/communities in the county.
    pub townships: Option<u32>,
    pub villages: Option<u32>,
    pub township_units: Option<u32>,
    pub village_units: Option<u32>,
    pub hospital_units: Option<u32>,
    pub school_units: Option<u32>,
    pub other_units: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub origin: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problem: Option<u32>,
}

#[derive(Serialize, Deserialize, Default, Clone, Debug, PartialEq, Eq)]
#[serde(default)]
pub struct RawCity {
    pub units_total: Option<u32>,
    pub township_units: Option<u32>,
    pub village_units: Option<u32>,
    /// As published (3.5% = 350).
    pub village_coverage_bp: Option<i64>,
    pub problem: Option<u32>,
}

#[derive(Serialize, Deserialize, Default, Clone, Debug, PartialEq, Eq)]
#[serde(default)]
pub struct RawTeamsBefore {
    pub total: Option<u32>,
    pub one_member: Option<u32>,
    pub under_ten: Option<u32>,
    pub problem: Option<u32>,
}

#[derive(Serialize, Deserialize, Default, Clone, Debug, PartialEq)]
#[serde(default)]
pub struct RawTeamType {
    #[serde(rename = "type")]
    pub kind: Option<String>,
    pub teams: Option<u32>,
    pub members: Option<u32>,
    pub origin: Option<String>,
}

#[derive(Serialize, Deserialize, Default, Clone, Debug, PartialEq)]
#[serde(default)]
pub struct RawFact {
    pub text: Option<String>,
    pub problem: Option<u32>,
}

#[derive(Serialize, Deserialize, Default, Clone, Debug, PartialEq)]
#[serde(default)]
pub struct RawCoverage {
    pub schema: Option<String>,
    pub sample: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Real, from the report.
    pub city: RawCity,
    pub teams_before: RawTeamsBefore,
    /// Real total after the rectification (35).
    pub teams_after_total: Option<u32>,
    pub teams_after: Vec<RawTeamType>,
    pub counties: Vec<RawCounty>,
    /// Real statements from the report.
    pub facts: Vec<RawFact>,
    /// 更正说明 ([`crate::correction`]).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub corrections: Vec<crate::correction::RawNote>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CountyRow {
    pub county: Term<Division>,
    pub townships: u32,
    pub villages: u32,
    pub township_units: u32,
    pub village_units: u32,
    pub hospital_units: u32,
    pub school_units: u32,
    pub other_units: u32,
    pub note: Option<String>,
    pub origin: Origin,
    hay: String,
}

/// `part / whole` in basis points, rounded half up; `None` when `whole` is 0.
pub fn coverage_bp(part: u32, whole: u32) -> Option<i64> {
    (whole > 0).then(|| ((part as i64) * 20_000 / whole as i64 + 1) / 2)
}

impl CountyRow {
    pub fn units(&self) -> u32 {
        self.township_units + self.village_units + self.hospital_units + self.school_units + self.other_units
    }
    pub fn village_coverage_bp(&self) -> Option<i64> {
        coverage_bp(self.village_units, self.villages)
    }
    pub fn township_coverage_bp(&self) -> Option<i64> {
        coverage_bp(self.township_units, self.townships)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TeamType {
    pub kind: String,
    pub teams: u32,
    pub members: u32,
    pub origin: Origin,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Coverage {
    pub city: RawCity,
    pub teams_before: RawTeamsBefore,
    pub teams_after_total: Option<u32>,
    pub teams_after: Vec<TeamType>,
    pub counties: Vec<CountyRow>,
    pub facts: Vec<(String, Option<u32>)>,
}

impl Coverage {
    /// City-wide village coverage from the county rows (when they cover all six).
    pub fn derived_village_coverage_bp(&self) -> Option<i64> {
        let units: u32 = self.counties.iter().map(|c| c.village_units).sum();
        let villages: u32 = self.counties.iter().map(|c| c.villages).sum();
        coverage_bp(units, villages)
    }

    /// Whether the county rows add up to every city figure the report gives (units, village
    /// units, village coverage); figures it does not give cannot disagree.
    pub fn counties_match_city(&self) -> bool {
        let units: u32 = self.counties.iter().map(|c| c.units()).sum();
        let village: u32 = self.counties.iter().map(|c| c.village_units).sum();
        self.city.units_total.is_none_or(|u| u == units)
            && self.city.village_units.is_none_or(|v| v == village)
            && self.city.village_coverage_bp.is_none_or(|bp| Some(bp) == self.derived_village_coverage_bp())
    }
}

/// Reads coverage.json and [`validate`]s it against `org`.
pub fn load(text: &str, org: &Organisation) -> Result<Checked<Coverage>, Diagnostic> {
    let raw: RawCoverage = crate::json::parse(FILE, text)?;
    Ok(validate(raw, org))
}

/// Checks every county row against the organisation's divisions (each once), the volunteer
/// teams, and the city figures against the rows; then the correction notes.
pub fn validate(raw: RawCoverage, org: &Organisation) -> Checked<Coverage> {
    let mut ctx = Ctx::new(FILE);
    let mut cov = Coverage { city: raw.city.clone(), teams_before: raw.teams_before.clone(), teams_after_total: raw.teams_after_total, ..Default::default() };
    for (i, c) in raw.counties.iter().enumerate() {
        if let Some(row) = county(&mut ctx, &Item::new(&"counties", i), c, org, &cov.counties) {
            cov.counties.push(row);
        }
    }
    crate::sort::sort_by_key(&mut cov.counties, |c| c.county.code);
    cov.teams_after = teams_after(&mut ctx, &raw.teams_after, raw.teams_after_total);
    if cov.counties.len() == org.divisions.len() {
        check_city(&mut ctx, &raw.city, &cov);
    }
    for f in &raw.facts {
        if let Some(t) = &f.text {
            cov.facts.push((t.clone(), f.problem));
        }
    }
    ctx.corrections(&raw.corrections);
    ctx.finish(cov)
}

/// One county row: a division of the organisation's, not listed before (`earlier`), with its
/// denominators, no more units than townships or villages, and an origin.
fn county(ctx: &mut Ctx, at: &Item, c: &RawCounty, org: &Organisation, earlier: &[CountyRow]) -> Option<CountyRow> {
    let name = c.county.clone().unwrap_or_default();
    let Some(county) = org.division(&name) else {
        let (zh, en) = org.not_a_division(&name);
        ctx.error_en(&at.field("county"), zh, en);
        return None;
    };
    if earlier.iter().any(|x| x.county == county) {
        ctx.error_en(&at.field("county"), format!("{name}重复，这一条未显示"), format!("{name} appears more than once; this row is not shown"));
        return None;
    }
    let (Some(townships), Some(villages)) = (c.townships, c.villages) else {
        ctx.error_en(
            at,
            format!("{name}：缺少乡镇（街道）数或村（社区）数，无法计算覆盖率"),
            format!("{name}: the number of townships or villages is missing, so coverage cannot be computed"),
        );
        return None;
    };
    let tu = c.township_units.unwrap_or(0);
    let vu = c.village_units.unwrap_or(0);
    if tu > townships {
        ctx.error_en(
            &at.field("township_units"),
            format!("{name}：乡镇级组织 {tu} 个多于乡镇（街道）数 {townships}"),
            format!("{name}: {tu} township-level organisations is more than the {townships} townships"),
        );
        return None;
    }
    if vu > villages {
        ctx.error_en(
            &at.field("village_units"),
            format!("{name}：村级组织 {vu} 个多于村（社区）数 {villages}"),
            format!("{name}: {vu} village-level organisations is more than the {villages} villages"),
        );
        return None;
    }
    let origin = ctx.origin(&c.origin, c.problem, at, &name, Origins::Any)?;
    Some(CountyRow {
        hay: normalize(&format!("{name}\n{}", c.note.clone().unwrap_or_default())),
        county,
        townships,
        villages,
        township_units: tu,
        village_units: vu,
        hospital_units: c.hospital_units.unwrap_or(0),
        school_units: c.school_units.unwrap_or(0),
        other_units: c.other_units.unwrap_or(0),
        note: c.note.clone(),
        origin,
    })
}

/// The volunteer teams after the rectification, each with a kind, a number and an origin, and
/// their sum against the published total.
fn teams_after(ctx: &mut Ctx, raw: &[RawTeamType], total: Option<u32>) -> Vec<TeamType> {
    let mut teams = Vec::new();
    for (i, t) in raw.iter().enumerate() {
        match (t.kind.clone(), t.teams, Origin::from_raw(t.origin.as_deref(), None)) {
            (Some(kind), Some(n), Ok(o)) => teams.push(TeamType { kind, teams: n, members: t.members.unwrap_or(0), origin: o }),
            _ => ctx.error_en(
                &Item::new(&"teams_after", i),
                "志愿服务队须有类型、队数和来源",
                "a volunteer team entry needs a kind, a number of teams and a source",
            ),
        }
    }
    if let (Some(total), false) = (total, teams.is_empty()) {
        let sum: u32 = teams.iter().map(|t| t.teams).sum();
        if sum != total {
            ctx.warning_en(
                &"teams_after",
                format!("各类志愿服务队合计 {sum} 支，与报告的 {total} 支不符"),
                format!("the volunteer teams add up to {sum}, not the {total} the report gives"),
            );
        }
    }
    teams
}

/// The published city figures against the county rows (when every division has its row).
fn check_city(ctx: &mut Ctx, city: &RawCity, cov: &Coverage) {
    let vu: u32 = cov.counties.iter().map(|c| c.village_units).sum();
    if let Some(published) = city.village_units {
        if published != vu {
            ctx.warning_en(
                &"counties",
                format!("各县村级组织合计 {vu} 个，与全市公布的 {published} 个不符"),
                format!("the counties' village-level organisations add up to {vu}, not the city's published {published}"),
            );
        }
    }
    if let (Some(bp), Some(derived)) = (city.village_coverage_bp, cov.derived_village_coverage_bp()) {
        if bp != derived {
            let (derived, bp) = (crate::format::percent_bp(derived), crate::format::percent_bp(bp));
            ctx.warning_en(
                &"city.village_coverage_bp",
                format!("按各县数字计算的村级覆盖率为 {derived}，与公布的 {bp} 不符"),
                format!("village coverage from the counties' figures is {derived}, not the published {bp}"),
            );
        }
    }
}

crate::table_columns!(
    /// The 组织覆盖 table's columns, in display and CSV order.
    pub CountyCol {
        County => "county", "县（市、区）", "County", Text;
        VillageCoverage => "village_cov", "村级覆盖率", "Village coverage", Text;
        VillageUnits => "village_units", "村（社区）级组织", "Village units", Int;
        Villages => "villages", "村（社区）数", "Villages", Int;
        TownshipUnits => "township_units", "乡镇（街道）级组织", "Township units", Int;
        Townships => "townships", "乡镇（街道）数", "Townships", Int;
        HospitalUnits => "hospital_units", "医院", "Hospitals", Int;
        SchoolUnits => "school_units", "学校", "Schools", Int;
        OtherUnits => "other_units", "其他企事业单位", "Other employers", Int;
        Units => "units", "基层组织合计", "Grassroots units", Int;
        Origin => "origin", "来源", "Source", Text;
    }
);

crate::table_facets!(
    /// The 组织覆盖 table's facets.
    pub CountyFacet {
        County => "county", "县（市、区）", "County";
        Origin => "origin", "真实/示例", "Real/sample";
    }
);

impl Record for CountyRow {
    type Col = CountyCol;
    type Facet = CountyFacet;
    fn cell_lang(&self, col: CountyCol, lang: crate::i18n::Lang) -> Cell<'_> {
        match (lang, col) {
            (crate::i18n::Lang::En, CountyCol::County) => Cell::Text(Cow::Borrowed(self.county.label(lang))),
            (crate::i18n::Lang::En, CountyCol::Origin) => Cell::Text(Cow::Owned(self.origin.en())),
            _ => self.cell(col),
        }
    }
    fn cell(&self, col: CountyCol) -> Cell<'_> {
        match col {
            CountyCol::County => Cell::Text(Cow::Borrowed(&self.county.name)),
            CountyCol::VillageCoverage => Cell::Text(Cow::Owned(self.village_coverage_bp().map(crate::format::percent_bp).unwrap_or_else(|| "—".into()))),
            CountyCol::VillageUnits => Cell::Int(self.village_units as i64),
            CountyCol::Villages => Cell::Int(self.villages as i64),
            CountyCol::TownshipUnits => Cell::Int(self.township_units as i64),
            CountyCol::Townships => Cell::Int(self.townships as i64),
            CountyCol::HospitalUnits => Cell::Int(self.hospital_units as i64),
            CountyCol::SchoolUnits => Cell::Int(self.school_units as i64),
            CountyCol::OtherUnits => Cell::Int(self.other_units as i64),
            CountyCol::Units => Cell::Int(self.units() as i64),
            CountyCol::Origin => Cell::Text(Cow::Owned(self.origin.zh())),
        }
    }
    fn facet_value(&self, f: CountyFacet) -> u32 {
        match f {
            CountyFacet::County => self.county.code,
            CountyFacet::Origin => self.origin.is_sample() as u32,
        }
    }
    fn facet_label(f: CountyFacet, code: u32, lang: crate::i18n::Lang, org: &Organisation) -> String {
        match f {
            CountyFacet::County => org.divisions.get(code as usize).map_or("?", |d| d.label(lang)).to_string(),
            CountyFacet::Origin => (if code == 1 { lang.pick("示例数据", "Sample data") } else { lang.pick("真实记录", "Real records") }).to_string(),
        }
    }
    fn facet_key(f: CountyFacet, code: u32, org: &Organisation) -> String {
        match f {
            CountyFacet::County => org.divisions.get(code as usize).map_or("?", |d| d.name.as_str()).to_string(),
            CountyFacet::Origin => (if code == 1 { "sample" } else { "real" }).to_string(),
        }
    }
    fn parse_facet_key(f: CountyFacet, key: &str, org: &Organisation) -> Option<u32> {
        match f {
            CountyFacet::County => org.division(key).map(|d| d.code),
            CountyFacet::Origin => match key {
                "sample" => Some(1),
                "real" => Some(0),
                _ => None,
            },
        }
    }
    fn write_haystack(&self, out: &mut String) {
        out.push_str(&self.hay);
    }
    fn is_sample(&self) -> bool {
        self.origin.is_sample()
    }
    fn notes(&self, _: Lang) -> Vec<String> {
        self.note.iter().cloned().collect()
    }
}

// ---------------------------------------------------------------- charts

use crate::chart::{Bar, BarChart, ColumnChart, Series, Unit, AMBER, GREEN, GREY, RED};
use crate::i18n::Lang;

const BLUE: crate::chart::Rgb = crate::chart::Rgb(0x09, 0x69, 0xda);

/// Village/community coverage per county.
pub fn coverage_chart(rows: &[&CountyRow], source: &str, lang: Lang, org: &Organisation) -> BarChart {
    let division = org.division_label_in(lang);
    BarChart {
        title: lang.pick("村（社区）红十字基层组织覆盖率", "Red Cross grassroots coverage of villages").into(),
        subtitle: match lang {
            Lang::Zh => format!("各{division}已建村（社区）级组织数 ÷ 村（社区）总数"),
            Lang::En => format!("Village-level units ÷ villages, per {}", division.to_lowercase()),
        },
        lang,
        source: source.to_string(),
        sample: rows.iter().any(|r| r.origin.is_sample()),
        bars: rows
            .iter()
            .map(|r| {
                let bp = r.village_coverage_bp().unwrap_or(0);
                Bar {
                    label: r.county.label(lang).to_string(),
                    value: bp,
                    value_label: match lang {
                        Lang::Zh => format!("{}（{}/{}）", crate::format::percent_bp(bp), r.village_units, r.villages),
                        Lang::En => format!("{} ({}/{})", crate::format::percent_bp(bp), r.village_units, r.villages),
                    },
                    color: RED,
                }
            })
            .collect(),
    }
}

/// Grassroots units by level, stacked per county.
pub fn units_chart(rows: &[&CountyRow], source: &str, lang: Lang, org: &Organisation) -> ColumnChart {
    let col = |f: fn(&CountyRow) -> u32| rows.iter().map(|r| f(r) as i64).collect::<Vec<_>>();
    let division = org.division_label_in(lang);
    ColumnChart {
        title: match lang {
            Lang::Zh => format!("各{division}红十字基层组织（按层级）"),
            Lang::En => format!("Red Cross grassroots units per {} (by level)", division.to_lowercase()),
        },
        subtitle: lang.pick("乡镇（街道）、村（社区）和企事业单位基层组织数（个）", "Units in townships, villages and employers (number)").into(),
        source: source.to_string(),
        sample: rows.iter().any(|r| r.origin.is_sample()),
        categories: rows.iter().map(|r| (r.county.label(lang).to_string(), r.county.label(lang).to_string())).collect(),
        series: vec![
            Series { name: lang.pick("乡镇（街道）", "Township").into(), color: RED, values: col(|r| r.township_units) },
            Series { name: lang.pick("村（社区）", "Village").into(), color: BLUE, values: col(|r| r.village_units) },
            Series { name: lang.pick("医院", "Hospital").into(), color: GREEN, values: col(|r| r.hospital_units) },
            Series { name: lang.pick("学校", "School").into(), color: AMBER, values: col(|r| r.school_units) },
            Series { name: lang.pick("其他", "Other").into(), color: GREY, values: col(|r| r.other_units) },
        ],
        unit: Unit::Count,
        stacked: true,
        lang,
    }
}

/// Problem 6: the 55 teams before the rectification by size (real).
pub fn teams_before_chart(b: &RawTeamsBefore, source: &str, lang: Lang) -> Option<BarChart> {
    let (total, one, under_ten) = (b.total?, b.one_member?, b.under_ten?);
    let rows = [
        (lang.pick("1 人", "1 member"), one),
        (lang.pick("2–9 人", "2–9 members"), under_ten.saturating_sub(one)),
        (lang.pick("10 人及以上", "10 or more"), total.saturating_sub(under_ten)),
    ];
    Some(BarChart {
        title: lang.pick("整改前志愿服务队规模", "Volunteer teams before the rectification, by size").into(),
        subtitle: lang.pick(format!("全市 {total} 支志愿队按队员人数分组（支）"), format!("The city's {total} volunteer teams by number of members (teams)")),
        lang,
        source: source.to_string(),
        sample: false,
        bars: rows
            .iter()
            .map(|(l, n)| Bar {
                label: l.to_string(),
                value: *n as i64,
                value_label: {
                    let share = coverage_bp(*n, total).map(crate::format::percent_bp).unwrap_or_default();
                    lang.pick(format!("{n} 支（{share}）"), format!("{n} teams ({share})"))
                },
                color: AMBER,
            })
            .collect(),
    })
}

/// After the rectification: teams per type.
pub fn teams_after_chart(after: &[TeamType], total: Option<u32>, source: &str, lang: Lang) -> BarChart {
    let total = total.unwrap_or_else(|| after.iter().map(|t| t.teams).sum());
    BarChart {
        title: lang.pick("整改后各类红十字志愿服务队", "Red Cross volunteer teams after the rectification, by type").into(),
        subtitle: lang.pick(format!("共 {total} 支，按类型（支）"), format!("{total} teams by type (teams)")),
        lang,
        source: source.to_string(),
        sample: after.iter().any(|t| t.origin.is_sample()),
        bars: after
            .iter()
            .map(|t| Bar {
                label: t.kind.clone(),
                value: t.teams as i64,
                value_label: lang.pick(format!("{} 支，{} 人", t.teams, t.members), format!("{} teams, {} members", t.teams, t.members)),
                color: GREEN,
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`super::validate`] against the shipped organisation.
    fn validate(raw: RawCoverage) -> Checked<Coverage> {
        super::validate(raw, &crate::org::shipped())
    }

    #[test]
    fn coverage_arithmetic_against_the_seeds_3_5_percent() {
        // 38 village-level units were 3.5% of all villages/communities: any total from 1071 to
        // 1101 rounds to 3.5%, and the city total the sample uses (1086) does.
        assert_eq!(coverage_bp(38, 1086), Some(350));
        assert_eq!(coverage_bp(38, 1071), Some(355));
        assert_eq!(coverage_bp(38, 1101), Some(345));
        assert_eq!(coverage_bp(1, 3), Some(3333));
        assert_eq!(coverage_bp(2, 3), Some(6667));
        assert_eq!(coverage_bp(0, 0), None);
    }

    fn county(name: &str, villages: u32, vu: u32) -> RawCounty {
        RawCounty {
            county: Some(name.into()),
            townships: Some(10),
            villages: Some(villages),
            village_units: Some(vu),
            township_units: Some(0),
            origin: Some("sample".into()),
            ..Default::default()
        }
    }

    #[test]
    fn teams_before_matches_the_report() {
        let b = RawTeamsBefore { total: Some(55), one_member: Some(32), under_ten: Some(44), problem: Some(6) };
        let c = teams_before_chart(&b, "src", Lang::Zh).unwrap();
        assert_eq!(
            c.rows(),
            vec![
                ("1 人".to_string(), "32 支（58.18%）".to_string()),
                ("2–9 人".to_string(), "12 支（21.82%）".to_string()),
                ("10 人及以上".to_string(), "11 支（20%）".to_string()),
            ]
        );
    }

    #[test]
    fn county_rows_are_checked_against_the_city_figures() {
        let raw = RawCoverage {
            city: RawCity { units_total: Some(41), township_units: Some(0), village_units: Some(38), village_coverage_bp: Some(350), problem: Some(3) },
            counties: vec![
                county("咸安区", 200, 10),
                county("嘉鱼县", 150, 5),
                county("通城县", 190, 6),
                county("崇阳县", 200, 6),
                county("通山县", 186, 5),
                county("赤壁市", 160, 6),
            ],
            ..Default::default()
        };
        let c = validate(raw.clone());
        assert!(c.findings.is_empty(), "{:?}", c.findings);
        assert_eq!(c.value.derived_village_coverage_bp(), Some(350));
        // These rows hold village units only: 38 units against the city's 41.
        assert!(!c.value.counties_match_city());
        let mut no_total = raw.clone();
        no_total.city.units_total = None;
        assert!(validate(no_total.clone()).value.counties_match_city());
        let mut off = raw.clone();
        off.counties[0].village_units = Some(11);
        no_total.counties[0].village_units = Some(11);
        assert!(!validate(no_total).value.counties_match_city(), "39 village units against the city's 38");
        let c = validate(off);
        assert!(c.findings.iter().any(|p| p.path == "counties" && p.message.contains("39")), "{:?}", c.findings);
        let sum = c.findings.iter().find(|p| p.path == "counties").unwrap();
        assert_eq!(sum.message_in(Lang::En).0, "the counties' village-level organisations add up to 39, not the city's published 38");
        let mut bad = raw;
        bad.counties[1].village_units = Some(151);
        let c = validate(bad);
        assert!(c.findings.iter().any(|p| p.path == "counties[1].village_units"));
        assert_eq!(c.value.counties.len(), 5);
    }
}
