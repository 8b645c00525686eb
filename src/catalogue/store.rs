//! `Catalogue`: the tables behind the entries, over borrowed storage (the bundled snapshot,
//! compiled in) or owned storage (a snapshot with the user's data over it). One type, one
//! set of lookups: the two differ only in where their tables live.

use std::borrow::Cow;

use super::entry::{Entry, Interruption, SpotHint};
use super::stored::{Label, OnDemandPrice, Specs};
use super::strings::Texts;
use super::{Regions, hash, table, texts};
use crate::{InstanceType, Region, Size};

/// A row of the table: what an entry holds, with its specs by index.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Row {
    /// Index into the specs table, or [`NO_SPECS`].
    pub(crate) specs: u32,
    pub(crate) regions: Option<Regions>,
    pub(crate) on_demand: Option<OnDemandPrice>,
    pub(crate) spot: Option<super::SpotHint>,
}

/// The `specs` of a row without specs.
pub(crate) const NO_SPECS: u32 = u32::MAX;

/// A price given for a region other than the row's own: (row, region bit, price).
pub(crate) type RegionalPrice = (u32, u8, OnDemandPrice);

/// A catalogue of instance types: names, specs, region offerings, prices and spot hints,
/// with a perfect-hash index by name.
///
/// [`Catalogue::bundled`] is the snapshot compiled into the crate: no allocation, no
/// start-up work. An owned catalogue is the bundled one (or an empty one) with the user's
/// own data over it, such as the output of `aws ec2 describe-instance-types`; lookups and
/// queries take either the same way.
///
/// ```
/// use ec2_instance_type::catalogue::Catalogue;
///
/// let bundled = Catalogue::bundled();
/// let m5 = bundled.get("m5.xlarge").unwrap();
/// assert_eq!(m5.specs().unwrap().vcpus, 4);
/// assert_eq!(m5.next_larger().unwrap().name(), "m5.2xlarge");
/// assert!(bundled.len() > 1000);
/// ```
#[derive(Debug, Clone)]
pub struct Catalogue {
    pub(crate) rows: Cow<'static, [Row]>,
    pub(crate) specs: Cow<'static, [Specs]>,
    /// Every name, one after another, in row order.
    pub(crate) names_text: Cow<'static, str>,
    /// Where each name starts in `names_text`, and where the last ends.
    pub(crate) name_starts: Cow<'static, [u32]>,
    pub(crate) seed: u64,
    pub(crate) pilots: Cow<'static, [u16]>,
    /// Each slot's name: its index and length (`hash::unpack`).
    pub(crate) slots: Cow<'static, [u32]>,
    /// Each name's first and last eight bytes (`hash::name_words`), in row order: a lookup
    /// compares them, not the text, for names up to 16 bytes.
    pub(crate) name_words: Cow<'static, [[u64; 2]]>,
    /// Row indices ordered by family text, then size.
    pub(crate) by_family: Cow<'static, [u16]>,
    /// Each row's place in name order.
    pub(crate) name_rank: Cow<'static, [u16]>,
    /// Where each row's spot rows start in `spot_rows`, and where the last ends.
    pub(crate) spot_starts: Cow<'static, [u16]>,
    /// (region bit, savings percent, interruption band index).
    pub(crate) spot_rows: Cow<'static, [(u8, i8, u8)]>,
    /// The regions the offering data covers.
    pub(crate) covered: Regions,
    /// Prices of regions other than a row's own, sorted by row.
    pub(crate) regional_prices: Cow<'static, [RegionalPrice]>,
    /// The regions the catalogue has on-demand prices of.
    pub(crate) priced: Regions,
    /// The regions the spot advisor data covers.
    pub(crate) spot_covered: Regions,
    /// The texts beyond the bundled ones that the tables refer to.
    pub(crate) texts: Texts,
    /// Where the offering data comes from.
    pub(crate) regions_source: Cow<'static, str>,
}

/// The bundled snapshot.
static BUNDLED: Catalogue = Catalogue {
    rows: Cow::Borrowed(&table::ROWS),
    specs: Cow::Borrowed(&table::SPECS),
    names_text: Cow::Borrowed(texts::NAMES_TEXT),
    name_starts: Cow::Borrowed(&texts::NAME_STARTS),
    seed: table::SEED,
    pilots: Cow::Borrowed(&table::PILOTS),
    slots: Cow::Borrowed(&table::SLOTS),
    name_words: Cow::Borrowed(&table::NAME_WORDS),
    by_family: Cow::Borrowed(&table::BY_FAMILY),
    name_rank: Cow::Borrowed(&texts::NAME_RANK),
    spot_starts: Cow::Borrowed(&texts::SPOT_STARTS),
    spot_rows: Cow::Borrowed(&texts::SPOT_ROWS),
    covered: Regions(texts::OFFERING_REGIONS),
    regional_prices: Cow::Borrowed(&[]),
    priced: Regions(texts::PRICED_REGIONS),
    spot_covered: Regions(texts::SPOT_REGIONS),
    texts: Texts::new(),
    regions_source: Cow::Borrowed(texts::SPECS_SNAPSHOT),
};

