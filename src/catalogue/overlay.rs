//! Owned catalogues: the bundled snapshot (or nothing) with the user's own data over it,
//! from the AWS CLI's `describe-instance-types` and `describe-instance-type-offerings`
//! JSON and a price CSV. Each overlay is applied whole or not at all.

use std::borrow::Cow;
use std::fmt;

use serde_json::Value;

use super::entry::{SpotHint, Tenancy};
use super::store::{Catalogue, NO_SPECS, RegionalPrice, Row};
use super::stored::{OnDemandPrice, Specs};
use super::strings::{Intern, Texts};
use super::{Regions, columns, hash, record};
use crate::{InstanceType, Region};

/// The offering source of a catalogue built from nothing.
const NO_OFFERINGS: &str = "no offering data";

/// The largest input an overlay reads: 256 MiB.
pub const MAX_INPUT: usize = 256 << 20;

/// Why an overlay was refused: what is wrong ([`DataError::kind`]), in which input
/// ([`DataError::source_name`], the name it was applied under) and where (line, and
/// column where known: a JSON record's error points at its `"InstanceType"` key). Nothing
/// of the overlay was applied.
///
/// ```
/// use ec2_instance_type::catalogue::{Catalogue, DataErrorKind};
///
/// let mut catalogue = Catalogue::empty();
/// let err = catalogue
///     .apply_prices_csv("region,instance_type,usd_per_hour\neu-west-1,m5.large,cheap\n", "prices.csv")
///     .unwrap_err();
/// assert_eq!(err.kind(), DataErrorKind::InvalidValue);
/// assert_eq!((err.source_name(), err.line()), (Some("prices.csv"), Some(2)));
/// assert_eq!(err.to_string(), "prices.csv: line 2: price \"cheap\" is not a positive number");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct DataError {
    kind: DataErrorKind,
    source_name: Option<String>,
    line: Option<usize>,
    column: Option<usize>,
    message: String,
}

/// What was wrong with an overlay's input. Returned by [`DataError::kind`].
///
/// New kinds may be added in minor releases.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DataErrorKind {
    /// Input over [`MAX_INPUT`] bytes.
    TooLarge,
    /// Text that is not JSON.
    NotJson,
    /// A document or header of another shape than the format's (`{"Reservations": ...}`,
    /// a CSV header that is not `region,instance_type,usd_per_hour[,tenancy]`, a line with
    /// too few or too many fields).
    UnexpectedShape,
    /// A record without a field it needs (`InstanceType`, `Location`, vCPUs, memory).
    MissingField,
    /// An instance type name that does not parse.
    InvalidName,
    /// A value that is not what its field holds (a price that is not a positive number,
    /// an unknown tenancy or `LocationType`, a count that is not a whole number).
    InvalidValue,
    /// A region code that is malformed or not one this version knows.
    UnknownRegion,
    /// More names or distinct texts than the catalogue's tables hold.
    TooMany,
}

impl DataError {
    pub(crate) fn new(kind: DataErrorKind, message: impl Into<String>) -> Self {
        Self {
            kind,
            source_name: None,
            line: None,
            column: None,
            message: message.into(),
        }
    }

    /// The error with the name of the input it came from.
    pub(crate) fn in_source(mut self, source: &str) -> Self {
        self.source_name = Some(source.to_owned());
        self
    }

    /// What was wrong.
    #[must_use]
    pub fn kind(&self) -> DataErrorKind {
        self.kind
    }

    /// The name the input was applied under (the `source` argument: a file name).
    #[must_use]
    pub fn source_name(&self) -> Option<&str> {
        self.source_name.as_deref()
    }

    pub(crate) fn at(mut self, line: usize, column: Option<usize>) -> Self {
        self.line = Some(line);
        self.column = column;
        self
    }

    /// The line of the input (from 1), where known.
    #[must_use]
    pub fn line(&self) -> Option<usize> {
        self.line
    }

    /// The column of the line (from 1), where known.
    #[must_use]
    pub fn column(&self) -> Option<usize> {
        self.column
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(source) = &self.source_name {
            write!(f, "{source}: ")?;
        }
        match (self.line, self.column) {
            (Some(line), Some(column)) => write!(f, "line {line}, column {column}: ")?,
            (Some(line), None) => write!(f, "line {line}: ")?,
            _ => {}
        }
        f.write_str(&self.message)
    }
}

