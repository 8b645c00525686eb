//! The set of regions that offer an instance type.

use std::fmt;

use crate::Region;

/// A set of known regions (one bit per region code this crate knows); iterate it for the
/// regions.
///
/// ```
/// use ec2_instance_type::{catalogue, Region};
///
/// let regions = catalogue::get("m5.xlarge").unwrap().regions().unwrap();
/// assert!(regions.contains(Region::parse("eu-west-1")?));
/// assert!(regions.iter().any(|r| r == Region::us_east_1()));
/// # Ok::<(), ec2_instance_type::ParseError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Regions(pub(crate) u64);

impl Regions {
    /// Whether the set holds `region`.
    #[must_use]
    pub fn contains(&self, region: Region) -> bool {
        region
            .index()
            .is_some_and(|i| i < 64 && self.0 & (1 << i) != 0)
    }

    /// The regions, in botocore's order.
    pub fn iter(&self) -> impl Iterator<Item = Region> + '_ {
        (0..64)
            .filter(|i| self.0 & (1u64 << i) != 0)
            .filter_map(Region::at)
    }

    /// How many regions.
    #[must_use]
    pub fn len(&self) -> usize {
        self.0.count_ones() as usize
    }

    /// Whether the set is empty.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0 == 0
    }
}

impl fmt::Debug for Regions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set()
            .entries(self.iter().map(|r| r.as_str().to_owned()))
            .finish()
    }
}
