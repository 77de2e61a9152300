//! `gongshi import` on spreadsheets made by the tests: an .xlsx with a title row, blank rows,
//! every money and date form, a 合计 row, a note row and one bad row; a CSV of relief records
//! with names to mask and personal numbers to refuse; goods with a mapping file.

mod common;

use common::{gongshi, read, scratch};
use gongshi_core::{ledger, relief};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use std::path::Path;

/// The donations workbook: sheet “说明” (no table) then “2020年捐赠”.
fn donations_xlsx(path: &Path) {
    let mut wb = Workbook::new();
    let notes = wb.add_worksheet();
    notes.set_name("说明").unwrap();
    notes.write_string(0, 0, "本工作簿为2020年捐赠明细").unwrap();
    let ws = wb.add_worksheet();
    ws.set_name("2020年捐赠").unwrap();
    let title = Format::new().set_bold();
    ws.merge_range(0, 0, 0, 9, "咸宁市红十字会2020年1月社会捐赠明细表", &title).unwrap();
    // Row 2 blank; the header is on row 3.
    let header = ["序号", "捐赠日期", "捐赠单位（个人）", "金额（元）", "是否定向", "定向用途", "渠道", "项目", "收据号", "状态"];
    for (c, h) in header.iter().enumerate() {
        ws.write_string(2, c as u16, *h).unwrap();
    }
    let date_fmt = Format::new().set_num_format("yyyy-mm-dd");
    enum V {
        S(&'static str),
        N(f64),
        D(u16, u8, u8),
        B,
    }
    use V::*;
    let rows: Vec<[V; 10]> = vec![
        [
            N(1.0),
            S("2020-01-05"),
            S("王女士"),
            S("1,234.50"),
            S("是"),
            S("咸安区疫情防控"),
            S("银行转账"),
            S("新冠肺炎疫情防控"),
            S("XNHH-2020-000001"),
            S("已到账"),
        ],
        [N(2.0), D(2020, 1, 6), S("咸宁温泉食品有限公司"), N(1234.5), S("否"), B, S("微信"), S("博爱送万家"), S("XNHH-2020-000002"), S("已到账")],
        [N(3.0), S("2020/1/7"), S("咸宁市温州商会"), S("1.2万"), S("非定向"), B, S("腾讯公益"), S("人道救助"), B, S("received")],
        [N(4.0), S("2020.1.8"), S("爱心人士"), S("1.2万元"), S("N"), B, S("现金"), S("人道救助"), B, B],
        [N(5.0), S("2020年1月9日"), S("咸宁市中心医院"), S("¥300"), S("Y"), S("通山县防汛"), S("对公转账"), S("防汛救灾"), B, S("已到账")],
        [N(6.0), N(43840.0), S("李先生"), S("￥300"), S("true"), S("崇阳县敬老院"), S("bank_transfer"), S("博爱送万家"), B, S("已到账")],
        [B, B, B, B, B, B, B, B, B, B],
        [N(7.0), S("2020年1月"), S("赵女士"), S("300.00"), S("false"), B, S("其他"), S("人道救助"), B, S("已退回")],
        [N(8.0), S("43841"), S("钱先生"), S("１２３"), S("1"), S("嘉鱼县困难群众"), S("微信转账"), S("博爱送万家"), B, S("已到账")],
        [N(9.0), S("2020-01-12"), S("孙女士"), S("1234.5元"), S("0"), B, S("现金"), S("人道救助"), B, S("已取消")],
        [N(10.0), S("2020-02-30"), S("周先生"), S("12.345"), S("是"), B, S("现金"), S("人道救助"), B, S("已到账")],
        // The valid rows' sum (the total row is compared with them).
        [S("合计"), B, B, N(28_726.5), B, B, B, B, B, B],
    ];
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32 + 3;
        for (c, v) in row.iter().enumerate() {
            let c = c as u16;
            match v {
                S(s) => {
                    ws.write_string(r, c, *s).unwrap();
                }
                N(n) => {
                    ws.write_number(r, c, *n).unwrap();
                }
                D(y, m, d) => {
                    ws.write_datetime_with_format(r, c, ExcelDateTime::from_ymd(*y, *m, *d).unwrap(), &date_fmt).unwrap();
                }
                B => {}
            }
        }
    }
    ws.merge_range(16, 0, 16, 9, "注：本表金额单位为元。", &Format::new()).unwrap();
    wb.save(path).unwrap();
}

