use crate::components::ViewLink;
use gongshi_core::figures::Figure;
use gongshi_core::view::{Page, View};
use leptos::prelude::*;

/// The view that opens problem `no` on the 整改 page.
pub fn problem_view(no: u32) -> View {
    let mut v = View::page(Page::Rectification);
    v.rect.open.insert(no);
    v
}

/// Where a figure comes from, as a link to its paragraph.
#[component]
pub fn FigureSource(figure: Figure) -> impl IntoView {
    match figure.problem {
        Some(no) => view! { <ViewLink view=problem_view(no) class="src-link">{format!("出处：问题 {no}")}</ViewLink> }.into_any(),
        None => view! { <span class="src-link">{format!("出处：{}", figure.section)}</span> }.into_any(),
    }
}

/// A table of published figures with their sources.
#[component]
pub fn FigureTable(figures: Vec<Figure>, #[prop(into)] caption: String) -> impl IntoView {
    let region_label = caption.clone();
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label=region_label>
            <table class="figures">
                <caption>{caption}</caption>
                <thead>
                    <tr><th scope="col">"指标"</th><th scope="col">"数值"</th><th scope="col">"期间"</th><th scope="col">"出处"</th></tr>
                </thead>
                <tbody>
                    {figures
                        .into_iter()
                        .map(|f| {
                            let value = f.value.display_zh();
                            let period = f.period.clone().unwrap_or_default();
                            let quote = f.quote.clone();
                            let note = f.note.clone();
                            view! {
                                <tr>
                                    <th scope="row">{f.label.clone()}<span class="quote">{format!("原文：“{quote}”")}</span>{note.map(|n| view! { <span class="quote">{format!("说明：{n}")}</span> })}</th>
                                    <td class="num">{value}</td>
                                    <td>{period}</td>
                                    <td><FigureSource figure=f /></td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}
