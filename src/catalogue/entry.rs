//! One catalogue entry: an instance type's specs, regions and cost hints.

use std::fmt;

use super::{Catalogue, Regions, stored};
use crate::keyword::keyword_enum;
use crate::{InstanceType, Processor, Region};

/// Hours in the month used by [`OnDemandPrice::usd_per_month`]: 730, as AWS's pricing pages use.
pub const HOURS_PER_MONTH: f64 = 730.0;

/// What a catalogue knows of one instance type: a view into a [`Catalogue`], cheap to copy.
///
/// Every answer about the type is asked of the entry, and comes from its catalogue: the
/// bundled one, or an owned one with the user's data. Facts are `None` where the sources
/// have no figure (never zero). Facts are the EC2 type's own: for a service name such as
/// `db.r6g.large` they describe `r6g.large`, not the service's offering or its price.
///
/// ```
/// use ec2_instance_type::{catalogue, Region};
///
/// let m5 = catalogue::get("m5.xlarge").unwrap();
/// assert_eq!(m5.specs().unwrap().vcpus, 4);
/// let price = m5.on_demand(&Region::us_east_1()).unwrap();
/// assert_eq!((price.usd_per_hour, price.region), (0.192, "us-east-1"));
/// assert!(price.source.starts_with("AWS Pricing API"));
/// ```
#[derive(Clone, Copy)]
pub struct Entry<'c> {
    /// The catalogue the entry is from.
    pub(crate) catalogue: &'c Catalogue,
    /// The position in the catalogue, which also locates the name (see [`Entry::name`]).
    pub(crate) index: u32,
}

impl fmt::Debug for Entry<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Entry")
            .field("name", &self.name())
            .field("specs", &self.specs())
            .field("regions", &self.regions())
            .finish_non_exhaustive()
    }
}

/// Two entries are equal when they are the same name of the same catalogue.
impl PartialEq for Entry<'_> {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.catalogue, other.catalogue) && self.index == other.index
    }
}

/// Hardware facts from EC2 `DescribeInstanceTypes`, with texts borrowed from the
/// catalogue ([`Entry::specs`]).
// The flags mirror the source's booleans one for one.
#[allow(clippy::struct_excessive_bools)]
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct Specs<'c> {
    /// Where the record comes from: the bundled snapshot (`"moto 5.2.5, 2026-10-27"`, or
    /// an older one for types the current snapshot lacks, see `data/README.md`), or the
    /// name the user's file was applied under.
    pub source: &'c str,
    /// Default vCPUs.
    pub vcpus: u32,
    /// Default physical cores; `None` where the record does not say (never 0).
    pub cores: Option<u32>,
    /// Default threads per core; `None` where the record does not say.
    pub threads_per_core: Option<u32>,
    /// Memory in MiB.
    pub memory_mib: u64,
    /// Supported architectures.
    pub architectures: Architectures,
    /// The processor manufacturer, as the source names it: `"AWS"`, `"Intel"`, `"AMD"`,
    /// `"Apple"`; `None` where the record names none (`cc2.8xlarge`, `g2.2xlarge`).
    pub processor_manufacturer: Option<&'c str>,
    /// Sustained clock speed in GHz, where the source states it.
    pub clock_ghz: Option<f64>,
    /// GPUs, if any.
    pub gpu: Option<Gpu<'c>>,
    /// Accelerators that are not GPUs (Inferentia, Trainium, Qualcomm, FPGA, media), if any.
    pub accelerator: Option<Accelerator<'c>>,
    /// Local instance storage, if any.
    pub storage: Option<InstanceStorage>,
    /// Networking.
    pub network: Network<'c>,
    /// EBS-optimized bandwidth and IOPS, where the source states them.
    pub ebs: Option<Ebs>,
    /// The hypervisor (`"nitro"`, `"xen"`), or `None` (bare metal, Mac).
    pub hypervisor: Option<&'c str>,
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
        /// `x86_64` (`amd64` as Kubernetes and Go write it).
        X86_64 = "x86_64" | "amd64",
        /// `arm64` (`aarch64` as Rust's `target_arch` and Linux write it).
        Arm64 = "arm64" | "aarch64",
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
/// let archs = catalogue::get("m5.xlarge").unwrap().specs().unwrap().architectures;
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
pub struct Gpu<'c> {
    /// Whole GPUs; 0 for a fractional part (see `share`).
    pub count: u32,
    /// The fraction of one GPU for fractional parts (`0.125` for `g6f.large`).
    pub share: Option<f64>,
    /// The manufacturer: `"NVIDIA"`, `"AMD"`, ...
    pub manufacturer: &'c str,
    /// The model: `"V100"`, `"L4"`, ...
    pub model: &'c str,
    /// Total GPU memory in MiB.
    pub memory_mib: u64,
}

