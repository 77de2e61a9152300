//! 更新记录: the publication history. Every release (date, note, fingerprint, what it changed,
//! its correction notes), the chain checked when the page opens (an alarm when anything does not
//! match), a diff between any two releases of a dataset (searchable, as CSV), and the disclosure
//! calendar computed from the log and each dataset's legal cadence.
//!
//! The log's files are read afresh from the host (`api::fetch_fresh`): no cached copy can hide a
//! mismatch. A diff downloads only what the two releases need: their manifests and the dataset's
//! files, from `history/objects/`.

use crate::api;
use crate::nav::use_nav;
use crate::state::use_data;
use gongshi_core::date::PartialDate;
use gongshi_core::history::calendar::{due_dates, publications, DueState};
use gongshi_core::history::diff::{self, DatasetDiff};
use gongshi_core::history::{self, At, Log, Release, Store};
use gongshi_core::i18n::Lang;
use gongshi_core::search::{normalize, Query};
use gongshi_core::{Checked, Diagnostic};
use leptos::prelude::*;
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Arc;

/// The page's own words (this page's strings live with it).
struct Words {
    heading: &'static str,
    lead: &'static str,
    loading: &'static str,
    none: &'static str,
    ok: &'static str,
    alarm: &'static str,
    alarm_help: &'static str,
    releases_heading: &'static str,
    fingerprint: &'static str,
    no_changes: &'static str,
    corrections: &'static str,
    compare_prev: &'static str,
    diff_heading: &'static str,
    dataset: &'static str,
    from: &'static str,
    to: &'static str,
    diff_loading: &'static str,
    diff_same: &'static str,
    diff_search: &'static str,
    diff_csv: &'static str,
    added: &'static str,
    changed: &'static str,
    removed: &'static str,
    sample: &'static str,
    real: &'static str,
    more_rows: &'static str,
    calendar_heading: &'static str,
    calendar_lead: &'static str,
    due: &'static str,
    outcome: &'static str,
    no_cadence: &'static str,
}

const ZH: Words = Words {
    heading: "更新记录",
    lead: "本站每次发布数据都记作一版：日期、说明、每个文件的 SHA-256 和上一版的哈希，环环相扣，发布后不再改动。每一版的“指纹”是它的哈希的前 16 位，可以在公告中引用：本页打开时会从第一版起逐版核对，任何一版、任何一个文件被改动都会在这里报警。",
    loading: "正在核对发布记录…",
    none: "本站还没有发布记录。发布机构用 gongshi release 发布第一版后，这里会列出每一版及其改动。",
    ok: "发布记录完整：逐版核对通过，链接和当前数据都与记录一致。",
    alarm: "发布记录核对未通过",
    alarm_help: "下列文件与发布记录不符：本站的数据可能在发布后被改动过，或者文件不完整。请以发布机构公告的指纹为准，并向发布机构反映。",
    releases_heading: "各版发布",
    fingerprint: "指纹",
    no_changes: "（本版没有记录层面的改动）",
    corrections: "更正说明",
    compare_prev: "与上一版比较",
    diff_heading: "两版之间的改动",
    dataset: "数据集",
    from: "从",
    to: "到",
    diff_loading: "正在下载这两版的数据…",
    diff_same: "这两版之间，此数据集没有改动。",
    diff_search: "在改动中搜索（编号、字段、数值）",
    diff_csv: "下载改动 CSV",
    added: "新增",
    changed: "更改",
    removed: "删除",
    sample: "示例",
    real: "真实记录",
    more_rows: "再显示 50 条",
    calendar_heading: "公开日历",
    calendar_lead: "按各数据集的法定公开周期（慈善法第七十九条：至少每三个月公开一次），从首次发布起的每个应公开日期，以及是否按时发布。",
    due: "应公开日期",
    outcome: "发布情况",
    no_cadence: "没有法定周期的数据集（如整改报告）不列入。",
};