/// What an offerings overlay did.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct OfferingsReport {
    /// The regions whose offering lists were replaced, in botocore's order.
    pub regions: Vec<ReplacedOfferings>,
    /// How many (type, region) offerings were read.
    pub offerings: usize,
}

/// One region's offering list replaced by an overlay.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct ReplacedOfferings {
    /// The region.
    pub region: Region,
    /// How many types the catalogue listed there before; `None` where its offering data
    /// did not cover the region.
    pub before: Option<usize>,
    /// How many types the overlay lists there.
    pub after: usize,
}

/// One entry while a catalogue is rebuilt.
#[derive(Debug, Clone)]
struct Part {
    name: String,
    specs: Option<Specs>,
    regions: Option<Regions>,
    on_demand: Option<OnDemandPrice>,
    spot: Option<SpotHint>,
    spot_rows: Vec<(u8, i8, u8)>,
    prices: Vec<(u8, OnDemandPrice)>,
}

impl Part {
    fn new(name: &str) -> Self {
        Self {
            name: name.to_owned(),
            specs: None,
            regions: None,
            on_demand: None,
            spot: None,
            spot_rows: Vec::new(),
            prices: Vec::new(),
        }
    }
}

/// Checks the input's size before it is read further.
pub(crate) fn check_size(text: &str) -> Result<(), DataError> {
    if text.len() > MAX_INPUT {
        return Err(DataError::new(
            DataErrorKind::TooLarge,
            format!(
                "input of {} bytes is over the limit of {MAX_INPUT} bytes",
                text.len()
            ),
        ));
    }
    Ok(())
}

/// The line and column (from 1) of byte `at` of `text`.
pub(crate) fn line_column(text: &str, at: usize) -> (usize, usize) {
    let before = text.get(..at).unwrap_or(text);
    let line = before.bytes().filter(|b| *b == b'\n').count() + 1;
    let column = before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1;
    (line, column)
}

/// Where each record of the document starting at byte `start` names its type: the byte
/// of every `"InstanceType"` key from there, in order (one a record, in the AWS CLI's
/// output). Errors point there rather than at the document's start.
fn record_keys(text: &str, start: usize) -> Vec<usize> {
    text.get(start..)
        .unwrap_or_default()
        .match_indices("\"InstanceType\"")
        .map(|(at, _)| start + at)
        .collect()
}

/// Every JSON document of `text` (the AWS CLI prints one per page), each with the byte
/// where it starts.
pub(crate) fn documents(text: &str) -> Result<Vec<(usize, Value)>, DataError> {
    let mut stream = serde_json::Deserializer::from_str(text).into_iter::<Value>();
    let mut found = Vec::new();
    loop {
        let start = stream.byte_offset();
        match stream.next() {
            None => break,
            Some(Ok(value)) => found.push((start, value)),
            Some(Err(e)) => {
                return Err(
                    DataError::new(DataErrorKind::NotJson, format!("not JSON: {e}"))
                        .at(e.line(), Some(e.column())),
                );
            }
        }
    }
    if found.is_empty() {
        return Err(DataError::new(DataErrorKind::NotJson, "no JSON document"));
    }
    Ok(found)
}

/// The items of a document: `{"KEY": [...]}` or a bare array.
fn items<'v>(
    text: &str,
    start: usize,
    document: &'v Value,
    key: &str,
) -> Result<&'v [Value], DataError> {
    let list = match document {
        Value::Array(list) => Some(list),
        Value::Object(map) => map.get(key).and_then(Value::as_array),
        _ => None,
    };
    list.map(Vec::as_slice).ok_or_else(|| {
        let (line, column) = line_column(text, start);
        DataError::new(
            DataErrorKind::UnexpectedShape,
            format!("expected {{\"{key}\": [...]}} or a JSON array of records"),
        )
        .at(line, Some(column))
    })
}

