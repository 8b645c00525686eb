//! The Savings Plans file of a region as CSV (`.../AWSComputeSavingsPlan/VERSION/REGION/
//! index.csv`): the five metadata lines of every price list CSV, a header, then one row
//! per rate, streamed record by record.

use std::io::Read;

use super::super::report::DataFormat;
use super::offer_csv::{csv_reader, next_record, preamble};
use super::savings_plans::SavingsPlanRate;
use super::{Header, Taking};
use crate::catalogue::data_error::{DataError, DataErrorKind};

/// The `OfferCode` of the file (its URL says `AWSComputeSavingsPlan`; the file itself
/// `AmazonComputeSavingsPlan`).
pub(super) const OFFER_CODES: [&str; 2] = ["AmazonComputeSavingsPlan", "AWSComputeSavingsPlan"];

/// The columns the rules read.
struct Columns {
    family: usize,
    purchase: usize,
    lease: usize,
    lease_unit: usize,
    service: usize,
    usage_type: usize,
    operation: usize,
    unit: usize,
    rate: usize,
    currency: usize,
    region_code: Option<usize>,
    instance_type: Option<usize>,
}

impl Columns {
    /// Finds the columns by name.
    fn of(header: &csv::ByteRecord) -> Result<Self, String> {
        let header = Header(header);
        Ok(Self {
            family: header.need("Product Family")?,
            purchase: header.need("PurchaseOption")?,
            lease: header.need("LeaseContractLength")?,
            lease_unit: header.need("LeaseContractLengthUnit")?,
            service: header.need("DiscountedServiceCode")?,
            usage_type: header.need("DiscountedUsageType")?,
            operation: header.need("DiscountedOperation")?,
            unit: header.need("Unit")?,
            rate: header.need("DiscountedRate")?,
            currency: header.need("Currency")?,
            region_code: header.find("DiscountedRegionCode"),
            instance_type: header.find("DiscountedInstanceType"),
        })
    }
}

/// The rates of a Savings Plans file as CSV, streamed.
pub(super) fn read(input: impl Read) -> Result<Taking, DataError> {
    let mut reader = csv_reader(input);
    let mut record = csv::ByteRecord::new();
    let mut taking = Taking::new(DataFormat::SavingsPlansCsv);
    taking.report.published = preamble(&mut reader, &mut record, &OFFER_CODES)?;
    let columns = Columns::of(&record)
        .map_err(|m| DataError::new(DataErrorKind::MissingField, m).at(6, None))?;
    while next_record(&mut reader, &mut record)? {
        let line = record
            .position()
            .map_or(0, |p| usize::try_from(p.line()).unwrap_or(usize::MAX));
        let here = |(kind, message)| DataError::new(kind, message).at(line, None);
        let field = |i: usize| {
            std::str::from_utf8(record.get(i).unwrap_or_default())
                .map_err(|_| here((DataErrorKind::InvalidValue, "not UTF-8".to_owned())))
        };
        let optional = |i: Option<usize>| i.map_or(Ok(""), field);
        let rate = SavingsPlanRate {
            family: field(columns.family)?,
            purchase: field(columns.purchase)?,
            lease: field(columns.lease)?,
            lease_unit: field(columns.lease_unit)?,
            service: field(columns.service)?,
            usage_type: field(columns.usage_type)?,
            operation: field(columns.operation)?,
            unit: field(columns.unit)?,
            rate: field(columns.rate)?,
            currency: field(columns.currency)?,
            region_code: optional(columns.region_code)?,
            instance_type: optional(columns.instance_type)?,
        };
        rate.take(&mut taking).map_err(here)?;
    }
    Ok(taking)
}
