//! Renders the generated Rust tables from `data/*.csv`: `src/catalogue/table.rs` (rows,
//! specs, the perfect-hash index), `src/catalogue/texts.rs` (snapshot constants, texts,
//! names, spot rows), `src/region_codes.rs` and `src/usage/billing_codes.rs`. They hold
//! names and facts only: nothing of the parser's inner layout, so the parser can change
//! without the tables changing.
//!
//! Its test renders the tables again from `data/` and fails when the checked-in ones are
//! stale (`cargo test -p xtask`, which CI runs).

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;

use ec2_instance_type::InstanceType;

use ec2_instance_type::catalogue::{Architecture, DiskType, Interruption, generator};

use crate::csv_line;

/// The command that regenerates the table; named in the table's header and in test failures.
pub const REFRESH: &str = "cargo run -p xtask -- table";

/// Writes `src/catalogue/texts.rs` and `table.rs` under `root` from the CSV files in `root/data`.
#[allow(dead_code)]
pub fn write_table(root: &Path) -> Result<(), String> {
    let read = |p: &str| std::fs::read_to_string(root.join(p)).map_err(|e| format!("{p}: {e}"));
    let table = render(&Data {
        instance_types: &read("data/instance-types.csv")?,
        regions: &read("data/regions.csv")?,
        spot: &read("data/spot.csv")?,
        snapshot: &read("data/snapshot.csv")?,
        billing_codes: &read("data/billing-codes.csv")?,
        operations: &read("data/operations.csv")?,
        global_usage_types: &read("data/global-usage-types.csv")?,
    })?;
    std::fs::write(root.join("src/usage/billing_codes.rs"), table.billing_codes)
        .map_err(|e| e.to_string())?;
    std::fs::write(root.join("src/billing/tables.rs"), table.usage_tables)
        .map_err(|e| e.to_string())?;
    std::fs::write(root.join("src/region_codes.rs"), table.region_codes)
        .map_err(|e| e.to_string())?;
    std::fs::write(root.join("src/catalogue/texts.rs"), table.texts).map_err(|e| e.to_string())?;
    std::fs::write(root.join("src/catalogue/table.rs"), table.table).map_err(|e| e.to_string())
}

struct Row<'a> {
    columns: &'a HashMap<String, usize>,
    fields: Vec<String>,
}

/// The distinct texts of the table (manufacturers, models, labels, regions), each
/// stored once; entries refer to them by index, which keeps pointers (and the
/// relocations every pointer costs in a position-independent binary) out of the table.
#[derive(Default)]
struct Labels(std::collections::BTreeMap<String, u16>);

impl Labels {
    /// Registers every text first, so indices follow sorted order.
    fn add(&mut self, text: &str) {
        self.0.entry(text.to_owned()).or_insert(0);
    }

    fn number(&mut self) {
        for (i, index) in self.0.values_mut().enumerate() {
            *index = i as u16;
        }
    }

    fn label(&self, text: &str) -> String {
        format!("Label({})", self.0.get(text).copied().unwrap_or(u16::MAX))
    }
}

/// The columns whose texts become labels.
const LABEL_COLUMNS: &[&str] = &[
    "specs_source",
    "processor_manufacturer",
    "gpu_manufacturer",
    "gpu_model",
    "accelerator_manufacturer",
    "accelerator_model",
    "network_performance",
    "ena",
    "hypervisor",
    "price_region",
];

impl Row<'_> {
    fn get(&self, column: &str) -> &str {
        self.columns
            .get(column)
            .and_then(|i| self.fields.get(*i))
            .map_or("", String::as_str)
    }

    fn float(&self, column: &str) -> Result<String, String> {
        let v = self.get(column);
        let f: f64 = v
            .parse()
            .map_err(|_| format!("{}: {column}: not a number: {v:?}", self.get("name")))?;
        if !f.is_finite() || f < 0.0 {
            return Err(format!(
                "{}: {column}: negative or not finite: {v:?}",
                self.get("name")
            ));
        }
        Ok(format!("{f:?}"))
    }

    fn label(&self, labels: &Labels, column: &str) -> String {
        labels.label(self.get(column))
    }
}

