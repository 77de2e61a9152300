//! The money and goods ledger: donations received, disbursements (use of funds) and in-kind
//! goods (batches in, movements out, write-offs). Raw serde types are the file format (also
//! written by the sample generator); `load_*` validate them into the model.

use crate::date::PartialDate;
use crate::diag::{Checked, Diagnostic};
use crate::money::Fen;
use crate::search::normalize;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Display;
use std::sync::Arc;

pub const DONATIONS: &str = "donations.json";
pub const DISBURSEMENTS: &str = "disbursements.json";
pub const GOODS: &str = "goods.json";
/// The format ids (`"schema"`) of the three files as this version writes them.
pub const DONATIONS_SCHEMA: &str = "gongshi/donations/1";
pub const DISBURSEMENTS_SCHEMA: &str = "gongshi/disbursements/1";
pub const GOODS_SCHEMA: &str = "gongshi/goods/1";

// ---------------------------------------------------------------- enums

keyed_enum!(
    /// Who gave.
    DonorKind {
        Individual => "individual", "个人", "Individual";
        Enterprise => "enterprise", "企业", "Enterprise";
        Organisation => "organisation", "社会组织", "Civil society organisation";
        Government => "government", "机关事业单位", "Government body or public institution";
        Anonymous => "anonymous", "匿名", "Anonymous";
    }
);

keyed_enum!(
    /// How the money arrived.
    Channel {
        BankTransfer => "bank_transfer", "银行转账", "Bank transfer";
        OnlinePlatform => "online_platform", "网络募捐平台", "Online fundraising platform";
        Wechat => "wechat", "微信", "WeChat";
        Cash => "cash", "现金", "Cash";
        Other => "other", "其他", "Other";
    }
);

keyed_enum!(
    /// What became of a donation.
    DonationStatus {
        Received => "received", "已到账", "Received";
        Refunded => "refunded", "已退回", "Refunded";
        Cancelled => "cancelled", "已取消", "Cancelled";
    }
);

keyed_enum!(
    /// What a disbursement paid for. `ProjectCost` is capped at 6.5% of the year's
    /// non-directed donations (湖北省红十字会捐赠资金管理办法; seed problem 14).
    Category {
        Aid => "aid", "救助和项目支出", "Relief and programme spending";
        ProjectCost => "project_cost", "项目费用（6.5% 上限）", "Project costs (6.5% cap)";
        Management => "management", "管理费用", "Management costs";
    }
);

/// Where a record comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Origin {
    /// Stated in the seed report, under this problem number.
    Seed(u32),
    /// Generated sample data: not a real record.
    Sample,
    /// A real record published by the organisation itself (`"origin": "published"`), e.g. one
    /// imported from its own spreadsheets with `gongshi import`.
    Published,
}

impl Origin {
    /// Reads a record's `origin` (and `problem`, for seed records) as written in every data file.
    /// The message is the reason only; callers add the record and the path.
    pub fn from_raw(origin: Option<&str>, problem: Option<u32>) -> Result<Origin, String> {
        match (origin, problem) {
            (Some("sample"), _) => Ok(Origin::Sample),
            (Some("published"), _) => Ok(Origin::Published),
            (Some("seed"), Some(n)) => Ok(Origin::Seed(n)),
            (Some("seed"), None) => Err("来自整改报告的记录必须注明问题编号".into()),
            (Some(x), _) => Err(format!("来源“{x}”无法识别（应为 published、sample 或 seed）")),
            (None, _) => Err("缺少来源（published 公开记录、sample 示例数据，或 seed 整改报告）".into()),
        }
    }

    pub fn is_sample(self) -> bool {
        self == Origin::Sample
    }
    pub fn en(self) -> String {
        match self {
            Origin::Seed(n) => format!("Report, problem {n}"),
            Origin::Sample => "Sample data".to_string(),
            Origin::Published => "Published record".to_string(),
        }
    }

    pub fn label(self, lang: crate::i18n::Lang) -> String {
        lang.pick(self.zh(), self.en())
    }

    pub fn zh(self) -> String {
        match self {
            Origin::Seed(n) => format!("整改报告问题 {n}"),
            Origin::Sample => "示例数据".to_string(),
            Origin::Published => "公开记录".to_string(),
        }
    }
    /// The key written in data files: `seed`, `sample` or `published`.
    pub fn key(self) -> &'static str {
        match self {
            Origin::Seed(_) => "seed",
            Origin::Sample => "sample",
            Origin::Published => "published",
        }
    }
}

// ---------------------------------------------------------------- raw file format

#[derive(Serialize, Deserialize, Default, Clone, Debug, PartialEq)]
#[serde(default)]
pub struct RawCorrection {
    pub date: Option<String>,
    pub text: Option<String>,
}

#[derive(Serialize, Deserialize, Default, Clone, Debug, PartialEq)]
#[serde(default)]
pub struct RawDonation {
    pub id: Option<String>,
    pub date: Option<String>,
    pub donor: Option<String>,
    pub donor_kind: Option<String>,
    pub amount_fen: Option<RawInt>,
    pub directed: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub directed_to: Option<String>,
    pub channel: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub platform: Option<String>,
    pub project: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub receipt: Option<String>,
    pub status: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub corrections: Vec<RawCorrection>,
    /// "published" (a real record of the organisation), "sample", or "seed" with `problem`.
    pub origin: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problem: Option<u32>,
}

