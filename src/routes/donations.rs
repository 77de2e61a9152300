//! 捐赠: where every yuan and every box of donated goods came from and where it went.
//! Real figures from the report sit beside the ledger; generated sample rows are labelled.

mod words;

use crate::components::{
    index_rows, loaded, ChartView, DataError, FigureCard, FigureTable, JumpNav, SampleNotice, SearchableTable, ValidationNotice, ViewLink,
};
use crate::nav::use_nav;
use crate::state::{use_data, DataFile, Load};
use gongshi_core::chart::Chart;
use gongshi_core::index::Index;
use gongshi_core::ledger::rows::{ledger_rows, Flow, LedgerRow, Tally, Totals};
use gongshi_core::ledger::{charts, directed_use, money_by_year, Disbursement, Donation, Goods};
use gongshi_core::table::{Outcome, Sort, TableState};
use gongshi_core::{format, Diagnostic};
use leptos::prelude::*;
use std::sync::Arc;
use words::words;

const DEFAULT_SORT: Sort<gongshi_core::ledger::rows::LedgerCol> = Sort { column: gongshi_core::ledger::rows::LedgerCol::Date, descending: true };
/// Headline figures from the report shown beside the ledger (problems 7, 14); the rest of the
/// report's money figures are one click away.
const REAL_FIGURES: [&str; 4] = ["fundraising-total-2019-2021", "fundraising-non-directed-share", "online-fundraising-2019-2021", "project-cost-overrun-2021"];

/// The three ledger files, as far as they loaded.
#[derive(Clone)]
struct Ledger {
    rows: Arc<Vec<LedgerRow>>,
    /// The table engine's index over `rows`.
    index: Arc<Index>,
    donations: Arc<Vec<Donation>>,
    disbursements: Arc<Vec<Disbursement>>,
    goods: Arc<Goods>,
    problems: Arc<Vec<Diagnostic>>,
}

fn problems_of<T>(l: &Load<T>) -> Vec<Diagnostic> {
    match l {
        Load::Ready { findings: problems, .. } => problems.as_ref().clone(),
        _ => Vec::new(),
    }
}