/// The `Specs` literal of a row, or `None` for a row without specs: the library's reader
/// of the columns (the one owned catalogues use) and its writer of the literal.
fn specs(row: &Row<'_>, labels: &Labels) -> Result<Option<String>, String> {
    if row.get("has_specs") != "true" {
        return Ok(None);
    }
    // Owned catalogues skip a value this version does not know; the bundled table must
    // not lose one.
    let name = row.get("name");
    for arch in row.get("architectures").split_whitespace() {
        if arch.parse::<Architecture>().is_err() {
            return Err(format!("{name}: unknown architecture {arch:?}"));
        }
    }
    let disk_type = row.get("storage_type");
    if !disk_type.is_empty() && disk_type.parse::<DiskType>().is_err() {
        return Err(format!("{name}: unknown disk type {disk_type:?}"));
    }
    let spec_row = generator::SpecRow::read(|column| {
        let i = row.columns.get(column)?;
        row.fields.get(*i).map(String::as_str)
    })
    .map_err(|e| format!("{name}: {e}"))?;
    generator::specs_literal(&spec_row, row.get("specs_source"), |text| {
        labels.0.get(text).copied()
    })
    .map(Some)
    .map_err(|e| format!("{name}: {e}"))
}

fn on_demand(row: &Row<'_>, labels: &Labels) -> Result<String, String> {
    if row.get("on_demand_usd_per_hour").is_empty() {
        return Ok("None".to_owned());
    }
    let price = row.float("on_demand_usd_per_hour")?;
    if price == "0.0" {
        return Err(format!("{}: zero price", row.get("name")));
    }
    let tenancy = match row.get("price_tenancy") {
        "shared" => "Shared",
        "dedicated" => "Dedicated",
        other => return Err(format!("{}: unknown tenancy {other:?}", row.get("name"))),
    };
    Ok(format!(
        "Some(OnDemandPrice {{ usd_per_hour: {price}, region: {}, tenancy: Tenancy::{tenancy}, source: None, os: None }})",
        row.label(labels, "price_region"),
    ))
}

/// The interruption band of an advisor label (`<5%`), as the library names them.
fn band(label: &str) -> Result<Interruption, String> {
    label
        .parse()
        .map_err(|_| format!("unknown interruption band {label:?}"))
}

/// The band's variant name in the generated source (`Under5`).
fn band_variant(label: &str) -> Result<String, String> {
    band(label).map(|band| format!("{band:?}"))
}

/// The band's index, as `Interruption::known()` orders them (the library reads it back).
fn band_index(label: &str) -> Result<u8, String> {
    let band = band(label)?;
    Interruption::known()
        .position(|b| b == band)
        .map(|i| i as u8)
        .ok_or_else(|| format!("interruption band {label:?} not in Interruption::known()"))
}

/// One spot advisor row: savings and band of a type in a region.
struct SpotRow<'a> {
    name: &'a str,
    region: &'a str,
    savings: i8,
    band: &'a str,
}

fn spot_rows(spot_csv: &str) -> Result<Vec<SpotRow<'_>>, String> {
    let mut rows = Vec::new();
    for line in spot_csv.lines().skip(1) {
        let fields: Vec<&str> = line.splitn(4, ',').collect();
        let [name, region, savings, band] = fields.as_slice() else {
            return Err(format!("data/spot.csv: bad line {line:?}"));
        };
        let savings = savings
            .parse()
            .map_err(|_| format!("data/spot.csv: bad savings {line:?}"))?;
        rows.push(SpotRow {
            name,
            region,
            savings,
            band,
        });
    }
    Ok(rows)
}

/// A perfect hash over `names`, built by the crate's own builder (the same the owned
/// catalogues use): seed, pilots, slots and name words.
fn perfect_hash(names: &[&str]) -> Result<generator::PerfectHash, String> {
    generator::perfect_hash(names).ok_or_else(|| "no perfect hash found".to_owned())
}

/// The elements of an array literal, `per_line` to a line.
fn array<T: std::fmt::Display>(values: &[T], per_line: usize) -> String {
    let mut out = String::new();
    for chunk in values.chunks(per_line) {
        let line: Vec<String> = chunk.iter().map(T::to_string).collect();
        let _ = writeln!(out, "    {},", line.join(", "));
    }
    out
}

