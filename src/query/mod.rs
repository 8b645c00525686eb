//! Answers from a catalogue: find types by their facts, similar types, processor
//! alternatives and newer generations. Every answer is asked of a
//! [`Catalogue`](crate::catalogue::Catalogue) (or of an [`Entry`](crate::catalogue::Entry),
//! which carries its catalogue), so the user's own data serves every answer as the bundled
//! snapshot does. Sizes and normalization units are the catalogue's and the entry's own
//! methods ([`Entry::next_larger`](crate::catalogue::Entry::next_larger),
//! [`Catalogue::units`](crate::catalogue::Catalogue::units)).
//!
//! ```
//! use ec2_instance_type::Region;
//! use ec2_instance_type::catalogue::Catalogue;
//! use ec2_instance_type::query::{Query, SortKey};
//!
//! // The current-generation types with 8 vCPUs and 32 GiB offered in eu-west-1, cheapest
//! // first by their us-east-1 price (the bundled catalogue has no eu-west-1 prices).
//! let bundled = Catalogue::bundled();
//! let query = Query::new()
//!     .min_vcpus(8)
//!     .min_memory_gib(32.0)
//!     .current_generation(true)
//!     .scope(Region::parse("eu-west-1")?)
//!     .sort_by(SortKey::Price)
//!     .limit(3);
//! assert!(query.prices_from_another_region(bundled));
//! let found = query.run(bundled);
//! assert_eq!(found.len(), 3);
//! let price = |i: usize| found[i].on_demand(Region::us_east_1()).unwrap().usd_per_hour;
//! assert!(price(0) <= price(1) && price(1) <= price(2));
//! # Ok::<(), ec2_instance_type::ParseError>(())
//! ```
//!
//! With a region, answers keep to types known to be offered there and compare that
//! region's prices where the catalogue has them, else us-east-1's
//! ([`Query::prices_from_another_region`] says so); never a price of a third region.
//! Every price carries its region, tenancy and source
//! ([`OnDemandPrice`](crate::catalogue::OnDemandPrice)).

mod alternatives;
mod find;
mod found;
mod shape;
mod similar;

pub use alternatives::{Alternative, Prefer, Upgrade, alternatives, upgrades};
pub use find::{NamePart, NamePartError, NamePartErrorKind, Query, SortKey};
pub use found::Found;
pub use similar::{Similar, SimilarOptions, similar};
