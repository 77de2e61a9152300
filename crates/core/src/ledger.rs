//! The money and goods ledger: donations received, disbursements (use of funds) and in-kind
//! goods (batches in, movements out, write-offs). Raw serde types are the file format (also
//! written by the sample generator); `load_*` validate them into the model.

use crate::date::PartialDate;
use crate::diag::{Checked, Diagnostic};
use crate::money::Fen;
use crate::search::normalize;
use crate::validate::{Ctx, English, Item, Origins, Seen};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
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

/// Every record ([`donation`]), then the file's money total, sample flag and correction notes.
pub(crate) fn validate_donations_in(file: &str, raw: RawFile<RawDonation>) -> Checked<Vec<Donation>> {
    let mut ctx = Ctx::new(file);
    let mut seen = Seen::default();
    let mut texts = Texts::default();
    let mut rows = Vec::with_capacity(raw.records.len());
    for (i, r) in raw.records.iter().enumerate() {
        if let Some(d) = donation(&mut ctx, &Item::new(&"records", i), r, &mut seen, &mut texts) {
            rows.push(d);
        }
    }
    end_of_file(&mut ctx, &mut rows, raw.sample, |d: &Donation| (d.amount, d.origin));
    ctx.corrections(&raw.corrections);
    ctx.finish(rows)
}

/// The file's money total (records dropped when it is out of bounds) and its sample flag.
fn end_of_file<T>(ctx: &mut Ctx, rows: &mut Vec<T>, sample: Option<bool>, of: impl Fn(&T) -> (Fen, Origin)) {
    if !ctx.total_within_bounds(rows.iter().map(|r| of(r).0)) {
        rows.clear();
    }
    ctx.sample_flag(sample, rows.iter().any(|r| of(r).1.is_sample()), true);
}

/// One donation, checked field by field (every error reported), or `None` when it has any.
fn donation<'r>(ctx: &mut Ctx, at: &Item, r: &'r RawDonation, seen: &mut Seen<'r>, texts: &mut Texts) -> Option<Donation> {
    let i = at.index();
    let mark = ctx.mark();
    let id = ctx.id(&r.id, seen, at, i);
    let label = id.clone().unwrap_or_else(|| format!("第 {} 条", i + 1));
    let date = ctx.date(r.date.as_deref(), &at.field("date"), &label, English::Record);
    let donor_kind = ctx.keyed(&r.donor_kind, DonorKind::parse, DonorKind::keys, &at.field("donor_kind"), "捐赠方类型", &label);
    let donor = if donor_kind == Some(DonorKind::Anonymous) {
        r.donor.clone().or(Some(String::new()))
    } else {
        ctx.text(&r.donor, &at.field("donor"), "捐赠方", &label)
    };
    let amount = ctx.money(&r.amount_fen, &at.field("amount_fen"), &label, false);
    let channel = ctx.keyed(&r.channel, Channel::parse, Channel::keys, &at.field("channel"), "捐赠渠道", &label);
    let status = ctx.keyed(&r.status, DonationStatus::parse, DonationStatus::keys, &at.field("status"), "状态", &label);
    let project = ctx.text(&r.project, &at.field("project"), "项目", &label);
    let directed = match r.directed {
        Some(d) => Some(d),
        None => {
            ctx.error(&at.field("directed"), format!("{label}：缺少是否定向（directed）"));
            None
        }
    };
    if directed == Some(true) && r.directed_to.as_deref().is_none_or(|s| s.trim().is_empty()) {
        ctx.error(&at.field("directed_to"), format!("{label}：定向捐赠须写明定向用途（directed_to）"));
    }
    let origin = ctx.origin(&r.origin, r.problem, at, &label, Origins::Ledger);
    let corrections = record_corrections(ctx, at, &r.corrections, &label);
    if !ctx.clean_since(mark) {
        return None;
    }
    let (Some(id), Some(date), Some(donor_kind), Some(donor), Some(amount), Some(channel), Some(status), Some(project), Some(directed), Some(origin)) =
        (id, date, donor_kind, donor, amount, channel, status, project, directed, origin)
    else {
        return None;
    };
    Some(Donation {
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
    })
}

/// A donation's own corrections (date and text each).
fn record_corrections(ctx: &mut Ctx, at: &Item, raw: &[RawCorrection], label: &str) -> Vec<Correction> {
    let list = at.field("corrections");
    let mut corrections = Vec::new();
    for (j, c) in raw.iter().enumerate() {
        let cp = Item::new(&list, j);
        let date = ctx.date(c.date.as_deref(), &cp.field("date"), label, English::Record);
        let text = ctx.text(&c.text, &cp.field("text"), "更正说明", label);
        if let (Some(date), Some(text)) = (date, text) {
            corrections.push(Correction { date, text });
        }
    }
    corrections
}

