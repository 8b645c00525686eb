//! `UsageWarning`: what a usage type that decoded does not say for sure.

use std::fmt;

/// Something a decoded usage type leaves open, which a reader of the bill should see
/// beside it: it decoded, but not everything about it is known.
///
/// ```
/// use ec2_instance_type::usage::{UsageType, UsageWarning};
///
/// let usage = UsageType::parse("XYZ9-SpotUsage:c5.large")?;
/// assert_eq!(usage.warning(), Some(UsageWarning::UnknownBillingCode("XYZ9")));
/// assert_eq!(usage.warning().unwrap().to_string(), "unknown billing code 'XYZ9'");
/// assert_eq!(usage.region(), None);
/// assert_eq!(usage.ec2_instance_type().unwrap().as_str(), "c5.large");
/// # Ok::<(), ec2_instance_type::usage::UsageTypeError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum UsageWarning<'a> {
    /// The prefix has the shape of a billing code (`XYZ9`, a Local Zone's `LAX1`) but is
    /// not one this version knows: the region is unknown, not us-east-1.
    UnknownBillingCode(&'a str),
    /// The prefix `EU` is eu-west-1 for EC2 and the Europe edge zone for CloudFront, and
    /// neither the kind nor a product code says which.
    AmbiguousLocation(&'a str),
}

impl fmt::Display for UsageWarning<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UsageWarning::UnknownBillingCode(code) => write!(f, "unknown billing code '{code}'"),
            UsageWarning::AmbiguousLocation(code) => write!(
                f,
                "'{code}' is a region (eu-west-1) for EC2 and an edge zone for CloudFront: give the product code"
            ),
        }
    }
}
