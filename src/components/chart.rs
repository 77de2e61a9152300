use gongshi_core::chart::{self, Chart};
use gongshi_core::view::encode;
use leptos::prelude::*;

/// A chart drawn by the core (plotters → SVG), shown as an inert image, with its text
/// alternative (a real table) and an SVG download.
#[component]
pub fn ChartView(chart: Chart, #[prop(into)] file_stem: String) -> impl IntoView {
    // Phones get the stacked layout, so text stays legible when the image is scaled to fit.
    let narrow = web_sys::window().and_then(|w| w.inner_width().ok()).and_then(|v| v.as_f64()).is_some_and(|w| w < 600.0);
    let width = if narrow { chart::NARROW } else { chart::WIDE };
    let svg = chart.to_svg(width);
    let src = format!("data:image/svg+xml;charset=utf-8,{}", encode(&svg));
    let (head, rows) = chart.table();
    let title = chart.title().to_string();
    view! {
        <figure class="chart">
            <img src=src.clone() alt=chart.description() width=width height=chart.height(width) />
            <figcaption>
                <details class="chart-data">
                    <summary>"图表数据（文字版）"</summary>
                    <div class="table-wrap">
                        <table>
                            <caption>{title}</caption>
                            <thead><tr>{head.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr></thead>
                            <tbody>
                                {rows
                                    .into_iter()
                                    .map(|r| {
                                        let mut cells = r.into_iter();
                                        let first = cells.next().unwrap_or_default();
                                        view! { <tr><th scope="row">{first}</th>{cells.map(|c| view! { <td class="num">{c}</td> }).collect_view()}</tr> }
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    </div>
                    <p class="muted">{chart.source_line()}</p>
                </details>
                <a class="btn small" href=src download=format!("{file_stem}.svg")>"下载 SVG"</a>
            </figcaption>
        </figure>
    }
}
