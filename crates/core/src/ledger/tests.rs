use super::*;

fn don(id: &str, date: &str, amount: i64, directed: bool, channel: &str, status: &str) -> RawDonation {
    RawDonation {
        id: Some(id.into()),
        date: Some(date.into()),
        donor: Some("某公司".into()),
        donor_kind: Some("enterprise".into()),
        amount_fen: Some(amount.into()),
        directed: Some(directed),
        directed_to: directed.then(|| "咸安区防汛".to_string()),
        channel: Some(channel.into()),
        project: Some("项目".into()),
        status: Some(status.into()),
        origin: Some("sample".into()),
        ..Default::default()
    }
}

fn file<T>(records: Vec<T>) -> RawFile<T> {
    RawFile { schema: None, sample: Some(true), note: None, records, corrections: Vec::new() }
}

#[test]
fn donations_validate_each_field() {
    let mut bad_date = don("D2", "2020-02-30", 100, false, "cash", "received");
    bad_date.id = Some("D2".into());
    let bad = vec![
        don("D1", "2020-01-05", 100, false, "cash", "received"),
        bad_date,
        don("D3", "2020-01-05", -5, false, "cash", "received"),
        don("D4", "2020-01-05", 100, false, "pigeon", "received"),
        don("D5", "2020-01-05", 100, false, "cash", "lost"),
        don("D1", "2020-01-05", 100, false, "cash", "received"),
    ];
    let c = validate_donations(file(bad));
    assert_eq!(c.value.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(), vec!["D1"]);
    let paths: Vec<&str> = c.findings.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(paths, vec!["records[1].date", "records[2].amount_fen", "records[3].channel", "records[4].status", "records[5].id"]);
    assert!(c.findings[0].message.contains("2020-02-30"));
    assert!(c.findings[2].message.contains("pigeon"));
}

#[test]
fn directed_needs_a_purpose_and_seed_records_need_a_problem() {
    let mut d = don("D1", "2020-01-05", 100, true, "cash", "received");
    d.directed_to = None;
    let mut s = don("D2", "2020-01-05", 100, false, "cash", "received");
    s.origin = Some("seed".into());
    let c = validate_donations(file(vec![d, s]));
    assert!(c.value.is_empty());
    assert!(c.findings.iter().any(|p| p.path == "records[0].directed_to"));
    assert!(c.findings.iter().any(|p| p.path == "records[1].problem"));
}

#[test]
fn a_real_file_may_not_hold_sample_records() {
    let mut f = file(vec![don("D1", "2020-01-05", 100, false, "cash", "received")]);
    f.sample = Some(false);
    let c = validate_donations(f);
    assert!(c.findings.iter().any(|p| p.path == "sample"));
}

#[test]
fn sums_in_fen_equal_an_independent_sum() {
    let recs: Vec<RawDonation> = (0..500)
        .map(|i| {
            don(
                &format!("D{i}"),
                &format!("20{:02}-0{}-1{}", 19 + i % 4, 1 + i % 9, i % 9),
                1 + (i as i64 * 7919) % 1_000_000,
                i % 3 == 0,
                if i % 5 == 0 { "online_platform" } else { "bank_transfer" },
                if i % 11 == 0 { "refunded" } else { "received" },
            )
        })
        .collect();
    let c = validate_donations(file(recs.clone()));
    assert!(c.findings.is_empty(), "{:?}", &c.findings[..1]);
    let years = money_by_year(&c.value, &[]);
    let total: i64 = years.iter().map(|y| y.received.0).sum();
    // Independent sum straight from the raw records.
    let mut expect = 0i64;
    let mut expect_nd = 0i64;
    for r in &recs {
        if r.status.as_deref() == Some("received") {
            expect += r.amount_fen.as_ref().and_then(RawInt::as_i64).unwrap();
            if r.directed == Some(false) {
                expect_nd += r.amount_fen.as_ref().and_then(RawInt::as_i64).unwrap();
            }
        }
    }
    assert_eq!(total, expect);
    assert_eq!(years.iter().map(|y| y.non_directed.0).sum::<i64>(), expect_nd);
}

#[test]
fn cost_cap_on_the_seed_2021_case() {
    // 2021: 39.67万 non-directed; 4.2万 spent on printing and publicity as project costs.
    let d = validate_donations(file(vec![don("D1", "2021-06-01", 39_670_000, false, "bank_transfer", "received")])).value;
    let x = validate_disbursements(file(vec![RawDisbursement {
        id: Some("X1".into()),
        date: Some("2021-09".into()),
        purpose: Some("印刷等宣传费用".into()),
        project: Some("宣传".into()),
        recipient: Some("印刷公司".into()),
        amount_fen: Some(4_200_000.into()),
        category: Some("project_cost".into()),
        origin: Some("sample".into()),
        ..Default::default()
    }]))
    .value;
    let y = &money_by_year(&d, &x)[0];
    assert_eq!(y.year, 2021);
    assert_eq!(y.cost_cap, Fen(2_578_550)); // 2.58万 as the seed rounds it
    assert_eq!(y.over_cap(), Fen(1_621_450)); // 1.62万
    assert_eq!(crate::format::money_zh(y.over_cap()), "1.62万元");
    assert_eq!(y.non_directed_share_bp(), Some(10_000));
    assert_eq!(y.online_share_bp(), Some(0));
}

