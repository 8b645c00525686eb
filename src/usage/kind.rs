//! The kinds of usage types that meter instances, what each says about the charge, and
//! the billing services that use them.

use std::fmt;

use crate::keyword::keyword_enum;

keyword_enum! {
    /// A usage-type kind that meters instances (the `BoxUsage` of `USW2-BoxUsage:m5.large`),
    /// written as AWS writes it. Kinds not listed here are kept as written by
    /// [`Kind::Other`].
    ///
    /// Sources: AWS EC2 User Guide, "Understand codes for Amazon EC2 in billing and usage
    /// reports" (EC2 kinds); the Cost and Usage Report user guide; the services' price
    /// lists (see `data/sources/usage-types/NOTES.md` in the repository, and each variant).
    pub enum UsageKind("usage kind") {
        /// EC2 `BoxUsage`: "The running time for On-Demand Instances" (EC2 User Guide). The
        /// same text appears on RI- and Savings-Plan-covered rows: only the line item type
        /// tells on-demand from covered. Without a detail: the legacy `m1.small`.
        BoxUsage = "BoxUsage",
        /// EC2 `SpotUsage`: "The running time for Spot Instances". Without a detail: `m1.small`.
        SpotUsage = "SpotUsage",
        /// EC2 `DedicatedUsage`: "The running time for Dedicated Instances".
        DedicatedUsage = "DedicatedUsage",
        /// EC2 `HostBoxUsage`: "The running time for instances on Dedicated Hosts" (priced 0:
        /// the host is billed by `HostUsage`).
        HostBoxUsage = "HostBoxUsage",
        /// EC2 `HostUsage`: "The time that Dedicated Hosts are provisioned"; the detail is a
        /// family (`m5d`, `mac2-m2`).
        HostUsage = "HostUsage",
        /// EC2 `ReservedHostUsage`: "The time that Dedicated Host Reservations are applied";
        /// the detail is a family (`u-6tb1`).
        ReservedHostUsage = "ReservedHostUsage",
        /// EC2 `Reservation`: "The reserved instance time for Capacity Reservations".
        Reservation = "Reservation",
        /// EC2 `UnusedBox`: "The unused reserved instance time for Capacity Reservations".
        UnusedBox = "UnusedBox",
        /// EC2 `DedicatedRes`: "The reserved instance time for Dedicated Capacity Reservations".
        DedicatedRes = "DedicatedRes",
        /// EC2 `UnusedDed`: "The unused reserved instance time for Dedicated Capacity
        /// Reservations".
        UnusedDed = "UnusedDed",
        /// EC2 `EBSOptimized`: "The time that EBS optimization is enabled" (a surcharge).
        EbsOptimized = "EBSOptimized",
        /// The recurring fee of a Reserved Instance (EC2, RDS, ElastiCache, OpenSearch,
        /// Redshift: the detail's wrapper says which; CUR guide).
        HeavyUsage = "HeavyUsage",
        /// The fee of a legacy Medium Utilization Reserved Instance.
        MediumUsage = "MediumUsage",
        /// The fee of a legacy Light Utilization Reserved Instance.
        LightUsage = "LightUsage",
        /// T-instance surplus CPU credits; the detail is a family (`t3`, `db.t3`).
        CpuCredits = "CPUCredits",
        /// RDS (and Aurora, DocumentDB, Neptune) Single-AZ instance hours: `db.*`.
        InstanceUsage = "InstanceUsage",
        /// RDS Multi-AZ instance hours.
        MultiAzUsage = "Multi-AZUsage",
        /// RDS Multi-AZ DB cluster (readable standbys) instance hours.
        MultiAzClusterUsage = "Multi-AZClusterUsage",
        /// Aurora I/O-Optimized instance hours.
        InstanceUsageIoOptimized = "InstanceUsageIOOptimized",
        /// ElastiCache node hours (`cache.*`), MemoryDB node hours (`db.*`).
        NodeUsage = "NodeUsage",
        /// ElastiCache's Multi-AZ sync-durability add-on, not the base node price.
        SyncDurabilityNodeUsage = "SyncDurability-NodeUsage",
        /// OpenSearch instance hours (detail bare, `.search` or `.elasticsearch`).
        EsInstance = "ESInstance",
        /// Redshift node hours; the detail is a node type (`ra3.4xlarge`, `dc2.large`), not
        /// an EC2 name.
        Node = "Node",
        /// SageMaker notebook instance hours (`ml.*`).
        Notebk = "Notebk",
        /// SageMaker training instance hours.
        Train = "Train",
        /// SageMaker real-time hosting instance hours.
        Host = "Host",
        /// SageMaker batch transform instance hours.
        Tsform = "Tsform",
        /// SageMaker processing instance hours.
        Processing = "Processing",
        /// SageMaker asynchronous inference instance hours.
        AsyncInf = "AsyncInf",
        /// SageMaker Studio app instance hours: `Studio:KernelGateway-ml.r5.24xlarge`.
        Studio = "Studio",
        /// SageMaker `RStudio` app instance hours: `RStudio:RSession-ml.t3.medium`.
        RStudio = "RStudio",
        /// DMS Single-AZ replication instance hours (`dms.*`).
        InstanceUsg = "InstanceUsg",
        /// DMS Multi-AZ replication instance hours.
        MultiAzUsg = "Multi-AZUsg",
        /// MSK broker hours, written without a colon: `APS1-Kafka.m5.large`.
        Kafka = "Kafka",
    }
}

