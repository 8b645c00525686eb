//! `ec2type bill FILE`: what a bill's EC2 instance hours cost, per instance type, region
//! and OS: the hours, the cost paid, the share covered by Reserved Instances, Savings
//! Plans or Spot, the effective rate against on-demand, and the cheapest current
//! counterpart of the same shape with what the same hours would have cost. Streamed.

use std::collections::{BTreeMap, HashMap};
use std::fs::File;
use std::io::{self, Read, Seek, Write};
use std::path::{Path, PathBuf};

use arrow_array::cast::AsArray;
use arrow_array::types::Float64Type;
use arrow_array::{Array, Float64Array, StringArray};
use arrow_schema::DataType;
use parquet::arrow::ProjectionMask;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

use ec2_instance_type::Region;
use ec2_instance_type::catalogue::{Commitment, Pricing};
use ec2_instance_type::query::{Prefer, alternatives};
use ec2_instance_type::usage::{BillLine, Coverage, Value as Cell};
use serde_json::{Map, Value};

use crate::Status;
use crate::context::Context;
use crate::render::output::json_line;
use crate::render::table::write_table;
use crate::usage::columns::{self, Columns, CommitmentColumns, Found};
use crate::usage::csv_stream::CACHED_LINES;
use crate::usage::file::{BATCH_ROWS, with_spooled};
use crate::usage::parquet_copy::decode_batch;

/// Arguments of `bill`.
#[derive(clap::Args)]
pub struct Args {
    /// The report: a CUR 2.0 or legacy CUR export as CSV, gzip CSV or Parquet, with its cost
    /// columns (`line_item_line_item_type`, `line_item_usage_amount`,
    /// `line_item_unblended_cost`, and where there is coverage
    /// `reservation_effective_cost`, `savings_plan_savings_plan_effective_cost`), or a
    /// FOCUS export with its (`ChargeCategory`, `PricingCategory`, `ConsumedQuantity`,
    /// `EffectiveCost`); `-`: stdin.
    file: PathBuf,
    /// One JSON object per line.
    #[arg(long)]
    json: bool,
}

/// The group of an instance line: its EC2 name, region and OS.
type Group = (String, Region, String);

/// What a decoded line is, kept by its usage type, product and operation.
#[derive(Clone)]
struct LineKey {
    /// The group of an instance line of a priced kind; `None` otherwise.
    group: Option<Group>,
    /// Whether it is Spot usage.
    spot: bool,
    /// The on-demand price of the line's region, OS and tenancy.
    on_demand: Option<f64>,
}

/// One line's hours as the bill counts them.
struct LineHours {
    hours: f64,
    /// How they were paid for.
    coverage: Coverage,
    /// The commitment that covered them, where the report names it.
    commitment: Option<Commitment>,
    /// What an hour cost, where the report says.
    effective_usd_per_hour: Option<f64>,
    /// The line's on-demand price.
    on_demand_usd_per_hour: Option<f64>,
}

/// One group's totals.
#[derive(Default)]
struct Totals {
    hours: f64,
    /// The cost of the hours whose cost the report gives.
    cost: f64,
    costed_hours: f64,
    covered_hours: f64,
    spot_hours: f64,
    /// The hours of each commitment the report names.
    committed_hours: BTreeMap<Commitment, f64>,
    on_demand: Option<f64>,
}

impl Totals {
    /// The pricing most of the hours were paid under: a commitment the report names, Spot,
    /// or (also for hours covered by a commitment the report does not name) on demand.
    fn pricing(&self) -> Pricing {
        let named: f64 = self.committed_hours.values().sum();
        let on_demand = self.hours - self.spot_hours - named;
        let mut best = (Pricing::OnDemand, on_demand);
        let others = std::iter::once((Pricing::Spot, self.spot_hours)).chain(
            self.committed_hours
                .iter()
                .map(|(c, h)| (Pricing::Commitment(*c), *h)),
        );
        for (pricing, hours) in others {
            if hours > best.1 {
                best = (pricing, hours);
            }
        }
        best.0
    }
}

/// A bill's groups as its lines add up, whatever the report's form.
#[derive(Default)]
struct Bill {
    groups: BTreeMap<Group, Totals>,
}

