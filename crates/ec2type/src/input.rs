//! Names from the command line, or from stdin when a name is `-`, parsed leniently.

use std::io::{self, BufWriter, StdoutLock, Write};

use ec2_instance_type::catalogue::Entry;
use ec2_instance_type::{ParseError, Region, ServiceInstanceType};

use crate::Status;
use crate::context::Context;
use crate::lines::{for_each_line, quoted};

/// A list of names, and whether to print JSON.
#[derive(clap::Args)]
pub struct NameList {
    /// Names such as `p3dn.24xlarge` or `db.r6g.large`; `-` reads them from stdin, one a line.
    #[arg(required = true)]
    names: Vec<String>,
    /// Print one JSON object per line instead.
    #[arg(long)]
    pub json: bool,
}

/// Calls `each` with every argument, or stdin's lines for an argument `-` (blank lines
/// skipped, a trailing `\r` stripped). A line that is too long or not UTF-8 is reported
/// on stderr by number and skipped; the result says whether any was.
pub fn for_each_input(
    args: &[String],
    mut each: impl FnMut(&str) -> io::Result<()>,
) -> io::Result<Status> {
    let mut status = Status::Success;
    for arg in args {
        if arg == "-" {
            for_each_line(io::stdin().lock(), |number, line| match line {
                Ok(line) if line.trim().is_empty() => Ok(()),
                Ok(line) => each(line),
                Err(skipped) => {
                    eprintln!("ec2type: {}", skipped.message(number));
                    status = Status::Error;
                    Ok(())
                }
            })?;
        } else {
            each(arg)?;
        }
    }
    Ok(status)
}

/// Parses every name of `list` leniently and calls `each` with the good ones and a
/// buffered stdout. A bad name gets a message on stderr, after what came before it, and
/// makes the result `Error`; otherwise the result is the worst `each` returned.
pub fn for_each_parsed(
    list: &NameList,
    mut each: impl FnMut(
        &mut BufWriter<StdoutLock<'static>>,
        &str,
        &ServiceInstanceType,
    ) -> io::Result<Status>,
) -> io::Result<Status> {
    let mut out = BufWriter::new(io::stdout().lock());
    let mut status = Status::Success;
    let read = for_each_input(&list.names, |input| {
        match ServiceInstanceType::parse_lenient(input) {
            Ok(name) => status = status.max(each(&mut out, input, &name)?),
            Err(err) => {
                out.flush()?;
                report(input, &err);
                status = Status::Error;
            }
        }
        Ok(())
    })?;
    out.flush()?;
    Ok(status.max(read))
}

/// Says on stderr why a name did not parse, quoting at most 80 bytes of it.
pub fn report(input: &str, err: &ParseError) {
    eprintln!(
        "ec2type: {:?}: {err} (at byte {})",
        quoted(input),
        err.offset()
    );
}

/// Looks a name up in the catalogue: `Err(Status::Error)` for a bad name and
/// `Err(Status::NothingFound)` for one the catalogue does not know, each with a message
/// on stderr.
pub fn lookup<'c>(ctx: &'c Context, name: &str) -> Result<Entry<'c>, Status> {
    match ServiceInstanceType::parse_lenient(name) {
        Err(err) => {
            report(name, &err);
            Err(Status::Error)
        }
        Ok(parsed) => ctx.catalogue().get(parsed.ec2_name()).ok_or_else(|| {
            eprintln!("ec2type: {:?}: not in the catalogue", quoted(name));
            Status::NothingFound
        }),
    }
}

/// The region an answer is for.
#[derive(clap::Args, Clone)]
pub struct SpotRegion {
    /// Answer for this region: only types known to be offered there, its prices where the
    /// data has them (else us-east-1's, said on stderr), its Spot savings and
    /// interruption band. Default: us-east-1's prices and hints, types offered anywhere.
    #[arg(long = "region", value_name = "REGION", value_parser = parse_region)]
    pub region: Option<Region>,
}

impl SpotRegion {
    /// The region asked for, or us-east-1.
    pub fn get(&self) -> Region {
        self.region.unwrap_or_else(Region::us_east_1)
    }
}

/// Parses a `--region` value strictly: a malformed or unknown code is a usage error
/// (exit 2) with the library's message and the nearest known code. (`--data` files name
/// known regions only, so the known codes are every region the data can have.)
pub fn parse_region(text: &str) -> Result<Region, String> {
    Region::parse_known(text).map_err(|e| e.to_string())
}

/// Says on stderr how many types an answer left out for want of offering data.
pub fn report_left_out(left_out: usize, region: Option<&Region>) {
    if let (Some(region), 1..) = (region, left_out) {
        let types = if left_out == 1 { "type" } else { "types" };
        eprintln!("ec2type: {left_out} {types} with no offering data for {region} left out");
    }
}
