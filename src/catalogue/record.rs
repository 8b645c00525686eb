//! One EC2 `DescribeInstanceTypes` record (as `aws ec2 describe-instance-types` prints it,
//! and as moto stores it), typed, and read into the catalogue's columns with the
//! catalogue's rules: the bandwidth of a multi-card type is what its label states, EKS
//! counts the default card's interfaces, one accelerator kind per type. The generator
//! (`xtask`, through `catalogue::generator`) writes these columns to
//! `data/instance-types.csv`; owned catalogues turn them into `Specs` at once
//! ([`SpecRow::specs`]). One reader of records for both, typed throughout.
//!
//! Every field is optional: a record lacks what its type lacks (no `GpuInfo` on a CPU type),
//! and older snapshots lack newer fields. A field of the wrong JSON type is an error that
//! names it (`MemoryInfo.SizeInMiB: invalid type: string "x", expected u64`).

use serde::Deserialize;
use serde_json::{Number, Value};

use super::data_error::DataErrorKind;
use super::spec_row::{ColumnError, SpecRow};

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

    /// The record's specs in the catalogue's columns, by the catalogue's rules
    /// (`data/README.md` explains each column).
    ///
    /// # Errors
    ///
    /// A record without vCPUs or memory, or a GPU or accelerator without a count, or a
    /// count too large for its column; an accelerator of a kind this version does not know.
    pub fn spec_row(&self) -> Result<SpecRow, ColumnError> {
        let vcpu = self.v_cpu_info.as_ref();
        let cpu = self.processor_info.as_ref();
        let mut row = SpecRow {
            vcpus: need("vcpus", vcpu.and_then(|v| v.vcpus))?,
            cores: fits("cores", vcpu.and_then(|v| v.cores))?,
            threads_per_core: fits("threads_per_core", vcpu.and_then(|v| v.threads_per_core))?,
            memory_mib: self
                .memory_info
                .as_ref()
                .and_then(|m| m.size_mib)
                .ok_or_else(|| missing("memory_mib"))?,
            architectures: cpu
                .and_then(|c| c.supported_architectures.as_ref())
                .map(|a| a.join(" "))
                .unwrap_or_default(),
            processor_manufacturer: owned(cpu.and_then(|c| c.manufacturer)),
            clock_ghz: cpu
                .and_then(|c| c.sustained_clock_speed_in_ghz.as_ref())
                .and_then(Number::as_f64),
            ..SpecRow::default()
        };
        let gpus = self.gpu_info.as_ref();
        if let Some(gpu) = gpus.and_then(|g| first(g.gpus.as_ref())) {
            row.gpu_count = need("gpu_count", gpu.count)?;
            row.gpu_share = gpu
                .gpu_partition_size
                .as_ref()
                .and_then(Number::as_f64)
                .filter(|s| *s < 1.0);
            row.gpu_manufacturer = owned(gpu.manufacturer);
            row.gpu_model = owned(gpu.name);
            row.gpu_memory_mib = gpus.and_then(|g| g.total_memory_mib);
        }
        self.accelerator_columns(&mut row)?;
        self.storage_columns(&mut row)?;
        match &self.network_info {
            Some(net) => net.columns(&mut row)?,
            None => NetworkInfo::default().columns(&mut row)?,
        }
        self.other_columns(&mut row)?;
        Ok(row)
    }

    /// The accelerator columns: one kind per type in the sources; Neuron is preferred to
    /// the older `InferenceAcceleratorInfo` record of the same Inferentia devices.
    fn accelerator_columns(&self, row: &mut SpecRow) -> Result<(), ColumnError> {
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
            let model = device.name.unwrap_or_default();
            let manufacturer = device.manufacturer.unwrap_or_default();
            let kind = match kind {
                "" if model.starts_with("Trainium") => "trainium",
                "" => "inferentia",
                "inference" if model.starts_with("Inferentia") => "inferentia",
                "inference" if manufacturer == "Qualcomm" => "qualcomm",
                other => other,
            };
            row.accelerator_kind =
                Some(kind.parse().map_err(|e: crate::ParseError| {
                    (DataErrorKind::InvalidValue, e.to_string())
                })?);
            row.accelerator_count = Some(need("accelerator_count", device.count)?);
            row.accelerator_manufacturer = Some(if manufacturer.is_empty() {
                "AWS".to_owned()
            } else {
                manufacturer.to_owned()
            });
            row.accelerator_model = Some(model.to_owned());
            row.accelerator_memory_mib = info.total_memory_mib;
            break;
        }
        Ok(())
    }

    /// The local storage columns.
    fn storage_columns(&self, row: &mut SpecRow) -> Result<(), ColumnError> {
        let Some(storage) = &self.instance_storage_info else {
            return Ok(());
        };
        let Some(disk) = first(storage.disks.as_ref()) else {
            return Ok(());
        };
        row.storage_disks = fits("storage_disks", disk.count)?;
        row.storage_disk_gb = disk.size_gb;
        row.storage_type = owned(disk.kind);
        row.storage_nvme = owned(storage.nvme_support);
        row.storage_total_gb = storage.total_size_gb;
        Ok(())
    }

    /// EBS, hypervisor, flags and usage classes.
    fn other_columns(&self, row: &mut SpecRow) -> Result<(), ColumnError> {
        let ebs = self.ebs_info.as_ref().and_then(|e| e.optimized.as_ref());
        row.ebs_baseline_mbps = fits(
            "ebs_baseline_mbps",
            ebs.and_then(|e| e.baseline_bandwidth_in_mbps),
        )?;
        row.ebs_max_mbps = fits(
            "ebs_max_mbps",
            ebs.and_then(|e| e.maximum_bandwidth_in_mbps),
        )?;
        row.ebs_baseline_iops = fits("ebs_baseline_iops", ebs.and_then(|e| e.baseline_iops))?;
        row.ebs_max_iops = fits("ebs_max_iops", ebs.and_then(|e| e.maximum_iops))?;
        row.hypervisor = owned(self.hypervisor);
        row.bare_metal = self.bare_metal;
        row.burstable = self.burstable_performance_supported;
        row.current_generation = self.current_generation;
        row.free_tier_eligible = self.free_tier_eligible;
        let usage = self.supported_usage_classes.as_deref().unwrap_or_default();
        row.on_demand_usage = usage.contains(&"on-demand");
        row.spot_usage = usage.contains(&"spot");
        Ok(())
    }
}

