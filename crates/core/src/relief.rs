//! Relief (救助): individual relief records (masked, non-medical programmes only) and the
//! aggregates that are all that is published of children's and medical programmes.
//!
//! Privacy by design: the loader refuses a file that carries an unmasked name, an ID number, a
//! mobile number or a bank card number anywhere, or an individual record of a medical programme.

use crate::date::PartialDate;
use crate::diag::{Checked, Diagnostic};
use crate::ledger::Origin;
use crate::money::Fen;
use crate::org::{Division, Organisation, Programme, Term};
use crate::privacy;
use crate::search::normalize;
use crate::table::{Cell, Record, NOT_APPLICABLE};
use crate::validate::{Ctx, English, Item, Origins, Seen};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

pub const FILE: &str = "relief.json";
/// The file's format id (`"schema"`) as this version writes it.
pub const SCHEMA: &str = "gongshi/relief/1";

/// Aggregate cells of 1 to `MIN_CELL - 1` people are never published: the file writes them as
/// `"people": null, "suppressed": true` with no amount, and the page shows “不公布” (withheld).
pub const MIN_CELL: u32 = 5;

/// The county value of an aggregate that totals a programme's year over every division: the
/// file format's keyword, whatever the organisation's level (the page shows
/// [`Organisation::whole_area_in`]).
pub const WHOLE_AREA: &str = "全市";

keyed_enum!(
    ReliefStatus {
        Applied => "applied", "已申请", "Applied";
        Approved => "approved", "已批准", "Approved";
        Paid => "paid", "已发放", "Paid out";
        Rejected => "rejected", "未通过", "Rejected";
    }
);

// ---------------------------------------------------------------- file format

#[derive(Serialize, Deserialize, Default, Clone, Debug, PartialEq)]
#[serde(default)]
pub struct RawRelief {
    pub id: Option<String>,
    pub programme: Option<String>,
    pub date: Option<String>,
    pub county: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub township: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount_fen: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub goods: Option<String>,
    pub status: Option<String>,
    /// As published: masked (张某).
    pub recipient: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub medical: Option<bool>,
    pub origin: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problem: Option<u32>,
}

#[derive(Serialize, Deserialize, Default, Clone, Debug, PartialEq)]
#[serde(default)]
pub struct RawAggregate {
    pub programme: Option<String>,
    pub county: Option<String>,
    pub year: Option<u16>,
    /// `None` (written `null`) for a suppressed cell.
    pub people: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount_fen: Option<i64>,
    /// `true` for a cell too small to publish (primary) or one withheld so that a small cell
    /// cannot be worked out from a published total (secondary).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suppressed: Option<bool>,
    pub origin: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problem: Option<u32>,
}

/// The fields a relief record may carry; anything else is refused (a free-text “note” or a
/// “birth” date is exactly how personal data slips out).
pub const RECORD_FIELDS: &[&str] =
    &["id", "programme", "date", "county", "township", "amount_fen", "goods", "status", "recipient", "medical", "origin", "problem"];
/// The fields an aggregate may carry.
pub const AGGREGATE_FIELDS: &[&str] = &["programme", "county", "year", "people", "amount_fen", "suppressed", "origin", "problem"];
/// The fields of the file itself.
pub const FILE_FIELDS: &[&str] = &["schema", "sample", "note", "records", "aggregates", "corrections"];

/// Suppresses the aggregate cells that must not be published, in place, and returns how many it
/// withheld. Primary: every cell of 1 to [`MIN_CELL`]` - 1` people loses its count and amount
/// (`people: null`, `suppressed: true`). Secondary: where a programme's year has a published
/// [`WHOLE_AREA`] total, a single withheld county cell could be worked out by subtraction, so the
/// smallest published county cell of that line is withheld too (and so on until no line has
/// exactly one). The generator, `gongshi mask` and the import all write aggregates through this.
pub fn suppress_small_cells(cells: &mut [RawAggregate]) -> usize {
    let withhold = |a: &mut RawAggregate| {
        a.people = None;
        a.amount_fen = None;
        a.suppressed = Some(true);
    };
    let mut n = 0;
    for a in cells.iter_mut() {
        if a.people.is_some_and(|p| (1..MIN_CELL).contains(&p)) {
            withhold(a);
            n += 1;
        }
    }
    while let Some(line) = lines_with_one_withheld(cells).into_iter().next() {
        let smallest = line.into_iter().filter(|&i| cells[i].people.is_some()).min_by_key(|&i| (cells[i].people, cells[i].amount_fen));
        match smallest {
            Some(i) => withhold(&mut cells[i]),
            None => break,
        }
        n += 1;
    }
    n
}

