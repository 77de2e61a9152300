//! Sample goods (batches of donated items and their movements out), and the report's own goods
//! records ([`seed_goods`]).

use super::days::{day_in, day_str, last_day, year_of};
use super::rng::{nice, Rng};
use super::words::{donor_name, COUNTIES, COVID_TO, FLOOD_TO, KINDS, SPRING_TO};
use super::{FIRST_YEAR, LAST_YEAR};
use gongshi_core::ledger::{RawBatch, RawCancellation, RawMovement, RawWriteOff};
use std::collections::BTreeMap;

const SEED_DONOR_UNKNOWN: &str = "（原文未载明）";

/// The goods records the seed report states: problem 8 (two batches issued without an
/// outgoing record — no movements, which is the finding) and problem 9 (gloves whose donation
/// was cancelled the same month, registered, later written off).
pub fn seed_goods() -> (Vec<RawBatch>, Vec<RawMovement>, Vec<RawWriteOff>) {
    let seed = |id: &str, date: &str, donor: &str, item: &str, qty: i64, unit: &str, value: i64, note: &str, problem: u32| RawBatch {
        id: Some(id.into()),
        date: Some(date.into()),
        donor: Some(donor.into()),
        donor_kind: Some("organisation".into()),
        item: Some(item.into()),
        quantity: Some(qty),
        unit: Some(unit.into()),
        value_fen: Some(value.into()),
        directed_to: None,
        cancelled: None,
        note: Some(note.into()),
        origin: Some("seed".into()),
        problem: Some(problem),
    };
    let batches = vec![
        seed("S-2020-01-BAJIA", "2020-01", SEED_DONOR_UNKNOWN, "博爱送万家家庭包", 130, "份", 3_900_000, "原文：2020年1月接受博爱送万家家庭包130份3.9万元，入库并发放但无出入库记录", 8),
        RawBatch {
            directed_to: Some("咸安区浮山街道余佐村".into()),
            cancelled: Some(RawCancellation { date: Some("2020-04".into()), reason: Some("同月该公司取消物资捐赠".into()) }),
            ..seed(
                "S-2020-04-GLOVES",
                "2020-04",
                "广东国强公益基金会",
                "手套",
                30_000,
                "双",
                1_590_000,
                "原文：2020年4月，广东国强公益基金会拟捐赠咸安区浮山街道余佐村3万双手套，价值1.59万元，市红十字会按收到捐赠物资登记入账、上报，同月该公司取消物资捐赠",
                9,
            )
        },
        seed("S-2020-10-RICE-OIL", "2020-10", SEED_DONOR_UNKNOWN, "大米、油", 2_800, "份", 15_000_000, "原文：2020年10月接受捐赠15万元购买大米、油2800份，入库并发放但无出库记录", 8),
    ];
    let writeoffs = vec![RawWriteOff {
        id: Some("S-WO-GLOVES".into()),
        date: None,
        batch: Some("S-2020-04-GLOVES".into()),
        quantity: Some(30_000),
        reason: Some("捐赠方取消捐赠，按整改要求核销并公示".into()),
        origin: Some("seed".into()),
        problem: Some(9),
    }];
    (batches, Vec::new(), writeoffs)
}

/// (item, unit, unit value in fen lo..hi, quantity lo..hi, when)
#[derive(Clone, Copy)]
enum When {
    Covid,
    Flood,
    Winter,
    School,
    Any,
}

const ITEMS: &[(&str, &str, (i64, i64), (i64, i64), When)] = &[
    ("医用外科口罩", "只", (50, 120), (5_000, 100_000), When::Covid),
    ("KN95口罩", "只", (300, 600), (1_000, 20_000), When::Covid),
    ("医用防护服", "套", (8_000, 15_000), (200, 3_000), When::Covid),
    ("84消毒液", "箱", (3_000, 6_000), (50, 800), When::Covid),
    ("医用酒精（75%）", "箱", (4_000, 8_000), (50, 500), When::Covid),
    ("护目镜", "副", (2_000, 4_000), (200, 2_000), When::Covid),
    ("红外体温计", "支", (10_000, 25_000), (50, 500), When::Covid),
    ("矿泉水", "箱", (2_000, 3_500), (100, 1_500), When::Flood),
    ("方便面", "箱", (3_000, 5_000), (100, 1_000), When::Flood),
    ("救灾帐篷", "顶", (80_000, 150_000), (10, 120), When::Flood),
    ("救生衣", "件", (8_000, 15_000), (50, 500), When::Flood),
    ("折叠床", "张", (12_000, 25_000), (20, 200), When::Flood),
    ("大米", "袋", (8_000, 12_000), (100, 2_000), When::Winter),
    ("食用油", "桶", (6_000, 9_000), (100, 2_000), When::Winter),
    ("棉被", "床", (10_000, 20_000), (50, 600), When::Winter),
    ("羽绒服", "件", (20_000, 40_000), (50, 400), When::Winter),
    ("学习用品包", "份", (5_000, 10_000), (100, 1_000), When::School),
    ("书包", "个", (4_000, 9_000), (100, 1_000), When::School),
    ("应急救护包", "个", (5_000, 12_000), (50, 500), When::Any),
    ("家庭应急包", "个", (8_000, 15_000), (50, 500), When::Any),
];

