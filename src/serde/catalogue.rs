//! Catalogue rows as flat JSON objects: one field per fact, under the names of the schema
//! in the `serde` module's docs (the example's `--json` writes the same names).

use ::serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

use crate::InstanceType;
use crate::catalogue::{
    AcceleratorKind, Architecture, Architectures, DiskType, Entry, EntryAt, Interruption,
    OnDemandPrice, Regions, Specs, Tenancy,
};

serde_as_string!(Architecture, "an architecture such as \"arm64\"");
serde_as_string!(Interruption, "an interruption band such as \"<5%\"");
serde_as_string!(AcceleratorKind, "an accelerator kind such as \"inference\"");
serde_as_string!(DiskType, "a disk type such as \"ssd\"");
serde_as_string!(Tenancy, "a tenancy such as \"dedicated\"");

/// A bill line's value as JSON: null, a string, a boolean or a number.
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl Serialize for crate::usage::Value<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use crate::usage::Value;
        match self {
            Value::Text(text) => serializer.serialize_str(text),
            Value::Bool(flag) => serializer.serialize_bool(*flag),
            Value::Float64(number) => serializer.serialize_f64(*number),
            Value::Int32(number) => serializer.serialize_i32(*number),
            Value::Int64(number) => serializer.serialize_i64(*number),
            Value::Null => serializer.serialize_none(),
        }
    }
}

/// Texts as a JSON list.
struct Strs<'a>(Vec<&'a str>);

impl<'a> Strs<'a> {
    fn of(items: impl Iterator<Item = &'a str>) -> Self {
        Self(items.collect())
    }
}

impl Serialize for Strs<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.0.len()))?;
        for item in &self.0 {
            seq.serialize_element(item)?;
        }
        seq.end()
    }
}

impl Serialize for Architectures {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Strs::of(self.iter().map(|a| a.as_str())).serialize(serializer)
    }
}

impl Serialize for Regions {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // Each region serializes as its code.
        serializer.collect_seq(self.iter())
    }
}

/// A derived dollar figure rounded to 6 decimals, as the sources' prices are.
fn usd(value: Option<f64>) -> Option<f64> {
    value.map(|v| (v * 1e6).round() / 1e6)
}

/// The fields of the name: `name`, `family`, `series`, `generation`, `capabilities`,
/// `options`, `processor`, `size`, `normalization_factor` (the catalogue's, so a bare
/// `metal` has its family's).
fn name_fields<M: SerializeMap>(
    map: &mut M,
    it: &InstanceType,
    normalization_factor: Option<f64>,
) -> Result<(), M::Error> {
    map.serialize_entry("name", it.as_str())?;
    map.serialize_entry("family", it.family())?;
    map.serialize_entry("series", it.series_str())?;
    map.serialize_entry("generation", &it.generation())?;
    map.serialize_entry(
        "capabilities",
        &Strs::of(it.capabilities().map(|c| c.as_str())),
    )?;
    map.serialize_entry("options", &Strs::of(it.option_strs()))?;
    map.serialize_entry("processor", &it.processor().map(|p| p.as_str()))?;
    map.serialize_entry("size", it.size_str())?;
    map.serialize_entry("normalization_factor", &normalization_factor)
}

/// The fields of the specs, all `null` without them.
fn specs_fields<M: SerializeMap>(map: &mut M, specs: Option<&Specs<'_>>) -> Result<(), M::Error> {
    let gpu = specs.and_then(|s| s.gpu);
    let accelerator = specs.and_then(|s| s.accelerator);
    let storage = specs.and_then(|s| s.storage);
    let network = specs.map(|s| s.network);
    let ebs = specs.and_then(|s| s.ebs);
    map.serialize_entry("specs_source", &specs.map(|s| s.source))?;
    map.serialize_entry("vcpus", &specs.map(|s| s.vcpus))?;
    map.serialize_entry("cores", &specs.and_then(|s| s.cores))?;
    map.serialize_entry("threads_per_core", &specs.and_then(|s| s.threads_per_core))?;
    map.serialize_entry("memory_mib", &specs.map(|s| s.memory_mib))?;
    map.serialize_entry("architectures", &specs.map(|s| s.architectures))?;
    map.serialize_entry(
        "processor_manufacturer",
        &specs.and_then(|s| s.processor_manufacturer),
    )?;
    map.serialize_entry("clock_ghz", &specs.and_then(|s| s.clock_ghz))?;
    map.serialize_entry("gpu_count", &specs.map(Specs::gpu_count))?;
    map.serialize_entry("gpu_share", &gpu.and_then(|g| g.share))?;
    map.serialize_entry("gpu_manufacturer", &gpu.map(|g| g.manufacturer))?;
    map.serialize_entry("gpu_model", &gpu.map(|g| g.model))?;
    map.serialize_entry("gpu_memory_mib", &gpu.map(|g| g.memory_mib))?;
    map.serialize_entry("accelerator_kind", &accelerator.map(|a| a.kind))?;
    map.serialize_entry("accelerator_count", &accelerator.map(|a| a.count))?;
    map.serialize_entry(
        "accelerator_manufacturer",
        &accelerator.map(|a| a.manufacturer),
    )?;
    map.serialize_entry("accelerator_model", &accelerator.map(|a| a.model))?;
    map.serialize_entry("accelerator_memory_mib", &accelerator.map(|a| a.memory_mib))?;
    map.serialize_entry("instance_storage_gb", &storage.map(|d| d.total_gb))?;
    map.serialize_entry("instance_storage_disks", &storage.map(|d| d.disks))?;
    map.serialize_entry("instance_storage_disk_gb", &storage.map(|d| d.disk_gb))?;
    map.serialize_entry("instance_storage_type", &storage.map(|d| d.disk_type))?;
    map.serialize_entry("instance_storage_nvme", &storage.map(|d| d.nvme))?;
    map.serialize_entry("network_performance", &network.map(|n| n.performance))?;
    map.serialize_entry(
        "network_baseline_gbps",
        &network.and_then(|n| n.baseline_gbps),
    )?;
    map.serialize_entry("network_peak_gbps", &network.and_then(|n| n.peak_gbps))?;
    map.serialize_entry("network_max_interfaces", &network.map(|n| n.max_interfaces))?;
    map.serialize_entry("network_cards", &network.map(|n| n.cards))?;
    map.serialize_entry(
        "network_default_card_interfaces",
        &network.map(|n| n.default_card_interfaces),
    )?;
    map.serialize_entry(
        "network_ipv4_per_interface",
        &network.map(|n| n.ipv4_per_interface),
    )?;
    map.serialize_entry("efa", &network.map(|n| n.efa))?;
    map.serialize_entry("ena", &network.map(|n| n.ena))?;
    map.serialize_entry("eks_max_pods", &network.map(|n| n.eks_max_pods()))?;
    map.serialize_entry("ebs_baseline_mbps", &ebs.map(|e| e.baseline_mbps))?;
    map.serialize_entry("ebs_max_mbps", &ebs.map(|e| e.max_mbps))?;
    map.serialize_entry("ebs_baseline_iops", &ebs.map(|e| e.baseline_iops))?;
    map.serialize_entry("ebs_max_iops", &ebs.map(|e| e.max_iops))?;
    map.serialize_entry("hypervisor", &specs.and_then(|s| s.hypervisor))?;
    map.serialize_entry("current_generation", &specs.map(|s| s.current_generation))?;
    map.serialize_entry("bare_metal", &specs.map(|s| s.bare_metal))?;
    map.serialize_entry("burstable", &specs.map(|s| s.burstable))?;
    map.serialize_entry("free_tier_eligible", &specs.map(|s| s.free_tier_eligible))?;
    map.serialize_entry("on_demand_usage", &specs.map(|s| s.on_demand_usage))?;
    map.serialize_entry("spot_usage", &specs.map(|s| s.spot_usage))
}

