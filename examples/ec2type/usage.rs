//! `ec2type usage`: decode the usage types of AWS bills and price lists, one by one or a
//! whole CUR/FOCUS CSV (gzip too), streaming.

use std::io::{self, BufRead, BufReader, BufWriter, Write};

use ec2_instance_type::catalogue::Specs;
use ec2_instance_type::usage::{UsageType, UsageTypeError};
use serde_json::{Map, Value, json};

use crate::Status;
use crate::csv;
use crate::input::for_each_input;
use crate::lines::{for_each_line, quoted};
use crate::output::{json_line, row};

/// Arguments of `usage`.
#[derive(clap::Args)]
pub struct Args {
    /// Usage types such as `USW2-BoxUsage:m5.large`; `-` reads them from stdin, one a line.
    #[arg(required_unless_present = "csv_column")]
    usage_types: Vec<String>,
    /// Print one JSON object per line instead.
    #[arg(long)]
    json: bool,
    /// Read a CUR or FOCUS CSV (gzip-compressed too) from stdin and write it back with the
    /// decoded columns of this column appended (`line_item_usage_type`, `SkuMeter`).
    /// Streams; each physical line is one record (quoted newlines are not supported).
    #[arg(long, value_name = "NAME", conflicts_with_all = ["usage_types", "json"])]
    csv_column: Option<String>,
}

/// The decoded fields, as `--json` names them and in the order the CSV columns append them.
const FIELDS: [&str; 13] = [
    "billing_code",
    "region",
    "kind",
    "charge",
    "billing_service",
    "instance_type",
    "ec2_name",
    "node_type",
    "family",
    "vcpus",
    "memory_mib",
    "processor_manufacturer",
    "error",
];