const EN: Words = Words {
    heading: "Publication history",
    lead: "Every publication of this site's data is recorded as a release: its date, a note, every file's SHA-256 and the previous release's hash, chained and never changed once published. A release's fingerprint is the first 16 digits of its hash, for quoting in announcements: this page checks every release from the first one when it opens, and raises an alarm here if any release or file was altered.",
    loading: "Checking the publication history…",
    none: "This site has no publication history yet. Once the publisher records a first release with gongshi release, every release and its changes are listed here.",
    ok: "The publication history is complete: every release checks out, and the links and the current data match the record.",
    alarm: "The publication history does not check out",
    alarm_help: "These files do not match the record: the site's data may have been altered after publication, or files are missing. Rely on the fingerprint the publisher announced, and tell the publisher.",
    releases_heading: "Releases",
    fingerprint: "Fingerprint",
    no_changes: "(no record-level changes in this release)",
    corrections: "Correction notes",
    compare_prev: "Compare with the previous release",
    diff_heading: "Changes between two releases",
    dataset: "Dataset",
    from: "From",
    to: "To",
    diff_loading: "Downloading the two releases' data…",
    diff_same: "This dataset did not change between these releases.",
    diff_search: "Search the changes (id, field, value)",
    diff_csv: "Download the changes as CSV",
    added: "Added",
    changed: "Changed",
    removed: "Removed",
    sample: "sample",
    real: "real record",
    more_rows: "Show 50 more",
    calendar_heading: "Disclosure calendar",
    calendar_lead: "Each dataset's legal publication cadence (Charity Law art. 79: at least every three months), every due date since it was first published, and whether it was published on time.",
    due: "Due",
    outcome: "Published",
    no_cadence: "Datasets without a legal cadence (such as the rectification report) are not listed.",
};

fn words(lang: Lang) -> &'static Words {
    lang.pick(&ZH, &EN)
}

/// The log's files as downloaded (paths relative to the data folder).
#[derive(Default, Clone)]
struct Fetched(HashMap<String, Vec<u8>>, HashMap<String, String>);

impl Store for Fetched {
    fn read(&self, path: &str) -> Option<Cow<'_, [u8]>> {
        self.0.get(path).map(|b| Cow::Borrowed(b.as_slice()))
    }
    /// The release files' digests, computed by the browser as each arrived.
    fn sha256(&self, path: &str) -> Option<String> {
        self.1.get(path).cloned()
    }
}

/// What the page shows once the log is in.
#[derive(Clone)]
enum State {
    Loading,
    /// No history/index.json.
    None,
    Failed(Diagnostic),
    Ready {
        files: Arc<Fetched>,
        log: Arc<Checked<Log>>,
    },
}

/// Reads the index afresh, every release file (at once, in parallel) and the current manifest,
/// and checks the chain.
async fn read_log() -> State {
    let index = match api::fetch_fresh(history::INDEX).await {
        Ok(Some(b)) => b,
        Ok(None) => return State::None,
        Err(e) => return State::Failed(e),
    };
    let mut files = Fetched::default();
    let n = history::load_index(&index).map(|i| i.releases.len() as u32).unwrap_or(0);
    files.0.insert(history::INDEX.to_string(), index);
    let started: Vec<(String, api::Download)> = (1..=n).map(history::release_path).map(|p| (p.clone(), api::start(&p))).collect();
    match api::fetch_fresh(gongshi_core::manifest::FILE).await {
        Ok(Some(b)) => {
            files.0.insert(gongshi_core::manifest::FILE.to_string(), b);
        }
        Ok(None) => {}
        Err(e) => return State::Failed(e),
    }
    for (path, d) in started {
        // A release file that cannot be read is left out: the check names it. Its SHA-256 is
        // computed by the browser (native code) as it arrives, while the others download.
        if let Ok(b) = d.verified(None, None).await {
            if let Some(h) = api::sha256_native(&b).await {
                files.1.insert(path.clone(), h);
            }
            files.0.insert(path, b);
        }
    }
    // Marks around the check, for the bench (bench/history.mjs: 1,000 releases, phone profile).
    crate::perf::mark("gongshi:history-verify-start", None);
    let log = history::verify(&files, history::Options::CHAIN);
    crate::perf::mark("gongshi:history-verified", Some(log.value.releases.len()));
    State::Ready { files: Arc::new(files), log: Arc::new(log) }
}

