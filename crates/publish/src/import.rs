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

use crate::parse::{self, fold_width, MoneyUnit};
use gongshi_core::coverage::{RawCounty, RawCoverage};
use gongshi_core::diag::{Diagnostic, Severity};
use gongshi_core::ledger::{self, RawBatch, RawDisbursement, RawDonation, RawFile, RawGoods, RawInt, RawMovement, RawWriteOff};
use gongshi_core::privacy::{self, Finding};
use gongshi_core::relief::{self, RawRelief, RawReliefFile};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// The dataset a sheet is imported as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Donations,
    Disbursements,
    Goods,
    Relief,
    Coverage,
}

impl Kind {
    pub const ALL: [Kind; 5] = [Kind::Donations, Kind::Disbursements, Kind::Goods, Kind::Relief, Kind::Coverage];

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.key() == s)
    }
    pub fn key(self) -> &'static str {
        match self {
            Kind::Donations => "donations",
            Kind::Disbursements => "disbursements",
            Kind::Goods => "goods",
            Kind::Relief => "relief",
            Kind::Coverage => "coverage",
        }
    }
    /// The default file name in the data folder.
    pub fn file(self) -> &'static str {
        match self {
            Kind::Donations => ledger::DONATIONS,
            Kind::Disbursements => ledger::DISBURSEMENTS,
            Kind::Goods => ledger::GOODS,
            Kind::Relief => relief::FILE,
            Kind::Coverage => gongshi_core::coverage::FILE,
        }
    }
    /// The fields a column can be matched to.
    pub fn fields(self) -> &'static [FieldDef] {
        match self {
            Kind::Donations => DONATION_FIELDS,
            Kind::Disbursements => DISBURSEMENT_FIELDS,
            Kind::Goods => GOODS_FIELDS,
            Kind::Relief => RELIEF_FIELDS,
            Kind::Coverage => COVERAGE_FIELDS,
        }
    }
}

/// How a field's cells are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldType {
    Text,
    /// Money in 元 (or 万元 when the header says so), stored as fen.
    Money,
    Date,
    YesNo,
    /// A whole number ≥ 0.
    Count,
    /// Ids separated by commas, 、 or semicolons.
    List,
}

/// A field of the file format and the column headers that mean it.
#[derive(Clone, Copy, Debug)]
pub struct FieldDef {
    /// The field's key in the JSON file (a mapping file names fields by these keys).
    pub key: &'static str,
    /// What it is, in Chinese.
    pub zh: &'static str,
    pub ty: FieldType,
    /// Usual column headers, compared ignoring case, width, spaces and a bracketed unit.
    pub headers: &'static [&'static str],
}

const fn f(key: &'static str, zh: &'static str, ty: FieldType, headers: &'static [&'static str]) -> FieldDef {
    FieldDef { key, zh, ty, headers }
}

use FieldType::{Count, Date, List, Money, Text, YesNo};

const DONATION_FIELDS: &[FieldDef] = &[
    f("id", "编号", Text, &["编号", "捐赠编号", "记录编号", "流水号"]),
    f("date", "日期", Date, &["日期", "捐赠日期", "到账日期", "收款日期", "捐赠时间", "到账时间", "时间"]),
    f(
        "donor",
        "捐赠方",
        Text,
        &["捐赠方", "捐赠人", "捐赠单位", "捐赠者", "捐款人", "捐款单位", "捐赠单位/个人", "捐赠单位或个人", "捐赠人姓名", "捐赠方名称", "单位名称", "姓名"],
    ),
    f("donor_kind", "捐赠方类型", Text, &["捐赠方类型", "捐赠人类型", "捐赠者类型", "捐赠方性质", "单位/个人", "个人/单位"]),
    f("amount_fen", "金额", Money, &["金额", "金额(元)", "捐赠金额", "捐款金额", "到账金额", "收款金额", "捐赠金额(元)", "捐款金额(元)", "数额"]),
    f("directed", "是否定向", YesNo, &["是否定向", "定向/非定向", "是否定向捐赠", "定向"]),
    f("directed_to", "定向用途", Text, &["定向用途", "用途", "指定用途", "捐赠用途", "定向内容", "捐赠意向"]),
    f("channel", "渠道", Text, &["渠道", "捐赠渠道", "捐赠方式", "捐款方式", "方式", "支付方式", "收款方式", "到账方式"]),
    f("platform", "网络平台", Text, &["平台", "募捐平台", "网络平台", "网络募捐平台"]),
    f("project", "项目", Text, &["项目", "项目名称", "捐赠项目", "募捐项目", "所属项目"]),
    f("receipt", "收据号", Text, &["收据号", "票据号", "收据编号", "票据编号", "捐赠票据号", "票据号码", "收据号码", "收据", "票据"]),
    f("status", "状态", Text, &["状态", "到账状态", "捐赠状态"]),
];

const DISBURSEMENT_FIELDS: &[FieldDef] = &[
    f("id", "编号", Text, &["编号", "支出编号", "记录编号", "凭证号", "流水号"]),
    f("date", "日期", Date, &["日期", "支出日期", "拨付日期", "付款日期", "发放日期", "时间"]),
    f("purpose", "用途", Text, &["用途", "支出用途", "摘要", "事由", "支出事项", "支出内容"]),
    f("project", "项目", Text, &["项目", "项目名称", "所属项目"]),
    f("recipient", "接收方", Text, &["接收方", "收款方", "收款单位", "接收单位", "受益方", "受助单位", "拨付对象", "收款人"]),
    f("amount_fen", "金额", Money, &["金额", "金额(元)", "支出金额", "拨付金额", "付款金额", "支出金额(元)"]),
    f("from_donations", "来源捐赠编号", List, &["来源捐赠", "来源捐赠编号", "对应捐赠编号", "定向捐赠编号", "资金来源编号"]),
    f("category", "支出类别", Text, &["类别", "支出类别", "支出类型", "费用类别", "费用类型"]),
];

