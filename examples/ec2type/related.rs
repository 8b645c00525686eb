//! `ec2type similar`, `alternatives` and `upgrade`: types related to one type.

use std::io::{self, Write};

use ec2_instance_type::ServiceInstanceType;
use ec2_instance_type::catalogue::Entry;
use ec2_instance_type::query::{SimilarOptions, alternatives, similar, upgrades};
use serde_json::{Value, json};

use crate::Status;
use crate::input::lookup;
use crate::output::{json_line, usd};
use crate::show::show_fields;
use crate::table::{ENTRY_HEADER, entry_cells, usd_difference, write_table};

/// Arguments naming one type.
#[derive(clap::Args)]
pub struct OneName {
    /// An instance type such as `m5.xlarge`.
    name: String,
    /// Print one JSON object per line instead.
    #[arg(long)]
    json: bool,
}

/// Arguments of `similar`.
#[derive(clap::Args)]
pub struct SimilarArgs {
    #[command(flatten)]
    of: OneName,
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
struct Listed {
    entry: &'static Entry,
    cells: Vec<String>,
    fields: Vec<(&'static str, Value)>,
}

fn print(json: bool, extra_header: &[&str], listed: &[Listed]) -> io::Result<Status> {
    let mut out = io::BufWriter::new(io::stdout().lock());
    if json {
        for item in listed {
            let name = ServiceInstanceType::from(item.entry.instance_type());
            let mut fields = show_fields(item.entry.name(), &name, Some(item.entry));
            fields.extend(
                item.fields
                    .iter()
                    .map(|(k, v)| ((*k).to_owned(), v.clone())),
            );
            json_line(&mut out, fields)?;
        }
    } else if !listed.is_empty() {
        let header: Vec<&str> = ENTRY_HEADER.iter().chain(extra_header).copied().collect();
        let rows: Vec<Vec<String>> = listed
            .iter()
            .map(|item| {
                entry_cells(item.entry)
                    .into_iter()
                    .chain(item.cells.iter().cloned())
                    .collect()
            })
            .collect();
        write_table(&mut out, &header, &rows)?;
    }
    out.flush()?;
    Ok(if listed.is_empty() {
        Status::NothingFound
    } else {
        Status::Success
    })
}

/// `similar NAME`.
pub fn run_similar(args: &SimilarArgs) -> io::Result<Status> {
    let of = match lookup(&args.of.name) {
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
    let listed: Vec<Listed> = similar(of, options)
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
    print(args.of.json, &["distance", "price_difference"], &listed)
}

/// `alternatives NAME`.
pub fn run_alternatives(args: &OneName) -> io::Result<Status> {
    let of = match lookup(&args.name) {
        Ok(entry) => entry,
        Err(status) => return Ok(status),
    };
    let listed: Vec<Listed> = alternatives(of)
        .into_iter()
        .map(|a| Listed {
            entry: a.entry,
            cells: vec![a.processor.to_string(), usd_difference(a.price_difference)],
            fields: vec![
                ("alternative_processor", json!(a.processor.as_str())),
                (
                    "price_difference_usd_per_hour",
                    json!(usd(a.price_difference)),
                ),
            ],
        })
        .collect();
    print(args.json, &["processor", "price_difference"], &listed)
}

/// `upgrade NAME`.
pub fn run_upgrade(args: &OneName) -> io::Result<Status> {
    let of = match lookup(&args.name) {
        Ok(entry) => entry,
        Err(status) => return Ok(status),
    };
    let or_dash = |v: Option<i64>| v.map_or_else(|| "-".to_owned(), |v| format!("{v:+}"));
    let listed: Vec<Listed> = upgrades(of)
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
        args.json,
        &["vcpus_diff", "memory_mib_diff", "price_difference"],
        &listed,
    )
}