#[component]
pub fn DonationsPage() -> impl IntoView {
    let data = use_data();
    let nav = use_nav();
    let t = crate::i18n::use_tr();
    let w = words(t.lang);
    // A ledger published in parts: load only the years the view asks for (all when none).
    let years: Vec<u16> = nav.view.with_untracked(|v| v.table.selected("year").map(|s| s.iter().filter_map(|y| y.parse().ok()).collect()).unwrap_or_default());
    data.ensure_ledger_for(years);

    // Resources first: the ledger (once all three files have answered) and the view state.
    let ledger = Memo::new_with_compare(
        move |_| {
            let (d, x, g) = (data.donations.get(), data.disbursements.get(), data.goods.get());
            if !(d.is_settled() && x.is_settled() && g.is_settled()) {
                return None;
            }
            let mut problems = Vec::new();
            problems.extend(problems_of(&d));
            problems.extend(problems_of(&x));
            problems.extend(problems_of(&g));
            let donations = d.value().unwrap_or_default();
            let disbursements = x.value().unwrap_or_default();
            let goods = g.value().unwrap_or_default();
            let t0 = crate::perf::now();
            // With only some years of a ledger in parts loaded, disbursements drawing on the other
            // years' donations are not errors: check across files only with every year in.
            if !data.donations_progress.with_untracked(|p| p.partial()) {
                problems.extend(gongshi_core::ledger::check_cross(&donations, &disbursements));
            }
            let rows = Arc::new(ledger_rows(&donations, &disbursements, &goods));
            crate::perf::measure_since("gongshi:ledger:rows", t0);
            let t0 = crate::perf::now();
            let index = Arc::new(index_rows(&rows, DEFAULT_SORT));
            crate::perf::measure_since("gongshi:ledger:index", t0);
            Some(Ledger { rows, index, donations, disbursements, goods, problems: Arc::new(problems) })
        },
        // "Changed?" — by identity: a new ledger is always a new Arc.
        |a: Option<&Option<Ledger>>, b: Option<&Option<Ledger>>| match (a, b) {
            (Some(Some(a)), Some(Some(b))) => !Arc::ptr_eq(&a.rows, &b.rows),
            (Some(None), Some(None)) => false,
            _ => true,
        },
    );
    let state = Memo::new(move |_| nav.view.with(|v| v.table.clone()));
    let outcome = Memo::new(move |_| {
        ledger.with(|l| {
            l.as_ref().map(|l| {
                let t0 = crate::perf::now();
                data.pinyin_into(&l.index);
                // The ledger's facets name nothing of the organisation's.
                let o = Arc::new(l.index.run(&l.rows, &state.get(), DEFAULT_SORT, &Default::default()));
                crate::perf::measure_since("gongshi:engine", t0);
                o
            })
        })
    });

    let source = move || {
        data.manifest
            .with(|m| {
                m.value().and_then(|m| {
                    m.dataset("donations").map(|d| w.source_dated(d.source_in(t.lang), &d.last_updated.map(|x| x.to_string()).unwrap_or_default()))
                })
            })
            .unwrap_or_else(|| t.source_of(&format!("data/{}", gongshi_core::ledger::DONATIONS)))
    };

    let errors = move || {
        let mut failed = Vec::new();
        if let Load::Failed(e) = data.donations.get() {
            failed.push((DataFile::Donations, e));
        }
        if let Load::Failed(e) = data.disbursements.get() {
            failed.push((DataFile::Disbursements, e));
        }
        failed.into_iter().map(|(ds, e)| view! { <DataError dataset=ds error=e /> }).collect_view()
    };
    let goods_error = move || match data.goods.get() {
        Load::Failed(e) => Some(view! { <DataError dataset=DataFile::Goods error=e /> }),
        _ => None,
    };

    view! {
        <section class="ledger">
            <h2>{w.heading}</h2>
            <p class="lead">{w.lead}</p>
            <crate::routes::lookup::LookupLink />
            <RealFigures />
            {errors}
            {goods_error}
            {move || match ledger.get() {
                None => {
                    let p = data.donations_progress.get();
                    if p.parts == 0 {
                        view! { <p class="loading" aria-busy="true">{w.loading}</p> }.into_any()
                    } else {
                        view! {
                            <div class="loading" aria-busy="true">
                                <p role="status">{w.loading_parts(p.parts_done, p.parts, p.bytes_done, p.bytes, p.rows)}</p>
                                <progress max=p.bytes.max(1).to_string() value=p.bytes_done.to_string()></progress>
                            </div>
                        }
                        .into_any()
                    }
                }
                Some(l) => view! { <LedgerView ledger=l state=state outcome=outcome source=Signal::derive(source) /> }.into_any(),
            }}
        </section>
    }
}

