//! 救助: relief records (masked), aggregates for children's and medical programmes (small cells
//! suppressed), and the report's real figures on the gap between applications and patients.

mod words;

use crate::components::{loaded, use_outcome, ChartView, FigureTable, SampleNotice, SearchableTable, ValidationNotice};
use crate::nav::use_nav;
use crate::state::{use_data, DataFile};
use gongshi_core::chart::Chart;
use gongshi_core::org::{Programme, Term};
use gongshi_core::relief::{self, publishable, Aggregate, AggregateCol, ReliefRecord, MIN_CELL};
use gongshi_core::table::{Cell, ColKind, Column, Record, Sort};
use gongshi_core::{csv, Fen};
use leptos::prelude::*;
use std::sync::Arc;
use words::words;

const DEFAULT_SORT: Sort<relief::ReliefCol> = Sort { column: relief::ReliefCol::Date, descending: true };

fn totals(rows: &[ReliefRecord], idx: &[u32]) -> AnyView {
    let sum = Fen::checked_sum(idx.iter().filter_map(|i| rows[*i as usize].amount)).unwrap_or(Fen::ZERO);
    let goods = idx.iter().filter(|i| rows[**i as usize].goods.is_some()).count();
    let t = crate::i18n::use_tr();
    let w = words(t.lang);
    view! {
        <dl class="totals" aria-label=t.totals_label>
            <div><dt>{w.total_cases}</dt><dd>{idx.len()}</dd></div>
            <div><dt>{w.total_paid}</dt><dd>{t.yuan(sum)}{t.reading(sum).map(|r| view! { <span class="wan">{r}</span> })}</dd></div>
            <div><dt>{w.total_with_goods}</dt><dd>{w.cases(goods)}</dd></div>
        </dl>
    }
    .into_any()
}

#[component]
pub fn ReliefPage() -> impl IntoView {
    let data = use_data();
    let nav = use_nav();
    let t = crate::i18n::use_tr();
    let w = words(t.lang);
    data.ensure(DataFile::Relief);
    let state = Memo::new(move |_| nav.view.with(|v| v.table.clone()));
    let rows = Memo::new_with_compare(
        move |_| data.relief.with(|l| l.value().map(|r| Arc::new(r.records.clone()))),
        |a: Option<&Option<Arc<Vec<ReliefRecord>>>>, b: Option<&Option<Arc<Vec<ReliefRecord>>>>| match (a, b) {
            (Some(Some(a)), Some(Some(b))) => a.len() != b.len(),
            (Some(None), Some(None)) => false,
            _ => true,
        },
    );
    let outcome = use_outcome(rows.into(), state, DEFAULT_SORT);
    let source = move || {
        data.manifest
            .with(|m| m.value().and_then(|m| m.dataset("relief").map(|d| t.source_of(d.source_in(t.lang)))))
            .unwrap_or_else(|| t.source_of(&format!("data/{}", gongshi_core::relief::FILE)))
    };

    // The programmes the data publishes as records, or only as aggregates, by name.
    let programmes = move |aggregates: bool| {
        data.relief.with(|l| {
            l.value()
                .map(|r| {
                    if aggregates {
                        programme_names(r.aggregates.iter().map(|a| &a.programme), t.lang)
                    } else {
                        programme_names(r.records.iter().map(|x| &x.programme), t.lang)
                    }
                })
                .unwrap_or_default()
        })
    };

    let body = move || {
        loaded(data.relief.get(), DataFile::Relief, Some(w.loading), move |value, problems| {
            let records = rows.get_untracked().unwrap_or_default();
            let sample = records.iter().filter(|r| r.is_sample()).count();
            let real = records.len() - sample;
            let r2 = records.clone();
            let src = source();
            let division = data.organisation().division_label_in(t.lang).to_string();
            let stem = w.by_division_chart_file(&division);
            let charts = move || {
                outcome.get().map(|o| view! { <ChartView dataset="relief" chart=Chart::Bars(relief::by_county_chart(&r2, &o.rows, &src, t.lang, &data.org())) id="relief-county" file_stem=stem.clone() /> })
            };
            view! {
                <ValidationNotice findings=problems />
                <SampleNotice sample=sample real=real what=w.records_noun state=state />
                <SearchableTable
                    rows=records
                    state=state
                    outcome=outcome
                    default_sort=DEFAULT_SORT
                    dataset=w.dataset_name
                    search_label=w.search_label(&division)
                    placeholder=w.search_placeholder(value.records.first().map(|r| r.county.name.as_str()))
                    caption=w.table_caption
                    totals=Arc::new(totals)
                />
                <h3>{t.charts_heading}</h3>
                {charts}
                {(!value.aggregates.is_empty()).then(|| view! { <Aggregates aggregates=Arc::new(value.aggregates.clone()) /> })}
            }
            .into_any()
        })
    };

    view! {
        <section class="relief">
            <h2>{w.heading}</h2>
            <p class="lead">{move || w.lead(&programmes(false))}</p>
            <div class="notice privacy" role="note">
                <strong>{w.privacy_heading}</strong>
                {move || w.privacy_text(&programmes(true), data.org().division_label_in(t.lang))}
            </div>
            <RealRelief />
            {body}
        </section>
    }
}

