//! Processor alternatives and newer generations, derived from the catalogue and the
//! grammar: a new family is picked up by a data refresh, with no table to edit.

use super::Found;
use super::shape::{ScopeIn, processor_of, same_shape};
use crate::Processor;
use crate::catalogue::Scope;
use crate::catalogue::{self, Entry};
use crate::keyword::keyword_enum;

keyword_enum! {
    /// Which type [`alternatives`] picks per processor.
    pub enum Prefer("preference") {
        /// The newest generation.
        Newest = "newest",
        /// The cheapest on-demand price (ties: the newer).
        Cheapest = "cheapest",
    }
}

/// The type [`alternatives`] picks on one processor for the same shape as the given one.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct Alternative<'c> {
    /// The processor.
    pub processor: Processor,
    /// The type picked on that processor.
    pub entry: Entry<'c>,
    /// Its on-demand price minus the given type's, USD per hour, when both are known
    /// in the region compared and of the same tenancy.
    pub price_difference: Option<f64>,
}

impl Alternative<'_> {
    /// The price difference over a month of [`HOURS_PER_MONTH`](crate::catalogue::HOURS_PER_MONTH) hours.
    #[must_use]
    pub fn usd_per_month_difference(&self) -> Option<f64> {
        self.price_difference
            .map(|d| d * crate::catalogue::HOURS_PER_MONTH)
    }
}

/// For Graviton, AMD and Intel, the current-generation type with the same series, size,
/// non-processor capability letters and options as `of` (never `of` itself) **that has a
/// shared-tenancy on-demand price**: the newest ([`Prefer::Newest`]) or the cheapest
/// ([`Prefer::Cheapest`], ties going to the newer). A type is never chosen on a
/// Dedicated-tenancy price. A processor with no such type is left out. The processor is
/// the catalogue's.
///
/// In a `scope` (a [`Scope`], a `Region`, or `None` for anywhere), only types known
/// to be offered there are candidates (those whose offerings there are unknown are
/// counted in [`Found::unknown_offerings`]), and prices are that region's where the
/// catalogue has them, else us-east-1's. An OS or tenancy in the scope compares those
/// prices instead of Linux, shared ones.
///
/// ```
/// use ec2_instance_type::{catalogue, Processor, Region};
/// use ec2_instance_type::query::{alternatives, Prefer};
///
/// let m5 = catalogue::get("m5.xlarge").unwrap();
/// let newest: Vec<(Processor, &str)> = alternatives(m5, Prefer::Newest, None).iter().map(|a| (a.processor, a.entry.name())).collect();
/// assert_eq!(newest, [
///     (Processor::Graviton, "m9g.xlarge"),
///     (Processor::Amd, "m8a.xlarge"),
///     (Processor::Intel, "m8i.xlarge"),
/// ]);
/// let cheapest = alternatives(m5, Prefer::Cheapest, None);
/// assert_eq!(cheapest[0].entry.name(), "m6g.xlarge");
/// assert!(cheapest[0].usd_per_month_difference().unwrap() < 0.0);
///
/// // Only what the region is known to offer.
/// let hyderabad = Region::parse("ap-south-2")?;
/// let there = alternatives(m5, Prefer::Newest, Some(hyderabad));
/// assert!(there.iter().all(|a| a.entry.offered_in(hyderabad) == Some(true)));
/// # Ok::<(), ec2_instance_type::ParseError>(())
/// ```
#[must_use]
pub fn alternatives(
    of: Entry<'_>,
    prefer: Prefer,
    scope: impl Into<Scope>,
) -> Found<Alternative<'_>> {
    let asked = scope.into();
    let scope = ScopeIn::new(of.catalogue(), &asked);
    let shaped = same_shape(of)
        .into_iter()
        .filter(|e| *e != of)
        .filter(|e| e.specs().is_some_and(|s| s.current_generation))
        .filter(|e| {
            scope
                .cost(e)
                .is_some_and(|(_, tenancy)| tenancy == scope.tenancy())
        });
    let (candidates, unknown) = scope.keep_offered(shaped);
    let picked = [Processor::Graviton, Processor::Amd, Processor::Intel]
        .into_iter()
        .filter_map(|processor| {
            let on_it = candidates
                .iter()
                .copied()
                .filter(|e| processor_of(e) == Some(processor));
            let generation = |e: &Entry| e.instance_type().generation();
            let price = |e: &Entry| scope.cost(e).map_or(f64::INFINITY, |(usd, _)| usd);
            let picked = match prefer {
                Prefer::Newest => on_it.max_by(|a, b| {
                    generation(a)
                        .cmp(&generation(b))
                        .then_with(|| price(b).total_cmp(&price(a)))
                        .then_with(|| b.name_rank().cmp(&a.name_rank()))
                }),
                Prefer::Cheapest => on_it.min_by(|a, b| {
                    price(a)
                        .total_cmp(&price(b))
                        .then_with(|| generation(b).cmp(&generation(a)))
                        .then_with(|| a.name_rank().cmp(&b.name_rank()))
                }),
            }?;
            Some(Alternative {
                processor,
                entry: picked,
                price_difference: scope.price_difference(&of, &picked),
            })
        })
        .collect();
    scope.found(picked, unknown)
}

