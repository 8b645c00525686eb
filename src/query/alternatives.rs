//! Processor alternatives and newer generations, derived from the catalogue and the
//! grammar: a new family is picked up by a data refresh, with no table to edit.

use super::shape::{price_difference, processor_of, same_shape};
use crate::Processor;
use crate::catalogue::{self, Entry};

/// The newest type on one processor with the same shape as the given one.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct Alternative {
    /// The processor.
    pub processor: Processor,
    /// The newest-generation type on that processor.
    pub entry: &'static Entry,
    /// Its on-demand price minus the given type's, USD per hour, when both are known.
    pub price_difference: Option<f64>,
}

/// For Graviton, AMD and Intel (the type's own included), the newest-generation type
/// with the same series, size, non-processor capability letters and options. A
/// processor with no such type is left out. The processor is the catalogue's.
///
/// ```
/// use ec2_instance_type::{catalogue, Processor};
/// use ec2_instance_type::query::alternatives;
///
/// let found = alternatives(catalogue::get("m5.xlarge").unwrap());
/// let names: Vec<(Processor, &str)> = found.iter().map(|a| (a.processor, a.entry.name())).collect();
/// assert_eq!(names, [
///     (Processor::Graviton, "m9g.xlarge"),
///     (Processor::Amd, "m8a.xlarge"),
///     (Processor::Intel, "m8i.xlarge"),
/// ]);
/// ```
#[must_use]
pub fn alternatives(of: &Entry) -> Vec<Alternative> {
    let candidates = same_shape(of);
    [Processor::Graviton, Processor::Amd, Processor::Intel]
        .into_iter()
        .filter_map(|processor| {
            let newest = candidates
                .iter()
                .copied()
                .filter(|e| processor_of(e) == Some(processor))
                .max_by_key(|e| (e.instance_type().generation(), std::cmp::Reverse(e.name())))?;
            Some(Alternative {
                processor,
                entry: newest,
                price_difference: price_difference(of, newest),
            })
        })
        .collect()
}

/// A newer generation of a type, with what changes.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct Upgrade {
    /// The newer type.
    pub entry: &'static Entry,
    /// On-demand price difference, USD per hour, when both are known.
    pub price_difference: Option<f64>,
    /// vCPU difference, when both have specs.
    pub vcpus_difference: Option<i64>,
    /// Memory difference in MiB, when both have specs.
    pub memory_mib_difference: Option<i64>,
}

/// Newer generations of a type that exist: the same series, size, processor (the
/// catalogue's) and non-processor capability letters and options, in a newer
/// generation; oldest first.
///
/// ```
/// use ec2_instance_type::catalogue;
/// use ec2_instance_type::query::upgrades;
///
/// let newer: Vec<&str> = upgrades(catalogue::get("c5d.2xlarge").unwrap()).iter().map(|u| u.entry.name()).collect();
/// assert_eq!(newer, ["c6id.2xlarge", "c8id.2xlarge"]);
/// ```
#[must_use]
pub fn upgrades(of: &Entry) -> Vec<Upgrade> {
    let processor = processor_of(of);
    let Some(generation) = of.instance_type().generation() else {
        return Vec::new();
    };
    let mut found: Vec<Upgrade> = same_shape(of)
        .into_iter()
        .filter(|e| {
            e.instance_type()
                .generation()
                .is_some_and(|g| g > generation)
        })
        .filter(|e| processor_of(e) == processor)
        .map(|e| Upgrade {
            entry: e,
            price_difference: price_difference(of, e),
            vcpus_difference: difference(of, e, |s| i64::from(s.vcpus)),
            memory_mib_difference: difference(of, e, |s| {
                i64::try_from(s.memory_mib).unwrap_or(i64::MAX)
            }),
        })
        .collect();
    found.sort_by_key(|u| (u.entry.instance_type().generation(), u.entry.name_rank()));
    found
}

fn difference(from: &Entry, to: &Entry, figure: impl Fn(&catalogue::Specs) -> i64) -> Option<i64> {
    Some(figure(to.specs?) - figure(from.specs?))
}
