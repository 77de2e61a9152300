//! Importing a spreadsheet (already read into cells by the caller) into a dataset's file format.
//!
//! The caller (the `gongshi import` command) reads an .xlsx or .csv file into a [`Table`]: the
//! rows with their spreadsheet row numbers and cells. [`import`] then
//!
//! 1. finds the header row: the first row in which at least two cells are known column headers
//!    (rows above it — a sheet title, notes — are skipped);
//! 2. matches the headers to fields by their usual Chinese names ([`FieldDef::headers`]), ignoring
//!    case, full/half width and spaces, or by a mapping `{"column header": "field"}`;
//! 3. reads each row below: blank rows, rows with a single filled cell (titles, notes, merged
//!    cells) and 合计/小计 rows are skipped and listed; money, dates and yes/no are parsed with
//!    [`crate::parse`]; every cell of a row is scanned for ID, mobile and bank-card numbers;
//!    relief recipients are masked ([`gongshi_core::privacy::mask_name`]);
//! 4. validates the records with the same validator the app uses, and reports every bad row once:
//!    sheet, row number as in the spreadsheet, column header and value, and why.
//!
//! Imported records get `"origin": "published"` and the file `"sample": false`.
//!
//! Where each step lives: `headers.rs` (the mapping, 1 and 2), `rows.rs` (3), `build.rs` (the
//! records, names masked, and 4); `fields.rs` holds each dataset's fields and their usual
//! headers, `vocab.rs` the words a value may be written as (已到账, 微信, 城关 …).

mod build;
mod fields;
mod headers;
mod rows;
mod vocab;

pub use fields::{FieldDef, FieldType, Kind};
pub use headers::{match_header, normalize_header};
pub use vocab::{category_key, channel_key, county_name, donation_status_key, donor_kind_key, infer_donor_kind, programme_key, relief_status_key};

use gongshi_core::coverage::RawCoverage;
use gongshi_core::ledger::{RawDisbursement, RawDonation, RawFile, RawGoods};
use gongshi_core::relief::RawReliefFile;
use std::fmt;

/// One spreadsheet cell as read by the caller.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    /// A number cell, as the shortest decimal text that reads back as the same value
    /// (`1234.5`, `43831`): never a float, so money stays exact.
    Number(String),
    /// A cell formatted as a date, already converted from the sheet's date system.
    Date {
        year: u16,
        month: u8,
        day: u8,
    },
    Bool(bool),
}

impl Cell {
    pub fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }
    /// The cell as text (dates as ISO).
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) => s.trim().to_string(),
            Cell::Number(s) => s.clone(),
            Cell::Date { year, month, day } => format!("{year:04}-{month:02}-{day:02}"),
            Cell::Bool(b) => (if *b { "TRUE" } else { "FALSE" }).to_string(),
        }
    }
}

/// A sheet: its name (none for CSV) and its rows, each with its row number as the spreadsheet
/// shows it (1-based).
#[derive(Clone, Debug, Default)]
pub struct Table {
    pub sheet: Option<String>,
    pub rows: Vec<(u32, Vec<Cell>)>,
}

/// What to import and how.
#[derive(Clone, Debug)]
pub struct Options {
    pub kind: Kind,
    /// The file name, for messages.
    pub source: String,
    /// `(column header, field key)`; a field of `None` ignores the column. Overrides the usual names.
    pub mapping: Vec<(String, Option<String>)>,
    /// The organisation (the data folder's manifest): relief and coverage rows name its
    /// divisions and programmes.
    pub org: gongshi_core::org::Organisation,
    /// A 合计/小计 row that differs from the rows above is a note, not an error.
    pub accept_totals: bool,
    /// Value mappings, `(field key or its Chinese name, word in the sheet, what it means)`: the
    /// sheet's own words for a field's values (应急救助 → 临时救助).
    pub values: Vec<(String, String, String)>,
}

/// One problem in one cell (or in the row as a whole when `column` is `None`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CellProblem {
    pub column: Option<String>,
    /// The value as shown in the message (personal numbers masked).
    pub value: Option<String>,
    pub message: String,
}

