//! `EdgeZone`: the CloudFront edge-location groups that prefix its usage types.

use crate::keyword::keyword_enum;

keyword_enum! {
    /// A CloudFront edge-location group, as the two-letter prefix of its usage types
    /// writes it (`US-DataTransfer-Out-Bytes`, `JP-Requests-Tier1`). Not a region: the
    /// charge is for viewers served in that part of the world. The codes and what they
    /// cover are from the CloudFront Developer Guide, "Interpreting your AWS bill and the
    /// AWS usage report for CloudFront" (awsdocs/amazon-cloudfront-developer-guide,
    /// `doc_source/billing-and-usage-interpreting.md`).
    ///
    /// `EU` is also EC2's billing code of eu-west-1: a usage type that starts with it needs
    /// its product to be read ([`UsageType::parse_for_product`](super::UsageType::parse_for_product)).
    ///
    /// ```
    /// use ec2_instance_type::usage::{EdgeZone, UsageType};
    ///
    /// let usage = UsageType::parse("JP-DataTransfer-Out-Bytes")?;
    /// assert_eq!(usage.edge_zone(), Some(EdgeZone::Jp));
    /// assert_eq!(usage.region(), None);
    /// assert_eq!(EdgeZone::Jp.name(), "Japan");
    /// # Ok::<(), ec2_instance_type::usage::UsageTypeError>(())
    /// ```
    pub enum EdgeZone("edge zone") {
        /// Hong Kong, Philippines, South Korea, Taiwan and Singapore.
        Ap = "AP",
        /// Australia.
        Au = "AU",
        /// Canada.
        Ca = "CA",
        /// Europe and Israel.
        Eu = "EU",
        /// India.
        In = "IN",
        /// Japan.
        Jp = "JP",
        /// Middle East.
        Me = "ME",
        /// South America.
        Sa = "SA",
        /// United States.
        Us = "US",
        /// South Africa.
        Za = "ZA",
    }
}

impl EdgeZone {
    /// What the group covers, as the CloudFront Developer Guide names it: `"Asia Pacific"`,
    /// `"Europe and Israel"`, `"United States"`, ...
    #[must_use]
    pub fn name(&self) -> &'static str {
        match self {
            EdgeZone::Ap => "Asia Pacific",
            EdgeZone::Au => "Australia",
            EdgeZone::Ca => "Canada",
            EdgeZone::Eu => "Europe and Israel",
            EdgeZone::In => "India",
            EdgeZone::Jp => "Japan",
            EdgeZone::Me => "Middle East",
            EdgeZone::Sa => "South America",
            EdgeZone::Us => "United States",
            EdgeZone::Za => "South Africa",
        }
    }

    /// The group of a two-letter prefix.
    pub(crate) fn of_code(code: &[u8]) -> Option<EdgeZone> {
        Self::known().find(|zone| zone.as_str().as_bytes() == code)
    }
}

/// The product codes (CUR's `line_item_product_code`, FOCUS's `x_ServiceCode`) whose usage
/// types start with an edge-location group rather than a region.
pub(crate) const EDGE_PRODUCTS: &[&str] = &["AmazonCloudFront"];