/// The text of `src/catalogue/table.rs` for the given CSV files.
pub fn render(data: &Data<'_>) -> Result<Rendered, String> {
    let csv = data.instance_types;
    let snapshot_csv = data.snapshot;
    // Every region code: (code, partition, description, offering data, spot data).
    let mut region_rows: Vec<[String; 5]> = Vec::new();
    for line in data.regions.lines().skip(1) {
        let fields = csv_line::fields(line);
        let Ok(row) = <[String; 5]>::try_from(fields) else {
            return Err(format!("data/regions.csv: expected 5 fields: {line:?}"));
        };
        region_rows.push(row);
    }
    let regions: Vec<&str> = region_rows.iter().map(|r| r[0].as_str()).collect();
    if regions.len() > 64 {
        return Err("more than 64 regions do not fit the region bit set".into());
    }
    let mask_of = |column: usize| -> u64 {
        region_rows
            .iter()
            .enumerate()
            .filter(|(_, r)| r[column] == "true")
            .fold(0, |mask, (i, _)| mask | 1 << i)
    };
    let (offering_mask, spot_mask) = (mask_of(3), mask_of(4));
    let priced_mask = |rows_csv: &str| -> u64 {
        let mut lines = rows_csv.lines();
        let header = csv_line::fields(lines.next().unwrap_or_default());
        let Some(column) = header.iter().position(|c| c == "price_region") else {
            return 0;
        };
        let mut mask = 0u64;
        for line in lines {
            let fields = csv_line::fields(line);
            if let Some(i) = fields
                .get(column)
                .and_then(|r| regions.iter().position(|c| c == r))
            {
                mask |= 1 << i;
            }
        }
        mask
    };
    let priced = priced_mask(csv);
    let spot = spot_rows(data.spot)?;
    let mut lines = csv.lines();
    let header = csv_line::fields(lines.next().ok_or("empty CSV")?);
    let columns: HashMap<String, usize> = header
        .into_iter()
        .enumerate()
        .map(|(i, c)| (c, i))
        .collect();
    let rows: Vec<Row<'_>> = lines
        .map(|line| Row {
            columns: &columns,
            fields: csv_line::fields(line),
        })
        .collect();

    let mut labels = Labels::default();
    for row in &rows {
        for column in LABEL_COLUMNS {
            labels.add(row.get(column));
        }
    }
    labels.number();

    let mut names: Vec<&str> = Vec::new();
    let mut types: Vec<InstanceType> = Vec::new();
    let mut entries = String::new();
    let mut specs_table = String::new();
    let mut specs_count = 0usize;
    for row in &rows {
        let name = row.get("name");
        let it = InstanceType::parse(name).map_err(|e| format!("{name}: {e}"))?;
        if names.last().is_some_and(|last| *last >= name) {
            return Err(format!("{name}: names must be sorted and unique"));
        }
        let mut mask = 0u64;
        for region in row.get("regions").split_whitespace() {
            let i = regions
                .iter()
                .position(|r| *r == region)
                .ok_or_else(|| format!("{name}: unknown region {region}"))?;
            mask |= 1 << i;
        }
        let offered = if mask == 0 {
            "None".to_owned()
        } else {
            format!("Some(Regions({mask:#x}))")
        };
        let spot_here = spot
            .iter()
            .find(|r| r.name == name && r.region == "us-east-1")
            .map_or(Ok("None".to_owned()), |r| {
                band_variant(r.band).map(|band| {
                    format!(
                        "Some(SpotHint {{ savings_percent: {}, interruption: Interruption::{band} }})",
                        r.savings
                    )
                })
            })?;
        let specs_index = match specs(row, &labels)? {
            Some(literal) => {
                let _ = writeln!(specs_table, "    {literal},");
                specs_count += 1;
                (specs_count - 1).to_string()
            }
            None => "NO_SPECS".to_owned(),
        };
        let _ = writeln!(
            entries,
            "    Row {{ specs: {specs_index}, regions: {offered}, on_demand: {}, spot: {spot_here} }},",
            on_demand(row, &labels)?,
        );
        names.push(name);
        types.push(it);
    }
    if names.len() > usize::from(u16::MAX) {
        return Err("more entries than a u16 index holds".into());
    }

    let generator::PerfectHash {
        seed,
        pilots,
        slots,
        words,
    } = perfect_hash(&names)?;
    // Length and index apart, as `hash::unpack` reads them.
    let slot_literals: Vec<String> = slots
        .iter()
        .map(|s| format!("0x{:04X}_{:04X}", s >> 16, s & 0xFFFF))
        .collect();
    // Family text (byte order, for the lookup's binary search), then size.
    let mut by_family: Vec<u16> = (0..types.len() as u16).collect();
    by_family.sort_by_key(|i| {
        let it = &types[usize::from(*i)];
        (it.family().to_owned(), it.size())
    });
    // Each entry's place in name order (`InstanceType`'s generation-aware `Ord`).
    let mut in_name_order: Vec<u16> = (0..types.len() as u16).collect();
    in_name_order.sort_by(|a, b| types[usize::from(*a)].cmp(&types[usize::from(*b)]));
    let mut name_rank = vec![0u16; types.len()];
    for (rank, index) in in_name_order.iter().enumerate() {
        name_rank[usize::from(*index)] = rank as u16;
    }
    let text: String = names.concat();
    let mut starts: Vec<u32> = Vec::with_capacity(names.len() + 1);
    let mut at = 0usize;
    for name in &names {
        starts.push(u32::try_from(at).map_err(|_| "names text over 4 GiB")?);
        at += name.len();
    }
    starts.push(u32::try_from(at).map_err(|_| "names text over 4 GiB")?);
    let label_texts: Vec<&str> = labels.0.keys().map(String::as_str).collect();

    // The advisor's rows by entry: entry i's are SPOT_ROWS[SPOT_STARTS[i]..SPOT_STARTS[i + 1]].
    let mut spot_starts: Vec<u16> = Vec::with_capacity(names.len() + 1);
    let mut spot_cells: Vec<String> = Vec::new();
    let mut spot_iter = spot.iter().peekable();
    for name in &names {
        spot_starts.push(u16::try_from(spot_cells.len()).map_err(|_| "over 65535 spot rows")?);
        while let Some(row) = spot_iter.next_if(|r| r.name <= *name) {
            if row.name != *name {
                return Err(format!(
                    "data/spot.csv: {} is not a catalogue name",
                    row.name
                ));
            }
            let region = regions
                .iter()
                .position(|r| *r == row.region)
                .ok_or_else(|| format!("data/spot.csv: unknown region {}", row.region))?;
            spot_cells.push(format!(
                "({region}, {}, {})",
                row.savings,
                band_index(row.band)?
            ));
        }
    }
    if let Some(row) = spot_iter.next() {
        return Err(format!(
            "data/spot.csv: {} is not a catalogue name or out of order",
            row.name
        ));
    }
    spot_starts.push(u16::try_from(spot_cells.len()).map_err(|_| "over 65535 spot rows")?);

    let mut region_codes = String::new();
    let _ = writeln!(
        region_codes,
        "// @generated by `{REFRESH}` from data/regions.csv.\n// Do not edit: change data/ (see data/README.md) and regenerate.\n"
    );
    let _ = writeln!(
        region_codes,
        "/// Every region code the sources list: `(code, partition, description)`. A region's\n/// index here is its bit in the catalogue's region sets."
    );
    let _ = writeln!(
        region_codes,
        "pub(crate) static REGION_CODES: [(&str, &str, &str); {}] = [",
        region_rows.len()
    );
    for [code, partition, description, _, _] in &region_rows {
        let _ = writeln!(
            region_codes,
            "    ({code:?}, {partition:?}, {description:?}),"
        );
    }
    region_codes.push_str("];\n");

    let header = |out: &mut String| {
        let _ = writeln!(
            out,
            "// @generated by `{REFRESH}` from data/instance-types.csv, data/regions.csv and data/snapshot.csv."
        );
        out.push_str("// Do not edit: change data/ (see data/README.md) and regenerate.\n\n");
        out.push_str("#![allow(clippy::all, clippy::pedantic)]\n\n");
    };
    let mut texts = String::new();
    header(&mut texts);
    let out = &mut texts;
    for line in snapshot_csv.lines().skip(1) {
        let fields = csv_line::fields(line);
        let [constant, covers, file, source] = fields.as_slice() else {
            return Err(format!("data/snapshot.csv: expected 4 fields: {line:?}"));
        };
        let _ = writeln!(
            out,
            "/// The snapshot of the catalogue's {covers}: `{file}` of the sources.\npub const {constant}: &str = {source:?};\n",
        );
    }
    let _ = writeln!(
        out,
        "/// The regions (bits of `REGION_CODES`) the offering data covers.\npub(crate) const OFFERING_REGIONS: u64 = {offering_mask:#x};\n"
    );
    let _ = writeln!(
        out,
        "/// The regions (bits of `REGION_CODES`) the spot advisor data covers.\npub(crate) const SPOT_REGIONS: u64 = {spot_mask:#x};\n"
    );
    let _ = writeln!(
        out,
        "/// The regions (bits of `REGION_CODES`) of the on-demand prices.\npub(crate) const PRICED_REGIONS: u64 = {priced:#x};\n"
    );
    let _ = writeln!(
        out,
        "/// Where each entry's spot rows start in [`SPOT_ROWS`], and where the last ends."
    );
    let _ = writeln!(
        out,
        "pub(crate) static SPOT_STARTS: [u16; {}] = [\n{}];\n",
        spot_starts.len(),
        array(&spot_starts, 20)
    );
    let _ = writeln!(
        out,
        "/// Spot advisor rows (Linux): (region bit, savings percent, interruption band index)."
    );
    let _ = writeln!(
        out,
        "pub(crate) static SPOT_ROWS: [(u8, i8, u8); {}] = [",
        spot_cells.len()
    );
    for chunk in spot_cells.chunks(12) {
        let _ = writeln!(out, "    {},", chunk.join(", "));
    }
    out.push_str("];\n\n");
    let _ = writeln!(
        out,
        "/// The texts entries refer to by `Label`: manufacturers, models, network labels, regions."
    );
    let _ = writeln!(
        out,
        "pub(crate) static LABELS: [&str; {}] = {label_texts:?};\n",
        label_texts.len()
    );
    let _ = writeln!(
        out,
        "/// Every name, one after another, in entry order: name `i` is `NAMES_TEXT[NAME_STARTS[i]..NAME_STARTS[i + 1]]`."
    );
    let _ = writeln!(out, "pub(crate) static NAMES_TEXT: &str = {text:?};\n");
    let _ = writeln!(
        out,
        "/// Where each name starts in [`NAMES_TEXT`], and where the last ends."
    );
    let _ = writeln!(
        out,
        "pub(crate) static NAME_STARTS: [u32; {}] = [\n{}];\n",
        starts.len(),
        array(&starts, 20)
    );
    let mut table = String::new();
    header(&mut table);
    table.push_str("use super::stored::*;\nuse super::Regions;\n\n");
    let out = &mut table;
    let _ = writeln!(
        out,
        "/// The specs of the rows that have them; a row refers to them by index."
    );
    let _ = writeln!(
        out,
        "pub(crate) static SPECS: [Specs; {specs_count}] = [\n{specs_table}];\n"
    );
    let _ = writeln!(
        out,
        "/// Every entry's row, sorted by name; the entry's index is the position here."
    );
    let _ = writeln!(
        out,
        "pub(crate) static ROWS: [Row; {}] = [\n{entries}];\n",
        names.len()
    );
    let _ = writeln!(out, "/// Seed of the perfect hash over the names.");
    let _ = writeln!(out, "pub(crate) const SEED: u64 = {seed};\n");
    let _ = writeln!(out, "/// The pilot of each bucket of the perfect hash.");
    let _ = writeln!(
        out,
        "pub(crate) static PILOTS: [u16; {}] = [\n{}];\n",
        pilots.len(),
        array(&pilots, 20)
    );
    let _ = writeln!(
        out,
        "/// Each slot of the perfect hash: name length, then entry index, packed as\n\
         /// `hash::unpack` reads them (`u32::MAX`: empty)."
    );
    let _ = writeln!(
        out,
        "pub(crate) static SLOTS: [u32; {}] = [\n{}];\n",
        slots.len(),
        array(&slot_literals, 10)
    );
    let _ = writeln!(
        out,
        "/// Each entry's name as the lookup compares it: its first and last eight bytes\n\
         /// (`hash::name_words`)."
    );
    let name_words: Vec<String> = words
        .iter()
        .map(|[first, last]| format!("[{first:#018X}, {last:#018X}]"))
        .collect();
    let _ = writeln!(
        out,
        "pub(crate) static NAME_WORDS: [[u64; 2]; {}] = [\n{}];\n",
        names.len(),
        array(&name_words, 3)
    );
    let _ = writeln!(
        texts,
        "/// The place of each entry in name order (generation-aware, as `InstanceType`'s `Ord`)."
    );
    let _ = writeln!(
        texts,
        "pub(crate) static NAME_RANK: [u16; {}] = [\n{}];\n",
        name_rank.len(),
        array(&name_rank, 20)
    );
    let _ = writeln!(out, "/// Entry indices ordered by family text, then size.");
    let _ = write!(
        out,
        "pub(crate) static BY_FAMILY: [u16; {}] = [\n{}];\n",
        by_family.len(),
        array(&by_family, 20)
    );
    let mut billing_codes = String::new();
    let _ = writeln!(
        billing_codes,
        "// @generated by `{REFRESH}` from data/billing-codes.csv.\n// Do not edit: change data/ (see data/README.md) and regenerate.\n"
    );
    let mut codes: Vec<(&str, &str)> = Vec::new();
    for line in data.billing_codes.lines().skip(1) {
        let (code, region) = line
            .split_once(',')
            .ok_or_else(|| format!("data/billing-codes.csv: bad line {line:?}"))?;
        if !regions.contains(&region) {
            return Err(format!("data/billing-codes.csv: unknown region {region}"));
        }
        codes.push((code, region));
    }
    if codes.windows(2).any(|w| w[0].0 >= w[1].0) {
        return Err("data/billing-codes.csv: codes must be sorted and unique".into());
    }
    // Shorter codes first, then by text: the order of the lookup's packed keys.
    codes.sort_by_key(|(code, _)| (code.len(), *code));
    let _ = writeln!(
        billing_codes,
        "/// Every billing code and its region code (AWS's \"AWS Region billing codes\" page),\n/// sorted by length, then text: the order of the lookup's packed keys."
    );
    let _ = writeln!(
        billing_codes,
        "pub(crate) static BILLING_CODES: [(&str, &str); {}] = [",
        codes.len()
    );
    for (code, region) in &codes {
        let _ = writeln!(billing_codes, "    ({code:?}, {region:?}),");
    }
    billing_codes.push_str("];\n");

    Ok(Rendered {
        region_codes,
        billing_codes,
        usage_tables: usage_tables(data)?,
        texts,
        table,
    })
}