/// Accelerators that are not GPUs.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct Accelerator<'c> {
    /// What kind of accelerator.
    pub kind: AcceleratorKind,
    /// How many.
    pub count: u32,
    /// The manufacturer: `"AWS"`, `"Qualcomm"`, `"Xilinx"`.
    pub manufacturer: &'c str,
    /// The model: `"Inferentia2"`, `"Trainium2"`, ...
    pub model: &'c str,
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
pub struct Network<'c> {
    /// AWS's performance label, such as `"Up to 10 Gigabit"`.
    pub performance: &'c str,
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
    pub ena: &'c str,
}

impl Network<'_> {
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
        /// On a Dedicated Host you pay for (AWS's price list lists the instances on it at
        /// 0, which is not taken as a price).
        Host = "host",
    }
}

/// An on-demand Linux price in USD per hour, with the region and tenancy it was
/// published for and where it comes from.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct OnDemandPrice<'c> {
    /// USD per hour.
    pub usd_per_hour: f64,
    /// The region the figure was published for: `"us-east-1"`, `"eu-west-1"`, ...
    pub region: &'c str,
    /// Shared, or Dedicated (bare metal sizes, as the bundled source lists them), or Host.
    pub tenancy: Tenancy,
    /// The operating system as AWS names it: `"Linux"` (every bundled price),
    /// `"Windows"`, `"RHEL"`, `"SUSE"`, `"Ubuntu Pro"`, ...
    pub os: &'c str,
    /// Where the figure comes from: the bundled price snapshot ([`PRICES_SNAPSHOT`](super::PRICES_SNAPSHOT))
    /// or the name the user's file was applied under.
    pub source: &'c str,
    /// Whether it stands in for the price of another region, which the catalogue lacks.
    pub(crate) fallback: bool,
}

impl OnDemandPrice<'_> {
    /// Whether the figure stands in for the price of the region asked for, which the
    /// catalogue lacks ([`Entry::price_or_fallback`]): it is [`region`](Self::region)'s
    /// price, not the one asked for.
    #[must_use]
    pub fn is_fallback(&self) -> bool {
        self.fallback
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

/// Whether two names of an operating system are the same, case, spaces and hyphens aside
/// (`"Ubuntu Pro"`, `"ubuntu-pro"`).
pub(crate) fn same_os(a: &str, b: &str) -> bool {
    let norm = |b: u8| {
        if b == b' ' {
            b'-'
        } else {
            b.to_ascii_lowercase()
        }
    };
    a.len() == b.len() && a.bytes().zip(b.bytes()).all(|(x, y)| norm(x) == norm(y))
}

/// The processor of a manufacturer as `DescribeInstanceTypes` names it (`"AWS"` is Graviton).
pub(crate) fn processor_of_manufacturer(manufacturer: &str) -> Option<Processor> {
    match manufacturer {
        "AWS" => Some(Processor::Graviton),
        "Intel" => Some(Processor::Intel),
        "AMD" => Some(Processor::Amd),
        "Apple" => Some(Processor::Apple),
        _ => None,
    }
}

impl Specs<'_> {
    /// Memory in GiB.
    #[must_use]
    pub fn memory_gib(&self) -> f64 {
        self.memory_mib as f64 / 1024.0
    }

    /// The processor, from the manufacturer the source states (`"AWS"` is Graviton).
    #[must_use]
    pub fn processor(&self) -> Option<Processor> {
        processor_of_manufacturer(self.processor_manufacturer?)
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

/// An estimate of the Spot price of a type in one region: `on-demand × (1 − savings)`,
/// from the Spot Instance Advisor's savings and a shared-tenancy on-demand price of the
/// same region. An estimate, not a quote: the advisor publishes savings, not prices.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct SpotEstimate<'c> {
    /// The estimated USD per hour.
    pub usd_per_hour: f64,
    /// The on-demand price the savings were applied to: the type's own shared price, or,
    /// for a bare metal size with only a Dedicated price, the shared price of the
    /// virtualized size of the family with the same vCPUs ([`SpotEstimate::based_on`]).
    pub on_demand: OnDemandPrice<'c>,
    /// The type whose on-demand price was used.
    pub based_on: Entry<'c>,
}

/// An entry with the region (and, if asked, the operating system and tenancy) its costs
/// are asked in: what serializes as one flat JSON object (feature `serde`), prices and
/// spot hints of that region.
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct EntryAt<'c> {
    /// The entry.
    pub entry: Entry<'c>,
    /// The region of its costs.
    pub region: Region,
    /// The operating system of its price; `None`: Linux, with a fallback price of another
    /// region where the catalogue has none of this one.
    pub os: Option<&'c str>,
    /// The tenancy of its price; `None`: shared, or the tenancy the catalogue lists.
    pub tenancy: Option<Tenancy>,
}

