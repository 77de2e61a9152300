#![no_main]
//! Money, dates, yes/no, privacy scanning, masking, search highlighting and URL view state.
use gongshi_core::view::View;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    let s = s.as_ref();
    if let Ok(f) = gongshi_publish::parse::parse_money_fen(s) {
        assert!(f.0 >= 0, "unsigned money parsed negative: {s:?}");
    }
    let _ = gongshi_publish::parse::parse_signed_money_fen(s);
    let _ = gongshi_publish::parse::parse_date(s);
    let _ = gongshi_publish::parse::parse_yes_no(s);
    let _ = gongshi_core::date::PartialDate::parse(s);
    let _ = gongshi_core::privacy::scan_text(s);
    let masked = gongshi_core::privacy::mask_name(s);
    assert_eq!(gongshi_core::privacy::mask_name(&masked), masked, "masking is idempotent");
    let q = gongshi_core::search::Query::new(s);
    let runs = gongshi_core::search::highlight(s, &q);
    assert_eq!(runs.iter().map(|r| r.0.as_str()).collect::<String>(), s, "highlighting loses no text");
    let v = View::from_query(s);
    assert_eq!(View::from_query(&v.to_query()), v, "view state round-trips through the URL");
});
