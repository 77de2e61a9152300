//! The publisher toolkit without files: spreadsheet import on tables built here, and the folder
//! check on small synthetic data folders.

use gongshi_core::date::PartialDate;
use gongshi_core::integrity::sha256_hex;
use gongshi_core::Severity;
use gongshi_publish::check::{check_folder, locate};
use gongshi_publish::import::{self, match_header, normalize_header, Cell, Kind, Options, Output, Table};
use std::collections::BTreeMap;

// ------------------------------------------------------------------ import

#[test]
fn headers_match_ignoring_case_width_spaces_and_units() {
    assert_eq!(normalize_header(" 金额（元）* "), "金额(元)");
    assert_eq!(normalize_header("ＡＭＯＵＮＴ＿ＦＥＮ"), "amount_fen");
    let key = |k: Kind, h: &str| match_header(k, h).map(|f| f.key);
    assert_eq!(key(Kind::Donations, "金额(元)"), Some("amount_fen"));
    assert_eq!(key(Kind::Donations, "金额 （ 元 ）"), Some("amount_fen"));
    assert_eq!(key(Kind::Donations, "捐赠金额（万元）"), Some("amount_fen"), "a unit in brackets is not part of the name");
    assert_eq!(key(Kind::Donations, "Amount_Fen"), Some("amount_fen"), "the field key itself");
    assert_eq!(key(Kind::Donations, "捐赠日期"), Some("date"));
    assert_eq!(key(Kind::Donations, "捐赠人"), Some("donor"));
    assert_eq!(key(Kind::Donations, "捐赠单位"), Some("donor"));
    assert_eq!(key(Kind::Donations, "是否定向"), Some("directed"));
    assert_eq!(key(Kind::Donations, "定向用途"), Some("directed_to"));
    assert_eq!(key(Kind::Donations, "用途"), Some("directed_to"));
    assert_eq!(key(Kind::Donations, "渠道"), Some("channel"));
    assert_eq!(key(Kind::Donations, "票据号"), Some("receipt"));
    assert_eq!(key(Kind::Donations, "收据号"), Some("receipt"));
    assert_eq!(key(Kind::Donations, "序号"), None);
    assert_eq!(key(Kind::Disbursements, "用途"), Some("purpose"));
    assert_eq!(key(Kind::Relief, "县（市、区）"), Some("county"));
    assert_eq!(key(Kind::Relief, "乡镇"), Some("township"));
    assert_eq!(key(Kind::Relief, "受助人"), Some("recipient"));
    assert_eq!(key(Kind::Relief, "项目"), Some("programme"));
    assert_eq!(key(Kind::Goods, "物资名称"), Some("item"));
    assert_eq!(key(Kind::Goods, "数量"), Some("quantity"));
    assert_eq!(key(Kind::Goods, "单位"), Some("unit"));
    assert_eq!(key(Kind::Goods, "价值(元)"), Some("value_fen"));
    assert_eq!(key(Kind::Coverage, "村（社区）数"), Some("villages"));
}

