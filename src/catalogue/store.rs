//! `Catalogue`: the tables behind the entries, over borrowed storage (the bundled snapshot,
//! compiled in) or owned storage (a snapshot with the user's data over it). One type, one
//! set of lookups: the two differ only in where their tables live.

use std::borrow::Cow;

use super::stored::{Label, OnDemandPrice, RegionalPrice, Row, RowRate, Specs};
use super::strings::Texts;
use super::values::{Interruption, SpotHint};
use super::{Regions, hash, table, texts};
use crate::Region;

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
    /// Reserved and Savings Plans rates, sorted by row (owned catalogues only).
    pub(crate) commitment_rates: Cow<'static, [RowRate]>,
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
    commitment_rates: Cow::Borrowed(&[]),
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
    pub(crate) fn spot_hint(&self, index: usize, region: Region) -> Option<SpotHint> {
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
        region: Region,
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
    /// The commitment rates of row `index`.
    pub(crate) fn rates_of(&self, index: usize) -> &[RowRate] {
        let row = u32::try_from(index).unwrap_or(u32::MAX);
        let first = self.commitment_rates.partition_point(|(r, _)| *r < row);
        let end = first + self.commitment_rates[first..].partition_point(|(r, _)| *r == row);
        &self.commitment_rates[first..end]
    }

    pub(crate) fn os_of(&self, price: &OnDemandPrice) -> &str {
        price.os.map_or("Linux", |os| self.text(os))
    }

    /// The region whose prices answers compare when `asked` is asked for: itself where
    /// the catalogue has its prices, else us-east-1 (the bundled catalogue's).
    #[must_use]
    pub fn price_region(&self, asked: Option<Region>) -> Region {
        asked
            .filter(|r| self.has_prices_for(*r))
            .unwrap_or_else(Region::us_east_1)
    }

    /// Whether the catalogue has on-demand prices of `region` (the bundled one: us-east-1,
    /// and GovCloud for a few types).
    #[must_use]
    pub fn has_prices_for(&self, region: Region) -> bool {
        self.priced.contains(region)
    }
}
