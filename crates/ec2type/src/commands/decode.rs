//! `ec2type decode`: explain each part of a name.

use std::io::{self, Write};

use ec2_instance_type::ServiceInstanceType;

use crate::Status;
use crate::context::Context;
use crate::input::{NameList, for_each_parsed};
use crate::render::output::{decoded_fields, json_line, row};

/// Decodes every name; exit 2 if any name was bad, after decoding the rest.
pub fn run(ctx: &Context, list: &NameList) -> io::Result<Status> {
    for_each_parsed(list, |out, input, name| {
        if list.json {
            // A bare `metal` takes its factor from its family in the catalogue.
            let factor = ctx.catalogue().normalization_factor(name.instance_type());
            json_line(out, decoded_fields(input, name, factor))?;
        } else {
            explain(ctx, out, name)?;
        }
        Ok(Status::Success)
    })
}

/// Writes the readable explanation of one name.
pub fn explain(ctx: &Context, out: &mut impl Write, name: &ServiceInstanceType) -> io::Result<()> {
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
    match it.size_normalization_factor() {
        Some(factor) => row(
            out,
            "size",
            it.size(),
            &format!("normalization factor {factor}"),
        )?,
        None => match ctx.catalogue().normalization_factor(it) {
            Some(factor) => row(
                out,
                "size",
                it.size(),
                &format!(
                    "bare metal, the whole host; normalization factor {factor}, as the family's largest size"
                ),
            )?,
            None => row(out, "size", it.size(), "bare metal, the whole host")?,
        },
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