const GOODS_FIELDS: &[FieldDef] = &[
    f("record", "记录类型（入库/出库/核销）", Text, &["记录类型", "类型", "出入库", "出入库类型", "业务类型"]),
    f("id", "编号", Text, &["编号", "记录编号", "单号", "流水号"]),
    f("batch", "批次号", Text, &["批次", "批次号", "批次编号", "入库批次"]),
    f("date", "日期", Date, &["日期", "接收日期", "入库日期", "出库日期", "发放日期", "核销日期", "捐赠日期", "时间"]),
    f("donor", "捐赠方", Text, &["捐赠方", "捐赠人", "捐赠单位", "捐赠者", "捐赠单位/个人"]),
    f("donor_kind", "捐赠方类型", Text, &["捐赠方类型", "捐赠人类型", "捐赠方性质"]),
    f("item", "物资名称", Text, &["物资名称", "物资", "品名", "名称", "物品名称", "物资品名"]),
    f("quantity", "数量", Count, &["数量", "入库数量", "出库数量", "核销数量"]),
    f("unit", "计量单位", Text, &["单位", "计量单位"]),
    f("value_fen", "价值", Money, &["价值", "价值(元)", "金额", "金额(元)", "折价", "折价金额", "估值", "折合金额"]),
    f("directed_to", "定向用途", Text, &["定向用途", "用途", "指定用途", "定向"]),
    f("destination", "去向", Text, &["去向", "发放对象", "领取单位", "接收单位", "发往", "调拨去向", "受赠单位"]),
    f("reason", "核销原因", Text, &["原因", "核销原因", "核销说明"]),
    f("note", "备注", Text, &["备注", "说明"]),
];

const RELIEF_FIELDS: &[FieldDef] = &[
    f("id", "编号", Text, &["编号", "救助编号", "记录编号"]),
    f("programme", "救助项目", Text, &["救助项目", "项目", "项目名称", "救助类型", "救助类别"]),
    f("date", "日期", Date, &["日期", "救助日期", "发放日期", "审批日期", "时间"]),
    f("county", "县（市、区）", Text, &["县(市、区)", "县(市,区)", "县市区", "县区", "县(市)", "所在县", "县", "所属县(市、区)", "地区"]),
    f("township", "乡镇（街道）", Text, &["乡镇", "乡镇(街道)", "街道", "乡镇/街道", "乡镇街道", "所在乡镇"]),
    f("amount_fen", "救助金额", Money, &["金额", "救助金额", "金额(元)", "发放金额", "救助金额(元)", "资助金额"]),
    f("goods", "救助物资", Text, &["物资", "救助物资", "发放物资", "物资名称"]),
    f("status", "状态", Text, &["状态", "发放状态", "审批状态"]),
    f("recipient", "受助人", Text, &["受助人", "受助人姓名", "姓名", "救助对象", "受助对象", "受助者"]),
];

const COVERAGE_FIELDS: &[FieldDef] = &[
    f("county", "县（市、区）", Text, &["县(市、区)", "县(市,区)", "县市区", "县区", "县", "地区"]),
    f("townships", "乡镇（街道）数", Count, &["乡镇(街道)数", "乡镇数", "乡镇街道数", "乡镇(街道)总数"]),
    f("villages", "村（社区）数", Count, &["村(社区)数", "村数", "村社区数", "村(社区)总数"]),
    f("township_units", "乡镇（街道）级组织", Count, &["乡镇级组织", "乡镇(街道)级组织", "乡镇(街道)红十字会", "乡镇红十字会", "乡镇级基层组织"]),
    f("village_units", "村（社区）级组织", Count, &["村级组织", "村(社区)级组织", "村(社区)红十字会", "村红十字会", "村级基层组织"]),
    f("hospital_units", "医院", Count, &["医院", "医院红十字会", "医院基层组织"]),
    f("school_units", "学校", Count, &["学校", "学校红十字会", "学校基层组织"]),
    f("other_units", "其他企事业单位", Count, &["其他", "其他企事业单位", "其他单位", "企事业单位"]),
    f("note", "备注", Text, &["备注", "说明"]),
];

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
        write!(f, "{}", parts.join("；"))
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

struct Col {
    index: usize,
    header: String,
    field: &'static FieldDef,
    unit: MoneyUnit,
}