fn batch(id: &str, qty: i64, cancelled: bool) -> RawBatch {
    RawBatch {
        id: Some(id.into()),
        date: Some("2020-04".into()),
        donor: Some("某基金会".into()),
        donor_kind: Some("organisation".into()),
        item: Some("手套".into()),
        quantity: Some(qty),
        unit: Some("双".into()),
        value_fen: Some(1_590_000.into()),
        cancelled: cancelled.then(|| RawCancellation { date: Some("2020-04".into()), reason: Some("捐赠方取消".into()) }),
        origin: Some("seed".into()),
        problem: Some(9),
        ..Default::default()
    }
}

fn mv(id: &str, b: &str, q: i64) -> RawMovement {
    RawMovement {
        id: Some(id.into()),
        date: Some("2020-05-01".into()),
        batch: Some(b.into()),
        quantity: Some(q),
        destination: Some("某村".into()),
        origin: Some("sample".into()),
        problem: None,
    }
}

fn wo(id: &str, b: &str, q: i64, reason: &str) -> RawWriteOff {
    RawWriteOff {
        id: Some(id.into()),
        date: None,
        batch: Some(b.into()),
        quantity: Some(q),
        reason: Some(reason.into()),
        origin: Some("seed".into()),
        problem: Some(9),
    }
}

#[test]
fn goods_balances_and_every_flag() {
    let raw = RawGoods {
        sample: Some(true),
        batches: vec![
            batch("B1", 130, false),
            batch("B2", 100, false),
            batch("B3", 30_000, true),
            batch("B4", 30_000, true),
            batch("B5", 50, false),
            batch("B6", 10, false),
        ],
        movements: vec![mv("M1", "B2", 60), mv("M2", "B2", 50), mv("M3", "B5", 50)],
        writeoffs: vec![wo("W1", "B3", 30_000, "捐赠方取消捐赠"), wo("W2", "B6", 10, " ")],
        ..Default::default()
    };
    let c = validate_goods(raw);
    assert!(c.findings.is_empty(), "{:?}", c.findings);
    let b = c.value.balances();
    let flags = |id: &str| b.iter().find(|x| x.batch == id).unwrap().flags.clone();
    assert_eq!(flags("B1"), vec![GoodsFlag::NoOutgoing]);
    assert_eq!(flags("B2"), vec![GoodsFlag::OverIssued]);
    assert_eq!(b[1].balance, -10);
    assert_eq!(flags("B3"), vec![], "cancelled and written off: clean");
    assert_eq!(flags("B4"), vec![GoodsFlag::CancelledNotWrittenOff]);
    assert_eq!(flags("B5"), vec![]);
    assert_eq!(b[4].balance, 0);
    assert_eq!(flags("B6"), vec![GoodsFlag::WriteOffNoReason]);
}

#[test]
fn goods_movements_must_name_a_batch() {
    let raw = RawGoods { sample: Some(true), batches: vec![batch("B1", 10, false)], movements: vec![mv("M1", "B9", 1)], ..Default::default() };
    let c = validate_goods(raw);
    assert!(c.value.movements.is_empty());
    assert!(c.findings.iter().any(|p| p.path == "movements[0].batch" && p.message.contains("B9")));
}

#[test]
fn cross_file_directed_spending_cannot_exceed_the_gift() {
    let d =
        validate_donations(file(vec![don("D1", "2020-01-05", 10_000, true, "cash", "received"), don("D2", "2020-01-05", 10_000, false, "cash", "received")]))
            .value;
    let x = |id: &str, amount: i64, from: &[&str]| RawDisbursement {
        id: Some(id.into()),
        date: Some("2020-02-01".into()),
        purpose: Some("救助".into()),
        project: Some("防汛".into()),
        recipient: Some("某村".into()),
        amount_fen: Some(amount.into()),
        from_donations: from.iter().map(|s| s.to_string()).collect(),
        category: Some("aid".into()),
        origin: Some("sample".into()),
        ..Default::default()
    };
    let xs = validate_disbursements(file(vec![x("X1", 6_000, &["D1"]), x("X2", 6_000, &["D1"]), x("X3", 1, &["D9"]), x("X4", 1, &["D2"])])).value;
    let problems = check_cross(&d, &xs);
    assert!(problems.iter().any(|p| p.path == "X2.amount_fen" && p.message.contains("20元")), "{problems:?}");
    assert!(problems.iter().any(|p| p.path == "X3.from_donations"));
    assert!(problems.iter().any(|p| p.path == "X4.from_donations"));
    assert!(!problems.iter().any(|p| p.path.starts_with("X1")));
    let uses = directed_use(&d, &xs);
    assert_eq!(uses.len(), 1);
    assert_eq!(uses[0].received, Fen(10_000));
    assert_eq!(uses[0].disbursed, Fen(12_000));
}

