//! `UsageType`: a decoded usage type (`USW2-BoxUsage:m5.large`), and its grammar.

use std::fmt;

use super::billing_codes::BILLING_CODES;
use super::edge::{EDGE_PRODUCTS, EdgeZone};
use super::error::{UsageErrorKind, UsageTypeError};
use super::kind::{BillingService, Charge, Detail, Kind, UsageKind};
use super::warning::UsageWarning;
use crate::billing::GLOBAL_USAGE_TYPES;
use crate::region::known_codes;
use crate::{InstanceType, Region, Service, ServiceInstanceType};

/// Where a usage type says it was used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Location {
    /// No prefix: us-east-1.
    None,
    /// A billing code: index into `BILLING_CODES`.
    BillingCode(u8),
    /// `Global-`: free-tier aggregates, no region.
    Global,
    /// No prefix, and a usage type AWS bills globally (`data/global-usage-types.csv`).
    GlobalUsage,
    /// A full region code (`ap-northeast-1-KMS-Keys`): index into the known codes.
    Region(u8),
    /// A CloudFront edge-location group (`US-`, `JP-`; `EU-` with the product's help).
    Edge(EdgeZone),
    /// A prefix shaped like a billing code that is not a known one: its length.
    UnknownCode(u8),
}

/// A byte span of the input.
type Span = (u16, u16);

/// A decoded usage type, as the `line_item_usage_type` and `product_usagetype` columns of
/// Cost and Usage Reports, FOCUS `SkuMeter`/`x_UsageType` and the Price List API's
/// `usagetype` write it: `USW2-BoxUsage:m5.large`, `InstanceUsage:db.m5.4xl`,
/// `APS1-Kafka.m5.large`, `EBS:VolumeUsage.gp3`.
///
/// It borrows the text it was parsed from and prints it back exactly. Decoding allocates
/// nothing.
///
/// # Syntax
///
/// ```text
/// usage_type = [ location "-" ] kind [ ":" detail ]
///            | [ location "-" ] "Kafka." name                  (MSK: no colon)
/// location   = billing code (USW2, EU, APS3, ...) | "Global" | a region code
/// ```
///
/// The leading token is a location when it is a known billing code, `Global`, a region
/// code, a CloudFront edge-location group ([`EdgeZone`]), or shaped like a billing code
/// (capital letters, then a digit: `XYZ9`), which decodes with no region and a
/// [`UsageWarning`]. Otherwise the whole text is the kind, and only then is the region
/// us-east-1. The kind ends at the first `:`; the detail is everything after it. Kinds
/// that meter instances ([`UsageKind`]) must carry a well-formed detail; every other usage
/// type decodes, with no instance type. A usage type is written in ASCII letters, digits
/// and `-:._/+()`; anything else is an error.
///
/// ```
/// use ec2_instance_type::usage::{BillingService, Charge, UsageType};
///
/// let usage = UsageType::parse("USW2-BoxUsage:m5.large")?;
/// assert_eq!(usage.billing_code(), Some("USW2"));
/// assert_eq!(usage.region().unwrap().as_str(), "us-west-2");
/// assert_eq!(usage.charge(), Some(Charge::InstanceHours));
/// assert_eq!(usage.billing_service(), Some(BillingService::Ec2));
/// assert_eq!(usage.instance_type().unwrap().to_string(), "m5.large");
///
/// let rds = UsageType::parse("InstanceUsage:db.m5.4xl")?;
/// assert_eq!(rds.region().unwrap().as_str(), "us-east-1");
/// assert_eq!(rds.instance_type().unwrap().to_string(), "db.m5.4xlarge");
///
/// let ebs = UsageType::parse("EBS:VolumeUsage.gp3")?;
/// assert_eq!(ebs.instance_type(), None);
/// assert_eq!(ebs.to_string(), "EBS:VolumeUsage.gp3");
/// # Ok::<(), ec2_instance_type::usage::UsageTypeError>(())
/// ```
#[derive(Clone, Copy)]
pub struct UsageType<'a> {
    text: &'a str,
    location: Location,
    /// The other end of an inter-region transfer: a billing code or an edge zone.
    to: Option<Location>,
    kind: Span,
    known: Option<UsageKind>,
    detail: Option<Span>,
    instance: Option<ServiceInstanceType>,
    /// The family of host and credit kinds, the node type of Redshift, or the app of
    /// SageMaker Studio.
    family: Option<Span>,
    node_type: Option<Span>,
    app: Option<Span>,
    /// `EU-` with neither a kind nor a product to say whether it is eu-west-1 or Europe's
    /// edge zone.
    ambiguous: bool,
}