#[cfg_attr(docsrs, doc(cfg(feature = "overlay")))]
impl Catalogue {
    /// A catalogue with no entries, to fill from the user's data alone.
    #[must_use]
    pub fn empty() -> Catalogue {
        Catalogue {
            rows: Cow::Owned(Vec::new()),
            specs: Cow::Owned(Vec::new()),
            names_text: Cow::Owned(String::new()),
            name_starts: Cow::Owned(vec![0]),
            seed: 0,
            pilots: Cow::Owned(Vec::new()),
            slots: Cow::Owned(Vec::new()),
            name_words: Cow::Owned(Vec::new()),
            by_family: Cow::Owned(Vec::new()),
            name_rank: Cow::Owned(Vec::new()),
            spot_starts: Cow::Owned(vec![0]),
            spot_rows: Cow::Owned(Vec::new()),
            covered: Regions::default(),
            regional_prices: Cow::Owned(Vec::new()),
            priced: Regions::default(),
            spot_covered: Regions::default(),
            texts: Texts::new(),
            regions_source: Cow::Borrowed(NO_OFFERINGS),
        }
    }

    /// The entries as parts, to change and rebuild.
    fn parts(&self) -> Vec<Part> {
        let mut parts: Vec<Part> = self
            .iter()
            .map(|entry| {
                let index = entry.index as usize;
                let spot_rows = match (self.spot_starts.get(index), self.spot_starts.get(index + 1))
                {
                    (Some(start), Some(end)) => self
                        .spot_rows
                        .get(usize::from(*start)..usize::from(*end))
                        .unwrap_or_default()
                        .to_vec(),
                    _ => Vec::new(),
                };
                let row = self.row(index).copied();
                Part {
                    name: entry.name().to_owned(),
                    specs: self.stored_specs(index).copied(),
                    regions: row.and_then(|r| r.regions),
                    on_demand: row.and_then(|r| r.on_demand),
                    spot: row.and_then(|r| r.spot),
                    spot_rows,
                    prices: Vec::new(),
                }
            })
            .collect();
        for (row, region, price) in self.regional_prices.iter() {
            if let Some(part) = parts.get_mut(*row as usize) {
                part.prices.push((*region, *price));
            }
        }
        parts
    }

    /// Applies the JSON that `aws ec2 describe-instance-types --output json` prints
    /// (`{"InstanceTypes": [...]}`; several pages one after another; or a JSON array of
    /// records): each record replaces the entry of its name's specs, or adds the name.
    /// Returns how many records were read. `source` names the data (a file name) in
    /// [`Specs::source`](super::Specs::source).
    ///
    /// # Errors
    ///
    /// Input over 256 MiB, text that is not JSON (with its line and column), a document
    /// of another shape, a record without `InstanceType`, a name that does not parse, a
    /// record without vCPUs or memory. Nothing is applied then.
    pub fn apply_describe_instance_types(
        &mut self,
        json: &str,
        source: &str,
    ) -> Result<usize, DataError> {
        self.describe_instance_types(json, source)
            .map_err(|e| e.in_source(source))
    }

    fn describe_instance_types(&mut self, json: &str, source: &str) -> Result<usize, DataError> {
        check_size(json)?;
        let mut texts = self.texts.clone();
        let mut records: Vec<(String, Specs)> = Vec::new();
        for_each_record(json, "InstanceTypes", "record", |record, name, here| {
            let mut row = columns::Columns::new();
            record::Record::from_json(record)
                .map_err(|e| here(DataErrorKind::InvalidValue, format!("{name}: {e}")))?
                .spec_columns(&mut row);
            let specs = columns::specs(&row, &mut texts, source)
                .map_err(|(kind, e)| here(kind, format!("{name}: {e}")))?;
            records.push((name.to_owned(), specs));
            Ok(())
        })?;
        let count = records.len();
        let mut parts = Parts::of(self);
        for (name, specs) in records {
            parts.get(&name).specs = Some(specs);
        }
        *self = build(parts.list, self.with_texts(texts))?;
        Ok(count)
    }

