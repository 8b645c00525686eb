//! A price CSV of the user's own: `region,instance_type,usd_per_hour` and optionally
//! `tenancy` and `os`, in any order, read with the csv crate (a byte-order mark, quoted
//! fields and spaces around values are fine).

use std::io::Read;

use super::report::{Applied, DataFormat};
use crate::catalogue::data_error::{DataError, DataErrorKind, MAX_INPUT};
use crate::catalogue::store::Catalogue;
use crate::catalogue::stored::OnDemandPrice;
use crate::catalogue::strings::Intern;
use crate::catalogue::values::{Tenancy, same_os};
use crate::{InstanceType, Region};

/// The header this reader takes, in words.
const EXPECTED: &str = "region,instance_type,usd_per_hour (and optionally tenancy, os)";

/// Where each column is.
struct Columns {
    region: usize,
    name: usize,
    price: usize,
    tenancy: Option<usize>,
    os: Option<usize>,
}

impl Columns {
    /// Finds the columns by name; an unknown or missing one is refused, naming it.
    fn of(header: &csv::StringRecord) -> Result<Self, String> {
        const NAMES: [&str; 5] = ["region", "instance_type", "usd_per_hour", "tenancy", "os"];
        let mut found: [Option<usize>; 5] = [None; 5];
        for (i, name) in header.iter().enumerate() {
            let name = name.trim_start_matches('\u{feff}').trim();
            let Some(at) = NAMES.iter().position(|n| n.eq_ignore_ascii_case(name)) else {
                return Err(format!("unknown column \"{name}\": expected {EXPECTED}"));
            };
            if found[at].replace(i).is_some() {
                return Err(format!("column \"{name}\" twice"));
            }
        }
        let need = |at: usize| {
            found[at].ok_or_else(|| format!("no column \"{}\": expected {EXPECTED}", NAMES[at]))
        };
        Ok(Self {
            region: need(0)?,
            name: need(1)?,
            price: need(2)?,
            tenancy: found[3],
            os: found[4],
        })
    }
}

#[cfg_attr(docsrs, doc(cfg(feature = "overlay")))]
impl Catalogue {
    /// Applies a price CSV: a header naming the columns `region`, `instance_type`,
    /// `usd_per_hour` and optionally `tenancy` (`shared`, `dedicated` or `host`; shared
    /// by default) and `os` (as the Price List names it: `Linux`, `Windows`, `RHEL`, ...;
    /// Linux by default), in any order, then one on-demand price a line. It adds prices
    /// for any known region, replacing what the catalogue had for that type, region, OS
    /// and tenancy. A type the catalogue lacks is added. [`Applied::records`] says how
    /// many prices were read. `source` names the data (a file name) in
    /// [`OnDemandPrice::source`](crate::catalogue::OnDemandPrice::source).
    ///
    /// ```
    /// use ec2_instance_type::{Region, catalogue::{Catalogue, Tenancy}};
    ///
    /// let csv = "\u{feff}region, instance_type, usd_per_hour, os\n\"eu-west-1\",m5.large,0.199,Windows\n";
    /// let mut catalogue = Catalogue::bundled().clone();
    /// assert_eq!(catalogue.apply_prices_csv(csv.as_bytes(), "prices.csv")?.records, 1);
    /// let ireland = Region::parse("eu-west-1")?;
    /// let m5 = catalogue.get("m5.large").unwrap();
    /// let price = m5.on_demand_for(ireland, "windows", Tenancy::Shared).unwrap();
    /// assert_eq!((price.usd_per_hour, price.os), (0.199, "Windows"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// Input over 256 MiB, a header with an unknown, missing or repeated column, a line
    /// with too few or too many fields, a malformed or unknown region, a name that does
    /// not parse, a price that is not a positive number, an unknown tenancy; each with
    /// its line number. Nothing is applied then.
    pub fn apply_prices_csv(
        &mut self,
        input: impl Read,
        source: &str,
    ) -> Result<Applied, DataError> {
        self.prices_csv(input, source)
            .map_err(|e| e.in_source(source))
    }

