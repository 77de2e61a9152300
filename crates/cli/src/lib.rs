//! The `gongshi` command-line tool's logic, kept out of `main.rs` so tests call exactly what
//! the binary runs: arguments, reading and writing files and spreadsheets. What is checked,
//! imported, generated and built is `gongshi_publish`'s, on the rules of `gongshi_core`.
//!
//! Data files are written one record per line: the envelope fields first, then each array
//! (`"records"`, or `"batches"`/`"movements"`/`"writeoffs"`, `"records"`/`"aggregates"`, …) with
//! every record as compact JSON on its own line, so a changed record shows up as a one-line git
//! diff.

use gongshi_core::ledger::{RawFile, RawGoods, DISBURSEMENTS, DONATIONS, GOODS};
use gongshi_core::{coverage, relief, summary};
use gongshi_publish::{import, sample};

pub mod commands;
pub mod history;
pub mod sheet;

pub const DEFAULT_OUT: &str = "public/data";
pub const DEFAULT_SEED: u64 = 2023;
pub const DEFAULT_DONATIONS: usize = 1200;
pub const DEFAULT_RELIEF: usize = sample::DEFAULT_RELIEF_RECORDS;

/// Compact JSON of any serialisable value.
macro_rules! json {
    ($v:expr) => {
        serde_json::to_string(&$v).expect("plain data always serialises")
    };
}

/// Each element as compact JSON.
macro_rules! each {
    ($v:expr) => {
        $v.iter().map(|r| json!(r)).collect::<Vec<String>>()
    };
}

/// A JSON object written line by line: scalar fields first, then arrays of records, one per line.
pub struct LineJson {
    fields: Vec<(String, String)>,
    arrays: Vec<(String, Vec<String>)>,
}

impl LineJson {
    pub fn new() -> Self {
        LineJson { fields: Vec::new(), arrays: Vec::new() }
    }
    /// A field given as JSON text, skipped when `None`.
    pub fn field(mut self, key: &str, json: Option<String>) -> Self {
        if let Some(v) = json {
            self.fields.push((key.to_string(), v));
        }
        self
    }
    /// An array of records, each given as compact JSON text.
    pub fn array(mut self, key: &str, records: Vec<String>) -> Self {
        self.arrays.push((key.to_string(), records));
        self
    }
    /// An array written only when it has records (a file's 更正说明, `corrections`).
    pub fn array_if_any(self, key: &str, records: Vec<String>) -> Self {
        if records.is_empty() {
            self
        } else {
            self.array(key, records)
        }
    }
    pub fn render(&self) -> String {
        let mut lines: Vec<String> = self.fields.iter().map(|(k, v)| format!("  {}: {v}", json!(k))).collect();
        for (k, records) in &self.arrays {
            if records.is_empty() {
                lines.push(format!("  {}: []", json!(k)));
            } else {
                let body: Vec<String> = records.iter().map(|r| format!("    {r}")).collect();
                lines.push(format!("  {}: [\n{}\n  ]", json!(k), body.join(",\n")));
            }
        }
        format!("{{\n{}\n}}\n", lines.join(",\n"))
    }
}

impl Default for LineJson {
    fn default() -> Self {
        Self::new()
    }
}

/// A ledger file (donations, disbursements) one record per line.
pub fn render_ledger<T: serde::Serialize>(f: &RawFile<T>) -> String {
    LineJson::new()
        .field("schema", f.schema.as_ref().map(|v| json!(v)))
        .field("sample", f.sample.map(|v| json!(v)))
        .field("note", f.note.as_ref().map(|v| json!(v)))
        .array("records", each!(f.records))
        .array_if_any("corrections", each!(f.corrections))
        .render()
}

/// goods.json one record per line.
pub fn render_goods(g: &RawGoods) -> String {
    LineJson::new()
        .field("schema", g.schema.as_ref().map(|v| json!(v)))
        .field("sample", g.sample.map(|v| json!(v)))
        .field("note", g.note.as_ref().map(|v| json!(v)))
        .array("batches", each!(g.batches))
        .array("movements", each!(g.movements))
        .array("writeoffs", each!(g.writeoffs))
        .array_if_any("corrections", each!(g.corrections))
        .render()
}

/// relief.json one record per line.
pub fn render_relief(r: &relief::RawReliefFile) -> String {
    LineJson::new()
        .field("schema", r.schema.as_ref().map(|v| json!(v)))
        .field("sample", r.sample.map(|v| json!(v)))
        .field("note", r.note.as_ref().map(|v| json!(v)))
        .array("records", each!(r.records))
        .array("aggregates", each!(r.aggregates))
        .array_if_any("corrections", each!(r.corrections))
        .render()
}

/// coverage.json one record per line.
pub fn render_coverage(c: &coverage::RawCoverage) -> String {
    LineJson::new()
        .field("schema", c.schema.as_ref().map(|v| json!(v)))
        .field("sample", c.sample.map(|v| json!(v)))
        .field("note", c.note.as_ref().map(|v| json!(v)))
        .field("city", Some(json!(c.city)))
        .field("teams_before", Some(json!(c.teams_before)))
        .field("teams_after_total", c.teams_after_total.map(|v| json!(v)))
        .array("teams_after", each!(c.teams_after))
        .array("counties", each!(c.counties))
        .array("facts", each!(c.facts))
        .array_if_any("corrections", each!(c.corrections))
        .render()
}