/// The files under `data/` the tables are made from.
pub struct Data<'a> {
    /// `data/instance-types.csv`.
    pub instance_types: &'a str,
    /// `data/regions.csv`.
    pub regions: &'a str,
    /// `data/spot.csv`.
    pub spot: &'a str,
    /// `data/snapshot.csv`.
    pub snapshot: &'a str,
    /// `data/billing-codes.csv`.
    pub billing_codes: &'a str,
    /// `data/operations.csv`.
    pub operations: &'a str,
    /// `data/global-usage-types.csv`.
    pub global_usage_types: &'a str,
}

/// `src/billing/tables.rs`: the platforms of EC2's usage operations and the usage
/// types AWS bills globally, each table checked (sorted, unique, every cell there).
fn usage_tables(data: &Data<'_>) -> Result<String, String> {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "// @generated by `{REFRESH}` from data/operations.csv and data/global-usage-types.csv.\n// Do not edit: change data/ (see data/README.md) and regenerate.\n\nuse super::Platform;\n"
    );
    let rows = |file: &str, text: &str, width: usize| -> Result<Vec<Vec<String>>, String> {
        let mut rows = Vec::new();
        for line in text.lines().skip(1).filter(|l| !l.is_empty()) {
            let record = csv_line::fields(line);
            if record.len() != width {
                return Err(format!(
                    "{file}: {} fields, expected {width}: {line:?}",
                    record.len()
                ));
            }
            rows.push(record);
        }
        if rows.windows(2).any(|w| w[0][..2] >= w[1][..2]) {
            return Err(format!(
                "{file}: rows must be sorted by their first two columns and unique"
            ));
        }
        Ok(rows)
    };
    let platforms = rows("data/operations.csv", data.operations, 5)?;
    let _ = writeln!(
        out,
        "/// The platform of each `RunInstances` code (EC2 User Guide, \"AMI billing information\n/// fields\"), with the Price List's names; sorted by code.\npub(crate) static PLATFORMS: [Platform; {}] = [",
        platforms.len()
    );
    for p in &platforms {
        let _ = writeln!(
            out,
            "    Platform {{ code: {:?}, name: {:?}, os: {:?}, license_model: {:?}, preinstalled_software: {:?} }},",
            p[0], p[1], p[2], p[3], p[4]
        );
    }
    out.push_str("];\n\n");
    let global = rows("data/global-usage-types.csv", data.global_usage_types, 3)?;
    let _ = writeln!(
        out,
        "/// The usage types AWS bills globally, as (product code, usage type or `*` for every\n/// unprefixed usage type of the product); sorted.\npub(crate) static GLOBAL_USAGE_TYPES: [(&str, &str); {}] = [",
        global.len()
    );
    for g in &global {
        let _ = writeln!(out, "    ({:?}, {:?}),", g[0], g[1]);
    }
    out.push_str("];\n");
    Ok(out)
}

