//! Records from the rows read, in the file format; the app's validation run on them, and the
//! rows it refuses set aside, one error per bad row.

use super::headers::Columns;
use super::rows::{shorten, Parsed};
use super::vocab::{
    category_key, channel_key, county_name, donation_status_key, donor_kind_key, goods_record, infer_donor_kind, programme_key, relief_status_key,
};
use super::{CellProblem, Kind, Output, Report, RowError};
use gongshi_core::coverage::{RawCounty, RawCoverage};
use gongshi_core::diag::{Diagnostic, Severity};
use gongshi_core::ledger::{self, RawBatch, RawDisbursement, RawDonation, RawFile, RawGoods, RawInt, RawMovement, RawWriteOff};
use gongshi_core::org::Organisation;
use gongshi_core::privacy;
use gongshi_core::relief::{self, RawAggregate, RawRelief, RawReliefFile};
use std::collections::{BTreeMap, BTreeSet};

/// The row (index among the rows built) a problem's path is about.
type IndexOf = Box<dyn Fn(&str) -> Option<usize>>;

/// `records[12].amount_fen` → 12.
fn index_in(path: &str, array: &str) -> Option<usize> {
    let rest = path.strip_prefix(array)?.strip_prefix('[')?;
    rest[..rest.find(']')?].parse().ok()
}

/// Ids for rows without one, numbered per prefix and year.
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

/// The records of the rows read without problems, checked by the app's own validator; the rows
/// it finds errors in are set aside (into `report.errors`, with those errors) and the rest built
/// again, until clean. Finishes `report`: names masked, defaults applied, errors by row.
/// `org`: the divisions and programmes the records are matched against and checked by.
pub(super) fn validated(
    kind: Kind,
    rows: Vec<Parsed>,
    columns: &Columns,
    source: &str,
    sheet: &Option<String>,
    org: &Organisation,
    report: &mut Report,
) -> Output {
    let mut good: Vec<Parsed> = Vec::new();
    for p in rows {
        if p.problems.is_empty() {
            good.push(p);
        } else {
            report.errors.push(p.into_error(source, sheet));
        }
    }
    // Notes on defaults applied, kept across rebuilds.
    let mut defaults: BTreeSet<String> = BTreeSet::new();
    loop {
        let built = build(kind, &good, columns, org, &mut defaults);
        let bad = errors_by_row(built.problems, &built.row_of);
        if bad.is_empty() {
            report.masked = built.masked;
            report.notes.extend(defaults);
            report.errors.sort_by_key(|e| e.row);
            return built.output;
        }
        good = set_aside(good, &bad, source, sheet, &mut report.errors);
    }
}

/// The errors among `problems`, by the row (index among the rows built) they are about.
fn errors_by_row(problems: Vec<Diagnostic>, row_of: &IndexOf) -> BTreeMap<usize, Vec<Diagnostic>> {
    problems.into_iter().filter(|d| d.severity == Severity::Error).fold(BTreeMap::new(), |mut m, d| {
        if let Some(i) = row_of(&d.path) {
            m.entry(i).or_insert_with(Vec::new).push(d);
        }
        m
    })
}

/// The rows without errors; each of the others goes to `errors` with its errors added.
fn set_aside(rows: Vec<Parsed>, bad: &BTreeMap<usize, Vec<Diagnostic>>, source: &str, sheet: &Option<String>, errors: &mut Vec<RowError>) -> Vec<Parsed> {
    let mut keep = Vec::new();
    for (i, mut p) in rows.into_iter().enumerate() {
        match bad.get(&i) {
            None => keep.push(p),
            Some(ds) => {
                let found: Vec<CellProblem> = ds.iter().map(|d| cell_problem(&p, d)).collect();
                // “缺少渠道” beside “渠道无法识别” for the same cell says the same thing twice, and
                // wrongly: the cell is not empty.
                let said = |c: &CellProblem| found.iter().any(|o| o.column == c.column && !o.message.starts_with("缺少"));
                let found: Vec<CellProblem> = found.iter().filter(|c| !(c.message.starts_with("缺少") && c.column.is_some() && said(c))).cloned().collect();
                p.problems.extend(found);
                errors.push(p.into_error(source, sheet));
            }
        }
    }
    keep
}

