//! 概览: the rectification progress, the key figures of the report, each with its source, and
//! the ledgers' totals from summary.json (no ledger is downloaded for them).

mod words;

use crate::components::{loaded, ChartView, FigureCard, FigureTable, ViewLink};
use crate::state::{use_data, DataFile, Load};
use gongshi_core::summary::Summary;
use gongshi_core::view::{Page, View};
use gongshi_core::Fen;
use leptos::prelude::*;
use std::sync::Arc;
use words::words;

#[component]
pub fn Overview() -> impl IntoView {
    let data = use_data();
    let t = crate::i18n::use_tr();
    let w = words(t.lang);
    // The manifest's source line, else the report's own title.
    let source = move |title: &str| {
        data.manifest.with(|m| m.value().and_then(|m| m.dataset("rectification").map(|d| d.source_in(t.lang).to_string()))).unwrap_or_else(|| title.to_string())
    };

    let progress = move || {
        loaded(data.rectification.get(), DataFile::Rectification, Some(t.loading_rectification), move |r, _| {
            let done = r.status_counts()[&gongshi_core::rectification::Status::Done];
            let total = r.problems.len();
            let insp = &r.inspection;
            let d = |x: Option<gongshi_core::date::PartialDate>| x.map(|d| t.date(d)).unwrap_or_default();
            view! {
                <p class="lead">
                    {w.inspection(&insp.by, &d(insp.start), &d(insp.end), &d(insp.feedback), total)}
                    <strong>{w.rectified_so_far(&d(r.published), done)}</strong>
                </p>
                <ChartView dataset="rectification" chart=gongshi_core::chart::Chart::Bars(r.progress_chart(&source(&r.title), t.lang)) id="rect-progress" file_stem=t.progress_chart_file />
                <p><ViewLink view=View::page(Page::Rectification) class="btn">{w.see_all_problems(total)}</ViewLink></p>
            }
            .into_any()
        })
    };

    let figures = move || {
        loaded(data.figures.get(), DataFile::Figures, Some(w.loading_figures), move |f, _| {
            let key: Vec<_> = f.key_figures().cloned().collect();
            let all = f.figures.clone();
            let n = all.len();
            view! {
                <ul class="cards">
                    {key.into_iter().map(|fig| view! { <FigureCard figure=fig /> }).collect_view()}
                </ul>
                <details class="all-figures">
                    <summary>{w.all_figures(n)}</summary>
                    <FigureTable figures=all caption=w.figures_caption />
                </details>
            }
            .into_any()
        })
    };

    // Nothing at all when the data folder publishes no summary.
    let accounts = move || match data.summary.get() {
        Load::Idle => ().into_any(),
        other => loaded(other, DataFile::Summary, Some(w.loading_accounts), |value, _| view! { <Accounts summary=value /> }.into_any()),
    };

    // A report the organisation does not publish has no section at all.
    let rect_section = move || {
        (!matches!(data.rectification.get(), Load::Unpublished)).then(|| {
            view! {
                <section aria-labelledby="ov-rect">
                    <h2 id="ov-rect">{w.rectification_heading}</h2>
                    {progress}
                </section>
            }
        })
    };
    let fig_section = move || {
        (!matches!(data.figures.get(), Load::Unpublished)).then(|| {
            view! {
                <section aria-labelledby="ov-fig">
                    <h2 id="ov-fig">{w.figures_heading}</h2>
                    <p class="muted">{w.figures_note}</p>
                    {figures}
                </section>
            }
        })
    };

    view! {
        {rect_section}
        {fig_section}
        {accounts}
    }
}

