//! The header row: the mapping file, finding the row, and matching its columns to fields.

use super::{Cell, FieldDef, Kind, Options, Report, Table};
use crate::parse::{fold_width, MoneyUnit};
use std::collections::BTreeSet;

/// Header text normalised for matching: width-folded, lower-case, without spaces, `*` or a
/// trailing colon.
pub fn normalize_header(s: &str) -> String {
    fold_width(s).to_lowercase().chars().filter(|c| !c.is_whitespace() && *c != '*').collect::<String>().trim_end_matches(':').to_string()
}

/// The header without bracketed parts: `金额(元)` → `金额`.
fn header_base(norm: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in norm.chars() {
        match c {
            '(' | '[' | '【' => depth += 1,
            ')' | ']' | '】' => depth = (depth - 1).max(0),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// The field a header means, by the usual names (or the field key itself).
pub fn match_header(kind: Kind, header: &str) -> Option<&'static FieldDef> {
    let norm = normalize_header(header);
    if norm.is_empty() {
        return None;
    }
    let base = header_base(&norm);
    let fields = kind.fields();
    let exact = fields.iter().find(|fd| fd.key == norm || fd.headers.iter().any(|h| normalize_header(h) == norm));
    exact.or_else(|| fields.iter().find(|fd| !base.is_empty() && fd.headers.iter().any(|h| normalize_header(h) == base)))
}

/// A mapping file's `(column header, field)` pairs, headers normalised; a field of `None` ignores
/// the column.
pub(super) struct Mapping {
    kind: Kind,
    pairs: Vec<(String, Option<&'static FieldDef>)>,
}

impl Mapping {
    /// `opts.mapping` with its fields looked up (`amount` and `value` stand for the `_fen` fields);
    /// `Err` names the first field the dataset does not have.
    pub(super) fn read(opts: &Options) -> Result<Mapping, String> {
        let mut pairs = Vec::new();
        for (header, field) in &opts.mapping {
            let fd = match field.as_deref().map(str::trim) {
                None | Some("") | Some("ignore") => None,
                Some(key) => Some(mapped_field(opts.kind, header, key)?),
            };
            pairs.push((normalize_header(header), fd));
        }
        Ok(Mapping { kind: opts.kind, pairs })
    }

    /// The field a column header means: as the mapping says, else by the usual names.
    pub(super) fn field(&self, header: &str) -> Option<&'static FieldDef> {
        let n = normalize_header(header);
        match self.pairs.iter().find(|(m, _)| *m == n) {
            Some((_, fd)) => *fd,
            None => match_header(self.kind, header),
        }
    }
}

fn mapped_field(kind: Kind, header: &str, key: &str) -> Result<&'static FieldDef, String> {
    let alias = match key {
        "amount" => "amount_fen",
        "value" => "value_fen",
        _ => key,
    };
    let fields = kind.fields();
    // By the key, or by the Chinese name the import shows (日期, 捐赠方, 金额…).
    fields.iter().find(|fd| fd.key == alias).or_else(|| fields.iter().find(|fd| fd.zh == key)).ok_or_else(|| {
        let keys: Vec<&str> = fields.iter().map(|fd| fd.key).collect();
        format!("映射文件：列“{header}”对应的字段“{key}”不存在（{} 的字段有：{}）", kind.key(), keys.join("、"))
    })
}

/// The index in `table.rows` of the header row: the first row in which at least two cells are
/// known column headers.
pub(super) fn find_header_row(table: &Table, opts: &Options, mapping: &Mapping) -> Result<usize, String> {
    let known = |cells: &[Cell]| cells.iter().filter(|c| !c.is_blank()).filter(|c| mapping.field(&c.text()).is_some()).count();
    table.rows.iter().position(|(_, cells)| known(cells) >= 2).ok_or_else(|| {
        let sheet = table.sheet.as_ref().map(|s| format!(" 工作表“{s}”")).unwrap_or_default();
        let usual: Vec<&str> = opts.kind.fields().iter().map(|fd| fd.headers[0]).collect();
        format!("{}{sheet}：没有找到表头（至少两列应为常用列名，如 {}；或用 --map 指定映射文件）", opts.source, usual.join("、"))
    })
}

/// A column imported as a field.
pub(super) struct Col {
    pub index: usize,
    pub header: String,
    pub field: &'static FieldDef,
    /// The unit of its money: 万元 when the header says so.
    pub unit: MoneyUnit,
}

/// The header row read: the imported columns, and the other columns that have a header.
pub(super) struct Columns {
    pub cols: Vec<Col>,
    pub ignored: BTreeSet<usize>,
}

impl Columns {
    /// Matches each header to a field (the first of two columns for one field wins), noting in
    /// `report` every column and what it was matched to, the ignored columns, and mapped columns
    /// not found.
    pub(super) fn match_headers(header_cells: &[Cell], mapping: &Mapping, report: &mut Report) -> Columns {
        let mut cols: Vec<Col> = Vec::new();
        let mut ignored: Vec<String> = Vec::new();
        for (index, cell) in header_cells.iter().enumerate() {
            let header = cell.text();
            if header.is_empty() {
                continue;
            }
            match mapping.field(&header) {
                Some(fd) if cols.iter().any(|c| c.field.key == fd.key) => {
                    let first = &cols.iter().find(|c| c.field.key == fd.key).expect("found").header;
                    report.notes.push(format!("列“{header}”和列“{first}”都对应“{}”，只用了“{first}”", fd.zh));
                    report.columns.push((header, None));
                }
                Some(fd) => {
                    let unit = if normalize_header(&header).contains("万元") { MoneyUnit::Wan } else { MoneyUnit::Yuan };
                    report.columns.push((header.clone(), Some(fd.key)));
                    cols.push(Col { index, header, field: fd, unit });
                }
                None => {
                    ignored.push(header.clone());
                    report.columns.push((header, None));
                }
            }
        }
        if !ignored.is_empty() {
            report.notes.push(format!("未导入的列：{}", ignored.join("、")));
        }
        for (h, fd) in &mapping.pairs {
            if fd.is_some() && !cols.iter().any(|c| normalize_header(&c.header) == *h) {
                report.notes.push(format!("映射文件中的列“{h}”在表头中没有找到"));
            }
        }
        let ignored = header_cells.iter().enumerate().filter(|(i, c)| !c.is_blank() && !cols.iter().any(|col| col.index == *i)).map(|(i, _)| i).collect();
        Columns { cols, ignored }
    }

    /// The column imported as the field `key`.
    pub(super) fn of(&self, key: &str) -> Option<&Col> {
        self.cols.iter().find(|c| c.field.key == key)
    }

    /// The column at `index`, when it is imported.
    pub(super) fn at(&self, index: usize) -> Option<&Col> {
        self.cols.iter().find(|c| c.index == index)
    }

    pub(super) fn has(&self, key: &str) -> bool {
        self.of(key).is_some()
    }
}
