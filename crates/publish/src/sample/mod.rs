//! A deterministic generator of realistic SAMPLE ledger data (donations, disbursements, goods),
//! plus the few goods records the seed report states (problems 8 and 9).
//!
//! Pure: no I/O, no floating point (money is integer fen), its own SplitMix64 PRNG, so the same
//! `(seed, donations)` always yields byte-identical files. Sample records say `origin: "sample"`
//! and every file says `sample: true`; nothing here is a real donation. Donors are never named
//! people: individuals appear as 张先生 / 李女士, companies and organisations are invented from
//! generic parts, recipients are institutions, places or counted groups (困难群众（35名）).
//!
//! Also sample relief ([`generate_relief`]: masked individual records of the non-medical
//! programmes, county aggregates of the medical ones, plus the report's two real aggregates of
//! problem 5) and organisation coverage ([`generate_coverage`]: the report's city figures and
//! statements of problems 3 and 6, with sample county rows and team types that add up to them).
//!
//! One file per part: [`rng`] the random numbers, `days` the sample period's days (on the core's
//! calendar), `words` the word lists names are made of, and one generator per file: `donations`,
//! `disbursements`, `goods`, `relief`, `coverage`.

mod coverage;
mod days;
mod disbursements;
mod donations;
mod goods;
mod relief;
pub mod rng;
mod words;

pub use coverage::{generate_coverage, COVERAGE_FACTS, COVERAGE_NOTE};
pub use donations::yuan_range;
pub use goods::{seed_goods, SAMPLE_BATCHES};
pub use relief::{generate_relief, relief_note, DEFAULT_RELIEF_RECORDS};
pub use rng::Rng;

/// The organisation the sample relief and coverage records are made for: its divisions and
/// programmes (a test checks the shipped manifest lists the same). Only the sample data is
/// Xianning's; everything else reads the organisation from the data folder.
pub fn organisation() -> gongshi_core::org::Organisation {
    use gongshi_core::org::{Division, Organisation, Programme};
    use std::sync::Arc;
    let programme = |key: &str, name: &str, name_en: &str, aggregate_only: bool| {
        Arc::new(Programme { key: key.into(), name: name.into(), name_en: Some(name_en.into()), aggregate_only, aliases: Vec::new() })
    };
    Organisation {
        name: "咸宁市红十字会".into(),
        divisions: words::COUNTIES.iter().map(|c| Arc::new(Division { name: c.to_string(), ..Default::default() })).collect(),
        programmes: vec![
            programme("temporary_aid", "临时人道救助", "Temporary humanitarian aid", false),
            programme("little_angel", "小天使基金（白血病，0–18岁）", "Little Angel Fund (leukaemia, age 0–18)", true),
            programme("angel_sunshine", "天使阳光基金（先心病，0–14岁）", "Angel Sunshine Fund (congenital heart disease, age 0–14)", true),
            programme("boai", "博爱送万家", "Boai Songwanjia (holiday relief)", false),
            programme("other", "其他救助", "Other relief", false),
        ],
        ..Default::default()
    }
}

use disbursements::gen_disbursements;
use donations::gen_donations;
use gongshi_core::ledger::{RawDisbursement, RawDonation, RawFile, RawGoods, DISBURSEMENTS_SCHEMA, DONATIONS_SCHEMA, GOODS_SCHEMA};
use goods::gen_goods;

/// The envelope note of every generated file.
pub const SAMPLE_NOTE: &str = "示例数据：以下记录由 gongshi 的生成器按固定种子生成，用于演示，不是真实捐赠记录。真实数字见整改报告。";
/// Added to the goods file's note, which also holds the report's own records.
pub const GOODS_SEED_NOTE: &str = "其中 origin 为 seed 的批次和核销记录摘自整改报告（问题 8、9），不是示例。";

/// First and last day of the sample period.
pub const FIRST_YEAR: u16 = 2019;
pub const LAST_YEAR: u16 = 2023;

/// Online fund-raising starts in 2022 (the report: 网络募捐款为零 2019–2021; 10 projects on 腾讯公益 in May 2022).
pub const FIRST_ONLINE_YEAR: u16 = 2022;
pub const ONLINE_PLATFORM: &str = "腾讯公益";

#[derive(Clone, Debug, PartialEq)]
pub struct SampleLedger {
    pub donations: RawFile<RawDonation>,
    pub disbursements: RawFile<RawDisbursement>,
    pub goods: RawGoods,
}

/// `n` sample donations only (for benchmarks and scale tests: `gongshi bulk`), from the same
/// generator and seed stream as [`generate`].
pub fn bulk_donations(seed: u64, n: usize) -> Vec<RawDonation> {
    let mut money = Rng::new(seed ^ 0x646F_6E61_7469_6F6E);
    gen_donations(&mut money, n).0
}

