//! The table engine at scale, natively: the reference `table::run` against `index::Index`, on
//! N sample donations (default 100,000), for the benchmark's keystroke sequence. Prints figures.
//! Here rather than in the core because the rows come from the sample generator.
//!
//! `cargo run --release -p gongshi-publish --example engine [N]`

use gongshi_core::index::Index;
use gongshi_core::ledger::rows::ledger_rows;
use gongshi_core::table::{run, Sort, TableState};
use std::time::Instant;

fn main() {
    let n: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let t = Instant::now();
    let raw = gongshi_publish::sample::bulk_donations(2023, n);
    let text =
        serde_json::to_string(&gongshi_core::ledger::RawFile { schema: None, sample: Some(true), note: None, records: raw, corrections: Vec::new() }).unwrap();
    let donations = gongshi_core::ledger::load_donations(&text).unwrap().value;
    let goods = gongshi_core::ledger::Goods::default();
    let rows = ledger_rows(&donations, &[], &goods);
    println!("{} rows generated and loaded in {:.0} ms", rows.len(), t.elapsed().as_secs_f64() * 1000.0);
    let sort = Sort { column: gongshi_core::ledger::rows::LedgerCol::Date, descending: true };
    let t = Instant::now();
    let index = Index::build(&rows);
    index.prepare_sort(&rows, sort);
    println!("index built in {:.0} ms, {:.1} MB", t.elapsed().as_secs_f64() * 1000.0, index.heap_bytes() as f64 / 1e6);
    if let Ok(q) = std::env::var("ENGINE_PROFILE") {
        // Only the index, one query, many times (for a profiler).
        let st = TableState { query: q, ..Default::default() };
        let t = Instant::now();
        for _ in 0..200 {
            std::hint::black_box(index.run(&rows, &st, sort, &Default::default()));
        }
        println!("index, 200 runs: {:.2} ms each", t.elapsed().as_secs_f64() * 1000.0 / 200.0);
        return;
    }
    // The benchmark's keystrokes, or ENGINE_KEYS="公||D|D2|D20|" (`|`-separated, empty = cleared).
    let custom = std::env::var("ENGINE_KEYS").ok();
    let default = ["张", "张先", "张先生", "", "b", "ba", "ban", "bank", "", "2", "20", "202", "2021", "", "红", "红十", "红十字", ""];
    let keys: Vec<&str> = match &custom {
        Some(k) => k.split('|').collect(),
        None => default.to_vec(),
    };
    let mut naive = Vec::new();
    let mut indexed = Vec::new();
    for _ in 0..3 {
        for q in keys.iter() {
            let st = TableState { query: q.to_string(), ..Default::default() };
            let t = Instant::now();
            let a = run(&rows, &st, sort, &Default::default());
            naive.push(t.elapsed().as_secs_f64() * 1000.0);
            let t = Instant::now();
            let b = index.run(&rows, &st, sort, &Default::default());
            indexed.push(t.elapsed().as_secs_f64() * 1000.0);
            assert_eq!(a, b, "{q}");
            if std::env::var("ENGINE_VERBOSE").is_ok() {
                println!("  {q:>6}: {:>7} rows, reference {:.2} ms, index {:.2} ms", b.rows.len(), naive.last().unwrap(), indexed.last().unwrap());
            }
        }
    }
    let pct = |v: &mut Vec<f64>, p: f64| {
        v.sort_by(|a, b| a.partial_cmp(b).unwrap());
        v[((v.len() - 1) as f64 * p).round() as usize]
    };
    let (n50, n95) = (pct(&mut naive, 0.5), pct(&mut naive, 0.95));
    let (i50, i95) = (pct(&mut indexed, 0.5), pct(&mut indexed, 0.95));
    println!("per keystroke, reference table::run: p50 {n50:.2} ms, p95 {n95:.2} ms");
    println!("per keystroke, index::Index::run:    p50 {i50:.2} ms, p95 {i95:.2} ms  ({:.1}x / {:.1}x faster)", n50 / i50, n95 / i95);
}