/// Imports `table` as `opts.kind`. `Err` when nothing can be imported at all (no header row, a
/// bad mapping); otherwise the good rows in the app's format, and a report that lists every bad
/// row — the caller decides whether to write anything when there are errors.
pub fn import(table: &Table, opts: &Options) -> Result<(Output, Report), String> {
    let kind = opts.kind;
    let fields = kind.fields();
    let mut mapping: Vec<(String, Option<&'static FieldDef>)> = Vec::new();
    for (header, field) in &opts.mapping {
        let fd = match field.as_deref().map(str::trim) {
            None | Some("") | Some("ignore") => None,
            Some(key) => {
                let alias = if key == "amount" {
                    "amount_fen"
                } else if key == "value" {
                    "value_fen"
                } else {
                    key
                };
                match fields.iter().find(|fd| fd.key == alias) {
                    Some(fd) => Some(fd),
                    None => {
                        let keys: Vec<&str> = fields.iter().map(|fd| fd.key).collect();
                        return Err(format!("映射文件：列“{header}”对应的字段“{key}”不存在（{} 的字段有：{}）", kind.key(), keys.join("、")));
                    }
                }
            }
        };
        mapping.push((normalize_header(header), fd));
    }
    let mapped = |h: &str| -> Option<Option<&'static FieldDef>> {
        let n = normalize_header(h);
        mapping.iter().find(|(m, _)| *m == n).map(|(_, fd)| *fd)
    };
    let matches = |h: &str| match mapped(h) {
        Some(fd) => fd,
        None => match_header(kind, h),
    };

    // 1. The header row.
    let Some(header_pos) =
        table.rows.iter().position(|(_, cells)| cells.iter().filter(|c| !c.is_blank()).filter(|c| matches(&c.text()).is_some()).count() >= 2)
    else {
        let sheet = table.sheet.as_ref().map(|s| format!(" 工作表“{s}”")).unwrap_or_default();
        let known: Vec<&str> = fields.iter().map(|fd| fd.headers[0]).collect();
        return Err(format!("{}{sheet}：没有找到表头（至少两列应为常用列名，如 {}；或用 --map 指定映射文件）", opts.source, known.join("、")));
    };
    let (header_row, header_cells) = &table.rows[header_pos];
    let mut report = Report { header_row: *header_row, ..Default::default() };
    let mut cols: Vec<Col> = Vec::new();
    let mut ignored: Vec<String> = Vec::new();
    for (index, cell) in header_cells.iter().enumerate() {
        let header = cell.text();
        if header.is_empty() {
            continue;
        }
        let fd = matches(&header);
        match fd {
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
    for (h, fd) in &mapping {
        if fd.is_some() && !cols.iter().any(|c| normalize_header(&c.header) == *h) {
            report.notes.push(format!("映射文件中的列“{h}”在表头中没有找到"));
        }
    }
    let ignored_idx: BTreeSet<usize> =
        header_cells.iter().enumerate().filter(|(i, c)| !c.is_blank() && !cols.iter().any(|col| col.index == *i)).map(|(i, _)| i).collect();

    // 2. The rows.
    let mut rows: Vec<Parsed> = Vec::new();
    let mut personal_in_ignored: BTreeSet<String> = BTreeSet::new();
    let mut card_notes: Vec<String> = Vec::new();
    for (row_no, cells) in &table.rows[header_pos + 1..] {
        let filled: Vec<&Cell> = cells.iter().filter(|c| !c.is_blank()).collect();
        if filled.is_empty() {
            report.blank_rows += 1;
            continue;
        }
        if filled.len() == 1 {
            report.skipped.push((*row_no, format!("只有一个单元格有内容（“{}”），看起来是标题、说明或合并单元格", shorten(&filled[0].text()))));
            continue;
        }
        let first = normalize_header(&filled[0].text());
        if ["合计", "总计", "小计", "累计", "本页合计", "合计金额", "总合计"].contains(&first.as_str()) {
            report.skipped.push((*row_no, format!("合计行（“{}”）", filled[0].text())));
            continue;
        }
        let mut problems = Vec::new();
        // Personal numbers: refused in imported columns, reported in ignored ones.
        for (i, cell) in cells.iter().enumerate() {
            let text = cell.text();
            if text.is_empty() {
                continue;
            }
            for (finding, shown) in privacy::scan_text(&text) {
                match cols.iter().find(|c| c.index == i) {
                    Some(col) if finding != Finding::BankCard || kind == Kind::Relief => problems.push(CellProblem {
                        column: Some(col.header.clone()),
                        value: Some(shown.clone()),
                        message: format!("含有{}，个人信息不得公开", finding.zh()),
                    }),
                    Some(col) => card_notes.push(format!("第 {row_no} 行列“{}”可能含有银行卡号（{shown}），请核对", col.header)),
                    None if ignored_idx.contains(&i) => {
                        let h = header_cells.get(i).map(Cell::text).unwrap_or_default();
                        personal_in_ignored.insert(format!("“{h}”（{}）", finding.zh()));
                    }
                    None => {}
                }
            }
        }
        let get = |key: &str| cols.iter().find(|c| c.field.key == key).map(|c| (c, cells.get(c.index).unwrap_or(&Cell::Empty)));
        rows.push(Parsed { row: *row_no, values: BTreeMap::new(), problems, cols: Vec::new() });
        let p = rows.last_mut().expect("pushed");
        for fd in fields {
            if let Some((col, cell)) = get(fd.key) {
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
        }
    }
    if !personal_in_ignored.is_empty() {
        report.notes.push(format!("未导入的列{}含有个人信息，没有写入输出文件；原表请勿公开", personal_in_ignored.into_iter().collect::<Vec<_>>().join("、")));
    }
    report.notes.extend(card_notes);
    let has = |key: &str| cols.iter().any(|c| c.field.key == key);

    // 3. Records, then the app's own validation, repeated without the bad rows until clean.
    let mut out_rows: Vec<Parsed> = Vec::new();
    for p in rows {
        if p.problems.is_empty() {
            out_rows.push(p);
        } else {
            report.errors.push(p.into_error(&opts.source, &table.sheet));
        }
    }
    let mut defaults: BTreeSet<String> = BTreeSet::new();
    loop {
        let mut masked = 0;
        let (output, diags, index) = build(kind, &out_rows, &has, &mut defaults, &mut masked);
        let bad: BTreeMap<usize, Vec<Diagnostic>> = diags.into_iter().filter(|d| d.severity == Severity::Error).fold(BTreeMap::new(), |mut m, d| {
            if let Some(i) = index(&d.path) {
                m.entry(i).or_insert_with(Vec::new).push(d);
            }
            m
        });
        if bad.is_empty() {
            report.masked = masked;
            report.notes.extend(defaults);
            report.errors.sort_by_key(|e| e.row);
            return Ok((output, report));
        }
        let mut keep = Vec::new();
        for (i, p) in out_rows.into_iter().enumerate() {
            match bad.get(&i) {
                None => keep.push(p),
                Some(ds) => {
                    let mut p = p;
                    for d in ds {
                        let field = d.path.rsplit('.').next().unwrap_or("");
                        let col = p.cols.iter().find(|(k, _, _)| *k == field || field.starts_with(&format!("{k}["))).cloned();
                        // A privacy finding never repeats the value it is about.
                        let private = d.message.contains("隐私");
                        p.problems.push(CellProblem {
                            column: col.as_ref().map(|c| c.1.clone()),
                            value: col.as_ref().map(|c| shorten(&c.2)).filter(|v| !v.is_empty() && !private),
                            message: strip_label(&d.message).replace("，出于隐私保护，整个文件不予显示", "，出于隐私保护不能导入"),
                        });
                    }
                    report.errors.push(p.into_error(&opts.source, &table.sheet));
                }
            }
        }
        out_rows = keep;
    }
}

/// A row's parsed values, by field key.
struct Parsed {
    row: u32,
    values: BTreeMap<&'static str, Value>,
    problems: Vec<CellProblem>,
    /// (field key, header, cell text) of the mapped columns, for messages.
    cols: Vec<(&'static str, String, String)>,
}

impl Parsed {
    fn into_error(self, source: &str, sheet: &Option<String>) -> RowError {
        RowError { source: source.to_string(), sheet: sheet.clone(), row: self.row, problems: self.problems }
    }
    fn text(&self, key: &str) -> Option<String> {
        match self.values.get(key) {
            Some(Value::Text(s)) => Some(s.clone()),
            _ => None,
        }
    }
    fn money(&self, key: &str) -> Option<i64> {
        match self.values.get(key) {
            Some(Value::Money(f)) => Some(*f),
            _ => None,
        }
    }
    fn date(&self, key: &str) -> Option<String> {
        match self.values.get(key) {
            Some(Value::Date(d)) => Some(d.clone()),
            _ => None,
        }
    }
    fn yes_no(&self, key: &str) -> Option<bool> {
        match self.values.get(key) {
            Some(Value::Bool(b)) => Some(*b),
            _ => None,
        }
    }
    fn count(&self, key: &str) -> Option<i64> {
        match self.values.get(key) {
            Some(Value::Count(n, _)) => Some(*n),
            _ => None,
        }
    }
    /// The unit written after a quantity (`500箱`).
    fn count_unit(&self, key: &str) -> Option<String> {
        match self.values.get(key) {
            Some(Value::Count(_, u)) => u.clone(),
            _ => None,
        }
    }
    fn list(&self, key: &str) -> Vec<String> {
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

fn shorten(s: &str) -> String {
    let s = s.trim();
    if s.chars().count() > 40 {
        format!("{}…", s.chars().take(40).collect::<String>())
    } else {
        s.to_string()
    }
}

/// Validator messages start with the record's label (`D2020-00001：…`); the row says that already.
fn strip_label(m: &str) -> String {
    match m.split_once('：') {
        Some((label, rest)) if !label.contains(' ') && label.chars().count() <= 24 && !rest.is_empty() => rest.to_string(),
        _ => m.to_string(),
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

// ---------------------------------------------------------------- value vocabularies

/// A cell's word for matching: width-folded, lower-case, without spaces.
fn norm_word(s: &str) -> String {
    fold_width(s).to_lowercase().chars().filter(|c| !c.is_whitespace()).collect()
}

/// A closed list of values and the words people write for them: each key (as in the file format)
/// with its other words, the app's own label among them. A cell means a key when its word
/// ([`norm_word`]) is the key or one of the key's words.
struct Vocab {
    entries: &'static [(&'static str, &'static [&'static str])],
}

impl Vocab {
    /// The key a cell's text means, if any.
    fn lookup(&self, s: &str) -> Option<&'static str> {
        self.find(&norm_word(s))
    }

    /// The key of a word already normalised by [`norm_word`].
    fn find(&self, w: &str) -> Option<&'static str> {
        self.entries.iter().find(|(key, words)| *key == w || words.iter().any(|x| norm_word(x) == w)).map(|(key, _)| *key)
    }
}

/// [`ledger::DonorKind`].
const DONOR_KINDS: Vocab = Vocab {
    entries: &[
        ("individual", &["个人", "自然人", "爱心人士"]),
        ("enterprise", &["企业", "公司", "单位", "企业单位"]),
        ("organisation", &["社会组织", "社会团体", "团体", "协会", "商会", "基金会"]),
        ("government", &["机关事业单位", "机关", "政府", "事业单位", "行政机关"]),
        ("anonymous", &["匿名", "匿名捐赠"]),
    ],
};

/// [`ledger::Channel`]; a platform's name is read by [`channel_key`].
const CHANNELS: Vocab = Vocab {
    entries: &[
        ("bank_transfer", &["银行转账", "转账", "银行", "对公转账", "银行汇款", "汇款", "bank"]),
        ("online_platform", &["网络募捐平台", "网络", "网络募捐", "网络平台", "网上", "线上", "互联网", "网络捐赠"]),
        ("wechat", &["微信", "微信转账", "微信支付", "wechat"]),
        ("cash", &["现金", "cash"]),
        ("other", &["其他", "其它"]),
    ],
};

/// Online fundraising platforms: a channel cell naming one (腾讯公益月捐) is `online_platform`.
const PLATFORMS: [&str; 8] = ["腾讯公益", "支付宝公益", "水滴公益", "轻松公益", "新浪微公益", "微公益", "字节跳动公益", "联劝网"];

/// [`ledger::DonationStatus`].
const DONATION_STATUSES: Vocab = Vocab {
    entries: &[
        ("received", &["已到账", "到账", "已收", "已收到", "收到", "正常"]),
        ("refunded", &["已退回", "退回", "退款", "已退款", "已退"]),
        ("cancelled", &["已取消", "取消", "作废", "已作废"]),
    ],
};

/// [`ledger::Category`]. The app's label of `project_cost`, 项目费用（6.5% 上限）, is not among
/// its words (the import has never accepted it).
const CATEGORIES: Vocab = Vocab {
    entries: &[
        ("aid", &["救助和项目支出", "救助", "项目支出", "救助支出", "公益支出", "慈善活动支出"]),
        ("project_cost", &["项目费用", "项目成本", "项目管理费", "工作经费"]),
        ("management", &["管理费用", "管理费", "行政管理费"]),
    ],
};

/// [`relief::Programme`].
const PROGRAMMES: Vocab = Vocab {
    entries: &[
        ("temporary_aid", &["临时人道救助", "临时救助", "人道救助", "困难救助"]),
        ("little_angel", &["小天使基金（白血病，0–18岁）", "小天使", "小天使基金"]),
        ("angel_sunshine", &["天使阳光基金（先心病，0–14岁）", "天使阳光", "天使阳光基金"]),
        ("boai", &["博爱送万家", "博爱", "送温暖"]),
        ("other", &["其他救助", "其他", "其它"]),
    ],
};

/// [`relief::ReliefStatus`].
const RELIEF_STATUSES: Vocab = Vocab {
    entries: &[
        ("applied", &["已申请", "申请", "申请中", "待审批", "待审核"]),
        ("approved", &["已批准", "批准", "审批通过", "已审批", "通过", "待发放"]),
        ("paid", &["已发放", "发放", "已发", "已领取", "已救助", "完成"]),
        ("rejected", &["未通过", "不通过", "未批准", "不予救助", "驳回"]),
    ],
};

/// [`relief::COUNTIES`], each also by its name without 区/县/市; [`county_name`] also drops a leading 咸宁市.
const COUNTY_NAMES: Vocab = Vocab {
    entries: &[("咸安区", &["咸安"]), ("嘉鱼县", &["嘉鱼"]), ("通城县", &["通城"]), ("崇阳县", &["崇阳"]), ("通山县", &["通山"]), ("赤壁市", &["赤壁"])],
};

/// The kinds of row in a goods sheet (a blank 记录类型 is a batch).
const GOODS_RECORDS: Vocab = Vocab {
    entries: &[
        ("batch", &["", "入库", "接收", "捐赠", "接收捐赠", "batch", "in"]),
        ("movement", &["出库", "发放", "调拨", "分配", "movement", "out"]),
        ("writeoff", &["核销", "报损", "报废", "writeoff"]),
    ],
};

/// The donor kind key for a cell (key, Chinese label or a usual word).
pub fn donor_kind_key(s: &str) -> Option<&'static str> {
    DONOR_KINDS.lookup(s)
}

/// A guess of the donor kind from the name, used when there is no 捐赠方类型 column. A blank name
/// is not taken for anonymity (it is reported as missing); write 匿名 for an anonymous gift.
pub fn infer_donor_kind(donor: &str) -> &'static str {
    let d = donor.trim();
    if d.is_empty() {
        return "individual";
    }
    if d.contains("匿名") || d == "爱心人士" {
        return "anonymous";
    }
    if ["公司", "企业", "集团", "厂", "银行", "商行", "门店", "超市", "药房", "酒店", "合作社", "店"].iter().any(|w| d.contains(w)) {
        return "enterprise";
    }
    if ["商会", "协会", "基金会", "促进会", "联合会", "学会", "慈善会", "志愿者", "社会组织", "俱乐部", "团队"].iter().any(|w| d.contains(w))
    {
        return "organisation";
    }
    if [
        "政府",
        "局",
        "委员会",
        "管委会",
        "办公室",
        "医院",
        "学校",
        "中学",
        "小学",
        "大学",
        "学院",
        "中心",
        "法院",
        "检察院",
        "街道",
        "社区",
        "村委会",
        "人大",
        "政协",
        "党委",
        "支部",
        "公安",
        "部",
    ]
    .iter()
    .any(|w| d.contains(w))
    {
        return "government";
    }
    "individual"
}

/// The channel key, and the platform when the cell names one (腾讯公益 → online_platform).
pub fn channel_key(s: &str) -> Option<(&'static str, Option<String>)> {
    let w = norm_word(s);
    if let Some(key) = CHANNELS.find(&w) {
        return Some((key, None));
    }
    PLATFORMS.iter().find(|p| w.contains(&norm_word(p))).map(|p| ("online_platform", Some(p.to_string())))
}

pub fn donation_status_key(s: &str) -> Option<&'static str> {
    DONATION_STATUSES.lookup(s)
}

