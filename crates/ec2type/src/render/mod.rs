//! How answers are written: aligned tables and rows, and JSON lines.

pub mod output;
pub mod table;
