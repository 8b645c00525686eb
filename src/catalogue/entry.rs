//! One catalogue entry: an instance type's specs, regions and cost hints.

use std::fmt;

use super::{Catalogue, Label, Regions};
use crate::keyword::keyword_enum;
use crate::{InstanceType, Processor, Region};

/// Hours in the month used by [`OnDemandPrice::usd_per_month`]: 730, as AWS's pricing pages use.
pub const HOURS_PER_MONTH: f64 = 730.0;

/// What a catalogue knows of one instance type: a view into a [`Catalogue`], cheap to copy.
///
/// Every name the EC2 API accepts has an entry in the bundled catalogue; `specs`,
/// `on_demand` and `spot` are `None` where the sources have no figure (never zero). Facts
/// are the EC2 type's own: for a service name such as `db.r6g.large` they describe
/// `r6g.large`, not the service's offering or its price.
#[derive(Clone, Copy)]
#[non_exhaustive]
pub struct Entry<'c> {
    /// The catalogue the entry is from.
    pub(crate) catalogue: &'c Catalogue,
    /// The position in the catalogue, which also locates the name (see [`Entry::name`]).
    pub(crate) index: u32,
    /// The `DescribeInstanceTypes` facts, or `None` for the few known names without a record.
    pub specs: Option<&'c Specs>,
    /// The regions that offer the type, of those the offering data covers
    /// ([`Catalogue::covered_regions`]); `None` where the offering data does not list the
    /// type in any region (withdrawn, capacity-block only, or only in an older snapshot):
    /// unknown, not "offered nowhere". See [`Entry::offered_in`].
    pub regions: Option<Regions>,
    /// The on-demand Linux price (the bundled snapshot's: us-east-1); other regions' prices
    /// of an owned catalogue through [`Entry::on_demand_in`].
    pub on_demand: Option<OnDemandPrice>,
    /// The Spot Instance Advisor hint for us-east-1 Linux; other regions' through
    /// [`Entry::spot_in`].
    pub spot: Option<SpotHint>,
}

impl fmt::Debug for Entry<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Entry")
            .field("name", &self.name())
            .field("specs", &self.specs)
            .field("regions", &self.regions)
            .field("on_demand", &self.on_demand)
            .field("spot", &self.spot)
            .finish()
    }
}

/// Two entries are equal when they are the same name of the same catalogue.
impl PartialEq for Entry<'_> {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.catalogue, other.catalogue) && self.index == other.index
    }
}

/// Hardware facts from EC2 `DescribeInstanceTypes`. Plain values (no pointers), so the
/// bundled table needs no relocations and an owned catalogue holds them in a `Vec`.
// The flags mirror the source's booleans one for one.
#[allow(clippy::struct_excessive_bools)]
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct Specs {
    /// The snapshot the record comes from: `"moto 5.2.5, 2026-10-27"`, or an older one
    /// for types the current snapshot lacks (see `data/README.md`).
    pub source: Label,
    /// Default vCPUs.
    pub vcpus: u32,
    /// Default physical cores.
    pub cores: u32,
    /// Default threads per core.
    pub threads_per_core: u32,
    /// Memory in MiB.
    pub memory_mib: u64,
    /// Supported architectures.
    pub architectures: Architectures,
    /// The processor manufacturer, as the source names it: `"AWS"`, `"Intel"`, `"AMD"`,
    /// `"Apple"`; `None` where the record names none (`cc2.8xlarge`, `g2.2xlarge`).
    pub processor_manufacturer: Option<Label>,
    /// Sustained clock speed in GHz, where the source states it.
    pub clock_ghz: Option<f64>,
    /// GPUs, if any.
    pub gpu: Option<Gpu>,
    /// Accelerators that are not GPUs (Inferentia, Trainium, Qualcomm, FPGA, media), if any.
    pub accelerator: Option<Accelerator>,
    /// Local instance storage, if any.
    pub storage: Option<InstanceStorage>,
    /// Networking.
    pub network: Network,
    /// EBS-optimized bandwidth and IOPS, where the source states them.
    pub ebs: Option<Ebs>,
    /// The hypervisor (`"nitro"`, `"xen"`), or `None` (bare metal, Mac).
    pub hypervisor: Option<Label>,
    /// Whether it is a bare metal type.
    pub bare_metal: bool,
    /// Whether it is burstable (`t` series).
    pub burstable: bool,
    /// Whether AWS lists it as current generation.
    pub current_generation: bool,
    /// Whether it is free-tier eligible.
    pub free_tier_eligible: bool,
    /// Whether it can run on demand.
    pub on_demand_usage: bool,
    /// Whether it can run as Spot.
    pub spot_usage: bool,
}

