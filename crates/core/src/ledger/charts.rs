//! Chart specs for the 捐赠 page, computed from exactly the rows on screen.

use super::rows::{Flow, LedgerRow, RowStatus};
use super::{Category, Channel};
use crate::chart::{Bar, BarChart, ColumnChart, FlowChart, FlowLink, FlowNode, Series, Unit, AMBER, GREEN, GREY, RED, SLATE};
use crate::i18n::Lang;
use crate::money::Fen;
use std::collections::BTreeMap;

const BLUE: crate::chart::Rgb = crate::chart::Rgb(0x09, 0x69, 0xda);
/// A balance: what is left, or what was drawn from earlier.
const PURPLE: crate::chart::Rgb = crate::chart::Rgb(0x82, 0x50, 0xdf);

fn received(r: &LedgerRow) -> bool {
    r.flow == Flow::MoneyIn && r.status == RowStatus::Received
}

/// Sums per key over rows that mostly come in runs of one key (a ledger in date order: one
/// month, one year, one project after another): the run's sum is kept aside and merged into the
/// map when the key changes, so most rows cost a comparison, not a map lookup (at a million
/// rows the lookups were most of a chart's time, and a chart is one task of the page).
struct Sums<K, V> {
    map: BTreeMap<K, V>,
    run: Option<(K, V)>,
    merge: fn(&mut V, V),
}

impl<K: Ord + Copy, V: Default> Sums<K, V> {
    fn new(merge: fn(&mut V, V)) -> Self {
        Sums { map: BTreeMap::new(), run: None, merge }
    }

    /// The sum for `k`, to add to (the key is in the result even if nothing is added).
    #[inline]
    fn at(&mut self, k: K) -> &mut V {
        if !matches!(&self.run, Some((run, _)) if *run == k) {
            self.flush();
        }
        &mut self.run.get_or_insert_with(|| (k, V::default())).1
    }

    fn flush(&mut self) {
        if let Some((k, v)) = self.run.take() {
            (self.merge)(self.map.entry(k).or_default(), v);
        }
    }

    fn done(mut self) -> BTreeMap<K, V> {
        self.flush();
        self.map
    }
}

/// Sums per value of a small vocabulary (a channel, a category) or none: a slot each, in the
/// order of the keys (`None` first, as a map of `Option`s orders them), no lookup at all (a
/// ledger's channels alternate row by row).
struct Few<K: 'static> {
    all: &'static [K],
    sums: Vec<Option<Fen>>,
}

impl<K: Ord + Copy> Few<K> {
    fn new(all: &'static [K]) -> Self {
        Few { all, sums: vec![None; all.len() + 1] }
    }

    /// The sum for slot `slot`: 0 for none, `1 + k` for `all[k]`.
    #[inline]
    fn at(&mut self, slot: usize) -> &mut Fen {
        self.sums[slot].get_or_insert(Fen::ZERO)
    }

    fn done(self) -> BTreeMap<Option<K>, Fen> {
        let all = self.all;
        self.sums.into_iter().enumerate().filter_map(|(k, v)| Some((k.checked_sub(1).map(|k| all[k]), v?))).collect()
    }
}

/// A channel's slot in a [`Few`] (the enum's variants are in `Channel::ALL`'s order).
fn channel_slot(c: Option<Channel>) -> usize {
    c.map_or(0, |c| c as usize + 1)
}

fn add_pair(a: &mut (i64, i64), b: (i64, i64)) {
    a.0 += b.0;
    a.1 += b.1;
}

fn add_fen(a: &mut Fen, b: Fen) {
    *a = *a + b;
}

fn any_sample(rows: &[LedgerRow], idx: &[u32]) -> bool {
    idx.iter().any(|i| rows[*i as usize].origin.is_sample())
}

