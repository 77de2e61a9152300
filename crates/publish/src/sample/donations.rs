//! Sample donations: campaigns (the 2020 epidemic and flood, the 5·8 Red Cross Day, Spring
//! Festival, the one-day giving of government units) over background giving, amounts by kind
//! of donor, ids and receipts numbered per year.

use super::days::{day_in, day_str, year_of};
use super::rng::{nice, Rng};
use super::words::{donor_name, COVID_TO, FLOOD_TO, KINDS, SPRING_TO};
use super::{FIRST_ONLINE_YEAR, FIRST_YEAR, LAST_YEAR, ONLINE_PLATFORM};
use gongshi_core::ledger::{RawCorrection, RawDonation};
use gongshi_core::money::Fen;
use std::collections::BTreeMap;

/// Amount range in yuan per donor kind (index into `KINDS`).
pub fn yuan_range(kind: &str) -> (i64, i64) {
    match kind {
        "individual" => (50, 5_000),
        "enterprise" => (5_000, 500_000),
        "organisation" => (10_000, 200_000),
        "government" => (1_000, 50_000),
        _ => (50, 5_000),
    }
}

/// An amount in fen for a donor kind; `large` skews upward (the max of two draws).
fn amount_fen(rng: &mut Rng, kind: &str, large: bool) -> i64 {
    let (lo, hi) = yuan_range(kind);
    let mut y = rng.log_uniform(lo, hi);
    if large {
        y = y.max(rng.log_uniform(lo, hi));
    }
    let round = match kind {
        "individual" | "anonymous" => 750,
        "enterprise" => 800,
        "organisation" => 850,
        _ => 600,
    };
    let before = y;
    y = nice(rng, y, lo, hi, round);
    let mut fen = y * 100;
    if y == before && y < hi && rng.chance(60) {
        fen += 50;
    }
    fen
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Campaign {
    Covid,
    Flood,
    RedCrossDay,
    SpringFestival,
    OneDay,
    Background,
}

/// The 5·8 campaign's projects (the report: 10 projects on 腾讯公益 in May 2022).
const RED_CROSS_DAY_TO: &[&str] = &[
    "困境儿童微心愿",
    "应急救护进校园",
    "乡村博爱家园",
    "红十字博爱助学",
    "关爱失独老人",
    "白血病患儿救助",
    "先天性心脏病患儿救助",
    "公共场所AED配置",
    "造血干细胞捐献宣传",
    "遗体器官捐献者家属关爱",
];

const ONE_DAY_TO: &[&str] = &["困难群众救助", "大病救助"];

/// Background giving: (project, directed_to or None for 非定向, weight).
const BACKGROUND: &[(&str, Option<&str>, u64)] = &[
    ("小天使基金", Some("白血病患儿救助"), 14),
    ("天使阳光基金", Some("先天性心脏病患儿救助"), 10),
    ("应急救护培训", Some("应急救护培训"), 12),
    ("造血干细胞捐献宣传", Some("造血干细胞捐献宣传"), 7),
    ("博爱家园", Some("博爱家园建设"), 13),
    ("人道救助", Some("困难群众救助"), 22),
    ("人道救助", Some("大病救助"), 12),
    ("非定向捐赠", None, 11),
];

struct Draft {
    day: u32,
    seq: usize,
    raw: RawDonation,
}

/// `n` sample donations in date order, numbered per year, and each one's day. The draws from
/// `rng` are the sample: [`draft`] makes them in a fixed order, one donation after another.
pub(super) fn gen_donations(rng: &mut Rng, n: usize) -> (Vec<RawDonation>, Vec<u32>) {
    let mut drafts: Vec<Draft> = (0..n).map(|seq| draft(rng, seq)).collect();
    drafts.sort_by_key(|d| (d.day, d.seq));
    number_by_year(drafts)
}

/// Donation `seq`, not yet numbered: donor kind, campaign, year, day and project, whether it is
/// directed, amount, channel, status, donor and corrections, drawn in that order.
fn draft(rng: &mut Rng, seq: usize) -> Draft {
    // Donor kind first: individual 60, enterprise 25, organisation 6, government 6, anonymous 3.
    let kind = KINDS[rng.weighted(&[600, 250, 60, 60, 30])];
    let campaign = pick_campaign(rng, kind);
    let year = rng.range(FIRST_YEAR as i64, LAST_YEAR as i64) as u16;
    let (day, project, mut directed_to, nd_per_mille) = day_and_project(rng, campaign, year);
    if directed_to.is_some() && rng.chance(nd_per_mille) {
        directed_to = None;
    }
    let amount = amount_fen(rng, kind, campaign == Campaign::Covid);
    let channel = pick_channel(rng, kind, campaign, year_of(day));
    let status = match rng.below(1000) {
        0..=9 => "refunded",
        10..=14 => "cancelled",
        _ => "received",
    };
    let donor = donor_name(rng, kind);
    let corrections = maybe_correction(rng, kind, day, amount);
    Draft {
        day,
        seq,
        raw: RawDonation {
            id: None,
            date: Some(day_str(day)),
            donor: Some(donor),
            donor_kind: Some(kind.to_string()),
            amount_fen: Some(amount.into()),
            directed: Some(directed_to.is_some()),
            directed_to: directed_to.map(str::to_string),
            channel: Some(channel.to_string()),
            platform: (channel == "online_platform").then(|| ONLINE_PLATFORM.to_string()),
            project: Some(project.to_string()),
            receipt: None,
            status: Some(status.to_string()),
            corrections,
            origin: Some("sample".to_string()),
            problem: None,
        },
    }
}

/// The campaign a donor of `kind` gave to (government units mostly to the one-day giving).
fn pick_campaign(rng: &mut Rng, kind: &str) -> Campaign {
    if kind == "government" {
        [Campaign::OneDay, Campaign::Covid, Campaign::Flood, Campaign::Background][rng.weighted(&[70, 18, 7, 5])]
    } else {
        [Campaign::Covid, Campaign::Flood, Campaign::RedCrossDay, Campaign::SpringFestival, Campaign::Background][rng.weighted(&[24, 7, 13, 10, 46])]
    }
}

/// The campaign's day (in `year`, for the yearly ones), project, what it is directed to, and
/// the chance in 1000 that a gift to it is not directed after all.
fn day_and_project(rng: &mut Rng, campaign: Campaign, year: u16) -> (u32, &'static str, Option<&'static str>, u64) {
    match campaign {
        Campaign::Covid => (day_in(rng, (2020, 1, 23), (2020, 3, 31)), "新冠肺炎疫情防控", Some(*rng.pick(COVID_TO)), 30),
        Campaign::Flood => (day_in(rng, (2020, 7, 1), (2020, 7, 31)), "防汛救灾", Some(*rng.pick(FLOOD_TO)), 50),
        Campaign::RedCrossDay => (day_in(rng, (year, 5, 1), (year, 5, 20)), "5·8人道公益项目", Some(*rng.pick(RED_CROSS_DAY_TO)), 150),
        Campaign::SpringFestival => (day_in(rng, (year, 1, 5), (year, 2, 20)), "博爱送万家", Some(*rng.pick(SPRING_TO)), 150),
        Campaign::OneDay => (day_in(rng, (year, 9, 1), (year, 9, 30)), "慈善一日捐", Some(*rng.pick(ONE_DAY_TO)), 400),
        Campaign::Background => {
            let i = rng.weighted(&BACKGROUND.iter().map(|b| b.2).collect::<Vec<_>>());
            let (p, to, _) = BACKGROUND[i];
            (day_in(rng, (year, 1, 1), (year, 12, 31)), p, to, 0)
        }
    }
}

/// How the gift arrived: online (from FIRST_ONLINE_YEAR, mostly small gifts and the 5·8
/// campaign), else by the donor kind's usual means.
fn pick_channel(rng: &mut Rng, kind: &str, campaign: Campaign, year: u16) -> &'static str {
    let online_ok = year >= FIRST_ONLINE_YEAR;
    let small = matches!(kind, "individual" | "anonymous");
    let online_per_mille = match (online_ok, small, campaign) {
        (false, _, _) => 0,
        (true, true, Campaign::RedCrossDay) => 750,
        (true, true, _) => 250,
        (true, false, Campaign::RedCrossDay) => 200,
        (true, false, _) => 30,
    };
    if rng.chance(online_per_mille) {
        "online_platform"
    } else {
        match kind {
            "individual" => ["wechat", "bank_transfer", "cash"][rng.weighted(&[50, 25, 25])],
            "anonymous" => ["wechat", "cash"][rng.weighted(&[45, 55])],
            "enterprise" => ["bank_transfer", "cash", "other"][rng.weighted(&[94, 3, 3])],
            "organisation" => "bank_transfer",
            _ => ["bank_transfer", "cash"][rng.weighted(&[70, 30])],
        }
    }
}

