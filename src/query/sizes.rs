//! Sizes within a family: next size up and down, and normalization-unit arithmetic.

use crate::InstanceType;
use crate::catalogue::{self, Entry};

/// The next larger size of the same family in the catalogue (`m5.xlarge` → `m5.2xlarge`).
///
/// ```
/// use ec2_instance_type::InstanceType;
/// use ec2_instance_type::query::{next_larger, next_smaller};
///
/// let it = InstanceType::parse("m5.xlarge")?;
/// assert_eq!(next_larger(&it).map(|e| e.name()), Some("m5.2xlarge"));
/// assert_eq!(next_smaller(&it).map(|e| e.name()), Some("m5.large"));
/// # Ok::<(), ec2_instance_type::ParseError>(())
/// ```
#[must_use]
pub fn next_larger(of: &InstanceType) -> Option<Entry<'static>> {
    catalogue::family(of.family()).find(|e| e.instance_type().size() > of.size())
}

/// The next smaller size of the same family in the catalogue.
#[must_use]
pub fn next_smaller(of: &InstanceType) -> Option<Entry<'static>> {
    catalogue::family(of.family())
        .rev()
        .find(|e| e.instance_type().size() < of.size())
}

/// How many `unit`s make one `whole`, by reserved-instance normalization factors, within
/// one family (bare `metal` included, through the catalogue). `None` across families or
/// where a factor is unknown.
///
/// ```
/// use ec2_instance_type::InstanceType;
/// use ec2_instance_type::query::units;
///
/// let xlarge = InstanceType::parse("m5.xlarge")?;
/// let metal = InstanceType::parse("m5.metal")?;
/// assert_eq!(units(&metal, &xlarge), Some(24.0));
/// # Ok::<(), ec2_instance_type::ParseError>(())
/// ```
#[must_use]
pub fn units(whole: &InstanceType, unit: &InstanceType) -> Option<f64> {
    if whole.family() != unit.family() {
        return None;
    }
    let whole = whole.catalogue_normalization_factor()?;
    let unit = unit.catalogue_normalization_factor()?;
    (unit > 0.0).then(|| whole / unit)
}
