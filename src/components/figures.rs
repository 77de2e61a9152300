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
    let t = crate::i18n::use_tr();
    match figure.problem {
        Some(no) => view! { <ViewLink view=problem_view(no) class="src-link">{t.source_problem(no)}</ViewLink> }.into_any(),
        None => view! { <span class="src-link">{t.source_section(&figure.section)}</span> }.into_any(),
    }
}

/// A table of published figures with their sources.
#[component]
pub fn FigureTable(figures: Vec<Figure>, #[prop(into)] caption: String) -> impl IntoView {
    let region_label = caption.clone();
    let t = crate::i18n::use_tr();
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label=region_label>
            <table class="figures stack">
                <caption>{caption}</caption>
                <thead>
                    <tr><th scope="col">{t.col_indicator}</th><th scope="col">{t.col_value}</th><th scope="col">{t.col_period}</th><th scope="col">{t.col_source}</th></tr>
                </thead>
                <tbody>
                    {figures
                        .into_iter()
                        .map(|f| {
                            let value = f.value.display(t.lang);
                            let label = f.label_in(t.lang).to_string();
                            let period = f.period.as_deref().map(|p| gongshi_core::format::period(t.lang, p)).unwrap_or_default();
                            let quote = f.quote.clone();
                            let note = f.note.clone();
                            view! {
                                <tr>
                                    <th scope="row">{label}<span class="quote">{format!("{}“{quote}”", t.quote_prefix)}</span>{note.map(|n| view! { <span class="quote">{format!("{}{n}", t.note_prefix)}</span> })}</th>
                                    <td class="num" data-label=t.col_value>{value}</td>
                                    <td data-label=t.col_period class:empty=period.is_empty()>{period.clone()}</td>
                                    <td data-label=t.col_source><FigureSource figure=f /></td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// One headline figure: label, value, period and a link to where the report states it.
#[component]
pub fn FigureCard(figure: Figure) -> impl IntoView {
    let t = crate::i18n::use_tr();
    let value = figure.value.display(t.lang);
    view! {
        <li class="card">
            <span class="card-label">{figure.label_in(t.lang).to_string()}</span>
            <span class="card-value">{value}</span>
            <span class="card-period">{figure.period.as_deref().map(|p| gongshi_core::format::period(t.lang, p)).unwrap_or_default()}</span>
            <FigureSource figure=figure />
        </li>
    }
}
