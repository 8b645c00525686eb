//! `ec2type family`: every size of a family, with normalization units and prices.

use std::io::{self, Write};

use ec2_instance_type::ServiceInstanceType;
use ec2_instance_type::catalogue::Entry;
use serde_json::json;

use crate::Status;
use crate::commands::show::show_fields;
use crate::context::Context;
use crate::input::SpotRegion;
use crate::render::output::json_line;
use crate::render::table::write_entries;

/// Arguments of `family`.
#[derive(clap::Args)]
pub struct Args {
    /// A family such as `m5`, `m7i-flex` or `u-6tb1`.
    family: String,
    /// Print one JSON object per line instead.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    spot: SpotRegion,
}

/// Lists the sizes in order; exit 1 for a family the catalogue does not know.
pub fn run(ctx: &Context, args: &Args) -> io::Result<Status> {
    let family = args.family.trim().to_ascii_lowercase();
    let sizes: Vec<_> = ctx.catalogue().family(&family).collect();
    if sizes.is_empty() {
        eprintln!("ec2type: no family {family:?} in the catalogue");
        return Ok(Status::NothingFound);
    }
    let smallest = sizes.iter().find_map(|e| e.normalization_factor());
    let units = |factor: Option<f64>| Some(factor? / smallest?);
    let spot_region = args.spot.get();
    let mut out = io::BufWriter::new(io::stdout().lock());
    if args.json {
        for entry in &sizes {
            let name = ServiceInstanceType::from(entry.instance_type());
            let mut fields = show_fields(ctx, entry.name(), &name, Some(*entry), &spot_region);
            let factor = entry.normalization_factor();
            fields.insert("units_of_smallest".into(), json!(units(factor)));
            json_line(&mut out, fields)?;
        }
    } else {
        let rows: Vec<(Entry<'_>, Vec<String>)> = sizes
            .iter()
            .map(|entry| {
                let factor = entry.normalization_factor();
                let cells = vec![
                    factor.map_or("-".into(), |f| f.to_string()),
                    units(factor).map_or("-".into(), |u| u.to_string()),
                ];
                (*entry, cells)
            })
            .collect();
        write_entries(
            ctx,
            &mut out,
            &["normalization_factor", "units"],
            &rows,
            &spot_region,
        )?;
    }
    out.flush()?;
    Ok(Status::Success)
}