    /// Applies the JSON of `aws ec2 describe-instance-type-offerings`: with
    /// `--location-type region` it replaces the offering list of each region it names and
    /// keeps the others; `availability-zone` output folds into its regions. A type the
    /// catalogue lacks is added (without specs). An empty list changes nothing: the report
    /// says so (no regions). `source` names the data (a file name) in
    /// [`Catalogue::regions_source`].
    ///
    /// # Errors
    ///
    /// Input over 256 MiB, text that is not JSON, a document of another shape, an
    /// offering without `InstanceType` or `Location`, `LocationType`
    /// `availability-zone-id` (ask for `--location-type region`) or another unknown one,
    /// a location that is not a known region, a name that does not parse.
    pub fn apply_offerings(
        &mut self,
        json: &str,
        source: &str,
    ) -> Result<OfferingsReport, DataError> {
        self.offerings(json, source)
            .map_err(|e| e.in_source(source))
    }

    fn offerings(&mut self, json: &str, source: &str) -> Result<OfferingsReport, DataError> {
        check_size(json)?;
        let offered = read_offerings(json)?;
        let mut report = OfferingsReport {
            regions: Vec::new(),
            offerings: offered.len(),
        };
        let mut replaced = Regions::default();
        for (_, region) in &offered {
            if let Some(bit) = region.index() {
                replaced.0 |= 1 << bit;
            }
        }
        if replaced.is_empty() {
            return Ok(report);
        }
        let before: Vec<(Region, Option<usize>)> = Region::known()
            .filter(|r| replaced.contains(r))
            .map(|r| (r, self.covered.contains(&r).then(|| self.offered_count(&r))))
            .collect();
        let mut parts = Parts::of(self);
        for part in &mut parts.list {
            if let Some(regions) = &mut part.regions {
                regions.0 &= !replaced.0;
            }
        }
        for (name, region) in &offered {
            let part = parts.get(name);
            let regions = part.regions.get_or_insert_with(Regions::default);
            if let Some(bit) = region.index() {
                regions.0 |= 1 << bit;
            }
        }
        for part in &mut parts.list {
            if part.regions.is_some_and(|r| r.is_empty()) {
                part.regions = None;
            }
        }
        let codes: Vec<&str> = before.iter().map(|(r, _)| r.as_str()).collect();
        let mut base = self.with_texts(self.texts.clone());
        base.covered = Regions(self.covered.0 | replaced.0);
        let replaced_here = format!("{} from {source}", codes.join(" "));
        base.regions_source = Cow::Owned(if self.regions_source == NO_OFFERINGS {
            replaced_here
        } else {
            format!("{}; {replaced_here}", self.regions_source)
        });
        let built = build(parts.list, base)?;
        report.regions = before
            .into_iter()
            .map(|(region, before)| ReplacedOfferings {
                region,
                before,
                after: built.offered_count(&region),
            })
            .collect();
        *self = built;
        Ok(report)
    }

    /// Applies a price CSV `region,instance_type,usd_per_hour[,tenancy]` (a header line,
    /// then one on-demand Linux price a line; tenancy `shared` or `dedicated`, shared by
    /// default): it adds on-demand prices for any known region, replacing what the
    /// catalogue had for that type and region. A type the catalogue lacks is added.
    /// Returns how many prices were read. `source` names the data (a file name) in
    /// [`OnDemandPrice::source`](super::OnDemandPrice::source).
    ///
    /// # Errors
    ///
    /// Input over 256 MiB, a missing or different header, a line with too few or too many
    /// fields, a malformed or unknown region, a name that does not parse, a price that is
    /// not a positive number, an unknown tenancy; each with its line number. Nothing is
    /// applied then.
    pub fn apply_prices_csv(&mut self, csv: &str, source: &str) -> Result<usize, DataError> {
        self.prices_csv(csv, source)
            .map_err(|e| e.in_source(source))
    }

