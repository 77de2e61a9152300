//! One page per file. Each page declares what it reads first, then renders.
//!
//! The app is built six times (six binaries, six wasm files; see ARCHITECTURE.md), so that a
//! visitor downloads the code of the page they open and not of every page: [`MAIN`] (overview,
//! rectification, data), [`LEDGER`] (donations), [`LOOKUP`], [`RELIEF`], [`COVERAGE`] and
//! [`HISTORY`]. Each binary names its routes and the data files they read, so the linker keeps
//! only their code; a link to a page the running build does not draw is a page load
//! (`nav::Nav::go`), and the loader in `index.html` starts the build that draws it.

use crate::state::reads::{self, Reads};
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

/// The pages one build of the app draws, how, and the data files they read.
#[derive(Clone, Copy)]
pub struct Routes {
    pub pages: &'static [Page],
    pub render: fn(Page) -> AnyView,
    /// Only these files' parsers are linked into the build (`state::reads`).
    pub reads: Reads,
}

/// The overview, the rectification report and the data page (the `gongshi-web` binary, the
/// build every address without a page of another build starts).
pub const MAIN: Routes = Routes {
    pages: &[Page::Overview, Page::Rectification, Page::Data],
    render: |page| match page {
        Page::Overview => view! { <overview::Overview /> }.into_any(),
        Page::Rectification => view! { <rectification::RectificationPage /> }.into_any(),
        Page::Data => view! { <data::DataPage /> }.into_any(),
        _ => ().into_any(),
    },
    reads: Reads(&[reads::RECTIFICATION, reads::FIGURES, reads::SUMMARY]),
};

/// The donations ledger: its table, charts and pinyin search (the `gongshi-ledger` binary).
pub const LEDGER: Routes = Routes {
    pages: &[Page::Donations],
    render: |page| match page {
        Page::Donations => view! { <donations::DonationsPage /> }.into_any(),
        _ => ().into_any(),
    },
    reads: Reads(&[reads::FIGURES, reads::DISBURSEMENTS, reads::GOODS, reads::DONATIONS]),
};

/// The donor's lookup: one donation or batch and where it went, without the ledger's table,
/// charts or search index (the `gongshi-lookup` binary; a donor's link opens it).
pub const LOOKUP: Routes = Routes {
    pages: &[Page::Lookup],
    render: |page| match page {
        Page::Lookup => view! { <lookup::LookupPage /> }.into_any(),
        _ => ().into_any(),
    },
    reads: Reads(&[reads::DISBURSEMENTS, reads::GOODS, reads::DONATIONS]),
};

/// Relief (the `gongshi-relief` binary).
pub const RELIEF: Routes = Routes {
    pages: &[Page::Relief],
    render: |page| match page {
        Page::Relief => view! { <relief::ReliefPage /> }.into_any(),
        _ => ().into_any(),
    },
    reads: Reads(&[reads::FIGURES, reads::RELIEF]),
};

/// Coverage (the `gongshi-coverage` binary).
pub const COVERAGE: Routes = Routes {
    pages: &[Page::Coverage],
    render: |page| match page {
        Page::Coverage => view! { <coverage::CoveragePage /> }.into_any(),
        _ => ().into_any(),
    },
    reads: Reads(&[reads::FIGURES, reads::COVERAGE]),
};

/// The history page alone (the `gongshi-history` binary): it reads the publication log itself.
pub const HISTORY: Routes = Routes {
    pages: &[Page::History],
    render: |page| match page {
        Page::History => view! { <history::HistoryPage /> }.into_any(),
        _ => ().into_any(),
    },
    reads: Reads(&[]),
};

/// Every build, by binary name (the names `index.html` and `scripts/bundles.mjs` use).
pub const BUILDS: [(&str, Routes); 6] = [
    ("gongshi-web", MAIN),
    ("gongshi-ledger", LEDGER),
    ("gongshi-lookup", LOOKUP),
    ("gongshi-relief", RELIEF),
    ("gongshi-coverage", COVERAGE),
    ("gongshi-history", HISTORY),
];