/// The fields of regions and costs in `at.region`, each with its source.
fn cost_fields<M: SerializeMap>(map: &mut M, at: &EntryAt<'_>) -> Result<(), M::Error> {
    let (entry, region) = (at.entry, at.region());
    let exact = at.price();
    let fallback = at.price_or_fallback().filter(OnDemandPrice::is_fallback);
    let spot = entry.spot(region);
    let estimate = entry.spot_estimate(region);
    map.serialize_entry("regions", &entry.regions())?;
    map.serialize_entry("regions_source", entry.regions_source())?;
    map.serialize_entry("on_demand_usd_per_hour", &exact.map(|p| p.usd_per_hour))?;
    map.serialize_entry("price_region", &exact.map(|p| p.region))?;
    map.serialize_entry("price_tenancy", &exact.map(|p| p.tenancy.as_str()))?;
    map.serialize_entry("price_os", &exact.map(|p| p.os))?;
    map.serialize_entry("price_source", &exact.map(|p| p.source))?;
    map.serialize_entry("usd_per_month", &usd(exact.map(|p| p.usd_per_month())))?;
    // The cost under the pricing asked for (on demand unless another was).
    map.serialize_entry("pricing", at.scope().pricing_asked().as_str())?;
    map.serialize_entry("usd_per_hour", &usd(at.usd_per_hour()))?;
    // Another region's price, where this one has none: in fields of its own.
    map.serialize_entry("fallback_usd_per_hour", &fallback.map(|p| p.usd_per_hour))?;
    map.serialize_entry("fallback_price_region", &fallback.map(|p| p.region))?;
    let per = |amount: Option<f64>| usd(Some(exact?.usd_per_hour / amount.filter(|a| *a > 0.0)?));
    let specs = entry.specs();
    map.serialize_entry("usd_per_vcpu_hour", &per(specs.map(|s| f64::from(s.vcpus))))?;
    map.serialize_entry("usd_per_gib_hour", &per(specs.map(|s| s.memory_gib())))?;
    map.serialize_entry("spot_region", &spot.map(|_| region.as_str()))?;
    // The advisor's savings, and so the estimate, are Linux's whatever OS was asked for.
    map.serialize_entry("spot_os", &spot.map(|_| "Linux"))?;
    map.serialize_entry("spot_savings_percent", &spot.map(|s| s.savings_percent))?;
    map.serialize_entry("spot_interruption", &spot.map(|s| s.interruption))?;
    map.serialize_entry(
        "spot_estimate_usd_per_hour",
        &usd(estimate.map(|e| e.usd_per_hour)),
    )?;
    map.serialize_entry(
        "spot_estimate_based_on",
        &estimate.map(|e| e.based_on.name()),
    )
}

/// One flat object: the name's fields, the specs' and the costs' in us-east-1
/// ([`Entry::at`] for another region).
impl Serialize for Entry<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.at(crate::Region::us_east_1()).serialize(serializer)
    }
}

/// One flat object: the name's fields, the specs' and the costs' in the region.
impl Serialize for EntryAt<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        name_fields(
            &mut map,
            &self.entry.instance_type(),
            self.entry.normalization_factor(),
        )?;
        specs_fields(&mut map, self.entry.specs().as_ref())?;
        cost_fields(&mut map, self)?;
        map.end()
    }
}

/// One flat object of the specs' fields.
impl Serialize for Specs<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        specs_fields(&mut map, Some(self))?;
        map.end()
    }
}
