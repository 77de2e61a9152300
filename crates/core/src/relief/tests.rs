use super::*;
use crate::i18n::Lang;

/// [`super::load`] against the shipped organisation.
fn load(text: &str) -> Result<Checked<Relief>, Diagnostic> {
    super::load(text, &crate::org::shipped())
}

fn rec(id: &str, programme: &str, recipient: &str) -> serde_json::Value {
    serde_json::json!({"id": id, "programme": programme, "date": "2021-03-04", "county": "咸安区",
        "township": "浮山街道", "amount_fen": 100000, "status": "paid", "recipient": recipient, "origin": "sample"})
}

fn file(records: Vec<serde_json::Value>, aggregates: Vec<serde_json::Value>) -> String {
    serde_json::json!({"schema": "gongshi/relief/1", "sample": true, "records": records, "aggregates": aggregates}).to_string()
}

#[test]
fn masked_records_load() {
    let c = load(&file(vec![rec("R1", "temporary_aid", "张某"), rec("R2", "boai", "欧阳某")], vec![])).unwrap();
    assert!(c.findings.is_empty(), "{:?}", c.findings);
    assert_eq!(c.value.records.len(), 2);
}

#[test]
fn an_unmasked_name_refuses_the_whole_file() {
    let e = load(&file(vec![rec("R1", "temporary_aid", "张某"), rec("R2", "temporary_aid", "李小明")], vec![])).unwrap_err();
    assert_eq!(e.path, "records[1].recipient");
    assert!(e.message.contains("未脱敏"), "{}", e.message);
}

#[test]
fn id_phone_and_card_numbers_anywhere_refuse_the_file() {
    // A valid GB 11643 ID (check digit computed: 11010519491231002X).
    let mut r = rec("R1", "temporary_aid", "张某");
    r["goods"] = serde_json::json!("身份证 11010519491231002X");
    let e = load(&file(vec![r], vec![])).unwrap_err();
    assert_eq!(e.path, "records[0].goods");
    assert!(e.message.contains("身份证"), "{}", e.message);

    let mut r = rec("R1", "temporary_aid", "张某");
    r["township"] = serde_json::json!("联系 13800138000");
    assert!(load(&file(vec![r], vec![])).unwrap_err().message.contains("手机"));

    let mut r = rec("R1", "temporary_aid", "张某");
    r["goods"] = serde_json::json!("卡号 4111111111111111");
    assert!(load(&file(vec![r], vec![])).unwrap_err().message.contains("银行卡"));
}

#[test]
fn street_addresses_and_forbidden_fields_are_refused() {
    let mut r = rec("R1", "temporary_aid", "张某");
    r["township"] = serde_json::json!("温泉路12号");
    assert_eq!(load(&file(vec![r], vec![])).unwrap_err().path, "records[0].township");
    let mut r = rec("R1", "temporary_aid", "张某");
    r["phone"] = serde_json::json!("");
    assert_eq!(load(&file(vec![r], vec![])).unwrap_err().path, "records[0].phone");
}

#[test]
fn medical_programmes_only_as_aggregates() {
    let c = load(&file(vec![rec("R1", "little_angel", "张某")], vec![])).unwrap();
    assert!(c.value.records.is_empty());
    assert!(c.findings.iter().any(|p| p.path == "records[0].programme" && p.message.contains("汇总")));
}

fn agg(county: &str, people: Option<u32>) -> serde_json::Value {
    match people {
        Some(p) => {
            serde_json::json!({"programme": "little_angel", "county": county, "year": 2021, "people": p, "amount_fen": 3000000 * p as i64, "origin": "sample"})
        }
        None => serde_json::json!({"programme": "little_angel", "county": county, "year": 2021, "people": null, "suppressed": true, "origin": "sample"}),
    }
}

#[test]
fn suppressed_cells_are_shown_as_such_and_left_out_of_csv() {
    let c = load(&file(vec![], vec![agg("咸安区", Some(7)), agg("通山县", None), agg("赤壁市", Some(5)), agg("通城县", Some(0))])).unwrap();
    assert!(c.findings.is_empty(), "{:?}", c.findings);
    let a = &c.value.aggregates;
    assert_eq!(a[1].cell(AggregateCol::People), Cell::Text(Cow::Borrowed("不公布")), "withheld, not \"<5\": a cell withheld because of a total may hold more");
    assert_eq!(a[1].cell_lang(AggregateCol::People, crate::i18n::Lang::En), Cell::Text(Cow::Borrowed("not published")));
    assert_eq!(a[1].cell(AggregateCol::Amount), Cell::Text(Cow::Borrowed("不公布")));
    assert_eq!(a[2].cell(AggregateCol::People), Cell::Text(Cow::Borrowed("5")), "5 people is publishable");
    assert_eq!(a[3].cell(AggregateCol::People), Cell::Text(Cow::Borrowed("0")), "none is not a small cell");
    let idx = publishable(a, &[0, 1, 2, 3]);
    assert_eq!(idx, vec![0, 2, 3]);
    let csv = crate::csv::to_csv(a, &idx, &Default::default());
    assert!(!csv.contains("通山县"), "{csv}");
    assert_eq!(csv.lines().count(), 4);
}