#[test]
fn value_vocabularies() {
    assert_eq!(import::channel_key("腾讯公益"), Some(("online_platform", Some("腾讯公益".to_string()))));
    assert_eq!(import::channel_key("银行转账"), Some(("bank_transfer", None)));
    assert_eq!(import::channel_key("微信"), Some(("wechat", None)));
    assert_eq!(import::channel_key("飞鸽传书"), None);
    assert_eq!(import::donor_kind_key("企业"), Some("enterprise"));
    assert_eq!(import::donor_kind_key("机关事业单位"), Some("government"));
    assert_eq!(import::infer_donor_kind("湖北某某建设集团有限公司"), "enterprise");
    assert_eq!(import::infer_donor_kind("咸宁市温州商会"), "organisation");
    assert_eq!(import::infer_donor_kind("咸宁市第一中学"), "government");
    assert_eq!(import::infer_donor_kind("王女士"), "individual");
    assert_eq!(import::infer_donor_kind("中国红十字会总会"), "organisation");
    assert_eq!(import::infer_donor_kind("慈善爱心车队"), "organisation");
    assert_eq!(import::infer_donor_kind("匿名"), "anonymous");
    assert_eq!(import::category_key("项目费用"), Some("project_cost"));
    assert_eq!(import::category_key("管理费"), Some("management"));
    let org = shipped_org();
    assert_eq!(import::programme_key(&org, "小天使基金（白血病，0–18岁）").as_deref(), Some("little_angel"));
    assert_eq!(import::programme_key(&org, "临时救助").as_deref(), Some("temporary_aid"));
    assert_eq!(import::relief_status_key("已发放"), Some("paid"));
    assert_eq!(import::donation_status_key("已退回"), Some("refunded"));
    assert_eq!(import::county_name(&org, "赤壁").as_deref(), Some("赤壁市"));
    assert_eq!(import::county_name(&org, "咸宁市咸安区").as_deref(), Some("咸安区"));
    assert_eq!(import::county_name(&org, "武汉"), None);
}

/// The shipped data folder's organisation.
fn shipped_org() -> gongshi_core::org::Organisation {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/data/manifest.json")).unwrap();
    gongshi_core::manifest::load(&text).unwrap().value.organisation.as_ref().clone()
}

fn t(s: &str) -> Cell {
    Cell::Text(s.into())
}
fn n(s: &str) -> Cell {
    Cell::Number(s.into())
}

fn table(rows: Vec<Vec<Cell>>) -> Table {
    Table { sheet: Some("Sheet1".into()), rows: rows.into_iter().enumerate().map(|(i, r)| (i as u32 + 1, r)).collect() }
}

fn opts(kind: Kind) -> Options {
    Options { kind, source: "x.xlsx".into(), mapping: Vec::new(), org: shipped_org(), accept_totals: false, values: Vec::new() }
}

#[test]
fn wan_columns_bool_and_date_cells_and_the_1900_leap_day() {
    let tb = table(vec![
        vec![t("日期"), t("捐赠方"), t("金额（万元）"), t("定向"), t("定向用途"), t("编号")],
        vec![Cell::Date { year: 2020, month: 2, day: 29 }, t("某公司"), n("1.5"), Cell::Bool(true), t("防汛"), t("A1")],
        vec![n("43890"), t("某公司"), t("2000元"), Cell::Bool(false), Cell::Empty, t("A2")],
        vec![Cell::Date { year: 1900, month: 2, day: 29 }, t("某公司"), n("1"), Cell::Bool(false), Cell::Empty, t("A3")],
        vec![t("2020-03-01"), t("某公司"), Cell::Date { year: 2020, month: 3, day: 1 }, Cell::Bool(false), Cell::Empty, t("A4")],
    ]);
    let (out, report) = import::import(&tb, &opts(Kind::Donations)).unwrap();
    let Output::Donations(f) = out else { panic!() };
    assert_eq!(f.records.len(), 2);
    assert_eq!(
        (f.records[0].amount_fen.clone(), f.records[0].date.as_deref(), f.records[0].directed),
        (Some(1_500_000.into()), Some("2020-02-29"), Some(true))
    );
    assert_eq!((f.records[1].amount_fen.clone(), f.records[1].date.as_deref()), (Some(200_000.into()), Some("2020-02-29")), "an explicit 元 in a 万元 column");
    assert_eq!(report.errors.len(), 2);
    assert_eq!(report.errors[0].row, 4);
    assert!(report.errors[0].to_string().contains("1900-02-29"), "{}", report.errors[0]);
    assert!(report.errors[1].to_string().contains("这是一个日期，不是金额"), "{}", report.errors[1]);
    assert_eq!(report.columns.iter().filter(|c| c.1.is_some()).count(), 6);
}

