//! gongshi-core: what the app knows about its data, with no I/O and no browser. The wasm app
//! links this crate and nothing else of gongshi's; the publisher's side (checking a folder,
//! importing spreadsheets, the sample generator, writing packs, building summary.json) is the
//! native crate gongshi-publish, built on the rules here.
//!
//! Raw input (JSON text) → [`json::parse`] into lenient raw serde types → `validate` into the
//! model, returning the model *plus* every [`Diagnostic`] found (never failing on the first).
//! The datasets (ledger, relief, coverage, rectification, figures), the manifest and its
//! checksums ([`integrity`]), packs ([`pack`], read here, written by the publisher), the privacy
//! gate relief files must pass ([`privacy`]) and summary.json's types ([`summary`]) are here
//! because the app reads them. Queries (search, facets, the table index), URL view state, CSV,
//! number formatting and chart specs are pure functions over the model, so the whole core is
//! tested natively with `cargo test`.

/// An enum whose variants have a stable key (files, URLs), a Chinese and an English label:
/// `ALL` (every value, in declaration order, as an array), `key`, `zh`, `en`, `label(lang)`,
/// `parse` (exactly a key) and `keys` (for messages).
macro_rules! keyed_enum {
    ($(#[$m:meta])* $name:ident { $($(#[$vm:meta])* $variant:ident => $key:literal, $zh:literal, $en:literal;)+ }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name { $($(#[$vm])* $variant),+ }
        impl $name {
            pub const ALL: [$name; [$($key),+].len()] = [$($name::$variant),+];
            pub fn key(self) -> &'static str { match self { $($name::$variant => $key),+ } }
            pub fn zh(self) -> &'static str { match self { $($name::$variant => $zh),+ } }
            pub fn en(self) -> &'static str { match self { $($name::$variant => $en),+ } }
            pub fn label(self, lang: $crate::i18n::Lang) -> &'static str { lang.pick(self.zh(), self.en()) }
            pub fn parse(s: &str) -> Option<Self> { match s { $($key => Some($name::$variant),)+ _ => None } }
            pub fn keys() -> String { [$($key),+].join("、") }
        }
    };
}

/// Declares a record type's table columns ([`table::Column`]): an enum with one variant per
/// column, in display and CSV order, each with its URL key, Chinese and English labels and
/// [`table::ColKind`]. The order written here is the one order of the columns.
///
/// ```
/// gongshi_core::table_columns!(
///     /// A tiny table's columns.
///     pub Col {
///         Name => "name", "名称", "Name", Text;
///         Amount => "amount", "金额", "Amount", Money;
///     }
/// );
/// use gongshi_core::table::Column;
/// assert_eq!(Col::ALL, [Col::Name, Col::Amount]);
/// assert_eq!((Col::Amount.key(), Col::Amount.index()), ("amount", 1));
/// assert_eq!(Col::parse("name"), Some(Col::Name));
/// ```
#[macro_export]
macro_rules! table_columns {
    ($(#[$m:meta])* $vis:vis $name:ident { $($variant:ident => $key:literal, $zh:literal, $en:literal, $kind:ident;)+ }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        $vis enum $name { $($variant),+ }
        impl $crate::table::Column for $name {
            const ALL: &'static [$name] = &[$($name::$variant),+];
            #[inline]
            fn def(self) -> &'static $crate::table::ColumnDef {
                const DEFS: &[$crate::table::ColumnDef] =
                    &[$($crate::table::ColumnDef { key: $key, label: $zh, en: $en, kind: $crate::table::ColKind::$kind }),+];
                &DEFS[self as usize]
            }
            #[inline]
            fn index(self) -> usize {
                self as usize
            }
        }
    };
}

/// Declares a record type's facets ([`table::Facet`]): an enum with one variant per facet, in
/// display order, each with its URL key and Chinese and English labels.
#[macro_export]
macro_rules! table_facets {
    ($(#[$m:meta])* $vis:vis $name:ident { $($variant:ident => $key:literal, $zh:literal, $en:literal;)+ }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        $vis enum $name { $($variant),+ }
        impl $crate::table::Facet for $name {
            const ALL: &'static [$name] = &[$($name::$variant),+];
            #[inline]
            fn def(self) -> &'static $crate::table::FacetDef {
                const DEFS: &[$crate::table::FacetDef] = &[$($crate::table::FacetDef { key: $key, label: $zh, en: $en }),+];
                &DEFS[self as usize]
            }
            #[inline]
            fn index(self) -> usize {
                self as usize
            }
        }
    };
}

pub mod cadence;
pub mod calendar;
pub mod chart;
pub mod correction;
pub mod coverage;
pub mod csv;
pub mod date;
pub mod diag;
pub mod feedback;
pub mod figures;
pub mod format;
pub mod history;
pub mod i18n;
pub mod index;
pub mod integrity;
pub mod json;
pub mod ledger;
pub mod manifest;
pub mod money;
pub mod org;
pub mod pack;
pub mod pinyin;
pub mod privacy;
pub mod qr;
pub mod rectification;
pub mod relief;
pub mod search;
mod sort;
pub mod summary;
pub mod table;
pub mod validate;
pub mod view;

pub use diag::{Checked, Diagnostic, Severity};
pub use i18n::Lang;
pub use money::Fen;