#[derive(Serialize, Deserialize, Default, Clone, Debug, PartialEq)]
#[serde(default)]
pub struct RawDisbursement {
    pub id: Option<String>,
    pub date: Option<String>,
    pub purpose: Option<String>,
    pub project: Option<String>,
    pub recipient: Option<String>,
    pub amount_fen: Option<RawInt>,
    /// Ids of the directed donations this was paid from; empty = the non-directed pool.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub from_donations: Vec<String>,
    pub category: Option<String>,
    pub origin: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problem: Option<u32>,
}

#[derive(Serialize, Deserialize, Default, Clone, Debug, PartialEq)]
#[serde(default)]
pub struct RawCancellation {
    pub date: Option<String>,
    pub reason: Option<String>,
}

#[derive(Serialize, Deserialize, Default, Clone, Debug, PartialEq)]
#[serde(default)]
pub struct RawBatch {
    pub id: Option<String>,
    pub date: Option<String>,
    pub donor: Option<String>,
    pub donor_kind: Option<String>,
    pub item: Option<String>,
    pub quantity: Option<i64>,
    pub unit: Option<String>,
    pub value_fen: Option<RawInt>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub directed_to: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cancelled: Option<RawCancellation>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub origin: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problem: Option<u32>,
}

#[derive(Serialize, Deserialize, Default, Clone, Debug, PartialEq)]
#[serde(default)]
pub struct RawMovement {
    pub id: Option<String>,
    pub date: Option<String>,
    pub batch: Option<String>,
    pub quantity: Option<i64>,
    pub destination: Option<String>,
    pub origin: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problem: Option<u32>,
}

#[derive(Serialize, Deserialize, Default, Clone, Debug, PartialEq)]
#[serde(default)]
pub struct RawWriteOff {
    pub id: Option<String>,
    /// May be absent when the source gives no date.
    pub date: Option<String>,
    pub batch: Option<String>,
    pub quantity: Option<i64>,
    pub reason: Option<String>,
    pub origin: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problem: Option<u32>,
}

/// The envelope every ledger file shares.
#[derive(Serialize, Deserialize, Default, Clone, Debug, PartialEq)]
#[serde(default)]
pub struct RawFile<T> {
    pub schema: Option<String>,
    /// Whether the file holds generated sample records (each record says so too).
    pub sample: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub records: Vec<T>,
    /// 更正说明 ([`crate::correction`]).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub corrections: Vec<crate::correction::RawNote>,
}

#[derive(Serialize, Deserialize, Default, Clone, Debug, PartialEq)]
#[serde(default)]
pub struct RawGoods {
    pub schema: Option<String>,
    pub sample: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub batches: Vec<RawBatch>,
    pub movements: Vec<RawMovement>,
    pub writeoffs: Vec<RawWriteOff>,
    /// 更正说明 ([`crate::correction`]).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub corrections: Vec<crate::correction::RawNote>,
}