/// One correction note in a hundred, dated 2 to 60 days after the gift.
fn maybe_correction(rng: &mut Rng, kind: &str, day: u32, amount: i64) -> Vec<RawCorrection> {
    let mut corrections = Vec::new();
    if rng.chance(10) {
        let when = day + rng.range(2, 60) as u32;
        let text = match rng.below(3) {
            0 if kind != "anonymous" => "更正捐赠方名称".to_string(),
            1 => format!("金额录入错误，已更正为{}元", Fen(amount).yuan_decimal()),
            _ => "更正捐赠日期（原录为到账次日）".to_string(),
        };
        corrections.push(RawCorrection { date: Some(day_str(when)), text: Some(text) });
    }
    corrections
}

/// Ids (`D2020-00001`) and, for donations received, receipts (`XNHH-2020-000001`), numbered per
/// year in the drafts' order; and each donation's day.
fn number_by_year(drafts: Vec<Draft>) -> (Vec<RawDonation>, Vec<u32>) {
    let mut ids: BTreeMap<u16, usize> = BTreeMap::new();
    let mut receipts: BTreeMap<u16, usize> = BTreeMap::new();
    let mut days = Vec::with_capacity(drafts.len());
    let mut out = Vec::with_capacity(drafts.len());
    for mut d in drafts {
        let y = year_of(d.day);
        let i = ids.entry(y).or_default();
        *i += 1;
        d.raw.id = Some(format!("D{y}-{i:05}"));
        if d.raw.status.as_deref() == Some("received") {
            let r = receipts.entry(y).or_default();
            *r += 1;
            d.raw.receipt = Some(format!("XNHH-{y}-{r:06}"));
        }
        days.push(d.day);
        out.push(d.raw);
    }
    (out, days)
}