keyword_enum! {
    /// A CPU architecture, as `DescribeInstanceTypes` names it.
    pub enum Architecture("architecture") {
        /// `x86_64`.
        X86_64 = "x86_64",
        /// `arm64`.
        Arm64 = "arm64",
        /// `x86_64_mac`: Intel Mac.
        X86_64Mac = "x86_64_mac",
        /// `arm64_mac`: Apple silicon Mac.
        Arm64Mac = "arm64_mac",
        /// `i386`.
        I386 = "i386",
    }
}

/// The architectures a type supports: a small set.
///
/// ```
/// use ec2_instance_type::catalogue::{self, Architecture};
///
/// let archs = catalogue::get("m5.xlarge").unwrap().specs.unwrap().architectures;
/// assert!(archs.contains(Architecture::X86_64));
/// assert_eq!(archs.iter().map(|a| a.as_str()).collect::<Vec<_>>(), ["x86_64"]);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Architectures(pub(crate) u8);

impl Architectures {
    /// Whether the set holds `architecture`.
    #[must_use]
    pub fn contains(&self, architecture: Architecture) -> bool {
        // Bit i is the i-th variant, as the generator writes it.
        self.0 & (1 << architecture as u8) != 0
    }

    /// The architectures, in the order of [`Architecture`]'s variants.
    pub fn iter(&self) -> impl Iterator<Item = Architecture> + '_ {
        super::bits::members(u32::from(self.0), Architecture::known())
    }

    /// How many architectures.
    #[must_use]
    pub fn len(&self) -> usize {
        self.0.count_ones() as usize
    }

    /// Whether there are none.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0 == 0
    }
}

impl fmt::Debug for Architectures {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

/// GPUs of an instance type.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct Gpu {
    /// Whole GPUs; 0 for a fractional part (see `share`).
    pub count: u32,
    /// The fraction of one GPU for fractional parts (`0.125` for `g6f.large`).
    pub share: Option<f64>,
    /// The manufacturer: `"NVIDIA"`, `"AMD"`, ...
    pub manufacturer: Label,
    /// The model: `"V100"`, `"L4"`, ...
    pub model: Label,
    /// Total GPU memory in MiB.
    pub memory_mib: u64,
}

/// Accelerators that are not GPUs.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct Accelerator {
    /// What kind of accelerator.
    pub kind: AcceleratorKind,
    /// How many.
    pub count: u32,
    /// The manufacturer: `"AWS"`, `"Qualcomm"`, `"Xilinx"`.
    pub manufacturer: Label,
    /// The model: `"Inferentia2"`, `"Trainium2"`, ...
    pub model: Label,
    /// Total accelerator memory in MiB.
    pub memory_mib: u64,
}

keyword_enum! {
    /// The kind of a non-GPU accelerator.
    pub enum AcceleratorKind("accelerator kind") {
        /// AWS Inferentia (machine learning inference).
        Inferentia = "inferentia",
        /// AWS Trainium (machine learning training).
        Trainium = "trainium",
        /// Qualcomm AI inference accelerators.
        Qualcomm = "qualcomm",
        /// FPGAs.
        Fpga = "fpga",
        /// Media (video transcoding) accelerators.
        Media = "media",
    }
}

/// Local instance storage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct InstanceStorage {
    /// Number of disks.
    pub disks: u32,
    /// Size of each disk in GB.
    pub disk_gb: u64,
    /// SSD or HDD.
    pub disk_type: DiskType,
    /// Whether the disks are NVMe.
    pub nvme: bool,
    /// Total size in GB.
    pub total_gb: u64,
}

keyword_enum! {
    /// The medium of local instance storage.
    pub enum DiskType("disk type") {
        /// Solid state.
        Ssd = "ssd",
        /// Hard disk.
        Hdd = "hdd",
    }
}