// ---------------------------------------------------------------- model

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Correction {
    pub date: PartialDate,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Donation {
    pub id: String,
    pub date: PartialDate,
    /// Donor, purpose and project repeat across many records: one shared copy of each text
    /// per file (see [`Texts`]).
    pub donor: Arc<str>,
    pub donor_kind: DonorKind,
    pub amount: Fen,
    pub directed: bool,
    pub directed_to: Option<Arc<str>>,
    pub channel: Channel,
    pub platform: Option<String>,
    pub project: Arc<str>,
    pub receipt: Option<String>,
    pub status: DonationStatus,
    pub corrections: Vec<Correction>,
    pub origin: Origin,
}

impl Donation {
    /// The donor as shown: anonymous donors as 匿名/爱心人士.
    pub fn donor_shown(&self) -> &str {
        if self.donor_kind == DonorKind::Anonymous || self.donor.trim().is_empty() {
            "爱心人士（匿名）"
        } else {
            &self.donor
        }
    }
    /// Counts towards income (refunded and cancelled gifts do not).
    pub fn counts(&self) -> bool {
        self.status == DonationStatus::Received
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Funding {
    Pool,
    Directed(Vec<String>),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Disbursement {
    pub id: String,
    pub date: PartialDate,
    pub purpose: String,
    pub project: String,
    pub recipient: String,
    pub amount: Fen,
    pub funding: Funding,
    pub category: Category,
    pub origin: Origin,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cancellation {
    pub date: Option<PartialDate>,
    pub reason: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Batch {
    pub id: String,
    pub date: PartialDate,
    pub donor: String,
    pub donor_kind: DonorKind,
    pub item: String,
    pub quantity: i64,
    pub unit: String,
    pub value: Fen,
    pub directed_to: Option<String>,
    pub cancelled: Option<Cancellation>,
    pub note: Option<String>,
    pub origin: Origin,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Movement {
    pub id: String,
    pub date: PartialDate,
    pub batch: String,
    pub quantity: i64,
    pub destination: String,
    pub origin: Origin,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WriteOff {
    pub id: String,
    pub date: Option<PartialDate>,
    pub batch: String,
    pub quantity: i64,
    pub reason: String,
    pub origin: Origin,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Goods {
    pub batches: Vec<Batch>,
    pub movements: Vec<Movement>,
    pub writeoffs: Vec<WriteOff>,
}

// ---------------------------------------------------------------- validation helpers

struct V<'a> {
    file: &'a str,
    out: Vec<Diagnostic>,
}

/// Texts already seen in a file, each kept once and shared by the records that repeat it.
#[derive(Default)]
pub struct Texts(std::collections::HashSet<Arc<str>, crate::index::FastHash>);

impl Texts {
    pub fn share(&mut self, s: &str) -> Arc<str> {
        if let Some(a) = self.0.get(s) {
            return a.clone();
        }
        let a: Arc<str> = Arc::from(s);
        self.0.insert(a.clone());
        a
    }
}

/// Ids seen so far in a file (borrowed from the parsed records; a fast hash, as a ledger has
/// hundreds of thousands of them).
type Seen<'r> = std::collections::HashSet<&'r str, crate::index::FastHash>;

/// Where in a file a record's field is: `records[i]` and the field (".date"). Written out only
/// when there is a problem to report (formatting every field's path of every record cost a
/// tenth of the load time of a large ledger).
#[derive(Clone, Copy)]
struct At(usize, &'static str);

impl Display for At {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "records[{}]{}", self.0, self.1)
    }
}

impl V<'_> {
    fn err(&mut self, path: &dyn Display, msg: String) {
        self.out.push(Diagnostic::error(self.file, path.to_string(), msg));
    }
    fn err_en(&mut self, path: &dyn Display, msg: String, en: String) {
        self.out.push(Diagnostic::error(self.file, path.to_string(), msg).en(en));
    }
    /// A free-text field that must not point at a household ([`crate::privacy::household_in_text`]):
    /// an error, and the record is not shown.
    fn no_household(&mut self, v: &Option<String>, path: &dyn Display, what: &str, label: &str) {
        if let Some(found) = v.as_deref().and_then(crate::privacy::household_in_text) {
            self.err_en(
                path,
                format!("{label}：{what}含有{found}；只能写到乡镇（街道）、村（社区）或单位，出于隐私保护，这一条不予显示"),
                format!("{path}: names a household ({found}); write only the township, the village or community, or the organisation; to protect privacy this record is not shown"),
            );
        }
    }
    fn text(&mut self, v: &Option<String>, path: &dyn Display, what: &str, label: &str) -> Option<String> {
        match v {
            Some(s) if !s.trim().is_empty() => Some(s.clone()),
            _ => {
                self.err_en(path, format!("{label}：缺少{what}"), format!("{path}: missing"));
                None
            }
        }
    }
    fn date(&mut self, v: &Option<String>, path: &dyn Display, label: &str) -> Option<PartialDate> {
        match v.as_deref().map(PartialDate::parse) {
            Some(Ok(d)) => Some(d),
            Some(Err(e)) => {
                let raw = v.as_deref().unwrap_or_default();
                self.err_en(
                    path,
                    format!("{label}：{e}"),
                    format!("{path}: “{raw}” is not a date that exists (YYYY-MM-DD, YYYY-MM or YYYY); this record is not shown"),
                );
                None
            }
            None => {
                self.err_en(path, format!("{label}：缺少日期"), format!("{path}: the date is missing"));
                None
            }
        }
    }
    fn opt_date(&mut self, v: &Option<String>, path: &dyn Display, label: &str) -> Option<Option<PartialDate>> {
        match v {
            None => Some(None),
            Some(_) => self.date(v, path, label).map(Some),
        }
    }
    fn money(&mut self, v: &Option<RawInt>, path: &dyn Display, label: &str, allow_zero: bool) -> Option<Fen> {
        match v.clone() {
            Some(RawInt::Int(x)) if x > crate::money::MAX_RECORD => {
                self.err_en(
                    path,
                    format!("{label}：金额 {x} 分（{}）超过一条记录可能的金额（1000亿元），请核对是否多写了位数或把收据号填进了金额栏，这一条未显示", Fen(x)),
                    format!("{path}: an amount of {x} fen is more than any one record can hold (100 billion yuan); check for extra digits or a receipt number in the amount column; this record is not shown"),
                );
                None
            }
            Some(RawInt::Int(x)) if x > 0 || (allow_zero && x == 0) => Some(Fen(x)),
            Some(RawInt::Int(x)) => {
                self.err_en(
                    path,
                    format!("{label}：金额 {x} 分不合理（应为正数，单位为分）"),
                    format!("{path}: an amount of {x} fen is not valid (it must be positive, in fen)"),
                );
                None
            }
            Some(RawInt::Other(raw)) => {
                self.err_en(
                    path,
                    format!("{label}：金额 {raw} 不是整数的分（amount_fen 以分为单位，应为不带引号、逗号和小数点的整数，如 123456 表示 1234.56 元），这一条未显示"),
                    format!("{path}: the amount {raw} is not a whole number of fen (amount_fen must be an integer without quotes, commas or decimals, e.g. 123456 for 1234.56 yuan); this record is not shown"),
                );
                None
            }
            None => {
                self.err_en(path, format!("{label}：缺少金额（amount_fen，单位为分）"), format!("{path}: the amount (amount_fen, in fen) is missing"));
                None
            }
        }
    }
    fn qty(&mut self, v: Option<i64>, path: &dyn Display, label: &str) -> Option<i64> {
        match v {
            Some(x) if x > 0 => Some(x),
            Some(x) => {
                self.err(path, format!("{label}：数量 {x} 不合理（应为正整数）"));
                None
            }
            None => {
                self.err(path, format!("{label}：缺少数量"));
                None
            }
        }
    }
    fn keyed<T>(&mut self, v: &Option<String>, parse: fn(&str) -> Option<T>, keys: String, path: &dyn Display, what: &str, label: &str) -> Option<T> {
        match v.as_deref() {
            Some(s) => match parse(s) {
                Some(x) => Some(x),
                None => {
                    self.err_en(
                        path,
                        format!("{label}：{what}“{s}”无法识别（应为 {keys}）"),
                        format!("{path}: “{s}” is not one of the allowed values ({keys}); this record is not shown"),
                    );
                    None
                }
            },
            None => {
                self.err_en(path, format!("{label}：缺少{what}"), format!("{path}: missing"));
                None
            }
        }
    }
    fn origin(&mut self, origin: &Option<String>, problem: Option<u32>, path: &dyn Display, label: &str) -> Option<Origin> {
        // Ledger records name a problem of the report (1–99) when they come from it.
        let problem = problem.filter(|n| (1..=99).contains(n));
        match Origin::from_raw(origin.as_deref(), problem) {
            Ok(o) => Some(o),
            Err(m) => {
                let field = if origin.as_deref() == Some("seed") { "problem" } else { "origin" };
                self.err(&format!("{path}.{field}"), format!("{label}：{m}"));
                None
            }
        }
    }
    fn id<'r>(&mut self, v: &'r Option<String>, seen: &mut Seen<'r>, path: &dyn Display, i: usize) -> Option<String> {
        match v {
            Some(id) if !id.trim().is_empty() => {
                if seen.insert(id.as_str()) {
                    Some(id.clone())
                } else {
                    self.err_en(
                        &format!("{path}.id"),
                        format!("编号“{id}”重复，这一条未显示"),
                        format!("{path}.id: the id “{id}” appears more than once; this record is not shown"),
                    );
                    None
                }
            }
            _ => {
                self.err_en(&format!("{path}.id"), format!("第 {} 条记录缺少编号", i + 1), format!("{path}.id: record {} has no id", i + 1));
                None
            }
        }
    }
    /// Whether the errors pushed since `before` leave the record usable.
    fn clean_since(&self, before: usize) -> bool {
        self.out.len() == before
    }
}

/// Refuses a whole file whose amounts add up to more than [`crate::money::MAX_FILE_TOTAL`]: its
/// records are dropped and one error says why, so no total the app computes can overflow.
fn bound_total<T>(v: &mut V, rows: &mut Vec<T>, amount: impl Fn(&T) -> Fen) {
    if Fen::bounded_total(rows.iter().map(&amount)).is_none() {
        v.err_en(
            &"",
            "文件中的金额合计超过 10 万亿元，超出可核算的范围（多半是金额单位或位数有误），整个文件不予显示".to_string(),
            "The amounts in this file add up to more than 10 trillion yuan, beyond what can be reckoned (most likely a wrong unit or extra digits); the whole file is not shown".to_string(),
        );
        rows.clear();
    }
}

fn check_file_sample<T>(v: &mut V, raw_sample: Option<bool>, records: &[T], is_sample: impl Fn(&T) -> bool) {
    let any_sample = records.iter().any(&is_sample);
    match raw_sample {
        Some(false) if any_sample => v.err(&"sample", "文件标为真实数据（sample: false），但含有示例记录".into()),
        None => v.out.push(Diagnostic::warning(v.file, "sample", "文件没有说明是否含示例数据（sample）")),
        _ => {}
    }
}

/// An integer field read leniently: a JSON integer, or whatever else was there (a decimal, a
/// string, `true`…) kept as its text, so that one bad amount leaves only its record out (with a
/// diagnostic naming it) instead of failing the whole file. Written back as the plain integer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RawInt {
    Int(i64),
    Other(String),
}

impl From<i64> for RawInt {
    fn from(x: i64) -> Self {
        RawInt::Int(x)
    }
}

impl RawInt {
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            RawInt::Int(x) => Some(*x),
            RawInt::Other(_) => None,
        }
    }
}

impl Serialize for RawInt {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            RawInt::Int(x) => s.serialize_i64(*x),
            RawInt::Other(t) => s.serialize_str(t),
        }
    }
}

