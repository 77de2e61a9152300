//! 捐赠: where every yuan and every box of donated goods came from and where it went.
//! Real figures from the report sit beside the ledger; generated sample rows are labelled.

use crate::components::{ChartView, DataError, FigureSource, FigureTable, SampleNotice, SearchableTable, ValidationNotice, ViewLink};
use crate::nav::use_nav;
use crate::state::{use_data, Dataset, Load};
use gongshi_core::chart::Chart;
use gongshi_core::ledger::rows::{ledger_rows, totals, Flow, LedgerRow};
use gongshi_core::ledger::{charts, directed_use, money_by_year, Disbursement, Donation, Goods};
use gongshi_core::table::{self, Outcome, Record, Sort, TableState};
use gongshi_core::{format, Diagnostic};
use leptos::prelude::*;
use std::sync::Arc;

const DEFAULT_SORT: Sort = Sort { column: "date", descending: true };
/// Headline figures from the report shown beside the ledger (problems 7, 14); the rest of the
/// report's money figures are one click away.
const REAL_FIGURES: [&str; 4] = [
    "fundraising-total-2019-2021",
    "fundraising-non-directed-share",
    "online-fundraising-2019-2021",
    "project-cost-overrun-2021",
];

/// The three ledger files, as far as they loaded.
#[derive(Clone)]
struct Ledger {
    rows: Arc<Vec<LedgerRow>>,
    donations: Arc<Vec<Donation>>,
    disbursements: Arc<Vec<Disbursement>>,
    goods: Arc<Goods>,
    problems: Arc<Vec<Diagnostic>>,
}

fn settled<T>(l: &Load<T>) -> bool {
    !matches!(l, Load::Idle | Load::Loading)
}

fn problems_of<T>(l: &Load<T>) -> Vec<Diagnostic> {
    match l {
        Load::Ready { problems, .. } => problems.as_ref().clone(),
        _ => Vec::new(),
    }
}

#[component]
pub fn DonationsPage() -> impl IntoView {
    let data = use_data();
    let nav = use_nav();
    data.ensure_ledger();

    // Resources first: the ledger (once all three files have answered) and the view state.
    let ledger = Memo::new_with_compare(
        move |_| {
            let (d, x, g) = (data.donations.get(), data.disbursements.get(), data.goods.get());
            if !(settled(&d) && settled(&x) && settled(&g)) {
                return None;
            }
            let mut problems = Vec::new();
            problems.extend(problems_of(&d));
            problems.extend(problems_of(&x));
            problems.extend(problems_of(&g));
            let donations = d.value().unwrap_or_default();
            let disbursements = x.value().unwrap_or_default();
            let goods = g.value().unwrap_or_default();
            problems.extend(gongshi_core::ledger::check_cross(&donations, &disbursements));
            let rows = Arc::new(ledger_rows(&donations, &disbursements, &goods));
            Some(Ledger { rows, donations, disbursements, goods, problems: Arc::new(problems) })
        },
        // "Changed?" — by identity: a new ledger is always a new Arc.
        |a: Option<&Option<Ledger>>, b: Option<&Option<Ledger>>| match (a, b) {
            (Some(Some(a)), Some(Some(b))) => !Arc::ptr_eq(&a.rows, &b.rows),
            (Some(None), Some(None)) => false,
            _ => true,
        },
    );
    let state = Memo::new(move |_| nav.view.with(|v| v.table.clone()));
    let outcome = Memo::new(move |_| ledger.with(|l| l.as_ref().map(|l| Arc::new(table::run(&l.rows, &state.get(), DEFAULT_SORT)))));

    let source = move || {
        data.manifest
            .with(|m| m.value().and_then(|m| m.dataset("donations").map(|d| format!("来源：{}（{}）", d.source, d.last_updated.map(|x| x.to_string()).unwrap_or_default()))))
            .unwrap_or_else(|| "来源：咸宁市红十字会".to_string())
    };

    let errors = move || {
        let mut failed = Vec::new();
        if let Load::Failed(e) = data.donations.get() {
            failed.push((Dataset::Donations, e));
        }
        if let Load::Failed(e) = data.disbursements.get() {
            failed.push((Dataset::Disbursements, e));
        }
        failed.into_iter().map(|(ds, e)| view! { <DataError dataset=ds error=e /> }).collect_view()
    };
    let goods_error = move || match data.goods.get() {
        Load::Failed(e) => Some(view! { <DataError dataset=Dataset::Goods error=e /> }),
        _ => None,
    };

    view! {
        <section class="ledger">
            <h2>"捐赠款物"</h2>
            <p class="lead">"每一笔捐款、每一批捐赠物资从哪里来、到哪里去。"</p>
            <RealFigures />
            {errors}
            {goods_error}
            {move || match ledger.get() {
                None => view! { <p class="loading" aria-busy="true">"正在加载捐赠台账…"</p> }.into_any(),
                Some(l) => view! { <LedgerView ledger=l state=state outcome=outcome source=Signal::derive(source) /> }.into_any(),
            }}
        </section>
    }
}

