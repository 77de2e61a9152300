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

use gongshi_core::coverage::{RawCity, RawCounty, RawCoverage, RawFact, RawTeamType, RawTeamsBefore, TEAM_TYPES};
use gongshi_core::date::days_in_month;
use gongshi_core::ledger::{
    RawBatch, RawCancellation, RawCorrection, RawDisbursement, RawDonation, RawFile, RawGoods, RawInt, RawMovement, RawWriteOff, COST_CAP_BP,
};
use gongshi_core::money::Fen;
use gongshi_core::relief::{RawAggregate, RawRelief, RawReliefFile};
use std::collections::BTreeMap;

pub const DONATIONS_SCHEMA: &str = "gongshi/donations/1";
pub const DISBURSEMENTS_SCHEMA: &str = "gongshi/disbursements/1";
pub const GOODS_SCHEMA: &str = "gongshi/goods/1";

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

// ---------------------------------------------------------------- PRNG

/// SplitMix64 (Steele, Lea, Flood 2014): tiny, fast, good enough for sample data.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (`n` > 0), by the multiply-shift method.
    pub fn below(&mut self, n: u64) -> u64 {
        assert!(n > 0);
        ((self.next_u64() as u128 * n as u128) >> 64) as u64
    }
    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as u64) as i64
    }
    /// True with probability `per_mille / 1000`.
    pub fn chance(&mut self, per_mille: u64) -> bool {
        self.below(1000) < per_mille
    }
    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len() as u64) as usize]
    }
    /// Index chosen with the given integer weights.
    pub fn weighted(&mut self, weights: &[u64]) -> usize {
        let total: u64 = weights.iter().sum();
        let mut x = self.below(total);
        for (i, w) in weights.iter().enumerate() {
            if x < *w {
                return i;
            }
            x -= w;
        }
        weights.len() - 1
    }
    /// Roughly log-uniform integer in `lo..=hi` (`0 < lo <= hi`): uniform over eighth-octave
    /// steps, linear within a step, rejecting draws above `hi`. Integer arithmetic only.
    pub fn log_uniform(&mut self, lo: i64, hi: i64) -> i64 {
        // 2^(k/8) × 10000, k = 0..=8.
        const POW: [i128; 9] = [10_000, 10_905, 11_892, 12_968, 14_142, 15_422, 16_818, 18_340, 20_000];
        if lo >= hi {
            return lo;
        }
        let mut octaves = 0u32;
        while (lo as i128) << octaves < hi as i128 {
            octaves += 1;
        }
        loop {
            let step = self.below(octaves as u64 * 8);
            let (oct, s) = ((step / 8) as u32, (step % 8) as usize);
            let f = self.below(1 << 16) as i128;
            let mult = POW[s] * 65_536 + (POW[s + 1] - POW[s]) * f;
            let v = (((lo as i128) << oct) * mult / (10_000 * 65_536)) as i64;
            if (lo..=hi).contains(&v) {
                return v;
            }
        }
    }
}

// ---------------------------------------------------------------- days

/// Days since 2019-01-01 (day 0).
fn day_number(y: u16, m: u8, d: u8) -> u32 {
    let mut n = 0u32;
    for yy in FIRST_YEAR..y {
        n += if gongshi_core::date::is_leap(yy) { 366 } else { 365 };
    }
    for mm in 1..m {
        n += days_in_month(y, mm) as u32;
    }
    n + d as u32 - 1
}

fn ymd(mut n: u32) -> (u16, u8, u8) {
    let mut y = FIRST_YEAR;
    loop {
        let len = if gongshi_core::date::is_leap(y) { 366 } else { 365 };
        if n < len {
            break;
        }
        n -= len;
        y += 1;
    }
    let mut m = 1u8;
    while n >= days_in_month(y, m) as u32 {
        n -= days_in_month(y, m) as u32;
        m += 1;
    }
    (y, m, n as u8 + 1)
}

fn day_str(n: u32) -> String {
    let (y, m, d) = ymd(n);
    format!("{y:04}-{m:02}-{d:02}")
}

fn year_of(n: u32) -> u16 {
    ymd(n).0
}

fn last_day() -> u32 {
    day_number(LAST_YEAR, 12, 31)
}

fn day_in(rng: &mut Rng, from: (u16, u8, u8), to: (u16, u8, u8)) -> u32 {
    let a = day_number(from.0, from.1, from.2);
    let b = day_number(to.0, to.1, to.2);
    rng.range(a as i64, b as i64) as u32
}

// ---------------------------------------------------------------- names

