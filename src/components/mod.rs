//! Reusable pieces shared by every page: one implementation each.

pub mod chart;
pub mod data_error;
pub mod facet;
pub mod facets;
pub mod figures;
pub mod highlight;
pub mod jump;
pub mod link;
pub mod loaded;
pub mod qr;
pub mod table;
pub mod table_page;
pub mod table_rows;

pub use chart::ChartView;
pub use data_error::{DataError, ValidationNotice};
pub use facet::{FacetGroup, FacetOption};
pub use facets::FacetPanel;
pub use figures::{FigureCard, FigureSource, FigureTable};
pub use highlight::Highlighted;
pub use jump::{narrow_screen, JumpNav};
pub use link::ViewLink;
pub use loaded::loaded;
pub use qr::ViewQr;
pub use table::{DataTable, Pager};
pub use table_page::{index_rows, use_outcome, SampleNotice, SearchableTable};
