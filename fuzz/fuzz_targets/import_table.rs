#![no_main]
//! Spreadsheet import on arbitrary tables (CSV-like: lines and commas), for every dataset kind.
use gongshi_publish::import::{import, Cell, Kind, Options, Table};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let rows = text
        .lines()
        .take(200)
        .enumerate()
        .map(|(i, line)| {
            let cells = line
                .split(',')
                .take(40)
                .map(|c| if c.is_empty() { Cell::Empty } else if c.parse::<f64>().is_ok() && c.len() < 20 { Cell::Number(c.to_string()) } else { Cell::Text(c.to_string()) })
                .collect();
            (i as u32 + 1, cells)
        })
        .collect();
    let table = Table { sheet: Some("Sheet1".into()), rows };
    for key in ["donations", "disbursements", "goods", "relief", "coverage"] {
        if let Some(kind) = Kind::parse(key) {
            let _ = import(&table, &Options { kind, source: "fuzz.csv".into(), mapping: Vec::new() });
        }
    }
});
