//! 整改: the 21 problems, searchable as you type, faceted by aspect and status, each expandable
//! to what was found and what was done. All of the page's state is in the URL; the search and
//! the facets are answered by the one table engine (`Rectification::run`, problems as records).

mod words;

use crate::components::{loaded, ChartView, FacetGroup, FacetOption, FigureTable, Highlighted, ValidationNotice};
use crate::nav::use_nav;
use crate::state::{use_data, DataFile};
use gongshi_core::figures::Figures;
use gongshi_core::rectification::{Problem, ProblemFacet, Rectification, Status};
use gongshi_core::search::Query;
use gongshi_core::table::{Facet, TableState};
use leptos::prelude::*;
use std::sync::Arc;
use words::words;

#[component]
pub fn RectificationPage() -> impl IntoView {
    let data = use_data();
    let nav = use_nav();
    let t = crate::i18n::use_tr();
    let state = Memo::new(move |_| nav.view.with(|v| v.rect.table.clone()));
    let open = Memo::new(move |_| nav.view.with(|v| v.rect.open.clone()));

    let body = move || {
        loaded(data.rectification.get(), DataFile::Rectification, Some(t.loading_rectification), move |value, problems| {
            view! { <Tracker rect=value problems=problems state=state open=open /> }.into_any()
        })
    };
    view! { <section class="rect">{body}</section> }
}