/// An imported dataset in its file format.
pub fn render_output(o: &import::Output) -> String {
    match o {
        import::Output::Donations(f) => render_ledger(f),
        import::Output::Disbursements(f) => render_ledger(f),
        import::Output::Goods(g) => render_goods(g),
        import::Output::Relief(r) => render_relief(r),
        import::Output::Coverage(c) => render_coverage(c),
    }
}

/// summary.json: one line per field, one line per year or programme-year.
pub fn render_summary(s: &summary::Summary) -> String {
    LineJson::new()
        .field("schema", Some(json!(s.schema)))
        .field("sample", Some(json!(s.sample)))
        .field("money_sample", Some(json!(s.money_sample)))
        .field("relief_sample", Some(json!(s.relief_sample)))
        .field("coverage", s.coverage.as_ref().map(|v| json!(v)))
        .field("rectification", s.rectification.as_ref().map(|v| json!(v)))
        .field("key_figures", Some(json!(s.key_figures)))
        .array("money_by_year", each!(s.money_by_year))
        .array("relief_by_programme_year", each!(s.relief_by_programme_year))
        .render()
}

/// The sample data files (file name, content) for `seed` and `donations` records, with the
/// default number of relief records: donations, disbursements, goods, relief, coverage.
pub fn render_sample(seed: u64, donations: usize) -> Vec<(String, String)> {
    render_sample_with(seed, donations, DEFAULT_RELIEF)
}

/// As [`render_sample`], with `relief` sample relief records.
pub fn render_sample_with(seed: u64, donations: usize, relief: usize) -> Vec<(String, String)> {
    let s = sample::generate(seed, donations);
    let r = sample::generate_relief(seed, relief);
    let c = sample::generate_coverage();
    vec![
        (DONATIONS.to_string(), render_ledger(&s.donations)),
        (DISBURSEMENTS.to_string(), render_ledger(&s.disbursements)),
        (GOODS.to_string(), render_goods(&s.goods)),
        (relief::FILE.to_string(), render_relief(&r)),
        (coverage::FILE.to_string(), render_coverage(&c)),
    ]
}

/// Records per file, for the summary line.
pub fn count_records(file: &str, content: &str) -> usize {
    let _ = file;
    content.lines().filter(|l| l.starts_with("    {")).count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use gongshi_core::ledger::{load_disbursements, load_donations, load_goods};

    #[test]
    fn rendered_files_parse_back_to_the_generated_ledger() {
        let s = sample::generate(5, 60);
        let files = render_sample_with(5, 60, 40);
        assert_eq!(files.iter().map(|f| f.0.as_str()).collect::<Vec<_>>(), vec![DONATIONS, DISBURSEMENTS, GOODS, relief::FILE, coverage::FILE]);
        let d: gongshi_core::ledger::RawFile<gongshi_core::ledger::RawDonation> = serde_json::from_str(&files[0].1).unwrap();
        assert_eq!(d, s.donations);
        let g: gongshi_core::ledger::RawGoods = serde_json::from_str(&files[2].1).unwrap();
        assert_eq!(g, s.goods);
        assert!(load_donations(&files[0].1).unwrap().findings.is_empty());
        assert!(load_disbursements(&files[1].1).unwrap().findings.is_empty());
        assert!(load_goods(&files[2].1).unwrap().findings.is_empty());
        for (name, text) in &files {
            assert!(text.ends_with("}\n"), "{name}");
            assert!(text.starts_with("{\n  \"schema\": \"gongshi/"), "{name}");
        }
        assert_eq!(count_records(DONATIONS, &files[0].1), 60);
        assert_eq!(count_records(GOODS, &files[2].1), g.batches.len() + g.movements.len() + g.writeoffs.len());

        let r: relief::RawReliefFile = serde_json::from_str(&files[3].1).unwrap();
        assert_eq!(r, sample::generate_relief(5, 40));
        let loaded = relief::load(&files[3].1, &gongshi_publish::sample::organisation()).unwrap();
        assert!(loaded.findings.is_empty(), "{:?}", loaded.findings);
        assert_eq!(count_records(relief::FILE, &files[3].1), 40 + r.aggregates.len());
        let c: coverage::RawCoverage = serde_json::from_str(&files[4].1).unwrap();
        assert_eq!(c, sample::generate_coverage());
        let loaded = coverage::load(&files[4].1, &gongshi_publish::sample::organisation()).unwrap();
        assert!(loaded.findings.is_empty(), "{:?}", loaded.findings);
        assert_eq!(count_records(coverage::FILE, &files[4].1), c.teams_after.len() + c.counties.len() + c.facts.len());

        // The ledger files do not depend on the number of relief records.
        assert_eq!(render_sample(5, 60)[..3], files[..3]);
    }

    #[test]
    fn one_record_per_line() {
        let text = LineJson::new().field("schema", Some(json!("x"))).field("note", None).array("records", each!([1, 2])).array("empty", vec![]).render();
        assert_eq!(text, "{\n  \"schema\": \"x\",\n  \"records\": [\n    1,\n    2\n  ],\n  \"empty\": []\n}\n");
    }
}
