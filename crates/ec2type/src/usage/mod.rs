//! `ec2type usage`: decode the usage types of AWS bills and price lists, one by one or a
//! whole CUR/FOCUS CSV (gzip too), streaming.

pub mod columns;
pub mod csv_stream;
pub mod file;
pub mod parquet_copy;

use std::io::{self, BufWriter, Write};

use ec2_instance_type::usage::{BillLine, UsageTypeError, Value as Cell};
use serde_json::{Map, Value};

use crate::Status;
use crate::context::Context;
use crate::input::for_each_input;
use crate::lines::quoted;
use crate::render::output::{json_line, row};
use columns::Columns;
use file::FileArgs;

/// Arguments of `usage`.
#[derive(clap::Args)]
pub struct Args {
    /// Usage types such as `USW2-BoxUsage:m5.large` to explain; `-` reads them from stdin,
    /// one a line. Without any, a whole bill is decoded (`--input`, or stdin).
    usage_types: Vec<String>,
    /// List the decoded fields (JSON and Arrow names; CSV adds `ec2type_`), their types
    /// and what each holds, and exit.
    #[arg(long, conflicts_with_all = ["usage_types", "column", "input"])]
    fields: bool,
    /// With usage types given: one JSON object per line instead.
    #[arg(long, requires = "usage_types")]
    json: bool,
    /// The bill to decode: a CUR 2.0, legacy CUR or FOCUS export or a price list, as
    /// Parquet, CSV or gzip CSV (told by content); `-` or none: stdin. Written back with a
    /// column `ec2type_` + name for every decoded field. Streams in bounded memory.
    #[arg(long, value_name = "FILE|-", conflicts_with = "usage_types")]
    input: Option<std::path::PathBuf>,
    /// The usage-type column. Without it, the column is found by the names AWS gives it
    /// (`line_item_usage_type`, `lineItem/UsageType`, `x_UsageType`, `SkuMeter`,
    /// `product_usagetype`, `usageType`) and named on stderr.
    #[arg(
        long,
        alias = "csv-column",
        value_name = "NAME",
        conflicts_with = "usage_types"
    )]
    column: Option<String>,
    /// Where to write: a name ending in `.parquet` writes Parquet (the input's columns with
    /// their types, then the decoded ones, typed), anything else CSV. Stdout (CSV) by
    /// default.
    #[arg(long, value_name = "FILE", conflicts_with = "usage_types")]
    output: Option<std::path::PathBuf>,
    /// Decode the usage-type column even when fewer than half of its first 1,000 values
    /// look like usage types.
    #[arg(long, conflicts_with = "usage_types")]
    force: bool,
    /// The product code of every line (`AmazonEC2`, `AmazonCloudFront`): it tells EC2's
    /// `EU-` (eu-west-1) from CloudFront's (the Europe edge zone) and settles global usage.
    #[arg(long, value_name = "CODE")]
    product: Option<String>,
    /// The product-code column (`line_item_product_code`, `lineItem/ProductCode`,
    /// `x_ServiceCode`, `serviceCode`: found by these names without it).
    #[arg(long, value_name = "NAME", conflicts_with_all = ["product", "usage_types"])]
    product_column: Option<String>,
    /// The operation of every line (`RunInstances:0002`): it gives an instance line's OS,
    /// licence and software, and so its price (Linux without one).
    #[arg(long, value_name = "CODE")]
    operation: Option<String>,
    /// The operation column (`line_item_operation`, `lineItem/Operation`, `x_Operation`,
    /// `operation`: found by these names without it).
    #[arg(long, value_name = "NAME", conflicts_with_all = ["operation", "usage_types"])]
    operation_column: Option<String>,
}

/// The JSON object of a decoded line: every field of [`BillLine`] but `error` (a line
/// that did not decode is reported on stderr instead).
fn fields(line: &BillLine<'_>) -> Map<String, Value> {
    line.fields()
        .filter(|(field, _)| field.name != "error")
        .map(|(field, value)| {
            let value = serde_json::to_value(value).unwrap_or(Value::Null);
            (field.name.to_owned(), value)
        })
        .collect()
}

/// Says on stderr why a usage type did not decode.
fn report(text: &str, err: &UsageTypeError) {
    eprintln!("ec2type: {:?}: {}", quoted(text), BillLine::error_cell(err));
}

/// What the arguments say of a bill's columns.
fn columns<'a>(ctx: &'a Context, args: &'a Args) -> Columns<'a> {
    Columns {
        catalogue: ctx.catalogue(),
        usage_type: args.column.as_deref(),
        product: args.product_column.as_deref(),
        fixed_product: args.product.as_deref(),
        operation: args.operation_column.as_deref(),
        fixed_operation: args.operation.as_deref(),
        force: args.force,
    }
}

