//! `ec2type decode`: explain each part of a name.

use std::io::{self, Write};

use ec2_instance_type::ServiceInstanceType;

use crate::Status;
use crate::input::for_each_name;
use crate::output::{decoded_fields, json_line, row};

/// Arguments of `decode`.
#[derive(clap::Args)]
pub struct Args {
    /// Names such as `p3dn.24xlarge` or `db.r6g.large`; `-` reads them from stdin.
    #[arg(required = true)]
    names: Vec<String>,
    /// Print one JSON object per line instead.
    #[arg(long)]
    json: bool,
}

/// Decodes every name; returns `Error` if any name was bad, after decoding the rest.
pub fn run(args: &Args) -> io::Result<Status> {
    let mut out = io::BufWriter::new(io::stdout().lock());
    let mut status = Status::Success;
    for_each_name(&args.names, |input| {
        match ServiceInstanceType::parse_lenient(input) {
            Ok(name) if args.json => {
                // A bare `metal` takes its factor from its family in the catalogue.
                let factor = name.instance_type().catalogue_normalization_factor();
                json_line(&mut out, decoded_fields(input, &name, factor))?;
            }
            Ok(name) => explain(&mut out, &name)?,
            Err(err) => {
                out.flush()?;
                eprintln!("ec2type: {input:?}: {err} (at byte {})", err.offset());
                status = Status::Error;
            }
        }
        Ok(())
    })?;
    out.flush()?;
    Ok(status)
}

/// Writes the readable explanation of one name.
pub fn explain(out: &mut impl Write, name: &ServiceInstanceType) -> io::Result<()> {
    let it = name.instance_type();
    writeln!(out, "{name}")?;
    if let Some(service) = name.service() {
        row(out, "service", service, service.description())?;
        row(out, "ec2 type", it, "the EC2 instance type inside")?;
    }
    row(out, "family", it.family(), "")?;
    row(
        out,
        "series",
        it.series(),
        it.series().description().unwrap_or("unknown series"),
    )?;
    match it.generation() {
        Some(generation) => row(out, "generation", generation, "")?,
        None => row(out, "generation", "-", "none in the name")?,
    }
    for capability in it.capabilities() {
        row(
            out,
            "capability",
            capability,
            capability.description().unwrap_or("no documented meaning"),
        )?;
    }
    for option in it.options() {
        row(
            out,
            "option",
            option,
            option.description().unwrap_or("unknown option"),
        )?;
    }
    if let Some(processor) = it.processor() {
        row(out, "processor", processor, "as the name states it")?;
    }
    match it.normalization_factor() {
        Some(factor) => row(
            out,
            "size",
            it.size(),
            &format!("normalization factor {factor}"),
        )?,
        None => row(out, "size", it.size(), "bare metal, the whole host")?,
    }
    if let (Some(tpc), Some(mem)) = (name.threads_per_core(), name.memory_ratio()) {
        row(
            out,
            "class",
            format!("tpc{tpc}.mem{mem}x"),
            "RDS optimized CPU: threads per core, memory ratio",
        )?;
    }
    writeln!(out)
}