/// Money received and disbursed per month, over the months the rows span.
pub fn monthly(rows: &[LedgerRow], idx: &[u32], source: &str, lang: Lang) -> ColumnChart {
    let mut m: Sums<(u16, u8), (i64, i64)> = Sums::new(add_pair);
    for i in idx {
        let r = &rows[*i as usize];
        let Some(month) = r.date.month else { continue };
        let e = m.at((r.date.year, month));
        if received(r) {
            e.0 += r.amount.0;
        } else if r.flow == Flow::MoneyOut {
            e.1 += r.amount.0;
        }
    }
    let m = m.done();
    let (first, last) = match (m.keys().next(), m.keys().next_back()) {
        (Some(a), Some(b)) => (*a, *b),
        _ => ((0, 1), (0, 0)),
    };
    let mut cats = Vec::new();
    let (mut inc, mut out) = (Vec::new(), Vec::new());
    let (mut y, mut mo) = first;
    while first.0 > 0 && (y, mo) <= last {
        let (a, b) = m.get(&(y, mo)).copied().unwrap_or((0, 0));
        let axis = if mo == 1 || cats.is_empty() { format!("{y}") } else { String::new() };
        cats.push((format!("{y}-{mo:02}"), axis));
        inc.push(a);
        out.push(b);
        if mo == 12 {
            y += 1;
            mo = 1;
        } else {
            mo += 1;
        }
    }
    let period = match (cats.first(), cats.last()) {
        (Some(a), Some(b)) => lang.pick(format!("{} 至 {}", a.0, b.0), format!("{} to {}", a.0, b.0)),
        _ => lang.pick("无数据", "no data").to_string(),
    };
    ColumnChart {
        title: lang.pick("每月捐款收入与支出", "Donations received and money spent per month").into(),
        subtitle: match lang {
            Lang::Zh => format!("当前筛选的 {} 条记录中的款项，按月合计（{period}；不含已退回、已取消的捐款）", idx.len()),
            Lang::En => format!("Money in the {} records of the current filter, per month ({period}; refunded and cancelled donations excluded)", idx.len()),
        },
        source: source.to_string(),
        sample: any_sample(rows, idx),
        categories: cats,
        series: vec![
            Series { name: lang.pick("收入", "Received").into(), color: GREEN, values: inc },
            Series { name: lang.pick("支出", "Spent").into(), color: RED, values: out },
        ],
        unit: Unit::Money,
        stacked: false,
        lang,
    }
}

/// Directed vs non-directed donations received, per year.
pub fn directed_by_year(rows: &[LedgerRow], idx: &[u32], source: &str, lang: Lang) -> ColumnChart {
    let mut m: Sums<u16, (i64, i64)> = Sums::new(add_pair);
    for i in idx {
        let r = &rows[*i as usize];
        if received(r) {
            let e = m.at(r.date.year);
            if r.directed == Some(true) {
                e.0 += r.amount.0
            } else {
                e.1 += r.amount.0
            }
        }
    }
    let m = m.done();
    ColumnChart {
        title: lang.pick("定向与非定向捐款（按年）", "Directed and non-directed donations (per year)").into(),
        subtitle: lang.pick("当前筛选中已到账的捐款，按年合计", "Donations received in the current filter, per year").into(),
        source: source.to_string(),
        sample: any_sample(rows, idx),
        categories: m.keys().map(|y| (lang.pick(format!("{y}年"), format!("{y}")), format!("{y}"))).collect(),
        series: vec![
            Series { name: lang.pick("定向", "Directed").into(), color: BLUE, values: m.values().map(|v| v.0).collect() },
            Series { name: lang.pick("非定向", "Non-directed").into(), color: AMBER, values: m.values().map(|v| v.1).collect() },
        ],
        unit: Unit::Money,
        stacked: false,
        lang,
    }
}

/// Donations received per channel.
pub fn by_channel(rows: &[LedgerRow], idx: &[u32], source: &str, lang: Lang) -> BarChart {
    let mut m = Few::new(&Channel::ALL);
    for i in idx {
        let r = &rows[*i as usize];
        if let (true, Some(_)) = (received(r), r.channel) {
            let e = m.at(channel_slot(r.channel));
            *e = *e + r.amount;
        }
    }
    let m: BTreeMap<Channel, Fen> = m.done().into_iter().filter_map(|(k, v)| Some((k?, v))).collect();
    let total = Fen::checked_sum(m.values().copied()).unwrap_or(Fen::ZERO);
    let colors = [BLUE, GREEN, AMBER, GREY, RED];
    BarChart {
        title: lang.pick("捐款渠道", "Donation channels").into(),
        subtitle: match lang {
            Lang::Zh => format!("当前筛选中已到账的捐款，按渠道合计（共 {}）", crate::format::money_zh(total)),
            Lang::En => format!("Donations received in the current filter, per channel (total {})", crate::format::money_en(total)),
        },
        lang,
        source: source.to_string(),
        sample: any_sample(rows, idx),
        // Every channel, zeros included, once anything was received; else nothing to draw.
        bars: Channel::ALL
            .iter()
            .enumerate()
            .filter(|_| total > Fen::ZERO)
            .map(|(k, c)| {
                let v = m.get(c).copied().unwrap_or(Fen::ZERO);
                let share = v.share_bp(total).map(crate::format::percent_bp).unwrap_or_else(|| "—".into());
                let value_label = match lang {
                    Lang::Zh => format!("{}（{share}）", crate::format::money_zh(v)),
                    Lang::En => format!("{} ({share})", crate::format::money_en(v)),
                };
                Bar { label: c.label(lang).into(), value: v.0, value_label, color: colors[k % colors.len()] }
            })
            .collect(),
    }
}