impl<'c> EntryAt<'c> {
    /// The costs of this operating system (`"windows"`, `"rhel"`, as
    /// [`Entry::on_demand_for`] matches them).
    #[must_use]
    pub fn os(mut self, os: &'c str) -> Self {
        self.os = Some(os);
        self
    }

    /// The costs of this tenancy.
    #[must_use]
    pub fn tenancy(mut self, tenancy: Tenancy) -> Self {
        self.tenancy = Some(tenancy);
        self
    }

    /// The on-demand price of this region, OS and tenancy, or `None`: never another
    /// region's. With neither an OS nor a tenancy asked for, [`Entry::on_demand`];
    /// otherwise exactly [`Entry::on_demand_for`] (Linux and shared where one of the two is
    /// not given).
    ///
    /// ```
    /// use ec2_instance_type::{catalogue, Region};
    ///
    /// let m5 = catalogue::get("m5.large").unwrap();
    /// // The bundled prices are us-east-1's: eu-west-1 has none, and none is given.
    /// assert!(m5.at(Region::parse("eu-west-1")?).price().is_none());
    /// assert!(m5.at(Region::us_east_1()).price().is_some());
    /// # Ok::<(), ec2_instance_type::ParseError>(())
    /// ```
    #[must_use]
    pub fn price(&self) -> Option<OnDemandPrice<'c>> {
        self.entry.price_asked(&self.region, self.os, self.tenancy)
    }

    /// [`EntryAt::price`], or, with neither an OS nor a tenancy asked for and no price of
    /// this region, the price of another region marked [`OnDemandPrice::is_fallback`]
    /// ([`Entry::price_or_fallback`]): for showing one type, never for ranking.
    #[must_use]
    pub fn price_or_fallback(&self) -> Option<OnDemandPrice<'c>> {
        if self.os.is_none() && self.tenancy.is_none() {
            return self.entry.price_or_fallback(&self.region);
        }
        self.price()
    }
}

