use super::*;

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
    assert!(c.problems.is_empty(), "{:?}", c.problems);
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
    r["note"] = serde_json::json!("身份证 11010519491231002X");
    let e = load(&file(vec![r], vec![])).unwrap_err();
    assert_eq!(e.path, "records[0].note");
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
    assert!(c.problems.iter().any(|p| p.path == "records[0].programme" && p.message.contains("汇总")));
}

#[test]
fn small_cells_are_suppressed_on_screen_and_left_out_of_csv() {
    let agg = |county: &str, people: u32| serde_json::json!({"programme": "little_angel", "county": county, "year": 2021, "people": people, "amount_fen": 3000000, "origin": "sample"});
    let c = load(&file(vec![], vec![agg("咸安区", 7), agg("通山县", 3), agg("赤壁市", 5)])).unwrap();
    let a = &c.value.aggregates;
    assert_eq!(a[1].cell(3), Cell::Text(Cow::Borrowed("<5")));
    assert_eq!(a[1].cell(4), Cell::Text(Cow::Borrowed("不公布")));
    assert_eq!(a[2].cell(3), Cell::Text(Cow::Borrowed("5")), "5 people is publishable");
    let idx = publishable(a, &[0, 1, 2]);
    assert_eq!(idx, vec![0, 2]);
    let csv = crate::csv::to_csv(a, &idx);
    assert!(!csv.contains("通山县"), "{csv}");
    assert_eq!(csv.lines().count(), 3);
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
    let paths: Vec<&str> = c.problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(paths, vec!["records[0].county", "records[1].status", "records[3].id"]);
}
