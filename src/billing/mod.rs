//! The vocabulary of AWS bills below the usage types: the operation of a line
//! (`RunInstances:0002`) and the platform its code names, and the usage types AWS bills in
//! no region. Value types and generated tables only, so that the catalogue (which reads
//! the operations of Savings Plans rates) and the usage decoder share them.

mod operation;
mod platform;
#[rustfmt::skip]
mod tables;

pub use operation::Operation;
pub use platform::Platform;
pub(crate) use tables::GLOBAL_USAGE_TYPES;