keyword_enum! {
    /// What a usage type's kind says about the charge. `InstanceHours` does not tell
    /// on-demand from Reserved-Instance- or Savings-Plan-covered usage: the line item type
    /// (`line_item_line_item_type`) does.
    pub enum Charge("charge") {
        /// Instance (or node) hours.
        InstanceHours = "instance-hours",
        /// Spot instance hours.
        Spot = "spot",
        /// Dedicated Instance hours.
        DedicatedInstance = "dedicated-instance",
        /// An instance on a Dedicated Host (the host is billed apart).
        InstanceOnDedicatedHost = "instance-on-dedicated-host",
        /// Dedicated Host hours.
        DedicatedHost = "dedicated-host",
        /// A Dedicated Host Reservation applied.
        HostReservation = "host-reservation",
        /// Capacity reservation time used by instances.
        CapacityReservationUsed = "capacity-reservation-used",
        /// Capacity reservation time left unused.
        CapacityReservationUnused = "capacity-reservation-unused",
        /// A Reserved Instance fee.
        RiFee = "ri-fee",
        /// The EBS-optimized surcharge.
        EbsOptimized = "ebs-optimized",
        /// Surplus CPU credits.
        CpuCredits = "cpu-credits",
        /// Multi-AZ instance hours.
        MultiAz = "multi-az",
        /// Multi-AZ DB cluster instance hours.
        MultiAzCluster = "multi-az-cluster",
        /// I/O-Optimized instance hours.
        IoOptimized = "io-optimized",
        /// ElastiCache sync-durability add-on hours.
        SyncDurability = "sync-durability",
    }
}

keyword_enum! {
    /// The service a usage type most likely bills: a documented best guess from the kind
    /// and the detail's wrapper (`db.`, `cache.`, `.search`, ...). RDS also stands for
    /// Aurora, DocumentDB and Neptune, which share its codes; `BoxUsage` is EC2's even on
    /// EMR rows (the product code tells them apart).
    pub enum BillingService("billing service") {
        /// Amazon EC2.
        Ec2 = "ec2",
        /// Amazon RDS (also Aurora, DocumentDB, Neptune).
        Rds = "rds",
        /// Amazon ElastiCache.
        Elasticache = "elasticache",
        /// Amazon MemoryDB.
        Memorydb = "memorydb",
        /// Amazon OpenSearch Service.
        Opensearch = "opensearch",
        /// Amazon Redshift.
        Redshift = "redshift",
        /// Amazon SageMaker.
        Sagemaker = "sagemaker",
        /// AWS Database Migration Service.
        Dms = "dms",
        /// Amazon MSK.
        Msk = "msk",
        /// DynamoDB Accelerator.
        Dax = "dax",
        /// Amazon MQ.
        Mq = "mq",
    }
}

/// A text's length and first eight bytes as one number.
const fn head(bytes: &[u8]) -> u64 {
    let mut key = bytes.len() as u64;
    let mut i = 0;
    while i < bytes.len() && i < 8 {
        key = (key << 8) | bytes[i] as u64;
        i += 1;
    }
    key
}

/// The heads of the known kinds' texts, computed when the crate is compiled.
const HEADS: [u64; UsageKind::TEXTS.len()] = {
    let mut heads = [0; UsageKind::TEXTS.len()];
    let mut i = 0;
    while i < heads.len() {
        heads[i] = head(UsageKind::TEXTS[i].as_bytes());
        i += 1;
    }
    heads
};

/// What the detail after the colon holds for a kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Detail {
    /// An instance type, plain or service-wrapped.
    Instance,
    /// An instance family (`m5d`, `u-6tb1`, `db.t3`).
    Family,
    /// A Redshift node type.
    NodeType,
    /// A SageMaker app, a `-`, then an instance type.
    AppInstance,
}