impl<'c> Entry<'c> {
    /// The entry with the region its costs are asked in, to serialize (feature `serde`).
    #[must_use]
    pub fn at(self, region: Region) -> EntryAt<'c> {
        EntryAt {
            entry: self,
            region,
            os: None,
            tenancy: None,
        }
    }

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

    /// The `DescribeInstanceTypes` facts, or `None` for the few known names without a
    /// record. [`Specs::source`] says where they come from.
    #[must_use]
    pub fn specs(self) -> Option<Specs<'c>> {
        let stored = self.catalogue.stored_specs(self.index as usize)?;
        Some(self.catalogue.resolve_specs(stored))
    }

    /// The regions that offer the type, of those the offering data covers
    /// ([`Catalogue::covered_regions`]); `None` where the offering data does not list the
    /// type in any region (withdrawn, capacity-block only, or only in an older snapshot):
    /// unknown, not "offered nowhere". See [`Entry::offered_in`].
    #[must_use]
    pub fn regions(self) -> Option<Regions> {
        self.catalogue.row(self.index as usize)?.regions
    }

    /// Where the offering data comes from: the bundled snapshot, and the names of the
    /// user's files that replaced a region's list (the same for every entry of a
    /// catalogue: offerings are applied per region).
    #[must_use]
    pub fn regions_source(self) -> &'c str {
        self.catalogue.regions_source()
    }

    /// Whether `region` offers the type: `Some(true)` where offering data lists it there
    /// (a region's list, or an availability zone's), `Some(false)` where a region's full
    /// list leaves it out, `None` where the catalogue does not know (no region list covers
    /// the region, or the type is listed nowhere); presence in the spot advisor data is
    /// not counted as an offering.
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
        let listed = self.regions()?.contains(region);
        (listed || self.catalogue.covered_regions().contains(region)).then_some(listed)
    }

    /// The on-demand Linux price published for `region`, if the catalogue has it (the
    /// bundled one: us-east-1's; an owned one: whatever regions the user's prices give):
    /// the shared-tenancy price, or where there is none another tenancy's (the bundled
    /// data lists bare metal at Dedicated rates), which [`OnDemandPrice::tenancy`] names.
    #[must_use]
    pub fn on_demand(self, region: &Region) -> Option<OnDemandPrice<'c>> {
        let linux = |p: &stored::OnDemandPrice| self.catalogue.os_of(p) == "Linux";
        let index = self.index as usize;
        let stored = self
            .catalogue
            .prices_in(index, region)
            .find(|p| linux(p) && p.tenancy == Tenancy::Shared)
            .or_else(|| self.catalogue.prices_in(index, region).find(linux))?;
        Some(self.catalogue.resolve_price(stored, false))
    }

    /// The on-demand price published for `region`, operating system `os` and `tenancy`
    /// exactly. `os` is matched as AWS names it, case and spaces aside: `"linux"`,
    /// `"windows"`, `"rhel"`, `"suse"`, `"ubuntu-pro"`,
    /// `"red-hat-enterprise-linux-with-ha"`.
    ///
    /// ```
    /// use ec2_instance_type::catalogue::{Catalogue, Tenancy};
    /// use ec2_instance_type::Region;
    ///
    /// let m5 = Catalogue::bundled().get("m5.large").unwrap();
    /// let us = Region::us_east_1();
    /// assert!(m5.on_demand_for(&us, "linux", Tenancy::Shared).is_some());
    /// // The bundled prices are Linux only: a Windows price takes your own price list.
    /// assert!(m5.on_demand_for(&us, "windows", Tenancy::Shared).is_none());
    /// ```
    #[must_use]
    pub fn on_demand_for(
        self,
        region: &Region,
        os: &str,
        tenancy: Tenancy,
    ) -> Option<OnDemandPrice<'c>> {
        let stored = self
            .catalogue
            .prices_in(self.index as usize, region)
            .find(|p| p.tenancy == tenancy && same_os(self.catalogue.os_of(p), os))?;
        Some(self.catalogue.resolve_price(stored, false))
    }

    /// The price of `region` for an OS and tenancy that may not have been asked for:
    /// [`Entry::on_demand`] when neither was, else exactly [`Entry::on_demand_for`] (Linux
    /// and shared standing in for the one not given).
    pub(crate) fn price_asked(
        self,
        region: &Region,
        os: Option<&str>,
        tenancy: Option<Tenancy>,
    ) -> Option<OnDemandPrice<'c>> {
        if os.is_none() && tenancy.is_none() {
            return self.on_demand(region);
        }
        self.on_demand_for(
            region,
            os.unwrap_or("Linux"),
            tenancy.unwrap_or(Tenancy::Shared),
        )
    }

    /// The on-demand price of `region`, or, when the catalogue has none, its price of
    /// another region marked [`OnDemandPrice::is_fallback`] (the bundled one lists 9 types
    /// at GovCloud prices only). For showing one type, never for ranking: compare prices
    /// of one region with [`Entry::on_demand`].
    #[must_use]
    pub fn price_or_fallback(self, region: &Region) -> Option<OnDemandPrice<'c>> {
        self.on_demand(region).or_else(|| {
            let own = self.catalogue.row(self.index as usize)?.on_demand?;
            Some(self.catalogue.resolve_price(own, true))
        })
    }

    /// On-demand USD per vCPU-hour in `region`.
    #[must_use]
    pub fn usd_per_vcpu_hour(self, region: &Region) -> Option<f64> {
        let vcpus = self.specs()?.vcpus;
        let price = self.on_demand(region)?;
        (vcpus > 0).then(|| price.usd_per_hour / f64::from(vcpus))
    }

    /// On-demand USD per GiB-hour of memory in `region`.
    #[must_use]
    pub fn usd_per_gib_hour(self, region: &Region) -> Option<f64> {
        let specs = self.specs()?;
        let price = self.on_demand(region)?;
        (specs.memory_mib > 0).then(|| price.usd_per_hour / specs.memory_gib())
    }

    /// The Spot Instance Advisor hint (Linux) of `region`, if the advisor data has one.
    #[must_use]
    pub fn spot(self, region: &Region) -> Option<SpotHint> {
        self.catalogue.spot_hint(self.index as usize, region)
    }

    /// An estimate of the Spot price in `region` (see [`SpotEstimate`]): the advisor's
    /// savings applied to a **shared-tenancy** on-demand price of the same region, as the
    /// advisor computes them. A bare metal size priced only at Dedicated rates uses the
    /// shared price of the family's virtualized size with the same vCPUs; `None` when there
    /// is none, or no hint or price of the region.
    #[must_use]
    pub fn spot_estimate(self, region: &Region) -> Option<SpotEstimate<'c>> {
        let hint = self.spot(region)?;
        let shared = |e: Entry<'c>| e.on_demand(region).filter(|p| p.tenancy == Tenancy::Shared);
        let (based_on, on_demand) = if let Some(price) = shared(self) {
            (self, price)
        } else {
            let vcpus = self.specs().filter(|s| s.bare_metal)?.vcpus;
            self.catalogue
                .family(self.family())
                .filter(|e| e.specs().is_some_and(|s| !s.bare_metal && s.vcpus == vcpus))
                .find_map(|e| Some((e, shared(e)?)))?
        };
        Some(SpotEstimate {
            usd_per_hour: on_demand.usd_per_hour * (1.0 - f64::from(hint.savings_percent) / 100.0),
            on_demand,
            based_on,
        })
    }

    /// The reserved-instance normalization factor, also for a bare `metal` size: the
    /// factor of the largest other size of the family in this catalogue (`m5.metal` 192,
    /// as `m5.24xlarge`). `None` for a bare `metal` whose family has no other size.
    #[must_use]
    pub fn normalization_factor(self) -> Option<f64> {
        self.catalogue.normalization_factor(&self.instance_type())
    }

    /// The next larger size of the same family in this catalogue (`m5.xlarge` →
    /// `m5.2xlarge`).
    #[must_use]
    pub fn next_larger(self) -> Option<Entry<'c>> {
        self.catalogue.next_larger(&self.instance_type())
    }

    /// The next smaller size of the same family in this catalogue.
    #[must_use]
    pub fn next_smaller(self) -> Option<Entry<'c>> {
        self.catalogue.next_smaller(&self.instance_type())
    }
}

