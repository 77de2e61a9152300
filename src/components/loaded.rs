use crate::components::DataError;
use crate::state::{DataFile, Load};
use gongshi_core::Diagnostic;
use leptos::prelude::*;
use std::sync::Arc;

/// A dataset's states, written once for every page: while it loads, a busy line (or
/// nothing, when `loading` is `None`); when it failed, the file's error with a retry; once it is
/// in, `ready(value, problems)`.
pub fn loaded<T: Send + Sync + 'static>(
    load: Load<T>,
    file: DataFile,
    loading: Option<&'static str>,
    ready: impl FnOnce(Arc<T>, Arc<Vec<Diagnostic>>) -> AnyView,
) -> AnyView {
    match load {
        Load::Idle | Load::Loading => loading.map(|text| view! { <p class="loading" aria-busy="true">{text}</p> }).into_any(),
        Load::Failed(e) => view! { <DataError dataset=file error=e /> }.into_any(),
        Load::Ready { value, findings: problems } => ready(value, problems),
        Load::Unpublished => unpublished(loading.is_none()),
    }
}

/// A dataset the organisation does not publish: a page's own dataset says so; a section beside
/// it (one with no loading line) is left out. Not generic, so written once in the wasm.
fn unpublished(section: bool) -> AnyView {
    if section {
        return ().into_any();
    }
    let t = crate::i18n::use_tr();
    view! { <p class="notice unpublished" role="note">{t.unpublished}</p> }.into_any()
}