/// Networking facts.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct Network {
    /// AWS's performance label, such as `"Up to 10 Gigabit"`.
    pub performance: Label,
    /// Baseline bandwidth in Gbps: the type's own label where it states the whole
    /// type's figure on a multi-card type (`400 Gigabit`, `4x 100 Gigabit`), otherwise
    /// the default network card's.
    pub baseline_gbps: Option<f64>,
    /// Peak bandwidth in Gbps, by the same rule.
    pub peak_gbps: Option<f64>,
    /// Maximum network interfaces, over all network cards.
    pub max_interfaces: u32,
    /// Network cards.
    pub cards: u32,
    /// Maximum network interfaces on the default network card.
    pub default_card_interfaces: u32,
    /// IPv4 addresses per interface.
    pub ipv4_per_interface: u32,
    /// Whether Elastic Fabric Adapter is supported.
    pub efa: bool,
    /// ENA support as the source states it: `"required"`, `"supported"`, `"unsupported"`.
    pub ena: Label,
}

impl Network {
    /// The pods an EKS node of this type runs with the VPC CNI defaults, as the CNI and
    /// the EKS node agent compute it from the **default network card** only:
    /// `interfaces on the default card × (IPv4 per interface − 1) + 2`
    /// (`p5.48xlarge`: 2 × 49 + 2 = 100).
    #[must_use]
    pub fn eks_max_pods(&self) -> u32 {
        self.default_card_interfaces * self.ipv4_per_interface.saturating_sub(1) + 2
    }
}

/// EBS-optimized performance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Ebs {
    /// Baseline bandwidth in Mbps.
    pub baseline_mbps: u32,
    /// Maximum bandwidth in Mbps.
    pub max_mbps: u32,
    /// Baseline IOPS.
    pub baseline_iops: u32,
    /// Maximum IOPS.
    pub max_iops: u32,
}

keyword_enum! {
    /// The tenancy a price is for.
    pub enum Tenancy("tenancy") {
        /// Shared hardware: the ordinary on-demand price.
        Shared = "shared",
        /// Dedicated: the price table lists bare metal sizes at Dedicated-tenancy rates,
        /// often above the same-size virtualized type.
        Dedicated = "dedicated",
    }
}

/// An on-demand Linux price in USD per hour, with the region and tenancy it was
/// published for.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct OnDemandPrice {
    /// USD per hour.
    pub usd_per_hour: f64,
    /// The region the figure comes from: `"us-east-1"`, or a GovCloud region where
    /// us-east-1 has no price.
    pub region: Label,
    /// Shared, or Dedicated (bare metal sizes, as the source lists them).
    pub tenancy: Tenancy,
    /// Whether the bundled snapshot gives it in place of a us-east-1 price it lacks.
    pub(crate) estimate: bool,
}

impl OnDemandPrice {
    /// Whether the bundled snapshot gives the figure in place of the us-east-1 price it
    /// lacks (a GovCloud price). A price given for its own region is not an estimate.
    #[must_use]
    pub fn is_estimate(&self) -> bool {
        self.estimate
    }

    /// USD per month of [`HOURS_PER_MONTH`] hours.
    #[must_use]
    pub fn usd_per_month(&self) -> f64 {
        self.usd_per_hour * HOURS_PER_MONTH
    }
}

/// A Spot Instance Advisor hint (Linux, trailing 30 days) of one region.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct SpotHint {
    /// Savings versus on-demand, in percent (negative where Spot cost more).
    pub savings_percent: i8,
    /// How often AWS interrupted Spot instances of this type.
    pub interruption: Interruption,
}

keyword_enum! {
    /// The Spot Instance Advisor's interruption frequency band; its text is the advisor's
    /// label.
    pub enum Interruption("interruption band") {
        /// Less than 5 %.
        Under5 = "<5%",
        /// 5 to 10 %.
        From5To10 = "5-10%",
        /// 10 to 15 %.
        From10To15 = "10-15%",
        /// 15 to 20 %.
        From15To20 = "15-20%",
        /// More than 20 %.
        Over20 = ">20%",
    }
}

impl Specs {
    /// Memory in GiB.
    #[must_use]
    pub fn memory_gib(&self) -> f64 {
        self.memory_mib as f64 / 1024.0
    }

    /// The processor, from the manufacturer the source states (`"AWS"` is Graviton).
    #[must_use]
    pub fn processor(&self) -> Option<Processor> {
        match self.processor_manufacturer?.as_str() {
            "AWS" => Some(Processor::Graviton),
            "Intel" => Some(Processor::Intel),
            "AMD" => Some(Processor::Amd),
            "Apple" => Some(Processor::Apple),
            _ => None,
        }
    }

    /// Whole GPUs; 0 for a fractional GPU or none.
    #[must_use]
    pub fn gpu_count(&self) -> u32 {
        self.gpu.map_or(0, |g| g.count)
    }

