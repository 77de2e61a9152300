//! What the timing examples share: a `gongshi bulk` data folder read into the ledger's rows.
use gongshi_core::ledger::rows::{ledger_rows, LedgerRow};
use std::path::Path;

/// The donations (every part), disbursements and goods of the folder `dir`, as the page's rows.
pub fn ledger(dir: &Path) -> Vec<LedgerRow> {
    let read = |file: &str| std::fs::read_to_string(dir.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
    let manifest = gongshi_core::manifest::load(&read("manifest.json")).unwrap().value;
    let ds = manifest.dataset("donations").unwrap();
    let mut donations = Vec::new();
    for p in &ds.parts {
        donations.extend(gongshi_core::ledger::load_donations_part(&p.file, &read(&p.file)).unwrap().value);
    }
    let x = gongshi_core::ledger::load_disbursements(&read("disbursements.json")).unwrap().value;
    let g = gongshi_core::ledger::load_goods(&read("goods.json")).unwrap().value;
    ledger_rows(&donations, &x, &g)
}
