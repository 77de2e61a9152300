//! One page per file. Each page declares what it reads first, then renders.

pub mod coverage;
pub mod data;
pub mod donations;
pub mod history;
pub mod lookup;
pub mod overview;
pub mod rectification;
pub mod relief;
