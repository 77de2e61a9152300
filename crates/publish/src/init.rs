//! `gongshi init`: a complete, valid data folder for a new organisation. The manifest names the
//! organisation, its divisions and programmes, and lists the five datasets the law asks to be
//! published on a cadence (donations, disbursements, goods, relief, coverage), each an empty
//! file of its format. `gongshi manifest` then writes the checksums, counts and legal cadences.
//! A report (rectification, figures) is a publication of its own, added when there is one.

use gongshi_core::coverage::RawCoverage;
use gongshi_core::ledger::{RawDisbursement, RawDonation, RawFile, RawGoods, DISBURSEMENTS_SCHEMA, DONATIONS_SCHEMA, GOODS_SCHEMA};
use gongshi_core::manifest::{RawDataset, RawManifest};
use gongshi_core::org::{Division, Organisation, Programme};
use gongshi_core::relief::RawReliefFile;
use std::sync::Arc;

/// What `gongshi init` is told.
#[derive(Clone, Debug, Default)]
pub struct Init {
    pub name: String,
    pub name_en: Option<String>,
    /// As given: `A,B,C` (also `，` or `、`).
    pub divisions: String,
    /// What a division is called in headings (`--division-label`); `None`: 乡镇（街道） when every
    /// division is a township (…镇, …乡, …街道), else the app's default 县（市、区）.
    pub division_label: Option<String>,
    /// As given: `key=名称,key=名称*` (`*`: published only as aggregates). `None`: one
    /// programme, `aid=救助`.
    pub programmes: Option<String>,
    /// The date the folder is made (its datasets' `last_updated`), ISO.
    pub today: String,
}

fn split(s: &str) -> impl Iterator<Item = &str> {
    s.split([',', '，', '、']).map(str::trim).filter(|x| !x.is_empty())
}

/// Every division named is a township (镇, 乡, 街道, 苏木).
fn townships(divisions: &str) -> bool {
    let mut names = split(divisions).peekable();
    names.peek().is_some() && names.all(|n| ["镇", "乡", "街道", "街道办事处", "苏木"].iter().any(|s| n.ends_with(s)))
}

/// The organisation `init` describes, or what is wrong with what it was told (every problem,
/// one per line).
pub fn organisation(i: &Init) -> Result<Organisation, String> {
    let divisions: Vec<Arc<Division>> = split(&i.divisions).map(|n| Arc::new(Division { name: n.to_string(), ..Default::default() })).collect();
    let mut problems = Vec::new();
    if divisions.is_empty() {
        problems.push("--divisions 须列出本会的行政区划，如 --divisions \"城关镇,东乡,西乡\"".to_string());
    }
    let mut programmes = Vec::new();
    for item in split(i.programmes.as_deref().unwrap_or("aid=救助")) {
        let (key, name) = item.split_once('=').unwrap_or(("", item));
        let (name, aggregate_only) = match name.trim().strip_suffix('*') {
            Some(n) => (n.trim(), true),
            None => (name.trim(), false),
        };
        if key.trim().is_empty() {
            problems.push(format!("--programmes 的“{item}”应写作 标识=名称（如 winter_aid=冬季送温暖）"));
            continue;
        }
        programmes.push(Arc::new(Programme { key: key.trim().to_string(), name: name.to_string(), aggregate_only, ..Default::default() }));
    }
    let org = Organisation {
        name: i.name.trim().to_string(),
        name_en: i.name_en.clone().filter(|s| !s.trim().is_empty()),
        divisions,
        programmes,
        division_label: i.division_label.clone().filter(|s| !s.trim().is_empty()).or_else(|| townships(&i.divisions).then(|| "乡镇（街道）".into())),
        division_label_en: (i.division_label.is_none() && townships(&i.divisions)).then(|| "Township".into()),
        whole_area: Some("全部".into()),
        whole_area_en: Some("All".into()),
        ..Default::default()
    };
    problems.extend(org.check().into_iter().map(|d| d.message));
    if problems.is_empty() {
        Ok(org)
    } else {
        Err(problems.join("\n"))
    }
}

/// The folder's files, `(name, text)`: manifest.json (without checksums: `gongshi manifest`
/// writes them) and one empty file per dataset.
pub fn files(i: &Init) -> Result<Vec<(String, String)>, String> {
    let org = organisation(i)?;
    let source = format!("{}发布", org.name);
    let source_en = org.name_en.as_ref().map(|n| format!("Published by {n}"));
    let dataset = |id: &str, title: &str, title_en: &str| RawDataset {
        id: Some(id.into()),
        file: Some(format!("{id}.json")),
        title: Some(title.into()),
        title_en: Some(title_en.into()),
        last_updated: Some(i.today.clone()),
        source: Some(source.clone()),
        source_en: source_en.clone(),
        records: Some(0),
        sample: Some(false),
        ..Default::default()
    };
    let manifest = RawManifest {
        organisation: Some(org),
        datasets: vec![
            dataset("donations", "捐款收入", "Donations received"),
            dataset("disbursements", "款项支出", "Use of funds"),
            dataset("goods", "捐赠物资", "Donated goods"),
            dataset("relief", "救助", "Relief"),
            dataset("coverage", "组织覆盖", "Organisation coverage"),
        ],
        summary: None,
    };
    let empty_ledger =
        |schema: &str| RawFile::<RawDonation> { schema: Some(schema.into()), sample: Some(false), note: None, records: Vec::new(), corrections: Vec::new() };
    let disbursements =
        RawFile::<RawDisbursement> { schema: Some(DISBURSEMENTS_SCHEMA.into()), sample: Some(false), note: None, records: Vec::new(), corrections: Vec::new() };
    let goods = RawGoods { schema: Some(GOODS_SCHEMA.into()), sample: Some(false), ..Default::default() };
    let relief = RawReliefFile { schema: Some(gongshi_core::relief::SCHEMA.into()), sample: Some(false), ..Default::default() };
    let coverage = RawCoverage { schema: Some(gongshi_core::coverage::SCHEMA.into()), sample: Some(false), ..Default::default() };
    Ok(vec![
        ("manifest.json".into(), to(&manifest)),
        ("donations.json".into(), to(&empty_ledger(DONATIONS_SCHEMA))),
        ("disbursements.json".into(), to(&disbursements)),
        ("goods.json".into(), to(&goods)),
        ("relief.json".into(), to(&relief)),
        ("coverage.json".into(), to(&coverage)),
        // The publication history, with no release yet (`gongshi release` records the first).
        (gongshi_core::history::INDEX.into(), to(&gongshi_core::history::Index::empty())),
    ])
}