/// The node families of Redshift, which its RI fees name like EC2 types (`ra3.4xlarge`).
const REDSHIFT_FAMILIES: &[&str] = &["dc1", "dc2", "ds1", "ds2", "dw", "dw1", "dw2", "ra3"];

impl<'a> UsageType<'a> {
    /// The longest usage type accepted, in bytes.
    pub const MAX_LEN: usize = crate::limits::USAGE_TYPE_MAX_LEN;

    /// Decodes a usage type whose product is not known. `EU-` then reads as eu-west-1
    /// (EC2's billing code) but, unless the kind is one that meters instances, is marked
    /// ambiguous ([`UsageType::is_region_ambiguous`]): CloudFront writes `EU-` for its
    /// Europe edge zone. [`UsageType::parse_for_product`] settles it.
    ///
    /// # Errors
    ///
    /// Empty input, input over [`UsageType::MAX_LEN`] bytes, a control character or any
    /// other character outside the usage-type alphabet (`hello world`), and a kind that
    /// meters instances with a detail that is missing (`BoxUsage:`) or not a well-formed
    /// name (`USW2-BoxUsage:m5.xxlarge`, with the name's suggestion and the offset into the
    /// whole text).
    pub fn parse(text: &'a str) -> Result<Self, UsageTypeError> {
        Self::decode(text, None)
    }

    /// Decodes a usage type of the product `product` (CUR's `line_item_product_code`,
    /// FOCUS's `x_ServiceCode`: `AmazonEC2`, `AmazonCloudFront`, ...): for CloudFront a
    /// two-letter prefix is an edge zone, `EU-` included; for any other product `EU-` is
    /// eu-west-1.
    ///
    /// ```
    /// use ec2_instance_type::usage::{EdgeZone, UsageType};
    ///
    /// let cdn = UsageType::parse_for_product("EU-DataTransfer-Out-Bytes", "AmazonCloudFront")?;
    /// assert_eq!((cdn.edge_zone(), cdn.region()), (Some(EdgeZone::Eu), None));
    /// let ec2 = UsageType::parse_for_product("EU-DataTransfer-Out-Bytes", "AmazonEC2")?;
    /// assert_eq!(ec2.region().unwrap().as_str(), "eu-west-1");
    /// // Without the product it cannot be told.
    /// assert!(UsageType::parse("EU-DataTransfer-Out-Bytes")?.is_region_ambiguous());
    /// # Ok::<(), ec2_instance_type::usage::UsageTypeError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`UsageType::parse`].
    pub fn parse_for_product(text: &'a str, product: &str) -> Result<Self, UsageTypeError> {
        Self::decode(text, Some(product))
    }