/// Where the money went: money received by channel → the money of the selection → its uses
/// by disbursement category, and what is left.
///
/// Over exactly the money rows among `idx`: donations received (refunded and cancelled ones are
/// not income, as in the totals line) and disbursements. Goods are not money and are left out
/// (their issues are counted in units, not yuan; the goods chart shows them).
///
/// Money is pooled, so no donation is tied to a use here: every source flows into one middle
/// node, and the uses flow out of it. When the selection received more than it spent, the rest
/// is the "unspent" node among the uses; when it spent more (a year that drew on earlier
/// donations, or a filter that keeps a disbursement but not the gifts that paid for it), the
/// difference is a source of its own, "drawn from other balances", and there is no unspent
/// node. Either way every node's total is the sum of its links, to the fen.
pub fn money_flow(rows: &[LedgerRow], idx: &[u32], source: &str, lang: Lang) -> FlowChart {
    let mut by_channel = Few::new(&Channel::ALL);
    let mut by_category = Few::new(&Category::ALL);
    let counts = tally_flow(
        rows,
        idx,
        |r, v| {
            let e = by_channel.at(channel_slot(r.channel));
            *e = *e + v;
        },
        |r, v| {
            let e = by_category.at(r.category.map_or(0, |c| c as usize + 1));
            *e = *e + v;
        },
    );
    let (by_channel, by_category) = (by_channel.done(), by_category.done());
    let channel_colors = [BLUE, GREEN, AMBER, GREY, RED];
    // Sources, in the channels' order (as in the channel chart, and in its colours).
    let sources: Vec<(String, Fen, crate::chart::Rgb)> = by_channel
        .iter()
        .map(|(c, v)| match c {
            Some(c) => (c.label(lang).to_string(), *v, channel_colors[Channel::ALL.iter().position(|x| x == c).unwrap_or(0) % channel_colors.len()]),
            None => (lang.pick("未注明渠道", "Channel not given").to_string(), *v, GREY),
        })
        .collect();
    let uses: Vec<(String, Fen, crate::chart::Rgb)> = by_category
        .iter()
        .map(|(c, v)| match c {
            Some(Category::Aid) => (Category::Aid.label(lang).to_string(), *v, GREEN),
            Some(Category::ProjectCost) => (Category::ProjectCost.label(lang).to_string(), *v, AMBER),
            Some(Category::Management) => (Category::Management.label(lang).to_string(), *v, RED),
            None => (lang.pick("未分类支出", "Uncategorised spending").to_string(), *v, GREY),
        })
        .collect();
    let by = match lang {
        Lang::Zh => ("按渠道", "按类别"),
        Lang::En => ("by channel", "by category"),
    };
    flow_chart(sources, uses, counts, by, source, lang)
}

/// How many projects a side of the project flow names before the rest are one node.
pub const FLOW_PROJECTS: usize = 6;

/// [`money_flow`] by project: the donations received per project they were given to → all the
/// money → the spending per project it went to, and the balance. The projects with the most money
/// on either side are named ([`FLOW_PROJECTS`] of them, in one colour on both sides), the rest
/// summed as 其他项目. Every node's total is the sum of its links, to the fen.
pub fn money_flow_by_project(rows: &[LedgerRow], idx: &[u32], source: &str, lang: Lang) -> FlowChart {
    let mut given: Sums<&str, Fen> = Sums::new(add_fen);
    let mut spent: Sums<&str, Fen> = Sums::new(add_fen);
    let counts = tally_flow(
        rows,
        idx,
        |r, v| {
            let e = given.at(&r.project);
            *e = *e + v;
        },
        |r, v| {
            let e = spent.at(&r.project);
            *e = *e + v;
        },
    );
    let (given, spent) = (given.done(), spent.done());
    // The projects by the most money on either side (ties by name), each one colour.
    let mut rank: Vec<(&str, Fen)> = given
        .keys()
        .chain(spent.keys())
        .map(|p| (*p, std::cmp::max(given.get(p).copied().unwrap_or(Fen::ZERO), spent.get(p).copied().unwrap_or(Fen::ZERO))))
        .collect();
    rank.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    rank.dedup_by(|a, b| a.0 == b.0);
    let named: Vec<&str> = rank.iter().take(FLOW_PROJECTS).map(|x| x.0).collect();
    let colors = [BLUE, GREEN, AMBER, RED, SLATE, crate::chart::Rgb(0x0e, 0x7c, 0x86)];
    let other = lang.pick("其他项目", "Other projects");
    let side = |m: &BTreeMap<&str, Fen>| -> Vec<(String, Fen, crate::chart::Rgb)> {
        let mut out: Vec<(String, Fen, crate::chart::Rgb)> = named
            .iter()
            .enumerate()
            .filter_map(|(k, p)| {
                m.get(p).filter(|v| **v > Fen::ZERO).map(|v| {
                    (if p.is_empty() { lang.pick("未注明项目", "Project not given").to_string() } else { p.to_string() }, *v, colors[k % colors.len()])
                })
            })
            .collect();
        let rest = Fen::checked_sum(m.iter().filter(|(p, _)| !named.contains(p)).map(|(_, v)| *v)).unwrap_or(Fen::ZERO);
        if rest > Fen::ZERO {
            out.push((other.to_string(), rest, GREY));
        }
        out
    };
    let by = match lang {
        Lang::Zh => ("按项目", "按项目"),
        Lang::En => ("by project", "by project"),
    };
    flow_chart(side(&given), side(&spent), counts, by, source, lang)
}

