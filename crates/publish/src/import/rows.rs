//! The rows below the header: rows skipped on purpose, personal numbers, and each cell read as
//! its field's type.

use super::headers::{normalize_header, Columns};
use super::{Cell, CellProblem, FieldType, Kind, Report, RowError};
use crate::parse::{self, fold_width, MoneyUnit};
use gongshi_core::privacy::{self, Finding};
use std::collections::{BTreeMap, BTreeSet};

/// How a cell of an office's sign-off row begins (制表人：王某, 审核：, 制表日期：).
const SIGN_OFF: [&str; 12] = ["制表人", "制表日期", "制表", "填表人", "填报人", "审核人", "审核", "复核", "负责人", "单位负责人", "经办人", "签字"];

/// First cells that mark a row of totals.
const TOTALS: [&str; 7] = ["合计", "总计", "小计", "累计", "本页合计", "合计金额", "总合计"];

/// Reads the rows below the header row: skipped rows and notes on personal numbers go to
/// `report`, every other row is read (with the problems found in its cells).
///
/// A 合计/小计 row is compared with the rows it totals, money column by money column: a 小计 with
/// the rows since the last 小计 or 合计, a 合计 with every row since the last 合计. A difference
/// is an error on the totals row (a row missed, a total mistyped), or a note with
/// `accept_totals`.
pub(super) fn read_rows(
    kind: Kind,
    rows: &[(u32, Vec<Cell>)],
    header_cells: &[Cell],
    columns: &Columns,
    (accept_totals, values): (bool, &[(String, String, String)]),
    report: &mut Report,
) -> Vec<Parsed> {
    let mut parsed = Vec::new();
    let mut personal = Personal::default();
    // Where the rows a subtotal and a total cover start, in `parsed`.
    let (mut sub_from, mut total_from) = (0usize, 0usize);
    for (row_no, cells) in rows {
        match skip_reason(cells) {
            Some(Skip::Blank) => report.blank_rows += 1,
            Some(Skip::Total(why, sub)) => {
                report.skipped.push((*row_no, why));
                let from = if sub { sub_from } else { total_from };
                let problems = totals_differ(kind, cells, columns, &parsed[from..]);
                if !problems.is_empty() {
                    if accept_totals {
                        report.notes.extend(problems.iter().map(|p| format!("第 {row_no} 行：{}（--accept-totals：照常导入）", p.message)));
                    } else {
                        parsed.push(Parsed { row: *row_no, values: BTreeMap::new(), problems, cols: Vec::new(), content: row_content(cells) });
                    }
                }
                sub_from = parsed.len();
                if !sub {
                    total_from = parsed.len();
                }
            }
            Some(Skip::Because(why)) => report.skipped.push((*row_no, why)),
            None => {
                let problems = personal.scan(kind, *row_no, cells, header_cells, columns);
                let mut p = parse_row(kind, *row_no, cells, columns, problems);
                p.map_values(kind, values);
                parsed.push(p);
            }
        }
    }
    personal.into_notes(&mut report.notes);
    parsed
}

enum Skip {
    /// Counted only.
    Blank,
    Because(String),
    /// A totals row (why, and whether it is a subtotal).
    Total(String, bool),
}

/// The money columns of a totals row against the sum of `rows` (the data rows it totals): one
/// problem per column that differs.
fn totals_differ(kind: Kind, cells: &[Cell], columns: &Columns, rows: &[Parsed]) -> Vec<CellProblem> {
    let yuan = |f: i64| {
        let sign = if f < 0 { "-" } else { "" };
        format!("{sign}{}.{:02} 元", f.abs() / 100, f.abs() % 100)
    };
    let mut out = Vec::new();
    for fd in kind.fields().iter().filter(|f| f.ty == FieldType::Money) {
        let Some(col) = columns.of(fd.key) else { continue };
        let Some(cell) = cells.get(col.index).filter(|c| !c.is_blank()) else { continue };
        let Ok(Value::Money(total)) = read_cell(FieldType::Money, col.unit, cell, false) else { continue };
        let sum: i64 = rows.iter().filter(|p| !p.values.is_empty()).filter_map(|p| p.money(fd.key)).sum();
        if sum != total {
            out.push(CellProblem {
                column: Some(col.header.clone()),
                value: Some(shorten(&cell.text())),
                message: format!(
                    "合计写的是 {}，上面 {} 行的{}加起来是 {}，相差 {}：请核对是否漏了行或合计写错了（核对无误时可加 --accept-totals）",
                    yuan(total),
                    rows.iter().filter(|p| !p.values.is_empty()).count(),
                    fd.zh,
                    yuan(sum),
                    yuan(total - sum)
                ),
            });
        }
    }
    out
}

