//! Times the history diff on two versions of a 100,000-row donations ledger (the budget:
//! ≤ 2 s in the CLI): 1,000 records changed, 500 removed, 500 added. Run with
//! `cargo run --release -p gongshi-publish --example diff100k [ROWS]`.

use gongshi_core::history::diff;
use gongshi_core::ledger::{RawFile, RawInt};
use std::time::Instant;

fn main() {
    let rows: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let old = gongshi_publish::sample::bulk_donations(2023, rows);
    let mut new = old.clone();
    for (i, r) in new.iter_mut().enumerate().filter(|(i, _)| i % (rows / 1000).max(1) == 0) {
        r.amount_fen = Some(RawInt::Int(1_000 + i as i64));
    }
    new.retain(|r| !r.id.as_deref().unwrap_or("").ends_with("07"));
    let removed = rows - new.len();
    for (i, r) in old.iter().take(removed).enumerate() {
        let mut r = r.clone();
        r.id = Some(format!("NEW-{i}"));
        new.push(r);
    }
    let file = |records| serde_json::to_string(&RawFile { schema: None, sample: Some(true), note: None, records, corrections: Vec::new() }).unwrap();
    let (a, b) = (file(old), file(new));
    let t = Instant::now();
    let ra = diff::records("donations", &[("donations.json", a.as_bytes())]).unwrap();
    let rb = diff::records("donations", &[("donations.json", b.as_bytes())]).unwrap();
    let read = t.elapsed();
    let d = diff::diff("donations", &ra, &rb);
    let total = t.elapsed();
    let csv = diff::to_csv(std::slice::from_ref(&d));
    println!(
        "diff: {rows} rows ({} + {} bytes): {} added, {} changed, {} removed; read {:.0} ms, total {:.0} ms; CSV {} bytes",
        a.len(),
        b.len(),
        d.added.len(),
        d.changed.len(),
        d.removed.len(),
        read.as_secs_f64() * 1000.0,
        total.as_secs_f64() * 1000.0,
        csv.len()
    );
}
