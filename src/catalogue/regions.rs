//! The set of regions that offer an instance type.

use std::fmt;

use super::texts::REGIONS;

/// The regions, of the ones in the catalogue's sources, that offer an instance type.
///
/// A compact set (one bit per region); iterate it for the region codes.
///
/// ```
/// # #[cfg(feature = "catalogue")] {
/// let entry = ec2_instance_type::catalogue::get("m5.xlarge").unwrap();
/// assert!(entry.regions.contains("eu-west-1"));
/// assert!(entry.regions.iter().any(|r| r == "us-east-1"));
/// # }
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Regions(pub(crate) u32);

impl Regions {
    /// Whether the region (such as `"eu-west-1"`) offers the type.
    #[must_use]
    pub fn contains(&self, region: &str) -> bool {
        Regions::of(region).is_some_and(|one| self.0 & one.0 != 0)
    }

    /// The set holding just `region`, or `None` for a region the sources do not cover.
    #[must_use]
    pub fn of(region: &str) -> Option<Regions> {
        REGIONS
            .iter()
            .position(|r| *r == region)
            .map(|i| Regions(1 << i))
    }

    /// Whether the two sets share a region.
    #[must_use]
    pub fn intersects(&self, other: Regions) -> bool {
        self.0 & other.0 != 0
    }

    /// The region codes, in alphabetical order.
    pub fn iter(&self) -> impl Iterator<Item = &'static str> + '_ {
        super::bits::members(self.0, REGIONS.iter().copied())
    }

    /// How many regions offer the type.
    #[must_use]
    pub fn len(&self) -> usize {
        self.0.count_ones() as usize
    }

    /// Whether no region in the sources offers the type.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0 == 0
    }

    /// Every region the catalogue's sources cover, in alphabetical order.
    #[must_use]
    pub fn all() -> &'static [&'static str] {
        &REGIONS
    }
}

impl fmt::Debug for Regions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}
