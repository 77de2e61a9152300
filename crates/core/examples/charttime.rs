//! What each of the ledger's charts costs natively over every row of a `gongshi bulk` folder,
//! beside a bare loop over the same rows (what reading them costs at all):
//! `cargo run --release -p gongshi-core --example charttime DIR`
use gongshi_core::ledger::charts;
use gongshi_core::ledger::rows::ledger_rows;
use std::time::Instant;

fn main() {
    let dir = std::path::PathBuf::from(std::env::args().nth(1).expect("a data folder"));
    let manifest = gongshi_core::manifest::load(&std::fs::read_to_string(dir.join("manifest.json")).unwrap()).unwrap().value;
    let ds = manifest.dataset("donations").unwrap();
    let mut donations = Vec::new();
    for p in &ds.parts {
        donations.extend(gongshi_core::ledger::load_donations_part(&p.file, &std::fs::read_to_string(dir.join(&p.file)).unwrap()).unwrap().value);
    }
    let x = gongshi_core::ledger::load_disbursements(&std::fs::read_to_string(dir.join("disbursements.json")).unwrap()).unwrap().value;
    let g = gongshi_core::ledger::load_goods(&std::fs::read_to_string(dir.join("goods.json")).unwrap()).unwrap().value;
    let rows = ledger_rows(&donations, &x, &g);
    let idx: Vec<u32> = (0..rows.len() as u32).collect();
    let lang = gongshi_core::i18n::Lang::Zh;
    println!("LedgerRow {} bytes", std::mem::size_of::<gongshi_core::ledger::rows::LedgerRow>());
    for _ in 0..3 {
        let t = Instant::now();
        let mut s = 0i64;
        for i in &idx {
            let r = &rows[*i as usize];
            if r.flow == gongshi_core::ledger::rows::Flow::MoneyIn {
                s += r.amount.0;
            }
        }
        println!("bare loop {:?} ({s})", t.elapsed());
        let t = Instant::now();
        let c = charts::money_flow(&rows, &idx, "s", lang);
        let a = t.elapsed();
        let svg = gongshi_core::chart::Chart::Flow(c).to_svg(390).len();
        let b = t.elapsed();
        let t2 = Instant::now();
        let _ = charts::money_flow_by_project(&rows, &idx, "s", lang);
        let p = t2.elapsed();
        let t3 = Instant::now();
        let _ = charts::monthly(&rows, &idx, "s", lang);
        let m = t3.elapsed();
        let t4 = Instant::now();
        let _ = charts::directed_by_year(&rows, &idx, "s", lang);
        let d = t4.elapsed();
        let t5 = Instant::now();
        let _ = charts::by_channel(&rows, &idx, "s", lang);
        let ch = t5.elapsed();
        println!("{} rows: flow {:?} (+svg {:?}, {svg} B), by project {:?}, monthly {:?}, directed {:?}, channel {:?}", rows.len(), a, b - a, p, m, d, ch);
    }
}
