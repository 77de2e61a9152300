//! Sample disbursements paying the donations out: each directed purpose's gifts, largest first,
//! to its recipients; from the non-directed pool, aid, project costs within the 6.5% cap and a
//! little management.

use super::days::{day_number, day_str, last_day, year_of};
use super::rng::Rng;
use super::words::{company, COUNTIES, SUPPLIER_INDUSTRIES};
use gongshi_core::ledger::{RawDisbursement, RawDonation, RawInt, COST_CAP_BP};
use gongshi_core::money::Fen;
use std::collections::BTreeMap;

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

pub(super) fn gen_disbursements(rng: &mut Rng, donations: &[RawDonation], days: &[u32]) -> Vec<RawDisbursement> {
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