/// The county cells (indices) of every line — a programme's year with a published
/// [`WHOLE_AREA`] total — in which exactly one county cell is withheld, so that the total less
/// the published cells gives it away.
fn lines_with_one_withheld(cells: &[RawAggregate]) -> Vec<Vec<usize>> {
    let withheld = |a: &RawAggregate| a.people.is_none() || a.suppressed == Some(true);
    let mut lines: std::collections::BTreeMap<(&str, u16), (bool, Vec<usize>)> = Default::default();
    for (i, a) in cells.iter().enumerate() {
        let (Some(p), Some(y), Some(c)) = (a.programme.as_deref(), a.year, a.county.as_deref()) else { continue };
        let e = lines.entry((p, y)).or_default();
        if c == WHOLE_AREA {
            e.0 |= !withheld(a);
        } else {
            e.1.push(i);
        }
    }
    lines.into_values().filter(|(total, members)| *total && members.iter().filter(|&&i| withheld(&cells[i])).count() == 1).map(|(_, members)| members).collect()
}

#[derive(Serialize, Deserialize, Default, Clone, Debug, PartialEq)]
#[serde(default)]
pub struct RawReliefFile {
    pub schema: Option<String>,
    pub sample: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub records: Vec<RawRelief>,
    pub aggregates: Vec<RawAggregate>,
    /// 更正说明 ([`crate::correction`]).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub corrections: Vec<crate::correction::RawNote>,
}