impl Bill {
    /// Adds one instance line's hours to its group.
    fn add(&mut self, group: &Group, line: &LineHours) {
        if !self.groups.contains_key(group) {
            self.groups.insert(group.clone(), Totals::default());
        }
        let totals = self.groups.get_mut(group).expect("inserted above");
        totals.hours += line.hours;
        totals.on_demand = totals.on_demand.or(line.on_demand_usd_per_hour);
        if line.coverage != Coverage::OnDemand {
            totals.covered_hours += line.hours;
        }
        if line.coverage == Coverage::Spot {
            totals.spot_hours += line.hours;
        }
        if let Some(commitment) = line.commitment {
            *totals.committed_hours.entry(commitment).or_default() += line.hours;
        }
        if let Some(rate) = line.effective_usd_per_hour {
            totals.cost += rate * line.hours;
            totals.costed_hours += line.hours;
        }
    }

    /// The summary rows, sorted by cost, highest first.
    fn rows(self, ctx: &Context) -> Vec<Map<String, Value>> {
        let mut rows: Vec<Map<String, Value>> = self
            .groups
            .into_iter()
            .map(|((name, region, os), totals)| summary(ctx, &name, region, &os, &totals))
            .collect();
        let cost = |row: &Map<String, Value>| row["cost_usd"].as_f64().unwrap_or(0.0);
        rows.sort_by(|a, b| cost(b).total_cmp(&cost(a)));
        rows
    }
}

/// The group of a decoded line, by its `ec2_name`, `region` and `os` (Linux where the
/// operation does not say), `text` giving a field's text.
fn group_of<'t>(text: impl Fn(&str) -> Option<&'t str>) -> Option<Group> {
    let region = Region::parse(text("region")?).ok()?;
    Some((
        text("ec2_name")?.to_owned(),
        region,
        text("os").unwrap_or("Linux").to_owned(),
    ))
}

/// The line's key: what the catalogue makes of it.
fn key_of(line: &BillLine<'_>) -> LineKey {
    let group = line.paid_rule().and_then(|_| {
        group_of(|name| match line.get(name) {
            Some(Cell::Text(t)) => Some(t.as_ref()),
            _ => None,
        })
    });
    LineKey {
        group,
        spot: line.paid_rule() == Some(true),
        on_demand: match line.get("on_demand_usd_per_hour") {
            Some(Cell::Float64(p)) => Some(*p),
            _ => None,
        },
    }
}

/// Runs `bill`.
pub fn run(ctx: &Context, args: &Args) -> io::Result<Status> {
    let rows = if args.file.as_os_str() == "-" {
        let mut input = io::BufReader::with_capacity(1 << 16, io::stdin().lock());
        if io::BufRead::fill_buf(&mut input)?.starts_with(PARQUET_MAGIC) {
            with_spooled(input, |spool| summarize_parquet(ctx, spool))?
        } else {
            summarize(ctx, input)?
        }
    } else {
        let named =
            |e: io::Error| io::Error::new(e.kind(), format!("{}: {e}", args.file.display()));
        let mut file = File::open(&args.file).map_err(named)?;
        let mut magic = [0u8; 4];
        let parquet = file.read_exact(&mut magic).is_ok() && magic == *PARQUET_MAGIC;
        if parquet {
            summarize_parquet(ctx, &args.file)?
        } else {
            file.rewind().map_err(named)?;
            summarize(ctx, file)?
        }
    };
    let committed_unpriced = rows.iter().any(|row| {
        row["alternative"].is_null()
            && row["alternative_pricing"]
                .as_str()
                .is_some_and(|p| p.parse::<Commitment>().is_ok())
    });
    if committed_unpriced {
        eprintln!(
            "ec2type: an alternative under a commitment is priced only from the rates of AWS's files given with --data (the EC2 offer file for Reserved Instances, the Savings Plans file for Savings Plans)"
        );
    }
    let mut out = io::stdout().lock();
    if args.json {
        for row in rows {
            json_line(&mut out, row)?;
        }
    } else {
        write_summary(&mut out, &rows)?;
    }
    out.flush()?;
    Ok(Status::Success)
}

/// The first bytes of a Parquet file.
const PARQUET_MAGIC: &[u8; 4] = b"PAR1";

