//! `Scope`: where a cost or an answer applies: a region, an operating system, a tenancy.

use super::commitment::Pricing;
use super::values::Tenancy;
use crate::Region;

/// Where a cost or an answer applies: the region whose offerings an answer keeps to and
/// whose prices it compares, and the operating system and tenancy of those prices. The one
/// way to say where, taken by [`Entry::at`](super::Entry::at) and every answer of
/// [`query`](crate::query); a [`Region`] (or `None`, anywhere) converts into one.
/// Without a region, types offered anywhere and the catalogue's own price region
/// (us-east-1 for the bundled one); without an OS or tenancy, Linux and shared (a bare
/// metal size at the Dedicated rate the bundled data lists, labelled).
///
/// ```
/// use ec2_instance_type::{catalogue, Region};
/// use ec2_instance_type::catalogue::{Scope, Tenancy};
///
/// let ireland = Region::parse("eu-west-1")?;
/// let windows_in_ireland = Scope::region(ireland).os("windows");
/// let dedicated = Scope::anywhere().tenancy(Tenancy::Dedicated);
/// let m5 = catalogue::get("m5.large").unwrap();
/// // A region alone is a scope too.
/// assert_eq!(m5.at(ireland).region(), ireland);
/// assert_eq!(m5.at(windows_in_ireland).scope().os_asked(), Some("windows"));
/// # let _ = dedicated;
/// # Ok::<(), ec2_instance_type::ParseError>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
#[must_use]
pub struct Scope {
    pub(crate) region: Option<Region>,
    pub(crate) os: Option<String>,
    pub(crate) tenancy: Option<Tenancy>,
    pub(crate) pricing: Pricing,
}

impl Scope {
    /// Anywhere: types offered in any region, the catalogue's own price region's Linux
    /// prices (us-east-1's for the bundled one).
    pub fn anywhere() -> Self {
        Self::default()
    }

    /// In `region`: only types known to be offered there, with its prices (never another
    /// region's).
    pub fn region(region: Region) -> Self {
        Self {
            region: Some(region),
            ..Self::default()
        }
    }

    /// Prices of this operating system, as AWS names it, case and spaces aside
    /// (`"windows"`, `"rhel"`, `"ubuntu-pro"`).
    pub fn os(mut self, os: &str) -> Self {
        self.os = Some(os.to_owned());
        self
    }

    /// Prices of this tenancy.
    pub fn tenancy(mut self, tenancy: Tenancy) -> Self {
        self.tenancy = Some(tenancy);
        self
    }

    /// Costs under this pricing (on demand by default): answers rank by it, and
    /// [`EntryAt::usd_per_hour`](super::EntryAt::usd_per_hour) gives it.
    pub fn pricing(mut self, pricing: Pricing) -> Self {
        self.pricing = pricing;
        self
    }

    /// The pricing asked for (on demand unless another was).
    #[must_use]
    pub fn pricing_asked(&self) -> Pricing {
        self.pricing
    }

    /// The region asked for, if any.
    #[must_use]
    pub fn region_asked(&self) -> Option<Region> {
        self.region
    }

    /// The operating system asked for, if any, as given.
    #[must_use]
    pub fn os_asked(&self) -> Option<&str> {
        self.os.as_deref()
    }

    /// The tenancy asked for, if any.
    #[must_use]
    pub fn tenancy_asked(&self) -> Option<Tenancy> {
        self.tenancy
    }
}

impl From<Region> for Scope {
    fn from(region: Region) -> Self {
        Scope::region(region)
    }
}

impl From<Option<Region>> for Scope {
    fn from(region: Option<Region>) -> Self {
        Self {
            region,
            ..Self::default()
        }
    }
}
