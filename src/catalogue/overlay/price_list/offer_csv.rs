//! The offer file of AWS's Price List as CSV (`index.csv` of a region: five metadata
//! lines, a header, then one row per SKU and price), streamed record by record.

use std::io::Read;

use super::super::report::{Applied, DataFormat};
use super::{Offer, Taken, Verdict, judge};
use crate::catalogue::data_error::{DataError, DataErrorKind};

/// The columns of the file that the rules read; `None` for optional ones.
struct Columns {
    term: usize,
    family: usize,
    unit: usize,
    capacity: usize,
    software: usize,
    license: Option<usize>,
    market: Option<usize>,
    currency: usize,
    price: usize,
    name: usize,
    region_code: Option<usize>,
    location: usize,
    location_type: Option<usize>,
    os: usize,
    tenancy: usize,
}

impl Columns {
    /// Finds the columns by name (their order changes between publications).
    fn of(header: &csv::ByteRecord) -> Result<Self, String> {
        let find = |name: &str| header.iter().position(|h| h == name.as_bytes());
        let need =
            |name: &str| find(name).ok_or_else(|| format!("no column \"{name}\" in the header"));
        Ok(Self {
            term: need("TermType")?,
            family: need("Product Family")?,
            unit: need("Unit")?,
            capacity: need("CapacityStatus")?,
            software: need("Pre Installed S/W")?,
            license: find("License Model"),
            market: find("MarketOption"),
            currency: need("Currency")?,
            price: need("PricePerUnit")?,
            name: need("Instance Type")?,
            // Files of before 2022 have no region code: the location names the region.
            region_code: find("Region Code"),
            location: need("Location")?,
            location_type: find("Location Type"),
            os: need("Operating System")?,
            tenancy: need("Tenancy")?,
        })
    }
}

/// The five lines before the header, each with the value it must hold where one is
/// required.
const PREAMBLE: [(&str, Option<&str>); 5] = [
    ("FormatVersion", None),
    ("Disclaimer", None),
    ("Publication Date", None),
    ("Version", None),
    ("OfferCode", Some("AmazonEC2")),
];

/// The prices of an offer file as CSV, streamed.
pub(super) fn read(input: impl Read) -> Result<(Vec<Taken>, Applied), DataError> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .buffer_capacity(1 << 16)
        .from_reader(input);
    let mut record = csv::ByteRecord::new();
    let at = |line: u64, kind, message: String| {
        DataError::new(kind, message).at(usize::try_from(line).unwrap_or(usize::MAX), None)
    };
    let read = |reader: &mut csv::Reader<_>, record: &mut csv::ByteRecord| {
        reader.read_byte_record(record).map_err(|e| {
            let line = e.position().map_or(0, csv::Position::line);
            at(
                line,
                DataErrorKind::UnexpectedShape,
                format!("not CSV: {e}"),
            )
        })
    };
    let mut report = Applied::new(DataFormat::OfferFileCsv, 0);
    for (i, (key, value)) in PREAMBLE.iter().enumerate() {
        let line = i as u64 + 1;
        if !read(&mut reader, &mut record)? || record.get(0) != Some(key.as_bytes()) {
            return Err(at(
                line,
                DataErrorKind::UnexpectedShape,
                format!("expected \"{key}\" on line {line} of an AWS Price List offer file"),
            ));
        }
        let found = record.get(1).and_then(|d| std::str::from_utf8(d).ok());
        if let Some(value) = value.filter(|v| found != Some(*v)) {
            return Err(at(
                line,
                DataErrorKind::UnexpectedShape,
                format!(
                    "the offer file of {}, expected {value}",
                    found.unwrap_or_default()
                ),
            ));
        }
        if *key == "Publication Date" {
            report.published = found.map(str::to_owned);
        }
    }
    if !read(&mut reader, &mut record)? {
        return Err(at(
            6,
            DataErrorKind::UnexpectedShape,
            "no header".to_owned(),
        ));
    }
    let columns = Columns::of(&record).map_err(|m| at(6, DataErrorKind::MissingField, m))?;
    let mut taken = Vec::new();
    while read(&mut reader, &mut record)? {
        // Most rows are Reserved terms: the cheapest test first.
        if record.get(columns.term) != Some(b"OnDemand".as_slice()) {
            continue;
        }
        let line = record.position().map_or(0, csv::Position::line);
        let field = |i: usize| {
            std::str::from_utf8(record.get(i).unwrap_or_default())
                .map_err(|_| at(line, DataErrorKind::InvalidValue, "not UTF-8".to_owned()))
        };
        let optional = |i: Option<usize>| i.map(field).transpose();
        let offer = Offer {
            term: field(columns.term)?,
            family: field(columns.family)?,
            unit: field(columns.unit)?,
            capacity: field(columns.capacity)?,
            software: field(columns.software)?,
            license: optional(columns.license)?,
            market: optional(columns.market)?,
            currency: field(columns.currency)?,
            price: field(columns.price)?,
            name: field(columns.name)?,
            region_code: optional(columns.region_code)?,
            location: field(columns.location)?,
            location_type: optional(columns.location_type)?.unwrap_or_default(),
            os: field(columns.os)?,
            tenancy: field(columns.tenancy)?,
        };
        match judge(&offer).map_err(|(kind, message)| at(line, kind, message))? {
            Verdict::Take(price) => taken.push(price),
            Verdict::UnknownRegion => report.unknown_places += 1,
            Verdict::NotAPrice => {}
        }
    }
    Ok((taken, report))
}