/// A row that could not be imported, with everything wrong in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowError {
    pub source: String,
    pub sheet: Option<String>,
    pub row: u32,
    pub problems: Vec<CellProblem>,
    /// The row's filled cells as the spreadsheet shows them (personal numbers masked), so the
    /// editor sees which row was refused without opening the file.
    pub content: String,
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.source)?;
        if let Some(s) = &self.sheet {
            write!(f, " 工作表“{s}”")?;
        }
        write!(f, " 第 {} 行：", self.row)?;
        let parts: Vec<String> = self
            .problems
            .iter()
            .map(|p| match (&p.column, &p.value) {
                (Some(c), Some(v)) => format!("列“{c}”的值“{v}”：{}", p.message),
                (Some(c), None) => format!("列“{c}”：{}", p.message),
                (None, _) => p.message.clone(),
            })
            .collect();
        write!(f, "{}", parts.join("；"))?;
        if !self.content.is_empty() {
            write!(f, "（本行：{}）", self.content)?;
        }
        Ok(())
    }
}

/// The imported file, in the app's format.
#[derive(Clone, Debug, PartialEq)]
pub enum Output {
    Donations(RawFile<RawDonation>),
    Disbursements(RawFile<RawDisbursement>),
    Goods(RawGoods),
    Relief(RawReliefFile),
    Coverage(RawCoverage),
}

impl Output {
    pub fn records(&self) -> usize {
        match self {
            Output::Donations(f) => f.records.len(),
            Output::Disbursements(f) => f.records.len(),
            Output::Goods(g) => g.batches.len() + g.movements.len() + g.writeoffs.len(),
            Output::Relief(r) => r.records.len() + r.aggregates.len(),
            Output::Coverage(c) => c.counties.len(),
        }
    }
}

/// What happened, for the person running the import.
#[derive(Clone, Debug, Default)]
pub struct Report {
    /// The header row's number.
    pub header_row: u32,
    /// Each column's header and the field it was matched to (`None`: ignored).
    pub columns: Vec<(String, Option<&'static str>)>,
    /// Rows that could not be imported (left out of the output).
    pub errors: Vec<RowError>,
    /// Rows skipped on purpose (blank ones are only counted): row number and why.
    pub skipped: Vec<(u32, String)>,
    pub blank_rows: usize,
    /// Relief recipient names that were masked.
    pub masked: usize,
    /// Things the publisher should know: defaults applied, ignored columns, possible card numbers.
    pub notes: Vec<String>,
}

/// Words of a column that makes a relief sheet a list of sick children or patients (患儿, 病种,
/// 监护人…): such people are published only as aggregates, whatever the sheet calls the programme.
const MEDICAL_HEADER_WORDS: &[&str] = &["患儿", "病种", "病情", "诊断", "疾病", "病历", "住院", "监护人", "病名", "医保"];

/// Refuses a relief sheet whose headers say it lists sick children or patients.
fn medical_columns(header_cells: &[Cell], source: &str) -> Result<(), String> {
    let found: Vec<String> =
        header_cells.iter().map(Cell::text).filter(|h| MEDICAL_HEADER_WORDS.iter().any(|w| h.contains(w))).map(|h| format!("“{h}”")).collect();
    if found.is_empty() {
        return Ok(());
    }
    Err(format!(
        "{source}：表中有{}列，这是儿童或大病救助的名单。这类救助只公布按县（市、区）、年份汇总的人数和金额，不得逐人导入或公开（无论表中的救助项目写作什么）；请改为汇总表，原表请勿公开",
        found.join("")
    ))
}

/// The fields every row of a sheet needs (no default stands in for them): without a column for
/// one, every row would fail for the same reason.
fn required(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::Donations => &["date", "donor", "amount_fen"],
        Kind::Disbursements => &["date", "purpose", "project", "recipient", "amount_fen"],
        Kind::Goods => &["date", "quantity"],
        Kind::Relief => &["programme", "county"],
        Kind::Coverage => &["county", "townships", "villages"],
    }
}