fn goods_day(rng: &mut Rng, when: When) -> u32 {
    let year = rng.range(FIRST_YEAR as i64, LAST_YEAR as i64) as u16;
    match when {
        When::Covid => {
            if rng.chance(750) {
                day_in(rng, (2020, 1, 24), (2020, 4, 30))
            } else {
                let y = rng.range(2021, 2022) as u16;
                day_in(rng, (y, 1, 1), (y, 12, 31))
            }
        }
        When::Flood => {
            if rng.chance(700) {
                day_in(rng, (2020, 7, 1), (2020, 7, 31))
            } else {
                day_in(rng, (year, 6, 1), (year, 8, 31))
            }
        }
        When::Winter => {
            if year == LAST_YEAR || rng.chance(500) {
                day_in(rng, (year, 1, 2), (year, 2, 15))
            } else {
                day_in(rng, (year, 11, 15), (year, 12, 10))
            }
        }
        When::School => day_in(rng, (year, 8, 1), (year, 9, 10)),
        When::Any => day_in(rng, (year, 1, 1), (year, 10, 31)),
    }
}

fn destination(rng: &mut Rng, covid: bool) -> String {
    let c = rng.pick(COUNTIES);
    match rng.below(if covid { 4 } else { 3 }) {
        0 => format!("{c}红十字会"),
        1 => format!("{c}某镇"),
        2 => format!("{c}某村"),
        _ => {
            if *c == "咸安区" {
                "咸宁市中心医院".to_string()
            } else {
                format!("{c}人民医院")
            }
        }
    }
}

/// Number of sample goods batches.
pub const SAMPLE_BATCHES: usize = 40;

pub(super) fn gen_goods(rng: &mut Rng) -> (Vec<RawBatch>, Vec<RawMovement>) {
    let end = last_day();
    let mut drafts: Vec<(u32, usize, RawBatch, Vec<(u32, i64, String)>)> = Vec::new();
    for seq in 0..SAMPLE_BATCHES {
        let (item, unit, (vlo, vhi), (qlo, qhi), when) = *rng.pick(ITEMS);
        let day = goods_day(rng, when);
        let kind = KINDS[rng.weighted(&[20, 55, 15, 5, 5])];
        let donor = match donor_name(rng, kind) {
            s if s.is_empty() => "爱心人士".to_string(),
            s => s,
        };
        let raw_qty = rng.log_uniform(qlo, qhi);
        let qty = nice(rng, raw_qty, qlo, qhi, 900);
        let unit_value = rng.range(vlo, vhi);
        let value = qty * unit_value / 100 * 100;
        let covid = matches!(when, When::Covid);
        let purposes: &[&str] = match when {
            When::Covid => COVID_TO,
            When::Flood => FLOOD_TO,
            When::Winter => SPRING_TO,
            When::School => &["红十字博爱助学"],
            When::Any => &["应急救护培训"],
        };
        let directed_to = rng.chance(350).then(|| rng.pick(purposes).to_string());
        // Movements: 1–4, after the batch, issuing all (70%) or part (50–95%) of it.
        let n_out = rng.range(1, 4) as usize;
        let issued = if rng.chance(700) { qty } else { (qty * rng.range(50, 95) / 100).max(n_out as i64) };
        let mut moves = Vec::new();
        let mut left = issued;
        let mut d = day;
        for j in 0..n_out {
            d = (d + rng.range(1, 20) as u32).min(end);
            let q = if j + 1 == n_out { left } else { (left * rng.range(20, 60) / 100).max(1).min(left - (n_out - j - 1) as i64) };
            left -= q;
            moves.push((d, q, destination(rng, covid)));
        }
        let raw = RawBatch {
            id: None,
            date: Some(day_str(day)),
            donor: Some(donor),
            donor_kind: Some(kind.to_string()),
            item: Some(item.to_string()),
            quantity: Some(qty),
            unit: Some(unit.to_string()),
            value_fen: Some(value.into()),
            directed_to,
            cancelled: None,
            note: None,
            origin: Some("sample".to_string()),
            problem: None,
        };
        drafts.push((day, seq, raw, moves));
    }
    drafts.sort_by_key(|d| (d.0, d.1));
    let mut ids: BTreeMap<u16, usize> = BTreeMap::new();
    let mut batches = Vec::new();
    let mut movements = Vec::new();
    for (day, _, mut raw, moves) in drafts {
        let y = year_of(day);
        let i = ids.entry(y).or_default();
        *i += 1;
        let id = format!("G{y}-{i:04}");
        for (j, (d, q, dest)) in moves.into_iter().enumerate() {
            movements.push(RawMovement {
                id: Some(format!("M{y}-{i:04}-{}", j + 1)),
                date: Some(day_str(d)),
                batch: Some(id.clone()),
                quantity: Some(q),
                destination: Some(dest),
                origin: Some("sample".to_string()),
                problem: None,
            });
        }
        raw.id = Some(id);
        batches.push(raw);
    }
    (batches, movements)
}

