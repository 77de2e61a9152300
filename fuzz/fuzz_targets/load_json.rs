#![no_main]
//! Every data-file loader on arbitrary bytes: an error is fine, a panic is a bug.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let t = text.as_ref();
    let _ = gongshi_core::rectification::load(t);
    let _ = gongshi_core::figures::load(t);
    let _ = gongshi_core::manifest::load(t);
    let _ = gongshi_core::ledger::load_donations(t);
    let _ = gongshi_core::ledger::load_disbursements(t);
    if let Ok(g) = gongshi_core::ledger::load_goods(t) {
        let _ = g.value.balances();
    }
    let _ = gongshi_core::relief::load(t);
    let _ = gongshi_core::coverage::load(t);
    let _ = gongshi_core::summary::load(t);
});
