//! Reads the raw sources and writes the catalogue CSV files under `data/`.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::fs;
use std::io::Read;
use std::path::Path;

use serde_json::Value;

/// The CSV's columns before the specs'.
const LEADING: [&str; 3] = ["name", "has_specs", "specs_source"];

/// The CSV's columns after the specs'.
const TRAILING: [&str; 4] = [
    "regions",
    "on_demand_usd_per_hour",
    "price_region",
    "price_tenancy",
];

/// The CSV columns, in order: the specs' are the library's `SpecRow::COLUMNS`, one
/// definition for the reader and the writer. `data/README.md` explains each one.
pub fn columns() -> Vec<&'static str> {
    LEADING
        .into_iter()
        .chain(record::SpecRow::COLUMNS.iter().copied())
        .chain(TRAILING)
        .collect()
}

/// Older snapshots of the spec records, read in this order for names the current one
/// lacks: `(file, the row's specs_source)`. `data/sources/PROVENANCE.md` section 0b.
const OLDER_SPECS: &[(&str, &str)] = &[
    (
        "moto-5.0.0/instance_types.json.gz",
        "moto 5.0.0, 2024-01-27",
    ),
    (
        "moto-4.0.0/instance_types.json.gz",
        "moto 4.0.0, 2022-08-20",
    ),
];

/// The billing codes of usage types (`USW2` in `USW2-BoxUsage:m5.large`), from AWS's
/// "AWS Region billing codes" page (`data/sources/PROVENANCE.md` section 4).
const BILLING_CODES: &str = "aws-billing-codes.csv";

/// Every region code, with partition and description (botocore's endpoints).
const REGION_LIST: &str = "botocore-1.44.8/regions.csv";

type Error = String;

/// The source files read, and the snapshot each stands for: `(constant, file, text,
/// what it gives the catalogue)`.
/// The generator writes them to `data/snapshot.csv`; the table makes them the crate's
/// snapshot constants, so a source and its stated version change together.
pub const SNAPSHOTS: &[(&str, &str, &str, &str)] = &[
    (
        "NAMES_SNAPSHOT",
        "botocore-1.44.8/instance-types.txt",
        "botocore 1.44.8, 2026-11-20",
        "names",
    ),
    (
        "REGIONS_SNAPSHOT",
        "botocore-1.44.8/regions.csv",
        "botocore 1.44.8, 2026-11-20",
        "region codes and descriptions",
    ),
    (
        "SPECS_SNAPSHOT",
        "moto-5.2.5/instance_types.json.gz",
        "moto 5.2.5, 2026-10-27",
        "specs and region offerings",
    ),
    (
        "PRICES_SNAPSHOT",
        "karpenter-provider-aws/on-demand-linux-usd-per-hour.csv",
        "AWS Pricing API via aws/karpenter-provider-aws, 2026-07-20",
        "on-demand prices",
    ),
    (
        "SPOT_SNAPSHOT",
        "spotinfo/spot-advisor-data.json",
        "AWS Spot Instance Advisor via alexei-led/spotinfo, 2025-06-28",
        "spot hints",
    ),
];

/// The file of the snapshot named `constant`.
fn source_file(constant: &str) -> &'static str {
    SNAPSHOTS
        .iter()
        .find(|(c, _, _, _)| *c == constant)
        .map_or("", |(_, file, _, _)| file)
}