/// The names of the programmes given, each once, in the programmes' order.
fn programme_names<'a>(programmes: impl Iterator<Item = &'a Term<Programme>>, lang: gongshi_core::Lang) -> Vec<String> {
    let set: std::collections::BTreeMap<u32, &Term<Programme>> = programmes.map(|p| (p.code, p)).collect();
    // "Other" is no name to list ("…、其他救助等救助").
    set.into_values().filter(|p| p.key != "other").map(|p| p.label(lang).to_string()).collect()
}

/// Problems 2 and 5, as published.
#[component]
fn RealRelief() -> impl IntoView {
    let data = use_data();
    let t = crate::i18n::use_tr();
    let w = words(t.lang);
    let rect_link = crate::nav::href(&crate::components::figures::problem_view(5).with_lang(t.lang));
    move || {
        loaded(data.figures.get(), DataFile::Figures, None, |f, _| {
            // The report's source line (the manifest's, else the figures' own source section).
            let report =
                data.manifest.with_untracked(|m| m.value().and_then(|m| m.dataset("figures").map(|d| d.source_in(t.lang).to_string()))).unwrap_or_default();
            let src = w.source_of_problem(&report, 5);
            let chart = relief::application_gap_chart(&f, &src, t.lang);
            // The report's own words for problem 5, as published (data text is never translated).
            let mut quotes: Vec<String> = Vec::new();
            for fig in f.figures.iter().filter(|x| x.problem == Some(5)) {
                if !quotes.contains(&fig.quote) {
                    quotes.push(fig.quote.clone());
                }
            }
            let said = quotes.join(words::QUOTES_JOINED_BY);
            let related: Vec<_> = f.figures.iter().filter(|x| x.problem.is_some_and(|p| p == 5) || x.id == "undisclosed-temporary-relief").cloned().collect();
            view! {
                <section class="real" aria-labelledby="relief-real">
                    <h3 id="relief-real">{t.real_figures_heading}<span class="badge real">{t.real_badge}</span></h3>
                    <p>
                        <span lang="zh-CN">{format!("{}“{said}”", t.quote_prefix)}</span>
                        <a href=rect_link.clone()>{w.problem_5_link}</a>
                    </p>
                    {chart.map(|c| view! { <ChartView dataset="figures" chart=Chart::Columns(c) id="relief-gap" file_stem=w.gap_chart_file /> })}
                    <details>
                        <summary>{w.related_figures}</summary>
                        <FigureTable figures=related caption=w.related_figures_caption />
                    </details>
                </section>
            }
            .into_any()
        })
    }
}

