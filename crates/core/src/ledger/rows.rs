//! The 捐赠 page's table: money in, money out and goods in, as one searchable list of rows.

use super::*;
use crate::i18n::Lang;
use crate::org::Organisation;
use crate::table::{Cell, Record, NOT_APPLICABLE};
use std::borrow::Cow;
use std::sync::Arc;

keyed_enum!(
    /// What a ledger row records.
    Flow {
        MoneyIn => "money_in", "捐款收入", "Money received";
        MoneyOut => "money_out", "款项支出", "Money spent";
        GoodsIn => "goods_in", "捐赠物资", "Donated goods";
    }
);

keyed_enum!(
    /// A row's status, across the three kinds of row.
    RowStatus {
        Received => "received", "已到账", "Received";
        Refunded => "refunded", "已退回", "Refunded";
        Cancelled => "cancelled", "已取消", "Cancelled";
        Paid => "paid", "已支出", "Paid";
        InStock => "in_stock", "已入库", "In stock";
        GoodsCancelled => "goods_cancelled", "捐赠已取消", "Donation cancelled";
    }
);

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LedgerRow {
    pub id: String,
    pub flow: Flow,
    pub date: PartialDate,
    /// Donor as published (anonymous shown as such), or the recipient of a disbursement.
    pub party: Arc<str>,
    pub donor_kind: Option<DonorKind>,
    pub project: Arc<str>,
    /// Directed purpose, disbursement purpose, or goods item with quantity.
    pub detail: Arc<str>,
    /// Amount in fen (goods: their declared value).
    pub amount: Fen,
    pub directed: Option<bool>,
    pub channel: Option<Channel>,
    pub status: RowStatus,
    pub receipt: Option<String>,
    pub origin: Origin,
    pub category: Option<Category>,
    /// What few rows have (flags, corrections, funding, platform or note): boxed, so the rest
    /// of a million rows do not each carry their empty fields.
    extra: Option<Box<RowExtra>>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct RowExtra {
    /// Goods flags (shown next to the row).
    flags: Vec<GoodsFlag>,
    /// Correction notes: (date, text).
    corrections: Vec<Correction>,
    /// Funding of a disbursement: the directed donations it was paid from, or the pool.
    funding: Option<Funding>,
    /// Searchable text that is not a column: a donation's platform, a goods batch's note.
    search_extra: Option<Box<str>>,
}

impl RowExtra {
    fn boxed(self) -> Option<Box<RowExtra>> {
        (self != RowExtra::default()).then(|| Box::new(self))
    }
}

impl LedgerRow {
    /// Goods flags (shown next to the row).
    pub fn flags(&self) -> &[GoodsFlag] {
        self.extra.as_ref().map_or(&[], |e| &e.flags)
    }
    /// Correction notes.
    pub fn corrections(&self) -> &[Correction] {
        self.extra.as_ref().map_or(&[], |e| &e.corrections)
    }
    /// Funding of a disbursement, as the language says it: "定向捐赠 D…、D…" or "非定向资金";
    /// "directed donations D…, D…" or "non-directed funds".
    pub fn funding(&self, lang: Lang) -> Option<String> {
        let f = self.extra.as_ref()?.funding.as_ref()?;
        Some(match (f, lang) {
            (Funding::Pool, Lang::Zh) => "非定向资金".to_string(),
            (Funding::Pool, Lang::En) => "non-directed funds".to_string(),
            (Funding::Directed(ids), Lang::Zh) => format!("定向捐赠 {}", ids.join("、")),
            (Funding::Directed(ids), Lang::En) => format!("directed donation{} {}", if ids.len() == 1 { "" } else { "s" }, ids.join(", ")),
        })
    }
    fn search_extra(&self) -> &str {
        self.extra.as_ref().and_then(|e| e.search_extra.as_deref()).unwrap_or("")
    }
}

crate::table_columns!(
    /// The 捐赠 table's columns, in display and CSV order.
    pub LedgerCol {
        Date => "date", "日期", "Date", Date;
        Party => "party", "捐赠方/接收方", "Donor/recipient", Text;
        Amount => "amount", "金额", "Amount", Money;
        Flow => "flow", "类型", "Type", Text;
        Project => "project", "项目", "Project", Text;
        Detail => "detail", "定向用途/用途/物资", "Directed use/purpose/goods", Text;
        Channel => "channel", "渠道", "Channel", Text;
        Status => "status", "状态", "Status", Text;
        Receipt => "receipt", "收据号", "Receipt no.", Text;
        Id => "id", "编号", "ID", Text;
        Origin => "origin", "来源", "Source", Text;
    }
);

crate::table_facets!(
    /// The 捐赠 table's facets.
    pub LedgerFacet {
        Year => "year", "年份", "Year";
        Flow => "flow", "类型", "Type";
        Donor => "donor", "捐赠方类型", "Donor type";
        Directed => "directed", "是否定向", "Directed";
        Channel => "channel", "渠道", "Channel";
        Status => "status", "状态", "Status";
        Origin => "origin", "真实/示例", "Real/sample";
    }
);

fn idx<T: PartialEq + Copy>(all: &[T], x: T) -> u32 {
    all.iter().position(|y| *y == x).map(|p| p as u32).unwrap_or(NOT_APPLICABLE)
}

impl Record for LedgerRow {
    type Col = LedgerCol;
    type Facet = LedgerFacet;
    fn ask_id(&self) -> Option<&str> {
        Some(&self.id)
    }
    fn cell_lang(&self, col: LedgerCol, lang: crate::i18n::Lang) -> Cell<'_> {
        match (lang, col) {
            (crate::i18n::Lang::Zh, _) => self.cell(col),
            (_, LedgerCol::Flow) => Cell::Text(Cow::Borrowed(self.flow.en())),
            (_, LedgerCol::Channel) => self.channel.map(|c| Cell::Text(Cow::Borrowed(c.en()))).unwrap_or(Cell::Empty),
            (_, LedgerCol::Status) => Cell::Text(Cow::Borrowed(self.status.en())),
            (_, LedgerCol::Origin) => Cell::Text(Cow::Owned(self.origin.en())),
            _ => self.cell(col),
        }
    }
    fn cell(&self, col: LedgerCol) -> Cell<'_> {
        let t = |s: &str| if s.is_empty() { Cell::Empty } else { Cell::Text(Cow::Owned(s.to_string())) };
        match col {
            LedgerCol::Date => Cell::Date(self.date),
            LedgerCol::Party => Cell::Text(Cow::Borrowed(&self.party)),
            LedgerCol::Amount => Cell::Money(self.amount),
            LedgerCol::Flow => Cell::Text(Cow::Borrowed(self.flow.zh())),
            LedgerCol::Project => Cell::Text(Cow::Borrowed(&self.project)),
            LedgerCol::Detail => t(&self.detail),
            LedgerCol::Channel => self.channel.map(|c| Cell::Text(Cow::Borrowed(c.zh()))).unwrap_or(Cell::Empty),
            LedgerCol::Status => Cell::Text(Cow::Borrowed(self.status.zh())),
            LedgerCol::Receipt => self.receipt.as_deref().map(|r| Cell::Text(Cow::Borrowed(r))).unwrap_or(Cell::Empty),
            LedgerCol::Id => Cell::Text(Cow::Borrowed(&self.id)),
            LedgerCol::Origin => Cell::Text(Cow::Owned(self.origin.zh())),
        }
    }
    fn facet_value(&self, f: LedgerFacet) -> u32 {
        match f {
            LedgerFacet::Year => self.date.year as u32,
            LedgerFacet::Flow => idx(&Flow::ALL, self.flow),
            LedgerFacet::Donor => self.donor_kind.map(|k| idx(&DonorKind::ALL, k)).unwrap_or(NOT_APPLICABLE),
            LedgerFacet::Directed => self.directed.map(|d| d as u32).unwrap_or(NOT_APPLICABLE),
            LedgerFacet::Channel => self.channel.map(|c| idx(&Channel::ALL, c)).unwrap_or(NOT_APPLICABLE),
            LedgerFacet::Status => idx(&RowStatus::ALL, self.status),
            LedgerFacet::Origin => self.origin.is_sample() as u32,
        }
    }
    fn facet_label(f: LedgerFacet, code: u32, lang: crate::i18n::Lang, _: &Organisation) -> String {
        let en = lang == crate::i18n::Lang::En;
        if code == NOT_APPLICABLE {
            return lang.pick("不适用", "n/a").to_string();
        }
        let pick = |zh: Option<&'static str>| zh.unwrap_or("?").to_string();
        match f {
            LedgerFacet::Year => {
                if en {
                    code.to_string()
                } else {
                    format!("{code}年")
                }
            }
            LedgerFacet::Flow => pick(Flow::ALL.get(code as usize).map(|x| x.label(lang))),
            LedgerFacet::Donor => pick(DonorKind::ALL.get(code as usize).map(|x| x.label(lang))),
            LedgerFacet::Directed => (if code == 1 { lang.pick("定向", "Directed") } else { lang.pick("非定向", "Non-directed") }).to_string(),
            LedgerFacet::Channel => pick(Channel::ALL.get(code as usize).map(|x| x.label(lang))),
            LedgerFacet::Status => pick(RowStatus::ALL.get(code as usize).map(|x| x.label(lang))),
            LedgerFacet::Origin => (if code == 1 { lang.pick("示例数据", "Sample data") } else { lang.pick("真实记录", "Real records") }).to_string(),
        }
    }
    fn facet_key(f: LedgerFacet, code: u32, _: &Organisation) -> String {
        if code == NOT_APPLICABLE {
            return "na".to_string();
        }
        let pick = |k: Option<&'static str>| k.unwrap_or("?").to_string();
        match f {
            LedgerFacet::Year => code.to_string(),
            LedgerFacet::Flow => pick(Flow::ALL.get(code as usize).map(|x| x.key())),
            LedgerFacet::Donor => pick(DonorKind::ALL.get(code as usize).map(|x| x.key())),
            LedgerFacet::Directed => (if code == 1 { "yes" } else { "no" }).to_string(),
            LedgerFacet::Channel => pick(Channel::ALL.get(code as usize).map(|x| x.key())),
            LedgerFacet::Status => pick(RowStatus::ALL.get(code as usize).map(|x| x.key())),
            LedgerFacet::Origin => (if code == 1 { "sample" } else { "real" }).to_string(),
        }
    }
    fn parse_facet_key(f: LedgerFacet, key: &str, _: &Organisation) -> Option<u32> {
        if key == "na" {
            return Some(NOT_APPLICABLE);
        }
        match f {
            LedgerFacet::Year => key.parse().ok(),
            LedgerFacet::Flow => Flow::parse(key).map(|x| idx(&Flow::ALL, x)),
            LedgerFacet::Donor => DonorKind::parse(key).map(|x| idx(&DonorKind::ALL, x)),
            LedgerFacet::Directed => match key {
                "yes" => Some(1),
                "no" => Some(0),
                _ => None,
            },
            LedgerFacet::Channel => Channel::parse(key).map(|x| idx(&Channel::ALL, x)),
            LedgerFacet::Status => RowStatus::parse(key).map(|x| idx(&RowStatus::ALL, x)),
            LedgerFacet::Origin => match key {
                "sample" => Some(1),
                "real" => Some(0),
                _ => None,
            },
        }
    }
    /// What the row says in its own words (party, project, purpose or goods) first, spelled in
    /// pinyin too; then, matched only as typed, its codes and what it says in the app's words or
    /// shows nowhere (a channel's name and platform, what paid for it, a batch's note): "zhang"
    /// must not find every 银行转账 row, nor anything the reader cannot see.
    fn write_haystack(&self, out: &mut String) {
        let extra = self.search_extra();
        match self.flow {
            Flow::MoneyIn => {
                write_hay(out, &[&self.party, &self.project, &self.detail]);
                out.push(char::from(crate::pinyin::END));
                let channel = self.channel.map_or("", |c| c.zh());
                write_hay(out, &[&self.id, self.receipt.as_deref().unwrap_or(""), channel]);
                // The platform follows the channel's name in the same field ("网络平台水滴筹").
                out.pop();
                crate::search::normalize_into(extra, out);
                out.push('\n');
            }
            Flow::MoneyOut => {
                write_hay(out, &[&self.party, &self.project, &self.detail]);
                out.push(char::from(crate::pinyin::END));
                write_hay(out, &[&self.id, self.funding(Lang::Zh).as_deref().unwrap_or("")]);
            }
            Flow::GoodsIn => {
                // The item is the start of `detail` ("口罩 1,000个"), so it needs no field of its own.
                let directed = if self.directed == Some(true) { &*self.project } else { "" };
                write_hay(out, &[&self.party, &self.detail, directed]);
                out.push(char::from(crate::pinyin::END));
                write_hay(out, &[&self.id, extra]);
            }
        }
    }
    fn spelled(col: LedgerCol) -> bool {
        matches!(col, LedgerCol::Party | LedgerCol::Project | LedgerCol::Detail)
    }
    fn is_sample(&self) -> bool {
        self.origin.is_sample()
    }
    fn notes_column() -> LedgerCol {
        LedgerCol::Party
    }
    fn phone_columns() -> Option<&'static [LedgerCol]> {
        Some(&[LedgerCol::Date, LedgerCol::Party, LedgerCol::Amount, LedgerCol::Flow, LedgerCol::Status])
    }
    fn notes(&self, lang: Lang) -> Vec<String> {
        let mut n: Vec<String> = self.flags().iter().map(|f| format!("⚠ {}", f.label(lang))).collect();
        for c in self.corrections() {
            n.push(match lang {
                Lang::Zh => format!("更正（{}）：{}", c.date, c.text),
                Lang::En => format!("Correction ({}): {}", c.date, c.text),
            });
        }
        if let Some(f) = self.funding(lang) {
            n.push(match lang {
                Lang::Zh => format!("资金来源：{f}"),
                Lang::En => format!("Paid from {f}"),
            });
        }
        if self.category == Some(Category::ProjectCost) {
            n.push(lang.pick("计入 6.5% 项目费用上限", "Counts toward the 6.5% project-cost cap").to_string());
        }
        n
    }
}