#[test]
fn a_published_small_cell_refuses_the_file_naming_the_cell() {
    for p in 1..MIN_CELL {
        let e = load(&file(vec![], vec![agg("咸安区", Some(7)), agg("嘉鱼县", Some(p))])).unwrap_err();
        assert_eq!(e.path, "aggregates[1].people", "{p}");
        assert!(e.message.contains("2021 嘉鱼县 小天使基金") && e.message.contains("suppressed"), "{}", e.message);
    }
    // A cell marked suppressed that still carries its count or its amount.
    let mut leaky = agg("嘉鱼县", None);
    leaky["amount_fen"] = serde_json::json!(7400000);
    assert_eq!(load(&file(vec![], vec![leaky])).unwrap_err().path, "aggregates[0]");
    let mut leaky = agg("嘉鱼县", None);
    leaky["people"] = serde_json::json!(9);
    assert_eq!(load(&file(vec![], vec![leaky])).unwrap_err().path, "aggregates[0]");
}

#[test]
fn a_withheld_cell_that_a_total_would_give_away_refuses_the_file() {
    // 全市 12 less 7 published gives the one withheld cell: refused.
    let e = load(&file(vec![], vec![agg(WHOLE_AREA, Some(12)), agg("咸安区", Some(7)), agg("嘉鱼县", None)])).unwrap_err();
    assert_eq!(e.path, "aggregates[2]");
    assert!(e.message.contains("算出"), "{}", e.message);
    // Two withheld cells in the line: only their sum is known.
    let c = load(&file(vec![], vec![agg(WHOLE_AREA, Some(12)), agg("咸安区", None), agg("嘉鱼县", None)])).unwrap();
    assert!(c.findings.is_empty(), "{:?}", c.findings);
    // No total published: nothing to subtract from.
    assert!(load(&file(vec![], vec![agg("咸安区", Some(7)), agg("嘉鱼县", None)])).is_ok());
}

/// Cells as a generator or an office sheet has them: the suppression writes none of the small
/// counts, and what it writes passes the gate, whatever the line.
#[test]
fn suppress_small_cells_holds_for_every_line() {
    let raw = |county: &str, people: u32| RawAggregate {
        programme: Some("angel_sunshine".into()),
        county: Some(county.into()),
        year: Some(2020),
        people: Some(people),
        amount_fen: Some(i64::from(people) * 5_000_000),
        origin: Some("sample".into()),
        ..RawAggregate::default()
    };
    let counties = ["咸安区", "嘉鱼县", "通城县", "崇阳县"];
    // Every combination of 4 county cells from {0, 1, 3, 5, 9}, with and without a total.
    let values = [0u32, 1, 3, 5, 9];
    let mut lines = 0;
    for code in 0..values.len().pow(4) {
        let people: Vec<u32> = (0..4).map(|k| values[code / values.len().pow(k) % values.len()]).collect();
        for with_total in [false, true] {
            let mut cells: Vec<RawAggregate> = counties.iter().zip(&people).map(|(c, p)| raw(c, *p)).collect();
            if with_total {
                cells.push(raw(WHOLE_AREA, people.iter().sum()));
            }
            suppress_small_cells(&mut cells);
            for c in &cells {
                assert!(!c.people.is_some_and(|p| (1..MIN_CELL).contains(&p)), "{people:?}: {c:?}");
                if c.suppressed == Some(true) {
                    assert_eq!((c.people, c.amount_fen), (None, None));
                }
            }
            // Checked here independently of the module: a published total and exactly one
            // withheld county cell would give that cell away.
            let withheld = cells[..4].iter().filter(|c| c.people.is_none()).count();
            let total_published = cells.get(4).is_some_and(|t| t.people.is_some());
            assert!(!(total_published && withheld == 1), "{people:?}: derivable {cells:?}");
            let text = serde_json::json!({"schema": "gongshi/relief/1", "sample": true, "records": [], "aggregates": cells}).to_string();
            let gate = privacy_gate(FILE, &serde_json::from_str(&text).unwrap(), &crate::org::shipped());
            assert!(gate.is_empty(), "{people:?} total {with_total}: {gate:?}");
            lines += 1;
        }
    }
    assert_eq!(lines, 1250);
}

