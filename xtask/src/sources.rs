//! Reads the raw sources and writes the catalogue CSV files under `data/`.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::fs;
use std::io::Read;
use std::path::Path;

use serde_json::Value;

/// The CSV columns, in order. `data/README.md` explains each one.
pub const COLUMNS: &[&str] = &[
    "name",
    "has_specs",
    "vcpus",
    "cores",
    "threads_per_core",
    "memory_mib",
    "architectures",
    "processor_manufacturer",
    "clock_ghz",
    "gpu_count",
    "gpu_share",
    "gpu_manufacturer",
    "gpu_model",
    "gpu_memory_mib",
    "accelerator_kind",
    "accelerator_count",
    "accelerator_manufacturer",
    "accelerator_model",
    "accelerator_memory_mib",
    "storage_disks",
    "storage_disk_gb",
    "storage_type",
    "storage_nvme",
    "storage_total_gb",
    "network_performance",
    "network_baseline_gbps",
    "network_peak_gbps",
    "max_network_interfaces",
    "ipv4_per_interface",
    "efa",
    "ena",
    "ebs_baseline_mbps",
    "ebs_max_mbps",
    "ebs_baseline_iops",
    "ebs_max_iops",
    "hypervisor",
    "bare_metal",
    "burstable",
    "current_generation",
    "free_tier_eligible",
    "on_demand_usage",
    "spot_usage",
    "regions",
    "on_demand_usd_per_hour",
    "price_region",
    "spot_savings_percent",
    "spot_interruption",
];

type Error = String;

/// The source files read, and the snapshot each stands for: `(constant, file, text,
/// what it gives the catalogue)`.
/// The generator writes them to `data/snapshot.csv`; the table makes them the crate's
/// snapshot constants, so a source and its stated version change together.
pub const SNAPSHOTS: &[(&str, &str, &str, &str)] = &[
    (
        "NAMES_SNAPSHOT",
        "botocore-1.44.8/instance-types.txt",
        "botocore 1.44.8, 2026-11-20",
        "names",
    ),
    (
        "SPECS_SNAPSHOT",
        "moto-5.2.5/instance_types.json.gz",
        "moto 5.2.5, 2026-10-27",
        "specs and region offerings",
    ),
    (
        "PRICES_SNAPSHOT",
        "karpenter-provider-aws/on-demand-linux-usd-per-hour.csv",
        "AWS Pricing API via aws/karpenter-provider-aws, 2026-07-20",
        "on-demand prices",
    ),
    (
        "SPOT_SNAPSHOT",
        "spotinfo/spot-advisor-data.json",
        "AWS Spot Instance Advisor via alexei-led/spotinfo, 2025-06-28",
        "spot hints",
    ),
];

/// The file of the snapshot named `constant`.
fn source_file(constant: &str) -> &'static str {
    SNAPSHOTS
        .iter()
        .find(|(c, _, _, _)| *c == constant)
        .map_or("", |(_, file, _, _)| file)
}

