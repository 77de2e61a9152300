//! 概览: the key figures of the report, each with its source, and the rectification progress.

use crate::components::{ChartView, DataError, FigureCard, FigureTable, ViewLink};
use crate::state::{use_data, Dataset, Load};
use gongshi_core::view::{Page, View};
use leptos::prelude::*;

#[component]
pub fn Overview() -> impl IntoView {
    let data = use_data();
    let t = crate::i18n::use_tr();
    let source = move || {
        data.manifest
            .with(|m| m.value().and_then(|m| m.dataset("rectification").map(|d| d.source.clone())))
            .unwrap_or_else(|| t.rect_source_fallback.to_string())
    };

    let progress = move || match data.rectification.get() {
        Load::Idle | Load::Loading => view! { <p class="loading" aria-busy="true">{t.loading_rect}</p> }.into_any(),
        Load::Failed(e) => view! { <DataError dataset=Dataset::Rectification error=e /> }.into_any(),
        Load::Ready { value: r, .. } => {
            let done = r.status_counts()[&gongshi_core::rectification::Status::Done];
            let total = r.problems.len();
            let insp = &r.inspection;
            let d = |x: Option<gongshi_core::date::PartialDate>| x.map(|d| t.date(d)).unwrap_or_default();
            view! {
                <p class="lead">
                    {t.inspection(&insp.by, &d(insp.start), &d(insp.end), &d(insp.feedback), total)}
                    <strong>{t.published_done(&d(r.published), done)}</strong>
                </p>
                <ChartView dataset="rectification" chart=gongshi_core::chart::Chart::Bars(r.progress_chart(&source(), t.lang)) id="rect-progress" file_stem=t.stem_progress />
                <p><ViewLink view=View::page(Page::Rectification) class="btn">{t.view_all_problems(total)}</ViewLink></p>
            }
            .into_any()
        }
    };

    let figures = move || match data.figures.get() {
        Load::Idle | Load::Loading => view! { <p class="loading" aria-busy="true">{t.loading_figures}</p> }.into_any(),
        Load::Failed(e) => view! { <DataError dataset=Dataset::Figures error=e /> }.into_any(),
        Load::Ready { value: f, .. } => {
            let key: Vec<_> = f.key_figures().cloned().collect();
            let all = f.figures.clone();
            let n = all.len();
            view! {
                <ul class="cards">
                    {key.into_iter().map(|fig| view! { <FigureCard figure=fig /> }).collect_view()}
                </ul>
                <details class="all-figures">
                    <summary>{t.all_figures(n)}</summary>
                    <FigureTable figures=all caption=t.figures_caption_all />
                </details>
            }
            .into_any()
        }
    };

    view! {
        <section aria-labelledby="ov-rect">
            <h2 id="ov-rect">{t.ov_rect_h}</h2>
            {progress}
        </section>
        <section aria-labelledby="ov-fig">
            <h2 id="ov-fig">{t.ov_fig_h}</h2>
            <p class="muted">{t.ov_fig_note}</p>
            {figures}
        </section>
    }
}
