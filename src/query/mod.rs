//! Answers from the catalogue: find types by their facts, similar types, processor
//! alternatives, newer generations, sizes and normalization units. All offline, from the
//! bundled data.
//!
//! ```
//! use ec2_instance_type::Region;
//! use ec2_instance_type::query::{Query, SortKey};
//!
//! // The current-generation types with 8 vCPUs and 32 GiB offered in eu-west-1, cheapest
//! // first by their us-east-1 price (the catalogue's prices are us-east-1's).
//! let query = Query::new()
//!     .min_vcpus(8)
//!     .min_memory_gib(32.0)
//!     .current_generation(true)
//!     .region(Region::parse("eu-west-1")?)
//!     .sort_by(SortKey::Price)
//!     .limit(3);
//! assert!(query.prices_from_another_region());
//! let found = query.run();
//! assert_eq!(found.len(), 3);
//! assert!(found.windows(2).all(|w| w[0].on_demand.unwrap().usd_per_hour <= w[1].on_demand.unwrap().usd_per_hour));
//! # Ok::<(), ec2_instance_type::ParseError>(())
//! ```
//!
//! Prices used for sorting and caps are the catalogue's on-demand Linux prices, which are
//! us-east-1 figures (see [`crate::catalogue`]), whatever region a query filters on;
//! [`Query::prices_from_another_region`] says when that is the case. Every price carries
//! its region and tenancy ([`OnDemandPrice`](crate::catalogue::OnDemandPrice)).

mod alternatives;
mod find;
mod shape;
mod similar;
mod sizes;

pub use alternatives::{Alternative, Prefer, Upgrade, alternatives, upgrades};
pub use find::{NamePart, NamePartError, Query, SortKey};
pub use similar::{Similar, SimilarOptions, similar};
pub use sizes::{next_larger, next_smaller, units};