impl Catalogue {
    /// The snapshot compiled into the crate (see the [module docs](crate::catalogue) for
    /// its sources and dates).
    #[must_use]
    pub fn bundled() -> &'static Catalogue {
        &BUNDLED
    }

    /// How many entries.
    #[must_use]
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether there are none.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The entry at row `index`.
    #[inline]
    pub(crate) fn entry(&self, index: usize) -> Option<Entry<'_>> {
        (index < self.rows.len()).then_some(Entry {
            catalogue: self,
            index: index as u32,
        })
    }

    /// Row `index`.
    #[inline]
    pub(crate) fn row(&self, index: usize) -> Option<&Row> {
        self.rows.get(index)
    }

    /// The stored specs of row `index`.
    pub(crate) fn stored_specs(&self, index: usize) -> Option<&Specs> {
        self.specs.get(self.row(index)?.specs as usize)
    }

    /// The text of `label`.
    #[inline]
    pub(crate) fn text(&self, label: Label) -> &str {
        self.texts.get(label)
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

    /// The regions the offering data covers: for the others the catalogue does not know
    /// which types they offer.
    #[must_use]
    pub fn covered_regions(&self) -> Regions {
        self.covered
    }

    /// The regions the Spot Instance Advisor data covers.
    #[must_use]
    pub fn spot_regions(&self) -> Regions {
        self.spot_covered
    }

    /// Where the offering data comes from: the bundled snapshot, then the names of the
    /// user's files that replaced a region's list, with the regions.
    #[must_use]
    pub fn regions_source(&self) -> &str {
        &self.regions_source
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
            return it.normalization_factor();
        }
        self.family(it.family())
            .filter_map(|e| e.instance_type().normalization_factor())
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

    /// The name of row `index`.
    pub(crate) fn name_at(&self, index: usize) -> &str {
        let span = || {
            let start = *self.name_starts.get(index)? as usize;
            let end = *self.name_starts.get(index + 1)? as usize;
            self.names_text.get(start..end)
        };
        span().unwrap_or_default()
    }

    /// Row `index`'s place in name order.
    pub(crate) fn name_rank(&self, index: usize) -> u32 {
        self.name_rank
            .get(index)
            .map_or(u32::MAX, |rank| u32::from(*rank))
    }

    /// The row named exactly `name`, through the perfect hash: one hash, one probe, one
    /// comparison.
    #[inline]
    pub(crate) fn index_of(&self, name: &str) -> Option<usize> {
        let bytes = name.as_bytes();
        let words = hash::name_words(bytes);
        let h = hash::name_hash(bytes, words, self.seed);
        let pilot = *self.pilots.get(hash::bucket(h, self.pilots.len()))?;
        let slot = *self.slots.get(hash::slot(h, pilot, self.slots.len()))?;
        let (index, len) = hash::unpack(slot);
        // The length and the two words are the whole name up to 16 bytes.
        if len != bytes.len() || *self.name_words.get(index)? != words {
            return None;
        }
        if len > 16 {
            let start = *self.name_starts.get(index)? as usize;
            let stored = self.names_text.as_bytes().get(start..start + len)?;
            return (stored == bytes).then_some(index);
        }
        Some(index)
    }

    /// The spot hint of row `index` in `region`.
    pub(crate) fn spot_hint(&self, index: usize, region: &Region) -> Option<SpotHint> {
        let bit = region.index()?;
        let start = usize::from(*self.spot_starts.get(index)?);
        let end = usize::from(*self.spot_starts.get(index + 1)?);
        let (_, savings, band) = self
            .spot_rows
            .get(start..end)?
            .iter()
            .find(|(r, _, _)| usize::from(*r) == bit)?;
        Some(SpotHint {
            savings_percent: *savings,
            interruption: Interruption::known().nth(usize::from(*band))?,
        })
    }

    /// Every price of row `index` in `region`: its own and those given for other regions,
    /// operating systems and tenancies.
    pub(crate) fn prices_in(
        &self,
        index: usize,
        region: &Region,
    ) -> impl Iterator<Item = OnDemandPrice> + '_ {
        let own = self
            .row(index)
            .and_then(|row| row.on_demand)
            .filter(|p| self.text(p.region) == region.as_str());
        let bit = region.index();
        let first = self
            .regional_prices
            .partition_point(|(row, _, _)| (*row as usize) < index);
        let others = self.regional_prices[first..]
            .iter()
            .take_while(move |(row, _, _)| *row as usize == index)
            .filter(move |(_, r, _)| Some(usize::from(*r)) == bit)
            .map(|(_, _, price)| *price);
        own.into_iter().chain(others)
    }

    /// The operating system of a stored price, as AWS names it.
    pub(crate) fn os_of(&self, price: &OnDemandPrice) -> &str {
        price.os.map_or("Linux", |os| self.text(os))
    }

    /// The region whose prices answers compare when `asked` is asked for: itself where
    /// the catalogue has its prices, else us-east-1 (the bundled catalogue's).
    #[must_use]
    pub fn price_region(&self, asked: Option<&Region>) -> Region {
        asked
            .filter(|r| self.has_prices_for(r))
            .copied()
            .unwrap_or_else(Region::us_east_1)
    }

    /// Whether the catalogue has on-demand prices of `region` (the bundled one: us-east-1,
    /// and GovCloud for a few types).
    #[must_use]
    pub fn has_prices_for(&self, region: &Region) -> bool {
        self.priced.contains(region)
    }
}
