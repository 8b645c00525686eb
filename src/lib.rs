//! Decode AWS EC2 instance type names into typed parts.
//!
//! A name such as `p3dn.24xlarge` packs a series (`p`, GPU compute), a generation (`3`),
//! capability letters (`d` local NVMe, `n` network boost) and a size (`24xlarge`). This
//! crate decodes every shape AWS uses, `m7i-flex.large`, `u-6tb1.metal`,
//! `mac2-m2pro.metal`, `p6e-gb200.36xlarge`, `c8g.metal-24xl`, including names not
//! released yet, and prints them back exactly. Names wrapped by other services
//! (`db.r6g.large`, `cache.t4g.micro`, `r6g.large.search`) decode with
//! [`ServiceInstanceType`], region codes with [`Region`], and the usage types of AWS bills
//! (`USW2-BoxUsage:m5.large`) with [`usage::UsageType`].
//!
//! ```
//! use ec2_instance_type::{InstanceOption, InstanceType, Processor, Series, Size};
//!
//! let it: InstanceType = "m7i-flex.large".parse()?;
//! assert_eq!(it.family(), "m7i-flex");
//! assert_eq!(it.series(), Series::M);
//! assert_eq!(it.generation(), Some(7));
//! assert_eq!(it.processor(), Some(Processor::Intel));
//! assert_eq!(it.options().collect::<Vec<_>>(), [InstanceOption::Flex]);
//! assert_eq!(it.size(), Size::Large);
//! assert_eq!(it.size_normalization_factor(), Some(4.0));
//!
//! let err = "m5.xxlarge".parse::<InstanceType>().unwrap_err();
//! assert_eq!(err.to_string(), "unknown size 'xxlarge', did you mean '2xlarge'");
//! # Ok::<(), ec2_instance_type::ParseError>(())
//! ```
//!
//! # Features
//!
//! | feature | default | what it adds |
//! | --- | --- | --- |
//! | `catalogue` | yes | the bundled [`catalogue`] of specs, regions and cost hints, and the [`query`] answers over it |
//! | `overlay` | yes | owned catalogues: your own `aws ec2 describe-instance-types`, offerings and prices over the bundled snapshot, and AWS's own price lists by region, OS and tenancy (adds `serde_json` and `csv`; enables `serde`, which `serde_json` builds anyway) |
//! | `serde` | no | `Serialize`/`Deserialize` for names and parts, as their text; `Serialize` for catalogue rows (one flat JSON schema); `serde::lenient` for configuration files |
//!
//! Parsing names, regions and usage types, printing and the parts are always available and
//! allocate nothing.
//!
//! # Data snapshot
//!
//! The [`catalogue`] holds every name the EC2 API knew in botocore 1.44.8 (2026-11-20),
//! specs from moto 5.2.5 (2026-10-27, older moto snapshots for 27 names it lacks),
//! on-demand prices from the AWS Pricing API as of 2026-07-20 (us-east-1) and Spot
//! Instance Advisor hints as of 2025-06-28 (33 regions); its constants
//! (`catalogue::SPECS_SNAPSHOT`, ...) say so too, and its docs say what the data does not
//! know. Specs and prices change; they may change in patch releases of this crate.
//! Parsing needs no data: a name AWS releases tomorrow parses today, and the catalogue says
//! it does not know it.

// Without the feature the modules are not built: their links go to the published docs.
#![cfg_attr(
    not(feature = "catalogue"),
    doc = "",
    doc = "[`catalogue`]: https://docs.rs/ec2-instance-type/latest/ec2_instance_type/catalogue/index.html",
    doc = "[`query`]: https://docs.rs/ec2-instance-type/latest/ec2_instance_type/query/index.html"
)]
#![cfg_attr(docsrs, feature(doc_cfg))]
#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![deny(rustdoc::broken_intra_doc_links)]
#![doc(test(attr(deny(warnings))))]

mod billing;
#[cfg(feature = "catalogue")]
#[cfg_attr(docsrs, doc(cfg(feature = "catalogue")))]
pub mod catalogue;
mod display;
mod edit_distance;
mod error;
mod grammar;
mod inline_str;
mod instance_type;
mod keyword;
mod limits;
mod number;
mod parts;
mod region;
#[rustfmt::skip]
mod region_codes;
#[cfg(feature = "catalogue")]
#[cfg_attr(docsrs, doc(cfg(feature = "catalogue")))]
pub mod query;
#[cfg(feature = "serde")]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
pub mod serde;
mod service;
pub mod usage;

pub use error::{ErrorKind, ParseError};
pub use instance_type::InstanceType;
pub use parts::{
    AppleChip, AppleChipTier, Capability, InstanceOption, Multiplier, NvidiaChip, Processor,
    Series, Size, Tebibytes, UnknownLetter, UnknownPart,
};
pub use region::Region;
pub use service::{Service, ServiceInstanceType};

/// The README's examples, compiled and run as doctests.
#[cfg(all(doctest, feature = "overlay"))]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
