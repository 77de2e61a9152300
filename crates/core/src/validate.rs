//! The one validation context: every dataset's `validate` records its findings in a [`Ctx`] and
//! checks its fields with the context's shared checks, so a field means the same thing, is
//! reported at the same kind of path and is worded the same way in every file.
//!
//! A [`Ctx`] holds the file's name and the findings so far; [`Item`] and [`Field`] are JSON
//! paths (`records[3]`, `records[3].date`, `records[3].corrections[0].text`) written out only
//! when there is something to report (formatting every field's path of a large ledger costs a
//! tenth of its load time). The shared checks: a record's id (given, not repeated), required
//! text, dates (with their precision; required or optional), money in fen (an integer, never a
//! float), positive quantities, keyed values ([`crate::keyed_enum`] keys and their Chinese
//! words), a record's origin (published, sample, or the report's problem), free text that must
//! not point at a household, the file's sample flag, the file's money total and its correction
//! notes.
//!
//! Messages: in Chinese, prefixed by the record's label (`D2021-00042：缺少日期`) when there is
//! one (an empty label leaves the prefix out), with an English text where the dataset has one
//! ([`English`]). The helpers are not generic where they can help it (the app links this crate
//! into its wasm).

use crate::correction::{Note, RawNote};
use crate::date::PartialDate;
use crate::diag::{Checked, Diagnostic, Severity};
use crate::ledger::{Origin, RawInt};
use crate::money::Fen;
use std::fmt::{self, Display};

/// Ids seen so far in a file (borrowed from the parsed records; a fast hash, as a ledger has
/// hundreds of thousands of them).
pub type Seen<'r> = std::collections::HashSet<&'r str, crate::index::FastHash>;

/// `list[index]`: a record's place in the file, e.g. `records[3]` or, with a [`Field`] as the
/// list, `records[3].corrections[0]`.
#[derive(Clone, Copy)]
pub struct Item<'a> {
    list: &'a dyn Display,
    index: usize,
}

impl<'a> Item<'a> {
    pub fn new(list: &'a dyn Display, index: usize) -> Self {
        Item { list, index }
    }

    /// The 0-based index in its list.
    pub fn index(&self) -> usize {
        self.index
    }

    /// A field of this record: `records[3].date`.
    pub fn field<'b>(&'b self, name: &'b str) -> Field<'b> {
        Field { of: self, name }
    }
}

impl Display for Item<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}[{}]", self.list, self.index)
    }
}

/// `of.name`: a field of a record (or of a field), e.g. `records[3].date` or
/// `batches[0].cancelled.date`.
#[derive(Clone, Copy)]
pub struct Field<'a> {
    of: &'a dyn Display,
    name: &'a str,
}

impl<'a> Field<'a> {
    pub fn new(of: &'a dyn Display, name: &'a str) -> Self {
        Field { of, name }
    }

    /// A field of this field: `batches[0].cancelled.date`.
    pub fn field<'b>(&'b self, name: &'b str) -> Field<'b> {
        Field { of: self, name }
    }
}

impl Display for Field<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.of, self.name)
    }
}

/// Whether, and how, a dataset's field findings are given in English.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum English {
    /// Chinese only (relief's record checks, the manifest's dates): the English page shows the
    /// Chinese text, labelled as such.
    No,
    /// About the field only: the record is still shown (the report's dates).
    Field,
    /// The record is left out, and the English text says so (the ledgers).
    Record,
}

/// What a record's origin may say.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origins {
    /// A seed record names a problem of the report, 1–99; a finding about a seed record's
    /// missing problem is at `.problem`, any other at `.origin` (the ledgers).
    Ledger,
    /// Any problem number; findings at `.origin` (relief, coverage).
    Any,
}

/// A position in the findings ([`Ctx::mark`]): what was found since tells whether a record is
/// usable.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mark(usize);

/// The validation context of one file: its name and its findings, in the order found.
pub struct Ctx<'f> {
    file: &'f str,
    findings: Vec<Diagnostic>,
}

/// `label：message`, or the message alone for an empty label.
fn prefixed(label: &str, message: fmt::Arguments<'_>) -> String {
    if label.is_empty() {
        message.to_string()
    } else {
        format!("{label}：{message}")
    }
}

impl<'f> Ctx<'f> {
    pub fn new(file: &'f str) -> Self {
        Ctx { file, findings: Vec::new() }
    }

