use crate::state::{use_data, Dataset};
use gongshi_core::{Diagnostic, Severity};
use leptos::prelude::*;
use std::sync::Arc;

/// A data file that could not be used: which file, where, why, and a retry.
#[component]
pub fn DataError(dataset: Dataset, error: Arc<Diagnostic>) -> impl IntoView {
    let data = use_data();
    let location = error.location();
    view! {
        <div class="data-error" role="alert">
            <h2>"数据文件无法读取"</h2>
            <dl>
                <dt>"文件"</dt>
                <dd><code>{format!("data/{}", error.file)}</code></dd>
                {(!location.is_empty()).then(|| view! { <dt>"位置"</dt><dd>{location}</dd> })}
                <dt>"原因"</dt>
                <dd>{error.message.clone()}</dd>
            </dl>
            <p class="muted">"其他页面和数据不受影响。"</p>
            <button type="button" class="btn" on:click=move |_| data.load(dataset)>"重试"</button>
        </div>
    }
}

/// Validation problems in a file that still loaded: shown above the data, so nothing is hidden.
#[component]
pub fn ValidationNotice(problems: Arc<Vec<Diagnostic>>) -> impl IntoView {
    let errors = problems.iter().filter(|p| p.severity == Severity::Error).count();
    let warnings = problems.len() - errors;
    (!problems.is_empty()).then(|| {
        let summary = match (errors, warnings) {
            (0, w) => format!("数据文件有 {w} 处需要注意"),
            (e, 0) => format!("数据文件有 {e} 处错误，相关记录未显示"),
            (e, w) => format!("数据文件有 {e} 处错误（相关记录未显示）、{w} 处需要注意"),
        };
        view! {
            <details class="validation" open=errors > 0>
                <summary role="status">{summary}</summary>
                <ul>
                    {problems.iter().map(|p| view! { <li>{p.to_string()}</li> }).collect_view()}
                </ul>
            </details>
        }
    })
}