    fn decode(text: &'a str, product: Option<&str>) -> Result<Self, UsageTypeError> {
        if text.is_empty() {
            return Err(UsageTypeError::new(UsageErrorKind::Empty, 0, ""));
        }
        if text.len() > Self::MAX_LEN {
            return Err(UsageTypeError::new(
                UsageErrorKind::TooLong,
                Self::MAX_LEN,
                "",
            ));
        }
        // One pass without an early exit (it vectorizes); the position only on failure.
        let outside = text
            .bytes()
            .fold(0u8, |any, b| any | u8::from(!in_alphabet(b)))
            != 0;
        if let Some(at) = outside
            .then(|| text.bytes().position(|b| !in_alphabet(b)))
            .flatten()
        {
            let found = text
                .get(at..)
                .and_then(|rest| rest.chars().next())
                .map_or(0..0, |c| at..at + c.len_utf8());
            let kind = if text.as_bytes()[at].is_ascii_control() {
                UsageErrorKind::ControlCharacter
            } else {
                UsageErrorKind::UnexpectedCharacter
            };
            return Err(UsageTypeError::new(
                kind,
                at,
                text.get(found).unwrap_or_default(),
            ));
        }
        let edge_product = product.map(|p| EDGE_PRODUCTS.contains(&p));
        let (mut location, mut body_start) = location(text, edge_product == Some(true));
        let to = match location {
            Location::None | Location::Global => None,
            _ => other_end(&text[body_start..], edge_product == Some(true)),
        };
        if let Some((_, len)) = to {
            body_start += len;
        }
        let to = to.map(|(to, _)| to);
        let body = &text[body_start..];
        let (kind_text, detail_at) = if body.starts_with("Kafka.") {
            ("Kafka", Some(body_start + "Kafka.".len()))
        } else {
            match body.bytes().position(|b| b == b':') {
                Some(colon) => (&body[..colon], Some(body_start + colon + 1)),
                None => (body, None),
            }
        };
        let span = |start: usize, end: usize| (start as u16, end as u16);
        let known = UsageKind::classify(kind_text);
        let kind = span(body_start, body_start + kind_text.len());
        let detail = detail_at.map(|at| span(at, text.len()));
        if location == Location::None && known.is_none() && is_global_usage(kind_text, product) {
            location = Location::GlobalUsage;
        }
        let mut usage = UsageType {
            text,
            location,
            to,
            kind,
            known,
            detail,
            instance: None,
            family: None,
            node_type: None,
            app: None,
            ambiguous: false,
        };
        // `EU-` without a product: a kind that meters instances is not CloudFront's.
        usage.ambiguous =
            edge_product.is_none() && known.is_none() && usage.billing_code() == Some("EU");
        if let Some(known) = known {
            usage.decode_detail(known)?;
        }
        Ok(usage)
    }

    /// Reads the detail of a kind that meters instances into `self`.
    #[inline]
    fn decode_detail(&mut self, kind: UsageKind) -> Result<(), UsageTypeError> {
        let Some((start, end)) = self.detail else {
            // No colon: `BoxUsage` and `SpotUsage` alone are the legacy m1.small.
            if matches!(kind, UsageKind::BoxUsage | UsageKind::SpotUsage) {
                self.instance = ServiceInstanceType::parse("m1.small").ok();
            }
            return Ok(());
        };
        let (start, end) = (usize::from(start), usize::from(end));
        let detail = &self.text[start..end];
        if detail.is_empty() {
            let kind_text = self.kind_str();
            return Err(UsageTypeError::new(
                UsageErrorKind::MissingDetail,
                end.saturating_sub(1),
                kind_text,
            ));
        }
        match kind.detail() {
            Detail::NodeType => self.node_type = self.detail,
            Detail::Family => {
                let family = detail.strip_prefix("db.").unwrap_or(detail);
                let at = start + (detail.len() - family.len());
                crate::grammar::check_family(family).map_err(|e| {
                    UsageTypeError::new(UsageErrorKind::InvalidFamily, at + e.offset(), detail)
                        .with_name_error(e)
                })?;
                self.family = Some((at as u16, end as u16));
            }
            Detail::AppInstance => {
                // The app is what comes before the instance's `-ml.`.
                let instance_at = detail.find("-ml.").map_or(0, |dash| dash + 1);
                if instance_at > 0 {
                    self.app = Some((start as u16, (start + instance_at - 1) as u16));
                }
                self.instance = Some(instance(detail, instance_at, start, "")?);
            }
            Detail::Instance => {
                let redshift = kind.charge() == Charge::RiFee && {
                    let dot = detail
                        .bytes()
                        .position(|b| b == b'.')
                        .unwrap_or(detail.len());
                    REDSHIFT_FAMILIES.contains(&&detail[..dot])
                };
                if redshift {
                    self.node_type = self.detail;
                } else if self.is_global() && detail.starts_with("freetier.") {
                    // `Global-BoxUsage:freetier.micro`: the free tier's pseudo type.
                } else {
                    let prefix = if kind == UsageKind::Kafka {
                        "kafka."
                    } else {
                        ""
                    };
                    self.instance = Some(instance(detail, 0, start, prefix)?);
                }
            }
        }
        Ok(())
    }