/// The check of every visit: the index, the latest release's file and the manifest, read afresh
/// ([`history::verify::check_head`]). `None` when they match, or when the site has no history
/// or no release in it yet (a folder `gongshi init` made); else what did not match, in the UI
/// language.
pub async fn check_visit(lang: Lang) -> Option<String> {
    let index = api::fetch_fresh(history::INDEX).await.ok()??;
    let Ok(read) = history::load_index(&index) else {
        return Some(lang.pick("发布记录的索引无法读取", "the publication index cannot be read").to_string());
    };
    let last = read.releases.last()?.number;
    let head = api::fetch_fresh(&history::release_path(last)).await.ok().flatten().unwrap_or_default();
    let manifest = api::fetch_fresh(gongshi_core::manifest::FILE).await.ok().flatten().unwrap_or_default();
    let c = history::verify::check_head(&index, &head, &manifest);
    c.findings.first().map(|d| d.message_in(lang).0.to_string())
}

#[component]
pub fn HistoryPage() -> impl IntoView {
    let t = crate::i18n::use_tr();
    let w = words(t.lang);
    let state = RwSignal::new(State::Loading);
    leptos::task::spawn_local(async move { state.set(read_log().await) });
    let body = move || match state.get() {
        State::Loading => view! { <p class="loading" aria-busy="true">{w.loading}</p> }.into_any(),
        State::None => view! { <p class="notice">{w.none}</p> }.into_any(),
        State::Failed(e) => view! { <crate::components::DataError dataset=crate::state::DataFile::Manifest error=Arc::new(e) /> }.into_any(),
        // An index with no release yet (a folder made by gongshi init): nothing to list.
        State::Ready { log, .. } if log.value.releases.is_empty() && !log.has_errors() => view! { <p class="notice">{w.none}</p> }.into_any(),
        State::Ready { files, log } => view! { <History files=files log=log /> }.into_any(),
    };
    view! {
        <section class="history">
            <h2>{w.heading}</h2>
            <p class="lead">{w.lead}</p>
            {body}
        </section>
    }
}

#[component]
fn History(files: Arc<Fetched>, log: Arc<Checked<Log>>) -> impl IntoView {
    let t = crate::i18n::use_tr();
    let w = words(t.lang);
    let errors: Vec<Diagnostic> = log.findings.iter().filter(|d| d.severity == gongshi_core::diag::Severity::Error).cloned().collect();
    let head = log.value.head().map(|h| (h.release.number, h.release.date.clone(), history::fingerprint(&h.sha256).to_string()));
    let status = if errors.is_empty() {
        let line = head.map(|(n, date, fp)| {
            match t.lang {
                Lang::Zh => format!("共 {} 版；最新的第 {n} 版（{date}）的指纹：", log.value.releases.len()),
                Lang::En => format!("{} releases; the fingerprint of the latest, release {n} ({date}): ", log.value.releases.len()),
            }
            .to_string()
                + &fp
        });
        view! { <div class="notice history-ok" role="status"><p><strong>{w.ok}</strong></p><p class="fp">{line}</p></div> }.into_any()
    } else {
        view! {
            <div class="notice history-alarm" role="alert">
                <p><strong>{w.alarm}</strong></p>
                <p>{w.alarm_help}</p>
                <ul>{errors.into_iter().map(|d| view! { <li><code>{d.file.clone()}</code>"："{d.message_in(t.lang).0.to_string()}</li> }).collect_view()}</ul>
            </div>
        }
        .into_any()
    };
    let releases: Vec<Release> = log.value.releases.iter().rev().map(|v| v.release.clone()).collect();
    let hashes: HashMap<u32, String> = log.value.releases.iter().map(|v| (v.release.number, v.sha256.clone())).collect();
    let list = releases
        .iter()
        .map(|r| {
            let fp = hashes.get(&r.number).map(|h| history::fingerprint(h).to_string()).unwrap_or_default();
            view! { <ReleaseItem release=r.clone() fingerprint=fp /> }
        })
        .collect_view();
    view! {
        {status}
        <h3>{w.releases_heading}</h3>
        <ul class="releases">{list}</ul>
        <DiffView files=files.clone() log=log.clone() />
        <Calendar log=log />
    }
}