const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许",
    "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "蒋", "蔡", "余", "杜", "叶", "程", "魏", "吕", "丁", "沈", "姚", "卢", "汪", "范", "金",
    "石", "廖", "夏", "方", "邹", "熊", "邱", "江", "雷", "侯", "龙", "陶", "贺", "毛", "龚", "万", "严", "向", "汤", "舒", "饶", "柯", "游", "欧阳",
];

const PLACES: &[&str] = &["咸宁市", "咸宁市", "咸宁市", "咸宁", "赤壁市", "嘉鱼县", "通城县", "崇阳县", "通山县", "湖北"];
const TRADE_NAMES: &[&str] = &[
    "鑫源", "恒达", "华祥", "宏发", "鸿运", "金桥", "瑞丰", "楚天", "香城", "泉都", "桂乡", "隽水", "陆水", "金桂", "盛源", "德信", "立新", "众诚", "安泰",
    "汇丰", "兴隆", "裕华", "九丰", "富康", "天成", "博远", "嘉禾", "润泽", "长盛", "旭日", "同心", "佳禾",
];
const INDUSTRIES: &[&str] = &[
    "建筑工程",
    "商贸",
    "置业",
    "电力设备",
    "纺织",
    "食品",
    "医药",
    "物流",
    "建材",
    "农业开发",
    "科技",
    "机械制造",
    "茶业",
    "竹木制品",
    "汽车销售",
    "房地产开发",
    "电子",
    "生物科技",
    "新材料",
    "酒店管理",
];
const SUPPLIER_INDUSTRIES: &[&str] = &["文化传媒", "广告", "办公设备", "会展服务", "信息技术"];
const COMPANY_SUFFIXES: &[&str] = &["有限公司", "有限公司", "有限公司", "有限责任公司", "股份有限公司"];
const HOME_PROVINCES: &[&str] = &["温州", "浙江", "福建", "湖南", "江西", "广东", "河南", "安徽", "江苏"];
const COUNTIES: &[&str] = &["咸安区", "嘉鱼县", "通城县", "崇阳县", "通山县", "赤壁市"];
const GOV_UNITS: &[&str] = &[
    "市直机关某单位干部职工",
    "市直某局干部职工",
    "市直某学校教职工",
    "市直某医院医务人员",
    "咸安区某街道干部职工",
    "嘉鱼县某镇干部职工",
    "通城县县直某单位干部职工",
    "崇阳县县直某单位干部职工",
    "通山县某乡镇干部职工",
    "赤壁市市直某单位干部职工",
    "某国有企业干部职工",
];

fn company(rng: &mut Rng, industries: &[&str]) -> String {
    format!("{}{}{}{}", rng.pick(PLACES), rng.pick(TRADE_NAMES), rng.pick(industries), rng.pick(COMPANY_SUFFIXES))
}

fn organisation(rng: &mut Rng) -> String {
    match rng.below(5) {
        0 | 1 => format!("咸宁市{}商会", rng.pick(HOME_PROVINCES)),
        2 => format!("咸宁市{}公益基金会", rng.pick(TRADE_NAMES)),
        3 => format!("{}慈善会", rng.pick(COUNTIES)),
        _ => format!("咸宁市{}志愿者协会", rng.pick(TRADE_NAMES)),
    }
}

const KINDS: [&str; 5] = ["individual", "enterprise", "organisation", "government", "anonymous"];

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

fn donor_name(rng: &mut Rng, kind: &str) -> String {
    match kind {
        "individual" => format!("{}{}", rng.pick(SURNAMES), if rng.chance(550) { "先生" } else { "女士" }),
        "enterprise" => company(rng, INDUSTRIES),
        "organisation" => organisation(rng),
        "government" => rng.pick(GOV_UNITS).to_string(),
        _ => {
            if rng.chance(500) {
                String::new()
            } else {
                "爱心人士".to_string()
            }
        }
    }
}