/// Why a row is not data: blank, a single filled cell (a title, a note, merged cells), totals.
fn skip_reason(cells: &[Cell]) -> Option<Skip> {
    let filled: Vec<&Cell> = cells.iter().filter(|c| !c.is_blank()).collect();
    if filled.is_empty() {
        return Some(Skip::Blank);
    }
    if filled.len() == 1 {
        return Some(Skip::Because(format!("只有一个单元格有内容（“{}”），看起来是标题、说明或合并单元格", shorten(&filled[0].text()))));
    }
    let first = normalize_header(&filled[0].text());
    if TOTALS.contains(&first.as_str()) {
        return Some(Skip::Total(format!("合计行（“{}”）", filled[0].text()), first == "小计" || first == "本页合计"));
    }
    // 制表人：…  审核人：…  制表日期：…: the office's sign-off under the table.
    let sign_off = |t: String| {
        let t: String = t.chars().filter(|c| !c.is_whitespace()).collect();
        SIGN_OFF.iter().any(|w| t.strip_prefix(w).is_some_and(|rest| rest.is_empty() || rest.starts_with(['：', ':'])))
    };
    if filled.iter().any(|c| sign_off(c.text())) {
        let text = filled.iter().map(|c| c.text()).collect::<Vec<_>>().join(" ");
        return Some(Skip::Because(format!("签字行（“{}”）", shorten(&text))));
    }
    None
}

/// Personal numbers: refused in imported columns, reported in ignored ones. A possible bank-card
/// number is a note outside relief (one long number in ten passes the Luhn check).
#[derive(Default)]
struct Personal {
    in_ignored: BTreeSet<String>,
    card_notes: Vec<String>,
}

impl Personal {
    /// Scans every cell of a row; the problems are the row's.
    fn scan(&mut self, kind: Kind, row_no: u32, cells: &[Cell], header_cells: &[Cell], columns: &Columns) -> Vec<CellProblem> {
        let mut problems = Vec::new();
        for (i, cell) in cells.iter().enumerate() {
            let text = cell.text();
            if text.is_empty() {
                continue;
            }
            // A goods destination, a spending's recipient or a relief cell that names a household
            // (a village group, a name before 等 N 户). Donors are published by name on purpose.
            if let (Some(col), Some(found), false) = (columns.at(i), privacy::household_in_text(&text), matches!(kind, Kind::Donations | Kind::Coverage)) {
                problems.push(CellProblem {
                    column: Some(col.header.clone()),
                    value: Some(text.clone()),
                    message: format!("含有{found}，个人信息不得公开：只能写到乡镇（街道）、村（社区）或单位"),
                });
            }
            for (finding, shown) in privacy::scan_text(&text) {
                match columns.at(i) {
                    Some(col) if finding != Finding::BankCard || kind == Kind::Relief => problems.push(CellProblem {
                        column: Some(col.header.clone()),
                        value: Some(shown.clone()),
                        message: format!("含有{}，个人信息不得公开", finding.zh()),
                    }),
                    Some(col) => self.card_notes.push(format!("第 {row_no} 行列“{}”可能含有银行卡号（{shown}），请核对", col.header)),
                    None if columns.ignored.contains(&i) => {
                        let h = header_cells.get(i).map(Cell::text).unwrap_or_default();
                        self.in_ignored.insert(format!("“{h}”（{}）", finding.zh()));
                    }
                    None => {}
                }
            }
        }
        problems
    }

    fn into_notes(self, notes: &mut Vec<String>) {
        if !self.in_ignored.is_empty() {
            notes.push(format!("未导入的列{}含有个人信息，没有写入输出文件；原表请勿公开", self.in_ignored.into_iter().collect::<Vec<_>>().join("、")));
        }
        notes.extend(self.card_notes);
    }
}

/// A row's cells read as their fields' types, in the order of the dataset's fields.
fn parse_row(kind: Kind, row: u32, cells: &[Cell], columns: &Columns, problems: Vec<CellProblem>) -> Parsed {
    let mut p = Parsed { row, values: BTreeMap::new(), problems, cols: Vec::new(), content: row_content(cells) };
    for fd in kind.fields() {
        let Some(col) = columns.of(fd.key) else { continue };
        let cell = cells.get(col.index).unwrap_or(&Cell::Empty);
        p.cols.push((fd.key, col.header.clone(), cell.text()));
        if cell.is_blank() {
            continue;
        }
        match read_cell(fd.ty, col.unit, cell, kind == Kind::Goods && fd.key == "quantity") {
            Ok(v) => {
                p.values.insert(fd.key, v);
            }
            Err(message) => p.problems.push(CellProblem { column: Some(col.header.clone()), value: Some(shorten(&cell.text())), message }),
        }
    }
    p
}

/// A row's parsed values, by field key, and what was wrong in its cells.
pub(super) struct Parsed {
    pub row: u32,
    values: BTreeMap<&'static str, Value>,
    pub problems: Vec<CellProblem>,
    /// (field key, header, cell text) of the mapped columns, for messages.
    pub cols: Vec<(&'static str, String, String)>,
    /// The row's filled cells, for the message when it is refused ([`row_content`]).
    content: String,
}

impl Parsed {
    /// Replaces the sheet's own words by what they mean, as the mapping file's 值 says.
    fn map_values(&mut self, kind: Kind, values: &[(String, String, String)]) {
        for (field, from, to) in values {
            let Some(fd) = kind.fields().iter().find(|f| f.key == field || f.zh == field) else { continue };
            if let Some(Value::Text(t)) = self.values.get_mut(fd.key) {
                if t.trim() == from.trim() {
                    *t = to.clone();
                }
            }
        }
    }

