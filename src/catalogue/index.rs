//! Lookups over the generated table: the perfect-hash index by name and the family order.

use super::entry::Entry;
use super::hash;
use super::names::name_span;
use super::table::{BY_FAMILY, ENTRIES, PILOTS, SEED, SLOTS};
use super::texts::NAMES_TEXT;

/// The entry named exactly `name`, through the perfect hash: one hash, one probe, one
/// comparison.
#[inline]
pub(crate) fn by_name(name: &str) -> Option<&'static Entry> {
    let h = hash::name_hash(name.as_bytes(), SEED);
    let pilot = *PILOTS.get(hash::bucket(h, PILOTS.len()))?;
    let index = usize::from(*SLOTS.get(hash::slot(h, pilot, SLOTS.len()))?);
    // Bytes, not `str`: no character-boundary checks on the hot path.
    if same_bytes(
        NAMES_TEXT.as_bytes().get(name_span(index)?)?,
        name.as_bytes(),
    ) {
        ENTRIES.get(index)
    } else {
        None
    }
}

/// Equality of two short byte strings, eight bytes at a time, inline: a slice `==` would
/// call `memcmp`, which costs more than the whole comparison of a name.
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let word = |chunk: &[u8]| u64::from_le_bytes(<[u8; 8]>::try_from(chunk).unwrap_or_default());
    let (mut a_words, mut b_words) = (a.chunks_exact(8), b.chunks_exact(8));
    if !a_words
        .by_ref()
        .zip(b_words.by_ref())
        .all(|(x, y)| word(x) == word(y))
    {
        return false;
    }
    match (a.last_chunk::<8>(), b.last_chunk::<8>()) {
        // The tail, read as the last eight bytes (overlapping what was compared).
        (Some(x), Some(y)) => x == y,
        _ => a_words.remainder() == b_words.remainder(),
    }
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