#[test]
fn header_search_mapping_duplicates_and_validation_errors_by_row() {
    // No header at all.
    let e = import::import(&table(vec![vec![t("随便"), t("什么")]]), &opts(Kind::Donations)).unwrap_err();
    assert!(e.contains("没有找到表头"), "{e}");
    // A mapping names custom headers; `null` ignores one; the second 日期-like column is noted.
    let tb = table(vec![
        vec![t("登记表")],
        vec![t("收到那天"), t("谁给的"), t("多少钱"), t("到账日期"), t("内部备注")],
        vec![t("2021-05-01"), t("某公司"), t("100"), t("2021-05-02"), t("x")],
        vec![t("2021-05-03"), Cell::Empty, t("100"), Cell::Empty, Cell::Empty],
    ]);
    let mut o = opts(Kind::Donations);
    o.mapping = vec![
        ("收到那天".into(), Some("date".into())),
        ("谁给的".into(), Some("donor".into())),
        ("多少钱".into(), Some("amount".into())),
        ("内部备注".into(), None),
    ];
    let (out, report) = import::import(&tb, &o).unwrap();
    assert_eq!(report.header_row, 2);
    assert!(report.notes.iter().any(|n| n.contains("到账日期") && n.contains("收到那天")), "{:?}", report.notes);
    assert_eq!(out.records(), 1);
    // Row 4 has no donor: the validator's reason, on that row, naming the column.
    assert_eq!(report.errors.len(), 1, "{:?}", report.errors);
    let e = report.errors[0].to_string();
    assert!(e.starts_with("x.xlsx 工作表“Sheet1” 第 4 行："), "{e}");
    assert!(e.contains("列“谁给的”") && e.contains("缺少捐赠方"), "{e}");
    // An unknown field in the mapping is refused before anything is read.
    o.mapping = vec![("多少钱".into(), Some("money".into()))];
    assert!(import::import(&tb, &o).unwrap_err().contains("money"));
}

#[test]
fn relief_rows_are_masked_and_street_addresses_refused() {
    let tb = table(vec![
        vec![t("救助项目"), t("日期"), t("县（市、区）"), t("乡镇"), t("受助人"), t("金额")],
        vec![t("临时救助"), t("2022-1-1"), t("通山"), t("通羊镇"), t("司马光"), t("100")],
        vec![t("临时救助"), t("2022-1-2"), t("通山"), t("通羊镇人民路12号"), t("王某"), t("100")],
    ]);
    let (out, report) = import::import(&tb, &opts(Kind::Relief)).unwrap();
    let Output::Relief(r) = out else { panic!() };
    assert_eq!(r.records.len(), 1);
    assert_eq!(r.records[0].recipient.as_deref(), Some("司马某"));
    assert_eq!(r.records[0].county.as_deref(), Some("通山县"));
    assert_eq!(report.masked, 1);
    assert_eq!(report.errors.len(), 1);
    let e = report.errors[0].to_string();
    assert!(e.contains("第 3 行") && e.contains("列“乡镇”") && e.contains("详细地址"), "{e}");
}