// ---------------------------------------------------------------- model

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReliefRecord {
    pub id: String,
    pub programme: Term<Programme>,
    pub date: PartialDate,
    pub county: Term<Division>,
    pub township: Option<String>,
    pub amount: Option<Fen>,
    pub goods: Option<String>,
    pub status: ReliefStatus,
    pub recipient: String,
    pub origin: Origin,
    hay: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Aggregate {
    pub programme: Term<Programme>,
    /// A division, or the programme's year over every division ([`WHOLE_AREA`] in the file;
    /// code [`NOT_APPLICABLE`], named by [`Organisation::whole_area_term`]).
    pub county: Term<Division>,
    pub year: u16,
    /// The published count and amount; `None` for a suppressed cell, which the file does not
    /// carry (see [`suppress_small_cells`]).
    pub counts: Option<(u32, Fen)>,
    pub origin: Origin,
}

impl Aggregate {
    /// A total over every division.
    pub fn is_whole_area(&self) -> bool {
        self.county.code == NOT_APPLICABLE
    }

    /// Withheld: too few people to publish, or withheld so that a small cell stays hidden.
    pub fn suppressed(&self) -> bool {
        self.counts.is_none()
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Relief {
    pub records: Vec<ReliefRecord>,
    pub aggregates: Vec<Aggregate>,
}

/// Street-level detail that must not be published (house numbers, roads, buildings).
fn looks_like_street_address(s: &str) -> bool {
    let has_digit = s.chars().any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c));
    ["路", "巷", "弄", "栋", "单元", "室", "号楼", "小区"].iter().any(|w| s.contains(w)) || (has_digit && s.contains('号'))
}

/// True for a township value that says more than the township: a village (村, but not a
/// township named …村乡/…村镇), a village group (组, 队), a community (社区, 居委会), or a house
/// number.
fn looks_like_village_address(s: &str) -> bool {
    let chars: Vec<char> = s.chars().collect();
    let village = chars.iter().enumerate().any(|(i, &c)| c == '村' && !matches!(chars.get(i + 1), Some('乡' | '镇')));
    village || ["组", "社区", "居委会", "村委", "队", "屯"].iter().any(|w| s.contains(w)) || s.chars().any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
}

/// Fields of `obj` not in `known`, as privacy errors at `path`.
fn unknown_fields(file: &str, path: &str, obj: &serde_json::Value, known: &[&str], out: &mut Vec<Diagnostic>) {
    let Some(map) = obj.as_object() else { return };
    for key in map.keys().filter(|k| !known.contains(&k.as_str())) {
        let shown = if privacy::scan_text(key).is_empty() { key.clone() } else { privacy::mask_for_display(key) };
        let at = if path.is_empty() { shown.clone() } else { format!("{path}.{shown}") };
        out.push(
            Diagnostic::error(file, at, format!("含有救助文件格式以外的字段“{shown}”（可用的字段：{}），出于隐私保护，整个文件不予显示", known.join("、"))).en(
                format!(
                    "The field “{shown}” is not part of the relief file format (allowed: {}); to protect privacy the whole file is not shown",
                    known.join(", ")
                ),
            ),
        );
    }
}

/// The small-cell rule over the aggregates as published: no count of 1–4 and no amount of such
/// a cell; a cell marked suppressed carries neither; no line with a published total has exactly
/// one withheld county cell (it could be worked out by subtraction).
fn small_cells(file: &str, value: &serde_json::Value, org: &Organisation, out: &mut Vec<Diagnostic>) {
    let programme = |key: Option<&str>| key.map(|k| org.programme(k).map_or_else(|| k.to_string(), |p| p.name.clone())).unwrap_or_default();
    let Some(aggs) = value.get("aggregates").and_then(|a| a.as_array()) else { return };
    let mut raw = Vec::with_capacity(aggs.len());
    for (i, a) in aggs.iter().enumerate() {
        let people = a.get("people").and_then(|p| p.as_u64());
        let amount = a.get("amount_fen").filter(|v| !v.is_null());
        let suppressed = a.get("suppressed").and_then(|v| v.as_bool()) == Some(true);
        let cell = format!(
            "{} {} {}",
            a.get("year").and_then(|v| v.as_u64()).map(|y| y.to_string()).unwrap_or_default(),
            a.get("county").and_then(|v| v.as_str()).unwrap_or(""),
            programme(a.get("programme").and_then(|v| v.as_str()))
        );
        if let Some(p) = people.filter(|p| (1..u64::from(MIN_CELL)).contains(p)) {
            out.push(
                Diagnostic::error(file, format!("aggregates[{i}].people"), format!("汇总单元格（{cell}）人数为 {p}，少于 {MIN_CELL} 人的单元格不得公布人数和金额：应写作 \"people\": null, \"suppressed\": true，并删去 amount_fen（gongshi mask 会这样改写）；出于隐私保护，整个文件不予显示"))
                    .en(format!("The aggregate cell ({cell}) has {p} people; cells under {MIN_CELL} must not publish their count or amount: write \"people\": null, \"suppressed\": true and drop amount_fen (gongshi mask does this); to protect privacy the whole file is not shown")),
            );
        }
        if suppressed && (people.is_some() || amount.is_some()) {
            out.push(
                Diagnostic::error(
                    file,
                    format!("aggregates[{i}]"),
                    format!("汇总单元格（{cell}）标为不公布（suppressed），却仍写有人数或金额；出于隐私保护，整个文件不予显示"),
                )
                .en(format!(
                    "The aggregate cell ({cell}) is marked suppressed but still carries its count or amount; to protect privacy the whole file is not shown"
                )),
            );
        }
        raw.push(RawAggregate {
            programme: a.get("programme").and_then(|v| v.as_str()).map(String::from),
            county: a.get("county").and_then(|v| v.as_str()).map(String::from),
            year: a.get("year").and_then(|v| v.as_u64()).and_then(|y| u16::try_from(y).ok()),
            people: people.and_then(|p| u32::try_from(p).ok()).filter(|p| *p >= MIN_CELL || *p == 0),
            suppressed: Some(suppressed),
            ..RawAggregate::default()
        });
    }
    for line in lines_with_one_withheld(&raw) {
        let i = line.iter().copied().find(|&i| raw[i].people.is_none()).unwrap_or(line[0]);
        let a = &raw[i];
        let cell = format!("{} {} {}", a.year.unwrap_or(0), a.county.as_deref().unwrap_or(""), programme(a.programme.as_deref()));
        out.push(
            Diagnostic::error(file, format!("aggregates[{i}]"), format!("不公布的汇总单元格（{cell}）可以用同年“{WHOLE_AREA}”合计减去其他县（市、区）算出：同一行须至少再隐去一个单元格（gongshi mask 会这样改写）；出于隐私保护，整个文件不予显示"))
                .en(format!("The withheld aggregate cell ({cell}) can be worked out from the year's “{WHOLE_AREA}” total less the other counties: withhold at least one more cell of that line (gongshi mask does this); to protect privacy the whole file is not shown")),
        );
    }
}

/// The privacy gate over the whole file, before anything is shown. Any finding refuses the file.
/// `org` names the programmes in the messages.
pub fn privacy_gate(file: &str, value: &serde_json::Value, org: &Organisation) -> Vec<Diagnostic> {
    let mut out: Vec<Diagnostic> = privacy::scan_json(value)
        .into_iter()
        .map(|(path, finding, shown)| Diagnostic::error(file, path, format!("含有{}（{shown}），出于隐私保护，整个文件不予显示", finding.zh())))
        .collect();
    unknown_fields(file, "", value, FILE_FIELDS, &mut out);
    if let Some(records) = value.get("records").and_then(|r| r.as_array()) {
        for (i, r) in records.iter().enumerate() {
            unknown_fields(file, &format!("records[{i}]"), r, RECORD_FIELDS, &mut out);
            match r.get("recipient") {
                Some(serde_json::Value::String(name)) if name.trim().is_empty() || privacy::is_masked(name) => {}
                None | Some(serde_json::Value::Null) => {}
                Some(_) => out.push(
                    Diagnostic::error(file, format!("records[{i}].recipient"), "受助人姓名未脱敏：只能写作“姓＋某”（如“张某”“欧阳某”），不得含有名字、空格或拼音；可用 gongshi mask 改写，出于隐私保护，整个文件不予显示".to_string())
                        .en("The recipient's name is not masked: it may only be a surname and 某 (张某, 欧阳某), with no given name, spaces or pinyin; gongshi mask rewrites it; to protect privacy the whole file is not shown"),
                ),
            }
            if let Some(found) = r.get("goods").and_then(|v| v.as_str()).and_then(privacy::household_in_text) {
                out.push(
                    Diagnostic::error(
                        file,
                        format!("records[{i}].goods"),
                        format!("物资一栏含有{found}；只能写物资，不得写村、组或受助人；出于隐私保护，整个文件不予显示"),
                    )
                    .en("The goods field names a household (a village group or a recipient); to protect privacy the whole file is not shown"),
                );
            }
            if let Some(t) = r.get("township").and_then(|v| v.as_str()) {
                if looks_like_street_address(t) || looks_like_village_address(t) {
                    out.push(
                        Diagnostic::error(file, format!("records[{i}].township"), "地址只能精确到县（市、区）或乡镇（街道），不得公开村、组、门牌、道路等详细地址；出于隐私保护，整个文件不予显示".to_string())
                            .en("An address may name only the county or the township, never a village, village group, house number or road; to protect privacy the whole file is not shown"),
                    );
                }
            }
        }
    }
    if let Some(aggs) = value.get("aggregates").and_then(|r| r.as_array()) {
        for (i, a) in aggs.iter().enumerate() {
            unknown_fields(file, &format!("aggregates[{i}]"), a, AGGREGATE_FIELDS, &mut out);
        }
    }
    small_cells(file, value, org, &mut out);
    out
}

/// Reads relief.json: the privacy gate over the whole file, then [`validate`] against `org`.
pub fn load(text: &str, org: &Organisation) -> Result<Checked<Relief>, Diagnostic> {
    let value: serde_json::Value = crate::json::parse(FILE, text)?;
    let refused = privacy_gate(FILE, &value, org);
    if let Some(first) = refused.first() {
        let mut d = first.clone();
        if refused.len() > 1 {
            d.message = format!("{}（另有 {} 处同类问题）", d.message, refused.len() - 1);
        }
        return Err(d);
    }
    let raw: RawReliefFile = crate::json::parse(FILE, text)?;
    Ok(validate(raw, org))
}

/// Checks every record ([`record`]) and aggregate ([`aggregate`]) against the organisation's
/// divisions and programmes, then the file's money total, sample flag and correction notes.
pub fn validate(raw: RawReliefFile, org: &Organisation) -> Checked<Relief> {
    let mut ctx = Ctx::new(FILE);
    let mut seen = Seen::default();
    let mut relief = Relief::default();
    for (i, r) in raw.records.iter().enumerate() {
        relief.records.extend(record(&mut ctx, &Item::new(&"records", i), r, org, &mut seen));
    }
    let whole = org.whole_area_term();
    for (i, a) in raw.aggregates.iter().enumerate() {
        relief.aggregates.extend(aggregate(&mut ctx, &Item::new(&"aggregates", i), a, org, &whole));
    }
    let amounts = relief.records.iter().filter_map(|r| r.amount).chain(relief.aggregates.iter().filter_map(|a| a.counts.map(|c| c.1)));
    if !ctx.total_within_bounds(amounts) {
        relief = Relief::default();
    }
    let any_sample = relief.records.iter().any(|r| r.origin.is_sample()) || relief.aggregates.iter().any(|a| a.origin.is_sample());
    ctx.sample_flag(raw.sample, any_sample, false);
    ctx.corrections(&raw.corrections);
    ctx.finish(relief)
}

/// One individual record, checked field by field (every error reported), or `None` when it has
/// any: a programme of the organisation's that is published person by person, a date, a
/// division, a status, an amount or goods, an origin.
fn record<'r>(ctx: &mut Ctx, at: &Item, r: &'r RawRelief, org: &Organisation, seen: &mut Seen<'r>) -> Option<ReliefRecord> {
    let i = at.index();
    let mark = ctx.mark();
    let id = r.id.as_deref().filter(|s| !s.trim().is_empty());
    let label = id.map_or_else(|| format!("第 {} 条", i + 1), str::to_string);
    match id {
        None => ctx.error(&at.field("id"), format!("{label}：缺少编号")),
        Some(x) if !seen.insert(x) => ctx.error(&at.field("id"), format!("编号“{x}”重复，这一条未显示")),
        _ => {}
    }
    let programme = r.programme.as_deref().and_then(|k| org.programme(k));
    if programme.is_none() {
        ctx.error(
            &at.field("programme"),
            format!("{label}：救助项目“{}”不在本会公布的救助项目之中（{}）", r.programme.as_deref().unwrap_or_default(), org.programme_choices()),
        );
    }
    if programme.as_ref().is_some_and(|p| p.aggregate_only) || r.medical == Some(true) {
        ctx.error(&at.field("programme"), format!("{label}：儿童和大病救助项目只公布汇总数，不得逐人公布"));
    }
    let date = ctx.date(r.date.as_deref(), &at.field("date"), &label, English::No);
    let county = r.county.as_deref().and_then(|c| org.division(c));
    match (&county, r.county.as_deref().map(str::trim)) {
        (Some(_), _) => {}
        (None, None | Some("")) => ctx.error(&at.field("county"), format!("{label}：缺少行政区划（应为 {} 之一）", org.division_list("、"))),
        (None, Some(c)) => ctx.error(&at.field("county"), format!("{label}：{}", org.not_a_division(c).0)),
    }
    let status = r.status.as_deref().and_then(ReliefStatus::parse);
    if status.is_none() {
        ctx.error(&at.field("status"), format!("{label}：状态“{}”无法识别（应为 {}）", r.status.as_deref().unwrap_or_default(), ReliefStatus::keys()));
    }
    let amount = match r.amount_fen {
        Some(a) if a > crate::money::MAX_RECORD => {
            ctx.error(&at.field("amount_fen"), format!("{label}：金额 {a} 分超过一条记录可能的金额（1000亿元），请核对"));
            None
        }
        Some(a) if a > 0 => Some(Fen(a)),
        Some(a) => {
            ctx.error(&at.field("amount_fen"), format!("{label}：金额 {a} 分不合理"));
            None
        }
        None => None,
    };
    if amount.is_none() && r.goods.as_deref().is_none_or(|g| g.trim().is_empty()) && r.amount_fen.is_none() {
        ctx.error(&at.field("amount_fen"), format!("{label}：须写明救助金额（amount_fen）或物资（goods）"));
    }
    let origin = ctx.origin(&r.origin, r.problem, at, &label, Origins::Any);
    if !ctx.clean_since(mark) {
        return None;
    }
    let (Some(id), Some(programme), Some(date), Some(county), Some(status), Some(origin)) = (id, programme, date, county, status, origin) else {
        return None;
    };
    let recipient = r.recipient.as_deref().unwrap_or_default().trim().to_string();
    // Spelled in pinyin: the names; then the id (a code), matched only as typed.
    let mut hay = [&programme.name, &county.name, r.township.as_deref().unwrap_or(""), &recipient, r.goods.as_deref().unwrap_or("")]
        .iter()
        .map(|s| normalize(s))
        .collect::<Vec<_>>()
        .join("\n");
    hay.push('\n');
    hay.push(char::from(crate::pinyin::END));
    hay.push_str(&normalize(id));
    Some(ReliefRecord {
        id: id.to_string(),
        programme,
        date,
        county,
        township: r.township.clone(),
        amount,
        goods: r.goods.clone(),
        status,
        recipient,
        origin,
        hay,
    })
}