#[test]
fn a_malformed_amount_leaves_only_its_record_out() {
    let rec = |id: &str, amount: &str| {
        format!(
            r#"{{"id":"{id}","date":"2020-02-01","donor":"张先生","donor_kind":"individual","amount_fen":{amount},"directed":false,"channel":"cash","project":"人道救助","status":"received","origin":"sample"}}"#
        )
    };
    let records = [
        rec("A", "100"),
        rec("B", "12.345"),
        rec("C", "\"1,000\""),
        rec("D", "\"１２３\""),
        rec("E", "\"abc\""),
        rec("F", "99999999999999999999"),
        rec("G", "250"),
    ];
    let text = format!(r#"{{"schema":"gongshi/donations/1","sample":true,"records":[{}]}}"#, records.join(","));
    let loaded = load_donations(&text).expect("the file itself is fine");
    let ids: Vec<&str> = loaded.value.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["A", "G"]);
    let paths: Vec<&str> = loaded.findings.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(paths, ["records[1].amount_fen", "records[2].amount_fen", "records[3].amount_fen", "records[4].amount_fen", "records[5].amount_fen"]);
    assert!(loaded.findings[0].message.contains("12.345") && loaded.findings[2].message.contains("１２３"), "{:?}", loaded.findings);
    let en = loaded.findings[1].message_en.as_deref().unwrap();
    assert!(en.contains("“1,000”") && en.contains("not a whole number of fen"), "{en}");
    // Written back, a good amount is the plain integer again.
    let raw: RawFile<RawDonation> = crate::json::parse("x.json", &text).unwrap();
    assert!(serde_json::to_string(&raw.records[0]).unwrap().contains("\"amount_fen\":100,"));
}

/// No total can wrap: an amount above what one record can hold is refused with its record, and a
/// file whose amounts add up past `MAX_FILE_TOTAL` is refused as a whole with a message saying so.
#[test]
fn totals_that_could_overflow_are_refused_not_wrapped() {
    use crate::money::{MAX_FILE_TOTAL, MAX_RECORD};
    let c = validate_donations(file(vec![
        don("D1", "2020-01-05", MAX_RECORD, false, "cash", "received"),
        don("D2", "2020-01-06", MAX_RECORD + 1, false, "cash", "received"),
        don("D3", "2020-01-07", i64::MAX, false, "cash", "received"),
    ]));
    assert_eq!(c.value.len(), 1, "{:?}", c.findings);
    assert_eq!(c.findings.iter().map(|p| p.path.as_str()).collect::<Vec<_>>(), ["records[1].amount_fen", "records[2].amount_fen"]);
    assert!(c.findings[0].message.contains("1000亿元"), "{}", c.findings[0].message);

    // 100 records at the cap make exactly MAX_FILE_TOTAL: fine. One fen more: the whole file.
    let at_cap: Vec<RawDonation> = (0..100).map(|i| don(&format!("D{i}"), "2020-01-05", MAX_RECORD, false, "cash", "received")).collect();
    assert_eq!(100 * MAX_RECORD, MAX_FILE_TOTAL);
    let c = validate_donations(file(at_cap.clone()));
    assert_eq!((c.value.len(), c.findings.len()), (100, 0));
    let years = money_by_year(&c.value, &[]);
    assert_eq!(years[0].received.0, MAX_FILE_TOTAL, "summed exactly");
    let mut over = at_cap;
    over.push(don("D100", "2020-01-05", 1, false, "cash", "received"));
    let c = validate_donations(file(over));
    assert!(c.value.is_empty());
    assert_eq!(c.findings.len(), 1);
    assert!(c.findings[0].message.contains("10 万亿元") && c.findings[0].message_en.as_deref().unwrap().contains("10 trillion"), "{:?}", c.findings[0]);
    // Disbursements the same.
    let paid: Vec<RawDisbursement> = Vec::new();
    assert!(validate_disbursements(file(paid)).findings.is_empty());
    // Fen arithmetic never wraps into the wrong sign.
    assert_eq!(Fen(i64::MAX) + Fen(1), Fen(i64::MAX));
    assert_eq!(Fen(i64::MIN) - Fen(1), Fen(i64::MIN));
    assert_eq!(Fen(5).checked_add(Fen(i64::MAX)), None);
    assert_eq!(Fen::bounded_total([Fen(i64::MIN)]), None, "the absolute value of i64::MIN overflows: refused, not wrapped");
}

