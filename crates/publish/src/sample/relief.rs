//! Sample relief: masked individual records of the non-medical programmes and county aggregates
//! of the medical ones, small cells suppressed.

use super::days::{day_in, day_number, day_str, year_of};
use super::rng::{nice, Rng};
use super::words::{COUNTIES, SURNAMES};
use super::{FIRST_YEAR, LAST_YEAR};
use gongshi_core::privacy;
use gongshi_core::relief::{self, RawAggregate, RawRelief, RawReliefFile};
use std::collections::BTreeMap;

/// Default number of sample relief records.
pub const DEFAULT_RELIEF_RECORDS: usize = 600;

/// The relief file's envelope note.
pub fn relief_note() -> String {
    format!(
        "示例数据：以下救助记录由 gongshi 的生成器按固定种子生成，用于演示，不是真实救助记录；受助人姓名已按“姓＋某”脱敏，地址只到乡镇（街道）。\
         小天使基金、天使阳光基金等儿童和大病救助只公布按县（市、区）和年份的汇总数（也是示例数据）；人数不足{MIN_CELL}人的单元格不公布人数和金额，\
         写作 \"people\": null, \"suppressed\": true。整改报告（问题 5）所载的真实数字（2019年至2021年申报救助的0-18岁白血病患者49人、\
         0-14岁先天性心脏病患者3人）见 figures.json，不在此重复。",
        MIN_CELL = gongshi_core::relief::MIN_CELL
    )
}

/// Compound surnames, drawn now and then (the masked form keeps the whole surname: 欧阳某): the
/// four most common of the list the privacy rules mask by.
const COMPOUND_SURNAMES: &[&str] = privacy::COMPOUND_SURNAMES.split_at(4).0;

/// Towns and streets (乡镇、街道) of each county used for relief records: real names, town
/// level only. Names containing 路 (崇阳县路口镇, 通山县大路乡) are left out, since the privacy
/// gate reads 路 as a road.
const TOWNSHIPS: [(&str, &[&str]); 6] = [
    (
        "咸安区",
        &["永安街道", "温泉街道", "浮山街道", "向阳湖镇", "官埠桥镇", "横沟桥镇", "贺胜桥镇", "双溪桥镇", "马桥镇", "桂花镇", "高桥镇", "汀泗桥镇", "大幕乡"],
    ),
    ("嘉鱼县", &["鱼岳镇", "新街镇", "渡普镇", "潘家湾镇", "簰洲湾镇", "陆溪镇", "高铁岭镇", "官桥镇"]),
    ("通城县", &["隽水镇", "麦市镇", "塘湖镇", "关刀镇", "沙堆镇", "五里镇", "石南镇", "北港镇", "马港镇", "四庄乡", "大坪乡"]),
    ("崇阳县", &["天城镇", "沙坪镇", "石城镇", "桂花泉镇", "白霓镇", "金塘镇", "青山镇", "肖岭乡", "铜钟乡", "港口乡", "高枧乡"]),
    ("通山县", &["通羊镇", "南林桥镇", "黄沙铺镇", "厦铺镇", "九宫山镇", "闯王镇", "洪港镇", "大畈镇", "杨芳林乡", "燕厦乡", "慈口乡"]),
    (
        "赤壁市",
        &[
            "蒲圻街道",
            "赤马港街道",
            "陆水湖街道",
            "车埠镇",
            "赵李桥镇",
            "茶庵岭镇",
            "中伙铺镇",
            "神山镇",
            "官塘驿镇",
            "新店镇",
            "赤壁镇",
            "柳山湖镇",
            "黄盖湖镇",
            "余家桥乡",
        ],
    ),
];

/// Spring Festival (春节) of each sample year: 博爱送万家 visits fall in the weeks before it.
const SPRING_FESTIVAL: [(u16, u8, u8); 5] = [(2019, 2, 5), (2020, 1, 25), (2021, 2, 12), (2022, 2, 1), (2023, 1, 22)];

const BOAI_GOODS: &[&str] = &["米、油、棉被", "米、油", "大米、食用油", "棉被、羽绒服", "博爱送万家家庭包", "米、油、慰问品", "棉被、大米"];

const OTHER_GOODS: &[&str] = &["家庭应急包", "书包、学习用品", "衣物、棉被", "救灾帐篷、折叠床"];

fn masked_name(rng: &mut Rng) -> String {
    let surname = if rng.chance(30) { rng.pick(COMPOUND_SURNAMES) } else { rng.pick(SURNAMES) };
    format!("{surname}某")
}

