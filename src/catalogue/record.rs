//! One EC2 `DescribeInstanceTypes` record (as `aws ec2 describe-instance-types` prints it,
//! and as moto stores it) read into [`Specs`]. The generator reads the bundled snapshot's
//! records with this same code.

use serde_json::Value;

use super::entry::{
    Accelerator, AcceleratorKind, Architecture, Architectures, DiskType, Ebs, Gpu, InstanceStorage,
    Network, Specs,
};
use super::label::Label;

/// A label for `text`, or the error of a full label table.
fn label(text: &str) -> Result<Label, String> {
    Label::intern(text).ok_or_else(|| "too many distinct texts (65,536)".to_owned())
}

fn text(value: &Value) -> Option<&str> {
    value.as_str().filter(|t| !t.is_empty())
}

fn count(value: &Value) -> u32 {
    value
        .as_u64()
        .and_then(|n| u32::try_from(n).ok())
        .unwrap_or(0)
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

/// A bandwidth rounded to 3 decimals, as the catalogue keeps it.
fn gbps(value: Option<f64>) -> Option<f64> {
    value.map(|v| (v * 1000.0).round() / 1000.0)
}

/// The specs in one `DescribeInstanceTypes` record, with `source` naming its snapshot.
///
/// # Errors
///
/// A record that is not an object, or has no `VCpuInfo.DefaultVCpus` or
/// `MemoryInfo.SizeInMiB`.
pub fn specs(record: &Value, source: &str) -> Result<Specs, String> {
    if !record.is_object() {
        return Err("a record is not a JSON object".to_owned());
    }
    let vcpu = &record["VCpuInfo"];
    let vcpus = vcpu["DefaultVCpus"]
        .as_u64()
        .and_then(|n| u32::try_from(n).ok())
        .ok_or("no VCpuInfo.DefaultVCpus")?;
    let memory_mib = record["MemoryInfo"]["SizeInMiB"]
        .as_u64()
        .ok_or("no MemoryInfo.SizeInMiB")?;
    let cpu = &record["ProcessorInfo"];
    let mut architectures = 0u8;
    for arch in cpu["SupportedArchitectures"]
        .as_array()
        .into_iter()
        .flatten()
    {
        if let Some(i) = Architecture::known().position(|a| Some(a.as_str()) == arch.as_str()) {
            architectures |= 1 << i;
        }
    }
    let gpu = match record["GpuInfo"]["Gpus"].get(0) {
        None => None,
        Some(device) => {
            let share = device["GpuPartitionSize"].as_f64().filter(|s| *s < 1.0);
            Some(Gpu {
                count: count(&device["Count"]),
                share,
                manufacturer: label(text(&device["Manufacturer"]).unwrap_or_default())?,
                model: label(text(&device["Name"]).unwrap_or_default())?,
                memory_mib: record["GpuInfo"]["TotalGpuMemoryInMiB"]
                    .as_u64()
                    .unwrap_or(0),
            })
        }
    };
    Ok(Specs {
        source: label(source)?,
        vcpus,
        cores: count(&vcpu["DefaultCores"]),
        threads_per_core: count(&vcpu["DefaultThreadsPerCore"]),
        memory_mib,
        architectures: Architectures(architectures),
        processor_manufacturer: text(&cpu["Manufacturer"]).map(label).transpose()?,
        clock_ghz: cpu["SustainedClockSpeedInGhz"].as_f64(),
        gpu,
        accelerator: accelerator(record)?,
        storage: storage(record),
        network: network(&record["NetworkInfo"])?,
        ebs: ebs(&record["EbsInfo"]["EbsOptimizedInfo"]),
        hypervisor: text(&record["Hypervisor"]).map(label).transpose()?,
        bare_metal: record["BareMetal"].as_bool().unwrap_or(false),
        burstable: record["BurstablePerformanceSupported"]
            .as_bool()
            .unwrap_or(false),
        current_generation: record["CurrentGeneration"].as_bool().unwrap_or(false),
        free_tier_eligible: record["FreeTierEligible"].as_bool().unwrap_or(false),
        on_demand_usage: usage_class(record, "on-demand"),
        spot_usage: usage_class(record, "spot"),
    })
}

fn usage_class(record: &Value, class: &str) -> bool {
    record["SupportedUsageClasses"]
        .as_array()
        .is_some_and(|classes| classes.iter().any(|c| c.as_str() == Some(class)))
}

/// One accelerator kind per type; Neuron is preferred to the older
/// `InferenceAcceleratorInfo` record of the same Inferentia devices.
fn accelerator(record: &Value) -> Result<Option<Accelerator>, String> {
    let infos = [
        (
            "NeuronInfo",
            "NeuronDevices",
            "TotalNeuronDeviceMemoryInMiB",
            "",
        ),
        (
            "InferenceAcceleratorInfo",
            "Accelerators",
            "TotalInferenceMemoryInMiB",
            "inference",
        ),
        ("FpgaInfo", "Fpgas", "TotalFpgaMemoryInMiB", "fpga"),
        (
            "MediaAcceleratorInfo",
            "Accelerators",
            "TotalMediaMemoryInMiB",
            "media",
        ),
    ];
    for (info, list, total, kind) in infos {
        let Some(device) = record[info][list].get(0) else {
            continue;
        };
        let model = text(&device["Name"]).unwrap_or_default();
        let manufacturer = text(&device["Manufacturer"]);
        let kind = match kind {
            "" if model.starts_with("Trainium") => AcceleratorKind::Trainium,
            "" => AcceleratorKind::Inferentia,
            "inference" if model.starts_with("Inferentia") => AcceleratorKind::Inferentia,
            "inference" if manufacturer == Some("Qualcomm") => AcceleratorKind::Qualcomm,
            "fpga" => AcceleratorKind::Fpga,
            _ => AcceleratorKind::Media,
        };
        return Ok(Some(Accelerator {
            kind,
            count: count(&device["Count"]),
            manufacturer: label(manufacturer.unwrap_or("AWS"))?,
            model: label(model)?,
            memory_mib: record[info][total].as_u64().unwrap_or(0),
        }));
    }
    Ok(None)
}

fn storage(record: &Value) -> Option<InstanceStorage> {
    let info = &record["InstanceStorageInfo"];
    let disk = info["Disks"].get(0)?;
    Some(InstanceStorage {
        disks: count(&disk["Count"]),
        disk_gb: disk["SizeInGB"].as_u64().unwrap_or(0),
        disk_type: if disk["Type"].as_str() == Some("hdd") {
            DiskType::Hdd
        } else {
            DiskType::Ssd
        },
        nvme: matches!(info["NvmeSupport"].as_str(), Some("required" | "supported")),
        total_gb: info["TotalSizeInGB"].as_u64().unwrap_or(0),
    })
}

/// Networking, with the catalogue's rules: the bandwidth of a multi-card type is what its
/// label states, else the default card's; interfaces of the default card for EKS.
fn network(net: &Value) -> Result<Network, String> {
    let performance = text(&net["NetworkPerformance"]).unwrap_or_default();
    let cards = net["NetworkCards"]
        .as_array()
        .map_or(&[][..], Vec::as_slice);
    let default_index = net["DefaultNetworkCardIndex"].as_u64().unwrap_or(0);
    let default_card = cards
        .iter()
        .find(|c| c["NetworkCardIndex"].as_u64() == Some(default_index))
        .or(cards.first());
    let card_figure = |key: &str| default_card.and_then(|c| c[key].as_f64());
    let (baseline, peak) = match label_gbps(performance) {
        Some(figure) if cards.len() > 1 => (Some(figure), Some(figure)),
        _ => (
            card_figure("BaselineBandwidthInGbps"),
            card_figure("PeakBandwidthInGbps"),
        ),
    };
    let max_interfaces = count(&net["MaximumNetworkInterfaces"]);
    Ok(Network {
        performance: label(performance)?,
        baseline_gbps: gbps(baseline),
        peak_gbps: gbps(peak),
        max_interfaces,
        cards: u32::try_from(cards.len().max(1)).unwrap_or(u32::MAX),
        default_card_interfaces: default_card
            .and_then(|c| c["MaximumNetworkInterfaces"].as_u64())
            .and_then(|n| u32::try_from(n).ok())
            .unwrap_or(max_interfaces),
        ipv4_per_interface: count(&net["Ipv4AddressesPerInterface"]),
        efa: net["EfaSupported"].as_bool().unwrap_or(false),
        ena: label(text(&net["EnaSupport"]).unwrap_or_default())?,
    })
}

fn ebs(info: &Value) -> Option<Ebs> {
    let figure = |key: &str| info[key].as_u64().and_then(|n| u32::try_from(n).ok());
    Some(Ebs {
        baseline_mbps: figure("BaselineBandwidthInMbps")?,
        max_mbps: figure("MaximumBandwidthInMbps").unwrap_or(0),
        baseline_iops: figure("BaselineIops").unwrap_or(0),
        max_iops: figure("MaximumIops").unwrap_or(0),
    })
}