    /// The usage type as given.
    #[must_use]
    pub fn as_str(&self) -> &'a str {
        self.text
    }

    fn span(&self, (start, end): Span) -> &'a str {
        self.text
            .get(usize::from(start)..usize::from(end))
            .unwrap_or_default()
    }

    /// The billing code of the location prefix as written (`USW2`, `EU`, `APS3`, or an
    /// unknown one such as `XYZ9`, see [`UsageType::warning`]); `None` without a prefix
    /// (us-east-1), for `Global`, a full region code and an edge zone.
    #[must_use]
    pub fn billing_code(&self) -> Option<&'a str> {
        match self.location {
            Location::BillingCode(i) => billing_code_at(i),
            Location::UnknownCode(len) => self.text.get(..usize::from(len)),
            _ => None,
        }
    }

    /// The CloudFront edge-location group of the prefix (`US-`, `JP-`; `EU-` when the
    /// product is CloudFront): where viewers were served, not a region.
    #[must_use]
    pub fn edge_zone(&self) -> Option<EdgeZone> {
        match self.location {
            Location::Edge(zone) => Some(zone),
            _ => None,
        }
    }

    /// Whether the region is a guess the usage type alone cannot settle: `EU-` with a kind
    /// that does not meter instances and no product code (EC2's eu-west-1, or CloudFront's
    /// Europe edge zone). [`UsageType::region`] then says eu-west-1.
    #[must_use]
    pub fn is_region_ambiguous(&self) -> bool {
        self.ambiguous
    }

    /// What the usage type leaves open: an unknown billing code, an ambiguous `EU-`.
    #[must_use]
    pub fn warning(&self) -> Option<UsageWarning<'a>> {
        match self.location {
            Location::UnknownCode(_) => self.billing_code().map(UsageWarning::UnknownBillingCode),
            _ if self.ambiguous => self.billing_code().map(UsageWarning::AmbiguousLocation),
            _ => None,
        }
    }

    /// Whether AWS bills the usage globally, in no region: the prefix `Global-` (free-tier
    /// aggregates), or a usage type of `data/global-usage-types.csv` (CloudWatch
    /// dashboards, Route 53 hosted zones and queries, CloudFront's unprefixed usage types
    /// when the product is given).
    ///
    /// ```
    /// use ec2_instance_type::usage::UsageType;
    ///
    /// let dashboards = UsageType::parse("DashboardsUsageHour-Basic")?;
    /// assert!(dashboards.is_global());
    /// assert_eq!(dashboards.region(), None);
    /// // Unprefixed and not in the table: us-east-1.
    /// assert_eq!(UsageType::parse("CW:Requests")?.region().unwrap().as_str(), "us-east-1");
    /// # Ok::<(), ec2_instance_type::usage::UsageTypeError>(())
    /// ```
    #[must_use]
    pub fn is_global(&self) -> bool {
        matches!(self.location, Location::Global | Location::GlobalUsage)
    }

    /// The region: the billing code's (`EU` is eu-west-1, `APS3` ap-south-1), us-east-1
    /// without a prefix, the prefix itself when it is a region code; `None` for `Global`,
    /// an edge zone and an unknown billing code (never a guess).
    #[must_use]
    pub fn region(&self) -> Option<Region> {
        match self.location {
            Location::None => Some(Region::us_east_1()),
            Location::BillingCode(i) => billing_region_at(i),
            Location::Global
            | Location::GlobalUsage
            | Location::Edge(_)
            | Location::UnknownCode(_) => None,
            Location::Region(i) => Region::at(usize::from(i)),
        }
    }

    /// The billing code of the other end of an inter-region transfer, as written: `AFS1`
    /// of `CAN1-AFS1-AWS-In-Bytes` (from ca-central-1 to af-south-1, as AWS's own
    /// `product/toRegionCode` has it), or a CloudFront edge zone's code.
    ///
    /// ```
    /// use ec2_instance_type::usage::UsageType;
    ///
    /// let transfer = UsageType::parse("USE1-CAN1-AWS-Out-Bytes")?;
    /// assert_eq!(transfer.region().unwrap().as_str(), "us-east-1");
    /// assert_eq!(transfer.to_billing_code(), Some("CAN1"));
    /// assert_eq!(transfer.to_region().unwrap().as_str(), "ca-central-1");
    /// assert_eq!(transfer.kind_str(), "AWS-Out-Bytes");
    /// # Ok::<(), ec2_instance_type::usage::UsageTypeError>(())
    /// ```
    #[must_use]
    pub fn to_billing_code(&self) -> Option<&'a str> {
        match self.to? {
            Location::BillingCode(i) => billing_code_at(i),
            Location::Edge(zone) => Some(zone.as_str()),
            _ => None,
        }
    }

    /// The region of the other end of an inter-region transfer ([`UsageType::to_billing_code`]);
    /// `None` when there is none or it is an edge zone.
    #[must_use]
    pub fn to_region(&self) -> Option<Region> {
        match self.to? {
            Location::BillingCode(i) => billing_region_at(i),
            _ => None,
        }
    }

    /// The CloudFront edge zone at the other end of a transfer, where the product is
    /// CloudFront.
    #[must_use]
    pub fn to_edge_zone(&self) -> Option<EdgeZone> {
        match self.to? {
            Location::Edge(zone) => Some(zone),
            _ => None,
        }
    }

    /// The kind: one this crate knows ([`Kind::Known`]) or another, as written.
    #[must_use]
    pub fn kind(&self) -> Kind<'a> {
        match self.known {
            Some(kind) => Kind::Known(kind),
            None => Kind::Other(self.kind_str()),
        }
    }

    /// The kind as written: `"BoxUsage"`, `"VolumeUsage.gp3"`'s `"EBS"`.
    #[must_use]
    pub fn kind_str(&self) -> &'a str {
        self.span(self.kind)
    }

    /// Everything after the kind's `:` (or after `Kafka.`), as written.
    #[must_use]
    pub fn detail(&self) -> Option<&'a str> {
        self.detail.map(|span| self.span(span))
    }

    /// What the kind says about the charge; `None` for kinds that do not meter instances.
    /// [`Charge::InstanceHours`] does not tell on-demand from covered usage.
    #[must_use]
    pub fn charge(&self) -> Option<Charge> {
        self.known.map(|kind| kind.charge())
    }

    /// The service the line most likely bills, from the kind and the detail's wrapper
    /// (`HeavyUsage:cache.t2.medium` is ElastiCache's, `NodeUsage:db.r6g.large` MemoryDB's);
    /// `None` for kinds that do not meter instances.
    #[must_use]
    pub fn billing_service(&self) -> Option<BillingService> {
        let kind = self.known?;
        if self.node_type.is_some() {
            return Some(BillingService::Redshift);
        }
        let by_wrapper = self
            .instance
            .and_then(|it| it.service())
            .map(|service| match service {
                Service::Db if kind == UsageKind::NodeUsage => BillingService::Memorydb,
                Service::Db => BillingService::Rds,
                Service::Cache => BillingService::Elasticache,
                Service::Ml => BillingService::Sagemaker,
                Service::Kafka | Service::Express => BillingService::Msk,
                Service::Mq => BillingService::Mq,
                Service::Dax => BillingService::Dax,
                Service::Dms => BillingService::Dms,
                _ => BillingService::Opensearch,
            });
        let family_in_db =
            self.family.is_some() && self.detail().is_some_and(|d| d.starts_with("db."));
        Some(by_wrapper.unwrap_or(if family_in_db {
            BillingService::Rds
        } else {
            kind.service()
        }))
    }

    /// The instance type, canonical and as the service names it (`db.m5.4xlarge` for
    /// `db.m5.4xl`, `kafka.m5.large` for `Kafka.m5.large`); `None` for Redshift nodes,
    /// host families and usage types that are not about instances.
    #[must_use]
    pub fn instance_type(&self) -> Option<ServiceInstanceType> {
        self.instance
    }

    /// The EC2 instance type inside [`UsageType::instance_type`].
    #[must_use]
    pub fn ec2_instance_type(&self) -> Option<InstanceType> {
        self.instance.map(|it| *it.instance_type())
    }

    /// The instance family: of the instance type (`m5` of `BoxUsage:m5.large`, `r6g` of
    /// `InstanceUsage:db.r6g.xlarge`), or named by the host and credit kinds (`m5d` of
    /// `HostUsage:m5d`, `u-6tb1`, `t3` of `CPUCredits:db.t3`).
    #[must_use]
    pub fn family(&self) -> Option<&'a str> {
        if let Some(span) = self.family {
            return Some(self.span(span));
        }
        // Found when asked, not while decoding: most readers of a bill never ask.
        let instance = self.instance?;
        let family = instance.instance_type().family();
        let (start, end) = self.detail?;
        let from = self.app.map_or(start, |(_, app_end)| app_end + 1);
        let name = self.span((from, end));
        let at = name
            .match_indices(family)
            .find(|(i, _)| name.as_bytes().get(i + family.len()) == Some(&b'.'))?
            .0;
        name.get(at..at + family.len())
    }

    /// The Redshift node type (`ra3.4xlarge`, `dc2.large`, `ra3.xlplus`), kept as written.
    #[must_use]
    pub fn node_type(&self) -> Option<&'a str> {
        self.node_type.map(|span| self.span(span))
    }

    /// The SageMaker Studio or `RStudio` app (`KernelGateway` of
    /// `Studio:KernelGateway-ml.r5.24xlarge`).
    #[must_use]
    pub fn app(&self) -> Option<&'a str> {
        self.app.map(|span| self.span(span))
    }
}

