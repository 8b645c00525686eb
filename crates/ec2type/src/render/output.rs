//! Output helpers: the decoded fields as JSON, and aligned `label  value  note` lines.

use std::io::{self, Write};

use ec2_instance_type::ServiceInstanceType;
use serde_json::{Map, Value, json};

/// The fields of `decode --json` for one name, named as the library's JSON schema names
/// them (see `ec2_instance_type::serde`). `normalization_factor` is the name's own
/// (`None` for a bare `metal`) unless the caller knows better.
pub fn decoded_fields(
    input: &str,
    name: &ServiceInstanceType,
    normalization_factor: Option<f64>,
) -> Map<String, Value> {
    let it = name.instance_type();
    let fields = json!({
        "input": input,
        "name": name.to_string(),
        "family": it.family(),
        "series": it.series_str(),
        "generation": it.generation(),
        "capabilities": it.capabilities().map(|c| c.as_str()).collect::<Vec<_>>(),
        "options": it.option_strs().collect::<Vec<_>>(),
        "processor": it.processor().map(|p| p.as_str()),
        "size": it.size_str(),
        "normalization_factor": normalization_factor,
        "service": name.service().map(|s| s.as_str()),
        "ec2_name": name.ec2_name(),
        "rds_threads_per_core": name.threads_per_core(),
        "rds_memory_ratio": name.memory_ratio(),
    });
    match fields {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}

/// Writes one JSON object on its own line.
pub fn json_line(out: &mut impl Write, fields: Map<String, Value>) -> io::Result<()> {
    serde_json::to_writer(&mut *out, &Value::Object(fields))?;
    writeln!(out)
}

/// Writes `  label       value       note`, columns aligned.
pub fn row(
    out: &mut impl Write,
    label: &str,
    value: impl std::fmt::Display,
    note: &str,
) -> io::Result<()> {
    let value = value.to_string();
    if note.is_empty() {
        writeln!(out, "  {label:<12}{value}")
    } else {
        let width = 14.max(value.chars().count() + 2);
        writeln!(out, "  {label:<12}{value:<width$}{note}")
    }
}

/// A derived dollar figure rounded to 6 decimals, as the sources' prices are.
pub fn usd(value: Option<f64>) -> Option<f64> {
    value.map(|v| (v * 1e6).round() / 1e6)
}