    /// The data file, as the findings name it.
    pub fn file(&self) -> &'f str {
        self.file
    }

    /// The validated value with every finding.
    pub fn finish<T>(self, value: T) -> Checked<T> {
        Checked { value, findings: self.findings }
    }

    /// The findings so far.
    pub fn findings(&self) -> &[Diagnostic] {
        &self.findings
    }

    pub fn mark(&self) -> Mark {
        Mark(self.findings.len())
    }

    /// What was found since `mark`.
    pub fn since(&self, mark: Mark) -> &[Diagnostic] {
        &self.findings[mark.0..]
    }

    /// Nothing found since `mark`: the record is usable.
    pub fn clean_since(&self, mark: Mark) -> bool {
        self.findings.len() == mark.0
    }

    /// Only warnings found since `mark`.
    pub fn only_warnings_since(&self, mark: Mark) -> bool {
        self.since(mark).iter().all(|d| d.severity == Severity::Warning)
    }

    #[inline(never)]
    fn push(&mut self, severity: Severity, path: &dyn Display, message: String, message_en: Option<String>) {
        self.findings.push(Diagnostic { severity, file: self.file.to_string(), path: path.to_string(), line: None, column: None, message, message_en });
    }

    /// An error at `path`, in Chinese only.
    pub fn error(&mut self, path: &dyn Display, zh: impl Into<String>) {
        self.push(Severity::Error, path, zh.into(), None);
    }

    /// An error at `path`, in Chinese and English.
    pub fn error_en(&mut self, path: &dyn Display, zh: impl Into<String>, en: impl Into<String>) {
        self.push(Severity::Error, path, zh.into(), Some(en.into()));
    }

    /// A warning at `path`, in Chinese only.
    pub fn warning(&mut self, path: &dyn Display, zh: impl Into<String>) {
        self.push(Severity::Warning, path, zh.into(), None);
    }

    /// A warning at `path`, in Chinese and English.
    pub fn warning_en(&mut self, path: &dyn Display, zh: impl Into<String>, en: impl Into<String>) {
        self.push(Severity::Warning, path, zh.into(), Some(en.into()));
    }

    /// Findings made elsewhere (e.g. the organisation's own checks).
    pub fn extend(&mut self, findings: Vec<Diagnostic>) {
        self.findings.extend(findings);
    }

    // ------------------------------------------------------------ shared checks

    /// The file's correction notes ([`crate::correction`]), their findings added here.
    pub fn corrections(&mut self, raw: &[RawNote]) -> Vec<Note> {
        crate::correction::check_into(self, raw)
    }

    /// A record's id at `at.id`: given, and not seen before in the file (`seen`).
    #[inline(never)]
    pub fn id<'r>(&mut self, v: &'r Option<String>, seen: &mut Seen<'r>, at: &dyn Display, index: usize) -> Option<String> {
        let path = Field::new(at, "id");
        match v {
            Some(id) if !id.trim().is_empty() => {
                if seen.insert(id.as_str()) {
                    Some(id.clone())
                } else {
                    self.error_en(
                        &path,
                        format!("编号“{id}”重复，这一条未显示"),
                        format!("{path}: the id “{id}” appears more than once; this record is not shown"),
                    );
                    None
                }
            }
            _ => {
                self.error_en(&path, format!("第 {} 条记录缺少编号", index + 1), format!("{path}: record {} has no id", index + 1));
                None
            }
        }
    }

    /// Required text: given and not blank; else "缺少`what`".
    #[inline(never)]
    pub fn text(&mut self, v: &Option<String>, path: &dyn Display, what: &str, label: &str) -> Option<String> {
        match v {
            Some(s) if !s.trim().is_empty() => Some(s.clone()),
            _ => {
                self.error_en(path, prefixed(label, format_args!("缺少{what}")), format!("{path}: missing"));
                None
            }
        }
    }

    /// A required date (day, month or year precision) that exists.
    #[inline(never)]
    pub fn date(&mut self, v: Option<&str>, path: &dyn Display, label: &str, english: English) -> Option<PartialDate> {
        match v {
            Some(s) => self.date_text(s, path, label, english),
            None => {
                let en = (english != English::No).then(|| format!("{path}: the date is missing"));
                self.push(Severity::Error, path, prefixed(label, format_args!("缺少日期")), en);
                None
            }
        }
    }

    /// An optional date: `Some(None)` when absent, `None` when given but not a date that exists.
    #[inline(never)]
    pub fn opt_date(&mut self, v: Option<&str>, path: &dyn Display, label: &str, english: English) -> Option<Option<PartialDate>> {
        match v {
            None => Some(None),
            Some(s) => self.date_text(s, path, label, english).map(Some),
        }
    }

    fn date_text(&mut self, s: &str, path: &dyn Display, label: &str, english: English) -> Option<PartialDate> {
        match PartialDate::parse(s) {
            Ok(d) => Some(d),
            Err(e) => {
                let en = match english {
                    English::No => None,
                    English::Field => Some(format!("{path}: “{s}” is not a date that exists (YYYY-MM-DD, YYYY-MM or YYYY)")),
                    English::Record => Some(format!("{path}: “{s}” is not a date that exists (YYYY-MM-DD, YYYY-MM or YYYY); this record is not shown")),
                };
                self.push(Severity::Error, path, prefixed(label, format_args!("{e}")), en);
                None
            }
        }
    }

    /// An amount in fen: a JSON integer (never a decimal, a string or a float), positive (or
    /// zero when `allow_zero`), at most [`crate::money::MAX_RECORD`].
    #[inline(never)]
    pub fn money(&mut self, v: &Option<RawInt>, path: &dyn Display, label: &str, allow_zero: bool) -> Option<Fen> {
        match v {
            Some(RawInt::Int(x)) if *x > crate::money::MAX_RECORD => {
                self.error_en(
                    path,
                    format!("{label}：金额 {x} 分（{}）超过一条记录可能的金额（1000亿元），请核对是否多写了位数或把收据号填进了金额栏，这一条未显示", Fen(*x)),
                    format!("{path}: an amount of {x} fen is more than any one record can hold (100 billion yuan); check for extra digits or a receipt number in the amount column; this record is not shown"),
                );
                None
            }
            Some(RawInt::Int(x)) if *x > 0 || (allow_zero && *x == 0) => Some(Fen(*x)),
            Some(RawInt::Int(x)) => {
                self.error_en(
                    path,
                    format!("{label}：金额 {x} 分不合理（应为正数，单位为分）"),
                    format!("{path}: an amount of {x} fen is not valid (it must be positive, in fen)"),
                );
                None
            }
            Some(RawInt::Other(raw)) => {
                self.error_en(
                    path,
                    format!("{label}：金额 {raw} 不是整数的分（amount_fen 以分为单位，应为不带引号、逗号和小数点的整数，如 123456 表示 1234.56 元），这一条未显示"),
                    format!("{path}: the amount {raw} is not a whole number of fen (amount_fen must be an integer without quotes, commas or decimals, e.g. 123456 for 1234.56 yuan); this record is not shown"),
                );
                None
            }
            None => {
                self.error_en(path, format!("{label}：缺少金额（amount_fen，单位为分）"), format!("{path}: the amount (amount_fen, in fen) is missing"));
                None
            }
        }
    }

    /// A quantity: given, a positive integer.
    #[inline(never)]
    pub fn quantity(&mut self, v: Option<i64>, path: &dyn Display, label: &str) -> Option<i64> {
        match v {
            Some(x) if x > 0 => Some(x),
            Some(x) => {
                self.error(path, format!("{label}：数量 {x} 不合理（应为正整数）"));
                None
            }
            None => {
                self.error(path, format!("{label}：缺少数量"));
                None
            }
        }
    }

    /// A keyed value (one of a [`crate::keyed_enum`]'s keys; `what` is its Chinese name, `keys`
    /// lists the keys for the message and is called only when there is one).
    pub fn keyed<T>(
        &mut self,
        v: &Option<String>,
        parse: fn(&str) -> Option<T>,
        keys: fn() -> String,
        path: &dyn Display,
        what: &str,
        label: &str,
    ) -> Option<T> {
        match v.as_deref() {
            Some(s) => match parse(s) {
                Some(x) => Some(x),
                None => {
                    self.unknown_key(s, &keys(), path, what, label);
                    None
                }
            },
            None => {
                self.error_en(path, format!("{label}：缺少{what}"), format!("{path}: missing"));
                None
            }
        }
    }

    #[inline(never)]
    fn unknown_key(&mut self, s: &str, keys: &str, path: &dyn Display, what: &str, label: &str) {
        self.error_en(
            path,
            format!("{label}：{what}“{s}”无法识别（应为 {keys}）"),
            format!("{path}: “{s}” is not one of the allowed values ({keys}); this record is not shown"),
        );
    }

    /// A record's origin (`origin`, and `problem` for a seed record) under `at`.
    #[inline(never)]
    pub fn origin(&mut self, origin: &Option<String>, problem: Option<u32>, at: &dyn Display, label: &str, rule: Origins) -> Option<Origin> {
        let problem = match rule {
            Origins::Ledger => problem.filter(|n| (1..=99).contains(n)),
            Origins::Any => problem,
        };
        match Origin::from_raw(origin.as_deref(), problem) {
            Ok(o) => Some(o),
            Err(m) => {
                let field = if rule == Origins::Ledger && origin.as_deref() == Some("seed") { "problem" } else { "origin" };
                self.error(&Field::new(at, field), prefixed(label, format_args!("{m}")));
                None
            }
        }
    }

    /// Free text that must not point at a household ([`crate::privacy::household_in_text`]):
    /// an error, and the record is not shown.
    #[inline(never)]
    pub fn no_household(&mut self, v: &Option<String>, path: &dyn Display, what: &str, label: &str) {
        if let Some(found) = v.as_deref().and_then(crate::privacy::household_in_text) {
            self.error_en(
                path,
                format!("{label}：{what}含有{found}；只能写到乡镇（街道）、村（社区）或单位，出于隐私保护，这一条不予显示"),
                format!("{path}: names a household ({found}); write only the township, the village or community, or the organisation; to protect privacy this record is not shown"),
            );
        }
    }

    /// The file's `sample` flag against its records: a file declared real (`sample: false`)
    /// must hold no sample record; an undeclared one is a warning when `must_declare`.
    #[inline(never)]
    pub fn sample_flag(&mut self, declared: Option<bool>, any_sample: bool, must_declare: bool) {
        match declared {
            Some(false) if any_sample => self.error(&"sample", "文件标为真实数据（sample: false），但含有示例记录"),
            None if must_declare => self.warning(&"sample", "文件没有说明是否含示例数据（sample）"),
            _ => {}
        }
    }

    /// Whether the file's amounts add up to at most [`crate::money::MAX_FILE_TOTAL`]; when
    /// not, one error says why (the caller drops the records, so no total the app computes can
    /// overflow).
    pub fn total_within_bounds(&mut self, amounts: impl IntoIterator<Item = Fen>) -> bool {
        let ok = Fen::bounded_total(amounts).is_some();
        if !ok {
            self.total_out_of_bounds();
        }
        ok
    }

    #[inline(never)]
    fn total_out_of_bounds(&mut self) {
        self.error_en(
            &"",
            "文件中的金额合计超过 10 万亿元，超出可核算的范围（多半是金额单位或位数有误），整个文件不予显示",
            "The amounts in this file add up to more than 10 trillion yuan, beyond what can be reckoned (most likely a wrong unit or extra digits); the whole file is not shown",
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_written_out_as_json_paths() {
        let rec = Item::new(&"records", 3);
        assert_eq!(rec.to_string(), "records[3]");
        assert_eq!(rec.field("date").to_string(), "records[3].date");
        let list = rec.field("corrections");
        let note = Item::new(&list, 0);
        assert_eq!(note.field("text").to_string(), "records[3].corrections[0].text");
        let batch = Item::new(&"batches", 1);
        assert_eq!(batch.field("cancelled").field("date").to_string(), "batches[1].cancelled.date");
    }

    #[test]
    fn labels_prefix_messages_unless_empty() {
        let mut c = Ctx::new("x.json");
        assert_eq!(c.text(&None, &"title", "报告标题", ""), None);
        assert_eq!(c.text(&Some(" ".into()), &"records[0].donor", "捐赠方", "D1"), None);
        assert_eq!(c.text(&Some("甲".into()), &"records[1].donor", "捐赠方", "D2").as_deref(), Some("甲"));
        let m: Vec<(&str, &str, Option<&str>)> = c.findings().iter().map(|d| (d.path.as_str(), d.message.as_str(), d.message_en.as_deref())).collect();
        assert_eq!(m, [("title", "缺少报告标题", Some("title: missing")), ("records[0].donor", "D1：缺少捐赠方", Some("records[0].donor: missing"))]);
    }

    #[test]
    fn dates_keep_their_precision_and_english_as_the_dataset_gives_it() {
        let mut c = Ctx::new("x.json");
        assert_eq!(c.date(Some("2021-06"), &"a", "L", English::Record).map(|d| (d.month, d.day)), Some((Some(6), None)));
        assert_eq!(c.opt_date(None, &"b", "", English::Field), Some(None));
        assert!(c.findings().is_empty());
        assert_eq!(c.date(None, &"c", "L", English::No), None);
        assert_eq!(c.date(None, &"d", "L", English::Record), None);
        assert_eq!(c.opt_date(Some("2021-02-30"), &"e", "", English::Field), None);
        assert_eq!(c.date(Some("2021-02-30"), &"f", "L", English::Record), None);
        assert_eq!(c.date(Some("2021-02-30"), &"g", "L", English::No), None);
        let f = c.findings();
        assert_eq!((f[0].message.as_str(), f[0].message_en.as_deref()), ("L：缺少日期", None));
        assert_eq!(f[1].message_en.as_deref(), Some("d: the date is missing"));
        assert_eq!(f[2].message, "日期“2021-02-30”不存在：2021 年 2 月没有 30 日");
        assert_eq!(f[2].message_en.as_deref(), Some("e: “2021-02-30” is not a date that exists (YYYY-MM-DD, YYYY-MM or YYYY)"));
        assert!(f[3].message.starts_with("L：日期") && f[3].message_en.as_deref().unwrap().ends_with("; this record is not shown"));
        assert_eq!(f[4].message_en, None);
    }

    #[test]
    fn money_is_whole_positive_fen_within_one_record() {
        let mut c = Ctx::new("x.json");
        let m = |c: &mut Ctx, v: Option<RawInt>, zero: bool| c.money(&v, &"p", "L", zero);
        assert_eq!(m(&mut c, Some(RawInt::Int(1)), false), Some(Fen(1)));
        assert_eq!(m(&mut c, Some(RawInt::Int(0)), true), Some(Fen(0)));
        assert_eq!(m(&mut c, Some(RawInt::Int(crate::money::MAX_RECORD)), false), Some(Fen(crate::money::MAX_RECORD)));
        assert!(c.findings().is_empty());
        assert_eq!(m(&mut c, Some(RawInt::Int(0)), false), None);
        assert_eq!(m(&mut c, Some(RawInt::Int(-1)), true), None);
        assert_eq!(m(&mut c, Some(RawInt::Int(crate::money::MAX_RECORD + 1)), false), None);
        assert_eq!(m(&mut c, Some(RawInt::Other("1.5".into())), false), None);
        assert_eq!(m(&mut c, None, false), None);
        assert_eq!(c.findings().len(), 5);
    }

    #[test]
    fn ids_are_given_once() {
        let ids = [Some("A".to_string()), Some("A".to_string()), Some(" ".to_string()), Some("B".to_string())];
        let mut c = Ctx::new("x.json");
        let mut seen = Seen::default();
        let got: Vec<Option<String>> = ids.iter().enumerate().map(|(i, v)| c.id(v, &mut seen, &Item::new(&"records", i), i)).collect();
        assert_eq!(got, [Some("A".into()), None, None, Some("B".into())]);
        let paths: Vec<&str> = c.findings().iter().map(|d| d.path.as_str()).collect();
        assert_eq!(paths, ["records[1].id", "records[2].id"]);
        assert_eq!(c.findings()[1].message, "第 3 条记录缺少编号");
    }

    #[test]
    fn origins_and_marks() {
        let mut c = Ctx::new("x.json");
        let seed = Some("seed".to_string());
        let at = Item::new(&"records", 0);
        assert_eq!(c.origin(&seed, Some(7), &at, "L", Origins::Ledger), Some(Origin::Seed(7)));
        let m = c.mark();
        assert!(c.clean_since(m));
        assert_eq!(c.origin(&seed, Some(100), &at, "L", Origins::Any), Some(Origin::Seed(100)));
        assert_eq!(c.origin(&seed, Some(100), &at, "L", Origins::Ledger), None);
        assert_eq!(c.origin(&None, None, &at, "L", Origins::Ledger), None);
        let paths: Vec<&str> = c.since(m).iter().map(|d| d.path.as_str()).collect();
        assert_eq!(paths, ["records[0].problem", "records[0].origin"]);
        assert!(!c.clean_since(m) && !c.only_warnings_since(m));
        let w = c.mark();
        c.sample_flag(None, false, true);
        c.sample_flag(None, true, false);
        c.sample_flag(Some(true), true, true);
        assert!(c.only_warnings_since(w) && c.since(w).len() == 1);
        c.sample_flag(Some(false), true, false);
        assert_eq!(c.since(w).len(), 2);
        assert!(!c.only_warnings_since(w));
    }

    #[test]
    fn keyed_values_name_the_keys() {
        let mut c = Ctx::new("x.json");
        let p = crate::ledger::Category::parse;
        let k = crate::ledger::Category::keys;
        assert_eq!(c.keyed(&Some("aid".into()), p, k, &"p", "支出类别", "L"), Some(crate::ledger::Category::Aid));
        assert_eq!(c.keyed(&Some("x".into()), p, k, &"p", "支出类别", "L"), None);
        assert_eq!(c.findings()[0].message, "L：支出类别“x”无法识别（应为 aid、project_cost、management）");
    }
}