impl NetworkInfo<'_> {
    /// The network columns.
    fn columns(&self, row: &mut SpecRow) -> Result<(), ColumnError> {
        let label = self.network_performance.unwrap_or_default();
        let cards = self.network_cards.as_deref().unwrap_or_default();
        let default_index = self.default_network_card_index.unwrap_or(0);
        let default_card = cards
            .iter()
            .find(|c| c.index == Some(default_index))
            .or(cards.first());
        let (baseline, peak) = match label_gbps(label) {
            Some(gbps) if cards.len() > 1 => (Some(gbps), Some(gbps)),
            _ => (
                default_card.and_then(|c| c.baseline_bandwidth_in_gbps),
                default_card.and_then(|c| c.peak_bandwidth_in_gbps),
            ),
        };
        let gbps = |v: Option<f64>| v.map(|v| (v * 1000.0).round() / 1000.0);
        label.clone_into(&mut row.network_performance);
        row.network_baseline_gbps = gbps(baseline);
        row.network_peak_gbps = gbps(peak);
        row.max_network_interfaces =
            fits("max_network_interfaces", self.maximum_network_interfaces)?;
        row.network_cards =
            u32::try_from(cards.len().max(1)).map_err(|_| too_large("network_cards"))?;
        let default_interfaces = default_card
            .and_then(|c| c.maximum_network_interfaces)
            .or(self.maximum_network_interfaces);
        row.default_card_interfaces = fits("default_card_interfaces", default_interfaces)?;
        row.ipv4_per_interface = fits("ipv4_per_interface", self.ipv4_addresses_per_interface)?;
        row.efa = self.efa_supported;
        self.ena_support
            .unwrap_or_default()
            .clone_into(&mut row.ena);
        Ok(())
    }
}

/// A field a column needs, missing from the record.
fn missing(column: &str) -> ColumnError {
    (DataErrorKind::MissingField, format!("{column}: missing"))
}

/// A count too large for its column.
fn too_large(column: &str) -> ColumnError {
    (DataErrorKind::InvalidValue, format!("{column}: too large"))
}

/// A count that must be there, as its column holds it.
fn need(column: &str, value: Option<u64>) -> Result<u32, ColumnError> {
    fits(column, value)?.ok_or_else(|| missing(column))
}

/// A count, if the record gives one, as its column holds it.
fn fits(column: &str, value: Option<u64>) -> Result<Option<u32>, ColumnError> {
    value
        .map(|v| u32::try_from(v).map_err(|_| too_large(column)))
        .transpose()
}

/// A text of the record, owned.
fn owned(value: Option<&str>) -> Option<String> {
    value.map(str::to_owned)
}

/// The first of a list, if there is one.
fn first<T>(list: Option<&Vec<T>>) -> Option<&T> {
    list.and_then(|l| l.first())
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
