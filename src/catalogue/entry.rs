//! One catalogue entry: an instance type's specs, regions and cost hints.

use std::fmt;

use super::commitment::{Commitment, Pricing};
use super::scope::Scope;
use super::store::Catalogue;
use super::values::{SpotHint, Tenancy, same_os};
use super::views::{CommitmentRate, OnDemandPrice, Specs};
use super::{Regions, stored};
use crate::{InstanceType, Region, Size};

/// What a catalogue knows of one instance type: a view into a [`Catalogue`], cheap to copy.
///
/// Every answer about the type is asked of the entry, and comes from its catalogue: the
/// bundled one, or an owned one with the user's data. Facts are `None` where the sources
/// have no figure (never zero). Facts are the EC2 type's own: for a service name such as
/// `db.r6g.large` they describe `r6g.large`, not the service's offering or its price.
///
/// ```
/// use ec2_instance_type::{catalogue, Region};
///
/// let m5 = catalogue::get("m5.xlarge").unwrap();
/// assert_eq!(m5.specs().unwrap().vcpus, 4);
/// let price = m5.on_demand(Region::us_east_1()).unwrap();
/// assert_eq!((price.usd_per_hour, price.region), (0.192, "us-east-1"));
/// assert!(price.source.starts_with("AWS Pricing API"));
/// ```
#[derive(Clone, Copy)]
pub struct Entry<'c> {
    /// The catalogue the entry is from.
    pub(crate) catalogue: &'c Catalogue,
    /// The position in the catalogue, which also locates the name (see [`Entry::name`]).
    pub(crate) index: u32,
}

impl fmt::Debug for Entry<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Entry")
            .field("name", &self.name())
            .field("specs", &self.specs())
            .field("regions", &self.regions())
            .finish_non_exhaustive()
    }
}

/// Two entries are equal when they are the same name of the same catalogue.
impl PartialEq for Entry<'_> {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.catalogue, other.catalogue) && self.index == other.index
    }
}

/// An estimate of the Spot price of a type in one region: `on-demand × (1 − savings)`,
/// from the Spot Instance Advisor's savings and a shared-tenancy on-demand price of the
/// same region. An estimate, not a quote: the advisor publishes savings, not prices.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct SpotEstimate<'c> {
    /// The estimated USD per hour.
    pub usd_per_hour: f64,
    /// The on-demand price the savings were applied to: the type's own shared price, or,
    /// for a bare metal size with only a Dedicated price, the shared price of the
    /// virtualized size of the family with the same vCPUs ([`SpotEstimate::based_on`]).
    pub on_demand: OnDemandPrice<'c>,
    /// The type whose on-demand price was used.
    pub based_on: Entry<'c>,
}

/// An entry with the [`Scope`] its costs are asked in (a region and, if asked, an
/// operating system and tenancy): what serializes as one flat JSON object (feature
/// `serde`), prices and spot hints of that region.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct EntryAt<'c> {
    /// The entry.
    pub entry: Entry<'c>,
    scope: Scope,
}

impl<'c> EntryAt<'c> {
    /// The scope its costs are asked in.
    pub fn scope(&self) -> &Scope {
        &self.scope
    }

    /// The region of its costs: the scope's, or without one the catalogue's own price
    /// region (us-east-1 for the bundled one).
    #[must_use]
    pub fn region(&self) -> Region {
        self.scope
            .region
            .unwrap_or_else(|| self.entry.catalogue.price_region(None))
    }

