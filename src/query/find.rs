//! `Query`: filter the catalogue, sort, limit.

use super::Found;
use super::shape::{ScopeIn, compare_figures};
use crate::catalogue::Scope;
use crate::catalogue::stored::Label;
use crate::catalogue::{self, AcceleratorKind, Architecture, Entry};
use crate::keyword::keyword_enum;
use crate::{Capability, InstanceOption, InstanceType, Processor, Series};

/// A part of a name to include or exclude in a [`Query`]. The kind is explicit, so that
/// the series `g` and the capability letter `g` differ.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum NamePart {
    /// A family such as `"m5"` or `"m7i-flex"`.
    Family(String),
    /// A series such as [`Series::G`].
    Series(Series),
    /// A capability letter such as [`Capability::Graviton`].
    Capability(Capability),
    /// An option such as [`InstanceOption::Flex`].
    Option(InstanceOption),
}

/// Why a text is not a [`NamePart`]: what was wrong ([`NamePartError::kind`]), and a
/// message saying what was expected.
///
/// ```
/// use ec2_instance_type::query::{NamePart, NamePartErrorKind};
///
/// let err = "colour:g".parse::<NamePart>().unwrap_err();
/// assert_eq!(err.kind(), NamePartErrorKind::UnknownKind);
/// assert_eq!(err.to_string(), "unknown kind 'colour', expected family, series, letter or option");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct NamePartError {
    kind: NamePartErrorKind,
    message: String,
}

/// What was wrong with a name part's text. Returned by [`NamePartError::kind`].
///
/// New kinds may be added in minor releases.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum NamePartErrorKind {
    /// No `:` between the kind and the value (`flex`).
    MissingKind,
    /// A kind other than `family`, `series`, `letter`, `option`.
    UnknownKind,
    /// A value that is empty or not lowercase letters, digits and `-`.
    InvalidValue,
    /// A value its kind does not know (`series:G`, `letter:gd`).
    UnknownValue,
}

impl NamePartError {
    fn new(kind: NamePartErrorKind, message: String) -> Self {
        Self { kind, message }
    }

    /// What was wrong.
    #[must_use]
    pub fn kind(&self) -> NamePartErrorKind {
        self.kind
    }
}

/// `KIND:VALUE`: `family:m5`, `series:g`, `letter:g`, `option:flex`. The kind is explicit,
/// so the series `g` and the Graviton letter `g` differ.
impl std::str::FromStr for NamePart {
    type Err = NamePartError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        use NamePartErrorKind as Kind;
        let (kind, value) = text.split_once(':').ok_or_else(|| {
            NamePartError::new(
                Kind::MissingKind,
                format!("expected KIND:VALUE such as option:flex, found '{text}'"),
            )
        })?;
        let valid = !value.is_empty()
            && value
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !valid {
            return Err(NamePartError::new(
                Kind::InvalidValue,
                format!("'{value}' is not a lowercase name part"),
            ));
        }
        let unknown = |message: String| NamePartError::new(Kind::UnknownValue, message);
        match kind {
            "family" => Ok(NamePart::Family(value.to_owned())),
            "series" => value
                .parse()
                .map(NamePart::Series)
                .map_err(|e| unknown(e.to_string())),
            "letter" => value.parse().map(NamePart::Capability).map_err(|_| {
                unknown(format!(
                    "a capability letter is one letter, found '{value}'"
                ))
            }),
            "option" => value
                .parse()
                .map(NamePart::Option)
                .map_err(|e| unknown(e.to_string())),
            other => Err(NamePartError::new(
                Kind::UnknownKind,
                format!("unknown kind '{other}', expected family, series, letter or option"),
            )),
        }
    }
}

/// `KIND:VALUE`, as [`NamePart`]'s `FromStr` reads it.
impl std::fmt::Display for NamePart {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.kind_str(), self.value_str())
    }
}