/// A validator's finding as a problem of the row: in the column of the field its path ends with.
fn cell_problem(p: &Parsed, d: &Diagnostic) -> CellProblem {
    let field = d.path.rsplit('.').next().unwrap_or("");
    let col = p.cols.iter().find(|(k, _, _)| *k == field || field.starts_with(&format!("{k}["))).cloned();
    // A privacy finding never repeats the value it is about.
    let private = d.message.contains("隐私");
    CellProblem {
        column: col.as_ref().map(|c| c.1.clone()),
        value: col.as_ref().map(|c| shorten(&c.2)).filter(|v| !v.is_empty() && !private),
        message: without_keys(&strip_label(&d.message)).replace("，出于隐私保护，整个文件不予显示", "，出于隐私保护不能导入"),
    }
}

/// A validator's message without the file format's field names, which mean nothing to someone
/// importing a sheet: `缺少金额（amount_fen，单位为分）` → `缺少金额`; the row and column are
/// named beside it.
fn without_keys(m: &str) -> String {
    let mut out = String::new();
    let mut rest = m;
    while let Some(open) = rest.find('（') {
        let after = &rest[open + '（'.len_utf8()..];
        let Some(close) = after.find('）') else { break };
        let inner = &after[..close];
        let key = inner.split('，').next().unwrap_or("");
        let is_key = key.starts_with(|c: char| c.is_ascii_lowercase()) && key.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        out.push_str(&rest[..open]);
        if !is_key {
            out.push_str(&rest[open..open + '（'.len_utf8() + close + '）'.len_utf8()]);
        }
        rest = &after[close + '）'.len_utf8()..];
    }
    out.push_str(rest);
    out
}

/// Validator messages start with the record's label (`D2020-00001：…`); the row says that already.
fn strip_label(m: &str) -> String {
    match m.split_once('：') {
        Some((label, rest)) if !label.contains(' ') && label.chars().count() <= 24 && !rest.is_empty() => rest.to_string(),
        _ => m.to_string(),
    }
}

/// A file built from rows: the output, every problem found (the validator's, then the import's
/// own), where each problem's path points (the row's index), and how many names were masked.
struct Built {
    output: Output,
    problems: Vec<Diagnostic>,
    row_of: IndexOf,
    masked: usize,
}

fn build(kind: Kind, rows: &[Parsed], columns: &Columns, org: &Organisation, defaults: &mut BTreeSet<String>) -> Built {
    let ids = Ids::new(rows.iter().flat_map(|p| [p.text("id"), p.text("batch")]).flatten());
    let mut b = Builder { columns, org, ids, defaults, masked: 0, extra: Vec::new() };
    b.note_generated_ids(kind);
    match kind {
        Kind::Donations => b.donations(rows),
        Kind::Disbursements => b.disbursements(rows),
        Kind::Goods => b.goods(rows),
        Kind::Relief => b.relief(rows),
        Kind::Coverage => b.coverage(rows),
    }
}

/// What building records needs besides the rows.
struct Builder<'a> {
    columns: &'a Columns,
    org: &'a Organisation,
    /// Ids made for rows without one.
    ids: Ids,
    /// Notes on defaults applied.
    defaults: &'a mut BTreeSet<String>,
    masked: usize,
    /// The import's own problems (a word the vocabulary does not know).
    extra: Vec<Diagnostic>,
}

/// `捐赠方类型无法识别（可写 个人、…，或 individual、…）`.
fn unknown_word(what: &str, words: &str, keys: String) -> String {
    format!("{what}无法识别（可写 {words}，或 {keys}）")
}