/// 账目一览: money received and disbursed, relief and grassroots units, each a card that opens
/// its page, and money per year; every number marked as sample when it comes from sample records.
#[component]
fn Accounts(summary: Arc<Summary>) -> impl IntoView {
    let t = crate::i18n::use_tr();
    let w = words(t.lang);
    let years = &summary.money_by_year;
    let span = match (years.first(), years.last()) {
        (Some(a), Some(b)) => w.years_span(a.year, b.year),
        _ => String::new(),
    };
    // A total that would overflow is not shown rather than shown wrong.
    let received = Fen::checked_sum(years.iter().map(|y| Fen(y.received_fen)));
    let disbursed = Fen::checked_sum(years.iter().map(|y| Fen(y.disbursed_fen)));
    let relief = &summary.relief_by_programme_year;
    let people: u64 = relief.iter().map(|r| u64::from(r.records) + u64::from(r.aggregate_people)).sum();
    let relief_fen = Fen::checked_sum(relief.iter().flat_map(|r| [Fen(r.records_amount_fen), Fen(r.aggregate_amount_fen)]));
    let relief_span = match (relief.iter().map(|r| r.year).min(), relief.iter().map(|r| r.year).max()) {
        (Some(a), Some(b)) => w.years_span(a, b),
        _ => String::new(),
    };
    let badge = move |sample: bool| sample.then(|| view! { <span class="badge sample">{t.sample_badge}</span> });
    let card = move |label: &'static str, value: String, period: String, sample: bool, page: Page, open: &'static str| {
        view! {
            <li class="card">
                <span class="card-label">{label}{badge(sample)}</span>
                <span class="card-value">{value}</span>
                <span class="card-period">{period}</span>
                <ViewLink view=View::page(page) class="src-link">{open}</ViewLink>
            </li>
        }
    };
    let money_sample = summary.money_sample;
    // A card's figure is read at a glance: 万元 in Chinese, millions in English from a million
    // yuan ("CNY 42.71 million", as the report's figures; whole yuan split over two lines).
    let headline = |fen: Fen| t.reading(fen).unwrap_or_else(|| t.money_total(fen));
    let mut cards = Vec::new();
    if let (false, Some(received), Some(disbursed)) = (years.is_empty(), received, disbursed) {
        cards.push(card(w.received, headline(received), span.clone(), money_sample, Page::Donations, w.open_donations));
        cards.push(card(w.disbursed, headline(disbursed), span, money_sample, Page::Donations, w.open_donations));
    }
    if let (false, Some(fen)) = (relief.is_empty(), relief_fen) {
        cards.push(card(w.relief, w.people_helped(people), format!("{} · {relief_span}", headline(fen)), summary.relief_sample, Page::Relief, w.open_relief));
    }
    // No card for coverage the organisation has not filled in yet.
    if let Some(c) = summary.coverage.as_ref().filter(|c| c.units > 0 || c.village_coverage_bp.is_some()) {
        let period = c.village_coverage_bp.map(|bp| w.village_coverage(bp)).unwrap_or_default();
        cards.push(card(w.grassroots_units, t.units_n(c.units), period, c.sample, Page::Coverage, w.open_coverage));
    }
    let rows = years
        .iter()
        .map(|y| {
            view! {
                <tr>
                    <th scope="row">{y.year}</th>
                    <td class="num">{t.money(Fen(y.received_fen))}</td>
                    <td class="num">{t.money(Fen(y.disbursed_fen))}</td>
                </tr>
            }
        })
        .collect_view();
    let per_year = (!years.is_empty()).then(|| {
        view! {
            <div class="table-wrap" tabindex="0" role="region" aria-label=w.per_year_caption>
                <table class="year-money">
                    <caption>{w.per_year_caption}{badge(money_sample)}</caption>
                    <thead>
                        <tr><th scope="col">{t.col_year}</th><th scope="col" class="num">{w.received}</th><th scope="col" class="num">{w.disbursed}</th></tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
    });
    view! {
        <section aria-labelledby="ov-acc" class="accounts">
            <h2 id="ov-acc">{w.accounts_heading}</h2>
            <p class="muted">{w.accounts_note}</p>
            <crate::routes::lookup::LookupLink />
            {summary.sample.then(|| view! { <p class="notice sample-note" role="note">{w.accounts_sample_note}</p> })}
            {cards.is_empty().then(|| view! { <p class="notice empty" role="note">{w.accounts_empty}</p> })}
            <ul class="cards">{cards}</ul>
            {per_year}
        </section>
    }
}