/// Issue 21's leaks, each refused with its row and reason: a goods destination naming a village
/// group and a household, a card number beside 户名/卡号 (no longer only a note), and a relief
/// sheet of sick children relabelled 其他 (its 患儿/病种/监护人 columns give it away).
#[test]
fn households_bank_accounts_and_sick_children_lists_are_refused() {
    let tb = table(vec![
        vec![t("记录类型"), t("批次号"), t("日期"), t("物资名称"), t("数量"), t("单位"), t("价值（元）"), t("捐赠方"), t("去向"), t("备注")],
        vec![t("入库"), t("G1"), t("2024-01-05"), t("大米"), n("100"), t("袋"), n("5000"), t("某某公司"), t(""), t("")],
        vec![t("出库"), t("G1"), t("2024-01-10"), t("大米"), n("20"), t("袋"), t(""), t(""), t("咸安区横沟桥镇大屋村3组张三等15户"), t("")],
        vec![t("出库"), t("G1"), t("2024-01-11"), t("大米"), n("10"), t("袋"), t(""), t(""), t("横沟桥镇"), t("户名张三 卡号6222021234567890128")],
        vec![t("出库"), t("G1"), t("2024-01-12"), t("大米"), n("10"), t("袋"), t(""), t(""), t("横沟桥镇大屋村委会"), t("")],
    ]);
    let (out, report) = import::import(&tb, &opts(Kind::Goods)).unwrap();
    let Output::Goods(g) = out else { panic!() };
    assert_eq!(g.movements.len(), 1, "only the village committee's movement");
    assert_eq!(report.errors.iter().map(|e| e.row).collect::<Vec<_>>(), [3, 4]);
    let (e3, e4) = (report.errors[0].to_string(), report.errors[1].to_string());
    assert!(e3.contains("列“去向”") && e3.contains("村民小组"), "{e3}");
    assert!(e4.contains("列“备注”") && e4.contains("银行卡号") && !e4.contains("6222021234567890128"), "{e4}");

    // A relief goods cell: only the import's own scan sees it (the relief gate checks townships).
    let relief = table(vec![
        vec![t("救助项目"), t("日期"), t("县（市、区）"), t("乡镇"), t("受助人"), t("发放物资")],
        vec![t("临时救助"), t("2024-1-1"), t("通山"), t("通羊镇"), t("王五"), t("大米（送至城西村二组）")],
        vec![t("临时救助"), t("2024-1-2"), t("通山"), t("通羊镇"), t("李四"), t("大米")],
    ]);
    let (_, report) = import::import(&relief, &opts(Kind::Relief)).unwrap();
    assert_eq!(report.errors.iter().map(|e| e.row).collect::<Vec<_>>(), [2], "{:?}", report.errors);
    assert!(report.errors[0].to_string().contains("列“发放物资”") && report.errors[0].to_string().contains("村民小组"));

    let children = table(vec![
        vec![t("救助项目"), t("日期"), t("县（市、区）"), t("乡镇"), t("患儿姓名"), t("病种"), t("监护人"), t("金额")],
        vec![t("其他"), t("2024-3-5"), t("咸安区"), t("温泉街道"), t("张小明"), t("白血病"), t("张三"), t("5000")],
    ]);
    let Err(e) = import::import(&children, &opts(Kind::Relief)) else { panic!("a list of sick children is refused") };
    assert!(e.contains("“患儿姓名”“病种”“监护人”") && e.contains("只公布") && e.contains("汇总"), "{e}");
}

