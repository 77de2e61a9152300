//! 捐赠查询: a donor looks up their donation — by receipt number (收据号), by donation id, or by
//! their name with the date and the amount — and, for a directed donation, every disbursement it
//! funded and what of it is not yet used; a goods batch id gives the batch and every movement out.
//! (红十字会法第二十一条: donors may look up how their donation was used.)

use super::{Batch, Disbursement, Donation, Funding, Goods, Movement, WriteOff};
use crate::date::PartialDate;
use crate::money::Fen;
use crate::search::{normalize, normalize_into};

/// What the donor typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Ask {
    /// A receipt number, a donation id or a goods batch id.
    pub number: String,
    /// Or: the donor's name (part of it), with the date and the amount.
    pub name: String,
    pub date: Option<PartialDate>,
    pub amount: Option<Fen>,
}

impl Ask {
    pub fn is_empty(&self) -> bool {
        self.number.trim().is_empty() && self.name.trim().is_empty()
    }

    /// The year the donation is in, when what was typed says it (a receipt number or an id holds
    /// its year, `XNHH-2019-000002`, `D2019-00002`; or the date): the one part of a ledger
    /// published by year that needs reading.
    pub fn year(&self) -> Option<u16> {
        if let Some(d) = self.date {
            return Some(d.year);
        }
        let b = self.number.as_bytes();
        (0..b.len().saturating_sub(3)).find_map(|i| {
            let four = &b[i..i + 4];
            let edge = |j: Option<usize>| j.and_then(|j| b.get(j)).is_none_or(|c| !c.is_ascii_digit());
            (four.iter().all(u8::is_ascii_digit) && (four.starts_with(b"19") || four.starts_with(b"20")) && edge(i.checked_sub(1)) && edge(Some(i + 4)))
                .then(|| std::str::from_utf8(four).ok()?.parse().ok())
                .flatten()
        })
    }
}

/// One disbursement paid from a directed donation, and the part of it attributed to that
/// donation: all of it when the donation is its only source; when several directed donations
/// paid for it, their shares in proportion to their amounts (to the fen, the remainder fen to the
/// first ones).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Use<'a> {
    pub disbursement: &'a Disbursement,
    pub share: Fen,
    /// How many donations paid for it together (1: this one alone).
    pub sources: usize,
}

/// A donation found, and where it went.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found<'a> {
    pub donation: &'a Donation,
    /// For a directed donation: what it paid for, in date order.
    pub uses: Vec<Use<'a>>,
    /// Directed and received: the amount not yet used (never below zero).
    pub unused: Option<Fen>,
    /// A disbursement it shared names a source donation that is not among the donations given
    /// (a ledger read by year: a source of another year). Its share, and so `unused`, then
    /// cannot be exact: read every year and ask again.
    pub sources_missing: bool,
}

/// A goods batch found, with every movement out and write-off.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FoundBatch<'a> {
    pub batch: &'a Batch,
    pub movements: Vec<&'a Movement>,
    pub writeoffs: Vec<&'a WriteOff>,
    /// Received less moved out and written off.
    pub remaining: i64,
}

/// The answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answer<'a> {
    /// Nothing asked yet.
    Empty,
    Donations(Vec<Found<'a>>),
    Batch(FoundBatch<'a>),
    /// Nothing matches: say so, with what was asked.
    NotFound,
}

/// Receipt numbers and ids compared as typed by a person: width, case and spaces ignored
/// ([`normalize`] drops every space).
fn key(s: &str) -> String {
    normalize(s)
}

/// Whether `raw` (a record's id or receipt number) reads as `key`, normalised into `buf` (reused
/// from record to record: a year of a large ledger is tens of thousands of records).
fn reads_as(raw: &str, key: &str, buf: &mut String) -> bool {
    buf.clear();
    normalize_into(raw, buf);
    buf == key
}

/// Where `donation` went: the disbursements whose funding names it, with its share of each.
pub fn uses<'a>(donation: &'a Donation, donations: &'a [Donation], disbursements: &'a [Disbursement]) -> Found<'a> {
    let mut uses = Vec::new();
    let mut sources_missing = false;
    for x in disbursements {
        let Funding::Directed(ids) = &x.funding else { continue };
        let Some(pos) = ids.iter().position(|i| *i == donation.id) else { continue };
        let share = if ids.len() == 1 {
            x.amount
        } else {
            // In proportion to the sources' amounts; the remainder fen to the first sources.
            let found: Vec<Option<i64>> = ids.iter().map(|i| donations.iter().find(|d| d.id == *i).map(|d| d.amount.0)).collect();
            sources_missing |= found.contains(&None);
            let amounts: Vec<i64> = found.into_iter().map(|a| a.unwrap_or(0)).collect();
            let total: i64 = amounts.iter().sum();
            if total <= 0 {
                Fen(0)
            } else {
                let base: Vec<i64> = amounts.iter().map(|a| (i128::from(x.amount.0) * i128::from(*a) / i128::from(total)) as i64).collect();
                let left = x.amount.0 - base.iter().sum::<i64>();
                Fen(base[pos] + i64::from((pos as i64) < left))
            }
        };
        uses.push(Use { disbursement: x, share, sources: ids.len() });
    }
    uses.sort_by_key(|u| u.disbursement.date);
    let unused = (donation.directed && donation.counts()).then(|| Fen((donation.amount.0 - uses.iter().map(|u| u.share.0).sum::<i64>()).max(0)));
    Found { donation, uses, unused, sources_missing }
}

