//! The typed parts a name decodes into. Value types only: the grammar that reads them
//! from text is in `crate::grammar`.

mod capability;
mod option;
mod processor;
mod series;
mod size;
mod unknown;

pub use capability::Capability;
pub use option::{AppleChip, AppleChipTier, InstanceOption, NvidiaChip, Tebibytes};
pub use processor::Processor;
pub use series::Series;
pub(crate) use size::SizeKey;
pub use size::{Multiplier, Size};
pub use unknown::{UnknownLetter, UnknownPart};
