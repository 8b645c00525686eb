//! What applying the user's data did: one report for every format.

use crate::Region;

/// The formats of data a catalogue reads, each as AWS (or the user) writes it. Returned
/// in [`Applied::format`]; [`Catalogue::apply`](crate::catalogue::Catalogue::apply)
/// recognises them by content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DataFormat {
    /// The JSON of `aws ec2 describe-instance-types`.
    DescribeInstanceTypes,
    /// The JSON of `aws ec2 describe-instance-type-offerings --location-type region`.
    RegionOfferings,
    /// The JSON of `aws ec2 describe-instance-type-offerings --location-type
    /// availability-zone`: it adds to what is known of a region, never replaces it.
    ZoneOfferings,
    /// A price CSV: `region,instance_type,usd_per_hour[,tenancy][,os]`.
    PricesCsv,
    /// An offer file of AWS's Price List as CSV (`index.csv`).
    OfferFileCsv,
    /// An offer file of AWS's Price List as JSON (`index.json`).
    OfferFileJson,
    /// The JSON of `aws pricing get-products`.
    GetProducts,
    /// A Savings Plans file of AWS's Price List as CSV (`AWSComputeSavingsPlan`).
    SavingsPlansCsv,
    /// A Savings Plans file of AWS's Price List as JSON.
    SavingsPlansJson,
}

impl DataFormat {
    /// What the format is, in words (`describe-instance-types JSON`).
    #[must_use]
    pub fn describe(self) -> &'static str {
        match self {
            Self::DescribeInstanceTypes => "describe-instance-types JSON",
            Self::RegionOfferings => "describe-instance-type-offerings JSON (regions)",
            Self::ZoneOfferings => "describe-instance-type-offerings JSON (availability zones)",
            Self::PricesCsv => "price CSV",
            Self::OfferFileCsv => "Price List offer file (CSV)",
            Self::OfferFileJson => "Price List offer file (JSON)",
            Self::GetProducts => "pricing get-products JSON",
            Self::SavingsPlansCsv => "Savings Plans price list (CSV)",
            Self::SavingsPlansJson => "Savings Plans price list (JSON)",
        }
    }
}

/// What applying one input did: its format, how many records it gave, what it changed
/// in each region's offerings, what it left out and when it was published.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Applied {
    /// The format the input was read as.
    pub format: DataFormat,
    /// How many records were taken: instance type records, (type, location) offerings, or
    /// prices.
    pub records: usize,
    /// For offerings, each region the input named, in botocore's order; empty otherwise.
    pub regions: Vec<RegionChange>,
    /// How many commitment rates (Reserved terms, Savings Plans rates) were taken.
    pub commitment_rates: usize,
    /// How many prices and Reserved terms of places this version does not know (Local
    /// Zones, Wavelength) were left out.
    pub unknown_places: usize,
    /// The input's publication date as AWS writes it (`2025-09-12T22:53:08Z`), where it
    /// gives one.
    pub published: Option<String>,
}

impl Applied {
    pub(crate) fn new(format: DataFormat, records: usize) -> Self {
        Self {
            format,
            records,
            commitment_rates: 0,
            regions: Vec::new(),
            unknown_places: 0,
            published: None,
        }
    }
}

/// What an offerings input did to one region's list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct RegionChange {
    /// The region.
    pub region: Region,
    /// How many types the catalogue listed there before; `None` where its offering data
    /// did not cover the region.
    pub before: Option<usize>,
    /// How many types it lists there now.
    pub after: usize,
    /// Whether the input replaced the region's list (a region offerings file), or added
    /// to it (availability zones: a zone's list is not the region's).
    pub replaced: bool,
}