#[cfg(test)]
mod tests {
    use super::super::tests::ledger;
    use super::*;
    use gongshi_core::ledger::{validate_goods, GoodsFlag};
    use gongshi_core::money::Fen;

    #[test]
    fn sample_goods_are_clean_and_the_seed_goods_are_flagged() {
        let g = validate_goods(ledger().goods);
        assert!(g.findings.is_empty(), "{:?}", g.findings);
        let g = g.value;
        let balances = g.balances();
        for (b, bal) in g.batches.iter().zip(&balances) {
            assert_eq!(b.id, bal.batch);
            if b.origin.is_sample() {
                assert!(bal.flags.is_empty(), "{bal:?}");
                assert!(bal.out >= 1 && bal.balance >= 0, "{bal:?}");
                let moves: Vec<_> = g.movements.iter().filter(|m| m.batch == b.id).collect();
                assert!((1..=4).contains(&moves.len()));
                assert!(moves.iter().all(|m| m.date > b.date && m.date.year <= LAST_YEAR && m.origin.is_sample()));
                assert!(b.cancelled.is_none() && b.value > Fen::ZERO);
            }
        }
        let flags = |id: &str| balances.iter().find(|x| x.batch == id).unwrap().flags.clone();
        assert_eq!(flags("S-2020-01-BAJIA"), vec![GoodsFlag::NoOutgoing]);
        assert_eq!(flags("S-2020-10-RICE-OIL"), vec![GoodsFlag::NoOutgoing]);
        assert_eq!(flags("S-2020-04-GLOVES"), vec![]);
        let gloves = balances.iter().find(|x| x.batch == "S-2020-04-GLOVES").unwrap();
        assert_eq!((gloves.received, gloves.out, gloves.written_off, gloves.balance), (30_000, 0, 30_000, 0));
        let seed: Vec<_> = g.batches.iter().filter(|b| !b.origin.is_sample()).collect();
        assert_eq!(seed.len(), 3);
        assert_eq!(seed.iter().map(|b| b.value.0).sum::<i64>(), 3_900_000 + 1_590_000 + 15_000_000);
        assert!(g.movements.iter().all(|m| m.origin.is_sample()));
    }

    #[test]
    fn seed_goods_quote_the_report() {
        let report = include_str!("../../../../docs/source/xianning-red-cross-rectification-2023.txt");
        let flat: String = report.chars().filter(|c| !c.is_whitespace()).collect();
        let (batches, movements, writeoffs) = seed_goods();
        assert!(movements.is_empty());
        assert_eq!(writeoffs[0].date, None);
        for b in &batches {
            let quote = b.note.as_deref().unwrap().strip_prefix("原文：").unwrap();
            assert!(flat.contains(quote), "not in the report: {quote}");
        }
    }
}