/// One aggregate cell: a programme, a division (or [`WHOLE_AREA`]), a year, and its count or
/// `"suppressed": true`; `None` (with one finding) when any is missing.
fn aggregate(ctx: &mut Ctx, at: &Item, a: &RawAggregate, org: &Organisation, whole: &Term<Division>) -> Option<Aggregate> {
    let programme = a.programme.as_deref().and_then(|k| org.programme(k));
    let county = match a.county.as_deref() {
        Some(WHOLE_AREA) => Some(whole.clone()),
        Some(c) => org.division(c),
        None => None,
    };
    let origin = Origin::from_raw(a.origin.as_deref(), a.problem);
    let counts = match (a.suppressed, a.people) {
        (Some(true), _) => Some(None),
        (_, Some(p)) => Some(Some((p, Fen(a.amount_fen.unwrap_or(0).max(0))))),
        (_, None) => None,
    };
    match (programme, county, a.year, counts, origin) {
        (Some(programme), Some(county), Some(year), Some(counts), Ok(origin)) => return Some(Aggregate { programme, county, year, counts, origin }),
        (.., Err(m)) => ctx.error(at, m),
        _ => ctx.error(at, "汇总数据须有项目、县（市、区）、年份，以及人数或 \"suppressed\": true"),
    }
    None
}