impl<'de> Deserialize<'de> for RawInt {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = RawInt;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an integer")
            }
            fn visit_i64<E>(self, x: i64) -> Result<RawInt, E> {
                Ok(RawInt::Int(x))
            }
            fn visit_u64<E>(self, x: u64) -> Result<RawInt, E> {
                Ok(i64::try_from(x).map(RawInt::Int).unwrap_or_else(|_| RawInt::Other(x.to_string())))
            }
            fn visit_f64<E>(self, x: f64) -> Result<RawInt, E> {
                Ok(RawInt::Other(x.to_string()))
            }
            fn visit_str<E>(self, x: &str) -> Result<RawInt, E> {
                Ok(RawInt::Other(format!("“{x}”")))
            }
            fn visit_bool<E>(self, x: bool) -> Result<RawInt, E> {
                Ok(RawInt::Other(x.to_string()))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut a: A) -> Result<RawInt, A::Error> {
                while a.next_element::<serde::de::IgnoredAny>()?.is_some() {}
                Ok(RawInt::Other("[…]".into()))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut a: A) -> Result<RawInt, A::Error> {
                while a.next_entry::<serde::de::IgnoredAny, serde::de::IgnoredAny>()?.is_some() {}
                Ok(RawInt::Other("{…}".into()))
            }
        }
        d.deserialize_any(V)
    }
}

