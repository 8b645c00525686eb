//! The hash of the catalogue's perfect-hash index, and its builder. The generator (`xtask`)
//! calls this same builder (`catalogue::generator`), so the bundled table, the owned
//! catalogues and the lookup can never disagree on it.

const K: u64 = 0x9E37_79B9_7F4A_7C15;

fn mix(h: u64, word: u64) -> u64 {
    let h = (h ^ word).wrapping_mul(K);
    h ^ (h >> 29)
}

/// Hashes a name eight bytes at a time; a short tail is read as the last eight bytes
/// of the name (overlapping), so no byte-by-byte copy is needed.
#[must_use]
pub fn name_hash(name: &[u8], seed: u64) -> u64 {
    let mut h = seed ^ (name.len() as u64).wrapping_mul(K);
    let mut chunks = name.chunks_exact(8);
    for chunk in &mut chunks {
        h = mix(
            h,
            u64::from_le_bytes(<[u8; 8]>::try_from(chunk).unwrap_or_default()),
        );
    }
    if !chunks.remainder().is_empty() {
        let tail = match name.last_chunk::<8>() {
            Some(last) => u64::from_le_bytes(*last),
            None => name
                .iter()
                .fold(0, |word, byte| (word << 8) | u64::from(*byte)),
        };
        h = mix(h, tail);
    }
    h ^ (h >> 32)
}

/// The slot of a hash, given its bucket's pilot, in a table of `slots` slots.
#[must_use]
pub fn slot(hash: u64, pilot: u16, slots: usize) -> usize {
    let mixed = (hash ^ u64::from(pilot).wrapping_mul(0xC2B2_AE3D_27D4_EB4F))
        .wrapping_mul(0x1656_67B1_9E37_79F9);
    ((u128::from(mixed >> 32) * slots as u128) >> 32) as usize
}

/// The bucket of a hash, in a table of `buckets` buckets.
#[must_use]
pub fn bucket(hash: u64, buckets: usize) -> usize {
    ((u128::from(hash & 0xFFFF_FFFF) * buckets as u128) >> 32) as usize
}

/// A perfect hash over `names` (at most 65,535): the seed, the pilot of each bucket and the
/// name index of each slot (`u16::MAX`: empty). `None` if no seed below 1000 works.
#[must_use]
// Used by owned catalogues (feature `overlay`) and the generator.
#[allow(dead_code)]
pub fn build(names: &[&str]) -> Option<(u64, Vec<u16>, Vec<u16>)> {
    if names.len() >= usize::from(u16::MAX) {
        return None;
    }
    let buckets = names.len().div_ceil(4).max(1);
    let slots = (names.len() * 5 / 4).max(1);
    'seed: for seed in 0..1000u64 {
        let hashes: Vec<u64> = names
            .iter()
            .map(|n| name_hash(n.as_bytes(), seed))
            .collect();
        let mut members: Vec<Vec<usize>> = vec![Vec::new(); buckets];
        for (i, h) in hashes.iter().enumerate() {
            members[bucket(*h, buckets)].push(i);
        }
        let mut order: Vec<usize> = (0..buckets).collect();
        order.sort_by_key(|b| (std::cmp::Reverse(members[*b].len()), *b));
        let mut pilots = vec![0u16; buckets];
        let mut table = vec![u16::MAX; slots];
        let mut wanted: Vec<usize> = Vec::new();
        'bucket: for b in order {
            if members[b].is_empty() {
                continue;
            }
            for pilot in 0..=u16::MAX {
                wanted.clear();
                wanted.extend(members[b].iter().map(|i| slot(hashes[*i], pilot, slots)));
                let free = wanted.iter().all(|s| table[*s] == u16::MAX);
                let distinct = wanted
                    .iter()
                    .enumerate()
                    .all(|(k, s)| !wanted[..k].contains(s));
                if free && distinct {
                    for (i, s) in members[b].iter().zip(&wanted) {
                        table[*s] = *i as u16;
                    }
                    pilots[b] = pilot;
                    continue 'bucket;
                }
            }
            continue 'seed;
        }
        return Some((seed, pilots, table));
    }
    None
}