/// Answers `ask` over the ledger.
pub fn lookup<'a>(ask: &Ask, donations: &'a [Donation], disbursements: &'a [Disbursement], goods: &'a Goods) -> Answer<'a> {
    if ask.is_empty() {
        return Answer::Empty;
    }
    let number = key(&ask.number);
    if !number.is_empty() {
        let mut buf = String::new();
        let hits: Vec<&Donation> =
            donations.iter().filter(|d| reads_as(&d.id, &number, &mut buf) || d.receipt.as_deref().is_some_and(|r| reads_as(r, &number, &mut buf))).collect();
        if !hits.is_empty() {
            return Answer::Donations(hits.into_iter().map(|d| uses(d, donations, disbursements)).collect());
        }
        if let Some(batch) = goods.batches.iter().find(|b| reads_as(&b.id, &number, &mut buf)) {
            let movements: Vec<&Movement> = goods.movements.iter().filter(|m| m.batch == batch.id).collect();
            let writeoffs: Vec<&WriteOff> = goods.writeoffs.iter().filter(|w| w.batch == batch.id).collect();
            let remaining = batch.quantity - movements.iter().map(|m| m.quantity).sum::<i64>() - writeoffs.iter().map(|w| w.quantity).sum::<i64>();
            return Answer::Batch(FoundBatch { batch, movements, writeoffs, remaining });
        }
        return Answer::NotFound;
    }
    // By name, date and amount: all three must agree (a name alone would list strangers' gifts).
    let (Some(date), Some(amount)) = (ask.date, ask.amount) else { return Answer::NotFound };
    let name = key(&ask.name);
    let hits: Vec<Found<'a>> =
        donations.iter().filter(|d| d.date == date && d.amount == amount && key(&d.donor).contains(&name)).map(|d| uses(d, donations, disbursements)).collect();
    if hits.is_empty() {
        Answer::NotFound
    } else {
        Answer::Donations(hits)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::{Category, Channel, DonationStatus, DonorKind, Origin};
    use std::sync::Arc;

    fn d(s: &str) -> PartialDate {
        PartialDate::parse(s).unwrap()
    }

    fn donation(id: &str, receipt: &str, donor: &str, date: &str, yuan: i64, directed: bool) -> Donation {
        Donation {
            id: id.into(),
            date: d(date),
            donor: Arc::from(donor),
            donor_kind: DonorKind::Enterprise,
            amount: Fen(yuan * 100),
            directed,
            directed_to: directed.then(|| Arc::from("大病救助")),
            channel: Channel::BankTransfer,
            platform: None,
            project: Arc::from("人道救助"),
            receipt: Some(receipt.into()),
            status: DonationStatus::Received,
            corrections: Vec::new(),
            origin: Origin::Sample,
        }
    }

    fn paid(id: &str, date: &str, yuan: i64, from: &[&str]) -> Disbursement {
        Disbursement {
            id: id.into(),
            date: d(date),
            purpose: "救助".into(),
            project: "人道救助".into(),
            recipient: "某镇".into(),
            amount: Fen(yuan * 100),
            funding: Funding::Directed(from.iter().map(|s| s.to_string()).collect()),
            category: Category::Aid,
            origin: Origin::Sample,
        }
    }

    #[test]
    fn a_receipt_number_as_typed_finds_the_donation_and_where_it_went() {
        let ds = vec![
            donation("D2019-00002", "XNHH-2019-000002", "咸宁同心竹木制品有限公司", "2019-01-05", 10_000, true),
            donation("D2019-00003", "XNHH-2019-000003", "温州商会", "2019-01-06", 20_000, true),
        ];
        let xs = vec![
            paid("P2", "2019-03-01", 3_000, &["D2019-00002"]),
            paid("P1", "2019-02-01", 4_000, &["D2019-00002"]),
            paid("P3", "2019-04-01", 3_000, &["D2019-00002", "D2019-00003"]),
            paid("P4", "2019-04-02", 500, &["D2019-00003"]),
            paid("P5", "2019-05-01", 1, &["D2019-00002", "D2019-00003"]),
        ];
        let g = Goods::default();
        let ask = Ask { number: " ｘｎｈｈ-2019-000002 ".into(), ..Default::default() };
        assert_eq!(ask.year(), Some(2019));
        let Answer::Donations(found) = lookup(&ask, &ds, &xs, &g) else { panic!("not found") };
        assert_eq!(found.len(), 1);
        let f = &found[0];
        assert_eq!(f.donation.id, "D2019-00002");
        assert_eq!(f.uses.iter().map(|u| u.disbursement.id.as_str()).collect::<Vec<_>>(), ["P1", "P2", "P3", "P5"], "date order");
        // P3 (3,000 元) shared 1:2 with D2019-00003: 1,000 元 here.
        assert_eq!(f.uses[2].share, Fen(100_000));
        assert_eq!(f.uses[2].sources, 2);
        // P5 (1 元 = 100 fen) shared 1:2: 33 + 66 = 99, the remaining fen to the first source.
        assert_eq!(f.uses[3].share, Fen(34));
        assert_eq!(f.unused, Some(Fen((10_000 - 4_000 - 3_000 - 1_000) * 100 - 34)));
        // The other source's share takes the rest, to the fen.
        let Answer::Donations(other) = lookup(&Ask { number: "D2019-00003".into(), ..Default::default() }, &ds, &xs, &g) else { panic!() };
        assert_eq!(other[0].uses[0].share, Fen(200_000));
        assert_eq!(other[0].uses[2].share, Fen(66), "the two shares make the 100 fen");
        assert_eq!(other[0].unused, Some(Fen((20_000 - 2_000 - 500) * 100 - 66)));
        assert!(!f.sources_missing && !other[0].sources_missing);
        // Read without the other source (a ledger read by year, the source of another year):
        // the shares of P3 and P5 are not known, and the answer says so.
        let alone = [ds[0].clone()];
        let Answer::Donations(partial) = lookup(&ask, &alone, &xs, &g) else { panic!() };
        assert!(partial[0].sources_missing);
        let only_own = [paid("P1", "2019-02-01", 4_000, &["D2019-00002"])];
        let Answer::Donations(whole) = lookup(&ask, &alone, &only_own, &g) else { panic!() };
        assert!(!whole[0].sources_missing, "a use it paid alone needs no other donation");
    }

    #[test]
    fn by_name_date_and_amount_together_and_not_found() {
        let ds = vec![donation("D2020-00001", "R1", "咸宁市温州商会", "2020-05-01", 2_000, false)];
        let g = Goods::default();
        let ask = |name: &str, date: &str, yuan: i64| Ask { name: name.into(), date: Some(d(date)), amount: Some(Fen(yuan * 100)), ..Default::default() };
        assert!(matches!(lookup(&ask("温州商会", "2020-05-01", 2_000), &ds, &[], &g), Answer::Donations(f) if f[0].unused.is_none()));
        assert_eq!(lookup(&ask("温州商会", "2020-05-02", 2_000), &ds, &[], &g), Answer::NotFound);
        assert_eq!(lookup(&ask("温州商会", "2020-05-01", 2_001), &ds, &[], &g), Answer::NotFound);
        // A name alone is not enough.
        assert_eq!(lookup(&Ask { name: "温州商会".into(), ..Default::default() }, &ds, &[], &g), Answer::NotFound);
        assert_eq!(lookup(&Ask { number: "XNHH-2099-1".into(), ..Default::default() }, &ds, &[], &g), Answer::NotFound);
        assert_eq!(lookup(&Ask::default(), &ds, &[], &g), Answer::Empty);
        assert_eq!(Ask { number: "R-12019".into(), ..Default::default() }.year(), None, "no year inside a longer number");
    }
}
