//! `ec2type compare`: specs and prices side by side, differences marked.

use std::io::{self, Write};

use ec2_instance_type::ServiceInstanceType;
use ec2_instance_type::catalogue::Entry;
use serde_json::Value;

use crate::Status;
use crate::commands::show::show_fields;
use crate::context::Context;
use crate::input::{SpotRegion, lookup};
use crate::render::output::json_line;
use crate::render::table::write_table;

/// Arguments of `compare`.
#[derive(clap::Args)]
pub struct Args {
    /// Two or more instance types.
    #[arg(required = true, num_args = 2..)]
    names: Vec<String>,
    /// Print one JSON object per line instead.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    spot: SpotRegion,
}

/// The rows compared, by their `show --json` field names.
const FIELDS: &[&str] = &[
    "vcpus",
    "memory_mib",
    "architectures",
    "processor_manufacturer",
    "clock_ghz",
    "gpu_count",
    "gpu_model",
    "gpu_memory_mib",
    "accelerator_model",
    "instance_storage_gb",
    "network_performance",
    "efa",
    "eks_max_pods",
    "current_generation",
    "bare_metal",
    "burstable",
    "on_demand_usd_per_hour",
    "price_region",
    "price_tenancy",
    "price_os",
    "usd_per_vcpu_hour",
    "usd_per_gib_hour",
    "spot_region",
    "spot_estimate_usd_per_hour",
    "spot_interruption",
];

/// Compares the types; exit 2 for a bad name, 1 if a name is not in the catalogue.
pub fn run(ctx: &Context, args: &Args) -> io::Result<Status> {
    let mut entries: Vec<Entry<'_>> = Vec::new();
    let mut status = Status::Success;
    for name in &args.names {
        match lookup(ctx, name) {
            Ok(entry) => entries.push(entry),
            Err(problem) => status = status.max(problem),
        }
    }
    if status != Status::Success {
        return Ok(status);
    }
    let spot_region = args.spot.get();
    let fields: Vec<_> = entries
        .iter()
        .map(|e| {
            show_fields(
                ctx,
                e.name(),
                &ServiceInstanceType::from(e.instance_type()),
                Some(*e),
                &spot_region,
            )
        })
        .collect();
    let mut out = io::BufWriter::new(io::stdout().lock());
    if args.json {
        for object in fields {
            json_line(&mut out, object)?;
        }
    } else {
        let mut header = vec!["", "field"];
        header.extend(entries.iter().map(|e| e.name()));
        let rows: Vec<Vec<String>> = FIELDS
            .iter()
            .map(|field| {
                let values: Vec<String> = fields.iter().map(|f| cell(f.get(*field))).collect();
                let differs = values.windows(2).any(|w| w[0] != w[1]);
                let mut row = vec![
                    if differs { "*" } else { " " }.to_owned(),
                    (*field).to_owned(),
                ];
                row.extend(values);
                row
            })
            .collect();
        write_table(&mut out, &header, &rows)?;
    }
    out.flush()?;
    Ok(Status::Success)
}

fn cell(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => "-".to_owned(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Array(items)) => items
            .iter()
            .map(|v| cell(Some(v)))
            .collect::<Vec<_>>()
            .join(","),
        Some(other) => other.to_string(),
    }
}
