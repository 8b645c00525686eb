//! The shape of a name apart from its processor and generation: what "the same type on
//! another processor" and "the same type, newer" compare.

use std::cmp::Ordering;

use super::Found;
use crate::catalogue::Scope;
use crate::catalogue::{Catalogue, Entry, Pricing, Tenancy};
use crate::{InstanceType, Processor, Region, Size};

/// Series, size, non-processor capability letters (as a set) and options of a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Shape<'a> {
    series: &'a str,
    size: Size,
    letters: [u8; 8],
    it: &'a InstanceType,
}

impl<'a> Shape<'a> {
    pub(crate) fn of(it: &'a InstanceType) -> Self {
        // Names are ASCII, so each letter is one byte; names have far fewer than 8 letters.
        let mut letters = [0u8; 8];
        let non_processor = it.capabilities().filter(|c| c.processor().is_none());
        for (slot, capability) in letters.iter_mut().zip(non_processor) {
            *slot = capability.letter() as u8;
        }
        letters.sort_unstable();
        Self {
            series: it.series_str(),
            size: it.size(),
            letters,
            it,
        }
    }

    /// Same series, size, non-processor letters and options.
    pub(crate) fn matches(&self, other: &Shape<'_>) -> bool {
        self.series == other.series
            && self.size == other.size
            && self.letters == other.letters
            && self.it.option_strs().eq(other.it.option_strs())
    }
}

/// Every entry of `of`'s catalogue with the same shape as `of` (`of` itself included), in
/// catalogue order: the candidates of both processor alternatives and upgrades.
pub(crate) fn same_shape(of: Entry<'_>) -> Vec<Entry<'_>> {
    let it = of.instance_type();
    let shape = Shape::of(&it);
    // The same size is written the same (`large`, `24xlarge`): comparing the text after
    // the dot first spares parsing every other name of the catalogue.
    let of_size = of.name().split_once('.').map(|(_, size)| size);
    of.catalogue()
        .iter()
        .filter(|e| e.name().split_once('.').map(|(_, size)| size) == of_size)
        .filter(|e| shape.matches(&Shape::of(&e.instance_type())))
        .collect()
}

/// The processor of an entry: the catalogue's manufacturer, else what the name states.
pub(crate) fn processor_of(entry: &Entry<'_>) -> Option<Processor> {
    entry
        .specs()
        .and_then(|s| s.processor())
        .or_else(|| entry.instance_type().processor())
}

/// Orders figures ascending, missing ones last: how answers rank prices and sizes.
pub(crate) fn compare_figures(a: Option<f64>, b: Option<f64>) -> Ordering {
    match (a, b) {
        (Some(x), Some(y)) => x.total_cmp(&y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// Where an answer applies ([`Scope`]) in one catalogue: which offerings it keeps to and
/// which prices (region, OS, tenancy) it compares.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ScopeIn<'w> {
    asked: &'w Scope,
    prices: Region,
}

impl<'w> ScopeIn<'w> {
    /// `asked` in `catalogue`: the region's prices where the catalogue has them, else
    /// us-east-1's; under a commitment, the region's rates only (a rate of another region
    /// never ranks an answer).
    pub(crate) fn new(catalogue: &Catalogue, asked: &'w Scope) -> Self {
        let prices = match asked.pricing {
            Pricing::Commitment(_) => asked.region.unwrap_or_else(|| catalogue.price_region(None)),
            Pricing::OnDemand | Pricing::Spot => catalogue.price_region(asked.region),
        };
        Self { asked, prices }
    }

    /// The region whose prices are compared.
    pub(crate) fn price_region(&self) -> Region {
        self.prices
    }

    /// The tenancy whose prices are compared.
    pub(crate) fn tenancy(&self) -> Tenancy {
        self.asked.tenancy.unwrap_or(Tenancy::Shared)
    }

    /// Whether `entry` is offered in the region asked for: `Some(true)` without one,
    /// `None` where the catalogue does not know.
    pub(crate) fn offers(&self, entry: &Entry<'_>) -> Option<bool> {
        match &self.asked.region {
            None => Some(true),
            Some(region) => entry.offered_in(*region),
        }
    }

    /// What an hour of `entry` costs here under the pricing asked for, with the figure's
    /// tenancy: of the price region only.
    pub(crate) fn cost(&self, entry: &Entry<'_>) -> Option<(f64, Tenancy)> {
        entry.cost(
            self.prices,
            self.asked.os.as_deref(),
            self.asked.tenancy,
            self.asked.pricing,
        )
    }

    /// Price of `to` minus price of `from`, when both have one here of the same tenancy
    /// (a Dedicated bare metal rate is not compared with a shared one), and they are the
    /// prices of the region asked for: none when the catalogue has none of it.
    pub(crate) fn price_difference(&self, from: &Entry<'_>, to: &Entry<'_>) -> Option<f64> {
        if self.asked.region.is_some_and(|asked| asked != self.prices) {
            return None;
        }
        let (from, to) = (self.cost(from)?, self.cost(to)?);
        (from.1 == to.1).then_some(to.0 - from.0)
    }

    /// An answer's results, with how many were left out and whose prices ranked them.
    pub(crate) fn found<T>(&self, items: Vec<T>, unknown_offerings: usize) -> Found<T> {
        Found::new(items, unknown_offerings, self.prices)
    }

    /// The candidates known to be offered here, and how many were left out because
    /// their offerings here are unknown.
    pub(crate) fn keep_offered<'c>(
        &self,
        candidates: impl Iterator<Item = Entry<'c>>,
    ) -> (Vec<Entry<'c>>, usize) {
        let mut unknown = 0;
        let kept = candidates
            .filter(|e| {
                let offered = self.offers(e);
                unknown += usize::from(offered.is_none());
                offered == Some(true)
            })
            .collect();
        (kept, unknown)
    }
}

#[cfg(test)]
mod tests {
    use super::{Shape, same_shape};
    use crate::catalogue::Catalogue;

    /// Comparing the size's text first keeps every entry a full scan finds: across the
    /// bundled catalogue, no two names of the same shape write their size differently.
    #[test]
    fn the_size_test_keeps_every_same_shape_entry() {
        let catalogue = Catalogue::bundled();
        for of in catalogue.iter() {
            let it = of.instance_type();
            let shape = Shape::of(&it);
            let scanned: Vec<_> = catalogue
                .iter()
                .filter(|e| shape.matches(&Shape::of(&e.instance_type())))
                .collect();
            assert_eq!(same_shape(of), scanned, "{}", of.name());
        }
    }
}
