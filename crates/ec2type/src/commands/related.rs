//! `ec2type similar`, `alternatives` and `upgrade`: types related to one type.

use std::io::{self, Write};

use ec2_instance_type::catalogue::Entry;
use ec2_instance_type::query::{Found, Prefer, SimilarOptions, alternatives, similar, upgrades};
use ec2_instance_type::{Region, ServiceInstanceType};
use serde_json::{Value, json};

use crate::Status;
use crate::commands::show::show_fields;
use crate::context::Context;
use crate::input::{SpotRegion, lookup, report_left_out};
use crate::render::output::{json_line, usd};
use crate::render::table::{usd_difference, write_entries};

/// Arguments naming one type.
#[derive(clap::Args)]
pub struct OneName {
    /// An instance type such as `m5.xlarge`.
    name: String,
    /// Print one JSON object per line instead.
    #[arg(long)]
    json: bool,
}

/// Arguments of `upgrade`.
#[derive(clap::Args)]
pub struct UpgradeArgs {
    #[command(flatten)]
    of: OneName,
    #[command(flatten)]
    spot: SpotRegion,
}

/// Arguments of `alternatives`.
#[derive(clap::Args)]
pub struct AlternativesArgs {
    #[command(flatten)]
    of: OneName,
    /// Per processor, the cheapest such type instead of the newest (ties: the newer).
    #[arg(long)]
    cheapest: bool,
    #[command(flatten)]
    spot: SpotRegion,
}

/// Arguments of `similar`.
#[derive(clap::Args)]
pub struct SimilarArgs {
    #[command(flatten)]
    of: OneName,
    #[command(flatten)]
    spot: SpotRegion,
    /// Also types of other architectures.
    #[arg(long)]
    any_arch: bool,
    /// Only types at most this on-demand USD per hour.
    #[arg(long)]
    max_price: Option<f64>,
    /// Only current-generation types.
    #[arg(long)]
    current_generation: bool,
    /// Only types cheaper on demand than the given one.
    #[arg(long)]
    cheaper: bool,
    /// Show at most this many.
    #[arg(long)]
    limit: Option<usize>,
}

/// One listed type: the shared columns plus ranking columns, in text and JSON.
struct Listed<'c> {
    entry: Entry<'c>,
    cells: Vec<String>,
    fields: Vec<(&'static str, Value)>,
}