/// Issue 21's editor points: headers the tool does not know give one message with a ready
/// mapping (not the same error on every row); a sign-off row is skipped with a note, a status
/// that merely starts like one (审核通过) is not.
#[test]
fn unknown_headers_give_one_message_with_a_mapping_and_sign_off_rows_are_skipped() {
    let tb = table(vec![
        vec![t("受赠日期"), t("爱心单位"), t("金额（元）"), t("项目")],
        vec![t("2024-01-05"), t("某某公司"), n("100"), t("助学")],
        vec![t("2024-01-06"), t("王女士"), n("200"), t("助学")],
    ]);
    let Err(e) = import::import(&tb, &opts(Kind::Donations)) else { panic!("nothing can be imported") };
    assert!(e.contains("找不到“日期”“捐赠方”对应的列") && e.contains("未识别的列：受赠日期、爱心单位"), "{e}");
    assert!(e.ends_with(r#"{"受赠日期": "date", "爱心单位": "donor"}"#), "{e}");

    let tb = table(vec![
        vec![t("日期"), t("捐赠方"), t("金额（元）"), t("项目")],
        vec![t("2024-01-05"), t("某某公司"), n("100"), t("助学")],
        vec![t("制表人：王某"), t("审核人：李某"), t(""), t("制表日期：2024-02-01")],
    ]);
    let (out, report) = import::import(&tb, &opts(Kind::Donations)).unwrap();
    let Output::Donations(d) = out else { panic!() };
    assert_eq!(d.records.len(), 1);
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    assert_eq!(report.skipped.len(), 1);
    assert!(report.skipped[0].1.starts_with("签字行"), "{:?}", report.skipped);
}

/// A 合计 row is checked against the rows it totals (22万 declared vs 20.9788万 went unnoticed):
/// a 小计 covers the rows since the last subtotal, a 合计 every row; a difference is an error on
/// the totals row, or a note with `accept_totals`.
#[test]
fn totals_rows_are_compared_with_the_rows_they_total() {
    let tb = table(vec![
        vec![t("日期"), t("捐赠方"), t("金额（万元）"), t("项目")],
        vec![t("2024-01-05"), t("某某公司"), n("20"), t("助学")],
        vec![t("2024-01-06"), t("王女士"), n("0.9788"), t("助学")],
        vec![t("小计"), t(""), n("20.9788"), t("")],
        vec![t("2024-01-07"), t("李先生"), n("1"), t("助学")],
        vec![t("合计"), t(""), n("22"), t("")],
    ]);
    let (out, report) = import::import(&tb, &opts(Kind::Donations)).unwrap();
    let Output::Donations(d) = out else { panic!() };
    assert_eq!(d.records.len(), 3, "the rows themselves are imported");
    assert_eq!(report.errors.len(), 1, "{:?}", report.errors);
    let e = report.errors[0].to_string();
    assert_eq!(report.errors[0].row, 6);
    assert!(
        e.contains("合计写的是 220000.00 元") && e.contains("加起来是 219788.00 元") && e.contains("相差 212.00 元") && e.contains("--accept-totals"),
        "{e}"
    );
    let (_, report) = import::import(&tb, &Options { accept_totals: true, ..opts(Kind::Donations) }).unwrap();
    assert!(report.errors.is_empty());
    assert!(report.notes.iter().any(|n| n.contains("第 6 行") && n.contains("相差 212.00 元")), "{:?}", report.notes);
}

/// Children's and medical totals can be imported: a sheet of 项目、县、年度、人数、金额 becomes
/// relief.json's aggregates, with the small-cell rule applied (a cell of 3 people, and the cell a
/// total would then give away, are withheld) and said in a note; a 病种 column is allowed there.
#[test]
fn an_aggregates_sheet_is_imported_with_small_cells_withheld() {
    let tb = table(vec![
        vec![t("救助项目"), t("县（市、区）"), t("年度"), t("病种"), t("人数"), t("金额（元）")],
        vec![t("小天使"), t("咸安区"), t("2024年"), t("白血病"), n("7"), n("70000")],
        vec![t("小天使"), t("嘉鱼"), t("2024年"), t("白血病"), n("3"), n("30000")],
        vec![t("小天使"), t("通城县"), t("2024年"), t("白血病"), n("6"), n("60000")],
        vec![t("小天使"), t("全市"), t("2024年"), t("白血病"), n("16"), n("160000")],
    ]);
    let (out, report) = import::import(&tb, &opts(Kind::Relief)).unwrap();
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    let Output::Relief(r) = out else { panic!() };
    assert!(r.records.is_empty());
    let cells: Vec<(Option<&str>, Option<u32>, Option<i64>)> = r.aggregates.iter().map(|a| (a.county.as_deref(), a.people, a.amount_fen)).collect();
    assert_eq!(
        cells,
        [(Some("咸安区"), Some(7), Some(7_000_000)), (Some("嘉鱼县"), None, None), (Some("通城县"), None, None), (Some("全市"), Some(16), Some(16_000_000))],
        "the 3-person cell withheld, and the smallest other county cell, since 全市 less the rest would give it away"
    );
    assert!(r.aggregates.iter().all(|a| a.programme.as_deref() == Some("little_angel") && a.year == Some(2024)));
    assert!(report.notes.iter().any(|n| n.contains("2 个汇总格子不公布")), "{:?}", report.notes);
    // It loads in the app as it is.
    let text = serde_json::to_string(&r).unwrap();
    assert!(gongshi_core::relief::load(&text, &shipped_org()).unwrap().findings.is_empty());
}

// ------------------------------------------------------------------ check

const MANIFEST: &str = r#"{"organisation":{"name":"测试红十字会"},"datasets":[
  {"id":"donations","file":"donations.json","title":"捐款","last_updated":"2024-01-01","sample":false,"records":REC,
   "cadence":{"every_days":90,"emergency_every_days":5,"basis":"慈善法第七十九条"}},
  {"id":"disbursements","file":"disbursements.json","title":"支出","last_updated":"2024-01-01","sample":false},
  {"id":"goods","file":"goods.json","title":"物资","sample":true},
  {"id":"coverage","file":"coverage.json","title":"覆盖","sample":false}]}"#;