struct DraftR {
    day: u32,
    seq: usize,
    raw: RawRelief,
}

fn gen_relief_records(rng: &mut Rng, n: usize) -> Vec<RawRelief> {
    let late = day_number(LAST_YEAR, 9, 1);
    let mut drafts = Vec::with_capacity(n);
    for seq in 0..n {
        let programme = ["temporary_aid", "boai", "other"][rng.weighted(&[55, 35, 10])];
        let (county, towns) = *rng.pick(&TOWNSHIPS);
        let township = rng.pick(towns).to_string();
        let (day, amount, goods): (u32, Option<i64>, Option<String>) = match programme {
            "temporary_aid" => {
                let y = rng.range(FIRST_YEAR as i64, LAST_YEAR as i64) as u16;
                let day = day_in(rng, (y, 1, 1), (y, 12, 31));
                let raw = rng.log_uniform(500, 20_000);
                let yuan = nice(rng, raw, 500, 20_000, 900);
                (day, Some(yuan * 100), None)
            }
            "boai" => {
                let (y, m, d) = *rng.pick(&SPRING_FESTIVAL);
                let sf = day_number(y, m, d);
                let day = sf - rng.range(3, 28) as u32;
                let goods = rng.pick(BOAI_GOODS).to_string();
                // Some visits also bring a cash gift (慰问金).
                let amount = rng.chance(400).then(|| *rng.pick(&[200i64, 300, 500, 500, 800, 1_000]) * 100);
                (day, amount, Some(goods))
            }
            _ => {
                let y = rng.range(FIRST_YEAR as i64, LAST_YEAR as i64) as u16;
                let day = day_in(rng, (y, 1, 1), (y, 12, 31));
                if rng.chance(300) {
                    (day, None, Some(rng.pick(OTHER_GOODS).to_string()))
                } else {
                    let raw = rng.log_uniform(300, 5_000);
                    (day, Some(nice(rng, raw, 300, 5_000, 900) * 100), None)
                }
            }
        };
        // Recent cases (from September 2023) may still be in process; older ones are settled.
        let status = if day >= late {
            ["paid", "approved", "applied", "rejected"][rng.weighted(&[50, 25, 20, 5])]
        } else {
            ["paid", "rejected"][rng.weighted(&[945, 55])]
        };
        let recipient = masked_name(rng);
        drafts.push(DraftR {
            day,
            seq,
            raw: RawRelief {
                id: None,
                programme: Some(programme.to_string()),
                date: Some(day_str(day)),
                county: Some(county.to_string()),
                township: Some(township),
                amount_fen: amount,
                goods,
                status: Some(status.to_string()),
                recipient: Some(recipient),
                medical: None,
                origin: Some("sample".to_string()),
                problem: None,
            },
        });
    }
    drafts.sort_by_key(|d| (d.day, d.seq));
    let mut ids: BTreeMap<u16, usize> = BTreeMap::new();
    drafts
        .into_iter()
        .map(|mut d| {
            let y = year_of(d.day);
            let i = ids.entry(y).or_default();
            *i += 1;
            d.raw.id = Some(format!("R{y}-{i:04}"));
            d.raw
        })
        .collect()
}

/// Sample aggregates: county × year × medical programme, with small counts (most cells are
/// below the publication threshold) and 30,000–150,000 元 per person. 小天使基金 cells average
/// about three people (the report: 49 applications city-wide in 2019–2021); 天使阳光基金 cells
/// are rarer still (3 applications in those years) and never reach the threshold.
fn gen_relief_aggregates(rng: &mut Rng) -> Vec<RawAggregate> {
    let mut out = Vec::new();
    for year in FIRST_YEAR..=LAST_YEAR {
        for county in COUNTIES {
            for (programme, weights) in [("little_angel", &[10u64, 14, 16, 15, 12, 10, 8, 6, 5, 4][..]), ("angel_sunshine", &[60, 25, 10, 4, 1][..])] {
                let people = rng.weighted(weights) as u32;
                let amount: i64 = (0..people).map(|_| rng.range(30, 150) * 1_000 * 100).sum();
                out.push(RawAggregate {
                    programme: Some(programme.into()),
                    county: Some(county.to_string()),
                    year: Some(year),
                    people: Some(people),
                    amount_fen: Some(amount),
                    suppressed: None,
                    origin: Some("sample".into()),
                    problem: None,
                });
            }
        }
    }
    gongshi_core::relief::suppress_small_cells(&mut out);
    out
}