const DONATIONS_JSON: &str = r#"{
  "schema": "gongshi/donations/1",
  "sample": false,
  "records": [
    {"id":"D2020-00001","date":"2020-01-05","donor":"王女士","donor_kind":"individual","amount_fen":123450,"directed":true,"directed_to":"咸安区疫情防控","channel":"bank_transfer","project":"新冠肺炎疫情防控","receipt":"XNHH-2020-000001","status":"received","origin":"published"},
    {"id":"D2020-00002","date":"2020-01-06","donor":"咸宁温泉食品有限公司","donor_kind":"enterprise","amount_fen":123450,"directed":false,"channel":"wechat","project":"博爱送万家","receipt":"XNHH-2020-000002","status":"received","origin":"published"},
    {"id":"D2020-00003","date":"2020-01-07","donor":"咸宁市温州商会","donor_kind":"organisation","amount_fen":1200000,"directed":false,"channel":"online_platform","platform":"腾讯公益","project":"人道救助","status":"received","origin":"published"},
    {"id":"D2020-00004","date":"2020-01-08","donor":"爱心人士","donor_kind":"anonymous","amount_fen":1200000,"directed":false,"channel":"cash","project":"人道救助","status":"received","origin":"published"},
    {"id":"D2020-00005","date":"2020-01-09","donor":"咸宁市中心医院","donor_kind":"government","amount_fen":30000,"directed":true,"directed_to":"通山县防汛","channel":"bank_transfer","project":"防汛救灾","status":"received","origin":"published"},
    {"id":"D2020-00006","date":"2020-01-10","donor":"李先生","donor_kind":"individual","amount_fen":30000,"directed":true,"directed_to":"崇阳县敬老院","channel":"bank_transfer","project":"博爱送万家","status":"received","origin":"published"},
    {"id":"D2020-00007","date":"2020-01","donor":"赵女士","donor_kind":"individual","amount_fen":30000,"directed":false,"channel":"other","project":"人道救助","status":"refunded","origin":"published"},
    {"id":"D2020-00008","date":"2020-01-11","donor":"钱先生","donor_kind":"individual","amount_fen":12300,"directed":true,"directed_to":"嘉鱼县困难群众","channel":"wechat","project":"博爱送万家","status":"received","origin":"published"},
    {"id":"D2020-00009","date":"2020-01-12","donor":"孙女士","donor_kind":"individual","amount_fen":123450,"directed":false,"channel":"cash","project":"人道救助","status":"cancelled","origin":"published"}
  ]
}
"#;

#[test]
fn xlsx_with_title_blank_total_and_note_rows_imports_every_form_exactly() {
    let dir = scratch("import-xlsx");
    let xlsx = dir.join("捐赠明细.xlsx");
    donations_xlsx(&xlsx);
    let out = dir.join("donations.json");

    // One bad row: nothing is written, and the error names sheet, row, column and value.
    let r = gongshi(&["import", xlsx.to_str().unwrap(), "--dataset", "donations", "--out", out.to_str().unwrap()], &dir);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(!out.exists(), "nothing written when a row is bad");
    let errors: Vec<&str> = r.stderr.lines().filter(|l| l.starts_with("error:")).collect();
    assert_eq!(errors.len(), 1, "one error line per bad row: {}", r.stderr);
    let e = errors[0];
    assert!(e.contains("捐赠明细.xlsx 工作表“2020年捐赠” 第 14 行"), "{e}");
    assert!(e.contains("列“捐赠日期”的值“2020-02-30”"), "{e}");
    assert!(e.contains("2020 年 2 月没有 30 日"), "{e}");
    assert!(e.contains("列“金额（元）”的值“12.345”"), "{e}");
    assert!(e.contains("两位小数"), "{e}");
    assert!(r.stderr.contains("表头在第 3 行"), "{}", r.stderr);
    assert!(r.stderr.contains("跳过 skipped 第 15 行"), "合计 row: {}", r.stderr);
    assert!(r.stderr.contains("跳过 skipped 第 17 行"), "note row: {}", r.stderr);
    assert!(r.stderr.contains("未导入的列：序号"), "{}", r.stderr);

    // --skip-bad writes the good rows and says what it skipped.
    let r = gongshi(&["import", xlsx.to_str().unwrap(), "--dataset", "donations", "--out", out.to_str().unwrap(), "--skip-bad"], &dir);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("跳过了 1 行"), "{}", r.stderr);
    assert!(r.stdout.contains("导入 9 条记录"), "{}", r.stdout);
    let text = read(&out);
    assert_eq!(text, DONATIONS_JSON);
    gongshi_publish::schema::strict_parse("donations", &text).unwrap();
    let loaded = ledger::load_donations(&text).unwrap();
    assert!(loaded.findings.is_empty(), "{:?}", loaded.findings);
    assert!(loaded.value.iter().all(|d| d.origin == ledger::Origin::Published && !d.origin.is_sample()));
    assert_eq!(loaded.value[0].origin.zh(), "公开记录");

    // Without --out the JSON goes to standard output; --sheet picks the sheet by name.
    let r = gongshi(&["import", xlsx.to_str().unwrap(), "--dataset", "donations", "--sheet", "2020年捐赠", "--skip-bad"], &dir);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, DONATIONS_JSON);
    let r = gongshi(&["import", xlsx.to_str().unwrap(), "--dataset", "donations", "--sheet", "说明"], &dir);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("没有找到表头"), "{}", r.stderr);
}