/// Rounds like people give: mostly round numbers (1–2 significant digits), else whole yuan.
fn nice(rng: &mut Rng, yuan: i64, lo: i64, hi: i64, per_mille_round: u64) -> i64 {
    if !rng.chance(per_mille_round) {
        return yuan;
    }
    let digits = if rng.chance(600) { 1 } else { 2 };
    let mut unit = 1i64;
    while yuan / unit >= 10i64.pow(digits) {
        unit *= 10;
    }
    let r = (yuan + unit / 2) / unit * unit;
    r.clamp(lo, hi)
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

// ---------------------------------------------------------------- campaigns

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Campaign {
    Covid,
    Flood,
    RedCrossDay,
    SpringFestival,
    OneDay,
    Background,
}

const COVID_TO: &[&str] = &[
    "咸宁市中心医院疫情防控一线医护人员",
    "咸安区疫情防控一线医护人员",
    "嘉鱼县疫情防控",
    "通城县疫情防控",
    "崇阳县疫情防控",
    "通山县疫情防控",
    "赤壁市疫情防控",
    "社区疫情防控志愿者",
];
const FLOOD_TO: &[&str] = &["咸安区防汛救灾", "嘉鱼县防汛救灾", "通城县防汛救灾", "崇阳县防汛救灾", "通山县防汛救灾", "赤壁市防汛救灾"];
const SPRING_TO: &[&str] = &["困难群众春节慰问", "困难家庭春节慰问", "孤寡老人春节慰问"];
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

/// Where a directed purpose's money goes.
fn recipients_for(to: &str) -> Vec<String> {
    let county = COUNTIES.iter().find(|c| to.starts_with(**c));
    if let Some(c) = county {
        let mut v = vec![format!("{c}红十字会")];
        if to.contains("疫情") {
            v.push(if *c == "咸安区" { "咸安区人民医院".to_string() } else { format!("{c}人民医院") });
        }
        if to.contains("防汛") {
            v.push(format!("{c}受灾群众"));
        }
        return v;
    }
    match to {
        "咸宁市中心医院疫情防控一线医护人员" => vec!["咸宁市中心医院".into()],
        "社区疫情防控志愿者" => vec!["咸安区各街道社区".into(), "咸宁高新区各社区".into()],
        "白血病患儿救助" => vec!["白血病患儿（N名）".into()],
        "先天性心脏病患儿救助" => vec!["先天性心脏病患儿（N名）".into()],
        "困难群众救助" | "困难群众春节慰问" | "困难家庭春节慰问" => vec!["困难群众（N名）".into(), "COUNTY红十字会".into()],
        "孤寡老人春节慰问" => vec!["COUNTY某敬老院".into()],
        "大病救助" => vec!["大病困难群众（N名）".into()],
        "博爱家园建设" | "乡村博爱家园" => vec!["COUNTY某村".into(), "COUNTY某社区".into()],
        "困境儿童微心愿" | "红十字博爱助学" => vec!["困境儿童（N名）".into(), "COUNTY某小学".into()],
        "应急救护培训" | "应急救护进校园" | "公共场所AED配置" | "造血干细胞捐献宣传" => vec!["COUNTY红十字会".into()],
        "关爱失独老人" => vec!["失独老人（N名）".into()],
        "遗体器官捐献者家属关爱" => vec!["遗体器官捐献者家属（N户）".into()],
        _ => vec!["COUNTY红十字会".into()],
    }
}

/// Fills `COUNTY` and `N` placeholders.
fn fill(rng: &mut Rng, template: &str) -> String {
    let county: &&str = rng.pick(COUNTIES);
    let mut s = template.replace("COUNTY", county);
    if s.contains('N') {
        let n = rng.range(8, 160);
        s = s.replace('N', &n.to_string());
    }
    s
}

// ---------------------------------------------------------------- donations

struct Draft {
    day: u32,
    seq: usize,
    raw: RawDonation,
}

fn gen_donations(rng: &mut Rng, n: usize) -> (Vec<RawDonation>, Vec<u32>) {
    let mut drafts = Vec::with_capacity(n);
    for seq in 0..n {
        // Donor kind first: individual 60, enterprise 25, organisation 6, government 6, anonymous 3.
        let kind = KINDS[rng.weighted(&[600, 250, 60, 60, 30])];
        let campaign = if kind == "government" {
            [Campaign::OneDay, Campaign::Covid, Campaign::Flood, Campaign::Background][rng.weighted(&[70, 18, 7, 5])]
        } else {
            [Campaign::Covid, Campaign::Flood, Campaign::RedCrossDay, Campaign::SpringFestival, Campaign::Background][rng.weighted(&[24, 7, 13, 10, 46])]
        };
        let year = rng.range(FIRST_YEAR as i64, LAST_YEAR as i64) as u16;
        let (day, project, mut directed_to, nd_per_mille): (u32, &str, Option<&str>, u64) = match campaign {
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
        };
        if directed_to.is_some() && rng.chance(nd_per_mille) {
            directed_to = None;
        }
        let y = year_of(day);
        let large = campaign == Campaign::Covid;
        let amount = amount_fen(rng, kind, large);
        let online_ok = y >= FIRST_ONLINE_YEAR;
        let small = matches!(kind, "individual" | "anonymous");
        let online_per_mille = match (online_ok, small, campaign) {
            (false, _, _) => 0,
            (true, true, Campaign::RedCrossDay) => 750,
            (true, true, _) => 250,
            (true, false, Campaign::RedCrossDay) => 200,
            (true, false, _) => 30,
        };
        let channel = if rng.chance(online_per_mille) {
            "online_platform"
        } else {
            match kind {
                "individual" => ["wechat", "bank_transfer", "cash"][rng.weighted(&[50, 25, 25])],
                "anonymous" => ["wechat", "cash"][rng.weighted(&[45, 55])],
                "enterprise" => ["bank_transfer", "cash", "other"][rng.weighted(&[94, 3, 3])],
                "organisation" => "bank_transfer",
                _ => ["bank_transfer", "cash"][rng.weighted(&[70, 30])],
            }
        };
        let status = match rng.below(1000) {
            0..=9 => "refunded",
            10..=14 => "cancelled",
            _ => "received",
        };
        let donor = donor_name(rng, kind);
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
        drafts.push(Draft {
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
        });
    }
    drafts.sort_by_key(|d| (d.day, d.seq));
    let mut ids: BTreeMap<u16, usize> = BTreeMap::new();
    let mut receipts: BTreeMap<u16, usize> = BTreeMap::new();
    let mut days = Vec::with_capacity(n);
    let mut out = Vec::with_capacity(n);
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

// ---------------------------------------------------------------- disbursements

struct DraftX {
    day: u32,
    seq: usize,
    raw: RawDisbursement,
}

fn disbursement(purpose: String, project: &str, recipient: String, amount: i64, from: Vec<String>, category: &str) -> RawDisbursement {
    RawDisbursement {
        id: None,
        date: None,
        purpose: Some(purpose),
        project: Some(project.to_string()),
        recipient: Some(recipient),
        amount_fen: Some(amount.into()),
        from_donations: from,
        category: Some(category.to_string()),
        origin: Some("sample".to_string()),
        problem: None,
    }
}

/// Splits `total` fen into `parts` whole-yuan amounts (each ≥ 1 元) summing to at most `total`.
fn split_yuan(rng: &mut Rng, total: i64, parts: usize) -> Vec<i64> {
    let yuan = total / 100;
    if yuan < parts as i64 || parts == 0 {
        return if yuan >= 1 { vec![yuan * 100] } else { vec![] };
    }
    let weights: Vec<i64> = (0..parts).map(|_| rng.range(2, 10)).collect();
    let wsum: i64 = weights.iter().sum();
    let out: Vec<i64> = weights.iter().map(|w| (yuan * w / wsum).max(1) * 100).collect();
    if out.iter().sum::<i64>() > yuan * 100 {
        vec![yuan * 100]
    } else {
        out
    }
}

const POOL_PURPOSES: &[(&str, &str, &str)] = &[
    ("困难群众救助", "人道救助", "困难群众（N名）"),
    ("春节走访慰问困难群众", "博爱送万家", "困难群众（N名）"),
    ("应急救护培训补助", "应急救护培训", "COUNTY红十字会"),
    ("博爱家园建设补助", "博爱家园", "COUNTY某村"),
    ("救灾备灾物资储备", "备灾救灾", "COUNTY红十字会"),
    ("大病困难群众救助", "人道救助", "大病困难群众（N名）"),
];
const COST_PURPOSES: &[&str] = &["5·8红十字日宣传品制作", "应急救护培训教材印制", "项目执行物料及运输", "公益项目宣传推广", "捐赠款物公示制作"];
const MANAGEMENT_PURPOSES: &[&str] = &["财务审计费", "捐赠信息公示平台维护", "办公耗材", "项目管理差旅"];

fn gen_disbursements(rng: &mut Rng, donations: &[RawDonation], days: &[u32]) -> Vec<RawDisbursement> {
    let end = last_day();
    let mut drafts: Vec<DraftX> = Vec::new();
    fn push(drafts: &mut Vec<DraftX>, day: u32, raw: RawDisbursement) {
        let seq = drafts.len();
        drafts.push(DraftX { day, seq, raw });
    }
    // Directed received donations per (year, purpose), for paying them out.
    let mut groups: BTreeMap<(u16, String), Vec<usize>> = BTreeMap::new();
    let mut non_directed: BTreeMap<u16, i64> = BTreeMap::new();
    for (i, d) in donations.iter().enumerate() {
        if d.status.as_deref() != Some("received") {
            continue;
        }
        let y = year_of(days[i]);
        match (&d.directed, &d.directed_to) {
            (Some(true), Some(to)) => groups.entry((y, to.clone())).or_default().push(i),
            _ => *non_directed.entry(y).or_default() += d.amount_fen.as_ref().and_then(RawInt::as_i64).unwrap_or(0),
        }
    }
    for ((_, to), mut idx) in groups {
        // Largest gifts first: a few disbursements carry most of the money; the smallest gifts
        // stay as the purpose's unspent balance.
        idx.sort_by_key(|&i| (std::cmp::Reverse(donations[i].amount_fen.as_ref().and_then(RawInt::as_i64).unwrap_or(0)), i));
        let total: i64 = idx.iter().map(|&i| donations[i].amount_fen.as_ref().and_then(RawInt::as_i64).unwrap_or(0)).sum();
        let recipients = recipients_for(&to);
        let project = donations[idx[0]].project.clone().unwrap_or_default();
        let mut covered = 0i64;
        let mut k = 0usize;
        while k < idx.len() && covered * 100 < total * 94 {
            let take = (1 + rng.weighted(&[50, 32, 18])).min(idx.len() - k);
            let chunk = &idx[k..k + take];
            k += take;
            let sum: i64 = chunk.iter().map(|&i| donations[i].amount_fen.as_ref().and_then(RawInt::as_i64).unwrap_or(0)).sum();
            covered += sum;
            let pct = if rng.chance(600) { 100 } else { rng.range(70, 99) };
            let amount = (sum * pct / 100 / 100 * 100).max(100).min(sum);
            let latest = chunk.iter().map(|&i| days[i]).max().unwrap_or(0);
            let lag = if project == "新冠肺炎疫情防控" || project == "防汛救灾" { rng.range(1, 15) } else { rng.range(5, 60) };
            let day = (latest + lag as u32).min(end);
            let mut from: Vec<usize> = chunk.to_vec();
            from.sort();
            let template = rng.pick(&recipients).clone();
            let recipient = fill(rng, &template);
            let purpose = format!("拨付{to}定向捐赠");
            push(
                &mut drafts,
                day,
                disbursement(purpose, &project, recipient, amount, from.iter().map(|&i| donations[i].id.clone().unwrap_or_default()).collect(), "aid"),
            );
        }
    }
    // Non-directed pool: aid, project costs within 6.5%, a little management.
    for (&y, &nd) in &non_directed {
        let year_days = (day_number(y, 1, 1), day_number(y, 12, 31).min(end));
        let when = |rng: &mut Rng| rng.range(year_days.0 as i64, year_days.1 as i64) as u32;
        let cap = Fen(nd).percent_bp(COST_CAP_BP).0;
        let cost_total = cap * rng.range(45, 90) / 100;
        let parts = rng.range(1, 3) as usize;
        for amount in split_yuan(rng, cost_total, parts) {
            let purpose = rng.pick(COST_PURPOSES).to_string();
            let recipient = company(rng, SUPPLIER_INDUSTRIES);
            let day = when(rng);
            push(&mut drafts, day, disbursement(purpose, "项目执行", recipient, amount, vec![], "project_cost"));
        }
        let mgmt_total = nd * rng.range(10, 30) / 1000;
        let parts = rng.range(1, 2) as usize;
        for amount in split_yuan(rng, mgmt_total, parts) {
            let purpose = rng.pick(MANAGEMENT_PURPOSES).to_string();
            let recipient = company(rng, SUPPLIER_INDUSTRIES);
            let day = when(rng);
            push(&mut drafts, day, disbursement(purpose, "管理费用", recipient, amount, vec![], "management"));
        }
        let aid_total = nd * rng.range(50, 75) / 100;
        let parts = (nd / 5_000_000).clamp(2, 8) as usize;
        for amount in split_yuan(rng, aid_total, parts) {
            let (purpose, project, recipient) = *rng.pick(POOL_PURPOSES);
            let recipient = fill(rng, recipient);
            let day = when(rng);
            push(&mut drafts, day, disbursement(purpose.to_string(), project, recipient, amount, vec![], "aid"));
        }
    }
    drafts.sort_by_key(|d| (d.day, d.seq));
    let mut ids: BTreeMap<u16, usize> = BTreeMap::new();
    drafts
        .into_iter()
        .map(|mut d| {
            let y = year_of(d.day);
            let i = ids.entry(y).or_default();
            *i += 1;
            d.raw.id = Some(format!("X{y}-{i:05}"));
            d.raw.date = Some(day_str(d.day));
            d.raw
        })
        .collect()
}

// ---------------------------------------------------------------- goods

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

fn gen_goods(rng: &mut Rng) -> (Vec<RawBatch>, Vec<RawMovement>) {
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

// ---------------------------------------------------------------- the whole ledger

/// Sample donations (`donations` of them, 2019–2023), disbursements paying them out, and goods
/// (40 sample batches with their movements, plus the report's own records from [`seed_goods`]).
/// `n` sample donations only (for benchmarks and scale tests: `gongshi bulk`), from the same
/// generator and seed stream as [`generate`].
pub fn bulk_donations(seed: u64, n: usize) -> Vec<RawDonation> {
    let mut money = Rng::new(seed ^ 0x646F_6E61_7469_6F6E);
    gen_donations(&mut money, n).0
}

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
        donations: RawFile { schema: Some(DONATIONS_SCHEMA.into()), sample: Some(true), note: Some(SAMPLE_NOTE.into()), records },
        disbursements: RawFile { schema: Some(DISBURSEMENTS_SCHEMA.into()), sample: Some(true), note: Some(SAMPLE_NOTE.into()), records: paid },
        goods: RawGoods {
            schema: Some(GOODS_SCHEMA.into()),
            sample: Some(true),
            note: Some(format!("{SAMPLE_NOTE}{GOODS_SEED_NOTE}")),
            batches,
            movements,
            writeoffs,
        },
    }
}

// ---------------------------------------------------------------- relief (救助)

pub const RELIEF_SCHEMA: &str = "gongshi/relief/1";
pub const COVERAGE_SCHEMA: &str = "gongshi/coverage/1";
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

/// Compound surnames, drawn now and then (the masked form keeps the whole surname: 欧阳某).
const COMPOUND_SURNAMES: &[&str] = &["欧阳", "司马", "诸葛", "上官"];

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
        schema: Some(RELIEF_SCHEMA.into()),
        sample: Some(true),
        note: Some(relief_note()),
        records: gen_relief_records(&mut people, records),
        aggregates,
    }
}