fn donation(id: &str, fen: i64, directed: bool) -> String {
    let to = if directed { r#","directed_to":"防汛""# } else { "" };
    format!(
        r#"{{"id":"{id}","date":"2023-05-01","donor":"某公司","donor_kind":"enterprise","amount_fen":{fen},"directed":{directed}{to},"channel":"bank_transfer","project":"防汛","status":"received","origin":"published"}}"#
    )
}

fn folder(records_in_manifest: u64) -> BTreeMap<String, Vec<u8>> {
    let mut f = BTreeMap::new();
    f.insert("manifest.json".to_string(), MANIFEST.replace("REC", &records_in_manifest.to_string()).into_bytes());
    f.insert(
        "donations.json".into(),
        format!(
            "{{\n  \"schema\": \"gongshi/donations/1\",\n  \"sample\": false,\n  \"records\": [\n    {},\n    {}\n  ]\n}}\n",
            donation("D1", 1_000_000, false),
            donation("D2", 50_000, true)
        )
        .into_bytes(),
    );
    // X1 spends more from D2 than D2 gave; X2 is a project cost far over 6.5% of the pool.
    f.insert(
        "disbursements.json".into(),
        r#"{
  "schema": "gongshi/disbursements/1",
  "sample": false,
  "records": [
    {"id":"X1","date":"2023-06-01","purpose":"防汛物资","project":"防汛","recipient":"通山县红十字会","amount_fen":60000,"from_donations":["D2"],"category":"aid","origin":"published"},
    {"id":"X2","date":"2023-06-02","purpose":"项目执行","project":"防汛","recipient":"某公司","amount_fen":100000,"category":"project_cost","origin":"published"}
  ]
}
"#
        .into(),
    );
    f.insert(
        "goods.json".into(),
        r#"{"schema":"gongshi/goods/1","sample":true,
  "batches":[{"id":"G1","date":"2023-01-01","donor":"某公司","donor_kind":"enterprise","item":"口罩","quantity":10,"unit":"箱","value_fen":0,"origin":"sample"}],
  "movements":[{"id":"M1","date":"2023-01-02","batch":"G1","quantity":11,"destination":"某地","origin":"sample"}],
  "writeoffs":[]}"#
            .into(),
    );
    f.insert("coverage.json".into(), br#"{"schema":"gongshi/coverage/1","sample":true,"counties":[]}"#.to_vec());
    f.insert("notes.json".into(), b"{}".to_vec());
    f
}

