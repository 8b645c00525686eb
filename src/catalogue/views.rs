//! The public views of stored facts: specs, GPUs, accelerators, network and prices with
//! their texts resolved from the catalogue's string table.

use super::commitment::Commitment;
use super::store::Catalogue;
use super::stored;
use super::values::{AcceleratorKind, Architecture, Architectures, Ebs, InstanceStorage, Tenancy};
use crate::Processor;

/// Hours in the month used by [`OnDemandPrice::usd_per_month`]: 730, as AWS's pricing pages use.
pub const HOURS_PER_MONTH: f64 = 730.0;

/// Hardware facts from EC2 `DescribeInstanceTypes`, with texts borrowed from the
/// catalogue ([`Entry::specs`](super::Entry::specs)).
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
    /// catalogue lacks ([`Entry::price_or_fallback`](super::Entry::price_or_fallback)): it is [`region`](Self::region)'s
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

/// The rate of a commitment (a Reserved Instance term or a Savings Plan) for one instance
/// type in one region, OS and tenancy, as AWS's files list it, with the file it comes
/// from. Nothing is estimated: a rate is AWS's or absent.
///
/// A Reserved term with an upfront fee costs its hourly rate plus the fee spread over the
/// term's hours ([`CommitmentRate::effective_usd_per_hour`]); a Savings Plan's rate is
/// already hourly for every payment option (no fee is listed with it).
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct CommitmentRate<'c> {
    /// The commitment: kind, term, payment.
    pub commitment: Commitment,
    /// The region the rate was published for.
    pub region: &'c str,
    /// The operating system as AWS names it (`Linux`, `Windows`, `RHEL`, ...).
    pub os: &'c str,
    /// The tenancy.
    pub tenancy: Tenancy,
    /// The hourly rate in USD (0 for an all-upfront Reserved term).
    pub hourly_usd: f64,
    /// The upfront fee in USD of a Reserved term paid partly or all upfront; `None` for
    /// no upfront and for Savings Plans.
    pub upfront_usd: Option<f64>,
    /// The file the rate comes from, with its publication date.
    pub source: &'c str,
}

impl CommitmentRate<'_> {
    /// What an hour costs under the commitment: the hourly rate plus the upfront fee
    /// spread over the term's hours (8,760 a year).
    ///
    /// ```
    /// use ec2_instance_type::catalogue::{Commitment, HOURS_PER_YEAR};
    ///
    /// // A 1-year partial-upfront term of $0.0300 an hour and $263 upfront.
    /// let effective = 0.03 + 263.0 / HOURS_PER_YEAR;
    /// assert!((effective - 0.060_023).abs() < 1e-6);
    /// # let _: Commitment = "ri-standard-1yr-partial-upfront".parse().unwrap();
    /// ```
    #[must_use]
    pub fn effective_usd_per_hour(&self) -> f64 {
        self.hourly_usd + self.upfront_usd.unwrap_or(0.0) / self.commitment.hours()
    }

    /// How much below `on_demand_usd_per_hour` (the on-demand price of the same region,
    /// OS and tenancy) the effective rate is, in percent; `None` without a positive
    /// on-demand price.
    #[must_use]
    pub fn saving_percent(&self, on_demand_usd_per_hour: f64) -> Option<f64> {
        (on_demand_usd_per_hour > 0.0).then(|| {
            (on_demand_usd_per_hour - self.effective_usd_per_hour()) / on_demand_usd_per_hour
                * 100.0
        })
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

    /// The public view of a stored commitment rate.
    pub(crate) fn resolve_rate(&self, r: &stored::CommitmentRate) -> CommitmentRate<'_> {
        CommitmentRate {
            commitment: r.commitment,
            region: self.text(r.region),
            os: r.os.map_or("Linux", |os| self.text(os)),
            tenancy: r.tenancy,
            hourly_usd: r.hourly_usd,
            upfront_usd: r.upfront_usd,
            source: self.text(r.source),
        }
    }
}
