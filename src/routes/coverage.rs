//! 组织覆盖: grassroots units per county against its townships and villages, and volunteer
//! teams before and after. A county (of those the data lists) can be chosen (in the URL).

mod words;

use crate::components::{loaded, use_outcome, ChartView, FigureTable, SearchableTable, ValidationNotice};
use crate::nav::use_nav;
use crate::state::{use_data, DataFile};
use gongshi_core::chart::Chart;
use gongshi_core::coverage::{self, CountyRow};
use gongshi_core::format;
use gongshi_core::table::Sort;
use leptos::prelude::*;
use std::sync::Arc;
use words::words;

const DEFAULT_SORT: Sort<coverage::CountyCol> = Sort { column: coverage::CountyCol::County, descending: false };

fn totals(rows: &[CountyRow], idx: &[u32]) -> AnyView {
    let sel: Vec<&CountyRow> = idx.iter().map(|i| &rows[*i as usize]).collect();
    let units: u32 = sel.iter().map(|r| r.units()).sum();
    let vu: u32 = sel.iter().map(|r| r.village_units).sum();
    let v: u32 = sel.iter().map(|r| r.villages).sum();
    let cov = coverage::coverage_bp(vu, v).map(format::percent_bp).unwrap_or_else(|| "—".into());
    let t = crate::i18n::use_tr();
    let w = words(t.lang);
    view! {
        <dl class="totals" aria-label=w.totals_label>
            <div><dt>{w.units}</dt><dd>{t.units_n(units)}</dd></div>
            <div><dt>{w.village_level}</dt><dd>{w.villages_of(vu, v)}</dd></div>
            <div><dt>{w.village_rate}</dt><dd>{cov}</dd></div>
        </dl>
    }
    .into_any()
}