/// The generated files: the region codes (value types), the catalogue's texts (no types),
/// and its table of entries over them.
pub struct Rendered {
    /// `src/region_codes.rs`: every region code with partition and description.
    pub region_codes: String,
    /// `src/usage/billing_codes.rs`: the billing codes of usage types.
    pub billing_codes: String,
    /// `src/billing/tables.rs`: operations' platforms, global usage types.
    pub usage_tables: String,
    /// `src/catalogue/texts.rs`: snapshot constants, region codes, labels and names.
    pub texts: String,
    /// `src/catalogue/table.rs`: the entries and the indexes over them.
    pub table: String,
}

#[cfg(test)]
mod tests {
    use super::{Data, REFRESH, render};

    /// The checked-in tables must be what the generator makes of `data/` today.
    #[test]
    fn compiled_table_matches_data() {
        let expected = render(&Data {
            instance_types: include_str!("../../data/instance-types.csv"),
            regions: include_str!("../../data/regions.csv"),
            spot: include_str!("../../data/spot.csv"),
            snapshot: include_str!("../../data/snapshot.csv"),
            billing_codes: include_str!("../../data/billing-codes.csv"),
            operations: include_str!("../../data/operations.csv"),
            global_usage_types: include_str!("../../data/global-usage-types.csv"),
        })
        .unwrap_or_else(|e| panic!("data/ does not render: {e}"));
        for (file, expected, actual) in [
            (
                "src/usage/billing_codes.rs",
                expected.billing_codes,
                include_str!("../../src/usage/billing_codes.rs"),
            ),
            (
                "src/billing/tables.rs",
                expected.usage_tables,
                include_str!("../../src/billing/tables.rs"),
            ),
            (
                "src/region_codes.rs",
                expected.region_codes,
                include_str!("../../src/region_codes.rs"),
            ),
            (
                "src/catalogue/table.rs",
                expected.table,
                include_str!("../../src/catalogue/table.rs"),
            ),
            (
                "src/catalogue/texts.rs",
                expected.texts,
                include_str!("../../src/catalogue/texts.rs"),
            ),
        ] {
            assert!(
                expected == actual,
                "{file} is stale: data/ changed without regenerating it. Run `{}`.",
                REFRESH
            );
        }
    }
}