    /// Whether the type supports the architecture.
    #[must_use]
    pub fn supports(&self, architecture: Architecture) -> bool {
        self.architectures.contains(architecture)
    }
}

impl<'c> Entry<'c> {
    /// The name: `"m5.xlarge"`.
    #[must_use]
    pub fn name(self) -> &'c str {
        self.catalogue.name_at(self.index as usize)
    }

    /// The family: everything before the dot (`"m5"`).
    #[must_use]
    pub fn family(self) -> &'c str {
        let name = self.name();
        name.split_once('.').map_or(name, |(family, _)| family)
    }

    /// The name, decoded. (Every catalogue name parses: the bundled ones are tested, owned
    /// ones checked when added. Were one not to, this would be an empty name rather than
    /// a panic.)
    #[must_use]
    pub fn instance_type(self) -> InstanceType {
        InstanceType::parse(self.name()).unwrap_or_else(|_| InstanceType::empty())
    }

    /// The catalogue the entry is from.
    #[must_use]
    pub fn catalogue(self) -> &'c Catalogue {
        self.catalogue
    }

    /// The entry's place in name order: [`InstanceType`]'s generation-aware order.
    pub(crate) fn name_rank(self) -> u32 {
        self.catalogue.name_rank(self.index as usize)
    }

    /// On-demand USD per vCPU-hour.
    #[must_use]
    pub fn usd_per_vcpu_hour(self) -> Option<f64> {
        let specs = self.specs?;
        (specs.vcpus > 0).then(|| {
            self.on_demand
                .map(|p| p.usd_per_hour / f64::from(specs.vcpus))
        })?
    }

    /// On-demand USD per GiB-hour of memory.
    #[must_use]
    pub fn usd_per_gib_hour(self) -> Option<f64> {
        let specs = self.specs?;
        (specs.memory_mib > 0)
            .then(|| self.on_demand.map(|p| p.usd_per_hour / specs.memory_gib()))?
    }

    /// An estimate of the Spot price in USD per hour: `on-demand × (1 − savings)`, from the
    /// us-east-1 price and the us-east-1 advisor hint. It is an estimate, not a quote:
    /// the advisor publishes savings, not prices. `None` without a us-east-1 price.
    #[must_use]
    pub fn spot_estimate_usd_per_hour(self) -> Option<f64> {
        self.spot_estimate_in(&Region::us_east_1())
    }

    /// The estimate of the Spot price in `region`, given only where the on-demand price
    /// is of that same region (the advisor's savings are against that region's price).
    #[must_use]
    pub fn spot_estimate_in(self, region: &Region) -> Option<f64> {
        let price = self.on_demand_in(region)?;
        let spot = self.spot_in(region)?;
        Some(price.usd_per_hour * (1.0 - f64::from(spot.savings_percent) / 100.0))
    }

    /// The Spot Instance Advisor hint (Linux) of `region`, if the advisor data has one.
    #[must_use]
    pub fn spot_in(self, region: &Region) -> Option<SpotHint> {
        self.catalogue.spot_hint(self.index as usize, region)
    }

    /// The on-demand price of `region`: the entry's own where it is that region's, else
    /// one an owned catalogue was given for the region (see
    /// [`Catalogue::apply_prices_csv`]).
    #[must_use]
    pub fn on_demand_in(self, region: &Region) -> Option<OnDemandPrice> {
        self.on_demand
            .filter(|p| p.region == region.as_str())
            .or_else(|| self.catalogue.regional_price(self.index as usize, region))
    }

    /// Whether `region` offers the type: `None` where the catalogue does not know
    /// (the offering data does not cover the region, or lists the type nowhere);
    /// presence in the spot advisor data is not counted as an offering.
    ///
    /// ```
    /// use ec2_instance_type::{catalogue, Region};
    ///
    /// let m5 = catalogue::get("m5.large").unwrap();
    /// assert_eq!(m5.offered_in(&Region::parse("eu-west-1")?), Some(true));
    /// // The bundled offering data does not cover mx-central-1.
    /// assert_eq!(m5.offered_in(&Region::parse("mx-central-1")?), None);
    /// # Ok::<(), ec2_instance_type::ParseError>(())
    /// ```
    #[must_use]
    pub fn offered_in(self, region: &Region) -> Option<bool> {
        if !self.catalogue.covered_regions().contains(region) {
            return None;
        }
        Some(self.regions?.contains(region))
    }
}
