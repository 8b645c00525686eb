//! One EC2 `DescribeInstanceTypes` record (as `aws ec2 describe-instance-types` prints it,
//! and as moto stores it), typed, and read into the catalogue's columns with the
//! catalogue's rules: the bandwidth of a multi-card type is what its label states, EKS
//! counts the default card's interfaces, one accelerator kind per type. The generator
//! (`xtask`, through `catalogue::generator`) writes these columns to
//! `data/instance-types.csv`; owned catalogues read them into `Specs` (`columns.rs`). One
//! reader of records for both.
//!
//! Every field is optional: a record lacks what its type lacks (no `GpuInfo` on a CPU type),
//! and older snapshots lack newer fields. A field of the wrong JSON type is an error that
//! names it (`MemoryInfo.SizeInMiB: invalid type: string "x", expected u64`).

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::{Number, Value};

/// A record, with the fields the catalogue reads; the others are ignored.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Record<'a> {
    #[serde(rename = "VCpuInfo")]
    v_cpu_info: Option<VCpuInfo>,
    memory_info: Option<MemoryInfo>,
    #[serde(borrow)]
    processor_info: Option<ProcessorInfo<'a>>,
    #[serde(borrow)]
    gpu_info: Option<GpuInfo<'a>>,
    #[serde(borrow)]
    neuron_info: Option<Accelerators<'a>>,
    #[serde(borrow)]
    inference_accelerator_info: Option<Accelerators<'a>>,
    #[serde(borrow)]
    fpga_info: Option<Accelerators<'a>>,
    #[serde(borrow)]
    media_accelerator_info: Option<Accelerators<'a>>,
    #[serde(borrow)]
    instance_storage_info: Option<StorageInfo<'a>>,
    #[serde(borrow)]
    network_info: Option<NetworkInfo<'a>>,
    ebs_info: Option<EbsInfo>,
    hypervisor: Option<&'a str>,
    bare_metal: Option<bool>,
    burstable_performance_supported: Option<bool>,
    current_generation: Option<bool>,
    free_tier_eligible: Option<bool>,
    supported_usage_classes: Option<Vec<&'a str>>,
}

#[derive(Debug, Default, Deserialize)]
struct VCpuInfo {
    #[serde(rename = "DefaultVCpus")]
    vcpus: Option<u64>,
    #[serde(rename = "DefaultCores")]
    cores: Option<u64>,
    #[serde(rename = "DefaultThreadsPerCore")]
    threads_per_core: Option<u64>,
}

#[derive(Debug, Default, Deserialize)]
struct MemoryInfo {
    #[serde(rename = "SizeInMiB")]
    size_mib: Option<u64>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct ProcessorInfo<'a> {
    supported_architectures: Option<Vec<&'a str>>,
    manufacturer: Option<&'a str>,
    sustained_clock_speed_in_ghz: Option<Number>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct GpuInfo<'a> {
    #[serde(borrow)]
    gpus: Option<Vec<Device<'a>>>,
    #[serde(rename = "TotalGpuMemoryInMiB")]
    total_memory_mib: Option<u64>,
}

/// The devices of one accelerator record (`NeuronInfo`, `InferenceAcceleratorInfo`,
/// `FpgaInfo`, `MediaAcceleratorInfo`): each names its list and its total differently.
#[derive(Debug, Default, Deserialize)]
struct Accelerators<'a> {
    #[serde(rename = "Accelerators", alias = "NeuronDevices", alias = "Fpgas")]
    #[serde(borrow)]
    devices: Option<Vec<Device<'a>>>,
    #[serde(
        rename = "TotalInferenceMemoryInMiB",
        alias = "TotalNeuronDeviceMemoryInMiB",
        alias = "TotalFpgaMemoryInMiB",
        alias = "TotalMediaMemoryInMiB"
    )]
    total_memory_mib: Option<u64>,
}

/// A GPU, accelerator or FPGA entry.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Device<'a> {
    count: Option<u64>,
    name: Option<&'a str>,
    manufacturer: Option<&'a str>,
    /// The share of one GPU a fractional type has (`0.125`).
    gpu_partition_size: Option<Number>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct StorageInfo<'a> {
    #[serde(borrow)]
    disks: Option<Vec<Disk<'a>>>,
    nvme_support: Option<&'a str>,
    #[serde(rename = "TotalSizeInGB")]
    total_size_gb: Option<u64>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Disk<'a> {
    count: Option<u64>,
    #[serde(rename = "SizeInGB")]
    size_gb: Option<u64>,
    #[serde(rename = "Type")]
    kind: Option<&'a str>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct NetworkInfo<'a> {
    network_performance: Option<&'a str>,
    network_cards: Option<Vec<NetworkCard>>,
    default_network_card_index: Option<u64>,
    maximum_network_interfaces: Option<u64>,
    ipv4_addresses_per_interface: Option<u64>,
    efa_supported: Option<bool>,
    ena_support: Option<&'a str>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct NetworkCard {
    #[serde(rename = "NetworkCardIndex")]
    index: Option<u64>,
    baseline_bandwidth_in_gbps: Option<f64>,
    peak_bandwidth_in_gbps: Option<f64>,
    maximum_network_interfaces: Option<u64>,
}