#[component]
fn Tracker(
    rect: Arc<Rectification>,
    problems: Arc<Vec<gongshi_core::Diagnostic>>,
    state: Memo<TableState>,
    open: Memo<std::collections::BTreeSet<u32>>,
) -> impl IntoView {
    let nav = use_nav();
    let data = use_data();
    let t = crate::i18n::use_tr();
    let w = words(t.lang);
    let source = data
        .manifest
        .with_untracked(|m| m.value().and_then(|m| m.dataset("rectification").map(|d| d.source_in(t.lang).to_string())))
        .unwrap_or_else(|| rect.title.clone());
    let total = rect.problems.len();
    // The one table engine answers the search and the facets.
    let r = rect.clone();
    // A Latin letter in the search: the pinyin table is wanted, and used once it is in.
    Effect::new(move |_| {
        if state.with(|s| gongshi_core::pinyin::wants_table(&s.query)) {
            data.want_pinyin();
        }
    });
    let outcome = Memo::new(move |_| {
        let table = data.pinyin_table();
        state.with(|s| Arc::new(r.run_with(s, table.as_deref())))
    });

    let r = rect.clone();
    let facets = move || {
        let o = outcome.get();
        ProblemFacet::ALL
            .iter()
            .map(|f| {
                let options = r
                    .facet_values(&o, *f)
                    .into_iter()
                    .map(|v| FacetOption {
                        key: f.value_key(v.code),
                        label: match f {
                            ProblemFacet::Aspect => w.aspect_label(v.code, r.aspect(v.code).map(|a| a.title.as_str()).unwrap_or("")),
                            ProblemFacet::Status => f.label(v.code, t.lang),
                        },
                        count: v.count,
                        selected: v.selected,
                    })
                    .collect();
                let key = f.key();
                let toggle = Callback::new(move |k: String| nav.edit_push(|v| v.rect.table.toggle(key, &k)));
                let def = f.def();
                view! { <FacetGroup legend=t.lang.pick(def.label, def.en) options=options on_toggle=toggle /> }
            })
            .collect_view()
    };

    // The report's own channels; where it gives none, the organisation's.
    let contact = channels(&rect.contact, &data.organisation());
    let ask_to = contact.email.clone();
    let r = rect.clone();
    let list = move || {
        let o = outcome.get();
        let (q, any_filter) = state.with(|s| (Query::new(&s.query), s.is_filtered()));
        let shown: Vec<Problem> = o.rows.iter().map(|i| r.problems[*i as usize].clone()).collect();
        let n = shown.len();
        let figures = data.figures.with(|l| l.value());
        view! {
            <div class="result-bar">
                <p class="result-count" role="status" aria-live="polite">
                    {w.problems_count(total, n, any_filter)}
                </p>
                {any_filter.then(|| view! {
                    <button type="button" class="btn small" on:click=move |_| nav.edit_push(|v| v.rect.table = Default::default())>{w.clear_filters}</button>
                })}
            </div>
            {(n == 0).then(|| view! { <p class="empty">{w.no_problems}</p> })}
            <ol class="problems">
                {shown
                    .into_iter()
                    .map(|p| view! { <ProblemCard problem=p query=q.clone() open=open figures=figures.clone() ask_to=ask_to.clone() /> })
                    .collect_view()}
            </ol>
        }
    };

    let chart = rect.progress_chart(&source, t.lang);
    let on_input = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        nav.edit(|v| v.rect.table.query = value);
    };
    let notes = rect.transcription_notes.clone();
    let steps = rect.next_steps.clone();
    let org_text = rect.organisation_of_work.clone();

    let printing = crate::state::use_printing();
    let counts = rect.status_counts();
    let stats = Status::ALL
        .iter()
        .map(|s| {
            let n = counts.get(s).copied().unwrap_or(0);
            view! { <li class=format!("stat stat-{}", s.key())><span class="stat-n">{n}</span><span class="stat-label">{s.label(t.lang)}</span></li> }
        })
        .collect_view();
    let wide = web_sys::window().and_then(|win| win.inner_width().ok()).and_then(|v| v.as_f64()).is_some_and(|px| px >= 720.0);
    let filters_open = wide || state.with_untracked(|s| s.facets.values().any(|v| !v.is_empty()));
    let active = move || state.with(|s| s.facets.values().map(|v| v.len()).sum::<usize>());

    view! {
        <h2>{w.heading}</h2>
        <p class="doc-title">{rect.title.clone()}</p>
        <p class="print-only">{w.print_line(&rect.publisher, &rect.published.map(|d| t.date(d)).unwrap_or_default())}</p>
        <button type="button" class="btn small no-print" on:click=move |_| print_all(printing)>{w.print_all}</button>
        <ValidationNotice findings=problems />
        <ul class="stats" aria-label=w.progress_label>{stats}</ul>
        <div class="search">
            <label for="rect-search">{w.search_label}</label>
            <input
                id="rect-search"
                type="search"
                placeholder=w.search_placeholder
                autocomplete="off"
                prop:value=move || state.with(|s| s.query.clone())
                on:input=on_input
            />
        </div>
        <details class="filters" open=filters_open>
            <summary>{w.filters_label} {move || (active() > 0).then(|| t.selected(active()))}</summary>
            <div class="facets">{facets}</div>
        </details>
        {list}
        <h3>{w.progress_chart_heading}</h3>
        <ChartView dataset="rectification" chart=gongshi_core::chart::Chart::Bars(chart) id="rect-progress" file_stem=t.progress_chart_file />
        <FeedbackChannels contact=contact />
        <section class="report-extra">
            <details>
                <summary>{w.work_organisation}</summary>
                <p>{org_text}</p>
            </details>
            <details>
                <summary>{w.next_steps}</summary>
                <ol>{steps.into_iter().map(|s| view! { <li><strong>{s.title}</strong>{t.full_stop}{s.text}</li> }).collect_view()}</ol>
            </details>
            <details>
                <summary>{w.about_transcription}</summary>
                <ul class="muted">{notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
            </details>
        </section>
    }
}

/// Expands everything, then opens the browser's print dialog.
fn print_all(printing: crate::state::Printing) {
    printing.0.set(true);
    if let Some(w) = web_sys::window() {
        let cb = wasm_bindgen::closure::Closure::once_into_js(move || {
            if let Some(w) = web_sys::window() {
                let _ = w.print();
            }
        });
        use wasm_bindgen::JsCast;
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), 50);
    }
}