// ---------------------------------------------------------------- table

crate::table_columns!(
    /// The 救助 table's columns, in display and CSV order.
    pub ReliefCol {
        Date => "date", "日期", "Date", Date;
        Recipient => "recipient", "受助人", "Recipient", Text;
        Amount => "amount", "金额", "Amount", Money;
        Goods => "goods", "物资", "Goods", Text;
        Programme => "programme", "救助项目", "Programme", Text;
        County => "county", "县（市、区）", "County", Text;
        Township => "township", "乡镇（街道）", "Township", Text;
        Status => "status", "状态", "Status", Text;
        Id => "id", "编号", "ID", Text;
        Origin => "origin", "来源", "Source", Text;
    }
);

crate::table_facets!(
    /// The 救助 table's facets.
    pub ReliefFacet {
        Year => "year", "年份", "Year";
        Programme => "programme", "救助项目", "Programme";
        County => "county", "县（市、区）", "County";
        Status => "status", "状态", "Status";
        Origin => "origin", "真实/示例", "Real/sample";
    }
);

fn pos<T: PartialEq + Copy>(all: &[T], x: T) -> u32 {
    all.iter().position(|y| *y == x).map(|p| p as u32).unwrap_or(NOT_APPLICABLE)
}

impl Record for ReliefRecord {
    type Col = ReliefCol;
    type Facet = ReliefFacet;
    fn cell_lang(&self, col: ReliefCol, lang: crate::i18n::Lang) -> Cell<'_> {
        match (lang, col) {
            (crate::i18n::Lang::Zh, _) => self.cell(col),
            (_, ReliefCol::Programme) => Cell::Text(Cow::Borrowed(self.programme.label(lang))),
            (_, ReliefCol::County) => Cell::Text(Cow::Borrowed(self.county.label(lang))),
            (_, ReliefCol::Status) => Cell::Text(Cow::Borrowed(self.status.en())),
            (_, ReliefCol::Origin) => Cell::Text(Cow::Owned(self.origin.en())),
            _ => self.cell(col),
        }
    }
    fn cell(&self, col: ReliefCol) -> Cell<'_> {
        let opt = |s: &Option<String>| s.as_deref().map(|x| Cell::Text(Cow::Owned(x.to_string()))).unwrap_or(Cell::Empty);
        match col {
            ReliefCol::Date => Cell::Date(self.date),
            ReliefCol::Recipient => {
                if self.recipient.is_empty() {
                    Cell::Empty
                } else {
                    Cell::Text(Cow::Borrowed(&self.recipient))
                }
            }
            ReliefCol::Amount => self.amount.map(Cell::Money).unwrap_or(Cell::Empty),
            ReliefCol::Goods => opt(&self.goods),
            ReliefCol::Programme => Cell::Text(Cow::Borrowed(&self.programme.name)),
            ReliefCol::County => Cell::Text(Cow::Borrowed(&self.county.name)),
            ReliefCol::Township => opt(&self.township),
            ReliefCol::Status => Cell::Text(Cow::Borrowed(self.status.zh())),
            ReliefCol::Id => Cell::Text(Cow::Borrowed(&self.id)),
            ReliefCol::Origin => Cell::Text(Cow::Owned(self.origin.zh())),
        }
    }
    fn facet_value(&self, f: ReliefFacet) -> u32 {
        match f {
            ReliefFacet::Year => self.date.year as u32,
            ReliefFacet::Programme => self.programme.code,
            ReliefFacet::County => self.county.code,
            ReliefFacet::Status => pos(&ReliefStatus::ALL, self.status),
            ReliefFacet::Origin => self.origin.is_sample() as u32,
        }
    }
    fn facet_label(f: ReliefFacet, code: u32, lang: crate::i18n::Lang, org: &Organisation) -> String {
        match f {
            ReliefFacet::Year => lang.pick(format!("{code}年"), code.to_string()),
            ReliefFacet::Programme => org.programmes.get(code as usize).map(|p| p.label(lang)).unwrap_or("?").to_string(),
            ReliefFacet::County => org.divisions.get(code as usize).map(|d| d.label(lang)).unwrap_or("?").to_string(),
            ReliefFacet::Status => ReliefStatus::ALL.get(code as usize).map(|p| p.label(lang)).unwrap_or("?").to_string(),
            ReliefFacet::Origin => (if code == 1 { lang.pick("示例数据", "Sample data") } else { lang.pick("真实记录", "Real records") }).to_string(),
        }
    }
    fn facet_key(f: ReliefFacet, code: u32, org: &Organisation) -> String {
        match f {
            ReliefFacet::Year => code.to_string(),
            ReliefFacet::Programme => org.programmes.get(code as usize).map(|p| p.key.as_str()).unwrap_or("?").to_string(),
            ReliefFacet::County => org.divisions.get(code as usize).map(|d| d.name.as_str()).unwrap_or("?").to_string(),
            ReliefFacet::Status => ReliefStatus::ALL.get(code as usize).map(|p| p.key()).unwrap_or("?").to_string(),
            ReliefFacet::Origin => (if code == 1 { "sample" } else { "real" }).to_string(),
        }
    }
    fn parse_facet_key(f: ReliefFacet, key: &str, org: &Organisation) -> Option<u32> {
        match f {
            ReliefFacet::Year => key.parse().ok(),
            ReliefFacet::Programme => org.programme(key).map(|p| p.code),
            ReliefFacet::County => org.division(key).map(|d| d.code),
            ReliefFacet::Status => ReliefStatus::parse(key).map(|p| pos(&ReliefStatus::ALL, p)),
            ReliefFacet::Origin => match key {
                "sample" => Some(1),
                "real" => Some(0),
                _ => None,
            },
        }
    }
    fn write_haystack(&self, out: &mut String) {
        out.push_str(&self.hay);
    }
    fn is_sample(&self) -> bool {
        self.origin.is_sample()
    }
    fn notes_column() -> ReliefCol {
        ReliefCol::Recipient
    }
    fn spelled(col: ReliefCol) -> bool {
        matches!(col, ReliefCol::Recipient | ReliefCol::Goods | ReliefCol::Programme | ReliefCol::County | ReliefCol::Township)
    }
    fn phone_columns() -> Option<&'static [ReliefCol]> {
        Some(&[ReliefCol::Date, ReliefCol::Recipient, ReliefCol::Amount, ReliefCol::Goods, ReliefCol::Programme, ReliefCol::County, ReliefCol::Status])
    }
}