/// The report's columns, refused unless it says what was paid.
fn cost_report_columns(header: &[&str], columns: &Columns<'_>) -> io::Result<Found> {
    let found = columns::find(header, columns)?;
    if !found.costs.any() {
        return Err(io::Error::other(
            "no line item type and usage amount columns: not a cost report (CUR 2.0's line_item_line_item_type and line_item_usage_amount, the legacy CUR's, or FOCUS's ChargeCategory, PricingCategory and ConsumedQuantity)",
        ));
    }
    Ok(found)
}

/// The rows of a report as CSV (gzip or not), sorted by cost, highest first.
fn summarize(ctx: &Context, input: impl io::Read) -> io::Result<Vec<Map<String, Value>>> {
    let mut reader = crate::usage::csv_stream::records(crate::gzip::maybe_gzip(input)?);
    let header: Vec<String> = reader
        .byte_headers()
        .map_err(io::Error::other)?
        .iter()
        .map(|h| {
            String::from_utf8_lossy(h)
                .trim_start_matches('\u{feff}')
                .to_owned()
        })
        .collect();
    let names: Vec<&str> = header.iter().map(String::as_str).collect();
    let found = cost_report_columns(&names, &Columns::found_by_name(ctx.catalogue()))?;
    let commitments = CommitmentColumns::find(&names)?;
    // Each distinct line decoded once, kept by its usage type, product and operation
    // joined in one reused buffer (no allocation for a line seen before); bounded as the
    // `usage` command's cache is.
    let mut keys: HashMap<String, LineKey> = HashMap::new();
    let mut id = String::new();
    let mut bill = Bill::default();
    let mut record = csv::ByteRecord::new();
    while reader
        .read_byte_record(&mut record)
        .map_err(io::Error::other)?
    {
        let text = |i: usize| record.get(i).and_then(|c| std::str::from_utf8(c).ok());
        let cell = |at: Option<usize>| at.and_then(text).unwrap_or_default();
        let usage = cell(Some(found.usage_type.0));
        let product = cell(found.product.as_ref().map(|(i, _)| *i));
        let operation = cell(found.operation.as_ref().map(|(i, _)| *i));
        id.clear();
        for part in [usage, "\0", product, "\0", operation] {
            id.push_str(part);
        }
        if !keys.contains_key(id.as_str()) {
            if keys.len() >= CACHED_LINES {
                keys.clear();
            }
            let line = BillLine::decode(
                usage,
                Some(product).filter(|p| !p.is_empty()),
                Some(operation).filter(|o| !o.is_empty()),
                ctx.catalogue(),
            );
            keys.insert(id.clone(), key_of(&line));
        }
        let key = &keys[id.as_str()];
        let Some(group) = &key.group else { continue };
        let costs = found.costs.of(text);
        let paid = costs.paid(key.spot);
        let (Some(coverage), Some(hours)) = (paid.coverage, costs.usage_amount) else {
            continue;
        };
        let hours = LineHours {
            hours,
            coverage,
            commitment: commitments.of(coverage, text),
            effective_usd_per_hour: paid.effective_usd_per_hour,
            on_demand_usd_per_hour: key.on_demand,
        };
        bill.add(group, &hours);
    }
    Ok(bill.rows(ctx))
}