#[component]
fn ProblemCard(
    problem: Problem,
    query: Query,
    open: Memo<std::collections::BTreeSet<u32>>,
    figures: Option<Arc<Figures>>,
    ask_to: Option<String>,
) -> impl IntoView {
    let nav = use_nav();
    let t = crate::i18n::use_tr();
    let w = words(t.lang);
    let printing = crate::state::use_printing();
    let no = problem.no;
    let is_open = move || printing.get() || open.with(|o| o.contains(&no));
    let toggle = move |_| {
        nav.edit(|v| {
            if !v.rect.open.remove(&no) {
                v.rect.open.insert(no);
            }
        })
    };
    let panel_id = format!("problem-{no}-detail");
    let status = problem.status;
    let related: Vec<_> = figures.map(|f| f.for_problem(no).cloned().collect()).unwrap_or_default();
    let q2 = query.clone();
    let p2 = problem.clone();
    let detail = move || {
        is_open().then(|| {
            let p = p2.clone();
            let q = q2.clone();
            let related = related.clone();
            view! {
                <h4>{w.finding_heading}</h4>
                <p class="finding"><Highlighted text=p.finding.clone() query=q.clone() /></p>
                <h4>{w.measures_heading}</h4>
                <ol class="measures">
                    {p.measures
                        .iter()
                        .enumerate()
                        .map(|(i, m)| view! { <li><span class="ord">{w.measure_ordinal(i + 1)}</span><Highlighted text=m.clone() query=q.clone() /></li> })
                        .collect_view()}
                </ol>
                {(!p.dates.is_empty()).then(|| view! {
                    <h4>{w.dates_heading}</h4>
                    <ul class="dates">
                        {p.dates.iter().map(|d| view! { <li><time datetime=d.date.to_string()>{t.date(d.date)}</time>" "{d.what.clone()}</li> }).collect_view()}
                    </ul>
                })}
                {(!related.is_empty()).then(|| view! { <FigureTable figures=related caption=w.problem_figures(no) /> })}
                {ask_to.as_deref().and_then(|to| {
                    let link = crate::nav::absolute_href(&crate::components::figures::problem_view(no).with_lang(t.lang));
                    let (subject, body) = w.ask_email(no, &p.title, &link);
                    gongshi_core::feedback::mailto(to, &subject, &body)
                })
                .map(|href| view! { <p class="ask no-print"><a class="ask-link" href=href>{w.ask_link}</a></p> })}
            }
        })
    };
    view! {
        <li class="problem" id=format!("problem-{no}") data-no=no>
            <button type="button" class="problem-head" aria-expanded=move || is_open().to_string() aria-controls=panel_id.clone() on:click=toggle>
                <span class="pno">{w.problem_no(no)}</span>
                <span class="ptitle"><Highlighted text=problem.title.clone() query=query.clone() /></span>
                <span class=format!("status status-{}", status.key())>{status.label(t.lang)}</span>
            </button>
            <div class="problem-detail" id=panel_id>{detail}</div>
        </li>
    }
}

/// The channels the report gives (phone, address, postcode, e-mail), each filled from the
/// organisation's where the report has none.
fn channels(report: &gongshi_core::rectification::Contact, org: &gongshi_core::org::Organisation) -> gongshi_core::rectification::Contact {
    let or = |a: &Option<String>, b: &Option<String>| a.clone().filter(|s| !s.trim().is_empty()).or_else(|| b.clone().filter(|s| !s.trim().is_empty()));
    gongshi_core::rectification::Contact {
        phone: or(&report.phone, &org.phone),
        address: or(&report.address, &org.address),
        postcode: or(&report.postcode, &org.postcode),
        email: or(&report.email, &org.email),
    }
}

/// 监督与反馈: the published channels as links a phone can call or write to.
#[component]
fn FeedbackChannels(contact: gongshi_core::rectification::Contact) -> impl IntoView {
    let w = words(crate::i18n::use_lang());
    let any = contact.phone.is_some() || contact.email.is_some() || contact.address.is_some();
    any.then(|| {
        view! {
            <section class="feedback" id="feedback" aria-labelledby="feedback-h">
                <h3 id="feedback-h">{w.feedback_heading}</h3>
                <p class="muted">{w.feedback_lead}</p>
                <ul class="channels">
                    {contact.phone.map(|x| {
                        let tel = gongshi_core::feedback::tel(&x);
                        view! { <li>{w.phone_label}{match tel { Some(h) => view! { <a class="tel" href=h>{x}</a> }.into_any(), None => x.into_any() }}</li> }
                    })}
                    {contact.email.map(|x| {
                        let to = gongshi_core::feedback::mail_to(&x);
                        view! { <li>{w.email_label}{match to { Some(h) => view! { <a class="mail" href=h>{x}</a> }.into_any(), None => x.into_any() }}</li> }
                    })}
                    {contact.address.map(|x| view! { <li>{w.address_label}{x}</li> })}
                    {contact.postcode.map(|x| view! { <li>{w.postcode_label}{x}</li> })}
                </ul>
            </section>
        }
    })
}
