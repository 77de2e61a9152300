use crate::state::{use_data, Dataset};
use gongshi_core::{Diagnostic, Severity};
use leptos::prelude::*;
use std::sync::Arc;

/// A data file that could not be used: which file, where, why, and a retry.
#[component]
pub fn DataError(dataset: Dataset, error: Arc<Diagnostic>) -> impl IntoView {
    let data = use_data();
    let t = crate::i18n::use_tr();
    let location = error.location();
    view! {
        <div class="data-error" role="alert">
            <h2>{t.file_error}</h2>
            <dl>
                <dt>{t.file}</dt>
                <dd><code>{format!("data/{}", error.file)}</code></dd>
                {(!location.is_empty()).then(|| view! { <dt>{t.location}</dt><dd>{location}</dd> })}
                <dt>{t.reason}</dt>
                // Diagnostic messages come from the core and are Chinese in both UIs for now.
                <dd>{error.message.clone()}</dd>
            </dl>
            <p class="muted">{t.others_unaffected}</p>
            <button type="button" class="btn" on:click=move |_| data.load(dataset)>{t.retry}</button>
        </div>
    }
}

/// Validation problems in a file that still loaded: shown above the data, so nothing is hidden.
#[component]
pub fn ValidationNotice(problems: Arc<Vec<Diagnostic>>) -> impl IntoView {
    let errors = problems.iter().filter(|p| p.severity == Severity::Error).count();
    let warnings = problems.len() - errors;
    let t = crate::i18n::use_tr();
    (!problems.is_empty()).then(|| {
        // The problems themselves are core Diagnostics: Chinese in both UIs for now.
        let summary = t.validation_summary(errors, warnings);
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