/// Explains the usage types given, or decodes a whole bill.
pub fn run(ctx: &Context, args: &Args) -> io::Result<Status> {
    if args.fields {
        let mut out = BufWriter::new(io::stdout().lock());
        for field in BillLine::FIELDS {
            writeln!(
                out,
                "{:<24}{:<9}{}",
                field.name,
                field.ty.as_str(),
                field.doc
            )?;
        }
        out.flush()?;
        return Ok(Status::Success);
    }
    if args.usage_types.is_empty() {
        let columns = columns(ctx, args);
        return match args
            .input
            .as_deref()
            .filter(|p| *p != std::path::Path::new("-"))
        {
            Some(input) => file::run(&FileArgs {
                columns,
                input,
                output: args.output.as_deref(),
            }),
            None => file::run_stdin(&columns, args.output.as_deref()),
        };
    }
    let mut out = BufWriter::new(io::stdout().lock());
    let mut status = Status::Success;
    let read = for_each_input(&args.usage_types, |text| {
        let line = BillLine::decode(
            text,
            args.product.as_deref(),
            args.operation.as_deref(),
            ctx.catalogue(),
        );
        match line.error() {
            Some(err) => {
                out.flush()?;
                report(text, err);
                status = Status::Error;
            }
            None if args.json => json_line(&mut out, fields(&line))?,
            None => explain(&mut out, &line)?,
        }
        Ok(())
    })?;
    out.flush()?;
    Ok(status.max(read))
}

/// Writes the readable explanation of one decoded line: its usage type's parts, the
/// catalogue's facts, the operation and the price, as the line holds them.
fn explain(out: &mut impl Write, line: &BillLine<'_>) -> io::Result<()> {
    let Some(usage) = line.usage_type() else {
        return Ok(());
    };
    let text = |name| text_of(line, name);
    writeln!(out, "{usage}")?;
    let region = usage.region();
    let place = match (usage.billing_code(), &region, usage.edge_zone()) {
        (_, _, Some(zone)) => format!("{zone}: no region, an edge zone"),
        (Some(code), None, _) => format!("{code}: unknown"),
        (None, None, _) => "global: no region".to_owned(),
        (Some(code), Some(r), _) => format!("{code}: {r}"),
        (None, Some(r), _) => format!("{r} (no billing code)"),
    };
    let note = match (usage.edge_zone(), &region) {
        (Some(zone), _) => format!("CloudFront edge locations: {}", zone.name()),
        (None, Some(r)) => r.description().unwrap_or("").to_owned(),
        (None, None) => String::new(),
    };
    row(out, "region", place, &note)?;
    if let (Some(code), to) = (usage.to_billing_code(), usage.to_region()) {
        let to = to.map_or_else(|| "an edge zone".to_owned(), |r| r.as_str().to_owned());
        row(
            out,
            "to",
            format!("{code}: {to}"),
            "the other end of the transfer",
        )?;
    }
    if let Some(warning) = usage.warning() {
        row(out, "warning", "", &warning.to_string())?;
    }
    let charge = usage.charge().map_or("not about instances", |c| c.as_str());
    row(out, "kind", usage.kind_str(), charge)?;
    // The detail where the instance row below does not show it as written.
    if let Some(detail) = usage.detail() {
        if usage
            .instance_type()
            .is_none_or(|it| it.to_string() != detail)
        {
            row(out, "detail", detail, "")?;
        }
    }
    if let Some(service) = usage.billing_service() {
        row(out, "service", service, "best guess from kind and detail")?;
    }
    if let Some(it) = usage.instance_type() {
        let note = match (line.get("vcpus"), line.get("memory_mib")) {
            (Some(Cell::Int32(vcpus)), Some(Cell::Int64(mib))) => {
                let manufacturer = text("processor_manufacturer");
                let gib = *mib as f64 / 1024.0;
                format!(
                    "{vcpus} vCPUs, {gib} GiB, {}",
                    manufacturer.as_deref().unwrap_or("?")
                )
            }
            _ => String::new(),
        };
        row(out, "instance", it, &note)?;
    }
    if let Some(node) = usage.node_type() {
        row(out, "node type", node, "Redshift")?;
    }
    if let Some(family) = usage.family() {
        let note = match line.get("normalization_factor") {
            Some(Cell::Float64(factor)) => format!("normalization factor {factor}"),
            _ => String::new(),
        };
        row(out, "family", family, &note)?;
    }
    if let Some(app) = usage.app() {
        row(out, "app", app, "SageMaker")?;
    }
    explain_money(out, line)?;
    writeln!(out)
}

/// The text of a line's field, where it has one.
fn text_of(line: &BillLine<'_>, name: &str) -> Option<String> {
    match line.get(name) {
        Some(Cell::Text(text)) => Some(text.to_string()),
        _ => None,
    }
}

/// Writes a line's operation and price (or why it has none).
fn explain_money(out: &mut impl Write, line: &BillLine<'_>) -> io::Result<()> {
    let text = |name| text_of(line, name);
    if let Some(operation) = text("operation") {
        let platform = match (
            text("os"),
            text("license_model"),
            text("preinstalled_software"),
        ) {
            (Some(os), Some(license), Some(software)) => {
                format!("{os}, {license}, software {software}")
            }
            _ => "no platform known".to_owned(),
        };
        row(out, "operation", operation, &platform)?;
    }
    if let Some(Cell::Float64(price)) = line.get("on_demand_usd_per_hour") {
        let about = format!(
            "{}, {}; {}",
            text("price_os").unwrap_or_default(),
            text("price_tenancy").unwrap_or_default(),
            text("price_source").unwrap_or_default()
        );
        row(out, "price", format!("${price:.4}/hour"), &about)?;
    } else if line.is_priceable() {
        let about = "none in the catalogue for this region, OS and tenancy (--data takes AWS's price lists)";
        row(out, "price", "unknown", about)?;
    }
    if let Some(Cell::Text(warning)) = line.get("warning") {
        if line.usage_type().is_some_and(|u| u.warning().is_none()) {
            row(out, "warning", "", warning)?;
        }
    }
    Ok(())
}