/// Whether an unprefixed kind is billed globally: named in the table (and not of another
/// product than the one given), or any kind of a product the table lists with `*`.
#[cold]
fn is_global_usage(kind: &str, product: Option<&str>) -> bool {
    GLOBAL_USAGE_TYPES.iter().any(|(of, usage)| {
        let product_fits = product.is_none_or(|p| p == *of);
        product_fits && (*usage == kind || (*usage == "*" && product == Some(of)))
    })
}

/// The other end of an inter-region transfer at the start of `body` (`AFS1-` of
/// `AFS1-AWS-In-Bytes`): a known billing code, or for an edge product an edge zone; with
/// the bytes it takes, dash included. A kind must follow it.
#[inline]
fn other_end(body: &str, edge: bool) -> Option<(Location, usize)> {
    // Every code starts with two capitals (`AFS1`, `EU`): most kinds (`BoxUsage`) are
    // passed over at once. Codes are at most 8 bytes (packed): no dash further on.
    let bytes = body.as_bytes();
    if !(bytes.len() > 2 && bytes[0].is_ascii_uppercase() && bytes[1].is_ascii_uppercase()) {
        return None;
    }
    let dash = bytes.iter().take(9).position(|b| *b == b'-')?;
    let token = &bytes[..dash];
    body.get(dash + 1..).filter(|rest| !rest.is_empty())?;
    if edge {
        if let Some(zone) = EdgeZone::of_code(token) {
            return Some((Location::Edge(zone), dash + 1));
        }
    }
    let found = billing_code_index(packed(token)?)?;
    Some((Location::BillingCode(found), dash + 1))
}

