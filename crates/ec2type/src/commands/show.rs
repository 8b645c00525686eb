//! `ec2type show`: the decoded parts, specs and cost hints of each name.

use std::io::{self, Write};

use ec2_instance_type::catalogue::{Catalogue, Entry, Specs};
use ec2_instance_type::{Region, ServiceInstanceType};
use serde_json::{Map, Value};

use crate::Status;
use crate::commands::decode::explain;
use crate::context::Context;
use crate::input::{NameList, SpotRegion, for_each_parsed};
use crate::render::output::{decoded_fields, json_line, row};

/// Arguments of `show`.
#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    list: NameList,
    #[command(flatten)]
    spot: SpotRegion,
}

/// Shows every name: exit 1 if a well-formed name is not in the catalogue, 2 if a name is bad.
pub fn run(ctx: &Context, args: &Args) -> io::Result<Status> {
    let list = &args.list;
    let spot_region = args.spot.get();
    for_each_parsed(list, |out, input, name| {
        let entry = ctx.catalogue().get(name.ec2_name());
        if list.json {
            json_line(out, show_fields(ctx, input, name, entry, &spot_region))?;
        } else {
            explain(ctx, out, name)?;
            describe(ctx, out, name, entry, &spot_region)?;
        }
        if entry.is_none() {
            out.flush()?;
            eprintln!(
                "ec2type: {:?}: a well-formed name the catalogue does not know",
                crate::lines::quoted(input)
            );
            return Ok(Status::NothingFound);
        }
        Ok(Status::Success)
    })
}

/// The fields of the Spot Instance Advisor's hint and the estimate from it (`spot_usage`
/// is a fact of the type, not of the advisor).
const SPOT_FIELDS: &[&str] = &[
    "spot_region",
    "spot_os",
    "spot_savings_percent",
    "spot_interruption",
    "spot_estimate_usd_per_hour",
    "spot_estimate_based_on",
];

/// The `show --json` fields: every `decode` field, then the catalogue's in the library's
/// schema (costs in `region`), then what is about the name given: `in_catalogue` and
/// `price_service` (whose price it is: `ec2` for a service name's EC2 type). A service
/// name gets no spot fields: those services have no spot market.
pub fn show_fields(
    ctx: &Context,
    input: &str,
    name: &ServiceInstanceType,
    entry: Option<Entry<'_>>,
    region: &Region,
) -> Map<String, Value> {
    let normalization_factor = match entry {
        Some(e) => e.normalization_factor(),
        None => name.instance_type().size_normalization_factor(),
    };
    let mut fields = catalogue_fields(ctx, entry, region);
    fields.extend(decoded_fields(input, name, normalization_factor));
    fields.insert("in_catalogue".to_owned(), Value::Bool(entry.is_some()));
    fields.insert(
        "commitments".to_owned(),
        commitment_fields(ctx, entry, region),
    );
    let priced = fields
        .get("on_demand_usd_per_hour")
        .is_some_and(|p| !p.is_null());
    // Every price of the catalogue is EC2's, also for a service name's EC2 type.
    let service = if priced {
        Value::from("ec2")
    } else {
        Value::Null
    };
    fields.insert("price_service".to_owned(), service);
    if name.service().is_some() {
        for key in SPOT_FIELDS {
            fields.insert((*key).to_owned(), Value::Null);
        }
    }
    fields
}

/// The catalogue's fields of one entry in the library's schema, costs in `region`; all
/// null without an entry.
pub fn catalogue_fields(
    ctx: &Context,
    entry: Option<Entry<'_>>,
    region: &Region,
) -> Map<String, Value> {
    let (entry, known) = match entry {
        Some(entry) => (entry, true),
        // Any entry gives the field names; their values are then null.
        None => match ctx
            .catalogue()
            .iter()
            .next()
            .or_else(|| Catalogue::bundled().iter().next())
        {
            Some(any) => (any, false),
            None => return Map::new(),
        },
    };
    let mut fields = match serde_json::to_value(crate::render::table::at(ctx, entry, *region)) {
        Ok(Value::Object(map)) => map,
        _ => Map::new(),
    };
    if !known {
        for value in fields.values_mut() {
            *value = Value::Null;
        }
    }
    fields
}

/// Writes the readable specs and cost hints of one name.
fn describe(
    ctx: &Context,
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
            "facts and EC2 prices of {}, not of the {service} service (no spot market)",
            entry.name()
        );
        row(out, "note", "", &note)?;
    }
    match entry.specs() {
        None => row(
            out,
            "specs",
            "unknown",
            "no DescribeInstanceTypes record in the sources",
        )?,
        Some(specs) => describe_specs(out, &specs)?,
    }
    if let Some(regions) = entry.regions() {
        let codes: Vec<String> = regions.iter().map(|r| r.to_string()).collect();
        let note = format!("{} (from {})", codes.join(" "), entry.regions_source());
        row(out, "regions", codes.len(), &note)?;
    } else {
        let note = format!("from {}", entry.regions_source());
        row(out, "regions", "unknown (no offering data)", &note)?;
    }
    describe_costs(ctx, out, entry, spot_region, name.service().is_none())?;
    writeln!(out)
}

