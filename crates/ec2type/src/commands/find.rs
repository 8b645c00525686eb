//! `ec2type find`: filter the catalogue.

use std::io::{self, Write};

use clap::builder::TypedValueParser as _;
use ec2_instance_type::catalogue::Architecture;
use ec2_instance_type::query::{NamePart, Query, SortKey};
use ec2_instance_type::{Processor, Region, ServiceInstanceType};

use crate::Status;
use crate::commands::show::show_fields;
use crate::context::Context;
use crate::input::parse_region;
use crate::render::output::json_line;
use crate::render::table::write_entries;

/// Arguments of `find`.
#[derive(clap::Args)]
pub struct Args {
    /// At least this many vCPUs.
    #[arg(long)]
    min_vcpus: Option<u32>,
    /// At most this many vCPUs.
    #[arg(long)]
    max_vcpus: Option<u32>,
    /// At least this much memory, GiB.
    #[arg(long)]
    min_memory_gib: Option<f64>,
    /// At most this much memory, GiB.
    #[arg(long)]
    max_memory_gib: Option<f64>,
    /// Supports this architecture.
    #[arg(long, value_parser = architectures())]
    arch: Option<Architecture>,
    /// Runs on this processor.
    #[arg(long, value_parser = processors())]
    processor: Option<Processor>,
    /// At least this many whole GPUs.
    #[arg(long)]
    gpus: Option<u32>,
    /// GPU model, such as `H100` or `L4` (case-insensitive).
    #[arg(long)]
    gpu_model: Option<String>,
    /// Known to be offered in this region, such as `eu-west-1` (its spot hints are shown too).
    #[arg(long, value_parser = parse_region)]
    region: Option<Region>,
    /// At most this on-demand USD per hour (us-east-1 Linux).
    #[arg(long)]
    max_price: Option<f64>,
    /// At most this estimated spot USD per hour.
    #[arg(long)]
    max_spot: Option<f64>,
    /// Only current-generation types.
    #[arg(long)]
    current_generation: bool,
    /// Only types with a part, as KIND:VALUE with KIND one of family, series, letter,
    /// option (`series:m`); repeat for more (one kind: any of them).
    #[arg(long, value_parser = parse_name_part)]
    include: Vec<NamePart>,
    /// No types with a part, as KIND:VALUE (`option:flex`, `letter:g`, `series:g`,
    /// `family:t2`); repeat for more.
    #[arg(long, value_parser = parse_name_part)]
    exclude: Vec<NamePart>,
    /// Sort by.
    #[arg(long, value_parser = sort_keys(), default_value = "name")]
    sort: SortKey,
    /// Show at most this many.
    #[arg(long)]
    limit: Option<usize>,
    /// Print one JSON object per line instead.
    #[arg(long)]
    json: bool,
}

/// A value parser accepting the names `as_str` gives the items of `items` (and their
/// aliases: `amd64` for `x86_64`), so the library's own enums serve as the flags' values,
/// with their names listed in `--help`.
fn one_of<T: Copy + Send + Sync + 'static>(
    items: impl Iterator<Item = T>,
    name: fn(&T) -> &'static str,
    aliases: fn(T) -> Vec<&'static str>,
) -> impl clap::builder::TypedValueParser<Value = T> {
    let items: Vec<T> = items.collect();
    let names: Vec<&'static str> = items.iter().map(name).collect();
    let alias_lists: Vec<Vec<&'static str>> = items.iter().map(|item| aliases(*item)).collect();
    let values = names
        .iter()
        .zip(&alias_lists)
        .map(|(name, aliases)| clap::builder::PossibleValue::new(*name).aliases(aliases.clone()));
    clap::builder::PossibleValuesParser::new(values).map(move |chosen| {
        // The parser hands back the word as typed: a name, or one of its aliases.
        let at = names
            .iter()
            .zip(&alias_lists)
            .position(|(name, aliases)| *name == chosen || aliases.contains(&chosen.as_str()))
            .unwrap_or_default();
        items[at]
    })
}

fn architectures() -> impl clap::builder::TypedValueParser<Value = Architecture> {
    one_of(Architecture::known(), Architecture::as_str, |a| {
        a.aliases().collect()
    })
}

fn processors() -> impl clap::builder::TypedValueParser<Value = Processor> {
    one_of(Processor::known(), Processor::as_str, |p| {
        p.aliases().collect()
    })
}

fn sort_keys() -> impl clap::builder::TypedValueParser<Value = SortKey> {
    one_of(SortKey::known(), SortKey::as_str, |k| k.aliases().collect())
}

/// Parses `KIND:VALUE` into a name part (the library's syntax).
pub fn parse_name_part(text: &str) -> Result<NamePart, String> {
    text.parse()
        .map_err(|e: ec2_instance_type::query::NamePartError| e.to_string())
}

impl Args {
    fn query(&self, ctx: &Context) -> Query {
        let mut query = Query::new();
        macro_rules! set {
            ($($field:ident => $method:ident),* $(,)?) => {
                $(if let Some(value) = self.$field.clone() { query = query.$method(value); })*
            };
        }
        set!(min_vcpus => min_vcpus, max_vcpus => max_vcpus, min_memory_gib => min_memory_gib,
             max_memory_gib => max_memory_gib, gpus => min_gpus, max_price => max_price,
             max_spot => max_spot, limit => limit);
        if let Some(model) = &self.gpu_model {
            query = query.gpu_model(model);
        }
        query = query.scope(ctx.scope(self.region));
        if let Some(arch) = self.arch {
            query = query.architecture(arch);
        }
        if let Some(processor) = self.processor {
            query = query.processor(processor);
        }
        if self.current_generation {
            query = query.current_generation(true);
        }
        for part in &self.include {
            query = query.include(part.clone());
        }
        for part in &self.exclude {
            query = query.exclude(part.clone());
        }
        query.sort_by(self.sort)
    }
}

/// Runs the query; exit 1 when nothing matched, saying why on stderr where the data is
/// the reason.
pub fn run(ctx: &Context, args: &Args) -> io::Result<Status> {
    let query = args.query(ctx);
    let spot_region = args.region.unwrap_or_else(Region::us_east_1);
    if !query.region_is_covered(ctx.catalogue()) {
        let covered: Vec<String> = ctx
            .catalogue()
            .covered_regions()
            .iter()
            .map(|r| r.to_string())
            .collect();
        eprintln!(
            "ec2type: the catalogue has no offering data for {spot_region}; it covers {} regions: {}",
            covered.len(),
            covered.join(" ")
        );
    } else if query.prices_from_another_region(ctx.catalogue()) {
        eprintln!(
            "ec2type: prices are us-east-1 on-demand Linux prices; the catalogue has none for {spot_region}"
        );
    }
    let found = query.run(ctx.catalogue());
    crate::input::report_left_out(found.unknown_offerings(), args.region.as_ref());
    let mut out = io::BufWriter::new(io::stdout().lock());
    if args.json {
        for entry in &found {
            let name = ServiceInstanceType::from(entry.instance_type());
            json_line(
                &mut out,
                show_fields(ctx, entry.name(), &name, Some(*entry), &spot_region),
            )?;
        }
    } else if !found.is_empty() {
        let rows: Vec<_> = found.iter().map(|e| (*e, Vec::new())).collect();
        write_entries(ctx, &mut out, &[], &rows, &spot_region)?;
    }
    out.flush()?;
    if found.is_empty() {
        eprintln!("ec2type: no type matches every filter");
        return Ok(Status::NothingFound);
    }
    Ok(Status::Success)
}