fn read(path: &Path) -> Result<Vec<u8>, Error> {
    fs::read(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn read_json(path: &Path) -> Result<Value, Error> {
    let bytes = read(path)?;
    let text = if path.extension().is_some_and(|e| e == "gz") {
        let mut out = String::new();
        flate2::read::GzDecoder::new(&bytes[..])
            .read_to_string(&mut out)
            .map_err(|e| format!("{}: {e}", path.display()))?;
        out
    } else {
        String::from_utf8(bytes).map_err(|e| format!("{}: {e}", path.display()))?
    };
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// Writes `data/instance-types.csv` and `data/regions.csv` from `sources`.
pub fn write_data(sources: &Path, data: &Path) -> Result<(), Error> {
    let names_text = String::from_utf8(read(&sources.join(source_file("NAMES_SNAPSHOT")))?)
        .map_err(|e| e.to_string())?;
    let names: BTreeSet<&str> = names_text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let specs = read_json(&sources.join(source_file("SPECS_SNAPSHOT")))?;
    let specs = specs
        .as_object()
        .ok_or("instance_types.json: not an object")?;

    // Regions: file name order gives the region's index in the compiled table.
    let region_dir = sources.join("moto-5.2.5/instance_type_offerings_region");
    let mut region_files: Vec<_> = fs::read_dir(&region_dir)
        .map_err(|e| format!("{}: {e}", region_dir.display()))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    region_files.sort();
    let mut regions: Vec<String> = Vec::new();
    let mut offered: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for path in &region_files {
        let region = path
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_suffix(".json.gz"))
            .ok_or_else(|| format!("{}: unexpected file", path.display()))?
            .to_owned();
        for offer in read_json(path)?
            .as_array()
            .ok_or("offerings: not an array")?
        {
            if let Some(name) = offer["InstanceType"].as_str() {
                offered
                    .entry(name.to_owned())
                    .or_default()
                    .insert(region.clone());
            }
        }
        regions.push(region);
    }

    // On-demand prices: us-east-1 first, GovCloud as a flagged fallback.
    let prices_text = String::from_utf8(read(&sources.join(source_file("PRICES_SNAPSHOT")))?)
        .map_err(|e| e.to_string())?;
    let mut prices: BTreeMap<String, (String, String)> = BTreeMap::new();
    for line in prices_text.lines().skip(1) {
        let mut fields = line.split(',');
        let (Some(region), Some(name), Some(price)) = (fields.next(), fields.next(), fields.next())
        else {
            continue;
        };
        let better = match prices.get(name) {
            None => true,
            Some((have, _)) => {
                have != "us-east-1" && (region == "us-east-1" || region < have.as_str())
            }
        };
        if better {
            prices.insert(name.to_owned(), (region.to_owned(), price.to_owned()));
        }
    }

    let spot = read_json(&sources.join(source_file("SPOT_SNAPSHOT")))?;
    let bands: Vec<String> = spot["ranges"]
        .as_array()
        .ok_or("spot ranges: not an array")?
        .iter()
        .map(|r| r["label"].as_str().unwrap_or_default().to_owned())
        .collect();
    let spot_linux = &spot["spot_advisor"]["us-east-1"]["Linux"];

    let mut csv = COLUMNS.join(",");
    csv.push('\n');
    let (mut with_specs, mut priced, mut fallback, mut spot_hints) = (0, 0, 0, 0);
    for name in &names {
        let mut row: BTreeMap<&str, String> = BTreeMap::new();
        row.insert("name", (*name).to_owned());
        let spec = specs.get(*name);
        row.insert("has_specs", spec.is_some().to_string());
        if let Some(spec) = spec {
            with_specs += 1;
            spec_fields(spec, &mut row);
        }
        let here: Vec<&str> = offered
            .get(*name)
            .map(|r| r.iter().map(String::as_str).collect())
            .unwrap_or_default();
        row.insert("regions", here.join(" "));
        if let Some((region, price)) = prices.get(*name) {
            priced += 1;
            if region != "us-east-1" {
                fallback += 1;
            }
            row.insert("on_demand_usd_per_hour", price.clone());
            row.insert("price_region", region.clone());
        }
        if let Some(hint) = spot_linux.get(*name) {
            spot_hints += 1;
            row.insert("spot_savings_percent", hint["s"].to_string());
            let band = hint["r"]
                .as_u64()
                .and_then(|i| bands.get(i as usize))
                .cloned()
                .unwrap_or_default();
            row.insert("spot_interruption", band);
        }
        let fields: Vec<String> = COLUMNS
            .iter()
            .map(|c| csv_field(row.get(c).map_or("", String::as_str)))
            .collect();
        csv.push_str(&fields.join(","));
        csv.push('\n');
    }
    fs::write(data.join("instance-types.csv"), csv).map_err(|e| e.to_string())?;

    let mut region_csv = String::from("index,region\n");
    for (i, region) in regions.iter().enumerate() {
        let _ = writeln!(region_csv, "{i},{region}");
    }
    fs::write(data.join("regions.csv"), region_csv).map_err(|e| e.to_string())?;

    let mut snapshot_csv = String::from("constant,covers,file,source\n");
    for (constant, file, text, covers) in SNAPSHOTS {
        let _ = writeln!(
            snapshot_csv,
            "{constant},{covers},{file},{}",
            csv_field(text)
        );
    }
    fs::write(data.join("snapshot.csv"), snapshot_csv).map_err(|e| e.to_string())?;

    println!("names:          {}", names.len());
    println!("with specs:     {with_specs}");
    println!("priced:         {priced} (of which {fallback} from GovCloud, flagged)");
    println!("spot hints:     {spot_hints} (us-east-1 Linux; spot price is an estimate)");
    println!("unpriced:       {}", names.len() - priced);
    println!("regions:        {}", regions.len());
    Ok(())
}

fn csv_field(value: &str) -> String {
    if value.contains([',', '"', '\n']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_owned()
    }
}

fn text(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn number(value: &Value) -> String {
    // Integers stay integers; floats keep their shortest exact form.
    match value.as_f64() {
        Some(f) if f.fract() == 0.0 && value.is_f64() => format!("{f:.1}"),
        _ => text(value),
    }
}

fn spec_fields<'a>(spec: &Value, row: &mut BTreeMap<&'a str, String>) {
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

    let net = &spec["NetworkInfo"];
    put("network_performance", text(&net["NetworkPerformance"]));
    let cards = net["NetworkCards"].as_array().cloned().unwrap_or_default();
    let sum = |key: &str| -> Option<f64> {
        let values: Vec<f64> = cards.iter().filter_map(|c| c[key].as_f64()).collect();
        (!values.is_empty()).then(|| values.iter().sum())
    };
    let gbps = |v: Option<f64>| {
        v.map(|v| format!("{}", (v * 1000.0).round() / 1000.0))
            .unwrap_or_default()
    };
    put(
        "network_baseline_gbps",
        gbps(sum("BaselineBandwidthInGbps")),
    );
    put("network_peak_gbps", gbps(sum("PeakBandwidthInGbps")));
    put(
        "max_network_interfaces",
        text(&net["MaximumNetworkInterfaces"]),
    );
    put(
        "ipv4_per_interface",
        text(&net["Ipv4AddressesPerInterface"]),
    );
    put("efa", text(&net["EfaSupported"]));
    put("ena", text(&net["EnaSupport"]));

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