#[derive(Debug, Default, Deserialize)]
struct EbsInfo {
    #[serde(rename = "EbsOptimizedInfo")]
    optimized: Option<EbsOptimizedInfo>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct EbsOptimizedInfo {
    baseline_bandwidth_in_mbps: Option<u64>,
    maximum_bandwidth_in_mbps: Option<u64>,
    baseline_iops: Option<u64>,
    maximum_iops: Option<u64>,
}

impl<'a> Record<'a> {
    /// The record of one JSON value.
    ///
    /// # Errors
    ///
    /// A field of the wrong JSON type, named by its path: `MemoryInfo.SizeInMiB: invalid
    /// type: string "x", expected u64`.
    pub fn from_json(value: &'a Value) -> Result<Self, String> {
        // Tracking the path costs on every field; it is only wanted for an error.
        Self::deserialize(value).map_err(|_| {
            match serde_path_to_error::deserialize::<_, Self>(value) {
                Err(e) => format!("{}: {}", e.path(), e.inner()),
                Ok(_) => "not a DescribeInstanceTypes record".to_owned(),
            }
        })
    }

    /// The spec columns of the record into `row` (`data/README.md` explains each column).
    pub fn spec_columns(&self, row: &mut BTreeMap<&str, String>) {
        let vcpu = self.v_cpu_info.as_ref();
        row.insert("vcpus", text(vcpu.and_then(|v| v.vcpus)));
        row.insert("cores", text(vcpu.and_then(|v| v.cores)));
        row.insert(
            "threads_per_core",
            text(vcpu.and_then(|v| v.threads_per_core)),
        );
        row.insert(
            "memory_mib",
            text(self.memory_info.as_ref().and_then(|m| m.size_mib)),
        );
        let cpu = self.processor_info.as_ref();
        row.insert(
            "architectures",
            cpu.and_then(|c| c.supported_architectures.as_ref())
                .map(|a| a.join(" "))
                .unwrap_or_default(),
        );
        row.insert(
            "processor_manufacturer",
            text(cpu.and_then(|c| c.manufacturer.as_ref())),
        );
        row.insert(
            "clock_ghz",
            number(cpu.and_then(|c| c.sustained_clock_speed_in_ghz.as_ref())),
        );
        let gpus = self.gpu_info.as_ref();
        if let Some(gpu) = gpus.and_then(|g| first(g.gpus.as_ref())) {
            row.insert("gpu_count", text(gpu.count));
            let share = gpu.gpu_partition_size.as_ref();
            if share.and_then(Number::as_f64).is_some_and(|s| s < 1.0) {
                row.insert("gpu_share", number(share));
            }
            row.insert("gpu_manufacturer", text(gpu.manufacturer.as_ref()));
            row.insert("gpu_model", text(gpu.name.as_ref()));
            row.insert(
                "gpu_memory_mib",
                text(gpus.and_then(|g| g.total_memory_mib)),
            );
        } else {
            row.insert("gpu_count", "0".into());
        }
        self.accelerator_columns(row);
        self.storage_columns(row);
        if let Some(net) = &self.network_info {
            net.columns(row);
        } else {
            NetworkInfo::default().columns(row);
        }
        self.other_columns(row);
    }

    /// The accelerator columns: one kind per type in the sources; Neuron is preferred to
    /// the older `InferenceAcceleratorInfo` record of the same Inferentia devices.
    fn accelerator_columns(&self, row: &mut BTreeMap<&str, String>) {
        let kinds = [
            (&self.neuron_info, ""),
            (&self.inference_accelerator_info, "inference"),
            (&self.fpga_info, "fpga"),
            (&self.media_accelerator_info, "media"),
        ];
        for (info, kind) in kinds {
            let Some(info) = info else { continue };
            let Some(device) = first(info.devices.as_ref()) else {
                continue;
            };
            let model = text(device.name.as_ref());
            let manufacturer = text(device.manufacturer.as_ref());
            let kind = match kind {
                "" if model.starts_with("Trainium") => "trainium",
                "" => "inferentia",
                "inference" if model.starts_with("Inferentia") => "inferentia",
                "inference" if manufacturer == "Qualcomm" => "qualcomm",
                other => other,
            };
            row.insert("accelerator_kind", kind.into());
            row.insert("accelerator_count", text(device.count));
            row.insert(
                "accelerator_manufacturer",
                if manufacturer.is_empty() {
                    "AWS".into()
                } else {
                    manufacturer
                },
            );
            row.insert("accelerator_model", model);
            row.insert("accelerator_memory_mib", text(info.total_memory_mib));
            break;
        }
    }

