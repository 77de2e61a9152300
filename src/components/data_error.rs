use crate::state::{use_data, DataFile};
use gongshi_core::{Diagnostic, Severity};
use leptos::prelude::*;
use std::sync::Arc;

/// A data file that could not be used: which file, where, why, and a retry.
#[component]
pub fn DataError(dataset: DataFile, error: Arc<Diagnostic>) -> impl IntoView {
    let data = use_data();
    let t = crate::i18n::use_tr();
    let location = error.location_in(t.lang);
    let (reason, translated) = error.message_in(t.lang);
    let reason = reason.to_string();
    view! {
        <div class="data-error" role="alert">
            <h2>{t.file_error}</h2>
            <dl>
                <dt>{t.file}</dt>
                <dd><code>{format!("data/{}", error.file)}</code></dd>
                {(!location.is_empty()).then(|| view! { <dt>{t.location}</dt><dd>{location}</dd> })}
                <dt>{t.reason}</dt>
                // The core gives English for file-level problems and the common record checks;
                // anything else is shown in Chinese, labelled as such.
                <dd lang=if translated { t.lang.html() } else { "zh-CN" }>{reason}{(!translated).then_some(t.in_chinese)}</dd>
            </dl>
            <p class="muted">{t.others_unaffected}</p>
            <button type="button" class="btn" on:click=move |_| data.load(dataset)>{t.retry}</button>
        </div>
    }
}

/// How many problems the notice lists.
const MAX_LISTED: usize = 100;

/// Validation problems in a file that still loaded: shown above the data, so nothing is hidden.
#[component]
pub fn ValidationNotice(findings: Arc<Vec<Diagnostic>>) -> impl IntoView {
    let errors = findings.iter().filter(|p| p.severity == Severity::Error).count();
    let warnings = findings.len() - errors;
    let t = crate::i18n::use_tr();
    (!findings.is_empty()).then(|| {
        // The findings themselves are core Diagnostics: Chinese in both UIs for now.
        let summary = t.validation_summary(errors, warnings);
        view! {
            <details class="validation" open={errors > 0}>
                <summary role="status">{summary}</summary>
                <ul>
                    // A long list is cut: thousands of items would freeze a phone, and the
                    // publisher's tool (`gongshi check`) lists them all.
                    {findings.iter().take(MAX_LISTED).map(|p| view! { <li>{problem_line(p, t)}</li> }).collect_view()}
                    {(findings.len() > MAX_LISTED).then(|| view! { <li class="muted">{t.more_problems(findings.len() - MAX_LISTED)}</li> })}
                </ul>
            </details>
        }
    })
}

/// "donations.json (at records[3].date): reason" in the UI's language where the core has it.
fn problem_line(p: &Diagnostic, t: &crate::i18n::Tr) -> String {
    let (reason, translated) = p.message_in(t.lang);
    t.problem_line(&p.file, &p.location_in(t.lang), reason, translated)
}