crate::table_columns!(
    /// The aggregates table's columns, in display and CSV order.
    pub AggregateCol {
        Year => "year", "年份", "Year", Int;
        Programme => "programme", "救助项目", "Programme", Text;
        County => "county", "县（市、区）", "County", Text;
        People => "people", "人数", "People", Text;
        Amount => "amount", "金额", "Amount", Money;
        Origin => "origin", "来源", "Source", Text;
    }
);

crate::table_facets!(
    /// The aggregates' facets.
    pub AggregateFacet {
        Year => "year", "年份", "Year";
        County => "county", "县（市、区）", "County";
    }
);

impl Record for Aggregate {
    type Col = AggregateCol;
    type Facet = AggregateFacet;
    fn cell_lang(&self, col: AggregateCol, lang: crate::i18n::Lang) -> Cell<'_> {
        match (lang, col) {
            (crate::i18n::Lang::Zh, _) => self.cell(col),
            (_, AggregateCol::Programme) => Cell::Text(Cow::Borrowed(self.programme.label(lang))),
            (_, AggregateCol::County) => Cell::Text(Cow::Borrowed(self.county.label(lang))),
            (_, AggregateCol::People | AggregateCol::Amount) if self.suppressed() => Cell::Text(Cow::Borrowed("not published")),
            (_, AggregateCol::Origin) => Cell::Text(Cow::Owned(self.origin.en())),
            _ => self.cell(col),
        }
    }
    fn cell(&self, col: AggregateCol) -> Cell<'_> {
        match col {
            AggregateCol::Year => Cell::Int(self.year as i64),
            AggregateCol::Programme => Cell::Text(Cow::Borrowed(&self.programme.name)),
            AggregateCol::County => Cell::Text(Cow::Borrowed(&self.county.name)),
            // Small cells are never shown, in the table or anywhere else. Not "<5": a cell withheld
            // because a total would give a small one away may hold more.
            AggregateCol::People => match self.counts {
                Some((people, _)) => Cell::Text(Cow::Owned(people.to_string())),
                None => Cell::Text(Cow::Borrowed("不公布")),
            },
            AggregateCol::Amount => match self.counts {
                Some((_, amount)) => Cell::Money(amount),
                None => Cell::Text(Cow::Borrowed("不公布")),
            },
            AggregateCol::Origin => Cell::Text(Cow::Owned(self.origin.zh())),
        }
    }
    fn facet_value(&self, f: AggregateFacet) -> u32 {
        match f {
            AggregateFacet::Year => self.year as u32,
            AggregateFacet::County => self.county.code,
        }
    }
    fn facet_label(f: AggregateFacet, code: u32, lang: crate::i18n::Lang, org: &Organisation) -> String {
        match f {
            AggregateFacet::Year => lang.pick(format!("{code}年"), code.to_string()),
            AggregateFacet::County => org.divisions.get(code as usize).map_or_else(|| org.whole_area_in(lang), |d| d.label(lang)).to_string(),
        }
    }
    fn facet_key(f: AggregateFacet, code: u32, org: &Organisation) -> String {
        match f {
            AggregateFacet::Year => code.to_string(),
            AggregateFacet::County => org.divisions.get(code as usize).map_or("all", |d| d.name.as_str()).to_string(),
        }
    }
    fn parse_facet_key(f: AggregateFacet, key: &str, org: &Organisation) -> Option<u32> {
        match f {
            AggregateFacet::Year => key.parse().ok(),
            AggregateFacet::County if key == "all" => Some(NOT_APPLICABLE),
            AggregateFacet::County => org.division(key).map(|d| d.code),
        }
    }
    fn write_haystack(&self, _out: &mut String) {}
    fn is_sample(&self) -> bool {
        self.origin.is_sample()
    }
}