impl Catalogue {
    /// The public view of stored specs, with this catalogue's texts.
    pub(crate) fn resolve_specs(&self, s: &stored::Specs) -> Specs<'_> {
        let text = |label| self.text(label);
        Specs {
            source: text(s.source),
            vcpus: s.vcpus,
            // Stored as 0 where the record does not say.
            cores: Some(s.cores).filter(|n| *n > 0),
            threads_per_core: Some(s.threads_per_core).filter(|n| *n > 0),
            memory_mib: s.memory_mib,
            architectures: s.architectures,
            processor_manufacturer: s.processor_manufacturer.map(text),
            clock_ghz: s.clock_ghz,
            gpu: s.gpu.map(|g| Gpu {
                count: g.count,
                share: g.share,
                manufacturer: text(g.manufacturer),
                model: text(g.model),
                memory_mib: g.memory_mib,
            }),
            accelerator: s.accelerator.map(|a| Accelerator {
                kind: a.kind,
                count: a.count,
                manufacturer: text(a.manufacturer),
                model: text(a.model),
                memory_mib: a.memory_mib,
            }),
            storage: s.storage,
            network: Network {
                performance: text(s.network.performance),
                baseline_gbps: s.network.baseline_gbps,
                peak_gbps: s.network.peak_gbps,
                max_interfaces: s.network.max_interfaces,
                cards: s.network.cards,
                default_card_interfaces: s.network.default_card_interfaces,
                ipv4_per_interface: s.network.ipv4_per_interface,
                efa: s.network.efa,
                ena: text(s.network.ena),
            },
            ebs: s.ebs,
            hypervisor: s.hypervisor.map(text),
            bare_metal: s.bare_metal,
            burstable: s.burstable,
            current_generation: s.current_generation,
            free_tier_eligible: s.free_tier_eligible,
            on_demand_usage: s.on_demand_usage,
            spot_usage: s.spot_usage,
        }
    }

    /// The public view of a stored price.
    pub(crate) fn resolve_price(
        &self,
        p: stored::OnDemandPrice,
        fallback: bool,
    ) -> OnDemandPrice<'_> {
        OnDemandPrice {
            usd_per_hour: p.usd_per_hour,
            region: self.text(p.region),
            tenancy: p.tenancy,
            os: self.os_of(&p),
            source: p.source.map_or(super::PRICES_SNAPSHOT, |s| self.text(s)),
            fallback,
        }
    }
}