pub fn category_key(s: &str) -> Option<&'static str> {
    CATEGORIES.lookup(s)
}

pub fn programme_key(s: &str) -> Option<&'static str> {
    PROGRAMMES.lookup(s)
}

pub fn relief_status_key(s: &str) -> Option<&'static str> {
    RELIEF_STATUSES.lookup(s)
}

/// A county name as written (咸安, 咸安区, 赤壁, 咸宁市赤壁市) → one of the six.
pub fn county_name(s: &str) -> Option<&'static str> {
    let w = norm_word(s);
    COUNTY_NAMES.find(w.strip_prefix("咸宁市").unwrap_or(&w))
}

/// Goods record kinds.
fn goods_record(s: &str) -> Option<&'static str> {
    GOODS_RECORDS.lookup(s)
}

// ---------------------------------------------------------------- building and validating

type IndexOf = Box<dyn Fn(&str) -> Option<usize>>;

/// `records[12].amount_fen` → 12 (the row's index among `out_rows`).
fn index_in(path: &str, array: &str) -> Option<usize> {
    let rest = path.strip_prefix(array)?.strip_prefix('[')?;
    rest[..rest.find(']')?].parse().ok()
}

struct Ids {
    used: BTreeSet<String>,
    next: BTreeMap<(String, u16), u32>,
}

