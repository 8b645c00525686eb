//! Aligned plain-text tables, and the columns most listings share.

use crate::context::Context;
use std::fmt::Write as _;
use std::io::{self, Write};

use ec2_instance_type::Region;
use ec2_instance_type::catalogue::{Entry, OnDemandPrice, Pricing, Tenancy};

/// Writes `header` and `rows` with every column padded to its widest cell.
pub fn write_table(out: &mut impl Write, header: &[&str], rows: &[Vec<String>]) -> io::Result<()> {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let header: Vec<String> = header.iter().map(|h| (*h).to_owned()).collect();
    for row in std::iter::once(&header).chain(rows) {
        let mut line = String::new();
        for (i, (cell, width)) in row.iter().zip(&widths).enumerate() {
            if i > 0 {
                line.push_str("  ");
            }
            let _ = write!(line, "{cell:<width$}");
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

/// The shared columns' titles. Prices are the catalogue's, us-east-1's, whatever region
/// a command filters on; the header says so.
pub const ENTRY_HEADER: [&str; 6] = [
    "name",
    "vcpus",
    "memory_gib",
    "arch",
    "usd_per_hour(us-east-1)",
    "spot_estimate",
];

/// The marks a price cell may carry, with what they mean.
const PRICE_MARKS: &[(&str, &str)] = &[
    (
        "*",
        "a price of the region it names (GovCloud): the catalogue has none of this column's region",
    ),
    (
        "d",
        "a Dedicated-tenancy price: the source lists bare metal that way",
    ),
];

/// The mark of a price cell, if any.
fn price_mark(price: Option<OnDemandPrice<'_>>) -> &'static str {
    match price {
        Some(p) if p.is_fallback() => "*",
        Some(p) if p.tenancy == Tenancy::Dedicated => "d",
        _ => "",
    }
}

/// Writes a table of entries: the shared columns (with `spot_region`'s spot estimates),
/// then `extra` columns, then a legend for the price marks used.
pub fn write_entries(
    ctx: &Context,
    out: &mut impl Write,
    extra_header: &[&str],
    entries: &[(Entry<'_>, Vec<String>)],
    spot_region: &Region,
) -> io::Result<()> {
    let asked = ctx.prices();
    let mut prices_of = price_region(ctx, spot_region).to_string();
    if let Some(os) = &asked.os {
        prices_of = format!("{prices_of},{os}");
    }
    if let Some(tenancy) = asked.tenancy {
        prices_of = format!("{prices_of},{tenancy}");
    }
    if asked.pricing() != Pricing::OnDemand {
        prices_of = format!("{prices_of},{}", asked.pricing());
    }
    let price_column = format!("usd_per_hour({prices_of})");
    let spot_column = if asked
        .os
        .as_deref()
        .is_some_and(|os| !os.eq_ignore_ascii_case("linux"))
    {
        "spot_estimate(linux)"
    } else {
        "spot_estimate"
    };
    let header: Vec<&str> = ENTRY_HEADER
        .iter()
        .map(|h| {
            if h.starts_with("usd_per_hour") {
                price_column.as_str()
            } else if *h == "spot_estimate" {
                spot_column
            } else {
                h
            }
        })
        .chain(extra_header.iter().copied())
        .collect();
    let rows: Vec<Vec<String>> = entries
        .iter()
        .map(|(entry, extra)| {
            let mut cells = entry_cells(ctx, entry, spot_region);
            cells.extend(extra.iter().cloned());
            cells
        })
        .collect();
    write_table(out, &header, &rows)?;
    // Marks are on on-demand prices only.
    if asked.pricing() != Pricing::OnDemand {
        return Ok(());
    }
    for (mark, meaning) in PRICE_MARKS {
        if entries
            .iter()
            .any(|(e, _)| price_mark(price_of(ctx, e, spot_region)) == *mark)
        {
            writeln!(out, "{mark}: {meaning}")?;
        }
    }
    Ok(())
}

/// The region whose prices the tables show: `region` when the catalogue has its prices
/// (from `--data`), else us-east-1; under a commitment, `region` (its rates or none).
pub fn price_region(ctx: &Context, region: &Region) -> Region {
    if matches!(ctx.prices().pricing(), Pricing::Commitment(_)) {
        *region
    } else {
        ctx.catalogue().price_region(Some(*region))
    }
}

/// The price shown for `entry` when `region` is asked for: the price region's
/// ([`price_region`]) of the OS and tenancy asked for, else (Linux, nothing asked) a
/// fallback of another region marked `*`.
pub fn price_of<'c>(
    ctx: &'c Context,
    entry: &Entry<'c>,
    region: &Region,
) -> Option<OnDemandPrice<'c>> {
    at(ctx, *entry, price_region(ctx, region)).price_or_fallback()
}

/// `entry`'s costs in `region`, of the OS and tenancy asked for.
pub fn at<'c>(
    ctx: &'c Context,
    entry: Entry<'c>,
    region: Region,
) -> ec2_instance_type::catalogue::EntryAt<'c> {
    entry.at(ctx.scope(Some(region)))
}

/// The shared columns of one entry; `-` where a fact is unknown.
pub fn entry_cells(ctx: &Context, entry: &Entry<'_>, spot_region: &Region) -> Vec<String> {
    let price = price_of(ctx, entry, spot_region);
    let specs = entry.specs();
    let or_dash = |v: Option<String>| v.unwrap_or_else(|| "-".to_owned());
    // On demand: the price with its marks; under another pricing, its figure or none.
    let price_cell = if ctx.prices().pricing() == Pricing::OnDemand {
        or_dash(price.map(|p| format!("{:.4}{}", p.usd_per_hour, price_mark(price))))
    } else {
        or_dash(
            at(ctx, *entry, price_region(ctx, spot_region))
                .usd_per_hour()
                .map(|usd| format!("{usd:.4}")),
        )
    };
    vec![
        entry.name().to_owned(),
        or_dash(specs.map(|s| s.vcpus.to_string())),
        or_dash(specs.map(|s| format!("{}", s.memory_gib()))),
        or_dash(specs.map(|s| {
            s.architectures
                .iter()
                .map(|a| a.as_str())
                .collect::<Vec<_>>()
                .join(",")
        })),
        price_cell,
        or_dash(
            entry
                .spot_estimate(*spot_region)
                .map(|s| format!("~{:.4}", s.usd_per_hour)),
        ),
    ]
}

/// A signed dollar difference, or `-`.
pub fn usd_difference(value: Option<f64>) -> String {
    value.map_or_else(|| "-".to_owned(), |v| format!("{v:+.4}"))
}