/// What a money flow counts: received donations and disbursements among `idx` (`into` and
/// `out` are given each with its amount); (received, spent, any sample).
fn tally_flow<'a>(
    rows: &'a [LedgerRow],
    idx: &[u32],
    mut into: impl FnMut(&'a LedgerRow, Fen),
    mut out: impl FnMut(&'a LedgerRow, Fen),
) -> (usize, usize, bool) {
    let (mut received_n, mut spent_n, mut sample) = (0usize, 0usize, false);
    for i in idx {
        let r = &rows[*i as usize];
        if received(r) {
            received_n += 1;
            into(r, r.amount);
        } else if r.flow == Flow::MoneyOut {
            spent_n += 1;
            out(r, r.amount);
        } else {
            continue;
        }
        sample |= r.origin.is_sample();
    }
    (received_n, spent_n, sample)
}

/// The flow chart from its sources and uses (label, amount, colour): all the money in the
/// middle, the balance (unspent, or drawn from other balances) added where it belongs. `by`
/// says how each side is grouped (for the subtitle).
fn flow_chart(
    mut sources: Vec<(String, Fen, crate::chart::Rgb)>,
    mut uses: Vec<(String, Fen, crate::chart::Rgb)>,
    (received_n, spent_n, sample): (usize, usize, bool),
    by: (&str, &str),
    source: &str,
    lang: Lang,
) -> FlowChart {
    let total_in = Fen::checked_sum(sources.iter().map(|x| x.1)).unwrap_or(Fen::ZERO);
    let total_out = Fen::checked_sum(uses.iter().map(|x| x.1)).unwrap_or(Fen::ZERO);
    let (drawn, unspent) = if total_out > total_in { (total_out - total_in, Fen::ZERO) } else { (Fen::ZERO, total_in - total_out) };
    let pool = total_in + drawn;
    let mut nodes: Vec<FlowNode> = Vec::new();
    let mut links: Vec<FlowLink> = Vec::new();
    let hub_label = lang.pick("款项合计", "All the money");
    if drawn > Fen::ZERO {
        sources.push((lang.pick("动用其他结余", "Drawn from other balances").to_string(), drawn, PURPLE));
    }
    if unspent > Fen::ZERO {
        uses.push((lang.pick("未使用（结余）", "Unspent balance").to_string(), unspent, PURPLE));
    }
    if pool > Fen::ZERO {
        for (label, value, color) in sources {
            nodes.push(FlowNode { label, value, column: 0, color });
        }
        let hub = nodes.len();
        nodes.push(FlowNode { label: hub_label.to_string(), value: pool, column: 1, color: SLATE });
        for (k, n) in nodes.iter().enumerate().take(hub) {
            links.push(FlowLink { from: k, to: hub, value: n.value });
        }
        for (label, value, color) in uses {
            links.push(FlowLink { from: hub, to: nodes.len(), value });
            nodes.push(FlowNode { label, value, column: 2, color });
        }
    }
    let (money_in, money_out) = (crate::format::money(lang, total_in), crate::format::money(lang, total_out));
    let balance = match (lang, drawn > Fen::ZERO) {
        (Lang::Zh, false) => "结余为收入减支出".to_string(),
        (Lang::En, false) => "the balance is received less spent".to_string(),
        (Lang::Zh, true) => format!("支出多于收入，差额 {} 记为动用其他结余（以前年度或筛选以外的款项）", crate::format::money(lang, drawn)),
        (Lang::En, true) => {
            format!(
                "more was spent than received: the difference, {}, is drawn from other balances (earlier years, or money outside the filter)",
                crate::format::money(lang, drawn)
            )
        }
    };
    let (by_in, by_out) = by;
    FlowChart {
        title: lang.pick("款项流向：收到的捐款用在了哪里", "Follow the money: where the donations went").into(),
        subtitle: match lang {
            Lang::Zh => format!(
                "当前筛选中 {received_n} 笔已到账捐款（{money_in}）{by_in}，{spent_n} 笔支出（{money_out}）{by_out}；{balance}。不含已退回、已取消的捐款和捐赠物资"
            ),
            Lang::En => format!(
                "{received_n} donations received ({money_in}) {by_in} and {spent_n} disbursements ({money_out}) {by_out}, in the current filter; {balance}. Refunded and cancelled donations and donated goods are not included"
            ),
        },
        source: source.to_string(),
        sample,
        nodes,
        links,
        lang,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::*;

    fn rows() -> Vec<LedgerRow> {
        let d = |id: &str, date: &str, amt: i64, directed: bool, ch: &str, status: &str| RawDonation {
            id: Some(id.into()),
            date: Some(date.into()),
            donor: Some("甲".into()),
            donor_kind: Some("enterprise".into()),
            amount_fen: Some(amt.into()),
            directed: Some(directed),
            directed_to: directed.then(|| "防汛".into()),
            channel: Some(ch.into()),
            project: Some("p".into()),
            status: Some(status.into()),
            origin: Some("sample".into()),
            ..Default::default()
        };
        let dons = validate_donations(RawFile {
            sample: Some(true),
            records: vec![
                d("D1", "2020-01-05", 100, true, "bank_transfer", "received"),
                d("D2", "2020-03-05", 300, false, "cash", "received"),
                d("D3", "2021-02-01", 50, false, "online_platform", "received"),
                d("D4", "2021-02-01", 999, false, "cash", "refunded"),
            ],
            ..Default::default()
        })
        .value;
        rows::ledger_rows(&dons, &[], &Goods::default())
    }

    /// Sums in runs and sums per slot are what a plain map of sums gives, however the keys come
    /// (in runs, alternating, back to an earlier one), with a key added to but nothing added kept.
    #[test]
    fn sums_by_run_and_by_slot_equal_a_plain_map() {
        let keys = [3u16, 3, 3, 1, 1, 3, 2, 2, 2, 2, 1, 3, 0, 0, 5];
        let mut plain: BTreeMap<u16, (i64, i64)> = BTreeMap::new();
        let mut runs: Sums<u16, (i64, i64)> = Sums::new(add_pair);
        for (i, k) in keys.iter().enumerate() {
            let v = if *k == 5 { (0, 0) } else { (i as i64 * 7, 1) };
            add_pair(plain.entry(*k).or_default(), v);
            add_pair(runs.at(*k), v);
        }
        assert_eq!(runs.done(), plain);
        let channels = [None, Some(Channel::Cash), Some(Channel::BankTransfer), Some(Channel::Cash), None, Some(Channel::ALL[4])];
        let mut plain: BTreeMap<Option<Channel>, Fen> = BTreeMap::new();
        let mut few = Few::new(&Channel::ALL);
        for (i, c) in channels.iter().enumerate() {
            add_fen(plain.entry(*c).or_default(), Fen(i as i64 * 100));
            add_fen(few.at(channel_slot(*c)), Fen(i as i64 * 100));
        }
        assert_eq!(few.done(), plain);
    }

    #[test]
    fn monthly_spans_every_month_and_skips_refunds() {
        let r = rows();
        let idx: Vec<u32> = (0..r.len() as u32).collect();
        let c = monthly(&r, &idx, "src", Lang::Zh);
        assert_eq!(c.categories.len(), 14, "2020-01 … 2021-02");
        assert_eq!(c.categories[0], ("2020-01".to_string(), "2020".to_string()));
        assert_eq!(c.series[0].values.iter().sum::<i64>(), 450);
        assert_eq!(c.series[0].values[13], 50);
        assert!(c.sample);
    }

    #[test]
    fn directed_and_channel_totals() {
        let r = rows();
        let idx: Vec<u32> = (0..r.len() as u32).collect();
        let c = directed_by_year(&r, &idx, "src", Lang::Zh);
        assert_eq!(c.series[0].values, vec![100, 0]);
        assert_eq!(c.series[1].values, vec![300, 50]);
        let b = by_channel(&r, &idx, "src", Lang::Zh);
        let cash = b.bars.iter().find(|x| x.label == "现金").unwrap();
        assert_eq!(cash.value, 300);
        assert!(cash.value_label.contains("66.67%"), "{}", cash.value_label);
    }

    #[test]
    fn english_charts() {
        let r = rows();
        let idx: Vec<u32> = (0..r.len() as u32).collect();
        let c = monthly(&r, &idx, "Source: test", Lang::En);
        assert_eq!(c.title, "Donations received and money spent per month");
        assert_eq!(c.series[0].name, "Received");
        assert!(c.source_line().ends_with("(includes sample data, not real records)"), "{}", c.source_line());
        let b = by_channel(&r, &idx, "src", Lang::En);
        let cash = b.bars.iter().find(|x| x.label == "Cash").unwrap();
        assert_eq!(cash.value_label, "CNY 3 (66.67%)");
        assert!(!crate::chart::Chart::Columns(c).to_svg(crate::chart::WIDE).contains("示例数据，非真实记录"));
    }
}

/// For each goods batch among `ids`: the share issued (out ÷ received), with its balance. At
/// most `max_bars` bars (a phone gets fewer): the flagged batches first, then the most recent;
/// the subtitle says how many of how many are shown.
pub fn goods_issued(goods: &super::Goods, ids: &std::collections::BTreeSet<&str>, source: &str, lang: Lang, max_bars: usize) -> BarChart {
    let balances = goods.balances();
    let mut bars = Vec::new();
    let mut sample = false;
    for (b, bal) in goods.batches.iter().zip(balances) {
        if !ids.contains(b.id.as_str()) {
            continue;
        }
        sample |= b.origin.is_sample();
        let done = bal.out + bal.written_off;
        let bp = if bal.received > 0 { done.min(bal.received) * 10_000 / bal.received } else { 0 };
        let mut value_label = match lang {
            Lang::Zh => format!("出库 {}/{}{}", bal.out, bal.received, b.unit),
            Lang::En => format!("issued {}/{} {}", bal.out, bal.received, b.unit),
        };
        if bal.written_off > 0 {
            value_label.push_str(&match lang {
                Lang::Zh => format!("，核销 {}", bal.written_off),
                Lang::En => format!(", written off {}", bal.written_off),
            });
        }
        if !bal.flags.is_empty() {
            value_label.push_str(" ⚠");
        }
        let color = if !bal.flags.is_empty() {
            RED
        } else if bal.balance == 0 {
            GREEN
        } else {
            AMBER
        };
        let label = match lang {
            Lang::Zh => format!("{}（{}）", b.item, b.date),
            Lang::En => format!("{} ({})", b.item, b.date),
        };
        bars.push((!bal.flags.is_empty(), bars.len(), Bar { label, value: bp, value_label, color }));
    }
    let all = bars.len();
    if all > max_bars {
        // Flagged first, then the latest batches; shown again in date order.
        crate::sort::sort_by_key(&mut bars, |(flagged, i, _)| (!flagged, std::cmp::Reverse(*i)));
        bars.truncate(max_bars);
        crate::sort::sort_by_key(&mut bars, |(_, i, _)| *i);
    }
    let bars: Vec<Bar> = bars.into_iter().map(|(_, _, b)| b).collect();
    let shown = if bars.len() < all {
        lang.pick(
            format!("，显示其中 {} 批（有标记的和最近的），全部见物资表", bars.len()),
            format!("; {} shown (flagged and latest first), all of them in the goods table", bars.len()),
        )
    } else {
        String::new()
    };
    BarChart {
        title: lang.pick("捐赠物资去向：每批已出库或核销的比例", "Donated goods: share of each batch issued or written off").into(),
        subtitle: match lang {
            Lang::Zh => format!("当前筛选中的 {all} 批物资{shown}；红色为有需要说明的情况（如无出库记录）"),
            Lang::En => format!("{all} batches in the current filter{shown}; red marks something to explain (such as no issue records)"),
        },
        source: source.to_string(),
        sample,
        bars,
        lang,
    }
}

#[cfg(test)]
mod goods_tests {
    use super::*;
    use crate::ledger::*;

    #[test]
    fn issued_share_and_flag_colour() {
        let b = |id: &str, q: i64| RawBatch {
            id: Some(id.into()),
            date: Some("2020-01".into()),
            donor: Some("某".into()),
            donor_kind: Some("organisation".into()),
            item: Some("家庭包".into()),
            quantity: Some(q),
            unit: Some("份".into()),
            value_fen: Some(100.into()),
            origin: Some("seed".into()),
            problem: Some(8),
            ..Default::default()
        };
        let g = validate_goods(RawGoods {
            sample: Some(false),
            batches: vec![b("B1", 130), b("B2", 100)],
            movements: vec![RawMovement {
                id: Some("M1".into()),
                date: Some("2020-02-01".into()),
                batch: Some("B2".into()),
                quantity: Some(40),
                destination: Some("某村".into()),
                origin: Some("seed".into()),
                problem: Some(8),
            }],
            ..Default::default()
        })
        .value;
        let c = goods_issued(&g, &["B1", "B2"].into(), "src", Lang::Zh, 50);
        assert_eq!(c.bars[0].value, 0);
        assert_eq!(c.bars[0].color, RED, "no outgoing record is flagged red");
        assert!(c.bars[0].value_label.contains("出库 0/130份"));
        assert_eq!(c.bars[1].value, 4000);
        assert_eq!(c.bars[1].color, AMBER);
        assert!(!c.sample);
        assert!(!c.subtitle.contains("显示其中"));
        // One bar: the flagged batch stays, and the subtitle says how many are shown.
        let c = goods_issued(&g, &["B1", "B2"].into(), "src", Lang::Zh, 1);
        assert_eq!(c.bars.len(), 1);
        assert_eq!(c.bars[0].color, RED);
        assert!(c.subtitle.contains("2 批物资，显示其中 1 批"), "{}", c.subtitle);
    }
}

#[cfg(test)]
mod flow_tests {
    use super::*;
    use crate::ledger::*;
    use proptest::prelude::*;

    /// `(kind, amount, channel or category, status)`: kind 0 a donation, 1 a disbursement, 2 a
    /// goods batch.
    type Spec = (u8, i64, usize, usize);

    fn ledger(specs: &[Spec]) -> Vec<LedgerRow> {
        let (mut dons, mut outs, mut batches) = (Vec::new(), Vec::new(), Vec::new());
        for (k, &(kind, amount, which, status)) in specs.iter().enumerate() {
            match kind {
                0 => dons.push(RawDonation {
                    id: Some(format!("D{k}")),
                    date: Some("2021-03-04".into()),
                    donor: Some("甲".into()),
                    donor_kind: Some("individual".into()),
                    amount_fen: Some(amount.into()),
                    directed: Some(false),
                    channel: Some(Channel::ALL[which % Channel::ALL.len()].key().into()),
                    project: Some("p".into()),
                    status: Some(["received", "refunded", "cancelled"][status % 3].into()),
                    origin: Some("sample".into()),
                    ..Default::default()
                }),
                1 => outs.push(RawDisbursement {
                    id: Some(format!("X{k}")),
                    date: Some("2021-05".into()),
                    purpose: Some("用途".into()),
                    project: Some("p".into()),
                    recipient: Some("乙".into()),
                    amount_fen: Some(amount.into()),
                    category: Some(Category::ALL[which % Category::ALL.len()].key().into()),
                    origin: Some("sample".into()),
                    ..Default::default()
                }),
                _ => batches.push(RawBatch {
                    id: Some(format!("B{k}")),
                    date: Some("2021-01".into()),
                    donor: Some("丙".into()),
                    donor_kind: Some("enterprise".into()),
                    item: Some("口罩".into()),
                    quantity: Some(10),
                    unit: Some("个".into()),
                    value_fen: Some(amount.into()),
                    origin: Some("sample".into()),
                    ..Default::default()
                }),
            }
        }
        let d = validate_donations(RawFile { sample: Some(true), records: dons, ..Default::default() });
        let x = validate_disbursements(RawFile { sample: Some(true), records: outs, ..Default::default() });
        let g = validate_goods(RawGoods { sample: Some(true), batches, ..Default::default() });
        assert!(d.findings.is_empty() && x.findings.is_empty() && g.findings.is_empty(), "{:?} {:?} {:?}", d.findings, x.findings, g.findings);
        rows::ledger_rows(&d.value, &x.value, &g.value)
    }

    fn column_total(c: &FlowChart, k: usize) -> i64 {
        c.column(k).map(|(_, n)| n.value.0).sum()
    }

    fn named(c: &FlowChart, label: &str) -> Option<Fen> {
        c.nodes.iter().find(|n| n.label.starts_with(label)).map(|n| n.value)
    }

    /// What the chart must say of `idx`, from the rows' own fields (not through the builder's maps).
    fn check(rows: &[LedgerRow], idx: &[u32], c: &FlowChart) {
        let sum = |keep: &dyn Fn(&LedgerRow) -> bool| idx.iter().map(|i| &rows[*i as usize]).filter(|r| keep(r)).map(|r| r.amount.0).sum::<i64>();
        let money_in = sum(&|r| r.flow == Flow::MoneyIn && r.status == RowStatus::Received);
        let money_out = sum(&|r| r.flow == Flow::MoneyOut);
        assert!(c.imbalances().is_empty(), "{:?}", c.imbalances());
        let drawn = named(c, "动用其他结余").map_or(0, |f| f.0);
        let unspent = named(c, "未使用").map_or(0, |f| f.0);
        assert_eq!(column_total(c, 0), money_in + drawn, "sources = money received (+ what was drawn)");
        assert_eq!(column_total(c, 2), money_out + unspent, "uses = money spent (+ what is left)");
        assert_eq!(column_total(c, 1), money_in.max(money_out));
        assert_eq!(unspent, (money_in - money_out).max(0));
        assert_eq!(drawn, (money_out - money_in).max(0));
        for ch in Channel::ALL {
            let want = sum(&|r| r.flow == Flow::MoneyIn && r.status == RowStatus::Received && r.channel == Some(ch));
            assert_eq!(named(c, ch.zh()).map_or(0, |f| f.0), want, "{ch:?}");
        }
        for cat in Category::ALL {
            let want = sum(&|r| r.flow == Flow::MoneyOut && r.category == Some(cat));
            assert_eq!(named(c, cat.zh()).map_or(0, |f| f.0), want, "{cat:?}");
        }
        assert!(c.nodes.iter().all(|n| n.value > Fen::ZERO), "no empty node is drawn");
    }

    /// An empty selection (or an organisation's first, empty ledger): each chart says there is
    /// nothing to draw, not an axis of zeros.
    #[test]
    fn an_empty_selection_says_so_in_every_chart() {
        use crate::chart::Chart;
        let rows = ledger(&[(0, 100, 0, 0), (1, 50, 0, 0)]);
        for lang in [Lang::Zh, Lang::En] {
            let none = crate::chart::nothing_to_draw(lang);
            for c in [
                Chart::Columns(monthly(&rows, &[], "src", lang)),
                Chart::Columns(directed_by_year(&rows, &[], "src", lang)),
                Chart::Bars(by_channel(&rows, &[], "src", lang)),
            ] {
                for w in [360, 640] {
                    let svg = c.to_svg(w);
                    assert!(svg.contains(none), "{} at {w}: {svg}", c.title());
                    assert!(!svg.contains(">0元<") && !svg.contains(">CNY 0<"), "{} at {w}: a scale of zeros", c.title());
                }
                assert!(c.description().contains(none), "{}", c.description());
            }
            let all: Vec<u32> = (0..rows.len() as u32).collect();
            assert!(!Chart::Columns(monthly(&rows, &all, "src", lang)).to_svg(360).contains(none));
            assert!(!Chart::Bars(by_channel(&rows, &all, "src", lang)).to_svg(360).contains(none));
        }
    }

    #[test]
    fn an_empty_selection_draws_no_node() {
        let rows = ledger(&[(0, 100, 0, 0), (1, 50, 0, 0)]);
        let c = money_flow(&rows, &[], "src", Lang::Zh);
        assert!(c.nodes.is_empty() && c.links.is_empty());
        assert!(c.imbalances().is_empty());
        assert!(crate::chart::Chart::Flow(c).to_svg(390).contains("没有可以画出的款项"));
    }

    #[test]
    fn received_more_than_spent_leaves_an_unspent_node() {
        let rows = ledger(&[(0, 10_000, 0, 0), (0, 2_501, 3, 0), (0, 99_999, 3, 1), (1, 7_000, 0, 0), (1, 1, 2, 0), (2, 50_000, 0, 0)]);
        let idx: Vec<u32> = (0..rows.len() as u32).collect();
        let c = money_flow(&rows, &idx, "src", Lang::Zh);
        check(&rows, &idx, &c);
        assert_eq!(named(&c, "未使用"), Some(Fen(12_501 - 7_001)));
        assert_eq!(named(&c, "动用其他结余"), None);
        assert_eq!(named(&c, "现金"), Some(Fen(2_501)), "the refund is not income");
        assert_eq!(c.nodes.iter().map(|n| n.column).collect::<Vec<_>>(), vec![0, 0, 1, 2, 2, 2]);
        assert!(c.subtitle.contains("2 笔已到账捐款") && c.subtitle.contains("2 笔支出"), "{}", c.subtitle);
        assert!(c.sample);
    }

    #[test]
    fn only_disbursements_are_drawn_from_other_balances() {
        let rows = ledger(&[(0, 10_000, 0, 0), (1, 7_000, 0, 0), (1, 3_000, 2, 0)]);
        let c = money_flow(&rows, &[1, 2], "src", Lang::Zh);
        check(&rows, &[1, 2], &c);
        assert_eq!(named(&c, "动用其他结余"), Some(Fen(10_000)));
        assert_eq!(c.column(0).count(), 1);
        let en = money_flow(&rows, &[1, 2], "src", Lang::En);
        assert!(en.nodes[0].label.starts_with("Drawn from other balances"), "{:?}", en.nodes[0]);
    }

    #[test]
    fn spent_more_than_received_has_no_unspent_node() {
        let rows = ledger(&[(0, 4_000, 1, 0), (1, 7_000, 0, 0), (1, 333, 1, 0)]);
        let idx = [0, 1, 2];
        let c = money_flow(&rows, &idx, "src", Lang::Zh);
        check(&rows, &idx, &c);
        assert_eq!(named(&c, "动用其他结余"), Some(Fen(3_333)));
        assert_eq!(named(&c, "未使用"), None);
        // Received exactly what was spent: neither.
        let rows = ledger(&[(0, 7_000, 1, 0), (1, 7_000, 0, 0)]);
        let c = money_flow(&rows, &[0, 1], "src", Lang::Zh);
        check(&rows, &[0, 1], &c);
        assert_eq!(c.nodes.len(), 3);
    }

    #[test]
    fn goods_never_enter_the_money_flow() {
        let rows = ledger(&[(2, 50_000, 0, 0), (2, 1, 0, 0)]);
        let c = money_flow(&rows, &[0, 1], "src", Lang::Zh);
        assert!(c.nodes.is_empty(), "{:?}", c.nodes);
        assert!(!c.sample, "only the money rows drawn decide the sample mark");
    }

    proptest! {
        #[test]
        fn every_selection_balances_to_the_fen(
            specs in proptest::collection::vec((0u8..3, 1i64..=crate::money::MAX_RECORD / 1_000, 0usize..8, 0usize..6), 0..40),
            keep in proptest::collection::vec(any::<bool>(), 40),
        ) {
            let rows = ledger(&specs);
            let idx: Vec<u32> = (0..rows.len() as u32).filter(|i| keep[*i as usize]).collect();
            let c = money_flow(&rows, &idx, "src", Lang::Zh);
            check(&rows, &idx, &c);
        }
    }
}