    /// The local storage columns.
    fn storage_columns(&self, row: &mut BTreeMap<&str, String>) {
        let Some(storage) = &self.instance_storage_info else {
            return;
        };
        let Some(disk) = first(storage.disks.as_ref()) else {
            return;
        };
        row.insert("storage_disks", text(disk.count));
        row.insert("storage_disk_gb", text(disk.size_gb));
        row.insert("storage_type", text(disk.kind.as_ref()));
        row.insert("storage_nvme", text(storage.nvme_support.as_ref()));
        row.insert("storage_total_gb", text(storage.total_size_gb));
    }

    /// EBS, hypervisor, flags and usage classes.
    fn other_columns(&self, row: &mut BTreeMap<&str, String>) {
        let ebs = self.ebs_info.as_ref().and_then(|e| e.optimized.as_ref());
        row.insert(
            "ebs_baseline_mbps",
            text(ebs.and_then(|e| e.baseline_bandwidth_in_mbps)),
        );
        row.insert(
            "ebs_max_mbps",
            text(ebs.and_then(|e| e.maximum_bandwidth_in_mbps)),
        );
        row.insert("ebs_baseline_iops", text(ebs.and_then(|e| e.baseline_iops)));
        row.insert("ebs_max_iops", text(ebs.and_then(|e| e.maximum_iops)));

        row.insert("hypervisor", text(self.hypervisor.as_ref()));
        row.insert("bare_metal", text(self.bare_metal));
        row.insert("burstable", text(self.burstable_performance_supported));
        row.insert("current_generation", text(self.current_generation));
        row.insert("free_tier_eligible", text(self.free_tier_eligible));
        let usage = self.supported_usage_classes.as_deref().unwrap_or_default();
        let has = |class: &str| usage.contains(&class).to_string();
        row.insert("on_demand_usage", has("on-demand"));
        row.insert("spot_usage", has("spot"));
    }
}

impl NetworkInfo<'_> {
    /// The network columns.
    fn columns(&self, row: &mut BTreeMap<&str, String>) {
        let label = text(self.network_performance.as_ref());
        let cards = self.network_cards.as_deref().unwrap_or_default();
        let default_index = self.default_network_card_index.unwrap_or(0);
        let default_card = cards
            .iter()
            .find(|c| c.index == Some(default_index))
            .or(cards.first());
        let (baseline, peak) = match label_gbps(&label) {
            Some(gbps) if cards.len() > 1 => (Some(gbps), Some(gbps)),
            _ => (
                default_card.and_then(|c| c.baseline_bandwidth_in_gbps),
                default_card.and_then(|c| c.peak_bandwidth_in_gbps),
            ),
        };
        let gbps = |v: Option<f64>| {
            v.map(|v| format!("{}", (v * 1000.0).round() / 1000.0))
                .unwrap_or_default()
        };
        row.insert("network_performance", label.clone());
        row.insert("network_baseline_gbps", gbps(baseline));
        row.insert("network_peak_gbps", gbps(peak));
        row.insert(
            "max_network_interfaces",
            text(self.maximum_network_interfaces),
        );
        row.insert("network_cards", cards.len().max(1).to_string());
        let default_interfaces = default_card
            .and_then(|c| c.maximum_network_interfaces)
            .or(self.maximum_network_interfaces);
        row.insert("default_card_interfaces", text(default_interfaces));
        row.insert(
            "ipv4_per_interface",
            text(self.ipv4_addresses_per_interface),
        );
        row.insert("efa", text(self.efa_supported));
        row.insert("ena", text(self.ena_support.as_ref()));
    }
}

/// The first of a list, if there is one.
fn first<T>(list: Option<&Vec<T>>) -> Option<&T> {
    list.and_then(|l| l.first())
}

/// A value as a column holds it: as JSON writes it, nothing for a missing one.
fn text(value: Option<impl ToString>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

/// A number as a column holds it: integers stay integers; floats keep their shortest exact
/// form (`3.0`, `3.1`).
fn number(value: Option<&Number>) -> String {
    match value {
        Some(n) if n.is_f64() => match n.as_f64() {
            Some(f) if f.fract() == 0.0 => format!("{f:.1}"),
            _ => n.to_string(),
        },
        other => text(other),
    }
}

/// The bandwidth a type's own label states for the whole type: `N Gigabit` is N,
/// `Kx M Gigabit` is K x M; `None` for other labels ("Up to 25 Gigabit", "High").
#[must_use]
pub fn label_gbps(label: &str) -> Option<f64> {
    let figure = label.strip_suffix(" Gigabit")?;
    match figure.split_once("x ") {
        Some((cards, each)) => Some(cards.parse::<f64>().ok()? * each.parse::<f64>().ok()?),
        None => figure.parse().ok(),
    }
}
