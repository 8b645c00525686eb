//! Usage types of AWS bills and price lists, decoded: `USW2-BoxUsage:m5.large`,
//! `InstanceUsage:db.m5.4xl`, `APS1-Kafka.m5.large`, `HeavyUsage:r4.xlarge.elasticsearch`.
//!
//! Where instance types meet money they come wrapped in usage types: the
//! `line_item_usage_type` and `product_usagetype` columns of the Cost and Usage Report
//! (CUR and CUR 2.0), `SkuMeter`/`x_UsageType` in FOCUS exports, the Price List API's
//! `usagetype`. On Spot rows the usage type is the only place the instance type is written.
//!
//! ```
//! use ec2_instance_type::usage::{Charge, UsageType};
//!
//! let spot = UsageType::parse("APN1-SpotUsage:c5.18xlarge")?;
//! assert_eq!(spot.region().unwrap().as_str(), "ap-northeast-1");
//! assert_eq!(spot.charge(), Some(Charge::Spot));
//! assert_eq!(spot.ec2_instance_type().unwrap().as_str(), "c5.18xlarge");
//!
//! // Billing codes are irregular: never derived, always looked up.
//! assert_eq!(UsageType::parse("EU-BoxUsage:c5d.9xlarge")?.region().unwrap().as_str(), "eu-west-1");
//! assert_eq!(UsageType::parse("APS3-BoxUsage:m5.large")?.region().unwrap().as_str(), "ap-south-1");
//! # Ok::<(), ec2_instance_type::usage::UsageTypeError>(())
//! ```
//!
//! # The kinds
//!
//! | kind | charge | detail | service | source |
//! | --- | --- | --- | --- | --- |
//! | `BoxUsage` | instance hours (on-demand, or RI/Savings-Plan covered: the line item type tells) | type; none: m1.small | EC2 | EC2 User Guide, billing codes |
//! | `SpotUsage` | spot | type; none: m1.small | EC2 | EC2 User Guide; Spot data feed doc |
//! | `DedicatedUsage` | dedicated instance | type | EC2 | EC2 User Guide |
//! | `HostBoxUsage` | instance on a Dedicated Host (priced 0) | type | EC2 | EC2 User Guide |
//! | `HostUsage` | dedicated host | family | EC2 | EC2 User Guide |
//! | `ReservedHostUsage` | host reservation | family | EC2 | EC2 User Guide |
//! | `Reservation`, `DedicatedRes` | capacity reservation used | type | EC2 | EC2 User Guide |
//! | `UnusedBox`, `UnusedDed` | capacity reservation unused | type | EC2 | EC2 User Guide |
//! | `EBSOptimized` | EBS-optimized surcharge | type | EC2 | EC2 User Guide |
//! | `HeavyUsage`, `MediumUsage`, `LightUsage` | RI fee | type (wrapper says the service; Redshift node families) | by detail | CUR user guide |
//! | `CPUCredits` | CPU credits | family (`t3`, `db.t3`) | EC2, RDS | price lists |
//! | `InstanceUsage` | instance hours | `db.*` (`xl` read as `xlarge`) | RDS, Aurora, DocumentDB, Neptune | CUR user guide |
//! | `Multi-AZUsage` | Multi-AZ | `db.*` | RDS | price lists |
//! | `Multi-AZClusterUsage` | Multi-AZ cluster | `db.*` | RDS | price lists |
//! | `InstanceUsageIOOptimized` | I/O-Optimized | `db.*` | Aurora | price lists |
//! | `NodeUsage` | instance hours | `cache.*`; `db.*` | ElastiCache; MemoryDB | price lists |
//! | `SyncDurability-NodeUsage` | sync-durability add-on | `cache.*` | ElastiCache | price lists |
//! | `ESInstance` | instance hours | type, bare, `.search` or `.elasticsearch` | OpenSearch | OpenSearch developer guide |
//! | `Node` | instance hours | Redshift node type, kept as written | Redshift | price lists |
//! | `Notebk`, `Train`, `Host`, `Tsform`, `Processing`, `AsyncInf` | instance hours | `ml.*` | SageMaker | SageMaker price lists |
//! | `Studio`, `RStudio` | instance hours | `<App>-ml.*` | SageMaker | SageMaker Savings Plans rates |
//! | `InstanceUsg`, `Multi-AZUsg` | instance hours, Multi-AZ | `dms.*` | DMS | free tier doc, price lists |
//! | `Kafka.<type>` (no colon) | instance hours | type | MSK | price lists |
//!
//! Every other usage type (`EBS:VolumeUsage.gp3`, `USE2-AWS-In-Bytes`,
//! `SpotUsage-Fargate-vCPU-Hours:perCPU`, `Global-Build-Min:Linux:g1.small`) decodes too,
//! with its kind kept as written and no instance type.

#[rustfmt::skip]
mod billing_codes;
mod edge;
mod error;
mod kind;
#[cfg(feature = "catalogue")]
mod line;
mod paid;
mod usage_type;
mod warning;

pub use crate::billing::{Operation, Platform};
pub use edge::EdgeZone;
pub use error::{UsageErrorKind, UsageTypeError};
pub use kind::{BillingService, Charge, Kind, UsageKind};
#[cfg(feature = "catalogue")]
#[cfg_attr(docsrs, doc(cfg(feature = "catalogue")))]
pub use line::{BillLine, Field, FieldType, Value};
pub use paid::{Coverage, FocusCharge, LineCosts, Paid};
pub use usage_type::UsageType;
pub use warning::UsageWarning;