// ---------------------------------------------------------------- loaders

pub fn load_donations(text: &str) -> Result<Checked<Vec<Donation>>, Diagnostic> {
    load_donations_part(DONATIONS, text)
}

/// Loads one part of a donations ledger published in parts (same format as donations.json);
/// problems name `file`.
#[inline(never)] // stays compiled for speed in this crate (see Cargo.toml)
pub fn load_donations_part(file: &str, text: &str) -> Result<Checked<Vec<Donation>>, Diagnostic> {
    let raw: RawFile<RawDonation> = crate::json::parse(file, text)?;
    Ok(validate_donations_in(file, raw))
}

pub fn validate_donations(raw: RawFile<RawDonation>) -> Checked<Vec<Donation>> {
    validate_donations_in(DONATIONS, raw)
}

pub(crate) fn validate_donations_in(file: &str, raw: RawFile<RawDonation>) -> Checked<Vec<Donation>> {
    let mut v = V { file, out: Vec::new() };
    let mut seen = Seen::default();
    let mut texts = Texts::default();
    let mut rows = Vec::with_capacity(raw.records.len());
    for (i, r) in raw.records.iter().enumerate() {
        let path = At(i, "");
        let before = v.out.len();
        let id = v.id(&r.id, &mut seen, &path, i);
        let label = id.clone().unwrap_or_else(|| format!("第 {} 条", i + 1));
        let date = v.date(&r.date, &At(i, ".date"), &label);
        let donor_kind = v.keyed(&r.donor_kind, DonorKind::parse, DonorKind::keys(), &At(i, ".donor_kind"), "捐赠方类型", &label);
        let donor = if donor_kind == Some(DonorKind::Anonymous) {
            r.donor.clone().or(Some(String::new()))
        } else {
            v.text(&r.donor, &At(i, ".donor"), "捐赠方", &label)
        };
        let amount = v.money(&r.amount_fen, &At(i, ".amount_fen"), &label, false);
        let channel = v.keyed(&r.channel, Channel::parse, Channel::keys(), &At(i, ".channel"), "捐赠渠道", &label);
        let status = v.keyed(&r.status, DonationStatus::parse, DonationStatus::keys(), &At(i, ".status"), "状态", &label);
        let project = v.text(&r.project, &At(i, ".project"), "项目", &label);
        let directed = match r.directed {
            Some(d) => Some(d),
            None => {
                v.err(&At(i, ".directed"), format!("{label}：缺少是否定向（directed）"));
                None
            }
        };
        if directed == Some(true) && r.directed_to.as_deref().is_none_or(|s| s.trim().is_empty()) {
            v.err(&At(i, ".directed_to"), format!("{label}：定向捐赠须写明定向用途（directed_to）"));
        }
        let origin = v.origin(&r.origin, r.problem, &path, &label);
        let mut corrections = Vec::new();
        for (j, c) in r.corrections.iter().enumerate() {
            let cp = format!("{path}.corrections[{j}]");
            if let (Some(d), Some(t)) = (v.date(&c.date, &format!("{cp}.date"), &label), v.text(&c.text, &format!("{cp}.text"), "更正说明", &label)) {
                corrections.push(Correction { date: d, text: t });
            }
        }
        if !v.clean_since(before) {
            continue;
        }
        if let (Some(id), Some(date), Some(donor_kind), Some(donor), Some(amount), Some(channel), Some(status), Some(project), Some(directed), Some(origin)) =
            (id, date, donor_kind, donor, amount, channel, status, project, directed, origin)
        {
            rows.push(Donation {
                id,
                date,
                donor: texts.share(&donor),
                donor_kind,
                amount,
                directed,
                directed_to: r.directed_to.as_deref().filter(|s| !s.trim().is_empty()).map(|s| texts.share(s)),
                channel,
                platform: r.platform.clone(),
                project: texts.share(&project),
                receipt: r.receipt.clone().filter(|s| !s.trim().is_empty()),
                status,
                corrections,
                origin,
            });
        }
    }
    bound_total(&mut v, &mut rows, |d: &Donation| d.amount);
    check_file_sample(&mut v, raw.sample, &rows, |d| d.origin.is_sample());
    v.out.extend(crate::correction::check(v.file, &raw.corrections).findings);
    Checked { value: rows, findings: v.out }
}

pub fn load_disbursements(text: &str) -> Result<Checked<Vec<Disbursement>>, Diagnostic> {
    let raw: RawFile<RawDisbursement> = crate::json::parse(DISBURSEMENTS, text)?;
    Ok(validate_disbursements(raw))
}