pub fn load_disbursements(text: &str) -> Result<Checked<Vec<Disbursement>>, Diagnostic> {
    let raw: RawFile<RawDisbursement> = crate::json::parse(DISBURSEMENTS, text)?;
    Ok(validate_disbursements(raw))
}

/// Every record ([`disbursement`]), then the file's money total, sample flag and correction notes.
pub fn validate_disbursements(raw: RawFile<RawDisbursement>) -> Checked<Vec<Disbursement>> {
    let mut ctx = Ctx::new(DISBURSEMENTS);
    let mut seen = Seen::default();
    let mut rows = Vec::with_capacity(raw.records.len());
    for (i, r) in raw.records.iter().enumerate() {
        if let Some(d) = disbursement(&mut ctx, &Item::new(&"records", i), r, &mut seen) {
            rows.push(d);
        }
    }
    end_of_file(&mut ctx, &mut rows, raw.sample, |d: &Disbursement| (d.amount, d.origin));
    ctx.corrections(&raw.corrections);
    ctx.finish(rows)
}

/// One disbursement, checked field by field (every error reported), or `None` when it has any.
fn disbursement<'r>(ctx: &mut Ctx, at: &Item, r: &'r RawDisbursement, seen: &mut Seen<'r>) -> Option<Disbursement> {
    let i = at.index();
    let mark = ctx.mark();
    let id = ctx.id(&r.id, seen, at, i);
    let label = id.clone().unwrap_or_else(|| format!("第 {} 条", i + 1));
    let date = ctx.date(r.date.as_deref(), &at.field("date"), &label, English::Record);
    let purpose = ctx.text(&r.purpose, &at.field("purpose"), "用途", &label);
    let project = ctx.text(&r.project, &at.field("project"), "项目", &label);
    let recipient = ctx.text(&r.recipient, &at.field("recipient"), "接收方", &label);
    ctx.no_household(&r.recipient, &at.field("recipient"), "接收方", &label);
    ctx.no_household(&r.purpose, &at.field("purpose"), "用途", &label);
    let amount = ctx.money(&r.amount_fen, &at.field("amount_fen"), &label, false);
    let category = ctx.keyed(&r.category, Category::parse, Category::keys, &at.field("category"), "支出类别", &label);
    let origin = ctx.origin(&r.origin, r.problem, at, &label, Origins::Ledger);
    if !ctx.clean_since(mark) {
        return None;
    }
    let (Some(id), Some(date), Some(purpose), Some(project), Some(recipient), Some(amount), Some(category), Some(origin)) =
        (id, date, purpose, project, recipient, amount, category, origin)
    else {
        return None;
    };
    let funding = if r.from_donations.is_empty() { Funding::Pool } else { Funding::Directed(r.from_donations.clone()) };
    Some(Disbursement { id, date, purpose, project, recipient, amount, funding, category, origin })
}

pub fn load_goods(text: &str) -> Result<Checked<Goods>, Diagnostic> {
    let raw: RawGoods = crate::json::parse(GOODS, text)?;
    Ok(validate_goods(raw))
}

/// The batches ([`batch`]), then the movements and write-offs against them ([`movement`],
/// [`writeoff`]), the file's money total (over the batches' values), sample flag and correction
/// notes. Ids are unique across the three lists.
pub fn validate_goods(raw: RawGoods) -> Checked<Goods> {
    let mut ctx = Ctx::new(GOODS);
    let mut seen = Seen::default();
    let mut g = Goods::default();
    for (i, r) in raw.batches.iter().enumerate() {
        g.batches.extend(batch(&mut ctx, &Item::new(&"batches", i), r, &mut seen));
    }
    let batch_ids: BTreeSet<String> = g.batches.iter().map(|b| b.id.clone()).collect();
    for (i, r) in raw.movements.iter().enumerate() {
        g.movements.extend(movement(&mut ctx, &Item::new(&"movements", i), r, &mut seen, &batch_ids));
    }
    for (i, r) in raw.writeoffs.iter().enumerate() {
        g.writeoffs.extend(writeoff(&mut ctx, &Item::new(&"writeoffs", i), r, &mut seen, &batch_ids));
    }
    if !ctx.total_within_bounds(g.batches.iter().map(|b| b.value)) || g.batches.is_empty() {
        g = Goods::default();
    }
    let any_sample = g.batches.iter().any(|b| b.origin.is_sample()) || g.movements.iter().any(|m| m.origin.is_sample());
    ctx.sample_flag(raw.sample, any_sample, true);
    ctx.corrections(&raw.corrections);
    ctx.finish(g)
}

