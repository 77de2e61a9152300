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

/// A build's [`Routes`] from its pages, each with its component, and the files they read: each
/// page is named once, so the pages a build says it draws are the pages it renders.
macro_rules! routes {
    ($($page:ident => $module:ident :: $component:ident),+ ; reads [$($read:ident),*]) => {
        Routes {
            pages: &[$(Page::$page),+],
            render: |page| match page {
                $(Page::$page => view! { <$module::$component /> }.into_any(),)+
                _ => ().into_any(),
            },
            reads: Reads(&[$(reads::$read),*]),
        }
    };
}

/// The overview, the rectification report and the data page (the `gongshi-web` binary, the
/// build every address without a page of another build starts).
pub const MAIN: Routes = routes!(
    Overview => overview::Overview, Rectification => rectification::RectificationPage, Data => data::DataPage;
    reads [RECTIFICATION, FIGURES, SUMMARY]
);

/// The donations ledger: its table, charts and pinyin search (the `gongshi-ledger` binary).
pub const LEDGER: Routes = routes!(Donations => donations::DonationsPage; reads [FIGURES, DISBURSEMENTS, GOODS, DONATIONS]);

/// The donor's lookup: one donation or batch and where it went, without the ledger's table,
/// charts or search index (the `gongshi-lookup` binary; a donor's link opens it).
pub const LOOKUP: Routes = routes!(Lookup => lookup::LookupPage; reads [DISBURSEMENTS, GOODS, DONATIONS]);

/// Relief (the `gongshi-relief` binary).
pub const RELIEF: Routes = routes!(Relief => relief::ReliefPage; reads [FIGURES, RELIEF]);

/// Coverage (the `gongshi-coverage` binary).
pub const COVERAGE: Routes = routes!(Coverage => coverage::CoveragePage; reads [FIGURES, COVERAGE]);

/// The history page alone (the `gongshi-history` binary): it reads the publication log itself.
pub const HISTORY: Routes = routes!(History => history::HistoryPage; reads []);

/// Every build, by binary name (the names `index.html` and `scripts/bundles.mjs` use).
pub const BUILDS: [(&str, Routes); 6] = [
    ("gongshi-web", MAIN),
    ("gongshi-ledger", LEDGER),
    ("gongshi-lookup", LOOKUP),
    ("gongshi-relief", RELIEF),
    ("gongshi-coverage", COVERAGE),
    ("gongshi-history", HISTORY),
];