/// Writes the readable hardware facts.
fn describe_specs(out: &mut impl Write, s: &Specs<'_>) -> io::Result<()> {
    let plural = |n: u32, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let threads = match (s.cores, s.threads_per_core) {
        (Some(cores), Some(threads)) => format!(
            "{} x {}",
            plural(cores, "core", "cores"),
            plural(threads, "thread", "threads")
        ),
        (Some(cores), None) => format!("{}, threads unknown", plural(cores, "core", "cores")),
        (None, _) => "cores unknown".to_owned(),
    };
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
    let manufacturer = s.processor_manufacturer.unwrap_or("unknown");
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

/// Writes the readable on-demand price with its source, and (for an EC2 name) the spot
/// hint of `region` with the estimate and what it is based on.
fn describe_costs(
    ctx: &Context,
    out: &mut impl Write,
    entry: Entry<'_>,
    region: &Region,
    spot_market: bool,
) -> io::Result<()> {
    match crate::render::table::price_of(ctx, &entry, region) {
        None => {
            let asked = ctx.prices();
            let note = if asked.os.is_some() || asked.tenancy.is_some() {
                format!(
                    "no {} {} price of {} in the data (the bundled prices are Linux; AWS's price list with --data has the others)",
                    asked.os.as_deref().unwrap_or("linux"),
                    asked.tenancy.map_or("shared", |t| t.as_str()),
                    crate::render::table::price_region(ctx, region)
                )
            } else {
                "no price in the sources".to_owned()
            };
            row(out, "on-demand", "unknown", &note)?;
        }
        Some(p) => {
            let place = if p.is_fallback() {
                format!(
                    "{} {} price, the catalogue has none of {}",
                    p.os,
                    p.region,
                    crate::render::table::price_region(ctx, region)
                )
            } else {
                format!("{}, {}", p.os, p.region)
            };
            let note = format!(
                "{place}, {} tenancy; ${:.2}/month; from {}",
                p.tenancy,
                p.usd_per_month(),
                p.source
            );
            row(out, "on-demand", format!("${}/h", p.usd_per_hour), &note)?;
        }
    }
    describe_commitments(ctx, out, entry, region)?;
    if !spot_market {
        return Ok(());
    }
    if let Some(spot) = entry.spot(*region) {
        let estimate = entry.spot_estimate(*region).map_or_else(
            || format!("no estimate (no shared-tenancy price of {region})"),
            |e| {
                if e.based_on == entry {
                    format!("~${:.4}/h estimate", e.usd_per_hour)
                } else {
                    format!(
                        "~${:.4}/h estimate on {}'s shared price",
                        e.usd_per_hour,
                        e.based_on.name()
                    )
                }
            },
        );
        let note = format!(
            "{}% savings, interruptions {}, {region}, Linux",
            spot.savings_percent,
            spot.interruption.as_str()
        );
        row(out, "spot", estimate, &note)?;
    }
    Ok(())
}

/// Writes every commitment rate the data has for `entry` in `region` (of the OS and
/// tenancy asked), each with its saving against the on-demand price of the same.
fn describe_commitments(
    ctx: &Context,
    out: &mut impl Write,
    entry: Entry<'_>,
    region: &Region,
) -> io::Result<()> {
    let at = entry.at(ctx.scope(Some(*region)));
    let on_demand = at.price().map(|p| p.usd_per_hour);
    for rate in at.commitment_rates() {
        let paid = match rate.upfront_usd {
            Some(fee) => format!(" (${}/h + ${fee} upfront)", rate.hourly_usd),
            None => String::new(),
        };
        let saving = on_demand
            .and_then(|od| rate.saving_percent(od))
            .map_or_else(
                || "no on-demand price to compare".to_owned(),
                |s| format!("{s:.0}% below on-demand"),
            );
        let note = format!("{}{paid}, {saving}; from {}", rate.commitment, rate.source);
        row(
            out,
            "committed",
            format!("${:.4}/h", rate.effective_usd_per_hour()),
            &note,
        )?;
    }
    Ok(())
}

/// The `commitments` field of `show --json`: every rate of the region, OS and tenancy
/// asked, with its saving against the on-demand price of the same.
pub fn commitment_fields(ctx: &Context, entry: Option<Entry<'_>>, region: &Region) -> Value {
    let Some(entry) = entry else {
        return Value::Array(Vec::new());
    };
    let at = entry.at(ctx.scope(Some(*region)));
    let on_demand = at.price().map(|p| p.usd_per_hour);
    let round = |v: f64| (v * 1e6).round() / 1e6;
    Value::Array(
        at.commitment_rates()
            .iter()
            .map(|rate| {
                serde_json::json!({
                    "kind": rate.commitment.kind.as_str(),
                    "term_years": rate.commitment.term_years,
                    "payment": rate.commitment.payment.as_str(),
                    "effective_usd_per_hour": round(rate.effective_usd_per_hour()),
                    "hourly_usd": rate.hourly_usd,
                    "upfront_usd": rate.upfront_usd,
                    "saving_percent": on_demand
                        .and_then(|od| rate.saving_percent(od))
                        .map(|s| (s * 100.0).round() / 100.0),
                    "source": rate.source,
                })
            })
            .collect(),
    )
}