impl Builder<'_> {
    fn has(&self, key: &str) -> bool {
        self.columns.has(key)
    }

    /// Notes `note` when the sheet has no column for the field `key`.
    fn note_missing(&mut self, key: &str, note: &str) {
        if !self.has(key) {
            self.defaults.insert(note.to_string());
        }
    }

    fn note_generated_ids(&mut self, kind: Kind) {
        let example = match kind {
            Kind::Donations => "D2024-00001",
            Kind::Disbursements => "X2024-00001",
            Kind::Goods => "G2024-0001、M2024-0001、W2024-0001",
            Kind::Relief => "R2024-0001",
            Kind::Coverage => return,
        };
        self.note_missing("id", &format!("表中没有“编号”列：编号按年份和行序自动生成（如 {example}），重新导入时请保持行序或补上编号列"));
    }

    /// An error of the import's own, at `path` in `file`.
    fn refuse(&mut self, file: &str, path: String, message: String) {
        self.extra.push(Diagnostic::error(file, path, message));
    }

    /// The key as text; when the word was not understood (`key` is `None`), an error at `path`.
    fn understood(&mut self, key: Option<&'static str>, file: &str, path: String, message: impl FnOnce() -> String) -> Option<String> {
        if key.is_none() {
            self.refuse(file, path, message());
        }
        key.map(str::to_string)
    }

    /// The file built: the validator's problems, then the import's own.
    fn done(self, output: Output, mut problems: Vec<Diagnostic>, row_of: IndexOf) -> Built {
        problems.extend(self.extra);
        Built { output, problems, row_of, masked: self.masked }
    }

    fn donations(mut self, rows: &[Parsed]) -> Built {
        self.note_missing("channel", "表中没有“渠道”列：渠道记为“其他”");
        self.note_missing("status", "表中没有“状态”列：状态记为“已到账”");
        self.note_missing(
            "donor_kind",
            "表中没有“捐赠方类型”列：按捐赠方名称推断（公司等为企业，协会、商会等为社会组织，机关、学校、医院等为机关事业单位，其余为个人）",
        );
        self.note_missing("project", "表中没有“项目”列：项目记为“未注明”");
        self.note_missing("directed", "表中没有“是否定向”列：写了定向用途的记为定向捐赠");
        let records: Vec<RawDonation> = rows.iter().enumerate().map(|(i, p)| self.donation(i, p)).collect();
        let file = RawFile { schema: Some(ledger::DONATIONS_SCHEMA.into()), sample: Some(false), note: None, records, corrections: Vec::new() };
        let problems = ledger::validate_donations(file.clone()).findings;
        self.done(Output::Donations(file), problems, Box::new(|p: &str| index_in(p, "records")))
    }

    fn donation(&mut self, i: usize, p: &Parsed) -> RawDonation {
        let path = format!("records[{i}]");
        let date = p.date("date");
        let donor = p.text("donor");
        let donor_kind = match p.text("donor_kind") {
            Some(s) => self.understood(donor_kind_key(&s), ledger::DONATIONS, format!("{path}.donor_kind"), || {
                unknown_word("捐赠方类型", "个人、企业、社会组织、机关事业单位、匿名", ledger::DonorKind::keys())
            }),
            None => Some(infer_donor_kind(donor.as_deref().unwrap_or("")).to_string()),
        };
        let (channel, platform) = match p.text("channel").map(|s| channel_key(&s)) {
            Some(Some((k, platform))) => (Some(k.to_string()), platform),
            Some(None) => {
                self.refuse(
                    ledger::DONATIONS,
                    format!("{path}.channel"),
                    unknown_word("渠道", "银行转账、网络募捐平台、微信、现金、其他", ledger::Channel::keys()),
                );
                (None, None)
            }
            None => (Some("other".to_string()), None),
        };
        let status = match p.text("status") {
            Some(s) => self.understood(donation_status_key(&s), ledger::DONATIONS, format!("{path}.status"), || {
                unknown_word("状态", "已到账、已退回、已取消", ledger::DonationStatus::keys())
            }),
            None => Some("received".to_string()),
        };
        let directed_to = p.text("directed_to");
        let directed = p.yes_no("directed").or(if self.has("directed") { None } else { Some(directed_to.is_some()) });
        let id = p.text("id").unwrap_or_else(|| self.ids.make("D", date.as_deref(), 5));
        RawDonation {
            id: Some(id),
            date,
            donor,
            donor_kind,
            amount_fen: p.money("amount_fen").map(RawInt::Int),
            directed,
            directed_to: directed_to.clone(),
            channel,
            platform: p.text("platform").or(platform),
            project: p.text("project").or_else(|| (!self.has("project")).then(|| "未注明".to_string())),
            receipt: p.text("receipt"),
            status,
            corrections: Vec::new(),
            origin: Some("published".into()),
            problem: None,
        }
    }

    fn disbursements(mut self, rows: &[Parsed]) -> Built {
        self.note_missing("category", "表中没有“支出类别”列：类别记为“救助和项目支出”（aid）");
        let mut records = Vec::new();
        for (i, p) in rows.iter().enumerate() {
            let date = p.date("date");
            let category = match p.text("category") {
                Some(s) => self.understood(category_key(&s), ledger::DISBURSEMENTS, format!("records[{i}].category"), || {
                    unknown_word("支出类别", "救助和项目支出、项目费用、管理费用", ledger::Category::keys())
                }),
                None => Some("aid".to_string()),
            };
            records.push(RawDisbursement {
                id: Some(p.text("id").unwrap_or_else(|| self.ids.make("X", date.as_deref(), 5))),
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
        let file = RawFile { schema: Some(ledger::DISBURSEMENTS_SCHEMA.into()), sample: Some(false), note: None, records, corrections: Vec::new() };
        let problems = ledger::validate_disbursements(file.clone()).findings;
        self.done(Output::Disbursements(file), problems, Box::new(|p: &str| index_in(p, "records")))
    }

    /// Each row is a batch, a movement or a write-off, by its 记录类型 (a batch without one).
    fn goods(mut self, rows: &[Parsed]) -> Built {
        self.note_missing("record", "表中没有“记录类型”列：每一行都作为入库批次导入");
        let mut g = RawGoods { schema: Some(ledger::GOODS_SCHEMA.into()), sample: Some(false), ..Default::default() };
        // Row index of each batch, movement and write-off.
        let mut rows_of: Vec<(char, usize)> = Vec::new();
        for (i, p) in rows.iter().enumerate() {
            match p.text("record").map(|s| goods_record(&s)).unwrap_or(Some("batch")) {
                Some("batch") => {
                    let batch = self.goods_batch(p, g.batches.len());
                    rows_of.push(('b', i));
                    g.batches.push(batch);
                }
                Some("movement") => {
                    rows_of.push(('m', i));
                    g.movements.push(self.goods_movement(p));
                }
                Some(_) => {
                    rows_of.push(('w', i));
                    g.writeoffs.push(self.goods_writeoff(p));
                }
                None => self.refuse(ledger::GOODS, format!("row[{i}].record"), "记录类型无法识别（应为 入库、出库 或 核销）".to_string()),
            }
        }
        let problems = ledger::validate_goods(g.clone()).findings;
        self.done(Output::Goods(g), problems, goods_row_of(rows_of))
    }

    /// A batch row; `n` is its index among the batches.
    fn goods_batch(&mut self, p: &Parsed, n: usize) -> RawBatch {
        let date = p.date("date");
        let id = p.text("id").or_else(|| p.text("batch")).unwrap_or_else(|| self.ids.make("G", date.as_deref(), 4));
        let donor = p.text("donor");
        let donor_kind = match p.text("donor_kind") {
            Some(s) => donor_kind_key(&s).map(str::to_string),
            None => Some(infer_donor_kind(donor.as_deref().unwrap_or("")).to_string()),
        };
        if donor_kind.is_none() {
            self.refuse(ledger::GOODS, format!("batches[{n}].donor_kind"), "捐赠方类型无法识别".to_string());
        }
        self.note_missing("value_fen", "表中没有“价值”列：物资价值记为 0");
        RawBatch {
            id: Some(id),
            date,
            donor,
            donor_kind,
            item: p.text("item"),
            quantity: p.count("quantity"),
            unit: p.text("unit").or_else(|| p.count_unit("quantity")),
            value_fen: p.money("value_fen").or(Some(0)).map(RawInt::Int),
            directed_to: p.text("directed_to"),
            cancelled: None,
            note: p.text("note"),
            origin: Some("published".into()),
            problem: None,
        }
    }

    fn goods_movement(&mut self, p: &Parsed) -> RawMovement {
        let date = p.date("date");
        RawMovement {
            id: Some(p.text("id").unwrap_or_else(|| self.ids.make("M", date.as_deref(), 4))),
            date,
            batch: p.text("batch"),
            quantity: p.count("quantity"),
            destination: p.text("destination"),
            origin: Some("published".into()),
            problem: None,
        }
    }

    fn goods_writeoff(&mut self, p: &Parsed) -> RawWriteOff {
        let date = p.date("date");
        RawWriteOff {
            id: Some(p.text("id").unwrap_or_else(|| self.ids.make("W", date.as_deref(), 4))),
            date,
            batch: p.text("batch"),
            quantity: p.count("quantity"),
            reason: p.text("reason").or_else(|| p.text("note")),
            origin: Some("published".into()),
            problem: None,
        }
    }

    fn relief(mut self, rows: &[Parsed]) -> Built {
        if self.has("people") && !self.has("recipient") && !self.has("date") {
            return self.relief_aggregates(rows);
        }
        self.note_missing("status", "表中没有“状态”列：状态记为“已发放”");
        let records: Vec<RawRelief> = rows.iter().enumerate().map(|(i, p)| self.relief_record(i, p)).collect();
        let file =
            RawReliefFile { schema: Some(relief::SCHEMA.into()), sample: Some(false), note: None, records, aggregates: Vec::new(), corrections: Vec::new() };
        let value = serde_json::to_value(&file).expect("plain data");
        let mut problems = relief::privacy_gate(relief::FILE, &value, self.org);
        problems.extend(relief::validate(file.clone(), self.org).findings);
        self.done(Output::Relief(file), problems, Box::new(|p: &str| index_in(p, "records")))
    }

    /// An aggregates sheet (县、年度、人数、金额 per programme): the cells, with the small-cell rule
    /// applied as `gongshi mask` applies it (cells of 1–4 people, and cells a total would give
    /// away, lose their count and amount), and what it withheld said in a note.
    fn relief_aggregates(self, rows: &[Parsed]) -> Built {
        // Totals have no ids: the note on generated ids is not about them.
        self.defaults.retain(|n| !n.starts_with("表中没有“编号”列"));
        let mut cells: Vec<RawAggregate> = rows
            .iter()
            .map(|p| {
                let county = p.text("county").map(|s| {
                    let w: String = s.chars().filter(|c| !c.is_whitespace()).collect();
                    if ["全市", "全县", "全区", "合计", "全部", "总计"].contains(&w.as_str()) || w == self.org.whole_area_in(gongshi_core::Lang::Zh)
                    {
                        relief::WHOLE_AREA.to_string()
                    } else {
                        county_name(self.org, &s).unwrap_or(s)
                    }
                });
                RawAggregate {
                    programme: p.text("programme").map(|s| programme_key(self.org, &s).unwrap_or(s)),
                    county,
                    year: p.text("year").and_then(|y| y.chars().filter(char::is_ascii_digit).collect::<String>().parse().ok()),
                    people: p.count("people").and_then(|n| u32::try_from(n).ok()),
                    amount_fen: p.money("amount_fen"),
                    suppressed: None,
                    origin: Some("published".into()),
                    problem: None,
                }
            })
            .collect();
        let withheld = relief::suppress_small_cells(&mut cells);
        if withheld > 0 {
            self.defaults.insert(format!(
                "{withheld} 个汇总格子不公布人数和金额（少于 {} 人，或能由合计推算出这样的格子），写作 \"people\": null, \"suppressed\": true",
                relief::MIN_CELL
            ));
        }
        let file = RawReliefFile {
            schema: Some(relief::SCHEMA.into()),
            sample: Some(false),
            note: None,
            records: Vec::new(),
            aggregates: cells,
            corrections: Vec::new(),
        };
        let value = serde_json::to_value(&file).expect("plain data");
        let mut problems = relief::privacy_gate(relief::FILE, &value, self.org);
        problems.extend(relief::validate(file.clone(), self.org).findings);
        self.done(Output::Relief(file), problems, Box::new(|p: &str| index_in(p, "aggregates")))
    }

    /// A relief record, its recipient's name masked.
    fn relief_record(&mut self, i: usize, p: &Parsed) -> RawRelief {
        let date = p.date("date");
        let programme = p.text("programme").map(|s| programme_key(self.org, &s).unwrap_or(s));
        let county = p.text("county").map(|s| county_name(self.org, &s).unwrap_or(s));
        let status = match p.text("status") {
            Some(s) => self.understood(relief_status_key(&s), relief::FILE, format!("records[{i}].status"), || {
                unknown_word("状态", "已申请、已批准、已发放、未通过", relief::ReliefStatus::keys())
            }),
            None => Some("paid".to_string()),
        };
        let recipient = p.text("recipient").map(|n| {
            let m = privacy::mask_name(&n);
            if m != n.trim() {
                self.masked += 1;
            }
            m
        });
        RawRelief {
            id: Some(p.text("id").unwrap_or_else(|| self.ids.make("R", date.as_deref(), 4))),
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
        }
    }

    fn coverage(self, rows: &[Parsed]) -> Built {
        let mut counties = Vec::new();
        for p in rows {
            let n = |k: &str| p.count(k).map(|x| x.clamp(0, u32::MAX as i64) as u32);
            counties.push(RawCounty {
                county: p.text("county").map(|s| county_name(self.org, &s).unwrap_or(s)),
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
        let problems = gongshi_core::coverage::validate(file.clone(), self.org).findings;
        self.done(Output::Coverage(file), problems, Box::new(|p: &str| index_in(p, "counties")))
    }
}

/// A goods problem's row: by `row[i]`, or by the index of its batch, movement or write-off.
fn goods_row_of(rows_of: Vec<(char, usize)>) -> IndexOf {
    Box::new(move |path: &str| {
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
        rows_of.iter().filter(|(k, _)| *k == kind).nth(n).map(|(_, i)| *i)
    })
}

#[cfg(test)]
mod tests {
    use super::without_keys;

    #[test]
    fn field_names_are_taken_out_of_messages_for_the_sheet() {
        assert_eq!(without_keys("缺少金额（amount_fen，单位为分）"), "缺少金额");
        assert_eq!(without_keys("须写明救助金额（amount_fen）或物资（goods）"), "须写明救助金额或物资");
        assert_eq!(without_keys("定向捐赠须写明定向用途（directed_to）。"), "定向捐赠须写明定向用途。");
        // Chinese asides stay.
        assert_eq!(without_keys("金额不合理（应为正数）"), "金额不合理（应为正数）");
        assert_eq!(without_keys("（如 D2024-00001）"), "（如 D2024-00001）");
    }
}
