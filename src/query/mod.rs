//! Answers from the catalogue: find types by their facts, similar types, processor
//! alternatives, newer generations, sizes and normalization units. All offline, from the
//! bundled data.
//!
//! ```
//! use ec2_instance_type::query::{Query, SortKey};
//!
//! // The cheapest current-generation type with 8 vCPUs and 32 GiB in eu-west-1.
//! let found = Query::new()
//!     .min_vcpus(8)
//!     .min_memory_gib(32.0)
//!     .current_generation(true)
//!     .region("eu-west-1")
//!     .sort_by(SortKey::Price)
//!     .limit(3)
//!     .run();
//! assert_eq!(found.len(), 3);
//! assert!(found.windows(2).all(|w| w[0].on_demand.unwrap().usd_per_hour <= w[1].on_demand.unwrap().usd_per_hour));
//! ```
//!
//! Prices used for sorting and caps are the catalogue's on-demand Linux prices, which are
//! us-east-1 figures (see [`crate::catalogue`]), whatever region a query filters on.

mod alternatives;
mod find;
mod shape;
mod similar;
mod sizes;

pub use alternatives::{Alternative, Upgrade, alternatives, upgrades};
pub use find::{NamePart, Query, SortKey};
pub use similar::{Similar, SimilarOptions, similar};
pub use sizes::{next_larger, next_smaller, units};
