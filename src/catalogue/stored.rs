//! The catalogue's facts as its tables store them: plain values whose texts are numbers
//! into the catalogue's own string table ([`Label`]), so the bundled table holds no
//! pointers and an owned catalogue holds its texts itself. [`Entry`](super::Entry) turns
//! them into the public views, whose texts borrow from the catalogue.

// The generated table names these types (and the public ones they hold) by glob import.
use super::Regions;
use super::commitment::Commitment;
pub(crate) use super::values::{
    AcceleratorKind, Architectures, DiskType, Ebs, InstanceStorage, Interruption, SpotHint, Tenancy,
};

/// A text of the catalogue: an index into the bundled texts, then into the catalogue's
/// own ([`Texts`](super::strings::Texts)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Label(pub(crate) u16);

/// [`super::Specs`] as stored.
// The flags mirror the source's booleans one for one.
#[allow(clippy::struct_excessive_bools)]
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Specs {
    pub(crate) source: Label,
    pub(crate) vcpus: u32,
    pub(crate) cores: u32,
    pub(crate) threads_per_core: u32,
    pub(crate) memory_mib: u64,
    pub(crate) architectures: Architectures,
    pub(crate) processor_manufacturer: Option<Label>,
    pub(crate) clock_ghz: Option<f64>,
    pub(crate) gpu: Option<Gpu>,
    pub(crate) accelerator: Option<Accelerator>,
    pub(crate) storage: Option<InstanceStorage>,
    pub(crate) network: Network,
    pub(crate) ebs: Option<Ebs>,
    pub(crate) hypervisor: Option<Label>,
    pub(crate) bare_metal: bool,
    pub(crate) burstable: bool,
    pub(crate) current_generation: bool,
    pub(crate) free_tier_eligible: bool,
    pub(crate) on_demand_usage: bool,
    pub(crate) spot_usage: bool,
}

/// [`super::Gpu`] as stored.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Gpu {
    pub(crate) count: u32,
    pub(crate) share: Option<f64>,
    pub(crate) manufacturer: Label,
    pub(crate) model: Label,
    pub(crate) memory_mib: u64,
}

/// [`super::Accelerator`] as stored.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Accelerator {
    pub(crate) kind: AcceleratorKind,
    pub(crate) count: u32,
    pub(crate) manufacturer: Label,
    pub(crate) model: Label,
    pub(crate) memory_mib: u64,
}

/// [`super::Network`] as stored.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Network {
    pub(crate) performance: Label,
    pub(crate) baseline_gbps: Option<f64>,
    pub(crate) peak_gbps: Option<f64>,
    pub(crate) max_interfaces: u32,
    pub(crate) cards: u32,
    pub(crate) default_card_interfaces: u32,
    pub(crate) ipv4_per_interface: u32,
    pub(crate) efa: bool,
    pub(crate) ena: Label,
}

/// [`super::OnDemandPrice`] as stored.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct OnDemandPrice {
    pub(crate) usd_per_hour: f64,
    /// The region's code.
    pub(crate) region: Label,
    pub(crate) tenancy: Tenancy,
    /// The file the price came from; `None`: the bundled price snapshot.
    pub(crate) source: Option<Label>,
    /// The operating system as AWS names it; `None`: Linux (all bundled prices).
    pub(crate) os: Option<Label>,
}

/// A row of the table: what an entry holds, with its specs by index.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Row {
    /// Index into the specs table, or [`NO_SPECS`].
    pub(crate) specs: u32,
    pub(crate) regions: Option<Regions>,
    pub(crate) on_demand: Option<OnDemandPrice>,
    pub(crate) spot: Option<SpotHint>,
}

/// The `specs` of a row without specs.
pub(crate) const NO_SPECS: u32 = u32::MAX;

/// A price given for a region other than the row's own: (row, region bit, price).
pub(crate) type RegionalPrice = (u32, u8, OnDemandPrice);

/// [`super::CommitmentRate`] as stored.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct CommitmentRate {
    pub(crate) commitment: Commitment,
    /// The region's code.
    pub(crate) region: Label,
    /// The operating system as AWS names it; `None`: Linux.
    pub(crate) os: Option<Label>,
    pub(crate) tenancy: Tenancy,
    pub(crate) hourly_usd: f64,
    pub(crate) upfront_usd: Option<f64>,
    /// The file the rate came from, with its publication date.
    pub(crate) source: Label,
}

/// A commitment rate of a row: (row, rate), sorted by row.
pub(crate) type RowRate = (u32, CommitmentRate);