/// One batch received, checked field by field, or `None` when it has any error.
fn batch<'r>(ctx: &mut Ctx, at: &Item, r: &'r RawBatch, seen: &mut Seen<'r>) -> Option<Batch> {
    let i = at.index();
    let mark = ctx.mark();
    let id = ctx.id(&r.id, seen, at, i);
    let label = id.clone().unwrap_or_else(|| format!("第 {} 批", i + 1));
    let date = ctx.date(r.date.as_deref(), &at.field("date"), &label, English::Record);
    let donor_kind = ctx.keyed(&r.donor_kind, DonorKind::parse, DonorKind::keys, &at.field("donor_kind"), "捐赠方类型", &label);
    let donor = ctx.text(&r.donor, &at.field("donor"), "捐赠方", &label);
    let item = ctx.text(&r.item, &at.field("item"), "物资名称", &label);
    let quantity = ctx.quantity(r.quantity, &at.field("quantity"), &label);
    let unit = ctx.text(&r.unit, &at.field("unit"), "计量单位", &label);
    let value = ctx.money(&r.value_fen, &at.field("value_fen"), &label, true);
    let origin = ctx.origin(&r.origin, r.problem, at, &label, Origins::Ledger);
    let cancelled = match &r.cancelled {
        None => Some(None),
        Some(c) => ctx
            .opt_date(c.date.as_deref(), &at.field("cancelled").field("date"), &label, English::Record)
            .map(|date| Some(Cancellation { date, reason: c.reason.clone().unwrap_or_default() })),
    };
    ctx.no_household(&r.note, &at.field("note"), "备注", &label);
    if !ctx.clean_since(mark) {
        return None;
    }
    let (Some(id), Some(date), Some(donor_kind), Some(donor), Some(item), Some(quantity), Some(unit), Some(value), Some(origin), Some(cancelled)) =
        (id, date, donor_kind, donor, item, quantity, unit, value, origin, cancelled)
    else {
        return None;
    };
    Some(Batch { id, date, donor, donor_kind, item, quantity, unit, value, directed_to: r.directed_to.clone(), cancelled, note: r.note.clone(), origin })
}

/// One movement out of a batch, or `None` when it has any error.
fn movement<'r>(ctx: &mut Ctx, at: &Item, r: &'r RawMovement, seen: &mut Seen<'r>, batches: &BTreeSet<String>) -> Option<Movement> {
    let i = at.index();
    let mark = ctx.mark();
    let id = ctx.id(&r.id, seen, at, i);
    let label = id.clone().unwrap_or_else(|| format!("第 {} 条出库", i + 1));
    let date = ctx.date(r.date.as_deref(), &at.field("date"), &label, English::Record);
    let quantity = ctx.quantity(r.quantity, &at.field("quantity"), &label);
    let destination = ctx.text(&r.destination, &at.field("destination"), "去向", &label);
    ctx.no_household(&r.destination, &at.field("destination"), "去向", &label);
    let origin = ctx.origin(&r.origin, r.problem, at, &label, Origins::Ledger);
    let batch = batch_ref(ctx, &r.batch, at, &label, batches);
    if !ctx.clean_since(mark) {
        return None;
    }
    let (Some(id), Some(date), Some(quantity), Some(destination), Some(origin), Some(batch)) = (id, date, quantity, destination, origin, batch) else {
        return None;
    };
    Some(Movement { id, date, batch, quantity, destination, origin })
}

/// One write-off of a batch (its date may be absent), or `None` when it has any error.
fn writeoff<'r>(ctx: &mut Ctx, at: &Item, r: &'r RawWriteOff, seen: &mut Seen<'r>, batches: &BTreeSet<String>) -> Option<WriteOff> {
    let i = at.index();
    let mark = ctx.mark();
    let id = ctx.id(&r.id, seen, at, i);
    let label = id.clone().unwrap_or_else(|| format!("第 {} 条核销", i + 1));
    let date = ctx.opt_date(r.date.as_deref(), &at.field("date"), &label, English::Record);
    let quantity = ctx.quantity(r.quantity, &at.field("quantity"), &label);
    let origin = ctx.origin(&r.origin, r.problem, at, &label, Origins::Ledger);
    ctx.no_household(&r.reason, &at.field("reason"), "核销原因", &label);
    let batch = batch_ref(ctx, &r.batch, at, &label, batches);
    if !ctx.clean_since(mark) {
        return None;
    }
    let (Some(id), Some(date), Some(quantity), Some(origin), Some(batch)) = (id, date, quantity, origin, batch) else {
        return None;
    };
    Some(WriteOff { id, date, batch, quantity, reason: r.reason.clone().unwrap_or_default(), origin })
}

/// A movement's or write-off's batch: given, and one of the file's valid batches.
fn batch_ref(ctx: &mut Ctx, v: &Option<String>, at: &Item, label: &str, batches: &BTreeSet<String>) -> Option<String> {
    match v {
        Some(b) if batches.contains(b) => Some(b.clone()),
        Some(b) => {
            ctx.error(&at.field("batch"), format!("{label}：批次“{b}”不存在"));
            None
        }
        None => {
            ctx.error(&at.field("batch"), format!("{label}：缺少批次"));
            None
        }
    }
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
pub mod lookup;
pub mod rows;
pub mod shard;

#[cfg(test)]
mod tests;