    fn prices_csv(&mut self, csv: &str, source: &str) -> Result<usize, DataError> {
        check_size(csv)?;
        let mut texts = self.texts.clone();
        let source_label = texts
            .intern(source)
            .ok_or_else(|| DataError::new(DataErrorKind::TooMany, "too many distinct texts"))?;
        let mut lines = csv.lines().enumerate();
        let header = lines.next().map(|(_, l)| l.trim_end_matches('\r'));
        let with_tenancy = match header {
            Some("region,instance_type,usd_per_hour") => false,
            Some("region,instance_type,usd_per_hour,tenancy") => true,
            _ => {
                return Err(DataError::new(
                    DataErrorKind::UnexpectedShape,
                    "expected the header region,instance_type,usd_per_hour[,tenancy]",
                )
                .at(1, None));
            }
        };
        let mut prices: Vec<(String, Region, OnDemandPrice)> = Vec::new();
        for (i, line) in lines {
            let line = line.trim_end_matches('\r');
            if line.is_empty() {
                continue;
            }
            let here = |kind, message: String| DataError::new(kind, message).at(i + 1, None);
            let fields: Vec<&str> = line.split(',').collect();
            let expected = if with_tenancy { 4 } else { 3 };
            if fields.len() != expected {
                return Err(here(
                    DataErrorKind::UnexpectedShape,
                    format!("expected {expected} fields, found {}", fields.len()),
                ));
            }
            let region = Region::parse_known(fields[0])
                .map_err(|e| here(DataErrorKind::UnknownRegion, e.to_string()))?;
            InstanceType::parse(fields[1]).map_err(|e| {
                here(
                    DataErrorKind::InvalidName,
                    format!("\"{}\": {e}", fields[1]),
                )
            })?;
            let usd = fields[2]
                .parse::<f64>()
                .ok()
                .filter(|p| p.is_finite() && *p > 0.0)
                .ok_or_else(|| {
                    here(
                        DataErrorKind::InvalidValue,
                        format!("price \"{}\" is not a positive number", fields[2]),
                    )
                })?;
            let tenancy = match fields.get(3) {
                None => Tenancy::Shared,
                Some(text) => text.parse().map_err(|e: crate::ParseError| {
                    here(DataErrorKind::InvalidValue, e.to_string())
                })?,
            };
            let region_label = texts.intern(region.as_str()).ok_or_else(|| {
                here(DataErrorKind::TooMany, "too many distinct texts".to_owned())
            })?;
            prices.push((
                fields[1].to_owned(),
                region,
                OnDemandPrice {
                    usd_per_hour: usd,
                    region: region_label,
                    tenancy,
                    source: Some(source_label),
                    os: None,
                },
            ));
        }
        let count = prices.len();
        self.set_prices(prices, texts)?;
        Ok(count)
    }

    /// Gives each named type its price of the price's region, OS and tenancy, replacing
    /// the one it had for the same three, and rebuilds the catalogue with `texts`.
    pub(crate) fn set_prices(
        &mut self,
        prices: Vec<(String, Region, OnDemandPrice)>,
        texts: Texts,
    ) -> Result<(), DataError> {
        let mut parts = Parts::of(self);
        // Two prices are for the same thing when region, OS (`None` is Linux) and
        // tenancy agree.
        let os_of = |p: &OnDemandPrice| p.os.map_or("Linux", |os| texts.get(os));
        let same = |a: &OnDemandPrice, b: &OnDemandPrice| {
            texts.get(a.region) == texts.get(b.region)
                && os_of(a) == os_of(b)
                && a.tenancy == b.tenancy
        };
        for (name, region, price) in prices {
            let part = parts.get(&name);
            if part.on_demand.is_some_and(|own| same(&own, &price)) {
                part.on_demand = Some(price);
            } else if let Some(bit) = region.index() {
                part.prices.retain(|(_, p)| !same(p, &price));
                part.prices.push((bit as u8, price));
            }
        }
        *self = build(parts.list, self.with_texts(texts))?;
        Ok(())
    }
}