#[component]
pub fn CoveragePage() -> impl IntoView {
    let data = use_data();
    let nav = use_nav();
    let t = crate::i18n::use_tr();
    let w = words(t.lang);
    data.ensure(DataFile::Coverage);
    let state = Memo::new(move |_| nav.view.with(|v| v.table.clone()));
    let rows = Memo::new_with_compare(
        move |_| data.coverage.with(|l| l.value().map(|c| Arc::new(c.counties.clone()))),
        |a: Option<&Option<Arc<Vec<CountyRow>>>>, b: Option<&Option<Arc<Vec<CountyRow>>>>| match (a, b) {
            (Some(Some(a)), Some(Some(b))) => a.len() != b.len(),
            (Some(None), Some(None)) => false,
            _ => true,
        },
    );
    let outcome = use_outcome(rows.into(), state, DEFAULT_SORT);
    let chosen = move || state.with(|s| s.selected("county").and_then(|c| (c.len() == 1).then(|| c.iter().next().cloned()).flatten()));
    let choose = move |county: Option<String>| {
        nav.edit_push(|v| {
            match &county {
                Some(c) => v.table.facets.insert("county".into(), [c.clone()].into()),
                None => v.table.facets.remove("county"),
            };
            v.table.page = 0;
        })
    };
    // The manifest's source line for the coverage file, else the file itself.
    let source = move || {
        data.manifest
            .with(|m| m.value().and_then(|m| m.dataset("coverage").map(|d| t.source_of(d.source_in(t.lang)))))
            .unwrap_or_else(|| t.source_of(&format!("data/{}", coverage::FILE)))
    };

    let body = move || {
        loaded(data.coverage.get(), DataFile::Coverage, Some(w.loading), move |cov, problems| {
            let counties = rows.get_untracked().unwrap_or_default();
            let c2 = counties.clone();
            let src = source();
            let org = data.organisation();
            let division = org.division_label_in(t.lang).to_string();
            let charts = move || {
                let o = outcome.get()?;
                if c2.is_empty() {
                    return None;
                }
                let sel: Vec<&CountyRow> = o.rows.iter().map(|i| &c2[*i as usize]).collect();
                Some(view! {
                    <ChartView dataset="coverage" chart=Chart::Bars(coverage::coverage_chart(&sel, &src, t.lang, &org)) id="cov-rate" file_stem=w.rate_chart_file />
                    <ChartView dataset="coverage" chart=Chart::Columns(coverage::units_chart(&sel, &src, t.lang, &org)) id="cov-units" file_stem=w.levels_chart_file />
                })
            };
            let before = coverage::teams_before_chart(&cov.teams_before, &w.teams_before_source(cov.teams_before.problem), t.lang);
            let after = coverage::teams_after_chart(
                &cov.teams_after,
                cov.teams_after_total,
                &w.teams_after_source(cov.teams_before.problem, cov.teams_after_total),
                t.lang,
            );
            let facts = cov.facts.clone();
            // Said to agree with the report's totals only when the county rows add up to them.
            let agree = cov.counties_match_city();
            // The report's own words, the sample notice and the teams appear only when the data has them.
            let sample = counties.iter().any(|c| c.origin.is_sample());
            let teams = before.is_some() || !cov.teams_after.is_empty();
            view! {
                <ValidationNotice findings=problems />
                {(!facts.is_empty()).then(|| view! {
                    <section class="real">
                        <h3>{w.report_text_heading}<span class="badge real">{t.real_badge}</span></h3>
                        <ul class="facts">
                            {facts.into_iter().map(|(fact, p)| view! { <li>{fact}{p.map(|n| view! { <a class="src-link" href=crate::nav::href(&crate::components::figures::problem_view(n).with_lang(t.lang))>{w.problem_link(n)}</a> })}</li> }).collect_view()}
                        </ul>
                    </section>
                })}
                {sample.then(|| view! { <div class="notice sample-notice" role="note"><p><strong>{w.sample_note_strong(&division)}</strong>{w.sample_note_rest(cov.city.units_total, cov.city.village_units, cov.city.village_coverage_bp, agree)}</p></div> })}
                <h3>{w.divisions_heading(&division)}</h3>
                <SearchableTable
                    rows=counties
                    state=state
                    outcome=outcome
                    default_sort=DEFAULT_SORT
                    dataset=w.dataset_name
                    search_label=w.search_label(&division)
                    placeholder=w.search_placeholder(cov.counties.first().map(|c| c.county.name.as_str()))
                    caption=w.table_caption(&division)
                    totals=Arc::new(totals)
                />
                {charts}
                {teams.then(|| view! {
                    <h3>{w.teams_heading}</h3>
                    {before.map(|c| view! { <ChartView dataset="coverage" chart=Chart::Bars(c) id="teams-before" file_stem=w.teams_before_chart_file /> })}
                    <ChartView dataset="coverage" chart=Chart::Bars(after) id="teams-after" file_stem=w.teams_after_chart_file />
                })}
            }
            .into_any()
        })
    };

    let related = move || {
        loaded(data.figures.get(), DataFile::Figures, None, move |f, _| {
            let figs: Vec<_> = f.figures.iter().filter(|x| x.problem.is_some_and(|p| [3, 4, 6].contains(&p))).cloned().collect();
            view! { <details><summary>{w.related_figures}</summary><FigureTable figures=figs caption=w.related_figures_caption /></details> }.into_any()
        })
    };

    view! {
        <section class="coverage">
            <h2>{w.heading}</h2>
            <p class="lead">{w.lead}</p>
            <nav class="county-picker" aria-label=move || w.pick_division(data.org().division_label_in(t.lang))>
                <button type="button" class="chip" aria-pressed=move || chosen().is_none().to_string() on:click=move |_| choose(None)>{w.all_divisions}</button>
                // The counties the data lists, in its order.
                {move || {
                    let names: Vec<String> = data.coverage.with(|l| l.value().map(|c| c.counties.iter().map(|r| r.county.name.clone()).collect()).unwrap_or_default());
                    names
                        .into_iter()
                        .map(|name| {
                            let n2 = name.clone();
                            let label = name.clone();
                            view! { <button type="button" class="chip" aria-pressed=move || (chosen().as_deref() == Some(n2.as_str())).to_string() on:click=move |_| choose(Some(name.clone()))>{label}</button> }
                        })
                        .collect_view()
                }}
            </nav>
            {body}
            {related}
        </section>
    }
}