    /// The on-demand price of this region, OS and tenancy, or `None`: never another
    /// region's. With neither an OS nor a tenancy asked for, [`Entry::on_demand`];
    /// otherwise exactly [`Entry::on_demand_for`] (Linux and shared where one of the two is
    /// not given).
    ///
    /// ```
    /// use ec2_instance_type::{catalogue, Region};
    ///
    /// let m5 = catalogue::get("m5.large").unwrap();
    /// // The bundled prices are us-east-1's: eu-west-1 has none, and none is given.
    /// assert!(m5.at(Region::parse("eu-west-1")?).price().is_none());
    /// assert!(m5.at(Region::us_east_1()).price().is_some());
    /// # Ok::<(), ec2_instance_type::ParseError>(())
    /// ```
    #[must_use]
    pub fn price(&self) -> Option<OnDemandPrice<'c>> {
        self.entry
            .price_asked(self.region(), self.scope.os.as_deref(), self.scope.tenancy)
    }

    /// Every commitment rate the catalogue has for the type in this region, OS (Linux
    /// unless one was asked for) and tenancy (shared unless asked), in
    /// [`Commitment::all`]'s order: Reserved terms and Savings Plans rates from AWS's
    /// files applied to an owned catalogue (the bundled one has none).
    #[must_use]
    pub fn commitment_rates(&self) -> Vec<CommitmentRate<'c>> {
        self.entry
            .rates_in(self.region(), self.scope.os.as_deref(), self.scope.tenancy)
    }

    /// The rate of `commitment` in this region, OS and tenancy
    /// ([`EntryAt::commitment_rates`]), or `None` where the catalogue has none: never
    /// another commitment's, region's or OS's.
    #[must_use]
    pub fn commitment_rate(&self, commitment: Commitment) -> Option<CommitmentRate<'c>> {
        self.commitment_rates()
            .into_iter()
            .find(|r| r.commitment == commitment)
    }

    /// What an hour costs under the scope's [`Pricing`]: the on-demand price
    /// ([`EntryAt::price`]), the Spot estimate (Linux and shared only), or the
    /// commitment's effective rate ([`EntryAt::commitment_rate`]); `None` where the
    /// catalogue has none, never another pricing's, region's or OS's.
    ///
    /// ```
    /// use ec2_instance_type::{catalogue, Region};
    /// use ec2_instance_type::catalogue::{Pricing, Scope};
    ///
    /// let m5 = catalogue::get("m5.large").unwrap();
    /// let us = Region::us_east_1();
    /// assert_eq!(m5.at(us).usd_per_hour(), Some(0.096));
    /// // The bundled catalogue has no commitment rates: none, not the on-demand price.
    /// let committed = Scope::region(us).pricing("sp-compute-1yr-no-upfront".parse()?);
    /// assert_eq!(m5.at(committed).usd_per_hour(), None);
    /// assert!(m5.at(Scope::region(us).pricing(Pricing::Spot)).usd_per_hour().is_some());
    /// # Ok::<(), ec2_instance_type::ParseError>(())
    /// ```
    #[must_use]
    pub fn usd_per_hour(&self) -> Option<f64> {
        self.entry
            .cost(
                self.region(),
                self.scope.os.as_deref(),
                self.scope.tenancy,
                self.scope.pricing,
            )
            .map(|(usd, _)| usd)
    }

    /// [`EntryAt::price`], or, with neither an OS nor a tenancy asked for and no price of
    /// this region, the price of another region marked [`OnDemandPrice::is_fallback`]
    /// ([`Entry::price_or_fallback`]): for showing one type, never for ranking.
    #[must_use]
    pub fn price_or_fallback(&self) -> Option<OnDemandPrice<'c>> {
        if self.scope.os.is_none() && self.scope.tenancy.is_none() {
            return self.entry.price_or_fallback(self.region());
        }
        self.price()
    }
}

