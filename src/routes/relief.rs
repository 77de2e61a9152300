//! 救助: relief records (masked), aggregates for children's and medical programmes (small cells
//! suppressed), and the report's real figures on the gap between applications and patients.

use crate::components::{use_outcome, ChartView, DataError, FigureTable, SampleNotice, SearchableTable, ValidationNotice};
use crate::nav::use_nav;
use crate::state::{use_data, Dataset, Load};
use gongshi_core::chart::Chart;
use gongshi_core::relief::{self, publishable, Aggregate, ReliefRecord, MIN_CELL};
use gongshi_core::table::{Cell, Record, Sort};
use gongshi_core::{csv, format, Fen};
use leptos::prelude::*;
use std::sync::Arc;

const DEFAULT_SORT: Sort = Sort { column: "date", descending: true };

fn totals(rows: &[ReliefRecord], idx: &[u32]) -> AnyView {
    let sum = Fen::checked_sum(idx.iter().filter_map(|i| rows[*i as usize].amount)).unwrap_or(Fen::ZERO);
    let goods = idx.iter().filter(|i| rows[**i as usize].goods.is_some()).count();
    view! {
        <dl class="totals" aria-label="当前筛选的合计">
            <div><dt>"救助人次"</dt><dd>{idx.len()}</dd></div>
            <div><dt>"救助金额"</dt><dd>{format!("{} 元", format::yuan_grouped(sum))}<span class="wan">{format::wan_yuan(sum)}</span></dd></div>
            <div><dt>"含物资的救助"</dt><dd>{format!("{goods} 人次")}</dd></div>
        </dl>
    }
    .into_any()
}

#[component]
pub fn ReliefPage() -> impl IntoView {
    let data = use_data();
    let nav = use_nav();
    data.ensure(Dataset::Relief);
    let state = Memo::new(move |_| nav.view.with(|v| v.table.clone()));
    let rows = Memo::new_with_compare(
        move |_| data.relief.with(|l| l.value().map(|r| Arc::new(r.records.clone()))),
        |a: Option<&Option<Arc<Vec<ReliefRecord>>>>, b: Option<&Option<Arc<Vec<ReliefRecord>>>>| match (a, b) {
            (Some(Some(a)), Some(Some(b))) => a.len() != b.len(),
            (Some(None), Some(None)) => false,
            _ => true,
        },
    );
    let outcome = use_outcome(rows.into(), state, DEFAULT_SORT);
    let source = move || {
        data.manifest
            .with(|m| m.value().and_then(|m| m.dataset("relief").map(|d| format!("来源：{}", d.source))))
            .unwrap_or_else(|| "来源：咸宁市红十字会".to_string())
    };

    let body = move || match data.relief.get() {
        Load::Idle | Load::Loading => view! { <p class="loading" aria-busy="true">"正在加载救助数据…"</p> }.into_any(),
        Load::Failed(e) => view! { <DataError dataset=Dataset::Relief error=e /> }.into_any(),
        Load::Ready { value, problems } => {
            let records = rows.get_untracked().unwrap_or_default();
            let sample = records.iter().filter(|r| r.is_sample()).count();
            let real = records.len() - sample;
            let r2 = records.clone();
            let src = source();
            let charts = move || {
                outcome.get().map(|o| view! { <ChartView chart=Chart::Bars(relief::by_county_chart(&r2, &o.rows, &src)) id="relief-county" file_stem="各县救助金额" /> })
            };
            view! {
                <ValidationNotice problems=problems />
                <SampleNotice sample=sample real=real what="救助记录" state=state />
                <SearchableTable
                    rows=records
                    state=state
                    outcome=outcome
                    default_sort=DEFAULT_SORT
                    dataset="救助"
                    search_label="搜索项目、县（市、区）、乡镇、受助人（姓氏）"
                    placeholder="例如：博爱送万家、通山、张某"
                    caption="救助记录（当前页；受助人已脱敏）"
                    totals=totals
                />
                <h3>"图表（随筛选变化）"</h3>
                {charts}
                <Aggregates aggregates=Arc::new(value.aggregates.clone()) />
            }
            .into_any()
        }
    };

    view! {
        <section class="relief">
            <h2>"救助"</h2>
            <p class="lead">"临时人道救助、博爱送万家等救助的发放情况。"</p>
            <div class="notice privacy" role="note">
                <strong>"隐私保护："</strong>
                "受助人只公布“姓＋某”；儿童和大病救助（小天使基金、天使阳光基金）只公布按县、年份汇总的人数和金额，少于 5 人的格子显示为“<5”，也不写入下载文件；不公布身份证号、电话、银行卡号和详细地址。"
            </div>
            <RealRelief />
            {body}
        </section>
    }
}