    pub(super) fn into_error(self, source: &str, sheet: &Option<String>) -> RowError {
        RowError { source: source.to_string(), sheet: sheet.clone(), row: self.row, problems: self.problems, content: self.content }
    }
    pub(super) fn text(&self, key: &str) -> Option<String> {
        match self.values.get(key) {
            Some(Value::Text(s)) => Some(s.clone()),
            _ => None,
        }
    }
    pub(super) fn money(&self, key: &str) -> Option<i64> {
        match self.values.get(key) {
            Some(Value::Money(f)) => Some(*f),
            _ => None,
        }
    }
    pub(super) fn date(&self, key: &str) -> Option<String> {
        match self.values.get(key) {
            Some(Value::Date(d)) => Some(d.clone()),
            _ => None,
        }
    }
    pub(super) fn yes_no(&self, key: &str) -> Option<bool> {
        match self.values.get(key) {
            Some(Value::Bool(b)) => Some(*b),
            _ => None,
        }
    }
    pub(super) fn count(&self, key: &str) -> Option<i64> {
        match self.values.get(key) {
            Some(Value::Count(n, _)) => Some(*n),
            _ => None,
        }
    }
    /// The unit written after a quantity (`500箱`).
    pub(super) fn count_unit(&self, key: &str) -> Option<String> {
        match self.values.get(key) {
            Some(Value::Count(_, u)) => u.clone(),
            _ => None,
        }
    }
    pub(super) fn list(&self, key: &str) -> Vec<String> {
        match self.values.get(key) {
            Some(Value::List(v)) => v.clone(),
            _ => Vec::new(),
        }
    }
}

#[derive(Clone, Debug)]
enum Value {
    Text(String),
    Money(i64),
    Date(String),
    Bool(bool),
    Count(i64, Option<String>),
    List(Vec<String>),
}

/// A row's filled cells joined by ` | ` as the editor would read them along the row (at most
/// 120 characters); a cell holding an ID, mobile or card number shows only that number masked.
fn row_content(cells: &[Cell]) -> String {
    let shown: Vec<String> = cells
        .iter()
        .filter(|c| !c.is_blank())
        .map(|c| {
            let text = c.text();
            let found = privacy::scan_text(&text);
            if found.is_empty() {
                shorten(&text)
            } else {
                found.into_iter().map(|(_, masked)| masked).collect::<Vec<_>>().join(" ")
            }
        })
        .collect();
    let all = shown.join(" | ");
    if all.chars().count() > 120 {
        format!("{}…", all.chars().take(120).collect::<String>())
    } else {
        all
    }
}

pub(super) fn shorten(s: &str) -> String {
    let s = s.trim();
    if s.chars().count() > 40 {
        format!("{}…", s.chars().take(40).collect::<String>())
    } else {
        s.to_string()
    }
}

fn read_cell(ty: FieldType, unit: MoneyUnit, cell: &Cell, unit_suffix_ok: bool) -> Result<Value, String> {
    let text = cell.text();
    match ty {
        FieldType::Text => Ok(Value::Text(text)),
        FieldType::Money => match cell {
            Cell::Date { .. } => Err("这是一个日期，不是金额".into()),
            Cell::Bool(_) => Err("不是金额".into()),
            _ => parse::parse_money(&text, unit, false).map(|f| Value::Money(f.0)),
        },
        FieldType::Date => match cell {
            Cell::Date { year, month, day } => {
                let iso = format!("{year:04}-{month:02}-{day:02}");
                gongshi_core::date::PartialDate::parse(&iso)
                    .map(|d| Value::Date(d.to_string()))
                    .map_err(|e| format!("{e}（如为 Excel 的 1900-02-29，此日期并不存在）"))
            }
            Cell::Bool(_) => Err("不是日期".into()),
            _ => parse::parse_date(&text).map(|d| Value::Date(d.to_string())),
        },
        FieldType::YesNo => match cell {
            Cell::Bool(b) => Ok(Value::Bool(*b)),
            _ => parse::parse_yes_no(&text).map(Value::Bool),
        },
        FieldType::Count => {
            let t = fold_width(&text).replace(',', "");
            let t = t.trim();
            let digits_end = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
            let (n, rest) = t.split_at(digits_end);
            let rest = rest.trim();
            let bad_rest = !rest.is_empty() && (!unit_suffix_ok || rest.starts_with(|c: char| c.is_ascii_digit() || c == '.' || c == '-'));
            if n.is_empty() || bad_rest {
                return Err("应为不小于 0 的整数".into());
            }
            let n: i64 = n.parse().map_err(|_| "数字太大".to_string())?;
            Ok(Value::Count(n, (!rest.is_empty()).then(|| rest.to_string())))
        }
        FieldType::List => {
            Ok(Value::List(fold_width(&text).split([',', '、', ';', '；', '，']).map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect()))
        }
    }
}