fn write_hay(out: &mut String, parts: &[&str]) {
    for p in parts {
        crate::search::normalize_into(p, out);
        out.push('\n');
    }
}

/// All ledger rows: donations, disbursements, then goods batches (with their flags).
#[inline(never)] // stays compiled for speed in this crate (see Cargo.toml)
pub fn ledger_rows(donations: &[Donation], disbursements: &[Disbursement], goods: &Goods) -> Vec<LedgerRow> {
    let mut rows = Vec::with_capacity(donations.len() + disbursements.len() + goods.batches.len());
    // Parties, projects and purposes repeat across many rows: one copy of each text, shared.
    let mut texts = Texts::default();
    let mut share = |s: &str| texts.share(s);
    for d in donations {
        let status = match d.status {
            DonationStatus::Received => RowStatus::Received,
            DonationStatus::Refunded => RowStatus::Refunded,
            DonationStatus::Cancelled => RowStatus::Cancelled,
        };
        let detail = d.directed_to.clone().unwrap_or_else(|| share(""));
        rows.push(LedgerRow {
            extra: RowExtra { corrections: d.corrections.clone(), search_extra: d.platform.as_deref().map(Box::from), ..Default::default() }.boxed(),
            id: d.id.clone(),
            flow: Flow::MoneyIn,
            date: d.date,
            party: if d.donor_shown() == &*d.donor { d.donor.clone() } else { share(d.donor_shown()) },
            donor_kind: Some(d.donor_kind),
            project: d.project.clone(),
            detail,
            amount: d.amount,
            directed: Some(d.directed),
            channel: Some(d.channel),
            status,
            receipt: d.receipt.clone(),
            origin: d.origin,
            category: None,
        });
    }
    for x in disbursements {
        rows.push(LedgerRow {
            extra: RowExtra { funding: Some(x.funding.clone()), ..Default::default() }.boxed(),
            id: x.id.clone(),
            flow: Flow::MoneyOut,
            date: x.date,
            party: share(&x.recipient),
            donor_kind: None,
            project: share(&x.project),
            detail: share(&x.purpose),
            amount: x.amount,
            directed: Some(matches!(x.funding, Funding::Directed(_))),
            channel: None,
            status: RowStatus::Paid,
            receipt: None,
            origin: x.origin,
            category: Some(x.category),
        });
    }
    let balances = goods.balances();
    for (b, bal) in goods.batches.iter().zip(balances) {
        let detail = format!("{} {}{}", b.item, crate::format::group_thousands(b.quantity.max(0) as u64), b.unit);
        rows.push(LedgerRow {
            extra: RowExtra { flags: bal.flags, search_extra: b.note.as_deref().map(Box::from), ..Default::default() }.boxed(),
            id: b.id.clone(),
            flow: Flow::GoodsIn,
            date: b.date,
            party: share(&b.donor),
            donor_kind: Some(b.donor_kind),
            project: share(b.directed_to.as_deref().unwrap_or("捐赠物资")),
            detail: share(&detail),
            amount: b.value,
            directed: Some(b.directed_to.is_some()),
            channel: None,
            status: if b.cancelled.is_some() { RowStatus::GoodsCancelled } else { RowStatus::InStock },
            receipt: None,
            origin: b.origin,
            category: None,
        });
    }
    rows
}

