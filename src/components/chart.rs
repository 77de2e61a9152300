use gongshi_core::chart::{self, BarChart};
use gongshi_core::view::encode;
use leptos::prelude::*;

/// A chart drawn by the core (plotters → SVG), shown as an inert image, with its text
/// alternative (a real table) and an SVG download.
#[component]
pub fn BarChartView(chart: BarChart, #[prop(into)] file_stem: String) -> impl IntoView {
    // Phones get the stacked layout, so text stays legible when the image is scaled to fit.
    let narrow = web_sys::window().and_then(|w| w.inner_width().ok()).and_then(|v| v.as_f64()).is_some_and(|w| w < 600.0);
    let width = if narrow { chart::NARROW } else { chart::WIDE };
    let svg = chart::to_svg(&chart, width);
    let src = format!("data:image/svg+xml;charset=utf-8,{}", encode(&svg));
    let rows = chart.rows();
    let title = chart.title.clone();
    view! {
        <figure class="chart">
            <img src=src.clone() alt=chart.description() width=width height=chart.height(width) />
            <figcaption>
                <details class="chart-data">
                    <summary>"图表数据（文字版）"</summary>
                    <table>
                        <caption>{title}</caption>
                        <thead><tr><th scope="col">"项目"</th><th scope="col">"数值"</th></tr></thead>
                        <tbody>
                            {rows.into_iter().map(|(k, v)| view! { <tr><th scope="row">{k}</th><td>{v}</td></tr> }).collect_view()}
                        </tbody>
                    </table>
                    <p class="muted">{chart.source_line()}</p>
                </details>
                <a class="btn small" href=src download=format!("{file_stem}.svg")>"下载 SVG"</a>
            </figcaption>
        </figure>
    }
}
