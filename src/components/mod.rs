//! Reusable pieces shared by every page: one implementation each.

pub mod chart;
pub mod data_error;
pub mod facet;
pub mod figures;
pub mod highlight;
pub mod link;

pub use chart::BarChartView;
pub use data_error::{DataError, ValidationNotice};
pub use facet::{FacetGroup, FacetOption};
pub use figures::{FigureSource, FigureTable};
pub use highlight::Highlighted;
pub use link::ViewLink;
