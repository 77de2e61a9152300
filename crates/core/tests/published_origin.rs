//! The `published` origin (records imported from a publisher's own spreadsheets) is real data
//! in every loader.

use gongshi_core::ledger::{self, Origin};
use gongshi_core::org::Organisation;
use gongshi_core::{coverage, relief};

#[test]
fn published_records_are_real_in_every_loader() {
    let d = ledger::load_donations(
        r#"{"schema":"gongshi/donations/1","sample":false,"records":[
        {"id":"D1","date":"2024-01-02","donor":"王女士","donor_kind":"individual","amount_fen":100,"directed":false,"channel":"cash","project":"人道救助","status":"received","origin":"published"}]}"#,
    )
    .unwrap();
    assert!(d.findings.is_empty(), "{:?}", d.findings);
    assert_eq!(d.value[0].origin, Origin::Published);
    assert!(!d.value[0].origin.is_sample());
    assert_eq!(d.value[0].origin.zh(), "公开记录");
    assert_eq!(Origin::Published.key(), "published");
    let org: Organisation = serde_json::from_str(
        r#"{"name":"测试会","divisions":[{"name":"咸安区"}],"programmes":[{"key":"temporary_aid","name":"临时救助"},{"key":"little_angel","name":"小天使","aggregate_only":true}]}"#,
    )
    .unwrap();
    let r = relief::load(
        r#"{"schema":"gongshi/relief/1","sample":false,"records":[
        {"id":"R1","programme":"temporary_aid","date":"2024-01-02","county":"咸安区","amount_fen":100,"status":"paid","recipient":"张某","origin":"published"}],
        "aggregates":[{"programme":"little_angel","county":"咸安区","year":2024,"people":6,"amount_fen":100,"origin":"published"}]}"#,
        &org,
    )
    .unwrap();
    assert!(r.findings.is_empty(), "{:?}", r.findings);
    assert_eq!(r.value.records[0].origin, Origin::Published);
    assert_eq!(r.value.aggregates[0].origin, Origin::Published);
    let c = coverage::load(
        r#"{"schema":"gongshi/coverage/1","sample":false,"counties":[{"county":"咸安区","townships":13,"villages":186,"village_units":8,"origin":"published"}]}"#,
        &org,
    )
    .unwrap();
    assert!(c.findings.is_empty(), "{:?}", c.findings);
    assert_eq!(c.value.counties[0].origin, Origin::Published);
    // An unknown origin names the three that exist.
    let bad = ledger::load_donations(r#"{"sample":false,"records":[{"id":"D1","origin":"import"}]}"#).unwrap();
    assert!(bad.findings.iter().any(|p| p.message.contains("published、sample 或 seed")), "{:?}", bad.findings);
}