/// Children's and medical programmes: only aggregates, small cells suppressed everywhere.
#[component]
fn Aggregates(aggregates: Arc<Vec<Aggregate>>) -> impl IntoView {
    let nav = use_nav();
    let t = crate::i18n::use_tr();
    let w = words(t.lang);
    let data = crate::state::use_data();
    let org = data.organisation();
    let org2 = org.clone();
    let org3 = org.clone();
    let names = programme_names(aggregates.iter().map(|a| &a.programme), t.lang);
    let filtered = {
        let aggregates = aggregates.clone();
        move || {
            let st = nav.view.with(|v| v.table.clone());
            let counties = st.selected("county").cloned();
            let years = st.selected("year").cloned();
            (0..aggregates.len() as u32)
                .filter(|i| {
                    let a = &aggregates[*i as usize];
                    counties.as_ref().is_none_or(|c| c.contains(&a.county.name)) && years.as_ref().is_none_or(|y| y.contains(&a.year.to_string()))
                })
                .collect::<Vec<u32>>()
        }
    };
    let a2 = aggregates.clone();
    let f2 = filtered.clone();
    let download = move |_| {
        let idx = publishable(&a2, &f2());
        let text = csv::to_csv(&a2, &idx, &org2);
        let name = csv::file_name_in(t.lang, w.aggregates_file, &[], idx.len());
        let _ = crate::download::save_text(&name, "text/csv;charset=utf-8", &text);
    };
    let a3 = aggregates.clone();
    view! {
        <section class="aggregates" aria-labelledby="agg-h">
            <h3 id="agg-h">{w.aggregates_heading}</h3>
            <p class="muted">{w.aggregates_note(MIN_CELL, org.division_label_in(t.lang))}</p>
            <button type="button" class="btn small" on:click=download>{w.aggregates_download}</button>
            // Sixty cells are many cards on a phone: there the table opens on a tap.
            <details class="agg-details" open=!crate::components::narrow_screen()>
            <summary>{w.aggregates_summary(aggregates.len(), aggregates.iter().filter(|a| a.suppressed()).count())}</summary>
            <div class="table-wrap" tabindex="0" role="region" aria-label=w.aggregates_table_label>
                <table class="agg-table stack">
                    <caption>{w.aggregates_caption(&names)}</caption>
                    <thead>
                        <tr>{AggregateCol::ALL.iter().map(|c| view! { <th scope="col">{c.def().heading(t.lang, &org).to_string()}</th> }).collect_view()}</tr>
                    </thead>
                    <tbody>
                        {move || {
                            filtered()
                                .into_iter()
                                .map(|i| {
                                    let a = &a3[i as usize];
                                    let cells = AggregateCol::ALL
                                        .iter()
                                        .map(|c| match a.cell_lang(*c, t.lang) {
                                            Cell::Money(f) => t.money(f),
                                            Cell::Int(n) => n.to_string(),
                                            Cell::Text(t) => t.into_owned(),
                                            Cell::Date(d) => d.to_string(),
                                            Cell::Empty => "—".into(),
                                        })
                                        .collect::<Vec<_>>();
                                    let suppressed = a.suppressed();
                                    view! {
                                        <tr class:suppressed=suppressed class:sample=a.origin.is_sample()>
                                            {AggregateCol::ALL.iter().zip(cells).enumerate().map(|(k, (&c, text))| {
                                                let col = c.def();
                                                let class = if col.kind == ColKind::Text && c != AggregateCol::People { "" } else { "num" };
                                                if k == 0 { view! { <th scope="row">{text}</th> }.into_any() } else { view! { <td class=class data-label=col.heading(t.lang, &org3).to_string()>{text}</td> }.into_any() }
                                            }).collect_view()}
                                        </tr>
                                    }
                                })
                                .collect_view()
                        }}
                    </tbody>
                </table>
            </div>
            </details>
        </section>
    }
}
