//! 组织覆盖: grassroots Red Cross units per county against its townships and villages, and
//! volunteer teams before and after. A county can be chosen (in the URL).

use crate::components::{use_outcome, ChartView, DataError, FigureTable, SearchableTable, ValidationNotice};
use crate::nav::use_nav;
use crate::state::{use_data, Dataset, Load};
use gongshi_core::chart::Chart;
use gongshi_core::coverage::{self, CountyRow};
use gongshi_core::relief::COUNTIES;
use gongshi_core::table::Sort;
use gongshi_core::format;
use leptos::prelude::*;
use std::sync::Arc;

const DEFAULT_SORT: Sort = Sort { column: "county", descending: false };

fn totals(rows: &[CountyRow], idx: &[u32]) -> AnyView {
    let sel: Vec<&CountyRow> = idx.iter().map(|i| &rows[*i as usize]).collect();
    let units: u32 = sel.iter().map(|r| r.units()).sum();
    let vu: u32 = sel.iter().map(|r| r.village_units).sum();
    let v: u32 = sel.iter().map(|r| r.villages).sum();
    let cov = coverage::coverage_bp(vu, v).map(format::percent_bp).unwrap_or_else(|| "—".into());
    view! {
        <dl class="totals" aria-label="当前选择的合计">
            <div><dt>"基层组织"</dt><dd>{format!("{units} 个")}</dd></div>
            <div><dt>"村（社区）级"</dt><dd>{format!("{vu} / {v} 个村（社区）")}</dd></div>
            <div><dt>"村级覆盖率"</dt><dd>{cov}</dd></div>
        </dl>
    }
    .into_any()
}

#[component]
pub fn CoveragePage() -> impl IntoView {
    let data = use_data();
    let nav = use_nav();
    data.ensure(Dataset::Coverage);
    let state = Memo::new(move |_| nav.view.with(|v| v.table.clone()));
    let rows = Memo::new_with_compare(
        move |_| data.coverage.with(|l| l.value().map(|c| Arc::new(c.counties.clone()))),
        |a: Option<&Option<Arc<Vec<CountyRow>>>>, b: Option<&Option<Arc<Vec<CountyRow>>>>| match (a, b) {
            (Some(Some(a)), Some(Some(b))) => a.len() != b.len(),
            (Some(None), Some(None)) => false,
            _ => true,
        },
    );
    let outcome = use_outcome(rows.into(), state, DEFAULT_SORT);
    let chosen = move || state.with(|s| s.selected("county").and_then(|c| (c.len() == 1).then(|| c.iter().next().cloned()).flatten()));
    let choose = move |county: Option<String>| {
        nav.edit_push(|v| {
            match &county {
                Some(c) => v.table.facets.insert("county".into(), [c.clone()].into()),
                None => v.table.facets.remove("county"),
            };
            v.table.page = 0;
        })
    };
    let source = "来源：咸宁市红十字会（各县数字为示例数据；全市数字见整改报告问题 3、6）";

    let body = move || match data.coverage.get() {
        Load::Idle | Load::Loading => view! { <p class="loading" aria-busy="true">"正在加载组织覆盖数据…"</p> }.into_any(),
        Load::Failed(e) => view! { <DataError dataset=Dataset::Coverage error=e /> }.into_any(),
        Load::Ready { value: cov, problems } => {
            let counties = rows.get_untracked().unwrap_or_default();
            let c2 = counties.clone();
            let charts = move || {
                let o = outcome.get()?;
                let sel: Vec<&CountyRow> = o.rows.iter().map(|i| &c2[*i as usize]).collect();
                Some(view! {
                    <ChartView chart=Chart::Bars(coverage::coverage_chart(&sel, source)) id="cov-rate" file_stem="村级覆盖率" />
                    <ChartView chart=Chart::Columns(coverage::units_chart(&sel, source)) id="cov-units" file_stem="基层组织层级" />
                })
            };
            let before = coverage::teams_before_chart(&cov.teams_before, "来源：整改报告问题 6（真实）");
            let after = coverage::teams_after_chart(&cov.teams_after, cov.teams_after_total, "来源：整改报告问题 6（合计 35 支为真实数字；按类型的分布为示例数据）");
            let facts = cov.facts.clone();
            view! {
                <ValidationNotice problems=problems />
                <section class="real">
                    <h3>"整改报告中的原文"<span class="badge real">"真实"</span></h3>
                    <ul class="facts">
                        {facts.into_iter().map(|(t, p)| view! { <li>{t}{p.map(|n| view! { <a class="src-link" href=format!("?page=rectification&open={n}")>{format!("（问题 {n}）")}</a> })}</li> }).collect_view()}
                    </ul>
                </section>
                <div class="notice sample-notice" role="note"><p><strong>"各县（市、区）的逐项数字为示例数据"</strong>"（报告只给出全市合计），其合计与报告的全市数字（41 个组织、村级 38 个、覆盖率 3.5%）一致。"</p></div>
                <h3>"各县（市、区）"</h3>
                <SearchableTable
                    rows=counties
                    state=state
                    outcome=outcome
                    default_sort=DEFAULT_SORT
                    dataset="组织覆盖"
                    search_label="搜索县（市、区）"
                    placeholder="例如：咸安"
                    caption="各县（市、区）红十字基层组织"
                    totals=totals
                />
                {charts}
                <h3>"志愿服务队"</h3>
                {before.map(|c| view! { <ChartView chart=Chart::Bars(c) id="teams-before" file_stem="整改前志愿队规模" /> })}
                <ChartView chart=Chart::Bars(after) id="teams-after" file_stem="整改后志愿服务队" />
            }
            .into_any()
        }
    };

    let related = move || match data.figures.get() {
        Load::Ready { value: f, .. } => {
            let figs: Vec<_> = f.figures.iter().filter(|x| x.problem.is_some_and(|p| [3, 4, 6].contains(&p))).cloned().collect();
            view! { <details><summary>"报告中与组织覆盖有关的全部数字"</summary><FigureTable figures=figs caption="问题 3、4、6 中的数字" /></details> }.into_any()
        }
        _ => ().into_any(),
    };

    view! {
        <section class="coverage">
            <h2>"组织覆盖"</h2>
            <p class="lead">"乡镇（街道）、村（社区）和企事业单位中的红十字基层组织，以及志愿服务队。"</p>
            <nav class="county-picker" aria-label="选择县（市、区）">
                <button type="button" class="chip" aria-pressed=move || chosen().is_none().to_string() on:click=move |_| choose(None)>"全市"</button>
                {COUNTIES
                    .iter()
                    .map(|c| {
                        let name = c.to_string();
                        let n2 = name.clone();
                        view! { <button type="button" class="chip" aria-pressed=move || (chosen().as_deref() == Some(n2.as_str())).to_string() on:click=move |_| choose(Some(name.clone()))>{*c}</button> }
                    })
                    .collect_view()}
            </nav>
            {body}
            {related}
        </section>
    }
}