/// The report's real figures on money, kept apart from the (sample) ledger rows.
#[component]
fn RealFigures() -> impl IntoView {
    let data = use_data();
    move || match data.figures.get() {
        Load::Ready { value: f, .. } => {
            let cards: Vec<_> = REAL_FIGURES.iter().filter_map(|id| f.get(id).cloned()).collect();
            let related: Vec<_> = f.figures.iter().filter(|x| x.problem.is_some_and(|p| [2, 7, 8, 9, 14].contains(&p))).cloned().collect();
            view! {
                <section class="real" aria-labelledby="real-h">
                    <h3 id="real-h">"整改报告中的真实数字"<span class="badge real">"真实"</span></h3>
                    <ul class="cards">
                        {cards
                            .into_iter()
                            .map(|fig| {
                                let value = fig.value.display_zh();
                                view! {
                                    <li class="card">
                                        <span class="card-label">{fig.label.clone()}</span>
                                        <span class="card-value">{value}</span>
                                        <span class="card-period">{fig.period.clone().unwrap_or_default()}</span>
                                        <FigureSource figure=fig />
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                    <details>
                        <summary>"报告中与捐赠款物有关的全部数字"</summary>
                        <FigureTable figures=related caption="问题 2、7、8、9、14 中的数字" />
                    </details>
                </section>
            }
            .into_any()
        }
        Load::Failed(e) => view! { <DataError dataset=Dataset::Figures error=e /> }.into_any(),
        _ => ().into_any(),
    }
}

#[component]
fn LedgerView(ledger: Ledger, state: Memo<TableState>, outcome: Memo<Option<Arc<Outcome>>>, source: Signal<String>) -> impl IntoView {
    let rows = ledger.rows.clone();
    let sample_total = rows.iter().filter(|r| r.is_sample()).count();
    let real_total = rows.len() - sample_total;
    let r3 = rows.clone();
    let goods = ledger.goods.clone();
    let chart_views = move || {
        let Some(o) = outcome.get() else { return ().into_any() };
        let src = source.get();
        let batch_ids: std::collections::BTreeSet<&str> =
            o.rows.iter().map(|i| &r3[*i as usize]).filter(|r| r.flow == Flow::GoodsIn).map(|r| r.id.as_str()).collect();
        let goods_chart = (!batch_ids.is_empty()).then(|| charts::goods_issued(&goods, &batch_ids, &src));
        view! {
            <ChartView chart=Chart::Columns(charts::monthly(&r3, &o.rows, &src)) id="don-monthly" file_stem="每月收支" />
            <ChartView chart=Chart::Columns(charts::directed_by_year(&r3, &o.rows, &src)) id="don-directed" file_stem="定向与非定向" />
            <ChartView chart=Chart::Bars(charts::by_channel(&r3, &o.rows, &src)) id="don-channel" file_stem="捐款渠道" />
            {goods_chart.map(|c| view! { <ChartView chart=Chart::Bars(c) id="don-goods" file_stem="物资去向" /> })}
        }
        .into_any()
    };

    view! {
        <ValidationNotice problems=ledger.problems.clone() />
        <SampleNotice sample=sample_total real=real_total what="台账" state=state />
        <SearchableTable
            rows=rows.clone()
            state=state
            outcome=outcome
            default_sort=DEFAULT_SORT
            dataset="捐赠"
            search_label="搜索捐赠方、项目、物资、用途、收据号"
            placeholder="例如：防汛、通山、腾讯公益、手套"
            caption="捐赠台账（当前页）"
            totals=ledger_totals
        />
        <h3>"图表（随筛选变化）"</h3>
        {chart_views}
        <YearTable donations=ledger.donations.clone() disbursements=ledger.disbursements.clone() />
        <DirectedUse donations=ledger.donations.clone() disbursements=ledger.disbursements.clone() />
        <GoodsBalances goods=ledger.goods.clone() />
        <p class="muted">"物资出库明细与核销记录见数据文件 "<a href="data/goods.json">"goods.json"</a>"。"</p>
        <p><ViewLink view=crate::components::figures::problem_view(14) class="src-link">"关于 6.5% 项目费用上限：见整改报告问题 14"</ViewLink></p>
    }
}

fn ledger_totals(rows: &[LedgerRow], idx: &[u32]) -> AnyView {
    let t = totals(rows, idx);
    view! {
        <dl class="totals" aria-label="当前筛选的合计">
            <div><dt>"捐款收入"</dt><dd>{format!("{} 笔 · {} 元", t.money_in_rows, format::yuan_grouped(t.money_in))}<span class="wan">{format::wan_yuan(t.money_in)}</span></dd></div>
            <div><dt>"款项支出"</dt><dd>{format!("{} 笔 · {} 元", t.money_out_rows, format::yuan_grouped(t.money_out))}<span class="wan">{format::wan_yuan(t.money_out)}</span></dd></div>
            <div><dt>"捐赠物资（折价）"</dt><dd>{format!("{} 批 · {} 元", t.goods_rows, format::yuan_grouped(t.goods_value))}<span class="wan">{format::wan_yuan(t.goods_value)}</span></dd></div>
        </dl>
    }
    .into_any()
}

/// Received vs disbursed per year, shares, and the 6.5% cost-cap check.
#[component]
fn YearTable(donations: Arc<Vec<Donation>>, disbursements: Arc<Vec<Disbursement>>) -> impl IntoView {
    let years = money_by_year(&donations, &disbursements);
    let sample = donations.iter().any(|d| d.origin.is_sample()) || disbursements.iter().any(|d| d.origin.is_sample());
    let pct = |bp: Option<i64>| bp.map(format::percent_bp).unwrap_or_else(|| "—".into());
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label="按年汇总表">
            <table class="years">
                <caption>
                    "按年汇总：收入、支出与 6.5% 项目费用上限"
                    {sample.then(|| view! { <span class="badge sample">"示例数据"</span> })}
                </caption>
                <thead>
                    <tr>
                        <th scope="col">"年份"</th><th scope="col">"捐款收入"</th><th scope="col">"非定向（占比）"</th>
                        <th scope="col">"网络募捐（占比）"</th><th scope="col">"支出"</th><th scope="col">"项目费用"</th>
                        <th scope="col">"上限（非定向×6.5%）"</th><th scope="col">"是否超标"</th>
                    </tr>
                </thead>
                <tbody>
                    {years
                        .into_iter()
                        .map(|y| {
                            let over = y.over_cap();
                            let is_over = over.0 > 0;
                            view! {
                                <tr>
                                    <th scope="row">{format!("{}年", y.year)}</th>
                                    <td class="num">{format::money_zh(y.received)}</td>
                                    <td class="num">{format!("{}（{}）", format::money_zh(y.non_directed), pct(y.non_directed_share_bp()))}</td>
                                    <td class="num">{format!("{}（{}）", format::money_zh(y.online), pct(y.online_share_bp()))}</td>
                                    <td class="num">{format::money_zh(y.disbursed)}</td>
                                    <td class="num">{format::money_zh(y.project_costs)}</td>
                                    <td class="num">{format::money_zh(y.cost_cap)}</td>
                                    <td class:flag=is_over>{if is_over { format!("超标 {}", format::money_zh(over)) } else { "未超标".to_string() }}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// Directed donations per purpose: received, paid out from them, and what is left.
#[component]
fn DirectedUse(donations: Arc<Vec<Donation>>, disbursements: Arc<Vec<Disbursement>>) -> impl IntoView {
    let uses = directed_use(&donations, &disbursements);
    let sample = donations.iter().any(|d| d.origin.is_sample());
    view! {
        <details class="goods">
            <summary>{format!("定向捐赠的使用情况（{} 个定向用途）", uses.len())}</summary>
            <div class="table-wrap" tabindex="0" role="region" aria-label="定向捐赠使用情况表">
                <table class="years">
                    <caption>
                        "每个定向用途：收到、已支出与结余"
                        {sample.then(|| view! { <span class="badge sample">"示例数据"</span> })}
                    </caption>
                    <thead>
                        <tr><th scope="col">"定向用途"</th><th scope="col">"笔数"</th><th scope="col">"收到"</th><th scope="col">"已支出"</th><th scope="col">"结余"</th><th scope="col">"使用比例"</th></tr>
                    </thead>
                    <tbody>
                        {uses
                            .into_iter()
                            .map(|u| {
                                let left = u.received - u.disbursed;
                                let share = u.disbursed.share_bp(u.received).map(format::percent_bp).unwrap_or_else(|| "—".into());
                                view! {
                                    <tr>
                                        <th scope="row">{u.to}</th>
                                        <td class="num">{u.donations}</td>
                                        <td class="num">{format::money_zh(u.received)}</td>
                                        <td class="num">{format::money_zh(u.disbursed)}</td>
                                        <td class="num">{format::money_zh(left)}</td>
                                        <td class="num">{share}</td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
        </details>
    }
}

/// Every goods batch with its balance (in − out − written off) and public flags.
#[component]
fn GoodsBalances(goods: Arc<Goods>) -> impl IntoView {
    let balances = goods.balances();
    let flagged = balances.iter().filter(|b| !b.flags.is_empty()).count();
    let open = flagged > 0;
    view! {
        <details class="goods" open=open>
            <summary>{format!("捐赠物资结存（{} 批，其中 {flagged} 批有需要说明的情况）", balances.len())}</summary>
            <div class="table-wrap" tabindex="0" role="region" aria-label="捐赠物资结存表">
                <table class="goods-table">
                    <caption>"每批物资：入库、出库、核销与结存"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"批次"</th><th scope="col">"物资"</th><th scope="col">"入库"</th><th scope="col">"出库"</th>
                            <th scope="col">"核销"</th><th scope="col">"结存"</th><th scope="col">"情况"</th><th scope="col">"来源"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {goods
                            .batches
                            .iter()
                            .zip(balances)
                            .map(|(b, bal)| {
                                let unit = b.unit.clone();
                                let is_sample = b.origin.is_sample();
                                let is_flagged = !bal.flags.is_empty();
                                let q = move |n: i64| format!("{}{}", format::group_thousands(n.max(0) as u64), if n < 0 { "（负）" } else { "" });
                                view! {
                                    <tr class:sample=is_sample class:flagged=is_flagged>
                                        <th scope="row">{b.id.clone()}<br /><span class="muted">{b.date.to_string()}</span></th>
                                        <td>{format!("{}（{}）", b.item, unit)}<br /><span class="muted">{b.donor.clone()}</span></td>
                                        <td class="num">{q(bal.received)}</td>
                                        <td class="num">{q(bal.out)}</td>
                                        <td class="num">{q(bal.written_off)}</td>
                                        <td class="num">{bal.balance.to_string()}</td>
                                        <td>
                                            {bal.flags.iter().map(|f| view! { <span class="flag">{format!("⚠ {}", f.zh())}</span> }).collect_view()}
                                            {b.cancelled.as_ref().map(|c| view! { <span class="muted">{format!("已取消：{}", c.reason)}</span> })}
                                        </td>
                                        <td>{b.origin.zh()}</td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
        </details>
    }
}
