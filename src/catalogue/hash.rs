//! The hash of the catalogue's perfect-hash index, and its builder. The generator (`xtask`)
//! calls this same builder (`catalogue::generator`), so the bundled table, the owned
//! catalogues and the lookup can never disagree on it.

const K: u64 = 0x9E37_79B9_7F4A_7C15;
const K2: u64 = 0xA076_1D64_78BD_642F;

/// The 128-bit product of `a` and `b`, its halves folded together: one multiply that mixes
/// every bit of both words (wyhash's and foldhash's core step).
#[inline]
fn folded_multiply(a: u64, b: u64) -> u64 {
    let product = u128::from(a) * u128::from(b);
    (product as u64) ^ ((product >> 64) as u64)
}

/// The little-endian word of eight bytes.
#[inline]
fn word(bytes: [u8; 8]) -> u64 {
    u64::from_le_bytes(bytes)
}

/// The two words a name is hashed and compared by: its first and last eight bytes
/// (overlapping for names of 8 to 16 bytes, as almost all are); for a shorter name its
/// first and last four bytes, or its bytes in one word. With the length, they are the
/// whole name for names up to 16 bytes.
#[must_use]
#[inline]
pub fn name_words(name: &[u8]) -> [u64; 2] {
    match (name.first_chunk::<8>(), name.last_chunk::<8>()) {
        (Some(first), Some(last)) => [word(*first), word(*last)],
        _ => short_words(name),
    }
}

/// Hashes a name, given its two [`name_words`] (the lookup compares them too): one folded
/// multiply, and one more per eight bytes between them.
#[must_use]
#[inline]
pub fn name_hash(name: &[u8], [first, last]: [u64; 2], seed: u64) -> u64 {
    let len = name.len() as u64;
    fold_middle(
        name,
        folded_multiply(first ^ seed ^ K, last ^ len.wrapping_mul(K2)),
    )
}

/// Folds into `h` the words between the first and the last eight bytes of a name over 16
/// bytes, eight bytes at a time; a short remainder is read as the eight bytes before the
/// last eight (overlapping), so nothing is copied.
#[inline]
fn fold_middle(name: &[u8], mut h: u64) -> u64 {
    if name.len() <= 16 {
        return h;
    }
    let body = name.get(..name.len() - 8).unwrap_or_default();
    let mut chunks = body.get(8..).unwrap_or_default().chunks_exact(8);
    for chunk in &mut chunks {
        if let Some(bytes) = chunk.first_chunk::<8>() {
            h = folded_multiply(h ^ word(*bytes), K2);
        }
    }
    if !chunks.remainder().is_empty() {
        if let Some(bytes) = body.last_chunk::<8>() {
            h = folded_multiply(h ^ word(*bytes), K2);
        }
    }
    h
}

/// The words of a name shorter than eight bytes: its first and last four bytes when it
/// has four, else its bytes in one word.
#[inline]
fn short_words(name: &[u8]) -> [u64; 2] {
    match (name.first_chunk::<4>(), name.last_chunk::<4>()) {
        (Some(first), Some(last)) => [
            u64::from(u32::from_le_bytes(*first)),
            u64::from(u32::from_le_bytes(*last)),
        ],
        _ => [
            name.iter()
                .fold(0, |word, byte| (word << 8) | u64::from(*byte)),
            0,
        ],
    }
}

/// The slot of a hash, given its bucket's pilot, in a table of `slots` slots (a power of
/// two). The hash's high half, moved by the pilot: no multiply on the lookup's path. Names
/// of one bucket whose high halves collide cannot be parted by any pilot; the builder
/// then tries another seed.
#[must_use]
#[inline]
pub fn slot(hash: u64, pilot: u16, slots: usize) -> usize {
    ((hash >> 32) as usize ^ usize::from(pilot)) & slots.wrapping_sub(1)
}

/// The bucket of a hash, in a table of `buckets` buckets (a power of two).
#[must_use]
#[inline]
pub fn bucket(hash: u64, buckets: usize) -> usize {
    hash as usize & buckets.wrapping_sub(1)
}

/// A slot of the table: the name's index and its length in one word, so that a lookup
/// can reject a name of another length before reading any text. An empty slot is [`EMPTY`].
#[must_use]
#[inline]
pub fn unpack(slot: u32) -> (usize, usize) {
    ((slot & 0xFFFF) as usize, (slot >> 16) as usize)
}

/// An empty slot: index 65,535 and length 65,535, so no name matches it.
pub const EMPTY: u32 = u32::MAX;