/// The (type, region) pairs of `describe-instance-type-offerings` JSON.
fn read_offerings(json: &str) -> Result<Vec<(String, Region)>, DataError> {
    let mut offered: Vec<(String, Region)> = Vec::new();
    for_each_record(
        json,
        "InstanceTypeOfferings",
        "offering",
        |offer, name, here| {
            let location = offer["Location"]
                .as_str()
                .ok_or_else(|| here(DataErrorKind::MissingField, "no \"Location\"".to_owned()))?;
            let region = match offer["LocationType"].as_str() {
                Some("region") => Region::parse(location).ok(),
                Some("availability-zone") => zone_region(location),
                Some("availability-zone-id") => {
                    return Err(here(
                        DataErrorKind::InvalidValue,
                        "LocationType availability-zone-id names zones by ID, which do not say their region: ask for --location-type region".to_owned(),
                    ));
                }
                Some(other) => {
                    return Err(here(
                        DataErrorKind::InvalidValue,
                        format!(
                            "unknown LocationType \"{other}\", expected \"region\" or \"availability-zone\""
                        ),
                    ));
                }
                None => {
                    return Err(here(
                        DataErrorKind::MissingField,
                        "no \"LocationType\", expected \"region\" or \"availability-zone\""
                            .to_owned(),
                    ));
                }
            };
            let region = region.filter(Region::is_known).ok_or_else(|| {
                here(
                    DataErrorKind::UnknownRegion,
                    format!("\"{location}\" is not in a known region"),
                )
            })?;
            offered.push((name.to_owned(), region));
            Ok(())
        },
    )?;
    Ok(offered)
}

/// Calls `each` with every record of the JSON documents of `json` (`{"KEY": [...]}` or a
/// bare array, one document per page), its instance type name (checked to parse), and a
/// maker of errors that name the record (`noun` and its number) and point at it.
fn for_each_record(
    json: &str,
    key: &str,
    noun: &str,
    mut each: impl FnMut(
        &Value,
        &str,
        &dyn Fn(DataErrorKind, String) -> DataError,
    ) -> Result<(), DataError>,
) -> Result<(), DataError> {
    for (start, document) in documents(json)? {
        let keys = record_keys(json, start);
        for (i, record) in items(json, start, &document, key)?.iter().enumerate() {
            let at = match record.get("InstanceType") {
                Some(_) => keys.get(i).copied().unwrap_or(start),
                None => start,
            };
            // Where the record is, found only for an error: counting lines up to every
            // record would read the text once per record.
            let here = |kind, message: String| {
                let (line, column) = line_column(json, at);
                DataError::new(kind, format!("{noun} {} of the document: {message}", i + 1))
                    .at(line, Some(column))
            };
            let name = record["InstanceType"].as_str().ok_or_else(|| {
                here(
                    DataErrorKind::MissingField,
                    "no \"InstanceType\"".to_owned(),
                )
            })?;
            InstanceType::parse(name)
                .map_err(|e| here(DataErrorKind::InvalidName, format!("\"{name}\": {e}")))?;
            each(record, name, &here)?;
        }
    }
    Ok(())
}

/// The region of an availability zone (`us-east-1a`, `us-west-2-lax-1a`): the longest
/// known region code it starts with.
fn zone_region(zone: &str) -> Option<Region> {
    Region::known()
        .filter(|r| zone.starts_with(r.as_str()))
        .max_by_key(|r| r.as_str().len())
}

/// The parts of a catalogue being changed, found by name.
struct Parts {
    list: Vec<Part>,
    by_name: std::collections::HashMap<String, usize>,
}

impl Parts {
    fn of(catalogue: &Catalogue) -> Self {
        let list = catalogue.parts();
        let by_name = list
            .iter()
            .enumerate()
            .map(|(i, p)| (p.name.clone(), i))
            .collect();
        Self { list, by_name }
    }

    /// The part named `name`, added when missing.
    fn get(&mut self, name: &str) -> &mut Part {
        let at = if let Some(at) = self.by_name.get(name) {
            *at
        } else {
            self.list.push(Part::new(name));
            self.by_name.insert(name.to_owned(), self.list.len() - 1);
            self.list.len() - 1
        };
        &mut self.list[at]
    }
}

impl Catalogue {
    /// How many types the offering data lists in `region`.
    fn offered_count(&self, region: &Region) -> usize {
        self.iter()
            .filter(|e| e.regions().is_some_and(|r| r.contains(region)))
            .count()
    }

    /// An empty catalogue with this one's coverage and sources and `texts`: the base
    /// [`build`] fills.
    fn with_texts(&self, texts: Texts) -> Catalogue {
        let mut base = Catalogue::empty();
        base.covered = self.covered;
        base.spot_covered = self.spot_covered;
        base.regions_source.clone_from(&self.regions_source);
        base.texts = texts;
        base
    }
}

