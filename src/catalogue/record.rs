//! One EC2 `DescribeInstanceTypes` record (as `aws ec2 describe-instance-types` prints it,
//! and as moto stores it) read into the catalogue's columns, with the catalogue's rules:
//! the bandwidth of a multi-card type is what its label states, EKS counts the default
//! card's interfaces, one accelerator kind per type. The generator (`xtask`, through
//! `catalogue::generator`) writes these columns to `data/instance-types.csv`; owned
//! catalogues read them into `Specs`. One reader of records for both.

use std::collections::BTreeMap;

use serde_json::Value;

/// The text of a JSON value as a column holds it: strings as they are, numbers and
/// booleans as JSON writes them, nothing for `null`.
#[must_use]
pub fn text(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// A number as a column holds it: integers stay integers; floats keep their shortest
/// exact form (`3.0`, `3.1`).
#[must_use]
pub fn number(value: &Value) -> String {
    match value.as_f64() {
        Some(f) if f.fract() == 0.0 && value.is_f64() => format!("{f:.1}"),
        _ => text(value),
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

/// The spec columns of one record into `row` (`data/README.md` explains each column).
pub fn spec_columns<'a>(spec: &Value, row: &mut BTreeMap<&'a str, String>) {
    let mut put = |column: &'a str, value: String| {
        row.insert(column, value);
    };
    let vcpu = &spec["VCpuInfo"];
    put("vcpus", text(&vcpu["DefaultVCpus"]));
    put("cores", text(&vcpu["DefaultCores"]));
    put("threads_per_core", text(&vcpu["DefaultThreadsPerCore"]));
    put("memory_mib", text(&spec["MemoryInfo"]["SizeInMiB"]));
    let cpu = &spec["ProcessorInfo"];
    let archs: Vec<String> = cpu["SupportedArchitectures"]
        .as_array()
        .into_iter()
        .flatten()
        .map(text)
        .collect();
    put("architectures", archs.join(" "));
    put("processor_manufacturer", text(&cpu["Manufacturer"]));
    put("clock_ghz", number(&cpu["SustainedClockSpeedInGhz"]));

    if let Some(gpu) = spec["GpuInfo"]["Gpus"].get(0) {
        put("gpu_count", text(&gpu["Count"]));
        let share = gpu["GpuPartitionSize"].as_f64().unwrap_or(1.0);
        if share < 1.0 {
            put("gpu_share", number(&gpu["GpuPartitionSize"]));
        }
        put("gpu_manufacturer", text(&gpu["Manufacturer"]));
        put("gpu_model", text(&gpu["Name"]));
        put(
            "gpu_memory_mib",
            text(&spec["GpuInfo"]["TotalGpuMemoryInMiB"]),
        );
    } else {
        put("gpu_count", "0".into());
    }
    accelerator_columns(spec, row);
    storage_columns(spec, row);
    network_columns(&spec["NetworkInfo"], row);
    other_columns(spec, row);
}

/// The accelerator columns: one kind per type; Neuron is preferred to the older
/// `InferenceAcceleratorInfo` record of the same Inferentia devices.
fn accelerator_columns<'a>(spec: &Value, row: &mut BTreeMap<&'a str, String>) {
    let mut put = |column: &'a str, value: String| {
        row.insert(column, value);
    };
    // One accelerator kind per type in the sources; Neuron is preferred to the older
    // InferenceAcceleratorInfo record of the same Inferentia devices.
    let accelerators = [
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
    for (info, list, total, kind) in accelerators {
        let Some(device) = spec[info][list].get(0) else {
            continue;
        };
        let model = text(&device["Name"]);
        let kind = match kind {
            "" if model.starts_with("Trainium") => "trainium",
            "" => "inferentia",
            "inference" if model.starts_with("Inferentia") => "inferentia",
            "inference" if text(&device["Manufacturer"]) == "Qualcomm" => "qualcomm",
            other => other,
        };
        put("accelerator_kind", kind.into());
        put("accelerator_count", text(&device["Count"]));
        let manufacturer = text(&device["Manufacturer"]);
        put(
            "accelerator_manufacturer",
            if manufacturer.is_empty() {
                "AWS".into()
            } else {
                manufacturer
            },
        );
        put("accelerator_model", model);
        put("accelerator_memory_mib", text(&spec[info][total]));
        break;
    }
}