// ---------------------------------------------------------------- coverage (组织覆盖)

/// The coverage file's envelope note.
pub const COVERAGE_NOTE: &str = "示例数据：各县（市、区）的乡镇（街道）数、村（社区）数和各类基层组织数是示例数字，其合计与整改报告一致，但不是真实的分县统计；各类志愿服务队的队数和人数也是示例。\
全市数字（基层组织41个、无乡镇（街道）基层组织、村（社区）基层组织38个占3.5%，志愿队整改前55个、整改后35支）和 facts 中的原文摘自整改报告（问题 3、6），是真实的。";

/// Per county: (county, townships, villages, village units, hospital units, school units).
/// Villages sum to 1,086 (38 units are 3.5% of it), village units to 38, all units to 41.
const SAMPLE_COUNTIES: [(&str, u32, u32, u32, u32, u32); 6] = [
    ("咸安区", 13, 186, 8, 0, 0),
    ("嘉鱼县", 8, 140, 4, 0, 0),
    ("通城县", 11, 190, 5, 0, 0),
    ("崇阳县", 12, 208, 6, 1, 0),
    ("通山县", 12, 189, 4, 0, 0),
    ("赤壁市", 14, 173, 11, 1, 1),
];

/// Volunteer teams after the rectification per type: (teams, members); teams sum to 35.
const SAMPLE_TEAMS: [(u32, u32); 6] = [(8, 236), (9, 268), (4, 61), (6, 142), (5, 97), (3, 58)];