/// The index of a known billing code in `BILLING_CODES`: the table is sorted by length,
/// then text, the order of packed keys.
fn billing_code_index(key: u64) -> Option<u8> {
    BILLING_CODES
        .binary_search_by_key(&key, |(code, _)| {
            packed(code.as_bytes()).unwrap_or(u64::MAX)
        })
        .ok()
        .map(|i| i as u8)
}

/// The billing code at `i` of `BILLING_CODES`.
fn billing_code_at(i: u8) -> Option<&'static str> {
    BILLING_CODES.get(usize::from(i)).map(|(code, _)| *code)
}

/// The region of the billing code at `i` (the generator checks each is a known code).
fn billing_region_at(i: u8) -> Option<Region> {
    BILLING_CODES
        .get(usize::from(i))
        .map(|(_, region)| Region::from_valid(region))
}

/// A short token as a number, for comparisons without `memcmp`: up to 8 bytes.
fn packed(token: &[u8]) -> Option<u64> {
    (token.len() <= 8).then(|| {
        token.iter().fold(u64::from(token.len() as u8), |key, b| {
            (key << 8) | u64::from(*b)
        })
    })
}

/// Whether `b` is in the usage-type alphabet: ASCII letters, digits and `-:._/+()`.
#[inline]
fn in_alphabet(b: u8) -> bool {
    ALPHABET[usize::from(b)]
}

/// The usage-type alphabet as a table: one load a byte on the decoder's first pass.
const ALPHABET: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = c.is_ascii_alphanumeric()
            || matches!(c, b'-' | b':' | b'.' | b'_' | b'/' | b'+' | b'(' | b')');
        b += 1;
    }
    table
};

