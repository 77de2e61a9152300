//! Chart specs for the 捐赠 page, computed from exactly the rows on screen.

use super::rows::{Flow, LedgerRow, RowStatus};
use super::Channel;
use crate::chart::{Bar, BarChart, ColumnChart, Series, Unit, AMBER, GREEN, GREY, RED};
use crate::i18n::Lang;
use crate::money::Fen;
use std::collections::BTreeMap;

const BLUE: crate::chart::Rgb = crate::chart::Rgb(0x09, 0x69, 0xda);

fn received(r: &LedgerRow) -> bool {
    r.flow == Flow::MoneyIn && r.status == RowStatus::Received
}

fn any_sample(rows: &[LedgerRow], idx: &[u32]) -> bool {
    idx.iter().any(|i| rows[*i as usize].origin.is_sample())
}

/// Money received and disbursed per month, over the months the rows span.
pub fn monthly(rows: &[LedgerRow], idx: &[u32], source: &str, lang: Lang) -> ColumnChart {
    let mut m: BTreeMap<(u16, u8), (i64, i64)> = BTreeMap::new();
    for i in idx {
        let r = &rows[*i as usize];
        let Some(month) = r.date.month else { continue };
        let e = m.entry((r.date.year, month)).or_default();
        if received(r) {
            e.0 += r.amount.0;
        } else if r.flow == Flow::MoneyOut {
            e.1 += r.amount.0;
        }
    }
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
    let mut m: BTreeMap<u16, (i64, i64)> = BTreeMap::new();
    for i in idx {
        let r = &rows[*i as usize];
        if received(r) {
            let e = m.entry(r.date.year).or_default();
            if r.directed == Some(true) {
                e.0 += r.amount.0
            } else {
                e.1 += r.amount.0
            }
        }
    }
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
    let mut m: BTreeMap<Channel, Fen> = BTreeMap::new();
    for i in idx {
        let r = &rows[*i as usize];
        if let (true, Some(c)) = (received(r), r.channel) {
            let e = m.entry(c).or_default();
            *e = *e + r.amount;
        }
    }
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
        bars: Channel::ALL
            .iter()
            .enumerate()
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
