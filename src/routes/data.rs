//! 数据: every dataset with its file, size, record count, last update, real or sample, the
//! legal publication cadence (next due date, overdue badge), its checksum and a citation line.

use crate::components::{DataError, ViewLink};
use crate::nav::absolute_href;
use crate::state::{use_data, Dataset as Ds, Load};
use gongshi_core::cadence;
use gongshi_core::date::PartialDate;
use gongshi_core::manifest::Dataset;
use gongshi_core::view::{Page, View};
use gongshi_core::{csv, format};
use leptos::prelude::*;

/// Today, from the browser's clock.
fn today() -> PartialDate {
    let d = js_sys::Date::new_0();
    PartialDate { year: d.get_full_year() as u16, month: Some(d.get_month() as u8 + 1), day: Some(d.get_date() as u8) }
}

/// Which page shows a dataset as a table (and offers its CSV).
fn table_page(id: &str) -> Option<Page> {
    match id {
        "donations" | "disbursements" | "goods" => Some(Page::Donations),
        "relief" => Some(Page::Relief),
        "coverage" => Some(Page::Coverage),
        "rectification" => Some(Page::Rectification),
        "figures" => Some(Page::Overview),
        _ => None,
    }
}

#[component]
pub fn DataPage() -> impl IntoView {
    let data = use_data();
    let body = move || match data.manifest.get() {
        Load::Idle | Load::Loading => view! { <p class="loading" aria-busy="true">"正在加载数据目录…"</p> }.into_any(),
        Load::Failed(e) => view! { <DataError dataset=Ds::Manifest error=e /> }.into_any(),
        Load::Ready { value: m, .. } => {
            let org = m.organisation.name.clone();
            let today = today();
            view! {
                <ul class="datasets">
                    {m.datasets.iter().cloned().map(|d| view! { <DatasetCard d=d org=org.clone() today=today /> }).collect_view()}
                </ul>
            }
            .into_any()
        }
    };
    view! {
        <section class="data-page">
            <h2>"数据下载与引用"</h2>
            <p class="lead">"本站的全部数据都是公开的 JSON 文件，可直接下载、校验和引用。"</p>
            <p class="muted">
                "每个文件的格式见各自的 JSON Schema；文件的 SHA-256 校验值记录在 "
                <a href="data/manifest.json">"data/manifest.json"</a> "，本站加载数据时会逐一核对。"
            </p>
            {body}
            <RectificationCsv />
        </section>
    }
}

#[component]
fn DatasetCard(d: Dataset, org: String, today: PartialDate) -> impl IntoView {
    let href = format!("data/{}", d.file);
    let badge = if d.sample { view! { <span class="badge sample">"含示例数据"</span> }.into_any() } else { view! { <span class="badge real">"真实数据"</span> }.into_any() };
    let updated = d.last_updated.map(|x| x.zh()).unwrap_or_else(|| "未注明".into());
    let due = match (d.last_updated, d.cadence.as_ref()) {
        (Some(last), Some(c)) => {
            let next = cadence::next_due(last, c);
            let late = cadence::overdue(last, c, today);
            let days = cadence::days_left(last, c, today);
            Some(view! {
                <div class="cadence">
                    <dt>"下次应公开"</dt>
                    <dd>
                        {next.zh()}
                        {if late {
                            view! { <span class="badge overdue">{format!("已逾期 {} 天", -days)}</span> }.into_any()
                        } else {
                            view! { <span class="badge ontime">{format!("还有 {days} 天")}</span> }.into_any()
                        }}
                        <details class="basis"><summary>"依据"</summary><p>{c.basis.clone()}</p>
                            {c.emergency_every_days.map(|n| view! { <p>{format!("重大突发事件应急处置与救援阶段：至少每 {n} 日公开一次。")}</p> })}
                        </details>
                    </dd>
                </div>
            })
        }
        _ => None,
    };
    let page_view = table_page(&d.id).map(View::page);
    let cite = format!(
        "{org}：《{}》，{}数据文件 {}，更新于 {}。{}",
        d.title,
        if d.sample { "含示例数据的" } else { "" },
        d.file,
        updated,
        page_view.as_ref().map(absolute_href).unwrap_or_default()
    );
    let copied = RwSignal::new(false);
    let cite2 = cite.clone();
    let copy = move |_| {
        if let Some(w) = web_sys::window() {
            if let Ok(clip) = js_sys::Reflect::get(&w.navigator(), &"clipboard".into()) {
                if let Ok(f) = js_sys::Reflect::get(&clip, &"writeText".into()) {
                    use wasm_bindgen::JsCast;
                    if let Ok(f) = f.dyn_into::<js_sys::Function>() {
                        let _ = f.call1(&clip, &cite2.clone().into());
                        copied.set(true);
                    }
                }
            }
        }
    };
    let id = d.id.clone();
    view! {
        <li class="dataset card" data-dataset=id>
            <h3>{d.title.clone()}{badge}</h3>
            <dl>
                <div><dt>"文件"</dt><dd><a href=href.clone() download=d.file.clone()>{d.file.clone()}</a>{d.bytes.map(|b| format!("（{} 字节）", format::group_thousands(b)))}</dd></div>
                <div><dt>"记录数"</dt><dd>{d.records.map(|r| format::group_thousands(r)).unwrap_or_else(|| "—".into())}</dd></div>
                <div><dt>"更新于"</dt><dd>{updated}</dd></div>
                {d.date_range.map(|(a, b)| view! { <div><dt>"数据时间范围"</dt><dd>{format!("{} 至 {}", a, b)}</dd></div> })}
                {due}
                <div><dt>"来源"</dt><dd>{d.source.clone()}</dd></div>
                {d.sha256.clone().map(|h| view! { <div><dt>"SHA-256"</dt><dd><code class="hash">{h}</code></dd></div> })}
            </dl>
            <div class="dataset-actions">
                <a class="btn small" href=href download=d.file.clone()>"下载 JSON"</a>
                <a class="btn small" href=format!("schema/{}.schema.json", d.id)>"格式（JSON Schema）"</a>
                {page_view.map(|v| view! { <ViewLink view=v class="btn small">"查看表格 / 下载 CSV"</ViewLink> })}
            </div>
            <div class="cite">
                <label>"引用："<textarea readonly rows="3">{cite}</textarea></label>
                <button type="button" class="btn small" on:click=copy>{move || if copied.get() { "已复制" } else { "复制引用" }}</button>
            </div>
        </li>
    }
}

/// The rectification report as CSV (one row per problem), for spreadsheets.
#[component]
fn RectificationCsv() -> impl IntoView {
    let data = use_data();
    move || {
        data.rectification.get().value().map(|r| {
            let download = move |_| {
                let mut out = String::from("\u{feff}编号,方面,标题,发现的问题,整改措施,整改状态\r\n");
                for p in &r.problems {
                    let row = [
                        p.no.to_string(),
                        r.aspect(p.aspect).map(|a| a.title.clone()).unwrap_or_default(),
                        p.title.clone(),
                        p.finding.clone(),
                        p.measures.iter().enumerate().map(|(i, m)| format!("{}. {m}", i + 1)).collect::<Vec<_>>().join("\n"),
                        p.status.zh().to_string(),
                    ];
                    out.push_str(&row.iter().map(|x| csv::text_field(x)).collect::<Vec<_>>().join(","));
                    out.push_str("\r\n");
                }
                let _ = crate::download::save_text("巡察整改情况_21个问题.csv", "text/csv;charset=utf-8", &out);
            };
            view! { <p><button type="button" class="btn small" on:click=download>"下载整改情况 CSV（21 个问题及措施）"</button></p> }
        })
    }
}