/// The report's real figures on money, kept apart from the (sample) ledger rows.
#[component]
fn RealFigures() -> impl IntoView {
    let data = use_data();
    let t = crate::i18n::use_tr();
    let w = words(t.lang);
    move || {
        loaded(data.figures.get(), DataFile::Figures, None, move |f, _| {
            let cards: Vec<_> = REAL_FIGURES.iter().filter_map(|id| f.get(id).cloned()).collect();
            let related: Vec<_> = f.figures.iter().filter(|x| x.problem.is_some_and(|p| [2, 7, 8, 9, 14].contains(&p))).cloned().collect();
            view! {
                <section class="real" aria-labelledby="real-h">
                    <h3 id="real-h">{t.real_figures_heading}<span class="badge real">{t.real_badge}</span></h3>
                    <ul class="cards">
                        {cards.into_iter().map(|fig| view! { <FigureCard figure=fig /> }).collect_view()}
                    </ul>
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

/// How long the charts wait after the last change of the filters before redrawing.
const CHART_DELAY_MS: u64 = 250;

/// The ledger's charts: the flow, by month, directed by year, by channel, goods issued.
const CHARTS: usize = 5;

#[component]
fn LedgerView(ledger: Ledger, state: Memo<TableState>, outcome: Memo<Option<Arc<Outcome>>>, source: Signal<String>) -> impl IntoView {
    let rows = ledger.rows.clone();
    let t = crate::i18n::use_tr();
    let w = words(t.lang);
    // Totals follow every keystroke: read from each row's packed kind and amount.
    let tally = Arc::new(Tally::build(&rows));
    let sample_total = tally.sample_rows();
    let real_total = rows.len() - sample_total;
    let r3 = rows.clone();
    let goods = ledger.goods.clone();
    // The charts follow the table once typing pauses: redrawing five charts on every keystroke
    // would cost more than the search itself on a large ledger.
    // They also come after the table on a page's first view: below it, and not worth holding
    // the rows back for (five charts over a large ledger take a while to draw).
    // They follow which rows match, not their order: a sort or a page leaves them as they are.
    // Each is drawn in a task of its own (`staged`, in page order), so that at a million rows
    // the browser can paint and answer a tap between two charts.
    let staged: [RwSignal<Option<Arc<Outcome>>>; CHARTS] = std::array::from_fn(|_| RwSignal::new(None));
    // Which rows the charts show: the table's state without its sort and page, and how many rows
    // matched (a guard for the ledger itself changing under the same filters).
    let charted = StoredValue::new(None::<(TableState, usize)>);
    let later = crate::debounce::Debounce::new(std::time::Duration::from_millis(CHART_DELAY_MS));
    Effect::new(move |_| {
        let Some(o) = outcome.get() else { return };
        let rows = state.with(|s| (TableState { sort: None, page: 0, ..s.clone() }, o.rows.len()));
        if charted.with_value(|c| c.as_ref() == Some(&rows)) {
            later.cancel();
            return;
        }
        later.call(move || {
            charted.set_value(Some(rows.clone()));
            leptos::task::spawn_local(async move {
                for stage in staged {
                    // A newer set of rows has taken over (it draws every chart itself), or the
                    // page is gone (another page, another language): stop.
                    if charted.try_with_value(|c| c.as_ref() == Some(&rows)) != Some(true) {
                        return;
                    }
                    let _ = stage.try_set(Some(o.clone()));
                    crate::perf::yield_now().await;
                }
            });
        });
    });
    // The flow chart, by channel and category or by project (kept in the address: `flow=project`).
    let nav = use_nav();
    let by_project = Memo::new(move |_| nav.view.with(|v| v.flow_by_project));
    let r4 = r3.clone();
    let flow_view = move || {
        let Some(o) = staged[0].get() else { return ().into_any() };
        let src = source.get();
        let project = by_project.get();
        let chart = if project { charts::money_flow_by_project(&r4, &o.rows, &src, t.lang) } else { charts::money_flow(&r4, &o.rows, &src, t.lang) };
        let pick = move |p: bool| move |_| nav.edit_push(|v| v.flow_by_project = p);
        view! {
            <div class="flow-by" role="group" aria-label=w.flow_by_label>
                <button type="button" class="chip" aria-pressed=(!project).to_string() on:click=pick(false)>{w.flow_by_channel}</button>
                <button type="button" class="chip" aria-pressed=project.to_string() on:click=pick(true)>{w.flow_by_project}</button>
            </div>
            <ChartView dataset="donations" chart=Chart::Flow(chart) id="don-flow" file_stem=if project { w.flow_project_chart_file } else { w.flow_chart_file } />
        }
        .into_any()
    };
    let r5 = r3.clone();
    let r6 = r3.clone();
    let monthly = move || {
        staged[1].get().map(|o| {
            view! { <ChartView dataset="donations" chart=Chart::Columns(charts::monthly(&r3, &o.rows, &source.get(), t.lang)) id="don-monthly" file_stem=w.monthly_chart_file /> }
        })
    };
    let directed = move || {
        staged[2].get().map(|o| {
            view! { <ChartView dataset="donations" chart=Chart::Columns(charts::directed_by_year(&r5, &o.rows, &source.get(), t.lang)) id="don-directed" file_stem=w.directed_chart_file /> }
        })
    };
    let r7 = r6.clone();
    let channels = move || {
        staged[3].get().map(|o| {
            view! { <ChartView dataset="donations" chart=Chart::Bars(charts::by_channel(&r6, &o.rows, &source.get(), t.lang)) id="don-channel" file_stem=w.channels_chart_file /> }
        })
    };
    let goods_issued = move || {
        let o = staged[4].get()?;
        let batch_ids: std::collections::BTreeSet<&str> =
            o.rows.iter().map(|i| &r7[*i as usize]).filter(|r| r.flow == Flow::GoodsIn).map(|r| r.id.as_str()).collect();
        let narrow = crate::components::narrow_screen();
        (!batch_ids.is_empty()).then(|| {
            let c = charts::goods_issued(&goods, &batch_ids, &source.get(), t.lang, if narrow { 12 } else { 60 });
            view! { <ChartView dataset="goods" chart=Chart::Bars(c) id="don-goods" file_stem=w.goods_chart_file /> }
        })
    };

    let n = rows.len();
    Effect::new(move |_| crate::perf::mark("gongshi:ledger:ready", Some(n)));
    let data = use_data();
    let partial = move || {
        let p = data.donations_progress.get();
        p.partial().then(|| {
            view! {
                <div class="notice" role="note">
                    <p>{w.partial_years_note(&p.years_loaded, p.years_all.len())}</p>
                    <button type="button" class="btn small" on:click=move |_| data.load_all_years()>{w.load_all_years()}</button>
                </div>
            }
        })
    };
    view! {
        <JumpNav targets=vec![("ledger-table", w.jump_ledger), ("ledger-charts", w.jump_charts), ("ledger-years", w.jump_years), ("ledger-goods", w.jump_goods)] />
        {partial}
        <ValidationNotice findings=ledger.problems.clone() />
        <SampleNotice sample=sample_total real=real_total what=w.records_noun state=state />
        <span id="ledger-table"></span>
        <SearchableTable
            rows=rows.clone()
            state=state
            outcome=outcome
            default_sort=DEFAULT_SORT
            dataset=w.dataset_name
            search_label=w.search_label
            placeholder=w.search_placeholder
            caption=w.table_caption
            totals=Arc::new(move |_: &[LedgerRow], idx: &[u32]| ledger_totals(&tally.totals(idx)))
        />
        <h3 id="ledger-charts">{t.charts_heading}</h3>
        {flow_view}
        {monthly}
        {directed}
        {channels}
        {goods_issued}
        <span id="ledger-years"></span>
        <YearTable donations=ledger.donations.clone() disbursements=ledger.disbursements.clone() />
        <DirectedUse donations=ledger.donations.clone() disbursements=ledger.disbursements.clone() />
        <span id="ledger-goods"></span>
        <GoodsBalances goods=ledger.goods.clone() />
        <p class="muted">{w.goods_file_note}<a href="data/goods.json">"goods.json"</a>{t.full_stop}</p>
        // The report's problem about the cost cap, when the organisation publishes a report that has one.
        {move || {
            let problem = data.figures.with(|f| f.value().and_then(|f| f.get("project-cost-cap-rate").and_then(|x| x.problem)));
            problem.map(|n| view! { <p><ViewLink view=crate::components::figures::problem_view(n) class="src-link">{w.cost_cap_link(n)}</ViewLink></p> })
        }}
    }
}

fn ledger_totals(s: &Totals) -> AnyView {
    let t = crate::i18n::use_tr();
    let w = words(t.lang);
    view! {
        <dl class="totals" aria-label=t.totals_label>
            <div><dt>{w.money_in}</dt><dd>{w.count_money(s.money_in_rows, s.money_in)}{t.reading(s.money_in).map(|r| view! { <span class="wan">{r}</span> })}</dd></div>
            <div><dt>{w.money_out}</dt><dd>{w.count_money(s.money_out_rows, s.money_out)}{t.reading(s.money_out).map(|r| view! { <span class="wan">{r}</span> })}</dd></div>
            <div><dt>{w.goods_value}</dt><dd>{w.batches_money(s.goods_rows, s.goods_value)}{t.reading(s.goods_value).map(|r| view! { <span class="wan">{r}</span> })}</dd></div>
        </dl>
    }
    .into_any()
}

/// Received vs disbursed per year, shares, and the 6.5% cost-cap check.
#[component]
fn YearTable(donations: Arc<Vec<Donation>>, disbursements: Arc<Vec<Disbursement>>) -> impl IntoView {
    let years = money_by_year(&donations, &disbursements);
    let no_years = years.is_empty();
    // Published up to: the earlier of the two ledgers' last updates. A year not yet over in the
    // data is not judged against the annual cap.
    let data = use_data();
    let published = data
        .manifest
        .with_untracked(|m| m.value().and_then(|m| ["donations", "disbursements"].iter().filter_map(|id| m.dataset(id).and_then(|d| d.last_updated)).min()));
    let sample = donations.iter().any(|d| d.origin.is_sample()) || disbursements.iter().any(|d| d.origin.is_sample());
    let pct = |bp: Option<i64>| bp.map(format::percent_bp).unwrap_or_else(|| "—".into());
    let t = crate::i18n::use_tr();
    let w = words(t.lang);
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label=w.years_table_label>
            <table class="years stack">
                <caption>
                    {w.years_table_caption}
                    {sample.then(|| view! { <span class="badge sample">{w.sample_data_badge}</span> })}
                </caption>
                <thead>
                    <tr>
                        <th scope="col">{t.col_year}</th><th scope="col">{w.money_in}</th><th scope="col">{w.col_non_directed}</th>
                        <th scope="col">{w.col_online}</th><th scope="col">{w.col_spent}</th><th scope="col">{w.col_project_costs}</th>
                        <th scope="col">{w.col_cap}</th><th scope="col">{w.col_over}</th>
                    </tr>
                </thead>
                <tbody>
                    {no_years.then(|| view! { <tr><td class="main" colspan="8">{w.no_years}</td></tr> })}
                    {years
                        .into_iter()
                        .map(|y| {
                            let over = y.over_cap();
                            let partial = published.filter(|p| !gongshi_core::ledger::is_complete_year(y.year, *p));
                            let is_over = over.0 > 0 && partial.is_none();
                            let verdict = match partial {
                                Some(p) => w.year_not_over(&t.date(p)),
                                None if is_over => w.over_by(over),
                                None => w.within_cap.to_string(),
                            };
                            view! {
                                <tr>
                                    <th scope="row">{t.year(y.year)}</th>
                                    <td class="num" data-label=w.money_in>{t.money(y.received)}</td>
                                    <td class="num" data-label=w.col_non_directed>{w.with_share(t.money(y.non_directed), pct(y.non_directed_share_bp()))}</td>
                                    <td class="num" data-label=w.col_online>{w.with_share(t.money(y.online), pct(y.online_share_bp()))}</td>
                                    <td class="num" data-label=w.col_spent>{t.money(y.disbursed)}</td>
                                    <td class="num" data-label=w.col_project_costs>{t.money(y.project_costs)}</td>
                                    <td class="num" data-label=w.col_cap>{t.money(y.cost_cap)}</td>
                                    <td class:flag=is_over data-label=w.col_over>{verdict}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// Directed donations per purpose: received, paid out from them, and what is left.
#[component]
fn DirectedUse(donations: Arc<Vec<Donation>>, disbursements: Arc<Vec<Disbursement>>) -> impl IntoView {
    let uses = directed_use(&donations, &disbursements);
    let sample = donations.iter().any(|d| d.origin.is_sample());
    let t = crate::i18n::use_tr();
    let w = words(t.lang);
    view! {
        <details class="goods">
            <summary>{w.directed_summary(uses.len())}</summary>
            <div class="table-wrap" tabindex="0" role="region" aria-label=w.directed_table_label>
                <table class="years stack">
                    <caption>
                        {w.directed_table_caption}
                        {sample.then(|| view! { <span class="badge sample">{w.sample_data_badge}</span> })}
                    </caption>
                    <thead>
                        <tr><th scope="col">{w.col_purpose}</th><th scope="col">{w.col_count}</th><th scope="col">{w.col_received}</th><th scope="col">{w.col_paid}</th><th scope="col">{w.col_left}</th><th scope="col">{w.col_use_share}</th></tr>
                    </thead>
                    <tbody>
                        {uses
                            .into_iter()
                            .map(|u| {
                                let left = u.received - u.disbursed;
                                let share = u.disbursed.share_bp(u.received).map(format::percent_bp).unwrap_or_else(|| "—".into());
                                view! {
                                    <tr>
                                        <th scope="row">{u.to}</th>
                                        <td class="num" data-label=w.col_count>{u.donations}</td>
                                        <td class="num" data-label=w.col_received>{t.money(u.received)}</td>
                                        <td class="num" data-label=w.col_paid>{t.money(u.disbursed)}</td>
                                        <td class="num" data-label=w.col_left>{t.money(left)}</td>
                                        <td class="num" data-label=w.col_use_share>{share}</td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
        </details>
    }
}

/// Every goods batch with its balance (in − out − written off) and public flags.
#[component]
fn GoodsBalances(goods: Arc<Goods>) -> impl IntoView {
    let balances = goods.balances();
    let flagged = balances.iter().filter(|b| !b.flags.is_empty()).count();
    // Open when some batch is flagged, except on phones, where a hundred batch cards would bury
    // the page: there the summary line says how many are flagged, and a tap opens the list.
    let open = flagged > 0 && !crate::components::narrow_screen();
    let t = crate::i18n::use_tr();
    let w = words(t.lang);
    view! {
        <details class="goods" open=open>
            <summary>{w.goods_summary(balances.len(), flagged)}</summary>
            <div class="table-wrap" tabindex="0" role="region" aria-label=w.goods_table_label>
                <table class="goods-table stack">
                    <caption>{w.goods_table_caption}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{w.col_batch}</th><th scope="col">{w.col_item}</th><th scope="col">{w.col_in}</th><th scope="col">{w.col_out}</th>
                            <th scope="col">{w.col_written_off}</th><th scope="col">{w.col_balance}</th><th scope="col">{w.col_flags}</th><th scope="col">{w.col_origin}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {goods
                            .batches
                            .iter()
                            .zip(balances)
                            .map(|(b, bal)| {
                                let unit = b.unit.clone();
                                let is_sample = b.origin.is_sample();
                                let is_flagged = !bal.flags.is_empty();
                                let q = move |n: i64| format!("{}{}", format::group_thousands(n.max(0) as u64), if n < 0 { w.negative_suffix } else { "" });
                                view! {
                                    <tr class:sample=is_sample class:flagged=is_flagged>
                                        <th scope="row">{b.id.clone()}<br /><span class="muted">{b.date.to_string()}</span></th>
                                        <td class="main" data-label=w.col_item>{w.item_unit(&b.item, &unit)}<br /><span class="muted">{b.donor.clone()}</span></td>
                                        <td class="num" data-label=w.col_in>{q(bal.received)}</td>
                                        <td class="num" data-label=w.col_out>{q(bal.out)}</td>
                                        <td class="num" data-label=w.col_written_off>{q(bal.written_off)}</td>
                                        <td class="num" data-label=w.col_balance>{bal.balance.to_string()}</td>
                                        <td class="flags" class:empty=!is_flagged && b.cancelled.is_none() data-label=w.col_flags>
                                            {bal.flags.iter().map(|f| view! { <span class="flag">{format!("⚠ {}", f.label(t.lang))}</span> }).collect_view()}
                                            {b.cancelled.as_ref().map(|c| view! { <span class="muted">{w.cancelled(&c.reason)}</span> })}
                                        </td>
                                        <td data-label=w.col_origin>{b.origin.label(t.lang)}</td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
        </details>
    }
}