/// A dataset's name in the UI language (from the manifest), else its id.
fn dataset_name(id: &str, lang: Lang) -> String {
    use_data().manifest.with_untracked(|m| m.value().and_then(|m| m.dataset(id).map(|d| d.title_in(lang).to_string()))).unwrap_or_else(|| id.to_string())
}

#[component]
fn ReleaseItem(release: Release, fingerprint: String) -> impl IntoView {
    let t = crate::i18n::use_tr();
    let w = words(t.lang);
    let nav = use_nav();
    let n = release.number;
    let changes = release.changes.clone();
    let summary = changes
        .iter()
        .map(|c| {
            let name = dataset_name(&c.dataset, t.lang);
            let counts = match t.lang {
                Lang::Zh => format!("{name}：新增 {}，更改 {}，删除 {}", c.added, c.changed, c.removed),
                Lang::En => format!("{name}: {} added, {} changed, {} removed", c.added, c.changed, c.removed),
            };
            let dataset = c.dataset.clone();
            let compare = (n > 1).then(|| {
                let dataset = dataset.clone();
                view! {
                    <button type="button" class="btn small" on:click=move |_| {
                        let d = dataset.clone();
                        nav.edit(|v| {
                            v.history.dataset = Some(d);
                            v.history.from = Some(n - 1);
                            v.history.to = Some(n);
                            v.history.query.clear();
                        });
                        if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("history-diff")) {
                            el.scroll_into_view();
                        }
                    }>{w.compare_prev}</button>
                }
            });
            let corrections = c.corrections.clone();
            view! {
                <li>
                    <span>{counts}</span>" "{compare}
                    {(!corrections.is_empty()).then(|| view! {
                        <div class="corrections">
                            <strong>{w.corrections}</strong>
                            <ul>
                                {corrections.into_iter().map(|k| view! {
                                    <li><code>{k.record}</code>" · "{k.date}" · "{k.what}" — "{k.why}</li>
                                }).collect_view()}
                            </ul>
                        </div>
                    })}
                </li>
            }
        })
        .collect_view();
    let date = PartialDate::parse(&release.date).map(|d| t.date(d)).unwrap_or(release.date.clone());
    view! {
        <li class="release" id=format!("release-{n}")>
            <h4>{match t.lang { Lang::Zh => format!("第 {n} 版 · {date}"), Lang::En => format!("Release {n} · {date}") }}</h4>
            <p class="note">{release.note.clone()}</p>
            <p class="fp">{w.fingerprint}" "<code>{fingerprint}</code></p>
            {if changes.is_empty() { view! { <p class="muted">{w.no_changes}</p> }.into_any() } else { view! { <ul class="changes">{summary}</ul> }.into_any() }}
        </li>
    }
}

/// Downloads what `between` needs (the two releases' manifests, then the dataset's files) into
/// `files`, then computes the diff.
async fn diff_of(mut files: Fetched, from: Release, to: Release, dataset: String) -> Result<DatasetDiff, Diagnostic> {
    let fetch = |files: &mut Fetched, paths: Vec<String>| {
        let started: Vec<(String, api::Download)> = paths.into_iter().filter(|p| !files.0.contains_key(p)).map(|p| (p.clone(), api::start(&p))).collect();
        async move {
            let mut got = Vec::new();
            for (p, d) in started {
                got.push((p, d.verified(None, None).await?));
            }
            Ok::<_, Diagnostic>(got)
        }
    };
    let object = |r: &Release, f: &str| r.file(f).map(|e| history::object_path(&e.sha256, &e.file));
    let manifests: Vec<String> = [&from, &to].iter().filter_map(|r| object(r, gongshi_core::manifest::FILE)).collect();
    for (p, b) in fetch(&mut files, manifests).await? {
        files.0.insert(p, b);
    }
    let mut needed = Vec::new();
    for r in [&from, &to] {
        if let Ok(sets) = history::datasets_at(&files, At::Release(r)) {
            for (id, names) in sets {
                if id == dataset {
                    needed.extend(names.iter().filter_map(|f| object(r, f)));
                }
            }
        }
    }
    for (p, b) in fetch(&mut files, needed).await? {
        files.0.insert(p, b);
    }
    let mut diffs = diff::between(&files, At::Release(&from), At::Release(&to), Some(&dataset))?;
    Ok(diffs.pop().unwrap_or(DatasetDiff { dataset, ..Default::default() }))
}