/// A newer generation of a type, with what changes.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct Upgrade<'c> {
    /// The newer type.
    pub entry: Entry<'c>,
    /// On-demand price difference, USD per hour, when both are known.
    pub price_difference: Option<f64>,
    /// vCPU difference, when both have specs.
    pub vcpus_difference: Option<i64>,
    /// Memory difference in MiB, when both have specs.
    pub memory_mib_difference: Option<i64>,
}

/// Newer generations of a type that exist: the same series, size, processor (the
/// catalogue's) and non-processor capability letters and options, in a newer
/// generation; oldest first. A `region` keeps to types known to be offered there and
/// compares its prices, as [`alternatives`] does.
///
/// ```
/// use ec2_instance_type::catalogue;
/// use ec2_instance_type::query::upgrades;
///
/// let newer: Vec<&str> = upgrades(catalogue::get("c5d.2xlarge").unwrap(), None).iter().map(|u| u.entry.name()).collect();
/// assert_eq!(newer, ["c6id.2xlarge", "c8id.2xlarge"]);
/// ```
#[must_use]
pub fn upgrades(of: Entry<'_>, scope: impl Into<Scope>) -> Found<Upgrade<'_>> {
    let asked = scope.into();
    let scope = ScopeIn::new(of.catalogue(), &asked);
    let processor = processor_of(&of);
    let Some(generation) = of.instance_type().generation() else {
        return scope.found(Vec::new(), 0);
    };
    let newer = same_shape(of)
        .into_iter()
        .filter(|e| {
            e.instance_type()
                .generation()
                .is_some_and(|g| g > generation)
        })
        .filter(|e| processor_of(e) == processor);
    let (kept, unknown) = scope.keep_offered(newer);
    let mut found: Vec<Upgrade> = kept
        .into_iter()
        .map(|e| Upgrade {
            entry: e,
            price_difference: scope.price_difference(&of, &e),
            vcpus_difference: difference(&of, &e, |s| i64::from(s.vcpus)),
            memory_mib_difference: difference(&of, &e, |s| {
                i64::try_from(s.memory_mib).unwrap_or(i64::MAX)
            }),
        })
        .collect();
    found.sort_by_key(|u| (u.entry.instance_type().generation(), u.entry.name_rank()));
    scope.found(found, unknown)
}

fn difference(
    from: &Entry<'_>,
    to: &Entry<'_>,
    figure: impl Fn(&catalogue::Specs<'_>) -> i64,
) -> Option<i64> {
    Some(figure(&to.specs()?) - figure(&from.specs()?))
}