/// Whether `token` is shaped like a billing code: capital letters, then a digit, then
/// capitals and digits (`XYZ9`, `APS10`, a Local Zone's `LAX1`), at most 16 bytes.
fn billing_code_shaped(token: &[u8]) -> bool {
    let letters = token.iter().take_while(|b| b.is_ascii_uppercase()).count();
    token.len() <= 16
        && letters >= 2
        && token.get(letters).is_some_and(u8::is_ascii_digit)
        && token[letters..]
            .iter()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

/// The location prefix and where the rest starts; `edge` when the product is one whose
/// usage types start with an edge zone (then `EU` is Europe's, not eu-west-1).
fn location(text: &str, edge: bool) -> (Location, usize) {
    let bytes = text.as_bytes();
    let Some(dash) = bytes.iter().position(|b| *b == b'-') else {
        return (Location::None, 0);
    };
    let token = &bytes[..dash];
    if edge {
        if let Some(zone) = EdgeZone::of_code(token) {
            return (Location::Edge(zone), dash + 1);
        }
    }
    if let Some(key) = packed(token) {
        if token == b"Global" {
            return (Location::Global, dash + 1);
        }
        if let Some(i) = billing_code_index(key) {
            return (Location::BillingCode(i), dash + 1);
        }
    }
    // Codes no region uses are edge zones whatever the product (looked up only here:
    // every billing-code prefix is found before).
    if let Some(zone) = EdgeZone::of_code(token) {
        return (Location::Edge(zone), dash + 1);
    }
    if billing_code_shaped(token) {
        return (Location::UnknownCode(token.len() as u8), dash + 1);
    }
    // A full region code: `ap-northeast-1-KMS-Keys`.
    if token.iter().all(u8::is_ascii_lowercase) {
        for (i, code) in known_codes().enumerate() {
            let rest = bytes.get(code.len()..);
            if rest.is_some_and(|r| r.first() == Some(&b'-')) && text.starts_with(code) {
                return (Location::Region(i as u8), code.len() + 1);
            }
        }
    }
    (Location::None, 0)
}

/// The instance type in `detail` from byte `at`, after `prefix` (`kafka.` for MSK), with
/// RDS's `xl` read as `xlarge` (`db.m5.4xl`); errors count offsets from `detail_start`
/// in the whole usage type. Assembled on the stack: nothing is allocated.
#[inline]
fn instance(
    detail: &str,
    at: usize,
    detail_start: usize,
    prefix: &str,
) -> Result<ServiceInstanceType, UsageTypeError> {
    let name = &detail[at..];
    let suffix = if name.starts_with("db.") && name.ends_with("xl") {
        "arge"
    } else {
        ""
    };
    let mut buf = [0u8; ServiceInstanceType::MAX_LEN + 8];
    // The name as the service writes it; assembled on the stack only when it must be.
    let (whole, skipped) = if prefix.is_empty() && suffix.is_empty() {
        (name, 0)
    } else {
        match assemble(&mut buf, &[prefix, name, suffix]) {
            Some(whole) => (whole, prefix.len()),
            // Too long for the buffer: the name alone gets the parser's length error.
            None => (name, 0),
        }
    };
    // Most bill lines name a plain EC2 type (one dot, nothing added): the EC2 grammar reads
    // it without trying the service words first. Here, not in `ServiceInstanceType`'s
    // parser, where the extra branch slows service names (README, "Performance").
    if whole.len() == name.len() && name.bytes().filter(|b| *b == b'.').count() == 1 {
        if let Ok(plain) = InstanceType::parse(name) {
            return Ok(plain.into());
        }
    }
    ServiceInstanceType::parse(whole).map_err(|error| {
        let inside = error
            .offset()
            .saturating_sub(skipped)
            .min(name.len().saturating_sub(1));
        UsageTypeError::new(
            UsageErrorKind::InvalidInstanceType,
            detail_start + at + inside,
            name,
        )
        .with_name_error(error)
    })
}

/// `parts` one after another in `buf`, or `None` if they do not fit.
fn assemble<'b>(buf: &'b mut [u8], parts: &[&str]) -> Option<&'b str> {
    let mut len = 0;
    for part in parts {
        buf.get_mut(len..len + part.len())?
            .copy_from_slice(part.as_bytes());
        len += part.len();
    }
    std::str::from_utf8(buf.get(..len)?).ok()
}

impl fmt::Display for UsageType<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.text)
    }
}

impl fmt::Debug for UsageType<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("UsageType").field(&self.text).finish()
    }
}

impl PartialEq for UsageType<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text
    }
}

impl Eq for UsageType<'_> {}

impl std::hash::Hash for UsageType<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.text.hash(state);
    }
}
