//! One page per file. Each page declares what it reads first, then renders.
//!
//! The app is built twice (two binaries, two wasm files; see ARCHITECTURE.md): [`MAIN`] draws
//! every page but the history, [`HISTORY`] only the history, whose chain check and diffs no
//! other page needs. Each binary names its routes, so the linker keeps only their code; a link
//! to a page the running build does not draw is a page load (`nav::Nav::go`), and the loader in
//! `index.html` starts the build that draws it.

use gongshi_core::view::Page;
use leptos::prelude::*;

pub mod coverage;
pub mod data;
pub mod donations;
pub mod history;
pub mod lookup;
pub mod overview;
pub mod rectification;
pub mod relief;

/// The pages one build of the app draws, and how.
#[derive(Clone, Copy)]
pub struct Routes {
    pub pages: &'static [Page],
    pub render: fn(Page) -> AnyView,
}

/// Every page but the history (the `gongshi-web` binary).
pub const MAIN: Routes = Routes {
    pages: &[Page::Overview, Page::Rectification, Page::Donations, Page::Relief, Page::Coverage, Page::Data, Page::Lookup],
    render: |page| match page {
        Page::Overview => view! { <overview::Overview /> }.into_any(),
        Page::Rectification => view! { <rectification::RectificationPage /> }.into_any(),
        Page::Donations => view! { <donations::DonationsPage /> }.into_any(),
        Page::Relief => view! { <relief::ReliefPage /> }.into_any(),
        Page::Coverage => view! { <coverage::CoveragePage /> }.into_any(),
        Page::Data => view! { <data::DataPage /> }.into_any(),
        Page::Lookup => view! { <lookup::LookupPage /> }.into_any(),
        Page::History => ().into_any(),
    },
};

/// The history page alone (the `gongshi-history` binary).
pub const HISTORY: Routes = Routes {
    pages: &[Page::History],
    render: |page| match page {
        Page::History => view! { <history::HistoryPage /> }.into_any(),
        _ => ().into_any(),
    },
};