pub fn validate_disbursements(raw: RawFile<RawDisbursement>) -> Checked<Vec<Disbursement>> {
    let mut v = V { file: DISBURSEMENTS, out: Vec::new() };
    let mut seen = Seen::default();
    let mut rows = Vec::with_capacity(raw.records.len());
    for (i, r) in raw.records.iter().enumerate() {
        let path = At(i, "");
        let before = v.out.len();
        let id = v.id(&r.id, &mut seen, &path, i);
        let label = id.clone().unwrap_or_else(|| format!("第 {} 条", i + 1));
        let date = v.date(&r.date, &At(i, ".date"), &label);
        let purpose = v.text(&r.purpose, &At(i, ".purpose"), "用途", &label);
        let project = v.text(&r.project, &At(i, ".project"), "项目", &label);
        let recipient = v.text(&r.recipient, &At(i, ".recipient"), "接收方", &label);
        v.no_household(&r.recipient, &At(i, ".recipient"), "接收方", &label);
        v.no_household(&r.purpose, &At(i, ".purpose"), "用途", &label);
        let amount = v.money(&r.amount_fen, &At(i, ".amount_fen"), &label, false);
        let category = v.keyed(&r.category, Category::parse, Category::keys(), &At(i, ".category"), "支出类别", &label);
        let origin = v.origin(&r.origin, r.problem, &path, &label);
        if !v.clean_since(before) {
            continue;
        }
        if let (Some(id), Some(date), Some(purpose), Some(project), Some(recipient), Some(amount), Some(category), Some(origin)) =
            (id, date, purpose, project, recipient, amount, category, origin)
        {
            let funding = if r.from_donations.is_empty() { Funding::Pool } else { Funding::Directed(r.from_donations.clone()) };
            rows.push(Disbursement { id, date, purpose, project, recipient, amount, funding, category, origin });
        }
    }
    bound_total(&mut v, &mut rows, |d: &Disbursement| d.amount);
    check_file_sample(&mut v, raw.sample, &rows, |d| d.origin.is_sample());
    v.out.extend(crate::correction::check(v.file, &raw.corrections).findings);
    Checked { value: rows, findings: v.out }
}

pub fn load_goods(text: &str) -> Result<Checked<Goods>, Diagnostic> {
    let raw: RawGoods = crate::json::parse(GOODS, text)?;
    Ok(validate_goods(raw))
}

pub fn validate_goods(raw: RawGoods) -> Checked<Goods> {
    let mut v = V { file: GOODS, out: Vec::new() };
    let mut seen = Seen::default();
    let mut g = Goods::default();
    for (i, r) in raw.batches.iter().enumerate() {
        let path = format!("batches[{i}]");
        let before = v.out.len();
        let id = v.id(&r.id, &mut seen, &path, i);
        let label = id.clone().unwrap_or_else(|| format!("第 {} 批", i + 1));
        let date = v.date(&r.date, &format!("{path}.date"), &label);
        let donor_kind = v.keyed(&r.donor_kind, DonorKind::parse, DonorKind::keys(), &format!("{path}.donor_kind"), "捐赠方类型", &label);
        let donor = v.text(&r.donor, &format!("{path}.donor"), "捐赠方", &label);
        let item = v.text(&r.item, &format!("{path}.item"), "物资名称", &label);
        let quantity = v.qty(r.quantity, &format!("{path}.quantity"), &label);
        let unit = v.text(&r.unit, &format!("{path}.unit"), "计量单位", &label);
        let value = v.money(&r.value_fen, &format!("{path}.value_fen"), &label, true);
        let origin = v.origin(&r.origin, r.problem, &path, &label);
        let cancelled = match &r.cancelled {
            None => Some(None),
            Some(c) => v
                .opt_date(&c.date, &format!("{path}.cancelled.date"), &label)
                .map(|date| Some(Cancellation { date, reason: c.reason.clone().unwrap_or_default() })),
        };
        v.no_household(&r.note, &format!("{path}.note"), "备注", &label);
        if !v.clean_since(before) {
            continue;
        }
        if let (Some(id), Some(date), Some(donor_kind), Some(donor), Some(item), Some(quantity), Some(unit), Some(value), Some(origin), Some(cancelled)) =
            (id, date, donor_kind, donor, item, quantity, unit, value, origin, cancelled)
        {
            g.batches.push(Batch {
                id,
                date,
                donor,
                donor_kind,
                item,
                quantity,
                unit,
                value,
                directed_to: r.directed_to.clone(),
                cancelled,
                note: r.note.clone(),
                origin,
            });
        }
    }
    let batch_ids: BTreeSet<String> = g.batches.iter().map(|b| b.id.clone()).collect();
    for (i, r) in raw.movements.iter().enumerate() {
        let path = format!("movements[{i}]");
        let before = v.out.len();
        let id = v.id(&r.id, &mut seen, &path, i);
        let label = id.clone().unwrap_or_else(|| format!("第 {} 条出库", i + 1));
        let date = v.date(&r.date, &format!("{path}.date"), &label);
        let quantity = v.qty(r.quantity, &format!("{path}.quantity"), &label);
        let destination = v.text(&r.destination, &format!("{path}.destination"), "去向", &label);
        v.no_household(&r.destination, &format!("{path}.destination"), "去向", &label);
        let origin = v.origin(&r.origin, r.problem, &path, &label);
        let batch = match &r.batch {
            Some(b) if batch_ids.contains(b) => Some(b.clone()),
            Some(b) => {
                v.err(&format!("{path}.batch"), format!("{label}：批次“{b}”不存在"));
                None
            }
            None => {
                v.err(&format!("{path}.batch"), format!("{label}：缺少批次"));
                None
            }
        };
        if !v.clean_since(before) {
            continue;
        }
        if let (Some(id), Some(date), Some(quantity), Some(destination), Some(origin), Some(batch)) = (id, date, quantity, destination, origin, batch) {
            g.movements.push(Movement { id, date, batch, quantity, destination, origin });
        }
    }
    for (i, r) in raw.writeoffs.iter().enumerate() {
        let path = format!("writeoffs[{i}]");
        let before = v.out.len();
        let id = v.id(&r.id, &mut seen, &path, i);
        let label = id.clone().unwrap_or_else(|| format!("第 {} 条核销", i + 1));
        let date = v.opt_date(&r.date, &format!("{path}.date"), &label);
        let quantity = v.qty(r.quantity, &format!("{path}.quantity"), &label);
        let origin = v.origin(&r.origin, r.problem, &path, &label);
        v.no_household(&r.reason, &format!("{path}.reason"), "核销原因", &label);
        let batch = match &r.batch {
            Some(b) if batch_ids.contains(b) => Some(b.clone()),
            Some(b) => {
                v.err(&format!("{path}.batch"), format!("{label}：批次“{b}”不存在"));
                None
            }
            None => {
                v.err(&format!("{path}.batch"), format!("{label}：缺少批次"));
                None
            }
        };
        if !v.clean_since(before) {
            continue;
        }
        if let (Some(id), Some(date), Some(quantity), Some(origin), Some(batch)) = (id, date, quantity, origin, batch) {
            g.writeoffs.push(WriteOff { id, date, batch, quantity, reason: r.reason.clone().unwrap_or_default(), origin });
        }
    }
    let mut batches = std::mem::take(&mut g.batches);
    bound_total(&mut v, &mut batches, |b: &Batch| b.value);
    if batches.is_empty() {
        g = Goods::default();
    }
    g.batches = batches;
    let any_sample = g.batches.iter().any(|b| b.origin.is_sample()) || g.movements.iter().any(|m| m.origin.is_sample());
    match raw.sample {
        Some(false) if any_sample => v.err(&"sample", "文件标为真实数据（sample: false），但含有示例记录".into()),
        None => v.out.push(Diagnostic::warning(GOODS, "sample", "文件没有说明是否含示例数据（sample）")),
        _ => {}
    }
    v.out.extend(crate::correction::check(GOODS, &raw.corrections).findings);
    Checked { value: g, findings: v.out }
}

