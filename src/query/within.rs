//! `Within`: where an answer applies: a region, an operating system, a tenancy.

use crate::Region;
use crate::catalogue::Tenancy;

/// Where an answer applies: the region whose offerings it keeps to and whose prices it
/// compares, and the operating system and tenancy of those prices. Without a region,
/// types offered anywhere, us-east-1's prices; without an OS or tenancy, Linux and shared
/// (a bare metal size at the Dedicated rate the bundled data lists, labelled).
///
/// ```
/// use ec2_instance_type::Region;
/// use ec2_instance_type::catalogue::Tenancy;
/// use ec2_instance_type::query::Within;
///
/// let windows_in_ireland = Within::region(Region::parse("eu-west-1")?).os("windows");
/// let dedicated = Within::anywhere().tenancy(Tenancy::Dedicated);
/// # let _ = (windows_in_ireland, dedicated);
/// # Ok::<(), ec2_instance_type::ParseError>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
#[must_use]
pub struct Within {
    pub(crate) region: Option<Region>,
    pub(crate) os: Option<String>,
    pub(crate) tenancy: Option<Tenancy>,
}

impl Within {
    /// Anywhere: types offered in any region, us-east-1's Linux prices.
    pub fn anywhere() -> Self {
        Self::default()
    }

    /// Only types known to be offered in `region`, with its prices where the catalogue
    /// has them (else us-east-1's).
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

    /// The region asked for, if any.
    #[must_use]
    pub fn region_asked(&self) -> Option<&Region> {
        self.region.as_ref()
    }
}

impl From<Region> for Within {
    fn from(region: Region) -> Self {
        Within::region(region)
    }
}

impl From<Option<Region>> for Within {
    fn from(region: Option<Region>) -> Self {
        Self {
            region,
            ..Self::default()
        }
    }
}
