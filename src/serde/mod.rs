//! serde support (feature `serde`): names and their parts (de)serialize as their text;
//! catalogue rows serialize as flat objects (the JSON schema below); [`lenient`] reads
//! names typed by people.
//!
//! ```
//! use ec2_instance_type::{InstanceType, Processor};
//!
//! #[derive(serde::Deserialize)]
//! struct Pool {
//!     instance_type: InstanceType,
//!     processor: Processor,
//! }
//!
//! let pool: Pool = serde_json::from_str(r#"{"instance_type": "m7g.large", "processor": "graviton"}"#)?;
//! assert_eq!(pool.instance_type.as_str(), "m7g.large");
//! assert_eq!(pool.processor, Processor::Graviton);
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! # JSON schema
//!
//! A catalogue [`Entry`] serializes as one flat object, and the
//! example binary's `--json` output uses the same field names for the same facts (a test
//! compares the two over the whole catalogue). Unknown facts are `null`, never zero.
//!
//! | fields | what |
//! | --- | --- |
//! | `name`, `family`, `series`, `generation`, `capabilities`, `options`, `processor`, `size` | the decoded name (`processor` as the name states it) |
//! | `normalization_factor` | RI normalization factor (a bare `metal` takes its family's largest) |
//! | `specs_source` | where the specs come from: the bundled snapshot (`moto 5.2.5, 2026-10-27`, or an older one) or the user's file |
//! | `vcpus`, `cores`, `threads_per_core`, `memory_mib`, `architectures`, `processor_manufacturer`, `clock_ghz` | compute |
//! | `gpu_count`, `gpu_share`, `gpu_manufacturer`, `gpu_model`, `gpu_memory_mib` | GPUs |
//! | `accelerator_kind`, `accelerator_count`, `accelerator_manufacturer`, `accelerator_model`, `accelerator_memory_mib` | other accelerators |
//! | `instance_storage_gb`, `instance_storage_disks`, `instance_storage_disk_gb`, `instance_storage_type`, `instance_storage_nvme` | local storage |
//! | `network_performance`, `network_baseline_gbps`, `network_peak_gbps`, `network_max_interfaces`, `network_cards`, `network_default_card_interfaces`, `network_ipv4_per_interface`, `efa`, `ena`, `eks_max_pods` | network |
//! | `ebs_baseline_mbps`, `ebs_max_mbps`, `ebs_baseline_iops`, `ebs_max_iops` | EBS |
//! | `hypervisor`, `current_generation`, `bare_metal`, `burstable`, `free_tier_eligible`, `on_demand_usage`, `spot_usage` | flags |
//! | `regions`, `regions_source` | regions known to offer it (`null` where the offering data lists it nowhere: unknown, not none), and where the offering data comes from |
//! | `on_demand_usd_per_hour`, `price_region`, `price_tenancy`, `price_os`, `price_source`, `usd_per_month` | on-demand price of the region asked for, null when the catalogue has none of it (never another region's); its tenancy (`shared`, `dedicated`) and source |
//! | `fallback_usd_per_hour`, `fallback_price_region` | where the region asked for has no price: another region's, and which (the bundled data has 9 types at GovCloud prices only); null otherwise |
//! | `usd_per_vcpu_hour`, `usd_per_gib_hour` | derived from the price of the region asked for only; rounded to 6 decimals |
//! | `spot_region`, `spot_os` (always `Linux`: the advisor's), `spot_savings_percent`, `spot_interruption`, `spot_estimate_usd_per_hour`, `spot_estimate_based_on` | Spot Instance Advisor hint of `spot_region` and the estimate from it, on a shared-tenancy on-demand price of that region (`spot_estimate_based_on`: the type whose price it is, a virtualized size for bare metal) |
//!
//! An [`Entry`] serializes its costs in us-east-1; [`Entry::at`] in another region. The example adds what is
//! about the text it was given: `input`, `service`, `ec2_name`, `rds_threads_per_core`,
//! `rds_memory_ratio`, `in_catalogue` and `price_service` (whose price it shows: `ec2` for
//! a service name's EC2 type, `null` without a price).
#![cfg_attr(
    feature = "catalogue",
    doc = "",
    doc = "[`Entry`]: crate::catalogue::Entry",
    doc = "[`Entry::at`]: crate::catalogue::Entry::at"
)]
#![cfg_attr(
    not(feature = "catalogue"),
    doc = "",
    doc = "[`Entry`]: https://docs.rs/ec2-instance-type/latest/ec2_instance_type/catalogue/struct.Entry.html",
    doc = "[`Entry::at`]: https://docs.rs/ec2-instance-type/latest/ec2_instance_type/catalogue/struct.Entry.html#method.at"
)]

use crate::{
    AppleChip, AppleChipTier, Capability, InstanceOption, InstanceType, NvidiaChip, Processor,
    Region, Series, Service, ServiceInstanceType, Size,
};

/// `Serialize` and `Deserialize` of a type as its text (`Display`, `FromStr`).
macro_rules! serde_as_string {
    ($type:ty, $expecting:literal) => {
        #[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
        impl ::serde::Serialize for $type {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }

        #[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
        impl<'de> ::serde::Deserialize<'de> for $type {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> Result<Self, D::Error> {
                struct NameVisitor;

                impl ::serde::de::Visitor<'_> for NameVisitor {
                    type Value = $type;

                    fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        f.write_str($expecting)
                    }

                    fn visit_str<E: ::serde::de::Error>(
                        self,
                        value: &str,
                    ) -> Result<Self::Value, E> {
                        value.parse().map_err(E::custom)
                    }
                }

                deserializer.deserialize_str(NameVisitor)
            }
        }
    };
}

#[cfg(feature = "catalogue")]
mod catalogue;
pub mod lenient;

serde_as_string!(
    InstanceType,
    "an EC2 instance type name such as \"m5.large\""
);
serde_as_string!(
    ServiceInstanceType,
    "an instance type name such as \"db.r6g.large\""
);
serde_as_string!(Size, "a size such as \"xlarge\"");
serde_as_string!(Series, "a series such as \"m\"");
serde_as_string!(Capability, "a capability letter such as \"d\"");
serde_as_string!(InstanceOption, "an option such as \"flex\"");
serde_as_string!(AppleChip, "an Apple chip such as \"m4pro\"");
serde_as_string!(AppleChipTier, "an Apple chip tier such as \"pro\"");
serde_as_string!(NvidiaChip, "an NVIDIA chip such as \"gb200\"");
serde_as_string!(Processor, "a processor such as \"graviton\"");
serde_as_string!(Service, "a service word such as \"db\"");
serde_as_string!(Region, "a region code such as \"eu-west-1\"");