/// The local storage columns.
fn storage_columns<'a>(spec: &Value, row: &mut BTreeMap<&'a str, String>) {
    let mut put = |column: &'a str, value: String| {
        row.insert(column, value);
    };
    if let Some(disk) = spec["InstanceStorageInfo"]["Disks"].get(0) {
        put("storage_disks", text(&disk["Count"]));
        put("storage_disk_gb", text(&disk["SizeInGB"]));
        put("storage_type", text(&disk["Type"]));
        put(
            "storage_nvme",
            text(&spec["InstanceStorageInfo"]["NvmeSupport"]),
        );
        put(
            "storage_total_gb",
            text(&spec["InstanceStorageInfo"]["TotalSizeInGB"]),
        );
    }
}

/// The network columns (`net` is the record's `NetworkInfo`).
fn network_columns<'a>(net: &Value, row: &mut BTreeMap<&'a str, String>) {
    let mut put = |column: &'a str, value: String| {
        row.insert(column, value);
    };
    let label = text(&net["NetworkPerformance"]);
    put("network_performance", label.clone());
    let cards = net["NetworkCards"].as_array().cloned().unwrap_or_default();
    let default_index = net["DefaultNetworkCardIndex"].as_u64().unwrap_or(0);
    let default_card = cards
        .iter()
        .find(|c| c["NetworkCardIndex"].as_u64() == Some(default_index))
        .or(cards.first());
    let card_figure = |key: &str| default_card.and_then(|c| c[key].as_f64());
    let (baseline, peak) = match label_gbps(&label) {
        Some(gbps) if cards.len() > 1 => (Some(gbps), Some(gbps)),
        _ => (
            card_figure("BaselineBandwidthInGbps"),
            card_figure("PeakBandwidthInGbps"),
        ),
    };
    let gbps = |v: Option<f64>| {
        v.map(|v| format!("{}", (v * 1000.0).round() / 1000.0))
            .unwrap_or_default()
    };
    put("network_baseline_gbps", gbps(baseline));
    put("network_peak_gbps", gbps(peak));
    put(
        "max_network_interfaces",
        text(&net["MaximumNetworkInterfaces"]),
    );
    put("network_cards", cards.len().max(1).to_string());
    let default_interfaces = default_card
        .map(|c| text(&c["MaximumNetworkInterfaces"]))
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| text(&net["MaximumNetworkInterfaces"]));
    put("default_card_interfaces", default_interfaces);
    put(
        "ipv4_per_interface",
        text(&net["Ipv4AddressesPerInterface"]),
    );
    put("efa", text(&net["EfaSupported"]));
    put("ena", text(&net["EnaSupport"]));
}

/// EBS, hypervisor, flags and usage classes.
fn other_columns<'a>(spec: &Value, row: &mut BTreeMap<&'a str, String>) {
    let mut put = |column: &'a str, value: String| {
        row.insert(column, value);
    };
    let ebs = &spec["EbsInfo"]["EbsOptimizedInfo"];
    put("ebs_baseline_mbps", text(&ebs["BaselineBandwidthInMbps"]));
    put("ebs_max_mbps", text(&ebs["MaximumBandwidthInMbps"]));
    put("ebs_baseline_iops", text(&ebs["BaselineIops"]));
    put("ebs_max_iops", text(&ebs["MaximumIops"]));

    put("hypervisor", text(&spec["Hypervisor"]));
    put("bare_metal", text(&spec["BareMetal"]));
    put("burstable", text(&spec["BurstablePerformanceSupported"]));
    put("current_generation", text(&spec["CurrentGeneration"]));
    put("free_tier_eligible", text(&spec["FreeTierEligible"]));
    let usage: Vec<String> = spec["SupportedUsageClasses"]
        .as_array()
        .into_iter()
        .flatten()
        .map(text)
        .collect();
    put(
        "on_demand_usage",
        usage.iter().any(|u| u == "on-demand").to_string(),
    );
    put("spot_usage", usage.iter().any(|u| u == "spot").to_string());
}