/// Sample donations (`donations` of them, 2019–2023), disbursements paying them out, and goods
/// (40 sample batches with their movements, plus the report's own records from [`seed_goods`]).
pub fn generate(seed: u64, donations: usize) -> SampleLedger {
    // Independent streams, so the goods do not change with the number of donations.
    let mut money = Rng::new(seed ^ 0x646F_6E61_7469_6F6E);
    let mut spend = Rng::new(seed ^ 0x6469_7362_7572_7365);
    let mut stock = Rng::new(seed ^ 0x676F_6F64_7321_2121);
    let (records, days) = gen_donations(&mut money, donations);
    let paid = gen_disbursements(&mut spend, &records, &days);
    let (mut batches, mut movements) = gen_goods(&mut stock);
    let (seed_batches, seed_movements, writeoffs) = seed_goods();
    batches.extend(seed_batches);
    movements.extend(seed_movements);
    // Months sort before their days ("2020-01" < "2020-01-05"); the sort is stable.
    batches.sort_by(|a, b| a.date.cmp(&b.date));
    SampleLedger {
        donations: RawFile { schema: Some(DONATIONS_SCHEMA.into()), sample: Some(true), note: Some(SAMPLE_NOTE.into()), records, corrections: Vec::new() },
        disbursements: RawFile {
            schema: Some(DISBURSEMENTS_SCHEMA.into()),
            sample: Some(true),
            note: Some(SAMPLE_NOTE.into()),
            records: paid,
            corrections: Vec::new(),
        },
        goods: RawGoods {
            schema: Some(GOODS_SCHEMA.into()),
            sample: Some(true),
            note: Some(format!("{SAMPLE_NOTE}{GOODS_SEED_NOTE}")),
            batches,
            movements,
            writeoffs,
            corrections: Vec::new(),
        },
    }
}

#[cfg(test)]
mod tests {
    /// The sample's organisation is the shipped manifest's: the same divisions in the same order,
    /// the same programmes (keys, names, which are aggregate-only).
    #[test]
    fn the_sample_organisation_is_the_shipped_one() {
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/data/manifest.json")).unwrap();
        let shipped = gongshi_core::manifest::load(&text).unwrap().value.organisation;
        let ours = super::organisation();
        let names = |o: &gongshi_core::org::Organisation| o.divisions.iter().map(|d| d.name.clone()).collect::<Vec<_>>();
        assert_eq!(names(&ours), names(&shipped));
        let progs = |o: &gongshi_core::org::Organisation| o.programmes.iter().map(|p| (p.key.clone(), p.name.clone(), p.aggregate_only)).collect::<Vec<_>>();
        assert_eq!(progs(&ours), progs(&shipped));
    }

    use super::*;
    use gongshi_core::ledger::{check_cross, money_by_year, validate_disbursements, validate_donations, validate_goods};
    use gongshi_core::money::Fen;

    pub(super) const N: usize = 1200;

    pub(super) fn ledger() -> SampleLedger {
        generate(2023, N)
    }

    #[test]
    fn sample_is_deterministic() {
        assert_eq!(generate(7, 300), generate(7, 300));
        assert_ne!(generate(7, 300).donations, generate(8, 300).donations);
        assert_ne!(generate(7, 300).goods, generate(8, 300).goods);
        // The goods do not depend on the number of donations.
        assert_eq!(generate(7, 300).goods, generate(7, 50).goods);
    }

    #[test]
    fn sample_counts_and_envelopes() {
        let s = ledger();
        assert_eq!(s.donations.records.len(), N);
        let x = s.disbursements.records.len();
        assert!((N / 5..=N * 3 / 10).contains(&x), "{x} disbursements for {N} donations");
        assert_eq!(s.goods.batches.len(), SAMPLE_BATCHES + 3);
        assert_eq!(s.goods.writeoffs.len(), 1);
        for (schema, sample, note) in [
            (&s.donations.schema, s.donations.sample, &s.donations.note),
            (&s.disbursements.schema, s.disbursements.sample, &s.disbursements.note),
            (&s.goods.schema, s.goods.sample, &s.goods.note),
        ] {
            assert!(schema.as_deref().unwrap().starts_with("gongshi/"));
            assert_eq!(sample, Some(true));
            assert!(note.as_deref().unwrap().starts_with(SAMPLE_NOTE));
        }
        // Ids sorted by date, numbered per year.
        let d = &s.donations.records;
        assert!(d.windows(2).all(|w| w[0].date <= w[1].date));
        assert_eq!(d[0].id.as_deref(), Some("D2019-00001"));
        let x = &s.disbursements.records;
        assert!(x.windows(2).all(|w| w[0].date <= w[1].date));
        for r in d {
            let y = &r.date.as_deref().unwrap()[..4];
            assert!(r.id.as_deref().unwrap().starts_with(&format!("D{y}-")));
            assert!((FIRST_YEAR..=LAST_YEAR).contains(&y.parse::<u16>().unwrap()));
            match r.status.as_deref() {
                Some("received") => assert!(r.receipt.as_deref().unwrap().starts_with(&format!("XNHH-{y}-"))),
                _ => assert!(r.receipt.is_none()),
            }
        }
    }

    #[test]
    fn sample_validates_with_no_diagnostics_and_no_cross_errors() {
        for (seed, n) in [(2023, N), (1, 40), (99, 3000)] {
            let s = generate(seed, n);
            let d = validate_donations(s.donations);
            assert!(d.findings.is_empty(), "{:?}", d.findings);
            assert_eq!(d.value.len(), n);
            let x = validate_disbursements(s.disbursements);
            assert!(x.findings.is_empty(), "{:?}", x.findings);
            let g = validate_goods(s.goods);
            assert!(g.findings.is_empty(), "{:?}", g.findings);
            assert!(check_cross(&d.value, &x.value).is_empty(), "{:?}", check_cross(&d.value, &x.value));
            for y in money_by_year(&d.value, &x.value) {
                assert_eq!(y.over_cap(), Fen::ZERO, "seed {seed}: {y:?}");
                assert!((FIRST_YEAR..=LAST_YEAR).contains(&y.year));
            }
        }
    }
}