/// Verbatim from the report's problem 3.
const NO_ENTERPRISE_UNITS: &str = "咸安区、嘉鱼县、通城县、通山县无医院、学校等企事业单位基层组织";

/// Real statements from the report (spaces of the PDF text removed), with their problem numbers.
pub const COVERAGE_FACTS: &[(&str, u32)] = &[
    ("全市红十字会基层组织41个，无乡镇（街道）基层组织", 3),
    ("咸安区、嘉鱼县、通城县、通山县无医院、学校等企事业单位基层组织", 3),
    ("村（社区）红十字会基层组织38个，占全市村（社区）总数的3.5%", 3),
    ("已指导咸安区、通山县分别建立全市首个乡镇级、村级红十字组织", 3),
    ("2022年12月前已指导督促赤壁市完成县域基层组织全覆盖工作", 3),
    ("2022年12月底全市6个县（市、区）红十字会均已召开会员代表大会", 3),
    ("力争在2023年底完成其他5个县级红十字会基层组织全覆盖", 3),
    ("在全市55个志愿队中，队员1人的志愿队32个，占58%，队员10人以下的志愿队44个，占80%", 6),
    ("市红十字会未按“三定方案”要求建立红十字无偿献血、红十字养老志愿服务队伍", 6),
    ("对原有的55支志愿服务队进行清理整合，建立五类（应急救援类、救护类、心理健康类、“三献”类和人道传播类）志愿服务队和养老志愿服务队", 6),
    ("现有红十字志愿服务队35支", 6),
];

