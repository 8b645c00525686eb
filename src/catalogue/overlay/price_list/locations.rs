//! The Price List's location names (`"location": "EU (Ireland)"`) and their region codes,
//! for products that give no `regionCode` (`aws pricing get-products` output and offer
//! files written before AWS added the attribute). Source: `data/sources/PROVENANCE.md`,
//! "Price List location names".

use crate::Region;

/// Each location name as the Price List writes it, with its region code. Older names AWS
/// has used for the same region (`Asia Pacific (Osaka-Local)`, `AWS GovCloud (US)`) are
/// rows of their own.
pub(super) const LOCATIONS: [(&str, &str); 39] = [
    ("Africa (Cape Town)", "af-south-1"),
    ("Asia Pacific (Hong Kong)", "ap-east-1"),
    ("Asia Pacific (Taipei)", "ap-east-2"),
    ("Asia Pacific (Tokyo)", "ap-northeast-1"),
    ("Asia Pacific (Seoul)", "ap-northeast-2"),
    ("Asia Pacific (Osaka)", "ap-northeast-3"),
    ("Asia Pacific (Osaka-Local)", "ap-northeast-3"),
    ("Asia Pacific (Mumbai)", "ap-south-1"),
    ("Asia Pacific (Hyderabad)", "ap-south-2"),
    ("Asia Pacific (Singapore)", "ap-southeast-1"),
    ("Asia Pacific (Sydney)", "ap-southeast-2"),
    ("Asia Pacific (Jakarta)", "ap-southeast-3"),
    ("Asia Pacific (Melbourne)", "ap-southeast-4"),
    ("Asia Pacific (Malaysia)", "ap-southeast-5"),
    ("Asia Pacific (Thailand)", "ap-southeast-7"),
    ("Canada (Central)", "ca-central-1"),
    ("Canada West (Calgary)", "ca-west-1"),
    ("China (Beijing)", "cn-north-1"),
    ("China (Ningxia)", "cn-northwest-1"),
    ("EU (Frankfurt)", "eu-central-1"),
    ("EU (Zurich)", "eu-central-2"),
    ("EU (Stockholm)", "eu-north-1"),
    ("EU (Milan)", "eu-south-1"),
    ("EU (Spain)", "eu-south-2"),
    ("EU (Ireland)", "eu-west-1"),
    ("EU (London)", "eu-west-2"),
    ("EU (Paris)", "eu-west-3"),
    ("Israel (Tel Aviv)", "il-central-1"),
    ("Middle East (UAE)", "me-central-1"),
    ("Middle East (Bahrain)", "me-south-1"),
    ("Mexico (Central)", "mx-central-1"),
    ("South America (Sao Paulo)", "sa-east-1"),
    ("US East (N. Virginia)", "us-east-1"),
    ("US East (Ohio)", "us-east-2"),
    ("US West (N. California)", "us-west-1"),
    ("US West (Oregon)", "us-west-2"),
    ("AWS GovCloud (US-East)", "us-gov-east-1"),
    ("AWS GovCloud (US)", "us-gov-west-1"),
    ("AWS GovCloud (US-West)", "us-gov-west-1"),
];

/// The region of a Price List location name, if the table has it.
pub(super) fn region_of(location: &str) -> Option<Region> {
    LOCATIONS
        .iter()
        .find(|(name, _)| *name == location)
        .and_then(|(_, code)| Region::parse_known(code).ok())
}

#[cfg(test)]
mod tests {
    use super::{LOCATIONS, region_of};

    #[test]
    fn every_location_is_a_known_region() {
        for (name, code) in LOCATIONS {
            assert_eq!(
                region_of(name).map(|r| r.as_str().to_owned()).as_deref(),
                Some(code),
                "{name}"
            );
        }
    }
}
