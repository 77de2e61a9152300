//! gongshi-core: everything the app knows about its data, with no I/O and no browser.
//!
//! Raw input (JSON text) → [`json::parse`] into lenient raw serde types → `validate` into the
//! model, returning the model *plus* every [`Diagnostic`] found (never failing on the first).
//! Queries (search, facets), URL view state, number formatting and chart specs are pure
//! functions over the model, so the whole core is tested natively with `cargo test`.

pub mod chart;
pub mod csv;
pub mod date;
pub mod diag;
pub mod figures;
pub mod format;
pub mod json;
pub mod ledger;
pub mod manifest;
pub mod money;
pub mod privacy;
pub mod rectification;
pub mod sample;
pub mod search;
pub mod table;
pub mod view;

pub use diag::{Checked, Diagnostic, Severity};
pub use money::Fen;