/// The fields of one decoded usage type (with the catalogue's facts of its EC2 type).
fn fields(usage: &UsageType<'_>) -> Map<String, Value> {
    let specs = specs_of(usage);
    let value = json!({
        "usage_type": usage.as_str(),
        "billing_code": usage.billing_code(),
        "region": usage.region().map(|r| r.as_str().to_owned()),
        "kind": usage.kind_str(),
        "charge": usage.charge().map(|c| c.as_str()),
        "billing_service": usage.billing_service().map(|s| s.as_str()),
        "instance_type": usage.instance_type().map(|it| it.to_string()),
        "ec2_name": usage.ec2_instance_type().map(|it| it.as_str().to_owned()),
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
fn specs_of(usage: &UsageType<'_>) -> Option<Specs<'static>> {
    let it = usage.ec2_instance_type()?;
    crate::catalogue().get(it.as_str())?.specs()
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
    if let Some(column) = &args.csv_column {
        return run_csv(column);
    }
    let mut out = BufWriter::new(io::stdout().lock());
    let mut status = Status::Success;
    let read = for_each_input(&args.usage_types, |text| {
        match UsageType::parse(text) {
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
    let place = match (usage.billing_code(), &region) {
        (_, None) => "Global: no region".to_owned(),
        (Some(code), Some(r)) => format!("{code}: {r}"),
        (None, Some(r)) => format!("{r} (no billing code)"),
    };
    row(
        out,
        "region",
        place,
        region.and_then(|r| r.description()).unwrap_or(""),
    )?;
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
        row(out, "family", family, "")?;
    }
    if let Some(app) = usage.app() {
        row(out, "app", app, "SageMaker")?;
    }
    writeln!(out)
}

/// Stdin, decompressed when it starts with gzip's magic bytes.
fn stdin_maybe_gzip() -> io::Result<Box<dyn BufRead>> {
    let mut stdin = BufReader::with_capacity(1 << 16, io::stdin());
    let magic = stdin.fill_buf()?.starts_with(&[0x1f, 0x8b]);
    Ok(if magic {
        let decoder = flate2::read::MultiGzDecoder::new(stdin);
        Box::new(BufReader::with_capacity(1 << 16, decoder))
    } else {
        Box::new(stdin)
    })
}

/// Writes `,` and one cell, quoted when it must be.
fn write_cell(out: &mut impl Write, cell: &str) -> io::Result<()> {
    if cell.contains([',', '"', '\n', '\r']) {
        write!(out, ",\"{}\"", cell.replace('"', "\"\""))
    } else {
        write!(out, ",{cell}")
    }
}

/// Writes the decoded cells of one usage type (empty where unknown; the error last).
fn write_cells(out: &mut impl Write, text: &str) -> io::Result<Option<UsageTypeError>> {
    if text.is_empty() {
        for _ in FIELDS {
            out.write_all(b",")?;
        }
        return Ok(None);
    }
    let usage = match UsageType::parse(text) {
        Ok(usage) => usage,
        Err(err) => {
            for _ in 1..FIELDS.len() {
                out.write_all(b",")?;
            }
            write_cell(out, &err.to_string())?;
            return Ok(Some(err));
        }
    };
    let specs = specs_of(&usage);
    let region = usage.region();
    let mut number = String::new();
    write_cell(out, usage.billing_code().unwrap_or_default())?;
    write_cell(out, region.as_ref().map_or("", |r| r.as_str()))?;
    write_cell(out, usage.kind_str())?;
    write_cell(out, usage.charge().map_or("", |c| c.as_str()))?;
    write_cell(out, usage.billing_service().map_or("", |s| s.as_str()))?;
    match usage.instance_type() {
        Some(it) => write!(out, ",{it}")?,
        None => out.write_all(b",")?,
    }
    write_cell(
        out,
        usage
            .ec2_instance_type()
            .as_ref()
            .map_or("", |it| it.as_str()),
    )?;
    write_cell(out, usage.node_type().unwrap_or_default())?;
    write_cell(out, usage.family().unwrap_or_default())?;
    for value in [
        specs.map(|s| u64::from(s.vcpus)),
        specs.map(|s| s.memory_mib),
    ] {
        number.clear();
        if let Some(value) = value {
            number = value.to_string();
        }
        write_cell(out, &number)?;
    }
    write_cell(
        out,
        specs.and_then(|s| s.processor_manufacturer).unwrap_or(""),
    )?;
    out.write_all(b",")?;
    Ok(None)
}

/// Streams a CUR/FOCUS CSV from stdin to stdout with the decoded columns appended: each
/// line is written back as it came, then the new cells.
fn run_csv(column: &str) -> io::Result<Status> {
    let input = stdin_maybe_gzip()?;
    let mut out = BufWriter::with_capacity(1 << 16, io::stdout().lock());
    let mut at: Option<usize> = None;
    let mut status = Status::Success;
    let mut problem: Option<io::Error> = None;
    for_each_line(input, |number, line| {
        let line = match line {
            Ok(line) => line,
            Err(skipped) => {
                eprintln!("ec2type: {}", skipped.message(number));
                status = Status::Error;
                return Ok(());
            }
        };
        out.write_all(line.as_bytes())?;
        match at {
            None => {
                let Some(found) = csv::fields(line).iter().position(|h| h == column) else {
                    problem = Some(io::Error::other(format!(
                        "no column {column:?} in the header: {}",
                        quoted(line)
                    )));
                    return Err(io::Error::other("no such column"));
                };
                at = Some(found);
                for name in FIELDS {
                    write!(out, ",ec2type_{name}")?;
                }
            }
            Some(index) => {
                let text = csv::field(line, index).unwrap_or_default();
                if let Some(err) = write_cells(&mut out, &text)? {
                    report(&format!("line {number}: "), &text, &err);
                    status = Status::Error;
                }
            }
        }
        out.write_all(b"\n")
    })
    .map_err(|e| problem.take().unwrap_or(e))?;
    out.flush()?;
    if at.is_none() {
        return Err(io::Error::other("empty CSV: no header line"));
    }
    Ok(status)
}

#[cfg(test)]
mod tests {
    use super::write_cells;

    #[test]
    fn cells_of_a_usage_type() {
        let mut out = Vec::new();
        write_cells(&mut out, "USW2-BoxUsage:m5.large").unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            ",USW2,us-west-2,BoxUsage,instance-hours,ec2,m5.large,m5.large,,,2,8192,Intel,"
        );
        let mut out = Vec::new();
        assert!(write_cells(&mut out, "BoxUsage:m5.huge").unwrap().is_some());
        assert_eq!(
            String::from_utf8(out).unwrap(),
            ",,,,,,,,,,,,,invalid instance type 'm5.huge' in usage type: unknown size 'huge'"
        );
    }
}
