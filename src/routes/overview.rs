//! 概览: the key figures of the report, each with its source, and the rectification progress.

use crate::components::{ChartView, DataError, FigureSource, FigureTable, ViewLink};
use crate::state::{use_data, Dataset, Load};
use gongshi_core::view::{Page, View};
use leptos::prelude::*;

#[component]
pub fn Overview() -> impl IntoView {
    let data = use_data();
    let source = move || {
        data.manifest
            .with(|m| m.value().and_then(|m| m.dataset("rectification").map(|d| d.source.clone())))
            .unwrap_or_else(|| "中共咸宁市红十字会党组关于巡察整改情况的社会公开稿".to_string())
    };

    let progress = move || match data.rectification.get() {
        Load::Idle | Load::Loading => view! { <p class="loading" aria-busy="true">"正在加载整改情况…"</p> }.into_any(),
        Load::Failed(e) => view! { <DataError dataset=Dataset::Rectification error=e /> }.into_any(),
        Load::Ready { value: r, .. } => {
            let done = r.status_counts()[&gongshi_core::rectification::Status::Done];
            let total = r.problems.len();
            let insp = &r.inspection;
            let d = |x: Option<gongshi_core::date::PartialDate>| x.map(|d| d.zh()).unwrap_or_default();
            view! {
                <p class="lead">
                    {format!("{}于 {} 至 {} 进行巡察，{} 反馈意见，指出 {} 个问题。", insp.by, d(insp.start), d(insp.end), d(insp.feedback), total)}
                    <strong>{format!("据 {} 公开稿，已完成整改 {done} 个。", d(r.published))}</strong>
                </p>
                <ChartView chart=gongshi_core::chart::Chart::Bars(r.progress_chart(&source())) id="rect-progress" file_stem="整改进度" />
                <p><ViewLink view=View::page(Page::Rectification) class="btn">{format!("查看全部 {total} 个问题及整改措施")}</ViewLink></p>
            }
            .into_any()
        }
    };

    let figures = move || match data.figures.get() {
        Load::Idle | Load::Loading => view! { <p class="loading" aria-busy="true">"正在加载数字…"</p> }.into_any(),
        Load::Failed(e) => view! { <DataError dataset=Dataset::Figures error=e /> }.into_any(),
        Load::Ready { value: f, .. } => {
            let key: Vec<_> = f.key_figures().cloned().collect();
            let all = f.figures.clone();
            let n = all.len();
            view! {
                <ul class="cards">
                    {key
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
                <details class="all-figures">
                    <summary>{format!("报告中的全部 {n} 个数字")}</summary>
                    <FigureTable figures=all caption="整改报告中的数字及出处" />
                </details>
            }
            .into_any()
        }
    };

    view! {
        <section aria-labelledby="ov-rect">
            <h2 id="ov-rect">"巡察整改"</h2>
            {progress}
        </section>
        <section aria-labelledby="ov-fig">
            <h2 id="ov-fig">"整改报告中的关键数字"</h2>
            <p class="muted">"以下均为报告原文中的真实数字，点击“出处”可查看所在段落。"</p>
            {figures}
        </section>
    }
}