impl Ids {
    fn new(given: impl Iterator<Item = String>) -> Self {
        Ids { used: given.collect(), next: BTreeMap::new() }
    }
    /// `D2020-00001`, skipping ids already in the sheet.
    fn make(&mut self, prefix: &str, date: Option<&str>, width: usize) -> String {
        let year: u16 = date.and_then(|d| d.get(..4)).and_then(|y| y.parse().ok()).unwrap_or(0);
        loop {
            let n = self.next.entry((prefix.to_string(), year)).or_insert(0);
            *n += 1;
            let id = format!("{prefix}{year:04}-{:0width$}", n);
            if self.used.insert(id.clone()) {
                return id;
            }
        }
    }
}

fn build(kind: Kind, rows: &[Parsed], has: &dyn Fn(&str) -> bool, defaults: &mut BTreeSet<String>, masked: &mut usize) -> (Output, Vec<Diagnostic>, IndexOf) {
    let mut ids = Ids::new(rows.iter().flat_map(|p| [p.text("id"), p.text("batch")]).flatten());
    let mut note = |s: String| {
        defaults.insert(s);
    };
    let example = match kind {
        Kind::Donations => Some("D2024-00001"),
        Kind::Disbursements => Some("X2024-00001"),
        Kind::Goods => Some("G2024-0001、M2024-0001、W2024-0001"),
        Kind::Relief => Some("R2024-0001"),
        Kind::Coverage => None,
    };
    if let (false, Some(example)) = (has("id"), example) {
        note(format!("表中没有“编号”列：编号按年份和行序自动生成（如 {example}），重新导入时请保持行序或补上编号列"));
    }
    match kind {
        Kind::Donations => {
            if !has("channel") {
                note("表中没有“渠道”列：渠道记为“其他”".into());
            }
            if !has("status") {
                note("表中没有“状态”列：状态记为“已到账”".into());
            }
            if !has("donor_kind") {
                note("表中没有“捐赠方类型”列：按捐赠方名称推断（公司等为企业，协会、商会等为社会组织，机关、学校、医院等为机关事业单位，其余为个人）".into());
            }
            if !has("project") {
                note("表中没有“项目”列：项目记为“未注明”".into());
            }
            if !has("directed") {
                note("表中没有“是否定向”列：写了定向用途的记为定向捐赠".into());
            }
            let mut records = Vec::new();
            let mut extra: Vec<Diagnostic> = Vec::new();
            for (i, p) in rows.iter().enumerate() {
                let path = format!("records[{i}]");
                let date = p.date("date");
                let donor = p.text("donor");
                let donor_kind = match p.text("donor_kind") {
                    Some(s) => match donor_kind_key(&s) {
                        Some(k) => Some(k.to_string()),
                        None => {
                            extra.push(Diagnostic::error(
                                ledger::DONATIONS,
                                format!("{path}.donor_kind"),
                                format!("捐赠方类型无法识别（可写 个人、企业、社会组织、机关事业单位、匿名，或 {}）", ledger::DonorKind::keys()),
                            ));
                            None
                        }
                    },
                    None => Some(infer_donor_kind(donor.as_deref().unwrap_or("")).to_string()),
                };
                let (channel, platform) = match p.text("channel") {
                    Some(s) => match channel_key(&s) {
                        Some((k, plat)) => (Some(k.to_string()), plat),
                        None => {
                            extra.push(Diagnostic::error(
                                ledger::DONATIONS,
                                format!("{path}.channel"),
                                format!("渠道无法识别（可写 银行转账、网络募捐平台、微信、现金、其他，或 {}）", ledger::Channel::keys()),
                            ));
                            (None, None)
                        }
                    },
                    None => (Some("other".to_string()), None),
                };
                let status = match p.text("status") {
                    Some(s) => match donation_status_key(&s) {
                        Some(k) => Some(k.to_string()),
                        None => {
                            extra.push(Diagnostic::error(
                                ledger::DONATIONS,
                                format!("{path}.status"),
                                format!("状态无法识别（可写 已到账、已退回、已取消，或 {}）", ledger::DonationStatus::keys()),
                            ));
                            None
                        }
                    },
                    None => Some("received".to_string()),
                };
                let directed_to = p.text("directed_to");
                let directed = p.yes_no("directed").or(if has("directed") { None } else { Some(directed_to.is_some()) });
                let id = p.text("id").unwrap_or_else(|| ids.make("D", date.as_deref(), 5));
                records.push(RawDonation {
                    id: Some(id),
                    date,
                    donor,
                    donor_kind,
                    amount_fen: p.money("amount_fen").map(RawInt::Int),
                    directed,
                    directed_to: directed_to.clone(),
                    channel,
                    platform: p.text("platform").or(platform),
                    project: p.text("project").or_else(|| (!has("project")).then(|| "未注明".to_string())),
                    receipt: p.text("receipt"),
                    status,
                    corrections: Vec::new(),
                    origin: Some("published".into()),
                    problem: None,
                });
            }
            let file = RawFile { schema: Some(ledger::DONATIONS_SCHEMA.into()), sample: Some(false), note: None, records };
            let mut diags = ledger::validate_donations(file.clone()).problems;
            diags.extend(extra);
            (Output::Donations(file), diags, Box::new(|p: &str| index_in(p, "records")))
        }
        Kind::Disbursements => {
            if !has("category") {
                note("表中没有“支出类别”列：类别记为“救助和项目支出”（aid）".into());
            }
            let mut records = Vec::new();
            let mut extra = Vec::new();
            for (i, p) in rows.iter().enumerate() {
                let date = p.date("date");
                let category = match p.text("category") {
                    Some(s) => match category_key(&s) {
                        Some(k) => Some(k.to_string()),
                        None => {
                            extra.push(Diagnostic::error(
                                ledger::DISBURSEMENTS,
                                format!("records[{i}].category"),
                                format!("支出类别无法识别（可写 救助和项目支出、项目费用、管理费用，或 {}）", ledger::Category::keys()),
                            ));
                            None
                        }
                    },
                    None => Some("aid".to_string()),
                };
                records.push(RawDisbursement {
                    id: Some(p.text("id").unwrap_or_else(|| ids.make("X", date.as_deref(), 5))),
                    date,
                    purpose: p.text("purpose"),
                    project: p.text("project"),
                    recipient: p.text("recipient"),
                    amount_fen: p.money("amount_fen").map(RawInt::Int),
                    from_donations: p.list("from_donations"),
                    category,
                    origin: Some("published".into()),
                    problem: None,
                });
            }
            let file = RawFile { schema: Some(ledger::DISBURSEMENTS_SCHEMA.into()), sample: Some(false), note: None, records };
            let mut diags = ledger::validate_disbursements(file.clone()).problems;
            diags.extend(extra);
            (Output::Disbursements(file), diags, Box::new(|p: &str| index_in(p, "records")))
        }
        Kind::Goods => {
            if !has("record") {
                note("表中没有“记录类型”列：每一行都作为入库批次导入".into());
            }
            let mut g = RawGoods { schema: Some(ledger::GOODS_SCHEMA.into()), sample: Some(false), ..Default::default() };
            // Row index of each batch, movement and write-off.
            let mut where_: Vec<(char, usize)> = Vec::new();
            let mut extra = Vec::new();
            for (i, p) in rows.iter().enumerate() {
                let date = p.date("date");
                let record = p.text("record").map(|s| goods_record(&s)).unwrap_or(Some("batch"));
                let quantity = p.count("quantity");
                match record {
                    Some("batch") => {
                        let id = p.text("id").or_else(|| p.text("batch")).unwrap_or_else(|| ids.make("G", date.as_deref(), 4));
                        let donor = p.text("donor");
                        let donor_kind = match p.text("donor_kind") {
                            Some(s) => donor_kind_key(&s).map(str::to_string),
                            None => Some(infer_donor_kind(donor.as_deref().unwrap_or("")).to_string()),
                        };
                        if donor_kind.is_none() {
                            extra.push(Diagnostic::error(ledger::GOODS, format!("batches[{}].donor_kind", g.batches.len()), "捐赠方类型无法识别".to_string()));
                        }
                        if !has("value_fen") {
                            note("表中没有“价值”列：物资价值记为 0".into());
                        }
                        where_.push(('b', i));
                        g.batches.push(RawBatch {
                            id: Some(id),
                            date,
                            donor,
                            donor_kind,
                            item: p.text("item"),
                            quantity,
                            unit: p.text("unit").or_else(|| p.count_unit("quantity")),
                            value_fen: p.money("value_fen").or(Some(0)).map(RawInt::Int),
                            directed_to: p.text("directed_to"),
                            cancelled: None,
                            note: p.text("note"),
                            origin: Some("published".into()),
                            problem: None,
                        });
                    }
                    Some("movement") => {
                        where_.push(('m', i));
                        g.movements.push(RawMovement {
                            id: Some(p.text("id").unwrap_or_else(|| ids.make("M", date.as_deref(), 4))),
                            date,
                            batch: p.text("batch"),
                            quantity,
                            destination: p.text("destination"),
                            origin: Some("published".into()),
                            problem: None,
                        });
                    }
                    Some(_) => {
                        where_.push(('w', i));
                        g.writeoffs.push(RawWriteOff {
                            id: Some(p.text("id").unwrap_or_else(|| ids.make("W", date.as_deref(), 4))),
                            date,
                            batch: p.text("batch"),
                            quantity,
                            reason: p.text("reason").or_else(|| p.text("note")),
                            origin: Some("published".into()),
                            problem: None,
                        });
                    }
                    None => extra.push(Diagnostic::error(ledger::GOODS, format!("row[{i}].record"), "记录类型无法识别（应为 入库、出库 或 核销）".to_string())),
                }
            }
            let mut diags = ledger::validate_goods(g.clone()).problems;
            diags.extend(extra);
            let index: IndexOf = Box::new(move |path: &str| {
                if let Some(row) = index_in(path, "row") {
                    return Some(row);
                }
                let (kind, n) = if let Some(n) = index_in(path, "batches") {
                    ('b', n)
                } else if let Some(n) = index_in(path, "movements") {
                    ('m', n)
                } else {
                    ('w', index_in(path, "writeoffs")?)
                };
                where_.iter().filter(|(k, _)| *k == kind).nth(n).map(|(_, i)| *i)
            });
            (Output::Goods(g), diags, index)
        }
        Kind::Relief => {
            if !has("status") {
                note("表中没有“状态”列：状态记为“已发放”".into());
            }
            let mut records = Vec::new();
            let mut extra = Vec::new();
            for (i, p) in rows.iter().enumerate() {
                let path = format!("records[{i}]");
                let date = p.date("date");
                let programme = p.text("programme").map(|s| programme_key(&s).map(str::to_string).unwrap_or(s));
                let county = p.text("county").map(|s| county_name(&s).map(str::to_string).unwrap_or(s));
                let status = match p.text("status") {
                    Some(s) => match relief_status_key(&s) {
                        Some(k) => Some(k.to_string()),
                        None => {
                            extra.push(Diagnostic::error(
                                relief::FILE,
                                format!("{path}.status"),
                                format!("状态无法识别（可写 已申请、已批准、已发放、未通过，或 {}）", relief::ReliefStatus::keys()),
                            ));
                            None
                        }
                    },
                    None => Some("paid".to_string()),
                };
                let recipient = p.text("recipient").map(|n| {
                    let m = privacy::mask_name(&n);
                    if m != n.trim() {
                        *masked += 1;
                    }
                    m
                });
                records.push(RawRelief {
                    id: Some(p.text("id").unwrap_or_else(|| ids.make("R", date.as_deref(), 4))),
                    programme,
                    date,
                    county,
                    township: p.text("township"),
                    amount_fen: p.money("amount_fen"),
                    goods: p.text("goods"),
                    status,
                    recipient,
                    medical: None,
                    origin: Some("published".into()),
                    problem: None,
                });
            }
            let file = RawReliefFile { schema: Some(relief::SCHEMA.into()), sample: Some(false), note: None, records, aggregates: Vec::new() };
            let value = serde_json::to_value(&file).expect("plain data");
            let mut diags = relief::privacy_gate(relief::FILE, &value);
            diags.extend(relief::validate(file.clone()).problems);
            diags.extend(extra);
            (Output::Relief(file), diags, Box::new(|p: &str| index_in(p, "records")))
        }
        Kind::Coverage => {
            let mut counties = Vec::new();
            for p in rows {
                let n = |k: &str| p.count(k).map(|x| x.clamp(0, u32::MAX as i64) as u32);
                counties.push(RawCounty {
                    county: p.text("county").map(|s| county_name(&s).map(str::to_string).unwrap_or(s)),
                    townships: n("townships"),
                    villages: n("villages"),
                    township_units: n("township_units"),
                    village_units: n("village_units"),
                    hospital_units: n("hospital_units"),
                    school_units: n("school_units"),
                    other_units: n("other_units"),
                    note: p.text("note"),
                    origin: Some("published".into()),
                    problem: None,
                });
            }
            let file = RawCoverage { schema: Some(gongshi_core::coverage::SCHEMA.into()), sample: Some(false), counties, ..Default::default() };
            let diags = gongshi_core::coverage::validate(file.clone()).problems;
            (Output::Coverage(file), diags, Box::new(|p: &str| index_in(p, "counties")))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const VOCABS: [(&str, &Vocab); 8] = [
        ("donor kind", &DONOR_KINDS),
        ("channel", &CHANNELS),
        ("donation status", &DONATION_STATUSES),
        ("category", &CATEGORIES),
        ("programme", &PROGRAMMES),
        ("relief status", &RELIEF_STATUSES),
        ("county", &COUNTY_NAMES),
        ("goods record", &GOODS_RECORDS),
    ];

    /// The word as it may be typed: capitals, full-width letters and digits, spaces between.
    fn loosely(w: &str) -> String {
        let wide = |c: char| if c.is_ascii_graphic() { char::from_u32(c as u32 + 0xFEE0).unwrap_or(c) } else { c };
        w.to_uppercase().chars().map(wide).map(String::from).collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn every_vocabulary_finds_each_key_by_each_of_its_words_and_refuses_others() {
        for (name, vocab) in VOCABS {
            for (key, words) in vocab.entries {
                assert_eq!(vocab.lookup(key), Some(*key), "{name}: the key itself");
                for w in *words {
                    assert_eq!(vocab.lookup(w), Some(*key), "{name}: “{w}”");
                    assert_eq!(vocab.lookup(&loosely(w)), Some(*key), "{name}: “{}”", loosely(w));
                }
            }
            for unknown in ["飞鸽传书", "已", "unknown"] {
                assert_eq!(vocab.lookup(unknown), None, "{name}: “{unknown}”");
            }
        }
    }

    /// The keys are the core's, in its order; the app's labels are read as their keys.
    fn core_list<E: Copy>(vocab: &Vocab, all: &[E], key: fn(E) -> &'static str, zh: fn(E) -> &'static str, refused_label: Option<&str>) {
        let keys: Vec<&str> = vocab.entries.iter().map(|(k, _)| *k).collect();
        assert_eq!(keys, all.iter().map(|e| key(*e)).collect::<Vec<_>>());
        for e in all {
            let expected = (refused_label != Some(key(*e))).then(|| key(*e));
            assert_eq!(vocab.lookup(zh(*e)), expected, "the label “{}”", zh(*e));
        }
    }

    #[test]
    fn vocabularies_are_the_core_lists() {
        use ledger::{Category, Channel, DonationStatus, DonorKind};
        use relief::{Programme, ReliefStatus};
        core_list(&DONOR_KINDS, DonorKind::ALL, DonorKind::key, DonorKind::zh, None);
        core_list(&CHANNELS, Channel::ALL, Channel::key, Channel::zh, None);
        core_list(&DONATION_STATUSES, DonationStatus::ALL, DonationStatus::key, DonationStatus::zh, None);
        core_list(&CATEGORIES, Category::ALL, Category::key, Category::zh, Some("project_cost"));
        core_list(&PROGRAMMES, Programme::ALL, Programme::key, Programme::zh, None);
        core_list(&RELIEF_STATUSES, ReliefStatus::ALL, ReliefStatus::key, ReliefStatus::zh, None);
        core_list(&COUNTY_NAMES, &relief::COUNTIES, |c| c, |c| c, None);
    }

    #[test]
    fn matchers_with_more_than_a_table() {
        // A platform's name anywhere in a channel cell; no channel word names a platform.
        for p in PLATFORMS {
            assert_eq!(channel_key(&format!("{p}月捐")), Some(("online_platform", Some(p.to_string()))));
        }
        for (_, words) in CHANNELS.entries {
            assert!(words.iter().all(|w| !PLATFORMS.iter().any(|p| norm_word(w).contains(&norm_word(p)))), "{words:?}");
        }
        assert_eq!(channel_key("现金"), Some(("cash", None)));
        assert_eq!(channel_key("飞鸽传书"), None);
        // A county with the city in front.
        assert_eq!(county_name("咸宁市 通山"), Some("通山县"));
        assert_eq!(county_name("咸宁市"), None);
        assert_eq!(county_name("通"), None);
        assert_eq!(goods_record(" "), Some("batch"));
    }
}