/// A goods destination, note or write-off reason that points at a household (a village group, a
/// recipient's name before 等 N 户) is refused with its path, and that record is not shown; a
/// township or a village committee is fine.
#[test]
fn goods_text_naming_a_household_is_refused() {
    let text = r#"{"schema":"gongshi/goods/1","sample":false,
        "batches":[{"id":"G1","date":"2024-01-05","donor":"某公司","donor_kind":"enterprise","item":"大米","quantity":100,"unit":"袋","value_fen":500000,"origin":"published"},
          {"id":"G2","date":"2024-01-06","donor":"某公司","donor_kind":"enterprise","item":"棉被","quantity":10,"unit":"床","value_fen":100000,"origin":"published","note":"城西村二组代收"}],
        "movements":[
          {"id":"M1","date":"2024-01-10","batch":"G1","quantity":20,"destination":"咸安区横沟桥镇大屋村3组张三等15户","origin":"published"},
          {"id":"M2","date":"2024-01-11","batch":"G1","quantity":10,"destination":"横沟桥镇大屋村委会","origin":"published"}],
        "writeoffs":[{"id":"W1","date":"2024-02-01","batch":"G1","quantity":1,"reason":"李四等2户退回","origin":"published"}]}"#;
    let c = load_goods(text).unwrap();
    let paths: Vec<&str> = c.findings.iter().map(|d| d.path.as_str()).collect();
    assert_eq!(paths, ["batches[1].note", "movements[0].destination", "writeoffs[0].reason"], "{:?}", c.findings);
    assert!(c.findings[1].message.contains("村民小组") && c.findings[2].message.contains("受助人姓名"), "{:?}", c.findings);
    let ids = |v: Vec<&str>| v.into_iter().map(String::from).collect::<Vec<_>>();
    assert_eq!(c.value.batches.iter().map(|b| b.id.clone()).collect::<Vec<_>>(), ids(vec!["G1"]));
    assert_eq!(c.value.movements.iter().map(|m| m.id.clone()).collect::<Vec<_>>(), ids(vec!["M2"]));
    assert!(c.value.writeoffs.is_empty());
}

/// A year is judged against the annual cap only once the data covers it to its end.
#[test]
fn a_year_is_complete_only_when_published_after_its_end() {
    let d = |s: &str| PartialDate::parse(s).unwrap();
    assert!(is_complete_year(2023, d("2023-12-31")));
    assert!(is_complete_year(2023, d("2024-01-15")));
    assert!(!is_complete_year(2024, d("2024-04-01")));
    assert!(!is_complete_year(2024, d("2024-12")));
    assert!(!is_complete_year(2025, d("2024-12-31")));
}

#[test]
fn a_rows_notes_are_in_the_readers_language() {
    use crate::i18n::Lang;
    use crate::table::Record;
    let x = |id: &str, from: &[&str], category: &str| RawDisbursement {
        id: Some(id.into()),
        date: Some("2020-02-01".into()),
        purpose: Some("救助".into()),
        project: Some("防汛".into()),
        recipient: Some("某村".into()),
        amount_fen: Some(100.into()),
        from_donations: from.iter().map(|s| s.to_string()).collect(),
        category: Some(category.into()),
        origin: Some("sample".into()),
        ..Default::default()
    };
    let xs = validate_disbursements(file(vec![x("X1", &["D1", "D2"], "aid"), x("X2", &[], "project_cost"), x("X3", &["D1"], "aid")])).value;
    let rows = crate::ledger::rows::ledger_rows(&[], &xs, &Goods::default());
    let notes = |lang| rows.iter().map(|r| r.notes(lang)).collect::<Vec<_>>();
    assert_eq!(
        notes(Lang::En),
        vec![
            vec!["Paid from directed donations D1, D2".to_string()],
            vec!["Paid from non-directed funds".to_string(), "Counts toward the 6.5% project-cost cap".to_string()],
            vec!["Paid from directed donation D1".to_string()],
        ]
    );
    assert_eq!(notes(Lang::Zh)[0], vec!["资金来源：定向捐赠 D1、D2".to_string()]);
    assert_eq!(notes(Lang::Zh)[1], vec!["资金来源：非定向资金".to_string(), "计入 6.5% 项目费用上限".to_string()]);
    // The search still finds a disbursement by the donations that paid for it, in Chinese.
    let mut hay = String::new();
    rows[0].write_haystack(&mut hay);
    assert!(hay.contains("定向捐赠") && hay.contains("d2"), "{hay}");
}
