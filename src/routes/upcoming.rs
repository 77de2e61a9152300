//! Pages not built yet say so plainly, and show what the report already says on their topic.

use crate::components::{DataError, FigureTable};
use crate::state::{use_data, Dataset, Load};
use gongshi_core::view::Page;
use leptos::prelude::*;

fn plan(page: Page) -> (&'static str, &'static [u32]) {
    match page {
        Page::Donations => ("捐赠款物的收入、使用与物资出入库台账，可搜索、筛选、下载。", &[2, 7, 8, 9, 14]),
        Page::Relief => ("救助项目与受助情况（姓名脱敏，儿童与大病项目仅公布汇总）。", &[2, 5]),
        Page::Coverage => ("各县（市、区）红十字基层组织与志愿服务队覆盖情况。", &[3, 4, 6]),
        _ => ("", &[]),
    }
}

#[component]
pub fn Upcoming(page: Page) -> impl IntoView {
    let data = use_data();
    let (what, problems) = plan(page);
    let related = move || match data.figures.get() {
        Load::Idle | Load::Loading => view! { <p class="loading" aria-busy="true">"正在加载…"</p> }.into_any(),
        Load::Failed(e) => view! { <DataError dataset=Dataset::Figures error=e /> }.into_any(),
        Load::Ready { value: f, .. } => {
            let figs: Vec<_> = f.figures.iter().filter(|x| x.problem.is_some_and(|p| problems.contains(&p))).cloned().collect();
            view! { <FigureTable figures=figs caption="整改报告中的相关数字（真实数据）" /> }.into_any()
        }
    };
    view! {
        <section>
            <h2>{page.zh()}</h2>
            <div class="notice" role="status">
                <strong>"本页正在建设中，尚未公开逐条记录。"</strong>
                <p>{format!("建成后将公开：{what}")}</p>
            </div>
            {related}
        </section>
    }
}