#[test]
fn csv_of_relief_masks_names_and_refuses_personal_numbers() {
    let dir = scratch("import-relief-csv");
    let csv = dir.join("救助.csv");
    // A valid ID (check digit right), a mobile, a card passing Luhn; and an 18-digit number with a
    // wrong check digit that still has an ID's province code and birth date (an ID Excel rounded,
    // or mistyped): refused as an ID too.
    let text = "\u{feff}2021年临时救助发放名单,,,,,,,\n\
                ,,,,,,,\n\
                编号,救助项目,日期,县（市、区）,乡镇,受助人姓名,金额（元）,发放物资\n\
                ,临时救助,2021/3/5,咸安区,温泉街道,张三,500,\n\
                ,博爱送万家,2021年3月6日,赤壁,赤马港街道,欧阳娜娜,,大米、食用油\n\
                ,临时人道救助,44262,通山县,黄沙铺镇,李四,\"1,000\",\n\
                ,临时救助,2021-03-08,嘉鱼县,鱼岳镇,王五 11010519491231002X,300,\n\
                ,临时救助,2021-03-09,崇阳县,天城镇,赵六,200,联系电话13800138000\n\
                ,临时救助,2021-03-10,通城县,隽水镇,钱七,200,卡号6222021234567890128\n\
                ,临时救助,2021-03-11,咸安区,向阳湖镇,孙八,200,档案号110105194912310012\n\
                ,小天使基金,2021-03-12,咸安区,温泉街道,周九,200,\n\
                合计,,,,,,2600,\n";
    std::fs::write(&csv, text).unwrap();
    let out = dir.join("relief.json");
    // Relief rows name the organisation's divisions and programmes: without its manifest the
    // import says where to get them.
    let r = gongshi(&["import", csv.to_str().unwrap(), "--dataset", "relief", "--out", out.to_str().unwrap()], &dir);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("--manifest") && r.stderr.contains("gongshi init"), "{}", r.stderr);
    std::fs::copy(concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/data/manifest.json"), dir.join("manifest.json")).unwrap();
    let r = gongshi(&["import", csv.to_str().unwrap(), "--dataset", "relief", "--out", out.to_str().unwrap()], &dir);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(!out.exists());
    let errors: Vec<&str> = r.stderr.lines().filter(|l| l.starts_with("error:")).collect();
    assert_eq!(errors.len(), 5, "{}", r.stderr);
    assert!(errors[0].contains("第 7 行") && errors[0].contains("列“受助人姓名”") && errors[0].contains("身份证号"), "{}", errors[0]);
    assert!(errors[1].contains("第 8 行") && errors[1].contains("列“发放物资”") && errors[1].contains("手机号"), "{}", errors[1]);
    assert!(errors[2].contains("第 9 行") && errors[2].contains("银行卡号"), "{}", errors[2]);
    assert!(errors[3].contains("第 10 行") && errors[3].contains("身份证号"), "{}", errors[3]);
    assert!(errors[4].contains("第 11 行") && errors[4].contains("只公布汇总数"), "{}", errors[4]);
    // The numbers themselves are never printed, only masked.
    for secret in ["11010519491231002X", "13800138000", "6222021234567890128"] {
        assert!(!r.stderr.contains(secret), "leaks {secret}: {}", r.stderr);
    }
    assert!(r.stderr.contains("110*************2X") && r.stderr.contains("138******00"), "{}", r.stderr);

    let r = gongshi(&["import", csv.to_str().unwrap(), "--dataset", "relief", "--out", out.to_str().unwrap(), "--skip-bad"], &dir);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("已脱敏 masked: 3 个"), "{}", r.stderr);
    let json = read(&out);
    assert_eq!(
        json,
        r#"{
  "schema": "gongshi/relief/1",
  "sample": false,
  "records": [
    {"id":"R2021-0001","programme":"temporary_aid","date":"2021-03-05","county":"咸安区","township":"温泉街道","amount_fen":50000,"status":"paid","recipient":"张某","origin":"published"},
    {"id":"R2021-0002","programme":"boai","date":"2021-03-06","county":"赤壁市","township":"赤马港街道","goods":"大米、食用油","status":"paid","recipient":"欧阳某","origin":"published"},
    {"id":"R2021-0003","programme":"temporary_aid","date":"2021-03-07","county":"通山县","township":"黄沙铺镇","amount_fen":100000,"status":"paid","recipient":"李某","origin":"published"}
  ],
  "aggregates": []
}
"#
    );
    gongshi_publish::schema::strict_parse("relief", &json).unwrap();
    let loaded = relief::load(&json, &gongshi_publish::sample::organisation()).unwrap();
    assert!(loaded.findings.is_empty(), "{:?}", loaded.findings);
    assert_eq!(loaded.value.records.len(), 3);
}