/// Organisation coverage: the report's city figures and statements (problems 3, 6) with
/// sample per-county rows and team types consistent with them. No seed: it is fixed.
pub fn generate_coverage() -> RawCoverage {
    let counties = SAMPLE_COUNTIES
        .iter()
        .map(|&(county, townships, villages, vu, hospital, school)| {
            let note = if NO_ENTERPRISE_UNITS.contains(county) {
                Some(format!("原文：{NO_ENTERPRISE_UNITS}（问题3）"))
            } else if county == "赤壁市" {
                Some("原文：2022年12月前已指导督促赤壁市完成县域基层组织全覆盖工作（问题3）。表中为整改前的示例数字".to_string())
            } else {
                None
            };
            RawCounty {
                county: Some(county.into()),
                townships: Some(townships),
                villages: Some(villages),
                township_units: Some(0),
                village_units: Some(vu),
                hospital_units: Some(hospital),
                school_units: Some(school),
                other_units: Some(0),
                note,
                origin: Some("sample".into()),
                problem: None,
            }
        })
        .collect();
    let teams_after = TEAM_TYPES
        .iter()
        .zip(SAMPLE_TEAMS)
        .map(|(kind, (teams, members))| RawTeamType { kind: Some(kind.to_string()), teams: Some(teams), members: Some(members), origin: Some("sample".into()) })
        .collect();
    RawCoverage {
        schema: Some(COVERAGE_SCHEMA.into()),
        sample: Some(true),
        note: Some(COVERAGE_NOTE.into()),
        city: RawCity { units_total: Some(41), township_units: Some(0), village_units: Some(38), village_coverage_bp: Some(350), problem: Some(3) },
        teams_before: RawTeamsBefore { total: Some(55), one_member: Some(32), under_ten: Some(44), problem: Some(6) },
        teams_after_total: Some(35),
        teams_after,
        counties,
        facts: COVERAGE_FACTS.iter().map(|&(t, p)| RawFact { text: Some(t.into()), problem: Some(p) }).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use gongshi_core::ledger::{check_cross, money_by_year, validate_disbursements, validate_donations, validate_goods, Channel, GoodsFlag};

    const N: usize = 1200;

    fn ledger() -> SampleLedger {
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
    fn sample_prng_is_splitmix64() {
        // Reference values of SplitMix64 seeded with 1234567.
        let mut r = Rng::new(1234567);
        assert_eq!(r.next_u64(), 6457827717110365317);
        assert_eq!(r.next_u64(), 3203168211198807973);
        let mut r = Rng::new(9);
        for _ in 0..10_000 {
            let v = r.log_uniform(50, 5_000);
            assert!((50..=5_000).contains(&v));
            assert!((3..=7).contains(&r.range(3, 7)));
        }
    }

    #[test]
    fn sample_day_numbers_round_trip() {
        for n in 0..=last_day() + 400 {
            let (y, m, d) = ymd(n);
            assert_eq!(day_number(y, m, d), n);
            assert!(gongshi_core::date::PartialDate::parse(&day_str(n)).is_ok());
        }
        assert_eq!(day_str(0), "2019-01-01");
        assert_eq!(day_str(last_day()), "2023-12-31");
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
            assert!(d.problems.is_empty(), "{:?}", d.problems);
            assert_eq!(d.value.len(), n);
            let x = validate_disbursements(s.disbursements);
            assert!(x.problems.is_empty(), "{:?}", x.problems);
            let g = validate_goods(s.goods);
            assert!(g.problems.is_empty(), "{:?}", g.problems);
            assert!(check_cross(&d.value, &x.value).is_empty(), "{:?}", check_cross(&d.value, &x.value));
            for y in money_by_year(&d.value, &x.value) {
                assert_eq!(y.over_cap(), Fen::ZERO, "seed {seed}: {y:?}");
                assert!((FIRST_YEAR..=LAST_YEAR).contains(&y.year));
            }
        }
    }

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

    #[test]
    fn sample_goods_are_clean_and_the_seed_goods_are_flagged() {
        let g = validate_goods(ledger().goods);
        assert!(g.problems.is_empty(), "{:?}", g.problems);
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
        let report = include_str!("../../../docs/source/xianning-red-cross-rectification-2023.txt");
        let flat: String = report.chars().filter(|c| !c.is_whitespace()).collect();
        let (batches, movements, writeoffs) = seed_goods();
        assert!(movements.is_empty());
        assert_eq!(writeoffs[0].date, None);
        for b in &batches {
            let quote = b.note.as_deref().unwrap().strip_prefix("原文：").unwrap();
            assert!(flat.contains(quote), "not in the report: {quote}");
        }
    }

    // ------------------------------------------------------------ relief

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
        assert_eq!(generate_coverage(), generate_coverage());
    }

    #[test]
    fn sample_relief_loads_through_the_privacy_gate_with_no_problems() {
        for (seed, n) in [(2023, DEFAULT_RELIEF_RECORDS), (1, 30), (99, 2000)] {
            let file = generate_relief(seed, n);
            let text = serde_json::to_string(&file).unwrap();
            assert!(longest_digit_run(&text) < 11, "seed {seed}: a run of {} digits", longest_digit_run(&text));
            let c = gongshi_core::relief::load(&text).unwrap_or_else(|e| panic!("seed {seed}: {e:?}"));
            assert!(c.problems.is_empty(), "seed {seed}: {:?}", c.problems);
            assert_eq!(c.value.records.len(), n);
            assert_eq!(c.value.aggregates.len(), file.aggregates.len());
        }
    }

    #[test]
    fn sample_relief_envelope_ids_and_dates() {
        let f = relief();
        assert_eq!(f.schema.as_deref(), Some(RELIEF_SCHEMA));
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
        let c = gongshi_core::relief::validate(f);
        assert!(c.value.aggregates.iter().any(|a| a.suppressed()) && c.value.aggregates.iter().any(|a| !a.suppressed()));
    }

    // ------------------------------------------------------------ coverage

    #[test]
    fn sample_coverage_validates_and_adds_up_to_the_report() {
        let raw = generate_coverage();
        let text = serde_json::to_string(&raw).unwrap();
        let c = gongshi_core::coverage::load(&text).unwrap();
        assert!(c.problems.is_empty(), "{:?}", c.problems);
        let cov = c.value;
        assert_eq!(raw.schema.as_deref(), Some(COVERAGE_SCHEMA));
        assert_eq!(raw.sample, Some(true));
        assert_eq!(cov.counties.len(), 6);
        assert_eq!(cov.counties.iter().map(|c| c.village_units).sum::<u32>(), 38);
        assert_eq!(cov.counties.iter().map(|c| c.villages).sum::<u32>(), 1086);
        assert_eq!(cov.counties.iter().map(|c| c.units()).sum::<u32>(), 41);
        assert_eq!(cov.city.units_total, Some(41));
        assert_eq!(cov.derived_village_coverage_bp(), Some(350));
        assert!(cov.counties.iter().all(|c| c.township_units == 0 && (8..=20).contains(&c.townships) && c.origin.is_sample()));
        for c in &cov.counties {
            let none = ["咸安区", "嘉鱼县", "通城县", "通山县"].contains(&c.county.as_str());
            assert_eq!(c.hospital_units + c.school_units + c.other_units == 0, none, "{c:?}");
            if none {
                assert!(c.note.as_deref().unwrap().contains(NO_ENTERPRISE_UNITS));
            }
        }
        assert_eq!(cov.teams_after.iter().map(|t| t.teams).sum::<u32>(), 35);
        assert_eq!(cov.teams_after_total, Some(35));
        assert_eq!(cov.teams_after.iter().map(|t| t.kind.as_str()).collect::<Vec<_>>(), TEAM_TYPES.to_vec());
        assert!(cov.teams_after.iter().all(|t| t.members >= t.teams * 3 && t.origin.is_sample()));
        assert_eq!(
            (cov.teams_before.total, cov.teams_before.one_member, cov.teams_before.under_ten, cov.teams_before.problem),
            (Some(55), Some(32), Some(44), Some(6))
        );
    }

    #[test]
    fn sample_coverage_facts_quote_the_report() {
        let report = include_str!("../../../docs/source/xianning-red-cross-rectification-2023.txt");
        let flat: String = report.chars().filter(|c| !c.is_whitespace()).collect();
        let raw = generate_coverage();
        assert!(raw.facts.len() >= 7);
        for f in &raw.facts {
            let t = f.text.as_deref().unwrap();
            assert!(flat.contains(t), "not in the report: {t}");
            assert!(matches!(f.problem, Some(3 | 6)));
        }
        for c in &raw.counties {
            if let Some(note) = &c.note {
                let quote = note.strip_prefix("原文：").unwrap().split("（问题").next().unwrap();
                assert!(flat.contains(quote), "not in the report: {quote}");
            }
        }
    }
}