/// Problems 2 and 5, as published.
#[component]
fn RealRelief() -> impl IntoView {
    let data = use_data();
    move || match data.figures.get() {
        Load::Ready { value: f, .. } => {
            let src = "来源：中共咸宁市红十字会党组关于巡察整改情况的社会公开稿（2023年9月18日），问题 5";
            let chart = relief::application_gap_chart(&f, src);
            let related: Vec<_> = f.figures.iter().filter(|x| x.problem.is_some_and(|p| p == 5) || x.id == "undisclosed-temporary-relief").cloned().collect();
            view! {
                <section class="real" aria-labelledby="relief-real">
                    <h3 id="relief-real">"整改报告中的真实数字"<span class="badge real">"真实"</span></h3>
                    <p>
                        "2019年至2021年，向市红十字会申报小天使基金、天使阳光基金的患儿分别只有 49 人、3 人，而市医疗保障局备案的此类患者分别为 153 人、36 人。整改中核实有 11 名符合条件的白血病患儿未申报，已由各县（市、区）红十字会联系家属并指导申报。"
                        <a href="?page=rectification&open=5">"（问题 5）"</a>
                    </p>
                    {chart.map(|c| view! { <ChartView chart=Chart::Columns(c) id="relief-gap" file_stem="申报与备案" /> })}
                    <details>
                        <summary>"报告中与救助有关的全部数字"</summary>
                        <FigureTable figures=related caption="问题 2、5 中的数字" />
                    </details>
                </section>
            }
            .into_any()
        }
        Load::Failed(e) => view! { <DataError dataset=Dataset::Figures error=e /> }.into_any(),
        _ => ().into_any(),
    }
}

/// Children's and medical programmes: only aggregates, small cells suppressed everywhere.
#[component]
fn Aggregates(aggregates: Arc<Vec<Aggregate>>) -> impl IntoView {
    let nav = use_nav();
    let filtered = {
        let aggregates = aggregates.clone();
        move || {
            let st = nav.view.with(|v| v.table.clone());
            let counties = st.selected("county").cloned();
            let years = st.selected("year").cloned();
            (0..aggregates.len() as u32)
                .filter(|i| {
                    let a = &aggregates[*i as usize];
                    counties.as_ref().is_none_or(|c| c.contains(&a.county)) && years.as_ref().is_none_or(|y| y.contains(&a.year.to_string()))
                })
                .collect::<Vec<u32>>()
        }
    };
    let a2 = aggregates.clone();
    let f2 = filtered.clone();
    let download = move |_| {
        let idx = publishable(&a2, &f2());
        let text = csv::to_csv(&a2, &idx);
        let name = csv::file_name("大病救助汇总", &[], idx.len());
        let _ = crate::download::save_text(&name, "text/csv;charset=utf-8", &text);
    };
    let a3 = aggregates.clone();
    view! {
        <section class="aggregates" aria-labelledby="agg-h">
            <h3 id="agg-h">"儿童和大病救助（仅公布汇总）"</h3>
            <p class="muted">{format!("按县（市、区）、年份和项目汇总；少于 {MIN_CELL} 人的格子显示“<{MIN_CELL}”，金额不公布，也不写入下载文件。上方的县和年份筛选同样作用于此表。")}</p>
            <button type="button" class="btn small" on:click=download>"下载汇总 CSV（不含少于 5 人的格子）"</button>
            <div class="table-wrap" tabindex="0" role="region" aria-label="儿童和大病救助汇总表">
                <table class="agg-table">
                    <caption>"小天使基金、天使阳光基金汇总"</caption>
                    <thead>
                        <tr>{Aggregate::columns().iter().map(|c| view! { <th scope="col">{c.label}</th> }).collect_view()}</tr>
                    </thead>
                    <tbody>
                        {move || {
                            filtered()
                                .into_iter()
                                .map(|i| {
                                    let a = &a3[i as usize];
                                    let cells = (0..Aggregate::columns().len())
                                        .map(|c| match a.cell(c) {
                                            Cell::Money(f) => format::money_zh(f),
                                            Cell::Int(n) => n.to_string(),
                                            Cell::Text(t) => t.into_owned(),
                                            Cell::Date(d) => d.to_string(),
                                            Cell::Empty => "—".into(),
                                        })
                                        .collect::<Vec<_>>();
                                    let suppressed = a.suppressed();
                                    view! {
                                        <tr class:suppressed=suppressed class:sample=a.origin.is_sample()>
                                            {cells.into_iter().enumerate().map(|(k, t)| if k == 0 { view! { <th scope="row">{t}</th> }.into_any() } else { view! { <td>{t}</td> }.into_any() }).collect_view()}
                                        </tr>
                                    }
                                })
                                .collect_view()
                        }}
                    </tbody>
                </table>
            </div>
        </section>
    }
}
