//! What each of the ledger's charts costs natively over every row of a `gongshi bulk` folder,
//! beside a bare loop over the same rows (what reading them costs at all):
//! `cargo run --release -p gongshi-core --example charttime DIR`
use gongshi_core::ledger::charts;
use std::time::Instant;

mod common;

fn main() {
    let rows = common::ledger(&std::path::PathBuf::from(std::env::args().nth(1).expect("a data folder")));
    let idx: Vec<u32> = (0..rows.len() as u32).collect();
    let lang = gongshi_core::i18n::Lang::Zh;
    println!("LedgerRow {} bytes", std::mem::size_of::<gongshi_core::ledger::rows::LedgerRow>());
    // What `f` returns and how long it took.
    fn timed<T>(f: impl FnOnce() -> T) -> (T, std::time::Duration) {
        let t = Instant::now();
        (f(), t.elapsed())
    }
    for _ in 0..3 {
        let (s, bare) =
            timed(|| idx.iter().map(|i| &rows[*i as usize]).filter(|r| r.flow == gongshi_core::ledger::rows::Flow::MoneyIn).map(|r| r.amount.0).sum::<i64>());
        let (c, flow) = timed(|| charts::money_flow(&rows, &idx, "s", lang));
        let (svg, draw) = timed(|| gongshi_core::chart::Chart::Flow(c).to_svg(390).len());
        let (_, project) = timed(|| charts::money_flow_by_project(&rows, &idx, "s", lang));
        let (_, monthly) = timed(|| charts::monthly(&rows, &idx, "s", lang));
        let (_, directed) = timed(|| charts::directed_by_year(&rows, &idx, "s", lang));
        let (_, channel) = timed(|| charts::by_channel(&rows, &idx, "s", lang));
        println!(
            "{} rows: bare loop {bare:?} ({s}); flow {flow:?} (+svg {draw:?}, {svg} B), by project {project:?}, monthly {monthly:?}, directed {directed:?}, channel {channel:?}",
            rows.len()
        );
    }
}