impl NamePart {
    /// The kind as `Display` writes it: `"family"`, `"series"`, `"letter"`, `"option"`.
    #[must_use]
    pub fn kind_str(&self) -> &'static str {
        match self {
            NamePart::Family(_) => "family",
            NamePart::Series(_) => "series",
            NamePart::Capability(_) => "letter",
            NamePart::Option(_) => "option",
        }
    }

    /// The value as written: `"m5"`, `"g"`, `"flex"`.
    #[must_use]
    pub fn value_str(&self) -> &str {
        match self {
            NamePart::Family(family) => family,
            NamePart::Series(series) => series.as_str(),
            NamePart::Capability(letter) => letter.as_str(),
            NamePart::Option(option) => option.as_str(),
        }
    }

    fn kind(&self) -> u8 {
        match self {
            NamePart::Family(_) => 0,
            NamePart::Series(_) => 1,
            NamePart::Capability(_) => 2,
            NamePart::Option(_) => 3,
        }
    }

    /// Whether `it` has this part.
    #[must_use]
    pub fn matches(&self, it: &InstanceType) -> bool {
        match self {
            NamePart::Family(family) => it.family() == family,
            NamePart::Series(series) => it.series() == *series,
            NamePart::Capability(capability) => it.has_capability(*capability),
            NamePart::Option(option) => it.options().any(|o| o == *option),
        }
    }
}

keyword_enum! {
    /// What to sort [`Query`] results by. Ascending; entries without the figure come last,
    /// then ties go in name order. Its text is kebab-case: `price-per-vcpu`.
    #[derive(Default)]
    pub enum SortKey("sort key") {
        /// Name order: generation-aware, as [`InstanceType`]'s `Ord` (`m5` before `m10i`).
        #[default]
        Name = "name",
        /// On-demand USD per hour.
        Price = "price",
        /// Estimated spot USD per hour.
        Spot = "spot",
        /// On-demand USD per vCPU-hour.
        PricePerVcpu = "price-per-vcpu",
        /// On-demand USD per GiB-hour.
        PricePerGib = "price-per-gib",
        /// vCPUs.
        Vcpus = "vcpus",
        /// Memory.
        Memory = "memory",
    }
}

impl SortKey {
    /// The figure of `entry`, with the prices `scope` compares (spot: Linux, the
    /// advisor's only).
    fn value(self, entry: &Entry<'_>, scope: &ScopeIn<'_>) -> Option<f64> {
        let price_region = scope.price_region();
        let price = || scope.cost(entry).map(|(usd, _)| usd);
        let per = |amount: Option<f64>| Some(price()? / amount.filter(|a| *a > 0.0)?);
        match self {
            SortKey::Name => Some(0.0),
            SortKey::Price => price(),
            SortKey::Spot => entry.spot_estimate(price_region).map(|s| s.usd_per_hour),
            SortKey::PricePerVcpu => per(entry.specs().map(|s| f64::from(s.vcpus))),
            SortKey::PricePerGib => per(entry.specs().map(|s| s.memory_gib())),
            SortKey::Vcpus => entry.specs().map(|s| f64::from(s.vcpus)),
            SortKey::Memory => entry.specs().map(|s| s.memory_mib as f64),
        }
    }
}

/// Filters over the catalogue. No filter applies unless set; a filter on a fact excludes
/// entries whose fact is unknown.
///
/// ```
/// use ec2_instance_type::Region;
/// use ec2_instance_type::catalogue::Architecture;
/// use ec2_instance_type::query::{Query, SortKey};
///
/// let cheapest = Query::new()
///     .architecture(Architecture::Arm64)
///     .min_vcpus(4)
///     .min_memory_gib(16.0)
///     .scope(Region::us_east_1())
///     .sort_by(SortKey::Price)
///     .limit(1)
///     .run(ec2_instance_type::catalogue::Catalogue::bundled());
/// assert_eq!(cheapest[0].name(), "t4g.xlarge");
/// ```
#[derive(Debug, Clone, Default)]
#[must_use]
pub struct Query {
    /// The filters on specs, apart: an entry without specs fails any that is set.
    specs: SpecFilters,
    /// Where the answer applies: region, and the OS and tenancy of its prices.
    scope: Scope,
    include: Vec<NamePart>,
    exclude: Vec<NamePart>,
    max_price: Option<f64>,
    max_spot: Option<f64>,
    sort: SortKey,
    limit: Option<usize>,
}

