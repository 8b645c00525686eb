//! `ec2type show`: the decoded parts, specs and cost hints of each name.

use std::io::{self, Write};

use ec2_instance_type::catalogue::{Entry, Specs};
use ec2_instance_type::{Region, ServiceInstanceType};
use serde_json::{Map, Value, json};

use crate::Status;
use crate::decode::explain;
use crate::input::{NameList, SpotRegion, for_each_parsed};
use crate::output::{decoded_fields, json_line, row, usd};

/// Arguments of `show`.
#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    list: NameList,
    #[command(flatten)]
    spot: SpotRegion,
}

/// Shows every name: exit 1 if a well-formed name is not in the catalogue, 2 if a name is bad.
pub fn run(args: &Args) -> io::Result<Status> {
    let list = &args.list;
    let spot_region = args.spot.get();
    for_each_parsed(list, |out, input, name| {
        let entry = crate::catalogue().get(name.ec2_name());
        if list.json {
            json_line(out, show_fields(input, name, entry, &spot_region))?;
        } else {
            explain(out, name)?;
            describe(out, name, entry, &spot_region)?;
        }
        Ok(if entry.is_some() {
            Status::Success
        } else {
            Status::NothingFound
        })
    })
}

/// The `show --json` fields: every `decode` field plus the catalogue's, with the spot
/// hints of `spot_region`.
pub fn show_fields(
    input: &str,
    name: &ServiceInstanceType,
    entry: Option<Entry<'_>>,
    spot_region: &Region,
) -> Map<String, Value> {
    let mut fields = decoded_fields(
        input,
        name,
        name.instance_type().catalogue_normalization_factor(),
    );
    fields.extend(catalogue_fields(entry, spot_region));
    fields
}