/// A perfect hash over a list of names, as a catalogue stores it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PerfectHash {
    /// The seed of `name_hash`.
    pub seed: u64,
    /// The pilot of each bucket.
    pub pilots: Vec<u16>,
    /// Each slot: the index and length of the name in it (see `unpack`; `EMPTY` when
    /// empty).
    pub slots: Vec<u32>,
    /// Each name's `name_words`, in the names' order.
    pub words: Vec<[u64; 2]>,
}

/// A perfect hash over `names` (at most 65,534, each under 64 KiB). `None` if no seed
/// below 1000 works or the names are over those bounds.
#[must_use]
// Used by owned catalogues (feature `overlay`) and the generator.
#[allow(dead_code)]
pub fn build(names: &[&str]) -> Option<PerfectHash> {
    if names.len() >= usize::from(u16::MAX) {
        return None;
    }
    let packed = names
        .iter()
        .enumerate()
        .map(|(index, name)| Some(index as u32 | u32::from(u16::try_from(name.len()).ok()?) << 16))
        .collect::<Option<Vec<u32>>>()?;
    // Powers of two, so that `bucket` and `slot` are masks: about 2.8 names a bucket and
    // a load of 0.6 to 0.8.
    let buckets = names.len().div_ceil(4).next_power_of_two();
    let slots = (names.len() * 5 / 4).max(1).next_power_of_two();
    let words: Vec<[u64; 2]> = names.iter().map(|n| name_words(n.as_bytes())).collect();
    'seed: for seed in 0..1000u64 {
        let hashes: Vec<u64> = names
            .iter()
            .zip(&words)
            .map(|(n, w)| name_hash(n.as_bytes(), *w, seed))
            .collect();
        let mut members: Vec<Vec<usize>> = vec![Vec::new(); buckets];
        for (i, h) in hashes.iter().enumerate() {
            members[bucket(*h, buckets)].push(i);
        }
        let mut order: Vec<usize> = (0..buckets).collect();
        order.sort_by_key(|b| (std::cmp::Reverse(members[*b].len()), *b));
        let mut pilots = vec![0u16; buckets];
        let mut table = vec![EMPTY; slots];
        let mut wanted: Vec<usize> = Vec::new();
        'bucket: for b in order {
            if members[b].is_empty() {
                continue;
            }
            for pilot in 0..=u16::try_from(slots - 1).unwrap_or(u16::MAX) {
                wanted.clear();
                wanted.extend(members[b].iter().map(|i| slot(hashes[*i], pilot, slots)));
                let free = wanted.iter().all(|s| table[*s] == EMPTY);
                let distinct = wanted
                    .iter()
                    .enumerate()
                    .all(|(k, s)| !wanted[..k].contains(s));
                if free && distinct {
                    for (i, s) in members[b].iter().zip(&wanted) {
                        table[*s] = packed[*i];
                    }
                    pilots[b] = pilot;
                    continue 'bucket;
                }
            }
            continue 'seed;
        }
        return Some(PerfectHash {
            seed,
            pilots,
            slots: table,
            words,
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every name finds its own slot, and its slot holds its index and length.
    fn check(names: &[&str]) {
        let PerfectHash {
            seed,
            pilots,
            slots,
            words,
        } = build(names).expect("a perfect hash");
        assert!(slots.len().is_power_of_two() && pilots.len().is_power_of_two());
        for (index, name) in names.iter().enumerate() {
            let h = name_hash(name.as_bytes(), name_words(name.as_bytes()), seed);
            let slot = slots[super::slot(h, pilots[bucket(h, pilots.len())], slots.len())];
            assert_eq!(unpack(slot), (index, name.len()), "{name}");
            assert_eq!(words[index], name_words(name.as_bytes()), "{name}");
        }
        let used = slots.iter().filter(|s| **s != EMPTY).count();
        assert_eq!(used, names.len());
    }

    #[test]
    fn builds_for_every_size() {
        for count in [1, 2, 3, 5, 64, 1000, 20_000] {
            let names: Vec<String> = (0..count)
                .map(|i| format!("x{}.{}xlarge", i % 97, i / 97 + 2))
                .collect();
            check(&names.iter().map(String::as_str).collect::<Vec<_>>());
        }
    }

    #[test]
    fn names_of_every_length_hash_apart() {
        // Short names (the two-halves path), 8 to 16 bytes, and long ones with a middle.
        let names: Vec<String> = (1..=64).map(|len| "a".repeat(len)).collect();
        check(&names.iter().map(String::as_str).collect::<Vec<_>>());
        let long = [
            "u7in-16tb.224xlarge",
            "u7in-16tb.224xlargf",
            "u7in-16tc.224xlarge",
        ];
        check(&long);
    }

    #[test]
    fn no_table_for_no_names() {
        let hash = build(&[]).expect("an empty table");
        assert_eq!((hash.pilots.len(), hash.slots.len()), (1, 1));
        assert_eq!(hash.slots[0], EMPTY);
    }
}