/// The filters of a [`Query`] that look at specs.
#[derive(Debug, Clone, Default, PartialEq)]
struct SpecFilters {
    vcpus: (Option<u32>, Option<u32>),
    memory_gib: (Option<f64>, Option<f64>),
    memory_per_vcpu_gib: (Option<f64>, Option<f64>),
    architecture: Option<Architecture>,
    processor: Option<Processor>,
    gpus: (Option<u32>, Option<u32>),
    gpu_manufacturer: Option<String>,
    gpu_model: Option<String>,
    min_gpu_memory_gib: Option<f64>,
    accelerator: Option<AcceleratorKind>,
    local_nvme: Option<bool>,
    min_network_gbps: Option<f64>,
    efa: Option<bool>,
    bare_metal: Option<bool>,
    burstable: Option<bool>,
    current_generation: Option<bool>,
}

macro_rules! setter {
    ($(#[$doc:meta])* $name:ident, $($field:tt).+, $type:ty) => {
        $(#[$doc])*
        pub fn $name(mut self, value: $type) -> Self {
            self.$($field).+ = Some(value.into());
            self
        }
    };
}

impl Query {
    /// A query with no filters: every entry, by name.
    pub fn new() -> Self {
        Self::default()
    }

    setter!(/// At least this many vCPUs.
        min_vcpus, specs.vcpus.0, u32);
    setter!(/// At most this many vCPUs.
        max_vcpus, specs.vcpus.1, u32);
    setter!(/// At least this much memory, in GiB.
        min_memory_gib, specs.memory_gib.0, f64);
    setter!(/// At most this much memory, in GiB.
        max_memory_gib, specs.memory_gib.1, f64);
    setter!(/// At least this much memory per vCPU, in GiB.
        min_memory_per_vcpu_gib, specs.memory_per_vcpu_gib.0, f64);
    setter!(/// At most this much memory per vCPU, in GiB.
        max_memory_per_vcpu_gib, specs.memory_per_vcpu_gib.1, f64);
    setter!(/// Supports this architecture.
        architecture, specs.architecture, Architecture);
    setter!(/// Runs on this processor, as the catalogue states it (`AWS` is Graviton).
        processor, specs.processor, Processor);
    setter!(/// At least this many whole GPUs.
        min_gpus, specs.gpus.0, u32);
    setter!(/// At most this many whole GPUs (`0`: no whole GPU).
        max_gpus, specs.gpus.1, u32);
    setter!(/// GPUs by this manufacturer (`"NVIDIA"`, case-insensitive).
        gpu_manufacturer, specs.gpu_manufacturer, &str);
    setter!(/// GPUs of this model (`"L4"`, `"H100"`, case-insensitive).
        gpu_model, specs.gpu_model, &str);
    setter!(/// At least this much GPU memory in total, in GiB.
        min_gpu_memory_gib, specs.min_gpu_memory_gib, f64);
    setter!(/// Has accelerators of this kind.
        accelerator, specs.accelerator, AcceleratorKind);
    setter!(/// With (`true`) or without (`false`) local NVMe instance storage.
        local_nvme, specs.local_nvme, bool);
    setter!(/// At least this network bandwidth, in Gbps (the peak, AWS's "up to" figure).
        min_network_gbps, specs.min_network_gbps, f64);
    setter!(/// With or without Elastic Fabric Adapter.
        efa, specs.efa, bool);
    setter!(/// Bare metal or not.
        bare_metal, specs.bare_metal, bool);
    setter!(/// Burstable or not.
        burstable, specs.burstable, bool);
    setter!(/// Current generation or not.
        current_generation, specs.current_generation, bool);

    /// Where the answer applies ([`Scope`]: a region, and the OS and tenancy of the prices
    /// compared; a [`Region`](crate::Region) alone converts). With a region, only types known to be
    /// offered there ([`Entry::offered_in`] is `Some(true)`); types whose offerings there
    /// are unknown are left out and counted ([`Found::unknown_offerings`]). A region the
    /// offering data does not cover
    /// ([`Catalogue::covered_regions`](crate::catalogue::Catalogue::covered_regions))
    /// matches nothing: check [`Query::region_is_covered`] to tell the user why.
    ///
    /// Prices are ranked by this region's where the catalogue has them, else us-east-1's
    /// (say so with [`Query::prices_from_another_region`];
    /// [`Found::prices_region`] names them).
    pub fn scope(mut self, scope: impl Into<Scope>) -> Self {
        self.scope = scope.into();
        self
    }

    /// Whether `catalogue`'s offering data covers the region asked for (`true` without one).
    #[must_use]
    pub fn region_is_covered(&self, catalogue: &catalogue::Catalogue) -> bool {
        self.scope
            .region
            .is_none_or(|r| catalogue.covered_regions().contains(r))
    }

    /// Whether the query filters on one region but sorts or caps by prices of another,
    /// because `catalogue` has none of the region asked for (the bundled one has
    /// us-east-1's): say so beside the results.
    #[must_use]
    pub fn prices_from_another_region(&self, catalogue: &catalogue::Catalogue) -> bool {
        let by_price = self.max_price.is_some()
            || self.max_spot.is_some()
            || matches!(
                self.sort,
                SortKey::Price | SortKey::Spot | SortKey::PricePerVcpu | SortKey::PricePerGib
            );
        by_price
            && self
                .scope
                .region
                .is_some_and(|r| !catalogue.has_prices_for(r))
    }

    setter!(/// At most this on-demand USD per hour.
        max_price, max_price, f64);
    setter!(/// At most this estimated spot USD per hour.
        max_spot, max_spot, f64);

    /// Only names with this part. Parts of one kind are alternatives (series `m` or
    /// `c`); parts of different kinds must all hold.
    pub fn include(mut self, part: NamePart) -> Self {
        self.include.push(part);
        self
    }

    /// No names with this part (`NamePart::Option(InstanceOption::Flex)`: no `flex`).
    pub fn exclude(mut self, part: NamePart) -> Self {
        self.exclude.push(part);
        self
    }

    /// Sort the results.
    pub fn sort_by(mut self, key: SortKey) -> Self {
        self.sort = key;
        self
    }

    /// Keep at most this many results.
    pub fn limit(mut self, limit: usize) -> Self {
        self.limit = Some(limit);
        self
    }

    /// Whether an entry passes every filter, in its own catalogue (an entry whose
    /// offerings in the region are unknown does not).
    #[must_use]
    pub fn matches(&self, entry: &Entry<'_>) -> bool {
        let scope = ScopeIn::new(entry.catalogue(), &self.scope);
        scope.offers(entry) == Some(true) && self.matches_in(entry, &scope)
    }

    /// Every filter but the region's offerings.
    fn matches_in(&self, entry: &Entry<'_>, scope: &ScopeIn<'_>) -> bool {
        // Cheapest checks first; the name is decoded only when a name part is asked for.
        self.matches_costs(entry, scope)
            && self.matches_specs(entry)
            && (self.include.is_empty() && self.exclude.is_empty()
                || self.matches_name(&entry.instance_type()))
    }

    fn matches_name(&self, it: &InstanceType) -> bool {
        let included = (0..4).all(|kind| {
            let mut of_kind = self.include.iter().filter(|p| p.kind() == kind).peekable();
            of_kind.peek().is_none() || of_kind.any(|p| p.matches(it))
        });
        included && !self.exclude.iter().any(|p| p.matches(it))
    }

    fn matches_costs(&self, entry: &Entry<'_>, scope: &ScopeIn<'_>) -> bool {
        self.max_price
            .is_none_or(|max| SortKey::Price.value(entry, scope).is_some_and(|p| p <= max))
            && self
                .max_spot
                .is_none_or(|max| SortKey::Spot.value(entry, scope).is_some_and(|s| s <= max))
    }

    /// The spec filters, read from the stored specs (texts resolved only where a filter
    /// asks for one): a query looks at every entry.
    fn matches_specs(&self, entry: &Entry<'_>) -> bool {
        let f = &self.specs;
        let catalogue = entry.catalogue();
        let Some(s) = catalogue.stored_specs(entry.index as usize) else {
            return *f == SpecFilters::default();
        };
        let gpu = s.gpu;
        let eq_ignore_case = |want: &Option<String>, have: Option<Label>| {
            want.as_deref()
                .is_none_or(|w| have.is_some_and(|h| catalogue.text(h).eq_ignore_ascii_case(w)))
        };
        let memory_gib = s.memory_mib as f64 / 1024.0;
        within(
            Some(f64::from(s.vcpus)),
            (f.vcpus.0.map(f64::from), f.vcpus.1.map(f64::from)),
        ) && within(Some(memory_gib), f.memory_gib)
            && within(
                Some(memory_gib / f64::from(s.vcpus.max(1))),
                f.memory_per_vcpu_gib,
            )
            && f.architecture.is_none_or(|a| s.architectures.contains(a))
            && f.processor.is_none_or(|p| {
                s.processor_manufacturer
                    .and_then(|m| catalogue::processor_of_manufacturer(catalogue.text(m)))
                    == Some(p)
            })
            && within(
                Some(f64::from(gpu.map_or(0, |g| g.count))),
                (f.gpus.0.map(f64::from), f.gpus.1.map(f64::from)),
            )
            && eq_ignore_case(&f.gpu_manufacturer, gpu.map(|g| g.manufacturer))
            && eq_ignore_case(&f.gpu_model, gpu.map(|g| g.model))
            && within(
                gpu.map(|g| g.memory_mib as f64 / 1024.0),
                (f.min_gpu_memory_gib, None),
            )
            && f.accelerator
                .is_none_or(|k| s.accelerator.is_some_and(|a| a.kind == k))
            && f.local_nvme
                .is_none_or(|want| s.storage.is_some_and(|d| d.nvme) == want)
            && within(s.network.peak_gbps, (f.min_network_gbps, None))
            && f.efa.is_none_or(|want| s.network.efa == want)
            && f.bare_metal.is_none_or(|want| s.bare_metal == want)
            && f.burstable.is_none_or(|want| s.burstable == want)
            && f.current_generation
                .is_none_or(|want| s.current_generation == want)
    }

    /// Runs the query over `catalogue` (the bundled one, or an owned one with the user's
    /// data); results come in the order of the sort key (name order by default).
    #[must_use]
    pub fn run<'c>(&self, catalogue: &'c catalogue::Catalogue) -> Found<Entry<'c>> {
        let scope = ScopeIn::new(catalogue, &self.scope);
        // The offering bit first: it rules out the most, for the least.
        let matching = catalogue
            .iter()
            .filter(|e| scope.offers(e) != Some(false) && self.matches_in(e, &scope));
        let (kept, unknown) = scope.keep_offered(matching);
        // Each sort key once, not once per comparison.
        let mut keyed: Vec<(Option<f64>, u32, Entry<'c>)> = kept
            .into_iter()
            .map(|e| (self.sort.value(&e, &scope), e.name_rank(), e))
            .collect();
        keyed.sort_by(|(a, a_rank, _), (b, b_rank, _)| {
            compare_figures(*a, *b).then_with(|| a_rank.cmp(b_rank))
        });
        let mut found: Vec<Entry<'c>> = keyed.into_iter().map(|(_, _, e)| e).collect();
        if let Some(limit) = self.limit {
            found.truncate(limit);
        }
        scope.found(found, unknown)
    }
}

/// Whether `value` lies within the optional bounds; an unknown value fails any bound.
fn within(value: Option<f64>, (min, max): (Option<f64>, Option<f64>)) -> bool {
    if min.is_none() && max.is_none() {
        return true;
    }
    value.is_some_and(|v| min.is_none_or(|m| v >= m) && max.is_none_or(|m| v <= m))
}
