//! The shape of a name apart from its processor and generation: what "the same type on
//! another processor" and "the same type, newer" compare.

use crate::catalogue::{Entry, Specs};
use crate::{InstanceType, Processor, Size};

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
    of.catalogue()
        .iter()
        .filter(|e| shape.matches(&Shape::of(&e.instance_type())))
        .collect()
}

/// The processor of an entry: the catalogue's manufacturer, else what the name states.
pub(crate) fn processor_of(entry: &Entry<'_>) -> Option<Processor> {
    entry
        .specs
        .and_then(Specs::processor)
        .or_else(|| entry.instance_type().processor())
}

/// Price of `to` minus price of `from`, when both have one of the same region and
/// tenancy (a Dedicated bare metal rate is not compared with a shared one).
pub(crate) fn price_difference(from: &Entry<'_>, to: &Entry<'_>) -> Option<f64> {
    let (from, to) = (from.on_demand?, to.on_demand?);
    (from.region == to.region && from.tenancy == to.tenancy)
        .then_some(to.usd_per_hour - from.usd_per_hour)
}