/// The rows of a report as Parquet (a CUR 2.0 export), read batch by batch, only the
/// columns the decoding needs; each batch decoded by the Arrow kernel, which fills what
/// each line paid.
fn summarize_parquet(ctx: &Context, path: &Path) -> io::Result<Vec<Map<String, Value>>> {
    let named = |e: &dyn std::fmt::Display| io::Error::other(format!("{}: {e}", path.display()));
    let file = File::open(path).map_err(|e| named(&e))?;
    let builder = ParquetRecordBatchReaderBuilder::try_new(file).map_err(|e| named(&e))?;
    let column_names: Vec<String> = builder
        .schema()
        .fields()
        .iter()
        .map(|f| f.name().clone())
        .collect();
    let header: Vec<&str> = column_names.iter().map(String::as_str).collect();
    let columns = Columns::found_by_name(ctx.catalogue());
    let found = cost_report_columns(&header, &columns).map_err(|e| named(&e))?;
    let commitments = CommitmentColumns::find(&header).map_err(|e| named(&e))?;
    let read = found
        .read_indexes()
        .into_iter()
        .chain(commitments.indexes());
    let mask = ProjectionMask::roots(builder.parquet_schema(), read);
    let reader = builder
        .with_projection(mask)
        .with_batch_size(BATCH_ROWS)
        .build()
        .map_err(|e| named(&e))?;
    let amount_name = found
        .costs
        .usage_amount
        .as_ref()
        .map(|(_, name)| name.as_str())
        .expect("a cost report has a usage amount column");
    let mut bill = Bill::default();
    for batch in reader {
        let batch = batch.map_err(|e| named(&e))?;
        let decoded = decode_batch(&batch, &columns, &found)?;
        let amounts = batch
            .column_by_name(amount_name)
            .ok_or_else(|| named(&format!("no column {amount_name:?}")))?;
        let amounts = arrow_cast::cast(amounts, &DataType::Float64).map_err(|e| named(&e))?;
        let amounts = amounts.as_primitive::<Float64Type>();
        // The commitment columns as text, by their index in the file.
        let mut commitment_texts = Vec::new();
        for (at, name) in commitments.0.iter().flatten() {
            let column = batch
                .column_by_name(name)
                .ok_or_else(|| named(&format!("no column {name:?}")))?;
            let text = arrow_cast::cast(column, &DataType::Utf8).map_err(|e| named(&e))?;
            commitment_texts.push((*at, text.as_string::<i32>().clone()));
        }
        let field = |name: &str| decoded.column_by_name(name).expect("a field of BillLine");
        let text = |name: &str| field(name).as_string::<i32>().clone();
        let float = |name: &str| field(name).as_primitive::<Float64Type>().clone();
        let (ec2_names, regions, oses, coverages) = (
            text("ec2_name"),
            text("region"),
            text("os"),
            text("coverage"),
        );
        let (effective, on_demand) = (
            float("effective_usd_per_hour"),
            float("on_demand_usd_per_hour"),
        );
        let rate = |array: &Float64Array, row: usize| array.is_valid(row).then(|| array.value(row));
        for row in 0..decoded.len() {
            let (Some(coverage), true) = (value(&coverages, row), amounts.is_valid(row)) else {
                continue;
            };
            let Ok(coverage) = coverage.parse::<Coverage>() else {
                continue;
            };
            let group = group_of(|name| match name {
                "ec2_name" => value(&ec2_names, row),
                "region" => value(&regions, row),
                "os" => value(&oses, row),
                _ => None,
            });
            let Some(group) = group else { continue };
            let cell = |at: usize| {
                let (_, text) = commitment_texts.iter().find(|(i, _)| *i == at)?;
                value(text, row)
            };
            let hours = LineHours {
                hours: amounts.value(row),
                coverage,
                commitment: commitments.of(coverage, cell),
                effective_usd_per_hour: rate(&effective, row),
                on_demand_usd_per_hour: rate(&on_demand, row),
            };
            bill.add(&group, &hours);
        }
    }
    Ok(bill.rows(ctx))
}

/// One group's row: the names, values rounded as prices are.
fn summary(ctx: &Context, name: &str, region: Region, os: &str, t: &Totals) -> Map<String, Value> {
    let round = |v: f64| (v * 1e6).round() / 1e6;
    let number = |v: Option<f64>| v.map_or(Value::Null, |v| Value::from(round(v)));
    let effective = (t.costed_hours > 0.0).then(|| t.cost / t.costed_hours);
    // The cheapest current counterpart of the same shape under the pricing asked
    // (--pricing), or else the one most of the group's hours were paid under.
    let pricing = ctx.prices().pricing.unwrap_or_else(|| t.pricing());
    let scope = ctx.scope(Some(region)).os(os).pricing(pricing);
    let alternative = ctx.catalogue().get(name).and_then(|entry| {
        alternatives(entry, Prefer::Cheapest, scope.clone())
            .into_vec()
            .into_iter()
            .filter_map(|a| Some((a.entry.at(scope.clone()).usd_per_hour()?, a.entry.name())))
            .min_by(|a, b| a.0.total_cmp(&b.0))
    });
    let mut row = Map::new();
    row.insert("instance_type".to_owned(), Value::from(name));
    row.insert("region".to_owned(), Value::from(region.as_str()));
    row.insert("os".to_owned(), Value::from(os));
    row.insert("hours".to_owned(), Value::from(round(t.hours)));
    row.insert("cost_usd".to_owned(), Value::from(round(t.cost)));
    row.insert(
        "covered_share".to_owned(),
        number((t.hours > 0.0).then(|| t.covered_hours / t.hours)),
    );
    row.insert("effective_usd_per_hour".to_owned(), number(effective));
    row.insert("on_demand_usd_per_hour".to_owned(), number(t.on_demand));
    row.insert(
        "alternative".to_owned(),
        alternative.map_or(Value::Null, |(_, name)| Value::from(name)),
    );
    row.insert(
        "alternative_pricing".to_owned(),
        Value::from(pricing.as_str()),
    );
    row.insert(
        "alternative_cost_usd".to_owned(),
        number(alternative.map(|(rate, _)| rate * t.hours)),
    );
    row
}

