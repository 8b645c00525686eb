//! Owned catalogues: the bundled snapshot (or nothing) with the user's own data over it.
//! One module per input format (`instance_types`, `offerings`, `prices_csv`,
//! `price_list/`), the recognition of a file by its content (`file`), one report for all
//! (`report`), and the rebuilding they share (`rebuild`). Each input is applied whole or
//! not at all.

mod file;
mod instance_types;
mod json;
mod offerings;
mod price_list;
mod prices_csv;
mod rebuild;
mod report;

pub use report::{Applied, DataFormat, RegionChange};
