//! Aligned plain-text tables, and the columns most listings share.

use std::fmt::Write as _;
use std::io::{self, Write};

use ec2_instance_type::catalogue::Entry;

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

/// The shared columns' titles.
pub const ENTRY_HEADER: [&str; 6] = [
    "name",
    "vcpus",
    "memory_gib",
    "arch",
    "usd_per_hour",
    "spot_estimate",
];

/// The shared columns of one entry; `-` where a fact is unknown.
pub fn entry_cells(entry: &Entry) -> Vec<String> {
    let specs = entry.specs;
    let or_dash = |v: Option<String>| v.unwrap_or_else(|| "-".to_owned());
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
        or_dash(entry.on_demand.map(|p| {
            let flag = if p.is_estimate() { "*" } else { "" };
            format!("{:.4}{flag}", p.usd_per_hour)
        })),
        or_dash(
            entry
                .spot_estimate_usd_per_hour()
                .map(|s| format!("~{s:.4}")),
        ),
    ]
}

/// A signed dollar difference, or `-`.
pub fn usd_difference(value: Option<f64>) -> String {
    value.map_or_else(|| "-".to_owned(), |v| format!("{v:+.4}"))
}