// ---------------------------------------------------------------- derived: goods balances and flags

keyed_enum!(
    /// Something about a goods batch the public should see.
    GoodsFlag {
        NoOutgoing => "no_outgoing", "已入库但无出库记录", "Received into stock but never issued";
        OverIssued => "over_issued", "出库数量超过入库数量", "More issued than received";
        CancelledNotWrittenOff => "cancelled_not_written_off", "捐赠已取消但未核销", "Donation cancelled but not written off";
        WriteOffNoReason => "write_off_no_reason", "核销未说明原因", "Written off without a reason";
    }
);

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BatchBalance {
    pub batch: String,
    pub received: i64,
    pub out: i64,
    pub written_off: i64,
    /// received − out − written off.
    pub balance: i64,
    pub flags: Vec<GoodsFlag>,
}

impl Goods {
    pub fn balances(&self) -> Vec<BatchBalance> {
        let mut out: BTreeMap<&str, i64> = BTreeMap::new();
        for m in &self.movements {
            *out.entry(m.batch.as_str()).or_default() += m.quantity;
        }
        let mut wo: BTreeMap<&str, (i64, bool)> = BTreeMap::new();
        for w in &self.writeoffs {
            let e = wo.entry(w.batch.as_str()).or_default();
            e.0 += w.quantity;
            e.1 |= w.reason.trim().is_empty();
        }
        self.batches
            .iter()
            .map(|b| {
                let o = out.get(b.id.as_str()).copied().unwrap_or(0);
                let (w, no_reason) = wo.get(b.id.as_str()).copied().unwrap_or((0, false));
                let mut flags = Vec::new();
                if b.cancelled.is_none() && o == 0 && w == 0 {
                    flags.push(GoodsFlag::NoOutgoing);
                }
                if o > b.quantity {
                    flags.push(GoodsFlag::OverIssued);
                }
                if b.cancelled.is_some() && w < b.quantity - o {
                    flags.push(GoodsFlag::CancelledNotWrittenOff);
                }
                if no_reason {
                    flags.push(GoodsFlag::WriteOffNoReason);
                }
                BatchBalance { batch: b.id.clone(), received: b.quantity, out: o, written_off: w, balance: b.quantity - o - w, flags }
            })
            .collect()
    }
}

// ---------------------------------------------------------------- derived: money per year

/// The seed's rule: project costs may not exceed 6.5% of the year's non-directed donations.
pub const COST_CAP_BP: i64 = 650;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct YearMoney {
    pub year: u16,
    pub received: Fen,
    pub non_directed: Fen,
    pub online: Fen,
    pub disbursed: Fen,
    /// Project costs (category `project_cost`) paid this year.
    pub project_costs: Fen,
    /// 6.5% of `non_directed`.
    pub cost_cap: Fen,
}

impl YearMoney {
    pub fn non_directed_share_bp(&self) -> Option<i64> {
        self.non_directed.share_bp(self.received)
    }
    pub fn online_share_bp(&self) -> Option<i64> {
        self.online.share_bp(self.received)
    }
    /// How far project costs exceed the cap (zero when within it).
    pub fn over_cap(&self) -> Fen {
        if self.project_costs > self.cost_cap {
            self.project_costs - self.cost_cap
        } else {
            Fen::ZERO
        }
    }
}

/// Whether `year` is over in data published on `published` (its `last_updated`): the annual cost
/// cap is judged only on a year the data covers to its end, not on a quarter of one.
pub fn is_complete_year(year: u16, published: PartialDate) -> bool {
    published.year > year || (published.year == year && published.month == Some(12) && published.day == Some(31))
}