#[test]
fn goods_with_a_mapping_file_batches_movements_and_units_in_the_quantity() {
    let dir = scratch("import-goods-map");
    let csv = dir.join("物资台账.csv");
    std::fs::write(
        &csv,
        "类别,批号,时间,来源单位,东西,件数,估价,发往\n\
         入库,G-1,2020-02-01,咸宁某医药有限公司,口罩,500箱,\"12,000.00\",\n\
         出库,G-1,2020-02-03,,,200箱,,通山县红十字会\n\
         出库,G-1,2020-02-04,,,400,,崇阳县红十字会\n",
    )
    .unwrap();
    let map = dir.join("map.json");
    std::fs::write(
        &map,
        r#"{"类别":"record","批号":"batch","时间":"date","来源单位":"donor","东西":"item","件数":"quantity","估价":"value","发往":"destination","备注":null}"#,
    )
    .unwrap();
    let out = dir.join("goods.json");
    let r = gongshi(&["import", csv.to_str().unwrap(), "--dataset", "goods", "--map", map.to_str().unwrap(), "--out", out.to_str().unwrap()], &dir);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let text = read(&out);
    assert_eq!(
        text,
        r#"{
  "schema": "gongshi/goods/1",
  "sample": false,
  "batches": [
    {"id":"G-1","date":"2020-02-01","donor":"咸宁某医药有限公司","donor_kind":"enterprise","item":"口罩","quantity":500,"unit":"箱","value_fen":1200000,"origin":"published"}
  ],
  "movements": [
    {"id":"M2020-0001","date":"2020-02-03","batch":"G-1","quantity":200,"destination":"通山县红十字会","origin":"published"},
    {"id":"M2020-0002","date":"2020-02-04","batch":"G-1","quantity":400,"destination":"崇阳县红十字会","origin":"published"}
  ],
  "writeoffs": []
}
"#
    );
    gongshi_publish::schema::strict_parse("goods", &text).unwrap();
    // The import is what the file says; checking the folder finds that more went out than in.
    let g = ledger::load_goods(&text).unwrap();
    assert!(g.findings.is_empty(), "{:?}", g.findings);
    assert_eq!(g.value.balances()[0].flags, vec![ledger::GoodsFlag::OverIssued]);

    // A mapping to a field that does not exist is refused up front.
    std::fs::write(&map, r#"{"类别":"kind_of_thing"}"#).unwrap();
    let r = gongshi(&["import", csv.to_str().unwrap(), "--dataset", "goods", "--map", map.to_str().unwrap()], &dir);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("kind_of_thing") && r.stderr.contains("不存在"), "{}", r.stderr);
}