/// `base` (coverage, sources and texts) filled with `parts`: the same tables the
/// generator writes for the bundled one.
fn build(mut parts: Vec<Part>, base: Catalogue) -> Result<Catalogue, DataError> {
    parts.sort_by(|a, b| a.name.cmp(&b.name));
    parts.dedup_by(|a, b| a.name == b.name);
    let types: Vec<InstanceType> = parts
        .iter()
        .map(|p| {
            InstanceType::parse(&p.name).map_err(|e| {
                DataError::new(DataErrorKind::InvalidName, format!("\"{}\": {e}", p.name))
            })
        })
        .collect::<Result<_, _>>()?;
    let names: Vec<&str> = parts.iter().map(|p| p.name.as_str()).collect();
    let hash = hash::build(&names).ok_or_else(|| {
        DataError::new(
            DataErrorKind::TooMany,
            "no perfect hash over the names (over 65,534 of them?)",
        )
    })?;
    let mut names_text = String::new();
    let mut name_starts = Vec::with_capacity(parts.len() + 1);
    let mut specs = Vec::new();
    let mut rows = Vec::with_capacity(parts.len());
    let mut spot_starts = Vec::with_capacity(parts.len() + 1);
    let mut spot_rows = Vec::new();
    let mut regional_prices: Vec<RegionalPrice> = Vec::new();
    let mut priced = Regions::default();
    let too_big = || {
        DataError::new(
            DataErrorKind::TooMany,
            "the catalogue's tables are over their size limits",
        )
    };
    for (i, part) in parts.iter().enumerate() {
        name_starts.push(u32::try_from(names_text.len()).map_err(|_| too_big())?);
        names_text.push_str(&part.name);
        let spec_index = match part.specs {
            Some(s) => {
                specs.push(s);
                u32::try_from(specs.len() - 1).map_err(|_| too_big())?
            }
            None => NO_SPECS,
        };
        rows.push(Row {
            specs: spec_index,
            regions: part.regions,
            on_demand: part.on_demand,
            spot: part.spot,
        });
        spot_starts.push(u16::try_from(spot_rows.len()).map_err(|_| too_big())?);
        spot_rows.extend_from_slice(&part.spot_rows);
        let row = u32::try_from(i).map_err(|_| too_big())?;
        regional_prices.extend(part.prices.iter().map(|(r, p)| (row, *r, *p)));
        for bit in part.prices.iter().map(|(r, _)| *r).chain(
            part.on_demand
                .and_then(|p| Region::parse(base.texts.get(p.region)).ok())
                .and_then(|r| r.index())
                .map(|i| i as u8),
        ) {
            priced.0 |= 1 << bit;
        }
    }
    name_starts.push(u32::try_from(names_text.len()).map_err(|_| too_big())?);
    spot_starts.push(u16::try_from(spot_rows.len()).map_err(|_| too_big())?);
    let index: Vec<u16> = (0..parts.len())
        .map(|i| u16::try_from(i).map_err(|_| too_big()))
        .collect::<Result<_, _>>()?;
    let mut by_family = index.clone();
    by_family.sort_by_key(|i| {
        let it = &types[usize::from(*i)];
        (it.family().to_owned(), it.size())
    });
    let mut in_name_order = index;
    in_name_order.sort_by(|a, b| types[usize::from(*a)].cmp(&types[usize::from(*b)]));
    let mut name_rank = vec![0u16; parts.len()];
    for (rank, i) in in_name_order.iter().enumerate() {
        name_rank[usize::from(*i)] = rank as u16;
    }
    Ok(Catalogue {
        covered: base.covered,
        spot_covered: base.spot_covered,
        texts: base.texts,
        regions_source: base.regions_source,
        rows: Cow::Owned(rows),
        specs: Cow::Owned(specs),
        names_text: Cow::Owned(names_text),
        name_starts: Cow::Owned(name_starts),
        seed: hash.seed,
        pilots: Cow::Owned(hash.pilots),
        slots: Cow::Owned(hash.slots),
        name_words: Cow::Owned(hash.words),
        by_family: Cow::Owned(by_family),
        name_rank: Cow::Owned(name_rank),
        spot_starts: Cow::Owned(spot_starts),
        spot_rows: Cow::Owned(spot_rows),
        regional_prices: Cow::Owned(regional_prices),
        priced,
    })
}
