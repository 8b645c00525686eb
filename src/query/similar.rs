//! Similar types: instance-selector's rule, ranked by closeness then price.

use super::Found;
use super::shape::{ScopeIn, compare_figures};
use crate::catalogue::Scope;
use crate::catalogue::{AcceleratorKind, Entry, Specs};

/// Options that widen or narrow [`similar`].
#[derive(Debug, Clone, Default, PartialEq)]
#[must_use]
pub struct SimilarOptions {
    scope: Scope,
    any_architecture: bool,
    max_price: Option<f64>,
    current_generation_only: bool,
    cheaper_only: bool,
}

impl SimilarOptions {
    /// instance-selector's rule as it is.
    pub fn new() -> Self {
        Self::default()
    }

    /// Also types that share no architecture with the given one (x86 for arm64).
    pub fn any_architecture(mut self, yes: bool) -> Self {
        self.any_architecture = yes;
        self
    }

    /// Only types at most this on-demand USD per hour.
    pub fn max_price(mut self, usd_per_hour: f64) -> Self {
        self.max_price = Some(usd_per_hour);
        self
    }

    /// Only types with an on-demand price below the given type's ("like `m5.xlarge`, but
    /// cheaper"). Nothing qualifies when the given type has no price.
    pub fn cheaper_only(mut self, yes: bool) -> Self {
        self.cheaper_only = yes;
        self
    }

    /// Where the answer applies ([`Scope`]: a region, and the operating system and tenancy
    /// of the prices compared; a [`Region`](crate::Region) alone converts): only types
    /// known to be offered in the region, ranked by its prices where the catalogue has
    /// them (else us-east-1's, without price differences).
    pub fn scope(mut self, scope: impl Into<Scope>) -> Self {
        self.scope = scope.into();
        self
    }

    /// Only current-generation types.
    pub fn current_generation_only(mut self, yes: bool) -> Self {
        self.current_generation_only = yes;
        self
    }
}

/// A type like another, with how close it is.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct Similar<'c> {
    /// The similar type.
    pub entry: Entry<'c>,
    /// Relative vCPU difference plus relative memory difference: 0 is the same shape.
    pub distance: f64,
    /// Its on-demand price minus the given type's, USD per hour, when both are known in
    /// the region compared, of the same tenancy.
    pub price_difference: Option<f64>,
}

/// Types similar to `of`: sharing an architecture, with the same bare-metal flag and
/// GPU count, and vCPUs and memory within 0.9 to 1.2 times `of`'s (the rule of
/// aws/amazon-ec2-instance-selector). Two refinements: a fractional GPU counts as its
/// share (so `g6f.xlarge` is not like `m5.xlarge`), and non-GPU accelerators must be of
/// the same kind (so `inf2.xlarge` is not either). Ranked by [`Similar::distance`], then
/// price, then name. Empty when `of` has no specs.
///
/// ```
/// use ec2_instance_type::catalogue;
/// use ec2_instance_type::query::{similar, SimilarOptions};
///
/// let m5 = catalogue::get("m5.xlarge").unwrap();
/// let like: Vec<&str> = similar(m5, SimilarOptions::new()).iter().map(|s| s.entry.name()).collect();
/// assert!(!like.contains(&"m5.xlarge")); // never the type itself
/// assert!(like.contains(&"m6i.xlarge"));
/// assert!(!like.contains(&"m7g.xlarge")); // arm64
/// assert!(!like.contains(&"c5.xlarge")); // half the memory
/// ```
#[must_use]
// Options by value, as builders are passed: `similar(m5, SimilarOptions::new().cheaper_only(true))`.
#[allow(clippy::needless_pass_by_value)]
pub fn similar(of: Entry<'_>, options: SimilarOptions) -> Found<Similar<'_>> {
    let scope = ScopeIn::new(of.catalogue(), &options.scope);
    let Some(target) = of.specs() else {
        return scope.found(Vec::new(), 0);
    };
    let target = &target;
    let price_difference = |e: &Entry<'_>| scope.price_difference(&of, e);
    let alike = of.catalogue().iter().filter(|e| *e != of).filter(|e| {
        e.specs().is_some_and(|specs| {
            let specs = &specs;
            shares_architecture(target, specs, options.any_architecture)
                && specs.bare_metal == target.bare_metal
                && gpus(specs).total_cmp(&gpus(target)).is_eq()
                && accelerator_kind(specs) == accelerator_kind(target)
                && ratio_within(f64::from(specs.vcpus), f64::from(target.vcpus))
                && ratio_within(specs.memory_mib as f64, target.memory_mib as f64)
                && (!options.current_generation_only || specs.current_generation)
                && options
                    .max_price
                    .is_none_or(|max| scope.cost(e).is_some_and(|(usd, _)| usd <= max))
                && (!options.cheaper_only || price_difference(e).is_some_and(|d| d < 0.0))
        })
    });
    let (kept, unknown) = scope.keep_offered(alike);
    let mut found: Vec<Similar<'_>> = kept
        .into_iter()
        .filter_map(|e| {
            let specs = e.specs()?;
            Some(Similar {
                entry: e,
                distance: relative(f64::from(specs.vcpus), f64::from(target.vcpus))
                    + relative(specs.memory_mib as f64, target.memory_mib as f64),
                price_difference: price_difference(&e),
            })
        })
        .collect();
    let price = |e: &Entry<'_>| scope.cost(e).map(|(usd, _)| usd);
    found.sort_by(|a, b| {
        a.distance
            .total_cmp(&b.distance)
            .then_with(|| compare_figures(price(&a.entry), price(&b.entry)))
            .then_with(|| a.entry.name_rank().cmp(&b.entry.name_rank()))
    });
    scope.found(found, unknown)
}

fn shares_architecture(a: &Specs<'_>, b: &Specs<'_>, any: bool) -> bool {
    any || a
        .architectures
        .iter()
        .any(|arch| b.architectures.contains(arch))
}

/// GPUs as a number: whole GPUs, or the share of one for a fractional part.
fn gpus(specs: &Specs<'_>) -> f64 {
    specs
        .gpu
        .map_or(0.0, |g| g.share.unwrap_or(f64::from(g.count)))
}

fn accelerator_kind(specs: &Specs<'_>) -> Option<AcceleratorKind> {
    specs.accelerator.map(|a| a.kind)
}

fn ratio_within(value: f64, target: f64) -> bool {
    value >= 0.9 * target && value <= 1.2 * target
}

fn relative(value: f64, target: f64) -> f64 {
    if target == 0.0 {
        0.0
    } else {
        (value - target).abs() / target
    }
}