/// A string cell, `None` where null.
fn value(array: &StringArray, row: usize) -> Option<&str> {
    array.is_valid(row).then(|| array.value(row))
}

/// The rows as a table, each alternative's pricing beside it.
fn write_summary(out: &mut impl Write, rows: &[Map<String, Value>]) -> io::Result<()> {
    let header = [
        "instance_type",
        "region",
        "os",
        "hours",
        "cost_usd",
        "covered",
        "effective",
        "on_demand",
        "alternative",
        "priced",
        "alternative_cost",
    ];
    let cell = |v: &Value, decimals: usize| match v {
        Value::Null => "-".to_owned(),
        Value::Number(n) => n
            .as_f64()
            .map_or_else(|| n.to_string(), |f| format!("{f:.decimals$}")),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let lines: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            vec![
                cell(&r["instance_type"], 0),
                cell(&r["region"], 0),
                cell(&r["os"], 0),
                cell(&r["hours"], 1),
                cell(&r["cost_usd"], 2),
                r["covered_share"]
                    .as_f64()
                    .map_or_else(|| "-".to_owned(), |s| format!("{:.0}%", s * 100.0)),
                cell(&r["effective_usd_per_hour"], 4),
                cell(&r["on_demand_usd_per_hour"], 4),
                cell(&r["alternative"], 0),
                cell(&r["alternative_pricing"], 0),
                cell(&r["alternative_cost_usd"], 2),
            ]
        })
        .collect();
    write_table(out, &header, &lines)
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::summarize;
    use crate::context::Context;

    /// The fixture's lines by hand: m5.large 10 on-demand hours ($0.96) and 24 Reserved
    /// ($1.44 effective); c5.large 10 Savings Plans hours ($0.59) and 5 Spot ($0.19);
    /// the fee, the negation and the transfer count for nothing.
    #[test]
    fn a_bill_by_hand() {
        let input = include_str!("../../../../tests/fixtures/cur-costs.csv");
        let rows = summarize(&Context::default(), input.as_bytes()).unwrap();
        let m5 = json!({
            "instance_type": "m5.large", "region": "us-east-1", "os": "Linux",
            "hours": 34.0, "cost_usd": 2.4, "covered_share": 0.705_882,
            "effective_usd_per_hour": 0.070_588, "on_demand_usd_per_hour": 0.096,
            "alternative": "m6g.large", "alternative_pricing": "on-demand",
            "alternative_cost_usd": 2.618,
        });
        let c5 = json!({
            "instance_type": "c5.large", "region": "us-east-1", "os": "Linux",
            "hours": 15.0, "cost_usd": 0.78, "covered_share": 1.0,
            "effective_usd_per_hour": 0.052, "on_demand_usd_per_hour": 0.085,
            "alternative": "c6g.large", "alternative_pricing": "on-demand",
            "alternative_cost_usd": 1.02,
        });
        let rows: Vec<serde_json::Value> =
            rows.into_iter().map(serde_json::Value::Object).collect();
        assert_eq!(rows, [m5, c5]);
    }

    /// The same bill as Parquet (the fixture's numbers as doubles) gives the same rows.
    #[test]
    fn a_parquet_report_gives_the_same_bill() {
        use std::sync::Arc;

        use arrow_csv::reader::Format;
        use parquet::arrow::ArrowWriter;

        let ctx = Context::default();
        for text in [
            include_str!("../../../../tests/fixtures/cur-costs.csv"),
            include_str!("../../../../tests/fixtures/cur-commitments.csv"),
            include_str!("../../../../tests/fixtures/focus/focus-1.2-costs.csv"),
        ] {
            let format = Format::default().with_header(true);
            let (schema, _) = format.infer_schema(text.as_bytes(), None).unwrap();
            let reader = arrow_csv::ReaderBuilder::new(Arc::new(schema))
                .with_format(format)
                .build(text.as_bytes())
                .unwrap();
            let path =
                std::env::temp_dir().join(format!("ec2type-bill-{}.parquet", std::process::id()));
            let file = std::fs::File::create(&path).unwrap();
            let mut writer = ArrowWriter::try_new(file, reader.schema(), None).unwrap();
            for batch in reader {
                writer.write(&batch.unwrap()).unwrap();
            }
            writer.close().unwrap();
            let parquet = super::summarize_parquet(&ctx, &path);
            std::fs::remove_file(&path).unwrap();
            assert_eq!(parquet.unwrap(), summarize(&ctx, text.as_bytes()).unwrap());
        }
    }

    /// A report that names its commitments: each group's alternative is priced under
    /// the commitment most of its hours ran under, with the rates of AWS's Savings Plans
    /// file (the fixture's: m6g.large $0.061 under a 1-year no-upfront Compute Savings
    /// Plan in eu-west-1), and unpriced where the data has no rate for it.
    #[test]
    fn alternatives_are_priced_under_the_commitment_the_hours_ran_under() {
        use ec2_instance_type::catalogue::Catalogue;

        use crate::context::Prices;

        let input = include_str!("../../../../tests/fixtures/cur-commitments.csv");
        let plans = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../tests/fixtures/price-list/savings-plans-eu-west-1.csv"
        );
        let mut catalogue = Catalogue::bundled().clone();
        catalogue.apply_file(plans).unwrap();
        let ctx = Context::new(Some(catalogue), Prices::default());
        let rows = summarize(&ctx, input.as_bytes()).unwrap();
        let fields = |row: &serde_json::Map<String, serde_json::Value>| {
            let text = |name: &str| row[name].as_str().map(str::to_owned);
            (
                text("instance_type"),
                text("alternative"),
                text("alternative_pricing"),
                row["alternative_cost_usd"].as_f64(),
                row["covered_share"].as_f64(),
            )
        };
        let some = |s: &str| Some(s.to_owned());
        let got: Vec<_> = rows.iter().map(fields).collect();
        assert_eq!(
            got,
            [
                (
                    some("m5.large"),
                    some("m6g.large"),
                    some("sp-compute-1yr-no-upfront"),
                    Some(7.32),
                    Some(0.833_333)
                ),
                (
                    some("c5.large"),
                    None,
                    some("ri-convertible-3yr-all-upfront"),
                    None,
                    Some(1.0)
                ),
            ]
        );
        // --pricing asked for wins over what the hours ran under.
        let prices = Prices {
            pricing: Some(ec2_instance_type::catalogue::Pricing::OnDemand),
            ..Prices::default()
        };
        let rows = summarize(&Context::new(None, prices), input.as_bytes()).unwrap();
        assert!(rows.iter().all(|r| r["alternative_pricing"] == "on-demand"));
    }

    /// A FOCUS 1.2 export of the same lines (its charge columns saying how each was
    /// paid) gives the same bill.
    #[test]
    fn a_focus_export_gives_the_same_bill() {
        let ctx = Context::default();
        let focus = include_str!("../../../../tests/fixtures/focus/focus-1.2-costs.csv");
        let cur2 = include_str!("../../../../tests/fixtures/cur-costs.csv");
        assert_eq!(
            summarize(&ctx, focus.as_bytes()).unwrap(),
            summarize(&ctx, cur2.as_bytes()).unwrap()
        );
    }

    /// The legacy CUR's names give the same bill.
    #[test]
    fn a_legacy_report_gives_the_same_bill() {
        let ctx = Context::default();
        let legacy = include_str!("../../../../tests/fixtures/cur-legacy-costs.csv");
        let cur2 = include_str!("../../../../tests/fixtures/cur-costs.csv");
        assert_eq!(
            summarize(&ctx, legacy.as_bytes()).unwrap(),
            summarize(&ctx, cur2.as_bytes()).unwrap()
        );
    }

    #[test]
    fn a_report_without_costs_is_refused() {
        let input = "line_item_usage_type\nBoxUsage:m5.large\n";
        let err = summarize(&Context::default(), input.as_bytes()).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("no line item type and usage amount columns"),
            "{err}"
        );
    }
}