/// One line of the diff as shown: its kind, the record, real or sample, and what changed.
struct Line {
    kind: &'static str,
    key: String,
    real: bool,
    what: String,
}

fn lines(d: &DatasetDiff, w: &Words) -> Vec<Line> {
    let mut out = Vec::new();
    out.extend(d.added.iter().map(|r| Line { kind: w.added, key: r.key.clone(), real: r.real, what: String::new() }));
    out.extend(d.changed.iter().map(|c| Line { kind: w.changed, key: c.key.clone(), real: c.real, what: diff::describe(&c.fields) }));
    out.extend(d.removed.iter().map(|r| Line { kind: w.removed, key: r.key.clone(), real: r.real, what: String::new() }));
    out
}

#[component]
fn DiffView(files: Arc<Fetched>, log: Arc<Checked<Log>>) -> impl IntoView {
    let t = crate::i18n::use_tr();
    let w = words(t.lang);
    let nav = use_nav();
    let numbers: Vec<u32> = log.value.releases.iter().map(|v| v.release.number).collect();
    let last = numbers.last().copied().unwrap_or(1);
    // Datasets any release changed, in the order they first appear.
    let mut ids: Vec<String> = Vec::new();
    for v in &log.value.releases {
        for c in &v.release.changes {
            if !ids.contains(&c.dataset) {
                ids.push(c.dataset.clone());
            }
        }
    }
    // By default the first dataset the latest release changed.
    let default_set = log.value.head().and_then(|h| h.release.changes.first().map(|c| c.dataset.clone())).or_else(|| ids.first().cloned()).unwrap_or_default();
    let chosen = Memo::new(move |_| {
        nav.view.with(|v| {
            let h = &v.history;
            (h.dataset.clone().unwrap_or_else(|| default_set.clone()), h.from.unwrap_or(last.saturating_sub(1).max(1)), h.to.unwrap_or(last))
        })
    });
    let result = RwSignal::new(None::<Result<Arc<DatasetDiff>, Diagnostic>>);
    let releases = log.clone();
    Effect::new(move |_| {
        let (dataset, from, to) = chosen.get();
        result.set(None);
        let (Some(a), Some(b)) = (releases.value.release(from).cloned(), releases.value.release(to).cloned()) else { return };
        let files = (*files).clone();
        leptos::task::spawn_local(async move {
            let d = diff_of(files, a, b, dataset).await;
            // Only if the choice is still the same.
            if chosen.get_untracked() == (d.as_ref().map(|d| d.dataset.clone()).unwrap_or_default(), from, to) || d.is_err() {
                result.set(Some(d.map(Arc::new)));
            }
        });
    });
    let pick = move |field: &'static str| {
        move |e: leptos::ev::Event| {
            let value = event_target_value(&e);
            nav.edit(|v| {
                let h = &mut v.history;
                match field {
                    "set" => h.dataset = Some(value),
                    "from" => h.from = value.parse().ok(),
                    _ => h.to = value.parse().ok(),
                }
            });
        }
    };
    let release_options = move |selected: u32| {
        numbers
            .iter()
            .map(|n| {
                let label = match t.lang {
                    Lang::Zh => format!("第 {n} 版"),
                    Lang::En => format!("Release {n}"),
                };
                view! { <option value=n.to_string() selected=*n == selected>{label}</option> }
            })
            .collect_view()
    };
    let ro = release_options.clone();
    let controls = move || {
        let (dataset, from, to) = chosen.get();
        view! {
            <div class="diff-controls">
                <label>{w.dataset}
                    <select on:change=pick("set")>
                        {ids.iter().map(|id| view! { <option value=id.clone() selected=*id == dataset>{dataset_name(id, t.lang)}</option> }).collect_view()}
                    </select>
                </label>
                <label>{w.from}<select on:change=pick("from")>{ro(from)}</select></label>
                <label>{w.to}<select on:change=pick("to")>{release_options(to)}</select></label>
            </div>
        }
    };
    let query = Memo::new(move |_| nav.view.with(|v| v.history.query.clone()));
    // A phone shows the first changes; more on a tap (the CSV has every one).
    let shown_rows = RwSignal::new(20usize);
    let on_search = move |e: leptos::ev::Event| {
        let value = event_target_value(&e);
        nav.edit(|v| v.history.query = value);
    };
    let shown = move || match result.get() {
        None => view! { <p class="loading" aria-busy="true">{w.diff_loading}</p> }.into_any(),
        Some(Err(e)) => {
            view! { <div class="notice history-alarm" role="alert"><code>{e.file.clone()}</code>"："{e.message_in(t.lang).0.to_string()}</div> }.into_any()
        }
        Some(Ok(d)) if d.is_empty() => view! { <p class="muted">{w.diff_same}</p> }.into_any(),
        Some(Ok(d)) => {
            let q = Query::new(&query.get());
            let all = lines(&d, w);
            let matching: Vec<&Line> = all.iter().filter(|l| q.is_empty() || q.matches(&normalize(&format!("{} {} {}", l.kind, l.key, l.what)))).collect();
            let total = matching.len();
            let counts = match t.lang {
                Lang::Zh => format!("新增 {}，更改 {}，删除 {}；当前显示 {total} 条", d.added.len(), d.changed.len(), d.removed.len()),
                Lang::En => format!("{} added, {} changed, {} removed; {total} shown", d.added.len(), d.changed.len(), d.removed.len()),
            };
            let rows = matching
                .iter()
                .take(shown_rows.get())
                .map(|l| {
                    let badge = if l.real { w.real } else { w.sample };
                    view! {
                        <tr class:sample=!l.real>
                            <td data-label=w.outcome>{l.kind}</td>
                            <th scope="row">{l.key.clone()}<span class=if l.real { "badge real" } else { "badge sample" }>{badge}</span></th>
                            <td class="what">{l.what.clone()}</td>
                        </tr>
                    }
                })
                .collect_view();
            let d2 = d.clone();
            let q2 = query.get_untracked();
            let download = move |_| {
                // The CSV holds the changes matching the search (every one when there is none).
                let q = Query::new(&q2);
                let mut sub = (*d2).clone();
                if !q.is_empty() {
                    sub.added.retain(|r| q.matches(&normalize(&format!("{} {}", w.added, r.key))));
                    sub.changed.retain(|c| q.matches(&normalize(&format!("{} {} {}", w.changed, c.key, diff::describe(&c.fields)))));
                    sub.removed.retain(|r| q.matches(&normalize(&format!("{} {}", w.removed, r.key))));
                }
                let (_, from, to) = chosen.get_untracked();
                let name = format!("{}-{from}-{to}.csv", sub.dataset);
                let _ = crate::download::save_text(&name, "text/csv;charset=utf-8", &diff::to_csv(&[sub]));
            };
            view! {
                <p class="diff-counts" role="status">{counts}</p>
                <div class="search">
                    <label for="diff-search">{w.diff_search}</label>
                    <input id="diff-search" type="search" autocomplete="off" prop:value=move || query.get() on:input=on_search />
                </div>
                <button type="button" class="btn small" on:click=download>{w.diff_csv}</button>
                <div class="table-wrap" tabindex="0" role="region" aria-label=w.diff_heading>
                    <table class="diff-table">
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                {(total > shown_rows.get_untracked()).then(|| view! { <button type="button" class="btn small more-rows" on:click=move |_| shown_rows.update(|n| *n += 50)>{w.more_rows}</button> })}
            }
            .into_any()
        }
    };
    view! {
        <h3 id="history-diff">{w.diff_heading}</h3>
        {controls}
        {shown}
    }
}