/// The totals line for a set of rows: counts and sums per kind, in fen.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    pub rows: usize,
    pub money_in: Fen,
    pub money_in_rows: usize,
    pub money_out: Fen,
    pub money_out_rows: usize,
    pub goods_value: Fen,
    pub goods_rows: usize,
    pub sample_rows: usize,
}

/// Each row's part in [`Totals`], packed: its kind in a byte, its amount in fen. Totals over a
/// hundred thousand matches then read 9 bytes per row instead of every whole row. Gives exactly
/// what [`totals`] gives.
#[derive(Clone, Debug, Default)]
pub struct Tally {
    kind: Vec<u8>,
    amount: Vec<i64>,
    /// The totals of every row (asked for whenever the search box is cleared).
    all: Totals,
}

const TALLY_IN: u8 = 1;
const TALLY_OUT: u8 = 2;
const TALLY_GOODS: u8 = 3;
const TALLY_SAMPLE: u8 = 4;

impl Tally {
    #[inline(never)] // stays compiled for speed in this crate (see Cargo.toml)
    pub fn build(rows: &[LedgerRow]) -> Tally {
        let kind = rows
            .iter()
            .map(|r| {
                let k = match (r.flow, r.status) {
                    (Flow::MoneyIn, RowStatus::Received) => TALLY_IN,
                    (Flow::MoneyOut, _) => TALLY_OUT,
                    (Flow::GoodsIn, RowStatus::InStock) => TALLY_GOODS,
                    _ => 0,
                };
                k | if r.origin.is_sample() { TALLY_SAMPLE } else { 0 }
            })
            .collect();
        let mut t = Tally { kind, amount: rows.iter().map(|r| r.amount.0).collect(), all: Totals::default() };
        t.all = t.sum(0..rows.len() as u32);
        t
    }