    pub(super) fn prices_csv(
        &mut self,
        input: impl Read,
        source: &str,
    ) -> Result<Applied, DataError> {
        let mut texts = self.texts.clone();
        let too_many = || DataError::new(DataErrorKind::TooMany, "too many distinct texts");
        let source_label = texts.intern(source).ok_or_else(too_many)?;
        let mut reader = csv::ReaderBuilder::new()
            .trim(csv::Trim::All)
            .from_reader(input.take(MAX_INPUT as u64 + 1));
        let line_of = |e: &csv::Error| {
            e.position()
                .map_or(1, |p| usize::try_from(p.line()).unwrap_or(usize::MAX))
        };
        let shape = |e: csv::Error| {
            let kind = if matches!(e.kind(), csv::ErrorKind::Io(_)) {
                DataErrorKind::Unreadable
            } else {
                DataErrorKind::UnexpectedShape
            };
            let message = match e.kind() {
                csv::ErrorKind::UnequalLengths {
                    expected_len, len, ..
                } => format!("expected {expected_len} fields, found {len}"),
                csv::ErrorKind::Utf8 { .. } => "not UTF-8".to_owned(),
                other => format!("not CSV: {other:?}"),
            };
            DataError::new(kind, message).at(line_of(&e), None)
        };
        let header = reader.headers().map_err(shape)?.clone();
        let columns = Columns::of(&header)
            .map_err(|m| DataError::new(DataErrorKind::UnexpectedShape, m).at(1, None))?;
        let mut prices: Vec<(String, Region, OnDemandPrice)> = Vec::new();
        let mut record = csv::StringRecord::new();
        while reader.read_record(&mut record).map_err(shape)? {
            let line = record
                .position()
                .map_or(0, |p| usize::try_from(p.line()).unwrap_or(usize::MAX));
            if reader.position().byte() > MAX_INPUT as u64 {
                return Err(DataError::new(
                    DataErrorKind::TooLarge,
                    format!("more than {MAX_INPUT} bytes: over the limit (read no further)"),
                ));
            }
            let here = |kind, message: String| DataError::new(kind, message).at(line, None);
            let field = |i: usize| record.get(i).unwrap_or_default();
            let region = Region::parse_known(field(columns.region))
                .map_err(|e| here(DataErrorKind::UnknownRegion, e.to_string()))?;
            let name = field(columns.name);
            InstanceType::parse(name)
                .map_err(|e| here(DataErrorKind::InvalidName, format!("\"{name}\": {e}")))?;
            let price = field(columns.price);
            let usd = price
                .parse::<f64>()
                .ok()
                .filter(|p| p.is_finite() && *p > 0.0)
                .ok_or_else(|| {
                    here(
                        DataErrorKind::InvalidValue,
                        format!("price \"{price}\" is not a positive number"),
                    )
                })?;
            let tenancy = match columns.tenancy.map(field).filter(|t| !t.is_empty()) {
                None => Tenancy::Shared,
                Some(text) => text.parse().map_err(|e: crate::ParseError| {
                    here(DataErrorKind::InvalidValue, e.to_string())
                })?,
            };
            let os = match columns.os.map(field).filter(|os| !same_os(os, "Linux")) {
                None | Some("") => None,
                Some(os) => Some(texts.intern(os).ok_or_else(too_many)?),
            };
            let region_label = texts.intern(region.as_str()).ok_or_else(too_many)?;
            prices.push((
                name.to_owned(),
                region,
                OnDemandPrice {
                    usd_per_hour: usd,
                    region: region_label,
                    tenancy,
                    source: Some(source_label),
                    os,
                },
            ));
        }
        let count = prices.len();
        self.set_prices(prices, texts)?;
        Ok(Applied::new(DataFormat::PricesCsv, count))
    }
}
