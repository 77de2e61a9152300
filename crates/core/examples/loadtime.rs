//! Where the ledger page's load goes, natively, on a `gongshi bulk` data folder.
//! `cargo run --release -p gongshi-core --example loadtime DIR`
use gongshi_core::index::Index;
use gongshi_core::ledger::rows::ledger_rows;
use gongshi_core::table::Sort;
use std::time::Instant;

fn ms(t: Instant) -> String {
    format!("{:.0} ms", t.elapsed().as_secs_f64() * 1000.0)
}

fn main() {
    let dir = std::path::PathBuf::from(std::env::args().nth(1).expect("DIR"));
    let manifest = gongshi_core::manifest::load(&std::fs::read_to_string(dir.join("manifest.json")).unwrap()).unwrap().value;
    let ds = manifest.dataset("donations").unwrap();
    let t = Instant::now();
    let mut donations = Vec::new();
    let mut bytes = 0;
    for p in &ds.parts {
        let text = std::fs::read_to_string(dir.join(&p.file)).unwrap();
        bytes += text.len();
        donations.extend(gongshi_core::ledger::load_donations_part(&p.file, &text).unwrap().value);
    }
    println!("donations: {} rows, {:.1} MB, parse+validate {}", donations.len(), bytes as f64 / 1e6, ms(t));
    let t = Instant::now();
    let mut n = 0;
    let mut pack_bytes = 0;
    for p in &ds.parts {
        if let (Some(k), Some(sha)) = (&p.pack, &p.sha256) {
            let b = std::fs::read(dir.join(&k.file)).unwrap();
            pack_bytes += b.len();
            n += gongshi_core::pack::decode_donations(&b, sha).unwrap().value.len();
        }
    }
    println!("packs: {n} rows, {:.1} MB, decode {}", pack_bytes as f64 / 1e6, ms(t));
    let t = Instant::now();
    let x = gongshi_core::ledger::load_disbursements(&std::fs::read_to_string(dir.join("disbursements.json")).unwrap()).unwrap().value;
    let g = gongshi_core::ledger::load_goods(&std::fs::read_to_string(dir.join("goods.json")).unwrap()).unwrap().value;
    println!("disbursements+goods: {}", ms(t));
    let t = Instant::now();
    let c = gongshi_core::ledger::check_cross(&donations, &x);
    println!("check_cross: {} ({} problems)", ms(t), c.len());
    let t = Instant::now();
    let rows = ledger_rows(&donations, &x, &g);
    println!("ledger_rows: {} ({} rows)", ms(t), rows.len());
    let t = Instant::now();
    let index = Index::build(&rows);
    println!("Index::build: {}", ms(t));
    let t = Instant::now();
    index.prepare_sort(&rows, Sort { column: gongshi_core::ledger::rows::LedgerCol::Date, descending: true });
    println!("prepare_sort: {}", ms(t));
    let t = Instant::now();
    let o = index.run(&rows, &Default::default(), Sort { column: gongshi_core::ledger::rows::LedgerCol::Date, descending: true }, &Default::default());
    println!("first run: {} ({} rows)", ms(t), o.rows.len());
    let t = Instant::now();
    drop(rows);
    drop(donations);
    println!("drop: {}", ms(t));
}