    /// How many of all the rows are sample data.
    pub fn sample_rows(&self) -> usize {
        self.all.sample_rows
    }

    /// [`totals`] over the rows numbered `indices` (distinct row numbers, as an outcome's are).
    pub fn totals(&self, indices: &[u32]) -> Totals {
        if indices.len() == self.kind.len() {
            // Every row.
            return self.all.clone();
        }
        self.sum(indices.iter().copied())
    }

    fn sum(&self, indices: impl ExactSizeIterator<Item = u32>) -> Totals {
        let mut sums = [0i64; 4];
        let mut counts = [0usize; 4];
        let mut sample = 0usize;
        let rows = indices.len();
        for i in indices {
            let (k, a) = (self.kind[i as usize], self.amount[i as usize]);
            sample += usize::from(k >= TALLY_SAMPLE);
            let k = usize::from(k & 3);
            sums[k] += a;
            counts[k] += 1;
        }
        Totals {
            rows,
            money_in: Fen(sums[TALLY_IN as usize]),
            money_in_rows: counts[TALLY_IN as usize],
            money_out: Fen(sums[TALLY_OUT as usize]),
            money_out_rows: counts[TALLY_OUT as usize],
            goods_value: Fen(sums[TALLY_GOODS as usize]),
            goods_rows: counts[TALLY_GOODS as usize],
            sample_rows: sample,
        }
    }
}

/// Totals over `rows[indices]`. Refunded and cancelled gifts are listed but not summed.
pub fn totals(rows: &[LedgerRow], indices: &[u32]) -> Totals {
    let mut t = Totals { rows: indices.len(), ..Default::default() };
    for i in indices {
        let r = &rows[*i as usize];
        t.sample_rows += r.origin.is_sample() as usize;
        match (r.flow, r.status) {
            (Flow::MoneyIn, RowStatus::Received) => {
                t.money_in = t.money_in + r.amount;
                t.money_in_rows += 1;
            }
            (Flow::MoneyIn, _) => {}
            (Flow::MoneyOut, _) => {
                t.money_out = t.money_out + r.amount;
                t.money_out_rows += 1;
            }
            (Flow::GoodsIn, RowStatus::InStock) => {
                t.goods_value = t.goods_value + r.amount;
                t.goods_rows += 1;
            }
            (Flow::GoodsIn, _) => {}
        }
    }
    t
}
