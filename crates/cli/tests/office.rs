//! Issue #21, "Publishing real data the way an office works": office-style spreadsheets, built
//! here in code (.xlsx with merged title rows, 填报单位 rows, the office's own headers, 合计/小计
//! rows, 万元 columns, side columns of names, ID and phone numbers, sign-off rows; and CSV saved
//! by Chinese Excel in GBK), run through the real `gongshi` binary. Each test asserts what the
//! editor sees: the message with the row number and the reason, and that refused content never
//! reaches the written JSON.
//!
//! | issue point | test |
//! | --- | --- |
//! | leak: goods destination `咸安区横沟桥镇大屋村3组张三等15户` | [`leak_goods_destination_naming_a_household`] |
//! | leak: village groups (`横沟桥镇大屋村3组`, `城西村二组`) as townships | [`leak_village_groups_in_the_township_column`] |
//! | leak: 病种/患儿/监护人 sheet labelled 其他 | [`leak_childrens_list_relabelled_as_other`] |
//! | leak: ID corrupted by Excel (`421202196803121200`) | [`leak_id_number_rounded_by_excel`] |
//! | leak: Luhn-valid card with `户名张三 卡号…` in a goods note | [`leak_bank_account_in_a_goods_note`] |
//! | leak: names with `·` or Latin letters in a hand-edited relief.json | [`leak_dotted_and_latin_names_in_a_hand_edited_relief_file`] |
//! | 1 unknown headers: one message, a ready `--map` line | [`p1_unknown_headers_give_one_message_with_a_mapping_line`] |
//! | 2 sign-off rows skipped, refused row shown, no internal names | [`p2_sign_off_rows_skipped_and_refused_rows_shown_in_the_sheets_words`] |
//! | 3 Chinese value names, value mappings | [`p3_values_named_in_chinese_and_mapped_in_the_mapping_file`] |
//! | 4 aggregate sheet (县、年度、人数、金额), small cells | [`p4_aggregate_sheet_imported_with_the_small_cell_rule`] |
//! | 5 coverage keeps city figures, teams, quotes | [`p5_coverage_import_keeps_what_the_sheet_does_not_hold`] |
//! | 6 clean start, files still sample named | [`p6_a_clean_start_and_the_files_still_sample`] |
//! | 7 spending linked by receipt number | [`p7_spending_linked_by_receipt_number`] |
//! | 8 manifest `sample` and source from the file and `--source` | [`p8_manifest_sample_flag_and_source_follow_the_data`] |
//! | 9 合计/小计 compared (22万 vs 20.9788万), `--accept-totals` | [`p9_totals_compared_with_the_rows_they_total`] |
//! | 10 partial year: cost cap judged on complete years only | [`p10_a_partial_year_is_not_judged_against_the_annual_cap`] |
//! | 11 `--help` for the tool and every command | [`p11_help_for_the_tool_and_every_command`] |
//! | 11 manifest, build-summary, schema speak Chinese | [`p11_manifest_summary_and_schema_speak_chinese`] |
//! | 11 donor kinds of 中国红十字会总会, 慈善爱心车队 | [`p11_donor_kinds_of_organisations`] |
//! | 11 prerender refreshes `.gz`/`.br` | needs Chromium and a built `dist/`: covered by `tests/e2e/first_view.test.mjs` ("after the data changes, running scripts/prerender.mjs again refreshes the precompressed copies of what it rewrote") |
//!
//! Point 8's page notices (the coverage page's sample notice following the data) and point 10's
//! donations page (年度未完) are the app's: `tests/e2e/second_org.test.mjs`.

mod common;

use common::{copy_of_shipped, gongshi, read, scratch, Run};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use serde_json::Value;
use std::path::{Path, PathBuf};

// ------------------------------------------------------------------ office spreadsheets

/// A cell as the office typed it.
#[derive(Clone, Copy)]
enum C<'a> {
    /// Text.
    S(&'a str),
    /// A number cell (money, counts, and IDs typed as numbers).
    N(f64),
    /// A date cell.
    D(u16, u8, u8),
    /// Empty.
    B,
}
use C::{B, D, N, S};

/// An office's worksheet: a merged title on row 1, 填报单位 and the unit on row 2, the header on
/// row 3, data from row 4 (row `4 + i` is `rows[i]`); then, with `sign_off`, a blank row and the
/// sign-off row (制表人 / 审核人 / 制表日期) on row `5 + rows.len()`.
struct Sheet<'a> {
    name: &'a str,
    title: &'a str,
    unit: &'a str,
    header: &'a [&'a str],
    rows: Vec<Vec<C<'a>>>,
    sign_off: bool,
}

fn workbook(path: &Path, sheets: &[Sheet]) {
    let mut wb = Workbook::new();
    let title = Format::new().set_bold().set_font_size(16);
    let date = Format::new().set_num_format("yyyy年m月d日");
    for sh in sheets {
        let ws = wb.add_worksheet();
        ws.set_name(sh.name).unwrap();
        let last = sh.header.len() as u16 - 1;
        ws.merge_range(0, 0, 0, last, sh.title, &title).unwrap();
        ws.write_string(1, 0, "填报单位（盖章）：咸宁市红十字会").unwrap();
        ws.write_string(1, last, sh.unit).unwrap();
        for (c, h) in sh.header.iter().enumerate() {
            ws.write_string(2, c as u16, *h).unwrap();
        }
        let mut put = |r: u32, c: u16, v: &C| match *v {
            S(s) => {
                ws.write_string(r, c, s).unwrap();
            }
            N(n) => {
                ws.write_number(r, c, n).unwrap();
            }
            D(y, m, d) => {
                ws.write_datetime_with_format(r, c, ExcelDateTime::from_ymd(y, m, d).unwrap(), &date).unwrap();
            }
            B => {}
        };
        for (i, row) in sh.rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                put(3 + i as u32, c as u16, v);
            }
        }
        if sh.sign_off {
            let r = 4 + sh.rows.len() as u32;
            put(r, 0, &S("制表人：王某某"));
            put(r, 2, &S("审核人：李某"));
            put(r, last.min(5), &S("制表日期：2024年7月5日"));
        }
    }
    wb.save(path).unwrap();
}

/// A CSV as Chinese Excel saves it: GBK, CRLF. The bytes are not UTF-8, so the import has to
/// read GBK.
fn gbk_csv(path: &Path, lines: &[&str]) {
    let text = lines.join("\r\n") + "\r\n";
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(&text);
    assert!(!unmappable, "every character has a GBK code");
    assert!(std::str::from_utf8(&bytes).is_err(), "GBK, not UTF-8");
    std::fs::write(path, bytes).unwrap();
}

// ------------------------------------------------------------------ running and reading