/// Sample relief: `records` masked individual records of the non-medical programmes
/// (2019–2023) and sample aggregates of the medical programmes. The report's real figures on
/// those programmes (problem 5: 49 and 3 applications in 2019–2021) live in figures.json and are
/// shown as such; they are not repeated here as a misleading single-year cell.
pub fn generate_relief(seed: u64, records: usize) -> RawReliefFile {
    // Independent streams, so the aggregates do not change with the number of records.
    let mut people = Rng::new(seed ^ 0x7265_6C69_6566_2121);
    let mut cells = Rng::new(seed ^ 0x6167_6772_6567_6174);
    let aggregates = gen_relief_aggregates(&mut cells);
    RawReliefFile {
        schema: Some(relief::SCHEMA.into()),
        sample: Some(true),
        note: Some(relief_note()),
        records: gen_relief_records(&mut people, records),
        aggregates,
        corrections: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn relief() -> gongshi_core::relief::RawReliefFile {
        generate_relief(2023, DEFAULT_RELIEF_RECORDS)
    }

    /// Longest run of digits (ASCII or full-width) anywhere in the text.
    fn longest_digit_run(text: &str) -> usize {
        let (mut best, mut run) = (0, 0);
        for c in text.chars() {
            if c.is_ascii_digit() || ('０'..='９').contains(&c) {
                run += 1;
                best = best.max(run);
            } else {
                run = 0;
            }
        }
        best
    }

    #[test]
    fn sample_relief_is_deterministic() {
        assert_eq!(generate_relief(7, 200), generate_relief(7, 200));
        assert_ne!(generate_relief(7, 200).records, generate_relief(8, 200).records);
        assert_ne!(generate_relief(7, 200).aggregates, generate_relief(8, 200).aggregates);
        // The aggregates do not depend on the number of records.
        assert_eq!(generate_relief(7, 200).aggregates, generate_relief(7, 20).aggregates);
    }

    #[test]
    fn sample_relief_loads_through_the_privacy_gate_with_no_problems() {
        for (seed, n) in [(2023, DEFAULT_RELIEF_RECORDS), (1, 30), (99, 2000)] {
            let file = generate_relief(seed, n);
            let text = serde_json::to_string(&file).unwrap();
            assert!(longest_digit_run(&text) < 11, "seed {seed}: a run of {} digits", longest_digit_run(&text));
            let c = gongshi_core::relief::load(&text, &super::super::organisation()).unwrap_or_else(|e| panic!("seed {seed}: {e:?}"));
            assert!(c.findings.is_empty(), "seed {seed}: {:?}", c.findings);
            assert_eq!(c.value.records.len(), n);
            assert_eq!(c.value.aggregates.len(), file.aggregates.len());
        }
    }

    #[test]
    fn sample_relief_envelope_ids_and_dates() {
        let f = relief();
        assert_eq!(f.schema.as_deref(), Some(relief::SCHEMA));
        assert_eq!(f.sample, Some(true));
        let note = f.note.as_deref().unwrap();
        assert!(note.starts_with("示例数据：") && note.contains("不是真实救助记录") && note.contains("“姓＋某”"), "{note}");
        assert_eq!(f.records.len(), DEFAULT_RELIEF_RECORDS);
        assert!(f.records.windows(2).all(|w| w[0].date <= w[1].date));
        assert_eq!(f.records[0].id.as_deref(), Some("R2019-0001"));
        for r in &f.records {
            let date = r.date.as_deref().unwrap();
            let y = &date[..4];
            assert!((FIRST_YEAR..=LAST_YEAR).contains(&y.parse::<u16>().unwrap()), "{date}");
            let id = r.id.as_deref().unwrap();
            assert!(id.starts_with(&format!("R{y}-")) && id.len() == "R2019-0001".len(), "{id}");
            assert_eq!(r.origin.as_deref(), Some("sample"));
            assert!(r.medical.is_none() && r.problem.is_none());
        }
    }

    #[test]
    fn sample_relief_recipients_are_always_masked() {
        let f = relief();
        let mut compound = 0;
        for r in &f.records {
            let name = r.recipient.as_deref().unwrap();
            assert!(gongshi_core::privacy::is_masked(name), "{name}");
            let surname = name.strip_suffix('某').unwrap_or_else(|| panic!("{name}"));
            assert!(SURNAMES.contains(&surname) || COMPOUND_SURNAMES.contains(&surname), "{name}");
            compound += (surname.chars().count() == 2) as usize;
        }
        assert!(compound > 0, "no compound surname (欧阳某) in the sample");
    }

    #[test]
    fn sample_relief_has_no_medical_records_and_a_realistic_mix() {
        let f = relief();
        let n = f.records.len();
        let share = |p: &str| f.records.iter().filter(|r| r.programme.as_deref() == Some(p)).count() * 100 / n;
        assert!(f.records.iter().all(|r| matches!(r.programme.as_deref(), Some("temporary_aid" | "boai" | "other"))));
        assert!((48..=62).contains(&share("temporary_aid")), "{}", share("temporary_aid"));
        assert!((28..=42).contains(&share("boai")), "{}", share("boai"));
        assert!((5..=15).contains(&share("other")), "{}", share("other"));
        for r in &f.records {
            let county = r.county.as_deref().unwrap();
            let towns = TOWNSHIPS.iter().find(|t| t.0 == county).unwrap_or_else(|| panic!("{county}")).1;
            let t = r.township.as_deref().unwrap();
            assert!(towns.contains(&t), "{county} {t}");
            assert!(t.ends_with('镇') || t.ends_with('乡') || t.ends_with("街道"), "{t}");
            assert!(!t.chars().any(|c| c.is_ascii_digit()) && !["路", "巷", "村", "号"].iter().any(|w| t.contains(w)), "{t}");
            match r.programme.as_deref().unwrap() {
                "temporary_aid" => {
                    let a = r.amount_fen.unwrap();
                    assert!((50_000..=2_000_000).contains(&a) && a % 100 == 0, "{a}");
                    assert!(r.goods.is_none());
                }
                "boai" => {
                    assert!(r.goods.is_some());
                    let (y, m, d): (u16, u8, u8) = {
                        let s = r.date.as_deref().unwrap();
                        (s[..4].parse().unwrap(), s[5..7].parse().unwrap(), s[8..].parse().unwrap())
                    };
                    // Within four weeks before a Spring Festival (2020's fell on 25 January).
                    let day = day_number(y, m, d) as i64;
                    assert!(SPRING_FESTIVAL.iter().any(|sf| (3..=28).contains(&(day_number(sf.0, sf.1, sf.2) as i64 - day))), "{r:?}");
                }
                _ => assert!(r.amount_fen.is_some() || r.goods.is_some()),
            }
        }
        assert!(f.records.iter().any(|r| r.programme.as_deref() == Some("boai") && r.amount_fen.is_some()));
        assert!(f.records.iter().any(|r| r.programme.as_deref() == Some("boai") && r.amount_fen.is_none()));
        let status = |s: &str| f.records.iter().filter(|r| r.status.as_deref() == Some(s)).count();
        assert!(status("paid") * 100 / n >= 80);
        for s in ["approved", "applied", "rejected"] {
            assert!(status(s) > 0, "no {s}");
        }
    }

    #[test]
    fn sample_relief_aggregates_exercise_suppression() {
        use gongshi_core::relief::MIN_CELL;
        let f = relief();
        assert!(f.aggregates.iter().all(|a| a.origin.as_deref() == Some("sample")));
        let sample: Vec<_> = f.aggregates.iter().filter(|a| a.origin.as_deref() == Some("sample")).collect();
        assert_eq!(sample.len(), COUNTIES.len() * 5 * 2);
        // Small cells are written as suppressed, with neither count nor amount.
        let small = sample.iter().filter(|a| a.suppressed == Some(true)).count();
        assert!(small > sample.len() / 2 && small < sample.len(), "{small} of {} suppressed", sample.len());
        for a in &sample {
            assert!(matches!(a.programme.as_deref(), Some("little_angel" | "angel_sunshine")));
            assert!(COUNTIES.contains(&a.county.as_deref().unwrap()));
            if a.suppressed == Some(true) {
                assert_eq!((a.people, a.amount_fen), (None, None), "{a:?}");
                continue;
            }
            let (p, amount) = (a.people.unwrap() as i64, a.amount_fen.unwrap());
            assert!(p == 0 || p >= i64::from(MIN_CELL), "{a:?}");
            assert!((p * 3_000_000..=p * 15_000_000).contains(&amount), "{a:?}");
        }
        let c = gongshi_core::relief::validate(f, &super::super::organisation());
        assert!(c.value.aggregates.iter().any(|a| a.suppressed()) && c.value.aggregates.iter().any(|a| !a.suppressed()));
    }
}
