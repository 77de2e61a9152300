//! 数据: every dataset with its file, size, record count, last update, real or sample, the
//! legal publication cadence (next due date, overdue badge), its checksum and a citation line.

mod words;

use crate::components::{loaded, ViewLink};
use crate::nav::absolute_href;
use crate::state::{use_data, DataFile as Ds};
use gongshi_core::cadence;
use gongshi_core::date::PartialDate;
use gongshi_core::manifest::Dataset;
use gongshi_core::view::{Page, View};
use gongshi_core::{csv, format};
use leptos::prelude::*;
use words::words;

/// Today, from the browser's clock (the data page's freshness badges, the history's calendar).
/// What is worded from it carries `data-today`: a static first view leaves it out
/// (scripts/prerender.mjs), since it would go stale the day after `make dist`.
pub(crate) fn today() -> PartialDate {
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
    let t = crate::i18n::use_tr();
    let w = words(t.lang);
    let body = move || {
        loaded(data.manifest.get(), Ds::Manifest, Some(w.loading), move |m, _| {
            let org = m.organisation.name_in(t.lang).to_string();
            let today = today();
            view! {
                <ul class="datasets">
                    {m.datasets.iter().cloned().map(|d| view! { <DatasetCard d=d org=org.clone() today=today /> }).collect_view()}
                </ul>
            }
            .into_any()
        })
    };
    view! {
        <section class="data-page">
            <h2>{w.heading}</h2>
            <p class="lead">{w.lead}</p>
            <p class="muted">
                {w.schema_note_before}
                <a href="data/manifest.json">"data/manifest.json"</a> {w.schema_note_after}
            </p>
            {body}
            <RectificationCsv />
        </section>
    }
}

#[component]
fn DatasetCard(d: Dataset, org: String, today: PartialDate) -> impl IntoView {
    let t = crate::i18n::use_tr();
    let w = words(t.lang);
    let href = format!("data/{}", d.file);
    let badge = if d.sample {
        view! { <span class="badge sample">{w.has_sample_badge}</span> }.into_any()
    } else {
        view! { <span class="badge real">{w.real_data_badge}</span> }.into_any()
    };
    let updated = d.last_updated.map(|x| t.date(x)).unwrap_or_else(|| w.not_stated.into());
    let due = match (d.last_updated, d.cadence.as_ref()) {
        (Some(last), Some(c)) => {
            let next = cadence::next_due(last, c);
            let late = cadence::overdue(last, c, today);
            let days = cadence::days_left(last, c, today);
            Some(view! {
                <div class="cadence">
                    <dt>{w.next_due}</dt>
                    <dd>
                        {t.date(next)}
                        {if late {
                            view! { <span class="badge overdue">{w.overdue()}<span data-today="">{w.overdue_days(-days)}</span></span> }.into_any()
                        } else {
                            view! { <span class="badge ontime" data-today="">{w.days_left(days)}</span> }.into_any()
                        }}
                        <details class="basis"><summary>{w.legal_basis}</summary><p>{c.basis.clone()}</p>
                            {c.emergency_every_days.map(|n| view! { <p>{w.emergency_cadence(n)}</p> })}
                        </details>
                    </dd>
                </div>
            })
        }
        _ => None,
    };
    let page_view = table_page(&d.id).map(|p| View::page_in(p, t.lang));
    let cite = w.citation(&org, d.title_in(t.lang), d.sample, &d.file, &updated, &page_view.as_ref().map(absolute_href).unwrap_or_default());
    let copied = RwSignal::new(false);
    let cite2 = cite.clone();
    let copy = move |_| {
        if let Some(win) = web_sys::window() {
            if let Ok(clip) = js_sys::Reflect::get(&win.navigator(), &"clipboard".into()) {
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
            <h3>{d.title_in(t.lang).to_string()}{badge}</h3>
            <dl>
                <div><dt>{t.file}</dt><dd><a href=href.clone() download=d.file.clone()>{d.file.clone()}</a>{d.bytes.map(|b| w.file_size(b))}</dd></div>
                <div><dt>{w.records_label}</dt><dd>{d.records.map(format::group_thousands).unwrap_or_else(|| "—".into())}</dd></div>
                <div><dt>{w.updated_label}</dt><dd>{updated.clone()}</dd></div>
                {d.date_range.map(|(a, b)| view! { <div><dt>{w.date_range_label}</dt><dd>{w.date_span(&a.to_string(), &b.to_string())}</dd></div> })}
                {due}
                <div><dt>{w.source_label}</dt><dd>{d.source_in(t.lang).to_string()}</dd></div>
                {d.sha256.clone().map(|h| view! { <div><dt>"SHA-256"</dt><dd><code class="hash">{h}</code></dd></div> })}
            </dl>
            {(!d.parts.is_empty()).then(|| {
                let n = d.parts.len();
                view! {
                    <details class="parts">
                        <summary>{w.parts_summary(n)}</summary>
                        <ul>
                            {d.parts.iter().map(|p| view! {
                                <li>
                                    <a href=format!("data/{}", p.file) download=p.file.clone()>{p.file.clone()}</a>
                                    {p.records.map(|r| format!(" · {}", w.records_count(r)))}
                                    {p.bytes.map(|b| w.file_size(b))}
                                    {p.sha256.clone().map(|h| view! { <br /><code class="hash">{h}</code> })}
                                </li>
                            }).collect_view()}
                        </ul>
                    </details>
                }
            })}
            <div class="dataset-actions">
                <a class="btn small" href=href download=d.file.clone()>{w.download_json}</a>
                <a class="btn small" href=format!("schema/{}.schema.json", d.id)>{w.schema_link}</a>
                {page_view.map(|v| view! { <ViewLink view=v class="btn small">{w.view_table_link}</ViewLink> })}
            </div>
            <div class="cite">
                <label>{w.citation_label}<textarea readonly rows="3">{cite}</textarea></label>
                <button type="button" class="btn small" on:click=copy>{move || if copied.get() { t.copied } else { w.copy_citation }}</button>
            </div>
        </li>
    }
}

/// The rectification report as CSV (one row per problem), for spreadsheets.
#[component]
fn RectificationCsv() -> impl IntoView {
    let data = use_data();
    let t = crate::i18n::use_tr();
    let w = words(t.lang);
    move || {
        data.rectification.get().value().map(|r| {
            let download = move |_| {
                let mut out = format!("\u{feff}{}\r\n", w.rect_csv_header);
                for p in &r.problems {
                    let row = [
                        p.no.to_string(),
                        r.aspect(p.aspect).map(|a| a.title.clone()).unwrap_or_default(),
                        p.title.clone(),
                        p.finding.clone(),
                        p.measures.iter().enumerate().map(|(i, m)| format!("{}. {m}", i + 1)).collect::<Vec<_>>().join("\n"),
                        p.status.label(t.lang).to_string(),
                    ];
                    out.push_str(&row.iter().map(|x| csv::text_field(x)).collect::<Vec<_>>().join(","));
                    out.push_str("\r\n");
                }
                let _ = crate::download::save_text(w.rect_csv_file, "text/csv;charset=utf-8", &out);
            };
            view! { <p><button type="button" class="btn small" on:click=download>{w.rect_csv_button}</button></p> }
        })
    }
}