/// A city organisation's data folder from `gongshi init` (six counties; a children's programme
/// published only as totals).
fn init_org(dir: &Path) -> PathBuf {
    let r = gongshi(
        &[
            "init",
            "data",
            "--name",
            "咸宁市红十字会",
            "--divisions",
            "咸安区,嘉鱼县,通城县,崇阳县,通山县,赤壁市",
            "--programmes",
            "temporary_aid=临时人道救助,boai=博爱送万家,other=其他,little_angel=小天使基金*",
            "--today",
            "2024-07-01",
        ],
        dir,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    dir.join("data")
}

fn run(dir: &Path, args: &[&str]) -> Run {
    gongshi(args, dir)
}

/// The `error:` lines of a run.
fn errors(r: &Run) -> Vec<String> {
    r.stderr.lines().filter(|l| l.starts_with("error:")).map(String::from).collect()
}

/// The one error line about `row`.
fn error_on_row(r: &Run, row: u32) -> String {
    let at = format!(" 第 {row} 行：");
    let found: Vec<String> = errors(r).into_iter().filter(|e| e.contains(&at)).collect();
    assert_eq!(found.len(), 1, "one error line for row {row}: {}", r.stderr);
    found[0].clone()
}

fn json(p: &Path) -> Value {
    serde_json::from_str(&read(p)).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn assert_absent(p: &Path, what: &[&str]) {
    let text = read(p);
    for w in what {
        assert!(!text.contains(w), "{} contains “{w}”:\n{text}", p.display());
    }
}

/// build-summary, manifest, then check (at `today`): the check's run.
fn publish_and_check(dir: &Path, data: &Path, today: &str) -> Run {
    let d = data.to_str().unwrap();
    assert_eq!(run(dir, &["build-summary", d]).code, 0);
    let m = run(dir, &["manifest", d, "--touch", "all", "--today", today]);
    assert_eq!(m.code, 0, "{}", m.stderr);
    run(dir, &["check", d, "--today", today])
}

// ------------------------------------------------------------------ personal data that got through

/// The goods ledger: 入库, 出库 and 核销 rows of one batch, a second batch whose note carries a
/// bank account, and a 合计 of the value column.
fn goods_workbook(path: &Path) {
    workbook(
        path,
        &[Sheet {
            name: "物资台账",
            title: "咸宁市红十字会2024年捐赠物资收发台账",
            unit: "金额单位：元",
            header: &["序号", "记录类型", "批次号", "日期", "捐赠单位", "物资名称", "数量", "单位", "价值（元）", "去向", "核销原因", "备注"],
            rows: vec![
                vec![N(1.0), S("入库"), S("WZ-2024-01"), D(2024, 2, 1), S("中国红十字会总会"), S("棉被"), N(200.0), S("床"), N(30000.0), B, B, B],
                vec![N(2.0), S("出库"), S("WZ-2024-01"), D(2024, 2, 3), B, B, N(50.0), S("床"), B, S("咸安区横沟桥镇人民政府"), B, B],
                vec![N(3.0), S("出库"), S("WZ-2024-01"), D(2024, 2, 4), B, B, N(15.0), S("床"), B, S("咸安区横沟桥镇大屋村3组张三等15户"), B, B],
                vec![N(4.0), S("核销"), S("WZ-2024-01"), D(2024, 2, 5), B, B, N(2.0), S("床"), B, B, S("运输途中破损"), B],
                vec![
                    N(5.0),
                    S("入库"),
                    S("WZ-2024-02"),
                    D(2024, 2, 6),
                    S("咸宁某粮油有限公司"),
                    S("大米"),
                    N(100.0),
                    S("袋"),
                    N(8000.0),
                    B,
                    B,
                    S("户名张三 卡号6222021234567890128"),
                ],
                vec![N(6.0), S("出库"), S("WZ-2024-02"), D(2024, 2, 7), B, B, N(100.0), S("袋"), B, S("通山县红十字会"), B, B],
                vec![S("合计"), B, B, B, B, B, B, B, N(38000.0), B, B, B],
            ],
            sign_off: true,
        }],
    );
}

#[test]
fn leak_goods_destination_naming_a_household() {
    let dir = scratch("office-goods-household");
    let data = init_org(&dir);
    let xlsx = dir.join("2024年物资台账.xlsx");
    goods_workbook(&xlsx);
    let out = data.join("goods.json");
    let before = read(&out);
    let r = run(&dir, &["import", xlsx.to_str().unwrap(), "--dataset", "goods", "--out", out.to_str().unwrap()]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(read(&out), before, "nothing written while a row is refused");
    let e = error_on_row(&r, 6);
    assert!(e.starts_with("error: 2024年物资台账.xlsx 工作表“物资台账” 第 6 行："), "{e}");
    assert!(e.contains("列“去向”的值“咸安区横沟桥镇大屋村3组张三等15户”：含有村民小组（村、组）地址，个人信息不得公开"), "{e}");
    // The 合计, the sign-off row and the 填报单位 row above the header are not data.
    assert!(r.stderr.contains("表头在第 3 行"), "{}", r.stderr);
    assert!(r.stderr.contains("跳过 skipped 第 10 行：合计行"), "{}", r.stderr);
    assert!(r.stderr.contains("跳过 skipped 第 12 行：签字行（“制表人：王某某 审核人：李某 制表日期：2024年7月5日”）"), "{}", r.stderr);

    // A movement of a batch that was refused is refused too (its batch is not in the file).
    assert!(error_on_row(&r, 9).contains("列“批次号”的值“WZ-2024-02”：批次“WZ-2024-02”不存在"), "{}", r.stderr);
    assert_eq!(errors(&r).len(), 3, "{}", r.stderr);

    // A name before 等N户 is a household too, here in a GBK CSV from the warehouse.
    let csv = dir.join("出库单.csv");
    gbk_csv(
        &csv,
        &[
            "记录类型,批次号,日期,捐赠单位,物资名称,数量,领取单位",
            "入库,WZ-2024-01,2024-02-01,中国红十字会总会,棉被,200床,",
            "出库,WZ-2024-01,2024-02-08,,,15,横沟桥镇张三等15户",
            "出库,WZ-2024-01,2024-02-09,,,20,横沟桥镇困难户等20户",
        ],
    );
    let r2 = run(&dir, &["import", csv.to_str().unwrap(), "--dataset", "goods"]);
    assert_eq!(r2.code, 1);
    assert_eq!(errors(&r2).len(), 1, "a group of households is not a person: {}", r2.stderr);
    assert!(error_on_row(&r2, 3).contains("列“领取单位”的值“横沟桥镇张三等15户”：含有受助人姓名，个人信息不得公开"), "{}", r2.stderr);

    // --skip-bad: the good rows are written, never the household.
    let r = run(&dir, &["import", xlsx.to_str().unwrap(), "--dataset", "goods", "--out", out.to_str().unwrap(), "--skip-bad"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_absent(&out, &["大屋村", "张三", "15户"]);
    let g = json(&out);
    assert_eq!(g["movements"].as_array().unwrap().len(), 1, "{g}");
    assert_eq!(g["writeoffs"][0]["reason"], "运输途中破损");

    // Typed into goods.json by hand instead, the destination is refused by check as well.
    let mut g = g;
    g["movements"][0]["destination"] = Value::from("横沟桥镇大屋村3组");
    std::fs::write(&out, serde_json::to_string_pretty(&g).unwrap()).unwrap();
    let c = publish_and_check(&dir, &data, "2024-07-05");
    assert_eq!(c.code, 1, "{}", c.stdout);
    let line = c.stdout.lines().find(|l| l.contains("goods.json") && l.contains("destination")).unwrap_or_else(|| panic!("{}", c.stdout));
    assert!(line.starts_with("error:") && line.contains("村民小组"), "{line}");
}

#[test]
fn leak_bank_account_in_a_goods_note() {
    let dir = scratch("office-goods-card");
    let xlsx = dir.join("2024年物资台账.xlsx");
    goods_workbook(&xlsx);
    let out = dir.join("goods.json");
    let r = run(&dir, &["import", xlsx.to_str().unwrap(), "--dataset", "goods", "--out", out.to_str().unwrap()]);
    assert_eq!(r.code, 1);
    let e = error_on_row(&r, 8);
    assert!(e.contains("列“备注”的值“622**************28”：含有银行卡号（注明了户名或卡号），个人信息不得公开"), "{e}");
    assert!(!r.stderr.contains("6222021234567890128"), "the number is shown masked only: {}", r.stderr);
    let r = run(&dir, &["import", xlsx.to_str().unwrap(), "--dataset", "goods", "--out", out.to_str().unwrap(), "--skip-bad"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_absent(&out, &["6222021234567890128", "户名", "WZ-2024-02\",\"date\":\"2024-02-06"]);
}

#[test]
fn leak_village_groups_in_the_township_column() {
    let dir = scratch("office-village-groups");
    let data = init_org(&dir);
    let csv = dir.join("2024年临时救助发放名单.csv");
    gbk_csv(
        &csv,
        &[
            "2024年临时人道救助发放名单,,,,,,,,",
            "填报单位：咸宁市红十字会,,,,,,,,单位：元",
            "序号,救助项目,发放日期,县（市、区）,乡镇（街道）,受助人姓名,身份证号,联系电话,金额（元）",
            "1,临时人道救助,2024-03-05,咸安区,横沟桥镇大屋村3组,张三,11010519491231002X,13800138000,500",
            "2,临时人道救助,2024/3/6,咸安区,城西村二组,李四,,13900139000,800",
            "3,临时人道救助,2024年3月7日,咸安区,横沟桥镇,王五,,,700",
            "合计,,,,,,,,2000",
            ",,,,,,,,",
            "制表人：王某某,,,审核人：李某,,,制表日期：2024年3月10日,,",
        ],
    );
    let out = data.join("relief.json");
    let r = run(&dir, &["import", csv.to_str().unwrap(), "--dataset", "relief", "--out", out.to_str().unwrap()]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(errors(&r).len(), 2, "{}", r.stderr);
    for (row, place) in [(4, "横沟桥镇大屋村3组"), (5, "城西村二组")] {
        let e = error_on_row(&r, row);
        assert!(e.starts_with(&format!("error: 2024年临时救助发放名单.csv 第 {row} 行：列“乡镇（街道）”的值“{place}”：含有村民小组（村、组）地址")), "{e}");
    }
    // The side columns are never imported, and the report says what they hold.
    assert!(r.stderr.contains("未导入的列“联系电话”（手机号）、“身份证号”（身份证号）含有个人信息，没有写入输出文件"), "{}", r.stderr);
    assert!(r.stderr.contains("签字行"), "{}", r.stderr);
    let r = run(&dir, &["import", csv.to_str().unwrap(), "--dataset", "relief", "--out", out.to_str().unwrap(), "--skip-bad"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_absent(&out, &["大屋村", "城西村", "张三", "李四", "王五", "11010519491231002X", "13800138000"]);
    let v = json(&out);
    assert_eq!(v["records"].as_array().unwrap().len(), 1);
    assert_eq!((v["records"][0]["recipient"].as_str(), v["records"][0]["township"].as_str()), (Some("王某"), Some("横沟桥镇")));

    // Typed into relief.json by hand: check refuses it at the field.
    let mut v = v;
    v["records"][0]["township"] = Value::from("横沟桥镇大屋村3组");
    std::fs::write(&out, serde_json::to_string_pretty(&v).unwrap()).unwrap();
    assert_eq!(run(&dir, &["manifest", data.to_str().unwrap()]).code, 0);
    let c = run(&dir, &["check", data.to_str().unwrap(), "--today", "2024-07-01"]);
    assert_eq!(c.code, 1);
    assert!(c.stdout.lines().any(|l| l.starts_with("error: relief.json") && l.contains("records[0].township") && l.contains("地址")), "{}", c.stdout);
}

#[test]
fn leak_childrens_list_relabelled_as_other() {
    let dir = scratch("office-children");
    let data = init_org(&dir);
    let xlsx = dir.join("2024年其他救助.xlsx");
    workbook(
        &xlsx,
        &[Sheet {
            name: "其他救助",
            title: "2024年其他救助发放表",
            unit: "单位：元",
            header: &["序号", "救助项目", "日期", "县（市、区）", "患儿姓名", "病种", "监护人", "监护人电话", "金额（元）"],
            rows: vec![
                vec![N(1.0), S("其他"), D(2024, 4, 1), S("咸安区"), S("周小明"), S("白血病"), S("周大明"), S("13800138000"), N(20000.0)],
                vec![N(2.0), S("其他"), D(2024, 4, 2), S("嘉鱼县"), S("吴小红"), S("先天性心脏病"), S("吴大红"), B, N(30000.0)],
            ],
            sign_off: true,
        }],
    );
    let out = data.join("relief.json");
    let before = read(&out);
    let r = run(&dir, &["import", xlsx.to_str().unwrap(), "--dataset", "relief", "--out", out.to_str().unwrap(), "--skip-bad"]);
    assert_eq!(r.code, 1, "refused even with --skip-bad: {}", r.stderr);
    assert!(r.stderr.contains("2024年其他救助.xlsx：表中有“患儿姓名”“病种”“监护人”“监护人电话”列，这是儿童或大病救助的名单"), "{}", r.stderr);
    assert!(r.stderr.contains("只公布按县（市、区）、年份汇总的人数和金额") && r.stderr.contains("无论表中的救助项目写作什么"), "{}", r.stderr);
    assert_eq!(read(&out), before);
}

#[test]
fn leak_id_number_rounded_by_excel() {
    let dir = scratch("office-excel-id");
    let data = init_org(&dir);
    // The ID typed as a number: Excel keeps 15 significant digits, so 421202196803121234 is
    // stored as 421202196803121200. The check digit fails; the region and birth date remain.
    let rounded = 421_202_196_803_121_200_f64;
    assert_eq!(format!("{rounded}"), "421202196803121200");
    assert!(!gongshi_core::privacy::is_valid_id18("421202196803121200"));
    let xlsx = dir.join("2024年救助发放表.xlsx");
    workbook(
        &xlsx,
        &[Sheet {
            name: "Sheet1",
            title: "2024年博爱送万家发放表",
            unit: "单位：元",
            header: &["序号", "救助项目", "日期", "县（市、区）", "乡镇", "受助人", "身份证号码", "发放物资", "金额（元）"],
            rows: vec![
                vec![N(1.0), S("博爱送万家"), D(2024, 1, 20), S("通山县"), S("南林桥镇"), S("陈六"), N(rounded), S("大米、食用油"), N(300.0)],
                // The row pasted one column to the left: the ID lands in 发放物资.
                vec![N(2.0), S("博爱送万家"), D(2024, 1, 21), S("通山县"), S("南林桥镇"), S("刘七"), B, N(rounded), N(300.0)],
            ],
            sign_off: false,
        }],
    );
    let out = data.join("relief.json");
    let r = run(&dir, &["import", xlsx.to_str().unwrap(), "--dataset", "relief", "--out", out.to_str().unwrap()]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let e = error_on_row(&r, 5);
    assert!(e.contains("列“发放物资”的值“421*************00”：含有身份证号（末几位已损坏，出生日期和地区码仍在），个人信息不得公开"), "{e}");
    assert!(r.stderr.contains("未导入的列“身份证号码”（身份证号（末几位已损坏，出生日期和地区码仍在））含有个人信息"), "{}", r.stderr);
    assert!(!r.stderr.contains("421202196803121200") && !r.stderr.contains("4212021968"), "{}", r.stderr);
    let r = run(&dir, &["import", xlsx.to_str().unwrap(), "--dataset", "relief", "--out", out.to_str().unwrap(), "--skip-bad"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_absent(&out, &["4212021968", "陈六", "刘"]);
    assert_eq!(json(&out)["records"][0]["recipient"], "陈某");
}

#[test]
fn leak_dotted_and_latin_names_in_a_hand_edited_relief_file() {
    let dir = scratch("office-names");
    let data = init_org(&dir);
    let rec = |id: &str, name: &str| {
        format!(
            r#"{{"id":"{id}","programme":"temporary_aid","date":"2024-05-01","county":"咸安区","amount_fen":50000,"status":"paid","recipient":"{name}","origin":"published"}}"#
        )
    };
    let text = format!(
        "{{\n  \"schema\": \"gongshi/relief/1\",\n  \"sample\": false,\n  \"records\": [\n    {},\n    {},\n    {},\n    {}\n  ],\n  \"aggregates\": []\n}}\n",
        rec("R2024-0001", "买买提·艾力"),
        rec("R2024-0002", "Zhang San"),
        rec("R2024-0003", "阿依古丽•吐尔逊"),
        rec("R2024-0004", "张某")
    );
    std::fs::write(data.join("relief.json"), &text).unwrap();
    assert_eq!(run(&dir, &["manifest", data.to_str().unwrap()]).code, 0);
    let c = run(&dir, &["check", data.to_str().unwrap(), "--today", "2024-07-01"]);
    assert_eq!(c.code, 1, "{}", c.stdout);
    for i in 0..3 {
        let at = format!("records[{i}].recipient");
        let line = c.stdout.lines().find(|l| l.contains(&at)).unwrap_or_else(|| panic!("no finding at {at}: {}", c.stdout));
        assert!(line.starts_with("error: relief.json") && line.contains("受助人姓名未脱敏"), "{line}");
    }
    assert!(!c.stdout.contains("records[3].recipient"), "张某 is masked: {}", c.stdout);
    // The app refuses the file as a whole: nothing of it is shown as 受助人已脱敏.
    let org = gongshi_core::manifest::load(&read(&data.join("manifest.json"))).unwrap().value.organisation;
    assert!(gongshi_core::relief::load(&text, &org).is_err());
    // gongshi mask fixes it.
    let m = run(&dir, &["mask", data.join("relief.json").to_str().unwrap()]);
    assert!(m.stdout.starts_with("mask: 3 of 4 recipient names masked"), "{}", m.stdout);
    assert_eq!(publish_and_check(&dir, &data, "2024-07-05").code, 0);
}

// ------------------------------------------------------------------ where an editor got stuck

#[test]
fn p1_unknown_headers_give_one_message_with_a_mapping_line() {
    let dir = scratch("office-unknown-headers");
    let xlsx = dir.join("2024年上半年受赠登记.xlsx");
    workbook(
        &xlsx,
        &[Sheet {
            name: "受赠登记",
            title: "2024年上半年接受捐赠登记表",
            unit: "单位：元",
            header: &["序号", "受赠日期", "爱心单位", "金额（元）", "项目", "经办人"],
            rows: (1..=6).map(|i| vec![N(f64::from(i)), D(2024, 3, i as u8), S("咸宁某建材有限公司"), N(1000.0), S("博爱送万家"), S("王某")]).collect(),
            sign_off: true,
        }],
    );
    let r = run(&dir, &["import", xlsx.to_str().unwrap(), "--dataset", "donations", "--out", "donations.json"]);
    assert_eq!(r.code, 1);
    assert!(errors(&r).is_empty(), "not one line per row: {}", r.stderr);
    assert_eq!(r.stderr.matches("找不到").count(), 1, "{}", r.stderr);
    assert!(r.stderr.starts_with("gongshi: 2024年上半年受赠登记.xlsx：表头中找不到“日期”“捐赠方”对应的列，每一行都会因此出错，没有导入"), "{}", r.stderr);
    assert!(r.stderr.contains("未识别的列：序号、受赠日期、爱心单位、经办人"), "{}", r.stderr);
    let line = r.stderr.lines().last().unwrap();
    assert_eq!(line, r#"{"受赠日期": "date", "爱心单位": "donor"}"#);
    assert!(!dir.join("donations.json").exists());
    // The line as printed is a mapping file that works.
    std::fs::write(dir.join("mapping.json"), line).unwrap();
    let r = run(&dir, &["import", xlsx.to_str().unwrap(), "--dataset", "donations", "--map", "mapping.json", "--out", "donations.json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("列 columns: 受赠日期→日期，爱心单位→捐赠方，金额（元）→金额，项目→项目"), "{}", r.stderr);
    let v = json(&dir.join("donations.json"));
    assert_eq!(v["records"].as_array().unwrap().len(), 6);
    // The fields may be named as the import shows them, in Chinese.
    std::fs::write(dir.join("mapping.json"), r#"{"受赠日期": "日期", "爱心单位": "捐赠方", "经办人": null}"#).unwrap();
    let r = run(&dir, &["import", xlsx.to_str().unwrap(), "--dataset", "donations", "--map", "mapping.json", "--out", "donations2.json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(read(&dir.join("donations2.json")), read(&dir.join("donations.json")));
    assert_eq!((v["records"][0]["date"].as_str(), v["records"][0]["donor"].as_str()), (Some("2024-03-01"), Some("咸宁某建材有限公司")));
}

#[test]
fn p2_sign_off_rows_skipped_and_refused_rows_shown_in_the_sheets_words() {
    let dir = scratch("office-sign-off");
    let xlsx = dir.join("2024年捐赠明细.xlsx");
    workbook(
        &xlsx,
        &[Sheet {
            name: "捐赠明细",
            title: "咸宁市红十字会2024年社会捐赠明细表",
            unit: "单位：元",
            header: &["序号", "捐赠日期", "捐赠单位（个人）", "金额（元）", "是否定向", "定向用途", "项目", "收据号"],
            rows: vec![
                vec![N(1.0), D(2024, 1, 5), S("咸宁某商贸有限公司"), N(5000.0), S("否"), B, S("博爱送万家"), S("XNHH-2024-000001")],
                vec![N(2.0), D(2024, 1, 6), S("赵女士"), B, S("否"), B, S("博爱送万家"), S("XNHH-2024-000002")],
                vec![N(3.0), D(2024, 1, 7), S("钱先生"), N(300.0), S("是"), B, S("人道救助"), S("XNHH-2024-000003")],
                vec![N(4.0), D(2024, 1, 8), S("孙女士"), N(200.0), S("否"), B, S("人道救助"), S("XNHH-2024-000004")],
            ],
            sign_off: true,
        }],
    );
    let r = run(&dir, &["import", xlsx.to_str().unwrap(), "--dataset", "donations", "--out", "donations.json"]);
    assert_eq!(r.code, 1);
    // The sign-off row is skipped with a note, not refused as data.
    assert!(r.stderr.contains("跳过 skipped 第 9 行：签字行（“制表人：王某某 审核人：李某 制表日期：2024年7月5日”）"), "{}", r.stderr);
    assert_eq!(errors(&r).len(), 2, "{}", r.stderr);
    // Each refused row: its number, the column, the reason, and the row's content.
    assert_eq!(
        error_on_row(&r, 5),
        "error: 2024年捐赠明细.xlsx 工作表“捐赠明细” 第 5 行：列“金额（元）”：缺少金额（本行：2 | 2024-01-06 | 赵女士 | 否 | 博爱送万家 | XNHH-2024-000002）"
    );
    let e = error_on_row(&r, 6);
    assert!(
        e.contains("列“定向用途”：")
            && e.contains("定向捐赠须写明定向用途")
            && e.ends_with("（本行：3 | 2024-01-07 | 钱先生 | 300 | 是 | 人道救助 | XNHH-2024-000003）"),
        "{e}"
    );
    // In the sheet's words: no field names of the file format.
    for internal in ["amount_fen", "directed_to", "单位为分", "records["] {
        assert!(!r.stderr.contains(internal), "{internal}: {}", r.stderr);
    }
}

#[test]
fn p3_values_named_in_chinese_and_mapped_in_the_mapping_file() {
    let dir = scratch("office-values");
    let data = init_org(&dir);
    let csv = dir.join("应急救助.csv");
    gbk_csv(
        &csv,
        &["救助项目,日期,县（市、区）,受助人,金额（元）,状态", "应急救助,2024-03-05,咸安区,张三,500,已发放", "应急救助,2024-03-06,嘉鱼县,李四,600,已发放"],
    );
    let out = data.join("relief.json");
    let r = run(&dir, &["import", csv.to_str().unwrap(), "--dataset", "relief", "--out", out.to_str().unwrap()]);
    assert_eq!(r.code, 1);
    let e = error_on_row(&r, 2);
    assert!(e.contains("列“救助项目”的值“应急救助”：救助项目“应急救助”不在本会公布的救助项目之中（可写 临时人道救助、博爱送万家、其他、小天使基金，或"), "{e}");
    let donations = dir.join("捐赠.csv");
    gbk_csv(&donations, &["日期,捐赠方,金额（元）,渠道", "2024-03-05,咸宁某有限公司,500,支付宝转账"]);
    let r = run(&dir, &["import", donations.to_str().unwrap(), "--dataset", "donations"]);
    let e = error_on_row(&r, 2);
    assert!(e.contains("列“渠道”的值“支付宝转账”：渠道无法识别（可写 银行转账、网络募捐平台、微信、现金、其他，或 "), "Chinese names first: {e}");
    assert!(!e.contains("缺少"), "the cell is not empty: {e}");

    // The mapping file's 值 says what the office's words mean (by the field's Chinese name or key).
    std::fs::write(dir.join("map.json"), r#"{"值": {"救助项目": {"应急救助": "临时人道救助"}, "channel": {"支付宝转账": "网络平台"}}}"#).unwrap();
    let r = run(&dir, &["import", csv.to_str().unwrap(), "--dataset", "relief", "--map", "map.json", "--out", out.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(json(&out)["records"].as_array().unwrap().iter().all(|r| r["programme"] == "temporary_aid"));
    let r = run(&dir, &["import", donations.to_str().unwrap(), "--dataset", "donations", "--map", "map.json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains(r#""channel":"online_platform""#), "{}", r.stdout);
}

#[test]
fn p4_aggregate_sheet_imported_with_the_small_cell_rule() {
    let dir = scratch("office-aggregates");
    let data = init_org(&dir);
    let out = data.join("relief.json");
    // A list of the children's programme is refused row by row: it is published as totals.
    let list = dir.join("小天使基金名单.csv");
    gbk_csv(&list, &["救助项目,日期,县（市、区）,受助人,金额（元）", "小天使基金,2023-05-01,咸安区,周某,30000"]);
    let r = run(&dir, &["import", list.to_str().unwrap(), "--dataset", "relief", "--out", out.to_str().unwrap()]);
    assert_eq!(r.code, 1);
    assert!(error_on_row(&r, 2).contains("儿童和大病救助项目只公布汇总数，不得逐人公布"), "{}", r.stderr);

    // The totals sheet: per county and year, people and 万元; a 病种 column may stay in it.
    let xlsx = dir.join("2023年小天使基金救助汇总.xlsx");
    workbook(
        &xlsx,
        &[Sheet {
            name: "汇总",
            title: "2023年小天使基金救助情况汇总表",
            unit: "金额单位：万元",
            header: &["项目", "县（市、区）", "年度", "人数", "金额（万元）", "主要病种"],
            rows: vec![
                vec![S("小天使基金"), S("咸安区"), N(2023.0), N(12.0), N(36.0), S("白血病")],
                vec![S("小天使基金"), S("嘉鱼县"), N(2023.0), N(3.0), N(9.0), S("白血病")],
                vec![S("小天使基金"), S("通城县"), N(2023.0), N(7.0), N(21.0), S("先天性心脏病")],
                vec![S("小天使基金"), S("全市"), N(2023.0), N(22.0), N(66.0), B],
            ],
            sign_off: true,
        }],
    );
    let r = run(&dir, &["import", xlsx.to_str().unwrap(), "--dataset", "relief", "--out", out.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!r.stderr.contains("编号按年份"), "totals have no ids: {}", r.stderr);
    // 嘉鱼县's 3 children are withheld, and so is a second cell: 全市 less the others gives it away.
    assert!(r.stderr.contains("2 个汇总格子不公布人数和金额（少于 5 人，或能由合计推算出这样的格子）"), "{}", r.stderr);
    let v = json(&out);
    let cells = v["aggregates"].as_array().unwrap();
    assert_eq!(cells.len(), 4, "{v}");
    let cell = |county: &str| cells.iter().find(|c| c["county"] == county).unwrap_or_else(|| panic!("{county}: {v}"));
    assert_eq!((cell("嘉鱼县")["people"].clone(), cell("嘉鱼县")["suppressed"].clone()), (Value::Null, Value::Bool(true)));
    assert!(cell("嘉鱼县").get("amount_fen").is_none());
    assert_eq!((cell("咸安区")["people"].as_u64(), cell("咸安区")["amount_fen"].as_i64()), (Some(12), Some(36_000_000)));
    assert_eq!((cell("全市")["programme"].as_str(), cell("全市")["year"].as_u64()), (Some("little_angel"), Some(2023)));
    assert_eq!(cells.iter().filter(|c| c["suppressed"] == true).count(), 2);
    assert_absent(&out, &["\"people\":3", "9000000", "白血病"]);

    // The list of another programme imported next keeps the totals (and the other way round).
    let temp = dir.join("临时救助.csv");
    gbk_csv(&temp, &["救助项目,日期,县（市、区）,受助人,金额（元）", "临时人道救助,2023-06-01,咸安区,张三,500"]);
    let r = run(&dir, &["import", temp.to_str().unwrap(), "--dataset", "relief", "--out", out.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("保留了") && r.stderr.contains("4 个汇总格子"), "{}", r.stderr);
    let r = run(&dir, &["import", xlsx.to_str().unwrap(), "--dataset", "relief", "--out", out.to_str().unwrap()]);
    assert!(r.stderr.contains("1 条逐人记录"), "{}", r.stderr);
    let v = json(&out);
    assert_eq!((v["records"].as_array().unwrap().len(), v["aggregates"].as_array().unwrap().len()), (1, 4));
    let c = publish_and_check(&dir, &data, "2024-07-05");
    assert_eq!(c.code, 0, "{}", c.stdout);
    assert!(c.stdout.contains("check: 0 errors"), "{}", c.stdout);
}

/// The county rows of a coverage sheet, with a 合计 row.
fn coverage_workbook(path: &Path) {
    let county = |n: &'static str, t: f64, v: f64, tu: f64, vu: f64| vec![S(n), N(t), N(v), N(tu), N(vu), N(1.0), N(2.0)];
    workbook(
        path,
        &[Sheet {
            name: "覆盖情况",
            title: "2024年基层红十字组织覆盖情况统计表",
            unit: "单位：个",
            header: &["县（市、区）", "乡镇（街道）数", "村（社区）数", "乡镇（街道）级组织", "村（社区）级组织", "医院", "学校"],
            rows: vec![
                county("咸安区", 13.0, 186.0, 2.0, 9.0),
                county("嘉鱼县", 9.0, 109.0, 1.0, 5.0),
                county("通城县", 11.0, 187.0, 0.0, 6.0),
                county("崇阳县", 12.0, 195.0, 0.0, 7.0),
                county("通山县", 12.0, 187.0, 1.0, 6.0),
                county("赤壁市", 13.0, 176.0, 0.0, 5.0),
                vec![S("合计"), N(70.0), N(1040.0), N(4.0), N(38.0), N(6.0), N(12.0)],
            ],
            sign_off: true,
        }],
    );
}

#[test]
fn p5_coverage_import_keeps_what_the_sheet_does_not_hold() {
    let dir = scratch("office-coverage");
    let xlsx = dir.join("基层组织覆盖情况.xlsx");
    coverage_workbook(&xlsx);
    // Over the shipped report's coverage.json: the city figures, teams and quotes stay.
    let data = copy_of_shipped("office-coverage-shipped");
    let out = data.join("coverage.json");
    let old = json(&out);
    let r = run(&dir, &["import", xlsx.to_str().unwrap(), "--dataset", "coverage", "--out", out.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("表中只有各县（市、区）的行：保留了")
            && r.stderr.contains("全市数字（city）、志愿服务队（teams_*）、报告原文（facts），它们仍需手工维护"),
        "{}",
        r.stderr
    );
    let new = json(&out);
    for kept in ["city", "facts", "teams_after_total", "teams_before"] {
        assert_eq!(new[kept], old[kept], "{kept}");
    }
    assert_eq!(new["counties"].as_array().unwrap().len(), 6);
    assert_eq!((new["counties"][0]["county"].as_str(), new["counties"][0]["village_units"].as_u64()), (Some("咸安区"), Some(9)));
    assert!(new["counties"].as_array().unwrap().iter().all(|c| c["origin"] == "published"));
    assert!(new["teams_after"].as_array().unwrap().iter().all(|t| t["origin"] != "sample"));
    assert_eq!(new["sample"], false);

    // Over a new organisation's empty file: the editor is told what the sheet cannot give.
    let org = scratch("office-coverage-new");
    let data = init_org(&org);
    let r = run(&org, &["import", xlsx.to_str().unwrap(), "--dataset", "coverage", "--out", data.join("coverage.json").to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("全市数字（city）、志愿服务队（teams_*）和报告原文（facts）不从表格导入：要公布时，请在") && r.stderr.contains("手工填写"),
        "{}",
        r.stderr
    );
    assert_eq!(publish_and_check(&org, &data, "2024-07-05").code, 0);
}

#[test]
fn p6_a_clean_start_and_the_files_still_sample() {
    // gongshi init: no sample at all, and check is clean.
    let dir = scratch("office-clean-start");
    let data = init_org(&dir);
    let c = run(&dir, &["check", data.to_str().unwrap(), "--today", "2024-07-01"]);
    assert_eq!(c.code, 0);
    assert_eq!(c.stdout.trim(), "check: 0 errors, 0 warnings in 7 files");
    assert!(!c.stderr.contains("示例"), "{}", c.stderr);
    for f in std::fs::read_dir(&data).unwrap().flatten().filter(|f| f.path().is_file()) {
        assert!(!read(&f.path()).contains("\"sample\": true") && !read(&f.path()).contains("\"origin\":\"sample\""), "{}", f.path().display());
    }

    // Real donations over a copy of the shipped sample: check says which files are still sample.
    let shipped = copy_of_shipped("office-clean-start-shipped");
    let csv = dir.join("捐赠.csv");
    gbk_csv(&csv, &["日期,捐赠方,金额（元）,项目", "2024-01-05,咸宁某有限公司,100,助学"]);
    let r = run(&dir, &["import", csv.to_str().unwrap(), "--dataset", "donations", "--out", shipped.join("donations.json").to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(run(&dir, &["manifest", shipped.to_str().unwrap()]).code, 0);
    let c = run(&dir, &["check", shipped.to_str().unwrap(), "--today", "2024-02-01"]);
    let note = c.stderr.lines().find(|l| l.contains("仍是示例数据")).unwrap_or_else(|| panic!("{}", c.stderr));
    for f in ["disbursements.json", "goods.json", "relief.json", "coverage.json"] {
        assert!(note.contains(f), "{f}: {note}");
    }
    assert!(!note.contains("donations.json") && note.contains("gongshi init"), "{note}");
}

#[test]
fn p7_spending_linked_by_receipt_number() {
    let dir = scratch("office-receipts");
    let data = init_org(&dir);
    let xlsx = dir.join("2024年捐赠明细.xlsx");
    workbook(
        &xlsx,
        &[Sheet {
            name: "捐赠",
            title: "2024年社会捐赠明细",
            unit: "单位：元",
            header: &["序号", "捐赠日期", "捐赠单位（个人）", "金额（元）", "是否定向", "定向用途", "项目", "票据号"],
            rows: vec![
                vec![N(1.0), D(2024, 1, 5), S("咸宁某商贸有限公司"), N(100000.0), S("是"), S("通山县敬老院"), S("博爱送万家"), S("XNHH-2024-000101")],
                vec![N(2.0), D(2024, 1, 6), S("慈善爱心车队"), N(20000.0), S("是"), S("通山县敬老院"), S("博爱送万家"), S("XNHH-2024-000102")],
                vec![N(3.0), D(2024, 1, 7), S("赵女士"), N(1000.0), S("否"), B, S("人道救助"), S("XNHH-2024-000103")],
            ],
            sign_off: true,
        }],
    );
    let r = run(&dir, &["import", xlsx.to_str().unwrap(), "--dataset", "donations", "--out", data.join("donations.json").to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let csv = dir.join("2024年支出明细.csv");
    gbk_csv(
        &csv,
        &[
            "2024年款物支出明细,,,,,,",
            "支出日期,摘要,项目,收款单位,支出金额（元）,来源捐赠,支出类别",
            "2024-02-01,敬老院春节慰问,博爱送万家,通山县敬老院,\"60,000.00\",XNHH-2024-000101、XNHH-2024-000102,救助",
            "2024-02-02,敬老院春节慰问,博爱送万家,通山县敬老院,\"5,000.00\",D2024-00001,救助",
        ],
    );
    let out = data.join("disbursements.json");
    let r = run(&dir, &["import", csv.to_str().unwrap(), "--dataset", "disbursements", "--out", out.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("2 个来源捐赠按收据号找到了对应的捐赠编号"), "{}", r.stderr);
    let v = json(&out);
    assert_eq!(v["records"][0]["from_donations"], serde_json::json!(["D2024-00001", "D2024-00002"]));
    assert_eq!(v["records"][1]["from_donations"], serde_json::json!(["D2024-00001"]));
    let c = publish_and_check(&dir, &data, "2024-07-05");
    assert_eq!(c.code, 0, "{}", c.stdout);

    // A receipt number the ledger does not have is said at import.
    gbk_csv(&csv, &["日期,用途,项目,接收方,金额（元）,来源捐赠", "2024-02-01,慰问,博爱送万家,通山县敬老院,100,XNHH-2024-000999"]);
    let r = run(&dir, &["import", csv.to_str().unwrap(), "--dataset", "disbursements", "--out", out.to_str().unwrap()]);
    assert!(r.stderr.contains("来源捐赠 “XNHH-2024-000999” 在") && r.stderr.contains("既不是捐赠编号也不是收据号"), "{}", r.stderr);
    let c = publish_and_check(&dir, &data, "2024-07-05");
    assert_eq!(c.code, 1);
    assert!(c.stdout.contains("XNHH-2024-000999"), "{}", c.stdout);
}

#[test]
fn p8_manifest_sample_flag_and_source_follow_the_data() {
    let dir = scratch("office-manifest");
    let data = copy_of_shipped("office-manifest-data");
    let donations =
        |d: &Path| -> Value { json(&d.join("manifest.json"))["datasets"].as_array().unwrap().iter().find(|x| x["id"] == "donations").unwrap().clone() };
    assert_eq!(donations(&data)["sample"], true);
    let csv = dir.join("捐赠.csv");
    gbk_csv(&csv, &["日期,捐赠方,金额（元）,项目", "2024-01-05,咸宁某有限公司,100,助学"]);
    assert_eq!(run(&dir, &["import", csv.to_str().unwrap(), "--dataset", "donations", "--out", data.join("donations.json").to_str().unwrap()]).code, 0);
    let r = run(&dir, &["manifest", data.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("sample 改为 false"), "{}", r.stderr);
    let d = donations(&data);
    assert_eq!(d["sample"], false);
    assert!(!d["source"].as_str().unwrap().contains("示例"), "{d}");
    let r = run(&dir, &["manifest", data.to_str().unwrap(), "--touch", "donations", "--today", "2024-02-01", "--source", "本会财务部 2024 年 1 月捐赠台账"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let d = donations(&data);
    assert_eq!((d["source"].as_str(), d["last_updated"].as_str()), (Some("本会财务部 2024 年 1 月捐赠台账"), Some("2024-02-01")));
    let relief = json(&data.join("manifest.json"))["datasets"].as_array().unwrap().iter().find(|x| x["id"] == "relief").unwrap().clone();
    assert_eq!(relief["sample"], true, "the untouched sample stays sample");
}

#[test]
fn p9_totals_compared_with_the_rows_they_total() {
    let dir = scratch("office-totals");
    let xlsx = dir.join("2024年一季度捐赠.xlsx");
    workbook(
        &xlsx,
        &[Sheet {
            name: "一季度",
            title: "2024年第一季度社会捐赠明细表",
            unit: "单位：万元",
            header: &["序号", "捐赠日期", "捐赠单位", "金额（万元）", "项目", "联系人", "联系电话"],
            rows: vec![
                vec![N(1.0), D(2024, 1, 10), S("咸宁某建设集团有限公司"), N(5.2), S("博爱送万家"), S("刘经理"), S("13800138000")],
                vec![N(2.0), D(2024, 2, 10), S("咸宁市温州商会"), N(10.0), S("人道救助"), S("陈会长"), S("13900139000")],
                vec![S("小计"), B, B, N(15.2), B, B, B],
                vec![N(3.0), D(2024, 3, 10), S("咸宁某医药有限公司"), N(5.7788), S("人道救助"), S("周经理"), B],
                vec![S("合计"), B, B, N(22.0), B, B, B],
            ],
            sign_off: true,
        }],
    );
    let out = dir.join("donations.json");
    let r = run(&dir, &["import", xlsx.to_str().unwrap(), "--dataset", "donations", "--out", out.to_str().unwrap()]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(!out.exists());
    assert_eq!(errors(&r).len(), 1, "the 小计 is right, the 合计 is not: {}", r.stderr);
    assert_eq!(
        error_on_row(&r, 8),
        "error: 2024年一季度捐赠.xlsx 工作表“一季度” 第 8 行：列“金额（万元）”的值“22”：合计写的是 220000.00 元，上面 3 行的金额加起来是 209788.00 元，相差 10212.00 元：请核对是否漏了行或合计写错了（核对无误时可加 --accept-totals）（本行：合计 | 22）"
    );
    assert!(r.stderr.contains("跳过 skipped 第 6 行：合计行（“小计”）"), "{}", r.stderr);
    assert!(r.stderr.contains("未导入的列“联系电话”（手机号）含有个人信息"), "{}", r.stderr);

    let r = run(&dir, &["import", xlsx.to_str().unwrap(), "--dataset", "donations", "--out", out.to_str().unwrap(), "--accept-totals"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("第 8 行：合计写的是 220000.00 元") && r.stderr.contains("（--accept-totals：照常导入）"), "{}", r.stderr);
    let amounts: Vec<i64> = json(&out)["records"].as_array().unwrap().iter().map(|r| r["amount_fen"].as_i64().unwrap()).collect();
    assert_eq!(amounts, vec![5_200_000, 10_000_000, 5_778_800], "万元 exact to the fen");
    assert_absent(&out, &["13800138000", "刘经理", "合计"]);
}

#[test]
fn p10_a_partial_year_is_not_judged_against_the_annual_cap() {
    let dir = scratch("office-partial-year");
    let data = init_org(&dir);
    // 2023 whole, 2024's first quarter; project costs of 10% of the non-directed money each year.
    let csv = dir.join("捐赠.csv");
    gbk_csv(&csv, &["日期,捐赠方,金额（元）,是否定向,项目", "2023-03-01,咸宁某有限公司,100000,否,人道救助", "2024-02-01,咸宁某有限公司,100000,否,人道救助"]);
    assert_eq!(run(&dir, &["import", csv.to_str().unwrap(), "--dataset", "donations", "--out", data.join("donations.json").to_str().unwrap()]).code, 0);
    let csv = dir.join("支出.csv");
    gbk_csv(
        &csv,
        &[
            "日期,用途,项目,接收方,金额（元）,支出类别",
            "2023-06-01,项目执行费用,人道救助,咸宁某印刷厂,10000,项目费用",
            "2024-03-01,项目执行费用,人道救助,咸宁某印刷厂,10000,项目费用",
        ],
    );
    let r = run(&dir, &["import", csv.to_str().unwrap(), "--dataset", "disbursements", "--out", data.join("disbursements.json").to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let c = publish_and_check(&dir, &data, "2024-04-05");
    let caps: Vec<&str> = c.stdout.lines().filter(|l| l.contains("6.5%")).collect();
    assert_eq!(caps.len(), 1, "{}", c.stdout);
    assert!(caps[0].starts_with("warning: disbursements.json: 2023 年项目费用 1万元 超过当年非定向捐赠 10万元 的 6.5%"), "{}", caps[0]);
    // Once 2024 is over in the data, it is judged too.
    let c = publish_and_check(&dir, &data, "2025-01-10");
    assert_eq!(c.stdout.lines().filter(|l| l.contains("6.5%")).count(), 2, "{}", c.stdout);
}

#[test]
fn p11_help_for_the_tool_and_every_command() {
    let dir = scratch("office-help");
    for args in [&["--help"][..], &["help"], &["-h"]] {
        let r = run(&dir, args);
        assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
        assert!(r.stdout.contains("gongshi import") && r.stdout.contains("gongshi check") && !r.stdout.contains("未知"), "{}", r.stdout);
    }
    for (cmd, word) in [
        ("init", "--divisions"),
        ("sample", "--seed"),
        ("import", "--accept-totals"),
        ("check", "--format"),
        ("mask", "gongshi mask FILE"),
        ("manifest", "--source"),
        ("schema", "--out"),
        ("pinyin-table", "public/pinyin.txt"),
        ("build-summary", "summary.json"),
        ("bulk", "--rows"),
    ] {
        for flag in ["--help", "-h"] {
            let r = run(&dir, &[cmd, flag]);
            assert_eq!(r.code, 0, "{cmd} {flag}: {}", r.stderr);
            assert!(r.stdout.contains(&format!("gongshi {cmd}")) && r.stdout.contains(word), "{cmd}: {}", r.stdout);
            assert_eq!(r.stdout.matches("\n  gongshi ").count(), 1, "only {cmd}'s usage: {}", r.stdout);
        }
    }
}

#[test]
fn p11_manifest_summary_and_schema_speak_chinese() {
    let dir = scratch("office-chinese");
    let data = init_org(&dir);
    let d = data.to_str().unwrap();
    for (args, says) in [
        (vec!["build-summary", d], "已写入"),
        (vec!["manifest", d], "已写入"),
        (vec!["schema", "--out", "schema"], "已写入"),
        (vec!["check", d, "--today", "2024-07-01"], "check: 0 errors"),
    ] {
        let r = run(&dir, &args);
        assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
        assert!(r.stdout.contains(says), "{args:?}: {}", r.stdout);
        let first = r.stdout.lines().next().unwrap_or("");
        assert!(first.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) || args[0] == "check", "{args:?}: {first}");
        assert!(!r.stdout.starts_with("wrote"), "{args:?}: {}", r.stdout);
    }
}

#[test]
fn p11_donor_kinds_of_organisations() {
    let dir = scratch("office-donor-kinds");
    let csv = dir.join("捐赠.csv");
    gbk_csv(
        &csv,
        &[
            "日期,捐赠方,金额（元）,项目",
            "2024-01-05,中国红十字会总会,100000,博爱送万家",
            "2024-01-06,咸宁慈善爱心车队,2000,博爱送万家",
            "2024-01-07,咸宁某有限公司,2000,博爱送万家",
            "2024-01-08,王女士,200,博爱送万家",
        ],
    );
    let r = run(&dir, &["import", csv.to_str().unwrap(), "--dataset", "donations", "--out", "donations.json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let kinds: Vec<String> =
        json(&dir.join("donations.json"))["records"].as_array().unwrap().iter().map(|r| r["donor_kind"].as_str().unwrap().to_string()).collect();
    assert_eq!(kinds, vec!["organisation", "organisation", "enterprise", "individual"]);
}
