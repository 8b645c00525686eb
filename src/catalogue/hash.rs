//! The hash of the catalogue's perfect-hash index. The generator (`xtask`) includes this
//! same file, so the table and the lookup can never disagree on it.

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
