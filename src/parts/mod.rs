//! The typed parts a name decodes into.

mod capability;
mod option;
mod processor;
mod series;
mod size;
mod unknown;

pub use capability::Capability;
pub use option::{AppleChip, InstanceOption, NvidiaChip};
pub use processor::Processor;
pub use series::Series;
pub use size::Size;
pub use unknown::UnknownPart;
