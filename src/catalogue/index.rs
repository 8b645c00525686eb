//! Lookups over the generated table: the perfect-hash index by name and the family order.

use super::entry::Entry;
use super::hash;
use super::table::{BY_FAMILY, ENTRIES, PILOTS, SEED, SLOTS};

/// The entry named exactly `name`, through the perfect hash: one hash, one probe, one
/// comparison.
pub(crate) fn by_name(name: &str) -> Option<&'static Entry> {
    let h = hash::name_hash(name.as_bytes(), SEED);
    let pilot = *PILOTS.get(hash::bucket(h, PILOTS.len()))?;
    let index = *SLOTS.get(hash::slot(h, pilot, SLOTS.len()))?;
    let entry = ENTRIES.get(usize::from(index))?;
    (entry.name() == name).then_some(entry)
}

/// The entries of `family`, in size order.
pub(crate) fn family(
    family: &str,
) -> impl DoubleEndedIterator<Item = &'static Entry> + ExactSizeIterator {
    let family_of = |i: &u16| ENTRIES[usize::from(*i)].family();
    let start = BY_FAMILY.partition_point(|i| family_of(i) < family);
    let end = start + BY_FAMILY[start..].partition_point(|i| family_of(i) == family);
    BY_FAMILY[start..end]
        .iter()
        .map(|i| &ENTRIES[usize::from(*i)])
}