/// One message, instead of the same error on every row, when a needed field has no column: the
/// fields, the headers that were not recognised, and a mapping file ready to use, each
/// unrecognised header put to the missing field it shares most words with (the editor checks it).
fn missing_columns(opts: &Options, header_cells: &[Cell], columns: &headers::Columns) -> Result<(), String> {
    let fields = opts.kind.fields();
    let missing: Vec<&FieldDef> = required(opts.kind).iter().filter(|k| !columns.has(k)).filter_map(|k| fields.iter().find(|f| f.key == *k)).collect();
    if missing.is_empty() {
        return Ok(());
    }
    let unknown: Vec<String> = columns.ignored.iter().filter_map(|i| header_cells.get(*i)).map(Cell::text).filter(|h| !h.trim().is_empty()).collect();
    // How alike a header and a field are: the longest run of characters the header shares with
    // the field's name or one of its usual headers.
    let likeness = |h: &str, f: &FieldDef| -> usize {
        let h: Vec<char> = h.chars().collect();
        std::iter::once(f.zh).chain(f.headers.iter().copied()).map(|w| common_run(&h, &w.chars().collect::<Vec<_>>())).max().unwrap_or(0)
    };
    let mut mapping: Vec<(String, &str)> = Vec::new();
    for f in &missing {
        let best =
            unknown.iter().filter(|h| !mapping.iter().any(|(m, _)| m == *h)).map(|h| (likeness(h, f), h)).filter(|(n, _)| *n >= 2).max_by_key(|(n, _)| *n);
        if let Some((_, h)) = best {
            mapping.push((h.clone(), f.key));
        }
    }
    let names = missing.iter().map(|f| format!("“{}”", f.zh)).collect::<Vec<_>>().join("");
    let mut msg = format!("{}：表头中找不到{names}对应的列，每一行都会因此出错，没有导入", opts.source);
    if !unknown.is_empty() {
        msg.push_str(&format!("。未识别的列：{}", unknown.join("、")));
    }
    if !mapping.is_empty() {
        let json = mapping.iter().map(|(h, k)| format!("{:?}: {:?}", h, k)).collect::<Vec<_>>().join(", ");
        msg.push_str(&format!("。如果它们就是这些字段，把下面一行存为 mapping.json（请先核对），再加上 --map mapping.json 重新导入：\n{{{json}}}"));
    } else {
        msg.push_str("。请在表中加上这些列，或用 --map 映射文件说明哪一列是它们");
    }
    Err(msg)
}

/// The length of the longest run of characters `a` and `b` share.
fn common_run(a: &[char], b: &[char]) -> usize {
    let mut best = 0;
    for i in 0..a.len() {
        for j in 0..b.len() {
            let mut n = 0;
            while i + n < a.len() && j + n < b.len() && a[i + n] == b[j + n] {
                n += 1;
            }
            best = best.max(n);
        }
    }
    best
}

/// Imports `table` as `opts.kind`. `Err` when nothing can be imported at all (no header row, a
/// bad mapping); otherwise the good rows in the app's format, and a report that lists every bad
/// row — the caller decides whether to write anything when there are errors.
pub fn import(table: &Table, opts: &Options) -> Result<(Output, Report), String> {
    let mapping = headers::Mapping::read(opts)?;
    let header_pos = headers::find_header_row(table, opts, &mapping)?;
    let (header_row, header_cells) = &table.rows[header_pos];
    // A list of sick children or patients is refused; a table of their totals (人数) is what
    // may be published.
    let totals_sheet = header_cells.iter().any(|c| ["人数", "人次"].iter().any(|w| c.text().contains(w)));
    if opts.kind == Kind::Relief && !totals_sheet {
        medical_columns(header_cells, &opts.source)?;
    }
    let mut report = Report { header_row: *header_row, ..Default::default() };
    let mut columns = headers::Columns::match_headers(header_cells, &mapping, &mut report);
    // A county's or district's own sheets name its divisions, the townships, under 乡镇: without
    // a 县（市、区） column, that column holds the divisions.
    if opts.kind == Kind::Relief && !columns.has("county") {
        if let (Some(col), Some(county)) = (columns.cols.iter_mut().find(|c| c.field.key == "township"), opts.kind.fields().iter().find(|f| f.key == "county"))
        {
            report.notes.push(format!("表中没有“县（市、区）”列：列“{}”作为本会的行政区划读取", col.header));
            col.field = county;
            if let Some(c) = report.columns.iter_mut().find(|(h, _)| *h == col.header) {
                c.1 = Some("county");
            }
        }
    }
    missing_columns(opts, header_cells, &columns)?;
    let rows = rows::read_rows(opts.kind, &table.rows[header_pos + 1..], header_cells, &columns, (opts.accept_totals, &opts.values), &mut report);
    let output = build::validated(opts.kind, rows, &columns, &opts.source, &table.sheet, &opts.org, &mut report);
    Ok((output, report))
}