impl UsageKind {
    /// Classifies a kind as written; `None` for kinds this crate does not know. Compares
    /// lengths and first bytes as integers before any text, so the common kinds cost a few
    /// integer compares.
    pub(crate) fn classify(text: &str) -> Option<Self> {
        let bytes = text.as_bytes();
        let key = head(bytes);
        HEADS
            .iter()
            .position(|h| *h == key)
            .filter(|i| Self::TEXTS[*i].as_bytes() == bytes)
            .map(|i| Self::KNOWN[i])
            .or_else(|| {
                // Kinds that share a head (same length and first eight bytes) are rare;
                // look at them all.
                Self::TEXTS
                    .iter()
                    .position(|t| t.as_bytes() == bytes)
                    .map(|i| Self::KNOWN[i])
            })
    }

    /// What the kind says about the charge.
    #[must_use]
    pub fn charge(&self) -> Charge {
        match self {
            UsageKind::SpotUsage => Charge::Spot,
            UsageKind::DedicatedUsage => Charge::DedicatedInstance,
            UsageKind::HostBoxUsage => Charge::InstanceOnDedicatedHost,
            UsageKind::HostUsage => Charge::DedicatedHost,
            UsageKind::ReservedHostUsage => Charge::HostReservation,
            UsageKind::Reservation | UsageKind::DedicatedRes => Charge::CapacityReservationUsed,
            UsageKind::UnusedBox | UsageKind::UnusedDed => Charge::CapacityReservationUnused,
            UsageKind::EbsOptimized => Charge::EbsOptimized,
            UsageKind::HeavyUsage | UsageKind::MediumUsage | UsageKind::LightUsage => Charge::RiFee,
            UsageKind::CpuCredits => Charge::CpuCredits,
            UsageKind::MultiAzUsage | UsageKind::MultiAzUsg => Charge::MultiAz,
            UsageKind::MultiAzClusterUsage => Charge::MultiAzCluster,
            UsageKind::InstanceUsageIoOptimized => Charge::IoOptimized,
            UsageKind::SyncDurabilityNodeUsage => Charge::SyncDurability,
            _ => Charge::InstanceHours,
        }
    }

    /// The service the kind bills when the detail does not say otherwise.
    pub(crate) fn service(self) -> BillingService {
        match self {
            UsageKind::InstanceUsage
            | UsageKind::MultiAzUsage
            | UsageKind::MultiAzClusterUsage
            | UsageKind::InstanceUsageIoOptimized => BillingService::Rds,
            UsageKind::NodeUsage | UsageKind::SyncDurabilityNodeUsage => {
                BillingService::Elasticache
            }
            UsageKind::EsInstance => BillingService::Opensearch,
            UsageKind::Node => BillingService::Redshift,
            UsageKind::Notebk
            | UsageKind::Train
            | UsageKind::Host
            | UsageKind::Tsform
            | UsageKind::Processing
            | UsageKind::AsyncInf
            | UsageKind::Studio
            | UsageKind::RStudio => BillingService::Sagemaker,
            UsageKind::InstanceUsg | UsageKind::MultiAzUsg => BillingService::Dms,
            UsageKind::Kafka => BillingService::Msk,
            _ => BillingService::Ec2,
        }
    }

    /// What the detail holds.
    pub(crate) fn detail(self) -> Detail {
        match self {
            UsageKind::HostUsage | UsageKind::ReservedHostUsage | UsageKind::CpuCredits => {
                Detail::Family
            }
            UsageKind::Node => Detail::NodeType,
            UsageKind::Studio | UsageKind::RStudio => Detail::AppInstance,
            _ => Detail::Instance,
        }
    }
}

/// A usage type's kind: one this crate knows, or another kept as written
/// (`VolumeUsage.gp3` kinds, `AWS-In-Bytes`, ...).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind<'a> {
    /// A kind that meters instances.
    Known(UsageKind),
    /// Any other kind, as written.
    Other(&'a str),
}

impl<'a> Kind<'a> {
    /// The kind as written.
    #[must_use]
    pub fn as_str(&self) -> &'a str {
        match self {
            Kind::Known(kind) => kind.as_str(),
            Kind::Other(text) => text,
        }
    }

    /// The known kind, if it is one.
    #[must_use]
    pub fn known(&self) -> Option<UsageKind> {
        match self {
            Kind::Known(kind) => Some(*kind),
            Kind::Other(_) => None,
        }
    }
}

impl fmt::Display for Kind<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::UsageKind;

    #[test]
    fn classify_agrees_with_the_texts() {
        for kind in UsageKind::known() {
            assert_eq!(UsageKind::classify(kind.as_str()), Some(kind));
        }
        assert_eq!(UsageKind::classify("VolumeUsage"), None);
    }
}