fn print(
    ctx: &Context,
    json: bool,
    extra_header: &[&str],
    listed: &[Listed<'_>],
    spot_region: &Region,
    none_found: &str,
) -> io::Result<Status> {
    let mut out = io::BufWriter::new(io::stdout().lock());
    if json {
        for item in listed {
            let name = ServiceInstanceType::from(item.entry.instance_type());
            let mut fields =
                show_fields(ctx, item.entry.name(), &name, Some(item.entry), spot_region);
            fields.extend(
                item.fields
                    .iter()
                    .map(|(k, v)| ((*k).to_owned(), v.clone())),
            );
            json_line(&mut out, fields)?;
        }
    } else if !listed.is_empty() {
        let rows: Vec<(Entry<'_>, Vec<String>)> = listed
            .iter()
            .map(|item| (item.entry, item.cells.clone()))
            .collect();
        write_entries(ctx, &mut out, extra_header, &rows, spot_region)?;
    }
    out.flush()?;
    if listed.is_empty() {
        eprintln!("ec2type: {none_found}");
        return Ok(Status::NothingFound);
    }
    Ok(Status::Success)
}

/// Where an answer was asked for, for the message when it found nothing.
/// Says on stderr what an answer left out for want of offering data, and when the region
/// asked for has no prices (the ranking used another region's, with no price difference).
fn report_found<T>(found: &Found<T>, asked: Option<&Region>) {
    report_left_out(found.unknown_offerings(), asked);
    let prices = found.prices_region();
    if let Some(asked) = asked.filter(|asked| **asked != prices) {
        eprintln!(
            "ec2type: the catalogue has no prices of {asked}: ranked by {prices}'s, no price differences (--data takes AWS's price list of {asked})"
        );
    }
}

fn in_region(region: Option<&Region>) -> String {
    region.map_or_else(String::new, |r| format!(" offered in {r}"))
}

/// `similar NAME`.
pub fn run_similar(ctx: &Context, args: &SimilarArgs) -> io::Result<Status> {
    let of = match lookup(ctx, &args.of.name) {
        Ok(entry) => entry,
        Err(status) => return Ok(status),
    };
    let mut options = SimilarOptions::new()
        .any_architecture(args.any_arch)
        .current_generation_only(args.current_generation)
        .cheaper_only(args.cheaper);
    if let Some(max) = args.max_price {
        options = options.max_price(max);
    }
    let region = args.spot.region;
    options = options.scope(ctx.scope(region));
    let found = similar(of, options);
    report_found(&found, region.as_ref());
    let none_found = match of.specs() {
        None => format!("{} has no specs in the catalogue to compare", of.name()),
        Some(_) => format!(
            "no type in the catalogue{} is like {} (same architecture, bare metal and GPUs; vCPUs and memory within 0.9-1.2x)",
            in_region(region.as_ref()),
            of.name()
        ),
    };
    let listed: Vec<Listed> = found
        .into_iter()
        .take(args.limit.unwrap_or(usize::MAX))
        .map(|s| Listed {
            entry: s.entry,
            cells: vec![
                format!("{:.3}", s.distance),
                usd_difference(s.price_difference),
            ],
            fields: vec![
                ("distance", json!(s.distance)),
                (
                    "price_difference_usd_per_hour",
                    json!(usd(s.price_difference)),
                ),
            ],
        })
        .collect();
    print(
        ctx,
        args.of.json,
        &["distance", "price_difference"],
        &listed,
        &args.spot.get(),
        &none_found,
    )
}

/// `alternatives NAME [--cheapest]`.
pub fn run_alternatives(ctx: &Context, args: &AlternativesArgs) -> io::Result<Status> {
    let of = match lookup(ctx, &args.of.name) {
        Ok(entry) => entry,
        Err(status) => return Ok(status),
    };
    let prefer = if args.cheapest {
        Prefer::Cheapest
    } else {
        Prefer::Newest
    };
    let region = args.spot.region;
    let found = alternatives(of, prefer, ctx.scope(region));
    report_found(&found, region.as_ref());
    let none_found = format!(
        "no current-generation type of {}'s shape (series, size, letters) on another processor or generation with a shared-tenancy price{}",
        of.name(),
        in_region(region.as_ref())
    );
    let listed: Vec<Listed> = found
        .into_iter()
        .map(|a| Listed {
            entry: a.entry,
            cells: vec![
                a.processor.to_string(),
                usd_difference(a.price_difference),
                a.usd_per_month_difference()
                    .map_or_else(|| "-".to_owned(), |d| format!("{d:+.2}")),
            ],
            fields: vec![
                ("alternative_processor", json!(a.processor.as_str())),
                ("alternative_preference", json!(prefer.as_str())),
                (
                    "price_difference_usd_per_hour",
                    json!(usd(a.price_difference)),
                ),
                (
                    "price_difference_usd_per_month",
                    json!(usd(a.usd_per_month_difference())),
                ),
            ],
        })
        .collect();
    print(
        ctx,
        args.of.json,
        &["processor", "price_difference", "per_month"],
        &listed,
        &args.spot.get(),
        &none_found,
    )
}

/// `upgrade NAME`.
pub fn run_upgrade(ctx: &Context, args: &UpgradeArgs) -> io::Result<Status> {
    let of = match lookup(ctx, &args.of.name) {
        Ok(entry) => entry,
        Err(status) => return Ok(status),
    };
    let or_dash = |v: Option<i64>| v.map_or_else(|| "-".to_owned(), |v| format!("{v:+}"));
    let region = args.spot.region;
    let found = upgrades(of, ctx.scope(region));
    report_found(&found, region.as_ref());
    let none_found = format!(
        "no newer generation of {} on the same processor in the catalogue{}",
        of.name(),
        in_region(region.as_ref())
    );
    let listed: Vec<Listed> = found
        .into_iter()
        .map(|u| Listed {
            entry: u.entry,
            cells: vec![
                or_dash(u.vcpus_difference),
                or_dash(u.memory_mib_difference),
                usd_difference(u.price_difference),
            ],
            fields: vec![
                ("vcpus_difference", json!(u.vcpus_difference)),
                ("memory_mib_difference", json!(u.memory_mib_difference)),
                (
                    "price_difference_usd_per_hour",
                    json!(usd(u.price_difference)),
                ),
            ],
        })
        .collect();
    print(
        ctx,
        args.of.json,
        &["vcpus_diff", "memory_mib_diff", "price_difference"],
        &listed,
        &args.spot.get(),
        &none_found,
    )
}