/// Indices of the aggregates that may go into a CSV: small cells are left out entirely.
pub fn publishable(aggregates: &[Aggregate], indices: &[u32]) -> Vec<u32> {
    indices.iter().copied().filter(|i| !aggregates[*i as usize].suppressed()).collect()
}

// ---------------------------------------------------------------- charts

/// Problem 5: applications to the two children's funds vs patients on record, 2019–2021.
pub fn application_gap_chart(f: &crate::figures::Figures, source: &str, lang: crate::i18n::Lang) -> Option<crate::chart::ColumnChart> {
    use crate::chart::{ColumnChart, Series, Unit, AMBER, GREEN};
    use crate::figures::Value;
    let n = |id: &str| match f.get(id).map(|x| &x.value) {
        Some(Value::Count { n, .. }) => Some(*n),
        _ => None,
    };
    let (la, lr, ca, cr) = (n("leukaemia-applied")?, n("leukaemia-recorded")?, n("chd-applied")?, n("chd-recorded")?);
    Some(ColumnChart {
        title: lang.pick("大病儿童救助：申报人数与医保备案人数", "Children with serious illness: applications vs medical insurance records").into(),
        subtitle: lang
            .pick(
                "2019年至2021年，0–18岁白血病与0–14岁先天性心脏病患儿（人）",
                "2019 to 2021, children with leukaemia (age 0–18) and congenital heart disease (age 0–14) (people)",
            )
            .into(),
        source: source.to_string(),
        sample: false,
        categories: match lang {
            crate::i18n::Lang::Zh => vec![("白血病（0–18岁）".into(), "白血病".into()), ("先天性心脏病（0–14岁）".into(), "先心病".into())],
            crate::i18n::Lang::En => {
                vec![("Leukaemia (age 0–18)".into(), "Leukaemia".into()), ("Congenital heart disease (age 0–14)".into(), "Heart disease".into())]
            }
        },
        series: vec![
            Series { name: lang.pick("向红十字会申报", "Applied to the Red Cross").into(), color: GREEN, values: vec![la, ca] },
            Series { name: lang.pick("医保局备案", "On medical insurance records").into(), color: AMBER, values: vec![lr, cr] },
        ],
        unit: Unit::Count,
        stacked: false,
        lang,
    })
}