/// A file's text as the other commands write it: pretty JSON and a final newline.
fn to<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string_pretty(v).expect("plain data") + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;
    use gongshi_core::i18n::Lang;

    fn init(divisions: &str, programmes: Option<&str>) -> Init {
        Init {
            name: "某县红十字会".into(),
            divisions: divisions.into(),
            programmes: programmes.map(String::from),
            today: "2026-12-01".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_new_folder_checks_clean() {
        let files = files(&init("城关镇，东乡、西乡", Some("winter_aid=冬季送温暖,sick_children=大病儿童救助*"))).unwrap();
        let map: std::collections::BTreeMap<String, Vec<u8>> = files.into_iter().map(|(n, t)| (n, t.into_bytes())).collect();
        let report = crate::check::check_folder(&map, None);
        assert_eq!(report.errors(), 0, "{:#?}", report.diagnostics);
        let (loaded, _) = crate::check::load_folder(&map);
        let org = loaded.manifest.unwrap().organisation;
        assert_eq!(org.division_list("、"), "城关镇、东乡、西乡");
        assert_eq!(org.programme_keys(), "winter_aid / sick_children");
        assert!(org.programmes[1].aggregate_only && !org.programmes[0].aggregate_only);
        assert_eq!(loaded.relief.unwrap().records.len(), 0);
    }

    /// Townships are headed 乡镇（街道）; anything else keeps the default; an editor's own word wins.
    #[test]
    fn the_divisions_are_headed_by_their_level() {
        let org = |i: &Init| organisation(i).unwrap();
        assert_eq!(org(&init("温泉镇,南河乡,城东街道", None)).division_label_in(Lang::Zh), "乡镇（街道）");
        assert_eq!(org(&init("温泉镇,南河乡,城东街道", None)).division_label_in(Lang::En), "Township");
        assert_eq!(org(&init("甲县,乙区,丙镇", None)).division_label_in(Lang::Zh), "县（市、区）");
        assert_eq!(org(&init("甲县,乙区,丙镇", None)).division_label, None);
        let own = Init { division_label: Some("片区".into()), ..init("甲镇", None) };
        assert_eq!(org(&own).division_label_in(Lang::Zh), "片区");
    }

    /// A logo must be in the folder and run nothing; a good one passes.
    #[test]
    fn check_holds_the_logo_to_svg_without_script() {
        let files = files(&init("甲镇", None)).unwrap();
        let mut map: std::collections::BTreeMap<String, Vec<u8>> = files.into_iter().map(|(n, t)| (n, t.into_bytes())).collect();
        let mut m: serde_json::Value = serde_json::from_slice(&map["manifest.json"]).unwrap();
        m["organisation"]["logo"] = "logo.svg".into();
        map.insert("manifest.json".into(), serde_json::to_vec(&m).unwrap());
        let errors = |map: &std::collections::BTreeMap<String, Vec<u8>>| {
            crate::check::check_folder(map, None)
                .diagnostics
                .into_iter()
                .filter(|d| d.severity == gongshi_core::diag::Severity::Error)
                .map(|d| d.message)
                .collect::<Vec<_>>()
        };
        assert!(errors(&map).iter().any(|e| e.contains("标志文件 logo.svg 不在数据目录中")), "{:?}", errors(&map));
        map.insert("logo.svg".into(), br#"<svg xmlns="http://www.w3.org/2000/svg"><rect onclick="x()" width="1" height="1"/></svg>"#.to_vec());
        assert!(errors(&map).iter().any(|e| e.contains("可执行")), "{:?}", errors(&map));
        map.insert("logo.svg".into(), br#"<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>"#.to_vec());
        assert!(errors(&map).is_empty(), "{:?}", errors(&map));
    }

    #[test]
    fn bad_organisation_data_is_refused_with_every_reason() {
        let e = files(&init("城关镇,城关镇", Some("=没有标识,Bad=名称,ok="))).unwrap_err();
        for part in ["“城关镇”列了两次", "没有标识", "“Bad”只能由小写字母", "“ok”缺少名称"] {
            assert!(e.contains(part), "{part} missing from {e}");
        }
        assert!(files(&init("", None)).unwrap_err().contains("--divisions"));
        assert!(files(&Init { name: " ".into(), ..init("甲", None) }).unwrap_err().contains("缺少发布机构名称"));
    }
}