/// The catalogue's fields of one entry; all null (and `in_catalogue` false) without one.
pub fn catalogue_fields(entry: Option<Entry<'_>>, spot_region: &Region) -> Map<String, Value> {
    let specs = entry.and_then(|e| e.specs);
    let gpu = specs.and_then(|s| s.gpu);
    let accelerator = specs.and_then(|s| s.accelerator);
    let price = entry.and_then(|e| crate::table::price_of(&e, spot_region));
    let spot = entry.and_then(|e| e.spot_in(spot_region));
    let storage = specs.and_then(|s| s.storage);
    let network = specs.map(|s| s.network);
    let ebs = specs.and_then(|s| s.ebs);
    let value = json!({
        "in_catalogue": entry.is_some(),
        "specs_source": specs.map(|s| s.source.as_str()),
        "vcpus": specs.map(|s| s.vcpus),
        "cores": specs.map(|s| s.cores),
        "threads_per_core": specs.map(|s| s.threads_per_core),
        "memory_mib": specs.map(|s| s.memory_mib),
        "architectures": specs.map(|s| s.architectures.iter().map(|a| a.as_str()).collect::<Vec<_>>()),
        "processor_manufacturer": specs.and_then(|s| s.processor_manufacturer).map(|m| m.as_str()),
        "clock_ghz": specs.and_then(|s| s.clock_ghz),
        "gpu_count": specs.map(ec2_instance_type::catalogue::Specs::gpu_count),
        "gpu_share": gpu.and_then(|g| g.share),
        "gpu_manufacturer": gpu.map(|g| g.manufacturer.as_str()),
        "gpu_model": gpu.map(|g| g.model.as_str()),
        "gpu_memory_mib": gpu.map(|g| g.memory_mib),
        "accelerator_kind": accelerator.map(|a| a.kind.as_str()),
        "accelerator_count": accelerator.map(|a| a.count),
        "accelerator_manufacturer": accelerator.map(|a| a.manufacturer.as_str()),
        "accelerator_model": accelerator.map(|a| a.model.as_str()),
        "accelerator_memory_mib": accelerator.map(|a| a.memory_mib),
        "instance_storage_gb": storage.map(|d| d.total_gb),
        "instance_storage_disks": storage.map(|d| d.disks),
        "instance_storage_disk_gb": storage.map(|d| d.disk_gb),
        "instance_storage_type": storage.map(|d| d.disk_type.as_str()),
        "instance_storage_nvme": storage.map(|d| d.nvme),
        "network_performance": network.map(|n| n.performance.as_str()),
        "network_baseline_gbps": network.and_then(|n| n.baseline_gbps),
        "network_peak_gbps": network.and_then(|n| n.peak_gbps),
        "network_max_interfaces": network.map(|n| n.max_interfaces),
        "network_cards": network.map(|n| n.cards),
        "network_default_card_interfaces": network.map(|n| n.default_card_interfaces),
        "network_ipv4_per_interface": network.map(|n| n.ipv4_per_interface),
        "efa": network.map(|n| n.efa),
        "ena": network.map(|n| n.ena.as_str()),
        "eks_max_pods": network.map(|n| n.eks_max_pods()),
        "ebs_baseline_mbps": ebs.map(|e| e.baseline_mbps),
        "ebs_max_mbps": ebs.map(|e| e.max_mbps),
        "ebs_baseline_iops": ebs.map(|e| e.baseline_iops),
        "ebs_max_iops": ebs.map(|e| e.max_iops),
        "hypervisor": specs.and_then(|s| s.hypervisor).map(|h| h.as_str()),
        "current_generation": specs.map(|s| s.current_generation),
        "bare_metal": specs.map(|s| s.bare_metal),
        "burstable": specs.map(|s| s.burstable),
        "free_tier_eligible": specs.map(|s| s.free_tier_eligible),
        "on_demand_usage": specs.map(|s| s.on_demand_usage),
        "spot_usage": specs.map(|s| s.spot_usage),
        "regions": entry.and_then(|e| e.regions).map(|r| r.iter().collect::<Vec<_>>()),
        "on_demand_usd_per_hour": price.map(|p| p.usd_per_hour),
        "price_region": price.map(|p| p.region.as_str()),
        "price_is_estimate": price.map(|p| p.is_estimate()),
        "price_tenancy": price.map(|p| p.tenancy.as_str()),
        "usd_per_month": usd(price.map(|p| p.usd_per_month())),
        "usd_per_vcpu_hour": usd(entry.and_then(Entry::usd_per_vcpu_hour)),
        "usd_per_gib_hour": usd(entry.and_then(Entry::usd_per_gib_hour)),
        "spot_region": spot.map(|_| spot_region.as_str()),
        "spot_savings_percent": spot.map(|s| s.savings_percent),
        "spot_interruption": spot.map(|s| s.interruption.as_str()),
        "spot_estimate_usd_per_hour": usd(entry.and_then(|e| e.spot_estimate_in(spot_region))),
    });
    match value {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}

/// Writes the readable specs and cost hints of one name.
fn describe(
    out: &mut impl Write,
    name: &ServiceInstanceType,
    entry: Option<Entry<'_>>,
    spot_region: &Region,
) -> io::Result<()> {
    let Some(entry) = entry else {
        row(
            out,
            "catalogue",
            "not found",
            "a well-formed name the catalogue does not know",
        )?;
        return writeln!(out);
    };
    if let Some(service) = name.service() {
        let note = format!(
            "facts and EC2 prices of {}, not of the {service} service",
            entry.name()
        );
        row(out, "note", "", &note)?;
    }
    match entry.specs {
        None => row(
            out,
            "specs",
            "unknown",
            "no DescribeInstanceTypes record in the sources",
        )?,
        Some(specs) => describe_specs(out, specs)?,
    }
    match entry.regions {
        Some(regions) => {
            let codes: Vec<&str> = regions.iter().collect();
            row(out, "regions", codes.len(), &codes.join(" "))?;
        }
        None => row(out, "regions", "unknown (no offering data)", "")?,
    }
    describe_costs(out, entry, spot_region)?;
    writeln!(out)
}

/// Writes the readable hardware facts.
fn describe_specs(out: &mut impl Write, s: &Specs) -> io::Result<()> {
    let threads = format!("{} cores x {} threads", s.cores, s.threads_per_core);
    row(out, "vcpus", s.vcpus, &threads)?;
    row(
        out,
        "memory",
        format!("{} GiB", s.memory_gib()),
        &format!("{} MiB", s.memory_mib),
    )?;
    let archs: Vec<&str> = s.architectures.iter().map(|a| a.as_str()).collect();
    let clock = s
        .clock_ghz
        .map(|c| format!(", {c} GHz"))
        .unwrap_or_default();
    let manufacturer = s.processor_manufacturer.map_or("unknown", |m| m.as_str());
    row(
        out,
        "processor",
        manufacturer,
        &format!("{}{clock}", archs.join(" ")),
    )?;
    if let Some(g) = s.gpu {
        let count = g
            .share
            .map_or(g.count.to_string(), |share| format!("{share} of a"));
        let model = format!("{count} x {} {}", g.manufacturer, g.model);
        row(out, "gpu", model, &format!("{} MiB total", g.memory_mib))?;
    }
    if let Some(a) = s.accelerator {
        let note = format!("{}, {} MiB total", a.kind, a.memory_mib);
        row(
            out,
            "accelerator",
            format!("{} x {}", a.count, a.model),
            &note,
        )?;
    }
    if let Some(disk) = s.storage {
        let nvme_label = if disk.nvme { " NVMe" } else { "" };
        let note = format!(
            "{} x {} GB{nvme_label} {}",
            disk.disks, disk.disk_gb, disk.disk_type
        );
        row(out, "storage", format!("{} GB", disk.total_gb), &note)?;
    }
    let efa = if s.network.efa { ", EFA" } else { "" };
    let interfaces = s.network.max_interfaces;
    let cards = match s.network.cards {
        0 | 1 => String::new(),
        n => format!(" on {n} cards"),
    };
    let note = format!(
        "{interfaces} interfaces{cards}, EKS max pods {}{efa}",
        s.network.eks_max_pods()
    );
    row(out, "network", s.network.performance, &note)?;
    let flags: Vec<&str> = [
        (s.current_generation, "current generation"),
        (!s.current_generation, "previous generation"),
        (s.bare_metal, "bare metal"),
        (s.burstable, "burstable"),
        (s.free_tier_eligible, "free tier"),
    ]
    .into_iter()
    .filter_map(|(on, flag)| on.then_some(flag))
    .collect();
    row(out, "flags", flags.join(", "), "")?;
    row(out, "specs from", s.source, "")
}

/// Writes the readable on-demand price and the spot hint of `spot_region`.
fn describe_costs(out: &mut impl Write, entry: Entry<'_>, spot_region: &Region) -> io::Result<()> {
    match crate::table::price_of(&entry, spot_region) {
        None => row(out, "on-demand", "unknown", "no price in the sources")?,
        Some(p) => {
            let source = if p.is_estimate() {
                format!("{} price, not us-east-1", p.region)
            } else {
                format!("Linux, {}", p.region)
            };
            let source = format!("{source}, {} tenancy", p.tenancy);
            let note = format!("{source}; ${:.2}/month", p.usd_per_month());
            row(out, "on-demand", format!("${}/h", p.usd_per_hour), &note)?;
        }
    }
    if let Some(spot) = entry.spot_in(spot_region) {
        let estimate = entry
            .spot_estimate_in(spot_region)
            .map_or("no estimate".to_owned(), |e| format!("~${e:.4}/h estimate"));
        let note = format!(
            "{}% savings, interruptions {}, {spot_region}",
            spot.savings_percent,
            spot.interruption.as_str()
        );
        row(out, "spot", estimate, &note)?;
    }
    Ok(())
}
