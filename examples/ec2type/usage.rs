//! `ec2type usage`: decode the usage types of AWS bills and price lists, one by one or a
//! whole CUR/FOCUS CSV (gzip too), streaming.

use std::io::{self, BufWriter, Write};

use ec2_instance_type::catalogue::Specs;
use ec2_instance_type::usage::{UsageType, UsageTypeError};
use serde_json::{Map, Value, json};

use crate::Status;
use crate::input::for_each_input;
use crate::lines::quoted;
use crate::output::{json_line, row};
use crate::usage_csv::{self, Columns};
use crate::usage_file::{self, FileArgs};

/// Arguments of `usage`.
#[derive(clap::Args)]
#[command(group = clap::ArgGroup::new("table").args(["csv_column", "column"]))]
pub struct Args {
    /// Usage types such as `USW2-BoxUsage:m5.large`; `-` reads them from stdin, one a line.
    #[arg(required_unless_present_any = ["csv_column", "column"])]
    usage_types: Vec<String>,
    /// Print one JSON object per line instead.
    #[arg(long)]
    json: bool,
    /// Read a CUR or FOCUS CSV (gzip-compressed too) from stdin and write it back with the
    /// decoded columns of this column appended (`line_item_usage_type`, `SkuMeter`).
    /// Streams, in constant memory; RFC 4180 (quoted newlines too).
    #[arg(long, value_name = "NAME", conflicts_with_all = ["usage_types", "json"])]
    csv_column: Option<String>,
    /// Decode this column of the file given by `--input` (`line_item_usage_type`).
    #[arg(long, value_name = "NAME", requires = "input", conflicts_with_all = ["usage_types", "json"])]
    column: Option<String>,
    /// A CUR 2.0 or FOCUS export to decode: Parquet, CSV or gzip-compressed CSV (told by
    /// its content). Streams batch by batch.
    #[arg(long, value_name = "FILE", requires = "column")]
    input: Option<std::path::PathBuf>,
    /// Where to write: `*.parquet` writes Parquet (the input's columns with their types,
    /// then the decoded ones, typed: integers as integers), anything else CSV. Stdout (CSV)
    /// by default.
    #[arg(long, value_name = "FILE", requires = "input")]
    output: Option<std::path::PathBuf>,
    /// The product code of the usage types (`AmazonEC2`, `AmazonCloudFront`): it tells
    /// EC2's `EU-` (eu-west-1) from CloudFront's (the Europe edge zone).
    #[arg(long, value_name = "CODE")]
    product: Option<String>,
    /// With `--csv-column` or `--column`, the column with each record's product code (CUR's
    /// `line_item_product_code`, FOCUS's `x_ServiceCode`).
    #[arg(
        long,
        value_name = "NAME",
        requires = "table",
        conflicts_with = "product"
    )]
    product_column: Option<String>,
}