fn read(path: &Path) -> Result<Vec<u8>, Error> {
    fs::read(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn read_json(path: &Path) -> Result<Value, Error> {
    let bytes = read(path)?;
    let text = if path.extension().is_some_and(|e| e == "gz") {
        let mut out = String::new();
        flate2::read::GzDecoder::new(&bytes[..])
            .read_to_string(&mut out)
            .map_err(|e| format!("{}: {e}", path.display()))?;
        out
    } else {
        String::from_utf8(bytes).map_err(|e| format!("{}: {e}", path.display()))?
    };
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// Writes `data/instance-types.csv` and `data/regions.csv` from `sources`.
pub fn write_data(sources: &Path, data: &Path) -> Result<(), Error> {
    let names_text = String::from_utf8(read(&sources.join(source_file("NAMES_SNAPSHOT")))?)
        .map_err(|e| e.to_string())?;
    let names: BTreeSet<&str> = names_text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let specs_source = SNAPSHOTS
        .iter()
        .find(|(c, _, _, _)| *c == "SPECS_SNAPSHOT")
        .map_or("", |(_, _, text, _)| text);
    let mut spec_snapshots = vec![(
        read_json(&sources.join(source_file("SPECS_SNAPSHOT")))?,
        specs_source,
    )];
    for (file, source) in OLDER_SPECS {
        spec_snapshots.push((read_json(&sources.join(file))?, source));
    }
    for (snapshot, source) in &spec_snapshots {
        if !snapshot.is_object() {
            return Err(format!("{source}: instance_types.json: not an object"));
        }
    }
    // The record of a name: from the newest snapshot that has one.
    let spec_of = |name: &str| {
        spec_snapshots
            .iter()
            .find_map(|(snapshot, source)| Some((snapshot.get(name)?, *source)))
    };

    // Regions: every code botocore knows, in its order; which have offering and spot data.
    let region_list =
        String::from_utf8(read(&sources.join(REGION_LIST))?).map_err(|e| e.to_string())?;
    let region_dir = sources.join("moto-5.2.5/instance_type_offerings_region");
    let mut region_files: Vec<_> = fs::read_dir(&region_dir)
        .map_err(|e| format!("{}: {e}", region_dir.display()))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    region_files.sort();
    let mut regions: Vec<String> = Vec::new();
    let mut offered: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for path in &region_files {
        let region = path
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_suffix(".json.gz"))
            .ok_or_else(|| format!("{}: unexpected file", path.display()))?
            .to_owned();
        for offer in read_json(path)?
            .as_array()
            .ok_or("offerings: not an array")?
        {
            if let Some(name) = offer["InstanceType"].as_str() {
                offered
                    .entry(name.to_owned())
                    .or_default()
                    .insert(region.clone());
            }
        }
        regions.push(region);
    }

    // On-demand prices: us-east-1 first, GovCloud as a flagged fallback.
    let prices_text = String::from_utf8(read(&sources.join(source_file("PRICES_SNAPSHOT")))?)
        .map_err(|e| e.to_string())?;
    let mut prices: BTreeMap<String, (String, String)> = BTreeMap::new();
    for line in prices_text.lines().skip(1) {
        let mut fields = line.split(',');
        let (Some(region), Some(name), Some(price)) = (fields.next(), fields.next(), fields.next())
        else {
            continue;
        };
        let better = match prices.get(name) {
            None => true,
            Some((have, _)) => {
                have != "us-east-1" && (region == "us-east-1" || region < have.as_str())
            }
        };
        if better {
            prices.insert(name.to_owned(), (region.to_owned(), price.to_owned()));
        }
    }

    let spot = read_json(&sources.join(source_file("SPOT_SNAPSHOT")))?;
    let bands: Vec<String> = spot["ranges"]
        .as_array()
        .ok_or("spot ranges: not an array")?
        .iter()
        .map(|r| r["label"].as_str().unwrap_or_default().to_owned())
        .collect();
    let advisor = spot["spot_advisor"]
        .as_object()
        .ok_or("spot_advisor: not an object")?;
    // One row per region and type: `region,name,savings_percent,interruption`.
    let mut spot_rows: Vec<(String, String, String, String)> = Vec::new();
    for (region, by_os) in advisor {
        let Some(linux) = by_os["Linux"].as_object() else {
            continue;
        };
        for (name, hint) in linux {
            if !names.contains(name.as_str()) {
                continue;
            }
            let band = hint["r"]
                .as_u64()
                .and_then(|i| bands.get(i as usize))
                .cloned()
                .ok_or_else(|| format!("spot {region} {name}: no interruption band"))?;
            spot_rows.push((name.clone(), region.clone(), hint["s"].to_string(), band));
        }
    }
    spot_rows.sort();

    let columns = columns();
    let mut csv = columns.join(",");
    csv.push('\n');
    let (mut with_specs, mut older_specs, mut priced, mut fallback) = (0, 0, 0, 0);
    for name in &names {
        let mut row: BTreeMap<&str, String> = BTreeMap::new();
        row.insert("name", (*name).to_owned());
        let spec = spec_of(name);
        row.insert("has_specs", spec.is_some().to_string());
        if let Some((spec, source)) = spec {
            with_specs += 1;
            if source != specs_source {
                older_specs += 1;
            }
            row.insert("specs_source", source.to_owned());
            let spec_row = record::Record::from_json(spec)
                .map_err(|e| format!("{name}: {e}"))?
                .spec_row()
                .map_err(|(_, e)| format!("{name}: {e}"))?;
            for (column, cell) in record::SpecRow::COLUMNS.iter().zip(spec_row.cells()) {
                row.insert(column, cell);
            }
        }
        let here: Vec<&str> = offered
            .get(*name)
            .map(|r| r.iter().map(String::as_str).collect())
            .unwrap_or_default();
        row.insert("regions", here.join(" "));
        if let Some((region, price)) = prices.get(*name) {
            priced += 1;
            if region != "us-east-1" {
                fallback += 1;
            }
            row.insert("on_demand_usd_per_hour", price.clone());
            row.insert("price_region", region.clone());
            // The price table lists bare metal at Dedicated-tenancy rates (`data/sources/PROVENANCE.md` 1).
            let bare_metal = name
                .split_once('.')
                .is_some_and(|(_, size)| size == "metal" || size.starts_with("metal-"));
            let tenancy = if bare_metal { "dedicated" } else { "shared" };
            row.insert("price_tenancy", tenancy.to_owned());
        }
        let fields: Vec<String> = columns
            .iter()
            .map(|c| csv_field(row.get(c).map_or("", String::as_str)))
            .collect();
        csv.push_str(&fields.join(","));
        csv.push('\n');
    }
    fs::write(data.join("instance-types.csv"), csv).map_err(|e| e.to_string())?;

    let mut region_csv = String::from("region,partition,description,offering_data,spot_data\n");
    let mut listed = 0;
    for line in region_list.lines().skip(1) {
        let mut fields = line.splitn(3, ',');
        let (Some(code), Some(partition), Some(description)) =
            (fields.next(), fields.next(), fields.next())
        else {
            return Err(format!("{REGION_LIST}: bad line {line:?}"));
        };
        let offering = regions.iter().any(|r| r == code);
        let spot = advisor.contains_key(code);
        listed += usize::from(offering);
        let _ = writeln!(
            region_csv,
            "{code},{partition},{},{offering},{spot}",
            csv_field(description)
        );
    }
    if listed != regions.len() {
        return Err(format!(
            "{REGION_LIST} lacks a region of the offering files"
        ));
    }
    fs::write(data.join("regions.csv"), region_csv).map_err(|e| e.to_string())?;

    let billing =
        String::from_utf8(read(&sources.join(BILLING_CODES))?).map_err(|e| e.to_string())?;
    let mut billing_rows: Vec<(String, String)> = Vec::new();
    for line in billing.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let (code, region) = line
            .split_once(',')
            .ok_or_else(|| format!("{BILLING_CODES}: bad line {line:?}"))?;
        if !region_list
            .lines()
            .any(|l| l.split(',').next() == Some(region))
        {
            return Err(format!(
                "{BILLING_CODES}: {region} is not a known region code"
            ));
        }
        billing_rows.push((code.to_owned(), region.to_owned()));
    }
    billing_rows.sort();
    let mut billing_csv = String::from("billing_code,region\n");
    for (code, region) in &billing_rows {
        let _ = writeln!(billing_csv, "{code},{region}");
    }
    fs::write(data.join("billing-codes.csv"), billing_csv).map_err(|e| e.to_string())?;

    let mut spot_csv = String::from("name,region,savings_percent,interruption\n");
    for (name, region, savings, band) in &spot_rows {
        let _ = writeln!(spot_csv, "{name},{region},{savings},{}", csv_field(band));
    }
    fs::write(data.join("spot.csv"), spot_csv).map_err(|e| e.to_string())?;
    let spot_hints = spot_rows.iter().filter(|r| r.1 == "us-east-1").count();

    let mut snapshot_csv = String::from("constant,covers,file,source\n");
    for (constant, file, text, covers) in SNAPSHOTS {
        let _ = writeln!(
            snapshot_csv,
            "{constant},{covers},{file},{}",
            csv_field(text)
        );
    }
    fs::write(data.join("snapshot.csv"), snapshot_csv).map_err(|e| e.to_string())?;

    println!("names:          {}", names.len());
    println!("with specs:     {with_specs} (of which {older_specs} from older snapshots)");
    println!("priced:         {priced} (of which {fallback} from GovCloud, flagged)");
    println!(
        "spot hints:     {} in {} regions ({spot_hints} in us-east-1; Linux)",
        spot_rows.len(),
        advisor.len()
    );
    println!("unpriced:       {}", names.len() - priced);
    println!("regions:        {}", regions.len());
    Ok(())
}

fn csv_field(value: &str) -> String {
    if value.contains([',', '"', '\n']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_owned()
    }
}

use ec2_instance_type::catalogue::generator as record;