/// `gongshi COMMAND --help` prints that command's usage (it said "未知参数" before); `gongshi
/// init` then makes a folder `check` passes, and refuses to overwrite one.
#[test]
fn command_help_and_init() {
    let dir = scratch("help-init");
    for (cmd, word) in [("init", "--divisions"), ("import", "--manifest"), ("check", "--today")] {
        let r = gongshi(&[cmd, "--help"], &dir);
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert!(r.stdout.contains(&format!("gongshi {cmd}")) && r.stdout.contains(word), "{}", r.stdout);
        assert!(!r.stdout.contains("gongshi sample"), "only that command: {}", r.stdout);
    }
    let args = ["init", "new", "--name", "某县红十字会", "--divisions", "甲镇,乙镇", "--today", "2026-12-01"];
    let r = gongshi(&args, &dir);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let c = gongshi(&["check", "new", "--today", "2026-12-01"], &dir);
    assert!(c.stdout.contains("check: 0 errors, 0 warnings"), "{}{}", c.stdout, c.stderr);
    let again = gongshi(&args, &dir);
    assert_eq!(again.code, 1);
    assert!(again.stderr.contains("不会覆盖"), "{}", again.stderr);
}

/// Real data replacing the sample ledger: `gongshi manifest` takes `sample` from the file and
/// no longer sources it to the generator; `--source` sets the source of the touched dataset.
#[test]
fn manifest_follows_real_data_replacing_the_sample() {
    let dir = scratch("real-replaces-sample");
    let data = dir.join("data");
    std::fs::create_dir_all(&data).unwrap();
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/data");
    for e in std::fs::read_dir(&shipped).unwrap() {
        let p = e.unwrap().path();
        if p.is_file() {
            std::fs::copy(&p, data.join(p.file_name().unwrap())).unwrap();
        }
    }
    let csv = dir.join("d.csv");
    std::fs::write(&csv, "日期,捐赠方,金额（元）,项目\n2024-01-05,某某公司,100,助学\n").unwrap();
    let r = gongshi(&["import", csv.to_str().unwrap(), "--dataset", "donations", "--out", data.join("donations.json").to_str().unwrap()], &dir);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let manifest = |dir: &Path| -> serde_json::Value { serde_json::from_str(&read(&dir.join("manifest.json"))).unwrap() };
    let donations = |m: &serde_json::Value| m["datasets"].as_array().unwrap().iter().find(|d| d["id"] == "donations").unwrap().clone();
    assert_eq!(donations(&manifest(&data))["sample"], true, "before: the shipped sample");
    let r = gongshi(&["manifest", data.to_str().unwrap()], &dir);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let d = donations(&manifest(&data));
    assert_eq!(d["sample"], false, "{}", r.stderr);
    assert!(!d["source"].as_str().unwrap().contains("示例"), "{d}");
    assert!(r.stderr.contains("sample 改为 false"), "{}", r.stderr);
    let r =
        gongshi(&["manifest", data.to_str().unwrap(), "--touch", "donations", "--today", "2024-02-01", "--source", "本会财务部 2024 年 1 月捐赠台账"], &dir);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let d = donations(&manifest(&data));
    assert_eq!(d["source"], "本会财务部 2024 年 1 月捐赠台账");
    assert_eq!(d["last_updated"], "2024-02-01");
    // The other datasets keep what they were.
    let m = manifest(&data);
    let relief = m["datasets"].as_array().unwrap().iter().find(|d| d["id"] == "relief").unwrap();
    assert_eq!(relief["sample"], true);
    // check says which files are still the sample.
    let c = gongshi(&["check", data.to_str().unwrap(), "--today", "2024-02-01"], &dir);
    let note = c.stderr.lines().find(|l| l.contains("仍是示例数据")).unwrap_or_else(|| panic!("{}", c.stderr)).to_string();
    assert!(note.contains("relief.json") && note.contains("disbursements.json") && !note.contains("donations.json"), "{note}");
}

