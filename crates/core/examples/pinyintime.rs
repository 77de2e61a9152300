//! What pinyin search costs natively, keystroke by keystroke, on a `gongshi bulk` data folder
//! (the attach, then each prefix of each term, with the engine's own narrowing):
//! `REPEATS=5 cargo run --release -p gongshi-core --example pinyintime DIR public/pinyin.txt TERM…`
use gongshi_core::index::Index;
use gongshi_core::ledger::rows::LedgerCol;
use gongshi_core::table::{Sort, TableState};
use std::time::Instant;

mod common;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let rows = common::ledger(&std::path::PathBuf::from(&args[1]));
    let index = Index::build(&rows);
    let sort = Sort { column: LedgerCol::Date, descending: true };
    index.prepare_sort(&rows, sort);
    let table = gongshi_core::pinyin::Table::parse(&std::fs::read_to_string(&args[2]).unwrap()).unwrap();
    let t = Instant::now();
    index.attach_pinyin(std::sync::Arc::new(table));
    println!("{} rows; attach {:.1} ms", rows.len(), t.elapsed().as_secs_f64() * 1000.0);
    // Each term typed from an empty box, a key at a time, then cleared; `REPEATS` times over
    // (default 1), the median of each keystroke printed.
    let repeats: usize = std::env::var("REPEATS").ok().and_then(|r| r.parse().ok()).unwrap_or(1);
    let mut times: Vec<(String, Vec<f64>, usize)> = Vec::new();
    for _ in 0..repeats {
        let mut n = 0;
        for term in &args[3..] {
            let chars: Vec<char> = term.chars().collect();
            for k in 1..=chars.len() {
                let q: String = chars[..k].iter().collect();
                let st = TableState { query: q.clone(), ..Default::default() };
                let t = Instant::now();
                let o = index.run(&rows, &st, sort, &Default::default());
                let ms = t.elapsed().as_secs_f64() * 1000.0;
                if times.len() <= n {
                    times.push((q, Vec::new(), o.rows.len()));
                }
                times[n].1.push(ms);
                n += 1;
            }
            let _ = index.run(&rows, &TableState::default(), sort, &Default::default());
        }
    }
    for (q, mut ms, found) in times {
        ms.sort_by(|a, b| a.total_cmp(b));
        println!("{q:>16}: {:6.2} ms, {found} rows", ms[ms.len() / 2]);
    }
}