#[test]
fn check_finds_cross_file_manifest_and_cadence_problems_and_locates_them() {
    let files = folder(3);
    let today = PartialDate::parse("2024-06-01").unwrap();
    let report = check_folder(&files, Some(today));
    let got: Vec<(&str, &str, Severity, &str)> =
        report.diagnostics.iter().map(|d| (d.file.as_str(), d.path.as_str(), d.severity, d.message.as_str())).collect();
    let has = |file: &str, path: &str, sev: Severity, word: &str| {
        assert!(got.iter().any(|g| g.0 == file && g.1 == path && g.2 == sev && g.3.contains(word)), "missing {file} {path} {sev:?} “{word}” in {got:#?}")
    };
    has("manifest.json", "datasets[0].records", Severity::Error, "实际可用 2 条");
    has("manifest.json", "datasets[3].sample", Severity::Error, "标明含示例数据");
    has("manifest.json", "datasets[0].last_updated", Severity::Warning, "已超过法定公开周期");
    has("notes.json", "", Severity::Warning, "没有列在 manifest.json");
    has("disbursements.json", "records[0].amount_fen", Severity::Error, "超过了这些捐赠的总额");
    has("disbursements.json", "", Severity::Warning, "6.5%");
    has("goods.json", "batches[0]", Severity::Error, "出库数量超过入库数量");
    // Located: the cross-file finding's record id became a path, then a line.
    let x1 = report.diagnostics.iter().find(|d| d.path == "records[0].amount_fen").unwrap();
    assert_eq!((x1.line, x1.column), (Some(5), Some(103)));
    assert_eq!(report.summary_line(), format!("check: {} errors, {} warnings in 6 files", report.errors(), report.warnings()));
    assert!(report.errors() >= 4);

    // Not overdue on the due day; no cadence warning then.
    let on_due = check_folder(&files, Some(PartialDate::parse("2024-03-31").unwrap()));
    assert!(!on_due.diagnostics.iter().any(|d| d.path == "datasets[0].last_updated"));

    // No manifest at all is an error; so is a listed file that is missing.
    let mut no_manifest = folder(2);
    no_manifest.remove("manifest.json");
    assert!(check_folder(&no_manifest, None).diagnostics.iter().any(|d| d.file == "manifest.json" && d.severity == Severity::Error));
    let mut missing = folder(2);
    missing.remove("goods.json");
    assert!(check_folder(&missing, None).diagnostics.iter().any(|d| d.path == "datasets[2].file" && d.message.contains("不存在")));
}

#[test]
fn check_verifies_checksums_from_the_manifest() {
    let mut files = folder(2);
    let bytes = files["donations.json"].clone();
    let m = String::from_utf8(files["manifest.json"].clone()).unwrap().replacen(
        r#""records":2,"#,
        &format!(r#""records":2,"sha256":"{}","bytes":{},"#, sha256_hex(&bytes), bytes.len()),
        1,
    );
    files.insert("manifest.json".into(), m.into_bytes());
    let clean = check_folder(&files, None);
    assert!(!clean.diagnostics.iter().any(|d| d.message.contains("校验值")), "{:?}", clean.diagnostics);
    let mut changed = bytes.clone();
    let i = changed.windows(5).position(|w| w == b"50000").unwrap();
    changed[i] = b'6';
    files.insert("donations.json".into(), changed);
    let r = check_folder(&files, None);
    let d = r.diagnostics.iter().find(|d| d.message.contains("校验值")).expect("checksum finding");
    assert_eq!((d.file.as_str(), d.severity), ("donations.json", Severity::Error));
    assert!(d.message.contains(&format!("应为 {} 字节，实际 {} 字节", bytes.len(), bytes.len())), "{}", d.message);
}

#[test]
fn locate_handles_nested_paths_and_a_bom() {
    let text = "\u{feff}{\"a\": {\"b\": [10, {\"c\": \"x\"}]}}";
    assert_eq!(locate(text, "a.b[1].c"), Some((1, 24)), "the BOM is not a column");
    assert_eq!(locate(text, "a.b[0]"), Some((1, 14)));
    assert_eq!(locate(text, "a.z"), None);
}

// ------------------------------------------------------------------ layering

/// The app (the root package) links the core only: nothing of the publisher's side reaches the
/// wasm. (The core's own Cargo.toml is checked for browser crates in its tests.)
#[test]
fn the_app_does_not_depend_on_the_publisher_crate() {
    let toml = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../Cargo.toml")).unwrap();
    let (mut section, mut core) = ("", false);
    for line in toml.lines().map(str::trim) {
        if line.starts_with('[') {
            section = line;
        } else if section.ends_with("dependencies]") {
            let name = line.split(['=', '.']).next().unwrap_or("").trim();
            assert!(name != "gongshi-publish" && name != "gongshi-cli", "the app's {section} names {name}");
            core |= section == "[dependencies]" && name == "gongshi-core";
        }
    }
    assert!(core, "the app depends on gongshi-core");
}