/// A coverage sheet holds the county rows only: importing it over coverage.json keeps the city's
/// figures, the teams and the report's quotes (said to be hand-entered), drops the sample team
/// kinds and the old note, and replaces the counties.
#[test]
fn coverage_import_keeps_what_the_sheet_does_not_hold() {
    let dir = scratch("coverage-merge");
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/data");
    for f in ["manifest.json", "coverage.json"] {
        std::fs::copy(shipped.join(f), dir.join(f)).unwrap();
    }
    let old: serde_json::Value = serde_json::from_str(&read(&dir.join("coverage.json"))).unwrap();
    let csv = dir.join("cov.csv");
    std::fs::write(&csv, "县（市、区）,乡镇（街道）数,村（社区）数,乡镇（街道）级组织,村（社区）级组织\n咸安区,13,186,0,8\n嘉鱼县,9,109,0,5\n").unwrap();
    let r = gongshi(&["import", csv.to_str().unwrap(), "--dataset", "coverage", "--out", "coverage.json"], &dir);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("保留了") && r.stderr.contains("仍需手工维护"), "{}", r.stderr);
    let new: serde_json::Value = serde_json::from_str(&read(&dir.join("coverage.json"))).unwrap();
    assert_eq!(new["city"], old["city"]);
    assert_eq!(new["facts"], old["facts"]);
    assert_eq!(new["teams_after_total"], old["teams_after_total"]);
    assert_eq!(new["counties"].as_array().unwrap().len(), 2);
    assert_eq!(new["counties"][0]["origin"], "published");
    assert!(new["teams_after"].as_array().unwrap().iter().all(|t| t["origin"] != "sample"));
    assert!(new.get("note").is_none(), "the old note described the sample rows");
    assert_eq!(new["sample"], false);
}

/// Offices link spending to donations by receipt number: imported into a data folder, a receipt
/// number in 来源捐赠 becomes that donation's id; an id stays as it is.
#[test]
fn spending_linked_by_receipt_number() {
    let dir = scratch("receipts");
    let data = dir.join("data");
    std::fs::create_dir_all(&data).unwrap();
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/data");
    for f in ["manifest.json", "donations.json"] {
        std::fs::copy(shipped.join(f), data.join(f)).unwrap();
    }
    let csv = dir.join("x.csv");
    std::fs::write(&csv, "日期,用途,项目,接收方,金额（元）,来源捐赠,支出类别\n2019-02-01,孤寡老人春节慰问,博爱送万家,某某敬老院,100,XNHH-2019-000002,救助\n2019-02-02,大病救助,人道救助,某某医院,100,D2019-00003,救助\n").unwrap();
    let r = gongshi(&["import", csv.to_str().unwrap(), "--dataset", "disbursements", "--out", data.join("disbursements.json").to_str().unwrap()], &dir);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("1 个来源捐赠按收据号找到了"), "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&read(&data.join("disbursements.json"))).unwrap();
    assert_eq!(v["records"][0]["from_donations"][0], "D2019-00002");
    assert_eq!(v["records"][1]["from_donations"][0], "D2019-00003");
}

/// A value the vocabulary does not know is answered with the organisation's names (not only
/// keys); the mapping file's 值 says what the sheet's own word means.
#[test]
fn value_mappings_in_the_mapping_file() {
    let dir = scratch("value-map");
    std::fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/data/manifest.json"), dir.join("manifest.json")).unwrap();
    std::fs::write(dir.join("r.csv"), "救助项目,日期,县（市、区）,受助人,金额（元）\n应急救助,2024-03-05,咸安区,张三,500\n").unwrap();
    let r = gongshi(&["import", "r.csv", "--dataset", "relief", "--out", "relief.json"], &dir);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("“应急救助”不在本会公布的救助项目之中（可写 临时人道救助、"), "{}", r.stderr);
    std::fs::write(dir.join("map.json"), r#"{"值": {"救助项目": {"应急救助": "临时人道救助"}}}"#).unwrap();
    let r = gongshi(&["import", "r.csv", "--dataset", "relief", "--map", "map.json", "--out", "relief.json"], &dir);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&read(&dir.join("relief.json"))).unwrap();
    assert_eq!(v["records"][0]["programme"], "temporary_aid");
}