/// Every way of slipping personal data into relief.json that the review found, and more: each
/// alone refuses the whole file, at the field that carries it.
#[test]
fn every_leak_the_review_found_is_refused() {
    let cases: Vec<(&str, &str, serde_json::Value, &str)> = vec![
        ("goods", "身份证110105  19491231  002X", serde_json::json!(null), "身份证"),
        ("goods", "身份证110105–19491231–002X", serde_json::json!(null), "身份证"),
        ("goods", "身份证110105—19491231—002X", serde_json::json!(null), "身份证"),
        ("goods", "sfz11010519491231002X", serde_json::json!(null), "身份证"),
        ("goods", "１１０１０５１９４９１２３１００２Ｘ", serde_json::json!(null), "身份证"),
        ("goods", "420102199003071000", serde_json::json!(null), "身份证"),
        ("goods", "电话13 800 138 000", serde_json::json!(null), "手机"),
        ("goods", "tel13800138000", serde_json::json!(null), "手机"),
        ("goods", "138.0013.8000", serde_json::json!(null), "手机"),
        ("goods", "卡号6222 0212 3456 7890 128", serde_json::json!(null), "银行卡"),
        ("township", "新屋村3组", serde_json::json!(null), "地址"),
        ("township", "横沟桥镇大屋村", serde_json::json!(null), "地址"),
        ("township", "城西村二组", serde_json::json!(null), "地址"),
        ("township", "温泉路12号", serde_json::json!(null), "地址"),
        ("township", "温泉社区", serde_json::json!(null), "地址"),
        ("recipient", "张　三", serde_json::json!(null), "未脱敏"),
        ("recipient", "Zhang San", serde_json::json!(null), "未脱敏"),
        ("recipient", "张三某", serde_json::json!(null), "未脱敏"),
        ("recipient", "买买提·艾力", serde_json::json!(null), "未脱敏"),
        ("recipient", "张三", serde_json::json!(null), "未脱敏"),
        ("recipient", "王女士", serde_json::json!(null), "未脱敏"),
        ("note", "张三之女，白血病", serde_json::json!(null), "字段"),
        ("birth", "2015-03-02", serde_json::json!(null), "字段"),
        ("phone", "", serde_json::json!(null), "字段"),
        ("id_number", "", serde_json::json!(null), "字段"),
        ("recipient", "", serde_json::json!(13800138000u64), "手机"),
        ("recipient", "", serde_json::json!(["张某"]), "未脱敏"),
    ];
    for (field, text, value, says) in cases {
        let mut r = rec("R1", "temporary_aid", "张某");
        r[field] = if value.is_null() { serde_json::json!(text) } else { value.clone() };
        let e = load(&file(vec![rec("R0", "boai", "李某"), r], vec![])).unwrap_err();
        assert_eq!(e.path, format!("records[1].{field}"), "{field}={text:?} {value}: {}", e.message);
        assert!(e.message.contains(says) && e.message.contains("不予显示"), "{field}={text:?}: {}", e.message);
        assert!(!e.message.contains("13800138000") && !e.message.contains("19491231"), "the message repeats the number: {}", e.message);
    }
    // Unknown fields at the top and in an aggregate too.
    let mut f: serde_json::Value = serde_json::from_str(&file(vec![], vec![agg("咸安区", Some(7))])).unwrap();
    f["contacts"] = serde_json::json!("x");
    assert_eq!(load(&f.to_string()).unwrap_err().path, "contacts");
    let mut f: serde_json::Value = serde_json::from_str(&file(vec![], vec![agg("咸安区", Some(7))])).unwrap();
    f["aggregates"][0]["names"] = serde_json::json!("张三、李四");
    assert_eq!(load(&f.to_string()).unwrap_err().path, "aggregates[0].names");
    // What stays allowed: masked names, no name, a township named …村乡, a 全市 total.
    for (field, text) in
        [("recipient", "欧阳某"), ("recipient", "张某某"), ("recipient", "李*"), ("recipient", ""), ("township", "大村乡"), ("township", "温泉街道")]
    {
        let mut r = rec("R1", "temporary_aid", "张某");
        r[field] = serde_json::json!(text);
        assert!(load(&file(vec![r], vec![])).is_ok(), "{field}={text:?}");
    }
}

