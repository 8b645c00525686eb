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
    "specs_source",
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
    "network_cards",
    "default_card_interfaces",
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
    "price_tenancy",
];

/// Older snapshots of the spec records, read in this order for names the current one
/// lacks: `(file, the row's specs_source)`. PROVENANCE.md section 0b.
const OLDER_SPECS: &[(&str, &str)] = &[
    (
        "moto-5.0.0/instance_types.json.gz",
        "moto 5.0.0, 2024-01-27",
    ),
    (
        "moto-4.0.0/instance_types.json.gz",
        "moto 4.0.0, 2022-08-20",
    ),
];

/// The billing codes of usage types (`USW2` in `USW2-BoxUsage:m5.large`), from AWS's
/// "AWS Region billing codes" page (PROVENANCE.md section 4).
const BILLING_CODES: &str = "aws-billing-codes.csv";

/// Every region code, with partition and description (botocore's endpoints).
const REGION_LIST: &str = "botocore-1.44.8/regions.csv";

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
        "REGIONS_SNAPSHOT",
        "botocore-1.44.8/regions.csv",
        "botocore 1.44.8, 2026-11-20",
        "region codes and descriptions",
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
    let specs_source = SNAPSHOTS
        .iter()
        .find(|(c, _, _, _)| *c == "SPECS_SNAPSHOT")
        .map_or("", |(_, _, text, _)| text);
    let mut spec_snapshots = vec![(
        read_json(&sources.join(source_file("SPECS_SNAPSHOT")))?,
        specs_source,
    )];
    for (file, source) in OLDER_SPECS {
        spec_snapshots.push((read_json(&sources.join(file))?, source));
    }
    for (snapshot, source) in &spec_snapshots {
        if !snapshot.is_object() {
            return Err(format!("{source}: instance_types.json: not an object"));
        }
    }
    // The record of a name: from the newest snapshot that has one.
    let spec_of = |name: &str| {
        spec_snapshots
            .iter()
            .find_map(|(snapshot, source)| Some((snapshot.get(name)?, *source)))
    };

    // Regions: every code botocore knows, in its order; which have offering and spot data.
    let region_list =
        String::from_utf8(read(&sources.join(REGION_LIST))?).map_err(|e| e.to_string())?;
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
    let advisor = spot["spot_advisor"]
        .as_object()
        .ok_or("spot_advisor: not an object")?;
    // One row per region and type: `region,name,savings_percent,interruption`.
    let mut spot_rows: Vec<(String, String, String, String)> = Vec::new();
    for (region, by_os) in advisor {
        let Some(linux) = by_os["Linux"].as_object() else {
            continue;
        };
        for (name, hint) in linux {
            if !names.contains(name.as_str()) {
                continue;
            }
            let band = hint["r"]
                .as_u64()
                .and_then(|i| bands.get(i as usize))
                .cloned()
                .ok_or_else(|| format!("spot {region} {name}: no interruption band"))?;
            spot_rows.push((name.clone(), region.clone(), hint["s"].to_string(), band));
        }
    }
    spot_rows.sort();

    let mut csv = COLUMNS.join(",");
    csv.push('\n');
    let (mut with_specs, mut older_specs, mut priced, mut fallback) = (0, 0, 0, 0);
    for name in &names {
        let mut row: BTreeMap<&str, String> = BTreeMap::new();
        row.insert("name", (*name).to_owned());
        let spec = spec_of(name);
        row.insert("has_specs", spec.is_some().to_string());
        if let Some((spec, source)) = spec {
            with_specs += 1;
            if source != specs_source {
                older_specs += 1;
            }
            row.insert("specs_source", source.to_owned());
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
            // The price table lists bare metal at Dedicated-tenancy rates (PROVENANCE.md 1).
            let bare_metal = name
                .split_once('.')
                .is_some_and(|(_, size)| size == "metal" || size.starts_with("metal-"));
            let tenancy = if bare_metal { "dedicated" } else { "shared" };
            row.insert("price_tenancy", tenancy.to_owned());
        }
        let fields: Vec<String> = COLUMNS
            .iter()
            .map(|c| csv_field(row.get(c).map_or("", String::as_str)))
            .collect();
        csv.push_str(&fields.join(","));
        csv.push('\n');
    }
    fs::write(data.join("instance-types.csv"), csv).map_err(|e| e.to_string())?;

    let mut region_csv = String::from("region,partition,description,offering_data,spot_data\n");
    let mut listed = 0;
    for line in region_list.lines().skip(1) {
        let mut fields = line.splitn(3, ',');
        let (Some(code), Some(partition), Some(description)) =
            (fields.next(), fields.next(), fields.next())
        else {
            return Err(format!("{REGION_LIST}: bad line {line:?}"));
        };
        let offering = regions.iter().any(|r| r == code);
        let spot = advisor.contains_key(code);
        listed += usize::from(offering);
        let _ = writeln!(
            region_csv,
            "{code},{partition},{},{offering},{spot}",
            csv_field(description)
        );
    }
    if listed != regions.len() {
        return Err(format!(
            "{REGION_LIST} lacks a region of the offering files"
        ));
    }
    fs::write(data.join("regions.csv"), region_csv).map_err(|e| e.to_string())?;

    let billing =
        String::from_utf8(read(&sources.join(BILLING_CODES))?).map_err(|e| e.to_string())?;
    let mut billing_rows: Vec<(String, String)> = Vec::new();
    for line in billing.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let (code, region) = line
            .split_once(',')
            .ok_or_else(|| format!("{BILLING_CODES}: bad line {line:?}"))?;
        if !region_list
            .lines()
            .any(|l| l.split(',').next() == Some(region))
        {
            return Err(format!(
                "{BILLING_CODES}: {region} is not a known region code"
            ));
        }
        billing_rows.push((code.to_owned(), region.to_owned()));
    }
    billing_rows.sort();
    let mut billing_csv = String::from("billing_code,region\n");
    for (code, region) in &billing_rows {
        let _ = writeln!(billing_csv, "{code},{region}");
    }
    fs::write(data.join("billing-codes.csv"), billing_csv).map_err(|e| e.to_string())?;

    let mut spot_csv = String::from("name,region,savings_percent,interruption\n");
    for (name, region, savings, band) in &spot_rows {
        let _ = writeln!(spot_csv, "{name},{region},{savings},{}", csv_field(band));
    }
    fs::write(data.join("spot.csv"), spot_csv).map_err(|e| e.to_string())?;
    let spot_hints = spot_rows.iter().filter(|r| r.1 == "us-east-1").count();

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
    println!("with specs:     {with_specs} (of which {older_specs} from older snapshots)");
    println!("priced:         {priced} (of which {fallback} from GovCloud, flagged)");
    println!(
        "spot hints:     {} in {} regions ({spot_hints} in us-east-1; Linux)",
        spot_rows.len(),
        advisor.len()
    );
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

/// The bandwidth a type's own label states for the whole type: `N Gigabit` is N,
/// `Kx M Gigabit` is K x M; `None` for other labels ("Up to 25 Gigabit", "High").
fn label_gbps(label: &str) -> Option<f64> {
    let figure = label.strip_suffix(" Gigabit")?;
    match figure.split_once("x ") {
        Some((cards, each)) => Some(cards.parse::<f64>().ok()? * each.parse::<f64>().ok()?),
        None => figure.parse().ok(),
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
