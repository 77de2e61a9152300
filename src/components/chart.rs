use crate::nav::{absolute_href, use_nav};
use gongshi_core::chart::{self, Chart};
use gongshi_core::view::{encode, Embed};
use leptos::prelude::*;

/// A chart drawn by the core (plotters → SVG), shown as an inert image, with its source line,
/// its text alternative (a real table) and the ways to take it away: SVG, PNG (2×), copy,
/// its numbers as CSV, and an embed snippet for exactly this chart.
#[component]
pub fn ChartView(
    chart: Chart,
    /// Stable id, used to embed this one chart (`embed=chart&chart=ID`).
    #[prop(into)]
    id: String,
    #[prop(into)] file_stem: String,
    /// The manifest id of the dataset the chart is drawn from, for the downloaded chart's
    /// footer: organisation, dataset title, as-of date and the permalink of the view.
    dataset: &'static str,
) -> impl IntoView {
    let nav = use_nav();
    let t = crate::i18n::use_tr();
    let data = use_context::<crate::state::Data>();
    // The chart as downloaded, credited at the moment of download (the view may have changed).
    let credited = {
        let chart = chart.clone();
        move || {
            let view = nav.view.get_untracked();
            let manifest = data.and_then(|d| d.manifest.with_untracked(|m| m.value()));
            let credit = {
                let m = manifest;
                let org = m.as_ref().map(|m| m.organisation.name_in(t.lang).to_string()).unwrap_or_default();
                let d = m.as_ref().and_then(|m| m.dataset(dataset).cloned());
                chart::Credit {
                    publisher: org,
                    dataset: d.as_ref().map(|d| d.title_in(t.lang).to_string()).unwrap_or_default(),
                    as_of: d.and_then(|d| d.last_updated).map(|x| x.to_string()).unwrap_or_default(),
                    permalink: absolute_href(&view),
                }
            };
            chart.credited(&credit)
        }
    };
    // Phones get the stacked layout, so text stays legible when the image is scaled to fit.
    let narrow = web_sys::window().and_then(|w| w.inner_width().ok()).and_then(|v| v.as_f64()).is_some_and(|w| w < 600.0);
    let width = if narrow { chart::NARROW } else { chart::WIDE };
    let svg = chart.to_svg(width);
    // Each drawing leaves a mark (`gongshi:chart:ID`): the bench and the tests count redraws.
    crate::perf::mark(&format!("gongshi:chart:{id}"), None);
    let height = chart.height(width);
    let src = format!("data:image/svg+xml;charset=utf-8,{}", encode(&svg));
    let (head, rows) = chart.table();
    let title = chart.title().to_string();
    let table_label = t.chart_table_label(&title);
    let is_target = nav.view.with_untracked(|v| v.embed == Embed::Chart(id.clone()));

    // Exports are drawn at the wide layout: that is what goes into articles.
    let export_h = chart.height(chart::WIDE);
    let (for_svg, for_png, for_copy) = (credited.clone(), credited.clone(), credited);
    let svg_name = format!("{file_stem}.svg");
    let on_svg = move |e: web_sys::MouseEvent| {
        e.prevent_default();
        let c = for_svg();
        let _ = crate::download::save_text(&svg_name, "image/svg+xml;charset=utf-8", &c.to_svg(chart::WIDE));
    };
    let png_name = format!("{file_stem}.png");
    let on_png = move |_| {
        let c = for_png();
        if let Err(e) = crate::download::save_png(&png_name, &c.to_svg(chart::WIDE), chart::WIDE, c.height(chart::WIDE)) {
            leptos::logging::warn!("PNG export failed: {e}");
        }
    };
    let copied = RwSignal::new(None::<bool>);
    let on_copy = move |_| {
        let c = for_copy();
        let _ = crate::download::copy_png(&c.to_svg(chart::WIDE), chart::WIDE, c.height(chart::WIDE), move |ok| copied.set(Some(ok)));
    };
    let can_copy = crate::download::can_copy_image();
    let csv_text = {
        let (h, r) = chart.table();
        let mut s = String::from("\u{feff}");
        s.push_str(&h.iter().map(|x| gongshi_core::csv::text_field(x)).collect::<Vec<_>>().join(","));
        s.push_str("\r\n");
        for row in r {
            s.push_str(&row.iter().map(|x| gongshi_core::csv::text_field(x)).collect::<Vec<_>>().join(","));
            s.push_str("\r\n");
        }
        s.push_str(&gongshi_core::csv::text_field(&chart.source_line()));
        s.push_str("\r\n");
        s
    };
    let csv_name = format!("{file_stem}{}.csv", t.csv_data_suffix);
    let on_csv = move |_| {
        let _ = crate::download::save_text(&csv_name, "text/csv;charset=utf-8", &csv_text);
    };
    let show_embed = RwSignal::new(false);
    let embed_id = id.clone();
    let snippet = move || {
        let v = nav.view.with(|v| v.embedded(Embed::Chart(embed_id.clone())));
        format!(
            "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"{}\" style=\"border:0;max-width:680px\" loading=\"lazy\" sandbox=\"allow-scripts allow-same-origin allow-downloads allow-popups\"></iframe>",
            absolute_href(&v),
            gongshi_core::chart::escape_attr(&t.embed_title(&embed_id)),
            export_h + 90
        )
    };
    let figure_title = title.clone();
    view! {
        <figure class="chart" class:chart-target=is_target data-chart-id=id.clone()>
            // Lazy: a chart below the fold is not decoded (an SVG image is parsed on the main
            // thread) until the reader scrolls near it; in a static first view that was the longest task.
            <img src=src alt=chart.description() width=width height=height loading="lazy" />
            <p class="chart-source">{chart.source_line()}</p>
            <figcaption>
                <div class="chart-tools" role="group" aria-label=t.chart_tools_label(&figure_title)>
                    <a class="btn small" href="#" download=format!("{file_stem}.svg") on:click=on_svg>"SVG"</a>
                    <button type="button" class="btn small" on:click=on_png>"PNG"</button>
                    {can_copy.then(|| view! {
                        <button type="button" class="btn small" on:click=on_copy>
                            {move || match copied.get() { Some(true) => t.copied, Some(false) => t.copy_failed, None => t.copy_image }}
                        </button>
                    })}
                    <button type="button" class="btn small" on:click=on_csv>{t.chart_data_btn}</button>
                    <button type="button" class="btn small" aria-expanded=move || show_embed.get().to_string() on:click=move |_| show_embed.update(|s| *s = !*s)>{t.embed_btn}</button>
                </div>
                {move || show_embed.get().then(|| view! {
                    <div class="embed-box">
                        <label>{t.embed_help}
                            <textarea readonly rows="4" class="embed-code">{snippet()}</textarea>
                        </label>
                    </div>
                })}
                <details class="chart-data">
                    <summary>{t.chart_data}</summary>
                    <div class="table-wrap" tabindex="0" role="region" aria-label=table_label.clone()>
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
            </figcaption>
        </figure>
    }
}