/// The fields of one decoded usage type (with the catalogue's facts of its EC2 type).
fn fields(usage: &UsageType<'_>) -> Map<String, Value> {
    let specs = specs_of(usage);
    let ec2 = usage.ec2_instance_type();
    let value = json!({
        "usage_type": usage.as_str(),
        "billing_code": usage.billing_code(),
        "region": usage.region().map(|r| r.as_str().to_owned()),
        "region_ambiguous": usage.is_region_ambiguous(),
        "edge_zone": usage.edge_zone().map(|z| z.name()),
        "size": ec2.as_ref().map(ec2_instance_type::InstanceType::size_str),
        "normalization_factor": factor_of(usage),
        "warning": usage.warning().map(|w| w.to_string()),
        "kind": usage.kind_str(),
        "charge": usage.charge().map(|c| c.as_str()),
        "billing_service": usage.billing_service().map(|s| s.as_str()),
        "instance_type": usage.instance_type().map(|it| it.to_string()),
        "ec2_name": ec2.as_ref().map(ec2_instance_type::InstanceType::as_str),
        "node_type": usage.node_type(),
        "family": usage.family(),
        "vcpus": specs.map(|s| s.vcpus),
        "memory_mib": specs.map(|s| s.memory_mib),
        "processor_manufacturer": specs.and_then(|s| s.processor_manufacturer),
    });
    match value {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}

/// The catalogue's specs of the EC2 type inside a usage type.
pub fn specs_of(usage: &UsageType<'_>) -> Option<Specs<'static>> {
    let it = usage.ec2_instance_type()?;
    crate::catalogue().get(it.as_str())?.specs()
}

/// The normalization factor of the EC2 type inside a usage type (a bare `metal` size
/// takes its family's, from the catalogue).
pub fn factor_of(usage: &UsageType<'_>) -> Option<f64> {
    crate::catalogue().normalization_factor(&usage.ec2_instance_type()?)
}

/// Says on stderr why a usage type did not decode.
fn report(where_: &str, text: &str, err: &UsageTypeError) {
    eprintln!(
        "ec2type: {where_}{:?}: {err} (at byte {})",
        quoted(text),
        err.offset()
    );
}

/// Decodes the usage types given, or the CSV on stdin.
pub fn run(args: &Args) -> io::Result<Status> {
    if let (Some(column), Some(input)) = (&args.column, &args.input) {
        return usage_file::run(&FileArgs {
            columns: Columns {
                usage_type: column,
                product: args.product_column.as_deref(),
                fixed_product: args.product.as_deref(),
            },
            input,
            output: args.output.as_deref(),
        });
    }
    if let Some(column) = &args.csv_column {
        return usage_csv::run(&Columns {
            usage_type: column,
            product: args.product_column.as_deref(),
            fixed_product: args.product.as_deref(),
        });
    }
    let mut out = BufWriter::new(io::stdout().lock());
    let mut status = Status::Success;
    let read = for_each_input(&args.usage_types, |text| {
        let decoded = match &args.product {
            Some(product) => UsageType::parse_for_product(text, product),
            None => UsageType::parse(text),
        };
        match decoded {
            Ok(usage) if args.json => json_line(&mut out, fields(&usage))?,
            Ok(usage) => explain(&mut out, &usage)?,
            Err(err) => {
                out.flush()?;
                report("", text, &err);
                status = Status::Error;
            }
        }
        Ok(())
    })?;
    out.flush()?;
    Ok(status.max(read))
}

/// Writes the readable explanation of one usage type.
fn explain(out: &mut impl Write, usage: &UsageType<'_>) -> io::Result<()> {
    writeln!(out, "{usage}")?;
    let region = usage.region();
    let place = match (usage.billing_code(), &region, usage.edge_zone()) {
        (_, _, Some(zone)) => format!("{zone}: no region, an edge zone"),
        (Some(code), None, _) => format!("{code}: unknown"),
        (None, None, _) => "Global: no region".to_owned(),
        (Some(code), Some(r), _) => format!("{code}: {r}"),
        (None, Some(r), _) => format!("{r} (no billing code)"),
    };
    let note = match (usage.edge_zone(), &region) {
        (Some(zone), _) => format!("CloudFront edge locations: {}", zone.name()),
        (None, Some(r)) => r.description().unwrap_or("").to_owned(),
        (None, None) => String::new(),
    };
    row(out, "region", place, &note)?;
    if let Some(warning) = usage.warning() {
        row(out, "warning", "", &warning.to_string())?;
    }
    let charge = usage.charge().map_or("not about instances", |c| c.as_str());
    row(out, "kind", usage.kind_str(), charge)?;
    if let Some(service) = usage.billing_service() {
        row(out, "service", service, "best guess from kind and detail")?;
    }
    if let Some(it) = usage.instance_type() {
        let note = specs_of(usage).map_or_else(String::new, |s| {
            let manufacturer = s.processor_manufacturer.unwrap_or("?");
            format!("{} vCPUs, {} GiB, {manufacturer}", s.vcpus, s.memory_gib())
        });
        row(out, "instance", it, &note)?;
    }
    if let Some(node) = usage.node_type() {
        row(out, "node type", node, "Redshift")?;
    }
    if let Some(family) = usage.family() {
        let note =
            factor_of(usage).map_or_else(String::new, |f| format!("normalization factor {f}"));
        row(out, "family", family, &note)?;
    }
    if let Some(app) = usage.app() {
        row(out, "app", app, "SageMaker")?;
    }
    writeln!(out)
}