/// Relief paid out per county over the rows on screen (money only; goods are counted).
/// One bar per division of `org`, in its order.
pub fn by_county_chart(rows: &[ReliefRecord], idx: &[u32], source: &str, lang: crate::i18n::Lang, org: &Organisation) -> crate::chart::BarChart {
    use crate::chart::{Bar, BarChart, RED};
    let mut sums = vec![(0i64, 0usize); org.divisions.len()];
    let mut sample = false;
    for i in idx {
        let r = &rows[*i as usize];
        sample |= r.origin.is_sample();
        if let Some(k) = sums.get_mut(r.county.code as usize) {
            k.0 += r.amount.map(|a| a.0).unwrap_or(0);
            k.1 += 1;
        }
    }
    BarChart {
        title: match lang {
            crate::i18n::Lang::Zh => format!("各{}救助金额", org.division_label_in(lang)),
            crate::i18n::Lang::En => format!("Relief paid per {}", org.division_label_in(lang).to_lowercase()),
        },
        subtitle: match lang {
            crate::i18n::Lang::Zh => format!("当前筛选的 {} 条救助记录，按{}合计", idx.len(), org.division_label_in(lang)),
            crate::i18n::Lang::En => format!("The {} relief records of the current filter, per {}", idx.len(), org.division_label_in(lang).to_lowercase()),
        },
        lang,
        source: source.to_string(),
        sample,
        bars: org
            .divisions
            .iter()
            .zip(sums)
            .map(|(c, (fen, n))| Bar {
                label: c.label(lang).to_string(),
                value: fen,
                value_label: lang
                    .pick(format!("{}（{n} 人次）", crate::format::money_zh(Fen(fen))), format!("{} ({n} cases)", crate::format::money_en(Fen(fen)))),
                color: RED,
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests;