#[test]
fn unknown_county_status_and_duplicate_id() {
    let mut r1 = rec("R1", "temporary_aid", "张某");
    r1["county"] = serde_json::json!("武昌区");
    let mut r2 = rec("R2", "temporary_aid", "张某");
    r2["status"] = serde_json::json!("done");
    let r3 = rec("R3", "temporary_aid", "张某");
    let r4 = rec("R3", "temporary_aid", "王某");
    let c = load(&file(vec![r1, r2, r3, r4], vec![])).unwrap();
    assert_eq!(c.value.records.len(), 1);
    let paths: Vec<&str> = c.findings.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(paths, vec!["records[0].county", "records[1].status", "records[3].id"]);
}

/// Divisions and programmes come from the organisation, not from the code: another county's
/// society, with its own townships and an extra programme, has its records accepted, its facets
/// in its order and named by it, and a Xianning county refused with its own list.
#[test]
fn divisions_and_programmes_come_from_the_organisation() {
    let org: Organisation = serde_json::from_str(
        r#"{"name":"某县红十字会","whole_area":"全县","divisions":[{"name":"城关镇","code":"360000101"},{"name":"东乡","code":"360000102"}],
            "programmes":[{"key":"winter_aid","name":"冬季送温暖","name_en":"Winter aid"},{"key":"sick_children","name":"大病儿童","aggregate_only":true}]}"#,
    )
    .unwrap();
    let rec = |id: &str, programme: &str, county: &str| serde_json::json!({"id": id, "programme": programme, "date": "2024-12-01", "county": county, "amount_fen": 50000, "status": "paid", "recipient": "李某", "origin": "sample"});
    let text = file(
        vec![
            rec("A1", "winter_aid", "东乡"),
            rec("A2", "winter_aid", "城关镇"),
            rec("A3", "temporary_aid", "城关镇"),
            rec("A4", "winter_aid", "咸安区"),
            rec("A5", "sick_children", "东乡"),
        ],
        vec![serde_json::json!({"programme": "sick_children", "county": WHOLE_AREA, "year": 2024, "people": 9, "amount_fen": 900000, "origin": "sample"})],
    );
    let c = super::load(&text, &org).unwrap();
    let ids: Vec<&str> = c.value.records.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["A1", "A2"]);
    let msgs: Vec<&str> = c.findings.iter().map(|p| p.message.as_str()).collect();
    assert!(
        msgs.iter().any(|m| m.contains("“temporary_aid”不在本会公布的救助项目之中") && m.contains("可写 冬季送温暖、大病儿童，或 winter_aid、sick_children")),
        "{msgs:?}"
    );
    assert!(msgs.iter().any(|m| m.contains("“咸安区”不在本会公布的行政区划之中（城关镇、东乡）")), "{msgs:?}");
    assert!(msgs.iter().any(|m| m.contains("只公布汇总数")), "{msgs:?}");
    let r = &c.value.records[0];
    assert_eq!((r.county.code, r.programme.code), (1, 0));
    assert_eq!(ReliefRecord::facet_label(ReliefFacet::County, 1, Lang::Zh, &org), "东乡");
    assert_eq!(ReliefRecord::facet_label(ReliefFacet::Programme, 0, Lang::En, &org), "Winter aid");
    assert_eq!(ReliefRecord::parse_facet_key(ReliefFacet::County, "城关镇", &org), Some(0));
    assert_eq!(ReliefRecord::parse_facet_key(ReliefFacet::County, "咸安区", &org), None);
    let a = &c.value.aggregates[0];
    assert!(a.is_whole_area());
    assert_eq!(a.cell(AggregateCol::County), Cell::Text("全县".into()));
    assert_eq!(Aggregate::facet_label(AggregateFacet::County, a.county.code, Lang::Zh, &org), "全县");
    let chart = by_county_chart(&c.value.records, &[0, 1], "s", Lang::Zh, &org);
    let bars: Vec<(&str, i64)> = chart.bars.iter().map(|b| (b.label.as_str(), b.value)).collect();
    assert_eq!(bars, [("城关镇", 50000), ("东乡", 50000)]);
}

/// The goods of a relief record may not name a household: the gate refuses the file.
#[test]
fn relief_goods_naming_a_village_group_refuse_the_file() {
    let mut r = rec("R1", "temporary_aid", "张某");
    r["goods"] = "大米（送至大屋村3组）".into();
    let e = load(&file(vec![r], vec![])).unwrap_err();
    assert_eq!(e.path, "records[0].goods");
    assert!(e.message.contains("村民小组"), "{}", e.message);
}