#[component]
fn Calendar(log: Arc<Checked<Log>>) -> impl IntoView {
    let t = crate::i18n::use_tr();
    let w = words(t.lang);
    let data = use_data();
    let releases: Vec<&Release> = log.value.releases.iter().map(|v| &v.release).collect();
    let today = crate::routes::data::today();
    let sets = data.manifest.with_untracked(|m| m.value().map(|m| m.datasets.clone())).unwrap_or_default();
    let blocks = sets
        .into_iter()
        .filter_map(|ds| {
            let cadence = ds.cadence.clone()?;
            let files: Vec<String> = std::iter::once(ds.file.clone()).chain(ds.parts.iter().map(|p| p.file.clone())).collect();
            let published = publications(&releases, &files);
            let due = due_dates(&published, cadence.every_days, today);
            let name = ds.title_in(t.lang).to_string();
            // A line that sums it up (open at once when something was late or missed).
            let count = |f: fn(&DueState) -> bool| due.iter().filter(|d| f(&d.state)).count();
            let (on_time, late, missed) =
                (count(|s| matches!(s, DueState::OnTime)), count(|s| matches!(s, DueState::Late(_))), count(|s| matches!(s, DueState::Missed(_))));
            let next = due.iter().find(|d| matches!(d.state, DueState::Upcoming(_))).map(|d| t.date(d.due)).unwrap_or_default();
            let summary = match t.lang {
                Lang::Zh => format!("{name}：按时 {on_time} 次，迟发 {late} 次，未公开 {missed} 次；下次应公开：{next}"),
                Lang::En => format!("{name}: {on_time} on time, {late} late, {missed} not published; next due {next}"),
            };
            let rows = due
                .into_iter()
                .rev()
                .map(|d| {
                    let (class, text) = match (d.state, t.lang) {
                        (DueState::OnTime, Lang::Zh) => (
                            "on-time",
                            format!("按时（第 {} 版，{}）", d.release.map(|r| r.0).unwrap_or(0), d.release.map(|r| t.date(r.1)).unwrap_or_default()),
                        ),
                        (DueState::OnTime, Lang::En) => (
                            "on-time",
                            format!("On time (release {}, {})", d.release.map(|r| r.0).unwrap_or(0), d.release.map(|r| t.date(r.1)).unwrap_or_default()),
                        ),
                        (DueState::Late(n), Lang::Zh) => ("late", format!("迟了 {n} 天（第 {} 版）", d.release.map(|r| r.0).unwrap_or(0))),
                        (DueState::Late(n), Lang::En) => ("late", format!("{n} days late (release {})", d.release.map(|r| r.0).unwrap_or(0))),
                        (DueState::Missed(n), Lang::Zh) => ("missed", format!("未公开（{n} 天）")),
                        (DueState::Missed(n), Lang::En) => ("missed", format!("Not published ({n} days)")),
                        (DueState::Upcoming(n), Lang::Zh) => ("upcoming", format!("尚未到期（还有 {n} 天）")),
                        (DueState::Upcoming(n), Lang::En) => ("upcoming", format!("Not yet due ({n} days left)")),
                    };
                    view! { <tr class=format!("due {class}")><th scope="row">{t.date(d.due)}</th><td data-label=w.outcome>{text}</td></tr> }
                })
                .collect_view();
            let open = late + missed > 0;
            Some(view! {
                <details class="calendar-set" data-dataset=ds.id.clone() open=open data-today="">
                    <summary>{summary}</summary>
                    <table class="calendar">
                        <thead><tr><th scope="col">{w.due}</th><th scope="col">{w.outcome}</th></tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </details>
            })
        })
        .collect_view();
    view! {
        <h3 id="history-calendar">{w.calendar_heading}</h3>
        <p class="muted">{w.calendar_lead}" "{w.no_cadence}</p>
        {blocks}
    }
}
