//! The catalogue's plain values: public, and stored as they are (no texts to resolve):
//! architectures, accelerator kinds, storage, EBS, tenancy, spot hints.

use std::fmt;

use crate::keyword::keyword_enum;

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