impl<'c> Entry<'c> {
    /// The entry with the [`Scope`] its costs are asked in (a [`Region`] converts into
    /// one), to price or to serialize (feature `serde`).
    ///
    /// ```
    /// use ec2_instance_type::{catalogue, Region};
    /// use ec2_instance_type::catalogue::{Scope, Tenancy};
    ///
    /// let m5 = catalogue::get("m5.large").unwrap();
    /// assert_eq!(m5.at(Region::us_east_1()).price().unwrap().usd_per_hour, 0.096);
    /// // The bundled prices are shared Linux ones: no Dedicated one.
    /// let dedicated = Scope::region(Region::us_east_1()).tenancy(Tenancy::Dedicated);
    /// assert!(m5.at(dedicated).price().is_none());
    /// ```
    #[must_use]
    pub fn at(self, scope: impl Into<Scope>) -> EntryAt<'c> {
        EntryAt {
            entry: self,
            scope: scope.into(),
        }
    }

    /// The name: `"m5.xlarge"`.
    #[must_use]
    pub fn name(self) -> &'c str {
        self.catalogue.name_at(self.index as usize)
    }

    /// The family: everything before the dot (`"m5"`).
    #[must_use]
    pub fn family(self) -> &'c str {
        let name = self.name();
        name.split_once('.').map_or(name, |(family, _)| family)
    }

    /// The name, decoded. (Every catalogue name parses: the bundled ones are tested, owned
    /// ones checked when added. Were one not to, this would be an empty name rather than
    /// a panic.)
    #[must_use]
    pub fn instance_type(self) -> InstanceType {
        InstanceType::parse(self.name()).unwrap_or_else(|_| InstanceType::empty())
    }

    /// The catalogue the entry is from.
    #[must_use]
    pub fn catalogue(self) -> &'c Catalogue {
        self.catalogue
    }

    /// The entry's place in name order: [`InstanceType`]'s generation-aware order.
    pub(crate) fn name_rank(self) -> u32 {
        self.catalogue.name_rank(self.index as usize)
    }

    /// The `DescribeInstanceTypes` facts, or `None` for the few known names without a
    /// record. [`Specs::source`] says where they come from.
    #[must_use]
    pub fn specs(self) -> Option<Specs<'c>> {
        let stored = self.catalogue.stored_specs(self.index as usize)?;
        Some(self.catalogue.resolve_specs(stored))
    }

    /// The regions that offer the type, of those the offering data covers
    /// ([`Catalogue::covered_regions`]); `None` where the offering data does not list the
    /// type in any region (withdrawn, capacity-block only, or only in an older snapshot):
    /// unknown, not "offered nowhere". See [`Entry::offered_in`].
    #[must_use]
    pub fn regions(self) -> Option<Regions> {
        self.catalogue.row(self.index as usize)?.regions
    }

    /// Where the offering data comes from: the bundled snapshot, and the names of the
    /// user's files that replaced a region's list (the same for every entry of a
    /// catalogue: offerings are applied per region).
    #[must_use]
    pub fn regions_source(self) -> &'c str {
        self.catalogue.regions_source()
    }

    /// Whether `region` offers the type: `Some(true)` where offering data lists it there
    /// (a region's list, or an availability zone's), `Some(false)` where a region's full
    /// list leaves it out, `None` where the catalogue does not know (no region list covers
    /// the region, or the type is listed nowhere); presence in the spot advisor data is
    /// not counted as an offering.
    ///
    /// ```
    /// use ec2_instance_type::{catalogue, Region};
    ///
    /// let m5 = catalogue::get("m5.large").unwrap();
    /// assert_eq!(m5.offered_in(Region::parse("eu-west-1")?), Some(true));
    /// // The bundled offering data does not cover mx-central-1.
    /// assert_eq!(m5.offered_in(Region::parse("mx-central-1")?), None);
    /// # Ok::<(), ec2_instance_type::ParseError>(())
    /// ```
    #[must_use]
    pub fn offered_in(self, region: Region) -> Option<bool> {
        let listed = self.regions()?.contains(region);
        (listed || self.catalogue.covered_regions().contains(region)).then_some(listed)
    }

    /// The on-demand Linux price published for `region`, if the catalogue has it (the
    /// bundled one: us-east-1's; an owned one: whatever regions the user's prices give):
    /// the shared-tenancy price, or where there is none another tenancy's (the bundled
    /// data lists bare metal at Dedicated rates), which [`OnDemandPrice::tenancy`] names.
    #[must_use]
    pub fn on_demand(self, region: Region) -> Option<OnDemandPrice<'c>> {
        let linux = |p: &stored::OnDemandPrice| self.catalogue.os_of(p) == "Linux";
        let index = self.index as usize;
        let stored = self
            .catalogue
            .prices_in(index, region)
            .find(|p| linux(p) && p.tenancy == Tenancy::Shared)
            .or_else(|| self.catalogue.prices_in(index, region).find(linux))?;
        Some(self.catalogue.resolve_price(stored, false))
    }

    /// The on-demand price published for `region`, operating system `os` and `tenancy`
    /// exactly. `os` is matched as AWS names it, case and spaces aside: `"linux"`,
    /// `"windows"`, `"rhel"`, `"suse"`, `"ubuntu-pro"`,
    /// `"red-hat-enterprise-linux-with-ha"`.
    ///
    /// ```
    /// use ec2_instance_type::catalogue::{Catalogue, Tenancy};
    /// use ec2_instance_type::Region;
    ///
    /// let m5 = Catalogue::bundled().get("m5.large").unwrap();
    /// let us = Region::us_east_1();
    /// assert!(m5.on_demand_for(us, "linux", Tenancy::Shared).is_some());
    /// // The bundled prices are Linux only: a Windows price takes your own price list.
    /// assert!(m5.on_demand_for(us, "windows", Tenancy::Shared).is_none());
    /// ```
    #[must_use]
    pub fn on_demand_for(
        self,
        region: Region,
        os: &str,
        tenancy: Tenancy,
    ) -> Option<OnDemandPrice<'c>> {
        let stored = self
            .catalogue
            .prices_in(self.index as usize, region)
            .find(|p| p.tenancy == tenancy && same_os(self.catalogue.os_of(p), os))?;
        Some(self.catalogue.resolve_price(stored, false))
    }

    /// The commitment rates of `region`, OS (Linux unless given) and tenancy (shared
    /// unless given), in [`Commitment::all`]'s order.
    pub(crate) fn rates_in(
        self,
        region: Region,
        os: Option<&str>,
        tenancy: Option<Tenancy>,
    ) -> Vec<CommitmentRate<'c>> {
        let catalogue = self.catalogue;
        let os = os.unwrap_or("Linux");
        let tenancy = tenancy.unwrap_or(Tenancy::Shared);
        let mut rates: Vec<CommitmentRate<'c>> = catalogue
            .rates_of(self.index as usize)
            .iter()
            .map(|(_, rate)| catalogue.resolve_rate(rate))
            .filter(|r| r.region == region.as_str() && same_os(r.os, os) && r.tenancy == tenancy)
            .collect();
        rates.sort_by_key(|r| r.commitment);
        rates
    }

    /// What an hour costs in `region` for an OS and tenancy that may not have been asked
    /// for, under `pricing`, with the tenancy of the figure (a bare metal size's
    /// on-demand price may be Dedicated where shared was not asked for).
    pub(crate) fn cost(
        self,
        region: Region,
        os: Option<&str>,
        tenancy: Option<Tenancy>,
        pricing: Pricing,
    ) -> Option<(f64, Tenancy)> {
        match pricing {
            Pricing::OnDemand => self
                .price_asked(region, os, tenancy)
                .map(|p| (p.usd_per_hour, p.tenancy)),
            // The advisor's savings are Linux's, of shared tenancy.
            Pricing::Spot => {
                let linux = os.is_none_or(|os| same_os(os, "Linux"));
                let shared = tenancy.is_none_or(|t| t == Tenancy::Shared);
                (linux && shared)
                    .then(|| self.spot_estimate(region))
                    .flatten()
                    .map(|s| (s.usd_per_hour, Tenancy::Shared))
            }
            Pricing::Commitment(commitment) => self
                .rates_in(region, os, tenancy)
                .into_iter()
                .find(|r| r.commitment == commitment)
                .map(|r| (r.effective_usd_per_hour(), r.tenancy)),
        }
    }

    /// The price of `region` for an OS and tenancy that may not have been asked for:
    /// [`Entry::on_demand`] when neither was, else exactly [`Entry::on_demand_for`] (Linux
    /// and shared standing in for the one not given).
    pub(crate) fn price_asked(
        self,
        region: Region,
        os: Option<&str>,
        tenancy: Option<Tenancy>,
    ) -> Option<OnDemandPrice<'c>> {
        if os.is_none() && tenancy.is_none() {
            return self.on_demand(region);
        }
        self.on_demand_for(
            region,
            os.unwrap_or("Linux"),
            tenancy.unwrap_or(Tenancy::Shared),
        )
    }

    /// The on-demand price of `region`, or, when the catalogue has none, its price of
    /// another region marked [`OnDemandPrice::is_fallback`] (the bundled one lists 9 types
    /// at GovCloud prices only). For showing one type, never for ranking: compare prices
    /// of one region with [`Entry::on_demand`].
    #[must_use]
    pub fn price_or_fallback(self, region: Region) -> Option<OnDemandPrice<'c>> {
        self.on_demand(region).or_else(|| {
            let own = self.catalogue.row(self.index as usize)?.on_demand?;
            Some(self.catalogue.resolve_price(own, true))
        })
    }

    /// On-demand USD per vCPU-hour in `region`.
    #[must_use]
    pub fn usd_per_vcpu_hour(self, region: Region) -> Option<f64> {
        let vcpus = self.specs()?.vcpus;
        let price = self.on_demand(region)?;
        (vcpus > 0).then(|| price.usd_per_hour / f64::from(vcpus))
    }

    /// On-demand USD per GiB-hour of memory in `region`.
    #[must_use]
    pub fn usd_per_gib_hour(self, region: Region) -> Option<f64> {
        let specs = self.specs()?;
        let price = self.on_demand(region)?;
        (specs.memory_mib > 0).then(|| price.usd_per_hour / specs.memory_gib())
    }

    /// The Spot Instance Advisor hint (Linux) of `region`, if the advisor data has one.
    #[must_use]
    pub fn spot(self, region: Region) -> Option<SpotHint> {
        self.catalogue.spot_hint(self.index as usize, region)
    }

    /// An estimate of the Spot price in `region` (see [`SpotEstimate`]): the advisor's
    /// savings applied to a **shared-tenancy** on-demand price of the same region, as the
    /// advisor computes them. A bare metal size priced only at Dedicated rates uses the
    /// shared price of the family's virtualized size with the same vCPUs; `None` when there
    /// is none, or no hint or price of the region.
    #[must_use]
    pub fn spot_estimate(self, region: Region) -> Option<SpotEstimate<'c>> {
        let hint = self.spot(region)?;
        let shared = |e: Entry<'c>| e.on_demand(region).filter(|p| p.tenancy == Tenancy::Shared);
        let (based_on, on_demand) = if let Some(price) = shared(self) {
            (self, price)
        } else {
            let vcpus = self.specs().filter(|s| s.bare_metal)?.vcpus;
            self.catalogue
                .family(self.family())
                .filter(|e| e.specs().is_some_and(|s| !s.bare_metal && s.vcpus == vcpus))
                .find_map(|e| Some((e, shared(e)?)))?
        };
        Some(SpotEstimate {
            usd_per_hour: on_demand.usd_per_hour * (1.0 - f64::from(hint.savings_percent) / 100.0),
            on_demand,
            based_on,
        })
    }

    /// The reserved-instance normalization factor, also for a bare `metal` size: the
    /// factor of the largest other size of the family in this catalogue (`m5.metal` 192,
    /// as `m5.24xlarge`). `None` for a bare `metal` whose family has no other size.
    #[must_use]
    pub fn normalization_factor(self) -> Option<f64> {
        self.catalogue.normalization_factor(&self.instance_type())
    }

    /// The next larger size of the same family in this catalogue (`m5.xlarge` →
    /// `m5.2xlarge`).
    #[must_use]
    pub fn next_larger(self) -> Option<Entry<'c>> {
        self.catalogue.next_larger(&self.instance_type())
    }

    /// The next smaller size of the same family in this catalogue.
    #[must_use]
    pub fn next_smaller(self) -> Option<Entry<'c>> {
        self.catalogue.next_smaller(&self.instance_type())
    }
}

