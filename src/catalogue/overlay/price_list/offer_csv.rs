//! The offer file of AWS's Price List as CSV (`index.csv` of a region: five metadata
//! lines, a header, then one row per SKU and price), streamed record by record.

use std::io::Read;

use super::super::report::DataFormat;
use super::reserved::TermAttributes;
use super::{Header, Offer, Taking};
use crate::catalogue::data_error::{DataError, DataErrorKind};

/// The columns of the file that the rules read; `None` for optional ones.
struct Columns {
    sku: usize,
    term_code: usize,
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
    lease: Option<usize>,
    purchase: Option<usize>,
    class: Option<usize>,
}

impl Columns {
    /// Finds the columns by name (their order changes between publications).
    fn of(header: &csv::ByteRecord) -> Result<Self, String> {
        let header = Header(header);
        Ok(Self {
            sku: header.need("SKU")?,
            term_code: header.need("OfferTermCode")?,
            term: header.need("TermType")?,
            family: header.need("Product Family")?,
            unit: header.need("Unit")?,
            capacity: header.need("CapacityStatus")?,
            software: header.need("Pre Installed S/W")?,
            license: header.find("License Model"),
            market: header.find("MarketOption"),
            currency: header.need("Currency")?,
            price: header.need("PricePerUnit")?,
            name: header.need("Instance Type")?,
            // Files of before 2022 have no region code: the location names the region.
            region_code: header.find("Region Code"),
            location: header.need("Location")?,
            location_type: header.find("Location Type"),
            os: header.need("Operating System")?,
            tenancy: header.need("Tenancy")?,
            lease: header.find("LeaseContractLength"),
            purchase: header.find("PurchaseOption"),
            class: header.find("OfferingClass"),
        })
    }
}

/// The five lines before the header.
const PREAMBLE: [&str; 5] = [
    "FormatVersion",
    "Disclaimer",
    "Publication Date",
    "Version",
    "OfferCode",
];

/// An error of the file at `line`.
fn at(line: u64, kind: DataErrorKind, message: String) -> DataError {
    DataError::new(kind, message).at(usize::try_from(line).unwrap_or(usize::MAX), None)
}

/// The next record of a price list CSV; `false` at the end.
pub(super) fn next_record<R: Read>(
    reader: &mut csv::Reader<R>,
    record: &mut csv::ByteRecord,
) -> Result<bool, DataError> {
    reader.read_byte_record(record).map_err(|e| {
        let line = e.position().map_or(0, csv::Position::line);
        at(
            line,
            DataErrorKind::UnexpectedShape,
            format!("not CSV: {e}"),
        )
    })
}

/// A price list CSV's reader, over `input`.
pub(super) fn csv_reader<R: Read>(input: R) -> csv::Reader<R> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .buffer_capacity(1 << 16)
        .from_reader(input)
}

/// Reads the five lines before the header of a price list CSV (the offer file's and the
/// Savings Plans file's alike) and the header into `record`; the publication date. The
/// `OfferCode` must be one of `offer_codes`.
pub(super) fn preamble<R: Read>(
    reader: &mut csv::Reader<R>,
    record: &mut csv::ByteRecord,
    offer_codes: &[&str],
) -> Result<Option<String>, DataError> {
    let mut published = None;
    for (i, key) in PREAMBLE.iter().enumerate() {
        let line = i as u64 + 1;
        if !next_record(reader, record)? || record.get(0) != Some(key.as_bytes()) {
            return Err(at(
                line,
                DataErrorKind::UnexpectedShape,
                format!("expected \"{key}\" on line {line} of an AWS Price List file"),
            ));
        }
        let found = record.get(1).and_then(|d| std::str::from_utf8(d).ok());
        if *key == "OfferCode" && !offer_codes.iter().any(|c| found == Some(*c)) {
            return Err(at(
                line,
                DataErrorKind::UnexpectedShape,
                format!(
                    "the price list of {}, expected {}",
                    found.unwrap_or_default(),
                    offer_codes.join(" or ")
                ),
            ));
        }
        if *key == "Publication Date" {
            published = found.map(str::to_owned);
        }
    }
    if !next_record(reader, record)? {
        return Err(at(
            6,
            DataErrorKind::UnexpectedShape,
            "no header".to_owned(),
        ));
    }
    Ok(published)
}

/// The prices of an offer file as CSV, streamed.
pub(super) fn read(input: impl Read) -> Result<Taking, DataError> {
    let mut reader = csv_reader(input);
    let mut record = csv::ByteRecord::new();
    let mut taking = Taking::new(DataFormat::OfferFileCsv);
    taking.report.published = preamble(&mut reader, &mut record, &["AmazonEC2"])?;
    let columns = Columns::of(&record).map_err(|m| at(6, DataErrorKind::MissingField, m))?;
    while next_record(&mut reader, &mut record)? {
        let term = record.get(columns.term);
        let reserved = term == Some(b"Reserved".as_slice());
        if !reserved && term != Some(b"OnDemand".as_slice()) {
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
        let here = |(kind, message)| at(line, kind, message);
        if reserved {
            let needed = |i: Option<usize>, name: &str| {
                i.ok_or_else(|| {
                    at(
                        6,
                        DataErrorKind::MissingField,
                        format!("no column \"{name}\" in the header, which Reserved terms need"),
                    )
                })
                .and_then(field)
            };
            let attributes = TermAttributes {
                lease: needed(columns.lease, "LeaseContractLength")?,
                purchase: needed(columns.purchase, "PurchaseOption")?,
                class: needed(columns.class, "OfferingClass")?,
            };
            let key = format!("{}.{}", field(columns.sku)?, field(columns.term_code)?);
            taking
                .reserved
                .add(&key, &offer, &attributes)
                .map_err(here)?;
        } else {
            taking.on_demand(&offer).map_err(here)?;
        }
    }
    Ok(taking)
}