#[cfg(test)]
mod tests {
    use super::super::tests::{ledger, N};
    use super::*;
    use crate::sample::words::{GOV_UNITS, SURNAMES};
    use gongshi_core::ledger::{money_by_year, validate_donations, Channel, RawInt};

    #[test]
    fn sample_has_no_online_platform_before_2022() {
        let d = validate_donations(ledger().donations).value;
        let online: Vec<_> = d.iter().filter(|x| x.channel == Channel::OnlinePlatform).collect();
        assert!(!online.is_empty());
        assert!(online.iter().all(|x| x.date.year >= FIRST_ONLINE_YEAR && x.platform.as_deref() == Some(ONLINE_PLATFORM)));
        assert!(d.iter().filter(|x| x.channel != Channel::OnlinePlatform).all(|x| x.platform.is_none()));
        // The May 2022 5·8 campaign went online.
        assert!(online.iter().any(|x| x.date.year == 2022 && x.date.month == Some(5) && &*x.project == "5·8人道公益项目"));
        for y in money_by_year(&d, &[]) {
            assert_eq!(y.online > Fen::ZERO, y.year >= FIRST_ONLINE_YEAR, "{y:?}");
        }
    }

    #[test]
    fn sample_mix_is_realistic() {
        let d = validate_donations(ledger().donations).value;
        let share = |f: &dyn Fn(&gongshi_core::ledger::Donation) -> bool| d.iter().filter(|x| f(x)).count() * 100 / d.len();
        use gongshi_core::ledger::{DonationStatus, DonorKind};
        assert!((54..=66).contains(&share(&|x| x.donor_kind == DonorKind::Individual)));
        assert!((20..=30).contains(&share(&|x| x.donor_kind == DonorKind::Enterprise)));
        assert!((85..=94).contains(&share(&|x| x.directed)));
        assert!(share(&|x| x.status == DonationStatus::Received) >= 97);
        // The 2020 emergency surge.
        let covid = d.iter().filter(|x| &*x.project == "新冠肺炎疫情防控").count();
        assert!(covid * 100 / d.len() >= 15);
        assert!(d
            .iter()
            .filter(|x| &*x.project == "新冠肺炎疫情防控")
            .all(|x| x.date.to_string().as_str() >= "2020-01-23" && x.date.to_string().as_str() <= "2020-03-31"));
        assert!(d.iter().filter(|x| &*x.project == "防汛救灾").all(|x| x.date.year == 2020 && x.date.month == Some(7)));
        assert!(d.iter().filter(|x| &*x.project == "慈善一日捐").all(|x| x.donor_kind == DonorKind::Government && x.date.month == Some(9)));
        assert!(d.iter().any(|x| !x.corrections.is_empty()));
        for x in d.iter().filter(|x| !x.directed) {
            assert!(x.directed_to.is_none());
        }
    }

    #[test]
    fn sample_donors_are_never_named_people() {
        for r in &ledger().donations.records {
            let donor = r.donor.as_deref().unwrap();
            match r.donor_kind.as_deref().unwrap() {
                "individual" => {
                    let surname = donor.strip_suffix("先生").or_else(|| donor.strip_suffix("女士")).unwrap_or_else(|| panic!("{donor}"));
                    assert!(SURNAMES.contains(&surname), "{donor}");
                }
                "anonymous" => assert!(donor.is_empty() || donor == "爱心人士", "{donor}"),
                "enterprise" => assert!(donor.ends_with("公司"), "{donor}"),
                "organisation" => assert!(["商会", "基金会", "慈善会", "协会"].iter().any(|s| donor.ends_with(s)), "{donor}"),
                "government" => assert!(GOV_UNITS.contains(&donor), "{donor}"),
                k => panic!("kind {k}"),
            }
        }
    }

    #[test]
    fn sample_amounts_are_in_range() {
        let mut half = 0;
        for r in &ledger().donations.records {
            let (lo, hi) = yuan_range(r.donor_kind.as_deref().unwrap());
            let a = r.amount_fen.as_ref().and_then(RawInt::as_i64).unwrap();
            assert!((lo * 100..=hi * 100).contains(&a), "{r:?}");
            assert!(a % 100 == 0 || a % 100 == 50, "{a}");
            half += (a % 100 == 50) as usize;
        }
        assert!(half > 0 && half < N / 10, "{half}");
    }
}