/// The views of a catalogue's rows: entries by name, family and order.
impl Catalogue {
    /// The entry at row `index`.
    #[inline]
    pub(crate) fn entry(&self, index: usize) -> Option<Entry<'_>> {
        (index < self.rows.len()).then_some(Entry {
            catalogue: self,
            index: index as u32,
        })
    }

    /// The entry of an EC2 name (`m5.xlarge`) or of the EC2 type inside a service name
    /// (`db.r6g.large`); `None` for names the catalogue does not know. Looking up an EC2
    /// name allocates nothing and does not parse it.
    #[must_use]
    #[inline]
    pub fn get(&self, name: &str) -> Option<Entry<'_>> {
        match self.index_of(name) {
            Some(index) => self.entry(index),
            None => self.get_service_name(name),
        }
    }

    /// The entry of the EC2 type inside a service name, off the hot path of [`Catalogue::get`].
    #[cold]
    fn get_service_name(&self, name: &str) -> Option<Entry<'_>> {
        let parsed = crate::ServiceInstanceType::parse(name).ok()?;
        self.entry(self.index_of(parsed.ec2_name())?)
    }

    /// Every entry, in byte order of name (`m10i.large` before `m5.large`); sort by
    /// [`Entry::instance_type`] for name order.
    #[must_use]
    pub fn iter(&self) -> impl ExactSizeIterator<Item = Entry<'_>> + DoubleEndedIterator {
        (0..self.rows.len()).map(move |i| Entry {
            catalogue: self,
            index: i as u32,
        })
    }

    /// Every entry of a family (`"m5"`, `"u-6tb1"`), in size order. Empty for an unknown
    /// family.
    #[must_use]
    pub fn family(
        &self,
        family: &str,
    ) -> impl ExactSizeIterator<Item = Entry<'_>> + DoubleEndedIterator {
        let family_of = |i: &u16| {
            let name = self.name_at(usize::from(*i));
            name.split_once('.').map_or(name, |(f, _)| f)
        };
        let start = self.by_family.partition_point(|i| family_of(i) < family);
        let end = start + self.by_family[start..].partition_point(|i| family_of(i) == family);
        self.by_family
            .get(start..end)
            .unwrap_or_default()
            .iter()
            .map(move |i| Entry {
                catalogue: self,
                index: u32::from(*i),
            })
    }

    /// The reserved-instance normalization factor of `it`, also for a bare `metal` size:
    /// the factor of the largest other size of its family in this catalogue (`m5.metal`
    /// 192, as `m5.24xlarge`). `None` for a bare `metal` whose family has no other size
    /// here (`mac2.metal`).
    ///
    /// ```
    /// use ec2_instance_type::{InstanceType, catalogue::Catalogue};
    ///
    /// let metal = InstanceType::parse("m5.metal")?;
    /// assert_eq!(Catalogue::bundled().normalization_factor(&metal), Some(192.0));
    /// # Ok::<(), ec2_instance_type::ParseError>(())
    /// ```
    #[must_use]
    pub fn normalization_factor(&self, it: &InstanceType) -> Option<f64> {
        if it.size() != Size::Metal {
            return it.size_normalization_factor();
        }
        self.family(it.family())
            .filter_map(|e| e.instance_type().size_normalization_factor())
            .reduce(f64::max)
    }

    /// How many `unit`s make one `whole` by normalization factors, within one family
    /// (bare `metal` included, through [`Catalogue::normalization_factor`]). `None` across
    /// families or where a factor is unknown.
    ///
    /// ```
    /// use ec2_instance_type::{InstanceType, catalogue::Catalogue};
    ///
    /// let xlarge = InstanceType::parse("m5.xlarge")?;
    /// let metal = InstanceType::parse("m5.metal")?;
    /// assert_eq!(Catalogue::bundled().units(&metal, &xlarge), Some(24.0));
    /// # Ok::<(), ec2_instance_type::ParseError>(())
    /// ```
    #[must_use]
    pub fn units(&self, whole: &InstanceType, unit: &InstanceType) -> Option<f64> {
        if whole.family() != unit.family() {
            return None;
        }
        let whole = self.normalization_factor(whole)?;
        let unit = self.normalization_factor(unit)?;
        (unit > 0.0).then(|| whole / unit)
    }

    /// The next larger size of `of`'s family in this catalogue (`m5.xlarge` →
    /// `m5.2xlarge`); `of` itself need not be in it.
    #[must_use]
    pub fn next_larger(&self, of: &InstanceType) -> Option<Entry<'_>> {
        self.family(of.family())
            .find(|e| e.instance_type().size() > of.size())
    }

    /// The next smaller size of `of`'s family in this catalogue.
    #[must_use]
    pub fn next_smaller(&self, of: &InstanceType) -> Option<Entry<'_>> {
        self.family(of.family())
            .rev()
            .find(|e| e.instance_type().size() < of.size())
    }
}
