//! The rectification report (整改): the inspection, its 21 problems and what was done about them.

use crate::date::PartialDate;
use crate::diag::{Checked, Diagnostic};
use crate::i18n::Lang;
use crate::org::Organisation;
use crate::search::normalize;
use crate::table::{self, Cell, Facet, FacetValue, Outcome, Record, Sort, TableState};
use crate::validate::{Ctx, English};
use serde::Deserialize;
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

pub const FILE: &str = "rectification.json";

// ---------- raw input (lenient: every field optional, statuses as text) ----------

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RawRectification {
    pub schema: Option<String>,
    pub title: Option<String>,
    pub publisher: Option<String>,
    pub published: Option<String>,
    pub inspection: Option<RawInspection>,
    pub declared: Option<RawDeclared>,
    pub organisation_of_work: Option<String>,
    pub aspects: Vec<RawAspect>,
    pub problems: Vec<RawProblem>,
    pub next_steps: Vec<NextStep>,
    pub contact: Option<Contact>,
    pub transcription_notes: Vec<String>,
    /// 更正说明 ([`crate::correction`]).
    pub corrections: Vec<crate::correction::RawNote>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RawInspection {
    pub by: Option<String>,
    pub start: Option<String>,
    pub end: Option<String>,
    pub feedback: Option<String>,
}

#[derive(Deserialize, Default, Clone, Copy)]
#[serde(default)]
pub struct RawDeclared {
    pub aspects: Option<u32>,
    pub items: Option<u32>,
    pub problems: Option<u32>,
    pub done: Option<u32>,
    pub in_progress: Option<u32>,
    pub not_started: Option<u32>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RawAspect {
    pub no: Option<u32>,
    pub title: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RawProblem {
    pub no: Option<u32>,
    pub aspect: Option<u32>,
    pub title: Option<String>,
    pub finding: Option<String>,
    pub measures: Vec<String>,
    pub status: Option<String>,
    pub dates: Vec<RawDated>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RawDated {
    pub date: Option<String>,
    pub what: Option<String>,
}

#[derive(Deserialize, Default, Clone, Debug, PartialEq, Eq)]
#[serde(default)]
pub struct NextStep {
    pub title: String,
    pub text: String,
}

#[derive(Deserialize, Default, Clone, Debug, PartialEq, Eq)]
#[serde(default)]
pub struct Contact {
    pub phone: Option<String>,
    pub address: Option<String>,
    pub postcode: Option<String>,
    pub email: Option<String>,
}

// ---------- the model ----------

keyed_enum!(
    /// A problem's rectification status: its key is the identifier used in data files and URLs,
    /// its Chinese label the report's own words.
    Status {
        Done => "done", "已完成整改", "Rectified";
        InProgress => "in_progress", "正在推进整改", "Rectification in progress";
        NotStarted => "not_started", "尚未启动整改", "Rectification not started";
    }
);

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Inspection {
    pub by: String,
    pub start: Option<PartialDate>,
    pub end: Option<PartialDate>,
    pub feedback: Option<PartialDate>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Declared {
    pub aspects: Option<u32>,
    pub items: Option<u32>,
    pub problems: Option<u32>,
    pub by_status: BTreeMap<Status, u32>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Aspect {
    pub no: u32,
    pub title: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dated {
    pub date: PartialDate,
    pub what: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub no: u32,
    pub aspect: u32,
    pub title: String,
    pub finding: String,
    pub measures: Vec<String>,
    pub status: Status,
    pub dates: Vec<Dated>,
    /// Normalised title + finding + measures, for search ([`Record::write_haystack`]).
    haystack: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rectification {
    pub title: String,
    pub publisher: String,
    pub published: Option<PartialDate>,
    pub inspection: Inspection,
    pub declared: Declared,
    pub organisation_of_work: String,
    pub aspects: Vec<Aspect>,
    /// Sorted by `no`.
    pub problems: Vec<Problem>,
    pub next_steps: Vec<NextStep>,
    pub contact: Contact,
    pub transcription_notes: Vec<String>,
}

impl Rectification {
    pub fn aspect(&self, no: u32) -> Option<&Aspect> {
        self.aspects.iter().find(|a| a.no == no)
    }

    pub fn problem(&self, no: u32) -> Option<&Problem> {
        self.problems.iter().find(|p| p.no == no)
    }

    /// How many problems have each status (every status present, zero included).
    pub fn status_counts(&self) -> BTreeMap<Status, usize> {
        let mut m: BTreeMap<Status, usize> = Status::ALL.iter().map(|s| (*s, 0)).collect();
        for p in &self.problems {
            *m.entry(p.status).or_default() += 1;
        }
        m
    }
}

/// Parses and validates `rectification.json`.
pub fn load(text: &str) -> Result<Checked<Rectification>, Diagnostic> {
    let raw: RawRectification = crate::json::parse(FILE, text)?;
    Ok(validate(raw))
}

/// A date field: absent is `None`; a date that does not exist is reported and `None`.
fn date_field(v: &Option<String>, path: &str, ctx: &mut Ctx) -> Option<PartialDate> {
    ctx.opt_date(v.as_deref(), &path, "", English::Field).flatten()
}

/// A required text field: absent or blank is reported (as missing `what`) and `None`.
fn text_field(v: Option<String>, path: &str, what: &str, ctx: &mut Ctx) -> Option<String> {
    ctx.text(&v, &path, what, "")
}

/// Validates a parsed file into the model, with every diagnostic found, in the file's order:
/// the header (schema, title, dates), the aspects, the problems, then the declared counts
/// against what the file lists. A record with a record-level error is left out and listed.
pub fn validate(raw: RawRectification) -> Checked<Rectification> {
    let mut ctx = Ctx::new(FILE);
    let p = &mut ctx;
    p.corrections(&raw.corrections);
    check_schema(raw.schema.as_deref(), p);
    let title = text_field(raw.title, "title", "报告标题", p).unwrap_or_default();
    let publisher = raw.publisher.unwrap_or_default();
    let published = date_field(&raw.published, "published", p);
    let inspection = inspection(raw.inspection.unwrap_or_default(), p);
    check_date_order(&inspection, published, p);
    let aspects = aspects(raw.aspects, p);
    let problems = problems(raw.problems, &aspects, p);
    let declared = declared(raw.declared.unwrap_or_default());
    check_declared(&declared, &aspects, &problems, p);
    let value = Rectification {
        title,
        publisher,
        published,
        inspection,
        declared,
        organisation_of_work: raw.organisation_of_work.unwrap_or_default(),
        aspects,
        problems,
        next_steps: raw.next_steps,
        contact: raw.contact.unwrap_or_default(),
        transcription_notes: raw.transcription_notes,
    };
    ctx.finish(value)
}

/// Warns when the file names another format than `gongshi/rectification/…`.
fn check_schema(schema: Option<&str>, p: &mut Ctx) {
    if let Some(schema) = schema {
        if !schema.starts_with("gongshi/rectification/") {
            p.warning(&"schema", format!("schema 标识“{schema}”不是 gongshi/rectification/…"));
        }
    }
}

/// The inspection: who, and its start, end and feedback dates (each a date that exists).
fn inspection(ri: RawInspection, p: &mut Ctx) -> Inspection {
    Inspection {
        by: ri.by.unwrap_or_default(),
        start: date_field(&ri.start, "inspection.start", p),
        end: date_field(&ri.end, "inspection.end", p),
        feedback: date_field(&ri.feedback, "inspection.feedback", p),
    }
}

/// Warns when a date comes before the one given before it (inspection start, end, feedback,
/// then publication), of each pair of neighbours both given.
fn check_date_order(inspection: &Inspection, published: Option<PartialDate>, p: &mut Ctx) {
    let order =
        [("inspection.start", inspection.start), ("inspection.end", inspection.end), ("inspection.feedback", inspection.feedback), ("published", published)];
    for w in order.windows(2) {
        if let ((_, Some(a)), (path_b, Some(b))) = (w[0], w[1]) {
            if b < a {
                p.warning(&path_b, format!("日期 {b} 早于前一个日期 {a}，顺序不合常理"));
            }
        }
    }
}

/// The aspects, by number: one without a number or title, or repeating a number, is left out.
fn aspects(raw: Vec<RawAspect>, p: &mut Ctx) -> Vec<Aspect> {
    let mut aspects: Vec<Aspect> = Vec::new();
    for (i, a) in raw.into_iter().enumerate() {
        let path = format!("aspects[{i}]");
        let Some(no) = a.no else {
            p.error(&format!("{path}.no"), "缺少方面编号");
            continue;
        };
        if aspects.iter().any(|x| x.no == no) {
            p.error(&format!("{path}.no"), format!("方面编号 {no} 重复"));
            continue;
        }
        let Some(t) = text_field(a.title, &format!("{path}.title"), "方面标题", p) else { continue };
        aspects.push(Aspect { no, title: t });
    }
    crate::sort::sort_by_key(&mut aspects, |a| a.no);
    aspects
}

/// The problems that pass [`problem`], by number.
fn problems(raw: Vec<RawProblem>, aspects: &[Aspect], p: &mut Ctx) -> Vec<Problem> {
    let mut problems: Vec<Problem> = Vec::new();
    for (i, rp) in raw.into_iter().enumerate() {
        if let Some(x) = problem(i, rp, aspects, &problems, p) {
            problems.push(x);
        }
    }
    crate::sort::sort_by_key(&mut problems, |x| x.no);
    problems
}

/// The `i`th problem of the file, checked field by field (every error reported), or `None`
/// when it has a record-level error; a bad date alone only leaves that date out. `earlier`:
/// the problems accepted before it (a repeated number is an error).
fn problem(i: usize, rp: RawProblem, aspects: &[Aspect], earlier: &[Problem], p: &mut Ctx) -> Option<Problem> {
    let path = format!("problems[{i}]");
    let mark = p.mark();
    let no = problem_no(rp.no, &path, p);
    let label = no.map(|n| format!("问题 {n}")).unwrap_or_else(|| format!("第 {} 条记录", i + 1));
    if let Some(n) = no {
        if earlier.iter().any(|x| x.no == n) {
            p.error_en(
                &format!("{path}.no"),
                format!("问题编号 {n} 重复，这一条未显示"),
                format!("{path}.no: problem number {n} appears more than once; this one is not shown"),
            );
        }
    }
    let aspect = problem_aspect(rp.aspect, aspects, &path, &label, p);
    let status = problem_status(rp.status.as_deref(), &path, &label, p);
    let title = text_field(rp.title, &format!("{path}.title"), &format!("{label}的标题"), p);
    let finding = text_field(rp.finding, &format!("{path}.finding"), &format!("{label}的问题描述"), p);
    check_measures(&rp.measures, &path, &label, p);
    let dates = problem_dates(rp.dates, &path, p);
    // A record with a record-level error is left out; its date errors alone do not drop it.
    let record_ok = p.since(mark).iter().all(|d| d.path.contains(".dates["));
    let (true, Some(no), Some(aspect), Some(status), Some(title), Some(finding)) = (record_ok, no, aspect, status, title, finding) else {
        return None;
    };
    let haystack = problem_haystack(&title, &finding, &rp.measures);
    Some(Problem { no, aspect, title, finding, measures: rp.measures, status, dates, haystack })
}

/// A problem's number: given, and from 1.
fn problem_no(no: Option<u32>, path: &str, p: &mut Ctx) -> Option<u32> {
    match no {
        Some(n) if n > 0 => Some(n),
        Some(_) => {
            p.error(&format!("{path}.no"), "问题编号必须从 1 开始");
            None
        }
        None => {
            p.error(&format!("{path}.no"), "缺少问题编号");
            None
        }
    }
}

/// A problem's aspect: given, and one of the file's aspects.
fn problem_aspect(aspect: Option<u32>, aspects: &[Aspect], path: &str, label: &str, p: &mut Ctx) -> Option<u32> {
    match aspect {
        Some(a) if aspects.iter().any(|x| x.no == a) => Some(a),
        Some(a) => {
            p.error(&format!("{path}.aspect"), format!("{label}：方面 {a} 不存在"));
            None
        }
        None => {
            p.error(&format!("{path}.aspect"), format!("{label}：缺少所属方面"));
            None
        }
    }
}

/// A problem's status: given, and a [`Status`] key.
fn problem_status(status: Option<&str>, path: &str, label: &str, p: &mut Ctx) -> Option<Status> {
    match status {
        Some(s) => match Status::parse(s) {
            Some(st) => Some(st),
            None => {
                p.error_en(
                    &format!("{path}.status"),
                    format!("{label}：整改状态“{s}”无法识别（应为 done、in_progress 或 not_started）"),
                    format!("{path}.status: the status “{s}” is not known (it must be done, in_progress or not_started); this problem is not shown"),
                );
                None
            }
        },
        None => {
            p.error_en(&format!("{path}.status"), format!("{label}：缺少整改状态"), format!("{path}.status: the status is missing"));
            None
        }
    }
}

/// A problem's measures: at least one, none blank.
fn check_measures(measures: &[String], path: &str, label: &str, p: &mut Ctx) {
    if measures.is_empty() {
        p.error(&format!("{path}.measures"), format!("{label}：缺少整改措施"));
    }
    for (j, m) in measures.iter().enumerate() {
        if m.trim().is_empty() {
            p.error(&format!("{path}.measures[{j}]"), format!("{label}：第 {} 条整改措施是空的", j + 1));
        }
    }
}

/// A problem's dated steps: those with a date that exists (one without a date is skipped, one
/// with a bad date reported and skipped).
fn problem_dates(raw: Vec<RawDated>, path: &str, p: &mut Ctx) -> Vec<Dated> {
    let mut dates = Vec::new();
    for (j, d) in raw.into_iter().enumerate() {
        if let Some(date) = date_field(&d.date, &format!("{path}.dates[{j}].date"), p) {
            dates.push(Dated { date, what: d.what.unwrap_or_default() });
        }
    }
    dates
}

/// A problem's search text: title, finding and each measure, normalised, one per line.
fn problem_haystack(title: &str, finding: &str, measures: &[String]) -> String {
    let mut hay = normalize(title);
    hay.push('\n');
    hay.push_str(&normalize(finding));
    for m in measures {
        hay.push('\n');
        hay.push_str(&normalize(m));
    }
    hay
}

/// The counts the report declares (aspects, items, problems, problems per status).
fn declared(d: RawDeclared) -> Declared {
    let mut by_status = BTreeMap::new();
    for (st, v) in [(Status::Done, d.done), (Status::InProgress, d.in_progress), (Status::NotStarted, d.not_started)] {
        if let Some(v) = v {
            by_status.insert(st, v);
        }
    }
    Declared { aspects: d.aspects, items: d.items, problems: d.problems, by_status }
}

/// The declared counts against the records: aspects, problem numbers 1 to N (missing or
/// beyond), and problems per status.
fn check_declared(declared: &Declared, aspects: &[Aspect], problems: &[Problem], p: &mut Ctx) {
    if let Some(n) = declared.aspects {
        if n as usize != aspects.len() {
            p.error(&"declared.aspects", format!("报告称有 {n} 个方面，文件中列出 {} 个", aspects.len()));
        }
    }
    if let Some(n) = declared.problems {
        check_declared_numbers(n, problems, p);
    }
    check_declared_statuses(&declared.by_status, problems, p);
}

/// Problems 1 to `n` are all shown, and none beyond `n`.
fn check_declared_numbers(n: u32, problems: &[Problem], p: &mut Ctx) {
    let have: BTreeSet<u32> = problems.iter().map(|x| x.no).collect();
    let missing: Vec<String> = (1..=n).filter(|k| !have.contains(k)).map(|k| k.to_string()).collect();
    if !missing.is_empty() {
        p.error(&"problems", format!("报告称有 {n} 个问题，缺少（或未能显示）问题 {}", missing.join("、")));
    }
    let extra: Vec<String> = have.iter().filter(|k| **k > n).map(|k| k.to_string()).collect();
    if !extra.is_empty() {
        p.error(&"problems", format!("报告称有 {n} 个问题，但文件中还有问题 {}", extra.join("、")));
    }
}

/// Each declared count per status equals the problems shown with that status.
fn check_declared_statuses(by_status: &BTreeMap<Status, u32>, problems: &[Problem], p: &mut Ctx) {
    let mut counts: BTreeMap<Status, u32> = BTreeMap::new();
    for x in problems {
        *counts.entry(x.status).or_default() += 1;
    }
    for (st, n) in by_status {
        let have = counts.get(st).copied().unwrap_or(0);
        if *n != have {
            p.error(&format!("declared.{}", st.key()), format!("报告称“{}”的问题有 {n} 个，文件中为 {have} 个", st.zh()));
        }
    }
}

// ---------- the page's table: problems as records of the one table engine ----------

crate::table_columns!(
    /// A problem's columns. The 整改 page lists problems as cards in report order
    /// ([`DEFAULT_SORT`]); the columns are what a problem is, for the engine's sort.
    pub ProblemCol {
        No => "no", "编号", "No.", Int;
        Aspect => "aspect", "方面", "Aspect", Int;
        Title => "title", "问题", "Problem", Text;
        Status => "status", "整改状态", "Status", Text;
        Finding => "finding", "问题描述", "Finding", Text;
        Measures => "measures", "整改措施", "Measures", Text;
    }
);

crate::table_facets!(
    /// What the 整改 page is filtered by; the keys are the URL's (`aspect=1,3&status=done`).
    pub ProblemFacet {
        Aspect => "aspect", "方面", "Aspect";
        Status => "status", "整改状态", "Status";
    }
);

/// A facet's values name nothing of the organisation (the [`Record`] methods ignore it), so
/// the URL ([`crate::view`]) and the page read them here.
impl ProblemFacet {
    /// Value `code`'s label: the aspect's number (its title is the report's,
    /// [`Rectification::aspect`]), the status's label.
    pub fn label(self, code: u32, lang: Lang) -> String {
        match self {
            ProblemFacet::Aspect => format!("{} {code}", lang.pick("方面", "Aspect")),
            ProblemFacet::Status => Status::ALL.get(code as usize).map_or("?", |s| s.label(lang)).to_string(),
        }
    }

    /// Value `code`'s URL key: the aspect's number, the status's key.
    pub fn value_key(self, code: u32) -> String {
        match self {
            ProblemFacet::Aspect => code.to_string(),
            ProblemFacet::Status => Status::ALL.get(code as usize).map_or("?", |s| s.key()).to_string(),
        }
    }

    /// The value whose URL key is `key`.
    pub fn parse(self, key: &str) -> Option<u32> {
        match self {
            ProblemFacet::Aspect => key.parse().ok(),
            ProblemFacet::Status => Status::parse(key).map(|s| s as u32),
        }
    }
}

/// The report's order: by problem number.
pub const DEFAULT_SORT: Sort<ProblemCol> = Sort { column: ProblemCol::No, descending: false };

impl Record for Problem {
    type Col = ProblemCol;
    type Facet = ProblemFacet;
    fn cell(&self, col: ProblemCol) -> Cell<'_> {
        match col {
            ProblemCol::No => Cell::Int(self.no.into()),
            ProblemCol::Aspect => Cell::Int(self.aspect.into()),
            ProblemCol::Title => Cell::Text(Cow::Borrowed(&self.title)),
            ProblemCol::Status => Cell::Text(Cow::Borrowed(self.status.zh())),
            ProblemCol::Finding => Cell::Text(Cow::Borrowed(&self.finding)),
            ProblemCol::Measures => Cell::Text(Cow::Owned(self.measures.join("\n"))),
        }
    }
    fn cell_lang(&self, col: ProblemCol, lang: Lang) -> Cell<'_> {
        match col {
            ProblemCol::Status => Cell::Text(Cow::Borrowed(self.status.label(lang))),
            _ => self.cell(col),
        }
    }
    /// An aspect's code is its number; a status's, its place in [`Status::ALL`].
    fn facet_value(&self, f: ProblemFacet) -> u32 {
        match f {
            ProblemFacet::Aspect => self.aspect,
            ProblemFacet::Status => self.status as u32,
        }
    }
    fn facet_label(f: ProblemFacet, code: u32, lang: Lang, _: &Organisation) -> String {
        f.label(code, lang)
    }
    fn facet_key(f: ProblemFacet, code: u32, _: &Organisation) -> String {
        f.value_key(code)
    }
    fn parse_facet_key(f: ProblemFacet, key: &str, _: &Organisation) -> Option<u32> {
        f.parse(key)
    }
    fn write_haystack(&self, out: &mut String) {
        out.push_str(&self.haystack);
        out.push('\n');
    }
}

impl Rectification {
    /// The 整改 page's answer to `state` (its search and facet selections, from the URL): the
    /// matching problems in report order and each facet's counts, from the one table engine.
    pub fn run(&self, state: &TableState) -> Outcome {
        self.run_with(state, None)
    }

    /// [`Rectification::run`], a term of letters also spelled in pinyin when a table is given.
    pub fn run_with(&self, state: &TableState, pinyin: Option<&crate::pinyin::Table>) -> Outcome {
        table::run_with(&self.problems, state, DEFAULT_SORT, &Organisation::default(), pinyin)
    }

    /// The values the page offers for facet `f`, with `outcome`'s counts: every aspect of the
    /// report and every status, in order, those no problem has included (count 0, so the
    /// page's checkboxes keep their places and a selected one can be unselected).
    pub fn facet_values(&self, outcome: &Outcome, f: ProblemFacet) -> Vec<FacetValue> {
        let codes: Vec<u32> = match f {
            ProblemFacet::Aspect => self.aspects.iter().map(|a| a.no).collect(),
            ProblemFacet::Status => Status::ALL.iter().map(|s| *s as u32).collect(),
        };
        let counted = &outcome.facets[f.index()].values;
        codes.into_iter().map(|code| counted.iter().find(|v| v.code == code).copied().unwrap_or(FacetValue { code, count: 0, selected: false })).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(problems: &str, declared: &str) -> String {
        format!(
            r#"{{"title":"t","published":"2023-09-18",
            "inspection":{{"by":"x","start":"2022-07-08","end":"2022-08-26","feedback":"2022-11-07"}},
            "declared":{declared},
            "aspects":[{{"no":1,"title":"甲"}},{{"no":2,"title":"乙"}}],
            "problems":[{problems}]}}"#
        )
    }

    fn prob(no: u32, aspect: u32, status: &str, title: &str) -> String {
        format!(r#"{{"no":{no},"aspect":{aspect},"title":"{title}","finding":"发现{title}","measures":["一项措施"],"status":"{status}"}}"#)
    }

    fn three() -> String {
        [prob(1, 1, "done", "学习"), prob(2, 1, "in_progress", "募捐"), prob(3, 2, "done", "手套")].join(",")
    }

    #[test]
    fn clean_file_has_no_problems() {
        let c = load(&doc(&three(), r#"{"aspects":2,"problems":3,"done":2,"in_progress":1}"#)).unwrap();
        assert!(c.findings.is_empty(), "{:?}", c.findings);
        assert_eq!(c.value.problems.len(), 3);
    }

    #[test]
    fn unknown_status_is_reported_and_record_left_out() {
        let ps = [prob(1, 1, "finished", "学习"), prob(2, 1, "done", "募捐")].join(",");
        let c = load(&doc(&ps, r#"{"problems":2}"#)).unwrap();
        assert_eq!(c.value.problems.len(), 1);
        let e = c.findings.iter().find(|d| d.path == "problems[0].status").expect("status diagnostic");
        assert!(e.message.contains("finished"));
        assert!(c.findings.iter().any(|d| d.path == "problems" && d.message.contains("缺少（或未能显示）问题 1")));
    }

    #[test]
    fn duplicate_and_missing_numbers() {
        let ps = [prob(1, 1, "done", "a"), prob(1, 1, "done", "b"), prob(4, 2, "done", "c")].join(",");
        let c = load(&doc(&ps, r#"{"problems":3}"#)).unwrap();
        assert!(c.findings.iter().any(|d| d.path == "problems[1].no" && d.message.contains("重复")));
        let missing = c.findings.iter().find(|d| d.message.contains("缺少")).unwrap();
        assert!(missing.message.contains("2、3"), "{}", missing.message);
        assert!(c.findings.iter().any(|d| d.message.contains("还有问题 4")));
        assert_eq!(c.value.problems.iter().map(|p| p.no).collect::<Vec<_>>(), vec![1, 4]);
    }

    #[test]
    fn declared_counts_must_match() {
        let c = load(&doc(&three(), r#"{"aspects":3,"problems":3,"done":3,"in_progress":0}"#)).unwrap();
        let paths: Vec<&str> = c.findings.iter().map(|d| d.path.as_str()).collect();
        assert!(paths.contains(&"declared.aspects"), "{paths:?}");
        assert!(paths.contains(&"declared.done"), "{paths:?}");
        assert!(paths.contains(&"declared.in_progress"), "{paths:?}");
    }

    #[test]
    fn bad_aspect_missing_fields_and_bad_dates() {
        let ps = r#"{"no":1,"aspect":9,"title":"a","finding":"b","measures":["m"],"status":"done"},
                    {"no":2,"aspect":1,"finding":"b","measures":[],"status":"done"},
                    {"no":3,"aspect":1,"title":"c","finding":"d","measures":["m"],"status":"done","dates":[{"date":"2020-02-30","what":"x"}]}"#;
        let c = load(&doc(ps, "{}")).unwrap();
        assert!(c.findings.iter().any(|d| d.path == "problems[0].aspect"));
        assert!(c.findings.iter().any(|d| d.path == "problems[1].title"));
        assert!(c.findings.iter().any(|d| d.path == "problems[1].measures"));
        assert!(c.findings.iter().any(|d| d.path == "problems[2].dates[0].date" && d.message.contains("2020-02-30")));
        // Problem 3 is kept (only its date was bad), 1 and 2 are left out.
        assert_eq!(c.value.problems.iter().map(|p| p.no).collect::<Vec<_>>(), vec![3]);
        assert!(c.value.problems[0].dates.is_empty());
    }

    /// Every check `validate` makes, each once, in the order it reports them (the file's order:
    /// header, aspects, problems field by field, declared counts), with their exact words, and
    /// what is kept. Pinned from the 190-line `validate` before it was split into steps.
    #[test]
    fn every_check_reports_in_file_order() {
        let text = r#"{"schema":"other/1","title":"  ","published":"2023-13-01",
          "inspection":{"start":"2022-09-01","end":"2022-08-01","feedback":"2022-07-01"},
          "declared":{"aspects":1,"problems":5,"done":1,"in_progress":2,"not_started":3},
          "aspects":[{"title":"无编号"},{"no":1,"title":"甲"},{"no":1,"title":"重"},{"no":2},{"no":3,"title":"  "},{"no":4,"title":"丁"}],
          "problems":[{"no":0,"aspect":1,"title":"a","finding":"b","measures":["m"],"status":"done"},
            {"aspect":1,"title":"a","finding":"b","measures":["m"],"status":"done"},
            {"no":2,"title":"a","finding":"b","measures":["m", " "],"status":"in_progress","dates":[{"date":"2021"},{"date":"bad","what":"w"},{"what":"w2"}]},
            {"no":3,"aspect":4,"finding":"","measures":["m"]},
            {"no":4,"aspect":4,"title":"t","finding":"f","measures":["m"],"status":"not_started","dates":[{"date":"2021-02-29","what":"x"},{"date":"2021-03","what":"y"}]},
            {"no":7,"aspect":1,"title":"t7","finding":"f","measures":["m"],"status":"done"},
            {"no":4,"aspect":1,"title":"dup","finding":"f","measures":["m"],"status":"done"}]}"#;
        let c = load(text).unwrap();
        let got: Vec<(bool, &str, &str)> =
            c.findings.iter().map(|d| (d.severity == crate::diag::Severity::Warning, d.path.as_str(), d.message.as_str())).collect();
        let (w, e) = (true, false);
        assert_eq!(
            got,
            [
                (w, "schema", "schema 标识“other/1”不是 gongshi/rectification/…"),
                (e, "title", "缺少报告标题"),
                (e, "published", "日期“2023-13-01”不存在：没有 13 月"),
                (w, "inspection.end", "日期 2022-08-01 早于前一个日期 2022-09-01，顺序不合常理"),
                (w, "inspection.feedback", "日期 2022-07-01 早于前一个日期 2022-08-01，顺序不合常理"),
                (e, "aspects[0].no", "缺少方面编号"),
                (e, "aspects[2].no", "方面编号 1 重复"),
                (e, "aspects[3].title", "缺少方面标题"),
                (e, "aspects[4].title", "缺少方面标题"),
                (e, "problems[0].no", "问题编号必须从 1 开始"),
                (e, "problems[1].no", "缺少问题编号"),
                (e, "problems[2].aspect", "问题 2：缺少所属方面"),
                (e, "problems[2].measures[1]", "问题 2：第 2 条整改措施是空的"),
                (e, "problems[2].dates[1].date", "日期“bad”格式不对：年份应为 4 位数字（格式 YYYY-MM-DD）"),
                (e, "problems[3].status", "问题 3：缺少整改状态"),
                (e, "problems[3].title", "缺少问题 3的标题"),
                (e, "problems[3].finding", "缺少问题 3的问题描述"),
                (e, "problems[4].dates[0].date", "日期“2021-02-29”不存在：2021 年 2 月没有 29 日"),
                (e, "problems[6].no", "问题编号 4 重复，这一条未显示"),
                (e, "declared.aspects", "报告称有 1 个方面，文件中列出 2 个"),
                (e, "problems", "报告称有 5 个问题，缺少（或未能显示）问题 1、2、3、5"),
                (e, "problems", "报告称有 5 个问题，但文件中还有问题 7"),
                (e, "declared.in_progress", "报告称“正在推进整改”的问题有 2 个，文件中为 0 个"),
                (e, "declared.not_started", "报告称“尚未启动整改”的问题有 3 个，文件中为 1 个"),
            ]
        );
        let r = c.value;
        assert_eq!(r.aspects.iter().map(|a| a.no).collect::<Vec<_>>(), vec![1, 4]);
        assert_eq!(r.problems.iter().map(|p| p.no).collect::<Vec<_>>(), vec![4, 7]);
        assert_eq!(r.problems[0].dates.iter().map(|d| d.date.to_string()).collect::<Vec<_>>(), vec!["2021-03"]);
    }

    #[test]
    fn syntax_error_is_a_diagnostic_with_position() {
        let e = load("{\"title\": \"x\",\n \"problems\": [}").unwrap_err();
        assert_eq!(e.file, FILE);
        assert_eq!(e.line, Some(2));
    }

    /// The page's state for a search and facet selections (URL keys).
    fn state(query: &str, facets: &[(&str, &str)]) -> TableState {
        let mut st = TableState { query: query.into(), ..Default::default() };
        for (f, v) in facets {
            st.toggle(f, v);
        }
        st
    }

    fn nos(r: &Rectification, o: &Outcome) -> Vec<u32> {
        o.rows.iter().map(|i| r.problems[*i as usize].no).collect()
    }

    /// (code, count) of the page's values for facet `f`.
    fn counts(r: &Rectification, o: &Outcome, f: ProblemFacet) -> Vec<(u32, usize)> {
        r.facet_values(o, f).iter().map(|v| (v.code, v.count)).collect()
    }

    #[test]
    fn search_and_facets() {
        use ProblemFacet::{Aspect as A, Status as S};
        let r = load(&doc(&three(), "{}")).unwrap().value;
        assert_eq!(nos(&r, &r.run(&state("募捐", &[]))), vec![2]);
        // Search "发现" matches all; facet counts follow the search.
        let o = r.run(&state("发现", &[]));
        assert_eq!(counts(&r, &o, A), vec![(1, 2), (2, 1)]);
        assert_eq!(counts(&r, &o, S), vec![(0, 2), (1, 1), (2, 0)], "done, in progress, not started");
        // Selecting aspect 1 narrows the status counts but not the aspect counts.
        let o = r.run(&state("", &[("aspect", "1")]));
        assert_eq!(nos(&r, &o), vec![1, 2]);
        assert_eq!(counts(&r, &o, A), vec![(1, 2), (2, 1)]);
        assert_eq!(counts(&r, &o, S), vec![(0, 1), (1, 1), (2, 0)]);
        assert!(r.facet_values(&o, A)[0].selected && !r.facet_values(&o, A)[1].selected);
        // Each facet value count equals the number of rows that selecting it yields.
        let all = r.run(&TableState::default());
        for f in ProblemFacet::ALL {
            for v in r.facet_values(&all, *f) {
                let key = f.value_key(v.code);
                assert_eq!(r.run(&state("", &[(f.key(), &key)])).rows.len(), v.count, "{f:?} {key}");
            }
        }
    }

    #[test]
    fn facet_keys_and_labels_round_trip() {
        let org = Organisation::default();
        for s in Status::ALL {
            let code = s as u32;
            assert_eq!(Problem::facet_key(ProblemFacet::Status, code, &org), s.key());
            assert_eq!(Problem::parse_facet_key(ProblemFacet::Status, s.key(), &org), Some(code));
            assert_eq!(Problem::facet_label(ProblemFacet::Status, code, Lang::En, &org), s.en());
        }
        assert_eq!(Problem::parse_facet_key(ProblemFacet::Aspect, "3", &org), Some(3));
        assert_eq!(ProblemFacet::Aspect.parse("x"), None);
        assert_eq!(ProblemFacet::Status.parse("Done"), None);
        assert_eq!(ProblemFacet::Aspect.label(2, Lang::Zh), "方面 2");
    }
}

// ---------- chart spec ----------

impl Rectification {
    /// Progress at a glance: problems per status, as a bar chart spec.
    pub fn progress_chart(&self, source: &str, lang: crate::i18n::Lang) -> crate::chart::BarChart {
        use crate::chart::{Bar, BarChart, AMBER, GREEN, GREY};
        let counts = self.status_counts();
        let total = self.problems.len().max(1) as i64;
        let bars = Status::ALL
            .iter()
            .map(|s| {
                let n = counts.get(s).copied().unwrap_or(0) as i64;
                let bp = n * 10_000 / total;
                Bar {
                    label: s.label(lang).to_string(),
                    value: n,
                    value_label: lang.pick(format!("{n} 个（{}）", crate::format::percent_bp(bp)), format!("{n} ({})", crate::format::percent_bp(bp))),
                    color: match s {
                        Status::Done => GREEN,
                        Status::InProgress => AMBER,
                        Status::NotStarted => GREY,
                    },
                }
            })
            .collect();
        let n = self.problems.len();
        let (title, subtitle, source) = match lang {
            crate::i18n::Lang::Zh => {
                let when = self.published.map(|d| format!("，截至 {}", d.zh())).unwrap_or_default();
                ("巡察整改进度".to_string(), format!("{n} 个问题按整改状态计数{when}"), format!("来源：{}", source))
            }
            crate::i18n::Lang::En => {
                let when = self.published.map(|d| format!(", as of {}", d.en())).unwrap_or_default();
                ("Rectification progress".to_string(), format!("{n} problems by status{when}"), format!("Source: {}", source))
            }
        };
        BarChart { title, subtitle, source, sample: false, bars, lang }
    }
}

#[cfg(test)]
mod chart_tests {
    use super::*;

    #[test]
    fn progress_chart_counts_statuses() {
        let text = r#"{"title":"t","published":"2023-09-18","aspects":[{"no":1,"title":"a"}],
          "problems":[{"no":1,"aspect":1,"title":"x","finding":"f","measures":["m"],"status":"done"},
                      {"no":2,"aspect":1,"title":"y","finding":"f","measures":["m"],"status":"not_started"}]}"#;
        let r = load(text).unwrap().value;
        let c = r.progress_chart("报告", crate::i18n::Lang::Zh);
        assert_eq!(
            c.rows(),
            vec![
                ("已完成整改".to_string(), "1 个（50%）".to_string()),
                ("正在推进整改".to_string(), "0 个（0%）".to_string()),
                ("尚未启动整改".to_string(), "1 个（50%）".to_string()),
            ]
        );
        assert!(c.subtitle.contains("2023年9月18日"));
        let e = r.progress_chart("report", crate::i18n::Lang::En);
        assert_eq!(e.title, "Rectification progress");
        assert_eq!(e.subtitle, "2 problems by status, as of 18 Sep 2023");
        assert_eq!(e.rows()[0], ("Rectified".to_string(), "1 (50%)".to_string()));
        assert_eq!(e.source_line(), "Source: report");
    }
}