/// Received vs disbursed per year, with the shares and the cost-cap check.
#[inline(never)] // stays compiled for speed in this crate (see Cargo.toml)
pub fn money_by_year(donations: &[Donation], disbursements: &[Disbursement]) -> Vec<YearMoney> {
    let mut m: BTreeMap<u16, YearMoney> = BTreeMap::new();
    for d in donations.iter().filter(|d| d.counts()) {
        let y = m.entry(d.date.year).or_insert_with(|| YearMoney { year: d.date.year, ..Default::default() });
        y.received = y.received + d.amount;
        if !d.directed {
            y.non_directed = y.non_directed + d.amount;
        }
        if d.channel == Channel::OnlinePlatform {
            y.online = y.online + d.amount;
        }
    }
    for x in disbursements {
        let y = m.entry(x.date.year).or_insert_with(|| YearMoney { year: x.date.year, ..Default::default() });
        y.disbursed = y.disbursed + x.amount;
        if x.category == Category::ProjectCost {
            y.project_costs = y.project_costs + x.amount;
        }
    }
    m.into_values()
        .map(|mut y| {
            y.cost_cap = y.non_directed.percent_bp(COST_CAP_BP);
            y
        })
        .collect()
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DirectedUse {
    /// What the donations were directed to.
    pub to: String,
    pub received: Fen,
    pub disbursed: Fen,
    pub donations: usize,
}

/// Per directed purpose: directed donations received vs disbursements paid from them.
/// A disbursement naming several donations is attributed to the first one's purpose.
#[inline(never)] // stays compiled for speed in this crate (see Cargo.toml)
pub fn directed_use(donations: &[Donation], disbursements: &[Disbursement]) -> Vec<DirectedUse> {
    type Fast = crate::index::FastHash;
    let mut by_id: std::collections::HashMap<&str, &str, Fast> = Default::default();
    let mut m: std::collections::HashMap<&str, DirectedUse, Fast> = Default::default();
    for d in donations.iter().filter(|d| d.counts() && d.directed) {
        let to = d.directed_to.as_deref().unwrap_or("");
        by_id.insert(d.id.as_str(), to);
        let e = m.entry(to).or_insert_with(|| DirectedUse { to: to.to_string(), received: Fen::ZERO, disbursed: Fen::ZERO, donations: 0 });
        e.received = e.received + d.amount;
        e.donations += 1;
    }
    for x in disbursements {
        if let Funding::Directed(ids) = &x.funding {
            if let Some(to) = ids.first().and_then(|id| by_id.get(id.as_str())) {
                if let Some(e) = m.get_mut(*to) {
                    e.disbursed = e.disbursed + x.amount;
                }
            }
        }
    }
    let mut out: Vec<DirectedUse> = m.into_values().collect();
    crate::sort::sort_by(&mut out, |a, b| a.to.cmp(&b.to));
    out
}

/// Cross-file checks: directed money spent must not exceed what was given for it, and
/// disbursements must name donations that exist and are directed.
#[inline(never)] // stays compiled for speed in this crate (see Cargo.toml)
pub fn check_cross(donations: &[Donation], disbursements: &[Disbursement]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    type Fast = crate::index::FastHash;
    let by_id: std::collections::HashMap<&str, &Donation, Fast> = donations.iter().map(|d| (d.id.as_str(), d)).collect();
    let mut spent: std::collections::HashMap<&str, Fen, Fast> = std::collections::HashMap::default();
    for x in disbursements {
        if let Funding::Directed(ids) = &x.funding {
            for id in ids {
                match by_id.get(id.as_str()) {
                    None => out.push(Diagnostic::error(DISBURSEMENTS, format!("{}.from_donations", x.id), format!("{}：来源捐赠“{id}”不存在", x.id))),
                    Some(d) if !d.directed => {
                        out.push(Diagnostic::warning(DISBURSEMENTS, format!("{}.from_donations", x.id), format!("{}：来源捐赠“{id}”不是定向捐赠", x.id)))
                    }
                    Some(_) => {}
                }
            }
            // Attribute the amount to the named donations in order, up to each one's amount.
            let mut left = x.amount;
            for id in ids {
                if let Some(d) = by_id.get(id.as_str()) {
                    let s = spent.entry(d.id.as_str()).or_default();
                    let room = if d.amount > *s { d.amount - *s } else { Fen::ZERO };
                    let take = if left < room { left } else { room };
                    *s = *s + take;
                    left = left - take;
                }
            }
            if left > Fen::ZERO {
                out.push(Diagnostic::error(
                    DISBURSEMENTS,
                    format!("{}.amount_fen", x.id),
                    format!("{}：从定向捐赠支出的金额超过了这些捐赠的总额（超出 {}）", x.id, crate::format::money_zh(left)),
                ));
            }
        }
    }
    out
}

// ---------------------------------------------------------------- search text

pub fn donation_haystack(d: &Donation) -> String {
    let mut s = String::new();
    for part in [
        d.id.as_str(),
        d.donor_shown(),
        &d.project,
        d.directed_to.as_deref().unwrap_or(""),
        d.receipt.as_deref().unwrap_or(""),
        d.platform.as_deref().unwrap_or(""),
    ] {
        s.push_str(&normalize(part));
        s.push('\n');
    }
    s
}

pub mod charts;
pub mod rows;

#[cfg(test)]
mod tests;
